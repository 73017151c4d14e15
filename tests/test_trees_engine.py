"""The walk engine, the condition language and answer parsing, without any UI."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbassist.trees.catalog import find_tree
from kbassist.trees.conditions import ConditionError, parse_condition
from kbassist.trees.engine import AnswerError, MissingAnswer, Walk, walk_with_answers
from kbassist.trees.templates import TemplateError, parse_template
from kbassist.trees.values import InvalidValue, match_choice, parse_number, parse_time

REPO = Path(__file__).resolve().parent.parent
TREE_ID = "q98097-retrospect-mail-server"


@pytest.fixture
def tree():  # type: ignore[no-untyped-def]
    return find_tree(TREE_ID, REPO / "decision_trees")


def to_copy_approach(walk: Walk) -> None:
    """Answer up to the copy-time step (data must be backed up, server must run)."""
    walk.answer()  # cause (info)
    walk.answer("yes")
    walk.answer("no")
    assert walk.current.id == "copy_time"


# --------------------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("00:00", "00:00"),
        ("0:00", "00:00"),
        ("1:00 AM", "01:00"),
        ("1:00am", "01:00"),
        ("1 pm", "13:00"),
        ("12:00 AM", "00:00"),
        ("12:30 p.m.", "12:30"),
        ("midnight", "00:00"),
        ("Noon", "12:00"),
        ("23:59", "23:59"),
    ],
)
def test_time_of_day_forms_normalize(raw: str, expected: str) -> None:
    """Times typed as 00:00, 1:00 AM, midnight or noon become HH:MM."""
    assert parse_time(raw) == expected


@pytest.mark.parametrize("raw", ["24:00", "12:60", "13:00 PM", "0 AM", "1", "soon", "", "1:5"])
def test_bad_times_are_refused_with_a_hint(raw: str) -> None:
    """Impossible or ambiguous times are refused with a message showing valid forms."""
    with pytest.raises(InvalidValue) as info:
        parse_time(raw)
    assert str(info.value)


def test_a_time_wrong_in_hours_and_minutes_says_both() -> None:
    """25:99 names both ranges, not only the minutes'."""
    with pytest.raises(InvalidValue, match="hours go from 00 to 23 and minutes go from 00 to 59"):
        parse_time("25:99")


def test_a_wrong_choice_says_how_to_answer_not_the_internal_values() -> None:
    """A bad answer at a question says to type a number in range or a label, as the menu shows."""
    with pytest.raises(InvalidValue) as info:
        match_choice("9", [("message_1", "Error 5"), ("message_2", "Error 6"), ("none", "None")])
    assert "type its number (1 to 3) or its label" in str(info.value)
    assert "message_1" not in str(info.value)


def test_number_bounds_and_wholeness() -> None:
    """Numbers outside min/max or with decimals (for whole numbers) say what is allowed."""
    assert parse_number("3", minimum=1, maximum=30, integer=True) == 3
    with pytest.raises(InvalidValue, match="enter a whole number from 1 to 30"):
        parse_number("31", minimum=1, maximum=30, integer=True)
    with pytest.raises(InvalidValue, match="is not a whole number"):
        parse_number("2.5", minimum=1, maximum=30, integer=True)
    with pytest.raises(InvalidValue, match="is not a whole number"):
        parse_number("0x10", minimum=None, maximum=None, integer=True)


# --------------------------------------------------------------------------- conditions


@pytest.mark.parametrize(
    ("text", "answers", "expected"),
    [
        ("copies >= 2", {"copies": 2}, True),
        ("copies >= 2", {"copies": 1}, False),
        ('stop_server == "yes"', {"stop_server": "yes"}, True),
        ("not (a == 'x') and b != 1", {"a": "y", "b": 2}, True),
        ('a == "x" or b > 3', {"a": "y", "b": 4}, True),
        ('a == "x" or b > 3', {"a": "y", "b": 3}, False),
        ("archive_time > copy_time", {"archive_time": "01:00", "copy_time": "00:00"}, True),
        ('a == "say \\"hi\\""', {"a": 'say "hi"'}, True),
    ],
)
def test_conditions_evaluate(text: str, answers: dict, expected: bool) -> None:
    """The condition language evaluates comparisons with and/or/not and parentheses."""
    assert parse_condition(text).evaluate(answers) is expected


@pytest.mark.parametrize(
    "text",
    [
        '__import__("os").system("echo hi")',
        "copies",
        "copies >",
        "a = 1",
        "(a == 1",
        "a == 1 b",
        "a.b == 1",
        '"unclosed == 1',
        "",
        "not " * 30 + "a == 1",
    ],
)
def test_conditions_refuse_anything_else(text: str) -> None:
    """Code, bare names, bad operators and runaway nesting are parse errors, never run."""
    with pytest.raises(ConditionError):
        parse_condition(text)


def test_condition_lists_its_variables() -> None:
    """A condition knows which answers it reads (lint checks them on every path)."""
    assert parse_condition('a == 1 and (b != "x" or not c < d)').variables == {"a", "b", "c", "d"}


def test_templates_refuse_attribute_access() -> None:
    """Templates accept {name} and {{ }} only, so a tree cannot reach into values."""
    assert parse_template("a {{b}} {c}").render({"c": 3}) == "a {b} 3"
    for bad in ("{c.__class__}", "{c[0]}", "{", "}", "{}"):
        with pytest.raises(TemplateError):
            parse_template(bad)


# --------------------------------------------------------------------------- walking


def test_walk_starts_at_start_with_no_answers(tree) -> None:  # type: ignore[no-untyped-def]
    """A new walk shows the start node and has no history or answers."""
    walk = Walk(tree)
    assert walk.current.id == "cause"
    assert walk.index == 0
    assert walk.history == ()
    assert walk.answers == {}
    assert not walk.is_finished


def test_answering_moves_and_records(tree) -> None:  # type: ignore[no-untyped-def]
    """Answers are matched by value, label or number and recorded in history."""
    walk = Walk(tree)
    walk.answer()
    walk.answer("2")  # the second choice: no
    assert walk.current.id == "exclusion"
    walk.answer("Exclude only Microsoft Mail Data from the backup")
    assert walk.is_finished
    assert walk.outcome is not None and walk.outcome.id == "exclude_mail_data"
    assert walk.answers == {"must_backup": "no", "exclusion": "mail-data"}
    assert walk.path == ["cause", "must_backup", "exclusion", "exclude_mail_data"]


def test_invalid_answer_changes_nothing(tree) -> None:  # type: ignore[no-untyped-def]
    """A refused answer raises AnswerError naming the step and leaves the walk as it was."""
    walk = Walk(tree)
    to_copy_approach(walk)
    with pytest.raises(AnswerError) as info:
        walk.answer("25:00")
    assert info.value.node_id == "copy_time"
    assert info.value.var == "copy_time"
    assert "hours go from 00 to 23" in info.value.message
    assert walk.current.id == "copy_time"
    assert walk.index == 3


def test_empty_answer_takes_default_but_question_needs_one(tree) -> None:  # type: ignore[no-untyped-def]
    """Enter takes an input's default; a question without default insists on an answer."""
    walk = Walk(tree)
    walk.answer()
    with pytest.raises(AnswerError, match="an answer is required"):
        walk.answer("")
    walk.answer("yes")
    walk.answer("no")
    walk.answer("")
    assert walk.answers["copy_time"] == "00:00"


def test_constraint_refuses_archive_before_copy(tree) -> None:  # type: ignore[no-untyped-def]
    """An archive time not after the copy time is refused, attributed to archive_time."""
    walk = Walk(tree)
    to_copy_approach(walk)
    for raw in ("01:00", "Vol", "1", "2"):
        walk.answer(raw)
    with pytest.raises(AnswerError) as info:
        walk.answer("00:30")
    assert info.value.node_id == "archive_time"
    assert info.value.constraint is tree.constraints[0]
    assert "the archive time (00:30) must come after the copy time (01:00)" in info.value.message
    walk.answer("2:00 AM")
    assert walk.is_finished


def test_back_undoes_the_last_step_and_suggests_it(tree) -> None:  # type: ignore[no-untyped-def]
    """back() returns to the previous step, drops its answer and offers it as suggestion."""
    walk = Walk(tree)
    to_copy_approach(walk)
    walk.answer("23:00")
    assert walk.back() is True
    assert walk.current.id == "copy_time"
    assert "copy_time" not in walk.answers
    assert walk.suggestion() == "23:00"
    assert walk.back() is True
    assert walk.current.id == "can_stop"
    walk.restart()
    assert walk.back() is False


def test_jump_back_to_an_earlier_step_drops_what_follows(tree) -> None:  # type: ignore[no-untyped-def]
    """jump(i) goes back to step i and forgets every answer from there on."""
    walk = Walk(tree)
    to_copy_approach(walk)
    walk.answer("23:00")
    walk.jump(1)
    assert walk.current.id == "must_backup"
    assert walk.answers == {}
    assert walk.index == 1
    walk.answer("no")
    assert walk.current.id == "exclusion"
    with pytest.raises(IndexError):
        walk.jump(5)


def test_restart_forgets_everything(tree) -> None:  # type: ignore[no-untyped-def]
    """restart() returns to the start with no answers and no suggestions."""
    walk = Walk(tree)
    to_copy_approach(walk)
    walk.answer("23:00")
    walk.back()
    walk.restart()
    assert walk.current.id == "cause"
    assert walk.answers == {}
    walk.answer()
    walk.answer("yes")
    walk.answer("no")
    assert walk.suggestion() == "00:00"  # the default, not the undone 23:00


def test_prompt_and_help_fill_earlier_answers(tree) -> None:  # type: ignore[no-untyped-def]
    """Step text and help lines show earlier answers in place of {placeholders}."""
    walk = Walk(tree)
    to_copy_approach(walk)
    walk.answer("23:15")
    walk.answer("Mail Copies")
    assert walk.prompt() == "Is Mail Copies an external hard drive or an AppleShare volume?"
    walk.answer("external")
    walk.answer("1")
    assert walk.help_text().startswith("After the copy at 23:15 has finished")


def test_finished_walk_refuses_answers(tree) -> None:  # type: ignore[no-untyped-def]
    """Once at an outcome, answer() is refused until the admin goes back or restarts."""
    walk = walk_with_answers(tree, {"must_backup": "no", "exclusion": "mail-data"})
    with pytest.raises(AnswerError, match="finished"):
        walk.answer("x")


def test_walk_with_answers_reports_the_missing_variable(tree) -> None:  # type: ignore[no-untyped-def]
    """A non-interactive walk names the variable it has no answer for."""
    with pytest.raises(MissingAnswer) as info:
        walk_with_answers(tree, {"must_backup": "yes"})
    assert info.value.var == "can_stop"


def test_replay_stops_at_the_first_step_that_no_longer_fits(tree) -> None:  # type: ignore[no-untyped-def]
    """Replaying saved steps resumes at the last valid step and says why it stopped."""
    walk = Walk(tree)
    report = walk.replay(
        [("cause", None), ("must_backup", "yes"), ("can_stop", "no"), ("copy_time", "99:00")]
    )
    assert report.replayed == 3
    assert "no longer accepted" in report.reason
    assert walk.current.id == "copy_time"


def test_tree_core_is_headless() -> None:
    """The tree packages import neither Textual, click nor whoosh (any UI can drive them)."""
    import subprocess
    import sys

    code = (
        "import sys, kbassist.trees.engine, kbassist.trees.lint, kbassist.trees.session, "
        "kbassist.trees.treetests, kbassist.trees.catalog, kbassist.trees.checklist, "
        "kbassist.trees.export; "
        "print(sorted(m for m in ('textual', 'click', 'whoosh') if m in sys.modules))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert proc.stdout.strip() == "[]", proc.stderr
