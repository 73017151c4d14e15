"""Helpers shared by the TUI tests: build the app the CLI builds, wait like a person."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from kbassist.tui.app import KBAssistApp, make_app


def build_app(kb_dir: Path, tmp_path: Path, **hooks: Any) -> KBAssistApp:
    """The app on a test KB with its own index folder (through the CLI's factory)."""
    return make_app(articles=kb_dir, index_dir=tmp_path / "index", **hooks)


async def wait_ready(pilot: Pilot, timeout: float = 30.0) -> None:
    """Wait until the first indexing run is done (and the trees are read)."""
    app = pilot.app
    assert isinstance(app, KBAssistApp)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not (app.index_is_ready and app.trees_ready):
        assert loop.time() < deadline, "index never became ready"
        await pilot.pause(0.05)
    await pilot.pause()


async def settle(pilot: Pilot) -> None:
    """Let the debounce timer fire and every worker finish, then let the UI catch up."""
    await pilot.pause(0.2)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_query(pilot: Pilot, text: str) -> None:
    """Type into the search box as a person would, then wait for the results."""
    await pilot.press(*text)
    await settle(pilot)


def screen_text(app: KBAssistApp) -> str:
    """What is on the terminal now, as plain text lines (styles dropped)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def quiet(app: KBAssistApp) -> None:
    """Make a screen deterministic for snapshots: no toasts, no blinking cursor."""
    app.clear_notifications()
    for widget in app.screen.query(Input):
        widget.cursor_blink = False
