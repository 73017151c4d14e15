"""A tool's usage text said as the command to run, not ticked as if it were one.

"Usage: regdelnull <path> [-s]" over "-s Recurse into subkeys." is the tool's syntax: the
step shows the command to type (`regdelnull <path>`, its placeholders asked), each
option's line as what adding it does ("Add -s to recurse into subkeys."), and goes on the
step that names the tool instead of a second "Run regdelnull" tick after it.
"""

from __future__ import annotations

import re

_USAGE_LEAD_RE = re.compile(r"^\s*usage:\s*", re.IGNORECASE)
#: An optional part of the syntax: "[-s]", "[/q]", "[-n <count>]".
_OPTIONAL_RE = re.compile(r"\s*\[(?P<part>[^\[\]]{1,40})\]")
#: A line explaining an option: "-s Recurse into subkeys.", "/q   Quiet mode".
_OPTION_LINE_RE = re.compile(r"^\s*(?P<flag>[-/][\w?][\w-]*)\s+(?P<what>\S.*)$")


def usage_command(usage: str) -> str:
    """`usage` ("Usage: tool <path> [-s]" and its option lines) as the command to type,
    then what each option does; `usage` unchanged when it is no "Usage:" text."""
    lines = [line for line in usage.strip("\n").split("\n") if line.strip()]
    if not lines or not _USAGE_LEAD_RE.match(lines[0]):
        return usage
    syntax = _USAGE_LEAD_RE.sub("", lines[0]).strip()
    command = _OPTIONAL_RE.sub("", syntax).strip()
    optional = [m.group("part").strip() for m in _OPTIONAL_RE.finditer(syntax)]
    optional = [part for part in optional if part]  # "[ ]" names no option
    said: list[str] = []
    explained: set[str] = set()
    for line in lines[1:]:
        option = _OPTION_LINE_RE.match(line)
        what = option.group("what").strip().rstrip(".") if option else ""
        if option and what:  # not "-s ...": no words to say what it does
            said.append(f"Add {option.group('flag')} to {what[0].lower()}{what[1:]}.")
            explained.add(option.group("flag"))
        else:
            said.append(line.strip())
    said += [f"Optional: {part}" for part in optional if part.split()[0] not in explained]
    return "\n\n".join([command, "\n".join(said)]) if said else command
