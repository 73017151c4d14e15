"""Header fields: front matter (YAML, else `key: value` lines), dates, products, links.

Shared by every format: what an article says about itself, as opposed to its body.
"""

from __future__ import annotations

import html
import json
import os
import re
from datetime import date, datetime
from pathlib import Path

import yaml

from kbassist.articles.model import normalize_id
from kbassist.articles.reading import ArticleSkip
from kbassist.sanitize import displayable, sanitize

# "Q" first, its look-behind after it: the same matches as `(?<![A-Za-z0-9])Q...`, but
# the regex engine can skip to each "Q" instead of testing every position (20x faster
# over an archive article; a full build reads 60,335 of them).
_QREF_RE = re.compile(r"Q(?<![A-Za-z0-9]Q)(\d{4,7})(?!\d)", re.ASCII)
_TITLE_PREFIX_RE = re.compile(r"^Q\d{3,7}:\s*")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"],
        start=1,
    )
}


def split_front_matter(text: str) -> tuple[str, str, int]:
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


def simple_front_matter(fm: str) -> dict[str, str]:
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


_US_DATE_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_date(value: str) -> date | None:
    """`09-NOV-1999` (MS KB), `09/15/2020` (Microsoft Docs' ms.date), ISO; else None."""
    value = value.strip()
    us = _US_DATE_RE.match(value)
    if us:
        try:
            return date(int(us.group(3)), int(us.group(1)), int(us.group(2)))
        except ValueError:
            return None
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


def split_list(value: str, sep: str = ",") -> tuple[str, ...]:
    return tuple(item for item in (plain(part) for part in value.split(sep)) if item)


def plain(value: object) -> str:
    """One field value as text without terminal control (YAML's "\\e" and HTML's
    "&#27;" make an ESC after the body was sanitized; ids and products are printed)."""
    return sanitize(str(value)).strip()


def clean_title(title: str) -> str:
    title = html.unescape(title).strip()
    title = _TITLE_PREFIX_RE.sub("", title)
    return " ".join(sanitize(title).split())


def references(text: str, own_id: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    own = normalize_id(own_id)
    for number in _QREF_RE.findall(text):
        ref = f"Q{number}"
        if normalize_id(ref) != own:
            seen.setdefault(ref, None)
    return tuple(seen)


def id_from_path(source: Path) -> str:
    stem = source.stem
    if stem.lower() in ("readme", "index") and source.parent.name:
        stem = source.parent.name
    # A name that is not UTF-8 (`caf\xe9.md`) arrives surrogate-escaped; an id is text
    # to print and to store, so its bad bytes become U+FFFD (`caf\ufffd`).
    return plain(displayable(stem)) or "untitled"


# --------------------------------------------------------------------------- Markdown style


def as_tuple(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return split_list(value)
    if isinstance(value, (list, tuple)):
        return tuple(text for text in (plain(v) for v in value if v is not None) if text)
    return (plain(value),) if plain(value) else ()


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

#: Front matter is a few keys; more than this (read as YAML, or expanded) is an attack
#: or an accident: 3 MB of `key: value` took 5 s and some 100 MB to load.
#: An article keeps at most this many headed sections; later headings stay text of
#: the last one. A 4 MB file of `## x` lines is 280,000 headings: every one a section
#: (and, in the TUI, a widget) made the file cost seconds and hundreds of MB each time.
MAX_SECTIONS = 1000

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


def read_front_matter(fm_text: str) -> tuple[dict[str, object], tuple[str, ...]]:
    """(fields by lower-case key, warnings): YAML with the safe loader first.

    Front matter that is not strict YAML but plain `key: value` lines (`title: CMG
    Task Error: Public IP`, which the sites that publish these render) is read line by
    line, the first colon splitting, with one warning. What YAML refuses for safety
    (unknown tags, aliases that explode, nesting past the caps) still skips the file.
    """
    if not fm_text:
        return {}, ()
    if len(fm_text) > MAX_FRONT_MATTER_CHARS:
        raise ArticleSkip(f"front matter is longer than {MAX_FRONT_MATTER_CHARS} characters")
    try:
        loaded = yaml.load(fm_text, Loader=_SafeLoader)
    except (yaml.scanner.ScannerError, yaml.parser.ParserError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        if "nesting depth" in str(exc.problem) or not _key_value_lines(fm_text):
            raise ArticleSkip(f"front matter is not valid YAML{where}") from None
        fields: dict[str, object] = dict(simple_front_matter(fm_text))
        return fields, (f"front matter is not valid YAML{where}: read as `key: value` lines",)
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
        return {str(k).lower(): v for k, v in loaded.items()}, ()
    return {}, ()


#: Front matter the line reader may take: `key: value` lines, indented continuations
#: (list items) and comments; anything else is not front matter of this kind.
_LINE_RE = re.compile(r"[A-Za-z_][\w.-]*[ \t]*:.*|[ \t].*|#.*|")


def _key_value_lines(fm_text: str) -> bool:
    """Whether every line is `key: value`, indented, a comment or blank."""
    return all(_LINE_RE.fullmatch(line) for line in fm_text.split("\n"))


def field_date(meta: dict[str, object]) -> date | None:
    """The article's date: `ms.date` (MM/DD/YYYY), ISO dates, `last_modified` ..."""
    for key in ("last_modified", "ms.date", "ms.data", "date", "updated", "lastmod"):
        value = meta.get(key)
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if value:
            parsed = parse_date(str(value))
            if parsed is not None:
                return parsed
    return None


#: A tag of `ms.custom` that is not part of a support area: `csstroubleshoot`, `ikb2lmc`.
_TAG_RE = re.compile(r"[a-z0-9][a-z0-9._-]*")


def _sap_areas(custom: str) -> list[str]:
    """The `sap:` paths of an `ms.custom` list, whose own text may hold commas.

    `sap:Active Directory\\User, computer, group, and object management, csstroubleshoot`
    is one area then one tag: each `sap:` runs to the next one, less the one-word
    lower-case tags that end the run.
    """
    runs: list[list[str]] = []
    for part in custom.split(","):
        word = part.strip()
        if word.casefold().startswith("sap:"):
            runs.append([word[4:].strip()])
        elif runs:
            runs[-1].append(word)
    areas = []
    for run in runs:
        while len(run) > 1 and (not run[-1] or _TAG_RE.fullmatch(run[-1])):
            run.pop()
        areas.append(", ".join(run))
    return areas


def field_areas(meta: dict[str, object]) -> tuple[str, ...]:
    """Support areas: `ms.custom: sap:...` paths and `ms.prod-support-area-path`."""
    areas: list[str] = []
    custom = meta.get("ms.custom")
    for text in custom if isinstance(custom, list) else [custom]:
        if isinstance(text, str):
            areas.extend(_sap_areas(text))
    path = meta.get("ms.prod-support-area-path")
    if isinstance(path, str) and path.strip():
        areas.append(path.strip())
    return tuple(dict.fromkeys(plain(a) for a in areas if plain(a)))


def field_products(meta: dict[str, object]) -> tuple[str, ...]:
    """Products the author listed: `products`/`product`."""
    for key in ("products", "product"):
        found = as_tuple(meta.get(key))
        if found:
            return found
    return ()


#: Microsoft Docs' `ms.service`/`ms.prod` slugs whose name is not the slug's words
#: title-cased; the others read well that way (`exchange-online`: Exchange Online).
_SLUG_NAMES = {
    "sql": "SQL Server",
    "windows-client": "Windows",
    "windows-server": "Windows Server",
    "sharepoint-server": "SharePoint Server",
    "sharepoint-online": "SharePoint Online",
    "msteams": "Microsoft Teams",
    "iis": "IIS",
    "dotnet": ".NET",
}


def slug_products(meta: dict[str, object]) -> tuple[str, ...]:
    """Products named by a site's slug (`ms.service`, `ms.prod`), as a person names them:
    `sql` is SQL Server, or `--product sql` would pick the slug alone, not "SQL Server"."""
    for key in ("ms.service", "ms.prod"):
        found = as_tuple(meta.get(key))
        if found:
            return tuple(
                _SLUG_NAMES.get(slug.casefold())
                or " ".join(word[:1].upper() + word[1:] for word in re.split(r"[-_]+", slug))
                for slug in found
            )
    return ()


_APPLIES_RE = re.compile(
    r"^[ \t]*[_*]*(?:Applies to|Original product version):?[_*]*:?[ \t]*"
    r"(?:&nbsp;|\xa0|[ \t])*(.+)$",
    re.M,
)
_ORIGINAL_KB_RE = re.compile(r"Original KB number:[_*]*[ \t]*(?:&nbsp;|\xa0|[ \t])*(\d{4,7})\b")


def body_applies_to(body: str) -> tuple[str, ...]:
    """The products of an "Applies to:" (or "Original product version:") line near the top
    of a body."""
    match = _APPLIES_RE.search(body, 0, 4000)
    if not match:
        return ()
    products: list[str] = []
    for part in split_list(match.group(1).replace("&nbsp;", " ").rstrip(" \\")):
        part = _DASH_RE.sub(" - ", part)  # "Windows 10 – all editions" is "... - all ..."
        if products and _QUALIFIER_RE.match(part):
            products[-1] += f", {part}"  # "Windows 10, version 1809" is one product
        else:
            products.append(part)
    return tuple(dict.fromkeys(products))


#: An Applies-to item that qualifies the product before it ("Windows 10, version 1809").
_QUALIFIER_RE = re.compile(r"(?:version|build)\s+\w|update\s+\d", re.IGNORECASE)
_DASH_RE = re.compile(r"\s+[\u2013\u2014]\s+")


def original_kb(body: str) -> str:
    """ "_Original KB number:_ 282272" -> "Q282272": the article it continues, or ""."""
    match = _ORIGINAL_KB_RE.search(body, 0, 6000)
    return f"Q{match.group(1)}" if match else ""


def folder_area(source: Path, root: str) -> str:
    """The folder below `root` (resolved) an article sits in: `openshift/cluster-etcd-operator`,
    "" at the top or outside."""
    parent = os.path.realpath(source.parent)
    if parent == root or not parent.startswith(root.rstrip(os.sep) + os.sep):
        return ""
    return plain(displayable(os.path.relpath(parent, root).replace(os.sep, "/")))
