"""A step's text up to a line announcing program output (round 32).

An MS KB step that types a command often goes on to show what it prints: "ESEUTIL /ML
<LowLog_file>" + "The output is similar to the following:" + a listing of paths and
counters; "In most cases, the Debug command displays the following three lines ...:" +
`F000:FFF0 <2-byte HEX number> ...<date>`; "the following message will show:" + the
message. What follows such a lead is what the admin will
see, never a value to type: its paths and `<date>` are not asked (the command above it
is).
"""

from __future__ import annotations

import re

#: A line ending in a colon that announces output: "The output is similar to the
#: following:", "The results resemble the following:", "... displays the following three
#: lines for the Phoenix ROM BIOS (...):", "You see output like this:".
_OUTPUT_LEAD_RE = re.compile(
    r"\b(?:output|results?|response)\b[^.;:\x1f]{0,40}\b(?:similar\s+to|like|resembl\w*)\b"
    r"[^;:\x1f]{0,40}:[ \t]*(?=[\n\x1f]|\Z)"
    r"|\b(?:displays?|prints?|returns?|shows?)\s+the\s+following\b[^;:\x1f]{0,120}:[ \t]*"
    r"(?=[\n\x1f]|\Z)"
    # "If you do, the following message will show:", "you receive the following error
    # message:": a message quoted, its `<point size>` shown as the program fills it in
    r"|\bthe\s+following\s+(?:error\s+|warning\s+)?(?:messages?|prompt)\b[^;:\x1f]{0,60}:"
    r"[ \t]*(?=[\n\x1f]|\Z)"
    # "It looks similar to a BIOS settings screen (see facsimile below).": a screen drawn
    r"|\b(?:see\s+(?:the\s+)?(?:facsimile|screen\s?shot|illustration)\s+below)\b\)?\.?",
    re.IGNORECASE,
)


def before_output_listing(item: str) -> str:
    """The step up to (and with) the first line that announces program output; the whole
    step when none does."""
    low = item.casefold()
    if (
        "following" not in low
        and "similar" not in low
        and "like" not in low
        and "resembl" not in low
    ):
        return item  # no lead's words at all (the common case): no search
    match = _OUTPUT_LEAD_RE.search(item)
    if match is None:
        return item
    sep = item.find("\x1f")
    if (sep < 0 or match.end() <= sep) and ":" in item[: match.start()]:
        # a step whose text glued several leads ("Use the syntax", "you could enter:", "...
        # you receive the following error message:") over a detail of their listings in
        # turn: which listing the message is cannot be told, so none is cut
        return item
    return item[: match.end()]
