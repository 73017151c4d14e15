"""A verify that names every case's message, not the first case's only (round 30, verify30).

Readers mark "In Microsoft Windows NT 4.0, check that the message "Property not found
#exCommMgr" no longer appears" on an article whose symptom gives one message per
system ("In Microsoft Windows NT 4.0, you may receive ...:", "In Microsoft Windows 98
or Microsoft Windows 95, you may receive ...:"): the admin on Windows 98 is told to
check a message they never saw. When the symptom leads several messages by their case
and the walk asks none of them, the verify names each case with its message.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

#: "In Microsoft Windows NT 4.0, you may receive the following error message:" over the
#: message in its own paragraph (bounded: linear).
_CASE_LEAD_RE = re.compile(
    r"^(?:In|On|With|For|Under|When (?:using|running))\s(?P<case>[^,:]{3,80}),\s"
    r"(?:you|users?)\s(?:may\s|might\s|will\s|can\s)?(?:receive|get|see)\s"
    r"(?:the following|this|an?|one of the following)\s(?:[\w-]{1,20}\s){0,2}?"
    r"(?:error\s)?messages?\b[^:]{0,60}:?$",
    re.IGNORECASE,
)
#: The verify the sentence reader makes of the first case's message alone: "In X, check
#: that the message "M" no longer appears.", "Run X again: check that this now works and
#: the message "M" no longer appears." (bounded: linear).
_ONE_CASE_RE = re.compile(
    r'^(?:In (?P<case>[^,]{3,80}), c|(?P<pre>[A-Z][^"]{0,200}?)c)heck that (?P<mid>[^"]{0,80}?)'
    r'the message "(?P<m>[^"]{2,200})" no longer appears\.$'
)
#: The longest message said in the check (its first line), and the longest check.
MAX_MESSAGE = 100
MAX_CHECK = 400


def case_messages(section: str) -> list[tuple[str, str]]:
    """(case, the message's first line) for each paragraph of `section` that leads a
    message by its case, the message being the next paragraph."""
    paras = [p for p in re.split(r"\n[ \t]*\n", section[:20000]) if p.strip()]
    found: list[tuple[str, str]] = []
    for lead, message in pairwise(paras):
        said = _CASE_LEAD_RE.match(" ".join(lead.split()))
        if said is None:
            continue
        first = " ".join(message.split())
        if len(first) > MAX_MESSAGE or not first[:1].isalnum():
            continue
        found.append((said.group("case"), first.rstrip(".")))
    return found


def every_case_verify(verify: str, section: str) -> str:
    """The verify of the first case's message made one of every case's ("Check that the
    error message no longer appears: in X, "M1"; in Y, "M2"."); `verify` unchanged when it
    is no such check or the symptom leads fewer than two messages by their case."""
    one = _ONE_CASE_RE.match(verify)
    if one is None:
        return verify
    cases = case_messages(section)
    if len(cases) < 2 or _plain(cases[0][1]) != _plain(one.group("m")):
        return verify
    said = "; ".join(f'in {case}, "{message}"' for case, message in cases)
    pre = one.group("pre") or "C"
    mid = one.group("mid")
    check = f"{pre}heck that {mid}the error message for your system no longer appears: {said}."
    return check if len(check) <= MAX_CHECK else verify


def _plain(message: str) -> str:
    """A message compared as words: "Property not found #exCommMgr" either way it is cut."""
    return " ".join(message.casefold().rstrip(". ").split())


def every_case_verifies(tree: dict[str, Any], section: str) -> None:
    """Every outcome's verify of the first case's message made one of every case's (see
    every_case_verify); the passes that quote the message redone run before this one."""
    for node in tree.get("nodes", []):
        if node.get("kind") != "outcome":
            continue
        for entry in node.get("verify") or []:
            text = entry.get("text")
            if isinstance(text, str) and '" no longer appears.' in text:
                entry["text"] = every_case_verify(text, section)
