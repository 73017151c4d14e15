"""The walkthrough: one step of a decision tree at a time, beside the article it cites.

A question is a list of choices (number keys, arrows and Enter, or a click); an input
is a text box checked by `Walk.validate` as it is typed; an information step has a
Continue button. The path so far is a row of breadcrumbs to jump back along. When the
walk reaches an outcome the checklist screen opens on top.

All text shown comes from the tree or the article and is shown as plain `Content`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from kbassist.articles import Article, section_key
from kbassist.errors import KBError
from kbassist.sanitize import sanitize
from kbassist.trees.engine import AnswerError, Walk
from kbassist.trees.model import Choice, Node
from kbassist.trees.model import Input as InputNode
from kbassist.trees.values import value_text
from kbassist.tui.guided import GuidedWalk
from kbassist.tui.rendering import (
    DRAFTED_MARK,
    DRAFTED_STYLE,
    ERROR_STYLE,
    GUIDED_MARK,
    GUIDED_STYLE,
    MUTED_STYLE,
    plain,
    reflow,
)
from kbassist.tui.screens.checklist import ChecklistScreen
from kbassist.tui.screens.guided_base import GuidedScreen
from kbassist.tui.screens.help import CODE_STYLE, para
from kbassist.tui.screens.steps import StepView, step_view
from kbassist.tui.services import WalkServices
from kbassist.tui.widgets.article_view import section_content
from kbassist.tui.widgets.breadcrumbs import Breadcrumbs, Crumb
from kbassist.tui.widgets.footer import KBFooter


def choices_of(node: Node) -> tuple[Choice, ...]:
    """The choices shown as a list: a question's, or a choice input's."""
    return step_view(node).choices


def guided_help() -> list[Content]:
    """What a guided fix is, and how a drafted walk differs from a reviewed tree."""
    return [
        para(
            "A guided fix walks you through an article one step at a time: confirm the "
            "symptom, understand the cause, choose a mitigation, type your site's values. "
            "It ends in a checklist tailored to your answers, to tick off, export (e "
            "Markdown, t plain text) or copy into a ticket."
        ),
        Content(""),
        para(
            (GUIDED_MARK, GUIDED_STYLE),
            "  a decision tree written and reviewed by a person, from the trees folder. "
            "Articles that have one carry this mark in the results.",
        ),
        para(
            (DRAFTED_MARK, DRAFTED_STYLE),
            "  any other article: press g on it and kbassist drafts the walk from the "
            "article's own text. Nobody reviewed it: check each step against the article "
            "shown beside it. ",
            ("kbassist draft ID -o FILE.yaml", CODE_STYLE),
            " writes one out to review and keep.",
        ),
        Content(""),
        para(
            ("ctrl+s", "bold"),
            " saves a walk as a named session (later steps are saved there too); ",
            ("ctrl+o", "bold"),
            " lists the saved sessions to resume.",
        ),
    ]


class WalkScreen(GuidedScreen):
    """Walk a decision tree step by step; escape goes back to the article.

    Each step is shown as its node class's `StepView` says (`screens/steps.py`).
    """

    HELP_TITLE = "Guided fix"
    HELP_ORDER = 30

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Close"),
        Binding("ctrl+z", "back", "Back"),
        Binding("ctrl+n", "restart", "Restart"),
        Binding("ctrl+g", "focus_path", "Steps"),
        Binding("ctrl+t", "show_tree", "Tree"),
        Binding("ctrl+s", "save_session", "Save"),
    ]

    @dataclass
    class SourceLoaded(Message):
        """An article cited by the tree was read (or could not be: `error`)."""

        article_id: str
        article: Article | None
        error: str = ""

    def __init__(self, guided: GuidedWalk, services: WalkServices) -> None:
        # No fixed id: a walk screen may be opened while another is still on the stack
        # (resuming from the palette), and two screens with one id cannot coexist.
        super().__init__(guided, services)
        self._articles: dict[str, Article | str] = {}  # id -> article, or why it is missing
        self._fetching: set[str] = set()
        #: A refusal to show at the step that can fix it: (node id, message).
        self._pending: tuple[str, str] | None = None
        #: The earlier step a refusal sends the user to, for the "change" button.
        self._fix_index: int | None = None
        #: What was typed at a step refused for an earlier step's answer: offered again.
        self._refused_text: dict[str, str] = {}
        self._checklist_open = False

    @classmethod
    def help_section(cls) -> tuple[str, str, list[Content]]:
        return ("Guided fixes", "guided", guided_help())

    @property
    def walk(self) -> Walk:
        return self.guided.walk

    @property
    def step(self) -> StepView:
        """How the current step is shown and answered."""
        return step_view(self.walk.current)

    def compose(self) -> ComposeResult:
        yield Static(id="walk-title")
        yield Breadcrumbs(id="crumbs")
        with Horizontal(id="walk-layout"):
            with VerticalScroll(id="step-pane"):
                yield Static(id="step-title")
                yield Static(id="step-text")
                yield Static(id="step-note")
                yield OptionList(id="choices", markup=False)
                yield Input(id="answer")
                yield Static(id="answer-status")
                yield Static(id="step-help")
                with Horizontal(id="step-buttons"):
                    yield Button("Continue", id="continue", variant="primary", compact=True)
                    yield Button("Change it", id="fix", variant="warning", compact=True)
                    yield Button("◀ Back", id="back", compact=True)
                    yield Button("Restart", id="restart", compact=True)
            with Vertical(id="source-pane"):
                yield Static(id="source-title")
                with VerticalScroll(id="source-scroll"):
                    yield Static(id="source-text")
        yield KBFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.refresh_heading()
        self.show_step()

    def refresh_heading(self) -> None:
        self.query_one("#walk-title", Static).update(self.heading("Guided fix · "))

    # ------------------------------------------------------------------ showing a step

    def show_step(self) -> None:
        """Show the walk's current step (or open the checklist once it is finished)."""
        walk = self.walk
        if walk.is_finished:
            self._open_checklist()
            return
        node = walk.current
        self._fix_index = None
        self.query_one("#step-title", Static).update(
            Content.assemble((f"Step {walk.index + 1} · ", MUTED_STYLE), (node.title, "bold"))
        )
        self.query_one("#step-text", Static).update(plain(walk.prompt()))
        help_text = walk.help_text()
        step_help = self.query_one("#step-help", Static)
        step_help.update(plain(help_text))
        step_help.display = bool(help_text)
        note = self.query_one("#step-note", Static)
        pending = self._pending if self._pending and self._pending[0] == node.id else None
        note.update(plain(f"✗ {pending[1]}") if pending else "")
        note.display = pending is not None

        view = step_view(node)
        choices = view.choices
        option_list = self.query_one("#choices", OptionList)
        answer = self.query_one("#answer", Input)
        status = self.query_one("#answer-status", Static)
        option_list.display = bool(choices)
        answer.display = view.typed
        self.query_one("#continue", Button).display = view.continues
        self.query_one("#fix", Button).display = False
        self.query_one("#back", Button).disabled = walk.index == 0
        status.update("")
        status.set_class(False, "-error")

        suggestion = walk.suggestion()
        if choices:
            option_list.set_options(
                Option(
                    Content.assemble((f"{n} ", "bold $text-accent"), sanitize(choice.label)),
                    id=f"choice-{n}",
                )
                for n, choice in enumerate(choices, start=1)
            )
            picked = next(
                (
                    n
                    for n, c in enumerate(choices)
                    if suggestion is not None and c.value == suggestion
                ),
                0,
            )
            option_list.highlighted = picked
            status.update(
                Content.styled(f"1–{len(choices)} or ↑↓ and Enter to answer", MUTED_STYLE)
            )
            option_list.focus()
        elif view.typed:
            answer.placeholder = view.placeholder
            answer.value = suggestion or self._refused_text.pop(node.id, "")
            answer.focus()
            answer.select_all()
            self._check_typed(answer.value)
        else:
            status.update(Content.styled("Enter to continue", MUTED_STYLE))
            self.query_one("#continue", Button).focus()
        self._show_crumbs()
        self._show_source(node)
        self.query_one("#step-pane", VerticalScroll).scroll_home(animate=False)

    def _show_crumbs(self) -> None:
        walk = self.walk
        flagged = None
        if self._pending is not None:
            flagged = next((s.index for s in walk.history if s.node.id == self._pending[0]), None)
        crumbs = [Crumb(s.node.title, s.display_value) for s in walk.history]
        self.query_one(Breadcrumbs).set_steps(crumbs, walk.current.title, flagged)

    # ------------------------------------------------------------------ the article beside it

    def _show_source(self, node: Node) -> None:
        title = self.query_one("#source-title", Static)
        text = self.query_one("#source-text", Static)
        source = node.source
        if source is None:
            tree = self.guided.tree
            title.update(Content.styled("About this problem", "bold"))
            text.update(
                Content.assemble(
                    ("Symptom: ", "bold"),
                    sanitize(" ".join(tree.symptom.split())),
                    "\n\n",
                    ("Cause: ", "bold"),
                    sanitize(" ".join(tree.cause.split())),
                    "\n\n",
                    (
                        f"(This step cites no article section; the tree is drawn from "
                        f"{', '.join(tree.articles)}.)",
                        MUTED_STYLE,
                    ),
                )
            )
            return
        title.update(
            Content.assemble(
                ("From ", MUTED_STYLE),
                (sanitize(source.article), "bold $text-accent"),
                (" · ", MUTED_STYLE),
                (sanitize(source.section), "bold"),
            )
        )
        found = self._articles.get(source.article)
        if found is None:
            text.update(Content.styled("Reading the article…", MUTED_STYLE))
            if source.article not in self._fetching:
                self._fetching.add(source.article)
                self._fetch_article(source.article)
            return
        if isinstance(found, str):
            text.update(Content.styled(f"The article cannot be shown: {found}", ERROR_STYLE))
            return
        key = section_key(source.section)
        section = next((s for s in found.sections if s.key == key), None)
        if section is None:
            text.update(Content.styled(f"{found.id} has no section {source.section}.", ERROR_STYLE))
            return
        # As the article screen shows it (headings, lists, code), not its raw Markdown.
        shown = section_content(found, source.section)
        text.update(shown if shown is not None else plain(reflow(sanitize(section.text)).strip()))
        self.query_one("#source-scroll", VerticalScroll).scroll_home(animate=False)

    @work(thread=True, group="walk-source")
    def _fetch_article(self, article_id: str) -> None:
        """Read a cited article through the app's index, off the UI thread."""
        try:
            article = self.services.read_article(article_id)
        except KBError as exc:
            message = self.SourceLoaded(article_id, None, str(exc))
        else:
            message = self.SourceLoaded(article_id, article)
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    @on(SourceLoaded)
    def _source_loaded(self, message: SourceLoaded) -> None:
        self._fetching.discard(message.article_id)
        if message.article is not None:
            self._articles[message.article_id] = message.article
        else:
            self._articles[message.article_id] = message.error
        if not self.walk.is_finished:
            self._show_source(self.walk.current)

    # ------------------------------------------------------------------ answering

    def answer(self, raw: str | None) -> bool:
        """Give `raw` as the current step's answer; show the refusal if it is refused."""
        try:
            self.walk.answer(raw)
        except AnswerError as exc:
            self._refused(exc, raw)
            return False
        self._pending = None
        self.changed()
        self.show_step()
        return True

    def _refused(self, exc: AnswerError, raw: str | None) -> None:
        """Show why, here if this step can fix it, else with a button to the step that can."""
        walk = self.walk
        status = self.query_one("#answer-status", Static)
        status.set_class(True, "-error")
        message = " ".join(exc.message.split())
        if exc.node_id == walk.current.id:
            status.update(plain(f"✗ {message}"))
            return
        index = walk.index_of(exc.node_id)
        if index is None:  # the fix step is not on this path: say so where we are
            status.update(plain(f"✗ {message}"))
            return
        self._pending = (exc.node_id, message)
        self._fix_index = index
        if raw:
            self._refused_text[walk.current.id] = raw
        fix_title = walk.tree.nodes[exc.node_id].title
        status.update(plain(f"✗ {message}\nThe answer to change is at step {index + 1}."))
        button = self.query_one("#fix", Button)
        button.label = Content(f"Change “{sanitize(fix_title)}” (step {index + 1})")
        button.display = True
        button.focus()
        self._show_crumbs()

    def _check_typed(self, text: str) -> None:
        """Inline check of what is in the box, as it is typed."""
        node = self.walk.current
        if not isinstance(node, InputNode):
            return
        status = self.query_one("#answer-status", Static)
        try:
            value = self.walk.validate(text)
        except AnswerError as exc:
            if not text.strip():
                status.set_class(False, "-error")
                status.update(Content.styled("Type the answer, then Enter", MUTED_STYLE))
                return
            status.set_class(True, "-error")
            status.update(plain(f"✗ {' '.join(exc.message.split())}"))
            return
        status.set_class(False, "-error")
        shown = value_text(value) if value is not None else ""
        if not text.strip():
            status.update(Content.styled(f"Enter takes the default: {shown}", MUTED_STYLE))
        elif shown != text.strip():
            status.update(Content.assemble(("✓ ", "$text-success"), ("means ", MUTED_STYLE), shown))
        else:
            status.update(Content.styled("✓ Enter to answer", "$text-success"))

    @on(Input.Changed, "#answer")
    def _typed(self, event: Input.Changed) -> None:
        self._check_typed(event.value)

    @on(Input.Submitted, "#answer")
    def _submitted(self, event: Input.Submitted) -> None:
        if self.step.typed:
            self.answer(event.value)

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._answer_choice(event.option_index)

    def _answer_choice(self, index: int) -> None:
        choices = choices_of(self.walk.current)
        if 0 <= index < len(choices):
            self.answer(choices[index].value)

    def on_key(self, event: events.Key) -> None:
        """Number keys answer a question (not while typing in the answer box)."""
        character = event.character or ""
        if not (character.isdigit() and character != "0"):
            return
        if isinstance(self.focused, Input) or not choices_of(self.walk.current):
            return
        event.stop()
        self._answer_choice(int(character) - 1)

    @on(Button.Pressed, "#continue")
    def _continue(self) -> None:
        if self.step.continues:
            self.answer(None)

    @on(Button.Pressed, "#fix")
    def _go_fix(self) -> None:
        if self._fix_index is not None:
            self.jump(self._fix_index)

    # ------------------------------------------------------------------ moving about

    def jump(self, index: int) -> None:
        """Back to step `index`; later answers are kept as suggestions."""
        if 0 <= index <= self.walk.index:
            self.walk.jump(index)
            self.changed()
            self.show_step()

    @on(Breadcrumbs.StepChosen)
    def _crumb_chosen(self, message: Breadcrumbs.StepChosen) -> None:
        self.jump(message.index)

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        """Undo the last step; its answer is offered again."""
        if self.walk.back():
            self.changed()
            self.show_step()
        else:
            self.notify("This is the first step")

    @on(Button.Pressed, "#restart")
    def action_restart(self) -> None:
        """Start again from the first step, with no answers (asks when work would be lost)."""
        self.ask_restart(self._restart)

    def _restart(self) -> None:
        self._pending = None
        self.guided.restart()
        self.changed()
        self.show_step()

    def action_focus_path(self) -> None:
        crumbs = self.query_one(Breadcrumbs)
        if crumbs.crumbs:
            crumbs.focus()
        else:
            self.notify("No steps taken yet")

    def action_leave(self) -> None:
        """Back to where the walk was started from (asks before dropping session changes)."""
        self.ask_close(lambda: self.dismiss(None))

    # ------------------------------------------------------------------ the checklist

    def _open_checklist(self) -> None:
        if not self._checklist_open:
            self._checklist_open = True
            self.app.push_screen(
                ChecklistScreen(self.guided, self.services), self._checklist_closed
            )

    def _checklist_closed(self, result: str | None) -> None:
        """The checklist goes back a step, restarts, or closes the walk (each confirmed).

        This runs before the checklist screen has left the DOM, so it must never open
        another checklist: "back" and "restart" both land on a step that asks something
        (a walk with no step before its checklist is closed by its checklist instead).
        """
        self._checklist_open = False
        if result == "restart" and self.walk.index:
            self._restart()
        elif result == "back" and self.walk.back():
            self.changed()
            self.show_step()
        else:
            self.dismiss(None)
