"""Markdown to the document tree, through the one markdown-it-py parser.

Docs markup is structure, not text: `> [!NOTE]` is a note, `[!INCLUDE [x](path)]` a
reference to shared text, `:::image ... alt-text="...":::` its alt text; `&nbsp;` is a
space. Headings nest by level (a `###` under a `##` is its child).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from kbassist.articles.model import (
    Block,
    Code,
    Document,
    Image,
    Include,
    ListBlock,
    ListItem,
    Mark,
    Note,
    Paragraph,
    Part,
    Quote,
    Table,
    Text,
)
from kbassist.articles.roles import role_of
from kbassist.articles.shape import join_alternatives, pair_causes
from kbassist.sanitize import sanitize

if TYPE_CHECKING:  # markdown-it loads when an article is parsed, not for a search
    from collections.abc import Callable

    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

#: Bodies longer than this are shown as plain paragraphs per section: markdown-it's
#: block parser took 10 s on 4 MB of `- a` lines; the largest real article is 178 KB.
MAX_TREE_CHARS = 512 * 1024


def make_parser() -> MarkdownIt:
    """CommonMark plus GFM tables and strikethrough, HTML disabled.

    The one parser configuration, shared by the loader and the viewer (frogmouth's
    `parser_factory` habit): raw HTML stays visible characters, never markup.
    """
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import image, link

    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    parser.inline.ruler.at("link", _closed_after(link))
    parser.inline.ruler.at("image", _closed_after(image))
    return parser


def _closed_after(rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    """`rule` (a link or image), tried only where a `]` follows: without one no label
    closes, and markdown-it looked for it from every `[` through up to 20 nested levels
    (a 50,000 `[` paragraph took 2 s)."""

    def guarded(state: StateInline, silent: bool) -> bool:
        return _last_close(state.src) > state.pos and rule(state, silent)

    return guarded


@lru_cache(maxsize=4)
def _last_close(src: str) -> int:
    """Where the last `]` of an inline text is (-1: none); once per text."""
    return src.rfind("]")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return make_parser()


_NOTE_RE = re.compile(r"^\[!(NOTE|TIP|IMPORTANT|CAUTION|WARNING)\]\s*", re.IGNORECASE)
_NOTE_MID_RE = re.compile(r"\s\[!(NOTE|TIP|IMPORTANT|CAUTION|WARNING)\]\s*", re.IGNORECASE)
_INCLUDE_RE = re.compile(r"^\[!INCLUDE\s*\[([^\]]*)\]\(([^)]*)\)\]\s*$", re.IGNORECASE)
_IMAGE_RE = re.compile(r"^:::image\b(.*?):::", re.IGNORECASE | re.DOTALL)
_IMAGE_END_RE = re.compile(r"^:::image-end:::\s*$", re.IGNORECASE)
_ATTR_RE = re.compile(r'([\w-]+)="([^"]*)"')
_PLACEHOLDER_RE = re.compile(r"<[A-Za-z_][^<>\n]{0,80}>")
#: `<a id="extra1"></a>` before a heading or a list item: a page anchor's markup (the
#: parser keeps raw HTML as text), never words a reader needs. `<servername>` stays.
_ANCHOR_RE = re.compile(
    r'<a\s{1,3}(?:id|name)=(?:"[^"<>\n]{0,60}"|[\w.-]{1,60})\s{0,3}>(?:\s{0,3}</a\s{0,3}>)?',
    re.IGNORECASE,
)


def markdown_document(body: str, first_line: int) -> Document:
    """The tree of a Markdown body; `first_line` is the body's line in the file."""
    if len(body) > MAX_TREE_CHARS:
        return _plain_document(body, first_line)
    tokens = _parser().parse(body)
    top: list[Block] = []
    stack: list[tuple[int, str, int, list[Block], list[Part]]] = []
    roots: list[Part] = []
    i = 0
    first_h1 = True
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open" and token.level == 0:
            level = int(token.tag[1])
            name = " ".join(inline_text(tokens[i + 1]).plain.split())
            i += 3
            if level == 1 and first_h1 and not stack and not roots:
                first_h1 = False  # the article's title
                continue
            while stack and stack[-1][0] >= level:
                _close(stack, roots)
            line = first_line + (token.map[0] if token.map else 0)
            stack.append((level, name, line, [], []))
            continue
        blocks, i = _block(tokens, i)
        target = stack[-1][3] if stack else top
        target.extend(blocks)
    while stack:
        _close(stack, roots)
    return Document(tuple(join_alternatives(top)), tuple(pair_causes(roots)))


def _close(stack: list[tuple[int, str, int, list[Block], list[Part]]], roots: list[Part]) -> None:
    level, name, line, blocks, children = stack.pop()
    role, workaround = role_of(name)
    part = Part(name, level, line, tuple(blocks), tuple(children), role, workaround)
    (stack[-1][4] if stack else roots).append(part)


def _plain_document(body: str, first_line: int) -> Document:
    """A body too big for the tree: one paragraph per blank-line-separated chunk."""
    chunks = [chunk.strip() for chunk in body.split("\n\n")]
    return Document(tuple(Paragraph(Text(chunk)) for chunk in chunks if chunk))


def _block(tokens: list[Token], i: int) -> tuple[list[Block], int]:
    """The block starting at tokens[i] and the index after it."""
    token = tokens[i]
    kind = token.type
    if kind == "paragraph_open":
        return _paragraph(tokens[i + 1]), i + 3
    if kind == "fence" or kind == "code_block":
        language = token.info.strip().split(" ")[0] if kind == "fence" else ""
        return [Code(sanitize(token.content.rstrip("\n")), sanitize(language))], i + 1
    if kind in ("bullet_list_open", "ordered_list_open"):
        return _list(tokens, i)
    if kind == "blockquote_open":
        inner, i = _children(tokens, i + 1, "blockquote_close")
        return _quote(inner), i
    if kind == "table_open":
        return _table(tokens, i)
    if kind == "heading_open":  # inside a list item or quote: bold text
        text = inline_text(tokens[i + 1])
        marks = (*text.marks, Mark(0, len(text.plain), "strong"))
        return [Paragraph(Text(text.plain, marks))], i + 3
    return [], i + 1  # hr, html (off), anything new: nothing to show


def _children(tokens: list[Token], i: int, close: str) -> tuple[list[Block], int]:
    """Blocks up to the matching `close` token; the index after it."""
    blocks: list[Block] = []
    depth = tokens[i - 1].level
    while i < len(tokens) and not (tokens[i].type == close and tokens[i].level == depth):
        found, i = _block(tokens, i)
        blocks.extend(found)
    return join_alternatives(blocks), i + 1


def _list(tokens: list[Token], i: int) -> tuple[list[Block], int]:
    opening = tokens[i]
    ordered = opening.type == "ordered_list_open"
    start = int(opening.attrGet("start") or 1) if ordered else 1
    close = "ordered_list_close" if ordered else "bullet_list_close"
    items: list[ListItem] = []
    i += 1
    while tokens[i].type != close or tokens[i].level != opening.level:
        if tokens[i].type == "list_item_open":
            blocks, i = _children(tokens, i + 1, "list_item_close")
            items.append(ListItem(tuple(blocks)))
        else:
            i += 1
    return [ListBlock(tuple(items), ordered, start)], i + 1


def _quote(blocks: list[Block]) -> list[Block]:
    """A quote, or the note `> [!WARNING]` makes of it. A marker in the middle of the
    quote's paragraph (a `> [!NOTE]` line right after quoted text) starts the note there."""
    for n, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or "[!" not in block.text.plain:
            continue
        text = block.text
        match = _NOTE_RE.match(text.plain) if n == 0 else None
        mid = None if match else _NOTE_MID_RE.search(text.plain)
        marker = match or mid
        if marker is None:
            continue
        before: list[Block] = list(blocks[:n])
        if mid is not None:
            before.append(Paragraph(_cut(text, mid.start())))
        rest = _shift(text, marker.end())
        kept = ([Paragraph(rest)] if rest.plain.strip() else []) + blocks[n + 1 :]
        note = Note(marker.group(1).lower(), tuple(kept))
        quote: list[Block] = [Quote(tuple(before))] if before else []
        return [*quote, note]
    return [Quote(tuple(blocks))]


def _cut(text: Text, end: int) -> Text:
    """`text` up to `end` (trailing blanks dropped), marks clipped."""
    plain = text.plain[:end].rstrip()
    marks = tuple(
        Mark(m.start, min(m.end, len(plain)), m.kind, m.target)
        for m in text.marks
        if m.start < len(plain)
    )
    return Text(plain, marks)


def _table(tokens: list[Token], i: int) -> tuple[list[Block], int]:
    header: list[Text] = []
    rows: list[tuple[Text, ...]] = []
    row: list[Text] = []
    in_head = False
    while tokens[i].type != "table_close":
        kind = tokens[i].type
        if kind == "thead_open":
            in_head = True
        elif kind == "thead_close":
            in_head = False
        elif kind == "inline":
            row.append(inline_text(tokens[i]))
        elif kind == "tr_close":
            if in_head:
                header = row
            else:
                rows.append(tuple(row))
            row = []
        i += 1
    return [Table(tuple(header), tuple(rows))], i + 1


def _paragraph(inline: Token) -> list[Block]:
    raw = inline.content
    if raw.startswith("[!") and (include := _INCLUDE_RE.match(raw)):
        return [Include(sanitize(include.group(1)), sanitize(include.group(2)))]
    if raw.startswith(":::"):
        if _IMAGE_END_RE.match(raw):
            return []
        image = _IMAGE_RE.match(raw)
        if image:
            attrs = dict(_ATTR_RE.findall(image.group(1)))
            found: list[Block] = [
                Image(sanitize(attrs.get("alt-text", "")), sanitize(attrs.get("source", "")))
            ]
            rest = raw[image.end() :].strip()
            return found + ([Paragraph(Text(sanitize(rest)))] if rest else [])
    return [Paragraph(inline_text(inline))]


def inline_text(inline: Token) -> Text:
    """An inline token's text with code, bold, emphasis, links and placeholders marked."""
    parts: list[str] = []
    marks: list[Mark] = []
    opened: list[tuple[str, int, str]] = []
    pos = 0
    for child in inline.children or ():
        kind = child.type
        if kind == "text" or kind == "html_inline":
            piece = _ANCHOR_RE.sub("", child.content) if "<a" in child.content else child.content
        elif kind == "code_inline":
            piece = child.content
            marks.append(Mark(pos, pos + len(piece), "code"))
        elif kind in ("softbreak", "hardbreak"):
            piece = " " if kind == "softbreak" else "\n"
        elif kind == "image":
            piece = child.content or "image"
            marks.append(Mark(pos, pos + len(piece), "image", str(child.attrGet("src") or "")))
        elif kind.endswith("_open"):
            opened.append((kind[:-5], pos, str(child.attrGet("href") or "")))
            continue
        elif kind.endswith("_close") and opened:
            name, start, target = opened.pop()
            kind_name = {"em": "emphasis", "s": "strike"}.get(name, name)
            if pos > start:
                marks.append(Mark(start, pos, kind_name, sanitize(target)))
            continue
        else:
            piece = child.content
        piece = sanitize(piece.replace("\xa0", " "))
        parts.append(piece)
        pos += len(piece)
    plain = "".join(parts)
    for match in _PLACEHOLDER_RE.finditer(plain):
        marks.append(Mark(match.start(), match.end(), "placeholder"))
    marks.sort(key=lambda mark: (mark.start, -mark.end))
    return Text(plain, tuple(marks))


def _shift(text: Text, cut: int) -> Text:
    """`text` without its first `cut` characters, marks moved along."""
    marks = tuple(
        Mark(max(m.start - cut, 0), m.end - cut, m.kind, m.target)
        for m in text.marks
        if m.end > cut
    )
    return Text(text.plain[cut:], marks)
