"""The index under faults: killed indexers, rivals, concurrent readers, damage, full disks.

The promise: the index is always the previous state, the new state, or detected as
damaged and rebuilt; the next run leaves no temporary file or orphan generation.
Kill points are made by `faultkit` (a forking helper), so no hook lives in kbassist.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import faultkit
import pytest
from faultkit import (
    DiskFull,
    Driver,
    driver,
    indexed_state,
    leftovers,
    mutate_kb,
    orphan_files,
    write_kb,
)

from kbassist.errors import IndexBusyError
from kbassist.index import IndexDamaged, KBIndex

#: KBASSIST_FAULTS=deep tries every kill point; CI tries a seeded sample of them.
DEEP = os.environ.get("KBASSIST_FAULTS") == "deep"
SEED = int(os.environ.get("KBASSIST_FAULTS_SEED", str(random.randrange(1_000_000))))

NAMED_POINTS = [
    "progress",
    "before:commit",
    "before:toc",
    "after:toc",
    "before:clean",
    "after:commit",
    "before:manifest.json",
    "after:manifest.json",
    "before:meta.json",
    "after:meta.json",
    "before:CURRENT",
    "after:CURRENT",
    "before:cleanup",
]


class Scene:
    """A KB indexed in its old state, its files since moved to the new state."""

    def __init__(self, root: Path) -> None:
        self.kb_dir = root / "kb"
        self.index_dir = root / "index"
        self.pristine = root / "pristine"
        self.old = write_kb(self.kb_dir)
        KBIndex(self.kb_dir, self.index_dir).update()
        shutil.copytree(self.index_dir, self.pristine, symlinks=True)
        self.old_gen = (self.index_dir / "CURRENT").read_text().strip()
        self.new = mutate_kb(self.kb_dir)

    def reset(self) -> None:
        shutil.rmtree(self.index_dir)
        shutil.copytree(self.pristine, self.index_dir, symlinks=True)

    def check_after_crash(self, what: str) -> str:
        """Old or new state, or damage reported; then the next run repairs and tidies."""
        kb = KBIndex(self.kb_dir, self.index_dir)
        reason = kb.status()
        if reason is None:
            state = indexed_state(kb)
            assert state in (self.old, self.new), f"{what}: a state that is neither old nor new"
            assert kb.search("widget7", snippets=False).hits[0].id == "F-007", what
            outcome = "old" if state == self.old else "new"
        else:
            assert "damaged" in reason, f"{what}: {reason}"
            outcome = "damaged"
        kb.close()
        again = KBIndex(self.kb_dir, self.index_dir)
        again.ensure()
        report = again.update()
        assert indexed_state(again) == self.new, what
        assert again.status() is None, what
        assert report.problems == [], what
        assert leftovers(self.index_dir) == [], what
        live = (self.index_dir / "CURRENT").read_text().strip()
        others = {p.name for p in self.index_dir.glob("gen-*")} - {live}
        assert others <= {self.old_gen}, f"{what}: orphan generations {others}"
        assert orphan_files(self.index_dir / live) == [], what
        again.close()
        return outcome


@pytest.fixture(scope="module")
def helper() -> Iterator[Driver]:
    """One forking helper for the module's kill tests."""
    with driver() as the_driver:
        yield the_driver


def kill_points(helper: Driver, scene: Scene, **request: object) -> list[dict[str, object]]:
    """Named points, then file-system steps and writes: all of them deep, a sample in CI."""
    scene.reset()
    dry = helper.run(articles=scene.kb_dir, index=scene.index_dir, **request)
    assert dry["status"] == "finished", dry
    steps, writes = int(dry["steps"]), int(dry["writes"])  # type: ignore[call-overload]
    rng = random.Random(SEED)
    if DEEP:
        step_points = list(range(1, steps + 1))
        write_points = list(range(1, writes + 1, max(1, writes // 200)))
    else:
        step_points = sorted(rng.sample(range(1, steps + 1), min(steps, 10)))
        write_points = sorted(rng.sample(range(1, writes + 1), min(writes, 4)))
    return (
        [{"point": p} for p in NAMED_POINTS]
        + [{"step": s} for s in step_points]
        + [{"write": w} for w in write_points]
    )


@pytest.mark.parametrize(
    "mode",
    [
        pytest.param({"full": False}, id="incremental"),
        pytest.param({"full": True}, id="full-rebuild"),
        pytest.param({"full": True, "parallel": True}, id="parallel-rebuild"),
    ],
)
def test_kill_during_index_run_leaves_old_or_new_state(
    helper: Driver, tmp_path: Path, mode: dict[str, object]
) -> None:
    """SIGKILL at every named point and at sampled I/O steps: old or new, then repaired."""
    scene = Scene(tmp_path)
    outcomes: dict[str, int] = {}
    killed = 0
    for kill in kill_points(helper, scene, **mode):
        scene.reset()
        result = helper.run(articles=scene.kb_dir, index=scene.index_dir, **mode, **kill)
        what = f"{mode} {kill} (seed {SEED}): {result}"
        assert result["status"] in ("killed", "finished"), what
        killed += result["status"] == "killed"
        outcome = scene.check_after_crash(what)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert killed >= 15
    assert outcomes.get("old", 0) and outcomes.get("new", 0), outcomes


def test_kill_at_random_moments_from_outside(helper: Driver, tmp_path: Path) -> None:
    """An indexer killed by another process at random moments: old or new, then repaired."""
    scene = Scene(tmp_path)
    rng = random.Random(SEED)
    for n in range(6):
        scene.reset()
        mode = {"full": bool(n % 2), "slow": 0.004}
        pid = helper.start(articles=scene.kb_dir, index=scene.index_dir, **mode)
        time.sleep(rng.uniform(0.0, 0.2))
        result = helper.finish(pid, kill=True)
        scene.check_after_crash(f"{mode} (seed {SEED}): {result}")


# --------------------------------------------------------------------------- two indexers


def wait_for_lock_holder(index_dir: Path, pid: int, timeout: float = 10.0) -> None:
    """Wait until `pid` has taken the write lock (it writes its pid into the lock file)."""
    lock = index_dir / "write.lock"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if lock.read_text().strip() == str(pid):
                return
        time.sleep(0.01)
    raise AssertionError(f"process {pid} never took the lock")


def kbassist_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kbassist", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_second_indexer_waits_a_bounded_time_then_reports_busy(
    helper: Driver, tmp_path: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rival waits KBASSIST_LOCK_TIMEOUT, names the holder, exits 5; nothing is lost."""
    scene = Scene(tmp_path)
    # slow enough (30 articles x 0.4 s) that the holder still holds the lock when the CLI
    # rival has started, even on a loaded machine (at 0.1 s it finished first under load 15)
    pid = helper.start(articles=scene.kb_dir, index=scene.index_dir, full=True, slow=0.4)
    wait_for_lock_holder(scene.index_dir, pid)
    started = time.monotonic()
    with pytest.raises(IndexBusyError, match=f"locked by process {pid}; waited 0.3s"):
        KBIndex(scene.kb_dir, scene.index_dir, lock_timeout=0.3).update()
    assert time.monotonic() - started < 1.5
    cli_env = {**env, "KBASSIST_INDEX_DIR": str(scene.index_dir), "KBASSIST_LOCK_TIMEOUT": "0.3"}
    proc = kbassist_cli("index", str(scene.kb_dir), env=cli_env)
    assert proc.returncode == 5, proc.stderr
    assert proc.stderr.count("\n") == 1 and f"locked by process {pid}" in proc.stderr
    assert helper.finish(pid)["status"] == "finished"
    kb = KBIndex(scene.kb_dir, scene.index_dir)
    assert kb.status() is None
    assert indexed_state(kb) == scene.new
    assert kb.update().indexed == len(scene.new)


@pytest.mark.parametrize("parallel", [False, True], ids=["serial", "parallel"])
def test_killed_lock_holder_does_not_block_the_next_indexer(
    helper: Driver, tmp_path: Path, env: dict[str, str], parallel: bool
) -> None:
    """An indexer killed mid-run (build workers and all) frees the lock: the next one runs."""
    scene = Scene(tmp_path)
    pid = helper.start(
        articles=scene.kb_dir, index=scene.index_dir, full=True, slow=0.2, parallel=parallel
    )
    wait_for_lock_holder(scene.index_dir, pid)
    time.sleep(0.3)  # workers (if any) are busy with their shares
    assert helper.finish(pid, kill=True)["signal"] == 9
    cli_env = {**env, "KBASSIST_INDEX_DIR": str(scene.index_dir), "KBASSIST_LOCK_TIMEOUT": "2"}
    proc = kbassist_cli("index", str(scene.kb_dir), env=cli_env)
    assert proc.returncode == 0, proc.stderr
    scene.check_after_crash("after the killed holder")


# --------------------------------------------------------------------------- busy readers


def run_neighbours(scene: Scene, readers: int) -> tuple[dict, list[dict]]:  # type: ignore[type-arg]
    """A writer committing in a loop and reader processes searching until each reader has
    opened the index 20 times while the writer committed at least 5 times."""
    script = str(Path(__file__).with_name("faultkit.py"))
    control = scene.kb_dir.parent / "control"
    control.mkdir()
    args = [str(scene.kb_dir), str(scene.index_dir), str(control)]

    def start(role: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, script, role, *args], stdout=subprocess.PIPE, text=True
        )

    writer = start("writer")
    procs = [start("reader") for _ in range(readers)]
    outputs = [json.loads(proc.communicate(timeout=180)[0]) for proc in procs]
    (control / "stop").touch()
    return json.loads(writer.communicate(timeout=180)[0]), outputs


def test_searches_in_other_processes_never_fail_while_commits_run(tmp_path: Path) -> None:
    """Readers (fresh and held open) search while a writer commits: no error, right hits."""
    scene = Scene(tmp_path)
    KBIndex(scene.kb_dir, scene.index_dir).update()
    writer, readers = run_neighbours(scene, readers=2)
    assert writer["commits"] >= 5
    for reader in readers:
        assert reader["errors"] == [], reader
        assert reader["opens"] >= 20
        assert reader["commits"] >= 5, reader  # the commits ran while this reader searched


def test_table_of_contents_vanishing_mid_open_is_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every third TOC open fails as if a commit had just replaced it: searches still work."""
    from whoosh.filedb.filestore import FileStorage

    scene = Scene(tmp_path)
    KBIndex(scene.kb_dir, scene.index_dir).update()
    real_open = FileStorage.open_file
    calls = [0]

    def flaky_open(self: FileStorage, name: str, **kwargs: object) -> object:
        if name.endswith(".toc"):
            calls[0] += 1
            if calls[0] % 3 == 0:
                raise FileNotFoundError(2, "No such file or directory", name)
        return real_open(self, name, **kwargs)

    monkeypatch.setattr(FileStorage, "open_file", flaky_open)
    for _ in range(10):
        kb = KBIndex(scene.kb_dir, scene.index_dir)
        assert kb.search("widget7", snippets=False).hits[0].id == "F-007"
        assert kb.get("F-012").id == "F-012"
        assert len(list(kb.titles())) == len(scene.new)
        kb.close()
    assert calls[0] >= 20


def test_commit_landing_between_open_and_read_is_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A commit that deletes the segment a searcher just opened: the search reopens, right hits."""
    from kbassist.search.whoosh_backend.scorer import Scorer

    scene = Scene(tmp_path)
    writer = KBIndex(scene.kb_dir, scene.index_dir)
    for revision in (1, 2, 3):  # small segments, which the next commits merge away
        (scene.kb_dir / "f020.md").write_text(faultkit.article_text(20, revision))
        writer.update()
    real_top = Scorer.top
    landed = []

    def top_after_a_commit(self: object, *args: object) -> object:
        if not landed:
            gen = scene.index_dir / (scene.index_dir / "CURRENT").read_text().strip()
            before = set(os.listdir(gen))
            for revision in (4, 5, 6):
                (scene.kb_dir / "f020.md").write_text(faultkit.article_text(20, revision))
                writer.update()
            landed.append(before - set(os.listdir(gen)))
        return real_top(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Scorer, "top", top_after_a_commit)
    reader = KBIndex(scene.kb_dir, scene.index_dir)
    hits = reader.search("widget20", snippets=False).hits
    assert any(name.endswith("_stored.col") for name in landed[0]), landed
    assert hits[0].id == "F-020"
    assert hits[0].title == faultkit.title_of(20, 6)


def test_reader_held_open_never_sees_an_empty_index_during_rebuilds(tmp_path: Path) -> None:
    """A KBIndex held open (as the TUI holds it) searches while another process rebuilds."""
    scene = Scene(tmp_path)
    KBIndex(scene.kb_dir, scene.index_dir).update()
    script = str(Path(__file__).with_name("faultkit.py"))
    control = tmp_path / "control"
    control.mkdir()
    args = [str(scene.kb_dir), str(scene.index_dir), str(control)]
    rebuilder = subprocess.Popen(
        [sys.executable, script, "rebuilder", *args], stdout=subprocess.PIPE, text=True
    )
    held = KBIndex(scene.kb_dir, scene.index_dir)
    generations: set[str] = set()
    searches = 0
    deadline = time.monotonic() + faultkit.LOOP_LIMIT
    # Counts, not seconds: search until five rebuilds have landed under this reader.
    while time.monotonic() < deadline and (
        faultkit.commits_so_far(control) < 5 or searches < 10 or len(generations) < 3
    ):
        searches += 1
        assert held.doc_count() == len(scene.new)
        assert held.search("widget7", snippets=False).hits[0].id == "F-007"
        assert len(held.titles()) == len(scene.new)
        generations.add(str(held._gen))
    (control / "stop").touch()
    assert json.loads(rebuilder.communicate(timeout=180)[0])["commits"] >= 5
    assert len(generations) >= 3 and searches >= 10


def test_retired_generation_is_kept_for_its_readers_then_removed(tmp_path: Path) -> None:
    """A rebuild keeps the generation it replaced for the grace period, however old it is."""
    scene = Scene(tmp_path)
    KBIndex(scene.kb_dir, scene.index_dir).update()
    old_gen = scene.index_dir / (scene.index_dir / "CURRENT").read_text().strip()
    long_ago = time.time() - 86400
    os.utime(old_gen, (long_ago, long_ago))
    held = KBIndex(scene.kb_dir, scene.index_dir)
    assert held.search("widget7", snippets=False).hits
    KBIndex(scene.kb_dir, scene.index_dir).update(full=True)
    assert old_gen.is_dir()  # retired a moment ago: a reader may still be using it
    assert held.search("widget7", snippets=False).hits[0].id == "F-007"
    os.utime(old_gen / "RETIRED", (long_ago, long_ago))
    KBIndex(scene.kb_dir, scene.index_dir).update()
    assert not old_gen.exists()
    assert held.search("widget8", snippets=False).hits[0].id == "F-008"


# --------------------------------------------------------------------------- damage


def damage(gen: Path, what: str) -> None:
    """Break one file of a generation the way a crash, a disk or a person does."""
    kind, _, how = what.partition(":")
    patterns = {"toc": "*.toc", "terms": "*.trm", "postings": "*.pst", "stored": "*_stored.col"}
    patterns |= {"lengths": "*_title_len.col", "meta": "meta.json", "manifest": "manifest.json"}
    for path in gen.glob(patterns[kind]):
        data = path.read_bytes()
        if how == "deleted":
            path.unlink()
        elif how == "empty":
            path.write_bytes(b"")
        elif how == "truncated":
            path.write_bytes(data[: len(data) // 2])
        elif how == "garbage":
            path.write_bytes(random.Random(7).randbytes(len(data)))


DAMAGE = [
    f"{kind}:{how}"
    for kind in ("toc", "terms", "postings", "stored", "lengths")
    for how in ("deleted", "empty", "truncated")
] + ["toc:garbage", "terms:garbage", "meta:garbage", "manifest:deleted", "manifest:truncated"]


@pytest.mark.parametrize("what", DAMAGE)
def test_damage_is_detected_before_use_and_rebuilt(tmp_path: Path, what: str) -> None:
    """A broken TOC, segment file or manifest: status() says so; ensure() rebuilds it."""
    scene = Scene(tmp_path)
    KBIndex(scene.kb_dir, scene.index_dir).update()
    gen = scene.index_dir / (scene.index_dir / "CURRENT").read_text().strip()
    damage(gen, what)
    kb = KBIndex(scene.kb_dir, scene.index_dir)
    reason = kb.status()
    assert reason is not None and reason.startswith("index is damaged"), reason
    report = kb.ensure()
    assert report is not None and report.rebuilt == reason
    assert kb.status() is None
    assert indexed_state(kb) == scene.new
    assert kb.search("widget7", snippets=False).hits[0].id == "F-007"


@pytest.mark.parametrize("kind", ["postings", "stored", "lengths"])
def test_same_size_garbage_found_by_a_search_is_noted_and_rebuilt(
    tmp_path: Path, kind: str
) -> None:
    """Garbage no size check can see: the search fails cleanly (or ranks), then it is rebuilt."""
    scene = Scene(tmp_path)
    KBIndex(scene.kb_dir, scene.index_dir).update()
    gen = scene.index_dir / (scene.index_dir / "CURRENT").read_text().strip()
    damage(gen, f"{kind}:garbage")
    kb = KBIndex(scene.kb_dir, scene.index_dir)
    assert kb.status() is None
    try:
        kb.search("widget7 stops responding", snippets=False)
    except IndexDamaged as exc:
        assert "the next run rebuilds the index" in str(exc)
        assert (kb.status() or "").startswith("index is damaged")
    else:
        assert kind == "lengths"  # field lengths only weigh the ranking
        return
    assert kb.ensure() is not None
    assert kb.status() is None
    assert indexed_state(kb) == scene.new


def test_cli_reports_damage_once_and_rebuilds(tmp_path: Path, env: dict[str, str]) -> None:
    """The CLI: damage seen before use is one note and a rebuild; seen in use, one error first."""
    scene = Scene(tmp_path)
    KBIndex(scene.kb_dir, scene.index_dir).update()
    cli_env = {**env, "KBASSIST_INDEX_DIR": str(scene.index_dir)}
    args = ("search", "--articles", str(scene.kb_dir), "widget7")
    gen = scene.index_dir / (scene.index_dir / "CURRENT").read_text().strip()
    damage(gen, "stored:deleted")
    proc = kbassist_cli(*args, env=cli_env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.startswith("kbassist: index is damaged (MAIN_")
    assert "F-007" in proc.stdout
    assert "damaged" not in kbassist_cli(*args, env=cli_env).stderr
    gen = scene.index_dir / (scene.index_dir / "CURRENT").read_text().strip()
    damage(gen, "postings:garbage")
    proc = kbassist_cli(*args, env=cli_env)
    assert proc.returncode == 4
    assert proc.stderr.count("\n") == 1 and "the next run rebuilds the index" in proc.stderr
    proc = kbassist_cli(*args, env=cli_env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.startswith("kbassist: index is damaged (CorruptIndexError: ")
    assert "F-007" in proc.stdout
    assert "damaged" not in kbassist_cli(*args, env=cli_env).stderr


def test_empty_index_and_generation_folders_are_rebuilt(tmp_path: Path) -> None:
    """An empty index folder is built; an empty live generation is damage, rebuilt."""
    scene = Scene(tmp_path)
    shutil.rmtree(scene.index_dir)
    scene.index_dir.mkdir(mode=0o700)
    kb = KBIndex(scene.kb_dir, scene.index_dir)
    assert kb.status() == "no index yet"
    kb.ensure()
    gen = scene.index_dir / (scene.index_dir / "CURRENT").read_text().strip()
    shutil.rmtree(gen)
    gen.mkdir(mode=0o700)
    reason = KBIndex(scene.kb_dir, scene.index_dir).status()
    assert reason is not None and reason.startswith("index is damaged"), reason
    kb.ensure()
    assert indexed_state(kb) == scene.new


# --------------------------------------------------------------------------- a full disk


@pytest.mark.parametrize("full", [False, True], ids=["incremental", "full-rebuild"])
def test_disk_full_during_an_index_run(tmp_path: Path, full: bool) -> None:
    """ENOSPC at many points: one clear error, the old index searchable, a later run works."""
    scene = Scene(tmp_path)
    scene.reset()
    with pytest.MonkeyPatch.context() as patch:
        measure = DiskFull(patch, budget=1 << 40)
        KBIndex(scene.kb_dir, scene.index_dir).update(full=full)
    needed = (1 << 40) - measure.budget
    failures = 0
    kept: list[IndexBusyError] = []
    ends = {needed - 1, needed - 40, needed - 400, needed - 4000}  # manifest, meta, CURRENT
    for budget in sorted({0, 1, 100, *ends, *range(0, needed, max(1, needed // 12))}):
        scene.reset()
        kb = KBIndex(scene.kb_dir, scene.index_dir)
        with pytest.MonkeyPatch.context() as patch:
            disk = DiskFull(patch, budget)
            try:
                kb.update(full=full)
            except IndexBusyError as exc:
                failures += 1
                kept.append(exc)  # held on to, as the TUI's error message holds it
                assert disk.failed, exc
                assert "cannot write the index: No space left on device" in str(exc)
                reader = KBIndex(scene.kb_dir, scene.index_dir)
                assert reader.search("widget7", snippets=False).hits[0].id == "F-007"
                assert indexed_state(reader) in (scene.old, scene.new)
                reader.close()
        kb.update()  # space again: the same process, the same KBIndex, goes on
        kept.clear()
        assert indexed_state(kb) == scene.new
        assert kb.status() is None
        assert leftovers(scene.index_dir) == []
        kb.close()
    assert failures >= 10


# --------------------------------------------------------------------------- permissions


def test_cache_folders_are_created_private_whatever_the_umask(
    kb_dir: Path, isolated_home: Path
) -> None:
    """Every folder kbassist creates on the way to the index is 0700, even with umask 0."""
    from kbassist.paths import index_dir_for

    index_dir = index_dir_for(kb_dir)
    previous = os.umask(0)
    try:
        KBIndex(kb_dir, index_dir).update()
    finally:
        os.umask(previous)
    created = [index_dir, *index_dir.parents]
    created = created[: created.index(isolated_home)]
    assert [p.name for p in created][-1] == ".cache"
    for folder in created:
        assert folder.stat().st_mode & 0o777 == 0o700, folder


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o722])
def test_index_folder_others_can_write_is_refused_even_when_built(
    kb_dir: Path, tmp_path: Path, mode: int, env: dict[str, str]
) -> None:
    """A built index whose folder became group/world-writable is refused, never unpickled."""
    index_dir = tmp_path / "index"
    KBIndex(kb_dir, index_dir).update()
    index_dir.chmod(mode)
    with pytest.raises(IndexBusyError, match="writable by other users"):
        KBIndex(kb_dir, index_dir).status()
    with pytest.raises(IndexBusyError, match="writable by other users"):
        KBIndex(kb_dir, index_dir).update()
    proc = kbassist_cli("search", "--articles", str(kb_dir), "retrospect", env=env)
    assert proc.returncode == 5
    assert proc.stderr.strip().endswith(f"(fix with: chmod go-w {index_dir})")
