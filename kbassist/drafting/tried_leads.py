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

#: "use the following methods in the order in which they are presented", "try these
#: solutions in the order listed", "if the first procedure doesn't solve the problem, move on
#: to the next one", "try each of the following until the problem is resolved": methods,
#: solutions or workarounds tried in order (steps or procedures alone are stages). Bounded
#: runs, no nested repeats: linear on any input.
_TRIED_LEAD_RE = re.compile(
    r"\b(?:use|try)\s{1,3}(?:the\s{1,3}following|these|each\s{1,3}of\s{1,3}the\s{1,3}following)"
    r"\s{1,3}(?:methods|solutions|workarounds|resolutions|suggestions)\s{1,3}(?:in\s{1,3}"
    r"(?:the\s{1,3})?order|one\s{1,3}at\s{1,3}a\s{1,3}time)\b"
    r"|\bif\s{1,3}the\s{1,3}first\s{1,3}(?:method|procedure|step|solution|suggestion|workaround)"
    r"\s{1,3}(?:does\s{1,3}not|doesn't|did\s{1,3}not|didn't)\s{1,3}(?:solve|resolve|fix|correct)\b"
    r"|\b(?:try|use)\s{1,3}(?:each\s{1,3}of\s{1,3})?the\s{1,3}following\s{1,3}(?:methods|"
    r"solutions|suggestions|workarounds)?\s{0,3}until\s{1,3}the\s{1,3}(?:problem|issue)\s{1,3}"
    r"is\s{1,3}(?:resolved|solved|fixed|corrected)\b",
    re.IGNORECASE,
)


def tried_lead(lead: str) -> bool:
    """Whether a section's lead (the text before its first sub-heading) says its methods
    are tried one at a time, the next only when the one before did not help."""
    return bool(_TRIED_LEAD_RE.search(" ".join(lead.split())[:2000]))


#: "Step 1. Increasing Available XMS Memory", "Method 2: Extract ...": a numbered part's
#: own heading, its colon no case ("Windows 3.1: Checking ...").
_NUMBERED_HEAD_RE = re.compile(
    r"^(?:step|method|procedure|solution|part|option)\s{1,3}\d{1,2}\b", re.IGNORECASE
)


def numbered_heads(heads: list[str]) -> bool:
    """Whether every sub-heading numbers its part ("Step 1. ...", "Step 2: ...")."""
    return bool(heads) and all(_NUMBERED_HEAD_RE.match(h) for h in heads)
