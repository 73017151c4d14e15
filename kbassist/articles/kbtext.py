"""MS KB text conventions turned into the same blocks Markdown gives.

The archive is hard-wrapped plain text: numbered procedures with indented
continuation lines, `-` bullets, `-or-` lines between alternatives, `NOTE:` and
`IMPORTANT:` paragraphs, indented commands and column-aligned tables (kept as
preformatted code), and sub-headings underlined with `-----`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kbassist.articles.model import (
    Block,
    Code,
    Document,
    ListBlock,
    ListItem,
    Mark,
    Note,
    Paragraph,
    Part,
    Section,
    Text,
)
from kbassist.articles.roles import role_of
from kbassist.articles.shape import OR_RE, join_alternatives, pair_causes

_ITEM_RE = re.compile(r"(?:(\d{1,2})[.)]|([a-z])[.)]|([-*\u2022o]))[ \t]+(?=\S)")
_NOTE_RE = re.compile(r"(NOTE|NOTES|IMPORTANT|WARNING|CAUTION|TIP)\b\s*:?\s*", re.IGNORECASE)
_COLUMNS_RE = re.compile(r"\S {3,}\S|\t")
_PLACEHOLDER_RE = re.compile(r"<[A-Za-z_][^<>\n]{0,80}>")


@dataclass
class _Entry:
    """One line-group of the text: an item, a paragraph, a note or an `-or-`."""

    kind: str  # "item", "para", "note", "or"
    indent: int
    lines: list[str] = field(default_factory=list)
    ordered: bool = False
    number: int = 1
    level: str = ""


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))


def _entries(text: str) -> list[_Entry]:
    entries: list[_Entry] = []
    current: _Entry | None = None
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            current = None
            continue
        indent = _indent(line)
        if current is None and OR_RE.fullmatch(stripped):
            entries.append(_Entry("or", indent))
            continue
        item = _ITEM_RE.match(stripped)
        if item and not (current is not None and current.kind == "para" and item.group(3) == "o"):
            number = int(item.group(1)) if item.group(1) else 1
            current = _Entry(
                "item",
                indent,
                [stripped[item.end() :]],
                ordered=not item.group(3),
                number=number,
            )
            entries.append(current)
            continue
        if current is not None:
            current.lines.append(line if current.kind == "para" else stripped)
            continue
        note = _NOTE_RE.match(stripped)
        if note and stripped[note.end() - 1 : note.end()] in (":", " ") and ":" in stripped[:12]:
            current = _Entry("note", indent, [stripped[note.end() :]], level=_level(note.group(1)))
        else:
            current = _Entry("para", indent, [line])
        entries.append(current)
    return entries


def _level(word: str) -> str:
    word = word.lower().rstrip("s")
    return word if word in ("note", "important", "warning", "caution", "tip") else "note"


def _text(lines: list[str]) -> Text:
    plain = " ".join(" ".join(line.split()) for line in lines)
    marks = tuple(Mark(m.start(), m.end(), "placeholder") for m in _PLACEHOLDER_RE.finditer(plain))
    return Text(plain, marks)


def _para(entry: _Entry, context: int) -> Block:
    """A paragraph, or preformatted text (indented past the text, or in columns)."""
    lines = entry.lines
    columns = sum(1 for line in lines if _COLUMNS_RE.search(line.strip()))
    if entry.indent >= context + 2 or (columns and columns * 2 >= len(lines)):
        cut = min(_indent(line) for line in lines)
        return Code("\n".join(line.expandtabs(4)[cut:].rstrip() for line in lines))
    return Paragraph(_text([line.strip() for line in lines]))


def _assemble(entries: list[_Entry], i: int, parent: int, context: int) -> tuple[list[Block], int]:
    """Blocks from entries[i:] indented past `parent`; `context` is where text starts."""
    blocks: list[Block] = []
    while i < len(entries):
        entry = entries[i]
        if entry.indent <= parent:
            break
        if entry.kind == "item":
            items: list[ListItem] = []
            while (
                i < len(entries)
                and entries[i].kind == "item"
                and entries[i].indent == entry.indent
                and entries[i].ordered == entry.ordered
            ):
                item = entries[i]
                inner, i = _assemble(entries, i + 1, item.indent, item.indent + 3)
                items.append(ListItem((Paragraph(_text(item.lines)), *inner)))
            blocks.append(ListBlock(tuple(items), entry.ordered, entry.number))
            continue
        if entry.kind == "or":
            blocks.append(Paragraph(Text("-or-")))
        elif entry.kind == "note":
            blocks.append(Note(entry.level, (Paragraph(_text(entry.lines)),)))
        else:
            blocks.append(_para(entry, context))
        i += 1
    return join_alternatives(blocks), i


def kb_blocks(text: str) -> list[Block]:
    """The blocks of one section's MS KB text."""
    blocks, _ = _assemble(_entries(text), 0, -1, 0)
    return blocks


_SUBHEAD_RE = re.compile(r"^([^\s-][^\n]{0,120})\n(-{3,})[ \t]*$", re.MULTILINE)


def kb_document(sections: tuple[Section, ...]) -> Document:
    """The tree of an MS KB article: its `=====` sections, `-----` sub-headings under them."""
    parts: list[Part] = []
    for section in sections:
        children: list[Part] = []
        text = section.text
        heads = [
            m for m in _SUBHEAD_RE.finditer(text) if abs(len(m.group(2)) - len(m.group(1))) <= 2
        ]
        own = text[: heads[0].start()] if heads else text
        for n, head in enumerate(heads):
            stop = heads[n + 1].start() if n + 1 < len(heads) else len(text)
            name = head.group(1).strip()
            role, workaround = role_of(name)
            line = section.line + text.count("\n", 0, head.start())
            children.append(
                Part(name, 2, line, tuple(kb_blocks(text[head.end() : stop])), (), role, workaround)
            )
        role, workaround = role_of(section.name)
        parts.append(
            Part(
                section.name,
                1,
                section.line,
                tuple(kb_blocks(own)),
                tuple(children),
                role,
                workaround,
            )
        )
    return Document((), tuple(pair_causes(parts)))
