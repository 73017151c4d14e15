"""A second way to check, shown on the check it doubles (issue 13, round 30).

"2. Verify the path that's set for the ErrorLog file by using SQL Server Configuration
Manager. You can also verify the path in the following registry entry: <table>": the
seed-76 reader found the registry look-up ticked as a step of its own after the
Configuration Manager one, so the admin checked the path twice. When a step the article
says as "You can also verify/check/confirm X" follows a step that checks the same X, it
is a note on that step, not a tick.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, with_detail

#: A check step: "Verify the path ...", "Check the User Rights Assignment ...".
_CHECK_RE = re.compile(
    r"^(?P<verb>verify|check|confirm|make sure|ensure|determine|view|look at)\s+"
    r"(?:that\s+|whether\s+|if\s+)?(?:the\s+|a\s+|an\s+|your\s+)?(?P<noun>[A-Za-z][\w.-]{2,40})",
    re.IGNORECASE,
)
#: The article's own words for the doubled check: "You can also verify ...".
_ALSO_RE = "you (?:can|could|may) also {verb} {rest}"


def _said_also(section_text: str, text: str, verb: str) -> bool:
    """The article says the step as "You can also <verb> ..." (its first words)."""
    rest = " ".join(text.split()[len(verb.split()) :][:5])
    flat = " ".join(section_text.split())
    pattern = _ALSO_RE.format(verb=re.escape(verb), rest=re.escape(rest))
    return re.search(pattern, flat, re.IGNORECASE) is not None


def also_checks_noted(option: Option, section_text: str) -> None:
    """Each "You can also verify X" step right after a step that checks the same X
    shown as that step's note ("You can also verify the path in ...: <its table>")."""
    k = 1
    while k < len(option.items):
        text, detail = split_detail(option.items[k])
        now = _CHECK_RE.match(text)
        before = _CHECK_RE.match(split_detail(option.items[k - 1])[0])
        if (
            now is None
            or before is None
            or k in option.when
            or k - 1 in option.when
            or now.group("noun").casefold() != before.group("noun").casefold()
            or not _said_also(section_text, text, now.group("verb"))
        ):
            k += 1
            continue
        said = f"You can also {text[0].lower()}{text[1:]}"
        note = f"{said}\n{detail}" if detail else said
        option.items[k - 1] = with_detail(option.items[k - 1], note)
        del option.items[k]
        option.when = {(j - 1 if j > k else j): v for j, v in option.when.items()}
