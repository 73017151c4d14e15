"""A fix that points at MORE INFORMATION's procedure or code gets it (round 25, lost25).

`pointed_steps` brings in a MORE INFORMATION procedure led as a fix or following the
repro step that shows the problem. Two pointers still reached nothing:

- the procedure is MORE INFORMATION's own option ("Use late binding with CreateObject
  as shown below." over a "Step-by-Step Example"; "Use the DDX_RichText function as
  demonstrated in the "More Information" section." over "Add the following two
  functions to your project:"): the walker met a one-line fix and, beside it, an outcome
  of the steps named by their first line. The steps join the fix that points at them.
- MORE INFORMATION holds only code ("See the More Information section for the sample
  code and the workaround.", or "In the sample code below, padding the initializer ...
  corrects the problem." with no code below it in RESOLUTION) over a "Sample Code"
  listing whose comments say "//Workaround: uncomment the following 2 lines"; "Place
  "Desktop = .T." in the class definition code as shown in the MORE INFORMATION
  section." over the program that has "*Desktop = .T."): the pointer step shows that
  listing as its detail, verbatim. A listing with a `<name>` in it ("exitm <cbParams>",
  "CComPtr<IColumnsInfo>") is left out: the drafter would ask for it as a placeholder.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kbassist.drafting.text import dedent_lines, split_detail, step_text, with_detail

if TYPE_CHECKING:
    from kbassist.articles import Article, Section
    from kbassist.drafting.option_model import Option

#: "as shown in the MORE INFORMATION section", "See the "More Information" section for".
_AT_MORE_RE = re.compile(r"\bmore information\W{0,3}\s{1,3}section\b", re.IGNORECASE)
#: "as shown below", "as demonstrated below": the last step points on.
_BELOW_RE = re.compile(
    r"\b(?:as )?(?:shown|described|outlined|demonstrated|illustrated|detailed)\s+below\b",
    re.IGNORECASE,
)
#: "In the sample code below, padding the initializer ... corrects the problem", "The
#: sample code below demonstrates this workaround": code the fix's section does not hold.
_CODE_BELOW_RE = re.compile(
    r"\b(?:sample|example)\s+(?:code|program|listing)\s+(?:below|that follows)\b", re.IGNORECASE
)
#: A pointer that sends the reader there for how: code, steps, an example, a workaround.
_HOW_RE = re.compile(
    r"\b(?:see|shown|shows|demonstrated|demonstrates|illustrated|described|sample|code"
    r"|example|steps?|instructions|workarounds?)\b",
    re.IGNORECASE,
)
#: "..., or see the workarounds in the More Information section": other ways, not this one.
_OR_SEE_RE = re.compile(r"\bor (?:you can )?(?:see|refer to|follow|use)\b", re.IGNORECASE)
#: A pointer to more reading, not to a fix: "for more troubleshooting ideas", "articles".
_READING_RE = re.compile(
    r"\b(?:articles|troubleshooting|information about|more details|discussion|background"
    r"|explanation|table)\b",
    re.IGNORECASE,
)
#: A quoted token of the pointer step ("Desktop = .T."): the listing that has it.
_QUOTED_RE = re.compile(r"\"(?P<token>[^\"\n]{3,60})\"")
#: Code comments that mark the fix in a listing: "//Workaround:", "&& Uncomment this".
_FIX_MARK_RE = re.compile(r"\b(?:work ?around|uncomment|fix(?:ed)?|resolve)\b", re.IGNORECASE)
#: "<cbParams>", "<IColumnsInfo>": code the drafter would read as a placeholder to ask.
_ANGLED_RE = re.compile(r"<[A-Za-z_][\w .-]{0,60}>")
#: At most this many lines of a listing are shown with the pointer step.
MAX_CODE_LINES = 120


def _points_at_more(item: str, last: bool) -> bool:
    said = step_text(item)
    if split_detail(item)[1].strip() or _OR_SEE_RE.search(said) or _READING_RE.search(said):
        return False
    if _AT_MORE_RE.search(said):
        return bool(_HOW_RE.search(said))
    return last and bool(_BELOW_RE.search(said) or _CODE_BELOW_RE.search(said))


#: A list item's opening: "1. ", "a) ", "- ", "* ": a step's own line, never code.
_ITEM_RE = re.compile(r"^(?:\d{1,2}[.)]|[a-z][.)]|[-*\u2022])\s")


def _listings(more: Section) -> list[str]:
    """MORE INFORMATION's code listings: runs of lines indented four or more columns
    past the section's margin (blank lines inside kept) that open no list item, as
    written. A numbered step's wrapped lines sit two columns in, never four."""
    lines = more.text.split("\n")
    margin = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
    found: list[str] = []
    run: list[str] = []
    for line in [*lines, "<end>"]:
        indent = len(line) - len(line.lstrip())
        if not line.strip():
            if run:
                run.append(line)
            continue
        if indent >= margin + 4 and not _ITEM_RE.match(line.strip()):
            run.append(line)
            continue
        code = [x for x in run if x.strip()]
        if len(code) >= 2:
            found.append(dedent_lines(run[:MAX_CODE_LINES]))
        run = []
    return found


#: "Sample Code" / "-----------": a sub-heading over a listing, however little indented.
_SAMPLE_HEAD_RE = re.compile(r"^(?:sample|example)\s+(?:code|program|source)s?$", re.IGNORECASE)
_UNDERLINE_RE = re.compile(r"^-{3,200}$")


def _headed_listings(more: Section) -> list[str]:
    """The listings under MORE INFORMATION's "Sample Code" sub-headings: each up to the
    next sub-heading, as written (MASM and C samples sit two columns in, not four)."""
    lines = more.text.split("\n")
    found = []
    for n in range(len(lines) - 1):
        if not (
            _SAMPLE_HEAD_RE.match(lines[n].strip()) and _UNDERLINE_RE.match(lines[n + 1].strip())
        ):
            continue
        body: list[str] = []
        for m in range(n + 2, len(lines)):
            nxt = lines[m + 1].strip() if m + 1 < len(lines) else ""
            if lines[m].strip() and _UNDERLINE_RE.match(nxt):
                break
            body.append(lines[m])
        if sum(bool(x.strip()) for x in body) >= 2:
            found.append(dedent_lines(body[:MAX_CODE_LINES]))
    return found


def _listing_for(item: str, listings: list[str]) -> str:
    """The listing the pointer means: the one that has its quoted token, else the one
    whose comments mark the fix, else the only one."""
    said = step_text(item)
    for token in (m.group("token").strip() for m in _QUOTED_RE.finditer(said)):
        norm = re.sub(r"\s+", "", token).casefold()
        hits = [c for c in listings if norm in re.sub(r"\s+", "", c).casefold()]
        if len(hits) == 1:
            return hits[0]
    marked = [c for c in listings if _FIX_MARK_RE.search(c)]
    if len(marked) == 1:
        return marked[0]
    return listings[0] if len(listings) == 1 else ""


def pointed_more(article: Article, options: list[Option]) -> list[Option]:
    """`options` with a RESOLUTION / WORKAROUND fix whose step points at MORE INFORMATION
    given what is there (see the module docstring): MORE INFORMATION's one option joined
    after the pointer, or, with no option there, its listing as the pointer's detail."""
    from kbassist.drafting.options import MORE_KEYS, RESOLUTION_KEYS, WORKAROUND_KEYS

    more = next((s for s in article.sections if s.key in MORE_KEYS and s.text.strip()), None)
    if more is None:
        return options
    fixes = [
        o
        for o in options
        if o.kind == "option"
        and o.section.key in RESOLUTION_KEYS + WORKAROUND_KEYS
        and o.items
        and o.also_from is None
    ]
    pointing = [
        (fix, n)
        for fix in fixes
        for n, item in enumerate(fix.items)
        if _points_at_more(item, n == len(fix.items) - 1)
    ]
    if len(pointing) != 1:
        return options  # several fixes point there: which part is whose is not said
    fix, n = pointing[0]
    theirs = [o for o in options if o.section is more and o.kind == "option"]
    if len(theirs) == 1 and len(theirs[0].items) >= 2:
        twin = theirs[0]
        fix.items = [*fix.items[: n + 1], *twin.items, *fix.items[n + 1 :]]
        fix.also_from = more
        fix.checks = fix.checks or twin.checks
        return [o for o in options if o is not twin]
    said = step_text(fix.items[n])
    if theirs or not (_AT_MORE_RE.search(said) or _CODE_BELOW_RE.search(said)):
        return options
    if _CODE_BELOW_RE.search(said) and _listings(fix.section):
        return options  # the code below is the fix section's own
    listing = _listing_for(fix.items[n], _headed_listings(more) or _listings(more))
    if listing and not _ANGLED_RE.search(listing):
        fix.items[n] = with_detail(fix.items[n], listing)
    return options
