"""Drafts whose fix step points elsewhere and never shows it (round 23, procs23). By hand.

    python bench/draft_pointers.py [--every N] [--work DIR] [--procs P] [--list]

A checklist step that says where its procedure is ("Reset the cached views as shown
below", "See the MORE INFORMATION section below for sample code", "Follow steps 1
through 3 in the MORE INFORMATION section") is only followable when the outcome also
shows what it points at. For every drafted outcome with such a step, the pointed-at text
is MORE INFORMATION (when the step names it) or the rest of the step's own section after
it; the draft "lacks" it when fewer than two of that text's lines (numbered steps, code,
prose of 15+ letters) reach the outcome's steps. Prints the share of drafts (every N-th
archive article, all runbooks and MS support) with such a step, and with one that lacks it.
"""

from __future__ import annotations

import argparse
import re
import sys
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_draft import DEFAULT_WORK, corpus_files
from draft_metrics import load_draft

from kbassist.articles import ArticleSkip, load_article
from kbassist.trees.model import Outcome

#: "as shown below", "sample code below", "the MORE INFORMATION section": a pointer (not
#: "contact the vendor for more information", no place in the article).
POINTER_RE = re.compile(
    r"\b(?:shown|described|outlined|listed|explained|detailed|as follows|code|steps?|"
    r"procedure|example|workaround)\s+below\b|\bmore information\W{0,3}\s+section\b",
    re.IGNORECASE,
)
#: The drafter's own fallback ("Read Q75193 MORE INFORMATION and follow it."): an article
#: with no fix, another measure's business.
FALLBACK_RE = re.compile(r"^Read \S+ .{0,60}\band follow it\.$")


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.casefold())


def _text(template: object) -> str:
    parts = getattr(template, "parts", None)
    if parts is None:
        return str(template or "")
    return "".join(p if isinstance(p, str) else "" for p in parts)


def _lines(region: str) -> list[str]:
    out = []
    for line in region.splitlines():
        key = _norm(line)
        if len(key) >= 15 and not set(line.strip()) <= set("=-"):
            out.append(key[:40])
    return out


def check(path: Path) -> tuple[str, int, int]:
    """(path, 1 if a step points elsewhere, 1 if the outcome lacks what it points at)."""
    try:
        article = load_article(path)
        tree, _, _ = load_draft(article)
    except (ArticleSkip, Exception):
        return str(path), 0, 0
    if tree is None:
        return str(path), 0, 0
    points = lacks = 0
    more = next((s.text for s in article.sections if s.key == "moreinformation"), "")
    for node in tree.nodes.values():
        if not isinstance(node, Outcome):
            continue
        shown = " ".join(_norm(_text(i.template) + _text(i.detail)) for i in node.steps)
        for item in node.steps:
            said = _text(item.template)
            if not POINTER_RE.search(said) or FALLBACK_RE.match(said):
                continue
            if re.search(r"\bmore information\b", said, re.IGNORECASE):
                region = more
            else:
                section = article.section(item.source.section)
                body = section.text if section is not None else ""
                at = _norm(body).find(_norm(said)[:30])
                cut = body.find(said[:20])
                region = body[cut + len(said) :] if cut >= 0 and at >= 0 else ""
            lines = [k for k in _lines(region) if k not in _norm(said)]
            if not lines:
                continue
            points = 1
            if sum(k in shown for k in lines) < 2:
                lacks = 1
    return str(path), points, lacks


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--every", type=int, default=10)
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--list", action="store_true", help="print each lacking draft")
    args = parser.parse_args()
    for name, folder, every in (
        ("archive", "kb", args.every),
        ("runbooks", "runbooks", 1),
        ("mssupport", "ms-support", 1),
    ):
        files = corpus_files(args.work / folder)[::every]
        with Pool(args.procs) as pool:
            rows = pool.map(check, files, chunksize=16)
        points = sum(r[1] for r in rows)
        lacks = sum(r[2] for r in rows)
        print(
            f"{name}: {len(rows)} drafts, {points} point elsewhere, {lacks} lack it "
            f"({100 * lacks / max(1, len(rows)):.2f}%)"
        )
        if args.list:
            for path, _, lack in rows:
                if lack:
                    print("  ", path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
