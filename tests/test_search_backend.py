"""The search package's seams: kbassist's own query, the Whoosh fence, the on-disk format."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from kbassist.errors import IndexBusyError
from kbassist.index import KBIndex
from kbassist.search.query import parse_query


def test_query_is_split_into_kbassists_own_parts() -> None:
    """Words, filters, wildcards and phrases come apart without any search engine."""
    parsed = parse_query("  backup product:exchange retro*  section:cause ")
    assert parsed.text == "backup product:exchange retro* section:cause"
    assert parsed.words == ("backup",)
    assert parsed.filters == (("product", "exchange"), ("section", "cause"))
    assert parsed.wildcards == ("retro*",)
    assert not parsed.structured
    phrase = parse_query('"stops responding" OR mail')
    assert phrase.phrases == ("stops responding",)
    assert phrase.structured  # phrases and operators need the full matcher


def test_core_of_the_search_package_does_not_load_whoosh() -> None:
    """Query, results, snippets, store and change set import without Whoosh."""
    code = (
        "import json, sys\n"
        "import kbassist.search.backend, kbassist.search.budget, kbassist.search.changes\n"
        "import kbassist.search.query, kbassist.search.results, kbassist.search.snippets\n"
        "import kbassist.search.store\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'whoosh')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(out.stdout.splitlines()[-1]) == []


def test_index_names_its_analyzers_as_every_version_reads_them(
    kb_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The schema pickled in an index names `kbassist.index.KBAnalyzer`, as before the split:
    an index built by an older kbassist opens as it is (no rebuild) and the other way round."""
    import whoosh.index

    KBIndex(kb_dir, tmp_path / "index").update()
    found: set[tuple[str, str]] = set()

    class Recording(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> object:
            found.add((module, name))
            return super().find_class(module, name)

    def loads(data: bytes) -> object:
        import io

        return Recording(io.BytesIO(data)).load()

    monkeypatch.setattr(whoosh.index, "pickle", SimpleNamespace(loads=loads))
    kb = KBIndex(kb_dir, tmp_path / "index")
    assert kb.status() is None
    ours = {(module, name) for module, name in found if module.startswith("kbassist")}
    assert ours == {("kbassist.index", "KBAnalyzer"), ("kbassist.index", "PairAnalyzer")}


def test_lock_timeout_is_the_callers_not_the_environments(
    kb_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """KBIndex waits the lock_timeout it was given, whatever KBASSIST_LOCK_TIMEOUT says."""
    kb = KBIndex(kb_dir, tmp_path / "index", lock_timeout=0.2)
    kb.update()
    monkeypatch.setenv("KBASSIST_LOCK_TIMEOUT", "30")
    lock = tmp_path / "index" / "write.lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl,os,time\n"
            f"fd=os.open({str(lock)!r}, os.O_RDWR|os.O_CREAT)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX); os.write(fd, str(os.getpid()).encode())\n"
            "print('locked', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(IndexBusyError, match=r"waited 0\.2s"):
            kb.update()
        assert time.monotonic() - started < 5
    finally:
        holder.kill()
        holder.wait()
