"""A query as kbassist understands it, checked and split before any engine sees it.

The language an admin types (README "Search syntax"): plain words; `field:value`
filters (product, section, title, symptoms, cause, resolution, code, keywords, id,
text); `"exact phrases"`;
wildcards (`retro*`, `w?ndows`); and for the rest, operators (AND, OR, NOT, `+`/`-`),
groups in parentheses, fuzzy words (`~`), ranges and boosts. A backend scores words,
filters and wildcards its fast way, and runs a `structured` query (any of the rest)
through its full matcher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kbassist.errors import UsageError

MAX_QUERY_CHARS = 1000
MAX_QUERY_TERMS = 64
MAX_NESTING = 32

#: The fields a `name:value` filter may name (as typed, any case).
FILTER_FIELDS = frozenset(
    (
        "product products section sections title symptoms cause resolution code keywords id"
        " text body"
    ).split()
)
_STRUCTURED_CHARS = frozenset('"*?~()^[]{}')
_WILDCARD_CHARS = frozenset("*?")
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """The parts of one query; `text` is what was typed, checked and spaces squeezed."""

    text: str
    #: Plain words, as typed.
    words: tuple[str, ...] = ()
    #: (field as typed, value) of each `field:value` filter.
    filters: tuple[tuple[str, str], ...] = ()
    #: Words holding `*` or `?`, as typed.
    wildcards: tuple[str, ...] = ()
    #: Quoted phrases, without their quotes.
    phrases: tuple[str, ...] = ()
    #: True when the query needs more than words, filters and wildcards: phrases,
    #: operators, groups, fuzzy words, ranges or boosts. The backend then matches
    #: `text` as a whole.
    structured: bool = False

    @property
    def filter_text(self) -> str:
        """The filters as typed, space-separated (`product:exchange section:cause`)."""
        return " ".join(f"{name}:{value}" for name, value in self.filters)


def parse_query(text: str) -> ParsedQuery:
    """Check `text` (UsageError, exit 2, for what cannot be searched) and split it."""
    text = check_query(text)
    if all(token in OPERATORS for token in text.split()):
        # `NOT` alone matched every article
        raise UsageError("the query has only operators (AND, OR, NOT): add words to search for")
    words: list[str] = []
    filters: list[tuple[str, str]] = []
    wildcards: list[str] = []
    phrases: list[str] = []
    structured = False
    for token in re.findall(r'"[^"]*"|\S+', text):
        pasted = pasted_word(token)
        if pasted is not None:
            words.append(pasted)
            continue
        name, colon, value = token.partition(":")
        special = _STRUCTURED_CHARS.intersection(token)
        if len(token) > 1 and token[0] == token[-1] == '"':
            phrases.append(token[1:-1])
        if token in OPERATORS or token[0] in "+-":
            structured = True
        elif special and special <= _WILDCARD_CHARS and not colon:
            wildcards.append(token)
        elif special:
            structured = True
        elif colon and value and name.lower() in FILTER_FIELDS:
            filters.append((name, value))
        else:
            words.append(contraction(token))
    return ParsedQuery(
        text=text,
        words=tuple(words),
        filters=tuple(filters),
        wildcards=tuple(wildcards),
        phrases=tuple(phrases),
        structured=structured,
    )


#: A command-line switch or a negative number ("get -r -vl", "netstat -an", "-2147467259"):
#: what an admin pastes, not `-word` exclusion (which takes a word of four letters or more).
_SWITCH_RE = re.compile(r"-(?:[A-Za-z]{1,3}|\d+)")
#: A call or a name with brackets inside a word ("chr(26)", "GetProp()", "Raft_(algorithm)"):
#: code, not a group.
_CALL_RE = re.compile(r"[^\s()\"~^\[\]{}*?]+\([^()\s\"]*\)[^\s()\"~^*?]*")
#: A question's own mark ("log on?"): punctuation, not a one-letter wildcard.
_QUESTION_END_RE = re.compile(r"[^*?]*[A-Za-z0-9)'\"]\?+")


#: "doesnt", "wont", "cant": a contraction typed without its apostrophe.
_CONTRACTION_RE = re.compile(
    r"(?P<stem>(?:do|does|did|is|are|was|were|wo|ca|could|would|should|has|have|had|must|"
    r"need|ai))n(?P<t>t)",
    re.IGNORECASE,
)


def contraction(word: str) -> str:
    """`doesnt` as `doesn't`: what the articles' "doesn't" is indexed as, not a typo to
    correct ("did you mean: sql server wan start" for "sql server wont start")."""
    match = _CONTRACTION_RE.fullmatch(word)
    if match is None:
        return word
    return f"{match.group('stem')}n'{match.group('t')}"


def pasted_word(token: str) -> str | None:
    """The plain word a token stands for when it is pasted text, not query syntax: a
    switch, a function call, a question's final mark, a mangled symbol such as
    "??_U@YAPAXI@Z"; None for a token to read as syntax. These ran the slow full matcher
    (a 3 s search for "vss get -r -vl label") or a wildcard ("on?" matched "one", "ons")."""
    if token in OPERATORS:
        return None
    if _SWITCH_RE.fullmatch(token) or _CALL_RE.fullmatch(token):
        return token
    if "?" in token and ("@" in token or "??" in token):
        return token.replace("?", " ").strip() or None
    if _QUESTION_END_RE.fullmatch(token):
        return token.rstrip("?")
    return None


def check_query(text: str) -> str:
    """`text` with spaces squeezed, or UsageError saying why it cannot be searched."""
    if "\x00" in text:
        raise UsageError("query contains a NUL byte")
    if _SURROGATE_RE.search(text):
        # A byte that is not UTF-8 (a shell passes it as a surrogate): no indexed word
        # can hold one, and encoding it failed deep inside Whoosh.
        raise UsageError("query contains a byte that is not UTF-8 text")
    text = " ".join(text.split())
    if not text:
        raise UsageError("empty query")
    if len(text) > MAX_QUERY_CHARS:
        raise UsageError(f"query is longer than {MAX_QUERY_CHARS} characters")
    depth = 0
    deepest = 0
    for char in text:
        if char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth = max(0, depth - 1)
    if deepest > MAX_NESTING:
        raise UsageError(f"query nests parentheses deeper than {MAX_NESTING}")
    if len(text.split()) > MAX_QUERY_TERMS:
        raise UsageError(f"query has more than {MAX_QUERY_TERMS} words")
    if text.count('"') % 2:
        text = text.replace('"', " ")  # an unbalanced quote: search the words plainly
    return text


def match_products(names: dict[str, str] | list[str], text: str) -> list[str]:
    """The product names a filter picks, forgiving as admins type it.

    Case is ignored and spaces are squeezed. A name equal to `text` is picked alone
    ("Microsoft Exchange" is that product, not every Exchange product); otherwise every
    name in which `text` starts a word: `exchange` and `exch` pick "Microsoft
    Exchange", `change` does not. Returns the given names (keys of a dict), sorted.
    """
    want = " ".join(text.split()).casefold()
    if not want:
        return []
    keys = list(names)
    folded = {key: " ".join(key.split()).casefold() for key in keys}
    exact = [key for key in keys if folded[key] == want]
    if exact:
        return exact
    starts_word = re.compile(r"(?<!\w)" + re.escape(want))
    return sorted((key for key in keys if starts_word.search(folded[key])), key=str.casefold)
