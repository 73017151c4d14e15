"""A value an archive step shows only as "In this example, search for "X"" (round 39,
inputs39): the admin's own value is asked, the example its default, and used in the step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kbassist.articles import load_article
from kbassist.drafting.example_inputs import this_example_values
from kbassist.drafting.tree import draft_tree

_ARTICLE = """\
## Q999391: Widget Manager Stops Processing Records

Article: Q999391
Product(s): Widget Manager

SYMPTOMS
========

Widget Manager stops processing records and logs a duplicate key error.

WORKAROUND
==========

To work around this problem, follow these steps:

1. Stop the Widget Manager service on the site server.
2. Find the problem record in the Widget\\Inbox folder by performing a text search
   on all files containing the computer name.

   In this example, search for "<WKS-042 >".

3. Delete all records that you locate with this search.
4. Start the Widget Manager service.
"""


def _draft(tmp_path: Path, text: str) -> dict[str, Any]:
    """The draft of an archive article with `text`, written under tmp_path."""
    path = tmp_path / "Q999391.txt"
    path.write_text(text, encoding="utf-8")
    return draft_tree(load_article(path))


def _inputs(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in tree["nodes"] if n["kind"] == "input"]


def _details(tree: dict[str, Any]) -> str:
    return "\n".join(
        f"{s.get('text', '')} {s.get('detail', '')}"
        for n in tree["nodes"]
        for s in n.get("steps") or []
    )


def test_in_this_example_search_value_is_asked(tmp_path: Path) -> None:
    """The computer name a search step shows only "in this example" is asked and used."""
    tree = _draft(tmp_path, _ARTICLE)
    asked = [n for n in _inputs(tree) if n.get("default") == "WKS-042"]
    assert len(asked) == 1
    assert "computer name" in asked[0]["title"]
    assert "<{" + asked[0]["var"] + "} >" in _details(tree)


def test_file_shown_in_this_example_is_not_asked(tmp_path: Path) -> None:
    """A file name the article's example types ("comctl32.ocx") is not asked as a value."""
    text = _ARTICLE.replace('search for "<WKS-042 >"', 'search for "widgets.ocx"')
    tree = _draft(tmp_path, text)
    assert not [n for n in _inputs(tree) if n.get("default") == "widgets.ocx"]


def test_example_without_a_named_thing_is_not_asked() -> None:
    """An example value whose step names no host, account or name is left as written."""
    text = 'Search all the files.\nIn this example, search for "ABC-1".'
    assert this_example_values(text) == []
    named = 'Search all files containing the user account.\nIn this example, search for "ABC-1".'
    assert this_example_values(named) == [("ABC-1", "account", "user account")]
