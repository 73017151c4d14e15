"""The steps to reproduce, repeated with the fix's change made to their code (round 15).

Readers mark a verify that repeats the article's repro code unchanged and expects it to
work (seed 52: "verify repeats the unchanged repro code (with .Show(1) still inside WITH)
and expects it to no longer happen; it should run the corrected code"). When the fix
changes the code the steps run (it names a statement, method or property the steps'
code uses: "Issue the Show method outside of the WITH block"), the verify says to run
them with that change made, never as written. Upgrades and hotfixes change the product,
not the code: their repeat stays as it is.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_detail, with_detail
from kbassist.drafting.verify import REPRO_PREFIX

#: A fix that changes code: it names a programming construct.
_CODE_NOUN_RE = re.compile(
    r"\b(?:code|statements?|methods?|propert(?:y|ies)|functions?|procedures?|macros?|quer(?:y|ies)"
    r"|clauses?|block|variables?|parameters?|arguments?|events?|commands?|declarations?|calls?)\b",
    re.IGNORECASE,
)
#: A fix that changes the product, not the steps' code: "Upgrade to X", "Install SP3".
_PRODUCT_FIX_RE = re.compile(
    r"^(?:[\w ]{0,20}:\s*)?(?:upgrade|update|install|apply|obtain|download)\b", re.IGNORECASE
)
#: A code token: "obj.Member", "Func()", "snake_case", "CamelCase", or a capitals keyword.
_TOKEN_RE = re.compile(
    r"\b[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+|\b\w+\(\)|\b[a-z]+_\w+|\b[A-Z][a-z]+[A-Z]\w*|\b[A-Z]{3,}\b"
)
#: Capitals that are no code of the steps: keys, products, protocols.
_NOT_CODE = frozenset(
    "CTRL ALT SHIFT ENTER TAB ESC DEL INS END HOME SQL ODBC OLE DDE DOS API MFC SDK DLL EXE"
    " NET NT IIS ASP HTML HTTP URL CPU RAM ROM LAN WAN TCP UDP DNS IBM PC MS OK".split()
)
#: The repeat's lead: "Repeat the article's steps to reproduce the problem (...)".
_LEAD_RE = re.compile(
    re.escape(REPRO_PREFIX)
    + r"(?P<paren> \([^()]*\))?(?: with the fix above in place)?(?P<rest>,.*)$",
    re.S,
)


def _tokens(text: str, names: bool = True) -> set[str]:
    """The code tokens `text` names; `names`: with bare CamelCase words ("RowSource"), which
    in the steps' own text are as often products ("FoxPro") as code."""
    found = {
        t.rstrip("()").split(".")[-1]
        for t in _TOKEN_RE.findall(text)
        if names or not re.fullmatch(r"[A-Z][a-z]+[A-Z]\w*", t)
    }
    return {t for t in found if t.upper() not in _NOT_CODE and len(t) >= 3}


def changed_repro(verify: str, fix: list[str], keep: bool) -> str:
    """`verify` that repeats the steps to reproduce said "with the change above made to
    them" when the fix (`fix`: its label and steps) changes code those steps run; `verify`
    unchanged otherwise, or when `keep` (an upgrade changes the product, not the code; a
    cause's "remove it" names no change)."""
    text, detail = split_detail(verify)
    lead = _LEAD_RE.match(text)
    if keep or lead is None or not detail or _PRODUCT_FIX_RE.match(fix[0] if fix else ""):
        return verify
    said = " ".join(fix)
    if not _CODE_NOUN_RE.search(said) or not (_tokens(said) & _tokens(detail, names=False)):
        return verify
    paren = lead.group("paren") or ""
    changed = (
        f"{REPRO_PREFIX}{paren} with the change above made to them (not as written)"
        f"{lead.group('rest')}"
    )
    if len(_STEP_RE.findall(detail)) > MAX_PASTED_STEPS:
        # seven steps pasted "with the change above made to them", the failing one among
        # them, read as the repro as written: the lead names where the steps are (round 16)
        return changed
    return with_detail(changed, detail)


#: A numbered step of the pasted repro ("1. Create a New Standard EXE Project").
_STEP_RE = re.compile(r"^\s*\d{1,2}[.)]\s", re.MULTILINE)
#: The most steps a changed repeat pastes; a longer repro is named, not pasted.
MAX_PASTED_STEPS = 3
