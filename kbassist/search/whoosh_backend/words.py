"""Near words: "did you mean" for a misspelt query, and a typo's nearest known word."""

from __future__ import annotations

import re
import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from whoosh.reading import IndexReader

from kbassist.search.query import contraction
from kbassist.search.whoosh_backend.analysis import ANALYZER

#: Where a word counts as known: any field it can be found by.
_KNOWN_FIELDS = ("text", "title", "symptoms", "cause", "resolution")


def suggest(reader: IndexReader, text: str) -> str | None:
    """Replace each word the KB does not know by its closest known word."""
    changed = False
    out: list[str] = []
    for piece in re.split(r"(\s+)", text):
        word = piece.strip()
        if (
            not word
            or not re.fullmatch(r"[A-Za-z][A-Za-z'-]{3,}", word)
            or contraction(word) != word
        ):
            out.append(piece)
            continue
        stems = [t.text for t in ANALYZER(word.lower())]
        seen = max(
            (reader.doc_frequency(f, s) for s in stems for f in _KNOWN_FIELDS),
            default=0,
        )
        # The archive has its own typos ("exchnge" in a few articles): a word that
        # rare, with a neighbour used fifty times as often, is still worth a suggestion.
        if not stems or seen >= _RARE_WORD_DOCS:
            # "stor" is found (it is the stem of "store") but is no word: say the word.
            whole = _whole_word(reader, word.lower(), stems[0]) if stems else None
            out.append(whole or piece)
            changed = changed or whole is not None
            continue
        # A known but rare word looks among titles' words only (milliseconds); an
        # unknown one among every word of the KB as well.
        best = closest_word(
            reader,
            word.lower(),
            min_docs=seen * 50 if seen else 1,
            fieldnames=("spell",) if seen else ("spell", "text"),
        )
        if best is None:
            out.append(piece)
        else:
            out.append(best)
            changed = True
    return "".join(out) if changed else None


def with_near_words(reader: IndexReader, groups: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """A word the KB never uses ("transmitt") also counts as its nearest known word.

    One typo in a long query must not cost that word's share of the ranking; the
    nearest word joins the group as an equal form, as shorthand does.
    """
    out = []
    for group in groups:
        word = group[0]
        if len(word) >= 4 and word.isalpha():
            seen = _seen(reader, group, _SHARED_TYPO_DOCS)
            # A typo a few articles share ("acess", "timout") is still a typo when a
            # title word one edit or two away is used far more (as `suggest` judges).
            if seen <= _SHARED_TYPO_DOCS:
                # Titles' words: a small lexicon, so this costs milliseconds, not the
                # hundred a walk of every word in the KB would.
                near = closest_word(reader, word, min_docs=max(1, seen * 50), fieldnames=("spell",))
                stems = [t.text for t in ANALYZER(near)] if near else []
                if stems and stems[0] not in group:
                    group = (*group, stems[0])
        out.append(group)
    return out


def _seen(reader: IndexReader, group: tuple[str, ...], enough: int) -> int:
    """Articles holding any form of `group` in a field it is known by, counted up to
    more than `enough` only (a common word stops at its first field: one lookup)."""
    seen = 0
    for term in group:
        for fieldname in _KNOWN_FIELDS:
            seen = max(seen, reader.doc_frequency(fieldname, term))
            if seen > enough:
                return seen
    return seen


def _whole_word(reader: IndexReader, word: str, stem: str) -> str | None:
    """The title word a truncated one stands for ("stor" -> "store"), or None.

    Only for a typed word that is its own stem (so the search found it, as the stem of
    "storing"), is never written as a word in a title, and is one letter short of a
    title word whose stem starts with it; the most used such word.
    """
    if word != stem or reader.doc_frequency("spell", word):
        return None
    candidates = [
        c.decode() if isinstance(c, bytes) else c
        for c in reader.terms_within("spell", word, 1, prefix=len(word))
    ]
    fitting = [c for c in candidates if len(c) > len(word) and _stem(c).startswith(stem)]
    if not fitting:
        return None
    return max(fitting, key=lambda c: (reader.doc_frequency("spell", c), -len(c), c))


def _stem(word: str) -> str:
    tokens = [t.text for t in ANALYZER(word)]
    return tokens[0] if tokens else word


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein (optimal string alignment): a swap of two letters costs 1."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


_RARE_WORD_DOCS = 50
#: At most this many articles share a misspelling before it counts as a word of its own.
_SHARED_TYPO_DOCS = 5


def _used_enough(reader: IndexReader, fieldname: str, word: str, min_docs: int) -> bool:
    """True when at least `min_docs` articles use `word`: a title word counts every
    article whose text has its stem, so a typo's own count (from the text) is weighed
    against a like count."""
    if reader.doc_frequency(fieldname, word) >= min_docs:
        return True
    return fieldname == "spell" and reader.doc_frequency("text", _stem(word)) >= min_docs


def closest_word(
    reader: IndexReader,
    word: str,
    min_docs: int = 1,
    fieldnames: tuple[str, ...] = ("spell", "text"),
) -> str | None:
    """The known word nearest to a misspelt one: fewest edits, then most used.

    Looked up among the unstemmed words of titles (a small lexicon: ~10 ms, and real
    words to show), then among the stems of the whole text if titles have none.
    """
    for fieldname in fieldnames:
        best = _closest_in(reader, fieldname, word, min_docs)
        if best is not None:
            return best
    return None


#: reader -> {(field, word, min_docs): nearest word or None}. One search looks a rare word
#: up twice (its ranking, then "did you mean"), and the TUI searches as the admin types.
_NEAR_CACHE: weakref.WeakKeyDictionary[IndexReader, dict[tuple[str, str, int], str | None]] = (
    weakref.WeakKeyDictionary()
)


def _closest_in(reader: IndexReader, fieldname: str, word: str, min_docs: int) -> str | None:
    """`closest_word` in one field, remembered for as long as the reader lives."""
    cache = _NEAR_CACHE.get(reader)
    if cache is None:
        cache = _NEAR_CACHE[reader] = {}
    key = (fieldname, word, min_docs)
    if key in cache:
        return cache[key]
    candidates = {
        c.decode() if isinstance(c, bytes) else c
        for c in reader.terms_within(fieldname, word, 2, prefix=1)
    }
    candidates.discard(word)
    candidates = {c for c in candidates if _used_enough(reader, fieldname, c, min_docs)}
    best = None
    if candidates:
        best = min(
            candidates,
            # Typing drops letters more often than it adds them: on a tie, restore. The
            # word itself breaks a last tie: a set's order changes with the process.
            key=lambda c: (
                edit_distance(word, c),
                len(c) < len(word),
                -reader.doc_frequency(fieldname, c),
                c,
            ),
        )
    if len(cache) > 10_000:
        cache.clear()
    cache[key] = best
    return best
