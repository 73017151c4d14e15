"""What the app knows besides the index: the trees, the examples, the saved sessions.

`LibraryApp` reads them off the UI thread and states them in reactives the first screen
watches (`guided_fixes`, `examples`, `saved_sessions`); the tree providers (`hooks.py`)
may be injected in their place. It shows no screen: `KBAssistApp` does.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.message import Message
from textual.reactive import var
from textual.worker import get_current_worker

from kbassist.articles import Article
from kbassist.assistant import Assistant
from kbassist.errors import KBError
from kbassist.sanitize import display_path
from kbassist.trees.catalog import trees_for_article
from kbassist.trees.model import Tree, TreeProblem
from kbassist.trees.session import Session, list_sessions
from kbassist.tui.examples import Example, find_examples, sample_titles
from kbassist.tui.hooks import AllTrees, GuidedTree, GuidedTreeFor, TreesFor
from kbassist.tui.indexed_app import IndexedApp, palette_entries
from kbassist.tui.messages import SessionsChanged


class LibraryApp(IndexedApp):
    """The index, plus the decision trees, the first screen's examples and the sessions."""

    #: Searches that work on the open knowledge base (the first screen lists them).
    examples: var[list[Example]] = var(list, always_update=True)
    #: The guided fixes to offer, hand-written first; None until the trees are read.
    guided_fixes: var[list[Tree] | None] = var(None, always_update=True)
    #: The saved sessions, newest first, with what each is a walk of; None: not read yet.
    saved_sessions: var[tuple[list[Session], dict[str, str]] | None] = var(None, always_update=True)

    @dataclass
    class ExamplesFound(Message):
        """Searches that work on knowledge base `generation`, and its article titles."""

        generation: int
        examples: list[Example]
        titles: list[tuple[str, str, str]]
        #: Trees none of whose articles is in this knowledge base (not offered first).
        elsewhere: frozenset[str] = frozenset()

    @dataclass
    class SessionsListed(Message):
        """The saved sessions, newest first (for the first screen)."""

        sessions: list[Session]

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
        guided_tree_for: GuidedTreeFor | None = None,
    ) -> None:
        """The assistant's trees folder is read on mount; each provider left None reads
        those trees."""
        super().__init__(assistant)
        self.trees_dir: Path = assistant.trees_dir
        self.trees: list[Tree] = []
        self.trees_ready = False
        self._elsewhere: frozenset[str] = frozenset()
        self.trees_for: TreesFor = trees_for or self._folder_trees_for
        self.all_trees: AllTrees = all_trees or self._folder_trees
        self.guided_tree_for: GuidedTreeFor = guided_tree_for or self._first_tree_for

    def read_library(self) -> None:
        """Start reading the trees and the saved sessions (in workers)."""
        self._load_trees()
        self.refresh_sessions()

    # ------------------------------------------------------------------ trees

    def _folder_trees_for(self, article_id: str) -> Sequence[Tree]:
        """Default `trees_for`: the loaded trees drawn from the article."""
        return trees_for_article(self.trees, article_id)

    def _folder_trees(self) -> Iterable[Tree]:
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
            if tree.id == tree_id:
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
            self.warn_list(
                message.problems,
                "Some decision trees could not be loaded",
                "(`kbassist trees lint` lists them all)",
            )
        self._show_trees()  # the first screen also searches again for their markers
        self.refresh_sessions()  # their titles come from the trees
        if self.index_is_ready:
            self._find_examples(self._generation)

    def all_guided_fixes(self) -> list[Tree]:
        """Every tree to offer, hand-written (reviewed) first, then saved drafts."""
        try:
            trees = list(self.all_trees())
        except Exception as exc:  # the provider is another team's code: report, go on
            self.log.error(f"all_trees() failed: {exc!r}")
            return []
        return sorted(trees, key=lambda tree: tree.draft)

    def _show_trees(self) -> None:
        """Offer the guided fixes, less those for articles this knowledge base lacks (the
        bundled Q98097 tree on a KB of runbooks); the palette still lists every tree."""
        self.guided_fixes = [t for t in self.all_guided_fixes() if t.id not in self._elsewhere]

    def has_trees(self, article_id: str) -> bool:
        """Whether an article has a guided fix; a failing provider counts as none."""
        return bool(self._trees(article_id))

    def _trees(self, article_id: str) -> Sequence[Tree]:
        try:
            return list(self.trees_for(article_id))
        except Exception as exc:  # the provider is another team's code: report, go on
            self.log.error(f"trees_for({article_id!r}) failed: {exc!r}")
            return []

    # ------------------------------------------------------------------ first screen

    def index_opened(self) -> None:
        if self.trees_ready:
            self._find_examples(self._generation)

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
            elsewhere: set[str] = set()
            for tree in self.all_guided_fixes():
                present = False
                for article_id in tree.articles:
                    sources.append((article_id, tree.title))
                    # A tree may cite an article this knowledge base lacks.
                    with contextlib.suppress(KBError):
                        sources.append((article_id, reader.get(article_id).title))
                        present = True
                if tree.articles and not present:
                    elsewhere.add(tree.id)
            titles = reader.titles()
            sources.extend(sample_titles(titles))
            examples = find_examples(
                lambda text, limit: reader.search(text, limit=limit, snippets=False),
                sources,
                stop=lambda: worker.is_cancelled,
            )
            entries = palette_entries(titles)
        except KBError as exc:  # the index went away under us: no examples, said once
            self.log.warning(f"examples: {exc}")
            examples, entries, elsewhere = [], [], set()
        finally:
            reader.close()
        if not worker.is_cancelled:
            self.post_message(
                self.ExamplesFound(generation, examples, entries, frozenset(elsewhere))
            )

    @on(ExamplesFound)
    def _examples_found(self, message: ExamplesFound) -> None:
        if message.generation != self._generation:
            return  # about a knowledge base no longer open
        if message.titles and self._titles is None:
            self._titles = message.titles
        if message.elsewhere != self._elsewhere:
            self._elsewhere = message.elsewhere
            self._show_trees()
        self.examples = message.examples

    @on(SessionsChanged)
    def refresh_sessions(self) -> None:
        """Read the saved sessions again for the first screen (a small folder)."""
        self._list_sessions()

    @work(thread=True, exclusive=True, group="list-sessions")
    def _list_sessions(self) -> None:
        sessions, _failed = list_sessions()  # the sessions screen lists the failures
        self.post_message(self.SessionsListed(sessions))

    @on(SessionsListed)
    def _sessions_listed(self, message: SessionsListed) -> None:
        titles = {saved.name: self.session_title(saved) for saved in message.sessions}
        self.saved_sessions = (message.sessions, titles)

    def session_title(self, saved: Session) -> str:
        """What a saved session is a walk of: its tree's title, or the drafted article."""
        if saved.drafted_from is not None:
            other = self.assistant.elsewhere(saved)
            where = f" · another knowledge base: {display_path(other)}" if other else ""
            return f"auto-drafted from {saved.drafted_from}{where}"
        tree = self.tree_by_id(saved.tree_id)
        return tree.title if tree is not None else f"tree {saved.tree_id}"
