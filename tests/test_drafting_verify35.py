"""Round 34 (verify35): no verify that contradicts or garbles the article it checks."""

from __future__ import annotations

import time

from drafting_support import archive, fixes, runbook

from kbassist.drafting.runbook_verify import condition
from kbassist.drafting.tree import draft_tree
from kbassist.drafting.verify_against import (
    design_limit,
    failed_remedy,
    good_half,
    limit_said,
    listed_events_check,
    not_fault_condition,
    remedy_contradicted,
    stated_effect,
    unaffected,
    without_failed_remedy,
)

_REFRESH = """\
SYMPTOMS
========

After a package is imported into the Example Console database, no package icon appears
in the Example Console window. Pressing F5 to refresh the window does not resolve the
problem. However, the package is in the database and can be queried.

CAUSE
=====

The Example Console reads its icons only when it starts; refreshing has no effect.

RESOLUTION
==========

Quit the Example Console, and start it again. The package icons will now appear.
"""

_DESIGN_CHANGE = """\
SYMPTOMS
========

If you click the Next Slide button while you are in the notes view, the notes view
closes, and you return to the slide view. Earlier versions of Example Slides displayed
the notes of the next slide instead.

CAUSE
=====

This is a design change to prevent confusion about which notes you are editing.

WORKAROUND
==========

To edit the notes of another slide, click the Show Next button on the Notes toolbar.
"""

_NOT_AVAILABLE = """\
SYMPTOMS
========

The browser-based Example Manager (HTML) in Example Server 3.0 is not available in
Example Desktop 3.0.

CAUSE
=====

The browser-based Example Manager is implemented as a virtual site, which is not
supported in Example Desktop 3.0.

RESOLUTION
==========

Use the console-based Example Manager instead.
"""

_EVENTS = """\
SYMPTOMS
========

Every message sent from the local site to one other site is returned at once with a
non-delivery report. The application log contains 301, 142, and 290 information and
warning events similar to the following:

  301 - ExampleMTA - Routing - "Unable to route the address ... using the routing
        table. The address matches the local address space

  142 - ExampleMTA - Routing - "The MTA was unable to route the recipient ... Check
        the routing table for a possible incorrect configuration.

CAUSE
=====

A second address space on the local site matches the remote site's address.

RESOLUTION
==========

Remove the extra address space from the local site's Site Addressing page.
"""


def _verifies(article_text: str) -> list[str]:
    return [
        str(item["text"])
        for node in fixes(draft_tree(archive(article_text)))
        for item in node["verify"]
    ]


def test_failed_remedy_is_never_turned_into_a_check() -> None:
    """'Refreshing does not resolve the problem' never becomes 'check refreshing resolves it'."""
    verifies = _verifies(_REFRESH)
    assert verifies == ["Check that the package icons now appear."]
    assert not any("resolves the problem" in v for v in verifies)


def test_design_change_workaround_does_not_promise_the_behavior_gone() -> None:
    """A CAUSE that says 'This is a design change' gets no 'no longer occurs' verify."""
    verifies = _verifies(_DESIGN_CHANGE)
    assert verifies and not any("no longer occurs" in v for v in verifies)
    assert any("edit the notes of another slide" in v for v in verifies)


def test_platform_limit_is_not_promised_gone() -> None:
    """'X is not available in Y' (not supported there) is never checked as gone."""
    verifies = _verifies(_NOT_AVAILABLE)
    assert verifies and not any("no longer occurs" in v for v in verifies)
    assert any("remains" in v for v in verifies)


def test_event_listing_gives_one_short_check() -> None:
    """A symptom listing event texts checks the events gone, never quotes their text."""
    verifies = _verifies(_EVENTS)
    assert verifies == ["Check that events 301, 142 and 290 are no longer logged."]


def test_runbook_frequency_and_precondition_are_no_condition() -> None:
    """'Always triggers when it happens one or more times' is never the condition checked."""
    often = runbook(
        "## Meaning\n\nAlerts the user to a failed sync. Always triggers when the failure "
        "happens one or more times.\n\n## Diagnosis\n\nRead the logs.\n\n## Mitigation\n\n"
        "Restart the sync pod.\n"
    )
    assert "one or more times" not in condition(often)
    gated = runbook(
        "## Meaning\n\nThis alert fires when an image has no supported node.\n\n> **Note:** "
        "This only triggers if the `multiArch` feature gate is enabled.\n\n## Mitigation\n\n"
        "Add a node.\n"
    )
    assert "feature gate" not in condition(gated)
    assert "image has no supported node" in condition(gated)


def test_helpers_read_the_kinds() -> None:
    """The kinds are read by their wording, and a plain problem is left alone."""
    assert failed_remedy("Restarting the service will not help.")
    assert failed_remedy("Reinstalling the driver makes no difference.")
    assert not failed_remedy("The value in the cell does not change.")
    assert not failed_remedy("You cannot open the file.")
    assert stated_effect("Restart it. The printer should now be listed.") == (
        "Check that the printer is now listed."
    )
    assert good_half(" properly, or prevents you from opening large files") == " properly"
    assert not_fault_condition("It fires when it occurs.", "the failure occurs one or more times")
    assert limit_said("Check that the problem no longer occurs: Y is not available in Z 2.0.")
    assert not limit_said("Check that the problem no longer occurs: Y is not available.")
    assert design_limit("This is a design change.", "", "Use the toolbar.")
    assert not design_limit("This is a design change.", "", "Install the service pack.")
    assert remedy_contradicted(
        "Check that refreshing resolves the problem.", "Refreshing has no effect."
    )
    assert without_failed_remedy("Check that A fails. B does not help.", "") == (
        "Check that A fails."
    )
    assert listed_events_check("It fails.") == ""
    assert unaffected("The problem does not occur in Example Pro under Windows NT.")
    assert not unaffected("The report does not print.")


def test_look_alikes_of_the_kinds_are_left_alone() -> None:
    """A problem worded like a failed remedy, a list in brackets, a support policy: kept."""
    assert not failed_remedy("The ORG directive will not give the correct results.")
    assert not failed_remedy("The computer may hang (mouse and keyboard input has no effect).")
    assert failed_remedy("The console reads icons once; refreshing has no effect.")
    assert good_half(" the marks (underlining, bolding, or font color)") == (
        " the marks (underlining, bolding, or font color)"
    )
    assert not limit_said(
        "Check that the problem no longer occurs: X is not supported by Microsoft."
    )
    assert not design_limit("Pasting is intentionally blocked. The crash is a bug.", "", "")
    assert not design_limit(
        "Duplex is not supported in the drivers for these printers.",
        "",
        "Obtain an updated Windows 95 driver for your printer.",
    )
    assert not design_limit("The field is not available in versions prior to 4.0.", "", "")


def test_patterns_are_linear_on_hostile_text() -> None:
    """Every new pattern stays fast on a hostile 20 KB string."""
    for text in ("a " * 10000, "1, " * 7000, "does not " * 2300, "only triggers " * 1500):
        started = time.perf_counter()
        failed_remedy(text)
        stated_effect(f"The {text} will now appear.")
        limit_said(f"no longer occurs: {text}")
        listed_events_check(text)
        not_fault_condition(text, text)
        remedy_contradicted("resolves the problem", text)
        without_failed_remedy(text, text)
        design_limit(text, text, text)
        assert time.perf_counter() - started < 1.0
