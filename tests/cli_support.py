"""Running the real `kbassist` command in tests, the way a user runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_kbassist(
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
