"""What screens read through the app, as narrow Protocols handed to them in `__init__`.

The app implements them (under its index lock, with its settings); a screen sees only
the few calls it needs, never the app's class, so screens import nothing from `app.py`
and a test or another front end can hand them something else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Protocol

from kbassist.articles import Article
from kbassist.index import SearchResult
from kbassist.settings import Settings
from kbassist.trees.engine import Walk
from kbassist.trees.session import Session, TickKey
from kbassist.tui.guided import SaveOrder


class ArticleReader(Protocol):
    """Reads articles from the open knowledge base (from worker threads)."""

    def read_article(self, article_id: str) -> Article:
        """The article; KBError if it cannot be read."""
        ...


class Searcher(Protocol):
    """What the search screen asks: hits for a query, and which articles have a tree."""

    def search(
        self,
        text: str,
        *,
        product: str | None,
        limit: int,
        cancelled: Callable[[], bool] | None = None,
    ) -> SearchResult:
        """Hits for `text` (from a worker thread); KBError if the index cannot answer."""
        ...

    def has_trees(self, article_id: str) -> bool:
        """Whether the article has a hand-written guided fix."""
        ...


class WalkServices(ArticleReader, Protocol):
    """What the walkthrough and checklist screens read: articles, dates, settings."""

    #: Keeps the session saves of all the app's walk screens in order.
    session_saves: SaveOrder

    @property
    def settings(self) -> Settings:
        """The settings the entry point read (export host, export folder…)."""
        ...

    def today(self) -> date:
        """Today, for export and session names (tests pin it)."""
        ...

    def export_folder(self) -> Path:
        """Where exports go unless a path is typed."""
        ...

    def save_walk(self, name: str, walk: Walk, ticked: Iterable[TickKey]) -> Path:
        """Write session `name` (the core save the CLI's `--session` makes too)."""
        ...


#: What a saved session is a walk of, for the sessions list.
SessionTitle = Callable[[Session], str]
