"""Round 35 (nocause35): a cause the article states ("This is normally due to X", "X is
designed to Y", a Status's "confirmed that it's a problem", a runbook Meaning's condition
after its opening sentence) is the draft's cause line, never "gives no cause"."""

from __future__ import annotations

import time

from drafting_support import archive, runbook, support

from kbassist.drafting import said_reason
from kbassist.drafting.tree import draft_tree

GAME = """SYMPTOMS
========

When you run Space Explorer on a computer with a Nova sound card, the program may stop
responding when the star map is displayed.

This is normally due to the MIDI configuration for the sound card.

RESOLUTION
==========

1. Open MIDI Mapper in Control Panel.
2. Select Nova Synth for all channels, and then save the changes.
"""


def test_normally_due_to_is_the_cause() -> None:
    """'This is normally due to X' in SYMPTOMS is the cause line, not 'gives no cause'."""
    tree = draft_tree(archive(GAME))
    assert tree["cause"] == "This is normally due to the MIDI configuration for the sound card."


IMAGING = """## Summary

When you run the Imaging Prep tool, you receive the following error message:

> A fatal error occurred while preparing the image.

The fatal error is designed to prevent the deployment of a damaged image. The tool can't
undo its changes when a phase fails.

To resolve this error, build the image again.
"""


def test_designed_to_is_the_cause_with_what_it_cannot_do() -> None:
    """'X is designed to prevent Y' is the cause, with the 'can't' sentence after it."""
    tree = draft_tree(support(IMAGING))
    assert tree["cause"].startswith("The fatal error is designed to prevent the deployment")
    assert "can't undo its changes" in tree["cause"]


LEASE = """## Symptoms

When a client starts, it may receive a negative acknowledgment from a server whose scope is
disabled.

Previous to Contoso Server 4.0 Update 4, this behavior wasn't present.

## Resolution

To resolve this problem, install the latest update for Contoso Server 4.0.

## Status

Microsoft has confirmed that it's a problem in the Microsoft products that are listed at the
beginning of this article.
"""


def test_confirmed_problem_is_the_cause_with_when_it_came_in() -> None:
    """A modern Status's 'confirmed that it's a problem' is the cause, dated by Symptoms."""
    tree = draft_tree(support(LEASE))
    assert tree["cause"].startswith("Microsoft has confirmed that it's a problem")
    assert "Previous to Contoso Server 4.0 Update 4" in tree["cause"]


QUOTA = """## Meaning

This is the next stage once we have reached [QuotaObjectsAlert](QuotaObjectsAlert.md).
The bucket claim has crossed the limit set by the byte quota and will be read-only now.

## Impact

The bucket is full.

## Mitigation

Increase the quota limit on the bucket claim.
"""


def test_runbook_meaning_condition_after_its_first_sentence() -> None:
    """A Meaning's condition in its second sentence is the cause, its effect set apart."""
    tree = draft_tree(runbook(QUOTA, id_="QuotaBytesAlert"))
    assert tree["cause"].startswith("The bucket claim has crossed the limit")
    assert "as a result, it will be read-only now" in tree["cause"]


TRANSFER = """SYMPTOMS
========

When you send mail over a dial-up connection, all the processor time is used while the
messages are sent.

MORE INFORMATION
================

This is by design. For performance reasons the 16-bit client uses all the processor time
during transfers.
"""


def test_by_design_keeps_the_reason_said_next() -> None:
    """'This is by design.' is the cause with the 'For performance reasons' sentence after."""
    tree = draft_tree(archive(TRANSFER))
    assert tree["cause"].startswith("This is by design. For performance reasons the 16-bit")


NEGATED = """SYMPTOMS
========

The report prints blank pages. This behavior is not by design.

RESOLUTION
==========

Reinstall the printer driver.
"""


def test_a_negated_design_is_no_cause() -> None:
    """'This behavior is not by design' is no cause: the draft still says it gives none."""
    tree = draft_tree(archive(NEGATED))
    assert tree["cause"].endswith("gives no cause.")


def test_reason_patterns_are_linear_on_hostile_text() -> None:
    """The patterns finish quickly on 20 KB of text built to make them backtrack."""
    hostile = "This " + "is normally the " * 1300 + "x"
    start = time.perf_counter()
    for pattern in (
        said_reason._ADVERB_DUE_RE,
        said_reason._DESIGN_RE,
        said_reason._OCCURS_RE,
        said_reason._DATED_RE,
        said_reason._CONFIRMED_RE,
        said_reason._WHY_RE,
    ):
        pattern.search(hostile)
        pattern.search("previous to " + "4.0 this " * 2500)
    assert time.perf_counter() - start < 1.0
