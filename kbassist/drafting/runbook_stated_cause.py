"""An alert runbook's cause when the drafted "why" only repeats what is seen (round 23).

Readers (66:23, 66:26, 66:27, 66:28) marked "Why it happens" nodes that restated the
symptom or said the runbook names no cause while it names one:

- a cause that is the symptom's own sentence ("Prometheus has dropped targets because
  some scrape configs have exceeded the labels limit."): the cause is its "because" /
  "due to" part ("some scrape configs have exceeded the labels limit"); with no such
  part it is only the condition, said as such (`tree._no_cause`);
- a Meaning sentence after the condition that says what makes it happen ("If a user or
  script changes a common template, the changes are reverted by the SSP Operator."): the
  cause, taken out of the symptom;
- a Diagnosis or Mitigation line that reads the error the runbook shows ("This error
  indicates that the `systemd-run` file cannot be found ... and so the node cannot
  reboot"): the cause is that error, said as the runbook's example.

Each cause is the runbook's own words; none is made up from a check.
"""

from __future__ import annotations

import re

from kbassist.articles import Article, Section
from kbassist.articles.model import Paragraph
from kbassist.drafting.text import split_sentences

#: "... because some scrape configs have exceeded ...", "... due to slow rule group
#: processing", "... because of one or more disk failures": the why inside a sentence.
_BECAUSE_RE = re.compile(r"\s(?:because(?: of)?|due to|as a result of|caused by)\s+(?=\S)", re.I)
#: A "because" part that names nothing ("due to various factors", "because of this").
_EMPTY_WHY_RE = re.compile(
    r"^(?:(?:various|several|many|multiple|different|other|some|a number of|a variety of)\s+"
    r"(?:\w+\s+)?(?:factors|reasons|causes|issues|problems)|(?:this|that|these|those|it|them)"
    r"\b)",
    re.IGNORECASE,
)
#: "due to various factors", "for many reasons": a why that names nothing.
_VARIOUS_RE = re.compile(
    r"\b(?:due to|because of|for|from)\s+(?:various|several|many|multiple|different|a number "
    r"of|a variety of)\s+(?:\w+\s+)?(?:factors|reasons|causes|issues|problems)\b",
    re.IGNORECASE,
)
#: A cause line that only gives the condition the alert fires on.
_CONDITION_ONLY_RE = re.compile(
    r"\bnames no cause\b|\b(?:fires?|fired|triggers?|triggered|raised)\s+(?:when|whenever|if)\b",
    re.IGNORECASE,
)
#: "If a user or script changes a common template, the changes are reverted by ...": what
#: makes the condition happen; not "If this issue occurs, ..." (about the alert itself),
#: nor "When KubeMacPool starts, it scans ..." (when, not why).
_IF_CAUSE_RE = re.compile(
    r"^if\s+(?!(?:this|that|the|an?)\s+(?:alert|issue|problem|time|value)\b)"
    r"(?P<why>[^,]{8,160}),\s*(?:then\s+)?(?!if\b|when\b)(?P<then>[^,]{8,200})$",
    re.IGNORECASE,
)
#: The consequence is the alert or its level, not the condition ("the alert will fire").
_ABOUT_ALERT_RE = re.compile(r"\b(?:alert|warning|critical)\b", re.IGNORECASE)
#: "This error indicates that X", "The message means that X": the runbook reads the
#: error it shows.
_ERROR_SAYS_RE = re.compile(
    r"^(?:this|the|that|such an?)\s+(?P<what>error|message|log (?:line|entry|message))\s+"
    r"(?:indicates|means|shows)\s+that\s+(?P<why>.{10,240}?)\.?$",
    re.IGNORECASE,
)
#: "The error message will change depending on what is preventing the reboot.": the
#: example is one of several.
_VARIES_RE = re.compile(r"\b(?:will|can|may)\s+(?:change|vary|differ)\s+depending on\b", re.I)
#: Words too common to tell two sentences apart.
_STOP = frozenset(
    """the a an of to in on for by and or is are be been was were this that it its with as
    at from when if then will can may not no any all some""".split()
)
#: The longest sentence kept as the cause.
MAX_SENTENCE = 260


def _stems(text: str) -> set[str]:
    """Content words, cut to five letters ("reverts", "reverted" -> "rever")."""
    return {w[:5] for w in re.findall(r"[a-z][a-z0-9-]+", text.casefold()) if w not in _STOP}


def _norm(text: str) -> str:
    return " ".join(text.split()).rstrip(" .").casefold()


def because_part(sentence: str) -> str:
    """ "Prometheus has dropped targets because some scrape configs have exceeded the
    labels limit." -> "Some scrape configs have exceeded the labels limit.": the why a
    sentence gives after "because" / "due to"; "" when it has none or names nothing."""
    found = _BECAUSE_RE.search(sentence)
    if found is None:
        return ""
    why = sentence[found.end() :].strip().rstrip(".")
    why = re.split(r"[.;]\s", why, maxsplit=1)[0].strip()
    if len(why) < 8 or _EMPTY_WHY_RE.match(why):
        return ""
    return f"{why[0].upper()}{why[1:]}."


def _meaning_sentences(article: Article) -> list[str]:
    from kbassist.drafting.modern import md_plain

    part = next((p for p in article.parts_by_role("symptom") if p.name.lower() == "meaning"), None)
    if part is None:
        return []
    out: list[str] = []
    for block in part.blocks:
        if isinstance(block, Paragraph):
            out.extend(split_sentences(md_plain(block.text.plain)))
    return out


def _if_cause(article: Article) -> str:
    """A Meaning sentence after the first that says what makes the condition happen: "If
    X, <the condition again>" (its consequence shares two content words with Meaning's
    first sentence, and is not the alert firing)."""
    said = _meaning_sentences(article)
    if len(said) < 2:
        return ""
    condition = _stems(said[0])
    for sentence in said[1:]:
        text = " ".join(sentence.split())
        found = _IF_CAUSE_RE.match(text) if len(text) <= MAX_SENTENCE else None
        if found is None or " then " in found.group("why"):
            continue  # "If X then it returns Ok, if ...": two conditions, no cause
        if _ABOUT_ALERT_RE.search(found.group("then")):
            continue
        if len(_stems(found.group("then")) & condition) >= 2:
            return text
    return ""


def _error_cause(article: Article) -> tuple[str, Section | None]:
    """ "This error indicates that X" in Diagnosis or Mitigation: (the cause said as the
    runbook's example error, its section)."""
    from kbassist.articles.model import section_key
    from kbassist.drafting.runbook_said_cause import _sentences_of

    if "indicates that" not in article.body and "means that" not in article.body:
        return "", None
    sections = {s.key: s for s in article.sections}
    for role in ("diagnosis", "resolution"):
        for part in article.parts_by_role(role):
            said = [" ".join(s.split()) for s in _sentences_of(part)]
            for n, sentence in enumerate(said):
                found = _ERROR_SAYS_RE.match(sentence)
                if found is None:
                    continue
                what = found.group("what").casefold()
                why = found.group("why")
                cause = f"The problem the logged {what} names; for example, {why}."
                if any(_VARIES_RE.search(s) for s in said[n + 1 : n + 3]):
                    varies = next(s for s in said[n + 1 : n + 3] if _VARIES_RE.search(s))
                    cause = f"{cause} {varies}"
                return cause, sections.get(section_key(part.name))
    return "", None


def _without_sentence(symptom: str, sentence: str) -> str:
    at = symptom.find(sentence)
    if at <= 0:
        return symptom
    return " ".join(f"{symptom[:at]} {symptom[at + len(sentence) :]}".split())


def restated_cause(
    article: Article, symptom: str, cause: str, section: Section | None
) -> tuple[str, str, Section | None]:
    """(symptom, cause, section) of an alert runbook whose cause repeats the symptom or
    gives only the condition: the "because" part of the repeated sentence, else a Meaning
    "If X, <the condition>" sentence (taken out of the symptom), else the error the
    runbook reads in its Diagnosis or Mitigation; else as given, and a cause that is the
    whole symptom with no "because" part is dropped (the tree says "names no cause
    beyond the condition")."""
    repeated = bool(cause) and _norm(cause) in _norm(symptom)
    if repeated:
        why = because_part(cause)
        if why:
            return symptom, why, section
    if not cause or repeated or _CONDITION_ONLY_RE.search(cause):
        said = _if_cause(article)
        if said:
            meaning = next((s for s in article.sections if s.key == "meaning"), None)
            return _without_sentence(symptom, said), said, meaning
        found, where = _error_cause(article)
        if found:
            return symptom, found, where
    if repeated and (_norm(cause) == _norm(symptom) or _VARIOUS_RE.search(cause)):
        # the symptom again, or "failures may occur due to various factors": no cause
        return symptom, "", None
    if repeated:
        # a cause sentence after what is seen: said once, as the cause
        from kbassist.drafting.runbook_cause import _without

        return _without(symptom, cause), cause, section
    return symptom, cause, section
