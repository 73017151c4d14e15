"""Alternatives said inside one fix's text, offered as options, not ticked as one step
(round 35, either35).

Seed-98 readers found "A or B" fixes ticked as one item or run one after the other:

- "Disable the driver manually. Do this with the Deinstall button in the Display Applet
  or by changing the startup value ... in the Devices Applet.": one goal, then two ways
  to reach it ("Do this with A or by B"). Each way is an option: the goal said with it.
- "To correct X, run CHKDSK /F. If CHKDSK does not correct the problem, either obtain
  MS-DOS 6.22 ... and run ScanDisk ..., or obtain a third-party ... program.": the fix
  ends in "either A, or B". Each is an option; the sentences before it stay the first
  steps of both.
- "The following are two known solutions for this problem:" over two steps: the count
  says they are alternatives, so each step is an option, not a checklist.

"A or B" on one object ("click OK or press ENTER", "Windows 95 or Windows 98") is not
split: each half must be an action of its own with at least `_MIN_WORDS` words.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, split_sentences, with_detail

#: The fewest words an alternative has: "press ENTER" is a synonym, not a way.
_MIN_WORDS = 4
#: "Do this with A or by B", "You can do this by A or by B": the ways to do the goal
#: said in the sentence before. Both ways open with a preposition (bounded spans).
_DO_THIS_RE = re.compile(
    r"^(?:you can |to )?do (?:this|so|that),? (?P<a>(?:with|by|using|through|from|in|via) "
    r"[^;]{3,250}?),? or (?P<b>(?:with|by|using|through|from|in|via) [^;]{3,250}?)\.?$",
    re.IGNORECASE,
)
#: "[If X does not help,] either A, or B.": a sentence that ends a fix with two ways.
_EITHER_RE = re.compile(
    r"^(?P<lead>[^;]{0,200}?,\s)?either (?P<rest>[a-z][^;]{6,400}?)\.?$", re.IGNORECASE
)
#: "two known solutions", "three workarounds", "2 methods": a count of alternatives.
_COUNT_RE = re.compile(
    r"\b(?P<n>two|three|four|2|3|4) (?:known |possible |different |alternative |available )?"
    r"(?:solutions|workarounds|resolutions|ways|methods|options|fixes)\b",
    re.IGNORECASE,
)
#: "Do both", "all of the following": every item is done, never a choice.
_ALL_RE = re.compile(r"\b(?:both|all of|each of|in order|in sequence)\b", re.IGNORECASE)
#: Option kinds that are fixes the admin makes ("upgrade" is one thing to obtain).
_FIX_KINDS = ("option", "workaround")
_COUNTS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}


def _action(text: str) -> bool:
    """An imperative of `_MIN_WORDS` words or more."""
    from kbassist.drafting.options import _is_action

    if len(text.split()) < _MIN_WORDS:
        return False
    # "re-install the software": the verb with its hyphenated prefix
    return _is_action(text) or (text[:3].lower() == "re-" and _is_action(text[3:]))


def _step(text: str) -> str:
    """`text` as a step: capital first, one full stop last."""
    text = text.strip().rstrip(".,;:")
    return text[:1].upper() + text[1:] + "."


def _label(text: str) -> str:
    from kbassist.drafting.options import option_label

    return option_label(text)


def _two_ways(rest: str) -> tuple[str, str] | None:
    """`rest` ("A, or B" / "A or B") as two actions, or None."""
    if rest.count(", or ") == 1:
        first, second = rest.split(", or ")
        return (first, second) if _action(first) and _action(second) else None
    parts = re.split(r"\s+or\s+", rest)
    if len(parts) > 6:
        return None
    for n in range(1, len(parts)):  # the first "or" whose both sides are actions
        first, second = " or ".join(parts[:n]), " or ".join(parts[n:])
        if _action(first) and _action(second):
            return first, second
    return None


def _detail_for(detail: str, steps: list[str]) -> list[str]:
    """What is shown under the fix, for each way: only the way it names ("NOTE: The
    Deinstall button ...") when it names one, else every way."""
    if not detail:
        return ["" for _ in steps]
    named = [
        bool(re.search(r"\b" + re.escape(word) + r"\b", detail))
        for step in steps
        for word in [_key(step)]
    ]
    if sum(named) == 1:
        return [detail if hit else "" for hit in named]
    return [detail for _ in steps]


def _key(step: str) -> str:
    """The way's most telling capitalised word ("Deinstall"), or a word no text has."""
    words = re.findall(r"\b[A-Z][A-Za-z]{3,30}\b", step[1:])
    return max(words, key=len) if words else "\x00"


def _options(
    option: Option, ways: list[list[str]], detail: str, names: list[str] | None = None
) -> list[Option]:
    """One option per way, each with its steps, named by `names` (else its last step);
    the shown detail goes where it belongs."""
    shown = _detail_for(detail, [way[-1] for way in ways])
    labels = names or [way[-1] for way in ways]
    out = []
    for steps, under, name in zip(ways, shown, labels, strict=True):
        items = [*steps[:-1], with_detail(steps[-1], under)]
        out.append(Option(option.section, _label(_step(name)), option.lead, items))
    return out


def _do_this(option: Option, text: str, detail: str) -> list[Option]:
    """ "Disable X. Do this with A or by B." -> "Disable X with A." / "Disable X by B"."""
    sentences = split_sentences(text)
    if len(sentences) != 2:
        return []
    goal, how = sentences
    found = _DO_THIS_RE.match(how)
    if found is None or not _action(goal):
        return []
    base = goal.rstrip(".")
    a, b = found.group("a"), found.group("b")
    if len(a.split()) < 3 or len(b.split()) < 3:
        return []
    return _options(option, [[_step(f"{base} {a}")], [_step(f"{base} {b}")]], detail)


def _either_last(option: Option, text: str, detail: str) -> list[Option]:
    """ "Run X. If X does not help, either A, or B." -> [Run X, If ..., A] / [.., B]."""
    sentences = split_sentences(text)
    if not sentences:
        return []
    found = _EITHER_RE.match(sentences[-1])
    if found is None:
        return []
    ways = _two_ways(found.group("rest"))
    if ways is None:
        return []
    lead = found.group("lead") or ""
    before = [_step(s) for s in sentences[:-1]]
    if before and not _action(before[-1]) and not re.match(r"^(?:to|if)\b", before[-1], re.I):
        return []  # "The cause is X. Either A or B": keep as it is
    steps = [
        [*before, _step(lead + way if lead else way)] for way in ways
    ]  # "If CHKDSK does not correct the problem, obtain ..."
    return _options(option, steps, detail, list(ways))  # named by the way, not its "If"


def _counted(option: Option) -> list[Option]:
    """ "The following are two known solutions for this problem:" over exactly that many
    steps: one option per step."""
    lead = option.lead
    items = option.items
    first = split_detail(items[0])[0] if items else ""
    if (not lead or not _COUNT_RE.search(lead)) and first.endswith(":"):
        lead, items = first, items[1:]  # the count said as the first item
    found = _COUNT_RE.search(lead or "")
    if found is None or _ALL_RE.search(lead) or len(items) != _COUNTS[found.group("n").lower()]:
        return []
    if not all(_action(split_detail(item)[0]) for item in items):
        return []
    return [Option(option.section, _label(split_detail(item)[0]), "", [item]) for item in items]


def either_steps(option: Option) -> list[Option]:
    """`option` as the alternatives its text offers, or [] when it offers none."""
    if option.kind != "option" or not option.items or option.asks or option.when:
        return []
    counted = _counted(option)
    if counted:
        return counted
    if len(option.items) != 1:
        return []
    text, detail = split_detail(option.items[0])
    return _do_this(option, text, detail) or _either_last(option, text, detail)


#: "disable the Cdrom or Parport service": two named objects, each a whole fix.
_NAMED_PAIR_RE = re.compile(
    r"\b(?i:disable|stop|enable|start|remove|uninstall|delete|rename)\s(?:the\s)?"
    r"(?P<a>[A-Z][\w.-]{1,40}) or (?P<b>[A-Z][\w.-]{1,40}) (?P<kind>services?|drivers?|devices?)\b"
)


def _names(item: str, name: str) -> bool:
    """Whether `item` names `name` as a word (a path's last part, "the cdrom service")."""
    return bool(re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", item, re.IGNORECASE))


def named_pair(option: Option) -> list[Option]:
    """ "Disable the Cdrom or Parport service" over one listing per service, alike in
    shape (a "Registry key 1" block naming cdrom, then a "Registry key 2" one naming
    parport): one option per service, the shared steps in both; [] when the steps do
    not fall into one block per name."""
    if option.kind not in _FIX_KINDS or len(option.items) < 3 or option.asks or option.when:
        return []
    found = _NAMED_PAIR_RE.search(split_detail(option.items[0])[0])
    if found is None:
        return []
    a, b = found.group("a"), found.group("b")
    items = option.items
    only_a = [n for n, item in enumerate(items[1:], 1) if _names(item, a) and not _names(item, b)]
    only_b = [n for n, item in enumerate(items[1:], 1) if _names(item, b) and not _names(item, a)]
    if len(only_a) != 1 or len(only_b) != 1 or only_a[0] >= only_b[0]:
        return []
    at_a, at_b = only_a[0], only_b[0]
    start_a = at_a
    while start_a > 1 and len(items[start_a - 1].split()) <= 4 and ":" not in items[start_a - 1]:
        start_a -= 1  # the block's own heading ("Registry key 1")
    size = at_b - at_a
    start_b = start_a + size
    end_b = start_b + size
    if size < 1 or end_b > len(items):
        return []
    shared_head, tail = items[:start_a], items[end_b:]
    kind = found.group("kind")
    out = []
    for name, block in ((a, items[start_a:start_b]), (b, items[start_b:end_b])):
        first = items[0].replace(found.group(0), found.group(0).replace(f"{a} or {b}", name))
        steps = [first, *shared_head[1:], *block, *tail]
        verb = found.group(0).split()[0]
        label = f"{verb[:1].upper()}{verb[1:]} the {name} {kind}"
        out.append(Option(option.section, label, option.lead, steps, kind=option.kind))
        for field_name in ("checks", "undo", "backup", "applies", "case"):
            setattr(out[-1], field_name, getattr(option, field_name))
    # what is shown under the last block ("Note: If ... changed to 4") is for both
    last_shown = split_detail(items[end_b - 1])[1]
    if last_shown and not tail:
        said = split_detail(out[0].items[-1])[0]
        out[0].items[-1] = with_detail(said, last_shown)
    return out


def named_pairs(options: list[Option]) -> list[Option]:
    """`options` with each "the A or B service" fix split per service (`named_pair`)."""
    return [way for option in options for way in (named_pair(option) or [option])]
