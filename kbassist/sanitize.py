"""Stripping terminal control from untrusted text (article files, typed answers).

An `ESC ] 2 ; ... BEL` in an article must not retitle the user's terminal, nor
`ESC [ 2 J` clear it: the whole sequence goes, payload included, not just the ESC.
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
    """A path as it may be printed: bad bytes as U+FFFD, terminal control stripped."""
    return sanitize(displayable(str(path)))


# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other ESC sequences, C1 controls,
# and C0 controls other than newline and tab.
_ESCAPES_RE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[P^_X][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[@-Z\\-_]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def sanitize(text: str) -> str:
    """Strip terminal control and escape sequences; keep newlines and tabs."""
    return _ESCAPES_RE.sub("", text)
