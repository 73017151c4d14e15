"""An alert runbook's case question comes after the Diagnosis, and "No" is no reason to
leave the article (round 32, runbook33).

Readers (seed 86) marked a runbook walk whose only fix is for one case ("If you are
running AWS EKS and the kube-proxy pods are all running normally, update ..."): the
question "Are you running AWS EKS ...?" answered "No" went to "This article may not
apply", though the alert fired and the runbook still applies; and the Diagnosis check
that needs a typed name ("kubectl logs -n kube-system <pod>") was ticked as the fix's
first step, after the question it informs. Only the symptom question may send the admin
to "not this article". Here the case's Diagnosis checks (with the names they need) are
run before the case is asked, and "No" leads to the runbook's no-documented-fix outcome:
escalate with what the Diagnosis showed.
"""

from __future__ import annotations

from typing import Any

from kbassist.articles import Article
from kbassist.drafting.run_order import _targets
from kbassist.drafting.runbook_checks import LEAD, TITLE
from kbassist.drafting.runbook_checks_only import NO_FIX_LABEL
from kbassist.drafting.runbook_node_steps import _point_at
from kbassist.drafting.runbook_shared_checks import straight_way

NOT_THIS_ID = "not_this_article"
CHECKS_TITLE = "Run the rest of the Diagnosis"
CHECKS_LEAD = (
    "Run these Diagnosis checks before you answer the next question: what they show "
    "tells whether the runbook's fix is for your case."
)
NO_CASE_LEAD = (
    "The runbook's fix is only for the case it names; it gives no fix for yours. "
    "Escalate with what the Diagnosis checks showed."
)
ESCALATE = (
    "Escalate with the output of the Diagnosis checks: the runbook's Mitigation covers "
    "only this case: {case}"
)


def _hoist_checks(
    nodes: list[dict[str, Any]], question: dict[str, Any], yes: dict[str, Any]
) -> None:
    """The yes way's Diagnosis checks (and the names asked before them) moved before
    `question`: what they show tells whether the case holds."""
    by_id = {n["id"]: n for n in nodes}
    way = straight_way(by_id, str(yes["next"]))
    k = len(way)
    while k and not (way[k - 1]["kind"] == "info" and way[k - 1].get("checks")):
        k -= 1
    if k == 0:
        return
    into: dict[str, int] = {}
    for node in nodes:
        for target in _targets(node):
            into[target] = into.get(target, 0) + 1
    if any(into.get(str(n["id"]), 0) != 1 for n in way[:k]):
        return  # a step another way also reaches: left where it is
    hoisted = way[:k]
    for node in hoisted:
        if node["kind"] == "info":
            node["text"] = str(node.get("text", "")).replace(LEAD, CHECKS_LEAD, 1)
            if str(node.get("title")) == TITLE:
                node["title"] = CHECKS_TITLE
    _point_at(nodes, question["id"], hoisted[0]["id"])
    yes["next"] = hoisted[-1]["next"]
    hoisted[-1]["next"] = question["id"]
    gone = {id(n) for n in hoisted}
    nodes[:] = [n for n in nodes if id(n) not in gone]
    at = nodes.index(question)
    nodes[at:at] = hoisted


def _named_for_case(nodes: list[dict[str, Any]], start: str, article: Article) -> None:
    """The case's fix titled "Mitigation" beside the escalation: named by the one
    sub-heading its section gives ("### AWS EKS": "Mitigation: AWS EKS")."""
    by_id = {n["id"]: n for n in nodes}
    at = by_id.get(start)
    while at is not None and at["kind"] in ("input", "info"):
        at = by_id.get(str(at.get("next", "")))
    if at is None or at["kind"] != "outcome":
        return
    title = str(at.get("title", ""))
    section = str(at.get("source", {}).get("section", ""))
    if title != section:
        return  # named already
    parts = [p for p in article.parts_by_role("resolution") if p.name == section]
    if len(parts) == 1 and len(parts[0].children) == 1 and parts[0].children[0].name:
        at["title"] = f"{title}: {parts[0].children[0].name}"


def case_after_diagnosis(tree: dict[str, Any], article: Article) -> None:
    """A runbook's "Is this the case here?" question (not the symptom question): its
    Diagnosis checks shown before it, and "No" led to the no-documented-fix outcome."""
    nodes: list[dict[str, Any]] = tree["nodes"]
    for question in [n for n in nodes if n["kind"] == "question" and n["id"] != "symptom"]:
        choices = question.get("choices", [])
        nots = [c for c in choices if c.get("next") == NOT_THIS_ID]
        yes = next((c for c in choices if c.get("value") == "yes"), None)
        if not nots or yes is None or not str(question["id"]).endswith("-case"):
            continue
        _hoist_checks(nodes, question, yes)
        _named_for_case(nodes, str(yes["next"]), article)
        out_id = f"{question['id']}-no"
        if any(n["id"] == out_id for n in nodes):
            continue
        text = str(question.get("text", ""))
        said = text.split('"')[1] if text.count('"') >= 2 else str(question.get("title", ""))
        outcome = {
            "id": out_id,
            "kind": "outcome",
            "title": NO_FIX_LABEL,
            "text": NO_CASE_LEAD,
            "source": question["source"],
            "steps": [
                {
                    "text": ESCALATE.format(case=said.rstrip(".") + "."),
                    "source": question["source"],
                }
            ],
        }
        for choice in nots:
            choice["next"] = out_id
        at = next((i for i, n in enumerate(nodes) if n["id"] == NOT_THIS_ID), len(nodes))
        nodes.insert(at, outcome)
