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
#: "To do this, follow these steps:", "Use the following procedure to move the file:",
#: "To force a client to use PAP, you must delete the keys using the following steps:",
#: "To locate the Client Agents, do the following:", "perform the following to add X:".
_LEAD_RE = re.compile(
    r"^(?:(?:to|in order to)\s+(?P<goal>[a-z][^:;,]{2,160}?),\s+)?[^:;]{0,300}?\b(?:(?:the\s+"
    r"following|these|the\s+steps\s+below)(?:\s+\w+){0,2}?\s+(?:steps?|procedures?|instructions)"
    r"|(?:do|perform|complete)\s+the\s+following)"
    r"(?:\s+(?:to|in\s+order\s+to)\s+(?P<after>[a-z][^:;]{2,160})|[^:;]{0,80}):$",
    re.IGNORECASE,
)
#: "To change the size of the change log:": a goal alone over the steps.
_GOAL_ONLY_RE = re.compile(r"^(?:to|in order to)\s+(?P<goal>[a-z][^:;,.]{2,160}?)\s*:$", re.I)
#: "To do this", "To do so": no goal of its own, the sentence before says it.
_DO_THIS_RE = re.compile(r"^do (?:this|so|that)$", re.IGNORECASE)
#: A warning or note between the lead and step 1: "WARNING: Using Registry Editor ...".
_NOTE_RE = re.compile(r"^(?:warning|caution|important|note)\b\s*[:.-]", re.IGNORECASE)
#: What a procedure's closing paragraph says it did: "should now", "At this point".
_RESULT_RE = re.compile(
    r"\bshould now\b|^at this point\b|^(?:now|when (?:you are )?(?:done|finished)),"
    r"|\b(?:is|are) now\b",
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


def procedure_goal(paras: list[Para], n: int) -> str | None:
    """What `paras[n]` leads the numbered procedure right after it to do ("" when it names
    no goal), or None when it leads none: its last sentence says to perform the following
    steps, for a goal that is no repro, check or undo, and step 1 follows (after a
    warning or note at most two)."""
    para = paras[n]
    if para.numbered or para.marker or para.heading:
        return None
    m = n + 1
    while m < min(n + 3, len(paras)) and _NOTE_RE.match(paras[m].head):
        m += 1  # the registry warning, a note
    if m >= len(paras) or not _FIRST_RE.match(paras[m].head):
        return None
    text = clean(para.text)
    last = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text[-400:])[-1]
    found = _LEAD_RE.match(last) or _GOAL_ONLY_RE.match(last)
    if found is None:
        return None
    named = found.groupdict()
    goal = named.get("goal") or named.get("after") or ""
    if _NOT_FIX_RE.search(goal):
        return None
    return "" if _DO_THIS_RE.match(goal) else goal


def leads_procedure(paras: list[Para], n: int) -> bool:
    """`paras[n]` leads a procedure to do (see `procedure_goal`)."""
    return procedure_goal(paras, n) is not None


def led_before(paras: list[Para]) -> bool:
    """Some paragraph of `paras` leads a procedure (see `leads_procedure`): the text
    before a bullet list holds the fix, so the bullets after it are its cases or notes,
    not alternative fixes ("The following two scenarios require the above steps:")."""
    return any(leads_procedure(paras, n) for n in range(len(paras)))


def led_body(paras: list[Para]) -> list[Para]:
    """A led procedure's paragraphs (`paras[0]` its lead): its steps, with what is
    indented under them, then only notes and the result it says ("The domain user's
    profile should now be ...", "At this point, you can remove ..."). Not a bullet list
    after the steps ("The following two scenarios require the above steps:" / "- X": when
    it is needed) nor the reference text after them ("joystick=<filename>")."""
    margin = paras[0].indent
    seen_steps = False
    for m, para in enumerate(paras[1:], start=1):
        if para.numbered and para.indent <= margin + 4:
            seen_steps = True
            continue
        if not seen_steps or para.indent > margin or _NOTE_RE.match(para.head):
            continue
        if not para.marker and _RESULT_RE.search(clean(para.text)):
            continue
        nxt = paras[m + 1] if m + 1 < len(paras) else None
        if not para.marker and nxt is not None and nxt.numbered and not _FIRST_RE.match(nxt.head):
            continue  # a step's wrapped remark at the list's margin
        return paras[:m]
    return paras


def goal_label(goal: str) -> str:
    """The outcome's title for a goal: "move the profile" -> "Move the profile"."""
    return goal[:1].upper() + goal[1:]
