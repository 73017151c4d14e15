"""The article screen: the article as text, a table of contents, its references.

Bodies are `Static` blocks of `Content`, not the Markdown widget: Textual's Markdown
took 44 s on a 100 KB document, blocks of plain content take ~0.4 s on 1 MB.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from kbassist.articles import Article
from kbassist.trees.model import Tree
from kbassist.tui.hooks import GuidedTree
from kbassist.tui.messages import OpenArticle, StartWalk
from kbassist.tui.rendering import header_content, plain, title_content
from kbassist.tui.screens.base import KBScreen
from kbassist.tui.widgets.article_view import article_body
from kbassist.tui.widgets.footer import KBFooter
from kbassist.tui.widgets.index_progress import IndexProgress


class ArticleBody(VerticalScroll, can_focus=True):
    """The scrolling article text; focused on open so arrows and PgUp/PgDn read it."""


class ArticleScreen(KBScreen[None]):
    """One article, read-only. Escape goes back to where it was opened from.

    A reference chosen posts `OpenArticle`; g posts `StartWalk`: the app does the rest.
    """

    HELP_TITLE = "Article"
    HELP_ORDER = 20

    AUTO_FOCUS = "#article-body"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("t", "focus_toc", "Contents"),
        Binding("s", "focus_refs", "See also"),
        Binding("b", "focus_body", "Text", show=False),
        Binding("g", "start_guided", "Guided fix"),
    ]

    def __init__(
        self, article: Article, trees: Sequence[Tree] = (), guided: GuidedTree | None = None
    ) -> None:
        """`trees`: the hand-written trees; `guided`: the one g starts (default: the first)."""
        super().__init__(classes="article-screen")
        self.article = article
        self.trees = list(trees)
        if guided is None and self.trees:
            guided = (self.trees[0], False)
        self.guided = guided

    def compose(self) -> ComposeResult:
        article = self.article
        yield IndexProgress()
        with Horizontal(id="article-layout"):
            with Vertical(id="sidebar"):
                yield Static("Contents", classes="sidebar-title")
                yield OptionList(
                    *(
                        Option(plain(section.name), id=f"toc-{n}")
                        for n, section in enumerate(article.sections)
                    ),
                    id="toc",
                    markup=False,
                )
                if article.references:
                    yield Static("See also", classes="sidebar-title")
                    yield OptionList(
                        *(
                            Option(plain(ref), id=f"ref-{n}")
                            for n, ref in enumerate(article.references)
                        ),
                        id="refs",
                        markup=False,
                    )
            with ArticleBody(id="article-body"):
                yield Static(title_content(article), id="article-title")
                yield Static(header_content(article), id="article-header")
                if self.guided is not None:
                    tree, drafted = self.guided
                    names = ", ".join(t.title for t in self.trees) or tree.title
                    note = f"Guided fix available: {names}"
                    if drafted:
                        note = f"Guided fix (auto-drafted from this article): {tree.title}"
                    yield Static(plain(note), id="guided-note")
                    yield Button("Start guided troubleshooting (g)", id="guided", variant="success")
                yield from article_body(article)
        yield KBFooter()

    def on_mount(self) -> None:
        self.sub_title = self.article.id

    # ------------------------------------------------------------------ navigation

    def jump_to_section(self, index: int) -> None:
        """Scroll the body so section `index` heading is at the top."""
        heading = self.query_one(f"#section-{index}", Static)
        self.query_one(ArticleBody).scroll_to_widget(heading, top=True, animate=False)

    @on(OptionList.OptionHighlighted, "#toc")
    def _toc_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.has_focus and event.option.id:
            self.jump_to_section(int(event.option.id.removeprefix("toc-")))

    @on(OptionList.OptionSelected, "#toc")
    def _toc_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.jump_to_section(int(event.option.id.removeprefix("toc-")))
            self.query_one(ArticleBody).focus()

    @on(OptionList.OptionSelected, "#refs")
    def _ref_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_open_reference(self.article.references[event.option_index])

    def action_open_reference(self, article_id: str) -> None:
        """A Q-number link (sidebar or text): only ever resolved inside the KB."""
        self.post_message(OpenArticle(article_id))

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's commands in the palette (ctrl+p)."""
        if self.guided is not None:
            yield SystemCommand(
                "Start guided fix for this article",
                "Walk it step by step to a checklist (g)",
                self.action_start_guided,
            )

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start_guided":
            return self.guided is not None
        if action == "focus_refs":
            return bool(self.article.references)
        return True

    def action_back(self) -> None:
        self.dismiss()

    def action_focus_toc(self) -> None:
        self.query_one("#toc", OptionList).focus()

    def action_focus_refs(self) -> None:
        if self.article.references:
            self.query_one("#refs", OptionList).focus()

    def action_focus_body(self) -> None:
        self.query_one(ArticleBody).focus()

    def action_start_guided(self) -> None:
        if self.guided is not None:
            tree, drafted = self.guided
            self.post_message(StartWalk(tree, self.article.id, drafted))

    @on(Button.Pressed, "#guided")
    def _guided_pressed(self) -> None:
        self.action_start_guided()
