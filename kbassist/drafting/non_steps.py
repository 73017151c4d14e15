"""Archive checklist items that are not actions, put where a reader expects them (issue
13, "steps that are steps"; round 11's seed-46 reader notes, round 12).

An MS KB article's fix section holds more than its steps, and each reaches the checklist
as an item to tick unless it is read for what it is:

- a heading line ("Host Integration Server 2000", "SNA Server 4.0" over each product's
  fix): the name of the steps under it, said before the first of them; a heading with
  no step under it in this outcome heads steps drafted elsewhere and is no step here;
- a code line ("#define IDS_HELLO 1", "CWinApp theApp;"): the detail of the step that
  introduces it, the code kept verbatim; sample code with no step at all is one step
  that shows it;
- a result sentence ("After an administrator performs these steps, the users are able
  to access their mailboxes again."): what the steps achieve, never a step (steps.py
  makes it the verify or shows it under the step before);
- "This is a hardware issue. Please contact your hardware vendor ...": the action said
  with "Please" after a statement; the action is the step, the statement shown under it;
- "For example: Install X and share it as \\\\server\\IIISi.": an example of the step
  before, shown under it.
"""

from __future__ import annotations

import re

from kbassist.drafting.blocks import _actionish, _fix_verb
from kbassist.drafting.options import _is_action
from kbassist.drafting.text import split_detail, split_sentences, with_detail

#: "After an administrator performs these steps, ", "After you make this change, ",
#: "After these steps are taken, ", "When you restart Microsoft Access, ": what was just
#: done, before what it achieves.
_AFTER_DONE_RE = re.compile(
    r"^(?:after|once|when)\s+(?:(?:(?:you|an?\s+administrator|the\s+administrator|users?|we)"
    r"\s+(?:have\s+)?\w+|following|completing|performing|applying|making)\s+(?:all\s+)?"
    r"(?:these|the\s+(?:above|preceding|previous)|the|this|that|those)\s+(?:\w+\s+)?"
    r"(?:steps?|changes?|procedures?|modifications?|settings?|updates?|fix|hotfix|patch)\b"
    r"|(?:these|the|all\s+(?:of\s+)?(?:these|the))\s+(?:above\s+)?(?:steps|changes)\s+(?:are"
    r"|have\s+been)\s+\w+|(?:this|that)\s+(?:is|has\s+been)\s+(?:done|completed)"
    r"|(?:you|users?)\s+(?:re)?(?:start|boot|launch|open)\b)"
    r"[^,]{0,80},\s*(?:then\s+)?(?P<main>.+)$",
    re.IGNORECASE | re.DOTALL,
)
#: What the main clause says happens: someone is able to, something works or is seen.
_ACHIEVED_RE = re.compile(
    r"\b(?:(?:is|are)\s+(?:now\s+|again\s+)?able\s+to|can\s+(?:now|again)\b|should\s+(?:now\s+"
    r"|then\s+|again\s+|properly\s+|correctly\s+)?(?:work|be|have|detect|see|appear|display"
    r"|start|run|function|succeed|connect|print|open|default|show|load|find|recognize|return)\b"
    r"|will\s+(?:now\s+|again\s+)?(?:be\s+able|work|start|run"
    r"|appear|display|function|succeed|connect|detect|print|open)|no\s+longer\b"
    r"|(?:works?|succeeds?|appears?|functions?)\s+(?:correctly|properly|normally|again)\b"
    r"|allows?\s+(?:you|users?|the\s+users?)\s+to\b|will\s+(?:now\s+)?(?:be|remain)\s+(?:saved"
    r"|kept|correct|restored|available|resolved|fixed)\b)",
    re.IGNORECASE,
)
#: "You are now able to export the list.", "Your filters are now restored ...": the
#: result said on its own, after the steps.
_NOW_ABLE_RE = re.compile(
    r"^(?:(?:you|users?|the\s+users?)\s+(?:are|will\s+be|should\s+(?:now\s+)?be)\s+(?:now\s+)?"
    r"able\s+to\b|(?:your|the)\s+[^,;]{2,80}?\s+(?:is|are)\s+now\s+(?:restored|fixed|resolved"
    r"|corrected|working|available)\b)",
    re.IGNORECASE,
)
#: "you should follow the instructions": an instruction inside the result clause.
_YOU_TOLD_RE = re.compile(
    r"\byou\s+(?:should|must|need\s+to|have\s+to|will\s+need\s+to)\s+"
    r"(?!be\s+able\b|now\b|see\b|have\b|get\b|receive\b|notice\b)",
    re.IGNORECASE,
)
#: "you will be prompted", "you must restart": a next thing to do, not a result.
_NEXT_TODO_RE = re.compile(
    r"^(?:you|users?)\s+(?:will|may|might)\s+be\s+(?:prompted|asked)\b|^(?:you\s+)?(?:must"
    r"|need\s+to|have\s+to|should\s+(?:then\s+)?(?:restart|reboot|run|click|type|quit|close"
    r"|open|install|delete|remove|copy|rename|make|set|change|add))\b",
    re.IGNORECASE,
)


def result_sentence(text: str) -> bool:
    """ "After an administrator performs these steps, the users are able to access their
    mailboxes again.": what the steps before it achieve, one sentence, no action."""
    flat = " ".join(text.split())
    if len(split_sentences(flat)) != 1 or flat.endswith((":", "?")):
        return False
    m = _AFTER_DONE_RE.match(flat)
    if not m:
        return bool(_NOW_ABLE_RE.match(flat)) and not _actionish(flat)
    main = m.group("main")
    if _NEXT_TODO_RE.match(main) or _actionish(main) or _is_action(main[:1].upper() + main[1:]):
        return False  # "After you make this change, quit Registry Editor": a step
    if _YOU_TOLD_RE.search(main):
        return False  # "..., the old name is removed and you should follow ...": a step too
    return bool(_ACHIEVED_RE.search(main))


#: A line of code: a preprocessor line, a comment, a statement ending in ";", "{" or "}",
#: a declaration ("CWinApp theApp;"), never a sentence.
#: The branches that try each "(" of a line (`x(...);`) first look ahead for the end they
#: need, so a line of 20,000 "(" that lacks it is read once, not once per "(" (3 s).
_CODE_RE = re.compile(
    r"^(?:#\s*(?:define|include|if|ifdef|ifndef|endif|else|pragma|undef)\b|/[*/]|(?:void"
    r"|int|BOOL|DWORD|LONG|UINT|char|static|extern|const|struct|class|typedef|return)\b"
    r"[^.]*[;{)}]\s*$|[A-Za-z_][\w:<>*&]*\s+[A-Za-z_*&][\w]*\s*(?:\[[^\]]*\])?\s*(?:=[^;]+)?;"
    r"\s*$|(?=.*\)\s*;\s*$)[^\s.]*\(.*\)\s*;\s*$|[{}]\s*$)"
    # "void main() { if (!Init()) { printf(...); return; }": a statement's code punctuation
    r"|^(?=[\s\S]*[;{}]\s*$)[^\s.]+(?:\s+[^\s.]+){0,3}\s*\(.*[;{}]\s*$"
    # Basic: "End Sub", "Private Sub Command1_Click()", "Dim MyForm As New Form1"
    r"|^(?:End\s+(?:Sub|Function|If|With|Select|Type|Property)$|(?:(?:Private|Public)\s+)?"
    r"(?:Sub|Function)\s+\w+\s*\(|Dim\s+\w+\s+As\s)"
)


#: What only code holds: a brace, a statement before more code, "()", "#define", "/*".
_CODE_MARK_RE = re.compile(r"[{}]|;\s*\S|\(\)|^#\s*[a-z]+\b|^/[*/]")


def _code_mark(flat: str) -> bool:
    """`_CODE_MARK_RE` finds a mark in `flat`, searched only when one of the characters
    every branch needs is there (most steps have none)."""
    if "{" in flat or "}" in flat or ";" in flat or "()" in flat or flat.startswith(("#", "/")):
        return _CODE_MARK_RE.search(flat) is not None
    return False


#: "... is ready. Click OK to ...": two sentences. The word before the stop is tried from
#: its first letter only (`(?<![a-z])`; the same matches, as it must run to the stop),
#: not from each of its letters (a 20 KB line of letters took 3 s).
_SENTENCES_RE = re.compile(r"(?<![a-z])[a-z]{2,}[.!?]\s+[A-Z][a-z]+\s+[a-z]+")


#: Plain lower-case words before any code that make the line a sentence, not code.
MIN_PROSE_WORDS = 5


_CODE_START_RE = re.compile(r"//|/\*|[{;]")

_PROSE_WORD_RE = re.compile(r"(?<!\S)[a-z]{2,}(?=[\s,]|$)")


def code_line(text: str) -> bool:
    """ "#define IDS_HELLO 1", "CWinApp theApp;", "void main() { ...": a line of a sample
    program, to copy, not a sentence to tick."""
    flat = " ".join(text.split())
    if not flat:
        return False
    if not _code_mark(flat) and (_actionish(flat) or _fix_verb(flat)):
        return False  # "Type x = 1;": a step that types code, not the code
    said = _CODE_START_RE.split(flat, maxsplit=1)[0]
    if len(_PROSE_WORD_RE.findall(said)) >= MIN_PROSE_WORDS:
        return False  # "Override X() in CScribDoc class to destroy the ... // code": a step
    if _SENTENCES_RE.search(flat):
        return False  # "... is ready. Click OK to ...": sentences, not code
    return bool(_CODE_RE.match(flat))


#: A product, version or component name: title-case words, numbers, a version.
_NAME_WORD_RE = re.compile(r"^(?:[A-Z0-9][\w.+#/()-]*|for|and|of|on|the|to|with|x86|x64)$")
#: Longest heading line read as the name of the steps under it.
MAX_HEADING_WORDS = 8


#: "Start of Code", "End of Code": a sample's fence written out, no heading of steps.
_FENCE_WORDS_RE = re.compile(r"^(?:start|end|begin|beginning)\s+of\b", re.IGNORECASE)


def name_line(text: str) -> bool:
    """ "Protection Password", "SNA Server 4.0": a short title-case name, no end mark."""
    flat = " ".join(text.split())
    words = flat.split()
    if not 1 < len(words) <= MAX_HEADING_WORDS or not words[0][:1].isupper():
        return False
    if flat.endswith((".", ":", "?", "!", ";", ",", ")")) or _FENCE_WORDS_RE.match(flat):
        return False
    named = sum(bool(_NAME_WORD_RE.match(w)) for w in words)
    capital = sum(w[:1].isupper() or w[:1].isdigit() for w in words)
    return named == len(words) and capital * 2 > len(words)


def _list_entry(text: str) -> bool:
    """ "Protection Password", "Lucida Sans B2 10,12,14": a short line with no end mark,
    one entry of a list (a heading's neighbours are steps, not names)."""
    flat = " ".join(text.split())
    words = flat.split()
    return 0 < len(words) <= MAX_HEADING_WORDS and not flat.endswith((".", ":", "?", "!"))


#: "For Windows 2000", "In Windows 2000", "FOR IIS 5.0": a heading that says where the
#: steps under it apply (a product and its version), not any title-case line.
_WHERE_RE = re.compile(r"^(?:for|in|on|under)\s|\d", re.IGNORECASE)


def heading_line(text: str, detail: str) -> bool:
    """ "Host Integration Server 2000", "SNA Server 4.0", "Windows NT 4.0 Terminal Server
    Edition": a short name with no verb and no end mark, heading what follows it."""
    flat = " ".join(text.split())
    if detail.strip() or not name_line(flat) or code_line(flat) or not _WHERE_RE.search(flat):
        return False  # "Microsoft Product Support Services": a name, not where steps apply
    return not (_actionish(flat) or _fix_verb(flat) or _is_action(flat))


def _action_item(item: str) -> bool:
    """A step that does something (its text, not its detail)."""
    text = " ".join(split_detail(item)[0].split())
    if not text or code_line(text):
        return False  # "return TRUE;": code, whatever its first word
    return _actionish(text) or _fix_verb(text) or _is_action(text)


#: "Please contact your hardware vendor ...": an imperative said politely.
_PLEASE_RE = re.compile(r"^please\s+(?!note\b)(?P<rest>[a-z].*)$", re.IGNORECASE | re.DOTALL)


#: "you can recover the files using X": an action offered before "Please X".
_YOU_CAN_RE = re.compile(r"\byou\s+(?:can|could|may)\s+(?!not\b|be\b|see\b)", re.IGNORECASE)
#: What a statement before "Please X" opens with: a subject, a case or a purpose ("This
#: is a hardware issue.", "To work properly, this card may require ...", "If X, ...").
_SAID_OF_RE = re.compile(
    r"^(?:this|that|these|those|the|it|its|there|your|an?|to|if|for|as|when|since|because"
    r"|microsoft|[a-z]+ing)\b",
    re.IGNORECASE,
)


def please_action(item: str) -> str:
    """ "This is a hardware issue. Please contact your hardware vendor for assistance." as
    the step "Contact your hardware vendor for assistance." with "This is a hardware
    issue." shown under it; `item` unchanged when no sentence asks politely."""
    text, detail = split_detail(item)
    sentences = split_sentences(" ".join(text.split()))
    for k, sentence in enumerate(sentences):
        m = _PLEASE_RE.match(sentence)
        if not m:
            continue
        said = m.group("rest")[0].upper() + m.group("rest")[1:]
        if not (_actionish(said) or _fix_verb(said) or _is_action(said)):
            return item
        if any(
            _action_item(s)
            or not _SAID_OF_RE.match(s)
            or _YOU_TOLD_RE.search(s)
            or _YOU_CAN_RE.search(s)
            for s in sentences[:k]
        ):
            return item  # "Listen carefully to ... Please contact ...": steps of their own
        before = " ".join(sentences[:k])
        ticked = " ".join([said, *sentences[k + 1 :]])
        return with_detail(ticked, "\n\n".join(p for p in (before, detail) if p))
    return item


#: "For example: Install X ...": an example of the step before, not a step of its own.
_FOR_EXAMPLE_RE = re.compile(r"^for (?:example|instance)\s*:\s*(?=\S)", re.IGNORECASE)


def _first_word(text: str) -> str:
    """The first word, lower case ("install" of "Install the HP LaserJet ...")."""
    words = text.split()
    return words[0].lower().strip(",:;.") if words else ""


#: The one step of an outcome that is only sample code.
CODE_STEP = "Use the article's sample code (shown below):"


#: "To configure the adapter to use real-mode drivers, follow these steps:" ending a
#: step's detail: the purpose of the steps after it (not "To do this, ...": the step's own).
_NEXT_PURPOSE_RE = re.compile(
    r"(?:^|(?<=[.!?:]\s))(?P<to>to (?!do (?:this|so|it)\b)[a-z][^.:;]{3,160}?),\s*(?:please\s+)?"
    r"(?:follow|use|do|perform|complete) (?:these|the following) (?:steps|procedures?"
    r"|instructions)\s*:\s*$",
    re.IGNORECASE,
)
#: A note of its own ("Note that ...", "NOTE: ..."): said apart from the steps around it.
_NOTE_START_RE = re.compile(r"^(?:note|notes|important|warning|caution)\b", re.IGNORECASE)
#: Longest purpose said before the step it heads ("To delete a temporary file: Close ...").
MAX_PURPOSE_CHARS = 60


def purpose_to_next(items: list[str]) -> list[str]:
    """`items` with a detail's last sentence "To X, follow these steps:" (a NOTE on "Click
    OK" that goes on to the next procedure) moved to the step after it, which it heads:
    "To X: <step>" when short, else shown under that step."""
    out = list(items)
    for n in range(len(out) - 1):
        text, detail = split_detail(out[n])
        m = _NEXT_PURPOSE_RE.search(detail.rstrip())
        nxt, more = split_detail(out[n + 1])
        if not m or not _action_item(out[n + 1]) or nxt.lower().startswith("to "):
            continue
        if text.rstrip().endswith(":"):
            continue  # "Starting the Mail Merge:" holding its own "To start it, follow ..."
        if _NOTE_START_RE.match(text.strip()):
            continue  # "Note that you should back up ..." over steps drafted out of order
        kept = detail.rstrip()[: m.start()].rstrip()
        purpose = " ".join(m.group("to").split())
        out[n] = with_detail(text, kept) if kept.strip() else text
        if len(purpose) <= MAX_PURPOSE_CHARS:
            out[n + 1] = with_detail(f"{purpose[0].upper()}{purpose[1:]}: {nxt.strip()}", more)
        else:
            said = f"{purpose[0].upper()}{purpose[1:]}:"
            out[n + 1] = with_detail(nxt, f"{said}\n\n{more}" if more.strip() else said)
    return out


def place_non_steps(items: list[str]) -> list[str]:
    """`items` with only actions ticked: a heading names the first step under it ("Host
    Integration Server 2000: Contact ..."), a trailing heading (its steps drafted
    elsewhere) is dropped, code lines and a "For example: ..." item are shown under the
    step before, an outcome of sample code alone is one step showing it, and "Please X"
    after a statement is the step X."""
    items = purpose_to_next([please_action(item) for item in items])
    out: list[str] = []
    heading = ""
    example = ""  # the first word of the example under the step before
    named = ""  # a heading already read as the name of steps in this outcome
    acted = False  # a step of this outcome was read before
    sample = False  # sample code opened the outcome: one step shows it
    for n, item in enumerate(items):
        text, detail = split_detail(item)
        flat = " ".join(text.split())
        nxt = items[n + 1] if n + 1 < len(items) else ""
        before = split_detail(items[n - 1])[0] if n else ""
        listed = " ".join(before.split()).endswith(":") or _list_entry(before)
        listed = listed or _list_entry(split_detail(nxt)[0])  # "Protection Password", ...
        if heading_line(text, detail) and not listed and not heading:
            if _action_item(nxt) and not code_line(split_detail(nxt)[0]):
                heading = named = flat  # the name of the steps under it
                continue
            if not nxt and acted and named:
                continue  # a sibling of the heading above: heads steps drafted elsewhere
        if code_line(text) and not heading:
            said = "\n".join(p for p in (text.strip(), detail.strip("\n")) if p)
            if out and (_action_item(out[-1]) or sample):
                out[-1] = with_detail(out[-1], said)  # the step that introduces it
            elif not out:
                sample = True
                out.append(with_detail(CODE_STEP, said))
            else:
                out.append(item)
            continue
        if _FOR_EXAMPLE_RE.match(flat) and not detail.strip() and out and _action_item(out[-1]):
            out[-1] = with_detail(out[-1], "\n".join(p for p in (flat, detail) if p))
            said = _first_word(_FOR_EXAMPLE_RE.sub("", flat, count=1))
            # instances of the step's own verb ("Install X" under "Install the drivers")
            example = said if said == _first_word(split_detail(out[-1])[0]) else ""
            continue
        if example and _first_word(flat) == example:
            # "For example: Install X and share it as A." then "Install Y and share it as
            # B.": the example goes on, the same verb on the next instance
            out[-1] = with_detail(out[-1], "\n".join(p for p in (flat, detail) if p))
            continue
        example = ""
        acted = acted or _action_item(item)
        if heading:
            item = with_detail(f"{heading}: {text.strip()}", detail)
            heading = ""
        out.append(item)
    return out
