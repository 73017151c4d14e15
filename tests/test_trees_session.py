"""Saving and resuming walks: JSON in the user data dir, robust to changed trees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kbassist.errors import DataError, NotFoundError, UsageError
from kbassist.trees.catalog import find_tree, load_tree
from kbassist.trees.engine import Walk
from kbassist.trees.session import (
    list_sessions,
    read_session,
    resume,
    save_session,
    sessions_dir,
)

REPO = Path(__file__).resolve().parent.parent
TREE_FILE = REPO / "decision_trees" / "q98097-retrospect-mail-server.yaml"


@pytest.fixture
def walk() -> Walk:
    walk = Walk(find_tree(str(TREE_FILE)))
    for raw in (None, "yes", "no", "midnight", "Mail Copies"):
        walk.answer(raw)
    return walk


def test_sessions_live_in_the_user_data_dir(walk: Walk, isolated_home: Path) -> None:
    """A saved session is a JSON file under the (isolated) XDG data dir, not a pickle."""
    path = save_session("night", walk)
    assert path == sessions_dir() / "night.json"
    assert str(path).startswith(str(isolated_home))
    data = json.loads(path.read_text())
    assert data["tree"]["id"] == "q98097-retrospect-mail-server"
    assert data["steps"][3] == {"node": "copy_time", "answer": "00:00"}


def test_session_files_are_private(walk: Walk) -> None:
    """A session holds site details (volumes, times): file 0600 in a 0700 folder."""
    path = save_session("private", walk)
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700


def test_resume_an_unchanged_tree_exactly(walk: Walk) -> None:
    """Resuming on the same tree restores the step, answers and history, silently."""
    save_session("night", walk)
    resumed = resume(read_session("night"), walk.tree)
    assert resumed.message == ""
    assert resumed.walk.current.id == walk.current.id == "volume_kind"
    assert resumed.walk.answers == walk.answers


def test_resume_a_changed_tree_at_the_last_valid_step(walk: Walk, tmp_path: Path) -> None:
    """When a saved step no longer fits the edited tree, the walk resumes before it."""
    save_session("night", walk)
    edited = tmp_path / TREE_FILE.name
    text = TREE_FILE.read_text().replace("version: 1", "version: 3")
    text = text.replace(
        'label: "No, it must keep running", next: copy_time}',
        'label: "No, it must keep running", next: note}',
    )
    text = text.replace(
        "  - id: copy_time\n",
        "  - id: note\n    kind: info\n    text: A new explanation.\n    next: copy_time\n"
        "  - id: copy_time\n",
    )
    edited.write_text(text)
    resumed = resume(read_session("night"), load_tree(edited))
    assert resumed.changed
    assert resumed.walk.current.id == "note"
    assert resumed.walk.answers == {"must_backup": "yes", "can_stop": "no"}
    assert resumed.message == (
        "tree q98097-retrospect-mail-server changed since this session was saved "
        "(version 1 -> 3): step 4 was 'copy_time', but the tree now leads to 'note'; "
        "resumed at step 4 (note)"
    )


def test_edited_tree_that_still_fits_says_so(walk: Walk, tmp_path: Path) -> None:
    """An edit that keeps every saved step valid resumes fully and says the tree changed."""
    save_session("night", walk)
    edited = tmp_path / TREE_FILE.name
    edited.write_text(TREE_FILE.read_text() + "\n# a comment\n")
    resumed = resume(read_session("night"), load_tree(edited))
    assert resumed.walk.current.id == "volume_kind"
    assert resumed.message.endswith("(still version 1, but edited); every saved step still fits")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"format": "kbassist-session", "version": 1, "tree"', "broken JSON"),
        ("", "broken JSON"),
        ("[]", "it is not a kbassist session"),
        ('{"format": "kbassist-session", "version": 9}', "format version 9 is not supported"),
        (b"\xff\xfe".decode("latin-1"), "not UTF-8 text"),
    ],
)
def test_damaged_session_is_a_clear_data_error(content: str, reason: str) -> None:
    """A truncated or foreign session file raises DataError naming the file and why."""
    folder = sessions_dir()
    folder.mkdir(parents=True)
    path = folder / "bad.json"
    path.write_bytes(content.encode("latin-1"))
    with pytest.raises(DataError) as info:
        read_session("bad")
    assert info.value.path == path
    assert reason in info.value.message


def test_bad_steps_are_refused(walk: Walk) -> None:
    """A session whose steps are not node/answer pairs is refused, not half-loaded."""
    path = save_session("night", walk)
    data = json.loads(path.read_text())
    data["steps"][1] = {"node": 3, "answer": "yes"}
    path.write_text(json.dumps(data))
    with pytest.raises(DataError, match="step 2 is not"):
        read_session("night")


def test_missing_session_and_bad_names() -> None:
    """An unknown session is NotFoundError; a name with a path in it is a UsageError."""
    with pytest.raises(NotFoundError):
        read_session("nope")
    for name in ("../x", "a/b", ".hidden", "", "x" * 65):
        with pytest.raises(UsageError):
            read_session(name)


def test_list_sessions_reports_unreadable_ones(walk: Walk) -> None:
    """Listing returns the good sessions and names the damaged ones with the reason."""
    save_session("good", walk)
    (sessions_dir() / "broken.json").write_text("{")
    found, failed = list_sessions()
    assert [s.name for s in found] == ["good"]
    assert [p.name for p, _ in failed] == ["broken.json"]
