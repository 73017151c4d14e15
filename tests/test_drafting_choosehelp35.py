"""When to choose each fix (round 33, choosehelp35; issue 13): the question between an
article's fixes says, per fix, the case and the cost its own text names, and nothing when
the text names none."""

from __future__ import annotations

import time
from typing import Any

from drafting_support import runbook, support

from kbassist.drafting.choose_help import when_notes, with_notes
from kbassist.drafting.tree import draft_tree

#: A modern article's two methods: one needs a backup, one destroys data and is for when
#: the first cannot be done.
KEYS = """
## Symptoms

The Gizmo Report service does not start, and the error "The encryption key is not valid"
is logged.

## Cause

The gizmo encryption key was changed after the service account changed.

## Resolution

### Method 1: Restore the gizmo key

> [!NOTE]
> To use this method, you must have a backup copy of the gizmo key.

1. Open the Gizmo Configuration tool.
2. On the **Keys** page, select **Restore**.
3. Select the backup file, and then select **OK**.

### Method 2: Delete the encrypted gizmo content

> [!IMPORTANT]
> This method deletes all the encrypted gizmo content, such as stored passwords. Only use
> this method if you cannot restore the gizmo key.

1. Open the Gizmo Configuration tool.
2. On the **Keys** page, select **Delete**.
3. Enter the stored passwords again.
"""

#: A runbook whose second fix says it loses data; its first says nothing of when.
VOLUME = """
## Meaning

A gizmo cache volume is nearly full and may stop gizmo writes if not attended to.
The alert will be fired when the gizmo cache usage has exceeded 90% of its capacity.

## Impact

New gizmo writes are blocked once the volume has no space left.

## Diagnosis

Using the console, go to Storage-Volumes.
A list of the volumes with the space used and available will be shown.
Open the affected gizmo cache volume to see more details.

## Mitigation

Expand the gizmo cache volume to increase the capacity.
In the list of volumes (Storage-Volumes), press the menu button shown at the end of
the affected volume row. Select "Expand volume" and increase the size of the volume.

Alternatively, you can also delete old gizmo snapshots that may be taking up space.
You will lose the data they hold.
"""

#: The same runbook whose fix only keeps data loss away: no cost to note.
KEPT = VOLUME.replace("You will lose the data they hold.", "Do it soon to prevent data loss.")


def _fix_question(tree: dict[str, Any]) -> dict[str, Any]:
    return next(n for n in tree["nodes"] if n["id"] == "mitigation")


def test_method_needs_and_costs_are_said() -> None:
    """The methods question says Method 1 needs a backup and Method 2 deletes content,
    only when Method 1 cannot be done."""
    help_text = _fix_question(draft_tree(support(KEYS)))["help"]
    assert "When to choose:" in help_text
    assert "(1) you must have a backup copy of the gizmo key" in help_text
    assert "only if you cannot restore the gizmo key" in help_text
    assert "deletes all the encrypted gizmo content" in help_text


def test_runbook_fix_that_loses_data_says_so() -> None:
    """A runbook fix whose text says it loses data is noted so; the other fix gets none."""
    help_text = _fix_question(draft_tree(runbook(VOLUME, id_="GizmoCacheFull"))).get("help", "")
    assert "(2) can lose data" in help_text
    assert "(1)" not in help_text


def test_prevented_data_loss_is_no_cost() -> None:
    """'to prevent data loss' is what the fix keeps away: no 'can lose data' note."""
    help_text = _fix_question(draft_tree(runbook(KEPT, id_="GizmoCacheFull"))).get("help", "")
    assert "lose data" not in help_text


def test_case_in_the_fix_opening_is_noted() -> None:
    """A fix's opening case ('If feasible on clouds, ...') is its note; a step's outcome
    ('If the restart fails, ...') and a case the label already says are not."""
    assert when_notes(
        "Add faster CPUs",
        "Add faster CPUs. If feasible on clouds, adding faster CPUs may help.",
        "",
        [],
    ) == ["if feasible on clouds"]
    assert when_notes("Restart the pod", "Restart the pod. If the restart fails, ...", "", []) == []
    assert (
        when_notes(
            "Delete the node if only one is hit", "Delete the node if only one is hit", "", []
        )
        == []
    )


def test_long_lead_keeps_the_notes() -> None:
    """A lead too long to fit beside the notes gives way to them, never the notes."""
    lead = "Back up the registry first. " + "Serious problems might occur. " * 12
    said = "When to choose: (2) edits the registry."
    joined = with_notes(lead.strip(), said)
    assert joined.endswith(said)
    assert joined.startswith("Back up the registry first.")
    assert len(joined) < 300
    steps = "Use these steps: 1. Click Start. 2. Double-click Gizmos. 3. " + "Select it. " * 30
    assert "3. When" not in with_notes(steps.strip(), said)


def test_hostile_text_is_read_fast() -> None:
    """20 KB of text built to make the regexes backtrack is read in well under a second."""
    hostile = [
        "if " + "a" * 20_000,
        "x " + "when b " * 3_000 + ",",
        "To use this method, you must have " + "z " * 10_000,
        "lose " * 4_000,
        "Only use this method if " + "q" * 20_000,
    ]
    start = time.perf_counter()
    for text in hostile:
        when_notes("Label", text, text, [])
    assert time.perf_counter() - start < 1.0
