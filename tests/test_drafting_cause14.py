"""Round 14 (cause14): outcome text that says what the article gives, not more."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, fix_ticks, fixes, runbook, support

from kbassist.drafting.tree import draft_tree

mskb = partial(archive, id_="Q999914", title="Report Data Lost When Shared")

SUPPORT = (
    "If you cannot resolve the issue, log in to the\n"
    "[Customer Portal](https://access.redhat.com) and open a support case,\n"
    "attaching the artifacts gathered during the diagnosis procedure."
)
DIAGNOSIS = """## Meaning

This alert fires when the widget controller is down.

## Diagnosis

1. Check the widget controller pod:

   ```bash
   $ oc get pods -n widgets -l app=widget-controller
   ```

2. Check the controller logs for error messages:

   ```bash
   $ oc logs -n widgets deploy/widget-controller
   ```
"""


def _diagnose_only(mitigation: str) -> dict:
    return draft_tree(runbook(f"{DIAGNOSIS}\n## Mitigation\n\n{mitigation}\n", id_="WidgetDown"))


def test_runbook_with_only_the_support_case_says_it_gives_checks_only() -> None:
    """A Mitigation that is only the support-case line is no fix titled "Mitigation":
    the outcome says the runbook gives checks only, then escalates."""
    (outcome,) = fixes(_diagnose_only(SUPPORT))
    assert outcome["title"] != "Mitigation"
    assert "escalate" in outcome["title"].lower()
    assert "no fix steps" in outcome["text"]
    (tick,) = fix_ticks(outcome)  # round 30: after the Diagnosis checks, ticked first
    assert "did not clear the alert" not in tick  # there are no fix steps above it
    assert tick.startswith("Escalate") and "open a support case" in tick


def test_try_to_find_the_root_cause_is_quoted_not_hidden_behind_a_fix_title() -> None:
    """ "Try to identify the root cause and resolve the issue" is quoted as all the
    Mitigation says; the Diagnosis info step does not promise a fix."""
    tree = _diagnose_only(
        "Based on the information obtained during the diagnosis procedure, try to\n"
        "identify the root cause and resolve the issue.\n\n" + SUPPORT
    )
    (outcome,) = fixes(tree)
    assert outcome["title"].startswith("No documented fix")
    assert 'says only "Based on the information obtained' in outcome["text"]
    texts = " ".join(str(n.get("text", "")) for n in tree["nodes"] if n["kind"] == "info")
    assert "before the fix" not in texts


BUG = """SYMPTOMS
========

When two users save the same shared report, data that is entered in the report may be
lost.

CAUSE
=====

The report file is opened with full access rights by more than one user.

RESOLUTION
==========

To work around this problem, contact the owner of the report before you enter data in
the report.

STATUS
======

Microsoft has confirmed this to be a problem in Microsoft Report Writer 1.0.
"""


def test_a_confirmed_bugs_workaround_is_titled_workaround_and_says_no_fix() -> None:
    """A RESOLUTION that opens "To work around this problem" under a confirmed, unfixed
    STATUS is titled "Workaround", and its text says there is no fix."""
    (outcome,) = fixes(draft_tree(mskb(BUG)))
    assert outcome["title"].startswith("Workaround: Contact the owner of the report")
    assert outcome["text"].startswith("No fix: Microsoft has confirmed this to be a problem")


def test_a_workaround_fixed_in_a_later_release_is_titled_workaround_not_no_fix() -> None:
    """A STATUS that names the release fixing it: still titled "Workaround" (not
    "Resolution"), but the outcome does not claim there is no fix."""
    fixed = BUG.replace(
        "Writer 1.0.", "Writer 1.0. This problem was corrected in Report Writer 2.0."
    )
    (outcome,) = [o for o in fixes(draft_tree(mskb(fixed))) if o["title"].startswith("Work")]
    assert outcome["title"].startswith("Workaround:")
    assert "No fix" not in str(outcome.get("text", ""))


PER_OS = """## Symptoms

Two-sided printing cannot be set when you print from an app.

## Cause

The app's print pane does not show the printer's duplex option.

## Workaround

### Windows 8

1. Open the item that you want to print.
2. Tap **Devices**, and then tap **Print**.
3. Tap **More settings**, and then set **Duplex printing**.

### Windows 8.1

1. Open the item that you want to print.
2. Tap **Devices**, and then tap **Print**.
3. Select the **Use these settings in all applications** option.
"""


def test_fixes_that_differ_only_by_os_version_ask_the_version_not_a_preference() -> None:
    """Workaround sub-headings "Windows 8" / "Windows 8.1" are asked as the version the
    admin runs, not "How do you want to work around it?"."""
    tree = draft_tree(support(PER_OS, title="Two-sided printing cannot be set"))
    (question,) = [
        n for n in tree["nodes"] if n["kind"] == "question" and n["id"] not in ("symptom",)
    ]
    assert question["title"] == "Which version do you run?"
    assert [c["label"] for c in question["choices"]][:2] == ["Windows 8", "Windows 8.1"]


def test_a_mitigation_that_only_finds_out_more_is_not_titled_as_a_fix() -> None:
    """ "Review the mirror pod to find out more information about the problem" is all the
    Mitigation says: the outcome is titled as an investigation with no fix steps."""
    tree = _diagnose_only(
        "Review [the mirror pod](helpers/podDebug.md) to find out more information about\n"
        "the problem.\n\n"
        "[gather_logs](helpers/gatherLogs.md) to provide more information to support\nteams."
    )
    (outcome,) = fixes(tree)
    assert outcome["title"] != "Mitigation"
    assert "no fix steps" in outcome["title"]
    assert "no fix steps" in outcome["text"]


META = """This article describes why can't delete a file or a folder on an NTFS file system
volume. It also provides help to solve this issue.

## Cause 1: The file is being used

The file is open in another program.

## Resolution

1. Close the program that has the file open.
2. Delete the file again.
"""


def test_a_meta_opening_is_said_as_the_problem_the_admin_sees() -> None:
    """ "This article describes why can't delete a file ..." is asked as "You can't delete
    a file ...", without "It also provides help"."""
    tree = draft_tree(support(META, title="Can't delete files on NTFS"))
    assert tree["symptom"] == "You can't delete a file or a folder on an NTFS file system volume."


def test_a_solution_to_an_error_is_asked_as_the_error() -> None:
    """ "This article presents advanced troubleshooting steps for the STOP 0xC000021A error"
    is asked as the error itself, in the symptom question too."""
    body = META.replace(
        "This article describes why can't delete a file or a folder on an NTFS file system\n"
        "volume. It also provides help to solve this issue.",
        "This article presents advanced troubleshooting steps for the STOP 0xC000021A error.",
    )
    tree = draft_tree(support(body, title="Troubleshoot STOP 0xC000021A"))
    assert tree["symptom"] == "The STOP 0xC000021A error."
    (question,) = [n for n in tree["nodes"] if n["id"] == "symptom"]
    assert "This article presents" not in question["text"]


def test_a_cause_that_leans_on_the_sentence_before_is_said_whole() -> None:
    """ "That cause is insufficient privileges in the msdb database" is drafted as "The
    cause is ...", not a fragment pointing at a sentence the walk never shows."""
    body = """## Symptoms

You receive an error when you open Object Explorer.

## Cause

The text of the error may vary. That cause is insufficient privileges in the msdb database.

## Resolution

1. Grant the guest user CONNECT permission in the msdb database.
"""
    tree = draft_tree(support(body, title="Error when you disable the guest user"))
    assert not tree["cause"].startswith("That cause")
    assert "The cause is insufficient privileges in the msdb database." in tree["cause"]
