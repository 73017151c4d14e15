"""A cause the article states in words the cause passes missed (round 35, nocause35).

Readers marked "X gives no cause." on articles that do say why, only not in the shapes
`kb_stated_cause` and `options.article_cause` read:

- an adverb between "is" and "due to": "This is normally due to the MIDI configuration
  for the sound card." (SYMPTOMS), "This is most likely caused by ...";
- the design as the why: "The fatal error is designed to prevent the deployment of a
  corrupted image.", "This behavior is by design." (SYMPTOMS, summary, MORE INFORMATION,
  STATUS), with the sentence after it when that says what the design cannot do ("Sysprep
  can't roll back when it experiences errors.") or why ("For performance reasons ...");
- a modern article's Status "Microsoft has confirmed that it's a problem in the products
  ...", with the sentence that dates the behaviour ("Previous to Windows NT 4.0 Service
  Pack 4, this behavior wasn't present."): the product's own fault is the cause;
- "This issue occurs because X" in any telling section of a modern article.

`said_reason` is only the last resort before "gives no cause": it never replaces a cause
another pass found. Every cause is the article's own sentence.
"""

from __future__ import annotations

import re

from kbassist.articles import Article
from kbassist.drafting.text import clean, paragraphs, split_sentences

#: Sections that tell what happens and why (not what to do), in the order read.
_TELLING_KEYS = ("symptoms", "symptom", "summary", "moreinformation", "status", "cause")
#: "This is normally due to X", "The problem is most likely caused by X", "It is
#: generally the result of X": the cause, said with an adverb the older pass missed.
_ADVERB_DUE_RE = re.compile(
    r"^(?:(?:this|these|that|it)(?: (?:problem|error|behaviou?r|issue|symptom|message|"
    r"crash|failure|hang)s?)?|the (?:problem|error|behaviou?r|issue|symptom|hang)s?)\s+"
    r"(?:is|are|was|were|can be|may be|might be)\s+(?:most\s+)?(?:normally|usually|generally|"
    r"typically|often|commonly|frequently|likely|probably|mostly|mainly|primarily)\s+"
    r"(?:caused by|due to|the result of|a result of|because)\s",
    re.IGNORECASE,
)
#: "The fatal error is designed to prevent X", "This behavior is by design", "This is
#: expected behavior": the design is why it happens. "Designed to" only with the
#: problem as its subject ("This tool is designed to help you" describes, not explains).
_DESIGN_RE = re.compile(
    r"^(?:(?:this|that|it)|the\s[^.:;]{0,40}?\b(?:error|behaviou?r|message|warning|check|"
    r"restriction|limitation|prompt|failure|block)s?)\s+(?:is|are|was|were)\s+"
    r"(?:intentionally\s+)?designed to\s"
    r"|^(?:this|that|it|the)\b[^.:;]{0,60}?\b(?:is|are|was|were)\s+"
    r"(?:by design\b|(?:the )?(?:intended|expected) behaviou?r\b)",
    re.IGNORECASE,
)
#: "This issue occurs because X", "This problem occurs if X": a modern article's cause
#: said in Symptoms or More information, not under a "Cause" heading.
_OCCURS_RE = re.compile(
    r"^(?:this|the) (?:issue|problem|error|behaviou?r|failure)s? (?:only |usually |can |may )?"
    r"(?:occurs?|happens?) (?:because|if|when)\s",
    re.IGNORECASE,
)
#: "does not occur", "isn't by design": a negation is no cause.
_NEGATED_RE = re.compile(r"\b(?:not|never|no longer|n't)\b", re.IGNORECASE)
#: "... when you try to X": the trigger, not the cause.
_TRYING_RE = re.compile(r"\b(?:you|users?)\s+(?:try|tries|attempt)\s+to\b", re.IGNORECASE)
#: A note, a pointer or a lead over a list: never the cause.
_POINTER_RE = re.compile(
    r"\b(?:refer to|for more information|see (?:the )?(?:following )?article)\b", re.IGNORECASE
)
#: What the design cannot do, said next: "Sysprep can't roll back when it ...".
_CANNOT_RE = re.compile(r"\b(?:can't|cannot|can not|isn't able to|is unable to)\b", re.I)
#: The design's why, said next: "For performance reasons the 16-bit client uses all the
#: processor time during transfers.", "... because X", "... to prevent X".
_WHY_RE = re.compile(
    r"^for (?:\w+ )?reasons?\b|\b(?:because|so that|in order to|to (?:prevent|protect|avoid))\b",
    re.IGNORECASE,
)
#: Status: "Microsoft has confirmed that it's a problem in the Microsoft products ...".
_CONFIRMED_RE = re.compile(
    r"\bconfirmed (?:that )?(?:this|these|that|it)(?:'s| is| are| to be)\s+(?:a )?"
    r"(?:problems?|bugs?)\b",
    re.IGNORECASE,
)
#: "Previous to Windows NT 4.0 Service Pack 4, this behavior wasn't present.",
#: "This behavior was introduced in ...": when the fault came in.
_DATED_RE = re.compile(
    r"^(?:previous to|prior to|before)\b[^:;]{0,120}?\bthis (?:behaviou?r|problem|issue)\b"
    r"|\b(?:behaviou?r|problem|issue) (?:was )?introduced in\b",
    re.IGNORECASE,
)
#: Longest sentence kept as a cause (one sentence, said whole).
MAX_CHARS = 400


def _sentences(text: str) -> list[str]:
    """The section's prose sentences: headings, notes and quoted messages left out."""
    out: list[str] = []
    for para in paragraphs(text):
        if para.heading:
            continue
        said = clean(para.text)
        if said.startswith((">", "|", "```")) or re.match(r"(?:notes?|important)\s*:", said, re.I):
            continue
        out.extend(split_sentences(said))
    return out


def _fits(sentence: str) -> bool:
    """Whether the sentence can stand as the cause line: short, no lead, no pointer."""
    return (
        len(sentence) <= MAX_CHARS
        and not sentence.endswith(":")
        and not _POINTER_RE.search(sentence)
        and not _TRYING_RE.search(sentence)
    )


def _stated(sentences: list[str], modern: bool) -> str:
    """The first sentence that states the why, with a design's "can't" sentence after."""
    for at, sentence in enumerate(sentences):
        if not _fits(sentence):
            continue
        if _ADVERB_DUE_RE.match(sentence):
            return sentence
        if modern and _OCCURS_RE.match(sentence):
            return sentence
        design = _DESIGN_RE.match(sentence)
        if design and not _NEGATED_RE.search(design.group(0)):
            after = sentences[at + 1 : at + 3]
            cannot = next(
                (s for s in after if (_CANNOT_RE.search(s) or _WHY_RE.search(s)) and _fits(s)),
                "",
            )
            return f"{sentence} {cannot}".strip()
    return ""


def said_reason(article: Article) -> str:
    """The sentence the article states its cause in, in a shape the cause passes missed;
    "" when it states none (the draft then says it gives no cause). Not for alert
    runbooks (their Meaning is read by `runbook_cause`)."""
    modern = article.style != "mskb"
    telling = [s for s in article.sections if s.key in _TELLING_KEYS and s.text.strip()]
    for section in telling:
        found = _stated(_sentences(section.text), modern)
        if found:
            return found
    if not modern:
        return ""  # an MS KB bug's STATUS is `kb_stated_cause.bug_cause`'s
    status = next((s for s in telling if s.key == "status"), None)
    if status is None:
        return ""
    confirmed = next(
        (s for s in _sentences(status.text) if _CONFIRMED_RE.search(s) and _fits(s)), ""
    )
    if not confirmed:
        return ""
    dated = next(
        (
            s
            for section in telling
            for s in _sentences(section.text)
            if _DATED_RE.search(s) and _fits(s)
        ),
        "",
    )
    return f"{confirmed} {dated}".strip()
