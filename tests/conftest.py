"""Shared fixtures: every test runs with its own HOME, XDG dirs and index folder."""

from __future__ import annotations

import os
import shutil
import tarfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ARCHIVE = REPO.parent / "shared" / "corpus" / "mskb-archive.tar.xz"
SEED = REPO / "articles" / "Q98097.md"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the real user's cache, data or config."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    for var in ("KBASSIST_ARTICLES", "KBASSIST_INDEX_DIR", "KBASSIST_DEBUG"):
        monkeypatch.delenv(var, raising=False)
    # The other settings' variables (kbassist/settings.py) and NO_COLOR: a developer's
    # own must not change what the tests see.
    for var in (
        "KBASSIST_THEME",
        "KBASSIST_EXPORT_DIR",
        "KBASSIST_EXPORT_HOST",
        "KBASSIST_EXPORT_USER",
        "KBASSIST_EXPORT_DATE",
        "NO_COLOR",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("KBASSIST_LOCK_TIMEOUT", "1")
    return home


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    """A small articles folder: the seed plus two short articles written for the tests."""
    root = tmp_path / "kb"
    root.mkdir()
    shutil.copy(SEED, root / "Q98097.md")
    (root / "printer.md").write_text(
        "---\nid: KB-PRN-1\ntitle: Printer queue stalls after driver update\n"
        "products: [Print Server]\nkeywords: spooler queue\n---\n\n"
        "## Symptoms\n\nJobs stay in the queue and the spooler stops responding.\n\n"
        "## Cause\n\nThe new driver holds the spool file open.\n\n"
        "## Resolution\n\n1. Stop the spooler.\n2. Roll back the driver.\n",
        encoding="utf-8",
    )
    (root / "dns.md").write_text(
        "---\nid: KB-DNS-2\ntitle: DNS lookups time out on Windows 95.x clients\n"
        "products: Windows 95\n---\n\n## Symptoms\n\nName resolution takes 30 seconds "
        "on Windows 95.x and MS-DOS 6.22 clients.\n\n## Cause\n\nThe resolver tries WINS "
        "first.\n",
        encoding="utf-8",
    )
    return root


@pytest.fixture(scope="session")
def archive_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole MS KB archive unpacked once per run; skips when ../shared is absent."""
    if not ARCHIVE.exists():
        pytest.skip("MS KB archive not present (../shared/corpus)")
    target = tmp_path_factory.mktemp("archive")
    with tarfile.open(ARCHIVE) as tar:
        tar.extractall(target, filter="data")
    return target


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Environment for running the real `kbassist` command in a subprocess."""
    result = dict(os.environ)
    result["KBASSIST_INDEX_DIR"] = str(tmp_path / "index")
    return result
