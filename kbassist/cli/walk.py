"""`kbassist walk` and `kbassist sessions`: walk a decision tree to a checklist, save,
resume and delete walks. The use cases are the assistant's; this module asks, parses
and prints."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from click.shell_completion import CompletionItem

from kbassist.assistant import Assistant
from kbassist.cli.base import assistant_for, kb_options, main, trees_option
from kbassist.cli.output import echo, note
from kbassist.cli.trees import complete_trees
from kbassist.errors import KBError
from kbassist.search.results import counted


def complete_sessions(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Saved session names, for `walk --resume` and `sessions --delete`."""
    try:
        found, _ = assistant_for().list_sessions()
    except (KBError, OSError):
        return []
    return [CompletionItem(s.name) for s in found if s.name.startswith(incomplete)]


@main.command()
@click.argument("tree", required=False, shell_complete=complete_trees)
@click.option(
    "--answers",
    "answers_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Answer from this YAML file (variable: value) instead of asking.",
)
@click.option(
    "--export",
    "export",
    default="-",
    show_default=True,
    help="Write the checklist here; - is stdout.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "text"]),
    help="Markdown (GFM task list) or plain text for ticket systems that do not render "
    "Markdown [default: text for an --export file ending in .txt, else markdown].",
)
@click.option("--force", is_flag=True, help="Overwrite the --export file if it exists.")
@click.option("--mermaid", is_flag=True, help="Add a Mermaid flowchart of the path taken.")
@click.option("--session", "session_name", help="Save progress as this session.")
@click.option(
    "--resume", "resume_name", help="Continue a saved session.", shell_complete=complete_sessions
)
@trees_option
@kb_options
def walk(
    tree: str | None,
    answers_file: Path | None,
    export: str,
    fmt: str | None,
    force: bool,
    mermaid: bool,
    session_name: str | None,
    resume_name: str | None,
    trees_dir: Path | None,
    articles: Path | None,
    index_dir: Path | None,
) -> None:
    """Walk a decision tree (an id from the trees folder, or a YAML file) to a checklist.

    TREE may also be an article id: its hand-written tree if there is one, else a tree
    drafted from the article on the fly (said on stderr). Asks one step at a time on
    the terminal (stdin works too, piped or over ssh); type `back` to undo the last
    step and `quit` to stop. With --answers it runs without asking. The checklist is
    printed, or written with --export: ticket-ready, naming the articles, the host, the
    user and the date (each can be switched off: `kbassist config`).
    """
    from kbassist.errors import OutputError, UsageError
    from kbassist.fileio import atomic_write, check_may_write
    from kbassist.trees.engine import Walk

    if session_name and resume_name:
        raise UsageError("use --session to start a saved walk or --resume to continue one")
    if resume_name and answers_file:
        raise UsageError("--resume continues interactively; it cannot take --answers")
    if tree is None and resume_name is None:
        raise UsageError("name a tree (an id or a .yaml file), or --resume a session")
    out_path = None if export == "-" else Path(export)
    if fmt is None:
        fmt = "text" if out_path is not None and out_path.suffix.lower() == ".txt" else "markdown"
    if mermaid and fmt != "markdown":
        raise UsageError("--mermaid draws a Markdown flowchart: use it with --format markdown")
    if out_path is not None:
        check_may_write(out_path, overwrite=force)
        parent = out_path.parent
        if not parent.is_dir():
            # Said now, not after the last question: a walk is not lost to a typo.
            raise OutputError(f"cannot write: no folder {parent}", path=out_path)
    assistant = assistant_for(articles, index_dir, trees_dir)
    save_as = session_name or resume_name
    if session_name is not None and assistant.session_exists(session_name):
        raise UsageError(
            f"session {session_name!r} exists: continue it with --resume {session_name}"
        )

    ticked: tuple[tuple[str, str], ...] = ()
    if resume_name is not None:
        saved = assistant.read_session(resume_name)
        resumed = assistant.resume(
            saved, tree=_walk_tree(assistant, tree) if tree is not None else None
        )
        if resumed.walk.tree.drafted_from is not None and tree is None:
            note(
                f"session {saved.name} walks a tree auto-drafted from "
                f"{resumed.walk.tree.drafted_from}: drafted again from the article"
            )
        if resumed.message:
            note(resumed.message)
        the_walk = resumed.walk
        ticked = resumed.ticked  # kept in the file: the TUI shows them
    else:
        assert tree is not None
        the_walk = Walk(_walk_tree(assistant, tree))

    def save() -> None:
        if save_as is not None:
            assistant.save_session(save_as, the_walk, ticked=ticked)

    if answers_file is not None:
        assistant.walk_answers_file(the_walk, answers_file)
        save()
    else:
        save()
        if not _walk_interactive(the_walk, save):
            if save_as is not None:
                note(f"saved: continue with `kbassist walk --resume {save_as}`")
            else:
                note("walk stopped; nothing was saved")
            return
    text = assistant.export_walk(
        the_walk,
        "text" if fmt == "text" else "markdown",
        ticked=ticked,
        mermaid=mermaid,
        kb_problem=lambda exc: note(f"article titles left out of the export: {exc}"),
    )
    if out_path is None:
        echo(text, nl=False)
        return
    atomic_write(out_path, text, overwrite=force)
    note(f"checklist written to {out_path}")


def _walk_tree(assistant: Assistant, ref: str) -> Any:
    """The tree `walk` means by `ref` (`Assistant.resolve_tree`); for an article, stderr
    says whether it is the article's hand-written tree or a draft made on the fly."""
    choice = assistant.resolve_tree(ref)
    if choice.article_id is None:
        return choice.tree
    if choice.drafted:
        note(
            f"{choice.article_id} has no decision tree: walking {choice.tree.id}, "
            "auto-drafted from the article (check each step against it)"
        )
    else:
        note(f"walking {choice.tree.id}, the decision tree drawn from {choice.article_id}")
    return choice.tree


def _info_lines(text: str) -> list[str]:
    """An info step's text line by line (runs of blank lines as one): commands shown in
    it keep their lines, so each can be copied and run as written."""
    lines: list[str] = []
    for raw in text.strip().splitlines():
        line = " ".join(raw.split())
        if line or (lines and lines[-1]):
            lines.append(line)
    return lines


def _walk_interactive(the_walk: Any, save: Callable[[], None]) -> bool:
    """Ask step by step on stderr, reading lines from stdin; False if the admin quits."""
    from kbassist.errors import UsageError
    from kbassist.trees.engine import AnswerError
    from kbassist.trees.model import Info

    def say(text: str = "") -> None:
        echo(text, err=True)

    tree = the_walk.tree
    say(f"{tree.title}  ({tree.id} v{tree.version})")
    say(f"Symptom: {' '.join(tree.symptom.split())}")
    say("Type `back` to undo the last step, `quit` to stop.")
    while not the_walk.is_finished:
        node = the_walk.current
        say()
        say(f"[{the_walk.index + 1}] {node.title}")
        if isinstance(node, Info):  # a check's commands stay one per line, to copy
            for line in _info_lines(the_walk.prompt()):
                say(line)
        else:
            say(" ".join(the_walk.prompt().split()))
        choices = getattr(node, "choices", ())
        for n, choice in enumerate(choices, start=1):
            say(f"  {n}) {choice.label}")
        if the_walk.help_text():
            say(f"  ({' '.join(the_walk.help_text().split())})")
        if isinstance(node, Info):
            ask = "Press Enter to continue"
        else:
            suggestion = the_walk.suggestion()
            ask = f"Answer [{suggestion}]" if suggestion is not None else "Answer"
        echo(f"{ask}> ", err=True, nl=False)
        line = sys.stdin.readline()
        if not line:
            say()
            raise UsageError(
                f"input ended before the walk finished (at step {the_walk.index + 1}, {node.id})"
            )
        text = line.strip()
        command = text.lower()
        if command in ("quit", "exit"):
            return False
        if command == "back":
            if not the_walk.back():
                say("Already at the first step.")
            continue
        if not text and the_walk.suggestion() is not None and node.var is not None:
            text = the_walk.suggestion() or ""
        try:
            the_walk.answer(text)
        except AnswerError as exc:
            say(f"  ! {' '.join(exc.message.split())}")
            if exc.node_id != node.id:
                fix = tree.nodes[exc.node_id].title
                say(f"  (the answer to change is at step {fix!r}: type `back` to reach it)")
            continue
        save()
    return True


def _session_json(saved: Any) -> dict[str, Any]:
    """One saved session as `kbassist sessions --json` lists it."""
    from kbassist.sanitize import displayable

    return {
        "name": saved.name,
        "tree_id": saved.tree_id,
        "tree_version": saved.tree_version,
        "drafted_from": saved.drafted_from,
        "articles": saved.articles,
        "steps": len(saved.steps),
        "finished": saved.finished,
        "current": None if saved.finished else saved.current,
        "updated": saved.updated,
        "path": displayable(str(saved.path)),
    }


@main.command("sessions")
@click.option(
    "--delete", "delete_name", help="Delete this saved session.", shell_complete=complete_sessions
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of sessions.")
def sessions_command(delete_name: str | None, as_json: bool) -> None:
    """List saved walks (newest first), or delete one with --delete."""
    from kbassist.trees.session import sessions_dir

    assistant = assistant_for()
    if delete_name is not None:
        assistant.delete_session(delete_name)
        note(f"deleted session {delete_name}")
        return
    found, failed = assistant.list_sessions()
    if as_json:
        echo(json.dumps([_session_json(saved) for saved in found], indent=2))
        for path, reason in failed:
            note(f"unreadable session {path}: {reason}")
        return
    for saved in found:
        state = "finished" if saved.finished else f"at {saved.current}"
        other = assistant.elsewhere(saved)
        where = f"  (articles in {other})" if other else ""
        echo(
            f"{saved.name}  {saved.tree_id} v{saved.tree_version}  "
            f"{counted(len(saved.steps), 'step')}, {state}  {saved.updated}{where}"
        )
    for path, reason in failed:
        note(f"unreadable session {path}: {reason}")
    if not found and not failed:
        note(f"no saved sessions (in {sessions_dir()})")
