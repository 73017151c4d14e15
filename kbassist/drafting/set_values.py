"""A value the article describes, drafted as the value to set.

Readers of seed 106 marked fixes whose steps describe a setting instead of setting it:
a registry value shown as "InitialKeyboardIndicators REG_SZ Number / Default: 0" with
"0 means that NUMLOCK is turned off ...; 2 means NUMLOCK is turned on ..." under "To turn
this functionality off, ...", ticked as the description; and a config section the article
gives as "The PROTOCOL ODINSUP section of the NET.CFG file should read as follows:" over
the lines, ticked as that statement, its "(where <NE2000> is the network adapter ODI
driver)" aside left inside the lines an admin pastes.

- `meant_value`: the value whose meaning is what the fix's lead sets out to do (turn a
  thing off, or on), when the article gives two or more values and exactly one fits;
  `registry_values` sets it ("Set the InitialKeyboardIndicators value (REG_SZ) to 0").
- `config_reads_set`: "<part> of the <FILE> file should read as follows:" over its lines
  is "Edit <FILE> so that <part> reads as follows:"; an aside "(where X is Y)" inside the
  lines is taken out of them (the input that asks X already says what it is, else the
  aside is shown after the lines). Also when the statement ends a step that first says
  why ("... may resolve this problem. For example, the reference to HIMEM.SYS in the
  CONFIG.SYS file should read as follows:"), and "X is also required in the [Boot] section
  of the SYSTEM.INI file. It should read as follows:" ("In ..., make sure the X line reads
  as follows:").
- `value_rows_set`: a "Value Name: N Data Type: T Value: V" row ticked as its own step
  (the table flattened into one line after "add the following value") is "Set the N value
  (T) to V." when V is the data, not a description of it.

Every regex has bounded repeats.
"""

from __future__ import annotations

import re
from typing import Any

#: "0 means that NUMLOCK is turned off after the user logs on", "A value of 1 indicates
#: that the feature is enabled": a value and what it does.
_MEANS_RE = re.compile(
    r"(?:^|(?<=[;.,:]\s)|(?<=\band\s))(?:a value of |a setting of |setting (?:it|this value) to )?"
    r"(?P<v>\d{1,10}|0x[0-9a-f]{1,8}) (?:means|indicates)(?: that)? (?P<what>[^;.]{3,160})",
    re.IGNORECASE,
)
#: What a meaning does: turn a thing on, or off (a bare "on"/"off" is a preposition).
_ON_RE = re.compile(r"\b(?:enabled|turn(?:s|ed)? on|is on|allowed)\b", re.IGNORECASE)
_OFF_RE = re.compile(
    r"\b(?:disabled|turn(?:s|ed)? off|is off|not allowed|blocked)\b", re.IGNORECASE
)
#: The fix's stated aim: "To turn this functionality off, ...", "to disable X".
_GOAL_RE = re.compile(
    r"\bto (?:(?:turn|switch) (?:[\w-]+ ){0,3}?(?P<way>on|off)\b|(?P<verb>disable|enable)\b)",
    re.IGNORECASE,
)


def _way(text: str) -> bool | None:
    """True when a meaning turns a thing on, False off, None when it says both or neither."""
    on, off = bool(_ON_RE.search(text)), bool(_OFF_RE.search(text))
    return on if on != off else None


def meant_value(said: str, lead: str) -> str:
    """The value to set, with what it does ("0 (NUMLOCK is turned off after the user logs
    on)"), when the lead says the fix turns something off (or on) and exactly one of the
    two or more values the article explains does that; "" otherwise."""
    goals = {
        (m.group("way") or m.group("verb")).casefold() in ("on", "enable")
        for m in _GOAL_RE.finditer(lead)
    }
    if len(goals) != 1:
        return ""
    wanted = goals.pop()
    meanings = [(m.group("v"), m.group("what").strip()) for m in _MEANS_RE.finditer(said)]
    if len(meanings) < 2 or len({v for v, _ in meanings}) != len(meanings):
        return ""
    fits = [(v, what) for v, what in meanings if _way(what) is wanted]
    if len(fits) != 1 or not any(_way(what) is (not wanted) for _, what in meanings):
        return ""
    value, what = fits[0]
    return f"{value} ({what})"


#: "The PROTOCOL ODINSUP section of the NET.CFG file should read as follows:", "The SHELL=
#: line in the [boot] section of the SYSTEM.INI file should read as follows:".
_READS_RE = re.compile(
    r"^(?P<part>(?:the |your )?[^:]{3,120}?) (?:of|in) (?:the |your )?(?P<file>[\w-]{1,40}"
    r"\.(?:cfg|ini|sys|bat|inf|ncf|conf|txt))(?: file)? (?:should|must) (?:be changed to )?"
    r"(?:read|look like)(?: (?:as follows|the following|like this|similar to the following))?\s*:$",
    re.IGNORECASE,
)
#: The same said as the last sentence of a step that first says why ("Adding /M:PS2 to the
#: HIMEM.SYS line may resolve this problem. For example, the reference to HIMEM.SYS in the
#: CONFIG.SYS file should read as follows:"): the lead sentences kept, the last one edited.
_LAST_SENTENCE_RE = re.compile(
    r"^(?P<lead>.{10,400}?[.!?]\s+(?:For example, )?)(?P<last>(?:[^.!?]|\.(?=\S)){8,200}:)$"
)
#: "An HP Windows mouse driver is also required in the [Boot] section of the SYSTEM.INI
#: file. It should read as follows:": what the file needs, then "it" said as a statement.
_NEEDED_IT_RE = re.compile(
    r"^(?:an? |the )(?P<what>[^.:]{3,80}?) is (?:also )?(?:required|needed) in (?P<where>"
    r"(?:the |your )?[^.:]{0,60}?[\w-]{1,40}\.(?:cfg|ini|sys|bat|inf|ncf|conf)(?: file)?)\. "
    r"(?:it|this line|the line|this entry|the entry) (?:should|must) (?:read|look like)"
    r"(?: as follows| the following)?\s*:$",
    re.IGNORECASE,
)
#: A registry value row flattened into one step that says nothing is to be set: "Value Name:
#: ManageQueueSize Data Type: REG_DWORD Data: 8" (optionally "Location: HKLM\\... " first).
_ROW_STEP_RE = re.compile(
    r"^(?:Location: (?P<key>HK\S{4,200}) )?Value Name\s?: (?P<name>[A-Za-z0-9{][\w{}.-]{0,60})"
    r" Data Type\s?: (?P<kind>REG_[A-Z_]{2,12}|Reg_Dword|Reg_Sz)\s?:?"
    r"(?: Radix: (?P<radix>Decimal|Hex(?:adecimal)?))?"
    r" (?:Value data|String Value|Value|Data|String)\s?: (?P<value>\S.{0,200}?)\.?$",
    re.IGNORECASE,
)
#: A value that is the data itself ("cp_932.nls", "{placeholder_1}", "/o={p1}/cn=Microsoft
#: MTA", "<value between 0-120,000>"), not a description of it ("The IP address of ...").
_CONCRETE_RE = re.compile(r"^(?:\S{1,200}|<[^<>]{3,80}>|(?=\S*[=/\\])\S{1,160}(?: \S{1,40}){1,2})$")
#: "(where <NE2000> is the network adapter ODI driver)" at the end of a line of the block.
_WHERE_RE = re.compile(
    r"\s*\((?P<aside>where (?P<what>[^()\s]{1,60}) (?:is|represents) [^()]{3,160})\)"
)
#: A statement's "should read" in an outcome's title or a choice's label (cut or whole).
_TITLE_TAIL_RE = re.compile(r" (?:should|must) (?:read|look like)\b.*$", re.IGNORECASE)


def _without_asides(detail: str, asked: set[str]) -> str:
    """The block without its "(where X is Y)" asides; an aside whose X no input asks is
    shown after the block."""
    notes: list[str] = []

    def cut(found: re.Match[str]) -> str:
        if found.group("what") not in asked:
            aside = found.group("aside")
            notes.append(aside[0].upper() + aside[1:] + ".")
        return ""

    block = "\n".join(_WHERE_RE.sub(cut, line).rstrip() for line in detail.split("\n"))
    return "\n\n".join([block, *notes])


def config_reads_set(tree: dict[str, Any]) -> None:
    """ "<part> of <FILE> should read as follows:" over the lines: "Edit <FILE> so that
    <part> reads as follows:", its title the same, the lines without "(where ...)"."""
    asked = {
        "{" + str(n.get("var") or n.get("id")) + "}"
        for n in tree.get("nodes", [])
        if n.get("kind") == "input"
    }
    renamed: dict[str, str] = {}
    for node in tree.get("nodes", []):
        if node.get("kind") != "outcome":
            continue
        for step in node.get("steps") or []:
            text, detail = str(step.get("text", "")), str(step.get("detail") or "")
            if not detail.strip() or not text.rstrip().endswith(":"):
                continue
            if " read" not in text and " look like" not in text:
                continue  # every form below ends "... should read|look like ...:"
            needed = _NEEDED_IT_RE.match(text.strip())
            if needed is not None:
                what, where = needed.group("what"), needed.group("where")
                if not re.search(r"\b(?:line|entry|statement|setting)$", what, re.I):
                    what += " line"
                step["text"] = f"In {where}, make sure the {what} reads as follows:"
                break
            lead, found = "", _READS_RE.match(text.strip())
            if found is None:
                last = _LAST_SENTENCE_RE.match(text.strip())
                found = _READS_RE.match(last.group("last")) if last else None
                lead = last.group("lead") if found is not None and last else ""
            if found is None:
                continue
            part = found.group("part")
            part = part[0].lower() + part[1:] if part[:4].casefold() == "the " else part
            name = found.group("file")
            verb = "edit" if lead.endswith("For example, ") else "Edit"
            step["text"] = f"{lead}{verb} {name} so that {part} reads as follows:"
            if _WHERE_RE.search(detail):
                step["detail"] = _without_asides(detail, asked)
            head = text.strip().rstrip(":")
            title = str(node.get("title", ""))
            if lead:
                break  # the title names the lead sentence, not the statement
            stem = _TITLE_TAIL_RE.sub("", head)
            at = title.find(stem) if stem else -1
            if at >= 0 and _TITLE_TAIL_RE.search(title[at:]):
                new = f"{title[:at]}Edit {part} of {name}"
                renamed[title] = new
                node["title"] = new
            break
    if not renamed:
        return
    for node in tree.get("nodes", []):  # the question's choice that named the fix
        for choice in node.get("choices") or []:
            if choice.get("label") in renamed:
                choice["label"] = renamed[choice["label"]]


#: "Set the Start value (REG_DWORD) under HKEY_...\cdrom to 3 or 4.": two values, one to set.
_EITHER_RE = re.compile(
    r"^(?P<head>Set the (?P<name>[A-Za-z][\w.-]{0,60}) value\b[^{}]{0,240}? to )"
    r"(?P<a>\d{1,10}) or (?P<b>\d{1,10})\.$"
)
#: "... if the device will be used in the future, the above registry should be set as 3":
#: the article's word on when to use which value.
_WHEN_RE = re.compile(r"\b(?:if|when|unless)\b", re.IGNORECASE)


def _named(value: str, text: str) -> str:
    """What the article calls a value beside it: "Manual" for "3 (Manual)"; "" if none."""
    found = re.search(rf"(?<![\w.]){value} \((?P<n>[A-Za-z][\w -]{{1,30}})\)", text)
    return found.group("n").strip() if found else ""


def either_value_asked(tree: dict[str, Any]) -> None:
    """ "Set the Start value ... to 3 or 4." where the article names both values ("3
    (Manual) or 4 (Disabled)") and says when to use which (a note under the step): the
    value is asked as a choice before the fix, its note the help, and the step sets it."""
    from kbassist.drafting.text import brace

    nodes: list[dict[str, Any]] = tree.get("nodes", [])
    used = {str(n.get("var") or n.get("id")) for n in nodes}
    for node in list(nodes):
        if node.get("kind") != "outcome":
            continue
        for step in node.get("steps") or []:
            found = _EITHER_RE.match(str(step.get("text", "")))
            detail = str(step.get("detail") or "")
            if found is None:
                continue
            a, b, name = found.group("a"), found.group("b"), found.group("name")
            around = f"{node.get('text', '')}\n{detail}"
            names = (_named(a, around), _named(b, around))
            note = re.sub(r"^(?:note|important)\s*:\s*", "", " ".join(detail.split()), flags=re.I)
            said = [
                s
                for s in re.split(r"(?<=[.!?])\s+", note)
                if _WHEN_RE.search(s) and re.search(rf"\b(?:{a}|{b})\b", s)
            ]
            if not all(names) or not said:
                continue  # the article does not say which is which, or when to use it
            var = re.sub(r"\W+", "_", name)[:40] or "value"
            k = 1
            while (var if k == 1 else f"{var}_{k}") in used:
                k += 1
            var = var if k == 1 else f"{var}_{k}"
            used.add(var)
            ask_id = f"{node['id']}-{var.lower()}"
            for other in nodes:  # whatever led to the fix leads to the question first
                if other.get("next") == node["id"]:
                    other["next"] = ask_id
                for choice in other.get("choices") or []:
                    if choice.get("next") == node["id"]:
                        choice["next"] = ask_id
            step["text"] = f"{found.group('head')}{{{var}}}."
            ask = {
                "id": ask_id,
                "kind": "input",
                "var": var,
                "type": "choice",
                "title": f"Value for {name}",
                "text": brace(
                    f"The fix sets {name} to {a} ({names[0]}) or {b} ({names[1]}). "
                    "Which do you set?"
                ),
                "help": brace(f"The article: {' '.join(said)}"),
                "choices": [
                    {"value": a, "label": f"{a} ({names[0]})"},
                    {"value": b, "label": f"{b} ({names[1]})"},
                ],
                "source": node.get("source"),
                "next": node["id"],
            }
            nodes.insert(nodes.index(node), ask)
            break


def value_rows_set(tree: dict[str, Any]) -> None:
    """ "Value Name: N Data Type: T Value: V" ticked as a step of its own: "Set the N value
    (T) to V." when V is the data itself (a description of it is left as the article says)."""
    for node in tree.get("nodes", []):
        if node.get("kind") != "outcome":
            continue
        for step in node.get("steps") or []:
            text = str(step.get("text", ""))
            if text[:5].casefold() not in ("value", "locat"):
                continue
            found = _ROW_STEP_RE.match(" ".join(text.split()))
            if found is None or not _CONCRETE_RE.match(found.group("value")):
                continue
            kind = found.group("kind").upper()
            if found.group("radix"):
                kind += ", " + found.group("radix").casefold()[:3].replace("dec", "decimal")
            under = f" under {found.group('key')}" if found.group("key") else ""
            name, value = found.group("name"), found.group("value")
            step["text"] = f"Set the {name} value ({kind}){under} to {value}."
