"""A runbook's listed causes asked when each has its own fix, and a cause the runbook
leaves to be found said so (round 33, causes34).

Seed 90's readers marked two runbook cause nodes:

- HCOInstallationIncomplete: Meaning's "This alert has the following causes:" over "-
  installed the HCO but did not create the CR" / "- removed the CR before uninstalling the
  HCO", and Mitigation offers one fix for each ("Complete the installation ..." /
  "Uninstall the HCO"). The draft showed both causes in one info node and left the tie to
  the fix question's help text. `runbook_cause_names` gives the tree those causes, so it
  asks "Which cause applies?" and leads each to the fix it shares key words with; only
  when every cause pairs with a fix of its own (`all_paired`), never two to one.
- CephMgrIsMissingReplicas: the cause restated Meaning ("Storage metrics collector
  service doesn't have required no of replicas") while the runbook says "you will need
  to determine the cause of the disappearance of the Ceph Manager through the logs".
  `found_cause` turns such a cause into what the runbook says: the cause is not named,
  the diagnosis finds it.

`cause_lines` (any corpus, here beside them as it is the same cause node) shows a
CAUSE's bulleted causes one per line under their lead where the draft ran them into one
paragraph (troubleshoot-stop-0xc000021a-error: "Among them are the following: - A - B").
"""

from __future__ import annotations

import re

from kbassist.articles import Article, Section
from kbassist.articles.model import ListBlock, Paragraph, section_key
from kbassist.drafting.modern import _STRONG_CAUSE_RE, block_plain, md_plain, section_parts
from kbassist.drafting.runbook_cause import (
    _CAUSES_LEAD_RE,
    _NOT_CAUSES_LEAD_RE,
    _item_name,
    _pairs,
    _paragraph_sentences,
    is_alert_runbook,
)
from kbassist.drafting.text import short_label, split_sentences

#: The most causes asked: more belong to the Diagnosis.
MAX_ASKED = 4
#: "determine the cause of the disappearance ... through the logs", "identify the root
#: cause", "find the reason": the runbook leaves the cause to be found.
_FIND_CAUSE_RE = re.compile(
    r"\b(?:determine|find|identify|investigate|understand|figure out|establish|look for)"
    r"(?: out)?(?: what| why| the| its)?(?: (?:root|underlying|actual|real))?"
    r" (?:cause|reason|caused)\b",
    re.IGNORECASE,
)
#: Where a runbook tells how to find the cause.
_FIND_ROLES = ("diagnosis", "resolution")


def runbook_cause_names(article: Article) -> list[str]:
    """The causes an alert runbook lists under a causes lead ("This alert has the following
    causes:" over a bulleted list), each named as in the cause node; [] when it lists
    fewer than two, more than MAX_ASKED, or one cannot be named in a line."""
    if not is_alert_runbook(article):
        return []
    for role in ("symptom", "summary"):
        for part in article.parts_by_role(role):
            for lead, block in _pairs(part.blocks):
                if not _CAUSES_LEAD_RE.search(lead) or _NOT_CAUSES_LEAD_RE.search(lead):
                    continue
                items = [
                    block_plain(it.blocks[0]).strip() if it.blocks else "" for it in block.items
                ]
                # each cause's first sentence: "During the uninstall process, you removed
                # the CR ..." is named by the whole clause, not its scene
                names = [(split_sentences(md_plain(i)) or [""])[0].rstrip(".") for i in items]
                if not 2 <= len(names) <= MAX_ASKED or not all(_item_name(i) for i in items):
                    return []
                return [short_label(n, 130) for n in names]
    return []


def all_paired(pairs: list[int | None]) -> bool:
    """Each cause has a fix of its own: none unpaired and no two sharing one."""
    return bool(pairs) and None not in pairs and len(set(pairs)) == len(pairs)


def found_cause(
    article: Article, cause: str, section: Section | None
) -> tuple[str, Section | None]:
    """The cause node's (text, section) when the cause only restates Meaning (taken from
    it, no causes listed, no "because") and the Diagnosis or Mitigation says the cause
    must be found: that sentence, said as the runbook's answer, cited from its section;
    else `cause` and `section` as they are."""
    if not cause or section is None or section.key != "meaning":
        return cause, section
    if not is_alert_runbook(article) or "lists likely causes" in cause:
        return cause, section
    if _STRONG_CAUSE_RE.search(cause):
        return cause, section
    sections = {s.key: s for s in article.sections}
    for role in _FIND_ROLES:
        for part in article.parts_by_role(role):
            if section_key(part.name) not in sections:
                continue
            for sentence in _paragraph_sentences(part):
                if _FIND_CAUSE_RE.search(sentence) and len(sentence) <= 300:
                    said = (
                        f"{article.id} does not name the cause; the diagnosis finds it: "
                        f"{sentence.rstrip()}"
                    )
                    return said, sections[section_key(part.name)]
    return cause, section


#: A list item's marker as the flattened cause text shows it: " - ", "* ".
_FLAT_MARK_RE = re.compile(r"(?:^|(?<=\s))[-*+][ \t]{1,4}")


def _norm(text: str) -> str:
    """Text compared with its flattened form: markers and spacing dropped, case folded."""
    return " ".join(_FLAT_MARK_RE.sub(" ", text).split()).casefold()


#: An MS KB list item's paragraph: "- Your system is using an incorrect A20 handler".
_KB_ITEM_RE = re.compile(r"^[ \t]{0,6}[-*o][ \t]{1,4}(?=\S)")


def _kb_lines(section: Section, shown: str) -> str:
    """`cause_lines` for an MS KB CAUSE: its paragraphs, a "- " item one a line under
    the paragraph leading it ("... one or more of the following conditions exist:")."""
    lines: list[str] = []
    items = 0
    for para in re.split(r"\n[ \t]*\n", section.text):
        if not para.strip():
            continue
        flat = " ".join(para.split())
        if _KB_ITEM_RE.match(para):
            if not lines or not (lines[-1].endswith(":") or lines[-1].count("\n- ")):
                return shown  # an item under no lead: not a listing this can show
            if lines[-1].endswith(":") and "\n- " in lines[-1]:
                # an item's own lead ("... the following files:") over more items: the
                # text lost which are its sub-items, so no one-level list can show it
                return shown
            lines[-1] += "\n- " + _KB_ITEM_RE.sub("", flat, count=1)
            items += 1
        elif para[:1] in " \t" and lines:
            lines[-1] += " " + flat  # an indented example or a wrapped item goes on
        else:
            lines.append(flat)
    if items < 2 or _norm(" ".join(lines)) != _norm(shown):
        return shown
    return "\n\n".join(lines)


def cause_lines(article: Article, section: Section | None, shown: str) -> str:
    """A Markdown article's cause shown with its bulleted causes one per line ("Among
    them are the following:" / "- Mismatched system files ..." / "- A Service Pack ...")
    where the draft ran them into one paragraph; `shown` as it is when the section is not
    paragraphs over one such list, or when `shown` is not the whole section word for word
    (another pass chose or cut the text)."""
    if section is None or "\n" in shown:
        return shown
    if article.style == "mskb":
        return _kb_lines(section, shown)
    part = next(iter(section_parts(article, section)), None)
    if part is None or part.children:
        return shown
    lines: list[str] = []
    lists = 0
    for n, block in enumerate(part.blocks):
        if isinstance(block, Paragraph):
            lines.append(md_plain(block.text.plain))
        elif isinstance(block, ListBlock) and not block.ordered:
            before = part.blocks[n - 1] if n else None
            if not isinstance(before, Paragraph) or not before.text.plain.rstrip().endswith(":"):
                return shown
            items = [" ".join(block_plain(b) for b in i.blocks).strip() for i in block.items]
            if len(items) < 2 or not all(items):
                return shown
            lines[-1] += "".join(f"\n- {i}" for i in items)  # under its lead, one a line
            lists += 1
        else:
            return shown  # code, a table, a note: the section is more than a listing
    if lists != 1 or _norm(" ".join(lines)) != _norm(shown):
        return shown
    return "\n\n".join(lines)
