"""The help screen: what to type, what a guided fix is, where files go, then the keys.

A newcomer presses F1 to learn how to use kbassist, not only which keys exist: the
search syntax with examples, the difference between a reviewed tree and a drafted walk,
and the folders kbassist reads and writes come first; the keys of the screen help was
opened from lead the key list, which is read from the bindings themselves.
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

from kbassist.tui.rendering import (
    DRAFTED_MARK,
    DRAFTED_STYLE,
    GUIDED_MARK,
    GUIDED_STYLE,
    home_path,
)

HEADING_STYLE = "bold $text-accent"
CODE_STYLE = "bold $text-primary"
MUTED = "$text-muted"

#: (what you type, what it finds): the search syntax, by example.
SEARCH_SYNTAX: tuple[tuple[str, str], ...] = (
    ("mail server backup", "every word; articles with all of them first"),
    ('"stops responding"', "an exact phrase"),
    ("retro*", "a prefix: retrospect, retroactive…"),
    ("product:exchange backup", "one product only (ctrl+t picks one from a list)"),
    ("title:backup", "one field only: title, symptoms, keywords, id"),
    ("section:cause", "articles with that section (cause, workaround…)"),
    ("backup NOT tape", "AND, OR, NOT and (groups), in capitals"),
)


@dataclass(frozen=True)
class Places:
    """The folders and files kbassist reads and writes in this run."""

    articles: Path
    index: Path
    trees: Path | None
    sessions: Path
    exports: Path | None  # None: the current folder
    settings: Path


def _para(*parts: str | tuple[str, str]) -> Content:
    return Content.assemble(*parts)


def search_help() -> list[Content]:
    """The search syntax, by example."""
    width = max(len(typed) for typed, _ in SEARCH_SYNTAX) + 2
    lines = [
        _para(
            "Describe the symptom in plain words, as you would to a colleague. Articles "
            "holding every word come first, then those missing one. Glue words (the, "
            "during, after…) are ignored and words match their other forms: corrupts "
            "finds corrupted."
        ),
        Content(""),
    ]
    for typed, finds in SEARCH_SYNTAX:
        lines.append(_para("  ", (typed.ljust(width), CODE_STYLE), finds))
    lines += [
        Content(""),
        _para(
            "A misspelt word gets a “Did you mean”: ",
            ("ctrl+g", "bold"),
            " takes it. Enter opens the first hit, even pressed before the hits show; ",
            ("↓", "bold"),
            " moves into the list.",
        ),
    ]
    return lines


def guided_help() -> list[Content]:
    """What a guided fix is, and how a drafted walk differs from a reviewed tree."""
    return [
        _para(
            "A guided fix walks you through an article one step at a time: confirm the "
            "symptom, understand the cause, choose a mitigation, type your site's values. "
            "It ends in a checklist tailored to your answers, to tick off, export (e "
            "Markdown, t plain text) or copy into a ticket."
        ),
        Content(""),
        _para(
            (GUIDED_MARK, GUIDED_STYLE),
            "  a decision tree written and reviewed by a person, from the trees folder. "
            "Articles that have one carry this mark in the results.",
        ),
        _para(
            (DRAFTED_MARK, DRAFTED_STYLE),
            "  any other article: press g on it and kbassist drafts the walk from the "
            "article's own text. Nobody reviewed it: check each step against the article "
            "shown beside it. ",
            ("kbassist draft ID -o FILE.yaml", CODE_STYLE),
            " writes one out to review and keep.",
        ),
        Content(""),
        _para(
            ("ctrl+s", "bold"),
            " saves a walk as a named session (later steps are saved there too); ",
            ("ctrl+o", "bold"),
            " lists the saved sessions to resume.",
        ),
    ]


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
    lines = [_para("  ", (f"{name:<16}", "bold"), value) for name, value in rows]
    lines += [
        Content(""),
        _para(
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

    def __init__(self, places: Places, keys: Iterable[tuple[str, Iterable[BindingType]]]) -> None:
        """`keys`: (title, bindings) groups, the screen help was opened from first."""
        super().__init__(id="help")
        self.places = places
        self.groups = list(keys)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(
                Content.assemble(
                    ("kbassist help", "bold"),
                    ("   ↑↓ PgUp PgDn scroll · Esc closes", MUTED),
                ),
                id="help-title",
            )
            for title, lines, name in (
                ("Searching", search_help(), "search"),
                ("Guided fixes", guided_help(), "guided"),
                ("Where your files go", places_help(self.places), "places"),
                ("Keys", self._keys(), "keys"),
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
