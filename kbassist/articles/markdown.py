"""The Markdown format: front matter (YAML, else `key: value` lines) and `##` headings.

Sections come from a linear scan of the top-level headings (`markdown_headings`), which
finds the same `##` headings markdown-it does at a fraction of the cost; the document
tree comes from markdown-it itself (mdtree.py), when it is first asked for.
"""

from __future__ import annotations

import re
from itertools import compress
from pathlib import Path

from kbassist.articles.mdtree import markdown_document
from kbassist.articles.meta import (
    MAX_SECTIONS,
    article_link,
    as_tuple,
    body_applies_to,
    clean_title,
    field_areas,
    field_date,
    field_products,
    folder_area,
    id_from_path,
    original_kb,
    plain,
    read_front_matter,
    references,
    slug_products,
    split_front_matter,
)
from kbassist.articles.model import Article, Document, Section, normalize_id
from kbassist.articles.reading import ArticleSkip
from kbassist.sanitize import sanitize

#: The format's name, stored in `Article.style`.
NAME = "markdown"


def detect(text: str) -> bool:
    """Any text is Markdown: the fallback format, last in the list."""
    return True


def parse(text: str, source: Path, digest: str, root: str | None = None) -> Article:
    """Front matter (YAML, else lines) and `##` sections; the tree waits until asked."""
    fm_text, body, first_line = split_front_matter(text)
    meta, warnings = read_front_matter(fm_text)
    if not fm_text and text.startswith("---\n"):
        # its fields would be read as body text, the title taken from the file name
        warnings = (*warnings, "front matter at line 1 has no closing `---` line: read as text")
    if source.name.lower() == "index.md" and not body.strip():
        raise ArticleSkip("a section page (index.md without text), not an article")
    body = sanitize(body)
    body_lines = body.split("\n")
    h1, heads = markdown_headings(body_lines)
    sections: list[Section] = []
    first_head = heads[0][0] if heads else len(body_lines)
    preface_lines = [line for line in body_lines[:first_head] if not line.startswith("# ")]
    preface = "\n".join(preface_lines).strip()
    if preface:
        sections.append(Section("SUMMARY", preface, first_line))
    for n, (start, text_start, name) in enumerate(heads):
        stop = heads[n + 1][0] if n + 1 < len(heads) else len(body_lines)
        content = "\n".join(body_lines[text_start:stop]).strip()
        sections.append(Section(name, content, first_line + start))
    article_id = plain(meta.get("id") or "") or id_from_path(source)
    title = str(meta.get("title") or h1 or article_id)
    keywords = meta.get("keywords") or meta.get("tags")
    keyword_tuple = (
        tuple(plain(keywords).split()) if isinstance(keywords, str) else as_tuple(keywords)
    )
    all_text = "\n".join(s.text for s in sections)
    refs = references(all_text, article_id)
    original = original_kb(preface)
    if original and normalize_id(original) != normalize_id(article_id):
        refs = (original, *(ref for ref in refs if ref != original))
    else:
        original = ""
    products = field_products(meta) or body_applies_to(preface) or slug_products(meta)
    areas = field_areas(meta)
    if not products and not areas and root is not None:
        folder = folder_area(source, root)
        areas = (folder,) if folder else ()
    description = meta.get("description")
    return Article(
        id=article_id,
        title=clean_title(title) or article_id,
        source=source,
        content_hash=digest,
        style=NAME,
        products=products or areas,
        versions=as_tuple(meta.get("versions") or meta.get("version")),
        operating_systems=as_tuple(meta.get("operating_systems") or meta.get("os")),
        keywords=keyword_tuple,
        last_modified=field_date(meta),
        sections=tuple(sections),
        references=refs,
        original_kb=original or "",
        link=article_link(meta.get("url") or meta.get("link")),
        description=clean_title(description) if isinstance(description, str) else "",
        areas=areas,
        warnings=warnings,
        body=body,
        body_line=first_line,
    )


def document(article: Article) -> Document:
    """The tree of a Markdown article, from its body, through markdown-it."""
    return markdown_document(article.body, article.body_line)


_FENCE_OPEN_RE = re.compile(r"(`{3,})[^`]*|(~{3,}).*")
_FENCE_CLOSE_RE = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*")
_ATX_RE = re.compile(r"(#{1,6})(?:[ \t]+(.*))?")
_ATX_CLOSE_RE = re.compile(r"(?:^|[ \t])#+[ \t]*$")
_UNDERLINE_RE = re.compile(r"(=+|-+)[ \t]*")
_BREAK_RE = re.compile(r"(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}")
_CONTAINER_RE = re.compile(r">|(?:[-+*]|(\d{1,9})[.)])(?:[ \t]|$)")


def _indent(line: str) -> tuple[int, str]:
    """(columns of leading blanks, tabs to the next multiple of 4; the rest of the line)."""
    rest = line.lstrip(" \t")
    if len(rest) == len(line) or "\t" not in line[: len(line) - len(rest)]:
        return len(line) - len(rest), rest
    columns = 0
    for char in line[: len(line) - len(rest)]:
        columns = columns + 4 - columns % 4 if char == "\t" else columns + 1
    return columns, rest


def markdown_headings(lines: list[str]) -> tuple[str, list[tuple[int, int, str]]]:
    """(first h1, [(heading line, first text line, name)] of top-level h2s), 0-based.

    CommonMark's block rules for what matters here, in one pass, linear in the text
    (markdown-it's block parser took 10 s and 2 GB on 4 MB of `- a` lines): `##` (ATX)
    headings and paragraphs underlined with `---` (setext), never inside fenced code,
    a table or a reference definition; h1s (`#`, `===`) only name the article.
    Headings inside list items and block quotes are text of their section. It finds
    the same top-level headings as markdown-it's parser (a test compares them). Most
    lines start with a letter: the first character decides which rules to try.
    """
    h1 = ""
    heads: list[tuple[int, int, str]] = []
    fence = ""  # the opening fence while inside fenced code
    para = -1  # first line of the open top-level paragraph, or -1
    table = False  # inside a table's rows
    inside = -1  # content column of the open list item or block quote, or -1
    lazy = False  # the list item's or quote's paragraph may go on without indent
    empty = False  # the line before opened a list item with nothing after its marker
    delimiter = -1  # the line of the table's delimiter row (`|---|---|`)
    inner = ""  # the opening fence of fenced code inside the list item
    count = len(lines)
    previous = -1
    for i in compress(range(count), lines):  # empty lines skipped in C: see the gap
        line = lines[i]
        if fence:
            if line[:4].lstrip(" ")[:1] == fence[0] and _closes(line, fence):
                fence = ""
            previous = i
            continue
        if i - previous > 1:  # after empty lines
            para, table, lazy = -1, False, False
            if empty:
                inside = -1  # an item that starts empty ends at a blank line
        previous = i
        if i == delimiter:
            continue  # the row under a table's head
        if line[0] in " \t":
            indent, rest = _indent(line)
            if not rest:
                para, table, lazy = -1, False, False
                if empty:
                    inside = -1  # an item that starts empty ends at a blank line
                continue
        else:
            indent, rest = 0, line
        empty = False
        first = rest[0]
        if inside >= 0:
            if indent >= inside:
                deeper = indent - inside
                if inner:  # fenced code inside the item: only its closing fence counts
                    if deeper < 4 and first == inner[0] and _closes(rest, inner):
                        inner = ""
                elif deeper < 4 and first in "`~" and (opened := _FENCE_OPEN_RE.fullmatch(rest)):
                    inner, lazy = opened.group(1) or opened.group(2), False
                elif lazy and first in "=-" and _UNDERLINE_RE.fullmatch(rest):
                    lazy = False  # a heading inside the item
                elif deeper < 4:  # deeper is code, or goes on with the paragraph
                    lazy = first not in _BLOCK_START or _paragraph_follows(rest)
                continue  # the list item's own content
            if lazy and (indent >= 4 or first not in _BLOCK_START or not _starts_block(rest)):
                continue  # a lazy continuation line of its paragraph
            inside, lazy, inner = -1, False, ""
        if indent >= 4:
            table = False
            continue  # indented code, or a paragraph's continuation
        if first not in _BLOCK_START:
            if table:
                pass  # a row
            elif "|" in rest and i + 1 < count and _table_head(rest, lines[i + 1]):
                para, table, delimiter = -1, True, i + 1
            elif para < 0 and not (first == "[" and _REFERENCE_RE.fullmatch(rest)):
                para = i
            continue
        if first in "`~" and (opened := _FENCE_OPEN_RE.fullmatch(rest)):
            fence = opened.group(1) or opened.group(2)
            para, table = -1, False
        elif first == "#" and (atx := _ATX_RE.fullmatch(rest)):
            name = (atx.group(2) or "").strip(" \t")
            closing = _ATX_CLOSE_RE.search(name) if name.endswith("#") else None
            name = name[: closing.start()].rstrip(" \t") if closing else name
            if len(atx.group(1)) == 1 and not h1:
                h1 = name
            elif len(atx.group(1)) == 2:
                heads.append((i, i + 1, name))
                if len(heads) >= MAX_SECTIONS:
                    break
            para, table = -1, False
        elif para >= 0 and first in "=-" and _UNDERLINE_RE.fullmatch(rest):
            name = " ".join(part.strip(" \t") for part in lines[para:i])
            if first == "=" and not h1:
                h1 = name
            elif first == "-":
                heads.append((para, i + 1, name))
                if len(heads) >= MAX_SECTIONS:
                    break
            para = -1
        elif first in "*-_" and _BREAK_RE.fullmatch(rest):
            para, table = -1, False
        elif (marker := _CONTAINER_RE.match(rest)) and not (
            # What cannot interrupt a paragraph: an empty item, a list not starting at 1.
            para >= 0
            and first != ">"
            and (not rest[marker.end() :].strip() or marker.group(1) not in (None, "1"))
        ):
            para, table = -1, False
            end = marker.end()
            after = rest[end:]
            text = after.strip(" \t")
            empty = not text
            lazy = not empty and (text[0] not in _BLOCK_START or _paragraph_follows(text))
            if first == ">":
                inside = 1 << 30  # a quote goes on only on lines that start with `>`
            else:
                gap = len(after) - len(after.lstrip(" "))
                width = end - (1 if rest[end - 1] in " \t" else 0)
                inside = indent + width + (gap + 1 if gap < 4 and not empty else 1)
        elif table:
            pass  # a row
        elif "|" in rest and i + 1 < count and _table_head(rest, lines[i + 1]):
            para, table, delimiter = -1, True, i + 1
        elif para < 0:
            para = i
    return h1, heads


#: First characters of a line (blanks stripped) that may begin a block other than text.
_BLOCK_START = frozenset("`~#=-*_>+0123456789")


def _closes(line: str, fence: str) -> bool:
    """Whether `line` closes fenced code opened by `fence` (same mark, at least as long)."""
    close = _FENCE_CLOSE_RE.fullmatch(line)
    return close is not None and close.group(1)[0] == fence[0] and len(close.group(1)) >= len(fence)


def _starts_block(rest: str) -> bool:
    """Whether a line (blanks stripped) begins a block, so cannot continue a paragraph."""
    first = rest[0]
    return first in _BLOCK_START and bool(
        (first in "`~" and _FENCE_OPEN_RE.fullmatch(rest))
        or (first == "#" and _ATX_RE.fullmatch(rest))
        or (first in "*-_" and _BREAK_RE.fullmatch(rest))
        or _CONTAINER_RE.match(rest)
    )


def _paragraph_follows(rest: str) -> bool:
    """Whether a line inside a list item or quote leaves a paragraph open after it.

    Markers are stepped over by position, not by slicing: `> > > …` 500,000 deep on
    one line made slicing quadratic (15 s).
    """
    pos, end = 0, len(rest)
    while pos < end and rest[pos] in _BLOCK_START and (marker := _CONTAINER_RE.match(rest, pos)):
        pos = marker.end()
        while pos < end and rest[pos] in " \t":
            pos += 1
    return pos < end and not _starts_block(rest[pos:])


def _cells(row: str) -> list[str]:
    """A table row's cells (GFM: pipes split, `\\|` does not, outer pipes optional)."""
    cells = _PIPE_RE.split(row.strip(" \t"))
    if cells and not cells[0].strip(" \t"):
        cells.pop(0)
    if cells and not cells[-1].strip(" \t"):
        cells.pop()
    return cells


def _table_head(head: str, next_line: str) -> bool:
    """Whether `head` starts a table: the next line is a delimiter row of as many cells."""
    indent, rest = _indent(next_line)
    if indent >= 4 or not _DELIMITER_ROW_RE.fullmatch(rest) or rest[:2] in ("- ", "-\t"):
        return False
    parts = rest.split("|")
    for n, part in enumerate(parts):
        part = part.strip(" \t")
        if not part and 0 < n < len(parts) - 1:
            return False
        if part and not _ALIGN_RE.fullmatch(part):
            return False
    columns = sum(1 for part in parts if part.strip(" \t"))
    return columns > 0 and columns == len(_cells(head))


_PIPE_RE = re.compile(r"(?<!\\)\|")
_DELIMITER_ROW_RE = re.compile(r"[-:|][-:| \t]+")
_ALIGN_RE = re.compile(r":?-+:?")
_REFERENCE_RE = re.compile(
    r"\[(?:[^\]\\]|\\.){1,999}\]:[ \t]*\S+(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?[ \t]*"
)
