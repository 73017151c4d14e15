"""A pasted symptom verify says the problem only, not its explanation (round 30, verify30).

Readers mark "Check that the problem no longer occurs: Underlining is not printed with the
Courier typeface if you are using ... IBM 40x9 series printers include the IBM 4019 and
4029 printers.": the second sentence explains a term of the first and is nothing to
check. After the sentence that says what goes wrong, a sentence that only defines or
lists what something is ("X includes Y", "X consists of Y", "X is also known as Y",
"X is used to Y") is dropped from the quote.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_sentences
from kbassist.drafting.verify import states_problem

#: "IBM 40x9 series printers include the IBM 4019 ...", "Pcanywhere is a program that
#: ...": a sentence that says what a thing is or holds (bounded: linear).
_DEFINES_RE = re.compile(
    r"^[A-Z0-9][\w.+/()-]{0,40}\s(?:[\w.+/()-]{1,40}\s){0,7}?"
    r"(?:include|includes|consist of|consists of|refers? to|(?:is|are) (?:also )?known as"
    r"|(?:is|are) used to|(?:is|are) (?:an?|the) (?:\w+ ){0,3}?(?:program|utility|tool|feature"
    r"|component|service|application|product|device|driver)s?\b(?: that| which)?)\b",
)
#: The drafter's pasted verify: what follows is the quote.
_PASTED_RE = re.compile(
    r"^(?P<lead>Check that (?:the problem no longer occurs|this no longer "
    r"happens): )(?P<said>[^\n]+)$"
)


def defines(sentence: str) -> bool:
    """Whether `sentence` only says what something is or holds, no problem in it."""
    return bool(_DEFINES_RE.match(sentence)) and not states_problem(sentence)


def problem_only(verify: str) -> str:
    """A pasted verify whose quote ends in sentences that only define a term, with those
    dropped; `verify` unchanged otherwise (one sentence, or no problem said before)."""
    pasted = _PASTED_RE.match(verify)
    if pasted is None:
        return verify
    sentences = split_sentences(pasted.group("said"))
    kept: list[str] = []
    seen_problem = False
    for sentence in sentences:
        if seen_problem and defines(sentence):
            break
        kept.append(sentence)
        seen_problem = seen_problem or states_problem(sentence)
    if len(kept) == len(sentences):
        return verify
    return pasted.group("lead") + " ".join(kept)
