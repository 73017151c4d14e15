"""A seeded sample of drafted walks for a person to grade (issue 13's rubric). By hand.

    python bench/draft_sample.py [--seed S] [--out DIR] [--work DIR] [--force]

Picks, reproducibly for a seed: 20 archive articles that have a CAUSE section and a
RESOLUTION or WORKAROUND section, 10 runbooks and 10 MS support articles (the corpora and
file lists of bench_draft.py, shuffled with `random.Random(seed)`, taken in that order).
Writes into --out (default /tmp/kbassist-draft-sample-SEED; an existing non-empty folder
only with --force):

- one `NN-corpus-id.md` per article: the article file verbatim, then the drafted walk
  as the walker meets it (every node with its text, options, inputs with type, default
  and bounds, each outcome's checklist, verify and rollback with citations) and every
  walk the engine can take through it (bench_draft's enumeration);
- `grading-sheet.md` (the rubric and one empty row per article) and `grading-sheet.csv`
  (the same rows, to fill in a spreadsheet).

Text is shown inside code fences longer than any backtick run in it, with terminal
control stripped (kbassist.sanitize): article text is untrusted and stays literal.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_draft import DEFAULT_WORK, corpus_files, corpus_root
from draft_metrics import enumerate_walks, load_draft

from kbassist.articles import Article, ArticleSkip, load_article
from kbassist.errors import KBError
from kbassist.fileio import atomic_write
from kbassist.sanitize import sanitize
from kbassist.trees.model import Info, Input, Item, Outcome, Question, Tree
from kbassist.trees.templates import Template

#: corpus -> how many articles the sample takes from it
SAMPLE = {"archive": 20, "runbooks": 10, "mssupport": 10}
DEFAULT_SEED = 13
RUBRIC = (
    ("symptom", "the walk shows the article's symptom, every alternative message as a choice"),
    ("cause", "the cause as the article gives it; alternative causes asked, not merged"),
    ("fixes found", "every fix the article offers (method, workaround, upgrade) is an outcome"),
    ("no junk options", "no option is a note, boilerplate, a cut label or a duplicate"),
    ("steps", "one checklist item per action, in order, with no lead-ins, notes or tables"),
    ("inputs", "values the admin must supply are asked, typed and used in the steps"),
    ("overall", "would an expert keep this draft"),
)
FOLLOWABLE = "as-is / light edits / rewrite"
COLUMNS = ["#", "corpus", "article", "file", *(name for name, _ in RUBRIC), "followable", "notes"]


def qualifies(corpus: str, article: Article) -> bool:
    """Archive articles must have a CAUSE and a RESOLUTION or WORKAROUND; others any."""
    if corpus != "archive":
        return True
    keys = {s.key for s in article.sections}
    return bool(keys & {"cause", "causes"}) and bool(
        keys & {"resolution", "workaround", "workarounds"}
    )


def pick(corpus: str, root: Path, count: int, seed: int) -> list[Path]:
    """`count` files of the corpus, shuffled with the seed, that qualify."""
    files = corpus_files(root)
    random.Random(f"{seed}:{corpus}").shuffle(files)
    chosen: list[Path] = []
    for path in files:
        try:
            article = load_article(path)
        except ArticleSkip:
            continue
        if qualifies(corpus, article):
            chosen.append(path)
            if len(chosen) == count:
                break
    return chosen


# --------------------------------------------------------------------------- rendering


def fenced(text: str, info: str = "text") -> str:
    """`text` in a code fence no backtick run inside it can close."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text.rstrip()}\n{fence}"


def _t(template: object) -> str:
    """A template as the walker reads it: literal braces single (`{{` is how the file
    writes `{`), and `<answer: var>` where an answer goes."""
    if template is None:
        return ""
    if isinstance(template, Template):
        return sanitize(
            "".join(
                part if isinstance(part, str) else f"<answer: {part.name}>"
                for part in template.parts
            )
        )
    return sanitize(str(template))


def _items(title: str, items: tuple[Item, ...]) -> list[str]:
    lines = [f"    {title}:"] if items else []
    for item in items:
        when = f"  (when {item.when})" if item.when is not None else ""
        lines.append(f"      [ ] {_t(item.template)}{when}")
        if item.detail is not None:
            lines.extend(f"          | {sanitize(line)}" for line in _t(item.detail).split("\n"))
        lines.append(f"          <- {item.source}")
    return lines


def render_tree(tree: Tree) -> str:
    """The drafted tree as a walker meets it, node by node, in file order."""
    lines = [
        f"Tree {tree.id}: {sanitize(tree.title)}" + ("  (draft)" if tree.draft else ""),
        f"Symptom: {sanitize(tree.symptom)}",
        f"Cause: {sanitize(tree.cause)}",
        f"Starts at: {tree.start}",
        "",
    ]
    for node in tree.nodes.values():
        lines.append(f"[{node.kind}] {node.id}: {sanitize(node.title)}")
        if node.text is not None:
            lines.append(f"    {_t(node.text)}")
        if getattr(node, "help", None) is not None:
            lines.append(f"    help: {_t(node.help)}")  # type: ignore[attr-defined]
        if node.source is not None:
            lines.append(f"    <- {node.source}")
        if isinstance(node, Question):
            for n, choice in enumerate(node.choices, 1):
                lines.append(f"    {n}. {sanitize(choice.label or choice.value)}  -> {choice.next}")
        elif isinstance(node, Input):
            bounds = "".join(
                f", {name} {value:g}"
                for name, value in (("min", node.minimum), ("max", node.maximum))
                if value is not None
            )
            default = f", default {node.default!r}" if node.default is not None else ""
            fmt = f" ({node.format})" if node.format else ""
            lines.append(f"    input {node.variable}: {node.type}{fmt}{default}{bounds}")
            lines.extend(f"    - {sanitize(c.label or c.value)}" for c in node.choices)
            lines.append(f"    -> {node.next}")
        elif isinstance(node, Info):
            lines.append(f"    -> {node.next}")
        elif isinstance(node, Outcome):
            lines += _items("Checklist", node.steps)
            lines += _items("Verify", node.verify)
            lines += _items("Roll back", node.rollback)
        lines.append("")
    return "\n".join(lines)


def render_walks(tree: Tree) -> str:
    """Every walk the engine takes: the answers given and the outcome reached."""
    walks = enumerate_walks(tree)
    lines = []
    for n, checklist in enumerate(walks.checklists, 1):
        said = [
            f"{sanitize(step.node.title)} = {sanitize(step.display_value)}"
            for step in checklist.steps
            if step.node.var is not None
        ]
        path = " -> ".join([*said, f"outcome {sanitize(checklist.outcome.title)}"])
        lines.append(f"{n}. {path}")
    if walks.truncated:
        lines.append("(more walks than the bench enumerates)")
    if walks.stuck:
        lines.append(f"({walks.stuck} walk(s) stuck: every answer refused)")
    return "\n".join(lines) or "(no walk reached an outcome)"


def article_page(n: int, corpus: str, root: Path, path: Path, seed: int) -> tuple[str, str, str]:
    """(article id, file name, Markdown) of one sampled article: the article, then its
    draft."""
    article = load_article(path)
    rel = path.relative_to(root).as_posix()
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", article.id)[:60]
    name = f"{n:02d}-{corpus}-{slug}.md"
    raw = sanitize(path.read_text(encoding="utf-8", errors="replace"))
    tree, lint, _ = load_draft(article)
    parts = [
        f"# {n}. {sanitize(article.id)}: {sanitize(article.title)}",
        "",
        f"Corpus `{corpus}`, file `{sanitize(rel)}`, sample seed {seed}.",
        "",
        "## The article (verbatim)",
        "",
        fenced(raw),
        "",
        "## The drafted walk",
        "",
    ]
    if tree is None:
        parts.append("The drafter declined this article (no text to cite).")
    else:
        if lint:
            parts += ["Lint problems:", "", fenced("\n".join(lint)), ""]
        parts += [fenced(render_tree(tree)), "", "## Every walk", "", fenced(render_walks(tree))]
    return article.id, name, "\n".join(parts) + "\n"


def grading_sheet(rows: list[list[str]], seed: int) -> tuple[str, str]:
    """(Markdown, CSV) grading sheet: the rubric and one empty row per article."""
    md = [
        f"# Grading sheet: drafted walks, sample seed {seed}",
        "",
        f"Written {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by bench/draft_sample.py. Read each",
        "article, walk its draft (the file beside this one, or `kbassist walk ID`), and score",
        "each column 0, 1 or 2 against the article: 2 = right and complete, 1 = partly",
        "(something missing, merged or wrong but usable), 0 = missing or misleading.",
        "",
    ]
    md += [f"- **{name}**: {what}." for name, what in RUBRIC]
    md += [
        f"- **followable**: {FOLLOWABLE} (could an admin follow the walk as drafted?).",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    md += ["| " + " | ".join(row) + " |" for row in rows]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return "\n".join(md) + "\n", out.getvalue()


def _row(n: int, corpus: str, article_id: str, name: str) -> list[str]:
    return [str(n), corpus, article_id, name, *([""] * len(RUBRIC)), "", ""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, help="folder (default /tmp/kbassist-draft-sample-S)")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="corpora unpacked here")
    parser.add_argument("--force", action="store_true", help="write into a non-empty folder")
    args = parser.parse_args(argv)
    out: Path = args.out or Path(f"/tmp/kbassist-draft-sample-{args.seed}")
    if out.exists() and (not out.is_dir() or any(out.iterdir())) and not args.force:
        print(f"{out}: exists and is not an empty folder (use --force)", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    rows: list[list[str]] = []
    try:
        for corpus, count in SAMPLE.items():
            root = corpus_root(corpus, args.work)
            for path in pick(corpus, root, count, args.seed):
                n = len(rows) + 1
                article_id, name, page = article_page(n, corpus, root, path, args.seed)
                atomic_write(out / name, page, overwrite=args.force)
                rows.append(_row(n, corpus, sanitize(article_id), name))
        md, table = grading_sheet(rows, args.seed)
        atomic_write(out / "grading-sheet.md", md, overwrite=args.force)
        atomic_write(out / "grading-sheet.csv", table, overwrite=args.force)
    except KBError as exc:
        print(f"draft_sample: {exc}", file=sys.stderr)
        return 1
    print(f"{len(rows)} articles and the grading sheet in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
