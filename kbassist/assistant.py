"""Use cases the CLI and the TUI share: each lives here once; the surfaces parse and draw.

Resuming a saved walk is one: the session names a tree file, or (for a walk of a tree
drafted on the fly) the article to draft again. Exporting a finished walk is another:
both surfaces write the same ticket-ready text for the same walk. The surfaces pass in
how they find a tree by id and read an article, so this module needs neither an index
nor a screen.
"""

from __future__ import annotations

import getpass
import os
import socket
from collections.abc import Callable, Collection, Iterable
from datetime import date
from pathlib import Path

from kbassist.articles import Article
from kbassist.errors import NotFoundError, UsageError
from kbassist.settings import Settings
from kbassist.trees.checklist import Checklist, ItemKey
from kbassist.trees.export import (
    EXPORT_FORMATS,
    ArticleRef,
    ExportFormat,
    TicketInfo,
    to_markdown,
    to_text,
)
from kbassist.trees.model import Tree
from kbassist.trees.session import Resumed, Session, resume

#: A loaded tree by id, or None when there is no such tree.
TreeById = Callable[[str], Tree | None]
#: An article by id; raises NotFoundError (or another KBError) when it cannot.
ArticleById = Callable[[str], Article]


def session_tree(saved: Session, *, tree_by_id: TreeById, get_article: ArticleById) -> Tree:
    """The tree a session is replayed on, as it is now.

    A drafted walk is drafted again from its article (the draft may have changed: the
    replay says so); a hand-written tree is looked up by id, then at the file it was
    started from. NotFoundError says which of them is gone.
    """
    if saved.drafted_from is not None:
        from kbassist.drafting.tree import draft_tree_model  # the drafter loads only here

        try:
            article = get_article(saved.drafted_from)
        except NotFoundError as exc:
            raise NotFoundError(
                f"cannot resume session {saved.name!r}: its tree was drafted from article "
                f"{saved.drafted_from}, which cannot be found ({exc.message})"
            ) from None
        return draft_tree_model(article)
    tree = tree_by_id(saved.tree_id)
    if tree is not None:
        return tree
    if saved.tree_path and Path(saved.tree_path).is_file():
        from kbassist.trees.catalog import load_tree

        return load_tree(Path(saved.tree_path))
    where = f" and {saved.tree_path} is gone" if saved.tree_path else ""
    raise NotFoundError(
        f"cannot resume session {saved.name!r}: tree {saved.tree_id} is not in the trees "
        f"folder{where}"
    )


def resume_session(
    saved: Session,
    *,
    tree_by_id: TreeById,
    get_article: ArticleById,
    tree: Tree | None = None,
) -> Resumed:
    """Replay a saved session of any kind on its tree (or on `tree` when one is given).

    Never raises for a tree that changed since (see `Resumed.message`); raises
    NotFoundError when the tree or article is gone, DataError when it is broken.
    """
    if tree is None:
        tree = session_tree(saved, tree_by_id=tree_by_id, get_article=get_article)
    return resume(saved, tree)


# --------------------------------------------------------------------------- exports

#: An article by id for an export; None (or NotFoundError) when it cannot be had.
ArticleOrNone = Callable[[str], "Article | None"]


def ticket_info(settings: Settings, *, today: date | None = None) -> TicketInfo:
    """Host, user and date for a ticket-ready export, each only if the settings want it."""
    host = user = None
    if settings.export_host:
        host = socket.gethostname() or None
    if settings.export_user:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no name for this uid (a container's bare uid)
            user = str(os.getuid()) if hasattr(os, "getuid") else None
    day = (today or date.today()) if settings.export_date else None
    return TicketInfo(host=host, user=user, day=day)


def article_refs(ids: Iterable[str], get_article: ArticleOrNone) -> dict[str, ArticleRef]:
    """Id, title and link of each article; an article that cannot be found keeps its id."""
    refs: dict[str, ArticleRef] = {}
    for article_id in ids:
        try:
            article = get_article(article_id)
        except NotFoundError:
            article = None
        refs[article_id] = (
            ArticleRef(article_id, article.title, article.link)
            if article is not None
            else ArticleRef(article_id)
        )
    return refs


def export_checklist(
    checklist: Checklist,
    fmt: ExportFormat = "markdown",
    *,
    settings: Settings,
    get_article: ArticleOrNone,
    today: date | None = None,
    ticked: Collection[ItemKey] = (),
    mermaid: bool = False,
    ticket: TicketInfo | None = None,
) -> str:
    """The ticket-ready export of a finished walk: what `kbassist walk --export` writes
    and what the TUI exports and copies, byte for byte the same for the same walk.

    `fmt` is "markdown" or "text"; `ticked` are the items' keys (`ChecklistItem.key`, as saved);
    `ticket` replaces the host/user/date taken from the machine and `settings`.
    """
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"no export format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")
    if mermaid and fmt != "markdown":
        raise UsageError("a Mermaid flowchart is Markdown: use it with the Markdown export")
    if ticket is None:
        ticket = ticket_info(settings, today=today)
    refs = article_refs(checklist.tree.articles, get_article)
    if fmt == "text":
        return to_text(checklist, articles=refs, ticket=ticket, ticked=ticked)
    return to_markdown(checklist, articles=refs, ticket=ticket, ticked=ticked, mermaid=mermaid)
