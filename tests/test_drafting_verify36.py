"""Verifies and rollbacks that fit what the outcome does (round 35, verify36)."""

from __future__ import annotations

import time
from pathlib import Path

from drafting_support import archive_page_verifies

from kbassist.drafting.fit_checks import (
    diagnosis_verify,
    no_rollback,
    removes_cause,
    without_condition,
)

_UPGRADE_ARTICLE = """\
SYMPTOMS
========

When you schedule a Widget Agent job in Task Keeper, you may receive the
following error message when you click Run:

  Cannot find the file Wagent.exe. Make sure the path is correct.

CAUSE
=====

This problem can occur if your packed volume has not been upgraded from
PackSpace 1 to PackSpace 2. Widget Agent works only with PackSpace 2.

RESOLUTION
==========

To upgrade a packed volume to PackSpace 2, follow these steps:

1. Click Start, point to Programs, and then click PackSpace.

2. On the Volume menu, click Upgrade.

3. Follow the instructions on the screen.

STATUS
======

Microsoft has confirmed this to be a problem in Widget Plus. We are researching
this problem and will post new information here as it becomes available.
"""


def _verifies(tmp_path: Path, body: str) -> list[str]:
    """The drafted outcomes' verify lines of an archive-style article with `body`."""
    return archive_page_verifies(
        tmp_path, "Q990361", "Widget Err Msg: Cannot Find Wagent.exe", body
    )


def test_upgrade_that_removes_cause_checks_the_symptom_gone(tmp_path: Path) -> None:
    """An upgrade the CAUSE asks for is checked by the task working, not as a workaround."""
    verifies = _verifies(tmp_path, _UPGRADE_ARTICLE)
    assert verifies
    assert not any("work round" in v for v in verifies)
    assert not any(v.startswith("Check that you can now upgrade") for v in verifies)


def test_removes_cause_needs_the_same_action() -> None:
    """Only steps that do what the CAUSE says was not done remove the cause."""
    cause = "This happens if the driver has not been installed on the server."
    assert removes_cause(cause, "Install the driver from the CD")
    assert removes_cause(cause, "Method 2: Install the driver")
    assert not removes_cause(cause, "Remove the task from the scheduler")
    assert not removes_cause("The file is damaged.", "Install the driver")


def test_condition_of_symptom_is_dropped_from_check() -> None:
    """'Check that the service starts if X is reinstalled' loses the symptom's condition."""
    symptom = "The Gateway Service may not start if the Host Pack is removed and reinstalled."
    verify = "Check that the Gateway Service starts if the Host Pack is removed and reinstalled."
    assert without_condition(verify, symptom) == "Check that the Gateway Service starts."
    other = "Check that the service starts if you restart the computer."
    assert without_condition(other, symptom) == other


def test_rollback_denied_by_article_is_found() -> None:
    """An article that says its changes cannot be rolled back is read as offering none."""
    article = (
        "Changing permissions is risky. However, you cannot currently roll back these changes. "
        "Reinstall the operating system to return to defaults."
    )
    assert no_rollback("", article) == "However, you cannot currently roll back these changes."
    assert no_rollback("", "The corruption cannot be reversed once it happens.") == ""
    assert no_rollback("If you can't roll back the update, use Method 2.") == ""
    assert no_rollback("Deleting the profile cannot be undone.") != ""
    assert no_rollback("The agent can't roll back when it experiences errors.") == ""


def test_diagnosis_verify_becomes_the_fix_effect() -> None:
    """'Confirm that the group is missing' becomes a check that the fix restored it."""
    out = diagnosis_verify("Confirm that All Widget Packages group is missing.")
    assert out.startswith("Check that All Widget Packages group is now present")
    kept = "Check that the Start menu opens."
    assert diagnosis_verify(kept) == kept


def test_patterns_linear_on_hostile_text() -> None:
    """The round's patterns finish fast on 20 KB of hostile text."""
    hostile = ("has not been " * 1500)[:20000]
    words = ("Check that a " + "b " * 10000)[:20000]
    start = time.perf_counter()
    removes_cause(hostile, "Install it")
    without_condition(words + " starts if", hostile)
    no_rollback(("cannot " * 3000)[:20000], ("changes " * 3000)[:20000])
    diagnosis_verify("Confirm that " + "x " * 9990)
    assert time.perf_counter() - start < 1.0
