"""The commands an MS KB article gives the admin to type, when they hold placeholders.

A draft that found no fix ends at "Read the article"; when the article's how-to text
(SUMMARY, MORE INFORMATION, a section of its own) announces a command to type ("At the
MS-DOS command prompt, type the following:" + `setver <program name> <version>`), that
outcome also hands over the command, so its placeholders become typed inputs filled into
it, as they are in a drafted fix.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kbassist.articles import Article, Section
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import (
    DETAIL_SEP,
    Hinted,
    find_params,
    paragraphs,
    sentence_cut,
    strip_marker,
    with_detail,
)

#: Sections whose indented text is what the user saw or why, never a command to run now.
_NOT_HOW_TO = frozenset(
    {"symptoms", "symptom", "cause", "causes", "status", "references", "appliesto", "keywords"}
)
#: A lead that tells the admin to type what follows.
_TYPE_LEAD_RE = re.compile(
    r"\b(?:type|typing|run|enter|execute|use|add|change|edit|modify|insert|include)\b"
    r"|\b(?:command|syntax)\b",
    re.IGNORECASE,
)
#: ... unless it announces a message or output: "you receive the following error message:".
_SHOWN_LEAD_RE = re.compile(
    r"\b(?:messages?|errors?|warnings?|output|results?|displays?|displayed|appears?|"
    r"returns?|returned|resembles?|similar to|look(?:s)? like|logged|entry|entries|"
    r"you (?:receive|see|get)|the following prompt)\b",
    re.IGNORECASE,
)
#: ... and announces it as what follows: "type the following:", "as follows:", "use this
#: syntax:" (not a list of things the text goes on about: "... directories including:").
_ANNOUNCES_RE = re.compile(
    r"\b(?:the (?:\w+ )?following|as follows|as shown here|this (?:command|syntax|line|"
    r"statement)|these (?:commands|lines))\b|\b(?:type|enter|run|add|use)\s*:$",
    re.IGNORECASE,
)
#: "type the following line at the command prompt, and then press ENTER": a lead the
#: archive often ends with no colon.
_TYPE_FOLLOWING_PATTERN = re.compile(
    r"\b(?:type|enter|run|execute)\s+the\s+following\b[^.:;]{0,80}$", re.IGNORECASE
)
_TYPE_FOLLOWING_RE = Hinted(_TYPE_FOLLOWING_PATTERN, ("following",))
#: "Insert the disk in the drive and then type" / "..., run": the command is next, the
#: archive's lead often has no colon at all.
_ENDS_TYPING_RE = re.compile(r"\b(?:then |and )?(?:type|enter|run)\s*:?$", re.IGNORECASE)
#: "The correct format for the ROUTE ADD command is:", "The correct command line syntax
#: for Jetpack.exe is:", "Syntax:": the usage line under it, its placeholders to fill in.
_SYNTAX_LEAD_RE = re.compile(
    r"^(?:syntax|usage)\s*:$|\b(?:syntax|format|usage)\b[^;:]{0,60}\b(?:is|as)\s*:$"
    r"|\b(?:must|should) be in the (?:form|format)\s*:$"
    r"|\b(?:locate|open|go to)\s+the\s+following\s+(?:registry\s+)?(?:key|subkey)\s*:$",
    re.IGNORECASE,
)
#: "... by adding a line similar to the following in the login script:": a line to type,
#: though "similar to the following" usually leads to what is shown.
_TYPE_SIMILAR_RE = re.compile(
    r"\b(?:use|type|add|adding|enter|run|insert|create)\b[^.;:]{0,40}\bsimilar\s+to\s+the\s+"
    r"following\b",
    re.IGNORECASE,
)
#: A line of columns (`txtUser      <empty>`): a table of settings or captions, not a command.
_COLUMNS_RE = re.compile(r"\S\s{3,}\S")
#: ... but a registry value's row (`String:       \\<server name>\<share name>`) is one
#: field and the value to type into it.
_FIELD_ROW_RE = re.compile(r"^[A-Z][\w ]{0,20}:\s+\S.*$")
#: What the article says right under a line it quotes to correct it: "This is
#: incorrect." (the documentation error's wrong syntax, never a command to type).
_CALLED_WRONG_RE = re.compile(
    r"(?:this|that|the above|it)\s+(?:is|was)\s+(?:incorrect|wrong|not correct)\b", re.IGNORECASE
)
#: An explanation under the command, not a command ("where <drive> is ...").
_PROSE_LINE_RE = re.compile(r"^(?:where|for example|note|replace)\b", re.IGNORECASE)
MAX_COMMANDS = 4


def _ends_typing(text: str) -> bool:
    """`_ENDS_TYPING_RE` found in `text`, searched only when the text, a colon and white
    space off its end, ends in "type", "enter" or "run": anchored at the end but searched
    from the start, it is tried at every word of every paragraph otherwise. An ASCII end
    that, lowercased, does not cannot match (IGNORECASE folds ASCII as `lower` does)."""
    tail = text.rstrip()
    tail = (tail[:-1] if tail.endswith(":") else tail).rstrip()[-5:]
    if tail.isascii() and not tail.lower().endswith(("type", "enter", "run")):
        return False
    return bool(_ENDS_TYPING_RE.search(text))


def _typing_lead(text: str) -> str:
    """The lead's last sentence when it announces something to type (it ends with a colon,
    or says "type the following" without one, "... and press ENTER"; says type / run /
    add ...; names no message or output); "" otherwise."""
    text = strip_marker(text).strip()
    ends_typing = _ends_typing(text)
    if not text.endswith(":") and not ends_typing and not _TYPE_FOLLOWING_RE.search(text):
        return ""
    sentence = re.split(r"(?<=[.;])\s+(?=[A-Z])", text)[-1]
    if _SHOWN_LEAD_RE.search(_TYPE_SIMILAR_RE.sub("", sentence)):
        return ""
    if _SYNTAX_LEAD_RE.search(sentence) or _TYPE_SIMILAR_RE.search(sentence):
        return sentence  # "The correct syntax for X is:", "Locate the following key:"
    if not _TYPE_LEAD_RE.search(sentence):
        return ""
    if not ends_typing and not _ANNOUNCES_RE.search(sentence):
        return ""
    return sentence


def _has_placeholder(detail: str) -> bool:
    """Whether the command (its first line) holds a placeholder, read with the article's
    "where x is ..." under it (which makes a bare `stacksize` one)."""
    end = len(detail.split("\n", 1)[0])
    return any(p.kind == "placeholder" and start < end for start, _, p in find_params(detail))


#: A command quoted in a sentence: `run the "preinst /delsite:{<site code>}" command`,
#: `type "net use <drive>: \\<server>\<share>"`.
_QUOTED_COMMAND_RE = re.compile(
    r"\b(?:type|run|enter|execute)\s+(?:the\s+(?:following\s+)?(?:command\s+)?)?"
    r"\"(?P<c>[^\"]{3,160})\"",
    re.IGNORECASE,
)


#: A command typed in a step's sentence, not quoted: "Type <compact disc drive
#: letter>:\\DRVLIB\\SETUP and then click OK", "type <path>\\cluster.log in the Value box".
_TYPED_PATH_RE = re.compile(
    r"\b(?:type|enter)\s+(?P<c>[^\s\"<>]*<[A-Za-z][^<>\"]{0,40}>[^\s\"]*)", re.IGNORECASE
)


def _inline_commands(text: str) -> list[str]:
    """The sentences of a prose paragraph that quote a command to type or run holding a
    placeholder, or say to type a `<name>` path unquoted (the sentence is the step: the
    answers are filled into it)."""
    found: list[str] = []
    if '"' not in text and "<" not in text:
        return found  # no quoted command or `<name>`: most paragraphs, skipped before any regex
    text = strip_marker(text).strip()
    for sentence in re.split(r"(?<=[.;])\s+(?=[A-Z])", text):
        if _SHOWN_LEAD_RE.search(sentence) or re.match(r"(?:when|if)\b", sentence, re.I):
            continue  # "When you type X, you receive ...": what happened, not a step
        commands = [*_QUOTED_COMMAND_RE.finditer(sentence), *_TYPED_PATH_RE.finditer(sentence)]
        if any(_has_placeholder(match.group("c")) for match in commands):
            found.append(sentence_cut(sentence, 300))
    return found


def _one_code_line(lines: Sequence[str]) -> bool:
    """A paragraph of one to four lines that are no sentences (`OPTION NOKEYWORD:<keyword>`,
    `import admin -p<password> -d<x>` + `rebuild -d<x> -f` at its lead's own depth):
    commands, not the text going on."""
    texts = [line.strip() for line in lines]
    return (
        0 < len(texts) <= 4
        and all(texts)
        and all(not t.endswith((".", ":")) and len(t.split()) <= 8 for t in texts)
    )


def _unwrapped(lines: Sequence[str]) -> list[str]:
    """The block's lines, a line the archive wrapped inside a placeholder (`route add
    <subnet address> MASK <subnet mask> <address to` + `add>`) or an optional part
    (`rmtshare \\\\server[\\sharename] [/remove` + `user] /delete`) joined to the next."""
    out: list[str] = []
    for line in lines:
        if out and (
            out[-1].rfind("<") > out[-1].rfind(">") or out[-1].count("[") > out[-1].count("]")
        ):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return out


def section_commands(section: Section) -> list[str]:
    """Steps (lead sentence, the command line verbatim as its detail) for each command
    line with a placeholder in an indented block right under a lead that says to type it;
    the article's "where x is ..." right under the block stays with each of its commands."""
    found: list[str] = []
    paras = paragraphs(section.text)
    lead, lead_indent = "", 0
    for n, para in enumerate(paras):
        # the block under a lead is indented deeper than it (a lead in a list item's
        # text, "  2. ... type the following line:", has its command deeper still), or is
        # a quoted command at the lead's own depth (`  " type <drive>:\x " (without ...)`)
        block = lead and (
            para.indent > lead_indent or para.text.startswith('"') or _one_code_line(para.lines)
        )
        if not block:
            lead, lead_indent = _typing_lead(para.text), para.indent
            found.extend(_inline_commands(para.text))
            continue
        after = paras[n + 1].text if n + 1 < len(paras) else ""
        if _CALLED_WRONG_RE.match(after):
            lead = ""  # "The Help file states that the syntax is: X" + "This is incorrect."
            continue
        # its first sentence only: the paragraph goes on about other things
        where = re.match(r"where\s.*?[.;](?=\s+[A-Z]|$)", after, re.IGNORECASE | re.DOTALL)
        said = where.group(0) if where else ""
        # `" subinacl ... " (without the` / `quotation marks)`: one quoted command wrapped
        lines = [para.text] if para.text.startswith('"') else _unwrapped(para.lines)
        rows = [line.strip() for line in lines if line.strip()]
        if len(rows) >= 2 and all(_FIELD_ROW_RE.match(row) for row in rows):
            # a registry value's rows (Value Name, Data Type, String): one step, all kept
            value_rows = "\n".join(rows)
            if any(p.kind == "placeholder" for _, _, p in find_params(value_rows)):
                detail = f"{value_rows}\n\n{said}" if said else value_rows
                found.append(with_detail(sentence_cut(lead, 200), detail))
            lead = ""
            continue
        for line in lines:
            command = line.strip()
            if not command or _PROSE_LINE_RE.match(command):
                continue
            if _COLUMNS_RE.search(command) and not _FIELD_ROW_RE.match(command):
                continue
            detail = f"{command}\n\n{said}" if said else command
            if _has_placeholder(detail):
                found.append(with_detail(sentence_cut(lead, 200), detail))
        lead = ""  # one block per lead: the text after it is explanation
    return found


def typed_commands(article: Article) -> list[tuple[Section, str]]:
    """(section, step) for the article's commands with placeholders, at most
    MAX_COMMANDS, first ones first, each once; none for a Markdown article (its fixes are
    read from its block tree)."""
    if article.style != "mskb":
        return []
    out: list[tuple[Section, str]] = []
    seen: set[str] = set()
    for section in article.sections:
        if section.key in _NOT_HOW_TO:
            continue
        for step in section_commands(section):
            if step not in seen and len(out) < MAX_COMMANDS:
                seen.add(step)
                out.append((section, step))
    return out


def commands_option(article: Article) -> Option | None:
    """For a draft that found no fix: "Read the article" with the article's typed
    commands as steps after it (so their placeholders are asked and filled in); None when
    the article announces no such command."""
    commands = typed_commands(article)
    if not commands:
        return None
    section = commands[0][0]
    return Option(
        section=section,
        label="Read the article and run its commands",
        lead=(
            "The article names no fix this draft could pick out; these are the commands "
            "it gives, with your values in them."
        ),
        items=[f"Read {article.id} {section.name} and follow it.", *(s for _, s in commands)],
        checks=[f"Check the result against what {article.id} {section.name} says it should be."],
    )


#: A lead giving the right way to write a command: "The correct format for the ROUTE ADD
#: command is:", "The correct command line syntax for Jetpack.exe is:".
_CORRECT_SYNTAX_RE = re.compile(
    r"\b(?:correct|proper|right)\b[^.;:]{0,40}\b(?:syntax|format|usage)\b", re.IGNORECASE
)


def correct_syntax_steps(article: Article, options: list[Option]) -> None:
    """A draft that can only say "no fix" still hands over the article's correct syntax
    for the command the problem is about (its placeholders asked): the way to write it
    that works is all the admin can do. Only under a lead that says the syntax is the
    correct one; the steps go after the no-fix outcome's own."""
    if not options or any(o.kind != "nofix" for o in options):
        return
    steps = [
        s for _, s in typed_commands(article) if _CORRECT_SYNTAX_RE.search(s.split(DETAIL_SEP)[0])
    ]
    for option in options:
        option.items.extend(steps)
