"""Stripping terminal control from untrusted text (article files, typed answers).

An `ESC ] 2 ; ... BEL` in an article must not retitle the user's terminal, nor
`ESC [ 2 J` clear it: the whole sequence goes, payload included, not just the ESC.
"""

from __future__ import annotations

import re

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
