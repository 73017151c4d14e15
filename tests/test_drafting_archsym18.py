"""Archive message and event blocks after "the following error/event/message ... :" are kept
whole in the symptom, and the verify checks them by what names them (event id, first line)
and "X may not start" as "check that X starts" (round 18, archsym18; seed-56 notes)."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, fixes

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999918")

FIX = (
    "RESOLUTION\n==========\n\nTo resolve this problem, reinstall the latest Contoso service"
    " pack.\n"
)


def drafted(article_text: str) -> tuple[dict[str, Any], list[str]]:
    """The symptom question and every fix outcome's verify line (whitespace joined); the
    draft is lint-clean."""
    article = mskb(article_text)
    draft_text(article)  # lint-clean
    tree = draft_tree(article)
    symptom = next(n for n in tree["nodes"] if n["id"] == "symptom")
    outcomes = fixes(tree)
    assert outcomes
    return symptom, [" ".join(str(v["text"]).split()) for o in outcomes for v in o["verify"]]


def test_second_event_record_is_kept_and_the_service_is_checked_to_start() -> None:
    """Two Source / Event ID / Description records after 'the following events may be
    logged:': both are in the symptom, and the verify checks the service starts and the
    events by id, not 'the problem no longer occurs: <symptom>'."""
    symptom, checks = drafted(
        "SYMPTOMS\n========\n\nThe Contoso Mail directory service may not start, and the"
        " following events\nmay be logged:\n\n"
        '  Source: ContosoDS\n  Event ID: 2211\n  Description: "Error -1811 has occurred."\n\n'
        '  Source: ContosoDS\n  Event ID: 2212\n  Description: "The Contoso Mail database'
        ' could not be\n  initialized and returned error -1811"\n\n'
        "CAUSE\n=====\n\nA system DLL file is damaged.\n\n" + FIX
    )
    text = " ".join(symptom["text"].split())
    assert "Event ID: 2212" in text and "returned error -1811" in text
    assert checks == [
        "Check that the Contoso Mail directory service starts, and that events 2211 and 2212"
        " (ContosoDS) are no longer logged."
    ]


def test_identifying_last_line_of_a_message_block_is_in_the_symptom() -> None:
    """A message of several paragraphs after 'the following error message:' ending in
    its status line ('HTTP 403.8 - Forbidden: ...'): the symptom keeps that line."""
    symptom, _ = drafted(
        "SYMPTOMS\n========\n\nWhen you connect to a Contoso Web server with a browser, you may"
        " receive\nthe following error message:\n\n"
        "  You are not authorized to view this page.\n\n"
        "  Please contact the Web site administrator.\n\n"
        "  HTTP 403.8 - Forbidden: Site access denied\n\n"
        "CAUSE\n=====\n\nThe server denies access to your DNS name.\n\n" + FIX
    )
    text = " ".join(symptom["text"].split())
    assert "HTTP 403.8 - Forbidden: Site access denied" in text


def test_summary_event_after_read_like_this_is_the_symptom_and_the_check() -> None:
    """A summary's 'the following error will be recorded ... might read like this:' over
    an 'Event: 182' record: the event is in the symptom, and the verify checks that event
    by its id and first line."""
    symptom, checks = drafted(
        "SUMMARY\n=======\n\nIf the host rejects the Contoso link ID, the following error will be"
        " recorded in\nthe Event Log. The description might read like this:\n\n"
        "  Event: 182\n  Connection failure, code=11\n  Link Role = 00\n\n"
        "CAUSE\n=====\n\nThe link ID is already in use.\n\n"
        "RESOLUTION\n==========\n\nChange the link ID to one that is not in use.\n"
    )
    text = " ".join(symptom["text"].split())
    assert "Event: 182 Connection failure, code=11" in text
    assert checks == ['Check that event 182 ("Connection failure, code=11") is no longer logged.']


def test_warning_messages_are_choices_not_notes() -> None:
    """'either of the following error messages:' over two 'WARNING: ...' messages: both
    are offered as choices (they are the messages, not the article's warnings)."""
    symptom, _ = drafted(
        "SYMPTOMS\n========\n\nYou may receive either of the following error messages when you"
        " start Contoso\nWorks:\n\n"
        "  WARNING: The Contoso CPU in this computer does not reliably execute\n"
        "  32-bit operations.\n\n"
        "  WARNING: The Contoso processor does not reliably execute 32-bit multiply\n"
        "  operations. Press any key to continue.\n\n"
        "CAUSE\n=====\n\nSome early Contoso chips were not fully tested.\n\n" + FIX
    )
    labels = [c["label"] for c in symptom["choices"] if c["value"].startswith("message_")]
    assert len(labels) == 2
    assert labels[1].startswith("WARNING: The Contoso processor")


def test_may_not_start_or_display_is_checked_as_starts() -> None:
    """'X may not start or may display a garbled dialog box': the verify checks that X
    starts and no longer displays it, not a restatement of the symptom."""
    _, checks = drafted(
        "SYMPTOMS\n========\n\nSome of the utilities that ship with Contoso Base 8 may not start"
        " or may\ndisplay a garbled dialog box.\n\n"
        "CAUSE\n=====\n\nThe utilities require 256 colors or higher.\n\n"
        "RESOLUTION\n==========\n\nSet the display to 256 colors or higher.\n"
    )
    assert checks == [
        "Check that the utilities that ship with Contoso Base 8 start and no longer display"
        " a garbled dialog box."
    ]


def test_records_joined_by_and_stay_shown_apart() -> None:
    """Event records joined by '-and-' are not swallowed as one block: each is listed with
    the symptom, by its id, as before."""
    symptom, _ = drafted(
        "SYMPTOMS\n========\n\nAfter you restart the server, the following events may be logged"
        " in the\nSystem log:\n\n"
        "  Event ID: 3870\n  Source: Workstation\n  The computer name is not valid.\n\n"
        "  -and-\n\n"
        "  Event ID: 7023\n  Source: Service Control Manager\n  The Workstation service"
        " terminated.\n\n"
        "CAUSE\n=====\n\nTwo computers have the same name.\n\n" + FIX
    )
    text = " ".join(symptom["text"].split())
    assert "-and-" not in text
    assert "Event ID 7023 (Service Control Manager)" in text


def test_event_record_is_checked_by_its_id_and_its_explanation_is_no_choice() -> None:
    """An event record quoted with the message reference's 'Explanation:' and 'Action:'
    under it: the verify checks the event by its id (not 'the message "Event ID: ..."'),
    and the explanation is offered as no form of the symptom."""
    symptom, checks = drafted(
        "SYMPTOMS\n========\n\nWhen you use a Contoso DFT adapter, the following Event Viewer"
        " error is\nwritten to the log:\n\n"
        "  Event ID: 252\n  Description: Error during initialization, rc = 13\n\n"
        "  Explanation: An error was returned from a function during an attempt to\n"
        "  initialize the DFT connection.\n\n"
        "  Action: Check the return code.\n\n"
        "CAUSE\n=====\n\nThe adapter driver is out of date.\n\n" + FIX
    )
    said = " ".join(symptom["text"].split())
    assert "Explanation:" not in said
    assert not [c for c in symptom["choices"] if "Explanation" in c["label"]]
    assert [c.split(", check that ")[-1] for c in checks] == [
        'event 252 ("Error during initialization, rc = 13") is no longer logged.'
    ]


def test_settings_that_bring_the_message_are_no_second_message() -> None:
    """'The printer will receive the error when the following measurements are
    selected:' lists what brings the one message, not another message to choose."""
    symptom, _ = drafted(
        "SYMPTOMS\n========\n\nWhen you print in landscape to a Contoso printer, the following"
        " error\nmessage may occur:\n\n"
        "  A machine error has occurred and the device is out of memory.\n\n"
        "The Contoso printer will receive the error when the following measurements are\n"
        "selected:\n\n"
        "  Letter Paper Size\n  -2/16 Landscape top\n\n"
        "CAUSE\n=====\n\nThe driver computes the margins wrongly.\n\n" + FIX
    )
    assert [c["value"] for c in symptom["choices"]] == ["yes", "no"]
