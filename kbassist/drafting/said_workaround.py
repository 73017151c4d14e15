"""A fix the article itself calls a workaround is titled as one, not "Resolution".

MS KB articles often write their RESOLUTION section as "To work around this problem,
...". The drafter titled such an outcome "Resolution: <its step>", and for a confirmed
bug with no fix (STATUS: "Microsoft has confirmed this to be a problem") that hid that no
fix exists: the admin took a workaround for the cure. The title says "Workaround", and
when STATUS says the problem is open, the outcome's text says there is no fix.
"""

from __future__ import annotations

import re

from kbassist.articles import Article
from kbassist.drafting.nofix import _status_reason
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import clean, split_sentences

#: The section's opening says its fix is a workaround: "To work around this problem,",
#: "To workaround the problem", "As a workaround,", "Workaround:", "You can work around".
_WORKAROUND_OPEN_RE = re.compile(
    r"^(?:to work ?around (?:this|the|these)\b|as a (?:temporary )?work ?around\b|"
    r"work ?around\s*:|you can work ?around\b)",
    re.IGNORECASE,
)
#: The title's own "As a workaround, you can" / "To workaround the problem": said by the
#: "Workaround" before it; not "To work around this behavior so that ..." (its purpose).
_SAID_AGAIN_RE = re.compile(
    r"^(?:as a (?:temporary )?work ?around|to work ?around (?:this|the) (?:problem|issue|"
    r"behaviou?r)(?! (?:so|in|when|by|if|on|for|with)\b)),?\s*(?:you (?:can|must|should)\s+)?",
    re.IGNORECASE,
)
#: A "workaround" that gets the fix itself ("contact Microsoft Technical Support to obtain
#: the following fix", "install the latest service pack"): a fix after all.
_GETS_FIX_RE = re.compile(r"\b(?:hot ?fix|fix|service pack|update|patch)\b", re.IGNORECASE)
#: A title named by the section it comes from: "Resolution", "Resolution: <step>".
_RESOLUTION_HEAD_RE = re.compile(r"^(?:resolution|solution)(?=:|$)", re.IGNORECASE)


def workaround_titled(article: Article, option: Option, options: list[Option]) -> None:
    """Retitle "Resolution: X" as "Workaround: X" when the fix's own section opens by
    calling it a workaround; an open STATUS (no fix, no update among `options`) is said
    in the outcome's text."""
    head = _RESOLUTION_HEAD_RE.match(option.label)
    if head is None or option.kind != "option" or _GETS_FIX_RE.search(option.label):
        return
    opening = split_sentences(clean(option.section.text))[:1]
    if not opening or not _WORKAROUND_OPEN_RE.match(opening[0]):
        return
    body = option.label[head.end() :].lstrip(": ")
    body = _SAID_AGAIN_RE.sub("", body, count=1)
    option.label = f"Workaround: {body[:1].upper()}{body[1:]}" if body else "Workaround"
    reason, _ = _status_reason(article)
    fixed = any(o.kind != "option" for o in options)  # an update, a "No fix" of its own
    if reason and not fixed and "no fix" not in option.lead.casefold():
        said = reason if reason.endswith(".") else f"{reason}."
        option.lead = f"No fix: {said} The article gives this workaround. {option.lead}".strip()
