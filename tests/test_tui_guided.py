"""The TUI's plain helpers: proposed names, typed paths, ticks in the exported Markdown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kbassist.trees.catalog import find_tree
from kbassist.trees.checklist import build_checklist
from kbassist.trees.engine import walk_with_answers
from kbassist.trees.export import to_markdown
from kbassist.trees.session import check_name
from kbassist.tui.guided import (
    GuidedWalk,
    export_name,
    export_problem,
    resolve_output,
    session_name_for,
    session_name_problem,
)

ANSWERS = {
    "must_backup": "yes",
    "can_stop": "no",
    "copy_time": "midnight",
    "backup_volume": "Mail Copies #1 | <b>",
    "volume_kind": "appleshare",
    "copies": "3",
    "archive_time": "1:00 AM",
}


def test_proposed_names() -> None:
    """Exports are named kbassist-<tree>-<date>.md; sessions <tree>-<date>, always valid."""
    assert export_name("q98097-x", date(2026, 1, 31)) == "kbassist-q98097-x-2026-01-31.md"
    name = session_name_for("t" * 80, date(2026, 1, 31))
    assert check_name(name) == name
    assert name.endswith("-2026-01-31")


def test_typed_paths(tmp_path: Path) -> None:
    """Relative names are in the current directory; bad ones say why before writing."""
    assert resolve_output("a.md", tmp_path) == tmp_path / "a.md"
    assert resolve_output("sub/../b.md", tmp_path) == tmp_path / "b.md"
    assert resolve_output(str(tmp_path / "c.md")) == tmp_path / "c.md"
    assert export_problem("", tmp_path) == "type a file name"
    assert "does not exist" in (export_problem("nope/x.md", tmp_path) or "")
    assert "is a folder" in (export_problem(".", tmp_path) or "")
    assert export_problem("ok.md", tmp_path) is None


@pytest.mark.parametrize("name", ["night", "a.b-c_1"])
def test_good_session_names(name: str) -> None:
    """Letters, digits, dots, dashes and underscores make a session name."""
    assert session_name_problem(name) is None


@pytest.mark.parametrize("name", ["", "two words", "../up", "-dash"])
def test_bad_session_names(name: str) -> None:
    """Anything else is refused with the rule."""
    assert "invalid session name" in (session_name_problem(name) or "")


def test_ticked_items_export_as_done() -> None:
    """Ticked items become `- [x]`, in order, even with markup typed into an answer."""
    walk = walk_with_answers(find_tree("q98097-retrospect-mail-server"), ANSWERS)
    checklist = build_checklist(walk)
    plain = to_markdown(checklist, today=date(2026, 1, 31))
    last = len(checklist.items) - 1
    ticked = to_markdown(
        checklist,
        today=date(2026, 1, 31),
        ticked={checklist.items[0].key, checklist.items[last].key},
    )
    lines = [line for line in ticked.splitlines() if line.startswith("- [")]
    assert len(lines) == len(checklist.items)
    assert [line.startswith("- [x]") for line in lines] == [
        n in (0, last) for n in range(len(checklist.items))
    ]
    assert "Mail Copies \\#1 \\| \\<b\\>" in lines[0]
    assert to_markdown(checklist, today=date(2026, 1, 31), ticked=set()) == plain


def test_snapshot_is_the_same_walk() -> None:
    """A worker saves a copy of the walk at the same step with the same answers."""
    tree = find_tree("q98097-retrospect-mail-server")
    walk = walk_with_answers(tree, ANSWERS)
    walk.jump(4)
    copy = GuidedWalk(walk).snapshot()
    assert copy is not walk
    assert copy.path == walk.path
    assert copy.answers == walk.answers
