"""What the folder scan trusts: symlinks, file names that are not UTF-8, duplicate ids,
and edits that keep a file's size and mtime (issue 9, items 11, 12, 17 and 18)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner, Result

import kbassist.search.changes
import kbassist.search.whoosh_backend.build
from kbassist.cli import main
from kbassist.errors import DataError, NotFoundError
from kbassist.index import KBIndex

if TYPE_CHECKING:
    from tui_support import StartTUI

SECRET = "hunter2-aws-secret"
#: A name that is not UTF-8: Latin-1 "café.md", as an old Samba share or tarball makes it.
CAFE = b"caf\xe9.md"


def cli(*args: str, stdin: str | None = None) -> Result:
    """Run the real command group in-process, as `kbassist ARGS` would."""
    return CliRunner().invoke(main, list(args), input=stdin)


def note_lines(result: Result, needle: str) -> list[str]:
    """The stderr lines that mention `needle`."""
    return [line for line in result.stderr.splitlines() if needle in line]


def secret_outside(tmp_path: Path) -> Path:
    """A readable file outside the KB that parses as an article: a symlink must not reach it."""
    secret = tmp_path / "outside" / "credentials"
    secret.parent.mkdir()
    secret.write_text(f"[default]\naws_secret_access_key = {SECRET}\n", encoding="utf-8")
    return secret


def bytes_file(folder: Path, name: bytes, text: str) -> None:
    """Create a file whose name is raw bytes (not valid UTF-8) inside `folder`."""
    fd = os.open(os.fsencode(folder) + b"/" + name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        os.write(fd, text.encode("utf-8"))
    finally:
        os.close(fd)


CAFE_TEXT = (
    "# Espresso machine\n\n## Symptoms\n\nThe espresso grinder stalls every morning.\n\n"
    "## Resolution\n\nDescale the grinder.\n"
)


# --------------------------------------------------------------------------- item 11


def test_symlink_to_a_file_outside_the_kb_is_never_indexed_or_shown(
    kb_dir: Path, tmp_path: Path
) -> None:
    """`ln -s ~/.aws/credentials kb/creds.md`: one skip line at index time; show finds nothing."""
    (kb_dir / "creds.md").symlink_to(secret_outside(tmp_path))
    ix = str(tmp_path / "ix")
    result = cli("index", str(kb_dir), "--index-dir", ix)
    assert result.exit_code == 0, result.output
    lines = note_lines(result, "creds.md")
    assert len(lines) == 1 and "outside the articles folder" in lines[0]
    assert "3 articles indexed" in result.stderr
    shown = cli("show", "creds", "--articles", str(kb_dir), "--index-dir", ix)
    assert shown.exit_code == 3
    assert SECRET not in shown.output
    found = cli("search", "aws_secret_access_key", "--articles", str(kb_dir), "--index-dir", ix)
    assert SECRET not in found.output and "creds" not in found.stdout


def test_symlinked_folder_outside_the_kb_is_not_followed(kb_dir: Path, tmp_path: Path) -> None:
    """A linked folder of someone else's files is reported once and none of it is indexed."""
    other = tmp_path / "other-team"
    other.mkdir()
    (other / "theirs.md").write_text("---\nid: THEIRS-1\ntitle: Theirs\n---\n\nprivate text\n")
    (kb_dir / "shared").symlink_to(other, target_is_directory=True)
    report = KBIndex(kb_dir, tmp_path / "ix").update()
    assert [(p.path.name, p.message) for p in report.problems] == [
        ("shared", "symlink to a folder outside the articles folder: not followed")
    ]
    assert report.indexed == 3


def test_symlinks_inside_the_kb_are_followed_without_loops_or_duplicates(
    kb_dir: Path, tmp_path: Path
) -> None:
    """Links that stay inside the KB are followed (files and folders), each article once."""
    hidden = kb_dir / ".team-src"
    hidden.mkdir()
    (hidden / "vpn.md").write_text("---\nid: KB-VPN-9\ntitle: VPN drops at noon\n---\n\nx\n")
    (kb_dir / "team").symlink_to(hidden, target_is_directory=True)  # a hidden folder, linked
    (kb_dir / "notes.txt").write_text("---\nid: KB-TXT-3\ntitle: Kept as text\n---\n\ny\n")
    (kb_dir / "notes.md").symlink_to("notes.txt")  # relative link to a non-.md file
    (kb_dir / "alias.md").symlink_to(kb_dir / "printer.md")  # the same article again
    (kb_dir / "sub").mkdir()
    (kb_dir / "sub" / "up").symlink_to(kb_dir, target_is_directory=True)  # a loop
    (kb_dir / "sub" / "again").symlink_to(hidden, target_is_directory=True)  # followed once
    kb = KBIndex(kb_dir, tmp_path / "ix")
    report = kb.update()
    assert report.problems == [] and report.duplicates == []
    assert sorted(i for i, _ in kb.titles()) == [
        "KB-DNS-2",
        "KB-PRN-1",
        "KB-TXT-3",
        "KB-VPN-9",
        "Q98097",
    ]
    assert kb.get("KB-VPN-9").title == "VPN drops at noon"


def test_article_swapped_for_an_outside_symlink_after_indexing_is_refused(
    kb_dir: Path, tmp_path: Path
) -> None:
    """The file behind an indexed id became a link out of the KB: show, walk, snippets refuse."""
    ix = str(tmp_path / "ix")
    assert cli("index", str(kb_dir), "--index-dir", ix).exit_code == 0
    secret = secret_outside(tmp_path)
    secret.write_text(
        (kb_dir / "printer.md").read_text().replace("the spooler", f"the spooler {SECRET}")
    )
    (kb_dir / "printer.md").unlink()
    (kb_dir / "printer.md").symlink_to(secret)
    # Keep the index's view (a status check would otherwise re-index first).
    common = ("--articles", str(kb_dir), "--index-dir", ix)
    kb = KBIndex(kb_dir, Path(ix))
    with pytest.raises(DataError, match="outside the articles folder"):
        kb.get("KB-PRN-1")
    shown = cli("show", "KB-PRN-1", *common)
    assert shown.exit_code == 4 and SECRET not in shown.output
    assert "printer.md: symlink to a file outside the articles folder" in shown.stderr
    walked = cli("walk", "KB-PRN-1", "--trees", str(tmp_path / "no-trees"), *common, stdin="")
    assert walked.exit_code == 4 and SECRET not in walked.output
    found = cli("search", "spooler", *common)  # the hit stays; its snippet is not read
    assert found.exit_code == 0 and "KB-PRN-1" in found.stdout
    assert SECRET not in found.output


# --------------------------------------------------------------------------- item 12


def test_non_utf8_file_name_is_indexed_searched_and_shown(kb_dir: Path, tmp_path: Path) -> None:
    """`caf\\xe9.md` indexes, searches and shows, printed with a replacement character."""
    bytes_file(kb_dir, CAFE, CAFE_TEXT)
    bytes_file(kb_dir, b"vid\xe9.md", "")  # skipped, and its name printed safely
    ix = str(tmp_path / "ix")
    result = cli("index", str(kb_dir), "--index-dir", ix)
    assert result.exit_code == 0, result.output
    assert "4 articles indexed" in result.stderr
    assert note_lines(result, "vid\ufffd.md: empty file")
    common = ("--articles", str(kb_dir), "--index-dir", ix)
    found = cli("search", "espresso", "grinder", *common)
    assert found.exit_code == 0, found.output
    assert "caf\ufffd" in found.stdout and "Espresso machine" in found.stdout
    as_json = cli("search", "espresso", "--json", *common)
    assert as_json.exit_code == 0 and "Espresso machine" in as_json.stdout
    by_id = cli("show", "caf\ufffd", *common)
    assert by_id.exit_code == 0 and "Descale the grinder" in by_id.stdout
    by_path = cli("show", os.fsdecode(CAFE), *common)
    assert by_path.exit_code == 0 and "Descale the grinder" in by_path.stdout
    (kb_dir / "dns.md").unlink()  # an incremental run over the same name works too
    again = cli("index", str(kb_dir), "--index-dir", ix)
    assert again.exit_code == 0 and "3 articles indexed, 0 added, 0 changed, 1 removed" in (
        again.stderr
    )


def test_non_utf8_names_reach_a_strict_utf8_terminal_as_replacement_characters(
    kb_dir: Path, tmp_path: Path, env: dict[str, str]
) -> None:
    """The real entry point on strict UTF-8 streams (a UTF-8 terminal): no exit 70."""
    from cli_support import run_kbassist_process as run_kbassist

    bytes_file(kb_dir, CAFE, CAFE_TEXT)
    bytes_file(kb_dir, b"vid\xe9.md", "")
    env = {**env, "PYTHONIOENCODING": "utf-8:strict"}
    indexed = run_kbassist("index", str(kb_dir), env=env)
    assert indexed.returncode == 0, indexed.stderr
    assert "vid\ufffd.md: empty file" in indexed.stderr
    found = run_kbassist("search", "espresso", "--articles", str(kb_dir), env=env)
    assert found.returncode == 0, found.stderr
    assert "caf\ufffd" in found.stdout


def test_non_utf8_file_name_in_a_parallel_build(
    kb_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker processes of a big build index such a name too (it was exit 5)."""
    monkeypatch.setattr(kbassist.search.whoosh_backend.build, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    bytes_file(kb_dir, CAFE, CAFE_TEXT)
    kb = KBIndex(kb_dir, tmp_path / "ix")
    report = kb.update(full=True)
    assert report.indexed == 4 and report.problems == []
    hit = kb.search("espresso").hits[0]
    assert hit.id == "caf\ufffd" and os.fsencode(hit.path).endswith(b"/" + CAFE)


def test_articles_folder_whose_path_is_not_utf8(kb_dir: Path, tmp_path: Path) -> None:
    """An articles folder named with a Latin-1 byte: index and search work (it was exit 70)."""
    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/kb-\xe9t\xe9"))
    kb_dir.rename(folder)
    common = ("--articles", str(folder), "--index-dir", str(tmp_path / "ix"))
    found = cli("search", "spooler", *common)
    assert found.exit_code == 0, found.output
    assert "KB-PRN-1" in found.stdout
    assert "kb-\ufffdt\ufffd" in found.stderr  # "indexing <folder> first", printable
    home_index = cli("search", "spooler", "--articles", str(folder))  # the per-user cache
    assert home_index.exit_code == 0, home_index.output


async def test_tui_search_lists_an_article_with_a_non_utf8_name(
    kb_dir: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """The search screen finds `caf\\xe9.md`, shows it and opens it (it crashed the TUI)."""
    from tui_support import build_app, screen_text, settle, type_query, wait_ready

    from kbassist.tui.screens.article import ArticleScreen
    from kbassist.tui.widgets.results import ResultList

    bytes_file(kb_dir, CAFE, CAFE_TEXT)

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(100, 30))
    await wait_ready(pilot)
    await type_query(pilot, "espresso")
    assert [h.id for h in app.screen.query_one(ResultList).hits] == ["caf\ufffd"]
    assert "Espresso machine" in screen_text(app)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ArticleScreen)
    assert "Descale the grinder" in screen_text(app)


# --------------------------------------------------------------------------- item 17


@pytest.fixture
def dup_kb(kb_dir: Path) -> Path:
    """The test KB plus `000-notes.md` claiming the id of the real Q98097."""
    (kb_dir / "000-notes.md").write_text(
        "---\nid: Q98097\ntitle: My notes on the backup crash\n---\n\n"
        "## Summary\n\nCall Bob before restoring.\n",
        encoding="utf-8",
    )
    return kb_dir


def test_duplicate_ids_are_reported_at_index_time(dup_kb: Path, tmp_path: Path) -> None:
    """A duplicated id is listed with both files when found, then counted in one line."""
    ix = str(tmp_path / "ix")
    result = cli("index", str(dup_kb), "--index-dir", ix)
    assert result.exit_code == 0
    lines = note_lines(result, "duplicate id")
    assert len(lines) == 1
    assert "Q98097" in lines[0] and "000-notes.md" in lines[0] and "Q98097.md" in lines[0]
    again = cli("index", str(dup_kb), "--index-dir", ix)  # incremental, nothing changed
    assert note_lines(again, "duplicate id") == []
    still = note_lines(again, "still shared")
    assert len(still) == 1 and "1 id still shared by several files (Q98097)" in still[0]
    full = cli("index", str(dup_kb), "--index-dir", ix, "--full")
    assert len(note_lines(full, "duplicate id")) == 1
    (dup_kb / "000-notes.md").unlink()
    fixed = cli("index", str(dup_kb), "--index-dir", ix)
    assert note_lines(fixed, "duplicate id") == note_lines(fixed, "still shared") == []


@pytest.mark.parametrize("command", ["show", "draft", "walk"])
def test_ambiguous_id_lists_the_candidates_and_exits_3(
    dup_kb: Path, tmp_path: Path, command: str
) -> None:
    """`show`/`draft`/`walk Q98097` with two such articles: both named, nothing picked."""
    common = ("--articles", str(dup_kb), "--index-dir", str(tmp_path / "ix"))
    result = cli(command, "Q98097", *common, stdin="")
    assert result.exit_code == 3, result.output
    error = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(error) == 1
    for part in ("000-notes.md", "My notes on the backup crash", "Q98097.md", "Retrospect"):
        assert part in error[0]
    assert "Call Bob" not in result.stdout


def test_both_articles_of_a_duplicated_id_stay_reachable_by_path(
    dup_kb: Path, tmp_path: Path
) -> None:
    """`show 000-notes.md`, `show Q98097` spelt as its file, and the palette's refs all work."""
    common = ("--articles", str(dup_kb), "--index-dir", str(tmp_path / "ix"))
    notes = cli("show", "000-notes.md", *common)
    assert notes.exit_code == 0 and "Call Bob" in notes.stdout
    assert "Call Bob" in cli("show", "000-notes", *common).stdout
    real = cli("show", "Q98097.md", *common)
    assert real.exit_code == 0 and "Retrospect Remote" in real.stdout
    drafted = cli("draft", "Q98097.md", *common)
    assert drafted.exit_code == 0 and "Retrospect" in drafted.stdout
    kb = KBIndex(dup_kb, tmp_path / "ix")
    refs = dict(kb.titles())
    assert refs["000-notes.md"] == "My notes on the backup crash"
    assert "Retrospect" in refs["Q98097.md"] and "Q98097" not in refs
    assert kb.get("KB-PRN-1").id == "KB-PRN-1"  # unique ids are untouched


def test_walk_and_lint_with_a_shared_id(dup_kb: Path, tmp_path: Path) -> None:
    """`walk team/runbook` walks that file; a tree citing a shared id is refused by lint."""
    (dup_kb / "team").mkdir()
    (dup_kb / "team" / "runbook.md").write_text(
        "---\nid: KB-PRN-1\ntitle: Team runbook for the print spooler\n---\n\n"
        "## Symptoms\n\nJobs stall.\n\n## Resolution\n\n1. Restart the spooler.\n",
        encoding="utf-8",
    )
    common = ("--articles", str(dup_kb), "--index-dir", str(tmp_path / "ix"))
    walked = cli("walk", "team/runbook", "--trees", str(tmp_path / "none"), *common, stdin="quit\n")
    assert walked.exit_code == 0, walked.output
    assert "Team runbook for the print spooler" in walked.stderr
    linted = cli("trees", "lint", *common)  # the bundled Q98097 tree cites Q98097
    assert linted.exit_code == 3
    assert "000-notes.md" in linted.stderr and "Q98097.md" in linted.stderr


def test_an_edited_article_is_not_a_duplicate_for_a_reader_held_open(
    kb_dir: Path, tmp_path: Path
) -> None:
    """A long-lived reader (the TUI) after another process re-indexed an edit: one article."""
    held = KBIndex(kb_dir, tmp_path / "ix")
    held.update()
    assert held.get("KB-PRN-1").title.startswith("Printer queue")
    path = kb_dir / "printer.md"
    path.write_text(path.read_text().replace("Printer queue", "Print queue"))
    assert KBIndex(kb_dir, tmp_path / "ix").update().changed == 1
    assert held.get("KB-PRN-1").title.startswith("Print queue")
    refs = {ref for ref, _title in held.titles()}
    assert "KB-PRN-1" in refs and "printer.md" not in refs  # not listed as a shared id


def test_ambiguous_id_error_is_a_not_found_error_with_candidates(
    dup_kb: Path, tmp_path: Path
) -> None:
    """The core raises one error the TUI and CLI share, carrying each candidate's path."""
    kb = KBIndex(dup_kb, tmp_path / "ix")
    kb.update()
    with pytest.raises(NotFoundError) as caught:
        kb.get("q98097")
    assert [ref for ref, _title in caught.value.candidates] == [  # type: ignore[attr-defined]
        "000-notes.md",
        "Q98097.md",
    ]


async def test_tui_announces_a_shared_id_and_opens_the_hit_chosen(
    dup_kb: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """The TUI warns of the duplicate, and Enter on the notes' hit opens the notes."""
    from tui_support import build_app, settle, type_query, wait_ready

    from kbassist.tui.screens.article import ArticleScreen
    from kbassist.tui.widgets.results import ResultList

    app = build_app(dup_kb, tmp_path)
    pilot = await tui(app, size=(100, 30))
    await wait_ready(pilot)
    warnings = [str(n.message) for n in app._notifications]
    assert any("duplicate id Q98097: 000-notes.md, Q98097.md" in w for w in warnings)
    await type_query(pilot, "call bob restoring")
    hits = app.screen.query_one(ResultList).hits
    # The hit is named as `show` takes it: the shared id would be ambiguous.
    assert (hits[0].id, hits[0].ref) == ("000-notes", "000-notes.md")
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ArticleScreen)
    assert app.screen.article.title == "My notes on the backup crash"


# --------------------------------------------------------------------------- item 18


def _same_length_edit(path: Path, old: str, new: str) -> None:
    """Rewrite `path` in place with `old` replaced by `new`, keeping size and mtime."""
    assert len(old) == len(new)
    info = path.stat()
    text = path.read_text()
    assert old in text
    with path.open("r+", encoding="utf-8") as handle:
        handle.write(text.replace(old, new))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        info.st_size,
        info.st_mtime_ns,
        info.st_ino,
    )


def _wait_for_ctime_tick(path: Path) -> None:
    """The kernel's ctime clock is coarse: make sure an edit now gets a newer ctime."""
    before = path.stat().st_ctime_ns
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        probe = path.parent / ".ctime-probe"
        probe.touch()
        ticked = probe.stat().st_ctime_ns > before
        probe.unlink()
        if ticked:
            return
        time.sleep(0.005)


def test_same_size_same_mtime_edit_in_place_is_reindexed(kb_dir: Path, tmp_path: Path) -> None:
    """An edit of the same length with the old mtime restored: the new word is found."""
    kb = KBIndex(kb_dir, tmp_path / "ix")
    kb.update()
    _wait_for_ctime_tick(kb_dir / "printer.md")
    _same_length_edit(kb_dir / "printer.md", "spooler", "toaster")
    report = kb.update()
    assert report.changed == 1
    assert [h.id for h in kb.search("toaster").hits] == ["KB-PRN-1"]


def test_file_replaced_like_tar_mtime_does_is_reindexed(kb_dir: Path, tmp_path: Path) -> None:
    """`tar --mtime=@1700000000` over an indexed KB: a new file, same size and mtime."""
    path = kb_dir / "dns.md"
    os.utime(path, (1_700_000_000, 1_700_000_000))
    kb = KBIndex(kb_dir, tmp_path / "ix")
    kb.update()
    fresh = kb_dir / ".dns.md.new"
    fresh.write_text(path.read_text().replace("resolver", "resolvEr"))
    os.utime(fresh, (1_700_000_000, 1_700_000_000))
    os.replace(fresh, path)
    report = kb.update()
    assert (report.changed, report.unchanged) == (1, 2)


def test_noop_reindex_reads_no_file_and_a_chmod_is_not_a_change(
    kb_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing changed: no file is read. A chmod moves ctime: hashed once, not re-indexed."""
    kb = KBIndex(kb_dir, tmp_path / "ix")
    kb.update()
    reads: list[str] = []
    for name in ("load_article", "read_text"):  # a parse, or a read to hash only
        real = getattr(kbassist.search.changes, name)

        def counting(path, *args, real=real, name=name, **kwargs):  # type: ignore[no-untyped-def]
            reads.append(f"{name} {Path(path).name}")
            return real(path, *args, **kwargs)

        monkeypatch.setattr(kbassist.search.changes, name, counting)
    assert kb.update().unchanged == 3 and reads == []
    _wait_for_ctime_tick(kb_dir / "dns.md")
    (kb_dir / "dns.md").chmod(0o600)
    report = kb.update()
    assert (report.changed, report.unchanged, reads) == (0, 3, ["read_text dns.md"])
    reads.clear()
    assert kb.update().unchanged == 3 and reads == []


async def test_tui_names_a_few_shared_ids_and_counts_the_rest(
    tmp_path: Path, tui: StartTUI
) -> None:
    """Five shared ids: the warning names three, counts two and shows how such an article is
    named, in three lines instead of a screenful."""
    from tui_support import build_app, wait_ready

    root = tmp_path / "kb"
    for n in range(5):
        for project in ("openshift", "upstream"):
            folder = root / project
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"Alert{n}.md").write_text(
                f"---\ntitle: Alert {n} fires\n---\n\n## Meaning\n\nAlert {n} fired.\n",
                encoding="utf-8",
            )
    app = build_app(root, tmp_path)
    pilot = await tui(app, size=(100, 30))
    await wait_ready(pilot)
    warning = next(
        str(n.message) for n in app._notifications if "ids used by several" in str(n.title)
    )
    assert warning.startswith("Alert0, Alert1, Alert2 … and 2 more")
    assert "openshift/Alert0" in warning and "kbassist index --full" in warning
    assert warning.count("\n") <= 2 and len(warning) < 300


async def test_tui_does_not_toast_shared_ids_already_reported(
    dup_kb: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """Shared ids `kbassist index` already listed are not toasted again by a re-index."""
    from tui_support import build_app, settle, wait_ready

    listed = cli("index", str(dup_kb), "--index-dir", str(tmp_path / "index"))
    assert len(note_lines(listed, "duplicate id")) == 1
    app = build_app(dup_kb, tmp_path)
    pilot = await tui(app, size=(100, 30))
    await wait_ready(pilot)
    await pilot.press("ctrl+r")
    await settle(pilot)
    titles = [str(n.title) for n in app._notifications]
    assert "Index updated" in titles
    assert not [title for title in titles if "used by several" in title]


def test_index_summary_counts_one_article_in_the_singular() -> None:
    """ "1 article indexed", not "1 articles indexed"; many read "1,200 articles"."""
    from kbassist.search.results import UpdateReport

    assert UpdateReport(added=1).summary().startswith("1 article indexed, 1 added")
    assert UpdateReport(unchanged=1200).summary().startswith("1,200 articles indexed")
