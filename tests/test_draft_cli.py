"""`kbassist draft` and `kbassist walk ARTICLE` through the real command (a subprocess)."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest
import yaml
from cli_support import run_kbassist

REPO = Path(__file__).resolve().parent.parent
ANSWERS = REPO / "tests" / "trees_fixtures" / "answers"


def kbassist(
    *args: str, env: dict[str, str], kb: Path, cwd: Path = REPO, stdin: str = ""
) -> subprocess.CompletedProcess:
    """Run `kbassist ARGS --articles KB`."""
    return run_kbassist(*args, "--articles", str(kb), env=env, cwd=cwd, stdin=stdin)


@pytest.fixture
def kb(kb_dir: Path) -> Path:
    """The test KB plus an article with a procedure, a time and a count of backups."""
    (kb_dir / "backup.md").write_text(
        "---\nid: KB-BAK-3\ntitle: Nightly backup misses open files\n---\n\n"
        "## Symptoms\n\nThe nightly backup skips the mail store.\n\n"
        "## Cause\n\nThe mail service keeps the store open.\n\n"
        "## Resolution\n\nUse the following steps:\n\n"
        "1. Stop the mail service at midnight.\n\n"
        "2. Keep 3 copies of the store on drive E.\n\n"
        "3. Start the mail service again.\n\n"
        "## Workaround\n\nExclude the mail store from the backup.\n",
        encoding="utf-8",
    )
    return kb_dir


def test_draft_prints_a_yaml_draft_to_stdout(kb: Path, env: dict[str, str]) -> None:
    """`kbassist draft QID` writes the draft (comment header, draft: true) to stdout."""
    run = kbassist("draft", "KB-BAK-3", env=env, kb=kb)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("# DRAFT decision tree for KB-BAK-3")
    tree = yaml.safe_load(run.stdout)
    assert tree["id"] == "kb-bak-3-draft" and tree["draft"] is True
    assert [n["id"] for n in tree["nodes"] if n["kind"] == "outcome"] == [
        "resolution_1",
        "workaround_1",
        "not_this_article",
    ]


def test_draft_file_passes_trees_lint(kb: Path, env: dict[str, str], tmp_path: Path) -> None:
    """`draft -o FILE` writes a tree named after the file that `trees lint` passes."""
    out = tmp_path / "bak.yaml"
    run = kbassist("draft", "kb-bak-3", "-o", str(out), env=env, kb=kb)
    assert run.returncode == 0, run.stderr
    assert f"written to {out}" in run.stderr
    assert yaml.safe_load(out.read_text())["id"] == "bak"
    lint = kbassist("trees", "lint", str(out), env=env, kb=kb)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    assert "no problems" in lint.stderr


def test_draft_suggests_a_lint_command_that_passes_as_typed(
    kb: Path, env: dict[str, str], tmp_path: Path
) -> None:
    """The "review it, then `kbassist trees lint ...`" hint names the --articles folder the
    draft came from: run as printed, it passes (not 33 "not in the knowledge base")."""
    out = tmp_path / "bak.yaml"
    run = kbassist("draft", "KB-BAK-3", "-o", str(out), env=env, kb=kb)
    assert run.returncode == 0, run.stderr
    hint = run.stderr.split("review it, then `", 1)[1].split("`", 1)[0]
    words = shlex.split(hint)
    assert words[:3] == ["kbassist", "trees", "lint"]
    lint = run_kbassist(*words[1:], env=env)
    assert lint.returncode == 0, lint.stdout + lint.stderr


def test_draft_refuses_to_overwrite_without_force(
    kb: Path, env: dict[str, str], tmp_path: Path
) -> None:
    """An existing -o file is kept (exit 6) unless --force is given."""
    out = tmp_path / "bak.yaml"
    out.write_text("mine\n")
    run = kbassist("draft", "KB-BAK-3", "-o", str(out), env=env, kb=kb)
    assert run.returncode == 6
    assert "file exists (use --force to overwrite)" in run.stderr
    assert out.read_text() == "mine\n"
    forced = kbassist("draft", "KB-BAK-3", "-o", str(out), "--force", env=env, kb=kb)
    assert forced.returncode == 0, forced.stderr
    assert out.read_text().startswith("# DRAFT")


def test_draft_into_a_folder_is_named_after_its_id(
    kb: Path, env: dict[str, str], tmp_path: Path
) -> None:
    """`-o trees/` writes trees/kb-bak-3-draft.yaml, which lints; a second run keeps it."""
    trees = tmp_path / "trees"
    trees.mkdir()
    run = kbassist("draft", "KB-BAK-3", "-o", str(trees), env=env, kb=kb)
    assert run.returncode == 0, run.stderr
    out = trees / "kb-bak-3-draft.yaml"
    assert yaml.safe_load(out.read_text())["id"] == "kb-bak-3-draft"
    assert kbassist("trees", "lint", str(out), env=env, kb=kb).returncode == 0
    again = kbassist("draft", "KB-BAK-3", "-o", str(trees), env=env, kb=kb)
    assert again.returncode == 6 and "file exists" in again.stderr


def test_draft_refuses_a_file_name_that_cannot_be_a_tree_id(
    kb: Path, env: dict[str, str], tmp_path: Path
) -> None:
    """`-o My Tree.txt` is a usage error (exit 2): lint needs the id to match the name."""
    run = kbassist("draft", "KB-BAK-3", "-o", str(tmp_path / "My Tree.txt"), env=env, kb=kb)
    assert run.returncode == 2
    assert "named after its id" in run.stderr
    assert not (tmp_path / "My Tree.txt").exists()


def test_draft_of_an_unknown_article_is_not_found(kb: Path, env: dict[str, str]) -> None:
    """An article id not in the KB exits 3 with one line on stderr."""
    run = kbassist("draft", "Q1", env=env, kb=kb)
    assert run.returncode == 3
    assert run.stderr.strip().splitlines()[-1].startswith("kbassist: error: no article")


def test_walk_article_with_a_tree_uses_the_hand_written_tree(kb: Path, env: dict[str, str]) -> None:
    """`kbassist walk Q98097` walks q98097-retrospect-mail-server, not a draft."""
    run = kbassist(
        "walk", "Q98097", "--answers", str(ANSWERS / "exclude-folder.yaml"), env=env, kb=kb
    )
    assert run.returncode == 0, run.stderr
    assert "walking q98097-retrospect-mail-server, the decision tree drawn from Q98097" in (
        run.stderr
    )
    assert "auto-drafted" not in run.stderr
    assert "exclude the server's Extensions Folder" in run.stdout


def test_walk_article_without_a_tree_walks_its_draft(
    kb: Path, env: dict[str, str], tmp_path: Path
) -> None:
    """Another article walks its draft, marked auto-drafted, answers filling the steps."""
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "symptom: yes\nmitigation: resolution_1\ntime_1: 11:30 PM\ncount_1: 5\ndrive_1: F\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.md"
    run = kbassist(
        "walk", "KB-BAK-3", "--answers", str(answers), "--export", str(out), env=env, kb=kb
    )
    assert run.returncode == 0, run.stderr
    assert "KB-BAK-3 has no decision tree: walking kb-bak-3-draft, auto-drafted" in run.stderr
    text = out.read_text()
    assert "- [ ] Stop the mail service at 23:30. _(KB-BAK-3, Resolution)_" in text
    assert "- [ ] Keep 5 copies of the store on drive F. _(KB-BAK-3, Resolution)_" in text
    assert "kb-bak-3-draft" in text


def test_written_draft_walks_with_answers(kb: Path, env: dict[str, str], tmp_path: Path) -> None:
    """A draft file round-trips: `walk FILE --answers` reaches the chosen outcome."""
    tree_file = tmp_path / "q98097-draft.yaml"
    assert kbassist("draft", "Q98097", "-o", str(tree_file), env=env, kb=kb).returncode == 0
    answers = tmp_path / "a.yaml"
    answers.write_text("symptom: yes\nwish: no\nmitigation: summary_2\n", encoding="utf-8")
    run = kbassist("walk", str(tree_file), "--answers", str(answers), env=env, kb=kb)
    assert run.returncode == 0, run.stderr
    assert "- [ ] Configure Retrospect specifically to not backup Microsoft Mail Data." in (
        run.stdout
    )
    assert "auto-drafted" not in run.stderr


def test_walk_unknown_name_is_neither_tree_nor_article(kb: Path, env: dict[str, str]) -> None:
    """A TREE that is no tree and no article exits 3 saying both."""
    run = kbassist("walk", "nothing-here", env=env, kb=kb)
    assert run.returncode == 3
    assert "no article 'nothing-here' either" in run.stderr


def test_auto_drafted_session_resumes(kb: Path, env: dict[str, str]) -> None:
    """A saved walk of an auto-drafted tree continues with --resume (drafted again)."""
    first = kbassist("walk", "KB-BAK-3", "--session", "bak", env=env, kb=kb, stdin="\nquit\n")
    assert first.returncode == 0, first.stderr
    resumed = kbassist("walk", "--resume", "bak", env=env, kb=kb, stdin="yes\n\nworkaround_1\n")
    assert resumed.returncode == 0, resumed.stderr
    assert "- [ ] Exclude the mail store from the backup." in resumed.stdout


def test_a_drafted_session_of_another_kb_says_where_its_article_is(
    kb: Path, env: dict[str, str], tmp_path: Path
) -> None:
    """A drafted walk saved in KB A, resumed from KB B: the error names A and the option
    to use, and `sessions` marks it as another knowledge base's."""
    first = kbassist("walk", "KB-BAK-3", "--session", "bak", env=env, kb=kb, stdin="\nquit\n")
    assert first.returncode == 0, first.stderr
    other = tmp_path / "other-kb"
    other.mkdir()
    (other / "x.md").write_text("---\nid: KB-X-1\ntitle: X\n---\n\n## Symptoms\n\nX.\n")
    resumed = kbassist("walk", "--resume", "bak", env=env, kb=other, stdin="")
    assert resumed.returncode == 3
    assert f"of the knowledge base in {kb.resolve()}" in resumed.stderr
    assert f"--articles {kb.resolve()}" in resumed.stderr
    listed = run_kbassist("sessions", env={**env, "KBASSIST_ARTICLES": str(other)})
    assert f"(articles in {kb.resolve()})" in listed.stdout
    here = run_kbassist("sessions", env={**env, "KBASSIST_ARTICLES": str(kb)})
    assert "bak" in here.stdout and "articles in" not in here.stdout


def test_an_article_file_outside_the_kb_names_the_folder_to_open(
    kb: Path, env: dict[str, str], tmp_path: Path
) -> None:
    """`kbassist draft /elsewhere/x.md` says the file is not in the KB and which --articles
    to give, not only "no article with id '/elsewhere/x.md'"."""
    elsewhere = tmp_path / "team"
    elsewhere.mkdir()
    (elsewhere / "x.md").write_text("---\nid: KB-X-1\ntitle: X\n---\n\n## Symptoms\n\nX.\n")
    run = kbassist("draft", str(elsewhere / "x.md"), env=env, kb=kb)
    assert run.returncode == 3
    assert f"give its folder with --articles {elsewhere.resolve()}" in run.stderr
