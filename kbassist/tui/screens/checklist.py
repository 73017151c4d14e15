"""The checklist of a finished walk: tick items off, export, copy, save the session.

The export goes through a dialog proposing `kbassist-<tree id>-<date>.md` in the current
directory; an existing file is only replaced after a second, explicit yes. Ticked items
are exported as `- [x]`, the rest as `- [ ]`.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Static

from kbassist.checklist import Checklist, build_checklist, to_markdown
from kbassist.errors import OutputError
from kbassist.fileio import atomic_write
from kbassist.render import sanitize
from kbassist.tui.guided import (
    GuidedWalk,
    export_name,
    export_problem,
    resolve_output,
    ticked_markdown,
)
from kbassist.tui.rendering import MUTED_STYLE, plain
from kbassist.tui.screens.dialogs import ConfirmDialog, TextPromptDialog
from kbassist.tui.screens.guided_base import GuidedScreen
from kbassist.tui.widgets.checklist_view import ChecklistView
from kbassist.tui.widgets.footer import KBFooter


class ChecklistScreen(GuidedScreen):
    """The tailored checklist; dismissed with "back", "restart" or "close"."""

    AUTO_FOCUS = "#checklist"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("e", "export", "Export"),
        Binding("c", "copy", "Copy"),
        Binding("ctrl+s", "save_session", "Save"),
        Binding("ctrl+t", "show_tree", "Tree"),
        Binding("ctrl+n", "restart", "Restart"),
        Binding("ctrl+z", "back", "Back", show=False),
    ]

    def __init__(self, guided: GuidedWalk) -> None:
        # No fixed id: two walks (one resumed from the palette) may each have a checklist.
        super().__init__(guided)
        self.checklist: Checklist = build_checklist(guided.walk)

    def compose(self) -> ComposeResult:
        outcome = self.checklist.outcome
        yield Static(id="walk-title")
        yield Static(
            Content.assemble(("✔ ", "bold $text-success"), (sanitize(outcome.title), "bold")),
            id="check-title",
        )
        if outcome.text is not None:
            yield Static(plain(self.guided.walk.prompt()), id="check-summary")
        yield ChecklistView(self.checklist.items, id="checklist")
        yield Static(id="check-status")
        with Horizontal(id="check-buttons"):
            yield Button("Export…", id="export", variant="primary", compact=True)
            yield Button("Copy", id="copy", compact=True)
            yield Button("Save…", id="save", compact=True)
            # A walk that asks nothing has no question to go back to: Back closes it.
            yield Button("◀ Back" if self.guided.walk.index else "Close", id="back", compact=True)
            yield Button("Restart", id="restart", compact=True)
        yield KBFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        view = self.query_one(ChecklistView)
        view.set_ticked(
            n for n, item in enumerate(self.checklist.items) if item.key in self.guided.ticked
        )
        self.refresh_heading()
        self._show_count()

    def refresh_heading(self) -> None:
        self.query_one("#walk-title", Static).update(self.heading("Checklist · "))

    @on(ChecklistView.Toggled)
    def _toggled(self, message: ChecklistView.Toggled) -> None:
        """A tick belongs to the walk (and its session), not to this screen."""
        key = self.checklist.items[message.index].key
        if message.ticked:
            self.guided.ticked.add(key)
        else:
            self.guided.ticked.discard(key)
        self._show_count()
        self.changed()

    def _show_count(self) -> None:
        view = self.query_one(ChecklistView)
        total = len(view.items)
        self.query_one("#check-status", Static).update(
            Content.styled(
                f"{len(view.ticked)} of {total} ticked · space ticks · e exports Markdown",
                MUTED_STYLE,
            )
        )

    # ------------------------------------------------------------------ the document

    def markdown(self) -> str:
        """The export as it would be written now, ticks included."""
        text = to_markdown(
            self.checklist,
            today=self.kb_app.today(),
            article_titles=self.guided.article_titles,
        )
        return ticked_markdown(text, self.checklist, self.query_one(ChecklistView).ticked)

    # ------------------------------------------------------------------ export

    @on(Button.Pressed, "#export")
    def action_export(self) -> None:
        """Ask where to write the Markdown checklist (a name in the current directory)."""
        cwd = Path.cwd()
        self.app.push_screen(
            TextPromptDialog(
                "Export the checklist",
                f"Markdown file to write (relative names are in {cwd}):",
                export_name(self.guided.tree.id, self.kb_app.today()),
                check=export_problem,
                hint=lambda text: (
                    f"→ {resolve_output(text)}"
                    + ("  (exists: you will be asked)" if resolve_output(text).exists() else "")
                ),
                ok_label="Export",
                id="export-dialog",
            ),
            self._export_to,
        )

    def _export_to(self, text: str | None) -> None:
        if text is None:
            return
        path = resolve_output(text)
        markdown = self.markdown()
        if path.exists():

            def answered(replace: bool | None) -> None:
                if replace:
                    self._write(path, markdown, overwrite=True)
                else:
                    self.notify(sanitize(f"Not exported; {path} is unchanged"), markup=False)

            self.app.push_screen(
                ConfirmDialog(
                    "Replace the file?",
                    f"{path} already exists. Replace it with this checklist?",
                    yes_label="Replace",
                    no_label="Keep it",
                ),
                answered,
            )
        else:
            self._write(path, markdown, overwrite=False)

    @work(thread=True, group="export")
    def _write(self, path: Path, markdown: str, *, overwrite: bool) -> None:
        """Write atomically off the UI thread; any failure is a notification."""
        try:
            atomic_write(path, markdown, overwrite=overwrite)
        except OutputError as exc:
            self.notify(sanitize(str(exc)), title="Export failed", severity="error", markup=False)
            return
        self.notify(sanitize(f"Checklist written to {path}"), title="Exported", markup=False)

    # ------------------------------------------------------------------ other actions

    @on(Button.Pressed, "#copy")
    def action_copy(self) -> None:
        """Send the Markdown to the terminal's clipboard (OSC 52, where it is allowed)."""
        self.app.copy_to_clipboard(self.markdown())
        self.notify(
            "Checklist sent to the clipboard as Markdown. If nothing pastes, your terminal "
            "does not allow it: export it to a file instead.",
            markup=False,
        )

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save_session()

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        """Back to the last question (its answer is offered again); none: close the walk."""
        if self.guided.walk.index:
            self.dismiss("back")
        else:
            self.ask_close(lambda: self.dismiss("close"))

    @on(Button.Pressed, "#restart")
    def action_restart(self) -> None:
        """Start the walk again from the first step (asks when work would be lost)."""
        if self.guided.walk.index:
            self.ask_restart(lambda: self.dismiss("restart"))
        elif self.guided.has_progress:
            self.ask_restart(self._untick_all)  # nothing was asked: restarting unticks
        else:
            self.notify("This walk asks no question and nothing is ticked: nothing to restart")

    def _untick_all(self) -> None:
        self.guided.restart()
        self.query_one(ChecklistView).set_ticked(())
        self._show_count()
        self.changed()
