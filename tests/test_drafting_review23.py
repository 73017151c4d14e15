"""Session 15 review: round 23's patterns stay fast on long or odd input."""

from __future__ import annotations

import time

from kbassist.drafting import options, pointed_steps


def test_pointer_clause_and_and_then_split_are_linear_on_runs_of_blanks() -> None:
    """A step holding 50,000 tabs is scanned for "as shown in the MORE INFORMATION section"
    and ", and then" in linear time (3.6 s and 1.1 s at 20,000 before), and both still match."""
    blanks = "\t" * 50_000
    started = time.process_time()
    pointed_steps._AS_IN_RE.sub("", blanks)
    options._AND_THEN_RE.split(blanks)
    assert time.process_time() - started < 1.0
    step = "Set the value, as shown in the MORE INFORMATION section below."
    assert pointed_steps._AS_IN_RE.sub("", step) == "Set the value."
    assert options._AND_THEN_RE.split("Click Start, and then click Run.") == [
        "Click Start",
        "click Run.",
    ]
