"""The command line. A bare `kbassist` opens the TUI; subcommands work without it.

Exit codes (also in the README):
  0 success · 1 lint or tree tests found problems · 2 usage or query error ·
  3 article, tree or session not found · 4 invalid input file (articles folder, settings,
  tree, answers, session) · 5 index busy or not writable · 6 cannot write the output file (or
  it is not a regular file) ·
  130 interrupted · 70 internal error (a bug: please report it)

Textual is imported only when the TUI opens, so `kbassist search` starts fast.

Settings (kbassist/settings.py) are read once, in `main`, and kept on click's context
object; each command lays its own options over them (`_settings`), so precedence is the
same everywhere: option > environment > config file > default.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar

import click
from click.core import ParameterSource
from click.shell_completion import CompletionItem

from kbassist import __version__
from kbassist.errors import KBError, UsageError
from kbassist.paths import bundled_articles_dir, bundled_trees_dir, index_dir_for
from kbassist.sanitize import sanitize
from kbassist.settings import Settings, load_settings

F = TypeVar("F", bound=Callable[..., Any])

EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


# --------------------------------------------------------------------------- output
# Every line the CLI prints goes through `echo` (or `error`/`note`, which use it), and
# `echo` sanitizes each piece before any style is added: a file name, a tree title or
# an article snippet carrying `ESC ] 0 ; ...` cannot retitle the terminal or write the
# clipboard, whichever command prints it. Only the progress bar writes control bytes,
# its own, through `_echo_control`.


@dataclass(frozen=True, slots=True)
class Styled:
    """A piece of output with a click style (colour, bold), sanitized before styling."""

    text: str
    style: dict[str, Any] = field(default_factory=dict)


def styled(text: str, **style: Any) -> Styled:
    """`text` to print with `click.style(**style)`."""
    return Styled(text, style)


def colour_wanted() -> bool:
    """False when NO_COLOR is set to anything (no-color.org): plain text, even on a tty."""
    return not os.environ.get("NO_COLOR")


def echo(*parts: str | Styled, err: bool = False, nl: bool = True) -> None:
    """The one way the CLI writes text: every part sanitized, styles added after
    (and only when colour is wanted: click already drops them when piped)."""
    colour = colour_wanted()
    text = "".join(
        click.style(sanitize(part.text), **part.style)
        if isinstance(part, Styled) and colour
        else sanitize(part.text if isinstance(part, Styled) else part)
        for part in parts
    )
    click.echo(text, err=err, nl=nl)


def _echo_control(text: str) -> None:
    """The progress bar's own `\r` and erase-line bytes (no untrusted text in them)."""
    click.echo(text, err=True, nl=False)


def error(message: str) -> None:
    """The one way the CLI reports a problem: one line on stderr."""
    echo(f"kbassist: error: {message}", err=True)


def note(message: str) -> None:
    """Something the user should know that is not the command's output."""
    echo(f"kbassist: {message}", err=True)


class _SanitizedStream:
    """stderr for click's own messages, which quote what was typed (`No such command
    '\x1b]0;...'`): sanitized like everything else."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(sanitize(text))

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()


#: Options `kbassist --help` lists before the subcommand (besides --version and --help).
GROUP_OPTIONS = ("articles", "index_dir")


class KBCommand(click.Command):
    """A subcommand that honours the options given before it (`kbassist --articles X
    search ...`): they apply when the subcommand has the option and was not given it
    itself; a subcommand that has no use for one refuses it (exit 2), never ignores it.

    Precedence: the subcommand's own option, then the one before it, then the
    environment variable, then the default.
    """

    def invoke(self, ctx: click.Context) -> Any:
        _apply_group_options(ctx)
        return super().invoke(ctx)


def _apply_group_options(ctx: click.Context) -> None:
    given: dict[str, tuple[Any, str]] = {}
    parent = ctx.parent
    while parent is not None:
        for name in GROUP_OPTIONS:
            if name in given or parent.get_parameter_source(name) != ParameterSource.COMMANDLINE:
                continue
            flag = next(
                (p.opts[0] for p in parent.command.params if p.name == name and p.opts),
                "--" + name.replace("_", "-"),
            )
            given[name] = (parent.params[name], flag)
        parent = parent.parent
    for name, (value, flag) in given.items():
        if name not in ctx.params:
            raise UsageError(
                f"{flag} was given before `{ctx.command_path}`, which does not use it: remove it"
            )
        if ctx.get_parameter_source(name) != ParameterSource.COMMANDLINE:
            ctx.params[name] = value


class KBGroup(click.Group):
    """Turns every KBError into one stderr line and its documented exit code."""

    command_class = KBCommand
    group_class = type  # subgroups (`trees`) are KBGroups too, so their commands are KBCommands

    def main(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        kwargs.setdefault("standalone_mode", True)
        try:
            return super().main(*args, **{**kwargs, "standalone_mode": False})
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show(file=_SanitizedStream(sys.stderr))  # type: ignore[arg-type]
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            echo("Aborted.", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except KBError as exc:
            error(str(exc))
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            echo("", err=True)
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
    """--articles and --index-dir, taken by every command that reads the KB (and,
    through `KBCommand`, before the subcommand too)."""
    func = click.option(
        "--index-dir",
        type=click.Path(path_type=Path, file_okay=False),
        help="Where the index is kept [env: KBASSIST_INDEX_DIR; setting: index_dir; "
        "default: per-user cache].",
    )(func)
    func = click.option(
        "--articles",
        type=click.Path(path_type=Path),
        help="Folder of articles (*.md) [env: KBASSIST_ARTICLES; setting: articles_dir; "
        "default: the bundled KB].",
    )(func)
    return func


def _settings(**options: object) -> Settings:
    """The settings `main` read, with this command's own options (those given) on top.

    The environment and the config file were read once, in `main`; a command run
    outside it (a test invoking a subcommand object directly) reads them here.
    """
    ctx = click.get_current_context(silent=True)
    base = ctx.find_object(Settings) if ctx is not None else None
    if base is None:
        base = load_settings()
        if ctx is not None:
            ctx.find_root().obj = base
    given = {key: value for key, value in options.items() if value is not None}
    if not given:
        return base
    return dataclasses.replace(
        base, **given, sources={**base.sources, **dict.fromkeys(given, "option")}
    )


def _articles_dir(settings: Settings) -> Path:
    return settings.articles_dir if settings.articles_dir is not None else bundled_articles_dir()


def open_index(articles: Path | None, index_dir: Path | None):  # type: ignore[no-untyped-def]
    """The KBIndex for these options, brought up to date if missing, stale or damaged."""
    from kbassist.index import KBIndex
    from kbassist.sanitize import display_path

    settings = _settings(articles_dir=articles, index_dir=index_dir)
    articles_dir = _articles_dir(settings)
    kb = KBIndex(
        articles_dir,
        index_dir_for(articles_dir, settings.index_dir),
        lock_timeout=settings.lock_timeout,
    )
    kb.check_articles_dir()
    reason = kb.status()
    if reason is not None:
        note(f"{reason}: indexing {display_path(articles_dir)} first")
        report = kb.update(progress=progress_printer("Indexing"))
        _report_update(report, announced=True)
    return kb


def progress_printer(label: str) -> Callable[[int, int], None] | None:
    """A one-line bar with counts and rate on a terminal; nothing when piped."""
    if not sys.stderr.isatty():
        return None
    started = time.perf_counter()
    finished: list[bool] = []

    def show(done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        rate = done / max(time.perf_counter() - started, 1e-6)
        bar = "█" * filled + "░" * (width - filled)
        # \x1b[K clears what a longer previous line left behind.
        _echo_control(f"\r{label} {bar} {done}/{total} ({rate:,.0f}/s)\x1b[K")
        if done >= total and not finished:
            finished.append(True)
            echo(" writing…", err=True)

    return show


def _report_update(report: Any, *, announced: bool = False) -> None:
    """Skipped files, why a rebuild happened (unless already said), and the counts."""
    for problem in report.problems:
        note(f"skipped {problem}")
    for line in report.duplicate_notes():
        note(line)
    if report.rebuilt and not announced and report.rebuilt != "no index yet":
        note(f"rebuilt the index: {report.rebuilt}")
    note(report.summary())


@click.group(cls=KBGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="kbassist")
@kb_options
@click.pass_context
def main(ctx: click.Context, articles: Path | None, index_dir: Path | None) -> None:
    """Find the support article for a symptom, walk its decision tree, export a checklist.

    With no command, opens the terminal UI. Preferences: `kbassist config`.
    """
    # Read once, here; every subcommand finds them on the context (`_settings`).
    settings = load_settings(
        {
            "articles_dir": articles if _typed(ctx, "articles") else None,
            "index_dir": index_dir if _typed(ctx, "index_dir") else None,
        }
    )
    ctx.obj = settings
    if ctx.invoked_subcommand is not None:
        return
    from kbassist.tui.app import run_app  # Textual loads only here

    run_app(
        articles=_articles_dir(settings),
        index_dir=index_dir_for(_articles_dir(settings), settings.index_dir),
        trees_dir=_trees_dir(None),
        settings=settings,
    )


def _typed(ctx: click.Context, name: str) -> bool:
    """True if the option was given on the command line (not a default)."""
    return ctx.get_parameter_source(name) == ParameterSource.COMMANDLINE


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

    Plain words match anywhere (articles with every word rank first); filters such as
    product:exchange, section:cause or title:backup narrow the search.
    """
    kb = open_index(articles, index_dir)
    result = kb.search(" ".join(query), limit=limit, product=product)
    if product is not None:
        _say_products(kb, product, result.products)
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
        echo(styled(hit.id, fg="cyan", bold=True), "  ", styled(hit.title, bold=True))
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
    note(f"{shown} of {result.total} matching articles shown")


def _say_products(kb: Any, product: str, matched: list[str]) -> None:
    """Which products `--product` picked (on stderr), or that none did and what is there."""
    import difflib

    if matched:
        note(f"product: {', '.join(matched)}")
        return
    known = kb.products()
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
    from kbassist.index import KBIndex

    settings = _settings(articles_dir=articles, index_dir=index_dir)
    articles_dir = directory or _articles_dir(settings)
    kb = KBIndex(
        articles_dir,
        index_dir_for(articles_dir, settings.index_dir),
        lock_timeout=settings.lock_timeout,
    )
    report = kb.update(progress=progress_printer("Indexing"), full=full)
    _report_update(report)


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

    kb = open_index(articles, index_dir)
    article = kb.get(article_id)
    if fmt != "text":
        echo((article_as_json if fmt == "json" else article_as_markdown)(article).rstrip("\n"))
        return
    if section is not None and not (article.section(section) or article.parts_by_role(section)):
        names = ", ".join(s.name for s in article.sections)
        raise NotFoundError(f"{article.id} has no section {section!r} (it has: {names})")
    echo(article_as_text(article, section=section))


def run() -> None:
    """Entry point used by `python -m kbassist`."""
    main(prog_name="kbassist")


# --------------------------------------------------------------------------- decision trees
# Everything below imports kbassist.trees inside the command, so `kbassist search` never
# pays for it. Format and commands: docs/trees.md.


def trees_option(func: F) -> F:
    """--trees, taken by the tree commands."""
    return click.option(
        "--trees",
        "trees_dir",
        type=click.Path(path_type=Path, file_okay=False),
        help="Folder of decision trees [env: KBASSIST_TREES; setting: trees_dir; "
        "default: the bundled trees].",
    )(func)


def _trees_dir(trees_dir: Path | None) -> Path:
    """--trees, else the setting (environment or file), else the bundled trees."""
    chosen = _settings(trees_dir=trees_dir).trees_dir
    return chosen if chosen is not None else bundled_trees_dir()


def _complete_sessions(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Saved session names, for `walk --resume` and `sessions --delete`."""
    from kbassist.trees import session as sessions

    try:
        found, _ = sessions.list_sessions()
    except (KBError, OSError):
        return []
    return [CompletionItem(s.name) for s in found if s.name.startswith(incomplete)]


def _complete_trees(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Tree ids (file names in the trees folder), for `walk`; files are the shell's."""
    from kbassist.trees.loader import TREE_SUFFIXES

    try:
        folder = _trees_dir(ctx.params.get("trees_dir"))
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

    kb = None

    def lookup(article_id: str):  # type: ignore[no-untyped-def]
        nonlocal kb
        if kb is None:
            kb = open_index(articles, index_dir)
        try:
            return kb.get(article_id)
        except AmbiguousIdError:
            raise  # not "missing": the KB must say which article the tree cites
        except NotFoundError:
            return None

    targets = list(paths) or [_trees_dir(trees_dir)]
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

    files, problems = tree_files(list(paths) or [_trees_dir(trees_dir)])
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
    from kbassist.trees.catalog import load_trees, trees_for_article

    found, problems = load_trees(_trees_dir(trees_dir))
    if article:
        found = trees_for_article(found, article)
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


@main.command()
@click.argument("tree", required=False, shell_complete=_complete_trees)
@click.option(
    "--answers",
    "answers_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Answer from this YAML file (variable: value) instead of asking.",
)
@click.option(
    "--export",
    "export",
    default="-",
    show_default=True,
    help="Write the checklist here; - is stdout.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "text"]),
    help="Markdown (GFM task list) or plain text for ticket systems that do not render "
    "Markdown [default: text for an --export file ending in .txt, else markdown].",
)
@click.option("--force", is_flag=True, help="Overwrite the --export file if it exists.")
@click.option("--mermaid", is_flag=True, help="Add a Mermaid flowchart of the path taken.")
@click.option("--session", "session_name", help="Save progress as this session.")
@click.option(
    "--resume", "resume_name", help="Continue a saved session.", shell_complete=_complete_sessions
)
@trees_option
@kb_options
def walk(
    tree: str | None,
    answers_file: Path | None,
    export: str,
    fmt: str | None,
    force: bool,
    mermaid: bool,
    session_name: str | None,
    resume_name: str | None,
    trees_dir: Path | None,
    articles: Path | None,
    index_dir: Path | None,
) -> None:
    """Walk a decision tree (an id from the trees folder, or a YAML file) to a checklist.

    TREE may also be an article id: its hand-written tree if there is one, else a tree
    drafted from the article on the fly (said on stderr). Asks one step at a time on
    the terminal (stdin works too, piped or over ssh); type `back` to undo the last
    step and `quit` to stop. With --answers it runs without asking. The checklist is
    printed, or written with --export: ticket-ready, naming the articles, the host, the
    user and the date (each can be switched off: `kbassist config`).
    """
    from kbassist.errors import OutputError, UsageError
    from kbassist.fileio import check_may_write
    from kbassist.trees import session as sessions
    from kbassist.trees.catalog import find_tree
    from kbassist.trees.engine import Walk

    if session_name and resume_name:
        raise UsageError("use --session to start a saved walk or --resume to continue one")
    if resume_name and answers_file:
        raise UsageError("--resume continues interactively; it cannot take --answers")
    if tree is None and resume_name is None:
        raise UsageError("name a tree (an id or a .yaml file), or --resume a session")
    out_path = None if export == "-" else Path(export)
    if fmt is None:
        fmt = "text" if out_path is not None and out_path.suffix.lower() == ".txt" else "markdown"
    if mermaid and fmt != "markdown":
        raise UsageError("--mermaid draws a Markdown flowchart: use it with --format markdown")
    if out_path is not None:
        check_may_write(out_path, overwrite=force)
        parent = out_path.parent
        if not parent.is_dir():
            # Said now, not after the last question: a walk is not lost to a typo.
            raise OutputError(f"cannot write: no folder {parent}", path=out_path)
    folder = _trees_dir(trees_dir)
    save_as = session_name or resume_name
    if session_name is not None:
        path = sessions.session_path(session_name)
        if path.exists():
            raise UsageError(
                f"session {session_name!r} exists: continue it with --resume {session_name}"
            )

    ticked: tuple[tuple[str, str], ...] = ()
    if resume_name is not None:
        from kbassist.assistant import resume_session
        from kbassist.errors import NotFoundError

        saved = sessions.read_session(resume_name)

        def tree_by_id(tree_id: str) -> Any:
            try:
                return find_tree(tree_id, folder)
            except NotFoundError:
                return None

        resumed = resume_session(
            saved,
            tree_by_id=tree_by_id,
            get_article=lambda article_id: open_index(articles, index_dir).get(article_id),
            tree=_walk_tree(tree, folder, articles, index_dir) if tree is not None else None,
        )
        if resumed.walk.tree.drafted_from is not None and tree is None:
            note(
                f"session {saved.name} walks a tree auto-drafted from "
                f"{resumed.walk.tree.drafted_from}: drafted again from the article"
            )
        if resumed.message:
            note(resumed.message)
        the_walk = resumed.walk
        ticked = resumed.ticked  # kept in the file: the TUI shows them
    else:
        assert tree is not None
        the_walk = Walk(_walk_tree(tree, folder, articles, index_dir))

    def save() -> None:
        if save_as is not None:
            sessions.save_session(save_as, the_walk, ticked=ticked)

    if answers_file is not None:
        _walk_answers(the_walk, answers_file)
        save()
    else:
        save()
        if not _walk_interactive(the_walk, save):
            if save_as is not None:
                note(f"saved: continue with `kbassist walk --resume {save_as}`")
            else:
                note("walk stopped; nothing was saved")
            return
    _export_walk(
        the_walk,
        out_path,
        fmt=fmt,
        force=force,
        mermaid=mermaid,
        ticked=ticked,
        articles=articles,
        index_dir=index_dir,
    )


def _session_json(saved: Any) -> dict[str, Any]:
    """One saved session as `kbassist sessions --json` lists it."""
    from kbassist.sanitize import displayable

    return {
        "name": saved.name,
        "tree_id": saved.tree_id,
        "tree_version": saved.tree_version,
        "drafted_from": saved.drafted_from,
        "steps": len(saved.steps),
        "finished": saved.finished,
        "current": None if saved.finished else saved.current,
        "updated": saved.updated,
        "path": displayable(str(saved.path)),
    }


def _walk_tree(ref: str, folder: Path, articles: Path | None, index_dir: Path | None) -> Any:
    """The tree `walk` means by `ref`: a tree id or file, else an article id in the KB.

    For an article: the hand-written tree drawn from it if there is one, else its draft
    made on the fly (no file written), and stderr says which.
    """
    from kbassist.drafting.tree import guided_tree_for
    from kbassist.errors import AmbiguousIdError, NotFoundError
    from kbassist.trees.catalog import find_tree, load_trees
    from kbassist.trees.loader import TREE_SUFFIXES

    try:
        return find_tree(ref, folder)
    except NotFoundError as exc:
        if ref.endswith(TREE_SUFFIXES):
            raise
        not_a_tree = exc  # `team/notes.md` may still name an article by its path
    kb = open_index(articles, index_dir)
    try:
        article = kb.get(ref)
    except AmbiguousIdError:
        raise
    except NotFoundError:
        raise NotFoundError(f"{not_a_tree.message}; and no article {ref!r} either") from None
    trees, _ = load_trees(folder) if folder.is_dir() else ([], [])
    the_tree, drafted = guided_tree_for(article, trees)
    if drafted:
        note(
            f"{article.id} has no decision tree: walking {the_tree.id}, auto-drafted from "
            "the article (check each step against it)"
        )
    else:
        note(f"walking {the_tree.id}, the decision tree drawn from {article.id}")
    return the_tree


def _walk_answers(the_walk: Any, answers_file: Path) -> None:
    """Run the walk from an answers file, through the engine's own `walk_with_answers`
    (and its step bound); a missing, refused or looping answer names its key."""
    import difflib

    from kbassist.errors import DataError
    from kbassist.trees.engine import (
        MAX_STEPS,
        AnswerError,
        MissingAnswer,
        StepLimitError,
        walk_with_answers,
    )
    from kbassist.trees.loader import read_answers_file

    answers = read_answers_file(answers_file)
    known = the_walk.tree.variables()
    for key, answer in answers.items():
        if key not in known:
            close = difflib.get_close_matches(key, list(known), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise DataError(
                f"{key}: no step of tree {the_walk.tree.id} asks this{hint}",
                path=answers_file,
                line=answer.key_pos.line,
                column=answer.key_pos.column,
            )
    texts = {key: answer.text for key, answer in answers.items()}
    try:
        walk_with_answers(the_walk.tree, texts, max_steps=MAX_STEPS, walk=the_walk)
    except MissingAnswer as exc:
        raise DataError(
            f"{exc.var}: missing; the walk asks it at step {the_walk.index + 1} "
            f"({' '.join(the_walk.prompt().split())})",
            path=answers_file,
        ) from None
    except StepLimitError as exc:
        where = answers.get(exc.var or "")
        raise DataError(
            f"{exc.var or exc.node_id}: {exc.message}; change this answer",
            path=answers_file,
            line=where.pos.line if where else None,
            column=where.pos.column if where else None,
        ) from None
    except AnswerError as exc:
        fix_node = the_walk.tree.nodes.get(exc.node_id)
        key = fix_node.var if fix_node is not None and fix_node.var in answers else exc.var
        where = answers.get(key or "")
        raise DataError(
            f"{key}: {exc.message}",
            path=answers_file,
            line=where.pos.line if where else None,
            column=where.pos.column if where else None,
        ) from None


def _walk_interactive(the_walk: Any, save: Callable[[], None]) -> bool:
    """Ask step by step on stderr, reading lines from stdin; False if the admin quits."""
    from kbassist.errors import UsageError
    from kbassist.trees.engine import AnswerError
    from kbassist.trees.model import Info

    def say(text: str = "") -> None:
        echo(text, err=True)

    tree = the_walk.tree
    say(f"{tree.title}  ({tree.id} v{tree.version})")
    say(f"Symptom: {' '.join(tree.symptom.split())}")
    say("Type `back` to undo the last step, `quit` to stop.")
    while not the_walk.is_finished:
        node = the_walk.current
        say()
        say(f"[{the_walk.index + 1}] {node.title}")
        say(" ".join(the_walk.prompt().split()))
        choices = getattr(node, "choices", ())
        for n, choice in enumerate(choices, start=1):
            say(f"  {n}) {choice.label}")
        if the_walk.help_text():
            say(f"  ({' '.join(the_walk.help_text().split())})")
        if isinstance(node, Info):
            ask = "Press Enter to continue"
        else:
            suggestion = the_walk.suggestion()
            ask = f"Answer [{suggestion}]" if suggestion is not None else "Answer"
        echo(f"{ask}> ", err=True, nl=False)
        line = sys.stdin.readline()
        if not line:
            say()
            raise UsageError(
                f"input ended before the walk finished (at step {the_walk.index + 1}, {node.id})"
            )
        text = line.strip()
        command = text.lower()
        if command in ("quit", "exit"):
            return False
        if command == "back":
            if not the_walk.back():
                say("Already at the first step.")
            continue
        if not text and the_walk.suggestion() is not None and node.var is not None:
            text = the_walk.suggestion() or ""
        try:
            the_walk.answer(text)
        except AnswerError as exc:
            say(f"  ! {' '.join(exc.message.split())}")
            if exc.node_id != node.id:
                fix = tree.nodes[exc.node_id].title
                say(f"  (the answer to change is at step {fix!r}: type `back` to reach it)")
            continue
        save()
    return True


def _export_walk(
    the_walk: Any,
    out_path: Path | None,
    *,
    fmt: str,
    force: bool,
    mermaid: bool,
    ticked: tuple[tuple[str, str], ...],
    articles: Path | None,
    index_dir: Path | None,
) -> None:
    """The checklist through the export the TUI uses too (`assistant.export_checklist`).

    The articles' titles and links come from the KB; if it cannot be opened, the
    export names the articles by id and says why on stderr, rather than lose the walk.
    """
    from kbassist.assistant import export_checklist
    from kbassist.errors import NotFoundError
    from kbassist.fileio import atomic_write
    from kbassist.trees.checklist import build_checklist

    kb: list[Any] = []
    failed: list[str] = []

    def get_article(article_id: str) -> Any:
        if failed:
            return None
        try:
            if not kb:
                kb.append(open_index(articles, index_dir))
            return kb[0].get(article_id)
        except NotFoundError:
            raise
        except KBError as exc:
            failed.append(str(exc))
            note(f"article titles left out of the export: {exc}")
            return None

    checklist = build_checklist(the_walk)
    text = export_checklist(
        checklist,
        "text" if fmt == "text" else "markdown",
        settings=_settings(),
        get_article=get_article,
        ticked=set(ticked),
        mermaid=mermaid,
    )
    if out_path is None:
        echo(text, nl=False)
        return
    atomic_write(out_path, text, overwrite=force)
    note(f"checklist written to {out_path}")


@main.command("sessions")
@click.option(
    "--delete", "delete_name", help="Delete this saved session.", shell_complete=_complete_sessions
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of sessions.")
def sessions_command(delete_name: str | None, as_json: bool) -> None:
    """List saved walks (newest first), or delete one with --delete."""
    from kbassist.errors import NotFoundError, OutputError
    from kbassist.trees import session as sessions

    if delete_name is not None:
        path = sessions.session_path(delete_name)
        if not path.exists():
            raise NotFoundError(f"no saved session {delete_name!r}")
        try:
            path.unlink()
        except OSError as exc:
            raise OutputError(f"cannot delete: {exc.strerror or exc}", path=path) from None
        note(f"deleted session {delete_name}")
        return
    found, failed = sessions.list_sessions()
    if as_json:
        echo(json.dumps([_session_json(saved) for saved in found], indent=2))
        for path, reason in failed:
            note(f"unreadable session {path}: {reason}")
        return
    for saved in found:
        state = "finished" if saved.finished else f"at {saved.current}"
        echo(
            f"{saved.name}  {saved.tree_id} v{saved.tree_version}  "
            f"{len(saved.steps)} step(s), {state}  {saved.updated}"
        )
    for path, reason in failed:
        note(f"unreadable session {path}: {reason}")
    if not found and not failed:
        note(f"no saved sessions (in {sessions.sessions_dir()})")


@main.command()
@click.argument("article_id")
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="Write the tree here (NAME.yaml; NAME becomes its id); - is stdout.",
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
    from kbassist.drafting.tree import draft_text
    from kbassist.errors import UsageError
    from kbassist.fileio import atomic_write, check_may_write, check_output_path
    from kbassist.trees.loader import TREE_SUFFIXES, is_tree_id

    out_path = None if output == "-" else Path(output)
    tree_id = None
    if out_path is not None:
        check_output_path(out_path)
        if out_path.suffix not in TREE_SUFFIXES or not is_tree_id(out_path.stem):
            raise UsageError(
                f"{output}: a tree file is named after its id: use lower-case letters, "
                "digits, '.', '-' and '_', ending in .yaml (e.g. q98097-draft.yaml)"
            )
        check_may_write(out_path, overwrite=force)
        tree_id = out_path.stem
    kb = open_index(articles, index_dir)
    text, tree = draft_text(kb.get(article_id), tree_id)
    if out_path is None:
        echo(text, nl=False)
        return
    atomic_write(out_path, text, overwrite=force)
    mitigations = len(tree.outcomes())
    note(
        f"draft tree {tree.id} ({mitigations} outcome(s)) written to {out_path}; "
        f"review it, then `kbassist trees lint {out_path}`"
    )


# --------------------------------------------------------------------------- settings


def _complete_keys(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """The settings the file may set, for `config set` and `config unset`."""
    from kbassist.settings import KEYS

    return [
        CompletionItem(name, help=key.help)
        for name, key in KEYS.items()
        if key.in_file and name.startswith(incomplete)
    ]


def _shown(settings: Settings, key: str) -> str:
    """A setting's value as `kbassist config` prints it; what None means, spelled out."""
    value = settings.value(key)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is not None:
        from kbassist.sanitize import display_path

        return display_path(value) if isinstance(value, Path) else str(value)
    if key == "articles_dir":
        return f"(bundled: {bundled_articles_dir()})"
    if key == "trees_dir":
        return f"(bundled: {bundled_trees_dir()})"
    if key == "index_dir":
        return "(per-user cache, one per articles folder)"
    if key == "export_dir":
        return "(the current folder)"
    if key == "lock_timeout":
        from kbassist.index import LOCK_TIMEOUT

        return f"{LOCK_TIMEOUT:g}"
    return "-"


@main.group("config", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print the settings as JSON.")
@click.pass_context
def config_command(ctx: click.Context, as_json: bool) -> None:
    """Show the effective settings and where each comes from.

    Each setting comes from the first of: an option on the command line, an
    environment variable (KBASSIST_*), the settings file, the default. `kbassist config
    set KEY VALUE` writes the file.
    """
    if ctx.invoked_subcommand is not None:
        return
    from kbassist.settings import KEYS, config_path

    settings = _settings()
    path = config_path()
    if as_json:
        echo(json.dumps({"file": str(path), "settings": settings.as_json()}, indent=2))
        return
    exists = "" if path.is_file() else " (not created yet)"
    echo(f"# settings file: {path}{exists}")
    width = max(len(name) for name in KEYS) + 2
    values = {name: _shown(settings, name) for name in KEYS}
    value_width = min(max(len(v) for v in values.values()) + 2, 48)
    for name in KEYS:
        value = values[name]
        pad = " " * max(value_width - len(value), 2)
        echo(
            styled(f"{name:<{width}}", bold=True),
            value,
            pad,
            styled(settings.origin(name), fg="cyan"),
        )


@config_command.command("set")
@click.argument("key", shell_complete=_complete_keys)
@click.argument("value")
def config_set(key: str, value: str) -> None:
    """Write one setting to the settings file (comments and other keys are kept)."""
    from kbassist.settings import KEYS, config_path, save_setting, setting_from_text

    save_setting(key, setting_from_text(key, value))
    note(f"{key} written to {config_path()}")
    env = KEYS[key].env
    if _settings().source(key) == "environment" and env:
        note(f"{env} is set and wins over the file while it is")


@config_command.command("unset")
@click.argument("key", shell_complete=_complete_keys)
def config_unset(key: str) -> None:
    """Remove one setting from the settings file (it falls back to its default)."""
    from kbassist.settings import config_path, save_setting

    save_setting(key, None)
    note(f"{key} removed from {config_path()}")


# --------------------------------------------------------------------------- shells, browser


@main.command("completion")
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion(shell: str) -> None:
    """Print the shell completion script for bash, zsh or fish.

    Add to ~/.bashrc: eval "$(kbassist completion bash)"; to ~/.zshrc: eval "$(kbassist
    completion zsh)"; for fish: kbassist completion fish >
    ~/.config/fish/completions/kbassist.fish
    """
    from click.shell_completion import get_completion_class

    cls = get_completion_class(shell)
    assert cls is not None  # click ships all three
    root = click.get_current_context().find_root().command
    echo(cls(root, {}, "kbassist", "_KBASSIST_COMPLETE").source())


@main.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anyone who can reach it uses kbassist as you, with no "
    "password: keep it on loopback (ssh -L to reach it from elsewhere).",
)
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port."
)
@click.option("--public-url", help="The address browsers use, when behind a proxy.")
@trees_option
@kb_options
def serve(
    host: str,
    port: int,
    public_url: str | None,
    trees_dir: Path | None,
    articles: Path | None,
    index_dir: Path | None,
) -> None:
    """Run the terminal UI in a web browser (needs `pip install 'kbassist[web]'`).

    Each browser tab runs its own kbassist on this machine, on the same knowledge base,
    trees and settings as this command.
    """
    from kbassist import web

    settings = _settings(articles_dir=articles, index_dir=index_dir, trees_dir=trees_dir)
    # The served processes inherit the environment: the folders chosen here go that way.
    for value, variable in (
        (settings.articles_dir, "KBASSIST_ARTICLES"),
        (settings.index_dir, "KBASSIST_INDEX_DIR"),
        (settings.trees_dir, "KBASSIST_TREES"),
    ):
        if value is not None:
            os.environ[variable] = str(value)
    if not web.is_loopback(host):
        note(
            f"warning: listening on {host}: anyone who can reach port {port} runs kbassist "
            "as this user, with no password"
        )
    web.serve(host, port, say=note, public_url=public_url)
