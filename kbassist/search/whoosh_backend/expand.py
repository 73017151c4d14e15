"""Bounded work in Whoosh: wildcards expanded to their most used words, and a collector
that stops at the time limit or when the search is cancelled (limits: `kbassist.search.budget`)."""

from __future__ import annotations

import heapq
import re
import time
from typing import TYPE_CHECKING

from whoosh import query
from whoosh.collectors import WrappingCollector

from kbassist.search import budget as limits
from kbassist.search.budget import Budget
from kbassist.search.whoosh_backend.analysis import FIELD_BOOSTS

if TYPE_CHECKING:
    from whoosh.collectors import Collector
    from whoosh.reading import IndexReader
    from whoosh.searching import Results, Searcher


def run(
    budget: Budget, searcher: Searcher, q: query.Query, limit: int, filter_q: query.Query | None
) -> Results:
    """searcher.search(), stopping at SEARCH_SECONDS, and when cancelled."""
    budget.check()
    collector = CheckedCollector(searcher.collector(limit=limit, filter=filter_q), budget)
    if not budget.stopped:
        searcher.search_with_collector(q, collector)
    return collector.results()


class CheckedCollector(WrappingCollector):
    """Collects like the collector it wraps, looking at the budget every few hundred hits."""

    def __init__(self, child: Collector, budget: Budget) -> None:
        super().__init__(child)
        self.budget = budget
        self.deadline = budget.started + limits.SEARCH_SECONDS

    def collect_matches(self) -> None:
        child = self.child
        for n, sub_docnum in enumerate(child.matches()):
            if n % limits.CHECK_EVERY == 0:
                self.budget.check()
                if time.monotonic() > self.deadline:
                    self.budget.stopped = True  # the best found so far stand
                    return
            child.collect(sub_docnum)


class Expander:
    """Replaces each wildcard, fuzzy term and range of a query by the words it stands for.

    Whoosh expands one to every word it matches. Here: at most WILDCARD_TERMS a field
    (the most used among the shortest matches: `win*` keeps `windows` before
    `winsockdriverversion2`), WILDCARD_TOTAL_TERMS and WILDCARD_SECONDS of looking up
    a query (limits in `kbassist.search.budget`), each shared fairly between its
    wildcards; what was cut is noted.
    """

    def __init__(self, reader: IndexReader, budget: Budget, leaves: int) -> None:
        self.reader = reader
        self.budget = budget
        self.left = max(1, leaves)  # wildcards (x fields) not yet expanded
        self.terms_left = limits.WILDCARD_TOTAL_TERMS
        self.deadline = time.monotonic() + limits.WILDCARD_SECONDS
        self.done: dict[tuple[str, str], query.Query] = {}

    @staticmethod
    def count(q: query.Query) -> int:
        """How many distinct wildcards (x fields) a parsed query holds."""
        leaves = [q] if q.is_leaf() else list(q.leaves())
        return len({str(leaf) for leaf in leaves if isinstance(leaf, query.MultiTerm)})

    def bound(self, q: query.Query) -> query.Query:
        """`q` with its wildcards replaced by their words (Or of Terms)."""
        if isinstance(q, query.MultiTerm):
            return self._expand(q)
        if q.is_leaf():
            return q
        return q.apply(self.bound)

    def slot(self, pattern: str) -> dict[str, list[str]] | None:
        """The words a typed wildcard (lower-cased) stands for in each field searched;
        None for a pattern that names no word (`*`, `?*`: every document)."""
        if not pattern.strip("*?"):
            return None
        slot = {}
        for fieldname in FIELD_BOOSTS:
            leaf = query.Wildcard(fieldname, pattern).normalize()
            if isinstance(leaf, query.MultiTerm):
                slot[fieldname] = self._words(leaf, fieldname)
        return slot

    def _expand(self, leaf: query.MultiTerm) -> query.Query:
        fieldname = leaf.field()
        if fieldname is None or fieldname not in self.reader.schema:
            return leaf  # matches nothing; Whoosh knows
        if isinstance(leaf, query.Prefix) and not leaf.text:
            return leaf  # `*`: every document, no words to expand
        key = (type(leaf).__name__, str(leaf))
        if key not in self.done:
            words = self._words(leaf, fieldname)
            # Whoosh's MultiTerm declares no `boost`, though each of its kinds sets one.
            terms = [query.Term(fieldname, word, boost=leaf.boost) for word in words]  # type: ignore[attr-defined]
            # No word: a term no document has (a NullQuery would vanish from an AND).
            self.done[key] = (
                query.Or(terms) if len(terms) > 1 else (terms or [query.Term(fieldname, "")])[0]
            )
        return self.done[key]

    def _words(self, leaf: query.MultiTerm, fieldname: str) -> list[str]:
        """Up to this leaf's share of words matching it, most used first."""
        reader = self.reader
        now = time.monotonic()
        until = now + max(0.0, self.deadline - now) / self.left
        room = max(1, min(limits.WILDCARD_TERMS, self.terms_left // self.left))
        self.left = max(1, self.left - 1)
        match = None
        if isinstance(leaf, query.Prefix):
            candidates = reader.expand_prefix(fieldname, leaf.text)
        elif isinstance(leaf, query.PatternQuery):
            prefix = leaf._find_prefix(leaf.text)
            candidates = (
                reader.expand_prefix(fieldname, prefix) if prefix else reader.lexicon(fieldname)
            )
            match = re.compile(leaf._get_pattern()).match
        else:  # fuzzy terms, ranges: Whoosh's own word list, looked at as it comes
            candidates = leaf._btexts(reader)
        shortlist: list[tuple[int, bytes]] = []  # the shortest matches; longest out first
        found = 0
        complete = True
        for n, word in enumerate(candidates):
            if n % limits.CHECK_EVERY == 0:
                self.budget.check()
                if time.monotonic() > until:
                    complete = False
                    break
            if match is not None and not match(word.decode("utf-8", "replace")):
                continue
            found += 1
            item = (-len(word), word)
            if len(shortlist) < limits.SHORTLIST:
                heapq.heappush(shortlist, item)
            elif item > shortlist[0]:
                heapq.heapreplace(shortlist, item)
        words = [word for _, word in shortlist]
        if len(words) > room:
            words.sort(key=lambda w: (-reader.doc_frequency(fieldname, w), len(w), w))
            words = words[:room]
        if found > len(words) or not complete:
            self.budget.cut[str(leaf).split(":", 1)[-1]] = None
        self.terms_left -= len(words)
        return [word.decode("utf-8", "replace") for word in sorted(words)]
