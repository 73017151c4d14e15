"""An alert runbook's symptom says what is seen, not the causes its Meaning lists.

A Meaning that goes on "This error is frequently caused by one of the following
problems: the API server is overloaded; the pod cannot reach the API server" had those
causes offered as "Which of these do you see?" symptom choices, each leading to the same
cause step. The list is the cause's (the cause step names it); the symptom stops before
it, and a sentence the cause step already shows is not repeated in it.
"""

from __future__ import annotations

from kbassist.articles import Article
from kbassist.drafting.runbook_cause import is_alert_runbook
from kbassist.drafting.symptoms import cause_lead
from kbassist.drafting.text import split_sentences


def symptom_without_causes(article: Article, symptom: str, cause: str) -> str:
    """`symptom` up to the sentence that leads to a list of causes, without the sentences
    `cause` shows; unchanged when nothing would be left or no such sentence is there."""
    if not is_alert_runbook(article):
        return symptom
    sentences = split_sentences(symptom)
    at = next((n for n, s in enumerate(sentences) if cause_lead(article, s)), None)
    if not at:
        return symptom  # none, or the symptom itself opens with the causes
    kept = sentences[:at]
    seen = [s for s in kept if s not in cause] or kept
    return " ".join(seen)
