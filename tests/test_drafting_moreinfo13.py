"""A fix said in one line in RESOLUTION or WORKAROUND gets the numbered procedure MORE
INFORMATION gives for it as its checklist, and MORE INFORMATION's ways to do one of its
actions each become the fix, with no umbrella option (round 13, the seed-48 reader's
notes on Q323719, Q268516 and Q247898)."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, fixes, ticks

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999913")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you try to remove a second hard disk, you may receive "
    "the following error message:\n\n   STOP 0x0000007B INACCESSIBLE_BOOT_DEVICE\n\n"
)
CAUSE = "CAUSE\n=====\n\nThe drive that you remove holds the print spool folder.\n\n"


def sources(outcome: dict) -> list[str]:
    """The section each checklist item cites."""
    return [s["source"]["section"] for s in outcome["steps"]]


def test_bare_procedure_under_more_information_is_the_checklist_of_the_fix() -> None:
    """'Move the spool folder ..., and then restart' over a bare numbered list in MORE
    INFORMATION ticks the list's steps, cited from it, and restarts once."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this behavior, move the print spool folder from the drive that you\n"
        "are removing to another drive, and then restart the computer.\n\n"
        "MORE INFORMATION\n================\n\n"
        "1. In Control Panel, double-click Printers, and then click Server Properties.\n\n"
        "2. Click the Advanced tab.\n\n"
        "3. In the Spool Folder box, type the path of the new print spool folder on\n"
        "   another drive, and then click Apply.\n\n"
        "4. Click OK, and then restart the computer.\n"
    )
    (only,) = fixes(draft_tree(article))
    said = ticks(only)
    assert said[0] == "In Control Panel, double-click Printers, and then click Server Properties."
    assert "Click the Advanced tab." in said
    assert sum("restart the computer" in s.casefold() for s in said) == 1
    assert not any(s.startswith("Move the print spool folder") for s in said)
    assert set(sources(only)) == {"MORE INFORMATION"}
    assert only["source"]["section"] == "RESOLUTION"
    draft_text(article)  # lint-clean


def test_explaining_resolution_shows_its_text_and_ticks_the_named_procedure() -> None:
    """A RESOLUTION that only explains ('you have to use the Contoso version of the
    daemon') is the outcome's text; 'To configure the Contoso version of the daemon:'
    in MORE INFORMATION gives its steps, the reproduction steps after it do not."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "The Contoso version of the copy daemon supports the -t option. To use it, you\n"
        "have to run the Contoso version of the daemon instead of the Windows copy\n"
        "service.\n\n"
        "MORE INFORMATION\n================\n\n"
        "To configure the Contoso version of the daemon:\n\n"
        "1. Stop the Windows copy service and set its startup type to Disabled.\n\n"
        "2. Edit the /etc/contoso.conf file to remove the number sign (#) from the\n"
        "   following line:\n\n"
        "      #copyd stream tcp nowait /usr/sbin/copyd copyd -a\n\n"
        "3. Restart the computer.\n\n"
        "Steps to Reproduce Behavior\n---------------------------\n\n"
        "1. Start the Windows copy service.\n\n"
        "2. Run copy -t from a client.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert "supports the -t option" in only["text"]
    assert ticks(only) == [
        "Stop the Windows copy service and set its startup type to Disabled.",
        "Edit the /etc/contoso.conf file to remove the number sign (#) from the following line:",
        "Restart the computer.",
    ]
    assert "#copyd stream tcp nowait" in only["steps"][1]["detail"]
    draft_text(article)


def test_procedure_outlined_below_is_named_by_its_goal() -> None:
    """'... or follow the procedure outlined below' is an option named by what the
    procedure does, with the procedure's steps, not a step that says 'Follow the
    procedure outlined below.'"""
    article = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "To work around this problem, you can delete unneeded files so that less than\n"
        "512 MB of data remain, or follow the procedure outlined below.\n\n"
        "MORE INFORMATION\n================\n\n"
        "To manually create a new compressed drive:\n\n"
        "1. Copy the CVF.BIN file from the DOS folder to the root folder.\n\n"
        "2. Set the file attributes on CVF.BIN to read-only, hidden, and system.\n\n"
        "3. Run the compression program and create a new compressed drive.\n"
    )
    outcomes = fixes(draft_tree(article))
    (procedure,) = [o for o in outcomes if "compressed drive" in o["title"]]
    assert procedure["title"].endswith("Manually create a new compressed drive")
    assert ticks(procedure)[0] == "Copy the CVF.BIN file from the DOS folder to the root folder."
    assert not any("outlined below" in s for o in outcomes for s in ticks(o))
    draft_text(article)


def test_ways_to_do_one_action_each_carry_the_fix_and_no_umbrella_option() -> None:
    """'Stop the service, remove the conflicting filter and restart the service' with
    MORE INFORMATION's 'There are two ways to remove the conflicting filter:' gives two
    outcomes, each stop - the way - restart, and no outcome for the summary."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this behavior, stop the Fax service, remove the conflicting\n"
        "third-party filter and restart the Fax service.\n\n"
        "MORE INFORMATION\n================\n\n"
        "There are two ways to remove the conflicting filter:\n\n"
        " - Rename the file of the conflicting filter. You can find the name of the file\n"
        "   at the following registry key:\n\n"
        "      HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\Fax\\Filters\n\n"
        "   -or-\n\n"
        " - Delete the conflicting filter with the Filter Manager tool.\n"
    )
    outcomes = fixes(draft_tree(article))
    assert len(outcomes) == 2
    for outcome in outcomes:
        said = ticks(outcome)
        assert said[0] == "Stop the Fax service."
        assert said[-1] == "Restart the Fax service."
        assert sources(outcome)[0] == "RESOLUTION"
        assert sources(outcome)[1] == "MORE INFORMATION"
    assert not any("remove the conflicting" in o["title"].casefold() for o in outcomes)
    draft_text(article)


def test_two_ways_in_one_sentence_each_get_their_own_procedure() -> None:
    """'The report can be exported as a text file or printed' with 'To export the report
    as a text file:' and 'To print the whole report:' in MORE INFORMATION asks which,
    each way ticking its own steps, with no outcome for the sentence itself."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Although too long to show in the viewer, the report can be exported as a\n"
        "text file or printed in order to read all of it.\n\n"
        "MORE INFORMATION\n================\n\n"
        "To export the report as a text file:\n\n"
        "1. On the File menu, click Export.\n\n"
        "2. Type a name for the file, and then click Save.\n\n"
        "To print the whole report:\n\n"
        "1. Select the report in the list.\n\n"
        "2. On the File menu, click Print.\n"
    )
    outcomes = fixes(draft_tree(article))
    assert [o["title"] for o in outcomes] == [
        "Resolution: Export the report as a text file",
        "Resolution: Print the whole report",
    ]
    assert ticks(outcomes[0]) == [
        "On the File menu, click Export.",
        "Type a name for the file, and then click Save.",
    ]
    assert ticks(outcomes[1]) == [
        "Select the report in the list.",
        "On the File menu, click Print.",
    ]
    assert all(set(sources(o)) == {"MORE INFORMATION"} for o in outcomes)
    draft_text(article)


def test_each_action_of_the_fix_gets_its_procedure_in_order() -> None:
    """'Remove the scope option in DHCP Manager. Have all clients release and renew
    their addresses.' with a procedure for each in MORE INFORMATION ticks the first
    procedure, then the second, in the fix's order."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "From DHCP Manager, remove the NetBIOS Scope ID from the DHCP scope options.\n"
        "Have all DHCP client computers release and renew their IP addresses.\n\n"
        "MORE INFORMATION\n================\n\n"
        "To remove the NetBIOS Scope ID from the DHCP scope options, follow these steps:\n\n"
        "1. Start DHCP Manager.\n\n"
        "2. Click 047 NetBIOS Scope ID, and then click Remove.\n\n"
        "To release and renew DHCP client IP addresses, follow these steps:\n\n"
        "1. Start a command prompt on the client computer.\n\n"
        "2. Type ipconfig /release, and then press ENTER.\n\n"
        "3. Type ipconfig /renew, and then press ENTER.\n"
    )
    (only,) = fixes(draft_tree(article))
    said = ticks(only)
    assert said.index("Start DHCP Manager.") < said.index(
        "Start a command prompt on the client computer."
    )
    assert "Click 047 NetBIOS Scope ID, and then click Remove." in said
    assert said[-1] == "Type ipconfig /renew, and then press ENTER."
    draft_text(article)


def test_a_steps_ways_per_product_are_asked_not_both_ticked() -> None:
    """Step 1's 'do one of the following:' ways written per product ('Microsoft Windows
    NT 4.0: ...', 'Microsoft Windows 2000: ...') in a MORE INFORMATION procedure ask
    which the admin runs, and each way is ticked only for its answer."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "The Contoso version of the copy daemon supports the -t option. To use it, you\n"
        "have to run the Contoso version of the daemon instead of the Windows copy\n"
        "service.\n\n"
        "MORE INFORMATION\n================\n\n"
        "To configure the Contoso version of the daemon:\n\n"
        "1. Turn off the Windows copy service. To do this, do one of the following:\n\n"
        "   - Microsoft Windows NT 4.0: In Control Panel, double-click Services, and\n"
        "     then stop the copy service.\n\n"
        "   - Microsoft Windows 2000: In Control Panel, double-click Administrative\n"
        "     Tools, double-click Services, and then stop the copy service.\n\n"
        "2. Start the Contoso command shell.\n\n"
        "3. Restart the computer.\n"
    )
    tree = draft_tree(article)
    (only,) = fixes(tree)
    (asked,) = [n for n in tree["nodes"] if n["kind"] == "question" and "-" in n["id"]]
    assert [c["label"] for c in asked["choices"][:2]] == [
        "Microsoft Windows NT 4.0",
        "Microsoft Windows 2000",
    ]
    ways = [s for s in only["steps"] if "when" in s]
    assert len(ways) == 2 and ways[0]["when"] != ways[1]["when"]
    assert ways[0]["text"].startswith("In Control Panel, double-click Services")
    draft_text(article)


def test_a_lead_with_regex_characters_is_drafted_not_a_crash() -> None:
    """ "To a) export the report ...:" as a procedure's lead: the article's words are text,
    never a pattern (an unbalanced ")" used to stop the draft with a traceback)."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Although too long to show in the viewer, the report can be exported as a\n"
        "text file or printed in order to read all of it.\n\n"
        "MORE INFORMATION\n================\n\n"
        "To a) export the report as a text file:\n\n"
        "1. On the File menu, click Export.\n\n"
        "2. Type a name for the file, and then click Save.\n\n"
        "To b) print the whole report:\n\n"
        "1. Select the report in the list.\n\n"
        "2. On the File menu, click Print.\n"
    )
    text, _ = draft_text(article)
    assert "click Export" in text
