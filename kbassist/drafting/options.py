"""What an article offers a draft: its symptom, its cause and its mitigations (options),
each with the section it is drawn from and its steps in order.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Sequence
from functools import lru_cache

from kbassist.articles import Article, Section
from kbassist.articles.model import ListBlock, Paragraph, Part
from kbassist.drafting.block_memo import BlockMemo
from kbassist.drafting.headed_goal import (
    commands_outside,
    goal_heading,
    goal_option,
    single_headed,
)
from kbassist.drafting.labels import way_heading
from kbassist.drafting.led_procedure import goal_label, led_before, led_body, procedure_goal
from kbassist.drafting.listing_lines import c_listing, listing_name
from kbassist.drafting.literal_tails import literal_tail
from kbassist.drafting.option_model import Option
from kbassist.drafting.symptoms import SUMMARY_KEYS, find_section
from kbassist.drafting.text import (
    Hinted,
    Para,
    clean,
    dedent_lines,
    is_boilerplate,
    paragraphs,
    sentence_cut,
    short_label,
    split_detail,
    split_sentences,
    step_text,
    strip_marker,
    with_detail,
    without_boilerplate,
)
from kbassist.drafting.together import ChooseOne, settings_lead
from kbassist.drafting.way_paras import (
    another_case,
    another_way,
    case_named,
    case_of,
    literal_ors,
    says_a_way,
)

MAX_CAUSE_CHARS = 1200

_CAUSE_KEYS = ("cause", "causes")
RESOLUTION_KEYS = ("resolution", "solution", "resolutions")
WORKAROUND_KEYS = ("workaround", "workarounds")
#: Sections a how-to article has none of (see `_section_options`' `howto`).
_HOWTO_NOT = ("symptoms", "symptom", *_CAUSE_KEYS, *RESOLUTION_KEYS, *WORKAROUND_KEYS)
_STATUS_KEYS = ("status",)
MORE_KEYS = ("moreinformation",)


_METHOD_RE = re.compile(
    r"^(?:method|workaround|option|solution|resolution)\s+(?:\d{1,2}|[A-H])\b", re.IGNORECASE
)
#: "Do one or both of the following:", "Try one or more of the following:": in a fix
#: section, each a fix to try (said with a verb of doing: not "if one or more of the
#: following are true", nor a how-to's "To position the header, do one or more of ...").
_ONE_OR_MORE_RE = re.compile(
    r"\b(?:do|try|use|perform|apply|make) (?:one|either) or (?:both|more) of the following\b",
    re.IGNORECASE,
)
_CHOOSE_ONE_PATTERN = re.compile(
    # the lookahead: the first branch's first letters (the same matches, sooner)
    r"\b(?=[oeaf])(?:(?:one|either|any) of the following|following (?:methods|workarounds|options|"
    r"ways|solutions|alternatives|resolutions))\b"
    # a sentence that is only the count: "Two options:", "Here are three ways to work
    # around this problem:", "This can be resolved by either:" (not "has the following
    # three options: 0=User ...", values of a setting)
    r"|(?:^|[.:,]\s+)(?:here are |there are |you have )?(?:two|three|four|several) "
    # round 25: "Here are two basic ways to do this:"
    r"(?:(?:basic|possible|different|main|simple|common|known|alternative) )?(?:options|"
    r"ways|methods|workarounds|solutions|alternatives)(?: to [^:.]{3,80})?\s*[:.]?$"
    r"|\bby either\s*:$",
    re.IGNORECASE,
)
_CHOOSE_ONE_RE = ChooseOne(  # not "set the following options:" (round 38)
    _CHOOSE_ONE_PATTERN,
    (
        "following",
        "option",
        "ways",
        "method",
        "workaround",
        "solution",
        "alternative",
        "by either",
    ),
)
#: MS KB leads that announce alternatives in prose: "There are four possible workarounds:",
#: "Use one of the three methods below:", "This can be caused by one of the following
#: three factors." (not "all of the following conditions": those hold together).
_PLAIN_CHOOSE_ONE_PATTERN = re.compile(
    # the lookahead: every branch's first letter (the scan skips the other positions, 2x)
    r"\b(?=[oeaft])(?:(?:one|either|any) of (?:the|these) (?:following\b|(?:\w+ )?(?:methods|ways|"
    r"workarounds|options|solutions|resolutions|alternatives) (?:below|listed below|here)\b)"
    r"|following (?:two |three |four |five |six |\d )?(?:methods|workarounds|options|ways|"
    r"solutions|alternatives|resolutions)\b|there are (?:two|three|four|five|six|several|"
    r"\d) (?:possible |different |known |ways to |alternative )?(?:workarounds|methods|ways|"
    r"solutions|resolutions|options|causes|reasons|alternatives)\b)",
    re.IGNORECASE,
)
#: "The following are three suggested workarounds for this bug:", "Here are three possible
#: workarounds for this problem:" (round 38): read only in a RESOLUTION or WORKAROUND over
#: bullets (numbered items under it are often stages or a ranked list, and in MORE
#: INFORMATION the bullets name the sub-headed parts after them).
_ARE_WAYS_RE = re.compile(
    r"\b(?:following|here) are (?:the )?(?:two|three|four|five|six|several|\d) (?:suggested |"
    r"possible |different |known |alternative |recommended )?(?:workarounds|methods|ways|"
    r"solutions|resolutions|options|alternatives)\b",
    re.IGNORECASE,
)
_PLAIN_CHOOSE_ONE_RE = ChooseOne(
    _PLAIN_CHOOSE_ONE_PATTERN,
    (
        "of the following",
        "of these following",
        "method",
        "ways",
        "workaround",
        "option",
        "solution",
        "resolution",
        "alternative",
        "cause",
        "reason",
    ),
)
_ADVICE_PATTERN = re.compile(
    r"^(?:to (?:work around|avoid|prevent|resolve|correct|fix|solve) (?:this|the)\b)"
    r"|\b(?:administrators?|users?|you)\b[^.]{0,80}\bshould\b",
    re.IGNORECASE,
)
_ADVICE_RE = Hinted(_ADVICE_PATTERN, ("should",), anchored=True)
#: "You may be able to work around this issue by configuring X:", "You can work around the
#: problem by doing the following:" opening a paragraph: MORE INFORMATION's way around.
_WORK_AROUND_RE = re.compile(
    r"^(?:however,\s+|alternatively,\s+)?(?:you|users?|administrators?) (?:may|might|can|could)"
    r"(?: also)?(?: be able to)? (?P<way>work ?around (?:this|the)\b)",
    re.IGNORECASE,
)
#: "You may be able to resolve this issue by downloading and installing the latest video
#: driver": MORE INFORMATION's hedged fix, offered like its way around (only "by X-ing";
#: "You may be able to avoid these problems in MS-DOS mode" names no action).
_MAY_RESOLVE_RE = re.compile(
    r"^(?:however,\s+|alternatively,\s+)?(?:you|users?|administrators?) (?:may|might|can|could)"
    r"(?: also)? be able to (?P<way>(?:resolve|fix|correct) (?:this|the) (?:issue|problem|error"
    r"|behaviou?r)s? by [a-z]+ing\b)",
    re.IGNORECASE,
)
_REPRO_RE = re.compile(r"^steps to reproduce", re.IGNORECASE)
_FIXED_RE = re.compile(
    r"\b(?:(?:was|were|is|are|has been|have been|been)\s+(?:first\s+)?"
    r"(?:fixed|corrected|resolved|addressed)\s+in|no longer occurs in|"
    r"fixed in (?:version|release|the)|corrected in (?:version|release|the))\b"
    # "has been resolved with FORTRAN PowerStation maintenance release version 1.0a",
    # "was corrected by Service Pack 3 for NT 4.0": a named release, not "resolved by
    # deleting X" or "with the following updated file"
    r"|\b(?:was|were|is|are|has been|have been)\s+(?:first\s+)?(?:fixed|corrected|resolved)"
    r"\s+(?:with\s+(?-i:[A-Z])|by\s+(?=(?-i:[A-Z]))(?:[\w.]+\s+){0,6}?service\s+pack\s+\d)",
    re.IGNORECASE,
)
#: "... listed at the beginning of this article.<A0>This problem was corrected in Word
#: 2000.": two STATUS sentences run together, so the release sentence is read apart from
#: the "confirmed" boilerplate.
_GLUED_STATUS_RE = re.compile(
    r"(?<=[a-z0-9)]\.)(?:<A0>|\xa0)?(?=(?:This|The) (?:problem|bug|issue|behavior)\b)"
)
# --------------------------------------------------------------------------- options


#: Joins the two ways of one numbered step in its text ("3. Choose your adapter ... -or-
#: If you are using a third-party driver: ..."); `ways.split_ways` asks which.
OR_MARK = "-or-"


_PROCEDURES = BlockMemo()


def _procedure(paras: Sequence[Para]) -> tuple[str, list[str]]:
    """`_read_procedure(paras)`, worked out once for the same blocks (`BlockMemo`)."""
    return _PROCEDURES.get(
        paras,
        (),
        lambda: _read_procedure(paras),
        lambda found: (found[0], tuple(found[1])),
        lambda kept: (kept[0], list(kept[1])),  # type: ignore[index]
    )


def _read_procedure(paras: Sequence[Para]) -> tuple[str, list[str]]:
    """(lead-in, items): numbered steps in order; other blocks are items of their own.

    Blocks indented deeper than the item before them are joined to it: prose as more of
    its text, a code listing, a table or a NOTE as its detail (kept line by line, shown
    under the step, not ticked); boilerplate (vendor disclaimers, "for more information"
    pointers) is dropped together with its continuations.
    """
    paras = [p for p in paras if not p.heading]
    # an `-or-` inside a numbered step (two ways to do that step) is kept in its text,
    # for `ways.split_ways`; any other separator is the caller's
    inside = _steps_ors(paras)
    paras = [p for i, p in enumerate(paras) if not p.separator or i in inside]
    first_step = next((i for i, p in enumerate(paras) if p.numbered), None)
    lead_paras: list[Para] = []
    if first_step is not None and first_step > 0:
        lead_paras = [p for p in paras[:first_step] if p.indent <= paras[first_step].indent]
        if len(lead_paras) == first_step:
            paras = paras[first_step:]
        else:
            lead_paras = []
    items: list[list[str]] = []
    details: list[list[str]] = []
    dropped = False
    base = -1
    paired = 0  # the item (counted from 1) whose announced line shows its examples
    for n, para in enumerate(paras):
        text = strip_marker(para.text) if para.marker else para.text
        if para.separator:
            # kept only inside a step's text (never an item of its own); between two code
            # listings ("C:\MSOffice\Powerpnt" -or- "C:\Powerpnt") it is their detail
            nxt = paras[n + 1] if n + 1 < len(paras) else None
            deeper = para.indent > base and nxt is not None and nxt.indent > base
            if items and not dropped and deeper and nxt is not None and not nxt.marker:
                if code_like(nxt):
                    details[-1].append(OR_MARK)
                else:
                    items[-1].append(OR_MARK)
            continue
        if items or dropped:
            deeper = para.indent > base and not (para.numbered and para.indent <= base + 3)
            if deeper and not para.marker:
                if not dropped:
                    if code_like(para):
                        if not is_boilerplate(text) or _named_url(items[-1], text):
                            # not an "ARTICLE-ID: Q155892" pointer; a URL the step names
                            # ("... from the following Web site:") is the step's own
                            details[-1].append(dedent_lines(para.lines))
                    elif _NOTE_RE.match(text) or text[:6].casefold() == "where ":
                        details[-1].append(clean(text))  # a note; "where <drive> is ..."
                    elif paired == len(items) and _example_lead(
                        text, details[-1], paras[n + 1 : n + 2], base
                    ):
                        details[-1].append(clean(text))  # "To limit it to 8 MB, add:"
                    else:
                        items[-1].append(text)
                continue
        if (
            items
            and not dropped
            and _announced_code(
                para,
                items[-1],
                details[-1] if paired == len(items) else [],
                base,
                paras[n + 1 : n + 3],
            )
        ):
            details[-1].append(dedent_lines(para.lines))  # the line the step says to add
            paired = len(items)
            continue
        if items and not para.marker and _TABLE_RE.search(text):
            details[-1].append(dedent_lines(para.lines))  # a table: its rows as written
            continue
        if items and not dropped and not para.marker and c_listing(para.lines):
            # a sample listing under the step or listing before it ("// In your MFC code,
            # call ..." / "db.ExecuteSQL(...);"): its detail, kept line by line
            details[-1].append(dedent_lines(para.lines))
            continue
        tail = ""
        if items and not dropped and not para.marker and _after_literal(paras[n - 1], base):
            tail = literal_tail(text, " ".join(items[-1]), details[-1])
        if tail:
            # "enter" + the literal + "in the Save As dialog box.": the sentence's end
            (items[-1] if tail == "text" else details[-1]).append(clean(text))
            continue
        if not items and not para.marker and (_opens_with_code(para) or c_listing(para.lines)):
            # a listing that opens the fix ("If x = 1 Then" ... "End If" under its own
            # sub-heading): shown as written under a step, never flattened into one
            from kbassist.drafting.not_options import CODE_STEP

            items.append([CODE_STEP])
            details.append([dedent_lines(para.lines)])
            base, dropped = para.indent, False
            continue
        base = para.indent
        dropped = is_boilerplate(text)
        if not dropped:
            items.append([without_boilerplate(text)])
            details.append([])
    # a warning before the steps ("WARNING: Using Registry Editor incorrectly ...") is
    # shown under the first step it qualifies, not read as the fix's name
    notes = [clean(p.text) for p in lead_paras if _NOTE_RE.match(p.text)]
    lead = " ".join(
        without_boilerplate(strip_marker(p.text))
        for p in lead_paras
        if not is_boilerplate(p.text) and not _NOTE_RE.match(p.text)
    )
    out = []
    for parts, detail in zip(items, details, strict=True):
        text = clean(" ".join(parts))
        if not text and detail:
            text = "Run or enter the following:"
        if text:
            out.append(with_detail(text, "\n\n".join(detail)))
    out = _explanations_as_detail(out)
    if notes and out:
        first, first_detail = split_detail(out[0])
        out[0] = with_detail(first, "\n\n".join([*notes, first_detail]))
    elif notes:
        lead = " ".join([*notes, lead])
    lead, out = tidy_items(clean(lead), out)
    return _explanation_first(lead, _update_with_notes(out))


def _code_step(label: str) -> bool:
    """Whether `label` is the step that only shows a listing: the heading names it."""
    from kbassist.drafting.not_options import CODE_STEP

    return label == CODE_STEP.rstrip(":")


def _c_listing_step(label: str, para: Para) -> bool:
    """Whether `label` is the step that shows `para`, a C sample `c_listing` found (not
    a Basic or SQL listing, which keeps its label)."""
    return _code_step(label.rstrip(":")) and c_listing(para.lines) and not _opens_with_code(para)


def _opens_with_code(para: Para) -> bool:
    from kbassist.drafting.not_options import code_block

    return code_block(para.lines)


def _update_with_notes(items: list[str]) -> list[str]:
    """ "A fix is now available that does the following:", what it changes, then "Obtain
    the latest service pack": one step, the update, with what it changes shown under it."""
    updates = [i for i in items if _GET_UPDATE_RE.search(step_text(i)) and _is_action(i)]
    if len(updates) != 1 or len(items) < 2:
        return items
    others = [i for i in items if i is not updates[0]]
    if any(_is_action(step_text(i)) or _YOU_CAN_RE.match(i) for i in others):
        return items
    if not all(_is_statement(i) or _FIXED_STATEMENT_RE.search(step_text(i)) for i in others):
        return items
    said = "\n".join("\n".join(p for p in split_detail(i) if p) for i in others)
    return [with_detail(updates[0], said)]


def _explanation_first(lead: str, items: list[str]) -> tuple[str, list[str]]:
    """ "The breakpoints that the debugger skips are placed on ...", then the action: the
    explanation is the outcome's text, not a step and not the fix's name."""
    if not items:
        return lead, items
    text, detail = split_detail(items[0])
    sentences = split_sentences(text)
    n = 0
    while n < len(sentences) and _is_statement(sentences[n]):
        n += 1
    if n == 0 or (n == len(sentences) and (len(items) < 2 or detail)):
        return lead, items
    said = " ".join(sentences[:n])
    rest = " ".join(sentences[n:])
    if rest and not _is_action(rest):
        return lead, items
    items = [with_detail(rest, detail), *items[1:]] if rest else items[1:]
    return f"{lead} {said}".strip(), items


#: A statement, not an action: "The English version of this fix should have ...", "This
#: information does not apply to Windows NT 4.0 ...", a lone "and" between two listings.
_STATEMENT_RE = re.compile(
    r"^(?:(?:the|this|these|that|those|it|there|where)\b|(?:and|or)\s*$"
    r"|(?:component|part number|release date|default)\s*:)",
    re.IGNORECASE,
)


@lru_cache(maxsize=512)  # pure: asked again and again per text
def _is_statement(item: str) -> bool:
    text = split_detail(item)[0]
    said = _STATEMENT_RE.match(text) or _FIXED_STATEMENT_RE.search(text)
    return bool(said) and not _is_action(text) and not text.endswith(":")


#: A line that is a literal to type or find, not a sentence: a registry key, a path, a
#: quoted command.
_LITERAL_LINE_RE = re.compile(
    r"^(?:HKEY_[A-Z_]+|HK(?:LM|CU|CR|U)\b|[A-Za-z]:\\|\\\\|\"[^\"]{2,200}\")\S*(?:\s\S+){0,8}$"
)
#: The article's own check, kept for the verify: "The players should now be able to ...".
_SAYS_CHECK_RE = re.compile(r"\bshould (?:now|then)\b|^you should (?:now )?see\b", re.IGNORECASE)


def _explanations_as_detail(items: list[str]) -> list[str]:
    """Statements after a step ("The file should have these attributes:", "This does not
    apply to Windows NT 4.0") are shown under that step, not ticked; an action in the
    same paragraph ("... Restart Schedule+.") stays a step."""
    from kbassist.drafting.blocks import _imperative

    out: list[str] = []
    for item in items:
        text, detail = split_detail(item)
        if out and _LITERAL_LINE_RE.match(text) and not detail:
            prev_text, prev_detail = split_detail(out[-1])
            if prev_text.endswith(":") and not prev_detail:
                # "Select the following registry key:" + "HKEY_CURRENT_USER\...": the
                # key is what the step shows, not a step of its own
                out[-1] = with_detail(out[-1], text)
                continue
        if not out or not _STATEMENT_RE.match(text) or _is_action(text):
            out.append(item)
            continue
        if _SAYS_CHECK_RE.search(text):
            out.append(item)  # "The players should now be able to connect": the verify's
            continue
        sentences = split_sentences(text)
        n = 0
        while n < len(sentences) and not _imperative(sentences[n]):
            n += 1
        said, rest = " ".join(sentences[:n]), " ".join(sentences[n:])
        if rest:
            out[-1] = with_detail(out[-1], said)
            out.append(with_detail(rest, detail))
        else:
            out[-1] = with_detail(out[-1], "\n".join(p for p in (said, detail) if p))
    return out


_CODE_CHARS_RE = re.compile(r"[=;{}()\\<>\[\]\"]|^\S+\.(?:exe|com|bat|cmd)\b", re.IGNORECASE)


def _named_url(parts: list[str], text: str) -> bool:
    """A bare URL under a step that ends by naming it ("Download X from the following
    Web site:"): the step's object, not a pointer to drop."""
    return bool(
        parts
        and parts[-1].rstrip().endswith(":")
        and re.fullmatch(r"(?:https?|ftp)://\S+", text.strip())
    )


#: a step that announces the line it adds ("Add the following line in the [386Enh] section")
_ANNOUNCES_LINE_RE = re.compile(
    r"\bthe following (?:lines?|entry|entries|text|setting|settings|command)\b", re.I
)


def _announced_code(
    para: Para, parts: list[str], detail: list[str], base: int, after: list[Para]
) -> bool:
    """Whether `para`, a code line written back at its step's own margin ("2. Add the
    following line ..." over "  MaxPhysPage=<nnn>"), is the line that step announces,
    with examples after it ("where <nnn> is ..." / "To limit it to 16 MB, add the
    following line:" / "  MaxPhysPage=FFF"): the step's detail, each example's lead
    paired with its line, never a tick of a line and the next example's lead."""
    if para.marker or para.indent != base or not code_like(para):
        return False
    if detail and detail[-1].endswith(":"):
        return True  # the line an example lead under this step's own line announces
    said = clean(" ".join(parts))
    if not (said.endswith(":") or _ANNOUNCES_LINE_RE.search(said)):
        return False
    # explained or paired below: "where <nnn> ...", or an example lead over its own line
    nxt = after[0] if after else None
    if nxt is None or nxt.marker or nxt.indent <= base:
        return False
    lead = clean(nxt.text)
    return lead[:6].casefold() == "where " or _example_lead(lead, [":"], after[1:], base)


#: an example's lead: a purpose or case ("To limit it to 8 MB, ...", "If you use X, ..."),
#: or one that says it is an example; not a next action ("Run the .exe by typing ...")
_EXAMPLE_LEAD_RE = re.compile(r"^\s*(?:to|for|if|when|on|in|with)\b|\bexample\b", re.I)


def _after_literal(before: Para, base: int) -> bool:
    """Whether `before`, the block before, is a literal shown under the step above
    (indented under it, read as a listing): what follows may end that step's sentence."""
    return before.indent > base and not before.marker and code_like(before)


def _example_lead(text: str, detail: list[str], after: list[Para], base: int) -> bool:
    """Whether `text`, indented under a step whose detail already shows its line, leads the
    next example's line ("To limit Windows 95 to the first 8 MB of memory, add the
    following line:" over "  MaxPhysPage=7FF"): shown with that line, paired, not run
    into the step's text."""
    return (
        bool(detail)
        and text.rstrip().endswith(":")
        and bool(_EXAMPLE_LEAD_RE.search(text))
        and bool(after)
        and not after[0].marker
        and after[0].indent <= base
        and code_like(after[0])
    )


def code_like(para: Para) -> bool:
    """An indented block that is a listing, a command or a table, not prose: lines indented
    unevenly, a table rule, or short lines that do not read as sentences."""
    lines = [line for line in para.lines if line.strip()]
    if len({len(line) - len(line.lstrip()) for line in lines}) > 1:
        return True
    text = para.text
    if _TABLE_RE.search(text):
        return True
    words = text.split()
    sentence = text.endswith((".", "!", "?", ":", ",")) and len(words) >= 5
    if sentence and not _CODE_CHARS_RE.search(text):
        return False
    if len(lines) >= 2:
        return not any(line.rstrip().endswith((".", ",", ":")) for line in lines[:-1])
    return len(words) <= 12 and not sentence


_NOTE_RE = re.compile(r"^(?:\*+\s*)?(?:note|notes|important|warning|caution|tip)\b\s*[:.-]", re.I)
#: A table rule ("------", "+=+=+=") or a row ("| a | b | c |"): six of -+= in a row, or
#: four bars. Written to start with the one class either begins with, so the scan skips
#: to those characters instead of trying both branches at each (6x faster; only its
#: truth is used: `_TABLE_PLAIN_RE` is the plain form, tests/test_drafting_speed18.py).
_TABLE_PLAIN_RE = re.compile(r"(?:[-+=]{6,}|(?:\|[^|]*){3,}\|)")
_TABLE_RE = re.compile(r"[-+=|](?:(?<=\|)(?:[^|]*\|){3}|(?<=[-+=])[-+=]{5})")
_LEAD_ONLY_RE = re.compile(
    r"^(?!.*\b(?:on(?:-| the )screen|onscreen|wizard)\b)"  # "Follow the instructions on
    # the screen to remove X" is a step
    r"(?:to (?:work ?around|avoid|prevent|resolve|correct|fix|solve|remedy|circumvent|do this)"
    r"\b[^.]{0,80}:"
    r"|there are (?:two|three|four|five|several|\d+) (?:possible |different )?(?:ways|methods"
    r"|options|workarounds|solutions|resolutions)\b[^.]{0,80}[.:]"
    r"|(?:do|use|follow|try) (?:one of )?the (?:following|(?:\w+ )?(?:methods|ways|workarounds"
    r"|options) below)(?: steps| methods)?[^.]{0,40}:"
    r"|(?:to [^,]{3,80},\s*)?(?:use|follow|do|perform|complete|try|take) (?:the|these) "
    r"(?:following )?(?:steps|procedure|instructions)(?: below| that follow)?\b[^.:]{0,80}[.:])$",
    re.IGNORECASE,
)
#: "To resolve this issue, uninstall ...": the purpose clause before the action.
_PURPOSE_RE = re.compile(
    r"^(?:to (?:work ?around|avoid|prevent|resolve|correct|fix|solve|remedy|circumvent)"
    r" (?:this|the|these)(?:\s+[\w-]+){0,3},\s*|(?:alternatively|alternately|as an alternative"
    r"|or),\s*)",
    re.IGNORECASE,
)
_YOU_CAN_RE = re.compile(
    # longest first: "you may want to X" is X, not "Want to X"
    r"^(?:you|administrators?|users?)\s+(?:will need to|may need to|might need to|may want to|"
    r"might want to|will want to|will have to|may have to|might have to|need to|have to|can"
    r"|should|must|may)(?:\s+(?:also|first|then|now))?\s+",
    re.IGNORECASE,
)
_WISHER_RE = re.compile(
    r"^(?:administrators?|users?|customers?|anyone|those)\s+(?:who|that)\s+[^,.]{0,90}?\s+"
    r"(?:should|must|can|may|need to)\s+(?:also\s+|first\s+)?",
    re.IGNORECASE,
)
#: UI navigation pairs read as one step ("Click Start, and then click Run").
_NAV_RE = re.compile(r"^(?:click|point|press|select|type|double-click|right-click|open|go)\b", re.I)
_AND_THEN_RE = re.compile(r",?(?<!\s)\s+and then\s+")


#: "Correct this problem by updating X", "You can work around this issue by using X".
_BY_DOING_RE = re.compile(
    r"^(?:you can |to )?(?:correct|resolve|fix|avoid|prevent|work ?around|circumvent|solve|remedy)"
    r" (?:this|the) (?:problem|issue|behaviou?r|error|limitation)s?,?\s+by\s+(?P<adv>[a-z]+ly\s+)?"
    r"(?P<g>[a-z]+ing)\b"
    r"(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
#: "Installing Excel 97 on the server allows the documents to be filtered": the action is
#: the gerund's, what it achieves is said after it.
_DOING_HELPS_RE = re.compile(
    r"^(?P<g>[A-Z][a-z]+ing)\b(?P<obj>[^,;:]{3,140}?)\s+(?:allows|enables|will|should|resolves|"
    r"corrects|fixes|prevents|avoids|works around|lets|solves|eliminates|causes)\b",
)


_NOT_VERBS = frozenset("the a an this these that it its you we there they he she".split())


def _bare_verb(text: str) -> bool:
    """After "To circumvent this problem," a lower-case word that is no article or pronoun
    is the imperative ("process the WM_MEASUREITEM message")."""
    word = text.split(" ", 1)[0]
    return word.isalpha() and word.islower() and word not in _NOT_VERBS


def _verb_of(gerund: str) -> str:
    """ "updating" -> "update", "setting" -> "set": the imperative the step tools know, else ""."""
    from kbassist.drafting.blocks import _imperative

    base = gerund.casefold()[:-3]
    for verb in (base, base + "e", base[:-1]):
        if len(verb) >= 2 and (_imperative(f"{verb} it") or _MORE_VERBS_RE.match(verb + " ")):
            return verb
    return ""


#: "The only way to quit Word is to use PVIEWER.EXE ...", "The workaround is to ...",
#: "The second way, is to create your own dialog box" (round 25: a listed way's own words).
_WAY_IS_TO_RE = re.compile(
    r"^(?:the )?(?:only |best |easiest |simplest |recommended |one |first |second |third |"
    r"other )?(?:way|workaround|solution|resolution|fix|remedy|option|approach"
    r"|method)(?: to [^,]{3,80}?)?,? is to (?P<act>[a-z].+)$",
    re.IGNORECASE | re.DOTALL,
)


def _gerund_as_action(text: str) -> str:
    """ "Correct this problem by updating X." -> "Update X."; "Installing X allows Y." ->
    "Install X." (what it achieves stays in the sentence after it); "The only way to X is
    to use Y." -> "Use Y."."""
    way = _WAY_IS_TO_RE.match(text)
    if way and _is_action(way.group("act")):
        return way.group("act")[0].upper() + way.group("act")[1:]
    found = _BY_DOING_RE.match(text)
    if found and (verb := _verb_of(found.group("g"))):
        if found.group("adv"):  # "by manually configuring X" -> "Manually configure X"
            return found.group("adv").capitalize() + verb + found.group("rest")
        return verb.capitalize() + found.group("rest")
    found = _DOING_HELPS_RE.match(text)
    if found and (verb := _verb_of(found.group("g"))):
        return f"{verb.capitalize()}{found.group('obj')}: this {text[found.end('obj') :].strip()}"
    return text


#: Verbs the Markdown step reader does not list that MS KB steps use ("Redistribute the
#: package", "Process the message", "Place breakpoints ..."), with `re`/`un` prefixes.
_MORE_VERBS_RE = re.compile(
    r"^(?:re|un)?(?:accept|access|activate|approve|browse|build|cancel|choose|comment|compare|compile"
    r"|convert|correct|deactivate|debug|define|deploy|deselect|dismiss|distribute|drag|eject"
    r"|enter|erase|extend|fill|highlight|hold|ignore|isolate|keep|launch|leave|limit|locate"
    r"|lock|mark|migrate|override|paste|pause|perform|place|plug|power|print|process|purge"
    r"|put|release|repair|repeat|request|resolve|resume|revoke|scan|scroll|search|send|skip"
    r"|submit|terminate|test|toggle|truncate|unblock|unlock|upload|validate|view|visit)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=512)  # pure: asked again and again per text
def _is_action(text: str) -> bool:
    """An imperative step: the step reader's verbs or the MS KB ones above."""
    from kbassist.drafting.blocks import _imperative

    return _imperative(text) or bool(_MORE_VERBS_RE.match(text))


_HOW_RE = re.compile(r"^to do (?:this|so|that),\s", re.IGNORECASE)
_GOAL_IF_YOU_RE = re.compile(r"^[A-Z][^,]{3,80}? if you (?P<acts>[a-z].+)$", re.DOTALL)
_LIST_SEP_RE = re.compile(r",\s+(?:and\s+)?(?:then\s+)?")


def _outside_parens(sep: re.Pattern[str], text: str) -> list[str]:
    """`text` split at `sep` where no parenthesis is open: "X (for example, increase Y)"
    is one part, never "X (for example" and "increase Y)"."""
    parts: list[str] = []
    start = 0
    opened = closed = counted = 0  # parentheses before `counted` (once each, not per match)
    for found in sep.finditer(text):
        head = text[start : found.start()]
        opened += text.count("(", counted, found.start())
        closed += text.count(")", counted, found.start())
        counted = found.start()
        if opened > closed:
            continue
        parts.append(head)
        start = found.end()
    parts.append(text[start:])
    return parts


def _action_list(sentence: str) -> list[str]:
    """ "Remove the package, adjust the access accounts, and then redistribute it." (also
    after "You can change permissions if you ...") as one step per action; [] unless every
    part is an action and it is not UI navigation ("Click Start, point to Settings")."""

    goal = _GOAL_IF_YOU_RE.match(sentence)
    body = goal.group("acts") if goal else sentence
    if len(split_sentences(body)) > 1:
        return []  # "Check X. If you have a later version, move it.": no list of one sentence
    parts = [p.strip() for p in _outside_parens(_LIST_SEP_RE, body.rstrip("."))]
    if len(parts) < 3 or _NAV_RE.match(parts[0]) or not all(_is_action(p) for p in parts):
        return []
    return [p[0].upper() + p[1:] + "." for p in parts]


#: "Refresh the MMC by clicking Action and then Refresh": a menu path, one step.
_BY_CLICKING_RE = re.compile(
    r"\bby (?:clicking|selecting|choosing|pointing to|pressing|double-clicking|right-clicking)\b"
    r"(?!.*,)",
    re.IGNORECASE,
)


#: "Remove the message by stopping the service, and then deleting the file": a goal done by
#: two actions of its own (each its own step), not a click path ("by clicking Options, and
#: then clicking the Print tab" is one step).
_BY_THEN_RE = re.compile(
    r"^(?P<goal>[A-Z][^,;]{2,120}?)\s+by\s+(?P<g1>[a-z]+ing)\b(?P<r1>[^,;]{3,200}?),?\s+"
    r"and then\s+(?P<g2>[a-z]+ing)\b(?P<r2>[^;]{3,250})$",
    re.DOTALL,
)
#: Gerunds of UI navigation and of typing: "by clicking X and then clicking Y" is one step.
_UI_GERUND_RE = re.compile(
    r"^(?:click|double-click|right-click|select|choos|press|typ|point|open|go|enter|us"
    r"|highlight|hold|turn|drag)ing$",
    re.IGNORECASE,
)


def _by_then_steps(sentence: str) -> list[str]:
    """ "Remove the corrupted message by stopping the X service, and then deleting the
    stuck message in the Y folder." as two steps, "Stop the X service." (what both achieve
    said under it) and "Delete the stuck message in the Y folder."; [] for any other
    sentence, and for UI navigation or typing ("by clicking A, and then clicking B")."""
    found = _BY_THEN_RE.match(sentence.strip())
    if found is None or not _is_action(found.group("goal")) or " " not in found.group("goal"):
        return []  # "Start by X, and then Y": no goal to say
    g1, g2 = found.group("g1"), found.group("g2")
    if _UI_GERUND_RE.match(g1) or _UI_GERUND_RE.match(g2):
        return []
    first, second = _verb_of(g1), _verb_of(g2)
    if not first or not second:
        return []
    goal = found.group("goal")
    rest = found.group("r2").rstrip()
    return [
        with_detail(
            f"{first.capitalize()}{found.group('r1').rstrip()}.",
            f"With the next step, this is how to {goal[0].lower()}{goal[1:]}.",
        ),
        f"{second.capitalize()}{rest}" + ("" if rest.endswith((".", "!")) else "."),
    ]


def split_actions(text: str) -> list[str]:
    """One action per step: a purpose lead-in ("To resolve this issue,") dropped; separate
    imperative sentences, and two actions joined by ", and then" (not UI navigation such
    as "click Start, and then click Run"), as steps of their own."""
    from kbassist.drafting.blocks import _imperative

    bare = _PURPOSE_RE.sub("", text, count=1)
    if bare != text and (_imperative(bare) or _bare_verb(bare)):
        text = bare[0].upper() + bare[1:]
    elif bare != text and _YOU_CAN_RE.match(bare):
        bare = _YOU_CAN_RE.sub("", bare, count=1)  # "To work around this, you can X"
        text = bare[0].upper() + bare[1:]
    one = _YOU_CAN_RE.sub("", text, count=1)
    if len(split_sentences(one)) == 1:
        by_then = _by_then_steps(one[:1].upper() + one[1:])
        if by_then:
            return by_then
    text = _gerund_as_action(text)
    # "You can also verify ...", "Administrators who want X should use ...": a modal
    # is always followed by the verb, the action itself.
    bare = _WISHER_RE.sub("", _YOU_CAN_RE.sub("", text, count=1), count=1)
    if bare != text and len(bare) > 3 and bare[:1].islower() and not bare.startswith("be "):
        text = bare[0].upper() + bare[1:]  # ("you should be able to ..." is no action)
    # "Remove the protocol. To do this, click Start, ...": how to do the step is shown
    # under it (a nested sub-step kept under its parent), not ticked as steps of its own
    sentences = split_sentences(text)
    how = ""
    for k, sentence in enumerate(sentences[1:], start=1):
        if _HOW_RE.match(sentence):
            how = " ".join(sentences[k:])
            sentences = sentences[:k]
            break
    pieces: list[str] = []
    for sentence in sentences:
        if pieces and _imperative(sentence) and not sentence.lower().startswith(("if ", "when ")):
            pieces.append(sentence)
        elif pieces:
            pieces[-1] = f"{pieces[-1]} {sentence}"
        else:
            pieces.append(sentence)
    if how:
        return [with_detail(" ".join(sentences), how)]
    if len(pieces) > 1 and not _imperative(pieces[0]):
        return [text]  # an explanation with an action in it: one item, as written
    out: list[str] = []
    for piece in pieces:
        listed = _action_list(piece)
        if listed:
            out.extend(listed)
            continue
        halves = _AND_THEN_RE.split(piece, maxsplit=1)
        if (
            len(halves) == 2
            and _imperative(halves[0])
            and _imperative(halves[1])
            and not _NAV_RE.match(halves[0])
            and "," not in halves[0]
            and not _BY_CLICKING_RE.search(halves[0])
            and not re.fullmatch(r"[A-Z][\w-]*\.?", halves[1].strip())  # "... then Refresh."
        ):
            out.append(halves[0].rstrip(",") + ".")
            out.append(halves[1][0].upper() + halves[1][1:])
        else:
            out.append(piece)
    return out


#: Words one of `_LEAD_ONLY_RE`'s two branches that may end with a stop needs.
_STOP_LEAD_WORDS = ("there are", "steps", "procedure", "instructions")


def lead_only(text: str) -> bool:
    """`_LEAD_ONLY_RE` matches `text` (a bare lead-in), tried only where it can: every
    branch ends the text with a colon, and the two that may end with a stop need one of
    `_STOP_LEAD_WORDS`; most steps end with a stop and name neither (same answers)."""
    end = text[:-1] if text.endswith("\n") else text  # `$` also matches before one
    if not end.endswith((":", ".")):
        return False
    if end.endswith(".") and text.isascii():  # else IGNORECASE may fold other letters
        low = text.lower()
        if not any(word in low for word in _STOP_LEAD_WORDS):
            return False
    return bool(_LEAD_ONLY_RE.match(text))


def tidy_items(lead: str, items: list[str]) -> tuple[str, list[str]]:
    """Steps that are steps: a NOTE or a flattened table is detail of the step before it
    (shown, not ticked), a bare lead-in ("To resolve this problem:") is the outcome's
    text, not an item; one imperative action per item (`split_actions`)."""
    out: list[str] = []
    leads = [lead] if lead else []
    pending: list[str] = []
    for item in items:
        text, detail = split_detail(item)
        if not detail and lead_only(text):
            if out:
                out[-1] = with_detail(out[-1], text)
            else:
                leads.append(text)
            continue
        if (_NOTE_RE.match(text) or _TABLE_RE.search(text)) and out:
            out[-1] = with_detail(out[-1], "\n".join(p for p in (text, detail) if p))
            continue
        if _NOTE_RE.match(text) and not out and not detail:
            pending.append(text)  # a warning before the first step: shown under it
            continue
        if pending:
            detail = "\n\n".join([*pending, detail]) if detail else "\n\n".join(pending)
            pending = []
        pieces = split_actions(text) if text else [text]
        out.extend(pieces[:-1])
        out.append(with_detail(pieces[-1], detail))
    if not out and items:
        return lead, items
    if pending:
        leads.extend(pending)
    return " ".join(leads), out


_ALTERNATIVES = BlockMemo()


def _alternatives(
    paras: list[Para], plain: bool = False, fixes: bool = False
) -> tuple[list[Para], list[list[Para]]]:
    """`_read_alternatives`, worked out once for the same blocks and flags (`BlockMemo`):
    the cause rules ask it of the same CAUSE section up to four times a draft."""
    return _ALTERNATIVES.get(
        paras,
        (plain, fixes),
        lambda: _read_alternatives(paras, plain, fixes),
        lambda found: (tuple(found[0]), tuple(tuple(alt) for alt in found[1])),
        lambda kept: (list(kept[0]), [list(alt) for alt in kept[1]]),  # type: ignore[index]
    )


def _read_alternatives(
    paras: list[Para], plain: bool = False, fixes: bool = False
) -> tuple[list[Para], list[list[Para]]]:
    """(lead-in, alternatives) if the blocks offer a choice; else ([], []). `plain`: an MS
    KB article, whose prose leads ("There are four possible workarounds:") announce them.
    `fixes`: a RESOLUTION or WORKAROUND, whose `-or-` inside a numbered step offers two ways
    to do that step, not alternatives to the whole section."""
    # `Method 1`, `Method 2` ... (as a line of their own or as a sub-heading)
    starts = [i for i, p in enumerate(paras) if p.indent == 0 and _METHOD_RE.match(p.head)]
    if len(starts) >= 2:
        ends = [*starts[1:], len(paras)]
        return paras[: starts[0]], [paras[s:e] for s, e in zip(starts, ends, strict=True)]
    inside = _steps_ors(paras) if fixes else set()
    seps = [i for i, p in enumerate(paras) if p.separator and i not in inside]
    # "c:\Iexplore\Iexplore.exe" / "-or-" / "c:\Program Files\...": where a file may
    # be, values of one step, never fixes to choose between
    values = literal_ors(paras, seps)
    seps = [i for i in seps if i not in values]
    if seps and plain:
        from kbassist.drafting.listed_ways import items_with_ors

        listed = items_with_ors(paras, seps)  # "- A -or- B" / "- C": C is a way too
        if listed is not None:
            return listed
    if seps:
        lead, alts = _split_or(paras, seps)
        return _procedure_first(lead, alts) if fixes else (lead, alts)
    for i, para in enumerate(paras):
        text = para.text  # the cheap test first: most blocks do not end with a colon
        if not (para.head and text.endswith(":")):
            continue
        if _CHOOSE_ONE_RE.search(text) or (fixes and _ONE_OR_MORE_RE.search(text)):
            alts = _list_after(paras, i + 1, fixes)
            if len(alts) >= 2:
                return paras[: i + 1], alts
    if plain and fixes:
        from kbassist.drafting.follow_ups import headed_ways

        ways = headed_ways(paras)  # "Build a form function to call X:" / "Build a method ...:"
        if ways is not None:
            return ways
    if plain:
        for i, para in enumerate(paras):
            if para.marker:
                continue
            text = clean(para.text)
            if not text.endswith((":", ".")):
                continue
            are_ways = fixes and " are " in text and bool(_ARE_WAYS_RE.search(text))
            if (_PLAIN_CHOOSE_ONE_RE.search(text) or are_ways) and not re.search(
                r"\b(?:all|both|each) of\b", text, re.I
            ):
                alts = _list_after(paras, i + 1, fixes)
                if are_ways and not _PLAIN_CHOOSE_ONE_RE.search(text):
                    alts = [] if any(a[0].numbered for a in alts) else alts
                if len(alts) >= 2:
                    if fixes:  # "Install the Latest Printer Driver:" after the list
                        from kbassist.drafting.listed_ways import (
                            described_below,
                            titled_ways_after,
                        )

                        end = i + 1 + sum(len(a) for a in alts)
                        alts += titled_ways_after(paras, end, alts[0][0].indent)
                        alts = described_below(paras, end, alts)  # "described below": its steps
                    return paras[: i + 1], alts
    return [], []


def _steps_ors(paras: list[Para]) -> set[int]:
    """The `-or-`s inside a numbered step ("3. Choose your adapter ..." / "-or-" / "If you
    are using a third-party driver: ..." / "4. Click Reboot"): two ways to do that step,
    the procedure going on after them, not alternatives to the whole section. Such an
    `-or-` is indented under the last numbered block before it (the step), with nothing
    as shallow as the step between them (from the first block equal to the step), the
    block after it indented under the step too, and a later numbered block as deep as the
    step. Found in one pass each way, not a walk back over the blocks per `-or-` (a
    section of 3,333 `-or-` lines took 36 s)."""
    first: dict[tuple[str, ...], int] = {}
    for i, para in enumerate(paras):
        first.setdefault(tuple(para.lines), i)
    candidates: dict[int, int] = {}  # `-or-` -> its step's indent
    indent: int | None = None  # the last step's
    shallowest = sys.maxsize  # the least indent of the blocks (no `-or-`) since the step
    for at, para in enumerate(paras):
        if para.numbered:
            indent, shallowest = para.indent, sys.maxsize
            if first[tuple(para.lines)] < at:
                shallowest = -1  # the step's text stood before: the step itself is between
        elif indent is None:
            continue
        elif not para.separator:
            shallowest = min(shallowest, para.indent)
        elif para.indent > indent < shallowest and at + 1 < len(paras):
            # the block after it is under the step too
            candidates[at] = indent if paras[at + 1].indent > indent else -1
    out = set()
    later: set[int] = set()  # indents of the numbered blocks after
    for at in range(len(paras) - 1, -1, -1):
        if candidates.get(at, -1) in later:
            out.add(at)
        elif candidates.get(at, -1) >= 0 and not later and _two_acts(paras, at):
            # under the last step, an action under it after ("4. ... click Copy" / "-OR-"
            # / "Click Delete"): that step's two ways, not two fixes (round 29)
            out.add(at)
        if paras[at].numbered:
            later.add(paras[at].indent)
    return out


def _two_acts(paras: list[Para], at: int) -> bool:
    """Whether the `-or-` at `at` stands between two actions ("... click Copy" / "-OR-" /
    "Click Delete ..."), not after a lead over quoted messages ("one of the following:")."""
    before, after = paras[at - 1].text, paras[at + 1].text
    return (
        not before.rstrip().endswith(":")
        and _imperative_text(clean(strip_marker(before)))
        and _imperative_text(clean(after))
    )


#: "If reinstalling your video adapter does not work, you can try ...": what to do when
#: the fix above fails, so the fix above is one of the ways.
_FALLBACK_RE = re.compile(
    r"^(?:if|should)\b[^:]{3,160}?\b(?:does not|doesn't|did not|didn't|do not|don't|fails?|"
    r"cannot|can't)\b[^:]{0,40}?\b(?:work|help|resolve|fix|correct|succeed)",
    re.IGNORECASE,
)


def _procedure_first(
    lead: list[Para], alts: list[list[Para]]
) -> tuple[list[Para], list[list[Para]]]:
    """ "Boot to VGA mode and reinstall ...: 1. ... 4. Click Reboot." then "If reinstalling
    ... does not work, you can try one of the following:" over `-or-` items: the numbered
    procedure is the first fix, the items the others, not the procedure a lead-in to them."""
    if not alts or not lead or not any(p.numbered for p in lead):
        return lead, alts
    last = clean(lead[-1].text)
    if not (last.endswith(":") and _PLAIN_CHOOSE_ONE_RE.search(last) and _FALLBACK_RE.search(last)):
        return lead, alts
    first = lead[:-1]  # an `-or-` left in it is inside a step (`_steps_ors`)
    if not any(p.numbered for p in first):
        return lead, alts
    return [], [first, *alts]


def _split_or(paras: list[Para], seps: list[int]) -> tuple[list[Para], list[list[Para]]]:
    """Alternatives joined by `-or-` lines: the blocks around each separator."""
    first_chunk = paras[: seps[0]]
    if not first_chunk:
        return [], []
    markers = [i for i, p in enumerate(first_chunk) if p.marker]
    if markers:
        top = min(first_chunk[i].indent for i in markers)
        start = max(i for i in markers if first_chunk[i].indent == top)
        if seps[0] + 1 < len(paras) and _item_number(paras[seps[0] + 1]) == 1:
            # "1. ... 6. ..." / "-or-" / "1. ...": two whole procedures, not step 6's way
            start = _run_start(first_chunk, start)
    else:
        from kbassist.drafting.code_alternatives import listing_start

        # a listing split by blank lines: the whole listing, back to its "Sub X()" line
        start = listing_start(first_chunk, len(first_chunk) - 1)
    alts = [first_chunk[start:]]
    for a, b in itertools.pairwise(seps):
        if paras[a + 1 : b]:
            alts.append(paras[a + 1 : b])
    last = paras[seps[-1] + 1 :]
    if last:
        head = last[0]
        take = [head]
        number = 1 if _item_number(head) == 1 else 0
        for para in last[1:]:
            if para.indent > head.indent or (head.text.endswith(":") and para.numbered):
                take.append(para)
            elif number and para.indent == head.indent and _item_number(para) == number + 1:
                # after "-or-", "1. ... 7. ...": the whole second procedure (a "1." head)
                take.append(para)
                number += 1
            else:
                break
        alts.append(take)
    return first_chunk[:start], [a for a in alts if a]


def _item_number(para: Para) -> int:
    """A numbered item's number ("3. Click OK." -> 3); 0 for any other block."""
    found = re.match(r"(\d{1,2})[.)]\s", para.head)
    return int(found.group(1)) if found else 0


def _run_start(paras: list[Para], last: int) -> int:
    """Where the numbered procedure ending at item `last` starts ("1. Run Volume Control."
    when `last` is "6. Clear ..."): the items before it at its indent count down to 1,
    blocks deeper than them between; `last` itself when it is no numbered item or the
    count breaks (a lead or a note at the item's indent)."""
    number = _item_number(paras[last])
    if number < 2:
        return last
    indent = paras[last].indent
    for at in range(last - 1, -1, -1):
        para = paras[at]
        if para.indent > indent:
            continue
        if para.indent < indent or _item_number(para) != number - 1:
            return last
        number -= 1
        if number == 1:
            return at
    return last


def _list_after(paras: list[Para], start: int, fixes: bool = False) -> list[list[Para]]:
    """The top-level list items from `start`, each with its continuation blocks. `fixes`
    (a RESOLUTION or WORKAROUND): a first item indented deeper than its siblings is one
    of them; elsewhere such a list is messages or settings ("one of the following error
    messages:", "three options in the Meta data block:") the loose reading would offer."""
    alts: list[list[Para]] = []
    if start >= len(paras) or not paras[start].marker:
        return alts
    top = paras[start].indent
    shallower = _shallower_sibling(paras, start) if fixes else None
    if shallower is not None:  # "   - A" / "- B" / "- C": A is an item too, not B's lead
        top, alts = shallower, [[paras[start]]]
        start += 1
    for para in paras[start:]:
        if para.marker and para.indent == top:
            alts.append([para])
        elif para.indent > top and alts:
            alts[-1].append(para)
        else:
            break
    return alts


def _shallower_sibling(paras: list[Para], start: int) -> int | None:
    """The indent of the list a first bullet item belongs to when flattened text indented
    it deeper than its siblings ("   - Enable the guest account" / "- On the central
    server, create ..."): the next block not under the item is a bullet of the same kind
    at a smaller indent. None when the first item sets the list's indent."""
    first = paras[start]
    bullet = first.head[:1]
    if bullet not in "-*\u2022":
        return None
    for para in paras[start + 1 :]:
        if para.indent > first.indent:
            continue  # the first item's own continuation
        if para.indent < first.indent and para.marker and para.head[:1] == bullet:
            return para.indent
        return None
    return None


def _body_until_repro(section: Section) -> list[Para]:
    paras = paragraphs(section.text)
    for i, para in enumerate(paras):
        if para.heading and _REPRO_RE.match(para.head):
            return paras[:i]
    return paras


def _method_head(paras: Sequence[Para]) -> tuple[str, Sequence[Para]]:
    """ "Method 2: Edit the ListNum Field:" heading its steps: (its name, the steps without
    it); "Method 1. Use the same style ..." keeps the action as a step. ("", paras) else."""
    if not paras or paras[0].marker or not _METHOD_RE.match(paras[0].head):
        return "", paras
    # an underlined "Method 1" sub-heading: its first line, not the dashes under it
    text = clean(paras[0].head if paras[0].heading else paras[0].text)
    name = _METHOD_RE.match(text)
    rest = text[name.end() :].lstrip(" .:-)") if name else text
    rest = re.sub(r"^\([^)]{1,40}\)\s*[:.-]?\s*", "", rest)  # "(manual method):"
    if not rest or (rest.endswith(":") and len(rest) <= 60):
        return clean(text.rstrip(":")), paras[1:]
    words = [w for w in rest.split() if w[:1].isalpha()]
    titled = sum(w[0].isupper() for w in words) >= 0.6 * len(words) >= 2
    if titled and not rest.endswith(".") and len(paras) >= 2:
        # "Method 1: Open the WordBasic Macro in the Previous Version of Word" over the
        # step that says it again: a title, not a step of its own
        return clean(text.rstrip(":")), paras[1:]
    indent = paras[0].lines[0][: paras[0].indent]
    head = name.group(0) if name else text
    return f"{head}: {short_label(rest, 70)}", [Para([indent + rest]), *paras[1:]]


def _steps_count(count: int) -> str:
    """ "1 step", "5 steps": a label's count read aloud ("Method 2 (1 steps)" read as junk)."""
    return f"{count} step" if count == 1 else f"{count} steps"


def _option_from(section: Section, paras: Sequence[Para], prefix: str = "") -> Option | None:
    method, paras = _method_head(paras)
    if method and paras:
        option = _option_from(section, paras)
        if option is not None and len(method) > 12:
            option.label = short_label(method, 90)
        elif option is not None and _START_NAV_RE.match(option.label):
            option.label = f"{method} ({_steps_count(len(option.items))})"
        elif option is not None:
            option.label = f"{method}: {option.label}"
        return option
    lead, items = _procedure(paras)
    if not items:
        if not lead:
            return None
        items, lead = [lead], ""
    # the lead's first sentence that names something: not a note ("Note that you should
    # back up ..."), an explanation, or a bare "To work around this, do the following:"
    named = [
        t
        for sentence in split_sentences(clean(lead))
        for t in re.split(r"(?<=:)\s+(?=[A-Z])", sentence)
        if not (_NOTE_RE.match(t) or _NOTE_THAT_RE.match(t) or _is_statement(t))
        and not lead_only(t)
    ]
    label_from = named[0] if named else step_text(items[0])
    if not named and _is_statement(items[0]):
        # "The server has been updated so that ..." names no fix; the first action does
        label_from = next(
            (
                step_text(i)
                for i in items
                if _is_action(step_text(i)) and not re.match(r"(?:if|when)\b", i, re.I)
            ),
            label_from,
        )
    purpose = _PURPOSE_STEP_RE.match(label_from)
    if purpose and _is_action(purpose.group("then")):
        # "To install the MIDI driver, start Control Panel, ...": named by its purpose
        label_from = purpose.group("goal")[0].upper() + purpose.group("goal")[1:]
    goal = next(
        (g for t in reversed(split_sentences(clean(lead))) if (g := _GOAL_RE.match(t))), None
    )
    if goal and named and named[0] != goal.string and _restates(named[0], goal.string):
        pass  # "Remove X from the remote domain and add ..." / "To remove X from a domain:"
    elif goal:
        # "To reduce the screen resolution:" names the fix
        label_from = goal.group("goal")[0].upper() + goal.group("goal")[1:]
    elif _START_NAV_RE.match(label_from) and prefix and len(items) >= 3:
        # "Click the Start button, ..." names no fix: the section and the length do
        label_from = f"{prefix.rstrip(': ')} ({_steps_count(len(items))})"
        prefix = ""
    first = paras[0] if paras else None
    if first is not None and _METHOD_RE.match(first.head):
        label_from = first.head if len(first.head) > 12 else (lead or items[0])
    case = _CASE_THEN_RE.match(strip_marker(label_from))
    if case and _is_action(_YOU_CAN_RE.sub("", case.group("then"), count=1)):
        # "If the first workaround is not acceptable, you can write an ISAPI filter ...":
        # the option is named by what it does
        label_from = _YOU_CAN_RE.sub("", case.group("then"), count=1)
        label_from = label_from[0].upper() + label_from[1:]
    if first is not None and _c_listing_step(label_from, first):
        # a C sample that opens the option: named by its first comment ("// register
        # AtlAxWin class"), as the joined listing was, not "Use the article's sample code"
        label_from = listing_name(first.lines) or label_from
    label = option_label(strip_marker(label_from))
    if prefix and re.match(r"^(?:if|when)\b", label, re.IGNORECASE):
        label, prefix = prefix.rstrip(": "), ""  # a step for one case names no option
    option = Option(
        section, prefix + label if prefix and not _OWN_NAME_RE.match(label) else label, lead, items
    )
    opening = _CASE_THEN_RE.match(clean(lead)) if lead else None
    # "If you unlock the drive, you can run ScanDisk. To do this:": the steps are what
    # makes it the case, nothing to ask first
    you_do = re.match(r"(?:if|when) you (?P<act>[a-z][^,]{3,})", clean(lead), re.IGNORECASE)
    doing = (
        you_do is not None
        and _is_action(you_do.group("act"))
        and re.search(r"\bto do (?:this|so)\b", lead, re.IGNORECASE)
    )
    if opening and not doing and _is_action(_YOU_CAN_RE.sub("", opening.group("then"), count=1)):
        option.case = clean(lead)[: opening.start("then")].rstrip(", ")
    # read before the steps were tidied: tidying drops the "who want to X should" preamble
    wish = _WISH_RE.search(" ".join(strip_marker(p.text) for p in paras[:2]))
    if wish:
        option.wish = clean(wish.group(1))
    return option


#: "To reduce the graphics hardware acceleration:", "To change the setting, follow these
#: steps:": what the procedure does, its name (not "To resolve this problem, ...").
_GOAL_RE = re.compile(
    r"^to (?!(?:work ?around|avoid|prevent|resolve|correct|fix|solve|remedy|circumvent|do)\b)"
    r"(?P<goal>[a-z][^,:.]{4,140}?)\s*(?::|,\s*(?:follow|use|do|perform|complete) (?:these|the)"
    r"(?: following)? (?:steps|procedure|instructions)\b[^.:]{0,40}[.:])\s*$",
    re.IGNORECASE,
)
_PURPOSE_STEP_RE = re.compile(
    r"^to (?!(?:work ?around|avoid|prevent|resolve|correct|fix|solve|remedy|circumvent|do)\b)"
    r"(?P<goal>[a-z][^,:.]{4,80}?),\s*(?P<then>[a-z].*)$",
    re.IGNORECASE | re.DOTALL,
)
_CASE_THEN_RE = re.compile(
    r"^(?:if|when)\s+[^,]{3,140},\s*(?:then\s+)?(?P<then>[a-z].{3,})$", re.IGNORECASE | re.DOTALL
)
#: A first step that only navigates ("Click Start, point to Settings ...", "In Control
#: Panel, double-click ..."): no name for the fix.
_START_NAV_RE = re.compile(
    r"^(?:click (?:the )?start\b|on the [\w ]{2,30} menu\b|in control panel\b|double-click\b"
    r"|right-click\b|point to\b|open control panel\b|start control panel\b)",
    re.IGNORECASE,
)
_NOTE_THAT_RE = re.compile(r"^note (?:that|also)\b", re.IGNORECASE)
_OWN_NAME_RE = re.compile(r"^(?:workaround|resolution|method|upgrade)\b", re.IGNORECASE)
#: "Administrators who want to have Retrospect back up the data file should ...": the
#: option is for sites that want that, a question of its own.
_WISH_RE = re.compile(
    r"\b(?:administrators?|users?|customers?|you|anyone|those)\s+(?:who|that)\s+"
    r"(?:want|need|wish|must|have)\s+to\s+([^,.;:]{6,90}?)\s*,?\s+(?:should|can|must|may)\b",
    re.IGNORECASE,
)
_LABEL_LEAD_RE = re.compile(
    r"^(?:to (?:work around|avoid|prevent|resolve|correct|fix|solve|remedy|circumvent)\b"
    r"[^,:]{0,60}[,:]\s*|(?:alternatively|alternately|as an alternative|or),\s*"
    r"(?:you (?:can|may|could) (?:also )?)?"
    r"|(?:administrators?|users?|customers?|you|those)\s+(?:who|that)\s+[^,]{0,90}?\s+"
    r"(?:should|can|must|may)\s+)",
    re.IGNORECASE,
)


def _scene_turned(group: list[Para], rest: str, header: str) -> bool:
    """Whether the label after a sub-heading naming its fix was turned from its first
    block's scene."""
    from kbassist.drafting.not_options import scene_turned

    return bool(group) and scene_turned(strip_marker(clean(group[0].text)), rest, header)


def option_label(text: str) -> str:
    """A short label from the option's first clause: no "To resolve this issue," lead-in,
    no "Administrators who want to X should" preamble, never cut with "[...]"."""
    text = clean(text)
    bare = _LABEL_LEAD_RE.sub("", text, count=1)
    if len(bare) >= 8 and bare != text:
        text = bare[0].upper() + bare[1:]
    from kbassist.drafting.not_options import scene_label

    # "During Windows NT setup, click Cancel ...": named by the action, not the scene
    return scene_label(text, short_label(text, 90), _is_action)


_IN_ORDER_RE = re.compile(
    r"\b(?:in the order (?:in which|that) they (?:are|were) (?:listed|presented|given)|in the "
    r"following order|(?:follow|complete|do|perform) (?:these|the following|all of these|all "
    r"the) (?:steps|procedures|methods) in order"
    # "follow all the steps in the following sections": every stage, not one (round 38)
    r"|(?:follow|complete|perform|do) all (?:of )?the (?:steps|procedures|tasks) in (?:all |each )?"
    r"(?:of )?the following (?:sections|procedures)"
    r"|(?:follow|complete|perform) (?:all|each) of the following (?:sections|procedures))\b",
    re.IGNORECASE,
)


_PART_HEAD_RE = re.compile(r"^(?:part|step|stage|phase)\s+\d{1,2}\b", re.IGNORECASE)


def _in_order(paras: list[Para]) -> bool:
    """An MS KB fix made of stages under their own sub-headings, to do one after another
    ("follow these steps in the order in which they are presented")."""
    first = next((i for i, p in enumerate(paras) if p.heading), None)
    if first is None or sum(p.heading for p in paras) < 2:
        return False
    if all(_PART_HEAD_RE.match(clean(p.head)) for p in paras if p.heading):
        return True  # "Part 1: Remove X", "Part 2: Restart the Computer ..."
    lead = " ".join(clean(p.text) for p in paras[:first])
    from kbassist.drafting.then_stages import then_ordered

    if then_ordered(lead, [clean(p.head) for p in paras if p.heading]):
        return True  # "remove X, and then reinstall X" over "Remove X" / "Reinstall X"
    if _FIRST_THEN_RE.search(lead):
        # "you must first determine X, determine Y, and then delete Z": the sub-headings
        # ("Determine X", "Determine Y", "Delete Z") are those stages, not alternatives
        from kbassist.drafting.blocks import _imperative

        return all(_imperative(clean(p.head).rstrip(":")) for p in paras if p.heading)
    return any(_IN_ORDER_RE.search(clean(p.text)) for p in paras[:first])


#: A lead that orders what follows: "you must first determine ..., and then delete ...".
_FIRST_THEN_RE = re.compile(r"\bfirst\b[^.]{3,300}\b(?:and )?then\b", re.IGNORECASE)


def _staged_option(section: Section, paras: list[Para]) -> Option | None:
    from kbassist.drafting.stage_methods import stage_methods

    """One option for sub-headed stages done in order: each stage's steps in turn, a stage
    with no steps (a list of requirements to check) one step named by its heading, with
    what it lists shown under it; never "Skip to step 6" offered as a fix of its own."""
    starts = [i for i, p in enumerate(paras) if p.heading]
    lead = clean(" ".join(p.text for p in paras[: starts[0]] if not p.separator))
    items: list[str] = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(paras)
        name = clean(paras[start].head).rstrip(":")
        chunk = paras[start + 1 : end]
        methods = stage_methods(chunk, _METHOD_RE, _procedure)
        if methods:  # "use either of the following methods": "Method 1: ..." / "Method 2: ..."
            stage_lead, ways = methods
            said = f"{name}: {stage_lead}".strip(": ") if stage_lead else name
            ways[0][0] = with_detail(ways[0][0], f"Stage: {said}")
            items.extend(step for way in ways for step in way)
            continue
        if any(p.numbered for p in chunk):
            stage_lead, steps = _procedure(chunk)
            if steps:
                from kbassist.drafting.stage_actions import lead_action

                said = f"{name}: {stage_lead}".strip(": ") if stage_lead else name
                steps[0] = with_detail(steps[0], f"Stage: {said}") if said else steps[0]
                items.extend(steps)
                if act := lead_action(stage_lead):  # "you may need to update X. To determine"
                    items.append(act)
                continue
        shown = "\n".join(dedent_lines(p.lines) for p in chunk if not p.separator)
        items.append(with_detail(f"{name}.", shown))
    if not items:
        return None
    # the last stage is the fix the checks before it prepare ("Remove X and Reinstall It")
    last = clean(paras[starts[-1]].head).rstrip(":")
    said = option_label(split_sentences(lead)[0]) if lead else ""
    procedural = re.match(r"(?:follow|use|do|perform|complete|see)\b", said, re.IGNORECASE)
    if said and said != short_label(lead, 90) and _is_action(said) and not procedural:
        last = said  # "To resolve this problem, remove and then reinstall X." names it
    from kbassist.drafting.then_stages import one_object_label

    # "Remove MSN ..." / "Reinstall MSN ...": the lead's label cut at ", and then" names
    # only the first stage; "Remove and reinstall MSN ..." names them all
    heads = [clean(paras[s].head).rstrip(":") for s in starts]
    if last.casefold() == heads[0].casefold():
        last = one_object_label(heads) or last
    return Option(section, f"{section.name.title()}: {short_label(last, 70)}", lead, items)


def _advice(text: str) -> bool:
    """A paragraph of advice to the admin: "Users should ...", "To work around this",
    "You may be able to work around this issue by ..."."""
    if _ADVICE_RE.search(text):
        return True
    if "around" in text and _WORK_AROUND_RE.search(clean(text)) is not None:
        return True
    return "able to" in text and _MAY_RESOLVE_RE.search(clean(text)) is not None


def _aside(text: str) -> bool:
    """Advice only in notes or boilerplate ("Note that you should back up the registry
    before you edit it."), not a fix of its own."""
    advising = [t for t in split_sentences(clean(text)) if _advice(t)]
    return bool(advising) and all(
        _NOTE_RE.match(t) or _NOTE_THAT_RE.match(t) or is_boilerplate(t) for t in advising
    )


def _way_around_named(option: Option, text: str) -> None:
    """ "You may be able to work around this issue by configuring X:" names its outcome
    "Workaround: Configure X", not by the whole sentence."""
    opening = re.split(r"(?<=[.:])\s+", clean(text), maxsplit=1)[0]
    found = _WORK_AROUND_RE.match(opening)
    prefix = "Workaround: "
    if found is None:
        found = _MAY_RESOLVE_RE.match(opening)
        prefix = ""  # "may be able to resolve ... by X-ing": the action is the label
    if found is None:
        return
    said = opening[found.start("way") :].rstrip(" .:")
    from kbassist.drafting.said_as import _and_gerunds

    act = _gerund_as_action(said)
    if act == said:
        return
    act = _and_gerunds(act)  # "by starting and cancelling a game": "Start and cancel a game"
    if prefix:
        option.label = f"{prefix}{act}"
        return
    # "... video driver for your adapter from the following Web site": the site is the tick's
    option.label = short_label(re.sub(r"\s+(?:from|at|on) the following\b.*$", "", act), 90)
    if not option.items:
        return
    # the hedged sentence as the first tick: "Download and install the latest video driver
    # ... from the following Web site:", not "You may be able to resolve this issue by ..."
    first, detail = split_detail(option.items[0])
    said_at = clean(first).find(said)
    if found.start("way") >= said_at >= 0 and said_at <= len(opening):
        tail = clean(first)[said_at + len(said) :]
        option.items[0] = with_detail(f"{act}{tail}", detail)


def _section_options(
    section: Section,
    kind: str,
    plain: bool = False,
    registry: bool = True,
    howto: bool = False,
    article: Article | None = None,
) -> tuple[str, list[Option]]:
    """(lead-in, options) a section offers; kind is resolution|workaround|summary|more;
    `plain`: an MS KB article; `registry`: a registry key and its values read as the
    one fix that sets them; `howto`: the article has no SYMPTOMS, CAUSE, RESOLUTION or
    WORKAROUND, so a procedure's lead ("To X, follow these steps:") starts its fix."""
    paras = _body_until_repro(section)
    if plain and registry and "REG_" in section.text:
        from kbassist.drafting.registry_values import registry_values_option

        # "Registry path:" / the key / "ProcessorThreadMax REG_DWORD Default: 10": one fix
        fixing = kind in ("resolution", "workaround")
        prefix = f"{kind.capitalize()}: " if fixing else ""
        edit = registry_values_option(section, paras, prefix, fixed_only=not fixing)
        if edit is not None and not fixing:
            # MORE INFORMATION: the edit replaces the fix read from it, never adds one
            edit = edit if _section_options(section, kind, plain, False, howto)[1] else None
        if edit is not None:
            return "", [edit]
    if plain and kind in ("resolution", "workaround") and _in_order(paras):
        # "If the issue continues to occur, proceed to the next method": one at a time
        from kbassist.drafting.method_chain import stage_options, tried_in_turn
        from kbassist.drafting.tried_leads import listed_causes, tried_lead

        first = next(i for i, p in enumerate(paras) if p.heading)
        lead = " ".join(p.text for p in paras[:first])  # "use the following methods in order"
        heads = tuple(p.head for p in paras if p.heading)
        tried = tried_in_turn(section.text) or tried_lead(
            lead, section.text, listed_causes(article), heads
        )
        chained = stage_options(section, paras) if tried else []
        if chained:
            return "", chained
        staged = _staged_option(section, paras)
        if staged is not None:
            return "", [staged]
    lead_paras, alts = _alternatives(paras, plain, fixes=kind in ("resolution", "workaround"))
    if alts and howto and plain and kind in ("summary", "more") and led_before(lead_paras):
        alts = []  # "The following two scenarios require the above steps: - X - Y": cases
    if alts:
        from kbassist.drafting.code_alternatives import listing_option

        options: list[Option] = []
        for alt in alts:
            listed = listing_option(section, alt, len(options) + 1) if plain else None
            if listed is not None:
                options.append(listed)  # "Sub EnableKeyBoard() ..." / "-or-": a listing
                continue
            head, steps = _method_head(alt)
            # "Method 2" written once for Windows 98 and once for Windows 2000: one each
            per_product = _product_variants(section, list(steps), head) if head else []
            option = None if per_product else _option_from(section, alt)
            options.extend(per_product or ([option] if option is not None else []))
        if len(options) >= 2 or (options and kind in ("resolution", "workaround")):
            said = [
                without_boilerplate(clean(p.text)) if plain else p.text
                for p in lead_paras
                if not (plain and is_boilerplate(p.text))
            ]
            return clean(" ".join(said)), options
    if kind in ("resolution", "workaround") and plain:
        headed = _headed_procedures(section, paras)
        if len(headed) >= 2:
            # "Microsoft Windows 95/98" / "Microsoft Windows 3.1" sub-headings over their own
            # numbered steps: one procedure per product, asked, not run one after another
            from kbassist.drafting.then_stages import names_action

            # "Remove MSN and Internet Explorer 4.0": an action, no version to ask about
            if all(_PRODUCT_NAME_RE.search(o.label) and not names_action(o.label) for o in headed):
                for product in headed:
                    product.kind = "version"
            variants = _variant_leads(paras)
            first = next(
                i
                for i, p in enumerate(paras)
                if p.heading or i in variants or _IF_LEAD_RE.match(clean(p.text))
            )
            return clean(" ".join(p.text for p in paras[:first] if not p.separator)), headed
    if kind in ("resolution", "workaround"):
        prefix = f"{kind.capitalize()}: "
        found: list[Option] = []
        groups = _fix_groups(paras)
        said_lead = ""
        if plain:
            # "Because this is by design, another approach must be taken ..." over fixes
            # under their own sub-headings: their lead-in, no option of its own
            said_lead, groups = _lead_group(groups)
        # fixes split per case ("If X, ..." / "If Y, ..."): each named by its case
        per_case = plain and sum(bool(case_of(clean(g[0].text))) for _, g in groups if g) >= 2
        part = ""  # the sub-heading the group is under: a headerless group stays in its part
        for header, group in groups:
            part = header or part
            option = _option_from(section, group, prefix=f"{header}: " if header else prefix)
            if option is not None:
                option.part = part
            if option is not None and found and _EXAMPLE_HEAD_RE.match(header):
                _with_example(found[-1], option, header)  # the same fix, spelt out
                continue
            if option is not None and header:
                rest = option.label.removeprefix(f"{header}: ")
                if rest != option.label and (not _is_action(rest) or _code_step(rest)):
                    option.label = header  # "Forwarders: DNS can be configured ..." -> the topic
                elif rest != option.label and _scene_turned(group, rest, header):
                    option.label = header  # "BATCH File Option: From the temp dir, run X"
            if per_case and option is not None and option.label == prefix.rstrip(": "):
                option.label = case_named(option.label, clean(group[0].text))  # "(if X)"
            if option is not None:
                found.extend(_either_or(option, f"{header}: " if header else prefix))
        if plain:  # "For X: Users should back up Y prior to restoring": a note, no fix
            from kbassist.drafting.precautions import precautions_noted

            found = precautions_noted(found, prefix)
        return (said_lead if found else ""), found
    procedures = _headed_procedures(section, paras)
    if len(procedures) >= 2 and plain:
        from kbassist.drafting.phases import headed_stages

        # "To install X" / "To configure X" / "To test X": one job in turn, not a choice
        staged = headed_stages(section, paras, procedures, article.title if article else "")
        procedures = [staged] if staged is not None else procedures
    if procedures:
        return "", procedures
    # a how-to's one procedure under a heading naming its goal ("To update your SETUP.INF
    # file"), among headings that only inform: the fix (round 32, headed_goal)
    goal_head = single_headed(paras) if plain and howto else None
    if goal_head is not None:
        head = clean(paras[goal_head[0]].head)
        if not goal_heading(head, _is_action(head)) or (
            article is not None and commands_outside(article, goal_head[1])
        ):
            goal_head = None
    # SUMMARY / MORE INFORMATION: advice to the admin, or a procedure's lead ("To move
    # the profile, perform the following steps:"), with what follows it.
    led = (
        next((i for i in range(len(paras)) if procedure_goal(paras, i) is not None), None)
        if howto
        else None
    )
    for i, para in enumerate(paras):
        if para.marker or para.heading:
            continue
        advising = _advice(para.text) or _settings_over_list(paras, i)
        if advising and led is not None and i < led and _aside(para.text):
            continue  # "Note that you should back up the registry ...": the steps are the fix
        goal = None if advising or led is None else procedure_goal(paras, i)
        if goal is not None or advising:
            advice = paras[i:]
            for j, later in enumerate(advice[1:], start=1):
                if later.heading:
                    advice = advice[:j]
                    break
            advice = led_body(advice) if goal is not None else advice
            option = _option_from(section, advice)
            if (
                goal_head is not None
                and i < goal_head[0]
                and (option is None or len(option.items) <= 1)
            ):
                # "After you download X, run it": a lone step before the headed procedure
                lead, items = _procedure(goal_head[1])
                if items:
                    head = paras[goal_head[0]].head
                    return "", [goal_option(section, head, lead, items, option)]
            if option is not None and goal:
                option.label = short_label(goal_label(goal), 90)  # "Move the profile"
            elif option is not None:
                _way_around_named(option, para.text)
            return "", [option] if option is not None else []
    if goal_head is not None:
        lead, items = _procedure(goal_head[1])
        if items:
            return "", [goal_option(section, paras[goal_head[0]].head, lead, items, None)]
    return "", []


#: "To enable rollback support, the SMS Installer must have ...": the goal before the comma.
_TO_GOAL_RE = re.compile(r"^To ([a-z][^,:;]{3,80}), ")


def _settings_over_list(paras: list[Para], i: int) -> bool:
    """ "the SMS Installer must have the following options enabled:" over its listed
    options: settings all to be made, the advice of a how-to (round 38, together38)."""
    text = clean(paras[i].text)
    if not text.endswith(":") or not settings_lead(text):
        return False
    listed = [p for p in paras[i + 1 : i + 12] if p.marker and p.indent >= paras[i].indent]
    return len(listed) >= 2


#: "To resolve this problem, obtain the latest service pack", "install the hotfix": a fix
#: that is an update, complete in itself (its KB pointer follows it).
_GET_UPDATE_PATTERN = re.compile(
    r"\b(?:obtain|install|apply|download|get|upgrade to)\b(?:[^.]|\.\d){0,80}?\b(?:service pack"
    r"|hotfix|hot fix|update|fix|release|version)\b",
    re.IGNORECASE,
)
_GET_UPDATE_RE = Hinted(
    _GET_UPDATE_PATTERN,
    (
        "fix",
        "update",
        "release",
        "version",
        "service pack",
    ),
)
#: A paragraph that offers another way: "Alternatively, lower the screen size",
#: "To work around this problem, ...", "You can also work around ...".
#: A paragraph that only announces the methods after it.
_METHODS_LEAD_RE = re.compile(
    r"\b(?:following|these) (?:methods|ways|workarounds|options|conditions)\b[^.:]{0,60}[.:]$"
    r"|\bin the order (?:in which|that) they (?:are|were) (?:listed|presented)\s*[.:]$",
    re.IGNORECASE,
)

#: After "You can also": a further step ("need to restart", "want to contact"), a check
#: ("verify", "see"), a pointer ("refer to", "consult"): no other way to fix it.
ALSO_NOT_A_WAY = (
    r"need|want|have|see|get|receive|notice|experience|verify|check|confirm|view|find|read"
    r"|refer|reference|consult|review|visit|look|be required"
)

_ANOTHER_WAY_RE = re.compile(
    r"^(?:if you [^,]{3,120}, you (?:may be able to|can|might be able to) work ?around\b"
    r"|or,? (?:you (?:can|may|could) )?(?:also )?(?=[a-z]+ )"
    r"|if (?:the )?(?:first|above|previous|preceding|other) (?:workaround|method|solution"
    r"|resolution|suggestion)s? (?:is|are|does|do) not\b"
    r"|alternatively|alternately|as an alternative|another (?:way|method|option|workaround)"
    r"|to work ?around (?:this|the)|you (?:can|may) also work ?around|if you (?:do not|don't"
    r"|cannot|can't) (?:want to )?(?:install|apply|obtain|upgrade|use)"
    # "You can also declare the variable as a property ...": another way (not "You may also
    # need to restart", a further step, nor "You can also verify ...", a check)
    rf"|you (?:can|could|may) also(?! (?:{ALSO_NOT_A_WAY})\b)(?= [a-z]+ ))\b",
    re.IGNORECASE,
)
#: A short line naming what the following fix is for: "Host Integration Server 2000:".
_WARNING_RE = re.compile(r"^(?:\*+\s*)?(?:warning|caution)\b\s*[:.-]", re.IGNORECASE)
_PRODUCT_HEADER_RE = re.compile(r"^[A-Z][\w .,/()+-]{2,58}:$")
_REGISTRY_LABEL_RE = re.compile(
    r"^(?:registry (?:path|key|subkey|location)s?(?: \(\d\))?|(?:data|value) (?:values?|names?"
    r"|types?))\s*:$",
    re.IGNORECASE,
)
_NOT_HEADER_RE = re.compile(
    r"\b(?:following|steps?|procedures?|to|do|this|these|below|example|note|warning)\b", re.I
)


def _imperative_text(text: str) -> bool:
    return _is_action(text) and not _NOTE_RE.match(text)


_EITHER_RE = re.compile(
    r"^either\s+(?P<a>[a-z][^;]{3,200}?),?\s+or\s+(?P<b>[a-z][^;]{3,200}?)\.?$", re.IGNORECASE
)


def _either_or(option: Option, prefix: str) -> list[Option]:
    """ "Either run SETUP /I to disable hardware detection, or comment out the APM drivers"
    (the whole fix), "X. You can also Y." or "X. Alternatively, Y." offers two options,
    not one step to do both."""
    if len(option.items) != 1:
        return [option]
    from kbassist.drafting.ways import split_ways

    text, detail = split_detail(option.items[0])
    found = _EITHER_RE.match(text)
    details = [detail, detail]  # "Either A, or B" over a listing: shown with both
    if found is not None and _is_action(found.group("a")) and _is_action(found.group("b")):
        parts = [found.group("a"), found.group("b")]
    else:
        # "Reconnect the client if it is still available. You can also manually delete
        # the expired items.": the whole fix is two ways, each an option of its own; what
        # is shown under the paragraph follows its last way (as `ways.way_steps` does)
        ways = split_ways(text)
        if ways is None or ways[0] or ways[3]:
            return [option]
        parts, details = [ways[1], ways[2]], ["", detail]
    out = []
    for part, shown in zip(parts, details, strict=True):
        step = part[0].upper() + part[1:].rstrip(".:") + "."  # not "... in the Msmail.ini:."
        label = prefix + option_label(step) if prefix else option_label(step)
        out.append(Option(option.section, label, option.lead, [with_detail(step, shown)]))
    return out


#: A sub-heading over an example of the fix above it ("Example Workaround", "Sample Code",
#: "Step-by-Step Example"): the same fix spelt out, not another one. Numbered ones
#: ("Example 1", "Code Sample Two") are several examples, left as they are.
_EXAMPLE_HEAD_RE = re.compile(
    r"^(?!.*\b(?:\d+|one|two|three|four|five|first|second|third|original|changed|[ivx]+)\b)"
    r"(?:[\w.\-\"]+\s+){0,4}(?:example|sample)\b[^:]{0,60}$",
    re.IGNORECASE,
)


#: An example heading that says it is the fix itself ("Example Workaround", "Sample
#: Workaround Code"), or its lead-in that does ("To work around this problem, make the
#: following modifications ...:").
_EXAMPLE_IS_FIX_RE = re.compile(
    r"\b(?:workaround|resolution|fix|solution)\b|^to (?:work ?around|resolve|fix|correct|avoid)\b",
    re.IGNORECASE,
)


def _with_example(fix: Option, example: Option, header: str) -> None:
    """The fix above an "Example" / "Sample Code" heading, with that example: one option,
    not two alternatives. An example that says it is the fix ("Example Workaround" over
    the steps) gives the steps, the prose above it becoming the outcome's text; any other
    (a demonstration, sample code) is shown under the fix's last step, not ticked."""
    if len(fix.items) <= 3 and (
        _EXAMPLE_IS_FIX_RE.search(header) or _EXAMPLE_IS_FIX_RE.search(example.lead)
    ):
        said = [fix.lead, *(step_text(i) for i in fix.items), example.lead]
        fix.lead = " ".join(t.strip() for t in said if t.strip())
        fix.items = list(example.items)
        return
    shown = [header + ":"] if not example.lead else [header + ":", example.lead]
    for item in example.items:
        text, detail = split_detail(item)
        if _code_step(text.rstrip(":")) and detail.strip():
            text = ""  # the listing is shown as it is, under the heading that names it
        shown.extend(t for t in (text, detail) if t.strip())
    fix.items[-1] = with_detail(fix.items[-1], "\n".join(shown))


def _fix_groups(paras: list[Para]) -> list[tuple[str, list[Para]]]:
    """A RESOLUTION or WORKAROUND split into the separate fixes it holds, each with the
    header naming what it is for ("Host Integration Server 2000:") or "": an update
    ("obtain the latest service pack", with its KB pointer) followed by a manual
    procedure, an "Alternatively, ..." or "To work around this ..." paragraph, and a
    fix under its own product header are options of their own, not steps of one."""
    # an underlined sub-heading ("Windows NT Server and Workstation" / "Windows NT
    # Server, Terminal Server Edition" over the same hotfix text) names the fix below it
    heads: dict[int, str] = {}
    kept: list[Para] = []
    # an `-or-` inside a numbered step ("8. ... click Copy" / "-OR-" / "Click Delete") is
    # that step's two ways: kept for `_procedure`, never two steps ticked in turn. Only
    # between two actions: "-or-" between two messages the step quotes stays dropped
    unheaded = [p for p in paras if not p.heading]
    inside = {id(unheaded[i]) for i in _steps_ors(unheaded) if _two_acts(unheaded, i)}
    for para in paras:
        if para.heading:
            heads[len(kept)] = clean(para.head).rstrip(":").rstrip()  # not "Steps:: X"
        elif not para.separator or id(para) in inside:
            kept.append(para)
    paras = kept
    if not paras:
        return [("", paras)]
    base = min(p.indent for p in paras)
    texts = [clean(p.text) for p in paras]
    said = [not is_boilerplate(t) for t in texts]  # once per block, not per comparison
    acting = [p.numbered or _imperative_text(t) for p, t in zip(paras, texts, strict=True)]
    groups: list[tuple[str, list[Para]]] = [("", [])]
    real: list[int] = []  # the current group's blocks that say something
    #: those of `real` that act, kept beside it (listed anew per block: quadratic on a
    #: crafted article of thousands of one-line paragraphs)
    acts: list[int] = []
    for n, para in enumerate(paras):
        if heads.get(n):
            if real:
                groups.append((heads[n], []))
                real, acts = [], []
            else:
                groups[-1] = (heads[n], groups[-1][1])
        _, group = groups[-1]
        top = para.indent <= base + 1 and not para.marker
        text = texts[n]
        if top and real:
            # "Registry path:" / "Registry Key:" over a key: a label, not a fix's header
            header_ok = (
                n + 1 < len(paras)
                and not _NOT_HEADER_RE.search(text)
                and not _REGISTRY_LABEL_RE.match(text)
            )
            if header_ok and _PRODUCT_HEADER_RE.match(text):
                groups.append((text.rstrip(":").strip(), []))
                real, acts = [], []
                continue
            # the registry warning opens the manual procedure that follows the update
            lone_update = (
                len(acts) == 1
                and not paras[acts[0]].marker
                and bool(_GET_UPDATE_RE.search(paras[acts[0]].text))
                and said[n]
                and (_warning_opens(texts, n, acting) or acting[n])
            )
            has_steps = bool(acts)
            sub_procedure = (
                has_steps
                and bool(_GOAL_RE.match(text))
                and n + 1 < len(paras)
                and paras[n + 1].numbered
                and not _next_stage(paras[real[0]], texts[real[0]], text)
            )
            # "One way to X is to Y" / "Using X prevents Y" before "Another ...": a way too
            another = bool(_ANOTHER_WAY_RE.match(text)) or another_way(text)
            if another and _last_step_or(text, paras[n - 1], len(acts)):
                another = False  # "4. Restart X." / "Or you can stop and start X": that step's
            has_way = another and (has_steps or any(says_a_way(texts[i]) for i in real))
            # "If X, do A." then "If Y, use the following steps:": a fix per case
            cased = bool(real) and another_case(texts[real[0]], text)
            if lone_update or sub_procedure or has_way or cased:
                groups.append(("", [para]))
                real = [n] if said[n] else []
                acts = [n] if said[n] and acting[n] else []
                continue
        group.append(para)
        if said[n]:
            real.append(n)
            if acting[n]:
                acts.append(n)
    out: list[tuple[str, list[Para]]] = []
    carried: list[Para] = []
    groups = [(h, g) for h, g in groups if any(not is_boilerplate(p.text) for p in g)]
    for n, (header, group) in enumerate(groups):
        following = groups[n + 1][1] if n + 1 < len(groups) else []
        notes = [p for p in group if _NOTE_RE.match(clean(p.text))]
        told = [p for p in group if p not in notes]
        if len(told) == 1 and (
            _METHODS_LEAD_RE.search(clean(told[0].text)) or _summarizes(told[0], following)
        ):
            # "... work around this issue by using the following methods.", "Turn off A or
            # B." before "To turn off A:" ...: what follows, not a fix of its own; an
            # announcement is carried as their lead (an instruction to use them is not)
            carried = notes + ([] if _imperative_text(clean(told[0].text)) else told)
            continue
        out.append((header, [*carried, *group] if carried and header == "" else group))
    return out or [("", paras)]


def _restates(summary: str, goal: str) -> bool:
    from kbassist.drafting.then_stages import restates

    return restates(summary, goal)


def _next_stage(first: Para, lead: str, text: str) -> bool:
    """Whether the "To X, follow these steps:" at `text` goes on with the fix that the
    group's lead `lead` announced ("To resolve this issue, install X. To do this, ...")."""
    from kbassist.drafting.procedure_stages import stages

    if first.numbered or first.marker:
        return False
    from kbassist.drafting.then_stages import restates

    # "Remove X from the domain ..." then "To remove X from a domain:": how to do it
    return stages([lead, text]) or restates(lead, text)


def _warning_opens(texts: list[str], n: int, acting: list[bool]) -> bool:
    """A WARNING after the update opens the manual procedure that follows it; a last
    one ("WARNING: Stop X before running this script") is a note on the update's fix."""
    from kbassist.drafting.not_options import warning_opens

    return bool(_WARNING_RE.match(texts[n])) and warning_opens(texts, n, acting)


def _lead_group(groups: list[tuple[str, list[Para]]]) -> tuple[str, list[tuple[str, list[Para]]]]:
    """(lead-in, the other groups) when the first, unheaded group only leads into two or
    more fixes under sub-headings (an example under its own heading shown with it), else
    ("", groups)."""
    from kbassist.drafting.not_options import lead_group

    if len(groups) < 3 or groups[0][0]:
        return "", groups
    rest = groups[1:]
    examples = 0
    while examples < len(rest) and _EXAMPLE_HEAD_RE.match(rest[examples][0]):
        examples += 1
    heads = [h for h, _ in rest[examples:]]
    if not all(heads):
        return "", groups
    texts = [clean(p.text) for p in groups[0][1] if not is_boilerplate(p.text)]
    acts = [p.numbered or _imperative_text(t) for p, t in zip(groups[0][1], texts, strict=False)]
    if not lead_group(texts, acts, heads):
        return "", groups
    shown = [f"{h}: {clean(p.text)}" for h, g in rest[:examples] for p in g[:1]]
    return clean(" ".join([*texts, *shown])), rest[examples:]


def _last_step_or(text: str, before: Para, acts: int) -> bool:
    from kbassist.drafting.or_steps import last_step_or

    return last_step_or(text, before, acts)


def _summarizes(para: Para, following: list[Para]) -> bool:
    """Whether `para` names the fix the next group's "To X:" heading spells out."""
    if not following:
        return False
    goal = _GOAL_RE.match(clean(following[0].text))
    return goal is not None and goal.group("goal").casefold() in clean(para.text).casefold()


#: A sub-heading that names a product or version: "Microsoft Windows 95/98", "MS-DOS 6.x".
_PRODUCT_NAME_RE = re.compile(
    r"\b(?:windows|ms-dos|dos|mac(?:intosh)?|os/2|nt|office|version|server|edition|95|98|me|"
    r"xp|2000|2003|vista)\b|\b\d+(?:\.\d+)+\b|\b[A-Z]\w+ (?:9[0-9]|20[0-2][0-9])\b",
    re.IGNORECASE,
)
_IF_LEAD_RE = re.compile(
    r"^(?:if|when)\s+(?P<case>[^:]{4,160}?),?\s+(?:do|follow|use|perform|try)\s+"
    r"(?:the\s+)?(?:following|these|this)(?:\s+(?:steps|procedure|instructions))?\s*:$",
    re.IGNORECASE,
)


#: The last sentence of a lead-in naming the alternative its numbered steps are for:
#: "For Netscape Navigator 3.0, follow these steps:", "If you are using Outlook, do the
#: following:", "Follow these steps for Microsoft Internet Explorer 3.0:", "In Outlook 98,
#: follow these steps to disable Word as your e-mail editor:". ("On computer 1,
#: do the following:" is where a step of one procedure runs, not an alternative.)
_FOR_LEAD_RE = re.compile(
    r"^(?:(?:for(?!\s+(?:example|instance|more)\b)|under|with)\s+(?P<what>[^:]{3,90}?)"
    r"|in\s+(?!(?:the|a|an|this|that|each|addition)\b)(?P<within>[^:]{3,90}?)"
    r"|if you(?:'re| are)?\s+(?:using|running|use|run|have)\s+(?P<used>[^:]{3,90}?)),?\s+"
    r"(?:you\s+(?:can|should|must)\s+(?:also\s+)?)?(?:follow|do|use|perform|complete)\s+(?:the\s+)?"
    r"(?:following|these)(?:\s+(?:steps|procedure|instructions|method))?"
    r"(?:\s+to\s+[^:]{3,120}?)?\s*:$"
    r"|^(?:follow|use|perform|complete)\s+(?:the\s+)?(?:following|these)\s+(?:steps|procedure"
    r"|instructions)\s+(?:for|in|under|with)\s+(?P<after>[^:]{3,90}?)\s*:$"
    # "For Visual C++ 32-bit Edition, version 4.0, the process is simpler:" (round 29)
    r"|^for\s+(?P<said>[^:]{3,90}?),\s+the\s+(?:process|procedure|steps|method)\s+(?:is|are)"
    r"(?:\s+[\w-]{1,20}){0,3}\s*:$",
    re.IGNORECASE,
)
#: "To correctly remove NetWare connectivity under Windows for Workgroups version 3.11:"
#: (with or without ", do the following"): a goal for one product of several.
_GOAL_FOR_RE = re.compile(
    r"^to\s+(?P<goal>[^:]{3,160}?)(?:,?\s+(?:follow|do|use|perform)\s+(?:the\s+)?"
    r"(?:following|these|this)(?:\s+(?:steps|procedure|instructions))?|\s+as follows)?\s*:$",
    re.IGNORECASE,
)
_VARIANT_PREP_RE = re.compile(r"\s(?:under|in|with|using|for|on)\s", re.IGNORECASE)
#: A line that is only a product's name over the steps for it ("Microsoft Windows 98 and
#: Microsoft Windows Millennium Edition:", "Windows NT 4.0:"): capitalized words, numbers
#: and joining words, no verb.
_PRODUCT_HEAD_RE = re.compile(
    r"^(?P<name>(?:[A-Z0-9][\w./+-]*)(?:\s+(?:[A-Z0-9(][\w./+)-]*|and|or|for|&)){0,12}):$"
)
#: "a Windows 2000 Server", "a computer that is running Exchange Server": the product.
_VARIANT_ARTICLE_RE = re.compile(
    r"^(?:(?:an?|the)\s+(?:computer|server|system|machine)s?\s+(?:that(?: is|'s)\s+|which is\s+)?"
    r"(?:running|with)\s+|(?:an?|the)\s+(?=[A-Z0-9]))"
)


def _last_sentence(text: str) -> str:
    sentences = split_sentences(text)
    return sentences[-1].strip() if sentences else ""


def _variant_leads(paras: Sequence[Para]) -> dict[int, str]:
    """Paragraph index -> the alternative it introduces, for lead-ins over numbered steps
    that name one of several products, versions or cases ("For Netscape Navigator 3.0,
    follow these steps:"; two "To remove it under Windows for Workgroups version 3.1/3.11:"
    told apart by the product): each procedure is for one of them, never all in a row.
    Empty unless two or more leads name different alternatives."""
    found: dict[int, str] = {}
    goals: dict[int, str] = {}
    for i, para in enumerate(paras[:-1]):
        if para.marker or para.heading or not paras[i + 1].numbered:
            continue
        last = _last_sentence(clean(para.text))
        if (match := _FOR_LEAD_RE.match(last)) is not None:
            after, within = match.group("after"), match.group("within")
            if after and re.match(r"(?:the|a|an|this|each|every)\s", after, re.IGNORECASE):
                continue  # "steps for the keyboard": a part of the job, not a product
            if within and not _PRODUCT_NAME_RE.search(within):
                continue  # "In Notepad, do the following:": where, not which product
            what = match.group("what") or match.group("used") or within or after
            found[i] = (what or match.group("said")).strip()
        elif (goal := _GOAL_FOR_RE.match(last)) is not None:
            goals[i] = goal.group("goal").strip()
        elif (head := _PRODUCT_HEAD_RE.match(clean(para.text))) and _PRODUCT_NAME_RE.search(
            head.group("name")
        ):
            found[i] = head.group("name")  # "Microsoft Windows 2000:" over its steps
    if len(goals) >= 2:
        # the product is what the goals differ in: from the first "under/in/for ..." of
        # the part they share, when what follows names a product or version
        texts = list(goals.values())
        folded = [t.casefold() for t in texts]
        shared = next(
            (n for n, chars in enumerate(zip(*folded, strict=False)) if len(set(chars)) > 1),
            min(map(len, folded)),
        )
        for i, wanted in goals.items():
            # the last "under/in/for" before they differ, not one inside a product's own
            # name ("Windows for Workgroups")
            preps = [p for p in _VARIANT_PREP_RE.finditer(wanted) if p.start() < shared]
            for prep in reversed(preps):
                before, tail = wanted[: prep.start()].split(), wanted[prep.end() :]
                inside = prep.group().strip().casefold() == "for" and before[-1:] != []
                if inside and before[-1][:1].isupper() and tail[:1].isupper():
                    continue  # "Windows for Workgroups", "Services for Macintosh": a name
                if _PRODUCT_NAME_RE.search(tail):
                    found[i] = _before_action(tail)
                    break
    found = {i: _VARIANT_ARTICLE_RE.sub("", what, count=1) for i, what in found.items()}
    if len({what.casefold() for what in found.values()}) < 2:
        return {}
    return found


def _before_action(tail: str) -> str:
    """ "IIS 4.0, set the Scripts virtual directory ...": the product, without the step."""
    for comma in re.finditer(r",\s+", tail):
        if _is_action(tail[comma.end() :]):
            return tail[: comma.start()]
    return tail


def _product_variants(section: Section, paras: list[Para], header: str) -> list[Option]:
    """One option per product a method's steps are written for ("Method 2: Reduce
    Graphics Acceleration" with "Microsoft Windows 98 and Microsoft Windows Millennium
    Edition:" and "Microsoft Windows 2000:" each over its numbered steps), so the admin
    runs only their own; what the method says before and after them goes with each.
    [] unless the lead-ins name two or more products."""
    variants = _variant_leads(paras)
    if len(variants) < 2 or not header:
        return []
    starts = sorted(variants)
    shared = paras[: starts[0]]
    runs: list[list[Para]] = []
    tail_from = len(paras)
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(paras)
        end = start + 1
        while end < stop and (paras[end].numbered or paras[end].indent > paras[start].indent):
            end += 1
        if end == start + 1:
            return []  # a lead-in over no steps: not a procedure per product
        runs.append(list(paras[start + 1 : end]))
        if n + 1 == len(starts):
            tail_from = end
    tail = paras[tail_from:]
    options: list[Option] = []
    for start, run in zip(starts, runs, strict=True):
        option = _option_from(section, [*shared, *run, *tail], prefix=f"{header}: ")
        if option is None:
            return []
        option.label = f"{header} ({variants[start]})"
        options.append(option)
    return options


def _headed_procedures(section: Section, paras: list[Para]) -> list[Option]:
    """Numbered procedures under their own sub-heading, "If X, do the following:" lead-in
    (an explanation's MORE INFORMATION) or a lead-in naming the product it is for (see
    _variant_leads): one option each, labelled with the case it is for."""
    starts: list[tuple[int, str]] = []
    variants = _variant_leads(paras)
    for i, para in enumerate(paras):
        if para.heading:
            starts.append((i, para.head))
        elif i in variants:
            what = variants[i]
            starts.append((i, what[0].upper() + what[1:]))
        elif not para.marker and (match := _IF_LEAD_RE.match(clean(para.text))):
            case = match.group("case")
            starts.append((i, case[0].upper() + case[1:]))
    options: list[Option] = []
    for n, (start, label) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(paras)
        chunk = paras[start + (1 if paras[start].heading else 0) : end]
        if sum(p.numbered for p in chunk) < 2:
            continue
        lead, items = _procedure(chunk)
        if not items:
            continue
        option = Option(section, short_label(label, 80), lead, items)
        # "If X, do the following:" is what the admin finds; "For Outlook, ..." what they run
        option.condition = start not in variants and not (
            paras[start].heading and way_heading(label)
        )
        if start in variants and _PRODUCT_NAME_RE.search(label):
            option.kind = "version"  # asked as "Which of these do you run?"
        options.append(option)
    return options if len(options) >= 2 or (options and len(starts) == 1) else []


def _status_option(section: Section) -> Option | None:
    """STATUS saying the problem was fixed in a version: the option `upgrade`."""
    text = _GLUED_STATUS_RE.sub(" ", clean(section.text))
    fixed = [s for s in split_sentences(text) if _FIXED_RE.search(s) and not is_boilerplate(s)]
    if not fixed:
        return None
    names = [_with_product(_fixed_in(s), text) for s in fixed]
    items = [
        f"Install {name}."
        if name
        else f"Install the version or update that corrects the problem: {s}"
        for s, name in zip(fixed, names, strict=True)
    ]
    name = names[0].removeprefix("the one for your system: ")
    label = f"Upgrade: {short_label(name, 80)}" if name else ""
    if name[:1].islower() and name == names[0]:
        # "the latest service pack for Visual Studio 6.0", "version 3.2 of Microsoft
        # Mail": said as what to do, "Install the latest service pack for ..."
        label = f"Install {short_label(name, 80)}"
    return Option(
        section,
        label or "Upgrade to the version or update that fixes it",
        sentence_cut(fixed[0], MAX_CAUSE_CHARS),
        items,
        kind="upgrade",
    )


#: "... a problem in versions 3.0 and 3.0b of Microsoft Mail for Windows", "... in
#: Microsoft Schedule+ version 7.0": the product a bare "version 3.2" belongs to.
_PRODUCT_OF_RE = re.compile(
    r"\bversions?\s+[\d.]+[a-z]?(?:(?:,|,?\s+and|,?\s+or)\s+[\d.]+[a-z]?)*\s+(?:of\s+)?"
    r"(?P<p>(?-i:[A-Z])[\w+/-]*(?:\.[\w+/-]+)*(?:\s+(?:for\s+)?(?-i:[A-Z])[\w+/-]*(?:\.[\w+/-]+)*)"
    r"{0,6})|\bin\s+(?P<q>Microsoft(?:\s+(?-i:[A-Z])[\w+/-]*){1,5})\s+version\b",
    re.IGNORECASE,
)


def _with_product(name: str, text: str) -> str:
    """ "version 3.2" named with its product from STATUS's "confirmed ... in versions 3.0
    and 3.0b of Microsoft Mail for Windows": "Microsoft Mail for Windows version 3.2";
    `name` itself when it names more, or STATUS names no product."""
    if not re.fullmatch(r"version \d[\w.]*", name):
        return name
    found = _PRODUCT_OF_RE.search(text)
    if found is None:
        return name
    product = (found.group("p") or found.group("q")).rstrip(".")
    return f"{product} {name}"


#: "This problem was first corrected in Windows NT 4.0 Service Pack 4." -> what to install.
_FIXED_IN_RE = re.compile(
    r"\b(?:fixed|corrected|resolved|addressed)\s+(?:in|with|by)\s+(?P<what>(?:the\s+(?:latest\s+)?)?"
    r"[A-Z\d][^;]{3,160}?)\.?$|\bno longer occurs in\s+(?P<also>[A-Z\d][^;]{3,160}?)\.?$"
    # "corrected in version 3.2 of Microsoft Mail for Windows", "corrected in the latest
    # service pack for Visual Studio 6.0": a release named in lower case
    r"|\b(?:fixed|corrected|resolved|addressed)\s+in\s+(?P<lower>(?:version\s+\d|the\s+(?:latest|"
    r"next)\s+(?:service\s+pack|service\s+release|version)\b|the\s+updated\s+|later\s+versions?"
    r"\s+of\s+)[^;]{3,160}?)\.?$",
)
#: "H2INC for MS-DOS version 1.1, which is included with ...": what follows the release.
_WHICH_RE = re.compile(r",?(?<!\s)\s+which\s+(?:is|are|was|were|ships?|comes?)\b")
#: "This bug was corrected in the next service pack for Visual Studio 6.0": a pack out
#: now ("was"), installed as the latest one; "will be corrected in the next" is a wait.
_NEXT_DONE_RE = re.compile(
    r"\b(?:was|were|has been|have been)\s+(?:\w+\s+)?\w+\s+in\s+the\s+next\b"
)


def _fixed_in(sentence: str) -> str:
    """ "Windows NT 4.0 Service Pack 4" from "... was first corrected in Windows NT 4.0
    Service Pack 4."; two products ("A and B") are offered as "A, or B"; "" if unclear."""
    found = _FIXED_IN_RE.search(_WHICH_RE.split(sentence, maxsplit=1)[0])
    if found is None:
        return ""
    what = (found.group("what") or found.group("also") or found.group("lower") or "").strip()
    what = what.rstrip(".")
    if what.startswith("later version"):  # "later versions of MS-DOS": the latest one
        what = "the latest version of " + re.sub(r"^later\s+versions?\s+of\s+", "", what)
    if what.startswith("the next "):
        if not _NEXT_DONE_RE.search(sentence):
            return ""  # "will be corrected in the next service pack": not out yet
        what = "the latest " + what.removeprefix("the next ")
    # "Windows NT, version 3.51, and FORTRAN PowerStation, version 4.0": no comma kept
    parts = [p.strip(" ,") for p in re.split(r"\s+(?:and|as well as)\s+(?=[A-Z])", what)]
    if len(parts) >= 2 and all(re.search(r"\d", p) for p in parts):
        return "the one for your system: " + ", or ".join(parts)
    return what


def article_options(article: Article) -> tuple[str, list[Option]]:
    """Every option in article order, and the lead-in of the first list of alternatives."""
    lead, options, _ = article_plan(article)
    return lead, options


def article_plan(article: Article) -> tuple[str, list[Option], list[str]]:
    """(lead, options, checks): a Markdown article is read from its block tree (its
    resolution parts), an MS KB article from its sections; checks are the article's own
    "you should see" lines, for the verify."""
    from kbassist.drafting.either_steps import named_pairs

    lead, options = _flat_options(article)
    if article.style != "mskb" and (not options or _structured_fix(article)):
        block_lead, block_found, checks = block_options(article)
        if block_found:
            return block_lead, named_pairs(block_found), checks  # "the A or B service"
    return lead, named_pairs(options), []


def _structured_fix(article: Article) -> bool:
    """A fix the flat text flattens: commands in code blocks, sub-headed alternatives, or
    notes (`> [!NOTE]`, `> [!IMPORTANT]`: the flat text keeps their markers)."""
    from kbassist.drafting.blocks import resolution_parts

    parts = resolution_parts(article)
    if len(parts) >= 2 and any(article.section(p.name) is None for p in parts):
        return True  # "### Resolution for Windows 10" / "### ... for Windows XP" under a Cause
    for part in parts:
        if part.children:
            return True
        for sub in part.walk():
            for block in sub.blocks:
                if block.kind in ("code", "note"):
                    return True
                if isinstance(block, ListBlock) and any(
                    b.kind in ("code", "note") for item in block.items for b in item.blocks
                ):
                    return True
                if isinstance(block, ListBlock) and _command_items(block):
                    return True  # "- `net stop vss`" / "- `regsvr32 ole32.dll`": commands
                if isinstance(block, ListBlock) and _item_command_lines(block):
                    return True  # a way's own "type the following:" + `certutil -store my`
                if isinstance(block, ListBlock) and _step_with_choices(block):
                    return True
    return False


def _item_command_lines(block: ListBlock) -> bool:
    """A list item holding, after its text, a paragraph that is one inline code span with
    a space (`certutil -store -user my` under "type the following at the command
    prompt:"): a command the flat text would run into the prose before it."""
    from kbassist.articles.model import Paragraph

    for item in block.items:
        for b in item.blocks[1:]:
            if not isinstance(b, Paragraph):
                continue
            text = b.text.plain.strip()
            codes = [m for m in b.text.marks if m.kind == "code"]
            if (
                len(codes) == 1
                and " " in text
                and codes[0].start == 0
                and codes[0].end >= len(b.text.plain.rstrip())
            ):
                return True
    return False


def _step_with_choices(block: ListBlock) -> bool:
    """A numbered step that offers a choice of its own ("2. Set the mode to one of the
    following modes:" over a nested list of modes): the flat text would read the modes
    as the article's alternative fixes and lose the steps around them."""
    if not block.ordered or len(block.items) < 2:
        return False
    from kbassist.articles.model import Paragraph

    for item in block.items:
        first = item.blocks[0] if item.blocks else None
        nested = any(isinstance(b, ListBlock) for b in item.blocks[1:])
        if isinstance(first, Paragraph) and nested:
            text = clean(first.text.plain)
            if text.endswith(":") and _CHOOSE_ONE_RE.search(text):
                return True
    return False


def _command_items(block: ListBlock) -> bool:
    """A list whose items are each one inline code span (a listing of commands), or a
    list holding one."""
    nested = [b for item in block.items for b in item.blocks if isinstance(b, ListBlock)]
    if any(_command_items(b) for b in nested):
        return True
    if len(block.items) < 2:
        return False
    from kbassist.articles.model import Paragraph

    for item in block.items:
        first = item.blocks[0] if len(item.blocks) == 1 else None
        if not isinstance(first, Paragraph):
            return False
        plain = first.text.plain
        codes = [m for m in first.text.marks if m.kind == "code"]
        if len(codes) != 1 or plain[codes[0].start : codes[0].end].strip() != plain.strip():
            return False
    return True


#: An MS KB item that says how things are, not what to do: "The /f option on COMMAND.COM
#: causes ...", "Outlook 98 should work normally ...", "Usually ...", "For example, ...".
_PLAIN_SAID_RE = re.compile(
    r"^(?:(?i:the|this|these|that|those|it|its|there|a|an|usually|normally|typically|"
    r"in this case|once|for example|for instance)\b"
    r"|(?!You\b|We\b|I\b|If\b|When\b)[A-Z][\w.+/-]*(?: [A-Z0-9][\w.+/-]*){0,4} (?:is|are|was"
    r"|were|will|would|should|can|could|cannot|does|do|has|have|may|might|must)\b)",
)
#: What a fix achieves, said after its steps: "Outlook 98 should work normally ...".
_RESULT_RE = re.compile(
    r"\b(?:should|will) (?:now |then |again )?(?:work|function|run|start|be able|connect|"
    r"print|succeed|display|appear|open|load|respond)\b",
    re.IGNORECASE,
)
#: "The new name does not take effect until you stop and restart the FPNW service.": the
#: restart is a step of its own.
_TAKES_EFFECT_RE = re.compile(
    r"\b(?:does not|do not|will not|won't|doesn't) take effect until (?:you )?"
    r"(?P<act>(?:stop and (?:then )?)?(?:re)?(?:start|boot|log (?:off|on)|quit|close|run)\b"
    r"[^.;]{2,100})",
    re.IGNORECASE,
)
#: "A work around for Internet Explorer is to put ...": a fix for another audience.
_WORKAROUND_FOR_RE = re.compile(
    r"^(?:an?|another|the) work ?around for (?P<who>[^,.]{3,60}?) is to (?P<act>[a-z].+)$",
    re.IGNORECASE | re.DOTALL,
)


#: An example of what goes wrong ("For example, using the following code ... will fail").
_FAILS_RE = re.compile(
    r"\b(?:will|would|does|may) (?:fail|not work|crash|hang)|\bfails\b|\bresults? in an? "
    r"(?:error|failure|exception)",
    re.IGNORECASE,
)


_TELLS_YOU_RE = re.compile(
    r"\byou (?:should|must|need to|have to|can|may want to|will need to)\b", re.IGNORECASE
)


#: "An updated version of Usrmgr.exe is now available": obtaining it is the step.
_UPDATE_AVAILABLE_RE = re.compile(
    r"^(?:an?|the) (?P<what>(?:updated|new|newer|corrected|fixed|supported) (?:version|release|"
    r"driver|file|build|update)s?(?: of (?:[^,.;]|\.(?=\S)){2,60}?)?) (?:is|are) (?:now )?"
    r"available\b",
    re.IGNORECASE,
)


_RANGE_RE = re.compile(
    r"(?:^|(?<=[.;]\s))(?:the )?(?:valid )?range(?: of values)? is (?:from )?(?P<lo>\d[\d,]{0,9})"
    r" (?:to|through|-) (?P<hi>\d[\d,]{0,9})[^.;]{0,40}[.;]"
    r"(?:\s*the default(?: value)? is (?P<d>\d[\d,]{0,9})[^.]{0,40}\.?)?",
    re.IGNORECASE,
)
_SETTING_RE = re.compile(
    r"\b(?:value (?:for|of)|setting (?:for|of)|increase|decrease|set)\s+"
    r"(?:the\s+)?(?P<name>[A-Z][A-Za-z0-9_]{2,40})\b(?!\.\w)"
)


def _bounded_setting(option: Option, n: int, text: str, detail: str) -> str | None:
    """ "Specify a larger value for MVARSIZ. The range of values is 1 to 64. The default
    value is 6.": the step asks for the value, a number in the article's range."""
    found = _RANGE_RE.search(text)
    setting = _SETTING_RE.search(text[: found.start()]) if found else None
    if found is None or setting is None:
        return None
    lo, hi = (int(found.group(g).replace(",", "")) for g in ("lo", "hi"))
    default = int(found.group("d").replace(",", "")) if found.group("d") else None
    if not lo < hi or (default is not None and not lo <= default <= hi):
        return None
    name = setting.group("name")
    token = "{" + name + "}"
    option.bounds[token] = (lo, hi, default)
    said = text[: found.start()].strip()
    step = f"{said} Set {name} to {token}." if said else f"Set {name} to {token}."
    return with_detail(step, "\n".join(p for p in (found.group(0).strip(), detail) if p))


_ADVERB_RE = re.compile(r"^(?:usually|normally|typically|generally|often|simply),?\s+", re.I)
_NEED_TO_RE = re.compile(
    r"^to [^,]{3,80}, you (?:need to|have to|must|will need to|should) (?P<act>[a-z].+)$",
    re.IGNORECASE | re.DOTALL,
)


def _label_prefix(option: Option) -> str:
    """ "Resolution: " for an option named after its section, else ""."""
    head, colon, _ = option.label.partition(": ")
    return f"{head}: " if colon and head.casefold() in ("resolution", "workaround") else ""


def _one_or_other(option: Option) -> list[Option]:
    """ "Install the Visual Studio 97 Service Pack 2 or allow time for the control to be
    created before clicking again" (the whole fix, one sentence): two options, not one
    step that does both; [] unless both halves are actions of four words or more."""
    if len(option.items) != 1:
        return []
    text, detail = split_detail(option.items[0])
    bare = text.rstrip(".")
    # ", or" separates the two fixes even when one of them says "Windows 95 or Windows 98"
    halves = bare.split(", or ") if bare.count(", or ") == 1 else re.split(r"\s+or\s+", bare)
    if len(halves) != 2 or len(split_sentences(text)) != 1:
        return []
    first, second = halves
    if _NAV_RE.match(first) or not (_is_action(first) and _is_action(second)):
        return []
    if second.rstrip().endswith(":") and not detail:
        return []  # "... or download the update from:" with nothing shown after it
    if re.search(r"\bto \w+$", first):
        return []  # "Use the keyboard to copy or move the file": one action, two verbs
    if not second[:1].islower() or "," in first or re.search(r"\band\b", first):
        return []  # "... or Print Manager from ...", "A, B or C", "rename and decompress or"
    if min(len(first.split()), len(second.split())) < 4:
        return []
    prefix = _label_prefix(option)
    out = []
    for part in (first, second):
        step = part[0].upper() + part[1:] + "."
        out.append(Option(option.section, prefix + option_label(step), option.lead, [step]))
    # what the fix shows ("... download the update from:" and its address) goes with the
    # half that introduces it
    at = 1 if second.rstrip().endswith(":") else 0
    out[at].items = (
        [with_detail(out[at].items[0].rstrip(".").rstrip(":") + ":", detail)]
        if at
        else [with_detail(out[0].items[0], detail)]
    )
    return out


_FOR_EXAMPLE_OPEN_RE = re.compile(r"(?:for example|for instance)\b", re.IGNORECASE)


def _said_not_done(text: str) -> bool:
    """An MS KB item with no action in it that reads as a statement."""
    example = _FOR_EXAMPLE_OPEN_RE.match(text)
    if example and not _FAILS_RE.search(text):
        return False  # "For example, configure it to copy at midnight": how to do the step
    if (text.endswith(":") and not example) or not _PLAIN_SAID_RE.match(text):
        return False
    if _TELLS_YOU_RE.search(text):
        return False  # "... In run-time applications, you should set X": an instruction
    return not any(_is_action(s) for s in split_sentences(text))


#: A step that ends on "... please see the following article in the Microsoft Knowledge
#: Base:" (the article number dropped): a step with its pointer, not a heading over steps.
_POINTER_END_RE = re.compile(
    r"\b(?:see|view|read|refer to|click) the following (?:article|articles|article number)\b"
    r"[^.:]{0,60}:$",
    re.IGNORECASE,
)


_SECTION_PREFIX_RE = re.compile(r"^(?:resolution|workaround|solution):\s*", re.I)


def _plain_items(option: Option) -> list[Option]:
    """An MS KB option's items made steps: statements shown under the step they explain
    (or as the outcome's text before the first step), a result after the steps is the
    verify, "does not take effect until you restart X" adds that restart as a step, and
    "A work around for X is to Y" is an option of its own, for X."""
    if option.kind != "option":
        return [option]
    split = _one_or_other(option)
    if split:
        return split
    from kbassist.drafting.either_steps import either_steps

    if ways := either_steps(option):  # "Do this with A or by B", "two known solutions"
        return [o for way in ways for o in _plain_items(way)]
    items: list[str] = []
    extra: list[Option] = []
    first, first_detail = split_detail(option.items[0]) if option.items else ("", "")
    if first.endswith(":") and not first_detail and _POINTER_END_RE.search(first):
        # step 1 "Verify X. For more information, see the following article ...:": the
        # step, its pointer shown under it (never the fix's heading over steps 2 on)
        sentences = split_sentences(first)
        if len(sentences) >= 2:
            first, first_detail = " ".join(sentences[:-1]), sentences[-1]
            option.items[0] = with_detail(first, first_detail)
    if (
        len(option.items) >= 3
        and first.endswith(":")
        and not first_detail
        and _is_action(step_text(option.items[1]))
    ):
        # "Change the protocol order by using the Dcomcnfg.exe tool:" over the steps that
        # do it: the fix's name and text, not a step to tick
        option.lead = f"{option.lead} {first}".strip()
        option.label = option_label(first.rstrip(":"))
        if settings_lead(first) and (to := _TO_GOAL_RE.match(first)):
            option.label = to.group(1)[:1].upper() + to.group(1)[1:]  # "Enable X", not "X must"
        option.items = option.items[1:]
    if len(option.items) == 1 and (update := _UPDATE_AVAILABLE_RE.match(option.items[0])):
        # "An updated version of Usrmgr.exe is now available that fixes this problem."
        said, shown = split_detail(option.items[0])
        shown = "\n".join(p for p in (said, shown) if p)
        option.items = [with_detail(f"Obtain the {update.group('what')}.", shown)]
        option.label = f"Obtain the {short_label(update.group('what'), 70)}"
    for n, item in enumerate(option.items):
        text, detail = split_detail(item)
        other = _WORKAROUND_FOR_RE.match(text)
        if other and items and _is_action(other.group("act")):
            act = other.group("act")[0].upper() + other.group("act")[1:]
            who = other.group("who")
            rest = [with_detail(act, detail), *option.items[n + 1 :]]
            extra.append(Option(option.section, f"For {who}: {option_label(act)}", "", rest))
            break
        if _said_not_done(text):
            if n == len(option.items) - 1 and items and _RESULT_RE.search(text) and not detail:
                option.checks.append(text)  # what the fix achieves: the verify
                continue
            if items:
                items[-1] = with_detail(items[-1], "\n".join(p for p in (text, detail) if p))
                continue
            if n + 1 < len(option.items) and not detail:
                option.lead = f"{option.lead} {text}".strip()
                continue
        usually = _ADVERB_RE.match(text)
        if usually and _is_action(text[usually.end() :]):
            # "Usually use the EXTERNAL command ...": the action, said plainly
            text = text[usually.end()].upper() + text[usually.end() + 1 :]
            item = with_detail(text, detail)
        need = _NEED_TO_RE.match(text)
        if need and _is_action(need.group("act")):
            # "To use the Bookshelf Guide, you need to upgrade to System 7.1": the upgrade
            text = need.group("act")[0].upper() + need.group("act")[1:]
            item = with_detail(text, detail)
            if n == 0:
                option.label = _label_prefix(option) + option_label(text)
        sentences = split_sentences(text)
        then = next(
            (
                k
                for k, sentence in enumerate(sentences)
                if k and re.match(r"then\s", sentence, re.I) and _is_action(sentence[5:])
            ),
            None,
        )
        if then is not None and not detail:
            # "Remove X from the firewall. Then enable a local tunnel ...": two steps
            items.append(" ".join(sentences[:then]))
            later = " ".join(sentences[then:])[5:]
            item = text = later[0].upper() + later[1:]
        bounded = _bounded_setting(option, n, text, detail)
        if bounded is not None:
            item = bounded
        items.append(item)
        effect = _TAKES_EFFECT_RE.search(text)
        if effect and not any(
            _TAKES_EFFECT_RE.search(i) is None and effect.group("act") in i
            for i in option.items[n + 1 :]
        ):
            act = effect.group("act").strip()
            items.append(act[0].upper() + act[1:] + ".")
    if not items:
        return [option]
    text, detail = split_detail(items[-1])
    lines = detail.split("\n")
    if len(items) >= 2 and _RESULT_RE.search(lines[-1]) and _said_not_done(lines[-1]):
        # "The gateway should work normally ..." shown under the last step: the verify
        option.checks.append(lines[-1])
        items[-1] = with_detail(text, "\n".join(lines[:-1]).strip())
    named = _SECTION_PREFIX_RE.sub("", option.label)
    if items[0] != option.items[0] and _PLAIN_SAID_RE.match(named):
        option.label = option_label(step_text(items[0]))
        if option.section.key in WORKAROUND_KEYS + RESOLUTION_KEYS:
            option.label = f"{option.section.name.title()}: {option.label}"
    option.items = items
    prefix = _label_prefix(option)
    named = option.label.removeprefix(prefix)
    if _BY_DOING_RE.match(named) and (plain := _gerund_as_action(named)) != named:
        # "You can work around this problem by manually configuring both devices"
        option.label = prefix + option_label(plain)
    purpose = re.match(r"to [^,]{3,80},\"?\s*(?P<act>[a-z].{8,})$", named, re.IGNORECASE)
    if purpose and _is_action(purpose.group("act")):
        # 'To use "Learn Visual Basic Now," uninstall the Platform Preview of ...': the
        # action names the fix (the label is cut from the lead, so read the lead)
        whole = re.match(
            r"to [^,]{3,80},\"?\s*(?P<act>[a-z][^:]{8,}?)(?:\.\s|\.?$|:)", clean(option.lead), re.I
        )
        act = whole.group("act") if whole and option.lead.startswith(named[:20]) else ""
        act = act or purpose.group("act")
        act = re.sub(r"\s+(?:by )?(?:using|following|with) the following(?: steps)?$", "", act)
        option.label = prefix + option_label(act[0].upper() + act[1:])
    option.label = _whole_phrase(option.label, [option.lead, *map(step_text, items[:1])])
    return [option, *extra]


_CONNECTIVE_RE = re.compile(
    r"\s(?:that|which|who|by|with|from|in|on|for|to|using|when|if|so|because|under|at|as|of)\s"
)


#: A label that moves something from a place: "Copy the following files from the folder
#: that is created by X" (where it goes follows in the article).
_MOVED_FROM_RE = re.compile(
    r"^(?P<what>(?:Copy|Move|Transfer|Paste|Place|Put) [^,;:()]{3,60}?)"
    r" from [^,;:()]{3,200}$"
)
#: What the article goes on with after such a label: the rest of the "from" phrase, then
#: " to <where>" up to its clause's end.
_MOVED_TO_RE = re.compile(
    r"^(?:\s(?!to\b)[^\s,;:.()]+){0,12}\sto (?P<to>(?!the following\b)[^,;:()]{3,60}?)"
    r"(?=[,;:]\s|[.:]?$|\.\s|\s\()"
)
#: An aside inside a label: " (a program provided with the Windows NT Resource Kit)".
_ASIDE_RE = re.compile(r"\s\([^()]{1,120}\)(?=\s)")


def _whole_phrase(label: str, sources: list[str]) -> str:
    """A label cut inside a name ("... the Winnt.adm file that is used by System") ends
    before the phrase it cut instead ("... the Winnt.adm file")."""
    head, colon, rest = label.partition(": ")
    body = rest if colon and head.casefold() in ("resolution", "workaround") else label
    if len(body) < 75:
        return label  # short: named whole, not cut at the label limit
    for source in sources:
        at = clean(source).find(body)
        if at < 0 and body:
            at = clean(source).find(body[0].lower() + body[1:])
        if at < 0:
            continue
        after = clean(source)[at + len(body) : at + len(body) + 2]
        if not re.match(r" [\w(]", after):
            return label  # not cut, or cut at a clause end
        moved = _MOVED_FROM_RE.match(body)
        dest = _MOVED_TO_RE.match(clean(source)[at + len(body) :]) if moved else None
        if moved and dest and len(moved.group("what")) + len(dest.group("to")) <= 90:
            # "Copy the following files from the folder that is created by X" + " to a
            # shared folder on your network": where they go, not where they come from
            # (seed-106 readers marked "Copy the following files from the folder" as cut)
            said = f"{moved.group('what')} to {dest.group('to')}"
            return label[: len(label) - len(body)] + said
        bare = _ASIDE_RE.sub("", body)
        if after == " (" and bare != body and len(bare) < 75:
            # "Use PVIEWER.EXE (a program provided with X) to kill the NTVDM process" +
            # " (the ... process)": its asides dropped, not its purpose (seed-106 readers)
            return label[: len(label) - len(body)] + bare
        found = [m for m in _CONNECTIVE_RE.finditer(body) if m.start() >= 25]
        relative = [m.start() for m in found if m.group(0).strip() in ("that", "which", "who")]
        cuts = relative[:1] or [m.start() for m in found][-1:]
        if cuts:
            return label[: len(label) - len(body) + cuts[0]].rstrip(" ,;:")
        return label
    return label


def _flat_options(article: Article) -> tuple[str, list[Option]]:
    """The options of an MS KB article's flat sections."""
    from kbassist.drafting.more_steps import more_procedures
    from kbassist.drafting.one_fix_parts import one_fix_parts
    from kbassist.drafting.pointed_code import pointed_more
    from kbassist.drafting.pointed_steps import pointed_steps, vendor_channels

    lead = ""
    options: list[Option] = []
    plain = article.style == "mskb"
    # a how-to or information article: no problem and no fix sections of its own
    howto = plain and not any(s.key in _HOWTO_NOT for s in article.sections)
    for section in article.sections:
        key = section.key
        if not section.text.strip():
            continue
        if key in _STATUS_KEYS:
            status = _status_option(section)
            found: list[Option] = [status] if status else []
            section_lead = ""
        elif key in RESOLUTION_KEYS:  # the article: its CAUSE list (`tried_leads`)
            section_lead, found = _section_options(section, "resolution", plain, article=article)
        elif key in WORKAROUND_KEYS:
            section_lead, found = _section_options(section, "workaround", plain, article=article)
        elif key in SUMMARY_KEYS:
            section_lead, found = _section_options(
                section, "summary", plain, howto=howto, article=article
            )
        elif key in MORE_KEYS:
            section_lead, found = _section_options(
                section, "more", plain, howto=howto, article=article
            )
        else:
            continue
        if found and not lead:
            lead = section_lead
        options.extend(found)
    options = _merge_upgrade(options)
    options = _install_after_obtain(options)
    if plain:
        options = [o for option in options for o in _plain_items(option)]
        options = more_procedures(article, options)  # the fix's steps in MORE INFORMATION
        options = pointed_steps(article, options)  # "as shown below": the steps it means
        options = pointed_more(article, options)  # MORE INFORMATION's own steps, or code
        options = vendor_channels(options)  # "Telephone technical support: (408) ...": none
        lead, options = one_fix_parts(lead, options)  # a summary and its own steps: one fix
    if plain and _generic_fix(options) and (by_cause := causes_with_fixes(article)):
        return "", by_cause
    if not options:
        cause = find_section(article, _CAUSE_KEYS)
        if cause is not None:
            lead, options = _cause_options(cause, plain)
            if plain:
                from kbassist.drafting.negated_cause import negated_cause_fixes

                options = negated_cause_fixes(article, options)  # "you did not X": "X."
    return lead, options


_FIXED_STATEMENT_RE = Hinted(
    re.compile(
        r"\b(?:has|have) been (?:corrected|fixed|updated|modified|changed)\b|^microsoft has "
        r"(?:updated|modified|corrected|changed)\b|\b(?:is|are|was|were) (?:now )?modified\b"
        r"|, microsoft has (?:updated|modified|corrected|changed)\b"
        r"|\bnow (?:accepts|supports|handles|allows|works|validates)\b|^an? (?:supported )?"
        r"(?:fix|hotfix|update)\b(?:[^.]|\.\d){0,60}\bis (?:now )?available\b",
        re.IGNORECASE,
    ),
    ("been", "microsoft has", "modified", "now", "available"),
)


#: "Contact Microsoft Product Support Services to obtain the fix", "obtain the hotfix": a
#: fix got first and installed by the article's own procedure (not "obtain the latest
#: service pack", an update complete in itself).
_OBTAIN_FIX_RE = re.compile(
    r"\b(?:obtain|get|download|request)\b(?:(?!service pack)[^.]){0,60}?\b(?:the|this|a)\s+"
    r"(?:supported\s+)?(?:hot ?fix|fix|patch|update)\b",
    re.IGNORECASE,
)
#: "To install the hotfix, use either of the following methods.", "To install this fix:".
_INSTALL_LEAD_RE = re.compile(
    r"\bto install (?:the|this) (?:\w+ )?(?:hot ?fix|fix|patch|update)\b(?! rollup)", re.IGNORECASE
)
_UNDO_LABEL_RE = re.compile(r"\b(?:remove|uninstall|removing|uninstalling|roll ?back)\b", re.I)


def _install_after_obtain(options: list[Option]) -> list[Option]:
    """A RESOLUTION that only obtains the fix ("contact Microsoft Product Support Services
    to obtain the fix") and the MORE INFORMATION procedures after "To install the hotfix,
    use either of the following methods." are one fix done in sequence, not alternatives:
    each install procedure runs after the obtain step (cited from RESOLUTION), and the
    obtain step is no option of its own."""
    obtain = [
        o
        for o in options
        if o.kind == "option"
        and o.section.key in RESOLUTION_KEYS
        and len(o.items) == 1
        and not o.pre_items
        and _OBTAIN_FIX_RE.search(step_text(o.items[0]))
    ]
    if len(obtain) != 1:
        return options
    installs: list[Option] = []
    for option in options:
        if option.kind != "option" or option.section.key not in MORE_KEYS or not option.items:
            continue
        text = clean(option.section.text)
        lead = _INSTALL_LEAD_RE.search(text)
        at = text.find(clean(step_text(option.items[0]))[:40])
        if lead is None or at < lead.start() or _UNDO_LABEL_RE.search(option.label):
            continue
        installs.append(option)
    if not installs:
        return options
    get = obtain[0]
    prefix = get.label.split(": ", 1)[0] if ": " in get.label else ""
    for option in installs:
        option.pre_items, option.pre_section = list(get.items), get.section
        named = option.label.startswith(f"{prefix}: ") or _METHOD_RE.match(option.label)
        if prefix and not named:  # "Method 1: Using the Hotfix Installer" is named already
            option.label = f"{prefix}: {option.label}"
    return [o for o in options if o is not get]


def _merge_upgrade(options: list[Option]) -> list[Option]:
    """STATUS "fixed in Service Pack 4" and a RESOLUTION "obtain the latest service pack"
    are one fix, not two options: the STATUS sentence is shown under the resolution's
    step (which version has the fix) and the separate `upgrade` option is dropped."""
    upgrade = next((o for o in options if o.kind == "upgrade"), None)
    if upgrade is None:
        return options
    # "Basesrv.dll has been corrected to prevent ...": a RESOLUTION that only says what the
    # fix changed is the upgrade's explanation, not an option with nothing to do
    said = [
        o
        for o in options
        if o.kind == "option"
        and o.section.key in RESOLUTION_KEYS
        and not any(_is_action(step_text(i)) or _YOU_CAN_RE.match(i) for i in o.items)
        and all(_FIXED_STATEMENT_RE.search(step_text(i)) for i in o.items[:1])
    ]
    for option in said:
        text = " ".join([option.lead, *(step_text(i) for i in option.items)]).strip()
        shown = "\n\n".join(split_detail(i)[1] for i in option.items if split_detail(i)[1])
        upgrade.items[0] = with_detail(upgrade.items[0], f"RESOLUTION: {text}\n{shown}".strip())
    options = [o for o in options if o not in said]
    for option in options:
        if option is upgrade or option.kind != "option":
            continue
        for n, item in enumerate(option.items):
            if _GET_UPDATE_RE.search(step_text(item)):
                option.items[n] = with_detail(item, f"STATUS: {upgrade.lead}")
                return [o for o in options if o is not upgrade]
    return options


def _cause_options(section: Section, plain: bool = False) -> tuple[str, list[Option]]:
    """No fix offered: one option per cause CAUSE lists (or one for the whole cause).

    These are marked kind "cause" (outcome ids `cause_N`): the article names what is
    wrong, and the step is to check for it and remove it.
    """
    paras = _body_until_repro(section)
    lead_paras, alts = _alternatives(paras, plain)
    if not alts:
        alts, lead_paras = [paras], []
    options: list[Option] = []
    for alt in alts:
        lead, items = _procedure(alt)
        texts = ([lead] if lead else []) + items
        if not texts:
            continue
        label = "If this is the cause: " + short_label(strip_marker(step_text(texts[0])), 60)
        steps = [f"Check whether this applies here and remove it: {texts[0]}", *texts[1:]]
        options.append(Option(section, label, "", steps, kind="cause"))
    return clean(" ".join(p.text for p in lead_paras)), options


#: "Adding additional RAM speeds up the playback", "Upgrading to an MPC-compatible drive
#: will eliminate this problem": a cause's own fix, said with a gerund.
_CAUSE_FIX_RE = re.compile(
    r"^(?P<g>[A-Z][a-z]+ing)\b(?P<obj>[^,;:]{3,140}?)\s+(?:allows|enables|will|should|"
    r"resolves|corrects|fixes|prevents|avoids|speeds|improves|helps|reduces|increases|"
    r"eliminates|solves|can|may)\b"
)


def _own_fix(sentence: str) -> str:
    """The action a cause's sentence asks for ("Remove unnecessary TSRs ...", "Adding RAM
    speeds up ..." -> "Add RAM."), or "" when it only says what is wrong."""
    if _is_action(sentence) and not _NOTE_RE.match(sentence):
        return sentence
    found = _CAUSE_FIX_RE.match(sentence)
    if found and (verb := _verb_of(found.group("g"))):
        return f"{verb.capitalize()}{found.group('obj')}."
    return ""


def causes_with_fixes(article: Article) -> list[Option]:
    """An MS KB CAUSE listing alternatives, each with its own fix ("There may be a TSR ...
    Remove unnecessary TSRs ...", "... Adding RAM speeds up the playback"): one option per
    cause whose steps are that cause's fix; [] unless at least two causes carry one."""
    section = find_section(article, _CAUSE_KEYS)
    if section is None:
        return []
    _, alts = _alternatives(_body_until_repro(section), plain=True)
    if len(alts) < 2:
        return []
    options: list[Option] = []
    fixed = 0
    for alt in alts:
        text = clean(" ".join(strip_marker(p.text) for p in alt))
        said: list[str] = []
        fixes: list[str] = []
        for sentence in split_sentences(text):
            fix = _own_fix(sentence)
            if fix:
                fixes.append(fix)
            elif not fixes:
                said.append(sentence)
            else:
                fixes[-1] = with_detail(fixes[-1], sentence)
        if not said:
            return []
        fixed += bool(fixes)
        label = "If this is the cause: " + short_label(said[0], 60)
        steps = fixes or [f"Check whether this applies here and remove it: {' '.join(said)}"]
        options.append(Option(section, label, " ".join(said), steps, kind="cause"))
    return options if fixed >= 2 else []


#: A fix that only says to find the cause ("Identify and eliminate the cause of the
#: problem."): the causes' own fixes are the real ones.
_GENERIC_FIX_RE = Hinted(
    re.compile(
        r"\b(?:identify|determine|find|eliminate|remove|correct|check)\b[^.]{0,40}\b(?:the|which)"
        r"\s+(?:cause|causes|factor|factors)\b",
        re.IGNORECASE,
    ),
    ("cause", "factor"),
)


def _generic_fix(options: list[Option]) -> bool:
    """No options, or only ones whose steps just say to find and remove the cause."""
    return all(
        o.kind != "upgrade"
        and all(
            _GENERIC_FIX_RE.search(step_text(i)) or not _is_action(step_text(i)) for i in o.items
        )
        for o in options
    )


def cause_listing(section: Section) -> str:
    """An MS KB CAUSE with alternatives as the reader sees them: its lead, then one line
    per cause ("- There may be a TSR ..."), not one run-on paragraph."""
    lead, alts = _alternatives(_body_until_repro(section), plain=True)
    lines = [clean(" ".join(p.text for p in lead))] if lead else []
    lines += ["- " + clean(" ".join(strip_marker(p.text) for p in alt)) for alt in alts]
    if len(alts) < 2:
        return ""
    return sentence_cut("\n".join(lines), MAX_CAUSE_CHARS)


def cause_alternatives(section: Section | None, plain: bool = False) -> list[str]:
    """The causes a CAUSE section offers as alternatives (`-or-`, "one of the following"),
    each as a short line; [] when it names one cause."""
    if section is None:
        return []
    _, alts = _alternatives(_body_until_repro(section), plain)
    out: list[str] = []
    for alt in alts:
        lead, items = _procedure(alt)
        text = lead or (step_text(items[0]) if items else "")
        if text:
            out.append(short_label(strip_marker(text), 80))
    return out if len(out) >= 2 else []


def article_cause(article: Article) -> tuple[str, Section | None]:
    """The cause (CAUSE, else a sentence that explains), cited; "" if none is found."""
    section = find_section(article, _CAUSE_KEYS)
    if section is not None:
        return sentence_cut(clean(section.text), MAX_CAUSE_CHARS), section
    # No CAUSE section: "This occurs if X" in SYMPTOMS, SUMMARY or MORE INFORMATION
    from kbassist.drafting.kb_stated_cause import bug_cause, not_pointer, stated_cause

    said, found = stated_cause(article)
    if found is not None:
        return said, found
    # ... else a paragraph that explains, in SUMMARY or MORE INFORMATION.
    for keys in (SUMMARY_KEYS, MORE_KEYS):
        found = find_section(article, keys)
        if found is None:
            continue
        for para in paragraphs(found.text):
            if article.style != "mskb":
                said = _explaining(para.text)
                if said:
                    return sentence_cut(clean(said), MAX_CAUSE_CHARS), found
            elif (
                _EXPLAINS_RE.search(para.text)
                and not _NUMBERED_STEP_RE.match(clean(para.text))  # "2. Use X, because Y"
                and (kept := not_pointer(clean(para.text)))
            ):
                return sentence_cut(kept, MAX_CAUSE_CHARS), found
    return bug_cause(article)  # STATUS: "Microsoft has confirmed this to be a bug"


#: A numbered step ("2. Use the GlobalLock() function ...", "a. CPU Speed."): its
#: "because" explains the step, it is no cause of the article's.
_NUMBERED_STEP_RE = re.compile(r"^(?:\d{1,2}|[a-z])[.)]\s", re.IGNORECASE)
_EXPLAINS_PATTERN = re.compile(r"\b(because|is caused by|occurs (?:when|if|because))\b", re.I)
_EXPLAINS_RE = Hinted(
    _EXPLAINS_PATTERN,
    (
        "because",
        "caused by",
        "occurs ",
    ),
)


def _explaining(text: str) -> str:
    """The sentence that plainly says why, and the next if it says why too, else "": a
    Markdown summary's "paragraph" can run from "This article provides a solution ..."
    through the error message to "This issue occurs because ...", which is no cause to
    show, and a log line or "we don't recommend" that holds "because" is none either."""
    sentences = split_sentences(" ".join(text.split()))
    at = next(
        (
            n
            for n, s in enumerate(sentences)
            if _SAYS_WHY_RE.search(s)
            and not s.endswith(":")
            and not _INTRO_RE.match(s)
            and not _LOG_LINE_RE.search(s)
        ),
        None,
    )
    if at is None:
        return ""
    kept = sentences[at : at + 1]
    if at + 1 < len(sentences) and _SAYS_WHY_RE.search(sentences[at + 1]):
        kept.append(sentences[at + 1])
    return " ".join(kept)


#: A sentence that plainly says why: "This issue occurs because X", "is caused by X",
#: "This problem occurs when X" (not "Because of these changes, we don't recommend").
_SAYS_WHY_RE = re.compile(
    r"\b(?:occurs|happens|appears|is caused|is due)\b.{0,80}\bbecause\b|\bis caused by\b|"
    r"\b(?:occurs|happens) because\b|^(?:this|the) (?:issue|problem|behavior|error) "
    r"(?:occurs|happens) (?:when|if)\b",
    re.IGNORECASE,
)
_INTRO_RE = re.compile(r"^this (?:article|document|topic)\b", re.IGNORECASE)
#: A log or trace line quoted in prose: no sentence of the article's.
_LOG_LINE_RE = re.compile(r"\[(?:verbose|info|warn|error)\]|::|\b0x[0-9a-f]{6,}\b", re.IGNORECASE)


# --------------------------------------------------------------------------- block tree

_SEQUENTIAL_HEAD_RE = re.compile(r"^(?:step\s+\d+|\d{1,2}[.)]?\s*$)", re.IGNORECASE)
_ALTERNATIVE_HEAD_RE = re.compile(
    r"^(?:\d{1,2}[.)]\s*)?(?:if|when|for|option|method|solution|resolution|workaround|"
    r"scenario|case|approach|alternative)\b",
    re.IGNORECASE,
)


def _alternative_children(children: Sequence[Part], announced: bool = False) -> bool:
    """Sub-headings that are alternatives ("If the diagnosis shows ...", "Disk full",
    "Option B"), not the numbered stages of one procedure ("1. Check the logs").
    `announced`: the part's own text says "use one of the following methods", so
    sub-headings that are actions ("Use separate accounts", "Change the schedule") are
    the methods it means."""
    from kbassist.drafting.blocks import _imperative, heading_label

    if len(children) < 2:
        return False
    names = [_numbering_free(c.name) for c in children]
    if any(_ALTERNATIVE_HEAD_RE.match(c.name) for c in children):
        return sum(bool(_ALTERNATIVE_HEAD_RE.match(c.name)) for c in children) * 2 >= len(children)
    if any(_SEQUENTIAL_HEAD_RE.match(c.name.strip()) for c in children):
        return False
    from kbassist.drafting.either_ways import stage_children

    if stage_children(names):  # "Prerequisites" / "Procedure" / "Verification": in turn
        return False
    if announced and len(children) <= MAX_ANNOUNCED_METHODS:
        return True
    if sum(bool(_CAUSED_HEAD_RE.search(n)) for n in names) * 2 > len(names):
        return True  # "Halted due to disk full", "Halted due to data corruption"
    if sum(bool(_BOUND_HEAD_RE.search(n)) for n in names) >= 2:
        return True  # "Current size < 1 TB, Expand to 4 TB", "Current size = 4TB"
    imperative = sum(_imperative(n) for n in names)
    return imperative == 0 and all(len(heading_label(n)) <= 60 for n in names)


#: An alternative named by its number: "Method 1: Use the DBCC UPDATEUSAGE command".
_METHOD_HEAD_RE = re.compile(
    r"^(?:method|option|solution|workaround|resolution)\s+\d{1,2}\b\s*[:.)-]?\s*\S", re.I
)
#: A sub-heading naming the case it fixes: "Halted due to Data Corruption".
_CAUSED_HEAD_RE = re.compile(r"\b(?:due to|caused by|because of|in case of)\b", re.IGNORECASE)
#: A sub-heading bounded by a measure: "Current size < 1 TB", "Usage above 90%".
_BOUND_HEAD_RE = re.compile(
    r"\s(?:[<>=\u2264\u2265]=?|(?:less|more|greater|fewer) than|(?:above|below|under|over|at "
    r"least|at most) \d)\s*\d",
    re.IGNORECASE,
)
#: "4. Verify Resolution", "Validate the fix": the check of every case, not a case.
_VERIFY_HEAD_RE = re.compile(
    r"^(?:\d{1,2}[.)]\s*)?(?:verify|validate|confirm|check)\s+(?:the\s+)?(?:resolution|fix|"
    r"recovery|mitigation)\b",
    re.IGNORECASE,
)


_CASE_LEAD_RE = re.compile(
    r"^to (?:work around|avoid|prevent|resolve|correct|fix|solve|remedy) (?:this|the)"
    r"(?:\s+[\w-]+)?\s+(?P<case>(?:when|if|for|on)\s+[^,]{5,120}),\s*(?P<rest>.{5,})$",
    re.IGNORECASE | re.DOTALL,
)


#: At most this many sub-headings are taken for the methods a lead announces.
MAX_ANNOUNCED_METHODS = 8


def _nested_cases(child: Part) -> list[Part]:
    """An alternative's own sub-headings that are alternatives again ("#### Scenario 1",
    "#### Scenario 2" under "### The user name or password is incorrect"); else []."""
    grand = [c for c in child.children if any(True for p in c.walk() if p.blocks)]
    cases = sum(
        bool(_NESTED_CASE_RE.match(c.name) or _CAUSED_HEAD_RE.search(c.name)) for c in grand
    )
    # a case heading must say so: "Procedure" / "Verification" are one fix's stages
    return grand if len(grand) >= 2 and cases * 2 >= len(grand) else []


#: A sub-heading that names a case: "Scenario 1: Incorrect password", "Cause 2: ...",
#: since round 16 a version's own procedure: "For a Microsoft Windows 2000 domain" (not
#: "For more information", "For example").
_NESTED_CASE_RE = re.compile(
    r"^(?:\d{1,2}[.)]\s*)?(?:scenario|case|cause|if|when"
    r"|for(?!\s+(?:more|example|instance|details?|additional|reference|information)\b))\b",
    re.IGNORECASE,
)


def _nested_options(
    child: Part,
    nested: list[Part],
    own_items: list[str],
    sections: dict[int, Section],
    section: Section,
) -> list[Option]:
    """One option per nested case: the parent's steps, the heading's own, then the case's;
    named by the case's heading and chosen by what the admin finds."""
    from kbassist.drafting.blocks import heading_label, part_steps

    head_lead, head_items, head_checks = part_steps(
        Part(child.name, child.level, child.line, child.blocks)
    )
    options: list[Option] = []
    for case in nested:
        case_lead, items, case_checks = part_steps(case)
        if not items and case_lead:
            items, case_lead = [case_lead], ""
        if not items:
            continue
        option = Option(
            sections.get(id(case), sections.get(id(child), section)),
            heading_label(case.name, 90) or heading_label(child.name, 90),
            case_lead or head_lead,
            [*own_items, *head_items, *items],
        )
        option.condition = True
        option.checks = [*head_checks, *case_checks]
        options.append(option)
    return options


def _announces_methods(blocks: Sequence[object]) -> bool:
    """Whether a part's own text says its sub-parts are alternatives: "To work around
    this problem, use one of the following methods:" (a sentence ending in ":" or ".")."""
    for block in blocks:
        if isinstance(block, Paragraph):
            text = clean(block.text.plain)
            if text.endswith((":", ".")) and _CHOOSE_ONE_RE.search(text):
                return True
    return False


#: "The following is a code segment of the sp_X stored procedure:": code shown to read,
#: not a command to run.
_SHOWN_CODE_RE = re.compile(
    r"\bthe following (?:is|shows) (?:an? |the )?(?:code (?:segment|sample|excerpt|snippet)|"
    r"(?:sample|example|excerpt|snippet|definition)\b)",
    re.IGNORECASE,
)


def _shown_code_only(blocks: Sequence[object]) -> bool:
    """Whether the code after a list (if any) is only shown, each block under a paragraph
    that says so ("The following is a code segment of ..."): then the list's ways own no
    command, and it is still a choice."""
    for n, block in enumerate(blocks):
        if getattr(block, "kind", "") != "code":
            continue
        before = blocks[n - 1] if n else None
        text = clean(getattr(getattr(before, "text", None), "plain", "") or "")
        if not _SHOWN_CODE_RE.search(text):
            return False
    return True


def _shown_under(steps: list[str]) -> list[str]:
    """ "The following is a code segment of the sp_X stored procedure:" over its code:
    shown under the step before it (what that step works on), not a step to tick."""
    out: list[str] = []
    for step in steps:
        text, detail = split_detail(step)
        if out and _SHOWN_CODE_RE.search(text) and detail:
            out[-1] = with_detail(out[-1], f"{text}\n\n{detail}")
        else:
            out.append(step)
    return out


def _choose_one_list(blocks: Sequence[object]) -> list[ListBlock]:
    """A list right after "Use one of the following ...:" (or "... methods."): each item is
    an alternative (not when commands follow the list: those would belong to no
    alternative)."""
    for n, (before, block) in enumerate(itertools.pairwise(blocks)):
        if not _shown_code_only(blocks[n + 2 :]):
            break
        if isinstance(block, ListBlock) and len(block.items) >= 2:
            text = clean(getattr(getattr(before, "text", None), "plain", "") or "")
            if text.endswith((":", ".")) and _CHOOSE_ONE_RE.search(text):
                return [block]
    return []


#: Words too common to tie a how-to heading to one of the ways it details.
_DETAIL_STOP = frozenset(
    "a an the to of on in for by and or your you how with from is are this that use using "
    "server client windows".split()
)


def _detail_words(text: str) -> set[str]:
    """A text's telling words, "installing" read as "install"."""
    return {
        re.sub(r"(?<=..)ing$", "", w)
        for w in re.findall(r"[a-z][a-z0-9-]{2,}", text.casefold())
        if w not in _DETAIL_STOP
    }


def _detail_children(children: Sequence[Part], listed: ListBlock) -> list[Part]:
    """Sub-headings that each spell out one way of a choose-one list ("### How to
    Install an IPP Print Server's Self-Signed Certificate" under "... installing the
    self-signed certificate on the workstation"): every child shares more words with one
    item (two or more) than with any other; [] otherwise (the children are fixes of their
    own)."""
    if not children:
        return []
    items = [
        _detail_words(" ".join(getattr(getattr(b, "text", None), "plain", "") for b in i.blocks))
        for i in listed.items
    ]
    for child in children:
        name = _detail_words(child.name)
        shared = sorted((len(name & item) for item in items), reverse=True)
        if len(shared) < 2 or shared[0] < 2 or shared[0] == shared[1]:
            return []
    return list(children)


def _attach_detail(child: Part, options: Sequence[Option], checks: list[str]) -> None:
    """The how-to's steps run after the way it details (the option sharing most words)."""
    from kbassist.drafting.blocks import part_steps

    if not options:
        return
    name = _detail_words(child.name)
    best = max(options, key=lambda o: len(name & _detail_words(" ".join([o.label, *o.items]))))
    lead, items, child_checks = part_steps(child)
    best.items.extend(items or ([lead] if lead else []))
    checks.extend(child_checks)


def _numbering_free(name: str) -> str:
    return re.sub(r"^(?:\d{1,2}[.)]\s*|step\s+\d+\s*[:.-]\s*)", "", name.strip(), flags=re.I)


def guideline_options(section: Section, part: Part) -> list[Option]:
    """One fix per case of "follow these guidelines, as appropriate:", one per method of a
    case that offers "one of the following methods" (named by the method), each asked;
    a note allowing only one method there is asked before the others (`either_ways`)."""
    from kbassist.drafting.blocks import part_steps
    from kbassist.drafting.either_ways import (
        chosen_not_declined,
        guideline_cases,
        offered_actions,
        only_method,
        only_method_ask,
    )

    found = guideline_cases(part.blocks)
    if found is None:
        return []
    notes, cases, after = found
    _, after_items, after_checks = part_steps(Part(part.name, part.level, part.line, after))
    allowed = only_method(notes)
    kind = "workaround" if part.workaround else "option"
    options: list[Option] = []
    for n, (state, method, body) in enumerate(cases, 1):
        lead, items, own_checks = part_steps(Part(part.name, part.level, part.line, body))
        if not items and lead:
            items, lead = [lead], ""
        if not items:
            continue
        # "we recommend that you don't upgrade": the step; "If you can't roll back ..., "
        # before Method 2 is answered by choosing it over Method 1 ("Roll back ...")
        others = [re.sub(r"^[^:]{0,20}:\s*", "", m) for _, m, _ in cases if m and m != method]
        items = offered_actions(chosen_not_declined(items, others) if method else items)
        label = option_label(method.rstrip(":")) if method else option_label(state)
        said = " ".join([*notes, f"{state}." if method else "", lead]).strip()
        option = Option(section, label, said, items, kind=kind)
        option.condition = not method
        option.checks = list(own_checks)
        if method and after_items:  # "After you use either method, verify ...": each's
            option.items = [*option.items, *after_items]
            option.checks = [*option.checks, *after_checks]
        number = re.match(r"^\D{0,12}(\d{1,2})", method)
        if allowed and number and number.group(1) != allowed[1]:
            asked = only_method_ask(allowed[0], allowed[1], f"only_{n}")
            if asked is not None:  # "you can use only Method 2" there: asked first
                ask, step = asked
                option.asks.append(ask)
                option.items = [step, *option.items]
        options.append(option)
    return options if len(options) >= 2 else []


def block_options(article: Article) -> tuple[str, list[Option], list[str]]:
    """(lead, options, checks) from the parts whose role is resolution.

    Each resolution part gives one option, or one per alternative sub-heading, or one
    per `-or-` list item; checks are the article's own "you should see" lines.
    """
    from kbassist.drafting.blocks import heading_label, part_sections, part_steps, resolution_parts
    from kbassist.drafting.either_ways import (
        bold_cases,
        chosen_not_declined,
        either_children,
        offered_actions,
    )
    from kbassist.drafting.modern import (
        action_label,
        case_label,
        if_list,
        links_of,
        product_head,
        prose_cases,
        trailing_note,
    )

    sections = part_sections(article)
    lead = ""
    options: list[Option] = []
    checks: list[str] = []
    for part in resolution_parts(article):
        section = sections.get(id(part))
        if section is None:
            continue
        label_base = heading_label(part.name) or part.name
        if part.workaround and "workaround" not in label_base.casefold():
            label_base = f"Workaround: {label_base}"
        children = [c for c in part.children if any(True for p in c.walk() if p.blocks)]
        if article.style != "mskb" and not part.blocks and len(children) == 1:
            from kbassist.drafting.runbook_branches import wrapped_remedies

            # "## Mitigation" / "### Recommended Actions" over the remedies: read as one
            part, children = wrapped_remedies(part, children[0]), list(part.children)
            children = [] if not part.children else children
        # "### 4. Verify Resolution" after the cases: every case's verify, not a case
        verifying = [c for c in children if _VERIFY_HEAD_RE.match(c.name)]
        cases = [c for c in children if c not in verifying]
        announced = _announces_methods(part.blocks)
        if verifying and _alternative_children(cases, announced):
            children = cases
        else:
            verifying = []
        cased: dict[int, str] = {}
        alternative = _alternative_children(children, announced)
        # "### Delete data" / "### Expand the storage capacity", each ending the alert:
        # alternatives the text marks, though their headings are actions
        either = article.style != "mskb" and not alternative and either_children(part, children)
        alternative = alternative or either
        if article.style != "mskb" and not alternative:
            from kbassist.drafting.runbook_cause import is_alert_runbook
            from kbassist.drafting.runbook_flow import cased_children

            # runbook_flow imports Option for its annotations: a lazy import keeps the
            # two modules out of an import circle (tests/test_layers.py)
            # "### Restart Unhealthy Pods" / "If the collector pod is in a failed state,
            # ...": one fix per case, not every case's steps ticked in turn
            cased = cased_children(children) if is_alert_runbook(article) else {}
        from kbassist.drafting.steps_in_turn import (
            said_by_chain,
            steps_in_turn,
            tried_after_previous,
            without_previous_clause,
        )

        # "follow these steps, in the order given ... check after every step" over "###
        # Step 1: ..." parts: each step its own fix, asked "Still failing after step k?"
        # "### Last known good configuration" opening "If the previous steps in this
        # article don't resolve the problem, ...": the part's own steps first, then each
        # (tried in turn, whatever its heading's shape: no menu of alternatives)
        after_previous = article.style != "mskb" and not cased and tried_after_previous(children)
        alternative = alternative and not after_previous
        in_turn = article.style != "mskb" and not (cased or alternative)
        in_turn = in_turn and (after_previous or steps_in_turn(part, children))
        if cased or alternative or in_turn:
            from kbassist.drafting.runbook_flow import case_lead_named, case_titled

            own_lead, own_items, own_checks = part_steps(
                Part(part.name, part.level, part.line, part.blocks)
            )
            if in_turn:  # "check whether the problem is resolved after every step": asked
                own_items = [i for i in own_items if not said_by_chain(i)]
            for child in verifying:
                _, verify_items, verify_checks = part_steps(child)
                own_checks = [*own_checks, *verify_checks, *verify_items]
            checks.extend(own_checks)
            if after_previous:
                if own_items:  # the first step tried: the Resolution's own procedure
                    first = Option(section, label_base, own_lead, own_items)
                    first.checks, first.chain = list(own_checks), True
                    options.append(first)
                own_lead, own_items = "", []
            if not lead:
                lead = own_lead
            for child in children:
                nested = _nested_cases(child) if article.style != "mskb" else []
                if nested:
                    # "### The user name or password is incorrect" over "#### Scenario 1:
                    # Incorrect password" / "#### Scenario 2: gMSA ...": each its own case
                    nested_found = _nested_options(child, nested, own_items, sections, section)
                    for option in nested_found:
                        option.kind = "workaround" if part.workaround else option.kind
                        checks.extend(option.checks)
                        option.checks = [*own_checks, *option.checks]
                    options.extend(nested_found)
                    continue
                said, ways = bold_cases(child) if either else ("", [])
                for named, way in ways:  # "**Current Storage Size < 1TB**: ...": asked
                    way_lead, way_items, way_checks = part_steps(way)
                    checks.extend(way_checks)
                    if not way_items and way_lead:
                        way_items, way_lead = [way_lead], ""
                    way_items = offered_actions(way_items)
                    way_lead = f"{said} {way_lead}".strip()
                    option = Option(
                        sections.get(id(child), section),
                        f"{heading_label(child.name, 60)}: {named}",
                        way_lead,
                        [*own_items, *way_items],
                        kind="workaround" if part.workaround or child.workaround else "option",
                    )
                    option.checks = [*own_checks, *way_checks]  # a fix to pick, sized
                    options.append(option)
                if ways:
                    continue
                child_lead, items, child_checks = part_steps(child)
                checks.extend(child_checks)
                if not items and child_lead:
                    items, child_lead = [child_lead], ""
                if not items:
                    continue
                if either:  # "The customer may X", "If you do not want to <other way>, Y"
                    items = offered_actions(chosen_not_declined(items, [c.name for c in children]))
                if id(child) in cased:  # "If the issue persists ...:" is in the title now
                    items = case_lead_named(items, heading_label(child.name, 90))
                if after_previous:  # "If the previous steps ... don't resolve ...": asked
                    items = without_previous_clause(items)
                option = Option(
                    sections.get(id(child), section),
                    # a heading is written as a title: whole up to the list items' limit
                    case_titled(heading_label(child.name, 90), cased.get(id(child), ""))
                    or label_base,
                    child_lead,
                    [*own_items, *items],
                    kind="workaround" if part.workaround or child.workaround else "option",
                )
                option.condition = bool(
                    re.match(r"^(?:\d{1,2}[.)]\s*)?(?:if|when)\b", child.name, re.I)
                    or _CAUSED_HEAD_RE.search(child.name)
                )
                option.checks = [*own_checks, *child_checks]
                option.chain = in_turn
                options.append(option)
            continue
        if not children and article.style != "mskb":
            from kbassist.drafting.runbook_branches import unbulleted_remedies

            # "Start thinking about sharding prometheus." / "Increase scrape times ...":
            # one sentence a line is a list without its bullets
            part = unbulleted_remedies(article, part) or part
        guided = guideline_options(section, part) if article.style != "mskb" else []
        if guided:  # "follow these guidelines, as appropriate:" over cases and methods
            options.extend(guided)
            continue
        alternatives = [b for b in part.blocks if isinstance(b, ListBlock) and b.alternatives]
        alternatives = alternatives or _choose_one_list(part.blocks) or if_list(part.blocks)
        remedies = False
        if not alternatives and not children and article.style != "mskb":
            from kbassist.drafting.runbook_branches import remedy_list

            # "- Add more nodes" / "- Add node pools" / "- Use pod priorities": a choice
            alternatives = remedy_list(part.name, part.blocks)
            remedies = bool(alternatives)
        # "This can be resolved by either:" over its ways, then "### How to install the
        # self-signed certificate": the how-to of one way, not a fix of its own
        listed, see_also = (alternatives[0] if alternatives else None), ""
        if remedies:
            from kbassist.drafting.runbook_branches import without_references

            # "- See [Quotas](url)" after the remedies: read with each, never one to choose
            listed, see_also = without_references(alternatives[0])
        detail = _detail_children(children, alternatives[0]) if alternatives else []
        if alternatives and (not children or detail):
            own_lead, _, _ = part_steps(
                Part(
                    part.name,
                    part.level,
                    part.line,
                    tuple(b for b in part.blocks if b is not alternatives[0]),
                )
            )
            if not lead:
                lead = own_lead
            if remedies and not lead:
                from kbassist.drafting.runbook_branches import remedy_lead

                # "The mitigation depends on whether you are installing or ...:": the help
                lead = remedy_lead(part.blocks, alternatives[0])
            first_alternative = len(options)
            for item in listed.items if listed else ():
                product = product_head(item.blocks)  # "**For SQL Server 2008 R2**"
                item_lead, items, item_checks = part_steps(
                    Part(part.name, part.level, part.line, item.blocks[1 if product else 0 :])
                )
                checks.extend(item_checks)
                texts = items or ([item_lead] if item_lead else [])
                if not texts:
                    continue
                label = short_label(step_text(texts[0]), 90)
                case = _CASE_LEAD_RE.match(step_text(texts[0]))
                option = Option(section, label, "", texts, kind="option")
                if items and _METHOD_HEAD_RE.match(item_lead):
                    # "- Method 1: Use the `DBCC UPDATEUSAGE` command" over its steps: the
                    # article's own name for the alternative
                    option.label = short_label(item_lead.rstrip(".:"), 90)
                    options.append(option)
                    continue
                if product:
                    # "For SQL Server 2008 R2" is a version to run; "For manual allocation"
                    # a way to choose
                    option.label = product
                    if re.search(r"\d", product):
                        option.kind, option.condition = "version", True
                    options.append(option)
                    continue
                found = case_label(texts[0])
                if found:
                    option.label, option.condition = found, True
                elif action_label(texts[0]):
                    # "If you run X or Y or Z (too long to name), launch ...": the action
                    option.label = action_label(texts[0])
                elif remedies:
                    from kbassist.drafting.runbook_branches import remedy_label

                    option.label = remedy_label(texts[0])  # its action, not its reason
                if case:
                    # "To resolve this when X, do Y": the option for case X, step Y
                    case_text = case.group("case")
                    option.label = short_label(case_text[0].upper() + case_text[1:], 90)
                    rest = case.group("rest")
                    rest = _YOU_CAN_RE.sub("", rest, count=1)
                    texts[0] = rest[0].upper() + rest[1:] + texts[0][len(step_text(texts[0])) :]
                    option.condition = True
                options.append(option)
            for option in options[first_alternative:] if see_also else []:
                option.items[-1] = with_detail(option.items[-1], see_also)
            for child in detail:
                _attach_detail(child, options[first_alternative:], checks)
            note = trailing_note(part.blocks, alternatives[0])
            if note and options:
                # "> [!NOTE] After you set RegisterAllProvidersIP to 0, ...": it qualifies
                # the alternative just before it, shown under its last step
                options[-1].items[-1] = with_detail(options[-1].items[-1], note)
            at = part.blocks.index(alternatives[0]) + (2 if note else 1)
            end, extra = len(part.blocks), None
            if remedies:
                from kbassist.drafting.runbook_branches import alternative_after

                # "Alternative: remove the machine field ..." over its command: one more
                end, extra = alternative_after(section, part, at)
            _, after, _ = part_steps(Part(part.name, part.level, part.line, part.blocks[at:end]))
            after = _shown_under(after)
            for option in options[first_alternative:] if after else []:
                option.items = [*option.items, *after]  # steps after the list: for every one
            if extra is not None:
                options.append(extra)
            continue
        if not children and article.style != "mskb":
            from kbassist.drafting.runbook_branches import prose_alternatives

            # "Update the certificates ..." / "Another option is to delete node ..." /
            # "In extreme situations recreate cluster.": each its own remedy
            offered = prose_alternatives(section, part)
            if not offered:
                from kbassist.drafting.runbook_ways import stated_remedies

                # "usually adding new nodes solves the issue. Otherwise ... In rare
                # cases roll back ...": the ways out the runbook states, each asked
                offered = stated_remedies(section, part)
            if offered:
                options.extend(offered)
                continue
        from kbassist.drafting.runbook_cause import is_alert_runbook
        from kbassist.drafting.runbook_flow import if_otherwise_cases, waited

        case_lead, prose = prose_cases(part)
        alert = article.style != "mskb" and is_alert_runbook(article)
        if not prose and alert:
            # "If the alert fires during an upgrade, ... Otherwise, troubleshoot ...": asked
            case_lead, prose = if_otherwise_cases(part)
        if prose:
            # "If an upgrade is in progress, ...; if MCO is not working, check ...": the
            # admin picks what they found, and only that case's steps run
            for label, texts, para in prose:
                if alert:  # "the alert may resolve in some time": wait and watch it
                    texts = [waited(t) for t in texts]
                links = "; ".join(f"{text}: {url}" for text, url in links_of([para]))
                texts = [*texts[:-1], with_detail(texts[-1], f"Link: {links}" if links else "")]
                option = Option(section, short_label(label, 90), " ".join(case_lead), texts)
                option.condition = True
                options.append(option)
            continue
        part_lead, items, part_checks = part_steps(part, verify_after=True)
        checks.extend(part_checks)
        if not items and part_lead and alert:
            from kbassist.drafting.runbook_see_notes import see_noted_steps

            # "See [doc](url)" paragraphs beside the action: ticks, with the links as notes
            items = see_noted_steps(part, article.source.name)
            part_lead = "" if items else part_lead
        if not items and part_lead:
            items, part_lead = [part_lead], ""
        if items:
            option = Option(
                section,
                label_base,
                part_lead,
                items,
                kind="workaround" if part.workaround else "option",
            )
            option.checks = part_checks
            options.append(option)
    if options and article.style != "mskb" and _alert_runbook(article):
        from kbassist.drafting.runbook_tuning import titled_real, tuning_options

        # "### Disable this alert entirely" under Meaning: a fix for when it is noise
        tuning = tuning_options(article, sections)
        titled_real(options, tuning)
        options.extend(tuning)
        from kbassist.drafting.runbook_pointers import linked_titles, page_links, pointer_steps

        # "See [Node Clok Skew Detected]({{< ref ... >}})": follow it, with its link
        page_urls = page_links(article)
        for option in options:
            option.items = pointer_steps(option.items, page_urls)
        linked_titles(options)  # "Defining Network Policies (url)": "Define ..."
    if options:
        diagnosis, diagnosis_section = _diagnosis_steps(article, sections)
        for option in options:
            option.pre_items = diagnosis
            option.pre_section = diagnosis_section
    return lead, options, checks


def _alert_runbook(article: Article) -> bool:
    """An alert runbook (a Meaning section): the only pages whose links name runbooks."""
    from kbassist.drafting.runbook_cause import is_alert_runbook

    return is_alert_runbook(article)


#: At most this many Diagnosis steps run before a mitigation (every check of a long
#: Diagnosis is kept: a runbook names its failure patterns late as often as early).
MAX_DIAGNOSIS_STEPS = 16


def _diagnosis_steps(
    article: Article, sections: dict[int, Section]
) -> tuple[list[str], Section | None]:
    """The first Diagnosis part's actions (commands to run before fixing), cited."""
    from kbassist.drafting.blocks import part_steps, resolution_parts

    # "### Check if it is a network issue" under Mitigation reads as a diagnosis heading,
    # but it is a step of the fix already: never run twice
    in_fix = {id(p) for fix in resolution_parts(article) for p in fix.walk()}
    for part in article.parts_by_role("diagnosis"):
        section = sections.get(id(part))
        if section is None or id(part) in in_fix:
            continue
        # an alert runbook's "Verify that X:" over its command is one of its checks
        _, items, _ = part_steps(part, diagnosis=_alert_runbook(article))
        if items:
            from kbassist.drafting.runbook_impact_query import impact_checks
            from kbassist.drafting.runbook_narrative import told_merged

            if _alert_runbook(article):
                # "the following query will display ..." under Impact: the first check;
                # "If the reboot fails then it will log:": shown under its check
                items = told_merged([*impact_checks(article), *items])
                from kbassist.drafting.runbook_readings import readings_noted

                # "`i/o timeout` errors indicate a network problem": how to read the
                # check before it, shown under it, not a check of its own (runbook34)
                items = readings_noted(items)
                from kbassist.drafting.runbook_readings import diagnosis_headings, headings_merged

                # "Verify the ClusterRoleBinding ..." (a sub-heading), then "Verify this
                # binding is correct.": one check, the second its detail
                heads = diagnosis_headings(
                    [s.text for s in article.sections if s.role == "diagnosis"]
                )
                items = headings_merged(items, heads)
                from kbassist.drafting.runbook_diag_context import context_after_command

                # "The alert message names the Operator, as in this example:" before
                # the first check: shown after that check's command, not before it
                items = context_after_command(items)
            return items[:MAX_DIAGNOSIS_STEPS], section
    return [], None
