"""CPU seconds of a one-process index build, this checkout against another, alternating.

    python bench/bench_build_cpu.py ARTICLES [--against CHECKOUT] [--rounds 3]

Builds ARTICLES (a sample folder: a few thousand articles) in one process, so the
figure is the build's own work and not the workers' scheduling, and reports
`time.process_time()` per round, each checkout's median and the load average.
`--against` is another checkout's root (a `git worktree add --detach DIR main`); its
`kbassist` is imported in place of this one's. CPU seconds move far less with a shared
machine's load than wall time, which is what bench_index.py reports.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

ONE_BUILD = """
import json, sys, time
from pathlib import Path
from kbassist.index import KBIndex
from kbassist.search.whoosh_backend import build
build.PARALLEL_MIN_FILES = 10**9  # one process
kb = KBIndex(Path(sys.argv[1]), Path(sys.argv[2]))
cpu, wall = time.process_time(), time.perf_counter()
kb.update(full=True)
print(json.dumps({"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall,
                  "kbassist": __import__("kbassist").__file__}))
"""


def _build(checkout: Path, articles: Path, index: Path) -> dict[str, float]:
    shutil.rmtree(index, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    out = subprocess.run(
        [sys.executable, "-c", ONE_BUILD, str(articles), str(index)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=tempfile.gettempdir(),
    )
    if out.returncode != 0:
        sys.exit(f"build with {checkout} failed:\n{out.stderr}")
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    if not figures.pop("kbassist").startswith(str(checkout)):
        sys.exit(f"{checkout}: another kbassist was imported")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--against", type=Path, help="another checkout's root")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    checkouts = {"this": REPO}
    if args.against:
        checkouts["against"] = args.against.resolve()
    work = Path(tempfile.mkdtemp(prefix="kbassist-cpu-"))
    cpu: dict[str, list[float]] = {name: [] for name in checkouts}
    try:
        for round_ in range(1, args.rounds + 1):
            # Alternate which goes first, so a change of load does not favour one.
            names = list(checkouts) if round_ % 2 else list(reversed(checkouts))
            for name in names:
                load = " ".join(f"{x:.2f}" for x in os.getloadavg())
                figures = _build(checkouts[name], args.articles, work / name)
                cpu[name].append(figures["cpu"])
                print(
                    f"round {round_} {name:8} cpu {figures['cpu']:6.2f} s  "
                    f"wall {figures['wall']:6.2f} s  load {load}"
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for name, values in cpu.items():
        print(f"median {name:8} cpu {statistics.median(values):6.2f} s  ({checkouts[name]})")


if __name__ == "__main__":
    main()
