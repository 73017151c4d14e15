"""The search index: `KBIndex`, the facade the CLI and the TUI share.

The article files are the source of truth; the index is a cache of them that is always
the previous state, the new state, or detected as damaged and rebuilt.

The work is split in `kbassist.search`: the index folder, its lock and generations
(`store`, `folder`), what changed since the last run (`changes`), the query as kbassist
understands it (`query`), snippets, and a `SearchBackend` that indexes and searches
(`whoosh_backend`, the only package that imports whoosh). This module decides: when to
rebuild and when to update, and what to do when a read fails (read again after another
process's commit, mark the index damaged, or fail the one search).

Incremental updates commit into the live generation (commits are atomic: a reader sees
the old or the new table of contents). A full rebuild writes a new generation beside
the live one and swaps CURRENT, so a reader never sees an empty index. A reader whose
files a commit deleted reopens and reads again (`_reading`); status() compares the
files with meta.json before use. The README's "Reliability" section says what is
promised and which tests show it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TypeVar

from kbassist.articles import (
    Article,
    ArticleSkip,
    FileEntry,
    FolderStates,
    load_article,
    normalize_id,
    qualified_ids,
    scan_articles,
)
from kbassist.errors import (
    AmbiguousIdError,
    DataError,
    IndexBusyError,
    NotFoundError,
    OutputError,
)
from kbassist.sanitize import display_path, displayable, sanitize
from kbassist.search.backend import Ranked, SearchBackend
from kbassist.search.budget import Budget
from kbassist.search.changes import diff, duplicates, shared
from kbassist.search.errors import (
    IndexDamaged,
    SearchCancelled,
    SearchFailed,
    is_resource_error,
    search_failed,
)
from kbassist.search.query import ParsedQuery, match_products, parse_query
from kbassist.search.results import Hit, SearchResult, UpdateReport
from kbassist.search.snippets import make_snippet
from kbassist.search.store import LOCK_TIMEOUT, GenerationStore, check_files
from kbassist.search.whoosh_backend import WhooshBackend

# The schema pickled in every index names its analyzers `kbassist.index.KBAnalyzer` and
# `kbassist.index.PairAnalyzer`: unpickling looks them up here.
from kbassist.search.whoosh_backend.analysis import KBAnalyzer, PairAnalyzer

log = logging.getLogger(__name__)

#: Bump when the schema, the analyzer or the parser changes: older indexes are rebuilt.
SCHEMA_VERSION = 14

ProgressFn = Callable[[int, int], None]
_T = TypeVar("_T")
#: Reads retried when another process's commit pulled files from under them.
_READ_ATTEMPTS = 5


class KBIndex:
    """The index of one articles folder, with the operations the CLI and TUI share."""

    def __init__(
        self, articles_dir: Path, index_dir: Path, *, lock_timeout: float | None = None
    ) -> None:
        """`lock_timeout`: seconds a second writer waits for the lock (None: LOCK_TIMEOUT)."""
        self.articles_dir = Path(articles_dir).expanduser()
        self.index_dir = Path(index_dir).expanduser()
        self.lock_timeout = lock_timeout
        self._root_real = str(self.articles_dir.resolve())
        self._store = GenerationStore(self.index_dir)
        self._backend: SearchBackend = WhooshBackend(self.articles_dir)
        self._shared_cache: tuple[tuple[str, int, int, int], frozenset[str] | None] | None = None

    @property
    def _gen(self) -> str | None:
        """The generation open for reading (None when closed)."""
        return self._backend.generation

    def _secure(self, *, create: bool = False) -> Path | None:
        """The index folder, checked again (see GenerationStore.secure); a folder gone or
        replaced since the last check closes what was read from it."""
        root, dropped = self._store.secure(create=create)
        if dropped:
            self._backend.close()
        return root

    # ------------------------------------------------------------- state on disk

    def status(self) -> str | None:
        """None when the index is usable, else why it must be (re)built."""
        return self._status(writing=False)

    def _status(self, *, writing: bool) -> str | None:
        """`writing`: called by the writer, under the lock (no other writer can be busy)."""
        store = self._store
        try:
            if self._secure() is None:
                return "no index yet"
            for _attempt in range(3):
                name = store.current_name()
                if name is None:
                    return "no index yet"
                gen_dir = store.dir / name
                meta = store.meta(gen_dir)
                if meta.get("schema") != SCHEMA_VERSION:
                    return "index was built by another version of kbassist"
                if meta.get("articles") != self._root_real:
                    return "index was built for another articles folder"
                note = store.damage_note(gen_dir)
                if note is not None:
                    return f"index is damaged ({note})"
                problem = check_files(gen_dir, meta.get("files"))
                if problem is None and self.doc_count() != meta.get("count"):
                    problem = "document count differs from its manifest"
                if problem is None:
                    return None
                if writing:
                    break
                if store.writer_busy():
                    return None  # a writer between its commit and its meta.json
                if store.current_name() == name and store.meta(gen_dir) == meta:
                    break
                # A writer finished between our reads of meta.json and the files: again.
            return f"index is damaged ({problem})"
        except IndexDamaged as exc:
            return f"index is damaged ({exc})"

    def _open(self) -> SearchBackend:
        """The backend with the live generation open, reopened when another process
        swapped generations. The folder is checked again first (a few dozen µs)."""
        if self._secure() is None:
            raise IndexDamaged("no index yet")
        name = self._store.current_name()
        if name is None:
            raise IndexDamaged("no index yet")
        self._backend.open(self._store.dir / name, name, self._store.shown)
        return self._backend

    def close(self) -> None:
        """Release the searcher's open files and the index folder."""
        self._backend.close()
        self._store.release()

    # ------------------------------------------------------------- updating

    def ensure(self, progress: ProgressFn | None = None) -> UpdateReport | None:
        """Build the index if it is missing, stale or damaged; None if it was fine."""
        if self.status() is None:
            return None
        # Re-checked under the lock: a writer in another process may have just fixed it.
        return self.update(progress=progress)

    def update(
        self,
        progress: ProgressFn | None = None,
        *,
        full: bool = False,
    ) -> UpdateReport:
        """Bring the index up to date with the articles folder: incremental when it can."""
        self._check_articles_dir()
        started = time.perf_counter()
        root = self._secure(create=True)
        if root is None or not os.access(root, os.W_OK | os.X_OK):
            raise IndexBusyError("index folder is not writable", path=self.index_dir)
        with self._store.lock(root, self.lock_timeout):
            try:
                report = self._write(progress, full)
            except OutputError as exc:  # manifest.json, meta.json or CURRENT
                raise IndexBusyError(
                    f"cannot write the index: {exc.message.removeprefix('cannot write: ')}",
                    path=self._store.shown(exc.path),
                ) from None
            except OSError as exc:  # the engine's files: a full disk, a read-only mount
                raise IndexBusyError(
                    f"cannot write the index: {exc.strerror or exc}", path=self.index_dir
                ) from None
            finally:
                self.close()
        report.seconds = time.perf_counter() - started
        log.info("index of %s: %s", self.articles_dir, report.summary())
        return report

    def _write(self, progress: ProgressFn | None, full: bool) -> UpdateReport:
        """The work of update(), lock held; a failure leaves the previous state live."""
        reason = "rebuild requested" if full else self._status(writing=True)
        report = None
        if reason is None:
            try:
                report = self._incremental(progress)
            except IndexDamaged as exc:  # e.g. a manifest that cannot be read
                self.close()
                reason = f"index is damaged ({exc})"
        if report is None:
            log.info("rebuilding the index: %s", reason)
            report = self._rebuild(progress)
            report.rebuilt = reason
        self._clean_leftovers()
        return report

    def check_articles_dir(self) -> None:
        """A clear error for a missing or unreadable articles folder, before any work."""
        self._check_articles_dir()

    def _check_articles_dir(self) -> None:
        root = self.articles_dir
        if not root.exists():
            raise DataError("articles folder does not exist", path=root)
        if not root.is_dir():
            raise DataError("articles path is not a folder", path=root)
        if not os.access(root, os.R_OK | os.X_OK):
            raise DataError("articles folder is not readable", path=root)

    def _scan(self, known: FolderStates | None, record: FolderStates) -> list[FileEntry]:
        """The article files; `known`/`record`: the folders remembered (scan_articles)."""
        found = list(scan_articles(self.articles_dir, known=known, record=record))
        if not found:
            raise DataError("articles folder holds no .md articles", path=self.articles_dir)
        return found

    def _rebuild(self, progress: ProgressFn | None) -> UpdateReport:
        folders: FolderStates = {}
        files = self._scan(None, folders)
        name, gen_dir = self._store.new_generation()
        try:
            # Written and dropped before the build's workers fork (~20 MB each otherwise).
            self._store.write_folders(gen_dir, self._root_real, folders)
            del folders
            report, entries = self._backend.create(gen_dir, files, progress, self._root_real)
            report.duplicates = duplicates(entries)
            self._write_manifest(gen_dir, entries, report.duplicates)
            self._store.make_current(name)
        except BaseException:
            shutil.rmtree(gen_dir, ignore_errors=True)
            raise
        return report

    def _write_manifest(
        self,
        gen_dir: Path,
        entries: dict[str, list[object]],
        duplicated: list[tuple[str, list[str]]],
    ) -> None:
        self._store.write_manifest(
            gen_dir,
            entries,
            schema=SCHEMA_VERSION,
            articles=self._root_real,
            files=self._backend.file_sizes,
            shared=sorted({normalize_id(article_id) for article_id, _paths in duplicated}),
        )

    def _incremental(self, progress: ProgressFn | None) -> UpdateReport:
        name = self._store.current_name()
        assert name is not None
        gen_dir = self._store.dir / name
        old = self._store.manifest(gen_dir)
        known = self._store.folders(gen_dir, self._root_real)
        folders: FolderStates = {}
        files = self._scan(known, folders)
        changes = diff(old, files, self._root_real, progress)
        self._backend.apply(gen_dir, changes)
        if folders != known:
            self._store.write_folders(gen_dir, self._root_real, folders)
        report = changes.report
        report.duplicates = duplicates(changes.entries)
        with contextlib.suppress(IndexDamaged):
            recorded = self._store.meta(gen_dir).get("shared")
            if isinstance(recorded, list):
                report.shared_before = frozenset(str(key) for key in recorded)
        if changes.entries != old:
            self._write_manifest(gen_dir, changes.entries, report.duplicates)
        if progress is not None:
            progress(len(files), len(files))
        return report

    def _clean_leftovers(self) -> None:
        """Drop what killed runs left behind, and retired generations (lock held)."""
        self._store.clean_leftovers(self._backend.clean)

    # ------------------------------------------------------------- reading

    def _reading(self, read: Callable[[], _T]) -> _T:
        """Run `read`; again on a fresh reader if another process's commit got in the way.

        A commit deletes the files of the segments it merged away at once. A reader
        opened just before reads some of them lazily (stored fields, field lengths) and
        fails: FileNotFoundError, or a TypeError from a column that is gone. When the
        index on disk has moved on since this reader opened it, that is a race, not
        damage: reopen and read again. When it has not, the index is damaged; unless
        the error is not one of unreadable files (`is_damage`): running out of memory,
        or a TypeError in query code, fails this read with one line and marks nothing.
        """
        backend = self._backend
        for attempt in range(_READ_ATTEMPTS):
            try:
                return read()
            except backend.read_errors as exc:
                if is_resource_error(exc) or not (backend.is_damage(exc) or self._moved_on(exc)):
                    self.close()
                    raise search_failed(exc) from None
                # The first failure always gets a fresh reader: under load, a commit can
                # delete files between our open and our read before the newer table of
                # contents is visible to us. Real damage fails again on the fresh reader.
                if attempt > 0 and not self._moved_on(exc):
                    self.close()
                    why = self._store.shown(f"{type(exc).__name__}: {exc}")
                    self._store.mark_damaged(why)
                    raise IndexDamaged(
                        f"index files unreadable ({why}); the next run rebuilds the index"
                    ) from exc
                log.debug(
                    "read failed (%s: %s); reading again on a fresh reader", type(exc).__name__, exc
                )
                self.close()
                time.sleep(0.01 * attempt)
        raise IndexDamaged("the index kept changing while it was read; try again")

    def _moved_on(self, exc: BaseException) -> bool:
        """True when another process committed or swapped generations since we opened."""
        backend = self._backend
        if not backend.reading:
            return isinstance(exc, FileNotFoundError)  # opening raced a commit
        errors: tuple[type[BaseException], ...] = (IndexDamaged, *backend.read_errors)
        try:
            return self._store.current_name() != backend.generation or backend.stale()
        except errors:
            return True

    def doc_count(self) -> int:
        return self._reading(lambda: self._open().doc_count())

    def indexed_at(self) -> float | None:
        """When the live index was last written (its meta.json's mtime), None if there
        is none: the TUI's first screen says how fresh the index is."""
        return self._store.indexed_at()

    def products(self) -> list[str]:
        """Every product named in the KB, in its own casing, for the product filter."""
        return self._reading(lambda: sorted(self._open().facets().values(), key=str.casefold))

    def match_products(self, text: str) -> list[str]:
        """The product names (own casing) the filter `text` picks: see `match_products`."""
        return self._reading(
            lambda: [
                names[term]
                for names in [self._open().facets()]
                for term in match_products(names, text)
            ]
        )

    def titles(self) -> list[tuple[str, str]]:
        """(ref, title) of every article, for the command palette.

        The ref is what `get` takes to open it: the id, or for an id several articles
        share, the article's path below the articles folder.
        """
        rows = self._reading(lambda: self._open().titles())
        keys = [normalize_id(article_id) for article_id, _rel, _title in rows]
        common = shared(keys)
        if common:  # as in find_path: copies of one path are one article
            paths = {(key, rel) for key, (_id, rel, _title) in zip(keys, rows, strict=True)}
            common = shared([key for key, _rel in paths])
        return [
            (displayable(rel) if key in common else article_id, title)
            for key, (article_id, rel, title) in zip(keys, rows, strict=True)
        ]

    def find_path(self, ref: str) -> Path:
        """The file of an article named by `ref`: its id (any case), else its path below
        the articles folder (`team/notes.md`, `team/notes`; absolute paths inside it too).

        NotFoundError if nothing matches; AmbiguousIdError, naming each candidate, when
        several articles have that id (never one picked at random: it shadowed the other).
        """
        key = normalize_id(displayable(ref))  # ids are stored without surrogates
        docs = self._reading(lambda: self._open().paths_of(key))
        if len(docs) == 1:
            return self.articles_dir / docs[0][0]
        if docs:
            candidates = sorted(docs)
            short = displayable(ref).strip()
            names = qualified_ids([(rel, short) for rel, _title in candidates])
            listed = ", ".join(
                f"{sanitize(names[rel])} = {display_path(rel)} ({title!r})"
                if names[rel] != rel.removesuffix(".md")
                else f"{display_path(rel)} ({title!r})"
                for rel, title in candidates
            )
            raise AmbiguousIdError(
                f"{len(docs)} articles have the id {sanitize(displayable(ref))!r}: {listed}; "
                "name one by its folder-qualified id or its path",
                candidates=[(displayable(rel), title) for rel, title in candidates],
            )
        for rel in self._path_refs(ref):
            if self._reading(partial(self._has_path, rel)):
                return self.articles_dir / rel
        qualified = self._qualified_ref(ref)
        if qualified is not None:
            return qualified
        with contextlib.suppress(OSError, ValueError):
            path = Path(ref).expanduser()
            if path.suffix == ".md" and path.is_file():
                # a file the admin points at, in another folder: say how to open that folder
                raise NotFoundError(
                    f"{display_path(path)} is not in the knowledge base "
                    f"{display_path(self.articles_dir)}: give its folder with --articles "
                    f"{display_path(path.parent.resolve())}"
                )
        raise NotFoundError(
            f"no article with id {sanitize(displayable(ref))!r} in "
            f"{display_path(self.articles_dir)}"
        )

    def _has_path(self, rel: str) -> bool:
        """Whether the open index holds `rel`: a bound method, so `_reading` can retry it."""
        return self._open().has_path(rel)

    def _qualified_ref(self, ref: str) -> Path | None:
        """The file a folder-qualified id (`openshift/etcdMembersDown`) names: one of the
        articles sharing the id after the last `/` (see articles.qualified_ids)."""
        folder, _slash, short = displayable(ref).strip().rpartition("/")
        if not folder or not short:
            return None
        docs = self._reading(lambda: self._open().paths_of(normalize_id(short)))
        if len(docs) < 2:
            return None
        names = qualified_ids([(rel, short) for rel, _title in docs])
        for rel, name in names.items():
            if normalize_id(name) == normalize_id(ref.strip()):
                return self.articles_dir / rel
        return None

    def _path_refs(self, ref: str) -> list[str]:
        """The paths below the articles folder that `ref` may mean (with `.md` added)."""
        ref = ref.strip()
        if not ref or "\x00" in ref:
            return []
        if os.path.isabs(ref):
            for base in (os.path.abspath(self.articles_dir), self._root_real):
                rel = os.path.relpath(ref, base)
                if not rel.startswith(".."):
                    break
            else:
                return []
        else:
            rel = os.path.normpath(ref)
        rel = rel.replace(os.sep, "/")
        if rel in (".", "..") or rel.startswith("../"):
            return []
        return [rel] if rel.lower().endswith(".md") else [rel, f"{rel}.md"]

    def get(self, ref: str) -> Article:
        """Load an article by id or path (see find_path) from its file, the source of truth.

        The file must still be inside the articles folder when it is opened: one swapped
        for a symlink out of it since indexing is refused (DataError).
        """
        path = self.find_path(ref)
        try:
            article = load_article(path, self._root_real)
        except ArticleSkip as exc:
            raise DataError(str(exc), path=path) from None
        # An id another file shares is named as the scan names it (folder-qualified), so
        # what cites the article (a drafted tree, a session, an export) finds this one.
        docs = self._reading(lambda: self._open().paths_of(normalize_id(article.id)))
        if len(docs) > 1:
            rel = path.relative_to(self.articles_dir).as_posix()
            names = qualified_ids([(other, article.id) for other, _title in docs])
            article = replace(article, id=names.get(rel, article.id))
        return article

    def search(
        self,
        text: str,
        *,
        limit: int = 20,
        product: str | None = None,
        snippets: bool = True,
        suggest: bool = True,
        cancelled: Callable[[], bool] | None = None,
    ) -> SearchResult:
        """Ranked hits for a symptom as an admin types it.

        Articles holding every word rank first; articles missing a word follow, damped
        by how much of the query they miss. `cancelled` is polled while a slow search
        runs: once it returns True the search stops with SearchCancelled, so a newer
        search never waits for an older one.
        """
        parsed = parse_query(text)
        limit = max(1, min(limit, 1000))
        budget = Budget(cancelled)
        try:
            ranked, suggestion = self._reading(
                lambda: self._ranked(parsed, limit, product, suggest, snippets, budget)
            )
            hits = ranked.hits
            if not hits and suggestion:
                # Nothing for the misspelling: show what the correction finds, and say so.
                corrected = self.search(
                    suggestion,
                    limit=limit,
                    product=product,
                    snippets=snippets,
                    suggest=False,
                    cancelled=cancelled,
                )
                corrected.suggestion = suggestion
                corrected.corrected = True
                corrected.query = parsed.text
                return corrected
            budget.check()
            if snippets:
                hits = [
                    replace(hit, snippet=make_snippet(source, ranked.marks))
                    for hit, source in zip(hits, ranked.sources, strict=True)
                ]
            hits = self._reading(lambda: self._qualified_hits(hits))
        except (MemoryError, RecursionError) as exc:
            self.close()
            raise search_failed(exc) from None
        return SearchResult(
            query=parsed.text,
            hits=hits,
            total=ranked.total,
            suggestion=suggestion,
            products=self.match_products(product) if product else [],
            notices=budget.notices(),
        )

    def _qualified_hits(self, hits: list[Hit]) -> list[Hit]:
        """The hits, each whose id another article shares named by its folder-qualified
        id (`openshift/etcdMembersDown`): the id a hit shows is one `show` accepts."""
        backend = self._open()
        # An index whose meta.json lists no shared ids (edited by hand) asks of every hit.
        shared = self._shared_ids()
        named = []
        for hit in hits:
            if shared is not None and normalize_id(hit.id) not in shared:
                named.append(hit)
                continue
            docs = backend.paths_of(normalize_id(hit.id))
            if len(docs) > 1 and hit.ref:
                names = qualified_ids([(rel, hit.id) for rel, _title in docs])
                hit = replace(hit, id=names.get(hit.ref, hit.id))
            named.append(hit)
        return named

    def _shared_ids(self) -> frozenset[str] | None:
        """The ids several files carry in the open generation, as its meta.json records
        them (read again only when that file changed: an incremental run rewrites it in
        the same generation); None for an index written before it recorded them."""
        name = self._backend.generation
        if name is None:
            return None
        try:
            info = os.stat(self._store.dir / name / "meta.json")
        except OSError:
            return None
        stamp = (name, info.st_mtime_ns, info.st_size, info.st_ino)
        if self._shared_cache is not None and self._shared_cache[0] == stamp:
            return self._shared_cache[1]
        shared: frozenset[str] | None = None
        with contextlib.suppress(IndexDamaged):
            recorded = self._store.meta(self._store.dir / name).get("shared")
            if isinstance(recorded, list):
                shared = frozenset(str(key) for key in recorded)
        self._shared_cache = (stamp, shared)
        return shared

    def _ranked(
        self,
        parsed: ParsedQuery,
        limit: int,
        product: str | None,
        suggest: bool,
        snippets: bool,
        budget: Budget,
    ) -> tuple[Ranked, str | None]:
        """The backend's hits, and its "did you mean" (cheap unless a word is unknown)."""
        budget.check()
        backend = self._open()
        ranked = backend.search(
            parsed, limit=limit, product=product, snippets=snippets, budget=budget
        )
        suggestion = backend.near_words(parsed.text) if suggest else None
        return ranked, suggestion


__all__ = [
    "LOCK_TIMEOUT",
    "SCHEMA_VERSION",
    "Hit",
    "IndexDamaged",
    "KBAnalyzer",
    "KBIndex",
    "PairAnalyzer",
    "SearchCancelled",
    "SearchFailed",
    "SearchResult",
    "UpdateReport",
    "make_snippet",
    "match_products",
]
