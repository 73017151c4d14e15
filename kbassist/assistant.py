"""Use cases the CLI and the TUI share: each lives here once; the surfaces parse and draw.

Resuming a saved walk is one: the session names a tree file, or (for a walk of a tree
drafted on the fly) the article to draft again. Both surfaces pass in how they find a
tree by id and read an article, so this module needs neither an index nor a screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kbassist.articles import Article
from kbassist.errors import NotFoundError
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
        from kbassist.trees.draft import draft_tree_model  # the drafter loads only here

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
