"""The words after a shown literal finish the step the literal belongs to (round 41,
notesact41): "enter" + the literal + "in the Save As dialog box." is one step, and
"change the following code:" + the old line + "to this:" + the new line is one step with
both lines shown in order; neither tail is ticked as a fragment of its own."""

from __future__ import annotations

from drafting_support import archive, details, fixes, ticks

from kbassist.drafting.literal_tails import literal_tail
from kbassist.drafting.tree import draft_tree

_HEAD = (
    "SYMPTOMS\n========\n\nWhen you save a file with an extension, the application adds its "
    "own default extension to the file name.\n\n"
    "CAUSE\n=====\n\nThis behavior is by design for the common dialog boxes.\n\n"
)


def test_tail_after_literal_ends_the_step() -> None:
    """The tail "in the Save As dialog box." is not ticked alone: it ends the "enter" step."""
    body = _HEAD + (
        "RESOLUTION\n==========\n\n"
        "To save a file with the filename FILENAME.EXT, enter\n\n"
        '  "FILENAME.EXT" (with quotation marks)\n\n'
        "in the Save As dialog box.\n"
    )
    said = [t for fix in fixes(draft_tree(archive(body))) for t in ticks(fix)]
    assert not any(t.startswith("in the") for t in said)
    assert any(t.endswith("enter in the Save As dialog box.") for t in said)


def test_to_this_between_two_listings_is_shown_in_order() -> None:
    """The "to this:" between the old and the new line is shown with them, not ticked."""
    body = _HEAD + (
        "WORKAROUND\n==========\n\n"
        "Use the Open method instead of the DoVerb method. For example, change the "
        "following code:\n\n"
        "  ActiveDocument.Shapes(1).OleFormat.DoVerb 2\n\n"
        "to this:\n\n"
        "  ActiveDocument.Shapes(1).OleFormat.Open\n"
    )
    fix = fixes(draft_tree(archive(body)))[0]
    assert not any(t.startswith("to") for t in ticks(fix))
    shown = details(fix)
    assert shown.index("DoVerb 2") < shown.index("to this:") < shown.index("OleFormat.Open")


def test_sentence_and_next_action_are_left() -> None:
    """A block after a literal that is a sentence or a next action stays a step."""
    assert literal_tail("Then restart the computer.", "Add the line", ["x=1"]) == ""
    assert literal_tail("and then run:", "Type the command", ["dir"]) == ""
    assert literal_tail("in the .CPP file.", "Change it", []) == ""
    assert literal_tail("in the .CPP file.", "Add this line", ["x=1"]) == "text"
    assert literal_tail("to this:", "Change the line:", ["x=1"]) == "detail"


def test_conditional_action_in_last_note_is_ticked() -> None:
    """The last step's "NOTE: If X, ... you must Y." becomes the step "Y" for case X."""
    from kbassist.drafting.note_conditions import note_condition_step
    from kbassist.drafting.text import split_detail, with_detail

    note = (
        "NOTE: If you have an existing worksheet embedded in a document, changing the font "
        "size will not affect the worksheet. To resolve this problem, you must delete the "
        "existing worksheet and then insert a new one."
    )
    out = note_condition_step(["Click OK.", with_detail("On the File menu, click Exit.", note)])
    assert len(out) == 3
    assert split_detail(out[1]) == ("On the File menu, click Exit.", "")
    step, shown = split_detail(out[2])
    assert step == (
        "If you have an existing worksheet embedded in a document, delete the existing "
        "worksheet and then insert a new one."
    )
    assert "will not affect the worksheet" in shown


def test_prerequisite_or_midway_note_is_left() -> None:
    """A "you must X before Y" note, or a note under a step mid-way, stays a note."""
    from kbassist.drafting.note_conditions import note_condition_step
    from kbassist.drafting.text import with_detail

    before = (
        "NOTE: If Internet Explorer 6 was installed after the package, you cannot remove the "
        "package. You must remove Internet Explorer 6 before you can remove the package."
    )
    items = ["Click Remove.", with_detail("Click OK to restart your computer.", before)]
    assert note_condition_step(items) == items
    midway = (
        "NOTE: If you had icons in the group, they are not recovered. You need to add "
        "them manually."
    )
    items = [with_detail("Delete the group.", midway), "Restart Windows."]
    assert note_condition_step(items) == items
