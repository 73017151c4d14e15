"""Reading a composed YAML file into the model, one checked value at a time.

`TreeReader` holds what every part of a tree file is read with: mappings (unknown,
duplicate and missing keys), lists, text that YAML did not convert, numbers, booleans,
names, templates, conditions and sources. Each problem is collected with its line and
column (never raised), so one run reports them all. The tree file's own layout is read
by `kbassist.trees.loader`; each node kind by its reader in `kbassist.trees.node_readers`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from kbassist.trees.conditions import Condition, ConditionError, parse_condition
from kbassist.trees.model import Pos, Source, TreeProblem
from kbassist.trees.safe_yaml import TAG, trap_message
from kbassist.trees.templates import Template, TemplateError, parse_template

_CUT_COMMENT_RE = re.compile(r"^ (#\S.*)$")
TREE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")
NODE_ID_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]{0,63}$")
VAR_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
_SOURCE_KEYS = {"article": True, "section": True}


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


def pos_of(node: yaml.Node) -> Pos:
    """Where a YAML value starts: 1-based line and column."""
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


class TreeReader:
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
            self.refs.append(Ref(kind, value, pos_of(node), node_id))
        return value

    def add(
        self, where: yaml.Node | Pos, message: str, node_id: str | None = None, shift: int = 0
    ) -> None:
        pos = where if isinstance(where, Pos) else pos_of(where)
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
                        f"unknown key {key!r} in {what}{did_you_mean(key, keys)}",
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
        if node.tag != TAG + "str":
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
            and node.tag == TAG + "int"
            and re.match(r"^[-+]?(0|[1-9][0-9]*)$", node.value)
        ):
            return int(node.value)
        self.add(node, f"{what} must be a whole number written in decimal", node_id)
        return None

    def number(self, node: yaml.Node, what: str, node_id: str | None = None) -> float | None:
        if (
            isinstance(node, ScalarNode)
            and node.tag in (TAG + "int", TAG + "float")
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
            self.uses.append(Use(what, template.variables, pos_of(node), node_id))
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
        self.uses.append(Use(what, condition.variables, pos_of(node), node_id, condition))
        return condition

    def source(self, node: yaml.Node, node_id: str | None) -> Source | None:
        fields = self.mapping(node, "source", _SOURCE_KEYS, node_id)
        if fields is None:
            return None
        article = self.text(fields["article"], "article", node_id) if "article" in fields else None
        section = self.text(fields["section"], "section", node_id) if "section" in fields else None
        if article is None or section is None:
            return None
        return Source(article.strip(), section.strip(), pos_of(node))

    # ----------------------------------------------------------------- the tree


def _shift(node: yaml.Node, offset: int) -> int:
    """Column offset of character `offset` of a one-line scalar's text."""
    if not isinstance(node, ScalarNode) or node.start_mark.line != node.end_mark.line:
        return 0
    if node.style not in (None, '"', "'"):
        return 0
    return offset + (1 if node.style else 0)


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """` (did you mean 'x'?)` for a close option, or nothing."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
