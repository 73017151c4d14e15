"""Re-indexing lists only the folders that changed; what it finds is what a full listing finds."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import kbassist.articles.scan
from kbassist.articles import FolderStates, scan_articles
from kbassist.index import KBIndex


def article(folder: Path, name: str, word: str) -> Path:
    """One article, `word` in its body, in `folder` (created)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"---\nid: {word.upper()}\ntitle: About {word}\n---\n\nThe {word} broke.\n")
    return path


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """kb/NNN/QNNNNN/README.md, as the MS KB archive is laid out: 3 x 3 articles."""
    root = tmp_path / "kb"
    for group in range(3):
        for n in range(3):
            article(root / f"00{group}" / f"Q{group}0{n}", "README.md", f"thing{group}{n}")
    return root


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Folders count as settled at once (the tests edit faster than the 2 s a user waits)."""
    monkeypatch.setattr(kbassist.articles.scan, "SETTLE_NS", -10_000_000_000, raising=False)


@pytest.fixture
def listed(monkeypatch: pytest.MonkeyPatch, archive: Path) -> Iterator[list[str]]:
    """The folders below the archive that os.scandir was asked to list (collected)."""
    calls: list[str] = []
    real = os.scandir
    inside = str(archive)

    def counting(path: str = ".") -> object:
        text = os.fsdecode(path) if not isinstance(path, int) else ""
        if text == inside or text.startswith(inside + os.sep):
            calls.append(os.path.relpath(text, inside))
        return real(path)

    monkeypatch.setattr(os, "scandir", counting)
    yield calls


def indexed(index_dir: Path) -> list[str]:
    """The paths the live index holds (its manifest's keys), sorted."""
    live = (index_dir / "CURRENT").read_text().strip()
    return sorted(json.loads((index_dir / live / "manifest.json").read_text()))


def rebuilt(root: Path, index_dir: Path) -> list[str]:
    """The paths a full rebuild (which lists every folder, remembering nothing) indexes."""
    shutil.rmtree(index_dir, ignore_errors=True)
    KBIndex(root, index_dir).update(full=True)
    return indexed(index_dir)


def tick() -> None:
    """Past the filesystem's timestamp tick, so the next change gets a new ctime."""
    time.sleep(0.05)


def test_an_edit_re_indexes_without_listing_the_unchanged_folders(
    archive: Path, tmp_path: Path, settled: None, listed: list[str]
) -> None:
    """Changing one article's text lists no folder: the known files are only stat-ed."""
    kb = KBIndex(archive, tmp_path / "index")
    kb.update()
    tick()
    with (archive / "001" / "Q101" / "README.md").open("a") as handle:
        handle.write("\nThe zeppelin also broke.\n")
    listed.clear()
    report = KBIndex(archive, tmp_path / "index").update()
    assert listed == []
    assert (report.changed, report.added, report.removed) == (1, 0, 0)
    assert [hit.id for hit in KBIndex(archive, tmp_path / "index").search("zeppelin").hits] == [
        "THING11"
    ]


Step = Callable[[Path, Path], None]


def _add_file(root: Path, _outside: Path) -> None:
    article(root / "000" / "Q000", "extra.md", "added")


def _remove_file(root: Path, _outside: Path) -> None:
    (root / "001" / "Q100" / "README.md").unlink()


def _rename_file(root: Path, _outside: Path) -> None:
    (root / "002" / "Q200" / "README.md").rename(root / "002" / "Q200" / "renamed.md")


def _new_subfolder(root: Path, _outside: Path) -> None:
    article(root / "002" / "Q299" / "deeper", "README.md", "nested")


def _removed_subfolder(root: Path, _outside: Path) -> None:
    shutil.rmtree(root / "001" / "Q102")


def _swapped_for_outside_link(root: Path, outside: Path) -> None:
    (root / "000" / "Q001" / "README.md").unlink()
    (root / "000" / "Q001" / "README.md").symlink_to(outside)


def _inside_link(root: Path, _outside: Path) -> None:
    (root / "000" / "alias.md").symlink_to(root / "002" / "Q201" / "README.md")


def _special_file(root: Path, _outside: Path) -> None:
    os.mkfifo(root / "002" / "Q202" / "pipe.md")


def _new_top_folder(root: Path, _outside: Path) -> None:
    article(root / "003" / "Q300", "README.md", "fresh")


#: (what changes, the folders that must be listed again to see it)
STEPS: list[tuple[Step, list[str]]] = [
    (_add_file, ["000/Q000"]),
    (_remove_file, ["001/Q100"]),
    (_rename_file, ["002/Q200"]),
    (_new_subfolder, ["002", "002/Q299", "002/Q299/deeper"]),
    (_removed_subfolder, ["001"]),
    (_swapped_for_outside_link, ["000/Q001"]),
    (_inside_link, ["000"]),
    (_special_file, ["002/Q202"]),
    (_new_top_folder, [".", "003", "003/Q300"]),
]


def test_each_kind_of_change_is_seen_by_listing_only_its_folder(
    archive: Path, tmp_path: Path, settled: None, listed: list[str]
) -> None:
    """Added, removed, renamed files, new and removed sub-folders, links, special files: the
    index holds what a full listing finds, and only the changed folders were listed."""
    outside = tmp_path / "secret.md"
    outside.write_text("---\nid: SECRET\ntitle: Secret\n---\n\ntop secret\n")
    index_dir = tmp_path / "index"
    KBIndex(archive, index_dir).update()
    KBIndex(archive, index_dir).update()  # settles the folders the build listed
    for step, folders in STEPS:
        tick()
        step(archive, outside)
        listed.clear()
        report = KBIndex(archive, index_dir).update()
        changed = sorted(set(listed))
        # A folder holding a link is never remembered: it is listed every time.
        relisted = [folder for folder in changed if folder not in ("000", "000/Q001")]
        expected = [f for f in folders if f not in ("000", "000/Q001")]
        assert relisted == expected, step.__name__
        assert indexed(index_dir) == rebuilt(archive, tmp_path / "fresh"), step.__name__
        problems = {p.path.name: p.message for p in report.problems}
        if step is _swapped_for_outside_link:
            assert "outside the articles folder" in problems["README.md"]
        if step is _special_file:
            assert problems["pipe.md"] == "not a regular file"
    kb = KBIndex(archive, index_dir)
    assert "secret" not in " ".join(hit.id.lower() for hit in kb.search("top secret").hits)
    assert [hit.id for hit in kb.search("nested").hits] == ["NESTED"]


def test_a_folder_changed_just_before_a_scan_is_listed_again(archive: Path) -> None:
    """Folders changed within 2 s of a scan are not remembered (a coarse clock could
    hide a second change in the same second); older ones are."""
    fresh: FolderStates = {}
    scan_articles(archive, record=fresh)
    assert fresh == {}
    kbassist.articles.scan.SETTLE_NS, saved = -10_000_000_000, kbassist.articles.scan.SETTLE_NS
    try:
        older: FolderStates = {}
        scan_articles(archive, record=older)
    finally:
        kbassist.articles.scan.SETTLE_NS = saved
    assert sorted(older) == ["", "000/", "000/Q000/", "000/Q001/", "000/Q002/", "001/",
                             "001/Q100/", "001/Q101/", "001/Q102/", "002/", "002/Q200/",
                             "002/Q201/", "002/Q202/"]  # fmt: skip
    assert older["000/Q000/"][3:] == ("README.md", "")
    assert older["000/"][3:] == ("", "Q000/Q001/Q002")


def _leading_out(data: dict[str, Any]) -> str:
    """The remembered folder 000/Q000/ made to name ../../secret.md and a NUL name."""
    flat = data["folders"]
    at = flat.index("000/Q000/")
    flat[at + 4] = "../../secret.md"
    at = flat.index("000/Q001/")
    flat[at + 4] = "READ\x00ME.md"
    return json.dumps(data)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda data: "not json {",
        lambda data: "[" * 100_000,
        lambda data: json.dumps({**data, "articles": "/elsewhere"}),
        lambda data: json.dumps({**data, "folders": data["folders"][:-1]}),
        _leading_out,
    ],
    ids=["garbage", "nested-too-deep", "another-folder", "cut-short", "names-leading-out"],
)
def test_a_damaged_or_foreign_folder_cache_is_ignored(
    archive: Path, tmp_path: Path, settled: None, tamper: Callable[[dict[str, Any]], str]
) -> None:
    """A folders.json that is unreadable, for another folder, or names paths leading out is
    not trusted: the folders are listed, and nothing outside the KB is indexed."""
    (tmp_path / "secret.md").write_text("---\nid: SECRET\ntitle: Secret\n---\n\ntop secret\n")
    index_dir = tmp_path / "index"
    KBIndex(archive, index_dir).update()
    live = index_dir / (index_dir / "CURRENT").read_text().strip()
    cache = live / "folders.json"
    cache.write_text(tamper(json.loads(cache.read_text())))
    report = KBIndex(archive, index_dir).update()
    assert report.problems == []
    assert indexed(index_dir) == rebuilt(archive, tmp_path / "fresh")
    assert not KBIndex(archive, index_dir).search("secret").hits
