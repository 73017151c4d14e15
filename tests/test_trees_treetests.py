"""Tree test cases: `kbassist trees test` reports like a test runner."""

from __future__ import annotations

import subprocess
from pathlib import Path

from cli_support import run_kbassist

from kbassist.trees.catalog import find_tree, load_tree
from kbassist.trees.treetests import run_tree_tests

REPO = Path(__file__).resolve().parent.parent
FAILING = REPO / "tests" / "trees_fixtures" / "failing" / "small-failing.yaml"


def kbassist(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return run_kbassist(*args, env=env, stdin=None, timeout=60)


def test_shipped_tree_tests_pass_and_cover_every_outcome() -> None:
    """Every case of the Q98097 tree passes and together they reach every outcome."""
    tree = find_tree("q98097-retrospect-mail-server", REPO / "decision_trees")
    results = run_tree_tests(tree)
    assert [str(r) for r in results if not r.passed] == []
    assert {r.outcome for r in results if r.outcome} == {o.id for o in tree.outcomes()}


def test_failing_cases_say_why() -> None:
    """A wrong checklist line, a wrong outcome and an untested outcome each fail, explained."""
    results = run_tree_tests(load_tree(FAILING))
    assert [str(r) for r in results] == [
        f"FAIL {FAILING}:35: small-failing: stopped at noon: checklist lacks the line "
        "'Stop the server before 13:00.'",
        f"FAIL {FAILING}:39: small-failing: wrong outcome: expected outcome stop, reached leave",
        f"FAIL {FAILING}:22: small-failing: outcome stop is tested: no passing test case "
        "reaches this outcome",
        f"FAIL {FAILING}:28: small-failing: outcome leave is tested: no passing test case "
        "reaches this outcome",
    ]


def test_cli_trees_test_passes_on_shipped_trees(env: dict[str, str]) -> None:
    """`trees test` prints one PASS line per case and `N passed, 0 failed`, exit 0."""
    proc = kbassist("trees", "test", env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[-1] == f"{len(lines) - 1} passed, 0 failed"
    assert all(line.startswith("PASS q98097-retrospect-mail-server: ") for line in lines[:-1])


def test_cli_trees_test_fails_with_summary(env: dict[str, str]) -> None:
    """Failing cases and broken files make `trees test` exit 1 with an accurate summary."""
    proc = kbassist("trees", "test", str(FAILING), "tests/broken_trees/unknown-key.yaml", env=env)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[-1] == "0 passed, 5 failed"
    assert lines[0].startswith("FAIL ")
    assert (
        "ERROR tests/broken_trees/unknown-key.yaml:21:5: unknown key 'nxet' in an input node "
        "(did you mean 'next'?) (when)" in lines
    )


def test_error_cases_check_the_message(tmp_path: Path) -> None:
    """A case expecting an error fails if the walk succeeds or the message differs."""
    text = FAILING.read_text().replace("small-failing", "errors").split("tests:\n")[0]
    text += (
        "tests:\n"
        "  - name: expects a refusal that never comes\n"
        "    answers: {ask: no}\n"
        "    error: not a time\n"
        "  - name: refusal with another message\n"
        "    answers: {ask: yes, when: later}\n"
        "    error: something else\n"
        "  - name: refusal as expected\n"
        "    answers: {ask: yes, when: later}\n"
        "    error: is not a time of day\n"
    )
    path = tmp_path / "errors.yaml"
    path.write_text(text)
    results = run_tree_tests(load_tree(path))
    assert [r.passed for r in results[:3]] == [False, False, True]
    assert results[0].detail == "expected an error 'not a time', reached outcome leave"
