"""Backslashes a reader of a Markdown article sees, kept when its text is made plain.

A modern draft's steps, symptom and cause reach `md_plain` from two sources: raw Markdown
(a section's flat text: `*\\\\$Extend\\\\\\* /s*`, whose escapes `md_plain` undoes) and
text the article parser has rendered already (`\\$Extend\\* /s`: the escapes undone once).
Undoing them again loses the backslashes the admin must type (`$Extend* /s`, `\\server`
for `\\\\server`, `<Driver>:<Folder Path>` for `<Driver>:\\<Folder Path>`).

Which is which is told by the article itself: a word with a backslash that the rendered
article shows as written is the reader's text and keeps every backslash; any other word is
Markdown source and is unescaped as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.articles import Article
from kbassist.articles.model import Code, ListBlock, Note, Paragraph, Part, Quote, Table, Text
from kbassist.drafting.modern import escape_word_key

#: A backslash before a character Markdown lets one escape: the words `md_plain` changes.
_ESCAPE_LIKE_RE = re.compile(r"\\[<>\[\]()*_`#$\\]")


def shown_escapes(article: Article) -> frozenset[str]:
    """The words (see `escape_word_key`) of the rendered article that hold an escape-like
    backslash: `md_plain` keeps their backslashes. Computed once per article (a walk of
    its parsed blocks; only words with a backslash are kept)."""
    if "\\" not in article.body:
        return frozenset()
    words: set[str] = set()
    for text in _texts(article):
        if "\\" not in text:
            continue
        for word in text.split():
            if "\\" in word and _ESCAPE_LIKE_RE.search(word):
                words.add(escape_word_key(word))
    return frozenset(words)


def _texts(article: Article) -> Iterator[str]:
    document = article.document
    yield from _block_texts(document.blocks)
    for part in document.walk():
        yield from _part_texts(part)


def _part_texts(part: Part) -> Iterator[str]:
    yield part.name
    yield from _block_texts(part.blocks)


def _block_texts(blocks: tuple[object, ...]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text.plain
        elif isinstance(block, Code):
            yield block.code
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _block_texts(item.blocks)
        elif isinstance(block, (Quote, Note)):
            yield from _block_texts(block.blocks)
        elif isinstance(block, Table):
            for row in (block.header, *block.rows):
                yield from (cell.plain for cell in row if isinstance(cell, Text))
