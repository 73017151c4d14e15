"""The app's hold on the open knowledge base: its index, kept searchable and up to date.

Threads: the whoosh searcher is shared, so every read of `self.kb` happens under the
assistant's `kb_lock` (`self._kb_lock`). Indexing writes through its own `KBIndex`, so
searching goes on (on the previous generation) while it runs; the reader reopens the
new one by itself. The palette's titles are read through a `KBIndex` of their own too,
so they never hold up a search.

What it knows is in reactives screens watch (`index_state`, `index_activity`,
`kb_status`): it never calls into a screen.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import App
from textual.message import Message
from textual.reactive import var
from textual.worker import get_current_worker

from kbassist.articles import Article
from kbassist.assistant import Assistant
from kbassist.errors import KBError
from kbassist.index import IndexDamaged, KBIndex, SearchResult, UpdateReport
from kbassist.sanitize import display_path, sanitize
from kbassist.search.results import counted, shared_ids_summed_up
from kbassist.tui.state import IndexActivity, IndexState
from kbassist.tui.widgets.welcome import KBStatus

#: Shared ids named in the notification after indexing; the rest are counted.
SHARED_IDS_SHOWN = 3
#: Problems listed in one warning toast; the rest are counted and the command named.
MAX_LISTED = 5


@contextmanager
def _damage_as_kb_error() -> Iterator[None]:
    """An index damaged mid-session: say how to fix it from here, not from the shell."""
    try:
        yield
    except IndexDamaged as exc:
        raise KBError(f"index is damaged ({exc}); ctrl+r rebuilds it") from None


def shared_ids_note(duplicates: list[tuple[str, list[str]]]) -> str:
    """A few lines, however many ids are shared: up to three, each with its files; more,
    the first names, a count of the rest, and how such an article is named (a toast of 33
    full notes hid the screen for 15 s)."""
    if len(duplicates) <= SHARED_IDS_SHOWN:
        return "\n".join(UpdateReport(duplicates=duplicates).duplicate_notes())
    shown, examples = shared_ids_summed_up(duplicates, SHARED_IDS_SHOWN)
    return (
        f"{shown}\nEach such article is shown by its folder-qualified id "
        f"({', '.join(examples[:2])}); "
        "`kbassist index --full` lists every file."
    )


class _IndexingCancelled(Exception):
    """Raised from the progress callback to stop an indexing run the app abandoned."""


class IndexedApp(App[None]):
    """An app with one knowledge base open: search it, read it, keep its index fresh."""

    #: Whether the index can be searched (the search screen watches it).
    index_state: var[IndexState] = var(IndexState(), always_update=True)
    #: What the indexer is doing (the progress panels watch it).
    index_activity: var[IndexActivity] = var(IndexActivity(), always_update=True)
    #: What the first screen says about the knowledge base.
    kb_status: var[KBStatus | None] = var(None, always_update=True)

    @dataclass
    class IndexStarted(Message):
        """Indexing began; `reason` says why (missing, stale, asked for)."""

        reason: str
        generation: int = 0

    @dataclass
    class IndexProgressed(Message):
        """The indexer got through `done` of `total` files."""

        done: int
        total: int
        rate: float
        generation: int = 0

    @dataclass
    class IndexReady(Message):
        """The index can be searched; `report` is set when this run wrote it."""

        products: list[str]
        doc_count: int
        report: UpdateReport | None = None
        generation: int = 0

    @dataclass
    class IndexFailed(Message):
        """Indexing or opening the index failed with a problem the user can act on."""

        error: KBError
        #: The articles folder exists but holds no articles (a new knowledge base).
        empty: bool = False
        generation: int = 0

    def __init__(self, assistant: Assistant) -> None:
        super().__init__()
        self.assistant = assistant
        self._kb_lock = assistant.kb_lock
        self._titles: list[tuple[str, str, str]] | None = None
        self._titles_read: asyncio.Future[list[tuple[str, str, str]]] | None = None
        self._indexing = False
        #: Bumped when another knowledge base is opened: late answers about the old
        #: one (examples, titles) are dropped.
        self._generation = 0
        #: The run asked for by the user (ctrl+r): its summary is worth a notification.
        self._asked_reindex = False
        self.kb_status = KBStatus(assistant.articles_dir)

    @property
    def kb(self) -> KBIndex:
        """The open knowledge base's index (the assistant's)."""
        return self.assistant.kb

    @property
    def index_is_ready(self) -> bool:
        """Whether the open knowledge base can be searched."""
        return self.index_state.ready

    def index_failure_on_screen(self) -> bool:
        """Whether the screen shown states an index failure itself (no toast needed)."""
        return False

    # ------------------------------------------------------------------ index access

    def search(
        self,
        text: str,
        *,
        product: str | None,
        limit: int,
        cancelled: Callable[[], bool] | None = None,
    ) -> SearchResult:
        """Search under the lock (called from worker threads).

        `cancelled` is polled by the search: a newer search cancels this one's worker,
        which then gives the lock up at once instead of making the newer one wait.
        """
        with _damage_as_kb_error():
            return self.assistant.search(text, product=product, limit=limit, cancelled=cancelled)

    def read_article(self, article_id: str) -> Article:
        """Read an article under the lock (from worker threads); KBError if it cannot."""
        with _damage_as_kb_error():
            return self.assistant.article(article_id)

    async def palette_titles(self) -> list[tuple[str, str, str]]:
        """(id, title, lower-cased "id title") of every article, read once per index.

        One read in a thread, shared by every palette search and shielded from them:
        each keystroke cancels the palette's previous search, and a read cancelled
        with it would start again (0.7 s on the archive) and never finish for a typist.
        """
        if self._titles is not None:
            return self._titles
        if not self.index_is_ready:
            return []
        if self._titles_read is None:
            self._titles_read = asyncio.ensure_future(asyncio.to_thread(self._read_titles))
        read, generation = self._titles_read, self._generation
        titles = await asyncio.shield(read)
        if generation == self._generation and self._titles_read is read:
            self._titles = titles
        return titles

    def _forget_titles(self) -> None:
        """The titles changed (reindexed, another KB): read them again when needed."""
        self._titles = None
        self._titles_read = None

    def _read_titles(self) -> list[tuple[str, str, str]]:
        # Its own KBIndex: iterating 60k stored fields must not hold the search lock.
        reader = self.assistant.new_index()
        try:
            return palette_entries(reader.titles())
        finally:
            reader.close()

    # ------------------------------------------------------------------ another KB

    def open_kb(self, folder: Path) -> None:
        """Close the open knowledge base, open `folder` (its index where the settings
        say), index it."""
        self._generation += 1
        self.assistant.switch_articles(folder)  # closes the old index
        self._indexing = False
        self._asked_reindex = False
        self._forget_titles()
        self.index_activity = IndexActivity("finished")
        self.index_state = IndexState()
        self.kb_status = KBStatus(folder)
        self._prepare_index(full=False, check_first=True)

    # ------------------------------------------------------------------ indexing

    def _prepare_index(self, full: bool, check_first: bool) -> None:
        """Bring the open knowledge base's index up to date (when needed), in a worker."""
        self._index_worker(self.kb, self._generation, full, check_first)

    @work(thread=True, exclusive=True, group="index")
    def _index_worker(self, kb: KBIndex, generation: int, full: bool, check_first: bool) -> None:
        """Index `kb` (if it needs it), then announce it is ready (or why it is not).

        Every message names the knowledge base `generation` it is about: one switched
        away from meanwhile is not announced.
        """
        worker = get_current_worker()
        report: UpdateReport | None = None
        try:
            reason = kb.status() if check_first else ("rebuild" if full else "update")
            if reason is not None:
                self.post_message(self.IndexStarted(reason, generation))
                writer = self.assistant.new_index(kb.articles_dir, kb.index_dir)
                started = time.perf_counter()

                def progress(done: int, total: int) -> None:
                    if worker.is_cancelled:
                        raise _IndexingCancelled
                    rate = done / max(time.perf_counter() - started, 1e-6)
                    self.post_message(self.IndexProgressed(done, total, rate, generation))

                try:
                    report = writer.update(progress=progress, full=full)
                finally:
                    writer.close()
            with self._kb_lock, _damage_as_kb_error():
                if generation != self._generation:
                    return  # switched away (and `kb` closed): nothing to announce
                products = kb.products()
                count = kb.doc_count()
        except _IndexingCancelled:
            return
        except KBError as exc:
            if not worker.is_cancelled:
                empty = _holds_no_articles(kb.articles_dir)
                self.post_message(self.IndexFailed(exc, empty, generation))
            return
        if not worker.is_cancelled:
            self.post_message(self.IndexReady(products, count, report, generation))

    @on(IndexStarted)
    def _index_started(self, message: IndexStarted) -> None:
        if message.generation != self._generation:
            return
        self._indexing = True
        label = "Indexing" if not self.index_is_ready else "Reindexing"
        self.index_activity = IndexActivity("started", label)
        if not self.index_is_ready:
            self.kb_status = KBStatus(self.kb.articles_dir, "indexing")
        if message.reason not in ("update", "rebuild", "no index yet"):
            where = display_path(self.kb.articles_dir)
            self.notify(f"{message.reason}: indexing {where}", markup=False)

    @on(IndexProgressed)
    def _index_progressed(self, message: IndexProgressed) -> None:
        if message.generation != self._generation:
            return
        self.index_activity = IndexActivity(
            "progress", done=message.done, total=message.total, rate=message.rate
        )

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        if message.generation != self._generation:
            return
        self._indexing = False
        self._forget_titles()  # re-read for the palette: titles may have changed
        self.index_activity = IndexActivity("finished")
        self.index_state = IndexState(
            ready=True, products=tuple(message.products), doc_count=message.doc_count
        )
        report = message.report
        # This run brought the index up to date: it is as fresh as now.
        indexed_at = time.time() if report is not None else self.kb.indexed_at()
        self.kb_status = KBStatus(self.kb.articles_dir, "ready", message.doc_count, indexed_at)
        self.index_opened()
        asked, self._asked_reindex = self._asked_reindex, False
        if report is not None:
            self._report(report, asked)

    def index_opened(self) -> None:
        """The index can be searched (again): what else to start now."""

    def _report(self, report: UpdateReport, asked: bool) -> None:
        """What an indexing run did: a summary when asked for, then what went wrong."""
        if asked:  # the first screen shows what an automatic run did
            self.notify(report.summary(), title="Index updated", markup=False)
        if report.problems:
            self.warn_list(
                report.problems,
                f"{counted(len(report.problems), 'file')} skipped",
                "(`kbassist index` lists them all)",
            )
        if report.warnings:
            self.warn_list(
                report.warnings,
                f"{counted(len(report.warnings), 'file')} read with a guess",
                "(`kbassist index` lists them all)",
            )
        if new_shared := report.new_duplicates():
            self.notify(
                shared_ids_note(new_shared),
                title=f"{counted(len(new_shared), 'id')} used by several articles",
                severity="warning",
                markup=False,
                timeout=15,
            )

    def warn_list(self, items: Sequence[object], title: str, where_all: str) -> None:
        """A warning toast with the first few items, a count of the rest and where to see all.

        A toast is read at a glance: a long list would hide the title and push the
        command that lists everything off the screen.
        """
        shown = "\n".join(str(item) for item in items[:MAX_LISTED])
        if (more := len(items) - MAX_LISTED) > 0:
            shown += f"\n… and {more} more"
        self.notify(
            sanitize(f"{shown}\n{where_all}"),
            title=title,
            severity="warning",
            markup=False,
            timeout=15,
        )

    @on(IndexFailed)
    def _index_failed(self, message: IndexFailed) -> None:
        if message.generation != self._generation:
            return
        self._indexing = False
        self._asked_reindex = False
        self.index_activity = IndexActivity("finished")
        error = message.error
        if not self.index_is_ready:
            folder = self.kb.articles_dir
            # The first screen names the folder already: its problem is enough.
            about_folder = error.path is not None and Path(error.path) == folder
            self.index_state = IndexState(failed=True)
            self.kb_status = KBStatus(
                folder,
                "failed",
                error=error.message if about_folder else str(error),
                empty=message.empty,
            )
            if self.index_failure_on_screen():
                return  # the first screen says what is wrong and what to do
        self.notify(
            sanitize(str(message.error)) + "\n(ctrl+r retries)",
            title="Index unavailable",
            severity="error",
            markup=False,
            timeout=30,
        )

    def action_reindex(self, full: bool = False) -> None:
        """Update the index from the articles folder (only changed files are re-read)."""
        if self._indexing:
            self.notify("Indexing is already running")
            return
        self._asked_reindex = True
        self._prepare_index(full=full, check_first=False)


def _holds_no_articles(folder: Path) -> bool:
    """Whether an articles folder exists and has no .md file (stops at the first)."""
    try:
        return folder.is_dir() and next(iter(folder.rglob("*.md")), None) is None
    except OSError:
        return False


def palette_entries(titles: Iterable[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(id, title, lower-cased "id title") of each article, sanitized, for the palette."""
    out = []
    for article_id, title in titles:
        article_id, title = sanitize(article_id), sanitize(title)
        out.append((article_id, title, f"{article_id} {title}".lower()))
    return out
