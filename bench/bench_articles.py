"""Parse and index timings of article folders, to compare two checkouts on one machine.

    python bench/bench_articles.py FOLDER...            # this checkout
    PYTHONPATH=/path/to/other/checkout python bench/bench_articles.py FOLDER...

For each folder: the time to parse every article (`load_folder`), the time to build
every document tree when this checkout has them, and (with --index) a full index
build and a no-op re-index into a temporary folder. Best of --repeat runs.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import kbassist
from kbassist.articles import load_folder
from kbassist.index import KBIndex


def best(run, repeat: int) -> float:  # type: ignore[no-untyped-def]
    """The fastest of `repeat` runs of `run()`, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    """Print one line of figures per folder."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--index", action="store_true", help="also time index builds")
    args = parser.parse_args()
    print(f"kbassist from {Path(kbassist.__file__).parent}")
    for folder in args.folders:
        loaded, failed = load_folder(folder)
        parse = best(lambda folder=folder: load_folder(folder), args.repeat)
        line = f"{folder}: {len(loaded)} articles, {len(failed)} skipped, parse {parse:.2f}s"
        if hasattr(loaded[0], "document"):

            def trees(loaded=loaded) -> None:  # type: ignore[no-untyped-def]
                for article in loaded:
                    article._tree.clear()
                    _ = article.document

            line += f", trees {best(trees, args.repeat):.2f}s"
        if args.index:
            work = Path(tempfile.mkdtemp(prefix="kbbench-"))
            try:
                started = time.perf_counter()
                KBIndex(folder, work / "ix").update(full=True)
                full = time.perf_counter() - started
                started = time.perf_counter()
                KBIndex(folder, work / "ix").update()
                noop = time.perf_counter() - started
            finally:
                shutil.rmtree(work, ignore_errors=True)
            line += f", index full {full:.2f}s, no-op {noop:.2f}s"
        print(line, flush=True)


if __name__ == "__main__":
    main()
