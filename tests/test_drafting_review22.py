"""Session 14 review: patterns that must stay fast on long or odd input."""

from __future__ import annotations

import time

from cpu_budget import budget
from drafting_support import archive, runbook, support

from kbassist.articles import Article
from kbassist.drafting.causes import because_cases
from kbassist.drafting.option_model import Option
from kbassist.drafting.tree import draft_text


def test_a_step_with_a_long_run_of_blanks_is_split_into_cases_fast() -> None:
    """A step holding 50,000 blank characters before its "If this issue occurs because"
    case is read in linear time (it took about 24 s) and the case is still found."""
    step = (
        "Restart the server."
        + " " * 50_000
        + ("If this issue occurs because the cache is full, clear the cache folder.")
    )
    option = Option("RESOLUTION", "Restart", "", [step])
    started = time.perf_counter()
    out = because_cases([option])
    assert time.perf_counter() - started < budget(1.0)
    assert [o.label for o in out][1] == "The cache is full"
    assert out[1].items == ["Clear the cache folder."]
    assert "occurs because" not in out[0].items[0]


# Round 22 (hostile22): a crafted or broken Markdown article must not hang the drafter.


def _drafted_fast(article: Article) -> str:
    """The draft of `article` (blanks folded); it must take under 2 s of CPU (old: 3-30 s)."""
    started = time.process_time()
    text = draft_text(article)[0]
    assert time.process_time() - started < budget(2.0)
    return " ".join(text.split())


def test_a_support_article_with_a_long_blank_run_in_its_cause_drafts_fast() -> None:
    """A support article whose Cause runs through 30,000 blank lines drafts in linear time
    (a quote marker was looked for from every line start across the blanks: 7 s, and a
    minute on a larger one) and its cause and steps are still read."""
    body = (
        "## Symptoms\n\nWhen you print, you receive the following error message:\n\n"
        "> Error 0x80070005: Access is denied.\n\n## Cause\n\nThis issue occurs because"
        + "\n"
        * 30_000
        + "the spooler account lacks the rights.\n\n## Resolution\n\n"
        "1. Open Services.\n1. Restart the Print Spooler service.\n"
    )
    text = _drafted_fast(support(body))
    assert 'cause: "This issue occurs because the spooler account lacks the rights."' in text
    assert '- text: "Restart the Print Spooler service."' in text


def test_a_runbook_with_a_long_run_of_blank_lines_in_its_mitigation_drafts_fast() -> None:
    """A runbook whose Mitigation holds 20,000 lines of one space drafts in linear time
    (8.6 s before) and its step is still read."""
    body = (
        "## Meaning\n\nThe alert fires when the pod is down.\n\n## Diagnosis\n\n"
        "- Check the pod status.\n\n## Mitigation\n\nIf the pod is pending,"
        + " \n" * 20_000
        + "delete it.\n"
    )
    text = _drafted_fast(runbook(body))
    assert '- text: "delete it."' in text


def test_a_support_article_with_a_long_run_of_brackets_drafts_fast() -> None:
    """A support article holding 10,000 `[` (a broken link) drafts in linear time: a link
    was looked for from every `[` to the end of the text (6 s before, minutes on 20,000)."""
    body = (
        "## Symptoms\n\nYou receive the following error: [see the [log](https://example.com/log)"
        + "[" * 10_000
        + "\n\n## Resolution\n\n1. Open Services.\n1. Restart the Print Spooler service.\n"
    )
    text = _drafted_fast(support(body))
    assert 'symptom: "You receive the following error: [see the [...]"' in text
    assert '- text: "Restart the Print Spooler service."' in text


def test_a_runbook_with_a_long_run_of_brackets_in_its_meaning_drafts_fast() -> None:
    """A runbook whose Meaning holds 10,000 `[` drafts in linear time (8 s before) and
    its link is still read as its text, not its URL."""
    body = (
        "## Meaning\n\nThe alert fires when the [pod](https://example.com/pods) ["
        + "[" * 10_000
        + " is down.\n\n## Mitigation\n\nDelete the pod.\n"
    )
    text = _drafted_fast(runbook(body))
    assert 'symptom: "The alert fires when the pod [...]"' in text
    assert '- text: "Delete the pod {pod}."' in text  # the pod asked (siteinputs30)


def test_a_support_article_with_very_long_runs_of_brackets_drafts_fast() -> None:
    """A support article whose symptom, quoted message and step each hold 100,000 `[`
    with no `]` after them drafts fast: the Markdown parser no longer looks for a link
    label from each one through 20 nested levels (3 s of CPU before)."""
    run = "[" * 100_000
    body = (
        f"## Symptoms\n\nYou receive the following error message: {run}\n\n"
        f"> Error 0x80070005 {run}\n\n## Resolution\n\n"
        f"1. Open Services.\n1. Type {run} and press ENTER.\n"
        "1. Restart the Print Spooler service.\n"
    )
    text = _drafted_fast(support(body))
    assert '- text: "Restart the Print Spooler service."' in text


def test_a_runbook_with_a_long_run_of_unclosed_shortcodes_drafts_fast() -> None:
    """A runbook whose Meaning holds 7,000 unclosed `{{<` drafts in linear time (a Hugo
    shortcode was looked for from each one to the end of its line: 5 s before), and the
    closed shortcode before them is still dropped."""
    body = (
        '## Meaning\n\nThe alert fires when the pod is down. See {{< ref "pods.md" >}} '
        + "{{<" * 7000
        + "\n\n## Mitigation\n\nDelete the pod.\n"
    )
    text = _drafted_fast(runbook(body))
    assert "pods.md" not in text
    assert '- text: "Delete the pod {pod}."' in text  # the pod asked (siteinputs30)


def test_a_runbook_that_only_points_on_through_an_unclosed_link_drafts_fast() -> None:
    """A one-section runbook "See [x](" with 50,000 characters and no ")" is read as no
    redirect in linear time (the target pattern split the run two ways: 5.5 s)."""
    text = _drafted_fast(runbook("## Meaning\n\nSee [the pod runbook](" + "x" * 50_000 + "\n"))
    assert '- text: "Read TestAlert Meaning and follow it."' in text


def test_an_archive_resolution_of_many_one_line_paragraphs_drafts_fast() -> None:
    """An archive RESOLUTION followed by 30,000 one-line paragraphs is split into its
    fixes in linear time (each paragraph listed the group's acting ones anew: 4 s)."""
    body = (
        "SYMPTOMS\n========\n\nThe server stops responding.\n\nRESOLUTION\n==========\n\n"
        "To resolve this problem, restart the server.\n\n" + "The server is slow.\n\n" * 30_000
    )
    text = _drafted_fast(archive(body))
    assert 'title: "Resolution: Restart the server"' in text
    assert '- text: "Restart the server."' in text


def test_a_runbook_case_followed_by_a_long_run_of_commas_drafts_fast() -> None:
    """An "If X, do Y" step whose condition runs on through 40,000 commas is read in
    linear time (each comma's condition was searched for a sentence end anew: 3 s)."""
    body = (
        "## Meaning\n\nThe alert fires when the pod is down.\n\n## Mitigation\n\n"
        "If the pod is pending" + ", " * 40_000 + "delete it.\n"
    )
    text = _drafted_fast(runbook(body))
    assert '- text: "If the pod is pending [...]"' in text


def test_a_support_step_listing_actions_over_a_long_run_of_commas_drafts_fast() -> None:
    """A step of 100,000 commas is split into its actions in linear time (the parentheses
    before each comma were counted from the start: 5 s), and kept as one step."""
    body = (
        "## Symptoms\n\nThe Print Spooler service stops.\n\n## Resolution\n\n"
        "Stop the service" + ", " * 100_000 + "remove the queue, and restart the service.\n"
    )
    text = _drafted_fast(support(body))
    assert '- text: "Stop the service [...]"' in text


def test_an_archive_cause_with_a_long_dashed_line_drafts_fast() -> None:
    """A CAUSE line of 20,000 dashes ending in a letter is read in one pass (the ruled-line
    pattern took cubic time on it) and the cause sentence is still drafted."""
    article = archive(
        "SYMPTOMS\n========\n\nThe server stops responding.\n\n"
        "CAUSE\n=====\n\nThis problem occurs because the cache is full.\n\n"
        + "-"
        * 20_000
        + "x\n\n"
        "RESOLUTION\n==========\n\nTo resolve this problem, clear the cache folder.\n"
    )
    drafted = _drafted_fast(article)
    assert "the cache is full" in drafted
