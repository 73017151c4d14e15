"""Drafting speed (round 29, perf29): the drafted walk's one-pass read is checked against
reading the written file, positions included, by the corpus check bench/draft_roundtrip.py."""

from __future__ import annotations

import sys
from pathlib import Path

from drafting_support import archive, runbook, support

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))  # scripts

from draft_roundtrip import differs_article

from kbassist.drafting.tree import draft_read, draft_tree
from kbassist.trees.loader import read_tree_bytes

_ARCHIVE = """
SYMPTOMS
========

When you print a report from the "Billing" program, you receive the following error:

    Error 1612: The printer D:\\Spool\\Reports is not available

CAUSE
=====

This problem occurs if the spooler folder is on a drive that is full.

RESOLUTION
==========

To resolve this problem, follow these steps:

1. Click Start, and then click Control Panel.
2. Double-click Printers, right-click the printer, and then click Properties.
3. On the Advanced tab, type a folder on another drive in the Spool folder box.
4. Click OK, and then restart the computer.
"""

_RUNBOOK = """
## Meaning

The alert fires when more than 10% of the scrape targets of a job are down.

## Diagnosis

List the targets that are down:

```
oc get servicemonitors -n <namespace>
```

## Mitigation

Fix the endpoint the service monitor points at, then wait for the next scrape.
"""

_SUPPORT = """
## Symptoms

When you open a shared calendar in Outlook, it shows "Cannot open the folder".

## Resolution

1. Select **File** > **Account Settings** > **Delegate Access**.
2. Remove the calendar, and then add it again.
3. Restart Outlook.
"""


def _articles() -> list:
    return [
        archive(_ARCHIVE, id_="Q999929", title="Error 1612 when you print a report"),
        runbook(_RUNBOOK, id_="TargetsDownHigh"),
        support(_SUPPORT, id_="outlook-shared-calendar"),
    ]


def test_roundtrip_check_finds_no_difference_on_each_kind() -> None:
    """An archive article, a runbook and a support article read the same both ways."""
    for article in _articles():
        assert differs_article(article) is None, article.id


def test_node_positions_match_the_written_file() -> None:
    """Every node of the drafted walk sits at the line and column the written file has it."""
    for article in _articles():
        tree = draft_tree(article)
        path = Path("<draft>") / f"{tree['id']}.yaml"
        text, result = draft_read(tree, article, path)
        back = read_tree_bytes(text.encode("utf-8"), path, drafted=True)
        assert result.tree is not None and back.tree is not None
        ours = [(n.id, n.pos) for n in result.tree.nodes.values()]
        assert ours == [(n.id, n.pos) for n in back.tree.nodes.values()]
        lines = text.splitlines()
        for node_id, pos in ours:
            assert lines[pos.line - 1][pos.column - 1 :] == f'id: "{node_id}"'
