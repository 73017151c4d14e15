"""Round 34 morefix35: fixes the article gives that the walk dropped."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from drafting_support import archive

from kbassist.drafting.added_in import added_in
from kbassist.drafting.advice_parts import advised
from kbassist.drafting.listed_ways import way_title
from kbassist.drafting.stage_actions import lead_action
from kbassist.drafting.text import Para
from kbassist.drafting.tree import draft_tree


def _draft(body: str, title: str = "Printing fails") -> dict[str, Any]:
    """The draft of a synthetic MS KB article."""
    return draft_tree(archive(body, id_="Q999351", title=title))


def _outcomes(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        n
        for n in tree["nodes"]
        if n.get("kind") == "outcome" and n["id"] not in ("not_this_article", "none_of_these")
    ]


def _steps(outcome: dict[str, Any]) -> str:
    return " ".join(str(s.get("text", "")) for s in outcome.get("steps", []))


_HEADED_AFTER_LIST = """SYMPTOMS
========

When you print a chart from the program, you receive the following error message:

  The chart could not be printed.

CAUSE
=====

This problem can occur if you raised the resolution in your printer driver, or
your printer driver may be outdated.

RESOLUTION
==========

To prevent this problem, use one of the following methods.

- Do not raise the resolution in your printer driver when you print charts.

- Do not use the High Detail chart setting when you print charts.

Install the Latest Driver for Your Printer:

Contact the maker of your printer to ask how to obtain and install the latest
driver for your printer.
"""


def test_titled_way_after_a_list_is_offered(tmp_path: Path) -> None:
    """A Title-Case way after a "one of the following" list is a fix to choose, not lost."""
    outcomes = _outcomes(_draft(_HEADED_AFTER_LIST))
    assert len(outcomes) == 3
    assert outcomes[2]["title"] == "Install the Latest Driver for Your Printer"
    assert "Contact the maker of your printer" in _steps(outcomes[2])


_OR_IN_ITEM = """SYMPTOMS
========

Classes derived from the stream class call the base flush() instead of their own.

CAUSE
=====

The stream class calls stream::flush() instead of calling flush().

RESOLUTION
==========

You can use one of the following workarounds to this problem:

- Do not define the virtual function flush() in your derived class.

  -or-

  define your own versions of put() and get() in the derived class.

- Change the stream::put() function to call flush() instead of stream::flush().
  You can find the source code in the following location:

  ...\\LIB\\Src\\Stream.cpp
"""


def test_items_after_an_or_inside_an_item_are_ways(tmp_path: Path) -> None:
    """An `-or-` inside one bullet splits it in two; the bullet after it is a third way."""
    titles = [o["title"] for o in _outcomes(_draft(_OR_IN_ITEM, "Stream Calls flush()"))]
    assert len(titles) == 3
    assert titles[2].startswith("Change the stream::put() function to call flush()")


_OR_THEN_THIRD = """SYMPTOMS
========

When you start the program, you receive the following error message:

  Error loading VIDEO.DRV

RESOLUTION
==========

To work around this problem, try one of the following steps.

- Install the matching Small Fonts display driver.

  -or-

- Obtain and install the Large Fonts display driver.

- Install another display driver that your display supports, such as the
  Super VGA display driver.
"""


def test_item_after_the_or_pair_is_a_way(tmp_path: Path) -> None:
    """ "- A / -or- / - B / - C" under a choose-one lead offers C too."""
    titles = [o["title"] for o in _outcomes(_draft(_OR_THEN_THIRD, "Video Driver Error"))]
    assert len(titles) == 3
    assert titles[2].startswith("Install another display driver")


_ITEM_STEPS = """SYMPTOMS
========

The server stops answering address requests.

RESOLUTION
==========

To work around this problem, do one of the following:

- Copy the LIBRARY.DLL file from a computer that does not have this problem.

  -or-

- Replace LIBRARY.DLL with the file on the product compact disc:

- Insert the product compact disc into your CD-ROM drive.

- Copy the LIBRARY.DL_ file to a temporary folder on your hard disk.
"""


def test_steps_of_the_last_item_stay_steps(tmp_path: Path) -> None:
    """Bullets under an item that ends with a colon are its steps, never more fixes."""
    outcomes = _outcomes(_draft(_ITEM_STEPS, "Address Requests Fail"))
    assert len(outcomes) == 2
    assert not any(o["title"].startswith(("Insert", "Copy the LIBRARY.DL_")) for o in outcomes)


_ADDED = """SYMPTOMS
========

The screen capture key does not work in a remote session to the old server.

CAUSE
=====

This functionality is not available through the version 4.0 client.

RESOLUTION
==========

This functionality has been added on the Windows 2000 Server with Terminal
Services and the RDP 5.0 client.
"""


def test_feature_added_in_release_is_an_upgrade(tmp_path: Path) -> None:
    """ "This functionality has been added on <release>" is an upgrade, not 'tell the user'."""
    (outcome,) = _outcomes(_draft(_ADDED, "Screen Capture Key Does Not Work"))
    assert _steps(outcome).startswith("Upgrade to the Windows 2000 Server with Terminal Services")
    assert "Tell the user" not in _steps(outcome)
    assert "Upgrade to" in outcome["title"]


def test_added_in_reads_only_a_named_release() -> None:
    """A future or unnamed release is no upgrade to do."""
    assert added_in("This feature will be added in a future release of Word.") == ""
    assert added_in("This feature is available in the Office Resource Kit.") == ""
    assert added_in("This feature has been added in Microsoft Word 2000.") == (
        "Upgrade to Microsoft Word 2000."
    )


def test_way_title_shapes() -> None:
    """Only a Title-Case action line with a colon titles a way."""
    assert way_title(Para(["Install the Latest Printer Driver for Your Printer:"]))
    assert not way_title(Para(["Install the latest printer driver:"]))
    assert not way_title(Para(["For More Information About Printer Drivers:"]))
    assert not way_title(Para(["Microsoft Windows 98 and Windows Me:"]))


def test_hostile_lines_are_linear() -> None:
    """The new patterns stay fast on hostile 20 KB text."""
    started = time.perf_counter()
    added_in("This feature has been added in " + "A b " * 5000 + ";")
    way_title(Para(["Install " + "The " * 5000 + ":"]))
    way_title(Para(["-or" + " " * 20000]))
    advised("Testing " + "and testing " * 1700 + "is a good")
    advised("An important " + "first " * 3000 + "test is to")
    lead_action("If you " + ", you may " * 2000 + ". To determine the")
    assert time.perf_counter() - started < 1.0


_POINTED = """SYMPTOMS
========

The browser-based Site Manager is not available in Windows 2000 Professional.

CAUSE
=====

The browser-based Site Manager needs a virtual Web site, which is not supported in
Windows 2000 Professional.

RESOLUTION
==========

Use the console-based Site Manager. For additional information, click the article
number below to view the article in the Microsoft Knowledge Base:

  Q999121 The Site Manager Console Is Not Added to the Start Menu
"""


def test_lone_step_names_the_article_it_points_to(tmp_path: Path) -> None:
    """A one-step fix whose how-to is in another KB article says "see Qnnnnnn"."""
    (outcome,) = _outcomes(_draft(_POINTED, "Site Manager Not Available"))
    assert _steps(outcome) == (
        "Use the console-based Site Manager (see Q999121, The Site Manager Console Is Not"
        " Added to the Start Menu)."
    )


_STAGES = """SYMPTOMS
========

The game stops with an access violation when it starts.

RESOLUTION
==========

To resolve this issue, use the following methods in the order in which they are
presented.

Check Screen Resolution
-----------------------

Make sure the screen resolution of your desktop matches the game. To check it,
follow these steps:

1. Click Start, point to Settings, and then click Control Panel.

2. Double-click Display.

Update Video Adapter Driver
---------------------------

If your adapter meets the minimum requirements, and there is no conflict on your
computer, you may need to update to the latest video driver for your adapter.

To determine the version of your video driver:

1. Click Start, and then click Run.

2. Type dxdiag, and then click OK.

3. Note the value on the Version line.
"""


def test_stage_lead_action_is_ticked_after_its_lookup(tmp_path: Path) -> None:
    """ "You may need to update X. To determine the version: 1-3": the update is ticked."""
    outcomes = _outcomes(_draft(_STAGES, "Game Stops With Access Violation"))
    steps = [str(s["text"]) for o in outcomes for s in o.get("steps", [])]
    at = next(i for i, s in enumerate(steps) if s.startswith("Note the value on the Version"))
    assert "update to the latest video driver for your adapter" in steps[at + 1].lower()


def test_advice_section_is_offered(tmp_path: Path) -> None:
    """A support section that gives its action only as advice is a way, its action a step."""
    from kbassist.articles import load_article

    page = tmp_path / "service-busy.md"
    page.write_text(
        "---\ntitle: Service is busy\ndescription: The busy message.\n"
        "ms.topic: troubleshooting\n---\n\n# Service is busy\n\n"
        "This article helps you with the busy message.\n\n"
        "## Restart the service\n\nRestart the Remote Service service.\n\n"
        "## Policy troubleshooting\n\n"
        "Identifying and removing hardening policies is a good test while monitoring"
        " if the issue returns.\n\n"
        "We can also check the policy event logs for failures.\n",
        encoding="utf-8",
    )
    outcomes = _outcomes(draft_tree(load_article(page)))
    steps = " ".join(_steps(o) for o in outcomes)
    assert "Identify and remove hardening policies while monitoring" in steps
    assert "Check the policy event logs for failures." in steps
