"""A graded sample's means as a Markdown table: per corpus and in all. By hand.

    python bench/grades_table.py bench/grades/seed-38-before.csv [more.csv ...]

Each CSV is a grading sheet filled in with issue 13's 0-2 rubric (columns `file, corpus,
symptom, cause, fixes_found, no_junk_options, steps, inputs, overall, note`; the rows
`bench/draft_sample.py` writes). Overall 2 / 1 / 0 read as followable as-is / after
light edits / rewrite.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

COLUMNS = ("symptom", "cause", "fixes_found", "no_junk_options", "steps", "inputs", "overall")
CORPORA = (("archive", "archive"), ("runbooks", "runbooks"), ("mssupport", "MS support"))


def table(path: Path) -> str:
    """The per-corpus and all-rows means of one grading CSV, with the overall counts."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    lines = [
        f"{path.name}:",
        "",
        "| corpus | n | " + " | ".join(COLUMNS) + " | as-is / light edits / rewrite |",
        "|---|---|" + "---|" * (len(COLUMNS) + 1),
    ]
    groups = [(label, [r for r in rows if r["corpus"] == key]) for key, label in CORPORA]
    for label, group in [*groups, ("all", rows)]:
        if not group:
            continue
        means = [sum(int(r[c]) for r in group) / len(group) for c in COLUMNS]
        counts = [sum(r["overall"] == str(v) for r in group) for v in (2, 1, 0)]
        share = " (" + " / ".join(f"{100 * c / len(group):.0f}%" for c in counts) + ")"
        lines.append(
            f"| {label} | {len(group)} | "
            + " | ".join(f"{m:.2f}" for m in means)
            + f" | {' / '.join(map(str, counts))}{share if label == 'all' else ''} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("csv", nargs="+", type=Path, help="filled-in grading sheets")
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.csv if not p.is_file()]
    if missing:
        print(f"grades_table.py: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    print("\n\n".join(table(p) for p in args.csv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
