"""Drafting time of two checkouts on the same sample, alternated. By hand.

    python bench/draft_ab.py BASE_ROOT NEW_ROOT [--every 20] [--rounds 3]
                             [--corpus kb] [--work /tmp/draftbench]

BASE_ROOT and NEW_ROOT are source trees (a `git archive` copy of the base commit, this
worktree). Each round runs BASE then NEW, each in a fresh process with its root first
on the path, and each process times, within itself, the drafting phases of every
`--every`-th article of the corpus: `draft_tree`, `draft_read` (write and read back),
`lint_result`, or where the root has it (round 30) `draft_checked`, the product's write,
build and lint in one, counted as the second phase; the articles are parsed before the
clock starts. Why alternated: the
machine is shared and its load drifts, so a base run and a new run next to each other
see about the same load. Each pass also reports its CPU time (`time.process_time`), which
the other processes' load moves far less than wall time: on 2026-12-02, two copies of
the same code timed 0.84, 0.49 and 1.08 new/base in wall time under a load of 12-15, so
read the CPU ratios, and trust a wall-time difference only well past that spread.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

_CHILD = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[4])
from bench_draft import corpus_files
from kbassist.articles import ArticleSkip, load_article
from kbassist.drafting.tree import DraftError, draft_read, draft_tree
from kbassist.trees.lint import lint_result
try:  # round 30: the product's own write, build and lint
    from kbassist.drafting.tree import draft_checked
except ImportError:
    draft_checked = None
arts = []
for p in corpus_files(Path(sys.argv[1]) / sys.argv[2])[:: int(sys.argv[3])]:
    try:
        arts.append(load_article(p))
    except ArticleSkip:
        pass
phases = [0.0, 0.0, 0.0]
cpu_phases = [0.0, 0.0]
cpu = time.process_time()
for a in arts:
    t0 = time.perf_counter()
    c0 = time.process_time()
    try:
        tree = draft_tree(a)
    except DraftError:
        continue
    t1 = time.perf_counter()
    c1 = time.process_time()
    name = Path("<draft>") / f"{tree['id']}.yaml"
    if draft_checked is not None:
        draft_checked(tree, a, name)
        t2 = t3 = time.perf_counter()
    else:
        text, result = draft_read(tree, a, name)
        t2 = time.perf_counter()
        key = a.id.casefold()
        lint_result(result, lambda ref: a if ref.casefold() == key else None)
        t3 = time.perf_counter()
    phases[0] += t1 - t0
    phases[1] += t2 - t1
    phases[2] += t3 - t2
    cpu_phases[0] += c1 - c0
    cpu_phases[1] += time.process_time() - c1
cpu = time.process_time() - cpu
print(json.dumps({"articles": len(arts), "phases": phases, "cpu": cpu, "cpu_phases": cpu_phases}))
"""


def run(root: Path, args: argparse.Namespace) -> dict[str, object]:
    """One timed pass of `root`'s code over the sample, in a fresh process."""
    env = dict(os.environ, PYTHONPATH=str(root))
    bench = root / "bench"
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(args.work), args.corpus, str(args.every), str(bench)],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("base", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--every", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", default="kb")
    parser.add_argument("--work", type=Path, default=Path("/tmp/draftbench"))
    args = parser.parse_args()
    totals: dict[str, list[float]] = {"base": [], "new": []}
    cpus: dict[str, list[float]] = {"base": [], "new": []}
    for number in range(1, args.rounds + 1):
        line = []
        for name, root in (("base", args.base), ("new", args.new)):
            got = run(root.resolve(), args)
            phases = [float(p) for p in got["phases"]]  # type: ignore[attr-defined]
            totals[name].append(sum(phases))
            cpus[name].append(float(got["cpu"]))  # type: ignore[arg-type]
            shown = " + ".join(f"{p:.1f}" for p in phases)
            split = " + ".join(f"{p:.2f}" for p in got.get("cpu_phases", []))  # type: ignore[attr-defined]
            line.append(
                f"{name} {sum(phases):.1f}s ({shown}; cpu {cpus[name][-1]:.1f}s = draft {split}"
                f" write+read+lint; {got['articles']} articles)"
            )
        ratio = totals["new"][-1] / totals["base"][-1]
        cpu_ratio = cpus["new"][-1] / cpus["base"][-1]
        print(f"round {number}: " + ", ".join(line) + f", new/base {ratio:.3f} cpu {cpu_ratio:.3f}")
    for label, got in (("wall", totals), ("cpu", cpus)):
        base, new = statistics.median(got["base"]), statistics.median(got["new"])
        print(f"median {label}: base {base:.1f}s, new {new:.1f}s, new/base {new / base:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
