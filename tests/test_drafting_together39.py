"""A how-to's sub-headed procedures that are stages of one job are one fix (round 39)."""

from __future__ import annotations

from drafting_support import archive, fixes, ticks

from kbassist.drafting.phases import job_label, stages_in_turn
from kbassist.drafting.tree import draft_tree

_HOWTO = """\
SUMMARY
=======

This article describes how to set up the Widget service.

MORE INFORMATION
================

Installing the Widget Service
-----------------------------

1. Click Start, point to Settings, and then click Control Panel.

2. Double-click Network, and then click Add on the Services tab.

Configuring the Widget Service
------------------------------

1. Click Start, point to Programs, and then click Widget Manager.

2. Type the server name in the Server box, and then click OK.
"""


def test_install_then_configure_is_one_fix() -> None:
    """'Install X' then 'Configure X' sub-headings are done in turn, not offered as a choice."""
    assert stages_in_turn(["Installing Widget", "Configuring Widget"], ["a", "b"])
    assert stages_in_turn(["To install the board", "To test the board"], ["a", "b"])


def test_later_stage_pointing_back_is_one_fix() -> None:
    """A later procedure saying 'specified in step 4 of the ...' makes the two one job."""
    bodies = ["Type a name.", "Type the name you specified in step 4 of the first part."]
    assert stages_in_turn(["S/36 Setup Screen", "Server Properties"], bodies)


def test_ready_to_next_heading_is_one_fix() -> None:
    """'you are ready to install the software' over 'To install the software' chains them."""
    bodies = ["Check it. You are now ready to install the software.", "Run setup."]
    assert stages_in_turn(["To check the line", "To install the software"], bodies)
    assert not stages_in_turn(["To check the line", "To print a page"], bodies)


def test_per_system_and_opposite_headings_stay_choices() -> None:
    """'Windows 95' / 'Windows NT', 'To enable' / 'To disable' procedures are still asked."""
    assert not stages_in_turn(["Installing on Windows 95", "Configuring Windows NT"], ["a", "b"])
    assert not stages_in_turn(["How to Enable Widget", "How to Disable Widget"], ["a", "b"])
    assert not stages_in_turn(["Method 1", "Method 2"], ["a", "b"])


def test_choice_lead_keeps_the_choice() -> None:
    """A lead 'use one of the following two methods' keeps the procedures as choices."""
    lead = "use one of the following two methods:"
    assert not stages_in_turn(["Install Widget", "Configure Widget"], ["a", "b"], lead)


def test_howto_title_names_the_job() -> None:
    """The staged fix is named by the how-to's title, said as an action."""
    assert job_label("FAX: Configuring Widget Fax Modems") == "Configure Widget Fax Modems"
    assert job_label("HOW TO: Monitor Widgets") == "Monitor Widgets"
    assert job_label("Compatibility with S/36") == ""


def test_draft_offers_no_choice_between_stages() -> None:
    """A drafted how-to with "Installing X" / "Configuring X" shows one checklist, in
    order, not "Which of these applies?"."""
    tree = draft_tree(archive(_HOWTO, title="Installing and Configuring the Widget Service"))
    outs = fixes(tree)
    assert len(outs) == 1
    shown = [t for t in ticks(outs[0])]
    assert shown[0].startswith("Click Start, point to Settings")
    assert any("Widget Manager" in t for t in shown[2:])
