"""Drafted MS KB checklists tick the action a fix is said as, keep a step's object (a
URL, a registry key) in the step, head steps with their announcement, and name the fix
by what it does (round 11, the seed-44 reader's "steps" notes)."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, fixes, ticks

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999941")


def details(outcome: dict[str, Any]) -> list[str]:
    return [s.get("detail") or "" for s in outcome["steps"]]


SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you install Windows 95, Setup may incorrectly detect the "
    "modem port speed.\n\n"
)
CAUSE = "CAUSE\n=====\n\nSetup reads the port speed from the old SYSTEM.INI file.\n\n"


def test_case_said_with_must_and_its_how_is_one_step_named_by_what_it_sets() -> None:
    """'If X is not detected, you must set it manually. To do so, open Y' ticks the
    action with its how, and the label says what "it" is."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "If the port speed is not detected correctly, you must set it manually. To\n"
        "do so, open the Modems tool in Control Panel and change the port settings on\n"
        "the Connection tab.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == [
        "If the port speed is not detected correctly, set it manually: open the Modems tool"
        " in Control Panel and change the port settings on the Connection tab."
    ]
    assert only["title"] == "Resolution: Set the port speed manually"
    draft_text(article)  # lint-clean


def test_obtained_only_by_purchasing_is_ticked_as_the_purchase() -> None:
    """'Contoso Support has verified that X can only be obtained by purchasing Y' is the
    step 'Purchase Y to obtain X', and the label says so (not 'Contoso Support has
    verified')."""
    article = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "Contoso Support has verified that the P2Sample.dll can only be obtained by\n"
        "purchasing the Contoso Report Pack.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == ["Purchase the Contoso Report Pack to obtain the P2Sample.dll."]
    assert only["title"] == (
        "Workaround: Purchase the Contoso Report Pack to obtain the P2Sample.dll"
    )


def test_what_must_be_done_to_a_thing_is_ticked_as_doing_it() -> None:
    """'The TSR must be updated to watch X' is 'Update the TSR to watch X'; a state ('must
    be located in') is no action and stays as written."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "The TSR must be updated to watch all four of the ROM BIOS keyboard read\n"
        "functions.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == [
        "Update the TSR to watch all four of the ROM BIOS keyboard read functions."
    ]
    state = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Copy the driver to the Windows folder. The driver file must be located in the\n"
        "Windows folder.\n"
    )
    assert not any("Locate the driver" in t for o in fixes(draft_tree(state)) for t in ticks(o))
    clause = mskb(  # the passive inside a clause ("... where files should be installed")
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Edit the SETUP.INF file. This directory is presented as the default when Setup\n"
        "prompts the user where files should be installed.\n"
    )
    assert not any(t.startswith("Install") for o in fixes(draft_tree(clause)) for t in ticks(o))


def test_url_a_step_names_is_in_the_step_not_dropped() -> None:
    """'... from the following Web site:' over a bare URL ticks the step with its URL (it
    was dropped as a pointer)."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this issue, download and install the latest modem driver from the\n"
        "following Contoso Web site:\n\n"
        "  http://www.contoso.com/drivers\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only)[0].endswith("following Contoso Web site: http://www.contoso.com/drivers")


def test_registry_key_below_the_warning_is_in_the_step_a_file_list_stays_a_list() -> None:
    """'go to the following subkey:' with the WARNING and the key under it ticks the step
    with its key, the WARNING shown; 'the following files:' keeps its list under it."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "WARNING: Using Registry Editor incorrectly can cause serious problems that may\n"
        "require you to reinstall your operating system. Use Registry Editor at your own\n"
        "risk.\n\n"
        "1. Start Registry Editor (Regedt32.exe) and go to the following subkey:\n\n"
        "     HKEY_LOCAL_MACHINE\\Software\\Contoso\\Modem\n\n"
        "2. From the Security menu, click Permissions.\n\n"
        "3. Delete the following files from the Windows folder:\n\n"
        "     Modem1.drv\n"
        "     Modem2.drv\n"
    )
    (only,) = fixes(draft_tree(article))
    said = ticks(only)
    key = next(t for t in said if t.startswith("Start Registry Editor"))
    assert key.endswith("subkey: HKEY_LOCAL_MACHINE\\Software\\Contoso\\Modem")
    files = said.index("Delete the following files from the Windows folder:")
    assert "Modem1.drv" in details(only)[files] and "Modem2.drv" in details(only)[files]


def test_statement_after_the_fix_is_shown_under_it_and_the_label_is_the_fix() -> None:
    """'To open X in Y, you must first save Z as W.' then 'V 7.0 can open ...; however, you
    cannot read ...': one tick, the statement shown under it, labelled 'Save Z as W'."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To open a Far East PowerPoint version 4.0 presentation in non-Far East versions\n"
        "of PowerPoint listed at the beginning of this article, you must first save the\n"
        "Far East presentation as a non-Far East PowerPoint version 4.0 file.\n\n"
        "Non-Far East PowerPoint version 7.0 can open a file saved in Far East PowerPoint\n"
        "version 4.0 or 7.0 format; however, you cannot read most of the content.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert len(ticks(only)) == 1
    assert "you cannot read most of the content" in details(only)[0]
    assert only["title"] == (
        "Resolution: Save the Far East presentation as a non-Far East PowerPoint version 4.0 file"
    )


def test_action_by_following_these_steps_heads_them_and_is_not_ticked() -> None:
    """'Ensure you are using X by following these steps:' is shown with the step after it,
    not ticked as a step of its own."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "1. Clean the compact disc with a soft cloth.\n\n"
        "2. Ensure you are using the Apple CD-ROM Extension by following these steps:\n\n"
        "   a. On the Apple menu, click Control Panels, and then click Extensions Manager.\n\n"
        "   b. Make sure Apple CD-ROM is listed under Extensions.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert not any("by following these steps" in t for t in ticks(only))
    assert any("Ensure you are using the Apple CD-ROM Extension" in d for d in details(only))


def test_numbered_steps_label_names_the_step_that_changes_something() -> None:
    """'Resolution (4 steps)' over clicks is named by the step that changes a setting;
    'Save these settings' (a pronoun) never names a fix."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this problem, use the following steps:\n\n"
        "1. In Control Panel, double-click Display.\n\n"
        "2. On the Settings tab, click Advanced Properties.\n\n"
        "3. On the Performance tab, move the Hardware Acceleration slider to None.\n\n"
        "4. Click OK or Close until you return to Control Panel.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert only["title"] == "Resolution: Move the Hardware Acceleration slider to None"
    pronoun = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To correct this problem:\n\n"
        "1. Run the computer CMOS setup program and look at the drive parameters. There\n"
        "   will be more than 1024 cylinders if it has an enhanced IDE drive.\n\n"
        "2. Save these settings. If you press escape, the parameters will not be saved.\n\n"
        "3. Reboot the computer and install Windows NT.\n"
    )
    (only,) = fixes(draft_tree(pronoun))
    assert "these settings" not in only["title"]
    assert only["title"].startswith("Resolution: Run the computer CMOS setup program")


def test_download_page_boilerplate_is_not_shown() -> None:
    """'DownloadDownload X now' reads 'Download X now'; 'The file is stored on secure
    servers ...' is not shown under the step."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this problem, obtain the latest service pack for Exchange Server 5.5.\n\n"
        "The following files are available for download from the Microsoft Download Center:\n\n"
        "   x86: DownloadDownload Q248838engi.exe now\n"
        "   (http://www.microsoft.com/downloads/release.asp?ReleaseID=25443)\n\n"
        "The file is stored on secure servers that prevent any unauthorized changes to the\n"
        "file.\n"
    )
    found = fixes(draft_tree(article))  # the service pack, and the download beside it
    shown = "\n".join(line for fix in found for line in ticks(fix) + details(fix))
    assert "DownloadDownload" not in shown and "Q248838engi.exe" in shown
    assert "secure servers" not in shown


def test_one_step_fix_is_named_by_its_whole_step_not_a_cut_one() -> None:
    """A fix of one short step is labelled by the whole step ('... or Windows NT Server
    4.0, Terminal Server Edition'), not cut before its last words."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Obtain the latest service pack for Windows NT 4.0 or Windows NT Server 4.0,\n"
        "Terminal Server Edition.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert only["title"] == (
        "Resolution: Obtain the latest service pack for Windows NT 4.0 or Windows NT Server"
        " 4.0, Terminal Server Edition"
    )


def test_advice_said_of_the_workstations_after_a_place_is_ticked_as_doing_it() -> None:
    """'On a network server, all workstations should be synchronized to X' is 'On a
    network server, synchronize all workstations to X'."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Make sure the system clock is set to the right time before you run Setup.\n\n"
        "On a network server, all workstations should be synchronized to the server's\n"
        "time.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert "On a network server, synchronize all workstations to the server's time." in ticks(only)


def test_what_a_vendor_has_is_shown_and_the_fix_is_contacting_it() -> None:
    """'Contoso has newer drivers for Windows 3.1. To obtain these drivers, contact
    Contoso.' ticks the contact, the statement shown, labelled by what it does."""
    article = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "Contoso Audio has newer drivers for Windows 3.1 and a compatible OEMSETUP.INF\n"
        "file. To obtain these drivers, contact Contoso Audio.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == ["To obtain these drivers, contact Contoso Audio."]
    assert "Contoso Audio has newer drivers" in details(only)[0]
    assert only["title"] == "Workaround: Contact Contoso Audio to obtain these drivers"


def test_file_table_the_verify_names_is_not_pasted_under_the_step() -> None:
    """The hotfix's file-attribute table is read in the verify ('Check that Winsli32.dll
    is dated 02/02/01 or later'), not pasted as an ASCII table under 'Contact ...'."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this problem immediately, contact Microsoft Product Support Services\n"
        "to obtain the fix.\n\n"
        "The English version of this fix should have the following file attributes or\n"
        "later:\n\n"
        "+------------------------------------+\n"
        "| File name    | Date     | Time     |\n"
        "+------------------------------------+\n"
        "| Winsli32.dll | 02/02/01 | 02:05 pm |\n"
        "+------------------------------------+\n\n"
        "NOTE: Because of file dependencies, the most recent fix that contains the above\n"
        "files may also contain additional files.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only)[0] == "Contact Microsoft Product Support Services to obtain the fix."
    assert not any("Winsli32.dll" in d or "+---" in d for d in details(only))
    assert "Winsli32.dll is dated 02/02/01" in only["verify"][0]["text"]


def test_a_case_that_announces_steps_asks_for_them_not_for_the_announcement() -> None:
    """'If X, use the following steps to verify Y.' gates the steps after it (up to the
    next procedure's lead), the announcement shown under the first, not ticked."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "1. On the Apple menu, click Control Panels, and then click General Controls.\n\n"
        "2. Click the Protect System Folder check box to clear it.\n\n"
        "3. If the System Folder is not protected, use the following steps to verify\n"
        "   that your compact disc is readable.\n\n"
        "4. Clean the compact disc with a soft, lint-free cloth.\n\n"
        "5. Wipe the disc from the center out.\n\n"
        "6. Restart the computer and start the program again.\n\n"
        "7. Reinstall the program by following the steps below:\n\n"
        "8. Insert the program disc.\n"
    )
    (only,) = fixes(draft_tree(article))
    said = ticks(only)
    assert not any(t.startswith("Use the following steps") for t in said)
    gated = {t: s.get("when") for t, s in zip(said, only["steps"], strict=True)}
    assert gated["Clean the compact disc with a soft, lint-free cloth."] == 'if_1 == "yes"'
    assert gated["Restart the computer and start the program again."] == 'if_1 == "yes"'
    assert gated["Click the Protect System Folder check box to clear it."] is None
    assert gated["Insert the program disc."] is None
