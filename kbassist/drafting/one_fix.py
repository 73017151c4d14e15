"""A fix's summary sentence offered beside the procedure that carries it out (round 37, oneway37).

An MS KB RESOLUTION often states the fix in one sentence and then gives its procedure:
"Change the protocol to PPP by adding the following extra setting: "AT%P1"" / "To add
this setting, follow these steps: 1. ... 5. Type "AT%P1" in the Extra Settings box", or
"To resolve this problem, obtain the latest service pack ... After you obtain the latest
service pack, perform the following steps: 1. Apply Service Pack 4 ...". The options
reader drafted the sentence and the numbered steps as two fixes under "Which fix fits
this system?", though they are one. The summary is dropped when it sits right before the
procedure in the same section, has at most two steps, every one of its actions (save a
dangling "perform the following steps:") is carried out again by the procedure (a quoted
value or a third of its content words come back), and one of them points at the other: the
procedure's lead refers back ("To add this setting, ...", "To do this, ...") or the
summary ends on a lead-in to steps it does not hold.
"""

from __future__ import annotations

import re
from itertools import pairwise

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail

#: "To add this setting, follow these steps:", "To do this, ...", "To make these changes":
#: a procedure's lead that refers back to the sentence before it; "To work around this
#: problem, ..." refers to the problem, and "To empty folders that contain ..." names its
#: own thing ("that" only in "To do that").
_BACK_RE = re.compile(
    r"^to \w+ (?:this|these|it|them)\b"
    r"(?! (?:problem|issue|behaviou?r|error|bug|situation|limitation|condition)s?\b)"
    r"(?: (?:\w+ ){0,2}?\w+)?,"
    r"|^to do (?:this|so|that)\b",
    re.IGNORECASE,
)
#: "After you obtain X, perform the following steps:", "To do this, follow these steps:":
#: a step that only announces steps after it.
_LEAD_IN_RE = re.compile(
    r"\b(?:perform|follow|do|complete|use) (?:the following|these) (?:steps|procedures?"
    r"|instructions)\s*:$|\bdo the following\s*:$",
    re.IGNORECASE,
)
_QUOTED_RE = re.compile(r"\"([^\"]{2,80})\"")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9.%]{2,}")
_STOP = frozenset(
    "the and for this that with from you your are can will not then following setting "
    "settings add adding change changing use using click type into box microsoft windows "
    "server version".split()
)


def _words(text: str) -> set[str]:
    return {w.casefold().rstrip(".") for w in _WORD_RE.findall(text)} - _STOP


def _lead_in(item: str) -> bool:
    text, detail = split_detail(item)
    return not detail.strip() and bool(_LEAD_IN_RE.search(" ".join(text.split())))


def _carried(item: str, procedure: str, words: set[str]) -> bool:
    """Whether the procedure carries out summary step `item`: a quoted value of it comes
    back, or a third (at least two) of its content words do."""
    quoted = [q.strip() for q in _QUOTED_RE.findall(item)]
    if quoted and all(q.casefold() in procedure for q in quoted):
        return True
    own = _words(split_detail(item)[0])
    return len(own & words) >= max(2, len(own) // 3)


def _summary_of(summary: Option, procedure: Option) -> bool:
    if summary.section is not procedure.section or summary.kind != procedure.kind:
        return False
    if summary.when or summary.asks or summary.pre_items or summary.case or summary.wish:
        return False
    if len(procedure.items) < 2 or not summary.items or len(summary.items) > 2:
        return False
    actions = summary.items[:-1] if _lead_in(summary.items[-1]) else summary.items
    points = len(actions) < len(summary.items) or bool(
        _BACK_RE.match(" ".join(procedure.lead.split()))
    )
    if not points or not actions or any(_lead_in(i) for i in actions):
        return False
    body = " ".join(procedure.items)
    words = _words(body)
    return all(_carried(i, body.casefold(), words) for i in actions)


def one_fix_merged(options: list[Option]) -> list[Option]:
    """`options` without a fix's summary sentence offered beside its own procedure."""
    if len(options) < 2:
        return options
    drop: list[Option] = []
    for summary, procedure in pairwise(options):
        if _summary_of(summary, procedure):
            drop.append(summary)
            if re.search(r"\b(?:this|these|that|it|them)\b", procedure.label, re.IGNORECASE):
                procedure.label = summary.label  # "Add this setting": the summary names it
    return [o for o in options if all(o is not d for d in drop)] or options
