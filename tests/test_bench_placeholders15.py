"""The bench's placeholder finder (bench/draft_placeholders.py) leaves out the values of
a sample file a fix only shows (round 15, inputs15): "the fixed version of the example
Configuration file ... will be as follows:" and its XML's `MyServerName`; the drafter no
longer asks them, and a command's `<server>` still counts."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))  # bench/ is scripts, not a package

import draft_metrics as metrics  # noqa: E402
from draft_placeholders import command_placeholders  # noqa: E402


def test_a_sample_files_values_are_no_placeholders(tmp_path: Path) -> None:
    """Only the command's `<server>` is to fill in; the example file's `MyServerName`
    and `<guid>` are what the example shows."""
    page = tmp_path / "support-15.md"
    page.write_text(
        "---\nid: support-15\ntitle: 'Test'\n---\n\n# Test\n\n## Resolution\n\n"
        "Clear the **Initial Catalog** box, then run:\n\n"
        "```console\nping <server>\n```\n\n"
        "For example, the fixed version of the example Configuration file shown in the\n"
        "Cause section will be as follows:\n\n"
        '```xml\n<Info GeneratedFromPackageID="<guid>"/>\n'
        "<ConfiguredValue>Data Source=MyServerName;</ConfiguredValue>\n```\n",
        encoding="utf-8",
    )
    found = command_placeholders(metrics.load_article(page))
    assert [p.token for p in found] == ["<server>"]


def test_a_logged_line_and_a_message_seen_when_running_a_tool_are_no_commands(
    tmp_path: Path,
) -> None:
    """An "Event ID:" entry's `<volume name>`, a log line's `\\\\<SERVERNAME>` and a message
    that "may appear when you try to run" a tool (`'<UserName>'`) are shown text; the
    command's `<server>` is still counted."""
    kb = tmp_path / "Q999415.txt"
    kb.write_text(
        "## Q999415: Test\n\nArticle: Q999415\n\n\tSYMPTOMS\n\t========\n\n"
        "\tThe following error message may appear when you try to run the MOVEUSER.EXE\n"
        "\tutility to move a user:\n\n"
        "\t  Moving user '<UserName>' failed.\n\n"
        "\tMORE INFORMATION\n\t================\n\n"
        "\tThe following event is logged:\n\n"
        "\t  Event ID: 12035\n\t  Description: Volume information for <volume name> failed.\n\n"
        "\tCCIM32.log\n"
        '\t1/16/2001 2:27:39 PM  Assessing state from "\\\\<SERVERNAME>\\CAP_ABC"\n\n'
        "\tType the following command:\n\n"
        "\t  net view \\\\<server>\n",
        encoding="utf-8",
    )
    found = command_placeholders(metrics.load_article(kb))
    assert [p.token for p in found] == ["<server>"]
