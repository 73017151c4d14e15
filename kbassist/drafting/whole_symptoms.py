"""A symptom choice's label that would stop mid-clause is its whole sentence instead.

"Any application or service that runs on the computer that needs to interact" (graded
seed 94, the gMSA article): the 80-character cut kept the subject and its relative
clauses and lost what happens to it ("... with Service Control Manager (SCM) freezes").
A symptom the admin picks must say what is seen, so a cut that ends inside its clause (the
sentence goes on with a lower-case word, not after a clause mark) gives way to the whole
sentence when that is short enough to read as a choice (round 34).
"""

from __future__ import annotations

import re

from kbassist.drafting.text import clean, split_sentences

#: The longest sentence shown whole as a symptom choice (two lines of a choice list).
MAX_WHOLE_SYMPTOM_CHARS = 160
#: What a cut inside its clause stops before: a lower-case word or an aside, never a
#: subordinate clause after a complete one ("Resources stored in the DLL fail to load" +
#: " because ...": the label already says what happens).
_GOES_ON_RE = re.compile(
    r" ?(?!(?:because|when|whenever|if|after|before|while|since|although|though|unless|until"
    r"|so that|as soon as)\b)[a-z(]"
)


def whole_symptom_label(message: str, label: str) -> str:
    """`label` (cut from `message`), or the message's first sentence whole when the cut
    stops mid-clause and the sentence is at most MAX_WHOLE_SYMPTOM_CHARS."""
    sentences = split_sentences(clean(message))
    if not sentences:
        return label
    sentence = sentences[0].rstrip(" .:")
    if len(sentence) <= len(label) or len(sentence) > MAX_WHOLE_SYMPTOM_CHARS:
        return label
    if not sentence.startswith(label) or label.endswith((",", ";", ":", ")")):
        return label
    return sentence if _GOES_ON_RE.match(sentence[len(label) :]) else label
