"""Only symptoms as "Which of these do you see?" choices (round 35, seed-98 readers).

A symptom section's list is not always a list of forms of the symptom:

- "... on a computer that's running one of the following operating systems: - Windows 7
  Service Pack 1 - Windows Server 2012 R2": the products it applies to. Applicability,
  never something an admin sees (`applies_name`).
- "Notes - This problem does not apply to PowerPoint 7.0 - This problem occurs only with
  files whose filenames contain spaces": scope notes, not symptoms (`scope_note`).
- "Printer operation cannot continue ... Also, no printers are available.": the "Also"
  line belongs to the message before it, not a symptom of its own (`joined_also`).
- "- The following event may be logged in the event log:" over its record: the lead alone
  says nothing to recognise; the choice carries the record it leads into (`with_record`).

`symptom_only` applies all four to the drafter's list of messages before it becomes the
question's choices.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import Para, clean, split_sentences

#: The head of a product name: "Windows", "Microsoft Office", "SQL Server", "Exchange".
_PRODUCT_HEAD_RE = re.compile(
    r"^(?:Microsoft\s+)?(?:Windows|Office|SQL\s+Server|Exchange|Internet\s+Explorer|Visual"
    r"|\.NET|Azure|Outlook|Word|Excel|PowerPoint|Access|SharePoint|Skype|Lync|System\s+Center"
    r"|BizTalk|Dynamics|Hyper-V|MS-DOS|Project|Visio|Teams|Edge|Systems\s+Management\s+Server"
    r"|SNA\s+Server|Host\s+Integration\s+Server|Commerce\s+Server|Proxy\s+Server|FrontPage"
    r"|Internet\s+Information\s+(?:Server|Services)|IIS|Works|Publisher|Money|Encarta)\b"
)
#: A word that may stand in a product name besides capitalised ones and versions.
_NAME_WORDS = frozenset(
    "and or for with later earlier versions version of the all editions edition based bit"
    " x64 x86 arm64 itanium-based 32-bit 64-bit".split()
)
#: A version word: "7", "2012", "R2", "SP1", "XP", "NT", "3.51", "(64-bit)".
_VERSION_RE = re.compile(r"\d|^(?:R2|XP|NT|Vista|ME|RT|SP\d)$", re.IGNORECASE)
#: What a message says and a product name never does.
_SEEN_RE = re.compile(
    r"\b(?:error|event|stop|fail\w*|cannot|can't|not|unable|invalid|warning|exception|code)\b"
    r"|0x|[\"':=\\/]",
    re.IGNORECASE,
)


def applies_name(message: str) -> bool:
    """Whether `message` is a product and version ("Windows Server 2012 R2", "Microsoft
    Office 2016 (64-bit)"): what the article applies to, never a form of the symptom."""
    text = clean(message).strip().rstrip(".;,")
    if len(text) > 100 or not _PRODUCT_HEAD_RE.match(text) or _SEEN_RE.search(text):
        return False
    words = [w.strip("(),") for w in text.split()]
    words = [w for w in words if w]
    if not any(_VERSION_RE.search(w) for w in words):
        return False
    return all(
        w[0].isupper() or w[0].isdigit() or _VERSION_RE.search(w) or w.lower() in _NAME_WORDS
        for w in words
    )


#: A note on where the problem does or does not happen: "This problem does not apply to
#: PowerPoint 7.0", "This problem occurs only with files whose ...", "This issue only
#: affects ...".
_SCOPE_NOTE_RE = re.compile(
    r"^(?:Note:?\s+)?(?:This|The)\s+(?:problem|issue|behaviou?r|error|symptom)s?\s+"
    r"(?:(?:does|do)\s+not|doesn't|don't|only|applies\s+only|occurs?\s+only|happens?\s+only"
    r"|is\s+(?:only\s+)?(?:limited|specific))\b",
    re.IGNORECASE,
)


def scope_note(message: str) -> bool:
    """Whether `message` is a note on the problem's scope (see _SCOPE_NOTE_RE), not a
    symptom."""
    return bool(_SCOPE_NOTE_RE.match(clean(message).strip()))


#: A line that adds to the message before it: "Also, no printers are available."
_ALSO_RE = re.compile(r"^(?:Also|In addition|Additionally),\s", re.IGNORECASE)


def joined_also(messages: list[str]) -> list[str]:
    """`messages` with each "Also, ..." line joined to the message before it."""
    out: list[str] = []
    for message in messages:
        if out and _ALSO_RE.match(clean(message).strip()):
            out[-1] = f"{out[-1].rstrip()} {clean(message).strip()}"
        else:
            out.append(message)
    return out


#: A lead that only says a record follows: "The following event may be logged in the
#: event log:", "You may see the following entry in the Application log:".
_RECORD_LEAD_RE = re.compile(
    r"^(?:the\s+following|you\s+may\s+(?:see|receive|find)\s+the\s+following)\s+"
    r"(?:events?|entr(?:y|ies)|errors?|warnings?|messages?|records?)\b[^.:]{0,120}(?::|\.?$)",
    re.IGNORECASE,
)
#: The event record's telling fields: its id and its description.
_EVENT_ID_RE = re.compile(r"\bEvent(?:\s+ID)?\s*:?\s*#?(\d{1,6})\b", re.IGNORECASE)
_DESCRIPTION_RE = re.compile(r"\bDescription\s*:\s*(.{1,300})", re.IGNORECASE | re.DOTALL)


def with_record(message: str, section_text: str) -> str:
    """`message`, or when it opens with a bare lead into an event record (see
    _RECORD_LEAD_RE) the event itself, "Event 4087: The service could not be started
    ...": the lead alone would be the choice's label, and says nothing to recognise."""
    said = clean(message).strip()
    lead = _RECORD_LEAD_RE.match(said)
    if lead is None:
        return message
    record = said[lead.end() :]
    if not record.strip():  # the record is not in the message: the section's, after it
        text = clean(section_text)
        at = text.find(said.rstrip(".:"))
        record = text[at + len(said) : at + len(said) + 600] if at >= 0 else ""
    event = _EVENT_ID_RE.search(record)
    described = _DESCRIPTION_RE.search(record)
    if described is None:
        return message
    first = re.split(r"(?<=[.!?])\s", described.group(1).strip(), maxsplit=1)[0]
    return f"Event {event.group(1)}: {first}" if event else first


def symptom_only(messages: list[str], section_text: str) -> list[str]:
    """The messages that are forms of the symptom: applicability lists and scope notes
    dropped, "Also, ..." lines joined to theirs, bare record leads given their record."""
    kept = [
        with_record(m, section_text) for m in messages if not applies_name(m) and not scope_note(m)
    ]
    return joined_also(kept)


#: "Event ID 7000 or event ID 7026 is logged in the System log": two events, either seen.
_EITHER_EVENT_RE = re.compile(
    r"\bevent\s+ID\s+(\d{1,6})\s+or\s+(?:event\s+ID\s+)?(\d{1,6})\b"
    r"((?:\s+(?:is|are|may\s+be|might\s+be|gets?)\s+(?:logged|recorded|raised|generated))?"
    r"(?:\s+in\s+the\s+[A-Z][\w-]{0,30}\s+(?:event\s+)?log)?)",
    re.IGNORECASE,
)


def either_events(text: str) -> list[str]:
    """The two events a symptom says either of ("Event ID 7000 or event ID 7026 is logged
    in the System log"), each its own form: "Event ID 7000 is logged in the System log";
    [] when the text names no such pair."""
    split = _or_line_forms(text)
    if split:
        return split
    found = _EITHER_EVENT_RE.search(clean(text)[:600])
    if found is None or found.group(1) == found.group(2):
        return []
    rest = found.group(3)
    return [f"Event ID {found.group(n)}{rest}" for n in (1, 2)]


#: A lead into alternative errors: "Validate may fail with either of the following errors:".
_EITHER_LEAD_RE = re.compile(
    r"\b(?:either|one|any) of the following (?:\w+ )?(?:errors?|messages?|events?)\s*:\s*$",
    re.IGNORECASE,
)
#: A line that is only "OR" / "-or-" between two messages.
_OR_LINE_RE = re.compile(r"^\s*-?(?:or|OR|Or)-?\s*$")


def _or_line_forms(text: str) -> list[str]:
    """The messages a lead ("... with either of the following errors:") lists line by line
    with a bare "OR" line between them (graded seed 102, the cluster-validation article:
    "Validate Cluster Network Configuration ... OR Validate IP Configuration ..."), each
    its lines joined; [] unless the lead is right above them and two or more follow."""
    lines = text.splitlines()
    for n, line in enumerate(lines):
        if not _EITHER_LEAD_RE.search(line):
            continue
        parts: list[list[str]] = [[]]
        for later in lines[n + 1 :]:
            if not later.strip() or later.lstrip().startswith("#"):
                break  # the paragraph ends
            if _OR_LINE_RE.match(later):
                parts.append([])
            else:
                parts[-1].append(clean(later))
        if len(parts) < 2 or not all(parts):
            return []
        return [" ".join(p) for p in parts]
    return []


def not_symptom_label(label: str) -> bool:
    """Whether a symptom choice's label is no form of the symptom: a product name, a scope
    note, an "Also, ..." line or a bare record lead (bench_draft counts these)."""
    said = clean(label).strip()
    lead = _RECORD_LEAD_RE.match(said)
    return (
        applies_name(said)
        or scope_note(said)
        or bool(_ALSO_RE.match(said))
        or (lead is not None and not said[lead.end() :].strip())
    )


#: A label that is only the clause of when it happens: "When you click the Appearance tab
#: in the Display Properties window" (the sentence goes on ", no fonts are available").
_WHEN_RE = re.compile(r"^(?:When|Whenever|If|After|While|Once|As soon as)\s", re.IGNORECASE)
#: The longest sentence such a label is widened to (two lines of a choice list).
MAX_WHOLE_WHEN_LABEL = 160
#: The longest label a terse message's next sentence may make (a choice reads on a line).
MAX_FULLER_LABEL = 100


def fuller_label(message: str, label: str) -> str:
    """`label`, or the whole sentence when the label is only its "When ..." clause; or
    when it is a terse first sentence of two or three words ("Installation
    failed") and the message goes on ("An error occurred while trying to open the
    Ohrome.inf file."), both sentences: the first alone tells no message from another."""
    if label.startswith('"') and label.count('"') == 1:
        return _quote_closed(clean(message), label)
    sentences = split_sentences(clean(message))
    whole = sentences[0].rstrip(" .") if sentences else ""
    if (
        _WHEN_RE.match(label)
        and whole.startswith(f"{label.rstrip()},")
        and len(whole) <= MAX_WHOLE_WHEN_LABEL
    ):
        return whole  # "When you click the Appearance tab" said with what then goes wrong
    if len(label.split()) > 3:
        return label
    if len(sentences) < 2 or sentences[0].rstrip(" .!") != label.rstrip(" .!"):
        return label
    if not re.search(r"[.!?]$", sentences[0]):
        return label  # "The file longfilename" cut at a name's dot: no sentence of its own
    fuller = f"{sentences[0]} {sentences[1].rstrip(' .')}"  # "Error!" keeps its mark
    return fuller if len(fuller) <= MAX_FULLER_LABEL else label


def _quote_closed(message: str, label: str) -> str:
    """A label opening a quote it does not close ("\"File <filename> is invalid", cut at
    the message's first sentence, graded seed 102): the whole quoted message when it is
    short, its closing quote kept, or added where the article left it out; else the label
    without its opening quote."""
    if message.startswith('"') and len(message) <= MAX_FULLER_LABEL:
        inner = message[1:].split('"', 1)[0].strip()
        if inner and len(inner) >= len(label) - 1:
            return f'"{inner}"'
    return label[1:].lstrip()


#: A paragraph that says what else goes wrong: "SNA Server Manager abruptly closes, and a
#: Dr. Watson in Snaexp.exe may occur".
_MORE_FAILURE_RE = re.compile(
    r"\b(?:closes|quits|stops(?:\s+responding)?|hangs|crash(?:es)?|freezes|Dr\.?\s?Watson"
    r"|restarts|shuts\s+down|fails|is\s+not\s+(?:available|displayed|created)|cannot|unable)\b",
    re.IGNORECASE,
)
#: What is no further symptom: the problem explained, a note, a condition, a pointer.
_NOT_MORE_RE = re.compile(
    r"^(?:This|These|That|It|The\s+(?:problem|error|issue|behaviou?r|symptoms?)|Notes?\b"
    r"|For\b|To\b|If\b|When\b|However|Because|Microsoft|See\b)",
    re.IGNORECASE,
)
#: The longest further failure the symptom text takes whole.
MAX_MORE_FAILURE = 200


def failure_after_message(paras: list[Para], shown: int) -> str:
    """The paragraph after a lead and its message that says what else goes wrong (at the
    lead's indent, the symptom's last: "SNA Server Manager abruptly closes, ..."), else
    "": the symptom is the message and what follows it, not the message alone."""
    if shown != 2 or len(paras) != 3 or not clean(paras[0].text).endswith(":"):
        return ""
    message, later = paras[1], paras[2]
    if later.marker or later.separator or later.indent != paras[0].indent:
        return ""
    if message.indent <= paras[0].indent and not message.text.lstrip().startswith(">"):
        return ""  # no block under the lead: not a lead and its message
    text = clean(later.text)
    if len(text) > MAX_MORE_FAILURE or text.endswith(":") or _NOT_MORE_RE.match(text):
        return ""
    return text if _MORE_FAILURE_RE.search(text) else ""
