"""One placeholder word, two different values: asked apart.

Readers marked HighRBDCloneSnapshotCount, whose `<namespace>` was asked once for `rbd
children --pool <pool> [--namespace <namespace>] <image>` (a RADOS namespace inside a
Ceph pool) and then filled into `oc delete pvc <pvc-name> -n <namespace>` (the PVC's
Kubernetes namespace): the same word in the article, two things on the cluster. The
command's tool and flag tell them apart: `-n` / `--namespace` of `oc` / `kubectl` names a
Kubernetes namespace, `--namespace` of `rbd` / `rados` a RADOS one. When one asked input
lands in both, the commands of the kind its question does not quote get an input of
their own, asked right after it, and each is titled by what it is.

Cheap: one walk over the draft's nodes, only when an input's variable follows a
`--namespace` of a Ceph tool (a substring test first).
"""

from __future__ import annotations

import re
from typing import Any

#: `-n {var}`, `--namespace {var}`, `--namespace={var}` (optionally in `[...]`): the
#: tool is the last command word before the flag on the same line.
_TOOL_RE = re.compile(r"(?<![\w./-])(oc|kubectl|virtctl|rbd|rados)(?=\s)")
_KUBE = frozenset({"oc", "kubectl", "virtctl"})
_CEPH = frozenset({"rbd", "rados"})
#: The Kubernetes kind a command names before the object it acts on: `oc delete pvc x`.
_KIND_RE = re.compile(
    r"\b(?:get|describe|delete|edit|patch|logs|rsh|exec)\s+(?:-\S+\s+)*([a-z][a-z.]*)[ /]"
)
_KIND_NAMES = {
    "pvc": "PVC",
    "pv": "PV",
    "pod": "pod",
    "pods": "pod",
    "volumesnapshot": "VolumeSnapshot",
    "deployment": "deployment",
    "vm": "VM",
    "vmi": "VMI",
}


def _kind_of(text: str, start: int, var: str) -> str:
    """ "kube" or "ceph" by the tool and flag right before `{var}` at `start` in `text`;
    "" when no namespace flag stands before it."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if not re.search(r"(?:\s-n\s+|--namespace[= ])\[?$", before):
        return ""
    tools = _TOOL_RE.findall(before)
    if not tools:
        return ""
    return "kube" if tools[-1] in _KUBE else "ceph" if tools[-1] in _CEPH else ""


def _texts(node: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """(holder, key) of every text field of a node that a variable may be written in."""
    out: list[tuple[dict[str, Any], str]] = []
    if node.get("kind") == "info" and isinstance(node.get("text"), str):
        out.append((node, "text"))
    for part in ("steps", "verify", "rollback"):
        for item in node.get(part) or []:
            for key in ("text", "detail"):
                if isinstance(item.get(key), str):
                    out.append((item, key))
    return out


def reused_inputs_split(tree: dict[str, Any], body: str) -> None:
    """Give the Kubernetes namespace its own input where one input asked for a RADOS
    namespace is also written after `oc -n` (or the other way round); `body`, the
    article's text, gives the command the new input quotes as the article writes it."""
    nodes: list[dict[str, Any]] = tree.get("nodes", [])
    inputs = [n for n in nodes if n.get("kind") == "input" and "namespace" in n.get("text", "")]
    if not inputs:
        return
    fields = [f for n in nodes for f in _texts(n)]
    taken = {n["var"] for n in nodes if n.get("kind") == "input"}
    for node in inputs:
        var = node["var"]
        mark = "{" + var + "}"
        uses: list[tuple[dict[str, Any], str, str]] = []
        for holder, key in fields:
            text = holder[key]
            if mark not in text:
                continue
            for at in [m.start() for m in re.finditer(re.escape(mark), text)]:
                kind = _kind_of(text, at, var)
                if kind:
                    uses.append((holder, key, kind))
        kinds = {k for _, _, k in uses}
        if kinds != {"kube", "ceph"}:
            continue
        own = _quoted_kind(str(node.get("text", "")))
        if not own:
            continue
        other = "kube" if own == "ceph" else "ceph"
        n = 1
        while f"{var}_{n}" in taken:
            n += 1
        new_var = f"{var}_{n}"
        taken.add(new_var)
        for holder, key, kind in uses:
            if kind == other:
                holder[key] = _rewrite(holder[key], mark, "{" + new_var + "}", other)
        literal = re.search(r"The article writes (<[^<>]{1,40}>) where", str(node.get("text")))
        quote = _article_line(body, literal.group(1), other) if literal else ""
        _titled(node, own, str(node.get("text", "")))
        swap = {"id": f"{node['id']}_{n}", "var": new_var, "next": node.get("next")}
        twin = {k: swap.get(k, v) for k, v in node.items() if k != "default"}
        twin["text"] = _retext(str(node.get("text", "")), quote)
        _titled(twin, other, quote)
        node["next"] = twin["id"]
        nodes.insert(nodes.index(node) + 1, twin)


def _quoted_kind(text: str) -> str:
    """The kind of namespace the input's own question quotes (its first flagged use)."""
    for found in re.finditer(r"(?:\s-n\s+|--namespace[= ])\[?(<[^<>]{1,40}>|\{\w+\})", text):
        before = text[: found.start() + 1]
        tools = _TOOL_RE.findall(before)
        if tools:
            return "kube" if tools[-1] in _KUBE else "ceph" if tools[-1] in _CEPH else ""
    return ""


def _rewrite(text: str, mark: str, new: str, kind: str) -> str:
    """`text` with `mark` replaced by `new` where it follows a flag of that kind."""
    out: list[str] = []
    at = 0
    for found in re.finditer(re.escape(mark), text):
        if _kind_of(text, found.start(), mark[1:-1]) == kind:
            out.append(text[at : found.start()] + new)
            at = found.end()
    out.append(text[at:])
    return "".join(out)


def _article_line(body: str, literal: str, kind: str) -> str:
    """The article's first command line that writes `literal` after a flag of `kind`."""
    for line in body.split("\n"):
        at = line.find(literal)
        while at >= 0:
            if _kind_of(line, at, "") == kind:
                return line.strip().strip("`")[:200]
            at = line.find(literal, at + 1)
    return ""


def _retext(text: str, quote: str) -> str:
    """The input's text with the command it quotes swapped for `quote`."""
    found = re.search(r': "(.*)" (?=[^"]*\?$)', text)
    if not found or not quote:
        return text
    return text[: found.start(1)] + quote.replace('"', "'") + text[found.end(1) :]


def _titled(node: dict[str, Any], kind: str, context: str) -> None:
    """Title, question and help of a namespace input by the kind it is."""
    text = str(node.get("text", ""))
    cut = text.rfind('" ')
    head = text[: cut + 2] if cut >= 0 and text.endswith("?") else ""
    if kind == "ceph":
        node["title"] = "RADOS namespace"
        question = "Which RADOS namespace is it in?"
        node["help"] = (
            "A RADOS namespace inside the Ceph pool (the rbd tool's --namespace), not a "
            "Kubernetes namespace; it replaces the placeholder in the command."
        )
    else:
        found = _KIND_RE.search(context)
        thing = _KIND_NAMES.get(found.group(1), "") if found else ""
        node["title"] = f"{thing} namespace" if thing.isupper() else "Kubernetes namespace"
        if thing and not thing.isupper():
            node["title"] = f"The {thing}'s namespace"
        question = f"Which namespace is the {thing} in?" if thing else "Which namespace is it in?"
        node["help"] = (
            "A Kubernetes namespace (oc's -n), not the RADOS namespace asked before; it "
            "replaces the placeholder in the command."
        )
    node["text"] = re.sub(
        r"where you type [^:]{1,60}:",
        f"where you type the {node['title'][0].lower() + node['title'][1:]}:"
        if not node["title"].startswith(("The ", "PVC", "PV ", "VM", "RADOS"))
        else f"where you type the {node['title'].removeprefix('The ')}:",
        head + question if head else text,
        count=1,
    )
