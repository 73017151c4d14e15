"""The Textual app: one factory (`make_app`) builds it for the CLI and for the tests.

Threads: the whoosh searcher is shared, so every read of `self.kb` happens under
`self._kb_lock`. Indexing writes through its own `KBIndex`, so searching goes on (on the
previous generation) while it runs; the reader reopens the new one by itself.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from kbassist.articles import Article
from kbassist.errors import KBError, NotFoundError
from kbassist.index import IndexDamaged, KBIndex, SearchResult, UpdateReport
from kbassist.paths import default_articles_dir, index_dir_for
from kbassist.render import sanitize
from kbassist.trees.catalog import default_trees_dir, load_trees, trees_for_article
from kbassist.trees.engine import Walk
from kbassist.trees.model import Tree, TreeProblem
from kbassist.tui.commands import ArticleCommands, TreeCommands
from kbassist.tui.guided import GuidedWalk
from kbassist.tui.hooks import (
    AllTrees,
    GuidedTree,
    GuidedTreeFor,
    StartGuided,
    TreesFor,
    tree_title,
)
from kbassist.tui.screens.article import ArticleScreen
from kbassist.tui.screens.checklist import ChecklistScreen
from kbassist.tui.screens.guided_base import GuidedScreen
from kbassist.tui.screens.help import HelpScreen
from kbassist.tui.screens.search import SearchScreen
from kbassist.tui.screens.sessions import SessionsScreen
from kbassist.tui.screens.tree_view import TreeViewScreen
from kbassist.tui.screens.walk import WalkScreen
from kbassist.tui.widgets.index_progress import IndexProgress

#: Tree problems listed in the one notification shown when trees fail to load.
MAX_PROBLEMS_SHOWN = 5


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
    COMMANDS = App.COMMANDS | {ArticleCommands, TreeCommands}
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

    @dataclass
    class IndexProgressed(Message):
        """The indexer got through `done` of `total` files."""

        done: int
        total: int
        rate: float

    @dataclass
    class IndexReady(Message):
        """The index can be searched; `report` is set when this run wrote it."""

        products: list[str]
        doc_count: int
        report: UpdateReport | None = None

    @dataclass
    class IndexFailed(Message):
        """Indexing or opening the index failed with a problem the user can act on."""

        error: KBError

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
        kb: KBIndex,
        *,
        trees_dir: Path | None = None,
        trees_for: TreesFor | None = None,
        all_trees: AllTrees | None = None,
        start_guided: StartGuided | None = None,
        guided_tree_for: GuidedTreeFor | None = None,
    ) -> None:
        """`trees_dir` is loaded on mount; each provider left None reads those trees."""
        super().__init__()
        self.kb = kb
        self.trees_dir = trees_dir
        self.trees: list[Tree] = []
        self.trees_ready = trees_dir is None
        self.trees_for: TreesFor = trees_for or self._folder_trees_for
        self.all_trees: AllTrees = all_trees or self._folder_trees
        self.guided_tree_for: GuidedTreeFor = guided_tree_for or self._first_tree_for
        self.start_guided = start_guided
        self.index_is_ready = False
        self._kb_lock = threading.Lock()
        self._titles: list[tuple[str, str, str]] | None = None
        self._indexing = False

    #: Today's date for export names and footers (tests pin it for stable snapshots).
    today = staticmethod(date.today)

    # ------------------------------------------------------------------ screens

    def get_default_screen(self) -> Screen:
        return SearchScreen()

    @property
    def search_screen(self) -> SearchScreen:
        return next(s for s in self.screen_stack if isinstance(s, SearchScreen))

    def on_mount(self) -> None:
        self._prepare_index(full=False, check_first=True)
        if self.trees_dir is not None:
            self._load_trees(self.trees_dir)

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
        trees = self._trees(article.id)
        if trees:
            return (trees[0], False)
        from kbassist.trees.draft import draft_tree_model

        try:
            return (draft_tree_model(article), True)
        except KBError:
            return None  # nothing in the article to draft from

    def tree_by_id(self, tree_id: str) -> Tree | None:
        """A loaded tree (or one from the `all_trees` provider) by its id."""
        for tree in [*self.trees, *self.all_trees()]:
            if isinstance(tree, Tree) and tree.id == tree_id:
                return tree
        return None

    @work(thread=True, exclusive=True, group="trees")
    def _load_trees(self, folder: Path) -> None:
        """Read the trees folder (linting each tree) off the UI thread."""
        trees, problems = load_trees(folder)
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
        with self._kb_lock, _damage_as_kb_error():
            return self.kb.search(text, product=product, limit=limit, cancelled=cancelled)

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
        """(id, title, lower-cased "id title") of every article, read once per index."""
        if self._titles is None:
            if not self.index_is_ready:
                return []
            self._titles = await asyncio.to_thread(self._read_titles)
        return self._titles

    def _read_titles(self) -> list[tuple[str, str, str]]:
        # Its own KBIndex: iterating 60k stored fields must not hold the search lock.
        reader = KBIndex(self.kb.articles_dir, self.kb.index_dir)
        try:
            out = []
            for article_id, title in reader.titles():
                article_id, title = sanitize(article_id), sanitize(title)
                out.append((article_id, title, f"{article_id} {title}".lower()))
            return out
        finally:
            reader.close()

    # ------------------------------------------------------------------ indexing

    @work(thread=True, exclusive=True, group="index")
    def _prepare_index(self, full: bool, check_first: bool) -> None:
        """Bring the index up to date (when needed), then announce it is ready."""
        worker = get_current_worker()
        report: UpdateReport | None = None
        try:
            reason = self.kb.status() if check_first else ("rebuild" if full else "update")
            if reason is not None:
                self.post_message(self.IndexStarted(reason))
                writer = KBIndex(self.kb.articles_dir, self.kb.index_dir)
                started = time.perf_counter()

                def progress(done: int, total: int) -> None:
                    if worker.is_cancelled:
                        raise _IndexingCancelled
                    rate = done / max(time.perf_counter() - started, 1e-6)
                    self.post_message(self.IndexProgressed(done, total, rate))

                try:
                    report = writer.update(progress=progress, full=full)
                finally:
                    writer.close()
            with self._kb_lock, _damage_as_kb_error():
                products = self.kb.products()
                count = self.kb.doc_count()
        except _IndexingCancelled:
            return
        except KBError as exc:
            self.post_message(self.IndexFailed(exc))
            return
        self.post_message(self.IndexReady(products, count, report))

    def _progress_panels(self) -> list[IndexProgress]:
        return [panel for screen in self.screen_stack for panel in screen.query(IndexProgress)]

    @on(IndexStarted)
    def _index_started(self, message: IndexStarted) -> None:
        self._indexing = True
        label = "Indexing" if not self.index_is_ready else "Reindexing"
        for panel in self._progress_panels():
            panel.start(label)
        if message.reason not in ("update", "rebuild", "no index yet"):
            self.notify(f"{message.reason}: indexing {self.kb.articles_dir}", markup=False)

    @on(IndexProgressed)
    def _index_progressed(self, message: IndexProgressed) -> None:
        for panel in self._progress_panels():
            panel.update_progress(message.done, message.total, message.rate)

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        self._indexing = False
        self.index_is_ready = True
        self._titles = None  # re-read for the palette: titles may have changed
        for panel in self._progress_panels():
            panel.finish()
        self.search_screen.index_ready(message.products, message.doc_count)
        report = message.report
        if report is not None:
            self.notify(report.summary(), title="Index up to date", markup=False)
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

    @on(IndexFailed)
    def _index_failed(self, message: IndexFailed) -> None:
        self._indexing = False
        for panel in self._progress_panels():
            panel.finish()
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
        self._prepare_index(full=full, check_first=False)

    # ------------------------------------------------------------------ articles

    def open_article(self, article_id: str) -> None:
        """Read an article in a thread, then show it."""
        self._load_article(article_id)

    def read_article(self, article_id: str) -> Article:
        """Read an article under the lock (from worker threads); KBError if it cannot."""
        with self._kb_lock, _damage_as_kb_error():
            return self.kb.get(article_id)

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
        except NotFoundError:
            self.notify(
                sanitize(f"{article_id} is not in this knowledge base"),
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

    def resume_walk(self, guided: GuidedWalk, message: str) -> None:
        """Continue a saved walk in place of the sessions screen."""
        if message:
            self.notify(sanitize(message), title="Session resumed", markup=False, timeout=12)
        self.switch_screen(WalkScreen(guided))

    def action_sessions(self) -> None:
        """The saved walks, to resume or delete."""
        if not isinstance(self.screen, SessionsScreen):
            self.push_screen(SessionsScreen())

    # ------------------------------------------------------------------ everywhere

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(
            HelpScreen(
                [
                    ("Everywhere", [*self.BINDINGS, Binding("ctrl+p", "", "Command palette")]),
                    ("Search", SearchScreen.BINDINGS),
                    ("Article", ArticleScreen.BINDINGS),
                    ("Guided fix", WalkScreen.BINDINGS),
                    ("Checklist", ChecklistScreen.BINDINGS),
                    ("Saved sessions", SessionsScreen.BINDINGS),
                    ("Decision tree view", TreeViewScreen.BINDINGS),
                ]
            )
        )

    def action_focus_search(self) -> None:
        """Back to the search box from anywhere."""
        while not isinstance(self.screen, SearchScreen):
            self.pop_screen()
        self.search_screen.action_focus_query()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Reindex", "Update the index from the articles folder", self.action_reindex
        )
        yield SystemCommand(
            "Rebuild index",
            "Rebuild the index from scratch",
            lambda: self.action_reindex(full=True),
        )
        yield SystemCommand("Help", "Show the key bindings", self.action_help)
        yield SystemCommand(
            "Saved sessions", "Resume or delete a saved guided fix", self.action_sessions
        )
        if isinstance(screen, (WalkScreen, ChecklistScreen)):
            yield SystemCommand(
                "Show decision tree", "The tree with the path taken", screen.action_show_tree
            )
            yield SystemCommand(
                "Save session", "Save this walk to resume later", screen.action_save_session
            )


def make_app(
    articles: Path | None = None,
    index_dir: Path | None = None,
    *,
    trees_dir: Path | None = None,
    trees_for: TreesFor | None = None,
    all_trees: AllTrees | None = None,
    start_guided: StartGuided | None = None,
    guided_tree_for: GuidedTreeFor | None = None,
) -> KBAssistApp:
    """The one way to build the app: the CLI and the tests both come through here.

    Trees come from `trees_dir` (default: $KBASSIST_TREES, else the bundled trees);
    each provider passed in replaces the one built from that folder.
    """
    articles_dir = Path(articles) if articles is not None else default_articles_dir()
    kb = KBIndex(articles_dir, index_dir_for(articles_dir, index_dir))
    return KBAssistApp(
        kb,
        trees_dir=Path(trees_dir) if trees_dir is not None else default_trees_dir(),
        trees_for=trees_for,
        all_trees=all_trees,
        start_guided=start_guided,
        guided_tree_for=guided_tree_for,
    )


def run_app(
    articles: Path | None = None, index_dir: Path | None = None, trees_dir: Path | None = None
) -> None:
    """Open the TUI (called by a bare `kbassist`)."""
    app = make_app(articles=articles, index_dir=index_dir, trees_dir=trees_dir)
    try:
        app.run()
    finally:
        app.kb.close()
