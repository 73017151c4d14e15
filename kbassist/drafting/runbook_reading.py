"""A runbook's reading of its alert is the cause; its bare condition is no cause.

A Meaning says what fires ("This alert fires when more than 5% of the REST calls ...
failed") and often how to read it ("This usually indicates the pods cannot connect to the
API server", "This means that etcd has not enough members to create quorum"). Drafts
showed the reading as the symptom and the condition as the cause (swapped), or the
reading in the symptom and the condition again as the cause; where the runbook says no
more than the condition, the cause node repeated the symptom instead of saying the
runbook gives none. Readers (seed 52) marked all three.
"""

from __future__ import annotations

import re

from kbassist.articles import Article, Section
from kbassist.drafting.modern import _STRONG_CAUSE_RE
from kbassist.drafting.runbook_cause import _CONDITION_RE, is_alert_runbook
from kbassist.drafting.text import split_sentences

#: "This usually indicates X", "This means that X", "Typically, this indicates X", "It
#: often means X": how to read what fired, leaning on the sentence before.
_READING_RE = re.compile(
    r"^(?:(?:usually|typically|often|generally|commonly),?\s+)?(?:this|that|it)\s+"
    r"(?:(?:alert|condition|error|state)\s+)?"
    r"(?:(?:usually|typically|often|generally|commonly|most likely|likely)\s+)?"
    r"(?:indicates?|means?|suggests?|implies|signals?)\b",
    re.IGNORECASE,
)
#: ... but not one that restates when the alert fires ("This means the alert will fire
#: if the percentage ... is more than 20%"): that is still the condition.
_STILL_CONDITION_RE = re.compile(r"\b(?:fires?|fired|firing|triggers?|triggered)\b", re.I)


#: Words that say why within a sentence the symptom shows ("... means readiness probe
#: fails", "the pool is paused, preventing deployment ...", "triggered during an
#: upgrade"): a cause to keep even though the symptom says it.
_SAYS_WHY_RE = re.compile(
    r"\bmeans\b(?! that)|\b(?:because|since|as a result|caused|due|prevent\w*)\b"
    r"|\b(?:triggered|fires?|occurs?|happens?) during\b",
    re.IGNORECASE,
)


#: A reading hedged as the usual cause ("Typically, this indicates a misconfiguration"),
#: wherever it stands; an unhedged one far from the condition may be a consequence ("This
#: means that at the end of the next 30 days there won't be any error budget left").
_HEDGED_RE = re.compile(r"\b(?:usually|typically|often|commonly|most likely|likely)\b", re.I)


#: "One threshold that can trigger this warning condition is X", "X can cause this alert"
#: (not "For example, this alert might trigger when ...", nor what the alert leads to).
_TRIGGERS_RE = re.compile(
    r"^(?!for example|e\.g\.)(?=.*\b(?:can|may|could|will) (?:also )?(?:trigger|cause) "
    r"(?:this|the) (?:\w+ ){0,2}(?:alert|condition|warning)\b)",
    re.IGNORECASE,
)


def _reading(sentence: str) -> bool:
    """Whether `sentence` reads the alert ("This usually indicates ...")."""
    return bool(_READING_RE.match(sentence)) and not _STILL_CONDITION_RE.search(sentence)


def _shown_in(sentence: str, text: str) -> bool:
    """Whether `text` has `sentence`, up to spacing and a final full stop."""
    core = " ".join(sentence.split()).rstrip(" .")
    return bool(core) and core in " ".join(text.split())


def reading_is_cause(
    article: Article, symptom: str, cause: str, section: Section | None
) -> tuple[str, str, Section | None]:
    """(symptom, cause, cause section) of an alert runbook with its reading of the alert
    as the cause and the condition as the symptom; a cause that only repeats the
    symptom's condition is "" (the draft then says the runbook gives no cause). Any other
    article: as given."""
    if not is_alert_runbook(article) or not symptom:
        return symptom, cause, section
    said = split_sentences(symptom)
    readings = [s for s in said if _reading(s)]
    seen = [s for s in said if s not in readings]
    cause_said = split_sentences(cause) if cause else []
    if readings and not seen:
        # the condition went to the cause and only the reading was left to show
        condition = [s for s in cause_said if _CONDITION_RE.search(s) and not _reading(s)]
        if not condition:
            return symptom, cause, section
        seen = condition[:1]
    elif readings:
        at = said.index(readings[0])
        right_after = at == 1 or _CONDITION_RE.search(said[at - 1])
        if at == 0 or not (right_after or _HEDGED_RE.search(readings[0])):
            readings = []  # it reads no condition said right before it: left as it is
    if not readings:
        repeated = bool(cause_said) and all(_shown_in(s, symptom) for s in cause_said)
        if repeated and not (_STRONG_CAUSE_RE.search(cause) or _SAYS_WHY_RE.search(cause)):
            # only the condition again: the Meaning's "what can trigger it" sentence if it
            # has one, else the runbook gives no cause
            why = [s for s in said if _TRIGGERS_RE.search(s) and not _shown_in(s, cause)]
            meaning = next((s for s in article.sections if s.key == "meaning"), section)
            if not why:
                return symptom, "", None
            return " ".join(s for s in said if s != why[0]), why[0], meaning
        return symptom, cause, section
    shown = " ".join(seen)
    rest = [s for s in cause_said if not _shown_in(s, shown) and s not in readings]
    meaning = next((s for s in article.sections if s.key == "meaning"), section)
    return shown, " ".join([*readings, *rest]), meaning
