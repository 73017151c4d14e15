"""The drafter's Tree read straight from its dict, without the YAML nodes.

Why: `kbassist draft`, a drafted walk and the bench all lint a draft right after writing
it, and reading the written file back (even from the nodes `yaml_emit` makes as it
writes) spends a tenth of the drafting time on checks that can only fail for a dict the
drafter never makes, and on positions that only a lint message needs. Here the Tree,
its refs and its uses are built from the dict with the same values, in the same order,
as `kbassist.trees.loader.read_tree_root` gives for the written file, every position
left at `Pos(0, 0)` (`pos` is no part of `==`).

The reader's checks are kept as refusals: any value the strict reader would report
(a key it does not know, a missing or empty value, a bad id, a template or condition
that does not parse, a control or bidi character, constraints or tests, which the
drafter never writes) makes `dict_result` answer None, and the caller reads the written
text as before. The caller lints the result and, on any lint problem, reads the text
for its positions, so every message names its line (`draft_checked` in
`kbassist.drafting.tree`). bench/draft_roundtrip.py and tests/test_drafting_perf30.py
check the Tree, refs, uses and lint equal the strict reader's.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from kbassist.trees.conditions import ConditionError, parse_condition
from kbassist.trees.loader import TREE_SUFFIXES, LoadResult, tree_hash
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
    Source,
    Tree,
)
from kbassist.trees.node_readers import NODE_READERS
from kbassist.trees.reader import NODE_ID_RE, TREE_ID_RE, VAR_RE, Ref, Use
from kbassist.trees.safe_yaml import MAX_DEPTH, MAX_TREE_BYTES, any_bad_character
from kbassist.trees.templates import Template, TemplateError, parse_template
from kbassist.trees.values import TEXT_FORMATS, InvalidValue

_AT = Pos(0, 0)
_TREE_KEYS = {"id", "title", "version", "articles", "symptom", "cause", "start", "draft", "nodes"}
_TREE_REQUIRED = ("id", "title", "version", "articles", "symptom", "cause", "nodes")
_SOURCE_KEYS = {"article", "section"}
_CHOICE_KEYS = {"value", "label", "next"}
_INPUT_CHOICE_KEYS = {"value", "label"}
_ITEM_KEYS = {"text", "detail", "when", "source"}
#: kind -> (every key it may have, the required ones), as its reader registers them.
_KIND_KEYS = {
    kind: (frozenset(reader.keys), tuple(k for k, req in reader.keys.items() if req))
    for kind, reader in NODE_READERS.items()
}


class _Refused(Exception):
    """The strict reader would report something here: read the written text instead."""


def _text(value: Any, *, empty_ok: bool = False) -> str:
    """What `TreeReader.text` reads from a double-quoted scalar, or refused."""
    if type(value) is not str or (not empty_ok and not value.strip()):
        raise _Refused
    return value


def _int(value: Any) -> int:
    """What `TreeReader.integer` reads from a plain integer, or refused."""
    if type(value) is not int:  # bool is not int here
        raise _Refused
    return value


def _bool(value: Any) -> bool:
    if type(value) is not bool:
        raise _Refused
    return value


class _Builder:
    """One dict's Tree, refs and uses, in the order `_FileReader` makes them."""

    def __init__(self) -> None:
        self.refs: list[Ref] = []
        self.uses: list[Use] = []
        self.texts: list[str] = []  # every str value, for the control-character check

    def target(self, value: Any, kind: str, node_id: str | None) -> str:
        text = _text(value)
        self.refs.append(Ref(kind, text, _AT, node_id))
        return text

    def template(self, value: Any, what: str, node_id: str | None) -> Template:
        text = _text(value)
        try:
            template = parse_template(text)
        except TemplateError:
            raise _Refused from None
        self.uses.append(Use(what, template.variables, _AT, node_id))
        return template

    def source(self, value: Any) -> Source:
        if type(value) is not dict or value.keys() != _SOURCE_KEYS:
            raise _Refused
        return Source(_text(value["article"]).strip(), _text(value["section"]).strip(), _AT)

    def fields(self, value: Any, keys: frozenset[str] | set[str], required: tuple[str, ...]) -> Any:
        """A mapping whose keys the reader knows, with every required one."""
        if type(value) is not dict or not value.keys() <= keys:
            raise _Refused
        for key in required:
            if key not in value:
                raise _Refused
        return value

    def tree(self, data: dict[str, Any], path: Path, content_hash: str) -> Tree:
        self.fields(data, _TREE_KEYS, _TREE_REQUIRED)
        tree_id = _text(data["id"])
        if not TREE_ID_RE.match(tree_id):
            raise _Refused
        self.refs.append(Ref("id", tree_id, _AT))
        if tree_id != path.stem and path.suffix in TREE_SUFFIXES:
            raise _Refused
        version = _int(data["version"])
        if version < 1:
            raise _Refused
        items = data["articles"]
        if type(items) is not list or not items:
            raise _Refused
        articles = tuple(self.target(item, "article", None).strip() for item in items)
        listed = data["nodes"]
        if type(listed) is not list or not listed:
            raise _Refused
        nodes: dict[str, Node] = {}
        for item in listed:
            node = self.node(item)
            if node.id in nodes:
                raise _Refused  # the reader reports a duplicate id
            nodes[node.id] = node
        start = self.target(data["start"], "start", None) if "start" in data else ""
        if not start:
            start = next(iter(nodes))
        return Tree(
            id=tree_id,
            title=_text(data["title"]),
            version=version,
            articles=articles,
            symptom=_text(data["symptom"]),
            cause=_text(data["cause"]),
            start=start,
            nodes=nodes,
            path=path,
            content_hash=content_hash,
            draft=_bool(data["draft"]) if "draft" in data else False,
        )

    def node(self, item: Any) -> Node:
        if type(item) is not dict or "id" not in item or "kind" not in item:
            raise _Refused
        node_id = _text(item["id"])
        kind = _text(item["kind"])
        if not NODE_ID_RE.match(node_id) or kind not in _KIND_KEYS:
            raise _Refused
        self.fields(item, *_KIND_KEYS[kind])
        common: dict[str, Any] = {
            "id": node_id,
            "title": _text(item["title"]) if "title" in item else node_id,
            "text": self.template(item["text"], "text", node_id) if "text" in item else None,
            "source": self.source(item["source"]) if "source" in item else None,
            "pos": _AT,
        }
        if kind == "question":
            return self.question(item, node_id, common)
        if kind == "input":
            return self.input(item, node_id, common)
        if kind == "info":
            if common["text"] is None:
                raise _Refused
            next_ = self.target(item["next"], "next", node_id)
            checks = _bool(item["checks"]) if "checks" in item else False
            return Info(**common, next=next_, checks=checks)
        if kind == "outcome":
            steps = self.items(item.get("steps"), "steps", node_id)
            verify = self.items(item.get("verify"), "verify", node_id)
            rollback = self.items(item.get("rollback"), "rollback", node_id)
            return Outcome(**common, steps=steps, verify=verify, rollback=rollback)
        raise _Refused  # a kind this builder does not know: the reader's way

    def variable(self, item: dict[str, Any], node_id: str) -> str:
        variable = _text(item["var"]) if "var" in item else node_id
        if not VAR_RE.match(variable):
            raise _Refused
        return variable

    def question(self, item: dict[str, Any], node_id: str, common: dict[str, Any]) -> Node:
        variable = self.variable(item, node_id)
        help_ = self.template(item["help"], "help", node_id) if "help" in item else None
        choices = self.choices(item["choices"], node_id, with_next=True)
        return Question(**common, variable=variable, choices=choices, help=help_)

    def input(self, item: dict[str, Any], node_id: str, common: dict[str, Any]) -> Node:
        variable = self.variable(item, node_id)
        help_ = self.template(item["help"], "help", node_id)
        input_type = _text(item["type"])
        if input_type not in INPUT_TYPES:
            raise _Refused
        next_ = self.target(item["next"], "next", node_id)
        for key, only in _ONLY_FOR:
            if key in item and input_type != only:
                raise _Refused
        # a plain integer is what `TreeReader.number` reads in decimal; a float is refused
        minimum = _int(item["min"]) if "min" in item else None
        maximum = _int(item["max"]) if "max" in item else None
        integer = _bool(item["integer"]) if "integer" in item else False
        text_format = _text(item["format"]) if "format" in item else ""
        if text_format and text_format not in TEXT_FORMATS:
            raise _Refused
        choices: tuple[Choice, ...] = ()
        if input_type == "choice":
            if "choices" not in item:
                raise _Refused
            choices = self.choices(item["choices"], node_id, with_next=False)
        if minimum is not None and maximum is not None and minimum > maximum:
            raise _Refused
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
        if "default" in item:
            value = item["default"]
            raw = str(_int(value)) if input_type == "number" else _text(value)
            try:
                default = node.parse(raw)
            except InvalidValue:
                raise _Refused from None
            if default is None:
                raise _Refused
            node = dataclasses.replace(node, default=default)
        return node

    def choices(self, value: Any, node_id: str, *, with_next: bool) -> tuple[Choice, ...]:
        if type(value) is not list or not value:
            raise _Refused
        keys, required = (
            (_CHOICE_KEYS, ("value", "next")) if with_next else (_INPUT_CHOICE_KEYS, ("value",))
        )
        out: list[Choice] = []
        seen: set[str] = set()
        for item in value:
            self.fields(item, keys, required)
            choice_value = _text(item["value"])
            label = _text(item["label"]) if "label" in item else choice_value
            next_ = self.target(item["next"], "next", node_id) if with_next else ""
            folded = {choice_value.casefold(), label.casefold()}
            if folded & seen:
                raise _Refused
            seen |= folded
            out.append(Choice(choice_value, label, next_, _AT))
        return tuple(out)

    def items(self, value: Any, key: str, node_id: str) -> tuple[Item, ...]:
        if value is None:
            if key == "steps":
                raise _Refused
            return ()
        if type(value) is not list or (not value and key == "steps"):
            raise _Refused
        out: list[Item] = []
        for entry in value:
            self.fields(entry, _ITEM_KEYS, ("text", "source"))
            template = self.template(entry["text"], "text", node_id)
            source = self.source(entry["source"])
            detail = None
            if "detail" in entry:
                detail = self.template(entry["detail"], "detail", node_id)
            when = None
            if "when" in entry:
                text = _text(entry["when"])
                try:
                    when = parse_condition(text)
                except ConditionError:
                    raise _Refused from None
                self.uses.append(Use("when", when.variables, _AT, node_id, when))
            out.append(Item(template, source, when, detail, _AT))
        return tuple(out)


_ONLY_FOR = (
    ("min", "number"),
    ("max", "number"),
    ("integer", "number"),
    ("choices", "choice"),
    ("format", "text"),
)


def _strings(value: Any, out: list[str], depth: int) -> None:
    """Every str in the dict (keys too), as the scalars the file would hold; refused past
    the read's nesting guard."""
    if depth >= MAX_DEPTH:  # a level short of the read's guard, to be safe
        raise _Refused
    kind = type(value)
    if kind is str:
        out.append(value)
    elif kind is dict:
        for key, item in value.items():
            out.append(key)
            _strings(item, out, depth + 1)
    elif kind is list:
        for item in value:
            _strings(item, out, depth + 1)


def dict_result(tree: dict[str, Any], text: str, path: Path) -> LoadResult | None:
    """The LoadResult `read_tree_bytes(text, path, drafted=True)` gives, positions aside,
    built from the dict `text` was written from; None when the strict reader would report
    anything (then read `text` itself)."""
    data = text.encode("utf-8")
    if len(data) > MAX_TREE_BYTES:
        return None
    builder = _Builder()
    try:
        strings: list[str] = []
        _strings(tree, strings, 1)
        if any_bad_character(strings):
            return None
        built = builder.tree(tree, path, tree_hash(data))
    except _Refused:
        return None
    return LoadResult(path, built, [], set(), builder.refs, builder.uses)
