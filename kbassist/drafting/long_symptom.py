"""A verify read from a symptom sentence too long to quote (drafting round 16).

Readers mark "Check that the problem Q136951 SYMPTOMS describes no longer occurs" (about
1 archive draft in 30): it names the article's section and checks nothing. The drafter
writes it when the symptom's one sentence is too long to quote and its result is no
failure word `expected_state` turns ("If you run IPCONFIG/RELEASE (...) from a client on
another subnet, the IP address is released but the address shows up in the active lease
database"). The sentence still holds what to do (the trigger's first action) and what was
seen (the result after "but"), and a plain present verb turns round with "no longer":
"Run IPCONFIG/RELEASE again: check that the address no longer shows up in the active lease
database on the DHCP server." Read by the shape of the sentence, never by article.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_sentences
from kbassist.drafting.verify_form import (
    MAX_ACTION_WORDS,
    MAX_CHECK,
    _cap,
    _find_verb,
    _lower_first,
    _plural,
    _subject_ok,
    expected_state,
    whole_check,
)

#: "If you X, Y": the trigger's conjunction, then the admin's action.
_TRIGGER_RE = re.compile(r"^(?:if|when(?:ever)?|after)\s+you\s+(?P<body>.+)$", re.IGNORECASE)
#: Where a trigger's first action ends: an aside in parentheses, a second clause with a
#: subject of its own ("... and the client computer is located ..."), a list.
_ACTION_END_RE = re.compile(
    r"\s*(?:\(|\s(?:and|or|but)\s+(?:the|a|an|your|you|it|this|these|they|there)\b"
    r"|\s(?:while|because|although|so that)\b)",
    re.IGNORECASE,
)
#: " (CE)": an acronym in parentheses after the name it stands for.
_ACRONYM_RE = re.compile(r"\s\([A-Z][A-Za-z0-9]{0,9}\)(?=[\s,.])")
#: "you no longer experience various problems": a state that names no problem to see gone.
_VAGUE_RE = re.compile(r"\b(?:problems?|issues?|symptoms?)\b", re.IGNORECASE)
#: "the rule works and Event ID 1033 is written", "X either initiates ..., or ...": the
#: first clause turned round, the second still the symptom.
_HALF_TURNED_RE = re.compile(r"\bworks,? and\b|\beither\b", re.IGNORECASE)
#: Words a redone action cannot start with (a state, an auxiliary, a perception).
_NOT_ACTION = frozenset(
    "am is are was were be been being have has had do does did can cannot could may might"
    " must shall should will would need needs want wants also then still not never no only"
    " just already know experience receive see get encounter notice".split()
)
#: A result turned round after "but": "the IP address is released but the address shows
#: up ...": what goes wrong is the second half.
_BUT_RE = re.compile(r",?\s+but\s+(?!also\b)", re.IGNORECASE)
#: A plain present verb a "no longer" can precede: "shows", "remains", "appears".
_WORD_S_RE = re.compile(r"\s(?P<verb>[a-z]{3,}s)\b")
#: What follows a plain present verb ("shows up in", "reverts to", "removes its"): a
#: plural noun ("messages appear", "provinces, or cities") is followed by none of these.
_AFTER_VERB_RE = re.compile(
    r"\s+(?:up|down|out|back|in|on|to|into|from|at|with|for|the|a|an|its|it's|their|his|her"
    r"|your|all|any|each|every|some)\b",
    re.IGNORECASE,
)
#: A subject holding a word that ends in one "s" or "ed" ("the changes affect", "the moved
#: or copied"): a clause or a list, not one thing the check names.
_NOUN_S_RE = re.compile(r"\b(?:[a-z]+[^s\W]s|[a-z]{3,}ed|or|and)\b")
#: The longest subject a "no longer" check names, in words.
MAX_SUBJECT_WORDS = 6
#: Present verbs that state no observable result ("is", "has", "does").
_NOT_RESULT_VERB = frozenset("is has does was uses needs contains includes means".split())


def _action(body: str) -> str:
    """The trigger's first action, e.g. "run IPCONFIG/RELEASE" from "run IPCONFIG/RELEASE
    (or WINIPCFG/RELEASE) from a client and the client is on another subnet"; "" when it
    starts with no verb or is too long to redo."""
    action = _ACTION_END_RE.split(body, maxsplit=1)[0].strip()
    words = action.split()
    if not words or len(words) > MAX_ACTION_WORDS or re.search(r"[,;:]", action):
        # "created using a Central European, Russian, or Greek version": a list cut
        # anywhere leaves half a name
        return ""
    first = words[0].casefold()
    if first in _NOT_ACTION or (len(first) > 5 and first.endswith(("ing", "ed"))):
        return ""
    return action


def _turned(result: str) -> str:
    """What the admin should see once fixed, from a result clause: `expected_state` first;
    else a subject and a plain present verb with "no longer" before it ("the address no
    longer shows up in the active lease database"); "" when neither reads."""
    result = " ".join(result.split()).strip().rstrip(".")
    parts = _BUT_RE.split(result)
    said = parts[-1]
    state = expected_state(said)
    if state:
        return state
    for verb in _WORD_S_RE.finditer(said):
        subject, word = said[: verb.start()].strip(), verb.group("verb")
        if (
            word.endswith(("ss", "us", "is"))
            or word in _NOT_RESULT_VERB
            or not _subject_ok(subject)
        ):
            continue  # "address" is a noun; "is", "has" state no result
        if (
            _plural(subject)
            or _find_verb(subject)
            or ":" in said
            or len(subject.split()) > MAX_SUBJECT_WORDS
            or _NOUN_S_RE.search(subject)  # "the moved or copied": a verb already passed
            or not _AFTER_VERB_RE.match(said[verb.end() :])
        ):
            return ""  # "messages appear", "provinces, or": a plural noun, not the verb
        break
    else:
        return ""
    if _lower_first(subject):
        subject = subject[:1].lower() + subject[1:]
    return f"{subject} no longer {word}{said[verb.end() :]}"


def long_symptom_check(symptom: str) -> str:
    """A check from the symptom's first trigger sentence ("If you X, Y"): "X again: check
    that <Y turned round>." (or the state alone when the trigger is no action to redo);
    "" when no sentence of the first few reads that way."""
    if " you " not in symptom.casefold():
        return ""  # cheap guard: every shape read here names the admin's action
    for sentence in split_sentences(" ".join(symptom.split()))[:3]:
        trigger = _TRIGGER_RE.match(sentence)
        if trigger is None:
            continue
        # "a Central European (CE) version": an acronym in parentheses is part of the name
        body = _ACRONYM_RE.sub("", trigger.group("body"))
        for comma in re.finditer(r",\s+", body):
            if ":" in body[: comma.start()]:
                break  # "... get the following stop screen: Stop 0x9A (...), ...": quoted
            result = body[comma.end() :]
            if re.match(r"(?:and|or|but|so|which|that|then)\b", result, re.IGNORECASE):
                continue
            state = _turned(result)
            if not state or _VAGUE_RE.search(state) or _HALF_TURNED_RE.search(state):
                continue
            action = _action(body[: comma.start()])
            check = (
                f"{_cap(action)} again: check that {state}." if action else f"Check that {state}."
            )
            check = check.replace("..", ".")
            if len(check) <= MAX_CHECK and whole_check(check):
                return check
    return ""
