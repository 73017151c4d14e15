"""A runbook's "Cordon and drain node and delete it": a tick per action, the node asked.

Readers (72:24, 72:30) marked KubeletPodStartUpLatencyHigh's one tick "Cordon and drain
node and delete it. If issue persists look into the node logs." (three actions and a
fallback the admin could not tick apart) and KubeletServerCertificateRenewalErrors'
"Delete node if it affects only one": neither said which node, though the alert names
it. A Mitigation step of a runbook that acts on "node" / "the node" / "the affected
node" with verbs the admin does one after the other ("cordon", "drain", "delete",
"reboot", ...) and no command under it is ticked once per verb, each naming the node the
admin types first (a text input; its help points at the alert's node label). The
sentences after it are ticks of their own. No command is added: the runbook gives none.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.text import brace, split_sentences

#: Verbs done to a node one after the other.
_VERBS = r"cordon|uncordon|drain|delete|remove|reboot|restart|replace|evict|taint|shut ?down"
#: "Cordon and drain node", "Cordon, drain and delete the affected node", "Delete node".
_NODE_ACTS_RE = re.compile(
    rf"^(?P<acts>(?:{_VERBS})(?:(?:,[ \t]{{0,3}}|,?[ \t]{{1,3}}and[ \t]{{1,3}})"
    rf"(?:{_VERBS})){{0,4}})"
    r"[ \t]{1,3}(?P<the>(?:the[ \t]{1,3})?(?:affected[ \t]{1,3}|failing[ \t]{1,3})?)"
    r"node\b(?!\()(?P<tail>[^\n]{0,300})$",
    re.IGNORECASE,
)
#: " and delete it", ", then delete it" after the node: one more action on it.
_AND_IT_RE = re.compile(
    rf"^,?[ \t]{{1,3}}(?:and|then|and then)[ \t]{{1,3}}(?P<verb>{_VERBS})[ \t]{{1,3}}it\b", re.I
)
#: ", proceed to RAID recovery", "; replace if faulty": a next action of its own.
_NEXT_ACT_RE = re.compile(
    rf"[ \t]{{0,3}}(?:;|,(?=[ \t]{{0,3}}(?:then[ \t]{{1,3}})?(?:{_VERBS}|proceed|continue|check|"
    r"look|investigate|contact|open|restore|recover|migrate|wait|run|verify)\b))[ \t]{0,3}"
    r"(?:then[ \t]{1,3})?(?P<act>[a-z][^\n]{2,200})$",
    re.IGNORECASE,
)
#: A detail line that is a pointer, not a command: "Link: ...", "Links:", "1: https://...".
_POINTER_LINE_RE = re.compile(
    r"^(?:links?:|\S{1,60}: https?://|https?://|[^:\n]{1,120}: https?://)", re.I
)
#: The variable the node's name is kept in.
VARIABLES = ("node", "node_name", "affected_node")


def _command_under(detail: str) -> bool:
    """Whether a step's detail holds more than pointers (a command, a block)."""
    lines = [line.strip() for line in detail.splitlines() if line.strip()]
    return any(not _POINTER_LINE_RE.match(line) for line in lines)


def node_ticks(text: str, var: str) -> list[str] | None:
    """The step's sentences with a node action packed in one tick split into one tick
    per action on "the node {var}", each sentence after it its own; None when no
    sentence of the step acts on a node that way."""
    sentences = split_sentences(text) or [text]
    out: list[str] = []
    split = False
    for sentence in sentences:
        found = _NODE_ACTS_RE.match(sentence.strip())
        if found is None or split:
            out.append(sentence.strip())
            continue
        verbs = re.split(r",?[ \t]{1,3}and[ \t]{1,3}|,[ \t]{0,3}", found.group("acts"))
        tail = found.group("tail").rstrip(" .")
        more = _AND_IT_RE.match(tail)
        if more:
            verbs.append(more.group("verb"))
            tail = tail[more.end() :]
        after = ""
        nxt = _NEXT_ACT_RE.search(tail)
        if nxt:
            after, tail = nxt.group("act").strip(), tail[: nxt.start()]
        # "if possible" holds for every action; "to migrate apps from it" is the last's
        purpose = tail if re.match(r"^[ \t]{0,3}(?:to|so|in order)\b", tail) else ""
        said = f"node {{{var}}}"
        for n, verb in enumerate(verbs):
            own = tail if not purpose or n == len(verbs) - 1 else ""
            out.append(f"{verb[:1].upper()}{verb[1:].lower()} the {said}{own}.")
        if after:
            out.append(f"{after[:1].upper()}{after[1:]}" + ("" if after.endswith(".") else "."))
        split = True
    return out if split else None


def _variable(nodes: list[dict[str, Any]]) -> str | None:
    """A free variable for the node's name (None when all are taken)."""
    used = {str(n.get("var", "")) for n in nodes}
    return next((v for v in VARIABLES if v not in used), None)


#: An input that asks a node's name: titled "Node", or asking `$NODE`, `<node-name>`,
#: "NODE_NAME='<value of instance label from alert>'".
_NODE_TITLE_RE = re.compile(r"\bnode\b", re.IGNORECASE)
_NODE_TOKEN_RE = re.compile(r"(?:\$\{?|<)node\b|\bnode_?name\b", re.IGNORECASE)


def _reaches(nodes: list[dict[str, Any]], start: str, goal: str, avoid: str) -> bool:
    """Whether `goal` is reached from `start` on a path not through `avoid`."""
    edges: dict[str, list[str]] = {}
    for n in nodes:
        out = [str(n["next"])] if n.get("next") else []
        out += [str(c["next"]) for c in n.get("choices", []) if c.get("next")]
        edges[str(n.get("id"))] = out
    seen, todo = {avoid}, [start]
    while todo:
        at = todo.pop()
        if at == goal:
            return True
        if at in seen:
            continue
        seen.add(at)
        todo.extend(edges.get(at, []))
    return False


def _node_asked(nodes: list[dict[str, Any]], outcome_id: str) -> str:
    """The variable of an input every walk to the outcome passes that already asks the
    node's name (`$NODE`, "NODE_NAME='<value of instance label from alert>'"); "" when
    none does."""
    start = str(nodes[0].get("id")) if nodes else ""
    for node in nodes:
        if node.get("kind") != "input" or node.get("type") != "text":
            continue
        said = _NODE_TITLE_RE.search(str(node.get("title", ""))) or _NODE_TOKEN_RE.search(
            str(node.get("text", ""))
        )
        if said and not _reaches(nodes, start, outcome_id, str(node.get("id"))):
            return str(node.get("var", ""))
    return ""


def _point_at(nodes: list[dict[str, Any]], old: str, new: str) -> None:
    """Every edge that led to `old` leads to `new`."""
    for node in nodes:
        if node.get("id") == new:
            continue
        if node.get("next") == old:
            node["next"] = new
        for choice in node.get("choices", []) if node.get("kind") == "question" else []:
            if choice.get("next") == old:
                choice["next"] = new


def hoist_shared(
    nodes: list[dict[str, Any]],
    question: dict[str, Any],
    ways: list[tuple[dict[str, Any], list[dict[str, Any]]]],
    hoisted: list[dict[str, Any]],
) -> None:
    """Run `hoisted` (copies of the first nodes every answer's way starts with) once,
    before `question`: each answer skips its own copies, which leave the tree."""
    k = len(hoisted)
    _point_at(nodes, question["id"], hoisted[0]["id"])
    for choice, way in ways:
        choice["next"] = way[k - 1]["next"]
    for n, node in enumerate(hoisted):
        node["next"] = hoisted[n + 1]["id"] if n + 1 < k else question["id"]
    gone = {id(n) for _, way in ways for n in way[:k]}
    at = nodes.index(question)
    nodes[at:at] = hoisted
    nodes[:] = [n for n in nodes if id(n) not in gone]


def ask_before(
    nodes: list[dict[str, Any]],
    before: dict[str, Any],
    var: str,
    title: str,
    text: str,
    help_: str,
    **extra: Any,
) -> None:
    """A text input of `var` inserted before the node `before`, every edge that led there
    leading to it: how a drafted walk asks a site value a fix's steps name. `text` and
    `help_` are plain text (braced here); `extra` adds fields ("default", "source")."""
    ask_id = f"{before['id']}-{var}"
    _point_at(nodes, str(before["id"]), ask_id)
    ask: dict[str, Any] = {
        "id": ask_id,
        "kind": "input",
        "var": var,
        "type": "text",
        "title": title,
        "text": brace(text),
        "help": brace(help_),
    }
    if "default" in extra:
        ask["default"] = extra["default"]
    ask["source"] = dict(extra.get("source") or before.get("source", {}))
    ask["next"] = before["id"]
    nodes.insert(nodes.index(before), ask)


def node_steps(tree: dict[str, Any]) -> None:
    """Each outcome's step that packs actions on a node with no command: a tick per
    action, the node's name asked (a text input before the outcome) and named in them."""
    nodes: list[dict[str, Any]] = tree.get("nodes", [])
    var = _variable(nodes)
    if var is None:
        return
    for outcome in [n for n in nodes if n.get("kind") == "outcome"]:
        steps: list[dict[str, Any]] = outcome.get("steps", [])
        new_steps: list[dict[str, Any]] = []
        said = ""
        for step in steps:
            text = str(step.get("text", ""))
            if said or "{" in text or _command_under(str(step.get("detail", ""))):
                new_steps.append(step)
                continue
            ticks = node_ticks(text, var)
            if ticks is None:
                new_steps.append(step)
                continue
            said = text
            for n, tick in enumerate(ticks):
                one = {k: v for k, v in step.items() if k not in ("text", "detail")}
                one["text"] = brace_except(tick, var)
                if n == 0 and step.get("detail"):
                    one["detail"] = step["detail"]
                new_steps.append(one)
        if not said:
            continue
        asked = _node_asked(nodes, str(outcome["id"]))
        if asked:  # "NODE_NAME='<value of instance label from alert>'": asked already
            for step in new_steps:
                step["text"] = str(step["text"]).replace(f"{{{var}}}", f"{{{asked}}}")
        outcome["steps"] = new_steps
        if asked:
            continue
        quoted = " ".join(said.split())[:200]
        ask_before(
            nodes,
            outcome,
            var,
            "The node's name",
            f'The runbook acts on a node ("{quoted}") without naming it. '
            "Which node? Type its name.",
            "The node label of the firing alert (the console's Alerting page or "
            "Alertmanager shows it).",
        )


def brace_except(text: str, var: str) -> str:
    """`text` as a template: its braces literal, except the `{var}` it asks for."""
    mark = f"{{{var}}}"
    return mark.join(brace(part) for part in text.split(mark))
