"""Pilot tests of guided fixes: walking Q98097's tree by key presses, to an exported file."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static
from tui_support import StartTUI, build_app, screen_text, settle, type_query, wait_ready

from kbassist.trees.session import sessions_dir
from kbassist.tui.app import KBAssistApp
from kbassist.tui.screens.article import ArticleScreen
from kbassist.tui.screens.checklist import ChecklistScreen
from kbassist.tui.screens.dialogs import ConfirmDialog, TextPromptDialog
from kbassist.tui.screens.sessions import SessionsScreen
from kbassist.tui.screens.tree_view import TreeViewScreen
from kbassist.tui.screens.walk import WalkScreen
from kbassist.tui.widgets.breadcrumbs import Breadcrumbs
from kbassist.tui.widgets.checklist_view import ChecklistView
from kbassist.tui.widgets.walk_tree import WalkTree

REPO = Path(__file__).resolve().parent.parent
TODAY = date(2026, 1, 31)

WINDOW_TREE = """\
id: window
title: Maintenance window for the mail server
version: 1
articles: [Q98097]
symptom: The server must be stopped for maintenance.
cause: Users lose mail while it is down.
nodes:
  - id: start_time
    kind: input
    type: time
    title: Start time
    text: When does the window start?
    help: A time of day.
    next: end_time
  - id: end_time
    kind: input
    type: time
    title: End time
    text: When does the window end?
    help: A time of day.
    next: done
  - id: done
    kind: outcome
    title: Announce the window
    steps:
      - text: Stop the Mail Server from {start_time} to {end_time}.
        source: {article: Q98097, section: SUMMARY}
constraints:
  - check: end_time > start_time
    message: The window must start before it ends ({end_time}).
    fix: start_time
"""


def notifications(app: KBAssistApp) -> list[str]:
    return [n.message for n in app._notifications]


def pinned(app: KBAssistApp) -> KBAssistApp:
    """The app with today's date fixed, for stable export names."""
    app.today = lambda: TODAY  # type: ignore[method-assign]
    return app


async def start_q98097(pilot: Pilot) -> None:
    """Search as an admin would, open Q98097, start its guided fix."""
    await wait_ready(pilot)
    await type_query(pilot, "mail server backup")
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ArticleScreen)
    await pilot.press("g")
    await settle(pilot)
    assert isinstance(pilot.app.screen, WalkScreen)


async def open_q98097_walk(pilot: Pilot) -> None:
    """Open Q98097 directly (the search is tested once, above) and start its guided fix."""
    await wait_ready(pilot)
    pilot.app.open_article("Q98097")
    await settle(pilot)
    await pilot.press("g")
    await settle(pilot)
    assert isinstance(pilot.app.screen, WalkScreen)


async def step(pilot: Pilot, *keys: str) -> None:
    """Press keys, then let workers (article text, saves, exports) finish and the UI redraw."""
    await pilot.press(*keys)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_answer(pilot: Pilot, text: str) -> None:
    """Type into the answer box (replacing the suggestion) and press Enter."""
    await step(pilot, *text, "enter")


def current_id(app: KBAssistApp) -> str:
    screen = app.screen
    assert isinstance(screen, WalkScreen), screen
    return screen.walk.current.id


def status_of(app: KBAssistApp) -> Static:
    return app.screen.query_one("#answer-status", Static)


def status_text(app: KBAssistApp) -> str:
    """The inline message under the answer, on one line."""
    return " ".join(str(status_of(app).render()).split())


async def export_to(pilot: Pilot, name: str) -> None:
    """e, then type a file name over the proposed one, Enter."""
    await step(pilot, "e")
    assert isinstance(pilot.app.screen, TextPromptDialog)
    await step(pilot, *name, "enter")


async def test_mail_backup_copy_walk_to_export(
    kb_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MS Mail Backup path: typed times and volume, one answer changed, ticked, exported."""
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "night.md"

    app = pinned(build_app(kb_dir, tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_q98097(pilot)
        assert current_id(app) == "cause"
        assert "From Q98097 · MORE INFORMATION" in screen_text(app)
        assert "Microsoft Mail Data is kept open" in screen_text(app)  # the article text
        await step(pilot, "enter")  # Continue
        assert current_id(app) == "must_backup"
        await step(pilot, "1")  # yes, the data file must be backed up
        await step(pilot, "down", "enter")  # no, the server must keep running
        assert current_id(app) == "copy_time"
        await type_answer(pilot, "00:00")
        await type_answer(pilot, "Mail Copies")
        assert "Is Mail Copies an external hard drive" in screen_text(app)
        await step(pilot, "2")  # AppleShare volume
        await type_answer(pilot, "3")
        assert current_id(app) == "archive_time"
        # Change an answer: back to the copies, keep two instead of three.
        await step(pilot, "ctrl+z")
        assert current_id(app) == "copies"
        assert app.screen.query_one("#answer", Input).value == "3"
        await type_answer(pilot, "2")
        await type_answer(pilot, "1:00 AM")
        assert isinstance(app.screen, ChecklistScreen)
        text = screen_text(app)
        assert "Let MS Mail Backup make a copy" in text
        await step(pilot, "space")  # tick the first item
        assert app.screen.query_one(ChecklistView).ticked == {0}
        assert "1 of 9 ticked" in screen_text(app)
        await export_to(pilot, "night.md")
        assert any(f"written to {out}" in m for m in notifications(app))
        # Escape: back to the last question, then to the article.
        await step(pilot, "escape")
        assert current_id(app) == "archive_time"
        await step(pilot, "escape")
        assert isinstance(app.screen, ArticleScreen)
    text = out.read_text(encoding="utf-8")
    assert (
        "- [x] Open the MS Mail Backup control panel on the server Mac and set it to copy the "
        "server data file to Mail Copies at 00:00 every day."
    ) in text
    assert "- [ ] Make sure the AppleShare volume Mail Copies is mounted" in text
    assert "Schedule Retrospect to archive Mail Copies at 01:00, after the 00:00 copy" in text
    assert "Set MS Mail Backup to keep 2 copies" in text
    assert "keep 3 copies" not in text
    assert "keep one copy" not in text
    # Other mitigations' items are not in it.
    assert "add an exclusion for the file Microsoft Mail Data" not in text
    assert "Arrange for the Mail Server on the server Mac to be shut down" not in text
    assert "on 2026-01-31" in text


async def test_exclude_folder_walk_and_restart(
    kb_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No backup needed, exclude the Extensions Folder; ctrl+n restarts from the first step."""
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "folder.md"

    app = pinned(build_app(kb_dir, tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_q98097_walk(pilot)
        await step(pilot, "enter", "2")  # continue; the data file can be left out
        assert current_id(app) == "exclusion"
        await step(pilot, "2")  # exclude a folder
        assert current_id(app) == "folder"
        await step(pilot, "2")  # Extensions Folder
        assert isinstance(app.screen, ChecklistScreen)
        await export_to(pilot, "./folder.md")
        await step(pilot, "ctrl+n")
        assert isinstance(app.screen, ConfirmDialog)  # 3 unsaved steps: it asks first
        await step(pilot, "y")
        assert current_id(app) == "cause"
        assert app.screen.query_one(Breadcrumbs).crumbs == []
        # Another outcome from the start: the server may stop, backup at 11:30 PM.
        await step(pilot, "enter", "1", "1")
        assert current_id(app) == "backup_time"
        await type_answer(pilot, "11:30 PM")
        assert isinstance(app.screen, ChecklistScreen)
        items = [item.text for item in app.screen.query_one(ChecklistView).items]
        assert any("shut down before 23:30" in item for item in items)
    text = out.read_text(encoding="utf-8")
    assert "exclude the server's Extensions Folder" in text
    assert "System Folder." not in text.split("## Checklist")[1]
    assert "MS Mail Backup to keep" not in text


async def test_export_onto_existing_file_asks_first(
    kb_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tui: StartTUI
) -> None:
    """Exporting onto an existing file asks; keeping it goes back to the name, to write
    another file (the first untouched); yes replaces it."""
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "existing.md"
    out.write_text("keep me\n", encoding="utf-8")

    app = pinned(build_app(kb_dir, tmp_path))
    pilot = await tui(app, size=(80, 24))
    await open_q98097_walk(pilot)
    await step(pilot, "enter", "2", "1")  # exclude Microsoft Mail Data
    assert isinstance(app.screen, ChecklistScreen)
    await export_to(pilot, "existing.md")
    assert isinstance(app.screen, ConfirmDialog)
    await step(pilot, "enter")  # the focused button is the safe one: keep it
    assert isinstance(app.screen, TextPromptDialog)  # the name again, to change it
    assert app.screen.query_one(Input).value == "existing.md"
    await step(pilot, *"other.md", "enter")
    assert isinstance(app.screen, ChecklistScreen)
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert "Microsoft Mail Data" in (tmp_path / "other.md").read_text(encoding="utf-8")
    await export_to(pilot, "existing.md")
    await step(pilot, "y")
    assert "add an exclusion for the file Microsoft Mail Data" in out.read_text(encoding="utf-8")


async def test_export_error_is_a_notification(
    kb_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tui: StartTUI
) -> None:
    """A file that cannot be written is refused in the dialog or notified, never a crash."""
    monkeypatch.chdir(tmp_path)

    app = pinned(build_app(kb_dir, tmp_path))
    pilot = await tui(app, size=(80, 24))
    await open_q98097_walk(pilot)
    await step(pilot, "enter", "2", "1")
    await export_to(pilot, "no-such-folder/x.md")
    assert isinstance(app.screen, TextPromptDialog)  # refused as typed
    assert "does not exist" in screen_text(app)
    await step(pilot, "escape")
    readonly = tmp_path / "ro"
    readonly.mkdir()
    readonly.chmod(0o500)
    try:
        await export_to(pilot, "ro/x.md")
        await settle(pilot)
    finally:
        readonly.chmod(0o700)
    assert isinstance(app.screen, ChecklistScreen)
    if not (readonly / "x.md").exists():  # root may write anyway
        assert any("cannot write" in m for m in notifications(app))


async def test_invalid_time_shows_inline_message(
    kb_dir: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """A time that is not a time is refused inline as it is typed; Enter does not move on."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(80, 24))
    await open_q98097_walk(pilot)
    await step(pilot, "enter", "1", "2")
    assert current_id(app) == "copy_time"
    await step(pilot, *"25:99")
    status = status_of(app)
    assert status.has_class("-error")
    assert "✗" in screen_text(app)
    await step(pilot, "enter")
    assert current_id(app) == "copy_time"
    await step(pilot, *["backspace"] * 5, *"1 am")
    assert not status_of(app).has_class("-error")
    assert "means 01:00" in screen_text(app)


async def test_constraint_shown_at_archive_step(
    kb_dir: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """Archiving before the copy is refused with the tree's message at the archive step."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(100, 30))
    await open_q98097_walk(pilot)
    await step(pilot, "enter", "1", "2")
    await type_answer(pilot, "1:00")
    await type_answer(pilot, "Backup HD")
    await step(pilot, "1")
    await type_answer(pilot, "1")
    assert current_id(app) == "archive_time"
    await step(pilot, *"midnight")  # shown while typing...
    assert "must come after the copy time (01:00)" in status_text(app)
    await step(pilot, "enter")  # ...and on Enter, which is refused
    assert current_id(app) == "archive_time"
    assert status_of(app).has_class("-error")
    assert "Archive before copy" in status_text(app)


async def test_constraint_fix_at_earlier_step(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """A rule whose fix is an earlier step offers to go there and shows the message there."""
    trees = tmp_path / "trees"
    trees.mkdir()
    (trees / "window.yaml").write_text(WINDOW_TREE, encoding="utf-8")

    app = build_app(kb_dir, tmp_path, trees_dir=trees)
    pilot = await tui(app, size=(100, 30))
    await wait_ready(pilot)
    await step(pilot, "ctrl+p")
    await pilot.press(*"maintenance window")
    await pilot.pause(0.5)
    await step(pilot, "enter")
    assert current_id(app) == "start_time"
    await type_answer(pilot, "10:00")
    await type_answer(pilot, "09:00")
    assert current_id(app) == "end_time"
    assert "must start before it ends" in screen_text(app)
    assert "step 1" in screen_text(app)
    assert app.screen.query_one(Breadcrumbs).flagged == 0
    await step(pilot, "enter")  # the focused "Change …" button
    assert current_id(app) == "start_time"
    assert "must start before it ends (09:00)" in screen_text(app)
    await type_answer(pilot, "08:00")
    await step(pilot, "enter")  # end time: the earlier answer is offered again
    assert isinstance(app.screen, ChecklistScreen)
    assert "from 08:00 to 09:00" in screen_text(app)


async def test_breadcrumbs_jump_to_earlier_step(
    kb_dir: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """ctrl+g, Home, Enter jumps to the first step; clicking a crumb jumps to it too."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(100, 30))
    await open_q98097_walk(pilot)
    await step(pilot, "enter", "1", "2")
    await type_answer(pilot, "00:00")
    assert current_id(app) == "backup_volume"
    crumbs = app.screen.query_one(Breadcrumbs)
    assert [c.title for c in crumbs.crumbs] == [
        "Why the server stops",
        "Data file in the backup?",
        "Can the server stop?",
        "Copy time",
    ]
    await step(pilot, "ctrl+g")
    assert app.focused is crumbs
    await step(pilot, "left", "left", "enter")  # from step 4 to step 2
    assert current_id(app) == "must_backup"
    await step(pilot, "1", "2")  # the undone answers are offered again
    assert app.screen.query_one("#answer", Input).value == "00:00"
    await pilot.click(Breadcrumbs, offset=(2, 0))  # "1. Why the server stops"
    await settle(pilot)
    assert current_id(app) == "cause"


async def test_save_and_resume_session(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """ctrl+s saves a named session; ctrl+o lists it and Enter resumes at the same step."""

    app = pinned(build_app(kb_dir, tmp_path))
    pilot = await tui(app, size=(100, 30))
    await open_q98097_walk(pilot)
    await step(pilot, "enter", "1", "2")
    await type_answer(pilot, "23:00")
    await step(pilot, "ctrl+s")
    dialog = app.screen
    assert isinstance(dialog, TextPromptDialog)
    proposed = dialog.query_one(Input).value
    assert proposed == "q98097-retrospect-mail-server-2026-01-31"
    await step(pilot, *"bad name", "enter")
    assert isinstance(app.screen, TextPromptDialog)  # refused: a space
    await step(pilot, *["backspace"] * 8, *"night", "enter")
    assert (sessions_dir() / "night.json").is_file()
    assert any("night" in m for m in notifications(app))
    # Later steps are saved too, without asking.
    await type_answer(pilot, "Backup HD")
    await step(pilot, "escape")
    assert isinstance(app.screen, ArticleScreen)
    await step(pilot, "ctrl+o")
    assert isinstance(app.screen, SessionsScreen)
    assert "night" in screen_text(app)
    await step(pilot, "enter")
    assert isinstance(app.screen, WalkScreen)
    assert current_id(app) == "volume_kind"
    assert app.screen.walk.answers["copy_time"] == "23:00"
    assert app.screen.walk.answers["backup_volume"] == "Backup HD"
    await step(pilot, "escape")
    assert isinstance(app.screen, ArticleScreen)  # the sessions screen was replaced


async def test_resume_changed_tree_says_so(kb_dir: Path, tmp_path: Path) -> None:
    """A session whose tree changed since resumes as far as it fits, with a message."""
    trees = tmp_path / "trees"
    shutil.copytree(REPO / "decision_trees", trees)
    tree_file = trees / "q98097-retrospect-mail-server.yaml"

    async def save() -> None:
        app = build_app(kb_dir, tmp_path, trees_dir=trees)
        async with app.run_test(size=(100, 30)) as pilot:
            await open_q98097_walk(pilot)
            await step(pilot, "enter", "1", "2")
            await step(pilot, "ctrl+s", *["backspace"] * 60, *"edited", "enter")
            assert (sessions_dir() / "edited.json").is_file()

    async def resume() -> None:
        app = build_app(kb_dir, tmp_path / "second", trees_dir=trees)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_ready(pilot)
            await step(pilot, "ctrl+o", "enter")
            assert isinstance(app.screen, WalkScreen)
            assert any("changed since this session was saved" in m for m in notifications(app))

    await save()
    tree_file.write_text(
        tree_file.read_text(encoding="utf-8").replace("version: 1", "version: 2", 1),
        encoding="utf-8",
    )
    await resume()


async def test_unreadable_session_offers_delete(
    kb_dir: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """A damaged session file is listed with its error; d and y delete it."""
    folder = sessions_dir()
    folder.mkdir(parents=True)
    broken = folder / "broken.json"
    broken.write_text('{"format": "kbassist-session", "version": 1, "tre', encoding="utf-8")

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(80, 24))
    await wait_ready(pilot)
    await step(pilot, "ctrl+o")
    text = screen_text(app)
    assert "broken.json" in text
    assert "broken JSON" in text
    await step(pilot, "enter")  # a damaged file can only be deleted: it asks
    assert isinstance(app.screen, ConfirmDialog)
    await step(pilot, "n")
    assert broken.exists()
    await step(pilot, "d", "y")
    assert not broken.exists()
    assert "No saved sessions" in screen_text(app)


async def test_tree_view_highlights_path(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """ctrl+t shows the whole tree with the steps taken marked and the current one last."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(100, 30))
    await open_q98097_walk(pilot)
    await step(pilot, "enter", "1", "2")
    await type_answer(pilot, "00:00")
    await step(pilot, "ctrl+t")
    assert isinstance(app.screen, TreeViewScreen)
    tree = app.screen.query_one(WalkTree)
    assert tree.current_node is not None
    path = []
    node = tree.current_node
    while node is not None:
        path.append(node.data.node_id)
        node = node.parent
    assert path[::-1] == ["cause", "must_backup", "can_stop", "copy_time", "backup_volume"]
    assert {n.id for n in (tree.get_node_by_id(i) for i in tree.taken)} == tree.taken
    assert len(tree.taken) == 5
    text = screen_text(app)
    assert "Copy time: 00:00" in text
    assert "◀ you are here" in text
    assert tree.cursor_node is tree.current_node
    await step(pilot, "escape")
    assert current_id(app) == "backup_volume"


async def test_click_ticks_and_copy_sends_markdown(
    kb_dir: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """A click ticks an item; c sends the checklist, ticks included, to the clipboard."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(80, 24))
    await open_q98097_walk(pilot)
    await step(pilot, "enter", "2", "1")
    view = app.screen.query_one(ChecklistView)
    await pilot.click(ChecklistView, offset=(5, 1))  # the first item's first line
    await settle(pilot)
    assert view.ticked == {0}
    await step(pilot, "c")
    assert app.clipboard.startswith("# Mail server shuts down")
    assert "- [x] In Retrospect Remote's selection" in app.clipboard
    assert any("clipboard" in m for m in notifications(app))


async def test_drafted_tree_is_marked(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """A tree from guided_tree_for with drafted=True is offered and walked as auto-drafted."""

    def drafted(article: object) -> tuple[object, bool] | None:
        app_trees = app.trees
        return (app_trees[0], True) if app_trees else None

    app = build_app(kb_dir, tmp_path, trees_for=lambda article_id: [], guided_tree_for=drafted)

    pilot = await tui(app, size=(100, 30))
    await wait_ready(pilot)
    app.open_article("KB-PRN-1")
    await settle(pilot)
    assert "auto-drafted" in screen_text(app)
    await step(pilot, "g")
    assert isinstance(app.screen, WalkScreen)
    assert app.screen.guided.drafted
    assert "◇ auto-drafted" in screen_text(app)


async def test_tree_problems_notified_once(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """A broken tree file is reported in one notification; the good trees still load."""
    trees = tmp_path / "trees"
    shutil.copytree(REPO / "decision_trees", trees)
    shutil.copy(REPO / "tests" / "broken_trees" / "unknown-key.yaml", trees)

    app = build_app(kb_dir, tmp_path, trees_dir=trees)
    pilot = await tui(app, size=(80, 24))
    await wait_ready(pilot)
    found = [m for m in notifications(app) if "unknown-key.yaml" in m]
    assert len(found) == 1
    assert [t.id for t in app.trees] == ["q98097-retrospect-mail-server"]
    await type_query(pilot, "retrospect")
    assert "guided fix" in screen_text(app)


async def test_help_lists_walk_keys(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """F1 during a walk lists the walkthrough's and the checklist's keys."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(100, 60))
    await open_q98097_walk(pilot)
    await step(pilot, "f1")
    text = str(app.screen.query_one("#help-keys", Static).content)  # it scrolls
    assert text.startswith("Guided fix (this screen)")
    for words in ("Guided fix", "Restart", "Steps", "Checklist", "Export", "Resume"):
        assert words in text, words


@pytest.mark.parametrize("size", [(20, 5), (40, 10)])
async def test_tiny_terminal_walk(kb_dir: Path, tmp_path: Path, size: tuple[int, int]) -> None:
    """A walk, its checklist, dialogs and the tree view render in a tiny terminal."""

    app = build_app(kb_dir, tmp_path)
    async with app.run_test(size=size) as pilot:
        await wait_ready(pilot)
        app.open_article("Q98097")
        await settle(pilot)
        await step(pilot, "g", "enter", "1", "2")
        await type_answer(pilot, "00:00")
        screen_text(app)
        await step(pilot, "ctrl+t")
        screen_text(app)
        await step(pilot, "escape", "ctrl+z", "ctrl+z", "ctrl+z", "2", "1")
        assert isinstance(app.screen, ChecklistScreen)
        await step(pilot, "e")
        screen_text(app)
        await step(pilot, "escape", "ctrl+s")
        screen_text(app)
        await step(pilot, "escape", "f1")
        screen_text(app)
    assert app.return_code in (0, None)


async def test_information_step_says_enter_continues(kb_dir: Path, tmp_path: Path) -> None:
    """A read-only step says that Enter goes on, as a question says how to answer."""
    app = build_app(kb_dir, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_q98097_walk(pilot)
        assert current_id(app) == "cause"
        assert status_text(app) == "Enter to continue"
        await step(pilot, "enter")
        assert current_id(app) == "must_backup"
        assert "Enter to answer" in status_text(app)


async def test_closing_a_walk_with_ticks_kept_nowhere_asks_first(
    kb_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Esc, Esc after ticking an unsaved checklist asks before the ticks are dropped; once
    exported, the walk closes without asking."""
    monkeypatch.chdir(tmp_path)
    app = pinned(build_app(kb_dir, tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_q98097_walk(pilot)
        await step(pilot, "enter", "2", "2", "2")  # exclude the Extensions Folder
        assert isinstance(app.screen, ChecklistScreen)
        await step(pilot, "space")
        await step(pilot, "escape")  # back to the last question
        await step(pilot, "escape")
        assert isinstance(app.screen, ConfirmDialog)
        assert "1 item ticked" in screen_text(app)
        await step(pilot, "n")  # keep it open
        assert isinstance(app.screen, WalkScreen)
        await step(pilot, "2")  # the checklist again, the tick kept
        assert isinstance(app.screen, ChecklistScreen)
        assert app.screen.query_one(ChecklistView).ticked == {0}
        await export_to(pilot, "./kept.md")
        assert (tmp_path / "kept.md").is_file()
        await step(pilot, "escape", "escape")
        assert isinstance(app.screen, ArticleScreen)
