"""The help screen: every key binding, read from the bindings themselves."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    """A modal listing the keys of each screen; any of escape, F1, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "dismiss", "Close")
    ]

    def __init__(self, groups: Iterable[tuple[str, Iterable[BindingType]]]) -> None:
        super().__init__(id="help")
        self.groups = list(groups)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static("Keys", id="help-title")
            yield Static(self._table(), id="help-table")
            yield Static("escape closes this help", id="help-hint")

    def _table(self) -> Content:
        lines: list[Content] = []
        for title, bindings in self.groups:
            lines.append(Content.styled(title, "bold $text-accent"))
            for binding in bindings:
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                keys = ", ".join(
                    self.app.get_key_display(Binding(key, binding.action))
                    for key in binding.key.split(",")
                )
                lines.append(Content.assemble((f"  {keys:<22}", "bold"), binding.description))
            lines.append(Content(""))
        return Content("\n").join(lines)
