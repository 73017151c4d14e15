"""The main symptom beside the messages that may come with it (issue 13, archive).

"... the collection may not be populated correctly on the child sites. Also, you may
receive the following status messages: Status Message ID 2519 ... Status Message ID
2512 ...": the messages are extra evidence, not the only forms of the problem. Asked
"Which of these do you see?" with only the messages, an admin who sees the problem
without them answered "None of these" and was told the article may not apply. Here the
problem itself is a choice too, beside the messages.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.articles import Section
from kbassist.drafting.text import clean, split_sentences

#: The lead of messages that may come along: "Also, you may receive the following
#: status messages", "In addition, you may see the following errors in the event log",
#: "You may also receive this message".
_ALSO_RE = re.compile(
    r"^(?:also|in addition|additionally),?\s+(?:you\s+)?(?:may|might|can|will)\s+(?:also\s+)?"
    r"(?:receive|see|get|notice)\b|^you\s+(?:may|might|can|will)\s+also\s+(?:receive|see|get"
    r"|notice)\b",
    re.IGNORECASE,
)

#: A sentence saying the problem brings the messages: "This can cause errors on operations
#: done in the Project Differences window ..." before "The following error messages may
#: appear:" (graded seed 102, Q235606): the problem comes first, the messages may follow.
_BRINGS_RE = re.compile(
    r"^(?:this|these|that|it) (?:behaviou?r |problem |issue )?(?:can|may|might|could|will)"
    r" (?:also )?(?:cause|result in|lead to|produce|generate) (?:\w+ ){0,2}?"
    r"(?:errors?|error messages?|messages?)\b",
    re.IGNORECASE,
)
#: A first sentence that names a message (a stricter `_ANNOUNCES_RE` for a problem stated
#: with "appear": "Subfolders appear in the wrong place ...").
_NAMES_MESSAGE_RE = re.compile(
    r"\b(?:messages?|errors?|the following|receive|displayed)\b|:", re.IGNORECASE
)

#: A scene before the problem: "When you create a new collection ..., the collection ...".
_SCENE_RE = re.compile(
    r"^(?:when|if|after|while|whenever)\b[^,]{3,200},\s*(?P<main>[a-z].{10,})$", re.IGNORECASE
)

MAX_LABEL = 100

#: A first sentence that announces a message rather than states a problem.
_ANNOUNCES_RE = re.compile(
    r"\b(?:messages?|errors?|the following|receive|displayed|appears?)\b|:", re.IGNORECASE
)


def _problem(sentence: str) -> str:
    """The problem a symptom sentence states, without its scene: "the collection may not
    be populated correctly on the child sites"; "" when it is too long to be a label."""
    sentence = sentence.strip().rstrip(".")
    found = _SCENE_RE.match(sentence)
    main = found.group("main") if found else sentence
    return main if len(main) <= MAX_LABEL - 20 else ""


def also_choice(section: Section, after: str) -> dict[str, Any] | None:
    """A choice for the problem without its messages, when the symptom states the problem
    first and then says the messages may also come ("Also, you may receive ..."); None
    when its messages are the symptom itself."""
    sentences = split_sentences(" ".join(clean(section.text).split()))
    at = next((n for n, s in enumerate(sentences) if _ALSO_RE.match(s)), None)
    brings = False
    if at is None:
        at = next((n for n, s in enumerate(sentences) if _BRINGS_RE.match(s)), None)
        brings = at is not None
    if not at:  # None, or messages announced in the first sentence: they are the symptom
        return None
    problem = _problem(sentences[0])
    if not problem or (_NAMES_MESSAGE_RE if brings else _ANNOUNCES_RE).search(problem):
        return None  # "..., the following error message is displayed:": a message after all
    label = f"The problem without these messages: {problem}"
    return {"value": "problem", "label": label, "next": after}
