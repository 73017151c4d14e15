"""A runbook's vague alert condition checked against the alert's own threshold (round 11).

Readers mark "Check that the condition the alert fires on no longer holds: Network
interface is reporting many transmit errors" (or "... latency is XX seconds on node")
as a restated symptom: "many" and "XX" name no value the admin can compare. The alert
rule holds that value: its expression and the threshold it is compared with. So for a
condition that gives no number the check says to run the alert's expression and see it
back under that threshold, with the runbook's words kept as what it measures.
"""

from __future__ import annotations

import re

#: A condition that names no value to compare: "many", "high", "XX seconds", "often".
_VAGUE_RE = re.compile(
    r"\b(?:many|much|high(?:er)?|large|often|frequent(?:ly)?|excessive(?:ly)?|alarmingly"
    r"|elevated|significant(?:ly)?|a lot of|too (?:many|much|high|slow|long)|slow(?:er)?"
    r"|spik\w*|sustained|XX|errors)\b",
    re.IGNORECASE,
)
#: A number the condition compares with: "3%", "15 minutes", "more than 10", "0.5".
_NUMBER_RE = re.compile(r"(?<![\w-])\d+(?:\.\d+)?\s*(?:%|ms|s|m|h|minutes?|seconds?|hours?)?\b")
#: The drafter's "the condition the alert fires on no longer holds: X." line.
_CONDITION_RE = re.compile(
    r"^Check that the condition the alert fires on no longer holds: (?P<cond>.+?)\.(?P<rest>.*)$"
)


def threshold_check(line: str, alert: str) -> str:
    """The condition line said as the alert's expression back under its threshold when
    the runbook's condition names no value ("many transmit errors", "XX seconds"); ""
    when it names one (kept as the runbook says it) or the line is not that line."""
    found = _CONDITION_RE.match(line)
    if found is None or not alert:
        return ""
    cond = found.group("cond")
    if not _VAGUE_RE.search(cond) or _NUMBER_RE.search(cond.replace("XX", "")):
        return ""
    return (
        f"Check that the value the {alert} alert measures is back under its threshold: "
        "open the alert rule (the console's Alerting page, Alerting rules), run its "
        "expression in Observe > Metrics (or the Prometheus UI) and check that the result "
        f'no longer crosses the threshold it is compared with (the runbook: "{cond}").'
        f"{found.group('rest')}"
    )
