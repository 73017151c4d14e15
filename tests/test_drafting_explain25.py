"""Explanations ticked as steps (round 25, explain25): the explanation before an action is
its note, advice said as a statement is said as the action, and a fix's one paragraph
that buries its action at the end ticks that action; a real imperative is never a note."""

from __future__ import annotations

import time
from functools import partial

from cpu_budget import budget
from drafting_support import archive, details, fixes, runbook, support, ticks

from kbassist.drafting.explained_ticks import advised, explained_first, explains
from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id.
mskb = partial(archive, id_="Q999925")

SYMPTOMS = "SYMPTOMS\n========\n\nThe scanner driver stops responding after a scan.\n\n"


def test_explanation_before_the_action_is_its_note() -> None:
    """ "Valid workgroup names have 15 or fewer characters. Change the name ..." ticks the
    change, the rule shown under it."""
    article = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. Open the Network option in Control Panel.\n"
        "2. Valid workgroup names have 15 or fewer characters. Change the Workgroup box to "
        "a shorter name and restart the computer.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert any(t.startswith("Change the Workgroup box") for t in ticks(only))
    assert not any(t.startswith("Valid workgroup names") for t in ticks(only))
    assert "15 or fewer characters" in details(only)


def test_a_runbook_fix_said_as_advice_is_the_action() -> None:
    """ "Start thinking about sharding the collector." is ticked as "Consider sharding the
    collector." and the fix is titled so."""
    article = runbook(
        "## Meaning\n\nThis alert fires when the collector drops samples over its limit.\n\n"
        "## Mitigation\n\nStart thinking about sharding the collector.\n",
        id_="CollectorLimitHit",
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only)[0] == "Consider sharding the collector."
    assert "thinking" not in only["title"]


def test_a_mitigation_paragraph_ticks_the_action_at_its_end() -> None:
    """A Mitigation that explains the logged error first and only at its end says "It's
    best to start with the journal logs" ticks that action, the rest shown under it."""
    article = runbook(
        "## Meaning\n\nThe daemon failed to reboot a node.\n\n"
        "## Mitigation\n\nWhen the daemon first logs the error it will log the exact error "
        "it hits when trying to reboot the node. For example:\n\n"
        "```console\nupdate.go:88] failed to run reboot: exec: not found\n```\n\n"
        "This error indicates that the reboot helper cannot be found on the node.\n\n"
        "If a node is failing to reboot. It's best to start with the journal logs on the "
        "node to find why it fails.\n",
        id_="DaemonRebootFailed",
    )
    (only,) = fixes(draft_tree(article))
    (tick,) = ticks(only)
    assert tick.startswith("If a node is failing to reboot, start with the journal logs")
    assert "This error indicates" in details(only)
    assert "update.go:88]" in details(only)


def test_an_offer_in_the_fix_text_is_the_step_over_a_statement() -> None:
    """A fix whose one tick only says what the pool does, its action an offer in its text
    ("If this is not intended then you can check the pool ..."), ticks that action."""
    article = runbook(
        "## Meaning\n\nA node matches more than one pool.\n\n"
        "## Mitigation\n\nAny configs matching the custom pool will not be applied to the "
        "node. If this is not intended then you can check the pool object and its spec "
        "to edit the selector.\n\n"
        "Machine pools will apply a config to nodes that match the node selector.\n\n"
        "```yaml\nkind: MachinePool\nspec:\n  paused: false\n```\n",
        id_="PoolOverlapAlert",
    )
    (only,) = fixes(draft_tree(article))
    (tick,) = ticks(only)
    assert tick.startswith("If this is not intended, check the pool object")
    assert "Machine pools will apply" in details(only)


def test_a_support_step_said_as_a_duty_you_may_have_is_the_action() -> None:
    """ "Otherwise, you may have to use the backup tool ..." is ticked as "Otherwise, use
    the backup tool ..."."""
    article = support(
        "## Symptoms\n\nYou cannot delete a folder on the share.\n\n"
        "## Resolution\n\n1. Open the share in File Explorer.\n"
        "2. Otherwise, you may have to use the backup tool to copy the folder first.\n",
        id_="cannot-delete-folder-25",
    )
    (only,) = fixes(draft_tree(article))
    assert "Otherwise, use the backup tool to copy the folder first." in ticks(only)


def test_why_said_after_the_action_is_its_note() -> None:
    """ "Use SetWindowLong to add the style. This method must be used because ..." ticks
    the action alone, the reason shown under it."""
    article = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. Create a class that is derived from the scanner control.\n"
        "2. Use SetWindowLong to add the NOSCAN style to the control. This method must be "
        "used because the control ignores this style when it is created.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert "Use SetWindowLong to add the NOSCAN style to the control." in ticks(only)
    assert "This method must be used because" in details(only)


def test_an_imperative_is_never_a_note() -> None:
    """Two real steps in one tick ("Hit ENTER until the dialog appears. Type the path.")
    stay ticked as written: an unknown verb is never read as an explanation."""
    assert explained_first("Hit ENTER until the dialog appears. Type the path.") is None
    assert explained_first("Issue the following commands. Then restart the server.") is None
    assert not explains("Omit the year portion of the date in your script.")
    assert explained_first("The message is returned. (Note that this needs version 3.1.)") is None
    assert advised("It is best to be careful.") == ""  # no action advised


def test_a_statement_that_tells_stays_ticked() -> None:
    """A sentence with a duty ("Each server must be a member ...") is never a note."""
    assert explained_first("Each server must be a member of the set. Run the tool.") is None


def test_the_drafted_file_stays_lint_clean() -> None:
    """The draft of a fix whose action is pulled out still loads and lints."""
    article = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\nNew drivers have been released for the "
        "scanner. Make sure that you have the updated drivers.\n"
    )
    text, _tree = draft_text(article)
    assert '- text: "Make sure that you have the updated drivers."' in text
    assert "New drivers have been released" in text  # shown, not ticked


def test_patterns_are_fast_on_hostile_text() -> None:
    """A 20 KB run of words, commas and "it's best to" drafts in well under a second."""
    hostile = ("If it is best to, " * 1200)[:20000]
    start = time.perf_counter()
    advised(hostile)
    advised("Otherwise " + "a" * 20000 + " you can try to run it.", offer=True)
    explained_first("The thing is here. " * 1000)
    assert time.perf_counter() - start < budget(1.0)
