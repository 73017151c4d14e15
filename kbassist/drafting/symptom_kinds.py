"""What a symptom's listed blocks are, so "Which of these do you see?" offers only real
alternatives: an event-log entry is one choice named by its id and source; facts the
article lists as all true at once are shown together; a list of causes under a message
is no form of the symptom; a fragment of code or trace is no message; and the sentence
that says when the message appears stays with it.

Split from `symptoms` (which finds the messages) to keep each rule small and cheap:
every pattern is compiled once and guarded by a substring test where it can be.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import Para, clean, short_label, split_sentences

# --------------------------------------------------------------------------- events

#: "Event ID: 2508", "Event ID 4097", "Event Id 5730 -", "Event: 98" (after its source).
_EVENT_ID_RE = re.compile(r"\bEvent(?:\s+ID)?\s*[:#-]?\s*(\d{1,6})\b", re.IGNORECASE)
#: The field names of an event as the Event Viewer shows it.
_FIELDS = r"(?:Source|Type|Category|Description|Event(?:\s+ID)?|User|Computer|Date|Time)"
_SOURCE_RE = re.compile(
    rf"\bSource\s*(?::|-)\s*(.+?)(?=\s+(?i:{_FIELDS})\s*(?::|-|\d)|\s+(?:The|A|An|This)\s|\s+<|$)"
)
_DESCRIPTION_RE = re.compile(r"\bDescription\s*:\s*(.+)$", re.IGNORECASE)
_FIELD_RE = re.compile(rf"\b{_FIELDS}\s*(?::|-)\s*\S+", re.IGNORECASE)


def event_parts(message: str) -> tuple[str, str, str] | None:
    """(id, source, description) of an event-log entry written as its fields ("Event ID:
    2508 Source: Server Type: Error Description: ..."), else None."""
    if "event" not in message[:60].casefold() or "source" not in message.casefold():
        return None
    found = _EVENT_ID_RE.search(message)
    source = _SOURCE_RE.search(message)
    if found is None or source is None or found.start() > 60 or source.start() > 80:
        return None
    said = _DESCRIPTION_RE.search(message)
    if said is not None:
        description = said.group(1)
    else:  # "Event ID 7023 Source - Service Control Manager The World Wide Web ..."
        description = message[max(found.end(), source.end()) :]
        description = _FIELD_RE.sub("", description)
    return found.group(1), clean(source.group(1)).rstrip(" .,-"), clean(description)


def event_label(message: str, limit: int = 100) -> str:
    """ "Event ID 2508 (Server): The server service was unable to load the server driver":
    the id and source name the event, its description says what it reports; "" when the
    message is not an event-log entry."""
    parts = event_parts(message)
    if parts is None:
        return ""
    number, source, description = parts
    name = f"Event ID {number} ({source})" if source else f"Event ID {number}"
    room = limit - len(name) - 2
    if not description or room < 12:
        return name
    return f"{name}: {short_label(description.replace('. ', '. ', 1), room)}"


# --------------------------------------------------------------------------- together

#: A lead that says its items are alternatives: "one of the following", "either", "-or-".
_ALTERNATIVE_RE = re.compile(
    r"\b(?:one|any|either|some|each) of\b|\bone or (?:more|both)\b|\beither\b|\bor more\b|"
    r"\bsimilar\b|\bsuch as\b|\bfor example\b|\bdifferent\b|\bor\b",
    re.IGNORECASE,
)
#: A lead over facts that are all true at once: the events an error logs ("The following
#: system events appear in the Event Viewer:", "The following events may also appear in
#: the application event log:"), a sequence, "you see that the database is
#: corrupted:", "when the following are true:".
_TOGETHER_RE = re.compile(
    r"\bfollowing (?:\w+ ){0,2}?events? (?:(?:may|might|can|will) )?(?:also )?"
    r"(?:appears?|are|is|were|was|be|occurred|gets?)\b|"
    r"\bsequence of\b|\b(?:all|both) of the following\b|"
    r"\bthe following (?:are|is|were) (?:all )?true\b|\bfollowing characteristics\b|"
    r"\byou (?:see|notice|find) that\b",
    re.IGNORECASE,
)
#: "You receive the following error messages:", "you will see the following two
#: messages:": the messages of one event, shown one after the other (round 38).
_MESSAGES_LEAD_RE = re.compile(
    r"\b(?:receive|get|see|displays?)\s+(?:the following|these|both|the two|two)\s+"
    r"(?:two\s+|three\s+)?(?:[\w-]+\s+)?messages\b",
    re.IGNORECASE,
)
#: Words that keep such messages alternatives ("depending on how you start it"), or
#: messages that may come beside the problem ("Also, you may receive ...": asked apart).
_MESSAGES_CHOICE_RE = re.compile(
    r"\bdepending\b|\bsome or all\b|\bone or more\b|\balso\b|\bin addition\b", re.I
)
#: A listed message under a case of its own ("On the Macintosh client:", "When you
#: select Historical Overview:"): one form per case, not one event.
_CASE_ITEM_RE = re.compile(
    r"^(?:on|in|when|if|after|with|for|under|from|while)\b[^:]{0,80}:", re.IGNORECASE
)


#: "-and/or-" between two listed messages: any of them, not all (Q111466's kind).
_AND_OR_RE = re.compile(r"^-*\s*and\s*/\s*or\s*-*$", re.IGNORECASE)


def messages_together(lead: str, group: list[str]) -> bool:
    """Whether a lead's messages come together (see _MESSAGES_LEAD_RE): two or more, the
    lead plural with no word of choice, and no message under a case of its own."""
    return (
        len(group) >= 2
        and bool(_MESSAGES_LEAD_RE.search(lead))
        and not _ALTERNATIVE_RE.search(lead)
        and not _MESSAGES_CHOICE_RE.search(lead)
        and not any(_CASE_ITEM_RE.match(item) or _AND_OR_RE.match(item) for item in group)
    )


#: "-and-" between two listed items: both hold.
_AND_RE = re.compile(r"^-+\s*and\s*-+$", re.IGNORECASE)


def listed_together(lead: str, group: list[str], ors: bool = False) -> bool:
    """Whether a lead's listed items all hold at once (shown together, never offered as
    "which do you see?"): the lead says so, or "-and-" joins the items; or the lead names
    the messages in the plural with no word of choice, no `-or-` between them (`ors`) and
    no item under a case of its own (`messages_together`, round 38)."""
    if any(_AND_RE.match(item.strip()) for item in group):
        return True
    last = split_sentences(clean(lead))[-1] if lead.strip() else ""
    if not ors and messages_together(last, group):
        return True
    return bool(_TOGETHER_RE.search(last)) and not _ALTERNATIVE_RE.search(last)


#: A later lead whose one message comes with the first, not instead of it ("this line is
#: added after the error:", "EXTERNAL.EXE will log the following error in the log file:",
#: "Also, the following error may occur on the client:").
_ACCOMPANIES_RE = re.compile(
    r"\b(?:also|additionally|in addition|(?:is|are) added|followed by|after (?:the|this|that) "
    r"(?:error|message)|log file|event log|(?:is|are) logged|will log|logs the following)\b",
    re.IGNORECASE,
)


#: A lead that sets its own scene ("Also, if you try to get mailbox details with the
#: Administrator program, ..."): its message is another form, not one that comes along.
_OWN_SCENE_RE = re.compile(r"\b(?:if|when|whenever|instead)\b", re.IGNORECASE)


#: "If you press the F2 key while this error message is displayed, you will see the
#: following error codes:": the detail of the same message, not another form of it.
_DETAIL_OF_RE = re.compile(
    r"\b(?:while|when) (?:this|the|that) (?:error )?(?:message|dialog box) is (?:displayed|shown"
    r"|open)\b|\b(?:press|click|select)(?:ing)? (?:the )?(?:F2|details|more info)\b"
    # "When you click click here, you receive error message details similar to the
    # following:": the crash dialog's details, not another form (round 38)
    r"|\breceive (?:the )?(?:error )?(?:message )?details\b|\bdetails about the error\b",
    re.IGNORECASE,
)


def accompanies(lead: str) -> bool:
    """Whether a later lead's message comes with the one before it (see _ACCOMPANIES_RE),
    not after a scene of its own; or is that message's detail (`_DETAIL_OF_RE`)."""
    last = split_sentences(clean(lead))[-1] if lead.strip() else ""
    if _DETAIL_OF_RE.search(last):
        return True
    return bool(_ACCOMPANIES_RE.search(last)) and not _OWN_SCENE_RE.search(last)


# --------------------------------------------------------------------------- causes

#: "This error may be caused by any of the following:" closing a message: what follows
#: is why it happens (the SDK's list of causes), not forms of the symptom.
_CAUSED_BY_RE = re.compile(
    r"\b(?:caused by|due to|because of|results? from|reasons? (?:for|include))\b[^.]{0,40}:$",
    re.IGNORECASE,
)


def causes_follow(text: str) -> bool:
    """Whether a block's last sentence leads into a list of causes ("This error may be
    caused by any of the following:")."""
    if not text.endswith(":") or not ("caus" in text or "due to" in text or "because" in text):
        return False
    sentences = split_sentences(text)
    return bool(sentences) and bool(_CAUSED_BY_RE.search(sentences[-1]))


def before_causes(group: list[str]) -> list[str]:
    """The group up to the message whose last sentence leads into a list of causes (that
    message kept, without its lead-in); the group itself when none does."""
    for n, item in enumerate(group):
        if causes_follow(item):
            kept = " ".join(split_sentences(item)[:-1]).strip()
            return [*group[:n], kept] if kept else group[:n]
    return group


# --------------------------------------------------------------------------- fragments

#: A line of code or a trace, not a message a user sees: an SQL statement, a logged line
#: with its time stamp, an elision alone.
_FRAGMENT_RE = re.compile(
    r"^(?:(?:update|insert into|delete from|select)\s+\S+\s+(?:set|from|values|where|\S+\s*=)|"
    r"\d{1,2}:\d{2}:\d{2}[.,]\d+\s|\.{3}$|\[(?:\.\.\.|\u2026)\]$|"
    r"[er]ax=[0-9a-f]{8}|state dump for thread|fault\s*->|\*-+>|frameptr\b|function:\s*\S+$|"
    r"\(?[0-9a-f]{8}\s+[0-9a-f]{2,}\b|\([0-9a-f]{4,}$)",
    re.IGNORECASE,
)


def is_fragment(message: str) -> bool:
    """A piece of code or trace output ("update MSreplication_subscriptions set ...")."""
    return bool(_FRAGMENT_RE.match(message.strip().lstrip(">").strip()))


def told_by_label(messages: list[str]) -> list[str]:
    """The messages a choice can tell apart: one whose label reads like an earlier one's
    even when the label is widened (`wider_label`) is dropped ("update ... cast(@P1" and
    "update ... cast(@P1 (2)" are no choice); [] when fewer than two are left."""
    if len(messages) < 2:
        return messages
    from kbassist.drafting.told_apart import told_apart

    apart = told_apart(messages)
    seen: set[str] = set()
    wide: set[str] = set()
    kept: list[str] = []
    for n, message in enumerate(messages):
        label = (apart[n] or event_label(message) or short_label(message, 80)).casefold()
        wider = wider_label(message).casefold()
        if label in seen and wider in wide:
            continue
        seen.add(label)
        wide.add(wider)
        kept.append(message)
    return kept if len(kept) >= 2 else []


def wider_label(message: str, limit: int = 100) -> str:
    """A label for a message whose usual one reads like another's: its text to `limit`,
    cut at a word, not at its first clause ("mfcs42d.lib(dllmodul.obj) : error LNK2005:
    _DllMain@12 already defined" rather than "mfcs42d.lib(dllmodul.obj)")."""
    text = clean(_ELISION_RE.sub("", message)).rstrip(" .:")
    if len(text) <= limit:
        return text
    return text[: limit + 1].rsplit(" ", 1)[0].rstrip(" ,;:(-")


_ELISION_RE = re.compile(r"(?<!\s)\s*\[(?:\.\.\.|\u2026)\]")


def with_it(found: list[str], symptom: str, limit: int = 400) -> str:
    """ " Also: A; B.": the facts listed as all true with the symptom, those it does not
    already say (an event by its id, source and description), as many as fit in `limit`;
    "" when none."""
    said = clean(symptom).casefold()
    items: list[str] = []
    for item in found:
        item = clean(item).rstrip(" .;")
        if not item or item.casefold() in said:
            continue
        item = event_label(item) or item
        if sum(len(i) + 2 for i in items) + len(item) > limit:
            break
        items.append(item)
    if not items:
        return ""
    # "... on the BDC: The RPC server is unavailable" ends without a stop: one before "Also"
    stop = "" if said.rstrip().endswith((".", "!", "?", ":")) or _OPEN_WORD_RE.search(said) else "."
    joined = "; ".join(items)
    end = "" if joined.endswith(("?", "!")) else "."  # "... Would you like to delete it?"
    return f"{stop} Also: {joined}{end}"


#: A symptom ending on a word its sentence goes on after ("... the return value is"): no
#: stop put after it.
_OPEN_WORD_RE = re.compile(r"\b(?:is|are|was|were|be|the|a|an|of|to|for|with|by|from|and|or)$")


# --------------------------------------------------------------------------- trigger

#: "The error occurs when trying to do a NET USE": when the message shown before appears.
_TRIGGER_RE = re.compile(
    r"^(?:the|this) (?:error(?: message)?|message|problem|behaviou?r|issue|symptom)s? "
    r"(?:only )?(?:occurs?|happens?|appears?|is (?:displayed|generated|returned)) "
    r"(?:only )?(?:when|if|after|while|during|on)\b",
    re.IGNORECASE,
)


def trigger_after(paras: list[Para], shown: int) -> str:
    """The paragraph right after the `shown` ones when it says when the message appears,
    else "" (it is the symptom's trigger: "... on NET USE")."""
    if shown >= len(paras):
        return ""
    text = clean(paras[shown].text)
    if paras[shown].marker or len(text) > 300:
        return ""
    return text if _TRIGGER_RE.match(text) else ""


# --------------------------------------------------------------------------- modern

#: "..., you get the following error message" with no colon: the quoted message after
#: it is still the one it announces.
_ANNOUNCES_RE = re.compile(
    r"\bthe following (?:\w+ ){0,2}?(?:messages?|errors?|output|text|entries|events?)$",
    re.IGNORECASE,
)
#: "Additionally, the system may log the following entries in the event log.": a list of
#: event entries the symptom comes with.
_LOGS_RE = re.compile(
    r"\b(?:log|logs|logged|records?|recorded)\b[^.:]{0,40}\bfollowing (?:\w+ ){0,2}?"
    r"(?:entries|events?)\b|\bfollowing (?:\w+ ){0,2}?(?:entries|events?)\b[^.:]{0,20}"
    r"\b(?:logged|recorded|in the (?:\w+ ){0,2}?(?:event )?log)\b",
    re.IGNORECASE,
)
#: Background about a component, not what goes wrong ("Its primary responsibilities
#: include the following:").
_BACKGROUND_RE = re.compile(r"\bresponsibilit(?:y|ies)\b|\bis responsible for\b", re.I)


def announces(text: str) -> bool:
    """A lead that ends by naming the message it introduces, without a colon."""
    return "following" in text and bool(_ANNOUNCES_RE.search(text.rstrip(" .")))


def logs_entries(text: str) -> bool:
    """A lead over the event-log entries the symptom comes with."""
    return "following" in text and bool(_LOGS_RE.search(text))


def is_background(text: str) -> bool:
    """A block that says what a component does, padding a symptom it does not change."""
    return "responsib" in text and bool(_BACKGROUND_RE.search(text))


def before_background(text: str) -> str:
    """`text` up to its first sentence about what a component does ("" when it opens
    with one)."""
    kept: list[str] = []
    for sentence in split_sentences(text):
        if is_background(sentence):
            break
        kept.append(sentence)
    return " ".join(kept)


def entries_text(names: list[tuple[str, str]], limit: int = 90) -> str:
    """ "Event 1509 (source: User Profile General): Windows cannot copy file ...; ...":
    each listed entry by its name and its text's first sentence, cut at whole words."""
    items = []
    for name, said in names:
        name = clean(name).rstrip(" .:")
        said = short_label(said, limit) if said else ""
        items.append(f"{name}: {said}" if said else name)
    return "; ".join(i for i in items if i) + "."
