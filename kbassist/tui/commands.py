"""Command palette providers: articles by id or title, and guided-fix trees.

The palette's own `Matcher.highlight` parses its candidate as markup, so titles (untrusted
article text) are highlighted here from the fuzzy match offsets on plain `Content`.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape

from kbassist.render import sanitize
from kbassist.tui.hooks import tree_id, tree_title

if TYPE_CHECKING:
    from kbassist.tui.app import KBAssistApp

#: Candidates scored by the (slow, pure Python) fuzzy matcher per keystroke, and hits
#: yielded: 60,335 titles are first narrowed by a substring test that costs ~10 ms.
MAX_SCORED = 300
MAX_HITS = 30


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


class ArticleCommands(Provider):
    """Open any article by typing part of its id or title."""

    @property
    def kb_app(self) -> KBAssistApp:
        return cast("KBAssistApp", self.app)

    async def startup(self) -> None:
        self.entries = await self.kb_app.palette_titles()

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        candidates = await asyncio.to_thread(narrow, self.entries, query)
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
                partial(self.kb_app.open_article, article_id),
                text=f"{article_id} {title}",
                help="Open article",
            )


class TreeCommands(Provider):
    """Start a guided fix (decision tree) by name, through the injected tree provider."""

    @property
    def kb_app(self) -> KBAssistApp:
        return cast("KBAssistApp", self.app)

    async def startup(self) -> None:
        self.trees = list(self.kb_app.all_trees())

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for tree in self.trees:
            title = sanitize(tree_title(tree))
            score, content = highlight(matcher, f"Guided fix: {title}")
            if score > 0:
                yield Hit(
                    score,
                    content,
                    partial(self.kb_app.start_guided_fix, tree, None),
                    text=f"Guided fix: {title}",
                    help=escape(sanitize(f"decision tree {tree_id(tree)}")),
                )

    async def discover(self) -> Hits:
        for tree in self.trees:
            title = sanitize(tree_title(tree))
            yield DiscoveryHit(
                Content(f"Guided fix: {title}"),
                partial(self.kb_app.start_guided_fix, tree, None),
                text=f"Guided fix: {title}",
            )
