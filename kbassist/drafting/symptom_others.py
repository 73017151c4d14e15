"""Every form of a symptom offered: messages alike but for where they fault, the form said
beside the messages ("the output could be corrupt or you could receive ..."), and the
form that shows no message at all ("... fail without any message or visual cue").

Seed-90 readers (round 33): Q195374's "the output could be corrupt or you could receive an
access violation such as the following." over two "The instruction at "0x..." referenced
memory at "0x..."" messages was asked as one yes/no showing the first message only, the
corrupt output never offered; Q182323's "The last two operations listed above fail without
any message or visual cue." was sent to "None of these" while only its two messages were
choices. Two messages that differ only in the address they fault at are one form (the
addresses change from run to run); a different text, or a form with no message, is
another choice. An error code (`0x80070005` beside `0x80004005`) is no address: those
stay two forms.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import Para, clean, paragraphs, short_label, split_sentences

#: A number said as where a fault happened ("at "0x004064ab"", "address 0x7C80", "offset
#: 1A2B", "memory at '0x73207373'"): it changes from run to run.
_WHERE_RE = re.compile(
    r"(?P<lead>\b(?:at|address|addr|location|offset|memory at)\s{1,3}[\"'\u201c\u2018]?)"
    r"(?:0x)?[0-9a-f]{4,16}h?\b",
    re.IGNORECASE,
)


def _where_masked(message: str) -> str:
    """A message with the addresses it faults at masked, to compare two of them."""
    return _WHERE_RE.sub(lambda m: f"{m.group('lead')}#", " ".join(message.split())).casefold()


def where_alike(messages: list[str]) -> list[str]:
    """`messages` without those that repeat an earlier one but for the addresses it faults
    at (two access violations "at 0x004064ab" and "at 0x004050fe"): one form, the first."""
    seen: set[str] = set()
    out: list[str] = []
    for message in messages:
        key = _where_masked(message)
        if key in seen:
            continue
        seen.add(key)
        out.append(message)
    return out


#: "..., the output could be corrupt or you could receive an access violation such as the
#: following." / "... or you may get one of the following errors:": the clause before
#: "or you" is a form of its own, beside the messages shown after the lead.
_OR_LEAD_RE = re.compile(
    r"(?:^|,\s)(?P<form>[^,;:]{8,160}?),?\sor\s(?:else\s)?you\s(?:may|might|could|can|will)"
    r"\s(?:also\s)?(?:receive|get|see|encounter)\b[^,;:]{0,120}?\b(?:the\sfollowing|these)"
    r"(?:\s(?:\w{1,20}\s)?(?:messages?|errors?))?\s{0,2}[.:]$",
    re.IGNORECASE,
)

#: A subject that names no form ("this", "it"): the clause is no form to offer.
_VAGUE_FORM_RE = re.compile(
    r"^(?:(?:usually|often|sometimes|also)\s)?(?:this|it|that|there)\b|\b(?:must|should|needs?\sto)\b",
    re.IGNORECASE,
)
#: A clause that says something happens ("may not start", "is corrupt", "hangs").
_PREDICATE_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|becomes?|fails?|stops?|hangs?|crash(?:es)?|quits?|may|might"
    r"|could|can|cannot|will|won't|does|doesn't|do|did)\b",
    re.IGNORECASE,
)
#: What may come before the form in its sentence: nothing, or one scene clause ("When
#: you print to a fax machine, "); a list of forms ("you may receive a GP fault, Word
#: may hang, or ...") is not cut to its last one.
_BEFORE_FORM_RE = re.compile(
    r"^(?:(?:when|whenever|if|after|while|during|on|in|with|using|because|once|as)\s[^,;:]{3,300},\s)?$",
    re.IGNORECASE,
)
#: A clause with no subject of its own ("borders may not print, may not be shown or you
#: may receive"): one of a list the label would cut from its subject.
_NO_SUBJECT_RE = re.compile(
    r"^(?:may|might|could|can|will|would|is|are|was|were|does|do|did|not|fails?|stops?)\b",
    re.IGNORECASE,
)
#: A lead into one message ("you may receive the following error message:"): its
#: indented paragraphs are the lines of that one message, not forms.
_ONE_RE = re.compile(
    r"\bthe\sfollowing\s(?:\w{1,20}\s)?(?:message|error)\s{0,2}[.:]$|\ban?\s(?:\w{1,20}\s)?"
    r"message\s(?:similar\sto|like|such\sas)\sthe\sfollowing(?:\s(?:message|one))?\s{0,2}[.:]$",
    re.IGNORECASE,
)


def _indented_after(paras: list[Para], start: int) -> list[str]:
    """The blocks indented under `paras[start]`, one text each, up to the next paragraph
    back at its indent."""
    group: list[str] = []
    for later in paras[start + 1 :]:
        if later.separator:
            continue
        if later.indent <= paras[start].indent and not later.marker:
            break
        group.append(clean(later.text))
    return group


def _unquoted(message: str) -> str:
    """A message without the quotes around the whole of it (none inside it are touched)."""
    if len(message) > 2 and message[0] == message[-1] == '"' and '"' not in message[1:-1]:
        return message[1:-1]
    return message


def or_lead_forms(section_text: str) -> list[str]:
    """The forms a lead says beside the messages it shows ("the output could be corrupt
    or you could receive an access violation such as the following." over two
    violations): the clause before "or you", then each message (alike ones once); []
    unless both are there."""
    paras = [p for p in paragraphs(section_text) if not p.heading]
    for n, para in enumerate(paras):
        if para.marker:
            continue
        sentences = split_sentences(clean(para.text))
        found = _OR_LEAD_RE.search(sentences[-1][-400:]) if sentences else None
        if found is None:
            continue
        form = found.group("form").strip()
        said = sentences[-1][-400:]
        if not _BEFORE_FORM_RE.match(said[: found.start("form")]):
            continue
        if (
            _VAGUE_FORM_RE.search(form)
            or _NO_SUBJECT_RE.match(form)
            or not _PREDICATE_RE.search(form)
        ):
            continue
        # a quoted message ('"Run-time error ...": Method ...') is named without its quotes
        messages = where_alike([_unquoted(m) for m in _indented_after(paras, n) if m.strip('"')])
        if _ONE_RE.search(sentences[-1]) and "one of" not in sentences[-1].casefold():
            messages = [" ".join(messages)] if messages else []  # a box's lines: one
        if not messages or len(messages) > 6 or any(len(m) > 400 for m in messages):
            continue
        label = short_label(form[:1].upper() + form[1:], 120)
        return [label, *messages] if label else []
    return []


#: A form of the failure that shows nothing: "... fail without any message or visual
#: cue", "... quits silently", "no error message is displayed".
_SILENT_RE = re.compile(
    r"\b(?:without\s(?:any\s|an\s)?(?:error\s)?(?:message|warning|notice|indication|visual\scue"
    r"|notification)|(?:quits?|fails?|exits?|closes?|stops?|terminates?)\ssilently"
    r"|no\s(?:error\s)?message\s(?:is\s|box\s(?:is\s)?)?(?:displayed|shown|returned|appears))",
    re.IGNORECASE,
)
#: A sentence that only says no message shows ("No error message is displayed."): the
#: sentence before it says what happens.
_BARE_SILENT_RE = re.compile(r"^no\s(?:error\s)?message\b", re.IGNORECASE)
#: ", but the data file does not appear in X" after a silent clause: what happens.
_BUT_RE = re.compile(r",\s(?:but|and)\s(?P<rest>[^,;:]{10,160})$", re.IGNORECASE)
#: A sentence's opening condition or place ("If the domain is delegated, ", "In Visual
#: FoxPro 6.0 running under Windows NT 4.0, "): a long label keeps what happens after it.
_SCENE_RE = re.compile(r"^(?:if|when|in|on|under|using|with|after)\s[^,]{3,160},\s", re.I)
#: "listed above", "mentioned earlier": a pointer a label reads better without.
_ABOVE_RE = re.compile(r"\s(?:listed|mentioned|described|shown)\s(?:above|earlier)\b", re.I)


def silent_forms(section_text: str, messages: list[str]) -> list[str]:
    """Labels of the paragraphs of a symptom section (after a lead into messages) that
    say the failure shows no message ("The last two operations fail without any message
    or visual cue"): a form beside the messages, not "None of these". Only the paragraph's
    own sentence saying so; none when `messages` is empty (a yes/no shows it whole)."""
    if not messages:
        return []
    paras = [p for p in paragraphs(section_text) if not p.heading]
    lead_seen = False
    out: list[str] = []
    for para in paras:
        text = clean(para.text)
        if text.endswith(":"):
            lead_seen = True
            continue
        if not lead_seen or para.marker or para.indent > paras[0].indent:
            continue
        sentences = split_sentences(text)
        at = next((n for n, s in enumerate(sentences) if _SILENT_RE.search(s)), None)
        if at is None:
            continue
        said = sentences[at]
        if _BARE_SILENT_RE.match(said):
            # "FoxPro simply disappears after executing X. No error message appears.": the
            # form is the sentence before, the message it lacks said after it
            said = f"{sentences[at - 1].rstrip(' .')}, with no error message" if at else ""
        turn = _BUT_RE.search(said)
        if turn is not None and _SILENT_RE.search(said[: turn.start()]):
            # "..., no error message appears, but the data file does not appear in X": what
            # happens is after "but", said to come with no message
            rest = turn.group("rest").rstrip(" .")
            said = f"{rest[:1].upper()}{rest[1:]}, with no error message"
        if not said or ":" in said or any(said.casefold() in m.casefold() for m in messages):
            continue
        said = _ABOVE_RE.sub("", said).rstrip(" .")
        label = short_label(said, 120)
        scene = _SCENE_RE.match(said)
        if scene is not None and (len(label) < len(scene.group(0)) or len(label) > 100):
            # "In X running under Y, FoxPro simply disappears ...": the label would keep
            # only the scene, or be cut in it; it keeps what fails
            rest = said[scene.end() :]
            label = short_label(rest[:1].upper() + rest[1:], 120)
        if label and label not in out:
            out.append(label)
    return out[:2]


def every_form(section_text: str, messages: list[str]) -> list[str]:
    """The symptom's choices: `messages` once each but for addresses, else the forms an
    "... or you could receive ... the following." lead says; then any form said to show
    no message. [] when fewer than two (the yes/no shows the symptom whole)."""
    forms = where_alike(messages)
    if len(forms) < 2:
        forms = or_lead_forms(section_text)
    if len(forms) >= 2:
        forms = [*forms, *silent_forms(section_text, forms)]
    return forms if len(forms) >= 2 else []


#: A sentence that says what goes wrong ("These operations fail if ...").
_FAILS_RE = re.compile(
    r"\b(?:fail(?:s|ed)?|cannot|can't|unable|(?:does|do|did) not|doesn't|don't|stops?\sresponding"
    r"|hangs?|crash(?:es)?|errors?)\b",
    re.IGNORECASE,
)
#: A lead that lists what is there ("offers the following four options", "contains the
#: following commands"): its items are the scene, not the failure.
_SCENE_LEAD_RE = re.compile(
    r"\b(?:offers?|contains?|has|have|includes?|lists?|provides?|shows?|displays?)\s(?:the\s)?"
    r"following\s(?:\w{1,20}\s)?(?:options?|commands?|items?|choices?|buttons?|menus?|tabs?"
    r"|features?|entries|fields?)\b[^:]{0,80}:$",
    re.IGNORECASE,
)


def failure_after(paras: list[Para], shown: int) -> str:
    """The failure a symptom says after a lead listing the scene ("ClassView offers the
    following four options ...: - Add Member Function ..." then "These operations fail if
    project source files are read-only."): its first sentence, else ""."""
    if shown >= len(paras) or not paras or not _SCENE_LEAD_RE.search(clean(paras[0].text)):
        return ""
    later = paras[shown]
    if later.marker or later.indent > paras[0].indent or later.separator:
        return ""
    first = next(iter(split_sentences(clean(later.text))), "")
    return first if _FAILS_RE.search(first) and not first.endswith(":") else ""


#: A step that only leads into a sample of what is seen ("A sample alert message is
#: provided below,", "An example of the alert follows:"): the sample is the step.
_SAMPLE_SAID_RE = re.compile(
    r"^(?:an?\s|the\s|here\sis\san?\s)?(?:sample|example)\s(?:\w{1,20}\s){0,3}?(?:is\s|are\s)?"
    r"(?:(?:provided|given|shown|listed)\s)?(?:below|follows|as\sfollows)\s{0,2}[,:]$",
    re.IGNORECASE,
)


def sample_said(step: str) -> bool:
    """Whether a step only says a sample follows ("A sample alert message is provided
    below,"): a lead, ending in a comma or colon, no check of its own."""
    return bool(_SAMPLE_SAID_RE.match(clean(step)))
