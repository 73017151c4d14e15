"""Atomic writes: a reader, or a crash, sees the old file or the whole new one.

Only regular files are ever replaced. A device node, a FIFO, a socket or a folder
at the target is refused (`--force` or not): replacing `/dev/null` with a checklist
breaks the machine. A symbolic link is refused too rather than written through: a
link planted in a shared folder must not aim a root's `--force` at a file elsewhere
(`/etc/...`), and replacing the link itself would leave the real file stale. The
admin names the real file instead.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from kbassist.errors import OutputError


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable; some filesystems refuse, which is fine."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _new_file_mode() -> int:
    """0666 less the umask: what open() would have given a new file (mkstemp gives 0600)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


#: A temp file of ours this old was left by a write that was killed before its rename.
STALE_TEMP_SECONDS = 60.0


def _remove_stale_temps(directory: Path, name: str) -> None:
    """Remove the hidden temp files killed writes of `name` left beside it.

    A kill between the temp write and the rename leaves the target intact and a
    `.NAME.xxxxxxxx.tmp` next to it; the next write of the same file removes those
    older than a minute (a younger one may be another process's write in progress).
    """
    pattern = re.compile(re.escape(f".{name[:40]}.") + r"[a-z0-9_]{8}\.tmp")
    now = time.time()
    try:
        entries = [entry for entry in os.scandir(directory) if pattern.fullmatch(entry.name)]
    except OSError:
        return
    for entry in entries:
        with contextlib.suppress(OSError):
            if now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS:
                os.unlink(entry.path)


_KINDS = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


def _existing_kind(path: Path) -> str | None:
    """What is at `path` without following a link: None if nothing, "file" if a regular
    file; OutputError for anything that must not be replaced."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"cannot check: {exc.strerror or exc}", path=path) from None
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISLNK(mode):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        raise OutputError(
            f"is a symbolic link (to {target}); kbassist does not write through links: "
            "name the file itself",
            path=path,
        )
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise OutputError(f"is {kind}, not a regular file; kbassist never replaces it", path=path)


def check_output_path(path: Path) -> None:
    """Refuse, before any byte is written, names that cannot be files and targets that
    must never be replaced (devices, FIFOs, sockets, symbolic links).

    A folder is left to the caller, which can say more ("add a file name");
    `atomic_write` refuses it in any case.
    """
    text = str(path)
    if "\x00" in text:
        raise OutputError("file name contains a NUL byte", path=text.replace("\x00", "\\0"))
    if len(path.name.encode()) > 255:
        raise OutputError("file name is longer than 255 bytes", path=path)
    if not os.path.isdir(path) or os.path.islink(path):
        _existing_kind(path)


def check_may_write(path: Path, *, overwrite: bool) -> None:
    """Refuse, before any work, a target `atomic_write` would refuse: a bad name, a
    file that is not regular (a folder too), or an existing file without overwrite."""
    check_output_path(path)
    if _existing_kind(path) is not None and not overwrite:
        raise OutputError("file exists (use --force to overwrite)", path=path)


def _link_new(tmp_name: str, path: Path) -> bool:
    """Put the temp file at `path` only if nothing is there (a hard link fails with
    EEXIST instead of replacing). True if linked; False if this filesystem has no hard
    links (the caller renames instead); OutputError if `path` appeared meanwhile."""
    try:
        os.link(tmp_name, path)
    except FileExistsError:
        raise OutputError("file exists (use --force to overwrite)", path=path) from None
    except OSError as exc:
        if exc.errno in (
            errno.EPERM,
            errno.EOPNOTSUPP,
            errno.ENOTSUP,
            errno.EXDEV,
            errno.EMLINK,
            errno.ENOSYS,
        ):
            return False
        raise
    return True


def atomic_write(
    path: Path, data: str | bytes, *, overwrite: bool = False, mode: int | None = None
) -> None:
    """Write `data` to `path` through a temp file, fsync and rename.

    `overwrite=False` refuses an existing file (the user must pass --force or confirm),
    also when it appears while the data is written. Only a regular file is replaced:
    see the module docstring.
    `mode` fixes the permissions (0600 for private files); by default an existing file
    keeps its own and a new one gets the umask's.
    Any OSError becomes one OutputError naming the path; the old file is left intact.
    """
    path = Path(path)
    check_may_write(path, overwrite=overwrite)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = path.parent if str(path.parent) else Path(".")
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        # Again, just before the rename: the target may have changed while we wrote.
        exists = _existing_kind(path) is not None
        if exists and not overwrite:
            raise OutputError("file exists (use --force to overwrite)", path=path)
        with contextlib.suppress(OSError):
            # Keep an existing file's permissions; a new one gets the usual umask ones.
            if mode is None:
                mode = os.lstat(path).st_mode & 0o777 if exists else _new_file_mode()
            os.chmod(tmp_name, mode)
        if overwrite or not _link_new(tmp_name, path):
            os.replace(tmp_name, path)
        else:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
        tmp_name = None
        _fsync_dir(directory)
        _remove_stale_temps(directory, path.name)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=path) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
