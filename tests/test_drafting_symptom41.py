"""Symptom stems (symptom41): a byline is no part of the symptom, and a stem whose
lead-in lists the forms the choices offer says only the lead-in."""

from __future__ import annotations

import sys
from pathlib import Path

from kbassist.drafting.bylines import is_byline
from kbassist.drafting.tree import draft_tree

sys.path.insert(0, str(Path(__file__).resolve().parent))

from drafting_support import archive

CAUSE = "CAUSE\n=====\n\nThe server reserves these names.\n\n"
FIX = "RESOLUTION\n==========\n\nRename the Web so that it does not start with a tilde.\n"


def _symptom_node(tree: dict) -> dict:
    return next(n for n in tree["nodes"] if n["id"] == "symptom")


def test_byline_left_out_of_symptom() -> None:
    """The symptom question does not quote 'Article idea submitted by: Ted Roche'."""
    body = (
        "SYMPTOMS\n========\n\nArticle idea submitted by: Ted Roche\n\n\n"
        "When you try to update files from the Init event, the methods fail.\n\n" + CAUSE + FIX
    )
    tree = draft_tree(archive(body, id_="Q999411"))
    assert "Ted Roche" not in tree["symptom"]
    assert tree["symptom"].startswith("When you try to update files")
    assert "Ted Roche" not in _symptom_node(tree)["text"]


def test_byline_shapes() -> None:
    """Author and 'By Name' lines are bylines; sentences starting with 'By' are not."""
    assert is_byline("Author:     Microsoft Corporation")
    assert is_byline("By Kevin Hough")
    assert not is_byline("By default, the setting is off.")
    assert not is_byline("by another process")


def test_stem_keeps_lead_in_when_choices_show_forms() -> None:
    """'Which of these do you see?' shows the lead-in, not the first listed problem again."""
    body = (
        "SYMPTOMS\n========\n\n"
        "If you create a Web whose name starts with a tilde, you may experience either\n"
        "of the following problems:\n\n"
        "- You are unable to retrieve images when you edit the Web.\n\n  -or-\n\n"
        "- You are unable to open pages when you browse the Web.\n\n" + CAUSE + FIX
    )
    node = _symptom_node(draft_tree(archive(body, id_="Q999412")))
    assert node["title"] == "Which of these do you see?"
    assert "retrieve images" not in node["text"]
    assert "either of the following problems." in node["text"]
    labels = [c["label"] for c in node["choices"]]
    assert "You are unable to retrieve images when you edit the Web" in labels


def test_stem_keeps_message_a_label_cuts() -> None:
    """A message is never lost from the symptom question: whole in the stem or in a choice
    label (a label that cuts it leaves it quoted in the stem)."""
    body = (
        "SYMPTOMS\n========\n\n"
        "When a client connects to the server, the client may get the following\n"
        "error:\n\n"
        "   TCP/IP CP reported error 733: The PPP control protocol for this network\n"
        "   protocol is not available on the server.\n\n"
        "The server logs the following event:\n\n"
        "   Event ID 1011 (DhcpServer): The DHCP server issued a NACK to the client.\n\n"
        + CAUSE
        + FIX
    )
    node = _symptom_node(draft_tree(archive(body, id_="Q999413")))
    shown = [node["text"], *(c["label"] for c in node["choices"])]
    assert any("not available on the server" in text for text in shown)
