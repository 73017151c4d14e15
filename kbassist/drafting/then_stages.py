"""Sub-headed stages a lead puts in order with "and then" (round 36, split36).

An MS KB RESOLUTION may announce one fix as a sequence, "remove MSN and Internet Explorer
4.0, and then reinstall MSN and Internet Explorer 4.0 ... use the following steps:", and
give each part under its own sub-heading ("Remove MSN and Internet Explorer 4.0" /
"Reinstall MSN and Internet Explorer 4.0"). The headed-procedures reader offered the two
as alternatives (and, the headings naming "4.0", as versions under "Which of these do you
run?"), so a user who picked "Reinstall" never removed anything. They are stages when
every sub-heading is an action and the lead names each heading's verb, in the headings'
order, with a "then" after the first; a version heading ("Microsoft Windows 95") is no
action, and a lead offering ways ("either", "or", "one of") orders nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: "X, and then Y" / "X. Then, Y" / "X and then Y": the second part comes after the first.
_THEN_RE = re.compile(r"(?:,?\s+and\s+then|[.;]\s+then,?|,\s+then)\s+", re.IGNORECASE)
#: A lead that offers ways, not one sequence.
_WAYS_RE = re.compile(
    r"\b(?:either|one of|any of|alternative(?:ly)?|alternately|methods?|ways?|instead)\b",
    re.IGNORECASE,
)

#: A lead that says for which case: its stages are not for everyone.
_CASE_RE = re.compile(r"\b(?:if|unless|when|whether)\b", re.IGNORECASE)


def _verb(head: str) -> str:
    """A sub-heading's leading verb ("Reinstall MSN ..." -> "reinstall"), "" when it is
    no action (a product name, "Step 1: ...")."""
    from kbassist.drafting.blocks import _imperative

    head = " ".join(head.split()).rstrip(":")
    if not _imperative(head):
        return ""
    word = re.match(r"[A-Za-z]{2,20}\b", head)
    return word.group(0).casefold() if word else ""


def then_ordered(lead: str, heads: Sequence[str]) -> bool:
    """Whether lead-in `lead` puts the action sub-headings `heads` in order with "then":
    each heading's verb is named in the lead, in the headings' order, and a "then" stands
    between the first two."""
    if len(heads) < 2 or _WAYS_RE.search(lead) or _CASE_RE.search(lead):
        return False  # "If you still use X, download ..., and then rename ...": for one case
    verbs = [_verb(h) for h in heads]
    if not all(verbs) or len(set(verbs)) < len(verbs):
        return False
    flat = " ".join(lead.split())
    found: list[int] = []
    start = 0
    for verb in verbs:
        hit = re.compile(rf"\b{re.escape(verb)}\b", re.IGNORECASE).search(flat, start)
        if hit is None:
            return False
        found.append(hit.start())
        start = hit.end()
    return _THEN_RE.search(flat, found[0], found[1]) is not None


def one_object_label(heads: Sequence[str]) -> str:
    """ "Remove and reinstall MSN and Internet Explorer 4.0" for stage sub-headings that do
    different things to the same object ("Remove MSN ..." / "Reinstall MSN ..."); "" when
    they work on different things or are no actions."""
    verbs = [_verb(h) for h in heads]
    if len(heads) < 2 or not all(verbs) or len(set(verbs)) < len(verbs):
        return ""
    flat = [" ".join(h.split()).rstrip(":") for h in heads]
    objects = {h[len(v) :].strip().casefold() for h, v in zip(flat, verbs, strict=True)}
    thing = flat[0][len(verbs[0]) :].strip()
    if len(objects) != 1 or len(thing) < 3:
        return ""
    said = ", ".join(verbs[:-1]) + f" and {verbs[-1]}"
    return f"{said[0].upper()}{said[1:]} {thing}"


def names_action(head: str) -> bool:
    """Whether a sub-heading is an action ("Reinstall MSN and Internet Explorer 4.0"), so
    no product or version heading to ask "Which of these do you run?" about."""
    return bool(_verb(head))


#: Words that tell nothing about what a fix works on.
_COMMON = frozenset(
    "this that these with from your computer following steps step then into onto there "
    "have will when which where".split()
)


def _words(text: str) -> set[str]:
    return {
        w.rstrip(".")
        for w in re.findall(r"[a-z0-9][a-z0-9.]{3,40}", text.casefold())
        if w not in _COMMON
    }


def restates(summary: str, goal: str) -> bool:
    """Whether the "To X:" lead `goal` over numbered steps says how to do the one-sentence
    fix `summary` before it ("Remove the Windows NT Workstation from the remote domain and
    add the computer to a workgroup of the same name." / "To remove a Windows NT
    Workstation from a domain:"): the same verb on the same thing, so one fix titled by the
    summary, not two to choose between. A summary offering ways ("or", "either",
    "alternatively") or of several sentences restates nothing."""
    from kbassist.drafting.procedure_stages import lead_verb
    from kbassist.drafting.text import split_sentences

    summary, goal = " ".join(summary.split()), " ".join(goal.split())
    if len(split_sentences(summary)) != 1 or re.search(r"\s(?:or|either)\s", summary):
        return False
    if _WAYS_RE.search(summary) or _WAYS_RE.search(goal) or goal[:3].casefold() != "to ":
        return False
    verb = lead_verb(summary)
    if not verb or verb != lead_verb(goal):
        return False
    said = _words(goal[3:]) - {verb}
    # every thing the goal names (but one, "a domain" for "the remote domain") is in it
    return len(said) >= 2 and len(said - _words(summary)) <= 1 and len(said & _words(summary)) >= 2
