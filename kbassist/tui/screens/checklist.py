"""The checklist of a finished walk: tick items off, export, copy, save the session.

`e` exports Markdown, `t` plain text (for ticket systems that do not render Markdown):
a dialog proposes `kbassist-<tree id>-<date>.md` (or `.txt`) in the export folder (the
`export_dir` setting, else the current directory); an existing file is only replaced
after a second, explicit yes. Both are the ticket-ready export the CLI writes for the
same walk (`assistant.export_checklist`), ticked items as `[x]`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Static

from kbassist.articles import Article
from kbassist.assistant import export_checklist
from kbassist.errors import KBError, OutputError
from kbassist.fileio import atomic_write
from kbassist.sanitize import sanitize
from kbassist.trees.checklist import Checklist, build_checklist
from kbassist.trees.export import EXPORT_FORMATS, ExportFormat
from kbassist.trees.session import TickKey
from kbassist.tui.guided import GuidedWalk, export_name, export_problem, resolve_output
from kbassist.tui.rendering import MUTED_STYLE, plain
from kbassist.tui.screens.dialogs import ConfirmDialog, TextPromptDialog
from kbassist.tui.screens.guided_base import GuidedScreen
from kbassist.tui.services import WalkServices
from kbassist.tui.widgets.checklist_view import ChecklistView
from kbassist.tui.widgets.footer import KBFooter


class ChecklistScreen(GuidedScreen):
    """The tailored checklist; dismissed with "back", "restart" or "close"."""

    HELP_TITLE = "Checklist"
    HELP_ORDER = 40

    AUTO_FOCUS = "#checklist"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("e", "export", "Export"),
        Binding("t", "export_text", "Export text"),
        Binding("c", "copy", "Copy"),
        Binding("ctrl+s", "save_session", "Save"),
        Binding("ctrl+t", "show_tree", "Tree"),
        Binding("ctrl+n", "restart", "Restart"),
        Binding("ctrl+z", "back", "Back", show=False),
    ]

    def __init__(self, guided: GuidedWalk, services: WalkServices) -> None:
        # No fixed id: two walks (one resumed from the palette) may each have a checklist.
        super().__init__(guided, services)
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
            yield Button("Text…", id="export-text", compact=True)
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
                f"{len(view.ticked)} of {total} ticked · space ticks · "
                "e exports Markdown, t plain text",
                MUTED_STYLE,
            )
        )

    # ------------------------------------------------------------------ the document

    def ticked(self) -> list[int]:
        """The items ticked now (indexes into the checklist), read on the UI thread."""
        return sorted(self.query_one(ChecklistView).ticked)

    def render_export(self, fmt: ExportFormat, ticked: list[int]) -> str:
        """The export with `ticked` items ticked. Reads the articles (title and link):
        call it from a worker. The same call as `kbassist walk --export`."""
        return export_checklist(
            self.checklist,
            fmt,
            settings=self.services.settings,
            get_article=self._article_or_none,
            today=self.services.today(),
            ticked={self.checklist.items[n].key for n in ticked},
        )

    def _article_or_none(self, article_id: str) -> Article | None:
        """An article for the export's title and link; one that cannot be read: none."""
        try:
            return self.services.read_article(article_id)
        except KBError:
            return None

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's commands in the palette (ctrl+p)."""
        yield SystemCommand(
            "Export checklist as Markdown…", "Write it to a .md file (e)", self.action_export
        )
        yield SystemCommand(
            "Export checklist as plain text…",
            "Write it to a .txt file, for tickets without Markdown (t)",
            self.action_export_text,
        )
        yield SystemCommand("Copy checklist", "As Markdown, to the clipboard (c)", self.action_copy)
        yield from super().palette_commands()

    # ------------------------------------------------------------------ export

    @on(Button.Pressed, "#export")
    def action_export(self) -> None:
        """Ask where to write the Markdown checklist (a name in the export folder)."""
        self._ask_export("markdown")

    @on(Button.Pressed, "#export-text")
    def action_export_text(self) -> None:
        """Ask where to write the plain-text checklist (a name in the export folder)."""
        self._ask_export("text")

    def _ask_export(self, fmt: ExportFormat, name: str | None = None) -> None:
        """The export dialog, proposing `name` (a name already tried) or a fresh one."""
        folder = self.services.export_folder()
        kind = "Markdown" if fmt == "markdown" else "Plain-text"
        if name is None:
            name = export_name(self.guided.tree.id, self.services.today(), EXPORT_FORMATS[fmt])
        self.app.push_screen(
            TextPromptDialog(
                "Export the checklist" + (" as plain text" if fmt == "text" else ""),
                f"{kind} file to write (relative names are in {folder}):",
                name,
                check=lambda text: export_problem(text, folder),
                hint=lambda text: (
                    f"→ {resolve_output(text, folder)}"
                    + (
                        "  (exists: you will be asked)"
                        if resolve_output(text, folder).exists()
                        else ""
                    )
                ),
                ok_label="Export",
                id="export-dialog",
            ),
            lambda text: self._export_to(text, folder, fmt),
        )

    def _export_to(self, text: str | None, folder: Path, fmt: ExportFormat) -> None:
        if text is None:
            return
        path = resolve_output(text, folder)
        if path.exists():

            def answered(replace: bool | None) -> None:
                if replace:
                    self._write(path, fmt, self.ticked(), self._ticks(), overwrite=True)
                elif replace is False:  # keep that file: back to the name, to change it
                    self._ask_export(fmt, text)
                else:
                    self.notify(sanitize(f"Not exported; {path} is unchanged"), markup=False)

            self.app.push_screen(
                ConfirmDialog(
                    "Replace the file?",
                    f"{path} already exists. Replace it with this checklist?",
                    yes_label="Replace",
                    no_label="Keep it, choose another name",
                ),
                answered,
            )
        else:
            self._write(path, fmt, self.ticked(), self._ticks(), overwrite=False)

    def _ticks(self) -> frozenset[TickKey]:
        return frozenset(self.guided.ticked)

    @work(thread=True, group="export")
    def _write(
        self,
        path: Path,
        fmt: ExportFormat,
        ticked: list[int],
        kept: frozenset[TickKey],
        *,
        overwrite: bool,
    ) -> None:
        """Render and write atomically off the UI thread; any failure is a notification.

        `kept` is the walk's ticks when the export was asked for (read on the UI thread).
        """
        try:
            atomic_write(path, self.render_export(fmt, ticked), overwrite=overwrite)
        except OutputError as exc:
            self.notify(sanitize(str(exc)), title="Export failed", severity="error", markup=False)
            return
        self.app.call_from_thread(setattr, self.guided, "exported_ticks", kept)
        self.notify(sanitize(f"Checklist written to {path}"), title="Exported", markup=False)

    # ------------------------------------------------------------------ other actions

    @on(Button.Pressed, "#copy")
    def action_copy(self) -> None:
        """Send the Markdown to the terminal's clipboard (OSC 52, where it is allowed)."""
        self._copy(self.ticked())

    @work(thread=True, group="export")
    def _copy(self, ticked: list[int]) -> None:
        text = self.render_export("markdown", ticked)
        self.app.call_from_thread(self.app.copy_to_clipboard, text)
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
