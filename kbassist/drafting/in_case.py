"""A step for one case said "In case X, Y", asked like "If X, Y" (issue 13, round 30).

"In case you have other Domain Controller/DNS server present in the environment, then
configure the server ... to point to other active DNS server": the seed-76 reader found
it ticked for every site, a single-DC site too, because the case passes read "If" and
"When" only. Said as "If X, Y" the step is asked as its case, like any other.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_detail, with_detail

#: "In case you have ...", "In case that the ...", not "In case of a failure, ..." (a
#: noun, no clause to ask) nor "In case the problem persists" said mid-sentence.
_IN_CASE_RE = re.compile(
    r"^in\s+case\s+(?:that\s+)?(?=(?:you|your|the|a|an|there|it|this|these|some|any|more|"
    r"[A-Z])\b)",
    re.IGNORECASE,
)


def in_case_as_if(items: list[str]) -> list[str]:
    """Each step opening "In case X, ..." as "If X, ..." so the case is asked."""
    out = []
    for item in items:
        text, detail = split_detail(item)
        found = _IN_CASE_RE.match(text)
        if found and "," in text[found.end() : found.end() + 200]:
            text = "If " + text[found.end() :]
            item = with_detail(text, detail)
        out.append(item)
    return out
