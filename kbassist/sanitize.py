"""Stripping terminal control from untrusted text (article files, typed answers, file names).

An `ESC ] 2 ; ... BEL` in an article must not retitle the user's terminal, nor
`ESC [ 2 J` clear it: the whole sequence goes, payload included, not just the ESC.
Bidirectional overrides and zero-width characters go too: they make a title or a
snippet read differently from what it says (`txt.exe` shown as `exe.txt`, a hidden
word between two visible ones). The TUI and every line the CLI prints use `sanitize`.
"""

from __future__ import annotations

import re

# A file name that is not UTF-8 reaches Python with each bad byte as a lone surrogate
# (U+DC80..U+DCFF, "surrogateescape"); no terminal, JSON-to-UTF-8 writer or Whoosh term
# can take one. Shown, each is one replacement character.
_SURROGATES_RE = re.compile("[\ud800-\udfff]")


def displayable(text: str) -> str:
    """`text` with any lone surrogate (a byte of a non-UTF-8 file name) as U+FFFD."""
    if text.isascii():
        return text
    return _SURROGATES_RE.sub("\ufffd", text)


def display_path(path: object) -> str:
    """A path as it may be printed: bad bytes as U+FFFD, each control, bidi or zero-width
    character shown as its escape (`\\x1b`).

    Stripped, they made "written to a\\x1b[31mb.md" read "written to ab.md": a name
    that is not the file's, where an admin looking for it would not find it.
    """
    return _PATH_CONTROL_RE.sub(_escaped, displayable(str(path)))


_PATH_CONTROL_RE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]"
)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other ESC sequences, C1 controls,
# and C0 controls other than newline and tab.
_ESCAPES_RE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[P^_X][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[@-Z\\-_]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
    # Bidi embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069), and
    # zero-width space, joiners, word joiner and the byte-order mark.
    r"|[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]"
)
# Lone surrogates: a file name that is not UTF-8, decoded with surrogateescape. A
# terminal cannot show them (encoding them raises), so they read as U+FFFD.
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")


# Every match of _ESCAPES_RE starts with one of these characters. Searching for one
# character of a set is several times faster than trying the alternation at each
# position, and nearly every article holds none (the index build sanitizes every body).
_ESCAPE_START_RE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]"
)


def sanitize(text: str) -> str:
    """Strip terminal control, escape sequences, bidi overrides and zero-width
    characters; keep newlines and tabs; show undecodable bytes as U+FFFD."""
    if _ESCAPE_START_RE.search(text):
        text = _ESCAPES_RE.sub("", text)
    if text.isascii():
        return text
    return _SURROGATE_RE.sub("\ufffd", text)
