"""Reading a tree file: safe YAML, then the schema, collecting every problem with its line.

The YAML is composed by `kbassist.trees.safe_yaml` (which refuses what would load
something other than plain data), then read into the model value by value with
`kbassist.trees.reader.TreeReader`: the tree's own keys, constraints and tests here,
each node by the reader registered for its kind (`kbassist.trees.node_readers`).

Refused outright, with a message naming the line: files over `MAX_TREE_BYTES`, text
that is not UTF-8, several YAML documents, anchors and aliases, nesting deeper than
`MAX_DEPTH`, and tags other than YAML's plain ones (so `!!python/object` never loads).
A problem at its line (the tree is then neither walked nor listed): a control character
in any value, which only a YAML escape can write (`"\\e]0;...\\a"` would reach the
terminal of whoever walks the tree), and bidirectional controls, which make a title
read differently from what it says.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from kbassist.errors import DataError
from kbassist.trees.model import Constraint, Node, Pos, Tree, TreeProblem, TreeTest
from kbassist.trees.node_readers import NODE_READERS, NodeFields, all_node_keys
from kbassist.trees.reader import (
    NODE_ID_RE,
    TREE_ID_RE,
    Ref,
    TreeReader,
    Use,
    did_you_mean,
    pos_of,
)
from kbassist.trees.safe_yaml import (
    ALLOWED_TAGS,
    MAX_TREE_BYTES,
    TAG,
    bad_characters,
    compose_yaml,
    show_tag,
    walk_nodes,
)

TREE_SUFFIXES = (".yaml", ".yml")

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


class _FileReader(TreeReader):
    """Reads a tree file's layout: its own keys, its nodes (each by its kind's reader),
    its constraints and its tests."""

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
                n, "tree id", TREE_ID_RE, "use lower-case letters, digits, '.', '-' and '_'"
            ),
            "",
        )
        if tree_id:
            self.refs.append(Ref("id", tree_id, pos_of(fields["id"])))
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
                NODE_ID_RE,
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
            if kind is not None and kind not in NODE_READERS:
                kinds = tuple(NODE_READERS)
                self.add(
                    raw["kind"],
                    f"kind {kind!r} is not one of {', '.join(kinds)}{did_you_mean(kind, kinds)}",
                    node_id,
                )
                kind = None
        any_keys = all_node_keys()
        keys = NODE_READERS[kind].keys if kind else any_keys
        what = f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} node" if kind else "a node"
        fields = self.mapping(item, what, keys, node_id, other_keys=any_keys)
        node = None
        if fields is not None and node_id is not None and kind is not None:
            node = self.build_node(kind, node_id, fields, pos_of(item))
        if node is None:
            if node_id is not None:
                self.broken_ids.add(node_id)
            return None
        return node

    def build_node(
        self, kind: str, node_id: str, fields: dict[str, yaml.Node], pos: Pos
    ) -> Node | None:
        """What every node has (title, text, source), then the kind's own reader."""
        f = NodeFields(self, node_id, fields, pos)
        common = {
            "id": node_id,
            "title": f.opt("title", lambda n: self.text(n, "title", node_id)) or node_id,
            "text": f.opt("text", lambda n: self.template(n, "text", node_id)),
            "source": f.opt("source", lambda n: self.source(n, node_id)),
            "pos": pos,
        }
        return NODE_READERS[kind].read(f, common)

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
        return Constraint(check, message, fix, pos_of(node))

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
                if not isinstance(value_node, ScalarNode) or value_node.tag == TAG + "null":
                    self.add(value_node, f"answer {key_node.value!r} must be a single value")
                    ok = False
                    continue
                answers.append((key_node.value, value_node.value))
                self.refs.append(Ref("answer", key_node.value, pos_of(key_node)))
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
            pos=pos_of(node),
        )


# --------------------------------------------------------------------------- entry points


def is_tree_id(text: str) -> bool:
    """Whether `text` may be a tree id (and so the stem of a tree file's name)."""
    return bool(TREE_ID_RE.match(text))


def tree_hash(data: bytes) -> str:
    """The content hash a session stores to notice that its tree changed."""
    return hashlib.sha256(data).hexdigest()[:32]


def read_tree_bytes(data: bytes, path: Path, *, drafted: bool = False) -> LoadResult:
    """Parse one tree file's bytes into a LoadResult (never raises for bad input).

    `drafted`: the bytes are `draft_yaml`'s output, composed with the faster libyaml
    parser (`compose_yaml`); every check on the composed nodes is the same."""
    root, problems = compose_yaml(data, path, drafted=drafted)
    if root is None:
        return LoadResult(path, None, problems)
    return read_tree_root(root, data, path)


def read_tree_root(
    root: yaml.Node,
    data: bytes,
    path: Path,
    text: str | None = None,
    nodes: list[yaml.Node] | None = None,
) -> LoadResult:
    """The checks and the tree reader on a composed `root` of the file `data` (`text`:
    `data` decoded, `nodes`: `walk_nodes(root)`, when the caller has them):
    `read_tree_bytes` after composing, and the drafter's own path, whose emitter makes
    the nodes as it writes (`kbassist.drafting.yaml_emit`)."""
    if text is None:
        text = data.decode("utf-8-sig", errors="replace")
    reader = _FileReader(path, text.splitlines())
    if nodes is None:
        nodes = walk_nodes(root)
    bad_tags = [n for n in nodes if n.tag not in ALLOWED_TAGS]
    if bad_tags:
        for node in bad_tags:
            reader.add(node, f"tag {show_tag(node.tag)} is not allowed in trees")
        return LoadResult(path, None, reader.problems)
    for node, message in bad_characters(root, nodes):
        reader.add(node, message)
    tree = reader.tree(root, tree_hash(data))
    problems = sorted(reader.problems, key=TreeProblem.sort_key)
    return LoadResult(path, tree, problems, reader.broken_ids, reader.refs, reader.uses)


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
    reader = _FileReader(path)
    pairs = reader.pairs(root, "an answers file") or []
    answers: dict[str, Answer] = {}
    for key_node, value_node in pairs:
        key = key_node.value
        if value_node.tag not in ALLOWED_TAGS:
            reader.add(value_node, f"{key}: tag {show_tag(value_node.tag)} is not allowed")
        elif not isinstance(value_node, ScalarNode):
            reader.add(value_node, f"{key}: the answer must be a single value, not a list")
        elif value_node.tag == TAG + "null":
            reader.add(value_node, f"{key}: the answer is empty")
        else:
            answers[key] = Answer(value_node.value, pos_of(value_node), pos_of(key_node))
    if reader.problems:
        raise _first(reader.problems)
    return answers


def _first(problems: list[TreeProblem]) -> DataError:
    first = problems[0]
    return DataError(first.message, path=first.path, line=first.line, column=first.column)
