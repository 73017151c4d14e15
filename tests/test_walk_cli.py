"""`kbassist walk` and `kbassist sessions` through the real command (a subprocess)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from cli_support import run_kbassist

from kbassist.trees.catalog import find_tree
from kbassist.trees.templates import Placeholder

REPO = Path(__file__).resolve().parent.parent
ANSWERS = REPO / "tests" / "trees_fixtures" / "answers"
TREE_ID = "q98097-retrospect-mail-server"
TREE_FILE = REPO / "decision_trees" / f"{TREE_ID}.yaml"


def kbassist(
    *args: str, env: dict[str, str], stdin: str = "", cwd: Path = REPO
) -> subprocess.CompletedProcess:
    return run_kbassist(*args, env=env, stdin=stdin, cwd=cwd, timeout=60)


def item_phrases(outcome_id: str) -> list[str]:
    """The longest literal run of each item of an outcome: what shows it was exported."""
    tree = find_tree(TREE_ID, REPO / "decision_trees")
    phrases = []
    for _, items in tree.nodes[outcome_id].item_lists():  # type: ignore[attr-defined]
        for item in items:
            runs = [p for p in item.template.parts if not isinstance(p, Placeholder)]
            phrases.append(" ".join(max(runs, key=len).split()))
    return phrases


OUTCOMES = ["stop_server", "exclude_mail_data", "exclude_folder", "mail_backup_copy"]

# answers file -> (outcome, lines the export must contain)
CASES = {
    "exclude-mail-data.yaml": (
        "exclude_mail_data",
        [
            "- **Chosen mitigation:** Exclude Microsoft Mail Data from the backup",
            "- [ ] In Retrospect Remote's selection for the server Mac, add an exclusion for "
            "the file Microsoft Mail Data. _(Q98097, SUMMARY)_",
        ],
    ),
    "exclude-folder.yaml": (
        "exclude_folder",
        [
            "| Folder to exclude | Extensions Folder |",
            "- [ ] In Retrospect Remote's selection for the server Mac, exclude the server's "
            "Extensions Folder. _(Q98097, SUMMARY)_",
            "- [ ] To undo, remove the exclusion of the Extensions Folder from the Retrospect "
            "selection. _(Q98097, SUMMARY)_",
        ],
    ),
    "stop-server-no-backup.yaml": (
        "stop_server",
        [
            "| Backup time | 23:30 |",
            "- [ ] Arrange for the Mail Server on the server Mac to be shut down before 23:30, "
            "when Retrospect Remote starts its backup. _(Q98097, SUMMARY)_",
        ],
    ),
    "stop-server.yaml": (
        "stop_server",
        [
            "- **Chosen mitigation:** Stop the Mail Server during the backup",
            "- [ ] Before 02:00, make sure the Mail Server is not running on the server Mac; "
            "Retrospect must not find Microsoft Mail Data open. _(Q98097, SUMMARY)_",
            "- [ ] Leave Microsoft Mail Data in the Retrospect selection: with the server "
            "stopped the file is closed, so the backup holds a consistent copy of the mail "
            "data. _(Q98097, MORE INFORMATION)_",
        ],
    ),
    "mail-backup-copy.yaml": (
        "mail_backup_copy",
        [
            "| Copy time | 00:00 |",
            "| Target volume | Mail Copies |",
            "| Copies to keep | 3 |",
            "| Archive time | 01:00 |",
            "- [ ] Open the MS Mail Backup control panel on the server Mac and set it to copy "
            "the server data file to Mail Copies at 00:00 every day. "
            "_(Q98097, MORE INFORMATION)_",
            "- [ ] Make sure the AppleShare volume Mail Copies is mounted on the server Mac at "
            "00:00. _(Q98097, MORE INFORMATION)_",
            "- [ ] Set MS Mail Backup to keep 3 copies. They are named Mail Data Backup #1 to "
            "Mail Data Backup #3; the lowest number is the most recent. "
            "_(Q98097, MORE INFORMATION)_",
            "- [ ] Schedule Retrospect to archive Mail Copies at 01:00, after the 00:00 copy "
            "has finished. _(Q98097, MORE INFORMATION)_",
        ],
    ),
}


def test_answers_files_reach_every_outcome() -> None:
    """The answers fixtures between them reach every outcome of the Q98097 tree."""
    assert sorted({outcome for outcome, _ in CASES.values()}) == sorted(OUTCOMES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_walk_with_answers_exports_the_right_checklist(
    name: str, env: dict[str, str], tmp_path: Path
) -> None:
    """An answers file gives its outcome's items, filled in, and no other outcome's items."""
    outcome, lines = CASES[name]
    out = tmp_path / "out.md"
    proc = kbassist(
        "walk", TREE_ID, "--answers", str(ANSWERS / name), "--export", str(out), env=env
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    text = out.read_text()
    for line in lines:
        assert line in text.splitlines()
    for other in OUTCOMES:
        if other != outcome:
            for phrase in item_phrases(other):
                if phrase not in " ".join(item_phrases(outcome)):
                    assert phrase not in " ".join(text.split()), (other, phrase)
    assert f"decision tree `{TREE_ID}` version 1" in text


def test_walk_by_path_to_stdout_with_mermaid(env: dict[str, str]) -> None:
    """A tree given as a file path works; `--export -` and --mermaid print the chart."""
    proc = kbassist(
        "walk", str(TREE_FILE), "--answers", str(ANSWERS / "stop-server.yaml"), "--mermaid", env=env
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("# Mail server shuts down")
    assert "```mermaid\nflowchart TD\n" in proc.stdout


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(text)
    return path


FULL = (ANSWERS / "mail-backup-copy.yaml").read_text()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            FULL.replace("archive_time: 1:00 AM\n", ""),
            "{path}: archive_time: missing; the walk asks it at step 8 "
            "(At what time should Retrospect archive Mail Copies?)",
        ),
        (
            FULL.replace("copies: 3", "copies: 99"),
            "{path}:8:9: copies: 99 is out of range: enter a whole number from 1 to 30",
        ),
        (
            FULL.replace("archive_time: 1:00 AM", "archive_time: 00:00"),
            "{path}:9:15: archive_time: Archive before copy: the archive time (00:00) must "
            "come after the copy time (00:00), less than 12 hours later, so Retrospect "
            "archives the copy MS Mail Backup made that night. Past midnight is fine: copy "
            "at 23:30, archive at 01:00.",
        ),
        (
            FULL.replace("copy_time:", "copy_tme:"),
            "{path}:5:1: copy_tme: no step of tree q98097-retrospect-mail-server asks "
            "this (did you mean 'copy_time'?)",
        ),
        (
            FULL.replace("copies: 3", "copies:"),
            "{path}:8:8: copies: the answer is empty",
        ),
        (
            FULL + "copies: 4\n",
            "{path}:10:1: duplicate key 'copies' in an answers file (first at line 8)",
        ),
        ("- a list\n", "{path}:1:1: an answers file must be a mapping (key: value lines)"),
    ],
)
def test_bad_answers_file_names_file_key_and_reason(
    text: str, message: str, env: dict[str, str], tmp_path: Path
) -> None:
    """A missing or invalid answer is one error line naming the file, key and reason: exit 4."""
    path = write(tmp_path, text)
    proc = kbassist("walk", TREE_ID, "--answers", str(path), env=env)
    assert proc.returncode == 4, proc.stderr
    assert proc.stderr.strip() == "kbassist: error: " + message.format(path=path)
    assert proc.stdout == ""


def test_export_never_overwrites_without_force(env: dict[str, str], tmp_path: Path) -> None:
    """An existing export file is refused (exit 6, before any question) unless --force."""
    out = tmp_path / "out.md"
    out.write_text("keep me")
    args = ("walk", TREE_ID, "--answers", str(ANSWERS / "stop-server.yaml"), "--export", str(out))
    proc = kbassist(*args, env=env)
    assert proc.returncode == 6
    assert proc.stderr.strip() == f"kbassist: error: {out}: file exists (use --force to overwrite)"
    assert out.read_text() == "keep me"
    proc = kbassist(*args, "--force", env=env)
    assert proc.returncode == 0, proc.stderr
    assert out.read_text().startswith("# Mail server")


def test_unwritable_export_is_one_clear_line(env: dict[str, str], tmp_path: Path) -> None:
    """A path in a missing folder gives one OutputError line (exit 6), no traceback."""
    out = tmp_path / "no" / "such" / "out.md"
    proc = kbassist(
        "walk",
        TREE_ID,
        "--answers",
        str(ANSWERS / "stop-server.yaml"),
        "--export",
        str(out),
        env=env,
    )
    assert proc.returncode == 6
    assert len(proc.stderr.strip().splitlines()) == 1
    assert proc.stderr.startswith(f"kbassist: error: {out}: cannot write:")


def test_unknown_tree_is_not_found(env: dict[str, str]) -> None:
    """An unknown tree id exits 3 and lists the trees that exist."""
    proc = kbassist("walk", "no-such-tree", "--answers", str(ANSWERS / "stop-server.yaml"), env=env)
    assert proc.returncode == 3
    assert f"(trees there: {TREE_ID})" in proc.stderr


# --------------------------------------------------------------------------- interactive

INTERACTIVE = (
    "\n".join(
        [
            "",  # the cause: press Enter
            "yes",  # must back up the data file
            "2",  # the server must keep running
            "25:00",  # refused: not a time
            "00:15",
            "back",  # undo the copy time
            "back",  # undo "keep running"
            "no",
            "",  # copy time: Enter takes the suggestion (the undone 00:15)
            "Backup HD",
            "external",
            "",  # copies: default 1
            "00:10",  # refused: before the copy
            "1:00 AM",
        ]
    )
    + "\n"
)


def test_interactive_walk_from_stdin_with_back(env: dict[str, str]) -> None:
    """Piped answers drive the prompts; `back` undoes; refusals are explained and re-asked."""
    proc = kbassist("walk", TREE_ID, env=env, stdin=INTERACTIVE)
    assert proc.returncode == 0, proc.stderr
    err = proc.stderr
    assert "'25:00': hours go from 00 to 23" in err
    assert "the archive time (00:10) must come after the copy time (00:15)" in err
    assert err.count("[3] Can the server stop?") == 2
    out = proc.stdout.splitlines()
    assert "| Copy time | 00:15 |" in out
    assert "| Copies to keep | 1 |" in out
    assert "| Archive time | 01:00 |" in out
    assert (
        "- [ ] Set MS Mail Backup to keep one copy; it is named Mail Data Backup #1. "
        "_(Q98097, MORE INFORMATION)_" in out
    )
    assert not any("AppleShare volume Backup HD" in line for line in out)


def test_input_ending_early_is_an_error(env: dict[str, str]) -> None:
    """Stdin closing before an outcome exits 2 with the step it stopped at."""
    proc = kbassist("walk", TREE_ID, env=env, stdin="\nyes\n")
    assert proc.returncode == 2
    assert proc.stderr.strip().endswith(
        "kbassist: error: input ended before the walk finished (at step 3, can_stop)"
    )
    assert proc.stdout == ""


# --------------------------------------------------------------------------- sessions


def test_session_quit_and_resume(env: dict[str, str]) -> None:
    """--session saves every step; quit keeps it; --resume continues to the checklist."""
    proc = kbassist("walk", TREE_ID, "--session", "night", env=env, stdin="\nyes\nno\nquit\n")
    assert proc.returncode == 0, proc.stderr
    assert "continue with `kbassist walk --resume night`" in proc.stderr
    listing = kbassist("sessions", env=env)
    assert listing.stdout.startswith(f"night  {TREE_ID} v1  3 steps, at copy_time")
    again = kbassist("walk", TREE_ID, "--session", "night", env=env, stdin="quit\n")
    assert again.returncode == 2
    assert "session 'night' exists" in again.stderr
    rest = "midnight\nMail Copies\nappleshare\n3\n1:00 AM\n"
    proc = kbassist("walk", "--resume", "night", env=env, stdin=rest)
    assert proc.returncode == 0, proc.stderr
    assert "[4] Copy time" in proc.stderr
    assert "| Copies to keep | 3 |" in proc.stdout.splitlines()
    assert "8 steps, finished" in kbassist("sessions", env=env).stdout


def test_resume_after_tree_changed(env: dict[str, str], tmp_path: Path) -> None:
    """A session whose tree changed resumes at the last valid step, with an explanation."""
    trees = tmp_path / "trees"
    trees.mkdir()
    tree_file = trees / TREE_FILE.name
    shutil.copy(TREE_FILE, tree_file)
    stdin = "\nyes\nno\n00:00\nVol\nexternal\n5\nquit\n"
    proc = kbassist("walk", TREE_ID, "--trees", str(trees), "--session", "s", env=env, stdin=stdin)
    assert proc.returncode == 0, proc.stderr
    text = tree_file.read_text()
    tree_file.write_text(text.replace("version: 1", "version: 2").replace("max: 30", "max: 4"))
    proc = kbassist("walk", "--resume", "s", "--trees", str(trees), env=env, stdin="4\n01:00\n")
    assert proc.returncode == 0, proc.stderr
    assert (
        f"kbassist: tree {TREE_ID} changed since this session was saved (version 1 -> 2): "
        "step 7 (copies): '5' is no longer accepted: 5 is out of range: enter a whole number "
        "from 1 to 4; resumed at step 7 (copies)" in proc.stderr
    )
    assert "| Copies to keep | 4 |" in proc.stdout.splitlines()


def test_corrupt_session_is_a_data_error(env: dict[str, str], tmp_path: Path) -> None:
    """A truncated session file gives exit 4 naming the file; `sessions` still lists others."""
    proc = kbassist("walk", TREE_ID, "--session", "good", env=env, stdin="\nquit\n")
    assert proc.returncode == 0, proc.stderr
    folder = Path(env["XDG_DATA_HOME"]) / "kbassist" / "sessions"
    good = json.loads((folder / "good.json").read_text())
    assert good["tree"]["id"] == TREE_ID
    (folder / "bad.json").write_text((folder / "good.json").read_text()[:40])
    proc = kbassist("walk", "--resume", "bad", env=env)
    assert proc.returncode == 4
    assert proc.stderr.startswith(f"kbassist: error: {folder / 'bad.json'}:")
    assert "not a valid session file: broken JSON" in proc.stderr
    listing = kbassist("sessions", env=env)
    assert listing.returncode == 0
    assert listing.stdout.startswith("good ")
    assert "unreadable session" in listing.stderr


def test_session_names_cannot_be_paths(env: dict[str, str]) -> None:
    """A session name with a slash or dots is a usage error (exit 2), never a path."""
    proc = kbassist("walk", TREE_ID, "--session", "../escape", env=env, stdin="quit\n")
    assert proc.returncode == 2
    assert "invalid session name '../escape'" in proc.stderr


def test_resume_a_walk_started_from_a_tree_file(env: dict[str, str], tmp_path: Path) -> None:
    """A session begun from a .yaml path outside the trees folder resumes from that file."""
    tree_file = tmp_path / TREE_FILE.name
    shutil.copy(TREE_FILE, tree_file)
    proc = kbassist("walk", str(tree_file), "--session", "f", env=env, stdin="\nno\nquit\n")
    assert proc.returncode == 0, proc.stderr
    proc = kbassist(
        "walk", "--resume", "f", "--trees", str(tmp_path / "none"), env=env, stdin="mail-data\n"
    )
    assert proc.returncode == 0, proc.stderr
    assert "- **Chosen mitigation:** Exclude Microsoft Mail Data from the backup" in proc.stdout
