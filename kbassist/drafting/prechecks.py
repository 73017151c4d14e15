"""Substring tests that let a rule skip a regex search that cannot match.

A rule's pattern scanned over every sentence costs far more than asking whether the text
holds a word every match needs. `may_hold` is that test for a pattern compiled with
IGNORECASE: for an ASCII text (where IGNORECASE folds as `str.lower` does) it answers
from the lowercased text; any other text may match (Unicode case folding: "K" and the
Kelvin sign), so it is always searched. Same answers as the search, by construction.
"""

from __future__ import annotations


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` may hold one of `words` (lowercase) as IGNORECASE would find it."""
    if not text.isascii():
        return True
    low = text.lower()
    for word in words:  # noqa: SIM110 (a loop, not any(): no generator per call)
        if word in low:
            return True
    return False
