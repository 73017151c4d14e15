"""Which lists under a symptom are its forms to choose from, and where they stand.

Seed-82 readers: the symptom question offered a scenario's preconditions ("The computer
is turned off and then restarted ...") and a procedure's steps ("Close the browser") as
forms of the symptom, and none of the five messages an article listed under "you receive
one or more of the following error messages:" in the section after its summary. Three
kinds, one test each:

- a scenario ("Consider the following scenario:", "This issue might occur in the
  following scenario:") lists conditions the question shows, never choices;
- a numbered step that leads ("1. Turn off the option as follows:") and a list of
  imperatives are a procedure, never forms of the symptom;
- a modern article with no Symptoms section whose first body section opens with the
  messages the reader receives offers those messages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kbassist.articles import Article, Section
from kbassist.drafting.text import clean, split_sentences, strip_marker

#: "Consider the following scenario:", "in the following scenario:", "when the following
#: conditions are true:": the scene the symptom happens in, not what is seen ("In this
#: scenario, you receive one of the following messages:" leads to what is seen).
_SCENARIO_RE = re.compile(
    r"\b(?:consider|in|under|with) (?:(?:either|any|one|both|each) of )?the following"
    r" (?:scenarios?|conditions?|configurations?|environments?)\b"
    r"|\bfollowing (?:(?:two|three|four) )?(?:situations?|circumstances|scenarios)\b"
    r"|\b(?:following|these) (?:conditions|things|statements) (?:are|is) true\b"
    r"|\bfollowing (?:scenario|conditions?) (?:applies|apply|exists?)\b",
    re.IGNORECASE,
)


#: "This problem can occur in either of the following situations:": alternatives, each a
#: case the admin may be in (asked as choices), never conditions that all hold ("until
#: one of the following two situations occurs" lists what ends it: no symptom at all).
_ALTERNATIVES_RE = re.compile(
    r"\b(?:in|under)\s{1,3}(?:either|any|one)\s{1,3}of\s{1,3}the\s{1,3}following\b", re.IGNORECASE
)


def scenario_lead(text: str) -> bool:
    """Whether a colon-ended lead introduces a scenario's conditions (see _SCENARIO_RE)."""
    said = text[-300:]
    return bool(_SCENARIO_RE.search(said)) and not _ALTERNATIVES_RE.search(said)


#: "When you use the drainstop parameter, you receive a message ...": a case and what is
#: seen in it, a form of the symptom though a "following conditions:" lead lists it.
_CASE_FORM_RE = re.compile(
    r"^(?i:if|when|whenever|after)\b[^,]{3,200},\s{1,4}(?:you|the|this|it|[A-Z][\w+-]{1,40})\s"
)


def scenario_items(lead: str, group: Sequence[str]) -> bool:
    """Whether `group`, listed under `lead`, is a scenario's conditions: the lead is a
    scenario lead and most items are no case with its outcome (see _CASE_FORM_RE)."""
    if not scenario_lead(lead):
        return False
    forms = sum(1 for g in group if _CASE_FORM_RE.match(clean(strip_marker(g))))
    return forms * 2 <= len(group)


#: "In Internet Explorer, on the Tools menu, click X": up to two place clauses before the
#: imperative a step opens with.
_PLACE_RE = re.compile(
    r"^(?:(?:in|on|under|from|at|within|for)\s[^,:;]{1,80},\s{1,4}){1,2}(?=[a-z])", re.IGNORECASE
)


#: A verb-led text that reports a failure: a message ("Access is denied", "Format failed").
_REPORTS_RE = re.compile(
    r"^\S+\s+(?:is|are|was|were|has|have)\b|\b(?:denied|failed|violation|cannot|could not"
    r"|unable|invalid|not found|run-?time)\b|\berror\s{0,3}(?:['\"#(:]|-?\d)"
    r"|^(?:if|when|whenever|after|once|while|unless|until)\b|^(?-i:[A-Z]{2,})\b|^[\w-]+:",
    re.IGNORECASE,
)


def step_text(text: str) -> bool:
    """A procedure step: an imperative, also after a place clause ("On the Advanced tab,
    click ..."), that reports no failure ("Access is denied" is a message)."""
    from kbassist.drafting.options import _is_action

    said = clean(strip_marker(text))
    if len(said.split()) < 3 or _REPORTS_RE.search(said[:300]):
        return False  # a button ("Retry"), a stop code ("STOP: 0x0A"), a case ("If X, Y")
    return _is_action(said) or _is_action(_PLACE_RE.sub("", said, count=1))


#: A lead to what is seen: "you see the following:", "the following message appears:".
_SEEN_RE = re.compile(
    r"\byou (?:will |should |may |might |can )?(?:see|receive|get|notice)\b"
    r"|\b(?:appears?|(?:is|are) (?:displayed|shown|returned|logged))\b",
    re.IGNORECASE,
)


def step_lead(text: str, numbered: bool) -> bool:
    """A numbered step that leads its sub-steps ("1. Turn off X as follows:"), not a lead
    into messages though it names one."""
    from kbassist.drafting.options import _is_action

    sentences = split_sentences(clean(strip_marker(text))) if numbered else []
    if not sentences or _SEEN_RE.search(sentences[-1]):
        # "2. Click the Details tab. In the bottom pane, you see the following:" leads to
        # what is seen; "1. Turn off the option as follows:" to its sub-steps
        return False
    return _is_action(sentences[0]) or _is_action(_PLACE_RE.sub("", sentences[-1], count=1))


def mostly_steps(group: Sequence[str]) -> bool:
    """Whether most of a group's items are procedure steps: a procedure, not messages
    (a lone prompt message in the imperative, "Insert disk 2", stays)."""
    steps = sum(1 for g in group if step_text(g))
    return len(group) >= 2 and steps * 2 > len(group)


#: "When you ..., you receive one or more of the following error messages:".
_RECEIVE_RE = re.compile(
    r"\byou (?:may |might |will |can |could )?(?:receive|see|get|encounter|experience|notice)"
    r"\b[^:.]{0,80}\bfollowing\b[^:.]{0,40}\b(?:errors?|messages?|exceptions?|events?)\b"
    r"[^:.]{0,80}:\s*$",
    re.IGNORECASE,
)


def receive_lead(text: str) -> bool:
    """Whether `text` ends by saying the reader receives the messages listed next."""
    return bool(_RECEIVE_RE.search(text[-300:]))


def first_body_section(article: Article, summary: Section) -> Section | None:
    """A modern article's first section after `summary` when the summary is where its
    symptom stands (no Symptoms section) and that section opens with a lead saying the
    reader receives the messages it lists ("## Verify timeout expired errors")."""
    if article.style == "mskb" or summary.key != "summary":
        return None
    sections = article.sections
    at = next((n for n, s in enumerate(sections) if s is summary), None)
    if at is None or at + 1 >= len(sections):
        return None
    body = sections[at + 1]
    if body.role in ("cause", "resolution", "workaround", "references", "more-information"):
        return None
    first = next((p for p in body.text.split("\n\n") if p.strip()), "")
    return body if receive_lead(clean(first)) else None


#: "Other symptoms include, but aren't limited to, the following:": the list adds to the
#: symptom the section opened with, which is a form too.
_OTHER_SYMPTOMS_RE = re.compile(
    r"^(?:other|additional|more) (?:symptoms|signs|errors|issues|problems)\b[^:\n]{0,80}:\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def opening_form(section_text: str) -> str:
    """The section's opening sentence when a later "Other symptoms include ...:" lead lists
    more: what the reader sees first, offered beside the others; "" otherwise."""
    if not _OTHER_SYMPTOMS_RE.search(section_text):
        return ""
    from kbassist.drafting.text import paragraphs, split_sentences

    first = next((p for p in paragraphs(section_text) if not p.heading and not p.marker), None)
    if first is None:
        return ""
    sentences = split_sentences(clean(first.text))
    opening = sentences[0] if sentences else ""
    return "" if opening.endswith(":") or scenario_lead(opening) else opening
