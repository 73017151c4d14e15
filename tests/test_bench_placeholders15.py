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
