"""What the app asks of its tree providers, as injectable callables.

`make_app` builds real providers from the trees folder; tests (and other front ends)
may pass their own, so the search and article screens can show "guided fix" markers
and hand a tree to the walkthrough without a trees folder. Trees come in as `object`:
stand-ins in the tests only need an `id` and a `title`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, runtime_checkable

from kbassist.articles import Article


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
#: Injected by tests; by default the app opens the walkthrough screen.
StartGuided = Callable[[object, str | None], None]
#: The tree the article's "Start guided troubleshooting" walks, and whether a machine
#: drafted it (True) rather than a person (False); None: the article has no guided fix.
GuidedTree = tuple[object, bool]
GuidedTreeFor = Callable[[Article], GuidedTree | None]


def no_trees(article_id: str) -> Sequence[object]:
    """A provider for which no article has a tree."""
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
