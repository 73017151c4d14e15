"""The path so far as breadcrumbs: click one, or focus them and press Enter, to go back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

from kbassist.sanitize import sanitize

#: Answers longer than this are cut (at a word) in a crumb; the step shows them whole.
ANSWER_WIDTH = 18
SEPARATOR = " › "
#: At most this many lines of crumbs: the oldest give way to "…", the current one stays.
MAX_LINES = 3


@dataclass(frozen=True)
class Crumb:
    """One step taken: its title and the answer given ("" for an info step)."""

    title: str
    answer: str = ""


def short(text: str, width: int = ANSWER_WIDTH) -> str:
    """`text` cut to about `width` characters at a word boundary, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[:width].rsplit(" ", 1)[0].rstrip(",;:")
    return (cut or text[:width]) + "…"


class Breadcrumbs(Widget, can_focus=True):
    """Steps taken, then the current one; a chosen crumb posts `StepChosen`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Earlier", show=False),
        Binding("right", "move(1)", "Later", show=False),
        Binding("home", "move(-1000)", "First", show=False),
        Binding("end", "move(1000)", "Last", show=False),
        Binding("enter", "choose_cursor", "Go to step"),
    ]

    cursor: reactive[int] = reactive(0)

    @dataclass
    class StepChosen(Message):
        """The user chose step `index` (0 = the first) to go back to."""

        breadcrumbs: Breadcrumbs
        index: int

        @property
        def control(self) -> Breadcrumbs:
            return self.breadcrumbs

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.crumbs: list[Crumb] = []
        self.current = ""
        self.flagged: int | None = None

    def set_steps(self, crumbs: list[Crumb], current: str, flagged: int | None = None) -> None:
        """Show these steps; `flagged` marks a step whose answer must change."""
        self.crumbs = list(crumbs)
        self.current = current
        self.flagged = flagged
        self.cursor = max(len(self.crumbs) - 1, 0)
        self.refresh(layout=True)

    def render(self) -> Content:
        return self._fitted(self.content_size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Textual types get_height's rules as the RulesMap TypedDict, yet passes a
        # widget's styles itself (Widget.get_content_height); so do we.
        return self._fitted(width).get_height(self.styles, width) if width else 0  # type: ignore[arg-type]

    def _fitted(self, width: int) -> Content:
        """All the crumbs that fit in MAX_LINES lines of `width` cells, newest kept."""
        first = 0
        content = self._crumbs_from(first)
        while (
            width > 0
            and first < len(self.crumbs)
            and content.get_height(self.styles, width) > MAX_LINES  # type: ignore[arg-type]
        ):
            first += 1
            content = self._crumbs_from(first)
        return content

    def _crumbs_from(self, first: int) -> Content:
        """The crumbs from step `first` on (earlier ones as "…"), then the current step."""
        parts: list[Content] = []
        if first:
            parts += [Content.styled("…", "$text-muted"), Content.styled(SEPARATOR, "$text-muted")]
        for n, crumb in enumerate(self.crumbs):
            if n < first:
                continue
            piece = Content.assemble(
                (f"{n + 1}.", "$text-muted"),
                " ",
                sanitize(crumb.title),
                *((" ", (sanitize(short(crumb.answer)), "bold")) if crumb.answer else ()),
            )
            if n == self.flagged:
                piece = piece.stylize("$text-error underline")
            if self.has_focus and n == self.cursor:
                piece = piece.stylize("reverse")
            piece = piece.stylize(Style.from_meta({"@click": f"choose({n})"}))
            parts.append(piece)
            parts.append(Content.styled(SEPARATOR, "$text-muted"))
        here = len(self.crumbs) + 1
        parts.append(Content.styled(f"{here}. {sanitize(self.current)}", "bold $text-accent"))
        return Content.assemble(*parts)

    def watch_cursor(self) -> None:
        self.refresh()

    def _on_focus(self, event: events.Focus) -> None:
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self.refresh()

    def validate_cursor(self, value: int) -> int:
        return min(max(value, 0), max(len(self.crumbs) - 1, 0))

    def action_move(self, delta: int) -> None:
        self.cursor += delta

    def action_choose_cursor(self) -> None:
        if self.crumbs:
            self.action_choose(self.cursor)

    def action_choose(self, index: int) -> None:
        """A crumb was clicked (or Enter pressed on it)."""
        if 0 <= index < len(self.crumbs):
            self.post_message(self.StepChosen(self, index))
