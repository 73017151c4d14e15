"""Placeholders in the steps to reproduce an MS KB verify repeats ("Repeat the article's
steps to reproduce the problem ...: 3. type the following in a command prompt: shutdown
\\\\<remote_Windows_NT_computer> /a"): the admin types that command again to check the
fix, so its placeholder is asked like a step's and filled in under the verify. A
placeholder in a message the steps quote ("you receive: File <filename> Not Found") is
shown text, never asked."""

from __future__ import annotations

import re

from kbassist.drafting.text import Param, find_params

#: A step line that says to type what it or the next lines hold.
_TYPE_RE = re.compile(
    r"\b(?:type|typing|run|enter|execute|issue|command|prompt|syntax)\b", re.IGNORECASE
)
#: A line that announces or quotes a message: what is shown, not typed.
_SHOWN_RE = re.compile(
    r"\b(?:error|message|messages|warning|receive|appears?|displays?|displayed|returns?|"
    r"note that|notice|pop up)\b",
    re.IGNORECASE,
)
#: Keys a SendKeys or KEYBOARD string presses (`{Tab}`, `{ENTER}`): never a value to type.
_KEYS = frozenset(
    "tab enter return esc escape home end up down left right del delete ins insert bs "
    "backspace pgup pgdn break space f1 f2 f3 f4 f5 f6 f7 f8 f9 f10 f11 f12".split()
)
#: A numbered step's start ("3. ", "b) "): the steps a "type" lead governs end there.
_STEP_START_RE = re.compile(r"^\s{0,3}(?:\d{1,2}|[a-z])[.)]\s")


def repro_placeholders(detail: str) -> list[tuple[Param, str]]:
    """(placeholder, its line joined with the lines up to the next step) of each
    placeholder the steps to reproduce type: on a step that says to type or run, not in
    a line that quotes a message; each placeholder once, in order."""
    if "<" not in detail and "where" not in detail.lower():
        return []  # no placeholder form at all (the common case)
    steps: list[str] = []
    for line in detail.split("\n"):
        if _STEP_START_RE.match(line) or not steps:
            steps.append(line)
        else:
            steps[-1] += "\n" + line
    out: list[tuple[Param, str]] = []
    seen: set[str] = set()
    for step in steps:
        said = " ".join(step.split())
        lead = said.split(":", 1)[0] if ":" in said else said
        if not _TYPE_RE.search(lead) or _SHOWN_RE.search(lead):
            continue
        for line in step.split("\n"):
            if _SHOWN_RE.search(line):
                break  # "a System Shutdown window will pop up", a message quoted after it
            for _, _, param in find_params(line):
                if param.kind != "placeholder" or param.key in seen:
                    continue
                if param.literal.strip("{}").casefold() in _KEYS:
                    continue  # `KEYBOARD '{Tab}'`: a key pressed
                seen.add(param.key)
                out.append((param, said))
    return out
