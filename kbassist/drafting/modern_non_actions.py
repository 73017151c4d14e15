"""Modern and runbook ticks that are no action: shown, or said as the action they mean.

Readers of seed 54 marked non-actions ticked in runbook and MS support outcomes:
- an HTML comment ("<!-- No downstream link. Modules cannot contain xrefs.-->") shown
  under a tick: the article's renderer never shows it, so no part of a draft does;
- "Expand the PVC size to increase the capacity." ticked first over its own UI steps,
  the outcome's title said again: a summary, shown as the outcome's text;
- "Scale storage: Depending on the type of cluster it will be needed to add storage
  devices and/or nodes.": "it will be needed to X" is the action X, said as one;
- "If your cluster was upgraded from X, the runc runtime remains unchanged as the
  default." ticked first: a statement, shown as the outcome's text;
- "Migrate to crun by deleting these MachineConfig objects:" and "Go to the SQL Server
  installation folder and do the following to check X:" ticked over the steps after
  them: the announcement is shown under the first of those (a place to go stays ticked).
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.blocks import _imperative
from kbassist.drafting.text import split_sentences

#: An HTML comment, which a Markdown renderer never shows.
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
#: "Depending on X it will be needed to add Y", "If not possible, you will need to Z".
_NEEDED_RE = re.compile(
    r"^(?P<head>[A-Z][\w /-]{2,40}:\s+)?(?P<case>.*?)[\s,]*\b(?:it\s+(?:will\s+be|is|would\s+be)"
    r"\s+(?:needed|necessary|required)|you\s+will\s+(?:need|have)|you\s+would\s+need)\s+to\s+"
    r"(?P<act>[a-z].+)$",
    re.IGNORECASE | re.DOTALL,
)
#: "If not is possible to scale up": the runbook's word order for "If it is not possible".
_NOT_IS_RE = re.compile(r"^if not is possible\b", re.IGNORECASE)
#: "If your cluster was upgraded from X, the runc runtime remains unchanged ...": a case
#: whose other half says what is, not what to do.
_CASE_STATEMENT_RE = re.compile(
    r"^(?:if|when)\b[^,]{3,160},\s+(?:the|this|that|these|those|it|there|its|your)\b"
    r"(?P<rest>[^:]*)\.$",
    re.IGNORECASE,
)
#: What makes such a half a duty after all ("the service must be restarted").
_DUTY_RE = re.compile(
    r"\b(?:must|should|needs?\s+to|has\s+to|have\s+to|is\s+required|recommended)\b", re.I
)
#: A lead that points at the steps after it: "... by deleting these MachineConfig
#: objects:", "... do the following to check X:", "... as follows:".
_POINTS_RE = re.compile(
    r"\b(?:these|the\s+following|as\s+follows|below)\b[^.:]{0,100}:$", re.IGNORECASE
)
#: Alternatives or content, not steps: "one of the following methods:", "Type the
#: following command:", "create the following key:".
_NOT_STEPS_RE = re.compile(
    r"\b(?:one|any|either|each)\s+of\b|\b(?:following|these)\s+(?:methods?|ways?|options?"
    r"|workarounds?|articles?|commands?|lines?|text|code|keys?|values?|entr(?:y|ies)"
    r"|settings?|files?|information|sections?|script|formula|links?|topics?)\b"
    r"|\b(?:type|enter|paste|add|run|copy)\b",
    re.IGNORECASE,
)
#: "Go to X and do the following to check Y:": the going is a step, the rest announces.
_AND_DO_RE = re.compile(
    r"^(?P<act>(?:go|navigate|browse|change|switch|move)\s+to\b.{3,200}?)\s*,?\s+and\s+"
    r"(?:then\s+)?(?:do|perform|follow|complete)\s+the\s+following\b(?P<rest>[^.:]{0,120}):$",
    re.IGNORECASE | re.DOTALL,
)
#: A case the walk may ask: never folded away.
_CASE_RE = re.compile(r"^(?:if|when|unless|in\s+case|for\s+each|only)\b", re.IGNORECASE)


#: Words too common to tie a summary to its steps.
_SMALL = frozenset("the and for with from that this then into your you are not".split())


def _flat(text: object) -> str:
    return " ".join(str(text or "").split())


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.casefold())


def _no_comments(value: Any) -> Any:
    """`value` (a tree part) with every HTML comment taken out of its strings."""
    if isinstance(value, str):
        if "<!--" not in value:
            return value
        text = _COMMENT_RE.sub("", value)
        return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+\n", "\n", text)).strip()
    if isinstance(value, list):
        kept = [_no_comments(v) for v in value]
        return [v for v in kept if not (isinstance(v, dict) and "text" in v and not v["text"])]
    if isinstance(value, dict):
        out = {k: _no_comments(v) for k, v in value.items()}
        for key in ("detail", "text", "help"):
            if key in out and key in value and value[key] and not out[key]:
                del out[key]  # only a comment: nothing is shown
        return out
    return value


def comments_dropped(tree: dict[str, Any], body: str) -> None:
    """No HTML comment of the article shows anywhere in its draft."""
    if "<!--" not in body:
        return
    for key in ("symptom", "cause"):
        if isinstance(tree.get(key), str):
            tree[key] = _no_comments(tree[key])
    tree["nodes"] = _no_comments(tree["nodes"])


def needed_as_action(text: str) -> str:
    """ "Depending on X it will be needed to add Y." said as the action: "Depending on X,
    add Y."; `text` itself when it says no "it will be needed to"."""
    flat = _flat(text)
    if "to " not in flat or not (found := _NEEDED_RE.match(flat)):
        return text
    act = found.group("act").rstrip()
    if not _imperative(act[:1].upper() + act[1:]):
        return text
    case = _NOT_IS_RE.sub("If it is not possible", found.group("case").strip(" ,"))
    head = found.group("head") or ""
    said = f"{case[:1].upper()}{case[1:]}, {act}" if case else act[:1].upper() + act[1:]
    if not said.endswith((".", ":", "!")):
        said += "."
    return head + said


def _restates(title: str, text: str, after: list[dict[str, Any]]) -> bool:
    """The step says the outcome's title again, and the steps after it do what it says
    (most of its words come back in them: "Select "Expand PVC" and increase the size of
    the PVC."): a summary over its own steps, not a step before them."""
    said = _words(text)
    if len(said) < 3 or said != _words(re.sub(r"^[^:]{1,40}:\s+", "", title)):
        return False
    own = {w for w in said if len(w) > 2 and w not in _SMALL}
    later = set(_words(" ".join(str(s.get("text", "")) for s in after)))
    return len(own) >= 3 and len(own & later) >= 0.75 * len(own)


def _shown_as_text(outcome: dict[str, Any], step: dict[str, Any]) -> None:
    """`step` (its text and detail) shown as the outcome's text, before what it had."""
    said = "\n\n".join(p for p in (step.get("text", ""), step.get("detail", "")) if p)
    old = outcome.get("text", "")
    if _flat(said) not in _flat(old):
        outcome["text"] = f"{said}\n\n{old}" if old else said


def _lead_over(text: str, nxt: dict[str, Any]) -> tuple[str, str] | None:
    """(what stays ticked, or "" for nothing; what is shown under the next step) for a
    lead that announces the steps after it, or None when `text` is no such lead."""
    flat = _flat(text)
    if not flat.endswith(":") or _CASE_RE.match(flat):
        return None
    going = _AND_DO_RE.match(flat)
    if going:
        rest = going.group("rest").strip(" ,")
        shown = f"{rest[:1].upper()}{rest[1:]}:" if rest.casefold().startswith("to ") else ""
        return going.group("act").rstrip(" ,") + ".", shown
    if _NOT_STEPS_RE.search(flat):
        return None
    if _POINTS_RE.search(flat) or _goal_over(flat, nxt):
        return "", flat
    return None


#: "a. Check ...", "2. Modify ...": a sub-step's own marker.
_MARKER_RE = re.compile(r"^(?:[a-z]|\d{1,2})[.)]\s+")


def _goal_over(flat: str, nxt: dict[str, Any]) -> bool:
    """ "Free up space in the guest file system:" over "Remove temporary files ...": a
    goal said as a heading over its own steps (the next one an action that is no heading
    itself), not a step of its own."""
    if "(if " in flat or len(split_sentences(flat)) != 1 or not _imperative(flat):
        return False
    after = _MARKER_RE.sub("", _flat(nxt.get("text")))
    if after.endswith(":") and not nxt.get("detail"):
        return False
    return bool(after) and _imperative(after[:1].upper() + after[1:])


def _outcome_steps(outcome: dict[str, Any]) -> None:
    """One outcome's ticks that are no action, shown or said as the action."""
    steps: list[dict[str, Any]] = outcome.get("steps") or []
    for step in steps:
        if isinstance(step.get("text"), str):
            step["text"] = needed_as_action(step["text"])
    if len(steps) >= 2 and "when" not in steps[0] and "when" not in steps[1]:
        first = steps[0]
        text = _flat(first.get("text"))
        found = _CASE_STATEMENT_RE.match(text)
        title = str(outcome.get("title", ""))
        summary = len(steps) >= 3 and not first.get("detail") and _restates(title, text, steps[1:])
        if summary or (found and not _DUTY_RE.search(found.group("rest"))):
            _shown_as_text(outcome, first)
            del steps[0]
    n = 0
    while n < len(steps) - 1:
        step, nxt = steps[n], steps[n + 1]
        lead = None
        if not step.get("detail") and step.get("when") == nxt.get("when"):
            lead = _lead_over(str(step.get("text", "")), nxt)
        if lead is None:
            n += 1
            continue
        kept, shown = lead
        if shown:
            more = nxt.get("detail", "")
            nxt["detail"] = f"{shown}\n\n{more}" if more else shown
        if kept:
            step["text"] = kept
            n += 1
        else:
            del steps[n]


def non_actions_shown(tree: dict[str, Any], body: str) -> None:
    """A modern or runbook draft's ticks that are no action are shown, not ticked; HTML
    comments are dropped everywhere."""
    comments_dropped(tree, body)
    for node in tree["nodes"]:
        if node.get("kind") == "outcome" and node.get("id") != "not_this_article":
            _outcome_steps(node)
