"""A runbook fix step that acts on "the given namespace" / "the pod": the object asked.

Readers (76:29 KubeQuotaExceeded, 76:22, 78:10) marked steps such as "Review existing
quota for given namespace and adjust it accordingly" or "Restart the pod" that act on an
object of the admin's cluster the runbook only names by a definite article: the alert's
label says which, but the checklist never asked it, so the tick named nothing. A
Mitigation step of an alert runbook with no command under it that acts on "given
namespace", "the affected pod", "the namespace" (a namespace, pod, deployment,
statefulset, daemonset or PVC; singular, so "the pods" of a rollout stays as written) gets
the object's name asked before its outcome (a text input whose help points at the alert's
label) and shown beside the noun: "Review existing quota for given namespace
{namespace} ...". An input that already asks that object on every walk to the outcome is
reused; a step that already holds an answer is left alone.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.runbook_node_steps import _command_under, _reaches, ask_before
from kbassist.drafting.text import brace

#: The objects asked, by noun: (variable, title, the alert label that names it, the
#: noun as the question says it).
_OBJECTS: dict[str, tuple[str, str, str, str]] = {
    "namespace": ("namespace", "The namespace", "namespace", "namespace"),
    "pod": ("pod", "The pod's name", "pod", "pod"),
    "deployment": ("deployment", "The deployment's name", "deployment", "deployment"),
    "statefulset": ("statefulset", "The StatefulSet's name", "statefulset", "StatefulSet"),
    "daemonset": ("daemonset", "The DaemonSet's name", "daemonset", "DaemonSet"),
    "pvc": ("persistentvolumeclaim", "The PVC's name", "persistentvolumeclaim", "PVC"),
}
#: "given namespace", "the affected pod", "the namespace" followed by the clause's end or
#: a word that begins a phrase of its own (never "the namespace quota", "the pod's").
_OBJECT_RE = re.compile(
    r"\b(?:(?:the[ \t]{1,3})?(?:given|affected|failing|failed|alerting|specified|"
    r"reported)|the)[ \t]{1,3}(?P<noun>namespace|pod|deployment|statefulset|daemonset|pvc)"
    r"(?=[ \t]{0,3}(?:[.,;:)]|$)|[ \t]{1,3}(?:in|for|and|to|with|that|which|is|has|using|"
    r"from|on|if|where|as|by|accordingly|again|first)\b)",
    re.IGNORECASE,
)
#: An action the admin does on the object (the step's first word or a clause's).
_ACTION_RE = re.compile(
    r"^(?:review|check|inspect|describe|restart|delete|remove|recreate|scale|edit|adjust|"
    r"increase|raise|look|examine|investigate|verify|identify|find|drain|redeploy|roll|"
    r"rollout|patch|fix|clean|free|expand|resize|update|exec|debug|get|ensure|make)\b",
    re.IGNORECASE,
)


def _asked(nodes: list[dict[str, Any]], outcome_id: str, var: str) -> bool:
    """Whether an input of `var` is passed by every walk to the outcome."""
    start = str(nodes[0].get("id")) if nodes else ""
    for node in nodes:
        if (
            node.get("kind") == "input"
            and node.get("var") == var
            and not _reaches(nodes, start, outcome_id, str(node.get("id")))
        ):
            return True
    return False


def object_said(text: str) -> re.Match[str] | None:
    """The first object a fix step acts on by a definite article alone, or None: the
    step must begin with an action and hold no answer or value of its own."""
    if "{" in text or "`" in text or not _ACTION_RE.match(text.strip()):
        return None
    return _OBJECT_RE.search(text)


def site_object_inputs(tree: dict[str, Any]) -> None:
    """Ask the namespace / pod / ... an alert runbook's fix step acts on without naming
    it, and name the answer in the step."""
    nodes: list[dict[str, Any]] = tree.get("nodes", [])
    taken = {str(n.get("var", "")) for n in nodes if n.get("var")}
    mine: set[str] = set()  # asked here, one input before each outcome that needs it
    for outcome in [n for n in nodes if n.get("kind") == "outcome"]:
        if str(outcome.get("id", "")).startswith(("not_this_article", "read_article")):
            continue
        wanted: dict[str, str] = {}  # var -> the step that acts on it
        for step in outcome.get("steps", []):
            text = str(step.get("text", ""))
            if _command_under(str(step.get("detail", ""))):
                continue
            found = object_said(text)
            if found is None:
                continue
            var = _OBJECTS[found.group("noun").casefold()][0]
            if var in taken - mine and not _asked(nodes, str(outcome["id"]), var):
                continue  # the name is some other input's: left as written
            end = found.end()
            step["text"] = brace(text[:end]) + f" {{{var}}}" + brace(text[end:])
            wanted.setdefault(var, text)
        for var, said in wanted.items():
            if _asked(nodes, str(outcome["id"]), var):
                continue
            noun = next(k for k, v in _OBJECTS.items() if v[0] == var)
            _var, title, label, said_as = _OBJECTS[noun]
            quoted = " ".join(said.split())[:200]
            ask_before(
                nodes,
                outcome,
                var,
                title,
                f'The runbook acts on a {said_as} ("{quoted}") without naming it. '
                f"Which {said_as}? Type its name.",
                f"The {label} label of the firing alert (the console's Alerting page or "
                "Alertmanager shows it).",
            )
            taken.add(var)
            mine.add(var)


#: `NAMESPACE="kube-etcd"` alone on a line (a `$ ` prompt, `export` allowed): a shell
#: variable the runbook sets to its own site's value, then uses as `$NAMESPACE`.
_SET_RE = re.compile(
    r"^(?P<lead>[ \t]{0,8}(?:\$[ \t]{1,3})?(?:export[ \t]{1,3})?)(?P<name>[A-Z][A-Z0-9_]{1,30})="
    r"(?P<q>\\?[\"']?)(?P<v>[a-z0-9][a-z0-9._-]{0,60})(?P=q)[ \t]{0,3}$",
    re.MULTILINE,
)


def _set_variables(text: str) -> list[re.Match[str]]:
    """Each `NAME="value"` line of `text` whose `$NAME` a later line uses, NAME set once."""
    found = list(_SET_RE.finditer(text)) if "=" in text else []
    names = [m.group("name") for m in found]
    return [
        m
        for m in found
        if names.count(m.group("name")) == 1
        and re.search(rf"\$\{{?{m.group('name')}\b", text[m.end() :])
    ]


def _ask_set(
    nodes: list[dict[str, Any]], before: dict[str, Any], name: str, value: str, **extra: Any
) -> None:
    """Ask a runbook's `NAME="value"` before `before`, its value the default."""
    said = "namespace" if "NAMESPACE" in name else f"value of {name}"
    ask_before(
        nodes,
        before,
        name.casefold(),
        f"The {said}",
        f'The runbook sets {name}="{value}" for the commands that follow; '
        f"your cluster may use another. Which {said}?",
        f'The runbook\'s own value is "{value}".',
        default=value,
        **extra,
    )


def _set_answered(text: str, taken: set[str]) -> tuple[str, dict[str, str]]:
    """`text` with each `NAME="value"` line (whose `$NAME` a later line uses) setting the
    answer instead, and the {NAME: value} it asks; names in `taken` are left as written."""
    asked: dict[str, str] = {}
    if "{" in text.replace("{{", ""):
        return text, asked
    for match in reversed(_set_variables(text)):
        name = match.group("name")
        if name.casefold() in taken:
            continue
        q = match.group("q")
        text = (
            f"{text[: match.start()]}{match.group('lead')}{name}={q}{{{name.casefold()}}}{q}"
            f"{text[match.end() :]}"
        )
        asked[name] = match.group("v")
    return text, asked


def set_value_inputs(tree: dict[str, Any]) -> None:
    """A runbook check or step that sets `NAMESPACE="kube-etcd"` then uses `$NAMESPACE`:
    the value is asked (the runbook's own as the default, since another cluster names
    it otherwise) and the line sets the answer. A check shown before the fixes asks it
    there; a check ticked in an outcome asks it before each outcome that needs it."""
    nodes: list[dict[str, Any]] = tree.get("nodes", [])
    taken = {str(n.get("var", "")) for n in nodes if n.get("var")}
    for node in [n for n in nodes if n.get("kind") == "info"]:
        node["text"], asked = _set_answered(str(node.get("text", "")), taken)
        for name, value in asked.items():
            _ask_set(nodes, node, name, value)
            taken.add(name.casefold())
    mine: set[str] = set()  # asked here, one input before each outcome that needs it
    for outcome in [n for n in nodes if n.get("kind") == "outcome"]:
        wanted: dict[str, tuple[str, dict[str, Any]]] = {}  # name -> value, the step
        for step in [*outcome.get("steps", []), *outcome.get("verify", [])]:
            for field in ("text", "detail"):
                if step.get(field):
                    # another input's name is left as written; one asked here is reused
                    step[field], asked = _set_answered(str(step[field]), taken - mine)
                    for name, value in asked.items():
                        wanted.setdefault(name, (value, step))
        for name, (value, step) in wanted.items():
            if _asked(nodes, str(outcome["id"]), name.casefold()):
                continue
            _ask_set(nodes, outcome, name, value, source=step.get("source"))
            taken.add(name.casefold())
            mine.add(name.casefold())


#: "Scroll until you find the service", "locate the OU": an object picked from a list the
#: article never names (the one the admin's error is about, or the admin's own).
_FIND_RE = re.compile(
    r"\b(?:find|locate)[ \t]{1,3}the[ \t]{1,3}(?P<noun>service|OU|organizational unit|"
    r"print queue)(?=[ \t]{0,3}(?:[.,;:)]|$)|[ \t]{1,3}(?:that|which|and|in|you)\b)",
)
#: The same object named again in a later step of the outcome ("double-click the service").
_AGAIN_RE = (
    r"\bthe[ \t]{{1,3}}{noun}(?=[ \t]{{0,3}}(?:[.,;:)]|$)|[ \t]{{1,3}}(?:that|which|and|to)\b)"
)
_FOUND: dict[str, tuple[str, str, str]] = {
    "service": ("service", "The service", "the service the error or the event names"),
    "OU": ("ou", "The OU", "the organizational unit (OU) the change is for"),
    "organizational unit": ("ou", "The OU", "the organizational unit (OU) the change is for"),
    "print queue": ("print_queue", "The print queue", "the print queue that shows the problem"),
}


def found_object_inputs(tree: dict[str, Any]) -> None:
    """Ask the service / OU / print queue an MS support step has the admin find in a list
    without naming it, and name the answer in that step and the outcome's later ones."""
    nodes: list[dict[str, Any]] = tree.get("nodes", [])
    taken = {str(n.get("var", "")) for n in nodes if n.get("var")}
    mine: set[str] = set()
    for outcome in [n for n in nodes if n.get("kind") == "outcome"]:
        wanted: dict[str, tuple[str, str]] = {}  # var -> (noun, the step that finds it)
        for step in outcome.get("steps", []):
            text = str(step.get("text", ""))
            if "{" in text:
                continue
            for noun, (var, _t, _h) in _FOUND.items():
                if var in wanted:
                    again = re.compile(_AGAIN_RE.format(noun=re.escape(noun)))
                    found = again.search(text)
                else:
                    found = _FIND_RE.search(text)
                    found = found if found and found.group("noun") == noun else None
                if found is None or (var in taken - mine and var not in wanted):
                    continue
                end = found.end()
                text = f"{text[:end]} {{{var}}}{text[end:]}"
                step["text"] = text
                wanted.setdefault(var, (noun, str(step.get("text", ""))))
                break
        for var, (noun, said) in wanted.items():
            if _asked(nodes, str(outcome["id"]), var):
                continue
            _var, title, help_text = _FOUND[noun]
            quoted = " ".join(said.replace(f" {{{var}}}", "").split())[:200]
            ask_before(
                nodes,
                outcome,
                var,
                title,
                f'The article has you find the {noun} ("{quoted}") without naming '
                f"it. Which {noun}? Type its name.",
                f"The name of {help_text}.",
            )
            taken.add(var)
            mine.add(var)
