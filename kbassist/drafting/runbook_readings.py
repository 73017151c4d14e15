"""A Diagnosis bullet that reads a check's result is its note, not a check (runbook34).

Readers (seed 90) marked ACMMetricsCollectorFederationError's Diagnosis, whose bullets
under "Look for repeated HTTP 401/403 or 5xx errors" say what each error means
("`i/o timeout` errors indicate a network problem", "401 or 403 errors indicate an RBAC
problem"): the drafter numbered each as a check to run. Such a bullet asks nothing; it
tells the admin how to read the check before it. A Diagnosis item that states what a
finding indicates or means, shows no listing and is no action, joins the check before it.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_detail, with_detail

#: "X errors indicate Y", "A value above 80% means Y", "... suggests a disk problem":
#: the reading of a finding (a verb of meaning after a short subject).
_READING_RE = re.compile(
    r"^[^.;:]{1,160}?\b(?:indicates?|means|suggests?|signals|signify|signifies|"
    r"points? to|mean(?!\s(?:value|time|latency|rate|of|number)\b))\b",
    re.IGNORECASE,
)
#: ... but a text that asks for something is a check ("Check whether X indicates Y",
#: "Look for errors that indicate ...", "If you see X, check ...", "Verify ...").
_ASKS_RE = re.compile(
    r"^(?:check|look|verify|run|inspect|review|find|see|confirm|ensure|make sure|search|"
    r"identify|determine|use|open|get|list|watch|compare|query|examine|describe|if|when)\b"
    r"|\b(?:you (?:should|can|must|need to)|check|run|verify)\b",
    re.IGNORECASE,
)


def reading(text: str) -> bool:
    """Whether a Diagnosis item's text only reads a finding ("X indicates Y")."""
    return _READING_RE.match(text) is not None and _ASKS_RE.search(text) is None


def readings_noted(items: list[str]) -> list[str]:
    """The Diagnosis checks with each bullet that says what a finding indicates shown
    under the check before it; the first check always stays a check."""
    out: list[str] = []
    for item in items:
        text, detail = split_detail(item)
        # one with a listing ("Headroom < 5% indicates pressure:" over its query) is a
        # check that shows how to read it: a check still
        if out and reading(text) and not detail.strip() and not text.rstrip().endswith(":"):
            out[-1] = with_detail(out[-1], text)
            continue
        out.append(item)
    return out
