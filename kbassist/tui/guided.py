"""The walk a person is being guided through, and the plain helpers its screens share.

Nothing here imports Textual: the names proposed for exports and sessions and the
resolution of a typed file name are plain functions with plain tests (the export
itself, ticks included, is `assistant.export_checklist`, shared with the CLI).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kbassist.errors import KBError, OutputError
from kbassist.fileio import check_output_path
from kbassist.trees.engine import Walk
from kbassist.trees.model import Tree
from kbassist.trees.session import Resumed, TickKey, check_name
from kbassist.trees.values import value_text

#: What "unsaved" compares: the steps taken (node id, answer text) and the ticks.
WalkState = tuple[tuple[tuple[str, str | None], ...], frozenset[TickKey]]


@dataclass(eq=False)
class GuidedWalk:
    """A walk and what the screens remember about it between steps."""

    walk: Walk
    #: The article it was started from (None: from the palette or a saved session).
    article_id: str | None = None
    #: The tree was drafted by a machine from the article, not written by a person.
    drafted: bool = False
    #: The saved session this walk belongs to (saved under, or resumed from, this name).
    session: str | None = None
    #: Save every step to `session` without asking: only once the admin saved it under
    #: that name in this run (ctrl+s); never for a session just resumed, nor after Restart.
    autosave: bool = False
    #: Checklist items ticked, by `ChecklistItem.key`; kept when the walk goes back.
    ticked: set[TickKey] = field(default_factory=set)
    #: The state last written to (or read from) `session`; None: never saved.
    saved_state: WalkState | None = None
    #: The ticks last written to an export file: kept there, though not in a session.
    exported_ticks: frozenset[TickKey] | None = None

    @classmethod
    def resumed(cls, resumed: Resumed, session: str) -> GuidedWalk:
        """A resumed session: linked to its name, ticks restored, nothing to save yet."""
        drafted_from = resumed.walk.tree.drafted_from
        guided = cls(
            resumed.walk,
            article_id=drafted_from,
            drafted=drafted_from is not None,
            session=session,
            ticked=set(resumed.ticked),
        )
        guided.saved_state = guided.state()
        return guided

    @property
    def tree(self) -> Tree:
        return self.walk.tree

    def state(self) -> WalkState:
        """The steps and ticks as they are now (what a save would write)."""
        steps = tuple(
            (s.node.id, None if s.value is None else value_text(s.value)) for s in self.walk.history
        )
        return steps, frozenset(self.ticked)

    @property
    def has_progress(self) -> bool:
        """Whether anything was done: a step taken or an item ticked."""
        return bool(self.walk.index or self.ticked)

    @property
    def unsaved(self) -> bool:
        """Whether closing now loses something: progress never saved, or changed since."""
        if self.saved_state is None:
            return self.has_progress
        return self.state() != self.saved_state

    @property
    def ticks_unkept(self) -> bool:
        """Whether closing now drops ticks kept nowhere: not in a session, not exported.

        Answers alone are cheap to give again; ticks record work done at the console.
        """
        ticks = frozenset(self.ticked)
        if not ticks or not self.unsaved:
            return False
        return ticks != self.exported_ticks

    def restart(self) -> None:
        """Back to the first step with nothing ticked; the saved session is left alone."""
        self.walk.restart()
        self.ticked.clear()
        self.autosave = False

    def snapshot(self) -> Walk:
        """A copy of the walk (same steps and place) that a worker thread may read."""
        copy = Walk(self.walk.tree)
        copy.replay(list(self.state()[0]))
        return copy


class SaveOrder:
    """Session saves run in threads, one after the other: an older snapshot never lands
    after a newer one. One per app (its walk and checklist screens share it)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._asked = 0
        self._landed = 0

    def ticket(self) -> int:
        """The place of a save about to be asked for (taken on the UI thread)."""
        with self._lock:
            self._asked += 1
            return self._asked

    def write(self, ticket: int, save: Callable[[], Path]) -> Path | None:
        """Run `save` unless a later save already landed (then None)."""
        with self._lock:
            if ticket < self._landed:
                return None
            path = save()
            self._landed = ticket
            return path


def unsaved_work(guided: GuidedWalk) -> str:
    """What closing the walk now would lose: `3 steps taken and 2 items ticked`."""
    if guided.session:
        return f"changes to session {guided.session} since it was saved"
    parts = []
    for count, noun in ((guided.walk.index, "step taken"), (len(guided.ticked), "item ticked")):
        if count:
            word, _, rest = noun.partition(" ")
            parts.append(f"{count} {word}{'s' if count != 1 else ''} {rest}")
    return " and ".join(parts) or "nothing"


def restart_warning(guided: GuidedWalk) -> str:
    """The restart dialog's question: what is lost, and that a saved session is kept."""
    # A walk that asks nothing restarts by unticking its checklist.
    ask = "Start again from the first step?" if guided.walk.index else "Untick every item?"
    if guided.session and not guided.unsaved:
        return (
            f"{ask} Session {guided.session} keeps the walk as saved; the new walk is "
            "saved only when you press ctrl+s."
        )
    kept = f" Session {guided.session} keeps the walk as saved." if guided.session else ""
    return f"{ask} The {unsaved_work(guided)} would be lost (ctrl+s saves them first).{kept}"


def export_name(tree_id: str, today: date, suffix: str = ".md") -> str:
    """The file name proposed for an export: `kbassist-<tree id>-<date>.md` (or .txt)."""
    return f"kbassist-{tree_id}-{today.isoformat()}{suffix}"


def session_name_for(tree_id: str, today: date) -> str:
    """The session name proposed for a walk: `<tree id>-<date>`, a valid session name."""
    stem = tree_id[: 64 - 11]
    return f"{stem}-{today.isoformat()}"


def resolve_output(text: str, cwd: Path | None = None) -> Path:
    """What a typed file name means: `~` expanded, relative to the current directory."""
    path = Path(text.strip()).expanduser()
    if not path.is_absolute():
        path = (cwd or Path.cwd()) / path
    return Path(os.path.normpath(path))


def export_problem(text: str, cwd: Path | None = None) -> str | None:
    """Why `text` cannot be an export file (shown as you type), or None if it can."""
    if not text.strip():
        return "type a file name"
    path = resolve_output(text, cwd)
    try:
        check_output_path(path)
    except OutputError as exc:
        return exc.message
    if path.is_dir():
        return f"{path} is a folder: add a file name"
    if not path.parent.is_dir():
        return f"folder {path.parent} does not exist"
    return None


def session_name_problem(text: str) -> str | None:
    """Why `text` cannot be a session name, or None if it can."""
    try:
        check_name(text.strip())
    except KBError as exc:
        return exc.message
    return None
