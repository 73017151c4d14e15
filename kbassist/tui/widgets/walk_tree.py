"""A decision tree as a Textual `Tree`, with the path taken highlighted.

A decision tree is a graph: two answers may lead to the same step. Each way in gets its
own copy of the step's subtree, so the path taken is one line of nodes from the root;
a way back to a step above (a loop) is a leaf saying so. Labels are Rich `Text` built
from tree text, never parsed as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from kbassist.sanitize import sanitize
from kbassist.trees.engine import Walk
from kbassist.trees.model import Node, Question

#: Tree nodes built at most; past this, repeated steps are leaves pointing up.
MAX_NODES = 400
KIND_MARK = {"question": "?", "input": "✎", "info": "i", "outcome": "✔"}


@dataclass(frozen=True)
class Place:
    """What a tree node stands for: a step, and the answer that led to it ("" if none)."""

    node_id: str
    edge: str = ""


class WalkTree(Tree[Place]):
    """The whole tree; nodes on the walk's path are marked, the current one too."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"walk-tree--taken", "walk-tree--current"}

    def __init__(self, walk: Walk, *, id: str | None = None) -> None:
        tree = walk.tree
        start = tree.nodes[tree.start]
        super().__init__(self._label(start, ""), data=Place(start.id), id=id)
        self.walk = walk
        self.taken: set[int] = set()
        self.current_node: TreeNode[Place] | None = None
        self._node_count = 1
        self.root.expand()
        self._add_branch(self.root, start, {start.id})
        self._mark_path()

    @staticmethod
    def _label(node: Node, edge: str, answer: str = "") -> Text:
        text = Text()
        if edge:
            text.append(sanitize(edge), Style(italic=True))
            text.append(" → ")
        text.append(f"{KIND_MARK.get(node.kind, '·')} ", Style(bold=True))
        text.append(sanitize(node.title))
        if answer:
            text.append(": ")
            text.append(sanitize(answer), Style(bold=True))
        return text

    def _add_branch(self, parent: TreeNode[Place], node: Node, ancestors: set[str]) -> None:
        for edge, target_id in node.successors():
            target = self.walk.tree.nodes.get(target_id)
            if target is None:
                continue
            place = Place(target_id, edge)
            label = self._label(target, edge)
            if target_id in ancestors or self._node_count >= MAX_NODES:
                parent.add_leaf(label + Text(" (see above)", Style(dim=True)), data=place)
                continue
            self._node_count += 1
            if any(True for _ in target.successors()):
                child = parent.add(label, data=place, expand=True)
                self._add_branch(child, target, ancestors | {target_id})
            else:
                parent.add_leaf(label, data=place)

    def _mark_path(self) -> None:
        """Follow the walk's steps from the root, marking each node it went through."""
        node = self.root
        self.taken = {node.id}
        for step, next_id in zip(self.walk.history, self.walk.path[1:], strict=True):
            edge = ""
            if isinstance(step.node, Question):
                edge = step.display_value
            elif step.value is not None and node.data is not None:
                node.set_label(self._label(step.node, node.data.edge, step.display_value))
            found = next(
                (
                    child
                    for child in node.children
                    if child.data is not None
                    and child.data.node_id == next_id
                    and child.data.edge == edge
                ),
                None,
            )
            if found is None:
                break
            node = found
            self.taken.add(node.id)
        self.current_node = node
        node.expand()

    def on_mount(self) -> None:
        self.call_after_refresh(self._cursor_to_current)

    def _cursor_to_current(self) -> None:
        if self.current_node is not None:
            _ = self.last_line  # lays out the lines, so the node knows its line
            self.move_cursor(self.current_node)

    def render_label(self, node: TreeNode[Place], base_style: Style, style: Style) -> Text:
        text = super().render_label(node, base_style, style)
        if node is self.current_node:
            text.stylize(self.get_component_rich_style("walk-tree--current", partial=True))
            text.append(" ◀ you are here")
        elif node.id in self.taken:
            text.stylize(self.get_component_rich_style("walk-tree--taken", partial=True))
        return text
