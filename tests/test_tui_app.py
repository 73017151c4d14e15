"""Pilot tests: the TUI driven by key presses on the small test knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest
from small_trees import small_tree
from textual.widgets import OptionList, Select, Static
from tui_support import StartTUI, build_app, screen_text, settle, type_query, wait_ready

from kbassist.trees.model import Tree
from kbassist.tui.app import KBAssistApp
from kbassist.tui.screens.article import ArticleBody, ArticleScreen
from kbassist.tui.screens.help import HelpScreen
from kbassist.tui.screens.search import SearchScreen
from kbassist.tui.widgets.results import QueryInput, ResultList

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def ref_kb(kb_dir: Path) -> Path:
    """The test KB plus an article that cites Q98097 (present) and Q999999 (absent)."""
    (kb_dir / "refs.md").write_text(
        "---\nid: KB-REF-1\ntitle: Backup agents that lock the mail data file\n"
        "products: [Backup]\n---\n\n## Symptoms\n\nSee Q98097 for the mail server, and "
        "Q999999 for a second case.\n\n## More information\n\nNothing else.\n",
        encoding="utf-8",
    )
    return kb_dir


def hit_ids(app: KBAssistApp) -> list[str]:
    return [hit.id for hit in app.screen.query_one(ResultList).hits]


def notifications(app: KBAssistApp) -> list[str]:
    return [n.message for n in app._notifications]


@pytest.mark.parametrize("size", SIZES)
async def test_typing_finds_and_enter_opens(
    kb_dir: Path, tmp_path: Path, size: tuple[int, int], tui: StartTUI
) -> None:
    """Typing "mail server backup" lists Q98097 first and Enter opens its article."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=size)
    await wait_ready(pilot)
    assert isinstance(app.focused, QueryInput)
    await type_query(pilot, "mail server backup")
    assert hit_ids(app)[0] == "Q98097"
    count = app.screen.query_one("#hit-count", Static)
    assert "matching articles" in str(count.render())
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ArticleScreen)
    assert app.screen.article.id == "Q98097"
    assert "Retrospect Remote" in screen_text(app)


@pytest.mark.parametrize("size", SIZES)
async def test_toc_jumps_to_section(
    kb_dir: Path, tmp_path: Path, size: tuple[int, int], tui: StartTUI
) -> None:
    """Choosing MORE INFORMATION in the contents scrolls its heading to the top."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=size)
    await wait_ready(pilot)
    app.open_article("Q98097")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    names = [s.name for s in screen.article.sections]
    target = names.index("MORE INFORMATION")
    await pilot.press("t")
    assert isinstance(app.focused, OptionList) and app.focused.id == "toc"
    for _ in range(target):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    body = screen.query_one(ArticleBody)
    heading = screen.query_one(f"#section-{target}", Static)
    assert body.scroll_y > 0
    top = heading.virtual_region.y - body.scroll_y
    assert 0 <= top < body.size.height
    assert app.focused is body


async def test_reference_links_stay_inside_the_kb(
    ref_kb: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """A cited Q-number opens when in the KB; an unknown one only notifies."""

    app = build_app(ref_kb, tmp_path)
    pilot = await tui(app, size=(80, 24))
    await wait_ready(pilot)
    app.open_article("KB-REF-1")
    await settle(pilot)
    assert isinstance(app.screen, ArticleScreen)
    assert app.screen.article.references == ("Q98097", "Q999999")
    await pilot.press("s", "down", "enter")
    await settle(pilot)
    assert any("Q999999 is not in this knowledge base" in m for m in notifications(app))
    assert app.screen.article.id == "KB-REF-1"
    await pilot.press("s", "up", "enter")
    await settle(pilot)
    assert app.screen.article.id == "Q98097"
    await pilot.press("escape")
    assert isinstance(app.screen, ArticleScreen)
    assert app.screen.article.id == "KB-REF-1"


async def test_escape_returns_with_query_kept(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """Escape from an article returns to the search screen with the query and hits kept."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(80, 24))
    await wait_ready(pilot)
    await type_query(pilot, "spooler")
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ArticleScreen)
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, SearchScreen)
    assert app.screen.query_one(QueryInput).value == "spooler"
    assert hit_ids(app) == ["KB-PRN-1"]


async def test_did_you_mean(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """A misspelt query offers the suggestion; ctrl+g applies it and finds Q98097."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(80, 24))
    await wait_ready(pilot)
    await type_query(pilot, "retrospct")
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    assert screen.suggestion == "retrospect"
    assert "Did you mean retrospect?" in screen_text(app)
    await pilot.press("ctrl+g")
    await settle(pilot)
    assert screen.query_one(QueryInput).value == "retrospect"
    assert hit_ids(app)[0] == "Q98097"
    assert screen.suggestion is None


async def test_suggestion_applies_on_click(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """Clicking the did-you-mean line applies the suggestion, like ctrl+g."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(80, 24))
    await wait_ready(pilot)
    await type_query(pilot, "retrospct")
    await pilot.click("#suggestion", offset=(15, 0))
    await settle(pilot)
    assert app.screen.query_one(QueryInput).value == "retrospect"
    assert hit_ids(app)[0] == "Q98097"


async def test_product_filter_narrows(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """Choosing a product in the filter keeps only that product's articles."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(120, 40))
    await wait_ready(pilot)
    await type_query(pilot, "server")
    assert set(hit_ids(app)) >= {"Q98097", "KB-PRN-1"}
    select = app.screen.query_one("#product", Select)
    await pilot.press("ctrl+t")
    await pilot.pause()
    await pilot.press(*"print", "enter")  # the open list searches as you type
    await settle(pilot)
    assert select.value == "Print Server"  # products keep their own casing
    assert hit_ids(app) == ["KB-PRN-1"]


async def test_malformed_query_shows_message(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """A query the parser cannot use shows its message inline instead of crashing."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(80, 24))
    await wait_ready(pilot)
    await type_query(pilot, "((((")
    count = app.screen.query_one("#hit-count", Static)
    assert count.has_class("-error")
    assert "no words to search for" in screen_text(app)
    assert hit_ids(app) == []
    await pilot.press("backspace", "backspace", "backspace", "backspace", *"dns")
    await settle(pilot)
    assert hit_ids(app) == ["KB-DNS-2"]
    assert not count.has_class("-error")


@pytest.mark.parametrize("size", [(20, 5), (40, 10)])
async def test_tiny_terminal(kb_dir: Path, tmp_path: Path, size: tuple[int, int]) -> None:
    """The app renders without an exception in a terminal far too small for it."""

    app = build_app(kb_dir, tmp_path)
    async with app.run_test(size=size) as pilot:
        await wait_ready(pilot)
        await type_query(pilot, "mail")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("t", "down", "enter", "f1")
        await pilot.pause()
        screen_text(app)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
    assert app.return_code in (0, None)


async def test_guided_fix_hooks(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """trees_for marks results and offers the action; g calls start_guided with the tree."""
    tree = small_tree(tmp_path / "trees", "mail-backup", "Mail server stops during backup")
    started: list[tuple[Tree, str | None]] = []

    def trees_for(article_id: str) -> list[Tree]:
        return [tree] if article_id == "Q98097" else []

    app = build_app(
        kb_dir,
        tmp_path,
        trees_for=trees_for,
        start_guided=lambda tree, article_id: started.append((tree, article_id)),
    )
    pilot = await tui(app, size=(120, 40))
    await wait_ready(pilot)
    await type_query(pilot, "server")
    text = screen_text(app)
    assert text.count("guided fix") == 1
    await pilot.press("down")  # into the list; Q98097 is the first hit
    assert app.screen.query_one(ResultList).current.id == "Q98097"
    await pilot.press("enter")
    await settle(pilot)
    assert "Start guided troubleshooting" in screen_text(app)
    await pilot.press("g")
    await pilot.pause()
    assert len(started) == 1
    assert started[0][1] == "Q98097"
    assert isinstance(started[0][0], Tree)
    await pilot.click("#guided")
    await pilot.pause()
    assert len(started) == 2


async def test_article_without_tree_offers_a_drafted_walk(
    kb_dir: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """Without a hand-written tree, the article offers a walk auto-drafted from it."""
    (tmp_path / "no-trees").mkdir()

    app = build_app(kb_dir, tmp_path, trees_dir=tmp_path / "no-trees")
    pilot = await tui(app, size=(100, 30))
    await wait_ready(pilot)
    app.open_article("Q98097")
    await settle(pilot)
    assert app.screen.query("#guided")
    assert "auto-drafted from this article" in screen_text(app)
    await pilot.press("g")
    await settle(pilot)
    assert "auto-drafted" in screen_text(app)


async def test_help_lists_bindings(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """F1 opens the help listing the key bindings; escape closes it."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(80, 24))
    await wait_ready(pilot)
    await pilot.press("f1")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    text = str(app.screen.query_one("#help-keys", Static).content)  # it scrolls
    for words in ("Reindex", "Did you mean", "Contents", "Command palette"):
        assert words in text
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, SearchScreen)


async def test_palette_opens_article_by_title(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """ctrl+p, part of a title, Enter: the article opens."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(80, 24))
    await wait_ready(pilot)
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"printer queue")
    await pilot.pause(0.5)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ArticleScreen)
    assert app.screen.article.id == "KB-PRN-1"


async def test_palette_offers_trees(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """Trees from the injected all_trees provider are palette commands that start them."""
    tree = small_tree(tmp_path / "trees", "dns-slow", "Slow name resolution")
    started: list[tuple[Tree, str | None]] = []

    app = build_app(
        kb_dir,
        tmp_path,
        all_trees=lambda: [tree],
        start_guided=lambda tree, article_id: started.append((tree, article_id)),
    )
    pilot = await tui(app, size=(80, 24))
    await wait_ready(pilot)
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"slow name")
    await pilot.pause(0.5)
    await pilot.press("enter")
    await settle(pilot)
    assert len(started) == 1 and started[0][1] is None


async def test_reindex_picks_up_new_article(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """ctrl+r updates the index in a worker; a new article becomes searchable."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(80, 24))
    await wait_ready(pilot)
    (kb_dir / "new.md").write_text(
        "---\nid: KB-NEW-3\ntitle: Zebra printer labels misaligned\n---\n\n"
        "## Symptoms\n\nLabels shift.\n",
        encoding="utf-8",
    )
    await pilot.press("ctrl+r")
    await settle(pilot)
    assert any("1 added" in m for m in notifications(app))
    await type_query(pilot, "zebra")
    assert hit_ids(app) == ["KB-NEW-3"]


async def test_missing_articles_folder_notifies(tmp_path: Path, tui: StartTUI) -> None:
    """An articles folder that does not exist is reported on the first screen, not a crash."""

    app = build_app(tmp_path / "nowhere", tmp_path)
    pilot = await tui(app, size=(80, 24))
    await settle(pilot)
    assert not app.index_is_ready
    assert "articles folder does not exist" in screen_text(app)
    assert app.screen.query_one(QueryInput).disabled


async def test_typing_in_results_edits_query(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """From the result list, letters go on editing the query and ? still opens help."""

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(80, 24))
    await wait_ready(pilot)
    await type_query(pilot, "mail")
    await pilot.press("down")
    assert isinstance(app.focused, ResultList)
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.focused, ResultList)
    await type_query(pilot, " server")
    assert isinstance(app.focused, QueryInput)
    assert app.focused.value == "mail server"


async def test_footer_rebuilds_do_not_accumulate_widgets(
    kb_dir: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """Moving focus back and forth all session long keeps only the live footer keys."""
    import gc

    from textual.widgets._footer import FooterKey

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(100, 30))
    await wait_ready(pilot)
    await pilot.press(*"retrospect")
    await pilot.pause(0.3)
    for _ in range(15):
        await pilot.press("down")  # into the results: the footer is rebuilt
        await pilot.pause(0.05)
        await pilot.press("ctrl+l")  # back to the query: rebuilt again
        await pilot.pause(0.05)
    gc.collect()
    alive = [o for o in gc.get_objects() if isinstance(o, FooterKey)]
    assert len(alive) < 40, f"{len(alive)} footer keys alive"


async def test_many_broken_trees_toast_counts_the_rest(
    kb_dir: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """Seven broken trees: the toast names five, counts two more and says how to list all."""
    trees = tmp_path / "trees"
    trees.mkdir()
    for n in range(7):
        (trees / f"broken{n}.yaml").write_text("id: [unclosed\n", encoding="utf-8")

    app = build_app(kb_dir, tmp_path, trees_dir=trees)
    pilot = await tui(app, size=(100, 30))
    await wait_ready(pilot)
    await settle(pilot)
    toast = next(m for m in notifications(app) if "broken0.yaml" in m)
    assert "and 2 more" in toast
    assert "kbassist trees lint" in toast


async def test_unreadable_article_toast_says_where_to_see_all(
    kb_dir: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """An article that cannot be indexed is named in a toast that says which command lists all."""
    (kb_dir / "bad.md").write_bytes(b"\xff\xfe\x00broken")

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(100, 30))
    await wait_ready(pilot)
    await settle(pilot)
    toast = next(m for m in notifications(app) if "bad.md" in m)
    assert "kbassist index" in toast
