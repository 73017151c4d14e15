"""Small articles written the way each corpus writes them, and their walks, for the
drafting tests: one copy of the builders the test files share."""

from __future__ import annotations

from pathlib import Path

from kbassist.articles import Article, parse_article
from kbassist.drafting.tree import draft_tree_model
from kbassist.trees.checklist import Checklist, build_checklist
from kbassist.trees.engine import walk_with_answers


def runbook(body: str, *, id_: str = "TestAlert") -> Article:
    """An alert runbook: front matter, an `#` title, `##` Meaning / Diagnosis / Mitigation."""
    text = f"---\nid: {id_}\ntitle: {id_}\n---\n\n# {id_}\n\n{body.strip()}\n"
    return parse_article(text, Path(f"{id_}.md"))


def support(body: str, *, id_: str = "support-1", title: str = "Support article") -> Article:
    """A modern MS support article (front matter, `##` sections)."""
    text = f"---\nid: {id_}\ntitle: '{title}'\n---\n\n# {title}\n\n{body.strip()}\n"
    return parse_article(text, Path(f"{id_}.md"))


def walked(art: Article, answers: dict[str, str]) -> Checklist:
    """The checklist the article's drafted walk gives for these answers."""
    return build_checklist(walk_with_answers(draft_tree_model(art), answers))
