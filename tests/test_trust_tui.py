"""Pilot tests of issue 9 in the TUI: no crash, no lost ticks, no session written over.

Also the exit path of a crash: the real `kbassist` entry point must exit 70 with one
line, never a traceback and 0.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_tui_walk import current_id, notifications, open_q98097_walk, step, type_answer
from textual.pilot import Pilot
from tui_support import StartTUI, build_app, screen_text, settle, wait_ready

from kbassist.trees.session import read_session, sessions_dir
from kbassist.tui.app import KBAssistApp
from kbassist.tui.screens.article import ArticleScreen
from kbassist.tui.screens.checklist import ChecklistScreen
from kbassist.tui.screens.dialogs import ConfirmDialog, QuitDialog, TextPromptDialog
from kbassist.tui.screens.walk import WalkScreen
from kbassist.tui.widgets.checklist_view import ChecklistView

REPO = Path(__file__).resolve().parent.parent

#: An article with no symptom text, no CAUSE and one procedure: its draft goes straight
#: to the checklist (a draft confirms the symptom first only when the article states one).
NO_QUESTION_ARTICLE = (
    "---\nid: KB-SVC-7\ntitle: Store service will not start after a crash\n"
    "products: [Mail Server]\n---\n\n"
    "## Resolution\n\n1. Set every mail service to start manually.\n"
    "2. Restart the server.\n3. Start the services in order.\n"
)


@pytest.fixture
def kb(kb_dir: Path) -> Path:
    """The test KB plus an article whose drafted walk asks no question."""
    (kb_dir / "svc.md").write_text(NO_QUESTION_ARTICLE, encoding="utf-8")
    return kb_dir


async def open_walk(pilot: Pilot, article_id: str) -> None:
    """Open an article and press g, as an admin would."""
    await wait_ready(pilot)
    pilot.app.open_article(article_id)
    await settle(pilot)
    await step(pilot, "g")


async def walk_q98097_to_checklist(pilot: Pilot) -> None:
    """Q98097: the server may not stop, exclude the data file -> a 4-item checklist."""
    await open_q98097_walk(pilot)
    await step(pilot, "enter", "2", "1")
    assert isinstance(pilot.app.screen, ChecklistScreen)


async def save_as(pilot: Pilot, name: str) -> None:
    """ctrl+s, type the session name over the proposed one, Enter."""
    await step(pilot, "ctrl+s")
    assert isinstance(pilot.app.screen, TextPromptDialog)
    await step(pilot, *["backspace"] * 64, *name, "enter")


def ticked(app: KBAssistApp) -> set[int]:
    return set(app.screen.query_one(ChecklistView).ticked)


# --------------------------------------------------------------------------- item 1


async def test_walk_that_asks_nothing_closes_from_its_checklist(kb: Path, tmp_path: Path) -> None:
    """A drafted walk with no question: Esc on its checklist closes the walk, no crash."""

    app = build_app(kb, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_walk(pilot, "KB-SVC-7")
        assert isinstance(app.screen, ChecklistScreen)
        assert app.screen.guided.drafted and app.screen.guided.walk.index == 0
        assert "Close" in screen_text(app)  # there is no question to go back to
        await step(pilot, "escape")
        assert isinstance(app.screen, ArticleScreen)
        # And again: the walk opens and closes as often as the admin likes.
        await step(pilot, "g")
        assert isinstance(app.screen, ChecklistScreen)
        await step(pilot, "escape")
        assert isinstance(app.screen, ArticleScreen)
    assert app.return_code in (0, None)


async def test_restart_of_a_walk_that_asks_nothing_unticks_in_place(
    kb: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """ctrl+n on such a checklist: nothing to restart says so; with ticks it asks, unticks."""

    app = build_app(kb, tmp_path)
    pilot = await tui(app, size=(100, 30))
    await open_walk(pilot, "KB-SVC-7")
    checklist = app.screen
    assert isinstance(checklist, ChecklistScreen)
    await step(pilot, "ctrl+n")
    assert app.screen is checklist
    assert any("nothing to restart" in m for m in notifications(app))
    await step(pilot, "space")
    assert ticked(app) == {0}
    await step(pilot, "ctrl+n")
    assert isinstance(app.screen, ConfirmDialog)
    assert "1 item ticked" in app.screen.message
    await step(pilot, "y")
    assert app.screen is checklist
    assert ticked(app) == set()
    assert "0 of 4 ticked" in screen_text(app)


# Forces an exception inside the running app (its first screen fails to mount), then
# runs the real entry point headless: exactly what `kbassist` does after a TUI bug.
CRASHING_TUI = """
import sys
from kbassist.tui import app as tui
from kbassist.tui.screens.search import SearchScreen

def broken_mount(self):
    raise RuntimeError("boom in the search screen")

SearchScreen.on_mount = broken_mount
headless_run = tui.KBAssistApp.run
tui.KBAssistApp.run = lambda self, **kw: headless_run(self, headless=True, size=(80, 24))
from kbassist.cli import run
sys.argv = ["kbassist", "--articles", sys.argv[1]]
run()
"""


def test_a_crash_in_the_tui_exits_70_with_one_line(
    kb: Path, env: dict[str, str], tmp_path: Path
) -> None:
    """An unhandled exception in the TUI: exit 70 and one line on stderr, no traceback."""
    proc = subprocess.run(
        [sys.executable, "-c", CRASHING_TUI, str(kb)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 70, proc.stderr
    assert proc.stderr == (
        "kbassist: error: internal error: RuntimeError: boom in the search screen "
        "(set KBASSIST_DEBUG=1 for details)\n"
    )


# --------------------------------------------------------------------------- item 2


async def test_ticks_come_back_when_a_session_is_resumed(kb_dir: Path, tmp_path: Path) -> None:
    """Tick 2 items, ctrl+s, quit; ctrl+o and resume: the same 2 items are ticked."""

    async def first() -> None:
        app = build_app(kb_dir, tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await walk_q98097_to_checklist(pilot)
            await step(pilot, "space", "down", "space")
            assert ticked(app) == {0, 1}
            await save_as(pilot, "ticks")
            assert "2 of 4 ticked" in screen_text(app)
            await step(pilot, "ctrl+q")  # all saved: quits without asking
        assert app.return_code in (0, None)

    async def second() -> None:
        app = build_app(kb_dir, tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_ready(pilot)
            await step(pilot, "ctrl+o")
            assert "2 ticked" in screen_text(app)
            await step(pilot, "enter")
            await settle(pilot)
            assert isinstance(app.screen, ChecklistScreen)
            assert ticked(app) == {0, 1}
            assert "2 of 4 ticked" in screen_text(app)

    await first()
    assert len(read_session("ticks").ticked) == 2
    await second()


async def test_ticks_survive_going_back_and_return(
    kb_dir: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """A tick stays on its item when the admin goes back a step and answers it again."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(100, 30))
    await walk_q98097_to_checklist(pilot)
    await step(pilot, "down", "space")
    assert ticked(app) == {1}
    await step(pilot, "escape")
    assert current_id(app) == "exclusion"
    await step(pilot, "1")
    assert isinstance(app.screen, ChecklistScreen)
    assert ticked(app) == {1}


# --------------------------------------------------------------------------- item 3


async def test_a_resumed_session_is_never_written_over_without_asking(
    kb_dir: Path, tmp_path: Path
) -> None:
    """Resume a finished session, go back and restart: the file is unchanged; it asks."""
    path = sessions_dir() / "done.json"

    async def save() -> None:
        app = build_app(kb_dir, tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await walk_q98097_to_checklist(pilot)
            await step(pilot, "space")
            await save_as(pilot, "done")
            assert path.is_file()

    async def resume() -> None:
        app = build_app(kb_dir, tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_ready(pilot)
            await step(pilot, "ctrl+o", "enter")
            await settle(pilot)
            assert isinstance(app.screen, ChecklistScreen)
            await step(pilot, "escape")  # back to the last question: not saved
            assert current_id(app) == "exclusion"
            assert "unsaved changes" in screen_text(app)
            await step(pilot, "ctrl+n")
            assert isinstance(app.screen, ConfirmDialog)
            assert "changes to session done since it was saved" in app.screen.message
            await step(pilot, "n")
            assert current_id(app) == "exclusion"
            await step(pilot, "ctrl+n", "y")
            assert current_id(app) == "cause"
            await step(pilot, "enter", "1")  # new answers: still nothing written
            assert path.read_bytes() == saved
            await step(pilot, "escape")  # closing drops session changes only after a yes
            assert isinstance(app.screen, ConfirmDialog)
            await step(pilot, "n")
            await step(pilot, "ctrl+q")
            assert isinstance(app.screen, QuitDialog)
            await step(pilot, "n")
            assert isinstance(app.screen, WalkScreen)
            await step(pilot, "ctrl+q", "y")
        assert app.return_code in (0, None)

    await save()
    saved = path.read_bytes()
    await resume()
    assert path.read_bytes() == saved
    data = json.loads(saved)
    assert data["finished"] is True and len(data["steps"]) == 3 and len(data["ticked"]) == 1


async def test_resumed_session_is_saved_again_when_the_admin_says(
    kb_dir: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """After resuming, ctrl+s on the same name saves without a replace prompt, then autosaves."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(100, 30))
    await open_q98097_walk(pilot)
    await step(pilot, "enter")
    await save_as(pilot, "again")
    await step(pilot, "escape")
    await step(pilot, "ctrl+o", "enter")
    await settle(pilot)
    assert current_id(app) == "must_backup"
    await step(pilot, "1")
    assert len(read_session("again").steps) == 1  # resumed: not written yet
    await step(pilot, "ctrl+s", "enter")  # the proposed name is the session's
    assert len(read_session("again").steps) == 2
    await step(pilot, "2")
    assert len(read_session("again").steps) == 3  # the admin said so: autosaved


async def test_quit_with_an_unsaved_walk_asks_and_ctrl_q_twice_quits(
    kb_dir: Path, tmp_path: Path
) -> None:
    """ctrl+q with unsaved steps asks first; a second ctrl+q quits."""

    app = build_app(kb_dir, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_q98097_walk(pilot)
        await step(pilot, "enter", "1")
        await step(pilot, "ctrl+q")
        assert isinstance(app.screen, QuitDialog)
        assert "2 steps taken" in app.screen.message
        await step(pilot, "escape")
        assert current_id(app) == "can_stop"
        await step(pilot, "ctrl+q", "ctrl+q")
    assert app.return_code in (0, None)
    assert not app.is_running


# --------------------------------------------------------------------------- item 4


async def test_a_drafted_walk_saved_in_the_tui_resumes_in_the_tui(
    kb_dir: Path, tmp_path: Path
) -> None:
    """A walk of a tree drafted from KB-PRN-1 is saved by article id and resumes, drafted."""

    async def save() -> None:
        app = build_app(kb_dir, tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await open_walk(pilot, "KB-PRN-1")
            assert isinstance(app.screen, WalkScreen) and app.screen.guided.drafted
            await save_as(pilot, "printer")

    async def resume() -> None:
        app = build_app(kb_dir, tmp_path / "second")
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_ready(pilot)
            await step(pilot, "ctrl+o")
            assert "auto-drafted from KB-PRN-1" in screen_text(app)
            await step(pilot, "enter")
            await settle(pilot)
            assert isinstance(app.screen, WalkScreen), notifications(app)
            assert app.screen.guided.drafted
            assert "◇ auto-drafted" in screen_text(app)
            assert current_id(app) == "symptom"  # the draft confirms the symptom first
            await step(pilot, "1", "enter")
            assert isinstance(app.screen, ChecklistScreen)

    await save()
    tree = json.loads((sessions_dir() / "printer.json").read_text())["tree"]
    assert tree["drafted"] is True and tree["article"] == "KB-PRN-1"
    assert "path" not in tree
    await resume()


async def test_resume_from_the_palette_inside_a_walk_does_not_crash(
    kb_dir: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """Resuming a finished session from the palette over an open checklist opens it too."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(100, 30))
    await walk_q98097_to_checklist(pilot)
    await save_as(pilot, "twice")
    app.action_sessions()
    await settle(pilot)
    await step(pilot, "enter")
    await settle(pilot)
    assert isinstance(app.screen, ChecklistScreen)
    assert sum(isinstance(s, ChecklistScreen) for s in app.screen_stack) == 2


async def test_typed_answer_walk_still_autosaves_after_ctrl_s(
    kb_dir: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """A walk saved in this run keeps saving each step (the admin named it)."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(100, 30))
    await open_q98097_walk(pilot)
    await step(pilot, "enter", "1", "2")
    await save_as(pilot, "typed")
    await type_answer(pilot, "23:00")
    assert read_session("typed").steps[-1] == ("copy_time", "23:00")
    assert "unsaved" not in screen_text(app)
