"""The application layer: each use case the CLI and the TUI share, called as they call it.

The surfaces parse and draw; what an admin gets (the article, the tree to walk, the
resumed walk, the export) is decided here once, so these tests pin it at the source.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kbassist.assistant import Assistant, IndexHooks
from kbassist.errors import DataError, NotFoundError
from kbassist.settings import Settings
from kbassist.trees.engine import Walk

REPO = Path(__file__).resolve().parent.parent
TREES = REPO / "decision_trees"
ANSWERS = REPO / "tests" / "trees_fixtures" / "answers"
TREE_ID = "q98097-retrospect-mail-server"


@pytest.fixture
def assistant(kb_dir: Path, tmp_path: Path) -> Assistant:
    """An assistant on the small test KB and the bundled trees, its index in tmp_path."""
    return Assistant(Settings(), articles_dir=kb_dir, index_dir=tmp_path / "index", trees_dir=TREES)


def test_first_use_builds_the_index_and_says_so(kb_dir: Path, tmp_path: Path) -> None:
    """With index hooks, the first search indexes a new KB and reports the run once."""
    heard: list[str] = []
    hooks = IndexHooks(
        started=lambda reason: heard.append(f"started: {reason}"),
        finished=lambda report: heard.append(f"finished: {report.indexed}"),
    )
    helper = Assistant(
        Settings(), articles_dir=kb_dir, index_dir=tmp_path / "index", index_hooks=hooks
    )
    result = helper.search("spooler queue")
    assert [hit.id for hit in result.hits][:1] == ["KB-PRN-1"]
    helper.search("retrospect")  # the index is fresh now: no second run
    assert heard[0].startswith("started: ") and heard[1:] == ["finished: 3"]
    helper.close()


def test_guided_tree_prefers_the_hand_written_tree(assistant: Assistant) -> None:
    """An article with a reviewed tree gets that tree, not a draft."""
    assistant.ensure_index()
    tree, drafted = assistant.guided_tree(assistant.article("Q98097"))
    assert (tree.id, drafted) == (TREE_ID, False)


def test_guided_tree_drafts_for_an_article_without_one(assistant: Assistant) -> None:
    """Any other article is walkable: its tree is drafted on the fly and marked so."""
    assistant.ensure_index()
    tree, drafted = assistant.guided_tree(assistant.article("KB-PRN-1"))
    assert drafted and tree.draft and "KB-PRN-1" in tree.articles


def test_resolve_tree_reads_a_tree_id_an_article_id_or_says_neither(
    assistant: Assistant,
) -> None:
    """`walk REF` and the TUI name trees and articles the same way; unknown names fail."""
    assistant.ensure_index()
    by_tree = assistant.resolve_tree(TREE_ID)
    assert (by_tree.tree.id, by_tree.article_id, by_tree.drafted) == (TREE_ID, None, False)
    by_article = assistant.resolve_tree("kb-dns-2")  # ids in any case
    assert by_article.article_id == "KB-DNS-2" and by_article.drafted
    with pytest.raises(NotFoundError, match="no article 'nothing-here' either"):
        assistant.resolve_tree("nothing-here")


def test_answers_file_walk_reaches_the_recommended_setup(assistant: Assistant) -> None:
    """The article's own example answers end at MS Mail Backup + Retrospect at 1:00 AM."""
    walk = assistant.walk_answers_file(
        Walk(assistant.find_tree(TREE_ID)), ANSWERS / "mail-backup-copy.yaml"
    )
    assert walk.is_finished and walk.outcome is not None
    assert walk.outcome.id == "mail_backup_copy"


def test_answers_file_with_a_key_no_step_asks_names_its_line(
    assistant: Assistant, tmp_path: Path
) -> None:
    """A typo in an answers file is a DataError at its line, with the near key offered."""
    answers = tmp_path / "answers.yaml"
    answers.write_text("must_backup: yes\ncan_stp: no\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        assistant.walk_answers_file(Walk(assistant.find_tree(TREE_ID)), answers)
    assert caught.value.line == 2 and "did you mean 'can_stop'?" in caught.value.message


def test_a_saved_drafted_walk_resumes_on_its_redrafted_tree(assistant: Assistant) -> None:
    """A drafted walk saved in one surface resumes in the other where it stopped."""
    assistant.ensure_index()
    choice = assistant.resolve_tree("KB-PRN-1")
    walk = Walk(choice.tree)
    walk.answer("yes" if walk.current.kind in ("confirm", "question") else None)
    assistant.save_session("printer", walk)
    resumed = assistant.resume("printer")
    assert resumed.walk.tree.id == choice.tree.id
    assert resumed.walk.path == walk.path and not resumed.changed
    assistant.delete_session("printer")
    with pytest.raises(NotFoundError):
        assistant.read_session("printer")


def test_export_names_the_article_and_keeps_ticks(assistant: Assistant) -> None:
    """The export of a finished walk cites the article by title and ticks what was ticked."""
    assistant.ensure_index()
    walk = assistant.walk_answers_file(
        Walk(assistant.find_tree(TREE_ID)), ANSWERS / "mail-backup-copy.yaml"
    )
    from kbassist.trees.checklist import build_checklist

    first = build_checklist(walk).items[0]
    text = assistant.export_walk(walk, "markdown", ticked={first.key})
    assert "Q98097" in text and "Retrospect" in text
    assert text.count("- [x]") == 1


def test_export_survives_a_kb_that_cannot_be_read(assistant: Assistant, tmp_path: Path) -> None:
    """A KB gone missing does not lose the walk: articles are named by id, and why is said."""
    walk = assistant.walk_answers_file(
        Walk(assistant.find_tree(TREE_ID)), ANSWERS / "stop-server.yaml"
    )
    assistant.switch_articles(tmp_path / "gone")
    problems: list[str] = []
    text = assistant.export_walk(walk, "text", kb_problem=lambda exc: problems.append(str(exc)))
    assert "Q98097" in text and len(problems) == 1
