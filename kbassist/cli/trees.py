"""`kbassist trees`: check, test and list decision trees.

Everything here imports kbassist.trees inside the command, so `kbassist search` never
pays for it. Format and commands: docs/trees.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from click.shell_completion import CompletionItem

from kbassist.cli.base import assistant_for, kb_options, main, trees_option
from kbassist.cli.output import echo, note
from kbassist.errors import KBError


def complete_trees(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Tree ids (file names in the trees folder), for `walk`; files are the shell's."""
    from kbassist.trees.loader import TREE_SUFFIXES

    try:
        folder = assistant_for(trees_dir=ctx.params.get("trees_dir")).trees_dir
        names = sorted(
            path.name.rsplit(".", 1)[0]
            for path in folder.iterdir()
            if path.name.endswith(TREE_SUFFIXES) and not path.name.startswith(".")
        )
    except (KBError, OSError):
        return []
    return [CompletionItem(name) for name in names if name.startswith(incomplete)]


@main.group()
def trees() -> None:
    """Check, test and list decision trees."""


@trees.command("lint")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@trees_option
@kb_options
def trees_lint(
    paths: tuple[Path, ...],
    trees_dir: Path | None,
    articles: Path | None,
    index_dir: Path | None,
) -> None:
    """Check tree files (default: the trees folder); every problem, one line each.

    Each problem prints as file:line:col: message (node id). Citations are checked
    against the knowledge base. Exits 1 if any problem is found.
    """
    from kbassist.errors import AmbiguousIdError, NotFoundError
    from kbassist.trees.lint import lint_paths

    assistant = assistant_for(articles, index_dir, trees_dir)

    def lookup(article_id: str) -> Any:
        try:
            return assistant.article(article_id)  # the KB opens at the first citation
        except AmbiguousIdError:
            raise  # not "missing": the KB must say which article the tree cites
        except NotFoundError:
            return None

    targets = list(paths) or [assistant.trees_dir]
    results, problems = lint_paths(targets, lookup)
    for problem in problems:
        echo(str(problem))
    files = len(results)
    if problems:
        bad = len({p.path for p in problems})
        note(f"{len(problems)} problem(s) in {bad} of {files} file(s)")
        sys.exit(1)
    note(f"{files} tree file(s) checked, no problems")


@trees.command("test")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@trees_option
def trees_test(paths: tuple[Path, ...], trees_dir: Path | None) -> None:
    """Run the test cases the trees carry; one line per case, then a summary.

    A tree also fails when one of its outcomes is reached by no passing case. Exits 1
    if anything failed.
    """
    from kbassist.trees.lint import lint_result, tree_files
    from kbassist.trees.loader import read_tree_file
    from kbassist.trees.treetests import run_tree_tests

    files, problems = tree_files(list(paths) or [assistant_for(trees_dir=trees_dir).trees_dir])
    passed = failed = 0
    for problem in problems:
        echo(f"ERROR {problem}")
        failed += 1
    for path in files:
        result = read_tree_file(path)
        found = lint_result(result, None)
        if found or result.tree is None:
            for problem in found:
                echo(f"ERROR {problem}")
            failed += 1
            continue
        for case in run_tree_tests(result.tree):
            echo(str(case))
            if case.passed:
                passed += 1
            else:
                failed += 1
    echo(f"{passed} passed, {failed} failed")
    if failed:
        sys.exit(1)


@trees.command("list")
@click.option("--article", help="Only trees drawn from this article id.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of trees.")
@trees_option
def trees_list(article: str | None, as_json: bool, trees_dir: Path | None) -> None:
    """List the trees in the trees folder: id, version, title and articles."""
    from kbassist.sanitize import displayable

    assistant = assistant_for(trees_dir=trees_dir)
    found, problems = assistant.load_trees()
    if article:
        found = assistant.trees_for_article(article)
    found = sorted(found, key=lambda t: t.id)
    if as_json:
        listing = [
            {
                "id": tree.id,
                "version": tree.version,
                "title": tree.title,
                "articles": list(tree.articles),
                "draft": tree.draft,
                "path": displayable(str(tree.path)),
            }
            for tree in found
        ]
        echo(json.dumps(listing, indent=2))
    else:
        for tree in found:
            echo(f"{tree.id}  v{tree.version}  {tree.title}  [{', '.join(tree.articles)}]")
    for problem in problems:
        note(f"skipped {problem}")
    if not found and not as_json:
        note("no trees found")
