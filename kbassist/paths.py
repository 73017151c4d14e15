"""Where things live: the bundled KB, the per-user cache and data dirs.

The folders a user chooses come from `Settings` (read once at the entry point); these
functions take them as values and never read the environment.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

APP_NAME = "kbassist"
_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    """A wheel carries the folder in kbassist/data/; a checkout has it at the top."""
    installed = _PACKAGE / "data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def bundled_articles_dir() -> Path:
    """The knowledge base shipped with kbassist."""
    return _bundled("articles")


def bundled_trees_dir() -> Path:
    """The decision trees shipped with kbassist."""
    return _bundled("decision_trees")


def cache_root() -> Path:
    """Per-user cache dir (XDG_CACHE_HOME on Linux)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def data_root() -> Path:
    """Per-user data dir (XDG_DATA_HOME on Linux): saved sessions live here."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def index_dir_for(articles_dir: Path, override: Path | str | None = None) -> Path:
    """The index of one articles folder: the override (the index_dir setting), or the cache.

    The cache key is the folder's real path, so two knowledge bases never share an index.
    """
    if override is not None:
        return Path(override).expanduser()
    real = Path(articles_dir).expanduser().resolve()
    # fsencode: a folder name that is not UTF-8 is hashed as its bytes, not refused.
    key = hashlib.sha256(os.fsencode(real)).hexdigest()[:16]
    return cache_root() / "index" / f"{real.name or 'root'}-{key}"
