"""Finding trees: a folder of tree files, a tree by id or path, the trees of an article.

Walks and sessions only use trees that pass every check except the article citations
(those need the knowledge base: `kbassist trees lint` checks them).
"""

from __future__ import annotations

import os
from pathlib import Path

from kbassist.errors import DataError, NotFoundError
from kbassist.paths import bundled_trees_dir
from kbassist.trees.lint import lint_result, tree_files
from kbassist.trees.loader import TREE_SUFFIXES, read_tree_file
from kbassist.trees.model import Tree, TreeProblem


def load_tree(path: Path) -> Tree:
    """One checked tree; DataError naming the first problem's line (and how many more)."""
    result = read_tree_file(Path(path))
    problems = lint_result(result, None)
    if problems or result.tree is None:
        raise _as_error(problems or [TreeProblem(Path(path), 1, 1, "not a tree")])
    return result.tree


def _as_error(problems: list[TreeProblem]) -> DataError:
    first = problems[0]
    message = first.message + (f" ({first.node_id})" if first.node_id else "")
    if len(problems) > 1:
        message += f"; and {len(problems) - 1} more (run `kbassist trees lint`)"
    return DataError(message, path=first.path, line=first.line or None, column=first.column)


def load_trees(folder: Path) -> tuple[list[Tree], list[TreeProblem]]:
    """Every tree in `folder` that passes its checks, and the problems of the others.

    One bad file never hides the good ones; each problem is reported once.
    """
    files, problems = tree_files([Path(folder)])
    trees: list[Tree] = []
    for path in files:
        result = read_tree_file(path)
        found = lint_result(result, None)
        if found or result.tree is None:
            problems.extend(found)
        else:
            trees.append(result.tree)
    return trees, problems


def find_tree(ref: str, folder: Path | None = None) -> Tree:
    """A tree by path (`x.yaml`, `./x`) or by id in `folder` (default: the bundled trees)."""
    folder = Path(folder) if folder is not None else bundled_trees_dir()
    as_path = Path(ref).expanduser()
    if ref.endswith(TREE_SUFFIXES) or os.sep in ref or "/" in ref:
        if not as_path.exists():
            raise NotFoundError(f"no tree file {ref}")
        return load_tree(as_path)
    for suffix in TREE_SUFFIXES:
        candidate = folder / f"{ref}{suffix}"
        if candidate.is_file():
            return load_tree(candidate)
    if not folder.is_dir():
        raise NotFoundError(f"trees folder {folder} does not exist")
    trees, _ = load_trees(folder)
    for tree in trees:
        if tree.id == ref:
            return tree
    known = ", ".join(sorted(t.id for t in trees)) or "none"
    raise NotFoundError(f"no tree {ref!r} in {folder} (trees there: {known})")


def trees_for_article(trees: list[Tree], article_id: str) -> list[Tree]:
    """The trees drawn from `article_id` (what the TUI offers beside an article)."""
    return [tree for tree in trees if tree.cites(article_id)]
