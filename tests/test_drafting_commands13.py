"""Commands the archive announces in ways the typed-command finder missed (round 13,
ph13): a lead with no colon ("... and then type"), a syntax lead ("The correct format for
the ROUTE ADD command is:"), commands at the lead's own depth, a registry value's row, a
line to add "similar to the following"; each placeholder asked and filled in."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, walked

from kbassist.drafting.tree import draft_tree
from kbassist.trees.checklist import Checklist

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999313", product="Microsoft Windows NT")


def steps(checklist: Checklist) -> list[tuple[str, str]]:
    """(text, detail) of each checklist step."""
    return [(item.text, getattr(item, "detail", "") or "") for item in checklist.part("steps")]


def inputs(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in tree["nodes"] if n["kind"] == "input"]


def answered(art: Any, values: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """The draft's input variables, and the steps of the walk that answers them with
    `values` in order (one value per input: zip is strict)."""
    names = [n["var"] for n in inputs(draft_tree(art))]
    answers = dict(zip(names, values, strict=True))
    return names, steps(walked(art, {"symptom": "yes", **answers}))


def test_a_lead_ending_then_type_gives_its_command_with_the_drive_asked() -> None:
    """ "Insert the disk in the drive and then type" (no colon) over `<drive>:\\hpsetup`:
    the drive is asked as a drive letter and stands in the command."""
    art = mskb(
        "SUMMARY\n=======\n\nThis article describes how to install the printer driver.\n\n"
        "MORE INFORMATION\n================\n\n"
        "1. Quit all programs.\n\n"
        "2. Insert the Printer Driver Installation disk in the appropriate disk\n"
        "   drive and then type\n\n"
        "     <drive>:\\hpsetup\n\n"
        "3. Follow the instructions on the screen.\n"
    )
    tree = draft_tree(art)
    [asked] = inputs(tree)
    assert asked["format"] == "drive"
    [_, (text, detail)] = steps(walked(art, {"symptom": "yes", asked["var"]: "B"}))
    assert text.endswith("and then type")
    assert detail == "B:\\hpsetup"


def test_the_correct_syntax_line_is_a_command_even_wrapped_inside_a_placeholder() -> None:
    """ "The correct format for the ROUTE ADD command is:" over a usage line the archive
    wrapped inside `<address to add>`: all three placeholders are asked and fill one line."""
    art = mskb(
        "SYMPTOMS\n========\n\nAn incorrect ROUTE ADD entry is not added to the table.\n\n"
        "MORE INFORMATION\n================\n\n"
        "The correct format for the ROUTE ADD command is:\n\n"
        "  route add <subnet address> MASK <subnet mask> <address to\n"
        "  add>\n"
    )
    names, [_, (text, detail)] = answered(art, ["10.1.0.0", "255.255.0.0", "10.1.0.1"])
    assert len(names) == 3
    assert text == "The correct format for the ROUTE ADD command is:"
    assert detail == "route add 10.1.0.0 MASK 255.255.0.0 10.1.0.1"


def test_commands_at_the_lead_depth_under_run_the_following_commands() -> None:
    """ "To import the list, run the following commands" (no colon) over two command lines
    at the same depth: each is a step, the drive letter filled into both."""
    art = mskb(
        "SUMMARY\n=======\n\nThis article describes how to import a list of users.\n\n"
        "  Create MACLIST.DOC in the gateway directory. To import the list, run the\n"
        "  following commands\n\n"
        "  import admin -d<x> -fmaclist.doc\n"
        "  rebuild -d<x> -f\n\n"
        "  where <x> is the drive letter pointing to the root of the mail database.\n"
    )
    tree = draft_tree(art)
    [asked] = inputs(tree)
    got = steps(walked(art, {"symptom": "yes", asked["var"]: "M"}))
    details = [detail.splitlines()[0] for _, detail in got if detail]
    assert details == ["import admin -dM -fmaclist.doc", "rebuild -dM -f"]


def test_a_registry_value_row_under_add_the_following_is_asked() -> None:
    """ "Add the following:" over a registry value's rows: server and share are asked and
    filled into the String row, the Value Name and Data Type rows kept with it (rows of
    one field and its value, not a table of columns)."""
    art = mskb(
        "SUMMARY\n=======\n\nThis article describes how to set a trusted driver path.\n\n"
        "MORE INFORMATION\n================\n\n"
        "1. Start Registry Editor.\n\n"
        "2. Add the following:\n\n"
        "     Value Name:   TrustedDriverPath\n"
        "     Data Type:    REG_SZ\n"
        "     String:       \\\\<server name>\\<share name>\n"
    )
    names, got = answered(art, ["PRINTSRV", "DRIVERS"])
    assert len(names) == 2
    [detail] = [d for _, d in got if "PRINTSRV" in d]
    assert detail.splitlines() == [
        "Value Name:   TrustedDriverPath",
        "Data Type:    REG_SZ",
        "String:       \\\\PRINTSRV\\DRIVERS",
    ]


def test_a_line_to_add_similar_to_the_following_is_a_command() -> None:
    """ "... by adding a line similar to the following in the login script:" over
    `Cscript \\\\<server>\\<share>\\NOGAMES.VBS`: server and share are asked and filled in,
    though "similar to the following" usually leads to what is shown."""
    art = mskb(
        "SUMMARY\n=======\n\nThis article describes a script that removes the games.\n\n"
        "MORE INFORMATION\n================\n\n"
        "Administrators can automate the process by adding a line similar to the\n"
        "following in the login script:\n\n"
        "  Cscript \\\\<server>\\<share>\\NOGAMES.VBS //T:5 //B\n"
    )
    names, got = answered(art, ["FS1", "NETLOGON"])
    assert len(names) == 2
    assert any(d.startswith("Cscript \\\\FS1\\NETLOGON\\NOGAMES.VBS") for _, d in got)


def test_a_path_to_type_unquoted_in_a_step_is_asked() -> None:
    """ "type <path>\\cluster.log in the Value box" (no quotation marks, in a numbered
    step): the path is asked and stands in the step."""
    art = mskb(
        "SUMMARY\n=======\n\nThis article describes how to turn on the cluster log.\n\n"
        "MORE INFORMATION\n================\n\n"
        "1. Click the Advanced tab, and then click Environment Variables.\n\n"
        '2. Type "ClusterLog" (without the quotation marks) in the Variable box, type\n'
        "   <path>\\cluster.log in the Value box, and then click Set.\n"
    )
    tree = draft_tree(art)
    [asked] = inputs(tree)
    got = steps(walked(art, {"symptom": "yes", asked["var"]: "D:\\Logs"}))
    assert any("type D:\\Logs\\cluster.log in the Value box" in text for text, _ in got)


def test_bracketed_names_the_article_explains_are_asked_inside_the_path() -> None:
    """ "type the following" over `[drive]:\\[directory]\\startup.grp` + "where [drive] is
    the drive letter ... and [directory] is the name of the Windows directory": the drive
    letter and the directory are asked and both stand in the path."""
    art = mskb(
        "SUMMARY\n=======\n\nThis article describes how to re-create the StartUp group.\n\n"
        "MORE INFORMATION\n================\n\n"
        "1. From the File menu, choose New.\n\n"
        "2. On the Group File line, type the following\n\n"
        "     [drive]:\\[directory]\\startup.grp\n\n"
        "   where [drive] is the drive letter that Windows has been loaded on and\n"
        "   [directory] is the name of the Windows directory.\n"
    )
    tree = draft_tree(art)
    drive, folder = inputs(tree)
    assert drive["format"] == "drive"
    answers = {"symptom": "yes", drive["var"]: "D", folder["var"]: "WIN31"}
    got = steps(walked(art, answers))
    assert any(d.startswith("D:\\WIN31\\startup.grp") for _, d in got)


def test_a_syntax_the_article_calls_incorrect_is_not_handed_over() -> None:
    """A documentation error: "The Help file states that the proper syntax is:" + a line +
    "This is incorrect." is never a step; the corrected "lists the proper syntax as:" line
    is, with its server asked."""
    art = mskb(
        "SUMMARY\n=======\n\nThe Help file information about the SET PRINTER TO command "
        "is incomplete.\n\n"
        "MORE INFORMATION\n================\n\n"
        "The 3.0 Help file states that the proper syntax on a network is:\n\n"
        "  SET PRINTER TO \\\\<server name>\\<printer name>\n\n"
        "This is incorrect. Version 3.0b lists the proper syntax as:\n\n"
        "  SET PRINTER TO NAME \\\\<server name>\\<printer name>\n"
    )
    _, got = answered(art, ["PS1", "LASER"])
    assert [d for _, d in got if d] == ["SET PRINTER TO NAME \\\\PS1\\LASER"]


def test_a_no_fix_draft_still_hands_over_the_correct_syntax() -> None:
    """A confirmed problem with no fix whose MORE INFORMATION gives "The correct syntax for
    X is:": the no-fix outcome says so and then gives the syntax, its placeholders asked."""
    art = mskb(
        "SUMMARY\n=======\n\nThe utility reports an incorrect usage syntax.\n\n"
        "MORE INFORMATION\n================\n\n"
        "The correct command line syntax for the utility is:\n\n"
        "  COMPACT.EXE <database name> <temp database name>\n\n"
        "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a problem in Windows NT version 3.51.\n"
    )
    _, got = answered(art, ["WINS.MDB", "TMP.MDB"])
    assert got[0][0] == "Tell the user that Q999313 gives no fix or workaround for this problem."
    assert got[-1] == (
        "The correct command line syntax for the utility is:",
        "COMPACT.EXE WINS.MDB TMP.MDB",
    )


def test_a_usage_line_wrapped_inside_an_optional_part_stays_one_command() -> None:
    """A usage line the archive wrapped inside `[/remove` ... `user]`: one command, its
    second half kept, the share name filled in."""
    art = mskb(
        "SUMMARY\n=======\n\nThis article describes how to manage remote shares.\n\n"
        "MORE INFORMATION\n================\n\n"
        "To create or delete shares on a remote server, use the RMTShare.exe utility with\n"
        "the following syntax:\n\n"
        "rmtshare \\\\server[\\sharename[=path]] [/grant user] [/remove\n"
        "user] [/remark:text] /delete\n"
    )
    tree = draft_tree(art)
    [asked] = inputs(tree)
    got = steps(walked(art, {"symptom": "yes", asked["var"]: "DOCS"}))
    assert [d for _, d in got if d] == [
        "rmtshare \\\\server[\\DOCS[=path]] [/grant user] [/remove user] [/remark:text] /delete"
    ]


def test_a_primary_domain_controller_placeholder_is_asked_as_a_host_name() -> None:
    """`nltest /Server:<PDCName> /PDC_Repl` asks a host name (a domain controller is a
    computer), not any name."""
    art = mskb(
        "SUMMARY\n=======\n\nThis article describes how to force replication.\n\n"
        "MORE INFORMATION\n================\n\n"
        "From a member server, type the following command:\n\n"
        "  nltest /Server:<PDCName> /PDC_Repl\n"
    )
    [asked] = inputs(draft_tree(art))
    assert asked["format"] == "host"
    assert asked["title"] == "Your host name for <PDCName>"
