"""A modern Resolution whose sub-parts are steps tried in order, each followed by a check
that the problem is gone: "To resolve this problem, follow these steps, in the order
given. ... Make sure that you check whether the problem is resolved after every step." over
"### Step 1: Check whether the service times out" ... "### Step 6: ...".

The draft flattened the six steps into one checklist of sixty ticks with no check after
each (seed-56 readers, 56:36). `steps_in_turn` tells block_options to make each sub-part
its own fix marked `chain`, so the walk asks "Still failing after step k?" in turn (the
`method_chain` questions the MS KB archive's "proceed to the next method" already uses).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kbassist.articles.model import Paragraph, Part
from kbassist.drafting.text import clean, split_detail, step_text, with_detail

#: The lead says the steps go in order: "in the order given", "in the order listed",
#: "one at a time", "in sequence".
_ORDER_RE = re.compile(
    r"\bin the (?:order (?:given|listed|presented|shown)|(?:given|listed|following) order)\b"
    r"|\bone at a time\b|\bin sequence\b",
    re.IGNORECASE,
)
#: ... and to check the problem after each: "check whether the problem is resolved after
#: every step", "test after each step", "after each step, check whether the service starts".
_RECHECK_RE = re.compile(
    r"\bafter (?:each|every) step\b|\b(?:check|test|verify|see) (?:whether|if) the (?:problem|"
    r"issue|error)\s+(?:is|has been) (?:resolved|fixed|gone)\b",
    re.IGNORECASE,
)
#: A sub-part that is one numbered step: "Step 1: Check whether ...", "Step 2 - ...".
_STEP_HEAD_RE = re.compile(r"^step\s+\d{1,2}\b", re.IGNORECASE)
#: Steps a chain of questions asks; more is a procedure, not steps to try in turn.
MAX_STEPS = 8


def steps_in_turn(part: Part, children: Sequence[Part]) -> bool:
    """Whether a Resolution's sub-parts are "Step N" parts tried in order, the problem
    checked after each (its own text says both)."""
    if not 2 <= len(children) <= MAX_STEPS:
        return False
    if not all(_STEP_HEAD_RE.match(c.name.strip()) for c in children):
        return False
    lead = " ".join(clean(b.text.plain) for b in part.blocks if isinstance(b, Paragraph))
    return bool(_ORDER_RE.search(lead) and _RECHECK_RE.search(lead))


#: "### Step 1: ..." headings in a section's text.
_STEP_HEADING_RE = re.compile(r"^#{2,6}\s*step\s+\d{1,2}\b", re.IGNORECASE | re.MULTILINE)

#: "If the previous steps in this article don't resolve the problem": steps, too.
_PREVIOUS_STEPS_RE = re.compile(r"\bif (?:the )?(?:previous|preceding|above) steps\b", re.I)


def said_as_steps(text: str) -> bool:
    """Whether a chained section calls its parts steps ("### Step 2: ...", "If the previous
    steps ... don't resolve the problem"), so the chain's questions say "Still failing
    after step 2?", not "method 2"."""
    if "tep" not in text:
        return False  # cheap guard
    return bool(_STEP_HEADING_RE.search(text) or _PREVIOUS_STEPS_RE.search(text))


def said_by_chain(item: str) -> bool:
    """Whether a Resolution's own step only says to go in order or to check after each
    step ("Follow these steps, in the order given.", "Make sure that you check whether the
    problem is resolved after every step."): the chain asks it."""
    text = step_text(item)
    return bool(_RECHECK_RE.search(text) or _ORDER_RE.search(text))


#: A part that is tried only when what came before did not help: "If the previous steps in
#: this article don't resolve the problem, start the computer by using ...".
_AFTER_PREVIOUS_RE = re.compile(
    r"^if (?:the )?(?:previous|preceding|above) (?:steps?|methods?|procedures?)(?: in this "
    r"article)? (?:do(?:es)?n't|do(?:es)? not|did(?: not|n't)) (?:resolve|fix|solve|correct)\b",
    re.IGNORECASE,
)


def tried_after_previous(children: Sequence[Part]) -> bool:
    """Whether every sub-part (two or more) opens "If the previous steps in this article
    don't resolve the problem, ...": a troubleshooting sequence after the Resolution's own
    steps."""
    if not 2 <= len(children) <= MAX_STEPS:
        return False
    for child in children:
        first = next((b for b in child.blocks if isinstance(b, Paragraph)), None)
        if first is None or not _AFTER_PREVIOUS_RE.match(clean(first.text.plain)):
            return False
    return True


#: The clause itself, up to its comma: the chain's question says it.
_AFTER_PREVIOUS_CLAUSE_RE = re.compile(_AFTER_PREVIOUS_RE.pattern + r"[^,.]{0,60},\s*", re.I)


def without_previous_clause(items: list[str]) -> list[str]:
    """A chained part's steps without "If the previous steps in this article don't resolve
    the problem, " before its first action ("Start the computer by using ...")."""
    if not items:
        return items
    text, detail = split_detail(items[0])
    rest = _AFTER_PREVIOUS_CLAUSE_RE.sub("", text, count=1)
    if rest == text or not rest:
        return items
    return [with_detail(rest[:1].upper() + rest[1:], detail), *items[1:]]
