"""Real decision trees for the TUI tests, loaded from the small YAML fixture.

The app takes only real `Tree`s from its providers; a test that needs a tree with a
given id and title (to see it in a list or a snapshot) loads `trees_fixtures/small.yaml`
under that id and title, through the same loader and checks as the trees folder.
"""

from __future__ import annotations

from pathlib import Path

from kbassist.trees.catalog import load_tree
from kbassist.trees.model import Tree

SMALL = Path(__file__).parent / "trees_fixtures" / "small.yaml"


def small_tree(folder: Path, tree_id: str, title: str) -> Tree:
    """The small fixture tree as tree `tree_id` titled `title`, written in `folder`."""
    text = SMALL.read_text(encoding="utf-8")
    text = text.replace("id: small\n", f"id: {tree_id}\n", 1)
    text = text.replace("title: Small test tree\n", f"title: {title}\n", 1)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{tree_id}.yaml"
    path.write_text(text, encoding="utf-8")
    tree = load_tree(path)
    assert (tree.id, tree.title) == (tree_id, title)
    return tree
