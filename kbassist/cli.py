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
        click.echo(f"\r{label} {bar} {done}/{total} ({rate:,.0f}/s)\x1b[K", err=True, nl=False)
        if done >= total and not finished:
            finished.append(True)
            click.echo(" writing…", err=True)

    return show


def _report_update(report: Any, *, announced: bool = False) -> None:
    """Skipped files, why a rebuild happened (unless already said), and the counts."""
    for problem in report.problems:
        note(f"skipped {problem}")
    if report.rebuilt and not announced and report.rebuilt != "no index yet":
        note(f"rebuilt the index: {report.rebuilt}")
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
    for notice in result.notices:
        note(notice)
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


# --------------------------------------------------------------------------- decision trees
# Everything below imports kbassist.trees inside the command, so `kbassist search` never
# pays for it. Format and commands: docs/trees.md.


def trees_option(func: F) -> F:
    """--trees, taken by the tree commands."""
    return click.option(
        "--trees",
        "trees_dir",
        type=click.Path(path_type=Path, file_okay=False),
        envvar="KBASSIST_TREES",
        help="Folder of decision trees [env: KBASSIST_TREES; default: the bundled trees].",
    )(func)


def _trees_dir(trees_dir: Path | None) -> Path:
    from kbassist.trees.catalog import default_trees_dir

    return trees_dir if trees_dir is not None else default_trees_dir()


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
    from kbassist.errors import NotFoundError
    from kbassist.trees.lint import lint_paths

    kb = None

    def lookup(article_id: str):  # type: ignore[no-untyped-def]
        nonlocal kb
        if kb is None:
            kb = open_index(articles, index_dir)
        try:
            return kb.get(article_id)
        except NotFoundError:
            return None

    targets = list(paths) or [_trees_dir(trees_dir)]
    results, problems = lint_paths(targets, lookup)
    for problem in problems:
        click.echo(str(problem))
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
        click.echo(f"ERROR {problem}")
        failed += 1
    for path in files:
        result = read_tree_file(path)
        found = lint_result(result, None)
        if found or result.tree is None:
            for problem in found:
                click.echo(f"ERROR {problem}")
            failed += 1
            continue
        for case in run_tree_tests(result.tree):
            click.echo(str(case))
            if case.passed:
                passed += 1
            else:
                failed += 1
    click.echo(f"{passed} passed, {failed} failed")
    if failed:
        sys.exit(1)


@trees.command("list")
@click.option("--article", help="Only trees drawn from this article id.")
@trees_option
def trees_list(article: str | None, trees_dir: Path | None) -> None:
    """List the trees in the trees folder: id, version, title and articles."""
    from kbassist.trees.catalog import load_trees, trees_for_article

    found, problems = load_trees(_trees_dir(trees_dir))
    if article:
        found = trees_for_article(found, article)
    for tree in sorted(found, key=lambda t: t.id):
        click.echo(f"{tree.id}  v{tree.version}  {tree.title}  [{', '.join(tree.articles)}]")
    for problem in problems:
        note(f"skipped {problem}")
    if not found:
        note("no trees found")


@main.command()
@click.argument("tree", required=False)
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
    help="Write the checklist (Markdown) here; - is stdout.",
)
@click.option("--force", is_flag=True, help="Overwrite the --export file if it exists.")
@click.option("--mermaid", is_flag=True, help="Add a Mermaid flowchart of the path taken.")
@click.option("--session", "session_name", help="Save progress as this session.")
@click.option("--resume", "resume_name", help="Continue a saved session.")
@trees_option
@kb_options
def walk(
    tree: str | None,
    answers_file: Path | None,
    export: str,
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
    printed as Markdown, or written with --export.
    """
    from kbassist.errors import UsageError
    from kbassist.fileio import check_output_path
    from kbassist.trees import session as sessions
    from kbassist.trees.catalog import find_tree
    from kbassist.trees.draft import DRAFT_SUFFIX
    from kbassist.trees.engine import Walk

    if session_name and resume_name:
        raise UsageError("use --session to start a saved walk or --resume to continue one")
    if resume_name and answers_file:
        raise UsageError("--resume continues interactively; it cannot take --answers")
    if tree is None and resume_name is None:
        raise UsageError("name a tree (an id or a .yaml file), or --resume a session")
    out_path = None if export == "-" else Path(export)
    if out_path is not None:
        from kbassist.errors import OutputError

        check_output_path(out_path)
        if out_path.exists() and not force:
            raise OutputError("file exists (use --force to overwrite)", path=out_path)
    folder = _trees_dir(trees_dir)
    save_as = session_name or resume_name
    if session_name is not None:
        path = sessions.session_path(session_name)
        if path.exists():
            raise UsageError(
                f"session {session_name!r} exists: continue it with --resume {session_name}"
            )

    if resume_name is not None:
        from kbassist.errors import NotFoundError

        saved = sessions.read_session(resume_name)
        try:
            the_tree = _walk_tree(tree or saved.tree_id, folder, articles, index_dir)
        except NotFoundError:
            # Started from a tree file outside the folder: use that file if it is still there.
            if tree is None and saved.tree_path and Path(saved.tree_path).is_file():
                the_tree = find_tree(saved.tree_path, folder)
            elif tree is None and saved.tree_id.endswith(DRAFT_SUFFIX):
                # An auto-drafted walk: draft the article again (resume reports changes).
                ref = saved.tree_id.removesuffix(DRAFT_SUFFIX)
                the_tree = _walk_tree(ref, folder, articles, index_dir)
            else:
                raise
        resumed = sessions.resume(saved, the_tree)
        if resumed.message:
            note(resumed.message)
        the_walk = resumed.walk
    else:
        assert tree is not None
        the_walk = Walk(_walk_tree(tree, folder, articles, index_dir))

    def save() -> None:
        if save_as is not None:
            sessions.save_session(save_as, the_walk)

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
    _export_walk(the_walk, out_path, force=force, mermaid=mermaid)


def _walk_tree(ref: str, folder: Path, articles: Path | None, index_dir: Path | None) -> Any:
    """The tree `walk` means by `ref`: a tree id or file, else an article id in the KB.

    For an article: the hand-written tree drawn from it if there is one, else its draft
    made on the fly (no file written), and stderr says which.
    """
    from kbassist.errors import NotFoundError
    from kbassist.trees.catalog import find_tree, load_trees
    from kbassist.trees.draft import guided_tree_for
    from kbassist.trees.loader import TREE_SUFFIXES

    try:
        return find_tree(ref, folder)
    except NotFoundError as exc:
        if ref.endswith(TREE_SUFFIXES) or "/" in ref or os.sep in ref:
            raise
        not_a_tree = exc
    kb = open_index(articles, index_dir)
    try:
        article = kb.get(ref)
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
    """Run the walk from an answers file; a missing or refused answer names its key."""
    import difflib

    from kbassist.errors import DataError
    from kbassist.trees.engine import AnswerError, MissingAnswer
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
    try:
        while not the_walk.is_finished:
            node = the_walk.current
            if node.var is None:
                the_walk.answer()
            elif node.var not in answers:
                raise MissingAnswer(f"no answer for {node.var!r}", node.id, var=node.var)
            else:
                the_walk.answer(answers[node.var].text)
    except MissingAnswer as exc:
        raise DataError(
            f"{exc.var}: missing; the walk asks it at step {the_walk.index + 1} "
            f"({' '.join(the_walk.prompt().split())})",
            path=answers_file,
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
    from kbassist.render import sanitize
    from kbassist.trees.engine import AnswerError
    from kbassist.trees.model import Info

    def say(text: str = "") -> None:
        click.echo(sanitize(text), err=True)

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
        click.echo(f"{ask}> ", err=True, nl=False)
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


def _export_walk(the_walk: Any, out_path: Path | None, *, force: bool, mermaid: bool) -> None:
    from kbassist.checklist import build_checklist, to_markdown
    from kbassist.fileio import atomic_write

    text = to_markdown(build_checklist(the_walk), mermaid=mermaid)
    if out_path is None:
        click.echo(text, nl=False)
        return
    atomic_write(out_path, text, overwrite=force)
    note(f"checklist written to {out_path}")


@main.command("sessions")
@click.option("--delete", "delete_name", help="Delete this saved session.")
def sessions_command(delete_name: str | None) -> None:
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
    for saved in found:
        state = "finished" if saved.finished else f"at {saved.current}"
        click.echo(
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
    from kbassist.errors import OutputError, UsageError
    from kbassist.fileio import atomic_write, check_output_path
    from kbassist.trees.draft import draft_text
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
        if out_path.exists() and not force:
            raise OutputError("file exists (use --force to overwrite)", path=out_path)
        tree_id = out_path.stem
    kb = open_index(articles, index_dir)
    text, tree = draft_text(kb.get(article_id), tree_id)
    if out_path is None:
        click.echo(text, nl=False)
        return
    atomic_write(out_path, text, overwrite=force)
    mitigations = len(tree.outcomes())
    note(
        f"draft tree {tree.id} ({mitigations} outcome(s)) written to {out_path}; "
        f"review it, then `kbassist trees lint {out_path}`"
    )
