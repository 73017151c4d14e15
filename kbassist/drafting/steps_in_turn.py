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
from kbassist.drafting.text import clean, step_text

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


def said_as_steps(text: str) -> bool:
    """Whether a chained section calls its parts steps ("### Step 2: ..."), so the chain's
    questions say "Still failing after step 2?", not "method 2"."""
    return "tep" in text and bool(_STEP_HEADING_RE.search(text))


def said_by_chain(item: str) -> bool:
    """Whether a Resolution's own step only says to check after each step ("Make sure that
    you check whether the problem is resolved after every step."): the chain asks it."""
    return bool(_RECHECK_RE.search(step_text(item)))
