"""A lead "Do X for A, B, or both." over one step for each (round 25, alts25).

A runbook Mitigation: "Create a default storage class for OpenShift Container Platform,
virtualization, or both." then "* Create a default OpenShift Container Platform storage
class by running ..." and "* Create a default virtualization storage class by running
...". The draft ticked the lead and then both procedures (issue 13: alternatives merged
into one checklist). The lead becomes a question, "Which do you create?", answered by
each member the lead names or "Both"; each of the steps after it that names one member
(and opens with the lead's verb) is shown for that answer and for "Both". The lead
itself is not ticked: its words are the question's, its note goes with it.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Ask, Option
from kbassist.drafting.options import _is_action
from kbassist.drafting.text import DETAIL_SEP, short_label, split_detail

#: "Create a default storage class for A, B, or both.": the verb, and the members after
#: the last "for / on / in / to" (bounded runs; one sentence).
_BOTH_RE = re.compile(
    r"^(?P<verb>[A-Z][a-z]{1,20})\s(?P<what>[^.,:;]{3,120}?)\s(?:for|on|in|to|from)\s"
    r"(?P<members>[^.:;]{3,200}?),?\s(?:or|and/or)\sboth\.?$",
)
_SPLIT_RE = re.compile(r",\s(?:or\s)?|\sor\s")
#: Statements between the lead and its steps moved into the question (at most).
_MAX_NOTES = 2
_STOP = frozenset("a an the of for on in to your their its and or".split())


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9][a-z0-9-]*", text.casefold()) if w not in _STOP}


def or_both_steps(option: Option, counter: int) -> int:
    """Ask which members of an "X for A, B, or both." lead the admin does, showing each
    following step that names one member (and starts with the lead's verb) for it and for
    "Both"; the lead's step is dropped. Returns the questions counter."""
    n = 0
    while n < len(option.items) - 2:
        text, detail = split_detail(option.items[n])
        found = _BOTH_RE.match(text.strip()) if "both" in text[-12:] else None
        if found is None or n in option.when:
            n += 1
            continue
        members = [m.strip() for m in _SPLIT_RE.split(found.group("members")) if m.strip()]
        verb = found.group("verb").casefold()
        notes: list[str] = []  # "A default X class has precedence over ...": said of the lead
        first = n + 1
        while first < len(option.items) and len(notes) < _MAX_NOTES and first not in option.when:
            said = split_detail(option.items[first])[0]
            if said.casefold().startswith(verb + " ") or _is_action(said):
                break
            notes.append(option.items[first].replace(DETAIL_SEP, " "))
            first += 1
        owners: list[int] = []
        for k in range(first, min(first + len(members), len(option.items))):
            said = split_detail(option.items[k])[0]
            if k in option.when or not said.casefold().startswith(verb + " "):
                break
            hits = [j for j, m in enumerate(members) if _words(m) and _words(m) <= _words(said)]
            if len(hits) != 1 or hits[0] in owners:
                break
            owners.append(hits[0])
        if len(members) < 2 or len(owners) != len(members):
            n += 1
            continue
        counter += 1
        var = f"if_{counter}"
        choices = [
            {"value": f"case_{j}", "label": short_label(f"{m[:1].upper()}{m[1:]} only", 80)}
            for j, m in enumerate(members, start=1)
        ]
        choices.append({"value": "both", "label": "Both" if len(members) == 2 else "All of them"})
        said = " ".join([f'The article says: "{text.strip()}"', *notes])
        what = re.sub(r"^(?:a|an|the|one)\s", "", found.group("what"), flags=re.IGNORECASE)
        option.asks.append(
            Ask(var, f"Which {what} do you {verb}?", f"{said} {detail.strip()}".strip(), choices)
        )
        gone = 1 + len(notes)  # the lead and its notes: the question says them
        del option.items[n : n + gone]
        option.when = {(k - gone if k > n else k): v for k, v in option.when.items()}
        for step, j in enumerate(owners, start=n):
            option.when[step] = f'{var} == "case_{j + 1}" or {var} == "both"'
        n += len(owners)
    return counter
