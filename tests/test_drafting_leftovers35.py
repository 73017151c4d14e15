"""Round 33 leftovers35: stages of one fix, sample-code alternatives, headed scene labels."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from drafting_support import archive

from kbassist.drafting.code_alternatives import code_shaped
from kbassist.drafting.not_options import scene_label
from kbassist.drafting.procedure_stages import lead_verb, stages
from kbassist.drafting.tree import draft_tree


def _draft(tmp_path: Path, title: str, body: str) -> dict[str, Any]:
    """The draft of a synthetic MS KB article (nothing is written: `tmp_path` unused)."""
    return draft_tree(archive(body, id_="Q999435", title=title))


def _outcomes(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        n
        for n in tree["nodes"]
        if n.get("kind") == "outcome" and n["id"] not in ("not_this_article", "none_of_these")
    ]


def _labels(tree: dict[str, Any]) -> list[str]:
    return [c["label"] for n in tree["nodes"] for c in n.get("choices", [])]


_STAGED = """SYMPTOMS
========

When you try to connect to the online service, you receive the following error
message: This computer is not set up for networking.

CAUSE
=====

A third-party network client can keep the adapter from being installed.

RESOLUTION
==========

To resolve this issue, remove and reinstall the dialer. To do so, use the
following steps:

1. Click Start, point to Settings, and then click Control Panel.

2. Double-click Add/Remove Programs.

3. Click the dialer check box to clear it, and then click OK.

4. Close Control Panel, and then restart the computer.

Add the network adapter and the TCP/IP protocol to the network configuration.
To do so, follow these steps:

1. Click Start, point to Settings, and then click Control Panel.

2. Double-click Network.

3. Click Add, click Adapter, and then click OK.

4. When you are prompted to restart your computer, click Yes.
"""


def test_second_led_procedure_goes_on_with_the_announced_fix(tmp_path: Path) -> None:
    """ "To resolve this issue, remove X" then "Add Y. To do so, ..." is one fix, not two."""
    tree = _draft(tmp_path, "Cannot Set Up Networking for the Online Service", _STAGED)
    outcomes = _outcomes(tree)
    assert len(outcomes) == 1
    steps = " ".join(s["text"] for s in outcomes[0]["steps"])
    assert "Add/Remove Programs" in steps and "Double-click Network" in steps


def test_ways_to_one_end_stay_two_choices() -> None:
    """Two leads doing the same thing for different targets stay ways, not stages."""
    assert not stages(
        [
            "To change the default spool directory for all printers:",
            "To change the spool directory for a specific printer:",
        ]
    )
    assert not stages(
        ["To manually set the Browser and Server services:", "To remove the services:"]
    )
    assert not stages(
        [
            "To resolve this issue, install the update.",
            "To work around this issue, disable the cache. To do so, follow these steps:",
        ]
    )
    assert stages(
        [
            "To determine the version of the file on your computer, follow these steps:",
            "To replace the file on your computer, follow these steps:",
        ]
    )
    assert lead_verb("To manually set the Browser service:") == "set"
    # "increase A or B" announces two ways: "To determine A" is how to pick one of them
    assert not stages(
        [
            "To resolve this issue, increase the amount of memory or hard disk space.",
            "To determine the amount of memory installed in your computer, follow these steps:",
        ]
    )
    assert not stages(
        [
            "To determine the amount of memory installed in your computer, follow these steps:",
            "To increase the amount of available hard disk space, follow these steps:",
        ]
    )
    # a lead that only points at its steps announces no action to go on with
    assert not stages(
        [
            "To resolve this problem in Windows 95, follow these steps:",
            "To change the conflicting resource, follow these steps:",
        ]
    )


_LISTINGS = """SUMMARY
=======

This article shows how to restore the default shortcut keys in the editor.

MORE INFORMATION
================

To assign the default values, run one of the following Visual Basic for
Applications macros:

     Sub EnableKeys()
        CustomizationContext = NormalTemplate

        KeyBindings.Add KeyCode:=BuildKeyCode(wdKeyF4, wdKeyControl), _
           KeyCategory:=wdKeyCategoryCommand, Command:="DocClose"
     End Sub

-or-

     Sub ResetKeys()
        'Resets every key assignment
        CustomizationContext = NormalTemplate
        KeyBindings.ClearAll
     End Sub
"""


def test_or_listings_are_named_by_their_macro(tmp_path: Path) -> None:
    """Two macros either side of "-or-" are offered by name, their code shown whole."""
    tree = _draft(tmp_path, "WD: How to Restore the Default Shortcut Keys", _LISTINGS)
    labels = _labels(tree)
    assert "Run the EnableKeys macro" in labels
    assert "Run the ResetKeys macro" in labels
    assert not any("KeyBindings" in label or "Sub " in label for label in labels)
    details = [s.get("detail", "") for o in _outcomes(tree) for s in o["steps"]]
    assert any(d.startswith("Sub EnableKeys()") and "End Sub" in d for d in details)


_HEADED_SCENE = """SYMPTOMS
========

When you create a link to a page in the current web, the link loses its prefix.

WORKAROUND
==========

To create an absolute link to a file in the current web
-------------------------------------------------------

In the Edit Link dialog box, type the full URL in the Page box.

To modify an absolute link to a page in the current web
-------------------------------------------------------

In the Edit Link dialog box, make sure that the Page box on the Current Web tab
contains the full URL before you click OK or Apply.
"""


def test_headed_fix_opening_with_a_scene_is_named_by_its_heading(tmp_path: Path) -> None:
    """A sub-heading names its fix; the scene's action is not glued on after it."""
    tree = _draft(tmp_path, "Links to the Current Web Lose Their Prefix", _HEADED_SCENE)
    labels = _labels(tree)
    assert any(label.endswith("absolute link to a page in the current web") for label in labels)
    assert not any(": Make sure" in label for label in labels)


_CASE_HEADED = """SYMPTOMS
========

When you update a chart, the linked range is not refreshed.

WORKAROUND
==========

Case 1: Selecting Ignore Other Applications
-------------------------------------------

In the Options dialog box, clear the Ignore Other Applications check box.

Case 2: Using a Macro to Open the File
--------------------------------------

In the macro, open the linked file before you update the chart.
"""


def test_case_heading_keeps_the_fix_action(tmp_path: Path) -> None:
    """A sub-heading that only names a case still shows its fix's action, in the label or
    (when the case is asked, cases40) in the title of the fix the case leads to."""
    tree = _draft(tmp_path, "Linked Chart Range Is Not Refreshed", _CASE_HEADED)
    names = _labels(tree) + [str(n.get("title", "")) for n in _outcomes(tree)]
    assert any("clear the ignore other applications check box" in x.casefold() for x in names)


def test_scene_label_keeps_whole_phrases() -> None:
    """A turned-round scene label announcing a listing ends at its colon, a long one before
    its purpose clause, never mid-phrase."""
    command = "At the MS-DOS command prompt, use the following command: For more help, type it."
    label = scene_label(command, "At the MS-DOS command prompt", lambda t: True)
    assert label == "Use the following command at the MS-DOS command prompt"
    long = (
        'In the code shown below, move the "RELEASE WINDOW test" line of code so that it '
        'appears before the "CLOSE DATABASES" line of code to prevent the crash.'
    )
    label = scene_label(long, "In the code shown below", lambda t: True)
    assert label == 'Move the "RELEASE WINDOW test" line of code'


def test_new_patterns_are_linear_on_hostile_text() -> None:
    """The new line and lead patterns answer a hostile 20 KB string quickly."""
    hostile = "a(" * 5000 + "b.c" * 2000 + ", " * 1000
    start = time.perf_counter()
    code_shaped(hostile[:290])
    lead_verb("To resolve this issue, " + hostile)
    stages(["To resolve this issue, " + hostile, hostile])
    scene_label("In " + "x " * 40 + ", " + hostile, "In", lambda t: True)
    assert time.perf_counter() - start < 2.0
