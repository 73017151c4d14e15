"""Running the test cases a tree carries: answers in, outcome and checklist lines out.

Besides its cases, a tree fails when some outcome is reached by no passing case, so
every mitigation a tree can recommend has been read at least once in a test.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kbassist.trees.checklist import build_checklist
from kbassist.trees.engine import AnswerError, walk_with_answers
from kbassist.trees.model import Tree, TreeTest


@dataclass(frozen=True, slots=True)
class CaseResult:
    """One line of the report."""

    path: Path
    line: int
    tree_id: str
    name: str
    passed: bool
    detail: str = ""
    outcome: str | None = None

    def __str__(self) -> str:
        head = "PASS" if self.passed else "FAIL"
        where = "" if self.passed else f"{self.path}:{self.line}: "
        detail = f": {self.detail}" if self.detail and not self.passed else ""
        return f"{head} {where}{self.tree_id}: {self.name}{detail}"


def _norm(text: str) -> str:
    return " ".join(text.split())


def run_case(tree: Tree, case: TreeTest) -> CaseResult:
    """Walk the case's answers and compare with what it expects."""

    def result(passed: bool, detail: str = "", outcome: str | None = None) -> CaseResult:
        return CaseResult(tree.path, case.pos.line, tree.id, case.name, passed, detail, outcome)

    answers = dict(case.answers)
    try:
        walk = walk_with_answers(tree, answers)
    except AnswerError as exc:
        got = _norm(exc.message)
        if case.error is not None:
            if _norm(case.error) in got:
                return result(True)
            return result(False, f"expected an error containing {case.error!r}, got {got!r}")
        return result(False, f"{exc.var or exc.node_id}: {got}")
    outcome = walk.outcome
    assert outcome is not None
    if case.error is not None:
        return result(False, f"expected an error {case.error!r}, reached outcome {outcome.id}")
    if outcome.id != case.outcome:
        return result(False, f"expected outcome {case.outcome}, reached {outcome.id}")
    asked = {s.node.var for s in walk.history if s.node.var}
    unused = [name for name in answers if name not in asked]
    if unused:
        return result(False, f"answers never asked on this path: {', '.join(unused)}")
    lines = [_norm(item.text) for item in build_checklist(walk).items]
    for expected in case.checklist:
        if _norm(expected) not in lines:
            return result(False, f"checklist lacks the line {_norm(expected)!r}")
    for unwanted in case.absent:
        if _norm(unwanted) in lines:
            return result(False, f"checklist has the line {_norm(unwanted)!r}")
    return result(True, outcome=outcome.id)


def run_tree_tests(tree: Tree) -> list[CaseResult]:
    """Every case of `tree`, then one failure per outcome no passing case reaches."""
    results = [run_case(tree, case) for case in tree.tests]
    reached = {r.outcome for r in results if r.passed and r.outcome}
    for outcome in tree.outcomes():
        if outcome.id not in reached:
            results.append(
                CaseResult(
                    tree.path,
                    outcome.pos.line,
                    tree.id,
                    f"outcome {outcome.id} is tested",
                    False,
                    "no passing test case reaches this outcome",
                )
            )
    return results
