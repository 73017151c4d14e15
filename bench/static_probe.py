"""Would a trained static embedding re-ranker pay for itself? A probe, run by hand, never in tests.

The sibling of `semantic_probe.py` (MiniLM, measured and not shipped: 23 ms of CPU per
passage). A static model is a token -> vector table: embedding a text is tokenize + look
up + mean, microseconds, so every article's vector could be computed at index time and
stored beside the index, and only the query embedded at search time. The one trained
static model found shipped inside a PyPI wheel is WordLlama's `l2_supercat_256` (pip
`wordllama`, MIT, weights and tokenizer in the wheel; its own loader looks for the
tokenizer in the wrong folder and then tries the network, so this probe reads the two
files itself with `safetensors` and `tokenizers`, as kbassist would).

For every query of every set it re-ranks kbassist's own top `depth` (20 and 50) by
  - score addition: score / first hit's score + w x cosine(query, title + problem statement)
  - reciprocal-rank fusion: 1 / (k + kbassist rank) + w / (k + cosine rank)
and prints right-first rates for the archive tuning half (even rows), check half (odd
rows), held-out set, runbooks and MS support, with the costs (model load, CPU per passage
and per query, vector storage for the combined KB). Choose w on the tuning half only.

Needs, in a scratch virtualenv (not kbassist's): kbassist installed (-e), plus
`pip install wordllama` (brings numpy, safetensors, tokenizers; no torch). The index is a
combined KB built by `bench_quality.py --combined-only` (its --work folder).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from semantic_probe import SETS, candidates, passage

WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2)
RRF_WEIGHTS = (0.25, 0.5, 1.0)


Cosines = Callable[[dict, int], list[float]]


def by_sum(row: dict, depth: int, w: float, cosines: Cosines) -> str:
    """Score addition: kbassist's score / the first hit's, plus w x the cosine."""
    hits = row["hits"][:depth]
    if not hits:
        return ""
    top = hits[0][1] or 1.0
    cos = cosines(row, depth)
    return hits[max(range(len(hits)), key=lambda i: (hits[i][1] / top + w * cos[i], -i))][0]


def by_rrf(row: dict, depth: int, w: float, k: int, cosines: Cosines) -> str:
    """Reciprocal-rank fusion: 1 / (k + kbassist rank) + w / (k + cosine rank)."""
    hits = row["hits"][:depth]
    if not hits:
        return ""
    cos = cosines(row, depth)
    sem_rank = {i: r + 1 for r, i in enumerate(sorted(range(len(hits)), key=lambda i: -cos[i]))}
    return hits[max(range(len(hits)), key=lambda i: (1 / (k + i + 1) + w / (k + sem_rank[i]), -i))][
        0
    ]


def model_files() -> tuple[Path, Path]:
    """WordLlama's shipped weights and tokenizer, found without importing the package."""
    import importlib.util

    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("static_probe: pip install wordllama in this virtualenv first")
    root = Path(next(iter(spec.submodule_search_locations)))
    return (
        root / "weights" / "l2_supercat_256.safetensors",
        root / "tokenizers" / "l2_supercat_tokenizer_config.json",
    )


COLD = """
import sys, time
import numpy  # kbassist's search path imports it already
cpu = time.process_time()
from safetensors import safe_open
from tokenizers import Tokenizer
with safe_open(sys.argv[1], framework="np") as f:
    table = f.get_tensor("embedding.weight")
Tokenizer.from_file(sys.argv[2]).encode("blue screen after sp3", add_special_tokens=False)
print(time.process_time() - cpu)
"""


def cold_load_ms(weights: Path, tokenizer: Path, runs: int = 5) -> float:
    """Median CPU a fresh process spends importing, loading the model and embedding one query."""
    import statistics
    import subprocess
    import sys

    return 1000 * statistics.median(
        float(
            subprocess.run(
                [sys.executable, "-c", COLD, str(weights), str(tokenizer)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        for _ in range(runs)
    )


class Static:
    """Tokenize, look up, mean, normalise: the whole model."""

    def __init__(self, weights: Path, tokenizer: Path, dims: int, lower: bool = False) -> None:
        import numpy as np
        from safetensors import safe_open
        from tokenizers import Tokenizer

        with safe_open(str(weights), framework="np") as f:
            table = f.get_tensor("embedding.weight")
        self.table = np.ascontiguousarray(table[:, :dims].astype(np.float32))
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.lower = lower
        self.idf = None

    def fit_idf(self, texts: list[str]) -> None:
        """Weight each token by its idf over `texts` (SIF-style), instead of a plain mean."""
        import numpy as np

        df = np.zeros(self.table.shape[0], dtype=np.float32)
        for enc in self.tokenizer.encode_batch(self._prep(texts), add_special_tokens=False):
            df[sorted(set(enc.ids))] += 1
        self.idf = np.log((1 + len(texts)) / (1 + df)).astype(np.float32)

    def _prep(self, texts: list[str]) -> list[str]:
        return [t.lower() for t in texts] if self.lower else texts

    def embed(self, texts: list[str]):
        import numpy as np

        out = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        for i, enc in enumerate(
            self.tokenizer.encode_batch(self._prep(texts), add_special_tokens=False)
        ):
            if not enc.ids:
                continue
            if self.idf is None:
                out[i] = self.table[enc.ids].mean(0)
            else:
                out[i] = self.idf[enc.ids] @ self.table[enc.ids]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=Path, required=True, help="the combined KB folder")
    parser.add_argument("--index", type=Path, required=True, help="its kbassist index")
    parser.add_argument("--work", type=Path, required=True, help="cache folder for candidates")
    parser.add_argument("--dims", default="256,64", help="Matryoshka truncations to try")
    parser.add_argument(
        "--variants", default="cased,lower,lower-idf", help="as trained / lowercased / idf-weighted"
    )
    parser.add_argument(
        "--articles", type=int, default=60_835, help="for the storage estimate (the combined KB)"
    )
    args = parser.parse_args()

    import numpy as np

    args.work.mkdir(parents=True, exist_ok=True)
    cache = args.work / "candidates-50.json"
    if cache.exists():
        found = json.loads(cache.read_text())
    else:
        found = candidates(args.kb, args.index, 50)
        cache.write_text(json.dumps(found))
    paths = sorted({hit[0] for rows in found.values() for row in rows for hit in row["hits"]})
    queries = sorted({row["query"] for rows in found.values() for row in rows})
    texts_cache = args.work / "passages.json"
    if texts_cache.exists():
        texts = json.loads(texts_cache.read_text())
    else:
        texts = {rel: passage(args.kb.resolve(), rel) for rel in paths}
        texts_cache.write_text(json.dumps(texts))

    weights_path, tokenizer_path = model_files()
    halves = {
        "archive tuning half": found["archive"][0::2],
        "archive check half": found["archive"][1::2],
        "archive held-out": found["archive-heldout"],
        "runbooks": found["runbooks"],
        "MS support": found["mssupport"],
    }
    assert set(SETS) == set(found)
    print(
        f"cold load (fresh process, numpy already imported), median CPU of 5:"
        f" {cold_load_ms(weights_path, tokenizer_path):.0f} ms"
    )
    doc_at = {rel: i for i, rel in enumerate(paths)}
    query_at = {text: i for i, text in enumerate(queries)}
    chosen: list[tuple[str, list[float]]] = []
    baseline: list[float] = []
    plans = [(int(d), v) for d in args.dims.split(",") for v in args.variants.split(",")]
    for dims, variant in plans:
        cpu = time.process_time()
        model = Static(weights_path, tokenizer_path, dims, lower=variant.startswith("lower"))
        load_ms = (time.process_time() - cpu) * 1000
        if variant.endswith("idf"):
            model.fit_idf([texts[rel] for rel in paths])
        cpu = time.process_time()
        doc_vectors = model.embed([texts[rel] for rel in paths])
        per_doc = (time.process_time() - cpu) / len(paths) * 1000
        cpu = time.process_time()
        query_vectors = np.vstack([model.embed([q]) for q in queries])
        per_query = (time.process_time() - cpu) / len(queries) * 1000
        doc_vectors = doc_vectors.astype(np.float16).astype(np.float32)  # as stored

        def cosines(row: dict, depth: int, qv=query_vectors, dv=doc_vectors) -> list[float]:
            q = qv[query_at[row["query"]]]
            return [float(dv[doc_at[h[0]]] @ q) for h in row["hits"][:depth]]

        store_mb = args.articles * dims * 2 / 1e6
        print(
            f"\n## WordLlama l2_supercat, {dims} dims, {variant}: load CPU {load_ms:.0f} ms;"
            f" {len(paths)} passages,"
            f" CPU {per_doc * 1000:.0f} us each; {len(queries)} queries, CPU {per_query * 1000:.0f}"
            f" us each; float16 vectors for {args.articles:,} articles {store_mb:.1f} MB"
        )
        for depth in (20, 50):
            fusions: list[tuple[str, Callable[[dict], str]]] = [
                (f"w={w}", partial(by_sum, depth=depth, w=w, cosines=cosines)) for w in WEIGHTS
            ] + [
                (f"RRF k={k} w={w}", partial(by_rrf, depth=depth, w=w, k=k, cosines=cosines))
                for k in (10, 60)
                for w in RRF_WEIGHTS
            ]
            table = {
                label: [
                    sum(pick(r) == r["target"] for r in rows) / len(rows)
                    for rows in halves.values()
                ]
                for label, pick in fusions
            }
            print(f"\ndepth {depth}\n| set (n) | " + " | ".join(table) + " |")
            print("|---|" + "---|" * len(table))
            for i, (name, rows) in enumerate(halves.items()):
                cells = " | ".join(f"{rates[i]:.3f}" for rates in table.values())
                print(f"| {name} ({len(rows)}) | {cells} |")
            # Chosen on the tuning half alone (a tie goes to the smaller weight).
            for kind in ("w=", "RRF"):
                label = max(
                    (lb for lb in table if lb.startswith(kind) and lb != "w=0.0"),
                    key=lambda lb: table[lb][0],
                )
                chosen.append((f"{dims} dims, {variant}, depth {depth}, {label}", table[label]))
            baseline = table["w=0.0"]

    print("\n## Chosen on the tuning half\n| re-ranker | " + " | ".join(halves) + " |")
    print("|---|" + "---|" * len(halves))
    print("| kbassist alone | " + " | ".join(f"{x:.3f}" for x in baseline) + " |")
    for label, rates in chosen:
        print(f"| {label} | " + " | ".join(f"{x:.3f}" for x in rates) + " |")


if __name__ == "__main__":
    main()
