"""A new node kind is one model class and one reader: the loader, lint and engine need no edit."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import pytest

from kbassist.trees.checklist import build_checklist
from kbassist.trees.conditions import Value
from kbassist.trees.engine import AnswerError, Walk
from kbassist.trees.lint import lint_result
from kbassist.trees.loader import read_tree_bytes
from kbassist.trees.model import Node
from kbassist.trees.node_readers import NODE_READERS, NodeFields, node_reader
from kbassist.trees.values import InvalidValue


@dataclass(frozen=True, kw_only=True)
class Confirm(Node):
    """A step done by hand: the walk goes on once the admin types `done`."""

    kind: ClassVar[str] = "confirm"

    next: str

    def successors(self) -> Iterator[tuple[str, str]]:
        yield "", self.next

    def read_answer(self, text: str) -> Value | None:
        if text.casefold() != "done":
            raise InvalidValue("type done once the step is done")
        return None

    def next_for(self, value: Value | None) -> str:
        return self.next


def read_confirm(f: NodeFields, common: dict[str, Any]) -> Confirm | None:
    """The confirm step's reader: its `next`, checked like any other link."""
    next_ = f.req("next", lambda n: f.reader.target(n, "next", f.node_id))
    return Confirm(**common, next=next_) if f.ok else None


@pytest.fixture
def confirm_kind() -> Iterator[None]:
    """The `confirm` kind registered for one test, then removed again."""
    node_reader(Confirm, {"next": True})(read_confirm)
    yield
    del NODE_READERS["confirm"]


TREE = """\
id: confirm-demo
title: Restart the spooler
version: 1
articles: [Q1]
symptom: Print jobs stay queued.
cause: The spooler hangs.
nodes:
  - id: stop
    kind: confirm
    title: Stop the spooler
    text: Stop the print spooler service, then type done.
    next: fixed
  - id: fixed
    kind: outcome
    title: Start it again
    steps:
      - text: Start the print spooler service.
        source: {article: Q1, section: RESOLUTION}
"""


def load(text: str) -> Any:
    return read_tree_bytes(text.encode(), Path("confirm-demo.yaml"))


def test_a_registered_kind_loads_lints_and_walks(confirm_kind: None) -> None:
    """A tree using the new kind passes lint and walks: refused until `done`, then on."""
    result = load(TREE)
    assert lint_result(result) == []
    walk = Walk(result.tree)
    assert isinstance(walk.current, Confirm)
    with pytest.raises(AnswerError, match="type done once the step is done"):
        walk.answer("later")
    assert walk.current.id == "stop"
    walk.answer("done")
    assert walk.is_finished
    assert [item.text for item in build_checklist(walk).items] == [
        "Start the print spooler service."
    ]


def test_a_registered_kinds_keys_and_links_are_checked(confirm_kind: None) -> None:
    """Its missing key, a key of another kind, a dangling link and what that leaves
    unreachable are reported by line."""
    broken = TREE.replace("    next: fixed\n", "    choices: []\n")
    problems = [str(p) for p in lint_result(load(broken))]
    assert "confirm-demo.yaml:8:5: a confirm node is missing the key 'next' (stop)" in problems
    assert (
        "confirm-demo.yaml:12:5: key 'choices' does not belong in a confirm node (stop)" in problems
    )
    dangling = [str(p) for p in lint_result(load(TREE.replace("next: fixed", "next: fixd")))]
    assert dangling == [
        "confirm-demo.yaml:12:11: next points to 'fixd', which is not a node "
        "(did you mean 'fixed'?) (stop)",
        "confirm-demo.yaml:13:5: unreachable: no path from the start (stop) leads here (fixed)",
    ]


def test_an_unregistered_kind_is_refused_naming_the_registered_ones() -> None:
    """Without its reader the kind is unknown, and the message lists the kinds there are."""
    problems = [str(p) for p in lint_result(load(TREE))]
    assert (
        "confirm-demo.yaml:9:11: kind 'confirm' is not one of question, input, info, outcome"
        " (stop)" in problems
    )
