"""A part that only details a condition of the symptom is no fix to offer.

"## Detail to configure the EnableLinkedConnections registry entry" under an article
whose symptom happens when "the EnableLinkedConnections registry entry is configured"
describes how the failing setup came about: an admin who picks it as a fix applies the
very setting the symptom needs.
"""

from __future__ import annotations

import re

from kbassist.articles.model import Article
from kbassist.drafting.modern import block_plain

#: A heading that only gives details or background ("Detail to configure X", "Details
#: about X", "Background on X", "More about X"), with the thing it is about.
_DETAIL_HEAD_RE = re.compile(
    r"^(?:more\s+)?(?:details?|detailed information|background|more)\s+"
    r"(?:to|about|on|for|of)\s+(?:(?:how\s+to\s+)?(?:configur\w{0,5}|set\w{0,4}|enabl\w{0,4})\s+)?"
    r"(?:the\s+)?(?P<thing>[^\n]{3,120})$",
    re.IGNORECASE,
)
#: Words of a thing that name no particular setting.
_GENERIC = frozenset(
    "registry entry entries value values key keys setting settings policy policies option "
    "options feature features the a an and or of to in on for this that".split()
)
#: What the symptom says of a setting it needs: "X is configured", "X is enabled".
_SET_RE = r"\s+(?:is|are|has been|have been)\s+(?:configured|enabled|set|turned on|added|created)"


def precondition_part(article: Article, heading: str) -> bool:
    """Whether a part headed `heading` only details a setting that the symptom names as
    one of its conditions ("... and the EnableLinkedConnections registry entry is
    configured"), so it is background, never a fix."""
    found = _DETAIL_HEAD_RE.match(" ".join(heading.split()))
    if not found:
        return False
    words = [
        w for w in re.findall(r"[\w-]{3,40}", found.group("thing")) if w.casefold() not in _GENERIC
    ]
    if not words:
        return False
    said = " ".join(
        block_plain(b) for part in article.parts_by_role("symptom") for b in part.blocks
    )
    name = re.escape(words[-1]) if len(words) == 1 else r"\s+".join(map(re.escape, words))
    pattern = rf"\b{name}(?:\s+[\w-]{{1,20}}){{0,3}}?{_SET_RE}\b"
    return re.search(pattern, said, re.IGNORECASE) is not None
