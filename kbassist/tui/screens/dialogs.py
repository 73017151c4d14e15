"""Modal dialogs for when the user must act: type a name, or confirm a step.

Both return their answer through `dismiss`, so callers use `push_screen(dialog, callback)`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from kbassist.tui.rendering import plain

#: Says what is wrong with the typed text, or None when it will do.
Check = Callable[[str], str | None]


class TextPromptDialog(ModalScreen[str | None]):
    """Ask for one line of text, checked as it is typed; None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        title: str,
        prompt: str,
        value: str,
        *,
        check: Check,
        hint: Callable[[str], str] | None = None,
        ok_label: str = "OK",
        id: str | None = None,
    ) -> None:
        """`check` refuses text with a reason; `hint` says what good text will do."""
        super().__init__(id=id, classes="dialog")
        self.title_text = title
        self.prompt_text = prompt
        self.initial = value
        self.check = check
        self.hint = hint
        self.ok_label = ok_label

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box"):
            yield Static(plain(self.title_text), classes="dialog-title")
            yield Static(plain(self.prompt_text), classes="dialog-text")
            yield Input(self.initial, id="dialog-input")
            yield Static("", id="dialog-status", classes="dialog-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.ok_label, id="dialog-ok", variant="primary", compact=True)
                yield Button("Cancel", id="dialog-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._show_status(self.initial)

    def _show_status(self, text: str) -> str | None:
        problem = self.check(text)
        status = self.query_one("#dialog-status", Static)
        status.set_class(problem is not None, "-error")
        if problem is not None:
            status.update(plain(f"✗ {problem}"))
        elif self.hint is not None:
            status.update(plain(self.hint(text)))
        else:
            status.update("")
        return problem

    @on(Input.Changed, "#dialog-input")
    def _changed(self, event: Input.Changed) -> None:
        self._show_status(event.value)

    @on(Input.Submitted, "#dialog-input")
    @on(Button.Pressed, "#dialog-ok")
    def _submit(self) -> None:
        text = self.query_one(Input).value
        if self._show_status(text) is None:
            self.dismiss(text.strip())
        else:
            self.app.bell()

    @on(Button.Pressed, "#dialog-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """Yes or no; the safe answer (no) has the focus, so Enter alone changes nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
        Binding("left,right", "app.focus_next", "Other button", show=False),
    ]

    def __init__(
        self, title: str, message: str, *, yes_label: str = "Yes", no_label: str = "No"
    ) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.message = message
        self.yes_label = yes_label
        self.no_label = no_label

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box"):
            yield Static(plain(self.title_text), classes="dialog-title")
            yield Static(plain(self.message), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    Content(f"{self.yes_label} (y)"),
                    id="confirm-yes",
                    variant="error",
                    compact=True,
                )
                yield Button(Content(f"{self.no_label} (n)"), id="confirm-no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self) -> None:
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class QuitDialog(ConfirmDialog):
    """The confirm ctrl+q shows when a walk has unsaved work (a second ctrl+q quits)."""
