"""What every kbassist screen carries: its part of the help, its palette commands.

A screen lists itself in help by setting `HELP_TITLE` (its keys, read from its
`BINDINGS`) and, when it has one, `help_section` (a few paragraphs on what it is for);
its commands in the palette come from `palette_commands`; the app-wide keys it leaves
out of the footer are `HIDDEN_APP_ACTIONS`. The app reads all of it from the screens,
so a new screen is one module: nothing to add to a list in `app.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, TypeVar

from textual.app import SystemCommand
from textual.content import Content
from textual.screen import Screen

ResultT = TypeVar("ResultT")


class KBScreen(Screen[ResultT]):
    """A screen that says what it does: help keys and text, palette commands."""

    #: The heading of this screen's keys in help; None: its keys are not listed.
    HELP_TITLE: ClassVar[str | None] = None
    #: Where the screen's keys (and help section) come in help: lower first.
    HELP_ORDER: ClassVar[int] = 100
    #: App-wide actions (`reindex`, `sessions`…) whose keys this screen leaves out.
    HIDDEN_APP_ACTIONS: ClassVar[frozenset[str]] = frozenset()

    _listed: ClassVar[list[type[KBScreen[Any]]]] = []

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("HELP_TITLE"):
            KBScreen._listed.append(cls)

    @classmethod
    def help_screens(cls) -> list[type[KBScreen[Any]]]:
        """Every screen that lists itself in help, in help order."""
        return sorted(cls._listed, key=lambda screen: screen.HELP_ORDER)

    @classmethod
    def help_section(cls) -> tuple[str, str, list[Content]] | None:
        """(heading, id, paragraphs) this screen adds to help, before the keys; or None."""
        return None

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's commands, first in the palette (ctrl+p)."""
        return ()
