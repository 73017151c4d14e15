"""`kbassist serve`: the terminal UI in a web browser, through textual-serve.

textual-serve (the optional `kbassist[web]` extra) runs one `kbassist` process per
browser tab and relays its screen over a websocket. It is imported only here and only
when `serve` runs, so neither the CLI nor the core needs it, and this module never
imports Textual itself (the served process does).

It listens on 127.0.0.1 unless told otherwise: the app reads the knowledge base and
writes exports as the user who started it, and textual-serve asks for no password.
"""

from __future__ import annotations

import ipaddress
import logging
import shlex
import sys
from collections.abc import Callable
from typing import Any

from kbassist.errors import UsageError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def is_loopback(host: str) -> bool:
    """True for `localhost` and loopback addresses (127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def tui_command() -> str:
    """The shell command textual-serve runs for each browser tab: this Python's kbassist.

    Options reach it through the environment the caller prepared (KBASSIST_*), which
    the served process inherits.
    """
    return shlex.join([sys.executable, "-m", "kbassist"])


class _SayHandler(logging.Handler):
    """textual-serve's log lines, through the CLI's sanitizing `say` (one line each)."""

    def __init__(self, say: Callable[[str], None]) -> None:
        super().__init__(logging.INFO)
        self.say = say

    def emit(self, record: logging.LogRecord) -> None:
        self.say(" ".join(record.getMessage().split()))


def make_server(
    host: str,
    port: int,
    *,
    say: Callable[[str], None],
    public_url: str | None = None,
    command: str | None = None,
) -> Any:
    """A textual-serve Server for kbassist whose messages go through `say`.

    UsageError when textual-serve is not installed (the `web` extra).
    """
    try:
        from textual_serve.server import Server
    except ImportError:
        raise UsageError(
            "kbassist serve needs textual-serve: pip install 'kbassist[web]'"
        ) from None

    class KBServer(Server):
        """textual-serve's server, its logo and rich logging replaced by plain lines."""

        def initialize_logging(self) -> None:
            log = logging.getLogger("textual-serve")
            log.handlers[:] = [_SayHandler(say)]
            log.setLevel(logging.INFO)
            log.propagate = False

        async def on_startup(self, app: Any) -> None:
            say(f"serving the kbassist TUI on {self.public_url} (Ctrl+C stops)")

    return KBServer(
        command or tui_command(),
        host=host,
        port=port,
        title="kbassist",
        public_url=public_url,
    )


def serve(
    host: str,
    port: int,
    *,
    say: Callable[[str], None],
    public_url: str | None = None,
) -> None:
    """Run until Ctrl+C (or SIGTERM). A port that cannot be bound is a UsageError."""
    server = make_server(host, port, say=say, public_url=public_url)
    try:
        server.serve()
    except OSError as exc:
        raise UsageError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc} (choose another --port)"
        ) from None
