"""The archive verify names one observable the symptom gives (round 17, verify17): the value
a field shows, the quoted message, the result of a verb pair read whole, what a key that
only interrupts does; never the whole symptom paragraph pasted back."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, fixes

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999917")


def verify_texts(article_text: str) -> list[str]:
    """Every fix outcome's verify lines, whitespace joined; the draft is lint-clean."""
    article = mskb(article_text)
    draft_text(article)  # lint-clean
    outcomes: list[dict[str, Any]] = fixes(draft_tree(article))
    assert outcomes
    return [" ".join(str(v["text"]).split()) for o in outcomes for v in o["verify"]]


def test_value_a_field_shows_is_the_check_not_the_paragraph() -> None:
    """Two symptom sentences, the second naming the value an option shows: the verify
    checks that value, never pastes both sentences back."""
    checks = verify_texts(
        "SYMPTOMS\n========\n\nThe Contoso LaserPro printer driver version 3.2 supplied with"
        " Service Pack 1\ndoes not provide support for paper trays. The number of paper trays"
        " option is\ndisplayed as zero.\n\n"
        "WORKAROUND\n==========\n\nTo work around this problem, use the Contoso LaserPro printer"
        " driver version\n3.1 that was supplied with the original product.\n"
    )
    assert checks == ["Check that the number of paper trays option is no longer displayed as zero."]


def test_mechanism_check_gives_way_to_the_message_it_causes() -> None:
    """'a file handle is no longer released' cannot be seen; the message the symptom says
    it causes can: the redo checks that message."""
    checks = verify_texts(
        "SYMPTOMS\n========\n\nWhen you copy files to a Contoso file server, a file handle may"
        " be\nprematurely released. This may cause the following symptoms:\n\n"
        '- A "Bad file handle" message appears in Windows Explorer.\n\n'
        "- A program cannot save its document.\n\n"
        "RESOLUTION\n==========\n\nTo resolve this problem, obtain the latest service pack for"
        " Windows NT 4.0.\n"
    )
    assert (
        'Copy files to a Contoso file server again: check that the message "Bad file handle"'
        " no longer appears." in checks
    )
    assert not any("released" in c for c in checks)


def test_two_verbs_sharing_an_object_are_turned_whole() -> None:
    """'may receive and run logon scripts inconsistently': the check keeps both verbs and
    their object, never a cut "no longer receives."."""
    checks = verify_texts(
        "SYMPTOMS\n========\n\nWhen you log on to a domain from a Windows 98-based client"
        " computer, the\nclient computer may receive and run logon scripts inconsistently.\n\n"
        "RESOLUTION\n==========\n\nTo resolve this issue, copy the logon scripts to the Netlogon"
        " share of every\ndomain controller.\n"
    )
    assert checks == [
        "Log on to a domain from a Windows 98-based client computer again: check that the"
        " client computer no longer receives and runs logon scripts inconsistently."
    ]


def test_quoted_message_in_a_pasted_paragraph_is_the_check() -> None:
    """A two-sentence symptom that quotes its error inline: the verify is that message,
    not the paragraph with the scene sentence after it."""
    checks = verify_texts(
        "SYMPTOMS\n========\n\nSETUP.EXE, from the Contoso toolkit, displays the message"
        ' "This program\nrequires Contoso Shell" when run from the command prompt. At other'
        " times,\nSETUP.EXE successfully starts the shell and runs.\n\n"
        "RESOLUTION\n==========\n\nTo resolve this problem, run SETUP.EXE from inside the"
        " Contoso Shell.\n"
    )
    assert checks == [
        'Check that the message "This program requires Contoso Shell" no longer appears.'
    ]


def test_key_that_only_interrupts_is_not_checked_as_a_cure() -> None:
    """'Press ESC to stop X from Y': the verify checks the key stops it and says it can
    come back, never that the problem no longer occurs."""
    checks = verify_texts(
        "SYMPTOMS\n========\n\nWhen you sort a long list in a Contoso worksheet, the sort"
        " may\nrestart over and over.\n\n"
        "WORKAROUND\n==========\n\nTo work around this problem, press ESC to stop the sort"
        " from restarting.\n"
    )
    assert len(checks) == 1
    assert "press ESC: check that this stops the sort from restarting" in checks[0]
    assert "only interrupts" in checks[0]
    assert "no longer" not in checks[0]


def test_by_design_workaround_checks_the_option_back() -> None:
    """A by-design limit with a workaround that lifts it: the verify checks the unavailable
    section is available with the workaround in place, not that the behavior stays."""
    checks = verify_texts(
        "SYMPTOMS\n========\n\nWhen you click the Schedule tab in the Job properties, the"
        " Assignments\nsection may be unavailable.\n\n"
        "CAUSE\n=====\n\nThe number of assignments for each job cannot exceed 10.\n\n"
        "WORKAROUND\n==========\n\nTo work around this issue, delete the older assignments until"
        " no more than 9\nassignments are listed.\n\n"
        "MORE INFORMATION\n================\n\nThis behavior is by design.\n"
    )
    assert len(checks) == 1
    assert "itself stays" not in checks[0]
    assert checks[0].endswith(
        "with the workaround above in place, click the Schedule tab in the Job properties"
        " again: check that the Assignments section is available."
    )


def test_repro_verify_checks_the_message_not_the_symptom() -> None:
    """Steps to reproduce ending in an action: the repeat checks the message the symptom
    brings after its colon, not the symptom sentence pasted back."""
    checks = verify_texts(
        "SYMPTOMS\n========\n\nWhen using {INS} in a SendKeys statement, the following error"
        " occurs:\n\nInvalid procedure call or argument\n\n"
        "RESOLUTION\n==========\n\nUse {INSERT} instead of {INS} in the SendKeys statement.\n\n"
        "MORE INFORMATION\n================\n\n"
        "Steps to Reproduce Behavior\n---------------------------\n\n"
        "1. Start a new project.\n"
        "2. Add a command button to the form.\n"
        "3. Run the project and click the command button.\n"
    )
    assert any(
        c.endswith('check that the message "Invalid procedure call or argument" no longer appears.')
        for c in checks
    )
    assert not any("no longer occurs: When using" in c for c in checks)


def test_gerund_subject_keeps_the_act_and_turns_what_it_causes() -> None:
    """'Moving the mouse while X causes the computer to stop responding': the check names
    that act and what it must no longer cause, never "the problem no longer occurs: ..."."""
    checks = verify_texts(
        "SYMPTOMS\n========\n\nMoving the mouse while printing files from Contoso Writer"
        " version 2.0 causes the\ncomputer to stop responding (hang).\n\n"
        "RESOLUTION\n==========\n\nTo resolve this problem, obtain the updated mouse driver from"
        " Contoso.\n"
    )
    assert (
        "Check that moving the mouse while printing files from Contoso Writer version 2.0 no"
        " longer causes the computer to stop responding (hang)." in checks
    )
    assert not any("no longer occurs:" in c for c in checks)
