"""`kbassist config`, `completion` and `serve`: settings, shells and the browser."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click
from click.shell_completion import CompletionItem

from kbassist.cli.base import kb_options, main, settings_for, trees_option
from kbassist.cli.output import echo, error, note, styled
from kbassist.paths import bundled_articles_dir, bundled_trees_dir
from kbassist.settings import Settings


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

    settings = settings_for()
    path = config_path()
    if settings.file_problem is not None:
        error(f"{settings.file_problem}; the settings below leave the file out")
    if as_json:
        echo(json.dumps({"file": str(path), "settings": settings.as_json()}, indent=2))
        if settings.file_problem is not None:
            sys.exit(settings.file_problem.exit_code)
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
    if settings.file_problem is not None:
        sys.exit(settings.file_problem.exit_code)  # said above; ctx.exit would return 0


@config_command.command("set")
@click.argument("key", shell_complete=_complete_keys)
@click.argument("value")
def config_set(key: str, value: str) -> None:
    """Write one setting to the settings file (comments and other keys are kept)."""
    from kbassist.settings import KEYS, config_path, save_setting, setting_from_text

    save_setting(key, setting_from_text(key, value))
    note(f"{key} written to {config_path()}")
    env = KEYS[key].env
    if settings_for().source(key) == "environment" and env:
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

    settings = settings_for(articles_dir=articles, index_dir=index_dir, trees_dir=trees_dir)
    # The served processes inherit the environment: the folders chosen here go that way
    # (written, not read: each served process reads its settings at its own entry point).
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
