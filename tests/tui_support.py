"""Helpers shared by the TUI tests: build the app the CLI builds, wait like a person."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from pathlib import Path
from typing import Any, Protocol

from textual.pilot import Pilot
from textual.widgets import Input

from kbassist.tui.app import KBAssistApp, make_app


def build_app(kb_dir: Path, tmp_path: Path, **hooks: Any) -> KBAssistApp:
    """The app on a test KB with its own index folder (through the CLI's factory)."""
    return make_app(articles=kb_dir, index_dir=tmp_path / "index", **hooks)


class StartTUI(Protocol):
    """The `tui` fixture (tests/conftest.py): run APP under Pilot for the rest of the test."""

    def __call__(self, app: KBAssistApp, size: tuple[int, int] | None = ...) -> Awaitable[Pilot]:
        """Start the app headless at `size`; it is shut down (and any crash raised) after."""
        ...


#: One-shot timers at most this long are the app's own short waits (search debounce,
#: focus hand-offs); a toast's seconds-long timeout is not something to wait for.
SHORT_TIMER = 0.5


def _nodes(app: KBAssistApp) -> list[Any]:
    """The app, every screen on its stack and every widget on them."""
    nodes: list[Any] = [app]
    for screen in app.screen_stack:
        nodes.append(screen)
        nodes.extend(screen.walk_children(with_self=False))
    return nodes


def _messages_pending(app: KBAssistApp) -> bool:
    """True while a message (a worker's results, say) waits in some node's queue: a
    finished worker's post is not handled yet on a loaded machine."""
    return any(node._message_queue.qsize() for node in _nodes(app))


def _short_timer_pending(app: KBAssistApp) -> bool:
    """True while a short one-shot timer (the search debounce) has yet to fire."""
    for node in _nodes(app):
        for timer in list(node._timers):
            task = timer._task
            if (
                timer._repeat == 0
                and timer._interval <= SHORT_TIMER
                and task is not None
                and not task.done()
            ):
                return True
    return False


async def wait_ready(pilot: Pilot, timeout: float = 30.0) -> None:
    """Wait until the first indexing run is done (and the trees are read)."""
    app = pilot.app
    assert isinstance(app, KBAssistApp)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not (app.index_is_ready and app.trees_ready):
        assert loop.time() < deadline, "index never became ready"
        await pilot.pause(0.01)
    await pilot.pause()


async def settle(pilot: Pilot, timeout: float = 30.0) -> None:
    """Wait until the debounce timer has fired, every worker has finished and the UI has
    handled what they posted: conditions, not a fixed sleep."""
    app = pilot.app
    assert isinstance(app, KBAssistApp)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    await pilot.pause()
    quiet_checks = 0
    while quiet_checks < 2:  # quiet twice in a row: nothing a handler just started
        await app.workers.wait_for_complete()
        await pilot.pause()
        busy = (
            _short_timer_pending(app)
            or any(w.is_running for w in app.workers)
            or _messages_pending(app)
        )
        quiet_checks = 0 if busy else quiet_checks + 1
        assert loop.time() < deadline, "the app never settled"
        await pilot.pause(0.01)
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
