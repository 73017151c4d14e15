"""One checklist item per whole action: chained actions and "X, or Y" ways (round 40)."""

from __future__ import annotations

from drafting_support import archive, fixes, questions

from kbassist.drafting.event_ticks import split_actions
from kbassist.drafting.tree import draft_tree

_CHAIN = """\
SYMPTOMS
========

When you sign in to Widget Explorer, you may get a message that you must restart.

CAUSE
=====

This is a known issue.

RESOLUTION
==========

Shut down Widget Explorer, restart your computer, and then re-start Widget Explorer.
"""

_INSTEAD = """\
SYMPTOMS
========

The query returns the error 0x8007000e.

CAUSE
=====

The server expects all POST data to be null terminated.

WORKAROUND
==========

Instead of using the POST command, use the GET command in the HTML code, or
ensure that the data in the POST command is Null Terminated.
"""


def _steps(tree: dict) -> list[str]:
    return [str(s["text"]) for node in fixes(tree) for s in node.get("steps", [])]


def test_chained_actions_are_a_tick_each() -> None:
    """'Shut down X, restart your computer, and then re-start X' is three checklist items."""
    steps = _steps(draft_tree(archive(_CHAIN)))
    assert steps[:3] == [
        "Shut down Widget Explorer.",
        "Restart your computer.",
        "Re-start Widget Explorer.",
    ]


def test_ui_gesture_chain_stays_one_item() -> None:
    """'Click OK, click Close, and then close X' and a window closed on the way stay one item."""
    for item in (
        "Click OK, click Close, and then close My Computer.",
        "Close Control Panel, and then restart the computer.",
        "Double-click the Setup.exe file, and then follow the instructions on the screen.",
        "Insert the CD-ROM into the drive, and then hold down the SHIFT key.",
        "Unplug the USB keyboard, and then plug the keyboard back in.",
    ):
        assert split_actions(item) == [item]


def test_leaning_parts_stay_one_item() -> None:
    """A part that names the one before ('create a new one', 'paste it') or a case stays whole."""
    for item in (
        "Rename the old database file, then create a new one.",
        "Edit the object in the program, then copy and paste it back into the document.",
        "Remove the driver, and then restart the computer if you are prompted.",
        "Add a space for the comma, and then edit the file and replace the space with a comma.",
    ):
        assert split_actions(item) == [item]


def test_two_whole_actions_split_and_note_read_first() -> None:
    """'Terminate X, and then restart Y' is two items; a note under it is shown on the first."""
    from kbassist.drafting.text import split_detail, with_detail

    item = with_detail(
        "Terminate the remaining processes with Task Manager, and then restart the service.",
        "Note: Save your work first.",
    )
    first, second = split_actions(item)
    assert split_detail(first) == (
        "Terminate the remaining processes with Task Manager.",
        "Note: Save your work first.",
    )
    assert second == "Restart the service."


def test_summary_over_its_steps_stays_one_item() -> None:
    """A chain over 'To do so, follow these steps:' sums up the steps under it: one item."""
    from kbassist.drafting.text import with_detail

    item = with_detail(
        "Reinstall the mail service, and then configure the mail service.",
        "To do so, follow these steps:",
    )
    assert split_actions(item) == [item]


def test_instead_of_two_ways_are_a_choice() -> None:
    """'Instead of X, use A, or ensure B' asks which way, one item per way."""
    tree = draft_tree(archive(_INSTEAD))
    asked = [q for q in questions(tree) if q.get("var", "").startswith("if_")]
    assert asked and len(asked[0]["choices"]) == 2
    steps = _steps(tree)
    assert "Ensure that the data in the POST command is Null Terminated." in steps
    assert any(
        s.startswith("Instead of using the POST command, use the GET command") for s in steps
    )
