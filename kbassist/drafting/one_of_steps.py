"""A choice inside one step, asked (round 32, cases33).

MS KB procedures put a choice inside a numbered step: "4. Under "Include in Index",
perform one of the following tasks: / - Click Yes if you want to include the folder ...
/ -or- / - Click No if you want to exclude the folder ...". Drafted, the step's lead and
both of its choices were ticked in turn (seed 86/88 readers: "Yes and No both ticked").
Here the steps after such a lead that the article separates by "-or-" are asked "Which
will you do?" (labels from their own first sentences), each shown only for its answer;
"Not sure" shows each. The steps after the last choice are everyone's again.

Only a lead that says "one of the following" with a verb of doing (not "one or more of
the following", which may all be done), and only choices the article's own text
separates by "-or-", count: the "-or-" is what tells the choices from the next steps.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Ask, Option
from kbassist.drafting.text import short_label, split_detail

#: "perform one of the following tasks:", "use one of the following methods to include
#: and exclude files:", "do either of the following:" (bounded; the step ends with it).
_ONE_OF_RE = re.compile(
    r"\b(?:perform|do|use|follow|complete|choose|take|try)\b[^.:;]{0,40}?"
    r"\b(?:one|either) of the following\b[^.:;]{0,80}:$",
    re.IGNORECASE,
)
#: The article's separator of alternatives: "-or-" on a line of its own.
_OR_RE = re.compile(r"(?:^|\s)-\s?or\s?-(?:\s|$)", re.IGNORECASE)
#: How far after the lead its first choice must start (characters of flattened text).
_NEAR = 400
#: Most choices asked in one question.
MAX_CHOICES = 5
#: Characters of a step compared with the article's text to find it.
_PROBE = 40


def _flat(text: str) -> str:
    """Text with markup quotes gone and white space single, for finding a step in it."""
    return " ".join(re.sub(r"[*_`\"]", "", text).split()).casefold()


def _probe(item: str) -> str:
    return _flat(split_detail(item)[0])[:_PROBE]


#: "If you want to use the same settings as the service, click ...": the case it names.
_WANT_RE = re.compile(
    r"^if (?P<case>you (?:want|need|prefer|would like|do not want|don't want) [^,;:]{3,120}),",
    re.IGNORECASE,
)


def _label(item: str) -> str:
    """A choice's label: the case its step names ("You want to use the same settings as
    the service"), else its first sentence, shortened."""
    text = split_detail(item)[0].strip()
    if wanted := _WANT_RE.match(text):
        case = wanted.group("case")
        return short_label(case[:1].upper() + case[1:], 100)
    first = re.split(r"(?<=[.;])\s+", text, maxsplit=1)[0].rstrip(".;")
    return short_label(first, 80)


def _choices(option: Option, n: int, text: str) -> list[int]:
    """The steps after step `n` (the lead) that are its choices: the first starts just
    after the lead in the article's text, each next one after a "-or-"; [] when fewer
    than two are."""
    lead = _probe(option.items[n])
    at = text.find(lead) if lead else -1
    if at < 0:
        return []
    out: list[int] = []
    for k in range(n + 1, min(len(option.items), n + 1 + MAX_CHOICES)):
        probe = _probe(option.items[k])
        found = text.find(probe, at + 1) if len(probe) >= 8 else -1
        if found < 0:
            break
        if not out:
            if found - at > _NEAR:
                break
        elif not _OR_RE.search(text[at:found]):
            break
        out.append(k)
        at = found
    return out if len(out) >= 2 else []


def one_of_steps(option: Option, counter: int, max_asked: int) -> int:
    """Ask which of a step's "one of the following tasks:" choices the admin does (see the
    module doc). Returns the questions counter."""
    if len(option.asks) >= max_asked or len(option.items) < 3:
        return counter
    text = ""
    for n, item in enumerate(option.items[:-2]):
        said = split_detail(item)[0].strip()
        if not said.endswith(":") or "following" not in said:
            continue
        if not _ONE_OF_RE.search(said[-200:]):
            continue
        text = text or _flat(option.section.text)
        if "-or-" not in text and not _OR_RE.search(text):
            return counter
        picked = _choices(option, n, text)
        if not picked or any(k in option.when for k in picked):
            continue
        labels = [_label(option.items[k]) for k in picked]
        if len({label.casefold() for label in labels}) < len(labels):
            continue
        counter += 1
        var = f"if_{counter}"
        for j, k in enumerate(picked, 1):
            option.when[k] = f'{var} == "case_{j}" or {var} == "unsure"'
        choices = [{"value": f"case_{j}", "label": label} for j, label in enumerate(labels, 1)]
        choices.append({"value": "unsure", "label": "Not sure: show each"})
        lead = short_label(said.rstrip(":"), 100)
        option.asks.append(
            Ask(
                var,
                "Which will you do?",
                f'The article says: "{lead}:" ({"; ".join(labels)}). Which will you do?',
                choices,
            )
        )
        if len(option.asks) >= max_asked:
            break
    return counter
