"""The Whoosh engine behind `kbassist.index.KBIndex` (implements `SearchBackend`).

Plain words, filters and wildcards are scored by the numpy BM25F scorer (`scorer`);
a structured query (phrases, operators, groups, fuzzy words, ranges) goes through
Whoosh's own query parser and matcher, its wildcards bounded first (`expand`).
Everything read from an open index is cached here, per searcher: one backend per
KBIndex, nothing shared between instances.
"""

from __future__ import annotations

import contextlib
import logging
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh import fields, index, qparser, query

from kbassist.articles import FileEntry
from kbassist.errors import UsageError
from kbassist.search.backend import Ranked
from kbassist.search.budget import Budget
from kbassist.search.changes import ChangeSet, ProgressFn
from kbassist.search.errors import IndexDamaged, is_resource_error, search_failed
from kbassist.search.query import ParsedQuery, match_products
from kbassist.search.results import Hit, UpdateReport
from kbassist.search.whoosh_backend.analysis import (
    BODY_FIELDS,
    FIELD_BOOSTS,
    PRODUCT_COMMA,
    SEARCH_FIELDS,
    alert_names,
    path_from_key,
    path_key,
    product_names,
    query_groups,
)
from kbassist.search.whoosh_backend.build import (
    apply_changes,
    clean_generation,
    create_index,
    file_sizes,
)
from kbassist.search.whoosh_backend.damage import READ_ERRORS, is_damage
from kbassist.search.whoosh_backend.expand import Expander, run
from kbassist.search.whoosh_backend.scorer import FIELD_PARAMS, Scorer
from kbassist.search.whoosh_backend.words import suggest, with_near_words

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from whoosh.searching import Searcher

    #: Found hits with their docnums, the total matched, the words to mark in snippets.
    Found = tuple[list[tuple[int, Hit]], int, set[str]]

log = logging.getLogger(__name__)

_BODY_FILTER_RE = re.compile(r"(?i)(?<!\S)(?:text|body):(\S+)")


class WhooshBackend:
    """One Whoosh index generation open for reading, and the means to build one."""

    #: What a read may raise: a race with another process's commit, damage, or the query's.
    read_errors: tuple[type[BaseException], ...] = READ_ERRORS

    def __init__(self, articles_dir: Path) -> None:
        self.articles_dir = articles_dir
        #: The generation open now (its folder name), None when closed.
        self.generation: str | None = None
        self._ix: index.Index | None = None
        self._searcher: Searcher | None = None
        self._scorer_cache: Scorer | None = None
        # (searcher, its snippet column reader: Any, a Whoosh column reader is untyped)
        self._snippet_cache: tuple[Searcher, Any] | None = None
        self._product_cache: tuple[Searcher, dict[str, str]] | None = None
        self._parsers: dict[tuple[int, object], qparser.QueryParser] = {}
        self._opened: tuple[Path, Callable[[object], str]] = (Path(), str)

    # ------------------------------------------------------------- writing

    def create(
        self, gen_dir: Path, files: list[FileEntry], progress: ProgressFn | None, root: str
    ) -> tuple[UpdateReport, dict[str, list[object]]]:
        """Index `files` into the new, empty generation folder `gen_dir`."""
        return create_index(gen_dir, files, progress, root)

    def apply(self, gen_dir: Path, changes: ChangeSet) -> None:
        """Commit a change set into the live generation `gen_dir` (atomically)."""
        apply_changes(gen_dir, changes)

    def file_sizes(self, gen_dir: Path) -> dict[str, int]:
        """Size of each file the generation's index uses, for meta.json."""
        return file_sizes(gen_dir)

    def clean(self, gen_dir: Path) -> None:
        """Remove what a killed run left in a generation."""
        clean_generation(gen_dir)

    # ------------------------------------------------------------- reading

    @staticmethod
    def is_damage(exc: BaseException) -> bool:
        """True when a read error says the index files are unreadable."""
        return is_damage(exc)

    def open(self, gen_dir: Path, name: str, shown: Callable[[object], str] = str) -> None:
        """Have the generation `name` open (reopened when another one went live).

        `shown` writes a path as the user gave it (the error messages name it).
        """
        if self._ix is None or name != self.generation:
            self.close()
            self._ix = self._open_whoosh(gen_dir, shown)
            self.generation = name
            self._opened = (gen_dir, shown)

    def _open_whoosh(self, gen_dir: Path, shown: Callable[[object], str]) -> index.Index:
        """Open a generation; retries a table of contents swapped mid-open."""
        last: Exception | None = None
        for attempt in range(5):
            try:
                ix = index.open_dir(str(gen_dir))
                with ix.reader() as reader:
                    reader.doc_count()
                return ix
            except index.EmptyIndexError as exc:
                raise IndexDamaged(f"no table of contents in {gen_dir.name}") from exc
            except FileNotFoundError as exc:
                # A commit in another process can delete the old TOC between listing
                # and opening it: look again.
                log.debug("index files changed while opening (%s); again", exc)
                last = exc
                time.sleep(0.01 * (attempt + 1))
            except READ_ERRORS as exc:
                if is_resource_error(exc):
                    raise search_failed(exc) from None
                # Opening reads only the table of contents and segment headers.
                raise IndexDamaged(shown(f"{type(exc).__name__}: {exc}")) from exc
        raise IndexDamaged(shown(f"files missing: {last}"))

    def close(self) -> None:
        """Release the searcher's open files; what was cached from them goes too."""
        if self._searcher is not None:
            with contextlib.suppress(Exception):
                self._searcher.close()
            self._searcher = None
        self._scorer_cache = None
        self._snippet_cache = None
        self._product_cache = None
        self._parsers.clear()
        self._ix = None
        self.generation = None

    @property
    def reading(self) -> bool:
        """True while a searcher is open."""
        return self._searcher is not None

    def stale(self) -> bool:
        """True when another process committed since the searcher opened."""
        return self._searcher is not None and not self._searcher.up_to_date()

    def searcher(self) -> Searcher:
        """The searcher of the open generation, refreshed after another commit."""
        assert self._ix is not None, "open() first"
        searcher = self._searcher
        if searcher is None:
            searcher = self._searcher = self._ix.searcher()
        else:
            try:
                if not searcher.up_to_date():
                    searcher = self._searcher = searcher.refresh()
            except READ_ERRORS:
                # Another commit got in the way of the refresh: open afresh.
                gen_dir, shown = self._opened
                name = self.generation
                self.close()
                self.open(gen_dir, name or "", shown)
                return self.searcher()
        return searcher

    def doc_count(self) -> int:
        """Documents in the open generation."""
        assert self._ix is not None, "open() first"
        return self._ix.doc_count()

    def facets(self) -> dict[str, str]:
        """Indexed product term (lower case) -> the product's name as articles spell it."""
        return self._product_names(self.searcher())

    def titles(self) -> list[tuple[str, str, str]]:
        """(id, path below the articles folder, title) of every article."""
        return [
            (stored["id"], path_from_key(stored["path"]), stored["title"])
            for stored in self.searcher().reader().all_stored_fields()
        ]

    def paths_of(self, id_key: str) -> list[tuple[str, str]]:
        """(path below the articles folder, title) of each article whose case-folded id
        is `id_key`: one per path (a searcher refreshed after a commit can still see the
        replaced copy of an edited file; that is one article, not two)."""
        found = list(self.searcher().documents(idkey=id_key))
        docs = {d["path"]: d for d in found}.values()
        return [(path_from_key(d["path"]), d["title"]) for d in docs]

    def has_path(self, rel: str) -> bool:
        """True when the file `rel` (below the articles folder) is indexed."""
        return self.searcher().document(path=path_key(rel)) is not None

    def near_words(self, text: str) -> str | None:
        """`text` with each word the KB does not know replaced by its closest known word
        ("did you mean"); None when every word is known.

        Asked right after `search`, whose searcher was just brought up to date: that
        one is used as it is (a second up-to-date check lists the folder again).
        """
        searcher = self._searcher if self._searcher is not None else self.searcher()
        return suggest(searcher.reader(), text)

    def search(
        self,
        parsed: ParsedQuery,
        *,
        limit: int,
        product: str | None,
        snippets: bool,
        budget: Budget,
    ) -> Ranked:
        """The best `limit` hits for `parsed`, and each hit's snippet source if asked."""
        searcher = self.searcher()
        if parsed.structured:
            found, total, words = self._search_whoosh(searcher, parsed.text, limit, product, budget)
        else:
            found, total, words = self._search_fast(searcher, parsed, limit, product, budget)
        hits = [hit for _docnum, hit in found]
        sources = self._snippet_sources(searcher, found) if snippets else []
        return Ranked(hits=hits, sources=sources, total=total, marks=words)

    def _parser(self, schema: fields.Schema, group: object) -> qparser.QueryParser:
        """Whoosh's parser for the query language, one per schema and grouping."""
        key = (id(schema), group)
        parser = self._parsers.get(key)
        if parser is None:
            parser = qparser.MultifieldParser(
                list(SEARCH_FIELDS), schema, fieldboosts=FIELD_BOOSTS, group=group
            )
            # Field filters an admin types: product:, section:, title:, id:, symptoms:.
            parser.add_plugin(qparser.FieldAliasPlugin({"section": ["sections"], "text": ["body"]}))
            self._parsers[key] = parser
        return parser

    def _product_names(self, searcher: Searcher) -> dict[str, str]:
        """Indexed product term (lower case) -> the name as an article spells it.

        The filter field is lower-cased; the casing comes from the stored field of one
        article per product (the archive names 44 products), once per searcher.
        """
        cached = self._product_cache
        if cached is not None and cached[0] is searcher:
            return cached[1]
        names: dict[str, str] = {}
        # The reader's methods: Whoosh copies them onto the searcher, untyped.
        for raw in searcher.reader().lexicon("products"):
            term = raw.decode() if isinstance(raw, bytes) else raw
            names[term] = term
            with contextlib.suppress(Exception):  # casing is a nicety: the term still works
                matcher = searcher.postings("products", term)
                if matcher.is_active():
                    stored = searcher.reader().stored_fields(matcher.id()).get("products", "")
                    names[term] = next(
                        (
                            p.strip().replace(PRODUCT_COMMA, ",")
                            for p in stored.split(",")
                            if p.strip().lower() == term
                        ),
                        term,
                    )
        self._product_cache = (searcher, names)
        return names

    def _product_query(self, searcher: Searcher, product: str) -> query.Query:
        """The filter for `--product TEXT`: any product `match_products` picks."""
        terms = match_products(self._product_names(searcher), product)
        if not terms:
            return query.Term("products", product.lower())  # matches nothing
        return query.Or([query.Term("products", term) for term in terms])

    def _snippet_sources(self, searcher: Searcher, found: list[tuple[int, Hit]]) -> list[str]:
        """Each hit's snippet source, from the index (a few KB each, compressed)."""
        if not found:
            return []
        cached = self._snippet_cache
        if cached is None or cached[0] is not searcher:
            # Opening the column reads its offsets: ~10 ms, once per searcher.
            cached = (searcher, searcher.reader().column_reader("snippet", translate=False))
            self._snippet_cache = cached
        column = cached[1]
        sources = []
        for docnum, hit in found:
            raw = column[docnum]
            sources.append(raw.decode("utf-8", "replace") if raw else hit.title)
        return sources

    def _scorer(self, searcher: Searcher) -> Scorer:
        scorer = self._scorer_cache
        if scorer is None or scorer.searcher is not searcher:
            scorer = Scorer(searcher)
            self._scorer_cache = scorer
        return scorer

    def _filter_mask(
        self, searcher: Searcher, scorer: Scorer, filters: str, product: str | None
    ) -> NDArray[np.bool_]:
        """Which documents the filters (`product:x section:y`, and --product) let through."""
        np = scorer.np
        mask = np.ones(scorer.ndocs, dtype=bool)
        queries = []
        if filters:
            # `text:` (`body:`) means the article's body, now indexed by role.
            filters = _BODY_FILTER_RE.sub(
                lambda m: "(" + " OR ".join(f"{f}:{m.group(1)}" for f in BODY_FIELDS) + ")",
                filters,
            )
            try:
                queries.append(self._parser(searcher.schema, qparser.AndGroup).parse(filters))
            except Exception as exc:  # whoosh's parser raises a variety of types
                raise UsageError(f"cannot understand the filter: {exc}") from None
        if product:
            queries.append(self._product_query(searcher, product))
        for q in queries:
            docs = np.fromiter(searcher.docs_for_query(q), dtype=np.int64)
            only = np.zeros(scorer.ndocs, dtype=bool)
            only[docs] = True
            mask &= only
        return mask

    def _search_fast(
        self,
        searcher: Searcher,
        parsed: ParsedQuery,
        limit: int,
        product: str | None,
        budget: Budget,
    ) -> Found:
        """Plain words and wildcards, scored with numpy (`Scorer`).

        Each word the admin meant is a slot: the terms it stands for in each field (its
        equivalent forms for a plain word, the expanded words of a wildcard).
        """
        groups = query_groups(list(parsed.words))
        # One misspelt word alone finds nothing and shows the correction's results
        # (`corrected`); in a longer query a typo keeps its word's share of the ranking.
        near = with_near_words(searcher.reader(), groups) if len(groups) > 1 else groups
        slots: list[dict[str, list[str]]] = [
            {f: list(group) for f in FIELD_PARAMS} for group in near
        ]
        marks = {term for group in groups for term in group}
        patterns = list(dict.fromkeys(w.lower() for w in parsed.wildcards))
        expander = Expander(searcher.reader(), budget, len(patterns) * len(FIELD_PARAMS))
        for pattern in patterns:
            slot = expander.slot(pattern)
            if slot is not None:
                slots.append(slot)
                stem = re.split(r"[*?]", pattern, maxsplit=1)[0]
                if len(stem) > 1:
                    marks.add(stem)  # `retro*` marks "retrospect" in snippets
        if not slots and not parsed.filters and not product:
            raise UsageError("query has no words to search for")
        budget.check()
        scorer = self._scorer(searcher)
        mask = self._filter_mask(searcher, scorer, parsed.filter_text, product)
        if slots:
            ranked, total = scorer.top(slots, mask, limit, alert_names(list(parsed.words)))
            if near != groups:
                # A word no article holds: no hit matches every word as typed.
                ranked = [(docnum, score, False) for docnum, score, _full in ranked]
        else:
            docs = scorer.np.flatnonzero(mask & scorer.live)
            ranked = [(int(d), 0.0, True) for d in docs[:limit]]
            total = len(docs)
        hits = [
            (docnum, self._make_hit(searcher.reader().stored_fields(docnum), score, full))
            for docnum, score, full in ranked
        ]
        return hits, total, marks

    def _search_whoosh(
        self, searcher: Searcher, text: str, limit: int, product: str | None, budget: Budget
    ) -> Found:
        """Phrases, wildcards and boolean syntax: Whoosh's own matcher handles them.

        Wildcards, fuzzy terms and ranges are expanded here, within `budget`, into the
        words they stand for (Whoosh would expand them to every matching word).
        """
        schema = searcher.schema
        try:
            q_and = self._parser(schema, qparser.AndGroup).parse(text)
            q_or = self._parser(schema, qparser.OrGroup).parse(text)
        except RecursionError:
            raise UsageError("query is nested too deeply") from None
        except Exception as exc:  # whoosh's parser raises a variety of types
            raise UsageError(f"cannot understand the query: {exc}") from None
        if q_or is query.NullQuery or no_terms(q_or):
            raise UsageError("query has no words to search for")
        words = query_words(q_or)
        filter_q = self._product_query(searcher, product) if product else None
        try:
            expander = Expander(searcher.reader(), budget, Expander.count(q_or))
            q_and = expander.bound(q_and)
            q_or = expander.bound(q_or) if q_or != q_and else q_and
            and_results = run(budget, searcher, q_and, limit, filter_q)
            hits = [(h.docnum, self._make_hit(h.fields(), h.score, True)) for h in and_results]
            total = and_results.estimated_length()
            if len(hits) < limit and q_or is not q_and:
                seen = {h.docnum for h in and_results}
                or_results = run(budget, searcher, q_or, limit - len(hits) + len(seen), filter_q)
                for h in or_results:
                    if h.docnum not in seen and len(hits) < limit:
                        hits.append((h.docnum, self._make_hit(h.fields(), h.score, False)))
                total = max(total, or_results.estimated_length())
        except RecursionError:
            raise UsageError("query is nested too deeply") from None
        except query.QueryError as exc:
            # Parsed, but not runnable: `section:"more information"` is a phrase in a
            # field that keeps no word positions.
            raise UsageError(f"cannot run this query: {str(exc).split('. ')[0]}") from None
        return hits, max(total, len(hits)), words

    def _make_hit(self, stored: dict[str, Any], score: float, full: bool) -> Hit:
        products = tuple(product_names(stored.get("products", "")))
        return Hit(
            id=stored["id"],
            title=stored["title"],
            products=products,
            score=float(score or 0.0),
            path=self.articles_dir / path_from_key(stored["path"]),
            full_match=full,
            ref=path_from_key(stored["path"]),
        )


def no_terms(q: query.Query) -> bool:
    """True when nothing in the query names a word: empty, or only `*`."""
    leaves = [q] if q.is_leaf() else list(q.leaves())
    return all(leaf is query.NullQuery or isinstance(leaf, query.Every) for leaf in leaves)


def query_words(q: query.Query) -> set[str]:
    words: set[str] = set()
    with contextlib.suppress(Exception):
        for fieldname, term in q.iter_all_terms():
            if fieldname in ("products", "section", "id", "idkey", "path"):
                continue
            words.add(term.decode() if isinstance(term, bytes) else str(term))
    return words
