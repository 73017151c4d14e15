"""What the TUI needs from the decision-tree engine, without importing it.

The tree engine is built separately; the app takes these callables at construction so
the search and article screens can show "guided fix" markers and hand a tree over to a
walkthrough screen that does not exist yet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, runtime_checkable


@runtime_checkable
class TreeLike(Protocol):
    """All the TUI reads from a tree: an id and a title to show and search by."""

    id: str
    title: str


#: The trees drawn from one article (empty: the article has no guided fix).
TreesFor = Callable[[str], Sequence[object]]
#: Every tree, for the command palette.
AllTrees = Callable[[], Iterable[object]]
#: Called when the user asks to start guided troubleshooting: (tree, article id or None).
StartGuided = Callable[[object, str | None], None]


def no_trees(article_id: str) -> Sequence[object]:
    """The default provider until the tree engine is merged: no article has a tree."""
    return ()


def no_tree_list() -> Iterable[object]:
    """The default list of all trees: none."""
    return ()


def tree_id(tree: object) -> str:
    """A tree's id, tolerating providers that hand out plain strings."""
    return str(getattr(tree, "id", tree))


def tree_title(tree: object) -> str:
    """A tree's title, falling back to its id."""
    return str(getattr(tree, "title", "") or tree_id(tree))
