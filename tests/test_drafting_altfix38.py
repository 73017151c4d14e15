"""A second fix the article offers after a fix is a choice, not a note under the fix's
step (round 38, altfix38: seed-106 readers on Q138726's FIXIDX and a trailing "NOTE:
Another workaround is to ...")."""

from __future__ import annotations

from drafting_support import archive, details, fixes, questions, ticks

from kbassist.drafting.tree import draft_tree

#: A restore whose note opens with the tool to use when there is no backup.
NO_BACKUP_TOOL = (
    "SYMPTOMS\n========\n\nThe Contoso client reports that the folder index is missing.\n\n"
    "CAUSE\n=====\n\nThe index file is missing from the user's folder directory.\n\n"
    "RESOLUTION\n==========\n\n"
    "You can restore the index file from a recent backup. The program REBUILDX can also be\n"
    "used if no backup is available. REBUILDX regenerates the index file from the folder\n"
    "files.\n\n"
    "NOTE: Running REBUILDX will result in the loss of all folder names.\n"
)

#: A fix, then a note after its last step that says another workaround.
TRAILING_OTHER = (
    "SYMPTOMS\n========\n\nThe computer stops responding when it prints over the network.\n\n"
    "CAUSE\n=====\n\nThe network message option conflicts with the display driver.\n\n"
    "RESOLUTION\n==========\n\n"
    "To avoid this problem, disable the network message option as follows:\n\n"
    "1. Log off from the network.\n\n"
    "2. Add the line SETMSGS OFF to the network startup batch file.\n\n"
    "3. Log on to the network before you start Windows.\n\n"
    "NOTE: Another workaround to this problem is to configure Windows for the standard\n"
    "VGA display.\n"
)

#: The same fix with a note under its FIRST step: another way to do that step.
STEP_NOTE = (
    "SYMPTOMS\n========\n\nSchedule+ starts offline every time it is opened.\n\n"
    "CAUSE\n=====\n\nThe Startup Offline option is selected.\n\n"
    "RESOLUTION\n==========\n\n"
    "1. On the Options menu, click General Options and clear Startup Offline.\n\n"
    "   NOTE: You can also set the StartupOffline= option to 0 in the SCHDPLUS.INI file.\n\n"
    "2. Run System Selector and set the driver back to the Mail driver.\n\n"
    "3. Change the ScheduleTransport= line to TRNSCHED.DLL.\n"
)


def test_the_no_backup_tool_is_asked_not_left_in_the_restore_note() -> None:
    """ "Do you have a backup?" is asked: "no" ticks Run REBUILDX with its warning shown, "yes"
    only the restore; the tool is no longer a note under the restore."""
    tree = draft_tree(archive(NO_BACKUP_TOOL))
    asked = [q for q in questions(tree) if q["title"].startswith("Do you have a")]
    assert asked and "backup" in asked[0]["title"]
    fix = next(f for f in fixes(tree) if any("REBUILDX" in t for t in ticks(f)))
    steps = fix["steps"]
    tool = next(s for s in steps if "REBUILDX" in s["text"])
    assert tool["text"].startswith("Run REBUILDX")
    assert tool["when"].endswith('== "no"')
    assert "loss of all folder names" in details(fix)
    restore = next(s for s in steps if "restore the index file" in s["text"].casefold())
    assert restore["when"].endswith('== "yes"')
    assert "REBUILDX" not in (restore.get("detail") or "")


def test_a_trailing_note_with_another_workaround_is_a_fix_to_choose() -> None:
    """The note "Another workaround ... is to configure Windows for the standard VGA display"
    after the last step becomes a second fix in the fix question, named by its action."""
    tree = draft_tree(archive(TRAILING_OTHER))
    found = fixes(tree)
    assert len(found) == 2
    other = found[1]
    assert ticks(other) == ["Configure Windows for the standard VGA display."]
    assert "standard VGA" not in details(found[0])
    labels = [c["label"] for q in questions(tree) for c in q["choices"]]
    assert "Configure Windows for the standard VGA display" in labels


def test_a_note_under_an_earlier_step_stays_a_note() -> None:
    """ "NOTE: You can also set X in the INI file" under step 1 of 3 is another way to do
    that step: it stays its note, and the walk keeps one fix with its three steps."""
    tree = draft_tree(archive(STEP_NOTE))
    found = fixes(tree)
    assert len(found) == 1
    assert "StartupOffline= option to 0" in details(found[0])
    assert len(ticks(found[0])) >= 3


#: Several steps, then "Alternatively, ..." that only redoes the last step another way.
LAST_STEP_OTHER = (
    "SYMPTOMS\n========\n\nThe compressed drive cannot be mounted after the disk check.\n\n"
    "CAUSE\n=====\n\nThe compressed volume file was renamed by the disk check.\n\n"
    "RESOLUTION\n==========\n\n"
    "1. Rename the FILE0001.CHK file to DBLSPACE.001.\n\n"
    "2. Restart the computer.\n\n"
    "3. Type DBLSPACE /MOUNT=001 at the command prompt and press ENTER.\n\n"
    "NOTE: Alternatively, you can run DBLSPACE.EXE, choose Mount from the Drive menu, and\n"
    "mount DBLSPACE.001.\n"
)

#: One step, then "Alternatively, ..." that replaces it.
ONE_STEP_OTHER = (
    "SYMPTOMS\n========\n\nReplication Manager reports that the folder is invalid.\n\n"
    "CAUSE\n=====\n\nThe replication DLLs do not accept a local drop box.\n\n"
    "RESOLUTION\n==========\n\n"
    "Install the updated replication DLLs from the Download Center.\n\n"
    "NOTE: Alternatively, you can create a dropbox on a network drive.\n"
)


def test_an_alternative_to_the_last_of_several_steps_stays_its_note() -> None:
    """ "Alternatively, run DBLSPACE.EXE and mount it" after step 3 of 3 is another way to
    mount, not a fix without the rename: it stays a note and there is one fix."""
    tree = draft_tree(archive(LAST_STEP_OTHER))
    found = fixes(tree)
    assert len(found) == 1
    assert "Alternatively" in details(found[0])


def test_an_alternative_to_a_one_step_fix_is_a_fix_to_choose() -> None:
    """After a fix of one step, "Alternatively, you can create a dropbox on a network
    drive" is a second fix, no longer the install's note."""
    tree = draft_tree(archive(ONE_STEP_OTHER))
    found = fixes(tree)
    assert any(ticks(f) == ["Create a dropbox on a network drive."] for f in found)
    assert not any("dropbox" in details(f) for f in found)


#: Two workarounds, the second said "Another workaround is to <verb>" with a verb that is
#: no common step verb.
TWO_WORKAROUNDS = (
    "SYMPTOMS\n========\n\nThe compiler generates incorrect code for a shift expression.\n\n"
    "CAUSE\n=====\n\nThe global optimizer folds the shift into the addition.\n\n"
    "RESOLUTION\n==========\n\n"
    "Remove global optimization from the command line for the module.\n\n"
    "Another workaround is to simplify the expression and use a temporary variable.\n"
)


def test_another_workaround_is_to_any_verb_is_a_second_fix() -> None:
    """ "Another workaround is to simplify the expression ..." is a fix to choose beside
    the first, whatever its verb, not a note under the first fix's step."""
    tree = draft_tree(archive(TWO_WORKAROUNDS))
    found = fixes(tree)
    assert any(t.startswith("Simplify the expression") for f in found for t in ticks(f))
    assert not any("Another workaround" in details(f) for f in found)
