"""SVG snapshots of the first screen and the help at 80x24 and 120x40 (--snapshot-update).

Everything shown lives under the test's HOME (shown as `~/…`) so the pictures are the
same on every machine: the KB, its index, the trees and the current folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_tui_snapshots import SIZES
from test_ux_tui import wait_for
from textual.pilot import Pilot
from tui_support import quiet, settle, wait_ready

from kbassist.paths import bundled_trees_dir
from kbassist.tui.app import KBAssistApp, make_app


@pytest.fixture
def home_app(kb_dir: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> KBAssistApp:
    """The app on the test KB, its index, trees and working folder all under HOME."""
    kb = isolated_home / "kb"
    shutil.copytree(kb_dir, kb)
    trees = isolated_home / "trees"
    shutil.copytree(bundled_trees_dir(), trees)
    monkeypatch.chdir(isolated_home)
    return make_app(articles=kb, index_dir=isolated_home / "index", trees_dir=trees)


async def first_screen(pilot: Pilot) -> None:
    """Indexed, trees read, examples found: the first screen as a newcomer sees it."""
    app = pilot.app
    assert isinstance(app, KBAssistApp)
    await wait_ready(pilot)
    await wait_for(pilot, lambda: app.welcome.examples)
    await settle(pilot)
    quiet(app)


@pytest.mark.parametrize("size", SIZES)
def test_first_screen(snap_compare, home_app: KBAssistApp, size: tuple[int, int]) -> None:
    """The first screen: the KB and its freshness, checked examples, guided fixes, F1."""
    assert snap_compare(home_app, terminal_size=size, run_before=first_screen)


@pytest.mark.parametrize("size", SIZES)
def test_first_screen_of_an_empty_kb(
    snap_compare, isolated_home: Path, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty articles folder: what to do about it, and what still works."""
    empty = isolated_home / "new-kb"
    empty.mkdir()
    trees = isolated_home / "trees"
    shutil.copytree(bundled_trees_dir(), trees)
    monkeypatch.chdir(isolated_home)
    app = make_app(articles=empty, index_dir=isolated_home / "index", trees_dir=trees)

    async def run_before(pilot: Pilot) -> None:
        await wait_for(pilot, lambda: app.kb_status.state == "failed" and app.trees_ready)
        await settle(pilot)
        quiet(app)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(snap_compare, home_app: KBAssistApp, size: tuple[int, int]) -> None:
    """F1 on the first screen: the search syntax first, in a box that scrolls."""

    async def run_before(pilot: Pilot) -> None:
        await first_screen(pilot)
        await pilot.press("f1")
        await settle(pilot)
        quiet(home_app)

    assert snap_compare(home_app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_help_screen_scrolled_to_files(
    snap_compare, home_app: KBAssistApp, size: tuple[int, int]
) -> None:
    """The help scrolled to its guided fixes and "where your files go"."""

    async def run_before(pilot: Pilot) -> None:
        await first_screen(pilot)
        await pilot.press("f1")
        await settle(pilot)
        home_app.screen.query_one("#help-guided").scroll_visible(top=True, animate=False)
        await settle(pilot)
        quiet(home_app)

    assert snap_compare(home_app, terminal_size=size, run_before=run_before)
