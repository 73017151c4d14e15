"""A step for one case said "In case X, Y", asked like "If X, Y" (issue 13, round 30).

"In case you have other Domain Controller/DNS server present in the environment, then
configure the server ... to point to other active DNS server": the seed-76 reader found
it ticked for every site, a single-DC site too, because the case passes read "If" and
"When" only. Said as "If X, Y" the step is asked as its case, like any other.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, with_detail

#: "In case you have ...", "In case that the ...", not "In case of a failure, ..." (a
#: noun, no clause to ask) nor "In case the problem persists" said mid-sentence.
_IN_CASE_RE = re.compile(
    r"^in\s+case\s+(?:that\s+)?(?=(?:you|your|the|a|an|there|it|this|these|some|any|more|"
    r"[A-Z])\b)",
    re.IGNORECASE,
)


def in_case_as_if(items: list[str]) -> tuple[list[str], dict[str, str]]:
    """Each step opening "In case X, ..." as "If X, ..." so the case is asked, and the
    steps changed (new -> the article's) for `in_case_kept`."""
    out, changed = [], {}
    for item in items:
        text, detail = split_detail(item)
        found = _IN_CASE_RE.match(text)
        if found and "," in text[found.end() : found.end() + 200]:
            said = item
            item = with_detail("If " + text[found.end() :], detail)
            changed[item] = said
        out.append(item)
    return out, changed


def in_case_kept(option: Option, changed: dict[str, str]) -> None:
    """A changed step no question came to decide ("In case X, following the steps in
    the article ...": no action to ask about) said again in the article's words, and the
    question that asks one quoting the article ("In case X, then Y"), not the change."""
    option.items = [
        changed.get(item, item) if n not in option.when else item
        for n, item in enumerate(option.items)
    ]
    for new, said in changed.items():  # a question quotes the article's words
        now, was = split_detail(new)[0], split_detail(said)[0]
        head, was_head = now[:60], was[: len(was) - len(now) + 60]
        for ask in option.asks:
            ask.text = ask.text.replace(f'"{head}', f'"{was_head}')
