"""The article model: header fields, flat sections, and the document tree beside them.

`Article.sections` stays the flat list of (name, text) every consumer knew (the index
and the drafter read it); `Article.document` is the structure: nested parts, each with
a role and blocks (paragraphs, lists whose items hold blocks, code with its language,
tables, notes, include references, images). The tree is built on first use, not when
the file is read: indexing 60,335 archive articles reads only what search needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from kbassist.articles.roles import role_of


@lru_cache(maxsize=8192)
def section_key(name: str) -> str:
    """`MORE INFORMATION` -> `moreinformation`: the form filters and citations use.

    Remembered: a build asks it of every section several times, and most headings
    are the same few words ("SYMPTOMS", "CAUSE").
    """
    return _NOT_KEY_RE.sub("", name.lower())


_NOT_KEY_RE = re.compile(r"[^a-z0-9]")


def normalize_id(article_id: str) -> str:
    """Ids compare case-insensitively: `q98097` finds `Q98097`."""
    return article_id.strip().casefold()


def title_beside_id(article_id: str, title: str) -> str:
    """The title to print after the id, or "" when it only repeats it.

    A runbook's title is its alert name, the id itself (`CephOSDNearFull  CephOSDNearFull`);
    a folder-qualified id (`openshift/etcdNoLeader`) repeats its last part.
    """
    last = article_id.rsplit("/", 1)[-1]
    return "" if title.strip().casefold() in {normalize_id(article_id), last.casefold()} else title


# --------------------------------------------------------------------------- inline text


@dataclass(frozen=True, slots=True)
class Mark:
    """A span of a `Text` that matters to an admin: `code`, `strong`, `emphasis`,
    `link` (with its target) or `placeholder` (`<your_domain.com>`: type your own)."""

    start: int
    end: int
    kind: str
    target: str = ""


@dataclass(frozen=True, slots=True)
class Text:
    """Plain, sanitized text with marks over it (never markup: a `[b]` stays literal)."""

    plain: str
    marks: tuple[Mark, ...] = ()

    def __str__(self) -> str:
        return self.plain


# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Running text."""

    kind: ClassVar[str] = "paragraph"
    text: Text


@dataclass(frozen=True, slots=True)
class ListItem:
    """One item of a list: its own blocks (a paragraph, a nested list, code ...)."""

    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A numbered or bulleted list; `alternatives` when MS KB `-or-` lines separated
    its items: do one of them, not all in turn."""

    kind: ClassVar[str] = "list"
    items: tuple[ListItem, ...]
    ordered: bool = False
    start: int = 1
    alternatives: bool = False


@dataclass(frozen=True, slots=True)
class Code:
    """Fenced (or, in MS KB text, indented) code: commands to copy, with a language."""

    kind: ClassVar[str] = "code"
    code: str
    language: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    """A table: a header row and body rows of cells."""

    kind: ClassVar[str] = "table"
    header: tuple[Text, ...]
    rows: tuple[tuple[Text, ...], ...]


@dataclass(frozen=True, slots=True)
class Quote:
    """A block quote (often an error message as the user sees it)."""

    kind: ClassVar[str] = "quote"
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Note:
    """A note set apart: `> [!WARNING]`, an MS KB `NOTE:` paragraph; `level` is
    note, tip, important, caution or warning."""

    kind: ClassVar[str] = "note"
    level: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Include:
    """`[!INCLUDE [name](path)]`: shared text kept elsewhere, shown as a reference."""

    kind: ClassVar[str] = "include"
    name: str
    target: str


@dataclass(frozen=True, slots=True)
class Image:
    """An image, kept as its alt text (the view is text only)."""

    kind: ClassVar[str] = "image"
    alt: str
    target: str = ""


Block = Paragraph | ListBlock | Code | Table | Quote | Note | Include | Image


@dataclass(frozen=True, slots=True)
class Part:
    """One headed part of the document tree: a `###` under a `##` is its child.

    `role` comes from the heading (see roles.py); `workaround` marks a fix that
    avoids rather than cures; `cause` names the cause part a fix belongs to
    ("Solution 1" after "Cause 1"), "" when the article does not pair them.
    """

    name: str
    level: int
    line: int
    blocks: tuple[Block, ...] = ()
    children: tuple[Part, ...] = ()
    role: str = ""
    workaround: bool = False
    cause: str = ""

    def walk(self) -> Iterator[Part]:
        """This part and every part below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class Document:
    """The structure of one article: blocks before the first heading, then parts."""

    blocks: tuple[Block, ...] = ()
    parts: tuple[Part, ...] = ()

    def walk(self) -> Iterator[Part]:
        """Every part, depth first, in document order."""
        for part in self.parts:
            yield from part.walk()


# --------------------------------------------------------------------------- articles


@dataclass(frozen=True, slots=True)
class Section:
    """One headed part of an article, in document order (the flat view)."""

    name: str
    text: str
    line: int  # 1-based line of the heading in the source file

    @property
    def key(self) -> str:
        """Lower-case name without spaces, as typed in `section:cause` filters."""
        return section_key(self.name)

    @property
    def role(self) -> str:
        """What the section is for (symptom, cause, resolution ...), "" if unknown."""
        return role_of(self.name)[0]


@dataclass(frozen=True, slots=True)
class Article:
    """One support article, whatever file format it came from."""

    id: str
    title: str
    source: Path
    content_hash: str
    style: str  # the format's name: "mskb" or "markdown"
    products: tuple[str, ...] = ()
    versions: tuple[str, ...] = ()
    operating_systems: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    last_modified: date | None = None
    sections: tuple[Section, ...] = ()
    references: tuple[str, ...] = ()
    query_words: tuple[str, ...] = field(default=())
    #: The article's web address from front matter `url:` (or `link:`); "" if none.
    link: str = ""
    #: The MS KB number a support article was first published under ("Original KB
    #: number: 228597" -> "Q228597"); "" if none. Also first among `references`.
    original_kb: str = ""
    #: One sentence from front matter `description:`; "" if none.
    description: str = ""
    #: Support areas (`ms.custom: sap:` paths, the folder when nothing names a product).
    areas: tuple[str, ...] = ()
    #: What the file's reader had to guess (front matter read line by line ...).
    warnings: tuple[str, ...] = ()
    #: The sanitized body the document tree is built from, and its first line.
    body: str = field(default="", repr=False, compare=False)
    body_line: int = field(default=1, repr=False, compare=False)
    #: The tree once built (a one-slot cache: the dataclass is frozen).
    _tree: list[Document] = field(default_factory=list, repr=False, compare=False, hash=False)

    def section(self, name: str) -> Section | None:
        """The first section called `name` (case and spacing ignored)."""
        key = section_key(name)
        for section in self.sections:
            if section.key == key:
                return section
        return None

    @property
    def product(self) -> str:
        """The first product, for one-line listings."""
        return self.products[0] if self.products else ""

    @property
    def document(self) -> Document:
        """The document tree, built from the body on first use."""
        if not self._tree:
            from kbassist.articles.formats import build_document

            self._tree.append(build_document(self))
        return self._tree[0]

    def parts_by_role(self, role: str) -> list[Part]:
        """Every part with `role`, outermost first; `symptom` falls back to `summary`."""
        found = [part for part in self.document.walk() if part.role == role]
        if not found and role == "symptom":
            found = [part for part in self.document.walk() if part.role == "summary"]
            if not found and self.document.blocks:
                found = [Part("SUMMARY", 1, self.body_line, self.document.blocks, role="summary")]
        return found

    def section_by_role(self, role: str) -> Part | None:
        """The first part with `role` (symptom, cause, resolution ...), or None."""
        found = self.parts_by_role(role)
        return found[0] if found else None

    def role_text(self, role: str) -> str:
        """The plain text of every part with `role`, children included."""
        from kbassist.articles.text import part_plain

        seen: set[int] = set()
        out: list[str] = []
        for part in self.parts_by_role(role):
            if id(part) in seen:
                continue
            seen.update(id(p) for p in part.walk())
            out.append(part_plain(part))
        return "\n\n".join(text for text in out if text)
