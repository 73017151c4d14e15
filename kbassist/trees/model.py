"""The decision-tree model: what a tree file means once it is loaded and checked.

Built only by `kbassist.trees.loader`; read by the engine, lint, the tree tests, the
checklist export and the TUI. Everything is frozen: a walk never changes its tree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Literal

from kbassist.trees.conditions import Condition, Value
from kbassist.trees.templates import Template, format_value
from kbassist.trees.values import (
    InvalidValue,
    match_choice,
    parse_number,
    parse_text,
    parse_time,
)

InputType = Literal["text", "time", "number", "choice"]
INPUT_TYPES: tuple[str, ...] = ("text", "time", "number", "choice")
ITEM_LISTS: tuple[str, ...] = ("steps", "verify", "rollback")
#: What `kbassist draft` appends to an article's id to name its draft tree.
DRAFT_SUFFIX = "-draft"
#: The `path` of a drafted Tree that was never written to a file (sessions of older
#: versions name it; `kbassist.trees.session` reads them as drafted walks).
DRAFT_PATH = Path("<auto-drafted>")


@dataclass(frozen=True, slots=True)
class Pos:
    """Where something was written: 1-based line and column in the tree file."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Source:
    """The article section an item is drawn from (the citation shown with it)."""

    article: str
    section: str
    pos: Pos = field(default=Pos(0, 0), compare=False)

    def __str__(self) -> str:
        return f"{self.article}, {self.section}"


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer to a question (or one option of a choice input)."""

    value: str
    label: str
    next: str = ""  # empty for choice inputs, which go to the input's `next`
    pos: Pos = field(default=Pos(0, 0), compare=False)


@dataclass(frozen=True, slots=True)
class Item:
    """One checklist line: a template, an optional condition, and its source.

    `detail` is shown under the line but not ticked: a command or code listing kept
    verbatim (line breaks and all), a note or a table the step comes with.
    """

    template: Template
    source: Source
    when: Condition | None = None
    detail: Template | None = None
    pos: Pos = field(default=Pos(0, 0), compare=False)


@dataclass(frozen=True, kw_only=True)
class Node:
    """What all node kinds share. `text` may use `{name}` placeholders.

    A node kind is a subclass that says what an answer means at it (`read_answer`),
    where each answer leads (`next_for`, `successors`) and which variable it sets
    (`var`); its reader in `kbassist.trees.node_readers` builds it from YAML. The
    engine, lint and the exports ask the node, so a new kind touches no `if` chain.
    """

    #: The `kind:` a tree file writes for this node class.
    kind: ClassVar[str] = ""
    #: Whether reaching this node ends the walk.
    final: ClassVar[bool] = False

    id: str
    title: str
    text: Template | None = None
    help: Template | None = None
    source: Source | None = None
    pos: Pos = field(default=Pos(0, 0), compare=False)

    def successors(self) -> Iterator[tuple[str, str]]:
        """(edge label, next node id) for every way out of this node."""
        return iter(())

    @property
    def var(self) -> str | None:
        """The answer this node sets, if any."""
        return None

    def read_answer(self, text: str) -> Value | None:
        """The value the answer `text` (stripped) gives here; None for a node that takes
        no answer. InvalidValue, with a message saying what would do, when refused."""
        return None

    def next_for(self, value: Value | None) -> str:
        """The id of the node the answer `value` (from `read_answer`) leads to."""
        raise ValueError(f"{self.kind} node {self.id} has no next")

    def default_value(self) -> Value | None:
        """The value an empty answer takes, if there is one."""
        return None

    def display_value(self, value: Value) -> str:
        """An answer as the admin reads it (a choice's label, not its value)."""
        return format_value(value)

    def value_type(self) -> tuple[str, tuple[str, ...]]:
        """(type, choice values) of the answer it sets, for lint's comparison checks."""
        return "text", ()

    def sources(self) -> Iterator[Source]:
        """Every citation written on this node (its own, then its items')."""
        if self.source is not None:
            yield self.source


def _label_of(choices: tuple[Choice, ...], value: Value) -> str:
    for choice in choices:
        if choice.value == value:
            return choice.label
    return format_value(value)


@dataclass(frozen=True, kw_only=True)
class Question(Node):
    """Pick one of `choices`; each choice leads to its own next node."""

    kind: ClassVar[str] = "question"

    variable: str
    choices: tuple[Choice, ...]

    @property
    def var(self) -> str:
        return self.variable

    def successors(self) -> Iterator[tuple[str, str]]:
        for choice in self.choices:
            yield choice.label, choice.next

    def parse(self, raw: str) -> str:
        """The chosen value from its value, label or number; InvalidValue otherwise."""
        return match_choice(raw, [(c.value, c.label) for c in self.choices])

    def read_answer(self, text: str) -> Value:
        if not text:
            raise InvalidValue("an answer is required")
        return self.parse(text)

    def next_for(self, value: Value | None) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.next
        raise ValueError(f"{value!r} is not a choice of {self.id}")  # parse() checked

    def display_value(self, value: Value) -> str:
        return _label_of(self.choices, value)

    def value_type(self) -> tuple[str, tuple[str, ...]]:
        return "choice", tuple(c.value for c in self.choices)


@dataclass(frozen=True, kw_only=True)
class Input(Node):
    """A named, typed value the admin enters, with an optional default and a help line."""

    kind: ClassVar[str] = "input"

    variable: str
    type: str  # one of INPUT_TYPES
    next: str
    default: Value | None = None
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    choices: tuple[Choice, ...] = ()
    format: str = ""  # text only: one of values.TEXT_FORMATS, checked like the type

    @property
    def var(self) -> str:
        return self.variable

    def successors(self) -> Iterator[tuple[str, str]]:
        yield "", self.next

    def parse(self, raw: str) -> Value:
        """The typed value of `raw`; InvalidValue with a message saying what would do."""
        if self.type == "time":
            return parse_time(raw)
        if self.type == "number":
            return parse_number(
                raw, minimum=self.minimum, maximum=self.maximum, integer=self.integer
            )
        if self.type == "choice":
            return match_choice(raw, [(c.value, c.label) for c in self.choices])
        if self.type == "text":
            return parse_text(raw, fmt=self.format)
        raise InvalidValue(f"unknown input type {self.type!r}")  # the loader refuses these

    def read_answer(self, text: str) -> Value:
        if text:
            return self.parse(text)
        if self.default is not None:
            return self.default
        raise InvalidValue("an answer is required")

    def next_for(self, value: Value | None) -> str:
        return self.next

    def default_value(self) -> Value | None:
        return self.default

    def display_value(self, value: Value) -> str:
        return _label_of(self.choices, value)

    def value_type(self) -> tuple[str, tuple[str, ...]]:
        return self.type, tuple(c.value for c in self.choices)


@dataclass(frozen=True, kw_only=True)
class Info(Node):
    """An explanation to read (the cause, a warning), then on to `next`."""

    kind: ClassVar[str] = "info"

    next: str
    #: Its text is checks the admin runs (commands whose output decides what follows):
    #: the export lists them, as a ticket should say what was looked at.
    checks: bool = False

    def successors(self) -> Iterator[tuple[str, str]]:
        yield "", self.next

    def next_for(self, value: Value | None) -> str:
        return self.next


@dataclass(frozen=True, kw_only=True)
class Outcome(Node):
    """The end of a walk: the chosen mitigation (`title`) and its checklists."""

    kind: ClassVar[str] = "outcome"
    final: ClassVar[bool] = True

    steps: tuple[Item, ...]
    verify: tuple[Item, ...] = ()
    rollback: tuple[Item, ...] = ()

    def item_lists(self) -> Iterator[tuple[str, tuple[Item, ...]]]:
        """("steps" | "verify" | "rollback", items) in the order they are done."""
        yield "steps", self.steps
        yield "verify", self.verify
        yield "rollback", self.rollback

    def sources(self) -> Iterator[Source]:
        yield from super().sources()
        for _, items in self.item_lists():
            for item in items:
                yield item.source


@dataclass(frozen=True, slots=True)
class Constraint:
    """A rule across answers, checked once every answer it reads is set.

    `fix` names the step whose answer should change when it is broken (by default the
    step just answered).
    """

    check: Condition
    message: Template
    fix: str | None = None
    pos: Pos = field(default=Pos(0, 0), compare=False)


@dataclass(frozen=True, slots=True)
class TreeTest:
    """A test case carried by the tree: answers in, outcome and checklist lines out."""

    name: str
    answers: tuple[tuple[str, str], ...]  # (variable, text as typed), in file order
    outcome: str | None = None
    checklist: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    error: str | None = None
    pos: Pos = field(default=Pos(0, 0), compare=False)


@dataclass(frozen=True)
class Tree:
    """One decision tree, loaded from one file."""

    id: str
    title: str
    version: int
    articles: tuple[str, ...]
    symptom: str
    cause: str
    start: str
    nodes: dict[str, Node]  # in file order
    constraints: tuple[Constraint, ...] = ()
    tests: tuple[TreeTest, ...] = ()
    path: Path = Path()
    content_hash: str = ""
    draft: bool = False  # `draft: true`: written by `kbassist draft`, not yet reviewed
    #: Set on a tree drafted on the fly from this article and never written to a file:
    #: a session of it is resumed by drafting the article again, not from `path`.
    drafted_from: str | None = None

    def node(self, node_id: str) -> Node:
        """The node with this id (KeyError if none: ids come from a checked tree)."""
        return self.nodes[node_id]

    def outcomes(self) -> list[Outcome]:
        """Every outcome, in file order."""
        return [n for n in self.nodes.values() if isinstance(n, Outcome)]

    def variables(self) -> dict[str, list[Node]]:
        """Each answer variable and the nodes that set it."""
        found: dict[str, list[Node]] = {}
        for node in self.nodes.values():
            if node.var is not None:
                found.setdefault(node.var, []).append(node)
        return found

    def cites(self, article_id: str) -> bool:
        """Whether this tree is drawn from `article_id` (ids compare case-insensitively)."""
        key = article_id.strip().casefold()
        return any(a.casefold() == key for a in self.articles)


@dataclass(frozen=True, slots=True)
class TreeProblem:
    """One thing wrong in a tree file; `str()` is `file:line:col: message (node id)`."""

    path: Path
    line: int
    column: int
    message: str
    node_id: str | None = None

    def __str__(self) -> str:
        suffix = f" ({self.node_id})" if self.node_id else ""
        if self.line <= 0:  # about the file as a whole (missing, unreadable)
            return f"{self.path}: {self.message}{suffix}"
        return f"{self.path}:{self.line}:{self.column}: {self.message}{suffix}"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (str(self.path), self.line, self.column, self.message)
