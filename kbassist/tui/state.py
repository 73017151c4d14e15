"""What the app knows about the open knowledge base's index, as values screens watch.

The app sets its reactives to these; the search screen and the progress panels watch
them (`self.watch(self.app, ...)`), so the app never calls into a screen to say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class IndexState:
    """Whether the index can be searched: opening (neither flag), ready, or failed."""

    ready: bool = False
    #: It cannot be opened: the first screen says why; the search box is disabled.
    failed: bool = False
    products: tuple[str, ...] = ()
    doc_count: int = 0


@dataclass(frozen=True)
class IndexActivity:
    """What the indexer is doing now, for the progress panels."""

    kind: Literal["idle", "started", "progress", "finished"] = "idle"
    label: str = ""
    done: int = 0
    total: int = 0
    rate: float = 0.0
