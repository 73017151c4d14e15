"""A runbook fix offered only where another is not possible is asked that way (round 22).

Readers (62:21) marked CephClusterReadOnly's "Which fix do the Diagnosis checks point
to?" over "Scale storage" and "Delete information" where the runbook says to delete
"If not is possible to scale up the cluster": the Diagnosis (used capacity) points to
neither; whether the other fix can be made decides. Such a pair is asked as "Can you
scale up the cluster here?", "Yes" leading to the preferred fix and "No" to the
fallback.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.run_order import DIAGNOSIS_CHOICE, _words

#: "If it is not possible to scale up the cluster, ...", "If not is possible to X",
#: "If you cannot X, ...", "If X is not possible, ...": the fix is the other one's fallback.
_FALLBACK_RE = re.compile(
    r"\bif (?:(?:it is |it's )?not (?:is )?possible to (?P<to>[^,.;:]{3,80}?)"
    r"|you (?:cannot|can't|are unable to) (?P<can>[^,.;:]{3,80}?))"
    r"(?=[,.;:]|\s+(?:it|you|we|then)\b|$)",
    re.IGNORECASE,
)
#: "If you cannot resolve the issue, open a support case": the escalation, no fallback.
_ESCALATION_RE = re.compile(r"^(?:resolve|fix|identify|find|determine)\b", re.IGNORECASE)


def _first_text(nodes: list[dict[str, Any]], target: str) -> str:
    """The first step of the outcome a choice leads to (straight, through inputs and
    info steps), or ""."""
    by_id = {n["id"]: n for n in nodes}
    at = by_id.get(target)
    seen: set[str] = set()
    while at is not None and at["kind"] in ("input", "info") and at["id"] not in seen:
        seen.add(at["id"])
        at = by_id.get(str(at.get("next", "")))
    if at is None or at["kind"] != "outcome" or not at.get("steps"):
        return ""
    return str(at["steps"][0].get("text", ""))


def fallback_asked(tree: dict[str, Any]) -> None:
    """Ask "Can you X here?" in place of the Diagnosis-decided question when one of its
    two fixes is for when X (the other fix) is not possible."""
    nodes: list[dict[str, Any]] = tree["nodes"]
    for question in nodes:
        if question["kind"] != "question" or question.get("title") != DIAGNOSIS_CHOICE:
            continue
        choices = question.get("choices", [])
        if len(choices) != 2:
            continue
        texts = [_first_text(nodes, c["next"]) for c in choices]
        for at, text in enumerate(texts):
            found = _FALLBACK_RE.search(text) if "possible" in text or "can" in text else None
            if found is None:
                continue
            other = choices[1 - at]
            what = " ".join((found.group("to") or found.group("can")).split())
            if _ESCALATION_RE.match(what):
                continue
            if not _words(what) & _words(f"{other['label']} {texts[1 - at]}"):
                continue  # not the other fix that is impossible
            fallback = choices[at]
            question["title"] = f"Can you {what} here?"
            question["text"] = (
                f'The article offers "{fallback["label"]}" only when it is not possible to '
                f'{what}; otherwise "{other["label"]}".'
            )
            question.pop("help", None)
            question["choices"] = [
                dict(other, label=f"Yes: {other['label']}"),
                dict(fallback, label=f"No: {fallback['label']}"),
            ]
            break
