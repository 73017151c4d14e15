"""Turning article text into something safe to put on a terminal.

Article files are untrusted input: an `ESC ] 2 ; ... BEL` in one must not retitle the
user's terminal, nor `ESC [ 2 J` clear it. Everything shown passes through `sanitize`.
"""

from __future__ import annotations

from kbassist.articles import Article
from kbassist.sanitize import sanitize

__all__ = ["article_as_text", "header_rows", "sanitize"]


def header_rows(article: Article) -> list[tuple[str, str]]:
    """The header fields worth showing, as (label, value) pairs."""
    rows = [("Article", article.id)]
    if article.products:
        rows.append(("Product", ", ".join(article.products)))
    if article.versions:
        rows.append(("Version", ", ".join(article.versions)))
    if article.operating_systems:
        rows.append(("OS", ", ".join(article.operating_systems)))
    if article.last_modified:
        rows.append(("Modified", article.last_modified.isoformat()))
    if article.references:
        rows.append(("See also", " ".join(article.references)))
    return [(label, sanitize(value)) for label, value in rows]


def article_as_text(article: Article, section: str | None = None) -> str:
    """Plain text for `kbassist show`: title, header fields, then each section."""
    out: list[str] = []
    if section is None:
        out.append(sanitize(f"{article.id}: {article.title}"))
        out.append("=" * min(79, len(out[0])))
        width = max(len(label) for label, _ in header_rows(article))
        out.extend(f"{label + ':':<{width + 1}} {value}" for label, value in header_rows(article))
        out.append("")
    for part in article.sections:
        if section is not None and part.key != article.section(section).key:  # type: ignore[union-attr]
            continue
        out.append(sanitize(part.name))
        out.append("-" * len(part.name))
        out.append(sanitize(part.text))
        out.append("")
    return "\n".join(out).rstrip() + "\n"
