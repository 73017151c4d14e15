"""Article-derived text turned into Textual `Content`, never into markup.

Everything here starts from untrusted text: it passes through `render.sanitize` (no
escape sequence reaches the terminal) and is assembled as `Content` spans, so `[b]`,
`<script>` or `$var` in an article stay literal characters. Styles are theme variables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from textual.content import Content, Span
from textual.style import Style

from kbassist.articles import Article, Section, title_beside_id
from kbassist.articles.text import header_rows
from kbassist.index import Hit
from kbassist.sanitize import display_path, sanitize

#: Body text is cut into blocks of about this many lines, one widget each: wrapping a
#: 1 MB article as one block takes ~1.4 s, as 100-line blocks ~0.4 s.
BLOCK_LINES = 100

MATCH_STYLE = "bold $text-warning"
ID_STYLE = "bold $text-accent"
TITLE_STYLE = "bold"
MUTED_STYLE = "$text-muted"
GUIDED_STYLE = "bold $text-success"
REF_STYLE = "underline $text-accent"
GUIDED_MARK = "◆ guided fix"
#: Shown on a walk whose tree a machine drafted from the article: check before trusting.
DRAFTED_MARK = "◇ auto-drafted"
DRAFTED_STYLE = "bold $text-warning"
ERROR_STYLE = "$text-error"
WARNING_STYLE = "$text-warning"

# The Q-numbers articles.py collects as references (same pattern).
_QREF_RE = re.compile(r"(?<![A-Za-z0-9])Q\d{4,7}(?!\d)", re.ASCII)


def home_path(path: Path) -> str:
    """A path as shown: under the home folder as `~/…` (shorter, and the same on every
    machine), sanitized."""
    try:
        relative = Path(path).relative_to(Path.home())
    except (ValueError, RuntimeError):  # not under home, or no home at all
        return display_path(path)
    return display_path(Path("~") / relative)


def plain(text: str) -> Content:
    """Untrusted text as literal content: sanitized, no markup."""
    return Content(sanitize(text))


def snippet_content(snippet: Sequence[tuple[str, bool]]) -> Content:
    """A hit's snippet with the matched words highlighted."""
    return Content.assemble(
        *((sanitize(text), MATCH_STYLE if is_match else "") for text, is_match in snippet)
    )


def hit_content(hit: Hit, guided: bool = False) -> Content:
    """One search result: id and title, product line, snippet."""
    first: list[str | tuple[str, str]] = [(sanitize(hit.id), ID_STYLE)]
    if title := hit.shown_title:
        first += ["  ", (sanitize(title), TITLE_STYLE)]
    meta: list[str | tuple[str, str]] = [(sanitize(", ".join(hit.products)) or "—", MUTED_STYLE)]
    if guided:
        meta += ["  ", (GUIDED_MARK, GUIDED_STYLE)]
    if not hit.full_match:
        meta.append((" · some words missing", MUTED_STYLE))
    parts: list[str | Content | tuple[str, str]] = [*first, "\n", *meta]
    if hit.snippet:
        parts += ["\n", snippet_content(hit.snippet)]
    return Content.assemble(*parts)


def title_content(article: Article) -> Content:
    """The article's heading line."""
    title = title_beside_id(article.id, article.title)
    if not title:
        return Content.assemble((sanitize(article.id), ID_STYLE))
    return Content.assemble((sanitize(article.id), ID_STYLE), "  ", (sanitize(title), "bold"))


def header_content(article: Article) -> Content:
    """The header fields as a two-column table of label and value."""
    rows = header_rows(article)
    width = max((len(label) for label, _ in rows), default=0)
    lines = [Content.assemble((f"{label:<{width}}  ", MUTED_STYLE), value) for label, value in rows]
    return Content("\n").join(lines)


def with_reference_links(content: Content) -> Content:
    """Make each Q-number in the text a clickable link to that article (in the KB only)."""
    spans: list[Span] = []
    for match in _QREF_RE.finditer(content.plain):
        start, end = match.span()
        action = f"screen.open_reference({match.group()!r})"
        spans.append(Span(start, end, REF_STYLE))
        spans.append(Span(start, end, Style.from_meta({"@click": action})))
    if not spans:
        return content
    return Content(content.plain, [*content.spans, *spans], content.cell_length)


#: A line at least this long that is followed by more of the same paragraph was wrapped
#: by the author's editor (MS KB text is hard-wrapped at about 79 columns).
WRAPPED_LINE = 56
_LIST_ITEM_RE = re.compile(r"^\s*(?:[-*•+]|\d{1,3}[.)]|[a-z][.)])\s+")
_TABULAR_RE = re.compile(r"\S {3,}\S|\t|^\s*[-=_*]{4,}\s*$|\|")
_FENCE_RE = re.compile(r"^\s*(```|~~~)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def reflow(text: str) -> str:
    """Undo hard wrapping in prose so it rewraps to the window; keep lists and tables.

    A line joins the one before it when that one was long (wrapped at the margin), both
    are prose (no column gaps, rules or tabs), it starts no list item, and it is indented
    like the text above it. Fenced code is left alone.
    """
    out: list[str] = []
    prev_text_indent = -1  # where the previous line's text begins; -1: do not join
    in_fence = False
    for line in text.split("\n"):
        if _FENCE_RE.match(line):
            in_fence = not in_fence
            out.append(line)
            prev_text_indent = -1
            continue
        stripped = line.strip()
        if in_fence or not stripped or _TABULAR_RE.search(line):
            out.append(line)
            prev_text_indent = -1
            continue
        item = _LIST_ITEM_RE.match(line)
        if (
            out
            and prev_text_indent >= 0
            and not item
            and _indent(line) == prev_text_indent
            and len(out[-1]) >= WRAPPED_LINE
        ):
            out[-1] = out[-1].rstrip() + " " + stripped
        else:
            out.append(line.rstrip())
        prev_text_indent = item.end() if item else _indent(line)
    return "\n".join(out)


def body_blocks(section: Section, block_lines: int = BLOCK_LINES) -> Iterator[Content]:
    """A section's text, reflowed, as blocks of about `block_lines` lines."""
    lines = reflow(sanitize(section.text)).split("\n")
    start = 0
    while start < len(lines):
        stop = min(len(lines), start + block_lines)
        if stop < len(lines):
            # Prefer to cut at a paragraph break in the last quarter of the block.
            for cut in range(stop, start + block_lines * 3 // 4, -1):
                if not lines[cut - 1].strip():
                    stop = cut
                    break
        yield with_reference_links(Content("\n".join(lines[start:stop]).rstrip("\n")))
        start = stop
