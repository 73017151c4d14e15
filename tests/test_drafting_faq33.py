"""Lists read whole (round 32, faq33): a FAQ's every question with its whole wording, an
item's every step with its commands, a reference's whole requirements list, and a list of
bugs told as a list to look the problem up in, never walked as one problem."""

from __future__ import annotations

import time
from functools import partial

from drafting_support import archive

from kbassist.drafting import list_items, not_one
from kbassist.drafting.tree import draft_tree

mskb = partial(archive, id_="Q999633", product="Microsoft Mail Gateway to Fax")

FAQ = """
SUMMARY
=======

The following is a list of frequently asked questions about the fax gateway.

1. Q. Which articles cover the most common fax gateway issues?

  A.

  Q999101: FAX: Cover Page Prints Twice
  Q999102: FAX: Gateway Stops After Modem Reset

2. Q. Why does an outgoing fax arrive, but an inbound fax is never delivered, with the
  fax gateway on a second postoffice?

  A. The gateway delivers inbound faxes to its own postoffice only.

3. Q. What makes the fax gateway stop responding?

  A. There are three known configurations that can cause it:

   - The gateway and the postoffice should be on the same network segment.

   - Use one protocol per network card.

   - Install the updated modem driver.

4. Q. Can I rebuild the fax address list right away?

  A. Yes, you can:

  1. On the gateway computer, press CTRL+S to save the fax list to a file.

  2. Copy the file to the MAILDATA directory.

  To rebuild the address list
  ---------------------------

  Run the following commands from the postoffice's drive

  import admin -p<password> -ffaxlist.txt
  rebuild -f

  The Import utility updates the network list.

More information on this topic may be available from Microsoft Information
Services. Microsoft Information Services are available on the World Wide
Web by connecting to http://www.example.com.
"""


def _labels(tree: dict) -> list[str]:
    return [c["label"] for c in tree["nodes"][0]["choices"]]


def _node(tree: dict, node_id: str) -> dict:
    return next(n for n in tree["nodes"] if n["id"] == node_id)


def test_a_question_whose_answer_starts_on_its_own_line_is_offered() -> None:
    """An "A." alone on its line (a list of articles under it) still makes an item."""
    tree = draft_tree(mskb(title="FAX: Frequently Asked Questions", body=FAQ))
    assert "Which articles cover the most common fax gateway issues?" in _labels(tree)


def test_a_long_question_is_offered_whole() -> None:
    """A question with commas is its whole question, not its first clause."""
    labels = _labels(draft_tree(mskb(title="FAX: Frequently Asked Questions", body=FAQ)))
    assert any(lb.startswith("Why does an outgoing fax arrive, but") for lb in labels)
    assert "Why does an outgoing fax arrive" not in labels


def test_an_items_statement_steps_and_commands_are_kept() -> None:
    """Every listed configuration is a step, and a headed part's commands stay line by line."""
    tree = draft_tree(mskb(title="FAX: Frequently Asked Questions", body=FAQ))
    hang = " ".join(s["text"] for s in _node(tree, "item_3")["steps"])
    assert "same network segment" in hang and "updated modem driver" in hang
    rebuild = _node(tree, "item_4")["steps"]
    texts = " ".join(s["text"] for s in rebuild)
    details = "\n".join(s.get("detail", "") for s in rebuild)
    # the part's heading is shown over its first step, not ticked (round 36)
    assert "CTRL+S" in texts and "To rebuild the address list" in details
    assert "import admin -p<password> -ffaxlist.txt\nrebuild -f" in details


def test_a_contact_paragraph_is_no_part_of_the_last_answer() -> None:
    """The "Microsoft Information Services" pointer after the last answer is not told."""
    tree = draft_tree(mskb(title="FAX: Frequently Asked Questions", body=FAQ))
    said = str(_node(tree, "item_4"))
    assert "Information Services" not in said


REQUIREMENTS = """
SUMMARY
=======

This article lists the minimum system requirements for Contoso Atlas 2001.

MORE INFORMATION
================

To run Contoso Atlas 2001, you need:

- A PC with a Pentium 90 MHz or higher processor and a quad-speed or faster CD-ROM drive
- Windows 95 or later, or Windows NT Workstation 4.0 with Service Pack 3 or later installed
- 20 MB of RAM for Windows 95; 36 MB of RAM for Windows NT Workstation 4.0 or later
- 190-245 MB of available hard disk space (your usage will vary with the configuration)
- Super VGA, 256-color monitor supporting 640 x 480 or higher resolution
- Microsoft Mouse, Microsoft IntelliMouse, or a compatible pointing device for the map
  window, the route planner and the territory manager
- Microsoft Data Access Components 2.1 with Service Pack 1, installed by Setup when it is
  not already installed (an extra 50 MB of hard disk space is then needed)

Additional items or services required to use certain features:

- Internet Explorer 4.01 or later browser software (Internet Explorer 5.01 is included)
- 9600 baud modem; a 28,800 or higher-baud modem is recommended for downloads
- Microsoft Exchange or other MAPI-compliant messaging software to use Send To
- Access to the Internet requires a separate fee to an Internet service provider
- GPS functionality requires a GPS device that supports NMEA 2.0 or later.

NOTE: Exporting maps into Office programs requires Office 97 or later versions.
"""


def test_a_requirements_list_is_told_to_its_last_line() -> None:
    """A reference's requirements list loses no line (GPS, Office 97 kept)."""
    tree = draft_tree(
        mskb(title="Contoso Atlas 2001: Minimum System Requirements", body=REQUIREMENTS)
    )
    said = _node(tree, "reference")["steps"][0]["detail"]
    assert "NMEA 2.0" in said and "Office 97" in said and "MAPI-compliant" in said


BUGS = """
SUMMARY
=======

The following is a list of bugs confirmed in version 3.1 of Contoso Server. This is not a
comprehensive list.

MORE INFORMATION
================

BUG LISTING FOR VERSION 3.1
---------------------------

- Cannot Log On as Admin After Creating a Backup Server

- Err Msg: "Not enough memory for Write"

- Mouse Races and Jumps Across Screen

- Server Manager: Changing Share Path Resets Permissions

- Full Screen MS-DOS Application Runs Slowly

- Cannot Install Driver From a Directory Name That Has a Space
"""


def test_a_list_of_bugs_is_a_list_to_look_up_not_one_problem() -> None:
    """Each listed bug is told; nothing is asked as one symptom with inputs."""
    tree = draft_tree(mskb(title="Summary List of Contoso Server 3.1 Bugs", body=BUGS))
    assert [n["id"] for n in tree["nodes"]] == ["reference"]
    said = tree["nodes"][0]["steps"][0]["detail"]
    assert "Mouse Races" in said and "Has a Space" in said
    assert "6 separate problems" in tree["nodes"][0]["text"]


def test_the_patterns_are_linear_on_hostile_text() -> None:
    """20 KB of near-matches reads in well under a second."""
    hostile = [
        "  A." + " " * 20000,
        "\n- " + "x" * 20000,
        ("Q123456 " + "a " * 50 + "\n") * 200,
        "list of " + "bugs " * 4000,
        "  1. " + "run the following " * 1000 + "\n\n" + "-" * 5000,
    ]
    for text in hostile:
        started = time.perf_counter()
        not_one._A_RE.findall(text)
        list_items.blocks(text)
        list_items._BUG_LIST_TITLE_RE.search(text)
        list_items._ANNOUNCES_RE.search(text)
        list_items._LISTED_RE.match(text)
        list_items.item_steps(text, not_one._ACTION_RE)
        assert time.perf_counter() - started < 1.0


README_PART = """
SUMMARY
=======

The following is the text of the README.TXT file that comes with Contoso Atlas.

MORE INFORMATION
================

Setup Notes
-----------

To run Contoso Atlas, you need:

- 486SX or higher microprocessor
- 8 MB of memory (6 MB minimum)
- Sound card and speakers

If Setup stops, close all applications and run Setup again.

Display Problems
----------------

Maps can look grainy with some display drivers. Switch to the standard VGA driver.

Printing Problems
-----------------

Some printers print maps slowly. Use the printer's draft mode.
"""


def test_a_requirements_list_inside_an_item_is_told_not_ticked() -> None:
    """An item's list of hardware is information; its real action stays a step."""
    tree = draft_tree(mskb(title="Contoso Atlas: Contents of README.TXT", body=README_PART))
    setup = _node(tree, "item_1")["steps"]
    texts = [s["text"] for s in setup]
    assert not any(t.startswith("486SX") for t in texts)
    assert any("close all applications" in t for t in texts)
