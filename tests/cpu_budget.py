"""CPU budgets for the tests that time themselves, scaled to the machine they run on.

A budget says "linear and fast" on the 2-core machine the project is measured on; the same
code takes about three times as long on a slower VM of that kind, where a fixed budget
fails tests that found no regression. The scale is measured once per process: the best of
ten drafts of a small archive article, against what that takes on the reference machine.
It never shrinks a budget, and a superlinear regression (10x and more, as every one the
timed tests were written for) still fails on any machine.
"""

from __future__ import annotations

import functools
import time

#: CPU seconds of one draft of `_REFERENCE_BODY` on the reference machine (2026-12-02:
#: 0.033-0.045 s on a VM three times slower than the one the budgets were set on).
REFERENCE_SECONDS = 0.014

_REFERENCE_BODY = (
    "SYMPTOMS\n========\n\nWhen you start the server, you receive the following error"
    " message:\n\n   Error 1053: The service did not respond.\n\nCAUSE\n=====\n\nThis"
    " problem occurs because the registry key is damaged.\n\nRESOLUTION\n==========\n\n"
    "To resolve this problem, follow these steps:\n\n"
    + "".join(
        f"{i}. Click Start, click Run, type regedit, and then click OK. Locate the value"
        f" Item{i} under HKEY_LOCAL_MACHINE\\Software\\Test.\n"
        for i in range(1, 41)
    )
    + "\nMORE INFORMATION\n================\n\nFor more information, click Help.\n"
)


@functools.cache
def speed_factor() -> float:
    """How much slower than the reference machine this one drafts (never below 1)."""
    from drafting_support import archive

    from kbassist.drafting.tree import draft_text

    article = archive(_REFERENCE_BODY)
    draft_text(article)  # the first draft compiles the rules: not part of the measure
    best = float("inf")
    for _ in range(10):
        started = time.process_time()
        draft_text(article)
        best = min(best, time.process_time() - started)
    return max(1.0, best / REFERENCE_SECONDS)


def budget(seconds: float) -> float:
    """`seconds` of CPU on the reference machine, in this machine's seconds."""
    return seconds * speed_factor()
