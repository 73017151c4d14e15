"""The indexing progress panel: a bar with counts and rate, hidden when idle."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from kbassist.tui.state import IndexActivity


class IndexProgress(Horizontal):
    """Shows what the indexer is doing: it follows the app's `index_activity`.

    A panel shown after a run started follows its progress from then on but stays
    hidden until the next start, as before.
    """

    def compose(self) -> ComposeResult:
        yield Label("Indexing", id="index-label")
        yield ProgressBar(show_eta=False, id="index-bar")
        yield Label("", id="index-counts")

    def on_mount(self) -> None:
        self.watch(self.app, "index_activity", self._activity, init=False)

    def _activity(self, activity: IndexActivity) -> None:
        if activity.kind == "started":
            self.start(activity.label)
        elif activity.kind == "progress":
            self.update_progress(activity.done, activity.total, activity.rate)
        elif activity.kind == "finished":
            self.finish()

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
