"""Drafting CPU time of two checkouts in ONE process, alternated chunk by chunk. By hand.

    python bench/draft_ab_same.py BASE_ROOT NEW_ROOT [--every 20] [--rounds 3]
                                  [--chunk 40] [--corpus kb] [--work /tmp/corpora]

BASE_ROOT and NEW_ROOT are source trees (a `git archive` copy of the base commit, this
worktree). Both versions of `kbassist` are imported into this process, each under its
own set of `sys.modules` entries, swapped in before each call (so a function's lazy
imports find its own version). Every `--every`-th article of the corpus is timed by
`time.process_time` through parse + `draft_tree` + `draft_checked` (the bench's
"drafting only" phases), one chunk of `--chunk` articles with one version, the same
chunk with the other, in ABBA order, after a warm-up pass of each (regexes compiled,
caches warm as in a long run).

Why: the machine is shared and its load drifts; wall times of separate runs differ by
more than a 10% change (draft_ab.py's note). In one process, chunk by chunk, both
versions see the same load at the same moment and the same cache and allocator state.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_draft import corpus_files  # its kbassist is swapped out before each version loads


def _kbassist_modules() -> dict[str, ModuleType]:
    return {
        name: module
        for name, module in sys.modules.items()
        if name == "kbassist" or name.startswith("kbassist.")
    }


def _swap(modules: dict[str, ModuleType]) -> None:
    """Make `modules` the kbassist that imports (and lazy imports) find."""
    for name in list(_kbassist_modules()):
        del sys.modules[name]
    sys.modules.update(modules)


class Version:
    """One checkout's pipeline, imported under its own module objects."""

    def __init__(self, root: Path) -> None:
        _swap({})
        sys.path.insert(0, str(root))
        try:
            from kbassist.articles import ArticleSkip, load_article
            from kbassist.drafting import dict_tree, tree, yaml_emit  # noqa: F401
            from kbassist.trees import lint, loader  # noqa: F401
        finally:
            sys.path.remove(str(root))
        self.modules = _kbassist_modules()
        self.root = root
        self.load_article = load_article
        self.skip = ArticleSkip
        self.draft_tree = tree.draft_tree
        self.draft_error = tree.DraftError
        self.draft_checked = tree.draft_checked
        assert Path(tree.__file__).resolve().is_relative_to(root.resolve()), tree.__file__

    def run(self, paths: list[Path]) -> float:
        """CPU seconds to parse, draft, write, build and lint `paths`."""
        _swap(self.modules)
        started = time.process_time()
        for path in paths:
            try:
                article = self.load_article(path)
            except self.skip:
                continue
            try:
                tree: dict[str, Any] = self.draft_tree(article)
            except self.draft_error:
                continue
            self.draft_checked(tree, article, Path("<draft>") / f"{tree['id']}.yaml")
        return time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("base", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--every", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--chunk", type=int, default=40)
    parser.add_argument("--corpus", default="kb")
    parser.add_argument("--work", type=Path, default=Path("/tmp/corpora"))
    args = parser.parse_args()
    paths = corpus_files(args.work / args.corpus)[:: args.every]
    base, new = Version(args.base), Version(args.new)
    base.run(paths)  # warm-up: regexes compiled, caches as in a long run
    new.run(paths)
    chunks = [paths[i : i + args.chunk] for i in range(0, len(paths), args.chunk)]
    ratios = []
    for number in range(1, args.rounds + 1):
        spent = {"base": 0.0, "new": 0.0}
        for at, chunk in enumerate(chunks):
            order = [("base", base), ("new", new)]
            for name, version in order if at % 2 == 0 else order[::-1]:
                spent[name] += version.run(chunk)
        ratio = spent["new"] / spent["base"]
        ratios.append(ratio)
        per = {k: 1000 * v / len(paths) for k, v in spent.items()}
        print(
            f"round {number}: base {spent['base']:.2f}s ({per['base']:.2f} ms/article), "
            f"new {spent['new']:.2f}s ({per['new']:.2f} ms/article), new/base {ratio:.3f}",
            flush=True,
        )
    print(f"median new/base cpu {statistics.median(ratios):.3f} over {len(paths)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
