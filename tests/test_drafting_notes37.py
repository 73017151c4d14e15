"""Round 37 (notes37): "Press Enter after each command." and "In this example, ..." are
no ticks of their own: the keystroke goes with the commands, the example under its step."""

from __future__ import annotations

from drafting_support import details, fixes, support, ticks

from kbassist.drafting.tick_kinds import example_tick
from kbassist.drafting.tree import draft_tree

VSS = """
## Symptoms

When you run the vssadmin list writers command, you receive error 0x8000FFFF.

## Cause

The COM+ event subscriptions are damaged.

## Resolution

1. Click **Start** > **Run**, type *cmd*, and then click **OK**.
2. Type the following commands at the command prompt. Press Enter after each command.
    - `net stop vss`
    - `regsvr32 ole32.dll`
    - `vssvc /register`
3. Restart the computer.
"""

SEARCH = """
## Symptoms

A workstation appears twice in the site inventory.

## Cause

The workstation's name ends with a space, so the server keeps two records for it.

## Resolution

1. Stop the SMS_Executive service on the site server.
2. Find the problem record in the DDM.box folder by searching all files for the computer name.
3. In this example, search for "<WS-81 >".
4. Delete all records that you locate with this search.
"""


def test_press_enter_goes_with_the_commands() -> None:
    """The commands tick says to press Enter after each; no tick is only that keystroke."""
    (fix,) = fixes(draft_tree(support(VSS, title="Error 0x8000FFFF in vssadmin")))
    said = ticks(fix)
    assert not any(t.startswith("Press Enter") for t in said)
    assert any(
        t.endswith("at the command prompt, and press Enter after each command:") for t in said
    )
    assert "net stop vss" in details(fix)


def test_an_in_this_example_sentence_is_the_note_of_its_step() -> None:
    """'In this example, search for X' is shown under the search step, not ticked."""
    (fix,) = fixes(draft_tree(support(SEARCH, title="Workstation listed twice")))
    said = ticks(fix)
    assert not any(t.startswith("In this example") for t in said)
    assert "In this example, search for" in details(fix)
    assert any(t.startswith("Delete all records") for t in said)


def test_other_sentences_are_no_examples() -> None:
    """An action that only mentions an example, or a long example, stays a tick."""
    assert example_tick("In this example, search for the name.")
    assert not example_tick("Use this example to search for the name.")
    assert not example_tick("In this example, search for X. Then delete the files you find.")


def test_an_example_with_its_own_action_stays_ticked() -> None:
    """'In the above example, decrease X' after a step that never says to decrease is ticked."""
    from kbassist.drafting.tick_kinds import _example_of

    assert _example_of('In this example, search for "<WS-81 >".', "Find it by a text search.")
    assert not _example_of(
        "In the above example, decrease uset(300) to uset(200).", "Design your storage scheme."
    )
    assert _example_of("In this example, the constant is used.", "Specify a constant.")
