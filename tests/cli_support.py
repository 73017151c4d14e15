"""Running the `kbassist` command in tests, the way a user runs it.

`run_kbassist` runs the command in-process through click's CliRunner: the same
`main(prog_name="kbassist")` that `python -m kbassist` calls, with the environment, the
working directory and stdin the test gives, and stdout and stderr kept apart. It answers
with a `subprocess.CompletedProcess` carrying the exit code `main()` passed to
`sys.exit`, so a test reads the same fields either way. Starting Python for every
command cost about a second a test.

`run_kbassist_process` spawns the real `python -m kbassist`: only for the few smoke
tests whose point is the entry point itself (exit status of the process, terminal bytes,
a pipe closed by its reader). Mark those tests `@pytest.mark.subprocess`.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import traceback
from pathlib import Path

from click.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent


def _text(data: bytes) -> str:
    """Output as `subprocess.run(text=True)` decodes it: UTF-8, universal newlines."""
    return data.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")


def run_kbassist(
    *args: str,
    env: dict[str, str],
    stdin: str | None = "",
    cwd: Path = REPO,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """`kbassist ARGS` in-process, seeing exactly `env` (not the test's own environment)
    in `cwd`; stdin `None` reads as an empty stdin (no test has a terminal to inherit).

    `timeout` is kept for the signature the subprocess runner had; in-process commands
    are bounded by the suite's own limits instead.
    """
    from kbassist.cli import main

    del timeout
    saved_env = dict(os.environ)
    saved_cwd = Path.cwd()
    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(
            main, list(args), input=stdin or "", prog_name="kbassist", catch_exceptions=True
        )
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        # A `-v` run configures logging; the next command in this process starts clean.
        for handler in list(root.handlers):
            if handler not in saved_handlers:
                root.removeHandler(handler)
        root.setLevel(saved_level)
    stderr = _text(result.stderr_bytes or b"")
    code = result.exit_code
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        # What the interpreter prints for an exception that escapes main() (only with
        # KBASSIST_DEBUG set: main() turns every other one into exit 70).
        assert result.exc_info is not None
        stderr += "".join(traceback.format_exception(*result.exc_info))
        code = 1
    return subprocess.CompletedProcess(
        ["kbassist", *args], code, _text(result.stdout_bytes), stderr
    )


def run_kbassist_process(
    *args: str,
    env: dict[str, str],
    stdin: str | None = "",
    cwd: Path = REPO,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """`python -m kbassist ARGS` in a subprocess: same entry point as the console script."""
    return subprocess.run(
        [sys.executable, "-m", "kbassist", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
    )
