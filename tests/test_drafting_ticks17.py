"""Drafted checklists tick one action each: a colon title over its sub-steps, a heading
glued before a step, a pasted Knowledge Base reference and an empty "NOTE:" are shown,
not ticked; "X. You can do this by Y" is one action with its means (round 17, the
seed-54 readers' "steps" notes)."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, details, fixes, support, ticks

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999917")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nClients run their logon scripts only now and then when they\n"
    "log on to the domain.\n\n"
)
CAUSE = "CAUSE\n=====\n\nThe logon script name is wrong in one of the places it is kept.\n\n"


def test_colon_titles_over_sub_steps_are_shown_not_ticked() -> None:
    """'1. For each user account, follow these steps:' and '2. Check the shares for X:'
    over their a./b. steps are shown with the first of them, even when a later step is
    asked as a case."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this issue, make sure the name of the logon script is correct:\n\n"
        "1. For each user account, follow these steps:\n\n"
        "  a. At the domain controller, start User Manager for Domains, and then\n"
        "     double-click the user name.\n\n"
        "  b. Click Profile, note the name in the Logon Script Name box, and then\n"
        "     click OK.\n\n"
        "2. Check the Netlogon shares for the correct spelling of the scripts:\n\n"
        "  a. Make sure the script names you noted match the names in the Scripts\n"
        "     folder on the domain controller.\n\n"
        "  b. If you use directory replication to copy the scripts, make sure that\n"
        "     the script is in the Export folder on the exporting server.\n"
    )
    tree = draft_tree(article)
    (fix,) = fixes(tree)
    said = ticks(fix)
    assert not [t for t in said if t.endswith(":")], said
    assert said[0].startswith("At the domain controller, start User Manager")
    assert "For each user account, follow these steps:" in details(fix)
    assert "Check the Netlogon shares for the correct spelling of the scripts:" in details(fix)
    assert any(t.startswith("Make sure the script names you noted") for t in said)
    draft_text(article)  # lint-clean


def test_heading_glued_before_a_step_is_shown_under_it() -> None:
    """A 'Create a Location Profile:' heading between two numbered lists of a version's
    fix is not glued in front of the step it heads ('Create a Location Profile:
    Double-click ...')."""
    phase = (
        "The following steps create the connection:\n\n"
        "Create the Connection Profile:\n\n"
        "1. Double-click Make New Connection.\n\n"
        "2. Type a name for the connection, and then click Finish.\n\n"
        "This completes the first phase of the process.\n\n"
        "Create a Location Profile:\n\n"
        "1. Double-click the new connection, and then click Dial Properties.\n\n"
        "2. In the Area code box, type the area code, and then click OK.\n\n"
    )
    article = mskb(
        "SYMPTOMS\n========\n\nYou cannot dial a two-digit carrier code for a long distance\n"
        "call.\n\n"
        "CAUSE\n=====\n\nDial-Up Networking has no field for carrier codes.\n\n"
        "RESOLUTION\n==========\n\n"
        "To resolve this issue, use the dialing properties. Try one of the methods:\n\n"
        "Windows 98\n----------\n\n" + phase + "Windows 95\n----------\n\n" + phase
    )
    for fix in fixes(draft_tree(article)):
        if fix["id"].endswith("-not-applicable"):
            continue  # round 29: "Another version" reaches an exit, no fix
        said = ticks(fix)
        assert "Double-click the new connection, and then click Dial Properties." in said
        assert not any(t.startswith("Create a Location Profile") for t in said)
        assert "Create a Location Profile:" in details(fix)
    draft_text(article)


def test_pasted_reference_title_is_a_see_note() -> None:
    """'... transfer the role to a faster computer. Q255690 How to View and Transfer
    FSMO Roles' ticks the transfer; the reference is a 'See ...' note under it."""
    article = mskb(
        "SYMPTOMS\n========\n\nSetup of the connector stops with the message:\n\n"
        "  Schema Update failed--busy.\n\n"
        "CAUSE\n=====\n\nThe computer that holds the schema role is too slow.\n\n"
        "RESOLUTION\n==========\n\n"
        "To resolve this issue, transfer the schema role to a faster computer. For\n"
        "additional information, click the article number below to view the article\n"
        "in the Microsoft Knowledge Base:\n\n"
        "  Q255690 How to View and Transfer FSMO Roles in the Graphical User Interface\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert ticks(fix) == ["Transfer the schema role to a faster computer."]
    assert "See Q255690 How to View and Transfer FSMO Roles" in details(fix)
    draft_text(article)


def test_empty_note_marker_over_ticked_bullets_is_dropped() -> None:
    """A 'NOTE:' whose bullets became ticks of their own is not left dangling under the
    step before them."""
    article = mskb(
        "SYMPTOMS\n========\n\nYou cannot dial a two-digit carrier code for a long distance\n"
        "call.\n\n"
        "CAUSE\n=====\n\nDial-Up Networking has no field for carrier codes.\n\n"
        "RESOLUTION\n==========\n\n"
        "1. Click New, type a name for the calling card, and then click Advanced.\n\n"
        "2. In the Dialing Rules dialog box, type a number in one of the boxes, and\n"
        "   then click Close.\n\n"
        "NOTE:\n"
        "   - In the Calls within the same area code box, type the destination\n"
        "     number.\n\n"
        "   - In the Long distance calls box, type the carrier code and the number.\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert any(t.startswith("In the Calls within the same area code box") for t in ticks(fix))
    shown = [line.strip() for line in details(fix).split("\n")]
    assert "NOTE:" not in shown
    draft_text(article)


def test_step_and_its_means_are_one_action() -> None:
    """'First replace X. You can accomplish this operation by using Y.' is one tick said
    with its means, in MS support and MS KB drafts alike."""
    article = support(
        "## Symptoms\n\nYou get the following error when you delete a registry key:\n\n"
        "```\nError while deleting key\n```\n\n"
        "## Cause\n\nThe key name holds an embedded null character.\n\n"
        "## Resolution\n\n"
        "First replace the null character with another character. You can accomplish this"
        " operation by using the RegDelNull tool from Sysinternals.\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert ticks(fix)[-1] == (
        "Replace the null character with another character by using the RegDelNull tool"
        " from Sysinternals."
    )
    draft_text(article)
    kb = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this problem, free some space on the drive. You can do this by\n"
        "deleting the files in the Temp folder.\n"
    )
    (fix,) = fixes(draft_tree(kb))
    assert ticks(fix) == ["Free some space on the drive by deleting the files in the Temp folder."]


def test_how_to_and_part_headings_over_steps_are_titles() -> None:
    """'How to Identify the Model of Your Sound Card:' and 'Part 2: Install the Update:'
    ticked over their steps are shown with the first of them; 'Type the following:' over
    its line stays the step it is."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "How to Identify the Model of Your Sound Card:\n\n"
        "1. Click Start, point to Settings, and then click Control Panel.\n\n"
        "2. Double-click System, and then click the Device Manager tab.\n\n"
        "3. If you use Windows 2000, click Device Manager on the Hardware tab.\n\n"
        "Part 2: Install the Winsock Update:\n\n"
        "1. Insert the program CD-ROM into the drive.\n\n"
        "2. Double-click Ws2setup.exe on the CD-ROM.\n"
    )
    (fix,) = fixes(draft_tree(article))
    said = ticks(fix)
    assert not [t for t in said if t.endswith(":")], said
    shown = details(fix) + (fix.get("text") or "")  # the first heads the fix: its text
    assert "How to Identify the Model of Your Sound Card:" in shown
    assert "Part 2: Install the Winsock Update:" in details(fix)
    assert "Insert the program CD-ROM into the drive." in said
    draft_text(article)
