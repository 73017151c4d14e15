"""A runbook's cause node: what the alert is about, and the likely causes it lists.

An alert runbook rarely has a Cause heading. Its "why" is the Meaning's condition ("This
alert fires when ..."), a sentence that says what the firing can indicate, and often a
list of likely causes under a lead ("This alert can have a variety of causes,
including:", "Check the infrastructure for common causes:", "(e.g. failed readiness
probe, resource pressure, node issues)"). A drafted cause used to be the first sentence
with a "because" in it, which could be an example ("For example, this alert might trigger
when certificates are rotated ...") or a note ("Note: ... the alert is suppressed"), or
"gives no cause" where Meaning plainly says what the alert is about. This pass names the
alert's condition or its "why" sentence, adds the listed causes in the runbook's words,
and takes a "why" sentence out of the symptom so the two nodes do not say the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from kbassist.articles import Article, Section
from kbassist.articles.model import Block, ListBlock, Paragraph, Part
from kbassist.drafting.blocks import _imperative
from kbassist.drafting.modern import _STRONG_CAUSE_RE, aside, block_plain, md_plain
from kbassist.drafting.text import split_sentences

#: A lead that introduces a list of causes ("This alert can have a variety of causes,
#: including:", "The issue might arise for multiple reasons:", "This can happen due to:",
#: "Check the infrastructure for common causes:"), ending in a colon.
_CAUSES_LEAD_RE = re.compile(
    r"(?:\b(?:causes?|reasons?)\b(?! (?:and|or) (?:mitigation|fix|solution|remed))"
    r"|\bcaused by\b|\bdue to\b|\bcause (?:this|the) alert\b)[^:]{0,90}:\s*$"
    r"|\b(?:can|may|might|could) indicate:\s*$"
    # "The following are common reasons a pivot can fail.": the list follows, no colon
    r"|\bthe following are (?:some )?(?:the )?(?:most )?(?:common|possible|likely|potential|"
    r"typical|usual|known) (?:causes|reasons)\b[^:.]{0,90}\.\s*$",
    re.IGNORECASE,
)
#: ... but not a lead over effects ("High device drop rates can cause:"), over fixes
#: ("Depending on the cause of the traffic, the mitigation can be:") or over a case's own
#: steps ("If the collector is failing to start due to configuration errors:").
_NOT_CAUSES_LEAD_RE = re.compile(
    r"\bcause:\s*$|\b(?:mitigat\w*|impact|resol\w+|fix\w*|to confirm|diagnose)\b|^\s*if\b",
    re.IGNORECASE,
)
#: "Identify why some pods are not ready (e.g. failed readiness probe, resource pressure,
#: node issues)": the causes a "why" or "cause" sentence gives in brackets.
_INLINE_CAUSES_RE = re.compile(
    r"\b(?:why|causes|reasons|(?:root|underlying|likely|possible) cause)\b[^()]{0,120}"
    r"\((?:e\.g\.?|for example|such as|like)[,:]?\s*"
    r"(?P<list>[^()]{3,200}?,[^()]{3,200}?)\)",
    re.IGNORECASE,
)
#: "Image pulls: registry reachability ...", "**Disk full** - the volume ...": a name
#: and what it means; the cause is the name.
_NAMED_ITEM_RE = re.compile(r"^(?P<name>[^:;,.]{2,48}?)\s*(?::|\s[-\u2013\u2014]\s)\s*\S")
#: Where a long cause's examples start ("... such as being unable to start, or ...").
_EXAMPLES_RE = re.compile(r",?\s(?:such as|e\.g\.|for example|including)\s")
#: "This alert fires when X", "X indicates that": a sentence that states the condition.
_CONDITION_RE = re.compile(
    r"\b(?:fires?|fired|triggers?|triggered|raised|becomes (?:pending|active))"
    r"(?: (?:the|this) alert)?\s+(?:when|whenever|if)\b"
    r"|\b(?:indicates?|means?) that\b|\b(?:will|to) fire\b",
    re.IGNORECASE,
)
#: A Meaning opening about the page, not the alert ("This runbook ...", "Similar to ...").
_ABOUT_PAGE_RE = re.compile(
    r"^(?:this (?:runbook|page|document|article)|similar to|see)\b|"
    r"\b(?:deprecated|is similar to|this runbook|(?:various|many|different) reasons)\b",
    re.IGNORECASE,
)
#: A list item's generic label: "Cause: X", "Reason - X", "Issue: X".
_LABEL_RE = re.compile(
    r"^(?:causes?|reasons?|issues?|problems?)\s*(?::|\s[-\u2013\u2014]\s)\s*", re.I
)
#: A sentence that leans on the one before it ("In such instances, ...", "Additionally").
_BACK_REFERENCE_RE = re.compile(
    r"^(?:in (?:such|this|these|that)|this|these|that|those|such|additionally|also|it|they|"
    r"as a result|therefore|thus|then)\b",
    re.IGNORECASE,
)
#: Cause roles read for a list of causes, in the order an admin meets them.
_LIST_ROLES = ("symptom", "summary", "impact", "diagnosis", "resolution")
#: The most causes named in the cause node: more belong to the Diagnosis.
MAX_LISTED = 8
#: The longest listed cause named whole (its first sentence), and all of them together.
MAX_ITEM = 160
MAX_LISTED_CHARS = 420
#: The longest condition kept as the cause (two Meaning sentences at most).
MAX_CONDITION = 260


def _meaning(article: Article) -> Section | None:
    return next((s for s in article.sections if s.key == "meaning"), None)


def is_alert_runbook(article: Article) -> bool:
    """An alert runbook: a Markdown page with a Meaning section."""
    return article.style != "mskb" and _meaning(article) is not None


def _paragraph_sentences(part: Part) -> list[str]:
    """The part's paragraph sentences; a sentence ending in a colon over a list is read
    with its items ("... is in a degraded state: Not progressing; Not available")."""
    out: list[str] = []
    for block in part.blocks:
        if isinstance(block, Paragraph):
            out.extend(split_sentences(md_plain(block.text.plain)))
        elif isinstance(block, ListBlock) and out and out[-1].endswith(":"):
            out[-1] = f"{out[-1]} {block_plain(block)}"
    return out


def _instruction(sentence: str) -> bool:
    """ "Free up some space ...", "Please check KMS config": what to do, not why."""
    return _imperative(re.sub(r"^(?:please|immediately|then)\s+", "", sentence, flags=re.I))


def _without_instructions(cause: str) -> str:
    """The cause without the Diagnosis instructions it was read with ("Check if an
    upgrade is in progress. In case there is no upgrade going on, but there is a change
    in the machineconfig ..., this alert can be triggered as well.": the second is why)."""
    said = split_sentences(cause)
    while len(said) > 1 and _instruction(said[0]):
        said.pop(0)
    return " ".join(said) if said else cause


def condition(article: Article) -> str:
    """What the alert is about, in Meaning's words: its "fires when" sentence, else its
    opening (with the next sentence when the opening is short); "" if Meaning has none."""
    part = next((p for p in article.parts_by_role("symptom") if p.name.lower() == "meaning"), None)
    if part is None:
        return ""
    sentences = [s for s in _paragraph_sentences(part) if not aside(s) and not s.endswith(":")]
    said = next((s for s in sentences if _CONDITION_RE.search(s)), "")
    if said and len(said) <= MAX_CONDITION:
        return said
    if not sentences or _ABOUT_PAGE_RE.search(sentences[0]):
        return ""
    kept = sentences[0]
    following = sentences[1] if len(sentences) > 1 else ""
    if (
        following
        and len(kept) < 90
        and len(kept) + len(following) < MAX_CONDITION
        and not _instruction(following)  # "Please check KMS config": what to do, not why
        and not _ABOUT_PAGE_RE.search(following)
    ):
        kept = f"{kept.rstrip('.')}. {following}"
    return kept if len(kept) <= MAX_CONDITION else ""


def _pairs(blocks: Sequence[Block]) -> Iterator[tuple[str, ListBlock]]:
    """(lead text, list) for each list a paragraph leads: a paragraph just before it,
    the last paragraph of the list item just before it, or an item's paragraph over its
    nested list."""
    previous: Block | None = None
    for block in blocks:
        if isinstance(block, ListBlock):
            lead: Block | None = previous
            if isinstance(previous, ListBlock) and previous.items:
                lead = previous.items[-1].blocks[-1] if previous.items[-1].blocks else None
            if isinstance(lead, Paragraph):
                yield md_plain(lead.text.plain), block
            for item in block.items:
                yield from _pairs(item.blocks)
        previous = block


def _item_name(item_text: str) -> str:
    """A listed cause as a reader scans it: its name ("Image pulls: ..." -> "Image
    pulls"), else its first sentence when that is short enough for a line; else ""."""
    item_text = _LABEL_RE.sub("", item_text)  # "**Cause**: Failure to ..." names no cause
    found = _NAMED_ITEM_RE.match(item_text)
    if found:
        return found.group("name").strip()
    first = split_sentences(item_text)
    text = (first[0] if first else item_text).rstrip(".;:")
    if len(text) > MAX_ITEM:  # "issues with X itself such as being unable to ...": X's
        text = _EXAMPLES_RE.split(text, maxsplit=1)[0].rstrip(" ,;")
    return text if len(text) <= MAX_ITEM else ""


def _named(items: list[str]) -> str:
    """The causes, "; "-joined, as many as fit MAX_LISTED_CHARS (whole, never cut; the
    rest counted); "" when an item cannot be named in a line."""
    names = [_item_name(i) for i in items if i]
    if len(names) < 2 or not all(names):
        return ""
    kept: list[str] = []
    for name in names[:MAX_LISTED]:
        if kept and sum(len(k) + 2 for k in kept) + len(name) > MAX_LISTED_CHARS:
            break
        kept.append(name)
    more = len(names) - len(kept)
    text = "; ".join(kept)
    return f"{text}; and {more} more" if more > 0 else text


def listed_causes(article: Article) -> tuple[str, Section | None]:
    """The likely causes the runbook lists, named in its words, with the section that
    lists them: a list under a causes lead, else a "why ... (e.g. a, b, c)" bracket."""
    sections = {s.key: s for s in article.sections}
    from kbassist.articles.model import section_key

    for role in _LIST_ROLES:
        for part in article.parts_by_role(role):
            section = sections.get(section_key(part.name))
            last = part.blocks[-1] if part.blocks else None
            if isinstance(last, Paragraph) and len(part.children) >= 2:
                # "The issue might arise for multiple reasons:" over one heading per reason
                lead = md_plain(last.text.plain)
                if _CAUSES_LEAD_RE.search(lead) and not _NOT_CAUSES_LEAD_RE.search(lead):
                    named = _named([md_plain(c.name) for c in part.children])
                    if named:
                        return named, section
            for lead, block in _pairs(part.blocks):
                if not _CAUSES_LEAD_RE.search(lead) or _NOT_CAUSES_LEAD_RE.search(lead):
                    continue
                items = [
                    block_plain(it.blocks[0]).strip() if it.blocks else "" for it in block.items
                ]
                named = _named(items)
                if named:
                    return named, section
            for sentence in _paragraph_sentences(part):
                found = _INLINE_CAUSES_RE.search(sentence)
                if found:
                    names = [
                        n.strip(" .") for n in re.split(r",\s*(?:or |and )?", found.group("list"))
                    ]
                    named = _named([n for n in names if n])
                    if named:
                        return named, section
    return "", None


def _without(symptom: str, why: str) -> str:
    """The symptom without the "why" sentence the cause node shows, when that sentence
    follows what is seen and nothing after it refers back to it ("In such instances")."""
    at = symptom.find(why) if why else -1
    if at <= 0:
        return symptom
    rest = symptom[at + len(why) :].strip()
    if _BACK_REFERENCE_RE.match(rest):
        return symptom
    return " ".join(f"{symptom[:at]} {rest}".split())


def _same(one: str, other: str) -> bool:
    """The same text, up to spacing, case and a final full stop."""

    def norm(text: str) -> str:
        return " ".join(text.split()).rstrip(" .").casefold()

    return bool(one) and norm(one) == norm(other)


def runbook_cause(
    article: Article, symptom: str, cause: str, section: Section | None
) -> tuple[str, str, Section | None]:
    """(symptom, cause, cause section) of an alert runbook: the "why" sentence found, else
    the alert's condition from Meaning, then the likely causes it lists; a "why" sentence
    taken out of the symptom it repeated. Any other article: as given."""
    if not is_alert_runbook(article) or cause.startswith("The article names"):
        return symptom, cause, section
    meaning = _meaning(article)
    cause = _without_instructions(cause)
    why = cause if cause and not _CONDITION_RE.search(cause) else ""
    if not cause:
        cause, section = condition(article), meaning
    listed, where = listed_causes(article)
    if not listed:
        from kbassist.drafting.runbook_reasons import stated_reasons

        # "pod priority - maybe it was evicted ...", "(network, authorization token,
        # firewall...)": causes named with no "possible causes:" lead over them
        listed, where = stated_reasons(article)
    if not listed:
        from kbassist.drafting.runbook_said_cause import cases_listed

        # "Check why HPA was unable to scale:", "Common failure scenarios:" over conditions
        listed, where = cases_listed(article)
    checked = ""
    if not listed:
        from kbassist.drafting.runbook_reasons import checked_reasons

        # "Check if some nodes are available and not cordoned": the causes its checks ask
        found, where = checked_reasons(article)
        checked = _named(found) if found else ""
    if checked:
        where_said = f"The {where.name} section" if where is not None else "The runbook"
        said = f"{where_said} checks for these likely causes: {checked}."
        cause = f"{cause} {said}" if cause and not _same(cause, symptom) else said
        section = section or where
    elif listed:
        where_said = f"The {where.name} section" if where is not None else "The runbook"
        said = f"{where_said} lists likely causes: {listed}."
        cause = f"{cause} {said}" if cause else said
        section = section or where
    symptom = _without(symptom, why)
    if _same(cause, symptom) and not _STRONG_CAUSE_RE.search(cause):
        # only the alert's condition, which the symptom node says already word for word:
        # a cause node would only repeat it, and "gives no cause" is the honest reading
        # ("... dropped targets because some scrape configs exceeded the limit" is a cause)
        return symptom, "", None
    return symptom, cause.strip(), section if cause else None
