"""The article formats, doc2dash-style: a list of modules with `detect` and `parse`.

A new format is one module with `NAME`, `detect(text) -> bool`, `parse(text, source,
digest, root) -> Article` and `document(article) -> Document`, added to `FORMATS`
before the Markdown fallback (which detects everything).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from kbassist.articles import markdown, mskb
from kbassist.articles.model import Article, Document
from kbassist.articles.reading import content_hash, read_text


class ArticleFormat(Protocol):
    """What a format module provides, so the checker holds each module in FORMATS to it."""

    NAME: str

    def detect(self, text: str) -> bool: ...

    def parse(self, text: str, source: Path, digest: str, root: str | None = None) -> Article: ...

    def document(self, article: Article) -> Document: ...


#: Tried in order; the first whose `detect` says yes parses the file.
FORMATS: list[ArticleFormat] = [mskb, markdown]


def load_article(path: str | Path, root: str | None = None) -> Article:
    """Read and parse one file; raises ArticleSkip when it is not an article.

    `root`: the resolved articles folder the file must really be in (see read_text);
    an article with no product then takes its folder below `root` as its area.
    """
    path = Path(path)
    text, data = read_text(path, root)
    return parse_article(text, path, content_hash(data), root)


def parse_article(text: str, source: Path, digest: str = "", root: str | None = None) -> Article:
    """Parse article text in whichever format detects it."""
    if not digest:
        digest = content_hash(text.encode("utf-8"))
    for fmt in FORMATS:
        if fmt.detect(text):
            return fmt.parse(text, source, digest, root)
    raise AssertionError("the Markdown format detects every text")  # pragma: no cover


def build_document(article: Article) -> Document:
    """The document tree of `article`, by the format that read it."""
    for fmt in FORMATS:
        if article.style == fmt.NAME:
            return fmt.document(article)
    return markdown.document(article)
