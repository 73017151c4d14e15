"""A by-design statement is what the outcome says, not a step's detail (issue 13).

"This is by design. If the range does not cover the subnet, you cannot add ... You can,
however, extend the range ...": once the offers are the steps (steps.split_run_on), the
statements before them are shown under the first step; when they open with "This is by
design" or "This behavior is expected" they say what the outcome is, so they become the
outcome's text (the option's lead) when it has none of its own.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, with_detail

_BY_DESIGN_RE = re.compile(
    r"^(?:this|the|that)\s+(?:behavior\s+|behaviour\s+|issue\s+)?is\s+(?:by design|expected)\b",
    re.IGNORECASE,
)


def by_design_lead(option: Option) -> None:
    """Move the first step's leading by-design paragraph into the outcome's text."""
    if option.lead.strip() or not option.items:
        return
    text, detail = split_detail(option.items[0])
    first, _, rest = detail.partition("\n\n")
    if not _BY_DESIGN_RE.match(first.strip()) or "\n" in first.strip():
        return
    option.lead = first.strip()
    option.items[0] = with_detail(text, rest.strip()) if rest.strip() else text
