"""Issue 14, item 6: ticket-ready exports, Markdown and plain text, the same from the CLI
and from the core function the TUI calls (`assistant.export_checklist`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from markdown_it import MarkdownIt

from kbassist import cli
from kbassist.articles import Article, load_article
from kbassist.assistant import export_checklist, ticket_info
from kbassist.errors import NotFoundError, UsageError
from kbassist.settings import Settings, config_path
from kbassist.trees.catalog import find_tree
from kbassist.trees.checklist import Checklist, build_checklist
from kbassist.trees.engine import walk_with_answers
from kbassist.trees.export import TicketInfo, plain, to_text

REPO = Path(__file__).resolve().parent.parent
TREE_ID = "q98097-retrospect-mail-server"
ANSWERS_FILE = REPO / "tests" / "trees_fixtures" / "answers" / "mail-backup-copy.yaml"
ANSWERS = {
    "must_backup": "yes",
    "can_stop": "no",
    "copy_time": "midnight",
    "backup_volume": "Mail Copies",
    "volume_kind": "appleshare",
    "copies": "3",
    "archive_time": "1:00 AM",
}
TICKET = TicketInfo(host="mailhost01", user="alice", day=date(2026, 1, 31))
TITLE = "Mac Bkup: Retrospect Remote May Corrupt Server Data File"
LINK = "https://support.example.com/kb/Q98097"


def run(*args: str, stdin: str | None = None) -> Result:
    """`kbassist ARGS` in-process, stderr kept apart from stdout."""
    return CliRunner().invoke(cli.main, list(args), input=stdin, prog_name="kbassist")


@pytest.fixture
def checklist() -> Checklist:
    """The Q98097 walk of the article's own example (copy at midnight, archive at 1:00)."""
    tree = find_tree(TREE_ID, REPO / "decision_trees")
    return build_checklist(walk_with_answers(tree, ANSWERS))


@pytest.fixture
def linked_kb(tmp_path: Path) -> Path:
    """A KB whose Q98097 carries a `url:` in its front matter."""
    root = tmp_path / "linked"
    root.mkdir()
    text = (REPO / "articles" / "Q98097.md").read_text(encoding="utf-8")
    (root / "Q98097.md").write_text(
        text.replace("layout: page\n", f"layout: page\nurl: {LINK}\n", 1), encoding="utf-8"
    )
    return root


def q98097(kb: Path):  # type: ignore[no-untyped-def]
    """get_article for the export: Q98097 read from `kb`, any other id unknown."""

    def get(article_id: str) -> Article:
        if article_id.casefold() != "q98097":
            raise NotFoundError(f"no article {article_id}")
        return load_article(kb / "Q98097.md")

    return get


# --------------------------------------------------------------------------- Markdown


def test_markdown_situation_names_the_article_host_user_and_date(
    checklist: Checklist, linked_kb: Path
) -> None:
    """The situation says which article (id, title, link), host, user and date."""
    text = export_checklist(
        checklist, settings=Settings(), get_article=q98097(linked_kb), ticket=TICKET
    )
    situation = text.split("## Situation\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert situation[0] == f"- **Article:** Q98097: {TITLE} <{LINK}>"
    assert situation[1].startswith("- **Symptom:**")
    assert situation[-3:] == [
        "- **Host:** mailhost01",
        "- **User:** alice",
        "- **Date:** 2026-01-31",
    ]
    assert text.rstrip().endswith(f"version {_version(checklist)} on 2026-01-31._")
    html = MarkdownIt("gfm-like").render(text)
    assert f'<a href="{LINK}">' in html


def _version(checklist: Checklist) -> int:
    return checklist.tree.version


def test_settings_switch_host_user_and_date_off(checklist: Checklist, linked_kb: Path) -> None:
    """export_host/user/date = false leave each out, the footer date included."""
    settings = Settings(export_host=False, export_user=False, export_date=False)
    ticket = ticket_info(settings)
    assert ticket == TicketInfo(None, None, None)
    text = export_checklist(checklist, settings=settings, get_article=q98097(linked_kb))
    assert "**Host:**" not in text and "**User:**" not in text and "**Date:**" not in text
    assert " on 20" not in text.splitlines()[-1]
    only_user = ticket_info(Settings(export_host=False, export_date=False))
    assert only_user.host is None and only_user.day is None and only_user.user


def test_ticket_info_uses_this_machine_and_today() -> None:
    """By default the export names this host, this user and today's date."""
    import getpass
    import socket

    info = ticket_info(Settings(), today=date(2026, 2, 1))
    assert info == TicketInfo(socket.gethostname(), getpass.getuser(), date(2026, 2, 1))


def test_article_not_in_the_kb_keeps_its_id(checklist: Checklist) -> None:
    """A cited article the KB cannot find is still named, by id alone."""

    def missing(article_id: str) -> Article:
        raise NotFoundError(f"no article {article_id}")

    text = export_checklist(checklist, settings=Settings(), get_article=missing, ticket=TICKET)
    assert "- **Article:** Q98097\n" in text


def test_link_that_is_not_a_web_address_is_dropped(checklist: Checklist, tmp_path: Path) -> None:
    """`url: javascript:...` or a relative permalink never becomes a link in an export."""
    kb = tmp_path / "kb"
    kb.mkdir()
    text = (REPO / "articles" / "Q98097.md").read_text(encoding="utf-8")
    (kb / "Q98097.md").write_text(
        text.replace("layout: page\n", "layout: page\nurl: javascript:alert(1)\n", 1)
    )
    assert load_article(kb / "Q98097.md").link == ""
    out = export_checklist(checklist, settings=Settings(), get_article=q98097(kb), ticket=TICKET)
    assert "javascript" not in out
    assert f"- **Article:** Q98097: {TITLE}\n" in out


def test_ticked_items_are_checked_in_both_formats(checklist: Checklist) -> None:
    """Items ticked in the TUI are `[x]` in the Markdown and the plain text."""
    get = q98097(REPO / "articles")
    first = checklist.items[0]
    md = export_checklist(
        checklist, settings=Settings(), get_article=get, ticked=[checklist.items[0].key]
    )
    assert f"- [x] {first.markdown} _(" in md
    assert md.count("- [x] ") == 1
    txt = export_checklist(
        checklist, "text", settings=Settings(), get_article=get, ticked=[checklist.items[0].key]
    )
    assert f"[x] {first.text} (" in txt
    assert txt.count("[x] ") == 1


# --------------------------------------------------------------------------- plain text


def test_plain_text_export_has_every_part_without_markup(
    checklist: Checklist, linked_kb: Path
) -> None:
    """Plain text: underlined headings, aligned labels, [ ] boxes, no Markdown syntax."""
    text = export_checklist(
        checklist, "text", settings=Settings(), get_article=q98097(linked_kb), ticket=TICKET
    )
    lines = text.splitlines()
    assert lines[0] == checklist.tree.title
    assert set(lines[1]) == {"="} and len(lines[1]) == len(lines[0])
    for heading in ("Situation", "Answers", "Checklist", "Verify", "Roll back", "Sources"):
        assert heading in lines
        assert set(lines[lines.index(heading) + 1]) == {"-"}
    assert f"Article:    Q98097: {TITLE} <{LINK}>" in lines
    assert "Host:       mailhost01" in lines
    assert "User:       alice" in lines
    assert "Date:       2026-01-31" in lines
    assert "Backup volume name: Mail Copies" in text or "Mail Copies" in text
    items = [line for line in lines if line.startswith("[ ] ")]
    assert len(items) == len(checklist.items)
    for marker in ("**", "## ", "- [ ]", "_(", "`", "\\"):
        assert marker not in text
    assert lines[-1].startswith(f"Generated by kbassist from decision tree {TREE_ID} version")
    assert lines[-1].endswith("on 2026-01-31.")


def test_plain_text_keeps_typed_values_literal_and_strips_control() -> None:
    """A volume name with markup characters is printed as typed, not escaped; terminal
    control in any text (the walk refuses it in answers) is dropped."""
    tree = find_tree(TREE_ID, REPO / "decision_trees")
    hostile = "Vol | *b* <x> `c` \\ &amp; [l](u)"
    walk = walk_with_answers(tree, {**ANSWERS, "backup_volume": hostile})
    text = to_text(build_checklist(walk), ticket=TICKET)
    assert text.count(hostile) >= 2  # the answers list and the checklist items
    assert plain("a\x1b]0;PWNED\x07b\n c\u202e\x9b") == "ab c"


def test_plain_text_of_a_drafted_walk_is_stamped(kb_dir: Path, tmp_path: Path) -> None:
    """A walk auto-drafted from an article says it is not reviewed, in plain text too."""
    out = tmp_path / "drafted.txt"
    result = run(
        "walk",
        "KB-PRN-1",
        "--articles",
        str(kb_dir),
        "--export",
        str(out),
        stdin="yes\n" + "\n" * 30,
    )
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[3].startswith("AUTO-DRAFTED, NOT REVIEWED:")
    assert "(auto-drafted, not reviewed)" in text.splitlines()[-1]
    assert "Article:    KB-PRN-1: Printer queue stalls after driver update" in text


def test_drafted_markdown_export_keeps_the_link_literal(kb_dir: Path, tmp_path: Path) -> None:
    """In a drafted walk's Markdown, the article's link is a code span, not a live link."""
    printer = kb_dir / "printer.md"
    printer.write_text(
        printer.read_text().replace("products:", "url: https://kb.example.com/prn-1\nproducts:")
    )
    out = tmp_path / "drafted.md"
    result = run(
        "walk",
        "KB-PRN-1",
        "--articles",
        str(kb_dir),
        "--export",
        str(out),
        stdin="yes\n" + "\n" * 30,
    )
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "- **Article:** KB-PRN-1: Printer queue stalls after driver update " in text
    assert "`https://kb.example.com/prn-1`" in text
    assert "<a " not in MarkdownIt("gfm-like").render(text)


# --------------------------------------------------------------------------- CLI = core


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_cli_export_is_the_core_export_byte_for_byte(
    fmt: str, checklist: Checklist, linked_kb: Path
) -> None:
    """`walk --answers --format F` prints exactly what export_checklist (the TUI's) makes."""
    config_path().parent.mkdir(parents=True)
    config_path().write_text("export_date = false\n")  # no midnight race in this test
    result = run(
        "walk", TREE_ID, "--answers", str(ANSWERS_FILE), "--articles", str(linked_kb),
        "--format", fmt,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    core = export_checklist(
        checklist,
        fmt,  # type: ignore[arg-type]
        settings=Settings(export_date=False),
        get_article=q98097(linked_kb),
    )
    assert result.stdout == core
    assert LINK in result.stdout


def test_export_file_ending_in_txt_is_plain_text(tmp_path: Path) -> None:
    """`--export notes.txt` writes the plain-text export without --format."""
    out = tmp_path / "notes.txt"
    result = run("walk", TREE_ID, "--answers", str(ANSWERS_FILE), "--export", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[1].startswith("====")
    assert "- [ ]" not in text and "[ ] " in text
    md = tmp_path / "notes.md"
    assert run("walk", TREE_ID, "--answers", str(ANSWERS_FILE), "--export", str(md)).exit_code == 0
    assert md.read_text(encoding="utf-8").startswith("# ")


def test_mermaid_is_refused_with_plain_text(checklist: Checklist) -> None:
    """--mermaid with --format text is a usage error (exit 2), said before any question."""
    result = run("walk", TREE_ID, "--format", "text", "--mermaid", stdin="")
    assert result.exit_code == 2
    assert "--mermaid" in result.stderr
    with pytest.raises(UsageError):
        export_checklist(
            checklist,
            "text",
            settings=Settings(),
            get_article=lambda _id: None,
            mermaid=True,
        )


def test_export_without_a_usable_kb_still_writes_the_walk(tmp_path: Path) -> None:
    """An articles folder that cannot be opened leaves titles out, and says so; no walk lost."""
    missing = tmp_path / "gone"
    result = run(
        "walk", TREE_ID, "--answers", str(ANSWERS_FILE), "--articles", str(missing),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "- **Article:** Q98097\n" in result.stdout
    assert "article titles left out of the export:" in result.stderr


def test_bundled_kb_export_names_the_article_title() -> None:
    """On the bundled KB the CLI export names Q98097 by its title."""
    result = run("walk", TREE_ID, "--answers", str(ANSWERS_FILE))
    assert result.exit_code == 0, result.stderr
    assert f"- **Article:** Q98097: {TITLE}\n" in result.stdout
