"""Verifies that check what the fix changes, not the symptom's own scene (round 38, verify38)."""

from __future__ import annotations

from pathlib import Path

from drafting_support import archive_page_verifies

from kbassist.drafting.verify_changed import _is_label, _scene_changed, _setup_replayed, _success


def _verifies(tmp_path: Path, body: str, title: str = "Widget: Feature Missing") -> list[str]:
    """The drafted fix outcomes' verify lines of an archive-style article with `body`."""
    return archive_page_verifies(tmp_path, "Q990381", title, body)


_AFTER_INSTALL = """\
SYMPTOMS
========

When you install Widget Atlas 98, you cannot access the Lookup Gadget feature
from inside Widget Writer.

CAUSE
=====

The required files and settings are not added by the Widget Atlas 98 installation
program.

RESOLUTION
==========

To resolve this problem, download and install the Wat98fix.exe patch file.
"""


def test_setup_that_caused_it_is_not_redone(tmp_path: Path) -> None:
    """A feature missing after an install is checked as it is now, not by installing again."""
    verifies = _verifies(tmp_path, _AFTER_INSTALL)
    assert verifies, verifies
    assert not any(v.startswith("Install Widget Atlas") for v in verifies), verifies
    assert any("you can access the Lookup Gadget feature" in v for v in verifies), verifies


def test_setup_check_about_the_setup_keeps_its_redo() -> None:
    """A check of the setup itself (its message, what Setup detects) still redoes it."""
    assert (
        _setup_replayed('Install Widget 95 again: check that the message "X" no longer appears.')
        == ""
    )
    assert _setup_replayed("Install Widget 95 again: check that Setup detects the adapter.") == ""
    assert _setup_replayed("Upgrade to Widget 5 again: check that the rules work.") == (
        "Check that the rules work."
    )


_IN_A_WINDOW = """\
SYMPTOMS
========

The Gizmo joystick does not work correctly when you try to use it with an
MS-DOS-based program in a window.

CAUSE
=====

The Windows 95 Gizmo driver does not support the joystick in a windowed session.

RESOLUTION
==========

Run MS-DOS-based programs that require the Gizmo joystick using the MS-DOS Mode
option.
"""


def test_scene_the_fix_leaves_is_not_kept(tmp_path: Path) -> None:
    """A fix that runs the program in MS-DOS mode is not checked 'in a window', where it fails."""
    verifies = _verifies(tmp_path, _IN_A_WINDOW, "Gizmo Joystick Requires MS-DOS Mode")
    assert verifies, verifies
    assert not any("in a window" in v for v in verifies), verifies


def test_scene_kept_when_the_fix_keeps_it() -> None:
    """A patch that makes the windowed program work keeps the windowed check."""
    text = "When you run a program in a window, check that Windows no longer hangs."
    assert _scene_changed(text, ["Install the patch Winfix.exe."]) == ""
    assert _scene_changed(text, ["Run the program in MS-DOS mode."]) == (
        "With the steps above in place, check that Windows no longer hangs."
    )


_ONLY_WAY = """\
SYMPTOMS
========

When you edit a bound object in Widget Base, the instance of Widget Writer does
not quit when you skip to the next record.

WORKAROUND
==========

The only way to quit the instance of Widget Writer is to use PVIEWER.EXE to kill
the "NTVDM" process.
"""


def test_only_way_workaround_checks_its_goal(tmp_path: Path) -> None:
    """A manual 'only way to' workaround is checked by what it does, not the symptom gone."""
    verifies = _verifies(tmp_path, _ONLY_WAY, "Widget Writer Object Does Not Close")
    assert "Check that the step above lets you quit the instance of Widget Writer." in verifies
    assert not any("skip to the next record" in v for v in verifies), verifies


def test_success_message_and_field_label_are_no_failure() -> None:
    """A success message or a dialog's field label is not a message to see gone."""
    said = (
        "If the command is successful the following message appears:\n"
        "  The password for X has been changed"
    )
    assert _success("The password for X has been changed", said)
    assert not _success(
        "The item that this shortcut refers to has been changed or moved",
        "You receive:\n  The item that this shortcut refers to has been changed or moved",
    )
    assert not _success(
        "Your upgrade did not complete successfully", "Your upgrade did not complete successfully"
    )
    assert not _success("Moved successfully, but the old file was not deleted", said)
    body = "You receive details:\n\n  Error Signature\n  AppName: widget.exe AppVer: 1.0"
    assert _is_label("Error Signature AppName", body)
    assert not _is_label("Out of memory", "You receive the message: Out of memory")
