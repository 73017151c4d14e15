"""Attribution lines that open a section ("Article idea submitted by: Ted Roche",
"Author: Microsoft Corporation", "By Kevin Hough"): who wrote or suggested the article,
never part of the symptom a walk asks the reader to confirm (symptom41)."""

from __future__ import annotations

import re

from kbassist.drafting.text import clean

#: The whole paragraph is a byline: a label, then a name of at most six words.
_BYLINE_RE = re.compile(
    r"^(?i:(?:article |tip )?(?:idea )?(?:submitted|contributed|suggested|provided|written)"
    r" by|author|by)\s*:?\s+[A-Z][\w.,'&-]*(?:\s+[A-Z&][\w.,'&-]*){0,5}\.?$"
)


def is_byline(text: str) -> bool:
    """Whether paragraph `text` only says who wrote or suggested the article."""
    line = clean(text)
    if len(line) > 80 or not _BYLINE_RE.match(line):
        return False
    # "By default ...", "By using ...": a sentence, not a name after "By"
    name = re.split(r"\s*:?\s+", line, maxsplit=1)[-1] if line.lower().startswith("by ") else ""
    return not re.match(r"(?:default|using|design|itself|now|then|the|a|an)\b", name, re.I)
