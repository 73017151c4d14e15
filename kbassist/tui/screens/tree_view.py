"""The decision tree being walked, as a tree widget with the path taken highlighted."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from kbassist.sanitize import sanitize
from kbassist.trees.engine import Walk
from kbassist.tui.screens.base import KBScreen
from kbassist.tui.widgets.footer import KBFooter
from kbassist.tui.widgets.walk_tree import WalkTree


class TreeViewScreen(KBScreen[None]):
    """Read-only: every step and answer of the tree; escape returns to the walk."""

    HELP_TITLE = "Decision tree view"
    HELP_ORDER = 60
    #: Inside a guided fix the footer keeps to the walk (the palette still has these).
    HIDDEN_APP_ACTIONS = frozenset({"reindex", "sessions"})

    AUTO_FOCUS = "#walk-tree"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,ctrl+t", "dismiss", "Close"),
    ]

    def __init__(self, walk: Walk) -> None:
        super().__init__(id="tree-view")
        self.walk = walk

    def compose(self) -> ComposeResult:
        tree = self.walk.tree
        yield Static(
            Content.assemble(("Decision tree ", "bold"), sanitize(tree.title)), id="tree-title"
        )
        yield Static(
            Content.assemble(
                ("highlighted", "bold $text-success"),
                ": the path taken · ? question · ✎ input · i information · ✔ outcome",
            ),
            id="tree-legend",
        )
        yield WalkTree(self.walk, id="walk-tree")
        yield KBFooter(compact=True, show_command_palette=False)
