"""Export and session files under faults: hostile names, kills, a full disk, no permission.

The promise: the file is the old one or the complete new one, never truncated; a bad
name or a failed write is one clear message; a damaged session is explained with the
way to discard it, never a crash.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from faultkit import DiskFull

from kbassist.errors import DataError, OutputError, UsageError
from kbassist.fileio import atomic_write
from kbassist.trees.catalog import find_tree
from kbassist.trees.engine import Walk
from kbassist.trees.session import read_session, read_session_file, save_session, sessions_dir

REPO = Path(__file__).resolve().parent.parent
TREE_ID = "q98097-retrospect-mail-server"
ANSWERS = REPO / "tests" / "trees_fixtures" / "answers" / "stop-server.yaml"

#: Run the real CLI in a child after installing a fault: `KILL_AT` names the step at
#: which the child SIGKILLs itself while writing `TARGET`; `FAIL` makes the write fail.
FAULTY_CLI = """
import errno, os, signal, sys
target, kill_at, fail = os.environ["TARGET"], os.environ.get("KILL_AT"), os.environ.get("FAIL")
real_fdopen, real_replace, real_fsync, real_open = os.fdopen, os.replace, os.fsync, os.open

def die(point):
    if kill_at == point:
        os.kill(os.getpid(), signal.SIGKILL)

class HalfWriter:
    def __init__(self, handle): self.handle = handle
    def write(self, data):
        self.handle.write(data[: len(data) // 2]); self.handle.flush(); die("mid-write")
        if fail == "ENOSPC":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self.handle.write(data[len(data) // 2 :])
    def __getattr__(self, name): return getattr(self.handle, name)
    def __enter__(self): return self
    def __exit__(self, *exc): self.handle.close()

def fdopen(fd, mode="r", *args, **kwargs):
    handle = real_fdopen(fd, mode, *args, **kwargs)
    return HalfWriter(handle) if "w" in mode else handle

def replace(src, dst, *args, **kwargs):
    if str(dst).endswith(target):
        die("before-rename")
        if fail == "EACCES":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(dst))
    result = real_replace(src, dst, *args, **kwargs)
    if str(dst).endswith(target):
        die("after-rename")
    return result

os.fdopen, os.replace = fdopen, replace
from kbassist.cli import main
main(sys.argv[1:], prog_name="kbassist")
"""


def faulty_cli(
    *args: str, env: dict[str, str], target: str, stdin: str = "", **fault: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", FAULTY_CLI, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**env, "TARGET": target, **{k.upper(): v for k, v in fault.items()}},
        cwd=REPO,
        timeout=60,
    )


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def age(paths: list[Path], seconds: float = 3600) -> None:
    then = time.time() - seconds
    for path in paths:
        os.utime(path, (then, then))


# --------------------------------------------------------------------------- exports


def test_export_killed_mid_write_leaves_old_or_complete_file(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """A kill while the checklist is written: the old file or the new one whole, never half."""
    reference = tmp_path / "reference.md"
    args = ["walk", TREE_ID, "--answers", str(ANSWERS), "--export"]
    assert faulty_cli(*args, str(reference), env=env, target="-").returncode == 0
    complete = reference.read_text()
    out = tmp_path / "out.md"
    for point, expected in [
        ("mid-write", "old checklist\n"),
        ("before-rename", "old checklist\n"),
        ("after-rename", complete),
    ]:
        out.write_text("old checklist\n")
        proc = faulty_cli(*args, str(out), "--force", env=env, target="out.md", kill_at=point)
        assert proc.returncode == -9, (point, proc.stderr)
        assert out.read_text() == expected, point
    stale = [tmp_path / name for name in temp_files(tmp_path)]
    assert stale  # the killed runs' temp files: hidden, next to the target
    age(stale)
    proc = faulty_cli(*args, str(out), "--force", env=env, target="none")
    assert proc.returncode == 0, proc.stderr
    assert out.read_text() == complete
    assert temp_files(tmp_path) == []  # the next write of that file clears them


@pytest.mark.parametrize(
    ("fault", "message"), [("ENOSPC", "No space left on device"), ("EACCES", "Permission denied")]
)
def test_export_that_cannot_be_written_is_one_line_and_keeps_the_old_file(
    tmp_path: Path, env: dict[str, str], fault: str, message: str
) -> None:
    """Disk full or permission denied: exit 6, one line naming the file; old file, no temp."""
    out = tmp_path / "out.md"
    out.write_text("old checklist\n")
    # The export names the article's title, read through the index: build it first, so
    # the fault hits the export's write, not the index's.
    assert faulty_cli("index", env=env, target="none").returncode == 0
    proc = faulty_cli(
        "walk",
        TREE_ID,
        "--answers",
        str(ANSWERS),
        "--export",
        str(out),
        "--force",
        env=env,
        target="out.md",
        fail=fault,
    )
    assert proc.returncode == 6, proc.stderr
    assert proc.stderr == f"kbassist: error: {out}: cannot write: {message}\n"
    assert out.read_text() == "old checklist\n"
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("x" * 300 + ".md", "file name is longer than 255 bytes"),
        ("existing.md", "file exists (use --force to overwrite)"),
    ],
)
def test_export_names_refused_before_any_question(
    tmp_path: Path, env: dict[str, str], name: str, message: str
) -> None:
    """A name too long or an existing file: exit 6 at once, nothing written."""
    (tmp_path / "existing.md").write_text("keep")
    before = sorted(os.listdir(tmp_path))
    proc = faulty_cli(
        "walk", TREE_ID, "--export", str(tmp_path / name), env=env, target="-", stdin=""
    )
    assert proc.returncode == 6, proc.stderr
    assert proc.stderr == f"kbassist: error: {tmp_path / name}: {message}\n"
    assert sorted(os.listdir(tmp_path)) == before
    assert (tmp_path / "existing.md").read_text() == "keep"


def test_export_goes_exactly_where_its_path_says(tmp_path: Path, env: dict[str, str]) -> None:
    """`../x.md` and absolute paths are the user's choice: written there, and nowhere else."""
    work = tmp_path / "work"
    work.mkdir()
    command = [sys.executable, "-m", "kbassist", "walk", TREE_ID, "--answers", str(ANSWERS)]
    for target in ("../up.md", str(tmp_path / "abs.md")):
        proc = subprocess.run(
            [*command, "--export", target],
            capture_output=True,
            text=True,
            env=env,
            cwd=work,
            timeout=60,
        )
        assert proc.returncode == 0, proc.stderr
    # `index` is the env fixture's KBASSIST_INDEX_DIR: the export reads article titles.
    assert sorted(os.listdir(tmp_path)) == ["abs.md", "home", "index", "up.md", "work"]
    assert os.listdir(work) == []


def test_atomic_write_refuses_nul_overlong_names_and_folders(tmp_path: Path) -> None:
    """A NUL, a 300-character name or a folder is an OutputError before any byte is written."""
    folder = tmp_path / "out"
    (folder / "sub").mkdir(parents=True)
    for name, message in [
        ("a\x00b.md", "NUL byte"),
        ("x" * 300, "longer than 255 bytes"),
        ("sub", "is a directory"),
    ]:
        with pytest.raises(OutputError, match=message):
            atomic_write(folder / name, "data", overwrite=True)
    assert os.listdir(folder) == ["sub"]


def test_atomic_write_on_a_full_disk_at_every_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC after 0..n bytes: the old content stays, no temp file, one OutputError."""
    path = tmp_path / "checklist.md"
    path.write_text("old")
    data = "new content\n" * 50
    for budget in range(0, len(data), 37):
        with pytest.MonkeyPatch.context() as patch:
            DiskFull(patch, budget)
            with pytest.raises(OutputError, match="No space left on device"):
                atomic_write(path, data, overwrite=True)
        assert path.read_text() == "old"
        assert temp_files(tmp_path) == []


# --------------------------------------------------------------------------- sessions


@pytest.fixture
def walk() -> Walk:
    walk = Walk(find_tree(TREE_ID, REPO / "decision_trees"))
    for raw in (None, "yes", "no"):
        walk.answer(raw)
    return walk


@pytest.mark.parametrize(
    "name", ["../escape", "/etc/passwd", "a/b", "..", ".hidden", "x" * 300, "a\x00b", "", "-x"]
)
def test_session_names_are_never_paths(walk: Walk, tmp_path: Path, name: str) -> None:
    """A session name that is a path, hidden, too long or holds a NUL: UsageError, no file."""
    for action in (lambda: save_session(name, walk), lambda: read_session(name)):
        with pytest.raises(UsageError, match="invalid session name"):
            action()
    assert not sessions_dir().exists()


@pytest.mark.parametrize("name", ["../escape", "/etc/passwd", "x" * 300])
def test_session_names_are_never_paths_through_the_cli(
    env: dict[str, str], tmp_path: Path, name: str
) -> None:
    """--session, --resume and sessions --delete refuse such names: exit 2, one line."""
    for args in (
        ["walk", TREE_ID, "--session", name],
        ["walk", "--resume", name],
        ["sessions", "--delete", name],
    ):
        proc = faulty_cli(*args, env=env, target="-", stdin="quit\n")
        assert proc.returncode == 2, (args, proc.stderr)
        assert proc.stderr.startswith("kbassist: error: invalid session name")
        assert proc.stderr.count("\n") == 1
    assert not (tmp_path / "escape.json").exists()


def test_session_save_killed_keeps_the_previous_save(env: dict[str, str]) -> None:
    """A kill while a step is saved: the session still resumes from the step before."""
    folder = Path(env["XDG_DATA_HOME"]) / "kbassist" / "sessions"
    proc = faulty_cli("walk", TREE_ID, "--session", "s", env=env, target="-", stdin="\nyes\nquit\n")
    assert proc.returncode == 0, proc.stderr
    saved = (folder / "s.json").read_text()
    for point in ("mid-write", "before-rename"):
        proc = faulty_cli(
            "walk", "--resume", "s", env=env, target="s.json", kill_at=point, stdin="no\n"
        )
        assert proc.returncode == -9, proc.stderr
        assert (folder / "s.json").read_text() == saved
        assert len(read_session("s").steps) == 2
    age([folder / name for name in temp_files(folder)])
    proc = faulty_cli("walk", "--resume", "s", env=env, target="-", stdin="no\nquit\n")
    assert proc.returncode == 0, proc.stderr
    assert len(read_session("s").steps) == 3
    assert temp_files(folder) == []


@pytest.mark.parametrize("fault", ["mkdir", "open", "replace"])
def test_session_save_without_permission_is_an_output_error(walk: Walk, fault: str) -> None:
    """The sessions folder or file cannot be written: one OutputError, the old save intact."""
    if fault != "mkdir":
        save_session("s", walk)
    before = (sessions_dir() / "s.json").read_text() if fault != "mkdir" else None

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    with pytest.MonkeyPatch.context() as patch:
        if fault == "mkdir":
            patch.setattr(Path, "mkdir", denied)
        else:
            patch.setattr(os, fault, denied)
        with pytest.raises(OutputError, match="Permission denied"):
            save_session("s", walk)
    if before is not None:
        assert (sessions_dir() / "s.json").read_text() == before
        assert temp_files(sessions_dir()) == []


def test_truncated_or_corrupt_session_is_explained_with_the_way_out(walk: Walk) -> None:
    """Every truncation and some corruptions: a DataError that says how to discard it."""
    path = save_session("s", walk)
    good = path.read_bytes()
    damaged = [good[:n] for n in range(len(good) - 2)]
    damaged += [good.replace(b'"steps"', b'"stepz"'), good.replace(b"[", b"{", 1)]
    damaged += [b"\xff\xfe" + good, b"\x00" * 100, good.replace(b'"version": 1', b'"version": 2')]
    damaged += [b"[" * 100_000, b'{"format": ' * 50_000]
    for data in damaged:
        path.write_bytes(data)
        with pytest.raises(DataError) as info:
            read_session_file(path)
        assert info.value.path == path
        assert "kbassist sessions --delete s" in str(info.value), str(info.value)


def test_corrupt_session_through_the_cli_can_be_discarded(env: dict[str, str]) -> None:
    """--resume of a cut-off session: exit 4 with the way out; `sessions --delete` takes it."""
    folder = Path(env["XDG_DATA_HOME"]) / "kbassist" / "sessions"
    proc = faulty_cli("walk", TREE_ID, "--session", "s", env=env, target="-", stdin="\nyes\nquit\n")
    assert proc.returncode == 0, proc.stderr
    path = folder / "s.json"
    path.write_bytes(path.read_bytes()[:57])
    proc = faulty_cli("walk", "--resume", "s", env=env, target="-")
    assert proc.returncode == 4
    assert proc.stderr.count("\n") == 1
    assert "it may be truncated" in proc.stderr
    assert "kbassist sessions --delete s" in proc.stderr
    listing = faulty_cli("sessions", env=env, target="-")
    assert listing.returncode == 0
    assert "kbassist sessions --delete s" in listing.stderr
    proc = faulty_cli("sessions", "--delete", "s", env=env, target="-")
    assert proc.returncode == 0, proc.stderr
    assert not path.exists()
    assert json.loads("[]") == []  # nothing else to check: the file is gone
