"""The seam between kbassist and a search engine: what a backend implements.

`kbassist.index.KBIndex` keeps the index folder (`store`), decides what changed
(`changes`), retries reads that raced another process's commit, and cuts snippets; a
backend indexes, searches and answers questions about what it indexed. Whoosh is one
(`whoosh_backend`); README "Search backends" says what SQLite FTS5 or OpenSearch would
need. Words the backend is asked about come as a `ParsedQuery`, never as engine syntax.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from kbassist.articles import FileEntry
from kbassist.search.budget import Budget
from kbassist.search.changes import ChangeSet
from kbassist.search.query import ParsedQuery
from kbassist.search.results import Hit, UpdateReport

ProgressFn = Callable[[int, int], None]


@dataclass(slots=True)
class Ranked:
    """A backend's answer to one search, before snippets are cut."""

    hits: list[Hit]
    #: Each hit's snippet source (empty when snippets were not asked for).
    sources: list[str] = field(default_factory=list)
    #: How many documents matched in all.
    total: int = 0
    #: The index terms to mark in snippets (stems; a wildcard's stem).
    marks: set[str] = field(default_factory=set)


class SearchBackend(Protocol):
    """A search engine behind KBIndex, with one generation folder open at a time.

    Writing happens under the store's write lock; reading may race another process's
    commit: raise one of `read_errors` and KBIndex reopens and reads again, or marks the
    generation damaged when `is_damage` says so.
    """

    #: Exceptions a read may raise that KBIndex classifies (race, damage, the query's).
    read_errors: tuple[type[BaseException], ...]
    #: The name of the generation open now; None when closed.
    generation: str | None

    # -- writing (lock held)
    def create(
        self, gen_dir: Path, files: list[FileEntry], progress: ProgressFn | None, root: str
    ) -> tuple[UpdateReport, dict[str, list[object]]]:
        """Index `files` into an empty folder: (report, manifest entries of those indexed)."""
        ...

    def apply(self, gen_dir: Path, changes: ChangeSet) -> None:
        """Add, replace and remove documents in the live generation, atomically."""
        ...

    def file_sizes(self, gen_dir: Path) -> dict[str, int]:
        """Size of each file the generation uses (meta.json records them)."""
        ...

    def clean(self, gen_dir: Path) -> None:
        """Remove what a killed run left in a generation."""
        ...

    # -- reading
    def open(self, gen_dir: Path, name: str, shown: Callable[[object], str] = str) -> None:
        """Have generation `name` open for reading (reopen when another went live)."""
        ...

    def close(self) -> None:
        """Release open files and everything cached from them."""
        ...

    @property
    def reading(self) -> bool:
        """True while a reader is open."""
        ...

    def stale(self) -> bool:
        """True when the open reader no longer sees the latest commit."""
        ...

    def is_damage(self, exc: BaseException) -> bool:
        """True when a read error means the files are unreadable (not the query's)."""
        ...

    def doc_count(self) -> int:
        """Documents in the open generation."""
        ...

    def search(
        self,
        parsed: ParsedQuery,
        *,
        limit: int,
        product: str | None,
        snippets: bool,
        budget: Budget,
    ) -> Ranked:
        """The best `limit` hits, within `budget` (poll `budget.check()`)."""
        ...

    def facets(self) -> dict[str, str]:
        """Product term -> the product's name as an article spells it."""
        ...

    def titles(self) -> list[tuple[str, str, str]]:
        """(id, path below the articles folder, title) of every article."""
        ...

    def paths_of(self, id_key: str) -> list[tuple[str, str]]:
        """(path, title) of each article whose case-folded id is `id_key`."""
        ...

    def has_path(self, rel: str) -> bool:
        """True when the file `rel` below the articles folder is indexed."""
        ...

    def near_words(self, text: str) -> str | None:
        """ "Did you mean": `text` with unknown words replaced by near known ones."""
        ...
