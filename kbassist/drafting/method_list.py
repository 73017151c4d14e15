"""A fix whose text offers its steps as alternatives, asked rather than ticked in turn.

Modern articles nest the choice inside one fix: "- Error message 3: LogReader Timeout /
To resolve this issue, use one of the following methods: / - Increase the QueryTimeout
... / - Set QueryTimeout to zero ... / - Reduce ReadBatchSize". Drafted as one outcome,
the three ways were ticked one after the other, as if the admin should do all three.
This pass asks "Which method will you use?" over them; each shows only its own step.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Ask, Option
from kbassist.drafting.text import short_label, split_detail, with_detail

#: The fix's last sentence says its steps are alternatives, with a verb of doing: "To
#: resolve this issue, use one of the following methods:", "do one of the following:",
#: "Try one of the following workarounds." (not "You might see one of the following
#: entries:", nor "do one or more of the following": those may all be done).
_CHOOSE_ONE_LEAD_RE = re.compile(
    r"\b(?:use|do|try|apply|perform|choose|take)\b[^.:;]{0,30}?\b(?:one|either|any) of the "
    r"following\b(?! (?:entries|messages?|errors?|symptoms?|conditions?|is true))[^.:;]{0,40}"
    r"[:.]\s*$",
    re.IGNORECASE,
)
#: A step that opens steps of its own ("To do this, follow these steps:"), or a case's
#: lead-in: then the items are one procedure, not a list of ways.
_OPENS_STEPS_RE = re.compile(r":\s*$")
#: At most this many ways asked in one question (a longer list is a procedure).
_MAX_WAYS = 5


def _ways_label(item: str) -> str:
    """A way's label: its step's first sentence, shortened."""
    text = split_detail(item)[0].strip()
    first = re.split(r"(?<=[.;])\s+", text, maxsplit=1)[0].rstrip(".;")
    return short_label(first, 80)


def method_list_steps(option: Option, counter: int, shared_lead: bool) -> int:
    """Ask which of a fix's listed ways the admin uses, when its text ends by saying
    "use one of the following methods:" over two to five one-step ways (none asked
    already); `shared_lead` (another fix has the same text: the list was split into
    fixes already) leaves it. Returns the questions counter."""
    lead = option.lead.strip()
    if shared_lead or "following" not in lead or option.when or option.asks:
        return counter
    if not _CHOOSE_ONE_LEAD_RE.search(lead[-160:]):
        return counter
    items = option.items
    if not 2 <= len(items) <= _MAX_WAYS:
        return counter
    if any(_OPENS_STEPS_RE.search(split_detail(item)[0]) for item in items):
        return counter
    labels = [_ways_label(item) for item in items]
    if len({label.casefold() for label in labels}) < len(labels):
        return counter
    counter += 1
    var = f"if_{counter}"
    for n in range(len(items)):
        option.when[n] = f'{var} == "case_{n + 1}" or {var} == "unsure"'
    choices = [{"value": f"case_{j}", "label": label} for j, label in enumerate(labels, 1)]
    choices.append({"value": "unsure", "label": "Not sure: show each method"})
    option.asks.append(
        Ask(
            var,
            "Which method will you use?",
            "The article offers these as alternatives; one of them is enough ("
            + "; ".join(labels)
            + "). Which will you use?",
            choices,
        )
    )
    return counter


#: A step that opens one of several numbered ways: "Method 1: Drop the endpoint ...",
#: "Option 2:" (its steps follow), "Option 1: Remove sysfer.dll ...".
_MARKER_RE = re.compile(
    r"^(?P<word>option|method|alternative)\s+(?P<n>[1-9])\b\s*(?:[:.)\u2013-]\s*|$)",
    re.IGNORECASE,
)


def _marker(item: str) -> re.Match[str] | None:
    text = split_detail(item)[0]
    if not text[:1].isalpha() or text[:1].casefold() not in "oma":
        return None  # cheap guard before the regex
    return _MARKER_RE.match(text)


def _lift_first_marker(option: Option) -> None:
    """ "Use one of the following two options to fix the issue:" whose detail opens
    with "Option 1: Remove sysfer.dll ...": that way is a step of its own, so it can be
    asked beside "Option 2" (the `when` of later steps moves with them)."""
    for n, item in enumerate(option.items):
        text, detail = split_detail(item)
        if not text.rstrip().endswith(":") or not detail:
            continue
        first, _, rest = detail.strip().partition("\n\n")
        marked = _MARKER_RE.match(first)
        if marked is None or marked.group("n") != "1":
            continue
        if marked.end() == len(first):
            return  # a bare "Option 1": its text is not here to lift
        option.items[n : n + 1] = [with_detail(text, rest), first]
        option.when = {(k + 1 if k > n else k): v for k, v in option.when.items()}
        return


def marked_way_steps(option: Option, counter: int) -> int:
    """Steps headed "Method 1: ...", "Method 2: ..." (or "Option 1" / "Option 2") in one
    checklist are ways to choose between, not steps to do in turn: "Which method will you
    use?" shows each way's steps only for it ("Not sure" shows all). Returns the questions
    counter."""
    if not any(_marker(item) for item in option.items[1:]):
        return counter
    _lift_first_marker(option)
    starts: list[tuple[int, re.Match[str]]] = [
        (n, m) for n, item in enumerate(option.items) if (m := _marker(item))
    ]
    numbers = [int(m.group("n")) for _, m in starts]
    words = {m.group("word").casefold() for _, m in starts}
    if len(starts) < 2 or numbers != list(range(1, len(starts) + 1)) or len(words) != 1:
        return counter
    word = words.pop()
    ends = [n for n, _ in starts[1:]] + [len(option.items)]
    counter += 1
    var = f"if_{counter}"
    labels: list[str] = []
    for j, ((start, match), end) in enumerate(zip(starts, ends, strict=True), start=1):
        text, detail = split_detail(option.items[start])
        way = text[match.end() :].strip() or detail.strip().split("\n", 1)[0]
        if not way and start + 1 < end:
            way = split_detail(option.items[start + 1])[0]
        first = re.split(r"(?<=[.;])\s+", way.strip(), maxsplit=1)[0].rstrip(".;:")
        labels.append(short_label(f"{word.title()} {j}: {first}" if first else text, 80))
        mine = f'{var} == "case_{j}" or {var} == "unsure"'
        for at in range(start, end):
            old = option.when.get(at)
            option.when[at] = f"({mine}) and ({old})" if old else mine
    choices = [{"value": f"case_{j}", "label": label} for j, label in enumerate(labels, 1)]
    choices.append({"value": "unsure", "label": f"Not sure: show each {word}"})
    option.asks.append(
        Ask(
            var,
            f"Which {word} will you use?",
            f"The article offers {len(labels)} {word}s as alternatives; one of them is enough"
            f" ({'; '.join(labels)}). Which will you use?",
            choices,
        )
    )
    return counter
