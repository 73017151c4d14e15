"""The tailored checklist as a list of boxes to tick, each item with its source.

Not a `SelectionList`: that shows one line per item, and checklist items are sentences
that must wrap, with their citation on a second line. A citation is shown where it
changes: eight steps from one section read as steps, not as eight copies of its name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from kbassist.sanitize import sanitize
from kbassist.trees.checklist import PARTS, ChecklistItem

BOX_EMPTY = "[ ]"
BOX_TICKED = "[x]"


class ChecklistView(OptionList):
    """Items grouped under their part's heading; space, Enter or a click ticks one."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "select", "Tick")]

    @dataclass
    class Toggled(Message):
        """Item `index` (into the checklist's items) was ticked or unticked."""

        checklist_view: ChecklistView
        index: int
        ticked: bool

        @property
        def control(self) -> ChecklistView:
            return self.checklist_view

    def __init__(self, items: Sequence[ChecklistItem], *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.items = list(items)
        self.ticked: set[int] = set()
        options: list[Option | None] = []
        #: Items whose citation is shown: the first of a part, and each that cites
        #: another section than the item above it.
        self._cited: set[int] = set()
        for part, heading in PARTS.items():
            indexes = [n for n, item in enumerate(self.items) if item.part == part]
            if not indexes:
                continue
            above = None
            for n in indexes:
                source = str(self.items[n].source)
                if source != above:
                    self._cited.add(n)
                above = source
            if options:
                options.append(None)
            options.append(Option(Content(heading), id=f"part-{part}", disabled=True))
            options.extend(Option(self._prompt(n), id=f"item-{n}") for n in indexes)
        self.add_options(options)

    def on_mount(self) -> None:
        first = next((n for n, o in enumerate(self.options) if not o.disabled), None)
        if first is not None:
            self.highlighted = first

    def _prompt(self, index: int) -> Content:
        item = self.items[index]
        ticked = index in self.ticked
        box = (BOX_TICKED, "bold $text-success") if ticked else (BOX_EMPTY, "bold")
        text = (sanitize(item.text), "$text-muted strike") if ticked else sanitize(item.text)
        detail = "".join(f"\n    {sanitize(line)}" for line in item.detail.split("\n"))
        return Content.assemble(
            box,
            " ",
            text,
            (detail, "$text-muted") if item.detail else "",
            (f"\n    {sanitize(str(item.source))}", "italic $text-muted")
            if index in self._cited
            else "",
        )

    def set_ticked(self, indexes: Iterable[int]) -> None:
        """Show these items ticked and the others not (no `Toggled` messages)."""
        wanted = set(indexes)
        for index in self.ticked ^ wanted:
            self.ticked ^= {index}
            self.replace_option_prompt(f"item-{index}", self._prompt(index))

    def toggle(self, index: int) -> None:
        """Tick item `index`, or untick it."""
        self.ticked ^= {index}
        self.replace_option_prompt(f"item-{index}", self._prompt(index))
        self.post_message(self.Toggled(self, index, index in self.ticked))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and event.option.id.startswith("item-"):
            self.toggle(int(event.option.id.removeprefix("item-")))
