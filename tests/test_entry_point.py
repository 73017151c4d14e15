"""Smoke tests of the real entry point, `python -m kbassist` in its own process.

Every other CLI test runs the command in-process (tests/cli_support.py); these few pin
what only a real process shows: the exit status `main()` hands the shell, the bytes a
terminal receives, and the one stderr line a failure leaves.
"""

from __future__ import annotations

import importlib.metadata
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import REPO, run_kbassist_process

import kbassist

pytestmark = pytest.mark.subprocess


def test_version_is_the_one_version_number(env: dict[str, str]) -> None:
    """`kbassist --version` exits 0 with `__version__`, the version the package is installed as."""
    proc = run_kbassist_process("--version", env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"kbassist, version {kbassist.__version__}\n"
    assert importlib.metadata.version("kbassist") == kbassist.__version__


def test_search_exits_0_with_the_hit_on_stdout(kb_dir: Path, env: dict[str, str]) -> None:
    """A search indexes first (said on stderr) and prints the hit; the process exits 0."""
    proc = run_kbassist_process("search", "spooler", "--articles", str(kb_dir), env=env)
    assert proc.returncode == 0, proc.stderr
    assert "KB-PRN-1" in proc.stdout
    assert "indexing" in proc.stderr and "\x1b" not in proc.stdout + proc.stderr


def test_not_found_is_one_stderr_line_and_exit_3(kb_dir: Path, env: dict[str, str]) -> None:
    """`show` of an unknown id: exit status 3 and exactly one `kbassist: error:` line."""
    proc = run_kbassist_process("show", "Q0", "--articles", str(kb_dir), env=env)
    assert proc.returncode == 3
    errors = [line for line in proc.stderr.splitlines() if line.startswith("kbassist: error:")]
    assert errors == [f"kbassist: error: no article with id 'Q0' in {kb_dir}"], proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_usage_error_exits_2(env: dict[str, str]) -> None:
    """`kbassist search` with no words: click's usage message and exit status 2."""
    proc = run_kbassist_process("search", env=env)
    assert proc.returncode == 2
    assert "Missing argument 'QUERY...'" in proc.stderr
    assert "Traceback" not in proc.stderr


def _on_a_tty(*args: str, env: dict[str, str]) -> tuple[int, bytes]:
    """`python -m kbassist ARGS` with stdout on a pseudo-terminal: exit status and bytes."""
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kbassist", *args],
            stdin=subprocess.DEVNULL,
            stdout=follower,
            stderr=subprocess.DEVNULL,
            cwd=REPO,
            env=env,
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        return proc.wait(timeout=120), b"".join(chunks)
    finally:
        os.close(leader)


def test_colour_on_a_terminal_and_none_with_no_color(kb_dir: Path, env: dict[str, str]) -> None:
    """On a terminal the hit id is coloured; with NO_COLOR set the same bytes come plain."""
    args = ("search", "spooler", "--articles", str(kb_dir))
    code, coloured = _on_a_tty(*args, env=env)
    assert code == 0
    assert b"\x1b[" in coloured and b"KB-PRN-1" in coloured
    code, plain = _on_a_tty(*args, env={**env, "NO_COLOR": "1"})
    assert code == 0
    assert b"\x1b" not in plain and b"KB-PRN-1" in plain
