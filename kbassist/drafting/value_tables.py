"""A step that sets a value "as follows:" over a table: the value to set said in the step.

Blind readers of seed 98 (cannot-set-timezone-automatically) marked steps that paste a
registry value's table instead of saying what to set: "set the data value of the registry
entry `HKLM\\...\\tzautoupdate\\Start` as follows:" over "Value data | Result / 3 | Enable
Set time zone automatically / 4 | Disable ...", when the fix is to enable it. Two kinds:

- a value/result table (one column the value, one what it does): the row whose result is
  what the outcome wants (enable / on / allow, or disable / off / deny when it turns a
  thing off) is said in the step, "... `...\\Start` to 3 (Enable Set time zone
  automatically)."; only when exactly one row fits and the outcome says one way only;
- a name/type/data table under "add the following values:" (old KB's boxed tables
  included): each row said, "Set Display (REG_SZ) to (GMT+02:00) Helsinki; ...", with a
  `reg add` command per row when the step or the rows name the key.

The table stays as the step's detail. Every regex has bounded repeats.
"""

from __future__ import annotations

import re
from typing import Any

#: A step that announces the table: "... as follows:", "... the following (four) values:".
_ANNOUNCE_RE = re.compile(
    r"(?:\s+as\s+follows|\s+(?:to\s+)?(?:one\s+of\s+)?the\s+following(?:\s+\w{1,12})?"
    r"(?:\s+registry)?\s+(?:values?|entr(?:y|ies)|settings?|data))"
    r"(?P<cond>\s+if\s[^:\n]{1,60})?\s*:\s*$",
    re.IGNORECASE,
)
#: The step sets or adds something (not "the table lists the following values:").
_SET_RE = re.compile(
    r"\b(?:set|change|add|create|configure|modify|enter|type)\b|\buse\b.{0,80}\bpolicy\b",
    re.IGNORECASE,
)
#: A header cell that is the value: "Value", "Value data", "Value string", "Data", "Setting".
_VALUE_HEAD_RE = re.compile(
    r"^(?:(?:value|registry value)(?:\s+(?:data|string|number))?|data|setting)$", re.IGNORECASE
)
#: A header cell that is what the value does: "Result", "Meaning", "Description", "Effect".
_RESULT_HEAD_RE = re.compile(r"^(?:result|meaning|description|effect|behaviou?r)$", re.IGNORECASE)
#: Cells of a name/type/data table.
_NAME_HEAD_RE = re.compile(r"^(?:value\s+)?name$", re.IGNORECASE)
_TYPE_HEAD_RE = re.compile(r"^(?:data\s+|value\s+)?type$", re.IGNORECASE)
_DATA_HEAD_RE = re.compile(r"^(?:value(?:\s+data)?|data)$", re.IGNORECASE)
#: What a result or a goal says: turn the thing on, or off.
_ON_RE = re.compile(r"\b(?:enabled?|enables|enabling|on|allow|allowed|turn(?:ed)?\s+on)\b", re.I)
_OFF_RE = re.compile(
    r"\b(?:disabled?|disables|disabling|off|deny|denied|block|turn(?:ed)?\s+off)\b", re.I
)
#: The same in an outcome's prose, where a bare "on" / "off" is a preposition ("on the
#: Edit menu", "log off"): only the verbs count there.
_GOAL_ON_RE = re.compile(r"\b(?:enabled?|enables|enabling|allow|turn(?:ed)?\s+on)\b", re.I)
_GOAL_OFF_RE = re.compile(r"\b(?:disabled?|disables|disabling|deny|turn(?:ed)?\s+off)\b", re.I)
#: A registry path in the step: `HKEY_LOCAL_MACHINE\\...` (backticks or not).
_KEY_RE = re.compile(r"`?(?P<key>(?:HKEY_[A-Z_]{4,20}|HKLM|HKCU)(?:\\[^\\`\s:]{1,120}){1,30})`?")
#: The note under a table that picks a row: "The recommended value is *0*, but ...".
_RECOMMENDED_RE = re.compile(
    r"\brecommended\s+(?:value|setting)\s+is\s+[*`'\"]{0,2}(?P<v>[\w-]{1,40})", re.IGNORECASE
)
_REG_TYPE_RE = re.compile(r"^REG_(?:SZ|EXPAND_SZ|MULTI_SZ|DWORD|QWORD|BINARY)$")


def _cells(line: str) -> list[str]:
    """A table line's cells: "Table: a | b", "a | b" or "| a | b |"."""
    line = line.strip()
    if line.startswith("Table:"):
        line = line[len("Table:") :]
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _table(detail: str) -> tuple[list[str], list[list[str]], str] | None:
    """The header, rows and what follows of a table the detail opens with, or None."""
    lines = detail.split("\n")
    rows: list[list[str]] = []
    at = 0
    while at < len(lines):
        bare = lines[at].strip()
        rule = bool(bare) and set(bare) <= set("+-=| ")  # an old KB table's rule line
        if (not bare and rows) or (bare and not rule and "|" not in bare):
            break  # the table's end: a blank line after its rows, or prose
        if bare and not rule:
            rows.append(_cells(bare))
        at += 1
    if len(rows) < 2 or len({len(r) for r in rows}) != 1:
        return None
    return rows[0], rows[1:], "\n".join(lines[at:]).strip()


def _wanted(said: str, prose: bool = False) -> bool | None:
    """True when a result (or the outcome's prose) turns a thing on, False off, None when
    it says both or neither."""
    on_re, off_re = (_GOAL_ON_RE, _GOAL_OFF_RE) if prose else (_ON_RE, _OFF_RE)
    on, off = bool(on_re.search(said)), bool(off_re.search(said))
    return on if on != off else None


def _to(said: str) -> str:
    """How the value joins the step: " to 3", or ", set to 0" after "... to enable X"."""
    return ", set to " if " to " in said else " to "


def _value_result(
    text: str, head: list[str], rows: list[list[str]], goal: str, rest: str
) -> str | None:
    """The step said with the row the note under the table recommends ("The recommended
    value is *0*"), else the one row whose result is what the outcome wants."""
    if len(head) != 2 or not _VALUE_HEAD_RE.match(head[0]) or not _RESULT_HEAD_RE.match(head[1]):
        return None
    said = _ANNOUNCE_RE.sub("", text).rstrip(" .")
    picked = _RECOMMENDED_RE.search(rest)
    results = {r[0].strip("`*"): r[1] for r in rows}
    if picked and picked.group("v") in results:
        value = picked.group("v")
        return f"{said}{_to(said)}{value} ({results[value]}, the value the article recommends)."
    wanted = _wanted(goal, prose=True)
    if wanted is None:
        return None
    fits = [r for r in rows if _wanted(r[1]) is wanted and r[0]]
    if len(fits) != 1 or not any(_wanted(r[1]) is (not wanted) for r in rows):
        return None  # no row, several, or none that does the opposite: not a switch
    value, result = fits[0]
    return f"{said}{_to(said)}{value} ({result})."


def _reg_add(key: str, name: str, kind: str, data: str) -> str:
    """`reg add` for one value, or "" when the data is not one to type (a note's pointer)."""
    if not _REG_TYPE_RE.match(kind) or kind == "REG_BINARY" or "*" in data or '"' in data:
        return ""
    return f'reg add "{key}" /v {name} /t {kind} /d "{data}" /f'


def _name_type_data(text: str, head: list[str], rows: list[list[str]]) -> str | None:
    """The step said with each row's "Set <name> (<type>) to <data>", and `reg add`."""
    if len(head) != 3 or not _NAME_HEAD_RE.match(head[0]) or not _TYPE_HEAD_RE.match(head[1]):
        return None
    if not _DATA_HEAD_RE.match(head[2]) or not all(r[0] and r[1] for r in rows):
        return None
    if not all(r[1].upper().startswith("REG_") for r in rows):
        return None
    key_match = _KEY_RE.search(text)
    key = key_match.group("key") if key_match else ""
    sets = "; ".join(
        f"set {n} ({t}) to " + ("the data the note below gives" if "note" in d.casefold() else d)
        for n, t, d in rows
    )
    said = f"{text.rstrip()} {sets}."
    if key:
        commands = [c for c in (_reg_add(key, n, t, d) for n, t, d in rows) if c]
        if commands:
            said += " Or run " + ", then ".join(f"`{c}`" for c in commands) + "."
    return said


#: A row label of a registry value's boxed rows: "Value Name:", "Data Type:", "Radix:".
_LABELS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:value\s+)?name:?$", re.IGNORECASE), "name"),
    (re.compile(r"^(?:data\s+|value\s+)?type:?$", re.IGNORECASE), "type"),
    (re.compile(r"^(?:value\s+)?data:?$|^value:?$", re.IGNORECASE), "data"),
    (re.compile(r"^radix:?$", re.IGNORECASE), "radix"),
)
#: A step that points at the key an earlier step gave: "Move to this Registry path".
_THIS_KEY_RE = re.compile(
    r"\b(?:this|that|the\s+same)\s+(?:registry\s+)?(?:path|key|subkey)\b", re.I
)


def _vertical(text: str, rows: list[list[str]], key: str) -> str | None:
    """Boxed rows "Value Name: | X", "Data Type: | REG_DWORD", "Data: | 0" under "add the
    following value (if ...):": the step says "add the X value (REG_DWORD) with the data
    0", and `reg add` when the key is known."""
    found: dict[str, str] = {}
    for row in rows:
        if len(row) != 2:
            return None
        field = next((f for pattern, f in _LABELS if pattern.match(row[0])), "")
        if not field or not row[1]:
            return None
        found.setdefault(field, row[1])
    if not {"name", "type", "data"} <= found.keys() or not found["type"].startswith("REG_"):
        return None
    announce = _ANNOUNCE_RE.search(text)
    if announce is None:
        return None
    radix = found.get("radix", "").casefold()
    kind = found["type"] + (f", {radix}" if radix else "")
    verb = "add" if re.search(r"\b(?:add|create)\b", text, re.IGNORECASE) else "set"
    value = f"the {found['name']} value ({kind})"
    said = (
        f"{value} with the data {found['data']}" if verb == "add" else f"{value} to {found['data']}"
    )
    head = text[: announce.start()]
    head = head[: head.rfind(verb)] if verb in head else head + " " + verb
    step = f"{head.rstrip()} {verb} {said}{announce.group('cond') or ''}."
    data = found["data"]
    if (
        radix == "hex"
        and found["type"] in ("REG_DWORD", "REG_QWORD")
        and re.fullmatch(r"[0-9A-Fa-f]{1,16}", data)
    ):
        data = "0x" + data
    command = _reg_add(key, found["name"], found["type"], data) if key else ""
    return f"{step} Or run `{command}`." if command else step


def said_value(text: str, detail: str, goal: str, before: str = "") -> str | None:
    """A step announcing a value table ("... as follows:") said with the value(s) to set,
    or None when it is not one or the table does not say which. `before` is the step
    before it (where "this Registry path" was given)."""
    if not detail or not _ANNOUNCE_RE.search(text) or not _SET_RE.search(text):
        return None
    table = _table(detail)
    if table is None:
        return None
    head, rows, rest = table
    if len(head) == 2 and head[0].endswith(":"):
        keys = _KEY_RE.findall(text) or (
            _KEY_RE.findall(before) if _THIS_KEY_RE.search(text) else []
        )
        return _vertical(text, [head, *rows], keys[-1] if keys else "")
    return _value_result(text, head, rows, goal, rest) or _name_type_data(text, head, rows)


def value_tables_said(tree: dict[str, Any]) -> None:
    """Say in each outcome's step the value its table gives, the table kept as detail."""
    for node in tree.get("nodes", []):
        if node.get("kind") != "outcome":
            continue
        goal = f"{node.get('title', '')}. {node.get('text', '')}"
        before = ""
        for step in node.get("steps", []):
            text, detail = str(step.get("text", "")), str(step.get("detail", ""))
            said = said_value(text, detail, f"{goal} {text}", before)
            before = f"{text}\n{detail}"
            if said:
                step["text"] = said
