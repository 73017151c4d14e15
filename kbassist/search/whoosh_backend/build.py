"""Building a Whoosh index: one process for a small folder, one worker per core above.

Each worker parses and indexes its own share of the files into a segment of its own;
the parent commits their segments together in one table of contents. Also: applying a
change set to the live generation, and tidying what a killed run left in one.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh import index

from kbassist.articles import FileEntry
from kbassist.errors import IndexBusyError
from kbassist.search.changes import ChangeSet, ProgressFn, manifest_entry, read_entry
from kbassist.search.results import UpdateReport
from kbassist.search.whoosh_backend.analysis import document, make_schema, path_key
from kbassist.search.whoosh_backend.damage import READ_ERRORS

if TYPE_CHECKING:
    from multiprocessing import Queue

    from whoosh.writing import SegmentWriter

#: What a build returns: the report, and the manifest entry of each file indexed.
Built = tuple[UpdateReport, dict[str, list[object]]]

log = logging.getLogger(__name__)

#: Below this many files one process builds the index; above, one worker per core.
PARALLEL_MIN_FILES = 3000
_LIMIT_MB = 2048
#: Write segments with `fastwrite` (the postings Whoosh's writer writes, as whoosh3
#: reads them back, for less CPU); the tests turn it off to compare the two.
FAST_WRITE = True


def _writer(ix: index.Index, *, pooled: bool = True, **kwargs: Any) -> SegmentWriter:
    """A Whoosh segment writer without Whoosh's own lock: write.lock is the one lock.

    `pooled`: see `fastwrite.FastSegmentWriter` (False for a commit of a few changes).

    Whoosh takes its lock first thing in the writer's constructor and releases it in
    commit() or cancel(). When the constructor itself failed (a full disk while it
    created the new segment's files) no writer came back to release it: the lock stayed
    held by an object the exception kept alive, and the next run in the same process
    (the TUI's ctrl+r) failed with Whoosh's LockError.
    """
    from whoosh.writing import SegmentWriter

    from kbassist.search.whoosh_backend.fastwrite import FastSegmentWriter

    if FAST_WRITE:
        return FastSegmentWriter(ix, pooled=pooled, _lk=False, **kwargs)
    return SegmentWriter(ix, _lk=False, **kwargs)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a build fills its posting pool.

    The pool is millions of small lists and tuples that live until the segment is
    written, and nothing a build makes forms a cycle; yet each full collection walked
    them all again: 7% of a build's CPU at 4,000 articles, more at a worker's 30,000.
    Reference counting still frees everything else; the previous state comes back after.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _index_files(
    writer: SegmentWriter,
    files: list[FileEntry],
    report: UpdateReport,
    tick: Callable[[int], None],
    root: str,
) -> dict[str, list[object]]:
    """Parse each file and add it to `writer`; the manifest entries of those indexed."""
    entries: dict[str, list[object]] = {}
    for done, file in enumerate(files, start=1):
        article = read_entry(file, report, root)
        rel, _path, info, _skip = file
        if article is not None and info is not None:
            writer.add_document(**document(article, rel))
            entries[rel] = manifest_entry(info, article)
            report.added += 1
        if done % 250 == 0:
            tick(250)
    tick(len(files) % 250)
    return entries


def _drop_postings(writer: SegmentWriter) -> None:
    """Free a committed fast writer's postings (see `_serial_build`)."""
    from kbassist.search.whoosh_backend.fastwrite import FastSegmentWriter

    if isinstance(writer, FastSegmentWriter):
        writer.drop_postings()


def _serial_build(
    ix: index.Index, files: list[FileEntry], progress: ProgressFn | None, root: str
) -> Built:
    report = UpdateReport()
    counted = [0]

    def tick(n: int) -> None:
        counted[0] += n
        if progress is not None:
            progress(counted[0], len(files))

    writer = _writer(ix, limitmb=_LIMIT_MB, compound=False)
    try:
        with _collector_paused():
            entries = _index_files(writer, files, report, tick, root)
            writer.commit()
            # Freed now, by reference counts: once the collector is back, its first
            # pass would walk every posting it never saw.
            _drop_postings(writer)
    except BaseException:
        with contextlib.suppress(Exception):
            writer.cancel()
        raise
    return report, entries


def _exit_with_parent(parent: int) -> None:
    """Stop this worker as soon as the indexer that started it is gone.

    A forked worker shares the indexer's write-lock file, so the flock stays held while
    any worker lives: after a `kill -9` of the indexer, orphaned workers went on
    indexing into a folder nobody would use (and could block for ever on a full
    queue), and every other indexer was told the index was busy.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.1)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


#: What a build worker keeps alive until it exits (see `_build_worker`).
_KEPT: list[object] = []


def _build_worker(
    gen_dir: str,
    files: list[FileEntry],
    messages: Queue[tuple[str, Any]],  # (kind, payload): see _parallel_build
    parent: int,
    root: str,
) -> None:
    """One build process: parse and index its share of files into a segment of its own.

    Parsing here, not in the parent, is what lets every core do useful work (Whoosh's
    MpWriter parses in the parent, a third busy process on a 2-core machine).
    """
    _exit_with_parent(parent)
    gc.disable()  # as `_collector_paused`: this process ends with the build
    try:
        ix = index.open_dir(gen_dir)
        writer = _writer(ix, limitmb=_LIMIT_MB, compound=False)
        report = UpdateReport()
        entries = _index_files(writer, files, report, lambda n: messages.put(("tick", n)), root)
        if writer._added:
            segment = writer._finalize_segment()
        else:
            writer._close_segment()
            segment = None
        messages.put(("done", (segment, entries, report.added, report.problems, report.warnings)))
        # The process ends here: freeing millions of postings one by one would only
        # cost CPU (3% of a build), so the writer is kept until the exit.
        _KEPT.append(writer)
    except BaseException as exc:  # reported to the parent, which raises it
        messages.put(("error", f"{type(exc).__name__}: {exc}"))


def _parallel_build(
    ix: index.FileIndex,
    files: list[FileEntry],
    workers: int,
    progress: ProgressFn | None,
    root: str,
) -> Built:
    import multiprocessing
    import queue as queue_module

    fork = "fork" in multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork") if fork else multiprocessing.get_context("spawn")
    messages = ctx.Queue()
    # Interleaved shares: neighbouring files are alike in size, so shares are balanced.
    procs = [
        ctx.Process(
            target=_build_worker,
            # Whoosh types FileIndex.storage as the Storage base; create_in's is a FileStorage.
            args=(ix.storage.folder, files[i::workers], messages, os.getpid(), root),  # type: ignore[attr-defined]
            daemon=True,
        )
        for i in range(workers)
    ]
    for proc in procs:
        proc.start()
    report = UpdateReport()
    entries: dict[str, list[object]] = {}
    segments = []
    done = 0
    finished = 0
    try:
        while finished < workers:
            try:
                kind, payload = messages.get(timeout=1.0)
            except queue_module.Empty:
                if any(p.exitcode not in (None, 0) for p in procs):
                    raise IndexBusyError("an indexing worker died; nothing was changed") from None
                continue
            if kind == "tick":
                done += payload
                if progress is not None:
                    progress(min(done, len(files)), len(files))
            elif kind == "error":
                raise IndexBusyError(f"indexing failed: {payload}")
            else:
                segment, part, added, problems, warnings = payload
                finished += 1
                if segment is not None:
                    segments.append(segment)
                entries.update(part)
                report.added += added
                report.problems.extend(problems)
                report.warnings.extend(warnings)
        for proc in procs:
            proc.join()
        writer = _writer(ix)
        writer._close_segment()
        writer._commit_toc(segments)
        writer._finish()
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.kill()
                proc.join()
    report.problems.sort(key=lambda problem: str(problem.path))
    report.warnings.sort(key=lambda problem: str(problem.path))
    return report, entries


def file_sizes(gen_dir: Path) -> dict[str, int]:
    """Size of every file the live table of contents uses, and of the manifest
    (what meta.json records, and `store.check_files` compares before each use)."""
    from whoosh.filedb.filestore import FileStorage

    toc = index.TOC.read(FileStorage(str(gen_dir)), index._DEF_INDEX_NAME)
    segments = tuple(f"{segment.segment_id()}." for segment in toc.segments)
    wanted = f"_{index._DEF_INDEX_NAME}_{toc.generation}.toc"
    sizes = {}
    for entry in os.scandir(gen_dir):
        if entry.name in (wanted, "manifest.json") or entry.name.startswith(segments):
            sizes[entry.name] = entry.stat().st_size
    return sizes


def clean_generation(gen_dir: Path) -> None:
    """Remove what a killed run left in the live generation.

    kbassist's `.*.tmp` (an atomic write cut short), Whoosh's `MAIN.tmp/` scratch folder
    and `_MAIN_<n>.toc.<stamp>` (a table of contents not yet renamed into place), and
    segment files that no table of contents uses (a commit killed before its TOC).
    Whoosh removes the last itself, but only at its next commit.
    """
    from whoosh.filedb.filestore import FileStorage

    for child in gen_dir.iterdir():
        if child.name.endswith(".tmp"):
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    child.unlink()
        elif ".toc." in child.name:
            with contextlib.suppress(OSError):
                child.unlink()
    with contextlib.suppress(*READ_ERRORS):
        storage = FileStorage(str(gen_dir))
        toc = index.TOC.read(storage, index._DEF_INDEX_NAME)
        index.clean_files(storage, index._DEF_INDEX_NAME, toc.generation, toc.segments)


def create_index(
    gen_dir: Path, files: list[FileEntry], progress: ProgressFn | None, root: str
) -> tuple[UpdateReport, dict[str, list[object]]]:
    """A new index of `files` in the empty folder `gen_dir`; (report, manifest entries)."""
    started = time.perf_counter()
    ix = index.create_in(str(gen_dir), make_schema())
    workers = min(os.cpu_count() or 1, 4)
    if len(files) >= PARALLEL_MIN_FILES and workers > 1:
        report, entries = _parallel_build(ix, files, workers, progress, root)
    else:
        workers = 1
        report, entries = _serial_build(ix, files, progress, root)
    log.info(
        "indexed %d of %d files in %.2fs (%d process%s)",
        len(entries),
        len(files),
        time.perf_counter() - started,
        workers,
        "es" if workers > 1 else "",
    )
    return report, entries


def apply_changes(gen_dir: Path, changes: ChangeSet) -> None:
    """Commit `changes` into the generation `gen_dir`: one atomic Whoosh commit."""
    if not changes:
        return
    started = time.perf_counter()
    ix = index.open_dir(str(gen_dir))
    writer = _writer(ix, pooled=False, limitmb=128, compound=False)
    try:
        for rel in changes.removed:
            writer.delete_by_term("path", path_key(rel))
        for rel, article in changes.to_write:
            writer.update_document(**document(article, rel))
        writer.commit()
    except BaseException:
        with contextlib.suppress(Exception):
            writer.cancel()
        raise
    log.info(
        "committed %d changed and %d removed articles in %.2fs",
        len(changes.to_write),
        len(changes.removed),
        time.perf_counter() - started,
    )
