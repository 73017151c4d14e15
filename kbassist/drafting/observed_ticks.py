"""An observation ticked as part of an action goes to the verify (issue 13, round 27).

Readers of seed 72 marked a tick that asks the admin to look, not to act: "Once these
files are deleted, reboot the machine. Once rebooted, observe that the Windows Search
service has already started and is in process of rebuilding the Index." Rebooting is the
step; that the service is running again is how the admin knows the fix worked. The same
shape is written in every format: "... Notice that the X check box is now cleared.",
"... You should now see the printer listed.".

A sentence that only tells the admin what to see ("observe that", "notice that", "you
should (now) see / notice / observe"), after at least one sentence of the same tick and
with no action after it in that tick, is taken out of the tick:

- in the outcome's last step it is the fix's own check: said first in the verify
  ("Check that the Windows Search service has already started ...");
- in an earlier step it is what the admin sees before the next step: shown under the
  step as its note, never ticked.

Left alone: an observation the tick opens with (the whole tick, said by other passes), one
in a case ("If you see X, ...": a condition), "You may notice" (what may happen, a note
already), a sentence ending in a colon (what follows is the listing the tick shows) and a
sentence that goes on to act ("..., and then click OK").
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.text import split_sentences

#: "Once rebooted, observe that X", "You should now see X", "Notice that X": the look
#: alone, after an optional time lead ("Once/When/After X,") and "then"/"now". Bounded
#: repeats only: linear on hostile text.
_OBSERVE_RE = re.compile(
    r"^(?:(?:once|when|after)\b[^,;:]{1,120},\s{0,3})?(?:(?:then|now),?\s{1,3})?"
    r"(?:(?P<you>you\s{1,3}should\s{1,3}(?:now\s{1,3}|then\s{1,3}|also\s{1,3})?"
    r"(?P<verb>see|notice|observe))|(?:observe|notice)\s{1,3}that)\b\s{0,3}(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: An action said after the look, in the same sentence: it is not a look alone.
_ACTS_AFTER_RE = re.compile(
    r"(?:;|,\s{0,3}(?:and\s{1,3})?then\b|\band\s{1,3}then\b|\bthen\s{1,3}"
    r"(?:click|type|select|press|run|restart|open|close|enter|choose)\b)",
    re.IGNORECASE,
)
#: "Notice that the number of volumes cannot be reduced later": a caveat, not a look.
_CAVEAT_RE = re.compile(
    r"\b(?:cannot|can't|can\s{1,3}not|could\s{1,3}not|will\s{1,3}not|won't|must|should|may"
    r"|might|need|needs|not\s{1,3}possible|later)\b",
    re.IGNORECASE,
)
#: Longest observation moved, so a verify stays one line a reader can check.
MAX_LOOK = 300


def _flat(text: object) -> str:
    return " ".join(str(text or "").split())


def look_check(sentence: str) -> str:
    """ "Check that X." for an observation sentence, "" when `sentence` is no look alone."""
    flat = _flat(sentence)
    if len(flat) > MAX_LOOK or flat.endswith(":") or "{" in flat:
        return ""
    match = _OBSERVE_RE.match(flat)
    if match is None:
        return ""
    rest = match.group("rest").rstrip()
    if _ACTS_AFTER_RE.search(rest) or _CAVEAT_RE.search(rest):
        return ""
    if match.group("you"):
        if rest.lower().startswith("that "):
            rest = rest[5:]  # "you should notice that X": X
        else:
            rest = f"you {match.group('verb').lower()} {rest}"  # "you should see X"
    if not rest.endswith((".", "!", "?", '"', ")")):
        rest += "."
    return f"Check that {rest}"


def split_look(text: str) -> tuple[str, list[str]] | None:
    """(the tick without its trailing looks, each look's sentence) or None when the tick
    ends in no look or is nothing but one."""
    sentences = split_sentences(_flat(text))
    n = len(sentences)
    while n > 1 and look_check(sentences[n - 1]):
        n -= 1
    if n == len(sentences) or n == 0:
        return None
    return " ".join(sentences[:n]), sentences[n:]


def _noted(step: dict[str, Any], note: str) -> None:
    """`note` shown under the step, before any detail it had."""
    old = str(step.get("detail") or "").strip("\n")
    step["detail"] = f"{note}\n\n{old}" if old else note


def _outcome_looks(node: dict[str, Any]) -> None:
    steps = node.get("steps")
    if not isinstance(steps, list) or not steps:
        return
    for n, step in enumerate(steps):
        text = step.get("text") if isinstance(step, dict) else None
        if not isinstance(text, str) or "\n" in text.strip():
            continue  # a listing is no sentence of the article's
        split = split_look(text)
        if split is None:
            continue
        kept, looks = split
        step["text"] = kept
        if n < len(steps) - 1:
            _noted(step, " ".join(looks))
            continue
        checks = [
            {"text": look_check(s), **({"source": step["source"]} if "source" in step else {})}
            for s in looks
        ]
        verify = node.get("verify")
        node["verify"] = checks + (verify if isinstance(verify, list) else [])


def observed_ticks(tree: dict[str, Any]) -> None:
    """Every outcome's ticks without the looks they end in: the last step's is its
    verify, an earlier step's its note."""
    for node in tree.get("nodes", []):
        if isinstance(node, dict) and node.get("kind") == "outcome":
            _outcome_looks(node)
