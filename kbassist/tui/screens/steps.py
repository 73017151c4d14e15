"""How the walk screen shows each kind of step: a map from node class to step view.

The walk screen asks `step_view(node)` what to show for the current step and how it is
answered (from a list, typed in a box, or Continue); it never tests a node's class
itself. A new node kind is one factory registered in `STEP_VIEWS` (a subclass of a
registered kind gets its parent's view until it has its own).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kbassist.trees.model import Choice, Info, Node, Outcome, Question
from kbassist.trees.model import Input as InputNode
from kbassist.trees.values import TEXT_FORMATS

#: What the answer box says before anything is typed, by input type.
PLACEHOLDERS = {
    "time": "a time of day: 00:00, 9:05, 1:00 AM, midnight…",
    "number": "a number",
    "text": "type the answer",
}


@dataclass(frozen=True)
class StepView:
    """How one step is shown and answered in the walk screen's step pane."""

    node: Node
    #: Answered from a list (number keys, arrows and Enter, or a click).
    choices: tuple[Choice, ...] = ()
    #: Answered in the text box, checked as it is typed.
    typed: bool = False
    #: Read and go on: the Continue button answers it.
    continues: bool = False
    #: The text box's placeholder (typed steps).
    placeholder: str = ""


def question_view(node: Node) -> StepView:
    """A question: its choices as a list."""
    assert isinstance(node, Question)
    return StepView(node, choices=node.choices)


def input_view(node: Node) -> StepView:
    """An input: a list for a choice input, else a box checked as it is typed."""
    assert isinstance(node, InputNode)
    if node.type == "choice":
        return StepView(node, choices=node.choices)
    if node.type == "text" and node.format:  # "a host name: …, e.g. SERVER1"
        return StepView(node, typed=True, placeholder=TEXT_FORMATS[node.format])
    return StepView(node, typed=True, placeholder=PLACEHOLDERS.get(node.type, ""))


def info_view(node: Node) -> StepView:
    """An information step: read it, then Continue."""
    return StepView(node, continues=True)


def outcome_view(node: Node) -> StepView:
    """An outcome ends the walk (the checklist shows it): nothing to answer here."""
    return StepView(node)


#: The step view of each node class.
STEP_VIEWS: dict[type[Node], Callable[[Node], StepView]] = {
    Question: question_view,
    InputNode: input_view,
    Info: info_view,
    Outcome: outcome_view,
}


def step_view(node: Node) -> StepView:
    """The view of `node`'s class, or of the nearest registered class it derives from.

    A kind with no view is shown as text to read and go on from, never as a crash.
    """
    for kind in type(node).__mro__:
        factory = STEP_VIEWS.get(kind)
        if factory is not None:
            return factory(node)
    return StepView(node, continues=True)
