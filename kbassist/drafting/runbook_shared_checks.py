"""The Diagnosis every answer runs, run once before the fix is chosen (round 32, runbook33).

Readers (seed 86) marked a runbook walk that chose the fix after only the first Diagnosis
check, then showed the rest of the Diagnosis, and asked the names it needs, again on every
answer's way: "Which fix do the Diagnosis checks point to?" came before the checks that
point to it. When every answer's way (answers that ask and show nothing, such as "None of
these helped", passed over) starts with the same names asked and the same checks shown,
that shared start is moved before the question, once; what differs stays on each way.
Names asked only after the last shared check stay where they are: they serve the fix.
"""

from __future__ import annotations

from typing import Any

from kbassist.drafting.run_order import _targets
from kbassist.drafting.runbook_checks import HOISTED_LEAD, LEAD
from kbassist.drafting.runbook_node_steps import hoist_shared


def straight_way(by_id: dict[str, dict[str, Any]], start: str) -> list[dict[str, Any]]:
    """The inputs and info steps on the straight way from `start` to the next question or
    outcome."""
    out: list[dict[str, Any]] = []
    at = by_id.get(start)
    while at is not None and at["kind"] in ("input", "info") and at not in out:
        out.append(at)
        at = by_id.get(str(at.get("next", "")))
    return out


def _sign(node: dict[str, Any]) -> tuple[str, ...]:
    """What a node asks or shows, whatever its id: alike on every way, or not. A checks
    step is its checks: the sentence that leads them ("Run these Diagnosis checks before
    the fix", "What it shows tells how to answer the next question") says only why."""
    if node.get("kind") == "info" and node.get("checks"):
        _lead, _, checks = str(node.get("text", "")).partition("\n\n")
        if checks:
            return ("info", "checks", checks)
    return tuple(str(node.get(key, "")) for key in ("kind", "var", "title", "text", "type", "help"))


def _shared(ways: list[list[dict[str, Any]]]) -> int:
    """How many leading steps every way shares, up to and with the last Diagnosis check
    among them (0 when they share no check)."""
    k = 0
    while all(len(w) > k for w in ways) and len({_sign(w[k]) for w in ways}) == 1:
        k += 1
    while k and not (ways[0][k - 1]["kind"] == "info" and ways[0][k - 1].get("checks")):
        k -= 1
    return k


def shared_checks_first(tree: dict[str, Any]) -> None:
    """Ask the names and show the Diagnosis checks that start every answer's way once,
    before the question (not a symptom question), so the checks come before the choice."""
    nodes: list[dict[str, Any]] = tree["nodes"]
    for question in [n for n in nodes if n["kind"] == "question" and n["id"] != "symptom"]:
        by_id = {n["id"]: n for n in nodes}
        choices = question.get("choices", [])
        asking = [(c, w) for c in choices if (w := straight_way(by_id, c["next"]))]
        if len(asking) < 2 or 2 * len(asking) < len(choices):
            continue  # most answers run nothing first: nothing shared to run
        if len({id(w[0]) for _, w in asking}) < len(asking):
            continue  # answers that meet on one way: it is asked once already
        ways = [w for _, w in asking]
        k = _shared(ways)
        if k == 0:
            continue
        refs: dict[str, int] = {}
        for node in nodes:
            for target in _targets(node):
                refs[target] = refs.get(target, 0) + 1
        if any(refs.get(n["id"], 0) != 1 for w in ways for n in w[:k]):
            continue  # a step some other way also reaches: left where it is
        prefix = f"{question['id']}-"
        hoisted = [
            dict(n, id=prefix + str(n["id"]).split("-", 1)[-1].removeprefix(prefix))
            for n in ways[0][:k]
        ]
        if len({h["id"] for h in hoisted}) < k or any(h["id"] in by_id for h in hoisted):
            continue
        for node in hoisted:
            if node["kind"] == "info":  # now before the choice: it tells which fix applies
                node["text"] = str(node.get("text", "")).replace(LEAD, HOISTED_LEAD, 1)
        hoist_shared(nodes, question, asking, hoisted)
