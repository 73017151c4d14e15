"""Issue 9, CLI items: options before the subcommand, schedules across midnight,
escape sequences on the terminal, and `walk --answers` on a looping tree.

In-process through click's CliRunner; a real subprocess only where the bytes that
reach the terminal, or a walk that must end on its own, are the point.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import run_kbassist
from click.testing import CliRunner, Result

from kbassist import cli
from kbassist.trees import engine

REPO = Path(__file__).resolve().parent.parent
TREE_ID = "q98097-retrospect-mail-server"
ESC = "\x1b"
OSC_TITLE = "\x1b]0;PWNED\x07"
OSC_CLIPBOARD = "\x1b]52;c;aGVsbG8=\x07"
BIDI_AND_ZERO_WIDTH = (
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u2060\ufeff"
)


def run(*args: str, stdin: str | None = None) -> Result:
    """`kbassist ARGS` in-process, stderr kept apart from stdout."""
    return CliRunner().invoke(cli.main, list(args), input=stdin, prog_name="kbassist")


def no_control(text: str) -> bool:
    """No ESC, BEL, C1 control, bidi override or zero-width character in `text`."""
    return not any(
        (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F or c in BIDI_AND_ZERO_WIDTH
        for c in text
    )


# --------------------------------------------------------------------------- item 13

LOOP_TREE = """\
id: loop
title: Retry until it works
version: 1
articles: [Q98097]
symptom: The copy fails now and then.
cause: A flaky volume.
nodes:
  - id: q
    kind: question
    title: Try again?
    text: Did the copy work this time?
    help: Answer retry to copy again.
    choices:
      - {value: retry, label: Retry, next: q}
      - {value: done, label: Done, next: end}
  - id: end
    kind: outcome
    title: Done
    steps:
      - text: Check the copy.
        source: {article: Q98097, section: SUMMARY}
tests:
  - name: done
    answers: {q: done}
    outcome: end
"""


@pytest.fixture
def loop_files(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A lint-clean tree whose question loops to itself, and answers `q: retry`.

    An in-process walk that never ends is interrupted after 30 s (the test then fails)
    instead of hanging the suite.
    """

    def give_up(*_: object) -> None:
        raise TimeoutError("the walk did not end within 30 s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(30)
    tree = tmp_path / "loop.yaml"
    tree.write_text(LOOP_TREE, encoding="utf-8")
    answers = tmp_path / "answers.yaml"
    answers.write_text("q: retry\n", encoding="utf-8")
    assert run("trees", "lint", str(tree)).exit_code == 0
    try:
        yield tree, answers
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_walk_answers_on_a_looping_tree_stops(
    loop_files: tuple[Path, Path], env: dict[str, str]
) -> None:
    """`walk --answers` ends on its own with one line naming the answer (exit 4)."""
    tree, answers = loop_files
    proc = run_kbassist("walk", str(tree), "--answers", str(answers), env=env, timeout=60)
    assert proc.returncode == 4
    assert proc.stderr == (
        f"kbassist: error: {answers}:1:4: q: the walk did not finish within "
        f"{engine.MAX_STEPS} steps: the answers go round a loop of the tree (back to step "
        "'q' again and again); change this answer\n"
    )
    assert proc.stdout == ""


def test_walk_answers_uses_the_engine_step_bound(
    loop_files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI has no step bound of its own: it is the engine's MAX_STEPS."""
    tree, answers = loop_files
    monkeypatch.setattr(engine, "MAX_STEPS", 7)
    result = run("walk", str(tree), "--answers", str(answers))
    assert result.exit_code == 4
    assert "did not finish within 7 steps" in result.stderr


def test_walk_answers_saves_nothing_when_it_loops(loop_files: tuple[Path, Path]) -> None:
    """A looping answers file with --session leaves no half-walked session behind."""
    tree, answers = loop_files
    result = run("walk", str(tree), "--answers", str(answers), "--session", "night")
    assert result.exit_code == 4
    assert "no saved sessions" in run("sessions").stderr


def test_walk_answers_in_a_loop_can_still_finish(loop_files: tuple[Path, Path]) -> None:
    """A loop the answers leave (q: done) walks to its outcome as before."""
    tree, answers = loop_files
    answers.write_text("q: done\n", encoding="utf-8")
    result = run("walk", str(tree), "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    assert "- [ ] Check the copy." in result.stdout
