"""A RESOLUTION numbered as the CAUSE's list of causes: one fix per cause, asked (round 26).

"CAUSE: Here are four of the most common reasons for this message: 1. There are not enough
free file handles. 2. There is not enough available memory. ..." over "RESOLUTION: 1.
Check available file handles ... 2. Shut down other applications ...": fix k is for cause
k, yet the walk ticked all four fixes in turn (issue 13: "four alternative causes, each
with its own procedure, run as one checklist"). When the CAUSE says its list is causes
("possible causes", "reasons", "situations") and the fix's section numbers as many parts,
the option asks "Which cause applies?" and each part's steps run on its cause's walk
("Not sure" runs them all, in order). A CAUSE list of events in order ("when you perform
the following events in order: 1. Install ... 2. ...") or of steps is no list of causes.
"""

from __future__ import annotations

import re

from kbassist.articles import Article
from kbassist.drafting.option_model import Ask, Option
from kbassist.drafting.text import split_detail, split_sentences

#: "1. " / "2) " at the start of a line: a part of the section's top-level list.
_TOP_RE = re.compile(r"^(?P<n>\d{1,2})[.)][ \t]{1,4}(?=\S)", re.MULTILINE)
#: The CAUSE's lead says its list is of causes.
_CAUSES_RE = re.compile(
    r"\b(?:causes?|reasons?|situations?|possibilit(?:y|ies)|conditions)\b", re.IGNORECASE
)
#: ... and not of events or steps done in turn.
_IN_TURN_RE = re.compile(
    r"\b(?:in (?:this |that |the following )?order|steps?|sequence|events?|procedure)\b",
    re.IGNORECASE,
)
_ITEM_KEY = 30  # characters of a step's opening looked up in the section's text


def _parts(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each part of the section's top-level list numbered 1, 2, ...;
    [] when the numbers do not run 1..N."""
    found = list(_TOP_RE.finditer(text))
    if not found or [int(m.group("n")) for m in found] != list(range(1, len(found) + 1)):
        return []
    ends = [m.start() for m in found[1:]] + [len(text)]
    return [(m.start(), text[m.end() : end]) for m, end in zip(found, ends, strict=True)]


def _titled(parts: list[tuple[int, str]]) -> bool:
    """ "1. SYS1733 error" on a line of its own over its text: parts headed by the error
    each is about (several problems, each with causes of its own), not a list of causes."""
    return any(
        not re.search(r"[.:;!?]", text.strip().split("\n\n", 1)[0]) and "\n\n" in text.strip()
        for _, text in parts
    )


#: Words a cut label must not end on: it would stop mid-phrase.
_LOOSE_END_RE = re.compile(
    r"(?:\s(?:a|an|the|of|to|in|on|for|by|with|from|and|or|that|which|is|are|as|at))+$",
    re.IGNORECASE,
)


def _cause_label(sentence: str) -> str:
    """A cause's answer: its sentence whole up to 100 characters, else cut at a word and
    never after "the" / "of" or inside parentheses (`short_label` stops at the first
    comma: "The Notifier Preferences options (chimes")."""
    said = re.sub(r"^(?:finally|also|first|second|third),\s{1,3}", "", sentence.strip())
    said = said.rstrip(".:;")
    if len(said) > 100:
        said = said[:90].rsplit(" ", 1)[0]
        if said.count("(") > said.count(")"):
            said = said[: said.rfind("(")].rstrip()
        said = _LOOSE_END_RE.sub("", said).rstrip(",;")
    return said[:1].upper() + said[1:]


def listed_causes(article: Article) -> list[str]:
    """The CAUSE's numbered causes in its own words (each part's first sentence), when
    its lead, or its first cause, says they are causes; [] otherwise."""
    section = next((s for s in article.sections if s.role == "cause"), None)
    if section is None:
        return []
    parts = _parts(section.text)
    if len(parts) < 2 or _titled(parts):
        return []
    lead = section.text[: parts[0][0]]
    said = lead if lead.strip() else parts[0][1][:120]
    if not _CAUSES_RE.search(said) or _IN_TURN_RE.search(said):
        return []
    causes = []
    for _, text in parts:
        flat = " ".join(text.split())
        causes.append(_cause_label((split_sentences(flat) or [flat])[0]))
    return causes


def _numbers(option: Option) -> list[int]:
    """Each step's part of the section's numbered list (0: before the list or not found),
    found by looking its opening words up in the section's text, in order."""
    parts = [" ".join(t.split()).casefold() for _, t in _parts(option.section.text)]
    numbers: list[int] = []
    current = 0  # the part of the step before: a step is in it or a later one
    for item in option.items:
        key = " ".join(split_detail(item)[0].split())[:_ITEM_KEY].casefold()
        ks = range(max(current, 1), len(parts) + 1)
        current = next((k for k in ks if key and key in parts[k - 1]), 0) or current
        numbers.append(current)
    return numbers


def numbered_cause_steps(article: Article, option: Option, counter: int, limit: int) -> int:
    """Ask which of the CAUSE's numbered causes applies when the fix's section gives one
    numbered part per cause, so each part's steps run only for its cause; returns the
    tree's question counter (`if_N` variables)."""
    if option.section.role != "resolution" or len(option.asks) >= limit:
        return counter
    causes, parts = listed_causes(article), _parts(option.section.text)
    if len(causes) != len(parts) or _titled(parts):
        return counter
    numbers = _numbers(option)
    used = sorted({k for n, k in enumerate(numbers) if k and n not in option.when})
    if len(used) < 2:
        return counter  # one part's steps (the others are options of their own)
    counter += 1
    var = f"if_{counter}"
    choices = [{"value": f"cause_{k}", "label": causes[k - 1]} for k in used]
    choices.append({"value": "unsure", "label": "Not sure: try each fix in turn"})
    option.asks.append(
        Ask(
            var,
            "Which cause applies?",
            "The article gives one fix for each cause it lists ("
            + "; ".join(c["label"] for c in choices[:-1])
            + "). Which cause applies here?",
            choices,
        )
    )
    for n, k in enumerate(numbers):
        if k in used and n not in option.when:
            option.when[n] = f'{var} == "cause_{k}" or {var} == "unsure"'
    return counter
