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

from kbassist.drafting.text import short_label, split_sentences

#: "If you have permissions to modify security on the GPOs: <message>": the case, then what
#: is seen in it (as `modern.symptom_choices` writes a conditional message).
_CASE_RE = re.compile(
    r"^(?P<case>(?:if|when|after|while)\b[^:]{5,200}):\s+(?P<message>\S.*)$", re.I | re.S
)


def _parts(message: str) -> tuple[str, list[str]]:
    found = _CASE_RE.match(message)
    case, said = (found["case"], found["message"]) if found else ("", message)
    return case, [" ".join(s.split()).rstrip(".") for s in split_sentences(said) if s.strip()]


def told_apart(messages: list[str], limit: int = 80) -> list[str]:
    """Labels for messages whose first sentences are the same: the case (cut short) and the
    first sentence that differs from the others; "" where the usual label tells it apart."""
    parts = [_parts(m) for m in messages]
    labels = [""] * len(messages)
    for n, (case, sentences) in enumerate(parts):
        if not sentences:
            continue
        alike = [
            other
            for k, (_, other) in enumerate(parts)
            if k != n and other and other[0].casefold() == sentences[0].casefold()
        ]
        if not alike:
            continue
        seen = {s.casefold() for other in alike for s in other}
        own = next((s for s in sentences if s.casefold() not in seen), "")
        if not own:
            continue  # the same message twice: nothing to tell them apart by
        said = short_label(own, limit)
        labels[n] = f"{short_label(case, 50)}: {said}" if case else said
    return labels
