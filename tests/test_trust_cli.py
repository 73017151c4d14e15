"""Issue 9, CLI items: options before the subcommand, schedules across midnight,
escape sequences on the terminal, and `walk --answers` on a looping tree.

In-process through click's CliRunner; a real subprocess only where the bytes that
reach the terminal, or a walk that must end on its own, are the point.
"""

from __future__ import annotations

import ast
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import run_kbassist
from click.testing import CliRunner, Result

from kbassist import cli
from kbassist.sanitize import sanitize
from kbassist.trees import engine
from kbassist.trees.conditions import parse_condition

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


# --------------------------------------------------------------------------- item 5


def test_group_articles_and_index_dir_apply_to_search(kb_dir: Path, tmp_path: Path) -> None:
    """`kbassist --articles KB --index-dir X search ...` searches KB, indexed in X."""
    index = tmp_path / "ix"
    result = run("--articles", str(kb_dir), "--index-dir", str(index), "search", "spooler")
    assert result.exit_code == 0, result.stderr
    assert "KB-PRN-1" in result.stdout
    assert index.is_dir() and any(index.iterdir())


def test_subcommand_option_wins_over_group_option(kb_dir: Path, tmp_path: Path) -> None:
    """Given both before and after the subcommand, the subcommand's own option wins."""
    empty = tmp_path / "other-kb"
    empty.mkdir()
    (empty / "a.md").write_text("# Unrelated\n\nNothing about printers.\n", encoding="utf-8")
    result = run("--articles", str(empty), "search", "spooler", "--articles", str(kb_dir), "--json")
    assert result.exit_code == 0, result.stderr
    assert '"KB-PRN-1"' in result.stdout


def test_group_option_wins_over_environment(
    kb_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An option typed before the subcommand beats KBASSIST_ARTICLES, as typed options do."""
    elsewhere = tmp_path / "env-kb"
    elsewhere.mkdir()
    monkeypatch.setenv("KBASSIST_ARTICLES", str(elsewhere))
    result = run("--articles", str(kb_dir), "show", "KB-DNS-2")
    assert result.exit_code == 0, result.stderr
    assert "DNS lookups time out" in result.stdout


def test_group_options_reach_nested_commands(kb_dir: Path, tmp_path: Path) -> None:
    """`kbassist --articles KB trees lint` checks citations against KB, not the bundled KB."""
    tree = tmp_path / "printer.yaml"
    tree.write_text(
        "id: printer\ntitle: Printer\nversion: 1\narticles: [KB-PRN-1]\n"
        "symptom: Jobs stay queued.\ncause: The driver.\nnodes:\n"
        "  - id: fix\n    kind: outcome\n    title: Roll back\n    steps:\n"
        "      - text: Roll back the driver.\n"
        "        source: {article: KB-PRN-1, section: Resolution}\n"
        "tests:\n  - name: fix\n    answers: {}\n    outcome: fix\n",
        encoding="utf-8",
    )
    assert run("trees", "lint", str(tree)).exit_code == 1  # bundled KB: no KB-PRN-1
    result = run("--articles", str(kb_dir), "trees", "lint", str(tree))
    assert result.exit_code == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (["trees", "list"], "kbassist trees list"),
        (["trees", "test"], "kbassist trees test"),
        (["sessions"], "kbassist sessions"),
    ],
)
def test_group_option_a_command_cannot_use_is_refused(
    args: list[str], command: str, kb_dir: Path
) -> None:
    """A group option the subcommand has no use for is one error line and exit 2, not ignored."""
    result = run("--articles", str(kb_dir), *args)
    assert result.exit_code == 2
    assert result.stderr == (
        f"kbassist: error: --articles was given before `{command}`, which does not use it: "
        "remove it\n"
    )


def test_every_group_option_in_help_is_handled() -> None:
    """Every option `kbassist --help` lists (but --version/--help) is one KBCommand applies."""
    listed = {p.name for p in cli.main.params if not getattr(p, "is_eager", False)}
    assert listed == set(cli.GROUP_OPTIONS)


# --------------------------------------------------------------------------- item 6


def test_time_comparison_reads_like_a_schedule() -> None:
    """A time is after another when it comes next on the clock less than 12 hours later."""
    from kbassist.trees.conditions import minutes_after, time_is_after

    later = parse_condition("archive_time > copy_time")

    def holds(copy: str, archive: str) -> bool:
        return later.evaluate({"copy_time": copy, "archive_time": archive})

    assert holds("23:30", "01:00")  # across midnight: a normal night
    assert holds("00:00", "01:00")  # the article's example
    assert holds("23:00", "23:45")
    assert not holds("23:30", "23:00")  # the archive runs half an hour before the copy
    assert not holds("01:00", "00:00")
    assert not holds("23:30", "23:30")  # the same time is not after
    assert not holds("12:00", "00:00")  # 12 hours apart: neither before nor after
    assert holds("12:00", "23:59")  # 11 h 59 min later
    assert minutes_after("01:00", "23:30") == 90
    assert minutes_after("23:00", "23:30") == 23 * 60 + 30
    assert time_is_after("23:30", "23:30", or_same=True)
    assert parse_condition("copy_time < archive_time").evaluate(
        {"copy_time": "23:30", "archive_time": "01:00"}
    )
    assert not parse_condition("archive_time <= copy_time").evaluate(
        {"copy_time": "23:30", "archive_time": "01:00"}
    )


def schedule_answers(tmp_path: Path, copy: str, archive: str) -> Path:
    """An answers file for the Q98097 copy-then-archive mitigation."""
    path = tmp_path / "answers.yaml"
    path.write_text(
        "must_backup: yes\ncan_stop: no\n"
        f"copy_time: {copy}\nbackup_volume: Backup HD\nvolume_kind: external\n"
        f"copies: 1\narchive_time: {archive}\n",
        encoding="utf-8",
    )
    return path


def test_walk_accepts_a_schedule_across_midnight(tmp_path: Path) -> None:
    """Copy at 23:30, archive at 01:00: the Q98097 walk finishes with that schedule."""
    answers = schedule_answers(tmp_path, "23:30", "1:00 AM")
    result = run("walk", TREE_ID, "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    assert (
        "- [ ] Schedule Retrospect to archive Backup HD at 01:00, after the 23:30 copy has "
        "finished." in result.stdout
    )


def test_walk_refuses_an_archive_before_the_copy(tmp_path: Path) -> None:
    """Archive at 23:00 for a copy at 23:30 is the real mistake: one line, exit 4."""
    answers = schedule_answers(tmp_path, "23:30", "23:00")
    result = run("walk", TREE_ID, "--answers", str(answers))
    assert result.exit_code == 4
    assert result.stderr.startswith(
        f"kbassist: error: {answers}:7:15: archive_time: Archive before copy: the archive "
        "time (23:00) must come after the copy time (23:30)"
    )
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_tree_help_explains_the_rule() -> None:
    """The archive step's help line says how times across midnight are read."""
    from kbassist.trees.catalog import find_tree

    tree = find_tree(TREE_ID, REPO / "decision_trees")
    help_text = " ".join(str(tree.nodes["archive_time"].help).split())  # type: ignore[attr-defined]
    assert "less than 12 hours later" in help_text
    assert "copy 23:30, archive 01:00" in help_text


# --------------------------------------------------------------------------- item 8


def test_cli_output_goes_through_the_sanitizing_helpers() -> None:
    """Only `echo` and the progress bar call click.echo/style: new commands are safe by default."""
    allowed = {"echo", "_echo_control"}
    offenders = []
    files = sorted(Path(cli.__file__).parent.glob("*.py"))
    assert len(files) > 1  # the package, not only its __init__
    funcs = [f for path in files for f in ast.walk(ast.parse(path.read_text(encoding="utf-8")))]
    for func in funcs:
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(func):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "click"
                and node.attr in ("echo", "secho", "style", "prompt", "confirm")
                and func.name not in allowed
            ):
                offenders.append(f"{func.name}:{node.lineno}")
    assert offenders == []


def test_sanitize_strips_bidi_overrides_and_zero_width() -> None:
    """A title's U+202E or zero-width characters cannot make it read differently."""
    assert sanitize("invoice\u202egpj.exe") == "invoicegpj.exe"
    assert sanitize("pass\u200bword\ufeff \u2066x\u2069") == "password x"
    assert sanitize("caf\udce9.md") == "caf\ufffd.md"
    assert sanitize("tab\tand\nnewline") == "tab\tand\nnewline"


def test_index_prints_hostile_file_names_without_escapes(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """A skipped file named with OSC sequences is reported by its real name, its ESC and BEL
    shown as escapes: none reaches the terminal, and the name printed is the file's."""
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / f"x{OSC_CLIPBOARD}{OSC_TITLE}.md").write_bytes(b"binary\x00data")
    (kb / "ok.md").write_text("# Fine\n\nA fine article.\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "kbassist", "index", str(kb)],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert b"\x1b" not in proc.stderr + proc.stdout
    assert b"\x07" not in proc.stderr + proc.stdout
    shown = f"x{OSC_CLIPBOARD}{OSC_TITLE}.md".replace("\x1b", "\\x1b").replace("\x07", "\\x07")
    assert f"skipped {kb}/{shown}: binary file".encode() in proc.stderr


def test_search_title_and_snippet_lose_bidi_and_zero_width(kb_dir: Path) -> None:
    """An article title with U+202E and a body with zero-width joins print cleaned."""
    (kb_dir / "trick.md").write_text(
        '---\nid: KB-TRICK-1\ntitle: "Reset \u202eexe.txt\u202c password"\n---\n\n'
        "## Symptoms\n\nThe pass\u200bword re\u2060set fails.\n",
        encoding="utf-8",
    )
    result = run("search", "reset", "password", "--articles", str(kb_dir))
    assert result.exit_code == 0, result.stderr
    assert "KB-TRICK-1" in result.stdout
    assert no_control(result.stdout), repr(result.stdout)
    assert "Reset exe.txt password" in result.stdout


def hostile_tree(folder: Path, field: str) -> Path:
    """A tree whose `field` carries YAML escapes that make an OSC title sequence."""
    folder.mkdir(exist_ok=True)
    values = {
        "title": "Mail",
        "test": "done",
        "default": "a",
    }
    values[field] = values[field] + "\\e]0;PWNED\\a"
    path = folder / "hostile.yaml"
    path.write_text(
        f'id: hostile\ntitle: "{values["title"]}"\nversion: 1\narticles: [Q98097]\n'
        "symptom: It breaks.\ncause: A bug.\nnodes:\n"
        "  - id: name\n    kind: input\n    type: text\n    title: Name\n"
        "    text: Which name?\n    help: Any name.\n"
        f'    default: "{values["default"]}"\n    next: end\n'
        "  - id: end\n    kind: outcome\n    title: Done\n    steps:\n"
        "      - text: Use {name}.\n        source: {article: Q98097, section: SUMMARY}\n"
        f'tests:\n  - name: "{values["test"]}"\n    answers: {{name: x}}\n    outcome: end\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(("field", "line"), [("title", 2), ("default", 14), ("test", 23)])
def test_lint_flags_control_characters_from_yaml_escapes(
    field: str, line: int, tmp_path: Path
) -> None:
    """`"\\e"` / `"\\a"` in a tree string is a lint problem at its line; nothing raw is printed."""
    path = hostile_tree(tmp_path / "trees", field)
    result = run("trees", "lint", str(path))
    assert result.exit_code == 1
    assert f"{path}:{line}:" in result.stdout
    assert "control character U+001B in text" in result.stdout
    assert no_control(result.stdout + result.stderr)


@pytest.mark.parametrize("field", ["title", "default", "test"])
def test_tree_commands_print_no_escapes(field: str, tmp_path: Path) -> None:
    """`trees list`, `trees test` and `walk` print no escape of a hostile tree (refused instead)."""
    folder = tmp_path / "trees"
    path = hostile_tree(folder, field)
    listed = run("trees", "list", "--trees", str(folder))
    tested = run("trees", "test", "--trees", str(folder))
    walked = run("walk", str(path), stdin="\n" * 5)
    for result in (listed, tested, walked):
        assert no_control(result.stdout + result.stderr), repr(result.stdout + result.stderr)
    assert "hostile  v1" not in listed.stdout
    assert tested.exit_code == 1
    assert walked.exit_code == 4
    assert "control character U+001B" in walked.stderr


def test_lint_flags_bidi_overrides_in_tree_text(tmp_path: Path) -> None:
    """A right-to-left override in a tree title is reported at its line."""
    path = hostile_tree(tmp_path / "trees", "title")
    path.write_text(
        path.read_text(encoding="utf-8").replace("\\e]0;PWNED\\a", "\\u202Eexe.txt"),
        encoding="utf-8",
    )
    result = run("trees", "lint", str(path))
    assert result.exit_code == 1
    assert f"{path}:2:8: bidirectional control U+202E in text" in result.stdout


def test_hostile_tree_file_names_are_printed_clean(tmp_path: Path) -> None:
    """A tree file named with escape sequences is listed by lint and list without them."""
    folder = tmp_path / "trees"
    folder.mkdir()
    (folder / f"x{OSC_TITLE}.yaml").write_text("id: [\n", encoding="utf-8")
    for result in (run("trees", "lint", str(folder)), run("trees", "list", "--trees", str(folder))):
        assert no_control(result.stdout + result.stderr)
        assert f"{folder}/x.yaml:" in result.stdout + result.stderr


def test_error_lines_sanitize_paths(tmp_path: Path) -> None:
    """A path with escapes in an error line (missing articles folder) prints without them."""
    missing = tmp_path / f"kb{OSC_TITLE}"
    result = run("show", "Q98097", "--articles", str(missing))
    assert result.exit_code == 4
    assert result.stderr.startswith("kbassist: error: ")
    assert no_control(result.stderr)
    assert f"{tmp_path}/kb" in result.stderr


def test_click_error_channel_is_sanitized(monkeypatch: pytest.MonkeyPatch) -> None:
    """A click error carrying raw escapes (a value quoted in a message) prints without them."""
    import click

    def hostile(*_: object, **__: object) -> None:
        raise click.BadParameter(f"no such product {OSC_TITLE!s}x")

    monkeypatch.setattr(cli.kb, "assistant_for", hostile)
    result = run("search", "anything")
    assert result.exit_code == 2
    assert "Error: Invalid value: no such product x" in result.stderr
    assert no_control(result.stderr)


def test_walk_prompt_of_a_drafted_tree_has_no_bidi_controls(kb_dir: Path) -> None:
    """The walk prompt of a drafted tree shows titles and suggestions without control bytes."""
    (kb_dir / "evil.md").write_text(
        '---\nid: KB-EVIL-9\ntitle: "Backup \u202e fails"\n---\n\n'
        "## Symptoms\n\nThe backup at 1:00 AM fails.\n\n## Resolution\n\n"
        "1. Run the backup at 11:30 PM instead.\n2. Keep 3 copies on drive E.\n",
        encoding="utf-8",
    )
    result = run("walk", "KB-EVIL-9", "--articles", str(kb_dir), stdin="yes\n" + "\n" * 20)
    assert result.exit_code == 0, result.stderr
    assert "Answer [" in result.stderr
    assert no_control(result.stderr + result.stdout)


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
