"""C-like sample listings kept line by line where a procedure is read from paragraphs.

An archive sample ("void CExecDatabase::BindParameters(HSTMT hstmt)" / "{" / "// This
sample shows ..." / "RETCODE nRetCode;") joined into one line is wrong code: every "//"
comment swallows the statements after it. `not_options.code_block` knows Basic and SQL
listings by their keywords; this knows the C-like ones by their comments and punctuation,
so `options._read_procedure` shows them as written under a step, never as a step's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: A "//" comment (not the "//" of "http://", "\\server" or "///"): the rest of its line.
_COMMENT_RE = re.compile(r"(?:^|(?<=[\s;{})]))//")
#: What only code holds: a statement's end, a brace, a scope "::", a call "f()", "x = y".
_CODE_MARK_RE = re.compile(r"[;{}]|::|\w\([^()]*\)|\w\s?=\s?\S")
#: A preprocessor line: "#ifdef __cplusplus", "#endif".
_DIRECTIVE_RE = re.compile(r"#\s?(?:if|ifdef|ifndef|else|elif|endif|define|include|pragma)\b")
#: A plain lower-case word of prose.
_WORD_RE = re.compile(r"(?<![\w.])[a-z]{2,}(?![\w(])")
#: Plain words a line of prose has (outside any comment) when it shows no code mark.
MIN_PROSE_WORDS = 4


def _prose(line: str) -> bool:
    """A sentence, not code: plain words and no code mark before any comment."""
    said = _COMMENT_RE.split(line, maxsplit=1)[0]
    if not said.strip():
        return False  # a comment line
    return not _CODE_MARK_RE.search(said) and len(_WORD_RE.findall(said)) >= MIN_PROSE_WORDS


def c_listing(lines: Sequence[str]) -> bool:
    """Whether `lines` are a C-like sample listing: two or more lines, none prose, with a
    "//" comment before another line (joining them would comment the rest out) or two
    lines ending a statement or opening/closing a block."""
    flat = [" ".join(line.split()) for line in lines if line.strip()]
    if len(flat) < 2 or any(_prose(line) for line in flat):
        return False
    if any(_COMMENT_RE.search(line) for line in flat[:-1]):
        return any(_CODE_MARK_RE.search(line) for line in flat)
    return (
        sum(1 for line in flat if line.endswith((";", "{", "}")) or _DIRECTIVE_RE.match(line)) >= 2
    )


#: A comment line's words: "// // CAxWindow::Create() method //" -> "CAxWindow::Create() method".
_COMMENT_WORDS_RE = re.compile(r"^/{2,}\s*(?P<said>.*?)[\s/]*$")
#: Shortest comment that names a listing.
MIN_NAME_CHARS = 4


def listing_name(lines: Sequence[str]) -> str:
    """The first comment of a listing with words in it ("//register AtlAxWin class"): what
    the sample does, in the article's words; "" when it opens with none."""
    for line in lines:
        flat = " ".join(line.split())
        if not flat:
            continue
        found = _COMMENT_WORDS_RE.match(flat)
        if found is None:
            return ""
        said = found.group("said").lstrip("/ ")
        if len(said) >= MIN_NAME_CHARS:
            return said
    return ""
