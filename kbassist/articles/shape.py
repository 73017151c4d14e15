"""Shaping a document tree after parsing, the same for every format.

Alternatives: `A -or- B -or- C` is one choice, not three steps. Pairs: "Solution 2"
answers "Cause 2", a `### Method 1` under a resolution shares its cause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kbassist.articles.model import Block, ListBlock, ListItem, Paragraph, Part
from kbassist.articles.roles import heading_number

#: A line or paragraph that separates alternatives: `-or-`, `- or -`, `OR`.
OR_RE = re.compile(r"-+\s*or\s*-+|or", re.IGNORECASE)


def _is_or(block: Block) -> bool:
    return isinstance(block, Paragraph) and bool(OR_RE.fullmatch(block.text.plain.strip()))


def join_alternatives(blocks: list[Block]) -> list[Block]:
    """`A -or- B -or- C` becomes one list of three alternatives (do one of them)."""
    if not any(_is_or(block) for block in blocks):
        return blocks
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        if i + 2 < len(blocks) and _is_or(blocks[i + 1]) and not _is_or(blocks[i]):
            items: list[ListItem] = list(_as_items(blocks[i]))
            i += 1
            while i + 1 < len(blocks) and _is_or(blocks[i]) and not _is_or(blocks[i + 1]):
                items.extend(_as_items(blocks[i + 1]))
                i += 2
            out.append(ListBlock(tuple(items), alternatives=True))
            continue
        out.append(blocks[i])
        i += 1
    return out


def _as_items(block: Block) -> tuple[ListItem, ...]:
    if isinstance(block, ListBlock) and not block.alternatives:
        return block.items
    return (ListItem((block,)),)


def pair_causes(parts: Sequence[Part], cause: str = "") -> list[Part]:
    """Give each fix the cause it answers: "Solution 2" -> "Cause 2", a `### Method 1`
    under a resolution -> that resolution's cause, a fix after a cause -> that cause."""
    out: list[Part] = []
    causes: dict[str, str] = {}
    last = cause
    for part in parts:
        own = cause
        if part.role == "cause":
            number = heading_number(part.name)
            causes[number] = part.name
            last = own = part.name
        elif part.role == "resolution":
            number = heading_number(part.name)
            own = causes.get(number, last) if number and causes else last
        children = pair_causes(part.children, own if part.role in ("cause", "resolution") else "")
        if part.role == "resolution" or children != list(part.children):
            part = Part(
                part.name,
                part.level,
                part.line,
                part.blocks,
                tuple(children),
                part.role,
                part.workaround,
                own if part.role == "resolution" else part.cause,
            )
        out.append(part)
    return out
