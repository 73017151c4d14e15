"""Checklist building and the Markdown / Mermaid export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from kbassist.trees.catalog import find_tree
from kbassist.trees.checklist import build_checklist, cell_escape, md_escape
from kbassist.trees.engine import Walk, walk_with_answers
from kbassist.trees.export import mermaid_label, to_markdown, to_mermaid

REPO = Path(__file__).resolve().parent.parent
COPY_ANSWERS = {
    "must_backup": "yes",
    "can_stop": "no",
    "copy_time": "midnight",
    "backup_volume": "Mail Copies",
    "volume_kind": "appleshare",
    "copies": "3",
    "archive_time": "1:00 AM",
}


@pytest.fixture
def tree():  # type: ignore[no-untyped-def]
    return find_tree("q98097-retrospect-mail-server", REPO / "decision_trees")


def test_items_follow_conditions_and_fill_values(tree) -> None:  # type: ignore[no-untyped-def]
    """Only items whose condition holds are listed, filled with the answers, with sources."""
    checklist = build_checklist(walk_with_answers(tree, COPY_ANSWERS))
    texts = [i.text for i in checklist.part("steps")]
    assert (
        "Set MS Mail Backup to keep 3 copies. They are named Mail Data Backup #1 to Mail "
        "Data Backup #3; the lowest number is the most recent." in texts
    )
    assert "Set MS Mail Backup to keep one copy; it is named Mail Data Backup #1." not in texts
    assert all(i.source.article == "Q98097" for i in checklist.items)
    assert {i.source.section for i in checklist.items} == {"SUMMARY", "MORE INFORMATION"}
    assert [i.part for i in checklist.items][-1] == "rollback"


def test_markdown_has_every_part(tree) -> None:  # type: ignore[no-untyped-def]
    """The export has title, situation, answers table, task lists, sources, id, version, date."""
    text = to_markdown(
        build_checklist(walk_with_answers(tree, COPY_ANSWERS)), today=date(2024, 5, 6)
    )
    assert text.startswith("# Mail server shuts down or hangs during a Retrospect Remote backup\n")
    for heading in (
        "## Situation",
        "## Answers",
        "## Checklist",
        "## Verify",
        "## Roll back",
        "## Sources",
    ):
        assert f"\n{heading}\n" in text
    assert "- **Chosen mitigation:** Let MS Mail Backup make a copy for Retrospect to archive" in (
        text
    )
    assert "| Copy time | 00:00 |" in text
    assert "| Kind of volume | AppleShare volume |" in text
    assert (
        "- [ ] Schedule Retrospect to archive Mail Copies at 01:00, after the 00:00 copy has "
        "finished. _(Q98097, MORE INFORMATION)_" in text
    )
    assert "- Q98097 (MORE INFORMATION, SUMMARY)" in text
    assert text.rstrip().endswith(
        "decision tree `q98097-retrospect-mail-server` version 1 on 2024-05-06._"
    )
    assert "```mermaid" not in text


HOSTILE = "Vol | x\n# head `code` <script>alert(1)</script> *b* [l](u) \\ &amp;"


def test_typed_values_cannot_break_the_markdown(tree) -> None:  # type: ignore[no-untyped-def]
    """A hostile volume name stays literal text in the table and the task list."""
    answers = {**COPY_ANSWERS, "backup_volume": HOSTILE.replace("\n", " ")}
    text = to_markdown(build_checklist(walk_with_answers(tree, answers)))
    tokens = MarkdownIt("gfm-like").parse(text)
    literal = HOSTILE.replace("\n", " ")
    carriers = [t for t in tokens if t.type == "inline" and "Vol" in t.content]
    assert len(carriers) == 7  # the table cell and six checklist lines
    for inline in carriers:
        kinds = [c.type for c in inline.children or []]
        # Plain text only; the one emphasis pair is the item's own citation.
        assert set(kinds) <= {"text", "text_special", "em_open", "em_close"}, kinds
        assert kinds.count("em_open") <= 1
        plain = "".join(c.content for c in inline.children or [] if c.type.startswith("text"))
        assert literal in plain
    # The answers table keeps exactly two cells on every row.
    cells: list[int] = []
    for token in tokens:
        if token.type == "tr_open":
            cells.append(0)
        elif token.type in ("td_open", "th_open"):
            cells[-1] += 1
    assert cells and set(cells) == {2}


def test_escape_helpers() -> None:
    """md_escape keeps one line and escapes markup; a cell is never empty."""
    assert md_escape("a\nb") == "a b"
    assert md_escape("# x") == "\\# x"
    assert md_escape("a|b") == "a\\|b"
    assert md_escape("`x`") == "\\`x\\`"
    assert md_escape("<b>") == "\\<b\\>"
    assert md_escape("\x1b[2Jok") == "[2Jok".replace("[", "\\[")
    assert cell_escape("") == " "


def test_mermaid_highlights_the_path(tree) -> None:  # type: ignore[no-untyped-def]
    """The flowchart has every node, and the nodes and links taken are highlighted."""
    walk = walk_with_answers(tree, {"must_backup": "no", "exclusion": "mail-data"})
    chart = to_mermaid(tree, walk.path)
    lines = chart.splitlines()
    assert lines[0] == "flowchart TD"
    assert sum(1 for line in lines if line.startswith("    n") and "-->" not in line) == len(
        tree.nodes
    )
    ids = {node_id: f"n{i}" for i, node_id in enumerate(tree.nodes)}
    taken = ",".join(ids[n] for n in walk.path)
    assert f"    class {taken} taken" in lines
    links = [line for line in lines if "-->" in line]
    styled = next(line for line in lines if line.startswith("    linkStyle"))
    numbers = [int(n) for n in styled.split()[1].split(",")]
    assert [links[n].split()[0] for n in numbers] == [ids[n] for n in walk.path[:-1]]


def test_mermaid_labels_are_escaped() -> None:
    """Quotes, brackets and pipes in labels become entity codes, never syntax."""
    label = mermaid_label('say "hi" [x] {y} | <z>')
    for char in '"[]{}|<>':
        assert char not in label
    assert label.startswith("say #34;hi#34;")


def test_export_can_include_mermaid(tree) -> None:  # type: ignore[no-untyped-def]
    """mermaid=True adds a fenced flowchart section to the export."""
    text = to_markdown(build_checklist(walk_with_answers(tree, COPY_ANSWERS)), mermaid=True)
    assert "## Decision path\n\n```mermaid\nflowchart TD\n" in text


def test_unfinished_walk_has_no_checklist(tree) -> None:  # type: ignore[no-untyped-def]
    """Building a checklist before an outcome is reached is a programming error."""
    with pytest.raises(ValueError, match="not reached an outcome"):
        build_checklist(Walk(tree))


def test_new_export_gets_normal_permissions_and_existing_keep_theirs(tmp_path: Path) -> None:
    """A new export is readable like any new file (umask); overwriting keeps the old mode."""
    import os

    from kbassist.fileio import atomic_write

    target = tmp_path / "checklist.md"
    old = os.umask(0o022)
    try:
        atomic_write(target, "one")
        assert target.stat().st_mode & 0o777 == 0o644
        target.chmod(0o640)
        atomic_write(target, "two", overwrite=True)
        assert target.stat().st_mode & 0o777 == 0o640
        assert target.read_text() == "two"
    finally:
        os.umask(old)
