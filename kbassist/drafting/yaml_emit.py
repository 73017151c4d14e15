"""The drafter's tree file written and composed in one pass: the text libyaml's emitter
writes for `draft_yaml`'s dict, and the node graph libyaml's parser composes back from it.

Why: reading the draft back (`read_tree_bytes(..., drafted=True)`) re-parses text this
process has just written; a quarter of the drafting time went into that round trip. The
drafter's dict has one known shape (block mappings with plain word keys, block lists,
the two-key `{article: ..., section: ...}` sources in flow style, every string
double-quoted, `true` and small integers plain), so the emitter's rules for it are few:
each is libyaml 0.2's (`yaml_emitter_write_double_quoted_scalar`, `write_indent`,
`increase_indent`, the block and flow mapping and sequence states), and each node gets
the marks the scanner would give it (start of the token, end after it). The Tree and the
problems are then read from these nodes by the same reader (`read_tree_root`).

Anything outside that shape (another value type, a key YAML would quote, a list in a
list, a character the emitter escapes in a way not handled here, nesting past the
guard's depth, a header line YAML would read differently) makes `emit_draft` answer
None, and the caller takes the old path (libyaml's emitter, then its parser). The text is
byte-identical to `draft_yaml`'s and the nodes equal the composed ones in tag, value,
style, flow style and start marks, and scalars' end marks (tests/test_drafting_perf26.py
compares them; a collection's end mark, which no reader looks at, is where its last
child ends).
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from kbassist.trees.safe_yaml import MAX_DEPTH

_Mark: Any = None  # libyaml's Mark (what its parser puts on nodes); None without libyaml
try:
    from yaml import _yaml as _libyaml

    _Mark = _libyaml.Mark
except ImportError:  # pragma: no cover - PyYAML without libyaml
    pass

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_SOURCE_KEYS = frozenset({"article", "section"})
#: libyaml breaks a double-quoted scalar at a space once the column is past this
#: (`draft_yaml`'s width=92).
_WIDTH = 92
#: The mark name libyaml's parser gives a str it reads.
_NAME = "<unicode string>"

#: A character libyaml writes escaped in a double-quoted scalar: not printable to it
#: (C0, DEL, C1, surrogates, U+FEFF, U+FFFE/U+FFFF, and every non-BMP character: its
#: printable test stops at three UTF-8 bytes), a line break, `"` or a backslash.
_ESCAPED_RE = re.compile(
    r"[^\x20\x21\x23-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]"
)
#: A header character that would make the comment lines read differently (a break but
#: the newlines between them, a control character) or that the fast path leaves to
#: libyaml (tab, non-BMP).
_HEADER_BAD_RE = re.compile(r"[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
#: A key written plain by the emitter and read back as a str (checked once per key).
_KEY_RE = re.compile(r"[a-z][a-z0-9_]{0,40}\Z")
_NAMED = {
    0x00: "0",
    0x07: "a",
    0x08: "b",
    0x09: "t",
    0x0A: "n",
    0x0B: "v",
    0x0C: "f",
    0x0D: "r",
    0x1B: "e",
    0x22: '"',
    0x5C: "\\",
    0x85: "N",
    0x2028: "L",
    0x2029: "P",
}
#: key -> whether the fast path may write it plain (the resolver reads it as a str)
_KEY_OK: dict[str, bool] = {}


class _Unsupported(Exception):
    """The dict leaves the known shape: the caller takes libyaml's round trip."""


def _escape(match: re.Match[str]) -> str:
    value = ord(match.group())
    if 0xD800 <= value <= 0xDFFF:
        raise _Unsupported  # libyaml's path raises on a lone surrogate: keep its error
    named = _NAMED.get(value)
    if named is not None:
        return "\\" + named
    if value <= 0xFF:
        return f"\\x{value:02X}"
    if value <= 0xFFFF:
        return f"\\u{value:04X}"
    return f"\\U{value:08X}"


def _key_ok(key: str) -> bool:
    ok = _KEY_OK.get(key)
    if ok is None:
        resolver = yaml.resolver.Resolver()
        ok = bool(_KEY_RE.match(key)) and resolver.resolve(ScalarNode, key, (True, False)) == _STR
        if len(_KEY_OK) < 1024:
            _KEY_OK[key] = ok
    return ok


class _Writer:
    """The emitter's output and position (line, column, character index) as it writes,
    and every node it made (the nodes `walk_nodes` would list: each mapping before its
    keys and values; the checks that go over them do not depend on their order).
    `keep=False` writes the text only (no nodes, no marks: half the work), for a caller
    that builds its Tree from the dict (`emit_text`)."""

    __slots__ = ("col", "index", "keep", "line", "nodes", "parts")

    def __init__(self, line: int, index: int, keep: bool = True) -> None:
        self.parts: list[str] = []
        self.nodes: list[yaml.Node] = []
        self.keep = keep
        self.line = line
        self.col = 0
        self.index = index

    def _open(self, text: str) -> Any:
        """Write ' ' + `text` (a flow collection's opening); its mark."""
        self.parts.append(" " + text)
        self.col += 1 + len(text)
        self.index += 1 + len(text)
        return _Mark(_NAME, self.index - len(text), self.line, self.col - len(text), None, None)

    def quoted(self, value: str, indent: int) -> Any:
        """' "value"' as `write_double_quoted_scalar` writes it (breaks at a space past
        the width, a backslash before a space that follows the break), as a node."""
        line = start_line = self.line
        index = start_index = self.index + 1
        start_col = self.col + 1
        text = _ESCAPED_RE.sub(_escape, value) if _ESCAPED_RE.search(value) else value
        size = len(text)
        col = self.col + 2  # after the opening quote
        if col + size <= _WIDTH + 1:
            self.parts.append(' "' + text + '"')
            index += size + 2
            col += size + 1
        else:
            parts = self.parts
            parts.append(' "')
            index += 1
            begin = 0  # start of the part not yet written; `col` is its column
            find = text.find
            at = find(" ", max(1, begin + _WIDTH + 1 - col))
            while at != -1:
                # a space at column > width, not the first or last character, not after a space
                if at < size - 1 and text[at - 1] != " ":
                    parts.append(text[begin:at])
                    index += at - begin + 1 + indent
                    line += 1
                    if text[at + 1] == " ":
                        parts.append("\n" + " " * indent + "\\")
                        col = indent + 1
                        index += 1
                    else:
                        parts.append("\n" + " " * indent)
                        col = indent
                    begin = at + 1  # the space itself is the break
                    at = find(" ", max(begin, begin + _WIDTH + 1 - col))
                else:
                    at = find(" ", at + 1)
            parts.append(text[begin:] + '"')
            index += size - begin + 1
            col += size - begin + 1
        self.line, self.col, self.index = line, col, index
        if not self.keep:
            return None
        start = _Mark(_NAME, start_index, start_line, start_col, None, None)
        node = ScalarNode(_STR, value, start, _Mark(_NAME, index, line, col, None, None), '"')
        self.nodes.append(node)
        return node

    def plain(self, value: Any) -> Any:
        """' true' / ' false' / ' ' + an integer, plain."""
        if value is True or value is False:
            text, tag = ("true" if value else "false"), _BOOL
        elif type(value) is int:
            text, tag = str(value), _INT
        else:
            raise _Unsupported
        if not self.keep:
            self.parts.append(" " + text)
            self.col += 1 + len(text)
            self.index += 1 + len(text)
            return None
        start = _Mark(_NAME, self.index + 1, self.line, self.col + 1, None, None)
        self.parts.append(" " + text)
        self.col += 1 + len(text)
        self.index += 1 + len(text)
        end = _Mark(_NAME, self.index, self.line, self.col, None, None)
        node = ScalarNode(tag, text, start, end, None)
        self.nodes.append(node)
        return node

    def key(self, key: Any, text: str) -> Any:
        """Write `text` (what goes before the key: a newline and the indent, a space or
        nothing), the plain key and its colon; the key's node."""
        if type(key) is not str or not (_KEY_OK.get(key) or _key_ok(key)):
            raise _Unsupported
        self.parts.append(text + key + ":")
        if text and text[0] == "\n":
            self.line += 1
            self.col = len(text) - 1
        else:
            self.col += len(text)
        index = self.index + len(text)
        size = len(key)
        line, col = self.line, self.col
        self.col = col + size + 1
        self.index = index + size + 1
        if not self.keep:
            return None
        node = ScalarNode(
            _STR,
            key,
            _Mark(_NAME, index, line, col, None, None),
            _Mark(_NAME, index + size, line, col + size, None, None),
            None,
        )
        self.nodes.append(node)
        return node

    # ------------------------------------------------------------------ nodes

    def value(self, data: Any, indent: int, depth: int, in_list: bool) -> Any:
        """A mapping value (after `key:`) or a list item (after `-`); `indent` is the
        emitter's indent there (the mapping's, or the indentless list's)."""
        if depth > MAX_DEPTH:
            raise _Unsupported  # the read's guard refuses it: let it say so
        kind = type(data)
        if kind is str:
            return self.quoted(data, indent + 2)
        if kind is dict:
            if not data:
                return self._empty("{}", MappingNode, _MAP)
            if len(data) == 2 and data.keys() == _SOURCE_KEYS:
                return self.flow(data, indent + 2, depth)
            return self.block(data, indent + 2, depth, first_inline=in_list)
        if kind is list:
            if not data:
                return self._empty("[]", SequenceNode, _SEQ)
            if in_list:
                raise _Unsupported  # a list in a list: not the drafter's shape
            return self.sequence(data, indent, depth)
        return self.plain(data)

    def _empty(self, text: str, node: Any, tag: str) -> Any:
        start = self._open(text)
        if not self.keep:
            return None
        made = node(tag, [], start, _Mark(_NAME, self.index, self.line, self.col, None, None), True)
        self.nodes.append(made)
        return made

    def block(self, data: dict[Any, Any], indent: int, depth: int, first_inline: bool) -> Any:
        """A block mapping at `indent`; its first key on the `- ` line when in a list."""
        nodes = self.nodes
        slot = len(nodes)
        nodes.append(None)  # type: ignore[arg-type]  # the mapping, made after its pairs
        pairs = []
        pad = "\n" + " " * indent
        depth += 1
        for key, item in data.items():
            if first_inline:
                key_node = self.key(key, " " * (indent - self.col))
                first_inline = False
            else:
                key_node = self.key(key, pad)
            if type(item) is str and depth <= MAX_DEPTH:
                pairs.append((key_node, self.quoted(item, indent + 2)))
            else:
                pairs.append((key_node, self.value(item, indent, depth, False)))
        if not self.keep:
            return None
        end = _Mark(_NAME, self.index, self.line, self.col, None, None)
        node = MappingNode(_MAP, pairs, pairs[0][0].start_mark, end, False)
        nodes[slot] = node
        return node

    def flow(self, data: dict[Any, Any], indent: int, depth: int) -> Any:
        """`{article: "...", section: "..."}`: a break before a key past the width."""
        if depth + 1 > MAX_DEPTH:
            raise _Unsupported
        nodes = self.nodes
        slot = len(nodes)
        nodes.append(None)  # type: ignore[arg-type]
        start = self._open("{")
        pairs = []
        for number, (key, item) in enumerate(data.items()):
            before = ""  # right after "{": no space
            if number:
                self.parts.append(",")
                self.col += 1
                self.index += 1
                before = " "
            if self.col > _WIDTH:
                before = "\n" + " " * indent
            key_node = self.key(key, before)
            if type(item) is str:
                pairs.append((key_node, self.quoted(item, indent + 2)))
            else:
                pairs.append((key_node, self.plain(item)))
        self.parts.append("}")
        self.col += 1
        self.index += 1
        if not self.keep:
            return None
        end = _Mark(_NAME, self.index, self.line, self.col, None, None)
        node = MappingNode(_MAP, pairs, start, end, True)
        nodes[slot] = node
        return node

    def sequence(self, data: list[Any], indent: int, depth: int) -> Any:
        """An indentless block list under a mapping key at `indent`."""
        nodes = self.nodes
        slot = len(nodes)
        nodes.append(None)  # type: ignore[arg-type]
        items = []
        pad = "\n" + " " * indent + "-"
        start = _Mark(_NAME, self.index + 1 + indent, self.line + 1, indent, None, None)
        depth += 1
        for item in data:
            self.parts.append(pad)
            self.line += 1
            self.col = indent + 1
            self.index += indent + 2
            if type(item) is str and depth <= MAX_DEPTH:
                items.append(self.quoted(item, indent + 2))
            else:
                items.append(self.value(item, indent, depth, True))
        if not self.keep:
            return None
        end = _Mark(_NAME, self.index, self.line, self.col, None, None)
        node = SequenceNode(_SEQ, items, start, end, False)
        nodes[slot] = node
        return node


def emit_draft(tree: dict[str, Any], header: str) -> tuple[str, yaml.Node, list[yaml.Node]] | None:
    """(`header` + the tree's YAML, its composed root node, every node under it),
    or None when the dict leaves the drafter's shape (then `draft_yaml` and the parser
    are the way)."""
    if _Mark is None or type(tree) is not dict or not tree or _HEADER_BAD_RE.search(header):
        return None
    writer = _Writer(header.count("\n"), len(header))
    try:
        root = writer.block(tree, 0, 1, first_inline=True)
    except _Unsupported:
        return None
    writer.parts.append("\n")
    return header + "".join(writer.parts), root, writer.nodes


def emit_text(tree: dict[str, Any], header: str) -> str | None:
    """`emit_draft`'s text alone (no nodes, no marks), or None where it answers None:
    for `draft_checked`, which builds the Tree from the dict and reads the text only on
    a lint problem."""
    if _Mark is None or type(tree) is not dict or not tree or _HEADER_BAD_RE.search(header):
        return None
    writer = _Writer(header.count("\n"), len(header), keep=False)
    try:
        writer.block(tree, 0, 1, first_inline=True)
    except _Unsupported:
        return None
    writer.parts.append("\n")
    return header + "".join(writer.parts)
