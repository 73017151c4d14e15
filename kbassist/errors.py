"""One error family for the whole core, each kind with its documented exit code.

The CLI turns any `KBError` into one line on stderr and `exit_code`; the TUI turns it
into a notification. Nothing else should escape to the user.
"""

from __future__ import annotations

from pathlib import Path

from kbassist.sanitize import display_path


class KBError(Exception):
    """A problem the user can act on; `str()` is the whole message."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = display_path(self.path)
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        return f"{where}{self.message}"


class UsageError(KBError):
    """The command line or a query cannot be understood."""

    exit_code = 2


class NotFoundError(KBError):
    """An article, tree or session the user named does not exist."""

    exit_code = 3


class AmbiguousIdError(NotFoundError):
    """Several articles have the id the user named: none is picked, each is listed.

    `candidates` are (path below the articles folder, title): `get` takes the path.
    """

    def __init__(self, message: str, *, candidates: list[tuple[str, str]]) -> None:
        super().__init__(message)
        self.candidates = candidates


class DataError(KBError):
    """An input file (articles folder, tree, answers, session) is missing or invalid."""

    exit_code = 4


class IndexBusyError(KBError):
    """The index cannot be used now: locked by another process, or not writable."""

    exit_code = 5


class OutputError(KBError):
    """A file could not be written, or would overwrite one without --force."""

    exit_code = 6
