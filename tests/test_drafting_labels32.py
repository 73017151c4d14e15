"""Round 32 (labels32): the bench counts a label cut where a reader sees it cut, and a
label keeps the restrictive relative clause that says which things it means."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kbassist.drafting.phrase_ends import relative_cut
from kbassist.drafting.text import short_label

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import draft_metrics as metrics

_ARTICLE = (
    "To work around this problem, clear the jobs on the print queue of the server. "
    "Configure the gateway so that it does not attempt to reconnect when the link ends. "
    "Replace the destination components that are failing with OLE DB components. "
    "Disable the Protected Recycle Bin feature and then restart your computer. "
    "The export fails because the service account is locked out. "
    "When you click OK, the following error message appears: Cannot open the file."
)


def test_a_stop_inside_a_noun_phrase_or_before_what_a_verb_needs_is_counted() -> None:
    """'... on the print' + ' queue' and '... does not attempt' + ' to reconnect' are cut."""
    text = " ".join(_ARTICLE.split())
    assert metrics.label_cut_phrase("clear the jobs on the print", text)
    assert metrics.label_cut_phrase("Configure the gateway so that it does not attempt", text)
    assert metrics.label_cut_phrase("The export fails because the service account", text)


def test_a_clean_stop_before_and_that_or_a_clause_mark_is_not_counted() -> None:
    """A label ending before 'and then', 'that are', or its clause's comma is whole."""
    text = " ".join(_ARTICLE.split())
    assert not metrics.label_cut_phrase("Disable the Protected Recycle Bin feature", text)
    assert not metrics.label_cut_phrase("Replace the destination components", text)
    assert not metrics.label_cut_phrase("When you click OK", text)
    assert not metrics.label_cut_phrase("clear the jobs on the print queue", text)


def test_a_long_label_keeps_its_restrictive_relative_clause() -> None:
    """'... packages that are failing' is kept, not cut back to '... packages'."""
    sentence = (
        "Restart all the SQL Server Integration Services packages that are failing after "
        "the upgrade to SQL Server 2019 on the database server."
    )
    assert short_label(sentence, 90) == (
        "Restart all the SQL Server Integration Services packages that are failing"
    )


def test_a_relative_clause_that_would_pass_the_limit_is_not_kept() -> None:
    """A 60-character label never grows to keep its relative clause."""
    sentence = (
        "Restart all the SQL Server Integration Services packages that are failing after "
        "the upgrade to SQL Server 2019."
    )
    assert len(short_label(sentence, 60)) <= 60


def test_the_cut_detector_is_fast_on_a_hostile_string(tmp_path: Path) -> None:
    """A 20 KB run of words and commas is judged in well under a second."""
    hostile = "the a, " * 3000 + "x " * 4000
    label = "the a, the a, the a, the print"
    started = time.perf_counter()
    metrics.label_cut_phrase(label, hostile + label + " queue")
    relative_cut(hostile, "files that " + "a " * 9000, 5, 90)
    word = "x y " + "z" * 20000
    metrics.label_cut_phrase(word, f"{word} than it")
    assert time.perf_counter() - started < 1.0


def test_a_relative_clause_inside_the_subject_is_not_kept_without_its_verb() -> None:
    """'Version 3.6 of X that works with 3.51' (+ ' does not allow ...') is never the label."""
    sentence = (
        "Version 3.6 of the Beam and Whiteside backup software that works with version 3.51"
        " does not allow the backup program to back up NFS volumes on the server."
    )
    assert not short_label(sentence, 90).endswith("that works with version 3.51")
