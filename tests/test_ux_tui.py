"""Pilot tests of issue 14 in the TUI: the first screen, help, the palette, settings.

Each test drives the app as a newcomer would (keys, not method calls) on a test KB with
its own index; the settings file is the isolated $XDG_CONFIG_HOME of conftest.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_trust_tui import save_as
from test_tui_walk import open_q98097_walk, step
from textual.command import CommandList
from textual.widgets import Input, OptionList, Static
from tui_support import StartTUI, build_app, screen_text, settle, type_query, wait_ready

from kbassist import cli
from kbassist.index import KBIndex
from kbassist.paths import bundled_articles_dir
from kbassist.search.results import Hit
from kbassist.settings import config_path, load_settings
from kbassist.trees.session import sessions_dir
from kbassist.tui.app import KBAssistApp, make_app
from kbassist.tui.examples import (
    candidates,
    find_examples,
    looks_like_a_symptom,
    sample_titles,
    title_words,
)
from kbassist.tui.folders import folder_problem, resolve_folder
from kbassist.tui.rendering import hit_content
from kbassist.tui.screens.article import ArticleScreen
from kbassist.tui.screens.checklist import ChecklistScreen
from kbassist.tui.screens.dialogs import TextPromptDialog
from kbassist.tui.screens.help import HelpScreen
from kbassist.tui.screens.search import SearchScreen
from kbassist.tui.screens.sessions import SessionsScreen
from kbassist.tui.screens.tree_view import TreeViewScreen
from kbassist.tui.screens.walk import WalkScreen
from kbassist.tui.widgets.results import QueryInput

TREE_ID = "q98097-retrospect-mail-server"
ANSWERS = Path(__file__).parent / "trees_fixtures" / "answers" / "exclude-folder.yaml"


def notifications(app: KBAssistApp) -> list[str]:
    return [n.message for n in app._notifications]


def help_text(app: KBAssistApp, part: str) -> str:
    """One part of the help (search, guided, places, keys), all of it (it scrolls)."""
    assert isinstance(app.screen, HelpScreen)
    return str(app.screen.query_one(f"#help-{part}", Static).content)


def palette_entries(app: KBAssistApp) -> list[str]:
    """The commands the open palette lists, first line of each."""
    listing = app.screen.query_one(CommandList)
    return [
        str(listing.get_option_at_index(n).prompt).split("\n")[0]
        for n in range(listing.option_count)
    ]


def write_config(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


async def wait_for(pilot, condition, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    """Pause until `condition()` holds (workers in threads take their time)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "condition never held"
        await pilot.pause(0.05)
    await pilot.pause()


# --------------------------------------------------------------------------- first screen


async def test_first_screen_on_the_bundled_kb(tmp_path: Path, tui: StartTUI) -> None:
    """The first screen names the KB, its size and freshness, searches that work on it,
    the guided fixes and the help key; picking an example searches it."""

    app = build_app(bundled_articles_dir(), tmp_path)
    pilot = await tui(app, size=(100, 30))
    await wait_ready(pilot)
    await wait_for(pilot, lambda: app.welcome.examples)
    text = screen_text(app)
    assert "Knowledge base" in text and "articles" in text
    assert "5 articles · indexed just now" in text
    assert "mail server backup" in text and "finds Q98097" in text
    assert "◆ Mail server shuts down or hangs during a Retrospect Remote backup" in text
    assert "auto-drafted" in text  # what any other article offers
    assert "F1 help" in text
    assert not notifications(app)  # no "Index up to date" toast over it all
    # Every example shown was checked: it finds its article first.
    for example in app.welcome.examples:
        if example.article is not None:
            hits = app.search(example.query, product=None, limit=3).hits
            assert example.article in [hit.id for hit in hits], example
    await pilot.press("down")  # from the search box into the list
    assert app.focused is not None and app.focused.id == "start-list"
    await pilot.press("enter")  # the first example
    await settle(pilot)
    box = app.screen.query_one(QueryInput)
    assert box.value == app.welcome.examples[0].query
    assert "matching articles" in screen_text(app)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ArticleScreen)
    assert app.screen.article.id == app.welcome.examples[0].article
    await pilot.press("escape", *["backspace"] * 40)
    await settle(pilot)
    assert "Try a search" in screen_text(app)  # an empty box: the first screen again


async def test_first_screen_of_an_empty_kb_says_what_to_do(tmp_path: Path, tui: StartTUI) -> None:
    """An empty folder: the first screen says how to add articles or switch, without a
    toast; after adding one, ctrl+r makes it searchable."""
    empty = tmp_path / "new-kb"
    empty.mkdir()

    app = build_app(empty, tmp_path)
    pilot = await tui(app, size=(80, 24))
    await wait_for(pilot, lambda: app.kb_status.state == "failed")
    await settle(pilot)
    text = screen_text(app)
    assert "no articles yet" in text
    advice = str(app.screen.query_one("#kb-advice", Static).content)
    assert "put your team's notes in it, then press ctrl+r" in advice
    assert "ctrl+r" in text and "Switch knowledge base" in text
    assert "Guided fixes" in text  # what still works without articles
    assert not notifications(app)
    assert app.screen.query_one(QueryInput).disabled
    assert app.focused is not None and app.focused.id == "start-list"
    (empty / "vpn.md").write_text(
        "---\nid: KB-VPN-1\ntitle: VPN tunnel drops every hour\n---\n\n"
        "## Symptoms\n\nThe tunnel drops.\n",
        encoding="utf-8",
    )
    await pilot.press("ctrl+r")
    await wait_ready(pilot)
    await settle(pilot)
    assert "1 article · indexed just now" in screen_text(app)
    await pilot.click("#query")
    await type_query(pilot, "vpn tunnel")
    assert "KB-VPN-1" in screen_text(app)


async def test_trees_listed_after_the_index_failed_take_the_keyboard(
    tmp_path: Path, tui: StartTUI
) -> None:
    """An empty KB whose trees arrive after the failure: the list still gets the focus."""
    empty = tmp_path / "new-kb"
    empty.mkdir()
    app = build_app(empty, tmp_path)
    pilot = await tui(app, size=(80, 24))
    await wait_for(pilot, lambda: app.kb_status.state == "failed")
    await settle(pilot)
    app.set_focus(None)  # as when the failure came before the trees were listed
    await pilot.pause()
    app.guided_fixes = app.all_guided_fixes()  # the trees arrive
    await settle(pilot)
    assert app.focused is not None and app.focused.id == "start-list"


def test_first_screen_paints_before_the_index_opens(kb_dir: Path, tmp_path: Path) -> None:
    """With the index still being opened, the first screen is up and takes typing; the
    Enter typed then opens the first hit once the index is ready."""
    release = threading.Event()

    async def run() -> None:
        app = build_app(kb_dir, tmp_path)
        real_status = app.kb.status

        def slow_status() -> str | None:
            release.wait(10)  # the 60k archive's worst case, made as slow as we like
            return real_status()

        app.kb.status = slow_status  # type: ignore[method-assign]
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.2)
            text = screen_text(app)
            assert "Knowledge base" in text and "opening the index" in text
            await pilot.press(*"retrospect", "enter")
            await pilot.pause(0.2)
            assert isinstance(app.screen, SearchScreen)
            assert "searching as soon as the index is open" in screen_text(app)
            release.set()
            await wait_ready(pilot)
            await settle(pilot)
            assert isinstance(app.screen, ArticleScreen)
            assert app.screen.article.id == "Q98097"

    try:
        asyncio.run(run())
    finally:
        release.set()


async def test_enter_before_results_opens_the_first_hit(kb_dir: Path, tmp_path: Path) -> None:
    """Enter pressed while the search still runs opens its first hit when it lands."""

    async def run() -> None:
        app = build_app(kb_dir, tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_ready(pilot)
            real_search = app.search

            def slow_search(text: str, **kwargs: object):  # type: ignore[no-untyped-def]
                threading.Event().wait(0.4)
                return real_search(text, **kwargs)

            app.search = slow_search  # type: ignore[method-assign]
            await type_query(pilot, "spooler")  # KB-PRN-1 on screen
            await pilot.press(*["backspace"] * 7, *"retrospect", "enter")
            await pilot.pause(0.05)
            assert isinstance(app.screen, SearchScreen)  # not the stale KB-PRN-1
            await settle(pilot)
            await pilot.pause(0.5)
            await settle(pilot)
            assert isinstance(app.screen, ArticleScreen)
            assert app.screen.article.id == "Q98097"

    await run()


async def test_saved_session_resumes_from_the_first_screen(kb_dir: Path, tmp_path: Path) -> None:
    """A walk saved as a session is listed on the first screen; Enter on it resumes it."""

    app = build_app(kb_dir, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_q98097_walk(pilot)
        await step(pilot, "enter", "2")  # the data file need not be backed up
        await save_as(pilot, "night-shift")
        await step(pilot, "escape", "escape")  # close the walk, then the article
        assert isinstance(app.screen, SearchScreen)
        await settle(pilot)
        assert "Resume a saved session" in screen_text(app)
        assert "night-shift" in screen_text(app)
        await step(pilot, "down", "end", "enter")
        await settle(pilot)
        assert isinstance(app.screen, WalkScreen)
        assert app.screen.guided.session == "night-shift"
        assert app.screen.walk.current.id == "exclusion"
    assert (sessions_dir() / "night-shift.json").is_file()


# --------------------------------------------------------------------------- help


async def test_help_opens_from_every_screen(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """F1 opens the help on the search, article, walk, tree, checklist and sessions
    screens, each screen's own keys listed first; escape returns to it."""

    async def check(pilot, screen_type: type, title: str) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        assert isinstance(app.screen, screen_type)
        await step(pilot, "f1")
        assert isinstance(app.screen, HelpScreen), screen_type
        assert help_text(app, "keys").startswith(f"{title} (this screen)")
        await step(pilot, "escape")
        assert isinstance(app.screen, screen_type)

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(100, 30))
    await wait_ready(pilot)
    await check(pilot, SearchScreen, "Search")
    app.open_article("Q98097")
    await settle(pilot)
    await check(pilot, ArticleScreen, "Article")
    await step(pilot, "g")
    await check(pilot, WalkScreen, "Guided fix")
    await step(pilot, "ctrl+t")
    await check(pilot, TreeViewScreen, "Decision tree view")
    await step(pilot, "escape", "enter", "2", "1")  # exclude the data file
    await check(pilot, ChecklistScreen, "Checklist")
    app.action_sessions()  # ctrl+o is the palette's inside a walk
    await settle(pilot)
    await check(pilot, SessionsScreen, "Saved sessions")


async def test_help_explains_search_guided_fixes_and_files(
    kb_dir: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """The help shows the search syntax by example, reviewed vs drafted walks, and the
    real folders for sessions, exports (from the settings) and settings."""
    exports = tmp_path / "home" / "tickets"
    exports.mkdir(parents=True)
    write_config(f'export_dir = "{exports}"\n')

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(80, 24))
    await wait_ready(pilot)
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"help", "enter")  # the palette's Help, as F1
    await settle(pilot)
    search = help_text(app, "search")
    for example in ('"stops responding"', "retro*", "product:exchange backup", "NOT"):
        assert example in search
    guided = help_text(app, "guided")
    assert "◆ guided fix" in guided and "◇ auto-drafted" in guided
    assert "reviewed" in guided and "kbassist draft" in guided
    places = help_text(app, "places")
    assert "~/.local/share/kbassist/sessions" in places
    assert "~/tickets" in places
    assert "~/.config/kbassist/config.toml" in places
    # Arrows scroll the help (it is longer than a small terminal).
    box = app.screen.query_one("#help-box")
    await pilot.press("pagedown")
    await pilot.pause()
    assert box.scroll_y > 0


# --------------------------------------------------------------------------- palette


async def test_palette_lists_kbassist_commands(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """ctrl+p lists kbassist's own commands, not Textual's generic ones; on a checklist
    it offers both exports first."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(100, 40))
    await wait_ready(pilot)
    await step(pilot, "ctrl+p")
    await pilot.pause(0.3)
    entries = palette_entries(app)
    for name in (
        "Help",
        "Open article…",
        "Start guided fix…",
        "Resume session…",
        "Reindex",
        "Switch knowledge base…",
        "Toggle theme",
        "Quit",
    ):
        assert name in entries, entries
    for generic in ("Keys", "Maximize", "Screenshot", "Theme"):
        assert generic not in entries
    assert entries[0] == "Help"
    await step(pilot, "escape")
    await open_q98097_walk(pilot)
    await step(pilot, "enter", "2", "1")
    assert isinstance(app.screen, ChecklistScreen)
    await step(pilot, "ctrl+p")
    await pilot.pause(0.3)
    entries = palette_entries(app)
    assert entries[:3] == [
        "Export checklist as Markdown…",
        "Export checklist as plain text…",
        "Copy checklist",
    ]


async def test_palette_starts_a_guided_fix_and_resumes_a_session(
    kb_dir: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """ "Start guided fix…" lists the hand-written trees; "Resume session…" the sessions."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(100, 30))
    await wait_ready(pilot)
    await step(pilot, "ctrl+p")
    await pilot.press(*"start guided", "enter")
    await settle(pilot)
    await pilot.pause(0.3)
    assert "Guided fix: Mail server shuts down" in screen_text(app)
    await step(pilot, "enter")
    assert isinstance(app.screen, WalkScreen)
    await step(pilot, "enter", "2")
    await save_as(pilot, "from-palette")
    await step(pilot, "escape")
    assert isinstance(app.screen, SearchScreen)
    await step(pilot, "ctrl+p")
    await pilot.press(*"resume session", "enter")
    await settle(pilot)
    await pilot.pause(0.3)
    assert "Resume from-palette" in screen_text(app)
    await step(pilot, "enter")
    await settle(pilot)
    assert isinstance(app.screen, WalkScreen)
    assert app.screen.walk.current.id == "exclusion"


async def test_palette_keeps_an_enter_typed_before_its_hits(kb_dir: Path, tmp_path: Path) -> None:
    """Typing a title and Enter at once in the palette opens it when the hits arrive."""

    async def run() -> None:
        app = build_app(kb_dir, tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_ready(pilot)
            real_titles = app.palette_titles

            async def slow_titles() -> list[tuple[str, str, str]]:
                await asyncio.sleep(0.6)  # a big knowledge base's titles, still loading
                return await real_titles()

            app.palette_titles = slow_titles  # type: ignore[method-assign]
            await pilot.press("ctrl+p")
            await pilot.press(*"printer queue", "enter")
            await pilot.pause(0.1)
            assert not isinstance(app.screen, ArticleScreen)  # no hits yet
            await pilot.pause(1.0)
            await settle(pilot)
            assert isinstance(app.screen, ArticleScreen)
            assert app.screen.article.id == "KB-PRN-1"

    await run()


# --------------------------------------------------------------------------- settings


async def test_theme_persists_across_two_runs(kb_dir: Path, tmp_path: Path) -> None:
    """The theme toggled in the palette is written to the settings file and is the theme
    of the next run; other keys in the file are kept."""
    path = write_config("# my settings\nexport_host = false\n")

    async def first() -> None:
        app = build_app(kb_dir, tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_ready(pilot)
            assert app.theme == "textual-dark"
            await step(pilot, "ctrl+p")
            await pilot.press(*"toggle theme", "enter")
            await settle(pilot)
            assert app.theme == "textual-light"

    async def second() -> None:
        app = build_app(kb_dir, tmp_path)
        assert app.theme == "textual-light"
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_ready(pilot)
            assert app.theme == "textual-light"
            assert not notifications(app)

    await first()
    text = path.read_text(encoding="utf-8")
    assert 'theme = "textual-light"' in text
    assert "# my settings" in text and "export_host = false" in text
    assert load_settings().source("theme") == "file"
    await second()


async def test_unknown_theme_in_settings_is_a_warning(kb_dir: Path, tmp_path: Path) -> None:
    """A theme name the TUI does not know keeps the default and says so once."""
    write_config('theme = "no-such-theme"\n')

    app = build_app(kb_dir, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        assert app.theme == "textual-dark"
        assert any("no-such-theme" in m for m in notifications(app))
    assert 'theme = "no-such-theme"' in config_path().read_text()  # not "corrected"


async def test_switched_knowledge_base_is_opened_next_time(kb_dir: Path, tmp_path: Path) -> None:
    """ "Switch knowledge base…" opens another folder at once and keeps it as the default
    articles folder for the next run."""
    other = tmp_path / "team-kb"
    other.mkdir()
    (other / "vpn.md").write_text(
        "---\nid: KB-VPN-1\ntitle: VPN tunnel drops every hour\n---\n\n"
        "## Symptoms\n\nThe tunnel drops.\n",
        encoding="utf-8",
    )

    async def first() -> None:
        app = build_app(kb_dir, tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_ready(pilot)
            await step(pilot, "ctrl+p")
            await pilot.press(*"switch knowledge", "enter")
            await settle(pilot)
            assert isinstance(app.screen, TextPromptDialog)
            await step(pilot, "ctrl+u", *str(tmp_path / "nowhere"))
            assert "does not exist" in screen_text(app)
            await step(pilot, "enter")
            assert isinstance(app.screen, TextPromptDialog)  # refused: it stays open
            await step(pilot, "ctrl+u", *str(other), "enter")
            await wait_ready(pilot)
            await settle(pilot)
            assert app.kb.articles_dir == other
            assert "team-kb" in screen_text(app) and "1 article" in screen_text(app)
            await type_query(pilot, "vpn tunnel")
            assert "KB-VPN-1" in screen_text(app)
            await type_query(pilot, " " + "retrospect")
            assert "Q98097" not in screen_text(app)  # the old KB is closed

    await first()
    assert load_settings().articles_dir == other
    app = make_app(index_dir=tmp_path / "index2")
    try:
        assert app.kb.articles_dir == other
    finally:
        app.kb.close()


async def test_plain_text_export_goes_to_the_export_folder_as_the_cli_writes_it(
    kb_dir: Path, tmp_path: Path
) -> None:
    """t on the checklist proposes a .txt in export_dir and writes the same bytes as
    `kbassist walk --export x.txt` for the same walk."""
    exports = tmp_path / "exports"
    exports.mkdir()
    write_config(f'export_dir = "{exports}"\n')
    KBIndex(kb_dir, tmp_path / "index").update()

    app = build_app(kb_dir, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_q98097_walk(pilot)
        await step(pilot, "enter", "2", "2", "2")  # as exclude-folder.yaml answers
        assert isinstance(app.screen, ChecklistScreen)
        await step(pilot, "t")
        dialog = app.screen
        assert isinstance(dialog, TextPromptDialog)
        proposed = dialog.query_one(Input).value
        assert proposed.endswith(".txt") and proposed.startswith(f"kbassist-{TREE_ID}-")
        assert str(exports) in dialog.prompt_text
        await step(pilot, "enter")
        await settle(pilot)
        assert any("written to" in m for m in notifications(app))
    written = list(exports.glob("*.txt"))
    assert len(written) == 1
    cli_out = tmp_path / "cli.txt"
    result = CliRunner().invoke(
        cli.main,
        [
            "--articles",
            str(kb_dir),
            "--index-dir",
            str(tmp_path / "index"),
            "walk",
            TREE_ID,
            "--answers",
            str(ANSWERS),
            "--export",
            str(cli_out),
        ],
    )
    assert result.exit_code == 0, result.output
    tui_text = written[0].read_text(encoding="utf-8")
    assert tui_text == cli_out.read_text(encoding="utf-8")
    assert "Extensions Folder" in tui_text and "- [ ]" not in tui_text  # text, not Markdown


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_first_screen_fits(
    kb_dir: Path, tmp_path: Path, size: tuple[int, int], tui: StartTUI
) -> None:
    """At 80x24 and 120x40 the first screen shows the KB line, an example, a guided fix
    and the help key at once."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=size)
    await wait_ready(pilot)
    await wait_for(pilot, lambda: app.welcome.examples)
    text = screen_text(app)
    for words in ("Knowledge base", "Try a search", "Guided fixes", "F1 help"):
        assert words in text, words
    assert isinstance(app.screen.query_one("#start-list", OptionList), OptionList)


# --------------------------------------------------------------------------- plain helpers


def test_example_candidates_read_like_symptoms() -> None:
    """A title gives short queries: subject and circumstance first, ids and codes left out."""
    assert candidates("Mail server shuts down or hangs during a Retrospect Remote backup")[0] == (
        "mail server backup"
    )
    assert candidates("Q12345: Event 2006 Errors in Xcopy from WinNT 4.0")[0].split()[0] == "event"
    assert not looks_like_a_symptom("INFO: Definition of a Region")
    assert not looks_like_a_symptom("DEFINT and DEFLNG must precede the first error")
    assert looks_like_a_symptom("Setup Hangs on a Notebook Computer")


def test_first_examples_come_from_admin_symptoms_before_programmers_bug_reports() -> None:
    """On the archive the first screen suggests "setup hangs", not "two error fields"."""
    titles = [
        ("Q1", "PRB: Two Error Messages When Closing Query with No Fields"),
        ("Q2", "INFO: Definition of a Region"),
        ("Q3", "Setup Hangs on a Notebook Computer"),
        ("Q4", "FIX: Hard-coded Breakpoints Cause an Error"),
    ]
    assert [article for article, _ in sample_titles(titles)] == ["Q3", "Q1", "Q4", "Q2"]
    assert "two" not in title_words(titles[0][1])
    assert title_words("Bookshelf ErrMsg: OLE Automation Error") == [
        "bookshelf",
        "ole",
        "automation",
        "error",
    ]


def test_examples_are_only_queries_that_find_their_article() -> None:
    """An example whose search does not bring up its article is never offered."""
    from kbassist.index import Hit, SearchResult

    def hit(article_id: str) -> Hit:
        return Hit(article_id, "t", ("Microsoft Exchange",), 1.0, Path("x.md"))

    def search(text: str, limit: int) -> SearchResult:
        found = {"mail server backup": [hit("Q1")], "printer queue update": [hit("OTHER")]}
        if text.startswith("product:exchange"):
            return SearchResult(text, [hit("Q1")], 1)
        return SearchResult(text, found.get(text, []), len(found.get(text, [])))

    examples = find_examples(
        search,
        [
            ("Q1", "Mail server shuts down during backup"),
            ("Q2", "Printer queue stalls after driver update"),
        ],
    )
    assert [e.query for e in examples] == ["mail server backup", "product:exchange backup"]
    assert examples[0].article == "Q1"


def test_switch_folder_problems(tmp_path: Path) -> None:
    """The switch dialog refuses a missing folder, a file and an empty line, with why."""
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    assert "does not exist" in (folder_problem("nowhere", tmp_path) or "")
    assert "is not a folder" in (folder_problem("a.md", tmp_path) or "")
    assert "type the folder" in (folder_problem("  ", tmp_path) or "")
    assert folder_problem(".", tmp_path) is None
    assert resolve_folder("sub/..", tmp_path) == tmp_path


def test_result_line_shows_a_title_that_repeats_the_id_once() -> None:
    """A runbook hit reads `CephOSDNearFull`, an article hit `KB-1  Title`, in the list."""

    def first_line(ident: str, title: str) -> str:
        hit = Hit(id=ident, title=title, products=(), score=1.0, path=Path("x.md"))
        return hit_content(hit).plain.splitlines()[0]

    assert first_line("openshift/CephOSDNearFull", "CephOSDNearFull") == (
        "openshift/CephOSDNearFull"
    )
    assert first_line("KB-1", "Spooler stops") == "KB-1  Spooler stops"


async def test_first_screen_offers_no_guided_fix_for_articles_the_kb_lacks(
    tmp_path: Path, tui: StartTUI
) -> None:
    """On a team's KB without Q98097, the bundled Q98097 fix is not offered first (its
    article "cannot be shown" there); the palette still has every tree."""
    kb = tmp_path / "team-kb"
    kb.mkdir()
    (kb / "vpn.md").write_text(
        "---\nid: KB-VPN-1\ntitle: VPN tunnel drops every hour\n---\n\n"
        "## Symptoms\n\nThe tunnel drops every hour.\n",
        encoding="utf-8",
    )
    app = build_app(kb, tmp_path)
    pilot = await tui(app, size=(100, 30))
    await wait_ready(pilot)
    await wait_for(pilot, lambda: app.welcome.examples)
    await settle(pilot)
    assert any("Q98097" in tree.articles for tree in app.all_guided_fixes())
    assert not any("Q98097" in tree.articles for tree in app.welcome.trees)
    assert "Retrospect" not in screen_text(app)
