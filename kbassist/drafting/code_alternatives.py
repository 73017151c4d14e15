"""Sample code offered as "-or-" alternatives (round 33, leftovers35).

MS KB programming articles put two listings either side of an "-or-" ("To assign the
default values, run one of the following Visual Basic for Applications macros: / Sub
EnableKeyBoard() ... End Sub / -or- / Sub Macro7() ... End Sub"). The alternatives
reader took the block right before the "-or-" as the first choice, so a listing split by
a blank line lost its opening lines, and each listing's first line became an option label
("KeyBindings.Add KeyCode:=BuildKeyCode(wdKeyW", "Sub Macro7() 'Resets all keyboard key
assignment"). Here a listing is read whole (its blocks back to its first code line), is
named by its procedure ("Run the EnableKeyBoard macro") or, unnamed, as sample code, and
its lines are shown under one step, never read as steps or labels.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kbassist.articles import Section
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import Para, with_detail

#: A listing's procedure line: "Sub EnableKeyBoard()", "Public Function Total(x)".
_PROC_RE = re.compile(
    r"^(?:(?:Private|Public|Static)\s{1,4})?(?P<kind>Sub|Function|Procedure|PROCEDURE"
    r"|FUNCTION)\s{1,4}(?P<name>[A-Za-z_]\w{0,60})\s{0,4}(?:\(|$)"
)
#: A Basic continuation or call line: "KeyBindings.Add KeyCode:=f(x), _", "x.Reset",
#: "FindKey(BuildKeyCode(a, b)).Disable", "Command:=\"DocClose\"". One class a repeat.
_CALL_RE = re.compile(
    r"^(?:[A-Za-z_][\w.]{0,80}(?:\([^()]{0,200}(?:\([^()]{0,200}\)[^()]{0,200}){0,4}\))?"
    r"(?:\.\w{1,60}|\s[\w.]{1,80}:=|\s=\s|:=|$)|\w{1,60}:=)"
)


def code_shaped(line: str) -> bool:
    """Whether one line reads as a program line (a keyword, a call, a setting, a comment),
    not prose."""
    from kbassist.drafting.non_steps import code_line
    from kbassist.drafting.not_options import _CODE_ASSIGN_RE, _CODE_KEYWORD_RE, _PROSE_RE

    flat = " ".join(line.split())
    if not flat or len(flat) > 300 or _PROSE_RE.search(flat):
        return False
    return bool(
        _CODE_KEYWORD_RE.match(flat)
        or _CODE_ASSIGN_RE.match(flat)
        or _PROC_RE.match(flat)
        or _CALL_RE.match(flat)
        or code_line(flat)
    )


def is_listing(paras: Sequence[Para]) -> bool:
    """Whether the blocks are one program listing: every line code-shaped, none a list
    item, and a procedure line or a keyword line among them (not one loose call)."""
    from kbassist.drafting.not_options import _CODE_KEYWORD_RE

    lines = [line for p in paras for line in p.lines if line.strip()]
    if not lines or any(p.marker or p.separator for p in paras):
        return False
    if not all(code_shaped(line) for line in lines):
        return False
    return any(
        _PROC_RE.match(" ".join(line.split())) or _CODE_KEYWORD_RE.match(" ".join(line.split()))
        for line in lines
    )


def listing_start(chunk: Sequence[Para], start: int) -> int:
    """Where the listing that ends the blocks before an "-or-" begins: back over the code
    blocks split off by blank lines ("Sub EnableKeyBoard() ..." / "KeyBindings.Add ...")
    to its procedure line; `start` when the block at `start` is no code."""
    if not is_listing_part(chunk[start]):
        return start
    at = start
    while (
        at > 0
        and is_listing_part(chunk[at - 1])
        and chunk[at - 1].indent >= chunk[start].indent - 4
    ):
        at -= 1
        if _PROC_RE.match(chunk[at].head):
            break
    return at if any(_PROC_RE.match(p.head) for p in chunk[at : start + 1]) else start


def is_listing_part(para: Para) -> bool:
    """Whether a block is part of a listing: indented, every line code-shaped."""
    return (
        para.indent > 0
        and not para.marker
        and not para.separator
        and all(code_shaped(line) for line in para.lines if line.strip())
    )


#: Fewest lines of an unnamed listing offered as "Use sample code N" (a shorter one is
#: its own label: its words are what sets it apart from the other choice).
MIN_UNNAMED_LINES = 3


def listing_option(section: Section, alt: Sequence[Para], number: int) -> Option | None:
    """The option for one "-or-" alternative that is a listing: named by its procedure
    ("Run the EnableKeyBoard macro"), else "Use sample code N" (three lines or more); one
    step whose detail is the listing as written. None when `alt` is no listing."""
    if not is_listing(alt):
        return None
    lines = [line for p in alt for line in p.lines]
    margin = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
    code = "\n".join(line[margin:].rstrip() for line in lines).strip("\n")
    proc = next((m for p in alt if (m := _PROC_RE.match(p.head))), None)
    if proc is None and len([line for line in lines if line.strip()]) < MIN_UNNAMED_LINES:
        return None  # "SELECT ... WHERE !DELETED()": one short statement tells itself apart
    if proc is not None and proc.group("kind").casefold() == "sub":
        label = f"Run the {proc.group('name')} macro"
    elif proc is not None:
        label = f"Use the {proc.group('name')} {proc.group('kind').lower()}"
    else:
        label = f"Use sample code {number}"
    step = with_detail(f"{label}:", code)
    return Option(section, label, "", [step])
