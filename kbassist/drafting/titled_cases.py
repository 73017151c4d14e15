"""A step that says the findings point to "one or both of the following problems:" over
a titled part per problem, each with its own fix ("### Narrow selector in query / In
this case, ... the selector should be {le=~"1(.0)?"}" then "### Narrow regex in metric
relabel configuration / In this case, ... the regex should be (0.5|5|50)(\\.0)?") (round 27).

The titles were glued to the step before as a line of its detail, and the cases' steps
ran one after the other ("In this case, expect logs like the following:" twice; seed 72's
readers: "run in sequence instead of being asked"). `titled_case_steps` asks "Which of
these applies?" with the titles as answers ("Not sure" shows each), each title's steps
running only for it, and takes the title lines out of the details.

A case runs from the step after its title to the step that carries the next title; the
last case keeps its first step and the steps after it that open "In this case" (a step
after it that names no case, "After resolving the issue, disable the debug log level",
is for every case).
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Ask, Option
from kbassist.drafting.text import DETAIL_SEP, split_detail, with_detail

#: The lead of titled alternatives: "one or both of the following problems:".
_LEAD_RE = re.compile(
    r"\b(?:one|either|any|one or both|one or more) of the following (?:\w{1,20} )?"
    r"(?:problems|issues|cases|scenarios|causes|reasons|situations):$",
    re.IGNORECASE,
)
#: A step of the case just named: "In this case, ...", "In this scenario, ...".
_THIS_CASE_RE = re.compile(
    r"^(?:in|for) (?:this|that|such an?) (?:case|scenario|situation)\b", re.I
)
_MAX_TITLE = 80
MAX_CASES = 6


def _title(line: str) -> bool:
    """A heading line: short, no sentence end, not code or a list item."""
    line = line.strip()
    return (
        0 < len(line) <= _MAX_TITLE
        and not re.search(r"[.:;!?,)\]`'\"]$", line)
        and not re.match(r"[-*#$>|{<\d]", line)
        and line[:1].isupper()
    )


def _lines(item: str) -> list[str]:
    """The step's text and detail as lines, blank ones dropped."""
    text, detail = split_detail(item)
    return [ln for ln in f"{text}\n{detail}".split("\n") if ln.strip()]


def _cut_title(item: str, title: str) -> str:
    """The step without its last line (the next case's title)."""
    text, detail = split_detail(item)
    kept = detail.rstrip()
    if not kept.endswith(title):
        return item
    kept = kept[: -len(title)].rstrip()
    return f"{text}{DETAIL_SEP}{kept}" if kept else text


def titled_case_steps(option: Option, counter: int, limit: int) -> int:
    """Ask which titled case applies when a step leads "one or both of the following
    problems:" into titled parts, each with its own steps; returns the question counter."""
    if len(option.asks) >= limit or len(option.items) < 3:
        return counter
    items = option.items
    start = next(
        (
            n
            for n, item in enumerate(items[:-1])
            if len(lines := _lines(item)) >= 2
            and _LEAD_RE.search(lines[-2].strip())
            and _title(lines[-1])
        ),
        None,
    )
    if start is None:
        return counter
    titles = [_lines(items[start])[-1].strip()]
    owners: dict[int, int] = {}
    n = start + 1
    while n < len(items):
        owners[n] = len(titles) - 1
        lines = _lines(items[n])
        if len(lines) >= 2 and _title(lines[-1]) and n + 1 < len(items):
            titles.append(lines[-1].strip())  # the next case's title ends this step
        elif len(titles) >= 2 and not (
            n + 1 < len(items) and _THIS_CASE_RE.match(split_detail(items[n + 1])[0])
        ):
            break  # the last case's steps are over
        n += 1
    if not 2 <= len(titles) <= MAX_CASES or any(k in option.when for k in owners):
        return counter
    if len(set(owners.values())) != len(titles):
        return counter
    counter += 1
    var = f"if_{counter}"
    option.items[start] = _cut_title(items[start], titles[0])
    if start > 0 and DETAIL_SEP not in option.items[start] and (start - 1) not in option.when:
        # "The logs will point to one or both of the following problems:" says what the
        # step before shows: its note, not a tick of its own
        option.items[start - 1] = with_detail(option.items[start - 1], option.items[start])
        del option.items[start]
        option.when = {(k - 1 if k > start else k): v for k, v in option.when.items()}
        owners = {k - 1: case for k, case in owners.items()}
    for k, case in owners.items():
        if case + 1 < len(titles):
            option.items[k] = _cut_title(option.items[k], titles[case + 1])
        option.when[k] = f'{var} == "case_{case + 1}" or {var} == "unsure"'
    option.asks.append(
        Ask.of_cases(
            var,
            "Which of these applies?",
            "case",
            titles,
            "Which applies here? Each has its own fix.",
        )
    )
    return counter
