"""Which registry keys a fix's own steps edit, and whether it edits one at all (round 34).

Two faults a blind reader found in the time-zone article (graded seed 94): its Group
Policy method ("To change the registry settings, use Group Policy Preferences ...; Set
the value of the Turn off Windows Location Provider setting to Not Configured") was given
a "Back up the registry key" step and a registry rollback though it names no key and never
opens Registry Editor: a policy's setting is set in the policy editor, and the policy
writes the registry itself. And its registry method edits two keys (`...\\tzautoupdate\\
Start`, `...\\location\\Value`) but backed up only the first. A "registry entry" or
"value" named by its full path ends in the value's name, not a key: `reg export` needs
the key that holds it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kbassist.drafting.text import split_detail

#: The registry as the tool of a step: its editor, reg.exe, PowerShell, a key's path.
_REGISTRY_TOOL_RE = re.compile(
    r"\b(?:regedit|regedt32|registry editor|reg(?:\.exe)? (?:add|delete|import|export)"
    r"|(?:set|new|remove)-itemproperty)|\bHKEY_|\bHK(?:LM|CU)\b",
    re.IGNORECASE,
)
#: Group Policy as the tool: the editors, a policy path, a policy setting.
_POLICY_RE = re.compile(
    r"\bgroup policy\b|\bgpedit\b|\bpolicy editor\b|\b(?:computer|user) configuration\s{0,3}>",
    re.IGNORECASE,
)
#: Before a path that names a value, not a key ("the registry entry `HKLM\\...\\Start`").
#: ("the following registry value:" over a key and its value's name on the next line is
#: no such path: the colon leads to the key).
_VALUE_BEFORE_RE = re.compile(r"\b(?:entry|value) [`\"']?$", re.IGNORECASE)


def by_policy_only(joined: str) -> bool:
    """Whether a fix's steps (`joined`) work in Group Policy and never in the registry
    itself: "registry settings" said only as what the policy changes."""
    return bool(_POLICY_RE.search(joined)) and not _REGISTRY_TOOL_RE.search(joined)


def edited_keys(
    items: list[str],
    key_re: re.Pattern[str],
    edits: Callable[[str], bool],
) -> list[str]:
    """The keys the steps that edit (`edits` of a step's text and detail) name, in order,
    each once; a value's path ("registry entry X\\Start") gives the key that holds it."""
    keys: dict[str, str] = {}
    for item in items:
        text, detail = split_detail(item)
        if not edits(f"{text}\n{detail}"):
            continue
        for match in key_re.finditer(f"{text}\n{detail}"):
            key = match.group(0).rstrip(" .\\")
            if len(key) > 160:
                continue
            before = f"{text}\n{detail}"[max(0, match.start() - 12) : match.start()]
            if _VALUE_BEFORE_RE.search(before) and key.count("\\") >= 2:
                key = key.rsplit("\\", 1)[0]
            keys.setdefault(key.casefold(), key)
    return list(keys.values())


def backed_up_keys(located: list[str], edited: list[str]) -> list[str]:
    """The keys to export: those the steps before the first change locate ("Locate the
    following key: X"), then those the changing steps name; a key under another listed
    one is in that one's export already."""
    keys: dict[str, str] = {}
    for key in [*located, *edited]:
        keys.setdefault(key.casefold(), key)
    folded = list(keys)
    return [
        key
        for fold, key in keys.items()
        if not any(fold != other and fold.startswith(other + "\\") for other in folded)
    ]
