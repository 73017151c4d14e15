"""Round 29 (stepcount29): labels that count their steps count the checklist ticked, and
an `-OR-` between two ways of one numbered step is asked, never ticked in turn."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from kbassist.articles import parse_article
from kbassist.drafting.step_counts import counts_said, recounted
from kbassist.drafting.tree import draft_tree

COUNTED = """\
## Q999291: Error Message When You Change the Dial-Up Number

Article: Q999291
Product(s): Microsoft Dial-Up Service

SYMPTOMS
========

When you change the dial-up number, you receive the following error message:

   This program has performed an illegal operation and will be shut down.

CAUSE
=====

The Numbers.pbk file is damaged.

RESOLUTION
==========

To resolve this problem, use one of the following methods:

Method 1
--------

1. Use Notepad to open the Numbers.pbk file in the Dial-Up folder.

2. Delete any blank line in the file.

3. Save the file as a text file with the name Numbers.pbk.

Method 2
--------

Click Start, click Run, and then type "dialsetup" (without the quotation marks) in
the Open box. When the Dial-Up Setup program starts, click to select the I Already
Have An Account check box.
"""

ORED = """\
## Q999292: Discrepancy in Mailbox Resources After You Move Forms

Article: Q999292
Product(s): Microsoft Exchange Server

SYMPTOMS
========

The mailbox resources shown in the Administrator program do not match the size of
the mailbox.

RESOLUTION
==========

To clear up the discrepancy, follow these steps:

1. Log on to the mailbox with the Exchange Client.

2. On the Tools menu, click Options, and then click the Forms tab.

3. Click Manage, and then click Personal Forms in the list box.

4. Select the forms in the Personal Forms registry, and click Copy to move them to
  the personal folder.

  -OR-

  Click Delete to remove the forms from the Personal Forms registry.

When all forms are moved or deleted, view the mailbox resources again.
"""

MESSAGES = """\
## Q999293: Directory Synchronization Fails with the Notes Connector

Article: Q999293
Product(s): Microsoft Exchange Server

SYMPTOMS
========

Directory synchronization with the Notes connector stops.

WORKAROUND
==========

To work around this problem, follow these steps:

1. Stop the Notes connector service in Control Panel.

2. If you receive one of the following messages:

  The ID file is locked by another process.

  -or-

  Unable to open desktop file.

  end the Notes.exe process in Task Manager and start another cycle.
"""


def _draft(text: str, tmp_path: Path) -> dict[str, Any]:
    """The draft tree of `text`, read from a file under `tmp_path`."""
    path = tmp_path / "article.md"
    path.write_text(text, encoding="utf-8")
    return draft_tree(parse_article(path.read_text(encoding="utf-8"), path))


def _outcomes(tree: dict[str, Any]) -> list[dict[str, Any]]:
    """The fix outcomes of `tree`."""
    return [n for n in tree["nodes"] if n["kind"] == "outcome" and n["id"] != "not_this_article"]


def test_count_in_label_matches_the_ticks(tmp_path: Path) -> None:
    """A method named by its count says the number of steps the admin ticks."""
    tree = _draft(COUNTED, tmp_path)
    for outcome in _outcomes(tree):
        found = re.search(r"\((\d+) steps?\)", outcome["title"])
        if found:
            assert int(found.group(1)) == len(outcome["steps"]), outcome["title"]
    labels = [c["label"] for n in tree["nodes"] for c in n.get("choices", [])]
    assert not any(re.search(r"\(1 steps\)", label) for label in labels)


def test_recount_renames_title_and_choice() -> None:
    """A stale "(1 step)" becomes the final count on the outcome and on its choice."""
    tree: dict[str, Any] = {
        "nodes": [
            {
                "id": "ask",
                "kind": "question",
                "choices": [{"value": "m2", "label": "Method 2 (1 step) (2)", "next": "m2"}],
            },
            {
                "id": "m2",
                "kind": "outcome",
                "title": "Method 2 (1 step) (2)",
                "steps": [{"text": "Run setup."}, {"text": "Click OK."}],
            },
        ]
    }
    counts_said(tree)
    assert tree["nodes"][1]["title"] == "Method 2 (2 steps) (2)"
    assert tree["nodes"][0]["choices"][0]["label"] == "Method 2 (2 steps) (2)"


def test_gated_steps_keep_their_count() -> None:
    """An outcome whose steps differ per walk keeps the count it was given."""
    tree: dict[str, Any] = {
        "nodes": [
            {
                "id": "m1",
                "kind": "outcome",
                "title": "Resolution (3 steps)",
                "steps": [{"text": "A."}, {"text": "B.", "when": 'if_1 == "yes"'}],
            }
        ]
    }
    counts_said(tree)
    assert tree["nodes"][0]["title"] == "Resolution (3 steps)"


def test_or_inside_last_step_is_asked(tmp_path: Path) -> None:
    """ "Click Copy -OR- Click Delete" in one step is a choice, never both ticked."""
    tree = _draft(ORED, tmp_path)
    (outcome,) = _outcomes(tree)
    copy = [s for s in outcome["steps"] if "Copy" in s["text"]]
    delete = [s for s in outcome["steps"] if s["text"].startswith("Click Delete")]
    assert copy and delete
    assert copy[0].get("when") and delete[0].get("when")
    assert copy[0]["when"] != delete[0]["when"]


def test_or_between_quoted_messages_is_not_a_choice(tmp_path: Path) -> None:
    """An `-or-` between two messages a step quotes asks no "which way" question."""
    tree = _draft(MESSAGES, tmp_path)
    titles = [n.get("title", "") for n in tree["nodes"] if n["kind"] == "question"]
    assert "Which way do you take?" not in titles


def test_count_regex_is_linear() -> None:
    """A hostile 20 KB label is recounted quickly."""
    hostile = "(1 step) (2)" * 1700 + "(9 steps" + " (" * 2000
    started = time.perf_counter()
    assert recounted(hostile, 3) == hostile
    assert recounted("Resolution (5 steps)" + " x" * 10000 + " (4 steps)", 2).endswith("(2 steps)")
    assert time.perf_counter() - started < 0.5
