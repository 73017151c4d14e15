"""The placeholder finder of the drafting bench (bench/draft_placeholders.py): what it
counts as a command (not output an article shows) and when a placeholder counts as used."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))  # bench/ is scripts, not a package

import draft_metrics as metrics  # noqa: E402
from draft_placeholders import command_placeholders, placeholder_used  # noqa: E402


def test_output_blocks_and_announced_messages_are_no_commands(tmp_path: Path) -> None:
    """An ```output block, a logged event's Description, Format-List output and (plain text)
    the message under "you receive the following error message:" are shown, not typed."""
    md = tmp_path / "out.md"
    md.write_text(
        "---\ntitle: Apps\n---\n## Symptoms\n\n```output\nWindows cannot copy file "
        "<path to a file>.\n```\n\n```console\nLog Name:      Application\nDescription:\n"
        "Activation of the app <app name> failed.\n```\n\n## Resolution\n\n```PowerShell\n"
        "Test-NetConnection -ComputerName <KMS Host> -Port 1688\n\n"
        "ComputerName           : <KMS Host>\n```\n",
        encoding="utf-8",
    )
    found = command_placeholders(metrics.load_article(md))
    assert [(p.token, p.command) for p in found] == [
        ("<KMS Host>", "Test-NetConnection -ComputerName <KMS Host> -Port 1688")
    ]
    kb = tmp_path / "Q999303.txt"
    kb.write_text(
        "## Q999303: Test\n\nArticle: Q999303\n\n\tSYMPTOMS\n\t========\n\n"
        "\tWhen you register the DLL, you receive the following error message:\n\n"
        "\t  DLLRegisterServer in <path to DLL> failed.\n\n"
        "\tRESOLUTION\n\t==========\n\n\tAt the command prompt, type the following:\n\n"
        "\t  regsvr32 <path to DLL>\n",
        encoding="utf-8",
    )
    found = command_placeholders(metrics.load_article(kb))
    assert [(p.token, p.command) for p in found] == [("<path to DLL>", "regsvr32 <path to DLL>")]


def test_a_neighbour_holding_another_placeholder_counts_when_filled_in(tmp_path: Path) -> None:
    """`<TableName>.<StatisticsName>`, `\\\\<servername>\\<printername>` and a neighbour
    longer than 12 characters (`<ApplicationDirectoryPartition>`) count when filled in."""
    path = tmp_path / "cmds.md"
    path.write_text(
        "---\ntitle: Cmds\n---\n## Resolution\n\n```console\n"
        "DROP STATISTICS <TableName>.<StatisticsName>\nstart \\\\<servername>\\<printername>\n"
        "remove nc replica <ApplicationDirectoryPartition> <DomainController>\n```\n",
        encoding="utf-8",
    )
    found = {p.token: p for p in command_placeholders(metrics.load_article(path))}
    assert placeholder_used(found["<StatisticsName>"], ["DROP STATISTICS qzvar0qz.qzvar1qz"])
    assert placeholder_used(found["<StatisticsName>"], ["DROP STATISTICS <TableName>.qzvar1qz"])
    assert placeholder_used(found["<printername>"], ["start \\\\qzvar2qz\\qzvar3qz"])
    assert placeholder_used(found["<DomainController>"], ["remove nc replica qzvar4qz qzvar5qz."])
    assert not placeholder_used(found["<printername>"], ["start \\\\other\\qzvar3qz"])


def test_html_page_tags_are_no_placeholders(tmp_path: Path) -> None:
    """`<HTML>`, `<HEAD>`, `<BODY>` of a page to type are markup; `<server>` in it is one."""
    path = tmp_path / "page.md"
    path.write_text(
        "---\ntitle: Page\n---\n## Resolution\n\n```html\n<HTML> <HEAD> <TITLE>Mail\n"
        '<META CONTENT="0;URL=http://<server>/exchange"> <BODY>\n```\n',
        encoding="utf-8",
    )
    found = command_placeholders(metrics.load_article(path))
    assert [p.token for p in found] == ["<server>"]


def test_marked_messages_are_counted_apart_and_steps_leads_are_no_messages(
    tmp_path: Path,
) -> None:
    """A message under a lead that names it (no colon, "one of the following messages",
    "-or-" between) is left out and counted apart; a command under "performing the
    following steps:" still counts, and "the path to" in "where path is ..." is no use."""
    kb = tmp_path / "Q999304.txt"
    kb.write_text(
        "## Q999304: Test\n\nArticle: Q999304\n\n\tSYMPTOMS\n\t========\n\n"
        "\tThe following error message may appear when you move a user.\n\n"
        "\t  Moving user '<UserName>' failed.\n\n"
        "\tWhen you install a distribution set, you receive one of the following messages:\n\n"
        "\t  Please insert disk <number>\n\n\t-or-\n\n\t  Cannot find file '<file name>'\n\n"
        "\tRESOLUTION\n\t==========\n\n"
        "\tStop the information store and check it by performing the following steps:\n\n"
        "\t  <exchsrvr>\\bin\\edbutil /mh priv.edb\n\n"
        "\tIn CONFIG.SYS, type the following line:\n\n\t  device=<path>\\mouse.sys\n\n"
        "\twhere path is the path to your MOUSE.SYS file.\n",
        encoding="utf-8",
    )
    excluded: list[tuple[str, object]] = []
    found = command_placeholders(metrics.load_article(kb), excluded)
    assert [p.token for p in found] == ["<exchsrvr>", "<path>"]
    assert sorted((why, p.token) for why, p in excluded) == [  # type: ignore[attr-defined]
        ("explanation", "path"),
        ("message", "<UserName>"),
        ("message", "<file name>"),
        ("message", "<number>"),
    ]


def test_a_bare_server_name_beside_a_share_name_counts_when_both_are_filled_in(
    tmp_path: Path,
) -> None:
    """`net use lpt1: \\\\servername\\sharename`: the share name counts as used when the
    checklist has both answers there, not when the server is left as written elsewhere."""
    kb = tmp_path / "Q999305.txt"
    kb.write_text(
        "## Q999305: Test\n\nArticle: Q999305\n\n\tSUMMARY\n\t=======\n\n"
        "\tAt the MS-DOS prompt, type:\n\n\t  net use lpt1: \\\\servername\\sharename\n",
        encoding="utf-8",
    )
    found = {p.token: p for p in command_placeholders(metrics.load_article(kb))}
    assert placeholder_used(found["sharename"], ["net use lpt1: \\\\qzvar0qz\\qzvar1qz"])
    assert not placeholder_used(found["sharename"], ["net use lpt2: \\\\other\\qzvar1qz"])
