"""Look, then answer: a runbook walk shows the Diagnosis check before asking what it shows.

Readers marked drafted runbook walks that asked for `$NODE_NAME` before the step that runs
`oc get nodes`, and asked "Which cause did you find?" with the `<namespace>` and
`<virt-launcher-pod>` names before the Diagnosis step that lists the failed pods and shows
the cause: an admin cannot know the answer yet. This pass, run last on an alert runbook's
tree, reorders the names and questions asked just before a "Run the Diagnosis checks"
step: the checks (and the commands of a check) that need no typed name come first, each
name is asked right before the first command that uses it, the questions whose every
answer goes on to the same checks (what the checks find, which way to take) come after
them, and the names only the fix uses after those.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.run_order import _targets

#: Where a numbered check starts in an info step's text (see run_order._shown).
_ITEM_RE = re.compile(r"\n\n(?=\d+\. )")
#: A line that runs or shows nothing: blank, a check's numbered title, a link, a shell
#: comment in prose ("# Inspect events"), a check's sentence ("Get the node's details:").
_NOT_COMMAND_RE = re.compile(r"^\s*(?:\d+\.\s|Link:|#+ [A-Z][a-z]|$)|^[A-Z][a-z].* .*[.:]\s*$")
#: An input whose value the alert itself gives (its help says so): known before any check.
_FROM_ALERT_RE = re.compile(r"^Its value comes from the alert\b")
CONTINUED_TITLE = "Go on with the Diagnosis checks"
CONTINUED_LEAD = "Go on with the Diagnosis checks, with what you typed:"
QUESTION_LEAD_RE = re.compile(r"the checks of its Diagnosis, the first steps of the checklist,")
QUESTION_LEAD = "the Diagnosis checks you just ran"


def _uses(text: str, var: str) -> bool:
    """Whether template `text` fills in answer `var` (not a doubled, literal `{{var}}`)."""
    return re.search(rf"(?<!\{{)\{{{re.escape(var)}\}}(?!\}})", text) is not None


def _asked_before(nodes: list[dict[str, Any]], info: dict[str, Any]) -> list[dict[str, Any]]:
    """The inputs and questions asked in a row just before `info`, each with only one way
    in from the one before: inputs whose value no alert gives, and questions whose every
    answer goes on to the same step."""
    by_id = {n["id"]: n for n in nodes}
    into: dict[str, set[str]] = {}
    for node in nodes:
        for target in _targets(node):
            into.setdefault(target, set()).add(node["id"])
    chain: list[dict[str, Any]] = []
    at = info
    while len(into.get(at["id"], ())) == 1:
        before = by_id[next(iter(into[at["id"]]))]
        if before["kind"] == "input":
            if _FROM_ALERT_RE.match(str(before.get("help", ""))):
                break
        elif (
            before["kind"] != "question"
            or before["id"] == "symptom"
            or {c.get("next") for c in before.get("choices", [])} != {at["id"]}
        ):
            break
        chain.insert(0, before)
        at = before
    return chain


#: A shell comment in prose ("# Inspect events for a pod"), not a root prompt's command.
_COMMENT_RE = re.compile(r"^#+ [A-Z][a-z]")


def _prose(lines: list[str]) -> list[bool]:
    """For each line, whether it runs or shows nothing (see _NOT_COMMAND_RE); a comment
    that goes on over lines ("# Check node status (may require admin" + "# permissions)")
    is prose to its end."""
    out: list[bool] = []
    for n, line in enumerate(lines):
        goes_on = n and out[-1] and line.startswith("# ") and lines[n - 1].startswith("#")
        out.append(bool(_NOT_COMMAND_RE.match(line) or goes_on))
    return out


def _comments(lines: list[str]) -> list[str]:
    """The comment lines (and blank lines) that end `lines`: they say what the next command
    does, so they go with it."""
    prose = _prose(lines)
    n = len(lines)
    while n and prose[n - 1] and (not lines[n - 1].strip() or lines[n - 1].startswith("#")):
        n -= 1
    return [x for x in lines[n:] if x.strip()]


def _continued(title: str) -> str:
    """ "Examine the pod:" -> "Examine the pod (continued):", the rest of a cut check."""
    title = title.rstrip()
    return f"{title[:-1]} (continued):" if title.endswith(":") else f"{title} (continued)"


def _pieces(text: str, names: dict[str, dict[str, Any]]) -> list[str | dict[str, Any]]:
    """The info step's checks cut before each command that uses a name not yet asked, with
    the inputs for those names between the parts: [text, input, ..., text]."""
    lead, *items = _ITEM_RE.split(text)
    if not items:  # one check, not numbered ("Run this check first")
        lead, _, body = text.partition("\n\n")
        items = [body] if body else []
    if any(_uses(lead, v) for v in names):
        return []  # a name the lead already uses: no check can come before it is asked
    pieces: list[str | dict[str, Any]] = []
    done: list[str] = []  # whole checks shown since the last input
    asked: set[str] = set()
    for item in items:
        lines = item.split("\n")
        part: list[str] = []  # the lines of this check not yet shown
        for line in lines:
            need = [v for v in names if v not in asked and _uses(line, v)]
            if need:
                if not all(_prose(part)):
                    said = _comments(part)  # "# Inspect events ...": said of what follows
                    done.append("\n".join(part[: len(part) - len(said)]).strip())
                    part = [_continued(lines[0]), "", *said]
                if done:
                    pieces.append("\n\n".join(done))
                    done = []
                pieces.extend(names[v] for v in need)
                asked.update(need)
            part.append(line)
        done.append("\n".join(part).strip())
    if done:
        pieces.append("\n\n".join(done))
    first = next((n for n, p in enumerate(pieces) if isinstance(p, str)), None)
    if first is not None:
        pieces[first] = f"{lead}\n\n{pieces[first]}"
    return pieces


def _lead_ins_unnumbered(text: str) -> str:
    """An info step's checks with a lead-in that announces the checks after it ("Identify
    worker nodes that do not have a running virt-handler pod:", one line ending in a colon
    with nothing under it) shown as their heading, not numbered as a check of its own."""
    lead, *items = _ITEM_RE.split(text)
    heads = [
        n
        for n, item in enumerate(items[:-1])
        if "\n" not in item.strip() and item.rstrip().endswith(":")
    ]
    if not heads:
        return text
    out, number = [lead], 0
    for n, item in enumerate(items):
        said = item.split(". ", 1)[1]
        if n in heads:
            out.append(said)
        else:
            number += 1
            out.append(f"{number}. {said}")
    return "\n\n".join(out)


def reveal_before_asking(tree: dict[str, Any]) -> None:
    """Reorder the names and questions asked right before each "Run the Diagnosis checks"
    step so that each comes after the checks whose output gives its answer."""
    nodes: list[dict[str, Any]] = tree["nodes"]
    for info in [n for n in nodes if n["kind"] == "info" and n.get("checks")]:
        info["text"] = _lead_ins_unnumbered(str(info.get("text", "")))
    for info in [n for n in nodes if n["kind"] == "info" and n.get("checks")]:
        _reorder(nodes, info)


def _reorder(nodes: list[dict[str, Any]], info: dict[str, Any]) -> None:
    chain = _asked_before(nodes, info)
    if not chain:
        return
    text = str(info.get("text", ""))
    inputs = [n for n in chain if n["kind"] == "input"]
    questions = [n for n in chain if n["kind"] == "question"]
    asked_vars = {str(n["var"]) for n in inputs}
    # a question or input that quotes an answer must stay after it: left as it is
    for node in chain:
        said = " ".join(str(node.get(k, "")) for k in ("title", "text", "help"))
        if any(_uses(said, v) for v in asked_vars):
            return
    names = {str(n["var"]): n for n in inputs if _uses(text, str(n["var"]))}
    pieces = _pieces(text, names)
    texts = [p for p in pieces if isinstance(p, str)]
    if not texts:
        return
    if any(id(n) not in {id(p) for p in pieces} for n in names.values()):
        return  # a name no check can be cut before: asked where it was
    later = [n for n in inputs if str(n["var"]) not in names]  # the fix's names
    sequence: list[dict[str, Any]] = []
    for piece in pieces:
        if piece is texts[0]:
            sequence.append(info)
        elif isinstance(piece, str):
            sequence.append(
                {
                    "id": f"{info['id']}_{texts.index(piece) + 1}",
                    "kind": "info",
                    "title": CONTINUED_TITLE,
                    "checks": True,
                    "text": f"{CONTINUED_LEAD}\n\n{piece}",
                    "source": info["source"],
                }
            )
        else:
            sequence.append(piece)
    sequence += [*questions, *later]
    if [n["id"] for n in sequence] == [*(n["id"] for n in chain), info["id"]]:
        return  # the first command needs the names: asked where they are
    taken = {n["id"] for n in nodes}
    if any(n["id"] in taken for n in sequence if n.get("kind") == "info" and n is not info):
        return  # an id already taken: leave the walk as it was
    info["text"] = texts[0]
    for question in questions:
        question["text"] = QUESTION_LEAD_RE.sub(QUESTION_LEAD, str(question.get("text", "")))
    after = info["next"]
    entry = chain[0]["id"]
    for node in nodes:
        if node.get("next") == entry:
            node["next"] = sequence[0]["id"]
        for choice in node.get("choices", []):
            if choice.get("next") == entry:
                choice["next"] = sequence[0]["id"]
    for n, node in enumerate(sequence):
        target = sequence[n + 1]["id"] if n + 1 < len(sequence) else after
        if node["kind"] == "question":
            for choice in node["choices"]:
                choice["next"] = target
        else:
            node.pop("next", None)
            node["next"] = target
    moved = {id(n) for n in [*chain, info]}
    at = sum(id(n) not in moved for n in nodes[: nodes.index(chain[0])])
    rest = [n for n in nodes if id(n) not in moved]
    nodes[:] = [*rest[:at], *sequence, *rest[at:]]


#: "1. If any virt-handler pod exists, review its logs:": a check for one case only.
_IF_ITEM_RE = re.compile(r"^(?:\d+\. )?If (?P<cond>[^,:]{3,100}), (?P<then>\S.*)$")


def _all_uses(nodes: list[dict[str, Any]], var: str) -> list[str]:
    """Every text of the tree that fills in answer `var`: info checks one by one, outcome
    items whole (text and detail), questions' and inputs' texts."""
    out = []
    for node in nodes:
        if node["kind"] == "info":
            lead, *items = _ITEM_RE.split(str(node.get("text", "")))
            out += [i for i in [lead, *items] if _uses(i, var)]
        elif node["kind"] == "outcome":
            for part in ("steps", "verify", "rollback"):
                for step in node.get(part, []):
                    said = (
                        f"{step.get('text', '')}\n{step.get('detail', '')}\n{step.get('when', '')}"
                    )
                    if _uses(said, var) or var in str(step.get("when", "")):
                        out.append(said)
        elif any(_uses(str(node.get(k, "")), var) for k in ("title", "text", "help")):
            out.append(str(node.get("text", "")))
    return out


def _rechecks(nodes: list[dict[str, Any]], var: str, case: str) -> list[dict[str, Any]]:
    """The outcome items that run the check for one case again (a verify's "Run this
    Diagnosis check again ...: If any pod exists, review its logs:") with answer `var`:
    dropped with the name asked only in that case (the other verify items stay)."""
    return [
        step
        for node in nodes
        if node["kind"] == "outcome"
        for part in ("steps", "verify", "rollback")
        for step in node.get(part, [])
        if case in str(step.get("text", "")) and _uses(str(step.get("detail", "")), var)
    ]


def ask_before_conditional_names(tree: dict[str, Any]) -> None:
    """A name asked only for a check the article runs in one case ("If any virt-handler
    pod exists, review its logs: oc logs <virt-handler-pod-name>") is asked only when
    that case holds: "Does this apply: any virt-handler pod exists?" comes first, and
    "No" goes on without the name and without that check."""
    nodes: list[dict[str, Any]] = tree["nodes"]
    by_id = {n["id"]: n for n in nodes}
    for asked in [n for n in nodes if n["kind"] == "input"]:
        info = by_id.get(str(asked.get("next")))
        if info is None or info["kind"] != "info" or not info.get("checks"):
            continue
        var = str(asked["var"])
        lead, *items = _ITEM_RE.split(str(info.get("text", "")))
        if not items or not _uses(items[0], var):
            continue
        found = _IF_ITEM_RE.match(items[0].split("\n", 1)[0])
        if not found or _uses(found.group(0), var) or "(continued)" in found.group(0):
            continue  # not a check for one case, or one whose start was shown already
        case = found.group(0).split(". ", 1)[-1] if found.group(0)[0].isdigit() else found.group(0)
        again = _rechecks(nodes, var, case)  # the verify's "Run this check again: If ..."
        if [u for u in _all_uses(nodes, var) if u != items[0]] != [
            f"{s.get('text', '')}\n{s.get('detail', '')}\n{s.get('when', '')}" for s in again
        ] or any(
            len([x for x in o.get("verify", []) if all(x is not y for y in again)]) == 0
            for o in nodes
            if o["kind"] == "outcome" and any(x is y for x in o.get("verify", []) for y in again)
        ):
            continue  # used elsewhere too (asked on every way), or the only verify
        question_id, without_id = f"{asked['id']}-if", f"{info['id']}-without"
        if question_id in by_id or without_id in by_id:
            continue
        cond = found.group("cond").strip()
        skip = str(info["next"])
        if items[1:]:  # the other checks, shown without the one for this case
            rest = [f"{n}. {i.split('. ', 1)[1]}" for n, i in enumerate(items[1:], 1)]
            without = dict(info, id=without_id, text="\n\n".join([lead, *rest]))
            nodes.insert(nodes.index(info) + 1, without)
            skip = without_id
        question = {
            "id": question_id,
            "kind": "question",
            "var": f"case_{var}",
            "title": f"Does this apply: {cond}?",
            "text": f'The next check is for this case only: "{found.group(0).split(". ", 1)[-1]}" '
            f"Does this apply: {cond}?",
            "source": info["source"],
            "choices": [
                {"value": "yes", "label": "Yes, this is the case here", "next": asked["id"]},
                {"value": "no", "label": "No, not here", "next": skip},
            ],
        }
        for node in nodes:
            if node.get("next") == asked["id"]:
                node["next"] = question_id
            for choice in node.get("choices", []):
                if choice.get("next") == asked["id"]:
                    choice["next"] = question_id
        nodes.insert(nodes.index(asked), question)
        for node in nodes:  # re-run only where the name was asked: not on "No"
            for part in ("steps", "verify", "rollback"):
                if node["kind"] == "outcome" and part in node:
                    node[part] = [x for x in node[part] if all(x is not y for y in again)]
        by_id = {n["id"]: n for n in nodes}
