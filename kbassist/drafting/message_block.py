"""MS KB message and event blocks kept whole in the symptom, and checked by what names them.

"The following events may be logged:" over two indented Source / Event ID / Description
records, "you may receive the following error message:" over four paragraphs ending in
"HTTP 403.8 - Forbidden", a summary's "the following error will be recorded ... The
description might read like this:" over "Event: 182 / Connection failure, code=11": the
symptom kept only the first paragraph after the colon (or none), so the line that names
the problem was lost. The verify then pasted the symptom back; it now checks the event
by its id, the message by its first line, and "X may not start" as "check that X starts".
Round 18 (archsym18).
"""

from __future__ import annotations

import re

from kbassist.drafting.symptom_kinds import event_parts
from kbassist.drafting.text import Para, clean, split_sentences, strip_marker

#: A lead-in to a message or event block: "the following error will be recorded",
#: "the following events may be logged", "you may receive the following error message".
_BLOCK_LEAD_RE = re.compile(
    r"\bthe following (?:\w+ ){0,2}?(?:errors?|events?|messages?|warnings?|entr(?:y|ies))\b"
    r"|\b(?:read|reads|look|looks|resembles?) (?:like|similar to) (?:this|the following)\b",
    re.IGNORECASE,
)
#: A lead-in for alternatives, each its own choice ("one of the following messages", "the
#: following errors may occur"); events are records logged together, kept whole.
_ALTERNATIVES_RE = re.compile(
    r"\b(?:one|any|either|each)(?: or more)? of the following\b"
    r"|\bfollowing (?:\w+ ){0,2}(?:messages|errors|warnings)\b|-or-",
    re.I,
)
#: "... may not start", "... fails to start": the thing that should start.
_NOT_START_RE = re.compile(
    r"^(?P<subj>(?:(?:some|one|all|many|several|most) of )?(?:the|a|an|your|some|certain)\s"
    r"[^,;:()\"]{2,90}?)\s+"
    r"(?:(?:may|might|can|could|will|does|do|did)\s+not|cannot|can't|won't|doesn't|don't"
    r"|fails?\s+to|(?:is|are)\s+unable\s+to)\s+start\b(?P<rest>[^.;:]*)",
    re.IGNORECASE,
)
#: "or may display a garbled dialog box ...": a second thing it does, kept in the check.
_OR_MAY_RE = re.compile(
    r"^,?\s+(?:or|and)\s+(?:may|might|can|will)\s+(?P<verb>[a-z]+)\s+(?P<obj>[^.;:]{3,100})$",
    re.IGNORECASE,
)
_QUANTIFIER_RE = re.compile(r"^(?:some|one|all|many|several|most) of ", re.IGNORECASE)
_HEAD_END_RE = re.compile(r"\s(?:that|which|who|on|in|for|of|with|from|under)\s", re.I)
_MESSAGE_AFTER_RE = re.compile(r":\s+(?P<block>\S.*)$")
_FIRST_LINE_RE = re.compile(r"^(?P<line>.{8,120}?[.!?])(?:\s|$)")
MAX_CHECK = 300
_EXPLAINED_RE = re.compile(
    r"^(?:explanation|(?:user |recommended |suggested )?action|cause|resolution|solution"
    r"|note|more information)\s*:",
    re.IGNORECASE,
)
_JOINER_RE = re.compile(r"^\s*-+\s*(?:and|or)\s*-+\s*$", re.IGNORECASE)
#: "Event: 182 Connection failure, code=11 Cause Data = ...": the id and the words up to
#: the first "Field = value" of the record.
_LONE_EVENT_RE = re.compile(
    r"^Event(?:\s+ID)?\s*[:#]\s*(?P<id>\d{1,6})\b"
    r"(?:\s+(?P<said>(?:[^=:\"]|=(?=\S)){4,60}?))?(?=\s+[A-Z][\w ]{0,30}?\s=\s|$)"
)


def block_lead(text: str) -> bool:
    """Whether a paragraph ending in a colon leads into one message or event block shown
    whole (not alternatives offered one per choice, nor a fix's "do the following:")."""
    said = clean(text)
    if not said.endswith(":") or ("following" not in said.casefold() and "like" not in said):
        return False
    return bool(_BLOCK_LEAD_RE.search(said)) and not _ALTERNATIVES_RE.search(said)


def block_after(paras: list[Para], lead: int, start: int, room: int) -> list[str]:
    """The texts of the paragraphs from `start` on that are indented under `paras[lead]`
    (the rest of its message block), as many as fit in `room` characters."""
    kept: list[str] = []
    for para in paras[start:]:
        if para.separator:
            continue
        if para.heading or para.indent <= paras[lead].indent or _JOINER_RE.match(para.text):
            break  # "-and-" / "-or-" between records: each its own (shown_together, choices)
        if _EXPLAINED_RE.match(para.text.strip()):
            break  # the message reference's "Explanation: / Action:": no part of what is seen
        text = clean(strip_marker(para.text))
        if len(text) + 1 > room:
            break
        room -= len(text) + 1
        kept.append(text)
    return kept


def _plural(subject: str) -> bool:
    head = _HEAD_END_RE.split(subject, maxsplit=1)[0].split()[-1].casefold()
    return head.endswith("s") and not head.endswith(("ss", "us", "is"))


def _third(verb: str, plural: bool) -> str:
    if plural:
        return verb
    if verb.endswith(("s", "sh", "ch", "x")):
        return f"{verb}es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return f"{verb[:-1]}ies"
    return f"{verb}s"


def starts_check(sentence: str) -> str:
    """ "Check that X starts" for "X may not start / fails to start" (with a second thing
    it does after "or may": "... and no longer displays Y"); "" for other sentences."""
    said = _NOT_START_RE.match(sentence.strip())
    if said is None:
        return ""
    subject = _QUANTIFIER_RE.sub("", said.group("subj"))
    plural = _plural(subject)
    check = f"Check that {subject[:1].lower()}{subject[1:]} {'start' if plural else 'starts'}"
    also = _OR_MAY_RE.match(said.group("rest"))
    if also:
        verb = also.group("verb").casefold()
        if verb not in {"be", "have", "not", "also"}:
            check += f" and no longer {_third(verb, plural)} {also.group('obj').strip()}"
    return f"{check}."


def _event_ids(block: str) -> list[tuple[str, str]]:
    """(id, source) of each event record in a block joined to one line."""
    found: list[tuple[str, str]] = []
    for piece in re.split(r"(?=\bSource\s*:)", block):
        parts = event_parts(piece)
        if parts is not None:
            found.append((parts[0], parts[1]))
    if not found:
        lone = _LONE_EVENT_RE.match(block)
        if lone:  # "Event: 182 Connection failure, code=11 Cause Data = ...": its first line
            said = (lone.group("said") or "").strip(" ,.")
            found.append((lone.group("id"), f'"{said}"' if said else ""))
    return list(dict.fromkeys(found))


def block_check(symptom: str) -> str:
    """The check of the message or event block the symptom shows after its lead-in: the
    event ids no longer logged, else the message's first line no longer shown; "" when
    the symptom shows no block."""
    text = " ".join(symptom.split())
    if ":" not in text or ("ollowing" not in text and "like" not in text):
        return ""
    lead = next(
        (
            m
            for m in re.finditer(r"[^:]*:(?=\s)", text)
            if m.group(0).count('"') % 2 == 0 and block_lead(m.group(0))
        ),
        None,
    )
    if lead is None:
        return ""
    block = text[lead.end() :].strip()
    if len(block) < 8:
        return ""
    events = _event_ids(block)
    if events:
        sources = {s for _, s in events[:3]}
        if len(events) > 1 and len(sources) == 1 and not next(iter(sources)).startswith('"'):
            # "events 1166 and 1002 (MSExchangeDS)": one source named once
            named = [n for n, _ in events[:3]]
            named[-1] = f"{named[-1]} ({next(iter(sources))})" if any(sources) else named[-1]
        else:
            named = [f"{n} ({s})" if s else n for n, s in events[:3]]
        ids = " and ".join(named) if len(named) <= 2 else f"{', '.join(named[:-1])} and {named[-1]}"
        word = "events" if len(named) > 1 else "event"
        return f"check that {word} {ids} {'are' if len(named) > 1 else 'is'} no longer logged."
    first = _FIRST_LINE_RE.match(block)
    line = first.group("line") if first else ""
    if not line or not line[0].isalnum() or len(split_sentences(line)) != 1:
        return ""
    return f'check that the message "{line.rstrip(".")}" no longer appears.'


def block_verify(verify: str, symptom: str) -> str:
    """A verify that pastes the symptom (see verify_observable._PASTED_RE) said as what the
    admin checks: that the thing which did not start starts, and that the block's event
    or message no longer comes; `verify` unchanged when the symptom names neither."""
    if not verify.startswith(
        ("Check that the problem no longer occurs: ", "Check that this no longer happens: ")
    ):
        return verify
    first = next(iter(split_sentences(" ".join(symptom.split()))), "")
    starts = starts_check(first) if "start" in first else ""
    message = block_check(symptom)
    if starts and message:
        check = f"{starts[:-1]}, and {message.replace('check that ', 'that ', 1)}"
    elif starts:
        check = starts
    elif message:
        check = f"C{message[1:]}"
    else:
        return verify
    return check if len(check) <= MAX_CHECK else verify


#: A lead-in that names warnings or error messages: a "WARNING: ..." block under it is
#: the message itself ("WARNING: The Intel 80386 CPU in this computer ..."), not a note.
_WARNED_RE = re.compile(r"\bwarnings?\b|\berror messages?\b", re.IGNORECASE)


def warned(lead: str, item: str) -> bool:
    """Whether `item`, which opens like a KB note ("WARNING:"), is a message the lead-in
    announces (a warning or error message), not the article's own caution."""
    return item[:8].casefold().startswith(("warning", "caution")) and bool(
        _WARNED_RE.search(split_sentences(clean(lead))[-1] if lead.strip() else "")
    )


#: 'the message "Event ID: 252 Description: Error during initialization, rc = 13" no
#: longer appears': an event-log record quoted as if it were a dialog box.
_EVENT_MESSAGE_RE = re.compile(
    r'\bthe message "(?P<m>Event(?:\s+ID)?\s*[:#]?\s*\d{1,6}\b[^"]*)" no longer appears\b'
    r"|\bthis (?:message )?no longer appears: (?P<t>Event(?:\s+ID)?\s*[:#]?\s*\d{1,6}\b.*?)\.?$"
)
_IDS_RE = re.compile(
    r"^Event(?:\s+ID)?\s*[:#]?\s*(?P<ids>\d{1,6}(?:(?:,|,? or|,? and)\s+\d{1,6})*)"
)
_FIELD_LEAD_RE = re.compile(
    r"^[\s:.-]*(?:(?:Source|Type|Category)\s*:\s*\S+(?:\s+\S+)?\s+)*(?:Description\s*:\s*)?"
)


MAX_EVENT_SAID = 140
_LABEL_SOURCE_RE = re.compile(r"^\s*\((?P<src>[^()]{2,60})\)\s*:\s*")


def event_check(message: str) -> str:
    """'event 252 ("Error during initialization, rc = 13") is no longer logged' for an
    event record quoted as a message, by its id and what it reports; "" when the message
    is no event record."""
    ids = _IDS_RE.match(message)
    if ids is None:
        return ""
    parts = event_parts(message)
    if parts is not None:
        source, said = parts[1], parts[2]
    else:
        rest = message[ids.end() :]
        named = _LABEL_SOURCE_RE.match(rest)  # "Event ID 6087 (MSExchangeGWRtr): ..."
        source = named.group("src") if named else ""
        said = _FIELD_LEAD_RE.sub("", rest[named.end() :] if named else rest, count=1)
    said = clean(said).lstrip(" .:\"'").rstrip(" .")
    if not (said.endswith(("'", '"')) and said.count("'") % 2 == 0 and said.count('"') % 2 == 0):
        # a closing quote is kept only when it closes one the text opened ("for the
        # volume(s) 'F:'"): never cut "'F:'" to "'F"
        said = said.rstrip(" .:\"'")
    said = said.replace('"', "'")
    if not source and re.fullmatch(r"\([^()]{2,60}\)", said):
        source, said = said[1:-1], ""  # "Event ID 20077 (Remote Access Service)"
    if len(said) > MAX_EVENT_SAID:  # its first sentence, else cut where a word ends
        said = split_sentences(said)[0].rstrip(".")
        if len(said) > MAX_EVENT_SAID:
            said = f"{said[:MAX_EVENT_SAID].rsplit(' ', 1)[0]} ..."
    numbers = " ".join(ids.group("ids").split())
    inner = ", ".join(x for x in (source, f'"{said}"' if len(said) >= 4 else "") if x)
    name = f"event {numbers} ({inner})" if inner else f"event {numbers}"
    return f"{name} is no longer logged"


def event_verifies(tree: dict[str, object]) -> None:
    """Every outcome's verify that quotes an event-log record as a message checks the
    event by its id instead (see event_check); other verifies unchanged."""
    from kbassist.drafting.text import brace

    nodes = tree.get("nodes")
    if not isinstance(nodes, list):
        return
    for node in nodes:
        if not isinstance(node, dict) or node.get("kind") != "outcome":
            continue
        for n, item in enumerate(node.get("verify") or []):
            text = str(item.get("text", "")) if isinstance(item, dict) else ""
            if 'message "Event' not in text and "appears: Event" not in text:
                continue
            plain = text.replace("{{", "{").replace("}}", "}")
            found = _EVENT_MESSAGE_RE.search(plain)
            check = event_check(found.group("m") or found.group("t")) if found else ""
            if check and found:
                end = "." if found.group("t") else ""  # "appears: Event ...." took the stop
                said = f"{plain[: found.start()]}{check}{end}{plain[found.end() :]}"
                node["verify"][n] = {**item, "text": brace(said)}


def explained(text: str) -> bool:
    """Whether a block under a message is the message reference's "Explanation:" or
    "Action:" paragraph (what it means, what to do): no form of the message to choose."""
    return bool(_EXPLAINED_RE.match(text.strip()))


#: "The printer will receive the error when the following measurements are selected:":
#: what brings the message follows (settings, conditions), not another message ("When you
#: complete Setup, you may experience one or more of the following symptoms:" lists what
#: is seen: symptoms, problems, log entries are forms, never conditions).
_CONDITION_LEAD_RE = re.compile(
    r"\b(?:when|if|after|while)\b[^:]{0,60}\bthe following "
    r"(?!(?:\w+ )?(?:errors?|messages?|events?|warnings?|text|dialog|symptoms?|problems?"
    r"|entries|signs?)\b)\w+",
    re.IGNORECASE,
)


def condition_lead(text: str) -> bool:
    """Whether a lead's last sentence introduces what brings the message ("when the
    following measurements are selected:"), not a message to choose."""
    last = split_sentences(clean(text))[-1] if text.strip() else ""
    return "following" in last and bool(_CONDITION_LEAD_RE.search(last))
