"""Commands that read the knowledge base: search, show, index, draft."""

from __future__ import annotations

import difflib
import itertools
import json
import shlex
from pathlib import Path

import click

from kbassist.assistant import Assistant
from kbassist.cli.base import KBCommand, assistant_for, kb_options, main
from kbassist.cli.output import echo, note, progress_printer, report_update, styled


class QueryCommand(KBCommand):
    """A command whose words are a query: `kbassist search netstat -an` searches for
    "-an", a pasted switch (or -2147467259), where click would read -a and -n.

    The command's own options (and their values) are taken out wherever they stand; every
    other word, in order, is the query.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        takes_value = {
            name: not param.is_flag
            for param in self.get_params(ctx)  # --help too
            if isinstance(param, click.Option)
            for name in [*param.opts, *param.secondary_opts]
        }
        options: list[str] = []
        words: list[str] = []
        rest = iter(args)
        for arg in rest:
            if arg == "--":
                words.extend(rest)
                break
            name, glued = arg.split("=", 1)[0], ""
            if name not in takes_value and arg[:2] in takes_value and not arg.startswith("--"):
                name, glued = arg[:2], arg[2:]  # -n5
            if name not in takes_value or (glued and not takes_value[name]):
                words.append(arg)
                continue
            options.append(arg)
            if takes_value[name] and "=" not in arg and not glued:
                options.extend(itertools.islice(rest, 1))
        return super().parse_args(ctx, [*options, "--", *words])


@main.command(cls=QueryCommand)
@click.argument("query", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of hits.")
@click.option(
    "--limit",
    "-n",
    type=click.IntRange(1, 1000),
    default=10,
    show_default=True,
    help="How many hits to print.",
)
@click.option(
    "--product",
    help="Only articles of products whose name has a word starting with this, any case "
    "(exchange: Microsoft Exchange); an exact name picks that product alone.",
)
@kb_options
def search(
    query: tuple[str, ...],
    as_json: bool,
    limit: int,
    product: str | None,
    articles: Path | None,
    index_dir: Path | None,
) -> None:
    """Search the knowledge base for a symptom, best match first.

    Plain words match anywhere (the more of them an article holds, the higher it
    ranks); filters such as product:exchange, section:cause or title:backup narrow the
    search. Pasted text stays text: `kbassist search netstat -an` searches for -an.
    """
    _no_misspelt_option(query)
    assistant = assistant_for(articles, index_dir)
    result = assistant.search(" ".join(query), limit=limit, product=product)
    if product is not None:
        _say_products(assistant, product, result.products)
    for notice in result.notices:
        note(notice)
    if result.corrected:
        note(f"no articles match {result.query!r}; showing results for {result.suggestion!r}")
    elif result.suggestion:
        note(f"did you mean: {result.suggestion}")
    if as_json:
        echo(json.dumps([hit.to_json() for hit in result.hits], indent=2))
        return
    if not result.hits:
        note("no articles match")
        return
    for hit in result.hits:
        title = ("  ", styled(hit.shown_title, bold=True)) if hit.shown_title else ()
        echo(styled(hit.id, fg="cyan", bold=True), *title)
        meta = hit.product or "-"
        if not hit.full_match:
            meta += " · some words missing"
        echo(f"    {meta} · score {hit.score:.2f}")
        if hit.snippet:
            echo(
                "    ",
                *(
                    styled(run, fg="yellow", bold=True) if is_match else run
                    for run, is_match in hit.snippet
                ),
            )
        echo()
    shown = len(result.hits)
    note(f"{shown:,} of {result.total:,} matching articles shown")


def _no_misspelt_option(query: tuple[str, ...]) -> None:
    """`--limt 5` is a typo of an option, not two words to search for: a usage error.

    Unknown options are query words (pasted switches), so without this check a
    misspelt option would be searched for, silently.
    """
    ctx = click.get_current_context()
    options = [name for param in ctx.command.params for name in param.opts if name[:2] == "--"]
    for word in query:
        if word.startswith("--") and len(word) > 2:
            name = word.split("=", 1)[0]
            close = difflib.get_close_matches(name, options, n=1, cutoff=0.7)
            if close:
                raise click.UsageError(f"no such option: {name} (did you mean {close[0]}?)")


def _say_products(assistant: Assistant, product: str, matched: list[str]) -> None:
    """Which products `--product` picked (on stderr), or that none did and what is there."""
    import difflib

    if matched:
        note(f"product: {', '.join(matched)}")
        return
    known = assistant.products()
    close = difflib.get_close_matches(product.casefold(), [k.casefold() for k in known], n=3)
    by_fold = {k.casefold(): k for k in known}
    hint = (
        f" (did you mean: {', '.join(by_fold[c] for c in close)}?)"
        if close
        else f" (products: {', '.join(known[:10])}{', …' if len(known) > 10 else ''})"
    )
    note(f"no product name matches {product!r}{hint}")


@main.command()
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@click.option("--full", is_flag=True, help="Rebuild from scratch instead of updating.")
@kb_options
def index(
    directory: Path | None, full: bool, articles: Path | None, index_dir: Path | None
) -> None:
    """Index an articles folder (only added, changed and removed files are re-read)."""
    assistant = assistant_for(articles, index_dir, directory=directory)
    report = assistant.update_index(full=full, progress=progress_printer("Indexing"))
    report_update(report)


@main.command()
@click.argument("article_id")
@click.option("--section", help="Print only this section (e.g. cause, resolution).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="text to read; markdown (normalized) or json (the block tree) for scripts.",
)
@kb_options
def show(
    article_id: str,
    section: str | None,
    fmt: str,
    articles: Path | None,
    index_dir: Path | None,
) -> None:
    """Print an article: its header fields and its structure."""
    from kbassist.articles.text import article_as_json, article_as_markdown, article_as_text
    from kbassist.errors import NotFoundError

    article = assistant_for(articles, index_dir).article(article_id)
    if fmt != "text":
        echo((article_as_json if fmt == "json" else article_as_markdown)(article).rstrip("\n"))
        return
    if section is not None and not (article.section(section) or article.parts_by_role(section)):
        names = ", ".join(s.name for s in article.sections)
        raise NotFoundError(f"{article.id} has no section {section!r} (it has: {names})")
    echo(article_as_text(article, section=section))


@main.command()
@click.argument("article_id")
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="Write the tree here (NAME.yaml; NAME becomes its id), or into this folder as "
    "ID.yaml; - is stdout.",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@kb_options
def draft(
    article_id: str,
    output: str,
    force: bool,
    articles: Path | None,
    index_dir: Path | None,
) -> None:
    """Draft a decision tree from an article, to review, edit and add to the trees.

    The symptom, cause and one outcome per mitigation the article offers, numbered
    steps as checklist items, and times, drives, paths, file names and counts as
    inputs. The file is marked `draft: true` and passes `kbassist trees lint`.
    """
    from kbassist.drafting.tree import draft_id, draft_text
    from kbassist.errors import UsageError
    from kbassist.fileio import atomic_write, check_may_write, check_output_path
    from kbassist.trees.loader import TREE_SUFFIXES, is_tree_id

    out_path = None if output == "-" else Path(output)
    tree_id = None
    article = None
    if out_path is not None and out_path.is_dir() and not out_path.is_symlink():
        # `-o decision_trees`: the draft goes into the folder, named after its id
        article = assistant_for(articles, index_dir).article(article_id)
        out_path = out_path / f"{draft_id(article)}.yaml"
    if out_path is not None:
        check_output_path(out_path)
        if out_path.suffix not in TREE_SUFFIXES or not is_tree_id(out_path.stem):
            raise UsageError(
                f"{output}: a tree file is named after its id: use lower-case letters, "
                "digits, '.', '-' and '_', ending in .yaml (e.g. q98097-draft.yaml)"
            )
        check_may_write(out_path, overwrite=force)
        tree_id = out_path.stem
    if article is None:
        article = assistant_for(articles, index_dir).article(article_id)
    text, tree = draft_text(article, tree_id)
    if out_path is None:
        echo(text, nl=False)
        return
    atomic_write(out_path, text, overwrite=force)
    mitigations = len(tree.outcomes())
    # the command to run next, as typed: lint checks citations against the same folder
    lint = ["kbassist", "trees", "lint", str(out_path)]
    if articles is not None:
        lint += ["--articles", str(articles)]
    note(
        f"draft tree {tree.id} ({mitigations} outcome(s)) written to {out_path}; "
        f"review it, then `{shlex.join(lint)}`"
    )
