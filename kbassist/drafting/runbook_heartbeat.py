"""A heartbeat alert's problem is that it stopped firing (round 36, rbdiag36).

Seed 102's readers marked Watchdog: the walk asked "Does this match what you see?" over
Meaning's "This alert is always firing, therefore it should always be firing in
Alertmanager", the healthy state, while the runbook's Impact says what goes wrong: "If
not firing then it should alert external systems that this alerting system is no longer
working." A watchdog, dead man's switch or heartbeat alert (one `modern.always_firing`
reads) whose runbook says what happens when it is NOT firing has that as its symptom,
its cause without the always-firing condition, and a verify that it fires again. An
always-firing alert that says nothing of not firing (an inhibitor: "used to inhibit info
alerts") is left as it was.
"""

from __future__ import annotations

import re

from kbassist.articles import Article
from kbassist.drafting.modern import _ALWAYS_ON_RE, always_firing, block_plain
from kbassist.drafting.text import split_sentences

#: "If not firing then ...", "When this alert is not firing, ...", "if the alert stops
#: firing", "a notification when this alert is not firing": what the problem looks like.
_NOT_FIRING_RE = re.compile(
    r"\b(?:if|when|once)\s+(?:(?:this|the|that)\s+(?:\w+\s+)?alert\s+)?"
    r"(?:is\s+)?(?:not|no longer|stops?)\s+(?:firing|fir(?:e|es))\b",
    re.IGNORECASE,
)
#: Roles read for the not-firing sentence, in the order an admin meets them.
_ROLES = ("impact", "symptom", "summary", "resolution")
#: What the alert is for: "This is an alert meant to ensure that the entire alerting
#: pipeline is functional."
_PURPOSE_RE = re.compile(r"\b(?:meant|used|designed|intended) to (?:ensure|check|verify)\b", re.I)


def _sentences(article: Article, roles: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for role in roles:
        for part in article.parts_by_role(role):
            text = " ".join(" ".join(block_plain(b).split()) for b in part.blocks)
            out.extend(split_sentences(text))
    return out


def _missing(article: Article) -> tuple[str, str]:
    """(the sentence saying what happens when the alert does not fire, what the alert is
    for); ("", "") for any other alert."""
    if not always_firing(article):
        return "", ""
    said = next((s for s in _sentences(article, _ROLES) if _NOT_FIRING_RE.search(s)), "")
    if not said:
        return "", ""
    purpose = next((s for s in _sentences(article, ("symptom",)) if _PURPOSE_RE.search(s)), "")
    return said, purpose


def heartbeat_missing(article: Article) -> bool:
    """True for an always-firing alert whose runbook says what its not firing means."""
    return bool(_missing(article)[0])


def heartbeat_symptom(article: Article, symptom: str, cause: str) -> tuple[str, str]:
    """(symptom, cause): the alert not firing as the symptom, in the runbook's words, and
    the cause without the always-firing condition; as given for any other article."""
    said, purpose = _missing(article)
    if not said:
        return symptom, cause
    problem = f"The {article.id} alert is not firing, though it is meant to fire all the time."
    symptom = " ".join(p for p in (problem, purpose, said) if p)
    kept = [s for s in split_sentences(cause) if not _ALWAYS_ON_RE.search(s)]
    return symptom, " ".join(kept)


def heartbeat_verify(article: Article) -> str:
    """The verify of a heartbeat alert that stopped firing: it fires again and reaches
    its receiver; "" for any other article."""
    if not heartbeat_missing(article):
        return ""
    return (
        f"Check that {article.id} fires again: it shows as firing in Alertmanager and its "
        "receiver (the external system that watches for it) gets it again."
    )
