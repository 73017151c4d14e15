"""Everything the CLI writes to the terminal, sanitized: output, notes, errors, the
progress bar and, with `-v`, the log.

Every line the CLI prints goes through `echo` (or `error`/`note`, which use it), and
`echo` sanitizes each piece before any style is added: a file name, a tree title or an
article snippet carrying `ESC ] 0 ; ...` cannot retitle the terminal or write the
clipboard, whichever command prints it. Only the progress bar writes control bytes, its
own, through `_echo_control`. A test checks that no other function of the CLI calls
click's writers.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

import click

from kbassist.sanitize import sanitize
from kbassist.settings import Settings


@dataclass(frozen=True, slots=True)
class Styled:
    """A piece of output with a click style (colour, bold), sanitized before styling."""

    text: str
    style: dict[str, Any] = field(default_factory=dict)


def styled(text: str, **style: Any) -> Styled:
    """`text` to print with `click.style(**style)`."""
    return Styled(text, style)


def colour_wanted() -> bool:
    """False when the settings say NO_COLOR is set (no-color.org): plain text, even on a
    tty. Outside a command (no settings read yet) nothing styled is printed anyway."""
    ctx = click.get_current_context(silent=True)
    settings = getattr(ctx.find_root().obj, "settings", None) if ctx is not None else None
    return settings.colour if isinstance(settings, Settings) else True


def echo(*parts: str | Styled, err: bool = False, nl: bool = True) -> None:
    """The one way the CLI writes text: every part sanitized, styles added after
    (and only when colour is wanted: click already drops them when piped)."""
    colour = colour_wanted()
    text = "".join(
        click.style(sanitize(part.text), **part.style)
        if isinstance(part, Styled) and colour
        else sanitize(part.text if isinstance(part, Styled) else part)
        for part in parts
    )
    click.echo(text, err=err, nl=nl)


def _echo_control(text: str) -> None:
    """The progress bar's own `\r` and erase-line bytes (no untrusted text in them)."""
    click.echo(text, err=True, nl=False)


def error(message: str) -> None:
    """The one way the CLI reports a problem: one line on stderr."""
    echo(f"kbassist: error: {message}", err=True)


def note(message: str) -> None:
    """Something the user should know that is not the command's output."""
    echo(f"kbassist: {message}", err=True)


class SanitizedStream:
    """stderr for click's own messages, which quote what was typed (`No such command
    '\x1b]0;...'`): sanitized like everything else."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(sanitize(text))

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()


def progress_printer(label: str) -> Callable[[int, int], None] | None:
    """A one-line bar with counts and rate on a terminal; nothing when piped."""
    if not sys.stderr.isatty():
        return None
    started = time.perf_counter()
    finished: list[bool] = []

    def show(done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        rate = done / max(time.perf_counter() - started, 1e-6)
        bar = "█" * filled + "░" * (width - filled)
        # \x1b[K clears what a longer previous line left behind.
        _echo_control(f"\r{label} {bar} {done}/{total} ({rate:,.0f}/s)\x1b[K")
        if done >= total and not finished:
            finished.append(True)
            echo(" writing…", err=True)

    return show


#: Shared ids listed one by one when a search indexes first; more are summed up in a line.
SHARED_IDS_LISTED = 3


def report_update(report: Any, *, announced: bool = False) -> None:
    """Skipped files, shared ids, why a rebuild happened (unless already said), and the
    counts. Shared ids are listed when first found, then counted in one line. When a
    search indexed first (`announced`), many new ones are one line too: the search's
    results are what was asked for, and `kbassist index --full` lists them all."""
    for problem in report.problems:
        note(f"skipped {problem}")
    for warning in report.warnings:
        note(f"warning: {warning}")
    shared = report.duplicate_notes(only_new=True)
    if announced and len(shared) > SHARED_IDS_LISTED:
        note(
            f"{len(shared)} ids are shared by several files; each file is named by its "
            "folder-qualified id (`kbassist index --full` lists them)"
        )
        shared = []
    for line in shared:
        note(line)
    if still := report.still_shared_note():
        note(still)
    if report.rebuilt and not announced and report.rebuilt != "no index yet":
        note(f"rebuilt the index: {report.rebuilt}")
    note(report.summary())


# --------------------------------------------------------------------------- the log


class LogHandler(logging.Handler):
    """Log records as `kbassist: debug: kbassist.search: message` lines on stderr,
    through `echo`, so a logged file name or query is sanitized like any output."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
        except Exception:  # a bad format string in some library's record
            self.handleError(record)
            return
        echo(f"kbassist: {record.levelname.lower()}: {record.name}: {text}", err=True)


def configure_logging(verbosity: int) -> None:
    """Route kbassist's loggers to stderr: nothing without -v (not even warnings, which
    Python would otherwise print raw), kbassist's debug lines with -v, every library's
    too with -vv. Called again by each run (tests run many in one process)."""
    for name in ("kbassist", ""):
        logger = logging.getLogger(name)
        for handler in [h for h in logger.handlers if isinstance(h, LogHandler | _Quiet)]:
            logger.removeHandler(handler)
    ours = logging.getLogger("kbassist")
    if verbosity <= 0:
        ours.addHandler(_Quiet())
        ours.setLevel(logging.NOTSET)
        ours.propagate = True
        return
    handler = LogHandler()
    if verbosity >= 2:
        root = logging.getLogger()
        root.addHandler(handler)
        root.setLevel(logging.DEBUG)
        ours.setLevel(logging.DEBUG)
        ours.propagate = True
        return
    ours.addHandler(handler)
    ours.setLevel(logging.DEBUG)
    ours.propagate = False


class _Quiet(logging.NullHandler):
    """Marks kbassist's logger as handled, so Python's last-resort handler stays silent."""
