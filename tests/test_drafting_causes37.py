"""Round 37 (causes37): a cause that says what was not done drafts the act itself."""

from __future__ import annotations

from drafting_support import archive, details, fixes, ticks

from kbassist.drafting.tree import draft_tree

_NOT_SET = """\
SYMPTOMS
========

When you call the Example server through DCOM, you receive the error 80070721.

CAUSE
=====

This problem occurs because you did not set the appropriate identity for the
server.

RESOLUTION
==========

To resolve this problem, refer to the following articles in the Microsoft
Knowledge Base:

  Q123456 HOWTO: Configure the Example Server Identity

  Q123457 HOWTO: Troubleshoot the Example Server
"""


def test_not_done_cause_becomes_the_act() -> None:
    """The outcome says "Set the appropriate identity ...", not "check ... remove it"."""
    outcome = fixes(draft_tree(archive(_NOT_SET)))[0]
    assert ticks(outcome) == ["Set the appropriate identity for the server."]
    assert outcome["title"] == "Set the appropriate identity for the server"


def test_pointed_articles_kept_with_the_act() -> None:
    """The KB articles the RESOLUTION points at are shown under the step."""
    outcome = fixes(draft_tree(archive(_NOT_SET)))[0]
    assert "Q123456 HOWTO: Configure the Example Server Identity" in details(outcome)
    assert "Q123457" in details(outcome)


def test_passive_not_done_cause_becomes_the_act() -> None:
    """ "The LU has not been assigned to the user" drafts "Assign the LU to the user"."""
    body = _NOT_SET.replace(
        "This problem occurs because you did not set the appropriate identity for the\nserver.",
        "The access permission has been enabled, but the remote LU has not been\n"
        "explicitly assigned to the user or group.",
    )
    outcome = fixes(draft_tree(archive(body)))[0]
    assert ticks(outcome) == ["Assign the remote LU to the user or group."]


def test_state_or_defect_cause_left_alone() -> None:
    """A state ("is not located on the CD") or a confirmed bug is not made an act."""
    located = _NOT_SET.replace(
        "This problem occurs because you did not set the appropriate identity for the\nserver.",
        "This behavior can occur if the topic is not located on the Example CD-ROM.",
    )
    assert ticks(fixes(draft_tree(archive(located)))[0])[0].startswith("Check whether")
    bug = _NOT_SET.split("RESOLUTION")[0] + (
        "STATUS\n======\n\nMicrosoft has confirmed this to be a problem in Example.\n"
    )
    said = [t for o in fixes(draft_tree(archive(bug))) for t in ticks(o)]
    assert not any(t.startswith("Set the appropriate") for t in said)
