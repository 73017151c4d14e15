"""The Diagnosis checks shown before "Which fix do the Diagnosis checks point to?" (round 22).

Readers (62:28) marked runbook walks that chose the fix before the Diagnosis ran. Where
the checks need names the admin types (`$CONTROLLERPOD`, `<pod-name>`), the drafter asks
those names after the fixes question, on each answer's way, and shows the checks there:
the question "Which fix do the Diagnosis checks point to?" came before any check. This
pass, run last on an alert runbook's tree, shows the checks once before that question,
with the article's own names for what is typed later; each answer's way still asks the
names and shows the checks filled in, to run.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from kbassist.drafting.run_order import _INPUT_FOR_RE, DIAGNOSIS_CHOICE, _targets, reaches
from kbassist.drafting.runbook_node_steps import _point_at, hoist_shared

ID_SUFFIX = "-checks_first"
TITLE = "Run the Diagnosis checks first"
LEAD = (
    "Run the article's Diagnosis checks first: what they show tells which fix to choose. "
    "The names they need are asked after you choose, and the checks are shown again with "
    "them filled in."
)
LEAD_TYPED = "Run the article's Diagnosis checks first: what they show tells which fix to choose."
#: Where a numbered check starts in an info step's text (see run_order._shown).
_ITEM_RE = re.compile(r"\n\n(?=\d+\. )")
#: "Headroom ... pressure (continued):" and the rest of that check's listing.
_CONTINUED_RE = re.compile(r"(?P<head>.*?) \(continued\):?(?:\n\n(?P<rest>.*))?$", re.DOTALL)
#: A typed answer in a step's text: "{placeholder_1}".
_ANSWER_RE = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")


def _by_id(nodes: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {n["id"]: n for n in nodes}


def _way_checks(by_id: dict[str, dict[str, Any]], start: str) -> list[dict[str, Any]]:
    """The checks steps on the straight way from `start` (inputs and info steps only) to
    the next question or outcome."""
    out: list[dict[str, Any]] = []
    at = by_id.get(start)
    seen: set[str] = set()
    while at is not None and at["kind"] in ("input", "info") and at["id"] not in seen:
        seen.add(at["id"])
        if at["kind"] == "info" and at.get("checks"):
            out.append(at)
        at = by_id.get(str(at.get("next", "")))
    return out


def _items(info: dict[str, Any]) -> list[str]:
    """An info step's numbered checks, without their numbers."""
    text = str(info.get("text", ""))
    items = _ITEM_RE.split(text)[1:]
    if not items and "\n\n" in text:  # "Run this check first": its lead, then the one check
        return [text.split("\n\n", 1)[1]]
    return [i.split(". ", 1)[1] if ". " in i[:5] else i for i in items]


def _as_written(text: str, tokens: dict[str, str], typed: set[str]) -> str:
    """`text` with each answer not yet typed put back as the article writes it (`$NS`),
    so the step needs no answer yet; one with no known token reads `<its name>`."""

    def token(found: re.Match[str]) -> str:
        if found.group(1) in typed:
            return found.group(0)
        name = tokens.get(found.group(1), f"<{found.group(1)}>")
        return name.replace("{", "{{").replace("}", "}}")

    return _ANSWER_RE.sub(token, text)


def _names_first(nodes: list[dict[str, Any]], question: dict[str, Any]) -> set[str]:
    """Ask the names every answer's way asks first (the same inputs, in the same order;
    answers that ask none passed over) once, before `question`; the answers go on from
    what followed them. The variables of the names so asked ({} when none is shared)."""
    by_id = _by_id(nodes)
    choices = question.get("choices", [])
    asking: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    for choice in choices:
        chain: list[dict[str, Any]] = []
        at = by_id.get(choice["next"])
        while at is not None and at["kind"] == "input" and at not in chain:
            chain.append(at)
            at = by_id.get(str(at.get("next", "")))
        if chain:  # an answer that asks no name ("None of these helped") is passed over
            asking.append((choice, chain))
    if len(asking) < 2 or 2 * len(asking) < len(choices):
        return set()
    chains = [chain for _, chain in asking]
    k = 0
    while all(len(c) > k for c in chains) and (
        len({(str(c[k].get("var")), str(c[k].get("title"))) for c in chains}) == 1
    ):
        k += 1
    if k == 0:
        return set()
    refs = Counter(t for n in nodes for t in _targets(n))
    if any(refs[n["id"]] != 1 for c in chains for n in c[:k]):
        return set()  # a name some other way also reaches: left where it is
    hoisted = [
        dict(n, id=f"{question['id']}-{str(n['id']).split('-', 1)[-1]}") for n in chains[0][:k]
    ]
    if any(h["id"] in by_id for h in hoisted):
        return set()
    hoist_shared(nodes, question, asking, hoisted)
    return {str(h.get("var")) for h in hoisted}


def _drop_shown(
    nodes: list[dict[str, Any]], infos: list[dict[str, Any]], shown: list[str], typed: set[str]
) -> None:
    """Drop an answer's checks step that only shows checks `shown` already shows with
    the same typed names."""
    for info in infos:
        raw = _items(info)
        if not raw or any(set(_ANSWER_RE.findall(i)) - typed for i in raw):
            continue
        if all(i in shown for i in raw) and info in nodes:
            _point_at(nodes, info["id"], str(info["next"]))
            nodes.remove(info)


def checks_before_choice(tree: dict[str, Any]) -> None:
    """Show the Diagnosis checks before the Diagnosis-decided fixes question when no
    checks step comes before it on the way in but most answers show some after it; the
    names every answer asks first are asked before them."""
    nodes: list[dict[str, Any]] = tree["nodes"]
    question = next(
        (n for n in nodes if n["kind"] == "question" and n.get("title") == DIAGNOSIS_CHOICE),
        None,
    )
    if question is None or not nodes:
        return
    by_id = _by_id(nodes)
    info_id = f"{question['id']}{ID_SUFFIX}"
    if info_id in by_id:
        return
    start = nodes[0]["id"]
    if any(
        n["kind"] == "info"
        and n.get("checks")
        and not reaches(by_id, start, question["id"], n["id"])
        for n in nodes
    ):
        return  # shown on every way in already
    choices = question.get("choices", [])
    ways = [w for c in choices if (w := _way_checks(by_id, c["next"]))]
    if len(ways) < 2 or 2 * len(ways) < len(choices):
        return  # most answers run no check: the checks decide no choice here
    typed = _names_first(nodes, question)
    by_id = _by_id(nodes)
    ways = [w for c in choices if (w := _way_checks(by_id, c["next"]))]
    tokens = {
        str(n.get("var")): m.group("token")
        for n in nodes
        if n["kind"] == "input"
        and str(n.get("var")) not in typed
        and (m := _INPUT_FOR_RE.search(str(n.get("title", ""))))
    }
    items: list[str] = []
    for info in ways[0]:
        for item in _items(info):
            found = _CONTINUED_RE.match(item)
            if found and items and items[-1].startswith(found.group("head")):
                # a check cut where a name was asked: one check again
                glue = "\n" if "\n\n" in items[-1] else "\n\n"
                items[-1] = f"{items[-1]}{glue}{found.group('rest') or ''}".rstrip()
            elif item not in items:
                items.append(item)
    if not items:
        return
    later = any(set(_ANSWER_RE.findall(i)) - typed for i in items)
    shown = "\n\n".join(f"{n}. {_as_written(i, tokens, typed)}" for n, i in enumerate(items, 1))
    source = ways[0][0]["source"]
    _drop_shown(nodes, [info for way in ways for info in way], items, typed)
    _point_at(nodes, question["id"], info_id)
    nodes.insert(
        nodes.index(question),
        {
            "id": info_id,
            "kind": "info",
            "title": TITLE,
            "checks": True,
            "text": f"{LEAD if later else LEAD_TYPED}\n\n{shown}",
            "source": source,
            "next": question["id"],
        },
    )
