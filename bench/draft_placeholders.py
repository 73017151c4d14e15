"""Placeholders in an article's commands, and whether a draft turned them into inputs.

One metric of bench_draft.py ("placeholders used"; defined there and in bench/README.md).
Found from the article alone, so a better drafter cannot move the goal posts: `<drive>`,
`{ServerName}`, `YourServer`, "where x is the drive" in the commands the article gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kbassist.articles import Article
from kbassist.drafting.example_values import example_listing_lead
from kbassist.trees.checklist import Checklist
from kbassist.trees.model import Info, Input


def _normal(text: str) -> str:
    return " ".join(text.split())


_HTML_TAGS = frozenset(
    """a abbr b blockquote br caption center code col dd del details div dl dt em font
    h1 h2 h3 h4 h5 h6 hr i img ins kbd li nobr ol p pre s small span strike strong sub
    summary sup table tbody td th thead tr tt u ul video iframe script style
    html head body title meta link form input frame frameset embed object param""".split()
)
#: Words in angle brackets that are keys or program output, not something to fill in
#: (also in braces: SendKeys' `{INS}`); `<A0>` is a non-breaking space the archive's
#: conversion wrote out, `<blank>` / `<not available>` a value a listing shows empty.
_NOT_NAMES = frozenset(
    """none nil null unknown invalid empty dir enter return cr lf crlf esc tab space
    del ins home end backspace bs ctrl alt shift up down left right pgup pgdn break
    f1 f2 f3 f4 f5 f6 f7 f8 f9 f10 f11 f12 eof eol
    int char long short double float bool void string unsigned byte wchar_t t
    escape insert delete a0 blank""".split()
) | {"not available"}
#: A key chord (`<Ctrl-C>`, `{CTRL-A}`, `<Alt+F4>`): keys pressed, not a value typed.
_KEY_CHORD_RE = re.compile(r"(?:ctrl|alt|shift)[-+]\w+", re.IGNORECASE)
#: C++ standard headers an article's "Required Header" names alone on a line
#: (`<algorithm>`, `<vector>`): a header to include, not a value to fill in.
_STD_HEADERS = frozenset(
    """algorithm bitset complex deque exception fstream functional iomanip ios iosfwd
    iostream istream iterator limits list locale map memory new numeric ostream queue set
    sstream stack stdexcept streambuf string strstream typeinfo utility valarray vector
    xstring""".split()
)
_ANGLE_RE = re.compile(r"<(?P<t>[A-Za-z][A-Za-z0-9 _.:/\\-]{0,40}?)>")
_BRACE_RE = re.compile(r"(?<![$%{\w])\{(?P<t>[A-Za-z][A-Za-z0-9_-]{2,40})\}(?!\})")
_GUID_RE = re.compile(r"[0-9A-Fa-f]{8}-")
#: The lookahead first (every match starts with one of its letters): the lookbehind
#: after it made the search try the whole pattern at every position of a text.
_YOUR_RE = re.compile(
    r"(?=[Yyscdmhp])(?<![\w%$])(?P<t>(?:[Yy]our|YOUR)[_-]?[A-Z][A-Za-z0-9]*"
    r"|your[_-]?(?:server|domain|host|computer|machine|user|site|database|db|instance|"
    r"cluster|namespace|node|share|folder|app|service|account|tenant|subscription|"
    r"resource|vault|region|project|mail|url|port|printer|dc)[a-z0-9_.-]*"
    r"|(?:server|computer|share|domain|machine|host|printer)_?name)(?![\w%])",
)
#: `MyServer`-like names: placeholders in a Markdown command, program identifiers in
#: the archive's code listings (`MyData`, `MYAPP`), so counted in Markdown code only.
_MY_RE = re.compile(
    r"(?<![\w%$])(?P<t>(?:[Mm]y|MY)[_-]?[A-Z][A-Za-z0-9]*|my[_-]?(?:server|domain|host|"
    r"computer|user|database|db|instance|cluster|namespace|node|share|app|account|pod|"
    r"pvc|project)[a-z0-9_.-]*)(?![\w%])"
)
#: In Markdown code, a stand-in in capitals (`rbd mirror image status POOL_NAME/IMAGE_NAME`,
#: not `$NODE_NAME`, `<POD_NAME>`, `CONTAINER_IMAGE` or a key `OPERATOR_NAME:`) or a
#: lower-case name of several words in braces (`{myfile_with_certs.crt}`; not `{end}`).
_CAPS_RE = re.compile(
    r"(?<![\w$%{<.=/-])(?P<t>(?:[A-Z][A-Z0-9]*_)+(?:NAME|ID|NAMESPACE|NODE|POD|IP|HOST))"
    r"(?![\w=>}:(-])|(?<=/)(?P<u>(?:[A-Z][A-Z0-9]*_)+(?:NAME|ID))(?![\w=>}:(-])"
    r"|(?<![$\w{])(?P<b>\{[a-z][a-z0-9]*(?:[_.-][a-z0-9]+)+\})(?!\})"
)
_WHERE_RE = re.compile(
    r"\bwhere\s+[\"'`]?(?P<t>[^\s\"'`]{1,30}?)[\"'`]?:?\\?\s+"
    r"(?:is|are|represents|stands for)\s+(?:the|your|a|an)\b"
    r"|\breplace\s+[\"'`]?(?P<r>[^\s\"'`]{1,30}?)[\"'`]?\s+with\b",
    re.IGNORECASE,
)
#: An xBase (FoxPro, dBASE) statement `REPLACE field WITH expr`, written in capitals as
#: such code is: it names a field the program sets, not a stand-in the text says to
#: replace ("replace "filename" with the path", "Replace NAME with your server").
_XBASE_REPLACE_RE = re.compile(r"REPLACE\s.*\sWITH$", re.DOTALL)
#: A line or paragraph that opens with a placeholder and says what it is: "<domain>
#: Specifies the name of a Windows NT domain.", "- <SBS_path> is the path to ...",
#: "Where: - <Platform> is one of the following:": a syntax's parameter explained, as
#: "where <x> is" explains one, not a command that uses it. (`_OPENS_RE` is matched
#: whole on the text before the placeholder, `_EXPLAINED_AS_RE` right after it.)
_OPENS_RE = re.compile(r"\s{0,3}(?:[-*]\s{1,3}|[Ww]here:?\s{1,3}(?:-\s{1,3})?)?")
_EXPLAINED_AS_RE = re.compile(
    r"\s{1,3}(?:is|are|specifies|represents|indicates|identifies|means|(?:can|must|should) be)\s",
    re.IGNORECASE,
)
#: In plain text, what makes a placeholder's surroundings a command: an instruction
#: word shortly before it.
_TYPE_WORD_RE = re.compile(r"\b(?:type|run|enter|execute|command|prompt|syntax)\b", re.I)
#: ... unless a message is quoted: "error C1007: unrecognized flag '<flag>'".
_MESSAGE_WORD_RE = re.compile(r"\b(?:error|warning|fatal|message)\b", re.I)
_FENCE_RE = re.compile(r"^\s*(`{3,}|~{3,})")
#: A line of sample log output in a Markdown code block ("I1130 12:15:18.635 ...",
#: "2023-11-06T11:11:41Z ...", a JSON log record, an event entry's "Computer: <name>"; round
#: 34: a Go program's "1 drain_controller.go:173] node x: Evicted pod <namespace>/..."):
#: output shown, not a command typed.
_LOG_LINE_RE = re.compile(
    r"^\s*(?:[IWEF]\d{4} \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\{\"\w+\":|"
    r"(?:\d{1,8}\s{1,8})?[\w-]{1,60}\.go:\d{1,6}\]\s|"
    r"(?:level|time|ts)=\S|(?-i:Log Name|Source|Date|Event ID|Task Category|Level|Keywords|"
    r"User|Computer|Description|Event Type|Event Source|Event Category):)",
    re.IGNORECASE,
)


def _quoted_message(line: str) -> bool:
    """A code line that is one quoted string of words (`"duplicate cr detected, names are
    <CR1> and <CR2> ..."`): a message as printed, not a command (round 25)."""
    said = line.strip()
    return len(said) >= 4 and said[0] == said[-1] == '"' and '"' not in said[1:-1] and " " in said


#: A fenced block's info string that marks program output (the docs' own convention).
_OUTPUT_INFO = frozenset({"output", "console-output"})
#: A logged event shown whole in a listing ("Log Name: Application" ... its Description
#: and Event Xml): everything after it in the block is the event.
_EVENT_START_RE = re.compile(r"^\s*Log Name:\s")
#: A PowerShell Format-List line of output after a command (`ComputerName   : <host>`).
_LIST_OUTPUT_RE = re.compile(r"^\s*[A-Za-z][\w ]*?\w {2,}: ")
#: The end of a plain-text lead announcing what the indented text under it shows: "you
#: receive the following error message:", "the following entry is logged:", "displays
#: the following information:" (a message or output, not something to type).
_SHOWN_WORDS_RE = re.compile(
    r"\b(?:errors?|messages?|warnings?|entry|entries|events?(?: ID)?|logged|log file|output|"
    r"displays?|displayed|information|similar to the following|resembles?|returned|appears?)\b",
    re.IGNORECASE,
)
_TYPING_WORDS_RE = re.compile(
    r"\b(?:type|typing|run|enter|execute|add|added|adding|set|change|edit|create|insert|"
    r"append|include|replace|uses?|modify|command|syntax|lines?|code|example|steps?|"
    r"procedures?|perform(?:ing)?)\b",
    re.IGNORECASE,
)


#: A lead that names the message it announces: "you receive the following error message",
#: "one of the following messages", "the following error will occur", "an error message
#: similar to the following" (the words between never a step, command or example).
_MESSAGE_LEAD_RE = re.compile(
    r"\b(?:the|one of the)\s+following\s+(?:(?!(?:steps?|commands?|examples?|procedures?|"
    r"methods?|lines?|text|code|to)\b)[\w()-]+\s+){0,3}?(?:error\s+)?(?:messages?|errors?|"
    r"warnings?|dialog box|output|results?)\b"
    r"|\b(?:messages?|errors?|warnings?|output|results?)\s+(?:similar to|like|resembling)\s+"
    r"(?:this|the following)\b|\ba similar result\b"
    # "The following is an example of an error that you may receive ..." (round 32)
    r"|\ban?\s+example\s+of\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:error\s+)?"
    r"(?:messages?|errors?|warnings?|output)\b",
    re.IGNORECASE,
)
#: The scene of a message ("when you try to run X", "if a user types Y"): what the user
#: did when it appeared, not an instruction to type what follows.
_SCENE_RE = re.compile(
    r"\b(?:when|if|after|while|whenever)\s+(?:you|users?|a user)\s+(?:try\s+to\s+|"
    r"attempt\s+to\s+)?(?:type|typing|run|enter|execute)\b",
    re.IGNORECASE,
)
#: The same scene with any verb of doing ("when you use an updatable join", "when you
#: attempt to call a function"): in a lead that names a message, what the user did when
#: it appeared, not an order to type what follows (round 32).
_ANY_SCENE_RE = re.compile(
    r"\b(?:when|if|after|while|whenever)\s+(?:you|users?|a user)\s+(?:try\s+to\s+|"
    r"attempt\s+to\s+)?(?:type|typing|run|enter|execute|use|call|start|open)\b",
    re.IGNORECASE,
)
#: After a message lead, an order to type: a typing verb, or a command or syntax the
#: lead points at ("... the following command:"), not one it names in the scene ("...
#: a 16-bit DLL registered with the DECLARE-DLL command") (round 32).
_ORDER_AFTER_RE = re.compile(
    r"\b(?:type|typing|run|enter|execute)\b|\bfollowing\s+(?:command|syntax)\b",
    re.IGNORECASE,
)
#: An MS KB paragraph that is a log or an event entry: a line stamped "1/16/2001 2:27:39
#: PM", or "Event ID: 12035" (its Description's `<volume name>` is what was logged), or
#: (round 34) an event's header written "Date: <date> Event: 1053" (its `<date>` and
#: `<time>` are the logged entry's, nothing typed).
_PLAIN_LOG_RE = re.compile(
    r"^\s*(?:\d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}|Event ID:\s*\d|"
    r"Date:\s{0,3}\S{1,30}\s{1,8}Event(?: ID)?:\s{0,3}\d)",
    re.MULTILINE,
)
#: MS KB sections that say what the user saw and why: an indented listing there that no
#: lead says to type (a message, a sample entry, the line Setup removed) is shown text.
_SEEN_SECTIONS = frozenset({"symptoms", "symptom", "cause", "causes"})
#: After a message lead: an instruction to type something after all ("... when you type
#: the following command:"), so what follows is a command.
_TYPED_AFTER_RE = re.compile(r"\b(?:type|typing|run|enter|execute|command|syntax)\b", re.I)
#: Paragraphs between a message lead and its message, or between messages: "-or-", a
#: bare bullet, a short label ("IIS 4.0:"), the message's own "where <x> is ...".
#: A paragraph that is one quoted string (a message as printed), a period after it or not.
_QUOTED_PARA_RE = re.compile(r"\"[^\"]{1,600}\"\.?")
#: The start of another article's title in a list of references ("Q136557 BUG: SHOW
#: WINDOW <name> REFRESH in BROWSE VALID Does Not Work"): a title, not a command.
_KB_TITLE_RE = re.compile(r"\bQ\d{5,6}\s{1,3}[A-Z]{2,8}\d{0,3}:\s[^.:]{0,100}$")
_BETWEEN_MESSAGES_RE = re.compile(
    r"^(?:-?\s*or\s*-?|-|\*|[^.:]{1,40}:|where\s.{0,300})$", re.IGNORECASE | re.DOTALL
)


def _message_lead(para: str) -> bool:
    """Whether a plain-text paragraph's last sentence announces a message (or program
    output) by name, with no instruction to type after the announcement."""
    text = _normal(para)
    sentence = re.split(r"(?<=[.;])\s", text.rstrip(" .:"))[-1]
    match = _MESSAGE_LEAD_RE.search(sentence)
    # "... may appear when you try to run the MOVEUSER.EXE utility": the scene, no order
    after = _ANY_SCENE_RE.sub("", sentence[match.end() :]) if match else ""
    return bool(match) and not _ORDER_AFTER_RE.search(after)


def _shown_lead(para: str) -> bool:
    """Whether a plain-text paragraph ends announcing a message or output shown under
    it: its last clause (after the last sentence end or comma) names one, and its last
    sentence says nothing of typing or adding ("... should be added after CONNECT_EC=, as
    in the following example, which uses the text from the above error message:")."""
    text = _normal(para)
    if not text.endswith(":"):
        return False
    sentence = re.split(r"[.;]\s", text)[-1]
    clause = re.split(r",\s", sentence)[-1]
    # "The most frequently encountered error ... when you use an updatable join is:": the
    # scene's "use" is no order to type (round 32)
    said = _ANY_SCENE_RE.sub("", sentence)
    return bool(_SHOWN_WORDS_RE.search(clause)) and not _TYPING_WORDS_RE.search(said)


_INLINE_CODE_RE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_TOKEN_CHARS_RE = re.compile(r"[^\s\"'`]+")


@dataclass(frozen=True)
class Placeholder:
    """One placeholder in one command of the article, with the words beside it."""

    token: str
    command: str  # the command (code line, code span or typed text), one line
    left: str  # the nearest word before the token in the command ("" at its start)
    right: str  # the nearest word after it ("" at its end)
    left_word: str = ""  # `left` uncut, to read a placeholder in it (`<TableName>.`)
    right_word: str = ""


@dataclass(frozen=True)
class _Context:
    """A stretch of article text that may hold commands."""

    text: str  # whitespace collapsed
    code: bool  # Markdown code, or an indented plain-text block (a listing, typed lines)
    section: str  # the section's text, to see an XML element's closing tag
    markdown: bool
    #: a message or output the article marks as such (under "you receive the following
    #: error message:"): not a command, counted apart (`shown_placeholders`)
    shown: bool = False


def _contexts(article: Article) -> Iterator[_Context]:
    """Markdown: each line of fenced code and each inline code span with a space in it
    (a lone `<name>` in backticks is a mention, not a command). MS KB plain text: each
    paragraph, marked code when its first line is indented."""
    markdown = article.style == "markdown"
    for section in article.sections:
        if not markdown:
            shown = False  # under a lead that announces a message or output
            typed = False  # under a lead that says to type or run what follows
            seen = section.key in _SEEN_SECTIONS
            for para in re.split(r"\n\s*\n", section.text):
                indented = para.startswith(("  ", "\t"))
                # "... the following error message appears:" + a message quoted whole but not
                # indented ("The dynamic link library ... path <PATH>"): shown (round 32)
                quoted = shown and not indented and bool(_QUOTED_PARA_RE.fullmatch(_normal(para)))
                if (
                    not indented
                    and not quoted
                    and not (shown and _BETWEEN_MESSAGES_RE.match(_normal(para)))
                ):
                    shown = _shown_lead(para) or _message_lead(para)
                    last = re.split(r"(?<=[.;])\s", _normal(para).rstrip(" .:"))[-1]
                    typed = bool(_TYPED_AFTER_RE.search(last))
                # "you receive the following error message:" + the message; in SYMPTOMS or
                # CAUSE any listing no lead says to type: what the user saw, or a sample
                listing = seen and indented and not typed
                logged = bool(_PLAIN_LOG_RE.search(para))  # a log or an event entry
                yield _Context(
                    _normal(para),
                    indented,
                    section.text,
                    False,
                    (indented and (shown or listing)) or logged or quoted,
                )
            continue
        fence = ""
        output = False  # a block marked ```output, or a logged event: shown, not typed
        lead = ""  # the paragraph before a fence: "the example file ... as follows:"
        blank = False
        for line in section.text.split("\n"):
            opened = _FENCE_RE.match(line)
            if fence:
                if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                    fence = ""
                elif line.strip() and not output and _EVENT_START_RE.match(line):
                    output = True
                elif line.strip() and not output and not _LOG_LINE_RE.match(line):
                    if _LIST_OUTPUT_RE.match(line) or _quoted_message(line):
                        continue  # `ComputerName   : <host>`: Format-List output
                    yield _Context(_normal(line), True, section.text, True)
                continue
            if opened:
                fence = opened.group(1)
                output = line.strip()[len(fence) :].strip().casefold() in _OUTPUT_INFO
                output = output or example_listing_lead(lead)  # a sample file, only shown
                continue
            if line.strip():  # the paragraph's lines, joined
                lead = f"{lead} {line.strip()}" if lead and not blank else line.strip()
            blank = not line.strip()
            for span in _INLINE_CODE_RE.findall(line):
                if " " in span.strip():
                    yield _Context(_normal(span), True, section.text, True)


def _angle_ok(token: str, context: _Context, start: int) -> bool:
    """Not an HTML tag (`<BR/>` too), an XML element closed in the same section, a key
    or program output (`<ENTER>`, `<DIR>`, `<none>`), a C header (`#include <stdio.h>`)
    or a C++ template argument (`vector<int>`, `template <class T>`)."""
    word = token.split()[0].rstrip("/")
    if word.lower() in _HTML_TAGS or token.lower() in _NOT_NAMES or "=" in token:
        return False
    if word.lower() in {"no", "not"} and " " in token:
        return False  # `<NO NAME>`, `<Not Selected>`: a value shown as it is, like `<blank>`
    if _KEY_CHORD_RE.fullmatch(token) or (
        token.lower() in _STD_HEADERS and context.text == f"<{token}>"
    ):
        return False  # a key pressed, or a "Required Header" line
    if token.endswith("/") or word in ("class", "typename"):
        return False
    before = context.text[:start]
    if before.rstrip().endswith(("#include", "#import", "template")) or before[-1:].isalnum():
        return False  # `#import <msado15.dll>`: the system's own file, never a value to type
    if "Q" in before and _KB_TITLE_RE.search(before[-100:]):
        return False  # another article's title in a list of references (round 32)
    return f"</{word}" not in context.section


def _brace_ok(token: str) -> bool:
    """A name to fill in ({ServerName}), not a GUID, a template keyword ({end}) or a
    key (`{INS}`)."""
    if token.lower() in _NOT_NAMES or _KEY_CHORD_RE.fullmatch(token):
        return False  # SendKeys' `{INS}`, `{Down}`, `{CTRL-A}`: keys, not names
    return any(c.isupper() or c == "_" for c in token) and not _GUID_RE.match(token)


def _in_command(context: _Context, start: int) -> bool:
    """Whether a plain-text position is in a command: an indented block, a quoted
    string, or within 60 characters after type/run/enter/execute/command/prompt/syntax;
    never within 80 characters after error/warning/fatal/message (a quoted message)."""
    before = context.text[:start]
    if _MESSAGE_WORD_RE.search(before[-80:]):
        return False
    quoted = before.count('"') % 2 == 1
    if quoted and _QUOTE_NAMED_RE.match(context.text, context.text.find('"', start) + 1 or start):
        return False  # `"Can't find site <site name>" error in Session Log.` (round 32)
    if context.code or quoted:
        return True
    return bool(_TYPE_WORD_RE.search(before[-60:]))


#: What a quoted string is when the words right after its closing quote name it: a
#: message, a prompt, a dialog box's text (`the "Will you allow <username> ...?" dialog`).
_QUOTE_NAMED_RE = re.compile(
    r"[\s,.]{0,3}(?:error|message|warning|prompt|dialog|event)\b", re.IGNORECASE
)


#: A placeholder of several words (`<Computer Name>`): one word when it neighbours another.
_SPACED_ANGLE_RE = re.compile(r"<[A-Za-z][^<>\n]{0,40}? [^<>\n]{0,40}>")
_HELD = "\x00"  # stands for a space inside such a placeholder while words are split


def _side_words(context: str, start: int, end: int) -> tuple[str, str, str, str]:
    """The neighbouring words cut to 12 characters, and uncut; a neighbouring placeholder
    of several words (`\\\\<Computer Name>\\` beside `<Printer Share Name>`) is one word,
    so an answer filled in for it is read as the neighbour it is."""
    if " " in context and "<" in context:
        context = _SPACED_ANGLE_RE.sub(lambda m: m.group(0).replace(" ", _HELD), context)
    before = _TOKEN_CHARS_RE.findall(context[:start])
    after = _TOKEN_CHARS_RE.findall(context[end:])
    left, right = (before[-1] if before else ""), (after[0] if after else "")
    left, right = left.replace(_HELD, " "), right.replace(_HELD, " ")
    return left[-12:], right[:12], left, right


def _explaining(text: str, start: int) -> bool:
    """Whether a position in plain text lies in the article's explanation of a token:
    after "where x is" and before that sentence ends ("where path is the path to your
    MOUSE.SYS file."): the explanation's words are no use of the token."""
    for match in _WHERE_RE.finditer(text, 0, start):
        if match.group("t") is None:
            continue  # "replace X with": code such as FoxPro's `REPLACE x WITH y` too
        end = re.compile(r"[.;](?=\s|$)").search(text, match.end())
        if match.start() < start < (end.start() if end else len(text)):
            return True
    return False


def _may_hold(article: Article) -> bool:
    """Whether any placeholder form occurs in the article's text at all: most articles
    hold none, and reading each paragraph for message leads is most of this metric's
    cost. A form found in a paragraph or a code line is found in the whole text too.
    Each pattern runs only where a word it needs occurs: their lookbehinds make them
    try every position of a text."""
    raw = "\n".join(section.text for section in article.sections)
    low = raw.lower()
    text = _normal(raw)
    return bool(
        ("<" in raw and _ANGLE_RE.search(text))
        or ("{" in raw and _BRACE_RE.search(text))
        or (("your" in low or "name" in low) and _YOUR_RE.search(text))
        or (article.style == "markdown" and "my" in low and _MY_RE.search(text))
        or (article.style == "markdown" and ("_" in raw or "{" in raw) and _CAPS_RE.search(text))
        or (("where" in low or "replace" in low) and _WHERE_RE.search(text))
    )


def command_placeholders(
    article: Article, excluded: list[tuple[str, Placeholder]] | None = None
) -> list[Placeholder]:
    """Every (placeholder, command) pair in the article, once each; `excluded` (when
    given) gets the pairs left out as ("message", pair): in a message or output the
    article marks as such, or ("explanation", pair): an explained token's word in its
    own explanation.

    Strong forms: `<name>` (see _angle_ok), `{Name}` (with a capital or `_`; not `${x}`,
    `{{x}}`, a GUID), `YourServer` / `your_domain` / `servername`-like words, and in
    Markdown code `MyServer` / `my-namespace`. Weak forms: a token the text explains
    ("where x is the drive", "replace NAME with"), counted where it appears in Markdown
    code, or in plain text in the explaining paragraph or the one before it (a
    one-letter token only as a drive, `x:`). In plain text every occurrence must be in
    a command (_in_command). The explanation itself ("where <drive> is") is not a use.
    """
    if not _may_hold(article):
        return []
    found: dict[tuple[str, str], Placeholder] = {}
    left_out: dict[tuple[str, str], tuple[str, Placeholder]] = {}
    contexts = list(_contexts(article))
    weak: set[str] = set()
    for section in article.sections:
        for match in _WHERE_RE.finditer(_normal(section.text)):
            if match.group("r") is not None and _XBASE_REPLACE_RE.match(match.group(0)):
                continue  # FoxPro's `REPLACE Tag WITH ""`: a field the code sets, no stand-in
            token = (match.group("t") or match.group("r") or "").rstrip(":\\.,;")
            if token and not _ANGLE_RE.fullmatch(token) and token.lower() not in ("it", "this"):
                weak.add(token)

    taken: list[tuple[int, int]] = []  # spans found in the current context

    def add(token: str, context: _Context, start: int, end: int, plain_ok: bool) -> None:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            return  # inside one found already: `your_domain.com` in `<your_domain.com>`
        taken.append((start, end))
        text = context.text
        clause = text[max(0, start - 12) : start].lower().rstrip(" \"'`")
        if clause.endswith(("where", "replace")):
            return  # the explanation itself ("where <drive> is ..."), not a use
        if not context.markdown and not (plain_ok or _in_command(context, start)):
            return
        left, right, left_word, right_word = _side_words(text, start, end)
        pair = Placeholder(token, text[:300], left, right, left_word, right_word)
        why = "message" if context.shown else ""
        if plain_ok and not context.markdown and _explaining(text, start):
            why = "explanation"
        if not why and _OPENS_RE.fullmatch(text, 0, start) and _EXPLAINED_AS_RE.match(text, end):
            why = "explanation"  # "<MIF_directory> Specifies a directory path for ..."
        if not why and _EXPLAINED_AS_RE.match(text, end) and _explaining(text, start):
            # "where <path> is the drive ... and <destination> is the drive ...": the second
            # token explained in the same sentence, no use of it (round 32)
            why = "explanation"
        if why:
            left_out.setdefault((token, text), (why, pair))
        elif (token, text) not in found:
            found[(token, text)] = pair

    # whether each paragraph explains a token: searched once, and only when one is
    where = [bool(_WHERE_RE.search(c.text)) for c in contexts] if weak else []
    for n, context in enumerate(contexts):
        taken.clear()
        if context.code or not context.markdown:
            for match in _ANGLE_RE.finditer(context.text):
                if _angle_ok(match.group("t"), context, match.start()):
                    add(match.group(0), context, *match.span(), plain_ok=False)
            for match in _BRACE_RE.finditer(context.text):
                if _brace_ok(match.group("t")):
                    add(match.group(0), context, *match.span(), plain_ok=False)
            for match in _YOUR_RE.finditer(context.text):
                add(match.group(0), context, *match.span(), plain_ok=False)
        if context.markdown and context.code:
            for match in _MY_RE.finditer(context.text):
                if re.search(rf"(?:^|[\s;(]){re.escape(match.group(0))}=", context.section):
                    continue  # `MYPOD=...`: a variable the runbook sets, not a value to type
                add(match.group(0), context, *match.span(), plain_ok=True)
            for match in _CAPS_RE.finditer(context.text):
                name = re.escape(match.group(0))
                if re.search(rf"(?:^|[\s;(`]){name}=|\bfor\s+{name}\s+in\b", context.section):
                    continue  # `POOL_NAME=...`, `for MASTER_POD in`: set by the runbook
                add(match.group(0), context, *match.span(), plain_ok=True)
        near = (context.markdown and context.code) or (
            not context.markdown and any(where[n : n + 2])
        )
        if not weak or not near:
            continue
        for token in sorted(weak):  # sorted: set order changes with the hash seed
            tail = r"(?=:)" if len(token) == 1 else r"(?![\w])"
            for match in re.finditer(rf"(?<![\w\\]){re.escape(token)}{tail}", context.text):
                add(token, context, *match.span(), plain_ok=True)
    if excluded is not None:
        # a pair also found outside a message (the same line typed elsewhere) is counted
        excluded.extend(v for k, v in left_out.items() if k not in found)
    return list(found.values())


def _sentinel(n: int) -> str:
    return f"qzvar{n}qz"


def placeholder_used(ph: Placeholder, rendered: list[str]) -> bool:
    """Whether some checklist item, its inputs filled with sentinels, holds a sentinel
    right beside one of the command's neighbouring words (at most a quote or a space
    between them; either side; none needed when the placeholder is the whole command)."""
    for text in rendered:
        for match in re.finditer(r"qzvar\d+qz", text):
            if not ph.left and not ph.right:
                return True
            before = text[: match.start()].rstrip(" \"'`")
            after = text[match.end() :].lstrip(" \"'`")
            if (ph.left and before.endswith(ph.left)) or (ph.right and after.startswith(ph.right)):
                return True
            # a neighbour that is or holds a placeholder (`delete <subvolume> <snapshot>`,
            # `<TableName>.<StatisticsName>`, `\\<servername>\<printername>`) may be
            # filled in too: its sentinel (or the placeholder as written) stands there
            left_re, right_re = _neighbour_re(ph.left_word), _neighbour_re(ph.right_word)
            if (left_re and re.search(rf"{left_re}$", before)) or (
                right_re and re.match(right_re, after)
            ):
                return True
    return False


def _neighbour_re(word: str) -> str:
    """A pattern for a neighbouring word holding a placeholder, each placeholder in it
    matching its sentinel or itself; "" when it holds none."""
    parts = _NEIGHBOUR_PH_RE.split(word)
    if len(parts) == 1:
        return ""
    holes = [rf"(?:qzvar\d+qz|{re.escape(m)})" for m in _NEIGHBOUR_PH_RE.findall(word)]
    out = re.escape(parts[0])
    for hole, part in zip(holes, parts[1:], strict=True):
        out += hole + re.escape(part)
    return out


#: A neighbouring word that is a placeholder itself: `<subvolume>`, `{Name}`, the
#: `servername` of `\\servername\sharename`, an explained `[directory]`, a stand-in in
#: capitals (`POOL_NAME` of `POOL_NAME/IMAGE_NAME`).
_NEIGHBOUR_PH_RE = re.compile(
    r"<[A-Za-z][^<>]{0,40}>|\{[A-Za-z_][\w-]{1,40}\}|\[[A-Za-z]\w{0,20}\]"
    r"|(?<![\w$])(?:[A-Z][A-Z0-9]*_)+(?:NAME|ID|NAMESPACE|NODE|POD|IP|HOST)(?![\w-])"
    r"|(?i:(?:your)?(?:server|share|computer|domain|machine|host|printer|user)_?name)(?![\w-])"
)


def rendered_items(checklists: list[Checklist]) -> list[str]:
    """Every item (detail included) of every walk's outcome, each input answered on that walk
    shown as a
    sentinel (`qzvarNqz`), so a test can see where an input lands in the text."""
    out: list[str] = []
    for checklist in checklists:
        inputs = [s.node.var for s in checklist.steps if isinstance(s.node, Input)]
        values = {var: _sentinel(n) for n, var in enumerate(inputs) if var}
        for _part, items in checklist.outcome.item_lists():
            for item in items:
                # a command kept verbatim in the item's detail is part of the item
                detail = f" {item.detail.render(values)}" if item.detail is not None else ""
                out.append(_normal(item.template.render(values) + detail))
        # a check shown before the input it reveals ("Run this check first") uses answers
        for step in checklist.steps:
            if isinstance(step.node, Info) and step.node.text is not None:
                out.append(_normal(step.node.text.render(values)))
    return out
