"""Reading a tree file: safe YAML, then the schema, collecting every problem with its line.

YAML is composed (not constructed) with a subclass of the pure-Python `yaml.SafeLoader`:
the tree is read from the node graph, so every value keeps its line and column, and the
YAML 1.1 traps (`NO` read as false, `12:30` as 750, `0755` as 493) are seen in the
scalar's resolved tag and refused instead of converted. The C loader cannot be used
here because it composes in C, with no hook to refuse anchors and aliases or to bound
nesting before they are expanded; a tree is small, so the Python loader is fast enough.

Refused outright, with a message naming the line: files over `MAX_TREE_BYTES`, text
that is not UTF-8, several YAML documents, anchors and aliases, nesting deeper than
`MAX_DEPTH`, and tags other than YAML's plain ones (so `!!python/object` never loads).
A problem at its line (the tree is then neither walked nor listed): a control character
in any value, which only a YAML escape can write (`"\\e]0;...\\a"` would reach the
terminal of whoever walks the tree), and bidirectional controls, which make a title
read differently from what it says.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, StreamEndEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from kbassist.errors import DataError
from kbassist.trees.conditions import Condition, ConditionError, parse_condition
from kbassist.trees.model import (
    INPUT_TYPES,
    NODE_KINDS,
    Choice,
    Constraint,
    Info,
    Input,
    Item,
    Node,
    Outcome,
    Pos,
    Question,
    Source,
    Tree,
    TreeProblem,
    TreeTest,
)
from kbassist.trees.templates import Template, TemplateError, parse_template
from kbassist.trees.values import InvalidValue

MAX_TREE_BYTES = 1024 * 1024
MAX_DEPTH = 32
TREE_SUFFIXES = (".yaml", ".yml")

_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(
    _TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)
_CUT_COMMENT_RE = re.compile(r"^ (#\S.*)$")
# C0 controls but tab and newline, DEL, C1; bidi embeddings, overrides and isolates.
_CONTROL_CHAR_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI_CHAR_RE = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_TREE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")
_NODE_ID_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]{0,63}$")
_VAR_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")

# Keys each mapping may have: name -> required.
_TREE_KEYS = {
    "id": True,
    "title": True,
    "version": True,
    "articles": True,
    "symptom": True,
    "cause": True,
    "start": False,
    "draft": False,
    "nodes": True,
    "constraints": False,
    "tests": False,
}
_COMMON_NODE_KEYS = {"id": True, "kind": True, "title": False, "text": False, "source": False}
_NODE_KEYS = {
    "question": {**_COMMON_NODE_KEYS, "var": False, "choices": True, "help": False},
    "input": {
        **_COMMON_NODE_KEYS,
        "var": False,
        "type": True,
        "next": True,
        "help": True,
        "default": False,
        "min": False,
        "max": False,
        "integer": False,
        "choices": False,
    },
    "info": {**_COMMON_NODE_KEYS, "text": True, "next": True},
    "outcome": {**_COMMON_NODE_KEYS, "steps": True, "verify": False, "rollback": False},
}
_ALL_NODE_KEYS = {key: False for keys in _NODE_KEYS.values() for key in keys}
_CHOICE_KEYS = {"value": True, "label": False, "next": True}
_INPUT_CHOICE_KEYS = {"value": True, "label": False}
_ITEM_KEYS = {"text": True, "when": False, "source": True}
_SOURCE_KEYS = {"article": True, "section": True}
_CONSTRAINT_KEYS = {"check": True, "message": True, "fix": False}
_TEST_KEYS = {
    "name": True,
    "answers": True,
    "outcome": False,
    "checklist": False,
    "absent": False,
    "error": False,
}


@dataclass
class LoadResult:
    """What reading one file gave: the tree (if the file was usable) and every problem.

    `broken_ids` are nodes that have an id but could not be built; checks that follow
    `next` links treat them as present, so one broken node does not cascade into
    "points nowhere" reports.
    """

    path: Path
    tree: Tree | None
    problems: list[TreeProblem] = field(default_factory=list)
    broken_ids: set[str] = field(default_factory=set)
    refs: list[Ref] = field(default_factory=list)
    uses: list[Use] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """True when every node was built (graph checks are reliable)."""
        return self.tree is not None and not self.broken_ids


@dataclass(frozen=True, slots=True)
class Ref:
    """A name in the file that must resolve: a node id, an outcome, an article, a var."""

    kind: str  # start | next | fix | outcome | article | answer
    target: str
    pos: Pos
    node_id: str | None = None


@dataclass(frozen=True, slots=True)
class Use:
    """A template or condition, where it is written and the variables it reads."""

    what: str
    variables: frozenset[str]
    pos: Pos
    node_id: str | None = None  # None: a constraint's check (any path may set it)
    condition: Condition | None = None


class _Refused(Exception):
    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


class _TreeYAMLLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases and bounds nesting while composing."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _Refused(
                f"aliases (*{event.anchor}) are not allowed in trees: write the value out",
                event.start_mark,
            )
        if getattr(event, "anchor", None) is not None:
            raise _Refused(
                f"anchors (&{event.anchor}) are not allowed in trees: write the value out",
                event.start_mark,
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(f"nested deeper than {MAX_DEPTH} levels", event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


# --------------------------------------------------------------------------- YAML


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnicodeDecodeError("utf-8", data[:2], 0, 2, "UTF-16 byte order mark")
    return data.decode("utf-8-sig")


def compose_yaml(data: bytes, path: Path) -> tuple[yaml.Node | None, list[TreeProblem]]:
    """Bytes to one YAML node graph, or the problem that stops it (with its line)."""
    if len(data) > MAX_TREE_BYTES:
        return None, [TreeProblem(path, 1, 1, f"file is larger than {MAX_TREE_BYTES // 1024} KB")]
    try:
        text = _decode(data)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [TreeProblem(path, line, 1, "not UTF-8 text")]
    if not text.strip():
        return None, [TreeProblem(path, 1, 1, "file is empty")]
    try:
        # The reader refuses control characters (a NUL, an ESC) as it is built.
        loader = _TreeYAMLLoader(text)
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = f"control character U+{code:04X} is not allowed in YAML"
        return None, [TreeProblem(path, line, column, message)]
    try:
        loader.get_event()  # stream start
        if loader.check_event(StreamEndEvent):
            return None, [TreeProblem(path, 1, 1, "file holds no YAML document")]
        root = loader.compose_document()
        if not loader.check_event(StreamEndEvent):
            mark = loader.peek_event().start_mark
            return None, [
                TreeProblem(
                    path,
                    mark.line + 1,
                    mark.column + 1,
                    "more than one YAML document: a tree file holds exactly one",
                )
            ]
        return root, []
    except _Refused as exc:
        return None, [TreeProblem(path, exc.mark.line + 1, exc.mark.column + 1, exc.message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = f"YAML syntax: {exc.problem or exc.context}"
        if exc.context and exc.problem:
            message += f" ({exc.context})"
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return None, [TreeProblem(path, line, column, message)]
    except yaml.YAMLError as exc:
        return None, [TreeProblem(path, 1, 1, f"YAML: {exc}")]
    finally:
        loader.dispose()


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _walk_nodes(node: yaml.Node) -> Iterable[yaml.Node]:
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, MappingNode):
            for key, value in current.value:
                stack.extend((value, key))
        elif isinstance(current, SequenceNode):
            stack.extend(reversed(current.value))


def _constructed(node: ScalarNode) -> Any:
    """What YAML 1.1 would have made of a plain scalar (for the message only)."""
    try:
        return yaml.constructor.SafeConstructor().construct_object(node)
    except (yaml.YAMLError, ValueError, OverflowError):  # 2020-13-45: a date with month 13
        return node.value


def trap_message(node: ScalarNode) -> str:
    """Why a plain scalar that YAML read as a non-string cannot stand for text."""
    value = node.value
    kind = node.tag[len(_TAG) :] if node.tag.startswith(_TAG) else node.tag
    quoted = f'"{value}"'
    if kind == "null":
        return "value is missing (empty or null)"
    result = _constructed(node)
    if kind == "bool":
        read = f"the boolean {str(result).lower()}"
    elif kind == "int" and ":" in value:
        read = f"the base-60 number {result}"
    elif kind == "int" and re.match(r"^[-+]?0[0-7_]+$", value):
        read = f"the octal number {result}"
    elif kind == "int" and value.lstrip("+-").lower().startswith(("0x", "0b")):
        read = f"the number {result}"
    elif kind in ("int", "float"):
        read = f"the number {result!r}"
    elif kind == "timestamp":
        read = f"a date ({result})"
    else:
        read = f"a {kind}"
    return f"{value} is read by YAML as {read}, not text: quote it ({quoted})"


# --------------------------------------------------------------------------- schema


def _pos(node: yaml.Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


class _Reader:
    """Reads one composed file into the model, collecting problems as it goes."""

    def __init__(self, path: Path, lines: list[str] | None = None) -> None:
        self.path = path
        self.lines = lines or []
        self.problems: list[TreeProblem] = []
        self.broken_ids: set[str] = set()
        self.refs: list[Ref] = []
        self.uses: list[Use] = []

    def target(self, node: yaml.Node, kind: str, node_id: str | None) -> str | None:
        """A name that must resolve elsewhere (checked by lint once all is read)."""
        value = self.text(node, kind, node_id)
        if value is not None:
            self.refs.append(Ref(kind, value, _pos(node), node_id))
        return value

    def add(
        self, where: yaml.Node | Pos, message: str, node_id: str | None = None, shift: int = 0
    ) -> None:
        pos = where if isinstance(where, Pos) else _pos(where)
        self.problems.append(TreeProblem(self.path, pos.line, pos.column + shift, message, node_id))

    # ----------------------------------------------------------------- shapes

    def mapping(
        self,
        node: yaml.Node,
        what: str,
        keys: dict[str, bool],
        node_id: str | None = None,
        other_keys: Iterable[str] = (),
    ) -> dict[str, yaml.Node] | None:
        """Check a mapping's keys (unknown, duplicate, missing); None if not a mapping."""
        pairs = self.pairs(node, what, node_id)
        if pairs is None:
            return None
        found: dict[str, yaml.Node] = {}
        meant: set[str] = set()  # keys an unknown key looks like a typo of
        for key_node, value_node in pairs:
            key = key_node.value
            if key not in keys:
                meant.update(difflib.get_close_matches(key, list(keys), n=1, cutoff=0.6))
                if key in other_keys:
                    self.add(key_node, f"key {key!r} does not belong in {what}", node_id)
                else:
                    self.add(
                        key_node,
                        f"unknown key {key!r} in {what}{_did_you_mean(key, keys)}",
                        node_id,
                    )
                continue
            found[key] = value_node
        written = {key_node.value for key_node, _ in pairs}
        for key, required in keys.items():
            if required and key not in written and key not in meant:
                self.add(node, f"{what} is missing the key {key!r}", node_id)
        return found

    def pairs(
        self, node: yaml.Node, what: str, node_id: str | None = None
    ) -> list[tuple[ScalarNode, yaml.Node]] | None:
        """A mapping's (key, value) pairs, reporting non-scalar and duplicate keys.

        PyYAML keeps the last of two equal keys silently; here the second is reported
        (naming the line of the first) and dropped.
        """
        if not isinstance(node, MappingNode):
            self.add(node, f"{what} must be a mapping (key: value lines)", node_id)
            return None
        out: list[tuple[ScalarNode, yaml.Node]] = []
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.add(key_node, f"keys in {what} must be plain words", node_id)
                continue
            key = key_node.value
            if key in first_line:
                self.add(
                    key_node,
                    f"duplicate key {key!r} in {what} (first at line {first_line[key]})",
                    node_id,
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            out.append((key_node, value_node))
        return out

    def sequence(
        self, node: yaml.Node, what: str, node_id: str | None = None
    ) -> list[yaml.Node] | None:
        if not isinstance(node, SequenceNode):
            self.add(node, f"{what} must be a list (lines starting with '- ')", node_id)
            return None
        return list(node.value)

    def text(
        self, node: yaml.Node, what: str, node_id: str | None = None, *, empty_ok: bool = False
    ) -> str | None:
        """A string; plain scalars YAML read as another type are refused, not converted."""
        if not isinstance(node, ScalarNode):
            self.add(node, f"{what} must be text, not a list or mapping", node_id)
            return None
        if node.tag != _TAG + "str":
            self.add(node, f"{what}: {trap_message(node)}", node_id)
            return None
        if not empty_ok and not node.value.strip():
            self.add(node, f"{what} is empty", node_id)
            return None
        if node.style is None and node.end_mark.line < len(self.lines):
            # `Backup #1.` unquoted: YAML ends the text at " #" and drops the rest.
            rest = self.lines[node.end_mark.line][node.end_mark.column :]
            match = _CUT_COMMENT_RE.match(rest)
            if match:
                self.add(
                    Pos(node.end_mark.line + 1, node.end_mark.column + 2),
                    f"{what} is cut short: YAML reads {match.group(1)!r} as a comment; "
                    "quote the text to keep it",
                    node_id,
                )
                return None
        return node.value

    def integer(self, node: yaml.Node, what: str, node_id: str | None = None) -> int | None:
        if (
            isinstance(node, ScalarNode)
            and node.tag == _TAG + "int"
            and re.match(r"^[-+]?(0|[1-9][0-9]*)$", node.value)
        ):
            return int(node.value)
        self.add(node, f"{what} must be a whole number written in decimal", node_id)
        return None

    def number(self, node: yaml.Node, what: str, node_id: str | None = None) -> float | None:
        if (
            isinstance(node, ScalarNode)
            and node.tag in (_TAG + "int", _TAG + "float")
            and re.match(r"^[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?$", node.value)
        ):
            return float(node.value) if "." in node.value else int(node.value)
        self.add(node, f"{what} must be a number written in decimal", node_id)
        return None

    def boolean(self, node: yaml.Node, what: str, node_id: str | None = None) -> bool | None:
        if isinstance(node, ScalarNode) and node.style is None and node.value in ("true", "false"):
            return node.value == "true"
        self.add(node, f"{what} must be true or false", node_id)
        return None

    def ident(
        self,
        node: yaml.Node,
        what: str,
        pattern: re.Pattern[str],
        rule: str,
        node_id: str | None = None,
    ) -> str | None:
        value = self.text(node, what, node_id)
        if value is None:
            return None
        if not pattern.match(value):
            self.add(node, f"{what} {value!r} is not valid: {rule}", node_id)
            return None
        return value

    def template(self, node: yaml.Node, what: str, node_id: str | None) -> Template | None:
        value = self.text(node, what, node_id)
        if value is None:
            return None
        try:
            template = parse_template(value)
        except TemplateError as exc:
            self.add(node, f"{what}: {exc.message}", node_id, _shift(node, exc.offset))
            return None
        if what != "message":  # a constraint message may only use what its check reads
            self.uses.append(Use(what, template.variables, _pos(node), node_id))
        return template

    def condition(self, node: yaml.Node, what: str, node_id: str | None) -> Condition | None:
        value = self.text(node, what, node_id)
        if value is None:
            return None
        try:
            condition = parse_condition(value)
        except ConditionError as exc:
            self.add(node, f"{what}: {exc.message}", node_id, _shift(node, exc.offset))
            return None
        self.uses.append(Use(what, condition.variables, _pos(node), node_id, condition))
        return condition

    def source(self, node: yaml.Node, node_id: str | None) -> Source | None:
        fields = self.mapping(node, "source", _SOURCE_KEYS, node_id)
        if fields is None:
            return None
        article = self.text(fields["article"], "article", node_id) if "article" in fields else None
        section = self.text(fields["section"], "section", node_id) if "section" in fields else None
        if article is None or section is None:
            return None
        return Source(article.strip(), section.strip(), _pos(node))

    # ----------------------------------------------------------------- the tree

    def tree(self, root: yaml.Node, content_hash: str) -> Tree | None:
        fields = self.mapping(root, "the tree", _TREE_KEYS)
        if fields is None:
            return None

        def get(key: str, read: Callable[[yaml.Node], Any], default: Any) -> Any:
            if key not in fields:
                return default
            value = read(fields[key])
            return default if value is None else value

        tree_id = get(
            "id",
            lambda n: self.ident(
                n, "tree id", _TREE_ID_RE, "use lower-case letters, digits, '.', '-' and '_'"
            ),
            "",
        )
        if tree_id:
            self.refs.append(Ref("id", tree_id, _pos(fields["id"])))
        if tree_id and tree_id != self.path.stem and self.path.suffix in TREE_SUFFIXES:
            self.add(
                fields["id"],
                f"tree id {tree_id!r} must match the file name ({tree_id}{self.path.suffix})",
            )
        version = 0
        if "version" in fields:
            number = self.integer(fields["version"], "version")
            if number is not None and number < 1:
                self.add(fields["version"], "version must be 1 or more")
            version = number or 0
        articles: list[str] = []
        if "articles" in fields:
            items = self.sequence(fields["articles"], "articles") or []
            for item in items:
                value = self.target(item, "article", None)
                if value is not None:
                    articles.append(value.strip())
            if not items and isinstance(fields["articles"], SequenceNode):
                self.add(fields["articles"], "articles must name at least one article")
        nodes: dict[str, Node] = {}
        seen_at: dict[str, int] = {}
        if "nodes" in fields:
            for item in self.sequence(fields["nodes"], "nodes") or []:
                node = self.node(item, seen_at)
                if node is not None and node.id not in nodes:
                    nodes[node.id] = node
            if isinstance(fields["nodes"], SequenceNode) and not fields["nodes"].value:
                self.add(fields["nodes"], "nodes is empty: a tree needs at least one outcome")
        start = get("start", lambda n: self.target(n, "start", None), "")
        if not start and nodes:
            start = next(iter(nodes))
        constraints: list[Constraint] = []
        if "constraints" in fields:
            for item in self.sequence(fields["constraints"], "constraints") or []:
                constraint = self.constraint(item)
                if constraint is not None:
                    constraints.append(constraint)
        tests: list[TreeTest] = []
        if "tests" in fields:
            for item in self.sequence(fields["tests"], "tests") or []:
                case = self.test(item)
                if case is not None:
                    tests.append(case)
        draft = get("draft", lambda n: self.boolean(n, "draft"), False)
        return Tree(
            id=tree_id,
            title=get("title", lambda n: self.text(n, "title"), ""),
            version=version,
            articles=tuple(articles),
            symptom=get("symptom", lambda n: self.text(n, "symptom"), ""),
            cause=get("cause", lambda n: self.text(n, "cause"), ""),
            start=start,
            nodes=nodes,
            constraints=tuple(constraints),
            tests=tuple(tests),
            path=self.path,
            content_hash=content_hash,
            draft=draft,
        )

    def node(self, item: yaml.Node, seen_at: dict[str, int]) -> Node | None:
        if not isinstance(item, MappingNode):
            self.add(item, "each node must be a mapping with id and kind")
            return None
        # Read id and kind first: the other keys depend on the kind.
        raw: dict[str, yaml.Node] = {}
        for key_node, value_node in item.value:
            if isinstance(key_node, ScalarNode) and key_node.value in ("id", "kind"):
                raw.setdefault(key_node.value, value_node)
        node_id = None
        if "id" in raw:
            node_id = self.ident(
                raw["id"],
                "node id",
                _NODE_ID_RE,
                "start with a letter; use letters, digits, '-' and '_'",
            )
        if node_id is not None:
            if node_id in seen_at:
                self.add(
                    raw["id"],
                    f"duplicate node id {node_id!r} (first at line {seen_at[node_id]})",
                    node_id,
                )
                return None
            seen_at[node_id] = item.start_mark.line + 1
        kind = None
        if "kind" in raw:
            kind = self.text(raw["kind"], "kind", node_id)
            if kind is not None and kind not in NODE_KINDS:
                self.add(
                    raw["kind"],
                    f"kind {kind!r} is not one of {', '.join(NODE_KINDS)}"
                    f"{_did_you_mean(kind, NODE_KINDS)}",
                    node_id,
                )
                kind = None
        keys = _NODE_KEYS[kind] if kind else _ALL_NODE_KEYS
        what = (
            f"{'an' if kind in ('input', 'info', 'outcome') else 'a'} {kind} node"
            if kind
            else "a node"
        )
        fields = self.mapping(item, what, keys, node_id, other_keys=_ALL_NODE_KEYS)
        node = None
        if fields is not None and node_id is not None and kind is not None:
            node = self.build_node(kind, node_id, fields, _pos(item))
        if node is None:
            if node_id is not None:
                self.broken_ids.add(node_id)
            return None
        return node

    def build_node(
        self, kind: str, node_id: str, fields: dict[str, yaml.Node], pos: Pos
    ) -> Node | None:
        ok = True

        def opt(key: str, read: Callable[[yaml.Node], Any]) -> Any:
            nonlocal ok
            if key not in fields:
                return None
            value = read(fields[key])
            if value is None:
                ok = False
            return value

        def req(key: str, read: Callable[[yaml.Node], Any]) -> Any:
            nonlocal ok
            if key not in fields:
                ok = False  # "missing the key" was reported by mapping()
                return None
            return opt(key, read)

        title = opt("title", lambda n: self.text(n, "title", node_id)) or node_id
        text_ = opt("text", lambda n: self.template(n, "text", node_id))
        source = opt("source", lambda n: self.source(n, node_id))
        common = {"id": node_id, "title": title, "text": text_, "source": source, "pos": pos}

        if kind == "info":
            next_ = req("next", lambda n: self.target(n, "next", node_id))
            return Info(**common, next=next_) if ok and text_ is not None else None

        if kind == "outcome":
            lists: dict[str, tuple[Item, ...]] = {}
            for key in ("steps", "verify", "rollback"):
                reader = lambda n, key=key: self.items(n, key, node_id)  # noqa: E731
                lists[key] = (req if key == "steps" else opt)(key, reader) or ()
            return Outcome(**common, **lists) if ok else None

        variable = opt(
            "var",
            lambda n: self.ident(
                n,
                "var",
                _VAR_RE,
                "use letters, digits and '_' (it is used in {placeholders})",
                node_id,
            ),
        )
        if variable is None and "var" not in fields:
            if _VAR_RE.match(node_id):
                variable = node_id
            else:
                self.add(pos, f"node id {node_id!r} cannot be a variable name: add var:", node_id)
                ok = False
        help_ = opt("help", lambda n: self.template(n, "help", node_id))

        if kind == "question":
            choices = req("choices", lambda n: self.choices(n, node_id, with_next=True))
            if not ok or choices is None:
                return None
            return Question(**common, variable=variable, choices=choices, help=help_)

        # input
        input_type = req("type", lambda n: self.text(n, "type", node_id))
        if input_type is not None and input_type not in INPUT_TYPES:
            self.add(
                fields["type"],
                f"type {input_type!r} is not one of {', '.join(INPUT_TYPES)}"
                f"{_did_you_mean(input_type, INPUT_TYPES)}",
                node_id,
            )
            return None
        next_ = req("next", lambda n: self.target(n, "next", node_id))
        for key, only in (
            ("min", "number"),
            ("max", "number"),
            ("integer", "number"),
            ("choices", "choice"),
        ):
            if key in fields and input_type != only:
                self.add(fields[key], f"{key!r} is only for {only} inputs", node_id)
                ok = False
        minimum = opt("min", lambda n: self.number(n, "min", node_id))
        maximum = opt("max", lambda n: self.number(n, "max", node_id))
        integer = opt("integer", lambda n: self.boolean(n, "integer", node_id)) or False
        choices: tuple[Choice, ...] = ()
        if input_type == "choice":
            choices = req("choices", lambda n: self.choices(n, node_id, with_next=False)) or ()
            if "choices" not in fields:
                self.add(pos, "a choice input needs choices:", node_id)
        if minimum is not None and maximum is not None and minimum > maximum:
            self.add(fields["min"], f"min ({minimum}) is above max ({maximum})", node_id)
            ok = False
        if not ok or input_type is None:
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
        )
        if "default" in fields:
            default = self.default(fields["default"], node)
            if default is None:
                return None
            node = Input(**{**_fields_of(node), "default": default})
        return node

    def default(self, value_node: yaml.Node, node: Input) -> Any:
        """The default, checked like an answer; text-like defaults must be quoted text."""
        if node.type == "number":
            number = self.number(value_node, "default", node.id)
            if number is None:
                return None
            raw = str(number)
        else:
            text = self.text(value_node, "default", node.id)
            if text is None:
                return None
            raw = text
        try:
            return node.parse(raw)
        except InvalidValue as exc:
            self.add(value_node, f"default: {exc}", node.id)
            return None

    def choices(
        self, node: yaml.Node, node_id: str, *, with_next: bool
    ) -> tuple[Choice, ...] | None:
        items = self.sequence(node, "choices", node_id)
        if items is None:
            return None
        if not items:
            self.add(node, "choices is empty", node_id)
            return None
        out: list[Choice] = []
        seen: set[str] = set()
        ok = True
        for item in items:
            keys = _CHOICE_KEYS if with_next else _INPUT_CHOICE_KEYS
            fields = self.mapping(item, "a choice", keys, node_id)
            if fields is None or "value" not in fields:
                ok = False
                continue
            value = self.text(fields["value"], "choice value", node_id)
            label = (
                self.text(fields["label"], "choice label", node_id) if "label" in fields else value
            )
            next_ = ""
            if with_next:
                next_ = self.target(fields["next"], "next", node_id) if "next" in fields else None
            if value is None or label is None or next_ is None:
                ok = False
                continue
            folded = {value.casefold(), label.casefold()}
            if folded & seen:
                self.add(item, f"choice {value!r} is listed twice", node_id)
                ok = False
                continue
            seen |= folded
            out.append(Choice(value, label, next_, _pos(item)))
        return tuple(out) if ok else None

    def items(self, node: yaml.Node, key: str, node_id: str) -> tuple[Item, ...] | None:
        entries = self.sequence(node, key, node_id)
        if entries is None:
            return None
        if not entries and key == "steps":
            self.add(node, "steps is empty: an outcome needs at least one step", node_id)
            return None
        out: list[Item] = []
        ok = True
        for entry in entries:
            fields = self.mapping(entry, f"an item of {key}", _ITEM_KEYS, node_id)
            if fields is None:
                ok = False
                continue
            template = self.template(fields["text"], "text", node_id) if "text" in fields else None
            source = self.source(fields["source"], node_id) if "source" in fields else None
            when = None
            if "when" in fields:
                when = self.condition(fields["when"], "when", node_id)
                if when is None:
                    ok = False
            if template is None or source is None:
                ok = False
                continue
            out.append(Item(template, source, when, _pos(entry)))
        return tuple(out) if ok else None

    def constraint(self, node: yaml.Node) -> Constraint | None:
        fields = self.mapping(node, "a constraint", _CONSTRAINT_KEYS)
        if fields is None:
            return None
        check = self.condition(fields["check"], "check", None) if "check" in fields else None
        message = self.template(fields["message"], "message", None) if "message" in fields else None
        fix = self.target(fields["fix"], "fix", None) if "fix" in fields else None
        if check is None or message is None or ("fix" in fields and fix is None):
            return None
        extra = sorted(message.variables - check.variables)
        if extra:
            self.add(
                fields["message"],
                f"message uses {{{extra[0]}}}, which check does not read (it may not be set)",
            )
            return None
        return Constraint(check, message, fix, _pos(node))

    def test(self, node: yaml.Node) -> TreeTest | None:
        fields = self.mapping(node, "a test", _TEST_KEYS)
        if fields is None:
            return None
        name = self.text(fields["name"], "test name") if "name" in fields else None
        answers: list[tuple[str, str]] = []
        ok = name is not None
        if "answers" in fields:
            # Answers are read as the text written, exactly as if typed at the prompt.
            pairs = self.pairs(fields["answers"], "answers")
            if pairs is None:
                ok = False
            for key_node, value_node in pairs or []:
                if not isinstance(value_node, ScalarNode) or value_node.tag == _TAG + "null":
                    self.add(value_node, f"answer {key_node.value!r} must be a single value")
                    ok = False
                    continue
                answers.append((key_node.value, value_node.value))
                self.refs.append(Ref("answer", key_node.value, _pos(key_node)))
        outcome = self.target(fields["outcome"], "outcome", None) if "outcome" in fields else None
        error = self.text(fields["error"], "error") if "error" in fields else None
        lines: dict[str, tuple[str, ...]] = {}
        for key in ("checklist", "absent"):
            values: list[str] = []
            if key in fields:
                for entry in self.sequence(fields[key], key) or []:
                    text = self.text(entry, f"{key} line")
                    if text is None:
                        ok = False
                    else:
                        values.append(text)
            lines[key] = tuple(values)
        if (outcome is None) == (error is None) and ("outcome" in fields) == ("error" in fields):
            self.add(node, "a test needs either outcome: or error: (not both)")
            ok = False
        if not ok:
            return None
        return TreeTest(
            name=name or "",
            answers=tuple(answers),
            outcome=outcome,
            checklist=lines["checklist"],
            absent=lines["absent"],
            error=error,
            pos=_pos(node),
        )


def _fields_of(node: Input) -> dict[str, Any]:
    return {name: getattr(node, name) for name in node.__dataclass_fields__}


def _shift(node: yaml.Node, offset: int) -> int:
    """Column offset of character `offset` of a one-line scalar's text."""
    if not isinstance(node, ScalarNode) or node.start_mark.line != node.end_mark.line:
        return 0
    if node.style not in (None, '"', "'"):
        return 0
    return offset + (1 if node.style else 0)


def _did_you_mean(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


# --------------------------------------------------------------------------- entry points


def is_tree_id(text: str) -> bool:
    """Whether `text` may be a tree id (and so the stem of a tree file's name)."""
    return bool(_TREE_ID_RE.match(text))


def tree_hash(data: bytes) -> str:
    """The content hash a session stores to notice that its tree changed."""
    return hashlib.sha256(data).hexdigest()[:32]


def read_tree_bytes(data: bytes, path: Path) -> LoadResult:
    """Parse one tree file's bytes into a LoadResult (never raises for bad input)."""
    root, problems = compose_yaml(data, path)
    if root is None:
        return LoadResult(path, None, problems)
    reader = _Reader(path, data.decode("utf-8-sig", errors="replace").splitlines())
    bad_tags = [n for n in _walk_nodes(root) if n.tag not in _ALLOWED_TAGS]
    if bad_tags:
        for node in bad_tags:
            reader.add(node, f"tag {_show_tag(node.tag)} is not allowed in trees")
        return LoadResult(path, None, reader.problems)
    _check_characters(root, reader)
    tree = reader.tree(root, tree_hash(data))
    problems = sorted(reader.problems, key=TreeProblem.sort_key)
    return LoadResult(path, tree, problems, reader.broken_ids, reader.refs, reader.uses)


def _check_characters(root: yaml.Node, reader: _Reader) -> None:
    """A problem for each value holding a control or bidi character (see the docstring)."""
    for node in _walk_nodes(root):
        if not isinstance(node, ScalarNode):
            continue
        control = _CONTROL_CHAR_RE.search(node.value)
        if control:
            code = ord(control.group())
            reader.add(
                node,
                f"control character U+{code:04X} in text (written as a YAML escape such as "
                '"\\e" or "\\a"): it would reach the terminal of whoever reads the tree; '
                "remove it",
            )
        bidi = _BIDI_CHAR_RE.search(node.value)
        if bidi:
            reader.add(
                node,
                f"bidirectional control U+{ord(bidi.group()):04X} in text: it makes the text "
                "read differently from what it says; remove it",
            )


def read_tree_file(path: Path) -> LoadResult:
    """Read and parse one tree file; unreadable files become a problem, not an error."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_TREE_BYTES:
            return LoadResult(
                path,
                None,
                [TreeProblem(path, 1, 1, f"file is larger than {MAX_TREE_BYTES // 1024} KB")],
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_TREE_BYTES + 1)
    except OSError as exc:
        return LoadResult(
            path, None, [TreeProblem(path, 1, 1, f"cannot read: {exc.strerror or exc}")]
        )
    return read_tree_bytes(data, path)


def iter_tree_files(folder: Path) -> list[Path]:
    """Every `*.yaml` / `*.yml` directly in `folder` (hidden names skipped), sorted."""
    return sorted(
        p
        for p in Path(folder).iterdir()
        if p.suffix in TREE_SUFFIXES and not p.name.startswith(".") and p.is_file()
    )


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer from an answers file: the text as written, and where."""

    text: str
    pos: Pos
    key_pos: Pos


def read_answers_file(path: Path) -> dict[str, Answer]:
    """An answers file: a YAML mapping `variable: value`, values read as typed.

    Values are taken as the text written (`00:00`, `yes`, `3`), never converted by
    YAML, and checked by the walk exactly like an answer typed at the prompt. Any
    defect is a DataError naming the file, the line and the key.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_TREE_BYTES + 1)
    except OSError as exc:
        raise DataError(f"cannot read answers: {exc.strerror or exc}", path=path) from None
    root, problems = compose_yaml(data, path)
    if root is None:
        raise _first(problems)
    reader = _Reader(path)
    pairs = reader.pairs(root, "an answers file") or []
    answers: dict[str, Answer] = {}
    for key_node, value_node in pairs:
        key = key_node.value
        if value_node.tag not in _ALLOWED_TAGS:
            reader.add(value_node, f"{key}: tag {_show_tag(value_node.tag)} is not allowed")
        elif not isinstance(value_node, ScalarNode):
            reader.add(value_node, f"{key}: the answer must be a single value, not a list")
        elif value_node.tag == _TAG + "null":
            reader.add(value_node, f"{key}: the answer is empty")
        else:
            answers[key] = Answer(value_node.value, _pos(value_node), _pos(key_node))
    if reader.problems:
        raise _first(reader.problems)
    return answers


def _first(problems: list[TreeProblem]) -> DataError:
    first = problems[0]
    return DataError(first.message, path=first.path, line=first.line, column=first.column)
