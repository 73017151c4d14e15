"""Two led procedures that are stages of one fix, not ways to choose (round 33, leftovers35).

An MS KB RESOLUTION may give one fix in two numbered procedures, each under its own lead
line: "To resolve this issue, remove and reinstall Dial-Up Networking. To do so, use the
following steps: 1. ... 15. Close Control Panel, and then restart the computer." then
"Add the Dial-Up Adapter and TCP/IP to the network configuration. To do so, follow these
steps: 1. ...". The headed-ways reader offered them as two fixes to choose between, so a
user who picked the first removed networking and never added it back. The lead shape
tells such stages from ways to one end ("To change the spool directory for all printers:"
/ "... for a specific printer:", same verb): the first lead announces the one fix with an
action of its own ("To resolve this issue, remove ...") or only finds or checks something
("To verify that ...", "To determine the version ..."), or a later lead says it comes next
("Next, ..."); and each later lead does something else (another verb), offering no other
way ("To work around ...", "Another ...", "Alternatively", "-or-" in the first lead).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: "To resolve this issue, remove ...": the one fix, announced with its action.
_FIX_LEAD_RE = re.compile(
    r"^to (?:resolve|correct|fix|solve) (?:this|the) (?:issue|problem|behavior)"
    r"[^,.:]{0,60},\s{1,3}(?P<rest>.{1,300})",
    re.IGNORECASE,
)
#: A lead that only finds or checks: a stage before the change.
_LOOK_VERBS = frozenset("verify determine find check locate identify view confirm".split())
#: A later lead that offers another way, or a first lead that offers two.
_OTHER_WAY_RE = re.compile(
    r"\b(?:work around|workaround|another|alternative(?:ly)?|alternately|instead|prevent"
    r"|resolve|otherwise)\b|,\s(?:or|and/or)\s",
    re.IGNORECASE,
)
#: A later lead that says it comes next.
_NEXT_RE = re.compile(r"^(?:next|then|finally|after (?:that|this)),?\s", re.IGNORECASE)
#: What may stand between "To" / a lead and its verb: "you must", "first", an adverb.
_BEFORE_VERB_RE = re.compile(
    r"^(?:(?:you|we)\s(?:must|should|can|need to|have to)\s|first,?\s|then,?\s|next,?\s"
    r"|[a-z]{3,20}ly\s)",
    re.IGNORECASE,
)


#: An announcement that only points at steps: "follow these steps", "use the following".
_POINTER_RE = re.compile(
    r"^(?:follow|use|perform|do|complete|try|see)\s(?:these|the|one|any)\b", re.IGNORECASE
)
#: A goal that is only a pronoun: "To verify this:", "To do so,".
_PRONOUN_GOAL_RE = re.compile(r"^\s(?:this|that|it|so|these)\b\s{0,3}[:,.]", re.IGNORECASE)


def lead_verb(text: str) -> str:
    """The verb a procedure's lead does ("To manually set X:" -> "set", "Add the Dial-Up
    Adapter ..." -> "add", "To resolve this issue, remove ..." -> "remove"), crudely
    stemmed; "" when the lead starts with no verb ("NOTE: ...", "In Visual C++ ...")."""
    flat = " ".join(text.split())
    fix = _FIX_LEAD_RE.match(flat)
    if fix:
        flat = fix.group("rest")
        if _POINTER_RE.match(flat):
            return ""  # "To resolve this problem in Windows 95, follow these steps:": no action
    elif flat[:3].casefold() == "to ":
        flat = flat[3:]
    for _ in range(3):
        cut = _BEFORE_VERB_RE.match(flat)
        if cut is None:
            break
        flat = flat[cut.end() :]
    word = re.match(r"[A-Za-z]{2,20}\b", flat)
    if word is None or flat[word.end() : word.end() + 1] in (":", ","):
        return ""
    if _PRONOUN_GOAL_RE.match(flat[word.end() :]):
        return ""  # "To verify this:": how to do what the lead said, no stage of its own
    verb = word.group(0).casefold()
    from kbassist.drafting.steps import _action

    if not _action(flat[:1].upper() + flat[1:]):
        return ""
    return re.sub(r"(?:ing|es|s|e)$", "", verb)


#: Words that name nothing a lead works on.
_PLAIN_WORDS = frozenset(
    "your computer amount that this these with from following steps follow there have "
    "installed available system".split()
)


def _named(text: str) -> set[str]:
    """The words of four letters or more a lead names, common ones left out."""
    return {w for w in re.findall(r"[a-z0-9.]{4,40}", text.casefold()) if w not in _PLAIN_WORDS}


def stages(heads: Sequence[str]) -> bool:
    """Whether procedure leads `heads` (in order) are stages of one fix, not ways to one
    end: see the module docstring."""
    if len(heads) < 2:
        return False
    first, later = " ".join(heads[0].split()), [" ".join(h.split()) for h in heads[1:]]
    if any(_OTHER_WAY_RE.search(h) for h in later) or re.search(r"\s(?:or|and/or)\s", first):
        return False
    verbs = [lead_verb(h) for h in heads]
    if not all(verbs) or len(set(verbs)) < len(verbs):
        return False
    announced = _FIX_LEAD_RE.match(first) is not None
    looks = verbs[0] in {re.sub(r"(?:ing|es|s|e)$", "", v) for v in _LOOK_VERBS} and all(
        _named(first) & _named(h) for h in later
    )  # "determine the version of Mapi32.dll" / "replace Mapi32.dll": the same thing
    nexts = all(_NEXT_RE.match(h) for h in later)
    return announced or looks or nexts
