"""The index folder, opened safely: every folder from / checked, links followed by hand.

What is checked is what is used: the folder is kept open as a file descriptor and its
files are read through /proc/self/fd/N.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from kbassist.errors import IndexBusyError

#: The engine (Whoosh) unpickles its table of contents (and stored fields): whoever can change the
#: index folder, or any folder above it, can run code as the user who searches. A
#: folder is safe when only its owner can change it, or it is sticky (a user may then
#: replace only their own entries, as in /tmp), and that owner is the user or root.
_TRUSTED_UIDS = frozenset({0, os.getuid()}) if hasattr(os, "getuid") else frozenset()
_SYMLINK_LIMIT = 40
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
#: Files in the index are read through /proc/self/fd/N, N the folder opened and checked
#: here: a folder renamed or swapped after the check is never the one read.
FD_PATHS = os.path.isdir("/proc/self/fd")


def _owner(uid: int) -> str:
    try:
        import pwd

        return f"{pwd.getpwuid(uid).pw_name} (uid {uid})"
    except (ImportError, KeyError):
        return f"uid {uid}"


def _unsafe_above(info: os.stat_result, shown: str, index_dir: Path) -> IndexBusyError | None:
    """Why a folder above the index lets another user swap it; None when it does not."""
    if info.st_uid not in _TRUSTED_UIDS:
        return IndexBusyError(
            f"{shown} above the index folder belongs to {_owner(info.st_uid)}, who could "
            "swap the index; refusing to use it (choose another --index-dir)",
            path=index_dir,
        )
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH) and not info.st_mode & stat.S_ISVTX:
        return IndexBusyError(
            f"{shown} above the index folder is writable by other users, who could swap "
            f"the index; refusing to use it (fix with: chmod go-w {shown}, or choose "
            "another --index-dir)",
            path=index_dir,
        )
    return None


def _unsafe_index_dir(info: os.stat_result, index_dir: Path) -> IndexBusyError | None:
    """Why the index folder itself may not be trusted; None when it may."""
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return IndexBusyError(
            "index folder is writable by other users; refusing to load it "
            f"(fix with: chmod go-w {index_dir})",
            path=index_dir,
        )
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return IndexBusyError(
            f"index folder belongs to {_owner(info.st_uid)}; refusing to load it",
            path=index_dir,
        )
    return None


def open_index_dir(index_dir: Path, *, create: bool) -> tuple[int, str] | None:
    """The index folder opened (a file descriptor), every folder from / checked on the way.

    Each step is an openat() with O_NOFOLLOW of one name in the folder opened before,
    then fstat() of what was opened: what is checked is what is used, even if a path
    is swapped meanwhile. Symbolic links are followed by hand, and only those owned by
    the user or root. Missing folders are made 0700 when `create` (whatever the
    umask), else None is returned. IndexBusyError (exit 5) for anything unsafe.
    Returns the descriptor (the caller closes it) and the folder's real path.
    """
    doing = "cannot create" if create else "cannot use"
    pending = list(Path(os.path.abspath(index_dir)).parts[1:])
    fds = [os.open("/", _DIR_FLAGS)]
    shown = ["/"]
    links = 0
    try:
        problem = _unsafe_above(os.fstat(fds[0]), "/", index_dir) if pending else None
        while pending:
            if problem is not None:
                raise problem  # before looking inside: an unsafe folder's names may lie
            name = pending.pop(0)
            if name in ("", "."):
                continue
            if name == "..":
                if len(fds) > 1:
                    os.close(fds.pop())
                    shown.pop()
                continue
            here = os.path.join(shown[-1], name)
            try:
                info = os.stat(name, dir_fd=fds[-1], follow_symlinks=False)
            except FileNotFoundError:
                if not create:
                    return None
                os.mkdir(name, 0o700, dir_fd=fds[-1])
                info = os.stat(name, dir_fd=fds[-1], follow_symlinks=False)
            if stat.S_ISLNK(info.st_mode):
                if info.st_uid not in _TRUSTED_UIDS:
                    raise IndexBusyError(
                        f"{here} on the way to the index folder is a symbolic link of "
                        f"{_owner(info.st_uid)}, who could point it elsewhere; refusing it",
                        path=index_dir,
                    )
                links += 1
                if links > _SYMLINK_LIMIT:
                    raise IndexBusyError("too many symbolic links", path=index_dir)
                target = os.readlink(name, dir_fd=fds[-1])
                if target.startswith("/"):
                    while len(fds) > 1:
                        os.close(fds.pop())
                        shown.pop()
                pending[:0] = (
                    Path(target).parts[1:] if target.startswith("/") else target.split("/")
                )
                continue
            if not stat.S_ISDIR(info.st_mode):
                if not create:
                    return None  # no index here; creating it says why it cannot be
                raise IndexBusyError(
                    f"{doing} index folder: {here} is not a folder", path=index_dir
                )
            fds.append(os.open(name, _DIR_FLAGS, dir_fd=fds[-1]))
            shown.append(here)
            if pending:
                problem = _unsafe_above(os.fstat(fds[-1]), here, index_dir)
        problem = _unsafe_index_dir(os.fstat(fds[-1]), index_dir)
        if problem is not None:
            raise problem
        return fds.pop(), shown[-1]
    except OSError as exc:
        raise IndexBusyError(
            f"{doing} index folder: {exc.strerror or exc}", path=index_dir
        ) from None
    finally:
        for fd in fds:
            os.close(fd)
