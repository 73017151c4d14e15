"""The finding the admin chose is not asked again, nor said again as a lead-in tick.

A runbook Mitigation of "If the node is unreachable: ...", "If the node cannot be
recovered: ..." items is asked "What did you find?", one answer per case. The outcome of
"The node cannot be recovered" then asked "Does this apply: the node cannot be
recovered?" (both answers going on to the same outcome) and ticked "If the node cannot be
recovered:" as a step. Once the case is chosen it holds: its steps run without asking,
and its "If X:" lead is no tick ("If OOMKilled: Increase memory limits" is "Increase
memory limits").
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.deciding_questions import skip_node
from kbassist.drafting.run_order import _reaches

#: "If the node is unreachable: Verify network connectivity": the case, then the step.
_IF_LEAD_RE = re.compile(r"^if (?P<case>[^:]{3,120}):\s*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
#: "Does this apply: the node cannot be recovered?": a case question's title.
_APPLY_RE = re.compile(r"^does this apply: (?P<case>.+?)\??$", re.IGNORECASE)


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s-]", " ", text.casefold()).split())


def _same_case(case: str, chosen: str) -> bool:
    """Whether a step's or question's case is the finding chosen ("the node is
    unreachable" / "The node is unreachable"; "node-related" / "Node-related")."""
    a, b = _key(case), _key(chosen)
    return bool(a) and a == b


def _chosen(nodes: list[dict[str, Any]]) -> dict[str, str]:
    """Outcome id -> the answer label that leads to it, for outcomes titled by it."""
    titles = {n["id"]: str(n.get("title", "")) for n in nodes if n["kind"] == "outcome"}
    out: dict[str, str] = {}
    for node in nodes:
        if node["kind"] != "question":
            continue
        for choice in node.get("choices", []):
            label = str(choice.get("label", ""))
            for reached in _reaches(nodes, str(choice["next"])):
                if _same_case(label, titles[reached["id"]]):
                    out[reached["id"]] = titles[reached["id"]]
    return out


def _drop_question(nodes: list[dict[str, Any]], outcome: dict[str, Any], case: str) -> None:
    """Take out the outcome's "Does this apply: <case>?" question: its "yes" steps run,
    its "no" steps go (only for plain `if_N == "yes"` / `"no"` conditions)."""
    prefix = f"{outcome['id']}-if_"
    for question in [n for n in nodes if n["kind"] == "question" and n["id"].startswith(prefix)]:
        var = question.get("var")
        if not var:
            continue
        yes = {f'{var} == "yes"', f"{var} == 'yes'"}
        no = {f'{var} == "no"', f"{var} == 'no'"}
        users = [s for n in nodes for s in n.get("steps", []) if var in str(s.get("when", ""))]
        # the case asked: "Does this apply: X?", or the "If X:" lead of its "yes" steps
        # ("Is the issue system-wide?" over "If the issue is system-wide:")
        found = _APPLY_RE.match(str(question.get("title", "")))
        lead = next((_IF_LEAD_RE.match(str(s["text"])) for s in users if s["when"] in yes), None)
        if not any(m and _same_case(m.group("case"), case) for m in (found, lead)):
            continue
        if any(str(s["when"]) not in yes | no for s in users):
            continue
        nexts = {c["next"] for c in question.get("choices", [])}
        if len(nexts) != 1:
            continue
        after = next(iter(nexts))
        for step in users:
            if str(step["when"]) in yes:
                del step["when"]
        outcome["steps"] = [s for s in outcome["steps"] if str(s.get("when", "")) not in no]
        skip_node(nodes, question, after)


def chosen_case_not_asked(tree: dict[str, Any]) -> None:
    """In an outcome the admin reached by choosing finding X, drop the "Does this apply:
    X?" question and say its "If X: do Y" steps as "Do Y" (a bare "If X:" lead goes)."""
    nodes: list[dict[str, Any]] = tree["nodes"]
    for outcome_id, case in _chosen(nodes).items():
        outcome = next(n for n in nodes if n["id"] == outcome_id)
        _drop_question(nodes, outcome, case)
        kept = []
        for step in outcome.get("steps", []):
            found = _IF_LEAD_RE.match(str(step["text"]))
            if found and _same_case(found.group("case"), case) and "when" not in step:
                rest = found.group("rest").strip()
                if not rest and not step.get("detail"):
                    continue  # only the lead: the steps under it are their own ticks
                if rest:
                    step["text"] = rest[:1].upper() + rest[1:]
            kept.append(step)
        outcome["steps"] = kept
