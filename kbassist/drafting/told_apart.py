"""Message choices that begin alike, labelled by where they differ.

"If you have permissions ...: The permissions for this GPO in the sysvol folder are
inconsistent ... click OK" and "If you do not have permission ...: The permissions for this
GPO ... are inconsistent ... Contact an administrator ...": each label cut to its first
sentence reads the same message twice, told apart only by a case the admin may not know.
The sentence that differs ("... click OK" / "Contact an administrator ...") is what the
admin sees and can match, so it is the label, after its case cut short.
"""

from __future__ import annotations

import re

from kbassist.drafting.alike_labels import differing_words, phrase_start
from kbassist.drafting.text import short_label, split_sentences

#: "If you have permissions to modify security on the GPOs: <message>": the case, then what
#: is seen in it (as `modern.symptom_choices` writes a conditional message).
_CASE_RE = re.compile(
    r"^(?P<case>(?:if|when|after|while)\b[^:]{5,200}):\s+(?P<message>\S.*)$", re.I | re.S
)


def _parts(message: str) -> tuple[str, list[str]]:
    """(the case, the message's words)."""
    found = _CASE_RE.match(message)
    case, said = (found["case"], found["message"]) if found else ("", message)
    return case, said.split()


def _first_sentence(words: list[str]) -> str:
    sentences = split_sentences(" ".join(words))
    return sentences[0].casefold() if sentences else ""


def _shared(one: list[str], other: list[str]) -> int:
    """How many words `one` and `other` open with alike."""
    n = 0
    while n < min(len(one), len(other)) and one[n].casefold() == other[n].casefold():
        n += 1
    return n


def told_apart(messages: list[str], limit: int = 80) -> list[str]:
    """Labels for messages whose first sentences are the same: the case (cut short) and
    the message from the first word that differs from the others (a sentence of its own
    in "... consistent. Contact an administrator ..."; the event's own text after a shared
    "It contains the following insertion string(s): ENS, <time>"); "" where the usual
    label tells the message apart."""
    parts = [_parts(m) for m in messages]
    labels = [""] * len(messages)
    for n, (case, words) in enumerate(parts):
        first = _first_sentence(words)
        if not first:
            continue
        alike = [
            other
            for k, (_, other) in enumerate(parts)
            if k != n and other and _first_sentence(other) == first
        ]
        if not alike:
            continue
        start = max(_shared(words, other) for other in alike)
        if start >= len(words):
            continue  # the same message twice (or the start of another): nothing differs
        # "The handle is invalid", not "handle is invalid) Contoso Gateway, Error: 502"
        said = short_label(differing_words(words, phrase_start(words, start), alike), limit)
        if not said:
            continue
        labels[n] = f"{short_label(case, 50)}: {said}" if case else said
    return labels
