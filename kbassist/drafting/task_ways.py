"""Steps for different tasks the article offers side by side, asked (round 26, seqalts26).

"6. Select the article you want to edit or delete. - To edit the article, open it and make
the changes you want. - To delete the article, open it and delete all the text ...": the
bullets are one procedure's branches, each led by the task it does ("To <task>, <steps>"),
and the walk ticked both, so it edited and then emptied the article (issue 13: "ticks 'To
edit the article...' and 'To delete the article...' in sequence when it should ask which
one"). Such a run of steps is asked ("Which do you want to do?", one answer per task) only
where the article itself marks the tasks as alternatives: it names their verbs joined by
"or" / "/" ("edit or delete", "Edit/Delete", "add, modify, or remove") in the option's
lead, its steps before the run or its title, or the step just before says "one of the
following". "To release the IP address, ..." / "To renew the IP address, ..." with no such
marker stay a sequence: numbered steps that each say their purpose are one procedure.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Ask, Option
from kbassist.drafting.text import short_label, split_detail

#: "To edit the article, open it ...": a step led by the task it does (its verb, the rest
#: of the task up to the comma), then the action in lower case.
_TASK_RE = re.compile(
    r"^to (?P<verb>[a-z]{2,20})\b(?P<rest>[^,.;:]{1,100}),\s{1,3}(?=[a-z])",
    re.IGNORECASE,
)

#: "Do one of the following:", "use one of the following methods:": the run after it
#: is a choice, whatever its tasks' verbs.
_ONE_OF_RE = re.compile(
    r"\b(?:one|either) of the following\b[^.:]{0,40}:?\s{0,3}$|\beither:?\s{0,3}$",
    re.IGNORECASE,
)


def _verbs_or(verbs: list[str]) -> re.Pattern[str]:
    """ "edit or delete", "Edit/Delete", "add, modify, or remove": two or more of the
    run's verbs (any inflection) joined as alternatives."""
    alt = "|".join(sorted({re.escape(v) for v in verbs}, key=len, reverse=True))
    word = rf"(?:{alt})\w{{0,3}}"
    return re.compile(
        rf"\b{word}(?:(?:,\s{{1,3}}|\s{{0,2}}/\s{{0,2}}){word}){{0,4}}"
        rf"(?:,?\s{{1,3}}or\s{{1,3}}|\s{{0,2}}/\s{{0,2}}){word}\b",
        re.IGNORECASE,
    )


def _marked(said: str, verbs: list[str]) -> bool:
    """Whether `said` names at least two different verbs of `verbs` as alternatives."""
    for found in _verbs_or(verbs).finditer(said):
        named = {v for v in verbs if re.search(rf"\b{re.escape(v)}", found.group(0), re.I)}
        if len(named) >= 2:
            return True
    return False


def _runs(option: Option) -> list[tuple[int, int]]:
    """(start, end) of each run of two steps or more, none asked yet, each led by a task
    of its own ("To edit ...", "To delete ...")."""
    runs: list[tuple[int, int]] = []
    start = -1
    for n in range(len(option.items) + 1):
        task = (
            n < len(option.items)
            and n not in option.when
            and _TASK_RE.match(split_detail(option.items[n])[0].strip()) is not None
        )
        if task and start < 0:
            start = n
        elif not task and start >= 0:
            if n - start >= 2:
                runs.append((start, n))
            start = -1
    return runs


def task_way_steps(option: Option, title: str, counter: int, limit: int) -> int:
    """Ask which of the article's side-by-side tasks the admin does ("To edit the article,
    ..." / "To delete the article, ...") when the article marks them as alternatives; each
    task's step runs on its answer's walk only, the steps before and after on every walk.
    Returns the tree's question counter (`if_N` variables)."""
    for start, end in reversed(_runs(option)):
        if len(option.asks) >= limit:
            break
        heads = [split_detail(option.items[k])[0].strip() for k in range(start, end)]
        matches = [m for m in map(_TASK_RE.match, heads) if m is not None]
        tasks = [f"{m.group('verb')}{m.group('rest')}".strip() for m in matches]
        verbs = list(dict.fromkeys(m.group("verb").casefold() for m in matches))
        if len(verbs) < 2 or len({t.casefold() for t in tasks}) < len(tasks):
            continue  # "To display X, ..." twice: not tasks told apart by what they do
        before = [split_detail(i)[0] for i in option.items[:start]]
        just_before = before[-1] if before else option.lead
        said = " ".join([title, option.label, option.lead, *before])
        if not (_ONE_OF_RE.search(just_before.strip()) or _marked(said, verbs)):
            continue
        counter += 1
        var = f"if_{counter}"
        labels = [short_label(t[0].upper() + t[1:], 80) for t in tasks]
        option.asks.append(
            Ask(
                var,
                "Which do you want to do?",
                f"The article gives its own steps for each of these tasks ({'; '.join(labels)}). "
                "Which do you want to do?",
                [{"value": f"task_{j}", "label": label} for j, label in enumerate(labels, 1)],
            )
        )
        for j, k in enumerate(range(start, end), 1):
            option.when[k] = f'{var} == "task_{j}"'
    return counter
