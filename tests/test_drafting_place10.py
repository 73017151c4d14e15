"""Command placeholders an archive draft used to leave as text: a how-to article whose
draft finds no fix still hands over the commands it says to type, each placeholder an
input filled into the command (issue 13, "every placeholder becomes a typed input")."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, walked

from kbassist.drafting.tree import draft_tree
from kbassist.trees.checklist import Checklist

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999310", product="Microsoft MS-DOS")


def steps(checklist: Checklist) -> list[tuple[str, str]]:
    """(text, detail) of each checklist step."""
    return [(item.text, getattr(item, "detail", "") or "") for item in checklist.part("steps")]


def inputs(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in tree["nodes"] if n["kind"] == "input"]


HOW_TO = (
    "SUMMARY\n=======\n\n"
    "This article lists applications that need SETVER.EXE under MS-DOS 5.0.\n\n"
    "What Is SETVER.EXE?\n-------------------\n\n"
    "SETVER.EXE reports the version number an application expects.\n\n"
    "FOCUS.EXE 4.01\n--------------\n\n"
    "FOCUS.EXE may display the following error message if it is not in the table:\n\n"
    "  Too many open files on <drive>.\n\n"
    "How to Use SETVER.EXE\n---------------------\n\n"
    "1. At any MS-DOS prompt, type the following:\n\n"
    '  " setver <program name> <version> " (without the quotation marks)\n\n'
    "2. Reboot so that the change takes effect.\n"
)


def test_a_how_to_command_with_placeholders_is_asked_when_no_fix_is_found() -> None:
    """A SUMMARY that says "type the following:" + `setver <program name> <version>`: both
    placeholders are asked and the answers stand in the command of the procedure under its
    "How to" heading; the `<drive>` of the error message it shows is not asked."""
    art = mskb(HOW_TO)
    tree = draft_tree(art)
    assert [n["title"] for n in inputs(tree)] == [
        "Your name for <program name>",
        "Your value for <version>",
    ]
    answers = {"placeholder_1": "FOCUS.EXE", "placeholder_2": "4.01"}
    got = steps(walked(art, {"symptom": "yes", **answers}))
    # round 32 (headed_goal): the procedure under "How to Use SETVER.EXE" is the fix
    # itself, its command with the answers in it first, not after "Read the article"
    assert got[0][0] == "At any MS-DOS prompt, type the following:"
    assert got[0][1].startswith('" setver FOCUS.EXE 4.01 "')
    assert got[1][0] == "Reboot so that the change takes effect."


def test_a_unc_command_of_its_own_section_reaches_the_checklist() -> None:
    """`net use lpt1: \\\\servername\\sharename` in a section of its own ("Printing to a
    Network Printer") of an article with no fix: server and share are asked and used; a
    lead listing what the text is about ("... directories including:") and a table of
    captions (`txtUser      <empty>`) give no command."""
    art = mskb(
        "SUMMARY\n=======\n\nThis article is the Network.txt file of Windows 95.\n\n"
        "Setup offers to run the Performance Optimizer, which can be used to move\n"
        "the databases and log directories including:\n\n"
        "  Private information store (default location <drive>:\\Exchsrvr\\Mdbdata)\n\n"
        "Add two text boxes to Form1 with the following captions:\n\n"
        "  txtUser      <empty>\n\n"
        "Printing to a Network Printer\n=============================\n\n"
        "To print from MS-DOS programs, connect the printer port to the printer.\n"
        "At the MS-DOS prompt, type:\n\n"
        "  net use lpt1: \\\\servername\\sharename\n"
    )
    tree = draft_tree(art)
    assert [n["title"] for n in inputs(tree)] == [
        "Your host name for servername",
        "Your name for sharename",
    ]
    answers = {"symptom": "yes", "placeholder_1": "PRN1", "placeholder_2": "LASER"}
    [_, (text, detail)] = steps(walked(art, answers))
    assert text == "At the MS-DOS prompt, type:"
    assert detail == "net use lpt1: \\\\PRN1\\LASER"


def test_an_explained_lowercase_word_is_asked_where_it_is_an_argument_only() -> None:
    """ "STACK stacksize" + "where stacksize is the number of bytes": stacksize is asked
    and filled into the command, with that sentence as its help, never into the prose ("The
    default stacksize"); a line under "you receive the following prompt:" is no command."""
    art = mskb(
        "SUMMARY\n=======\n\nFRE(-2) returns negative values when the stack runs low.\n\n"
        "When you type DBLSPACE /DELETE, you receive the following prompt:\n\n"
        "  Deleting drive <drive letter> will erase it.\n\n"
        "MORE INFORMATION\n================\n\n"
        "To set the stack size as the program is running, use:\n\n"
        "  STACK stacksize\n\n"
        "where stacksize is the number of bytes that you want for the stack. The default\n"
        "stacksize is 2000 bytes. It can also be set with the /ST:stacksize option.\n"
    )
    tree = draft_tree(art)
    [asked] = inputs(tree)
    assert asked["title"] == "Your number for stacksize"
    assert "stacksize is the number of bytes that you want for the stack" in asked["help"]
    [_, (text, detail)] = steps(walked(art, {"symptom": "yes", "placeholder_1": "4096"}))
    assert text == "To set the stack size as the program is running, use:"
    assert detail.splitlines()[0] == "STACK 4096"
    assert "The default" not in detail


def test_an_input_help_quotes_the_whole_where_sentence() -> None:
    """The help of `<path>` says "the path to your MOUSE.SYS file" (not cut at MOUSE's dot,
    found though the article writes "where path is"), and of `<directory>` "your MS-DOS
    directory" (a line wrapped after "MS-" joined)."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe mouse pointer does not appear.\n\n"
        "RESOLUTION\n==========\n\n"
        "1. Make sure the following line is in your CONFIG.SYS file:\n\n"
        "  device=<path>\\mouse.sys\n\n"
        "  where path is the path to your MOUSE.SYS file.\n\n"
        "2. At the MS-DOS command prompt, type the following:\n\n"
        "  edit c:\\<directory>\\dosshell.ini\n\n"
        "  where <directory> is your MS-\n"
        "  DOS directory.\n"
    )
    helps = {n["title"]: n["help"] for n in inputs(draft_tree(art))}
    assert helps["Your path for <path>"].startswith(
        "<path> is the path to your MOUSE.SYS file (the article)."
    )
    assert helps["Your path for <directory>"].startswith(
        "<directory> is your MS-DOS directory (the article)."
    )


def test_a_command_quoted_in_a_sentence_is_a_step_with_its_answers() -> None:
    """ "run the "preinst /delsite:{<child site code>, <parent site code>}" command": both
    codes are asked and stand in the sentence; "When you type "format <drive>:", you
    receive ..." tells what happened and is no step."""
    art = mskb(
        "SUMMARY\n=======\n\nA child site stays listed after it is removed.\n\n"
        'When you type "format <drive>:", you receive the following prompt:\n\n'
        "  Proceed with Format (Y/N)?\n\n"
        "MORE INFORMATION\n================\n\n"
        "To remove the servers from the database, run the\n"
        '"preinst /delsite:{<child site code>, <parent site code>}" command on the parent\n'
        "site server.\n"
    )
    tree = draft_tree(art)
    assert [n["title"] for n in inputs(tree)] == [
        "Your value for <child site code>",
        "Your value for <parent site code>",
    ]
    answers = {"symptom": "yes", "placeholder_1": "C01", "placeholder_2": "P01"}
    [_, (text, _)] = steps(walked(art, answers))
    assert text == (
        'To remove the servers from the database, run the "preinst /delsite:{C01, P01}" '
        "command on the parent site server."
    )


def test_a_command_at_its_list_item_lead_depth_is_still_a_command() -> None:
    """In a list item, "The syntax ... is as follows:" over `OPTION NOKEYWORD:<keyword>` at
    the same depth: the keyword is asked and filled in; the item's prose is no command."""
    art = mskb(
        "MORE INFORMATION\n================\n\n"
        "The following problems can occur when you upgrade to MASM 6.0:\n\n"
        "1. Reserved words are used as label names.\n\n"
        "  If this is the case in your code, remove them from the reserved word\n"
        "  list. The syntax for the OPTION KEYWORD directive is as follows:\n\n"
        "  OPTION NOKEYWORD:<keyword>\n\n"
        "  This directive is valid in MASM 6.0 and later.\n"
    )
    tree = draft_tree(art)
    assert [n["title"] for n in inputs(tree)] == ["Your value for <keyword>"]
    [_, (text, detail)] = steps(walked(art, {"placeholder_1": "FSIN"}))
    assert text == "The syntax for the OPTION KEYWORD directive is as follows:"
    assert detail == "OPTION NOKEYWORD:FSIN"


def test_a_line_to_use_similar_to_the_following_is_asked_but_its_example_is_not() -> None:
    """ "use a command line similar to the following:" + `CiCatalog=<catalogpath>` asks the
    path and fills it in; the example line under "For example, if ..., then your line
    will be similar to the following:" is not asked."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe query searches the wrong catalog.\n\n"
        "RESOLUTION\n==========\n\n"
        "In an IDQ file, use a command line similar to the following:\n\n"
        "  CiCatalog=<catalogpath>\n\n"
        "where <catalogpath> is the path to the directory that contains Catalog.wci.\n"
        "For example, if your Catalog.wci folder is C:\\Inetpub\\Catalogs\\Catalog.wci, then\n"
        "your CiCatalog line will be similar to the following:\n\n"
        "  CiCatalog=C:\\Inetpub\\Catalogs\n"
    )
    assert [n["title"] for n in inputs(draft_tree(art))] == ["Your path for <catalogpath>"]
    answers = {"symptom": "yes", "placeholder_1": "D:\\Cat"}
    [(text, detail)] = steps(walked(art, answers))
    assert text.startswith("In an IDQ file, use a command line similar to the following")
    assert detail.splitlines()[0] == "CiCatalog=D:\\Cat"


NUMBERED_SECTION = (
    "SUMMARY\n=======\n\n"
    "The following information was taken from the README.TXT file.\n\n"
    "5. DOCUMENTATION CORRECTIONS\n============================\n\n"
    "The ON ERROR statement is described incorrectly. The correct syntax is as follows:\n\n"
    "   ON ERROR GOTO <LINE/LABEL>\n"
)


def test_a_section_named_with_a_number_first_drafts_a_walk_that_passes_lint() -> None:
    """ "5. DOCUMENTATION CORRECTIONS" names a fix whose node id starts with a letter, so
    `kbassist draft` writes the draft instead of failing its own lint."""
    from kbassist.drafting.tree import draft_text

    text, tree = draft_text(mskb(NUMBERED_SECTION))
    assert all(node_id[:1].isalpha() or node_id[:1] == "_" for node_id in tree.nodes)
    assert "ON ERROR GOTO {placeholder_1}" in text
