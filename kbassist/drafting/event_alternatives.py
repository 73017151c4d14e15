"""A modern symptom of alternatives verified as a whole, not by its first event (round 30).

Readers mark "Check that event 220 (...) is no longer logged" under every fix of an
article whose Symptoms list "The AD FS service does not start" and "The AD FS service
starts, but the following errors are logged: Event ID 220 ..., Event ID 352 ..., Event
ID 102 ...": the admin whose service did not start, or who saw event 352, checks nothing
they saw. When a modern symptom names two events or more, the verify names every one,
after the check that the thing which did not start starts.
"""

from __future__ import annotations

import re

from kbassist.drafting.message_block import starts_check
from kbassist.drafting.text import split_sentences

#: "Event ID: 220", "Event ID 4000", "event 4007" (bounded: linear).
_EVENT_ID_RE = re.compile(r"\bEvent(?:\s{1,3}ID)?\s{0,3}:?\s{0,3}(?P<id>\d{1,6})\b", re.I)
#: The most events named in the check.
MAX_EVENTS = 4


def events_verify(symptom: str, check: str) -> str:
    """ "Check that the X service starts, and that events 220, 352 and 102 are no longer
    logged." for a symptom that names two events or more where `check` (the symptom's
    own check) names one of them only; "" otherwise (a check of another kind stays)."""
    ids = list(dict.fromkeys(m.group("id") for m in _EVENT_ID_RE.finditer(symptom[:20000])))
    if not 2 <= len(ids) <= MAX_EVENTS:
        return ""
    if sum(bool(re.search(rf"\b{i}\b", check)) for i in ids) != 1:
        return ""  # "Check that DNS zones load": no one event said, kept
    named = f"{', '.join(ids[:-1])} and {ids[-1]}"
    first = next(iter(split_sentences(" ".join(symptom.split()[:200]).split("; ")[0])), "")
    starts = starts_check(first) if "start" in first else ""
    if starts:
        return f"{starts[:-1]}, and that events {named} are no longer logged."
    return f"Check that events {named} are no longer logged."
