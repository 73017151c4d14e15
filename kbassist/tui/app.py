"""The Textual app: one factory (`make_app`) builds it for the CLI and for the tests.

Threads: the whoosh searcher is shared, so every read of `self.kb` happens under
`self._kb_lock`. Indexing writes through its own `KBIndex`, so searching goes on (on the
previous generation) while it runs; the reader reopens the new one by itself. The first
screen's examples and the palette's titles are read through a `KBIndex` of their own
too, so they never hold up a search; nothing that scans a folder or the index runs on
the UI thread, so the first screen paints at once even on the 60,000-article archive.

Settings (`kbassist.settings`) are read once by the entry point and handed in; the TUI
writes back only what the user changes in it: the theme, the knowledge base opened.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.console import Console
from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from kbassist.articles import Article
from kbassist.assistant import Assistant, resume_session
from kbassist.errors import AmbiguousIdError, KBError, NotFoundError
from kbassist.index import IndexDamaged, KBIndex, SearchResult, UpdateReport
from kbassist.sanitize import display_path, displayable, sanitize
from kbassist.settings import Settings, config_path, load_settings, save_setting
from kbassist.trees.catalog import trees_for_article
from kbassist.trees.engine import Walk
from kbassist.trees.model import Tree, TreeProblem
from kbassist.trees.session import Resumed, Session, list_sessions, sessions_dir
from kbassist.tui.commands import (
    ArticleCommands,
    KBCommandPalette,
    KBCommands,
    SessionCommands,
    SessionList,
    TreeCommands,
    TreeList,
)
from kbassist.tui.examples import Example, find_examples, sample_titles
from kbassist.tui.folders import folder_problem, resolve_folder
from kbassist.tui.guided import GuidedWalk, unsaved_work
from kbassist.tui.hooks import (
    AllTrees,
    GuidedTree,
    GuidedTreeFor,
    StartGuided,
    TreesFor,
    tree_title,
)
from kbassist.tui.rendering import home_path
from kbassist.tui.screens.article import ArticleScreen
from kbassist.tui.screens.checklist import ChecklistScreen
from kbassist.tui.screens.dialogs import ConfirmDialog, QuitDialog, TextPromptDialog
from kbassist.tui.screens.guided_base import GuidedScreen
from kbassist.tui.screens.help import HelpScreen, Places
from kbassist.tui.screens.search import SearchScreen
from kbassist.tui.screens.sessions import SessionsScreen
from kbassist.tui.screens.tree_view import TreeViewScreen
from kbassist.tui.screens.walk import WalkScreen
from kbassist.tui.widgets.index_progress import IndexProgress
from kbassist.tui.widgets.welcome import KBStatus, Welcome

#: Tree problems listed in the one notification shown when trees fail to load.
MAX_PROBLEMS_SHOWN = 5
#: The two themes "Toggle theme" switches between ("Choose theme…" offers them all).
DARK_THEME, LIGHT_THEME = "textual-dark", "textual-light"


@contextmanager
def _damage_as_kb_error() -> Iterator[None]:
    """An index damaged mid-session: say how to fix it from here, not from the shell."""
    try:
        yield
    except IndexDamaged as exc:
        raise KBError(f"index is damaged ({exc}); ctrl+r rebuilds it") from None


class _IndexingCancelled(Exception):
    """Raised from the progress callback to stop an indexing run the app abandoned."""


class KBAssistApp(App[None]):
    """Search the knowledge base, read articles, hand over to guided fixes."""

    CSS_PATH = "app.tcss"
    TITLE = "kbassist"
    # KBCommands lists `get_system_commands`: kbassist's own commands, in place of
    # Textual's system-command provider and its generic commands.
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        KBCommands,
        ArticleCommands,
        TreeCommands,
        SessionCommands,
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1,question_mark", "help", "Help"),
        Binding("ctrl+o", "sessions", "Sessions"),
        Binding("ctrl+r", "reindex", "Reindex"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [
        (0, "-tiny"),
        (40, "-narrow"),
        (70, "-normal"),
        (110, "-wide"),
    ]
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [(0, "-short"), (14, "-tall")]
    NOTIFICATION_TIMEOUT = 6

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

    @dataclass
    class ExamplesFound(Message):
        """Searches that work on knowledge base `generation`, and its article titles."""

        generation: int
        examples: list[Example]
        titles: list[tuple[str, str, str]]

    @dataclass
    class SessionsListed(Message):
        """The saved sessions, newest first (for the first screen)."""

        sessions: list[Session]

    @dataclass
    class SessionResumed(Message):
        """A saved session was replayed on its tree and can be shown."""

        session: Session
        resumed: Resumed

    @dataclass
    class ArticleLoaded(Message):
        """An article was read from disk and can be shown."""

        article: Article
        trees: Sequence[object] = field(default_factory=tuple)
        guided: GuidedTree | None = None

    @dataclass
    class TreesLoaded(Message):
        """The trees folder was read: the good trees and the problems of the others."""

        trees: list[Tree]
        problems: list[TreeProblem]

    def __init__(
        self,
        assistant: Assistant,
        *,
        trees_for: TreesFor | None = None,
        all_trees: AllTrees | None = None,
        start_guided: StartGuided | None = None,
        guided_tree_for: GuidedTreeFor | None = None,
    ) -> None:
        """The assistant's trees are loaded on mount; each provider left None reads them."""
        super().__init__()
        self.assistant = assistant
        self.settings = assistant.settings
        self.trees_dir: Path | None = assistant.trees_dir
        self.trees: list[Tree] = []
        self.trees_ready = False
        self.trees_for: TreesFor = trees_for or self._folder_trees_for
        self.all_trees: AllTrees = all_trees or self._folder_trees
        self.guided_tree_for: GuidedTreeFor = guided_tree_for or self._first_tree_for
        self.start_guided = start_guided
        self.index_is_ready = False
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
        self._settings_lock = threading.Lock()
        self._wanted: dict[str, object] = {}
        #: The theme as the settings file has it (only a change is written back).
        self._saved_theme = self.settings.theme
        self._theme_problem: str | None = None
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self._theme_problem = (
                f"theme {self.settings.theme!r} is not known; using {self.theme} "
                f"(ctrl+p, “Choose theme” lists them)"
            )

    #: Today's date for export names and footers (tests pin it for stable snapshots).
    today = staticmethod(date.today)

    #: The first unhandled exception (a bug); `run_app` re-raises it after the terminal
    #: is restored, so the CLI reports it in one line and exits 70.
    crash: BaseException | None = None

    def _handle_exception(self, error: Exception) -> None:
        """Textual's hook for an unhandled exception: keep it; no traceback on screen.

        Textual would print a full traceback and leave `run()` as if all went well (the
        process exiting 0); the traceback is only printed with KBASSIST_DEBUG set.
        """
        if self.crash is None:
            self.crash = error
        super()._handle_exception(error)
        if not self.settings.debug:
            self.error_console = Console(file=io.StringIO(), stderr=False)

    # ------------------------------------------------------------------ screens

    @property
    def kb(self) -> KBIndex:
        """The open knowledge base's index (the assistant's)."""
        return self.assistant.kb

    def get_default_screen(self) -> Screen:
        return SearchScreen()

    @property
    def search_screen(self) -> SearchScreen:
        return next(s for s in self.screen_stack if isinstance(s, SearchScreen))

    def on_mount(self) -> None:
        self._show_kb_status(KBStatus(self.kb.articles_dir))
        self._prepare_index(full=False, check_first=True)
        if self.trees_dir is not None:
            self._load_trees()
        else:
            self._show_trees()
        self.refresh_sessions()
        if self._theme_problem is not None:
            self.notify(sanitize(self._theme_problem), severity="warning", markup=False)

    @property
    def welcome(self) -> Welcome:
        return self.search_screen.welcome

    def _show_kb_status(self, status: KBStatus) -> None:
        self.kb_status = status
        self.welcome.show_status(status)

    # ------------------------------------------------------------------ trees

    def _folder_trees_for(self, article_id: str) -> Sequence[object]:
        """Default `trees_for`: the loaded trees drawn from the article."""
        return trees_for_article(self.trees, article_id)

    def _folder_trees(self) -> Iterable[object]:
        """Default `all_trees`: every loaded tree."""
        return list(self.trees)

    def _first_tree_for(self, article: Article) -> GuidedTree | None:
        """Default `guided_tree_for`: the article's hand-written tree, else its draft.

        Every article can be walked: without a hand-written tree, one is drafted from the
        article on the fly (a few ms; this runs in the article-loading worker).
        """
        try:
            return self.assistant.guided_tree(article, self._trees(article.id))
        except KBError:
            return None  # nothing in the article to draft from

    def tree_by_id(self, tree_id: str) -> Tree | None:
        """A loaded tree (or one from the `all_trees` provider) by its id."""
        for tree in [*self.trees, *self.all_trees()]:
            if isinstance(tree, Tree) and tree.id == tree_id:
                return tree
        return None

    @work(thread=True, exclusive=True, group="trees")
    def _load_trees(self) -> None:
        """Read the trees folder (linting each tree) off the UI thread."""
        trees, problems = self.assistant.load_trees()
        self.post_message(self.TreesLoaded(trees, problems))

    @on(TreesLoaded)
    def _trees_loaded(self, message: TreesLoaded) -> None:
        self.trees = message.trees
        self.trees_ready = True
        if message.problems:
            shown = "\n".join(str(p) for p in message.problems[:MAX_PROBLEMS_SHOWN])
            more = len(message.problems) - MAX_PROBLEMS_SHOWN
            if more > 0:
                shown += f"\n… and {more} more"
            self.notify(
                sanitize(shown + "\n(`kbassist trees lint` lists them all)"),
                title="Some decision trees could not be loaded",
                severity="warning",
                markup=False,
                timeout=15,
            )
        # Results shown before the trees arrived lack their "guided fix" markers.
        self.search_screen.refresh_results()
        self._show_trees()
        self.refresh_sessions()  # their titles come from the trees
        if self.index_is_ready:
            self._find_examples(self._generation)

    def guided_fixes(self) -> list[object]:
        """Every tree to offer, hand-written (reviewed) first, then saved drafts."""
        try:
            trees = list(self.all_trees())
        except Exception as exc:  # the provider is another team's code: report, go on
            self.log.error(f"all_trees() failed: {exc!r}")
            return []
        return sorted(trees, key=lambda tree: bool(getattr(tree, "draft", False)))

    def _show_trees(self) -> None:
        self.welcome.show_trees(self.guided_fixes())

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

    def has_trees(self, article_id: str) -> bool:
        """Whether an article has a guided fix; a failing provider counts as none."""
        return bool(self._trees(article_id))

    def _trees(self, article_id: str) -> Sequence[object]:
        try:
            return list(self.trees_for(article_id))
        except Exception as exc:  # the provider is another team's code: report, go on
            self.log.error(f"trees_for({article_id!r}) failed: {exc!r}")
            return []

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
            return _palette_entries(reader.titles())
        finally:
            reader.close()

    # ------------------------------------------------------------------ first screen

    @work(thread=True, exclusive=True, group="examples")
    def _find_examples(self, generation: int) -> None:
        """Searches that work on this knowledge base, for the first screen.

        Drawn from the articles of the hand-written trees first, then from titles spread
        over the whole knowledge base; each one was run and found its article. Reads
        through its own `KBIndex` (the titles of 60k articles take ~0.7 s), and keeps
        the titles for the palette, which then opens with them ready.
        """
        worker = get_current_worker()
        reader = self.assistant.new_index()
        try:
            sources: list[tuple[str, str]] = []
            for tree in self.guided_fixes():
                for article_id in getattr(tree, "articles", ()):
                    sources.append((article_id, tree_title(tree)))
                    # A tree may cite an article this knowledge base lacks.
                    with contextlib.suppress(KBError):
                        sources.append((article_id, reader.get(article_id).title))
            titles = reader.titles()
            sources.extend(sample_titles(titles))
            examples = find_examples(
                lambda text, limit: reader.search(text, limit=limit, snippets=False),
                sources,
                stop=lambda: worker.is_cancelled,
            )
            entries = _palette_entries(titles)
        except KBError as exc:  # the index went away under us: no examples, said once
            self.log.warning(f"examples: {exc}")
            examples, entries = [], []
        finally:
            reader.close()
        if not worker.is_cancelled:
            self.post_message(self.ExamplesFound(generation, examples, entries))

    @on(ExamplesFound)
    def _examples_found(self, message: ExamplesFound) -> None:
        if message.generation != self._generation:
            return  # about a knowledge base no longer open
        if message.titles and self._titles is None:
            self._titles = message.titles
        self.welcome.show_examples(message.examples)

    def refresh_sessions(self) -> None:
        """Read the saved sessions again for the first screen (a small folder)."""
        self._list_sessions()

    @work(thread=True, exclusive=True, group="list-sessions")
    def _list_sessions(self) -> None:
        sessions, _failed = list_sessions()  # the sessions screen lists the failures
        self.post_message(self.SessionsListed(sessions))

    @on(SessionsListed)
    def _sessions_listed(self, message: SessionsListed) -> None:
        self.welcome.show_sessions(
            message.sessions, {saved.name: self.session_title(saved) for saved in message.sessions}
        )

    def session_title(self, saved: Session) -> str:
        """What a saved session is a walk of: its tree's title, or the drafted article."""
        if saved.drafted_from is not None:
            return f"auto-drafted from {saved.drafted_from}"
        tree = self.tree_by_id(saved.tree_id)
        return tree.title if tree is not None else f"tree {saved.tree_id}"

    @on(Welcome.TreeChosen)
    def _welcome_tree(self, message: Welcome.TreeChosen) -> None:
        self.start_guided_fix(message.tree, None)

    @on(Welcome.SessionChosen)
    def _welcome_session(self, message: Welcome.SessionChosen) -> None:
        self.resume_saved(message.session)

    @on(Welcome.AllSessionsChosen)
    def _welcome_all_sessions(self) -> None:
        self.action_sessions()

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

    def _progress_panels(self) -> list[IndexProgress]:
        return [panel for screen in self.screen_stack for panel in screen.query(IndexProgress)]

    @on(IndexStarted)
    def _index_started(self, message: IndexStarted) -> None:
        if message.generation != self._generation:
            return
        self._indexing = True
        label = "Indexing" if not self.index_is_ready else "Reindexing"
        for panel in self._progress_panels():
            panel.start(label)
        if not self.index_is_ready:
            self._show_kb_status(KBStatus(self.kb.articles_dir, "indexing"))
        if message.reason not in ("update", "rebuild", "no index yet"):
            where = display_path(self.kb.articles_dir)
            self.notify(f"{message.reason}: indexing {where}", markup=False)

    @on(IndexProgressed)
    def _index_progressed(self, message: IndexProgressed) -> None:
        if message.generation != self._generation:
            return
        for panel in self._progress_panels():
            panel.update_progress(message.done, message.total, message.rate)

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        if message.generation != self._generation:
            return
        self._indexing = False
        self.index_is_ready = True
        self._forget_titles()  # re-read for the palette: titles may have changed
        for panel in self._progress_panels():
            panel.finish()
        self.search_screen.index_ready(message.products, message.doc_count)
        report = message.report
        # This run brought the index up to date: it is as fresh as now.
        indexed_at = time.time() if report is not None else self.kb.indexed_at()
        self._show_kb_status(KBStatus(self.kb.articles_dir, "ready", message.doc_count, indexed_at))
        if self.trees_ready:
            self._find_examples(self._generation)
        asked, self._asked_reindex = self._asked_reindex, False
        if report is not None:
            if asked:  # the first screen shows what an automatic run did
                self.notify(report.summary(), title="Index updated", markup=False)
            if report.problems:
                shown = "\n".join(str(p) for p in report.problems[:5])
                more = len(report.problems) - 5
                if more > 0:
                    shown += f"\n… and {more} more"
                self.notify(
                    sanitize(shown),
                    title=f"{len(report.problems)} files skipped",
                    severity="warning",
                    markup=False,
                    timeout=15,
                )
            if report.duplicates:
                self.notify(
                    "\n".join(report.duplicate_notes()),
                    title=f"{len(report.duplicates)} ids used by several articles",
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
        for panel in self._progress_panels():
            panel.finish()
        error = message.error
        if not self.index_is_ready:
            folder = self.kb.articles_dir
            # The first screen names the folder already: its problem is enough.
            about_folder = error.path is not None and Path(error.path) == folder
            self.search_screen.index_unavailable(failed=True)
            self._show_kb_status(
                KBStatus(
                    folder,
                    "failed",
                    error=error.message if about_folder else str(error),
                    empty=message.empty,
                )
            )
            if self.screen is self.search_screen:
                return  # the first screen says what is wrong and what to do
        self.notify(
            sanitize(str(message.error)) + "\n(ctrl+r retries)",
            title="Index unavailable",
            severity="error",
            markup=False,
            timeout=30,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Inside a guided fix, the footer keeps to the walk (the palette still has these)."""
        if action == "sessions" and isinstance(self.screen, SessionsScreen):
            return False
        guided = isinstance(self.screen, (GuidedScreen, TreeViewScreen))
        return not (guided and action in ("reindex", "sessions"))

    def action_reindex(self, full: bool = False) -> None:
        """Update the index from the articles folder (only changed files are re-read)."""
        if self._indexing:
            self.notify("Indexing is already running")
            return
        self._asked_reindex = True
        self._prepare_index(full=full, check_first=False)

    # ------------------------------------------------------------------ articles

    def open_article(self, article_id: str) -> None:
        """Read an article in a thread, then show it."""
        self._load_article(article_id)

    def read_article(self, article_id: str) -> Article:
        """Read an article under the lock (from worker threads); KBError if it cannot."""
        with _damage_as_kb_error():
            return self.assistant.article(article_id)

    def _guided_for(self, article: Article) -> GuidedTree | None:
        """The provider's tree for an article; a failing provider counts as none."""
        try:
            return self.guided_tree_for(article)
        except Exception as exc:  # the provider is another team's code: report, go on
            self.log.error(f"guided_tree_for({article.id!r}) failed: {exc!r}")
            return None

    @work(thread=True, exclusive=True, group="article")
    def _load_article(self, article_id: str) -> None:
        try:
            article = self.read_article(article_id)
        except AmbiguousIdError as exc:  # its message lists the articles to choose from
            self.notify(sanitize(str(exc)), severity="warning", markup=False, timeout=15)
            return
        except NotFoundError:
            self.notify(
                sanitize(displayable(f"{article_id} is not in this knowledge base")),
                severity="warning",
                markup=False,
            )
            return
        except KBError as exc:
            self.notify(sanitize(str(exc)), severity="error", markup=False)
            return
        trees = self._trees(article.id)
        guided = self._guided_for(article)  # may draft a tree: slow, so here in the thread
        if not get_current_worker().is_cancelled:
            self.post_message(self.ArticleLoaded(article, trees, guided))

    @on(ArticleLoaded)
    def _article_loaded(self, message: ArticleLoaded) -> None:
        self.push_screen(ArticleScreen(message.article, message.trees, message.guided))

    @on(ArticleScreen.ReferenceChosen)
    def _reference_chosen(self, message: ArticleScreen.ReferenceChosen) -> None:
        self.open_article(message.article_id)

    # ------------------------------------------------------------------ guided fixes

    @on(ArticleScreen.GuidedFixRequested)
    def _guided_requested(self, message: ArticleScreen.GuidedFixRequested) -> None:
        self.start_guided_fix(message.tree, message.article.id, drafted=message.drafted)

    def start_guided_fix(
        self, tree: object, article_id: str | None, *, drafted: bool = False
    ) -> None:
        """Open the walkthrough on `tree` (or hand it to an injected `start_guided`)."""
        if self.start_guided is not None:
            self.start_guided(tree, article_id)
            return
        if not isinstance(tree, Tree):
            self.notify(
                sanitize(f"“{tree_title(tree)}” is not a decision tree this app can walk"),
                severity="warning",
                markup=False,
            )
            return
        self.push_screen(WalkScreen(GuidedWalk(Walk(tree), article_id, drafted=drafted)))

    def unsaved_walk(self) -> GuidedWalk | None:
        """The open walk (topmost first) whose progress quitting now would lose."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, GuidedScreen) and screen.guided.unsaved:
                return screen.guided
        return None

    async def action_quit(self) -> None:
        """Quit; with a walk's progress unsaved, only after a yes (ctrl+q twice: quit)."""
        guided = self.unsaved_walk()
        if guided is None or isinstance(self.screen, QuitDialog):
            self.exit()
            return
        self.push_screen(
            QuitDialog(
                "Quit without saving?",
                f"The {unsaved_work(guided)} in “{guided.tree.title}” would be lost. "
                "ctrl+s saves the walk as a session to resume later.",
                yes_label="Quit",
                no_label="Stay",
            ),
            lambda yes: self.exit() if yes else None,
        )

    def resume_saved(self, saved: Session) -> None:
        """Resume a saved session (from the sessions screen, the first screen, the palette)."""
        self._resume(saved)

    @work(thread=True, exclusive=True, group="resume")
    def _resume(self, saved: Session) -> None:
        """Find the session's tree (drafting it again if it was drafted) and replay the
        saved steps on it, off the UI thread: the same core call as `walk --resume`."""
        try:
            resumed = resume_session(
                saved, tree_by_id=self.tree_by_id, get_article=self.read_article
            )
        except KBError as exc:
            self.notify(sanitize(str(exc)), title="Cannot resume", severity="error", markup=False)
            return
        self.post_message(self.SessionResumed(saved, resumed))

    @on(SessionResumed)
    def _session_resumed(self, message: SessionResumed) -> None:
        guided = GuidedWalk.resumed(message.resumed, message.session.name)
        self.resume_walk(guided, message.resumed.message)

    def resume_walk(self, guided: GuidedWalk, message: str) -> None:
        """Continue a saved walk: in place of the sessions screen, or on top of the rest."""
        if message:
            self.notify(sanitize(message), title="Session resumed", markup=False, timeout=12)
        if isinstance(self.screen, SessionsScreen):
            self.switch_screen(WalkScreen(guided))
        else:
            self.push_screen(WalkScreen(guided))

    def action_sessions(self) -> None:
        """The saved walks, to resume or delete."""
        if not isinstance(self.screen, SessionsScreen):
            self.push_screen(SessionsScreen())

    # ------------------------------------------------------------------ everywhere

    def action_help(self) -> None:
        """F1 anywhere: what to type, what guided fixes are, where files go, the keys."""
        if isinstance(self.screen, HelpScreen):
            return
        groups: list[tuple[str, Sequence[BindingType], type[Screen] | None]] = [
            ("Search", SearchScreen.BINDINGS, SearchScreen),
            ("Article", ArticleScreen.BINDINGS, ArticleScreen),
            ("Guided fix", WalkScreen.BINDINGS, WalkScreen),
            ("Checklist", ChecklistScreen.BINDINGS, ChecklistScreen),
            ("Saved sessions", SessionsScreen.BINDINGS, SessionsScreen),
            ("Decision tree view", TreeViewScreen.BINDINGS, TreeViewScreen),
        ]
        # The keys of the screen help was asked from come first, then those that work
        # everywhere, then the other screens'.
        here = [g for g in groups if g[2] is not None and isinstance(self.screen, g[2])]
        rest = [g for g in groups if g not in here]
        everywhere = ("Everywhere", [*self.BINDINGS, Binding("ctrl+p", "", "Command palette")])
        keys = [(f"{title} (this screen)", b) for title, b, _ in here]
        keys += [everywhere, *((title, b) for title, b, _ in rest)]
        self.push_screen(HelpScreen(self.places(), keys))

    def places(self) -> Places:
        """Where this app reads and writes, for the help screen."""
        return Places(
            articles=self.kb.articles_dir,
            index=self.kb.index_dir,
            trees=self.trees_dir,
            sessions=sessions_dir(),
            exports=self.settings.export_dir,
            settings=config_path(),
        )

    def export_folder(self) -> Path:
        """Where exports go unless a path is typed: the export_dir setting, else the cwd."""
        return self.settings.export_dir or Path.cwd()

    def action_focus_search(self) -> None:
        """Back to the search box from anywhere."""
        while not isinstance(self.screen, SearchScreen):
            self.pop_screen()
        self.search_screen.action_focus_query()

    # ------------------------------------------------------------------ the palette

    def action_command_palette(self) -> None:
        """ctrl+p: the palette, keeping an Enter typed before its hits arrive."""
        if self.use_command_palette and not KBCommandPalette.is_open(self):
            self.push_screen(KBCommandPalette(id="--command-palette"))

    def _palette_of(self, provider: type, placeholder: str) -> None:
        self.push_screen(KBCommandPalette(providers=[provider], placeholder=placeholder))

    def action_open_article(self) -> None:
        """A palette of the articles only, by id or title."""
        self._palette_of(ArticleCommands, "Type part of an article's id or title…")

    def action_pick_guided_fix(self) -> None:
        """A palette of the guided fixes (hand-written trees) only."""
        if not self.guided_fixes():
            self.notify(
                "No hand-written decision trees are loaded. Open an article and press g "
                "for a walk auto-drafted from it.",
                markup=False,
            )
            return
        self._palette_of(TreeList, "Type part of a guided fix's title…")

    def action_pick_session(self) -> None:
        """A palette of the saved sessions only."""
        self._palette_of(SessionList, "Type part of a session's name or tree…")

    def search_themes(self) -> None:
        """Textual's theme picker, in the palette that keeps an early Enter."""
        from textual.theme import ThemeProvider

        self._palette_of(ThemeProvider, "Search for themes…")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The current screen's commands, then kbassist's: not Textual's generic ones
        (Maximize, Screenshot, a second Help and Keys) that mean nothing here."""
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            yield from commands()
        yield SystemCommand(
            "Help", "What to type, guided fixes and drafts, where files go (F1)", self.action_help
        )
        yield SystemCommand(
            "Open article…", "Find an article by its id or title", self.action_open_article
        )
        yield SystemCommand(
            "Start guided fix…",
            "Walk a hand-written decision tree, chosen by its title",
            self.action_pick_guided_fix,
        )
        yield SystemCommand(
            "Resume session…", "Continue a saved guided fix", self.action_pick_session
        )
        yield SystemCommand(
            "Saved sessions", "List, resume or delete saved walks (ctrl+o)", self.action_sessions
        )
        yield SystemCommand(
            "Reindex",
            "Re-read the articles changed since the last index (ctrl+r)",
            self.action_reindex,
        )
        yield SystemCommand(
            "Rebuild index",
            "Index every article again, from scratch",
            lambda: self.action_reindex(full=True),
        )
        yield SystemCommand(
            "Switch knowledge base…",
            "Open another articles folder (opened by default from then on)",
            self.action_switch_kb,
        )
        yield SystemCommand(
            "Toggle theme", "Dark or light (kept for next time)", self.action_toggle_theme
        )
        yield SystemCommand(
            "Choose theme…", "Every colour theme (kept for next time)", self.action_change_theme
        )
        yield SystemCommand("Quit", "Leave kbassist (ctrl+q)", self.action_quit)

    # ------------------------------------------------------------------ settings

    def action_toggle_theme(self) -> None:
        """Dark <-> light; the choice is written to the settings file."""
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME

    def watch_theme(self, theme: str) -> None:
        """A theme chosen here is the theme of the next run too."""
        if theme != self._saved_theme:
            self._saved_theme = theme
            self.save_preference("theme", theme)

    def save_preference(self, key: str, value: object) -> None:
        """Write one setting to the settings file, off the UI thread; the last one wins."""
        self._wanted[key] = value
        self._save_preference(key, value)

    @work(thread=True, group="settings")
    def _save_preference(self, key: str, value: object) -> None:
        with self._settings_lock:
            if self._wanted.get(key) != value:
                return  # a newer value was asked for: it is written instead
            try:
                save_setting(key, value)
            except KBError as exc:
                self.notify(
                    sanitize(f"{exc}\n(kept for this run only)"),
                    title=f"Could not save the {key.replace('_', ' ')} setting",
                    severity="warning",
                    markup=False,
                    timeout=15,
                )

    # ------------------------------------------------------------------ another KB

    def action_switch_kb(self) -> None:
        """Ask for another articles folder and open it (it becomes the default)."""
        current = self.kb.articles_dir
        self.push_screen(
            TextPromptDialog(
                "Switch knowledge base",
                f"Articles folder to open (now {home_path(current)}). kbassist opens it "
                "by default from then on; `kbassist config` shows where that is kept.",
                str(current),
                check=folder_problem,
                hint=lambda text: f"→ {resolve_folder(text)}",
                ok_label="Open",
                id="switch-dialog",
            ),
            self._switch_chosen,
        )

    def _switch_chosen(self, text: str | None) -> None:
        if text is None:
            return
        folder = resolve_folder(text)
        guided = self.unsaved_walk()
        if guided is None:
            self.call_later(self.switch_kb, folder)
            return
        self.push_screen(
            ConfirmDialog(
                "Switch without saving?",
                f"The {unsaved_work(guided)} in “{guided.tree.title}” would be lost. "
                "ctrl+s saves the walk as a session to resume later.",
                yes_label="Switch",
                no_label="Stay",
            ),
            lambda yes: self.call_later(self.switch_kb, folder) if yes else None,
        )

    def switch_kb(self, folder: Path) -> None:
        """Open `folder` as the knowledge base: back to the first screen, index it."""
        while not isinstance(self.screen, SearchScreen):
            self.pop_screen()
        self._generation += 1
        self.workers.cancel_group(self, "examples")
        self.assistant.switch_articles(folder)  # closes the old index
        self.index_is_ready = False
        self._indexing = False
        self._asked_reindex = False
        self._forget_titles()
        for panel in self._progress_panels():
            panel.finish()
        self.search_screen.index_unavailable(failed=False)
        self._show_kb_status(KBStatus(folder))
        self._prepare_index(full=False, check_first=True)
        self.save_preference("articles_dir", folder)
        self.notify(
            sanitize(f"Opened {display_path(folder)}; kbassist opens it by default from now on"),
            title="Knowledge base switched",
            markup=False,
        )


def _holds_no_articles(folder: Path) -> bool:
    """Whether an articles folder exists and has no .md file (stops at the first)."""
    try:
        return folder.is_dir() and next(iter(folder.rglob("*.md")), None) is None
    except OSError:
        return False


def _palette_entries(titles: Iterable[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(id, title, lower-cased "id title") of each article, sanitized, for the palette."""
    out = []
    for article_id, title in titles:
        article_id, title = sanitize(article_id), sanitize(title)
        out.append((article_id, title, f"{article_id} {title}".lower()))
    return out


def make_app(
    articles: Path | None = None,
    index_dir: Path | None = None,
    *,
    settings: Settings | None = None,
    trees_dir: Path | None = None,
    trees_for: TreesFor | None = None,
    all_trees: AllTrees | None = None,
    start_guided: StartGuided | None = None,
    guided_tree_for: GuidedTreeFor | None = None,
) -> KBAssistApp:
    """The one way to build the app: the CLI and the tests both come through here.

    `settings` are what the entry point read (read here when not given); the folders
    passed in win over them. Trees come from `trees_dir` (default: the settings', else
    the bundled trees); each provider passed in replaces the one built from that folder.
    """
    settings = settings if settings is not None else load_settings()
    assistant = Assistant(settings, articles_dir=articles, index_dir=index_dir, trees_dir=trees_dir)
    return KBAssistApp(
        assistant,
        trees_for=trees_for,
        all_trees=all_trees,
        start_guided=start_guided,
        guided_tree_for=guided_tree_for,
    )


def run_app(
    articles: Path | None = None,
    index_dir: Path | None = None,
    trees_dir: Path | None = None,
    *,
    settings: Settings | None = None,
) -> None:
    """Open the TUI (called by a bare `kbassist`); then re-raise what it died of, if anything.

    The CLI turns that into `kbassist: error: internal error: ...` and exit 70, like any
    other bug: a TUI that crashed never exits 0.
    """
    app = make_app(articles=articles, index_dir=index_dir, trees_dir=trees_dir, settings=settings)
    try:
        app.run()
    finally:
        app.assistant.close()
    if app.crash is not None:
        raise app.crash
    if app.return_code:
        raise RuntimeError(f"the terminal UI stopped with return code {app.return_code}")
