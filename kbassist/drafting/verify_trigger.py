"""A verify that redoes the action an error message came from (drafting round 15).

Readers mark "Check that the problem no longer occurs: At times you may receive the error
message: M" as the symptom pasted back (seed 52): it says neither what to do nor what to
see. When the symptom names the action the message came from, in the quoted sentence
("When you try to change the Hosts file, you may receive an error message ...") or in a
sentence of its own ("The error occurs when trying to do a NET USE"), the check is that
action done again and working: "Do a NET USE again: check that this now works and the
message "M" no longer appears." A lead-in with its message elsewhere ("... resembles either
of the following.") is never quoted as the check. Results that are no message, and
messages whose action the article does not name, keep their verify (`trigger_check`
gives "").
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.text import brace, split_sentences
from kbassist.drafting.verify_form import MAX_CHECK, _action, _message_state, whole_check

#: The drafter's restated verifies: the symptom quoted, or a redo with its result quoted.
_RESTATED_RE = re.compile(
    r"^Check that (?:the problem no longer occurs|this no longer happens): (?P<q>.+)$"
    r"|^(?P<act>[^:]{3,160}?) again, and check that this no longer happens: (?P<r>.+)$"
)
#: What is seen is a message: "you may receive the error message: M", "error messages
#: like:", "an error message that resembles either of the following", "an error similar
#: to the following:" (not "a 403 error", which may be what the fixed system returns,
#: nor a mail message or a dialog box that opens).
_MESSAGE_SAID_RE = re.compile(
    r"\b(?:error|warning|stop)\s+messages?\b|\b(?:following|this|these)\s+(?:\w+\s+)?messages?\b"
    r"|\bmessages?\s+(?:similar\s+to|like|that\s+resembles?|stating|saying)\b"
    r"|\b(?:receive|get|see)s?\s+(?:an?|the)\s+messages?(?:\s*:|\s+(?:that\s+)?(?:says|reads|states))"
    r"|\berrors?\s+(?:similar\s+to|like|that\s+resembles?)\b|\bfollowing\s+errors?\b",
    re.IGNORECASE,
)
#: "When you try to change the Hosts file, you ...", "In this scenario, if you execute the
#: package from BIDS, you get ...": the action before the comma.
_LEAD_TRIGGER_RE = re.compile(
    r"^(?:[^,]{0,40},\s+)?(?:when|whenever|if)\s+(?P<who>you\s+(?:(?:try|attempt)\s+to\s+)?"
    r"|(?:trying|attempting)\s+to\s+)(?P<act>[^,;:]{3,150}?),\s+(?!(?:and|or|but|then|so|which|that)\b)",
    re.IGNORECASE,
)
#: "The error occurs when trying to do a NET USE", "This message appears when you start
#: X": the action a sentence of its own names for the message.
_SIBLING_TRIGGER_RE = re.compile(
    r"\b(?:the|this|these)\s+(?:error(?:\s+message)?|messages?|problem|issue)\s+(?:only\s+)?"
    r"(?:occurs?|appears?|is\s+(?:displayed|returned|generated)|happens?)\s+(?:only\s+)?"
    r"(?:when|whenever|if)\s+(?P<who>you\s+(?:(?:try|attempt)\s+to\s+)?|(?:trying|attempting)"
    r"\s+to\s+)(?P<act>[^,;:.]{3,120})",
    re.IGNORECASE,
)
#: The message after its lead-in: "the error message: M", "messages like: M", "an error
#: similar to the following: M" (never "... stating that the following files ...: A, B").
_AFTER_COLON_RE = re.compile(
    r"\b(?:messages?|errors?|warnings?)\b(?P<gap>[^:]{0,100}?):\s+(?P<m>.+)$", re.IGNORECASE
)
#: A gap before the colon that brings something else: "the following files ...:".
_OTHER_FOLLOWING_RE = re.compile(
    r"\bfollowing\s+(?!(?:error\s+|warning\s+)?(?:messages?|errors?|warnings?)\b)\w", re.I
)
#: " Do this on a test computer ...": the caveat a redo of a crash carries (tree), kept.
_CAVEAT_RE = re.compile(r"\s+(?P<c>Do this on a test computer\b.*)$")
#: A lead-in whose message follows in the article: "... resembles either of the following."
_LEAD_END_RE = re.compile(r"\b(?:following|below)[.:]?$|\b(?:messages?|errors?)[.:]?$", re.I)
#: A lead-in with its messages after it in the same quote: "... of the following. M1; M2".
_LEAD_AT_RE = re.compile(r"\b(?:following|below)[.:]\s+(?P<m>\S.*)$", re.IGNORECASE)
#: "Error message 1 M": the label the article gives each message of a list.
_MESSAGE_LABEL_RE = re.compile(
    r"^[-*>\s]*(?:error\s+)?message\s+\d+\s*[:>]?\s*|^[-*>\s]+", re.IGNORECASE
)
#: Where a message shown after its lead-in ends: the next item or quote line, a ";".
_MESSAGE_END_RE = re.compile(r";\s+|\n|\s+[-*>]\s+")
#: An action that cannot be done "again": one that happens once, or one that names a list
#: the check does not show ("click any of the following Help topics").
_ONCE_RE = re.compile(
    r"\b(?:for the first time|first time|again|twice|the following|below)\b", re.IGNORECASE
)


#: "do a NET USE": "do" as the action's own verb, not an auxiliary ("you do not ...").
_DO_RE = re.compile(r"^do\s+(?:an?|the)\s+[^()\[\]{};:]+$", re.IGNORECASE)


def _redoable(act: str) -> str:
    """The action as one to do again ("do a NET USE", "open EXE files"); "" when it is a
    state, too long, or happens once ("run X for the first time")."""
    act = f"{act[:1].lower()}{act[1:]}" if act[1:2].islower() else act
    action = _action(f"you {act}")
    if not action and _DO_RE.match(act) and len(act.split()) <= MAX_DO_WORDS:
        action = act
    return "" if not action or _ONCE_RE.search(action) else action


#: The longest "do a ..." action, in words.
MAX_DO_WORDS = 8


def _trigger(said: str, section_text: str) -> str:
    """The action the message came from: the quoted sentence's "When you X, ...", else a
    sentence of the symptom section's "The error occurs when trying to X"; "" if none."""
    for text, pattern in ((said, _LEAD_TRIGGER_RE), (section_text, _SIBLING_TRIGGER_RE)):
        found = pattern.search(text) if text else None
        if found:
            action = _redoable(found.group("act").strip())
            if action and not _ONCE_RE.search(action):
                return action
    return ""


#: The longest message quoted whole when it reads as no sentence ("Alert! Unknown ...").
MAX_WHOLE = 120


def _whole(message: str) -> str:
    """'the message "M" no longer appears' for a short message quoted whole, one that
    split_sentences would cut ("Alert! Unknown compression of file"); "" for a list (of
    quoted messages too) or a long text."""
    said = message.strip().rstrip(".").strip()
    if len(said) > MAX_WHOLE or '"' in said or re.search(r"(?:^|\s)[-*]\s", said):
        return ""
    return f'the message "{said}" no longer appears' if len(said.split()) >= 2 else ""


def _message_after(said: str, symptom: str) -> str:
    """'the message "M" no longer appears' for the message the quote brings after its
    colon, or the one the symptom shows after a lead-in the quote ends on; "" if none."""
    found = _AFTER_COLON_RE.search(said)
    if found:
        other = _OTHER_FOLLOWING_RE.search(found.group("gap"))
        return "" if other else _message_state(found.group("m")) or _whole(found.group("m"))
    inside = _LEAD_AT_RE.search(said)
    if inside:
        rest = inside.group("m")  # "... either of the following. Error message 1 M; ..."
    elif _LEAD_END_RE.search(said.rstrip()) and symptom.find(said[:60]) >= 0:
        rest = symptom[symptom.find(said[:60]) + len(said) :].strip()
    else:
        return ""
    first = _MESSAGE_END_RE.split(_MESSAGE_LABEL_RE.sub("", rest, count=1), maxsplit=1)[0]
    sentences = split_sentences(first)
    return _message_state(sentences[0]) if sentences else ""


def trigger_check(
    verify: str, symptom: str, section_text: str = "", quoted_only: bool = False
) -> str:
    """`verify` said as the action its message came from, redone and working ("Do a NET
    USE again: check that this now works and the message "M" no longer appears.") when it
    restates a symptom whose result is an error message and the symptom names that
    action; "" otherwise (the caller keeps `verify`). `quoted_only`: only a check that
    quotes the message (the per-choice pass can then say each choice's own)."""
    restated = _RESTATED_RE.match(verify)
    if restated is None:
        return ""
    said = restated.group("q") or restated.group("r")
    caveat = _CAVEAT_RE.search(said)
    if caveat:
        said = said[: caveat.start()]
    if not _MESSAGE_SAID_RE.search(said):
        return ""
    section = " ".join(section_text.split())
    act = restated.group("act")
    action = _redoable(act) if act else _trigger(said, section)
    if not action:
        return ""
    state = _message_after(said, " ".join(symptom.split()))
    lead = f"{action[:1].upper()}{action[1:]} again: check that this now works"
    tail = f" {caveat.group('c')}" if caveat else ""
    bare = "" if quoted_only else f"{lead}, with no error message."
    for check in (f"{lead} and {state}." if state else "", bare):
        if check and len(check) <= MAX_CHECK and whole_check(check):
            return check + tail
    return ""


def redo_message_verify(tree: dict[str, Any], section_text: str, quoted_only: bool = False) -> None:
    """Every outcome's verify line that still pastes back a message whose action the
    symptom section names says that action redone and working instead (see
    trigger_check); lines shown for one choice ("when") or over a detail stay.
    `quoted_only`: as trigger_check's."""
    for node in tree["nodes"]:
        if node.get("kind") != "outcome":
            continue
        for entry in node.get("verify", []):
            said = entry.get("text")
            if isinstance(said, str) and not entry.keys() & {"detail", "when"} and "{" not in said:
                check = trigger_check(said, section_text, section_text, quoted_only)
                if check:
                    entry["text"] = brace(check)


#: "Start X for the first time again": a first time cannot be done again.
_FIRST_AGAIN_RE = re.compile(r"\s+for the first time(?P<rest>\b[^:]{0,160}?)\s+again\b")
#: "When you run X for the first time ..., check that": the run the check watches.
_WHEN_FIRST_RE = re.compile(
    r"^When you (?P<verb>[a-z]+)\b(?P<obj>[^,:]{1,120}?)\s+for the first time\b"
)


def second_run_verify(verify: list[dict[str, Any]], fix: list[str]) -> None:
    """Verify lines that redo a first time said as what can be done after the fix (round
    15): "Start X for the first time again" -> "Start X again"; and "When you run X for the
    first time, check that ..." under a fix that is that run done again ("Run the X file
    again") watches that second run, not the first, which the fix does not change. In place."""
    again = " ".join(fix).casefold()
    for entry in verify:
        said = entry.get("text")
        if not isinstance(said, str) or "first time" not in said:
            continue  # the cheap test first
        said = _FIRST_AGAIN_RE.sub(lambda m: f"{m.group('rest')} again", said, count=1)
        first = _WHEN_FIRST_RE.match(said)
        if first and re.search(rf"\b{first.group('verb')}\b.{{0,80}}?\bagain\b", again):
            said = f"When you {first.group('verb')}{first.group('obj')} again{said[first.end() :]}"
        entry["text"] = said
