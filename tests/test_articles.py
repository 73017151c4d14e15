"""The article parser: both input styles, and every kind of file that is not an article."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from kbassist.articles import ArticleSkip, load_article, load_folder, reading

SEED = Path(__file__).resolve().parent.parent / "articles" / "Q98097.md"


def test_seed_header_fields() -> None:
    """The seed's header lines become the model's id, product, version and date."""
    article = load_article(SEED)
    assert article.id == "Q98097"
    assert article.title == "Mac Bkup: Retrospect Remote May Corrupt Server Data File"
    assert article.products == ("Microsoft Mail For Appletalk Networks",)
    assert article.versions == ("WINDOWS:3.1",)
    assert article.last_modified == date(1999, 11, 9)
    assert article.style == "mskb"
    assert article.query_words == ("3.10", "crash")


def test_seed_sections_in_order_with_text() -> None:
    """Underlined headings split the body into sections, in order, with their text."""
    article = load_article(SEED)
    assert [s.name for s in article.sections] == ["APPLIES TO", "SUMMARY", "MORE INFORMATION"]
    summary = article.section("summary")
    assert summary is not None
    assert summary.line == 22
    assert summary.text.startswith("If Retrospect Remote is processing a remote backup")
    assert "Ensure the Mail Server is not running" in summary.text
    more = article.section("More Information")
    assert more is not None and "Mail Data Backup #x" in more.text
    assert "Additional query words" not in more.text


def test_body_without_headings_survives_the_footer_rule(tmp_path: Path) -> None:
    """An old article with no headings keeps its text; the footer's ===== is no heading."""
    path = tmp_path / "Q102065.md"
    path.write_text(
        '---\ntitle: "Q102065: NET3100 Error"\n---\n\n{% raw %}\n\n\tArticle: Q102065\n'
        "\tProduct(s): Microsoft LAN Manager\n\tLast Modified: 30-JUL-2001\n\t\n"
        "\tNET3100 almost always indicates a physical net problem.\n\t\n"
        "\tAdditional query words: 2.00\n\t\n\t" + "=" * 70 + "\n\tKeywords          :  \n"
    )
    article = load_article(path)
    assert [s.name for s in article.sections] == ["PREFACE"]
    assert "physical net problem" in article.sections[0].text
    assert article.query_words == ("2.00",)


def test_content_hash_changes_with_content(tmp_path: Path) -> None:
    """Two different files never share a content hash; the same bytes always do."""
    copy = tmp_path / "a.md"
    copy.write_bytes(SEED.read_bytes())
    assert load_article(copy).content_hash == load_article(SEED).content_hash
    copy.write_bytes(SEED.read_bytes() + b"\nextra\n")
    assert load_article(copy).content_hash != load_article(SEED).content_hash


def test_title_entities_unescaped_and_references_found(tmp_path: Path) -> None:
    """`&quot;`/`&amp;` in titles read as characters; Q-numbers in the text are references."""
    text = (
        SEED.read_text()
        .replace(
            'title: "Q98097: Mac Bkup: Retrospect Remote May Corrupt Server Data File"',
            'title: "Q98097: &quot;Mail&quot; &amp; Backup"',
        )
        .replace("For more details", "See Q12345 and Q67890. For more details")
    )
    path = tmp_path / "Q98097.md"
    path.write_text(text)
    article = load_article(path)
    assert article.title == '"Mail" & Backup'
    assert article.references == ("Q12345", "Q67890")


def test_markdown_style_with_front_matter(tmp_path: Path) -> None:
    """A team's Markdown note: YAML front matter and `##` headings fill the same model."""
    path = tmp_path / "vpn.md"
    path.write_text(
        "---\nid: NET-7\ntitle: VPN drops every 10 minutes\nproducts: [FortiGate, Windows 11]\n"
        "keywords: vpn ipsec\nlast_modified: 2026-03-01\n---\n\n# ignored h1\n\nIntro text.\n\n"
        "## Symptoms\n\nThe tunnel drops.\n\n## Cause\n\nDPD timeout; see Q11111.\n\n"
        "## Resolution\n\n1. Raise the timeout.\n2. Reconnect.\n"
    )
    article = load_article(path)
    assert article.style == "markdown"
    assert (article.id, article.title) == ("NET-7", "VPN drops every 10 minutes")
    assert article.products == ("FortiGate", "Windows 11")
    assert article.keywords == ("vpn", "ipsec")
    assert article.last_modified == date(2026, 3, 1)
    assert [s.name for s in article.sections] == ["SUMMARY", "Symptoms", "Cause", "Resolution"]
    assert article.section("resolution").text == "1. Raise the timeout.\n2. Reconnect."  # type: ignore[union-attr]
    assert article.section("cause").line == 17  # type: ignore[union-attr]
    assert article.references == ("Q11111",)


def test_markdown_without_front_matter_uses_file_name(tmp_path: Path) -> None:
    """A bare Markdown file still loads: id from its name, title from its `#` heading."""
    path = tmp_path / "disk-full.md"
    path.write_text("# Disk full on /var\n\n## Cause\n\nLogs.\n")
    article = load_article(path)
    assert (article.id, article.title) == ("disk-full", "Disk full on /var")


def test_crlf_bom_and_utf16_are_read(tmp_path: Path) -> None:
    """Windows line ends, a UTF-8 BOM and BOM-marked UTF-16 all parse like plain UTF-8."""
    text = SEED.read_text()
    variants = {
        "crlf.md": text.replace("\n", "\r\n").encode(),
        "bom.md": b"\xef\xbb\xbf" + text.encode(),
        "utf16.md": text.encode("utf-16"),
    }
    for name, data in variants.items():
        (tmp_path / name).write_bytes(data)
        article = load_article(tmp_path / name)
        assert article.id == "Q98097", name
        assert [s.name for s in article.sections][1:] == ["SUMMARY", "MORE INFORMATION"], name


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.md", b"", "empty file"),
        ("blank.md", b"  \n\n", "empty file"),
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("latin1.md", "Caf\xe9 cr\xe8me".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_file_contents_are_skipped_with_reason(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    """Files that are not text articles raise ArticleSkip saying why."""
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ArticleSkip, match=message):
        load_article(path)


def test_oversized_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file over the size cap is refused without being read whole."""
    monkeypatch.setattr(reading, "MAX_ARTICLE_BYTES", 1000)
    path = tmp_path / "big.md"
    path.write_text("x" * 5000)
    with pytest.raises(ArticleSkip, match="larger than"):
        load_article(path)


def test_fifo_and_broken_links_do_not_hang(tmp_path: Path) -> None:
    """A FIFO named .md, a broken symlink and a symlink loop are skipped, never opened."""
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "broken.md").symlink_to(tmp_path / "missing.md")
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    for name, message in [
        ("pipe.md", "not a regular file"),
        ("broken.md", "missing"),
        ("loop.md", "cannot read"),
    ]:
        with pytest.raises(ArticleSkip, match=message):
            load_article(tmp_path / name)


def test_load_folder_reports_every_failure_and_goes_on(tmp_path: Path) -> None:
    """One bad file among good ones: the good ones load, each bad one is listed once."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "Q98097.md").write_bytes(SEED.read_bytes())
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "bin.md").write_bytes(b"\x00\x01")
    (tmp_path / "notes.txt").write_text("not markdown, not looked at")
    (tmp_path / ".hidden.md").write_text("# hidden")
    loaded, failed = load_folder(tmp_path)
    assert [a.id for a in loaded] == ["Q98097"]
    assert sorted(p.path.name for p in failed) == ["bin.md", "empty.md"]
    assert all(str(p).startswith(str(tmp_path)) for p in failed)


@pytest.mark.archive
def test_whole_archive_parses(archive_dir: Path) -> None:
    """All 60,335 articles of the MS KB archive parse, each with an id, sections and its
    document tree (one pass: the tree is built from the parse)."""
    loaded, failed = load_folder(archive_dir)
    for article in loaded:
        assert article.document.parts or article.document.blocks or not article.sections
    assert failed == []
    assert len(loaded) == 60335
    assert len({a.id for a in loaded}) == 60335
    assert sum(1 for a in loaded if not a.sections) < 10
    assert all(a.title and a.last_modified for a in loaded)
    seed = next(a for a in loaded if a.id == "Q98097")
    assert seed.section("SUMMARY") is not None
