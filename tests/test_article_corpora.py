"""The structured model on real corpora no one here wrote: team runbooks, Microsoft
support articles and the MS KB archive (../shared/corpus; skipped when absent)."""

from __future__ import annotations

import tarfile
from collections import Counter
from pathlib import Path

import pytest

from kbassist.articles import (
    Article,
    Code,
    ListBlock,
    Table,
    iter_article_files,
    load_folder,
)
from kbassist.articles.text import article_as_json
from kbassist.index import KBIndex

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
#: Files the corpus tarballs carry about themselves, not articles.
NOT_ARTICLES = {"SOURCE.md", "README.md"}


def unpack(name: str, target: Path) -> Path:
    """Unpack one corpus tarball below `target`; skip the test when it is absent."""
    archive = CORPUS / f"{name}.tar.xz"
    if not archive.exists():
        pytest.skip(f"{archive.name} not present (../shared/corpus)")
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return target


@pytest.fixture(scope="module")
def runbooks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 389 alert runbooks of two projects, unpacked once."""
    return unpack("runbooks", tmp_path_factory.mktemp("rb")) / "runbooks"


@pytest.fixture(scope="module")
def support(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 120 Microsoft support articles, unpacked once."""
    return unpack("ms-support-sample", tmp_path_factory.mktemp("ms")) / "ms-support"


@pytest.fixture(scope="module")
def runbook_articles(runbooks: Path) -> list[Article]:
    """Every runbook, loaded."""
    loaded, failed = load_folder(runbooks)
    assert failed == []
    return [a for a in loaded if a.source.name not in NOT_ARTICLES]


@pytest.fixture(scope="module")
def support_articles(support: Path) -> list[Article]:
    """Every support article, loaded (the corpus' own SOURCE.md left out)."""
    loaded, failed = load_folder(support)
    assert failed == []
    return [a for a in loaded if a.source.name not in NOT_ARTICLES]


def test_every_runbook_and_its_tree_parse(runbook_articles: list[Article]) -> None:
    """All runbooks load and build a document tree with at least one part."""
    assert len(runbook_articles) == 379  # 390 files less 9 _index.md, SOURCE.md, a README
    for article in runbook_articles:
        assert article.document.parts or article.document.blocks, article.source


def test_every_support_article_and_its_tree_parse(support_articles: list[Article]) -> None:
    """All 120 support articles load and build a tree (three have no `##` at all)."""
    assert len(support_articles) == 120
    for article in support_articles:
        assert article.document.parts or article.document.blocks, article.source
    assert sum(1 for a in support_articles if a.document.parts) >= 115


def test_no_two_runbooks_share_an_id(runbook_articles: list[Article]) -> None:
    """The 34 file names both projects use get folder-qualified ids; all ids are unique."""
    ids = Counter(a.id.casefold() for a in runbook_articles)
    assert [i for i, n in ids.items() if n > 1] == []
    qualified = [a.id for a in runbook_articles if "/" in a.id]
    assert len(qualified) == 68
    assert "openshift/etcdMembersDown" in qualified
    assert "prometheus-operator/etcdMembersDown" in qualified


def test_the_34_collisions_are_reachable_by_qualified_id(
    runbooks: Path, runbook_articles: list[Article], tmp_path: Path
) -> None:
    """Each qualified id opens its own file through the index, as `show` does."""
    kb = KBIndex(runbooks, tmp_path / "ix")
    kb.update()
    for article in runbook_articles:
        if "/" in article.id:
            assert kb.get(article.id).source == article.source, article.id


def test_hugo_section_pages_are_not_articles(
    runbooks: Path, runbook_articles: list[Article]
) -> None:
    """No `_index.md` is scanned, and no article is titled after a section page ("etcd")."""
    assert list(runbooks.rglob("_index.md"))
    assert not [p for p in iter_article_files(runbooks) if p.name == "_index.md"]
    assert "etcd" not in {a.title for a in runbook_articles}


def test_runbooks_take_their_folder_as_area(runbook_articles: list[Article]) -> None:
    """With no product in front matter, a runbook's product/area is its folder."""
    down = next(a for a in runbook_articles if a.id == "openshift/etcdMembersDown")
    assert down.products == ("openshift/cluster-etcd-operator",)
    assert all(a.products for a in runbook_articles)


def test_every_support_article_has_title_date_and_product(
    support_articles: list[Article],
) -> None:
    """Title, date (ms.date, even misspelt ms.data) and a product or area for all 120."""
    for article in support_articles:
        assert article.title and article.title != article.id, article.source
        assert article.last_modified is not None, article.source
        assert article.products, article.source
        assert "&nbsp;" not in article.title and not article.title.startswith(">")


def test_support_original_kb_number_is_a_reference(support_articles: list[Article]) -> None:
    """ "_Original KB number:_ 2009312" becomes the reference Q2009312."""
    oracle = next(a for a in support_articles if a.id == "error-use-oracle-connection-manager")
    assert oracle.references[0] == "Q2009312"


def test_runbook_code_blocks_keep_their_language(runbook_articles: list[Article]) -> None:
    """etcdMembersDown's diagnosis commands are console code blocks, in order."""
    down = next(a for a in runbook_articles if a.id == "openshift/etcdMembersDown")
    diagnosis = down.section_by_role("diagnosis")
    assert diagnosis is not None
    code = [b for b in diagnosis.blocks if isinstance(b, Code)]
    assert code[0].language == "console"
    assert code[0].code == "$ oc get nodes -l node-role.kubernetes.io/master="
    assert [c.name for c in diagnosis.children][:1] == ["General etcd health"]


def test_support_table_round_trips(support_articles: list[Article]) -> None:
    """A support article's table keeps its header and every row's cells."""
    tables = [
        (a, b)
        for a in support_articles
        for p in a.document.walk()
        for b in p.blocks
        if isinstance(b, Table)
    ]
    assert len(tables) >= 5
    for article, table in tables:
        assert table.header and table.rows, article.source
        assert all(len(row) == len(table.header) for row in table.rows), article.source
    assert '"type": "table"' in article_as_json(tables[0][0])


def test_support_nested_lists(support_articles: list[Article]) -> None:
    """Numbered procedures with bulleted sub-steps nest: an item holds a list."""

    def nested(blocks: tuple) -> bool:  # type: ignore[type-arg]
        return any(
            isinstance(b, ListBlock)
            and any(isinstance(inner, ListBlock) for item in b.items for inner in item.blocks)
            for b in blocks
        )

    found = [a for a in support_articles if any(nested(p.blocks) for p in a.document.walk())]
    assert len(found) >= 5


def test_support_notes_are_notes_not_quotes(support_articles: list[Article]) -> None:
    """No `[!NOTE]` marker survives as text anywhere in the 120 articles' trees."""
    for article in support_articles:
        assert "[!NOTE]" not in article_as_json(article), article.source
        assert "[!INCLUDE" not in article_as_json(article), article.source
