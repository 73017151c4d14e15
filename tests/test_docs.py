"""The README tells the truth: every command documented, the CI command the README's."""

from __future__ import annotations

import re
from pathlib import Path

import click

from kbassist.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()
CI = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text()


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in group.commands.items():
        found.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, f"{prefix}{name} "))
    return found


def test_every_command_has_help_and_is_in_the_readme() -> None:
    """Each CLI command has help text and appears as `kbassist NAME` in the README."""
    for name, command in _commands(main):
        assert command.help, f"{name} has no help text"
        assert f"kbassist {name}" in README, f"README does not mention `kbassist {name}`"


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run runs exactly the test command the README gives a new developer."""
    match = re.search(r"```sh\n(.*pytest.*)\n```", README)
    assert match, "README has no test command block"
    assert match.group(1).strip() in CI


def test_exit_codes_documented() -> None:
    """The README's exit-code table lists every code the CLI uses."""
    for code in ("0", "1", "2", "3", "4", "5", "6", "70", "130"):
        assert re.search(rf"^\| {code} \|", README, re.M), f"exit code {code} not in README"
