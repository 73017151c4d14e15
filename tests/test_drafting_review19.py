"""Round 19 review of rounds 17-18: patterns that must stay fast on long or odd input,
and a note marker trimmed only as a whole word."""

from __future__ import annotations

import time

from cpu_budget import budget
from drafting_support import archive, runbook

from kbassist.drafting.group_titles import without_empty_note
from kbassist.drafting.option_model import Option
from kbassist.drafting.post_fix import _prose_values
from kbassist.drafting.runbook_reread import _section_read
from kbassist.drafting.text import with_detail, without_asides


def test_blank_lines_under_a_step_are_read_fast() -> None:
    """A step's detail with a run of blank lines is read in linear time (it was
    exponential: 23 blank lines took seconds, 30 hours)."""
    item = with_detail("Open the file.", "Note: see below" + "\n" * 23 + "x")
    started = time.perf_counter()
    assert without_empty_note(item) == item
    assert time.perf_counter() - started < budget(1.0)


def test_empty_note_marker_is_dropped_only_as_a_word() -> None:
    """A bare "Note:" left last is dropped, but "See the footnote:" keeps its word (it
    became "See the foot")."""
    kept = with_detail("Open the file.", "See the footnote:")
    assert without_empty_note(kept) == kept
    bare = with_detail("Open the file.", "Some text.\n\n   \nNote:  ")
    assert without_empty_note(bare) == with_detail("Open the file.", "Some text.")
    assert without_empty_note(with_detail("Open the file.", "Note:")) == "Open the file."


def test_registry_rows_under_many_blank_lines_are_read_fast() -> None:
    """Value rows searched in a detail of many blank lines (or a table's rules) take
    linear time, and the rows are still read."""
    article = archive("SYMPTOMS\n========\n\nIt fails.\n", id_="Q999919")
    option = Option(section=article.sections[0], label="Apply the update", lead="", items=[])
    slow = [with_detail("Add the value:", "Rows:\n" + "-\n" * 15000 + "Data Type: DWORD")]
    started = time.perf_counter()
    assert _prose_values(article, option, slow) == slow
    assert time.perf_counter() - started < budget(1.0)
    rows = "- Value Name: EnableFoo\n- Data Type: REG_SZ\n- Value: YES (without quotation marks)"
    out = _prose_values(article, option, [with_detail("Add the following value:", rows)])
    assert out[0].startswith("Add the following value: EnableFoo (REG_SZ), set to YES.")


def test_asides_dropped_fast_after_long_blanks() -> None:
    """An aside is dropped from a label in linear time however many blanks a line has."""
    assert without_asides("Scale the nodes (e.g., 25GbE) now (soon)") == "Scale the nodes now"
    text = " " * 50000 + "x"
    started = time.perf_counter()
    assert without_asides(text + " (y)") == text
    assert time.perf_counter() - started < budget(1.0)


def test_runbook_diagnosis_with_long_blank_run_is_read_fast() -> None:
    """A Diagnosis section with a long run of blank lines is split into its items in
    linear time (8 s for 20,000 blank lines before), and still read."""
    body = (
        "## Meaning\n\nThe disk is full.\n\n## Diagnosis\n\n- Check the pods.\n"
        + "  \n" * 20000
        + "The free space is shown on the Capacity dashboard.\n\n## Mitigation\n\nDelete files.\n"
    )
    started = time.perf_counter()
    _section_read(runbook(body))
    assert time.perf_counter() - started < budget(1.0)


def test_a_typed_value_after_many_blank_lines_is_still_asked_fast() -> None:
    """A step whose text runs on through a long run of blank lines is scanned for the
    value it has the admin type in linear time (round 20's clause start took 21 s on
    50,000 newlines), and the value after the blanks is still asked."""
    from kbassist.drafting.prose_inputs import _said

    text = "Open the dialog box." + "\n" * 50_000 + "Type the IP address of your WINS server."
    started = time.process_time()
    found = _said(text)
    assert time.process_time() - started < budget(2.0)
    assert [phrase for _, phrase, _ in found] == ["WINS server IP address"]


def test_a_runbook_step_whose_case_is_empty_drafts() -> None:
    """ "If : restart the widget service." names no case: the runbook still drafts (a
    fuzzed runbook crashed with an IndexError on the empty case's label)."""
    from kbassist.drafting.tree import draft_text

    body = (
        "## Meaning\n\nThe WidgetDown alert fires when the widget service is down.\n\n"
        "## Diagnosis\n\nCheck the widget pods:\n\n```shell\noc get pods -n widgets\n```\n\n"
        "## Mitigation\n\n1. If : restart the widget service.\n"
        "2. If the pod is pending, add a node.\n"
    )
    assert "add a node" in draft_text(runbook(body, id_="WidgetDown"))[0]
