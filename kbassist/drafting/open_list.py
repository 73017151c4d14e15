"""A symptom list the article says is not complete, kept open (issue 13).

"This may cause the following symptoms (this list of symptoms is not exhaustive): ...",
"Symptoms include: ...", "... include, but are not limited to, ...": the forms listed are
examples. Asked "Which of these do you see?", the only other answer ("None of these")
told an admin who sees another form of the same problem that the article may not apply.
An extra answer goes on to the cause instead.
"""

from __future__ import annotations

import re
from typing import Any

#: The article says its list is open: "(this list of symptoms is not exhaustive)", "is
#: not a complete list", "include, but are not limited to", "Symptoms include:", "errors
#: such as the following", "among others".
_OPEN_LIST_RE = re.compile(
    r"\b(?:(?:is|are) not (?:an? )?(?:exhaustive|complete|comprehensive|all-inclusive)\b"
    r"|not (?:an? )?(?:exhaustive|complete|comprehensive|all-inclusive) list"
    r"|includes?,? but (?:(?:is|are) not|isn't|aren't) limited to"
    r"|(?:symptoms|errors|messages|problems|behaviou?rs?|examples|issues)\s+(?:may |might |can |"
    r"could )?(?:include|includes)(?: the following)?\s*:"
    r"|such as the following\b|among others\b)",
    re.IGNORECASE,
)

#: The answer for another form of the same problem: it goes on, as the listed ones do.
OTHER_FORM_LABEL = "Something else like these (the article's list is not complete)"


def open_list(text: str) -> bool:
    """Whether a symptom text says the forms it lists are not all there are."""
    lowered = text.casefold()
    if not any(w in lowered for w in ("exhaustive", "complete", "inclu", "such as", "among")):
        return False  # cheap guard before the regex
    return bool(_OPEN_LIST_RE.search(" ".join(text.split())))  # wrapped lines read as one


def other_form_choice(text: str, after: str) -> dict[str, Any] | None:
    """The "Something else like these" answer, going on to `after`, when `text` says its
    list is open; None otherwise."""
    if not open_list(text):
        return None
    return {"value": "other_form", "label": OTHER_FORM_LABEL, "next": after}
