"""Fuzzing the three parsers that read untrusted text: articles, tree YAML and queries.

Hypothesis generates text built from each format's own pieces (front matter, header
lines, underlines, YAML keys and tags, query operators and fields), mixed with
arbitrary characters. The only exceptions allowed out are the documented ones:
`ArticleSkip` from the article parser, none from the tree loader (it reports problems),
`KBError` subclasses from search.

Profiles: the default `ci` runs 1,000 inputs per parser; `HYPOTHESIS_PROFILE=deep`
runs 20,000.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

import pytest
from faultkit import write_kb
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kbassist.articles import ArticleSkip, decode, parse_article
from kbassist.errors import KBError
from kbassist.index import KBIndex, SearchResult
from kbassist.sanitize import sanitize
from kbassist.trees.lint import lint_result
from kbassist.trees.loader import read_tree_bytes, read_tree_file

settings.register_profile(
    "ci",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("deep", parent=settings.get_profile("ci"), max_examples=20_000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parent.parent
TREE_TEXT = (REPO / "decision_trees" / "q98097-retrospect-mail-server.yaml").read_text()
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# --------------------------------------------------------------------------- articles

ARTICLE_PIECES = [
    "---",
    "...",
    "id: KB-1",
    "id: ",
    'id: "\\e]2;pwned\\a"',
    "title: Printer stalls",
    "title: 'unterminated",
    'title: "Q98097: &quot;Mail&quot; &amp; \\u001b[2J"',
    "products: [Print Server, 'Windows 95']",
    'products: ["P\\e[31m"]',
    "products: {a: 1}",
    "product: 3.1",
    "versions: [1, 2.0, null]",
    "keywords: spooler queue",
    "tags: [x, [y, [z]]]",
    "last_modified: 2026-03-01",
    "last_modified: 2020-13-45",
    "date: 1999-01-01 10:00:00",
    "a: &a [1, 2]",
    "b: *a",
    "c: !!python/object/apply:os.system [true]",
    "d: !!binary aGVsbG8=",
    "{% raw %}",
    "{%- endraw -%}",
    "\tArticle: Q98097",
    "Article: Q1",
    "\tProduct(s): Microsoft Mail, &#27;]2;x&#7;",
    "\tVersion(s): WINDOWS:3.1",
    "\tOperating System(s): MACINTOSH",
    "\tKeyword(s): kbhw kbsw",
    "\tLast Modified: 09-NOV-1999",
    "\tLast Modified: 31-FEB-2000",
    "Last Modified: 9-XYZ-99999",
    "## Q98097: Mac Bkup",
    "# Title",
    "## Symptoms",
    "### Detail",
    "SUMMARY",
    "=======",
    "===",
    "-" * 40,
    "=" * 60,
    "Keywords          : kbhw",
    "Additional query words: 3.10 crash",
    "See Q12345 and Q0000001 and Q9999999999.",
    "&quot;&amp;&#0;&#x110000;&#xD800;&lt;",
    "\x1b[31mred\x1b[0m",
    "\x1b]8;;file:///etc/passwd\x07link\x1b]8;;\x07",
    "\x9b2J",
    "\u202e\u200b\ufeff",
    "```",
    "~~~",
    "> quoted",
    "- item",
    "1. item",
    "| a | b |",
    "|---|---|",
    "<script>alert(1)</script>",
    "[link](file:///etc/passwd)",
    "\t",
    "",
    " ",
    "\r",
]

article_lines = st.one_of(
    st.sampled_from(ARTICLE_PIECES),
    st.text(max_size=30),
    st.text(alphabet="=-#>*[]`\t :!&|", max_size=20),
)
article_texts = st.builds(
    lambda head, lines, sep: head + sep.join(lines),
    st.sampled_from(["", "---\n", "---\n{% raw %}\n", "\ufeff---\n"]),
    st.lists(article_lines, max_size=40),
    st.sampled_from(["\n", "\n", "\r\n", "\n\n"]),
)


def assert_clean(value: object, where: str) -> None:
    """No terminal control character in any text the model carries."""
    texts = value if isinstance(value, tuple) else (value,)
    for text in texts:
        if isinstance(text, str):
            assert not CONTROL.search(text), f"{where}: {text!r}"


@example(text='---\nid: "\\e]2;pwned\\a"\n---\n')  # an OSC sequence in the id
@example(text="---\nlast_modified: 2020-13-45\n---\n")  # ValueError from YAML
@example(text="\tArticle: Q1\n\tProduct(s): &#27;]2;x&#7;\n")  # ESC from an HTML entity
@given(text=article_texts)
def test_article_parser_returns_a_clean_article_or_skips(text: str) -> None:
    """Any text: an Article whose every string is free of terminal control, or ArticleSkip."""
    try:
        article = parse_article(text, Path("kb/note.md"))
    except ArticleSkip as exc:
        assert str(exc)
        return
    assert article.id and isinstance(article.title, str) and article.title
    for name in ("id", "title", "products", "versions", "operating_systems", "keywords"):
        assert_clean(getattr(article, name), name)
    assert_clean(article.query_words, "query_words")
    lines = text.count("\n") + text.count("\r") + 1
    for section in article.sections:
        assert_clean(section.name, "section name")
        assert_clean(section.text, "section text")
        assert 1 <= section.line <= lines + 2


@settings(max_examples=300)
@given(data=st.binary(max_size=300))
def test_decoding_any_bytes_gives_text_or_a_reason(data: bytes) -> None:
    """Arbitrary bytes (BOMs, NULs, bad UTF-8/UTF-16): text or ArticleSkip, nothing else."""
    for raw in (data, b"\xff\xfe" + data, b"\xef\xbb\xbf" + data):
        try:
            text = decode(raw)
        except ArticleSkip:
            continue
        assert "\x00" not in text and "\r" not in text
        with contextlib.suppress(ArticleSkip):
            parse_article(text, Path("kb/bytes.md"))


# --------------------------------------------------------------------------- tree YAML

TREE_LINES = TREE_TEXT.splitlines()
YAML_PIECES = [
    "---",
    "...",
    "&anchor",
    "*anchor",
    "a: &x [1, 2]",
    "b: *x",
    "<<: *x",
    "!!python/object/apply:os.system [true]",
    "!!python/name:os.system",
    "!!binary aGk=",
    "!custom tag",
    "%YAML 1.1",
    "%TAG ! tag:x,2000:",
    "? complex key",
    ": value",
    "- item",
    "- {next: nowhere, value: yes}",
    "  - nested",
    "\t- tab indented",
    "key:\tvalue",
    "id: x",
    "version: 0",
    "title: 2020-13-45",
    "start: 9999-12-31 23:59:60",
    "version: 1.5",
    "version: 0x10",
    "start: 12:30",
    "next: NO",
    "kind: outcome",
    "kind: question",
    "type: time",
    "type: number",
    "min: 10",
    "max: -1",
    "when: copy_time < archive_time and",
    "text: '{{ undefined }} {{ x.__class__ }}'",
    "text: Backup #1 is cut",
    "source: {article: Q1, section: NOPE}",
    "[" * 40,
    "{" * 40,
    '"unterminated',
    "'also",
    "|",
    ">-",
    "",
    "#",
]


@st.composite
def tree_yaml(draw: st.DrawFn) -> bytes:
    """The shipped tree with a few lines deleted, moved, re-indented, replaced or cut."""
    lines = list(TREE_LINES)
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "dup", "insert", "replace", "indent", "cut"]))
        piece = draw(st.one_of(st.sampled_from(YAML_PIECES), st.text(max_size=20)))
        if op == "delete":
            del lines[at]
        elif op == "dup":
            lines.insert(at, lines[at])
        elif op == "insert":
            lines.insert(at, " " * draw(st.integers(0, 8)) + piece)
        elif op == "replace":
            indent = len(lines[at]) - len(lines[at].lstrip())
            lines[at] = " " * indent + piece
        elif op == "indent":
            lines[at] = " " * draw(st.integers(0, 6)) + lines[at].lstrip()
        else:
            lines = lines[:at]
    return "\n".join(lines).encode("utf-8", errors="surrogatepass")


yaml_documents = st.one_of(
    tree_yaml(),
    st.lists(st.one_of(st.sampled_from(YAML_PIECES), st.text(max_size=20)), max_size=20).map(
        lambda lines: "\n".join(lines).encode("utf-8", errors="surrogatepass")
    ),
    st.binary(max_size=200),
)


@example(data=b"\x00")  # PyYAML's reader refuses it before parsing
@example(data=TREE_TEXT.replace("title: ", "title: 2020-13-45 #", 1).encode())
@given(data=yaml_documents)
def test_tree_loader_reports_problems_never_raises(data: bytes) -> None:
    """Any bytes: a tree, or problems each naming file:line:col; lint never raises either."""
    path = Path("trees/fuzzed.yaml")
    result = read_tree_bytes(data, path)
    if result.tree is None:
        assert result.problems
    for problem in result.problems:
        assert problem.path == path and problem.line >= 1 and problem.column >= 1
        assert problem.message
    lint_result(result, None)


@settings(max_examples=100)
@given(data=yaml_documents)
def test_tree_file_reader_agrees_with_the_bytes_reader(
    data: bytes, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """read_tree_file on the same bytes on disk gives the same problems."""
    path = tmp_path_factory.getbasetemp() / "fuzzed.yaml"
    path.write_bytes(data)
    from_file = read_tree_file(path)
    from_bytes = read_tree_bytes(data, path)
    assert [str(p) for p in from_file.problems] == [str(p) for p in from_bytes.problems]


# --------------------------------------------------------------------------- queries

QUERY_PIECES = [
    "widget7",
    "spooler",
    "stops",
    "responding",
    "backup",
    "95.x",
    "4.0",
    "dos",
    "AND",
    "OR",
    "NOT",
    "ANDNOT",
    "ANDMAYBE",
    "(",
    ")",
    '"',
    '"stops responding"',
    "*",
    "wid*",
    "?",
    "w?dget",
    "~",
    "widgt~2",
    "^",
    "spooler^3",
    "[a TO z]",
    "{a TO}",
    "[TO]",
    "title:",
    "title:widget7",
    "product:",
    "product:product",
    "products:product 1",
    "section:cause",
    "sections:",
    'section:"more information"',
    "symptoms:responding",
    "id:F-007",
    "idkey:f-007",
    "path:f007.md",
    "keywords:",
    "text:lock",
    "body:lock",
    "nosuchfield:x",
    "date:20200101",
    "+",
    "-",
    "+widget7",
    "-spooler",
    "\\",
    "/",
    "'",
    "`",
    ":",
    "::",
    "<",
    ">",
    "=",
    "\x00",
    "\t",
    "the",
    "über",
    "日本語",
]


queries = st.lists(
    st.one_of(st.sampled_from(QUERY_PIECES), st.text(max_size=12)), min_size=0, max_size=12
).flatmap(
    lambda parts: st.sampled_from(["", " ", "  "]).map(
        lambda sep: (sep or " ").join(parts) if sep else "".join(parts)
    )
)


@pytest.fixture(scope="module")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> KBIndex:
    """A dozen generated articles, indexed once for the query fuzzing."""
    root = tmp_path_factory.mktemp("fuzz-kb")
    write_kb(root / "kb", count=12)
    kb = KBIndex(root / "kb", root / "index")
    kb.update()
    return kb


@example(text='section:"stops responding"', limit=10, product=None)  # QueryError at run time
@given(
    text=queries,
    limit=st.integers(-5, 2000),
    product=st.one_of(st.none(), st.sampled_from(["Product 1", "", "nope", "\x00", "("])),
)
def test_any_query_gives_results_or_a_usage_error(
    small_index: KBIndex, text: str, limit: int, product: str | None
) -> None:
    """Any string typed as a query: a SearchResult, or a KBError the surface can show."""
    try:
        result = small_index.search(text, limit=limit, product=product)
    except KBError as exc:
        assert str(exc)
        return
    assert isinstance(result, SearchResult)
    assert len(result.hits) <= max(1, min(limit, 1000))
    for hit in result.hits:
        assert hit.id.startswith("F-")
        assert sanitize(hit.snippet_text) == hit.snippet_text
