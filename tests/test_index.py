"""The index: search quality, incremental updates, damage recovery, locking, bad queries."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kbassist.errors import DataError, IndexBusyError, NotFoundError, UsageError
from kbassist.index import KBIndex

SEED = Path(__file__).resolve().parent.parent / "articles" / "Q98097.md"


@pytest.fixture
def kb(kb_dir: Path, tmp_path: Path) -> KBIndex:
    """An index over the small test KB, built."""
    index = KBIndex(kb_dir, tmp_path / "index")
    index.update()
    return index


def ids(kb: KBIndex, text: str, **kwargs: object) -> list[str]:
    return [hit.id for hit in kb.search(text, **kwargs).hits]  # type: ignore[arg-type]


def test_symptom_words_find_the_article(kb: KBIndex) -> None:
    """Plain words as an admin types them find Q98097 first."""
    assert ids(kb, "mail server shuts down during backup")[0] == "Q98097"


def test_a_word_missing_from_the_best_article_does_not_empty_the_result(kb: KBIndex) -> None:
    """OR fallback: one absent word keeps the hit, ranked after every-word matches."""
    result = kb.search("retrospect backup zebra")
    assert [h.id for h in result.hits] == ["Q98097"]
    assert result.hits[0].full_match is False


def test_full_matches_rank_before_partial_ones(kb: KBIndex) -> None:
    """An article with every word ranks above one with only some of them."""
    result = kb.search("driver holds file open")
    assert result.hits[0].id == "KB-PRN-1"
    assert [h.full_match for h in result.hits] == [True, False]


def test_snippet_marks_query_terms(kb: KBIndex) -> None:
    """The snippet holds the query words marked as matches, found through their stems."""
    hit = kb.search("corrupting retrospect").hits[0]
    marked = {text.lower() for text, is_match in hit.snippet if is_match}
    assert "retrospect" in marked
    assert any(word.startswith("corrupt") for word in marked)


def test_field_filters(kb: KBIndex) -> None:
    """product:, section: and title: narrow the results."""
    assert ids(kb, "product:print") == ["KB-PRN-1"]
    assert set(ids(kb, "section:cause")) == {"KB-PRN-1", "KB-DNS-2"}
    assert ids(kb, "section:moreinformation") == ["Q98097"]
    assert ids(kb, "title:printer") == ["KB-PRN-1"]
    assert ids(kb, "queue", product="print server") == ["KB-PRN-1"]
    assert ids(kb, "queue", product="nothing") == []


def test_version_numbers_and_short_names(kb: KBIndex) -> None:
    """'95.x', 'windows 95' and 'ms-dos' find the article that says Windows 95.x and MS-DOS."""
    assert ids(kb, "95.x") == ["KB-DNS-2"]
    assert ids(kb, "windows 95 dns")[0] == "KB-DNS-2"
    assert ids(kb, "dos")[0] == "KB-DNS-2"


def test_phrases_and_wildcards_use_full_syntax(kb: KBIndex) -> None:
    """Quoted phrases and wildcards work (through Whoosh's own query matcher)."""
    assert ids(kb, '"spooler stops responding"') == ["KB-PRN-1"]
    assert ids(kb, '"responding spooler stops"') == []
    assert ids(kb, "retro*") == ["Q98097"]


def test_did_you_mean_even_when_other_words_match(kb: KBIndex) -> None:
    """A misspelt word is flagged even when the other words already find articles."""
    result = kb.search("retrospct backup")
    assert result.suggestion == "retrospect backup"
    assert not result.corrected
    assert result.hits[0].id == "Q98097"


def test_edit_distance_counts_a_swap_as_one_edit() -> None:
    """Swapped letters ("exchnage") are one typo, as a person counts them."""
    from kbassist.search.whoosh_backend.words import edit_distance as _edit_distance

    assert _edit_distance("exchnage", "exchange") == 1
    assert _edit_distance("printr", "printer") == 1
    assert _edit_distance("backp", "backup") == 1
    assert _edit_distance("abc", "abc") == 0


def test_did_you_mean(kb: KBIndex) -> None:
    """A misspelt word gets a suggestion, and its results when it found nothing."""
    result = kb.search("retrospct")
    assert result.suggestion == "retrospect"
    assert result.corrected
    assert [h.id for h in result.hits] == ["Q98097"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty query"),
        ("a\x00b", "NUL"),
        ("(" * 1000, "deeper"),
        ("x " * 5000, "longer than"),
        ("*", "no words"),
        ("the of and", "no words"),
        ("((((", "no words"),
    ],
)
def test_malformed_queries_raise_usage_errors(kb: KBIndex, text: str, message: str) -> None:
    """Bad queries become a clear UsageError, never a crash."""
    with pytest.raises(UsageError, match=message):
        kb.search(text)


def test_unbalanced_quotes_and_parentheses_still_search(kb: KBIndex) -> None:
    """A stray quote or parenthesis is forgiven: the words are searched."""
    assert ids(kb, '"retrospect backup') == ["Q98097"]
    assert "Q98097" in ids(kb, "(retrospect backup")


def test_get_is_case_insensitive_and_unknown_ids_fail_clearly(kb: KBIndex) -> None:
    """`q98097` finds Q98097; an unknown id raises NotFoundError naming it."""
    assert kb.get("q98097").id == "Q98097"
    with pytest.raises(NotFoundError, match="Q12345"):
        kb.get("Q12345")


def test_incremental_add_change_delete(kb: KBIndex, kb_dir: Path) -> None:
    """Re-indexing reads only what changed, and search reflects each change."""
    (kb_dir / "new.md").write_text("---\nid: NEW-1\ntitle: Fax modem squeals\n---\n## Cause\n\nx\n")
    printer = kb_dir / "printer.md"
    printer.write_text(printer.read_text().replace("spooler", "printspooler"))
    (kb_dir / "dns.md").unlink()
    report = kb.update()
    assert (report.added, report.changed, report.removed, report.unchanged) == (1, 1, 1, 1)
    assert report.rebuilt is None
    assert ids(kb, "fax modem") == ["NEW-1"]
    assert ids(kb, "printspooler") == ["KB-PRN-1"]
    assert ids(kb, "wins resolver") == []
    again = kb.update()
    assert (again.added, again.changed, again.removed, again.unchanged) == (0, 0, 0, 3)


def test_deleted_documents_in_a_kept_segment_are_not_found(kb: KBIndex, tmp_path: Path) -> None:
    """A segment still holding deleted documents (big archives keep them) is searched right."""
    from whoosh import index as whoosh_index

    gen = next((tmp_path / "index").glob("gen-*"))
    writer = whoosh_index.open_dir(str(gen)).writer()
    writer.delete_by_term("path", "printer.md")
    writer.commit(merge=False)
    fresh = KBIndex(kb.articles_dir, kb.index_dir)
    assert ids(fresh, "spooler") == []
    assert ids(fresh, "retrospect backup") == ["Q98097"]


def test_touched_but_unchanged_file_is_not_reindexed(kb: KBIndex, kb_dir: Path) -> None:
    """A new mtime with the same content counts as unchanged (hash check)."""
    path = kb_dir / "Q98097.md"
    os.utime(path, (time.time() + 100, time.time() + 100))
    report = kb.update()
    assert (report.changed, report.unchanged) == (0, 3)


def test_file_that_turns_bad_leaves_the_index(kb: KBIndex, kb_dir: Path) -> None:
    """An article overwritten with binary junk is reported and dropped from results."""
    (kb_dir / "printer.md").write_bytes(b"\x00\x01\x02")
    report = kb.update()
    assert [p.path.name for p in report.problems] == ["printer.md"]
    assert ids(kb, "spooler") == []


@pytest.mark.parametrize("damage", ["toc-deleted", "toc-garbage", "segment-truncated", "meta"])
def test_damaged_index_is_detected_and_rebuilt(kb: KBIndex, tmp_path: Path, damage: str) -> None:
    """A damaged index is reported by status() and rebuilt by ensure(), searchable again."""
    kb.close()
    gen = next((tmp_path / "index").glob("gen-*"))
    if damage == "toc-deleted":
        for toc in gen.glob("*.toc"):
            toc.unlink()
    elif damage == "toc-garbage":
        for toc in gen.glob("*.toc"):
            toc.write_bytes(b"garbage" * 10)
    elif damage == "segment-truncated":
        for seg in gen.glob("*.trm"):
            seg.write_bytes(seg.read_bytes()[:10])
    else:
        (gen / "meta.json").write_text("{not json")
    fresh = KBIndex(kb.articles_dir, kb.index_dir)
    reason = fresh.status()
    assert reason is not None and "damaged" in reason
    report = fresh.ensure()
    assert report is not None and report.rebuilt is not None
    assert fresh.status() is None
    assert ids(fresh, "retrospect")[0] == "Q98097"


def test_empty_index_folder_is_built(kb_dir: Path, tmp_path: Path) -> None:
    """An existing but empty index folder counts as missing and gets built."""
    (tmp_path / "empty-index").mkdir(mode=0o700)
    index = KBIndex(kb_dir, tmp_path / "empty-index")
    assert index.status() == "no index yet"
    index.ensure()
    assert ids(index, "retrospect") == ["Q98097"]


def test_old_schema_is_rebuilt(kb: KBIndex, tmp_path: Path) -> None:
    """An index written by another kbassist version is rebuilt, with the reason given."""
    gen = next((tmp_path / "index").glob("gen-*"))
    meta = (gen / "meta.json").read_text()
    (gen / "meta.json").write_text(meta.replace('"schema": ', '"schema": 99'))
    assert "another version" in (KBIndex(kb.articles_dir, kb.index_dir).status() or "")


def test_rebuild_keeps_readers_working(kb: KBIndex) -> None:
    """A full rebuild swaps in a new generation; an open reader then sees it, never empty."""
    assert ids(kb, "retrospect") == ["Q98097"]
    other = KBIndex(kb.articles_dir, kb.index_dir)
    other.update(full=True)
    assert ids(kb, "retrospect") == ["Q98097"]
    assert kb.doc_count() == 3


def test_missing_and_empty_articles_folders(tmp_path: Path) -> None:
    """A missing or empty articles folder is a DataError naming it."""
    with pytest.raises(DataError, match="does not exist"):
        KBIndex(tmp_path / "nope", tmp_path / "ix").update()
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataError, match=r"no \.md articles"):
        KBIndex(tmp_path / "empty", tmp_path / "ix").update()


def test_index_folder_writable_by_others_is_refused(kb_dir: Path, tmp_path: Path) -> None:
    """Whoosh unpickles its files: a group/world-writable index folder is refused."""
    folder = tmp_path / "shared-index"
    folder.mkdir()
    folder.chmod(0o777)
    with pytest.raises(IndexBusyError, match="writable by other users"):
        KBIndex(kb_dir, folder).update()


def test_new_index_folder_is_private(kb: KBIndex, tmp_path: Path) -> None:
    """The index folder is created 0700."""
    assert (tmp_path / "index").stat().st_mode & 0o777 == 0o700


def test_second_writer_waits_then_names_the_lock_holder(kb: KBIndex, tmp_path: Path) -> None:
    """While another process holds the lock, update() gives up after the timeout naming it."""
    lock = tmp_path / "index" / "write.lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl,os,sys,time\n"
            f"fd=os.open({str(lock)!r}, os.O_RDWR|os.O_CREAT)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX); os.write(fd, str(os.getpid()).encode())\n"
            "print('locked', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        kb.lock_timeout = 1.0  # the caller's setting (the CLI passes Settings.lock_timeout)
        with pytest.raises(IndexBusyError, match=f"process {holder.pid}"):
            kb.update()
    finally:
        holder.kill()
        holder.wait()
    assert kb.update().indexed == 3  # the holder died: the next run proceeds


def test_unwritable_index_folder(kb_dir: Path, tmp_path: Path) -> None:
    """An index folder that cannot be created is one clear IndexBusyError."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(IndexBusyError, match="cannot create index folder"):
        KBIndex(kb_dir, blocker / "index").update()


@pytest.fixture(scope="session")
def archive_index(archive_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> KBIndex:
    """The whole archive indexed once per test run (about a minute on 2 cores)."""
    index = KBIndex(archive_dir, tmp_path_factory.mktemp("archive-index"))
    index.update()
    return index


@pytest.mark.archive
@pytest.mark.parametrize(
    "text",
    [
        "mail server shuts down during backup",
        "retrospect remote corrupts mail data",
        "backup hangs appletalk mail server",
    ],
)
def test_archive_target_queries_find_q98097_in_top_3(archive_index: KBIndex, text: str) -> None:
    """On the full archive, each target symptom query ranks Q98097 in the top 3."""
    assert "Q98097" in ids(archive_index, text, limit=3)


@pytest.mark.archive
def test_archive_incremental_and_typo(archive_index: KBIndex, archive_dir: Path) -> None:
    """On the full archive: a no-op update changes nothing; 'retrospct' suggests retrospect."""
    report = archive_index.update()
    assert (report.added, report.changed, report.removed) == (0, 0, 0)
    assert report.unchanged == 60335
    assert archive_index.search("retrospct remote").suggestion == "retrospect remote"
    # The archive itself misspells "exchnage" a few times: still corrected.
    fixed = archive_index.search("exchnage informaton store").suggestion
    assert fixed == "exchange information store"
    assert archive_index.search("printr offline").suggestion == "printer offline"
    assert archive_index.search("mail server backup").suggestion is None
    assert archive_index.search("product:exchange backup").hits[0].product == "Microsoft Exchange"


def test_copy_of_kb_gets_its_own_index(kb_dir: Path, tmp_path: Path) -> None:
    """Index dirs are keyed by the articles folder: a copy elsewhere is indexed separately."""
    from kbassist.paths import index_dir_for

    other = tmp_path / "copy"
    shutil.copytree(kb_dir, other)
    assert index_dir_for(kb_dir) != index_dir_for(other)
