"""Round 26 (causes26): the cause an MS KB article states outside a CAUSE section is the
cause node's text, cited to its section and taken out of the symptom; a note or a
pointer is never a cause; a STATUS "bug" article's wrong behaviour is its cause."""

from __future__ import annotations

import time

from drafting_support import archive

from kbassist.drafting.kb_stated_cause import states_cause
from kbassist.drafting.tree import draft_tree


def _node(tree: dict, node_id: str) -> dict:
    return next(n for n in tree["nodes"] if n["id"] == node_id)


def test_a_symptoms_sentence_that_says_why_is_the_cause() -> None:
    """ "This occurs if your display is set to 16 colors." in SYMPTOMS is the cause, cited
    to SYMPTOMS, and no longer shown as part of what the admin sees."""
    tree = draft_tree(
        archive(
            "SYMPTOMS\n========\n\n"
            "When you print a chart to a color plotter, the bars print in black. This\n"
            "occurs if your display is set to 16 colors.\n\n"
            "RESOLUTION\n==========\n\n"
            "Set the display to 256 colors or more, and then print the chart again.\n"
        )
    )
    assert tree["cause"] == "This occurs if your display is set to 16 colors."
    cause = _node(tree, "cause")
    assert cause["source"]["section"] == "SYMPTOMS"
    assert "16 colors" not in _node(tree, "symptom")["text"]
    assert "bars print in black" in _node(tree, "symptom")["text"]


def test_a_negation_or_a_list_lead_is_no_cause() -> None:
    """ "This problem does not occur if ..." and "This problem occurs when the following
    are true:" say no cause: the draft still says it gives none."""
    tree = draft_tree(
        archive(
            "SYMPTOMS\n========\n\n"
            "The report prints blank pages. This problem does not occur if you preview\n"
            "the report first. This problem occurs when the following are true:\n\n"
            "- The report has a subreport.\n\n"
            "RESOLUTION\n==========\n\n"
            "Preview the report before you print it.\n"
        )
    )
    assert tree["cause"].endswith("gives no cause.")


def test_a_more_information_pointer_note_is_never_the_cause() -> None:
    """A MORE INFORMATION "NOTE: Refer to article Q123456 ... because ..." paragraph is a
    pointer, not the cause it used to be shown as."""
    tree = draft_tree(
        archive(
            "SUMMARY\n=======\n\n"
            "The Widget 3270 emulator supports the gateway client interface.\n\n"
            "MORE INFORMATION\n================\n\n"
            "NOTE: Refer to article Q123456 for details on running the client because the\n"
            "setup differs on each platform.\n"
        )
    )
    assert "Refer to" not in tree["cause"]
    assert "Q123456" not in tree["cause"]


def test_a_bug_articles_wrong_behaviour_is_its_cause() -> None:
    """A STATUS "confirmed this to be a bug" article: the cause is the bug, with the
    SYMPTOMS sentence saying what the product does wrong ("rather than LB_ERR")."""
    tree = draft_tree(
        archive(
            "SYMPTOMS\n========\n\n"
            "Code written to handle an error return does not work.\n\n"
            "The documentation for CB_SETWIDGET says that the result is CB_ERR if an error\n"
            "occurs. However, when an error occurs, CB_SETWIDGET returns 0 rather than\n"
            "CB_ERR.\n\n"
            "STATUS\n======\n\n"
            "Microsoft has confirmed this to be a bug in Widget versions 3.0 and 3.1.\n"
        )
    )
    assert tree["cause"].startswith("Microsoft has confirmed this to be a bug in Widget")
    assert "CB_SETWIDGET returns 0 rather than CB_ERR" in tree["cause"]
    assert _node(tree, "cause")["source"]["section"] == "STATUS"


def test_a_because_in_a_step_is_not_the_cause() -> None:
    """A "because" in a RESOLUTION step explains the step; it is no stated cause."""
    tree = draft_tree(
        archive(
            "SYMPTOMS\n========\n\n"
            "The Widget service stops after a few minutes.\n\n"
            "RESOLUTION\n==========\n\n"
            "Restart the server, because the service reads its settings at startup.\n"
        )
    )
    assert tree["cause"].endswith("gives no cause.")


def test_the_cause_pattern_is_linear_on_hostile_text() -> None:
    """A 20 KB run of words after "This" is read in well under a second."""
    hostile = "This " + "problem happens " * 1300 + "x"
    started = time.perf_counter()
    assert not states_cause(hostile[:20000])
    assert not states_cause("This " + " a" * 10000)
    assert time.perf_counter() - started < 1.0


def test_the_act_that_shows_the_message_stays_the_symptoms_trigger() -> None:
    """ "The error occurs when you try to map a drive." says when the message shows, not
    why: it stays in the symptom and is no cause."""
    tree = draft_tree(
        archive(
            "SYMPTOMS\n========\n\n"
            'You receive the message "Widget path not found." The error occurs when you try\n'
            "to map a drive to the widget share.\n\n"
            "RESOLUTION\n==========\n\n"
            "Share the folder again, and then map the drive.\n"
        )
    )
    assert "try to map a drive" not in tree["cause"]
    assert tree["cause"].endswith("gives no cause.")


def test_a_numbered_steps_because_in_more_information_is_no_cause() -> None:
    """ "2. Use the WidgetLock() function ... because the memory manager cannot move ..."
    explains a step of MORE INFORMATION's procedure: it is not shown as the cause."""
    tree = draft_tree(
        archive(
            "SUMMARY\n=======\n\n"
            "An application can share a global memory object with a widget driver.\n\n"
            "MORE INFORMATION\n================\n\n"
            "1. Allocate the object with WidgetAlloc().\n\n"
            "2. Use the WidgetLock() function to obtain the selector. These calls are\n"
            "   required in real mode because the memory manager cannot move locked objects.\n"
        )
    )
    assert "WidgetLock" not in tree["cause"]
