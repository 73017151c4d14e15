"""The indexing progress panel: a bar with counts and rate, hidden when idle."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class IndexProgress(Horizontal):
    """Shows what the indexer is doing; the app drives it through `update_progress`."""

    def compose(self) -> ComposeResult:
        yield Label("Indexing", id="index-label")
        yield ProgressBar(show_eta=False, id="index-bar")
        yield Label("", id="index-counts")

    def start(self, label: str) -> None:
        """Show the panel with an indeterminate bar until the first count arrives."""
        self.query_one("#index-label", Label).update(label)
        self.query_one("#index-counts", Label).update("scanning…")
        self.query_one(ProgressBar).update(total=None, progress=0)
        self.add_class("-busy")

    def update_progress(self, done: int, total: int, rate: float) -> None:
        """Counts and articles per second."""
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        self.query_one("#index-counts", Label).update(f"{done:,} / {total:,} · {rate:,.0f}/s")

    def finish(self) -> None:
        self.remove_class("-busy")
