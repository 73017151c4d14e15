"""The article body as its structure: headings, numbered and nested lists, code panels
with a key to copy them, tables in columns, notes set apart.

Text only: every string is sanitized and assembled as `Content` spans (never markup),
links show their target and are never followed (Q-numbers open the KB's own articles,
as before). Prose is grouped into `Static` chunks of about `BLOCK_LINES` lines, as the
flat view did, so a large article still opens well under a second.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content, Span
from textual.widget import Widget
from textual.widgets import Static

from kbassist.articles import (
    Article,
    Block,
    Code,
    Image,
    Include,
    ListBlock,
    Mark,
    Note,
    Paragraph,
    Part,
    Quote,
    Table,
    Text,
)
from kbassist.articles.model import section_key
from kbassist.sanitize import sanitize
from kbassist.tui.rendering import (
    BLOCK_LINES,
    MUTED_STYLE,
    body_blocks,
    plain,
    with_reference_links,
)

_MARK_STYLES = {
    "code": "bold $text-accent",
    "strong": "bold",
    "emphasis": "italic",
    "link": "underline",
    "placeholder": "italic $text-warning",
    "strike": "strike",
}
_NOTE_STYLE = {"warning": "$text-error", "caution": "$text-error", "important": "$text-warning"}


class CodeBlock(Static, can_focus=True):
    """A code block in a monospace panel; `c` copies its text (commands to paste)."""

    DEFAULT_CSS = """
    CodeBlock {
        background: $boost;
        padding: 0 1;
        margin: 0 0 1 0;
    }
    CodeBlock:focus {
        background: $boost-lighten-1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("c", "copy_code", "Copy code")]

    def __init__(self, code: Code, indent: int = 0) -> None:
        self.code = sanitize(code.code)
        label = [(f"{sanitize(code.language)}\n", MUTED_STYLE)] if code.language else []
        super().__init__(Content.assemble(*label, self.code), classes="code-block")
        self.styles.margin = (0, 0, 1, indent)

    def action_copy_code(self) -> None:
        """Put the code on the clipboard (the terminal's, through OSC 52)."""
        self.app.copy_to_clipboard(self.code)
        self.notify("Code copied", timeout=2)


def inline(text: Text) -> Content:
    """Text with its marks as styles; a link's target shown after it, never followed."""
    plain_text = sanitize(text.plain)
    spans = [
        Span(m.start, m.end, _MARK_STYLES[m.kind])
        for m in text.marks
        if m.kind in _MARK_STYLES and m.end <= len(plain_text)
    ]
    content = Content(plain_text, spans)
    targets = [m for m in text.marks if m.kind == "link" and m.target]
    if targets:
        shown = ", ".join(sanitize(m.target) for m in targets)
        content = Content.assemble(content, (f"  [{shown}]", MUTED_STYLE))
    return with_reference_links(content)


#: What the body is made of before grouping: a line of prose, or code for its own panel.
_Piece = Content | tuple[Code, int]


def _prefixed(prefix: str, pieces: list[_Piece], style: str = "") -> Iterator[_Piece]:
    """`pieces` with `prefix` before each line (code panels indented by as much)."""
    pad = " " * len(prefix)
    first = True
    for piece in pieces:
        if isinstance(piece, tuple):
            yield (piece[0], piece[1] + len(prefix))
            continue
        lead = prefix if first else pad
        yield Content.assemble((lead, style), piece) if lead else piece
        first = False


#: GitHub's layout HTML, shown as characters (HTML is off): `<details>` and its
#: `<summary>Full context</summary>` wrap a runbook's longer explanation.
_LAYOUT_RE = re.compile(
    r"\s*(?:</?details\b[^<>]{0,80}>\s*)*"
    r"(?:<summary\b[^<>]{0,80}>([^<>]{0,200})</summary>\s*)?"
    r"(?:</?details\b[^<>]{0,80}>\s*)*",
    re.IGNORECASE,
)


def _layout(text: Text) -> Text | None:
    """`text` unless it is only layout HTML: then its summary in bold, or None.

    A paragraph holding prose is never touched, so `<your_domain.com>` and other
    placeholders stay as the article wrote them.
    """
    if "<" not in text.plain:
        return text
    match = _LAYOUT_RE.fullmatch(text.plain)
    if match is None:
        return _layout_lines_cut(text)
    summary = " ".join((match.group(1) or "").split())
    return Text(summary, (Mark(0, len(summary), "strong"),)) if summary else None


#: `</details>` (or `<details>`) at the very end or start of a paragraph of prose.
_EDGE_TAGS_RE = re.compile(
    r"^(?:</?details\b[^<>]{0,80}>\s*)+|(?:(?<!\s)\s*</?details\b[^<>]{0,80}>)+$", re.I
)


def _layout_lines_cut(text: Text) -> Text:
    """`text` without `<details>` tags at its start or end: a runbook's `</details>`
    written on the line under its last sentence is part of that paragraph (HTML is
    off), and showed as "... clean it up. </details>"."""
    start, end = 0, len(text.plain)
    for found in _EDGE_TAGS_RE.finditer(text.plain):
        if found.start() == 0:
            start = found.end()
        else:
            end = found.start()
    if (start, end) == (0, len(text.plain)) or start >= end:
        return text
    marks = tuple(
        replace(mark, start=mark.start - start, end=mark.end - start)
        for mark in text.marks
        if mark.start >= start and mark.end <= end
    )
    return Text(text.plain[start:end], marks)


def block_pieces(block: Block) -> list[_Piece]:
    """One block as lines of Content, with code kept whole for its panel."""
    if isinstance(block, Paragraph):
        text = _layout(block.text)
        return list(inline(text).split("\n")) if text is not None else []
    if isinstance(block, Code):
        return [(block, 0)]
    if isinstance(block, ListBlock):
        out: list[_Piece] = []
        for n, item in enumerate(block.items):
            if block.alternatives and n:
                out.append(Content.styled("  -or-", "bold"))
            bullet = f"{block.start + n}. " if block.ordered else "• "
            inner: list[_Piece] = []
            for child in item.blocks:
                inner.extend(block_pieces(child))
            out.extend(_prefixed(bullet, inner, "bold"))
        return out
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, (Note, Quote)):
        style = _NOTE_STYLE.get(block.level, "$text-success") if isinstance(block, Note) else ""
        inner = []
        if isinstance(block, Note):
            inner.append(Content.styled(block.level.capitalize(), f"bold {style}"))
        for n, child in enumerate(block.blocks):
            if n:
                inner.append(Content(""))
            inner.extend(block_pieces(child))
        return list(_bar(inner, style or MUTED_STYLE))
    if isinstance(block, Include):
        return [
            Content.styled(f"[shared text: {sanitize(block.name or block.target)}]", MUTED_STYLE)
        ]
    if isinstance(block, Image):
        return [Content.styled(f"[image: {sanitize(block.alt) or 'no description'}]", MUTED_STYLE)]
    return []


def _bar(pieces: list[_Piece], style: str) -> Iterator[_Piece]:
    for piece in pieces:
        if isinstance(piece, tuple):
            yield (piece[0], piece[1] + 2)
        else:
            yield Content.assemble(("▌ ", style), piece)


def _table(table: Table) -> list[_Piece]:
    """A table in columns (cells cut at 40 characters), header in bold under a rule."""
    rows = [[inline(cell) for cell in table.header]] if table.header else []
    rows += [[inline(cell) for cell in row] for row in table.rows]
    columns = max((len(row) for row in rows), default=0)
    widths = [
        min(40, max((row[c].cell_length for row in rows if c < len(row)), default=0))
        for c in range(columns)
    ]
    out: list[_Piece] = []
    for n, row in enumerate(rows):
        cells = []
        for c in range(columns):
            cell = row[c] if c < len(row) else Content("")
            cell = cell.truncate(widths[c], ellipsis=True, pad=True)
            cells.append(cell.stylize("bold") if n == 0 and table.header else cell)
        out.append(Content(" │ ").join(cells))
        if n == 0 and table.header:
            out.append(Content.styled("─┼─".join("─" * w for w in widths), MUTED_STYLE))
    return out


#: At most this many code panels (each a widget) per article; later code is shown as
#: indented lines of the prose around it. Widgets, not text, are what costs time.
MAX_CODE_PANELS = 60


def _code_lines(code: Code, indent: int) -> list[Content]:
    """Code as indented lines in the accent colour, where no panel is shown for it."""
    pad = " " * (indent + 2)
    return [Content.styled(pad + line, "$text-accent") for line in code.code.split("\n")]


class _Body:
    """Builds the body's widgets: prose lines gathered into chunks, code panels between."""

    def __init__(self) -> None:
        self.lines: list[Content] = []
        self.panels = 0

    def flush(self) -> Iterator[Widget]:
        while self.lines and not self.lines[-1].plain.strip():
            self.lines.pop()
        if self.lines:
            yield Static(Content("\n").join(self.lines), classes="section-body")
        self.lines = []

    def blocks(self, blocks: tuple[Block, ...]) -> Iterator[Widget]:
        for block in blocks:
            if self.lines and self.lines[-1].plain.strip():
                self.lines.append(Content(""))
            for piece in block_pieces(block):
                if isinstance(piece, Content):
                    self.lines.append(piece)
                    if len(self.lines) >= BLOCK_LINES:
                        yield from self.flush()
                elif self.panels < MAX_CODE_PANELS:
                    self.panels += 1
                    yield from self.flush()
                    yield CodeBlock(*piece)
                else:
                    self.lines.extend(_code_lines(*piece))

    def part(self, part: Part) -> Iterator[Widget]:
        """A part's blocks, then each child under its heading (a bold line)."""
        yield from self.blocks(part.blocks)
        for child in part.children:
            if self.lines:
                self.lines.append(Content(""))
            self.lines.append(Content.styled(sanitize(child.name), "bold underline"))
            yield from self.part(child)


def article_body(article: Article) -> Iterator[Widget]:
    """The body of the article screen: one heading per section (`#section-N`, as the
    contents list jumps to) and its structure; a section the tree lacks shows as text."""
    document = article.document
    parts = list(document.parts)
    body = _Body()
    for n, section in enumerate(article.sections):
        yield from body.flush()
        yield Static(plain(section.name), id=f"section-{n}", classes="section-heading")
        if n == 0 and document.blocks and not _matches(parts, section.name):
            yield from body.blocks(document.blocks)
            continue
        if _matches(parts, section.name):
            while parts and section_key(parts[0].name) != section.key:
                parts.pop(0)
            yield from body.part(parts.pop(0))
            continue
        for block in body_blocks(section):
            yield Static(block, classes="section-body")
    yield from body.flush()


def _matches(parts: list[Part], name: str) -> bool:
    key = section_key(name)
    return any(section_key(part.name) == key for part in parts)


def section_content(article: Article, name: str) -> Content | None:
    """The section `name` as the article screen shows it (lists, tables, notes, code as
    indented lines, sub-headings in bold), in one `Content` for a side pane; None when
    the article's tree has no part of that name."""
    key = section_key(name)
    document = article.document
    part = _find_part(document.parts, key)
    lines: list[Content] = []
    if part is not None:
        _part_lines(part, lines)
    elif document.blocks and article.sections and article.sections[0].key == key:
        # The text before the first heading: the article screen's first section too.
        _part_lines(Part(name, 1, 0, document.blocks), lines)
    else:
        return None
    while lines and not lines[-1].plain.strip():
        lines.pop()
    return Content("\n").join(lines)


def _find_part(parts: tuple[Part, ...], key: str) -> Part | None:
    for part in parts:
        if section_key(part.name) == key:
            return part
    for part in parts:
        found = _find_part(part.children, key)
        if found is not None:
            return found
    return None


def _part_lines(part: Part, lines: list[Content]) -> None:
    for block in part.blocks:
        if lines and lines[-1].plain.strip():
            lines.append(Content(""))
        for piece in block_pieces(block):
            lines.extend([piece] if isinstance(piece, Content) else _code_lines(*piece))
    for child in part.children:
        if lines:
            lines.append(Content(""))
        lines.append(Content.styled(sanitize(child.name), "bold underline"))
        _part_lines(child, lines)
