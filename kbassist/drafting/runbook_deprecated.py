"""A runbook that says only the RUNBOOK is deprecated, not the alert (round 32, oneof33).

"This alert runbook has been deprecated; since it is a duplicate of the SSPDown alert
runbook." retires the page, not the condition: the pods are still down when it fires. So
silencing the alert is no option the runbook gives; the sentence is shown with its fixes
and points to the runbook that replaces it. "This alert is deprecated. You can safely
ignore or silence it." still offers the silence.
"""

from __future__ import annotations

import re

#: "This alert runbook has been deprecated", "this runbook is deprecated": the page.
_RUNBOOK_DEPRECATED_RE = re.compile(
    r"\b(?:alert )?runbook (?:is|has been|was) deprecated\b", re.IGNORECASE
)
#: What says the alert itself may be dropped: "safely ignore or silence it", "does not
#: indicate a genuine issue", "this alert is deprecated".
_ALERT_RETIRED_RE = re.compile(
    r"\b(?:ignore|silence|not indicate a genuine|this alert (?:is|has been) deprecated)\b",
    re.IGNORECASE,
)


def runbook_only_deprecated(said: str) -> bool:
    """Whether a deprecation sentence retires only the runbook page (a duplicate, a moved
    page), not the alert: then no "silence or ignore the alert" option."""
    return bool(_RUNBOOK_DEPRECATED_RE.search(said)) and not _ALERT_RETIRED_RE.search(said)
