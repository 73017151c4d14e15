"""Drafted MS KB checklists tick one action per item: a value table under the step that
introduces it, explanations, notes, pointers and announcements shown beside the step
they qualify, two actions said one after the other as two steps (round 14, the seed-50
readers' "steps" notes)."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, details, fixes, ticks

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999914")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nAttempts to pass IP broadcasts over a Token Ring bridge may fail.\n\n"
)
CAUSE = "CAUSE\n=====\n\nThe stack sends ARP queries with source routing enabled.\n\n"


def test_value_table_is_the_detail_of_the_step_that_introduces_it() -> None:
    """'... the following Registry parameter must be added and set to 0:' over a flattened
    'Name Key: ... Value Type: ... Default: ...' table is one step with the table
    shown under it, and the explanation after it is shown, not ticked."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To send IP broadcasts without source routing, add the following Registry\n"
        "parameter and set it to 0:\n\n"
        "ArpAlwaysSourceRoute\n"
        "Key: HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\Tcpip\\Parameters\n"
        "Value Type: REG_DWORD - Boolean\n"
        "Valid Range: 0,1 (False or True)\n"
        "Default: 0 (False)\n\n"
        "When you set this parameter to 1, you force TCP/IP to transmit ARP queries with\n"
        "source routing enabled. By default, the stack transmits ARP queries without\n"
        "source routing first.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == [
        "To send IP broadcasts without source routing, add the following Registry parameter"
        " and set it to 0:"
    ]
    shown = details(only)
    assert "Value Type: REG_DWORD" in shown
    assert "By default, the stack transmits" in shown
    draft_text(article)  # lint-clean


def test_pointer_to_printed_documentation_is_shown_under_the_step() -> None:
    """'For instructions about how to X, please see the printed documentation provided
    with the program.' is no step: shown under the action it qualifies."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this issue, quit the motherboard monitoring program before you start\n"
        "the game.\n\n"
        "For instructions about how to prevent the motherboard monitoring program from\n"
        "starting automatically, please see the printed documentation provided with the\n"
        "program.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert len(ticks(only)) == 1
    assert ticks(only)[0].startswith("Quit the motherboard monitoring program")
    assert "printed documentation" in details(only)


def test_statement_and_closing_remark_after_steps_are_shown_not_ticked() -> None:
    """'Other causes of this error message include file permissions.' and 'At this point,
    each X should have a matching Y.' after a step are shown under it; 'Note its path.'
    (an action) stays ticked."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "1. Locate Regsvr32.exe on your computer. Note its path.\n"
        "2. Map the drive through a logon script.\n"
        "3. Clear the Hide Network Neighborhood check box in the policy.\n\n"
        "Other causes of this error message include file permissions.\n\n"
        "At this point, each AppWamClsid should have a matching component ID.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == [
        "Locate Regsvr32.exe on your computer. Note its path.",
        "Map the drive through a logon script.",
        "Clear the Hide Network Neighborhood check box in the policy.",
    ]
    assert "Other causes of this error message include file permissions." in details(only)
    assert "At this point, each AppWamClsid" in details(only)


def test_announcement_of_the_steps_after_it_is_shown_with_the_first() -> None:
    """'Now that you have determined X, you can use the following steps to delete it.'
    is no tick: it is shown with the step it announces."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "1. Compare the Output.txt file with the Packages.txt file.\n"
        "2. Cross out the entries that match.\n\n"
        "Now that you have determined which component has no matching entry, you can use\n"
        "the following steps to delete the component from Transaction Server.\n\n"
        "1. Open the Internet Service Manager.\n"
        "2. Delete the component.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert not any(t.startswith("Now that") for t in ticks(only))
    assert "Open the Internet Service Manager." in ticks(only)
    opened = next(s for s in only["steps"] if s["text"].startswith("Open the Internet"))
    assert "Now that you have determined" in (opened.get("detail") or "")


def test_two_actions_said_one_after_the_other_are_two_steps() -> None:
    """'Reapply Service Pack 2. When you are done, delete the parallel installation.' is
    two ticks, in the article's order."""
    article = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "1. Install a parallel copy of Windows NT 4.0 in a new folder.\n"
        "2. Reboot to the original Windows NT installation.\n"
        "3. Reapply Service Pack 2. When you are done, delete the parallel installation of\n"
        "   Windows NT 4.0.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only)[-2:] == [
        "Reapply Service Pack 2.",
        "When you are done, delete the parallel installation of Windows NT 4.0.",
    ]


def test_what_a_step_does_is_shown_but_a_case_to_act_on_stays_ticked() -> None:
    """'Run X. This step creates Y.' ticks 'Run X.' with its effect shown; 'Click the
    Groups tab. If the groups are listed, remove them.' keeps its action ticked (an
    action hidden as a note is worse than a note ticked)."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "1. Run the migration wizard to create all the mailboxes. This step creates the\n"
        "   MIGRATE proxy address in the mailbox.\n"
        "2. Click the Groups tab. If the Interactive and Everyone groups are listed,\n"
        "   remove them.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only)[0] == "Run the migration wizard to create all the mailboxes."
    assert "This step creates the MIGRATE proxy address" in details(only)
    assert any("remove them" in t for t in ticks(only))


def test_wrapped_cell_of_a_dropped_file_table_is_not_left_as_a_note() -> None:
    """The file table's wrapped 'Second Edition' cell goes with the table the verify
    reads, not left alone under the install step."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this problem, contact Microsoft Product Support Services to obtain the\n"
        "fix.\n\n"
        "The English-language version of this fix should have the following file\n"
        "attributes or later:\n\n"
        "  Date      Time       Version    Size     File name     Platform\n"
        "  ---------------------------------------------------------------\n"
        "  10/08/99  8:08:29pm  4.10.2222  20,228   Serenum.vxd   Windows 98\n"
        "                                                         Second Edition\n"
    )
    (only,) = fixes(draft_tree(article))
    assert "Second Edition" not in details(only)
    assert any("Serenum.vxd" in t for t in ticks(only))
