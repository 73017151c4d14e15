"""The bench's placeholder finder (bench/draft_placeholders.py) leaves out a value
Registry Editor or a dialog box shows as it is (round 14, inputs14): `<NO NAME>`,
`<Not Selected>`, like ph13's `<blank>`; the drafter no longer asks them."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))  # bench/ is scripts, not a package

import draft_metrics as metrics  # noqa: E402
from draft_placeholders import command_placeholders  # noqa: E402


def test_a_shown_no_name_value_is_not_a_placeholder(tmp_path: Path) -> None:
    """Only `<server>` is to fill in; `<NO NAME>` is the unnamed value Regedit lists."""
    kb = tmp_path / "Q999414.txt"
    kb.write_text(
        "## Q999414: Test\n\nArticle: Q999414\n\n\tMORE INFORMATION\n\t================\n\n"
        "\tType the following command:\n\n"
        "\t  net view \\\\<server>\n\n"
        "\tThen run the following command and check the value it lists:\n\n"
        "\t  reg query HKCR\\.inf /ve\n\t  <NO NAME>  REG_SZ  inffile\n",
        encoding="utf-8",
    )
    found = command_placeholders(metrics.load_article(kb))
    assert [p.token for p in found] == ["<server>"]
