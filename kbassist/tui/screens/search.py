"""The search screen: a query box that searches as you type, a product filter, hits.

While the box is empty it is the first screen: the `Welcome` panel (which knowledge
base is open, searches to try, guided fixes, sessions to resume, the help key) stands
where the hits go. The box takes typing at once, before the index is open: the search
runs when it is, and an Enter pressed before its results arrive opens the first hit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.timer import Timer
from textual.widgets import Input, OptionList, Select, Static
from textual.worker import get_current_worker

from kbassist.errors import KBError, UsageError
from kbassist.index import SearchResult
from kbassist.sanitize import sanitize
from kbassist.trees.model import Tree
from kbassist.trees.session import Session
from kbassist.tui.messages import OpenArticle, SessionsChanged
from kbassist.tui.screens.base import KBScreen
from kbassist.tui.screens.help import CODE_STYLE, para
from kbassist.tui.services import Searcher
from kbassist.tui.state import IndexState
from kbassist.tui.widgets.footer import KBFooter
from kbassist.tui.widgets.index_progress import IndexProgress
from kbassist.tui.widgets.results import QueryInput, ResultList
from kbassist.tui.widgets.welcome import KBStatus, Welcome

#: Typing pauses shorter than this do not start a search.
DEBOUNCE_SECONDS = 0.03
RESULT_LIMIT = 30


#: (what you type, what it finds): the search syntax, by example.
SEARCH_SYNTAX: tuple[tuple[str, str], ...] = (
    ("mail server backup", "plain words; the more of them an article holds, the higher"),
    ('"stops responding"', "an exact phrase"),
    ("retro*", "a prefix: retrospect, retroactive…"),
    ("product:exchange backup", "one product only (ctrl+t picks one from a list)"),
    ("title:backup", "one field only: title, symptoms, keywords, id"),
    ("section:cause", "articles with that section (cause, workaround…)"),
    ("backup NOT tape", "AND, OR, NOT and (groups), in capitals"),
)


def search_help() -> list[Content]:
    """The search syntax, by example."""
    width = max(len(typed) for typed, _ in SEARCH_SYNTAX) + 2
    lines = [
        para(
            "Describe the symptom in plain words, as you would to a colleague. The more "
            "of your words an article holds (rare ones count most, side by side more), "
            "the higher it ranks; one word no article has never empties the list. Glue "
            "words (the, during, after…) are ignored and words match their other forms: "
            "corrupts finds corrupted."
        ),
        Content(""),
    ]
    for typed, finds in SEARCH_SYNTAX:
        lines.append(para("  ", (typed.ljust(width), CODE_STYLE), finds))
    lines += [
        Content(""),
        para(
            "A misspelt word gets a “Did you mean”: ",
            ("ctrl+g", "bold"),
            " takes it. Enter opens the first hit, even pressed before the hits show; ",
            ("↓", "bold"),
            " moves into the list.",
        ),
    ]
    return lines


def product_label(name: str) -> str:
    """A product as the filter lists it: as the articles spell it ("ODBC"), sanitized."""
    return " ".join(sanitize(name).split())


class SearchScreen(KBScreen[None]):
    """Type a symptom, see matching articles, open one.

    It watches the app's state (`index_state`, `kb_status`, `examples`, `guided_fixes`,
    `saved_sessions`) and draws it; what it needs to search comes in as a `Searcher`.
    """

    HELP_TITLE = "Search"
    HELP_ORDER = 10

    AUTO_FOCUS = "#query"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "focus_results", "Results", show=False),
        Binding("ctrl+l,slash", "focus_query", "Search box", show=False),
        Binding("ctrl+t", "focus_product", "Product"),
        Binding("ctrl+g", "apply_suggestion", "Did you mean"),
        Binding("escape", "clear", "Clear", show=False),
    ]

    @dataclass
    class ResultsReady(Message):
        """A search finished (or failed); `seq` says which keystroke it answers."""

        seq: int
        result: SearchResult | None
        error: KBError | None

    def __init__(self, searcher: Searcher) -> None:
        super().__init__(id="search")
        self.searcher = searcher
        #: The index can be searched (the app's `index_state` says so).
        self.index_is_ready = False
        self._seq = 0
        #: The search whose results are on screen (== _seq: nothing is pending).
        self._shown_seq = 0
        #: Enter was pressed before the results of the current query arrived.
        self._open_when_ready = False
        self._debounce: Timer | None = None
        self.suggestion: str | None = None
        #: Made here, not in compose: what the app learns from the start is drawn in it.
        self.welcome = Welcome(id="welcome")

    @classmethod
    def help_section(cls) -> tuple[str, str, list[Content]]:
        return ("Searching", "search", search_help())

    def compose(self) -> ComposeResult:
        yield IndexProgress()
        with Horizontal(id="query-row"):
            yield QueryInput(
                placeholder="Describe the problem…",
                id="query",
                select_on_focus=False,
            )
            yield Select[str](
                [], prompt="All products", id="product", allow_blank=True, disabled=True
            )
        with Horizontal(id="status-row"):
            yield Static("", id="hit-count", markup=False)
            yield Static("", id="suggestion")
        yield self.welcome
        yield ResultList(id="results")
        yield KBFooter()

    def on_mount(self) -> None:
        self.query_one(ResultList).display = False
        self.query_one("#status-row").display = False
        self.watch(self.app, "kb_status", self._kb_status_changed)
        self.watch(self.app, "index_state", self._index_state_changed, init=False)
        self.watch(self.app, "examples", self.welcome.show_examples, init=False)
        self.watch(self.app, "guided_fixes", self._guided_fixes_changed)
        self.watch(self.app, "saved_sessions", self._sessions_changed)
        state = getattr(self.app, "index_state", None)
        if isinstance(state, IndexState) and (state.ready or state.failed):
            self._index_state_changed(state)  # known before this screen was mounted

    def on_screen_resume(self) -> None:
        """Back on the first screen: a walk may have been saved as a session meanwhile."""
        if self.is_mounted:
            self.post_message(SessionsChanged())

    # ------------------------------------------------------------------ the app's state

    def _kb_status_changed(self, status: KBStatus | None) -> None:
        if status is not None:
            self.welcome.show_status(status)

    def _index_state_changed(self, state: IndexState) -> None:
        self.index_is_ready = state.ready
        if state.ready:
            self.index_ready(list(state.products), state.doc_count)
        else:
            self.index_unavailable(failed=state.failed)

    def _guided_fixes_changed(self, trees: Sequence[Tree] | None) -> None:
        if trees is None:
            return  # not read yet: the first screen says so
        # Results shown before the trees arrived lack their "guided fix" markers.
        self.refresh_results()
        self.welcome.show_trees(trees)
        self._focus_list_if_nothing_has_focus()

    def _sessions_changed(self, listed: tuple[Sequence[Session], dict[str, str]] | None) -> None:
        if listed is not None:
            self.welcome.show_sessions(*listed)
            self._focus_list_if_nothing_has_focus()

    def _focus_list_if_nothing_has_focus(self) -> None:
        """An index that failed before the trees or sessions were listed left nothing to
        focus (the box is disabled): the list that now has entries takes the keyboard."""
        if self.focused is None and self.query_one("#query", QueryInput).disabled:
            self.welcome.focus_list()

    # ------------------------------------------------------------------ readiness

    def index_ready(self, products: list[str], doc_count: int) -> None:
        """The index can be searched: the box and the product filter take input."""
        if not self.query_one("#product", Select).is_mounted:
            # An index already up to date is ready before this screen has finished
            # mounting, and an unmounted Select cannot take options: once it has.
            self.call_after_refresh(self.index_ready, products, doc_count)
            return
        query = self.query_one("#query", QueryInput)
        query.disabled = False
        query.placeholder = f"Describe the problem… ({doc_count:,} articles)"
        select = self.query_one("#product", Select)
        select.set_options((product_label(name), name) for name in products)
        select.disabled = not products
        if self.focused is None:
            query.focus()
        if query.value.strip():
            self._schedule(immediately=True)

    def index_unavailable(self, *, failed: bool) -> None:
        """The index is being switched (`failed`: cannot be opened): nothing to search.

        A failed index disables the box (typing would only wait) and leaves the first
        screen's list, whose guided fixes and sessions still work, to the keyboard.
        """
        if not self.query_one("#product", Select).is_mounted:
            self.call_after_refresh(self.index_unavailable, failed=failed)  # as above
            return
        query = self.query_one("#query", QueryInput)
        query.placeholder = "Describe the problem…"
        query.disabled = failed
        select = self.query_one("#product", Select)
        select.set_options([])
        select.disabled = True
        self._open_when_ready = False
        self._seq += 1
        self._shown_seq = self._seq
        self._show_empty()
        if failed:
            self.welcome.focus_list()
        elif self.focused is None:
            query.focus()

    # ------------------------------------------------------------------ searching

    @on(Input.Changed, "#query")
    def _query_changed(self) -> None:
        self._open_when_ready = False  # typing on after Enter: Enter again to open
        self._seq += 1  # the hits on screen are for older text now
        self._schedule()

    @on(Select.Changed, "#product")
    def _product_changed(self) -> None:
        self._schedule(immediately=True)
        self.query_one("#query", QueryInput).focus()  # back to typing, as after a pick

    def _schedule(self, immediately: bool = False) -> None:
        """Debounce: each keystroke restarts the timer; only a pause searches."""
        if self._debounce is not None:
            self._debounce.stop()
        if immediately:
            self._start_search()
        else:
            self._debounce = self.set_timer(DEBOUNCE_SECONDS, self._start_search)

    @property
    def product(self) -> str | None:
        value = self.query_one("#product", Select).value
        return value if isinstance(value, str) else None

    def _start_search(self) -> None:
        self._seq += 1
        text = self.query_one("#query", QueryInput).value
        if not text.strip():
            self._shown_seq = self._seq
            self._show_empty()
            return
        if not self.index_is_ready:
            self._show_waiting()
            return
        self._search(self._seq, text, self.product)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, seq: int, text: str, product: str | None) -> None:
        """Runs in a thread; a newer search cancels this one's delivery."""
        worker = get_current_worker()
        result: SearchResult | None = None
        error: KBError | None = None
        try:
            result = self.searcher.search(
                text,
                product=product,
                limit=RESULT_LIMIT,
                cancelled=lambda: worker.is_cancelled,
            )
        except KBError as exc:
            error = exc
        if not worker.is_cancelled:
            self.post_message(self.ResultsReady(seq, result, error))

    @on(ResultsReady)
    def _show_results(self, message: ResultsReady) -> None:
        if message.seq != self._seq:
            return  # an older search finished late: newer results win
        self._shown_seq = message.seq
        results = self.query_one(ResultList)
        self._show_list(results=True)
        count = self.query_one("#hit-count", Static)
        if message.error is not None:
            results.show_hits([], self.searcher.has_trees)
            count.set_class(True, "-error")
            prefix = "" if isinstance(message.error, UsageError) else "search failed: "
            count.update(sanitize(prefix + str(message.error)))
            self._set_suggestion(None)
            self._open_when_ready = False
            return
        result = message.result
        assert result is not None
        count.set_class(False, "-error")
        results.show_hits(result.hits, self.searcher.has_trees)
        line = (
            f"{len(result.hits)} of {result.total:,} matching articles"
            if result.hits
            else "no articles match"
        )
        # How the search was limited (a wildcard that stands for too many words).
        count.update(sanitize(" · ".join((line, *result.notices))))
        self._set_suggestion(result.suggestion)
        if self._open_when_ready:
            self._open_when_ready = False
            self._open_highlighted()

    def refresh_results(self) -> None:
        """Search the current query again (its hits' markers may have changed)."""
        boxes = self.query("#query").results(QueryInput)
        for box in boxes:
            if box.value.strip():
                self._schedule(immediately=True)

    def _show_list(self, *, results: bool) -> None:
        """The hits, or (for an empty box) the first screen in their place."""
        result_list = self.query_one(ResultList)
        if result_list.display != results:
            if not results and self.focused is result_list:
                self.query_one("#query", QueryInput).focus()
            result_list.display = results
            self.welcome.display = not results
            self.query_one("#status-row").display = results

    def _show_empty(self) -> None:
        self.query_one(ResultList).show_hits([], self.searcher.has_trees)
        self._show_list(results=False)
        count = self.query_one("#hit-count", Static)
        count.set_class(False, "-error")
        count.update("")
        self._set_suggestion(None)

    def _show_waiting(self) -> None:
        """Text typed before the index is open: it is searched as soon as it is."""
        self._show_list(results=True)
        count = self.query_one("#hit-count", Static)
        count.set_class(False, "-error")
        count.update("searching as soon as the index is open…")

    def _set_suggestion(self, suggestion: str | None) -> None:
        had_one = self.suggestion is not None
        self.suggestion = sanitize(suggestion) if suggestion else None
        widget = self.query_one("#suggestion", Static)
        if self.suggestion is None:
            widget.update("")
        else:
            link = Style.from_meta({"@click": "screen.apply_suggestion"})
            widget.update(
                Content.assemble(
                    "Did you mean ",
                    (self.suggestion, "bold underline $text-accent"),
                    "? (ctrl+g)",
                ).stylize(link)
            )
        if had_one != (self.suggestion is not None):
            # Only when ctrl+g appears or goes: each refresh rebuilds the footer, and
            # Textual 8.2 keeps every replaced FooterKey alive (a data_bind setter).
            self.refresh_bindings()

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "apply_suggestion":
            return bool(self.suggestion)
        return True

    def action_apply_suggestion(self) -> None:
        """Replace the query by the did-you-mean suggestion and search again."""
        if not self.suggestion:
            return
        query = self.query_one("#query", QueryInput)
        query.value = self.suggestion
        query.cursor_position = len(query.value)
        query.focus()
        self._schedule(immediately=True)

    def action_focus_results(self) -> None:
        """Down from the box: into the hits, or into the first screen's list."""
        results = self.query_one(ResultList)
        if results.display:
            if results.option_count:
                results.focus()
        else:
            self.welcome.focus_list()

    def action_focus_query(self) -> None:
        self.query_one("#query", QueryInput).focus()

    def action_focus_product(self) -> None:
        select = self.query_one("#product", Select)
        if not select.disabled:
            select.focus()
            select.expanded = True

    def action_clear(self) -> None:
        """Escape: clear the query (or go back to it from the list)."""
        query = self.query_one("#query", QueryInput)
        if self.focused is not query:
            query.focus()
        else:
            query.value = ""

    def on_key(self, event: events.Key) -> None:
        """Typing while the result list has focus goes on editing the query."""
        if event.key in ("question_mark", "slash"):
            return  # bound keys (help, search box) keep their meaning in the list
        lists = (self.query_one(ResultList), self.query_one("#start-list"))
        if self.focused in lists and event.is_printable and event.character:
            query = self.query_one("#query", QueryInput)
            query.focus()
            query.insert_text_at_cursor(event.character)
            event.stop()

    @on(Input.Submitted, "#query")
    def _open_highlighted(self) -> None:
        """Enter opens the highlighted hit; pressed before the hits arrive, the first one
        when they do (a fast typist's Enter is not lost)."""
        if self._shown_seq != self._seq:
            self._open_when_ready = True  # the hits on screen are for older text
            return
        hit = self.query_one(ResultList).current
        if hit is not None:
            self.post_message(OpenArticle(hit.ref or hit.id))

    @on(Welcome.ExampleChosen)
    def _example_chosen(self, message: Welcome.ExampleChosen) -> None:
        """An example from the first screen: typed into the box and searched."""
        query = self.query_one("#query", QueryInput)
        query.value = message.query
        query.cursor_position = len(query.value)
        query.focus()
        self._schedule(immediately=True)

    @on(OptionList.OptionSelected, "#results")
    def _open_selected(self, event: OptionList.OptionSelected) -> None:
        hit = self.query_one(ResultList).hit_for(event.option)
        if hit is not None:
            self.post_message(OpenArticle(hit.ref or hit.id))
