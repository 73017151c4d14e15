"""Saved walks: JSON files in the user data dir, written atomically, never pickled.

A session stores the tree's id, version and content hash with the steps taken (node
id and the answer as text) and the checklist items ticked. Resuming replays the steps
on the tree as it is now: when the tree changed, the walk resumes at the last step that
still fits and says why, instead of failing. `kbassist.assistant.resume_session` finds
the tree (a file, or the article a drafted tree is drafted again from) for both the CLI
and the TUI.

File format (``<data dir>/sessions/<name>.json``)::

    {"format": "kbassist-session", "version": 1, "name": "...",
     "tree": {"id": "...", "version": 1, "hash": "...", "path": "..."},
     "steps": [{"node": "must_backup", "answer": "yes"}, {"node": "cause", "answer": null}],
     "current": "copy_time", "finished": false, "updated": "2026-01-31T12:00:00+00:00",
     "ticked": [{"part": "steps", "text": "Stop the spooler."}]}

A tree drafted on the fly from an article has no file: its "tree" is
``{"id": ..., "version": ..., "hash": ..., "drafted": true, "article": "Q168739",
"articles": "/srv/kb"}`` (the articles folder the article is in; optional).
"ticked" (checklist items by part and text, so a tick stays on its item when other
answers change) is optional. Files written before these keys existed still load: a
drafted walk then carries the made-up path ``<auto-drafted>/<tree id>.yaml``, read as
drafted from the article named by the tree id. Both keys are optional additions, so
the format version stays 1 and older kbassist versions still read newer files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kbassist.errors import DataError, NotFoundError, OutputError, UsageError
from kbassist.fileio import atomic_write
from kbassist.paths import data_root
from kbassist.trees.checklist import ItemKey
from kbassist.trees.engine import ReplayReport, Walk
from kbassist.trees.model import DRAFT_PATH, DRAFT_SUFFIX, Tree
from kbassist.trees.values import value_text

#: A ticked checklist item: (part, text), as in `ChecklistItem.key`.
TickKey = ItemKey

FORMAT = "kbassist-session"
FORMAT_VERSION = 1
MAX_SESSION_BYTES = 1024 * 1024
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def sessions_dir() -> Path:
    """Where sessions live: <user data dir>/sessions."""
    return data_root() / "sessions"


def check_name(name: str) -> str:
    """A session name is a file name: letters, digits, '.', '-', '_' (no paths)."""
    if not _NAME_RE.match(name):
        raise UsageError(
            f"invalid session name {name!r}: use up to 64 letters, digits, '.', '-' and '_', "
            "starting with a letter or digit"
        )
    return name


def session_path(name: str, directory: Path | None = None) -> Path:
    return (directory or sessions_dir()) / f"{check_name(name)}.json"


@dataclass(frozen=True)
class Session:
    """A saved walk as read from disk (not yet replayed on a tree)."""

    name: str
    path: Path
    tree_id: str
    tree_version: int
    tree_hash: str
    tree_path: str
    steps: tuple[tuple[str, str | None], ...]
    current: str
    finished: bool
    updated: str
    #: The article the tree was drafted from on the fly (None: a tree file).
    drafted_from: str | None = None
    ticked: tuple[TickKey, ...] = ()
    #: The articles folder that article is in (None: not recorded, or a tree file).
    articles: str | None = None


@dataclass(frozen=True)
class Resumed:
    """A resumed walk and what the admin should be told about it."""

    walk: Walk
    changed: bool
    report: ReplayReport
    saved_version: int
    #: The checklist items ticked when the session was saved.
    ticked: tuple[TickKey, ...] = ()

    @property
    def message(self) -> str:
        """What to tell the admin; empty when the walk resumed exactly where it stopped."""
        if self.report.complete and not self.changed:
            return ""
        tree = self.walk.tree
        if self.changed:
            versions = (
                f"version {self.saved_version} -> {tree.version}"
                if self.saved_version != tree.version
                else f"still version {tree.version}, but edited"
            )
            head = f"tree {tree.id} changed since this session was saved ({versions})"
        else:
            head = "the session does not fit its tree"
        if self.report.complete:
            return f"{head}; every saved step still fits"
        return (
            f"{head}: {self.report.reason}; resumed at step {self.report.replayed + 1} "
            f"({self.walk.current.id})"
        )


def tree_reference(tree: Tree, articles: Path | None = None) -> dict[str, object]:
    """How a session names its tree: a file, or the article a drafted tree comes from
    (and the articles folder it is in, so another knowledge base can say where it is)."""
    ref: dict[str, object] = {"id": tree.id, "version": tree.version, "hash": tree.content_hash}
    if tree.drafted_from is not None:
        ref.update(drafted=True, article=tree.drafted_from)
        if articles is not None:
            ref["articles"] = str(articles.resolve())
    elif tree.path.parts:
        ref["path"] = str(tree.path.resolve())
    return ref


def save_session(
    name: str,
    walk: Walk,
    *,
    ticked: Iterable[TickKey] = (),
    directory: Path | None = None,
    articles: Path | None = None,
) -> Path:
    """Write (or replace) session `name` atomically; OutputError if it cannot.

    `articles`: the folder a drafted walk's article is in (recorded with its id).
    """
    path = session_path(name, directory)
    steps = [
        {"node": s.node.id, "answer": None if s.value is None else value_text(s.value)}
        for s in walk.history
    ]
    data = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "name": name,
        "tree": tree_reference(walk.tree, articles),
        "steps": steps,
        "current": walk.current.id,
        "finished": walk.is_finished,
        "updated": datetime.now(UTC).isoformat(timespec="seconds"),
        "ticked": [{"part": part, "text": text} for part, text in sorted(set(ticked))],
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise OutputError(
            f"cannot create the sessions folder: {exc.strerror or exc}", path=path.parent
        ) from None
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    atomic_write(path, text, overwrite=True, mode=0o600)  # site details: private
    return path


def read_session(name: str, *, directory: Path | None = None) -> Session:
    """Read session `name`: NotFoundError if absent, DataError if damaged."""
    path = session_path(name, directory)
    if not path.exists():
        raise NotFoundError(f"no saved session {name!r} (see `kbassist sessions`)")
    return read_session_file(path)


def read_session_file(path: Path) -> Session:
    """Parse and check one session file; every defect is a DataError naming the file."""

    # Say how to get rid of it: a damaged session is otherwise in the way for good.
    if _NAME_RE.match(path.stem):
        way_out = f"discard it with `kbassist sessions --delete {path.stem}`"
    else:
        way_out = "delete the file to discard it"

    def bad(why: str) -> DataError:
        return DataError(f"not a valid session file: {why}; {way_out}", path=path)

    try:
        if path.stat().st_size > MAX_SESSION_BYTES:
            raise bad(f"larger than {MAX_SESSION_BYTES // 1024} KB")
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read session: {exc.strerror or exc}", path=path) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise bad("not UTF-8 text") from None
    except RecursionError:
        raise bad("nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise DataError(
            f"not a valid session file: broken JSON ({exc.msg}); it may be truncated; " + way_out,
            path=path,
            line=exc.lineno,
            column=exc.colno,
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise bad("it is not a kbassist session")
    if data.get("version") != FORMAT_VERSION:
        raise bad(f"format version {data.get('version')!r} is not supported")
    tree = data.get("tree")
    if not isinstance(tree, dict):
        raise bad("'tree' is missing")
    steps = data.get("steps")
    if not isinstance(steps, list):
        raise bad("'steps' is missing")
    parsed: list[tuple[str, str | None]] = []
    for n, step in enumerate(steps, start=1):
        if (
            not isinstance(step, dict)
            or not isinstance(step.get("node"), str)
            or not isinstance(step.get("answer"), (str, type(None)))
        ):
            raise bad(f"step {n} is not {{'node': text, 'answer': text or null}}")
        parsed.append((step["node"], step["answer"]))
    fields = {
        "tree id": (tree.get("id"), str),
        "tree version": (tree.get("version"), int),
        "tree hash": (tree.get("hash"), str),
        "current": (data.get("current"), str),
        "finished": (data.get("finished"), bool),
    }
    for label, (value, kind) in fields.items():
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            raise bad(f"{label} is missing or not {kind.__name__}")
    tree_path = tree.get("path") or ""
    if not isinstance(tree_path, str):
        raise bad("tree path is not text")
    drafted_from: str | None = None
    articles = tree.get("articles")
    if not isinstance(articles, (str, type(None))):
        raise bad("tree articles is not text")
    if tree.get("drafted") is not None:
        if tree.get("drafted") is not True or not isinstance(tree.get("article"), str):
            raise bad("a drafted tree needs 'drafted': true and the article id as 'article'")
        drafted_from, tree_path = tree["article"], ""
    elif DRAFT_PATH.name in Path(tree_path).parts:
        # Written before drafted trees were named by their article: the made-up path
        # `<auto-drafted>/<tree id>.yaml`; the tree id is the article id, lower-cased.
        drafted_from, tree_path = tree["id"].removesuffix(DRAFT_SUFFIX), ""
    ticks = data.get("ticked", [])
    if not isinstance(ticks, list):
        raise bad("'ticked' is not a list")
    ticked: list[TickKey] = []
    for n, tick in enumerate(ticks, start=1):
        if (
            not isinstance(tick, dict)
            or not isinstance(tick.get("part"), str)
            or not isinstance(tick.get("text"), str)
        ):
            raise bad(f"ticked item {n} is not {{'part': text, 'text': text}}")
        ticked.append((tick["part"], tick["text"]))
    return Session(
        name=path.stem,
        path=path,
        tree_id=tree["id"],
        tree_version=tree["version"],
        tree_hash=tree["hash"],
        tree_path=tree_path,
        steps=tuple(parsed),
        current=data["current"],
        finished=data["finished"],
        updated=str(data.get("updated") or ""),
        drafted_from=drafted_from,
        ticked=tuple(ticked),
        articles=articles if drafted_from is not None else None,
    )


def resume(session: Session, tree: Tree) -> Resumed:
    """Replay the session on `tree`; never raises for a changed tree (see `Resumed`)."""
    if tree.id != session.tree_id:
        raise DataError(
            f"session {session.name!r} belongs to tree {session.tree_id!r}, not {tree.id!r}",
            path=session.path,
        )
    walk = Walk(tree)
    report = walk.replay(list(session.steps))
    changed = tree.content_hash != session.tree_hash
    if report.complete and walk.current.id != session.current:
        report = ReplayReport(
            report.replayed,
            report.total,
            f"the saved steps now lead to {walk.current.id!r}, not {session.current!r}",
        )
    return Resumed(walk, changed, report, session.tree_version, session.ticked)


def list_sessions(*, directory: Path | None = None) -> tuple[list[Session], list[tuple[Path, str]]]:
    """Every readable session (newest first) and the unreadable ones with the reason."""
    folder = directory or sessions_dir()
    sessions: list[Session] = []
    failed: list[tuple[Path, str]] = []
    if not folder.is_dir():
        return sessions, failed
    for path in sorted(folder.glob("*.json")):
        if not _NAME_RE.match(path.stem):
            continue
        try:
            sessions.append(read_session_file(path))
        except DataError as exc:
            failed.append((path, exc.message))
    sessions.sort(key=lambda s: s.updated, reverse=True)
    return sessions, failed
