"""A fix's steps given once per system: "Windows 95:" over its steps, "Microsoft Windows
98, ... or Microsoft Windows 2000:" over others (round 34, tried35; seed-94 readers).

Inside one fix (Q287923's "Resolve IRQ Conflict": "use the appropriate method for your
version of Microsoft Windows. Windows 95: 1. ... Windows 98/Me/2000: 1. ...") the draft ran
both procedures in turn and ticked the second system's name as a step. Here the walk asks
"Which version of Windows do you run?" with the article's own names as answers
("Not sure" shows each), each system's steps run only for it, and the name lines are no
steps. A system's steps end at the next system's line, at the next stage of a staged fix
("Stage: ..." under its first step), or at the end of the fix.

Names come from `version_menu`'s scope test (a short line naming systems only, "Windows
95", "MS-DOS 6.2", "Windows for Workgroups version 3.11"), so a step that ends in a colon
("Type the following:") is never one.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Ask, Option
from kbassist.drafting.text import short_label, split_detail
from kbassist.drafting.version_menu import _scope_name

_MAX_CASES = 6
#: The lead's last sentence: where "... for your version of Windows. Windows 95:" ends.
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s{1,4}(?=\S)")


def _scope(item: str) -> str:
    """The system a step only names ("Windows 95:"), or ""."""
    text, detail = split_detail(item)
    text = text.strip()
    if detail or not text.endswith(":") or len(text) > 140:
        return ""
    return _system_name(text)


#: "(Me)", "(32-bit)": a short aside the scope test does not read.
_ASIDE_RE = re.compile(r"\s{0,2}\([^()]{1,20}\)")


def _system_name(line: str) -> str:
    """The systems a line names, as the article writes them ("Microsoft Windows 98,
    Microsoft Windows Millennium Edition (Me), or Microsoft Windows 2000"), or ""."""
    line = line.strip().rstrip(":").strip()
    if not _scope_name(_ASIDE_RE.sub("", line)):
        return ""
    line = _SCOPE_WORD_RE.sub("", line)  # "For Windows 2000" -> "Windows 2000"
    return short_label(line, 80)


#: "For ", "On ", "Under ": the word before the systems a line names.
_SCOPE_WORD_RE = re.compile(r"^(?:On|For|In|Under|With|Using)\s{1,3}(?=\S)")


def _stage_start(item: str) -> bool:
    """Whether a step opens the next stage of a staged fix (its "Stage: ..." note)."""
    return "Stage: " in split_detail(item)[1]


def scoped_steps(option: Option, counter: int, limit: int) -> int:
    """Ask which system applies when a fix gives its steps per system under name lines;
    returns the question counter."""
    items = option.items
    if len(option.asks) >= limit or len(items) < 3 or option.kind not in ("option", "workaround"):
        return counter
    lead = option.lead.rstrip()
    lead_name = ""
    if lead.endswith(":"):
        lead_name = _system_name(_SENTENCE_END_RE.split(lead)[-1])
    marks = [(n, name) for n, item in enumerate(items) if (name := _scope(item))]
    if not marks or (not lead_name and len(marks) < 2):
        return counter
    if lead_name and marks[0][0] == 0:
        return counter  # "Windows 95:" ending the lead, then another name at once: no steps
    starts = ([(-1, lead_name)] if lead_name else []) + marks
    names = [name for _, name in starts]
    if not 2 <= len(names) <= _MAX_CASES or len({n.casefold() for n in names}) != len(names):
        return counter
    owners: dict[int, int] = {}
    for j, (at, _) in enumerate(starts):
        end = starts[j + 1][0] if j + 1 < len(starts) else len(items)
        n = at + 1
        while n < end:
            if n > at + 1 and _stage_start(items[n]):
                break  # the next stage is for every system
            owners[n] = j
            n += 1
        if n == at + 1:
            return counter  # a name over no steps
        if j + 1 < len(starts) and n < end:
            return counter  # a stage between two systems' steps: not one system's list
    if any(k in option.when for k in owners) or any(n in option.when for n, _ in marks):
        return counter
    counter += 1
    var = f"if_{counter}"
    for k, j in owners.items():
        option.when[k] = f'{var} == "case_{j + 1}" or {var} == "unsure"'
    dropped = {n for n, _ in marks}
    keep = [n for n in range(len(items)) if n not in dropped]
    moved = {old: new for new, old in enumerate(keep)}
    option.when = {
        (moved[k] if k >= 0 else k): v for k, v in option.when.items() if k < 0 or k in moved
    }
    option.items = [items[n] for n in keep]
    if lead_name:  # "... for your version of Microsoft Windows. Windows 95:" asked, not said
        cut = _SENTENCE_END_RE.split(lead)
        option.lead = lead[: len(lead) - len(cut[-1])].rstrip() if len(cut) > 1 else ""
    windows = all("windows" in name.casefold() for name in names)
    title = "Which version of Windows do you run?" if windows else "Which version do you run?"
    option.asks.append(
        Ask.of_cases(var, title, "version", names, "Which do you run? Only its steps are shown.")
    )
    return counter
