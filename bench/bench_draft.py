"""Draft a decision tree from every article of the MS KB archive. Run by hand.

    python bench/bench_draft.py [--articles DIR | --archive PATH] [--workers N] [--limit N]

Default articles: /tmp/benchwork/kb when present, else the shared archive unpacked
into a temp folder. For each article: parse, draft (`draft_tree`), emit the YAML,
read it back with the real loader and lint it (citations checked against the article
itself), exactly as `kbassist draft` then `kbassist trees lint` would. Prints a table
with the targets beside the figures, and every failure (up to --show of each kind).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import statistics
import sys
import tarfile
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARCHIVE = REPO.parent / "shared" / "corpus" / "mskb-archive.tar.xz"
DEFAULT_KB = Path("/tmp/benchwork/kb")

sys.path.insert(0, str(REPO))

from kbassist.articles import ArticleSkip, iter_article_files, load_article  # noqa: E402
from kbassist.drafting.tree import FALLBACK_ID, DraftError, draft_tree, draft_yaml  # noqa: E402
from kbassist.trees.lint import lint_result  # noqa: E402
from kbassist.trees.loader import read_tree_bytes  # noqa: E402

_OR_RE = re.compile(r"^\s*-+\s*or\s*-+\s*$", re.IGNORECASE | re.MULTILINE)
_EXPECTS = ("cause", "causes", "resolution", "workaround", "workarounds", "solution")


@dataclass
class Result:
    path: str
    skipped: str = ""  # not an article (ArticleSkip)
    drafted: bool = False
    no_draft: str = ""  # DraftError
    lint: str = ""  # first lint problem, if any
    exception: str = ""
    expects: bool = False  # has CAUSE, RESOLUTION/WORKAROUND or a -or- list
    mitigations: int = 0
    from_fix: int = 0  # mitigations from fix sections (not "remove the cause" options)
    inputs: int = 0
    nodes: int = 0
    yaml_bytes: int = 0
    seconds: float = 0.0
    drafts: dict[str, int] = field(default_factory=dict)


def draft_one(path: str) -> Result:
    """Everything for one article, timed; never raises."""
    result = Result(path)
    started = time.perf_counter()
    try:
        article = load_article(path)
        keys = {s.key for s in article.sections}
        result.expects = bool(keys & set(_EXPECTS)) or any(
            _OR_RE.search(s.text) for s in article.sections
        )
        tree = draft_tree(article)
        text = draft_yaml(tree, article).encode("utf-8")
        result.drafted = True
        result.yaml_bytes = len(text)
        loaded = read_tree_bytes(text, Path(f"{tree['id']}.yaml"))
        key = article.id.casefold()
        problems = lint_result(loaded, lambda ref: article if ref.casefold() == key else None)
        if problems or loaded.tree is None:
            result.lint = str(problems[0]) if problems else "did not load"
        else:
            outcomes = loaded.tree.outcomes()
            result.mitigations = sum(1 for o in outcomes if o.id != FALLBACK_ID)
            result.from_fix = sum(
                1 for o in outcomes if o.id != FALLBACK_ID and not o.id.startswith("cause_")
            )
            result.inputs = sum(1 for n in loaded.tree.nodes.values() if n.kind == "input")
            result.nodes = len(loaded.tree.nodes)
    except ArticleSkip as exc:
        result.skipped = str(exc)
    except DraftError as exc:
        result.no_draft = str(exc)
    except Exception as exc:  # the bench counts them: the target is zero
        result.exception = f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"
    result.seconds = time.perf_counter() - started
    return result


def articles_dir(args: argparse.Namespace) -> tuple[Path, tempfile.TemporaryDirectory | None]:
    if args.articles:
        return Path(args.articles), None
    if DEFAULT_KB.is_dir() and not args.archive:
        return DEFAULT_KB, None
    archive = Path(args.archive or ARCHIVE)
    tmp = tempfile.TemporaryDirectory(prefix="kbdraft-")
    print(f"unpacking {archive} ...", file=sys.stderr)
    with tarfile.open(archive) as tar:
        tar.extractall(tmp.name, filter="data")
    return Path(tmp.name), tmp


def _size(drafted: list[Result]) -> str:
    if not drafted:
        return "-"
    sizes = [r.yaml_bytes for r in drafted]
    return f"{statistics.median(sizes):,.0f} B / {max(sizes):,} B"


def _times(per: list[float]) -> str:
    if not per:
        return "-"
    p50, p99 = per[len(per) // 2], per[int(len(per) * 0.99)]
    return f"{1000 * p50:.1f} / {1000 * p99:.1f} / {1000 * per[-1]:.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", help="folder of articles (default: /tmp/benchwork/kb)")
    parser.add_argument("--archive", help="unpack this .tar.xz instead")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--every", type=int, default=1, help="only every Nth article")
    parser.add_argument("--show", type=int, default=5, help="failures shown of each kind")
    args = parser.parse_args()

    root, tmp = articles_dir(args)
    try:
        files = [str(p) for p in iter_article_files(root)][:: args.every]
        if args.limit:
            files = files[: args.limit]
        started = time.perf_counter()
        if args.workers > 1:
            with multiprocessing.Pool(args.workers) as pool:
                results = pool.map(draft_one, files, chunksize=64)
        else:
            results = [draft_one(f) for f in files]
        wall = time.perf_counter() - started
    finally:
        if tmp is not None:
            tmp.cleanup()

    articles = [r for r in results if not r.skipped]
    drafted = [r for r in articles if r.drafted]
    clean = [r for r in drafted if not r.lint and not r.exception]
    expects = [r for r in articles if r.expects]
    with_mitigation = [r for r in expects if r.mitigations >= 1]
    errors = [r for r in results if r.exception]
    per = sorted(r.seconds for r in articles)

    def pct(part: int, whole: int) -> str:
        return f"{100 * part / whole:.2f}%" if whole else "-"

    rows = [
        ("files", f"{len(results):,}", ""),
        ("articles (parsed)", f"{len(articles):,}", ""),
        ("yield a draft", f"{len(drafted):,} ({pct(len(drafted), len(articles))})", ""),
        ("drafts passing lint", f"{len(clean):,} ({pct(len(clean), len(drafted))})", "100%"),
        (
            "CAUSE / RESOLUTION / WORKAROUND / -or- articles",
            f"{len(expects):,}",
            "",
        ),
        (
            "  ... with >= 1 mitigation",
            f"{len(with_mitigation):,} ({pct(len(with_mitigation), len(expects))})",
            ">= 95%",
        ),
        (
            "  ... not counting 'remove the cause' options",
            pct(sum(r.from_fix >= 1 for r in expects), len(expects)),
            "",
        ),
        (
            "all articles with >= 1 mitigation",
            pct(sum(r.mitigations >= 1 for r in articles), len(articles)),
            "",
        ),
        (
            "mitigations per draft (mean)",
            f"{statistics.fmean(r.mitigations for r in clean):.2f}" if clean else "-",
            "",
        ),
        ("drafts with typed inputs", pct(sum(r.inputs > 0 for r in clean), len(clean)), ""),
        (
            "YAML size p50 / max",
            _size(drafted),
            "",
        ),
        ("exceptions", f"{len(errors)}", "0"),
        (
            "time per article p50 / p99 / max",
            _times(per),
            "",
        ),
        ("wall time", f"{wall:.1f} s ({args.workers} worker(s))", "< 120 s"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)}  {'figure':<28}  target")
    for name, figure, target in rows:
        print(f"{name.ljust(width)}  {figure:<28}  {target}")

    def show(title: str, found: list[Result], what: str) -> None:
        if not found:
            return
        print(f"\n{title} ({len(found)}):")
        for r in found[: args.show]:
            detail = "" if what == "path" else getattr(r, what)
            if what != "exception":
                detail = detail.splitlines()[0] if detail else ""
            print(f"  {r.path}" + (f": {detail}" if detail else ""))

    show("not drafted", [r for r in articles if r.no_draft], "no_draft")
    show("lint problems", [r for r in drafted if r.lint], "lint")
    show("exceptions", errors, "exception")
    show(
        "expected a mitigation, found none",
        [r for r in expects if r.drafted and not r.lint and r.mitigations == 0],
        "path",
    )
    return 1 if errors or len(clean) != len(drafted) else 0


if __name__ == "__main__":
    sys.exit(main())
