"""A registry fix written as a key and its values, drafted as the steps that set them.

Many MS KB fixes give no procedure, only what the registry should hold: "modify and
increase the value of the following registry keys:", "Registry path:" over the key (often
wrapped over two lines, "... one path; it has been wrapped for readability"), then
"ProcessorThreadMax  REG_DWORD / Default: 10" or "Value Name: X / Data Type: REG_DWORD /
Value: 1", an explanation, and "the Web server must be stopped and restarted". Read as
prose, each label became a fix of its own, the key and value table were ticked as
steps, nothing said to set anything and the new value was never asked.

Here such a section is one fix whose steps are those of the kind: open Registry Editor,
locate each key (its path kept whole, as the detail to copy), set each value under it
(its type named) to the article's value or, where the article gives only a default or a
range, to `{Name}` (`_token`), a number asked with the default offered and the range (or
the article's "not more than N" advice) as its bounds; quit Registry Editor, then restart
what the article says must restart. The "back up the registry" note is the backup step
the drafter adds (with its rollback), never an option.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kbassist.articles import Section
from kbassist.drafting.option_model import Option
from kbassist.drafting.set_values import meant_value
from kbassist.drafting.text import Para, clean, is_boilerplate, split_sentences, with_detail

#: A DWORD's largest value: the bound of a value the article leaves unlimited.
MAX_DWORD = 4_294_967_295

#: "HKEY_LOCAL_MACHINE\SYSTEM\...", "HKLM\...": the first line of a key.
_KEY_START_RE = re.compile(r"^\\?(?:HKEY_[A-Z_]+|HKLM|HKCU)(?:[\\/]|$)")
#: A wrapped key's next line ("\Parameters") or one level of a key written as a tree.
_KEY_MORE_RE = re.compile(r"^(?:[\\/][\w .{}$/\\-]{1,80}|[\w.{}$-]{1,60}[\\/]?)$")
#: "ProcessorThreadMax  REG_DWORD": a value's name and type on one line.
#: "InitialKeyboardIndicators REG_SZ Number": the kind of data after the type, not data.
_NAME_TYPE_RE = re.compile(
    r"^(?P<name>[A-Za-z][\w.-]{1,60})\s*:?\s+(?P<type>REG_[A-Z_]+)"
    r"(?:\s+(?i:number|string|value|dword|path|text))?$"
)
#: "MajorVersion:REG_DWORD:0x4", "WaveAudio: REG_SZ: mciwave.drv": a value a line.
_COMPACT_RE = re.compile(
    r"^(?P<name>[A-Za-z][\w.-]{1,60})\s*:\s*(?P<type>REG_[A-Z_]+)\s*:\s*(?P<data>[^<>\s|]{1,80})$"
)
#: "Value Name: X", "Data Type: REG_DWORD", "Default: 10", "Range: 0 - unlimited".
_ROW_RE = re.compile(
    r"^(?P<label>value name|name|value|data type|value type|type|data|value data|default"
    r"(?: value)?|(?:valid |value )?range)\s*[:=]\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)
#: "Registry path:", "Registry Path (2):", "Registry key:": a label over the key.
_LABEL_RE = re.compile(
    r"^(?:the )?registry (?:path|key|subkey|location|entry|value)s?(?: \(\d\))?\s*:?$", re.I
)
#: "NOTE: The above registry key is one path; it has been wrapped for readability."
_WRAPPED_RE = re.compile(r"\bwrapped for readability\b|\bis one path\b", re.IGNORECASE)
#: The registry warning, the pointer to Help on editing it and the note to back it up:
#: said around every registry fix, never a step of this one (the backup is added).
_ASIDE_RE = re.compile(
    r"^(?:warning|caution|important)\s*:|\bhow to (?:edit|restore|back ?up) the registry\b"
    r"|\bback ?up the registry\b",
    re.IGNORECASE,
)
#: "NUMBER", "STRING": the kind of data, not the data.
_GENERIC_DATA_RE = re.compile(r"^(?:NUMBER|STRING|VALUE|NAME|PATH|TEXT|DWORD|DATA)$")
#: "1000 (Default = 100)": the value and what the article says beside it.
_DATA_ASIDE_RE = re.compile(r"^(?P<data>\S+)\s+\((?P<aside>[^()]{2,120})\)$")
#: "Go to the following location in the Registry and verify the data for each of the
#: following values": the values are checked (and set where they differ).
_CHECKING_RE = re.compile(r"\b(?:verify|check|make sure|ensure)\b", re.IGNORECASE)
#: "Range: 0 - unlimited", "Range: 1 to 64".
_RANGE_RE = re.compile(
    r"^(?P<lo>\d[\d,]{0,12})\s*(?:-|to|through|or)\s*(?P<hi>\d[\d,]{0,12}|unlimited)\b", re.I
)
#: "It is not advisable to create more than 20 threads per processor", "Creating more
#: than 20 ... is discouraged", "should not exceed 20": the article's recommended limit.
_ADVICE_RE = re.compile(
    r"\b(?:not (?:advisable|recommended)|discouraged|should not (?:exceed|be more than)"
    r"|do not (?:exceed|set [^.]{0,40}higher than))\b",
    re.IGNORECASE,
)
_MORE_THAN_RE = re.compile(r"\b(?:more than|exceed|higher than|above)\s+(?P<n>\d{1,9})\b", re.I)
#: "the Web server must be stopped and restarted", "the computer must be restarted".
_RESTART_RE = re.compile(
    r"\b(?P<what>(?:the|your) (?:[\w-]+ ){0,3}?(?:server|service|computer|machine|system"
    r"|workstation|application|program))\s+(?:must|should|needs to|has to|will need to) be"
    r"\s+(?P<how>stopped and (?:then )?restarted|restarted|rebooted)\b",
    re.IGNORECASE,
)
#: "restart the computer for the change to take effect", "you must restart Windows".
_RESTART_YOU_RE = re.compile(
    r"\b(?:you must|you need to|then|and) (?P<verb>restart|reboot) (?P<what>(?:the|your) "
    r"(?:[\w-]+ ){0,3}?(?:server|service|computer|machine|system|workstation)|windows)\b",
    re.IGNORECASE,
)
#: Another fix in the same section, or a procedure the general reading already handles.
_ELSEWHERE_RE = re.compile(
    r"\b(?:service pack|hotfix|hot fix|alternatively|another (?:way|method)|registry editor"
    r" \(|regedt32|regedit|edit menu|add value|win\.ini|system\.ini|upgrade|install"
    r"|sp\s?\d)\b|^-?or-?$",
    re.IGNORECASE,
)


@dataclass
class _Value:
    """One value the fix sets under a key."""

    name: str
    kind: str  # REG_DWORD ...
    data: str = ""  # the article's fixed value, if it prescribes one
    default: str = ""
    range: str = ""
    said: list[str] = field(default_factory=list)  # the article's explanation


@dataclass
class _Key:
    """One key the fix goes to, its path whole, and the values set under it."""

    path: str
    values: list[_Value] = field(default_factory=list)


def _key_path(para: Para) -> str | None:
    """The key a code-like paragraph names, its wrapped lines joined; None otherwise."""
    lines = [line.strip() for line in para.lines if line.strip()]
    if not lines or not _KEY_START_RE.match(lines[0]):
        return None
    if not all(_KEY_MORE_RE.match(line) for line in lines[1:]):
        return None
    if not any("\\" in line for line in lines):  # "HKEY_LOCAL_MACHINE/SYSTEM/...": one key
        lines = [line.replace("/", "\\") for line in lines]
    path = re.sub(r"\s+\\", r"\\", lines[0].lstrip("\\"))  # "LanmanServer \Parameters"
    for line in lines[1:]:
        path = f"{path.rstrip(chr(92))}\\{line.lstrip(chr(92))}"
    return path.rstrip("\\")


def _value_rows(para: Para) -> list[_Value] | None:
    """The values a paragraph describes: "Name  REG_X" over "Default: 10" rows, rows
    only ("Value Name: X", "Data Type: REG_DWORD", "Data: 1"), or one value a line
    ("MajorVersion:REG_DWORD:0x4"); None for any other paragraph."""
    lines = [line.strip() for line in para.lines if line.strip()]
    if not lines or len(lines) > 8:
        return None
    compact = [_COMPACT_RE.match(line) for line in lines]
    if all(compact):
        listed = [_Value(m.group("name"), m.group("type"), m.group("data")) for m in compact if m]
        tidied = [_data_read(v) for v in listed]
        return [v for v in tidied if v is not None] if all(tidied) else None
    found = None if _ROW_RE.match(lines[0]) else _NAME_TYPE_RE.match(lines[0])
    value = _Value(found.group("name"), found.group("type")) if found else _Value("", "")
    for line in lines[1:] if found else lines:
        row = _ROW_RE.match(line)
        if row is None:
            return None
        label, said = row.group("label").casefold(), row.group("value").strip()
        if label in ("value name", "name") or (label == "value" and not value.name):
            value.name = said
        elif label.endswith("type"):
            value.kind = said
        elif label.startswith("default"):
            value.default = said
        elif label.endswith("range"):
            value.range = said
        else:
            value.data = said
    if not value.name or not value.kind.upper().startswith("REG_") or " " in value.kind:
        return None
    if not re.fullmatch(r"[\w.-](?:[\w .-]{0,58}[\w.-])?", value.name):
        return None
    value.kind = value.kind.upper()
    read = _data_read(value)
    return [read] if read is not None else None


def _data_read(value: _Value) -> _Value | None:
    """The value with its data read: a generic word or a range is no data to set; None
    when the data is prose."""
    if _GENERIC_DATA_RE.match(value.data):
        value.data = ""  # "InitialKeyboardIndicators: REG_SZ: NUMBER": what goes there
    if value.data and _RANGE_RE.match(value.data) and not value.range:
        # "Data: 0 or 1 where 1 disables the option.": a choice, not the value to set
        value.range, value.said = value.data, [value.data]
        value.data = ""
    elif len(value.data.split()) > 4 or re.search(r"\b(?:or|where|if)\b", value.data):
        return None  # data said in prose: not a value to type as it is
    return value


def _rows_joined(paras: list[Para]) -> list[Para]:
    """Rows of one value written a paragraph each ("Value: X" / "Type: REG_DWORD"): one."""
    out: list[Para] = []
    for para in paras:
        rows = all(_ROW_RE.match(line.strip()) for line in para.lines if line.strip())
        if (
            rows
            and out
            and all(_ROW_RE.match(line.strip()) for line in out[-1].lines if line.strip())
            and _value_rows(out[-1]) is None  # a value of its own is complete
        ):
            out[-1] = Para([*out[-1].lines, *para.lines])
            continue
        out.append(para)
    return out


def _keys_of(paras: list[Para]) -> tuple[list[str], list[_Key], list[str]] | None:
    """(lead, keys with their values, sentences after the first key) of a section that
    is one registry fix; None when it holds anything else (steps, another fix)."""
    lead: list[str] = []
    keys: list[_Key] = []
    after: list[str] = []
    pending: list[_Value] = []  # a value shown before the key it belongs to
    for para in _rows_joined(paras):
        if para.separator or para.numbered or para.heading or para.marker:
            return None
        text = clean(para.text)
        if not text or is_boilerplate(text) or _LABEL_RE.match(text) or _ASIDE_RE.search(text):
            continue
        path = _key_path(para)
        if path is not None:
            keys.append(_Key(path, pending))
            pending = []
            continue
        values = _value_rows(para)
        if values is not None:
            if keys and not (pending and not keys[-1].values):
                keys[-1].values.extend(values)
            else:
                pending.extend(values)
            continue
        if _WRAPPED_RE.search(text):
            continue
        if _ELSEWHERE_RE.search(text) or "<" in text:
            return None
        if not keys:
            lead.append(text)
            continue
        last = keys[-1].values[-1] if keys[-1].values else None
        if last is not None:
            last.said.append(text)
        after.append(text)
    if pending or not keys or any(not k.values for k in keys):
        return None
    return lead, keys, after


def _said_value(value: _Value, texts: list[str]) -> str:
    """The data the article's prose sets the value to ("set the data value of the
    AllowUnqualifiedQuery value to 1", "Setting this value to "1" causes ..."), or ""."""
    name = re.escape(value.name)
    pattern = re.compile(
        rf"\bset(?:ting)?\s+(?:the\s+(?:data\s+)?value\s+of\s+)?(?:the\s+)?(?:{name}|this)"
        r"(?:\s+(?:value|entry|parameter))?\s+to\s+\"?(?P<data>\d{1,10}|0x[0-9a-f]{1,8})\b",
        re.IGNORECASE,
    )
    for text in texts:
        found = pattern.search(text) if "set" in text.casefold() else None
        if found:
            return found.group("data")
    return ""


def _bounds(value: _Value, said: str) -> tuple[int, int, int | None] | None:
    """(min, max, default) of a DWORD the admin chooses: the article's range, or its
    "not more than N" advice as the top; None when they do not make a range."""
    if value.kind != "REG_DWORD":
        return None
    low, high = 0, MAX_DWORD
    found = _RANGE_RE.match(value.range.replace("\xa0", " ")) if value.range else None
    if found:
        low = int(found.group("lo").replace(",", ""))
        if found.group("hi").casefold() != "unlimited":
            high = int(found.group("hi").replace(",", ""))
    for sentence in split_sentences(said):
        more = _MORE_THAN_RE.search(sentence) if _ADVICE_RE.search(sentence) else None
        if more:
            high = min(high, int(more.group("n")))
    # ASCII digits only: "²" is a digit to str.isdigit() and no number to int()
    default = int(value.default) if value.default.isascii() and value.default.isdigit() else None
    if default is None and found is None and high == MAX_DWORD:
        return None  # nothing the article says about the value: no number to offer
    if not low < high or (default is not None and not low <= default <= high):
        return None
    return low, high, default


#: A name the drafter finds as a `{Name}` placeholder (text.find_params): a capital or
#: `_` first, then word characters or `-`.
_TOKEN_NAME_RE = re.compile(r"[A-Z_][\w-]{1,40}")


def _token(name: str) -> str:
    """The placeholder a value's new data is asked by: `{ProcessorThreadMax}`, or for a
    name that is no such token ("Max Cached Icons", "fDenyTSConnections", "Cache.Size")
    `{Value_Max_Cached_Icons}`; "{Max Cached Icons}" was shown as it is, never asked."""
    if _TOKEN_NAME_RE.fullmatch(name):
        return "{" + name + "}"
    return "{Value_" + re.sub(r"[^\w-]+", "_", name).strip("_")[:34] + "}"


def _restart(sentences: list[str]) -> tuple[str, str]:
    """(step, the article's sentence) for the restart the article says the change needs."""
    for sentence in sentences:
        found = _RESTART_RE.search(sentence)
        if found:
            what = found.group("what")
            verb = "Stop and restart" if found.group("how").startswith("stopped") else "Restart"
            return f"{verb} {what[0].lower()}{what[1:]}.", sentence
        found = _RESTART_YOU_RE.search(sentence)
        if found:
            return f"{found.group('verb').capitalize()} {found.group('what')}.", sentence
    return "", ""


def registry_values_option(
    section: Section, paras: list[Para], prefix: str, fixed_only: bool = False
) -> Option | None:
    """The one fix of a section that only names registry keys and the values to set
    under them (no procedure of its own), drafted as the steps that set them; None for
    any other section. `fixed_only` (MORE INFORMATION, SUMMARY): only when the article
    gives every value's data, since there a value without one is described, not set."""
    if "REG_" not in section.text:
        return None
    found = _keys_of(paras)
    if found is None:
        return None
    lead, keys, after = found
    if fixed_only and any(
        not (v.data or _said_value(v, [*lead, *v.said])) for k in keys for v in k.values
    ):
        return None
    option = Option(section, "", " ".join(lead), [])
    steps = ["Start Registry Editor (Regedit.exe)."]
    checking = bool(_CHECKING_RE.search(" ".join(lead)))
    for key in keys:
        steps.append(with_detail("Locate and click the following registry key:", key.path))
        for value in key.values:
            said = " ".join(value.said)
            shown = "\n".join(
                f"{name}: {text}"
                for name, text in (("Default", value.default), ("Range", value.range))
                if text
            )
            shown = "\n\n".join(p for p in (shown, said) if p)
            missing = (
                f"If {value.name} is not there, create it: Edit > New (Edit > Add Value in "
                f"Regedt32), name {value.name}, type {value.kind}."
            )
            value.data = value.data or _said_value(value, [*lead, *value.said])
            if value.data and checking:  # "verify the data for each of the following values"
                step = (
                    f"Make sure the {value.name} value ({value.kind}) is {value.data}; if it is"
                    " not, set it to that."
                )
                steps.append(with_detail(step, "\n\n".join(p for p in (missing, shown) if p)))
                continue
            data, aside = value.data, ""
            if value.data and (said_also := _DATA_ASIDE_RE.match(value.data)):
                # "1000 (Default = 100)", "0x80 (This is about 120 seconds)": the value,
                # its aside shown under the step
                data, aside = said_also.group("data"), said_also.group("aside")
                shown = "\n\n".join(p for p in (aside, shown) if p)
            if data:
                step = f"Set the {value.name} value ({value.kind}) to {data}."
                steps.append(with_detail(step, "\n\n".join(p for p in (missing, shown) if p)))
                continue
            meant = meant_value(said, " ".join(lead))
            if meant:  # "0 means that NUMLOCK is turned off" under "To turn this ... off"
                step = f"Set the {value.name} value ({value.kind}) to {meant}."
                steps.append(with_detail(step, "\n\n".join(p for p in (missing, shown) if p)))
                continue
            bounds = _bounds(value, said)
            if bounds is None:
                return None  # a value whose new data the article does not say: not this kind
            token = _token(value.name)
            option.bounds[token] = bounds
            option.bound_names[token] = value.name
            limits = [s for s in split_sentences(said) if _ADVICE_RE.search(s)]
            if limits:  # the article's advice on this value: shown where it is asked
                option.bound_notes[token] = " ".join(limits)
            step = f"Set the {value.name} value ({value.kind}) to {token}."
            steps.append(with_detail(step, "\n\n".join(p for p in (missing, shown) if p)))
    steps.append("Quit Registry Editor.")
    restart, why = _restart([s for text in after for s in split_sentences(text)])
    if restart:
        steps.append(with_detail(restart, f'The article: "{why}"'))
    option.items = steps
    names = [v.name for k in keys for v in k.values]
    option.label = (
        f"{prefix}Set {names[0]} in the registry"
        if len(names) == 1
        else f"{prefix}Set {', '.join(names[:-1])} and {names[-1]} in the registry"
    )
    return option


#: "copy the ExcludeProfileDirs registry key from a Windows 10, version 1709-based computer
#: to the version 1803-based computers that are experiencing the problem": a key moved
#: between machines, which is an export on one and an import on the others.
_COPIED_RE = re.compile(
    r"\bcopy (?:the |this )?(?P<name>[\w.-]{1,60}) registry (?:key|subkey) from (?P<src>(?:an? |"
    r"the |another )[^.;]{3,120}?) to (?P<dst>(?:the |all |each |every |other )[^.;]{3,160}?)"
    r"(?:\.|;|$)",
    re.IGNORECASE,
)
#: The key's full path: "HKEY_CURRENT_USER\SOFTWARE\...\Winlogon\ExcludeProfileDirs".
_FULL_KEY_RE = re.compile(r"\b(?:HKEY_[A-Z_]+|HKLM|HKCU)\\[^\n`\"]{1,200}")


def registry_copied(option: Option) -> None:
    """ "Copy the X registry key from machine A to machines B" (the key's path shown with
    it): two steps, the export on A and the import on each B, each with its `reg`
    command to copy, instead of one tick that does both."""
    from kbassist.drafting.text import split_detail

    for n, item in enumerate(option.items):
        if "registry" not in item:
            continue
        text, detail = split_detail(item)
        found = _COPIED_RE.search(text)
        path = _FULL_KEY_RE.search(detail) or _FULL_KEY_RE.search(text)
        if found is None or path is None:
            continue
        key = path.group(0).strip().rstrip(".")
        name = found.group("name")
        if not key.casefold().endswith(name.casefold()):
            continue  # the path shown is not the key the sentence copies
        rest = "\n".join(
            line for line in detail.split("\n") if _FULL_KEY_RE.search(line) is None
        ).strip()
        user = (
            "HKEY_CURRENT_USER is each user's own: import it signed in as the user it is for."
            if key.upper().startswith(("HKEY_CURRENT_USER", "HKCU"))
            else ""
        )
        export = with_detail(
            # not "export the key": that would read as the backup of the key it replaces
            f"Write the {name} key to {name}.reg on {found.group('src')} (reg export).",
            "\n\n".join(p for p in (f'reg export "{key}" {name}.reg', rest) if p),
        )
        imported = with_detail(
            f"Copy {name}.reg to {found.group('dst')}, and import it on each.",
            "\n\n".join(p for p in (f"reg import {name}.reg", user) if p),
        )
        option.items[n : n + 1] = [export, imported]
        return


#: "Note that you should back up the registry before you edit it.": the registry
#: warning's last sentence, which a fix section's first paragraph often ends with.
_BACKUP_NOTE_RE = re.compile(
    r"^(?:(?:resolution|workaround): )?note that you should (?P<act>back ?up the registry\b.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: The rest of the registry warning: "WARNING: Using Registry Editor incorrectly ...",
#: "There are three workarounds for this issue.", "... the following registry keys:".
_WARNING_ONLY_RE = re.compile(
    r"^(?:warning|caution|important)\s*:|\bregistry editor\b.{0,80}\bat your own risk\b"
    r"|^there (?:are|is) (?:\w+ )?(?:workarounds?|methods?|ways?|resolutions?)\b[^.]{0,60}\.$"
    r"|\bemergency repair disk\b|:$",
    re.IGNORECASE | re.DOTALL,
)


def _note_only(option: Option) -> bool:
    """Whether an option says only the registry warning and the note to back it up."""
    from kbassist.drafting.text import split_detail

    parts = [p for item in option.items for p in split_detail(item) if p.strip()]
    chunks = [c.strip() for p in parts for c in re.split(r"\n\s*\n", p) if c.strip()]
    return bool(chunks) and all(
        _BACKUP_NOTE_RE.match(c) or _WARNING_ONLY_RE.search(c) or is_boilerplate(c) for c in chunks
    )


def registry_note_options(options: list[Option]) -> list[Option]:
    """ "Note that you should back up the registry before you edit it." (with the registry
    warning) is no fix: an option that says only that is dropped when the article offers
    others (each fix that edits the registry gets its own backup step)."""
    if len(options) < 2:
        return options
    return [o for o in options if not (_BACKUP_NOTE_RE.match(o.label) and _note_only(o))]


#: "Registry path:", "Registry key: run the following:" at the start of a tick.
_LABEL_HEAD_RE = re.compile(
    r"^registry (?:path|key|subkey|location)s?(?: \(\d\))?\s*:(?:\s*run the following:)?",
    re.IGNORECASE,
)
#: The tick a "Registry path:" label over a key and its values becomes.
LOCATE_SHOWN = "In Registry Editor, locate the registry key shown below and set its value as shown."
#: A key under a label: "HKEY_LOCAL_MACHINE\...", or "\SYSTEM\CurrentControlSet\..." under
#: "the subtree HKEY_LOCAL_MACHINE".
_SHOWN_KEY_RE = re.compile(
    r"\bHKEY_[A-Z_]+\b|\bHK(?:LM|CU)\\|^\\?SYSTEM\\CurrentControlSet\\", re.MULTILINE
)
#: A registry key or path line: what a step names, never a fix's name.
_KEY_LINE_RE = re.compile(r"^\\?(?:HKEY_|HKLM|HKCU)|^[A-Za-z]:\\|^\\\\")


def registry_note_named(option: Option) -> None:
    """A fix named by the registry note ("Note that you should back up the registry
    before you edit it") is named by its first real step instead (or, when the steps
    sit under the note, by their first sentence), and the note, ticked, says the
    action it asks for: "Back up the registry before you edit it." """
    from kbassist.drafting.options import option_label
    from kbassist.drafting.text import split_detail

    for n, item in enumerate(option.items):
        text, detail = split_detail(item)
        note = _BACKUP_NOTE_RE.match(text.strip())
        if note:
            act = note.group("act")
            option.items[n] = with_detail(act[0].upper() + act[1:], detail)
    for n, item in enumerate(option.items):
        text, detail = split_detail(item)
        label = _LABEL_HEAD_RE.match(text.strip())
        rest = text.strip()[label.end() :].strip() if label else ""
        if label and rest and _KEY_LINE_RE.match(rest):
            # "Registry key: run the following: HKEY_...": the key to go to
            option.items[n] = with_detail(f"Locate the following registry key: {rest}", detail)
        elif label and not rest and _SHOWN_KEY_RE.search(detail):
            # "Registry path:" over the key and its value rows: where to go, not a label
            option.items[n] = with_detail(LOCATE_SHOWN, detail)
    head = _BACKUP_NOTE_RE.match(option.label)
    if head is None:
        return
    prefix = option.label[: head.start("act")].removesuffix("Note that you should ")
    prefix = prefix if prefix.endswith(": ") else ""
    texts = [split_detail(i)[0].strip() for i in option.items]
    details = [split_detail(i)[1] for i in option.items]
    said = [t for t in texts if t and not t.casefold().startswith(("back up", "tell the user"))]
    said += [
        s
        for d in details
        for chunk in re.split(r"\n\s*\n", d)
        for s in split_sentences(" ".join(chunk.split()))
        if not _BACKUP_NOTE_RE.match(s) and not _WARNING_ONLY_RE.search(s)
    ]
    name = next(  # a sentence, not a key or a fragment ("as two (2) REG_BINARY entries")
        (s for s in said if s[:1].isupper() and not _KEY_LINE_RE.match(s) and len(s) > 12), ""
    )
    if name:
        option.label = prefix + option_label(name.rstrip(":"))
