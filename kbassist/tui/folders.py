"""The folder typed into "Switch knowledge base": what it means and why it will not do.

Plain functions without Textual, like the export-name helpers in `guided.py`.
"""

from __future__ import annotations

import os
from pathlib import Path


def resolve_folder(text: str, cwd: Path | None = None) -> Path:
    """What a typed folder means: `~` expanded, relative to the current directory."""
    path = Path(text.strip()).expanduser()
    if not path.is_absolute():
        path = (cwd or Path.cwd()) / path
    return Path(os.path.normpath(path))


def folder_problem(text: str, cwd: Path | None = None) -> str | None:
    """Why `text` cannot be opened as an articles folder (shown as typed), or None."""
    if not text.strip():
        return "type the folder that holds the articles"
    folder = resolve_folder(text, cwd)
    try:
        if not folder.exists():
            return f"{folder} does not exist"
        if not folder.is_dir():
            return f"{folder} is not a folder"
    except OSError as exc:
        return f"{folder}: {exc.strerror or exc}"
    if not os.access(folder, os.R_OK | os.X_OK):
        return f"{folder} is not readable"
    return None
