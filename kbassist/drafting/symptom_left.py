"""What a yes/no symptom question leaves out: the message or events the section shows.

"You may not be able to sign out of a Mail session if - A - B" then "While that
application is still running, you may receive the following error message: Another
application has denied your request." (graded seed 102, Q130038): the symptom kept the
opening paragraph and its list and lost the message, which then showed up only in the
verify. Q297002 kept its first message and lost "The System Event Log of the BDC may
display the following information:" over two event records (5718 Netlogon, 3013 Rdr).
An admin confirms a symptom by what is on the screen or in the log, so a yes/no question
shows the messages and events the section lists after a lead, as " Also: ..." (round 36).

Only MS KB SYMPTOMS sections, and only leads whose blocks are not steps, causes,
conditions or what should be seen; `with_it` drops what the symptom already says and
names an event by its id and source.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kbassist.articles import Article, Section
from kbassist.drafting.message_block import condition_lead
from kbassist.drafting.symptom_kinds import causes_follow, is_fragment
from kbassist.drafting.symptom_leads import mostly_steps, scenario_items, step_lead, step_text
from kbassist.drafting.text import clean, is_boilerplate, paragraphs, split_sentences

#: A lead into what the log or the screen shows ("The System Event Log of the BDC may
#: display the following information:", "Event Viewer shows the following:").
_SHOWS_LEAD_RE = re.compile(
    r"\b(?:event (?:log|viewer)|(?:system|application|security) log|log file|screen|dialog box)"
    r"\b[^:.]{0,60}\b(?:display|show|contain|record|list|report)s?\b[^:.]{0,40}\bfollowing\b",
    re.IGNORECASE,
)
#: What should be seen, not what is ("You expect to see the following entries:").
_EXPECTED_RE = re.compile(
    r"\b(?:expect|should (?:see|appear|be displayed)|would normally)\b", re.IGNORECASE
)
#: A lead over steps: "do the following:", "follow these steps:".
_STEPS_LEAD_RE = re.compile(
    r"\b(?:do|follow|perform|complete|take) (?:the following|these)\b|\bsteps?\b", re.I
)
#: A lead into what is not seen: where a setting goes, a page to read, code or an example.
_NOT_SEEN_RE = re.compile(
    r"\b(?:must|should|can) appear\b|\bsee the\b|\blike this\b|\bfollowing (?:\w+ )?(?:web ?site"
    r"|article|document|syntax|code|example|statement|command|entry|line)s?\s*:",
    re.IGNORECASE,
)
#: An item that is code, a setting line or an address, not a message.
_CODE_RE = re.compile(r"^\s*[\w.\[\]]+\s*=|https?://|[;{]\s*$")
#: The most items taken from one lead (a longer list is a dump or a list of scenarios).
_MAX_ITEMS = 3
#: The longest item kept (a longer one is a page of text, not a message).
_MAX_ITEM_CHARS = 400


def left_messages(text: str) -> list[list[str]]:
    """The messages and event records an MS KB symptom section shows after its leads, one
    list per lead (the blocks indented under a lead ending in a colon), for a yes/no
    question to show with the symptom; none for a lead over steps, causes or conditions."""
    return [list(group) for group in _left(text)]


@lru_cache(maxsize=256)
def _left(text: str) -> tuple[tuple[str, ...], ...]:
    from kbassist.drafting.symptoms import _indented_after, _message_lead

    paras = [p for p in paragraphs(text) if not p.heading]
    found: list[tuple[str, ...]] = []
    for i, para in enumerate(paras):
        said = clean(para.text)
        if not said.endswith(":"):
            continue
        last = split_sentences(said)[-1]
        if not (_message_lead(said) or _SHOWS_LEAD_RE.search(last)):
            continue
        if _NOT_SEEN_RE.search(last) or _EXPECTED_RE.search(last):
            continue  # "The entry must appear under ...:", "see the following Web site:"
        if causes_follow(said) or condition_lead(said):
            continue
        if step_lead(para.text, para.numbered) or _STEPS_LEAD_RE.search(last):
            continue  # "To see the error, do the following:" over steps
        group = [g for g in _indented_after(paras, i) if not _JOINER_RE.match(g)]
        if not group or len(group) > _MAX_ITEMS:
            continue
        if mostly_steps(group) or scenario_items(said, group) or any(map(step_text, group)):
            continue
        if any(
            is_fragment(g) or is_boilerplate(g) or len(g) > _MAX_ITEM_CHARS or _CODE_RE.search(g)
            for g in group
        ):
            continue
        group = [g for g in group if any(c.isalnum() for c in g)]
        if group:
            found.append(tuple(group))
    return tuple(found)


#: "-and-" / "-or-" between the blocks of a list: no message.
_JOINER_RE = re.compile(r"^-+\s*(?:and|or)\s*-+$", re.IGNORECASE)


def _plain(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", clean(text).casefold()).strip()


def yes_no_shown(article: Article, section: Section, symptom: str) -> list[str]:
    """What a yes/no symptom question shows with the symptom: the facts listed as true at
    once (`shown_together`), then, in an MS KB article, the messages and events its
    section shows that the symptom text does not already say."""
    from kbassist.drafting.symptoms import shown_together

    found = shown_together(article, section)
    if article.style != "mskb":
        return found
    said = _plain(symptom)
    taken = {_plain(f) for f in found}
    for group in left_messages(section.text):
        plains = [_plain(g) for g in group]
        firsts = [_plain(split_sentences(g)[0]) for g in group if split_sentences(g)]
        if any(p[:40] in said or p in taken for p in plains if p) or any(
            len(f) >= 15 and f in said for f in firsts
        ):
            continue  # the block is shown (in part) already: "Job Status MIF not created."
        found.extend(group)
        taken.update(plains)
    return found
