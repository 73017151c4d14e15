"""An MS KB CAUSE that shows a plain-text table or an indented example keeps it as written:
the cause node shows its lines, the one-line cause leaves table rows out, and a later
upper-case sub-section is not the cause; a step's example settings stay paired with their
descriptions (round 22, tables22; seed-62 reader notes on Q192310 and Q134503)."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999922")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you sum a column in a table, the result may be wrong if\n"
    "change tracking is turned on.\n\n"
)
FIX = (
    "WORKAROUND\n==========\n\nTo work around this problem, accept the changes before you\n"
    "update the formula.\n"
)


def cause_node(tree: dict[str, Any]) -> str:
    (node,) = [n for n in tree["nodes"] if n["id"] == "cause"]
    return str(node["text"])


def test_cells_between_dashed_rules_are_shown_as_rows_not_run_into_the_cause() -> None:
    """'----- | 1 | ----- | 2 |' is never pasted into the cause: the cause node shows the
    little table line by line, between the sentences that talk about it."""
    article = mskb(
        SYMPTOMS + "CAUSE\n=====\n\n"
        "The function reads numbers marked for deletion as part of the value.\n\n"
        "Take, for example, a table with the following values:\n\n"
        "  -----\n  | 1 |\n  -----\n  | 2 |\n  -----\n  | 3 |\n  -----\n\n"
        "The formula then reads the value as 12.\n\n" + FIX
    )
    tree = draft_tree(article)
    text = cause_node(tree)
    assert text.split("\n") == [
        "The function reads numbers marked for deletion as part of the value.",
        "Take, for example, a table with the following values:",
        "  -----",
        "  | 1 |",
        "  -----",
        "  | 2 |",
        "  -----",
        "  | 3 |",
        "  -----",
        "The formula then reads the value as 12.",
    ]
    assert "|" not in tree["cause"] and "-----" not in tree["cause"]
    assert tree["cause"].endswith("reads the value as 12.")
    draft_text(article)  # lint-clean


def test_a_box_table_in_the_cause_keeps_its_columns() -> None:
    """A '+----+ | File name | Service name |' box table under the cause sentence keeps
    its header and rows aligned; the one-line cause is the sentence alone."""
    article = mskb(
        SYMPTOMS + "CAUSE\n=====\n\n"
        "This error occurs when the clients still run the old inventory agent.\n\n"
        "  +-----------------------------+\n"
        "  | File name    | Service name |\n"
        "  +-----------------------------+\n"
        "  | Inv32cli.exe | SMS Client   |\n"
        "  +-----------------------------+\n\n" + FIX
    )
    tree = draft_tree(article)
    lines = cause_node(tree).split("\n")
    assert "  | File name    | Service name |" in lines
    assert "  | Inv32cli.exe | SMS Client   |" in lines
    assert tree["cause"] == "This error occurs when the clients still run the old inventory agent."
    draft_text(article)


def test_columns_under_a_ruled_header_stay_columns_across_blank_lines() -> None:
    """A two-column trace under 'CLIENT  SERVER / ======  ======' keeps its columns, its
    later exchanges after a blank line included, and the prose after it stays prose."""
    article = mskb(
        SYMPTOMS + "CAUSE\n=====\n\n"
        "The server resets the connection. A trace shows the following conversation.\n\n"
        "  CLIENT               SERVER\n"
        "  ======               ======\n"
        "  SYN         -->\n"
        "           <--      SYN - ACK\n\n"
        "  FIN         -->\n"
        "           <--      RESET\n\n"
        "The client then reports the error.\n\n" + FIX
    )
    tree = draft_tree(article)
    lines = cause_node(tree).split("\n")
    assert lines[1:4] == [
        "  CLIENT               SERVER",
        "  ======               ======",
        "  SYN         -->",
    ]
    assert "           <--      RESET" in lines
    assert lines[-1] == "The client then reports the error."
    assert "======" not in tree["cause"] and "-->" not in tree["cause"]
    draft_text(article)


def test_an_upper_case_underlined_sub_section_ends_the_cause() -> None:
    """'WORKAROUNDS / -----------' inside CAUSE starts another section: neither it nor its
    rule is pasted into the cause."""
    article = mskb(
        SYMPTOMS + "CAUSE\n=====\n\n"
        "The column holds values that are marked for deletion.\n\n"
        "  +--------+\n  | (1)2   |\n  +--------+\n  | 2      |\n  +--------+\n\n"
        "WORKAROUNDS\n-----------\n\n"
        "Accept the changes first.\n\n" + FIX
    )
    tree = draft_tree(article)
    text = cause_node(tree)
    assert "WORKAROUNDS" not in text and "-----------" not in text.split("\n")[-1]
    assert "Accept the changes first" not in text
    assert tree["cause"] == "The column holds values that are marked for deletion."
    draft_text(article)


def test_an_underlined_sub_heading_keeps_its_words_not_its_rule() -> None:
    """'Detailed Explanation / --------------------' in the cause is a heading line: its
    words stay as a heading line, its rule of dashes is not pasted into the cause."""
    article = mskb(
        SYMPTOMS + "CAUSE\n=====\n\n"
        "The function reads numbers marked for deletion.\n\n"
        "Detailed Explanation\n--------------------\n\n"
        "The formula reads the 1 before the 2 as part of the value.\n\n" + FIX
    )
    tree = draft_tree(article)
    assert cause_node(tree).split("\n") == [
        "The function reads numbers marked for deletion.",
        "Detailed Explanation:",
        "The formula reads the 1 before the 2 as part of the value.",
    ]
    assert "---" not in tree["cause"]
    draft_text(article)


def test_an_indented_example_under_a_colon_lead_keeps_its_lines() -> None:
    """'... such as:' over two indented command lines shows each command on its own line
    under its lead, not run into the sentence after it."""
    article = mskb(
        SYMPTOMS + "CAUSE\n=====\n\n"
        "Some logon scripts map the home folder with the subst command, such as:\n\n"
        "  net use g: \\\\server\\share\n"
        "  subst h: g:\\users\n\n"
        "The lockouts do not occur if you do not use the subst command.\n\n" + FIX
    )
    tree = draft_tree(article)
    assert cause_node(tree).split("\n") == [
        "Some logon scripts map the home folder with the subst command, such as:",
        "  net use g: \\\\server\\share",
        "  subst h: g:\\users",
        "The lockouts do not occur if you do not use the subst command.",
    ]
    draft_text(article)


def test_indented_items_after_a_blank_line_stay_in_the_same_example() -> None:
    """'the following errors:' over several indented groups (Event ID 1244, Event ID 594)
    shows every group line by line, not only the first."""
    article = mskb(
        SYMPTOMS + "CAUSE\n=====\n\n"
        "The cache is corrupted. The application log shows the following errors:\n\n"
        "  Event ID 1244\n  Unable to import cryptographic key\n\n"
        "  Event ID 594\n  Host Process was unable to create a connection handle\n\n" + FIX
    )
    lines = cause_node(draft_tree(article)).split("\n")
    assert lines[1:] == [
        "  Event ID 1244",
        "  Unable to import cryptographic key",
        "",
        "  Event ID 594",
        "  Host Process was unable to create a connection handle",
    ]
    draft_text(article)


def test_underlines_in_a_listed_cause_read_as_headings() -> None:
    """A CAUSE listing 'Method 1 / --------' alternatives shows '- Method 1: On the Insert
    menu ...', never the run of dashes."""
    article = mskb(
        SYMPTOMS + "CAUSE\n=====\n\n"
        "The object was inserted as a floating object by one of the following methods.\n\n"
        "Method 1\n--------\n\n1. On the Insert menu, click Object.\n2. Click OK.\n\n"
        "Method 2\n--------\n\n1. On the Insert menu, click Picture.\n2. Click Insert.\n\n" + FIX
    )
    text = cause_node(draft_tree(article))
    assert "-----" not in text
    assert "- Method 1: On the Insert menu, click Object." in text.split("\n")[1]
    draft_text(article)


def test_a_header_line_set_apart_by_a_blank_line_stays_with_its_table() -> None:
    """A table whose header's first line stands alone above a blank line ('File  File' /
    'Product  size  date' / '-----') keeps that line in the table, not pasted as prose."""
    article = mskb(
        SYMPTOMS + "CAUSE\n=====\n\n"
        "The file is an older version. It ships in the following products:\n\n"
        "                File     File\n\n"
        "Product          size     date\n"
        "------------------------------\n"
        "Retail 1.00      12960   07/12/92\n"
        "Retail 1.00a     12960   10/06/92\n\n" + FIX
    )
    tree = draft_tree(article)
    lines = cause_node(tree).split("\n")
    assert lines[1:] == [
        "                  File     File",
        "",
        "  Product          size     date",
        "  ------------------------------",
        "  Retail 1.00      12960   07/12/92",
        "  Retail 1.00a     12960   10/06/92",
    ]
    assert "12960" not in tree["cause"]
    draft_text(article)


def steps(tree: dict[str, Any]) -> list[dict[str, Any]]:
    (fix,) = [n for n in tree["nodes"] if n["kind"] == "outcome" and n["id"] != "not_this_article"]
    return list(fix["steps"])


def test_example_settings_stay_paired_with_their_descriptions_under_the_step() -> None:
    """'Add the following line' over 'MaxPhysPage=<nnn>' and its examples ('To limit ...
    to 16 MB, add the following line:' / 'MaxPhysPage=FFF'): each example's description
    stays with its own setting in the step's detail, none ticked with the next one's."""
    article = mskb(
        SYMPTOMS + "CAUSE\n=====\n\nThe memory is defective.\n\n"
        "RESOLUTION\n==========\n\nLimit the memory that Windows uses:\n\n"
        "  1. Open the System.ini file in Notepad.\n\n"
        "  2. Add the following line in the [386Enh] section of the file\n\n"
        "  MaxPhysPage=<nnn>\n\n"
        "     where <nnn> determines the amount of memory Windows uses.\n\n"
        "     To limit Windows to the first 16 MB of memory, add the following line:\n\n"
        "  MaxPhysPage=FFF\n\n"
        "     To limit Windows to the first 8 MB of memory, add the following line:\n\n"
        "  MaxPhysPage=7FF\n\n"
        "  3. Save and then close the System.ini file.\n"
    )
    ticked = steps(draft_tree(article))
    texts = [s["text"] for s in ticked]
    assert not any("MaxPhysPage" in t for t in texts)
    (add,) = [s for s in ticked if s["text"].startswith("Add the following line")]
    detail = add["detail"].split("\n\n")
    assert detail[-4:] == [
        "To limit Windows to the first 16 MB of memory, add the following line:",
        "MaxPhysPage=FFF",
        "To limit Windows to the first 8 MB of memory, add the following line:",
        "MaxPhysPage=7FF",
    ]
    draft_text(article)


def test_a_for_example_value_is_shown_with_its_lead_not_ticked_with_the_next() -> None:
    """'... add the path to the folders. For example:' over '"C:\\Symbols\\dll"', then
    'Multiple paths are separated by a semicolon. For example:' over two paths: both
    examples are the step's detail, the second path never a tick of its own."""
    article = mskb(
        SYMPTOMS + "CAUSE\n=====\n\nThe debugger does not find the symbol files.\n\n"
        "RESOLUTION\n==========\n\n"
        "  1. Double-click Pdb Dirs.\n\n"
        "  2. In the Value data box, add the path to the folders where the .pdb files\n"
        "     are located. For example:\n\n"
        '  "C:\\Symbols\\dll" (without the quotation marks)\n\n'
        '     Multiple paths are separated by the semicolon (";") character. For\n'
        "     example:\n\n"
        '  "C:\\Symbols\\dll;C:\\Symbols\\ocx" (without the quotation marks)\n\n'
        "  3. Click OK.\n"
    )
    ticked = steps(draft_tree(article))
    assert [s["text"] for s in ticked] == [
        "Double-click Pdb Dirs.",
        "In the Value data box, add the path to the folders where the .pdb files are"
        " located. For example:",
        "Click OK.",
    ]
    assert ticked[1]["detail"].endswith(
        '"C:\\Symbols\\dll;C:\\Symbols\\ocx" (without the quotation marks)'
    )
    draft_text(article)
