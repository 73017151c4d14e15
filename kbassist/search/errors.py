"""The errors of searching and indexing that any engine raises, and the one line each."""

from __future__ import annotations

import errno

from kbassist.errors import DataError, UsageError


class IndexDamaged(DataError):
    """The index on disk cannot be trusted; the message says what was found.

    A DataError, so a surface that meets it mid-session reports it like any bad input;
    `status()` catches it first and `ensure()`/`kbassist index` rebuild.
    """


class SearchFailed(UsageError):
    """A read failed for a reason that is not the index's: exit 2, and nothing written."""


class SearchCancelled(UsageError):
    """The caller cancelled the search (a newer one replaced it)."""


#: OSErrors of the machine (memory, file handles), not of the files.
_RESOURCE_ERRNOS = frozenset(
    {errno.ENOMEM, errno.EMFILE, errno.ENFILE, errno.EAGAIN, errno.EINTR, errno.ENOBUFS}
)


def is_resource_error(exc: BaseException) -> bool:
    """Out of memory, of stack or of file handles: the machine's limits, not the files'."""
    return isinstance(exc, (MemoryError, RecursionError)) or (
        isinstance(exc, OSError) and exc.errno in _RESOURCE_ERRNOS
    )


def search_failed(exc: BaseException) -> SearchFailed:
    """The one line for a read that failed without damage (MemoryError and the like)."""
    if isinstance(exc, MemoryError) or (isinstance(exc, OSError) and exc.errno == errno.ENOMEM):
        return SearchFailed("not enough memory for this search; try fewer or narrower words")
    if isinstance(exc, RecursionError):
        return SearchFailed("query is nested too deeply")
    if isinstance(exc, OSError):
        return SearchFailed(f"cannot read the index now: {exc.strerror or exc}; try again")
    detail = " ".join(str(exc).split())[:200]
    return SearchFailed(f"cannot run this query ({type(exc).__name__}: {detail})")
