"""The `kbassist` group: error handling, options given before a subcommand, settings,
logging, and the `Assistant` each command works through.

Settings (kbassist/settings.py) are read once, in `main`, and kept on click's context
object; each command lays its own options over them (`settings_for`), so precedence is
the same everywhere: option > environment > config file > default. Commands get an
`Assistant` (kbassist/assistant.py) from `assistant_for` and print what it returns.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from kbassist import __version__
from kbassist.assistant import Assistant, IndexHooks
from kbassist.cli.output import (
    SanitizedStream,
    configure_logging,
    echo,
    error,
    note,
    progress_printer,
    report_update,
)
from kbassist.errors import KBError, UsageError
from kbassist.settings import Settings, load_settings

F = TypeVar("F", bound=Callable[..., Any])

EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

log = logging.getLogger(__name__)


@dataclass
class CliRun:
    """One run of the command: the settings `main` read (None until it has)."""

    settings: Settings | None = None


#: Options `kbassist --help` lists before the subcommand (besides -v, --version and --help).
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

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("standalone_mode", True)
        run = CliRun()
        kwargs.setdefault("obj", run)
        configure_logging(0)  # -v, parsed first, turns it up
        try:
            return super().main(*args, **{**kwargs, "standalone_mode": False})
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            # click types `file` as IO[Any], though show() only writes to it.
            exc.show(file=SanitizedStream(sys.stderr))  # type: ignore[arg-type]
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
            if run.settings is not None and run.settings.debug:
                raise
            log.debug("internal error", exc_info=True)
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


def trees_option(func: F) -> F:
    """--trees, taken by the tree commands."""
    return click.option(
        "--trees",
        "trees_dir",
        type=click.Path(path_type=Path, file_okay=False),
        help="Folder of decision trees [env: KBASSIST_TREES; setting: trees_dir; "
        "default: the bundled trees].",
    )(func)


def settings_for(**options: Any) -> Settings:
    """The settings `main` read, with this command's own options (those given) on top.

    The environment and the config file were read once, in `main`; a command run
    outside it (a test invoking a subcommand object directly) reads them here.
    """
    ctx = click.get_current_context(silent=True)
    run = ctx.find_object(CliRun) if ctx is not None else None
    base = run.settings if run is not None else None
    if base is None:
        base = load_settings()
        if run is not None:
            run.settings = base
        elif ctx is not None:
            ctx.find_root().obj = CliRun(base)
    given = {key: value for key, value in options.items() if value is not None}
    if not given:
        return base
    return dataclasses.replace(
        base, **given, sources={**base.sources, **dict.fromkeys(given, "option")}
    )


def assistant_for(
    articles: Path | None = None,
    index_dir: Path | None = None,
    trees_dir: Path | None = None,
    *,
    directory: Path | None = None,
) -> Assistant:
    """The assistant for this command's options: it indexes a missing or stale KB on
    first use, saying so on stderr with a progress bar. `directory` (an argument, as in
    `kbassist index DIR`) wins over every articles folder."""
    from kbassist.sanitize import display_path

    settings = settings_for(articles_dir=articles, index_dir=index_dir, trees_dir=trees_dir)
    assistant = Assistant(settings, articles_dir=directory)
    assistant.index_hooks = IndexHooks(
        started=lambda reason: note(
            f"{reason}: indexing {display_path(assistant.articles_dir)} first"
        ),
        progress=lambda: progress_printer("Indexing"),
        finished=lambda report: report_update(report, announced=True),
    )
    return assistant


def _verbose(ctx: click.Context, param: click.Parameter, value: int) -> None:
    """-v: kbassist's log (index retries, cleanup, timings) on stderr; -vv: libraries' too."""
    if value:
        configure_logging(value)


@click.group(cls=KBGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="kbassist")
@click.option(
    "-v",
    "--verbose",
    count=True,
    is_eager=True,
    expose_value=False,
    callback=_verbose,
    help="Log what happens behind the output (index retries, cleanup, timings) to "
    "stderr; -vv adds the libraries' logs.",
)
@kb_options
@click.pass_context
def main(ctx: click.Context, articles: Path | None, index_dir: Path | None) -> None:
    """Find the support article for a symptom, walk its decision tree, export a checklist.

    With no command, opens the terminal UI. Preferences: `kbassist config`.
    """
    # Read once, here; every subcommand finds them on the context (`settings_for`).
    settings = load_settings(
        {
            "articles_dir": articles if _typed(ctx, "articles") else None,
            "index_dir": index_dir if _typed(ctx, "index_dir") else None,
        },
        broken_file_ok=ctx.invoked_subcommand == "config",  # it shows and mends the file
    )
    ctx.ensure_object(CliRun).settings = settings
    if ctx.invoked_subcommand is not None:
        return
    from kbassist.tui.app import run_app  # Textual loads only here

    run_app(settings=settings)


def _typed(ctx: click.Context, name: str) -> bool:
    """True if the option was given on the command line (not a default)."""
    return ctx.get_parameter_source(name) == ParameterSource.COMMANDLINE


def run() -> None:
    """Entry point used by `python -m kbassist`."""
    main(prog_name="kbassist")
