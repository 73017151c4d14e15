"""Finding article files and parsing them into one `Article` model.

Two input styles share the model:

* MS KB style (the public archive and Q98097): Jekyll front matter, `{% raw %}` lines,
  tab-indented header fields (`Article:`, `Product(s):` ...) and headings underlined
  with `=====`.
* Plain Markdown with YAML front matter (`id`, `title`, `products` ...) and `##`
  headings, so a team can write its own articles.

Reading is defensive: a file that is not an article (binary, empty, not text, too big,
a FIFO, a broken symlink) raises `ArticleSkip`, which loaders report and move past.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import compress
from pathlib import Path

import yaml

from kbassist.sanitize import display_path, displayable, sanitize

#: Articles bigger than this are skipped: the archive's largest is 178 KB.
MAX_ARTICLE_BYTES = 4 * 1024 * 1024

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
_QREF_RE = re.compile(r"(?<![A-Za-z0-9])Q(\d{4,7})(?!\d)", re.ASCII)
_TITLE_PREFIX_RE = re.compile(r"^Q\d{3,7}:\s*")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"],
        start=1,
    )
}


class ArticleSkip(Exception):
    """This file is not an article we can read; the message says why."""


@dataclass(frozen=True, slots=True)
class Section:
    """One headed part of an article, in document order."""

    name: str
    text: str
    line: int  # 1-based line of the heading in the source file

    @property
    def key(self) -> str:
        """Lower-case name without spaces, as typed in `section:cause` filters."""
        return section_key(self.name)


@dataclass(frozen=True, slots=True)
class Article:
    """One support article, whatever file format it came from."""

    id: str
    title: str
    source: Path
    content_hash: str
    style: str  # "mskb" or "markdown"
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


def section_key(name: str) -> str:
    """`MORE INFORMATION` -> `moreinformation`: the form filters and citations use."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def normalize_id(article_id: str) -> str:
    """Ids compare case-insensitively: `q98097` finds `Q98097`."""
    return article_id.strip().casefold()


# --------------------------------------------------------------------------- reading


def read_text(path: Path, root: str | None = None) -> tuple[str, bytes]:
    """Read an article file as text, refusing what is not a small regular text file.

    With `root` (a resolved folder), the file actually opened must lie inside it: a
    symlink to ~/.aws/credentials, even one swapped in after indexing, is refused.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ArticleSkip(MISSING) from None
    except OSError as exc:
        raise ArticleSkip(f"cannot read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise ArticleSkip("not a regular file")
    if info.st_size > MAX_ARTICLE_BYTES:
        raise ArticleSkip(f"larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MB")
    try:
        # O_NONBLOCK: if the file was swapped for a FIFO since stat, open must not hang.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise ArticleSkip(f"cannot open: {exc.strerror or exc}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ArticleSkip("not a regular file")
        if root is not None and not is_inside(_opened_path(fd, path), root):
            raise ArticleSkip(OUTSIDE_FILE)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        raise ArticleSkip(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleSkip(f"larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MB")
    return decode(data), data


#: Why a symlink out of the articles folder is neither indexed nor shown.
OUTSIDE_FILE = "symlink to a file outside the articles folder: not followed"
OUTSIDE_FOLDER = "symlink to a folder outside the articles folder: not followed"


def is_inside(real: str, root: str) -> bool:
    """True when the resolved path `real` is `root` itself or below it (both resolved)."""
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _opened_path(fd: int, path: Path) -> str:
    """Where the open file really is: the kernel's name for `fd`, which no swap of a
    path component after the open can change; else (no /proc) the path resolved now."""
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return os.path.realpath(path)


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or BOM-marked UTF-16; else refuse."""
    if not data.strip():
        raise ArticleSkip("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ArticleSkip("not valid UTF-16 text") from None
    else:
        if b"\x00" in data:
            raise ArticleSkip("binary file (contains NUL bytes)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ArticleSkip(f"not UTF-8 text (bad byte at offset {exc.start})") from None
    if "\x00" in text:
        raise ArticleSkip("binary file (contains NUL bytes)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def content_hash(data: bytes) -> str:
    """A short, stable digest: the incremental indexer compares these."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def load_article(path: str | Path, root: str | None = None) -> Article:
    """Read and parse one file; raises ArticleSkip when it is not an article.

    `root`: the resolved articles folder the file must really be in (see read_text).
    """
    path = Path(path)
    text, data = read_text(path, root)
    return parse_article(text, path, content_hash(data))


def parse_article(text: str, source: Path, digest: str = "") -> Article:
    """Parse article text in whichever style it is written."""
    if not digest:
        digest = content_hash(text.encode("utf-8"))
    if _looks_mskb(text):
        return _parse_mskb(text, source, digest)
    return _parse_markdown(text, source, digest)


def _looks_mskb(text: str) -> bool:
    head = text[:4000]
    return "\tArticle: " in head or "\nArticle: " in head or "{% raw %}" in head


# --------------------------------------------------------------------------- MS KB style


def _split_front_matter(text: str) -> tuple[str, str, int]:
    """(front matter, body, line number where body starts); no front matter -> ''."""
    if not text.startswith("---\n"):
        return "", text, 1
    end = text.find("\n---", 3)
    while end != -1:
        after = text[end + 4 : end + 5]
        if after in ("\n", ""):
            fm = text[4 : end + 1]
            body = text[end + 5 :]
            return fm, body, fm.count("\n") + 3
        end = text.find("\n---", end + 4)
    return "", text, 1


def _simple_front_matter(fm: str) -> dict[str, str]:
    """Jekyll front matter of the archive is flat `key: value`; YAML would be 20x slower."""
    values: dict[str, str] = {}
    for line in fm.splitlines():
        key, sep, value = line.partition(":")
        if not sep or not key.strip() or key.startswith((" ", "\t")):
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            try:
                value = json.loads(value)
            except ValueError:
                value = value[1:-1]
        elif len(value) >= 2 and value[0] == value[-1] == "'":
            value = value[1:-1].replace("''", "'")
        values[key.strip().lower()] = str(value)
    return values


def _parse_date(value: str) -> date | None:
    value = value.strip()
    match = re.match(r"^(\d{1,2})-([A-Za-z]{3})-(\d{4})$", value)
    if match:
        month = _MONTHS.get(match.group(2).upper())
        if month:
            try:
                return date(int(match.group(3)), month, int(match.group(1)))
            except ValueError:
                return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _split_list(value: str, sep: str = ",") -> tuple[str, ...]:
    return tuple(item for item in (_plain(part) for part in value.split(sep)) if item)


def _plain(value: object) -> str:
    """One field value as text without terminal control (YAML's "\\e" and HTML's
    "&#27;" make an ESC after the body was sanitized; ids and products are printed)."""
    return sanitize(str(value)).strip()


def _clean_title(title: str) -> str:
    title = html.unescape(title).strip()
    title = _TITLE_PREFIX_RE.sub("", title)
    return " ".join(sanitize(title).split())


def _references(text: str, own_id: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    own = normalize_id(own_id)
    for number in _QREF_RE.findall(text):
        ref = f"Q{number}"
        if normalize_id(ref) != own:
            seen.setdefault(ref, None)
    return tuple(seen)


_LIQUID_SUB_RE = re.compile(r"^[ \t]*\{%-?\s*(?:end)?raw\s*-?%\}[ \t]*$", re.MULTILINE)
_HEADING_RE = re.compile(r"^([^\s=][^\n]*)\n(=+)[ \t]*$", re.MULTILINE)
_QUERY_WORDS_SEARCH_RE = re.compile(r"^Additional query words:([^\n]*)$", re.MULTILINE | re.I)
_FOOTER_SEARCH_RE = re.compile(r"^={20,}\n(?:Keywords|Technology)", re.MULTILINE)
_RULE_LINE_RE = re.compile(r"^-{10,}$", re.MULTILINE)


def _parse_mskb(text: str, source: Path, digest: str) -> Article:
    """Whole-text regexes, not a per-line loop: 60,335 files must parse in seconds."""
    fm_text, body, first_line = _split_front_matter(text)
    fm = _simple_front_matter(fm_text)
    # Blank (not delete) template lines so line numbers stay those of the file.
    body = _LIQUID_SUB_RE.sub("", body)
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
    match = _QUERY_WORDS_SEARCH_RE.search(body)
    if match:
        query_words = match.group(1).split()
        end = match.start()
    else:
        footer = _FOOTER_SEARCH_RE.search(body)
        if footer:
            end = footer.start()
    sections = _mskb_sections(body, end, first_line)

    article_id = _plain(header.get("id", "")) or _id_from_path(source)
    title = fm.get("title") or title_line or article_id
    title = _clean_title(title) or article_id
    all_text = "\n".join(s.text for s in sections)
    return Article(
        id=article_id,
        title=title,
        source=source,
        content_hash=digest,
        style="mskb",
        products=_split_list(html.unescape(header.get("products", ""))),
        versions=_split_list(header.get("versions", "")),
        operating_systems=_split_list(header.get("operating_systems", "")),
        keywords=tuple(_plain(header.get("keywords", "")).split()),
        last_modified=_parse_date(header.get("last_modified", "")),
        sections=tuple(sections),
        references=_references(all_text, article_id),
        query_words=tuple(query_words),
        link=article_link(fm.get("url") or fm.get("link")),
    )


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
    for match in _HEADING_RE.finditer(body, 0, end):
        name = match.group(1).strip()
        if abs(len(match.group(2)) - len(name)) <= 2:
            heads.append((match.start(), match.end(), name))
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


def _id_from_path(source: Path) -> str:
    stem = source.stem
    if stem.lower() in ("readme", "index") and source.parent.name:
        stem = source.parent.name
    # A name that is not UTF-8 (`caf\xe9.md`) arrives surrogate-escaped; an id is text
    # to print and to store, so its bad bytes become U+FFFD (`caf\ufffd`).
    return _plain(displayable(stem)) or "untitled"


# --------------------------------------------------------------------------- Markdown style


def _as_tuple(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return _split_list(value)
    if isinstance(value, (list, tuple)):
        return tuple(text for text in (_plain(v) for v in value if v is not None) if text)
    return (_plain(value),) if _plain(value) else ()


def _parse_markdown(text: str, source: Path, digest: str) -> Article:
    fm_text, body, first_line = _split_front_matter(text)
    meta: dict[str, object] = {}
    if fm_text:
        if len(fm_text) > MAX_FRONT_MATTER_CHARS:
            raise ArticleSkip(f"front matter is longer than {MAX_FRONT_MATTER_CHARS} characters")
        try:
            loaded = yaml.load(fm_text, Loader=_SafeLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark is not None else ""
            raise ArticleSkip(f"front matter is not valid YAML{where}") from None
        except (ValueError, OverflowError) as exc:
            # YAML's constructors raise these for values that look typed but are not:
            # `last_modified: 2020-13-45` is a timestamp with month 13.
            raise ArticleSkip(f"front matter holds an impossible value ({exc})") from None
        if not _small(loaded):
            raise ArticleSkip(
                f"front matter expands to more than {MAX_FRONT_MATTER_ITEMS} values or "
                f"nests deeper than {MAX_FRONT_MATTER_DEPTH} (YAML aliases?)"
            )
        if isinstance(loaded, dict):
            meta = {str(k).lower(): v for k, v in loaded.items()}
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
    article_id = _plain(meta.get("id") or "") or _id_from_path(source)
    title = str(meta.get("title") or h1 or article_id)
    modified = meta.get("last_modified") or meta.get("date") or meta.get("updated")
    if isinstance(modified, datetime):
        modified = modified.date()
    if not isinstance(modified, date):
        modified = _parse_date(str(modified)) if modified else None
    keywords = meta.get("keywords") or meta.get("tags")
    keyword_tuple = (
        tuple(_plain(keywords).split()) if isinstance(keywords, str) else _as_tuple(keywords)
    )
    all_text = "\n".join(s.text for s in sections)
    return Article(
        id=article_id,
        title=_clean_title(title) or article_id,
        source=source,
        content_hash=digest,
        style="markdown",
        products=_as_tuple(meta.get("products") or meta.get("product")),
        versions=_as_tuple(meta.get("versions") or meta.get("version")),
        operating_systems=_as_tuple(meta.get("operating_systems") or meta.get("os")),
        keywords=keyword_tuple,
        last_modified=modified,
        sections=tuple(sections),
        references=_references(all_text, article_id),
        link=article_link(meta.get("url") or meta.get("link")),
    )


_LINK_RE = re.compile(
    r"https?://[A-Za-z0-9.-]+(?::\d{1,5})?(?:/[A-Za-z0-9._~!$&'()*+,;=:@%/?#-]*)?"
)


def article_link(value: object) -> str:
    """An http(s) address as given in front matter, or "" for anything else.

    Only a plain web address is kept (no spaces, quotes or angle brackets, at most 2,000
    characters): exports print it as a link, so `javascript:` or a relative permalink
    (`/kb/098/Q98097/`, which says nothing outside its own site) is no link.
    """
    if not isinstance(value, str):
        return ""
    text = value.strip()
    if len(text) > 2000 or not _LINK_RE.fullmatch(text):
        return ""
    return text


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: An article keeps at most this many headed sections; later headings stay text of
#: the last one. A 4 MB file of `## x` lines is 280,000 headings: every one a section
#: (and, in the TUI, a widget) made the file cost seconds and hundreds of MB each time.
MAX_SECTIONS = 1000

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
    return bool(close) and close.group(1)[0] == fence[0] and len(close.group(1)) >= len(fence)


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


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Front matter is a few keys; more than this (read as YAML, or expanded) is an attack
#: or an accident: 3 MB of `key: value` took 5 s and some 100 MB to load.
MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_FRONT_MATTER_ITEMS = 10_000
MAX_FRONT_MATTER_DEPTH = 32


def _small(value: object) -> bool:
    """False when loaded YAML expands past the caps.

    Aliases share one object per anchor, so loading nine levels of nine `*a` costs
    nothing, but turning a value into text (`str(title)`) walks all 9**9 of them: the
    parser hung. The walk stops as soon as the budget is spent.
    """
    stack: list[tuple[object, int]] = [(value, 0)]
    budget = MAX_FRONT_MATTER_ITEMS
    while stack:
        item, depth = stack.pop()
        budget -= 1
        if budget < 0 or depth > MAX_FRONT_MATTER_DEPTH:
            return False
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for pair in item.items() for child in pair)
        elif isinstance(item, (list, tuple, set)):
            stack.extend((child, depth + 1) for child in item)
    return True


# --------------------------------------------------------------------------- folders


#: Why a file the scan listed cannot be read at all.
MISSING = "missing (broken symlink or deleted)"


#: One `*.md` the folder scan found: (rel, path, stat, skip). `rel` is its posix path
#: below the articles folder (its key in the index), `path` the path to open, `stat`
#: None when it cannot be read, and `skip` why it must not be read ("" = read it).
#: A plain tuple: building 60,335 named ones was 5% of a no-op re-index.
FileEntry = tuple[str, str, "os.stat_result | None", str]


def iter_article_files(root: Path) -> Iterator[Path]:
    """Every `*.md` below `root` the scan would read, skipping hidden names."""
    for _rel, path, _info, skip in scan_articles(root):
        if skip in ("", MISSING):
            yield Path(path)


def scan_articles(root: Path) -> list[FileEntry]:
    """Every `*.md` below `root`, in a stable order (folder by folder, names sorted).

    Plain strings and scandir, not pathlib: a no-op re-index of 60,335 files is mostly
    this walk. Symlinks are followed only when they resolve inside `root`; one that
    leads out (to ~/.aws/credentials, another team's folder) is listed with its `skip`
    reason and never read. A linked folder is walked once, and never when it is an
    ancestor of itself (a loop); a file reached both directly and through links is
    listed once, under its own name.
    """
    sep = os.sep
    root_path = os.fspath(root)
    root_real = os.path.realpath(root_path)
    root_prefix = root_real if root_real.endswith(sep) else root_real + sep
    found: list[FileEntry] = []
    # Reached through a symlink: (entry, resolved path), kept unless found directly.
    linked: list[tuple[FileEntry, str]] = []
    followed = {root_prefix}
    # (folder to list, its key prefix, its resolved path + "/" when reached through a
    # link; "" when reached directly: then it is root_prefix + key prefix, not computed)
    stack: list[tuple[str, str, str]] = [(root_path, "", "")]
    while stack:
        folder, prefix, via = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name, reverse=True)
        except OSError:
            continue
        files: list[os.DirEntry[str]] = []
        # Links, rare: (entry, resolved path, why it is skipped or "")
        links: list[tuple[os.DirEntry[str], str, str]] = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, f"{prefix}{name}/", f"{via}{name}/" if via else ""))
                    continue
                is_link = entry.is_symlink()
            except OSError:
                is_link = False
            if is_link:
                target = os.path.realpath(entry.path)
                target_prefix = target if target.endswith(sep) else target + sep
                if os.path.isdir(entry.path):
                    if not target_prefix.startswith(root_prefix):
                        links.append((entry, "", OUTSIDE_FOLDER))
                    elif target_prefix not in followed and not (
                        via or root_prefix + prefix
                    ).startswith(target_prefix):  # not a loop back to an ancestor
                        followed.add(target_prefix)
                        stack.append((entry.path, f"{prefix}{name}/", target_prefix))
                elif name.lower().endswith(".md"):
                    inside = target_prefix.startswith(root_prefix)
                    links.append((entry, target, "" if inside else OUTSIDE_FILE))
            elif name.lower().endswith(".md"):
                if via:
                    links.append((entry, via + name, ""))
                else:
                    files.append(entry)
        for entry in reversed(files):
            try:
                info: os.stat_result | None = entry.stat()
            except OSError:
                info = None
            found.append(
                (f"{prefix}{entry.name}", entry.path, info, "" if info is not None else MISSING)
            )
        for entry, through, skip in reversed(links):
            rel = f"{prefix}{entry.name}"
            if skip:
                found.append((rel, entry.path, None, skip))
                continue
            try:
                info = entry.stat()
            except OSError:
                info = None
            linked.append(((rel, entry.path, info, "" if info is not None else MISSING), through))
    if linked:
        seen = {root_prefix + rel for rel, _path, _info, skip in found if not skip}
        for item, through in linked:
            if through not in seen:
                seen.add(through)
                found.append(item)
    return found


@dataclass(frozen=True, slots=True)
class Problem:
    """A file that was skipped, and why: reported once, together with the others."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{display_path(self.path)}: {self.message}"


def load_folder(root: Path) -> tuple[list[Article], list[Problem]]:
    """Parse every article below `root`: (loaded, failed), never stopping on a bad file."""
    loaded: list[Article] = []
    failed: list[Problem] = []
    root_real = os.path.realpath(root)
    for _rel, path, _info, skip in scan_articles(root):
        try:
            if skip:
                raise ArticleSkip(skip)
            loaded.append(load_article(path, root_real))
        except ArticleSkip as exc:
            failed.append(Problem(Path(path), str(exc)))
    return loaded, failed
