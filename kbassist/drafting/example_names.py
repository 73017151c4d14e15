"""Names a modern article's example command uses that the prose calls the example's.

Readers marked MS support drafts whose T-SQL kept `TestEP` ("For example, to drop an
endpoint named TestEP you can use the following command: DROP ENDPOINT TestEP") or
`aglisten` ("For example, assume that your availability group listener is aglisten")
as literals the admin must notice and replace. The article says the name is the
example's: it is asked, typed by the thing the prose names (an endpoint, a listener, a
server), the example its default, and filled into the command where it stands.

Never asked: SQL keywords and system names (`master`, `sa`, `dbo`), file names, and a
name the command never spells. Cheap: a substring test before any regex.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import DETAIL_SEP

#: The thing an example name is of: prose noun -> (kind, what the question calls it).
_THINGS: dict[str, tuple[str, str]] = {
    "endpoint": ("name", "endpoint name"),
    "availability group listener": ("host name", "availability group listener name"),
    "availability group": ("name", "availability group name"),
    "listener": ("host name", "listener name"),
    "server": ("host name", "server name"),
    "node": ("host name", "node name"),
    "replica": ("host name", "replica name"),
    "instance": ("name", "instance name"),
    "database": ("name", "database name"),
    "login": ("account", "login name"),
    "port": ("port", "port number"),
}
_NOUN = "|".join(sorted(_THINGS, key=len, reverse=True))
#: "an endpoint named TestEP", "your availability group listener is aglisten", "a
#: database called SalesDB": the noun, then its example name.
_NAMED_RE = re.compile(
    rf"\b(?:an?|the|your|this)\s+(?P<noun>{_NOUN})\s+"
    r"(?:(?:is\s+)?(?:named|called)|is)\s+[\"'`*]?(?P<v>[A-Za-z_][\w$-]{1,39}|\d{2,5})[\"'`*]?"
    r"(?=[\s.,;:)]|$)",
    re.IGNORECASE,
)
#: "where TestEP is the endpoint name", "In this example, SQLNODE1 is the name of the
#: server", "Replace SalesDB with the name of your database": the name, then its noun.
_IS_THE_RE = re.compile(
    r"(?:\bwhere|\bexample,|\breplace)\s+[\"'`*]?(?P<v>[A-Za-z_][\w$-]{1,39}|\d{2,5})[\"'`*]?\s+"
    r"(?:is|with)\s+(?:the\s+)?(?:name\s+of\s+)?(?:the|your|an?)?\s*"
    rf"(?P<noun>{_NOUN})\b",
    re.IGNORECASE,
)
#: The sentence says its command is an example: "For example, ...", "In this example",
#: "the following example", "assume that ...".
_EXAMPLE_RE = re.compile(
    r"\b(?:for example|in this example|the following example|e\.g\.|assume|suppose|"
    r"where|replace)\b",
    re.IGNORECASE,
)
#: SQL words and system names an example's command spells that are never the admin's.
_NEVER = frozenset(
    "master model msdb tempdb sa dbo public sysadmin guest default primary secondary local "
    "localhost named called running online offline enabled disabled available the a an "
    "not already go use create alter drop select from set on off with for tcp".split()
)


def _in_code(literal: str, code: str) -> bool:
    """Whether the command spells the name as a word, as the prose does."""
    if literal not in code:  # cheap: most named things are not in the command
        return False
    return re.search(rf"(?<![\w$.\\/-]){re.escape(literal)}(?![\w$\\/-]|\.\w)", code) is not None


def named_examples(item: str) -> list[tuple[str, str, str]]:
    """(example name, kind, what it is) of each name a step's example command uses that
    its prose calls the example's ("For example, to drop an endpoint named TestEP ...:
    DROP ENDPOINT TestEP"): the name must be in the command that follows the sentence."""
    low = item.casefold()
    if not any(w in low for w in ("example", "assume", "suppose", "where ", "replace ")):
        return []
    out: list[tuple[str, str, str]] = []
    found = [*_NAMED_RE.finditer(item), *_IS_THE_RE.finditer(item)]
    for match in sorted(found, key=lambda m: m.start()):
        literal = match.group("v")
        if literal.casefold() in _NEVER or any(literal == v for v, _, _ in out):
            continue
        start = max(item.rfind(". ", 0, match.start()), item.rfind("\n", 0, match.start()))
        start = max(start, item.rfind(DETAIL_SEP, 0, match.start()))
        sentence = item[start + 1 : match.end()]
        if not _EXAMPLE_RE.search(sentence):
            continue  # "the server named X" outside an example is the article's own
        kind, what = _THINGS[" ".join(match.group("noun").casefold().split())]
        if kind == "port" and not (literal.isdigit() and 1 <= int(literal) <= 65535):
            continue
        if kind != "port" and literal.isdigit():
            continue
        ends = [e for e in (item.find(". ", match.end()), item.find("\n", match.end())) if e >= 0]
        detail = (item[: start + 1] + item[min(ends, default=len(item)) :]).partition(DETAIL_SEP)
        if not _in_code(literal, detail[2]):
            continue  # the detail's command does not spell it (the sentence only): not asked
        out.append((literal, kind, what))
    return out
