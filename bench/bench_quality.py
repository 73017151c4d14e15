"""Search quality benchmark: does the right article come first? Run by hand, never in tests.

    python bench/bench_quality.py [--work DIR] [--engines kbassist,fts5,whoosh]
                                  [--combined-only] [--limit-known N]

Builds, in one run on one machine, three engines over the same files:

- kbassist (its own index and ranking, snippets on, as the CLI and the TUI search);
- plain SQLite FTS5 (stdlib sqlite3, porter tokenizer, BM25 with the title weighted x2,
  an OR of the query's words): what an afternoon's work gives;
- whoosh3 used plainly (StemmingAnalyzer on title and body, title boost 2, procs=2,
  multisegment, limitmb=256, an OR query with BM25F).

Two knowledge bases: the MS KB archive alone, and "combined" (the archive, the runbooks
and the MS support sample in one folder, as an admin who indexes everything has). The
query sets in bench/queries/ (see its README) are searched in the KB their targets live
in: archive sets in the archive, modern sets in the combined KB. A generated known-item
set takes a seeded window of 6-10 words from the SYMPTOMS section of archive articles.

For each set and engine: success@1, success@10, MRR (reciprocal rank within the top 20,
0 beyond) and query latency p50/p95; for each KB and engine: build time. Prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
QUERIES = REPO / "bench" / "queries"
TOP = 20
SEED = 20261130

Searcher = Callable[[str], list[str]]


# --------------------------------------------------------------------------- corpora


def _unpack(tar_path: Path, into: Path) -> None:
    print(f"unpacking {tar_path.name} …", file=sys.stderr)
    with tarfile.open(tar_path) as tar:
        tar.extractall(into, filter="data")
    for name in ("SOURCE.md", "SOURCES.tsv"):
        for extra in into.rglob(name):
            extra.unlink()


def prepare(work: Path) -> tuple[Path, Path]:
    """(archive KB, combined KB); the combined one hard-links the archive's files."""
    archive = work / "archive-kb"
    combined = work / "combined-kb"
    if not archive.exists():
        tmp = work / "archive-kb.part"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        _unpack(CORPUS / "mskb-archive.tar.xz", tmp)
        tmp.rename(archive)
    if not combined.exists():
        tmp = work / "combined-kb.part"
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.copytree(archive, tmp, copy_function=os.link)
        _unpack(CORPUS / "runbooks.tar.xz", tmp)
        _unpack(CORPUS / "ms-support-sample.tar.xz", tmp)
        tmp.rename(combined)
    return archive, combined


def article_files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*.md")):
        if path.is_file():
            yield path


_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def title_and_body(text: str) -> tuple[str, str]:
    """What a plain baseline would take: front matter `title:`, else the first heading."""
    title = ""
    match = _FRONT.match(text)
    if match:
        for line in match.group(1).splitlines():
            if line.startswith("title:"):
                title = line.split(":", 1)[1].strip().strip("'\"")
        text = text[match.end() :]
    if not title:
        heading = re.search(r"^#+\s*(.+)$", text, re.M)
        title = heading.group(1).strip() if heading else ""
    return title, text


# --------------------------------------------------------------------------- query sets


@dataclass
class QuerySet:
    name: str
    kb: str  # "archive" or "combined"
    queries: list[tuple[str, str]] = field(default_factory=list)  # (query, target relpath)


def load_sets(combined_only: bool) -> list[QuerySet]:
    sets = []
    for name, kb in (
        ("archive", "archive"),
        ("archive-heldout", "archive"),
        ("runbooks", "combined"),
        ("mssupport", "combined"),
    ):
        path = QUERIES / f"{name}.jsonl"
        if not path.exists():
            print(f"no {path}: set skipped", file=sys.stderr)
            continue
        rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        sets.append(
            QuerySet(
                f"{name} symptoms",
                "combined" if combined_only else kb,
                [(r["query"], r["target"]) for r in rows],
            )
        )
    return sets


_SYMPTOMS = re.compile(
    r"^\s*SYMPTOMS\s*\n\s*=+\s*\n(.*?)(?=^\s*[A-Z][A-Z /&-]+\n\s*=+\s*$|\Z)", re.M | re.S
)


def known_item_set(archive: Path, count: int, kb: str) -> QuerySet:
    """A seeded window of 6-10 words from the SYMPTOMS section of sampled articles."""
    rng = random.Random(SEED)
    files = sorted(archive.rglob("README.md"))
    rng.shuffle(files)
    out = QuerySet("archive known-item", kb)
    for path in files:
        if len(out.queries) >= count:
            break
        match = _SYMPTOMS.search(path.read_text(encoding="utf-8", errors="replace"))
        if not match:
            continue
        words = re.findall(r"[A-Za-z0-9][\w.'-]*", match.group(1))
        if len(words) < 12:
            continue
        size = rng.randint(6, 10)
        start = rng.randrange(0, len(words) - size)
        out.queries.append((" ".join(words[start : start + size]), str(path.relative_to(archive))))
    return out


# --------------------------------------------------------------------------- engines


def build_kbassist(kb: Path, index: Path, keep: bool = False) -> tuple[float, Searcher]:
    from kbassist.index import KBIndex

    if not keep:
        shutil.rmtree(index, ignore_errors=True)
    engine = KBIndex(kb, index)
    start = time.perf_counter()
    # With --keep an index of the current schema is reused (a no-op update): for
    # measuring query-time ranking changes without a 2-4 minute rebuild each time.
    engine.update(full=not keep)
    seconds = time.perf_counter() - start

    def search(text: str) -> list[str]:
        try:
            result = engine.search(text, limit=TOP)
        except Exception as exc:  # a query the engine refuses counts as a miss
            print(f"  kbassist refused {text!r}: {exc}", file=sys.stderr)
            return []
        return [str(hit.path.relative_to(kb)) for hit in result.hits]

    return seconds, search


_WORD = re.compile(r"\w+")


def build_fts5(kb: Path, db_path: Path) -> tuple[float, Searcher]:
    db_path.unlink(missing_ok=True)
    start = time.perf_counter()
    db = sqlite3.connect(db_path)
    db.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, title, body, tokenize='porter')"
    )
    rows = []
    for path in article_files(kb):
        title, body = title_and_body(path.read_text(encoding="utf-8", errors="replace"))
        rows.append((str(path.relative_to(kb)), title, body))
    db.executemany("INSERT INTO docs VALUES (?, ?, ?)", rows)
    db.commit()
    seconds = time.perf_counter() - start

    def search(text: str) -> list[str]:
        words = _WORD.findall(text.lower())
        if not words:
            return []
        match = " OR ".join(f'"{w}"' for w in words)
        cur = db.execute(
            "SELECT path FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, 2.0, 1.0) LIMIT ?",
            (match, TOP),
        )
        return [row[0] for row in cur]

    return seconds, search


def build_whoosh(kb: Path, index: Path) -> tuple[float, Searcher]:
    from whoosh import fields, qparser
    from whoosh import index as windex
    from whoosh.analysis import StemmingAnalyzer

    shutil.rmtree(index, ignore_errors=True)
    index.mkdir(parents=True)
    schema = fields.Schema(
        path=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=StemmingAnalyzer(), field_boost=2.0),
        body=fields.TEXT(analyzer=StemmingAnalyzer()),
    )
    start = time.perf_counter()
    ix = windex.create_in(str(index), schema)
    writer = ix.writer(procs=2, multisegment=True, limitmb=256)
    for path in article_files(kb):
        title, body = title_and_body(path.read_text(encoding="utf-8", errors="replace"))
        writer.add_document(path=str(path.relative_to(kb)), title=title, body=body)
    writer.commit()
    seconds = time.perf_counter() - start
    searcher = ix.searcher()
    parser = qparser.MultifieldParser(["title", "body"], schema, group=qparser.OrGroup)

    def search(text: str) -> list[str]:
        words = " ".join(_WORD.findall(text))
        if not words:
            return []
        return [hit["path"] for hit in searcher.search(parser.parse(words), limit=TOP)]

    return seconds, search


BUILDERS = {"kbassist": build_kbassist, "fts5": build_fts5, "whoosh": build_whoosh}


# --------------------------------------------------------------------------- scoring


@dataclass
class Score:
    at1: float
    at10: float
    mrr: float
    p50: float
    p95: float
    misses: list[tuple[str, str, list[str]]]


def evaluate(search: Searcher, qset: QuerySet) -> Score:
    ranks: list[int | None] = []
    times: list[float] = []
    misses = []
    for text, target in qset.queries:
        start = time.perf_counter()
        found = search(text)
        times.append(time.perf_counter() - start)
        rank = found.index(target) + 1 if target in found else None
        ranks.append(rank)
        if rank != 1:
            misses.append((text, target, found[:3]))
    n = len(ranks) or 1
    times.sort()
    return Score(
        at1=sum(r == 1 for r in ranks) / n,
        at10=sum(r is not None and r <= 10 for r in ranks) / n,
        mrr=sum(1 / r for r in ranks if r) / n,
        p50=statistics.median(times) * 1000 if times else 0.0,
        p95=times[int(0.95 * (len(times) - 1))] * 1000 if times else 0.0,
        misses=misses,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, help="reuse this folder (corpora unpacked in it)")
    parser.add_argument("--engines", default="kbassist,fts5,whoosh")
    parser.add_argument(
        "--combined-only", action="store_true", help="search every set in the combined KB"
    )
    parser.add_argument("--limit-known", type=int, default=200, help="known-item queries")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="reuse kbassist's index in --work when its schema is current (ranking changes)",
    )
    parser.add_argument("--misses", type=Path, help="write each engine's misses here (JSON)")
    parser.add_argument(
        "--corpus", type=Path, help="folder of the corpora's .tar.xz files (../shared/corpus)"
    )
    args = parser.parse_args()
    if args.corpus:
        global CORPUS
        CORPUS = args.corpus

    work = args.work or Path(tempfile.mkdtemp(prefix="kbassist-quality-"))
    work.mkdir(parents=True, exist_ok=True)
    archive, combined = prepare(work)
    kbs = {"archive": archive, "combined": combined}
    sets = load_sets(args.combined_only)
    sets.append(
        known_item_set(archive, args.limit_known, "combined" if args.combined_only else "archive")
    )
    needed = sorted({s.kb for s in sets})
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]

    builds: dict[tuple[str, str], float] = {}
    scores: dict[tuple[str, str], Score] = {}
    for kb_name in needed:
        for engine in engines:
            print(f"building {engine} over {kb_name} …", file=sys.stderr)
            target = work / f"{engine}-{kb_name}"
            if engine == "fts5":
                target = target.with_suffix(".db")
            if engine == "kbassist":
                seconds, search = build_kbassist(kbs[kb_name], target, keep=args.keep)
            else:
                seconds, search = BUILDERS[engine](kbs[kb_name], target)
            builds[(engine, kb_name)] = seconds
            print(f"  {seconds:.1f} s", file=sys.stderr)
            for qset in sets:
                if qset.kb == kb_name:
                    scores[(engine, qset.name)] = evaluate(search, qset)

    print()
    print(
        f"{time.strftime('%Y-%m-%d')}; machine: {platform.platform()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    print()
    print("| query set (n, KB) | engine | right first | top 10 | MRR | p50 / p95 ms |")
    print("|---|---|---|---|---|---|")
    for qset in sets:
        for engine in engines:
            s = scores[(engine, qset.name)]
            print(
                f"| {qset.name} ({len(qset.queries)}, {qset.kb}) | {engine} | {s.at1:.2f} | "
                f"{s.at10:.2f} | {s.mrr:.2f} | {s.p50:.1f} / {s.p95:.1f} |"
            )
    print()
    print("| build | " + " | ".join(engines) + " |")
    print("|---|" + "---|" * len(engines))
    for kb_name in needed:
        base = builds.get(("whoosh", kb_name))
        cells = []
        for engine in engines:
            secs = builds[(engine, kb_name)]
            ratio = f" ({secs / base:.2f}x)" if base else ""
            cells.append(f"{secs:.1f} s{ratio}")
        print(f"| {kb_name} | " + " | ".join(cells) + " |")
    if args.misses:
        args.misses.write_text(
            json.dumps({f"{e}/{n}": s.misses for (e, n), s in scores.items()}, indent=1)
        )
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
