"""How each node kind is read from its YAML mapping: one reader per kind, in a registry.

The loader reads what every node has (`id`, `kind`, `title`, `text`, `source`), looks
up the reader registered for the kind, checks the mapping's keys against the reader's,
and lets the reader build the node. A new node kind is one model class (behaviour in
`kbassist.trees.model`) and one function here::

    @node_reader(Pause, {"seconds": True, "next": True})
    def read_pause(f: NodeFields, common: dict[str, Any]) -> Pause | None:
        seconds = f.req("seconds", lambda n: f.reader.integer(n, "seconds", f.node_id))
        next_ = f.req("next", lambda n: f.reader.target(n, "next", f.node_id))
        return Pause(**common, seconds=seconds, next=next_) if f.ok else None

Readers never raise for bad input: they report through `f.reader.add` (or the reader's
checked getters, which report for them) and return None.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from kbassist.trees.model import (
    INPUT_TYPES,
    Choice,
    Info,
    Input,
    Item,
    Node,
    Outcome,
    Pos,
    Question,
)
from kbassist.trees.reader import VAR_RE, TreeReader, did_you_mean, pos_of
from kbassist.trees.values import TEXT_FORMATS, InvalidValue

#: Keys every node may have (name -> required); a reader adds its own.
COMMON_NODE_KEYS = {"id": True, "kind": True, "title": False, "text": False, "source": False}
_CHOICE_KEYS = {"value": True, "label": False, "next": True}
_INPUT_CHOICE_KEYS = {"value": True, "label": False}
_ITEM_KEYS = {"text": True, "detail": False, "when": False, "source": True}


class NodeFields:
    """One node's mapping, its keys already checked, and whether every key read cleanly.

    `opt` reads a key if it is written; `req` also marks the node broken when it is not
    (the missing key was reported by the key check). A key that fails to read marks it
    broken too, so a reader ends with `return Node(...) if f.ok else None`.
    """

    def __init__(
        self, reader: TreeReader, node_id: str, fields: dict[str, yaml.Node], pos: Pos
    ) -> None:
        self.reader = reader
        self.node_id = node_id
        self.fields = fields
        self.pos = pos
        self.ok = True

    def __contains__(self, key: str) -> bool:
        return key in self.fields

    def __getitem__(self, key: str) -> yaml.Node:
        return self.fields[key]

    def opt(self, key: str, read: Callable[[yaml.Node], Any]) -> Any:
        """`read` of the key's value, or None when the key is absent or unreadable."""
        if key not in self.fields:
            return None
        value = read(self.fields[key])
        if value is None:
            self.ok = False
        return value

    def req(self, key: str, read: Callable[[yaml.Node], Any]) -> Any:
        """Like `opt`, and the node is broken when the key is absent."""
        if key not in self.fields:
            self.ok = False  # "missing the key" was reported by TreeReader.mapping()
            return None
        return self.opt(key, read)


#: Builds one node from its fields and the common keys (id, title, text, source, pos).
ReadNode = Callable[[NodeFields, dict[str, Any]], Node | None]


@dataclass(frozen=True, slots=True)
class NodeReader:
    """A node kind as a tree file writes it: its class, its keys, and how to read it."""

    node_type: type[Node]
    keys: dict[str, bool]  # every key it may have, common ones included -> required
    read: ReadNode

    @property
    def kind(self) -> str:
        return self.node_type.kind


#: kind -> reader, in the order the kinds are listed in messages.
NODE_READERS: dict[str, NodeReader] = {}


def node_reader(node_type: type[Node], keys: dict[str, bool]) -> Callable[[ReadNode], ReadNode]:
    """Register the decorated function as the reader of `node_type.kind` nodes.

    `keys` are the kind's own keys (name -> required); they may override a common one
    (an info node requires `text`).
    """

    def register(read: ReadNode) -> ReadNode:
        NODE_READERS[node_type.kind] = NodeReader(node_type, {**COMMON_NODE_KEYS, **keys}, read)
        return read

    return register


def all_node_keys() -> dict[str, bool]:
    """Every key any node kind may have, none required (for a node of unknown kind)."""
    return {key: False for reader in NODE_READERS.values() for key in reader.keys}


# --------------------------------------------------------------------------- kinds


def _variable(f: NodeFields) -> str | None:
    """`var:`, else the node id when it can be a variable name (reported if not)."""
    variable = f.opt(
        "var",
        lambda n: f.reader.ident(
            n,
            "var",
            VAR_RE,
            "use letters, digits and '_' (it is used in {placeholders})",
            f.node_id,
        ),
    )
    if variable is None and "var" not in f:
        if VAR_RE.match(f.node_id):
            variable = f.node_id
        else:
            f.reader.add(
                f.pos, f"node id {f.node_id!r} cannot be a variable name: add var:", f.node_id
            )
            f.ok = False
    return variable


@node_reader(Question, {"var": False, "choices": True, "help": False})
def read_question(f: NodeFields, common: dict[str, Any]) -> Question | None:
    """A question: its variable, help line and choices (each with its `next`)."""
    variable = _variable(f)
    help_ = f.opt("help", lambda n: f.reader.template(n, "help", f.node_id))
    choices = f.req("choices", lambda n: read_choices(f.reader, n, f.node_id, with_next=True))
    if not f.ok or choices is None or variable is None:
        return None
    return Question(**common, variable=variable, choices=choices, help=help_)


@node_reader(
    Input,
    {
        "var": False,
        "type": True,
        "next": True,
        "help": True,
        "default": False,
        "min": False,
        "max": False,
        "integer": False,
        "choices": False,
        "format": False,
    },
)
def read_input(f: NodeFields, common: dict[str, Any]) -> Input | None:
    """A typed input: its type and the keys that type allows, its default checked like
    an answer."""
    reader, node_id = f.reader, f.node_id
    variable = _variable(f)
    help_ = f.opt("help", lambda n: reader.template(n, "help", node_id))
    input_type = f.req("type", lambda n: reader.text(n, "type", node_id))
    if input_type is not None and input_type not in INPUT_TYPES:
        reader.add(
            f["type"],
            f"type {input_type!r} is not one of {', '.join(INPUT_TYPES)}"
            f"{did_you_mean(input_type, INPUT_TYPES)}",
            node_id,
        )
        return None
    next_ = f.req("next", lambda n: reader.target(n, "next", node_id))
    for key, only in (
        ("min", "number"),
        ("max", "number"),
        ("integer", "number"),
        ("choices", "choice"),
        ("format", "text"),
    ):
        if key in f and input_type != only:
            reader.add(f[key], f"{key!r} is only for {only} inputs", node_id)
            f.ok = False
    minimum = f.opt("min", lambda n: reader.number(n, "min", node_id))
    maximum = f.opt("max", lambda n: reader.number(n, "max", node_id))
    integer = f.opt("integer", lambda n: reader.boolean(n, "integer", node_id)) or False
    text_format = f.opt("format", lambda n: reader.text(n, "format", node_id)) or ""
    if text_format and text_format not in TEXT_FORMATS:
        reader.add(
            f["format"],
            f"format {text_format!r} is not one of {', '.join(TEXT_FORMATS)}"
            f"{did_you_mean(text_format, tuple(TEXT_FORMATS))}",
            node_id,
        )
        f.ok = False
    choices: tuple[Choice, ...] = ()
    if input_type == "choice":
        choices = (
            f.req("choices", lambda n: read_choices(reader, n, node_id, with_next=False)) or ()
        )
        if "choices" not in f:
            reader.add(f.pos, "a choice input needs choices:", node_id)
    if minimum is not None and maximum is not None and minimum > maximum:
        reader.add(f["min"], f"min ({minimum}) is above max ({maximum})", node_id)
        f.ok = False
    if not f.ok or input_type is None or variable is None:
        return None
    node = Input(
        **common,
        variable=variable,
        type=input_type,
        next=next_,
        help=help_,
        minimum=minimum,
        maximum=maximum,
        integer=integer,
        choices=choices,
        format=text_format,
    )
    if "default" in f:
        default = _default(reader, f["default"], node)
        if default is None:
            return None
        node = dataclasses.replace(node, default=default)
    return node


def _default(reader: TreeReader, value_node: yaml.Node, node: Input) -> Any:
    """The default, checked like an answer; text-like defaults must be quoted text."""
    if node.type == "number":
        number = reader.number(value_node, "default", node.id)
        if number is None:
            return None
        raw = str(number)
    else:
        text = reader.text(value_node, "default", node.id)
        if text is None:
            return None
        raw = text
    try:
        return node.parse(raw)
    except InvalidValue as exc:
        reader.add(value_node, f"default: {exc}", node.id)
        return None


@node_reader(Info, {"text": True, "next": True, "checks": False})
def read_info(f: NodeFields, common: dict[str, Any]) -> Info | None:
    """An explanation: its text (required), where it goes next, and whether it is checks."""
    next_ = f.req("next", lambda n: f.reader.target(n, "next", f.node_id))
    checks = f.opt("checks", lambda n: f.reader.boolean(n, "checks", f.node_id)) or False
    if not f.ok or common["text"] is None:
        return None
    return Info(**common, next=next_, checks=checks)


@node_reader(Outcome, {"steps": True, "verify": False, "rollback": False})
def read_outcome(f: NodeFields, common: dict[str, Any]) -> Outcome | None:
    """An outcome: its steps (required), verify and rollback lists of items."""
    lists: dict[str, tuple[Item, ...]] = {}
    for key in ("steps", "verify", "rollback"):
        read = lambda n, key=key: read_items(f.reader, n, key, f.node_id)  # noqa: E731
        lists[key] = (f.req if key == "steps" else f.opt)(key, read) or ()
    if not f.ok:
        return None
    return Outcome(
        **common, steps=lists["steps"], verify=lists["verify"], rollback=lists["rollback"]
    )


# --------------------------------------------------------------------------- parts of nodes


def read_choices(
    reader: TreeReader, node: yaml.Node, node_id: str, *, with_next: bool
) -> tuple[Choice, ...] | None:
    """A question's choices (each with `next`) or a choice input's; None if any is bad."""
    items = reader.sequence(node, "choices", node_id)
    if items is None:
        return None
    if not items:
        reader.add(node, "choices is empty", node_id)
        return None
    out: list[Choice] = []
    seen: set[str] = set()
    ok = True
    for item in items:
        keys = _CHOICE_KEYS if with_next else _INPUT_CHOICE_KEYS
        fields = reader.mapping(item, "a choice", keys, node_id)
        if fields is None or "value" not in fields:
            ok = False
            continue
        value = reader.text(fields["value"], "choice value", node_id)
        label = (
            reader.text(fields["label"], "choice label", node_id) if "label" in fields else value
        )
        next_: str | None = ""
        if with_next:
            next_ = reader.target(fields["next"], "next", node_id) if "next" in fields else None
        if value is None or label is None or next_ is None:
            ok = False
            continue
        folded = {value.casefold(), label.casefold()}
        if folded & seen:
            reader.add(item, f"choice {value!r} is listed twice", node_id)
            ok = False
            continue
        seen |= folded
        out.append(Choice(value, label, next_, pos_of(item)))
    return tuple(out) if ok else None


def read_items(
    reader: TreeReader, node: yaml.Node, key: str, node_id: str
) -> tuple[Item, ...] | None:
    """One of an outcome's item lists; None if any item is bad."""
    entries = reader.sequence(node, key, node_id)
    if entries is None:
        return None
    if not entries and key == "steps":
        reader.add(node, "steps is empty: an outcome needs at least one step", node_id)
        return None
    out: list[Item] = []
    ok = True
    for entry in entries:
        fields = reader.mapping(entry, f"an item of {key}", _ITEM_KEYS, node_id)
        if fields is None:
            ok = False
            continue
        template = reader.template(fields["text"], "text", node_id) if "text" in fields else None
        source = reader.source(fields["source"], node_id) if "source" in fields else None
        detail = None
        if "detail" in fields:
            detail = reader.template(fields["detail"], "detail", node_id)
            if detail is None:
                ok = False
        when = None
        if "when" in fields:
            when = reader.condition(fields["when"], "when", node_id)
            if when is None:
                ok = False
        if template is None or source is None:
            ok = False
            continue
        out.append(Item(template, source, when, detail, pos_of(entry)))
    return tuple(out) if ok else None
