"""The Textual app: one factory (`make_app`) builds it for the CLI and for the tests.

`IndexedApp` (indexed_app.py) keeps the knowledge base's index open and fresh; this
app adds the trees, the screens and what moves between them. Screens get what they
read in `__init__` (narrow Protocols from `services.py`, which this app implements) and
post messages (`messages.py`) for what they want done; the app states what it knows in
reactives they watch. Help, palette commands and footer keys come from the screens
themselves (`KBScreen`), so a new screen needs no edit here.

The first screen's examples are read through a `KBIndex` of their own, so they never
hold up a search; nothing that scans a folder or the index runs on the UI thread, so
the first screen paints at once even on the 60,000-article archive.

Settings (`kbassist.settings`) are read once by the entry point and handed in; the TUI
writes back only what the user changes in it: the theme, the knowledge base opened.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from rich.console import Console
from textual import on, work
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from kbassist.articles import Article
from kbassist.assistant import Assistant, resume_session
from kbassist.errors import AmbiguousIdError, KBError, NotFoundError
from kbassist.sanitize import display_path, displayable, sanitize
from kbassist.settings import Settings, config_path, load_settings, save_setting
from kbassist.trees.engine import Walk
from kbassist.trees.model import Tree
from kbassist.trees.session import Resumed, Session, TickKey, sessions_dir
from kbassist.tui.commands import (
    ArticleCommands,
    KBCommandPalette,
    KBCommands,
    SessionCommands,
    SessionList,
    TreeCommands,
    TreeList,
)
from kbassist.tui.folders import folder_problem, resolve_folder
from kbassist.tui.guided import GuidedWalk, SaveOrder, unsaved_work
from kbassist.tui.hooks import AllTrees, GuidedTree, GuidedTreeFor, StartGuided, TreesFor
from kbassist.tui.library import LibraryApp
from kbassist.tui.messages import OpenArticle, ResumeSession, ShowSessions, StartWalk
from kbassist.tui.rendering import home_path
from kbassist.tui.screens.article import ArticleScreen
from kbassist.tui.screens.base import KBScreen
from kbassist.tui.screens.dialogs import ConfirmDialog, QuitDialog, TextPromptDialog
from kbassist.tui.screens.guided_base import GuidedScreen
from kbassist.tui.screens.help import HelpScreen, Places
from kbassist.tui.screens.search import SearchScreen
from kbassist.tui.screens.sessions import SessionsScreen
from kbassist.tui.screens.walk import WalkScreen
from kbassist.tui.widgets.welcome import Welcome

#: The two themes "Toggle theme" switches between ("Choose theme…" offers them all).
DARK_THEME, LIGHT_THEME = "textual-dark", "textual-light"


class KBAssistApp(LibraryApp):
    """Search the knowledge base, read articles, hand over to guided fixes."""

    CSS_PATH = "app.tcss"
    TITLE = "kbassist"
    # KBCommands lists `get_system_commands`: kbassist's own commands, in place of
    # Textual's system-command provider and its generic commands.
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        KBCommands,
        ArticleCommands,
        TreeCommands,
        SessionCommands,
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1,question_mark", "help", "Help"),
        Binding("ctrl+o", "sessions", "Sessions"),
        Binding("ctrl+r", "reindex", "Reindex"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]
    # Textual writes these as `ClassVar[...] | None`, which mypy reads as instance
    # variables; ClassVar here is what they are (and what ruff's RUF012 asks for).
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [  # type: ignore[misc]
        (0, "-tiny"),
        (40, "-narrow"),
        (70, "-normal"),
        (110, "-wide"),
    ]
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [  # type: ignore[misc]
        (0, "-short"),
        (14, "-tall"),
    ]
    NOTIFICATION_TIMEOUT = 6

    @dataclass
    class SessionResumed(Message):
        """A saved session was replayed on its tree and can be shown."""

        session: Session
        resumed: Resumed

    @dataclass
    class ArticleLoaded(Message):
        """An article was read from disk and can be shown."""

        article: Article
        trees: Sequence[Tree] = field(default_factory=tuple)
        guided: GuidedTree | None = None

    def __init__(
        self,
        assistant: Assistant,
        *,
        trees_for: TreesFor | None = None,
        all_trees: AllTrees | None = None,
        start_guided: StartGuided | None = None,
        guided_tree_for: GuidedTreeFor | None = None,
    ) -> None:
        """The assistant's trees are loaded on mount; each provider left None reads them."""
        super().__init__(
            assistant,
            trees_for=trees_for,
            all_trees=all_trees,
            guided_tree_for=guided_tree_for,
        )
        self.settings = assistant.settings
        self.start_guided = start_guided
        self.session_saves = SaveOrder()
        self._settings_lock = threading.Lock()
        self._wanted: dict[str, object] = {}
        #: The theme as the settings file has it (only a change is written back).
        self._saved_theme = self.settings.theme
        self._theme_problem: str | None = None
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self._theme_problem = (
                f"theme {self.settings.theme!r} is not known; using {self.theme} "
                f"(ctrl+p, “Choose theme” lists them)"
            )

    #: Today's date for export names and footers (tests pin it for stable snapshots).
    today = staticmethod(date.today)

    #: The first unhandled exception (a bug); `run_app` re-raises it after the terminal
    #: is restored, so the CLI reports it in one line and exits 70.
    crash: BaseException | None = None

    def _handle_exception(self, error: Exception) -> None:
        """Textual's hook for an unhandled exception: keep it; no traceback on screen.

        Textual would print a full traceback and leave `run()` as if all went well (the
        process exiting 0); the traceback is only printed with KBASSIST_DEBUG set.
        """
        if self.crash is None:
            self.crash = error
        super()._handle_exception(error)
        if not self.settings.debug:
            self.error_console = Console(file=io.StringIO(), stderr=False)

    # ------------------------------------------------------------------ screens

    def get_default_screen(self) -> Screen[Any]:
        return SearchScreen(self)

    @property
    def welcome(self) -> Welcome:
        """The first screen's panel (what it shows comes from this app's reactives)."""
        return next(s for s in self.screen_stack if isinstance(s, SearchScreen)).welcome

    def on_mount(self) -> None:
        self._prepare_index(full=False, check_first=True)
        self.read_library()
        if self._theme_problem is not None:
            self.notify(sanitize(self._theme_problem), severity="warning", markup=False)

    def index_failure_on_screen(self) -> bool:
        return isinstance(self.screen, SearchScreen)

    @on(ShowSessions)
    def _show_sessions(self) -> None:
        self.action_sessions()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Each screen may leave app-wide keys out of its footer (the palette has them)."""
        screen = self.screen
        return not (isinstance(screen, KBScreen) and action in screen.HIDDEN_APP_ACTIONS)

    # ------------------------------------------------------------------ articles

    @on(OpenArticle)
    def _open_article_asked(self, message: OpenArticle) -> None:
        self.open_article(message.article_id)

    def open_article(self, article_id: str) -> None:
        """Read an article in a thread, then show it."""
        self._load_article(article_id)

    def _guided_for(self, article: Article) -> GuidedTree | None:
        """The provider's tree for an article; a failing provider counts as none."""
        try:
            return self.guided_tree_for(article)
        except Exception as exc:  # the provider is another team's code: report, go on
            self.log.error(f"guided_tree_for({article.id!r}) failed: {exc!r}")
            return None

    @work(thread=True, exclusive=True, group="article")
    def _load_article(self, article_id: str) -> None:
        try:
            article = self.read_article(article_id)
        except AmbiguousIdError as exc:  # its message lists the articles to choose from
            self.notify(sanitize(str(exc)), severity="warning", markup=False, timeout=15)
            return
        except NotFoundError:
            self.notify(
                sanitize(displayable(f"{article_id} is not in this knowledge base")),
                severity="warning",
                markup=False,
            )
            return
        except KBError as exc:
            self.notify(sanitize(str(exc)), severity="error", markup=False)
            return
        trees = self._trees(article.id)
        guided = self._guided_for(article)  # may draft a tree: slow, so here in the thread
        if not get_current_worker().is_cancelled:
            self.post_message(self.ArticleLoaded(article, trees, guided))

    @on(ArticleLoaded)
    def _article_loaded(self, message: ArticleLoaded) -> None:
        self.push_screen(ArticleScreen(message.article, message.trees, message.guided))

    # ------------------------------------------------------------------ guided fixes

    @on(StartWalk)
    def _walk_asked(self, message: StartWalk) -> None:
        self.start_guided_fix(message.tree, message.article_id, drafted=message.drafted)

    def start_guided_fix(
        self, tree: Tree, article_id: str | None, *, drafted: bool = False
    ) -> None:
        """Open the walkthrough on `tree` (or hand it to an injected `start_guided`)."""
        if self.start_guided is not None:
            self.start_guided(tree, article_id)
            return
        self.push_screen(WalkScreen(GuidedWalk(Walk(tree), article_id, drafted=drafted), self))

    def unsaved_walk(self) -> GuidedWalk | None:
        """The open walk (topmost first) whose progress quitting now would lose."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, GuidedScreen) and screen.guided.unsaved:
                return screen.guided
        return None

    async def action_quit(self) -> None:
        """Quit; with a walk's progress unsaved, only after a yes (ctrl+q twice: quit)."""
        guided = self.unsaved_walk()
        if guided is None or isinstance(self.screen, QuitDialog):
            self.exit()
            return
        self.push_screen(
            QuitDialog(
                "Quit without saving?",
                f"The {unsaved_work(guided)} in “{guided.tree.title}” would be lost. "
                "ctrl+s saves the walk as a session to resume later.",
                yes_label="Quit",
                no_label="Stay",
            ),
            lambda yes: self.exit() if yes else None,
        )

    @on(ResumeSession)
    def _resume_asked(self, message: ResumeSession) -> None:
        self.resume_saved(message.session)

    def resume_saved(self, saved: Session) -> None:
        """Resume a saved session (from the sessions screen, the first screen, the palette)."""
        self._resume(saved)

    @work(thread=True, exclusive=True, group="resume")
    def _resume(self, saved: Session) -> None:
        """Find the session's tree (drafting it again if it was drafted) and replay the
        saved steps on it, off the UI thread: the same core call as `walk --resume`."""
        try:
            resumed = resume_session(
                saved,
                tree_by_id=self.tree_by_id,
                get_article=self.read_article,
                articles=self.assistant.articles_dir,
            )
        except KBError as exc:
            self.notify(sanitize(str(exc)), title="Cannot resume", severity="error", markup=False)
            return
        self.post_message(self.SessionResumed(saved, resumed))

    @on(SessionResumed)
    def _session_resumed(self, message: SessionResumed) -> None:
        guided = GuidedWalk.resumed(message.resumed, message.session.name)
        self.resume_walk(guided, message.resumed.message)

    def resume_walk(self, guided: GuidedWalk, message: str) -> None:
        """Continue a saved walk: in place of the sessions screen, or on top of the rest."""
        if message:
            self.notify(sanitize(message), title="Session resumed", markup=False, timeout=12)
        if isinstance(self.screen, SessionsScreen):
            self.switch_screen(WalkScreen(guided, self))
        else:
            self.push_screen(WalkScreen(guided, self))

    def action_sessions(self) -> None:
        """The saved walks, to resume or delete."""
        if not isinstance(self.screen, SessionsScreen):
            self.push_screen(SessionsScreen(self.session_title))

    # ------------------------------------------------------------------ everywhere

    def action_help(self) -> None:
        """F1 anywhere: what to type, what guided fixes are, where files go, the keys.

        Each screen that lists itself (`KBScreen.HELP_TITLE`) brings its keys and its
        own section; the keys of the screen help was asked from come first, then those
        that work everywhere, then the other screens'.
        """
        if isinstance(self.screen, HelpScreen):
            return
        screens = KBScreen.help_screens()
        here = [cls for cls in screens if isinstance(self.screen, cls)]
        keys: list[tuple[str, Sequence[BindingType]]] = [
            (f"{cls.HELP_TITLE} (this screen)", cls.BINDINGS) for cls in here
        ]
        everywhere = [*self.BINDINGS, Binding("ctrl+p", "", "Command palette")]
        keys.append(("Everywhere", everywhere))
        keys += [(str(cls.HELP_TITLE), cls.BINDINGS) for cls in screens if cls not in here]
        sections = [section for cls in screens if (section := cls.help_section()) is not None]
        self.push_screen(HelpScreen(self.places(), keys, sections))

    def places(self) -> Places:
        """Where this app reads and writes, for the help screen."""
        return Places(
            articles=self.kb.articles_dir,
            index=self.kb.index_dir,
            trees=self.trees_dir,
            sessions=sessions_dir(),
            exports=self.settings.export_dir,
            settings=config_path(),
        )

    def export_folder(self) -> Path:
        """Where exports go unless a path is typed: the export_dir setting, else the cwd."""
        return self.settings.export_dir or Path.cwd()

    def save_walk(self, name: str, walk: Walk, ticked: Iterable[TickKey]) -> Path:
        """Write session `name`, recording this knowledge base for a drafted walk."""
        return self.assistant.save_session(name, walk, ticked=ticked)

    def action_focus_search(self) -> None:
        """Back to the search box from anywhere."""
        while not isinstance(self.screen, SearchScreen):
            self.pop_screen()
        self.screen.action_focus_query()

    # ------------------------------------------------------------------ the palette

    def action_command_palette(self) -> None:
        """ctrl+p: the palette, keeping an Enter typed before its hits arrive."""
        # Textual types is_open's app as App[object], which no App[None] is (App is
        # invariant in its result type).
        if self.use_command_palette and not KBCommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(KBCommandPalette(id="--command-palette"))

    def _palette_of(self, provider: type, placeholder: str) -> None:
        self.push_screen(KBCommandPalette(providers=[provider], placeholder=placeholder))

    def action_open_article(self) -> None:
        """A palette of the articles only, by id or title."""
        self._palette_of(ArticleCommands, "Type part of an article's id or title…")

    def action_pick_guided_fix(self) -> None:
        """A palette of the guided fixes (hand-written trees) only."""
        if not self.all_guided_fixes():
            self.notify(
                "No hand-written decision trees are loaded. Open an article and press g "
                "for a walk auto-drafted from it.",
                markup=False,
            )
            return
        self._palette_of(TreeList, "Type part of a guided fix's title…")

    def action_pick_session(self) -> None:
        """A palette of the saved sessions only."""
        self._palette_of(SessionList, "Type part of a session's name or tree…")

    def search_themes(self) -> None:
        """Textual's theme picker, in the palette that keeps an early Enter."""
        from textual.theme import ThemeProvider

        self._palette_of(ThemeProvider, "Search for themes…")

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The current screen's commands, then kbassist's: not Textual's generic ones
        (Maximize, Screenshot, a second Help and Keys) that mean nothing here."""
        if isinstance(screen, KBScreen):
            yield from screen.palette_commands()
        yield SystemCommand(
            "Help", "What to type, guided fixes and drafts, where files go (F1)", self.action_help
        )
        yield SystemCommand(
            "Open article…", "Find an article by its id or title", self.action_open_article
        )
        yield SystemCommand(
            "Start guided fix…",
            "Walk a hand-written decision tree, chosen by its title",
            self.action_pick_guided_fix,
        )
        yield SystemCommand(
            "Resume session…", "Continue a saved guided fix", self.action_pick_session
        )
        yield SystemCommand(
            "Saved sessions", "List, resume or delete saved walks (ctrl+o)", self.action_sessions
        )
        yield SystemCommand(
            "Reindex",
            "Re-read the articles changed since the last index (ctrl+r)",
            self.action_reindex,
        )
        yield SystemCommand(
            "Rebuild index",
            "Index every article again, from scratch",
            lambda: self.action_reindex(full=True),
        )
        yield SystemCommand(
            "Switch knowledge base…",
            "Open another articles folder (opened by default from then on)",
            self.action_switch_kb,
        )
        yield SystemCommand(
            "Toggle theme", "Dark or light (kept for next time)", self.action_toggle_theme
        )
        yield SystemCommand(
            "Choose theme…", "Every colour theme (kept for next time)", self.action_change_theme
        )
        yield SystemCommand("Quit", "Leave kbassist (ctrl+q)", self.action_quit)

    # ------------------------------------------------------------------ settings

    def action_toggle_theme(self) -> None:
        """Dark <-> light; the choice is written to the settings file."""
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME

    def watch_theme(self, theme: str) -> None:
        """A theme chosen here is the theme of the next run too."""
        if theme != self._saved_theme:
            self._saved_theme = theme
            self.save_preference("theme", theme)

    def save_preference(self, key: str, value: object) -> None:
        """Write one setting to the settings file, off the UI thread; the last one wins."""
        self._wanted[key] = value
        self._save_preference(key, value)

    @work(thread=True, group="settings")
    def _save_preference(self, key: str, value: object) -> None:
        with self._settings_lock:
            if self._wanted.get(key) != value:
                return  # a newer value was asked for: it is written instead
            try:
                save_setting(key, value)
            except KBError as exc:
                self.notify(
                    sanitize(f"{exc}\n(kept for this run only)"),
                    title=f"Could not save the {key.replace('_', ' ')} setting",
                    severity="warning",
                    markup=False,
                    timeout=15,
                )

    # ------------------------------------------------------------------ another KB

    def action_switch_kb(self) -> None:
        """Ask for another articles folder and open it (it becomes the default)."""
        current = self.kb.articles_dir
        self.push_screen(
            TextPromptDialog(
                "Switch knowledge base",
                f"Articles folder to open (now {home_path(current)}). kbassist opens it "
                "by default from then on; `kbassist config` shows where that is kept.",
                str(current),
                check=folder_problem,
                hint=lambda text: f"→ {resolve_folder(text)}",
                ok_label="Open",
                id="switch-dialog",
            ),
            self._switch_chosen,
        )

    def _switch_chosen(self, text: str | None) -> None:
        if text is None:
            return
        folder = resolve_folder(text)
        guided = self.unsaved_walk()
        if guided is None:
            self.call_later(self.switch_kb, folder)
            return

        def switch(yes: bool | None) -> None:
            if yes:
                self.call_later(self.switch_kb, folder)

        self.push_screen(
            ConfirmDialog(
                "Switch without saving?",
                f"The {unsaved_work(guided)} in “{guided.tree.title}” would be lost. "
                "ctrl+s saves the walk as a session to resume later.",
                yes_label="Switch",
                no_label="Stay",
            ),
            switch,
        )

    def switch_kb(self, folder: Path) -> None:
        """Open `folder` as the knowledge base: back to the first screen, index it."""
        while not isinstance(self.screen, SearchScreen):
            self.pop_screen()
        self.workers.cancel_group(self, "examples")
        self.open_kb(folder)
        self.save_preference("articles_dir", folder)
        self.notify(
            sanitize(f"Opened {display_path(folder)}; kbassist opens it by default from now on"),
            title="Knowledge base switched",
            markup=False,
        )


def make_app(
    articles: Path | None = None,
    index_dir: Path | None = None,
    *,
    settings: Settings | None = None,
    trees_dir: Path | None = None,
    trees_for: TreesFor | None = None,
    all_trees: AllTrees | None = None,
    start_guided: StartGuided | None = None,
    guided_tree_for: GuidedTreeFor | None = None,
) -> KBAssistApp:
    """The one way to build the app: the CLI and the tests both come through here.

    `settings` are what the entry point read (read here when not given); the folders
    passed in win over them. Trees come from `trees_dir` (default: the settings', else
    the bundled trees); each provider passed in replaces the one built from that folder.
    """
    settings = settings if settings is not None else load_settings()
    assistant = Assistant(settings, articles_dir=articles, index_dir=index_dir, trees_dir=trees_dir)
    return KBAssistApp(
        assistant,
        trees_for=trees_for,
        all_trees=all_trees,
        start_guided=start_guided,
        guided_tree_for=guided_tree_for,
    )


def run_app(
    articles: Path | None = None,
    index_dir: Path | None = None,
    trees_dir: Path | None = None,
    *,
    settings: Settings | None = None,
) -> None:
    """Open the TUI (called by a bare `kbassist`); then re-raise what it died of, if anything.

    The CLI turns that into `kbassist: error: internal error: ...` and exit 70, like any
    other bug: a TUI that crashed never exits 0.
    """
    app = make_app(articles=articles, index_dir=index_dir, trees_dir=trees_dir, settings=settings)
    try:
        app.run()
    finally:
        app.assistant.close()
    if app.crash is not None:
        raise app.crash
    if app.return_code:
        raise RuntimeError(f"the terminal UI stopped with return code {app.return_code}")
