"""Example searches for the first screen, drawn from the open knowledge base and checked.

A newcomer types what the first screen suggests, so every example is a query that was
run on this knowledge base and brought up the article it was drawn from (the syntax
examples: found something). Nothing here imports Textual: the app calls `find_examples`
in a worker thread with a search function of its own reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from kbassist.errors import KBError
from kbassist.index import Hit, SearchResult

#: Words that make poor example queries: glue words (the index drops them anyway),
#: MS KB title tags ("PRB:", "FIX:") and the filler of support titles.
_SKIP = frozenset(
    "a an and are as at be by can for from have if in is it may of on or that the this to "
    "when will with you your not no does do did how why what which after before during "
    "while into about using use used can't doesn't won't prb fix bug info doc howto "
    "problem problems message messages msg err getting started kbassist reports "
    "one two three four five six seven eight nine ten some several multiple all any "
    "errmsg cause causes caused possible occurs occur".split()
)
#: Words that say something went wrong: titles holding one read like a symptom.
_SYMPTOMS = frozenset(
    "hang hangs hung fail fails failed failure stop stops stopped shuts crash crashes "
    "slow corrupt corrupts corrupted lost missing busy damaged cannot unable denied "
    "freezes error errors timeout invalid refused disconnects".split()
)
_CODE_WORD_RE = re.compile(r"\b[A-Z_]{5,}\b")
#: Titles that explain rather than fix ("INFO: Definition of a Region").
_NOT_A_FIX_RE = re.compile(r"^\s*(?:Q\d{4,7}\s*:\s*)?(?:INFO|HOWTO|DOC|SAMPLE)\s*:", re.I)
#: A programmer's bug report ("PRB: Two Error Messages When Closing Query"): a symptom,
#: but not what an administrator at a console types first.
_DEVELOPER_RE = re.compile(r"^\s*(?:Q\d{4,7}\s*:\s*)?(?:PRB|BUG|FIX)\s*:", re.I)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[.'][A-Za-z0-9]+)*")
#: Vendor names that start product names: "product:microsoft" would match them all.
_VENDORS = frozenset({"microsoft"})
#: An MS KB title starts "Q98097: ": the id is not part of the symptom.
_ID_PREFIX_RE = re.compile(r"^\s*Q\d{4,7}\s*:\s*")

#: Hits looked at when checking that an example brings up its article.
TOP = 3
#: An example's note names its article's title, cut at a word (the list cuts it again
#: to the terminal's width).
NOTE_WIDTH = 60
#: Article titles looked at (spread over the whole list) for examples without trees.
SAMPLED = 60


@dataclass(frozen=True, slots=True)
class Example:
    """A query to try, what it shows, and the article it brings up (if it is about one)."""

    query: str
    note: str
    article: str | None = None


#: search(query, limit) on the open knowledge base.
Search = Callable[[str, int], SearchResult]


def title_words(title: str) -> list[str]:
    """The words of a title worth typing, lower-cased, in order, each once."""
    title = _ID_PREFIX_RE.sub("", title)
    seen: list[str] = []
    for word in _WORD_RE.findall(title):
        low = word.lower()
        if len(low) < 3 or low in _SKIP or low in seen or any(c.isdigit() for c in low):
            continue  # codes and versions ("c2065", "95.x") make poor first searches
        seen.append(low)
    return seen


def candidates(title: str) -> list[str]:
    """Short queries an admin might type for this title, most natural first.

    Titles name the subject first ("Mail server"), then what goes wrong ("shuts down")
    and the circumstance last ("during a backup"): the subject with the circumstance,
    or with the symptom word, reads like what an admin types.
    """
    words = title_words(title)
    if len(words) < 2:
        return list(words)
    subject = words[:2]
    out = []
    if len(words) >= 3:
        out.append(" ".join([*subject, words[-1]]))
        symptom = next((w for w in words[2:] if w in _SYMPTOMS), None)
        if symptom is not None:
            out.append(" ".join([*subject, symptom]))
        out.append(" ".join(words[:3]))
    out.append(" ".join(subject))
    return list(dict.fromkeys(out))


def looks_like_a_symptom(title: str) -> bool:
    """Whether a title describes something going wrong (a good example to try).

    Not one about a programming keyword ("DEFINT and DEFLNG must precede…"): long
    words in capitals are code, not what an admin sees.
    """
    if _NOT_A_FIX_RE.match(title) or _CODE_WORD_RE.search(title):
        return False
    return any(word in _SYMPTOMS for word in title_words(title))


def sample_titles(
    titles: Sequence[tuple[str, str]], count: int = SAMPLED
) -> Iterator[tuple[str, str]]:
    """Up to `count` titles spread evenly over `titles`, symptom-like ones first, and
    of those an administrator's before a programmer's bug report.

    Spread rather than the first few: a folder is often sorted by id or topic, and the
    examples should show the breadth of the knowledge base.
    """
    if not titles:
        return
    step = max(1, len(titles) // count)
    picked = [titles[i] for i in range(0, len(titles), step)][:count]

    def rank(entry: tuple[str, str]) -> int:
        if not looks_like_a_symptom(entry[1]):
            return 2
        return 1 if _DEVELOPER_RE.match(entry[1]) else 0

    yield from sorted(picked, key=rank)  # stable: spread order within each rank


def _short(title: str, width: int = NOTE_WIDTH) -> str:
    """A title cut to `width` characters (at a word, with an ellipsis) for a note."""
    title = " ".join(title.split())
    if len(title) <= width:
        return title
    cut = title[: width - 1].rsplit(" ", 1)[0].rstrip(" ,:;-")
    return cut + "…"


def _hit_for(search: Search, query: str, article_id: str) -> Hit | None:
    """The hit for `article_id` if `query` brings it up among the first few, else None."""
    try:
        result = search(query, TOP)
    except KBError:
        return None
    if result.corrected:
        return None  # the example would show a "did you mean": not a good first try
    key = article_id.casefold()
    return next((hit for hit in result.hits if hit.id.casefold() == key), None)


def _finds_any(search: Search, query: str) -> bool:
    try:
        result = search(query, 1)
    except KBError:
        return False
    return bool(result.hits) and not result.corrected


def find_examples(
    search: Search,
    sources: Iterable[tuple[str, str]],
    *,
    limit: int = 3,
    stop: Callable[[], bool] = lambda: False,
) -> list[Example]:
    """Up to `limit` plain-word queries that bring up their article among the first
    hits, then a phrase and a product filter that find something.

    `sources` are (article id, title) pairs in the order to try them (the articles of
    hand-written trees first); `stop` is polled so an abandoned run ends early.
    """
    found: list[Example] = []
    first: Hit | None = None
    phrase: Example | None = None
    for article_id, title in sources:
        if len(found) >= limit or stop():
            break
        if any((e.article or "").casefold() == article_id.casefold() for e in found):
            continue  # one example per article (a tree title and the article's own)
        for query in candidates(title):
            if any(example.query == query for example in found):
                continue
            hit = _hit_for(search, query, article_id)
            if hit is not None:
                found.append(Example(query, f"finds {hit.id}: {_short(hit.title)}", hit.id))
                first = first or hit
                break
        words = title_words(title)
        if phrase is None and len(words) >= 2:
            quoted = f'"{words[0]} {words[1]}"'
            if _finds_any(search, quoted):
                phrase = Example(quoted, "an exact phrase")
    extras = [phrase] if phrase is not None else []
    if first is not None and first.products and not stop():
        names = [
            w
            for w in _WORD_RE.findall(first.products[0].lower())
            if len(w) >= 3 and w not in _SKIP and w not in _VENDORS
        ]
        if names:
            # "Microsoft Exchange Server" -> "exchange": the word an admin would type.
            query = f"product:{names[0]} {found[0].query.split()[-1]}"
            if _finds_any(search, query):
                extras.append(Example(query, "one product only"))
    return found + extras
