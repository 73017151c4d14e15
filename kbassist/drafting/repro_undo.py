"""The steps to reproduce, repeated without the step that undoes the fix (round 41).

Readers of seed 118 marked a verify that repeats the article's steps to reproduce as
written when one of those steps sets the very thing the fix changes ("1. Change your hard
drive name to YOURNAME's MAC" under the fix "Remove the 's from the hard drive name"):
replayed, that step brings the fault back and the check proves nothing. When a step of
the pasted repro is a setting step (change, rename, set, select ...) and names the object
the fix names (two content words in a row that both say: "hard drive", "drive name"),
gives it a value ("to YOURNAME's MAC"), and the fix is itself a setting, the verify says to
repeat the steps except that one. Narrow on purpose: a step that installs,
creates or opens something, or a fix that upgrades the product, leaves the verify as it was.
"""

from __future__ import annotations

import re
from itertools import pairwise

from kbassist.drafting.text import split_detail, with_detail
from kbassist.drafting.verify import REPRO_PREFIX

#: The repeat as written: not yet said with the fix's change or another way.
_LEAD_RE = re.compile(
    re.escape(REPRO_PREFIX) + r"(?P<paren> \([^()]{0,200}\))?(?P<rest>, and check .{3,2000})$",
    re.S,
)
#: One numbered step of the pasted repro, with the lines that continue it.
_STEP_RE = re.compile(r"^\s*(?P<n>\d{1,2})[.)]\s+(?P<text>.+)$")
#: A sentence that sets a thing to a value ("Set the Windowless property of the
#: UserControl to True", "On the General tab, change X to Y"): the thing and the value.
_SETS_RE = re.compile(
    r"^(?:[\w ]{0,20}:\s{0,3})?(?:(?:on|in|under) [^,]{3,60}, )?(?:change|set|rename)\s+"
    r"(?P<obj>[^.;:]{3,100}?)\s+(?:back\s+)?to\s+(?P<val>\S.*)$",
    re.IGNORECASE,
)
#: A fix that takes a part out of the thing ("Remove the 's from the hard drive name").
_REMOVES_RE = re.compile(
    r"^(?:[\w ]{0,20}:\s{0,3})?(?:remove|delete)\s+[^.;]{1,80}?\s+from\s+(?P<obj>[^.;:]{3,100})",
    re.IGNORECASE,
)
#: The thing's head: what comes before "of the form", "for the text box".
_HEAD_CUT_RE = re.compile(r"\s+(?:of|for|in|on|from|at)\s+.*$", re.IGNORECASE)
#: A fix that changes the product, not the setting the steps make.
_PRODUCT_FIX_RE = re.compile(
    r"^(?:[\w ]{0,20}:\s{0,3})?(?:upgrade|update|install|apply|obtain|download)\b", re.IGNORECASE
)
_STOP = frozenset(
    "the a an of in on for to from your this that with and or is are be it its as at by"
    " you can not any all then click change rename set select choose clear".split()
)


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z0-9]+", text.casefold()) if w not in _STOP]


def _pairs(text: str) -> set[tuple[str, str]]:
    """Two content words in a row ("hard drive", "drive name"), stop words dropped first."""
    return set(pairwise(_words(text)))


def _same_thing(one: str, other: str) -> bool:
    """Two heads that name one thing: a pair of content words in common ("hard drive
    name", "Windowless property"), or the same single CamelCase name ("ScaleMode")."""
    one, other = _HEAD_CUT_RE.sub("", one), _HEAD_CUT_RE.sub("", other)
    if _pairs(one) & _pairs(other):
        return True
    named = re.findall(r"\b[A-Z][a-z]+[A-Z]\w*", one)
    return len(_words(one)) == 1 and bool(named) and _words(one) == _words(other)


def _fix_sets(fix: list[str]) -> list[tuple[str, str]]:
    """(thing, value) of each sentence of the fix that sets a thing; value "" for a part
    taken out of it."""
    found: list[tuple[str, str]] = []
    for said in fix:
        for sentence in re.split(r"(?<=[.;])\s+", " ".join(said.split())):
            sets = _SETS_RE.match(sentence)
            if sets:
                found.append((sets.group("obj"), sets.group("val")))
            elif removes := _REMOVES_RE.match(sentence):
                found.append((removes.group("obj"), ""))
    return found


def _undoes(step: str, fix: list[tuple[str, str]]) -> bool:
    """The step sets a thing the fix sets, to another value (or the fix takes a part out)."""
    sets = _SETS_RE.match(step)
    if sets is None:
        return False
    for thing, value in fix:
        if not _same_thing(thing, sets.group("obj")):
            continue
        first = _words(value)[:1]
        if not first or first[0] not in _words(sets.group("val")):
            return True
    return False


def _steps(detail: str) -> list[tuple[str, str]]:
    """(number, text) of each numbered step of the pasted repro."""
    found: list[tuple[str, str]] = []
    for line in detail.splitlines():
        step = _STEP_RE.match(line)
        if step:
            found.append((step.group("n"), step.group("text").strip()))
        elif found and line.strip() and not line.startswith("("):
            found[-1] = (found[-1][0], f"{found[-1][1]} {line.strip()}")
    return found


def undone_repro(verify: str, fix: list[str], keep: bool) -> str:
    """`verify`, a repeat of the steps to reproduce, said "except step N" when step N sets
    the thing the fix (`fix`: its label and steps) changes; `verify` unchanged otherwise,
    or when `keep` (an upgrade or a cause changes no setting the steps make)."""
    text, detail = split_detail(verify)
    lead = _LEAD_RE.match(text)
    if keep or lead is None or not detail or _PRODUCT_FIX_RE.match(fix[0] if fix else ""):
        return verify
    fixed = _fix_sets(fix)
    if not fixed:
        return verify
    undoing = [(n, said) for n, said in _steps(detail) if _undoes(said, fixed)]
    if len(undoing) != 1 or len(undoing[0][1]) > 120:
        return verify  # none, or several: not sure which step the fix undoes
    n, said = undoing[0]
    value = _SETS_RE.match(said)
    if value and set(_words(value.group("val"))[:1]) & set(_words(lead.group("rest"))):
        return verify  # the check itself needs the step's value ("whose DefaultType is UseODBC")
    new = (
        f'{REPRO_PREFIX}{lead.group("paren") or ""} except step {n} ("{said.rstrip(".")}"), '
        f"which would undo the fix above{lead.group('rest')}"
    )
    return with_detail(new, detail)
