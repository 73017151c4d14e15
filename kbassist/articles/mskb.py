"""The MS KB text format: the public archive's articles and Q98097.

Jekyll front matter, `{% raw %}` lines, tab-indented header fields (`Article:`,
`Product(s):` ...) and headings underlined with `=====`. Whole-text regexes, not a
per-line loop: 60,335 files must parse in seconds. The document tree (kbtext.py) is
built only when asked for.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from kbassist.articles.kbtext import kb_document
from kbassist.articles.meta import (
    MAX_SECTIONS,
    article_link,
    clean_title,
    id_from_path,
    parse_date,
    plain,
    references,
    simple_front_matter,
    split_front_matter,
    split_list,
)
from kbassist.articles.model import Article, Document, Section
from kbassist.sanitize import sanitize

#: The format's name, stored in `Article.style`.
NAME = "mskb"

_HEADER_FIELDS = {
    "article": "id",
    "product(s)": "products",
    "version(s)": "versions",
    "operating system(s)": "operating_systems",
    "keyword(s)": "keywords",
    "last modified": "last_modified",
}
_HEADER_RE = re.compile(
    r"^(Article|Product\(s\)|Version\(s\)|Operating System\(s\)|Keyword\(s\)|Last Modified):"
    r"[ \t]*(.*?)\s*$",
    re.IGNORECASE,
)


def detect(text: str) -> bool:
    """MS KB header fields or the archive's `{% raw %}` near the top."""
    head = text[:4000]
    return "\tArticle: " in head or "\nArticle: " in head or "{% raw %}" in head


_LIQUID_SUB_RE = re.compile(r"^[ \t]*\{%-?\s*(?:end)?raw\s*-?%\}[ \t]*$", re.MULTILINE)
#: The underline of a heading: `_mskb_sections` takes the line above it when that line
#: does not start with a space or "=" (the matches of `^([^\s=][^\n]*)\n(=+)[ \t]*$`).
_UNDERLINE_RE = re.compile(r"\n(=+)[ \t]*$", re.MULTILINE)
#: What `_query_words_line` and `_footer_start` find, faster (the tests compare them).
_QUERY_WORDS_SEARCH_RE = re.compile(r"^Additional query words:([^\n]*)$", re.MULTILINE | re.I)
_FOOTER_SEARCH_RE = re.compile(r"^={20,}\n(?:Keywords|Technology)", re.MULTILINE)
_RULE_LINE_RE = re.compile(r"^-{10,}$", re.MULTILINE)


def _without_liquid(body: str) -> str:
    """`_LIQUID_SUB_RE.sub("", body)`: the same matches, tried only at the lines that
    hold a `{%` (the pattern tried at every line start of every article was 1% of a
    build)."""
    found = body.find("{%")
    if found == -1:
        return body
    kept: list[str] = []
    done = 0  # the end of the last match
    tried = -1  # the last line start tried
    match = _LIQUID_SUB_RE.match
    while found != -1:
        start = body.rfind("\n", 0, found) + 1
        if start >= done and start > tried:
            tried = start
            hit = match(body, start)
            if hit is not None:
                kept.append(body[done:start])
                done = hit.end()
        found = body.find("{%", max(found + 2, done))
    kept.append(body[done:])
    return "".join(kept)


def parse(text: str, source: Path, digest: str, root: str | None = None) -> Article:
    """The header block, underlined sections and the query words; `root` is unused."""
    """Whole-text regexes, not a per-line loop: 60,335 files must parse in seconds."""
    fm_text, body, first_line = split_front_matter(text)
    fm = simple_front_matter(fm_text)
    # Blank (not delete) template lines so line numbers stay those of the file.
    body = _without_liquid(body)
    body = body.replace("\n\t", "\n").removeprefix("\t")
    body = sanitize(body)
    title_line = ""
    if body.startswith("## ") or "\n## " in body[:2000]:
        at = 0 if body.startswith("## ") else body.index("\n## ") + 1
        stop = body.find("\n", at)
        stop = len(body) if stop == -1 else stop
        title_line = body[at + 3 : stop].strip()
        body = body[:at] + body[stop:]
    header, body = _take_header(body)

    query_words: list[str] = []
    end = len(body)
    match = _query_words_line(body)
    if match:
        query_words = match.group(1).split()
        end = match.start()
    else:
        footer = _footer_start(body)
        if footer != -1:
            end = footer
    sections = _mskb_sections(body, end, first_line)

    article_id = plain(header.get("id", "")) or id_from_path(source)
    title = fm.get("title") or title_line or article_id
    title = clean_title(title) or article_id
    all_text = "\n".join(s.text for s in sections)
    return Article(
        id=article_id,
        title=title,
        source=source,
        content_hash=digest,
        style=NAME,
        products=split_list(html.unescape(header.get("products", ""))),
        versions=split_list(header.get("versions", "")),
        operating_systems=split_list(header.get("operating_systems", "")),
        keywords=tuple(plain(header.get("keywords", "")).split()),
        last_modified=parse_date(header.get("last_modified", "")),
        sections=tuple(sections),
        references=references(all_text, article_id),
        query_words=tuple(query_words),
        link=article_link(fm.get("url") or fm.get("link")),
    )


def _query_words_line(body: str) -> re.Match[str] | None:
    """`_QUERY_WORDS_SEARCH_RE.search(body)`, found by a substring search in ASCII text.

    A case-blind pattern anchored at line starts is tried at every character: 1.5% of
    a full build. A non-ASCII body keeps the pattern, whose Unicode case folding
    (`\u017f` matches "s") a lower-cased copy would not follow.
    """
    if not body.isascii():
        return _QUERY_WORDS_SEARCH_RE.search(body)
    low = body.lower()
    at = low.find(_QUERY_WORDS_LOW)
    while at != -1:
        if at == 0 or body[at - 1] == "\n":
            return _QUERY_WORDS_SEARCH_RE.match(body, at)
        at = low.find(_QUERY_WORDS_LOW, at + 1)
    return None


_QUERY_WORDS_LOW = "additional query words:"
_FOOTER_NEXT_RE = re.compile(r"\n(?:Keywords|Technology)")


def _footer_start(body: str) -> int:
    """Where `_FOOTER_SEARCH_RE` matches first (-1: nowhere): from the words under the
    rule, a literal search, instead of trying the rule at every character."""
    for match in _FOOTER_NEXT_RE.finditer(body):
        at = match.start()
        start = body.rfind("\n", 0, at) + 1
        if at - start >= 20 and body.count("=", start, at) == at - start:
            return start
    return -1


def _take_header(body: str) -> tuple[dict[str, str], str]:
    """Read the `Article:` ... `Last Modified:` block and blank it out of the body.

    Old articles repeat versions and keywords on stray lines between the header and
    the first `-----` rule; those are metadata, not text, and are blanked too.
    """
    header: dict[str, str] = {}
    lines = body.split("\n", 40)
    limit = min(len(lines), 40)
    last_field = -1
    blank_to = -1
    for i in range(limit):
        line = lines[i]
        match = _HEADER_RE.match(line)
        if match:
            header[_HEADER_FIELDS[match.group(1).lower()]] = match.group(2)
            last_field = blank_to = i
        elif header and (line.startswith("---") or _is_heading(lines, i, limit)):
            blank_to = i - 1
            break
        elif header and i - last_field > 12:
            blank_to = last_field
            break
    for i in range(blank_to + 1):
        lines[i] = ""
    return header, "\n".join(lines)


def _is_heading(lines: list[str], i: int, limit: int) -> bool:
    """A non-empty line underlined by `=` of about its length (not the footer's rule)."""
    name = lines[i].strip()
    if not name or i + 1 >= limit:
        return False
    under = lines[i + 1].strip()
    return bool(under) and set(under) == {"="} and abs(len(under) - len(name)) <= 2


def _mskb_sections(body: str, end: int, first_line: int) -> list[Section]:
    """Cut the body at underlined headings (underline about as long as the heading)."""
    heads: list[tuple[int, int, str]] = []  # (start of heading, start of text, name)
    # Found from their underlines: a search for "\n=" skips from line to line, where
    # a pattern starting at the heading was tried at every character.
    for match in _UNDERLINE_RE.finditer(body, 0, end):
        at = match.start()  # the newline ending the heading line
        start = body.rfind("\n", 0, at) + 1
        if start == at or body[start].isspace() or body[start] == "=":
            continue
        name = body[start:at].strip()
        if abs(len(match.group(1)) - len(name)) <= 2:
            heads.append((start, match.end(), name))
            if len(heads) >= MAX_SECTIONS:
                break  # the rest is text of the last section
    sections: list[Section] = []
    preface = body[: heads[0][0] if heads else end].strip("\n").rstrip()
    if preface:
        name = "PREFACE"
        if "article applies to" in preface.lower():
            name = "APPLIES TO"
            preface = _RULE_LINE_RE.sub("", preface).strip()
        if preface:
            line = first_line + body.count("\n", 0, body.index(preface[:20]))
            sections.append(Section(name, preface, line))
    line = first_line
    counted = 0
    for n, (start, text_start, name) in enumerate(heads):
        stop = heads[n + 1][0] if n + 1 < len(heads) else end
        line += body.count("\n", counted, start)
        counted = start
        content = body[text_start:stop].strip("\n").rstrip()
        if "\t" in content or " \n" in content:
            content = "\n".join(part.rstrip() for part in content.split("\n"))
        sections.append(Section(name, content, line))
    return sections


def document(article: Article) -> Document:
    """The tree of an MS KB article, from its sections."""
    return kb_document(article.sections)
