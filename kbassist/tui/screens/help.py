"""The help screen: what to type, what a guided fix is, where files go, then the keys.

A newcomer presses F1 to learn how to use kbassist, not only which keys exist: the
screens' own sections (the search syntax with examples, the difference between a
reviewed tree and a drafted walk) and the folders kbassist reads and writes come first;
the keys of the screen help was opened from lead the key list, which is read from the
bindings themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from kbassist.tui.rendering import home_path

HEADING_STYLE = "bold $text-accent"
CODE_STYLE = "bold $text-primary"
MUTED = "$text-muted"


@dataclass(frozen=True)
class Places:
    """The folders and files kbassist reads and writes in this run."""

    articles: Path
    index: Path
    trees: Path | None
    sessions: Path
    exports: Path | None  # None: the current folder
    settings: Path


def para(*parts: str | tuple[str, str]) -> Content:
    """One paragraph of help: plain text and (text, style) pieces, never markup."""
    return Content.assemble(*parts)


def places_help(places: Places) -> list[Content]:
    """Where kbassist reads and writes."""
    exports = (
        home_path(places.exports)
        if places.exports is not None
        else f"the current folder, {home_path(Path.cwd())} (set export_dir to change it)"
    )
    rows: list[tuple[str, str]] = [
        ("Saved sessions", home_path(places.sessions)),
        ("Exports", exports),
        ("Settings", f"{home_path(places.settings)} (your theme is kept there)"),
        ("Articles", home_path(places.articles)),
    ]
    if places.trees is not None:
        rows.append(("Decision trees", home_path(places.trees)))
    rows.append(("Index", home_path(places.index)))
    lines = [para("  ", (f"{name:<16}", "bold"), value) for name, value in rows]
    lines += [
        Content(""),
        para(
            ("kbassist config", CODE_STYLE),
            " lists every setting and where its value comes from.",
        ),
    ]
    return lines


class HelpScreen(ModalScreen[None]):
    """What to type, guided fixes, where files go, the keys; escape, F1, ? or q closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "dismiss", "Close")
    ]

    def __init__(
        self,
        places: Places,
        keys: Iterable[tuple[str, Iterable[BindingType]]],
        sections: Iterable[tuple[str, str, list[Content]]] = (),
    ) -> None:
        """`keys`: (title, bindings) groups, the screen help was opened from first;
        `sections`: (heading, id, paragraphs) from the screens, shown before the places."""
        super().__init__(id="help")
        self.places = places
        self.groups = list(keys)
        self.sections = list(sections)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(
                Content.assemble(
                    ("kbassist help", "bold"),
                    ("   ↑↓ PgUp PgDn scroll · Esc closes", MUTED),
                ),
                id="help-title",
            )
            for title, name, lines in (
                *self.sections,
                ("Where your files go", "places", places_help(self.places)),
                ("Keys", "keys", self._keys()),
            ):
                yield Static(Content.styled(title, HEADING_STYLE), classes="help-heading")
                yield Static(Content("\n").join(lines), id=f"help-{name}", classes="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-box").focus()  # arrows and PgUp/PgDn scroll at once

    def _keys(self) -> list[Content]:
        lines: list[Content] = []
        for title, bindings in self.groups:
            if lines:
                lines.append(Content(""))
            lines.append(Content.styled(title, "bold"))
            for binding in bindings:
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                keys = ", ".join(
                    self.app.get_key_display(Binding(key, binding.action))
                    for key in binding.key.split(",")
                )
                lines.append(Content.assemble((f"  {keys:<22}", "bold"), binding.description))
        return lines
