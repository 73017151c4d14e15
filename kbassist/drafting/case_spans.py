"""A case's announced steps, and the opposite case before it (issue 13, archive).

MS KB articles give two alternative causes their own steps in one RESOLUTION: "If the
folders are protected, remove the protection by following these steps: 1. ... 2. ...
If the System Folder and application folders are not protected, use the following
steps to verify that your compact disc is readable: 1. ... 2. ...". The drafter asked
"Does this apply: the folders are not protected?" but the answer gated only the lead
("Use the following steps to verify ...", its "If" taken off), so every walk ticked both
procedures. Here the steps such a lead announces read its condition, and the steps
before it, when the article stated the opposite case for them, read the other answer.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import clean, split_detail, split_sentences

#: A step that announces the steps after it: "Use the following steps to verify ...",
#: "Follow these steps:", "Perform the following steps:", "... by following these steps".
_ANNOUNCE_RE = re.compile(
    r"\b(?:use|follow|perform|complete|do)\s+(?:the\s+following|these)\s+(?:steps|procedure)\b"
    r"|\bby\s+following\s+these\s+steps\b|\bdo\s+the\s+following\b",
    re.IGNORECASE,
)

#: A step that opens another case or a method: the end of the announced steps.
_CASE_END_RE = re.compile(
    r"^(?:(?:if|when)(?! (?:possible|needed|necessary|required|applicable)\b)"
    r"|otherwise|else|(?:case|scenario|option|method|solution|resolution|workaround)\s*\d)\b",
    re.IGNORECASE,
)

#: A heading line kept as a step: "Word 97 (Non-SR1) Version:".
_HEADING_RE = re.compile(r"^[^.!?;]{3,80}:$")

_YES_RE = re.compile(r'^(?P<var>\w+) == "yes"$')
_NOT_RE = re.compile(r"\b(?:not|no longer)\s+|n't\b", re.IGNORECASE)
_IF_CLAUSE_RE = re.compile(r"\bif\s+(?P<case>[^,.:;]{3,160})", re.IGNORECASE)
_SKIP = {"the", "a", "an", "and", "or", "is", "are", "you", "your", "this", "that", "of"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.casefold())) - _SKIP


def _opposite_said(case: str, before: list[str]) -> bool:
    """Whether `before` (the option's lead and its first steps) states `case` without its
    negation: "If the folders are protected" before "the folders are not protected"."""
    if not _NOT_RE.search(case):
        return False
    positive = _words(_NOT_RE.sub("", case))
    for text in before:
        for sentence in split_sentences(clean(text)):
            for found in _IF_CLAUSE_RE.finditer(sentence):
                said = found.group("case")
                if _NOT_RE.search(said):
                    continue
                words = _words(said)
                shared = words & positive
                # "If you have installed Microsoft Word 97 Service Release 1 (SR-1)" before
                # "you have not yet installed Word 97 Service Release 1": the same words
                # but a few, said without the negation
                if len(shared) >= 2 and len(words - positive) <= min(2, len(shared) // 2):
                    return True
    return False


#: The step an if-question quotes: 'The article has a step for this case: "If X, ..."'.
_QUOTED_RE = re.compile(r'step for this case: "(?P<step>.+?)" (?:Does|Do|Is|Are|Can|Has|Have)\b')

#: A list marker at a line's start: "- ", "3. ", "j. ".
_MARKER = r"(?:[-*\u2022]|\d{1,2}[.)]|[a-z][.)])\s+"


def _case_of(option: Option, var: str) -> tuple[str, str]:
    """(the case the question `var` asks, the article's step it quotes): "the folders are
    not protected", "If the folders are not protected, use the following steps ..."."""
    ask = next((a for a in option.asks if a.var == var), None)
    quoted = _QUOTED_RE.search(ask.text) if ask is not None else None
    if quoted is None:
        return "", ""
    step = quoted.group("step")
    case = _IF_CLAUSE_RE.search(step)
    return (case.group("case") if case else ""), step


def _marked(section_text: str, step: str) -> bool:
    """Whether the article writes the case's step as a list item ("j. If the header table
    ..."): its sub-steps may be followed by more items of its own list, which a flattened
    checklist no longer tells apart."""
    words = re.findall(r"\S+", step)[:5]
    if len(words) < 3:
        return True  # too little to find it by: treat as unsure
    pattern = rf"^\s*{_MARKER}" + r"\s+".join(map(re.escape, words))
    return re.search(pattern, section_text, re.MULTILINE | re.IGNORECASE) is not None


def announced_spans(option: Option) -> int:
    """The steps after a case's announcing lead ("If X, use the following steps to ...")
    read its condition when they run to the option's end with no other case; the
    unconditioned steps before it read the "no" answer when the article stated the
    opposite case for them (the case's heading line, just before its lead, reads "yes").
    Returns the steps changed."""
    changed = 0
    for n, item in enumerate(list(option.items)):
        cond = option.when.get(n, "")
        yes = _YES_RE.match(cond)
        text, detail = split_detail(item)
        if yes is None:
            continue
        # the lead already heads its steps (ticks.case_heads_its_steps): shown under the
        # first of them, which with the rest reads the case's answer
        headed = _ANNOUNCE_RE.match(detail.strip()) is not None and (
            n == 0 or option.when.get(n - 1) != cond
        )
        if not headed and (detail.strip() or not _ANNOUNCE_RE.search(text)):
            continue
        if _IF_CLAUSE_RE.search(text):
            continue  # "Go to step 5. If there is not an Index key, follow these steps:"
        span = list(range(n if headed else n + 1, len(option.items)))
        if not span or any(
            _CASE_END_RE.match(split_detail(option.items[m])[0].strip()) for m in span
        ):
            # the case's steps run to the option's end: a flattened list holds no mark
            # of where a case ending earlier stops, so an earlier end is left alone
            continue
        if headed:
            if any(option.when.get(m) != cond for m in span):
                continue  # the case's steps stop before the end: not this rule's shape
        elif any(m in option.when for m in span[:-1]):
            continue  # another case starts inside: its steps may be its own, not nested
        case, step = _case_of(option, yes.group("var"))
        if not step or _marked(option.section.text, step):
            continue
        for m in span if not headed else ():
            own = option.when.get(m)
            option.when[m] = f"({cond}) and ({own})" if own else cond
            changed += 1
        before = range(n)
        flat = " ".join(option.section.text.split())
        at = flat.find(" ".join(step.split())[:60])
        head = flat[:at] if at > 0 else ""  # the section up to the case, said or not
        if (
            n
            and all(k not in option.when for k in before)
            and _opposite_said(case, [option.lead, *(option.items[k] for k in before), head])
        ):
            for k in before:
                shown = split_detail(option.items[k])[0].strip()
                if option.backup and shown.startswith("Back up the "):
                    continue  # the backup the drafter put first is for every answer
                if k == n - 1 and _HEADING_RE.match(shown):
                    option.when[k] = cond  # "Word 97 (Non-SR1) Version:": the case's name
                else:
                    option.when[k] = f'{yes.group("var")} == "no"'
                changed += 1
        break  # one announced case per option: a later one keeps its own steps
    return changed
