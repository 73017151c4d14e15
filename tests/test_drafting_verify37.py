"""Verify lines that check the right thing (round 36, verify37)."""

from __future__ import annotations

import time
from pathlib import Path

from drafting_support import archive_page_verifies

from kbassist.articles import load_article
from kbassist.drafting.tree import draft_tree
from kbassist.drafting.verify import quoted_message
from kbassist.drafting.verify_avoided import avoided_verify
from kbassist.drafting.verify_examples import example_elided, referent_said


def _archive_verifies(tmp_path: Path, body: str) -> list[str]:
    """The drafted outcomes' verify lines of an archive-style article with `body`."""
    return archive_page_verifies(tmp_path, "Q990371", "Widget: Slides Pasted Show One", body)


def _runbook_verifies(tmp_path: Path, text: str) -> list[str]:
    """The verify lines drafted from a runbook helper page with `text`."""
    path = tmp_path / "helpers" / "accessWidget.md"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    tree = draft_tree(load_article(path))
    return [
        str(v["text"])
        for node in tree["nodes"]
        if node.get("kind") == "outcome"
        for v in node.get("verify", [])
    ]


_ONE_AT_A_TIME = """\
SYMPTOMS
========

If you copy more than one slide from the Slide Sorter and paste it into a
Widget document, you see only the first slide.

CAUSE
=====

Widget Show provides two kinds of objects: slides and presentations.

RESOLUTION
==========

To have more than one slide image appear in your Widget document, copy the
slides one at a time from Slide Sorter view.
"""


def test_limit_workaround_checks_its_goal_not_the_limited_action(tmp_path: Path) -> None:
    """A one-step 'To X, do Y' fix is checked by X, not by redoing what still fails."""
    verifies = _archive_verifies(tmp_path, _ONE_AT_A_TIME)
    assert verifies == [
        "Check that you can have more than one slide image appear in your Widget document "
        "when you copy the slides one at a time from Slide Sorter view."
    ]


def test_avoided_verify_leaves_a_fix_of_several_steps() -> None:
    """A pasted symptom over several steps stays: no one step says the goal."""
    verify = "Check that the problem no longer occurs: If you copy two slides, you see one."
    steps = ["To copy slides, click Copy.", "Restart Widget."]
    assert avoided_verify(verify, steps, False) == verify


def test_helper_page_checks_the_goal_its_lead_gives(tmp_path: Path) -> None:
    """A helper page of commands is checked by the goal its lead names."""
    verifies = _runbook_verifies(
        tmp_path,
        "# Access the Widget box\n\nRun the following to open a shell in the widget pod:\n\n"
        "    WPOD=$(oc get pods -n widgets -l app=widget-tools -o name)\n"
        "    oc rsh -n widgets $WPOD\n",
    )
    assert verifies == [
        "Check that each command above ran without an error, and that you could open a shell "
        "in the widget pod."
    ]


def test_helper_page_without_goal_or_output_says_the_commands_ran(tmp_path: Path) -> None:
    """Commands the page says nothing about are checked as run, not as 'what it shows'."""
    verifies = _runbook_verifies(
        tmp_path,
        "# Widget logs\n\nGather the widget logs:\n\n```bash\n"
        "    oc adm must-gather --image=<WIDGET-IMAGE>\n```\n",
    )
    assert verifies == ["Check that each command above ran without an error."]


def test_quoted_message_ends_before_a_second_lead_in() -> None:
    """A verify quotes the message, not the next 'The following ... :' glued to it."""
    symptom = (
        "When you run the Widget Wizard, you receive the following error message:\n\n"
        "  error occurred while committing data: WBEM_E_FAILED\n\n"
        "The following message is reported in the Widget.log file:\n\n"
        "  The program name must be less than 50 characters in length."
    )
    assert quoted_message(symptom, 220) == "error occurred while committing data: WBEM_E_FAILED"


def test_example_record_time_and_drive_are_elided() -> None:
    """An event quoted from the article shows no example timestamp or drive."""
    verify = (
        "Check that event 547 (\"The backup that started at '?2012?-?03?-?31T07:00:05.7Z' has "
        "encountered errors for the volume(s)'F:'\") is no longer logged."
    )
    assert example_elided(verify) == (
        "Check that event 547 (\"The backup that started at '...' has encountered errors for "
        "the volume(s)'...'\") is no longer logged."
    )
    log = "Check that this no longer appears: 2012-01-14 22:16:26.47 spid20s Error: 15581."
    assert example_elided(log) == "Check that this no longer appears: Error: 15581."


def test_file_date_checks_keep_their_dates() -> None:
    """A hotfix's file date is the article's figure, never an example to elide."""
    verify = "Check that Ntfs.sys is dated 11/05/98 or later: read its Modified date."
    assert example_elided(verify) == verify


def test_dangling_that_value_is_named() -> None:
    """'grows by that value' says which value, as the symptom names it."""
    symptom = (
        "The file growth value that is configured for the log file is 4 GB. However, the "
        "log file does not grow by that value."
    )
    assert referent_said("Check that the log file grows by that value.", symptom) == (
        "Check that the log file grows by the file growth value that is configured."
    )
    assert referent_said("Check that the log file grows by that value.", "It fails.") == (
        "Check that the log file grows by that value."
    )


def test_patterns_linear_on_hostile_text() -> None:
    """Long pasted text with many stamps and leads is handled quickly."""
    text = "Check that this no longer appears: " + "2012-01-14 22:16:26 | x " * 2000
    symptom = "The following error message: a " + "The following message is in x.log: b " * 500
    start = time.perf_counter()
    example_elided(text)
    referent_said("Check that it grows by that value " * 200, "the big value " * 2000)
    quoted_message(symptom, 220)
    assert time.perf_counter() - start < 2.0
