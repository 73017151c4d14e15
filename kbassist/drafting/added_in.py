"""A RESOLUTION that names the release a missing feature came in: an upgrade to do.

"This functionality has been added on the Windows 2000 Server with Terminal Services
and the RDP 5.0 client and Advanced Client." is the whole RESOLUTION of an article whose
symptom is a feature the old release lacks. Told to the user as information, the walk
gave no action, though the article's answer is to move to that release (round 34,
seed 94, Q192523). Read by its kind: the feature / functionality / support / capability
"has been added (on|in|to) <a named release>" or "is available in <a named release>"
becomes "Upgrade to <release>." (said_as.as_action, so the label follows the step).
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_detail

#: "This functionality has been added on the Windows 2000 Server ...", "This feature is
#: available in Microsoft Access 2000.", "Support for X was added in Service Pack 2."
_ADDED_RE = re.compile(
    r"^(?:this|the|that|such|support\s+for)\s+(?:[\w-]{1,30}\s+){0,4}?"
    r"(?:functionality|feature|features|capability|capabilities|support|option|ability"
    r"|command|setting|property|method|function)\s+"
    r"(?:has|have|was|were|is|are)\s+(?:been\s+)?(?:now\s+)?"
    r"(?:added|included|introduced|implemented|provided|available|supported)\s+"
    r"(?:on|in|to|with|starting\s+with|beginning\s+with)\s+"
    r"(?P<what>(?:the\s+)?(?-i:[A-Z])[^;:]{3,160}?)\.?$",
    re.IGNORECASE,
)
#: A release the admin can move to: a number or a service pack / version word in it.
_RELEASE_RE = re.compile(r"\d|\b(?:service pack|version|release)\b", re.IGNORECASE)
#: "in a future release", "in later versions": no release to name.
_UNNAMED_RE = re.compile(r"\b(?:future|next|later|upcoming)\b", re.IGNORECASE)


def added_in(item: str) -> str:
    """ "Upgrade to <release>." when `item` (a lone statement) says a feature was added in
    a named release ("This functionality has been added on the Windows 2000 Server ...");
    "" for any other text."""
    text = split_detail(item)[0]
    flat = " ".join(text.split())
    if len(flat) > 300:
        return ""
    found = _ADDED_RE.match(flat)
    if found is None:
        return ""
    what = found.group("what").strip().rstrip(".")
    if not _RELEASE_RE.search(what) or _UNNAMED_RE.search(what):
        return ""
    return f"Upgrade to {what}."
