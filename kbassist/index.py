"""The search index: the ONLY module that imports whoosh.

The article files are the source of truth; the index is a cache of them that is always
the previous state, the new state, or detected as damaged and rebuilt.

Layout of an index folder (created 0700)::

    write.lock        flock held by the one process writing; holds its pid
    CURRENT           name of the live generation, replaced atomically
    gen-<stamp>/      a whoosh index (compound=False: opening it reads ~KB, not the
                      whole index) and manifest.json (path -> mtime, size, hash, id),
                      meta.json (schema, folder, count, size of each index file),
                      RETIRED (touched when a rebuild replaced it: kept a minute for
                      readers) and DAMAGED (left by a reader that found it unreadable)

Incremental updates commit into the live generation (whoosh commits are atomic: a
reader sees the old or the new table of contents). A full rebuild writes a new
generation beside the live one and swaps CURRENT, so a reader never sees an empty index.
A reader whose files a commit deleted reopens and reads again (`_reading`); status()
compares the files with meta.json before use. The README's "Reliability" section says
what is promised and which tests show it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import heapq
import itertools
import json
import os
import pickle
import re
import shutil
import stat
import struct
import threading
import time
import weakref
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from whoosh import columns, fields, index, qparser, query
from whoosh.analysis import Analyzer, Token
from whoosh.collectors import WrappingCollector
from whoosh.filedb.filetables import FileFormatError
from whoosh.lang.porter import stem as _porter
from whoosh.reading import CorruptIndexError

from kbassist.articles import (
    MISSING,
    Article,
    ArticleSkip,
    FileEntry,
    Problem,
    content_hash,
    load_article,
    normalize_id,
    qualified_ids,
    read_text,
    scan_articles,
)
from kbassist.errors import (
    AmbiguousIdError,
    DataError,
    IndexBusyError,
    NotFoundError,
    OutputError,
    UsageError,
)
from kbassist.fileio import atomic_write
from kbassist.sanitize import display_path, displayable, sanitize

#: Bump when the schema, the analyzer or the parser changes: older indexes are rebuilt.
SCHEMA_VERSION = 6
MAX_QUERY_CHARS = 1000
MAX_QUERY_TERMS = 64
MAX_NESTING = 32
#: Seconds a second writer waits for the lock; KBASSIST_LOCK_TIMEOUT overrides it.
LOCK_TIMEOUT = 10.0
#: Seconds a generation replaced by a full rebuild is kept for readers still using it.
RETIRED_GRACE = 60.0

ProgressFn = Callable[[int, int], None]
_T = TypeVar("_T")
#: Reads retried when another process's commit pulled files from under them.
_READ_ATTEMPTS = 5

# ------------------------------------------------------------------------- analysis

# Admins type short names that Porter mangles: "dos" must not become "do", "ras" "ra".
_NO_STEM = frozenset(
    "dos os ms nt ras sms iis wins dns dhcp ntfs xp ups mssql sql cmos bios scsi ide".split()
)
# Whoosh's English stop words plus the glue of symptom phrasing ("hangs during backup",
# "fails after the upgrade"): they carry no meaning and would make an every-word match
# depend on wording rather than on the problem.
_STOP_WORDS = frozenset(
    "a an and are as at be by can for from have if in is it may of on or tbd that the this "
    "to us we when will with yet you your i my our its was were been being has had do does "
    "did doing than then there these those what which who whom how why all any some so but "
    "into about also would should could they them their he she his her during while after "
    "before get gets got getting am".split()
)
_TOKEN_RE = re.compile(r"\w+(?:\.\w+)*")


class KBAnalyzer(Analyzer):
    """Tokenize, lower-case, drop stop words, keep dotted versions, stem: one pass.

    The same result as a RegexTokenizer | LowercaseFilter | StopFilter | StemFilter chain,
    in a single loop: the chain's generator hops were 40% of the full-archive build.
    `95.x` and `4.0` stay whole and their parts are indexed too, so "windows 95" finds
    "Windows 95.x" while "4.0" does not match every "4".
    """

    def __init__(self) -> None:
        self._stems: dict[str, str] = {}

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __getstate__(self) -> dict[str, object]:
        return {}  # the stem cache is not part of the schema

    def __setstate__(self, state: dict[str, object]) -> None:
        self._stems = {}

    def stem(self, word: str) -> str:
        stems = self._stems
        stemmed = stems.get(word)
        if stemmed is None:
            if len(stems) > 300_000:
                stems.clear()
            stemmed = word if word in _NO_STEM or word[0].isdigit() else _porter(word)
            stems[word] = stemmed
        return stemmed

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        token.boost = 1.0
        token.stopped = False
        if not tokenize:
            token.original = token.text = value.lower()
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        stem = self.stem
        stops = _STOP_WORDS
        # CamelCase names (runbook alerts, "NetBIOS", "PowerPoint") are indexed whole and
        # as their words: one C-speed scan of the value, a dict lookup per word after.
        camel = _camel_parts(value)
        for pos, match in enumerate(_TOKEN_RE.finditer(value.lower())):
            word = match.group(0)
            if word in stops:
                continue
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            if keeporiginal:
                token.original = word
            if "." in word or "_" in word:
                token.text = word
                yield token
                for part in _PART_RE.split(word):
                    if part and (len(part) > 1 or part.isdigit()) and part not in stops:
                        token.text = stem(part)
                        yield token
            else:
                token.text = stem(word)
                yield token
            if word[0].isdigit() or len(word) == 8:
                code = hex_code(word)
                if code is not None and code != word:
                    token.text = code
                    yield token
            if camel and word in camel:
                for part in camel[word]:
                    if part not in stops:
                        token.text = stem(part)
                        yield token


_PART_RE = re.compile(r"[._]")
_CAMEL_WORD_RE = re.compile(r"\b[A-Za-z0-9]*[a-z][A-Z]\w*")
_CAMEL_PART_RE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_HEX_DIGITS = frozenset("0123456789abcdef")


def _camel_parts(value: str) -> dict[str, list[str]]:
    """Lower-cased camelCase words of `value` -> their lower-cased parts."""
    found: dict[str, list[str]] = {}
    for match in _CAMEL_WORD_RE.finditer(value):
        word = match.group(0)
        parts = [p.lower() for p in _CAMEL_PART_RE.findall(word) if len(p) > 1]
        if len(parts) > 1:
            found[word.lower()] = parts
    return found


def hex_code(word: str) -> str | None:
    """One spelling for an error code: 0x0000000A, 0xA, 0000000A and 0a all give "0xa".

    A word counts as a code when it says so (0x...), is eight hex digits (80004005,
    C0000005), or starts with 0 and holds a hex letter ("stop 0a").
    """
    if word.startswith("0x"):
        digits = word[2:]
        if not digits or not _HEX_DIGITS.issuperset(digits):
            return None
    elif len(word) == 8 or (len(word) >= 2 and word[0] == "0" and not word.isdigit()):
        digits = word
        if not _HEX_DIGITS.issuperset(digits):
            return None
    else:
        return None
    return "0x" + (digits.lstrip("0") or "0")


#: Admins' shorthand -> the words articles use. Reviewed by hand; a word with a known
#: prefix and a version ("xl97", "iis4", "w2k") is split by `_PREFIXES` instead.
SHORTHAND = {
    "bsod": "blue screen",
    "gpf": "general protection fault",
    "wfw": "windows for workgroups",
    "wfwg": "windows for workgroups",
    "dun": "dial-up networking",
    "vc++": "visual c++",
    "vb": "visual basic",
    "vba": "visual basic applications",
    "vfp": "visual foxpro",
    "ie": "internet explorer",
    "oe": "outlook express",
    "exch": "exchange",
    "xl": "excel",
    "ppt": "powerpoint",
    "dc": "domain controller",
    "ad": "active directory",
    "gpo": "group policy",
    "k8s": "kubernetes",
    "ocp": "openshift",
    "pvc": "persistent volume claim",
    "svc": "service",
    "config": "configuration",
    "cant": "cannot",
    "wont": "will not",
    "doesnt": "does not",
}
_PREFIXES = {
    "nt": "nt",
    "win": "windows",
    "w": "windows",
    "wfw": "windows for workgroups",
    "vc": "visual c++",
    "vb": "visual basic",
    "vfp": "visual foxpro",
    "sp": "service pack",
    "xl": "excel",
    "wd": "word",
    "ppt": "powerpoint",
    "ol": "outlook",
    "exch": "exchange",
    "ie": "internet explorer",
    "iis": "iis",
    "sql": "sql server",
    "o": "office",
    "office": "office",
    "word": "word",
    "excel": "excel",
    "access": "access",
    "outlook": "outlook",
    "windows": "windows",
    "exchange": "exchange",
    "foxpro": "foxpro",
    "sms": "sms",
    "mac": "macintosh",
}
_SHORT_VERSION_RE = re.compile(r"([a-z]+)(\d{1,4}(?:\.\d+)?|2k\d?)")


def _expansion(word: str) -> str | None:
    """What a shorthand word stands for, or None: "nt4" -> "nt 4", "w2k" -> "windows 2000"."""
    if word in SHORTHAND:
        return SHORTHAND[word]
    match = _SHORT_VERSION_RE.fullmatch(word)
    if match and match.group(1) in _PREFIXES:
        version = match.group(2)
        if version.startswith("2k"):
            version = "2000" if version == "2k" else f"200{version[2:]}"
        elif len(version) == 2 and version.isdigit() and version[0] != "9":
            version = f"{version[0]}.{version[1]}"  # "sql65" is 6.5, "exch55" 5.5
        return f"{_PREFIXES[match.group(1)]} {version}"
    return None


def _word_forms(tokens: list[str]) -> tuple[str, ...]:
    """The forms one typed word is found by: itself, its error-code spelling, and for a
    version ("4.0", "95.x") its leading number, which matches "NT 4" as well."""
    whole = tokens[0]
    forms = [whole]
    code = hex_code(whole)
    if code:
        forms.append(code)
    if "." in whole and whole[0].isdigit():
        forms.append(whole.split(".")[0])
    return tuple(dict.fromkeys(forms))


def query_groups(words: list[str]) -> list[tuple[str, ...]]:
    """The query as groups of equivalent index terms, one group per word the admin meant.

    A document covers a group when it holds any of its terms. Shorthand expands into a
    group per word it stands for, each still accepting the shorthand itself, so an
    article that writes "NT4" covers "nt4" as fully as one that writes "NT 4.0".
    """
    groups: list[tuple[str, ...]] = []
    for raw in " ".join(words).split():
        low = raw.lower()
        expansion = _expansion(low.strip(".,;:!?()'\""))
        tokens = [t.text for t in _ANALYZER(low)]
        if expansion:
            own = tokens[0] if tokens else None
            for piece in expansion.split():
                sub = [t.text for t in _ANALYZER(piece)]
                if sub:
                    forms = _word_forms(sub)
                    groups.append(forms + ((own,) if own and own not in forms else ()))
            continue
        if tokens:
            groups.append(_word_forms(tokens))
    return list(dict.fromkeys(groups))


class PairAnalyzer(KBAnalyzer):
    """Adjacent word pairs ("shut_down", "mail_server") of a title or problem statement.

    Indexed in their own field, they reward an article where the query's words stand
    together: cheap proximity, without reading positions at search time.
    """

    def __call__(  # type: ignore[override]
        self, value: str, positions: bool = False, chars: bool = False, **kwargs: object
    ) -> Iterator[Token]:
        token = Token(positions, chars, **kwargs)
        token.boost = 1.0
        token.stopped = False
        previous = None
        stops = _STOP_WORDS
        for match in _TOKEN_RE.finditer(value.lower()):
            word = match.group(0)
            if word in stops:
                continue
            stemmed = self.stem(word)
            if previous is not None:
                token.text = f"{previous}_{stemmed}"
                yield token
            previous = stemmed


def make_analyzer() -> KBAnalyzer:
    """The one analyzer for indexing and querying (search what is indexed)."""
    return KBAnalyzer()


_ANALYZER = make_analyzer()

SEARCH_FIELDS = ("title", "symptoms", "text", "keywords", "product")
FIELD_BOOSTS = {"title": 3.0, "symptoms": 2.0, "keywords": 1.5, "product": 1.2, "text": 1.0}


def make_schema() -> fields.Schema:
    """Fields an admin searches by, plus what the result list shows without a file read."""
    return fields.Schema(
        path=fields.ID(unique=True, stored=True),
        id=fields.ID(stored=True),
        idkey=fields.ID(),  # the id case-folded: `show q98097` finds Q98097
        title=fields.TEXT(analyzer=_ANALYZER, stored=True),
        product=fields.TEXT(analyzer=_ANALYZER),
        products=fields.KEYWORD(stored=True, commas=True, lowercase=True),
        keywords=fields.TEXT(analyzer=_ANALYZER),
        symptoms=fields.TEXT(analyzer=_ANALYZER),
        text=fields.TEXT(analyzer=_ANALYZER),
        section=fields.KEYWORD(stored=True, lowercase=True),
        pairs=fields.TEXT(analyzer=PairAnalyzer(), phrase=False),
        # Unstemmed title words: what "did you mean" suggests (real words, small lexicon).
        spell=fields.KEYWORD(lowercase=True),
        # What snippets are cut from, bounded (`snippet_source`): searching never reads
        # or parses an article file. A column, not a stored field, so reading every
        # title for the palette does not decompress every snippet source too.
        snippet=fields.COLUMN(columns.CompressedBytesColumn()),
    )


def path_key(rel: str) -> str:
    """How the index spells a file's path below the articles folder.

    Whoosh writes terms as strict UTF-8, so a name that is not UTF-8 (`caf\xe9.md`,
    surrogate-escaped by Python as `caf\udce9.md`) could not be stored: each bad byte is
    written `//XX` instead. A path never holds `//`, so every other path is stored as it
    is, and indexes written before this stay valid.
    """
    if rel.isascii() or not _SURROGATE_RE.search(rel):
        return rel
    return _SURROGATE_RE.sub(lambda m: f"//{ord(m.group(0)) - 0xDC00:02X}", rel)


def path_from_key(key: str) -> str:
    """The path `path_key` spelt `key` for (surrogate-escaped again, ready to open)."""
    if "//" not in key:
        return key
    return re.sub(r"//([89A-F][0-9A-F])", lambda m: chr(0xDC00 + int(m.group(1), 16)), key)


_SURROGATE_RE = re.compile("[\udc80-\udcff]")


def _document(article: Article, relpath: str) -> dict[str, object]:
    # The problem statement is SYMPTOMS; articles without one state it in SUMMARY.
    problem_keys = {"symptoms", "symptom"}
    if not any(s.key in problem_keys for s in article.sections):
        problem_keys = {"summary"}
    symptoms: list[str] = []
    text: list[str] = []
    for section in article.sections:
        if section.key in problem_keys:
            symptoms.append(section.text)
        elif section.key != "appliesto":
            text.append(section.text)
    return {
        "path": path_key(relpath),
        "id": article.id,
        "idkey": normalize_id(article.id),
        "title": article.title,
        "product": " ".join(article.products),
        "products": ",".join(p.replace(",", " ") for p in article.products),
        "keywords": " ".join(article.query_words + article.keywords),
        "symptoms": "\n".join(symptoms),
        "text": "\n".join(text),
        "section": " ".join(dict.fromkeys(s.key for s in article.sections if s.key)),
        "pairs": article.title + "\n" + "\n".join(symptoms),
        "spell": " ".join(dict.fromkeys(_TOKEN_RE.findall(article.title.lower()))),
        "snippet": snippet_source(article).encode("utf-8"),
    }


# ------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result, as the CLI and the TUI list it."""

    id: str
    title: str
    products: tuple[str, ...]
    score: float
    path: Path
    #: The snippet as (text, is_match) runs, so each surface can style matches its way.
    snippet: tuple[tuple[str, bool], ...] = ()
    full_match: bool = True
    #: The file's path below the articles folder: names this article even when its
    #: id is shared with another (what the TUI opens).
    ref: str = ""

    @property
    def product(self) -> str:
        return self.products[0] if self.products else ""

    @property
    def snippet_text(self) -> str:
        return "".join(text for text, _ in self.snippet)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "score": round(self.score, 4),
            "products": list(self.products),
            "path": str(self.path),
            "snippet": self.snippet_text,
            "matches": sorted({t.lower() for t, is_match in self.snippet if is_match}),
            "all_terms": self.full_match,
        }


@dataclass(slots=True)
class SearchResult:
    """Hits best first, how many matched in all, and a "did you mean" if one helps."""

    query: str
    hits: list[Hit]
    total: int
    suggestion: str | None = None
    #: True when the query found nothing and these hits are for `suggestion` instead.
    corrected: bool = False
    #: The product names the product filter matched, in their own casing.
    products: list[str] = field(default_factory=list)
    #: One line each about how the search was limited (wildcards cut short), to show.
    notices: tuple[str, ...] = ()


@dataclass(slots=True)
class UpdateReport:
    """What an index run did, for the one summary line the user reads."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    #: (id, paths of the files that claim it) for each id more than one article has.
    duplicates: list[tuple[str, list[str]]] = field(default_factory=list)
    rebuilt: str | None = None  # why a full rebuild happened, if it did
    seconds: float = 0.0

    @property
    def indexed(self) -> int:
        return self.added + self.changed + self.unchanged

    def summary(self) -> str:
        parts = [
            f"{self.indexed} articles indexed",
            f"{self.added} added",
            f"{self.changed} changed",
            f"{self.removed} removed",
        ]
        if self.problems:
            parts.append(f"{len(self.problems)} skipped")
        return ", ".join(parts) + f" in {self.seconds:.1f}s"

    def duplicate_notes(self) -> list[str]:
        """One printable line per id that several files claim, naming every file."""
        return [
            f"duplicate id {sanitize(article_id)}: "
            + ", ".join(display_path(rel) for rel in rels)
            + " (name one by its path: show, walk and draft refuse the bare id)"
            for article_id, rels in self.duplicates
        ]


def _duplicates(entries: dict[str, list[object]]) -> list[tuple[str, list[str]]]:
    """(id, paths) of each id (compared case-insensitively) that several files claim."""
    ids = [entry[3] for entry in entries.values()]
    if len(set(map(str.casefold, map(str, ids)))) == len(ids):
        return []  # the usual case, at C speed: a no-op run over 60,335 files pays ~5 ms
    keys = [str(article_id).casefold() for article_id in ids]
    by_key: dict[str, list[str]] = {}
    for key, rel in zip(keys, entries, strict=True):
        by_key.setdefault(key, []).append(rel)
    return sorted(
        (str(entries[rels[0]][3]), sorted(rels)) for rels in by_key.values() if len(rels) > 1
    )


def _shared(keys: list[str]) -> set[str]:
    """The keys that occur more than once."""
    if len(set(keys)) == len(keys):
        return set()
    return {key for key, count in Counter(keys).items() if count > 1}


def _manifest_entry(info: os.stat_result, article: Article) -> list[object]:
    """What the manifest keeps of an indexed file to tell, cheaply, that it changed.

    mtime and size alone miss an edit of the same length whose mtime was put back
    (`tar --mtime=...`, `cp -p`, `rsync -t`); the inode's change time and number cannot be
    set by a user, so a file that kept them all is the file that was indexed.
    """
    return [
        info.st_mtime_ns,
        info.st_size,
        article.content_hash,
        article.id,
        info.st_ctime_ns,
        info.st_ino,
    ]


# ------------------------------------------------------------------------- storage


class IndexDamaged(DataError):
    """The index on disk cannot be trusted; the message says what was found.

    A DataError, so a surface that meets it mid-session reports it like any bad input;
    `status()` catches it first and `ensure()`/`kbassist index` rebuild.
    """


_WHOOSH_READ_ERRORS = (
    OSError,
    EOFError,
    ValueError,
    KeyError,
    IndexError,
    AttributeError,
    TypeError,
    MemoryError,
    RecursionError,
    index.IndexError,
    OverflowError,
    pickle.UnpicklingError,
    struct.error,
    zlib.error,
    FileFormatError,
    CorruptIndexError,
)

#: What only unreadable index files raise (a bad header, a short read, a bad pickle).
_FILE_ERRORS = (
    EOFError,
    pickle.UnpicklingError,
    struct.error,
    zlib.error,
    FileFormatError,
    CorruptIndexError,
    index.IndexError,
)
#: OSErrors of the machine (memory, file handles), not of the files.
_RESOURCE_ERRNOS = frozenset(
    {errno.ENOMEM, errno.EMFILE, errno.ENFILE, errno.EAGAIN, errno.EINTR, errno.ENOBUFS}
)
#: Whoosh's modules that decode index files: a TypeError or a KeyError raised in one of
#: them comes from bytes that are not what they should be (a stored-fields column
#: deleted or overwritten raises exactly these).
_DECODING = tuple(
    os.path.join(os.path.dirname(index.__file__), name)
    for name in ("filedb", "codec", "columns.py", "index.py", "util/numlists.py", "util/varints.py")
)


def _is_resource_error(exc: BaseException) -> bool:
    """Out of memory, of stack or of file handles: the machine's limits, not the files'."""
    return isinstance(exc, (MemoryError, RecursionError)) or (
        isinstance(exc, OSError) and exc.errno in _RESOURCE_ERRNOS
    )


def _is_damage(exc: BaseException) -> bool:
    """True when `exc` says the index files are unreadable, False when it is the query's
    (or the machine's): MemoryError, RecursionError, a TypeError from query code.

    A search under `ulimit -v` ran out of memory, was taken for damage, wrote DAMAGED,
    and made the next search rebuild all 60,335 articles.
    """
    if _is_resource_error(exc):
        return False
    if isinstance(exc, (OSError, *_FILE_ERRORS)):
        return True
    tb = exc.__traceback__
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    return tb.tb_frame.f_code.co_filename.startswith(_DECODING)


class SearchFailed(UsageError):
    """A read failed for a reason that is not the index's: exit 2, and nothing written."""


def _search_failed(exc: BaseException) -> SearchFailed:
    """The one line for a read that failed without damage (MemoryError and the like)."""
    if isinstance(exc, MemoryError) or (isinstance(exc, OSError) and exc.errno == errno.ENOMEM):
        return SearchFailed("not enough memory for this search; try fewer or narrower words")
    if isinstance(exc, RecursionError):
        return SearchFailed("query is nested too deeply")
    if isinstance(exc, OSError):
        return SearchFailed(f"cannot read the index now: {exc.strerror or exc}; try again")
    detail = " ".join(str(exc).split())[:200]
    return SearchFailed(f"cannot run this query ({type(exc).__name__}: {detail})")


# ------------------------------------------------------------------------- the folder

#: Whoosh unpickles its table of contents (and stored fields): whoever can change the
#: index folder, or any folder above it, can run code as the user who searches. A
#: folder is safe when only its owner can change it, or it is sticky (a user may then
#: replace only their own entries, as in /tmp), and that owner is the user or root.
_TRUSTED_UIDS = frozenset({0, os.getuid()}) if hasattr(os, "getuid") else frozenset()
_SYMLINK_LIMIT = 40
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
#: Files in the index are read through /proc/self/fd/N, N the folder opened and checked
#: here: a folder renamed or swapped after the check is never the one read.
_FD_PATHS = os.path.isdir("/proc/self/fd")


def _owner(uid: int) -> str:
    try:
        import pwd

        return f"{pwd.getpwuid(uid).pw_name} (uid {uid})"
    except (ImportError, KeyError):
        return f"uid {uid}"


def _unsafe_above(info: os.stat_result, shown: str, index_dir: Path) -> IndexBusyError | None:
    """Why a folder above the index lets another user swap it; None when it does not."""
    if info.st_uid not in _TRUSTED_UIDS:
        return IndexBusyError(
            f"{shown} above the index folder belongs to {_owner(info.st_uid)}, who could "
            "swap the index; refusing to use it (choose another --index-dir)",
            path=index_dir,
        )
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH) and not info.st_mode & stat.S_ISVTX:
        return IndexBusyError(
            f"{shown} above the index folder is writable by other users, who could swap "
            f"the index; refusing to use it (fix with: chmod go-w {shown}, or choose "
            "another --index-dir)",
            path=index_dir,
        )
    return None


def _unsafe_index_dir(info: os.stat_result, index_dir: Path) -> IndexBusyError | None:
    """Why the index folder itself may not be trusted; None when it may."""
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return IndexBusyError(
            "index folder is writable by other users; refusing to load it "
            f"(fix with: chmod go-w {index_dir})",
            path=index_dir,
        )
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return IndexBusyError(
            f"index folder belongs to {_owner(info.st_uid)}; refusing to load it",
            path=index_dir,
        )
    return None


def _open_index_dir(index_dir: Path, *, create: bool) -> tuple[int, str] | None:
    """The index folder opened (a file descriptor), every folder from / checked on the way.

    Each step is an openat() with O_NOFOLLOW of one name in the folder opened before,
    then fstat() of what was opened: what is checked is what is used, even if a path
    is swapped meanwhile. Symbolic links are followed by hand, and only those owned by
    the user or root. Missing folders are made 0700 when `create` (whatever the
    umask), else None is returned. IndexBusyError (exit 5) for anything unsafe.
    Returns the descriptor (the caller closes it) and the folder's real path.
    """
    doing = "cannot create" if create else "cannot use"
    pending = list(Path(os.path.abspath(index_dir)).parts[1:])
    fds = [os.open("/", _DIR_FLAGS)]
    shown = ["/"]
    links = 0
    try:
        problem = _unsafe_above(os.fstat(fds[0]), "/", index_dir) if pending else None
        while pending:
            if problem is not None:
                raise problem  # before looking inside: an unsafe folder's names may lie
            name = pending.pop(0)
            if name in ("", "."):
                continue
            if name == "..":
                if len(fds) > 1:
                    os.close(fds.pop())
                    shown.pop()
                continue
            here = os.path.join(shown[-1], name)
            try:
                info = os.stat(name, dir_fd=fds[-1], follow_symlinks=False)
            except FileNotFoundError:
                if not create:
                    return None
                os.mkdir(name, 0o700, dir_fd=fds[-1])
                info = os.stat(name, dir_fd=fds[-1], follow_symlinks=False)
            if stat.S_ISLNK(info.st_mode):
                if info.st_uid not in _TRUSTED_UIDS:
                    raise IndexBusyError(
                        f"{here} on the way to the index folder is a symbolic link of "
                        f"{_owner(info.st_uid)}, who could point it elsewhere; refusing it",
                        path=index_dir,
                    )
                links += 1
                if links > _SYMLINK_LIMIT:
                    raise IndexBusyError("too many symbolic links", path=index_dir)
                target = os.readlink(name, dir_fd=fds[-1])
                if target.startswith("/"):
                    while len(fds) > 1:
                        os.close(fds.pop())
                        shown.pop()
                pending[:0] = (
                    Path(target).parts[1:] if target.startswith("/") else target.split("/")
                )
                continue
            if not stat.S_ISDIR(info.st_mode):
                if not create:
                    return None  # no index here; creating it says why it cannot be
                raise IndexBusyError(
                    f"{doing} index folder: {here} is not a folder", path=index_dir
                )
            fds.append(os.open(name, _DIR_FLAGS, dir_fd=fds[-1]))
            shown.append(here)
            if pending:
                problem = _unsafe_above(os.fstat(fds[-1]), here, index_dir)
        problem = _unsafe_index_dir(os.fstat(fds[-1]), index_dir)
        if problem is not None:
            raise problem
        return fds.pop(), shown[-1]
    except OSError as exc:
        raise IndexBusyError(
            f"{doing} index folder: {exc.strerror or exc}", path=index_dir
        ) from None
    finally:
        for fd in fds:
            os.close(fd)


def _lock_timeout() -> float:
    """KBASSIST_LOCK_TIMEOUT as set now (not at import: the TUI and tests set it later)."""
    value = os.environ.get("KBASSIST_LOCK_TIMEOUT", "").strip()
    if not value:
        return LOCK_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise UsageError(f"KBASSIST_LOCK_TIMEOUT must be a number of seconds, not {value!r}")
    return seconds


class _WriteLock:
    """One writer per index folder: an flock (freed by the kernel if the holder dies)."""

    def __init__(self, path: Path, timeout: float, shown: Path | None = None) -> None:
        self.path = path
        self.timeout = timeout
        self.shown = shown / path.name if shown is not None else path  # in messages
        self._fd: int | None = None

    def __enter__(self) -> _WriteLock:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise IndexBusyError(
                f"cannot create lock file: {exc.strerror or exc}", path=self.shown
            ) from None
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    os.close(fd)
                    raise IndexBusyError(f"cannot lock: {exc.strerror}", path=self.shown) from None
                if time.monotonic() >= deadline:
                    holder = self._holder(fd)
                    os.close(fd)
                    raise IndexBusyError(
                        f"index is busy: locked by {holder}; waited {self.timeout:g}s "
                        "(try again when it finishes)",
                        path=self.shown,
                    ) from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    @staticmethod
    def _holder(fd: int) -> str:
        try:
            pid = os.pread(fd, 32, 0).decode().strip()
        except (OSError, UnicodeDecodeError):
            pid = ""
        return f"process {pid}" if pid.isdigit() else "another process"

    def __exit__(self, *exc_info: object) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
            os.close(self._fd)
            self._fd = None


#: A note left in a generation by a reader that found it unreadable: rebuild it.
DAMAGED = "DAMAGED"


def _index_files_sizes(gen_dir: Path) -> dict[str, int]:
    """Size of every file the live table of contents uses, and of the manifest."""
    from whoosh.filedb.filestore import FileStorage

    toc = index.TOC.read(FileStorage(str(gen_dir)), index._DEF_INDEX_NAME)
    segments = tuple(f"{segment.segment_id()}." for segment in toc.segments)
    wanted = f"_{index._DEF_INDEX_NAME}_{toc.generation}.toc"
    sizes = {}
    for entry in os.scandir(gen_dir):
        if entry.name in (wanted, "manifest.json") or entry.name.startswith(segments):
            sizes[entry.name] = entry.stat().st_size
    return sizes


def _check_files(gen_dir: Path, recorded: object) -> str | None:
    """Why the generation's files differ from those meta.json recorded; None if they match.

    One scandir, no reads: a file deleted, emptied or cut short is caught here, before
    a search trips over it (meta.json from before this check records none: skipped).
    """
    if not isinstance(recorded, dict):
        return None
    try:
        present = {entry.name: entry.stat().st_size for entry in os.scandir(gen_dir)}
    except OSError as exc:
        return f"cannot list {gen_dir.name}: {exc.strerror or exc}"
    for name, size in recorded.items():
        if name not in present:
            return f"{name} missing"
        if present[name] != size:
            return f"{name} is {present[name]} bytes, not {size}"
    return None


def _clean_generation(gen_dir: Path) -> None:
    """Remove what a killed run left in the live generation.

    kbassist's `.*.tmp` (an atomic write cut short), Whoosh's `MAIN.tmp/` scratch folder
    and `_MAIN_<n>.toc.<stamp>` (a table of contents not yet renamed into place), and
    segment files that no table of contents uses (a commit killed before its TOC).
    Whoosh removes the last itself, but only at its next commit.
    """
    from whoosh.filedb.filestore import FileStorage

    for child in gen_dir.iterdir():
        if child.name.endswith(".tmp"):
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    child.unlink()
        elif ".toc." in child.name:
            with contextlib.suppress(OSError):
                child.unlink()
    with contextlib.suppress(*_WHOOSH_READ_ERRORS):
        storage = FileStorage(str(gen_dir))
        toc = index.TOC.read(storage, index._DEF_INDEX_NAME)
        index.clean_files(storage, index._DEF_INDEX_NAME, toc.generation, toc.segments)


# ------------------------------------------------------------------------- the index


def match_products(names: dict[str, str] | list[str], text: str) -> list[str]:
    """The product names a filter picks, forgiving as admins type it.

    Case is ignored and spaces are squeezed. A name equal to `text` is picked alone
    ("Microsoft Exchange" is that product, not every Exchange product); otherwise every
    name in which `text` starts a word: `exchange` and `exch` pick "Microsoft
    Exchange", `change` does not. Returns the given names (keys of a dict), sorted.
    """
    want = " ".join(text.split()).casefold()
    if not want:
        return []
    keys = list(names)
    folded = {key: " ".join(key.split()).casefold() for key in keys}
    exact = [key for key in keys if folded[key] == want]
    if exact:
        return exact
    starts_word = re.compile(r"(?<!\w)" + re.escape(want))
    return sorted((key for key in keys if starts_word.search(folded[key])), key=str.casefold)


class KBIndex:
    """The index of one articles folder, with the operations the CLI and TUI share."""

    def __init__(self, articles_dir: Path, index_dir: Path) -> None:
        self.articles_dir = Path(articles_dir).expanduser()
        self.index_dir = Path(index_dir).expanduser()
        self._ix: index.Index | None = None
        self._gen: str | None = None
        self._searcher = None
        self._root_real = str(self.articles_dir.resolve())
        self._dir_fd: int | None = None  # the index folder, as checked (_secure)
        self._dir_closer: weakref.finalize | None = None
        self._root: Path | None = None  # the path every file of the index is read by
        self._snippet_cache: tuple[object, object] | None = None  # (searcher, column)

    # ------------------------------------------------------------- the folder

    def _secure(self, *, create: bool = False) -> Path | None:
        """Check the index folder and every folder above it, again; the path to use.

        Called before every status check, write and (re)open of the index: a folder
        that became unsafe is refused at once, even in a long-lived TUI, and a folder
        replaced since the last check is read afresh. None: there is no index folder.
        """
        opened = _open_index_dir(self.index_dir, create=create)
        if opened is None:
            self.close()
            return None
        fd, real = opened
        if self._dir_fd is not None:
            old, new = os.fstat(self._dir_fd), os.fstat(fd)
            if (old.st_dev, old.st_ino) == (new.st_dev, new.st_ino):
                os.close(fd)
                assert self._root is not None
                return self._root
            self.close()  # another folder now: nothing read from the old one is kept
        self._dir_fd = fd
        self._dir_closer = weakref.finalize(self, os.close, fd)
        self._root = Path(f"/proc/self/fd/{fd}") if _FD_PATHS else Path(real)
        return self._root

    @property
    def _dir(self) -> Path:
        """The checked index folder (checked now if it was not yet)."""
        root = self._root if self._root is not None else self._secure()
        if root is None:
            raise IndexDamaged("no index yet")
        return root

    def _shown(self, text: object) -> str:
        """`text` with the /proc/self/fd path of the folder written as the user gave it."""
        text = str(text)
        if self._root is not None:
            text = text.replace(str(self._root), str(self.index_dir))
        return text

    # ------------------------------------------------------------- state on disk

    def _current_name(self) -> str | None:
        try:
            name = (self._dir / "CURRENT").read_text().strip()
        except (FileNotFoundError, NotADirectoryError):
            return None
        except (OSError, UnicodeDecodeError) as exc:
            raise IndexDamaged(f"CURRENT unreadable: {exc}") from None
        if not re.fullmatch(r"gen-[0-9a-z-]+", name):
            raise IndexDamaged("CURRENT names no generation")
        return name

    def _manifest(self, gen_dir: Path) -> dict[str, list[object]]:
        """path -> [mtime_ns, size, hash, id, ctime_ns, inode] of every indexed file (big:
        read on update; entries written before ctime was kept have the first four)."""
        data = self._read_json(gen_dir / "manifest.json")
        if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
            raise IndexDamaged("manifest malformed")
        return data

    def _meta(self, gen_dir: Path) -> dict[str, object]:
        """schema, articles folder and document count (small: read on every search)."""
        data = self._read_json(gen_dir / "meta.json")
        if not isinstance(data, dict):
            raise IndexDamaged("meta.json malformed")
        return data

    @staticmethod
    def _read_json(path: Path) -> object:
        try:
            return json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise IndexDamaged(f"{path.name} missing") from None
        except (OSError, ValueError) as exc:
            raise IndexDamaged(f"{path.name} unreadable: {exc}") from None

    def status(self) -> str | None:
        """None when the index is usable, else why it must be (re)built."""
        return self._status(writing=False)

    def _status(self, *, writing: bool) -> str | None:
        """`writing`: called by the writer, under the lock (no other writer can be busy)."""
        try:
            if self._secure() is None:
                return "no index yet"
            for _attempt in range(3):
                name = self._current_name()
                if name is None:
                    return "no index yet"
                gen_dir = self._dir / name
                meta = self._meta(gen_dir)
                if meta.get("schema") != SCHEMA_VERSION:
                    return "index was built by another version of kbassist"
                if meta.get("articles") != self._root_real:
                    return "index was built for another articles folder"
                with contextlib.suppress(OSError):
                    return "index is damaged ({})".format(
                        (gen_dir / DAMAGED).read_text("utf-8", errors="replace").strip()
                    )
                problem = _check_files(gen_dir, meta.get("files"))
                if problem is None and self.doc_count() != meta.get("count"):
                    problem = "document count differs from its manifest"
                if problem is None:
                    return None
                if writing:
                    break
                if self._writer_busy():
                    return None  # a writer between its commit and its meta.json
                if self._current_name() == name and self._meta(gen_dir) == meta:
                    break
                # A writer finished between our reads of meta.json and the files: again.
            return f"index is damaged ({problem})"
        except IndexDamaged as exc:
            return f"index is damaged ({exc})"

    def _writer_busy(self) -> bool:
        """True while another process holds the write lock."""
        try:
            fd = os.open(self._dir / "write.lock", os.O_RDONLY)
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return True
        finally:
            os.close(fd)
        return False

    def _open_whoosh(self, gen_dir: Path) -> index.Index:
        """Open a generation; retries a table of contents swapped mid-open."""
        last: Exception | None = None
        for attempt in range(5):
            try:
                ix = index.open_dir(str(gen_dir))
                with ix.reader() as reader:
                    reader.doc_count()
                return ix
            except index.EmptyIndexError as exc:
                raise IndexDamaged(f"no table of contents in {gen_dir.name}") from exc
            except FileNotFoundError as exc:
                # A commit in another process can delete the old TOC between listing
                # and opening it: look again.
                last = exc
                time.sleep(0.01 * (attempt + 1))
            except _WHOOSH_READ_ERRORS as exc:
                if _is_resource_error(exc):
                    raise _search_failed(exc) from None
                # Opening reads only the table of contents and segment headers.
                raise IndexDamaged(self._shown(f"{type(exc).__name__}: {exc}")) from exc
        raise IndexDamaged(self._shown(f"files missing: {last}"))

    def _open(self) -> index.Index:
        """The live whoosh index, reopened when another process swapped generations.

        The folder is checked again first (`_secure`, a few dozen microseconds).
        """
        if self._secure() is None:
            raise IndexDamaged("no index yet")
        name = self._current_name()
        if name is None:
            raise IndexDamaged("no index yet")
        if self._ix is None or name != self._gen:
            self._close_whoosh()
            self._ix = self._open_whoosh(self._dir / name)
            self._gen = name
        return self._ix

    def close(self) -> None:
        """Release the searcher's open files and the index folder."""
        self._close_whoosh()
        if self._dir_closer is not None:
            self._dir_closer()
        self._dir_closer = None
        self._dir_fd = None
        self._root = None

    def _close_whoosh(self) -> None:
        if self._searcher is not None:
            with contextlib.suppress(Exception):
                self._searcher.close()
            self._searcher = None
        self._scorer_cache = None
        self._snippet_cache = None
        self._ix = None
        self._gen = None

    def _get_searcher(self):  # type: ignore[no-untyped-def]
        ix = self._open()
        searcher = self._searcher
        if searcher is None:
            searcher = self._searcher = ix.searcher()
        else:
            try:
                if not searcher.up_to_date():
                    searcher = self._searcher = searcher.refresh()
            except _WHOOSH_READ_ERRORS:
                self.close()
                return self._get_searcher()
        return searcher

    # ------------------------------------------------------------- updating

    def ensure(self, progress: ProgressFn | None = None) -> UpdateReport | None:
        """Build the index if it is missing, stale or damaged; None if it was fine."""
        if self.status() is None:
            return None
        # Re-checked under the lock: a writer in another process may have just fixed it.
        return self.update(progress=progress)

    def update(
        self,
        progress: ProgressFn | None = None,
        *,
        full: bool = False,
    ) -> UpdateReport:
        """Bring the index up to date with the articles folder: incremental when it can."""
        self._check_articles_dir()
        started = time.perf_counter()
        root = self._secure(create=True)
        if root is None or not os.access(root, os.W_OK | os.X_OK):
            raise IndexBusyError("index folder is not writable", path=self.index_dir)
        with _WriteLock(root / "write.lock", _lock_timeout(), shown=self.index_dir):
            try:
                report = self._write(progress, full)
            except OutputError as exc:  # manifest.json, meta.json or CURRENT
                raise IndexBusyError(
                    f"cannot write the index: {exc.message.removeprefix('cannot write: ')}",
                    path=self._shown(exc.path),
                ) from None
            except OSError as exc:  # Whoosh's files: a full disk, a read-only mount
                raise IndexBusyError(
                    f"cannot write the index: {exc.strerror or exc}", path=self.index_dir
                ) from None
            finally:
                self.close()
        report.seconds = time.perf_counter() - started
        return report

    def _write(self, progress: ProgressFn | None, full: bool) -> UpdateReport:
        """The work of update(), lock held; a failure leaves the previous state live."""
        reason = "rebuild requested" if full else self._status(writing=True)
        report = None
        if reason is None:
            try:
                report = self._incremental(progress)
            except IndexDamaged as exc:  # e.g. a manifest that cannot be read
                self.close()
                reason = f"index is damaged ({exc})"
        if report is None:
            report = self._rebuild(progress)
            report.rebuilt = reason
        self._clean_leftovers()
        return report

    def check_articles_dir(self) -> None:
        """A clear error for a missing or unreadable articles folder, before any work."""
        self._check_articles_dir()

    def _check_articles_dir(self) -> None:
        root = self.articles_dir
        if not root.exists():
            raise DataError("articles folder does not exist", path=root)
        if not root.is_dir():
            raise DataError("articles path is not a folder", path=root)
        if not os.access(root, os.R_OK | os.X_OK):
            raise DataError("articles folder is not readable", path=root)

    def _scan(self) -> list[FileEntry]:
        found = list(scan_articles(self.articles_dir))
        if not found:
            raise DataError("articles folder holds no .md articles", path=self.articles_dir)
        return found

    def _rebuild(self, progress: ProgressFn | None) -> UpdateReport:
        files = self._scan()
        name = f"gen-{time.time_ns():x}-{os.getpid()}"
        gen_dir = self._dir / name
        gen_dir.mkdir(mode=0o700)
        try:
            ix = index.create_in(str(gen_dir), make_schema())
            workers = min(os.cpu_count() or 1, 4)
            if len(files) >= PARALLEL_MIN_FILES and workers > 1:
                report, entries = _parallel_build(ix, files, workers, progress, self._root_real)
            else:
                report, entries = _serial_build(ix, files, progress, self._root_real)
            report.duplicates = _duplicates(entries)
            self._write_manifest(gen_dir, entries)
            self._retire_live()
            atomic_write(self._dir / "CURRENT", name + "\n", overwrite=True)
        except BaseException:
            shutil.rmtree(gen_dir, ignore_errors=True)
            raise
        return report

    def _retire_live(self) -> None:
        """Mark the live generation retired, so cleanup keeps it a while for readers."""
        try:
            live = self._current_name()
        except IndexDamaged:
            return
        if live is not None:
            with contextlib.suppress(OSError):
                (self._dir / live / "RETIRED").touch()

    def _write_manifest(self, gen_dir: Path, entries: dict[str, list[object]]) -> None:
        """Manifest first, meta last: a kill between them leaves a count that disagrees."""
        atomic_write(gen_dir / "manifest.json", json.dumps(entries), overwrite=True)
        meta = {
            "schema": SCHEMA_VERSION,
            "articles": self._root_real,
            "count": len(entries),
            "files": _index_files_sizes(gen_dir),
        }
        atomic_write(gen_dir / "meta.json", json.dumps(meta), overwrite=True)

    def _incremental(self, progress: ProgressFn | None) -> UpdateReport:
        name = self._current_name()
        assert name is not None
        gen_dir = self._dir / name
        old = self._manifest(gen_dir)
        files = self._scan()
        report = UpdateReport()
        entries: dict[str, list[object]] = {}
        to_write: list[tuple[str, Article]] = []
        for done, file in enumerate(files, start=1):
            rel, _path, info, _skip = file
            previous = old.get(rel)
            if (
                previous is not None
                and info is not None
                and previous[0] == info.st_mtime_ns
                and previous[1] == info.st_size
            ):
                if (
                    len(previous) == 6
                    and previous[4] == info.st_ctime_ns
                    and previous[5] == info.st_ino
                ):
                    entries[rel] = previous
                    report.unchanged += 1
                    continue
                # Same mtime and size, but ctime or inode moved (a chmod, or an edit of
                # the same length with its mtime put back): the content hash decides,
                # without parsing. An index from before ctime was kept passes here once.
                if _same_content(file, previous, self._root_real):
                    entries[rel] = [*previous[:4], info.st_ctime_ns, info.st_ino]
                    report.unchanged += 1
                    continue
            article = _read_entry(file, report, self._root_real)
            if article is None or info is None:
                continue
            entries[rel] = _manifest_entry(info, article)
            if previous is not None and previous[2] == article.content_hash:
                report.unchanged += 1  # touched, not changed: no re-index needed
            else:
                to_write.append((rel, article))
                if previous is None:
                    report.added += 1
                else:
                    report.changed += 1
            if progress is not None and done % 500 == 0:
                progress(done, len(files))
        removed = [rel for rel in old if rel not in entries]
        report.removed = len(removed)
        if to_write or removed:
            ix = index.open_dir(str(gen_dir))
            writer = _writer(ix, limitmb=128, compound=False)
            try:
                for rel in removed:
                    writer.delete_by_term("path", path_key(rel))
                for rel, article in to_write:
                    writer.update_document(**_document(article, rel))
                writer.commit()
            except BaseException:
                with contextlib.suppress(Exception):
                    writer.cancel()
                raise
        if entries != old:
            self._write_manifest(gen_dir, entries)
        report.duplicates = _duplicates(entries)
        if progress is not None:
            progress(len(files), len(files))
        return report

    def _clean_leftovers(self) -> None:
        """Drop what killed runs left behind, and retired generations (lock held).

        A generation that never went live (a rebuild killed before its CURRENT swap)
        goes at once: no reader can have it open. One retired by a rebuild is kept for
        `RETIRED_GRACE` seconds after its retirement, for readers still using it.
        """
        try:
            live = self._current_name()
        except IndexDamaged:
            live = None
        for child in self._dir.iterdir():
            if child.name.startswith("gen-") and child.name != live:
                try:
                    retired = (child / "RETIRED").stat().st_mtime
                except OSError:
                    retired = None
                if live is None or retired is None or time.time() - retired > RETIRED_GRACE:
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    _clean_generation(child)
            elif child.name.startswith(".") and child.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    child.unlink()
        if live is not None:
            _clean_generation(self._dir / live)

    # ------------------------------------------------------------- reading

    def _reading(self, read: Callable[[], _T]) -> _T:
        """Run `read`; again on a fresh reader if another process's commit got in the way.

        A commit deletes the files of the segments it merged away at once. A reader
        opened just before reads some of them lazily (stored fields, field lengths) and
        fails: FileNotFoundError, or a TypeError from a column that is gone. When the
        index on disk has moved on since this reader opened it, that is a race, not
        damage: reopen and read again. When it has not, the index is damaged; unless
        the error is not one of unreadable files (`_is_damage`): running out of memory,
        or a TypeError in query code, fails this read with one line and marks nothing.
        """
        for attempt in range(_READ_ATTEMPTS):
            try:
                return read()
            except _WHOOSH_READ_ERRORS as exc:
                if _is_resource_error(exc) or not (_is_damage(exc) or self._moved_on(exc)):
                    self.close()
                    raise _search_failed(exc) from None
                # The first failure always gets a fresh reader: under load, a commit can
                # delete files between our open and our read before the newer table of
                # contents is visible to us. Real damage fails again on the fresh reader.
                if attempt > 0 and not self._moved_on(exc):
                    self.close()
                    why = self._shown(f"{type(exc).__name__}: {exc}")
                    self._mark_damaged(why)
                    raise IndexDamaged(
                        f"index files unreadable ({why}); the next run rebuilds the index"
                    ) from exc
                self.close()
                time.sleep(0.01 * attempt)
        raise IndexDamaged("the index kept changing while it was read; try again")

    def _mark_damaged(self, why: str) -> None:
        """Note damage found while reading, so the next status() reports it (best effort)."""
        with contextlib.suppress(IndexDamaged, OSError, OutputError):
            name = self._current_name()
            if name is not None:
                atomic_write(self._dir / name / DAMAGED, why[:500] + "\n", overwrite=True)

    def _moved_on(self, exc: BaseException) -> bool:
        """True when another process committed or swapped generations since we opened."""
        searcher = self._searcher
        if searcher is None:
            return isinstance(exc, FileNotFoundError)  # opening raced a commit
        try:
            return self._current_name() != self._gen or not searcher.up_to_date()
        except (IndexDamaged, *_WHOOSH_READ_ERRORS):
            return True

    def doc_count(self) -> int:
        return self._reading(lambda: self._open().doc_count())

    def indexed_at(self) -> float | None:
        """When the live index was last written (its meta.json's mtime), None if there
        is none: the TUI's first screen says how fresh the index is."""
        try:
            name = self._current_name()
            if name is None:
                return None
            return (self.index_dir / name / "meta.json").stat().st_mtime
        except (IndexDamaged, OSError):
            return None

    def products(self) -> list[str]:
        """Every product named in the KB, in its own casing, for the product filter."""
        return self._reading(
            lambda: sorted(self._product_names(self._get_searcher()).values(), key=str.casefold)
        )

    def match_products(self, text: str) -> list[str]:
        """The product names (own casing) the filter `text` picks: see `match_products`."""
        return self._reading(
            lambda: [
                names[term]
                for names in [self._product_names(self._get_searcher())]
                for term in match_products(names, text)
            ]
        )

    def _product_names(self, searcher) -> dict[str, str]:  # type: ignore[no-untyped-def]
        """Indexed product term (lower case) -> the name as an article spells it.

        The filter field is lower-cased; the casing comes from the stored field of one
        article per product (the archive names 44 products), once per searcher.
        """
        cached = getattr(self, "_product_cache", None)
        if cached is not None and cached[0] is searcher:
            return cached[1]
        names: dict[str, str] = {}
        for raw in searcher.lexicon("products"):
            term = raw.decode() if isinstance(raw, bytes) else raw
            names[term] = term
            with contextlib.suppress(Exception):  # casing is a nicety: the term still works
                matcher = searcher.postings("products", term)
                if matcher.is_active():
                    stored = searcher.stored_fields(matcher.id()).get("products", "")
                    names[term] = next(
                        (p.strip() for p in stored.split(",") if p.strip().lower() == term), term
                    )
        self._product_cache = (searcher, names)
        return names

    def _product_query(self, searcher, product: str):  # type: ignore[no-untyped-def]
        """The filter for `--product TEXT`: any product `match_products` picks."""
        terms = match_products(self._product_names(searcher), product)
        if not terms:
            return query.Term("products", product.lower())  # matches nothing
        return query.Or([query.Term("products", term) for term in terms])

    def titles(self) -> list[tuple[str, str]]:
        """(ref, title) of every article, for the command palette.

        The ref is what `get` takes to open it: the id, or for an id several articles
        share, the article's path below the articles folder.
        """

        def read() -> list[tuple[str, str]]:
            stored = list(self._get_searcher().all_stored_fields())
            keys = [normalize_id(fields_["id"]) for fields_ in stored]
            shared = _shared(keys)
            if shared:  # as in find_path: copies of one path are one article
                paths = {(normalize_id(f["id"]), f["path"]) for f in stored}
                shared = _shared([key for key, _path in paths])
            return [
                (
                    displayable(path_from_key(fields_["path"])) if key in shared else fields_["id"],
                    fields_["title"],
                )
                for key, fields_ in zip(keys, stored, strict=True)
            ]

        return self._reading(read)

    def find_path(self, ref: str) -> Path:
        """The file of an article named by `ref`: its id (any case), else its path below
        the articles folder (`team/notes.md`, `team/notes`; absolute paths inside it too).

        NotFoundError if nothing matches; AmbiguousIdError, naming each candidate, when
        several articles have that id (never one picked at random: it shadowed the other).
        """
        key = normalize_id(displayable(ref))  # ids are stored without surrogates
        found = self._reading(lambda: list(self._get_searcher().documents(idkey=key)))
        # One document per path: a searcher refreshed after a commit can still see the
        # replaced copy of an edited file (Whoosh reuses the segment's old reader, with
        # its old deletions); that is one article, not two.
        docs = list({d["path"]: d for d in found}.values())
        if len(docs) == 1:
            return self.articles_dir / path_from_key(docs[0]["path"])
        if docs:
            candidates = sorted((path_from_key(d["path"]), d["title"]) for d in docs)
            names = qualified_ids([(path_from_key(d["path"]), d["id"]) for d in docs])
            listed = ", ".join(
                f"{sanitize(names[rel])} = {display_path(rel)} ({title!r})"
                if names[rel] != rel.removesuffix(".md")
                else f"{display_path(rel)} ({title!r})"
                for rel, title in candidates
            )
            raise AmbiguousIdError(
                f"{len(docs)} articles have the id {sanitize(displayable(ref))!r}: {listed}; "
                "name one by its folder-qualified id or its path",
                candidates=[(displayable(rel), title) for rel, title in candidates],
            )
        for rel in self._path_refs(ref):
            doc = self._reading(lambda rel=rel: self._get_searcher().document(path=path_key(rel)))
            if doc is not None:
                return self.articles_dir / rel
        qualified = self._qualified_ref(ref)
        if qualified is not None:
            return qualified
        raise NotFoundError(
            f"no article with id {sanitize(displayable(ref))!r} in "
            f"{display_path(self.articles_dir)}"
        )

    def _qualified_ref(self, ref: str) -> Path | None:
        """The file a folder-qualified id (`openshift/etcdMembersDown`) names: one of the
        articles sharing the id after the last `/` (see articles.qualified_ids)."""
        folder, _slash, short = displayable(ref).strip().rpartition("/")
        if not folder or not short:
            return None
        found = self._reading(
            lambda: list(self._get_searcher().documents(idkey=normalize_id(short)))
        )
        docs = list({d["path"]: d for d in found}.values())
        names = qualified_ids([(path_from_key(d["path"]), d["id"]) for d in docs])
        for rel, name in names.items():
            if len(docs) > 1 and normalize_id(name) == normalize_id(ref):
                return self.articles_dir / rel
        return None

    def _path_refs(self, ref: str) -> list[str]:
        """The paths below the articles folder that `ref` may mean (with `.md` added)."""
        ref = ref.strip()
        if not ref or "\x00" in ref:
            return []
        if os.path.isabs(ref):
            for base in (os.path.abspath(self.articles_dir), self._root_real):
                rel = os.path.relpath(ref, base)
                if not rel.startswith(".."):
                    break
            else:
                return []
        else:
            rel = os.path.normpath(ref)
        rel = rel.replace(os.sep, "/")
        if rel in (".", "..") or rel.startswith("../"):
            return []
        return [rel] if rel.lower().endswith(".md") else [rel, f"{rel}.md"]

    def get(self, ref: str) -> Article:
        """Load an article by id or path (see find_path) from its file, the source of truth.

        The file must still be inside the articles folder when it is opened: one swapped
        for a symlink out of it since indexing is refused (DataError).
        """
        path = self.find_path(ref)
        try:
            return load_article(path, self._root_real)
        except ArticleSkip as exc:
            raise DataError(str(exc), path=path) from None

    def search(
        self,
        text: str,
        *,
        limit: int = 20,
        product: str | None = None,
        snippets: bool = True,
        suggest: bool = True,
        cancelled: Callable[[], bool] | None = None,
    ) -> SearchResult:
        """Ranked hits for a symptom as an admin types it.

        Every word present ranks first (an AND query); when that finds fewer than
        `limit`, articles missing a word follow (an OR query, more words ranking higher).
        `cancelled` is polled while a slow search runs: once it returns True the search
        stops with SearchCancelled, so a newer search never waits for an older one.
        """
        text = _check_query(text)
        limit = max(1, min(limit, 1000))
        budget = _Budget(cancelled)
        try:
            hits, sources, total, words, suggestion = self._reading(
                lambda: self._ranked(text, limit, product, suggest, snippets, budget)
            )
            if not hits and suggestion:
                # Nothing for the misspelling: show what the correction finds, and say so.
                corrected = self.search(
                    suggestion,
                    limit=limit,
                    product=product,
                    snippets=snippets,
                    suggest=False,
                    cancelled=cancelled,
                )
                corrected.suggestion = suggestion
                corrected.corrected = True
                corrected.query = text
                return corrected
            budget.check()
            if snippets:
                hits = [
                    replace(hit, snippet=make_snippet(source, words))
                    for hit, source in zip(hits, sources, strict=True)
                ]
        except (MemoryError, RecursionError) as exc:
            self.close()
            raise _search_failed(exc) from None
        return SearchResult(
            query=text,
            hits=hits,
            total=total,
            suggestion=suggestion,
            products=self.match_products(product) if product else [],
            notices=budget.notices(),
        )

    def _ranked(
        self,
        text: str,
        limit: int,
        product: str | None,
        suggest: bool,
        snippets: bool,
        budget: _Budget,
    ) -> tuple[list[Hit], list[str], int, set[str], str | None]:
        """(hits, their snippet sources, total, query words, suggestion): the index's part."""
        budget.check()
        searcher = self._get_searcher()
        plain, filters, wildcards, advanced = _split_query(text)
        if advanced:
            found, total, words = self._search_whoosh(searcher, text, limit, product, budget)
        else:
            found, total, words = self._search_fast(
                searcher, plain, filters, wildcards, limit, product, budget
            )
        hits = [hit for _docnum, hit in found]
        sources = self._snippet_sources(searcher, found) if snippets else []
        # Cheap unless a word is unknown to the KB: one frequency lookup a word.
        suggestion = self._suggest(searcher, text) if suggest else None
        return hits, sources, total, words, suggestion

    def _snippet_sources(self, searcher, found: list[tuple[int, Hit]]) -> list[str]:  # type: ignore[no-untyped-def]
        """Each hit's snippet source, from the index (a few KB each, compressed)."""
        if not found:
            return []
        cached = self._snippet_cache
        if cached is None or cached[0] is not searcher:
            # Opening the column reads its offsets: ~10 ms, once per searcher.
            cached = (searcher, searcher.reader().column_reader("snippet", translate=False))
            self._snippet_cache = cached
        column = cached[1]
        sources = []
        for docnum, hit in found:
            raw = column[docnum]
            sources.append(raw.decode("utf-8", "replace") if raw else hit.title)
        return sources

    def _scorer(self, searcher) -> _Scorer:  # type: ignore[no-untyped-def]
        scorer = getattr(self, "_scorer_cache", None)
        if scorer is None or scorer.searcher is not searcher:
            scorer = _Scorer(searcher)
            self._scorer_cache = scorer
        return scorer

    def _filter_mask(self, searcher, scorer: _Scorer, filters: list[str], product: str | None):  # type: ignore[no-untyped-def]
        np = scorer.np
        mask = np.ones(scorer.ndocs, dtype=bool)
        queries = []
        if filters:
            try:
                queries.append(_parser(searcher.schema, qparser.AndGroup).parse(" ".join(filters)))
            except Exception as exc:  # whoosh's parser raises a variety of types
                raise UsageError(f"cannot understand the filter: {exc}") from None
        if product:
            queries.append(self._product_query(searcher, product))
        for q in queries:
            docs = np.fromiter(searcher.docs_for_query(q), dtype=np.int64)
            only = np.zeros(scorer.ndocs, dtype=bool)
            only[docs] = True
            mask &= only
        return mask

    def _search_fast(  # type: ignore[no-untyped-def]
        self,
        searcher,
        plain: list[str],
        filters: list[str],
        wildcards: list[str],
        limit: int,
        product: str | None,
        budget: _Budget,
    ):
        """Plain words and wildcards, scored with numpy (`_Scorer`).

        Each word the admin meant is a slot: the terms it stands for in each field (its
        equivalent forms for a plain word, the expanded words of a wildcard).
        """
        groups = query_groups(plain)
        # One misspelt word alone finds nothing and shows the correction's results
        # (`corrected`); in a longer query a typo keeps its word's share of the ranking.
        near = _with_near_words(searcher.reader(), groups) if len(groups) > 1 else groups
        slots: list[dict[str, list[str]]] = [
            {f: list(group) for f in FIELD_PARAMS} for group in near
        ]
        marks = {term for group in groups for term in group}
        patterns = list(dict.fromkeys(w.lower() for w in wildcards))
        expander = _Expander(searcher.reader(), budget, len(patterns) * len(FIELD_PARAMS))
        for pattern in patterns:
            slot = expander.slot(pattern)
            if slot is not None:
                slots.append(slot)
                stem = re.split(r"[*?]", pattern, maxsplit=1)[0]
                if len(stem) > 1:
                    marks.add(stem)  # `retro*` marks "retrospect" in snippets
        if not slots and not filters and not product:
            raise UsageError("query has no words to search for")
        budget.check()
        scorer = self._scorer(searcher)
        mask = self._filter_mask(searcher, scorer, filters, product)
        if slots:
            ranked, total = scorer.top(slots, mask, limit)
            if near != groups:
                # A word no article holds: no hit matches every word as typed.
                ranked = [(docnum, score, False) for docnum, score, _full in ranked]
        else:
            docs = scorer.np.flatnonzero(mask & scorer.live)
            ranked = [(int(d), 0.0, True) for d in docs[:limit]]
            total = len(docs)
        hits = [
            (docnum, self._make_hit(searcher.stored_fields(docnum), score, full))
            for docnum, score, full in ranked
        ]
        return hits, total, marks

    def _search_whoosh(  # type: ignore[no-untyped-def]
        self, searcher, text: str, limit: int, product: str | None, budget: _Budget
    ):
        """Phrases, wildcards and boolean syntax: Whoosh's own matcher handles them.

        Wildcards, fuzzy terms and ranges are expanded here, within `budget`, into the
        words they stand for (Whoosh would expand them to every matching word).
        """
        schema = searcher.schema
        try:
            q_and = _parser(schema, qparser.AndGroup).parse(text)
            q_or = _parser(schema, qparser.OrGroup).parse(text)
        except RecursionError:
            raise UsageError("query is nested too deeply") from None
        except Exception as exc:  # whoosh's parser raises a variety of types
            raise UsageError(f"cannot understand the query: {exc}") from None
        if q_or is query.NullQuery or _no_terms(q_or):
            raise UsageError("query has no words to search for")
        words = _query_words(q_or)
        filter_q = self._product_query(searcher, product) if product else None
        try:
            expander = _Expander(searcher.reader(), budget, _Expander.count(q_or))
            q_and = expander.bound(q_and)
            q_or = expander.bound(q_or) if q_or != q_and else q_and
            and_results = budget.run(searcher, q_and, limit, filter_q)
            hits = [(h.docnum, self._make_hit(h.fields(), h.score, True)) for h in and_results]
            total = and_results.estimated_length()
            if len(hits) < limit and q_or is not q_and:
                seen = {h.docnum for h in and_results}
                or_results = budget.run(searcher, q_or, limit - len(hits) + len(seen), filter_q)
                for h in or_results:
                    if h.docnum not in seen and len(hits) < limit:
                        hits.append((h.docnum, self._make_hit(h.fields(), h.score, False)))
                total = max(total, or_results.estimated_length())
        except RecursionError:
            raise UsageError("query is nested too deeply") from None
        except query.QueryError as exc:
            # Parsed, but not runnable: `section:"more information"` is a phrase in a
            # field that keeps no word positions.
            raise UsageError(f"cannot run this query: {str(exc).split('. ')[0]}") from None
        return hits, max(total, len(hits)), words

    def _make_hit(self, stored: dict, score: float, full: bool) -> Hit:  # type: ignore[type-arg]
        products = tuple(p for p in stored.get("products", "").split(",") if p)
        return Hit(
            id=stored["id"],
            title=stored["title"],
            products=products,
            score=float(score or 0.0),
            path=self.articles_dir / path_from_key(stored["path"]),
            full_match=full,
            ref=path_from_key(stored["path"]),
        )

    def _suggest(self, searcher, text: str) -> str | None:  # type: ignore[no-untyped-def]
        """Replace each word the KB does not know by its closest known word."""
        reader = searcher.reader()
        changed = False
        out: list[str] = []
        for piece in re.split(r"(\s+)", text):
            word = piece.strip()
            if not word or not re.fullmatch(r"[A-Za-z][A-Za-z'-]{3,}", word):
                out.append(piece)
                continue
            stems = [t.text for t in _ANALYZER(word.lower())]
            seen = max(
                (reader.doc_frequency(f, s) for s in stems for f in ("text", "title")),
                default=0,
            )
            # The archive has its own typos ("exchnge" in a few articles): a word that
            # rare, with a neighbour used fifty times as often, is still worth a suggestion.
            if not stems or seen >= _RARE_WORD_DOCS:
                out.append(piece)
                continue
            # A known but rare word looks among titles' words only (milliseconds); an
            # unknown one among every word of the KB as well.
            best = _closest_word(
                reader,
                word.lower(),
                min_docs=seen * 50 if seen else 1,
                fieldnames=("spell",) if seen else ("spell", "text"),
            )
            if best is None:
                out.append(piece)
            else:
                out.append(best)
                changed = True
        return "".join(out) if changed else None


def _with_near_words(reader, groups: list[tuple[str, ...]]) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    """A word the KB never uses ("transmitt") also counts as its nearest known word.

    One typo in a long query must not cost that word's share of the ranking; the
    nearest word joins the group as an equal form, as shorthand does.
    """
    out = []
    for group in groups:
        word = group[0]
        if (
            len(word) >= 4
            and word.isalpha()
            and not any(reader.doc_frequency(f, t) for t in group for f in ("text", "title"))
        ):
            # Titles' words: a small lexicon, so this costs milliseconds, not the
            # hundred a walk of every word in the KB would.
            near = _closest_word(reader, word, fieldnames=("spell",))
            stems = [t.text for t in _ANALYZER(near)] if near else []
            if stems:
                group = (*group, stems[0])
        out.append(group)
    return out


def _edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein (optimal string alignment): a swap of two letters costs 1."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


_RARE_WORD_DOCS = 50


def _closest_word(  # type: ignore[no-untyped-def]
    reader, word: str, min_docs: int = 1, fieldnames: tuple[str, ...] = ("spell", "text")
) -> str | None:
    """The known word nearest to a misspelt one: fewest edits, then most used.

    Looked up among the unstemmed words of titles (a small lexicon: ~10 ms, and real
    words to show), then among the stems of the whole text if titles have none.
    """
    for fieldname in fieldnames:
        candidates = {
            c.decode() if isinstance(c, bytes) else c
            for c in reader.terms_within(fieldname, word, 2, prefix=1)
        }
        candidates.discard(word)
        candidates = {c for c in candidates if reader.doc_frequency(fieldname, c) >= min_docs}
        if candidates:
            return min(
                candidates,
                # Typing drops letters more often than it adds them: on a tie, restore.
                key=lambda c: (
                    _edit_distance(word, c),
                    len(c) < len(word),
                    -reader.doc_frequency(fieldname, c),
                ),
            )
    return None


# ------------------------------------------------------------------------- building

#: Below this many files one process builds the index; above, one worker per core.
PARALLEL_MIN_FILES = 3000
_LIMIT_MB = 2048


def _writer(ix: index.Index, **kwargs: object):  # type: ignore[no-untyped-def]
    """A Whoosh segment writer without Whoosh's own lock: write.lock is the one lock.

    Whoosh takes its lock first thing in the writer's constructor and releases it in
    commit() or cancel(). When the constructor itself failed (a full disk while it
    created the new segment's files) no writer came back to release it: the lock stayed
    held by an object the exception kept alive, and the next run in the same process
    (the TUI's ctrl+r) failed with Whoosh's LockError.
    """
    from whoosh.writing import SegmentWriter

    return SegmentWriter(ix, _lk=False, **kwargs)


def _read_entry(file: FileEntry, report: UpdateReport, root: str) -> Article | None:
    """The article in a scanned file, or None with the reason added to `report`.

    `root` (the resolved articles folder) is checked again on the open file: a link
    swapped in after the scan still cannot lead out of the folder.
    """
    _rel, path, info, skip = file
    if skip or info is None:
        report.problems.append(Problem(Path(path), skip or MISSING))
        return None
    try:
        return load_article(path, root)
    except ArticleSkip as exc:
        report.problems.append(Problem(Path(path), str(exc)))
        return None


def _same_content(file: FileEntry, previous: list[object], root: str) -> bool:
    """True when the file still holds the bytes its manifest entry was hashed from."""
    _rel, path, _info, _skip = file
    try:
        _text, data = read_text(Path(path), root)
    except ArticleSkip:
        return False  # the full read reports why
    return content_hash(data) == previous[2]


def _index_files(
    writer, files: list[FileEntry], report: UpdateReport, tick: Callable[[int], None], root: str
) -> dict[str, list[object]]:  # type: ignore[no-untyped-def]
    """Parse each file and add it to `writer`; the manifest entries of those indexed."""
    entries: dict[str, list[object]] = {}
    for done, file in enumerate(files, start=1):
        article = _read_entry(file, report, root)
        rel, _path, info, _skip = file
        if article is not None and info is not None:
            writer.add_document(**_document(article, rel))
            entries[rel] = _manifest_entry(info, article)
            report.added += 1
        if done % 250 == 0:
            tick(250)
    tick(len(files) % 250)
    return entries


def _serial_build(ix, files: list[FileEntry], progress: ProgressFn | None, root: str):  # type: ignore[no-untyped-def]
    report = UpdateReport()
    counted = [0]

    def tick(n: int) -> None:
        counted[0] += n
        if progress is not None:
            progress(counted[0], len(files))

    writer = _writer(ix, limitmb=_LIMIT_MB, compound=False)
    try:
        entries = _index_files(writer, files, report, tick, root)
        writer.commit()
    except BaseException:
        with contextlib.suppress(Exception):
            writer.cancel()
        raise
    return report, entries


def _exit_with_parent(parent: int) -> None:
    """Stop this worker as soon as the indexer that started it is gone.

    A forked worker shares the indexer's write-lock file, so the flock stays held while
    any worker lives: after a `kill -9` of the indexer, orphaned workers went on
    indexing into a folder nobody would use (and could block for ever on a full
    queue), and every other indexer was told the index was busy.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.1)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _build_worker(gen_dir: str, files: list[FileEntry], messages, parent: int, root: str) -> None:  # type: ignore[no-untyped-def]
    """One build process: parse and index its share of files into a segment of its own.

    Parsing here, not in the parent, is what lets every core do useful work (Whoosh's
    MpWriter parses in the parent, a third busy process on a 2-core machine).
    """
    from whoosh.writing import SegmentWriter

    _exit_with_parent(parent)
    try:
        ix = index.open_dir(gen_dir)
        writer = SegmentWriter(ix, _lk=False, limitmb=_LIMIT_MB, compound=False)
        report = UpdateReport()
        entries = _index_files(writer, files, report, lambda n: messages.put(("tick", n)), root)
        if writer._added:
            segment = writer._finalize_segment()
        else:
            writer._close_segment()
            segment = None
        messages.put(("done", (segment, entries, report.added, report.problems)))
    except BaseException as exc:  # reported to the parent, which raises it
        messages.put(("error", f"{type(exc).__name__}: {exc}"))


def _parallel_build(  # type: ignore[no-untyped-def]
    ix, files: list[FileEntry], workers: int, progress: ProgressFn | None, root: str
):
    import multiprocessing
    import queue as queue_module

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    messages = ctx.Queue()
    # Interleaved shares: neighbouring files are alike in size, so shares are balanced.
    procs = [
        ctx.Process(
            target=_build_worker,
            args=(ix.storage.folder, files[i::workers], messages, os.getpid(), root),
            daemon=True,
        )
        for i in range(workers)
    ]
    for proc in procs:
        proc.start()
    report = UpdateReport()
    entries: dict[str, list[object]] = {}
    segments = []
    done = 0
    finished = 0
    try:
        while finished < workers:
            try:
                kind, payload = messages.get(timeout=1.0)
            except queue_module.Empty:
                if any(p.exitcode not in (None, 0) for p in procs):
                    raise IndexBusyError("an indexing worker died; nothing was changed") from None
                continue
            if kind == "tick":
                done += payload
                if progress is not None:
                    progress(min(done, len(files)), len(files))
            elif kind == "error":
                raise IndexBusyError(f"indexing failed: {payload}")
            else:
                segment, part, added, problems = payload
                finished += 1
                if segment is not None:
                    segments.append(segment)
                entries.update(part)
                report.added += added
                report.problems.extend(problems)
        for proc in procs:
            proc.join()
        writer = _writer(ix)
        writer._close_segment()
        writer._commit_toc(segments)
        writer._finish()
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.kill()
                proc.join()
    report.problems.sort(key=lambda problem: str(problem.path))
    return report, entries


# ------------------------------------------------------------------------- fast scoring

_FILTER_FIELDS = frozenset(
    "product products section sections title symptoms keywords id text body".split()
)
_ADVANCED_CHARS = frozenset('"*?~()^[]{}')
_WILDCARD_CHARS = frozenset("*?")
_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
_K1 = 1.2
#: (weight, length normalization b) per field for BM25F.
FIELD_PARAMS = {
    "title": (3.0, 0.5),
    "symptoms": (2.0, 0.75),
    "keywords": (1.5, 0.5),
    "product": (1.2, 0.3),
    "text": (1.0, 0.75),
}
#: Weight of two query words found side by side (title or problem statement).
PAIR_WEIGHT = 0.5
#: Word pairs looked up between two slots at most (forms x forms).
_MAX_PAIRS = 16
#: How hard a missing query word (weighted by its idf) pulls a document down.
_COVERAGE_POWER = 1.0
_CACHE_BYTES = 96 * 1024 * 1024


def _split_query(text: str) -> tuple[list[str], list[str], list[str], bool]:
    """(plain words, field filters, wildcard words, advanced?): all but the last go to the
    fast scorer.

    A word with `*` or `?` (`retro*`, `*mail*`) is scored there too, as the words it
    stands for. Phrases, fuzzy terms, ranges, groups and explicit operators go to
    Whoosh's own matcher, which understands them all.
    """
    plain: list[str] = []
    filters: list[str] = []
    wildcards: list[str] = []
    advanced = False
    for token in re.findall(r'"[^"]*"|\S+', text):
        name, colon, value = token.partition(":")
        special = _ADVANCED_CHARS.intersection(token)
        if token in _OPERATORS or token[0] in "+-":
            advanced = True
        elif special and special <= _WILDCARD_CHARS and not colon:
            wildcards.append(token)
        elif special:
            advanced = True
        elif colon and value and name.lower() in _FILTER_FIELDS:
            filters.append(token)
        else:
            plain.append(token)
    return plain, filters, wildcards, advanced


class _Postings:
    """Decoded posting lists, (docnums, term frequencies) as arrays, LRU-capped by size.

    Whoosh walks postings one document at a time in Python; scoring whole arrays with
    numpy is what brings a 60,000-article search from hundreds of ms to a few.
    """

    def __init__(self) -> None:
        from collections import OrderedDict

        self._items: OrderedDict[tuple[str, str], tuple[object, object]] = OrderedDict()
        self._bytes = 0

    def get(self, scorer: _Scorer, fieldname: str, term: str):  # type: ignore[no-untyped-def]
        key = (fieldname, term)
        hit = self._items.get(key)
        if hit is not None:
            self._items.move_to_end(key)
            return hit
        value = scorer.read_postings(fieldname, term)
        self._items[key] = value
        self._bytes += value[0].nbytes + value[1].nbytes  # type: ignore[attr-defined]
        while self._bytes > _CACHE_BYTES and len(self._items) > 1:
            _, (ids, tfs) = self._items.popitem(last=False)
            self._bytes -= ids.nbytes + tfs.nbytes  # type: ignore[attr-defined]
        return value


class _Scorer:
    """BM25F over Whoosh's postings, term at a time, for one open searcher."""

    def __init__(self, searcher) -> None:  # type: ignore[no-untyped-def]
        import numpy as np
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
        from whoosh.util.numeric import byte_to_length

        self.np = np
        self._lengths_column = LENGTHS_COLUMN
        self._lenfield = _lenfield
        self._byte_to_length = np.array([byte_to_length(i) for i in range(256)], "float32")
        self.searcher = searcher
        reader = searcher.reader()
        self.reader = reader
        self.leaves = reader.leaf_readers() if hasattr(reader, "leaf_readers") else [(reader, 0)]
        self.ndocs = reader.doc_count_all()
        self.live = np.ones(self.ndocs, dtype=bool)
        for leaf, offset in self.leaves:
            if leaf.has_deletions():
                deleted = np.fromiter(leaf.deleted_docs_set, dtype=np.int64)
                self.live[deleted + offset] = False
        self.doc_count = max(1, reader.doc_count())
        self._lengths: dict[str, object] = {}
        self.postings = _Postings()

    def lengths(self, fieldname: str):  # type: ignore[no-untyped-def]
        """Every document's length in `fieldname`, decoded from Whoosh's byte column."""
        cached = self._lengths.get(fieldname)
        if cached is not None:
            return cached
        np = self.np
        parts = []
        for leaf, _offset in self.leaves:
            count = leaf.doc_count_all()
            raw = np.zeros(count, dtype=np.uint8)
            perdoc = leaf._perdoc
            column = perdoc._cached_reader(self._lenfield(fieldname), self._lengths_column)
            if column is None and leaf.field_length(fieldname):
                # The lengths file is gone (a commit elsewhere, or damage): scoring with
                # zero lengths would rank silently wrong, so fail and let the read retry.
                raise FileNotFoundError(f"lengths of {fieldname!r} missing from a segment")
            if column is not None and column._count:
                data = column._dbfile.get(column._basepos, column._count)
                stored = np.frombuffer(data, dtype=np.uint8)[:count]
                raw[: len(stored)] = stored
            parts.append(self._byte_to_length[raw])
        lengths = np.concatenate(parts) if parts else np.zeros(0, "float32")
        self._lengths[fieldname] = lengths
        return lengths

    def read_postings(self, fieldname: str, term: str):  # type: ignore[no-untyped-def]
        np = self.np
        ids_parts = []
        tf_parts = []
        for leaf, offset in self.leaves:
            if (fieldname, term) not in leaf:
                continue
            matcher = leaf.postings(fieldname, term)
            # A segment with deletions wraps its postings in a filter; self.live already
            # masks deleted documents, so read the raw blocks underneath.
            while not hasattr(matcher, "_read_ids") and hasattr(matcher, "child"):
                matcher = matcher.child
            while matcher.is_active():
                matcher._read_ids()
                matcher._read_weights()
                ids_parts.append(np.asarray(matcher._ids, dtype=np.int64) + offset)
                tf_parts.append(np.asarray(matcher._weights, dtype=np.float32))
                matcher._next_block()
        if not ids_parts:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        return np.concatenate(ids_parts), np.concatenate(tf_parts)

    def norms(self, fieldname: str, b: float):  # type: ignore[no-untyped-def]
        """1 / (1 - b + b * length / average) for every document: BM25F's length factor."""
        key = f"norm:{fieldname}:{b}"
        cached = self._lengths.get(key)
        if cached is None:
            avg = max(self.reader.field_length(fieldname) / self.doc_count, 1.0)
            lengths = self.lengths(fieldname)
            cached = (1.0 / (1 - b + b * lengths / avg)).astype("float32")
            self._lengths[key] = cached
        return cached

    def score(self, slots: list[dict[str, list[str]]], mask):  # type: ignore[no-untyped-def]
        """(BM25F scores, idf-weighted share of the query each document covers, whether
        every slot is held by some article).

        A slot is one word of the query: the terms it stands for in each field (its
        equivalent forms, "nt4" and "nt", "0x0000000a" and "0xa"; or the expanded words
        of a wildcard). A document's frequency for a slot is the best of its terms. Real
        BM25F: each field's frequency is length-normalized and weighted first, then the
        sum saturates once, so a word in title and body is not counted as two words. A
        slot's idf comes from the documents holding it in any field.
        """
        np = self.np
        acc = np.zeros(self.ndocs, dtype=np.float32)
        covered = np.zeros(self.ndocs, dtype=np.float32)
        total_idf = 0.0
        all_found = True
        for slot in slots:
            tf = np.zeros(self.ndocs, dtype=np.float32)
            for fieldname, (weight, b) in FIELD_PARAMS.items():
                field_tf = None
                for term in slot.get(fieldname, ()):
                    ids, tfs = self.postings.get(self, fieldname, term)
                    if not len(ids):
                        continue
                    if field_tf is None:
                        field_tf = np.zeros(self.ndocs, dtype=np.float32)
                        field_tf[ids] = tfs
                    else:
                        field_tf[ids] = np.maximum(field_tf[ids], tfs)
                if field_tf is not None:
                    tf += np.float32(weight) * field_tf * self.norms(fieldname, b)
            present = np.flatnonzero(tf)
            if not len(present):
                all_found = False  # no article holds it: it ranks nothing either way
                continue
            df = len(present)
            idf = float(np.log1p((self.doc_count - df + 0.5) / (df + 0.5)))
            total_idf += idf
            t = tf[present]
            acc[present] += np.float32(idf) * t * (_K1 + 1) / (t + _K1)
            covered[present] += np.float32(idf)
        for first, second in itertools.pairwise(slots):
            # Two query words side by side in the title or the problem statement.
            pairs = {f"{a}_{b}" for a in first.get("text", ()) for b in second.get("text", ())}
            if len(pairs) > _MAX_PAIRS:
                continue  # a wildcard beside a word: no pair bonus
            pair_tf = None
            for term in pairs:
                ids, tfs = self.postings.get(self, "pairs", term)
                if not len(ids):
                    continue
                if pair_tf is None:
                    pair_tf = np.zeros(self.ndocs, dtype=np.float32)
                pair_tf[ids] = np.maximum(pair_tf[ids], tfs)
            if pair_tf is not None:
                present = np.flatnonzero(pair_tf)
                df = len(present)
                idf = float(np.log1p((self.doc_count - df + 0.5) / (df + 0.5)))
                t = pair_tf[present]
                acc[present] += np.float32(PAIR_WEIGHT * idf) * t * (_K1 + 1) / (t + _K1)
        dead = ~(mask & self.live)
        acc[dead] = 0
        covered[dead] = 0
        if total_idf:
            covered /= np.float32(total_idf)
        return acc, covered, all_found

    def top(self, slots: list[dict[str, list[str]]], mask, limit: int):  # type: ignore[no-untyped-def]
        """Best `limit` docnums by BM25F damped by how much of the query they miss.

        No every-word tier: a long list of fixed bugs that happens to hold every word
        must not outrank the one article about the symptom that misses a common word.
        """
        np = self.np
        acc, cover, all_found = self.score(slots, mask)
        candidates = np.flatnonzero(cover)
        total = len(candidates)
        if not total:
            return [], 0
        share = cover[candidates]
        key = acc[candidates] * share**_COVERAGE_POWER
        part = np.argpartition(-key, limit - 1)[:limit] if total > limit else np.arange(total)
        order = part[np.argsort(-key[part], kind="stable")]
        full = [all_found and bool(share[i] >= 0.999) for i in order]
        return [
            (int(candidates[i]), float(key[i]), f) for i, f in zip(order, full, strict=True)
        ], total


# ------------------------------------------------------------------------- bounded work

#: A wildcard (`retro*`, `*mail*`), fuzzy term or range searches at most this many of
#: the words it matches in each field, the most used first; a query at most
#: WILDCARD_TOTAL_TERMS (words x fields) in all, shared fairly between its wildcards.
#: `*e* *a* *i* *o*` stood for nearly every word of the archive: 32 s to minutes, and
#: up to 700 MB.
WILDCARD_TERMS = 64
WILDCARD_TOTAL_TERMS = 640
#: Seconds a search may spend finding the words its wildcards stand for (shared fairly).
WILDCARD_SECONDS = 1.0
#: Seconds a search through Whoosh's matcher (phrases, ranges, operators) collects
#: hits; then it returns the best found so far, and says so.
SEARCH_SECONDS = 3.0
#: Candidate words kept per wildcard and field before the most used are chosen.
_SHORTLIST = 4 * WILDCARD_TERMS
#: Words (or documents) between two looks at the clock and at `cancelled`.
_CHECK_EVERY = 64


class SearchCancelled(UsageError):
    """The caller cancelled the search (a newer one replaced it)."""


class _Budget:
    """What one search may spend, what it had to leave out, and whether it was cancelled."""

    def __init__(self, cancelled: Callable[[], bool] | None) -> None:
        self.cancelled = cancelled
        self.started = time.monotonic()
        self.cut: dict[str, None] = {}  # wildcards searched for fewer words than match
        self.stopped = False  # hits collection stopped at SEARCH_SECONDS

    def check(self) -> None:
        """Raise SearchCancelled once the caller has cancelled this search."""
        if self.cancelled is not None and self.cancelled():
            raise SearchCancelled("search cancelled")

    def notices(self) -> tuple[str, ...]:
        """The lines that tell the user what was left out."""
        lines = []
        if self.cut:  # short: the TUI shows it beside the hit count
            cut = list(self.cut)
            what = ", ".join(cut[:5]) + (", …" if len(cut) > 5 else "")
            if len(cut) == 1:
                lines.append(f"wildcard {what} limited to its most used words")
            else:
                lines.append(f"wildcards {what} limited to their most used words")
        if self.stopped:
            lines.append(f"search stopped after {SEARCH_SECONDS:g}s; best hits so far")
        return tuple(lines)

    def run(self, searcher, q: query.Query, limit: int, filter_q: query.Query | None):  # type: ignore[no-untyped-def]
        """searcher.search(), stopping at SEARCH_SECONDS, and when cancelled."""
        self.check()
        collector = _CheckedCollector(searcher.collector(limit=limit, filter=filter_q), self)
        if not self.stopped:
            searcher.search_with_collector(q, collector)
        return collector.results()


class _CheckedCollector(WrappingCollector):
    """Collects like the collector it wraps, looking at the budget every few hundred hits."""

    def __init__(self, child, budget: _Budget) -> None:  # type: ignore[no-untyped-def]
        super().__init__(child)
        self.budget = budget
        self.deadline = budget.started + SEARCH_SECONDS

    def collect_matches(self) -> None:
        child = self.child
        for n, sub_docnum in enumerate(child.matches()):
            if n % _CHECK_EVERY == 0:
                self.budget.check()
                if time.monotonic() > self.deadline:
                    self.budget.stopped = True  # the best found so far stand
                    return
            child.collect(sub_docnum)


class _Expander:
    """Replaces each wildcard, fuzzy term and range of a query by the words it stands for.

    Whoosh expands one to every word it matches. Here: at most WILDCARD_TERMS a field
    (the most used among the shortest matches: `win*` keeps `windows` before
    `winsockdriverversion2`), WILDCARD_TOTAL_TERMS and WILDCARD_SECONDS of looking up
    a query, each shared fairly between its wildcards; what was cut is noted.
    """

    def __init__(self, reader, budget: _Budget, leaves: int) -> None:  # type: ignore[no-untyped-def]
        self.reader = reader
        self.budget = budget
        self.left = max(1, leaves)  # wildcards (x fields) not yet expanded
        self.terms_left = WILDCARD_TOTAL_TERMS
        self.deadline = time.monotonic() + WILDCARD_SECONDS
        self.done: dict[tuple[str, str], query.Query] = {}

    @staticmethod
    def count(q: query.Query) -> int:
        """How many distinct wildcards (x fields) a parsed query holds."""
        leaves = [q] if q.is_leaf() else list(q.leaves())
        return len({str(leaf) for leaf in leaves if isinstance(leaf, query.MultiTerm)})

    def bound(self, q: query.Query) -> query.Query:
        """`q` with its wildcards replaced by their words (Or of Terms)."""
        if isinstance(q, query.MultiTerm):
            return self._expand(q)
        if q.is_leaf():
            return q
        return q.apply(self.bound)

    def slot(self, pattern: str) -> dict[str, list[str]] | None:
        """The words a typed wildcard (lower-cased) stands for in each field searched;
        None for a pattern that names no word (`*`, `?*`: every document)."""
        if not pattern.strip("*?"):
            return None
        slot = {}
        for fieldname in FIELD_BOOSTS:
            leaf = query.Wildcard(fieldname, pattern).normalize()
            if isinstance(leaf, query.MultiTerm):
                slot[fieldname] = self._words(leaf, fieldname)
        return slot

    def _expand(self, leaf: query.MultiTerm) -> query.Query:
        fieldname = leaf.field()
        if fieldname is None or fieldname not in self.reader.schema:
            return leaf  # matches nothing; Whoosh knows
        if isinstance(leaf, query.Prefix) and not leaf.text:
            return leaf  # `*`: every document, no words to expand
        key = (type(leaf).__name__, str(leaf))
        if key not in self.done:
            words = self._words(leaf, fieldname)
            terms = [query.Term(fieldname, word, boost=leaf.boost) for word in words]
            # No word: a term no document has (a NullQuery would vanish from an AND).
            self.done[key] = (
                query.Or(terms) if len(terms) > 1 else (terms or [query.Term(fieldname, "")])[0]
            )
        return self.done[key]

    def _words(self, leaf: query.MultiTerm, fieldname: str) -> list[str]:
        """Up to this leaf's share of words matching it, most used first."""
        reader = self.reader
        now = time.monotonic()
        until = now + max(0.0, self.deadline - now) / self.left
        room = max(1, min(WILDCARD_TERMS, self.terms_left // self.left))
        self.left = max(1, self.left - 1)
        match = None
        if isinstance(leaf, query.Prefix):
            candidates = reader.expand_prefix(fieldname, leaf.text)
        elif isinstance(leaf, query.PatternQuery):
            prefix = leaf._find_prefix(leaf.text)
            candidates = (
                reader.expand_prefix(fieldname, prefix) if prefix else reader.lexicon(fieldname)
            )
            match = re.compile(leaf._get_pattern()).match
        else:  # fuzzy terms, ranges: Whoosh's own word list, looked at as it comes
            candidates = leaf._btexts(reader)
        shortlist: list[tuple[int, bytes]] = []  # the shortest matches; longest out first
        found = 0
        complete = True
        for n, word in enumerate(candidates):
            if n % _CHECK_EVERY == 0:
                self.budget.check()
                if time.monotonic() > until:
                    complete = False
                    break
            if match is not None and not match(word.decode("utf-8", "replace")):
                continue
            found += 1
            item = (-len(word), word)
            if len(shortlist) < _SHORTLIST:
                heapq.heappush(shortlist, item)
            elif item > shortlist[0]:
                heapq.heapreplace(shortlist, item)
        words = [word for _, word in shortlist]
        if len(words) > room:
            words.sort(key=lambda w: (-reader.doc_frequency(fieldname, w), len(w), w))
            words = words[:room]
        if found > len(words) or not complete:
            self.budget.cut[str(leaf).split(":", 1)[-1]] = None
        self.terms_left -= len(words)
        return [word.decode("utf-8", "replace") for word in sorted(words)]


# ------------------------------------------------------------------------- query helpers

_PARSERS: dict[tuple[int, object], qparser.QueryParser] = {}


def _parser(schema: fields.Schema, group: object) -> qparser.QueryParser:
    key = (id(schema), group)
    parser = _PARSERS.get(key)
    if parser is None:
        parser = qparser.MultifieldParser(
            list(SEARCH_FIELDS), schema, fieldboosts=FIELD_BOOSTS, group=group
        )
        # Field filters an admin types: product:, section:, title:, id:, symptoms:.
        parser.add_plugin(qparser.FieldAliasPlugin({"section": ["sections"], "text": ["body"]}))
        _PARSERS[key] = parser
    return parser


def _check_query(text: str) -> str:
    if "\x00" in text:
        raise UsageError("query contains a NUL byte")
    if _SURROGATE_RE.search(text):
        # A byte that is not UTF-8 (a shell passes it as a surrogate): no indexed word
        # can hold one, and encoding it failed deep inside Whoosh.
        raise UsageError("query contains a byte that is not UTF-8 text")
    text = " ".join(text.split())
    if not text:
        raise UsageError("empty query")
    if len(text) > MAX_QUERY_CHARS:
        raise UsageError(f"query is longer than {MAX_QUERY_CHARS} characters")
    depth = 0
    deepest = 0
    for char in text:
        if char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth = max(0, depth - 1)
    if deepest > MAX_NESTING:
        raise UsageError(f"query nests parentheses deeper than {MAX_NESTING}")
    if len(text.split()) > MAX_QUERY_TERMS:
        raise UsageError(f"query has more than {MAX_QUERY_TERMS} words")
    if text.count('"') % 2:
        text = text.replace('"', " ")  # an unbalanced quote: search the words plainly
    return text


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _no_terms(q: query.Query) -> bool:
    """True when nothing in the query names a word: empty, or only `*`."""
    leaves = [q] if q.is_leaf() else list(q.leaves())
    return all(leaf is query.NullQuery or isinstance(leaf, query.Every) for leaf in leaves)


def _query_words(q: query.Query) -> set[str]:
    words: set[str] = set()
    with contextlib.suppress(Exception):
        for fieldname, term in q.iter_all_terms():
            if fieldname in ("products", "section", "id", "idkey", "path"):
                continue
            words.add(term.decode() if isinstance(term, bytes) else str(term))
    return words


#: Snippets look at the first this-many characters of an article's text: the problem
#: statement comes first, and a 178 KB article must not cost more than a small one.
SNIPPET_SCAN_CHARS = 20_000


def make_snippet(text: str, terms: set[str], width: int = 200) -> tuple[tuple[str, bool], ...]:
    """The window of `text` with the most distinct query terms, matches marked.

    Matching is by stem prefix on the raw text (a C-speed regex), not by re-running the
    analyzer: snippets for 20 hits must cost well under a millisecond each.
    """
    text = " ".join(text[:SNIPPET_SCAN_CHARS].split())
    if not text:
        return ()
    stems = sorted({t for t in terms if t and len(t) > 1}, key=len, reverse=True)
    matches: list[tuple[int, int, str]] = []
    if stems:
        pattern = re.compile(
            r"(?<!\w)(" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE
        )
        matches = [(m.start(), m.end(), m.group(1).lower()) for m in pattern.finditer(text)]
    start = 0
    if matches:
        # Two pointers over the matches: the window start with most distinct terms.
        best_count, best_start = -1, 0
        counts: dict[str, int] = {}
        right = 0
        for left, (s, _e, _t) in enumerate(matches):
            while right < len(matches) and matches[right][0] < s + width:
                term = matches[right][2]
                counts[term] = counts.get(term, 0) + 1
                right += 1
            if len(counts) > best_count:
                best_count, best_start = len(counts), s
            gone = matches[left][2]
            counts[gone] -= 1
            if not counts[gone]:
                del counts[gone]
        start = max(0, best_start - 40)
        if start:
            space = text.rfind(" ", 0, start)
            start = space + 1 if space != -1 and start - space < 20 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    runs: list[tuple[str, bool]] = []
    if start > 0:
        runs.append(("…", False))
    cursor = start
    for s, e, _t in matches:
        if s < start or e > end:
            continue
        if s > cursor:
            runs.append((text[cursor:s], False))
        runs.append((text[s:e], True))
        cursor = e
    if cursor < end:
        runs.append((text[cursor:end], False))
    if end < len(text):
        runs.append(("…", False))
    return tuple(runs)


#: Sections a snippet prefers, in order: the problem statement, then why, then the fix.
_SNIPPET_SECTIONS = ("symptoms", "summary", "cause", "resolution")


def snippet_source(article: Article) -> str:
    """The text a snippet is cut from: preferred sections first, at most SNIPPET_SCAN_CHARS.

    Computed once at index time and kept in the index. Snippets used to re-read and
    re-parse each hit's file on every search: three 4 MB articles made one search take
    29 s and 620 MB.
    """
    ordered = sorted(
        (s for s in article.sections if s.key != "appliesto"),
        key=lambda s: (
            _SNIPPET_SECTIONS.index(s.key) if s.key in _SNIPPET_SECTIONS else len(_SNIPPET_SECTIONS)
        ),
    )
    parts: list[str] = []
    size = 0
    for section in ordered:
        parts.append(section.text[: SNIPPET_SCAN_CHARS - size])
        size += len(parts[-1]) + 1
        if size >= SNIPPET_SCAN_CHARS:
            break
    text = " ".join(" ".join(parts)[:SNIPPET_SCAN_CHARS].split())
    return text or article.title


__all__ = [
    "SCHEMA_VERSION",
    "Hit",
    "IndexDamaged",
    "KBIndex",
    "SearchResult",
    "UpdateReport",
    "make_snippet",
]
