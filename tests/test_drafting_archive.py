"""Drafted walks of MS KB archive articles (SYMPTOMS / CAUSE / RESOLUTION / STATUS), by the
kind of paragraph a reader found drafted wrong: separate fixes read as one checklist, a
STATUS upgrade repeating the resolution, statements and warnings ticked as steps, and
placeholders asked without saying what they are or never reaching the command."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, walked

from kbassist.drafting.tree import draft_tree
from kbassist.trees.checklist import Checklist

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999301")


def steps(checklist: Checklist) -> list[tuple[str, str]]:
    """(text, detail) of each checklist step."""
    return [(item.text, getattr(item, "detail", "") or "") for item in checklist.part("steps")]


def choices(tree: dict[str, Any], node_id: str) -> dict[str, str]:
    node = next(n for n in tree["nodes"] if n["id"] == node_id)
    return {c["value"]: c["label"] for c in node["choices"]}


def inputs(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in tree["nodes"] if n["kind"] == "input"]


SYMPTOMS = "SYMPTOMS\n========\n\nWhen you log on, you receive an error message.\n\n"

UPDATE_THEN_REGISTRY = (
    SYMPTOMS + "RESOLUTION\n==========\n\n"
    "To resolve this problem, obtain the latest service pack for Windows NT 4.0. For\n"
    "additional information, please see the following article in the Microsoft\n"
    "Knowledge Base:\n\n"
    "  Q152734 How to Obtain the Latest Windows NT 4.0 Service Pack\n\n\n"
    "WARNING: Using Registry Editor incorrectly can cause serious problems. Use this\n"
    "tool at your own risk.\n\n"
    "Use RegEdt32.exe to add the following value to the Rdr service parameters:\n\n"
    "1. Open the registry entry:\n\n"
    "  HKLM\\System\\CurrentControlSet\\Services\\RDR\\Parameters\n\n"
    "2. On the Edit menu, click Add Value.\n\n"
    "3. Type FailedConnectTimeout as the value name.\n\n"
    "STATUS\n======\n\n"
    "Microsoft has confirmed this to be a problem in Windows NT 4.0. This problem was\n"
    "first corrected in Windows NT 4.0 U.S. Service Pack 4.\n"
)


def test_service_pack_and_manual_registry_procedure_are_two_options_not_one_checklist() -> None:
    """The update and the registry procedure after it are separate options; no duplicate upgrade."""
    tree = draft_tree(mskb(UPDATE_THEN_REGISTRY))
    labels = list(choices(tree, "mitigation").values())
    assert labels == [
        "Resolution: Obtain the latest service pack for Windows NT 4.0",
        "Resolution: Use RegEdt32.exe to add the following value to the Rdr service parameters",
    ]
    assert "upgrade" not in {n["id"] for n in tree["nodes"]}
    update = steps(
        walked(mskb(UPDATE_THEN_REGISTRY), {"symptom": "yes", "mitigation": "resolution_1"})
    )
    assert next(text for text, _ in update) == "Obtain the latest service pack for Windows NT 4.0."
    # the STATUS sentence says which service pack, whole: not cut at "U.S."
    assert "first corrected in Windows NT 4.0 U.S. Service Pack 4." in update[0][1]


def test_registry_warning_is_shown_under_the_first_step_not_ticked() -> None:
    """The WARNING before the procedure is the first step's detail, never an item or a
    label; the key's backup comes once it is open, before the first change (round 24)."""
    manual = steps(
        walked(mskb(UPDATE_THEN_REGISTRY), {"symptom": "yes", "mitigation": "resolution_2"})
    )
    texts = [text for text, _ in manual]
    assert texts[0] == (
        # the key the step opens is in the step (round 11), the WARNING shown under it
        "Open the registry entry: HKLM\\System\\CurrentControlSet\\Services\\RDR\\Parameters"
    )
    assert texts[1].startswith("Back up the HKLM\\System\\CurrentControlSet\\Services\\RDR")
    assert texts[2:] == [
        "On the Edit menu, click Add Value.",
        "Type FailedConnectTimeout as the value name.",
    ]
    assert manual[0][1].startswith("WARNING: Using Registry Editor incorrectly")


def test_fix_under_a_product_header_is_its_own_option_without_the_hotfix_notice() -> None:
    """ "Host Integration Server 2000:" names a second fix; the hotfix notice is no step."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "To resolve this problem, obtain the latest service pack for SNA Server 4.0.\n\n"
        "Host Integration Server 2000:\n\n"
        "A supported fix is now available from Microsoft, but it is only intended to\n"
        "correct the problem described in this article. This fix may receive additional\n"
        "testing at a later time.\n\n"
        "To resolve this problem immediately, contact Microsoft Product Support Services\n"
        "to obtain the fix.\n\n"
        "The English version of this fix should have the following file attributes:\n\n"
        "+------------------------------------+\n"
        "| File name   | Date       | Time    |\n"
        "+------------------------------------+\n"
        "| Wcpic32.dll | 01/02/2001 | 10:06am |\n"
        "+------------------------------------+\n"
    )
    tree = draft_tree(art)
    assert list(choices(tree, "mitigation").values()) == [
        "Resolution: Obtain the latest service pack for SNA Server 4.0",
        "Host Integration Server 2000: Contact Microsoft Product Support Services to obtain"
        " the fix",
    ]
    assert inputs(tree) == []  # the file's time in the table is no setting to ask
    (text, _), *_ = got = steps(walked(art, {"symptom": "yes", "mitigation": "resolution_2"}))
    detail = "\n".join(d for _, d in got)  # under any of its steps
    assert text == "Contact Microsoft Product Support Services to obtain the fix."
    # the file table is read in the verify (round 11), not pasted under the step
    assert "Wcpic32.dll | 01/02/2001" not in detail
    (fix,) = [n for n in tree["nodes"] if n["id"] == "resolution_2"]
    assert "Wcpic32.dll is dated 01/02/2001" in fix["verify"][0]["text"]


def test_alternatively_paragraph_in_a_resolution_is_a_separate_option() -> None:
    """ "Alternatively, lower the screen size" is another option, not step 2 of the update."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Install the updated display driver from the manufacturer.\n\n"
        "Alternatively, lower the screen size to 800 by 600 pixels.\n"
    )
    labels = list(choices(draft_tree(art), "mitigation").values())
    assert len(labels) == 2
    assert labels[1] == "Resolution: Lower the screen size to 800 by 600 pixels"
    second = steps(walked(art, {"symptom": "yes", "mitigation": "resolution_2"}))
    assert second == [("Lower the screen size to 800 by 600 pixels.", "")]


def test_a_statement_after_a_step_is_its_detail_and_an_action_in_it_stays_a_step() -> None:
    """ "The file should be located in ..." is shown under the step; "Restart X" is ticked."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Change the line to the following:\n\n"
        "  ScheduleTransport=TRNSCHED.DLL\n\n"
        "The TRNSCHED.DLL file should be located in the Windows SYSTEM subdirectory.\n"
        "Restart Schedule+.\n\n"
        "This information does not apply to Windows NT 4.0.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert [text for text, _ in got] == ["Change the line to the following:", "Restart Schedule+."]
    assert "should be located in the Windows SYSTEM" in got[0][1]
    assert "does not apply to Windows NT 4.0" in got[1][1]


EXPAND = (
    SYMPTOMS + "RESOLUTION\n==========\n\n"
    "1. Insert the setup disk in your floppy disk drive.\n\n"
    "2. At the MS-DOS command prompt, type the following command and press ENTER:\n\n"
    "  expand <drive>:\\vbrun300.dl_ c:\\windows\\system\\vbrun300.dll\n\n"
    "  where <drive> is the floppy disk drive containing the setup disk and where\n"
    "  Windows is installed on your C drive.\n"
)


def test_drive_placeholder_is_a_drive_letter_input_whose_help_says_which_drive() -> None:
    """`<drive>` is asked as a drive letter, with the article's "the floppy disk drive ..."."""
    [drive, windows] = inputs(draft_tree(mskb(EXPAND)))
    assert drive["title"] == "Your drive letter for <drive>"
    assert drive["help"].startswith(
        "<drive> is the floppy disk drive containing the setup disk (the article). A drive letter"
    )
    assert windows["default"] == "C"


def test_both_drive_answers_reach_the_command() -> None:
    """The floppy drive and the Windows drive answers are both in the command shown."""
    answers = {"symptom": "yes", "placeholder_1": "B", "drive_1": "E"}
    [_, (text, detail)] = steps(walked(mskb(EXPAND), answers))
    assert text.startswith("At the MS-DOS command prompt, type the following command")
    assert detail.splitlines()[0] == "expand B:\\vbrun300.dl_ E:\\windows\\system\\vbrun300.dll"


def test_placeholder_explained_after_and_is_a_path_and_example_values_are_not_asked() -> None:
    """ "and <winpath> is the path to ..." is help for a path input; the example's A: is not."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Use the following syntax to expand the file:\n\n"
        "  expand <drive>:\\trnsched.dl_ <winpath>\\trnsched.dll\n\n"
        "where <drive> is the drive containing the installation disk and <winpath> is\n"
        "the path to the Windows SYSTEM subdirectory. For example, if the installation\n"
        "disk is in drive A, type the following command:\n\n"
        "  expand a:\\trnsched.dl_ c:\\windows\\system\\trnsched.dll\n"
    )
    found = inputs(draft_tree(art))
    assert [n["title"] for n in found] == [
        "Your drive letter for <drive>",
        "Your path for <winpath>",
    ]
    assert found[1]["help"].startswith(
        "<winpath> is the path to the Windows SYSTEM subdirectory (the article)."
    )
    answers = {"symptom": "yes", "placeholder_1": "D", "placeholder_2": "F:\\WIN\\SYSTEM"}
    [(_, detail)] = steps(walked(art, answers))
    assert detail.splitlines()[0] == "expand D:\\trnsched.dl_ F:\\WIN\\SYSTEM\\trnsched.dll"


def test_server_and_share_name_words_in_a_unc_command_are_inputs() -> None:
    """`\\\\servername\\sharename` in a command asks for the server and the share."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Type the following command at the command prompt:\n\n"
        "  pbrush.exe \\\\servername\\sharename\\filename.bmp\n"
    )
    tree = draft_tree(art)
    assert [n["title"] for n in inputs(tree)] == [
        "Your host name for servername",
        "Your name for sharename",
    ]
    answers = {"symptom": "yes", "placeholder_1": "FS1", "placeholder_2": "PICS"}
    [(_, detail)] = steps(walked(art, answers))
    assert detail == "pbrush.exe \\\\FS1\\PICS\\filename.bmp"


def test_a_token_the_article_explains_becomes_an_input_in_the_setting() -> None:
    """ "TimerCriticalSection=nnnn, where nnnn is the number of milliseconds" asks nnnn."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Add the following line to the [386Enh] section of the SYSTEM.INI file:\n\n"
        "  TimerCriticalSection=nnnn\n\n"
        "  where nnnn is the number of milliseconds to wait.\n"
    )
    [found] = inputs(draft_tree(art))
    assert found["title"] == "Your number for nnnn"
    assert "nnnn is the number of milliseconds to wait (the article)" in found["help"]
    [(_, detail)] = steps(walked(art, {"symptom": "yes", "placeholder_1": "10000"}))
    assert detail.splitlines()[0] == "TimerCriticalSection=10000"


def test_a_symptom_list_keeps_every_bullet_not_only_the_first() -> None:
    """ "includes all of the following: - A - B - C" keeps C, often the actual symptom."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "A user's list of available printers includes all of the following:\n\n"
        "- The user's auto-created client printers\n\n"
        "- Printers designated for the user by the administrator\n\n"
        "- The administrator's auto-created printers\n\n"
        "RESOLUTION\n==========\n\nInstall the latest service pack.\n"
    )
    assert draft_tree(art)["symptom"].endswith("- The administrator's auto-created printers")


def test_messages_after_separate_lead_ins_are_each_a_choice() -> None:
    """Three "you get the following error message:" paragraphs offer all three messages."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "When you open the properties, you may get the following error message:\n\n"
        "  Unable to initialize Extension Data Attributes!\n\n"
        "When you click any of the tabs, you get the following error message:\n\n"
        "  An exception has occurred in an extension .DLL file.\n\n"
        "If you click Exclude Mailbox, you might receive a Dr. Watson error message:\n\n"
        "  An application error has occurred. Admin.exe Exception: Access Violation\n\n"
        "RESOLUTION\n==========\n\nAdminister the agent from the server that runs it.\n"
    )
    assert list(choices(draft_tree(art), "symptom").values()) == [
        "Unable to initialize Extension Data Attributes!",
        "An exception has occurred in an extension .DLL file",
        "An application error has occurred",
        "None of these",
    ]


def test_a_message_wrapped_over_two_indented_lines_is_one_message() -> None:
    """ "Insert the disk labeled:" and the label after it are one message, not two choices."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "You may receive the following error message when you insert the second disk:\n\n"
        "  Insert the disk labeled:\n\n"
        "  'Setup: Disk2' into Drive A:\n\n"
        "RESOLUTION\n==========\n\nCopy all the files of each Disks folder to the disk.\n"
    )
    assert choices(draft_tree(art), "symptom") == {
        "yes": "Yes, this is what I see",
        "no": "No, I see something else",
    }


def test_a_long_symptom_is_verified_whole_or_by_its_section_never_cut() -> None:
    """The verify quotes whole sentences, never "[...]"; a long one names SYMPTOMS instead."""
    long = "When you log on, " + "the server waits for the domain controller and " * 9 + "fails."
    art = mskb(
        f"SYMPTOMS\n========\n\n{long}\n\n"
        "RESOLUTION\n==========\n\nInstall the latest service pack.\n"
    )
    [verify] = [i.text for i in walked(art, {"symptom": "yes"}).part("verify")]
    assert verify == "Check that the problem Q999301 SYMPTOMS describes no longer occurs."


def test_fix_said_by_a_gerund_is_an_action_and_names_the_option() -> None:
    """ "Installing X allows Y" is "Install X: this allows Y"; "Correct this by updating X"
    is "Update X"; "To circumvent this problem, process X" is "Process X"."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Correct this problem by updating HPDSKJET.DRV to version 2.1.\n\n"
        "WORKAROUND\n==========\n\n"
        "Installing Excel 97 on the Index Server computer allows the documents to be\n"
        "filtered correctly.\n"
    )
    assert list(choices(draft_tree(art), "mitigation").values()) == [
        "Resolution: Update HPDSKJET.DRV to version 2.1",
        "Workaround: Install Excel 97 on the Index Server computer",
    ]
    assert steps(walked(art, {"symptom": "yes", "mitigation": "workaround_1"})) == [
        (
            "Install Excel 97 on the Index Server computer: this allows the documents to be"
            " filtered correctly.",
            "",
        )
    ]
    circumvent = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "To circumvent this problem, process the WM_MEASUREITEM message.\n"
    )
    assert steps(walked(circumvent, {"symptom": "yes"})) == [
        ("Process the WM_MEASUREITEM message.", "")
    ]


def test_workaround_sentence_listing_three_actions_is_three_steps() -> None:
    """ "To work around this, you can X if you A, B, and then C" is steps A, B, C."""
    art = mskb(
        SYMPTOMS + "WORKAROUND\n==========\n\n"
        "To work around this behavior, you can change permissions if you remove the package\n"
        "from the distribution point, adjust the access accounts, and then redistribute the\n"
        "package to the distribution point.\n"
    )
    assert steps(walked(art, {"symptom": "yes"})) == [
        ("Remove the package from the distribution point.", ""),
        ("Adjust the access accounts.", ""),
        ("Redistribute the package to the distribution point.", ""),
    ]


def test_driver_update_and_two_purpose_procedures_are_three_named_options() -> None:
    """ "If you already installed ..., the following methods" then "To reduce X:" 1. 2. and
    "To reduce Y:" 1. 2. are options named "Reduce X" and "Reduce Y", not one checklist."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Download and install the latest video driver from your video adapter manufacturer.\n\n"
        "If you already installed the latest video driver, you may be able to work around\n"
        "this issue by using the following methods.\n\n"
        "To reduce the graphics hardware acceleration:\n\n"
        "1. Double-click System in Control Panel.\n\n"
        "2. Move the Hardware Acceleration slider to None.\n\n"
        "To reduce the screen resolution and colors:\n\n"
        "1. Double-click Display in Control Panel.\n\n"
        "2. Under Colors, click 256 Colors.\n"
    )
    assert list(choices(draft_tree(art), "mitigation").values()) == [
        "Resolution: Download and install the latest video driver from your video adapter"
        " manufacturer",
        "Resolution: Reduce the graphics hardware acceleration",
        "Resolution: Reduce the screen resolution and colors",
    ]
    assert steps(walked(art, {"symptom": "yes", "mitigation": "resolution_2"})) == [
        ("Double-click System in Control Panel.", ""),
        ("Move the Hardware Acceleration slider to None.", ""),
    ]


def test_an_explanation_before_the_action_is_no_step_and_no_name() -> None:
    """ "The breakpoints that the debugger skips are placed on ..." is the outcome's text."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "The breakpoints that the debugger skips are placed on invalid lines of code.\n"
        "Place breakpoints on valid lines of SQL code only.\n"
    )
    tree = draft_tree(art)
    outcome = next(n for n in tree["nodes"] if n["id"] == "resolution_1")
    assert outcome["title"] == "Resolution: Place breakpoints on valid lines of SQL code only"
    assert outcome["text"].startswith("The breakpoints that the debugger skips")
    assert [s["text"] for s in outcome["steps"]] == [
        "Place breakpoints on valid lines of SQL code only."
    ]


def test_a_procedure_starting_with_a_click_is_named_by_its_purpose_or_its_length() -> None:
    """The title is "Set up the drive" (from "To set up the drive, follow these steps:") or
    "Resolution (3 steps)", never "Resolution: Click the Start button"."""
    numbered = "1. Click the Start button, point to Settings, and then click Control Panel.\n\n"
    numbered += "2. Double-click Add New Hardware.\n\n3. Click Next.\n"
    named = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "To set up the CD-ROM drive for Windows 95, follow these steps:\n\n" + numbered
    )
    assert choices(draft_tree(named), "symptom")  # drafts
    titles = [n["title"] for n in draft_tree(named)["nodes"] if n["id"] == "resolution_1"]
    assert titles == ["Resolution: Set up the CD-ROM drive for Windows 95"]
    bare = mskb(SYMPTOMS + "RESOLUTION\n==========\n\n" + numbered)
    titles = [n["title"] for n in draft_tree(bare)["nodes"] if n["id"] == "resolution_1"]
    assert titles == ["Resolution (3 steps)"]


def test_method_headings_name_their_options_and_are_no_steps() -> None:
    """ "Method 1:" and "Method 2: Edit the field:" name the options; neither is ticked."""
    art = mskb(
        SYMPTOMS + "WORKAROUND\n==========\n\n"
        "There are two ways to work around this problem:\n\n"
        "Method 1:\n\n"
        "1. On the Tools menu, click Options.\n\n"
        "2. Click Update.\n\n"
        "Method 2: Edit the ListNum Field:\n\n"
        "1. Press ALT+F9 to display the field codes.\n\n"
        "2. Change the ListNum field.\n"
    )
    assert list(choices(draft_tree(art), "mitigation").values()) == [
        "Method 1 (2 steps)",
        "Method 2: Edit the ListNum Field",
    ]
    assert steps(walked(art, {"symptom": "yes", "mitigation": "workaround_2"})) == [
        ("Press ALT+F9 to display the field codes.", ""),
        ("Change the ListNum field.", ""),
    ]


def test_a_note_before_a_work_around_paragraph_is_no_option_of_its_own() -> None:
    """ "Note that you should back up the registry" then "To work around this ...:" is one
    option: the backup its first step, the option named by the action it takes."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Note that you should back up the registry before you edit it.\n\n"
        "To work around this problem, perform the following steps:\n\n"
        "1. Start Registry Editor (Regedt32.exe) and go to the following subkey:\n\n"
        "  HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\NWRDR\n\n"
        "2. Set DefaultMaxPacketSize to 1415.\n"
    )
    tree = draft_tree(art)
    outcomes = [n["title"] for n in tree["nodes"] if n["kind"] == "outcome"]
    # named by what it changes, not by the step that opens Registry Editor (round 10)
    assert outcomes[0] == "Resolution: Set DefaultMaxPacketSize to 1415"
    assert len(outcomes) == 2  # the fix and "This article may not apply"
    texts = [t for t, _ in steps(walked(art, {"symptom": "yes"}))]
    assert texts[0].startswith("Back up the registry before you change anything")


def test_hotfix_file_list_and_virus_scan_notice_are_no_steps() -> None:
    """ "Component: Information Store" with its files is shown under the step; the virus
    scan notice is dropped."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "To resolve this problem, obtain the latest service pack for Exchange Server 5.5.\n\n"
        "Microsoft used the most current virus detection software available on the date\n"
        "of posting to scan this file for viruses.\n\n"
        "The English version of this fix should have the following file attributes:\n\n"
        "Component: Information Store\n\n"
        "  File Name    Version\n"
        "  ---------------------\n"
        "  Store.exe    5.5.2511\n"
    )
    (text, _), *_ = got = steps(walked(art, {"symptom": "yes"}))
    detail = "\n".join(d for _, d in got)  # under any of its steps
    assert text == "Obtain the latest service pack for Exchange Server 5.5."
    assert "Component: Information Store" in detail
    assert "virus" not in detail


def test_a_resolution_that_only_says_what_was_corrected_is_the_upgrade() -> None:
    """ "Basesrv.dll has been corrected ..." is no fix of its own: one upgrade option that
    installs what STATUS names, whole ("Windows NT 3.51 U.S. Service Pack"), with it shown."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "When the MMTA uses the drive, the following error message may be displayed:\n\n"
        "  NT MMTA:\n\n"
        "  Drive is used, local, or greater than last drive\n\n"
        "When you connect from the command prompt, the following error may be displayed:\n\n"
        "  C:\\users\\default>net use X: \\\\NetwareServer\\share\n\n"
        "  System error 85 has occurred.\n\n"
        "RESOLUTION\n==========\n\n"
        "Basesrv.dll has been corrected to prevent drive resources from becoming orphaned.\n\n"
        "STATUS\n======\n\n"
        "This problem was corrected in the latest Windows NT 3.51 U.S. Service Pack.\n"
    )
    tree = draft_tree(art)
    assert list(choices(tree, "symptom").values()) == [
        "NT MMTA: Drive is used, local, or greater than last drive",
        "System error 85 has occurred",
        "None of these",
    ]
    outcomes = [n for n in tree["nodes"] if n["kind"] == "outcome"]
    assert [o["title"] for o in outcomes] == [
        "Install the latest Windows NT 3.51 U.S. Service Pack",
        "This article may not apply",
    ]
    [(text, detail)] = steps(walked(art, {"symptom": "message_2"}))
    assert text == "Install the latest Windows NT 3.51 U.S. Service Pack."
    assert detail == (
        "RESOLUTION: Basesrv.dll has been corrected to prevent drive resources from becoming"
        " orphaned."
    )


def test_a_purpose_clause_names_the_fix_and_a_later_message_is_not_asked_first() -> None:
    """ "To install the MIDI driver, start ..." is titled "Install the MIDI driver"; "If
    this message is displayed, ..." depends on a step and is not asked before it."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "To install the MIDI driver, start Control Panel, choose the Drivers icon, and then\n"
        "select and install the driver.\n\n"
        "Run MIDI Mapper to find out whether the MIDIMAP.CFG file is missing.\n\n"
        "If this message is displayed, expand MIDIMAP.CFG from the Windows disks.\n"
    )
    tree = draft_tree(art)
    titles = [n["title"] for n in tree["nodes"] if n["id"] == "resolution_1"]
    assert titles == ["Resolution: Install the MIDI driver"]
    assert [n["title"] for n in tree["nodes"] if n["kind"] == "question"] == [
        "Does this match what you see?"
    ]


def test_or_you_can_after_the_steps_is_another_option() -> None:
    """ "Or, you can contact Adobe ..." after a numbered procedure is a second option."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. Add the line ATMWorkaround=1 to the [Pscript.drv] section of Win.ini.\n\n"
        "2. Restart Windows normally.\n\n"
        "Or, you can contact Adobe for information about upgrading Type Manager.\n"
    )
    labels = list(choices(draft_tree(art), "mitigation").values())
    assert labels[1] == "Resolution: Contact Adobe for information about upgrading Type Manager"


def test_the_only_way_is_to_reads_as_the_action() -> None:
    """ "The only way to quit Word is to use PVIEWER.EXE ..." is the step "Use PVIEWER.EXE"."""
    art = mskb(
        SYMPTOMS + "WORKAROUND\n==========\n\n"
        "The only way to quit the instance of Word is to use PVIEWER.EXE to kill the NTVDM\n"
        "process.\n"
    )
    assert steps(walked(art, {"symptom": "yes"})) == [
        ("Use PVIEWER.EXE to kill the NTVDM process.", "")
    ]


def test_what_a_fix_changes_is_shown_under_the_update_not_ticked() -> None:
    """ "A fix is now available that does the following:" and "WINS is modified ..." are
    shown under "Obtain the latest service pack"; a "now accepts" resolution joins STATUS."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "A fix is now available that does the following:\n\n"
        "- WINS is modified so that the record is overwritten.\n\n"
        "- WINS is modified such that ownership changes only for a bigger list.\n\n"
        "To resolve this problem, obtain the latest service pack for Windows NT 4.0.\n"
    )
    (text, _), *_ = got = steps(walked(art, {"symptom": "yes"}))
    detail = "\n".join(d for _, d in got)  # under any of its steps
    assert text == "Obtain the latest service pack for Windows NT 4.0."
    assert "WINS is modified such that ownership changes" in detail
    accepts = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "SNA Manager now accepts 17 characters. A fix to SNA Server 3.0 is available.\n\n"
        "STATUS\n======\n\n"
        "This problem was corrected in the latest Microsoft SNA Server 3.0 U.S. Service Pack.\n"
    )
    [(text, detail)] = steps(walked(accepts, {"symptom": "yes"}))
    assert text == "Install the latest Microsoft SNA Server 3.0 U.S. Service Pack."
    assert detail.startswith("RESOLUTION: SNA Manager now accepts 17 characters.")


def test_either_or_fix_is_two_options() -> None:
    """ "Either run SETUP /I ..., or comment out the APM drivers" offers two options."""
    art = mskb(
        SYMPTOMS + "WORKAROUND\n==========\n\n"
        "Either run SETUP /I to disable hardware detection, or comment out any APM drivers\n"
        "in your CONFIG.SYS file.\n"
    )
    assert list(choices(draft_tree(art), "mitigation").values()) == [
        "Workaround: Run SETUP /I to disable hardware detection",
        "Workaround: Comment out any APM drivers in your CONFIG.SYS file",
    ]


def test_hotfix_and_service_pack_in_one_resolution_are_two_options() -> None:
    """The "contact Product Support for the fix" (with its file table) and the service pack
    after it are alternatives; "if you are not severely affected, wait" is no step."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "If you are not severely affected by this specific problem, Microsoft recommends\n"
        "that you wait for the next service pack that contains this fix.\n\n"
        "To resolve this problem immediately, contact Microsoft Product Support Services\n"
        "to obtain the fix.\n\n"
        "The English version of this fix should have the following file attributes:\n\n"
        "  File Name    Date\n"
        "  --------------------\n"
        "  Lsvmhc.dll   4/30/98\n\n"
        "To resolve this problem, obtain the latest service pack for Exchange Server 5.5.\n"
    )
    assert list(choices(draft_tree(art), "mitigation").values()) == [
        "Resolution: Contact Microsoft Product Support Services to obtain the fix",
        "Resolution: Obtain the latest service pack for Exchange Server 5.5",
    ]
    (text, _), *_ = got = steps(walked(art, {"symptom": "yes", "mitigation": "resolution_1"}))
    detail = "\n".join(d for _, d in got)  # under any of its steps
    assert text == "Contact Microsoft Product Support Services to obtain the fix."
    # the file table is read in the verify (round 11), not pasted under the step
    assert "Lsvmhc.dll   4/30/98" not in detail
    (fix,) = [n for n in draft_tree(art)["nodes"] if n["id"] == "resolution_1"]
    assert "Lsvmhc.dll is dated 4/30/98" in fix["verify"][0]["text"]


def test_underlined_method_headings_and_a_fallback_workaround_are_named_options() -> None:
    """ "Method 2" underlined with dashes names "Method 2: Increase ..."; "If the first
    workaround is not acceptable, you can write X" is an option "Write X", not a question."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "To resolve this issue, use one of the following methods:\n\n"
        "Method 1\n--------\n\n"
        "If you are using Windows 98, you may want to enable support for multiple monitors.\n\n"
        "Method 2\n--------\n\n"
        "Increase your screen resolution. To do so, use the following steps:\n\n"
        "1. Double-click Display in Control Panel.\n\n"
        "2. Move the Screen Area slider to a higher resolution.\n\n"
        "WORKAROUND\n==========\n\n"
        "Use secure https:// links to the virtual directories, but do not select Require SSL.\n\n"
        "If the first workaround is not acceptable, you can write an ISAPI filter that\n"
        "redirects all requests to https://.\n"
    )
    tree = draft_tree(art)
    assert list(choices(tree, "mitigation").values()) == [
        # "If you are using Windows 98, ...": the method's product named in its choice
        # (round 15, apply15), not asked after the menu
        "Method 1 (Windows 98): Enable support for multiple monitors",
        "Method 2: Increase your screen resolution",
        "Workaround: Use secure https:// links to the virtual directories, but do not select"
        " Require SSL",
        "Workaround: Write an ISAPI filter that redirects all requests to https://",
    ]
    assert [n["title"] for n in tree["nodes"] if n["kind"] == "question"] == [
        "Does this match what you see?",
        "How do you want to fix it?",
    ]


def test_drive_word_and_drive_colon_placeholders_are_drive_inputs() -> None:
    """ "drive:\\setup" where "drive is the drive letter of your CD-ROM drive" and
    `<drive:>\\SMS` are asked as drive letters and put into the commands."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. At a command prompt, type drive:\\setup /a and press ENTER,\n"
        "   where drive is the drive letter assigned to your CD-ROM drive.\n\n"
        "2. Run <drive:>\\SMS\\bin\\SMS.MSC to open the console.\n"
    )
    tree = draft_tree(art)
    assert [n["title"] for n in inputs(tree)] == [
        "Your drive letter for drive",
        "Your drive letter for <drive:>",
    ]
    answers = {"symptom": "yes", "placeholder_1": "E", "placeholder_2": "F"}
    texts = [t for t, _ in steps(walked(art, answers))]
    assert texts[0].startswith("At a command prompt, type E:\\setup /a")
    assert texts[1] == "Run F:\\SMS\\bin\\SMS.MSC to open the console."


def test_the_articles_should_now_sentence_after_the_steps_stays_the_verify() -> None:
    """A statement after the steps is detail, but "The guest players should now be able to
    connect" stays the verify."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. Note the IP address of the network card.\n\n"
        "2. Give the IP address to your guest players.\n\n"
        "This address is the one your router forwards.\n\n"
        "The guest players should now be able to connect to the game.\n"
    )
    checklist = walked(art, {"symptom": "yes"})
    assert [i.text for i in checklist.part("steps")] == [
        "Note the IP address of the network card.",
        "Give the IP address to your guest players.",
    ]
    assert [i.text for i in checklist.part("verify")] == [
        "The guest players should now be able to connect to the game."
    ]


def test_the_case_a_whole_fix_is_for_is_asked_first() -> None:
    """ "If your guest players are unable to use this IP address, use ..." asks that case;
    no leads to "this article may not apply", yes to the steps."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "If your guest players are unable to use this IP address to connect to your game,\n"
        "use the IP Configuration tool to find the address of the network card. To do this,\n"
        "follow these steps:\n\n"
        "1. Click Start, and then click Run.\n\n"
        "2. Type winipcfg, and then click OK.\n"
    )
    tree = draft_tree(art)
    case = next(n for n in tree["nodes"] if n["id"] == "resolution_1-case")
    assert case["title"] == (
        "Are your guest players unable to use this IP address to connect to your game?"
    )
    assert [c["next"] for c in case["choices"]] == ["resolution_1", "not_this_article"]
    checklist = walked(art, {"symptom": "yes", "resolution_1_case": "yes"})
    assert [t for t, _ in steps(checklist)] == [
        "Click Start, and then click Run.",
        "Type winipcfg, and then click OK.",
    ]


def test_to_do_this_sub_steps_stay_under_their_step() -> None:
    """ "Remove the protocol. To do this, click Start, ..." is one step with how to do it
    shown under it; the procedure's "To remove ...:" lead names the fix."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "To remove the damaged data values in the registry and restore NetWare connectivity:\n\n"
        "1. Remove the NWLink IPX/SPX protocol. To do this, click Start, point to Settings,\n"
        "   click Control Panel, and then double-click Network. Click the Protocols tab,\n"
        "   click the NWLink IPX/SPX protocol, and then click Remove.\n\n"
        "2. Restart the computer.\n"
    )
    tree = draft_tree(art)
    titles = [n["title"] for n in tree["nodes"] if n["id"] == "resolution_1"]
    assert titles == [
        "Resolution: Remove the damaged data values in the registry and restore NetWare"
        " connectivity"
    ]
    got = steps(walked(art, {"symptom": "yes"}))
    assert [t for t, _ in got] == ["Remove the NWLink IPX/SPX protocol.", "Restart the computer."]
    assert got[0][1].startswith("To do this, click Start, point to Settings")


def test_a_service_pack_named_with_its_version_is_merged_with_the_status_upgrade() -> None:
    """ "Obtain and apply the Windows NT Server 4.0 Service Pack 2" and STATUS "corrected
    in the latest U.S. Service Pack" are one option, not two."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Obtain and apply the Windows NT Server 4.0 Service Pack 2 or later.\n\n"
        "STATUS\n======\n\n"
        "This problem has been corrected in the latest U.S. Service Pack for Windows NT 4.0.\n"
    )
    tree = draft_tree(art)
    assert [n["id"] for n in tree["nodes"] if n["kind"] == "outcome"] == [
        "resolution_1",
        "not_this_article",
    ]


def test_a_registry_key_line_after_its_step_is_shown_under_it() -> None:
    """ "Select the following registry key:" then the key on a line of its own: one step
    showing the key, not a step that only says "HKEY_CURRENT_USER\\..."."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. Start Registry Editor.\n\n"
        "2. Select the following registry key:\n\n"
        "HKEY_CURRENT_USER\\Software\\Microsoft\\Schedule+\n\n"
        "3. On the Registry menu, click Save Key.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    # the key is the step's object, in the step itself (round 11)
    assert got[1] == (
        "Select the following registry key: HKEY_CURRENT_USER\\Software\\Microsoft\\Schedule+",
        "",
    )
    assert len(got) == 3


def test_kb_pointer_under_a_step_is_dropped_and_may_be_able_is_no_command() -> None:
    """An indented "ARTICLE-ID: / TITLE :" pointer is no detail; "You may be able to
    access ..." is not turned into the command "Be able to access ..."."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. Attempt to repair the Ntldr file.\n\n"
        "   ARTICLE-ID: Q155892\n"
        "   TITLE     : Windows NT Boot Problem: Kernel File Is Missing\n\n"
        "2. You may be able to access the system partition using a boot disk.\n"
    )
    assert steps(walked(art, {"symptom": "yes"})) == [
        ("Attempt to repair the Ntldr file.", ""),
        ("You may be able to access the system partition using a boot disk.", ""),
    ]


def test_a_summary_before_its_procedures_is_no_option_and_topics_name_theirs() -> None:
    """ "Turn off A or B." before "To turn off A:" / "To turn off B:" is no third option;
    "check for the following conditions:" then "Forwarders:" ... names each by its topic."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Turn off the Focus feature or the Activation follows mouse feature.\n\n"
        "To turn off the Focus feature:\n\n"
        "1. Open Mouse in Control Panel.\n\n"
        "2. Click to clear the Focus check box.\n\n"
        "To turn off the Activation follows mouse feature:\n\n"
        "1. Open Tweak UI in Control Panel.\n\n"
        "2. Click to clear the Activation follows mouse check box.\n"
    )
    assert [
        label.removeprefix("Resolution: ")
        for label in choices(draft_tree(art), "mitigation").values()
    ] == ["Turn off the Focus feature", "Turn off the Activation follows mouse feature"]
    topics = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "To resolve this issue, check for the following conditions:\n\n"
        "Forwarders:\n\n"
        "DNS can forward off-site queries. Be sure it does not forward them to itself:\n\n"
        "1. Click the Forwarders tab.\n\n"
        "2. Remove the server's own IP address.\n\n"
        "Notify Lists:\n\n"
        "The primary server notifies the servers in its list:\n\n"
        "1. Click the Notify tab.\n\n"
        "2. Remove the server's own IP address.\n"
    )
    assert list(choices(draft_tree(topics), "mitigation").values()) == [
        "Forwarders",
        "Notify Lists",
    ]


def test_message_choices_drop_the_articles_elision_and_skip_a_registry_key() -> None:
    """A message with the article's "[...]" is offered without it; a registry key shown
    in SYMPTOMS is where to look, not a message to pick."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "The following error message is logged in the Drwtsn32.log file:\n\n"
        "  function: sbpa4snd [...]\n\n"
        "When you open the key, you see the following error message:\n\n"
        "  HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\SnaPMP\\Parameters\n\n"
        "When you restart the service, you receive the following error message:\n\n"
        "  The link service stopped unexpectedly.\n\n"
        "RESOLUTION\n==========\n\nInstall the latest service pack.\n"
    )
    assert list(choices(draft_tree(art), "symptom").values()) == [
        "function: sbpa4snd",
        "The link service stopped unexpectedly",
        "None of these",
    ]


def test_a_prose_lead_announcing_workarounds_makes_each_bullet_an_option() -> None:
    """ "There are four possible workarounds:" before bullets offers each as its own fix,
    not one checklist that ticks the lead-in and runs them all."""
    art = mskb(
        SYMPTOMS + "CAUSE\n=====\n\nA copy of the DLL is already registered.\n\n"
        "WORKAROUND\n==========\n\nThere are three possible workarounds:\n\n"
        "- Remove the self-registering files from the Installer script, and then\n"
        "  repackage.\n\n"
        "- Delete the pre-existing version of the DLL on the target clients.\n\n"
        "- Switch from the 32-bit to the 16-bit version of Installer.\n"
    )
    tree = draft_tree(art)
    labels = list(choices(tree, "mitigation").values())
    assert len(labels) == 3 and labels[1].startswith("Delete the pre-existing version")
    texts = [t for t, _ in steps(walked(art, {"symptom": "yes", "mitigation": "workaround_3"}))]
    assert texts == ["Switch from the 32-bit to the 16-bit version of Installer."]


def test_causes_each_with_their_own_fix_are_asked_and_lead_to_that_fix() -> None:
    """A CAUSE listing three factors, each with its fix, under a RESOLUTION that only says
    "eliminate the cause": "Which cause applies?" leads each answer to its own fix."""
    art = mskb(
        "SYMPTOMS\n========\n\nVideos play back choppy.\n\n"
        "CAUSE\n=====\n\nThis can be caused by one of the following three factors.\n\n"
        "- There may be a TSR program slowing the drive. Remove unnecessary TSRs from\n"
        "  your Autoexec.bat file.\n\n"
        "- The CD-ROM drive may not be MPC compliant. Upgrading to an MPC-compatible\n"
        "  CD-ROM drive will eliminate this problem.\n\n"
        "- A lack of available memory (RAM) can cause choppy playback. Adding RAM speeds\n"
        "  up the playback.\n\n"
        "RESOLUTION\n==========\n\nIdentify and eliminate the cause of the problem.\n"
    )
    tree = draft_tree(art)
    question = next(n for n in tree["nodes"] if n["id"] == "mitigation")
    assert question["title"] == "Which cause applies?"
    fixes = {
        value: [t for t, _ in steps(walked(art, {"symptom": "yes", "mitigation": value}))]
        for value in choices(tree, "mitigation")
    }
    assert fixes == {
        "cause_1": ["Remove unnecessary TSRs from your Autoexec.bat file."],
        "cause_2": ["Upgrade to an MPC-compatible CD-ROM drive."],
        "cause_3": ["Add RAM."],
    }


def test_procedures_under_os_sub_headings_ask_which_os_you_run() -> None:
    """ "Microsoft Windows 95/98" and "Microsoft Windows 3.1" sub-headings over their own
    steps are asked ("Which of these do you run?"), not one merged checklist; "Follow the
    instructions on the screen to remove X" stays a step."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "To resolve this issue, remove the game, and then reinstall it. Follow the\n"
        "appropriate steps for your version of Microsoft Windows.\n\n"
        "Microsoft Windows 95/98\n-----------------------\n\n"
        "1. Click Start, point to Settings, and then click Control Panel.\n\n"
        "2. Double-click Add/Remove Programs.\n\n"
        "3. Follow the instructions on the screen to remove the game.\n\n"
        "Microsoft Windows 3.1\n---------------------\n\n"
        "1. On the File menu in Program Manager, click Run.\n\n"
        "2. Follow the instructions on the screen to remove the game.\n"
    )
    tree = draft_tree(art)
    question = next(n for n in tree["nodes"] if n["id"] == "mitigation")
    assert question["title"] == "Which of these do you run?"
    assert list(choices(tree, "mitigation").values()) == [
        "Microsoft Windows 95/98",
        "Microsoft Windows 3.1",
        "Another version",  # round 29: a version the article does not cover
    ]
    texts = [t for t, _ in steps(walked(art, {"symptom": "yes", "mitigation": "resolution_2"}))]
    assert texts == [
        "On the File menu in Program Manager, click Run.",
        "Follow the instructions on the screen to remove the game.",
    ]


def test_statements_and_a_failing_example_are_not_ticked_and_a_result_is_the_verify() -> None:
    """A statement before the action is the outcome's text, one after it is shown under
    it, "For example, this code will fail:" is not a step, and "X should work normally"
    after the steps is the verify."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "The gateway will continue when you enter A, R, or F. Once the connection is\n"
        "re-established, the gateway will function again.\n\n"
        "Run SMTPGATE.EXE in an instance of COMMAND.COM with the /f option.\n\n"
        "The /f option on COMMAND.COM causes an automatic fail on INT 24.\n\n"
        "For example, using the following code to delete the records will fail:\n\n"
        "  MyDatabase.ExecuteSQL(strSQL);\n\n"
        "Restart the gateway.\n\n"
        "The gateway should work normally for all users.\n"
    )
    checklist = walked(art, {"symptom": "yes"})
    texts = [t for t, _ in steps(checklist)]
    assert texts == [
        "Run SMTPGATE.EXE in an instance of COMMAND.COM with the /f option.",
        "Restart the gateway.",
    ]
    detail = steps(checklist)[0][1]
    assert "automatic fail on INT 24" in detail and "will fail" in detail
    verify = [item.text for item in checklist.part("verify")]
    assert verify == ["The gateway should work normally for all users."]


def test_a_setting_that_needs_a_restart_gets_the_restart_as_a_step() -> None:
    """ "The new name does not take effect until you stop and restart the FPNW service"
    makes that restart a step of its own, not a sentence inside the edit."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. In Control Panel, double-click FPNW.\n\n"
        "2. In the FPNW Server Name field, type a new name that is unique on your\n"
        "  network. The new name does not take effect until you stop and restart the\n"
        "  FPNW service.\n"
    )
    texts = [t for t, _ in steps(walked(art, {"symptom": "yes"}))]
    assert texts[-1] == "Stop and restart the FPNW service."
    assert len(texts) == 3


def test_a_workaround_for_another_audience_is_its_own_option() -> None:
    """ "A work around for Internet Explorer is to put X in Iexplore.ini" after the fix
    for your own code is an option for Internet Explorer, not a second step of it."""
    art = mskb(
        SYMPTOMS + "WORKAROUND\n==========\n\n"
        "Use GetHostByName() instead of the WSAAsyncGetHostByName() call.\n\n"
        "A work around for Internet Explorer is to put Use_Async_DNS=no in the\n"
        "[Services] section of Iexplore.ini.\n"
    )
    tree = draft_tree(art)
    labels = list(choices(tree, "mitigation").values())
    assert labels[1].startswith("For Internet Explorer: Put Use_Async_DNS=no")
    texts = [t for t, _ in steps(walked(art, {"symptom": "yes", "mitigation": "workaround_1"}))]
    assert texts == ["Use GetHostByName() instead of the WSAAsyncGetHostByName() call."]


def test_a_header_file_in_an_include_is_no_input() -> None:
    """`#include <winnls.h>` in the code to use is the article's, never "Your value"."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Convert the string yourself. Use code similar to this code:\n\n"
        "  #include <winnls.h>\n"
        "  WideCharToMultiByte(CP_ACP, 0, strSQL, -1, szAscii, n, NULL, NULL);\n"
    )
    assert inputs(draft_tree(art)) == []


def test_a_how_to_article_is_verified_by_its_result_and_a_fixed_error_by_the_error() -> None:
    """ "This article describes how to ..." is no problem to see gone; an error message a
    RESOLUTION removes is checked, even when STATUS calls the behavior by design."""
    how_to = mskb(
        "SUMMARY\n=======\n\nThis article describes how to set up GenHTML at run time.\n\n"
        "MORE INFORMATION\n================\n\n"
        "You should set _GENHTML at the start of your application:\n\n"
        "1. Add GENHTML.PRG to the project.\n\n2. Build the project into an EXE.\n"
    )
    verify = [i.text for i in walked(how_to, {"symptom": "yes"}).part("verify")]
    assert verify == ["Check that the result is what Q999301 (Test article) describes."]
    by_design = mskb(
        "SYMPTOMS\n========\n\nYou receive the following error message: Setup terminated.\n\n"
        "RESOLUTION\n==========\n\nLoad the Finder Scripting Extension.\n\n"
        "STATUS\n======\n\nThis behavior is by design.\n"
    )
    verify = [i.text for i in walked(by_design, {"symptom": "yes"}).part("verify")]
    assert "by design" not in verify[0] and "Setup terminated" in verify[0]


def test_stages_done_in_order_are_one_checklist_not_options() -> None:
    """Sub-headed stages "in the order in which they are presented" are one checklist: a
    "Do one of the following:" inside a stage is no choice of fixes ("Skip to step 6")."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "To resolve this issue, follow these steps in the order in which they are\n"
        "presented.\n\n"
        "Verify the System Requirements\n------------------------------\n\n"
        "The computer needs Windows 98 or later.\n\n"
        "Reinstall the Program\n---------------------\n\n"
        "1. Insert the CD-ROM in the drive.\n\n"
        "  Do one of the following:\n\n"
        "  - If Setup starts automatically, skip to step 3.\n\n"
        "  - If Setup does not start, double-click Setup.exe on the CD-ROM.\n\n"
        "2. Click Add New Programs.\n\n"
        "3. Follow the on-screen instructions to complete the installation.\n"
    )
    tree = draft_tree(art)
    assert not any(n["id"] == "mitigation" for n in tree["nodes"])
    texts = [t for t, _ in steps(walked(art, {"symptom": "yes"}))]
    assert texts[0] == "Verify the System Requirements."
    assert texts[-1] == "Follow the on-screen instructions to complete the installation."
    assert "Click Add New Programs." in texts


def test_a_path_under_program_files_is_asked_whole() -> None:
    """ "Browse to C:\\Program Files\\Microsoft Streets & Trips." asks for that folder, never
    for "C:\\Program"."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. Start Windows Explorer.\n\n"
        "2. Browse to C:\\Program Files\\Microsoft Streets & Trips.\n\n"
        "3. Delete the folder.\n"
    )
    [asked] = inputs(draft_tree(art))
    assert asked["default"] == "C:\\Program Files\\Microsoft Streets & Trips"


def test_a_lead_over_steps_names_the_fix_and_then_is_a_step() -> None:
    """ "Change X by using the Dcomcnfg.exe tool:" over its steps is the fix's name, not an
    item to tick; "Remove X. Then enable Y." is two steps; an "updated version is now
    available" fix reads as obtaining it."""
    art = mskb(
        SYMPTOMS + "WORKAROUND\n==========\n\n"
        "To work around this behavior, change the protocol order on the site server by\n"
        "using the Dcomcnfg.exe tool:\n\n"
        "- Click Start, and then click Run.\n\n"
        "- Type dcomcnfg.exe, and then click OK.\n\n"
        "- Remove the Generic Service Passer from the firewall. Then enable a local\n"
        "  tunnel on the firewall.\n"
    )
    tree = draft_tree(art)
    outcome = next(n for n in tree["nodes"] if n["id"] == "workaround_1")
    assert outcome["title"].startswith("Change the protocol order on the site server")
    assert outcome["text"].endswith("by using the Dcomcnfg.exe tool:")
    texts = [t for t, _ in steps(walked(art, {"symptom": "yes"}))]
    assert texts == [
        "Click Start, and then click Run.",
        "Type dcomcnfg.exe, and then click OK.",
        "Remove the Generic Service Passer from the firewall.",
        "Enable a local tunnel on the firewall.",
    ]
    update = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "An updated version of Usrmgr.exe is now available that fixes this problem.\n\n"
        "  Date      Time    Size     File name\n"
        "  --------------------------------------\n"
        "  06/01/97  10:00   120,080  Usrmgr.exe\n"
    )
    (text, _), *_ = got = steps(walked(update, {"symptom": "yes"}))
    detail = "\n".join(d for _, d in got)  # under any of its steps
    assert text == "Obtain the updated version of Usrmgr.exe."
    assert "Usrmgr.exe is now available" in detail and "120,080" in detail


def test_a_value_in_an_entry_to_look_for_is_not_asked() -> None:
    """ "look for the following entry:" shows what the admin finds; its `<password>` is
    part of the output, not a value to type."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. Open the Admindmp.txt file, and look for the following entry for the\n"
        "  connector:\n\n"
        '    Gateway Local-Cred "<password_of_the_remote_system>"\n\n'
        "2. Re-enter the password on the connector.\n"
    )
    assert inputs(draft_tree(art)) == []


def test_a_label_cut_inside_a_name_ends_before_the_phrase() -> None:
    """A long first step names its option up to a whole phrase (its sentence, "... the
    Winnt.adm file that is used by System Policy Editor"), never cut inside a name ("...
    used by System")."""
    art = mskb(
        SYMPTOMS + "WORKAROUND\n==========\n\n"
        "1. Use any text editor (such as Notepad) to open the Winnt.adm file that is used\n"
        "  by System Policy Editor.\n\n"
        "2. Save the Winnt.adm file.\n"
    )
    outcome = next(n for n in draft_tree(art)["nodes"] if n["id"] == "workaround_1")
    assert outcome["title"] == (
        "Workaround: Use any text editor (such as Notepad) to open the Winnt.adm file that is"
        " used by System Policy Editor"
    )


def test_a_setting_with_a_range_and_default_is_asked_as_a_bounded_number() -> None:
    """ "The range of values is 1 to 64. The default value is 6." makes the setting a
    number input from 1 to 64 defaulting to 6, and the answer reaches the step."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Modify the CONFIG.FX file to specify a larger value for MVARSIZ. The range of\n"
        "values is 1 to 64. The default value is 6.\n"
    )
    [asked] = inputs(draft_tree(art))
    assert (asked["type"], asked["min"], asked["max"], asked["default"]) == ("number", 1, 64, 6)
    texts = [t for t, _ in steps(walked(art, {"symptom": "yes", asked["var"]: "32"}))]
    assert texts[-1].endswith("Set MVARSIZ to 32.")


def test_a_purpose_with_you_need_to_is_the_action_and_utc_advice_is_no_step() -> None:
    """ "To use the Guide, you need to upgrade to System 7.1" is the step "Upgrade to
    System 7.1"; the hotfix table's "To find the difference between UTC and local time"
    is boilerplate, not a step."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "To use the Bookshelf Guide, you need to upgrade your system software to System\n"
        "7.1 or later.\n\n"
        "To find the difference between UTC and local time, use the Time Zone tab in the\n"
        "Date and Time tool in Control Panel.\n"
    )
    texts = [t for t, _ in steps(walked(art, {"symptom": "yes"}))]
    assert texts == ["Upgrade your system software to System 7.1 or later."]


def test_the_however_paragraph_of_symptoms_is_the_problem_and_its_verify() -> None:
    """SYMPTOMS that set a scene, then "However, when the child signs in, the child is
    again denied access": the symptom keeps that turn and the verify checks it."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "A child using a Kid's Passport tries to sign in to a site. The site asks if the\n"
        "parent is present to grant permission.\n\n"
        "If the parent grants full consent, a Congratulations dialog box appears.\n\n"
        "However, when the child attempts to sign in to the site, the child is again\n"
        "denied access.\n\n"
        "RESOLUTION\n==========\n\nGrant the permission a second time.\n"
    )
    tree = draft_tree(art)
    assert "the child is again denied access" in tree["symptom"]
    verify = [i.text for i in walked(art, {"symptom": "yes"}).part("verify")]
    assert verify == [
        "When the child attempts to sign in to the site, check that the child is no longer "
        "denied access."
    ]
    calm = mskb(
        "SYMPTOMS\n========\n\nMail flow over the connectors is slow. However, the queued\n"
        "messages are delivered later.\n\n"
        "RESOLUTION\n==========\n\nDisable client-side transparency on the firewall.\n"
    )
    verify = [i.text for i in walked(calm, {"symptom": "yes"}).part("verify")]
    assert verify[0] == "Check that Mail flow over the connectors is no longer slow."


def test_the_folder_and_account_in_an_icacls_command_are_asked() -> None:
    """`ICACLS h:\\folder /grant domain\\user:(OI)(CI)F` asks for the folder and the account
    and puts both into the command."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "At a command prompt, type the following command, and then press ENTER:\n\n"
        "  icacls h:\\folder /grant domain\\user:(OI)(CI)F\n"
    )
    asked = inputs(draft_tree(art))
    assert [n["title"].split(" for ")[-1] for n in asked] == ["h:\\folder", "domain\\user"]
    answers = {"symptom": "yes", asked[0]["var"]: "e:\\data", asked[1]["var"]: "CORP\\ann"}
    [(_, detail)] = steps(walked(art, answers))
    assert "icacls e:\\data /grant CORP\\ann:(OI)(CI)F" in detail


def test_one_quoted_message_over_several_lines_is_one_message_not_choices() -> None:
    """ "... with the following error message in the message body:" over its subject,
    date and reason lines is one message to confirm, not one choice per line."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "Microsoft Exchange returns an undeliverable mail message to the Inbox with the\n"
        "following error message in the message body:\n\n"
        "  Your message did not reach some or all of the intended recipients.\n\n"
        "     Subject:  <Message subject>\n\n"
        "  The following recipient(s) could not be reached:\n\n"
        "RESOLUTION\n==========\n\nRepair the post office.\n"
    )
    question = next(n for n in draft_tree(art)["nodes"] if n["id"] == "symptom")
    assert question["title"] == "Does this match what you see?"
    assert [c["value"] for c in question["choices"]] == ["yes", "no"]


def test_a_fix_of_one_action_or_another_is_two_options() -> None:
    """ "Install the Visual Studio 97 Service Pack 2 or allow time for the control to be
    created" offers two fixes; "Use the keyboard to copy or move the file" stays one step."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Install the Visual Studio 97 Service Pack 2 or allow time for the control to be\n"
        "created before clicking on the Toolbox again.\n"
    )
    assert list(choices(draft_tree(art), "mitigation").values()) == [
        "Resolution: Install the Visual Studio 97 Service Pack 2",
        "Resolution: Allow time for the control to be created before clicking on the Toolbox again",
    ]
    one = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Use the keyboard to copy or move the file, and give the full path in the To box.\n"
    )
    assert not any(n["id"] == "mitigation" for n in draft_tree(one)["nodes"])
    comma = mskb(
        SYMPTOMS + "WORKAROUND\n==========\n\n"
        "Use the local system account, or install the SNA 4.0 Windows 95 or Windows 98\n"
        "client.\n"
    )
    assert list(choices(draft_tree(comma), "mitigation").values()) == [
        "Workaround: Use the local system account",
        "Workaround: Install the SNA 4.0 Windows 95 or Windows 98 client",
    ]


def test_an_adverb_or_by_doing_lead_reads_as_the_action() -> None:
    """ "Usually use the EXTERNAL command" is the step "Use the EXTERNAL command"; a fix
    led by "You can work around this problem by manually configuring both devices" is
    named "Workaround: Manually configure both devices" (cause14: not "Resolution")."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Usually use the EXTERNAL command to resolve the issue.\n"
    )
    assert [t for t, _ in steps(walked(art, {"symptom": "yes"}))] == [
        "Use the EXTERNAL command to resolve the issue."
    ]
    led = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "You can work around this problem by manually configuring both devices. To do so,\n"
        "follow these steps:\n\n"
        "1. In Control Panel, double-click System.\n\n"
        "2. Set the I/O address of the adapter.\n"
    )
    outcome = next(n for n in draft_tree(led)["nodes"] if n["id"] == "resolution_1")
    assert outcome["title"] == "Workaround: Manually configure both devices"  # as it says


def test_part_headed_stages_are_one_checklist_named_by_the_fix() -> None:
    """ "Part 1: Remove X" / "Part 2: Restart ..." sub-headings are stages of one fix (not
    products to choose between), named by "To resolve this problem, remove and then
    reinstall X"."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "To resolve this problem, remove and then reinstall Zoo Tycoon.\n\n"
        "Part 1: Remove Zoo Tycoon\n-------------------------\n\n"
        "1. Click Start, and then click Control Panel.\n\n"
        "2. Click Add or Remove Programs.\n\n"
        "Part 2: Reinstall Zoo Tycoon\n----------------------------\n\n"
        "1. Insert the Zoo Tycoon CD in the drive.\n\n"
        "2. Follow the instructions on the screen.\n"
    )
    tree = draft_tree(art)
    assert not any(n["id"] == "mitigation" for n in tree["nodes"])
    outcome = next(n for n in tree["nodes"] if n["id"] == "resolution_1")
    assert outcome["title"] == "Resolution: Remove and then reinstall Zoo Tycoon"
    assert len(outcome["steps"]) == 4


def test_a_purpose_lead_names_the_fix_by_its_whole_action() -> None:
    """'To use "Learn Visual Basic Now," uninstall the Platform Preview of Microsoft
    Internet Explorer 4.0 by using the following steps:' names the fix by the uninstall,
    whole, not cut at "Microsoft Internet"."""
    art = mskb(
        SYMPTOMS + "WORKAROUND\n==========\n\n"
        'To use "Learn Visual Basic Now," uninstall the Platform Preview of Microsoft\n'
        "Internet Explorer 4.0 by using the following steps:\n\n"
        "1. Click Start, point to Settings, and then click Control Panel.\n\n"
        "2. Double-click Add/Remove Programs.\n"
    )
    outcome = next(n for n in draft_tree(art)["nodes"] if n["id"] == "workaround_1")
    assert outcome["title"] == (
        "Workaround: Uninstall the Platform Preview of Microsoft Internet Explorer 4.0"
    )


HOTFIX_PER_PRODUCT = (
    SYMPTOMS + "RESOLUTION\n==========\n\n"
    "Windows NT Server and Workstation\n---------------------------------\n\n"
    "To resolve this problem immediately, contact Microsoft Product Support Services\n"
    "to obtain the fix.\n\n"
    "Windows NT Server, Terminal Server Edition\n------------------------------------------\n\n"
    "To resolve this problem immediately, contact Microsoft Product Support Services\n"
    "to obtain the fix.\n"
)


def test_the_same_fix_under_two_product_subheadings_is_named_by_each_product() -> None:
    """Two underlined product sub-headings over the same hotfix text are two fixes named by
    their product, not "Contact Microsoft ..." and "Contact Microsoft ... (2)"."""
    labels = list(choices(draft_tree(mskb(HOTFIX_PER_PRODUCT)), "mitigation").values())
    assert len(labels) == 2
    assert labels[0].startswith("Windows NT Server and Workstation")
    assert labels[1].startswith("Windows NT Server, Terminal Server Edition")
    assert not any(label.endswith("(2)") for label in labels)
