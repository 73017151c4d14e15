"""The bench's placeholder finder (bench/draft_placeholders.py) reads "replace X with" as
an instruction to put a value where X stands, but FoxPro and dBASE code writes
`REPLACE field WITH expr` in capitals: a field the program sets, no stand-in (round 23,
place23). Such code made 114 archive pairs, 6 "used"."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))  # bench/ is scripts, not a package

import draft_metrics as metrics  # noqa: E402
from draft_placeholders import Placeholder, command_placeholders  # noqa: E402


def _kb(tmp_path: Path, body: str) -> Path:
    """A short MS KB article in the archive's plain-text shape, with `body` as its
    MORE INFORMATION."""
    kb = tmp_path / "Q999423.txt"
    kb.write_text(
        "## Q999423: Test\n\nArticle: Q999423\n\n\tSUMMARY\n\t=======\n\n"
        "\tThis article shows how to clear a memo field.\n\n"
        "\tMORE INFORMATION\n\t================\n\n" + body,
        encoding="utf-8",
    )
    return kb


def test_xbase_replace_statements_name_no_placeholder(tmp_path: Path) -> None:
    """`REPLACE Tag WITH ""` in a FoxPro listing is code setting the field Tag: `Tag`
    where the listing uses it again (`IF EMPTY(Tag)`) is no placeholder to fill in."""
    kb = _kb(
        tmp_path,
        "\tRun the following code:\n\n"
        '\t  USE labels\n\t  REPLACE Tag WITH "" && remove printer codes\n'
        "\t  REPLACE reserved1 WITH 'Class'\n\t  IF EMPTY(Tag) AND reserved1 = 'Class'\n"
        "\t     ? 'Tag memo cleared'\n\t  ENDIF\n",
    )
    assert command_placeholders(metrics.load_article(kb)) == []


def test_prose_replace_with_still_names_a_placeholder(tmp_path: Path) -> None:
    """ "Replace "filename" with the path": the instruction's token is still a placeholder
    where the command writes it, beside FoxPro's `REPLACE x WITH y` left out."""
    kb = _kb(
        tmp_path,
        "\tType the following command, and replace filename with the path of your\n"
        "\tdatabase:\n\n\t  pack filename\n\n\t  REPLACE notes WITH ''\n",
    )
    found = command_placeholders(metrics.load_article(kb))
    assert [(p.token, p.command) for p in found] == [("filename", "pack filename")]


def test_a_parameter_explained_under_its_syntax_is_no_use(tmp_path: Path) -> None:
    """ "<domain> Specifies the name of a domain." and "- <path> is the path to ...", indented
    under a syntax line, explain its parameters, as "where <x> is" does: counted apart as
    explanations; the syntax line's own `<domain>` and `<path>` are still counted."""
    kb = _kb(
        tmp_path,
        "\tType the following command:\n\n\t  sendcode <domain> <path>\n\n"
        "\tWhere:\n\n\t  <domain>    Specifies the name of a Windows NT domain.\n\n"
        "\t  - <path> is the path to the installed server files.\n",
    )
    excluded: list[tuple[str, Placeholder]] = []
    found = command_placeholders(metrics.load_article(kb), excluded)
    assert [(p.token, p.command) for p in found] == [
        ("<domain>", "sendcode <domain> <path>"),
        ("<path>", "sendcode <domain> <path>"),
    ]
    assert sorted((why, p.token) for why, p in excluded) == [
        ("explanation", "<domain>"),
        ("explanation", "<path>"),
    ]
