"""A support article's section of advice with no imperative in it: its actions read.

"## Initial triage troubleshooting: An important first test to perform is to access the
affected target system via console ..." and "## GPO troubleshooting: Identifying and
removing related GPOs ... is a good test while monitoring if the issue returns. ... We
can also check the "GroupPolicy" event logs ..." (remote-desktop-service-currently-busy)
hold no step the part reader takes for one, so both sections were missing from the walk
(round 34, seed 94). Their sentences say the action as advice; each such sentence is
read as the action it names ("Access the affected target system via console",
"Identify and remove related GPOs ...", "Check the "GroupPolicy" event logs ..."), and a
section with at least one is a procedure like any other.
"""

from __future__ import annotations

import re

from kbassist.articles.model import Paragraph, Part
from kbassist.drafting.text import clean, split_sentences

#: "An important first test to perform is to access X", "The first step is to check X".
_TEST_IS_RE = re.compile(
    r"^(?:an?|the|one|another)\s+(?:[\w-]{1,20}\s+){0,3}?(?:test|step|check|thing|action)\s+"
    r"(?:to\s+(?:perform|do|try|run|take|make)\s+)?(?:is|would be)\s+to\s+(?P<act>[a-z].{3,400})$",
    re.IGNORECASE,
)
#: "Identifying and removing related GPOs ... is a good test while ...", "Testing by
#: uninstalling X can be a good approach."
_GERUND_GOOD_RE = re.compile(
    r"^(?P<g>[A-Z][a-z]{2,20}ing)(?:\s+and\s+(?P<g2>[a-z]{2,20}ing))?\s+(?P<obj>.{3,300}?)\s+"
    r"(?:is|can be|could be|would be|may be|might be)\s+(?:also\s+)?(?:a|an)\s+(?:\w+\s+){0,2}?"
    r"(?:good|useful|important|valid|possible|recommended|common)\s+(?:first\s+)?(?:test|approach"
    r"|step|idea|option|practice|workaround)\b(?:\s+as\s+well)?(?P<rest>[^.]{0,200})\.?$",
)
#: "We can also check X", "You should try to remove X": the action after the modal.
_WE_CAN_RE = re.compile(
    r"^(?:we|you)\s+(?:can|could|should|may|might)\s+(?:also\s+)?(?:try\s+to\s+)?"
    r"(?P<act>[a-z].{3,400})$",
    re.IGNORECASE,
)


#: Words after "is to" that start no action.
_NOT_VERBS = frozenset({"be", "have", "that", "the", "a", "an", "not", "say", "make sure"})


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def advised(sentence: str) -> str:
    """The action an advice sentence names, as a step; "" for any other sentence."""
    from kbassist.drafting.blocks import _imperative
    from kbassist.drafting.said_as import _base_verb

    flat = " ".join(sentence.split()).rstrip()
    if len(flat) > 500:
        return ""
    said = ""
    if found := _TEST_IS_RE.match(flat):
        act = found.group("act").rstrip(". ")
        if act.split(" ", 1)[0].casefold() not in _NOT_VERBS:
            return f"{_cap(act)}."  # "the first test is to X": X is the action, said so
    elif found := _GERUND_GOOD_RE.match(flat):
        verb = _base_verb(found.group("g"))
        second = _base_verb(found.group("g2")) if found.group("g2") else ""
        if verb and (second or not found.group("g2")):
            both = f"{_cap(verb)} and {second}" if second else _cap(verb)
            said = f"{both} {found.group('obj')}{found.group('rest')}"
    elif found := _WE_CAN_RE.match(flat):
        said = _cap(found.group("act"))
    said = said.rstrip(". ")
    return f"{said}." if said and _imperative(said) else ""


def advice_steps(part: Part) -> list[str]:
    """The actions a part's paragraphs say as advice, in order; [] when none."""
    steps: list[str] = []
    for block in part.blocks:
        if not isinstance(block, Paragraph):
            continue
        for sentence in split_sentences(clean(block.text.plain)):
            if said := advised(sentence):
                steps.append(said)
    return steps
