"""A workaround said to the program's author is a step (round 23, procs23).

Developer articles give their workaround in the third person: "The RUI application
should set all reserved bits in the verb control block to NULL prior to calling the RUI
interface", "Your program must call FreeLibrary before it exits". Read as statements,
the outcome became information only ("Tell the user what the article says here ... do
not expect the problem to go away") though the article says exactly what to change. Such
a sentence, its subject a piece of code and its verb an action on code, is said as the
instruction it is: "In the RUI application, set all reserved bits ... to NULL ...".
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_detail, with_detail

#: "The RUI application should set ...", "Your program must call ...", "The code must
#: wait until ...": code as the subject, what it must do as the verb (not what it will
#: then do by itself: "The program should now run", "... should then be able to").
_TOLD_RE = re.compile(
    r"^(?P<subject>(?:the|your|an?|each|every|any)\s+(?:[\w.-]+\s+){0,3}?"
    r"(?:application|program|code|app|driver|client|macro|procedure|function|routine|caller"
    r"|component|dll|service|script)s?|(?:applications|programs|callers|clients))\s+"
    r"(?:should|must|needs? to|has to|have to|will need to)\s+"
    r"(?P<how>(?:also|first|always|generally|instead)\s+)?"
    r"(?!(?:be|not|now|then|already|still|run|work|start|allow|continue|appear|display"
    r"|succeed|fail|function|operate|behave|look|show|respond|execute|resolve|fix|correct"
    r"|install|load|see|receive|get|have|include|contain)\b)"
    r"(?P<verb>[a-z]{3,})\b(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)


def as_instruction(item: str) -> str:
    """`item` said as the instruction it gives the code's author, or unchanged."""
    text, detail = split_detail(item)
    if len(text) > 600 or not text[:4].strip():
        return item
    found = _TOLD_RE.match(text.strip())
    if found is None:
        return item
    subject = found.group("subject")
    subject = re.sub(r"^(?:an?|each|every|any)\s", "the ", subject, flags=re.IGNORECASE)
    how = (found.group("how") or "").lower()
    said = f"In {subject[0].lower()}{subject[1:]}, {how}{found.group('verb').lower()}"
    said += found.group("rest")
    return with_detail(said, detail) if detail.strip() else said
