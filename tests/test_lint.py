"""The code stays ruff clean: lint and format are part of the test run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _ruff() -> list[str]:
    exe = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if exe is None:
        pytest.skip("ruff not installed (pip install -e '.[test]')")
    return [exe]


def test_ruff_check_is_clean() -> None:
    """`ruff check` reports nothing on the package, tests and benchmarks."""
    result = subprocess.run(
        [*_ruff(), "check", "kbassist", "tests", "bench"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_ruff_format_is_clean() -> None:
    """`ruff format --check` finds nothing to reformat."""
    result = subprocess.run(
        [*_ruff(), "format", "--check", "kbassist", "tests", "bench"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout
