"""A fix said only in an outcome's description is ticked (issue 13, round 27).

Readers of seed 72 marked DNSNxDomain: the Mitigation's one concrete fix ("It can be
optimized by adding a trailing dot on fully-qualified domain names which tells the
resolver that the name is unambiguous.") was kept as the outcome's description while the
only tick was "Read the pages below for other mitigation strategies". The admin has
nothing to do but read elsewhere, though the article says what to do.

When every tick of an outcome only points elsewhere (to read pages, links, an article),
a sentence of its description that states a fix as a passive "... can be fixed /
optimized / mitigated by doing X" (or any shape `said_as.as_action` reads: "The problem
can be avoided by X", "It is recommended to X") is ticked, first, as the action itself
("Add a trailing dot on fully-qualified domain names."). The description keeps the
sentence: why the step helps.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.said_as import _and_gerunds, _base_verb, as_action
from kbassist.drafting.text import short_label, split_sentences

#: "It can be optimized by adding X", "This can also be mitigated by setting Y": the
#: pronoun's passive the `said_as` readers leave (they want "the problem"). Bounded.
_IT_BY_RE = re.compile(
    r"^(?:it|this|that|they|these)\s{1,3}(?:can|may|could|should|will)\s{1,3}(?:also\s{1,3})?"
    r"be\s{1,3}(?:optimi[sz]ed|improved|mitigated|fixed|resolved|avoided|prevented|reduced"
    r"|addressed|solved|corrected|worked\s{1,3}around)\s{1,3}by\s{1,3}(?P<g>[a-z]{3,30}ing)\b"
    r"(?P<rest>[^;]{1,300})$",
    re.IGNORECASE,
)
#: "..., which tells the resolver that X": why, said after the action (kept in the text).
_WHICH_RE = re.compile(r",?\s{1,3}which\s{1,3}(?:tells|makes|means|ensures|allows|causes|lets)\b")
#: A tick that only points elsewhere: "Read the pages below ...", "See the links below".
_POINTER_RE = re.compile(
    r"^(?:read|see|refer\s{1,3}to|consult|follow|check)\s{1,3}(?:the\s{1,3})?(?:pages?|links?"
    r"|articles?|documentation|docs|guides?|resources?)\b(?:\s{1,3}(?:below|above|listed))?",
    re.IGNORECASE,
)
MAX_SENTENCE = 400


def _flat(text: object) -> str:
    return " ".join(str(text or "").split())


def described_action(sentence: str) -> str:
    """The action a description's sentence states as its fix, or ""."""
    flat = _flat(sentence)
    if len(flat) > MAX_SENTENCE or "{" in flat:
        return ""
    found = _IT_BY_RE.match(flat)
    if found is None:
        return as_action(flat)
    verb = _base_verb(found.group("g"))
    if not verb:
        return ""
    rest = _WHICH_RE.split(_and_gerunds(found.group("rest")))[0].rstrip(" .")
    return f"{verb.capitalize()}{rest}."


def _points_only(steps: list[Any]) -> bool:
    return bool(steps) and all(
        isinstance(s, dict) and _POINTER_RE.match(_flat(s.get("text"))) for s in steps
    )


def described_fixes(tree: dict[str, Any]) -> None:
    """Each outcome that only points elsewhere gets its description's stated fix ticked."""
    for node in tree.get("nodes", []):
        if not isinstance(node, dict) or node.get("kind") != "outcome":
            continue
        steps = node.get("steps")
        if not isinstance(steps, list) or not _points_only(steps):
            continue
        told = [a for s in split_sentences(_flat(node.get("text"))) if (a := described_action(s))]
        if told:
            source = {"source": node["source"]} if "source" in node else {}
            node["steps"] = [{"text": t, **source} for t in told] + steps
            _named_by_fix(tree, node, told[0])


#: A title named by the pages a fix only pointed to (runbook_tuning.guide_label), with
#: the case it is for: "Follow X and 3 more guides (if the alert reports a real problem)".
_GUIDE_TITLE_RE = re.compile(r"^Follow .{1,200}? guides?(?P<case> \(if [^()]{1,200}\))?$")


def _named_by_fix(tree: dict[str, Any], node: dict[str, Any], action: str) -> None:
    """An outcome titled by its pages, now that it ticks the fix its text states, is named
    by that fix (and so is the answer that leads to it)."""
    title = str(node.get("title", ""))
    found = _GUIDE_TITLE_RE.match(title)
    if found is None:
        return
    new = short_label(action.rstrip(". "), 80) + (found.group("case") or "")
    node["title"] = new
    for question in tree.get("nodes", []):
        for choice in question.get("choices", []) if isinstance(question, dict) else []:
            if choice.get("label") == title and choice.get("next") == node.get("id"):
                choice["label"] = new
