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
#: A step that sets something ("Change your hard drive name to ...", "On the General tab,
#: click to select Sunday ..."), after an optional place ("On the General tab, ").
_SETS_RE = re.compile(
    r"^(?:(?:on|in|under) [^,]{3,60}, )?(?:change|rename|set|select|click to select|choose"
    r"|clear|click to clear|turn (?:on|off)|enable|disable)\b",
    re.IGNORECASE,
)
#: A step that gives the thing a value ("... name to YOURNAME's MAC", "... to True"): a
#: step that only does the change the problem is about ("Change the LU Name (LU03 -> LU05)")
#: is the test itself, never the step to leave out.
_TO_VALUE_RE = re.compile(r"\bto\s+\S")
#: A fix that is itself a setting ("Set the Windowless property to False", "Remove the 's
#: from the hard drive name"); a fix that adds, deletes or recreates something is not.
_SETTING_FIX_RE = re.compile(
    r"^(?:[\w ]{0,20}:\s{0,3})?(?:set|change|rename|remove|clear|select|choose|turn (?:on|off)"
    r"|enable|disable)\b",
    re.IGNORECASE,
)
#: A fix that changes the product, not the setting the steps make.
_PRODUCT_FIX_RE = re.compile(
    r"^(?:[\w ]{0,20}:\s{0,3})?(?:upgrade|update|install|apply|obtain|download)\b", re.IGNORECASE
)
_STOP = frozenset(
    "the a an of in on for to from your this that with and or is are be it its as at by"
    " you can not any all then click change rename set select choose clear".split()
)


def _pairs(text: str) -> set[tuple[str, str]]:
    """Two content words in a row ("hard drive", "drive name"), stop words dropped first."""
    words = [w for w in re.findall(r"[a-z][a-z0-9]+", text.casefold()) if w not in _STOP]
    return set(pairwise(words))


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
    fixed = _pairs(" ".join(fix))
    if not fixed or not any(_SETTING_FIX_RE.match(said.strip()) for said in fix):
        return verify
    undoing = [
        (n, said)
        for n, said in _steps(detail)
        if _SETS_RE.match(said) and _TO_VALUE_RE.search(said) and _pairs(said) & fixed
    ]
    if len(undoing) != 1 or len(undoing[0][1]) > 120:
        return verify  # none, or several: not sure which step the fix undoes
    n, said = undoing[0]
    new = (
        f'{REPRO_PREFIX}{lead.group("paren") or ""} except step {n} ("{said.rstrip(".")}"), '
        f"which would undo the fix above{lead.group('rest')}"
    )
    return with_detail(new, detail)
