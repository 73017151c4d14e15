"""A roll back that offers alternatives, not a sequence (round 40, versions40).

An article's way back can be two ways to the same end: "In either Windows Server 2019 or
Windows Server 2016, you can disable the fix by using either of the following methods: -
Start Registry Editor, ..., and then change the value to 0. - Delete the registry entry.
...". Drafted, the roll back ticked the lead and then both methods in turn, as if the
value were to be set to 0 and then the entry deleted (seed-112 readers, stop-error-7e-nfs).
Here the lead says that one way is enough and each way is marked "Either:" / "Or, instead:", so the
list reads as the choice the article gives. Only a lead that ends by offering "either /
one of the following methods / ways / options:" and two to four ways after it, to the end
of the roll back, count.
"""

from __future__ import annotations

import re
from itertools import pairwise

from kbassist.drafting.text import split_detail, with_detail

#: ", you can disable the fix by using either of the following methods:": the offer.
_OFFER_RE = re.compile(
    r",?\s{0,3}(?:by )?(?:using |with |in )?(?:either|any one|one) of the following "
    r"(?:two |three |four )?(?:methods|ways|options|procedures)\s{0,3}:$",
    re.IGNORECASE,
)
#: "you can disable": the modal said before the verb, dropped with the offer.
_YOU_CAN_RE = re.compile(r"\byou can (?=[a-z])")
_MAX_WAYS = 4


def _flat(text: str) -> str:
    return " ".join(re.sub(r"[*_`\"]", "", text).split()).casefold()


#: A bullet of the article's list: "- Start Registry Editor, ..." (its lines joined).
_BULLET_RE = re.compile(r"^\s{0,8}[-*]\s{1,4}", re.MULTILINE)


def _ways(text: str, offer: str) -> list[str]:
    """The bullets right after the article's offer, flattened, or [] when not found."""
    flat_offer = _flat(offer)[-45:]
    at = _flat(text).find(flat_offer)
    if at < 0 or _flat(text).count(flat_offer) != 1:
        return []
    # the offer's place in the raw text: the line holding its last words
    tail = offer.split()[-3:]
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if _flat(" ".join(tail)) in _flat(line)), None)
    if start is None:
        return []
    bullets: list[list[str]] = []
    for line in lines[start + 1 :]:
        if _BULLET_RE.match(line):
            bullets.append([_BULLET_RE.sub("", line, count=1)])
        elif bullets and (line.startswith((" ", "\t")) or not line.strip()):
            bullets[-1].append(line)
        elif line.strip() and not bullets:
            return []
        elif line.strip():
            break
    return [_flat(" ".join(b)) for b in bullets]


def either_undo(undo: list[str], text: str) -> list[str]:
    """The roll back with a lead offering alternatives said as a choice: the lead ends
    "(one of these ways is enough):", each way's first step opens "Either:" / "Or, instead:" and
    its other steps follow it. `text` is the section's, to tell where each way starts."""
    for n, item in enumerate(undo):
        lead, detail = split_detail(item)
        lead = lead.rstrip()
        offer = _OFFER_RE.search(lead)
        if offer is None:
            continue
        ways = _ways(text, lead)
        rest = undo[n + 1 :]
        if not 2 <= len(ways) <= _MAX_WAYS or len(rest) < len(ways):
            return undo
        owner = []
        for step in rest:
            probe = _flat(split_detail(step)[0])[:30].rstrip(" .")
            found = [j for j, way in enumerate(ways) if probe and probe in way]
            if len(found) != 1:
                return undo
            owner.append(found[0])
        if owner[0] != 0 or any(b < a for a, b in pairwise(owner)):
            return undo
        if set(owner) != set(range(len(ways))):
            return undo
        head = _YOU_CAN_RE.sub("", lead[: offer.start()].rstrip(" ,"))
        marked = [with_detail(f"{head} (one of these ways is enough):", detail)]
        for j, step in enumerate(rest):
            first = j == 0 or owner[j] != owner[j - 1]
            if first:
                step = f"{'Either' if owner[j] == 0 else 'Or, instead'}: {step}"
            marked.append(step)
        return [*undo[:n], *marked]
    return undo
