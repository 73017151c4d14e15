"""Articles: finding files, reading them in each format, and one model for all.

The package, by job:

* `reading`  - a file as text, refusing what is not a small regular text file;
* `formats`  - the list of formats (doc2dash-style `detect`/`parse`): `mskb`, `markdown`;
* `meta`     - header fields and front matter every format shares;
* `model`    - `Article`, its flat `sections` and its document tree (`Part`, blocks);
* `roles`    - what a heading is for (symptom, cause, resolution ...), extendable;
* `mdtree`, `kbtext`, `shape` - building the tree from Markdown and MS KB text;
* `scan`     - walking a folder, unique ids, loading a folder as (loaded, failed);
* `text`     - an article as terminal text, normalized Markdown or JSON.
"""

from __future__ import annotations

from kbassist.articles.formats import FORMATS, build_document, load_article, parse_article
from kbassist.articles.markdown import markdown_headings
from kbassist.articles.mdtree import make_parser
from kbassist.articles.meta import MAX_FRONT_MATTER_CHARS, MAX_SECTIONS, article_link
from kbassist.articles.model import (
    Article,
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
    Section,
    Table,
    Text,
    normalize_id,
    section_key,
    title_beside_id,
)
from kbassist.articles.reading import (
    MAX_ARTICLE_BYTES,
    MISSING,
    OUTSIDE_FILE,
    OUTSIDE_FOLDER,
    ArticleSkip,
    content_hash,
    decode,
    is_inside,
    read_text,
)
from kbassist.articles.roles import ROLES, add_role, role_of
from kbassist.articles.scan import (
    SECTION_PAGE,
    FileEntry,
    FolderStates,
    Problem,
    iter_article_files,
    load_folder,
    qualified_ids,
    scan_articles,
    unique_ids,
)

__all__ = [
    "FORMATS",
    "MAX_ARTICLE_BYTES",
    "MAX_FRONT_MATTER_CHARS",
    "MAX_SECTIONS",
    "MISSING",
    "OUTSIDE_FILE",
    "OUTSIDE_FOLDER",
    "ROLES",
    "SECTION_PAGE",
    "Article",
    "ArticleSkip",
    "Block",
    "Code",
    "Document",
    "FileEntry",
    "FolderStates",
    "Image",
    "Include",
    "ListBlock",
    "ListItem",
    "Mark",
    "Note",
    "Paragraph",
    "Part",
    "Problem",
    "Quote",
    "Section",
    "Table",
    "Text",
    "add_role",
    "article_link",
    "build_document",
    "content_hash",
    "decode",
    "is_inside",
    "iter_article_files",
    "load_article",
    "load_folder",
    "make_parser",
    "markdown_headings",
    "normalize_id",
    "parse_article",
    "qualified_ids",
    "read_text",
    "role_of",
    "scan_articles",
    "section_key",
    "title_beside_id",
    "unique_ids",
]
