"""Two ways split by the block between them, asked (issue 13, "alternatives are asked,
not run in sequence"; round 30, the seed-76 readers).

"The user can create a one-off address of <X400 address block> or create a custom
recipient in the global address list on the sending server.": the article's block cuts
one sentence in two, so the first way became one tick ("The user can create a one-off
address of", the address its detail) and the second another ("or create a custom
recipient ..."), and the checklist ran both. `ways.split_ways` sees one step at a time
and never saw the "or". When a step opens with a bare "or" and an action, it and the
step before are two ways: asked "Which way do you take?" with an answer each.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Ask, Option
from kbassist.drafting.text import (
    sentence_cut,
    short_label,
    split_detail,
    split_sentences,
    with_detail,
)
from kbassist.drafting.ways import _acts, _label

#: The step the block cut: "or create a custom recipient ...", "or else use ...".
_OR_OPEN_RE = re.compile(r"^or(?:\s+else)?,?\s+(?:you\s+can\s+)?(?=[a-z])")
#: "or contact IBM", "or see the Isinteg.rtf document", "or call MSN Member Support":
#: where to read or whom to ask, not a way to do the step.
_POINTER_RE = re.compile(
    r"^(?:contact|call|see|visit|refer|read|go to|consult|look|check with|write|e-?mail)\b",
    re.IGNORECASE,
)
#: "The user can create ...", "You can use ...": who may do it, before the action.
_MAY_RE = re.compile(
    r"^(?:the\s+user|users|you|an?\s+administrator|administrators)\s+(?:can|could|may)\s+"
    r"(?:also\s+)?(?=[a-z])",
    re.IGNORECASE,
)
#: "... a one-off address of" / "... the following line to": the words the block ended.
_CUT_END_RE = re.compile(r"\s+(?:of|to|as|in|with|for|from|like|at)\s*:?$", re.IGNORECASE)


def _way(text: str) -> str:
    """A way said as the step: "Create a one-off address of" for "The user can create
    a one-off address of"."""
    text = _MAY_RE.sub("", text.strip(), count=1)
    return text[:1].upper() + text[1:]


def _named(way: str) -> str:
    """A way's answer: its action without the words the block cut it at."""
    return _label(_CUT_END_RE.sub("", way.rstrip(".")).rstrip(",;:"))


#: An answer that opens with the bare "or": "Workaround: or use version 2138.0 ...".
_LABEL_OR_RE = re.compile(
    r"^((?:[A-Z][\w ]{2,30}:\s+)?)or(?:\s+else)?,?\s+(?:you\s+can\s+)?(?=[a-z])", re.I
)
#: A fix of its own the list opens with "Or, you can force delete the pod ...": any case.
_FIRST_OR_RE = re.compile(r"^or(?:\s+else)?,?\s+(?:you\s+can\s+)?(?=[a-z])", re.IGNORECASE)


def _or_first_said(option: Option) -> None:
    """An option whose first step is the second half ("or use version 2138.0 for
    Exchange Server 5.5.", a fix of its own after the block that ended the other one)
    says it as the action it is, in its step and in its answer."""
    text, detail = split_detail(option.items[0]) if option.items else ("", "")
    opened = _FIRST_OR_RE.match(text)
    if opened is None:
        return
    offered = "you" in opened.group(0).casefold()  # "Or, you can force delete ...": an action
    if not (offered or _acts(text[opened.end() :][:1].upper() + text[opened.end() + 1 :])):
        return
    rest = text[opened.end() :]
    option.items[0] = with_detail(rest[:1].upper() + rest[1:], detail)
    found = _LABEL_OR_RE.match(option.label)
    if found:  # "Workaround: or use ..." -> "Workaround: Use ..."
        rest = option.label[found.end() :]
        option.label = f"{found.group(1)}{rest[:1].upper()}{rest[1:]}"


def broken_or_steps(option: Option, counter: int, limit: int) -> int:
    """Each step opening "or <action>" after an action step (the article's block between
    them) and that step as two ways, asked before the outcome; returns the tree's question
    counter. The sentences after the second way's first one are shown as its note when
    none of them is an action, else the step is left alone. An option that opens with the
    second half says it as an action."""
    _or_first_said(option)
    k = 1
    while k < len(option.items) and len(option.asks) < limit:
        text, detail = split_detail(option.items[k])
        opened = _OR_OPEN_RE.match(text)
        if opened is None or k in option.when or k - 1 in option.when:
            k += 1
            continue
        sentences = split_sentences(text[opened.end() :])
        second = sentences[0][:1].upper() + sentences[0][1:] if sentences else ""
        before = split_detail(option.items[k - 1])[0]
        first = _way(before)
        rest = sentences[1:]
        if (
            not second
            or _POINTER_RE.match(second)
            or not (_acts(_CUT_END_RE.sub("", first)) and _acts(second))
            or any(_acts(s) for s in rest)
        ):
            k += 1
            continue
        labels = [_named(first), _named(second)]
        if labels[0].casefold() == labels[1].casefold():
            k += 1
            continue
        counter += 1
        var = f"if_{counter}"
        said = sentence_cut(f"{before} ... {text}", 240)
        option.asks.append(
            Ask(
                var,
                "Which way do you take?",
                f'The article gives two ways to do this step: "{said}" Which do you take?',
                [{"value": f"way_{j}", "label": label} for j, label in enumerate(labels, 1)],
            )
        )
        if first != before:
            option.items[k - 1] = option.items[k - 1].replace(before, first, 1)
        note = "\n\n".join(x for x in (" ".join(rest), detail) if x.strip())
        option.items[k] = with_detail(second, note)
        option.when[k - 1] = f'{var} == "way_1"'
        option.when[k] = f'{var} == "way_2"'
        if option.label.endswith(before):  # the outcome's answer named only the cut way
            option.label = option.label[: len(option.label) - len(before)] + short_label(
                f"{labels[0]} or {labels[1][:1].lower()}{labels[1][1:]}", 90
            )
        k += 1
    return counter
