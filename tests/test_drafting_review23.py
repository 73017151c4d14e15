"""Session 15 review: round 23's patterns stay fast on long or odd input."""

from __future__ import annotations

import time

from cpu_budget import budget

from kbassist.drafting import action_labels, options, pointed_steps


def test_pointer_clause_and_and_then_split_are_linear_on_runs_of_blanks() -> None:
    """A step holding 50,000 tabs is scanned for "as shown in the MORE INFORMATION section"
    and ", and then" in linear time (3.6 s and 1.1 s at 20,000 before), and both still match."""
    blanks = "\t" * 50_000
    started = time.process_time()
    pointed_steps._AS_IN_RE.sub("", blanks)
    options._AND_THEN_RE.split(blanks)
    assert time.process_time() - started < budget(1.0)
    step = "Set the value, as shown in the MORE INFORMATION section below."
    assert pointed_steps._AS_IN_RE.sub("", step) == "Set the value."
    assert options._AND_THEN_RE.split("Click Start, and then click Run.") == [
        "Click Start",
        "click Run.",
    ]


def test_a_label_pointer_tail_is_found_in_linear_time_after_a_run_of_newlines() -> None:
    """A label's "to one of the following modes" tail is looked for in linear time on
    50,000 newlines (51 s at 20,000 before) and is still found in a real label."""
    started = time.process_time()
    action_labels._TAIL_POINTER_RE.search("\n" * 50_000)
    assert time.process_time() - started < budget(1.0)
    label = "Set the data access mode to one of the following modes"
    found = action_labels._TAIL_POINTER_RE.search(label)
    assert found is not None and label[: found.start()] == "Set the data access mode"


def test_verify_phrasing_patterns_are_linear_on_runs_of_blanks() -> None:
    """The verify rewrites' clause patterns (", and it may", "because", "sometimes", "by
    itself", "- item", "(aside)") read 50,000 blanks in linear time (1-5 s each at 20,000
    before) and still match a real sentence."""
    from kbassist.drafting import verify_form as vf

    patterns = (
        vf._SECOND_RESULT_RE,
        vf._HEDGE_RE,
        vf._AFTER_RE,
        vf._SECOND_SUBJECT_RE,
        vf._BULLET_RE,
        vf._RELATIVE_RE,
        vf._ASIDE_RE,
        vf._BY_ITSELF_RE,
    )
    started = time.process_time()
    for blanks in (" " * 50_000, "\t" * 50_000, "\r\n" * 25_000):
        for pattern in patterns:
            list(pattern.finditer(blanks))
    assert time.process_time() - started < budget(3.0)
    sentence = "The server stops responding, and it may restart by itself (sometimes twice)."
    after, alone, aside = (
        vf._AFTER_RE.search(sentence),
        vf._BY_ITSELF_RE.search(sentence),
        vf._ASIDE_RE.search(sentence),
    )
    assert after is not None and after.start() == sentence.index(", and it")
    assert alone is not None and alone.group().strip() == "by itself"
    assert aside is not None and aside.group() == " (sometimes twice)"
