"""Issue 14, item 5: `kbassist serve` runs the TUI in a browser through textual-serve.

The server is started on a free port of 127.0.0.1 only (never another address), asked
for its page over loopback, and stopped; every wait is bounded.
"""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kbassist import cli, web

REPO = Path(__file__).resolve().parent.parent
LOOPBACK = "127.0.0.1"


def free_port() -> int:
    """A port nothing listens on now, on loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def get(url: str, deadline: float) -> tuple[int, str]:
    """GET `url`, retrying until the server listens or `deadline` (monotonic) passes."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.fixture
def server(env: dict[str, str], kb_dir: Path):  # type: ignore[no-untyped-def]
    """`kbassist serve --port P` on the test KB, in a subprocess; stopped afterwards."""
    pytest.importorskip("textual_serve")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kbassist", "--articles", str(kb_dir), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        cwd=REPO,
        env=env,
    )
    try:
        yield port, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


def test_serve_gives_the_page_on_loopback(server) -> None:  # type: ignore[no-untyped-def]
    """GET / on 127.0.0.1:PORT answers 200 with the kbassist page and its websocket."""
    port, proc = server
    status, page = get(f"http://{LOOPBACK}:{port}/", time.monotonic() + 60)
    assert status == 200
    assert "<div>kbassist</div>" in page  # the start dialog names the app
    assert f"ws://{LOOPBACK}:{port}/ws" in page
    proc.terminate()
    out, err = proc.communicate(timeout=15)
    assert proc.returncode == 0, err
    assert f"kbassist: serving the kbassist TUI on http://{LOOPBACK}:{port}" in err
    assert "\x1b" not in out + err  # textual-serve's logo and rich logging are not printed


def test_served_page_runs_the_tui(server) -> None:  # type: ignore[no-untyped-def]
    """A browser's websocket gets a running kbassist TUI: its screen, in terminal bytes."""
    aiohttp = pytest.importorskip("aiohttp")
    port, _ = server
    get(f"http://{LOOPBACK}:{port}/", time.monotonic() + 60)

    async def first_screen() -> bytes:
        got = b""
        async with aiohttp.ClientSession() as session:
            url = f"http://{LOOPBACK}:{port}/ws?width=80&height=24"
            async with session.ws_connect(url) as ws:
                async with asyncio.timeout(60):
                    async for message in ws:
                        data = message.data
                        got += data if isinstance(data, bytes) else str(data).encode()
                        if b"\x1b[?1049h" in got and len(got) > 2000:
                            break
        return got

    screen = asyncio.run(first_screen())
    assert b"\x1b[?1049h" in screen  # the app switched to its full screen


def test_default_host_is_loopback() -> None:
    """Without --host, serve listens on 127.0.0.1 only."""
    option = next(p for p in cli.main.commands["serve"].params if p.name == "host")
    assert option.default == LOOPBACK
    assert web.is_loopback(LOOPBACK) and web.is_loopback("localhost")
    assert web.is_loopback("::1") and web.is_loopback("127.0.0.2")
    assert not web.is_loopback("0.0.0.0") and not web.is_loopback("192.168.1.10")
    assert not web.is_loopback("example.com")


def test_serve_without_textual_serve_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without the web extra, serve is one line naming `pip install 'kbassist[web]'`."""
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)  # import fails
    result = CliRunner().invoke(cli.main, ["serve", "--port", "1"], prog_name="kbassist")
    assert result.exit_code == 2
    assert result.stderr == (
        "kbassist: error: kbassist serve needs textual-serve: pip install 'kbassist[web]'\n"
    )


def test_serve_on_a_port_in_use_is_one_clear_line(env: dict[str, str]) -> None:
    """A port already taken on loopback is a usage error naming it, not a traceback."""
    pytest.importorskip("textual_serve")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind((LOOPBACK, 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.run(
            [sys.executable, "-m", "kbassist", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=env,
            timeout=60,
        )
    assert proc.returncode == 2
    assert f"cannot listen on {LOOPBACK}:{port}" in proc.stderr
    assert "Traceback" not in proc.stderr
