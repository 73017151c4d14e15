"""An MS KB CAUSE's bulleted alternative causes ("There are two possible causes ...:" /
"Here are two scenarios where this problem will occur:" over "- A ..." / "- B ...") over
one RESOLUTION that fixes each in its own part (round 27).

Seed 72's readers marked this most: the draft showed both causes as one paragraph and
ticked both causes' fixes in one checklist ("For the first scenario, use /BASE ..." then
"For second scenario, ... MFC Tracer"; the Personal Forms cleanup then the Free/Busy
Connector mailbox cleanup), where it should ask which cause applies. `alt_cause_steps`
asks "Which of these applies?" (one answer per cause in the article's words, and "Not
sure" that shows each fix) when the fix's parts can be given to the causes:

- by the RESOLUTION's own ordinal markers ("For the first scenario, ..." / "For the
  second scenario, ...", "In the first case", "Cause 2:"), one per cause, in order; or
- by key words each step shares with one cause only (`cause_list`'s rule), every cause's
  steps one run, no two causes' steps interleaved.

A lead that says the items all hold ("all of the following conditions", "both of the
following") or that they are steps or events in turn is no list of choices: nothing is
asked. Numbered CAUSE lists are `numbered_causes`' (round 26).
"""

from __future__ import annotations

import re

from kbassist.articles import Article
from kbassist.drafting.cause_list import _owners, _spans, ask_which_cause, owned_steps
from kbassist.drafting.numbered_causes import _cause_label
from kbassist.drafting.option_model import Option
from kbassist.drafting.prose_causes import prose_causes, prose_label
from kbassist.drafting.text import split_detail, split_sentences

#: The CAUSE's lead of a list of alternatives: "two possible causes", "two scenarios where
#: this problem will occur", "one of the following reasons", "either of the following".
_LEAD_RE = re.compile(
    r"\b(?:(?:two|three|four|several|multiple|various) (?:possible |common |main |likely )?"
    r"(?:causes|reasons|scenarios|situations|cases)|possible (?:causes|reasons)|"
    r"(?:one|either|any) of the following(?: \w{1,20})? (?:causes?|reasons?|scenarios?|"
    r"situations?|cases?|conditions?)|(?:scenarios|situations|cases) (?:where|in which|when))\b",
    re.IGNORECASE,
)
#: ... not a lead of items that all hold, or of things done in turn.
_ALL_RE = re.compile(
    r"\b(?:all|both|each) of the following\b|\bin (?:this |that |the following )?order\b|"
    r"\b(?:steps?|sequence|events?|procedure)\b",
    re.IGNORECASE,
)
#: A bullet opening a line: "- ", "* ", "o " (the archive's plain-text lists).
_BULLET_RE = re.compile(r"^[-*o•][ \t]{1,4}(?=\S)")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")
#: "For the first scenario," / "In the second case:" / "Cause 2:" in the fix's text.
_MARK_RE = re.compile(
    r"\b(?:(?:for|in|with) (?:the )?(?P<ord>first|second|third|fourth|fifth|sixth) "
    r"(?:scenario|case|cause|situation|reason|problem)|(?:scenario|case|cause) (?P<num>[1-6])\b)",
    re.IGNORECASE,
)
#: The marker opening a step, cut from its text: the walk already chose the case.
_STEP_MARK_RE = re.compile(
    r"^(?:for|in|with) (?:the )?(?:first|second|third|fourth|fifth|sixth) "
    r"(?:scenario|case|cause|situation|reason|problem)[,:]?[ \t]{1,4}",
    re.IGNORECASE,
)
#: "The problem can also occur when ..." before a cause: the label starts after it.
_SAID_RE = re.compile(
    r"^(?:this|the) (?:problem|issue|behaviou?r|error) (?:can |may |might |will )?(?:also )?"
    r"(?:occurs?|happens?) (?:when|if|because)[ \t]{1,4}",
    re.IGNORECASE,
)
MAX_CAUSES = 6
_ITEM_KEY = 30  # characters of a step's opening looked up in the section's text


def bulleted_causes(article: Article) -> list[str]:
    """The CAUSE's bulleted alternative causes, each as one plain paragraph, when the
    paragraph before the list says they are alternatives; [] otherwise."""
    section = next((s for s in article.sections if s.role == "cause"), None)
    if section is None:
        return []
    paras = [p for p in re.split(r"\n[ \t]*\n", section.text) if p.strip()]
    for n, para in enumerate(paras[:-1]):
        lead = " ".join(para.split())
        if not lead.endswith(":") or not _BULLET_RE.match(paras[n + 1]):
            continue
        if not _LEAD_RE.search(lead) or _ALL_RE.search(lead):
            return []
        causes: list[str] = []
        for part in paras[n + 1 :]:
            if _BULLET_RE.match(part):
                causes.append(" ".join(_BULLET_RE.sub("", part, count=1).split()))
            elif not part.startswith((" ", "\t")):
                break  # the list is over: the CAUSE's text goes on
        return causes if 2 <= len(causes) <= MAX_CAUSES else []
    return []


def _label(cause: str) -> str:
    """A cause's answer: its first sentence, without "The problem can occur when"."""
    # "Cause 1. The Notes.ini file ...": the number is no name for the answer
    cause = re.sub(r"^(?:cause|scenario|case|reason) \d{1,2}[.:)][ \t]{1,3}", "", cause, flags=re.I)
    first = (split_sentences(cause) or [cause])[0]
    said = _SAID_RE.sub("", first)
    return _cause_label(said[:1].upper() + said[1:])


def _positions(option: Option) -> tuple[str, list[int]]:
    """The fix's text on one line and where each step starts in it, in order (a step not
    found is where the step before it is)."""
    flat = " ".join(option.section.text.split())
    at, places = 0, []
    for item in option.items:
        key = " ".join(split_detail(item)[0].split())[:_ITEM_KEY]
        found = flat.find(key, at) if key else -1
        at = found if found >= 0 else at
        places.append(at)
    return flat, places


def _marked(option: Option, count: int) -> list[int | None] | None:
    """Each step's cause by the fix's ordinal markers ("For the first scenario"), one per
    cause in order (steps before the first are shared); None without such markers."""
    flat, places = _positions(option)
    marks: list[tuple[int, int]] = []
    for m in _MARK_RE.finditer(flat):
        k = _ORDINALS.index(m["ord"].casefold()) if m["ord"] else int(m["num"]) - 1
        if not marks or marks[-1][1] != k:
            marks.append((m.start(), k))
    if [k for _, k in marks] != list(range(count)):
        return None
    return [next((k for start, k in reversed(marks) if start <= at + 5), None) for at in places]


#: "1. " opening a line: a numbered procedure starts (again) there.
_FIRST_RE = re.compile(r"^[ \t]{0,4}1[.)][ \t]{1,4}(?=\S)", re.MULTILINE)


def _by_procedure(option: Option, owners: list[int | None]) -> list[int | None]:
    """Owners spread over each numbered procedure ("1. ... 13.") whose owned steps name
    one cause only: the MDBVU32 steps after "log on to the Free Busy Connector's
    administrator mailbox" clean that mailbox too, though they name no cause."""
    text = option.section.text
    starts = [len(" ".join(text[: m.start()].split())) for m in _FIRST_RE.finditer(text)]
    if len(starts) < 2:
        return owners
    _, places = _positions(option)
    runs = [sum(1 for s in starts if s <= at + 1) - 1 for at in places]  # -1: before any
    filled = list(owners)
    for run in set(runs) - {-1}:
        named = {o for o, r in zip(owners, runs, strict=True) if r == run and o is not None}
        if len(named) == 1:
            one = named.pop()
            filled = [one if r == run else o for o, r in zip(filled, runs, strict=True)]
    return filled


def _shared_between(owners: list[int | None]) -> bool:
    """A step that names no cause between two causes' steps ("Click More, click Edit
    Entry" between the phonebook fix and the compression fix): one procedure that
    touches each cause, not a part per cause, so key words alone do not split it."""
    owned = [n for n, o in enumerate(owners) if o is not None]
    return bool(owned) and None in owners[owned[0] : owned[-1] + 1]


def alt_cause_steps(article: Article, option: Option, counter: int, limit: int) -> int:
    """Ask which of the CAUSE's bulleted alternative causes applies when the fix's steps
    fall into one part per cause, so each part runs on its cause's walk only; returns the
    tree's question counter (`if_N` variables)."""
    if option.section.role not in ("resolution", "workaround") or len(option.asks) >= limit:
        return counter
    causes = bulleted_causes(article)
    labels = [_label(c) for c in causes]
    if not causes:  # "occurs if A:" / "Or if B:" paragraphs (round 29)
        causes = prose_causes(article, paragraphs=True)
        labels = [prose_label(c) for c in causes]
    if not causes or len(option.items) < 2:
        return counter
    owners = _marked(option, len(causes))
    if owners is None:
        owners = _spans(_by_procedure(option, _owners(causes, option)))
        if owners is None or _shared_between(owners):
            return counter
    owners = [o if n not in option.when else None for n, o in enumerate(owners)]
    if len({o for o in owners if o is not None}) < len(causes):
        # a cause no step names: its fix is elsewhere or unsaid, and the steps that name
        # no cause may be its own, so the parts are not one per cause
        return counter
    counter += 1
    var = f"if_{counter}"
    owned_steps(option, var, owners)
    for n, owner in enumerate(owners):
        if owner is not None:  # "For the first scenario, X": "X"
            cut = _STEP_MARK_RE.sub("", option.items[n], count=1)
            option.items[n] = cut[:1].upper() + cut[1:]
    ask_which_cause(  # "Resolution: For the first scenario" is a cut label
        option,
        var,
        labels,
        "Which applies here? Each has its own fix.",
        relabel=bool(_MARK_RE.search(option.label)),
    )
    return counter
