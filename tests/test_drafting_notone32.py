"""Archive articles that are not one problem (round 32, notone32): a FAQ's Q./A. pairs, a
README's headed topics and a pure explanation are drafted for their kind ("Which of these
is your situation?", or an honest info outcome), never walked as one invented symptom,
cause and "the problem no longer occurs"."""

from __future__ import annotations

import time
from functools import partial

from drafting_support import archive, walked

from kbassist.drafting import not_one
from kbassist.drafting.steps import INFO_CHECK, INFO_STEP
from kbassist.drafting.tree import draft_tree, draft_tree_model

mskb = partial(archive, id_="Q999632", product="Microsoft Schedule+ for Windows")

FAQ = """
SUMMARY
=======

This article answers commonly asked questions about Schedule+ reminders.

MORE INFORMATION
================

1. Q. Can the reminder play a different sound?

   A. No. Reminders always use the default Windows beep.

2. Q. How do I stop reminders for a meeting I declined?

   A. Open the appointment, clear the Set Reminder check box, and then click OK.

3. Q. Why are reminders late after I resume my laptop?

   A. Reminders are checked once a minute, so a reminder can appear up to a minute late.
"""

README = """
SUMMARY
=======

The following is the text of the README.TXT file that comes with Contoso Atlas.

MORE INFORMATION
================

Setup Notes
-----------

Because Setup replaces shared files, close other applications before you run Setup.

Display Problems
----------------

Maps can look grainy with some high resolution display drivers.

Switch to the standard VGA driver.

Restart Windows.

Sound Notes
-----------

Most audio cards play one sound at a time, so another program can cut off a sound.
"""

REFERENCE = """
SUMMARY
=======

When the computer starts, the memory manager takes all extended memory and then gives
it out to programs that ask for it.

How Blocks Are Assigned
-----------------------

The memory manager assigns one handle to each free block of memory.

How Programs Get Memory
-----------------------

A program asks for memory, and the manager splits a free block in two.
"""

ONE_PROBLEM = """
SYMPTOMS
========

When you print a schedule, Schedule+ stops responding.

CAUSE
=====

The printer driver is out of date.

RESOLUTION
==========

Install the updated printer driver from the printer manufacturer.

MORE INFORMATION
================

Q. Does this affect other programs? A. No, only Schedule+ prints this way.

Q. Is a fix planned? A. The updated driver is the fix.
"""


def test_a_faq_asks_which_question_is_yours() -> None:
    """A FAQ's first question lists its questions, one choice each, and "None of these"."""
    tree = draft_tree(mskb(FAQ, title="Commonly Asked Schedule+ Reminder Questions"))
    first = tree["nodes"][0]
    assert first["title"] == "Which of these is your situation?"
    labels = [c["label"] for c in first["choices"]]
    assert labels == [
        "Can the reminder play a different sound?",
        "How do I stop reminders for a meeting I declined?",
        "Why are reminders late after I resume my laptop?",
        "None of these",
    ]
    assert all(n["id"] != "symptom" for n in tree["nodes"])


def test_an_answer_with_no_action_is_told_not_ticked_as_a_fix() -> None:
    """An answer that says "No. ..." is told as information, with no "problem is gone"."""
    art = mskb(FAQ, title="Commonly Asked Schedule+ Reminder Questions")
    checklist = walked(art, {"which_item": "item_1"})
    text = str(checklist)
    assert INFO_STEP in text and "default Windows beep" in text
    assert "no longer occurs" not in text


def test_an_answer_with_actions_gives_its_steps() -> None:
    """An answer that says what to do ticks that, under the item's own question."""
    tree = draft_tree(mskb(FAQ, title="Commonly Asked Schedule+ Reminder Questions"))
    item = next(n for n in tree["nodes"] if n["id"] == "item_2")
    assert item["title"] == "How do I stop reminders for a meeting I declined?"
    assert [s["text"] for s in item["steps"]] == [
        "Open the appointment, clear the Set Reminder check box, and then click OK."
    ]


def test_a_readme_offers_its_headed_topics() -> None:
    """A README's underlined topics are the choices; a topic's instructions are its steps."""
    art = mskb(README, title="Contoso Atlas: README.TXT Contents")
    tree = draft_tree(art)
    first = tree["nodes"][0]
    assert [c["label"] for c in first["choices"]] == [
        "Setup Notes",
        "Display Problems",
        "Sound Notes",
        "None of these",
    ]
    display = next(n for n in tree["nodes"] if n["title"] == "Display Problems")
    assert [s["text"] for s in display["steps"]] == [
        "Switch to the standard VGA driver.",
        "Restart Windows.",
    ]
    draft_tree_model(art)  # loads and lints clean


def test_a_reference_is_an_honest_info_outcome() -> None:
    """An explanation with nothing to fix asks no symptom and invents no cause."""
    art = mskb(REFERENCE, title="Memory Manager Allocation Scheme")
    tree = draft_tree(art)
    assert [n["id"] for n in tree["nodes"]] == ["reference"]
    only = tree["nodes"][0]
    assert "there is nothing to fix" in only["text"]
    assert "How Blocks Are Assigned" in only["steps"][0]["detail"]
    assert only["verify"][0]["text"] == INFO_CHECK
    assert "Nothing is wrong" in tree["cause"]
    draft_tree_model(art)


def test_a_single_problem_keeps_its_walk() -> None:
    """SYMPTOMS, CAUSE and RESOLUTION with a Q./A. note: still one problem and its fix."""
    tree = draft_tree(mskb(ONE_PROBLEM, title="Schedule+ Questions and Answers on Printing"))
    assert tree["nodes"][0]["id"] == "symptom"
    assert all(n["id"] != "which_item" for n in tree["nodes"])


def test_a_fault_title_with_two_questions_keeps_its_walk() -> None:
    """ "Cannot Print ..." with a Q./A. pair or two is one fault, not a list."""
    body = ONE_PROBLEM.replace("SYMPTOMS\n========", "SUMMARY\n=======")
    body = body.replace("CAUSE\n=====\n", "").replace("RESOLUTION\n==========\n", "")
    art = mskb(body, title="Cannot Print a Schedule with an Old Driver")
    assert not_one.listed_items(art) == []


def test_the_patterns_are_linear_on_hostile_text() -> None:
    """20 KB of near-matches (questions, rules, headings, list markers) parse quickly."""
    hostile = [
        "Q. " * 7000,
        "A. " * 7000,
        ("Heading words here\n" + "-" * 119 + "\n") * 150,
        ("1. Problem title\n" * 1200),
        ("If " + "x" * 119 + " ") * 160,
        "\n \n" * 7000,
        "a " * 10000 + ":",
    ]
    for text in hostile:
        started = time.perf_counter()
        section = not_one.Section("MORE INFORMATION", text, 1)
        not_one._qa_items(section)
        not_one._headed_items(section)
        not_one._actions(text)
        not_one._NOT_REFERENCE_TITLE_RE.search(text)
        not_one._LIST_TITLE_RE.search(text)
        not_one._REFERENCE_TITLE_RE.search(text)
        assert time.perf_counter() - started < 1.0
