"""Fixes whose procedure was lost (round 25, lost25): a how-to's "To X, perform the
following steps:" procedure is the fix, not its closing clean-up sentence; a fix that
points at MORE INFORMATION gets MORE INFORMATION's steps, or its code listing."""

from __future__ import annotations

import sys
import time
from functools import partial
from pathlib import Path

from drafting_support import archive, details, fixes, ticks

from kbassist.drafting.led_procedure import _LEAD_RE
from kbassist.drafting.pointed_code import _BELOW_RE, _ITEM_RE, _QUOTED_RE, _listings
from kbassist.drafting.tree import draft_text, draft_tree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from cpu_budget import budget
from draft_metrics import POINTING_STEP_RE, numbered_procedures

mskb = partial(archive, id_="Q999925")

HOWTO = (
    "SUMMARY\n=======\n\nThis article describes how to move a local user's profile to a\n"
    "domain user on a workstation.\n\n"
    "MORE INFORMATION\n================\n\n"
    "You will need administrative privileges on the local computer to complete the task.\n\n"
    "To copy the tools and move the profile, perform the following steps:\n\n"
    "1. Log on to the workstation as a local administrator.\n\n"
    "2. Add the local user to the local Administrators group.\n\n"
    "3. Log off, and then log on to the workstation as the local user.\n\n"
    "4. Using Profile Editor, click Save As User Default on the File menu.\n\n"
    "5. Log off, and then log on to the workstation as the domain user.\n\n"
    "The domain user's profile should now match the local profile. At this point, you\n"
    "can remove the local user from the local Administrators group.\n"
)


def test_howto_procedure_is_ticked_not_only_its_clean_up() -> None:
    """A how-to's five numbered steps under "To X, perform the following steps:" are the
    checklist, named by their goal; the closing "you can remove ..." is not the fix."""
    tree = draft_tree(mskb(HOWTO))
    (fix,) = fixes(tree)
    steps = ticks(fix)
    assert fix["title"] == "Copy the tools and move the profile"
    assert steps[0] == "Log on to the workstation as a local administrator."
    assert any(s.startswith("Using Profile Editor, click Save As User Default") for s in steps)
    assert not steps[0].startswith("At this point")
    draft_text(mskb(HOWTO))  # lint-clean


def test_repro_lead_is_no_howto_procedure() -> None:
    """ "To reproduce the problem, follow these steps:" over numbered steps is no fix: the
    how-to reading leaves it alone."""
    art = mskb(
        "SUMMARY\n=======\n\nThe Save As User Default command may not keep the colors.\n\n"
        "MORE INFORMATION\n================\n\n"
        "To reproduce the problem, follow these steps:\n\n"
        "1. Log on to the workstation as a local administrator.\n\n"
        "2. Change the desktop colors, and then log off.\n"
    )
    tree = draft_tree(art)
    assert not any("Change the desktop colors" in s for f in fixes(tree) for s in ticks(f))


def test_pointer_to_more_information_gets_its_steps() -> None:
    """ "Use late binding as shown below." over MORE INFORMATION's step-by-step example:
    one checklist, the pointer then the example's steps, not a one-line fix beside a
    second fix named "Step-by-Step Example"."""
    art = mskb(
        "SYMPTOMS\n========\n\nA 16-bit client cannot create the 32-bit server object.\n\n"
        "RESOLUTION\n==========\n\nUse late binding with CreateObject as shown below.\n\n"
        "MORE INFORMATION\n================\n\n"
        "Step-by-Step Example\n--------------------\n\n"
        "1. Start Visual Basic and open the client project.\n\n"
        "2. Declare the server variable As Object instead of As Server32.CServer.\n\n"
        '3. Set the variable with CreateObject("Server32.CServer").\n\n'
        "4. Compile the project, and then run the client.\n"
    )
    tree = draft_tree(art)
    (fix,) = fixes(tree)
    steps = ticks(fix)
    assert steps[0] == "Use late binding with CreateObject as shown below."
    assert steps[1] == "Start Visual Basic and open the client project."
    assert steps[-1].startswith("Compile the project")
    draft_text(art)  # lint-clean


CODE_FIX = (
    "SYMPTOMS\n========\n\nThe compiler reports error C2065 on a nested class constructor.\n\n"
    "RESOLUTION\n==========\n\nSee the MORE INFORMATION section for a workaround.\n\n"
    "MORE INFORMATION\n================\n\n"
    "The following sample code demonstrates the problem and the workaround.\n\n"
    "Sample Code\n-----------\n\n"
    "     class Outer\n     {\n     public:\n        class Inner { };\n"
    "        Outer(const Inner &in) {}\n     };\n\n"
    "     int main(void)\n     {\n        Outer o(Outer::Inner());  // C2065 here\n"
    "        // Workaround: comment the line above and use the two lines below\n"
    "        // Outer::Inner i ;\n        // Outer o(i) ;\n        return 0;\n     }\n"
)


def test_pointer_to_sample_code_shows_the_code() -> None:
    """ "See the MORE INFORMATION section for a workaround." over a listing only: the
    step shows the whole listing, with its workaround comments, verbatim as its detail."""
    tree = draft_tree(mskb(CODE_FIX))
    (fix,) = fixes(tree)
    shown = details(fix)
    assert "class Outer" in shown and "// Outer o(i) ;" in shown
    assert "int main(void)" in shown  # one listing, blank lines inside kept
    draft_text(mskb(CODE_FIX))  # lint-clean


def test_listing_is_not_a_steps_wrapped_line() -> None:
    """A numbered step's wrapped line (two columns in) is no code listing; four in is."""
    from kbassist.articles.model import Section

    text = (
        "1. Run the following program from a file; the text of this step wraps\n"
        "  onto a second line.\n\n"
        "        x = CREATEOBJECT('form')\n        x.SHOW\n"
    )
    section = Section("MORE INFORMATION", text, 1)
    assert _listings(section) == ["x = CREATEOBJECT('form')\nx.SHOW"]


def test_bench_counts_lost_procedure_steps() -> None:
    """The bench's procedure reader finds a numbered list, its lead and its steps, and
    the pointing rule sees "as shown below" and "steps 1 through 3 in"."""
    found = numbered_procedures("To fix it, follow these steps:\n\n1. Stop X.\n\n2. Start Y.\n")
    assert found == [("To fix it, follow these steps:", ["Stop X.", "Start Y."])]
    assert POINTING_STEP_RE.search("Reset the cached views as shown below.")
    assert POINTING_STEP_RE.search("Follow steps 1 through 3 in the MORE INFORMATION section.")


def test_rules_are_linear_on_hostile_text() -> None:
    """Each new pattern reads 20 KB of hostile text in well under a second."""
    hostile = [
        "to " + "a " * 10_000 + "x",
        "follow the following " * 1000,
        '"' + "x " * 10_000,
        "1. " * 7000,
        "more information " * 1200,
        "steps 1 through " * 1300,
    ]
    patterns = [_LEAD_RE, _BELOW_RE, _ITEM_RE, _QUOTED_RE, POINTING_STEP_RE]
    for text in hostile:
        for pattern in patterns:
            started = time.perf_counter()
            pattern.search(text)
            assert time.perf_counter() - started < budget(0.5)


def test_procedure_after_a_list_of_links_is_kept() -> None:
    """A RESOLUTION whose only bullets are where to get the service pack ("- http://..."
    -or- "- Q152734 ...") keeps the numbered procedure that follows them: the fix is to
    obtain the pack, then run the steps, not nothing at all."""
    art = mskb(
        "SYMPTOMS\n========\n\nA user without privileges can change a kernel object.\n\n"
        "RESOLUTION\n==========\n\nTo resolve this problem, obtain the latest service pack "
        "for\nWindows NT 4.0. For information on obtaining the latest service pack, go to:\n\n"
        "- http://www.example.com/windows/servicepacks/\n\n-or-\n\n"
        "- Q152734 How to Obtain the Latest Windows NT 4.0 Service Pack\n\n"
        "After you install the service pack, enable the object restrictions. To do this:\n\n"
        "1. Start Registry Editor (Regedt32.exe).\n\n"
        "2. Double-click the ProtectionMode value, type 1, and then click OK.\n\n"
        "3. Quit Registry Editor, and then restart the computer.\n"
    )
    tree = draft_tree(art)
    steps = [s for f in fixes(tree) for s in ticks(f)]
    assert "Start Registry Editor (Regedt32.exe)." in steps
    assert any(s.startswith("Double-click the ProtectionMode value") for s in steps)
    draft_text(art)  # lint-clean


def test_howto_lead_over_a_registry_warning_and_its_scenarios() -> None:
    """ "To force X, delete the keys using the following steps:" over the registry warning
    and the steps is the fix, titled by its goal; the "following two scenarios require the
    above steps" bullets after it are when it is needed, not two more fixes."""
    art = mskb(
        "SUMMARY\n=======\n\nThis article describes how to force a remote access server to\n"
        "authenticate clients with PAP.\n\n"
        "MORE INFORMATION\n================\n\n"
        "To force a client to use PAP, you must delete two registry keys on the server\n"
        "using the following steps:\n\n"
        "WARNING: Using Registry Editor incorrectly can cause serious problems.\n\n"
        "1. Start Registry Editor (Regedt32.exe).\n\n"
        "2. Click SPAP, and then click Delete on the Edit menu.\n\n"
        "3. Quit Registry Editor, and then restart the Remote Access Service.\n\n"
        "The following two scenarios require the above steps:\n\n"
        "- You use a PPP client that can only use PAP.\n\n"
        "- You use a RADIUS server that rejects the CHAP challenge attribute.\n"
    )
    tree = draft_tree(art)
    (fix,) = fixes(tree)
    steps = ticks(fix)
    assert fix["title"] == "Force a client to use PAP"
    assert steps[0] == "Start Registry Editor (Regedt32.exe)."
    assert not any(s.startswith("You use a") for s in steps)
    draft_text(art)  # lint-clean


def test_goal_lead_in_a_fix_article_adds_no_fix() -> None:
    """In an article with its own RESOLUTION, MORE INFORMATION's "To run the sample,
    follow these steps:" stays out: the walk offers the RESOLUTION's fix only."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe Open method binds every column of the rowset.\n\n"
        "RESOLUTION\n==========\n\nInstall Visual Studio 6.0 Service Pack 5, and then pass false\n"
        "as the last parameter of the Open method.\n\n"
        "MORE INFORMATION\n================\n\n"
        "To run the sample, follow these steps:\n\n"
        "1. Create a console application in Visual C++.\n\n"
        "2. Paste the code below over the skeleton code, and then build the project.\n"
    )
    tree = draft_tree(art)
    assert not any(
        s.startswith("Create a console application") for f in fixes(tree) for s in ticks(f)
    )
    draft_text(art)  # lint-clean


def test_sample_code_below_brings_more_informations_sample() -> None:
    """ "In the sample code below, padding the initializer ... corrects the problem." with
    no code in RESOLUTION shows MORE INFORMATION's "Sample Code" listing with the step,
    even when the listing sits only two columns in."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe assembler hangs on a structure initializer.\n\n"
        "RESOLUTION\n==========\n\nPad the initializer to the declared size. In the sample "
        "code\nbelow, padding the initializer for the Nme member corrects the problem.\n\n"
        "MORE INFORMATION\n================\n\n"
        "Sample Code\n-----------\n\n"
        "  ; Assemble options needed: /c\n  .MODEL small\n  aStruct STRUCT\n"
        "      Nme BYTE 3 DUP (?)\n  aStruct ENDS\n  People aStruct {'R'}\n  END\n"
    )
    tree = draft_tree(art)
    (fix,) = fixes(tree)
    assert ".MODEL small" in details(fix) and "People aStruct" in details(fix)
    draft_text(art)  # lint-clean


def test_as_outlined_below_reaches_steps_under_their_sub_heading() -> None:
    """The bullet "modify the Setup.inf file as outlined below" gets the numbered steps
    under the "Steps to Modify Setup.inf" sub-heading that follows the list."""
    art = mskb(
        "SYMPTOMS\n========\n\nSetup installs an older version of Mapi.dll.\n\n"
        "RESOLUTION\n==========\n\nTo resolve the problem:\n\n"
        "- Delete the current Mapi.dll file, and then run Setup again.\n\n  -or-\n\n"
        "- To correct this problem on many workstations, modify the Setup.inf file\n"
        "  as outlined below.\n\n"
        "Steps to Modify Setup.inf\n-------------------------\n\n"
        "1. Make a backup copy of the Setup.inf file.\n\n"
        "2. Use Notepad to open the Setup.inf file.\n\n"
        "3. Save the file, and then run Setup again.\n"
    )
    tree = draft_tree(art)
    steps = [s for f in fixes(tree) for s in ticks(f)]
    assert "Use Notepad to open the Setup.inf file." in steps
    draft_text(art)  # lint-clean
