"""Only kbassist.tui may import textual: the CLI and core must start without it."""

from __future__ import annotations

import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import kbassist

PACKAGE = Path(kbassist.__file__).resolve().parent
IMPORT_RE = re.compile(r"^\s*(?:import\s+textual\b|from\s+textual\b)", re.MULTILINE)


def core_modules() -> list[str]:
    """Every kbassist module outside kbassist.tui."""
    names = ["kbassist"]
    for info in pkgutil.walk_packages([str(PACKAGE)], prefix="kbassist."):
        if info.name == "kbassist.tui" or info.name.startswith("kbassist.tui."):
            continue
        if info.name == "kbassist.__main__":
            continue  # importing it runs the program; its only import is kbassist.cli
        names.append(info.name)
    return names


def test_core_modules_do_not_load_textual() -> None:
    """Importing every non-TUI module (and running a CLI command) leaves textual unloaded."""
    modules = core_modules()
    assert "kbassist.cli" in modules and "kbassist.index" in modules
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "from kbassist.cli import main\n"
        "try:\n"
        "    main(['search', '--help'], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(out.stdout.splitlines()[-1]) == []


def test_no_textual_import_outside_tui() -> None:
    """No source file outside kbassist/tui has an `import textual` or `from textual` line."""
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "tui" not in path.relative_to(PACKAGE).parts[:1]
        and IMPORT_RE.search(path.read_text("utf-8"))
    ]
    assert offenders == []
