"""SVG snapshots of the screens at 80x24 and 120x40 (update with --snapshot-update)."""

from __future__ import annotations

from pathlib import Path

import pytest
from small_trees import small_tree
from textual.pilot import Pilot
from tui_support import build_app, quiet, settle, type_query, wait_ready

from kbassist.tui.app import KBAssistApp

SIZES = [(80, 24), (120, 40)]


def app_for(kb_dir: Path, tmp_path: Path) -> KBAssistApp:
    """The app with a tree for Q98097, so the guided-fix marker and button are in the picture."""
    tree = small_tree(tmp_path / "trees", "mail-backup", "Mail server stops during backup")
    return build_app(
        kb_dir, tmp_path, trees_for=lambda article_id: [tree] if article_id == "Q98097" else []
    )


@pytest.mark.parametrize("size", SIZES)
def test_search_screen(snap_compare, kb_dir: Path, tmp_path: Path, size: tuple[int, int]) -> None:
    """The search screen with hits for "server", snippets highlighted, one guided fix."""

    async def run_before(pilot: Pilot) -> None:
        await wait_ready(pilot)
        await type_query(pilot, "server")
        quiet(pilot.app)

    assert snap_compare(app_for(kb_dir, tmp_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_article_screen(snap_compare, kb_dir: Path, tmp_path: Path, size: tuple[int, int]) -> None:
    """Q98097 opened from the results: contents sidebar, header table, guided-fix button."""

    async def run_before(pilot: Pilot) -> None:
        await wait_ready(pilot)
        await type_query(pilot, "retrospect")
        await pilot.press("enter")
        await settle(pilot)
        quiet(pilot.app)

    assert snap_compare(app_for(kb_dir, tmp_path), terminal_size=size, run_before=run_before)


async def walk_to_copy_time(pilot: Pilot) -> None:
    """Open Q98097, start its guided fix, answer up to the copy time."""
    await wait_ready(pilot)
    await type_query(pilot, "mail server backup")
    await pilot.press("enter")
    await settle(pilot)
    for key in ("g", "enter", "1", "2"):
        await pilot.press(key)
        await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_walk_screen(snap_compare, kb_dir: Path, tmp_path: Path, size: tuple[int, int]) -> None:
    """The walkthrough at the copy-time input: breadcrumbs, suggestion, cited section."""

    async def run_before(pilot: Pilot) -> None:
        await walk_to_copy_time(pilot)
        quiet(pilot.app)

    app = build_app(kb_dir, tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_checklist_screen(
    snap_compare, kb_dir: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    """The MS Mail Backup checklist with its first item ticked."""

    async def run_before(pilot: Pilot) -> None:
        await walk_to_copy_time(pilot)
        for answer in ("00:00", "Mail Copies", "2", "3", "1:00 AM"):
            if answer == "2":
                await pilot.press("2")
            else:
                await pilot.press(*answer, "enter")
            await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        quiet(pilot.app)

    app = build_app(kb_dir, tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=run_before)
