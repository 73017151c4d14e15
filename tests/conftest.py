"""Shared fixtures: every test runs with its own HOME, XDG dirs and index folder."""

from __future__ import annotations

import asyncio
import contextvars
import os
import shutil
import tarfile
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from kbassist.tui.app import KBAssistApp

REPO = Path(__file__).resolve().parent.parent
ARCHIVE = REPO.parent / "shared" / "corpus" / "mskb-archive.tar.xz"
SEED = REPO / "articles" / "Q98097.md"


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Archive tests share one xdist worker: the 60,335 articles are unpacked (and the
    archive indexed) once per run, not once per worker. Tests that time themselves may
    run beside that build: they time CPU-bound work in CPU seconds and give deadlines
    (a lock wait, a cancel) a second or more of slack."""
    for item in items:
        if item.get_closest_marker("archive") is not None:
            item.add_marker(pytest.mark.xdist_group("archive"))


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


#: Pilot's idle-sampling window under the `tui` fixture (Textual's own is 1/50 s).
TUI_IDLE_WINDOW = 0.005


@pytest.fixture
async def tui(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[object]:
    """The one Pilot harness: `pilot = await tui(app, size=(80, 24))` runs the app headless
    in the test's event loop (pytest-asyncio) and shuts it down when the test ends; an
    exception inside the app fails the test there, as `async with app.run_test()` does."""
    # run_test sets Textual's context variables and resets them on exit, which must
    # happen in the Context that set them: start and stop both run in this one.
    context = contextvars.copy_context()
    stack = AsyncExitStack()
    # Pilot waits after every key until the process looks idle, sampling CPU time over
    # 20 ms windows: typing a 60-character path took seconds. A 5 ms window with the same
    # ratio (idle under 5% CPU) decides the same way four times sooner; settle() and
    # wait_ready() still wait for the real conditions (workers done, timers fired).
    import textual._wait

    monkeypatch.setattr(textual._wait, "SLEEP_GRANULARITY", TUI_IDLE_WINDOW)
    monkeypatch.setattr(textual._wait, "SLEEP_IDLE", TUI_IDLE_WINDOW / 20)

    async def start(app: KBAssistApp, size: tuple[int, int] | None = (80, 24)) -> Pilot:
        entered = stack.enter_async_context(app.run_test(size=size))
        pilot = await asyncio.create_task(entered, context=context)
        # As inside `async with app.run_test()`: the app is the active one for the test.
        for var, value in context.items():
            var.set(value)
        return pilot

    try:
        yield start
    finally:
        await asyncio.create_task(stack.aclose(), context=context)
