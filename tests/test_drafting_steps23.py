"""One checklist item per action (round 23, steps23): two bare actions in one paragraph,
also after where they are done, are a tick each; a tick said as a duty ("you need to X",
"you may have to X") is said as the action."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, fixes, runbook, ticks

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999923")

SYMPTOMS = "SYMPTOMS\n========\n\nMail does not ask for a password when it starts.\n\n"
CAUSE = "CAUSE\n=====\n\nDoubleSpace Security is set to Lowest Security.\n\n"


def test_two_bare_actions_after_a_place_are_a_tick_each() -> None:
    """ "From the Mail menu, choose Options. Change DoubleSpace Security to Highest
    Security." is two ticks, in order (one tick held both)."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "From the Mail menu, choose Options. Change DoubleSpace Security to Highest\n"
        "Security.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == [
        "From the Mail menu, choose Options.",
        "Change DoubleSpace Security to Highest Security.",
    ]
    draft_text(article)  # lint-clean


def test_an_action_and_its_case_stay_one_tick() -> None:
    """ "Verify X. If it is on the list, remove it." stays one tick: the case is the
    check's own follow-up, not a second bare action."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Verify that TCP/IP is not on the Installed Network Software list. If it is on\n"
        "the list, select it and click Remove.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only)[0].startswith("Verify that TCP/IP is not on the Installed")
    assert "select it and click Remove." in ticks(only)[0]


def test_a_duty_after_a_case_is_said_as_the_action() -> None:
    """ "If this does not resolve the problem, you may have to uninstall and reinstall
    Office." is the follow-up fix, ticked "Uninstall and reinstall Office." (a duty is no
    action to tick)."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "1. Run Setup and click Repair.\n"
        "2. Restart the computer.\n"
        "3. If this does not resolve the problem, you may have to uninstall and reinstall\n"
        "   Microsoft Office.\n"
    )
    first, follow_up = fixes(draft_tree(article))
    assert ticks(first) == ["Run Setup and click Repair.", "Restart the computer."]
    assert ticks(follow_up) == ["Uninstall and reinstall Microsoft Office."]
    draft_text(article)


def test_a_duty_after_an_order_word_in_a_runbook_is_said_as_the_action() -> None:
    """A runbook's "First, you need to get the name of the node ...:" over its command is
    ticked "First, get the name of the node ...:", the command kept under it verbatim."""
    article = runbook(
        "## Meaning\n\nPods of one workload all run on the same node.\n\n"
        "## Mitigation\n\n"
        "First, you need to get the name of the node hosting all the instances of your"
        " workload:\n\n"
        "```shell\noc get pods -o wide\n```\n"
    )
    (only,) = fixes(draft_tree(article))
    said = ticks(only)
    assert said[0] == (
        "First, get the name of the node hosting all the instances of your workload:"
    )
    step = only["steps"][0]
    assert "oc get pods -o wide" in (step.get("detail") or "")


def test_a_possibility_or_what_is_seen_is_not_said_as_an_action() -> None:
    """ "you may receive an error", "you should see X" and "Or you can X" are left as
    written: only a duty or an offer to act is said as the action."""
    from kbassist.drafting.steps import duty_said

    assert duty_said("If you do this, you may receive an error.") == (
        "If you do this, you may receive an error."
    )
    assert duty_said("You should see the new availability group.") == (
        "You should see the new availability group."
    )
    assert duty_said("Or you can stop the workstation service.") == (
        "Or you can stop the workstation service."
    )
    assert duty_said("Currently, you must manually close the window.") == (
        "Currently, manually close the window."
    )


def test_steps_that_point_at_each_other_by_number_stay_whole() -> None:
    """A fix whose steps say "the setting that you changed in step 2" keeps its numbered
    step of two actions one tick, so "step 2" still names the second tick."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "1. Start Mail.\n"
        "2. From the Mail menu, choose Options. Change DoubleSpace Security to Highest\n"
        "   Security.\n"
        "3. If Mail fails to start, undo the change that you made in step 2.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert (
        "From the Mail menu, choose Options. Change DoubleSpace Security to Highest Security."
        in ticks(only)
    )
