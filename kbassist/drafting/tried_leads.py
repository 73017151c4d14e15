"""Sub-headed methods a lead says to try in turn (round 34, tried35; seed-94 readers).

"To resolve this issue, use the following methods in the order in which they are
presented." over "Check Screen Resolution" / "Resolve IRQ Conflict" / ... (Q287923), or
"Complete the following procedures in order. If the first procedure doesn't solve the
problem, move on to the next one." over "Step 1. Increasing Available XMS Memory" / "Step
2: ..." (Q77635): the draft ran every method as one checklist, titled by the last. The lead
alone says they are tried one at a time, the next only when the one before did not help;
`method_chain` asks that ("Still failing after method 1?"), which needed a "proceed to the
next method" pointer after each method before.

A lead that only orders stages ("follow these steps in the order in which they are
presented", "Complete the following procedures in order") is no such lead: those stages
are all done, one after another (`options._staged_option`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kbassist.articles import Article

#: "if the first procedure doesn't solve the problem, move on to the next one", "try each of
#: the following until the problem is resolved", "try these solutions one at a time": the
#: lead itself says the next method is only for when the one before did not help. Bounded
#: runs, no nested repeats: linear on any input.
_TRIED_LEAD_RE = re.compile(
    r"\bif\s{1,3}the\s{1,3}first\s{1,3}(?:method|procedure|step|solution|suggestion|workaround)"
    r"\s{1,3}(?:does\s{1,3}not|doesn't|did\s{1,3}not|didn't)\s{1,3}(?:solve|resolve|fix|correct)\b"
    r"|\b(?:try|use)\s{1,3}(?:each\s{1,3}of\s{1,3})?the\s{1,3}following\s{1,3}(?:methods|"
    r"solutions|suggestions|workarounds)?\s{0,3}until\s{1,3}the\s{1,3}(?:problem|issue)\s{1,3}"
    r"is\s{1,3}(?:resolved|solved|fixed|corrected)\b"
    r"|\b(?:use|try)\s{1,3}(?:the\s{1,3}following|these)\s{1,3}(?:methods|solutions|"
    r"workarounds|suggestions)\s{1,3}one\s{1,3}at\s{1,3}a\s{1,3}time\b",
    re.IGNORECASE,
)
#: "use the following methods in the order in which they are presented": said as often
#: over the stages of one procedure ("Remove MapPoint", "Download MDAC", "Install MDAC",
#: "Reinstall MapPoint", Q243707; "Delete All of Your Saved Games", "Create and Add the New
#: Plays", "Start a New Season", Q237734) as over methods tried in turn, so it needs more.
_ORDER_LEAD_RE = re.compile(
    r"\b(?:use|try)\s{1,3}(?:the\s{1,3}following|these)\s{1,3}(?:methods|solutions|"
    r"workarounds|resolutions|suggestions)\s{1,3}in\s{1,3}(?:the\s{1,3})?order\b",
    re.IGNORECASE,
)
#: What says a method is for when the one before did not help: "If neither of the above
#: solutions worked", "If the problem persists", "If this does not resolve the issue".
_FAILED_RE = re.compile(
    r"\bif\s{1,3}(?:neither|none)\s{1,3}of\s{1,3}the\s{1,3}(?:above|previous)"
    r"|\b(?:issue|problem|error|behaviou?r|symptoms?)\s{1,3}(?:still\s{1,3}occurs|persists|"
    r"continues|remains)\b"
    r"|\b(?:does|do|did)\s{0,3}(?:not|n't)\s{1,3}(?:resolve|fix|solve|correct|work|help)\b",
    re.IGNORECASE,
)


def tried_lead(lead: str, text: str = "", causes: int = 0, heads: tuple[str, ...] = ()) -> bool:
    """Whether a section's lead (the text before its first sub-heading) says its methods
    are tried one at a time, the next only when the one before did not help. "use the
    following methods in the order ..." counts when the section says a method is for when
    one before failed (`text`), or the article names two or more causes (`causes`) and
    the sub-headings (`heads`) are all different (repeated ones are per-system stages)."""
    flat = " ".join(lead.split())[:2000]
    if _TRIED_LEAD_RE.search(flat):
        return True
    if not _ORDER_LEAD_RE.search(flat):
        return False
    names = [" ".join(h.split()).casefold() for h in heads]
    if _stage_pair(names):
        return False  # "Remove the Program" ... "Reinstall the Program": one procedure
    if _FAILED_RE.search(" ".join(text.split())):
        return True
    return causes >= 2 and len(set(names)) == len(names)


#: A stage that takes something away or fetches it, and one that puts it back: "Remove
#: the Program" ... "Reinstall the Program", "Download MDAC" ... "Install MDAC".
_TAKE_RE = re.compile(r"^(?:remove|uninstall|delete|download|obtain|disable|back\s{1,3}up)\b")
_PUT_RE = re.compile(r"^(?:install|reinstall|re-install|restore|enable|add)\b")
_SMALL_WORDS = frozenset("the a an of your to for and or all its it this that".split())


def _words(head: str) -> set[str]:
    """A heading's content words, its verb and small words left out."""
    return {w for w in re.findall(r"[a-z0-9]{2,}", head)[1:] if w not in _SMALL_WORDS}


def _stage_pair(names: list[str]) -> bool:
    """Whether one heading takes away or fetches what a later one installs or restores:
    the headings are stages of one procedure, not methods to try in turn."""
    for n, head in enumerate(names):
        if not _TAKE_RE.match(head):
            continue
        if any(_PUT_RE.match(later) and _words(head) & _words(later) for later in names[n + 1 :]):
            return True
    return False


#: "Step 1. Increasing Available XMS Memory", "Method 2: Extract ...": a numbered part's
#: own heading, its colon no case ("Windows 3.1: Checking ...").
_NUMBERED_HEAD_RE = re.compile(
    r"^(?:step|method|procedure|solution|part|option)\s{1,3}\d{1,2}\b", re.IGNORECASE
)


def numbered_heads(heads: list[str]) -> bool:
    """Whether every sub-heading numbers its part ("Step 1. ...", "Step 2: ...")."""
    return bool(heads) and all(_NUMBERED_HEAD_RE.match(h) for h in heads)


#: A cause listed as a bullet or a number ("- The driver is outdated.", "2. ...").
_LISTED_RE = re.compile(r"^\s{0,8}(?:[-*\u2022]|\d{1,2}[.)])\s{1,4}\S", re.MULTILINE)


def listed_causes(article: Article | None) -> int:
    """How many causes the article's CAUSE section lists (bullets or numbers); 0 when it
    has none or states one in prose."""
    if article is None:
        return 0
    for section in article.sections:
        if section.key in ("cause", "causes"):
            return len(_LISTED_RE.findall(section.text))
    return 0
