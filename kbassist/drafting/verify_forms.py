"""A verify checks every form of the symptom, not only the first (drafting round 24).

Readers mark "Verify checks only the Setup hang" over a symptom in two sentences: "HP
NetServer computers ... stop responding (hang) during SCSI detection in Windows NT Setup.
Even if Setup completes successfully, Windows NT may hang during the boot process." The
second sentence is a second form of the same problem (a hang later on), said with a
connective that adds it ("Even if ...,", "Also,", "In addition,"); the walk asks no choice
between them, so the check that turns the first sentence round also turns the second:
"Check that X no longer hangs during Setup, and that Windows NT no longer hangs during the
boot process." A sentence that only sets the scene or explains, or that turns into no
state, adds nothing and the check stays as it was.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_sentences

#: A sentence that adds a second form of the problem: "Even if Setup completes, X may
#: hang", "Also, X fails", "In addition, X is lost"; the lead (up to its comma) is dropped.
_ADDS_RE = re.compile(
    r"^(?:(?:even|also) (?:if|when|after|though)\b[^,]{1,160},"
    r"|(?:also|in addition|additionally|furthermore|moreover),)\s*(?=[A-Za-z])",
    re.IGNORECASE,
)
#: A sentence that tells what is missing rather than a form to see gone ("no error messages
#: occur", "only one of the COM ports is displayed"): turned round it reads wrong.
_NOT_FORM_RE = re.compile(r"(?:no|not|none|nothing|only|neither|few)\b", re.IGNORECASE)
#: The longest check with both forms said.
MAX_BOTH = 320


def also_forms(check: str, symptom: str) -> str:
    """`check` (the first symptom sentence turned round, "Check that X no longer ...")
    with the next sentence's form added when that sentence adds one ("Even if ..., Y may
    hang" -> ", and that Y no longer hangs"); `check` unchanged otherwise."""
    from kbassist.drafting.verify import states_problem
    from kbassist.drafting.verify_form import expected_state

    if not check.startswith("Check that ") or not check.endswith("."):
        return check
    sentences = split_sentences(" ".join(symptom.split()))
    if len(sentences) < 2:
        return check
    lead = _ADDS_RE.match(sentences[1])
    if lead is None:
        return check
    said = sentences[1][lead.end() :].rstrip(" .")
    if not said or _NOT_FORM_RE.match(said) or not states_problem(said):
        return check
    state = expected_state(said[:1].upper() + said[1:])
    if not state or state.casefold() in check.casefold():
        return check
    both = f"{check[:-1]}, and that {state}."
    return both if len(both) <= MAX_BOTH else check
