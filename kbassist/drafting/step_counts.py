"""Step counts in option labels said after every tick pass (round 29, stepcount29).

An option named by its count ("Method 2 (1 step)") is named when the option is read,
before later passes split a tick in two ("X. When Y starts, do Z"), fold a note away or
move a check to the verify: the count then disagrees with the checklist the admin ticks.
`counts_said` recounts each such outcome's checklist last of all, and renames the
choices that lead to it.
"""

from __future__ import annotations

import re
from typing import Any

#: A label's count, and the "(2)" that told it from a sibling's: "Method 2 (1 step) (2)".
_COUNT_RE = re.compile(r"\((?P<n>\d{1,3}) steps?\)(?P<tail>(?: \(\d{1,3}\))?)$")


def recounted(label: str, count: int) -> str:
    """`label` with its "(N steps)" said as `count` ("1 step", "5 steps"); `label` as it
    is when it holds no count."""
    found = _COUNT_RE.search(label)
    if found is None or int(found.group("n")) == count:
        return label
    said = f"{count} step" if count == 1 else f"{count} steps"
    return f"{label[: found.start()]}({said}){found.group('tail')}"


def counts_said(tree: dict[str, Any]) -> None:
    """Each outcome title's "(N steps)", and the labels of the choices leading to it, said
    as the count of its final checklist. An outcome with gated steps keeps its count: the
    steps ticked differ per walk, so no other number would be truer."""
    nodes = tree.get("nodes") or []
    counts: dict[str, int] = {}  # outcome id -> its checklist's steps
    for node in nodes:
        if node.get("kind") != "outcome" or not isinstance(node.get("title"), str):
            continue
        steps = node.get("steps") or []
        if not steps or any(s.get("when") for s in steps):
            continue
        counts[str(node.get("id"))] = len(steps)
        node["title"] = recounted(node["title"], len(steps))
    for node in nodes:
        for choice in node.get("choices") or []:
            count = counts.get(str(choice.get("next")))
            if count is not None and isinstance(choice.get("label"), str):
                choice["label"] = recounted(choice["label"], count)
