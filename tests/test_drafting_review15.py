"""Round 15 review: patterns that must stay fast on long or odd input, and the inputs
and values round 15's drafting added."""

from __future__ import annotations

import time

from kbassist.drafting.example_values import drop_replace_notes


def test_replace_note_with_many_eg_is_fast() -> None:
    """A "Replace <x> with ..." note running on over many "e.g.," is read in linear time."""
    note = "Replace {placeholder_1} with the server name" + ", e.g., SRV" * 22 + ".<b>"
    started = time.perf_counter()
    assert drop_replace_notes(f"Run cmd.\n{note}") == f"Run cmd.\n{note}"
    assert time.perf_counter() - started < 1.0
    text = (
        "Run the command.\n\nReplace {placeholder_1} with the SID, i.e. the account's "
        "security identifier, e.g., S-1-5-21-1. Then restart."
    )
    assert drop_replace_notes(text) == "Run the command.\n\nThen restart."
