"""fastwrite writes what stock whoosh3 writes, as stock whoosh3 reads it back: builds,
changes and merges. Every file is byte-identical but the postings (`.pst`: blocks pickled
with protocol 3) and the term table (`.trm`: hashed with CRC32), whose every term,
term statistic and posting reads back equal."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from whoosh import formats
from whoosh.codec import base, whoosh3

from kbassist.index import KBIndex
from kbassist.search.whoosh_backend import build
from kbassist.search.whoosh_backend.analysis import make_schema
from kbassist.search.whoosh_backend.fastwrite import (
    _existence_values,
    _frequency_values,
    _positions_values,
)

_WORDS = (
    "mail server backup spooler queue driver resolver cluster node replication "
    "database volume printer modem registry service account policy domain controller"
).split()
_UNICODE = ["café", "naïve", "Ελληνικά", "日本語の設定", "straße", "Ñandú"]
_QUERIES = [
    "mail server backup",
    "spooler queue stalls",
    "error 0x80004005",
    "café naïve",
    "windows 95.x dns",
    "NetBIOS PowerPoint",
    "registry key hklm",
]


def _markdown(n: int) -> str:
    """A front-matter article: Symptoms/Cause/Resolution, code, unicode, versions."""
    words = " ".join(_WORDS[(n + k) % len(_WORDS)] for k in range(3 + n % 7))
    repeat = " ".join(["server"] * (1 + n % 5))  # the weight differs from document to document
    code = (
        f"```\nreg add HKLM\\Software\\App{n} /v Value /d {n}\nnet stop spooler\n```\n"
        if n % 3 == 0
        else ""
    )
    cause = f"## Cause\n\nThe {_WORDS[n % len(_WORDS)]} on NetBIOS holds `C:\\temp\\{n}.log`.\n\n"
    return (
        f"---\nid: KB-T-{n}\ntitle: {words.title()} fails on Windows 95.x ({n})\n"
        f"products: [Product {n % 4}, Windows {95 + n % 3}]\nkeywords: {_WORDS[n % 5]}\n---\n\n"
        f"## Symptoms\n\n{repeat} {words} error 0x{n:08X} {_UNICODE[n % len(_UNICODE)]}.\n\n"
        + (cause if n % 4 else "")
        + f"## Resolution\n\n1. Restart the {_WORDS[(n * 7) % len(_WORDS)]} service.\n"
        f"2. Run PowerPoint {n % 10}.0 again.\n\n{code}"
    )


def _mskb(n: int) -> str:
    """An MS KB archive article (tab-indented, underlined section headings)."""
    words = " ".join(_WORDS[(n * 3 + k) % len(_WORDS)] for k in range(4 + n % 5))
    return (
        f'---\nlayout: page\ntitle: "Q{n:06d}: {words.title()} Stops Responding"\n'
        f"permalink: /kb/{n % 1000:03d}/Q{n:06d}/\n---\n\n"
        f"## Q{n:06d}: {words.title()} Stops Responding\n\n"
        f"\tArticle: Q{n:06d}\n\tProduct(s): Microsoft Mail For Appletalk Networks\n"
        f"\tVersion(s): WINDOWS:3.{n % 2}\n\tKeyword(s): kbnetwork\n"
        "\tLast Modified: 09-NOV-1999\n\t\n"
        "\t-------------------------------------------------------------------------------\n"
        "\tThe information in this article applies to:\n\t\n"
        f"\t- Microsoft Mail for AppleTalk Networks, version 3.{n % 2}\n"
        "\t-------------------------------------------------------------------------------\n"
        "\t\n\tSYMPTOMS\n\t========\n\t\n"
        f"\tThe mail server {words} shuts down during the backup; STOP 0x{n % 16:X}.\n\t\n"
        "\tCAUSE\n\t=====\n\t\n"
        f"\tRetrospect Remote opens the {_UNICODE[(n + 1) % len(_UNICODE)]} datafile.\n\t\n"
        "\tRESOLUTION\n\t==========\n\t\n"
        f"\tExclude the server's System Folder from backup {n}.\n\t\n"
        f"\tAdditional query words: 3.10 crash {_WORDS[n % len(_WORDS)]}\n"
    )


def _write_corpus(root: Path, count: int) -> None:
    """`count` articles, half of each kind: common words reach more than 128 documents
    (several posting blocks), rare ones a single document."""
    root.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        if n % 2:
            (root / f"kb{n:04d}.md").write_text(_markdown(n), encoding="utf-8")
        else:
            folder = root / f"{n % 1000:03d}" / f"Q{n:06d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "README.md").write_text(_mskb(n), encoding="utf-8")


def _fixed_segment_ids(monkeypatch: pytest.MonkeyPatch, start: int) -> None:
    """Name new segments seg<start>, seg<start+1>...: both builds get the same names."""
    counter = itertools.count(start)
    monkeypatch.setattr(
        base.Segment, "_random_id", classmethod(lambda cls, size=16: f"seg{next(counter):013d}")
    )


def _whoosh_files(index_dir: Path) -> dict[str, bytes]:
    """Every file of the live generation that Whoosh wrote, by name."""
    live = index_dir / (index_dir / "CURRENT").read_text(encoding="utf-8").strip()
    files = {
        p.name: p.read_bytes()
        for p in live.iterdir()
        if p.is_file() and p.name not in ("manifest.json", "folders.json", "meta.json")
    }
    assert any(name.endswith(".pst") for name in files), "no segment was written"
    return files


def _update(
    monkeypatch: pytest.MonkeyPatch, kb: Path, index_dir: Path, *, fast: bool, step: int
) -> None:
    monkeypatch.setattr(build, "FAST_WRITE", fast)
    _fixed_segment_ids(monkeypatch, step * 100)
    KBIndex(kb, index_dir).update(full=step == 0)


def _hits(index_dir: Path, kb: Path) -> list[list[tuple[str, float]]]:
    kbi = KBIndex(kb, index_dir)
    try:
        return [
            [(hit.id, round(hit.score, 9)) for hit in kbi.search(q, limit=1000, suggest=False).hits]
            for q in _QUERIES
        ]
    finally:
        kbi.close()


#: The files fastwrite writes differently from stock whoosh3 (read back equal).
_POSTING_FILES = (".pst", ".trm")


def _assert_same(stock: dict[str, bytes], fast: dict[str, bytes]) -> None:
    assert sorted(fast) == sorted(stock)
    differ = [
        name for name in stock if stock[name] != fast[name] and not name.endswith(_POSTING_FILES)
    ]
    assert differ == [], f"files differ from stock whoosh3's: {differ}"


def _postings(index_dir: Path) -> list[dict[tuple[str, bytes], tuple[object, ...]]]:
    """Each segment's every (field, term) -> its term statistics and postings (document,
    weight, value), read by stock whoosh3's reader; segments in a stable order."""
    live = index_dir / (index_dir / "CURRENT").read_text(encoding="utf-8").strip()
    return _whoosh_postings(live)


def _whoosh_postings(live: Path) -> list[dict[tuple[str, bytes], tuple[object, ...]]]:
    """`_postings` of the Whoosh index in `live`."""
    import whoosh.index

    ix = whoosh.index.open_dir(str(live))
    segments = []
    with ix.reader() as reader:
        leaves = reader.leaf_readers() if not reader.is_atomic() else [(reader, 0)]
        for leaf, _offset in leaves:
            terms: dict[tuple[str, bytes], tuple[object, ...]] = {}
            for fieldname, btext in leaf.all_terms():
                info = leaf.term_info(fieldname, btext)
                matcher = leaf.postings(fieldname, btext)
                found = []
                while matcher.is_active():
                    found.append((matcher.id(), matcher.weight(), matcher.value()))
                    matcher.next()
                stats = (info.weight(), info.doc_frequency(), info.min_length())
                stats += (info.max_length(), info.max_weight(), info.min_id(), info.max_id())
                terms[fieldname, btext] = (stats, found)
            segments.append(terms)
    ix.close()
    return sorted(segments, key=lambda terms: sorted(terms.items()))


def test_build_and_every_change_read_back_as_stock_whoosh_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full build, then edits, deletions, additions and the merges they cause, leave
    every term, term statistic and posting as stock whoosh3 reads it equal to stock's,
    and every other segment file and table of contents byte-identical."""
    kb = tmp_path / "kb"
    _write_corpus(kb, 300)
    stock_dir, fast_dir = tmp_path / "stock", tmp_path / "fast"
    segments_seen = []
    for step in range(8):
        if step:  # a change set: edits, a deletion and an addition, different each time
            for n in range(step, 300, 37):
                path = (
                    kb / f"kb{n:04d}.md" if n % 2 else kb / f"{n:03d}" / f"Q{n:06d}" / "README.md"
                )
                if path.exists():
                    path.write_text(_markdown(n + 1000 * step), encoding="utf-8")
            (kb / f"added{step}.md").write_text(_markdown(500 + step), encoding="utf-8")
            (kb / f"kb{2 * step + 1:04d}.md").unlink()
        _update(monkeypatch, kb, stock_dir, fast=False, step=step)
        _update(monkeypatch, kb, fast_dir, fast=True, step=step)
        stock = _whoosh_files(stock_dir)
        _assert_same(stock, _whoosh_files(fast_dir))
        assert _postings(fast_dir) == _postings(stock_dir)
        segments_seen.append(sum(name.endswith(".trm") for name in stock))
    # The change sets took the commit path, and Whoosh merged small segments on the way.
    assert max(segments_seen) > 1 and segments_seen[-1] < max(segments_seen)
    assert _hits(fast_dir, kb) == _hits(stock_dir, kb)


def test_multiprocess_build_writes_the_segments_stock_whoosh_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers' segments (named at random in each process) read back as stock whoosh3's
    (postings equal, other files the same bytes), the table of contents lists the same
    segments, and searches agree."""
    kb = tmp_path / "kb"
    _write_corpus(kb, 300)
    monkeypatch.setattr(build, "PARALLEL_MIN_FILES", 50)
    built = {}
    for fast in (False, True):
        monkeypatch.setattr(build, "FAST_WRITE", fast)
        index_dir = tmp_path / ("fast" if fast else "stock")
        KBIndex(kb, index_dir).update(full=True)
        files = _whoosh_files(index_dir)
        segments = sorted(
            sorted(
                (n.split(".", 1)[1], data)
                for n, data in files.items()
                if n.startswith(seg) and not n.endswith(_POSTING_FILES)
            )
            for seg in {n.split(".")[0] + "." for n in files if not n.endswith(".toc")}
        )
        built[fast] = (
            segments,
            _postings(index_dir),
            _toc_doc_counts(index_dir),
            sorted(map(sorted, _hits(index_dir, kb))),
        )
    assert built[True][0] == built[False][0]
    assert built[True][1] == built[False][1]
    assert built[True][2] == built[False][2]
    assert built[True][3] == built[False][3]


def test_postings_take_less_room_than_stock_whoosh_gives_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The postings file is over a tenth smaller than stock whoosh3's for the same
    articles: each word's positions are pickled as bytes, not as latin-1 text."""
    kb = tmp_path / "kb"
    _write_corpus(kb, 300)
    sizes = {}
    for fast in (False, True):
        _update(monkeypatch, kb, tmp_path / str(fast), fast=fast, step=0)
        files = _whoosh_files(tmp_path / str(fast))
        sizes[fast] = sum(len(data) for name, data in files.items() if name.endswith(".pst"))
    assert sizes[True] < 0.9 * sizes[False]


def _toc_doc_counts(index_dir: Path) -> list[int]:
    import whoosh.index
    from whoosh.filedb.filestore import FileStorage

    live = index_dir / (index_dir / "CURRENT").read_text(encoding="utf-8").strip()
    toc = whoosh.index.TOC.read(FileStorage(str(live)), "MAIN")
    return sorted(segment.doc_count_all() for segment in toc.segments)


def test_segments_still_pickle_a_stock_codec(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The table of contents names whoosh3's own W3Codec and W3Segment: any whoosh3
    reads an index fastwrite wrote."""
    kb = tmp_path / "kb"
    _write_corpus(kb, 20)
    KBIndex(kb, tmp_path / "idx").update(full=True)
    import whoosh.index
    from whoosh.filedb.filestore import FileStorage

    live = tmp_path / "idx" / (tmp_path / "idx" / "CURRENT").read_text(encoding="utf-8").strip()
    toc = whoosh.index.TOC.read(FileStorage(str(live)), "MAIN")
    assert [type(s) for s in toc.segments] == [whoosh3.W3Segment]
    assert type(toc.segments[0].codec()) is whoosh3.W3Codec


@pytest.mark.parametrize(
    "text",
    [
        "Mail server mail SERVER backup backup backup",
        "café naïve Ελληνικά 日本語の設定 straße",
        "Windows 95.x and NT 4.0 error 0x0000000A C0000005 NetBIOS PowerPoint",
        "the and of",  # stop words only: no terms
        "",
    ],
)
@pytest.mark.parametrize("fieldname", ["title", "pairs", "path", "products", "spell"])
def test_word_values_match_whoosh_formats(text: str, fieldname: str) -> None:
    """Terms, frequencies, weights and encoded positions equal the stock formats'."""
    field = make_schema()[fieldname]
    fast: dict[type, Callable[..., object]] = {
        formats.Positions: _positions_values,
        formats.Frequency: _frequency_values,
        formats.Existence: _existence_values,
    }
    ours = fast[type(field.format)](text, field.analyzer, field.format.field_boost)
    stock = [(word, freq, weight, value) for word, freq, weight, value in field.index(text)]
    assert sorted(ours) == sorted(stock)  # type: ignore[call-overload]


_TRICKY = "aQ9_=[]\\;P2Jm\t\n\x00\x07\x1b\x1f\x7f\x85\x9b\u200b\u202e\ufeff\udce9é"


def _sanitized_before(text: str) -> str:
    from kbassist import sanitize as s

    return s._SURROGATE_RE.sub("\ufffd", s._ESCAPES_RE.sub("", text))


@given(st.text(alphabet=_TRICKY + "0123456789", max_size=24))
def test_sanitize_strips_exactly_what_the_full_pattern_strips(text: str) -> None:
    """The build's faster sanitize (a one-class search before the alternation) gives the
    text the plain two-pattern substitution gives, control sequences and all."""
    from kbassist.sanitize import sanitize

    assert sanitize(text) == _sanitized_before(text)


def test_sanitize_strips_every_control_character_alone() -> None:
    """Each character of the plane, alone in ASCII text or opening a sequence, is
    stripped or kept as before (the faster search must know every starting one)."""
    from kbassist.sanitize import sanitize

    for code in range(0x10000):
        for text in (f"ab{chr(code)}cd", f"a{chr(code)}[2Jb"):
            assert sanitize(text) == _sanitized_before(text), hex(code)


_QREF_BEFORE = re.compile(r"(?<![A-Za-z0-9])Q(\d{4,7})(?!\d)", re.ASCII)


@given(st.text(alphabet=_TRICKY + "0123456789", max_size=24))
def test_article_references_are_found_as_before(text: str) -> None:
    """Q-number references (the "see also" links) match as with the look-behind first."""
    from kbassist.articles.meta import _QREF_RE

    assert _QREF_RE.findall(text) == _QREF_BEFORE.findall(text)


def test_article_references_after_every_character_as_before() -> None:
    """Whatever character stands before "Q1234", it is a reference exactly when it was."""
    from kbassist.articles.meta import _QREF_RE

    for code in range(0x10000):
        for text in (f"{chr(code)}Q12345 ", f"x{chr(code)}Q1234{chr(code)}"):
            assert _QREF_RE.findall(text) == _QREF_BEFORE.findall(text), hex(code)


_ANALYZED = "aZ.9_ -é0xXfFİß'\n"  # dotted and underscored words, codes, camelCase, lines


def _stream_positions(analyzer: object, text: str) -> dict[str, list[int]]:
    """Each term -> its positions, as the analyzer's token stream gives them."""
    found: dict[str, list[int]] = {}
    for token in analyzer(text, positions=True, mode="index"):  # type: ignore[operator]
        found.setdefault(token.text, []).append(token.pos)
    return found


@given(
    st.lists(
        st.one_of(
            st.text(alphabet=_ANALYZED, min_size=1, max_size=10),
            st.sampled_from(
                [
                    "NetBIOS",
                    "PowerPoint",
                    "the",
                    "Windows",
                    "95.x",
                    "4.0",
                    "C0000005",
                    "0a",
                    "deadbeef",
                    "file_name.txt",
                    "IPv4Address",
                    "dos",
                    "running",
                    "a.b.c",
                ]
            ),
        ),
        max_size=30,
    )
)
def test_term_positions_match_the_analyzer_stream(words: list[str]) -> None:
    """The build's one-call analysis indexes every term at the positions (word pairs:
    as often as) the token stream (what queries and stock Whoosh use) gives."""
    from kbassist.search.whoosh_backend.analysis import KBAnalyzer, PairAnalyzer

    text = " ".join(words)
    stream = _stream_positions(KBAnalyzer(), text)
    assert KBAnalyzer().term_positions(text) == stream
    warm = KBAnalyzer()
    warm.term_positions(text.lower())  # cached from other spellings: the same terms
    assert warm.term_positions(text) == stream
    pairs = PairAnalyzer()
    counted = Counter(token.text for token in pairs(text, mode="index"))
    assert pairs.term_counts(text) == counted


@pytest.mark.parametrize("count", [600, 20_000])  # placed in Python, and with numpy
def test_term_table_finds_every_key_and_no_other(tmp_path: Path, count: int) -> None:
    """Keys crowded into the term table's 256 hash tables (probe runs that wrap past a
    table's end) are each found, with their value, and a key never added is not."""
    from array import array
    from zlib import crc32

    from whoosh.filedb import filetables
    from whoosh.filedb.filestore import FileStorage

    from kbassist.search.whoosh_backend import fastwrite

    storage = FileStorage(str(tmp_path))
    dbfile = storage.create_file("table")
    writer = filetables.HashWriter(dbfile)
    fastwrite._hash_with_crc32(writer)
    hashes, positions = array("L"), array("q")
    keys = [f"term{n}".encode() for n in range(count)]
    for key in keys:
        hashes.append(crc32(key))
        positions.append(dbfile.tell())
        value = key[::-1]
        dbfile.write(filetables._lengths.pack(len(key), len(value)) + key + value)
    writer.add(b"added the stock way", b"too")
    writer._write_hashes = lambda: fastwrite._write_hash_slots(writer, hashes, positions)  # type: ignore[method-assign]
    writer.close()
    reader = filetables.HashReader.open(storage, "table")
    assert reader.hashtype == 1  # CRC32, read from the header
    assert all(reader[key] == key[::-1] for key in keys)
    assert reader[b"added the stock way"] == b"too"
    assert f"term{count}".encode() not in reader
    reader.close()


_HEADERY = [
    "Additional query words: nt4 backup",
    "additional QUERY words:x",
    "Additional query words:",
    "  Additional query words: indented",
    "Additional query words\u212a",  # the Kelvin sign: case-folds to "k", not ASCII
    "Additional query word\u017f: long s",  # "\u017f" case-folds to "s"
    "=" * 19,
    "=" * 20,
    "=" * 24,
    "==== =",
    "Keywords: kbnetwork",
    "Technology: kbAudDeveloper",
    "KEYWORDS",
    "text Keywords",
    "",
    "é",
]


@given(st.lists(st.sampled_from(_HEADERY), max_size=8))
def test_query_words_and_footer_end_the_text_where_the_patterns_did(lines: list[str]) -> None:
    """An MS KB article's text ends at its query-words line or footer rule exactly where
    the case-blind, line-anchored patterns found them, non-ASCII folding included."""
    from kbassist.articles.mskb import (
        _FOOTER_SEARCH_RE,
        _QUERY_WORDS_SEARCH_RE,
        _footer_start,
        _query_words_line,
    )

    for body in ("\n".join(lines), "x\n" + "\n".join(lines) + "\n"):
        want = _QUERY_WORDS_SEARCH_RE.search(body)
        got = _query_words_line(body)
        assert (got and (got.span(), got.group(1))) == (want and (want.span(), want.group(1)))
        footer = _FOOTER_SEARCH_RE.search(body)
        assert _footer_start(body) == (footer.start() if footer else -1)


_CAMEL_BEFORE = re.compile(r"\b[A-Za-z0-9]*[a-z][A-Z]\w*")


@given(st.text(alphabet="aBzZ19_é.\n -K\u017f", max_size=40))
def test_camel_case_words_found_as_the_whole_text_pattern_finds_them(text: str) -> None:
    """CamelCase words ("NetBIOS", "getWindowText") and their parts are the ones a scan
    of the whole text with the backtracking pattern gives, line skipping and all."""
    from kbassist.search.whoosh_backend.analysis import _CAMEL_PART_RE, _camel_parts

    want = {}
    for word in _CAMEL_BEFORE.findall(text):
        parts = [p.lower() for p in _CAMEL_PART_RE.findall(word) if len(p) > 1]
        if len(parts) > 1:
            want[word.lower()] = parts
    got = _camel_parts(text)
    assert got == want
    assert list(got) == list(want)


def _odd_documents() -> list[dict[str, object]]:
    """Documents the build never makes but a writer must take: fields missing, None or
    empty, boosts, a stored value of its own, and the build's own shape between them."""
    plain = {
        "path": "a.md",
        "id": "KB1",
        "idkey": "kb1",
        "title": "Mail server stops during backup",
        "product": "Mail",
        "products": "Mail,Exchange",
        "keywords": "backup crash",
        "symptoms": "The server stops. NetBIOS error 0x0000000A.",
        "text": "More text, PowerPoint 4.0.",
        "cause": "",
        "resolution": "Restart it.",
        "code": "",
        "section": "symptoms cause",
        "pairs": "Mail server stops\nThe server stops",
        "spell": "mail server stops",
        "snippet": b"The server stops.",
    }
    return [
        plain,
        {**plain, "path": "b.md", "cause": None, "text": None},
        {"path": "c.md", "title": "Only a title"},
        {**plain, "path": "d.md", "_boost": 2.0},
        {**plain, "path": "e.md", "_title_boost": 0.5},
        {**plain, "path": "f.md", "_stored_title": "Shown title"},
        {**plain, "path": "g.md", "title": "Printer prints garbage", "symptoms": "garbage"},
        {"path": "h.md", "id": "KB8", "snippet": b""},
    ]


def test_documents_of_every_shape_write_the_segment_stock_whoosh_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document added by its fields' plan (the build's) or the general path (boosts,
    missing or None fields, stored values of its own) writes what stock whoosh3 writes:
    the same lengths, stored fields and columns, postings read back equal."""
    import whoosh.index
    from whoosh.writing import SegmentWriter

    from kbassist.search.whoosh_backend.fastwrite import FastSegmentWriter

    written = {}
    for name, writer_class in (("stock", SegmentWriter), ("fast", FastSegmentWriter)):
        folder = tmp_path / name
        folder.mkdir()
        _fixed_segment_ids(monkeypatch, 0)
        ix = whoosh.index.create_in(str(folder), make_schema())
        writer = writer_class(ix, _lk=False, compound=False)
        for document in _odd_documents():
            writer.add_document(**document)
        writer.commit()
        files = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
        written[name] = (files, _whoosh_postings(folder))
    _assert_same(written["stock"][0], written["fast"][0])
    assert written["fast"][1] == written["stock"][1]


#: Pieces of `{% raw %}` lines: whole ones, lookalikes and what can split them.
_LIQUIDISH = ["{%", "%}", " raw ", "endraw", "-", "\n", " ", "\t", "x", "{% raw %}", "{%- endraw"]


@given(st.lists(st.sampled_from(_LIQUIDISH), max_size=14))
def test_liquid_lines_blanked_where_the_line_pattern_blanked_them(atoms: list[str]) -> None:
    """An archive article's `{% raw %}` lines go exactly where the whole-text pattern
    removed them, lines it spans and lookalikes mid-line included."""
    from kbassist.articles.mskb import _LIQUID_SUB_RE, _without_liquid

    body = "".join(atoms)
    assert _without_liquid(body) == _LIQUID_SUB_RE.sub("", body)


@given(st.lists(st.binary(min_size=1, max_size=40), max_size=30), st.integers(0, 60))
def test_table_entries_are_what_the_term_table_writes_key_by_key(
    keys: list[bytes], info_size: int
) -> None:
    """A batch of term table entries joined at once is byte for byte what Whoosh's
    HashWriter.add writes for each key and its info in turn."""
    import io

    from whoosh.filedb import filetables
    from whoosh.filedb.structfile import StructFile

    from kbassist.search.whoosh_backend.fastwrite import _table_entries

    infos = [bytes([n % 256]) * info_size for n in range(len(keys))]
    stream = io.BytesIO()
    writer = filetables.HashWriter(StructFile(stream))
    start = stream.tell()
    for key, info in zip(keys, infos, strict=True):
        writer.add(key, info)
    assert _table_entries(keys, infos, info_size) == stream.getvalue()[start:]


def _many_term_documents() -> list[dict[str, object]]:
    """Documents whose fields hold many terms: words every document shares (postings
    past one block of 128), words a few share, and words of one document only."""
    documents = []
    for n in range(150):
        shared = " ".join(_WORDS[(n + k) % len(_WORDS)] for k in range(6))
        own = f"only{n}a only{n}b fix{n % 9} café{n % 4}"
        documents.append(
            {
                "path": f"{n}.md",
                "id": f"KB{n}",
                "idkey": f"kb{n}",
                "title": f"{shared} {own}",
                "symptoms": f"{own} stops {shared}",
                "text": f"{shared} {own} " * (1 + n % 3),
                "pairs": f"{shared} {own}\n{own} stops",
                "spell": f"{shared} only{n}a",
                "snippet": own.encode(),
            }
        )
    return documents


def test_terms_written_in_small_batches_make_the_same_segment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A field's terms cut into batches anywhere (one-posting, multi-posting and
    multi-block terms in one batch) write the very bytes one batch writes, and stock
    whoosh3 reads back the postings its own writer gives."""
    import whoosh.index
    from whoosh.writing import SegmentWriter

    from kbassist.search.whoosh_backend import fastwrite

    written = {}
    for name, batch in (("stock", 0), ("one batch", 1 << 20), ("batches of 5", 5)):
        monkeypatch.setattr(fastwrite, "_TERM_BATCH", batch or 1 << 20)
        folder = tmp_path / name
        folder.mkdir()
        _fixed_segment_ids(monkeypatch, 0)
        ix = whoosh.index.create_in(str(folder), make_schema())
        writer_class = SegmentWriter if name == "stock" else fastwrite.FastSegmentWriter
        writer = writer_class(ix, _lk=False, compound=False)
        for document in _many_term_documents():
            writer.add_document(**document)
        writer.commit()
        files = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
        written[name] = (files, _whoosh_postings(folder))
    assert written["batches of 5"][0] == written["one batch"][0]
    _assert_same(written["stock"][0], written["batches of 5"][0])
    assert written["batches of 5"][1] == written["stock"][1]
