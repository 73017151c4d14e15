"""The index folder on disk: its write lock, CURRENT and its generations, the manifest.

Layout of an index folder (created 0700)::

    write.lock        flock held by the one process writing; holds its pid
    CURRENT           name of the live generation, replaced atomically
    gen-<stamp>/      the engine's files, and manifest.json (path -> mtime, size, hash,
                      id, ctime, inode), folders.json (what the last scan
                      remembered of each articles folder: a cache), meta.json
                      (schema, folder, count, size of each index file), RETIRED
                      (touched when a rebuild replaced it: kept a minute for
                      readers) and DAMAGED (left by a reader that found it unreadable)

Nothing here knows the engine: what it writes into a generation is its business
(`SearchBackend.files` names the files meta.json records, `clean` tidies one).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import logging
import os
import re
import shutil
import time
import weakref
from collections.abc import Callable
from pathlib import Path

from kbassist.articles.scan import FolderStates
from kbassist.errors import IndexBusyError, OutputError
from kbassist.fileio import atomic_write
from kbassist.search.errors import IndexDamaged
from kbassist.search.folder import FD_PATHS, open_index_dir

log = logging.getLogger(__name__)

#: Seconds a second writer waits for the lock when the caller names no timeout.
LOCK_TIMEOUT = 10.0
#: Seconds a generation replaced by a full rebuild is kept for readers still using it.
RETIRED_GRACE = 60.0
#: A note left in a generation by a reader that found it unreadable: rebuild it.
DAMAGED = "DAMAGED"
#: What the last scan remembered of each articles folder (kbassist.articles.FolderStates).
FOLDERS = "folders.json"


class WriteLock:
    """One writer per index folder: an flock (freed by the kernel if the holder dies)."""

    def __init__(self, path: Path, timeout: float, shown: Path | None = None) -> None:
        self.path = path
        self.timeout = timeout
        self.shown = shown / path.name if shown is not None else path  # in messages
        self._fd: int | None = None

    def __enter__(self) -> WriteLock:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise IndexBusyError(
                f"cannot create lock file: {exc.strerror or exc}", path=self.shown
            ) from None
        deadline = time.monotonic() + self.timeout
        waited = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    os.close(fd)
                    raise IndexBusyError(f"cannot lock: {exc.strerror}", path=self.shown) from None
                if time.monotonic() >= deadline:
                    holder = self._holder(fd)
                    os.close(fd)
                    raise IndexBusyError(
                        f"index is busy: locked by {holder}; waited {self.timeout:g}s "
                        "(try again when it finishes)",
                        path=self.shown,
                    ) from None
                if not waited:
                    log.info(
                        "index is locked by %s; waiting up to %gs", self._holder(fd), self.timeout
                    )
                    waited = True
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    @staticmethod
    def _holder(fd: int) -> str:
        try:
            pid = os.pread(fd, 32, 0).decode().strip()
        except (OSError, UnicodeDecodeError):
            pid = ""
        return f"process {pid}" if pid.isdigit() else "another process"

    def __exit__(self, *exc_info: object) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
            os.close(self._fd)
            self._fd = None


def check_files(gen_dir: Path, recorded: object) -> str | None:
    """Why the generation's files differ from those meta.json recorded; None if they match.

    One scandir, no reads: a file deleted, emptied or cut short is caught here, before
    a search trips over it (meta.json from before this check records none: skipped).
    """
    if not isinstance(recorded, dict):
        return None
    try:
        present = {entry.name: entry.stat().st_size for entry in os.scandir(gen_dir)}
    except OSError as exc:
        return f"cannot list {gen_dir.name}: {exc.strerror or exc}"
    for name, size in recorded.items():
        if name not in present:
            return f"{name} missing"
        if present[name] != size:
            return f"{name} is {present[name]} bytes, not {size}"
    return None


class GenerationStore:
    """One index folder: checked before each use, its live generation, its manifest."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self._dir_fd: int | None = None  # the index folder, as checked (secure)
        self._dir_closer: weakref.finalize[[int], GenerationStore] | None = None
        self._root: Path | None = None  # the path every file of the index is read by

    # ------------------------------------------------------------- the folder

    def secure(self, *, create: bool = False) -> tuple[Path | None, bool]:
        """Check the index folder and every folder above it, again; the path to use.

        Called before every status check, write and (re)open of the index: a folder
        that became unsafe is refused at once, even in a long-lived TUI, and a folder
        replaced since the last check is read afresh. Returns (path, dropped): path
        None when there is no index folder; dropped True when the folder used before
        is gone or was replaced (nothing read from it may be kept).
        """
        opened = open_index_dir(self.index_dir, create=create)
        if opened is None:
            self.release()
            return None, True  # no folder: nothing read before may be used
        fd, real = opened
        dropped = False
        if self._dir_fd is not None:
            old, new = os.fstat(self._dir_fd), os.fstat(fd)
            if (old.st_dev, old.st_ino) == (new.st_dev, new.st_ino):
                os.close(fd)
                assert self._root is not None
                return self._root, False
            log.info("index folder %s was replaced; reading the new one", self.index_dir)
            self.release()  # another folder now: nothing read from the old one is kept
            dropped = True
        self._dir_fd = fd
        self._dir_closer = weakref.finalize(self, os.close, fd)
        self._root = Path(f"/proc/self/fd/{fd}") if FD_PATHS else Path(real)
        return self._root, dropped

    def release(self) -> None:
        """Close the index folder (the next use checks it again)."""
        if self._dir_closer is not None:
            self._dir_closer()
        self._dir_closer = None
        self._dir_fd = None
        self._root = None

    @property
    def dir(self) -> Path:
        """The checked index folder (checked now if it was not yet)."""
        root = self._root if self._root is not None else self.secure()[0]
        if root is None:
            raise IndexDamaged("no index yet")
        return root

    def shown(self, text: object) -> str:
        """`text` with the /proc/self/fd path of the folder written as the user gave it."""
        text = str(text)
        if self._root is not None:
            text = text.replace(str(self._root), str(self.index_dir))
        return text

    def lock(self, root: Path, timeout: float | None) -> WriteLock:
        """The write lock of the folder `root` (secure()'s path); LOCK_TIMEOUT if None."""
        return WriteLock(
            root / "write.lock", LOCK_TIMEOUT if timeout is None else timeout, self.index_dir
        )

    def writer_busy(self) -> bool:
        """True while another process holds the write lock."""
        try:
            fd = os.open(self.dir / "write.lock", os.O_RDONLY)
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return True
        finally:
            os.close(fd)
        return False

    # ------------------------------------------------------------- state on disk

    def current_name(self) -> str | None:
        """The live generation's name; None when there is none yet."""
        try:
            name = (self.dir / "CURRENT").read_text().strip()
        except (FileNotFoundError, NotADirectoryError):
            return None
        except (OSError, UnicodeDecodeError) as exc:
            raise IndexDamaged(f"CURRENT unreadable: {exc}") from None
        if not re.fullmatch(r"gen-[0-9a-z-]+", name):
            raise IndexDamaged("CURRENT names no generation")
        return name

    def manifest(self, gen_dir: Path) -> dict[str, list[object]]:
        """path -> [mtime_ns, size, hash, id, ctime_ns, inode] of every indexed file (big:
        read on update; entries written before ctime was kept have the first four)."""
        data = self._read_json(gen_dir / "manifest.json")
        if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
            raise IndexDamaged("manifest malformed")
        return data

    @staticmethod
    def folders(gen_dir: Path, articles: str) -> FolderStates:
        """What the last scan of `articles` remembered of its folders ({} if nothing).

        Only a cache, and one that checks itself: a folder whose ctime, mtime or inode
        moved since is listed again, so one left from any earlier scan is still right.
        Missing, unreadable or written for another folder: the scan lists everything.
        Stored flat (key, ctime, mtime, inode, files, sub-folders, key, ...): loading
        60,335 containers costs more than all the rest of it.
        """
        try:
            data = json.loads((gen_dir / FOLDERS).read_text("utf-8"))
            if not isinstance(data, dict) or data.get("articles") != articles:
                return {}
            flat = data.get("folders")
            if not isinstance(flat, list) or len(flat) % 6:
                return {}
            items = iter(flat)
            return {
                key: (ctime, mtime, ino, files, subdirs)
                for key, ctime, mtime, ino, files, subdirs in zip(*[items] * 6, strict=True)
                if type(key) is str and type(files) is str and type(subdirs) is str
            }
        except (OSError, ValueError, RecursionError):  # RecursionError: nested too deep
            return {}

    @staticmethod
    def write_folders(gen_dir: Path, articles: str, folders: FolderStates) -> None:
        """Keep what this scan remembered of the folders, for the next one (atomic).

        Best effort: without it the next scan lists every folder, as it always did.
        """
        flat: list[object] = []
        for key, state in folders.items():
            flat.append(key)
            flat.extend(state)
        data = {"articles": articles, "folders": flat}
        try:
            atomic_write(gen_dir / FOLDERS, json.dumps(data, separators=(",", ":")), overwrite=True)
        except (OSError, OutputError) as exc:
            log.info("cannot keep the folder listing cache: %s", exc)

    def meta(self, gen_dir: Path) -> dict[str, object]:
        """schema, articles folder and document count (small: read on every search)."""
        data = self._read_json(gen_dir / "meta.json")
        if not isinstance(data, dict):
            raise IndexDamaged("meta.json malformed")
        return data

    @staticmethod
    def _read_json(path: Path) -> object:
        try:
            return json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise IndexDamaged(f"{path.name} missing") from None
        except (OSError, ValueError) as exc:
            raise IndexDamaged(f"{path.name} unreadable: {exc}") from None

    @staticmethod
    def damage_note(gen_dir: Path) -> str | None:
        """What the reader that marked this generation damaged found; None if unmarked."""
        try:
            return (gen_dir / DAMAGED).read_text("utf-8", errors="replace").strip()
        except OSError:
            return None

    def mark_damaged(self, why: str) -> None:
        """Note damage found while reading, so the next status() reports it (best effort)."""
        with contextlib.suppress(IndexDamaged, OSError, OutputError):
            name = self.current_name()
            if name is not None:
                log.info("marking index generation %s damaged: %s", name, why)
                atomic_write(self.dir / name / DAMAGED, why[:500] + "\n", overwrite=True)

    def indexed_at(self) -> float | None:
        """When the live index was last written (its meta.json's mtime); None if none."""
        try:
            name = self.current_name()
            if name is None:
                return None
            return (self.index_dir / name / "meta.json").stat().st_mtime
        except (IndexDamaged, OSError):
            return None

    # ------------------------------------------------------------- writing (lock held)

    def new_generation(self) -> tuple[str, Path]:
        """A new, empty generation folder beside the live one (not live yet)."""
        name = f"gen-{time.time_ns():x}-{os.getpid()}"
        gen_dir = self.dir / name
        gen_dir.mkdir(mode=0o700)
        return name, gen_dir

    def make_current(self, name: str) -> None:
        """Retire the live generation and make `name` live: one atomic swap of CURRENT."""
        self._retire_live()
        atomic_write(self.dir / "CURRENT", name + "\n", overwrite=True)

    def _retire_live(self) -> None:
        """Mark the live generation retired, so cleanup keeps it a while for readers."""
        try:
            live = self.current_name()
        except IndexDamaged:
            return
        if live is not None:
            with contextlib.suppress(OSError):
                (self.dir / live / "RETIRED").touch()

    def write_manifest(
        self,
        gen_dir: Path,
        entries: dict[str, list[object]],
        *,
        schema: int,
        articles: str,
        files: Callable[[Path], dict[str, int]],
        shared: list[str],
    ) -> None:
        """Manifest first, meta last: a kill between them leaves a count that disagrees.

        `files` gives the size of each file the engine's live index uses (and of the
        manifest): what `check_files` compares before each use. `shared`: the case-folded
        ids several files carry, so a search names those hits without asking the engine.
        """
        atomic_write(gen_dir / "manifest.json", json.dumps(entries), overwrite=True)
        meta = {
            "schema": schema,
            "articles": articles,
            "count": len(entries),
            "files": files(gen_dir),
            "shared": shared,
        }
        atomic_write(gen_dir / "meta.json", json.dumps(meta), overwrite=True)

    def clean_leftovers(self, clean_generation: Callable[[Path], None]) -> None:
        """Drop what killed runs left behind, and retired generations (lock held).

        A generation that never went live (a rebuild killed before its CURRENT swap)
        goes at once: no reader can have it open. One retired by a rebuild is kept for
        `RETIRED_GRACE` seconds after its retirement, for readers still using it.
        `clean_generation` tidies what the engine left in a generation that stays.
        """
        try:
            live = self.current_name()
        except IndexDamaged:
            live = None
        for child in self.dir.iterdir():
            if child.name.startswith("gen-") and child.name != live:
                try:
                    retired = (child / "RETIRED").stat().st_mtime
                except OSError:
                    retired = None
                if live is None or retired is None or time.time() - retired > RETIRED_GRACE:
                    log.debug("removing old index generation %s", child.name)
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    log.debug("keeping retired generation %s for its readers", child.name)
                    clean_generation(child)
            elif child.name.startswith(".") and child.name.endswith(".tmp"):
                log.debug("removing leftover %s", child.name)
                with contextlib.suppress(OSError):
                    child.unlink()
        if live is not None:
            clean_generation(self.dir / live)
