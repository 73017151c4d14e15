"""Safe YAML for tree and answers files: composed (not constructed) with every value's
line and column, and the traps that would load something else refused.

YAML is composed with a subclass of the pure-Python `yaml.SafeLoader`: the tree is read
from the node graph, so every value keeps its line and column, and the YAML 1.1 traps
(`NO` read as false, `12:30` as 750, `0755` as 493) are seen in the scalar's resolved
tag and refused instead of converted (`trap_message` says why). The C loader cannot be
used here because it composes in C, with no hook to refuse anchors and aliases or to
bound nesting before they are expanded. A draft the drafter wrote itself (`drafted=True`:
text `draft_yaml` wrote, which has no anchor) is composed by libyaml in C, nodes with line
and column, and the guards then walk the nodes (an alias is a node met twice): about 2x
faster than the pure-Python composer over libyaml's events (0.44 -> 0.24 ms a draft);
hand-written files keep the pure-Python reader, whose messages the docs and tests name.

Refused outright, with a message naming the line: files over `MAX_TREE_BYTES`, text
that is not UTF-8, several YAML documents, anchors and aliases, nesting deeper than
`MAX_DEPTH`. Tags other than YAML's plain ones (`ALLOWED_TAGS`) and control or bidi
characters in values are reported by the loader (`bad_characters` finds the latter).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import yaml
from yaml.events import AliasEvent, StreamEndEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from kbassist.trees.model import TreeProblem

MAX_TREE_BYTES = 1024 * 1024
MAX_DEPTH = 32

TAG = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(
    TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)
# C0 controls but tab and newline, DEL, C1; bidi embeddings, overrides and isolates.
_CONTROL_CHAR_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI_CHAR_RE = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
#: Either of the two above: one scan of a tree's values instead of two.
_BAD_CHAR_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class _Refused(Exception):
    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


class _Guard:
    """Refuses anchors and aliases and bounds nesting while composing (a mixin over a
    loader whose `compose_node` is the pure-Python Composer's)."""

    _depth = 0
    peek_event: Any  # the parser's, from the loader this is mixed into

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
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self._depth -= 1


class QuickResolve:
    """`Resolver.resolve` without its per-call work where the answer is known, for a
    resolver with no path resolvers (then it is exactly what `resolve` returns): a quoted
    scalar is a str, and a short plain scalar's tag is remembered. libyaml calls it once
    per scalar read and twice per scalar written; a draft's keys (id, type, text ...)
    repeat hundreds of times. Mixed in before the Resolver."""

    #: plain scalar -> tag, one table per class (each has its own implicit resolvers)
    _tags: ClassVar[dict[str, str]] = {}
    _MEMO_LEN = 40
    _MEMO_SIZE = 4096

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._tags = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is not ScalarNode or self.yaml_path_resolvers:  # type: ignore[attr-defined]
            return super().resolve(kind, value, implicit)  # type: ignore[misc]
        if not implicit[0]:
            return self.DEFAULT_SCALAR_TAG  # type: ignore[attr-defined]
        tag = self._tags.get(value)
        if tag is None:
            resolvers = self.yaml_implicit_resolvers  # type: ignore[attr-defined]
            if value and value[0] not in resolvers and None not in resolvers:
                # no implicit resolver for its first character (most prose: "Click ...",
                # "Restart ..."): `resolve` would try none and return the default
                return self.DEFAULT_SCALAR_TAG  # type: ignore[attr-defined]
            tag = super().resolve(kind, value, implicit)  # type: ignore[misc]
            if len(value) <= self._MEMO_LEN:
                if len(self._tags) >= self._MEMO_SIZE:
                    self._tags.clear()
                self._tags[value] = tag
        return tag


class _TreeYAMLLoader(_Guard, yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases and bounds nesting while composing."""


_CParser: Any = getattr(getattr(yaml, "cyaml", None), "CParser", None)
if _CParser is not None:

    class _DraftYAMLLoader(QuickResolve, _CParser, yaml.resolver.Resolver):
        """libyaml's scanner, parser and composer (nodes carry line and column), tags
        resolved by the same Resolver: 2x faster than composing its events in Python. Only for
        text `draft_yaml` wrote; `_drafted_node` applies the guards to the nodes."""

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            yaml.resolver.Resolver.__init__(self)

else:  # pragma: no cover - PyYAML without libyaml
    # the name stays bound (None: drafts are read by the pure-Python loader instead);
    # mypy sees the class above and cannot know the branch is the other platform's
    _DraftYAMLLoader = None  # type: ignore[assignment,misc]


def _drafted_node(text: str, path: Path) -> tuple[yaml.Node | None, list[TreeProblem]]:
    """`compose_yaml` for the drafter's own text: composed in C, then the same guards
    on the nodes as the pure-Python composer applies to its events.

    The nodes are those the pure-Python composer makes of libyaml's events (same tags,
    values, styles, marks; tests/test_drafting_yaml.py compares them). The drafter never
    writes an anchor; an alias would come back as a node met twice and is refused, as is
    nesting deeper than MAX_DEPTH, at the node where the walk (in file order) meets it.
    """
    assert _DraftYAMLLoader is not None
    loader = _DraftYAMLLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.composer.ComposerError as exc:
        if exc.problem == "but found another document" and exc.problem_mark is not None:
            mark = exc.problem_mark
            message = "more than one YAML document: a tree file holds exactly one"
            return None, [TreeProblem(path, mark.line + 1, mark.column + 1, message)]
        raise
    finally:
        loader.dispose()
    if root is None:
        return None, [TreeProblem(path, 1, 1, "file holds no YAML document")]
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        mark = node.start_mark
        if id(node) in seen:
            message = "aliases are not allowed in trees: write the value out"
            return None, [TreeProblem(path, mark.line + 1, mark.column + 1, message)]
        seen.add(id(node))
        if depth > MAX_DEPTH:
            message = f"nested deeper than {MAX_DEPTH} levels"
            return None, [TreeProblem(path, mark.line + 1, mark.column + 1, message)]
        if isinstance(node, MappingNode):
            for key, value in reversed(node.value):
                stack.extend(((value, depth + 1), (key, depth + 1)))
        elif isinstance(node, SequenceNode):
            stack.extend((item, depth + 1) for item in reversed(node.value))
        elif isinstance(node, ScalarNode) and not node.style:
            node.style = None  # libyaml says "" for a plain scalar; the reader, None
    return root, []


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnicodeDecodeError("utf-8", data[:2], 0, 2, "UTF-16 byte order mark")
    return data.decode("utf-8-sig")


def compose_yaml(
    data: bytes, path: Path, *, drafted: bool = False
) -> tuple[yaml.Node | None, list[TreeProblem]]:
    """Bytes to one YAML node graph, or the problem that stops it (with its line).

    `drafted`: the text is the drafter's own output (`draft_yaml`), composed by libyaml
    when present (`_drafted_node`); the guards and every check after composing are the same.
    """
    if len(data) > MAX_TREE_BYTES:
        return None, [TreeProblem(path, 1, 1, f"file is larger than {MAX_TREE_BYTES // 1024} KB")]
    try:
        text = _decode(data)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [TreeProblem(path, line, 1, "not UTF-8 text")]
    if not text.strip():
        return None, [TreeProblem(path, 1, 1, "file is empty")]
    if drafted and _DraftYAMLLoader is not None:
        try:
            return _drafted_node(text, path)
        except yaml.YAMLError as exc:
            return None, [_syntax_problem(exc, path)]
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
    except yaml.YAMLError as exc:
        return None, [_syntax_problem(exc, path)]
    finally:
        loader.dispose()


def _syntax_problem(exc: yaml.YAMLError, path: Path) -> TreeProblem:
    """The problem a YAML error is, at its line when it has one."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        message = f"YAML syntax: {exc.problem or exc.context}"
        if exc.context and exc.problem:
            message += f" ({exc.context})"
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return TreeProblem(path, line, column, message)
    return TreeProblem(path, 1, 1, f"YAML: {exc}")


def show_tag(tag: str) -> str:
    return "!!" + tag[len(TAG) :] if tag.startswith(TAG) else tag


def walk_nodes(node: yaml.Node) -> list[yaml.Node]:
    """Every node under `node`, itself first, in file order (a list: the loader's checks
    go over it more than once)."""
    out: list[yaml.Node] = []
    stack = [node]
    while stack:
        current = stack.pop()
        out.append(current)
        if isinstance(current, MappingNode):
            for key, value in current.value:
                stack.extend((value, key))
        elif isinstance(current, SequenceNode):
            stack.extend(reversed(current.value))
    return out


def _constructed(node: ScalarNode) -> Any:
    """What YAML 1.1 would have made of a plain scalar (for the message only)."""
    try:
        return yaml.constructor.SafeConstructor().construct_object(node)
    except (yaml.YAMLError, ValueError, OverflowError):  # 2020-13-45: a date with month 13
        return node.value


def trap_message(node: ScalarNode) -> str:
    """Why a plain scalar that YAML read as a non-string cannot stand for text."""
    value = node.value
    kind = node.tag[len(TAG) :] if node.tag.startswith(TAG) else node.tag
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


#: ASCII characters neither `_CONTROL_CHAR_RE` nor `_BIDI_CHAR_RE` matches.
_PLAIN_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n"


def _plain_ascii(text: str) -> bool:
    """Whether `text` is ASCII with no control character but tab and newline (then no
    control or bidi character): a byte table deletes the plain ones and nothing is left,
    about 100x faster than the regexes' scan of a whole tree's values."""
    return text.isascii() and not text.encode("ascii").translate(None, _PLAIN_ASCII)


def any_bad_character(values: list[str]) -> bool:
    """Whether any of `values` holds a character `bad_characters` reports (one search
    over them all, as it starts): for a Tree built without its YAML nodes."""
    every = "\n".join(values)
    return not _plain_ascii(every) and bool(_BAD_CHAR_RE.search(every))


def bad_characters(
    root: yaml.Node, nodes: list[yaml.Node] | None = None
) -> Iterator[tuple[ScalarNode, str]]:
    """(value, message) for each value holding a control or bidi character.

    A control character can only be written with a YAML escape (`"\\e]0;...\\a"`) and
    would reach the terminal of whoever walks the tree; a bidi control makes a title
    read differently from what it says. `nodes`: `walk_nodes(root)` when the caller has it.
    """
    scalars = [
        n for n in (walk_nodes(root) if nodes is None else nodes) if isinstance(n, ScalarNode)
    ]
    # one search over every value first: almost every tree holds no such character
    every = "\n".join(node.value for node in scalars)
    if _plain_ascii(every) or not _BAD_CHAR_RE.search(every):
        return
    for node in scalars:
        control = _CONTROL_CHAR_RE.search(node.value)
        if control:
            code = ord(control.group())
            yield (
                node,
                f"control character U+{code:04X} in text (written as a YAML escape such as "
                '"\\e" or "\\a"): it would reach the terminal of whoever reads the tree; '
                "remove it",
            )
        bidi = _BIDI_CHAR_RE.search(node.value)
        if bidi:
            yield (
                node,
                f"bidirectional control U+{ord(bidi.group()):04X} in text: it makes the text "
                "read differently from what it says; remove it",
            )
