"""Memos of what the plan reads from a run of blocks (`Para`), keyed on the blocks' text.

`article_plan` and the cause rules read the same section's blocks several times a draft
(`_alternatives` for the options, then again for the cause listing, the cause
alternatives and the causes with fixes; `_procedure` on the same alternative), about a
third of the calls a repeat. The readers are pure functions of the blocks' lines and
their flags, so a repeat is answered from the memo: keyed on the lines themselves (never
on an object's identity), bounded, and each caller gets fresh lists.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from kbassist.drafting.text import Para

T = TypeVar("T")

#: Entries kept before the memo starts afresh: a draft asks for a few dozen runs, so
#: this keeps the current article's (and a few before it) without growing without end.
MAX_ENTRIES = 1024


class BlockMemo:
    """A bounded memo of one reader of blocks; `freeze`/`thaw` turn its answer into
    something shared and back into fresh lists for each caller."""

    __slots__ = ("entries",)

    def __init__(self) -> None:
        self.entries: dict[Hashable, object] = {}

    def get(
        self,
        paras: Sequence[Para],
        flags: tuple[Hashable, ...],
        read: Callable[[], T],
        freeze: Callable[[T], object],
        thaw: Callable[[object], T],
    ) -> T:
        """`read()`'s answer for these blocks and flags, worked out once."""
        key = (tuple([p.key for p in paras]), flags)
        entries = self.entries
        kept = entries.get(key)
        if kept is None:
            if len(entries) >= MAX_ENTRIES:
                entries.clear()
            kept = entries[key] = freeze(read())
        return thaw(kept)
