"""TUI benchmark: first paint, keystroke-to-results latency, memory over a long session.

    python bench/bench_tui.py --articles DIR [--index-dir DIR] [--searches 600]

Run by hand on an indexed knowledge base (the full archive for the issue's figures).
Keystrokes are typed at a brisk human pace through Textual's Pilot (headless) and the
time from each key press to the result list showing that query's hits is recorded. The
"hour-like session" types `--searches` queries and opens an article after every tenth;
resident memory is read from /proc afterwards. First paint is measured in a real
terminal (tmux): from starting `kbassist` to the search box being on screen.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

QUERIES = [
    "mail server backup",
    "retrospect remote",
    "exchange store will not start",
    "printer garbage characters",
    "blue screen stop 0x0000000a",
    "outlook default folders",
    "sql server login failed",
    "iis asp 500 error",
    "memmaker himem",
    "word crashes saving",
    "excel runtime error 1004",
    "replication fails",
    "dhcp no address",
    "ntfs permissions copy",
    "access database repair",
    "setup wizard dll",
    "sms client install",
    "network printer offline",
    "modem init string",
    "dial-up error 629",
]
KEY_GAP = 0.12  # seconds between keystrokes: about 100 words a minute


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def session(articles: Path, index_dir: Path | None, searches: int) -> dict[str, float]:
    from kbassist.tui.app import make_app
    from kbassist.tui.widgets.results import ResultList

    shown: list[tuple[float, str]] = []
    original = ResultList.show_hits

    # Textual binds @on handlers when a class is created, so the hook goes on the plain
    # method the handler calls: results are shown only for the newest query.
    def recording(self: ResultList, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        original(self, *args, **kwargs)
        query = self.screen.query_one("#query").value  # type: ignore[attr-defined]
        shown.append((time.perf_counter(), " ".join(query.split())))

    ResultList.show_hits = recording  # type: ignore[method-assign]
    app = make_app(articles=articles, index_dir=index_dir)
    latencies: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.index_is_ready:
            await pilot.pause(0.1)
        done = 0
        while done < searches:
            for query in QUERIES:
                if done >= searches:
                    break
                await pilot.press("ctrl+l")
                await pilot.press("escape")
                typed = ""
                for char in query:
                    typed += char
                    pressed = time.perf_counter()
                    await pilot.press("space" if char == " " else char)
                    deadline = pressed + 2.0
                    while time.perf_counter() < deadline:
                        hit = next(
                            (
                                t
                                for t, q in reversed(shown)
                                if t >= pressed and q == " ".join(typed.split())
                            ),
                            None,
                        )
                        if hit is not None or not typed.strip():
                            break
                        await asyncio.sleep(0.002)
                    if hit is not None:
                        latencies.append(hit - pressed)
                    remaining = KEY_GAP - (time.perf_counter() - pressed)
                    if remaining > 0:
                        await asyncio.sleep(remaining)
                done += 1
                if done % 10 == 0:
                    await pilot.press("enter")
                    await pilot.pause(0.2)
                    await pilot.press("escape")
                    await pilot.pause(0.05)
        memory = rss_mb()
    latencies.sort()
    return {
        "keys": len(latencies),
        "p50": statistics.median(latencies),
        "p95": latencies[int(0.95 * (len(latencies) - 1))],
        "rss": memory,
        "searches": done,
    }


def first_paint(articles: Path, index_dir: Path | None) -> float | None:
    """Seconds from starting `kbassist` in tmux to the search box on screen."""
    if shutil.which("tmux") is None:
        return None
    exe = Path(sys.executable).with_name("kbassist")
    env = f"KBASSIST_INDEX_DIR={index_dir} " if index_dir else ""
    name = f"kbbench{os.getpid()}-{time.monotonic_ns()}"  # a fresh server each run
    started = time.perf_counter()
    subprocess.run(
        [
            "tmux",
            "-L",
            name,
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            "100",
            "-y",
            "30",
            f"{env}{exe} --articles {articles}",
        ],
        check=True,
    )
    try:
        while time.perf_counter() - started < 20:
            screen = subprocess.run(
                ["tmux", "-L", name, "capture-pane", "-p", "-t", name],
                capture_output=True,
                text=True,
            ).stdout
            if "Describe the problem" in screen:
                return time.perf_counter() - started
            time.sleep(0.01)
        return None
    finally:
        # Its own server (-L): other tmux users on the machine are never touched.
        subprocess.run(["tmux", "-L", name, "kill-server"], check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, required=True)
    parser.add_argument("--index-dir", type=Path)
    parser.add_argument("--searches", type=int, default=600)
    args = parser.parse_args()
    if args.index_dir:
        os.environ["KBASSIST_INDEX_DIR"] = str(args.index_dir)

    paints = [first_paint(args.articles, args.index_dir) for _ in range(3)]
    paint = statistics.median(p for p in paints if p is not None) if any(paints) else None
    figures = asyncio.run(session(args.articles, args.index_dir, args.searches))

    rows = [
        (
            "first paint (tmux, median of 3)",
            "<= 1 s",
            f"{paint:.2f} s" if paint else "n/a",
            "yes" if paint and paint <= 1 else "NO",
        ),
        (
            f"keystroke to results, p50 ({figures['keys']} keys)",
            "-",
            f"{figures['p50'] * 1000:.0f} ms",
            "",
        ),
        (
            "keystroke to results, p95",
            "<= 100 ms",
            f"{figures['p95'] * 1000:.0f} ms",
            "yes" if figures["p95"] <= 0.1 else "NO",
        ),
        (
            f"RSS after {figures['searches']:.0f} searches + articles",
            "<= 250 MB",
            f"{figures['rss']:.0f} MB",
            "yes" if figures["rss"] <= 250 else "NO",
        ),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"| {'measure':<{width}} | target | measured | met |")
    print(f"|{'-' * (width + 2)}|---|---|---|")
    for name, target, value, ok in rows:
        print(f"| {name:<{width}} | {target} | {value} | {ok} |")


if __name__ == "__main__":
    main()
