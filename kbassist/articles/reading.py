"""Reading an article file defensively: only small regular text files, inside the folder.

A file that is not an article (binary, empty, not text, too big, a FIFO, a broken
symlink, a link out of the articles folder) raises `ArticleSkip`, which loaders report
and move past.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

MAX_ARTICLE_BYTES = 4 * 1024 * 1024


class ArticleSkip(Exception):
    """This file is not an article we can read; the message says why."""


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
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise ArticleSkip("not a regular file")
        if root is not None and not is_inside(_opened_path(fd, path), root):
            raise ArticleSkip(OUTSIDE_FILE)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            # A read of the size the file has, plus one byte to see it grew: a read of
            # the 4 MB limit allocated 4 MB for every article (8% of a build's CPU).
            want = min(opened.st_size, MAX_ARTICLE_BYTES) + 1
            data = handle.read(want)
            if len(data) == want and want <= MAX_ARTICLE_BYTES:  # grown since the stat
                data += handle.read(MAX_ARTICLE_BYTES + 1 - want)
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


_UTF16_TEXT_RE = re.compile(r"[ \t\n]")
_UTF16_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\ufffe\uffff]")


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or BOM-marked UTF-16; else refuse."""
    if not data.strip():
        raise ArticleSkip("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ArticleSkip("not valid UTF-16 text") from None
        # Any bytes after FF FE decode as UTF-16 (as CJK-looking characters): text that
        # has no space or line break, or has control characters, is binary with a BOM.
        if not _UTF16_TEXT_RE.search(text) or _UTF16_CONTROL_RE.search(text):
            raise ArticleSkip("binary file (a UTF-16 mark, but no text after it)")
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


# --------------------------------------------------------------------------- folders


#: Why a file the scan listed cannot be read at all.
MISSING = "missing (broken symlink or deleted)"
