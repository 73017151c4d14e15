"""A command run on the command-line way only (issue 13, "alternatives are asked, not run
in sequence"; round 30, the seed-76 readers).

"You can use Registry Editor to manually create the registry entry, or you can open an
administrative Command Prompt window and then run the following command: reg add ...":
`ways.way_steps` asks "Registry Editor" / "Command Prompt", but the command the second
way goes on to run is a step of its own after the two ways, so it ran on both walks and
the Registry Editor admin was told to run `reg add` as well. A command step right after
the ways, when only the later way opens a command line, is that way's step.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail

#: A way that opens a command line: "open an administrative Command Prompt window",
#: "use Windows PowerShell", "from the command line", "run cmd.exe".
_SHELL_RE = re.compile(
    r"\b(?:command[- ]prompt|command[- ]line|command shell|powershell|cmd(?:\.exe)?|terminal"
    r"|manage-bde|reg(?:\.exe)? (?:add|delete)|netsh|dism)\b",
    re.IGNORECASE,
)
#: A step that runs what the article shows: "Run the following command:", "Type the
#: following commands, and then press ENTER:", "Enter this cmdlet:".
_COMMAND_STEP_RE = re.compile(
    r"^(?:then,?\s+)?(?:run|type|enter|execute|paste|issue)\b[^.:;]{0,80}?"
    r"\b(?:commands?|cmdlets?|scripts?)\b[^.;]{0,80}(?::|\.)?$",
    re.IGNORECASE,
)


def _runs_command(item: str) -> bool:
    """A step that runs a command the article shows, not one that names a tool."""
    text, detail = split_detail(item)
    return bool(_COMMAND_STEP_RE.match(" ".join(text.split()))) and bool(detail.strip())


def shell_way_steps(option: Option, after: int, var: str, first: str, second: str) -> None:
    """The command steps from `after` on (the steps right after the two ways, none asked)
    run on the second way's walk only, when that way opens a command line and the first
    does not: "use Registry Editor ..." / "open a Command Prompt window" then "Run the
    following command: reg add ...". Stops at the first step that runs no command."""
    if not _SHELL_RE.search(second) or _SHELL_RE.search(first):
        return
    k = after
    while k < len(option.items) and k not in option.when and _runs_command(option.items[k]):
        option.when[k] = f'{var} == "way_2"'
        k += 1
