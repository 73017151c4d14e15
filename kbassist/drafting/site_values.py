"""The site's values a support article's command only shows as its example, and what a
placeholder is where its command says more than its name.

Blind readers of seed 90 marked `RESTORE DATABASE [Contoso] ... MOVE N'Contoso_data'`
left hard-coded: Contoso, Fabrikam and the like are Microsoft's example names, so a name
in a command that is (or starts with) one is the example's value, asked with the example
as its default. They also marked `<Driver>:\\<Folder Path>` asked as "Which driver do
you use?" (a placeholder written before `:\\` is a drive letter) and the `<Database
File>` of `MOVE N'<Database File>' TO ...` typed as a path with a file-name hint (what
`MOVE` names first is a database's logical file name, not a file on disk).

Never asked: a name inside a path (a path asked whole keeps its answer there), a host
or domain (`contoso.com`, `CONTOSO\\user`: accounts and domains are other inputs' work).
Every test is a substring test first; the regexes have bounded repeats.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import DETAIL_SEP

#: Microsoft's example company and sample names (its docs' "Contoso Ltd.", "Fabrikam").
_COMPANIES = (
    "contoso",
    "fabrikam",
    "litware",
    "adatum",
    "woodgrove",
    "tailspin",
    "wingtip",
    "proseware",
    "northwind",
    "fourthcoffee",
    "treyresearch",
)
#: A name in a command that begins with one: a word of its own, not part of a path,
#: a host (`contoso.com`), an account (`CONTOSO\\user`) or an option (`-contoso`).
_NAME_RE = re.compile(
    r"(?<![\w$.\\/@%-])(?P<v>(?:" + "|".join(_COMPANIES) + r")[\w$]{0,40})(?![\w$\\/@%-]|\.\w)",
    re.IGNORECASE,
)
#: What the command's word before the name makes it: T-SQL's object keywords.
_KEYWORD_THINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bMOVE\s{1,5}N?'$", re.IGNORECASE), "logical file name"),
    (re.compile(r"\bDATABASE\s{1,5}\[?$", re.IGNORECASE), "database name"),
    (re.compile(r"\bLOGIN\s{1,5}\[?$", re.IGNORECASE), "login name"),
    (re.compile(r"\bTABLE\s{1,5}\[?$", re.IGNORECASE), "table name"),
    (re.compile(r"\bFILEGROUP\s{1,5}\[?$", re.IGNORECASE), "filegroup name"),
    (re.compile(r"\b(?:AVAILABILITY\s{1,5}GROUP|LISTENER)\s{1,5}\[?$", re.IGNORECASE), "name"),
)


def _thing_before(code: str, at: int) -> str:
    """What the T-SQL word right before position `at` calls the name there, or ""."""
    before = code[max(0, at - 40) : at]
    for pattern, what in _KEYWORD_THINGS:
        if pattern.search(before):
            return what
    return ""


def company_examples(item: str) -> list[tuple[str, str, str]]:
    """(name, kind, what it is) of each Microsoft example name a step's command uses
    where a T-SQL keyword says what it names (`RESTORE DATABASE [Contoso]`, `MOVE
    N'Contoso_data'`): the example's, so asked with it as the default. A name never
    after such a keyword is not asked (what it names is not known)."""
    code = item.partition(DETAIL_SEP)[2]
    if not code:
        return []
    low = code.casefold()
    if not any(c in low for c in _COMPANIES):
        return []
    out: list[tuple[str, str, str]] = []
    for match in _NAME_RE.finditer(code):
        literal = match.group("v")
        what = _thing_before(code, match.start())
        if not what or any(literal == v for v, _, _ in out):
            continue
        out.append((literal, "name", what))
    return out


def drive_before_root(literal: str, context: str) -> bool:
    """Whether the command writes the placeholder right before `:\\` (`<Driver>:\\<Folder
    Path>`): what is typed there is a drive letter, whatever the token's name says."""
    if ":" not in context:
        return False
    at = context.find(literal + ":")
    return at >= 0 and context[at + len(literal) + 1 : at + len(literal) + 2] in {"\\", "/"}


#: `MOVE N'<Database File>' TO ...`: RESTORE's first MOVE argument.
_MOVE_RE = re.compile(r"\bMOVE\s{1,5}N?'$", re.IGNORECASE)


def logical_file_name(literal: str, context: str) -> bool:
    """Whether the placeholder is what a RESTORE's `MOVE N'...'` names: a database's
    logical file name (as RESTORE FILELISTONLY lists it), not a file on disk."""
    if "MOVE" not in context.upper():
        return False
    at = context.find(literal)
    return at >= 0 and bool(_MOVE_RE.search(context[max(0, at - 20) : at]))


#: The article says a step's output gives the value: "the table name <TableName> is
#: returned", "you can see that ... in the column <ColumnName>", "the output lists <x>".
_PRODUCED_AFTER_RE = re.compile(
    r"^[^.;\n]{0,80}?\b(?:is|are)\s+(?:returned|displayed|listed|shown|printed)\b", re.IGNORECASE
)
_PRODUCED_BEFORE_RE = re.compile(
    r"\b(?:returns|displays|lists|shows|prints|you\s(?:can|will|should)\ssee)\b[^.;\n]{0,160}$",
    re.IGNORECASE,
)


def produced_by(literal: str, items: list[str]) -> str:
    """The text of the step whose output the article says gives the placeholder's value
    ("After running the command, the table name <TableName> is returned."), when that
    step is the first to write it and does not type it before saying so; "" otherwise.
    Such a value is not known when the walk asks it: its help points at that step."""
    for item in items:
        at = item.find(literal)
        if at < 0:
            continue  # not this step: the first step that writes it decides
        text, _, detail = item.partition(DETAIL_SEP)
        # the sentence it stands in: a step's "... the log shows:" is not its command's
        start = (
            max(item.rfind(". ", 0, at), item.rfind("\n", 0, at), item.rfind(DETAIL_SEP, 0, at)) + 1
        )
        head = item[max(start, at - 200) : at]
        tail = item[at + len(literal) : at + len(literal) + 120]
        said = _PRODUCED_AFTER_RE.search(tail) or _PRODUCED_BEFORE_RE.search(head)
        return text.strip() if said and detail and at > len(text) else ""
    return ""


#: "For example when a Scandanavian sort order is required run "resort.exe -s"": the
#: case the example is for, then the command whose switch it picks.
_SWITCH_RE = re.compile(
    r"\bfor example,?\s+(?:when|if)\s+(?:an?|the|your)\s+(?P<case>[\w-]{1,30}(?:\s+[\w-]{1,30})"
    r"{0,3}?)\s+(?:is|are)\s+(?:required|needed|wanted|used),?\s+(?:run|use|type)\s+"
    r"[\"'`]?(?P<cmd>[\w.-]{1,40})\s+(?P<v>[-/][A-Za-z]{1,3})[\"'`]?(?=[\s.,;)]|$)",
    re.IGNORECASE,
)


def switch_examples(item: str) -> list[tuple[str, str, str]]:
    """(switch, kind, what it is) of a command switch the article picks for one case
    only by example ("For example when a Scandanavian sort order is required run
    "resort.exe -s""): the site's case may need another switch, so it is asked, the
    example its default ("sort order switch of resort.exe")."""
    if "example" not in item.casefold():
        return []
    out: list[tuple[str, str, str]] = []
    for match in _SWITCH_RE.finditer(" ".join(item.split())):
        words = match.group("case").split()
        thing = " ".join(words[1:] if len(words) > 1 else words).casefold()
        out.append((match.group("v"), "value", f"{thing} switch of {match.group('cmd')}"))
    return out
