"""Tiny knowledge bases for ranking tests: a few articles that decide the order, plus
filler so that idf means something (tests/test_search_quality.py, test_search_normalize.py)."""

from __future__ import annotations

from pathlib import Path

from kbassist.index import KBIndex


def write_article(root: Path, name: str, title: str, symptoms: str, body: str = "") -> None:
    """One Markdown article: its Symptoms, and a More information body."""
    (root / f"{name}.md").write_text(
        f"---\nid: {name}\ntitle: {title}\n---\n\n## Symptoms\n\n{symptoms}\n\n"
        f"## More information\n\n{body or 'See the vendor documentation.'}\n",
        encoding="utf-8",
    )


def small_kb(tmp_path: Path, articles: list[tuple[str, ...]], filler: int = 30) -> KBIndex:
    """The index of (name, title, symptoms[, body]) articles and `filler` unrelated ones."""
    root = tmp_path / "kb"
    root.mkdir()
    for article in articles:
        write_article(root, *article)
    # Filler so that idf means something: words the tests use stay rare.
    for n in range(filler):
        write_article(
            root, f"F{n}", f"Printer setup note {n}", f"Tray {n} jams on page {n} of the program."
        )
    index = KBIndex(root, tmp_path / "index")
    index.update()
    return index


def top_ids(kb: KBIndex, text: str) -> list[str]:
    """The ids of the first ten hits for `text`."""
    return [hit.id for hit in kb.search(text, limit=10).hits]
