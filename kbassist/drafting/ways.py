"""Two ways to do one step, asked (issue 13).

"Open the file in WordPad. Alternatively, you can save the file locally and add the
.Rtf extension.", "You can either use the old driver or upgrade the PROM.", "Apply the
hotfix, or you can use the Ln.exe tool ...": one checklist item holding two alternatives
makes the admin do both. The step is split in two, and a question before the outcome
("Which way do you take?") names each way in its own words; the answer keeps one.
"""

from __future__ import annotations

import re

from kbassist.drafting.options import Ask, Option, _is_action
from kbassist.drafting.text import (
    sentence_cut,
    short_label,
    split_detail,
    split_sentences,
    with_detail,
)

#: The sentence after a step that offers another way: "Alternatively, (you can) Y.",
#: "Another way is to Y.", "Or, you can Y."
_SECOND_RE = re.compile(
    r"^(?:alternatively,?|another (?:way|method|option)(?: to [^,.]{3,80}?)? is to|or,? "
    r"(?:you can|alternatively,?))\s+(?:you can\s+)?(?P<b>[a-z].{6,600})$",
    re.IGNORECASE,
)
#: "You can either X or Y."
_EITHER_RE = re.compile(
    r"^you can either\s+(?P<a>[a-z].{3,600}?),?\s+or\s+(?P<b>[a-z].{3,600})$", re.IGNORECASE
)
#: "Apply the hotfix, or you can use the Ln.exe tool ..."
_OR_YOU_CAN_RE = re.compile(
    r"^(?P<a>[A-Z].{3,600}?),?\s+or,?\s+you can\s+(?P<b>[a-z].{3,600})$", re.IGNORECASE
)

#: "Alternatively, if a code module already exists, it can be used instead": a remark.
_NOT_A_WAY_RE = re.compile(r"^(?:if|when|it|this|that|they|there)\b", re.IGNORECASE)


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", ":")) else f"{text}."


#: "You can use Registry Editor to ...": the way is the action after it.
_YOU_CAN_RE = re.compile(r"^you can\s+(?=[a-z])", re.IGNORECASE)


def _two(first: str, second: str) -> tuple[str, str] | None:
    a, b = _sentence(_YOU_CAN_RE.sub("", first)), _sentence(_YOU_CAN_RE.sub("", second))
    if _NOT_A_WAY_RE.match(b) or not (_is_action(a) and _is_action(b)):
        return None
    return a, b


def split_ways(text: str) -> tuple[str, str, str, str] | None:
    """(before, first way, second way, after) when a sentence of the step offers two ways,
    each an action of its own ("before" and "after" are the step's other sentences, done
    either way); None if it offers one."""
    sentences = split_sentences(text)
    for i, sentence in enumerate(sentences):
        before, after = " ".join(sentences[:i]), " ".join(sentences[i + 1 :])
        found = _EITHER_RE.match(sentence)
        if found and (ways := _two(found.group("a"), found.group("b"))):
            return before, *ways, after  # "You can either X or Y. Z.": Z either way
        found = _OR_YOU_CAN_RE.match(sentence)
        if found and (ways := _two(found.group("a"), found.group("b"))):
            # "Apply the hotfix, or you can use Ln.exe to ... Place the links ...": the
            # sentences after go on with the second way
            return before, ways[0], f"{ways[1]} {after}".strip(), ""
        if i + 1 < len(sentences):
            found = _SECOND_RE.match(" ".join(sentences[i + 1 :]))
            if found and (ways := _two(sentence, found.group("b"))):
                return before, *ways, ""
    return None


def way_steps(option: Option, counter: int, limit: int) -> int:
    """Split each step that offers two ways into one step per way, asked before the
    outcome; returns the tree's question counter (`if_N` variables, as the cases)."""
    n = 0
    while n < len(option.items) and len(option.asks) < limit:
        if n in option.when:
            n += 1
            continue
        text, detail = split_detail(option.items[n])
        found = split_ways(text)
        if found is None:
            n += 1
            continue
        before, first, second, after = found
        counter += 1
        var = f"if_{counter}"
        option.asks.append(
            Ask(
                var,
                "Which way do you take?",
                f'The article gives two ways to do this step: "{sentence_cut(text, 240)}" '
                "Which do you take?",
                [
                    {"value": "way_1", "label": short_label(first, 90)},
                    {"value": "way_2", "label": short_label(second, 90)},
                ],
            )
        )
        steps = [*([before] if before else []), first, second, *([after] if after else [])]
        if not after:
            steps[-1] = with_detail(steps[-1], detail)
        else:
            steps[-1] = with_detail(after, detail)
        at = n + bool(before)  # the first way's index
        grown = len(steps) - 1
        option.when = {(k + grown if k > n else k): v for k, v in option.when.items()}
        option.items[n : n + 1] = steps
        option.when[at] = f'{var} == "way_1"'
        option.when[at + 1] = f'{var} == "way_2"'
        n += len(steps)
    return counter
