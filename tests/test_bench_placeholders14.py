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


def test_capital_and_lower_brace_stand_ins_in_runbook_code_are_placeholders(
    tmp_path: Path,
) -> None:
    """`POOL_NAME/IMAGE_NAME` and `{myfile_with_certs.crt}` in a runbook's code are to fill
    in; `$NODE_NAME`, a loop's `MASTER_POD`, a grepped `CONTAINER_IMAGE`
    and SQL's `DB_ID(...)` are not."""
    rb = tmp_path / "MirrorAlert.md"
    rb.write_text(
        "---\nid: MirrorAlert\ntitle: MirrorAlert\n---\n\n# MirrorAlert\n\n## Meaning\n\n"
        "The alert fires when mirroring is degraded.\n\n## Diagnosis\n\n"
        "```bash\nrbd mirror image status POOL_NAME/IMAGE_NAME\n"
        "openssl x509 -noout -enddate -in {myfile_with_certs.crt}\n"
        "oc describe node $NODE_NAME | grep CONTAINER_IMAGE\n"
        "psql -c \"SELECT DB_ID('x')\"\n"
        "for MASTER_POD in $(oc get pods -o name); do oc logs $MASTER_POD; done\n```\n",
        encoding="utf-8",
    )
    found = command_placeholders(metrics.load_article(rb))
    assert [p.token for p in found] == ["POOL_NAME", "IMAGE_NAME", "{myfile_with_certs.crt}"]
