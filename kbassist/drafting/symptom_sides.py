"""Each form of a symptom said per side, provider or product, offered as its own choice.

Seed-86 readers (issue 13): "On the computer configured as the guest, the dialog box
displays the message "Verifying Username and Password," and then "Disconnect."" and the
next paragraph "On the host computer, ... "Waiting for the guest machine."" were asked as
one yes/no showing only the guest's; "The SQLOLEDB provider shows the "X" error." /
"Some other providers display both messages ...:" over a quote / "Some other providers
might also show "Login timeout expired"" were merged and the last dropped. One paragraph
per side, each naming where it is seen and quoting what is seen, is one form each.

Also here: a "Things to Check:" lead in a Symptoms section starts the checks the admin
runs, never part of the symptom shown; and a label for a console block of several lines
("The X service is starting. The X service could not be started. ...") starts at its
first line that reports a failure, not at the progress line every run prints.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import Para, clean, paragraphs, split_sentences

# One reading of a console block's progress line and of the line that says what fails,
# shared with the verify that swaps one for the other.
from kbassist.drafting.verify_conditions import FAILS_RE as _FAILS_RE
from kbassist.drafting.verify_conditions import PROGRESS_RE as _PROGRESS_RE

#: "On the host computer, ...", "In Windows 95, ...", "Using the compiler version 8.0, ...":
#: the side, system or product the paragraph's message is seen on.
_PLACE_RE = re.compile(
    r"^(?!(?:in|on|at|with|under)\s(?:addition|this|that|these|some|rare|most|many|such|any"
    r"|general|fact|other|times|occasion|the following|the meantime|particular)\b)"
    r"(?P<ctx>(?:on|in|from|using|with|under|at)\s[^,:;\"\u201c]{3,80}),\s",
    re.IGNORECASE,
)
#: "The SQLOLEDB provider shows ...", "Some other providers might also show ...": the
#: subject that shows the message, said before its verb.
_SUBJECT_RE = re.compile(
    r"^(?!the\s(?:following|error|message|problem|issue|symptom|system)\b)"
    r"(?P<ctx>(?:the|some|other|some other|older|newer)\s[^,:;\"\u201c]{2,60}?)\s"
    r"(?:(?:may|might|can|will)\s(?:also\s)?)?(?:shows?|displays?|returns?|reports?|raises?"
    r"|throws?|gives?|logs?)\b",
    re.IGNORECASE,
)
#: A verb or noun that says the paragraph tells what is seen.
_SEEN_RE = re.compile(
    r"\b(?:displays?|shows?|receives?|gets?|sees?|returns?|reports?|raises?|throws?|logs?"
    r"|messages?|errors?|appears?)\b",
    re.IGNORECASE,
)
#: A quoted message inside a paragraph: straight or curly quotes.
_QUOTED_RE = re.compile(r"\"([^\"\n]{3,200})\"|\u201c([^\u201d\n]{3,200})\u201d")
#: A Markdown quote marker before a quoted message.
_QUOTE_MARK_RE = re.compile(r"^[ \t]{0,8}(?:>[ \t]?){1,4}", re.MULTILINE)
#: The longest label a side's form keeps.
MAX_SIDE_LABEL = 150
#: A quoted message longer than this is named by its first sentence.
MAX_QUOTE = 100


def _named(quote: str) -> str:
    """A quote short enough for a label: whole, else its first sentence (and "…")."""
    if len(quote) <= MAX_QUOTE:
        return quote
    first = split_sentences(quote)[0].rstrip(" .")
    return f"{first}\u2026" if len(first) <= MAX_QUOTE else quote


def _quoted(text: str) -> list[str]:
    """The messages a paragraph quotes, each whole ("Verifying Username and Password,")."""
    return [(m.group(1) or m.group(2)).strip() for m in _QUOTED_RE.finditer(text)]


def _shown_after(paras: list[Para], at: int) -> str:
    """The message a colon-ended paragraph leads into: the next block when indented or a
    Markdown quote (each of its lines joined), else ""."""
    if at + 1 >= len(paras):
        return ""
    nxt = paras[at + 1]
    if nxt.marker or not (nxt.indent > paras[at].indent or nxt.text.lstrip().startswith(">")):
        return ""
    return clean(_QUOTE_MARK_RE.sub("", nxt.text))


def _side(text: str) -> str:
    """Where a paragraph's message is seen ("On the host computer", "The SQLOLEDB
    provider"), or "" when it does not open by naming one."""
    found = _PLACE_RE.match(text) or _SUBJECT_RE.match(text)
    return found.group("ctx").strip() if found else ""


def side_forms(text: str) -> list[str]:
    """One label per paragraph of a symptom section that names its side and quotes what
    is seen there ("On the host computer: "Verifying ...," then "Waiting ...""), when two
    or more do and their messages differ; [] otherwise (one message, or no sides)."""
    paras = [p for p in paragraphs(text) if not p.heading]
    forms: list[str] = []
    said: set[str] = set()
    for n, para in enumerate(paras):
        if para.marker or para.indent or para.text.lstrip().startswith(">"):
            continue
        said_text = clean(para.text)
        side = _side(said_text)
        if not side or not _SEEN_RE.search(said_text):
            continue
        quotes = _quoted(said_text)
        shown = _shown_after(paras, n) if said_text.endswith(":") else ""
        if shown:
            quotes = [shown]
        # a long quote is named by its first sentence ("A network-related or
        # instance-specific error occurred while establishing a connection to SQL Server…")
        quotes = [_named(q) for q in quotes]
        message = " then ".join(f'"{q.rstrip(" ,.")}"' for q in quotes)
        if not message or message.casefold() in said:
            continue
        said.add(message.casefold())
        label = f"{side[:1].upper()}{side[1:]}: {message}"
        if len(label) > MAX_SIDE_LABEL:
            return []  # too long to name as a choice: the yes/no shows it whole
        forms.append(label)
    return forms if len(forms) >= 2 else []


#: "Things to Check:", "Things to try:", "What to check:": the checks the admin runs
#: begin here; they are no part of the symptom.
_CHECKS_LEAD_RE = re.compile(
    r"^(?:things|items|settings|what)\s(?:to\s)?(?:check|verify|try|look\sfor)\b[^.]{0,40}:?$",
    re.IGNORECASE,
)


def checks_lead(text: str) -> bool:
    """Whether a paragraph opens the admin's checks ("Things to Check:")."""
    return bool(_CHECKS_LEAD_RE.match(clean(text).strip("*_ ")))


#: A console line that reports a failure ("could not be started", "System error 13").


#: A symptom item that leads into its own message: "Pressing F1 for Help displays the
#: following error messages: Cannot find ...", "If you audit logins, the following type
#: of error is logged: Login failed ...".
_ITEM_LEAD_RE = re.compile(
    r"^[^:]{10,200}?\bfollowing\b[^:]{0,20}?\b(?:messages?|errors?|warnings?|text|entries"
    r"|events?)\b[^:]{0,60}:\s{1,4}(?P<message>\S.{8,})$",
    re.DOTALL,
)


def telling_start(message: str) -> str:
    """Where a message's label starts: after an item's own lead into it ("... displays
    the following error messages: Cannot find X" -> "Cannot find X"); in a console block
    of three or more short lines that opens with a progress line, at its first line that
    reports a failure ("The service is starting." is printed on every run: no label);
    the message unchanged otherwise."""
    led = _ITEM_LEAD_RE.match(message)
    if led is not None:
        return led.group("message")
    sentences = split_sentences(message)
    if len(sentences) < 3 or any(len(s) > 100 for s in sentences):
        return message
    if not _PROGRESS_RE.search(sentences[0]):
        return message
    first = next((n for n, s in enumerate(sentences) if _FAILS_RE.search(s)), 0)
    return " ".join(sentences[first:])


def box_opens_unmarked(paras: list[Para], start: int) -> bool:
    """Whether the block under the lead `paras[start]` opens with an indented line that is
    no list item (a message box's title, "Windows Internet Naming Service"): its later
    numbered lines are the box's own text, not a list of messages. A lead that is a list
    item itself, or list items back at its indent, are a list of symptoms: no box."""
    lead = paras[start]
    if lead.marker:
        return False
    first = True
    for later in paras[start + 1 :]:
        if later.separator:
            continue
        if first and (later.indent <= lead.indent or later.marker):
            return False
        first = False
        if later.indent <= lead.indent:
            return not later.marker
    return True


#: A side's label: "On the host computer: "A" then "B"".
_SIDE_LABEL_RE = re.compile(r'^[^":]{3,90}: (?P<quotes>"[^"]{1,200}"(?: then "[^"]{1,200}"){0,5})$')


def side_message(label: str) -> str:
    """The message a side's label quotes, for its check ("Login timeout expired"; of
    "A" then "B", the last, where it ends); `label` unchanged when it is no side's."""
    found = _SIDE_LABEL_RE.match(label)
    if found is None:
        return label
    return found.group("quotes").split(' then "')[-1].strip('"')
