"""What screens ask of the app, as messages: the app decides how (frogmouth's habit).

A screen (or a palette command, or the first screen's list) posts one of these and
carries on; the app, which owns the screen stack and the workers, handles it with
`@on`. No screen calls an app method or knows the app's class.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from kbassist.trees.model import Tree
from kbassist.trees.session import Session


@dataclass
class OpenArticle(Message):
    """Read article `article_id` (an id or a reference) and show it."""

    article_id: str


@dataclass
class StartWalk(Message):
    """Walk `tree`, started from article `article_id` (None: from a list or the palette).

    `drafted`: the tree was drafted by a machine from the article, not written by a person.
    """

    tree: Tree
    article_id: str | None
    drafted: bool = False


@dataclass
class ResumeSession(Message):
    """Replay saved session `session` on its tree and show the walk."""

    session: Session


class ShowSessions(Message):
    """Open the list of saved sessions."""


class SessionsChanged(Message):
    """Sessions may have been saved or deleted: list them again for the first screen."""
