"""Diagnose, then decide, then fix: a runbook's Diagnosis checks shown before the walk asks.

A drafted runbook walk used to tick its Diagnosis checks inside every outcome, after the
"Which mitigation?" / "What did you find?" question and after the inputs that ask for
the names those checks list (`<vm-name>`, `<namespace>` ...). An on-call engineer runs
the listing command first, then answers. These passes move the checks into info steps
("run this first") placed before the question, and before each input that a check's
output reveals; the outcome keeps the fix.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.option_model import Option
from kbassist.trees.templates import TemplateError, parse_template

FIRST_ID = "diagnose_first"
_CHOOSERS = {"mitigation", "which_cause"}
#: A section whose steps tell the cases apart: "Diagnosis", or a support article's
#: "Verify timeout expired errors" / "Determine the type of ..." (see checks_not_fixes).
_DIAGNOSIS_RE = re.compile(
    r"\bdiagnos|^(?:verify|determine|identify|find out|confirm)\b", re.IGNORECASE
)
#: The fixes question a runbook's Diagnosis decides (`tree`'s wording of it).
DIAGNOSIS_CHOICE = "Which fix do the Diagnosis checks point to?"
_THEN = "Run this before you type the next name: its output may show it."


def _diagnosis_names(options: list[Option]) -> set[str]:
    """The names of the Diagnosis sections whose checks lead the fixes (a runbook's
    "## Diagnosis"; not another kind of first section, such as "Check whether X")."""
    return {
        o.pre_section.name
        for o in options
        if o.pre_items and o.pre_section is not None and _DIAGNOSIS_RE.search(o.pre_section.name)
    }


def _variables(text: str) -> frozenset[str]:
    """The answers a template needs (none for text that is no template)."""
    try:
        return parse_template(text).variables
    except TemplateError:
        return frozenset()


def _needs(step: dict[str, Any]) -> frozenset[str]:
    return _variables(str(step.get("text", ""))) | _variables(str(step.get("detail", "")))


def _diagnosis_lead(outcome: dict[str, Any], names: set[str]) -> list[dict[str, Any]]:
    """The outcome's leading Diagnosis steps, unconditional, in order."""
    lead = []
    for step in outcome.get("steps", []):
        if step.get("source", {}).get("section") not in names or "when" in step:
            break
        lead.append(step)
    return lead


def _shown(steps: list[dict[str, Any]]) -> str:
    """The checks numbered, each command verbatim under its step."""
    out = []
    for n, step in enumerate(steps, 1):
        out.append(f"{n}. {step['text']}")
        if step.get("detail"):
            out.append(str(step["detail"]))
    return "\n\n".join(out)


def _lead(asks: bool, inputs: bool) -> str:
    """Why the checks come first: what the walk asks next depends on them."""
    why = [
        *(["what they show tells which fix applies"] if asks else []),
        *(["their output may show the names the next steps ask for"] if inputs else []),
    ]
    if not why:
        return "Run the article's Diagnosis checks first, then the fix."
    return f"Run the article's Diagnosis checks first: {' and '.join(why)}."


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a.get("text") == b.get("text") and a.get("detail") == b.get("detail")


def diagnose_first(tree: dict[str, Any], options: list[Option]) -> None:
    """Show the Diagnosis checks every fix shares, and that need no typed name, in an info
    step before the walk's first question or input, and take them out of the outcomes."""
    names = _diagnosis_names(options)
    nodes: list[dict[str, Any]] = tree["nodes"]
    if not names or any(n["id"] == FIRST_ID for n in nodes):
        return
    outcomes = [n for n in nodes if n["kind"] == "outcome"]
    leads = [(o, _diagnosis_lead(o, names)) for o in outcomes]
    leads = [(o, lead) for o, lead in leads if lead]
    asks = any(n["kind"] == "question" and n["id"] != "symptom" for n in nodes)
    inputs = any(n["kind"] == "input" for n in nodes)
    if not leads or not (asks or inputs):
        return  # one fix, nothing asked: its checklist already runs the checks first
    common = [s for s in leads[0][1] if not _needs(s)]
    for _, lead in leads[1:]:
        n = 0
        while n < min(len(common), len(lead)) and _same(common[n], lead[n]):
            n += 1
        common = common[:n]
    # stop at the first check that needs a name: the checks keep their order
    first_named = next((n for n, s in enumerate(leads[0][1]) if _needs(s)), None)
    if first_named is not None:
        common = common[:first_named]
    if not common or any(len(o["steps"]) <= len(common) for o, _ in leads):
        return  # an outcome left with no step would be no fix
    for outcome, _ in leads:
        del outcome["steps"][: len(common)]
    info = {
        "id": FIRST_ID,
        "kind": "info",
        "title": "Run the Diagnosis first",
        "checks": True,
        "source": common[0]["source"],
    }
    _place(nodes, info, {id(o) for o, _ in leads})
    after = info["next"]
    # the fixes / causes question is what the checks decide (not a version or horizon one)
    asks = any(n["id"] in _CHOOSERS for n in _reaches(nodes, after, "question"))
    text = f"{_lead(asks, bool(_reaches(nodes, after, 'input')))}\n\n{_shown(common)}"
    source, after = info.pop("source"), info.pop("next")
    info.update(text=text, source=source, next=after)  # the order a tree file reads


def _place(nodes: list[dict[str, Any]], info: dict[str, Any], diagnosed: set[int]) -> None:
    """Put `info` before the walk's first question or input (after the cause), or on the
    one answer whose fix runs the checks."""
    if _on_one_branch(nodes, info, diagnosed):
        return
    at = next((i for i, n in enumerate(nodes) if n["id"] == "cause"), None)
    if at is not None:
        info["next"] = nodes[at]["next"]
        nodes[at]["next"] = FIRST_ID
        nodes.insert(at + 1, info)
        return
    first = nodes[0]
    if first["kind"] == "question" and first["id"] == "symptom":
        target = first["choices"][0]["next"]
        for choice in first["choices"]:
            if choice["next"] == target:
                choice["next"] = FIRST_ID
        info["next"] = target
        nodes.insert(1, info)
        return
    info["next"] = first["id"]
    nodes.insert(0, info)


def _reaches(
    nodes: list[dict[str, Any]], start: str, kind: str = "outcome"
) -> list[dict[str, Any]]:
    """The nodes of `kind` reachable from node `start` (itself included)."""
    by_id = {n["id"]: n for n in nodes}
    seen, todo, out = set(), [start], []
    while todo:
        at = todo.pop()
        if at in seen or at not in by_id:
            continue
        seen.add(at)
        if by_id[at]["kind"] == kind:
            out.append(by_id[at])
        todo.extend(_targets(by_id[at]))
    return out


def _on_one_branch(nodes: list[dict[str, Any]], info: dict[str, Any], diagnosed: set[int]) -> bool:
    """When the first question's other answers need no Diagnosis ("Deprecated: silence or
    ignore the alert"), the checks go on the one answer whose fix runs them; True if so."""
    question = next((n for n in nodes if n["kind"] == "question" and n["id"] != "symptom"), None)
    if question is None or question.get("title") == DIAGNOSIS_CHOICE:
        return False  # "Which fix do the Diagnosis checks point to?" comes after them
    fixes = [o for o in _reaches(nodes, question["id"]) if o["id"] != "not_this_article"]
    if all(id(o) in diagnosed for o in fixes):
        return False
    branches = [
        c
        for c in question["choices"]
        if any(id(o) in diagnosed for o in _reaches(nodes, c["next"]))
    ]
    if len(branches) != 1:
        return False  # the checks choose between these fixes: they stay before the question
    info["next"] = branches[0]["next"]
    branches[0]["next"] = FIRST_ID
    nodes.insert(nodes.index(question) + 1, info)
    return True


def checks_before_names(tree: dict[str, Any], options: list[Option]) -> None:
    """In a chain of inputs leading to an outcome, show a Diagnosis check that uses the
    names typed so far before the next input, whose value that check's output shows
    (`oc get vmis <vm-name> -n <namespace>` lists the `<volume-name>` asked after it)."""
    names = _diagnosis_names(options)
    if not names:
        return
    nodes: list[dict[str, Any]] = tree["nodes"]
    by_id = {n["id"]: n for n in nodes}
    into: dict[str, set[str]] = {}
    for node in nodes:
        for target in _targets(node):
            into.setdefault(target, set()).add(node["id"])
    for outcome in [n for n in nodes if n["kind"] == "outcome"]:
        chain: list[dict[str, Any]] = []
        at = outcome["id"]
        while len(into.get(at, ())) == 1:
            before = by_id[next(iter(into[at]))]
            if before["kind"] == "input":
                chain.insert(0, before)
            elif not (before["kind"] == "question" and set(_targets(before)) == {at}):
                break  # only a question whose answers all go on to the same step is passed
            at = before["id"]
        if len(chain) < 2:
            continue
        asked = [n.get("var", n["id"]) for n in chain]
        moved = 0
        for step in _diagnosis_lead(outcome, names):
            needs = _needs(step)
            if not needs or not needs <= set(asked):
                break
            last = max(asked.index(v) for v in needs)
            if last == len(chain) - 1:
                break  # nothing is asked after it: the outcome ticks it first anyway
            while last + 1 < len(chain) - 1 and chain[last + 1]["kind"] == "info":
                last += 1  # after the checks already shown there: the article's order
            before = chain[last]
            info_id = f"{outcome['id']}-check_{moved + 1}"
            if info_id in by_id:
                break
            info = {
                "id": info_id,
                "kind": "info",
                "title": "Run this check first",
                "checks": True,
                "text": f"{_THEN}\n\n{step['text']}"
                + (f"\n\n{step['detail']}" if step.get("detail") else ""),
                "source": step["source"],
                "next": before["next"],
            }
            before["next"] = info_id
            nodes.insert(nodes.index(before) + 1, info)
            by_id[info_id] = info
            chain.insert(last + 1, info)
            asked.insert(last + 1, "")
            moved += 1
        if moved and len(outcome["steps"]) > moved:
            del outcome["steps"][:moved]


def _targets(node: dict[str, Any]) -> list[str]:
    """The ids a node leads to."""
    out = [c["next"] for c in node.get("choices", []) if "next" in c]
    if "next" in node:
        out.append(node["next"])
    return out


def reaches(by_id: dict[str, dict[str, Any]], start: str, target: str, avoid: str = "") -> bool:
    """Whether node `target` can be reached from node `start` without going through
    node `avoid` (none when empty)."""
    seen, todo = set(), [start]
    while todo:
        at = todo.pop()
        if at == target:
            return True
        if at in seen or at == avoid or at not in by_id:
            continue
        seen.add(at)
        todo.extend(_targets(by_id[at]))
    return False


#: A leading step that looks at the system: what it shows tells the cases apart.
_LOOKS_RE = re.compile(
    r"^(?:to diagnose\b|check\b|verify\b|view\b|inspect\b|look\b|list\b|run\b|start a debug\b|"
    r"find\b|confirm\b|determine\b|identify\b|examine\b|review\b|get\b|query\b|describe\b)",
    re.IGNORECASE,
)
#: "Your name for <affected_node_name>": the article's placeholder an input stands for.
_INPUT_FOR_RE = re.compile(r"\bfor (?P<token><[^>]{1,60}>|\{[^}]{1,60}\}|\$\w+|[\w.-]{1,60})\s*$")


#: Words too common in checks and cases to tie one to the other.
_COMMON_WORDS = frozenset(
    "this that these those with from your have check verify case cases which apply applies "
    "following there their when then does sure show steps each what about into that".split()
)


def _words(text: str) -> frozenset[str]:
    """Content words, plural-blind: what a check and a case label can share."""
    return frozenset(
        w.rstrip("s")
        for w in re.findall(r"[a-z][a-z0-9-]{3,}", text.casefold())
        if w not in _COMMON_WORDS
    )


def checks_before_cases(tree: dict[str, Any]) -> None:
    """A case question asked before the check that tells its cases apart: "If the chronyd
    service is failing, start it; if it is ready, restart it" asked as "Which of these
    applies?" (or "What did you find?") while "check the chronyd service" is ticked only
    in the checklist after the answer. The fixes' shared leading checks are shown in an
    info step just before the question (and stay in the checklist, to tick)."""
    nodes: list[dict[str, Any]] = tree["nodes"]
    ids = {n["id"] for n in nodes}
    tokens = {
        str(n.get("var")): m.group("token")
        for n in nodes
        if n["kind"] == "input" and (m := _INPUT_FOR_RE.search(str(n.get("title", ""))))
    }
    askers = [n for n in nodes if n["kind"] == "question" and "-if_" in n["id"]]
    if FIRST_ID not in ids:  # the fixes' question, when no Diagnosis step precedes it
        askers += [n for n in nodes if n["kind"] == "question" and n["id"] in _CHOOSERS]
    for question in askers:
        outcomes = [o for c in question["choices"] for o in _reaches(nodes, c["next"])]
        leads = [_leading_checks(o) for o in outcomes]
        if not outcomes or not all(leads):
            continue
        lead = leads[0]
        if any(len(other) != len(lead) or not all(map(_same, lead, other)) for other in leads):
            continue
        cases = " ".join(
            [str(question.get("title", ""))] + [c["label"] for c in question["choices"]]
        )
        if not _words(" ".join(str(s["text"]) for s in lead)) & _words(cases):
            continue  # a check about something else ("services that use storage")
        _check_before(nodes, question, lead, tokens)


def _leading_checks(outcome: dict[str, Any]) -> list[dict[str, Any]]:
    """The outcome's unconditional leading steps, if each looks at the system, else []."""
    steps = outcome.get("steps", [])
    lead = []
    for step in steps:
        if step.get("when") or not _LOOKS_RE.match(str(step["text"])):
            break
        lead.append(step)
    return lead if len(lead) < len(steps) else []


def _check_before(
    nodes: list[dict[str, Any]],
    question: dict[str, Any],
    lead: list[dict[str, Any]],
    tokens: dict[str, str],
) -> None:
    """An info step showing `lead` put before `question`: every way in passes it."""
    info_id = f"{question['id']}-checks"
    if any(n["id"] == info_id for n in nodes):
        return
    for node in nodes:
        if node.get("next") == question["id"]:
            node["next"] = info_id
        for choice in node.get("choices", []):
            if choice.get("next") == question["id"]:
                choice["next"] = info_id
    shown = _shown(lead)
    later = {str(n.get("var")) for n in _reaches(nodes, question["id"], "input")}
    for var in _variables(shown):
        if var in later or var not in tokens:  # not typed yet: the article's own name
            token = tokens.get(var, f"<{var}>")
            shown = shown.replace(f"{{{var}}}", token.replace("{", "{{").replace("}", "}}"))
    these = "this check" if len(lead) == 1 else "these checks"
    info = {
        "id": info_id,
        "kind": "info",
        "title": f"Run {these} first",
        "checks": True,
        "text": f"What {'it shows' if len(lead) == 1 else 'they show'} tells how to answer "
        f"the next question (the checklist lists {these} again, to tick).\n\n{shown}",
        "source": lead[0]["source"],
        "next": question["id"],
    }
    nodes.insert(nodes.index(question), info)
