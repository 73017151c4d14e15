"""Text inputs with a format: values that go into a command cannot break out of it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from drafting_support import support

from kbassist.drafting.tree import draft_tree_model
from kbassist.trees.engine import AnswerError, Walk
from kbassist.trees.lint import lint_result
from kbassist.trees.loader import read_tree_bytes
from kbassist.trees.model import Input

TREE = """\
id: rename
title: Set the computer name
articles: [Q1]
symptom: The Workstation service does not start.
cause: A registry value is missing.
nodes:
  - id: host
    kind: input
    type: text
    format: host
    title: Computer name
    text: The name of this computer.
    help: A computer name, e.g. SERVER1.
    next: done
  - id: done
    kind: outcome
    title: Add the value
    steps:
      - text: "Run: reg add HKLM\\\\ComputerName /d {host} /f"
        source: {article: Q1, section: RESOLUTION}
"""


def load(text: str) -> Any:
    return read_tree_bytes(text.encode(), Path("rename.yaml"))


@pytest.mark.parametrize(
    ("fmt", "good", "bad"),
    [
        ("host", "srv-1.contoso.com", "SRV1 & format c:"),
        ("ip", "192.168.1.10", "192.168.1.300"),
        ("mac", "00-1A-2B-3C-4D-5E", "00-1A-2B"),
        ("drive", "D:", "D:; del *"),
        ("path", r"C:\Program Files (x86)\App", r"C:\x & del /q C:\*"),
        ("name", "openshift-monitoring", "x'; rm -rf ~ #"),
        ("value", "12345", "$(reboot)"),
    ],
)
def test_a_formatted_input_takes_its_values_and_refuses_a_command(
    fmt: str, good: str, bad: str
) -> None:
    """Each format accepts a real value and refuses one that would change the command."""
    tree = load(TREE.replace("format: host", f"format: {fmt}")).tree
    assert tree is not None
    walk = Walk(tree)
    with pytest.raises(AnswerError):
        walk.answer(bad)
    assert walk.current.id == "host"
    walk.answer(good)
    assert walk.is_finished


def test_an_unknown_format_is_refused_by_line_with_a_suggestion() -> None:
    """A misspelt format is a lint problem at its line, naming the formats there are."""
    problems = [str(p) for p in lint_result(load(TREE.replace("format: host", "format: hots")))]
    assert any(
        p.startswith("rename.yaml:10:13: format 'hots' is not one of host, ip") and "'host'" in p
        for p in problems
    )


def test_format_belongs_to_text_inputs_only() -> None:
    """`format` on a time input is refused, like `min` on a text input."""
    problems = [str(p) for p in lint_result(load(TREE.replace("type: text", "type: time")))]
    assert any("'format' is only for text inputs" in p for p in problems)


def test_a_drafted_placeholder_input_refuses_a_chained_command() -> None:
    """A drafted walk's host-name placeholder takes SERVER1 but not "SRV1 & format c:"."""
    art = support(
        "## Symptoms\n\nThe Workstation service does not start (error 2250).\n\n"
        "## Cause\n\nThe ActiveComputerName value is missing.\n\n"
        "## Resolution\n\nRun the following command:\n\n"
        "```console\nreg add HKLM\\SYSTEM\\ActiveComputerName /v ComputerName "
        "/d <Computer_Name> /f\n```\n\n"
        "In this command, <Computer_Name> represents the name of the local computer.\n"
    )
    tree = draft_tree_model(art)
    inputs = [n for n in tree.nodes.values() if isinstance(n, Input) and n.type == "text"]
    assert inputs and inputs[0].format == "host"
    with pytest.raises(Exception, match="not a host name"):
        inputs[0].parse("SRV1 & format c:")
    assert inputs[0].parse("SERVER1") == "SERVER1"


def test_an_ip_or_host_name_placeholder_takes_a_host_name() -> None:
    """`<server IP address or host name>` accepts printsrv01 as well as 192.168.1.15."""
    art = support(
        "## Symptoms\n\nLPR printing fails.\n\n"
        "## Resolution\n\nRun the following command:\n\n"
        "```console\nlpq -s <server IP address or host name> -p RAW\n```\n"
    )
    tree = draft_tree_model(art)
    [node] = [n for n in tree.nodes.values() if isinstance(n, Input) and n.type == "text"]
    assert node.parse("printsrv01") == "printsrv01"
    assert node.parse("192.168.1.15") == "192.168.1.15"


def test_a_driver_path_placeholder_is_a_path_not_a_drive_letter() -> None:
    """`<DriverPath>` asks for a path and takes one; "driver" is not "drive"."""
    art = support(
        "## Symptoms\n\nThe upgrade fails.\n\n"
        "## Resolution\n\nRun the following command for each driver:\n\n"
        "```console\nsigcheck64 -i <DriverPath>\n```\n"
    )
    tree = draft_tree_model(art)
    [node] = [n for n in tree.nodes.values() if isinstance(n, Input) and n.type == "text"]
    assert node.format == "path"
    assert node.parse(r"C:\Windows\System32\drivers\x.sys") == r"C:\Windows\System32\drivers\x.sys"
