"""Round 35 (titles35): labels and outcome titles never stop mid-phrase."""

from __future__ import annotations

import time
from pathlib import Path

from kbassist.articles import load_article
from kbassist.drafting.open_ends import ends_open, label_ends_open, mend
from kbassist.drafting.tree import draft_tree

_KB = """\
Program: Hangs When You Remove the Drawing Tools

SYMPTOMS
========

When you attempt to remove the Drawing Tools, the computer may stop responding.

CAUSE
=====

This behavior can occur if an older display adapter driver is installed.

RESOLUTION
==========

To resolve this issue, contact your display adapter manufacturer to inquire about how
to obtain and install the latest version of the display driver for your adapter card.
"""


def _titles(tree: dict[str, object]) -> list[str]:
    nodes = tree["nodes"]
    assert isinstance(nodes, list)
    return [n["title"] for n in nodes if n.get("kind") == "outcome"]


def test_title_does_not_end_on_how(tmp_path: Path) -> None:
    """A fix title never stops on "about how": it ends at a whole phrase."""
    path = tmp_path / "Q999001" / "README.md"
    path.parent.mkdir()
    path.write_text(_KB, encoding="utf-8")
    titles = _titles(draft_tree(load_article(path)))
    fix = [t for t in titles if "manufacturer" in t]
    assert fix, titles
    assert not fix[0].endswith((" how", " about", " to"))


def test_drive_letter_path_kept_whole() -> None:
    """A title cut at a path's colon ("... to the C") goes on to the path's end."""
    text = (
        "Grant the service account Modify permissions to the D:\\Data\\uploads folder "
        "and grant Read permissions to your web directory. This is by design."
    )
    body = "Grant the service account Modify permissions to the D"
    got = mend(body, text, 98)
    assert got == "Grant the service account Modify permissions to the D:\\Data\\uploads folder"


def test_or_name_goes_on() -> None:
    """A case label stopping inside the second of two product names ends the clause."""
    text = (
        "If a new setup of Contoso Server 2019 or Contoso Server 2016 R2 fails, you see "
        "one of the following messages:"
    )
    body = "If a new setup of Contoso Server 2019 or Contoso Server"
    assert ends_open(body, text[len(body) :])
    assert (
        mend(body, text, 98)
        == "If a new setup of Contoso Server 2019 or Contoso Server 2016 R2 fails"
    )


def test_whether_subject_gets_its_verb() -> None:
    """A label ending on "whether the user account" keeps the verb, not the aside."""
    text = (
        "Open the policy editor to determine whether the user account (or any group "
        "that the user belongs to) exists under Deny log on locally."
    )
    body = "Open the policy editor to determine whether the user account"
    assert mend(body, text, 98) == (
        "Open the policy editor to determine whether the user account exists"
    )


def test_whole_label_left_alone() -> None:
    """A label ending a whole clause is not counted or changed."""
    text = "Restart the computer if the problem persists after you install the update."
    body = "Restart the computer if the problem persists"
    assert not ends_open(body, text[len(body) :])
    assert not label_ends_open("Resolution: " + body, text)
    assert mend(body, text, 98) == body


def test_open_end_is_linear_on_hostile_text() -> None:
    """The detector and the mend stay fast on a 20 KB run of words and marks."""
    hostile = ("a, (b " * 3500)[:20000]
    start = time.perf_counter()
    ends_open("Check the value of the", hostile)
    mend("a, (b a, (b", hostile, 98)
    label_ends_open('Resolution: "a, (b', hostile)
    assert time.perf_counter() - start < 2.0
