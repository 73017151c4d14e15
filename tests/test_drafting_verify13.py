"""Drafted verify lines read whole and fit their outcome (round 13, the seed-48 readers'
verify notes): no check that ends on "and", no list pasted flat, no "Scan for it again",
no redo of what the chosen fix avoids, and a by-design fix never promises that the
designed behaviour changed by itself."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, fixes, runbook, support

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999913")


def verifies(outcome: dict[str, Any]) -> list[str]:
    return [" ".join(str(v["text"]).split()) for v in outcome["verify"]]


def test_a_result_and_a_second_clause_is_not_cut_into_a_check_ending_on_and() -> None:
    """'X disappears and when you Y, Z does not highlight' is never turned into '...,
    check that X no longer disappears and.': the verify stays a whole sentence."""
    article = mskb(
        "SYMPTOMS\n========\n\nYour status icon disappears and when you position the mouse"
        " over the tile, the tile box does not highlight.\n\n"
        "CAUSE\n=====\n\nYour user name includes an open bracket.\n\n"
        "RESOLUTION\n==========\n\nChange your user name to remove the open bracket.\n"
    )
    (only,) = fixes(draft_tree(article))
    for line in verifies(only):
        assert not line.rstrip(".").endswith((" and", " or", " but")), line
    draft_text(article)  # lint-clean


def test_an_action_on_a_bare_pronoun_is_said_after_the_check() -> None:
    """'X cannot find the TCP/IP protocol when you scan for it' never becomes 'Scan for it
    again: ...' (the pronoun names nothing yet); the check comes first."""
    article = mskb(
        "SYMPTOMS\n========\n\nContoso Chat version 2.1 cannot find the TCP/IP network"
        " protocol when you scan for it.\n\n"
        "CAUSE\n=====\n\nContoso Chat does not recognize the TCP/IP network protocol.\n\n"
        "RESOLUTION\n==========\n\nContact Contoso about a possible upgrade to Contoso Chat.\n"
    )
    (only,) = fixes(draft_tree(article))
    (line,) = verifies(only)
    assert not line.startswith("Scan for it")
    assert line == (
        "Check that Contoso Chat version 2.1 can find the TCP/IP network protocol when you"
        " scan for it."
    )


def test_a_different_thing_fix_checks_the_other_thing_not_the_one_it_replaces() -> None:
    """Under 'Use a different network protocol' the verify never checks that the program
    finds the protocol the fix gives up; the other fix still checks it."""
    article = mskb(
        "SYMPTOMS\n========\n\nContoso Chat version 2.1 cannot find the TCP/IP network"
        " protocol when you scan for it.\n\n"
        "CAUSE\n=====\n\nContoso Chat does not recognize the TCP/IP network protocol.\n\n"
        "RESOLUTION\n==========\n\nTo work around this behavior, use either of the following"
        " methods:\n\n- Contact Contoso about a possible upgrade to Contoso Chat.\n\n"
        "- Use a different network protocol.\n"
    )
    upgrade, other = fixes(draft_tree(article))
    assert "TCP/IP" in verifies(upgrade)[0]
    assert verifies(other) == [
        "Check that Contoso Chat version 2.1 can find the other network protocol when you"
        " scan for it."
    ]


def test_a_workaround_that_says_do_not_x_is_not_verified_by_doing_x() -> None:
    """'do not press any keys during startup' is never checked by 'When you press or hold
    down keys as you start your computer, check that Windows starts'."""
    article = support(
        "## Symptoms\n\nWhen you press or hold down keys on the keyboard as you start your"
        " computer, you may see the following message and Windows will fail to start.\n\n"
        "> Windows could not start because the following file is missing or corrupt.\n\n"
        "## Cause\n\nDuring a small time frame, key presses may cause a part of Windows"
        " initialization to fail.\n\n"
        "## Workaround\n\nTo work around this issue, do not press any keys during startup"
        " until the Windows startup screen is displayed.\n",
        title="Windows fails to start when keys are pressed during startup",
    )
    (only,) = fixes(draft_tree(article))
    (line,) = verifies(only)
    assert "press" not in line.split("check that")[0]
    assert line == "With the steps above in place, check that Windows starts."


def test_steps_to_reproduce_that_do_what_the_fix_avoids_are_not_repeated() -> None:
    """A reorder fix ('begin with something other than the equals sign') never gets the
    article's steps to reproduce that enter the equals sign first as its verify; the
    other fix (the Expression Builder) still repeats them."""
    article = mskb(
        "SYMPTOMS\n========\n\nIf you enter operators into a combo box RowSource property"
        " as values and the first element is the equals sign (=), Contoso Pro does not"
        " accept the leading equals sign.\n\n"
        "CAUSE\n=====\n\nAn equals sign as the first character tells Contoso Pro that a"
        " function follows.\n\n"
        "RESOLUTION\n==========\n\nUse one of the following solutions:\n\n"
        "- Change the order of the listed operators to begin with something other than\n"
        "  the equals sign.\n\n-or-\n\n"
        "- Use the Expression Builder to enter your list of operators.\n\n"
        "STATUS\n======\n\nThis behavior is by design.\n\n"
        "MORE INFORMATION\n================\n\nSteps to Reproduce Behavior\n"
        "---------------------------\n\n1. Create a form.\n\n2. Add a Combo Box to the"
        ' form.\n\n3. In the RowSource field, enter "=,<,>,<>" and press ENTER. At this'
        " point, Contoso Pro removes the leading equals sign.\n"
    )
    reorder, builder = fixes(draft_tree(article))
    assert not any("=,<,>,<>" in line for line in verifies(reorder))
    assert not any(line.startswith("Repeat the article's steps") for line in verifies(reorder))
    assert verifies(builder)[0].startswith("Repeat the article's steps to reproduce")
    draft_text(article)  # lint-clean


def test_a_list_in_the_symptom_is_checked_as_its_items_not_pasted_flat() -> None:
    """'the following items may not function: - A - B - C' becomes 'check that these
    items function: A; B; C.', never ': - A - B' in one line."""
    article = mskb(
        "SYMPTOMS\n========\n\nWhen you use Contoso Disk Tools on a FAT32-formatted"
        " cartridge, the following items may not function:\n\n"
        "- Software eject drive\n- Write protect disk\n- Password protect media\n\n"
        "CAUSE\n=====\n\nContoso Disk Tools does not support FAT32.\n\n"
        "RESOLUTION\n==========\n\nContact Contoso for an updated version of Contoso Disk"
        " Tools.\n"
    )
    (only,) = fixes(draft_tree(article))
    (line,) = verifies(only)
    assert " - " not in line
    assert line.endswith(
        "check that these items function: Software eject drive; Write protect disk;"
        " Password protect media."
    )


def test_a_runbook_condition_with_a_list_says_its_items() -> None:
    """A Meaning line 'is in a degraded state: - Not progressing - Not available' is
    checked with its items, not a flat list of dashes."""
    article = runbook(
        "## Meaning\n\nThis alert fires when the Contoso Importer is in a degraded state:\n"
        "- Not progressing\n- Not available to use\n\n"
        "## Impact\n\nImports fail.\n\n"
        "## Diagnosis\n\nCheck the importer pods.\n\n"
        "## Mitigation\n\nRestart the importer deployment.\n"
    )
    lines = [line for o in fixes(draft_tree(article)) for line in verifies(o)]
    assert lines and not any(" - Not" in line for line in lines)


def test_a_conditional_message_lead_in_is_not_quoted_as_the_message() -> None:
    """'one of the following messages: - If you have permissions ..., you receive the
    following message: M' checks that M no longer appears, never 'this no longer
    appears: If you have permissions ...'."""
    article = support(
        "## Symptoms\n\nWhen you run the Contoso console and click the default policy, you"
        " receive one of the following messages:\n\n"
        "- If you have permissions to modify security on the policy objects, you receive"
        " the following message:\n"
        "  > The permissions for this policy in the share are inconsistent with those in"
        " the directory.\n\n"
        "## Cause\n\nThe share permissions were changed by hand.\n\n"
        "## Workaround\n\nClick OK to make the permissions consistent.\n"
    )
    (only,) = fixes(draft_tree(article))
    line = verifies(only)[0]
    assert "If you have permissions" not in line
    assert "The permissions for this policy in the share are inconsistent" in line


def test_a_by_design_workaround_does_by_hand_what_the_design_does_not_do_by_itself() -> None:
    """A by-design 'X isn't changed automatically' with a manual workaround says what to
    expect and checks X changed, never 'rename again: check X is changed automatically'."""
    article = support(
        "When you rename a user account on a computer that is running Contoso OS 7, the"
        " user profile path isn't changed automatically.\n\n"
        "## Status\n\nContoso has confirmed it to be by design.\n\n"
        "## Workaround\n\nTo work around this issue, rename the profile path manually.\n\n"
        "1. Log in by using another administrative account.\n"
        "2. Rename the profile folder to the new user name.\n",
        title="Renaming a user account doesn't automatically change the profile path",
    )
    (only,) = fixes(draft_tree(article))
    line = verifies(only)[0]
    assert "changed automatically." not in line.split("so expect this:")[-1].split(". ")[-1]
    assert "again:" not in line
    assert line.endswith(
        "With the workaround above in place, check that the user profile path is changed."
    )


def test_a_result_that_says_no_longer_is_turned_round_once() -> None:
    """'you may no longer be able to send mail' is checked as 'you can send mail', never
    'you no longer no longer be able to send mail'."""
    article = mskb(
        "SYMPTOMS\n========\n\nAfter you install Contoso Fax, you may no longer be able to"
        " send mail to users sharing the same post office.\n\n"
        "CAUSE\n=====\n\nContoso Fax replaces the mail transport.\n\n"
        "RESOLUTION\n==========\n\nReinstall the mail transport from the Contoso Fax disk.\n"
    )
    (only,) = fixes(draft_tree(article))
    (line,) = verifies(only)
    assert "no longer no longer" not in line
    assert line.endswith("check that you can send mail to users sharing the same post office.")


def test_a_list_cut_off_after_its_lead_names_where_the_items_are() -> None:
    """'one of the following error messages:' over bullets whose text sits on the next
    line never ends the verify on a lone dash; it points at the messages the article lists."""
    article = mskb(
        "SYMPTOMS\n========\n\nThe Contoso Setup program may generate one of the following"
        " error messages:\n\n- \n\n  Cannot change properties of Contoso.exe\n\n  -or-\n\n"
        "- \n\n  Cannot change properties of CSETUP.INI\n\n"
        "CAUSE\n=====\n\nThe Setup files are read-only.\n\n"
        "RESOLUTION\n==========\n\nClear the read-only attribute of the Setup files.\n"
    )
    (only,) = fixes(draft_tree(article))
    for line in verifies(only):
        assert not line.rstrip().endswith(("-", ": -")), line
