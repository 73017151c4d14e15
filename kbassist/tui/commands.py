"""The command palette: kbassist's own commands, articles, guided fixes, sessions.

The current screen's commands (`KBScreen.palette_commands`) and then the app's (help,
reindex, switch knowledge base, theme…) come from `App.get_system_commands`, which lists
kbassist's commands instead of Textual's generic ones. The providers here search
articles by id or title, the hand-written trees and the saved sessions; "Open article…",
"Start guided fix…" and "Resume session…" open a palette of one provider each. What
they list comes from the app through the `PaletteSource` Protocol; what they do is a
message (`OpenArticle`, `StartWalk`, `ResumeSession`) the app handles.

The palette's own `Matcher.highlight` parses its candidate as markup, so titles (untrusted
article text) are highlighted here from the fuzzy match offsets on plain `Content`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from functools import partial
from typing import Protocol, runtime_checkable

from textual import on
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape
from textual.message import Message
from textual.widgets import Input
from textual.worker import Worker, WorkerState

from kbassist.sanitize import sanitize
from kbassist.trees.model import Tree
from kbassist.trees.session import Session, list_sessions
from kbassist.tui.messages import OpenArticle, ResumeSession, StartWalk

#: Candidates scored by the (slow, pure Python) fuzzy matcher per keystroke, and hits
#: yielded: 60,335 titles are first narrowed by a substring test that costs ~10 ms.
MAX_SCORED = 300
MAX_HITS = 30


@runtime_checkable
class PaletteSource(Protocol):
    """What the palette's providers list, read from the app that runs the palette."""

    async def palette_titles(self) -> list[tuple[str, str, str]]:
        """(id, title, lower-cased "id title") of every article."""
        ...

    def all_trees(self) -> Iterable[Tree]:
        """Every decision tree to offer."""
        ...

    def session_title(self, saved: Session) -> str:
        """What a saved session is a walk of."""
        ...


class SourcedProvider(Provider):
    """A provider that reads its candidates from the app's `PaletteSource`."""

    @property
    def source(self) -> PaletteSource:
        app = self.app
        if not isinstance(app, PaletteSource):
            raise TypeError(f"{type(app).__name__} cannot list kbassist's palette")
        return app

    def post(self, message: Message) -> None:
        """Ask the app to act on the chosen hit (after the palette has closed)."""
        self.app.post_message(message)


def highlight(matcher: Matcher, candidate: str) -> tuple[float, Content]:
    """Score and highlight a candidate without interpreting it as markup."""
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    content = Content(candidate)
    for offset in offsets:
        if not candidate[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return score, content


def narrow(entries: list[tuple[str, str, str]], query: str) -> list[tuple[str, str, str]]:
    """Entries whose "id title" holds every word of the query, ids matching first."""
    words = query.lower().split()
    if not words:
        return []
    first = words[0]
    by_id = [e for e in entries if e[2].startswith(first) and all(w in e[2] for w in words)]
    found = by_id[:MAX_SCORED]
    if len(found) < MAX_SCORED:
        seen = {e[0] for e in found}
        for entry in entries:
            if entry[0] not in seen and all(w in entry[2] for w in words):
                found.append(entry)
                if len(found) >= MAX_SCORED:
                    break
    return found


class KBCommands(Provider):
    """kbassist's commands (`KBAssistApp.get_system_commands`), listed in their order.

    In place of Textual's system-command provider, which sorts them by name: the
    current screen's commands (export, save…) come first, then help and the rest.
    """

    async def discover(self) -> Hits:
        for name, help_text, callback, discover in self.app.get_system_commands(self.screen):
            if discover:
                yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback, *_ in self.app.get_system_commands(self.screen):
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


class ArticleCommands(SourcedProvider):
    """Open any article by typing part of its id or title."""

    # No `startup`: Textual 8.2 cancels a provider's startup along with the search that
    # waits for it when a key is typed, and then the provider never answers. The titles
    # are awaited in each search instead (read once by the app, shielded).

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        entries = await self.source.palette_titles()
        candidates = await asyncio.to_thread(narrow, entries, query)
        scored: list[tuple[float, Content, str, str]] = []
        for article_id, title, _key in candidates:
            score, content = highlight(matcher, f"{article_id}  {title}")
            if score > 0:
                scored.append((score, content, article_id, title))
        scored.sort(key=lambda item: item[0], reverse=True)
        for score, content, article_id, title in scored[:MAX_HITS]:
            yield Hit(
                score,
                content,
                partial(self.post, OpenArticle(article_id)),
                text=f"{article_id} {title}",
                help="Open article",
            )


class TreeCommands(SourcedProvider):
    """Start a guided fix (decision tree) by name, through the injected tree provider."""

    async def startup(self) -> None:
        self.trees = list(self.source.all_trees())

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for tree in self.trees:
            title = sanitize(tree.title)
            score, content = highlight(matcher, f"Guided fix: {title}")
            if score > 0:
                yield Hit(
                    score,
                    content,
                    partial(self.post, StartWalk(tree, None)),
                    text=f"Guided fix: {title}",
                    help=escape(sanitize(f"decision tree {tree.id}")),
                )


class TreeList(TreeCommands):
    """ "Start guided fix…": every tree listed before anything is typed."""

    async def discover(self) -> Hits:
        for tree in self.trees:
            title = sanitize(tree.title)
            yield DiscoveryHit(
                Content(f"Guided fix: {title}"),
                partial(self.post, StartWalk(tree, None)),
                text=f"Guided fix: {title}",
                help=escape(sanitize(f"decision tree {tree.id}")),
            )


class SessionCommands(SourcedProvider):
    """Resume a saved guided fix by its name or its tree's title."""

    _listing: asyncio.Future[list[Session]] | None = None

    async def _sessions(self) -> list[tuple[Session, str]]:
        """The saved sessions, read once per palette (shielded: see ArticleCommands)."""
        if self._listing is None:
            self._listing = asyncio.ensure_future(asyncio.to_thread(lambda: list_sessions()[0]))
        sessions = await asyncio.shield(self._listing)
        return [(saved, self._label(saved)) for saved in sessions]

    def _label(self, saved: Session) -> str:
        return sanitize(f"Resume {saved.name}: {self.source.session_title(saved)}")

    def _help(self, saved: Session) -> str:
        state = "finished" if saved.finished else f"stopped at {saved.current}"
        return escape(sanitize(f"{len(saved.steps)} steps, {state} · saved {saved.updated[:16]}"))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for saved, label in await self._sessions():
            score, content = highlight(matcher, label)
            if score > 0:
                yield Hit(
                    score,
                    content,
                    partial(self.post, ResumeSession(saved)),
                    text=label,
                    help=self._help(saved),
                )


class SessionList(SessionCommands):
    """ "Resume session…": every saved session listed before anything is typed."""

    async def discover(self) -> Hits:
        for saved, label in await self._sessions():
            yield DiscoveryHit(
                Content(label),
                partial(self.post, ResumeSession(saved)),
                text=label,
                help=self._help(saved),
            )


class KBCommandPalette(CommandPalette):
    """Textual's palette, except that an Enter typed before the hits arrive is kept.

    Textual 8.2's palette ignores Enter while no hit has arrived yet, and runs the top
    of a partial list when only the fast providers have answered (the article titles
    take a moment on a big knowledge base): a fast typist's choice was lost, or another
    command ran. Here Enter typed while the search for the text is still running runs
    the best hit once it has finished. Relies on the palette's `_list_visible`,
    `_selected_command` and gather-worker group (Textual 8.2.8, pinned).
    """

    _enter_pending = False

    @on(Input.Submitted)
    def _enter_before_hits(self, event: Input.Submitted) -> None:
        if self._selected_command is not None or not event.value.strip():
            return  # Textual's own handler runs the chosen command
        if not self._gathering():
            return  # every hit is in: Textual's handler takes the highlighted one
        event.stop()
        event.prevent_default()  # not Textual's handler: it would act on a partial list
        self._enter_pending = True

    @on(Input.Changed)
    def _typed_on(self) -> None:
        self._enter_pending = False  # typing after Enter: the user has not chosen yet

    def _gathering(self) -> bool:
        return any(
            worker.node is self
            and worker.group == self._GATHER_COMMANDS_GROUP
            and not worker.is_finished
            for worker in self.workers
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == self._GATHER_COMMANDS_GROUP and (
            event.state == WorkerState.SUCCESS
        ):
            self._run_pending()

    def _run_pending(self) -> None:
        if not self._enter_pending:
            return
        self._enter_pending = False
        if self._list_visible:
            self._select_or_command()  # the best hit is highlighted: run it
        else:
            self.app.bell()  # nothing matched what was typed
