"""A runbook outcome's checklist holds the fix, not the Diagnosis checks again.

Readers marked drafted runbook walks whose outcome ticked the Diagnosis checks (view the
logs, describe the pod) as if they were the mitigation: a one-fix runbook with nothing
asked kept every check as a tick (its "Mitigation" was the whole Diagnosis list), and a
check shown in "Run this check first" before a question was ticked again after it. The
checks are looked at, not done: this pass, run last on an alert runbook's tree, drops a
check an info step already showed on every way in, and shows the others in one info step
("Run the Diagnosis checks") just before the outcome, after every name they need is typed.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.articles import Article
from kbassist.drafting.run_order import _INPUT_FOR_RE, _shown, reaches
from kbassist.drafting.runbook_cause import is_alert_runbook
from kbassist.drafting.runbook_checks_only import documents_no_fix, escalation_left

TITLE = "Run the Diagnosis checks"
LEAD = (
    "Run these Diagnosis checks before the fix: what they show is what the fix works on, "
    "and what an escalation needs."
)
NO_FIX_LEAD = "Run these Diagnosis checks: what they show is what the escalation needs."
#: The "Run this check first" step's promise that the checklist ticks the check again.
_AGAIN_RE = re.compile(r" \(the checklist lists (?:this check|these checks) again, to tick\)")


def _diagnosis_names(article: Article) -> set[str]:
    return {s.name for s in article.sections if s.role == "diagnosis"}


def _leading_checks(outcome: dict[str, Any], names: set[str]) -> int:
    """How many of the outcome's first steps are unconditional Diagnosis checks."""
    n = 0
    for step in outcome.get("steps", []):
        if step.get("source", {}).get("section") not in names or "when" in step:
            break
        n += 1
    return n


def _shown_before(nodes: list[dict[str, Any]], start: str, outcome: str) -> list[str]:
    """The texts of the info steps every way from `start` to `outcome` passes."""
    by_id = {n["id"]: n for n in nodes}
    return [
        str(n.get("text", ""))
        for n in nodes
        if n["kind"] == "info" and not reaches(by_id, start, outcome, n["id"])
    ]


def _holds(text: str, step: dict[str, Any]) -> bool:
    """Whether an info step's text shows `step` as the checklist would: its text and its
    command with the same answers (not the article's `<name>` for one asked later)."""
    return str(step["text"]) in text and str(step.get("detail", "")) in text


def checks_not_ticked(tree: dict[str, Any], article: Article) -> None:
    """Take an alert runbook outcome's leading Diagnosis checks out of its checklist: a
    check already shown on every way in is dropped, the rest are shown in an info step
    right before the outcome. An outcome left with no step keeps its checks."""
    if not is_alert_runbook(article):
        return
    names = _diagnosis_names(article)
    nodes: list[dict[str, Any]] = tree["nodes"]
    if not names or not nodes:
        return
    start = nodes[0]["id"]
    for outcome in [n for n in nodes if n["kind"] == "outcome"]:
        count = _leading_checks(outcome, names)
        steps = outcome.get("steps", [])
        if not count or count >= len(steps):
            continue  # no check, or nothing but checks: that outcome is no fix to tick
        shown = _shown_before(nodes, start, outcome["id"])
        fresh = [s for s in steps[:count] if not any(_holds(text, s) for text in shown)]
        del steps[:count]
        if not fresh:
            continue
        info_id = f"{outcome['id']}-diagnosis"
        if any(n["id"] == info_id for n in nodes):
            continue
        for node in nodes:
            if node.get("next") == outcome["id"]:
                node["next"] = info_id
            for choice in node.get("choices", []):
                if choice.get("next") == outcome["id"]:
                    choice["next"] = info_id
        info = {
            "id": info_id,
            "kind": "info",
            "title": TITLE,
            "checks": True,
            "text": f"{NO_FIX_LEAD if documents_no_fix(outcome.get('title', '')) else LEAD}\n\n"
            f"{_shown(fresh)}",
            "source": fresh[0]["source"],
            "next": outcome["id"],
        }
        nodes.insert(nodes.index(outcome), info)
    ticked = [str(s["text"]) for n in nodes if n["kind"] == "outcome" for s in n.get("steps", [])]
    for node in nodes:
        text = str(node.get("text", ""))
        # no longer true once the checks left the list: said no more
        if node["kind"] == "info" and _AGAIN_RE.search(text) and not any(t in text for t in ticked):
            node["text"] = _AGAIN_RE.sub("", text)


#: The hoisted checks' lead: they come before the question they decide.
HOISTED_LEAD = (
    "Run these Diagnosis checks before you choose the fix: what they show tells which one applies."
)


def _chain(nodes: list[dict[str, Any]], start: str) -> tuple[list[dict[str, Any]], Any]:
    """The inputs from `start` on, and the "Run the Diagnosis checks" step they end at (or
    None when they end anywhere else)."""
    by_id = {n["id"]: n for n in nodes}
    chain: list[dict[str, Any]] = []
    at = by_id.get(start)
    # the names asked, and the "Run this check first" steps between them (run_order)
    while at is not None and (
        at["kind"] == "input" or (at["kind"] == "info" and "-check_" in str(at["id"]))
    ):
        chain.append(at)
        at = by_id.get(at["next"])
    if at is None or at["kind"] != "info" or not str(at["id"]).endswith("-diagnosis"):
        return chain, None
    return chain, at


def _sign(node: dict[str, Any]) -> tuple[str, str]:
    """What a chain node asks or shows: the same on every answer's way, or not."""
    return (str(node["kind"]), str(node.get("var") or node.get("text")))


#: Where a numbered check starts in an info step's text (see run_order._shown).
_ITEM_RE = re.compile(r"\n\n(?=\d+\. )")


def _without(text: str, other: str) -> str:
    """An info step's numbered checks without those `other` already shows, renumbered."""
    lead, *items = _ITEM_RE.split(text)
    shown = [i.split(". ", 1)[1] for i in _ITEM_RE.split(other)[1:]]
    kept = [i.split(". ", 1)[1] for i in items if i.split(". ", 1)[1] not in shown]
    return "\n\n".join([lead, *(f"{n}. {k}" for n, k in enumerate(kept, 1))])


def _filled(text: str, inputs: list[dict[str, Any]]) -> str:
    """`text` with the article's token of each input (`$NAMESPACE`, `<node-name>`, from
    the input's title "Your name for $NAMESPACE") replaced by the input's answer."""
    for node in inputs:
        found = _INPUT_FOR_RE.search(str(node.get("title", "")))
        if found:
            token = found.group("token")
            text = re.sub(rf"{re.escape(token)}(?![\w-])", f"{{{node['var']}}}", text)
    return text


def checks_before_fixes(tree: dict[str, Any]) -> None:
    """When every answer of a question leads to the same names asked and the same
    Diagnosis checks shown before its fix, ask and show them once, before the question:
    "Which fix do the Diagnosis checks point to?" comes after the checks, not before."""
    nodes: list[dict[str, Any]] = tree["nodes"]
    for question in [n for n in nodes if n["kind"] == "question" and n["id"] != "symptom"]:
        choices = question.get("choices", [])
        if len(choices) < 2:
            continue
        found = [_chain(nodes, c["next"]) for c in choices]
        if any(info is None for _, info in found):
            continue
        if len({id(info) for _, info in found}) < len(found):
            continue  # answers that meet (a yes/no case of one fix): nothing to hoist
        first = [_sign(n) for n in found[0][0]]
        if any([_sign(n) for n in chain] != first for chain, _ in found) or any(
            info["text"] != found[0][1]["text"] for _, info in found
        ):
            continue
        chain, info = found[0]
        hoisted = [dict(n, id=f"{question['id']}-{str(n['id']).split('-', 1)[-1]}") for n in chain]
        shown = dict(info, id=f"{question['id']}-diagnosis")
        shown["text"] = str(shown["text"]).replace(LEAD, HOISTED_LEAD, 1)
        if any(n["id"] in {h["id"] for h in [*hoisted, shown]} for n in nodes):
            continue
        # round 10's "Run these checks first" right before the question: the names are
        # now asked before it, so it shows them filled in, after the inputs
        anchor = next(
            (
                n
                for n in nodes
                if n["id"] == f"{question['id']}-checks" and n.get("next") == question["id"]
            ),
            question,
        )
        if anchor is not question:
            anchor["text"] = _filled(str(anchor["text"]), hoisted)
            shown["text"] = _without(str(shown["text"]), str(anchor["text"]))
        shown["next"] = anchor["id"]
        added = [*hoisted, *([shown] if _ITEM_RE.search(str(shown["text"])) else [])]
        for n, node in enumerate(added[:-1]):
            node["next"] = added[n + 1]["id"]
        if added:
            added[-1]["next"] = anchor["id"]
        gone = {id(n) for chain, info in found for n in [*chain, info]}
        for choice, (_, target) in zip(choices, found, strict=True):
            choice["next"] = target["next"]  # straight to the fix
        entry = added[0]["id"] if added else anchor["id"]
        for node in nodes:
            if node.get("next") == anchor["id"]:
                node["next"] = entry
            for choice in node.get("choices", []):
                if choice.get("next") == anchor["id"]:
                    choice["next"] = entry
        at = nodes.index(anchor)
        nodes[at:at] = added
        nodes[:] = [n for n in nodes if id(n) not in gone]


def cases_without_fix(tree: dict[str, Any]) -> None:
    """The outcome of the answers a runbook's conditional fix does not apply to
    ("mitigation_1-rest": the pod is not the problem), once its checks moved out, is left
    with only the escalation: titled as no documented fix, and its checks step says they
    feed the escalation, not a fix."""
    nodes = tree["nodes"]
    emptied = set()
    for node in nodes:
        if node["kind"] == "outcome" and node["id"].endswith("-rest"):
            escalation_left(node)
            if documents_no_fix(node.get("title", "")):
                emptied.add(node["id"])
    for node in nodes:
        if node["kind"] == "info" and node.get("next") in emptied:
            node["text"] = str(node.get("text", "")).replace(LEAD, NO_FIX_LEAD, 1)
