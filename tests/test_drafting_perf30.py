"""Drafting speed (round 30, perf30): the draft's Tree built straight from the drafter's
dict (`dict_tree.dict_result`) equals the one the strict reader reads from the written
file, and `kbassist draft`'s lint messages still name the file's lines."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from drafting_support import archive, runbook, support

from kbassist.articles import Article
from kbassist.drafting.dict_tree import dict_result
from kbassist.drafting.tree import draft_checked, draft_text, draft_tree, draft_yaml
from kbassist.trees.lint import lint_result
from kbassist.trees.loader import LoadResult, read_tree_bytes
from kbassist.trees.model import Pos

_ARCHIVE = """
SYMPTOMS
========

When you start the Backup program, you receive the following error message:

    The tape drive at \\\\.\\Tape0 is not ready.

CAUSE
=====

This problem occurs if the tape drive is turned off while the Backup service starts.

RESOLUTION
==========

To resolve this problem, use one of the following methods.

Method 1
--------

1. Turn on the tape drive.
2. Click Start, point to Settings, and then click Control Panel.
3. Double-click Tape Devices, and then click Detect.

Method 2
--------

1. Restart the computer with the tape drive turned on.
2. Start the Backup program again.
"""

_RUNBOOK = """
## Meaning

The alert fires when a node's disk is more than 85% full for 15 minutes.

## Diagnosis

Find the largest folders on the node:

```
oc debug node/$NODE -- chroot /host du -xh /var --max-depth=1
```

## Mitigation

Remove the old container images on the node:

```
oc debug node/$NODE -- chroot /host crictl rmi --prune
```
"""

_SUPPORT = """
## Symptoms

When you open a shared calendar in Outlook, you see "You don't have permission".

## Resolution

1. Ask the calendar owner to select **Share** > **Calendar Permissions**.
2. Set your permission level to **Reviewer**, and then select **OK**.
3. Restart Outlook.
"""


def _articles() -> list[Article]:
    return [
        archive(_ARCHIVE, id_="Q999930", title="Backup: tape drive is not ready"),
        runbook(_RUNBOOK, id_="NodeDiskAlmostFull"),
        support(_SUPPORT, id_="outlook-calendar-permission"),
    ]


def _lint(result: LoadResult, article: Article) -> list[str]:
    key = article.id.casefold()
    return [str(p) for p in lint_result(result, lambda r: article if r.casefold() == key else None)]


def _strict(tree: dict[str, Any], article: Article, path: Path) -> LoadResult:
    return read_tree_bytes(draft_yaml(tree, article).encode("utf-8"), path, drafted=True)


def test_tree_from_dict_equals_the_written_files() -> None:
    """The Tree, refs and uses built from the dict are what reading the file gives."""
    for article in _articles():
        tree = draft_tree(article)
        path = Path("<draft>") / f"{tree['id']}.yaml"
        text = draft_yaml(tree, article)
        built = dict_result(tree, text, path)
        back = _strict(tree, article, path)
        assert built is not None and back.tree is not None
        assert built.tree == back.tree
        assert built.tree is not None and built.tree.content_hash == back.tree.content_hash
        assert list(built.tree.nodes) == list(back.tree.nodes)
        assert [(r.kind, r.target, r.node_id) for r in built.refs] == [
            (r.kind, r.target, r.node_id) for r in back.refs
        ]
        assert [(u.what, u.variables, u.node_id, u.condition) for u in built.uses] == [
            (u.what, u.variables, u.node_id, u.condition) for u in back.uses
        ]
        assert _lint(built, article) == _lint(back, article) == []


def test_draft_command_writes_the_same_file() -> None:
    """`kbassist draft`'s text is the libyaml dump, and its Tree walks like the file's."""
    for article in _articles():
        text, tree = draft_text(article)
        assert text == draft_yaml(draft_tree(article), article)
        assert tree.drafted_from == article.id
        assert tree.outcomes()


def test_lint_problem_names_the_files_line() -> None:
    """A draft that fails lint reports the line and column the written file has."""
    article = _articles()[0]
    tree = copy.deepcopy(draft_tree(article))
    outcome = next(n for n in tree["nodes"] if n["kind"] == "outcome")
    outcome["steps"][0]["text"] = "Type {missing_answer} in the box."  # never asked
    path = Path("<draft>") / f"{tree['id']}.yaml"
    text, result, problems = draft_checked(tree, article, path)
    assert problems, "lint must catch a placeholder no step asks"
    assert [str(p) for p in problems] == _lint(_strict(tree, article, path), article)
    line = text.splitlines().index(next(x for x in text.splitlines() if "{missing_answer}" in x))
    assert any(p.line == line + 1 for p in problems)
    assert result.tree is not None and result.tree.nodes[outcome["id"]].pos != Pos(0, 0)


def test_control_character_is_left_to_the_files_read() -> None:
    """A value with a terminal escape is not built from the dict: the file's read reports it."""
    article = _articles()[2]
    tree = copy.deepcopy(draft_tree(article))
    tree["title"] = "Calendar \x1b]0;owned\x07 permission"
    path = Path("<draft>") / f"{tree['id']}.yaml"
    assert dict_result(tree, draft_yaml(tree, article), path) is None
    _, _, problems = draft_checked(tree, article, path)
    assert any("control character U+001B" in str(p) for p in problems)


def test_unknown_key_is_left_to_the_files_read() -> None:
    """A key the reader does not know is reported with its line, never dropped silently."""
    article = _articles()[1]
    tree = copy.deepcopy(draft_tree(article))
    tree["nodes"][0]["colour"] = "red"
    path = Path("<draft>") / f"{tree['id']}.yaml"
    assert dict_result(tree, draft_yaml(tree, article), path) is None
    _, _, problems = draft_checked(tree, article, path)
    assert any("unknown key 'colour'" in str(p) and p.line > 1 for p in problems)
