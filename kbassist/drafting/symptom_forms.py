"""Two forms of one problem said in two sentences, asked as "Which of these do you see?".

"Computers stop responding during SCSI detection in Setup. Even if Setup completes
successfully, Windows NT may hang during the boot process.": a reader sees one or the
other, and a yes/no over both (with a verify that checks only the first) misses the second.
A SYMPTOMS paragraph of two sentences whose second opens on an alternative ("Or,",
"Alternatively,", "Even if <it> succeeds/completes, ...") is two forms, not one statement.
"Even though ..." and "Even when ..." mostly go on about the same failure: not read here.
"""

from __future__ import annotations

import re

from kbassist.articles import Section
from kbassist.drafting.text import clean, paragraphs, short_label, split_sentences

#: The second sentence's opening that makes it another form of the problem.
_OTHER_FORM_RE = re.compile(
    r"^(?:or|alternatively),\s|^even if [^,]{0,80}?\b(?:succeeds?|successful(?:ly)?|completes?"
    r"|completed)\b[^,]{0,40},\s",
    re.IGNORECASE,
)


#: An aside in parentheses ("(HP)", "(hang)"): no part of a label.
_ASIDE_RE = re.compile(r"\s\([^()]{1,40}\)")
#: A long subject's own description ("computers with onboard Adaptec AIC7770 SCSI
#: controllers stop ..."): the label keeps the subject's head and what goes wrong.
_SUBJECT_TAIL_RE = re.compile(
    r"^(?P<head>(?:\S+ ){1,6}?\S+) (?:with|that have|that has|running|using) [^,]{3,80}?"
    r" (?=(?:stops?|hangs?|fails?|may|might|can|cannot|can't|do|does|don't|doesn't|will"
    r"|won't|is|are)\b)",
    re.IGNORECASE,
)
#: The longest label a form keeps whole.
MAX_FORM_LABEL = 130


def _label(sentence: str) -> str:
    """A form's label: the sentence without asides, its subject cut to its head when long."""
    said = _ASIDE_RE.sub("", sentence).rstrip(".")
    if len(said) > MAX_FORM_LABEL:
        said = _SUBJECT_TAIL_RE.sub(lambda m: f"{m.group('head')} ", said, count=1)
    return short_label(said, MAX_FORM_LABEL)


def sentence_forms(section: Section) -> list[str]:
    """Labels of the two sentences of a SYMPTOMS section's first paragraph when the
    second is another form of the problem (`_OTHER_FORM_RE`); [] otherwise, and when the
    paragraph leads into a message (":")."""
    paras = [p for p in paragraphs(section.text) if not p.heading]
    if not paras or paras[0].marker:
        return []
    text = clean(paras[0].text)
    if ":" in text:
        return []
    sentences = split_sentences(text)
    if len(sentences) != 2 or not _OTHER_FORM_RE.match(sentences[1]):
        return []
    second = re.sub(r"^(?:or|alternatively),\s+", "", sentences[1], flags=re.IGNORECASE)
    labels = [_label(sentences[0]), _label(second[:1].upper() + second[1:])]
    return labels if all(labels) and labels[0] != labels[1] else []
