"""A symptom sentence with two results, or a scene before "but", turned into a check
(drafting round 11).

"When you use a USB camera ..., performance may be reduced or your computer may seem to
stop responding (hang)" and "After a clean installation of Windows NT, you may be able
to log on, but the shell may not start" were pasted whole as the verify ("Check that the
problem no longer occurs: ..."): the sentence reader turns one result after one trigger.
Here the sentence is cut where its grammar says: of the two sides of "but" the one that
says what goes wrong is the problem, and results joined by "or" are each turned round
and all checked.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_sentences
from kbassist.drafting.verify_form import expected_state, structured_check

#: "When you X, ...", "After a clean installation of Windows NT, ...": the trigger.
_TRIGGER_RE = re.compile(
    r"^(?P<trig>(?:when|whenever|if|after|while|once)\b[^,]{3,200}),\s+(?P<rest>.+)$", re.I
)
#: ", but the shell may not start": the problem after a scene that works.
_BUT_RE = re.compile(r",\s+but\s+(?!also\b|not\b)", re.I)
#: " or your computer may ...": a second result with its own subject.
_OR_RE = re.compile(r",?\s+or\s+(?=(?:the|your|a|an|it|you|some|all|this|these)\s)", re.I)
#: " and Windows will fail to start": a second result with its own subject and verb.
_AND_RE = re.compile(
    r",?\s+and\s+(?=(?:[A-Z][\w.-]*|(?:the|your|its|their)\s+[\w-]+)\s+(?:will|may|might"
    r"|can(?:not|'t)|does(?:n't| not)|do(?:n't| not)|is|are|fails?)\b)"
)
#: The longest check this gives.
MAX_CHECK = 300
#: The symptom's sentences read for one.
MAX_SENTENCES = 3


def _results(rest: str) -> list[str]:
    """The results of a sentence's main clause: the part after "but" (the problem),
    else its "or"-joined results; [] when none states a problem to turn."""
    from kbassist.drafting.verify import states_problem

    parts = _BUT_RE.split(rest)
    if len(parts) >= 2:
        # "X may hang, but you will still be able to move the mouse": the problem is
        # the part that says what goes wrong, before or after "but"
        wrong = [p for p in (parts[-1], parts[0]) if states_problem(p)]
        return wrong[:1]
    ors = _OR_RE.split(rest)
    if len(ors) >= 2:
        return ors
    # "you may see the following message and Windows will fail to start": of results
    # joined by "and", each with its own subject, the ones that say what goes wrong
    ands = _AND_RE.split(rest)
    wrong = [p for p in ands if states_problem(p) and expected_state(p.strip(" ,"))]
    return wrong if len(ands) >= 2 else []


def split_check(sentence: str) -> str:
    """The check of a sentence with a result after "but" or two results joined by "or";
    "" when it has neither or a part does not turn round."""
    said = " ".join(sentence.split()).rstrip(". ")
    trigger = _TRIGGER_RE.match(said)
    lead, rest = (trigger.group("trig"), trigger.group("rest")) if trigger else ("", said)
    if re.match(r"if\b(?!.*\byou\b)", lead, re.I):
        # "If this share is not available, ...": the cause the fix removes, no scene to
        # check in ("If you open X" is one)
        return ""
    results = _results(rest)
    if not results:
        return ""
    states = [expected_state(r.strip(" ,")) for r in results]
    if not all(states):
        return ""
    first = structured_check(f"{lead}, {results[0]}" if lead else results[0])
    if not first.endswith(f"{states[0]}.") or "check that" not in first.casefold():
        return ""
    check = first[: -len(states[0]) - 1] + " and ".join(states) + "."
    return check if len(check) <= MAX_CHECK else ""


#: The drafter's pasted symptom.
_PASTED_RE = re.compile(
    r"^Check that (?:the problem no longer occurs|this no longer happens): (?P<q>.+)$"
)


def pasted_split_check(verify: str, symptom: str) -> str:
    """A pasted-symptom verify said as a check from its quoted sentences (or the
    symptom's first ones): "" when none has a result after "but" or results joined by
    "or" that all turn round."""
    pasted = _PASTED_RE.match(verify)
    if pasted is None:
        return ""
    from kbassist.drafting.verify import bare_pronoun, states_problem

    for text in (pasted.group("q"), symptom):
        for sentence in split_sentences(" ".join(text.split()))[:MAX_SENTENCES]:
            if bare_pronoun(sentence):
                continue
            check = split_check(sentence)
            if check:
                return check
            # "When subtracting two DateTimes, the result is a floating point number. As
            # such, the displayed value may not be the exact value.": the first sentence
            # stays true after the fix; the consequence it leads to is the problem
            joined = _CONSEQUENCE_RE.match(sentence)
            if joined and states_problem(joined.group("rest")):
                check = structured_check(joined.group("rest"))
                if check.startswith("Check that "):
                    return check
    return ""


#: "As such, X", "As a result, X", "Therefore, X": a consequence of the sentence before.
_CONSEQUENCE_RE = re.compile(
    r"^(?:as such|as a result|as a consequence|consequently|therefore|because of this|thus"
    r"|hence),?\s+(?P<rest>[a-z].+)$",
    re.IGNORECASE,
)
