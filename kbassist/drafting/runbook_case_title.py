"""A runbook fix whose steps differ by case is not titled by one case's step (round 22).

Readers (62:28) marked KubeHpaMaxedOut's outcome "Mitigation: Set proper values for
requests" reached by every answer of "Which of these applies here?" (basic metrics,
memory based scaling, custom metrics, "None of these"), though that step is ticked for
the first case only. Such an outcome (and the answer naming it) keeps its section's
name and says its steps go by the answer: "Mitigation (steps differ by case)".
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.run_order import reaches

#: A step's condition on one answer: `if_2 == "case_1"`.
_WHEN_RE = re.compile(r'^\s*(?P<var>\w+)\s*==\s*"(?P<value>[^"]*)"\s*$')
#: A title "Mitigation: X": the section's name, then the step it was named by.
_HEAD_RE = re.compile(r"^(?P<head>[^:]{2,40}): (?P<rest>.+)$")
SUFFIX = " (steps differ by case)"


def _core(text: str) -> str:
    return " ".join(text.split()).rstrip(" .:").casefold()


def case_titles(tree: dict[str, Any]) -> None:
    """Retitle an outcome named by its first step when that step holds for one answer
    only and other answers of the same question reach the outcome too."""
    nodes: list[dict[str, Any]] = tree["nodes"]
    for outcome in [n for n in nodes if n["kind"] == "outcome" and n.get("steps")]:
        title = str(outcome.get("title", ""))
        found = _HEAD_RE.match(title)
        first = outcome["steps"][0]
        cond = _WHEN_RE.match(str(first.get("when", "")))
        if found is None or cond is None or not found.group("rest").strip():
            continue
        rest = _core(found.group("rest"))
        if not _core(str(first.get("text", ""))).startswith(rest[:60]):
            continue  # titled by something else than this step
        other = [
            c
            for q in nodes
            if q["kind"] == "question" and q.get("var") == cond.group("var")
            for c in q.get("choices", [])
            if c.get("next") == outcome["id"] and c.get("value") != cond.group("value")
        ]
        if not other:
            continue
        outcome["title"] = f"{found.group('head')}{SUFFIX}"
        for question in nodes:  # the fixes question's answer named the same way
            for choice in question.get("choices", []):
                if choice.get("label") == title and reaches(
                    {n["id"]: n for n in nodes}, choice["next"], outcome["id"]
                ):
                    choice["label"] = outcome["title"]
