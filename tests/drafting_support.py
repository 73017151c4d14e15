"""Small articles written the way each corpus writes them, and their walks, for the
drafting tests: one copy of the builders the test files share."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kbassist.articles import Article, parse_article
from kbassist.drafting.tree import draft_tree_model
from kbassist.trees.checklist import Checklist, build_checklist
from kbassist.trees.engine import walk_with_answers


def archive(
    body: str,
    *,
    id_: str = "Q999999",
    title: str = "Test article",
    product: str = "Microsoft Windows",
    indent: bool = True,
    headers: tuple[str, ...] = (),
) -> Article:
    """An MS KB archive article: the header fields, then underlined sections.

    `indent`: the body tab-indented, as most of the archive writes it (the parser
    must not depend on it); `headers`: more header lines after Product(s).
    """
    head = [f"## {id_}: {title}", "", f"Article: {id_}", f"Product(s): {product}", *headers, ""]
    lines = body.strip("\n").split("\n")
    if indent:
        lines = ["\t" + line if line else "" for line in lines]
    return parse_article("\n".join([*head, *lines, ""]), Path(f"{id_}.txt"))


def archive_page_verifies(folder: Path, id_: str, title: str, body: str) -> list[str]:
    """The fix outcomes' verify lines drafted from an archive page as the corpus stores it
    (Jekyll front matter, `{% raw %}`, tab-indented), written under `folder` (a tmp_path)."""
    from kbassist.articles import load_article
    from kbassist.drafting.tree import draft_tree

    text = (
        f'---\nlayout: page\ntitle: "{id_}: {title}"\n---\n\n'
        f"## {id_}: {title}\n\n{{% raw %}}\n\n"
        f"\tArticle: {id_}\n\tProduct(s): Widget Plus\n\tVersion(s): 95\n"
        "\t" + "-" * 79 + "\n\n"
    )
    text += "".join(f"\t{line}\n" if line else "\t\n" for line in body.split("\n"))
    text += "\n{% endraw %}\n"
    page = folder / id_
    page.mkdir()
    (page / "README.md").write_text(text, encoding="utf-8")
    tree = draft_tree(load_article(page / "README.md"))
    return [str(v["text"]) for node in fixes(tree) for v in node.get("verify", [])]


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


def questions(tree: dict[str, Any]) -> list[dict[str, Any]]:
    """A drafted tree's questions, the symptom question left out."""
    return [n for n in tree["nodes"] if n["kind"] == "question" and n["id"] != "symptom"]


def fixes(tree: dict[str, Any]) -> list[dict[str, Any]]:
    """A drafted tree's outcomes that are fixes (not "this article may not apply")."""
    return [n for n in tree["nodes"] if n["kind"] == "outcome" and n["id"] != "not_this_article"]


def ticks(outcome: dict[str, Any]) -> list[str]:
    """An outcome's checklist items, each on one line."""
    return [" ".join(s["text"].split()) for s in outcome["steps"]]


def verify_lines(outcome: dict[str, Any]) -> list[str]:
    """An outcome's verify lines, each on one line."""
    return [" ".join(str(v["text"]).split()) for v in outcome["verify"]]


def details(outcome: dict[str, Any]) -> str:
    """Everything shown under an outcome's items, one block."""
    return "\n".join(s.get("detail") or "" for s in outcome["steps"])


def fix_ticks(outcome: dict[str, Any]) -> list[str]:
    """An outcome's own ticks, without the Diagnosis checks ticked first (round 30)."""
    return [
        " ".join(s["text"].split())
        for s in outcome["steps"]
        if "diagnos" not in str(s.get("source", {}).get("section", "")).casefold()
    ]


def draft_written(folder: Path, text: str, name: str = "Q999401.txt") -> dict[str, Any]:
    """The draft of an article file with `text`, written under `folder` (a tmp_path): the
    loader's path, as `kbassist draft` reads a file."""
    from kbassist.articles import load_article
    from kbassist.drafting.tree import draft_tree

    path = folder / name
    path.write_text(text, encoding="utf-8")
    return draft_tree(load_article(path))


def outcome_steps(tree: dict[str, Any]) -> list[dict[str, Any]]:
    """Every outcome's checklist items, in the tree's order."""
    return [s for n in tree["nodes"] if n["kind"] == "outcome" for s in n.get("steps") or []]
