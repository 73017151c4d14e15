"""An article as text for a terminal, as normalized Markdown, or as a JSON block tree.

`kbassist show` prints the structure readably (numbered and nested lists, code set in,
tables in columns, notes marked); `--format markdown` and `--format json` give scripts
the same tree. Every string passes through `sanitize` on the way in (the parsers) and
again here: nothing from an article reaches a terminal as a control sequence.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from kbassist.articles.model import (
    Article,
    Block,
    Code,
    Image,
    Include,
    ListBlock,
    Note,
    Paragraph,
    Part,
    Quote,
    Table,
    Text,
    title_beside_id,
)
from kbassist.sanitize import sanitize

__all__ = [
    "article_as_json",
    "article_as_markdown",
    "article_as_text",
    "block_lines",
    "header_rows",
    "part_plain",
]


def header_rows(article: Article) -> list[tuple[str, str]]:
    """The header fields worth showing, as (label, value) pairs."""
    rows = [("Article", article.id)]
    if article.products:
        rows.append(("Product", ", ".join(article.products)))
    if article.areas and article.areas != article.products:
        rows.append(("Area", ", ".join(article.areas)))
    if article.versions:
        rows.append(("Version", ", ".join(article.versions)))
    if article.operating_systems:
        rows.append(("OS", ", ".join(article.operating_systems)))
    if article.last_modified:
        rows.append(("Modified", article.last_modified.isoformat()))
    if article.original_kb:
        # the same article's number in the MS KB archive, not another article to read
        rows.append(("Original KB", article.original_kb))
    others = [ref for ref in article.references if ref != article.original_kb]
    if others:
        rows.append(("See also", " ".join(others)))
    return [(label, sanitize(value)) for label, value in rows]


# --------------------------------------------------------------------------- plain text

_NOTE_LABELS = {
    "note": "Note",
    "tip": "Tip",
    "important": "Important",
    "caution": "Caution",
    "warning": "Warning",
}


def block_lines(block: Block, width: int = 0) -> Iterator[str]:
    """One block as terminal lines (no wrapping: the terminal wraps)."""
    if isinstance(block, Paragraph):
        yield from sanitize(block.text.plain).split("\n")
    elif isinstance(block, ListBlock):
        for n, item in enumerate(block.items):
            if block.alternatives:
                bullet = "- "
                if n:
                    yield "  -or-"
            else:
                bullet = f"{block.start + n}. " if block.ordered else "- "
            pad = " " * len(bullet)
            first = True
            for inner in item.blocks:
                for line in block_lines(inner):
                    yield (bullet if first else pad) + line if line else ""
                    first = False
            if first:
                yield bullet.rstrip()
    elif isinstance(block, Code):
        label = f"[{sanitize(block.language)}]" if block.language else ""
        if label:
            yield "    " + label
        for line in sanitize(block.code).split("\n"):
            yield "    " + line
    elif isinstance(block, Table):
        yield from _table_lines(block)
    elif isinstance(block, Note):
        label = _NOTE_LABELS.get(block.level, "Note")
        lines = [line for b in block.blocks for line in (*block_lines(b), "")][:-1]
        if not lines:
            yield f"| {label}"
        for n, line in enumerate(lines):
            yield f"| {label}: {line}" if n == 0 else f"| {line}"
    elif isinstance(block, Quote):
        lines = [line for b in block.blocks for line in (*block_lines(b), "")][:-1]
        for line in lines:
            yield f"  {line}"
    elif isinstance(block, Include):
        yield f"[shared text: {sanitize(block.name or block.target)}]"
    elif isinstance(block, Image):
        yield f"[image: {sanitize(block.alt) or 'no description'}]"


def _table_lines(table: Table) -> Iterator[str]:
    rows = [[sanitize(cell.plain).replace("\n", " ") for cell in table.header]]
    rows += [[sanitize(cell.plain).replace("\n", " ") for cell in row] for row in table.rows]
    columns = max((len(row) for row in rows), default=0)
    widths = [max((len(row[c]) for row in rows if c < len(row)), default=0) for c in range(columns)]
    widths = [min(width, 40) for width in widths]
    for n, row in enumerate(rows):
        cells = [(row[c] if c < len(row) else "").ljust(widths[c]) for c in range(columns)]
        yield " | ".join(cells).rstrip()
        if n == 0 and table.header:
            yield "-+-".join("-" * width for width in widths)


def blocks_text(blocks: tuple[Block, ...]) -> str:
    """Blocks as text, a blank line between them."""
    out: list[str] = []
    for block in blocks:
        if out:
            out.append("")
        out.extend(block_lines(block))
    return "\n".join(out)


def part_plain(part: Part) -> str:
    """A part's text with its children's, headings included (for search and drafting)."""
    pieces = [blocks_text(part.blocks)]
    for child in part.children:
        pieces.append(f"{sanitize(child.name)}\n{part_plain(child)}")
    return "\n\n".join(piece for piece in pieces if piece.strip())


_UNDERLINES = "-~."


def _part_lines(part: Part, depth: int) -> Iterator[str]:
    name = sanitize(part.name)
    yield name
    yield _UNDERLINES[min(depth, len(_UNDERLINES) - 1)] * max(len(name), 3)
    body = blocks_text(part.blocks)
    if body:
        yield body
    for child in part.children:
        yield ""
        yield from _part_lines(child, depth + 1)


def article_as_text(article: Article, section: str | None = None) -> str:
    """Readable text for `kbassist show`: title, header fields, then the structure.

    With `section`, only that section (by name, or by role: `symptom`, `resolution`).
    """
    out: list[str] = []
    if section is None:
        title = title_beside_id(article.id, article.title)
        out.append(sanitize(f"{article.id}: {title}" if title else article.id))
        out.append("=" * min(79, len(out[0])))
        rows = header_rows(article)
        width = max(len(label) for label, _ in rows)
        out.extend(f"{label + ':':<{width + 1}} {value}" for label, value in rows)
        out.append("")
    document = article.document
    wanted = _wanted(article, section)
    if document.blocks and (wanted is None or "summary" in wanted):
        preface = article.sections[0].name if article.sections else "SUMMARY"
        out += [sanitize(preface), "-" * len(preface), blocks_text(document.blocks), ""]
    for part in document.parts:
        if wanted is not None and _key(part.name) not in wanted:
            continue
        out.extend(_part_lines(part, 0))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _key(name: str) -> str:
    from kbassist.articles.model import section_key

    return section_key(name)


def _wanted(article: Article, section: str | None) -> set[str] | None:
    """The keys of the parts `--section` names (the flat section's own name first)."""
    if section is None:
        return None
    found = article.section(section)
    if found is not None:
        return {found.key} | ({"summary"} if found is article.sections[0] else set())
    return {_key(part.name) for part in article.parts_by_role(section)}


# --------------------------------------------------------------------------- Markdown


def _inline_md(text: Text) -> str:
    """Text with its code, bold, emphasis and links written back as Markdown."""
    plain = text.plain
    out: list[str] = []
    pos = 0
    wraps = {"code": ("`", "`"), "strong": ("**", "**"), "emphasis": ("_", "_")}
    for mark in text.marks:
        if mark.start < pos or mark.kind not in (*wraps, "link"):
            continue
        out.append(plain[pos : mark.start])
        inner = plain[mark.start : mark.end]
        if mark.kind == "link":
            out.append(f"[{inner}]({mark.target})")
        else:
            before, after = wraps[mark.kind]
            out.append(f"{before}{inner}{after}")
        pos = mark.end
    out.append(plain[pos:])
    return "".join(out)


def _md_lines(block: Block) -> Iterator[str]:
    if isinstance(block, Paragraph):
        yield from _inline_md(block.text).split("\n")
    elif isinstance(block, ListBlock):
        for n, item in enumerate(block.items):
            if block.alternatives and n:
                yield ""
                yield "-or-"
                yield ""
            bullet = f"{block.start + n}. " if block.ordered else "- "
            pad = " " * len(bullet)
            lines = [line for b in item.blocks for line in (*_md_lines(b), "")][:-1]
            for k, line in enumerate(lines):
                yield (bullet if k == 0 else pad) + line if line or k == 0 else ""
            if block.alternatives and n < len(block.items) - 1:
                continue
    elif isinstance(block, Code):
        fence = "~~~" if "```" in block.code else "```"
        yield fence + block.language
        yield from block.code.split("\n")
        yield fence
    elif isinstance(block, Table):
        header = [_inline_md(cell).replace("|", "\\|") for cell in block.header]
        yield "| " + " | ".join(header) + " |"
        yield "|" + "|".join("---" for _ in header) + "|"
        for row in block.rows:
            yield "| " + " | ".join(_inline_md(c).replace("|", "\\|") for c in row) + " |"
    elif isinstance(block, (Note, Quote)):
        inner = [line for b in block.blocks for line in (*_md_lines(b), "")][:-1]
        if isinstance(block, Note):
            yield f"> [!{block.level.upper()}]"
        for line in inner:
            yield f"> {line}".rstrip()
    elif isinstance(block, Include):
        yield f"[!INCLUDE [{block.name}]({block.target})]"
    elif isinstance(block, Image):
        yield f':::image type="content" source="{block.target}" alt-text="{block.alt}":::'


def _md_blocks(blocks: tuple[Block, ...]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if out:
            out.append("")
        out.extend(_md_lines(block))
    return out


def article_as_markdown(article: Article) -> str:
    """The article as normalized Markdown: `#` title, `##` parts, fenced code, GFM tables."""
    out = [f"# {article.title}", ""]
    document = article.document
    if document.blocks:
        out += [*_md_blocks(document.blocks), ""]

    def part(p: Part, depth: int) -> None:
        out.extend([f"{'#' * min(depth + 2, 6)} {p.name}", ""])
        if p.blocks:
            out.extend([*_md_blocks(p.blocks), ""])
        for child in p.children:
            part(child, depth + 1)

    for top in document.parts:
        part(top, 0)
    return sanitize("\n".join(out).rstrip() + "\n")


# --------------------------------------------------------------------------- JSON


def _text_json(text: Text) -> dict[str, Any]:
    found: dict[str, Any] = {"text": text.plain}
    if text.marks:
        found["marks"] = [
            {
                "start": m.start,
                "end": m.end,
                "kind": m.kind,
                **({"target": m.target} if m.target else {}),
            }
            for m in text.marks
        ]
    return found


def block_json(block: Block) -> dict[str, Any]:
    """One block as JSON-ready data: `type` and its fields, children nested."""
    if isinstance(block, Paragraph):
        return {"type": block.kind, **_text_json(block.text)}
    if isinstance(block, ListBlock):
        return {
            "type": block.kind,
            "ordered": block.ordered,
            "start": block.start,
            "alternatives": block.alternatives,
            "items": [[block_json(b) for b in item.blocks] for item in block.items],
        }
    if isinstance(block, Code):
        return {"type": block.kind, "language": block.language, "code": block.code}
    if isinstance(block, Table):
        return {
            "type": block.kind,
            "header": [_text_json(cell) for cell in block.header],
            "rows": [[_text_json(cell) for cell in row] for row in block.rows],
        }
    if isinstance(block, Note):
        return {
            "type": block.kind,
            "level": block.level,
            "blocks": [block_json(b) for b in block.blocks],
        }
    if isinstance(block, Quote):
        return {"type": block.kind, "blocks": [block_json(b) for b in block.blocks]}
    if isinstance(block, Include):
        return {"type": block.kind, "name": block.name, "target": block.target}
    return {"type": block.kind, "alt": block.alt, "target": block.target}


def part_json(part: Part) -> dict[str, Any]:
    """One part, its blocks and its children."""
    return {
        "name": part.name,
        "level": part.level,
        "line": part.line,
        "role": part.role,
        "workaround": part.workaround,
        "cause": part.cause,
        "blocks": [block_json(b) for b in part.blocks],
        "parts": [part_json(child) for child in part.children],
    }


def article_as_json(article: Article) -> str:
    """The header fields and the block tree, as indented JSON (control characters
    escaped by the encoder, so the output is safe on a terminal too)."""
    document = article.document
    data = {
        "id": article.id,
        "title": article.title,
        "format": article.style,
        "description": article.description,
        "products": list(article.products),
        "areas": list(article.areas),
        "versions": list(article.versions),
        "operating_systems": list(article.operating_systems),
        "last_modified": article.last_modified.isoformat() if article.last_modified else None,
        "references": list(article.references),
        "link": article.link,
        "warnings": list(article.warnings),
        "blocks": [block_json(b) for b in document.blocks],
        "parts": [part_json(part) for part in document.parts],
    }
    return json.dumps(data, indent=2, ensure_ascii=True) + "\n"
