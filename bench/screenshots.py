"""Write the README's screenshots: docs/screenshots/{first-screen,walkthrough,checklist}.svg.

Run by hand after changing how the first screen, the walkthrough or the checklist looks:

    python bench/screenshots.py

It opens the first screen, then walks the bundled Q98097 tree through the MS Mail
Backup path in a headless app on the bundled articles, with a throw-away HOME and
index, and today's date pinned so the pictures only change when the screens do.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
SIZE = (100, 30)


async def shoot(app, out: Path) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import Input

    from kbassist.tui.app import KBAssistApp

    assert isinstance(app, KBAssistApp)

    def still() -> None:
        app.clear_notifications()
        for box in app.screen.query(Input):
            box.cursor_blink = False

    async with app.run_test(size=SIZE) as pilot:

        async def settle() -> None:
            await pilot.pause(0.2)
            await app.workers.wait_for_complete()
            await pilot.pause()

        while not (app.index_is_ready and app.trees_ready and app.welcome.examples):
            await pilot.pause(0.1)
        await settle()
        still()
        await pilot.pause()
        app.save_screenshot("first-screen.svg", str(out))
        await pilot.press(*"mail server backup")
        await settle()
        await pilot.press("enter")
        await settle()
        for keys in (["g"], ["enter"], ["1"], ["2"], [*"00:00", "enter"], [*"Mail Copies"]):
            await pilot.press(*keys)
            await settle()
        still()
        await pilot.pause()
        app.save_screenshot("walkthrough.svg", str(out))
        for keys in (["enter"], ["2"], ["3", "enter"], [*"1:00 AM", "enter"], ["space"]):
            await pilot.press(*keys)
            await settle()
        still()
        await pilot.pause()
        app.save_screenshot("checklist.svg", str(out))


def main() -> None:
    sys.path.insert(0, str(REPO))
    with tempfile.TemporaryDirectory() as home:
        os.environ["HOME"] = home
        for var in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
            os.environ[var] = str(Path(home) / var.lower())
        for var in ("KBASSIST_ARTICLES", "KBASSIST_TREES", "KBASSIST_INDEX_DIR"):
            os.environ.pop(var, None)  # the bundled articles and trees
        from kbassist.paths import bundled_articles_dir
        from kbassist.tui.app import make_app

        # A copy in the throw-away home: the first screen shows `~/kb`, the same on
        # every machine, rather than the path of this checkout.
        articles = Path(home) / "kb"
        shutil.copytree(bundled_articles_dir(), articles)
        app = make_app(articles=articles, index_dir=Path(home) / "index")
        app.today = lambda: date(2026, 1, 31)  # type: ignore[method-assign]
        OUT.mkdir(parents=True, exist_ok=True)
        try:
            asyncio.run(shoot(app, OUT))
        finally:
            app.kb.close()
    for name in ("first-screen.svg", "walkthrough.svg", "checklist.svg"):
        print(OUT / name)


if __name__ == "__main__":
    main()
