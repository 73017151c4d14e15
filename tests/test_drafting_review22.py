"""Session 14 review: patterns that must stay fast on long or odd input."""

from __future__ import annotations

import time

from kbassist.drafting.causes import because_cases
from kbassist.drafting.option_model import Option


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
    assert time.perf_counter() - started < 1.0
    assert [o.label for o in out][1] == "The cache is full"
    assert out[1].items == ["Clear the cache folder."]
    assert "occurs because" not in out[0].items[0]
