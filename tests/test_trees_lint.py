"""Tree loading and lint: each broken fixture gives exactly its problem, at its line."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from cli_support import run_kbassist

from kbassist.articles import Article, load_article
from kbassist.trees.catalog import find_tree, load_trees, trees_for_article
from kbassist.trees.lint import lint_paths, lint_result
from kbassist.trees.loader import MAX_TREE_BYTES, read_tree_bytes, read_tree_file

REPO = Path(__file__).resolve().parent.parent
BROKEN = REPO / "tests" / "broken_trees"
FIXTURES = REPO / "tests" / "trees_fixtures"
SHIPPED = REPO / "decision_trees"
SEED_ARTICLE = load_article(REPO / "articles" / "Q98097.md")


def lookup(article_id: str) -> Article | None:
    """The knowledge base of these tests: the seed article only."""
    return SEED_ARTICLE if article_id.casefold() == "q98097" else None


# file -> every line lint must print for it (and nothing else).
EXPECTED: dict[str, list[str]] = {
    "yaml-syntax.yaml": [
        "15:7: YAML syntax: expected ',' or '}', but got ':' (while parsing a flow mapping)"
    ],
    "unknown-key.yaml": [
        "21:5: unknown key 'nxet' in an input node (did you mean 'next'?) (when)",
    ],
    "duplicate-key.yaml": [
        "21:5: duplicate key 'help' in an input node (first at line 20) (when)",
    ],
    "duplicate-node-id.yaml": [
        "34:9: duplicate node id 'stop' (first at line 22) (stop)",
    ],
    "dangling-next.yaml": [
        "15:30: next points to 'laeve', which is not a node (did you mean 'leave'?) (ask)",
    ],
    "unreachable.yaml": [
        "28:5: unreachable: no path from the start (ask) leads here (orphan)",
    ],
    "cycle-no-exit.yaml": [
        "35:5: cycle with no way out: loop_a -> loop_b -> loop_a never reaches an outcome (loop_a)",
    ],
    "var-not-on-every-path.yaml": [
        "34:15: text reads 'when', which is not set on every path to here "
        "(e.g. ask -> leave) (leave)",
    ],
    "condition-unset-var.yaml": [
        "33:15: when reads 'when', which is not set on every path to here "
        "(e.g. ask -> leave) (leave)",
    ],
    "missing-article.yaml": [
        "4:20: article Q12345 is not in the knowledge base",
        "33:17: source cites Q12345, which is not in the knowledge base (leave)",
    ],
    "missing-section.yaml": [
        "27:17: Q98097 has no section 'RESOLUTION' (it has: APPLIES TO, SUMMARY, "
        "MORE INFORMATION) (stop)",
    ],
    "yaml11-bool.yaml": [
        "13:17: choice value: yes is read by YAML as the boolean true, not text: "
        'quote it ("yes") (ask)',
    ],
    "yaml11-sexagesimal.yaml": [
        "21:14: default: 12:30 is read by YAML as the base-60 number 750, not text: "
        'quote it ("12:30") (when)',
    ],
    "yaml11-octal.yaml": [
        "30:12: title: 0755 is read by YAML as the octal number 493, not text: "
        'quote it ("0755") (leave)',
    ],
    "alias.yaml": [
        "10:12: anchors (&t) are not allowed in trees: write the value out",
    ],
    "multiple-documents.yaml": [
        "34:1: more than one YAML document: a tree file holds exactly one",
    ],
    "python-tag.yaml": [
        "30:12: tag !!python/object/apply:os.system is not allowed in trees",
    ],
    "too-deep.yaml": [
        "7:39: nested deeper than 32 levels",
    ],
    "bad-condition.yaml": [
        "33:19: when: unexpected character '=' (use == to compare) (leave)",
    ],
    "bad-template.yaml": [
        "26:38: text: {when.__class__} is not a placeholder: write {name} with a variable "
        "name, or {{ for a literal brace (stop)",
    ],
    "not-a-choice.yaml": [
        "33:15: when: 'maybe' is not a choice of ask (yes, no) (leave)",
    ],
    "comment-in-text.yaml": [
        "32:55: text is cut short: YAML reads '#1.' as a comment; quote the text to keep it "
        "(leave)",
    ],
    "wrong-id.yaml": [
        "1:5: tree id 'some-other-id' must match the file name (some-other-id.yaml)",
    ],
}


def test_every_broken_fixture_has_expectations() -> None:
    """A fixture added to tests/broken_trees/ without an expected message fails here."""
    assert sorted(p.name for p in BROKEN.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_tree_reports_exactly_its_problem(name: str) -> None:
    """Each broken tree yields its defect at file:line:col with the node id, nothing else."""
    result = read_tree_file(BROKEN / name)
    got = [str(p) for p in lint_result(result, lookup)]
    assert got == [f"{BROKEN / name}:{line}" for line in EXPECTED[name]]


def test_shipped_and_fixture_trees_are_clean() -> None:
    """The bundled trees and the valid test fixtures lint without a single problem."""
    results, problems = lint_paths([SHIPPED, FIXTURES], lookup)
    assert [str(p) for p in problems] == []
    assert len(results) >= 2


def test_lint_without_kb_skips_only_citations() -> None:
    """Without a lookup, missing articles are not reported but everything else is."""
    assert lint_result(read_tree_file(BROKEN / "missing-article.yaml"), None) == []
    assert lint_result(read_tree_file(BROKEN / "unreachable.yaml"), None) != []


def test_source_must_cite_a_declared_article(tmp_path: Path) -> None:
    """A source citing an article not in the tree's articles list is reported."""
    text = (
        (FIXTURES / "small.yaml")
        .read_text()
        .replace(
            "source: {article: Q98097, section: SUMMARY}\n  - id: leave",
            "source: {article: Q1, section: SUMMARY}\n  - id: leave",
        )
    )
    result = read_tree_bytes(text.encode(), tmp_path / "small.yaml")
    assert [p.message for p in lint_result(result, None)] == [
        "source cites Q1, which is not in the tree's articles list"
    ]


def test_file_over_size_cap_is_refused(tmp_path: Path) -> None:
    """A tree file larger than the cap is refused with a message, not parsed."""
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# " + b"x" * MAX_TREE_BYTES + b"\n")
    assert [str(p) for p in read_tree_file(path).problems] == [
        f"{path}:1:1: file is larger than 1024 KB"
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "file is empty"),
        (b"id: x\n\xff\xfe bad\n", "not UTF-8 text"),
        (b"- just\n- a list\n", "the tree must be a mapping (key: value lines)"),
        (b"# only a comment\n", "file holds no YAML document"),
    ],
)
def test_unusable_files_give_one_message(tmp_path: Path, data: bytes, message: str) -> None:
    """Empty, non-UTF-8 and non-mapping files are one problem each, never a traceback."""
    result = read_tree_bytes(data, tmp_path / "x.yaml")
    assert [p.message for p in result.problems] == [message]


def test_every_problem_of_a_file_in_one_run(tmp_path: Path) -> None:
    """Several defects in one file are all reported together, sorted by line."""
    text = (
        (FIXTURES / "small.yaml")
        .read_text()
        .replace("    next: stop\n", "    nxet: stop\n")
        .replace('{value: "yes", next: when}', "{value: yes, next: when}")
        .replace("title: Exclude the data file", "title: 0755")
    )
    path = tmp_path / "small.yaml"
    path.write_text(text)
    problems = lint_result(read_tree_file(path), None)
    assert [p.line for p in problems] == [13, 21, 30]


def test_a_valid_tree_loads_into_the_model() -> None:
    """The Q98097 tree loads with its outcomes, constraint and a test per outcome."""
    tree = find_tree("q98097-retrospect-mail-server", SHIPPED)
    assert tree.articles == ("Q98097",)
    assert {o.id for o in tree.outcomes()} == {
        "stop_server",
        "exclude_mail_data",
        "exclude_folder",
        "mail_backup_copy",
    }
    assert str(tree.constraints[0].check) == "archive_time > copy_time"
    assert tree.constraints[0].fix == "archive_time"


def test_folder_loading_separates_good_and_bad(tmp_path: Path) -> None:
    """load_trees returns the good trees and the problems of the bad ones, together."""
    for name in ("small.yaml",):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    (tmp_path / "unknown-key.yaml").write_bytes((BROKEN / "unknown-key.yaml").read_bytes())
    trees, problems = load_trees(tmp_path)
    assert [t.id for t in trees] == ["small"]
    assert [p.path.name for p in problems] == ["unknown-key.yaml"]


def test_trees_for_article_finds_by_id_any_case() -> None:
    """The TUI's 'trees for this article' lookup matches article ids case-insensitively."""
    trees, _ = load_trees(SHIPPED)
    assert [t.id for t in trees_for_article(trees, "q98097")] == ["q98097-retrospect-mail-server"]
    assert trees_for_article(trees, "Q1") == []


def _kbassist(*args: str, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess:
    return run_kbassist(*args, env=env, stdin=stdin, timeout=60)


def test_cli_lint_broken_folder(env: dict[str, str], kb_dir: Path) -> None:
    """`trees lint tests/broken_trees` prints every file:line:col problem and exits 1."""
    proc = _kbassist("trees", "lint", "tests/broken_trees", "--articles", str(kb_dir), env=env)
    assert proc.returncode == 1, proc.stderr
    expected = sorted(
        f"tests/broken_trees/{name}:{line}" for name, lines in EXPECTED.items() for line in lines
    )
    assert sorted(proc.stdout.splitlines()) == expected
    assert "Traceback" not in proc.stderr


def test_cli_lint_shipped_trees_pass(env: dict[str, str]) -> None:
    """`trees lint` with no path checks the bundled trees against the bundled KB: exit 0."""
    clean = {k: v for k, v in env.items() if k != "KBASSIST_TREES"}
    proc = _kbassist("trees", "lint", env=clean)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == ""


def test_cli_lint_missing_path_is_reported(env: dict[str, str], tmp_path: Path) -> None:
    """A path that does not exist is reported as a problem line (exit 1), not a crash."""
    missing = tmp_path / "nope.yaml"
    proc = _kbassist("trees", "lint", str(missing), env=env)
    assert proc.returncode == 1
    assert proc.stdout.strip() == f"{missing}: no such file or folder"


def test_trees_env_var_selects_folder(env: dict[str, str]) -> None:
    """KBASSIST_TREES points the tree commands at another folder."""
    proc = _kbassist("trees", "list", env={**env, "KBASSIST_TREES": str(FIXTURES)})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split()[0] == "small"
    assert os.environ.get("KBASSIST_TREES") is None


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("version: 0", "3:10: version must be 1 or more"),
        ("version: -2", "3:10: version must be 1 or more"),
        ('version: "1"', "3:10: version must be a whole number written in decimal"),
        ("version: 010", "3:10: version must be a whole number written in decimal"),
    ],
)
def test_version_must_be_a_positive_decimal(tmp_path: Path, line: str, message: str) -> None:
    """The tree version is a plain whole number of at least 1 (sessions compare it)."""
    path = tmp_path / "small.yaml"
    path.write_text((FIXTURES / "small.yaml").read_text().replace("version: 1", line))
    assert [str(p) for p in lint_result(read_tree_file(path), None)] == [f"{path}:{message}"]
