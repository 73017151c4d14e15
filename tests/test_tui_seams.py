"""The TUI's open seams: a new screen lists itself, a new node kind gets its step view."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from small_trees import small_tree
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.widgets import Static
from tui_support import build_app, wait_ready

from kbassist.trees.model import Info, Node
from kbassist.tui.screens.base import KBScreen
from kbassist.tui.screens.help import HelpScreen
from kbassist.tui.screens.steps import PLACEHOLDERS, STEP_VIEWS, StepView, step_view


def test_each_node_kind_of_a_real_tree_has_its_step_view(tmp_path: Path) -> None:
    """A question is answered from its choices, a time input typed, an outcome not at all."""
    tree = small_tree(tmp_path, "small-steps", "Small steps")
    ask, when, stop = (step_view(tree.nodes[n]) for n in ("ask", "when", "stop"))
    assert [c.value for c in ask.choices] == ["yes", "no"] and not ask.typed
    assert when.typed and when.placeholder == PLACEHOLDERS["time"] and not when.choices
    assert not (stop.choices or stop.typed or stop.continues)


def test_a_new_node_kind_is_one_registered_view() -> None:
    """A subclass of a kind gets its parent's view; registering a factory gives its own."""

    @dataclass(frozen=True)
    class Checkpoint(Info):
        """A made-up kind: an information step that asks for a confirmation."""

    node = Checkpoint(id="check", title="Check the backup log", next="done")
    assert step_view(node).continues  # an Info until it has a view of its own

    def checkpoint_view(node: Node) -> StepView:
        return StepView(node, typed=True, placeholder="type OK")

    STEP_VIEWS[Checkpoint] = checkpoint_view
    try:
        view = step_view(node)
        assert view.typed and view.placeholder == "type OK" and not view.continues
    finally:
        del STEP_VIEWS[Checkpoint]


def test_a_new_screen_brings_its_help_commands_and_footer(kb_dir: Path, tmp_path: Path) -> None:
    """A KBScreen subclass, and nothing else, puts its keys first in help, its command
    first in the palette, and leaves the app keys it hides out of its footer."""

    class NotesScreen(KBScreen[None]):
        """A screen written after the app: nothing in app.py names it."""

        HELP_TITLE = "Notes"
        HIDDEN_APP_ACTIONS = frozenset({"reindex"})
        BINDINGS: ClassVar[list[BindingType]] = [Binding("n", "note", "Take a note")]

        def compose(self) -> ComposeResult:
            yield Static("notes")

        def palette_commands(self) -> Iterable[SystemCommand]:
            yield SystemCommand("Take a note", "Write down what you tried (n)", lambda: None)

    async def run() -> None:
        app = build_app(kb_dir, tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await wait_ready(pilot)
            assert app.check_action("reindex", ()) is True
            screen = NotesScreen()
            await app.push_screen(screen)
            await pilot.pause()
            assert app.check_action("reindex", ()) is False
            assert app.check_action("sessions", ()) is True
            first = next(iter(app.get_system_commands(screen)))
            assert first.title == "Take a note"
            await pilot.press("f1")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            keys = str(app.screen.query_one("#help-keys", Static).content)
            assert keys.startswith("Notes (this screen)") and "Take a note" in keys

    try:
        asyncio.run(run())
    finally:
        KBScreen._listed.remove(NotesScreen)
