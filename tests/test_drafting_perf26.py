"""Drafting speed (round 26, perf26): the draft written and composed in one pass
(`yaml_emit`) gives the very file, Tree and lint problems that writing it with libyaml and
reading it back gives, and falls back to that round trip outside the drafter's shape."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from drafting_support import archive, runbook, support

from kbassist.articles import Article
from kbassist.drafting.tree import _draft_header, draft_read, draft_text, draft_tree, draft_yaml
from kbassist.drafting.yaml_emit import _ESCAPED_RE, emit_draft
from kbassist.trees.lint import lint_result
from kbassist.trees.loader import read_tree_bytes
from kbassist.trees.safe_yaml import MAX_DEPTH, compose_yaml, walk_nodes

_ARCHIVE = """
SYMPTOMS
========

When you open a "Shared Folder" on the server, you receive the following error message:

    Error 5: Access is denied.\tThe path C:\\Program Files\\Shared\\Data is not available

CAUSE
=====

This problem occurs because the "Everyone" group has no Read permission on the folder.

RESOLUTION
==========

To resolve this problem, follow these steps:

1. Click Start, point to Programs, and then click Windows Explorer.
2. Right-click the C:\\Program Files\\Shared\\Data folder, and then click Properties.
3. On the Security tab, click Add, type Everyone in the "Enter the object names to select"
   box, and then click OK.
4. Click to select the Read check box, click OK, and then restart the computer.
"""

_RUNBOOK = """
## Meaning

The alert fires when the ingress controller reports more than 5% failed requests.

## Diagnosis

Check the router pods:

```
oc get pods -n openshift-ingress -o wide
```

## Mitigation

Restart the router pod that reports the errors:

```
oc delete pod -n openshift-ingress <router-pod-name>
```
"""

_SUPPORT = """
## Symptoms

When you sign in, Outlook shows "Need password" and never connects.

## Resolution

1. Select **File** > **Account Settings** > **Account Settings**.
2. Select the account, and then select **Repair**.
3. Restart Outlook.
"""


def _articles() -> list[Article]:
    return [
        archive(_ARCHIVE, id_="Q999926", title="Error 5 \u201cAccess is denied\u201d"),
        runbook(_RUNBOOK, id_="IngressErrorRateHigh"),
        support(_SUPPORT, id_="outlook-need-password"),
    ]


def _same_nodes(ours: yaml.Node, theirs: yaml.Node) -> None:
    assert type(ours) is type(theirs)
    assert (ours.tag, ours.start_mark.line, ours.start_mark.column) == (
        theirs.tag,
        theirs.start_mark.line,
        theirs.start_mark.column,
    )
    if isinstance(ours, yaml.ScalarNode):
        assert (ours.value, ours.style) == (theirs.value, theirs.style)
        assert (ours.end_mark.line, ours.end_mark.column) == (
            theirs.end_mark.line,
            theirs.end_mark.column,
        )
        return
    assert ours.flow_style == theirs.flow_style
    assert len(ours.value) == len(theirs.value)
    if isinstance(ours, yaml.MappingNode):
        for (key, value), (their_key, their_value) in zip(ours.value, theirs.value, strict=True):
            _same_nodes(key, their_key)
            _same_nodes(value, their_value)
    else:
        for item, their_item in zip(ours.value, theirs.value, strict=True):
            _same_nodes(item, their_item)


def _check_same(tree: dict[str, Any], header: str = "# a draft\n") -> None:
    """The one-pass text and nodes are libyaml's text and what its parser composes."""
    emitted = emit_draft(tree, header)
    assert emitted is not None
    text, root, nodes = emitted
    want = header + yaml.dump(
        tree,
        Dumper=type(_dumper()),
        sort_keys=False,
        allow_unicode=True,
        width=92,
        default_flow_style=False,
    )
    assert text == want
    composed, problems = compose_yaml(text.encode("utf-8"), Path("t.yaml"), drafted=True)
    assert composed is not None and not problems
    _same_nodes(root, composed)
    assert sorted(map(id, nodes)) == sorted(map(id, walk_nodes(root)))


def _dumper() -> Any:
    from kbassist.drafting.tree import _DraftDumper

    return _DraftDumper(None)


@pytest.mark.parametrize("article", _articles(), ids=lambda a: a.id)
def test_drafted_walk_is_what_the_written_file_reads_as(article: Article) -> None:
    """A drafted walk gets the same file, Tree and lint problems as reading the file back."""
    tree = draft_tree(article)
    path = Path("<draft>") / f"{tree['id']}.yaml"
    text, result = draft_read(tree, article, path)
    assert text == draft_yaml(tree, article)
    back = read_tree_bytes(text.encode("utf-8"), path, drafted=True)
    assert result.tree == back.tree
    assert result.problems == back.problems
    assert (result.broken_ids, result.refs, result.uses) == (back.broken_ids, back.refs, back.uses)
    key = article.id.casefold()
    lookup = lambda ref: article if ref.casefold() == key else None  # noqa: E731
    assert lint_result(result, lookup) == lint_result(back, lookup)
    assert draft_text(article)[0] == text


_HOSTILE = [
    "plain words",
    'A "quoted" path C:\\Windows\\System32\\drivers\\etc\\hosts and "more"',
    "tab\there, newline\nhere, CR\rhere, NUL \x00 and ESC \x1b[0m",
    "breaks \x85 next-line, \u2028 line, \u2029 paragraph, BOM \ufeff, NBSP \xa0",
    "emoji \U0001f600 and \ufffe \uffff non-characters",
    " leading space, trailing space ",
    "word " * 60,
    ("double  spaces  " * 30) + "end",
    "x" * 150 + " " + "y" * 10,
    ('"' * 45 + " ") * 6,
    "a" * 88 + "  two spaces at the width" + " b" * 40,
    "",
]


@pytest.mark.parametrize("value", _HOSTILE)
def test_hostile_text_is_written_and_read_as_libyaml_does(value: str) -> None:
    """Quotes, backslashes, control and break characters, long lines: same text, same nodes."""
    tree = {
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
    _check_same(tree)


def test_outside_the_drafters_shape_falls_back_to_the_round_trip() -> None:
    """A value the fast path does not write (a float, None, a quoted key) reads as before."""
    for odd in ({"id": "t", "x": 1.5}, {"id": "t", "x": None}, {"id": "t", "yes": "a"}):
        assert emit_draft(odd, "# h\n") is None
    deep: dict[str, Any] = {"id": "t"}
    inner = deep
    for _ in range(MAX_DEPTH):
        inner["next"] = {"id": "t"}
        inner = inner["next"]
    assert emit_draft(deep, "# h\n") is None
    deep["articles"] = ["Q1"]
    deep["title"] = "t"
    text, result = draft_read(deep, None, Path("t.yaml"))
    assert text == draft_yaml(deep)
    assert [p.message for p in result.problems] == [f"nested deeper than {MAX_DEPTH} levels"]


def test_a_header_with_a_line_break_takes_the_round_trip() -> None:
    """An article id holding a line break would add a line: the parser reads that file."""
    tree = {"id": "t", "title": "T", "articles": ["Q1\u2028Q2"], "nodes": []}
    assert emit_draft(tree, _draft_header(tree, None)) is None


def test_escape_search_is_linear_on_hostile_text() -> None:
    """20 KB of characters to escape is escaped in well under a second."""
    hostile = '"\\\x00 \u2028' * 4000
    started = time.perf_counter()
    emitted = emit_draft({"id": "t", "text": hostile}, "# h\n")
    assert _ESCAPED_RE.search(hostile)
    assert time.perf_counter() - started < 1.0
    assert emitted is not None
    _check_same({"id": "t", "text": hostile})
