"""A runbook fix that says what it depends on is shown, and the step after it is ticked.

Readers marked runbook outcomes whose checklist ticked a statement: "The mitigation for
this alert depends on the issue causing the Kubelets to become unresponsive. You can
begin by checking for general networking issues ...", "The resolution depends on the
particular issue reported in the logs." A statement cannot be done. This pass, run on an
alert runbook's tree, shows the statement under the step and ticks what it asks: the
advice after it said as an instruction ("Begin by checking for general networking issues
..."), or, when nothing follows, "Resolve" what it depends on ("Resolve the particular
issue reported in the logs.").
"""

from __future__ import annotations

import re
from typing import Any

#: "The mitigation for this alert depends on X." and what follows it.
_DEPENDS_RE = re.compile(
    r"^(?P<said>(?:the )?(?:mitigation|resolution|fix|solution|steps you take to fix the issue)"
    r"(?: for this alert)? (?:depends|will depend) on (?P<what>[^.]{3,160})\.)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
#: "You can begin by checking ...": advice said to the reader, an instruction without it.
_YOU_CAN_RE = re.compile(
    r"^you (?:can|could|may|might|should)(?: also| first)? (?=[a-z])", re.IGNORECASE
)
#: What a fix can be said to resolve: "the issue causing ...", "what was found ...".
_RESOLVABLE_RE = re.compile(r"^(?:the|what) ", re.IGNORECASE)
#: "... the error reported by prometheus and there is no generic one": not one thing.
_NOT_ONE_RE = re.compile(r"\band there\b|\bno generic\b|\band why\b", re.IGNORECASE)


def _ticked(what: str, rest: str) -> str:
    """The instruction a "depends on" statement leads to; "" when there is none."""
    if rest:
        advice = _YOU_CAN_RE.sub("", rest, count=1)
        if advice == rest or not advice:
            return ""  # an instruction already (another pass ticks it) or not advice
        return advice[0].upper() + advice[1:]
    if not _RESOLVABLE_RE.match(what) or _NOT_ONE_RE.search(what):
        return ""
    return f"Resolve {what}."


def depends_shown(tree: dict[str, Any]) -> None:
    """Each outcome step that opens with "The mitigation depends on X." ticks the advice
    after it (or "Resolve X.") and shows the statement under it."""
    for outcome in [n for n in tree["nodes"] if n["kind"] == "outcome"]:
        for step in outcome.get("steps", []):
            found = _DEPENDS_RE.match(" ".join(str(step.get("text", "")).split()))
            if not found:
                continue
            rest = found.group("rest").strip()
            text = _ticked(found.group("what"), rest)
            if not text:
                continue
            said = found.group("said")
            step["text"] = text
            step["detail"] = f"{said}\n\n{step['detail']}" if step.get("detail") else said
