"""The goal a MORE INFORMATION procedure's lead names when it puts the goal after the
steps (issue 13, archive; round 28).

A fix said in prose in RESOLUTION or WORKAROUND ("change any duplicate file names before
you use the Copy Web command", "Call WriteFmtUserTypeStg in the Serialize method") often
has its how-to under MORE INFORMATION led by "Use the following steps to change the file
name of a page in FrontPage Explorer:" or a sub-heading "Steps to Add a Call to
WriteFmtUserTypeStg", not "To X:". `more_steps` matched only "To X:" / "How to X" leads,
so such a procedure was never found to carry the fix out and the walk ticked the one-line
summary. Here those leads give their goal too; what the goal must share with the fix, and
that a goal which reproduces or shows the problem is no fix, stay `more_steps`' rules.
"""

from __future__ import annotations

import re

#: "Use the following steps to change the file name of a page:", "Follow these steps to
#: X.", "Perform the following procedure to X", "Steps to Add a Call to X", "Steps for
#: Adding the QSERVER Mode", "The following steps show how to X:".
_AFTER_STEPS_RE = re.compile(
    r"^(?:(?:you can )?(?:use|follow|perform|complete|do) (?:the following|these|the)"
    r"(?: [a-z]+){0,2}? (?:steps|procedure|instructions)(?: below)? to"
    r"|the following (?:steps|procedure|instructions) (?:show|describe|detail|outline|explain)s?"
    r" how to"
    r"|steps? (?:to|for))"
    r" (?P<goal>[a-z][^:]{3,160}?)\s{0,20}[:.]?\s{0,20}$",
    re.IGNORECASE,
)


#: A goal that shows the problem: "create a user control, which exposes the problem".
_SHOWS_RE = re.compile(
    r"\b(?:expose|show|demonstrate|reproduce|cause|illustrate)s?\b[^.]{0,40}?"
    r"\b(?:problem|behaviou?r|error|bug|issue)\b",
    re.IGNORECASE,
)


def said_goal(lead: str) -> str:
    """The goal of a lead that names it after its steps ("" when it names none)."""
    if len(lead) > 240:
        return ""
    found = _AFTER_STEPS_RE.match(lead.strip())
    if found is None or _SHOWS_RE.search(found.group("goal")):
        return ""  # "how to create a user control, which exposes the problem"
    return found.group("goal")
