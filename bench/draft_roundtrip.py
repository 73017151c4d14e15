"""Does the drafter's one-pass read give what reading the written file gives? By hand.

    python bench/draft_roundtrip.py [--every 20] [--work /tmp/draftbench]

For every `--every`-th archive article and every runbook and MS support article (the
files `draft_equiv.py` takes), drafts the article and compares what `draft_read` gives
(`yaml_emit` writes the text and makes the composed nodes in one pass, the reader reads
the Tree from those) with what the strict reader gives for the written text
(`read_tree_bytes(..., drafted=True)`): the text, the Tree (its repr, which holds every
position the model keeps; `Node.pos` is left out of `==`, so each node's position is
compared too), the problems, refs and uses with their lines, and the lint messages.
Also the Tree built straight from the drafter's dict (`dict_tree.dict_result`, what
`draft_checked` gives `kbassist draft` and the bench) against the strict reader's, by
`==` (which leaves out positions), with refs, uses, problems and lint; it counts the
drafts built from the dict and those it left to the file's read.
Prints each article that differs and exits 1 if any does. Why: the drafted walk, the
bench and `kbassist draft` use the one-pass read; this says, over whole corpora rather
than the unit tests' few articles, that it reads exactly what the file says.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from draft_equiv import files

from kbassist.articles import Article, ArticleSkip, load_article
from kbassist.drafting.dict_tree import dict_result
from kbassist.drafting.tree import DraftError, draft_checked, draft_read, draft_tree, draft_yaml
from kbassist.trees.lint import lint_result
from kbassist.trees.loader import LoadResult, read_tree_bytes


def _shape(result: LoadResult, article: Article, positions: bool = True) -> list[str]:
    """Everything a reader of the result sees, positions included, as text (without
    `positions`: the Tree by `==`, refs and uses with their positions left out)."""
    key = article.id.casefold()
    lint = lint_result(result, lambda ref: article if ref.casefold() == key else None)
    tree = result.tree
    if not positions:
        return [
            tree,  # type: ignore[list-item]  # compared by ==, which leaves out every pos
            repr([n.id for n in tree.nodes.values()] if tree else None),
            repr(result.problems),
            repr(sorted(result.broken_ids)),
            repr([(r.kind, r.target, r.node_id) for r in result.refs]),
            repr([(u.what, sorted(u.variables), u.node_id, u.condition) for u in result.uses]),
            repr([str(p) for p in lint]),
        ]
    return [
        repr(tree),
        repr([(n.id, n.pos) for n in tree.nodes.values()] if tree else None),
        repr(result.problems),
        repr(sorted(result.broken_ids)),
        repr(result.refs),
        repr(result.uses),
        repr([str(p) for p in lint]),
    ]


#: How many drafts `dict_result` built and how many it left to the file's read.
COUNTS = {"from dict": 0, "refused": 0, "lint re-read": 0}


def differs(path: Path) -> str | None:
    """What differs for the article file at `path` (`differs_article`), or None."""
    try:
        article = load_article(path)
    except ArticleSkip:
        return None
    return differs_article(article)


def differs_article(article: Article) -> str | None:
    """What differs between the one-pass read and the read of the written file, or None."""
    try:
        tree = draft_tree(article)
    except DraftError:
        return None
    name = Path("<draft>") / f"{tree['id']}.yaml"
    text, result = draft_read(tree, article, name)
    if text != draft_yaml(tree, article):
        return "text"
    back = read_tree_bytes(text.encode("utf-8"), name, drafted=True)
    parts = ("tree", "positions", "problems", "broken", "refs", "uses", "lint")
    for part, ours, theirs in zip(
        parts, _shape(result, article), _shape(back, article), strict=True
    ):
        if ours != theirs:
            return part
    # The Tree `kbassist draft` and the bench use: built from the dict (`draft_checked`).
    checked_text, _, _ = draft_checked(tree, article, name)
    if checked_text != text:
        return "dict: text"
    built = dict_result(tree, text, name)
    if built is None:
        COUNTS["refused"] += 1
    else:
        COUNTS["from dict"] += 1
        shape = _shape(built, article, False)
        if shape[-1] != "[]":  # lint found a problem: draft_checked read the file
            COUNTS["lint re-read"] += 1
        for part, ours, theirs in zip(parts, shape, _shape(back, article, False), strict=True):
            if ours != theirs:
                return f"dict: {part}"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--every", type=int, default=20)
    parser.add_argument("--work", type=Path, default=Path("/tmp/draftbench"))
    args = parser.parse_args()
    checked = bad = 0
    for name, path in files(args.work, args.every):
        try:
            what = differs(path)
        except Exception as exc:  # an exception on either side is a difference to see
            what = f"{type(exc).__name__}: {exc}"
        checked += 1
        if what is not None:
            bad += 1
            print(f"differs ({what}): {name}")
    print(f"{checked:,} articles, {bad} differ between the one-pass read and the file's")
    print(", ".join(f"{what}: {count:,}" for what, count in COUNTS.items()))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
