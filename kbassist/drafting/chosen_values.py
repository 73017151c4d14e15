"""A value the fix leaves to the admin, asked as a number with the article's example.

"Click Decimal, type the number of milliseconds that you want to wait until the service
times out, and then click OK. For example, to wait 60 seconds before the service times
out, type 60000." names no literal to fill in, so no input was asked and the admin met
the choice only at the keyboard. The value the steps create ("type ServicesPipeTimeout",
"Right-click ServicesPipeTimeout") names it: `{ServicesPipeTimeout}` is typed in the step,
asked before the checklist as a whole number, the example offered as its default.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, with_detail

#: "type the number of milliseconds that you want to wait until the service times out"
_CHOSEN_RE = re.compile(
    r"\btype the (?:number|amount) of (?P<unit>[a-z]+(?: [a-z]+)?) (?:that )?you want "
    r"(?P<purpose>to [^,.;]{3,120})",
    re.IGNORECASE,
)
#: "For example, to wait 60 seconds before the service times out, type 60000."
_EXAMPLE_RE = re.compile(
    r"\s*For example, (?P<case>[^.]{3,160}?),? (?:type|enter|use) (?P<n>\d{1,9})\b\.?",
    re.IGNORECASE,
)
#: "In the New Value box, type ServicesPipeTimeout", "Right-click ServicesPipeTimeout":
#: the value the steps create or change, named in CamelCase.
_VALUE_NAME_RE = re.compile(
    r"\b(?:type|right-click|double-click|select)\s+(?P<name>[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+)\b"
)
#: Largest number asked: a DWORD's range.
MAX_CHOSEN = 4_294_967_295


def chosen_values(option: Option) -> None:
    """ "type the number of X that you want to Y" with "For example, ..., type N" under a
    step that names the value it sets: the step types `{Name}`, a number asked with N as
    its default; the article's wording and example are shown under the step."""
    steps = option.items
    for n, item in enumerate(steps):
        text, detail = split_detail(item)
        chosen = _CHOSEN_RE.search(text)
        example = _EXAMPLE_RE.search(text) or _EXAMPLE_RE.search(detail)
        if chosen is None or example is None:
            continue
        names = [
            m.group("name")
            for earlier in steps[max(0, n - 4) : n]
            for m in _VALUE_NAME_RE.finditer(split_detail(earlier)[0])
        ]
        if not names:
            continue
        token = "{" + names[-1] + "}"
        said = f"type the {chosen.group(0).split('type the ', 1)[1]}"
        new = (text[: chosen.start()] + f"type {token}" + text[chosen.end() :]).replace(
            example.group(0), ""
        )
        why = f"{token[1:-1]}: {said[len('type ') :]}; for example, {example.group('case')}, "
        why += f"type {example.group('n')}."
        rest = detail.replace(example.group(0), "").strip() if example.re is _EXAMPLE_RE else ""
        steps[n] = with_detail(new.strip(), "\n\n".join(p for p in (why, rest) if p))
        option.bounds[token] = (1, MAX_CHOSEN, int(example.group("n")))
        return
