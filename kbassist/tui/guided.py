"""The walk a person is being guided through, and the plain helpers its screens share.

Nothing here imports Textual: the names proposed for exports and sessions, the
resolution of a typed file name, and ticking checklist lines in the Markdown export
are plain functions with plain tests.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kbassist.checklist import Checklist
from kbassist.errors import KBError, OutputError
from kbassist.fileio import check_output_path
from kbassist.trees.engine import Walk
from kbassist.trees.model import Tree
from kbassist.trees.session import check_name
from kbassist.trees.values import value_text


@dataclass(eq=False)
class GuidedWalk:
    """A walk and what the screens remember about it between steps."""

    walk: Walk
    #: The article it was started from (None: from the palette or a saved session).
    article_id: str | None = None
    #: The tree was drafted by a machine from the article, not written by a person.
    drafted: bool = False
    #: Saved under this session name: every later step is saved there too.
    session: str | None = None
    #: Titles of the articles read for the side panel, for the export's Sources.
    article_titles: dict[str, str] = field(default_factory=dict)

    @property
    def tree(self) -> Tree:
        return self.walk.tree

    def snapshot(self) -> Walk:
        """A copy of the walk (same steps and place) that a worker thread may read."""
        copy = Walk(self.walk.tree)
        copy.replay(
            [
                (s.node.id, None if s.value is None else value_text(s.value))
                for s in self.walk.history
            ]
        )
        return copy


def export_name(tree_id: str, today: date) -> str:
    """The file name proposed for an export: `kbassist-<tree id>-<date>.md`."""
    return f"kbassist-{tree_id}-{today.isoformat()}.md"


def session_name_for(tree_id: str, today: date) -> str:
    """The session name proposed for a walk: `<tree id>-<date>`, a valid session name."""
    stem = tree_id[: 64 - 11]
    return f"{stem}-{today.isoformat()}"


def resolve_output(text: str, cwd: Path | None = None) -> Path:
    """What a typed file name means: `~` expanded, relative to the current directory."""
    path = Path(text.strip()).expanduser()
    if not path.is_absolute():
        path = (cwd or Path.cwd()) / path
    return Path(os.path.normpath(path))


def export_problem(text: str, cwd: Path | None = None) -> str | None:
    """Why `text` cannot be an export file (shown as you type), or None if it can."""
    if not text.strip():
        return "type a file name"
    path = resolve_output(text, cwd)
    try:
        check_output_path(path)
    except OutputError as exc:
        return exc.message
    if path.is_dir():
        return f"{path} is a folder: add a file name"
    if not path.parent.is_dir():
        return f"folder {path.parent} does not exist"
    return None


def session_name_problem(text: str) -> str | None:
    """Why `text` cannot be a session name, or None if it can."""
    try:
        check_name(text.strip())
    except KBError as exc:
        return exc.message
    return None


def ticked_markdown(markdown: str, checklist: Checklist, ticked: Collection[int]) -> str:
    """The export with the items at `ticked` (indexes into checklist.items) as `- [x]`.

    `to_markdown` writes each item as `- [ ] <markdown> _(<source>)_`, in the order of
    `checklist.items`; a line is only ticked when it is the next item's line.
    """
    items = checklist.items
    out: list[str] = []
    k = 0
    for line in markdown.split("\n"):
        if k < len(items) and line.startswith(f"- [ ] {items[k].markdown} _("):
            if k in ticked:
                line = "- [x]" + line[len("- [ ]") :]
            k += 1
        out.append(line)
    return "\n".join(out)
