"""The command line. A bare `kbassist` opens the TUI; subcommands work without it.

Exit codes (also in the README):
  0 success · 1 lint or tree tests found problems · 2 usage or query error ·
  3 article, tree or session not found · 4 invalid input file (articles folder, tree,
  answers, session) · 5 index busy or not writable · 6 cannot write the output file ·
  130 interrupted · 70 internal error (a bug: please report it)

Textual is imported only when the TUI opens, so `kbassist search` starts fast.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from kbassist import __version__
from kbassist.errors import KBError
from kbassist.paths import default_articles_dir, index_dir_for

F = TypeVar("F", bound=Callable[..., Any])

EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


def error(message: str) -> None:
    """The one way the CLI reports a problem: one line on stderr."""
    click.echo(f"kbassist: error: {message}", err=True)


def note(message: str) -> None:
    """Something the user should know that is not the command's output."""
    click.echo(f"kbassist: {message}", err=True)


class KBGroup(click.Group):
    """Turns every KBError into one stderr line and its documented exit code."""

    def main(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        kwargs.setdefault("standalone_mode", True)
        try:
            return super().main(*args, **{**kwargs, "standalone_mode": False})
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("Aborted.", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except KBError as exc:
            error(str(exc))
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            # `kbassist search x | head`: the reader left; that is not an error.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(0)
        except Exception as exc:
            if os.environ.get("KBASSIST_DEBUG"):
                raise
            error(f"internal error: {type(exc).__name__}: {exc} (set KBASSIST_DEBUG=1 for details)")
            sys.exit(EXIT_INTERNAL)


def kb_options(func: F) -> F:
    """--articles and --index-dir, taken by every command."""
    func = click.option(
        "--index-dir",
        type=click.Path(path_type=Path, file_okay=False),
        envvar="KBASSIST_INDEX_DIR",
        help="Where the index is kept [env: KBASSIST_INDEX_DIR; default: per-user cache].",
    )(func)
    func = click.option(
        "--articles",
        type=click.Path(path_type=Path),
        envvar="KBASSIST_ARTICLES",
        help="Folder of articles (*.md) [env: KBASSIST_ARTICLES; default: the bundled KB].",
    )(func)
    return func


def open_index(articles: Path | None, index_dir: Path | None):  # type: ignore[no-untyped-def]
    """The KBIndex for these options, brought up to date if missing, stale or damaged."""
    from kbassist.index import KBIndex

    articles_dir = articles if articles is not None else default_articles_dir()
    kb = KBIndex(articles_dir, index_dir_for(articles_dir, index_dir))
    kb.check_articles_dir()
    reason = kb.status()
    if reason is not None:
        note(f"{reason}: indexing {articles_dir} first")
        report = kb.update(progress=progress_printer("Indexing"))
        _report_update(report)
    return kb


def progress_printer(label: str) -> Callable[[int, int], None] | None:
    """A one-line bar with counts and rate on a terminal; nothing when piped."""
    if not sys.stderr.isatty():
        return None
    started = time.perf_counter()

    def show(done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        rate = done / max(time.perf_counter() - started, 1e-6)
        bar = "█" * filled + "░" * (width - filled)
        end = "\n" if done >= total else ""
        click.echo(f"\r{label} {bar} {done}/{total} ({rate:,.0f}/s)", err=True, nl=False)
        if end:
            click.echo("", err=True)

    return show


def _report_update(report: Any) -> None:
    for problem in report.problems:
        note(f"skipped {problem}")
    if report.rebuilt:
        note(f"rebuilt index ({report.rebuilt})")
    note(report.summary())


@click.group(cls=KBGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="kbassist")
@kb_options
@click.pass_context
def main(ctx: click.Context, articles: Path | None, index_dir: Path | None) -> None:
    """Find the support article for a symptom, walk its decision tree, export a checklist.

    With no command, opens the terminal UI.
    """
    if ctx.invoked_subcommand is not None:
        return
    from kbassist.tui.app import run_app  # Textual loads only here

    run_app(articles=articles, index_dir=index_dir)


@main.command()
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
@click.option("--product", help="Only articles of this product (exact name, any case).")
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

    Plain words match anywhere (articles with every word rank first); filters such as
    product:exchange, section:cause or title:backup narrow the search.
    """
    kb = open_index(articles, index_dir)
    result = kb.search(" ".join(query), limit=limit, product=product)
    if result.corrected:
        note(f"no articles match {result.query!r}; showing results for {result.suggestion!r}")
    elif result.suggestion:
        note(f"did you mean: {result.suggestion}")
    if as_json:
        click.echo(json.dumps([hit.to_json() for hit in result.hits], indent=2))
        return
    if not result.hits:
        note("no articles match")
        return
    for hit in result.hits:
        click.echo(
            click.style(hit.id, fg="cyan", bold=True) + "  " + click.style(hit.title, bold=True)
        )
        meta = hit.product or "-"
        if not hit.full_match:
            meta += " · some words missing"
        click.echo(f"    {meta} · score {hit.score:.2f}")
        if hit.snippet:
            text = "".join(
                click.style(run, fg="yellow", bold=True) if is_match else run
                for run, is_match in hit.snippet
            )
            click.echo(f"    {text}")
        click.echo()
    shown = len(result.hits)
    note(f"{shown} of {result.total} matching articles shown")


@main.command()
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@click.option("--full", is_flag=True, help="Rebuild from scratch instead of updating.")
@kb_options
def index(
    directory: Path | None, full: bool, articles: Path | None, index_dir: Path | None
) -> None:
    """Index an articles folder (only added, changed and removed files are re-read)."""
    from kbassist.index import KBIndex

    articles_dir = directory or articles or default_articles_dir()
    kb = KBIndex(articles_dir, index_dir_for(articles_dir, index_dir))
    report = kb.update(progress=progress_printer("Indexing"), full=full)
    _report_update(report)


@main.command()
@click.argument("article_id")
@click.option("--section", help="Print only this section (e.g. cause, resolution).")
@kb_options
def show(
    article_id: str, section: str | None, articles: Path | None, index_dir: Path | None
) -> None:
    """Print an article: its header fields and its sections."""
    from kbassist.errors import NotFoundError
    from kbassist.render import article_as_text

    kb = open_index(articles, index_dir)
    article = kb.get(article_id)
    if section is not None and article.section(section) is None:
        names = ", ".join(s.name for s in article.sections)
        raise NotFoundError(f"{article.id} has no section {section!r} (it has: {names})")
    click.echo(article_as_text(article, section=section))


def run() -> None:
    """Entry point used by `python -m kbassist`."""
    main(prog_name="kbassist")
