"""What one search may spend, what it had to leave out, and whether it was cancelled.

The limits are kbassist's promises (README "Search syntax"); a backend keeps them by
asking its `Budget`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from kbassist.search.errors import SearchCancelled

#: A wildcard (`retro*`, `*mail*`), fuzzy term or range searches at most this many of
#: the words it matches in each field, the most used first; a query at most
#: WILDCARD_TOTAL_TERMS (words x fields) in all, shared fairly between its wildcards.
#: `*e* *a* *i* *o*` stood for nearly every word of the archive: 32 s to minutes, and
#: up to 700 MB.
WILDCARD_TERMS = 64
WILDCARD_TOTAL_TERMS = 640
#: Seconds a search may spend finding the words its wildcards stand for (shared fairly).
WILDCARD_SECONDS = 1.0
#: Seconds a search through the full matcher (phrases, ranges, operators) collects
#: hits; then it returns the best found so far, and says so.
SEARCH_SECONDS = 3.0
#: Candidate words kept per wildcard and field before the most used are chosen.
SHORTLIST = 4 * WILDCARD_TERMS
#: Words (or documents) between two looks at the clock and at `cancelled`.
CHECK_EVERY = 64


class Budget:
    """What one search may spend, what it had to leave out, and whether it was cancelled."""

    def __init__(self, cancelled: Callable[[], bool] | None) -> None:
        self.cancelled = cancelled
        self.started = time.monotonic()
        self.cut: dict[str, None] = {}  # wildcards searched for fewer words than match
        self.stopped = False  # hits collection stopped at SEARCH_SECONDS

    def check(self) -> None:
        """Raise SearchCancelled once the caller has cancelled this search."""
        if self.cancelled is not None and self.cancelled():
            raise SearchCancelled("search cancelled")

    def notices(self) -> tuple[str, ...]:
        """The lines that tell the user what was left out."""
        lines = []
        if self.cut:  # short: the TUI shows it beside the hit count
            cut = list(self.cut)
            what = ", ".join(cut[:5]) + (", …" if len(cut) > 5 else "")
            if len(cut) == 1:
                lines.append(f"wildcard {what} limited to its most used words")
            else:
                lines.append(f"wildcards {what} limited to their most used words")
        if self.stopped:
            lines.append(f"search stopped after {SEARCH_SECONDS:g}s; best hits so far")
        return tuple(lines)
