"""Group titles ticked, references pasted into ticks, empty note markers (issue 13,
"steps that are steps"; round 17, the seed-54 readers' notes).

A tick is one action. What the readers still found ticked (the title rule also runs on
modern fixes, the rest on MS KB ones; "X. You can do this by Y" on both):

- a colon lead over its own sub-steps in a fix whose steps are asked case by case (the
  final pass, `steps.final_steps`, leaves such fixes alone): "1. For each user account,
  follow these steps:" over "a. At the PDC, start User Manager ...", "2. Check the
  Netlogon shares for the correct spelling and location of the scripts:" over "a. Make
  sure the logon script names ...": the group's title, shown with its first step;
- a heading glued in front of the first step of its group, "Create a Location Profile:
  Double-click the new connection ...": the title shown under the step, the step ticked
  as the article writes it;
- a Knowledge Base reference pasted after the action ("... transfer the Schema role to a
  faster computer. Q255690 How to View and Transfer FSMO Roles in the Graphical User
  Interface"): a "See ..." note on the step, not part of the tick;
- a bare "NOTE:" left under a step when the note's own bullets became ticks.
"""

from __future__ import annotations

import re

from kbassist.drafting.glued_notes import shown_with_next
from kbassist.drafting.option_model import Option
from kbassist.drafting.steps import _action, _listed_action
from kbassist.drafting.text import split_detail, with_detail

#: Alternatives or content after the colon, never steps: "one of the following methods:",
#: "Type the following:", "Create the following registry value:".
_NOT_A_GROUP_RE = re.compile(
    r"\b(?:one|any|either)\s+of\b|\bfollowing\s+(?:methods?|ways?|options?|workarounds?"
    r"|articles?|topics?|links?|documents?|commands?|lines?|text|code|keys?|values?|entr(?:y|ies)"
    r"|settings?|files?"
    r"|folders?|information|sections?|script|formula|message|error|format|syntax)\b"
    r"|\bthe\s+following\s*:$|^(?:type|enter|paste)\b"
    r"|\b(?:type|enter|paste|add|set|appears?|reads?|resembles?|displayed|shown|such\s+as"
    r"|like|includ(?:e|es|ing)|example|are|is)\s*:$",
    re.IGNORECASE,
)
#: A case the passes before asked ("If X, follow these steps:"): never folded here.
_CASE_RE = re.compile(r"^(?:if|when|unless|otherwise|in\s+case|only)\b", re.IGNORECASE)
#: "For Netscape 3.0, follow these steps:", "In Outlook 98, ...": which product or place
#: is a case the passes before ask (or leave as the article's alternatives).
_SCOPE_RE = re.compile(r"^(?:for|in|on|with|under|from|at)\b[^,]{2,80},", re.I)
#: "For each user account, follow these steps:": the steps repeat, no case to ask.
_FOR_EACH_RE = re.compile(r"^for\s+(?:each|every|all)\b", re.IGNORECASE)
MAX_TITLE_WORDS = 20
#: "Click the Servers tab, and then do the following:", "Start Registry Editor, and then
#: re-create X:", "Set the following properties, test the connection, and then click OK:":
#: an action said with the lead, so the lead stays ticked.
_MORE_ACTS_RE = re.compile(r",\s*(?:and\s+)?then\b|,\s+and\s+|\band\s+(?:then|do)\b", re.I)


def _flat(text: str) -> str:
    return " ".join(text.split())


#: "How to Identify the Version of Your Driver", "Part 3: Install the Update",
#: "Procedure 2: Installing monolithic drivers": a heading by its words.
_HEADING_OPEN_RE = re.compile(
    r"^(?:how\s+to\s+\w|(?:part|procedure|phase|stage|section)\s+(?:\d+|[a-z]|[ivx]+)\s*:\s*\S)",
    re.IGNORECASE,
)
#: A product or version heading ("Windows NT Server version 4.0, Terminal Server
#: Edition"): which product is a case others ask, never a title folded here.
_PRODUCT_RE = re.compile(r"\b(?:version|edition|windows|microsoft|\d+(?:\.\d+)*)\b", re.I)
#: Small words a title-cased heading leaves lower-case.
_SMALL_WORDS = frozenset(
    "a an the of for to and or on in with by from as at your you that this".split()
)


def _heading(body: str) -> bool:
    """A heading ended by a colon: "How to X", "Part N: X", or two or more words nearly
    all capitalised ("Update Your Video Driver", "Create a Location Profile"), no
    product or version named."""
    if _HEADING_OPEN_RE.match(body):
        return True
    words = re.findall(r"[A-Za-z][\w'-]*", body)
    big = [w for w in words if w.casefold() not in _SMALL_WORDS]
    if (
        not words
        or words[0].casefold() in _SMALL_WORDS
        or len(big) < 2
        or _PRODUCT_RE.search(body)
        or "," in body
    ):
        return False
    return sum(1 for w in big if w[:1].isupper()) == len(big)


def _group_title(text: str) -> bool:
    """One sentence ending in a colon that heads the steps after it: an imperative goal
    ("Check the Netlogon shares for ...:") or "For each X, follow these steps:"."""
    flat = _flat(text)
    if not flat.endswith(":") or len(flat.split()) > MAX_TITLE_WORDS or _CASE_RE.match(flat):
        return False
    body = flat[:-1]
    if re.search(r"[.!?]\s", body) or _NOT_A_GROUP_RE.search(flat):
        return False  # "Create a DSN. Configure the following settings:": an action first
    if _FOR_EACH_RE.match(flat):
        return "," in flat
    if _SCOPE_RE.match(flat):
        return False  # "For Netscape Navigator 3.0, follow these steps:": a product's case
    if _heading(body):
        return True
    if _MORE_ACTS_RE.search(flat):
        return False  # "Click the Servers tab, and then do the following:": a click of its own
    return _action(body + ".")


def _acts(text: str) -> bool:
    flat = _flat(text)
    return bool(flat) and not flat.endswith(":") and _listed_action(flat)


def titles_over_steps(option: Option) -> None:
    """A group title with nothing under it, ticked over its own steps, shown with the
    first of them, which must be an action read on the same answers (a title over a
    case's only steps is left: the case hides it when not asked)."""
    steps = option.items
    n = 0
    while n < len(steps) - 1:
        text, detail = split_detail(steps[n])
        if detail.strip() or option.when.get(n) != option.when.get(n + 1) or not _group_title(text):
            n += 1
            continue
        nxt = split_detail(steps[n + 1])[0]
        if not _acts(nxt):
            n += 1
            continue
        shown_with_next(option, n, _flat(text))


#: "Create a Location Profile: Double-click ...", "Part 2: Install the Update: Insert
#: ...": a heading glued before the step it heads (the step starts upper-case after it).
_GLUED_COLON_RE = re.compile(r":\s+(?=[A-Z])")
#: A note's marker, not a heading: "Important Note: Do not ...".
_NOTE_WORDS_RE = re.compile(r"\b(?:note|notes|warning|caution|important|tip)\b", re.I)


def glued_title(item: str) -> str:
    """ "Create a Location Profile: Double-click the new connection ...": the step ticked,
    its group's heading shown under it (a heading by _heading's words; "Note: ...", a
    place "In Control Panel: ..." and a product "Windows 98: ..." are left)."""
    text, detail = split_detail(item)
    flat = _flat(text)
    if ": " not in flat[:102]:
        return item
    for match in _GLUED_COLON_RE.finditer(flat, 6, 102):
        title, rest = flat[: match.start()], flat[match.end() :]
        if _NOTE_WORDS_RE.search(title) or not _heading(title):
            continue
        if not _action(rest):
            return item
        said = f"{title}:\n\n{detail}" if detail.strip() else f"{title}:"
        return with_detail(rest, said)
    return item


#: "... computer. Q255690 How to View and Transfer FSMO Roles in the Graphical User
#: Interface": an archive article's number and title pasted after the step's sentence.
_REFERENCE_RE = re.compile(r"(?<=[.!)])\s+(Q\d{6}\s+[A-Z][^.!?]{8,160})$")


def reference_as_see(item: str) -> str:
    """A Knowledge Base reference after the step shown as "See Q... Title" under it."""
    text, detail = split_detail(item)
    if "Q" not in text:
        return item
    match = _REFERENCE_RE.search(_flat(text))
    if match is None:
        return item
    step = _flat(text)[: match.start()].rstrip()
    see = f"See {match.group(1)}"
    return with_detail(step, f"{see}\n\n{detail}" if detail.strip() else see)


#: A note marker with nothing after it: its bullets became ticks of their own. A whole
#: word ("footnote:" is no marker); the blanks before it matched from the start of their
#: run only (`(?:\n\s*)*\n?\s*` was exponential on a run of blank lines).
_EMPTY_NOTE_RE = re.compile(r"(?<!\s)\s*\b(?:note|important|tip)\s*:\s*$", re.IGNORECASE)


def without_empty_note(item: str) -> str:
    """A bare "NOTE:" left last under a step taken out (it says nothing)."""
    text, detail = split_detail(item)
    if ":" not in detail:
        return item
    bare = _EMPTY_NOTE_RE.sub("", detail)
    if bare == detail:
        return item
    return with_detail(text, bare) if bare.strip() else text


def group_titles(option: Option) -> None:
    """The MS KB passes of this module over one fix's ticks (means_joined runs earlier,
    after the final pass, for every format)."""
    option.items = [
        without_empty_note(reference_as_see(glued_title(item))) for item in option.items
    ]
    titles_over_steps(option)


#: "First replace X. You can accomplish this operation by using Y to Z.": the step, then
#: how to do it said as a statement of its own.
_MEANS_RE = re.compile(
    r"^(?P<step>[^.!?]{8,200}?)\.\s+you\s+can\s+(?:accomplish|do|achieve|perform)\s+(?:this|that"
    r"|it)(?:\s+(?:operation|task|step|change))?\s+by\s+(?P<how>[a-z]+ing\b[^!?]*?)(?P<end>[.:])"
    r"(?=\s|$)",
    re.IGNORECASE,
)
#: A means that is only another check ("by making sure that ..."): left as written.
_SAME_CHECK_RE = re.compile(r"(?:making\s+sure|ensuring|verifying|checking)\b", re.I)
#: A filler before the step's verb: "First replace X" is "Replace X" with its means.
_FILLER_RE = re.compile(r"^(?:first|then|next|now|finally),?\s+", re.IGNORECASE)


def means_joined(item: str) -> str:
    """ "First replace the null character. You can accomplish this operation by using the
    RegDelNull tool ...": one action said with its means ("Replace the null character by
    using the RegDelNull tool ..."), not an action and an explanation in one tick."""
    text, detail = split_detail(item)
    if "can " not in text:
        return item
    flat = _flat(text)
    match = _MEANS_RE.match(flat)
    if match is None:
        return item
    if _SAME_CHECK_RE.match(match.group("how")):
        return item  # "make sure X. You can do this by making sure Y": no means said
    step = _FILLER_RE.sub("", match.group("step"), count=1)
    step = step[:1].upper() + step[1:]
    if not _action(step + "."):
        return item  # "This key holds X. You can do this by ...": no step to say it with
    end = match.group("end")
    rest = flat[match.end() :].strip()
    joined = f"{step} by {match.group('how')}{end}" + (f" {rest}" if rest else "")
    return with_detail(joined, detail) if detail.strip() else joined
