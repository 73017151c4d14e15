"""Values a draft must not ask: what an example shows rather than what the admin types.

Readers marked inputs made from the article's example output (`C:\\>path` and the
`PATH=C:\\WINNT\\System32;...` it printed), from a sample file the fix only shows
(`GeneratedBy="MyUserName"` in "the fixed version of the example Configuration file"),
from a file the fix itself creates and then names bare (`C:\\FIXLPT1.COM` beside
`FIXLPT1.COM` in AUTOEXEC.BAT), from keys and headers (`{TAB}`, `#include <cstdlib>`,
the archive's `<A0>`), and a "Replace <x> with ..." note left in a step after `<x>` was
filled in. Each test here is cheap (a substring test before any regex).
"""

from __future__ import annotations

import re

#: A console prompt and the command typed after it (`C:\>path`, `C:\WINDOWS>mem /c`):
#: the lines under it, up to a blank line or the next prompt, are what it printed.
_PROMPT_RE = re.compile(r"^\s*[A-Za-z]:\\[^<>\n\"|]{0,60}>\s*\S")


def session_output(text: str, at: int) -> bool:
    """Whether position `at` is on a line a console session printed: under a prompted
    command (`C:\\>path` then `PATH=C:\\WINNT;...`), in the same block of lines."""
    if ":\\" not in text or ">" not in text:
        return False
    start = max(text.rfind("\n", 0, at), text.rfind("\x1f", 0, at)) + 1
    if _PROMPT_RE.match(text, start):
        return False  # the prompted command itself is typed
    before = text[:start]
    block = before[max(before.rfind("\n\n"), before.rfind("\x1f")) + 1 :]
    return any(_PROMPT_RE.match(line) for line in block.split("\n") if line.strip())


#: A lead that calls its listing an example file the fix only shows: "For example, the
#: following XML Configuration file is generated ...", "the fixed version of the example
#: Configuration file ... will be as follows:", "A sample INI file looks like this:".
_EXAMPLE_FILE_RE = re.compile(
    r"\b(?:example|sample)\s+(?:[\w.-]+\s+){0,2}(?:file|listing)\b"
    r"|\bthe following\s+(?:[\w.-]+\s+){0,3}file\s+(?:is|was)\s+(?:generated|created|written)\b",
    re.IGNORECASE,
)
#: An instruction that makes the listing something to type after all ("Type the
#: following in the example file:", "For example, add these lines to the sample file:"),
#: not a verb of the scene ("... is generated when you use BIDS to create a package").
_TYPE_IT_RE = re.compile(
    r"(?:^|[,;]\s*|\bthen\s+|\band\s+|\byou\s+(?:can|must|should)\s+)"
    r"(?:type|enter|run|paste|copy|add|insert|create|save|execute)\b",
    re.IGNORECASE,
)


def example_listing_lead(lead: str) -> bool:
    """Whether a step's lead shows its detail as an example file, not a text to type:
    the values in it (`MyUserName`, `<guid>`) are the example's, never asked."""
    low = lead.casefold()
    if "example" not in low and "sample" not in low and "generated" not in low:
        return False
    sentence = re.split(r"(?<=[.!?])\s+", lead.strip())[-1]
    return bool(_EXAMPLE_FILE_RE.search(sentence)) and not _TYPE_IT_RE.search(sentence)


#: A file name at the end of a literal path (`C:\FIXLPT1.COM`, `C:\DOS\SHARE.EXE`).
_FILE_TAIL_RE = re.compile(r"\\(?P<f>[\w$~-]{1,40}\.[A-Za-z0-9]{1,4})$")


#: What names the file a fix makes itself: "Save the file as C:\\FIXLPT1.COM", "create a
#: file named C:\\FIX.BAT" (not a program's or system file's path, which is asked).
_SAVED_AS_RE = re.compile(
    r"\b(?:save|saving|name|naming|rename)\s+(?:the|this|it|your)?\s*(?:new\s+)?(?:file|"
    r"script|program|batch file)?\s*(?:as|to)\s+[\"']?$"
    r"|\bcreate\s+a\s+(?:new\s+)?(?:text\s+|batch\s+)?file\s+(?:named|called)\s+[\"']?$",
    re.IGNORECASE,
)


def own_file_elsewhere(literal: str, text: str, start: int, items: list[str]) -> bool:
    """Whether a literal path is a file the fix makes ("Save the file as C:\\FIXLPT1.COM")
    that its steps also write bare (`FIXLPT1.COM` in AUTOEXEC.BAT): asking the path would
    change one spelling and leave the others as the article wrote them."""
    tail = _FILE_TAIL_RE.search(literal)
    if tail is None or not _SAVED_AS_RE.search(text[max(0, start - 40) : start]):
        return False
    name = tail.group("f")
    bare = re.compile(rf"(?<![\w\\/.:]){re.escape(name)}(?![\w])", re.IGNORECASE)
    return any(name.casefold() in item.casefold() and bare.search(item) for item in items)


#: Keys pressed (`{TAB}`, `<Enter>`, `<Ctrl-C>`), the archive's written-out non-breaking
#: space `<A0>`: never a value to type. (Shown values like `<blank>` are stand_ins'.)
_KEY_NAMES = frozenset(
    """enter return cr lf crlf esc escape tab space del delete ins insert home end
    backspace bs ctrl alt shift up down left right pgup pgdn break a0
    f1 f2 f3 f4 f5 f6 f7 f8 f9 f10 f11 f12""".split()
)
_KEY_CHORD_RE = re.compile(r"(?:ctrl|alt|shift)[-+]\w+", re.IGNORECASE)


def key_or_header(literal: str, text: str, start: int) -> bool:
    """Whether a bracketed placeholder is a key (`{TAB}`, `<Ctrl-C>`), the archive's
    `<A0>`, or a C/C++ header after `#include` (`<cstdlib>`): nothing to ask."""
    if literal[:1] not in "<{" or len(literal) < 3:
        return False
    inner = literal[1:-1].strip()
    if inner.casefold() in _KEY_NAMES or _KEY_CHORD_RE.fullmatch(inner):
        return True
    return literal[0] == "<" and text[max(0, start - 12) : start].rstrip().endswith("#include")


#: "Replace <User SID> with the SID of your user account." once `<User SID>` became the
#: answer: the sentence would read "Replace S-1-5-21-... with the SID ...". The dots the
#: sentence runs on past ("e.g.,", "i.e. the", "1.5") each match one alternative only: two
#: that overlap made a sentence with twenty "e.g.," take seconds (exponential backtracking).
_REPLACE_NOTE_RE = re.compile(
    r"(?:^|(?<=\n)|(?<=\x1f)|(?<=[.:]\s))[ \t]*(?:Note:\s*)?(?:Replace|Substitute)\s+"
    r"\{[a-z]+_\d+\}\s+with\b"
    r"(?:[^.\n\x1f]|\.(?=\w|,)|(?<=\be\.g)\.(?![\w,])|(?<=\bi\.e)\.(?![\w,]))*"
    r"(?:\.(?=[\s)*\"']|$)|(?=[\n\x1f])|$)[)*\"']*[ \t]*",
)


#: "Note: In this command, <servername> represents the name of the print server and
#: <printername> represents the share name of the printer." once both are answers: the
#: checklist would say "PRINTSRV represents the name of the print server". Only a
#: paragraph that is nothing but such definitions (each subject an input, one line): an
#: archive's "where X is the drive ... and\nY is the folder ..." list stays whole.
_MEANS_NOTE_RE = re.compile(
    r"(?:^|(?<=\n\n)|(?<=\x1f))[ \t]*(?:Note:\s*)?"
    r"(?:In (?:this|the above|the) (?:command|example|syntax|path|script),\s*)?"
    r"\{[a-z]+_\d+\}\s+(?:represents|stands for)\s[^.\n\x1f{]{1,120}"
    r"(?:,?\s+and\s+\{[a-z]+_\d+\}\s+(?:represents|stands for)\s[^.\n\x1f{]{1,120})?"
    r"\.[ \t]*(?=\n\n|\x1f|$)"
)


def drop_replace_notes(text: str) -> str:
    """The step without the article's "Replace <x> with ..." sentences (and "In this
    command, <x> represents ..." ones) whose `<x>` is now an input (its help quotes the
    sentence): the checklist shows the value filled in."""
    if "{" not in text:
        return text
    out = text
    if "Replace" in text or "Substitute" in text:
        out = _REPLACE_NOTE_RE.sub("", out)
    if "represents" in out or "stands for" in out:
        out = _MEANS_NOTE_RE.sub("", out)
    if out == text:
        return text
    return re.sub(r"\n{3,}", "\n\n", out).rstrip("\n ")


#: A lead whose last sentence introduces an example ("... followed by a semicolon (;).
#: For example:"): the literal values under it illustrate, the admin has their own.
_EXAMPLE_LEAD_RE = re.compile(
    r"(?:^|[.:]\s+)(?:for example|for instance|e\.g\.)[^.]{0,80}:\s*$", re.IGNORECASE
)


def example_detail(text: str, at: int) -> bool:
    """Whether position `at` is in a step's detail that its lead calls an example
    ("For example:" and then `Variable value: C:\\WINNT\\System32\\Wbem;...`)."""
    sep = text.find("\x1f")
    if sep < 0 or at < sep:
        return False
    lead = text[:sep]
    found = _EXAMPLE_LEAD_RE.search(lead) if "xample" in lead else None
    # "For example, ... you would enter the following command ...:": a command to type
    return found is not None and not _ENTER_IT_RE.search(lead, found.start())


_ENTER_IT_RE = re.compile(r"\b(?:type|enter|run|execute|command|commands)\b", re.IGNORECASE)


def not_asked(kind: str, literal: str, text: str, start: int, items: list[str]) -> bool:
    """Whether a value found at `start` of a step's askable `text` is the article's
    example rather than the admin's: printed by a console session, shown under a lead
    that calls it an example (a literal, not a placeholder), a key or header, or the
    path of a file the fix names bare elsewhere (see the functions above)."""
    if session_output(text, start):
        return True
    if kind == "placeholder":
        return key_or_header(literal, text, start)
    if example_detail(text, start) and not _said_elsewhere(text, items):
        return True
    return kind == "path" and own_file_elsewhere(literal, text, start, items)


_LITERAL_PATH_RE = re.compile(r"[A-Za-z]:\\[\w\\ .$~-]*\w")


def _said_elsewhere(text: str, items: list[str]) -> bool:
    """Whether another step writes one of the paths of this step's example detail: that
    one is asked there and filled in here, so the example's others are asked too (one
    example line half filled in reads wrong)."""
    sep = text.find("\x1f")
    detail = text[sep + 1 :]
    paths = {p.casefold() for p in _LITERAL_PATH_RE.findall(detail)}
    others = [text[:sep], *(_typed(i) for i in items if detail not in i)]
    return any(p in other.casefold() for p in paths for other in others)


def _typed(item: str) -> str:
    """A step less the lines a console session printed (see session_output)."""
    if ":\\" not in item or ">" not in item:
        return item
    kept, at = [], 0
    for line in re.split(r"(?<=[\n\x1f])", item):
        if not session_output(item, at):
            kept.append(line)
        at += len(line)
    return "".join(kept)


def before_example_listing(item: str) -> str:
    """The step up to a line that shows an example file (a detail's "For example, the
    fixed version of the example Configuration file ... will be as follows:"): what
    follows it is the example's, its `MyUserName` and `<guid>` never asked."""
    low = item.casefold()
    if "example" not in low and "sample" not in low and "generated" not in low:
        return item
    at = 0
    for line in re.split(r"(?<=[\n\x1f])", item):
        at += len(line)
        bare = line.strip()
        if bare.endswith(":") and example_listing_lead(bare):
            return item[:at].rstrip("\n")
    return item


#: Tools whose argument is a registry key (`regdelnull <path>`, `reg query <key>`).
_REGISTRY_TOOLS = frozenset({"reg", "reg.exe", "regdelnull", "regini", "regedit", "regedt32"})
_REGISTRY_SAID_RE = re.compile(r"\bregistry (?:key|subkey|path|value)s?\b|\bHKEY_|\bHKLM\b", re.I)
_TOOL_SAID_RE = re.compile(r"\b(?:tool|utility|program|command)\b", re.IGNORECASE)
_SID_WORD_RE = re.compile(r"(?<![a-z])sid(?![a-z])|security identifier", re.IGNORECASE)


#: A file spelt as a name: `ProjectName.DLL`, `SomeFileName.ini`.
_NAMED_FILE_RE = re.compile(r"(?:[A-Z][a-z]+)+Name\.[A-Za-z][A-Za-z0-9]{1,3}")


def value_kind(literal: str, kind: str, context: str, items: list[str]) -> str:
    """A placeholder's kind where the command says more than its name: a `<User SID>` is a
    SID (its help says how to read one), a `<path>` after a registry tool (`regdelnull
    <path> [-s]`, a tool the fix says deletes a registry key) a registry key, not a
    folder ("e.g. C:\\WINDOWS"); `kind` otherwise."""
    inner = literal.strip("<>{}[]")
    if _SID_WORD_RE.search(inner):
        return "SID"
    if kind == "name" and _NAMED_FILE_RE.fullmatch(literal):
        return "file name"  # `ProjectName.DLL`: a file, its extension says so (round 38)
    if kind != "path" or literal not in context:
        return kind
    words = context[: context.index(literal)].split()[-1:]
    tool = words[0].casefold().strip("\"'`") if words else ""
    if tool in _REGISTRY_TOOLS:
        return "registry key"
    if len(tool) < 4 or not tool.isalnum():
        return kind
    for item in items:  # the word before it is a tool the fix says works on the registry
        for sentence in re.split(r"(?<=[.!?])\s+", item):
            said = _TOOL_SAID_RE.search(sentence) and _REGISTRY_SAID_RE.search(sentence)
            if said and tool in sentence.casefold():
                return "registry key"
    return kind


#: The head of an explanation ("the baud rate" of "the baud rate of the local SNA Server
#: link"): what the value is, before what it belongs to.
_HEAD_END_RE = re.compile(r"\s+(?:of|for|on|in|to|that|which|used|assigned|you)\s+", re.I)
_NUMBER_HEAD_RE = re.compile(
    r"\b(?:number|count|rate|speed|size|seconds|milliseconds|minutes|hours|days|timeout|"
    r"time-?out|interval|percent(?:age)?|amount|length|limit|bytes|kilobytes|megabytes)\b",
    re.IGNORECASE,
)


def meaning_kind(meaning: str, kind: str) -> str:
    """A bare `<value>`'s kind from the head of the article's explanation: "where <value>
    is the baud rate of the local SNA Server link" is a number, not the host name the
    sentence's later "Server" suggested; `kind` when the head says no number."""
    head = _HEAD_END_RE.split(meaning, maxsplit=1)[0]
    if kind != "number" and _NUMBER_HEAD_RE.search(head) and "name" not in head.casefold():
        return "number"
    return kind


_BOLD_RE = re.compile(r"\*\*(?=\S)([^*\n\x1f]{1,60}?)(?<=\S)\*\*")


def unbold_code(text: str) -> str:
    """A support article's code without the `**` its author wrote for bold (Markdown shows
    them as asterisks there): `DBCC UPDATEUSAGE (**{placeholder_1}** **,**'...')` reads
    `DBCC UPDATEUSAGE ({placeholder_1},'...')`, a command that runs."""
    return _BOLD_RE.sub(r"\1", text)
