"""Round 28: a verify never keeps the condition the chosen fix removes or avoids."""

from __future__ import annotations

import time

from drafting_support import archive

from kbassist.drafting.kept_condition import drop_changed_condition
from kbassist.drafting.tree import draft_tree

_ARTICLE = """\
SYMPTOMS
========

If you start the Backup tool while the Quick Search Indexer is running, the Backup
tool may restart repeatedly.

CAUSE
=====

The Quick Search Indexer writes to the hard disk to update its index.

RESOLUTION
==========

Temporarily pause the Quick Search Indexer before you start the Backup tool. To do
so, follow these steps:

1. In Control Panel, double-click the Quick Search icon.

2. On the Index menu, click Pause Indexing, and then close the Quick Search tool.

3. Run the Backup tool.
"""


def test_redo_drops_the_state_the_fix_pauses() -> None:
    """The drafted verify redoes the action without the indexer still running."""
    article = archive(_ARTICLE, id_="Q990028", title="Backup Tool Restarts with Quick Search")
    tree = draft_tree(article)
    verify = [
        item["text"]
        for node in tree["nodes"]
        if node["kind"] == "outcome" and node["id"] != "not_this_article"
        for item in node.get("verify", [])
    ]
    assert verify
    assert not any("is running" in v for v in verify)
    assert any("restart" in v and "Backup tool" in v for v in verify)


def test_leading_state_the_fix_changes_is_dropped() -> None:
    """'When the guest user is disabled in msdb' goes once the steps grant it again."""
    verify = (
        "When the guest user is disabled in the msdb database, check that you no longer "
        "receive error 916 when you expand the Databases node."
    )
    steps = ["Grant the guest user access to the msdb database again."]
    assert drop_changed_condition(verify, steps) == (
        "With the steps above in place, check that you no longer receive error 916 when you "
        "expand the Databases node."
    )


def test_what_the_admin_does_stays() -> None:
    """'When you try to open the share, check ...' still holds after the fix: kept."""
    verify = "When you try to open the folder on the filer, check that access is no longer denied."
    steps = ["Set the Synchronize bit on the folder on the filer with ICACLS."]
    assert drop_changed_condition(verify, steps) == verify


def test_a_state_the_steps_only_use_stays() -> None:
    """A condition whose words the steps use but never change stays in the check."""
    verify = (
        "When the Report Designer is installed on the server, check that the preview "
        "shows every page."
    )
    steps = ["Open the Report Designer on the server and click Preview."]
    assert drop_changed_condition(verify, steps) == verify


def test_hostile_text_is_linear() -> None:
    """A 20 KB verify with no separators is answered at once."""
    hostile = "When " + "a is running while " * 1100
    started = time.perf_counter()
    drop_changed_condition(hostile[:20000], ["pause a running thing " * 50])
    drop_changed_condition("Start X while " + "b " * 10000 + " again: check", ["stop b"])
    assert time.perf_counter() - started < 1.0
