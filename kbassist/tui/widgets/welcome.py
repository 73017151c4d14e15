"""The first screen's panel, shown while the search box is empty: what to do first.

It says which knowledge base is open (folder, article count, when it was indexed),
lists example searches checked on it, the guided fixes (hand-written trees), the saved
sessions to resume, and the key that opens help. Every part arrives from the app as it
becomes known, from workers: nothing here reads a disk or an index. An example chosen
is the search screen's business (`ExampleChosen`); a guided fix or a session chosen is
the app's (`StartWalk`, `ResumeSession`, `ShowSessions`).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from kbassist.sanitize import sanitize
from kbassist.trees.model import Tree
from kbassist.trees.session import Session
from kbassist.tui.examples import Example
from kbassist.tui.messages import ResumeSession, ShowSessions, StartWalk
from kbassist.tui.rendering import (
    DRAFTED_MARK,
    DRAFTED_STYLE,
    ERROR_STYLE,
    GUIDED_STYLE,
    ID_STYLE,
    MUTED_STYLE,
    WARNING_STYLE,
    home_path,
)

#: Saved sessions listed on the first screen; ctrl+o lists them all.
MAX_SESSIONS = 3
#: Hand-written trees listed; the palette (ctrl+p, "Start guided fix") has them all.
MAX_TREES = 6

KBState = Literal["checking", "indexing", "ready", "failed"]


@dataclass(frozen=True)
class KBStatus:
    """What the first screen says about the open knowledge base."""

    folder: Path
    state: KBState = "checking"
    count: int | None = None
    #: When the index was last written (seconds since the epoch), if known.
    indexed_at: float | None = None
    #: Why the index cannot be used (state "failed").
    error: str = ""
    #: The folder exists but holds no articles: the first screen says how to add some.
    empty: bool = False


def ago(then: float, now: float | None = None) -> str:
    """`just now`, `5 min ago`, `3 h ago`, `2 days ago`: when the index was written."""
    seconds = max(0.0, (time.time() if now is None else now) - then)
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    days = int(seconds // 86400)
    return f"{days} day{'s' if days != 1 else ''} ago"


def status_content(status: KBStatus, now: float | None = None) -> Content:
    """One or two lines: the folder, then the count and freshness (or what is wrong)."""
    head = Content.assemble(("Knowledge base ", "bold"), (home_path(status.folder), ID_STYLE))
    if status.state == "failed" and status.empty:
        return Content.assemble(head, "\n", ("no articles yet", WARNING_STYLE))
    if status.state == "failed":
        return Content.assemble(head, "\n", (sanitize(status.error), ERROR_STYLE))
    if status.state == "checking":
        detail = Content.styled("opening the index…", MUTED_STYLE)
    elif status.state == "indexing":
        detail = Content.styled("indexing: search works as soon as it is done", WARNING_STYLE)
    else:
        count = status.count or 0
        parts = [f"{count:,} article{'' if count == 1 else 's'}"]
        if status.indexed_at is not None:
            parts.append(f"indexed {ago(status.indexed_at, now)}")
        parts.append("ctrl+r re-reads changed files")
        detail = Content.styled(" · ".join(parts), MUTED_STYLE)
    return Content.assemble(head, "\n", detail)


def empty_advice(status: KBStatus) -> Content:
    """What to do about a knowledge base with nothing to search."""
    if status.empty:
        first = (
            "kbassist reads Markdown files (*.md) from this folder and its subfolders: "
            "put your team's notes in it, then press ctrl+r to index them."
        )
    else:
        first = "kbassist cannot search this folder until the problem above is fixed."
    return Content.assemble(
        (first, ""),
        "\n",
        (
            "Or open another folder: ctrl+p, then “Switch knowledge base” "
            "(or start kbassist with --articles DIR).",
            MUTED_STYLE,
        ),
    )


class Welcome(Vertical):
    """The first screen: knowledge base, examples, guided fixes, sessions, help key."""

    @dataclass
    class ExampleChosen(Message):
        """The user picked an example search."""

        query: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.status: KBStatus | None = None
        self.examples: list[Example] = []
        self.trees: list[Tree] = []
        self.trees_known = False
        self.sessions: list[Session] = []
        self.more_sessions = 0
        self.session_titles: dict[str, str] = {}
        self._ready = False

    def compose(self) -> ComposeResult:
        yield Static("", id="kb-status")
        yield Static("", id="kb-advice")
        yield OptionList(id="start-list", markup=False)
        yield Static(
            Content.assemble(
                ("F1", "bold"),
                " help: search syntax, guided fixes, where files go · ",
                ("ctrl+p", "bold"),
                " all commands",
            ),
            id="welcome-hint",
        )

    # ------------------------------------------------------------------ updates

    # Each `show_*` may come before the widget is mounted (the app starts its workers
    # first): the state is kept and drawn on mount.

    def on_mount(self) -> None:
        self._ready = True  # `is_mounted` only turns true after this handler
        self._draw_status()
        self._rebuild()

    def show_status(self, status: KBStatus) -> None:
        self.status = status
        if status.state != "ready":
            self.examples = []
        self._draw_status()
        self._rebuild()

    def _draw_status(self) -> None:
        if not self._ready or self.status is None:
            return
        status = self.status
        self.query_one("#kb-status", Static).update(status_content(status))
        advice = self.query_one("#kb-advice", Static)
        advice.display = status.state == "failed"
        advice.update(empty_advice(status) if status.state == "failed" else "")

    def show_examples(self, examples: Sequence[Example]) -> None:
        self.examples = list(examples)
        self._rebuild()

    def show_trees(self, trees: Sequence[Tree]) -> None:
        self.trees = list(trees)
        self.trees_known = True
        self._rebuild()

    def show_sessions(self, sessions: Sequence[Session], titles: dict[str, str]) -> None:
        self.sessions = list(sessions[:MAX_SESSIONS])
        self.more_sessions = max(0, len(sessions) - MAX_SESSIONS)
        self.session_titles = titles
        self._rebuild()

    # ------------------------------------------------------------------ the list

    def _rebuild(self) -> None:
        if not self._ready:
            return
        options: list[Option | None] = []

        def heading(text: str) -> None:
            if options:
                options.append(None)
            options.append(Option(Content.styled(text, "bold $text-primary"), disabled=True))

        def note(text: str) -> None:
            options.append(Option(Content.styled(f"  {text}", MUTED_STYLE), disabled=True))

        ready = self.status is not None and self.status.state == "ready"
        if ready:
            heading("Try a search")
            if self.examples:
                width = max(len(e.query) for e in self.examples) + 2
                for n, example in enumerate(self.examples):
                    options.append(
                        Option(
                            Content.assemble(
                                "  ",
                                (sanitize(example.query).ljust(width), "bold"),
                                (sanitize(example.note), MUTED_STYLE),
                            ),
                            id=f"example-{n}",
                        )
                    )
            else:
                note("finding searches that work on this knowledge base…")
        heading("Guided fixes")
        if not self.trees_known:
            note("reading the decision trees…")
        for n, tree in enumerate(self.trees[:MAX_TREES]):
            articles = ", ".join(tree.articles)
            # A tree file written by `kbassist draft` and not yet reviewed says so.
            drafted = tree.draft
            options.append(
                Option(
                    Content.assemble(
                        ("  ◇ ", DRAFTED_STYLE) if drafted else ("  ◆ ", GUIDED_STYLE),
                        sanitize(tree.title),
                        (sanitize(f"  {articles}") if articles else "", MUTED_STYLE),
                    ),
                    id=f"tree-{n}",
                )
            )
        if len(self.trees) > MAX_TREES:
            note(f"… and {len(self.trees) - MAX_TREES} more: ctrl+p, “Start guided fix”")
        if self.trees_known:
            note(f"any other article: open it, press g for a walk {DRAFTED_MARK} from its text")
        if self.sessions:
            heading("Resume a saved session")
            for n, saved in enumerate(self.sessions):
                title = self.session_titles.get(saved.name, "")
                state = "finished" if saved.finished else f"{len(saved.steps)} steps"
                options.append(
                    Option(
                        Content.assemble(
                            "  ",
                            (sanitize(saved.name), "bold"),
                            "  ",
                            sanitize(title),
                            (f"  · {state} · {saved.updated[:10]}", MUTED_STYLE),
                        ),
                        id=f"session-{n}",
                    )
                )
            if self.more_sessions:
                options.append(
                    Option(
                        Content.styled(
                            f"  … {self.more_sessions} more (ctrl+o lists them all)", MUTED_STYLE
                        ),
                        id="sessions-all",
                    )
                )
        listing = self.query_one("#start-list", OptionList)
        highlighted = listing.highlighted_option
        # Someone moving through the list keeps their place; otherwise the first item.
        was = highlighted.id if highlighted is not None and listing.has_focus else None
        listing.set_options(options)
        if was is not None:
            try:
                listing.highlighted = listing.get_option_index(was)
            except OptionDoesNotExist:  # that option went: highlight the first
                listing.highlighted = self._first_enabled(listing)
        else:
            listing.highlighted = self._first_enabled(listing)

    @staticmethod
    def _first_enabled(listing: OptionList) -> int | None:
        for index in range(listing.option_count):
            if not listing.get_option_at_index(index).disabled:
                return index
        return None

    @property
    def can_focus_list(self) -> bool:
        """Whether the list has anything to pick."""
        listing = self.query_one("#start-list", OptionList)
        return self._first_enabled(listing) is not None

    def focus_list(self) -> None:
        listing = self.query_one("#start-list", OptionList)
        if self._first_enabled(listing) is not None:
            if listing.highlighted is None:
                listing.highlighted = self._first_enabled(listing)
            listing.focus()

    @on(OptionList.OptionSelected, "#start-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        kind, _, number = (event.option.id or "").partition("-")
        if kind == "example":
            self.post_message(self.ExampleChosen(self.examples[int(number)].query))
        elif kind == "tree":
            self.post_message(StartWalk(self.trees[int(number)], None))
        elif kind == "session" and number.isdigit():
            self.post_message(ResumeSession(self.sessions[int(number)]))
        elif kind == "sessions":
            self.post_message(ShowSessions())
