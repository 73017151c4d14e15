"""Reading article text for the drafter: paragraphs (blocks), sentences, clean-up, and
the literal parameters (times, paths, drive letters, file names, counts) a draft asks for.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache, wraps
from typing import Any, Generic, TypeVar

from kbassist.trees.values import InvalidValue, parse_text, parse_time

MAX_LABEL_CHARS = 100
#: When a fix is done, as articles head or prefix it ("Immediate Actions", "Short term:",
#: "Long-term Solutions"): the one vocabulary the drafter reads horizons by.
_T = TypeVar("_T")
HORIZON_WORDS = r"immediate(?:ly)?|short[- ]term|medium[- ]term|long[- ]term"
# --------------------------------------------------------------------------- paragraphs


class Hinted:
    """A regex searched only when the text may hold a match: every match of `pattern`
    holds one of `hints` (lowercase, spaces only where the pattern has a literal space),
    so an ASCII text that, lowercased, holds none cannot match (for ASCII, IGNORECASE folds
    as `lower` does); a text with other characters is always searched. `anchored`: the
    branches no hint covers all start with `^` (no MULTILINE), so without a hint only a
    match at the start is possible and `match` finds the very one `search` would. The
    rules' slowest searches (a branch tried at every position of every sentence) cost a
    substring test on most texts instead; the same results."""

    __slots__ = ("anchored", "hints", "pattern")

    def __init__(
        self, pattern: re.Pattern[str], hints: tuple[str, ...], anchored: bool = False
    ) -> None:
        self.pattern = pattern
        self.hints = hints
        self.anchored = anchored

    def search(self, text: str) -> re.Match[str] | None:
        if not text.isascii():
            return self.pattern.search(text)
        low = text.lower()
        for hint in self.hints:  # a loop, not any(): this runs ~40 times an article
            if hint in low:
                return self.pattern.search(text)
        return self.pattern.match(text) if self.anchored else None


_MARKER_RE = re.compile(r"^(?:[-*\u2022]|\d{1,2}[.)]|[a-z][.)])\s+")
_NUMBER_RE = re.compile(r"^\d{1,2}[.)]\s+")
_OR_RE = re.compile(r"^-*\s*or\s*-*$", re.IGNORECASE)
_OR_SEP_RE = re.compile(r"^-+\s*or\s*-+$", re.IGNORECASE)
_UNDERLINE_RE = re.compile(r"^[-=~]{3,}$")
# A block that is only a pointer or a disclaimer (dropped with its continuations) ...
_BOILERPLATE_BLOCK_RE = re.compile(
    r"^(?:article-id|title\s*:|q\d{5,7}\b|https?://|s e r v p a c k|"
    r"additional query words|the third-party products|the products? included here)",
    re.IGNORECASE,
)
# ... and sentences that are (dropped from the block that holds them).
_BOILERPLATE_SENTENCE_PATTERN = re.compile(
    r"^(?:for (?:more|additional|further) information|for information (?:about|on)|"
    r"microsoft (?:has confirmed|is researching|provides)|we are researching)"
    r"|make no warranty|vendor independent of microsoft|query on the following word|"
    r"charges that are normally incurred for support calls|support professional determines|"
    r"click the article numbers? below|following articles? in the microsoft knowledge base|"
    # the hotfix notice: who may apply the fix, testing, support costs (not the action)
    r"^an? (?:supported )?(?:fix|hotfix|update)\b[^.]{0,60}\b(?:is|are) (?:now )?available from "
    r"microsoft, but|^this (?:fix|hotfix) may receive additional testing|^(?:therefore, )?if you "
    r"are not severely affected|^(?:the )?(?:normal|usual|typical) support costs|"
    r"^only apply it to systems that are|^apply it only to (?:computers|systems) that are "
    r"experiencing|"
    r"^for a complete list of microsoft product support|"
    r"^microsoft used the most current virus[- ]detection software|"
    r"^microsoft scanned this file for viruses|^the file was stored on security-enhanced|"
    # the sample-code disclaimer's later sentences
    r"^this article assumes that you are familiar with the programming language|"
    r"^microsoft support (?:professionals|engineers) can help explain the functionality|"
    r"^however, they will not modify these examples to provide added functionality|"
    r"^if you have limited programming experience, you may want to contact|"
    r"^to find the difference between utc and local time",
    re.IGNORECASE,
)
#: The branches above not anchored at the start, each holding one of these.
_BOILERPLATE_SENTENCE_RE = Hinted(
    _BOILERPLATE_SENTENCE_PATTERN,
    (
        "make no warranty",
        "vendor independent of microsoft",
        "query on the following word",
        "charges that are normally incurred for support calls",
        "support professional determines",
        "click the article number",
        "following article",
    ),
    anchored=True,
)
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")
#: `_SENTENCE_RE` with its stop consumed instead of looked behind at (group 1 is the
#: gap): the scan jumps from stop to stop instead of testing the lookbehind at every
#: character, 2x faster; the same gaps (`sentence_pieces`).
_SENTENCE_GAP_RE = re.compile(r"[.!?](\s+)(?=[A-Z(\"'])")


class _kept(Generic[_T]):
    """`functools.cached_property` without its lock (3.11 takes one on every first ask,
    which cost more than the property): the value is stored in the instance's dict on the
    first ask, which later asks find before this descriptor."""

    __slots__ = ("function", "name")

    def __init__(self, function: Callable[[Any], _T]) -> None:
        self.function = function
        self.name = function.__name__

    def __get__(self, instance: Any, owner: type | None = None) -> _T:
        value = self.function(instance)
        instance.__dict__[self.name] = value
        return value


@dataclass(frozen=True)
class Para:
    """A block of lines: one list item, one paragraph, one code block, one separator.

    Frozen, its lines a tuple (a changed block is a new `Para`), so what the rules ask of
    it (head, text, marker, ...; ~170 asks an article) is worked out on the first ask and
    kept (`_kept`), and `paragraphs` hands the same objects to every caller."""

    lines: tuple[str, ...]

    def __init__(self, lines: Iterable[str]) -> None:
        object.__setattr__(self, "lines", tuple(lines))

    @_kept
    def indent(self) -> int:
        first = self.lines[0]
        return len(first) - len(first.lstrip())

    @_kept
    def head(self) -> str:
        return self.lines[0].strip()

    @_kept
    def marker(self) -> bool:
        return _marker(self.head)

    @_kept
    def numbered(self) -> bool:
        return bool(_NUMBER_RE.match(self.head))

    @_kept
    def separator(self) -> bool:
        return len(self.lines) == 1 and bool(_OR_SEP_RE.match(self.head))

    @_kept
    def heading(self) -> bool:
        """A sub-heading: a short line underlined with dashes."""
        return len(self.lines) == 2 and bool(_UNDERLINE_RE.match(self.lines[1].strip()))

    @_kept
    def text(self) -> str:
        return _lines_text(self.lines)  # the rules ask a block's text ~10 times

    @property
    def key(self) -> tuple[str, ...]:
        """Its lines: what memos of a run of blocks are keyed on."""
        return self.lines


@lru_cache(maxsize=8192)
def _lines_text(lines: tuple[str, ...]) -> str:
    """A block's text: its lines' words, one space between."""
    return " ".join(" ".join(line.split()) for line in lines if line.strip())


#: "-or-  - Compile the code with /MT ...": the separator and the next list item on one
#: line (round 25), read as the two lines they stand for.
_OR_GLUED_RE = re.compile(r"^(?P<indent>\s{0,40})-or-\s{1,8}(?P<rest>\S.*)$", re.IGNORECASE)


def _unglued(text: str) -> list[str]:
    """The lines of `text`, a `-or-` glued before a list item split off on its own line."""
    lines: list[str] = []
    for line in text.split("\n"):
        found = _OR_GLUED_RE.match(line) if "-or-" in line[:50].casefold() else None
        if found and _marker(found.group("rest")):
            indent = found.group("indent")
            lines += [f"{indent}-or-", f"{indent}{found.group('rest')}"]
        else:
            lines.append(line)
    return lines


def _paragraphs(text: str) -> list[Para]:
    """Blank lines, list markers and `-or-` lines start a new block."""
    out: list[Para] = []
    current: list[str] = []
    for line in _unglued(text):
        stripped = line.strip()
        if not stripped:
            if current:
                out.append(Para(current))
                current = []
            continue
        starts = _marker(stripped) or _or_line(stripped)
        if current and (starts or _or_line(current[-1].strip())):
            out.append(Para(current))
            current = []
        current.append(line.rstrip())
    if current:
        out.append(Para(current))
    return out


def _marker(line: str) -> bool:
    """`_MARKER_RE` matches `line` (stripped): a bullet first, or "." / ")" after one or two
    characters ("1.", "12)", "a.") -- tested first, as most lines are prose."""
    if line[:1] in "-*\u2022" or "." in line[1:3] or ")" in line[1:3]:
        return bool(_MARKER_RE.match(line))
    return False


def _or_line(line: str) -> bool:
    """`_OR_SEP_RE` matches `line` (stripped): "--- or ---" starts with a dash."""
    return line[:1] == "-" and bool(_OR_SEP_RE.match(line))


def strip_marker(text: str) -> str:
    return _MARKER_RE.sub("", text, count=1)


@lru_cache(maxsize=512)  # ~50 calls an article, a third of them distinct texts
def clean(text: str) -> str:
    return " ".join(html.unescape(text).split())


#: Abbreviations a sentence does not end at: "Windows NT 3.51 U.S. Service Pack 5", "e.g.
#: Notepad", "A Dr. Watson error" (a capital after them starts no new sentence).
_ABBREVIATION_RE = re.compile(
    r"(?:\b(?:U\.S|U\.K|e\.g|i\.e|E\.g|I\.e|[Vv]er|vs|[Aa]pprox|[Cc]f|Dr)\.)$"
)


_ABBREVIATION_ENDS = ("S.", "K.", "g.", "e.", "r.", "s.", "x.", "f.")
#: `_ABBREVIATION_RE` matches end the text and are at most 8 characters ("approx." and a
#: final newline), so it is searched over the last few only (`\b` still sees the one before).
_ABBREVIATION_SPAN = 12


def sentence_pieces(text: str) -> list[str]:
    """`_SENTENCE_RE.split(text)`, found with `_SENTENCE_GAP_RE` (the same leftmost gaps:
    a gap is whitespace only, so no stop lies inside the one found before)."""
    out: list[str] = []
    start = 0
    for found in _SENTENCE_GAP_RE.finditer(text):
        out.append(text[start : found.start(1)])
        start = found.end(1)
    out.append(text[start:])
    return out


def _abbreviated(sentence: str) -> bool:
    """`sentence` ends with an abbreviation (`_ABBREVIATION_RE`), tested on its end only."""
    return sentence.endswith(_ABBREVIATION_ENDS) and bool(
        _ABBREVIATION_RE.search(sentence, max(0, len(sentence) - _ABBREVIATION_SPAN))
    )


#: A parenthesized aside and the blanks before it. The blanks are matched only from the
#: start of their run (never from inside it), so a long run of blanks with no "(" after
#: it is scanned once, not once per blank (quadratic on a 50 KB line).
_ASIDE_RE = re.compile(r"(?<!\s)\s*\([^()]*\)")


def without_asides(text: str) -> str:
    """`text` without its innermost parenthesized asides ("(e.g., 25GbE)") and the blanks
    before them."""
    return _ASIDE_RE.sub("", text) if "(" in text else text


def _open_paren(sentence: str, piece: str) -> bool:
    """Whether `sentence` leaves a parenthesis open that `piece` closes ("(See the note.
    It is short.) Then ..."): one sentence, not cut inside the parentheses."""
    return sentence.count("(") > sentence.count(")") and ")" in piece


def _split_sentences(text: str) -> list[str]:
    """Sentences of `text`, not cut at an abbreviation such as "U.S." or "e.g." nor inside
    parentheses."""
    out: list[str] = []
    for piece in sentence_pieces(text):
        if not piece:
            continue
        if out and (_abbreviated(out[-1]) or _open_paren(out[-1], piece)):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word to at most `limit` characters, marked when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 6].rsplit(" ", 1)[0].rstrip(",;: ")
    return f"{cut} [...]"


#: A first sentence longer than this many times the limit is cut after all ("[...]"):
#: a run of text with no sentence end is no sentence to keep whole.
MAX_SENTENCE_FACTOR = 3


def sentence_cut(text: str, limit: int) -> str:
    """`text` up to `limit` characters ending at a sentence end; when its first sentence
    alone is longer, that sentence whole (and a long next one after a short start, up to
    twice the limit). A reader gets whole sentences, never one cut
    mid-way with "[...]" (only a run of text with no sentence end for MAX_SENTENCE_FACTOR
    times the limit is cut, by `shorten`)."""
    if len(text) <= limit:
        return text
    sentences = split_sentences(text)
    if not sentences:
        return shorten(text, limit)
    kept = sentences[0]
    for sentence in sentences[1:]:
        longer = len(kept) + 1 + len(sentence)
        if longer <= limit:
            kept = f"{kept} {sentence}"
            continue
        if len(kept) < limit // 2 and longer <= 2 * limit:
            # "... you receive the following error:" then a long message: the message is
            # what a reader matches, kept whole rather than dropped for its length
            kept = f"{kept} {sentence}"
        break
    if len(kept) > MAX_SENTENCE_FACTOR * limit:
        return shorten(kept, limit)
    return kept


def first_sentence(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    sentences = split_sentences(text)
    first = sentences[0] if sentences else text
    return shorten(first.rstrip(":"), limit)


#: Where a camelCase or run-together name changes word: "workloadUpdateMethods",
#: "ODFNodeMTULessThan9000" ("ODF Node MTU Less Than9000").
_CAMEL_CUT_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def split_camel(name: str) -> str:
    """A camelCase name said as words, so its parts match prose ("workloadUpdateMethods"
    -> "workload Update Methods")."""
    return _CAMEL_CUT_RE.sub(" ", name)


def brace(text: str) -> str:
    """Literal text for a template: braces written doubled."""
    return text.replace("{", "{{").replace("}", "}}")


def is_boilerplate(text: str) -> bool:
    """A pointer or disclaimer block, or one made only of such sentences."""
    return bool(_BOILERPLATE_BLOCK_RE.search(text)) or not without_boilerplate(text)


def without_boilerplate(text: str) -> str:
    """`text` without its pointer and disclaimer sentences."""
    kept = [s for s in split_sentences(text) if not _BOILERPLATE_SENTENCE_RE.search(s)]
    return " ".join(kept)


# --------------------------------------------------------------------------- parameters

_WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
}
_PARAM_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "time",
        re.compile(
            r"(?<![\w:])(?P<v>midnight|noon|(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s?"
            r"(?:[AP]\.M\.|[AP]M|[ap]\.m\.|[ap]m))(?![\w])",
        ),
    ),
    (
        "path",
        # a space only inside a folder name the path goes on after ("C:\Program Files\X",
        # never cut to "C:\Program"), or in a well-known folder name at its end
        re.compile(
            r"(?<![\w\\])(?P<v>[A-Z]:\\(?:[^\s\"'<>|,;()\u201c\u201d]"
            r"|[ ](?=(?:[\w.&'-]+[ ]){0,3}[\w.&'-]+\\)"
            r"|[ ](?=(?:Files|Settings|Office|Explorer|Express)\b))*[^\s\"'<>|,;().:\u201c\u201d])"
        ),
    ),
    (
        "drive",
        re.compile(r"\b(?:drive\s+(?P<v>[A-Z])(?=:?(?![\w\\]))|(?P<w>[A-Z]):?\s+drive\b)"),
    ),
    (
        "placeholder",
        re.compile(
            r"(?P<v><(?!(?i:/|!|\?|br\b|p\b|b\b|i\b|a\b|u\b|div\b|span\b|html\b|body\b|head\b"
            r"|script\b|table\b|tr\b|td\b|th\b|li\b|ul\b|ol\b|img\b|font\b|center\b"
            r"|enter>|dir>|tab>|esc>|cr>|none>|null>|any>|f\d+>|ctrl|alt\b|shift\b|del>|space>"
            r"|ok>|cancel>))"  # `<OK>`, `<Cancel>`: a button in a drawn dialog (round 32)
            # a placeholder of several words may break across a line (`...\\Push\\<partner`
            # + `IP address>\\...` in an indented registry path): one placeholder (round 32)
            r"\*{0,2}(?![A-Za-z]:\\)[A-Za-z](?:[\w .:/-]|\n[ \t]{0,12}(?=\w)){0,40}"
            r"(?:\\[A-Za-z][\w .:/-]{0,30})?"
            r"(?:(?<=\w)|(?<=\w:))\*{0,2}>)"
            r"|(?<![$\w{])(?P<w>\{[A-Z_][\w-]{1,40}\})(?!\})",
        ),
    ),
    (
        "placeholder",
        # `<%windir%>\system32`, "where <%windir%> is your Windows installation directory"
        # (an environment variable's name; `<%begindetail%>` is an .htx template's tag)
        re.compile(
            r"(?P<v><%(?i:windir|systemroot|systemdrive|programfiles|userprofile|temp|tmp|"
            r"username|computername|homedrive|homepath|appdata|allusersprofile|userdomain|"
            r"logonserver)%>)"
        ),
    ),
    (
        "placeholder",
        re.compile(r"(?<![\w.-])(?P<v>[Yy]our[_-]?[A-Za-z]{3,}(?:[._-][A-Za-z]+)*)(?![\w-])"),
    ),
    (
        "placeholder",
        # `ICACLS h:\folder /grant domain\user:(F)`: the account to grant, yours to type
        re.compile(
            r"(?<![\w\\])(?P<v>(?i:domain)\\(?i:user|username|user_name|account|group))"
            r"(?![\w-])|(?<![\w\\])(?P<w>[A-Za-z]:\\(?i:folder|foldername|folder_name|directory))"
            r"(?![\w\\-])"
        ),
    ),
    (
        "placeholder",
        # `\\server\share\folder`: a UNC path spelt with generic words is the reader's own
        # share ("Change the profile path to \\server\share\folder"), asked whole
        re.compile(
            r"(?<![\w\\])(?P<v>\\\\(?i:(?:my)?(?:server|computer|machine))"
            r"\\(?i:(?:my)?share)(?:\\(?i:(?:my|sub)?(?:folder|directory|dir|path|user)))*)"
            r"(?![\w$-])"
        ),
    ),
    (
        "placeholder",
        # `\\ServerName\ShareName`, `https://PrintServerName/`: a name spelt as a name
        # where a server or share goes (not a registry key's `\ComputerName\ComputerName`)
        re.compile(
            r"(?<=\\\\|//)(?P<v>(?:[A-Z][a-z]+)*(?:Server|Computer|Machine|Printer|Host|Site"
            r"|Controller|Domain)Name)(?![\w-])"
            r"|(?<=[a-z]Name\\)(?P<w>(?:[A-Z][a-z]+)*(?:Share|Printer)Name)(?![\w-])"
        ),
    ),
    (
        "placeholder",
        re.compile(
            r"(?<=[\\/@=])(?P<v>(?:server|share|computer|machine|printer|domain|host|user)_?name)"
            r"(?![\w-])|(?<![\w.-])(?P<w>(?:server|share|computer|machine|printer)_?name)(?![\w-])",
        ),
    ),
    (
        "placeholder",
        # `<Path to Project>\ProjectName.DLL`, `[path]\SomeFileName.ini`, `regsvr32
        # WebClassDllName.dll`: a file spelt as a name, in a folder that is a placeholder
        # itself or given to Regsvr32: the admin's own file (round 38)
        re.compile(
            r"(?:(?<=>\\)|(?<=\]\\)|(?<=(?i:regsvr32) )|(?<=(?i:regsvr32) /u ))"
            r"(?P<v>(?:[A-Z][a-z]+)+Name\.[A-Za-z][A-Za-z0-9]{1,3})(?![\w-])"
        ),
    ),
    (
        "count",
        re.compile(
            r"\b(?P<v>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
            r"(?=\s+(?:(?:full|daily|weekly|incremental|previous|separate|backup)\s+)?"
            r"(?:backups?|copies|generations|tapes|retries|attempts)\b)",
            re.IGNORECASE,
        ),
    ),
)
#: Per pattern of _PARAM_RES, words a match must hold, any one of them ((): no test),
#: case as written; _COUNT_NEEDS, a pattern with IGNORECASE, in lower case, tested on an
#: ASCII text lowercased (any other text is searched). Most step texts hold none of a
#: pattern's words: a substring test instead of a scan (find_params runs on every step).
_COUNT_NEEDS = ("backup", "copies", "generations", "tapes", "retries", "attempts")
_PARAM_NEEDS: tuple[tuple[str, ...], ...] = (
    # time: every match holds an ASCII digit ("1[0-2]|0?[1-9]") or "midnight" / "noon"
    # (no IGNORECASE); its scan, a lookbehind tried at every position, cost ~20 us on a
    # 300-character step with no time in it, the test ~1 us
    (*"0123456789", "midnight", "noon"),
    (":\\",),  # path: C:\...
    ("drive",),
    ("<", "{"),
    ("<%",),
    ("our",),  # [Yy]our...
    ("\\",),  # domain\user, C:\folder
    ("\\\\",),  # \\server\share
    ("Name",),  # \\ServerName
    ("name",),  # servername
    ("Name.",),  # ProjectName.DLL
    _COUNT_NEEDS,
)
PARAM_HELP = {
    "placeholder": "Type your own value; it replaces the article's placeholder in the command.",
    "time": "A time of day, e.g. 01:00, 1:00 AM or midnight.",
    "path": "A path on your system.",
    "drive": "A drive letter, e.g. C.",
    "file": "A file name.",
    "count": "A whole number.",
    "example": "Your own value; the article gives it only as an example.",
}
PARAM_TITLE = {
    "placeholder": "Your value",
    "time": "Time",
    "path": "Path",
    "drive": "Drive",
    "file": "File name",
    "count": "How many",
    "example": "Your value",
}


@dataclass(frozen=True)
class Param:
    kind: str
    literal: str  # as written in the article
    key: str  # normalized, to give one literal one variable

    @property
    def default(self) -> str | int:
        if self.kind == "count":
            return _count_value(self.literal)
        return self.literal


def _count_value(text: str) -> int:
    return int(text) if text.isdigit() else _WORD_NUMBERS[text.lower()]


_WHERE_DRIVE_RE = re.compile(
    r"\bwhere\s+(?P<x>[a-zA-Z]):?\s+is\s+(?:the\s+)?(?:letter\s+of\s+(?:the|your)\s+)?"
    r"(?:[\w-]+\s+){0,3}drive\b",
    re.IGNORECASE,
)
#: "where XX is the current value", "where servername is the name of your server": a
#: token of the command the article explains (the `<name>` forms are found anyway); a
#: `[name]` also after "and" ("where [drive] is ... and [directory] is the name ...").
_WHERE_TOKEN_RE = re.compile(
    r"\b(?:where|and(?=\s+\[))\s+[\"']?(?P<t>\[[A-Za-z]\w{0,20}\]|[A-Za-z][\w.]{0,24}?)[\"']?:?\s+"
    r"(?:is|are|represents|stands for)\s+(?:the|your|a|an)\b"
)
#: Words that look like placeholders in a command: `\\servername\sharename`.
_NAME_WORD_RE = re.compile(
    r"(?:server|share|computer|machine|printer|domain|host|user|database|site|file)_?name"
)
#: A made-up file name the text explains: "where filename.bmp is ...", "soundfile.wav".
_MADE_UP_FILE_RE = re.compile(r"\w*(?:file|name)\w*\.[A-Za-z0-9]{1,4}", re.IGNORECASE)


_WHERE_WORD_DRIVE_RE = re.compile(
    r"where\s+[\"']?[a-z]{2,12}[\"']?:?\s+is\s+(?:the|your)\s+(?:[\w-]+\s+){0,3}drive\b", re.I
)


def _explained_token_ok(token: str) -> bool:
    """A made-up token (`XX`, `nnnn`, `n.n`, `server_name`, `servername`, `[drive]`), not an English
    word the sentence happens to explain ("where Windows is installed")."""
    if re.fullmatch(r"\[[A-Za-z]\w*\]", token):
        return True  # "where [drive] is the drive letter ...": `[drive]:\startup.grp`
    bare = token.replace(".", "")
    if len(bare) < 2 and "." not in token:
        return False  # one letter: a drive, found by _WHERE_DRIVE_RE
    if bare.isupper() and bare.isalpha() and len(bare) <= 8:
        return True
    if bare.isalpha() and len(set(bare.casefold())) == 1:
        return True  # nnnn, xxxx, n.n
    if _MADE_UP_FILE_RE.fullmatch(token):
        return True
    return "_" in token or bool(_NAME_WORD_RE.fullmatch(token.casefold()))


#: What stands right before a command's argument: `,,` `:` `/` `=` `\\` or a command
#: word in capitals (`STACK stacksize`, `CLEAR ,,stacksize`, `/ST:stacksize`).
_ARGUMENT_BEFORE_RE = re.compile(r"(?:[,:/=\\]|(?<![\w])[A-Z]{2,}[ ])$")
_WORD_CHAR_RE = re.compile(r"\w")


def _argument_before(text: str, end: int) -> bool:
    """`_ARGUMENT_BEFORE_RE.search(text, 0, end)` read back from `end` (where `$` matches,
    and before a last newline): the same answer without trying every position of the
    text before each token (a text with 600 `STACK stacksize` took seconds)."""
    for stop in (end, end - 1) if end and text[end - 1] == "\n" else (end,):
        if stop <= 0:
            continue
        last = text[stop - 1]
        if last in ",:/=\\":
            return True
        if last != " ":
            continue
        first = stop - 1  # the capitals before the space: all of them, `(?<![\w])` before
        while first > 0 and "A" <= text[first - 1] <= "Z":
            first -= 1
        if stop - 1 - first >= 2 and not (first and _WORD_CHAR_RE.match(text[first - 1])):
            return True
    return False


def _bare_word_token(token: str) -> bool:
    """A lowercase word the article explains as a value ("where stacksize is the number
    of bytes"): an input where it stands as an argument (see _ARGUMENT_BEFORE_RE)."""
    return (
        token.isalpha()
        and token.islower()
        and len(token) >= 4
        and token not in {"this", "that", "there", "these", "those", "which", "what", "each"}
    )


_HTML_TAGS = frozenset(
    "a abbr b big blockquote body br caption center code col dd div dl dt em embed font form "
    "frame h1 h2 h3 h4 h5 h6 head hr html i iframe img input label li link meta nobr object "
    "ol option p param pre s script select small span strike strong style sub sup table tbody "
    "td textarea tfoot th thead title tr tt u ul xml".split()
)


def _placeholder_ok(literal: str) -> bool:
    """`<your_domain.com>`, `<drive>`, `{ServerName}`, `YourServer`: not an HTML tag
    such as `<td>`, not a prose word such as "yourself" or "yours"."""
    if literal.startswith("<"):
        inner = literal[1:-1]
        if re.fullmatch(r"[\w/\\.-]+\.(?:h|hpp|hxx|inc)", inner, re.IGNORECASE):
            return False  # `#include <winnls.h>`: a header file, never a placeholder
        return inner.split(" ")[0].casefold() not in _HTML_TAGS and "=" not in inner
    if literal.startswith("{"):
        return True
    low = literal.casefold()
    if low in {"yourself", "yourselves", "yours"} or (
        low.startswith("your")
        and literal[4:5].islower()
        and "_" not in literal
        and "-" not in literal
        and "." not in literal
    ):
        # "yourservername" is one; "yourself" is not: accept only a known noun after "your"
        return bool(
            re.match(
                r"your(?:server|domain|host|computer|machine|user|share|name|password|site|company|tenant|org|database|db|app|path|folder|file|drive|account|email|namespace|cluster|project|region|resource|subscription|key|secret|ip|port)",
                low,
            )
        )
    return True


@lru_cache(maxsize=8192)
def find_params(text: str) -> tuple[tuple[int, int, Param], ...]:
    """(start, end, parameter) of each literal in `text`, leftmost first, no overlaps.

    Besides literal values (times, paths, drives, counts), the article's placeholders
    (`<your_domain.com>`, `{ServerName}`, `YourServer`, and `x:` where the text says
    "where x is the drive") are found: each is a value the admin must type.
    """
    found: list[tuple[int, int, Param]] = []
    taken = _Taken()
    lowered = text.lower() if text.isascii() else ""  # "": no word test, search it all
    # both "where ..." patterns hold "where" (the drive one in any case)
    explains = not lowered or "where" in lowered
    for where in _WHERE_DRIVE_RE.finditer(text) if explains else ():
        letter = where.group("x")
        for match in re.finditer(rf"(?<![\w\\]){re.escape(letter)}(?=:)", text):
            if match.start() >= where.start() and match.start() <= where.end():
                continue
            span = (match.start(), match.end())
            if taken.overlaps(*span):
                continue
            taken.add(*span)
            found.append((*span, Param("placeholder", letter, f"drive:{letter.casefold()}")))
    for where in _WHERE_TOKEN_RE.finditer(text) if explains else ():
        token = where.group("t")
        # "where drive is the drive letter ...": a plain word, taken only before its colon
        tail = r"(?=:)" if _WHERE_WORD_DRIVE_RE.match(text, where.start()) else r"(?![\w>])"
        # "where stacksize is the number of bytes": a lowercase word, taken only where it
        # stands as a command's argument (`STACK stacksize`, `/ST:stacksize`), never in
        # prose ("the default stacksize")
        bare = tail == r"(?![\w>])" and _bare_word_token(token)
        if tail == r"(?![\w>])" and not _explained_token_ok(token) and not bare:
            continue
        # a `[name]` may stand inside a path (`[drive]:\[directory]\startup.grp`)
        head = r"(?<![\w<])" if token.startswith("[") else r"(?<![\w\\<])"
        for match in re.finditer(rf"{head}{re.escape(token)}{tail}", text):
            if where.start() <= match.start() <= where.end():
                continue  # the explanation itself
            if bare and not _argument_before(text, match.start()):
                continue
            span = (match.start(), match.end())
            if taken.overlaps(*span):
                continue
            taken.add(*span)
            found.append((*span, Param("placeholder", token, f"token:{token.casefold()}")))
    for (kind, pattern), needs in zip(_PARAM_RES, _PARAM_NEEDS, strict=True):
        if needs is _COUNT_NEEDS:
            if lowered and not any(word in lowered for word in needs):
                continue  # no word a match of this pattern holds (in any case)
        elif needs and not any(word in text for word in needs):
            continue  # no word a match of this pattern holds (case as written)
        for match in pattern.finditer(text):
            group = "v" if match.group("v") is not None else "w"
            start, end = match.span(group)
            if taken.overlaps(start, end):
                continue
            literal = match.group(group)
            if kind == "placeholder" and "\n" in literal:
                literal = " ".join(literal.split())  # `<partner\n  IP address>`: as one line
            if kind == "path" and _SPACED_FOLDER_RE.search(literal) and literal[-1].isalnum():
                # "C:\Program Files\Microsoft Streets & Trips": a folder under one with
                # spaces keeps its capitalized words
                more = _CAPITAL_WORDS_RE.match(text, end)
                if more and more.group(0).strip():
                    end += len(more.group(0))
                    literal = text[start:end]
            if kind == "time" and _file_date_line(text, start):
                continue  # a file's date and time in a version table: no setting
            param = _make_param(kind, literal)
            if param is None or _closed_element(literal, text):
                continue
            taken.add(start, end)
            found.append((start, end, param))
    # cached: the drafter reads each step several times (inputs, templates, contexts)
    return tuple(sorted(found, key=lambda f: f[0]))


_SPACED_FOLDER_RE = re.compile(
    r"\\(?:Program Files|Documents and Settings|Common Files|Application Data)\\[^\\]+$", re.I
)
_CAPITAL_WORDS_RE = re.compile(r"(?: (?:[A-Z&][\w.&'-]*[\w&]|&))+")
_FILE_DATE_RE = re.compile(r"\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b|\b\d{1,2}-[A-Z][a-z]{2}-\d{2,4}\b")


class _Taken:
    """The spans `find_params` took, sorted by start: whether a span overlaps one is a
    bisection, not a walk over all of them (a 20 KB text of 6,000 `<x>` took 20 s).
    Taken spans never overlap, so their ends are sorted too and the last one starting
    before a span's end is the only one that can reach into it; an empty span (none is
    expected) is kept apart and tested as before."""

    __slots__ = ("empty", "ends", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.empty: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a taken span overlaps [start, end)."""
        last = bisect_left(self.starts, end) - 1
        if last >= 0 and self.ends[last] > start:
            return True
        return any(start < at < end for at in self.empty)

    def add(self, start: int, end: int) -> None:
        if start >= end:
            self.empty.append(start)
            return
        at = bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)


class _Lines:
    """A text's line breaks (`\\n`, and `\\n` or `\\x1f`) and file dates, each a
    sorted list of positions, for `_file_date_line`."""

    __slots__ = ("breaks", "dates", "newlines")

    def __init__(self, text: str) -> None:
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.breaks = [m.start() for m in re.finditer("[\n\x1f]", text)]
        self.dates = [m.start() for m in _FILE_DATE_RE.finditer(text)]


@lru_cache(maxsize=64)
def _lines(text: str) -> _Lines:
    return _Lines(text)


def _file_date_line(text: str, at: int) -> bool:
    """Whether the line around `at` (from the last newline or `\\x1f` before it to the
    next newline) holds a file date, from one scan of the whole text: a date holds
    neither, so none crosses the line's ends and the line's dates are the text's dates
    that start in it (a 20 KB line of 2,000 times was searched 2,000 times)."""
    lines = _lines(text)
    before = bisect_left(lines.breaks, at) - 1
    start = lines.breaks[before] + 1 if before >= 0 else 0
    after = bisect_left(lines.newlines, at)
    end = lines.newlines[after] if after < len(lines.newlines) else len(text)
    first = bisect_left(lines.dates, start)
    return first < len(lines.dates) and lines.dates[first] < end


def _make_param(kind: str, literal: str) -> Param | None:
    try:
        if kind == "time":
            key = parse_time(literal)
        elif kind == "count":
            value = _count_value(literal)
            if not 1 <= value <= 999:
                return None
            key = str(value)
        else:
            key = parse_text(literal).casefold()
            if kind == "placeholder" and not _placeholder_ok(literal):
                return None
            if kind == "placeholder":
                key = same_thing_key(literal) or key
    except InvalidValue:
        return None
    return Param(kind, literal, key)


def _closed_element(literal: str, text: str) -> bool:
    """`<DTSConfiguration>` closed by `</DTSConfiguration>` in the same text: an XML
    element of a listing, not a value to type."""
    if not literal.startswith("<") or not literal[1:2].isalpha():
        return False
    closing = _closing_names(text)
    if not closing:
        return False  # (no "</" at all: nothing to compile a regex for)
    name = re.split(r"[\s>]", literal[1:], maxsplit=1)[0]
    if isinstance(closing, frozenset) and "</" not in name:
        return name.lower() in closing
    return bool(re.search(rf"</{re.escape(name)}\s*>", text, re.IGNORECASE))


#: A run of what a tag's name may hold (`_closed_element` splits a name at `[\s>]`).
_NAME_RUN_RE = re.compile(r"[^\s>]+")
_CLOSE_RE = re.compile(r"\s*>")


@lru_cache(maxsize=64)
def _closing_names(text: str) -> frozenset[str] | bool:
    """The names `</name>` closes in an ASCII `text`, lowercased (IGNORECASE folds ASCII
    as `lower` does), so `_closed_element` asks a set, not a search of the whole text per
    `<x>` (6,000 of them took 20 s); True for a text with "</" and other characters (each
    asks its search), False for one without "</". A name (no space, no `>`) right after
    "</" and before `\\s*>` runs to the end of its run of such characters, so the names are
    what follows the last "</" of each run that `\\s*>` ends (a name holding "</" itself
    is searched for as before)."""
    if "</" not in text:
        return False
    if not text.isascii():
        return True
    names: set[str] = set()
    for run in _NAME_RUN_RE.finditer(text):
        found = run.group(0)
        if "</" in found and _CLOSE_RE.match(text, run.end()):
            names.add(found.rsplit("</", 1)[1].lower())
    return frozenset(names)


def same_thing_key(literal: str) -> str:
    """One key for the placeholders that name the same thing: `<etcd-pod-name>` and
    `<etcd-pod>`, `{ServerName}` and `<server>` (their words, less a last "name");
    "" for a token of one word that is only "name", or not bracketed."""
    if not (literal.startswith(("<", "{")) and literal.endswith((">", "}"))):
        return ""
    inner = literal[1:-1]
    if "\\" in inner or ":" in inner:
        return ""  # `<domain\user>`, `<drive:>`: kept as written
    words = [w.casefold() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", inner)]
    if len(words) >= 2 and words[-1] == "name":
        words = words[:-1]
    elif words and words[-1].endswith("name") and len(words[-1]) > 4:
        words[-1] = words[-1][:-4]  # `<servername>` = `<server>`
    return "named:" + "-".join(words) if words else ""


_CLAUSE_END_RE = re.compile(r"[,;:(]\s|\s[-\u2013\u2014]\s")


#: How far past its limit a label may go to end with the clause after a scene ("When you
#: click OK, the following error message may appear"), rather than mid-phrase.
MAX_LABEL_OVERRUN = 30
#: A long label's sentence ending this few words and characters past the limit is kept
#: whole (a 60-character choice label keeps its cut: case finders match on it).
MAX_TAIL_WORDS = 3
MAX_TAIL_CHARS = 30


def short_label(text: str, limit: int = 60) -> str:
    """A choice label never cut with "[...]": the first sentence, else its first clause,
    else whole words up to `limit` (no ellipsis: the label names, the text explains)."""
    text = clean(text).rstrip(":")
    sentences = split_sentences(text)
    text = (sentences[0] if sentences else text).rstrip(".:")
    if len(text) <= limit:
        return text
    from kbassist.drafting.phrase_ends import (
        keep_whole,
        list_goes_on,
        phrase_cut,
        points_on,
    )

    if keep_whole(text, limit):
        return text  # a sentence ending near the limit reads whole, never cut a word short
    skipped = ""  # the first clause passed over as a scene or a list's first item
    in_list = False  # a comma passed over inside a list: its ", or X" is no clause end
    for match in _CLAUSE_END_RE.finditer(text):
        if list_goes_on(text[match.start() :], in_list):
            in_list = True
            continue
        if 12 <= match.start() <= limit:
            head = text[: match.start()].rstrip(" ,;:(")
            if len(head) >= 12 and whole_clause(head, text[match.end() :]):
                return head
            skipped = skipped or head
    if skipped:
        # the scene, then what happens: to the main clause's end when it is near the limit
        after = _CLAUSE_END_RE.search(text, len(skipped) + 2)
        end = after.start() if after else len(text)
        if end <= limit + MAX_LABEL_OVERRUN:
            return text[:end].rstrip(" ,;:(-")
    from kbassist.drafting.whole_titles import message_head

    if head := message_head(text, limit):
        return head  # "Error synchronizing folder [80070005-508-0-322]": its first line
    rest = text[limit:].split(" ", 1)[1] if " " in text[limit:] else ""
    if (
        limit > 60
        and len(text) <= limit + MAX_TAIL_CHARS
        and len(rest.split()) <= MAX_TAIL_WORDS
        and not points_on(text)
    ):
        # "... on the Domain Controllers organizational" + " unit": a noun phrase's last
        # word or two past the limit end the label, never cut it mid-phrase
        return text
    words = text[: limit + 1].split(" ")
    words = words[:-1] if len(words) > 1 else [text[:limit]]
    while len(words) > 3 and words[-1].casefold().strip(",;:") in _DANGLING:
        words.pop()
    cut = phrase_cut(text, " ".join(words).rstrip(" ,;:(-"), limit)
    # words that end inside the clause passed over say less than the clause itself
    return skipped if skipped and len(cut) <= len(skipped) + 12 else cut


#: A clause that only sets the scene: "When you click OK", "If you have more than one
#: Passport": what happens is in the clause after it.
_SUBORDINATE_RE = re.compile(
    r"^(?:if|when|whenever|after|before|because|while|although|though|since|once|unless"
    r"|until|as soon as|even if|in order to|to)\b",
    re.IGNORECASE,
)
#: A head that opens a list ("Application tiles like Alarm", "such as X"), or a comma after
#: which the list goes on ("Alarm, Calculator, and Edge"; "X, Y or Z").
_LIST_OPEN_RE = re.compile(r"\b(?:like|such as|including|e\.g\.|for example)\s+[^.;:]+$", re.I)
_LIST_ON_RE = re.compile(r"^(?:[^,;.]{1,40},\s+)*(?:and|or)\s+(?!then\b)\S", re.IGNORECASE)


def whole_clause(head: str, rest: str) -> bool:
    """Whether `head`, cut before `rest` at a comma or a dash, says something by itself:
    not a scene-setting clause ("When you click OK") and not the first item of a list
    ("Application tiles like Alarm" before ", Calculator, and Edge are missing")."""
    if _SUBORDINATE_RE.match(head) or _LIST_OPEN_RE.search(head):
        return False
    # "Alarm, Calculator, and Edge": a short head before more items is one of them
    return not (len(head.split()) <= 4 and _LIST_ON_RE.match(rest))


#: Words a cut label must not end on ("... System Folder or").
_DANGLING = frozenset(
    "a an the and or but nor to of in on at for with by from as if that which who whose "
    "than then is are was were be your its their this these those not no may might can will"
    " would could should must able you instead into onto about via per through between"
    " within without each every any such".split()
)


# --------------------------------------------------------------------------- step detail

#: Between a step's text and its detail (a command kept line by line, a note, a table)
#: while the drafter carries a step as one string. U+001F never survives `clean` (it is
#: white space to `str.split`), so article text cannot fake it; the tree writes the two
#: parts as an item's `text` and `detail`.
DETAIL_SEP = "\x1f"


def with_detail(step: str, detail: str) -> str:
    """`step` carrying `detail` (several details are joined by a blank line)."""
    detail = detail.strip("\n")
    if not detail.strip():
        return step
    text, old = split_detail(step)
    return f"{text}{DETAIL_SEP}{old}\n\n{detail}" if old else f"{text}{DETAIL_SEP}{detail}"


def split_detail(step: str) -> tuple[str, str]:
    """(text, detail) of a step that may carry a detail."""
    text, _, detail = step.partition(DETAIL_SEP)
    return text, detail


def step_text(step: str) -> str:
    """The step's own text, without its detail."""
    return step.partition(DETAIL_SEP)[0]


def dedent_lines(lines: Sequence[str]) -> str:
    """Lines of a code block or table as written, common indentation removed."""
    kept = [line.rstrip() for line in lines]
    widths = [len(line) - len(line.lstrip()) for line in kept if line.strip()]
    cut = min(widths, default=0)
    return "\n".join(line[cut:] for line in kept).strip("\n")


# --------------------------------------------------------------------------- memo

# The rules read the same text several times per article (a section's paragraphs, its
# sentences, its text without boilerplate: about three calls per distinct text), so each
# is worked out once. Pure functions of the text; a caller gets a fresh list, so one that
# edits the list it got changes nothing another caller sees; the `Para` in it are shared
# (no rule edits a block's lines, and each keeps what was asked of it).


def _memo_sentences(function: Callable[[str], list[str]]) -> Callable[[str], list[str]]:
    cached = lru_cache(maxsize=4096)(lambda text: tuple(function(text)))
    return wraps(function)(lambda text: list(cached(text)))


def _memo_paragraphs(function: Callable[[str], list[Para]]) -> Callable[[str], list[Para]]:
    cached = lru_cache(maxsize=4096)(lambda text: tuple(function(text)))
    return wraps(function)(lambda text: list(cached(text)))


split_sentences = _memo_sentences(_split_sentences)
paragraphs = _memo_paragraphs(_paragraphs)
without_boilerplate = lru_cache(maxsize=4096)(without_boilerplate)
is_boilerplate = lru_cache(maxsize=4096)(is_boilerplate)
