"""BM25F with numpy over Whoosh's decoded posting blocks, term at a time.

Whoosh walks postings one document at a time in Python; scoring whole arrays is what
brings a 60,000-article search from hundreds of ms to a few. This reads Whoosh's
private names (`_perdoc`, `_read_ids`, `_read_weights`, `_next_block`, the lengths
column): it belongs to this backend alone, and a Whoosh upgrade is checked here first.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

    import numpy as np
    from numpy.typing import NDArray
    from whoosh.searching import Searcher

    #: A posting list: (docnums, term frequencies).
    PostingArrays = tuple[NDArray[np.int64], NDArray[np.float32]]

_K1 = 1.2
#: (weight, length normalization b) per field for BM25F.
FIELD_PARAMS = {
    "title": (3.0, 0.5),
    "symptoms": (2.0, 0.75),
    "keywords": (1.5, 0.5),
    "product": (1.2, 0.3),
    "text": (1.0, 0.75),
    "cause": (1.0, 0.75),
    "resolution": (1.0, 0.75),
    "code": (0.5, 0.5),
}
#: Weight of two query words found side by side (title or problem statement).
PAIR_WEIGHT = 0.5
#: Word pairs looked up between two slots at most (forms x forms).
_MAX_PAIRS = 16
#: How hard a missing query word (weighted by its idf) pulls a document down.
_COVERAGE_POWER = 1.0
#: Bonus for an article whose title the query names almost whole: share of the title's
#: words the query holds, to this power, times this weight (0 = off).
TITLE_COVER_WEIGHT = 0.15
TITLE_COVER_POWER = 1.5
#: Factor for an article whose title is an alert name the query typed whole.
NAME_BOOST = 1.5
#: A typed name that is in more titles than this names a product, not an article.
_NAME_TITLES = 5
_CACHE_BYTES = 96 * 1024 * 1024
#: The best this many are re-ranked by what their titles say (`Scorer.title_factor`).
RERANK_DEPTH = 50
#: Pull-down (1 - this) of an article whose title names the product the query names at
#: another version than the one typed: "iis5" and "IIS 4.0: ...", "nt4" and "Windows NT
#: 3.51: ...". Siblings for two versions share nearly every word, and a bare "5" in the
#: query also matches "Netware 5" or "5 minutes" elsewhere in the wrong one.
VERSION_CONFLICT = 0.2
_TITLE_CACHE = 5_000
_VERSION_RE = re.compile(r"\d+(?:\.\d+)*\Z")


class Postings:
    """Decoded posting lists, (docnums, term frequencies) as arrays, LRU-capped by size.

    Whoosh walks postings one document at a time in Python; scoring whole arrays with
    numpy is what brings a 60,000-article search from hundreds of ms to a few.
    """

    def __init__(self) -> None:
        from collections import OrderedDict

        self._items: OrderedDict[tuple[str, str], PostingArrays] = OrderedDict()
        self._bytes = 0

    def get(self, scorer: Scorer, fieldname: str, term: str) -> PostingArrays:
        key = (fieldname, term)
        hit = self._items.get(key)
        if hit is not None:
            self._items.move_to_end(key)
            return hit
        value = scorer.read_postings(fieldname, term)
        self._items[key] = value
        self._bytes += value[0].nbytes + value[1].nbytes
        while self._bytes > _CACHE_BYTES and len(self._items) > 1:
            _, (ids, tfs) = self._items.popitem(last=False)
            self._bytes -= ids.nbytes + tfs.nbytes
        return value


class Scorer:
    """BM25F over Whoosh's postings, term at a time, for one open searcher."""

    def __init__(self, searcher: Searcher) -> None:
        import numpy as np
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
        from whoosh.util.numeric import byte_to_length

        self.np = np
        self._lengths_column = LENGTHS_COLUMN
        self._lenfield = _lenfield
        self._byte_to_length = np.array([byte_to_length(i) for i in range(256)], "float32")
        self.searcher = searcher
        reader = searcher.reader()
        self.reader = reader
        # Any: each leaf is read through Whoosh's private segment internals, untyped.
        self.leaves: list[tuple[Any, int]] = (
            reader.leaf_readers() if hasattr(reader, "leaf_readers") else [(reader, 0)]
        )
        self.ndocs = reader.doc_count_all()
        self.live = np.ones(self.ndocs, dtype=bool)
        leaf: Any  # a segment reader: `deleted_docs_set` is not in Whoosh's types
        for leaf, offset in self.leaves:
            if leaf.has_deletions():
                deleted = np.fromiter(leaf.deleted_docs_set, dtype=np.int64)
                self.live[deleted + offset] = False
        self.doc_count = max(1, reader.doc_count())
        self._lengths: dict[str, NDArray[np.float32]] = {}
        self.postings = Postings()
        self._titles: dict[int, list[set[str]]] = {}

    def lengths(self, fieldname: str) -> NDArray[np.float32]:
        """Every document's length in `fieldname`, decoded from Whoosh's byte column."""
        cached = self._lengths.get(fieldname)
        if cached is not None:
            return cached
        np = self.np
        parts = []
        for leaf, _offset in self.leaves:
            count = leaf.doc_count_all()
            raw = np.zeros(count, dtype=np.uint8)
            perdoc = leaf._perdoc
            column = perdoc._cached_reader(self._lenfield(fieldname), self._lengths_column)
            if column is None and leaf.field_length(fieldname):
                # The lengths file is gone (a commit elsewhere, or damage): scoring with
                # zero lengths would rank silently wrong, so fail and let the read retry.
                raise FileNotFoundError(f"lengths of {fieldname!r} missing from a segment")
            if column is not None and column._count:
                data = column._dbfile.get(column._basepos, column._count)
                stored = np.frombuffer(data, dtype=np.uint8)[:count]
                raw[: len(stored)] = stored
            parts.append(self._byte_to_length[raw])
        lengths = np.concatenate(parts) if parts else np.zeros(0, "float32")
        self._lengths[fieldname] = lengths
        return lengths

    def read_postings(self, fieldname: str, term: str) -> PostingArrays:
        np = self.np
        ids_parts = []
        tf_parts = []
        for leaf, offset in self.leaves:
            if (fieldname, term) not in leaf:
                continue
            matcher = leaf.postings(fieldname, term)
            # A segment with deletions wraps its postings in a filter; self.live already
            # masks deleted documents, so read the raw blocks underneath.
            while not hasattr(matcher, "_read_ids") and hasattr(matcher, "child"):
                matcher = matcher.child
            while matcher.is_active():
                matcher._read_ids()
                matcher._read_weights()
                ids_parts.append(np.asarray(matcher._ids, dtype=np.int64) + offset)
                tf_parts.append(np.asarray(matcher._weights, dtype=np.float32))
                matcher._next_block()
        if not ids_parts:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        return np.concatenate(ids_parts), np.concatenate(tf_parts)

    def norms(self, fieldname: str, b: float) -> NDArray[np.float32]:
        """1 / (1 - b + b * length / average) for every document: BM25F's length factor."""
        key = f"norm:{fieldname}:{b}"
        cached = self._lengths.get(key)
        if cached is None:
            avg = max(self.reader.field_length(fieldname) / self.doc_count, 1.0)
            lengths = self.lengths(fieldname)
            cached = (1.0 / (1 - b + b * lengths / avg)).astype("float32")
            self._lengths[key] = cached
        return cached

    def score(
        self, slots: list[dict[str, list[str]]], mask: NDArray[np.bool_]
    ) -> tuple[NDArray[np.float32], NDArray[np.float32], bool]:
        """(BM25F scores, idf-weighted share of the query each document covers, whether
        every slot is held by some article).

        A slot is one word of the query: the terms it stands for in each field (its
        equivalent forms, "nt4" and "nt", "0x0000000a" and "0xa"; or the expanded words
        of a wildcard). A document's frequency for a slot is the best of its terms. Real
        BM25F: each field's frequency is length-normalized and weighted first, then the
        sum saturates once, so a word in title and body is not counted as two words. A
        slot's idf comes from the documents holding it in any field.
        """
        np = self.np
        acc = np.zeros(self.ndocs, dtype=np.float32)
        covered = np.zeros(self.ndocs, dtype=np.float32)
        total_idf = 0.0
        all_found = True
        for slot in slots:
            tf = np.zeros(self.ndocs, dtype=np.float32)
            for fieldname, (weight, b) in FIELD_PARAMS.items():
                found = self._best_of(fieldname, slot.get(fieldname, ()))
                if found is not None:
                    # Only the documents holding the word: a dense pass per field over
                    # every document cost more than the postings themselves.
                    ids, tfs = found
                    tf[ids] += np.float32(weight) * tfs * self.norms(fieldname, b)[ids]
            present = np.flatnonzero(tf > 0)  # frequencies are >= 0: a bool scan is 5x faster
            if not len(present):
                all_found = False  # no article holds it: it ranks nothing either way
                continue
            df = len(present)
            idf = float(np.log1p((self.doc_count - df + 0.5) / (df + 0.5)))
            total_idf += idf
            t = tf[present]
            acc[present] += np.float32(idf) * t * (_K1 + 1) / (t + _K1)
            covered[present] += np.float32(idf)
        for first, second in itertools.pairwise(slots):
            # Two query words side by side in the title or the problem statement.
            pairs = {f"{a}_{b}" for a in first.get("text", ()) for b in second.get("text", ())}
            if len(pairs) > _MAX_PAIRS:
                continue  # a wildcard beside a word: no pair bonus
            found = self._best_of("pairs", sorted(pairs))
            if found is not None:
                present, t = found
                df = len(present)
                idf = float(np.log1p((self.doc_count - df + 0.5) / (df + 0.5)))
                acc[present] += np.float32(PAIR_WEIGHT * idf) * t * (_K1 + 1) / (t + _K1)
        if TITLE_COVER_WEIGHT:
            named, share = self.title_cover(slots)
            acc[named] *= 1 + np.float32(TITLE_COVER_WEIGHT) * share ** np.float32(
                TITLE_COVER_POWER
            )
        dead = ~(mask & self.live)
        acc[dead] = 0
        covered[dead] = 0
        if total_idf:
            covered /= np.float32(total_idf)
        return acc, covered, all_found

    def title_terms(self, docnum: int) -> list[set[str]]:
        """The index terms at each word position of a document's title (cached)."""
        found = self._titles.get(docnum)
        if found is None:
            from kbassist.search.whoosh_backend.analysis import ANALYZER

            title = self.reader.stored_fields(docnum).get("title", "")
            found = []
            for term, positions in ANALYZER.term_positions(title).items():
                for pos in positions:
                    while len(found) <= pos:
                        found.append(set())
                    found[pos].add(term)
            if len(self._titles) > _TITLE_CACHE:
                self._titles.clear()
            self._titles[docnum] = found
        return found

    def title_factor(self, docnum: int, slots: list[dict[str, list[str]]]) -> float:
        """1 - VERSION_CONFLICT for each product the query names at a version ("iis5",
        "exchange 5.5") that the title names at another one right after the product's
        name; 1 when the title names that version, or no version, or not the product."""
        title = self.title_terms(docnum)
        factor = 1.0
        for first, second in itertools.pairwise(slots):
            versions = _versions(second)
            if not versions:
                continue
            product = set(first.get("title", ())) - set(versions)
            glued = product & set(second.get("title", ()))  # "win95": one word, two slots
            if glued and any(terms & glued for terms in title):
                continue
            seen = {
                _title_version(title[p + 1])
                for p, terms in enumerate(title[:-1])
                if terms & product
            } - {""}
            wanted = _version(max(versions, key=len))
            if seen and wanted not in seen:
                factor *= 1 - VERSION_CONFLICT
        return factor

    def title_cover(
        self, slots: list[dict[str, list[str]]]
    ) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
        """(documents whose title holds a query word, share of each one's title words
        that the query names, 0 to 1).

        Siblings share most words ("NoLeadingVirtOperator", "NoLeadingVirtController");
        the one whose distinctive word the admin typed is named more fully, and a short
        title the query spells out beats a long one that merely holds the words.
        """
        np = self.np
        hits = np.zeros(self.ndocs, dtype=np.float32)
        terms = dict.fromkeys(t for slot in slots for t in slot.get("title", ()))
        for term in terms:
            ids, tfs = self.postings.get(self, "title", term)
            if len(ids):
                hits[ids] += tfs
        named = np.flatnonzero(hits)
        lengths = np.maximum(self.lengths("title")[named], 1)
        return named, np.minimum(hits[named] / lengths, 1).astype("float32")

    def _best_of(self, fieldname: str, terms: Iterable[str]) -> PostingArrays | None:
        """(documents, frequency) of the best of `terms` in `fieldname` per document that
        holds any; None when none does. One term's ids are already unique."""
        np = self.np
        found = [p for p in (self.postings.get(self, fieldname, t) for t in terms) if len(p[0])]
        if not found:
            return None
        if len(found) == 1:
            return found[0]
        # Several forms ("iis" and "server"): their best per document, in a scratch
        # array (frequencies are >= 1, so 0 means absent) — sorting the joined lists
        # cost more than the rest of the search when one form is a common word.
        best = np.zeros(self.ndocs, dtype=np.float32)
        for ids, tfs in found:
            best[ids] = np.maximum(best[ids], tfs)
        held = np.flatnonzero(best > 0)
        return held, best[held]

    def top(
        self,
        slots: list[dict[str, list[str]]],
        mask: NDArray[np.bool_],
        limit: int,
        names: Iterable[str] = (),
    ) -> tuple[list[tuple[int, float, bool]], int]:
        """Best `limit` docnums by BM25F damped by how much of the query they miss.

        No every-word tier: a long list of fixed bugs that happens to hold every word
        must not outrank the one article about the symptom that misses a common word.
        """
        np = self.np
        acc, cover, all_found = self.score(slots, mask)
        if NAME_BOOST != 1.0:
            for name in names:
                ids, _tfs = self.postings.get(self, "title", name)
                if len(ids) <= _NAME_TITLES:  # "PowerPoint" names no one article
                    acc[ids] *= np.float32(NAME_BOOST)
        candidates = np.flatnonzero(cover > 0)
        total = len(candidates)
        if not total:
            return [], 0
        share = cover[candidates]
        key = acc[candidates] * share**_COVERAGE_POWER
        # A query naming a version gets a second stage: the best `depth` re-ranked by
        # the versions their titles name.
        rerank = bool(VERSION_CONFLICT) and any(_versions(slot) for slot in slots[1:])
        depth = max(limit, RERANK_DEPTH) if rerank else limit
        part = np.argpartition(-key, depth - 1)[:depth] if total > depth else np.arange(total)
        order = part[np.argsort(-key[part], kind="stable")]
        if rerank:
            key = key.copy()
            for i in order:
                key[i] *= self.title_factor(int(candidates[i]), slots)
            order = order[np.argsort(-key[order], kind="stable")]
        order = order[:limit]
        full = [all_found and bool(share[i] >= 0.999) for i in order]
        return [
            (int(candidates[i]), float(key[i]), f) for i, f in zip(order, full, strict=True)
        ], total


def _versions(slot: dict[str, list[str]]) -> list[str]:
    """The forms of a query word that are version numbers ("5", "5.5", "2000")."""
    return [t for t in slot.get("title", ()) if _VERSION_RE.match(t)]


def _version(term: str) -> str:
    """A version as compared: "5.0" and "5" are one version, "5.5" another."""
    while term.endswith(".0"):
        term = term[:-2]
    return term


def _title_version(terms: set[str]) -> str:
    """The version at one word position of a title ("5.0" of "IIS 5.0"), or ""."""
    found = [t for t in terms if _VERSION_RE.match(t)]
    return _version(max(found, key=len)) if found else ""
