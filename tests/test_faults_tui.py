"""The TUI under hostile articles and terminals: every size from 1x1 to 300x100, live resizes.

No exception, nothing but text reaches the terminal (no ESC, BEL or C1 control), and
nothing outside the KB opens: every link-looking thing is inert text, only Q-numbers
open articles, and those come from the KB.
"""

from __future__ import annotations

import json
import webbrowser
from pathlib import Path

import pytest
from tui_support import build_app, screen_text, settle, type_query, wait_ready

from kbassist.tui.screens.article import ArticleScreen

SIZES = [
    (1, 1),
    (2, 1),
    (5, 2),
    (20, 5),
    (39, 13),
    (40, 14),
    (80, 24),
    (160, 50),
    (300, 100),
    (3, 100),
    (300, 2),
]

LINKS = (
    "[up](../outside.md) [etc](/etc/passwd) [file](file:///etc/shadow) "
    "[ssh](ssh://root@example.com) [web](https://example.com/x) "
    "<https://example.com/auto> javascript:alert(1) mailto:root@example.com "
    "../../etc/passwd /etc/passwd file:///etc/passwd ssh://host https://example.com "
    "\x1b]8;;https://evil.example\x07hyperlink\x1b]8;;\x07 and Q98097 and Q1234567"
)
HOSTILE = (
    "Clear \x1b[2J screen, \x1b]0;retitled\x07 title, \x1b[?1049h alt screen, \x9b31m C1, "
    "\x1bP+q544e\x1b\\ DCS, bell \x07.\n\n"
    "<script>alert(1)</script> <iframe src=file:///etc/passwd></iframe> <b>bold</b>\n\n"
    "[bold red]markup[/] [@click=app.quit]quit[/] $text-accent\n\n" + LINKS + "\n"
)


@pytest.fixture
def hostile_kb(kb_dir: Path) -> Path:
    """The test KB plus a hostile article."""
    title = json.dumps("Hostile \x1b]0;pwned\x07 links [b]x[/b]")
    product = json.dumps("Hostile \x7f\x9b2J")  # YAML escapes: control characters
    (kb_dir / "hostile.md").write_text(
        f"---\nid: HOST-1\ntitle: {title}\nproducts: [{product}]\n---\n\n"
        f"## Symptoms\n\nhostile {HOSTILE}\n## Links\n\n{LINKS}\n",
        encoding="utf-8",
    )
    return kb_dir


def add_big_article(kb_dir: Path) -> None:
    """A 1 MB article."""
    line = "The spooler writes each job to the spool folder before the driver reads it.\n"
    (kb_dir / "big.md").write_text(
        "---\nid: BIG-1\ntitle: Enormous spooler log\n---\n\n## Symptoms\n\n"
        + line * (1_000_000 // len(line)),
        encoding="utf-8",
    )


def assert_inert(text: str, where: str) -> None:
    assert "\x1b" not in text, where
    assert "\x07" not in text, where
    assert not any(0x80 <= ord(c) <= 0x9F for c in text), f"C1 control at {where}"


def no_escape_in_output(app: object, where: str) -> None:
    """What is on screen, and what the terminal would be sent, carry no control sequence."""
    assert_inert(screen_text(app), where)  # type: ignore[arg-type]
    svg = app.export_screenshot()  # type: ignore[attr-defined]
    assert "\x1b]" not in svg and "\x07" not in svg, where


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Everything anything tried to open outside the app: must stay empty."""
    calls: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: calls.append(url))
    return calls


async def test_every_terminal_size_and_live_resize_on_every_screen(
    hostile_kb: Path, tmp_path: Path, opened: list[str]
) -> None:
    """Search results, the hostile article and the 1 MB one, resized 1x1 to 300x100."""

    async def sweep(pilot, where: str, sizes: list[tuple[int, int]]) -> None:  # type: ignore[no-untyped-def]
        for width, height in sizes:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            no_escape_in_output(pilot.app, f"{where} at {width}x{height}")

    add_big_article(hostile_kb)

    app = build_app(hostile_kb, tmp_path)
    app.open_url = lambda url, **kw: opened.append(url)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await type_query(pilot, "hostile")
        await sweep(pilot, "search", SIZES)
        await pilot.resize_terminal(100, 30)
        app.open_article("HOST-1")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        await sweep(pilot, "article", SIZES)
        await pilot.press("escape")
        await pilot.resize_terminal(1, 1)
        app.open_article("BIG-1")
        await settle(pilot)
        assert app.screen.article.id == "BIG-1"
        # Re-wrapping 1 MB takes a second or two per size: opened at 1x1, then 300x100.
        await sweep(pilot, "1 MB article", [(300, 100)])
        await pilot.press("end")
        await pilot.pause()
        no_escape_in_output(app, "1 MB article, end")
    assert app.return_code in (0, None)
    assert opened == []


async def test_app_starts_in_a_one_by_one_terminal(hostile_kb: Path, tmp_path: Path) -> None:
    """Starting in a 1x1 terminal: the app comes up, searches, opens and quits cleanly."""

    app = build_app(hostile_kb, tmp_path)
    async with app.run_test(size=(1, 1)) as pilot:
        await wait_ready(pilot)
        await type_query(pilot, "hostile")
        no_escape_in_output(app, "start at 1x1")
        await pilot.press("enter")
        await settle(pilot)
        no_escape_in_output(app, "after enter at 1x1")
    assert app.return_code in (0, None)


async def test_no_link_kind_opens_anything_outside_the_kb(
    hostile_kb: Path, tmp_path: Path, opened: list[str]
) -> None:
    """Clicking each link-looking word of the article, then the keys: only KB articles open."""
    targets = ["../", "/etc", "file:", "ssh:", "https:", "javascript:", "mailto:", "hyperlink"]
    targets += ["<b>", "<iframe", "[@click", "Q1234567", "Q98097"]

    app = build_app(hostile_kb, tmp_path)
    app.open_url = lambda url, **kw: opened.append(url)  # type: ignore[method-assign]
    shown: list[Path] = []
    async with app.run_test(size=(120, 60)) as pilot:
        await wait_ready(pilot)
        app.open_article("HOST-1")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        rows = screen_text(app).split("\n")
        spots = []
        for word in targets:  # where each is first shown
            found = [(row.index(word) + 1, y) for y, row in enumerate(rows) if word in row]
            assert found, word
            spots.append(found[0])
        for x, y in spots:
            await pilot.click(offset=(x, y))
            await pilot.pause()
            if app.screen is not screen:
                await settle(pilot)
                shown.append(app.screen.article.source)  # type: ignore[attr-defined]
                await pilot.press("escape")
                await pilot.pause()
        await pilot.press("tab", "enter", "s", "enter", "escape")
        await settle(pilot)
        no_escape_in_output(app, "after the clicks")
    assert app.return_code in (0, None)
    kb = hostile_kb.resolve()
    assert all(kb in Path(path).resolve().parents for path in shown), shown
    assert [Path(path).name for path in shown] == ["Q98097.md"] * len(shown) and shown
    assert opened == []
