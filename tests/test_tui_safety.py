"""Untrusted article text on screen: no escape sequence, no markup, no opened links."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Static
from tui_support import StartTUI, build_app, screen_text, settle, type_query, wait_ready

from kbassist.articles import Section
from kbassist.tui.rendering import body_blocks, reflow
from kbassist.tui.screens.article import ArticleBody, ArticleScreen

HOSTILE_TITLE = "Evil \x1b]2;pwned\x07title [b]bold[/b] [@click=app.quit]quit[/]"
HOSTILE_BODY = (
    "Clear \x1b[2J screen and \x1b]2;pwned\x07 retitle, C1 \x9b31m red \x85 next.\n\n"
    "<script>alert(1)</script> and <img src=x onerror=alert(2)>\n\n"
    "[red]not red[/red] and [@click=app.quit]click me[/] and $accent\n\n"
    "Links: [doc](file:///etc/passwd) [up](../outside.md) javascript:alert(3) "
    "https://example.com/x\n"
)


@pytest.fixture
def hostile_kb(kb_dir: Path) -> Path:
    """The test KB plus an article full of escape sequences, HTML and markup."""
    (kb_dir / "evil.md").write_text(
        f"---\nid: EVIL-1\ntitle: {json.dumps(HOSTILE_TITLE)}\nproducts: [Evil]\n---\n\n"
        f"## Symptoms\n\nhostile {HOSTILE_BODY}\n## Cause\n\nAlso \x1b[31mhostile\x1b[0m.\n",
        encoding="utf-8",
    )
    return kb_dir


def assert_clean(text: str) -> None:
    assert "\x1b" not in text
    assert "\x07" not in text
    assert not any(0x80 <= ord(c) <= 0x9F for c in text), "C1 control on screen"


async def test_hostile_article_reaches_screen_as_text(hostile_kb: Path, tmp_path: Path) -> None:
    """Escape sequences are stripped; HTML and markup appear as literal characters."""

    app = build_app(hostile_kb, tmp_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_ready(pilot)
        await type_query(pilot, "hostile")
        results = screen_text(app)
        assert_clean(results)
        assert "[b]bold[/b]" in results
        assert "[@click=app.quit]quit[/]" in results
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        shown = screen_text(app)
        assert_clean(shown)
        assert "<script>alert(1)</script>" in shown
        assert "<img src=x onerror=alert(2)>" in shown
        assert "[red]not red[/red]" in shown
        assert "[@click=app.quit]click me[/]" in shown
        assert "$accent" in shown
        assert "pwned" not in shown.split("hostile Clear")[1]  # the whole OSC is gone
        # The SVG export is what a terminal would get, styles and all.
        assert "\x1b]" not in app.export_screenshot()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"evil")
        await pilot.pause(0.5)
        palette = screen_text(app)
        assert_clean(palette)
        assert "[b]bold[/b]" in palette
    assert app.return_code in (0, None)


async def test_links_are_never_followed(hostile_kb: Path, tmp_path: Path) -> None:
    """Clicking anywhere in an article never opens a URL or a file, only KB articles."""
    opened: list[str] = []

    app = build_app(hostile_kb, tmp_path)
    app.open_url = lambda url, **kw: opened.append(url)  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        app.open_article("EVIL-1")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert screen.article.references == ()
        for block in screen.query(".section-body").results(Static):
            for x in range(0, block.size.width, 3):
                await pilot.click(block, offset=(x, 0))
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.id == "EVIL-1"
    assert opened == []


async def test_q_number_in_text_opens_inside_kb(
    kb_dir: Path, tmp_path: Path, tui: StartTUI
) -> None:
    """A Q-number in the body is a link that opens that article from the KB."""
    (kb_dir / "cite.md").write_text(
        "---\nid: CITE-1\ntitle: Citing article\n---\n\n## Symptoms\n\nQ98097\n",
        encoding="utf-8",
    )

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(100, 30))
    await wait_ready(pilot)
    app.open_article("CITE-1")
    await settle(pilot)
    block = app.screen.query(".section-body").results(Static).__next__()
    await pilot.click(block, offset=(2, 0))
    await settle(pilot)
    assert app.screen.article.id == "Q98097"


async def test_one_megabyte_article_opens(kb_dir: Path, tmp_path: Path, tui: StartTUI) -> None:
    """A 1 MB article opens and all of it is on the article screen, first to last line."""
    paragraph = (
        "The spooler writes each job to the spool folder before the driver reads it back, "
        "so a slow disk shows up as a stalled queue rather than as an error.\n"
    )
    lines = [f"{n:05d} {paragraph}" for n in range(1_000_000 // len(paragraph))]
    lines[-1] = "FINAL-LINE-MARKER " + lines[-1]
    (kb_dir / "big.md").write_text(
        "---\nid: BIG-1\ntitle: Enormous spooler log\n---\n\n## Symptoms\n\n"
        + "\n".join(lines)
        + "\n\n## Cause\n\nThe log is large.\n",
        encoding="utf-8",
    )
    assert (kb_dir / "big.md").stat().st_size >= 1_000_000

    app = build_app(kb_dir, tmp_path)
    pilot = await tui(app, size=(100, 30))
    await wait_ready(pilot)
    await type_query(pilot, "enormous spooler log")
    await pilot.press("enter")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    assert "00000 The spooler writes" in screen_text(app)
    await pilot.press("end")
    await pilot.pause()
    assert screen.query_one(ArticleBody).scroll_y > 10_000
    assert "The log is large." in screen_text(app)
    await pilot.press("t", "down")
    await pilot.pause()
    assert "FINAL-LINE-MARKER" in screen_text(app)


def test_reflow_joins_wrapped_prose_only() -> None:
    """Hard-wrapped prose is joined; list items, tables, rules and code keep their lines."""
    text = (
        "If Retrospect Remote is processing a remote backup of a Macintosh running\n"
        "version 3.1 of Microsoft Mail.\n"
        "\n"
        "- Configure Retrospect to not backup the server's System Folder or Extensions\n"
        "  Folder.\n"
        "- Short item\n"
        "  indented note\n"
        "\n"
        "Name          Value         Meaning of the value in this wide table row\n"
        "Other         1             Another row of the table that is long enough\n"
        "=========================================================================\n"
        "```\n"
        "a very long line of code that must stay exactly where the author put it ok\n"
        "second line\n"
        "```\n"
    )
    assert reflow(text).split("\n") == [
        "If Retrospect Remote is processing a remote backup of a Macintosh running "
        "version 3.1 of Microsoft Mail.",
        "",
        "- Configure Retrospect to not backup the server's System Folder or Extensions Folder.",
        "- Short item",
        "  indented note",
        "",
        "Name          Value         Meaning of the value in this wide table row",
        "Other         1             Another row of the table that is long enough",
        "=========================================================================",
        "```",
        "a very long line of code that must stay exactly where the author put it ok",
        "second line",
        "```",
        "",
    ]


def test_body_blocks_cover_all_text() -> None:
    """Cutting a long section into blocks loses and duplicates no line."""
    text = "\n".join(f"line {n}" + ("" if n % 7 else "\n") for n in range(1000))
    blocks = list(body_blocks(Section("S", text, 1), block_lines=50))
    assert len(blocks) > 10
    joined = "\n".join(b.plain for b in blocks).split("\n")
    assert [x for x in joined if x] == [x for x in text.split("\n") if x]
