"""Checks on a loaded tree that need the whole file: links, reachability, cycles, the
variables each template and condition reads, condition types, and article citations.

The knowledge base is reached only through a `lookup(article_id) -> Article | None`
callable, so lint runs without an index in tests and the CLI passes one backed by it.
"""

from __future__ import annotations

import difflib
from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path

from kbassist.articles import Article
from kbassist.trees.conditions import Compare, Lit, Var, iter_compares
from kbassist.trees.loader import LoadResult, iter_tree_files, read_tree_file
from kbassist.trees.model import Pos, Source, Tree, TreeProblem
from kbassist.trees.reader import Ref
from kbassist.trees.values import InvalidValue, parse_time

Lookup = Callable[[str], Article | None]


def lint_result(result: LoadResult, lookup: Lookup | None = None) -> list[TreeProblem]:
    """Every problem of one file: the loader's, then these checks (sorted by line)."""
    problems = list(result.problems)
    tree = result.tree
    if tree is not None:
        checker = _Checker(result, tree)
        checker.references()
        checker.tests()
        if result.complete and tree.start in tree.nodes:
            checker.graph()
            checker.flow()
        checker.types()
        checker.citations(lookup)
        problems.extend(checker.problems)
    return sorted(set(problems), key=TreeProblem.sort_key)


def tree_files(paths: Iterable[Path]) -> tuple[list[Path], list[TreeProblem]]:
    """Expand folders to their tree files; a missing path is a problem, not a crash."""
    files: list[Path] = []
    problems: list[TreeProblem] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            try:
                files.extend(iter_tree_files(path))
            except OSError as exc:
                problems.append(TreeProblem(path, 0, 0, f"cannot list: {exc.strerror or exc}"))
        elif path.exists():
            files.append(path)
        else:
            problems.append(TreeProblem(path, 0, 0, "no such file or folder"))
    return files, problems


def lint_paths(
    paths: Iterable[Path], lookup: Lookup | None = None
) -> tuple[list[LoadResult], list[TreeProblem]]:
    """Load and check every tree file under `paths`; report every problem in one go.

    Also reports two files declaring the same tree id (a walk could not tell them apart).
    """
    files, problems = tree_files(paths)
    results: list[LoadResult] = []
    owners: dict[str, Path] = {}
    for path in files:
        result = read_tree_file(path)
        results.append(result)
        problems.extend(lint_result(result, lookup))
        tree = result.tree
        if tree is not None and tree.id:
            if tree.id in owners and owners[tree.id] != path:
                id_pos = next((r.pos for r in result.refs if r.kind == "id"), Pos(1, 1))
                problems.append(
                    TreeProblem(
                        path,
                        id_pos.line,
                        id_pos.column,
                        f"tree id {tree.id!r} is also declared by {owners[tree.id]}",
                    )
                )
            owners.setdefault(tree.id, path)
    return results, problems


class _Checker:
    def __init__(self, result: LoadResult, tree: Tree) -> None:
        self.result = result
        self.tree = tree
        self.path = result.path
        self.problems: list[TreeProblem] = []
        self.known = set(tree.nodes) | result.broken_ids
        self.reachable: set[str] = set()
        self.must_set: dict[str, frozenset[str]] = {}

    def add(self, pos: Pos, message: str, node_id: str | None = None) -> None:
        self.problems.append(TreeProblem(self.path, pos.line, pos.column, message, node_id))

    def refs(self, kind: str) -> list[Ref]:
        return [r for r in self.result.refs if r.kind == kind]

    # ----------------------------------------------------------------- links

    def references(self) -> None:
        """`next`, `start` and `fix` must name nodes; test outcomes must name outcomes."""
        for ref in self.refs("next") + self.refs("start"):
            if ref.target not in self.known:
                self.add(
                    ref.pos,
                    f"{ref.kind} points to {ref.target!r}, which is not a node"
                    f"{_did_you_mean(ref.target, self.known)}",
                    ref.node_id,
                )
        if not self.tree.nodes and not self.result.broken_ids:
            return
        for constraint in self.tree.constraints:
            if constraint.fix is None:
                continue
            node = self.tree.nodes.get(constraint.fix)
            pos = next(
                (r.pos for r in self.refs("fix") if r.target == constraint.fix), constraint.pos
            )
            if node is None:
                if constraint.fix not in self.result.broken_ids:
                    self.add(
                        pos,
                        f"fix points to {constraint.fix!r}, which is not a node"
                        f"{_did_you_mean(constraint.fix, self.known)}",
                    )
            elif node.var not in constraint.check.variables:
                self.add(pos, f"fix names {constraint.fix!r}, whose answer the check does not read")

    def tests(self) -> None:
        outcomes = {o.id for o in self.tree.outcomes()}
        for ref in self.refs("outcome"):
            if ref.target not in outcomes and ref.target not in self.result.broken_ids:
                self.add(
                    ref.pos,
                    f"test expects outcome {ref.target!r}, which is not an outcome"
                    f"{_did_you_mean(ref.target, outcomes)}",
                )
        variables = set(self.tree.variables())
        if self.result.broken_ids:
            return
        for ref in self.refs("answer"):
            if ref.target not in variables:
                self.add(
                    ref.pos,
                    f"test answers {ref.target!r}, which no node asks"
                    f"{_did_you_mean(ref.target, variables)}",
                )

    # ----------------------------------------------------------------- graph

    def successors(self, node_id: str) -> list[str]:
        node = self.tree.nodes.get(node_id)
        if node is None:
            return []
        return [target for _, target in node.successors() if target in self.tree.nodes]

    def graph(self) -> None:
        """Unreachable nodes, and cycles from which no outcome can be reached."""
        tree = self.tree
        seen = {tree.start}
        queue = deque([tree.start])
        while queue:
            for target in self.successors(queue.popleft()):
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
        self.reachable = seen
        for node in tree.nodes.values():
            if node.id not in seen:
                self.add(
                    node.pos,
                    f"unreachable: no path from the start ({tree.start}) leads here",
                    node.id,
                )
        # Nodes that can reach an outcome, found backwards from the outcomes.
        preds: dict[str, list[str]] = {n: [] for n in tree.nodes}
        for node_id in tree.nodes:
            for target in self.successors(node_id):
                preds[target].append(node_id)
        can_finish = {o.id for o in tree.outcomes()}
        queue = deque(can_finish)
        while queue:
            for source in preds[queue.popleft()]:
                if source not in can_finish:
                    can_finish.add(source)
                    queue.append(source)
        trapped = [n for n in tree.nodes if n in seen and n not in can_finish]
        reported: set[str] = set()
        for node_id in trapped:
            if node_id in reported:
                continue
            cycle = self._cycle_through(node_id, set(trapped))
            if cycle is None:
                continue
            reported.update(cycle)
            loop = " -> ".join([*cycle, cycle[0]])
            self.add(
                tree.nodes[node_id].pos,
                f"cycle with no way out: {loop} never reaches an outcome",
                node_id,
            )

    def _cycle_through(self, start: str, allowed: set[str]) -> list[str] | None:
        """A shortest cycle start -> ... -> start inside `allowed`, or None."""
        parent: dict[str, str] = {}
        queue = deque([start])
        while queue:
            current = queue.popleft()
            for target in self.successors(current):
                if target not in allowed:
                    continue
                if target == start:
                    path = [current]
                    while path[-1] != start:
                        path.append(parent[path[-1]])
                    return list(reversed(path))
                if target not in parent:
                    parent[target] = current
                    queue.append(target)
        return None

    # ----------------------------------------------------------------- variables

    def flow(self) -> None:
        """Every variable a template or condition reads is set on every path to it."""
        tree = self.tree
        must: dict[str, frozenset[str]] = {tree.start: frozenset()}
        queue = deque([tree.start])
        while queue:
            node_id = queue.popleft()
            node = tree.nodes[node_id]
            out = must[node_id] | ({node.var} if node.var else set())
            for target in self.successors(node_id):
                new = out if target not in must else must[target] & out
                if new != must.get(target):
                    must[target] = frozenset(new)
                    queue.append(target)
        self.must_set = must
        setters = tree.variables()
        for use in self.result.uses:
            if use.node_id is None:
                for name in sorted(use.variables - set(setters)):
                    self.add(
                        use.pos,
                        f"{use.what} reads {name!r}, which no node sets"
                        f"{_did_you_mean(name, setters)}",
                    )
                continue
            if use.node_id not in must:
                continue  # unreachable: reported above
            for name in sorted(use.variables - must[use.node_id]):
                if name not in setters:
                    self.add(
                        use.pos,
                        f"{use.what} reads {name!r}, which no node sets"
                        f"{_did_you_mean(name, setters)}",
                        use.node_id,
                    )
                else:
                    path = self._path_without(use.node_id, name)
                    via = f" (e.g. {' -> '.join(path)})" if path else ""
                    self.add(
                        use.pos,
                        f"{use.what} reads {name!r}, which is not set on every path to here{via}",
                        use.node_id,
                    )

    def _path_without(self, goal: str, name: str) -> list[str]:
        """A path from the start to `goal` on which no node sets `name`."""
        tree = self.tree
        parent: dict[str, str | None] = {tree.start: None}
        queue = deque([tree.start])
        while queue:
            current = queue.popleft()
            if current == goal:
                path = [current]
                while (step := parent[path[-1]]) is not None:
                    path.append(step)
                return list(reversed(path))
            if tree.nodes[current].var == name:
                continue
            for target in self.successors(current):
                if target not in parent:
                    parent[target] = current
                    queue.append(target)
        return []

    # ----------------------------------------------------------------- types

    def var_types(self) -> dict[str, tuple[str, tuple[str, ...]]]:
        """variable -> (type, choice values) from the nodes that set it."""
        types: dict[str, tuple[str, tuple[str, ...]]] = {}
        for name, nodes in self.tree.variables().items():
            kinds = {n.value_type() for n in nodes}
            if len(kinds) > 1:
                listed = ", ".join(f"{n.id} ({n.value_type()[0]})" for n in nodes)
                self.add(
                    nodes[-1].pos,
                    f"variable {name!r} is set with different types by {listed}",
                    nodes[-1].id,
                )
            types[name] = nodes[0].value_type()
        return types

    def types(self) -> None:
        """Comparisons must compare like with like, and name real choices."""
        types = self.var_types()
        for use in self.result.uses:
            if use.condition is None:
                continue
            for compare in iter_compares(use.condition.expr):
                message = _compare_problem(compare, types)
                if message:
                    self.add(use.pos, f"{use.what}: {message}", use.node_id)

    # ----------------------------------------------------------------- citations

    def citations(self, lookup: Lookup | None) -> None:
        """Sources cite declared articles; with a lookup, the article and section exist."""
        tree = self.tree
        declared = {a.casefold() for a in tree.articles}
        cache: dict[str, Article | None] = {}

        def find(article_id: str) -> Article | None:
            key = article_id.casefold()
            if key not in cache:
                cache[key] = lookup(article_id) if lookup else None
            return cache[key]

        if lookup is not None:
            for ref in self.refs("article"):
                if find(ref.target) is None:
                    self.add(ref.pos, f"article {ref.target} is not in the knowledge base")
        for node_id, source in _sources(tree):
            if source.article.casefold() not in declared:
                self.add(
                    source.pos,
                    f"source cites {source.article}, which is not in the tree's articles list",
                    node_id,
                )
                continue
            if lookup is None:
                continue
            article = find(source.article)
            if article is None:
                self.add(
                    source.pos,
                    f"source cites {source.article}, which is not in the knowledge base",
                    node_id,
                )
            elif article.section(source.section) is None:
                names = ", ".join(s.name for s in article.sections)
                self.add(
                    source.pos,
                    f"{article.id} has no section {source.section!r} (it has: {names})",
                    node_id,
                )


def _sources(tree: Tree) -> Iterable[tuple[str, Source]]:
    for node in tree.nodes.values():
        for source in node.sources():
            yield node.id, source


def _compare_problem(compare: Compare, types: dict[str, tuple[str, tuple[str, ...]]]) -> str | None:
    left, right = compare.left, compare.right
    if isinstance(left, Lit) and isinstance(right, Lit):
        return f"{left.value!r} {compare.op} {right.value!r} compares two constants"
    if isinstance(left, Lit):
        left, right = right, left
    assert isinstance(left, Var)
    if left.name not in types:
        return None  # reported by flow()
    kind, values = types[left.name]
    ordering = compare.op not in ("==", "!=")
    if ordering and kind in ("choice", "text"):
        return f"{left.name} is {kind}: only == and != apply to it"
    if isinstance(right, Var):
        if right.name in types and types[right.name][0] != kind:
            other = types[right.name][0]
            return f"{left.name} ({kind}) is compared with {right.name} ({other})"
        return None
    value = right.value
    if kind == "number":
        if isinstance(value, str):
            return f"{left.name} is a number: compare it with a number, not {value!r}"
        return None
    if not isinstance(value, str):
        return f"{left.name} is {kind}: quote the value ({str(value)!r})"
    if kind == "choice" and value not in values:
        return f"{value!r} is not a choice of {left.name} ({', '.join(values)})"
    if kind == "time":
        try:
            normal = parse_time(value)
        except InvalidValue:
            return f"{value!r} is not a time of day"
        if normal != value:
            return f"times are compared as HH:MM: write {normal!r}, not {value!r}"
    return None


def _did_you_mean(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def check_result(result: LoadResult) -> list[TreeProblem]:
    """The checks a walk needs (everything but citations, which need the KB)."""
    return lint_result(result, None)
