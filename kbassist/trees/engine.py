"""The walk engine: a pure state machine over one tree, for any UI.

A `Walk` is at one node (`current`) with the steps taken to get there (`history`).
The UI shows `current`, calls `answer(raw_text)` with what the admin typed (nothing
for an info node), and reads the next `current`. `back()`, `jump(index)` and `restart()`
undo. Invalid input and broken constraints raise `AnswerError` and change nothing::

    walk = Walk(tree)
    while not walk.is_finished:
        step = walk.current                     # Question | Input | Info
        try:
            walk.answer(input(walk.prompt()))
        except AnswerError as exc:
            print(exc.message)                  # exc.node_id: the step that can fix it
    checklist = build_checklist(walk)           # kbassist.trees.checklist

No I/O, no clock, no globals: the same answers always give the same walk.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kbassist.trees.conditions import ConditionError, Value
from kbassist.trees.model import Constraint, Node, Outcome, Tree
from kbassist.trees.values import InvalidValue, value_text

#: A walk from an answers file stops after this many steps (a tree loop answered the
#: same way forever).
MAX_STEPS = 1000


class AnswerError(Exception):
    """An answer was refused. `node_id` is the step whose answer should change.

    For a bad value that is the current step; for a broken constraint it is the
    constraint's `fix` step (maybe an earlier one: the UI can offer `jump`).
    """

    def __init__(
        self,
        message: str,
        node_id: str,
        *,
        var: str | None = None,
        constraint: Constraint | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.node_id = node_id
        self.var = var
        self.constraint = constraint


class MissingAnswer(AnswerError):
    """`walk_with_answers` reached a step whose variable has no answer."""


class StepLimitError(AnswerError):
    """`walk_with_answers` took `max_steps` steps without finishing: the answers keep
    the walk going round a loop of the tree (`retry` answered forever)."""


@dataclass(frozen=True, slots=True)
class Step:
    """One step taken: the node shown and the answer given (None for an info node)."""

    index: int
    node: Node
    value: Value | None = None

    @property
    def display_value(self) -> str:
        """The answer as the admin would read it (a choice's label, not its value)."""
        if self.value is None:
            return ""
        return self.node.display_value(self.value)


@dataclass(frozen=True, slots=True)
class ReplayReport:
    """How far a replay of saved steps got, and why it stopped early (if it did)."""

    replayed: int
    total: int
    reason: str = ""

    @property
    def complete(self) -> bool:
        return self.replayed == self.total and not self.reason


class Walk:
    """One admin's way through one tree."""

    def __init__(self, tree: Tree) -> None:
        if tree.start not in tree.nodes:
            raise ValueError(f"tree {tree.id!r} has no start node {tree.start!r}")
        self.tree = tree
        self._steps: list[Step] = []
        self._current: Node = tree.nodes[tree.start]
        self._undone: dict[str, Value] = {}

    # ----------------------------------------------------------------- reading

    @property
    def current(self) -> Node:
        """The node to show now (an Outcome once the walk is finished)."""
        return self._current

    @property
    def index(self) -> int:
        """The current step's position: 0 at the start, len(history) always."""
        return len(self._steps)

    @property
    def history(self) -> tuple[Step, ...]:
        """The steps taken before the current one, first first."""
        return tuple(self._steps)

    @property
    def path(self) -> list[str]:
        """Node ids visited, the current one last (what the Mermaid chart highlights)."""
        return [s.node.id for s in self._steps] + [self._current.id]

    @property
    def answers(self) -> dict[str, Value]:
        """Variable -> value for every answer on the current path (a copy)."""
        found: dict[str, Value] = {}
        for step in self._steps:
            if step.node.var is not None and step.value is not None:
                found[step.node.var] = step.value
        return found

    @property
    def is_finished(self) -> bool:
        """True once an outcome (a final node) is reached."""
        return self._current.final

    @property
    def outcome(self) -> Outcome | None:
        """The outcome reached, or None while walking."""
        return self._current if isinstance(self._current, Outcome) else None

    def prompt(self) -> str:
        """The current node's text (placeholders filled), or its title if it has none."""
        node = self._current
        if node.text is None:
            return node.title
        return node.text.render(self.answers)

    def help_text(self) -> str:
        """The current step's help line (placeholders filled), or ''."""
        help_ = self._current.help
        return help_.render(self.answers) if help_ is not None else ""

    def suggestion(self) -> str | None:
        """What to pre-fill: the answer given here before going back, else the default."""
        node = self._current
        if node.var is not None and node.var in self._undone:
            return value_text(self._undone[node.var])
        default = node.default_value()
        return value_text(default) if default is not None else None

    def index_of(self, node_id: str) -> int | None:
        """The last step index at which `node_id` was shown (for jumping to a fix)."""
        if self._current.id == node_id:
            return self.index
        for step in reversed(self._steps):
            if step.node.id == node_id:
                return step.index
        return None

    # ----------------------------------------------------------------- answering

    def validate(self, raw: str | None) -> Value | None:
        """The value `raw` would give at the current step; AnswerError if refused.

        An empty answer takes the input's default. Nothing changes.
        """
        node = self._current
        if node.final:
            raise AnswerError("the walk is finished: go back or restart", node.id)
        try:
            value = node.read_answer((raw or "").strip())
        except InvalidValue as exc:
            raise AnswerError(str(exc), node.id, var=node.var) from None
        if value is not None:
            self._check_constraints(node, value)
        return value

    def answer(self, raw: str | None = None) -> Node:
        """Answer the current step (or move on from an info node); returns the new node."""
        node = self._current
        value = self.validate(raw)
        self._steps.append(Step(len(self._steps), node, value))
        if node.var is not None:
            self._undone.pop(node.var, None)
        self._current = self.tree.nodes[node.next_for(value)]
        return self._current

    def _check_constraints(self, node: Node, value: Value) -> None:
        if node.var is None:
            return
        answers = {**self.answers, node.var: value}
        for constraint in self.tree.constraints:
            names = constraint.check.variables
            if node.var not in names or not names <= answers.keys():
                continue
            try:
                holds = constraint.check.evaluate(answers)
            except ConditionError as exc:
                holds = False
                message = f"cannot check {constraint.check}: {exc.message}"
            else:
                message = constraint.message.render(answers)
            if not holds:
                fix = constraint.fix or node.id
                raise AnswerError(
                    " ".join(message.split()), fix, var=node.var, constraint=constraint
                )

    def broken_constraints(self) -> list[tuple[Constraint, str]]:
        """Constraints the current answers break, with their messages (normally none)."""
        answers = self.answers
        broken = []
        for constraint in self.tree.constraints:
            if not constraint.check.variables <= answers.keys():
                continue
            try:
                if constraint.check.evaluate(answers):
                    continue
            except ConditionError:
                pass
            broken.append((constraint, " ".join(constraint.message.render(answers).split())))
        return broken

    # ----------------------------------------------------------------- undoing

    def back(self) -> bool:
        """Undo the last step (its answer becomes the suggestion); False at the start."""
        if not self._steps:
            return False
        self.jump(len(self._steps) - 1)
        return True

    def jump(self, index: int) -> None:
        """Go back to step `index` (0 = the start), undoing it and every later step."""
        if not 0 <= index <= len(self._steps):
            raise IndexError(f"no step {index}: the walk has {len(self._steps) + 1} steps")
        if index == len(self._steps):
            return
        undone = self._steps[index:]
        for step in undone:
            if step.node.var is not None and step.value is not None:
                self._undone[step.node.var] = step.value
        self._current = undone[0].node
        del self._steps[index:]

    def restart(self) -> None:
        """Back to the start with no answers and no suggestions."""
        self._steps.clear()
        self._undone.clear()
        self._current = self.tree.nodes[self.tree.start]

    # ----------------------------------------------------------------- replay

    def replay(self, steps: list[tuple[str, str | None]]) -> ReplayReport:
        """Re-take saved steps (node id, answer text) from the start, as far as they fit.

        Stops, without raising, at the first step that is no longer the node the tree
        leads to or whose answer the tree now refuses; the report says which and why.
        """
        self.restart()
        for count, (node_id, raw) in enumerate(steps):
            if self._current.id != node_id:
                if node_id in self.tree.nodes:
                    reason = (
                        f"step {count + 1} was {node_id!r}, but the tree now leads to "
                        f"{self._current.id!r}"
                    )
                else:
                    reason = f"step {count + 1} ({node_id!r}) is no longer in the tree"
                return ReplayReport(count, len(steps), reason)
            try:
                self.answer(raw)
            except AnswerError as exc:
                reason = f"step {count + 1} ({node_id}): {raw!r} is no longer accepted: {exc}"
                if raw is not None and self._current.var is not None:
                    self._undone[self._current.var] = raw
                return ReplayReport(count, len(steps), reason)
        return ReplayReport(len(steps), len(steps))


def walk_with_answers(
    tree: Tree,
    answers: Mapping[str, str],
    *,
    max_steps: int = MAX_STEPS,
    walk: Walk | None = None,
) -> Walk:
    """Walk non-interactively: each step takes `answers[var]` (text, as if typed).

    Continues `walk` (of `tree`) if given, so a caller keeps the walk to report where
    it stopped; else starts a new one. Raises MissingAnswer for a step with no answer,
    AnswerError for a refused one (both carry the variable and the node), and
    StepLimitError once `max_steps` steps did not reach an outcome.
    """
    walk = walk if walk is not None else Walk(tree)
    while not walk.is_finished:
        if walk.index >= max_steps:
            node = walk.current
            raise StepLimitError(
                f"the walk did not finish within {max_steps} steps: the answers go round "
                f"a loop of the tree (back to step {node.id!r} again and again)",
                node.id,
                var=node.var,
            )
        node = walk.current
        if node.var is None:
            walk.answer()
            continue
        if node.var not in answers:
            raise MissingAnswer(
                f"no answer for {node.var!r} ({walk.prompt()})", node.id, var=node.var
            )
        walk.answer(answers[node.var])
    return walk
