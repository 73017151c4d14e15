"""Sentences that describe the article or the act of troubleshooting, never what goes
wrong or why: "This article discusses the cause and some possible resolutions for a
problem ...", "This article describes the errors and limitations of ...", "When
troubleshooting basic Start issues ..., there are a few things to check". A modern
support article opens with them; read as the symptom or the cause they tell the admin
nothing (seed-54 readers, 54:34 and 54:39). `described_symptom` and `described_cause`
drop them from a Markdown article's symptom and cause; `self_described` keeps
`block_cause` from choosing one ("... a problem that may occur in ..." reads as a cause).
"""

from __future__ import annotations

import re

from kbassist.articles import Article
from kbassist.articles.model import Paragraph
from kbassist.drafting.meta_symptom import symptom_not_meta
from kbassist.drafting.text import sentence_cut, split_sentences

#: "This article discusses ...", "This guide helps you ...", "The following sections
#: describe ...": the page speaking about itself.
_SELF_RE = re.compile(
    r"^(?:this|the following|these|the next) (?:article|document|topic|guide|section|page|"
    r"post|steps?|sections?)s? (?:also )?(?:\w+ )?(?:describes?|discuss(?:es)?|explains?|"
    r"provides?|helps?|introduces?|presents?|covers?|lists?|contains?|shows?|gives?|"
    r"address(?:es)?|walks?|outlines?|summari[sz]es?|is (?:about|intended|designed|meant))\b",
    re.IGNORECASE,
)
#: "When troubleshooting X, ...", "While you troubleshoot ...", "... can help you to
#: narrow down where the issue may reside": the reader's task, not the problem.
_TASK_RE = re.compile(
    r"^(?:when|while|before) (?:you(?:'re| are)? )?(?:start )?troubleshoot(?:ing)?\b|"
    r"\b(?:can|will|may|might) help you (?:to )?(?:narrow|troubleshoot|isolate|determine "
    r"where|find where)\b|\bnarrow down where the (?:issue|problem)\b",
    re.IGNORECASE,
)
#: "Troubleshoot Start menu errors": the title as the problem is "Start menu errors".
_TROUBLESHOOT_RE = re.compile(r"^(?:troubleshoot(?:ing)?|how to troubleshoot)\s+(?=\S)", re.I)
#: Page metadata lines a summary starts with ("_Original product version:_ SQL Server").
_META_RE = re.compile(r"^_?(?:original|applies to)\b", re.IGNORECASE)
#: The symptom read from a summary is cut here (modern.MAX_MODERN_SYMPTOM_CHARS).
_MAX_CHARS = 900


def self_described(sentence: str) -> bool:
    """True for a sentence about the article or the reader's troubleshooting task."""
    text = sentence.strip().lstrip("*_ ")
    low = text[:12].lower()
    if not (
        low.startswith(("this ", "the ", "these ", "when ", "while ", "before "))
        or ("help you" in text or "narrow down" in text)
    ):
        return False  # cheap guard: most sentences start otherwise
    return bool(_SELF_RE.match(text) or _TASK_RE.search(text))


def _without(text: str) -> str:
    """`text` less its leading self-describing sentences ("" if all are)."""
    sentences = split_sentences(text)
    n = 0
    while n < len(sentences) and self_described(sentences[n]):
        n += 1
    return " ".join(sentences[n:]) if n else text


def _summary_scene(article: Article) -> str:
    """The first paragraph of the article's first summary that says something itself (no
    page metadata, no lead-in ending in a colon), as plain text; "" if none. A later
    "Symptom: X" case's description is one case, not the article's symptom."""
    from kbassist.drafting.modern import md_plain

    for part in [p for p in article.parts_by_role("summary") if p.level <= 2][:1]:
        for block in part.blocks:
            if not isinstance(block, Paragraph):
                continue
            text = md_plain(block.text.plain).strip()
            if not text or _META_RE.match(text) or text.endswith(":"):
                continue
            kept = _without(text)
            if kept and not self_described(kept):
                return sentence_cut(kept, _MAX_CHARS)
    return ""


def described_symptom(article: Article, symptom: str) -> str:
    """The symptom without its opening self-description: the rest of it, else the first
    summary paragraph that describes the problem, else the article's title."""
    if not symptom or not self_described(split_sentences(symptom)[0]):
        return symptom
    if symptom_not_meta(symptom) != symptom:
        return symptom  # "This article describes why you can't X": said as the problem later
    from kbassist.drafting.modern import md_plain

    title = _TROUBLESHOOT_RE.sub("", md_plain(article.title)).rstrip()
    title = title if title.endswith((".", "?", "!")) else f"{title}."  # read as a sentence
    return _without(symptom) or _summary_scene(article) or title[:1].upper() + title[1:]


def described_cause(cause: str) -> str:
    """The cause less its self-describing sentences ("This article discusses the cause
    and some possible resolutions for a problem ..."); "" when nothing else is said."""
    if not cause:
        return cause
    sentences = split_sentences(cause)
    if not any(self_described(s) for s in sentences):
        return cause
    return " ".join(s for s in sentences if not self_described(s))
