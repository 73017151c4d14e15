"""Two steps for one case and its negation ("If a certificate exists, ..." / "If no
certificate exists, ..."): one yes/no question whose answers pick one step each.

Asked apart, "a certificate exists?" and "no certificate exists?" could both be answered
yes (seed-54 readers, 54:40), and the "no" step was read as an "otherwise" with its "no"
cut off ("Certificate exists, examine ..."). Each question reads the positive case.
"""

from __future__ import annotations

import re

#: Contractions read as "<verb> not" before the words are compared.
_NOT_RE = re.compile(r"\b(\w+?)n['\u2019]t\b", re.IGNORECASE)
#: Words that only say the case is negated.
_NEGATION = frozenset({"not", "no", "never"})
#: Words a case and its negation may differ in ("there is no X" / "an X exists").
_FILLER = frozenset(
    {"a", "an", "the", "any", "some", "do", "does", "did", "is", "are", "there", "exist", "exists"}
)
_WORD_RE = re.compile(r"[\w-]+")
#: "a certificate exists" -> "Does a certificate exist?": a subject then a verb in -s.
_DOES_RE = re.compile(
    r"^(?P<subject>(?:a|an|the|your|this|any)\s+[\w\s`'-]{2,60}?)\s+"
    r"(?P<verb>exists|contains|has|uses|runs|includes|supports|appears|works|shows)\b(?P<rest>.*)$",
    re.IGNORECASE,
)


def _words(cond: str) -> tuple[frozenset[str], bool]:
    """(content words with a plural -s dropped, whether the case is negated)."""
    low = _NOT_RE.sub(r"\1 not", cond.casefold().replace("cannot", "can not"))
    words = [w for w in _WORD_RE.findall(low.replace("`", ""))]
    negated = any(w in _NEGATION for w in words)
    kept = frozenset(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
        for w in words
        if w not in _NEGATION and w not in _FILLER
    )
    return kept, negated


def negated_pair(first: str, second: str) -> int:
    """Which of two cases is the positive one when each is the other's negation ("a
    certificate exists" / "no certificate exists": 0; "the server isn't a terminal
    server" / "the server is a terminal server": 1); -1 when they are not such a pair."""
    words_a, neg_a = _words(first)
    words_b, neg_b = _words(second)
    if neg_a == neg_b or not words_a or words_a != words_b:
        return -1
    return 1 if neg_a else 0


def does_question(cond: str) -> str:
    """ "a certificate exists" -> "Does a certificate exist?" ("" for another shape)."""
    found = _DOES_RE.match(" ".join(cond.split()).rstrip("."))
    if found is None:
        return ""
    verb = found.group("verb").casefold()
    base = "have" if verb == "has" else verb[:-1]
    subject = found.group("subject")
    return f"Does {subject[0].lower()}{subject[1:]} {base}{found.group('rest')}?"


#: "the script can't access the registry key ...", "the command fails": how something a
#: step ran went, known only after that step.
_RAN_RESULT_RE = re.compile(
    r"^(?:the|this|that)\s+(?P<noun>script|command|cmdlet|tool|program|wizard|installation"
    r"|setup|installer|query|job|task|package)\b[^,;]{0,80}?\b(?:can't|cannot|can not|couldn't"
    r"|doesn't|does not|didn't|did not|won't|will not|fails?|failed|isn't able|is unable"
    r"|is not able|returns? an? error|reports? an? error)\b",
    re.IGNORECASE,
)


def ran_result(cond: str, earlier: list[str]) -> bool:
    """ "If the script can't access the registry key ..., run ... -allprofiles" after a step
    that runs the script: the case is how that step went, so it stays a conditional tick
    (asked up front, the admin cannot know it, and both answers reach the same fix)."""
    found = _RAN_RESULT_RE.match(cond)
    if found is None:
        return False
    noun = found.group("noun").casefold()
    return any(noun in step.casefold() for step in earlier)
