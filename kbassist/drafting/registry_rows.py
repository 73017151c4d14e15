"""A modern article's registry value rows said as the step that sets the value.

MS support articles list a registry value as rows: "Path: HKEY_...", "Name: Start",
"Type: REG_DWORD", "Data: 3 or 4" (often under a "Registry key 1" bullet), or under a step
"... add the following registry value:" as "Value name: / Data type: / Value data:".
Ticked row by row, or shown under a step that says only "the following value", nothing
says what to set: the rows become "Set the Start value (REG_DWORD) under HKEY_... to 3
or 4." and the step "add the MaxVerPages value (REG_DWORD, decimal) with the data 1024".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kbassist.drafting.text import split_detail, with_detail

if TYPE_CHECKING:
    from kbassist.drafting.option_model import Option

#: One row: "Name: Start", "- Data type: REG_DWORD", "Value data: 1024".
_ROW_RE = re.compile(
    r"^\s*(?:[-*]\s+)?(?P<label>(?:registry )?(?:key|path|subkey)|(?:value |setting |entry )?name"
    r"|(?:data |value )?type|(?:value )?data|value|radix)\s*:\s*(?P<said>\S.{0,200})$",
    re.IGNORECASE,
)
#: A bullet that only numbers the keys: "Registry key 1", "Key 2".
_KEY_HEAD_RE = re.compile(r"^(?:registry )?(?:key|value|entry|subkey) ?\d{1,2}:?$", re.I)
#: A step that announces the rows: "... add the following registry value:".
_ANNOUNCE_RE = re.compile(
    r"\b(?P<verb>add|create|set|change|modify|configure)?\s*the following (?:registry )?"
    r"(?:value|entry|setting)s?\s*:$",
    re.IGNORECASE,
)


def _field(label: str) -> str:
    """A row's label as path, name, type, data or radix."""
    label = label.casefold()
    if label.endswith(("key", "path")):
        return "path"
    if label.endswith("name"):
        return "name"
    if label.endswith("type"):
        return "type"
    return "radix" if label == "radix" else "data"


def _rows(lines: list[str]) -> dict[str, str] | None:
    """The value the rows give (name, type and data at least), None when any line is
    no row or one of those is missing."""
    found: dict[str, str] = {}
    for line in lines:
        row = _ROW_RE.match(line)
        if row is None:
            return None
        found.setdefault(_field(row.group("label")), row.group("said").strip().strip("`"))
    return found if {"name", "type", "data"} <= found.keys() else None


def _value(found: dict[str, str]) -> str:
    """ "the Start value (REG_DWORD, decimal)"."""
    kind = found["type"] + (f", {found['radix'].casefold()}" if "radix" in found else "")
    return f"the {found['name']} value ({kind})"


def registry_rows(option: Option) -> None:
    """Rows ticked one by one become one "Set ..." step; rows under a step announcing
    "the following registry value" are said in that step."""
    if option.when or not any("REG_" in i for i in option.items):
        return  # steps for one case are indexed: merging them would shift the cases
    out: list[str] = []
    items = option.items
    n = 0
    while n < len(items):
        text, detail = split_detail(items[n])
        head = 1 if _KEY_HEAD_RE.match(text.strip()) else 0
        end = n + head
        while end < len(items) and _ROW_RE.match(split_detail(items[end])[0]):
            end += 1
        found = _rows([split_detail(i)[0] for i in items[n + head : end]]) if end > n else None
        if found and "path" in found:
            notes = [split_detail(i)[1] for i in items[n:end] if split_detail(i)[1]]
            step = f"Set {_value(found)} under {found['path']} to {found['data']}."
            out.append(with_detail(step, "\n\n".join(notes)) if notes else step)
            n = end
            continue
        out.append(_announced(text, detail) if detail else items[n])
        n += 1
    option.items[:] = out


#: "... by adding the X registry key to (the) following subkey:" over the key's path,
#: then the value's rows.
_TO_KEY_RE = re.compile(
    r"\b(?P<verb>add(?:ing)?|creat(?:e|ing)|set(?:ting)?) the \S+ registry (?:key|value|entry)"
    r" (?:to|under|in) (?:the )?following (?:registry )?(?:sub)?key\s*:$",
    re.IGNORECASE,
)
_KEY_LINE_RE = re.compile(r"^\s*`?(?P<key>(?:HKEY_[A-Z_]+|HKLM|HKCU)\\[^`\n]{1,200}?)`?\s*$")
#: Where a row starts inside one line ("Name: X Type: REG_DWORD Value Data: 0").
_ROW_START_RE = re.compile(r"\s+(?=(?:value |data )?(?:name|type|data)\s*:)", re.IGNORECASE)
#: The data's aside: "0 (default value: 45 seconds; set to 0 to disable caching)".
_ASIDE_RE = re.compile(r"^(?P<data>[^()]{1,60}?)\s+\((?P<aside>[^()]{3,160})\)$")


def _to_key(text: str, detail: str) -> str | None:
    """ "... by adding the X registry key to following subkey:" over the key and "Name: /
    Type: / Value Data:" rows (one line or several): the step says the value, its key
    and data; the data's aside stays under it. None when the step is not that."""
    announce = _TO_KEY_RE.search(text)
    lines = [line for line in detail.split("\n") if line.strip()]
    key = _KEY_LINE_RE.match(lines[0]) if announce and lines else None
    if announce is None or key is None:
        return None
    rows: list[str] = []
    for line in lines[1:]:
        for row in _ROW_START_RE.split(line.strip()):
            if rows and rows[-1].casefold() in ("value", "data"):
                rows[-1] += " " + row  # "Value Data:" split at its "Data:"
            elif row:
                rows.append(row)
    found = _rows(rows)
    if found is None or "REG_" not in found["type"]:
        return None
    data, aside = found["data"], ""
    parts = _ASIDE_RE.match(data)
    if parts:
        data, aside = parts.group("data"), parts.group("aside")
    verb = announce.group("verb").casefold()
    said = f"{verb} {_value(found)} with the data {data} under {key.group('key').strip()}."
    step = text[: announce.start()] + said
    return with_detail(step, aside[0].upper() + aside[1:] + ".") if aside else step


def _announced(text: str, detail: str) -> str:
    """ "... add the following registry value:" over its rows: the step says the value;
    what follows the rows in the detail stays under it."""
    to_key = _to_key(text, detail)
    if to_key is not None:
        return to_key
    announce = _ANNOUNCE_RE.search(text)
    if announce is None:
        return with_detail(text, detail)
    lines = detail.split("\n")
    count = 0
    while count < len(lines) and (_ROW_RE.match(lines[count]) or not lines[count].strip()):
        count += 1  # rows one per line, or one per paragraph
    rows = [line for line in lines[:count] if line.strip()]
    found = _rows(rows) if rows else None
    if found is None or "REG_" not in found["type"]:
        return with_detail(text, detail)
    verb = (announce.group("verb") or "set").casefold()
    said = (
        f"{verb} {_value(found)} with the data {found['data']}"
        if verb in ("add", "create")
        else f"set {_value(found)} to {found['data']}"
    )
    if "path" in found:
        said += f" under {found['path']}"
    rest = "\n".join(lines[count:]).strip()
    step = text[: announce.start()] + said + "."
    return with_detail(step, rest) if rest else step
