"""What the walkthrough and checklist screens share: the walk, sessions, the tree view."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.content import Content
from textual.message import Message
from textual.screen import Screen

from kbassist.errors import KBError
from kbassist.render import sanitize
from kbassist.trees.engine import Walk
from kbassist.trees.session import save_session, session_path, sessions_dir
from kbassist.tui.guided import GuidedWalk, session_name_for, session_name_problem
from kbassist.tui.rendering import DRAFTED_MARK, DRAFTED_STYLE, MUTED_STYLE
from kbassist.tui.screens.dialogs import ConfirmDialog, TextPromptDialog
from kbassist.tui.screens.tree_view import TreeViewScreen

if TYPE_CHECKING:
    from kbassist.tui.app import KBAssistApp

# Session saves run in threads; this keeps an older snapshot from landing last.
_save_lock = threading.Lock()
_save_seq = 0
_saved_seq = 0


class GuidedScreen(Screen[str | None]):
    """A screen showing a `GuidedWalk`; both of its screens save sessions the same way."""

    @dataclass
    class SessionSaved(Message):
        """The walk was written to session `name` (`announce`: the user asked for it)."""

        name: str
        path: Path
        announce: bool

    def __init__(self, guided: GuidedWalk, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.guided = guided

    @property
    def kb_app(self) -> KBAssistApp:
        return cast("KBAssistApp", self.app)

    def heading(self, prefix: str) -> Content:
        """The screen's first line: what is being walked, drafted or not, saved or not."""
        parts: list[str | tuple[str, str]] = [
            (prefix, "bold"),
            sanitize(self.guided.tree.title),
        ]
        if self.guided.drafted:
            parts += ["  ", (DRAFTED_MARK, DRAFTED_STYLE)]
        if self.guided.session:
            parts += ["  ", (f"session {self.guided.session}", MUTED_STYLE)]
        return Content.assemble(*parts)

    def refresh_heading(self) -> None:
        """Redraw the first line (the session name may have changed)."""

    # ------------------------------------------------------------------ tree view

    def action_show_tree(self) -> None:
        """The whole decision tree with the path taken so far highlighted."""
        self.app.push_screen(TreeViewScreen(self.guided.walk))

    # ------------------------------------------------------------------ sessions

    def action_save_session(self) -> None:
        """Ask a name, then save the walk so it can be resumed (ctrl+o)."""
        proposal = self.guided.session or session_name_for(self.guided.tree.id, self.kb_app.today())
        self.app.push_screen(
            TextPromptDialog(
                "Save this walk",
                f"Session name (letters, digits, '.', '-', '_'). Saved in {sessions_dir()}; "
                "ctrl+o lists saved sessions.",
                proposal,
                check=session_name_problem,
                ok_label="Save",
                id="session-dialog",
            ),
            self._session_named,
        )

    def _session_named(self, name: str | None) -> None:
        if name is None:
            return
        if name != self.guided.session and session_path(name).exists():
            self.app.push_screen(
                ConfirmDialog(
                    "Replace a saved session?",
                    f"A session named {name} exists. Replace it with this walk?",
                    yes_label="Replace",
                    no_label="Keep it",
                ),
                lambda yes: self.save_session(name, announce=True) if yes else None,
            )
            return
        self.save_session(name, announce=True)

    def save_session(self, name: str, *, announce: bool) -> None:
        """Write the walk as it is now to session `name`, in a thread."""
        global _save_seq
        with _save_lock:
            _save_seq += 1
            seq = _save_seq
        self._write_session(name, self.guided.snapshot(), announce, seq)

    def autosave(self) -> None:
        """After each step of a saved walk: save it again under its name."""
        if self.guided.session:
            self.save_session(self.guided.session, announce=False)

    @work(thread=True, group="session")
    def _write_session(self, name: str, walk: Walk, announce: bool, seq: int) -> None:
        global _saved_seq
        try:
            with _save_lock:
                if seq < _saved_seq:
                    return  # a newer save of this app already landed
                path = save_session(name, walk)
                _saved_seq = seq
        except KBError as exc:
            self.notify(
                sanitize(str(exc)), title="Session not saved", severity="error", markup=False
            )
            return
        self.post_message(self.SessionSaved(name, path, announce))

    @on(SessionSaved)
    def _session_saved(self, message: SessionSaved) -> None:
        self.guided.session = message.name
        self.refresh_heading()
        if message.announce:
            self.notify(
                sanitize(f"Saved as session {message.name} ({message.path})"),
                title="Session saved",
                markup=False,
            )
