"""Drafting speed (round 32, perf32): the shortcuts give the very drafts the long way
gives: the text-only YAML write, and the memoised text helpers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from drafting_support import archive

from kbassist.drafting.tree import _draft_header, draft_checked, draft_read, draft_tree, draft_yaml
from kbassist.drafting.yaml_emit import emit_draft, emit_text

_ARCHIVE = """
SYMPTOMS
========

When you print a report from the "Orders" form, you receive the following error message:

    Run-time error '3021': No current record.\tThe form C:\\Orders\\Forms\\Main is closed

CAUSE
=====

This behavior occurs because the report's RecordSource is empty when the form is closed.

RESOLUTION
==========

To resolve this problem, follow these steps:

1. Open the Orders form in Design view, and then click Properties on the View menu.
2. On the Data tab, type Orders in the RecordSource box, and then click OK.
3. Save the form, close it, and then open the report again.
"""

_VALUES = [
    "plain words",
    'A "quoted" path C:\\Windows\\System32\\drivers\\etc\\hosts and "more"',
    "tab\there, newline\nhere, NUL \x00 and ESC \x1b[0m, NEL \x85, BOM \ufeff",
    "word " * 60,
    ("double  spaces  " * 30) + "end",
    "a" * 88 + "  two spaces at the width" + " b" * 40,
    "",
]


@pytest.mark.parametrize("value", _VALUES)
def test_text_only_write_is_the_file_the_node_write_gives(value: str) -> None:
    """The file `kbassist draft` writes is byte for byte the same without the YAML nodes."""
    tree: dict[str, Any] = {
        "id": "t",
        "version": 1,
        "draft": True,
        "articles": [value, "Q1"],
        "nodes": [
            {
                "id": "n",
                "text": value,
                "source": {"article": value, "section": value},
                "steps": [{"text": value, "source": {"article": "Q1", "section": "S" * 80}}],
                "empty": [],
                "none": {},
            }
        ],
    }
    emitted = emit_draft(tree, "# h\n")
    assert emitted is not None
    assert emit_text(tree, "# h\n") == emitted[0]


def test_text_only_write_refuses_what_the_node_write_refuses() -> None:
    """A value outside the drafter's shape still falls back to libyaml's own writer."""
    for odd in ({"id": "t", "x": 1.5}, {"id": "t", "x": None}, {"id": "t", "yes": "a"}):
        assert emit_text(odd, "# h\n") is None
    assert emit_text({"id": "t"}, "# one\ntwo\r\n") is None


def test_checked_draft_is_the_written_file(tmp_path: Path) -> None:
    """The checked draft's text is the dumped YAML and reads back as the same Tree."""
    article = archive(_ARCHIVE, id_="Q999932", title="Run-time error 3021 when you print")
    tree = draft_tree(article)
    path = Path("<draft>") / f"{tree['id']}.yaml"
    text, result, problems = draft_checked(tree, article, path)
    assert text == draft_yaml(tree, article)
    assert text.startswith(_draft_header(tree, article))
    assert not problems
    assert result.tree == draft_read(tree, article, path)[1].tree
    (tmp_path / "draft.yaml").write_text(text, encoding="utf-8")
