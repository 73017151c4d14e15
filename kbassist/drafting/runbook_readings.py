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


#: A Markdown sub-heading line, its number and emphasis left out.
_HEADING_RE = re.compile(r"^#{3,6}[ \t]+(?:\d{1,3}\.[ \t]+)?(?P<name>[^\n]{1,300})$", re.MULTILINE)


def headings_merged(items: list[str], headings: set[str]) -> list[str]:
    """The Diagnosis checks with a bare sub-heading ("Verify the ClusterRoleBinding for
    the collector", no listing of its own) joined by the item after it ("Verify this
    binding is correct."), shown as that check's detail: one check, not two numbered."""
    out: list[str] = []
    skip = False
    for n, item in enumerate(items):
        if skip:
            skip = False
            continue
        text, detail = split_detail(item)
        following = items[n + 1] if n + 1 < len(items) else ""
        after, after_detail = split_detail(following)
        if (
            text.strip() in headings
            and not detail.strip()
            and after
            and after.strip() not in headings
            and not _COMMAND_RE.search(after_detail)
        ):
            out.append(with_detail(text, f"{after}\n\n{after_detail}".strip()))
            skip = True
            continue
        out.append(item)
    return out


#: A line of a listing that runs a command: a prompt, or a command-line tool.
_COMMAND_RE = re.compile(r"^\s{0,8}(?:[$#]\s|(?:oc|kubectl|curl|journalctl|systemctl)\s)", re.M)


def diagnosis_headings(texts: list[str]) -> set[str]:
    """The sub-headings of the Diagnosis sections' texts, as a Diagnosis item says them."""
    return {
        m.group("name").strip().strip("*`").strip()
        for text in texts
        for m in _HEADING_RE.finditer(text)
    }
