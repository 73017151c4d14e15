"""The package type-checks: mypy, configured by [tool.mypy] in pyproject.toml, runs in the suite."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_mypy_is_clean(tmp_path: Path) -> None:
    """mypy finds no error in kbassist/ with the project's settings."""
    pytest.importorskip("mypy", reason="mypy not installed (pip install -e '.[test]')")
    # A process of its own: mypy raises the recursion limit of the interpreter it runs in.
    # Its cache goes to tmp_path, never into the checkout or the home directory.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(REPO / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / "mypy-cache"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert re.search(r"no issues found in [1-9]\d* source files", result.stdout), report
