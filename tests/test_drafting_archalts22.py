"""Archive alternatives merged into one tick are asked (round 22, archalts22): two cases
written in one paragraph ("If A, do X. If B, do Y."), "either … or" after a place or a
workaround's lead, and a fix beside "As a workaround, you can either …"."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, fixes, questions, ticks, walked

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999922")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen a remote client dials in to the RAS server, the client is\n"
    "disconnected during authentication.\n\n"
)
CAUSE = "CAUSE\n=====\n\nAnother computer on the LAN uses an address of the RAS pool.\n\n"

ONE_SUBJECT = mskb(
    SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
    "To change the RAS pool of addresses, follow these steps:\n\n"
    "1. Double-click Network in Control Panel and click Services.\n"
    "2. Click Properties, and then click Configure for the TCP/IP protocol.\n"
    "3. If the RAS server is configured to assign addresses through DHCP, force the\n"
    "   RAS server to obtain a new set of leases from the DHCP server. If the RAS\n"
    "   server is configured with a static pool of addresses, edit the address range\n"
    "   to include unique addresses.\n"
)


def _texts(article: object, answers: dict[str, str]) -> list[str]:
    return [i.text for i in walked(article, answers).part("steps")]  # type: ignore[arg-type]


def test_two_cases_of_one_thing_in_one_paragraph_are_asked_once() -> None:
    """ "If the RAS server uses DHCP, force …. If it uses a static pool, edit …" in one
    numbered step asks which, and each answer ticks only its own action."""
    (question,) = questions(draft_tree(ONE_SUBJECT))
    assert question["title"] == "Which of these applies?"
    assert [c["label"] for c in question["choices"]][:2] == [
        "The RAS server is configured to assign addresses through DHCP",
        "The RAS server is configured with a static pool of addresses",
    ]
    common = [
        "Double-click Network in Control Panel and click Services.",
        "Click Properties, and then click Configure for the TCP/IP protocol.",
    ]
    dhcp = _texts(ONE_SUBJECT, {"symptom": "yes", question["var"]: "case_1"})
    static = _texts(ONE_SUBJECT, {"symptom": "yes", question["var"]: "case_2"})
    assert dhcp == [
        *common,
        "Force the RAS server to obtain a new set of leases from the DHCP server.",
    ]
    assert static == [*common, "Edit the address range to include unique addresses."]
    draft_text(ONE_SUBJECT)  # lint-clean


def test_cases_that_may_both_hold_become_a_step_each_asked_alone() -> None:
    """ "If you have more than one hard disk, check each drive. If you don't have these
    files, copy them …" may both be true: one step each, each asked yes/no (it was one
    tick doing both), and a sentence after the last case is kept for every answer."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Make sure you have the MOUSE.COM file. If you have more than one hard disk\n"
        "drive, check each drive for this file. If you don't have this file on your hard\n"
        "disk, copy it from the floppy disk that came with your mouse. Then restart the\n"
        "computer.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == [
        "Make sure you have the MOUSE.COM file.",
        "Check each drive for this file.",
        "Copy it from the floppy disk that came with your mouse.",
        "Restart the computer.",
    ]
    asked = questions(draft_tree(article))
    assert [q["title"] for q in asked] == [
        "Do you have more than one hard disk drive?",
        "Does this apply: you don't have this file on your hard disk?",
    ]
    draft_text(article)  # lint-clean


def test_a_case_said_with_must_is_asked_with_the_modal_first() -> None:
    """A case split out of a paragraph, "If you must upgrade from MS-DOS, reinstall …",
    is asked "Must you upgrade from MS-DOS?", not "Do you must …?"."""
    article = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "If you must upgrade from MS-DOS, reinstall the dial-up profile that you created.\n"
        "If you created the profile with the old kit, rebuild the profile by running the\n"
        "profile wizard.\n"
    )
    assert questions(draft_tree(article))[0]["title"] == ("Must you upgrade from MS-DOS?")
    draft_text(article)  # lint-clean


def test_either_or_after_a_place_is_asked_with_the_place_on_each_way() -> None:
    """ "In the Settings dialog box, you can either increase …, or change …" asks which
    way (labels without the place), each step said in its place."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "1. Start Event Viewer.\n"
        "2. On the Log menu, click Log Settings.\n"
        "3. In the Settings dialog box, you can either increase the size of the Security\n"
        '   log, or change the Log File Wrapping setting to "Overwrite events as needed".\n'
    )
    (question,) = questions(draft_tree(article))
    assert question["title"] == "Which way do you take?"
    assert [c["label"] for c in question["choices"]] == [
        "Increase the size of the Security log",
        'Change the Log File Wrapping setting to "Overwrite events as needed"',
    ]
    second = _texts(article, {"symptom": "yes", question["var"]: "way_2"})
    assert second == [
        "Start Event Viewer.",
        "On the Log menu, click Log Settings.",
        'In the Settings dialog box, change the Log File Wrapping setting to "Overwrite'
        ' events as needed".',
    ]
    draft_text(article)  # lint-clean


def test_a_fix_beside_a_workarounds_two_ways_is_a_third_way() -> None:
    """ "Obtain the hotfix. As a workaround, you can either try a 32-bit version, or do not
    run it on the server" offers three ways, one ticked per answer (all three were one
    tick); the STATUS note stays with the hotfix."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Obtain the hotfix mentioned below. As a workaround, you can either try a 32-bit\n"
        "version of the application, or do not run the application on the computer\n"
        "running the RAS server.\n\n"
        "STATUS\n======\n\nThis problem was corrected in the latest service pack.\n"
    )
    (question,) = questions(draft_tree(article))
    (only,) = fixes(draft_tree(article))
    assert "corrected in the latest service pack" in (only["steps"][0].get("detail") or "")
    assert [c["label"] for c in question["choices"]] == [
        "Obtain the hotfix mentioned below",
        "Try a 32-bit version of the application",
        "Do not run the application on the computer running the RAS server",
    ]
    assert _texts(article, {"symptom": "yes", question["var"]: "way_2"}) == [
        "Try a 32-bit version of the application."
    ]
    draft_text(article)  # lint-clean


def test_a_paragraph_of_bare_actions_is_one_tick_per_action() -> None:
    """ "Enter the user name only in the logon screen. Do not enter a password. Click OK.
    Click Yes to create the password list file." is four ticks, in order (one tick held
    them all)."""
    article = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "Enter the user name only in the Windows for Workgroups logon screen. Do not\n"
        "enter a password. Click OK. Click Yes to create the password list file (*.PWL).\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == [
        "Enter the user name only in the Windows for Workgroups logon screen.",
        "Do not enter a password.",
        "Click OK.",
        "Click Yes to create the password list file (*.PWL).",
    ]
    draft_text(article)  # lint-clean


def test_steps_for_two_editions_said_by_purpose_are_asked_which() -> None:
    """ "To install Exchange Standard Edition, run Srvmin.exe." / "To install the Exchange
    Enterprise Edition, run Srvmax.exe." asks which edition; each answer ticks its own
    step (both were ticked in turn)."""
    article = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "To install Microsoft Exchange Standard Edition, run the Srvmin.exe file.\n\n"
        "To install the Microsoft Exchange Enterprise Edition, run the Srvmax.exe file.\n"
    )
    (question,) = questions(draft_tree(article))
    assert [c["label"] for c in question["choices"]][:2] == [
        "Install Microsoft Exchange Standard Edition",
        "Install the Microsoft Exchange Enterprise Edition",
    ]
    assert _texts(article, {"symptom": "yes", question["var"]: "case_2"}) == [
        "To install the Microsoft Exchange Enterprise Edition, run the Srvmax.exe file."
    ]
    draft_text(article)  # lint-clean
