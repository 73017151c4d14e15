"""Methods inside one stage of a staged MS KB fix (round 25, alts25).

"Remove Streets & Trips" (steps 1-6), then "Install Streets & Trips: ... use either of
the following methods to perform a full installation. Method 1: Streets & Trips Setup:
1. ... 5. ... Method 2: Works Setup: 1. ... 7. ...": the stages are done in turn, but
the two methods of the last stage are alternatives. Flattened, the first method's
heading was glued into the stage's note and the second's was a step, so the walk ticked
both installations. Each method's heading is kept as a step of its own ("Method 1:
Streets & Trips Setup:") over its steps, so `method_list.marked_way_steps` asks "Which
method will you use?" and shows each method's steps for it only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kbassist.drafting.text import Para, clean, with_detail


def stage_methods(
    chunk: Sequence[Para],
    method_re: re.Pattern[str],
    procedure: Callable[[Sequence[Para]], tuple[str, list[str]]],
) -> tuple[str, list[list[str]]] | None:
    """(stage lead, [method 1's steps, method 2's steps, ...]) when a stage's blocks hold two
    or more "Method N" headings (not indented, numbered 1, 2, ... in order), each over
    numbered steps; each method's first step is its heading ("Method 1: X:", with what
    the heading's block said after it as its note); None otherwise."""
    starts = [i for i, p in enumerate(chunk) if p.indent == 0 and method_re.match(p.head)]
    if len(starts) < 2:
        return None
    numbers = [re.search(r"\d{1,2}", chunk[i].head) for i in starts]
    if [int(n.group(0)) if n else 0 for n in numbers] != list(range(1, len(starts) + 1)):
        return None  # "Method A" / "Method B", or numbers out of order: not this kind
    lead = clean(" ".join(p.text for p in chunk[: starts[0]] if not p.separator))
    out: list[list[str]] = []
    for start, end in zip(starts, [*starts[1:], len(chunk)], strict=True):
        body = chunk[start + 1 : end]
        if not any(p.numbered for p in body):
            return None  # a method with no steps of its own: leave the stage as it was
        said, steps = procedure(body)
        if not steps:
            return None
        head = clean(chunk[start].text)
        out.append([with_detail(head if head.endswith(":") else f"{head}:", said), *steps])
    return lead, out
