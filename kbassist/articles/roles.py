"""Section roles: what a heading is for, so "symptom" means the same in every article.

Q98097 says SUMMARY, a runbook says Meaning, a support article says Symptoms: search
fields and drafting ask for a role, not a heading. `ROLES` is a table of (pattern,
role, workaround) tried in order; `add_role` puts a team's own headings first.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: The roles, in the order a reader meets them.
ROLE_NAMES = (
    "summary",
    "symptom",
    "impact",
    "cause",
    "diagnosis",
    "resolution",
    "status",
    "more-information",
    "references",
    "applies-to",
)

_N = r"(?:\s*(?:\d+|[ivx]+|[a-z]))?"  # "Cause 1", "Method II", "Step a"

#: (regular expression over the lower-case heading, role, is a workaround).
#: A heading's leading numbering ("2.", "Step 3:") is stripped before matching, and a
#: pattern matches the start of the heading: "Cause 1: the disk is full" is a cause.
ROLES: list[tuple[re.Pattern[str], str, bool]] = [
    (re.compile(p), role, workaround)
    for p, role, workaround in [
        (r"(?:cause|causes)\s+and\s+(?:resolution|solution|fix)", "cause", False),
        (rf"(?:symptoms?|meaning|problem|issue|error){_N}(?:\b|$)", "symptom", False),
        (r"alert\s+description\b", "symptom", False),  # a runbook's Meaning by another name
        (r"(?:impact|business impact)\b", "impact", False),
        (rf"(?:causes?|root\s+cause|reason|typical causes){_N}(?:\b|$)", "cause", False),
        (
            r"(?:diagnos[ie]s|diagnostics?|troubleshoot(?:ing)?|verify|verification|check"
            r"|how to check|how to determine|data collection|investigat|cli checks)",
            "diagnosis",
            False,
        ),
        (rf"(?:workarounds?){_N}(?:\b|$)", "resolution", True),
        (
            rf"(?:resolutions?|solutions?|fix(?:es)?|mitigation|mitigating|method|steps to resolve"
            rf"|resolve|remediation|recovery|how to (?:fix|resolve)|recommended actions?)"
            rf"{_N}(?:\b|$)",
            "resolution",
            False,
        ),
        (r"status\b", "status", False),
        (r"(?:more|additional)\s+information\b", "more-information", False),
        (r"(?:references?|see also|related (?:articles|topics|links))\b", "references", False),
        (r"(?:this\s+)?(?:article\s+)?applies\s+to\b", "applies-to", False),
        (r"(?:summary|overview|description)\b", "summary", False),
    ]
]

_NUMBERING_RE = re.compile(r"^(?:\d+[.)]\s*|step\s+\d+\s*[:.-]\s*)", re.IGNORECASE)


def add_role(pattern: str, role: str, workaround: bool = False) -> None:
    """Teach the table a heading of your own (tried before the built-in ones)."""
    ROLES.insert(0, (re.compile(pattern.lower()), role, workaround))
    role_of.cache_clear()


@lru_cache(maxsize=4096)
def role_of(heading: str) -> tuple[str, bool]:
    """(role, workaround) of a heading; ("", False) when the table does not know it."""
    name = _NUMBERING_RE.sub("", " ".join(heading.lower().replace("_", " ").split()))
    name = name.strip(" *:#")
    for pattern, role, workaround in ROLES:
        if pattern.match(name):
            return role, workaround
    return "", False


_NUMBER_RE = re.compile(r"\b(\d+)\b")


def heading_number(heading: str) -> str:
    """ "Cause 2: ..." -> "2": how "Solution 2" finds its cause; "" if none."""
    match = _NUMBER_RE.search(heading)
    return match.group(1) if match else ""
