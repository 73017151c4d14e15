"""A runbook's listed likely causes asked when its draft ends in one outcome (round 35,
rbcauses35).

Seed 98's readers marked AuditLogError: Meaning's "There might be many causes to this:"
over "- the node ... running out of disk space" / "- A malicious actor could be tampering
with the audit log files or directory permissions" / "- The API server might be
encountering an unexpected error" was merged into the symptom and the cause text, and the
one outcome ticked every Diagnosis check in sequence. causes34's `runbook_cause_names`
asks such causes only when each pairs with a fix of its own; with one outcome (a fix, or
"run the checks, then escalate") nothing asked them.

`ask_listed_causes` asks "Which of these applies?" before that outcome: each cause leads
to a copy of it without the checks that belong to the other causes (a step belongs to the
cause whose own key words it shares, MIN_SHARED or more and more than any other), and
"I don't know: run the checks" (and a cause no check speaks of) to the outcome as it
was. Only when two or more causes own a step: otherwise the answers would barely differ.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from kbassist.articles import Article
from kbassist.drafting.cause_list import MAX_CAUSES, MIN_SHARED
from kbassist.drafting.causes import _words
from kbassist.drafting.modern import block_plain, md_plain
from kbassist.drafting.runbook_cause import _item_name, _pairs, is_alert_runbook
from kbassist.drafting.runbook_cause_ask import runbook_cause_names
from kbassist.drafting.text import short_label, split_sentences

#: The question's id; never one the draft already has.
QUESTION_ID = "which_listed_cause"


#: A lead over likely causes that causes34's lead does not read: "Common failure
#: scenarios:", "When no flows are received, it means either:", "Possible reasons
#: include:". Bounded, no nested repeats: linear on any line.
_SCENARIOS_LEAD_RE = re.compile(
    r"(?:\bfailure (?:scenarios|modes)\b|\bit (?:means|indicates|could mean) either\b"
    r"|\b(?:common|possible|likely|potential|typical|usual) (?:causes|reasons|culprits)\b)"
    r"[^:]{0,90}:\s*$",
    re.IGNORECASE,
)
#: Where a runbook lists its likely causes.
_LISTING_ROLES = ("symptom", "summary", "diagnosis")


def listed_causes(article: Article) -> list[str]:
    """An alert runbook's likely causes: causes34's (under "This alert has the following
    causes:"), else a list under a scenarios lead in Meaning or Diagnosis, each named in a
    line; [] when fewer than two, more than MAX_CAUSES, or one has no short name."""
    return _listing(article)[0]


def _listing(article: Article) -> tuple[list[str], str]:
    """`listed_causes` and the name of the section listing them ("" for causes34's, which
    the cause node cites already)."""
    named = runbook_cause_names(article)
    if named or not is_alert_runbook(article):
        return named, ""
    for role in _LISTING_ROLES:
        for part in article.parts_by_role(role):
            for lead, block in _pairs(part.blocks):
                if not _SCENARIOS_LEAD_RE.search(lead):
                    continue
                items = [
                    block_plain(it.blocks[0]).strip() if it.blocks else "" for it in block.items
                ]
                names = [(split_sentences(md_plain(i)) or [""])[0].rstrip(".") for i in items]
                if not 2 <= len(names) <= MAX_CAUSES or not all(_item_name(i) for i in items):
                    return [], ""
                return [short_label(n, 130) for n in names], md_plain(part.name)
    return [], ""


def _chain_end(nodes: dict[str, dict[str, Any]], start: str) -> tuple[str, str] | None:
    """(the last node before the first outcome or question, that node's id) reached from
    `start` through nodes with one `next` each; None on a loop or a dangling id."""
    seen = {start}
    at = start
    while True:
        node = nodes.get(at)
        if node is None or "choices" in node:
            return None
        nxt = node.get("next")
        if not isinstance(nxt, str) or nxt in seen or nxt not in nodes:
            return None
        if nodes[nxt].get("kind") in ("outcome", "question"):
            return at, nxt
        seen.add(nxt)
        at = nxt


def _reached(nodes: dict[str, dict[str, Any]], start: str) -> dict[str, Any] | None:
    """The outcome a choice reaches through its inputs and notes; None past a question."""
    seen: set[str] = set()
    at: Any = start
    while isinstance(at, str) and at in nodes and at not in seen:
        seen.add(at)
        if nodes[at].get("kind") == "outcome":
            return nodes[at]
        if "choices" in nodes[at]:
            return None
        at = nodes[at].get("next")
    return None


def _choice_pairs(
    causes: list[str], question: dict[str, Any], nodes: dict[str, dict[str, Any]]
) -> list[int | None]:
    """For each cause, the fix choice whose label, outcome title and first step share
    most of its own key words (MIN_SHARED or more, no tie); words every choice shares or
    other causes name tell nothing."""
    said: list[set[str]] = []
    for choice in question.get("choices", []):
        outcome = _reached(nodes, str(choice.get("next", ""))) or {}
        first = (outcome.get("steps") or [{}])[0].get("text", "")
        said.append(_words(f"{choice.get('label', '')} {outcome.get('title', '')} {first}"))
    common = set.intersection(*said) if said else set()
    words = [_words(c) - common for c in causes]
    pairs: list[int | None] = []
    for own in words:
        own = (own - set().union(*(o for o in words if o is not own))) or own
        scores = [len(own & w) for w in said]
        best = max(scores, default=0)
        pairs.append(scores.index(best) if best >= MIN_SHARED and scores.count(best) == 1 else None)
    return pairs


def _ask_before_fixes(
    tree: dict[str, Any], causes: list[str], before: str, question_id: str, source: Any
) -> None:
    """Causes over a "Which fix ...?" question whose fixes are one a cause: each cause
    leads to its fix, "I don't know: run the checks" (and a cause no fix names) to the fix
    question; only when two or more causes pair with a fix each, never two with one."""
    nodes = {n["id"]: n for n in tree["nodes"]}
    question = nodes[question_id]
    choices = question.get("choices", [])
    if any(not str(c.get("value", "")).startswith("mitigation") for c in choices):
        return  # a case or yes/no question: its answers are not fixes to lead to
    pairs = _choice_pairs(causes, question, nodes)
    paired = [p for p in pairs if p is not None]
    if len(paired) < 2 or len(set(paired)) < len(paired):
        return  # one fix for two causes, or too few told apart: the fixes asked as they are
    asked = [
        {
            "value": f"cause_{n + 1}",
            "label": label,
            # a cause no fix names: every fix offered, as for "I don't know"
            "next": choices[pair]["next"] if pair is not None else question_id,
        }
        for n, (label, pair) in enumerate(zip(causes, pairs, strict=True))
    ]
    asked.append({"value": "unknown", "label": "I don't know: run the checks", "next": question_id})
    nodes[before]["next"] = QUESTION_ID
    at = tree["nodes"].index(question)
    tree["nodes"][at:at] = [
        {
            "id": QUESTION_ID,
            "kind": "question",
            "title": "Which of these applies?",
            "text": "The runbook lists several likely causes, each with its own fix. "
            "Which of these applies here?",
            "source": copy.deepcopy(source),
            "choices": asked,
        }
    ]


def _step_owners(
    causes: list[str], steps: list[dict[str, Any]], fix_section: object
) -> list[int | None]:
    """For each check step (cited from another section than the fix's own, so never the
    fix or the escalation every cause needs), the cause whose own key words (those no
    other cause names) its text and note share most, MIN_SHARED or more and strictly more
    than any other; else None."""
    words = [_words(c) for c in causes]
    own = [w - set().union(*(o for o in words if o is not w)) for w in words]
    owners: list[int | None] = []
    for step in steps:
        if (step.get("source") or {}).get("section") == fix_section:
            owners.append(None)
            continue
        said = _words(f"{step.get('text', '')} {step.get('detail', '')}")
        scores = [len(said & w) for w in own]
        best = max(scores, default=0)
        if best < MIN_SHARED or scores.count(best) > 1:
            owners.append(None)
        else:
            owners.append(scores.index(best))
    return owners


def ask_listed_causes(tree: dict[str, Any], article: Article) -> None:
    """Ask an alert runbook's listed causes before its one outcome, each answer leading to
    the checks and fix for that cause; the tree as it is when the causes are asked already,
    the cause node leads to a question, or fewer than two causes own a step."""
    causes, listed_in = _listing(article)
    if not causes:
        return
    nodes: dict[str, dict[str, Any]] = {n["id"]: n for n in tree["nodes"]}
    if QUESTION_ID in nodes or any(
        n.get("kind") == "question" and "cause" in str(n.get("title", "")).casefold()
        for n in tree["nodes"]
    ):
        return
    if "cause" not in nodes:
        return
    end = _chain_end(nodes, "cause")
    if end is None:
        return
    before, outcome_id = end
    source = copy.deepcopy(nodes["cause"]["source"])
    if listed_in:  # "Common failure scenarios:" under Diagnosis: cited from there
        source["section"] = listed_in
    if nodes[outcome_id].get("kind") == "question":
        _ask_before_fixes(tree, causes, before, outcome_id, source)
        return
    outcome = nodes[outcome_id]
    steps = outcome.get("steps") or []
    owners = _step_owners(causes, steps, (outcome.get("source") or {}).get("section"))
    if len({o for o in owners if o is not None}) < 2:
        return
    choices: list[dict[str, str]] = []
    added: list[dict[str, Any]] = []
    for n, label in enumerate(causes):
        if n not in owners:  # no check of its own in the runbook: all of them, as unsure
            choices.append({"value": f"cause_{n + 1}", "label": label, "next": outcome_id})
            continue
        kept = [s for s, o in zip(steps, owners, strict=True) if o in (None, n)]
        node = copy.deepcopy(outcome)
        node["id"] = f"{outcome_id}_cause_{n + 1}"
        if node["id"] in nodes:
            return
        node["steps"] = copy.deepcopy(kept)
        node["title"] = short_label(f"{node.get('title', '')} ({label})", 120)
        added.append(node)
        choices.append({"value": f"cause_{n + 1}", "label": label, "next": node["id"]})
    choices.append(
        {"value": "unknown", "label": "I don't know: run the checks", "next": outcome_id}
    )
    question = {
        "id": QUESTION_ID,
        "kind": "question",
        "title": "Which of these applies?",
        "text": "The runbook lists several likely causes, each with its own checks. "
        "Which of these applies here?",
        "source": source,
        "choices": choices,
    }
    nodes[before]["next"] = QUESTION_ID
    at = tree["nodes"].index(outcome)
    tree["nodes"][at:at] = [question, *added]
