"""What changed in the articles folder since the last index run: a change set.

The manifest (path -> [mtime_ns, size, hash, id, ctime_ns, inode]) says what was
indexed; `diff` compares it with a fresh scan, reading only the files that may have
changed, and returns what an engine must add, replace and remove.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kbassist.articles import (
    MISSING,
    Article,
    ArticleSkip,
    FileEntry,
    Problem,
    content_hash,
    load_article,
    read_text,
)
from kbassist.search.results import UpdateReport

ProgressFn = Callable[[int, int], None]


@dataclass(slots=True)
class ChangeSet:
    """What an incremental update must do, and the manifest it leaves."""

    #: (path below the articles folder, its article) to add or replace.
    to_write: list[tuple[str, Article]] = field(default_factory=list)
    #: Paths below the articles folder no longer there (or no longer articles).
    removed: list[str] = field(default_factory=list)
    #: The manifest after the update.
    entries: dict[str, list[object]] = field(default_factory=dict)
    report: UpdateReport = field(default_factory=UpdateReport)

    def __bool__(self) -> bool:
        return bool(self.to_write or self.removed)


def diff(
    old: dict[str, list[object]],
    files: list[FileEntry],
    root: str,
    progress: ProgressFn | None = None,
) -> ChangeSet:
    """Compare the manifest `old` with a scan: what to add, replace and remove.

    `root` is the resolved articles folder (every read is checked to stay inside it).
    """
    changes = ChangeSet()
    report = changes.report
    entries = changes.entries
    for done, file in enumerate(files, start=1):
        rel, _path, info, _skip = file
        previous = old.get(rel)
        if (
            previous is not None
            and info is not None
            and previous[0] == info.st_mtime_ns
            and previous[1] == info.st_size
        ):
            if (
                len(previous) == 6
                and previous[4] == info.st_ctime_ns
                and previous[5] == info.st_ino
            ):
                entries[rel] = previous
                report.unchanged += 1
                continue
            # Same mtime and size, but ctime or inode moved (a chmod, or an edit of
            # the same length with its mtime put back): the content hash decides,
            # without parsing. An index from before ctime was kept passes here once.
            if same_content(file, previous, root):
                entries[rel] = [*previous[:4], info.st_ctime_ns, info.st_ino]
                report.unchanged += 1
                continue
        article = read_entry(file, report, root)
        if article is None or info is None:
            continue
        entries[rel] = manifest_entry(info, article)
        if previous is not None and previous[2] == article.content_hash:
            report.unchanged += 1  # touched, not changed: no re-index needed
        else:
            changes.to_write.append((rel, article))
            if previous is None:
                report.added += 1
            else:
                report.changed += 1
        if progress is not None and done % 500 == 0:
            progress(done, len(files))
    changes.removed = [rel for rel in old if rel not in entries]
    report.removed = len(changes.removed)
    return changes


def duplicates(entries: dict[str, list[object]]) -> list[tuple[str, list[str]]]:
    """(id, paths) of each id (compared case-insensitively) that several files claim."""
    ids = [entry[3] for entry in entries.values()]
    if len(set(map(str.casefold, map(str, ids)))) == len(ids):
        return []  # the usual case, at C speed: a no-op run over 60,335 files pays ~5 ms
    keys = [str(article_id).casefold() for article_id in ids]
    by_key: dict[str, list[str]] = {}
    for key, rel in zip(keys, entries, strict=True):
        by_key.setdefault(key, []).append(rel)
    return sorted(
        (str(entries[rels[0]][3]), sorted(rels)) for rels in by_key.values() if len(rels) > 1
    )


def shared(keys: list[str]) -> set[str]:
    """The keys that occur more than once."""
    if len(set(keys)) == len(keys):
        return set()
    return {key for key, count in Counter(keys).items() if count > 1}


def manifest_entry(info: os.stat_result, article: Article) -> list[object]:
    """What the manifest keeps of an indexed file to tell, cheaply, that it changed.

    mtime and size alone miss an edit of the same length whose mtime was put back
    (`tar --mtime=...`, `cp -p`, `rsync -t`); the inode's change time and number cannot be
    set by a user, so a file that kept them all is the file that was indexed.
    """
    return [
        info.st_mtime_ns,
        info.st_size,
        article.content_hash,
        article.id,
        info.st_ctime_ns,
        info.st_ino,
    ]


def read_entry(file: FileEntry, report: UpdateReport, root: str) -> Article | None:
    """The article in a scanned file, or None with the reason added to `report`.

    `root` (the resolved articles folder) is checked again on the open file: a link
    swapped in after the scan still cannot lead out of the folder.
    """
    _rel, path, info, skip = file
    if skip or info is None:
        report.problems.append(Problem(Path(path), skip or MISSING))
        return None
    try:
        article = load_article(path, root)
    except ArticleSkip as exc:
        report.problems.append(Problem(Path(path), str(exc)))
        return None
    for warning in article.warnings:
        report.warnings.append(Problem(Path(path), warning))
    return article


def same_content(file: FileEntry, previous: list[object], root: str) -> bool:
    """True when the file still holds the bytes its manifest entry was hashed from."""
    _rel, path, _info, _skip = file
    try:
        _text, data = read_text(Path(path), root)
    except ArticleSkip:
        return False  # the full read reports why
    return content_hash(data) == previous[2]
