"""A fix step that points at its procedure ("as shown below", "see the MORE INFORMATION
section for sample code", "follow steps 1 through 3 in MORE INFORMATION") gets those
steps, and a long how-to keeps its last steps (round 23, procs23: the seed-66 notes on
Q159284, Q192196, Q226490 and TargetDown)."""

from __future__ import annotations

import time
from functools import partial

from cpu_budget import budget
from drafting_support import archive, details, fixes, runbook, ticks

from kbassist.drafting.pointed_steps import _GUARDS, _says
from kbassist.drafting.tree import draft_text, draft_tree

mskb = partial(archive, id_="Q999923")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you open a public folder with a categorized view, you "
    "receive the following error message:\n\n  Client Operation Failed\n\n"
)
CAUSE = "CAUSE\n=====\n\nEach user that opens the view adds columns to the record.\n\n"


def test_as_shown_below_bullet_gets_the_procedure_after_the_list() -> None:
    """'Reset the cached views as shown below.' as the last of several workarounds ticks
    the numbered registry procedure that follows the list, value lines kept as detail."""
    article = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "To work around this problem, do one of the following:\n\n"
        "- Change the initial view on the folder to a normal view.\n\n"
        "- Reset the cached views as shown below.\n\n"
        "WARNING: If you use Registry Editor incorrectly, you may cause serious problems.\n\n"
        "1. Start Registry Editor (Regedt32.exe).\n\n"
        "2. Go to the following key in the registry:\n\n"
        "     HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\Contoso\\Parameters\n\n"
        "3. On the Edit menu, click Add Value and use the following entry:\n\n"
        "     Value Name: Reset Views\n     Data Type: REG_DWORD\n     Value: 1\n\n"
        "4. Quit Registry Editor.\n\n"
        "5. Stop and restart the Contoso Store service.\n"
    )
    reset = next(f for f in fixes(draft_tree(article)) if "Reset" in f["title"])
    said = ticks(reset)
    assert "Start Registry Editor (Regedt32.exe)." in said
    assert said[-1] == "Stop and restart the Contoso Store service."
    assert "Value Name: Reset Views" in details(reset)
    assert "below" not in reset["title"]
    draft_text(article)  # lint-clean


def test_more_information_pointer_gets_the_fix_steps_after_the_repro() -> None:
    """'See the MORE INFORMATION section below for sample code' brings the repro's steps
    after the one that shows the problem (the one adding the code), code verbatim."""
    article = mskb(
        "SYMPTOMS\n========\n\nTabbing through the controls of a UserControl does not "
        "loop.\n\n" + "CAUSE\n=====\n\nThe UserControl is treated as one control.\n\n"
        "RESOLUTION\n==========\n\n"
        "Set focus to the first control in the KeyPress event of the last control. See\n"
        "the MORE INFORMATION section below for sample code.\n\n"
        "MORE INFORMATION\n================\n\n"
        "Steps to Reproduce Behavior\n---------------------------\n\n"
        "1. Start a new Standard EXE project. Form1 is created by default.\n\n"
        "2. Add a UserControl with three buttons to Form1.\n\n"
        "3. Run the project and press TAB. Notice that the focus does not loop.\n\n"
        "4. Stop the project and add the following code to the last button:\n\n"
        "        Private Sub Command3_KeyPress(KeyAscii As Integer)\n"
        "           If KeyAscii = 9 Then Command1.SetFocus\n"
        "        End Sub\n\n"
        "5. Run the project again.\n"
    )
    (only,) = fixes(draft_tree(article))
    said = ticks(only)
    assert said[0].startswith("Set focus to the first control")
    assert not any("MORE INFORMATION" in s for s in said)
    assert any(s.startswith("Stop the project and add the following code") for s in said)
    assert "Private Sub Command3_KeyPress(KeyAscii As Integer)" in details(only)
    assert "MORE INFORMATION" in {s["source"]["section"] for s in only["steps"]}
    draft_text(article)


def test_workaround_subheading_after_the_repro_is_the_fix() -> None:
    """A 'Workaround' sub-heading after 'Steps to Reproduce Behavior' is what 'See the
    workaround in the MORE INFORMATION section' means: its change, from/to code shown."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "See the workaround as described in the MORE INFORMATION section below.\n\n"
        "MORE INFORMATION\n================\n\n"
        "Steps to Reproduce Behavior\n---------------------------\n\n"
        "1. Create a new project.\n\n2. Run it. Note that the number is quoted.\n\n"
        "Workaround\n----------\n\n"
        "Change the code that writes to the text file from:\n\n"
        "     Write #1, rs!ProductID\n\n"
        "to:\n\n"
        "     Write #1, rs!ProductID.Value\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == ["Change the code that writes to the text file from:"]
    assert "Write #1, rs!ProductID.Value" in details(only)
    assert "MORE INFORMATION" not in only["title"]


def test_step_range_in_more_information_is_inlined() -> None:
    """'Follow steps 1 through 2 in the MORE INFORMATION section' ticks those two steps
    there, not the pointer, and not step 3."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To work around the behavior, add a function that calls the procedure:\n\n"
        "1. Follow steps 1 through 2 in the MORE INFORMATION section below to create the\n"
        "   data connection.\n\n"
        "2. Add a command button (Command1) to Form1.\n\n"
        "MORE INFORMATION\n================\n\n"
        "Create the data connection:\n\n"
        "1. Start a new data project in Visual Basic.\n\n"
        "2. Connect the data environment to the Pubs database.\n\n"
        "3. Insert the stored procedure TestProc.\n"
    )
    (only,) = fixes(draft_tree(article))
    said = ticks(only)
    assert said[:2] == [
        "Start a new data project in Visual Basic.",
        "Connect the data environment to the Pubs database.",
    ]
    assert "Insert the stored procedure TestProc." not in said
    assert not any("steps 1 through 2" in s for s in said)


def test_contact_for_more_information_is_no_pointer() -> None:
    """'Contact your vendor for more information.' points nowhere in the article: the
    step stays as written and nothing from MORE INFORMATION is added."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Update the router firmware. Contact your router vendor for more information.\n\n"
        "MORE INFORMATION\n================\n\n"
        "Steps to Reproduce Behavior\n---------------------------\n\n"
        "1. Start the client.\n\n2. Note that the error occurs.\n\n"
        "3. Add the following line to the file:\n\n      retry=1\n"
    )
    said = [t for f in fixes(draft_tree(article)) for t in ticks(f)]
    assert not any("retry=1" in s or "Add the following line" in s for s in said)


def test_long_runbook_diagnosis_keeps_its_last_steps() -> None:
    """A runbook Diagnosis of 30 steps reaches the draft whole: its last check is not cut
    off after step 20."""
    steps = "\n".join(f"{n}. Check the metric number{n} on the target pod." for n in range(1, 31))
    article = runbook(
        "## Meaning\n\nThe target is down.\n\n## Diagnosis and mitigation\n\n" + steps + "\n"
    )
    text, _ = draft_text(article)
    assert "number30" in text
    assert "number21" in text


def test_pointer_patterns_are_linear_on_hostile_input() -> None:
    """The pointer patterns answer fast on 50 KB runs of spaces, newlines, letters and
    the very words they look for."""
    bads = (" " * 50_000, "\n" * 50_000, "a " * 25_000, "steps 1 " * 6_000)
    words = tuple(f"{w} " * (50_000 // (len(w) + 1)) for ws in _GUARDS.values() for w in ws)
    for bad in bads + words:
        for kind in _GUARDS:
            start = time.perf_counter()
            _says(kind, bad)
            assert time.perf_counter() - start < budget(0.05), (kind, bad[:20])


def test_workaround_told_to_the_application_is_a_step() -> None:
    """'The RUI application should set all reserved bits ... to NULL' in WORKAROUND is
    ticked as the change to make, not shown as information that fixes nothing."""
    article = mskb(
        "SYMPTOMS\n========\n\nAn RUI application cannot open a session after RUI_TERM.\n\n"
        "CAUSE\n=====\n\nA reserved bit set in RUI_INIT keeps the session.\n\n"
        "WORKAROUND\n==========\n\n"
        "The RUI application should set all reserved bits in the verb control block to\n"
        "NULL prior to calling the RUI interface.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == [
        "In the RUI application, set all reserved bits in the verb control block to NULL "
        "prior to calling the RUI interface."
    ]
    assert not any("do not expect" in v["text"] for v in only.get("verify", []))


def test_what_the_program_will_then_do_stays_a_statement() -> None:
    """'The program should now run successfully.' says what follows, no instruction: it
    is not rewritten as one."""
    from kbassist.drafting.said_to_code import as_instruction

    assert as_instruction("The program should now run successfully.") == (
        "The program should now run successfully."
    )
    assert as_instruction("The Windows 95 client should then be able to view the files.") == (
        "The Windows 95 client should then be able to view the files."
    )


def test_vendor_contact_lines_are_no_fixes_when_a_procedure_is_given() -> None:
    """A RESOLUTION with a numbered procedure, then 'contact Contoso at one of the
    following' over phone and fax lines, offers the procedure as the fix, not the
    phone lines."""
    article = mskb(
        "SYMPTOMS\n========\n\nStarting Golf causes a General Protection Fault.\n\n"
        "CAUSE\n=====\n\nThis error occurs when Imagina by Contoso is loaded.\n\n"
        "RESOLUTION\n==========\n\n"
        "To correct this problem, disable Imagina.\n\n"
        "1. In Program Manager, choose Run from the File menu.\n\n"
        '2. In the Command Line box, type "sysedit" and choose OK.\n\n'
        '3. In the AUTOEXEC.BAT file, type "REM" in front of the line imgn_dos.com.\n\n'
        "4. Save the changes and restart your computer.\n\n"
        "For issues regarding Imagina, contact Contoso at one of the following venues:\n\n"
        "1. 24-hour automated technical support: (800) 555-0100\n\n"
        "2. 24-hour Fax AnswerLine: (800) 555-0101\n\n"
        "3. Telephone technical support: (408) 555-0102\n"
    )
    (only,) = fixes(draft_tree(article))
    assert only["title"] == "Disable Imagina"
    said = ticks(only)
    assert said[0] == "In Program Manager, choose Run from the File menu."
    assert not any("555-01" in s for s in said)
    draft_text(article)
