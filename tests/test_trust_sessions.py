"""Issue 9, sessions: one core resume for every kind, drafted walks by article, ticks kept."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kbassist.articles import Article, normalize_id, parse_article
from kbassist.assistant import resume_session
from kbassist.cli import main
from kbassist.drafting.tree import draft_tree_model
from kbassist.errors import DataError, NotFoundError
from kbassist.trees.catalog import find_tree
from kbassist.trees.checklist import build_checklist
from kbassist.trees.engine import Walk
from kbassist.trees.model import Tree
from kbassist.trees.session import read_session, save_session, sessions_dir

REPO = Path(__file__).resolve().parent.parent
TREE_FILE = REPO / "decision_trees" / "q98097-retrospect-mail-server.yaml"

#: An article whose id does not survive the trip through a draft's tree id
#: (`RB 12` -> `rb-12-draft`): only a session that names the article can find it again.
RUNBOOK = (
    "---\nid: RB 12\ntitle: Nightly backup misses open files\n---\n\n"
    "## Symptoms\n\nThe nightly backup skips the mail store.\n\n"
    "## Cause\n\nThe mail service keeps the store open.\n\n"
    "## Resolution\n\n1. Stop the mail service at midnight.\n\n"
    "2. Start the mail service again.\n\n"
    "## Workaround\n\nExclude the mail store from the backup.\n"
)


def runbook() -> Article:
    return parse_article(RUNBOOK, Path("/kb/rb12.md"))


def articles(*found: Article):  # type: ignore[no-untyped-def]
    """An article lookup like the index's: case-insensitive, NotFoundError when absent."""

    def get(article_id: str) -> Article:
        for article in found:
            if normalize_id(article.id) == normalize_id(article_id):
                return article
        raise NotFoundError(f"no article with id {article_id!r}")

    return get


def no_trees(tree_id: str) -> Tree | None:
    return None


def cli(*args: str, stdin: str = "") -> Result:
    """`kbassist ARGS` in-process, as the console script runs it."""
    return CliRunner().invoke(main, list(args), input=stdin, prog_name="kbassist")


@pytest.fixture
def kb(kb_dir: Path) -> Path:
    """The test KB plus the runbook article."""
    (kb_dir / "rb12.md").write_text(RUNBOOK, encoding="utf-8")
    return kb_dir


# --------------------------------------------------------------------------- the format


def test_drafted_session_names_its_article_not_a_made_up_path() -> None:
    """A walk of a tree drafted on the fly is saved as drafted from RB 12, with no path."""
    walk = Walk(draft_tree_model(runbook()))
    path = save_session("rb", walk)
    text = path.read_text(encoding="utf-8")
    assert "<auto-drafted>" not in text
    tree = json.loads(text)["tree"]
    assert tree == {
        "id": "rb-12-draft",
        "version": 1,
        "hash": walk.tree.content_hash,
        "drafted": True,
        "article": "RB 12",
    }
    assert read_session("rb").drafted_from == "RB 12"


def test_session_written_before_the_article_reference_still_resumes() -> None:
    """An old file with the `<auto-drafted>/...` path resumes by drafting the article again."""
    walk = Walk(draft_tree_model(runbook()))
    walk.answer("yes")  # the drafted walk confirms the symptom first
    walk.answer(None)
    path = save_session("old", walk)
    data = json.loads(path.read_text())
    data["tree"] = {
        "id": "rb-12-draft",
        "version": 1,
        "hash": walk.tree.content_hash,
        "path": "/home/admin/<auto-drafted>/rb-12-draft.yaml",
    }
    del data["ticked"]
    path.write_text(json.dumps(data))
    saved = read_session("old")
    assert saved.drafted_from == "rb-12" and saved.tree_path == "" and saved.ticked == ()
    # The old reference only knows the tree id: an article whose id it keeps resumes.
    legacy_article = parse_article(RUNBOOK.replace("id: RB 12", "id: RB-12"), Path("/kb/x.md"))
    resumed = resume_session(saved, tree_by_id=no_trees, get_article=articles(legacy_article))
    assert resumed.walk.tree.drafted_from == "RB-12"
    assert [s.node.id for s in resumed.walk.history] == ["symptom", "cause"]


def test_ticks_are_saved_and_old_files_without_them_load() -> None:
    """Ticked items are stored by part and text; a file without "ticked" has none."""
    walk = Walk(find_tree(str(TREE_FILE)))
    for raw in (None, "no", "mail-data"):
        walk.answer(raw)
    items = build_checklist(walk).items
    save_session("ticked", walk, ticked=[items[0].key, items[2].key])
    data = json.loads((sessions_dir() / "ticked.json").read_text())
    assert data["ticked"] == sorted(
        [{"part": p, "text": t} for p, t in (items[0].key, items[2].key)],
        key=lambda d: (d["part"], d["text"]),
    )
    assert set(read_session("ticked").ticked) == {items[0].key, items[2].key}
    del data["ticked"]
    (sessions_dir() / "ticked.json").write_text(json.dumps(data))
    assert read_session("ticked").ticked == ()


@pytest.mark.parametrize(
    ("patch", "reason"),
    [
        ({"ticked": "all"}, "'ticked' is not a list"),
        ({"ticked": [{"part": "steps"}]}, "ticked item 1 is not"),
        ({"tree": {"id": "x", "version": 1, "hash": "h", "drafted": True}}, "a drafted tree"),
    ],
)
def test_damaged_ticks_or_draft_reference_is_a_data_error(
    patch: dict[str, object], reason: str
) -> None:
    """A bad "ticked" list or drafted reference is one DataError naming the file."""
    path = save_session("bad", Walk(find_tree(str(TREE_FILE))))
    data = json.loads(path.read_text())
    data.update(patch)
    path.write_text(json.dumps(data))
    with pytest.raises(DataError) as caught:
        read_session("bad")
    assert reason in str(caught.value)
    assert str(path) in str(caught.value)


# --------------------------------------------------------------------------- the core


def test_resume_session_finds_each_kind_of_tree(tmp_path: Path) -> None:
    """By id from the trees, else the file it was started from; drafted: the article."""
    tree = find_tree(str(TREE_FILE))
    save_session("by-id", Walk(tree))
    resumed = resume_session(
        read_session("by-id"), tree_by_id={tree.id: tree}.get, get_article=articles()
    )
    assert resumed.walk.tree is tree
    copy = tmp_path / TREE_FILE.name
    shutil.copy(TREE_FILE, copy)
    save_session("by-path", Walk(find_tree(str(copy))))
    resumed = resume_session(read_session("by-path"), tree_by_id=no_trees, get_article=articles())
    assert resumed.walk.tree.path == copy
    copy.unlink()
    with pytest.raises(NotFoundError, match=f"not in the trees folder and {copy} is gone"):
        resume_session(read_session("by-path"), tree_by_id=no_trees, get_article=articles())


def test_drafted_session_whose_article_is_gone_says_so() -> None:
    """Resuming a drafted walk of a deleted article is NotFoundError naming the article."""
    save_session("gone", Walk(draft_tree_model(runbook())))
    with pytest.raises(NotFoundError, match="drafted from article RB 12, which cannot be found"):
        resume_session(read_session("gone"), tree_by_id=no_trees, get_article=articles())


def test_resumed_walk_carries_its_ticks() -> None:
    """The ticks saved come back with the resumed walk, for the checklist to show."""
    walk = Walk(draft_tree_model(runbook()))
    walk.answer("yes")  # the drafted walk confirms the symptom first
    walk.answer(None)
    walk.answer("workaround_1")
    key = build_checklist(walk).items[0].key
    save_session("t", walk, ticked=[key])
    resumed = resume_session(
        read_session("t"), tree_by_id=no_trees, get_article=articles(runbook())
    )
    assert resumed.ticked == (key,)
    assert resumed.walk.is_finished


# --------------------------------------------------------------------------- the CLI


def test_cli_resumes_a_drafted_walk_of_an_article_with_an_odd_id(kb: Path, tmp_path: Path) -> None:
    """`walk "RB 12" --session`, then `walk --resume`: the article is found by its id."""
    ix = ["--articles", str(kb), "--index-dir", str(tmp_path / "ix")]
    first = cli("walk", "RB 12", "--session", "rb", *ix, stdin="yes\n\nquit\n")
    assert first.exit_code == 0, first.stderr
    again = cli("walk", "--resume", "rb", *ix, stdin="workaround_1\n")
    assert again.exit_code == 0, again.stderr
    assert "walks a tree auto-drafted from RB 12: drafted again" in again.stderr
    assert "- [ ] Exclude the mail store from the backup." in again.stdout


def test_cli_resume_of_a_draft_ignores_a_tree_written_since(kb: Path, tmp_path: Path) -> None:
    """A drafted session resumes on its draft even after a tree citing the article appears."""
    (kb / "rb13.md").write_text(RUNBOOK.replace("id: RB 12", "id: RB-13"), encoding="utf-8")
    ix = ["--articles", str(kb), "--index-dir", str(tmp_path / "ix")]
    trees = tmp_path / "trees"
    trees.mkdir()
    first = cli(
        "walk", "RB-13", "--session", "rb", "--trees", str(trees), *ix, stdin="yes\n\nquit\n"
    )
    assert first.exit_code == 0, first.stderr
    written = cli("draft", "RB-13", "-o", str(trees / "rb13.yaml"), *ix)
    assert written.exit_code == 0, written.stderr
    hand_written = cli("walk", "RB-13", "--trees", str(trees), *ix, stdin="quit\n")
    assert "walking rb13, the decision tree drawn from RB-13" in hand_written.stderr
    again = cli("walk", "--resume", "rb", "--trees", str(trees), *ix, stdin="workaround_1\n")
    assert again.exit_code == 0, again.stderr
    assert "- [ ] Exclude the mail store from the backup." in again.stdout


def test_cli_resume_keeps_the_ticks_made_in_the_tui(tmp_path: Path) -> None:
    """`walk --resume` of a session with ticks saves it again with the same ticks."""
    walk = Walk(find_tree(str(TREE_FILE)))
    walk.replay([("cause", None), ("must_backup", "no"), ("exclusion", "mail-data")])
    key = build_checklist(walk).items[0].key
    walk.back()  # ticked, then went back to change the last answer, and saved
    save_session("kept", walk, ticked=[key])
    result = cli("walk", "--resume", "kept", stdin="quit\n")
    assert result.exit_code == 0, result.stderr
    assert "continue with `kbassist walk --resume kept`" in result.stderr
    assert read_session("kept").ticked == (key,)
