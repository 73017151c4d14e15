"""The rest of a sentence that a shown literal interrupts (round 41).

"To save a file with the filename FILENAME.EXT, enter" + the indented literal + "in the
Save As dialog box."; "change the following code:" + the old line + "to" + the new line:
the words after the literal finish the step the literal belongs to. Read as an item of
their own they were ticked as a fragment ("[ ] in the Save As dialog box.", "[ ] to").
"""

from __future__ import annotations

import re

#: A block that opens with a preposition in lower case: the tail of the sentence above
#: it, never a sentence of its own ("in the .CPP file.", "to this:", "rather than:",
#: "just prior to the line:"). "and then run:" is left alone: a next action.
_TAIL_RE = re.compile(
    r"^(?:in|on|to|into|onto|from|with|under|at|for|by|of|within|rather than|instead of"
    r"|just (?:before|after|prior to))\b(?!\s*\()"
)


def literal_tail(text: str, step: str, shown: list[str]) -> str:
    """How `text`, a block right after the literal `shown` under `step`, goes on that
    step: "text" (the step's sentence ends with it: the step says no full stop before the
    literal and the tail ends its sentence), "detail" (shown after the literal, in its
    place: it leads the next literal or the step already ended), or "" (a block of its
    own)."""
    if not shown or not _TAIL_RE.match(text) or len(text.split()) > 20:
        return ""
    if text.rstrip().endswith(".") and not step.rstrip().endswith((".", ":", "!", "?")):
        return "text"
    return "detail"
