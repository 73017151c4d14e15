"""What the app asks of its tree providers, as injectable callables.

`make_app` builds real providers from the trees folder; tests (and other front ends)
may pass their own, so the search and article screens can show "guided fix" markers
and hand a tree to the walkthrough without a trees folder. A provider hands out real
`Tree`s: tests load theirs from small YAML files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from kbassist.articles import Article
from kbassist.trees.model import Tree

#: The trees drawn from one article (empty: the article has no guided fix).
TreesFor = Callable[[str], Sequence[Tree]]
#: Every tree, for the command palette.
AllTrees = Callable[[], Iterable[Tree]]
#: Called when the user asks to start guided troubleshooting: (tree, article id or None).
#: Injected by tests; by default the app opens the walkthrough screen.
StartGuided = Callable[[Tree, str | None], None]
#: The tree the article's "Start guided troubleshooting" walks, and whether a machine
#: drafted it (True) rather than a person (False); None: the article has no guided fix.
GuidedTree = tuple[Tree, bool]
GuidedTreeFor = Callable[[Article], GuidedTree | None]
