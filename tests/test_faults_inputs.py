"""Hostile inputs: article files that are not articles, and articles built to hang a parser.

Each is warned about and skipped, or indexed correctly; nothing hangs, and memory stays
bounded (measured in a child process, whose peak RSS is its own).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cpu_budget import budget
from faultkit import article_text, write_kb

from kbassist.articles import ArticleSkip, load_article
from kbassist.index import KBIndex

BILLION_LAUGHS = (
    "---\nid: LOL-1\n"
    + "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "title: *i\nproducts: *i\nkeywords: *i\n---\n\n## Symptoms\n\nlaughing\n"
)


def hostile_files(root: Path) -> dict[str, str | None]:
    """Write every kind of bad file into `root`: name -> expected skip reason (None: indexed)."""
    text = article_text(1)
    files: dict[str, bytes] = {
        "binary.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "empty.md": b"",
        "blank.md": b" \n\t\n",
        "latin1.md": "---\nid: LAT-1\ntitle: Caf\xe9\n---\n\nCr\xe8me\n".encode("latin-1"),
        "nul.md": text.encode()[:40] + b"\x00" + text.encode()[40:],
        "utf16.md": text.replace("F-001", "U16-1")
        .replace("Widget1 ", "Utfsixteen ")
        .encode("utf-16"),
        "utf16be.md": b"\xfe\xff" + text.replace("F-001", "U16-2").encode("utf-16-be"),
        "bad-utf16.md": b"\xff\xfe" + b"\x00\xd8" * 3,
        "bom-binary.md": b"\xff\xfe\x00garbage\x00\x01",  # decodes, as CJK-looking noise
        "bom.md": b"\xef\xbb\xbf" + text.replace("F-001", "BOM-1").encode(),
        "crlf.md": text.replace("F-001", "CRLF-1").replace("\n", "\r\n").encode(),
        "cr.md": text.replace("F-001", "CR-1").replace("\n", "\r").encode(),
        "laughs.md": BILLION_LAUGHS.encode(),
        "deep-yaml.md": b"---\ntitle: " + b"[" * 10_000 + b"]" * 10_000 + b"\n---\n# x\n",
        "python-tag.md": b"---\ntitle: !!python/object/apply:os.system [echo hi]\n---\n# x\n",
        "one-line.md": b"# " + b"word " * 200_000,
        "brackets.md": b"[" * 1_000_000 + b"x",
        "underlines.md": b"HEADING\n=======\n" * 20_000,
        "big-front-matter.md": b"---\n" + b"key: value\n" * 10_000 + b"---\n# x\n",
        "escape.md": text.replace("F-001", "ESC-1").encode() + b"\x1b]0;owned\x07\x1b[2J\n",
    }
    for name, data in files.items():
        (root / name).write_bytes(data)
    with (root / "huge.md").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB (sparse: nothing is written)
    os.mkfifo(root / "fifo.md")
    (root / "loop.md").symlink_to(root / "loop.md")
    (root / "zero.md").symlink_to("/dev/zero")
    (root / "broken.md").symlink_to(root / "nowhere.md")
    (root / "folder.md").mkdir()
    (root / "folder.md" / "inside.md").write_text(article_text(2).replace("F-002", "IN-1"))
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)
    return {
        "binary.md": "binary file",
        "empty.md": "empty file",
        "blank.md": "empty file",
        "latin1.md": "not UTF-8 text",
        "nul.md": "binary file",
        "bad-utf16.md": "not valid UTF-16",
        "bom-binary.md": "binary file",
        "laughs.md": "front matter",
        "deep-yaml.md": "front matter",
        "python-tag.md": "front matter",
        "huge.md": "larger than 4 MB",
        "big-front-matter.md": "front matter is longer than",
        "fifo.md": "not a regular file",
        "loop.md": "missing",
        "zero.md": "outside the articles folder",  # a symlink to /dev/zero
        "broken.md": "missing",
        "utf16.md": None,
        "utf16be.md": None,
        "bom.md": None,
        "crlf.md": None,
        "cr.md": None,
        "one-line.md": None,
        "brackets.md": None,
        "underlines.md": None,
        "escape.md": None,
        "folder.md/inside.md": None,
    }


INDEX_AND_MEASURE = """
import json, resource, sys, time
from pathlib import Path
from kbassist.index import KBIndex
def peak_mb():
    # VmHWM starts afresh at exec; ru_maxrss keeps the parent's peak (pytest's, large
    # after the archive tests) across fork and exec.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
started = time.perf_counter()
kb = KBIndex(Path(sys.argv[1]), Path(sys.argv[2]))
report = kb.update()
ids = sorted(i for i, _ in kb.titles())
print(json.dumps({
    "seconds": time.perf_counter() - started,
    "peak_mb": peak_mb(),
    "problems": {str(Path(p.path).relative_to(sys.argv[1])): p.message for p in report.problems},
    "ids": ids,
}))
"""


def test_hostile_files_are_skipped_or_indexed_without_hang_or_memory_blowup(
    tmp_path: Path,
) -> None:
    """Every bad file is named once with its reason; the readable ones are indexed."""
    root = tmp_path / "kb"
    write_kb(root, count=5)
    expected = hostile_files(root)
    proc = subprocess.run(
        [sys.executable, "-c", INDEX_AND_MEASURE, str(root), str(tmp_path / "index")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    skipped = {name: reason for name, reason in expected.items() if reason is not None}
    assert sorted(result["problems"]) == sorted(skipped)
    for name, reason in skipped.items():
        assert reason in result["problems"][name], (name, result["problems"][name])
    indexed = {"U16-1", "U16-2", "BOM-1", "CRLF-1", "CR-1", "ESC-1", "IN-1", "one-line"}
    indexed |= {"brackets", "underlines"}
    assert indexed <= set(result["ids"]), result["ids"]
    assert result["seconds"] < 20, result
    assert result["peak_mb"] < 150, result  # about 70 MB: Python, Whoosh and numpy


def test_utf16_crlf_and_bom_articles_are_searchable_like_utf8(tmp_path: Path) -> None:
    """Articles in UTF-16, with a BOM or CRLF are found by their words and read whole."""
    root = tmp_path / "kb"
    write_kb(root, count=3)
    text = article_text(7)
    (root / "utf16.md").write_bytes(text.replace("F-007", "U16").encode("utf-16"))
    (root / "crlf.md").write_bytes(text.replace("F-007", "CRLF").replace("\n", "\r\n").encode())
    (root / "bom.md").write_bytes(b"\xef\xbb\xbf" + text.replace("F-007", "BOM").encode())
    kb = KBIndex(root, tmp_path / "index")
    kb.update()
    hits = kb.search("widget7 stops responding").hits
    assert {h.id for h in hits if h.full_match} == {"U16", "CRLF", "BOM"}
    for article_id in ("U16", "CRLF", "BOM"):
        article = kb.get(article_id)
        assert [s.name for s in article.sections] == ["Symptoms", "Cause", "Resolution"]
        assert "\r" not in article.section("cause").text  # type: ignore[union-attr]


def test_file_deleted_or_swapped_during_indexing_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between the folder scan and the read: deleted, replaced by a FIFO, grown past the cap."""
    import kbassist.index

    root = tmp_path / "kb"
    write_kb(root, count=6)
    real_scan = kbassist.index.scan_articles

    def scan_then_meddle(folder: Path, **kwargs):  # type: ignore[no-untyped-def]
        found = list(real_scan(folder, **kwargs))
        (root / "f001.md").unlink()
        (root / "f002.md").unlink()
        os.mkfifo(root / "f002.md")
        with (root / "f003.md").open("ab") as handle:
            handle.truncate(5 * 1024 * 1024)
        return iter(found)

    monkeypatch.setattr(kbassist.index, "scan_articles", scan_then_meddle)
    kb = KBIndex(root, tmp_path / "index")
    started = time.monotonic()
    report = kb.update(full=True)
    assert time.monotonic() - started < 10
    problems = {p.path.name: p.message for p in report.problems}
    assert problems == {
        "f001.md": "missing (broken symlink or deleted)",
        "f002.md": "not a regular file",
        "f003.md": "larger than 4 MB",
    }
    assert {i for i, _ in kb.titles()} == {"F-000", "F-004", "F-005"}


def test_billion_laughs_front_matter_is_refused_quickly(tmp_path: Path) -> None:
    """YAML aliases that expand to a billion items in front matter: skipped in well under 1 s."""
    path = tmp_path / "lol.md"
    path.write_text(BILLION_LAUGHS)
    started = time.process_time()  # CPU time: busy neighbours on the machine do not count
    with pytest.raises(ArticleSkip, match="front matter"):
        load_article(path)
    assert time.process_time() - started < budget(1)


PATHOLOGICAL = {
    "brackets": "[" * 1_000_000,
    "stars": "*a " * 350_000,
    "backticks": "`" * 1_000_000,
    "angles": "<" * 1_000_000,
    "links": "[a](" * 250_000,
    "quotes": "> " * 500_000 + "deep",
    "lists": "- " * 250_000 + "x",
    "underlines": "HEADING\n=======\n" * 15_000,
    "table": "|a|b|\n|-|-|\n" + "|x|y|\n" * 20_000,
    "front-matter-lines": "---\n" + "a: b\n" * 100_000 + "---\n",
    "unclosed-front-matter": "---\n" + "\n---x" * 60_000,
    "mskb-headings": "\tArticle: Q1\n" + "x\n=\n" * 100_000,
    "mskb-rule": "\tArticle: Q1\n" + "=" * 1_000_000,
    "mskb-header-lines": "\tArticle: Q1\n" + "Keyword(s): x\n" * 60_000,
    "escapes": "\x1b[" * 500_000,
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_article_parses_in_bounded_time(name: str) -> None:
    """Input shaped to trip a parser into quadratic time: parsed or refused in seconds."""
    from kbassist.articles import parse_article

    text = PATHOLOGICAL[name]
    started = time.process_time()  # CPU time: busy neighbours on the machine do not count
    with contextlib.suppress(ArticleSkip):
        parse_article(text, Path(f"{name}.md"))
    assert time.process_time() - started < budget(3.0)  # quadratic ones took 5 s to a minute


# --------------------------------------------------------------------------- hostile trees

TREE_ID = "q98097-retrospect-mail-server"
TREE_HEAD = "id: hostile\ntitle: Hostile\nversion: 1\narticles: [Q98097]\n"
LAUGHS_YAML = (
    TREE_HEAD
    + "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "symptom: *i\n"
)
HOSTILE_TREES: dict[str, tuple[bytes, str]] = {
    "billion-laughs": (
        LAUGHS_YAML.encode(),
        "5:4: anchors (&a) are not allowed in trees: write the value out",
    ),
    "alias-first": (
        (TREE_HEAD + "symptom: *undefined\n").encode(),
        "5:10: aliases (*undefined) are not allowed in trees: write the value out",
    ),
    "deep-flow": (
        (TREE_HEAD + "nodes: " + "[" * 10_000 + "]" * 10_000 + "\n").encode(),
        "5:39: nested deeper than 32 levels",
    ),
    "deep-block": (
        (TREE_HEAD + "nodes:\n" + "- " * 10_000 + "x\n").encode(),
        "6:63: nested deeper than 32 levels",
    ),
    "python-object": (
        (TREE_HEAD + "symptom: !!python/object/apply:os.system ['touch /tmp/owned']\n").encode(),
        "5:10: tag !!python/object/apply:os.system is not allowed in trees",
    ),
    "python-name": (
        (TREE_HEAD + "symptom: !!python/name:os.system\n").encode(),
        "5:10: tag !!python/name:os.system is not allowed in trees",
    ),
    "multiple-documents": (
        (TREE_HEAD + "---\n" + TREE_HEAD).encode(),
        "5:1: more than one YAML document: a tree file holds exactly one",
    ),
    "tabs": (
        (TREE_HEAD + "nodes:\n\t- id: x\n").encode(),
        "6:1: YAML syntax: found character '\\t' that cannot start any token "
        "(while scanning for the next token)",
    ),
    "control-character": (
        (TREE_HEAD + "symptom: bell \x07\n").encode(),
        "5:15: control character U+0007 is not allowed in YAML",
    ),
}


def write_hostile_trees(folder: Path) -> dict[Path, str]:
    """Each hostile tree in its own file, plus a 50 MB one: path -> expected problem."""
    folder.mkdir(parents=True, exist_ok=True)
    expected = {}
    for name, (data, problem) in HOSTILE_TREES.items():
        path = folder / f"{name}.yaml"
        path.write_bytes(data)
        expected[path] = f"{path}:{problem}"
    big = folder / "fifty-megabytes.yaml"
    with big.open("wb") as handle:
        handle.write(TREE_HEAD.encode() + b"# " + b"x" * 2_000_000 + b"\n")
        handle.truncate(50 * 1024 * 1024)  # the rest sparse: it must not be read anyway
    expected[big] = f"{big}:1:1: file is larger than 1024 KB"
    return expected


def test_hostile_trees_are_one_located_problem_each_fast_and_small(tmp_path: Path) -> None:
    """Aliases, 10,000-deep nesting, python tags, documents, tabs, 50 MB: file:line:col, < 1 s."""
    import tracemalloc

    from kbassist.trees.loader import read_tree_file

    for path, problem in write_hostile_trees(tmp_path).items():
        started = time.process_time()  # CPU time: busy neighbours on the machine do not count
        result = read_tree_file(path)
        seconds = time.process_time() - started
        assert result.tree is None
        assert [str(p) for p in result.problems] == [problem]
        assert seconds < budget(1.0), (path.name, seconds)
        tracemalloc.start()
        read_tree_file(path)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert peak < 16 * 1024 * 1024, (path.name, peak)


def test_hostile_trees_through_the_cli(tmp_path: Path, env: dict[str, str]) -> None:
    """`trees lint` lists each hostile file once with its line; `walk` refuses each, exit 4."""
    expected = write_hostile_trees(tmp_path / "trees")
    proc = subprocess.run(
        [sys.executable, "-m", "kbassist", "trees", "lint", str(tmp_path / "trees")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 1, proc.stderr
    assert sorted(proc.stdout.splitlines()) == sorted(expected.values())
    answers = tmp_path / "answers.yaml"
    answers.write_bytes(HOSTILE_TREES["billion-laughs"][0])
    proc = subprocess.run(
        [sys.executable, "-m", "kbassist", "walk", "--answers", str(answers), TREE_ID],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 4
    assert proc.stderr == (
        f"kbassist: error: {answers}:5:4: anchors (&a) are not allowed in trees: "
        "write the value out\n"
    )
