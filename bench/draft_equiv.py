"""Do two versions of the drafting pipeline write the same drafts? By hand.

    python bench/draft_equiv.py OUT.json [--every 20] [--work /tmp/draftbench]
    python bench/draft_equiv.py --compare OLD.json NEW.json

The first form drafts every `--every`-th archive article plus every runbook and MS support
article with the code of this checkout and records, per article, the YAML text
`kbassist draft` writes (byte for byte), the lint problems, and a digest of the Tree read
back (its repr, every node's and use's position). Run it on the old code and on the new,
then `--compare` prints each article whose record differs and exits 1 if any does
(`--fields yaml,lint` leaves out the Tree digest, whose positions a Tree built from the
drafter's dict does not keep: round 30; bench/draft_roundtrip.py compares that Tree). For
changes to the pipeline around the rules (dump, load, caching) that must change no draft.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_draft import corpus_files
from draft_metrics import load_draft

from kbassist.articles import ArticleSkip, load_article


def record(path: Path) -> dict[str, object]:
    """What the pipeline makes of one article file: text, problems, Tree digest."""
    try:
        article = load_article(path)
    except ArticleSkip as exc:
        return {"skipped": str(exc)}
    try:
        tree, lint, text = load_draft(article)
    except Exception as exc:  # an exception is a result too: it must not change either
        return {"error": f"{type(exc).__name__}: {exc}"}
    digest = ""
    if tree is not None:
        shape = repr(tree) + repr([n.pos for n in tree.nodes.values()])
        digest = hashlib.sha256(shape.encode()).hexdigest()
    return {"yaml": text, "lint": lint, "tree": digest}


#: What a record holds for a drafted article; an error or skip is always compared.
_FIELDS = frozenset({"yaml", "lint", "tree"})


def files(work: Path, every: int) -> list[tuple[str, Path]]:
    """(name, path): every `every`-th archive file, then all runbooks and MS support."""
    out = [(f"kb/{p.relative_to(work / 'kb')}", p) for p in corpus_files(work / "kb")[::every]]
    for folder in ("runbooks", "ms-support"):
        out += [
            (f"{folder}/{p.relative_to(work / folder)}", p) for p in corpus_files(work / folder)
        ]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("out", type=Path, nargs="?")
    parser.add_argument("--every", type=int, default=20)
    parser.add_argument("--work", type=Path, default=Path("/tmp/draftbench"))
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("OLD", "NEW"))
    parser.add_argument(
        "--fields",
        default="",
        help="with --compare: only these of yaml,lint,tree (comma-separated)",
    )
    args = parser.parse_args()
    if args.compare:
        old, new = (json.loads(p.read_text()) for p in args.compare)
        if args.fields:  # e.g. yaml,lint: a Tree built without positions (round 30)
            keep = set(args.fields.split(","))
            old, new = (
                {
                    k: {f: v for f, v in r.items() if f in keep or f not in _FIELDS}
                    for k, r in d.items()
                }
                for d in (old, new)
            )
        differ = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
        for name in differ[:20]:
            print(f"differs: {name}")
        same_yaml = sum(1 for k in old if "yaml" in old[k] and old[k] == new.get(k))
        print(f"{len(old):,} articles, {same_yaml:,} drafts identical, {len(differ)} differences")
        return 1 if differ else 0
    if args.out is None:
        parser.error("give OUT.json or --compare OLD NEW")
    result = {name: record(path) for name, path in files(args.work, args.every)}
    args.out.write_text(json.dumps(result, indent=0, sort_keys=True) + "\n")
    print(f"{len(result):,} articles -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
