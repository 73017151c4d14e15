"""Fault injection for the reliability tests: generated KBs, kill points, a full disk.

Crash tests need an indexer that dies by SIGKILL at an exact step of its run. `Driver`
starts one helper interpreter (this file, run as a script) that imports kbassist once
and then, for each request, forks a child that arms the hooks below and runs
`KBIndex.update`. Forking from a single-threaded helper makes each crash cost a few
milliseconds instead of an interpreter start, so many points fit in the CI budget.

A child can die at:

* a named point: ``before:<name>`` / ``after:<name>`` around Whoosh's commit
  (``commit``, ``toc`` = writing the table of contents, ``clean`` = deleting the files
  the commit replaced), kbassist's atomic writes (``manifest.json``, ``meta.json``,
  ``CURRENT``), ``cleanup`` (removing leftovers) and ``progress`` (the first progress
  report of a build, workers busy);
* file-system step N: creating, closing, renaming or removing a file, making a folder,
  fsync (``step``), or the N-th write into a Whoosh file (``write``).

Nothing here is imported by kbassist; the production code has no test hooks.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# ----------------------------------------------------------------------- a generated KB

WORDS = (
    "spooler queue driver backup tape mail server volume quota share printer dns "
    "resolver lease scope replica journal cluster failover certificate token kerberos "
    "profile roaming cache proxy firewall route gateway adapter firmware"
).split()


def article_text(n: int, revision: int = 0) -> str:
    """Article n of the generated KB; a new revision changes its title and text."""
    a, b, c = WORDS[n % len(WORDS)], WORDS[(n * 7 + 3) % len(WORDS)], WORDS[(n * 5) % 31 % 30]
    title = f"Widget{n} {a} {b} fails" + (f" revision {revision}" if revision else "")
    return (
        f"---\nid: F-{n:03d}\ntitle: {title}\nproducts: [Product {n % 4}]\n"
        f"keywords: widget{n} {c}\n---\n\n"
        f"## Symptoms\n\nThe widget{n} {a} stops responding when the {b} is busy.\n\n"
        f"## Cause\n\nThe {c} holds a lock (case {n}, rev {revision}).\n\n"
        f"## Resolution\n\n1. Restart the {a}.\n2. Check the {b}.\n"
    )


def title_of(n: int, revision: int = 0) -> str:
    return article_text(n, revision).split("title: ", 1)[1].split("\n", 1)[0]


def write_kb(root: Path, count: int = 30) -> set[tuple[str, str]]:
    """`count` small Markdown articles in `root`; returns the (id, title) state."""
    root.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (root / f"f{n:03d}.md").write_text(article_text(n), encoding="utf-8")
    return {(f"F-{n:03d}", title_of(n)) for n in range(count)}


def mutate_kb(root: Path, count: int = 30) -> set[tuple[str, str]]:
    """Change three articles, delete three, add three; returns the new state."""
    state = {(f"F-{n:03d}", title_of(n)) for n in range(count)}
    for n in (1, 2, 3):
        (root / f"f{n:03d}.md").write_text(article_text(n, revision=1), encoding="utf-8")
        state.discard((f"F-{n:03d}", title_of(n)))
        state.add((f"F-{n:03d}", title_of(n, 1)))
    for n in (4, 5, 6):
        (root / f"f{n:03d}.md").unlink()
        state.discard((f"F-{n:03d}", title_of(n)))
    for n in range(count, count + 3):
        (root / f"f{n:03d}.md").write_text(article_text(n), encoding="utf-8")
        state.add((f"F-{n:03d}", title_of(n)))
    return state


def indexed_state(kb: Any) -> set[tuple[str, str]]:
    """The (id, title) of every searchable document of an open KBIndex."""
    return set(kb.titles())


def leftovers(index_dir: Path) -> list[str]:
    """Temp files and folders a finished run must not leave anywhere in the index."""
    found = []
    for path in index_dir.rglob("*"):
        name = path.name
        if name.endswith(".tmp") or ".toc." in name:
            found.append(str(path.relative_to(index_dir)))
    return sorted(found)


def orphan_files(gen_dir: Path) -> list[str]:
    """Whoosh files in a generation that its table of contents does not use."""
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import TOC

    storage = FileStorage(str(gen_dir))
    toc = TOC.read(storage, "MAIN")
    live = {segment.segment_id() for segment in toc.segments}
    found = []
    for name in os.listdir(gen_dir):
        if name in ("manifest.json", "folders.json", "meta.json", "MAIN_WRITELOCK", "RETIRED"):
            continue
        if name == f"_MAIN_{toc.generation}.toc":
            continue
        if name.split(".", 1)[0] in live:
            continue
        found.append(name)
    return sorted(found)


# ----------------------------------------------------------------------- a full disk


class DiskFull:
    """Make every write into files (Whoosh's and kbassist's) fail with ENOSPC.

    `budget` bytes are written normally first, so a run fails part-way: at a segment,
    at the table of contents, at the manifest. Reads are untouched. Installed with a
    pytest monkeypatch, so it is undone when the test ends.
    """

    def __init__(self, monkeypatch: Any, budget: int) -> None:
        from whoosh.filedb import structfile

        self.budget = budget
        self.failed = 0
        real_fdopen = os.fdopen
        real_write = structfile.StructFile.write
        disk = self

        def write(self: Any, data: Any, *args: Any, **kwargs: Any) -> Any:
            disk.spend(len(data))
            return real_write(self, data, *args, **kwargs)

        class Guarded:
            def __init__(self, handle: Any) -> None:
                self._handle = handle

            def write(self, data: Any) -> int:
                disk.spend(len(data))
                return self._handle.write(data)

            def __getattr__(self, name: str) -> Any:
                return getattr(self._handle, name)

            def __enter__(self) -> Guarded:
                return self

            def __exit__(self, *exc: object) -> None:
                self._handle.close()

        def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            handle = real_fdopen(fd, mode, *args, **kwargs)
            return Guarded(handle) if any(c in mode for c in "wa+") else handle

        monkeypatch.setattr(structfile.StructFile, "write", write)
        monkeypatch.setattr(os, "fdopen", fdopen)

    def spend(self, size: int) -> None:
        if size > self.budget:
            self.budget = 0
            self.failed += 1
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.budget -= size


# ----------------------------------------------------------------------- kill points


class _Hooks:
    """Counts one child's file-system steps and kills it at the one it was told."""

    def __init__(self, request: dict[str, Any], report_fd: int) -> None:
        self.pid = os.getpid()
        self.point: str | None = request.get("point")
        self.kill_step: int | None = request.get("step")
        self.kill_write: int | None = request.get("write")
        self.report_fd = report_fd
        self.steps = 0
        self.writes = 0

    def report(self, payload: dict[str, Any]) -> None:
        os.write(self.report_fd, (json.dumps(payload) + "\n").encode())

    def die(self, where: str) -> None:
        self.report({"status": "killed", "at": where, "steps": self.steps, "writes": self.writes})
        os.kill(os.getpid(), signal.SIGKILL)

    def step(self, what: str) -> None:
        if os.getpid() != self.pid:
            return  # a build worker: only the indexer itself is killed
        self.steps += 1
        if self.kill_step == self.steps:
            self.die(f"step {self.steps}: {what}")

    def write(self) -> None:
        if os.getpid() != self.pid:
            return
        self.writes += 1
        if self.kill_write == self.writes:
            self.die(f"write {self.writes}")

    def named(self, name: str) -> None:
        if self.point == name and os.getpid() == self.pid:
            self.die(name)

    def install(self) -> None:
        import whoosh.index
        from whoosh.filedb import filestore, structfile
        from whoosh.writing import SegmentWriter

        import kbassist.index
        import kbassist.search.store

        def counted(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
            def wrapper(*args: Any, **kwargs: Any) -> Any:
                self.step(f"{name} {os.path.basename(str(args[0])) if args else ''}")
                return func(*args, **kwargs)

            return wrapper

        for name in ("replace", "rename", "remove", "unlink", "rmdir", "mkdir", "fsync"):
            setattr(os, name, counted(name, getattr(os, name)))
        real_open = os.open

        def os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                self.step(f"create {os.path.basename(str(path))}")
            return real_open(path, flags, *args, **kwargs)

        os.open = os_open  # type: ignore[assignment]

        def whoosh_open(path: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            if "w" in mode:
                self.step(f"create {os.path.basename(str(path))}")
            return open(path, mode, *args, **kwargs)

        filestore.open = whoosh_open  # type: ignore[attr-defined]
        real_write = structfile.StructFile.write
        real_close = structfile.StructFile.close

        def struct_write(file: Any, *args: Any, **kwargs: Any) -> Any:
            self.write()
            return real_write(file, *args, **kwargs)

        def struct_close(file: Any) -> None:
            if "w" in str(getattr(file.file, "mode", "")):
                self.step(f"close {file._name}")
            real_close(file)

        structfile.StructFile.write = struct_write  # type: ignore[method-assign]
        structfile.StructFile.close = struct_close  # type: ignore[method-assign]

        def around(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
            def wrapper(*args: Any, **kwargs: Any) -> Any:
                self.named(f"before:{name}")
                result = func(*args, **kwargs)
                self.named(f"after:{name}")
                return result

            return wrapper

        SegmentWriter.commit = around("commit", SegmentWriter.commit)  # type: ignore[method-assign]
        whoosh.index.TOC.write = around("toc", whoosh.index.TOC.write)  # type: ignore[method-assign]
        whoosh.index.clean_files = around("clean", whoosh.index.clean_files)
        kbassist.index.KBIndex._clean_leftovers = around(  # type: ignore[method-assign]
            "cleanup", kbassist.index.KBIndex._clean_leftovers
        )
        real_atomic = kbassist.search.store.atomic_write

        def atomic_write(path: Path, *args: Any, **kwargs: Any) -> None:
            self.named(f"before:{Path(path).name}")
            real_atomic(path, *args, **kwargs)
            self.named(f"after:{Path(path).name}")

        kbassist.search.store.atomic_write = atomic_write  # type: ignore[assignment]


def _run_child(request: dict[str, Any], report_fd: int) -> None:
    """In the forked child: arm the hooks, run one index update, report how it went."""
    import kbassist.search.changes
    import kbassist.search.whoosh_backend.build
    from kbassist.index import KBIndex

    if request.get("parallel"):
        kbassist.search.whoosh_backend.build.PARALLEL_MIN_FILES = 1
        os.cpu_count = lambda: 2  # type: ignore[assignment]
    if request.get("slow"):
        real_load = kbassist.search.changes.load_article
        delay = float(request["slow"])

        def slow_load(path: Any, *args: Any) -> Any:
            time.sleep(delay)
            return real_load(path, *args)

        kbassist.search.changes.load_article = slow_load  # type: ignore[assignment]
    hooks = _Hooks(request, report_fd)
    hooks.install()
    progressed = [False]

    def progress(done: int, total: int) -> None:
        if not progressed[0]:
            progressed[0] = True
            hooks.named("progress")

    try:
        kb = KBIndex(
            Path(request["articles"]),
            Path(request["index"]),
            lock_timeout=float(request.get("lock_timeout", 5)),
        )
        kb.update(full=bool(request.get("full")), progress=progress)
        kb.close()
        hooks.report({"status": "finished", "steps": hooks.steps, "writes": hooks.writes})
    except BaseException as exc:  # reported to the test, which decides
        hooks.report({"status": "error", "error": f"{type(exc).__name__}: {exc}"})


def _serve() -> None:
    """The helper process: one request per stdin line, one JSON answer per stdout line.

    A request runs a child to its end (killed or not); with ``"background": true`` the
    answer comes at once with the child's pid, and ``{"finish": pid, "kill": bool}``
    later ends it (SIGKILL if asked) and answers how it ended.
    """
    import kbassist.index  # noqa: F401  (imported once, before any fork)

    running: dict[int, int] = {}
    for line in sys.stdin:
        request = json.loads(line)
        if "finish" in request:
            pid = int(request["finish"])
            if request.get("kill"):
                os.kill(pid, signal.SIGKILL)
            print(json.dumps(_reap(pid, running.pop(pid))), flush=True)
            continue
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            try:
                _run_child(request, write_fd)
            finally:
                os._exit(0)
        os.close(write_fd)
        if request.get("background"):
            running[pid] = read_fd
            print(json.dumps({"status": "started", "pid": pid}), flush=True)
        else:
            print(json.dumps(_reap(pid, read_fd)), flush=True)


def _reap(pid: int, read_fd: int) -> dict[str, Any]:
    _, status = os.waitpid(pid, 0)
    # Not read to EOF: build workers the child forked inherit the pipe and may outlive it.
    os.set_blocking(read_fd, False)
    chunks = []
    with contextlib.suppress(BlockingIOError), os.fdopen(read_fd, "rb") as pipe:
        while chunk := pipe.read(65536):
            chunks.append(chunk)
    lines = b"".join(chunks).decode().splitlines()
    answer = json.loads(lines[-1]) if lines else {"status": "silent"}
    answer["signal"] = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    answer["pid"] = pid
    return answer


class Driver:
    """The test side: send a request to the helper, get back how the child ended."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, **request: Any) -> dict[str, Any]:
        """Fork a child running `KBIndex.update` with the given kill point; its result."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(request, default=str) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("fault driver died")
        return json.loads(line)

    def start(self, **request: Any) -> int:
        """Fork a child in the background; its pid."""
        return int(self.run(background=True, **request)["pid"])

    def finish(self, pid: int, *, kill: bool = False) -> dict[str, Any]:
        """Wait for (or SIGKILL, then reap) a background child; how it ended."""
        return self.run(finish=pid, kill=kill)

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@contextlib.contextmanager
def driver() -> Iterator[Driver]:
    helper = Driver()
    try:
        yield helper
    finally:
        helper.close()


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


# ----------------------------------------------------------------------- busy neighbours


#: A loop that never reaches its counts gives up after this long (a hung test is worse).
LOOP_LIMIT = 120.0


def commits_so_far(control: Path) -> int:
    """How many commits the writer has reported in `control`/commits (0 before the first)."""
    try:
        return int((control / "commits").read_text() or 0)
    except (OSError, ValueError):
        return 0


def writer_loop(articles: str, index: str, control_dir: str, rebuilds_only: bool = False) -> None:
    """Commit again and again until `control_dir`/stop appears: edits, adds and removes, a
    rebuild now and then; the count so far is kept in `control_dir`/commits.

    With `rebuilds_only`, every run is a full rebuild of the unchanged folder.
    """
    from kbassist.index import KBIndex

    root, control = Path(articles), Path(control_dir)
    kb = KBIndex(root, Path(index))
    deadline = time.monotonic() + LOOP_LIMIT
    commits = 0
    while not (control / "stop").exists() and time.monotonic() < deadline:
        commits += 1
        if rebuilds_only:
            kb.update(full=True)
        else:
            (root / "f010.md").write_text(article_text(10, revision=commits), encoding="utf-8")
            extra = root / "extra.md"
            if commits % 2:
                extra.write_text(article_text(99), encoding="utf-8")
            else:
                extra.unlink(missing_ok=True)
            kb.update(full=commits % 7 == 0)
        (control / "commits.tmp").write_text(str(commits))
        os.replace(control / "commits.tmp", control / "commits")  # readers never see half
    print(json.dumps({"commits": commits}), flush=True)


def reader_loop(
    articles: str, index: str, control_dir: str, opens_wanted: int = 20, commits_wanted: int = 5
) -> None:
    """Open, search and read as CLI runs and a TUI would, until this reader has opened the
    index `opens_wanted` times and the writer has committed `commits_wanted` times since
    it started; report errors. Counts, not seconds: a loaded machine only makes it longer."""
    from kbassist.index import KBIndex

    control = Path(control_dir)
    held = KBIndex(Path(articles), Path(index))
    first_commit = commits_so_far(control)
    deadline = time.monotonic() + LOOP_LIMIT
    opens = 0
    errors: list[str] = []
    while time.monotonic() < deadline and (
        opens < opens_wanted or commits_so_far(control) - first_commit < commits_wanted
    ):
        opens += 1
        fresh = KBIndex(Path(articles), Path(index))
        reason = fresh.status()  # what the CLI and the TUI ask first
        if reason is not None:
            errors.append(f"status: {reason}")
        for kb in (fresh, held):
            try:
                hits = kb.search("widget7 stops responding", snippets=False).hits
                if not hits or hits[0].id != "F-007":
                    errors.append(f"wrong result: {[h.id for h in hits][:3]}")
                if kb.get("F-012").id != "F-012" or kb.doc_count() < 30:
                    errors.append("wrong article or count")
            except Exception as exc:  # every failure is reported to the test
                errors.append(f"{type(exc).__name__}: {exc} {traceback.format_exc(limit=-3)}")
        fresh.close()
    commits = commits_so_far(control) - first_commit
    print(json.dumps({"opens": opens, "commits": commits, "errors": errors[:20]}))


if __name__ == "__main__":
    if len(sys.argv) > 1:
        loops: dict[str, Callable[..., None]] = {
            "reader": reader_loop,
            "writer": writer_loop,
            "rebuilder": lambda *args: writer_loop(*args, rebuilds_only=True),
        }
        loops[sys.argv[1]](sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        _serve()
