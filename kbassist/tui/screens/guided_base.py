"""What the walkthrough and checklist screens share: the walk, sessions, the tree view."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from inspect import isawaitable
from pathlib import Path

from textual import on, work
from textual.app import SystemCommand
from textual.content import Content
from textual.message import Message

from kbassist.errors import KBError
from kbassist.sanitize import sanitize
from kbassist.trees.engine import Walk
from kbassist.trees.session import session_path, sessions_dir
from kbassist.tui.guided import (
    GuidedWalk,
    WalkState,
    restart_warning,
    session_name_for,
    session_name_problem,
    unsaved_work,
)
from kbassist.tui.rendering import DRAFTED_MARK, DRAFTED_STYLE, MUTED_STYLE, WARNING_STYLE
from kbassist.tui.screens.base import KBScreen
from kbassist.tui.screens.dialogs import ConfirmDialog, TextPromptDialog
from kbassist.tui.screens.tree_view import TreeViewScreen
from kbassist.tui.services import WalkServices


def _after_yes(action: Callable[[], object]) -> Callable[[bool | None], Awaitable[None]]:
    """A dialog callback running `action` after a yes and awaiting what it returns when
    that is awaitable (a dismiss), as Textual does with a callback's own result."""

    async def callback(yes: bool | None) -> None:
        if yes:
            result = action()
            if isawaitable(result):
                await result

    return callback


class GuidedScreen(KBScreen[str | None]):
    """A screen showing a `GuidedWalk`; both of its screens save sessions the same way."""

    #: Inside a guided fix the footer keeps to the walk (the palette still has these).
    HIDDEN_APP_ACTIONS = frozenset({"reindex", "sessions"})

    @dataclass
    class SessionSaved(Message):
        """The walk was written to session `name` (`announce`: the user asked for it)."""

        name: str
        path: Path
        announce: bool
        #: The steps and ticks written: the walk is unsaved again once they differ.
        state: WalkState

    def __init__(
        self, guided: GuidedWalk, services: WalkServices, *, id: str | None = None
    ) -> None:
        """`services`: the articles, dates and settings the walk and its exports read."""
        super().__init__(id=id)
        self.guided = guided
        self.services = services

    def heading(self, prefix: str) -> Content:
        """The screen's first line: what is being walked, drafted or not, saved or not."""
        parts: list[str | tuple[str, str]] = [(prefix, "bold")]
        if self.guided.session:  # before the title, which is often cut at the edge
            parts.append((f"session {self.guided.session}", MUTED_STYLE))
            if self.guided.unsaved:
                parts.append((" (unsaved changes)", WARNING_STYLE))
            parts.append((" · ", MUTED_STYLE))
        parts.append(sanitize(self.guided.tree.title))
        if self.guided.drafted:
            parts += ["  ", (DRAFTED_MARK, DRAFTED_STYLE)]
        return Content.assemble(*parts)

    def refresh_heading(self) -> None:
        """Redraw the first line (the session name may have changed)."""

    def on_screen_resume(self) -> None:
        # The walk may have moved on under another screen (the checklist, a dialog).
        self.refresh_heading()

    # ------------------------------------------------------------------ asking first

    def ask_restart(self, restart: Callable[[], object]) -> None:
        """Run `restart` now when there is nothing to lose, else after a yes."""
        if not self.guided.has_progress:
            restart()
            return
        self.app.push_screen(
            ConfirmDialog(
                "Start again?",
                restart_warning(self.guided),
                yes_label="Restart",
                no_label="Keep going",
            ),
            _after_yes(restart),
        )

    def ask_close(self, close: Callable[[], object]) -> None:
        """Close the walk; a session's unsaved changes, or ticks kept nowhere (not saved,
        not exported), are only dropped after a yes.

        Otherwise a walk never saved closes at once with a note: its answers are quick to
        give again.
        """
        guided = self.guided
        if (guided.session and guided.unsaved) or guided.ticks_unkept:
            self.app.push_screen(
                ConfirmDialog(
                    "Close without saving?",
                    f"The {unsaved_work(guided)} would be lost. ctrl+s saves them"
                    + (
                        "; the session file keeps the walk as last saved."
                        if guided.session
                        else " to resume later."
                    ),
                    yes_label="Close",
                    no_label="Keep it open",
                ),
                _after_yes(close),
            )
            return
        if guided.unsaved:
            self.notify("Walk closed without saving (ctrl+s saves a walk to resume later)")
        close()

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's commands in the palette (ctrl+p)."""
        yield SystemCommand(
            "Show decision tree",
            "The whole tree, the path taken highlighted (ctrl+t)",
            self.action_show_tree,
        )
        yield SystemCommand(
            "Save session", "Save this walk to resume later (ctrl+s)", self.action_save_session
        )

    # ------------------------------------------------------------------ tree view

    def action_show_tree(self) -> None:
        """The whole decision tree with the path taken so far highlighted."""
        self.app.push_screen(TreeViewScreen(self.guided.walk))

    # ------------------------------------------------------------------ sessions

    def action_save_session(self) -> None:
        """Ask a name, then save the walk so it can be resumed (ctrl+o)."""
        proposal = self.guided.session or session_name_for(
            self.guided.tree.id, self.services.today()
        )
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
        """Write the walk as it is now (steps and ticks) to session `name`, in a thread."""
        seq = self.services.session_saves.ticket()
        guided = self.guided
        self._write_session(name, guided.snapshot(), guided.state(), announce, seq)

    def changed(self) -> None:
        """After every step or tick: saved at once when the admin said so, else marked.

        Only a walk the admin saved under its name in this run is saved again without
        asking; a resumed session is never written over until ctrl+s.
        """
        if self.guided.session and self.guided.autosave:
            self.save_session(self.guided.session, announce=False)
        else:
            self.refresh_heading()

    @work(thread=True, group="session")
    def _write_session(
        self, name: str, walk: Walk, state: WalkState, announce: bool, seq: int
    ) -> None:
        try:
            path = self.services.session_saves.write(
                seq, lambda: self.services.save_walk(name, walk, state[1])
            )
        except KBError as exc:
            self.notify(
                sanitize(str(exc)), title="Session not saved", severity="error", markup=False
            )
            return
        if path is None:
            return  # a newer save of this app already landed
        self.post_message(self.SessionSaved(name, path, announce, state))

    @on(SessionSaved)
    def _session_saved(self, message: SessionSaved) -> None:
        guided = self.guided
        guided.session = message.name
        guided.saved_state = message.state
        if message.announce:
            guided.autosave = True  # the admin named it: later steps go there too
        self.refresh_heading()
        if message.announce:
            self.notify(
                sanitize(
                    f"Saved as session {message.name} ({message.path}); later steps are "
                    "saved there too"
                ),
                title="Session saved",
                markup=False,
            )
