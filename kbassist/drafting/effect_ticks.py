"""Expected effects, explanations and lead-ins ticked as steps (issue 13, round 35).

Readers of seed 98 still ticked sentences that ask for nothing, in all three corpora.
By kind:

- **an expected effect** ("After the device starts up again, the problem should be
  resolved.", "This should resolve the issue."): what the step before leads to. The
  fix's last tick is its check, said first in the verify; an earlier one is the note of
  the step before it;
- **an interpretation** ("If the Gina DLL value is present and if it's anything other
  than Msgina.dll, it probably means that a third-party product has changed this
  value."): what the check before it finds means, its note;
- **an explanation** ("You can't correct the problem with the image. When the Sysprep
  tool runs, it clears the setupact.log file. Therefore, you can't see ..."): why the
  step before, its note; when advice follows it ("It's very common for remote control
  software to replace the GINA DLL. Therefore, a good first step is to examine the
  system ..."), the advice said as the action is the tick, the explanation its note;
- **a lead-in over the steps that do it** ("To work around the problem, disable the
  Cdrom or Parport service ..." over "To do this, change the value of the following
  registry subkeys ...:"): the fix's own text, shown above its steps, never a tick
  before them (nor before the backup the drafter puts first).

A tick is moved only when another tick stays in its fix and it has the same case as the
step it goes with. Every pattern has bounded repeats only: linear on hostile text.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.explained_ticks import advised, explains
from kbassist.drafting.text import split_sentences

#: Longest tick read: a longer one is a pasted section, not a sentence or three.
MAX_CHARS = 600

_PROBLEM = (
    r"(?:the|this|that|your|these)\s{1,3}(?:\w{1,20}\s{1,3})?"
    r"(?:problems?|issues?|errors?|symptoms?|behaviou?r)"
)
#: "After the device starts up again, the problem should be resolved.", "The issue
#: should now be fixed.", "This should resolve the problem.": no action, an effect.
_EFFECT_RE = re.compile(
    r"^(?:(?:after|once|when|at\s{1,3}this\s{1,3}point)\b[^,;:]{0,120},\s{1,3})?(?:"
    rf"{_PROBLEM}\s{{1,3}}(?:should|will|is|must)\s{{1,3}}(?:now\s{{1,3}}|then\s{{1,3}}|no\s{{1,3}}longer\s{{1,3}}"
    r"(?=occur|appear|happen|exist))?(?:be\s{1,3}(?:now\s{1,3})?(?:resolved|fixed|corrected|solved"
    r"|gone|cleared|eliminated)|go\s{1,3}away|disappear|stop|occur|appear|happen|exist)\b"
    r"|(?:this|that|these\s{1,3}steps|this\s{1,3}(?:step|change|procedure|method))\s{1,3}"
    rf"(?:should|will)\s{{1,3}}(?:now\s{{1,3}})?(?:resolve|fix|correct|solve)\s{{1,3}}{_PROBLEM})"
    r"[^;:]{0,120}[.!]$",
    re.IGNORECASE,
)
#: "If X, it probably means that Y.": what a check finds means, no action.
_MEANS_RE = re.compile(
    r"^(?:if|when)\s[^;:]{3,300}?,\s{1,3}(?:it|this|that)\s{1,3}(?:\w{2,12}ly\s{1,3})?"
    r"(?:means|indicates|suggests|implies)\b[^;:]{0,300}\.$",
    re.IGNORECASE,
)
#: Explanations `explains` does not read as one: "It's very common for X to Y.",
#: "You can't correct the problem with the image.", "When X runs, it clears Y.".
_STATES_RE = re.compile(
    r"^(?:(?:therefore|however|also|so|unfortunately),?\s{1,3})?(?:"
    r"it(?:'s|\s{1,3}is|\s{1,3}was)\s{1,3}(?:(?:very|quite|fairly|\w{2,12}ly)\s{1,3})?(?:common|typical|normal|rare"
    r"|possible|likely|unlikely|expected|not\s{1,3}possible)\s{1,3}(?:for|that)\b"
    r"|you\s{1,3}(?:can't|cannot|can\s{1,3}not|won't|will\s{1,3}not)\s{1,3}(?:correct|see|fix"
    r"|recover|undo|know|tell|repair|roll\s{1,3}back)\b"
    r"|(?:when|whenever|because|since)\s[^,;:]{3,120},\s{1,3}(?:it|this|that|the\s{1,3}\w{1,30})"
    r"\s{1,3}(?:\w{2,20}s|is|are|was|were|has|have|can't|cannot|won't)\b)"
    r"[^;:]{0,400}\.$",
    re.IGNORECASE,
)
#: "you must", "make sure", "it is recommended that you" (Q316311): a sentence that asks,
#: never read as explanation.
_ASKS_RE = re.compile(
    r"\b(?:you\s{1,3}(?:must|should|need\s{1,3}to|have\s{1,3}to)|make\s{1,3}sure|ensure|please"
    r"|recommend\w{0,3}|advis\w{1,4}|necessary|required|important|best|better)\b",
    re.IGNORECASE,
)
#: "To do this, change the value of the following registry subkeys ...:", "To set up X,
#: follow these steps:": the steps after the tick do what it says.
_DONE_BELOW_RE = re.compile(
    r"^(?:to\s{1,3}do\s{1,3}(?:this|so|that|it)\b[^\n]{0,300}"
    r"|to\s[^,\n]{3,160},\s{1,3}follow\s{1,3}(?:these|the\s{1,3}following)\s{1,3}steps\b[^\n]{0,60})"
    r"\s{0,3}[:：]$",
    re.IGNORECASE,
)
#: "Therefore, examine X": said after its reason, which moves to the note.
_THEREFORE_RE = re.compile(r"^(?:therefore|thus|so|hence),?\s{1,3}", re.IGNORECASE)
#: A lead-in's purpose: "To work around the problem ...,", "To determine which X failed,".
_PURPOSE_RE = re.compile(r"^to\s{1,3}[a-z]{2,20}\s[^,]{0,200},", re.IGNORECASE)


def _flat(text: object) -> str:
    return " ".join(str(text or "").split())


def effect_tick(text: str) -> bool:
    """The tick says what the steps lead to ("the problem should be resolved"), no action."""
    flat = _flat(text)
    return len(flat) <= MAX_CHARS and "{" not in flat and bool(_EFFECT_RE.match(flat))


def means_tick(text: str) -> bool:
    """The tick says what a finding means ("If X, it probably means that Y."), no action."""
    flat = _flat(text)
    return (
        len(flat) <= MAX_CHARS and len(split_sentences(flat)) == 1 and bool(_MEANS_RE.match(flat))
    )


def _explanation(sentence: str) -> bool:
    flat = _flat(sentence)
    if _ASKS_RE.search(flat):
        return False
    return bool(_STATES_RE.match(flat)) or explains(flat)


def explained_parts(text: str) -> tuple[str, str] | None:
    """(note, step) of a tick that only explains (step "") or explains and then advises
    the action (the advice said as the action); None when the tick asks for anything else."""
    flat = _flat(text)
    if len(flat) > MAX_CHARS or "{" in flat:
        return None
    sentences = split_sentences(flat)
    if not sentences or not _STATES_RE.match(sentences[0]) or _ASKS_RE.search(sentences[0]):
        return None  # one pattern of ours first: `explains` alone is `explained_ticks`' call
    n = 0
    while n < len(sentences) and _explanation(sentences[n]):
        n += 1
    if n == len(sentences):
        return flat, ""
    said = advised(sentences[n])
    if not said or any(not _explanation(s) for s in sentences[n + 1 :]):
        return None
    said = _THEREFORE_RE.sub("", said, count=1)  # its reason is the note now
    return " ".join(sentences[:n]), said[:1].upper() + said[1:]


def ticked_explanation(text: str) -> bool:
    """The tick is one of the kinds `effect_ticks` takes out (the bench's count)."""
    return effect_tick(text) or means_tick(text) or explained_parts(text) is not None


def _noted(step: dict[str, Any], note: str) -> None:
    """`note` shown with the step, after what is shown with it already."""
    old = str(step.get("detail") or "").strip("\n")
    step["detail"] = f"{old}\n\n{note}" if old else note


def _with_detail(step: dict[str, Any]) -> str:
    detail = str(step.get("detail") or "").strip("\n")
    return f"{_flat(step.get('text'))}\n\n{detail}" if detail else _flat(step.get("text"))


def _lead_in(node: dict[str, Any], steps: list[Any]) -> None:
    """The first tick a lead-in over the steps that do it: the fix's own text."""
    first = steps[0]
    if not isinstance(first, dict) or first.get("when") or len(steps) < 3:
        return
    text, detail = _flat(first.get("text")), _flat(first.get("detail"))
    if "\n" in str(first.get("detail") or "").strip() or not _DONE_BELOW_RE.match(detail):
        return
    if not _PURPOSE_RE.match(text) or len(text) > MAX_CHARS:
        return
    if any(not isinstance(s, dict) or s.get("when") for s in steps[1:3]):
        return
    own = str(node.get("text") or "").strip()
    node["text"] = f"{own}\n\n{text} {detail}" if own else f"{text} {detail}"
    del steps[0]


def _outcome_steps(node: dict[str, Any]) -> None:
    steps = node.get("steps")
    if not isinstance(steps, list) or len(steps) < 2:
        return
    _lead_in(node, steps)
    n = 1
    while n < len(steps) and len(steps) >= 2:
        step, before = steps[n], steps[n - 1]
        if not (isinstance(step, dict) and isinstance(before, dict)):
            n += 1
            continue
        if step.get("when") != before.get("when"):
            n += 1
            continue
        text = _flat(step.get("text"))
        if effect_tick(text):
            detail = str(step.get("detail") or "").strip("\n")
            if n == len(steps) - 1:
                check = {"text": f"Check the result the article expects: {text}"}
                if "source" in step:
                    check["source"] = step["source"]
                verify = node.get("verify")
                node["verify"] = [check] + (verify if isinstance(verify, list) else [])
                if detail:
                    _noted(before, detail)
            else:
                _noted(before, _with_detail(step))
            del steps[n]
            continue
        if means_tick(text):
            _noted(before, _with_detail(step))
            del steps[n]
            continue
        parts = explained_parts(text)
        if parts is not None:
            note, said = parts
            if said:
                step["text"] = said
                detail = str(step.get("detail") or "").strip("\n")
                step["detail"] = f"{note}\n\n{detail}" if detail else note
            else:
                _noted(before, _with_detail(step))
                del steps[n]
                continue
        n += 1


def effect_ticks(tree: dict[str, Any]) -> None:
    """Every fix's expected effects, interpretations, explanations and lead-ins out of
    its ticks: shown as notes, the verify or the fix's own text."""
    for node in tree.get("nodes", []):
        outcome = isinstance(node, dict) and node.get("kind") == "outcome"
        if outcome and node.get("id") != "not_this_article":
            _outcome_steps(node)
