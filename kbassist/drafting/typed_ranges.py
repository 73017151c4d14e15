"""A value the step has the admin type within a range the article gives: "In the Value
data box, type a value between 5000 and 65534" after "type MaxUserPort", "Enter a number
from 1 to 100". Readers marked it as a value never asked: it is asked as a whole number
in the article's bounds (its stated default offered) and filled into the step.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, with_detail

#: "type a value between 5000 and 65534", "specify a number from 1 to 2,097,151",
#: "set it to a value between 1 and 65535", "enter any whole number between 0 and 4,000".
_RANGE_RE = re.compile(
    r"\b(?:type|enter|set|specify)\s+(?:it\s+to\s+)?(?P<said>(?:a|any)\s+(?:whole\s+|decimal\s+)?"
    r"(?:value|number)\s+(?:between|from)\s+(?P<lo>\d(?:[\d,]{0,11}\d)?)\s+(?:and|to|through)\s+"
    r"(?P<hi>\d(?:[\d,]{0,11}\d)?))(?![\d,]*\d)",
    re.IGNORECASE,
)
#: The value the earlier step named: "click DWORD Value, type MaxUserPort, and then press
#: ENTER", "type TcpTimedWaitDelay as the name".
_NAMED_RE = re.compile(
    r"\b(?:type|name it)\s+\*?(?P<name>[A-Z][A-Za-z0-9_]{2,40})\*?(?:,|\s+and\b|\s+as\b|\.|$)"
)
#: "In the Maximum size box, type ...": the box the value goes in.
_BOX_RE = re.compile(r"\bin the (?P<box>[A-Z][\w ]{2,30}?) (?:box|field)\b")
#: "The default value for the MaxUserPort registry entry is 5000."
_DEFAULT_RE = re.compile(
    r"\bdefault(?: value)?(?: for [^.]{1,60}?)? is (?P<d>\d[\d,]{0,12})\b", re.I
)


def _number(text: str) -> int:
    return int(text.replace(",", ""))


def _name(earlier: list[str], text: str) -> str:
    """What the typed value is of: the value the step before named, else the box."""
    if earlier:
        named = _NAMED_RE.search(split_detail(earlier[-1])[0])
        if named and named.group("name").casefold() not in {"regedit", "cmd", "regedt32"}:
            return named.group("name")
    box = _BOX_RE.search(text)
    return box.group("box").strip() if box else ""


def range_steps(option: Option) -> None:
    """Ask each "type a value between LO and HI" of the option's steps as a bounded
    number: the step types `{Name}` (the range kept beside it) and `option.bounds` holds
    the range and the article's default, as for a registry value's range."""
    for n, item in enumerate(option.items):
        text, detail = split_detail(item)
        low = text.casefold()
        if "between" not in low and "from" not in low:
            continue
        found = _RANGE_RE.search(text)
        if found is None:
            continue
        lo, hi = _number(found.group("lo")), _number(found.group("hi"))
        name = _name(option.items[:n], text)
        if not lo < hi or not name:
            continue
        token = "{" + re.sub(r"[^\w-]+", "_", name).strip("_")[:40] + "}"
        if not token[1].isupper():
            token = "{Value_" + token[1:]
        if token in option.bounds:
            continue
        said = _DEFAULT_RE.search(detail) or _DEFAULT_RE.search(text)
        default = _number(said.group("d")) if said else None
        if default is not None and not lo <= default <= hi:
            default = None
        typed = f"{text[: found.start('said')]}{token} ({found.group('said')}){text[found.end() :]}"
        option.items[n] = with_detail(typed, detail)
        option.bounds[token] = (lo, hi, default)
        option.bound_names[token] = name
