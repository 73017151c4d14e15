"""The bench's placeholder finder (bench/draft_placeholders.py) leaves out what is no
value to fill in (round 13, ph13): keys pressed (`<Ctrl-C>`, SendKeys' `{INS}`), the
archive's written-out non-breaking space `<A0>`, a listing's `<blank>`, and a C++ header a
"Required Header" line names alone (`<algorithm>`)."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))  # bench/ is scripts, not a package

import draft_metrics as metrics  # noqa: E402
from draft_placeholders import command_placeholders, placeholder_used  # noqa: E402


def test_keys_headers_and_blanks_are_not_placeholders(tmp_path: Path) -> None:
    """Only `<server>` of these indented listings is a placeholder to fill in."""
    kb = tmp_path / "Q999314.txt"
    kb.write_text(
        "## Q999314: Test\n\nArticle: Q999314\n\n\tMORE INFORMATION\n\t================\n\n"
        "\tRequired Header\n\t---------------\n\n\t  <algorithm>\n\n"
        "\tType the following in the debugger:\n\n"
        "\t  REM <Ctrl-C> Break into kernel\n\n"
        '\t  SendKeys "{INS}" & "This is a Test"\n\n'
        "\t  Name Server: <blank>\n\n"
        "\t  Q129605 <A0>How to Extract Original Compressed Windows Files\n\n"
        "\t  net view \\\\<server>\n",
        encoding="utf-8",
    )
    found = command_placeholders(metrics.load_article(kb))
    assert [p.token for p in found] == ["<server>"]


def test_a_placeholder_beside_one_of_several_words_counts_when_both_are_filled(
    tmp_path: Path,
) -> None:
    """`\\\\<Computer Name>\\<Printer Share Name>` with both answers filled in: each is used,
    though the neighbour of the second is a placeholder with a space in it."""
    kb = tmp_path / "Q999315.txt"
    kb.write_text(
        "## Q999315: Test\n\nArticle: Q999315\n\n\tMORE INFORMATION\n\t================\n\n"
        "\tFrom the command prompt, type:\n\n"
        "\t  NET USE LPT1: \\\\<Computer Name>\\<Printer Share Name>\n",
        encoding="utf-8",
    )
    found = command_placeholders(metrics.load_article(kb))
    rendered = ["From the command prompt, type: NET USE LPT1: \\\\qzvar0qz\\qzvar1qz"]
    assert [(p.token, placeholder_used(p, rendered)) for p in found] == [
        ("<Computer Name>", True),
        ("<Printer Share Name>", True),
    ]


def test_an_explained_bracketed_neighbour_filled_in_still_marks_its_neighbour_used(
    tmp_path: Path,
) -> None:
    """`[drive]:\\[directory]\\startup.grp` with both filled in: `[drive]` is used, its
    neighbour `[directory]` standing there as an answer."""
    kb = tmp_path / "Q999316.txt"
    kb.write_text(
        "## Q999316: Test\n\nArticle: Q999316\n\n\tMORE INFORMATION\n\t================\n\n"
        "\tOn the Group File line, type the following\n\n"
        "\t  [drive]:\\[directory]\\startup.grp\n\n"
        "\twhere [drive] is the drive letter that Windows has been loaded on and\n"
        "\t[directory] is the name of the Windows directory.\n",
        encoding="utf-8",
    )
    found = command_placeholders(metrics.load_article(kb))
    rendered = ["On the Group File line, type the following qzvar0qz:\\qzvar1qz\\startup.grp"]
    assert [(p.token, placeholder_used(p, rendered)) for p in found] == [("[drive]", True)]


def test_a_symptoms_or_cause_listing_no_lead_says_to_type_is_shown_text(
    tmp_path: Path,
) -> None:
    """In SYMPTOMS and CAUSE an indented line no lead says to type (a message after
    "During Setup:", the line Setup removed) is left out as shown text; one under "use the
    following command:" and a RESOLUTION listing still count."""
    kb = tmp_path / "Q999317.txt"
    kb.write_text(
        "## Q999317: Test\n\nArticle: Q999317\n\n\tSYMPTOMS\n\t========\n\n"
        "\t- During the application's custom Setup program:\n\n"
        "\t  <Application name> Setup not completed successfully\n\n"
        "\tFor example, to delete a share name, use the following command:\n\n"
        "\t  net share <share name> /delete\n\n"
        "\tCAUSE\n\t=====\n\n"
        "\tSetup removes the following line from the CONFIG.SYS file:\n\n"
        "\t  DEVICE=<path>\\CEMM.EXE RAM\n\n"
        "\tRESOLUTION\n\t==========\n\n"
        "\tAdd the line back to the CONFIG.SYS file:\n\n"
        "\t  DEVICE=<path>\\CEMM.EXE RAM\n",
        encoding="utf-8",
    )
    excluded: list = []
    found = command_placeholders(metrics.load_article(kb), excluded)
    assert [(p.token, p.command) for p in found] == [
        ("<share name>", "net share <share name> /delete"),
        ("<path>", "DEVICE=<path>\\CEMM.EXE RAM"),
    ]
    assert [p.token for _, p in excluded] == ["<Application name>"]
