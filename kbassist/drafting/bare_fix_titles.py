"""A fix titled by its section's name alone is named by its first action (round 37).

Readers of seed 106 marked outcomes titled only "Mitigation" (runbooks InfoInhibitor,
SSPDown), "Workaround", "Resolution" or a heading such as "Additional troubleshooting
methods": the title says where the fix was found, not what it does, even when it is the
only fix. Such an outcome is titled by the first action of its own section's steps,
short and ended where a phrase ends ("Mitigation: Make sure this alert is routed to a
null receiver", "Workaround: Implement the DnsOnWire registry value"); the answer that
leads to it and carried the same bare name is renamed with it. A step checked from
another section (a runbook's Diagnosis checks before the mitigation), a conditional
step, an escalation or a pointer does not name the fix; when no step names it whole,
the title stays as it was.
"""

from __future__ import annotations

import re
from typing import Any

#: A title that is only a section's name: the fix's kind, or a generic heading.
BARE_RE = re.compile(
    r"^(?:(?:mitigation|mitigating|resolution|solution|fix|remediation|workaround|procedure)s?"
    r"|(?:additional|other|more) (?:troubleshooting )?(?:methods?|steps?|options?|solutions?"
    r"|resolutions?|workarounds?)"
    r"|troubleshooting(?: methods| steps)?)$",
    re.IGNORECASE,
)
#: A one-word kind kept before the action ("Workaround: ..."), as other fix titles have.
_KIND_RE = re.compile(
    r"^(?:mitigation|resolution|solution|fix|remediation|workaround)s?$", re.IGNORECASE
)
#: The longest action kept as a title; past it the step is cut at a phrase's end.
LIMIT = 72
#: Words a title does not end on: a function word leaves its phrase open.
_OPEN_END_RE = re.compile(
    r"(?<![\w-])(?:a|an|the|to|of|for|with|by|from|in|on|at|into|onto|as|than|like|and|or|but"
    r"|nor|that|which|whose|who|is|are|was|were|be|such|your|its|their|this|these|those|very"
    r"|ensure|verify|between|through|via|without|within|about|per|during|whether|using|if"
    r"|when|while|following|below|above|read|should|must|can|will|appropriate|some|any|all"
    r"|each|every|both|either|sure|make|see|view|so)$",
    re.IGNORECASE,
)
#: Where the action's phrase may end: a clause mark, or before a clause of its own.
_CUT_RE = re.compile(
    r"\s*[,;:]\s|\s+\(|\s+-\s|\s+(?=(?:and|so that|to ensure|because|if|when|by using|using"
    r"|that|described|as described|which|in order to|for example)\b)",
    re.IGNORECASE,
)
#: A lead the action is said after: "Depending on the integration, correct X".
_LEAD_RE = re.compile(
    r"^(?:then|next|first|finally|in this case|depending on [^,]{3,60}"
    r"|to (?:\w+ly )?(?:mitigate|resolve|fix|work around|correct|avoid) [^,]{0,60}),?\s+",
    re.IGNORECASE,
)
#: A suggestion said with a gerund: "As a general fix, try restarting the affected pods",
#: "Begin by checking for general networking issues" (round 40).
_GERUND_LEAD_RE = re.compile(
    r"^(?:as a (?:general |first |quick )?fix, )?(?:try|begin by|start by|first try)"
    r" (?P<verb>[a-z]{3,}?)ing\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def _gerund_said(text: str, is_action: Any) -> str:
    """ "Try restarting X" / "Begin by checking X" as "Restart X" / "Check X" when the
    verb reads as an action ("" when it does not: "Try making" -> "Make" is tried too)."""
    found = _GERUND_LEAD_RE.match(text)
    if not found:
        return ""
    stem, rest = found.group("verb"), found.group("rest")
    for verb in (stem, f"{stem}e"):
        said = f"{verb[:1].upper()}{verb[1:].lower()} {rest}"
        if is_action(said):
            return said
    return ""


#: A step said with its goal first: "To open RD Licensing Diagnoser, open Server Manager".
_GOAL_RE = re.compile(r"^to (?P<goal>[a-z][^,]{5,60}), ", re.IGNORECASE)
#: A step that only gets somewhere: its fix is what follows, not this.
_GETS_THERE_RE = re.compile(
    r"^(?:click|double-click|right-click|open|log on|log in|sign in|select|go to|navigate|start"
    r"|press|type\s+(?:\"|\S+\.exe))\b",
    re.IGNORECASE,
)
#: A step pointing at the list under it: "Look for these co-firing alerts".
_POINTS_RE = re.compile(r"\b(?:these|the following|below)\b", re.IGNORECASE)
#: A step that does not name the fix: an escalation, a pointer, a bare command line.
_NOT_NAMING_RE = re.compile(
    r"^(?:escalate|read|see|refer|back up|follow the steps|review the (?:article|documentation)"
    r"|contact|call|open a support|log in to the customer portal|for more information"
    r"|note\b|\$|`|<)",
    re.IGNORECASE,
)
_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_PLACEHOLDER_RE = re.compile(r"\{[^}]*\}|<answer:[^>]*>")


def _first_sentence(text: str) -> str:
    text = _LINK_RE.sub(r"\1", " ".join(text.split()))
    found = re.search(r"(?<=[a-z0-9)\"'])[.!?](?=\s+[A-Z(]|$)", text)
    return (text[: found.start()] if found else text).strip().rstrip(".:;")


def _whole(text: str) -> bool:
    """Whether `text` reads as a whole phrase: three words at least, not ending open,
    brackets and quotes balanced."""
    words = text.split()
    if len(words) < 3 or _OPEN_END_RE.search(text.rstrip(" .,:;")):
        return False
    if text.count("(") != text.count(")") or text.count('"') % 2:
        return False
    return not re.search(r"\b(?:following|these steps|below)\b", text, re.IGNORECASE)


def short_action(text: str, is_action: Any = None) -> str:
    """The step's action as a title: its first sentence when short and whole, else the
    longest start of it ending at a clause mark that is whole; "" when none is. A cut
    before "and" needs a second action after it (`is_action`, or a participle)."""
    is_action = is_action or (lambda _text: False)
    said = _first_sentence(text)
    if not said or _PLACEHOLDER_RE.search(said):
        return ""
    if len(said) <= LIMIT and _whole(said) and not re.search(r"\bdescribed\b", said):
        return said
    best = ""
    for cut in _CUT_RE.finditer(said):
        if cut.group().strip() == "(" and not re.match(
            r"[^()]*\)\s*(?:[,;:.]|$)", said[cut.end() :]
        ):
            continue  # "a default (Kubernetes) storage class": the phrase goes on after it
        if cut.group().strip() == "" and said[cut.end() :].startswith("and "):
            after = said[cut.end() + 4 :].split(" ", 1)[0]
            if not (after.endswith("ed") or is_action(after)):
                continue  # "on same major" + " and minor version": one noun phrase
        head = said[: cut.start()].rstrip(" .,;:")
        if len(head) > LIMIT:
            break
        if _whole(head):
            best = head  # the longest whole start under the limit
    return best


def _naming_step(outcome: dict[str, Any], is_action: Any) -> str:
    """The first action of the outcome's own section that can name it ("" if none)."""
    section = str((outcome.get("source") or {}).get("section", ""))
    for step in outcome.get("steps", []):
        text = " ".join(str(step.get("text", "")).split())
        source = step.get("source") or {}
        if section and source and source.get("section") != section:
            continue  # the Diagnosis checks ticked before the fix
        if step.get("when"):
            return ""  # its first step is for one case only
        text = _gerund_said(text, is_action) or _LEAD_RE.sub("", text)
        text = text[:1].upper() + text[1:]
        goal = _GOAL_RE.match(text)
        if goal:  # "To open X, open Server Manager": what the step is for names it
            rest = text[goal.end() :]
            if _GETS_THERE_RE.match(rest) and is_action(goal.group("goal")):
                return short_action(goal.group("goal"), is_action)
            text = rest[:1].upper() + rest[1:]
        acts = re.sub(r"^try to\s+", "", text, flags=re.IGNORECASE)
        if _GETS_THERE_RE.match(text) or _POINTS_RE.search(text):
            return ""  # it only gets somewhere, or points at a list: the fix comes later
        if _NOT_NAMING_RE.match(text):
            continue  # a registry backup, a pointer, an escalation: the next step
        if not is_action(acts):
            return ""  # a statement first ("As a temporary workaround, ..."): left bare
        title = short_action(text, is_action)
        return title if _names_action(title, is_action) else ""
    return ""


#: A title that opens on a scene or case, not on its action ("On all servers ...",
#: "If this is not intentional, check X", "After scaling, monitor Y").
_SCENE_RE = re.compile(
    r"^(?:to|on|in|from|after|before|if|when|once|for|with|at|during|while|as|unless)\b",
    re.IGNORECASE,
)


def _names_action(title: str, is_action: Any) -> bool:
    """Whether `title` opens on its action and reads whole: no scene first, no pointer,
    no run of link names ("Restore Ceph Mon Quorum Lost Troubleshooting Monitor"), no
    colon before a word or two ("Make changes to solve alert: view")."""
    if not title or _SCENE_RE.match(title) or _GETS_THERE_RE.match(title):
        return False
    if not is_action(re.sub(r"^try to\s+", "", title, flags=re.IGNORECASE)):
        return False
    if re.search(r"\bdescribed\b|\bthe steps$", title, re.IGNORECASE):
        return False
    if re.search(r"(?:\b[A-Z][\w-]*\s+){5}[A-Z]", title):
        return False
    last = title.rsplit(": ", 1)[-1]
    return len(last.split()) >= 3 and not _SCENE_RE.match(last) and not last.startswith("In case")


def bare_titles_named(tree: dict[str, Any], is_action: Any) -> None:
    """Title each fix outcome named by its section alone by its first action (see the
    module); the answers leading to it under the same bare name follow."""
    nodes: list[dict[str, Any]] = tree["nodes"]
    for outcome in nodes:
        oid = str(outcome.get("id", ""))
        if outcome.get("kind") != "outcome" or oid == "not_this_article":
            continue
        title = str(outcome.get("title", "")).strip()
        if oid.endswith("-not-applicable") or not BARE_RE.match(title):
            continue
        action = _naming_step(outcome, is_action)
        if not action:
            continue
        action = action[:1].upper() + action[1:]
        named = f"{title}: {action}" if _KIND_RE.match(title) else action
        outcome["title"] = named
        for node in nodes:
            for choice in node.get("choices", []) or []:
                if choice.get("next") == oid and str(choice.get("label", "")).strip() == title:
                    choice["label"] = named
