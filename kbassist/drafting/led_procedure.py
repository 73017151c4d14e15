"""A how-to's numbered procedure led by "To X, perform the following steps:" (round 25).

An MS KB how-to or information article (SUMMARY and MORE INFORMATION, no RESOLUTION)
often holds its whole procedure under one lead: "To install these programs and move the
profile, perform the following steps:" over seven numbered steps, then a closing
paragraph ("The domain user's profile should now be the same ... At this point, you can
remove the local user ..."). The MORE INFORMATION reading took the first paragraph of
advice ("you can remove ...") as the fix, so the checklist held only the clean-up
sentence and the seven steps were lost. A paragraph that leads a numbered list as a
procedure, for a goal that is not showing or checking the problem, starts the fix.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kbassist.drafting.text import clean

if TYPE_CHECKING:
    from kbassist.drafting.text import Para

#: "To install these programs and move the profile, perform the following steps:",
#: "To do this, follow these steps:", "Use the following procedure to move the file:".
_LEAD_RE = re.compile(
    r"^(?:(?:to|in order to)\s+(?P<goal>[a-z][^:;]{2,160}?),?\s+)?(?:please\s+)?(?:perform|follow"
    r"|use|complete|do|carry\s+out)\s+(?:the\s+following|these|the\s+steps\s+below)"
    r"(?:\s+\w+){0,2}?\s*(?:steps?|procedures?|instructions)?(?:\s+(?:to|in\s+order\s+to)\s+"
    r"(?P<after>[a-z][^:;]{2,160}?))?\s*:$",
    re.IGNORECASE,
)
#: A goal that shows or checks the problem, or undoes: never the fix.
_NOT_FIX_RE = re.compile(
    r"\b(?:reproduc|re-?creat|demonstrat|duplicat|illustrat)\w{0,6}\b|^(?:see|view|display"
    r"|determine|verify|check|confirm|find|tell|test|observe|identify|learn|undo|remove|"
    r"uninstall|roll\s?back|revert)\b",
    re.IGNORECASE,
)
#: A numbered step 1.
_FIRST_RE = re.compile(r"^1[.)]\s")


def leads_procedure(paras: list[Para], n: int) -> bool:
    """`paras[n]` leads the numbered procedure right after it as the thing to do: its
    last sentence says to perform the following steps, for a goal that is no repro,
    check or undo, and step 1 follows."""
    para = paras[n]
    if para.numbered or para.marker or para.heading:
        return False
    nxt = paras[n + 1] if n + 1 < len(paras) else None
    if nxt is None or not _FIRST_RE.match(nxt.head):
        return False
    text = clean(para.text)
    last = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text[-400:])[-1]
    found = _LEAD_RE.match(last)
    if found is None:
        return False
    goal = found.group("goal") or found.group("after") or ""
    return not _NOT_FIX_RE.search(goal)
