"""The search box and the result list of the search screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from kbassist.index import Hit
from kbassist.tui.rendering import hit_content


class QueryInput(Input):
    """The query box; Enter opens the highlighted result, so the footer says so."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "submit", "Open", show=True)]


class ResultList(OptionList):
    """Hits, three lines each: id and title, product (and guided-fix marker), snippet."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.hits: list[Hit] = []

    def show_hits(self, hits: Sequence[Hit], guided: Callable[[str], bool]) -> None:
        """Replace the list; the first hit is highlighted so Enter in the box opens it."""
        self.hits = list(hits)
        options: list[Option | None] = []
        for n, hit in enumerate(self.hits):
            if n:
                options.append(None)  # a separator line between hits
            options.append(Option(hit_content(hit, guided(hit.id)), id=f"hit-{n}"))
        self.set_options(options)
        if self.hits:
            self.highlighted = 0

    @property
    def current(self) -> Hit | None:
        """The highlighted hit, if any."""
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        return self.hits[int(option.id.removeprefix("hit-"))]

    def hit_for(self, option: Option) -> Hit | None:
        if option.id is None:
            return None
        return self.hits[int(option.id.removeprefix("hit-"))]
