"""A step of its own that is another way to do the step before it (round 25, alts25).

"5. Save your LANMAN.INI file. 6. Restart your workstation. Or you can stop your
workstation and restart it again using the net stop workstation and net start
workstation commands.": the article's "Or you can ..." paragraph after a step became a
checklist step of its own, so the walk ticked both restarts (issue 13: "following it
does both alternatives"). Such a step is joined to the step before it, and the two are
asked as ways of one step ("Which way do you take?", `ways.way_steps`); when the joined
text offers no two actions (ways' own tests: "Or, if you downloaded X, ..." is a case,
not a way), the steps stay as they were.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import Para, clean, split_detail, with_detail

#: "Or you can Y", "Or, you can Y", "Or, Y", "Or else Y", "Instead, you can Y": a step
#: that opens with another way. Not "Or, if ..." / "Or when ..." (a case), checked by
#: the ways' own test of the second action.
_OR_STEP_RE = re.compile(
    r"^(?:or(?:,\s{0,3}|\s{1,3}else,?\s{1,3}|\s{1,3}(?=you\s))|instead,\s{0,3}(?=you\s))"
    r"(?:you\s{1,3}(?:can|could|may)\s{1,3}(?:also\s{1,3})?)?(?P<rest>[a-z].{6,600})$",
    re.IGNORECASE | re.DOTALL,
)


def _joined(before: str, after: str) -> str | None:
    """ "Restart your workstation." + "Or you can stop ...": one step offering two ways
    in the article's words ("Restart your workstation. Or you can stop ..."), or None
    when `after` opens no other way."""
    found = _OR_STEP_RE.match(after.strip())
    if found is None:
        return None
    first = before.strip()
    if not first.endswith((".", "!")):
        return None  # "Add the following line:": a lead, its content the other "way"
    return f"{first} {after.strip()}"


def or_steps_joined(option: Option) -> None:
    """Join each step that opens "Or you can Y" / "Or, Y" to the step before it, when
    the two read as two ways of one step (`ways.split_ways`), so `way_steps` asks which
    way rather than ticking both. Steps asked already (`option.when`) are left."""
    from kbassist.drafting.ways import split_ways

    n = 1
    while n < len(option.items):
        if n in option.when or n - 1 in option.when:
            n += 1
            continue
        first, first_detail = split_detail(option.items[n - 1])
        second, second_detail = split_detail(option.items[n])
        joined = _joined(first, second) if not first_detail.strip() else None
        if joined is None or split_ways(joined) is None:
            n += 1
            continue
        option.items[n - 1 : n + 1] = [with_detail(joined, second_detail)]
        option.when = {(k - 1 if k > n else k): v for k, v in option.when.items()}
        n += 1


#: A paragraph that opens with "Or": a conjunction, so it goes on from the block just
#: before it.
_OR_OPENS_RE = re.compile(r"^or\b", re.IGNORECASE)


def last_step_or(text: str, before: Para, acts: int) -> bool:
    """ "4. Restart your workstation." then the paragraph "Or you can stop your
    workstation and start it again ...": an "Or" paragraph straight after the numbered
    step of a procedure (two steps or more) is another way of that step, joined to it
    (`or_steps_joined`), not a fix of its own beside the procedure (which would skip the
    steps before it)."""
    if acts < 2 or not before.numbered or not _OR_OPENS_RE.match(text):
        return False
    from kbassist.drafting.ways import split_ways

    step = re.sub(r"^\s*\d{1,3}[.)]\s*", "", clean(before.text))
    if not _same_act(step, text):
        return False  # "5. Restart Windows." / "Or, you can contact Adobe ...": another fix
    joined = _joined(step, text)
    return joined is not None and split_ways(joined) is not None


def _same_act(step: str, other: str) -> bool:
    """Whether `other` redoes what `step` does, by its verb: "Restart your workstation." /
    "Or you can stop your workstation and start it again" ("start" of "restart"); not
    "Delete the icons ..." / "Or, you can edit the profiles ...", another way to the
    whole procedure's end."""
    verb = step.split()[0].casefold() if step.split() else ""
    root = verb[2:] if verb.startswith("re") and len(verb) > 5 else verb
    said = other.casefold()
    return len(root) >= 3 and re.search(rf"\b(?:re)?{re.escape(root)}\w*", said) is not None
