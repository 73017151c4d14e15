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
        "laughs.md": "front matter",
        "deep-yaml.md": "front matter",
        "python-tag.md": "front matter",
        "huge.md": "larger than 4 MB",
        "big-front-matter.md": "front matter is longer than",
        "fifo.md": "not a regular file",
        "loop.md": "missing",
        "zero.md": "not a regular file",
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
started = time.perf_counter()
kb = KBIndex(Path(sys.argv[1]), Path(sys.argv[2]))
report = kb.update()
ids = sorted(i for i, _ in kb.titles())
print(json.dumps({
    "seconds": time.perf_counter() - started,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
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

    def scan_then_meddle(folder: Path):  # type: ignore[no-untyped-def]
        found = list(real_scan(folder))
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
    started = time.monotonic()
    with pytest.raises(ArticleSkip, match="front matter"):
        load_article(path)
    assert time.monotonic() - started < 1


PATHOLOGICAL = {
    "brackets": "[" * 1_000_000,
    "stars": "*a " * 350_000,
    "backticks": "`" * 1_000_000,
    "angles": "<" * 1_000_000,
    "links": "[a](" * 250_000,
    "quotes": "> " * 500_000 + "deep",
    "lists": "- " * 500_000 + "x",
    "underlines": "HEADING\n=======\n" * 25_000,
    "table": "|a|b|\n|-|-|\n" + "|x|y|\n" * 40_000,
    "front-matter-lines": "---\n" + "a: b\n" * 100_000 + "---\n",
    "unclosed-front-matter": "---\n" + "\n---x" * 60_000,
    "mskb-headings": "\tArticle: Q1\n" + "x\n=\n" * 100_000,
    "mskb-rule": "\tArticle: Q1\n" + "=" * 1_000_000,
    "mskb-header-lines": "\tArticle: Q1\n" + "Keyword(s): x\n" * 60_000,
    "escapes": "\x1b[" * 500_000,
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_article_parses_in_bounded_time(name: str) -> None:
    """Input shaped to trip a parser into quadratic time: parsed or refused within seconds."""
    from kbassist.articles import parse_article

    text = PATHOLOGICAL[name]
    started = time.perf_counter()
    with contextlib.suppress(ArticleSkip):
        parse_article(text, Path(f"{name}.md"))
    assert time.perf_counter() - started < 2.0
