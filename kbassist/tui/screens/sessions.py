"""Saved walks: resume one, or delete one (a damaged file too, after asking)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from kbassist.sanitize import sanitize
from kbassist.trees.session import Session, list_sessions, sessions_dir
from kbassist.tui.messages import ResumeSession
from kbassist.tui.rendering import ERROR_STYLE, MUTED_STYLE
from kbassist.tui.screens.base import KBScreen
from kbassist.tui.screens.dialogs import ConfirmDialog
from kbassist.tui.services import SessionTitle
from kbassist.tui.widgets.footer import KBFooter


def when(updated: str) -> str:
    """`2026-01-31T12:00:00+00:00` -> `2026-01-31 12:00 UTC` (as stored, if it is not)."""
    if len(updated) >= 16 and updated[10] == "T":
        return f"{updated[:10]} {updated[11:16]}" + (" UTC" if updated.endswith("+00:00") else "")
    return updated


class SessionsScreen(KBScreen[None]):
    """Every saved walk, newest first; unreadable files listed with their error."""

    HELP_TITLE = "Saved sessions"
    HELP_ORDER = 50
    HIDDEN_APP_ACTIONS = frozenset({"sessions"})

    AUTO_FOCUS = "#session-list"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("r", "resume", "Resume"),
        Binding("delete,d", "delete", "Delete"),
        Binding("f5", "rescan", "Refresh"),
    ]

    @dataclass
    class Listed(Message):
        """The sessions folder was read."""

        sessions: list[Session]
        failed: list[tuple[Path, str]]

    def __init__(self, session_title: SessionTitle) -> None:
        """`session_title`: what a session is a walk of (its tree's title, or the article)."""
        super().__init__(id="sessions")
        self.session_title = session_title
        self.sessions: list[Session] = []
        self.failed: list[tuple[Path, str]] = []

    def compose(self) -> ComposeResult:
        yield Static(Content.styled("Saved sessions", "bold"), id="sessions-title")
        yield Static(Content.styled(f"in {sessions_dir()}", MUTED_STYLE), id="sessions-dir")
        yield Static("", id="sessions-empty")
        yield OptionList(id="session-list", markup=False)
        yield KBFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.action_rescan()

    # ------------------------------------------------------------------ listing

    def action_rescan(self) -> None:
        """Read the sessions folder again."""
        self._scan()

    @work(thread=True, exclusive=True, group="sessions")
    def _scan(self) -> None:
        sessions, failed = list_sessions()
        self.post_message(self.Listed(sessions, failed))

    @on(Listed)
    def _show_listed(self, message: Listed) -> None:
        self.sessions, self.failed = message.sessions, message.failed
        options: list[Option | None] = []
        for n, saved in enumerate(self.sessions):
            title = self.session_title(saved)
            if saved.ticked:
                title += f" · {len(saved.ticked)} ticked"
            state = "finished" if saved.finished else f"stopped at {saved.current}"
            options.append(
                Option(
                    Content.assemble(
                        (sanitize(saved.name), "bold"),
                        "  ",
                        sanitize(title),
                        "\n",
                        (
                            sanitize(
                                f"{len(saved.steps)} steps, {state} · saved {when(saved.updated)}"
                            ),
                            MUTED_STYLE,
                        ),
                    ),
                    id=f"ok-{n}",
                )
            )
        for n, (path, reason) in enumerate(self.failed):
            options.append(
                Option(
                    Content.assemble(
                        ("✗ ", ERROR_STYLE),
                        (sanitize(path.name), "bold"),
                        ("  unreadable: d deletes it", MUTED_STYLE),
                        "\n",
                        (sanitize(reason), ERROR_STYLE),
                    ),
                    id=f"bad-{n}",
                )
            )
        listing = self.query_one("#session-list", OptionList)
        listing.set_options(options)
        if options:
            listing.highlighted = 0
        empty = self.query_one("#sessions-empty", Static)
        empty.update(
            ""
            if options
            else Content.styled("No saved sessions. ctrl+s saves a walk as a session.", MUTED_STYLE)
        )
        self.refresh_bindings()

    def _highlighted(self) -> tuple[str, int] | None:
        option = self.query_one("#session-list", OptionList).highlighted_option
        if option is None or option.id is None:
            return None
        kind, _, number = option.id.partition("-")
        return kind, int(number)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("resume", "delete"):
            return self._highlighted() is not None
        return True

    # ------------------------------------------------------------------ resuming

    @on(OptionList.OptionSelected, "#session-list")
    def _selected(self) -> None:
        self.action_resume()

    def action_resume(self) -> None:
        """Continue the highlighted session (a damaged one can only be deleted)."""
        chosen = self._highlighted()
        if chosen is None:
            return
        kind, n = chosen
        if kind == "bad":
            self.action_delete()
            return
        self._resume(self.sessions[n])

    def _resume(self, saved: Session) -> None:
        """Replayed by the app (in a worker); the walk then takes this screen's place."""
        self.post_message(ResumeSession(saved))

    # ------------------------------------------------------------------ deleting

    def action_delete(self) -> None:
        """Delete the highlighted session file, after asking."""
        chosen = self._highlighted()
        if chosen is None:
            return
        kind, n = chosen
        path = self.sessions[n].path if kind == "ok" else self.failed[n][0]
        what = "this saved session" if kind == "ok" else "this unreadable session file"
        self.app.push_screen(
            ConfirmDialog(
                "Delete a session?",
                f"Delete {what}?\n{path}",
                yes_label="Delete",
                no_label="Keep it",
            ),
            lambda yes: self._delete(path) if yes else None,
        )

    def _delete(self, path: Path) -> None:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            self.notify(
                sanitize(f"Cannot delete {path}: {exc.strerror or exc}"),
                severity="error",
                markup=False,
            )
            return
        self.notify(sanitize(f"Deleted {path.name}"), markup=False)
        self.action_rescan()
