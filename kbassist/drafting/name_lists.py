"""Lists of bare names under a step: shown as one block, never ticked (round 18).

Readers of seed 56 found a SYSVOL directory tree ("- domain / - Policies / - {GUID} /
- Adm / - MACHINE / - USER / - {etc.,}") drafted as some thirty ticks, its "{GUID}" asked
as an input, and a dialog's options ("select the following options: - **Append to
existing log file** - **Create crash dump**") ticked one by one. A list whose every item
is a bare name (a folder, a value, an option: a few words, no sentence, no action) is
what the step before it shows or picks: one indented block in that step's detail.
"""

from __future__ import annotations

import re

from kbassist.articles.model import ListBlock, Paragraph
from kbassist.drafting.text import DETAIL_SEP, clean, split_detail, with_detail

#: Most words a bare name has ("staging areas", "Append to existing log file").
MAX_NAME_WORDS = 6
#: A sentence, a clause or a case: no bare name ("Open the console.", "If X, Y", "A: B");
#: nor a command line ("net use <drive>: /persistent:no", "%windir%\\x", "$env:X"), whose
#: placeholders are asked.
_NOT_NAME_RE = re.compile(
    r"[.!?:;]$|[.!?;]\s|:\s|^(?:if|when|unless|to|for|see|note)\b|\s(?:is|are|was|were|has|have"
    r"|must|should|can|will|may|do|does)\s|[<>=$%|\\]|(?:^|\s)[-/][a-z]",
    re.IGNORECASE,
)


def imperative(text: str) -> bool:
    """The drafter's test of an imperative first word (imported late: blocks imports
    this module)."""
    from kbassist.drafting.blocks import _imperative as test

    return test(text)


def _name(paragraph: Paragraph) -> str:
    """The paragraph's text when it is a bare name, else ""."""
    text = clean(paragraph.text.plain).strip()
    if not text or len(text.split()) > MAX_NAME_WORDS or _NOT_NAME_RE.search(text):
        return ""
    if any(mark.kind == "link" for mark in paragraph.text.marks):
        return ""  # a link list is the link pass's
    return "" if imperative(text) else text


def name_lines(block: ListBlock, depth: int = 0) -> list[str] | None:
    """The list as indented lines ("- domain", "  - Policies", ...) when every item, at
    every depth, is a bare name (each item one paragraph, or one and a nested list of
    names); None otherwise."""
    lines: list[str] = []
    for item in block.items:
        blocks = item.blocks
        if not blocks or not isinstance(blocks[0], Paragraph) or len(blocks) > 2:
            return None
        name = _name(blocks[0])
        if not name:
            return None
        lines.append(f"{'  ' * depth}- {name}")
        if len(blocks) == 2:
            if not isinstance(blocks[1], ListBlock):
                return None
            nested = name_lines(blocks[1], depth + 1)
            if nested is None:
                return None
            lines.extend(nested)
    return lines


def name_list(block: ListBlock) -> str:
    """The list as one block to show ("- domain\\n  - Policies\\n ..."), or "" when it is
    no list of bare names: fewer than two items, an ordered list (steps), or an item that
    says more than a name."""
    if block.ordered or len(block.items) < 2:
        return ""
    lines = name_lines(block)
    return "\n".join(lines) if lines else ""


def bare_name_text(text: str, options: bool = False) -> bool:
    """Whether an item's text is only a name ("MACHINE", "{GUID}", "Append to existing
    log file", "staging areas"): a few words, no sentence, no action (`options`: a
    dialog's option names, which may read like one)."""
    flat = " ".join(text.split())
    if not flat or len(flat.split()) > MAX_NAME_WORDS or _NOT_NAME_RE.search(flat):
        return False
    return options or not imperative(flat)


#: A paragraph that is a listing of names: an optional lead line ending ":", then only
#: "- name" lines (indented for depth).
_LISTING_RE = re.compile(r"^(?:[^\n]*:\n)?(?:[ ]*- [^\n]+(?:\n|$))+$")


def is_listing(para: str) -> bool:
    """Whether a paragraph is a listing of names (an optional lead line, then "- name"
    lines)."""
    lines = para.split("\n")
    names = lines[1:] if lines[0].endswith(":") else lines
    return bool(_LISTING_RE.match(para)) and all(
        len(line.split()) <= MAX_NAME_WORDS + 1 for line in names
    )


def without_name_listings(item: str) -> str:
    """`item` without the detail paragraphs that list bare names ("SYSVOL directory
    structure:\n- domain\n  - {GUID}"): what a folder is called there is shown, never
    a value to type."""
    if "\n- " not in item and DETAIL_SEP + "- " not in item:
        return item  # the common case: no listing at all
    text, detail = split_detail(item)
    kept = [p for p in detail.split("\n\n") if not is_listing(p)]
    return with_detail(text, "\n\n".join(kept)) if kept else text
