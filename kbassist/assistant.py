"""Use cases the CLI and the TUI share: each lives here once; the surfaces parse and draw.

`Assistant` holds what one run works on: the settings, the knowledge base (its
`KBIndex`) and the trees folder (its catalog, loaded once). Each use case is a method:
bring the index up to date, search, read an article, find the tree to walk for an
article (its hand-written tree, else one drafted from it), resolve a tree reference,
walk from an answers file, start, resume, save and delete a session, export. The CLI
parses options into one and prints what it returns; the TUI holds one and draws it.

Reads of the shared index go under one lock (`kb_lock`), so a surface may call the
assistant from several threads. Heavy modules (the index, the drafter, the checklist)
load inside the methods, so `kbassist search --help` stays fast.

The module-level functions (`resume_session`, `export_checklist`) are the same use
cases for a caller that brings its own lookups (the TUI's tree providers).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload

from kbassist.errors import DataError, KBError, NotFoundError, OutputError, UsageError
from kbassist.paths import bundled_articles_dir, bundled_trees_dir, index_dir_for
from kbassist.settings import Settings

if TYPE_CHECKING:
    from kbassist.articles import Article
    from kbassist.index import KBIndex, SearchResult, UpdateReport
    from kbassist.trees.checklist import Checklist, ItemKey
    from kbassist.trees.engine import Walk
    from kbassist.trees.export import ArticleRef, ExportFormat, TicketInfo
    from kbassist.trees.model import Tree, TreeProblem
    from kbassist.trees.session import Resumed, Session, TickKey

log = logging.getLogger(__name__)

#: A loaded tree by id, or None when there is no such tree.
TreeById = Callable[[str], "Tree | None"]
#: An article by id; raises NotFoundError (or another KBError) when it cannot.
ArticleById = Callable[[str], "Article"]
#: An article by id for an export; None (or NotFoundError) when it cannot be had.
ArticleOrNone = Callable[[str], "Article | None"]
#: Indexing progress: (files done, files in all).
Progress = Callable[[int, int], None]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class IndexHooks:
    """How a surface hears about indexing the assistant starts by itself.

    Given to `Assistant`, the first use of the knowledge base brings its index up to
    date (the CLI: a missing or stale index is built before the search). Without them
    the index is used as it is (the TUI indexes in a worker of its own).
    """

    #: Called with the reason (missing, stale, damaged) before indexing starts.
    started: Callable[[str], None] | None = None
    #: Returns the progress callback for this run (None: no progress shown).
    progress: Callable[[], Progress | None] | None = None
    #: Called with the report once the index is written.
    finished: Callable[[UpdateReport], None] | None = None


@dataclass(frozen=True, slots=True)
class TreeChoice:
    """The tree a reference named, and how: a tree id or file, or an article's tree."""

    tree: Tree
    #: The article the reference named (None: it named a tree).
    article_id: str | None = None
    #: True when the tree was drafted from that article on the fly.
    drafted: bool = False


class Assistant:
    """One knowledge base, one trees folder and the settings they were chosen by."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        articles_dir: Path | None = None,
        index_dir: Path | None = None,
        trees_dir: Path | None = None,
        index_hooks: IndexHooks | None = None,
    ) -> None:
        """Folders given here win over the settings'; the settings' over the bundled ones."""
        self.settings = settings if settings is not None else Settings()
        if articles_dir is None:
            articles_dir = self.settings.articles_dir or bundled_articles_dir()
        self.articles_dir = Path(articles_dir)
        self.index_dir = index_dir_for(
            self.articles_dir, index_dir if index_dir is not None else self.settings.index_dir
        )
        self.trees_dir = Path(trees_dir or self.settings.trees_dir or bundled_trees_dir())
        self.index_hooks = index_hooks
        #: Held around every read of the shared index (re-entrant: a caller may hold it).
        self.kb_lock = threading.RLock()
        self._kb: KBIndex | None = None
        self._kb_checked = False
        self._trees: list[Tree] | None = None
        self._trees_lock = threading.Lock()

    # ------------------------------------------------------------------ the index

    def new_index(self, articles_dir: Path | None = None, index_dir: Path | None = None) -> KBIndex:
        """A `KBIndex` of its own on this knowledge base (or on the folders given), for a
        writer or a long read that must not hold `kb_lock`."""
        from kbassist.index import KBIndex

        return KBIndex(
            articles_dir or self.articles_dir,
            index_dir or self.index_dir,
            lock_timeout=self.settings.lock_timeout,
        )

    @property
    def kb(self) -> KBIndex:
        """The shared index, opened on first use (not checked: see `ready_kb`)."""
        with self.kb_lock:
            if self._kb is None:
                self._kb = self.new_index()
            return self._kb

    def ready_kb(self) -> KBIndex:
        """The shared index, brought up to date first (once) when `index_hooks` were given."""
        kb = self.kb
        if self.index_hooks is not None and not self._kb_checked:
            self.ensure_index()
        return kb

    def ensure_index(self) -> UpdateReport | None:
        """Index the articles if the index is missing, stale or damaged; None if it was fine.

        A folder that is not an articles folder is a DataError naming it (exit 4).
        """
        kb = self.kb
        hooks = self.index_hooks or IndexHooks()
        started = time.perf_counter()
        kb.check_articles_dir()
        reason = kb.status()
        log.debug("index status checked in %.3fs: %s", time.perf_counter() - started, reason)
        self._kb_checked = True
        if reason is None:
            return None
        log.info("indexing %s: %s", self.articles_dir, reason)
        if hooks.started is not None:
            hooks.started(reason)
        report = kb.update(progress=hooks.progress() if hooks.progress else None)
        if hooks.finished is not None:
            hooks.finished(report)
        return report

    def update_index(self, *, full: bool = False, progress: Progress | None = None) -> UpdateReport:
        """Re-read the added, changed and removed articles (every one with `full`)."""
        report = self.kb.update(progress=progress, full=full)
        self._kb_checked = True
        log.info("indexed %s in %.2fs", self.articles_dir, report.seconds)
        return report

    def switch_articles(self, folder: Path) -> KBIndex:
        """Open another articles folder in place of this one (the old index is closed).

        An index folder given on the command line belongs to the folder it was given
        for; one from the settings applies to every knowledge base.
        """
        chosen = self.settings.index_dir
        index_dir = index_dir_for(
            folder, None if self.settings.source("index_dir") == "option" else chosen
        )
        with self.kb_lock:
            old = self._kb
            self.articles_dir, self.index_dir = Path(folder), index_dir
            self._kb, self._kb_checked = self.new_index(), False
            if old is not None:
                old.close()
            return self._kb

    def close(self) -> None:
        """Close the shared index (the assistant opens it again if used after)."""
        with self.kb_lock:
            if self._kb is not None:
                self._kb.close()
                self._kb = None

    def search(
        self,
        text: str,
        *,
        limit: int = 20,
        product: str | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SearchResult:
        """Ranked hits for `text`; `cancelled` stops a search a newer one replaced."""
        kb = self.ready_kb()
        started = time.perf_counter()
        with self.kb_lock:
            result = kb.search(text, limit=limit, product=product, cancelled=cancelled)
        log.debug("search %r took %.3fs", text, time.perf_counter() - started)
        return result

    def article(self, article_id: str) -> Article:
        """An article by id (or path); NotFoundError or AmbiguousIdError when it cannot."""
        kb = self.ready_kb()
        with self.kb_lock:
            return kb.get(article_id)

    def products(self) -> list[str]:
        """The product names of the knowledge base (for `--product` hints)."""
        kb = self.ready_kb()
        with self.kb_lock:
            return kb.products()

    # ------------------------------------------------------------------ trees

    def load_trees(self) -> tuple[list[Tree], list[TreeProblem]]:
        """(Re)read the trees folder: every tree that passes its checks, and the problems
        of the others (each once). The good trees become the catalog."""
        from kbassist.trees.catalog import load_trees

        started = time.perf_counter()
        trees, problems = load_trees(self.trees_dir)
        log.debug(
            "%d tree(s) loaded from %s in %.3fs (%d problem(s))",
            len(trees),
            self.trees_dir,
            time.perf_counter() - started,
            len(problems),
        )
        with self._trees_lock:
            self._trees = trees
        return trees, problems

    def trees(self) -> list[Tree]:
        """The catalog: the good trees of the trees folder, read on first use."""
        with self._trees_lock:
            if self._trees is not None:
                return self._trees
        return self.load_trees()[0]

    def tree_by_id(self, tree_id: str) -> Tree | None:
        """A tree of the catalog by id; None when there is none."""
        return next((tree for tree in self.trees() if tree.id == tree_id), None)

    def find_tree(self, ref: str) -> Tree:
        """A tree by path (`x.yaml`, `./x`) or by id in the trees folder; NotFoundError."""
        from kbassist.trees.catalog import find_tree

        return find_tree(ref, self.trees_dir)

    def trees_for_article(self, article_id: str) -> list[Tree]:
        """The hand-written trees drawn from an article."""
        from kbassist.trees.catalog import trees_for_article

        return trees_for_article(self.trees(), article_id)

    @overload
    def guided_tree(self, article: Article) -> tuple[Tree, bool]: ...
    @overload
    def guided_tree(self, article: Article, written: Sequence[T]) -> tuple[T | Tree, bool]: ...
    def guided_tree(self, article: Article, written: Sequence[Any] | None = None) -> Any:
        """The tree to walk for an article and whether it was drafted: its first
        hand-written tree (of `written`, default the catalog's), else a draft made from
        the article now. A KBError when there is nothing in the article to draft from."""
        if written is None:
            written = self.trees_for_article(article.id)
        if written:
            return written[0], False
        from kbassist.drafting.tree import draft_tree_model  # the drafter loads only here

        started = time.perf_counter()
        tree = draft_tree_model(article)
        log.debug("drafted %s in %.3fs", tree.id, time.perf_counter() - started)
        return tree, True

    def resolve_tree(self, ref: str) -> TreeChoice:
        """What `ref` names: a tree id or tree file, else an article (by id or path),
        whose tree is `guided_tree`'s. NotFoundError says neither was found."""
        from kbassist.errors import AmbiguousIdError
        from kbassist.trees.loader import TREE_SUFFIXES

        try:
            return TreeChoice(self.find_tree(ref))
        except NotFoundError as exc:
            if ref.endswith(TREE_SUFFIXES):
                raise
            not_a_tree = exc  # `team/notes.md` may still name an article by its path
        try:
            article = self.article(ref)
        except AmbiguousIdError:
            raise
        except NotFoundError:
            raise NotFoundError(f"{not_a_tree.message}; and no article {ref!r} either") from None
        tree, drafted = self.guided_tree(article)
        return TreeChoice(tree, article.id, drafted)

    # ------------------------------------------------------------------ walks

    def walk_answers_file(self, walk: Walk, answers_file: Path) -> Walk:
        """Run `walk` on from an answers file (variable: value) through the engine's
        `walk_with_answers` and its step bound. A key no step asks, a missing, refused
        or looping answer is a DataError naming the file and the key's line."""
        from difflib import get_close_matches

        from kbassist.trees.engine import (
            MAX_STEPS,
            AnswerError,
            MissingAnswer,
            StepLimitError,
            walk_with_answers,
        )
        from kbassist.trees.loader import read_answers_file

        answers = read_answers_file(answers_file)
        known = walk.tree.variables()
        for key, answer in answers.items():
            if key not in known:
                close = get_close_matches(key, list(known), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise DataError(
                    f"{key}: no step of tree {walk.tree.id} asks this{hint}",
                    path=answers_file,
                    line=answer.key_pos.line,
                    column=answer.key_pos.column,
                )
        texts = {key: answer.text for key, answer in answers.items()}
        try:
            return walk_with_answers(walk.tree, texts, max_steps=MAX_STEPS, walk=walk)
        except MissingAnswer as exc:
            raise DataError(
                f"{exc.var}: missing; the walk asks it at step {walk.index + 1} "
                f"({' '.join(walk.prompt().split())})",
                path=answers_file,
            ) from None
        except StepLimitError as exc:
            where = answers.get(exc.var or "")
            raise DataError(
                f"{exc.var or exc.node_id}: {exc.message}; change this answer",
                path=answers_file,
                line=where.pos.line if where else None,
                column=where.pos.column if where else None,
            ) from None
        except AnswerError as exc:
            fix_node = walk.tree.nodes.get(exc.node_id)
            var = fix_node.var if fix_node is not None and fix_node.var in answers else exc.var
            where = answers.get(var or "")
            raise DataError(
                f"{var}: {exc.message}",
                path=answers_file,
                line=where.pos.line if where else None,
                column=where.pos.column if where else None,
            ) from None

    # ------------------------------------------------------------------ sessions

    def session_exists(self, name: str) -> bool:
        """Whether a session of that name is saved (a name that is no file name: UsageError)."""
        from kbassist.trees.session import session_path

        return session_path(name).exists()

    def read_session(self, name: str) -> Session:
        """A saved session by name: NotFoundError if absent, DataError if damaged."""
        from kbassist.trees.session import read_session

        return read_session(name)

    def list_sessions(self) -> tuple[list[Session], list[tuple[Path, str]]]:
        """Every readable session (newest first) and the unreadable ones with the reason."""
        from kbassist.trees.session import list_sessions

        return list_sessions()

    def save_session(self, name: str, walk: Walk, *, ticked: Iterable[TickKey] = ()) -> Path:
        """Write (or replace) session `name` atomically; OutputError if it cannot."""
        from kbassist.trees.session import save_session

        return save_session(name, walk, ticked=ticked, articles=self.articles_dir)

    def delete_session(self, name: str) -> None:
        """Remove a saved session: NotFoundError if there is none, OutputError if it stays."""
        from kbassist.trees.session import session_path

        path = session_path(name)
        if not path.exists():
            raise NotFoundError(f"no saved session {name!r}")
        try:
            path.unlink()
        except OSError as exc:
            raise OutputError(f"cannot delete: {exc.strerror or exc}", path=path) from None

    def resume(self, saved: Session | str, *, tree: Tree | None = None) -> Resumed:
        """Replay a saved session (or the session of that name) on its tree as it is now,
        a drafted one drafted again from its article; on `tree` when one is given."""
        if isinstance(saved, str):
            saved = self.read_session(saved)
        return resume_session(
            saved,
            tree_by_id=self._tree_or_none,
            get_article=self.article,
            tree=tree,
            articles=self.articles_dir,
        )

    def elsewhere(self, saved: Session) -> str | None:
        """The other articles folder a drafted session's article is in; None when it is
        this knowledge base's (or the session does not say)."""
        return elsewhere(saved, self.articles_dir)

    def _tree_or_none(self, tree_id: str) -> Tree | None:
        """A tree by id for a session, from the trees folder (None: not there)."""
        try:
            return self.find_tree(tree_id)
        except NotFoundError:
            return None

    # ------------------------------------------------------------------ exports

    def export_walk(
        self,
        walk: Walk,
        fmt: ExportFormat = "markdown",
        *,
        ticked: Collection[TickKey] = (),
        mermaid: bool = False,
        today: date | None = None,
        kb_problem: Callable[[KBError], None] | None = None,
    ) -> str:
        """The ticket-ready checklist of a finished walk (`export_checklist`), with the
        items of `ticked` ticked and the articles' titles and links from the KB.

        A KB that cannot be opened does not lose the walk: the articles are named by
        id, and `kb_problem` hears why (once).
        """
        from kbassist.trees.checklist import build_checklist

        failed: list[KBError] = []

        def get_article(article_id: str) -> Article | None:
            if failed:
                return None
            try:
                return self.article(article_id)
            except NotFoundError:
                raise
            except KBError as exc:
                failed.append(exc)
                if kb_problem is not None:
                    kb_problem(exc)
                return None

        checklist = build_checklist(walk)
        keys = set(ticked)
        return export_checklist(
            checklist,
            fmt,
            settings=self.settings,
            get_article=get_article,
            today=today,
            ticked=keys,
            mermaid=mermaid,
        )


# --------------------------------------------------------------------------- sessions


def elsewhere(saved: Session, articles: Path) -> str | None:
    """The articles folder `saved` was drafted in, when it is not `articles`."""
    if saved.articles is None:
        return None
    try:
        same = Path(saved.articles).resolve() == articles.resolve()
    except OSError:
        same = False
    return None if same else saved.articles


def session_tree(
    saved: Session,
    *,
    tree_by_id: TreeById,
    get_article: ArticleById,
    articles: Path | None = None,
) -> Tree:
    """The tree a session is replayed on, as it is now.

    A drafted walk is drafted again from its article (the draft may have changed: the
    replay says so); a hand-written tree is looked up by id, then at the file it was
    started from. NotFoundError says which of them is gone.
    """
    if saved.drafted_from is not None:
        from kbassist.drafting.tree import draft_tree_model  # the drafter loads only here

        try:
            article = get_article(saved.drafted_from)
        except NotFoundError as exc:
            other = elsewhere(saved, articles) if articles is not None else None
            if other is not None:
                raise NotFoundError(
                    f"cannot resume session {saved.name!r} here: it walks article "
                    f"{saved.drafted_from} of the knowledge base in {other} "
                    f"(resume it with `--articles {other}`)"
                ) from None
            raise NotFoundError(
                f"cannot resume session {saved.name!r}: its tree was drafted from article "
                f"{saved.drafted_from}, which cannot be found ({exc.message})"
            ) from None
        return draft_tree_model(article)
    tree = tree_by_id(saved.tree_id)
    if tree is not None:
        return tree
    if saved.tree_path and Path(saved.tree_path).is_file():
        from kbassist.trees.catalog import load_tree

        return load_tree(Path(saved.tree_path))
    where = f" and {saved.tree_path} is gone" if saved.tree_path else ""
    raise NotFoundError(
        f"cannot resume session {saved.name!r}: tree {saved.tree_id} is not in the trees "
        f"folder{where}"
    )


def resume_session(
    saved: Session,
    *,
    tree_by_id: TreeById,
    get_article: ArticleById,
    tree: Tree | None = None,
    articles: Path | None = None,
) -> Resumed:
    """Replay a saved session of any kind on its tree (or on `tree` when one is given).

    Never raises for a tree that changed since (see `Resumed.message`); raises
    NotFoundError when the tree or article is gone, DataError when it is broken.
    """
    from kbassist.trees.session import resume

    if tree is None:
        tree = session_tree(
            saved, tree_by_id=tree_by_id, get_article=get_article, articles=articles
        )
    return resume(saved, tree)


# --------------------------------------------------------------------------- exports


def ticket_info(settings: Settings, *, today: date | None = None) -> TicketInfo:
    """Host, user and date for a ticket-ready export, each only if the settings want it."""
    from getpass import getuser
    from socket import gethostname

    from kbassist.trees.export import TicketInfo

    host = user = None
    if settings.export_host:
        host = gethostname() or None
    if settings.export_user:
        try:
            user = getuser()
        except (KeyError, OSError):  # no name for this uid (a container's bare uid)
            user = str(os.getuid()) if hasattr(os, "getuid") else None
    day = (today or date.today()) if settings.export_date else None
    return TicketInfo(host=host, user=user, day=day)


def article_refs(ids: Iterable[str], get_article: ArticleOrNone) -> dict[str, ArticleRef]:
    """Id, title and link of each article; an article that cannot be found keeps its id."""
    from kbassist.trees.export import ArticleRef

    refs: dict[str, ArticleRef] = {}
    for article_id in ids:
        try:
            article = get_article(article_id)
        except NotFoundError:
            article = None
        refs[article_id] = (
            ArticleRef(article_id, article.title, article.link)
            if article is not None
            else ArticleRef(article_id)
        )
    return refs


def export_checklist(
    checklist: Checklist,
    fmt: ExportFormat = "markdown",
    *,
    settings: Settings,
    get_article: ArticleOrNone,
    today: date | None = None,
    ticked: Collection[ItemKey] = (),
    mermaid: bool = False,
    ticket: TicketInfo | None = None,
) -> str:
    """The ticket-ready export of a finished walk: what `kbassist walk --export` writes
    and what the TUI exports and copies, byte for byte the same for the same walk.

    `fmt` is "markdown" or "text"; `ticked` are the items' keys (`ChecklistItem.key`, as saved);
    `ticket` replaces the host/user/date taken from the machine and `settings`.
    """
    from kbassist.trees.export import EXPORT_FORMATS, to_markdown, to_text

    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"no export format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")
    if mermaid and fmt != "markdown":
        raise UsageError("a Mermaid flowchart is Markdown: use it with the Markdown export")
    if ticket is None:
        ticket = ticket_info(settings, today=today)
    refs = article_refs(checklist.tree.articles, get_article)
    if fmt == "text":
        return to_text(checklist, articles=refs, ticket=ticket, ticked=ticked)
    return to_markdown(checklist, articles=refs, ticket=ticket, ticked=ticked, mermaid=mermaid)
