"""What the article says to do first is drafted first (round 40, notes40): a note on a late
step that says to do something "before using the instructions above" becomes the fix's
first step; the registry note the rollback relies on ("Note that you should make a backup
copy of the registry files ...") is ticked as the backup; "If the X key is not available,
you must create it. To create it, follow these steps:" is a conditional step of its own."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, details, fixes, support, ticks

from kbassist.drafting.before_first import _asks
from kbassist.drafting.tree import draft_tree

mskb = partial(archive, id_="Q999840")


def test_precondition_note_on_last_step_comes_first() -> None:
    """The "disable System Restore ... before using the instructions above" note under the
    last step is ticked first, as a step for the case it names."""
    body = (
        "## Symptoms\n\nWhen you try to open EXE files, you get an error message.\n\n"
        "## Resolution\n\n1. Click Start, and then select Run.\n\n"
        "2. Type `regedit`, and then press Enter.\n\n"
        "3. Navigate to and select the key `HKEY_CLASSES_ROOT\\exefile\\shell\\open\\command`.\n\n"
        "4. Close Regedit.\n\n"
        "   > [!Note]\n"
        "   > If you are using Windows XP and you enable System Restore, you need to disable "
        "System Restore in Safe Mode before using the instructions above.\n"
    )
    said = ticks(fixes(draft_tree(support(body)))[0])
    assert (
        said[0]
        == (
            "If you are using Windows XP and you enable System Restore, disable System Restore "
            "in Safe Mode before you start."
        )
        or said[0] == "Disable System Restore in Safe Mode before you start."
    )
    assert "before using the instructions above" not in details(fixes(draft_tree(support(body)))[0])


def test_step_specific_before_is_left() -> None:
    """A "before you start Windows" or "before you proceed to the next step" sentence is
    about one step, not the whole procedure: it is not moved."""
    assert _asks("Make sure that a cartridge is in the device before you start Windows 95.") == ""
    step = "NOTE: It is very important that you remove ALL entries before you proceed to step 5."
    assert _asks(step) == ""
    assert _asks("Note that you can select desktop themes before you begin this step.") == ""
    assert _asks("Make sure you have a backup of the database before you begin.") == ""
    assert _asks("Make sure to back up the data before you perform this procedure.") == (
        "Make sure to back up the data before you start."
    )


def test_registry_backup_note_is_ticked_first() -> None:
    """The rollback's "the backup you made" has a step: the article's note to back up the
    registry files is ticked, as an action, before the edit."""
    body = (
        "SYMPTOMS\n========\n\nPCMCIA cards are not detected when you insert them.\n\n"
        "RESOLUTION\n==========\n\n"
        "To work around this problem, use Registry Editor (REGEDIT) to add the following\n"
        "registry entry:\n\n"
        "  HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\Class\\PCMCIA\\0000\n\n"
        "Add a value called PCICOptions to the entry, and assign it the value b8 0a 00 00.\n\n"
        "For information about how to edit the registry, view the Changing Keys And Values\n"
        "online Help topic in Registry Editor (Regedit.exe). Note that you should make a\n"
        "backup copy of the registry files (System.dat and User.dat) before you edit the\n"
        "registry.\n\n"
    )
    fix = fixes(draft_tree(mskb(body)))[0]
    said = ticks(fix)
    assert any(s.startswith("Make a backup copy of the registry files") for s in said)
    assert not any(s.startswith("Note that you should") for s in said)


def test_missing_key_note_is_a_conditional_step_before_locating_it() -> None:
    """ "If the Parameters key is not available, you must create it" with its sub-steps is
    a step asked for that case, before the step that locates the key, after the backup."""
    body = (
        "## Symptoms\n\nEvent ID 1053 is logged when you run gpupdate.\n\n"
        "## Resolution\n\n"
        "To resolve this problem, add the MaxTokenSize registry entry. Back up the registry "
        "before you modify it. To do this, follow these steps:\n\n"
        "1. Click **Start**, click **Run**, type *regedit*, and then click **OK**.\n"
        "2. Locate and then right-click the following registry subkey:\n"
        " `HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\Kerberos\\Parameters`\n"
        "   > [!NOTE]\n"
        "   > If the **Parameters** key is not available, you must create it. To create the "
        "**Parameters** key, follow these steps:\n"
        "   >\n"
        "   >1. Click the following registry subkey: "
        "`HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\Kerberos`\n"
        "   >2. On the **Edit** menu, click **New**, and then click **Key**.\n"
        "   >3. Type *Parameters*, and then press ENTER.\n\n"
        "3. Click the **Parameters** key, click **New** on the **Edit** Menu, and then click "
        "**DWORD Value**.\n"
        "4. Type *MaxTokenSize*, and then press ENTER.\n"
    )
    fix = fixes(draft_tree(support(body)))[0]
    said = ticks(fix)
    made = next(n for n, s in enumerate(said) if "Parameters key:" in s)
    located = next(n for n, s in enumerate(said) if s.startswith("Locate and then right-click"))
    backup = next(n for n, s in enumerate(said) if s.startswith("Back up the registry"))
    assert backup < made < located
    assert "On the Edit menu, click New, and then click Key." in fix["steps"][made]["detail"]
    assert "you must create it" not in details(fix)
