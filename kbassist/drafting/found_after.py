"""Steps before the finding they produce: "Which of these did you find?" after them (diag38).

A fix's steps that end in a check and then split by its result ("At the command prompt,
type vssadmin list writers ... If the VSS writers are now listed, close the Command
Prompt window ... If the VSS writers aren't listed, type the following commands",
"Run the following command: ... If the command succeeds, ... If the command fails ...")
were drafted as "Which of these did you find?" asked before the outcome, so before the
steps whose output answers it (seed-106 readers: "the branch is meaningless"). Here the
steps before the first case move into an info step "Do these steps first" placed just
before the question; the outcome keeps the cases and what follows them.

Taken only when the question leads straight to one outcome that nothing else reaches,
the steps before the first case are unconditional, the last of them runs or looks at
something, and the cases read as its result (a result word, or a word of that step).
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.run_order import _shown

#: A step whose output can be read: it runs, types or looks at something.
_RUNS_RE = re.compile(
    r"^(?:(?:at|in|from) the command prompt, )?(?:run|execute|type|enter|check|verify|view|"
    r"list|look|inspect|query|test|examine|review|open the output|confirm)\b",
    re.IGNORECASE,
)
#: A case that reads as what a check showed ("are now listed", "the command succeeds").
_RESULT_RE = re.compile(
    r"\b(?:now|still|succeeds?|succeeded|fails?|failed|works?|worked|returns?|returned|"
    r"shows?|showed|lists?|listed|appears?|appeared|output|result|reports?|displays?|"
    r"displayed)\b",
    re.IGNORECASE,
)
#: Words too common to tie a case to its check.
_COMMON = frozenset(
    "that this these those with from your then there their which what following "
    "command prompt type press enter click".split()
)
QUESTION_TITLE = "Which of these did you find?"


def _words(text: str) -> frozenset[str]:
    return frozenset(
        w.rstrip("s")
        for w in re.findall(r"[a-z][a-z0-9-]{3,}", text.casefold())
        if w not in _COMMON
    )


def _into(nodes: list[dict[str, Any]], target: str) -> list[dict[str, Any]]:
    """The nodes that lead to `target` (by `next` or a choice)."""
    return [
        n
        for n in nodes
        if n.get("next") == target or any(c.get("next") == target for c in n.get("choices", []))
    ]


def steps_before_found(tree: dict[str, Any]) -> None:
    """Move an outcome's steps that produce what "Which of these did you find?" asks into
    an info step before that question (see the module's docstring)."""
    nodes: list[dict[str, Any]] = tree["nodes"]
    ids = {n["id"] for n in nodes}
    for question in [n for n in nodes if n["kind"] == "question"]:
        if question.get("title") != QUESTION_TITLE or not question.get("var"):
            continue
        targets = {c.get("next") for c in question.get("choices", [])}
        if len(targets) != 1:
            continue
        outcome = next((n for n in nodes if n["id"] in targets), None)
        if outcome is None or outcome["kind"] != "outcome" or len(_into(nodes, outcome["id"])) != 1:
            continue
        steps = outcome.get("steps", [])
        var = str(question["var"])
        first = next(
            (i for i, s in enumerate(steps) if re.search(rf"\b{var}\b", str(s.get("when", "")))),
            0,
        )
        lead = steps[:first]
        if not lead or any("when" in s for s in lead) or not _RUNS_RE.match(str(lead[-1]["text"])):
            continue
        cases = [str(c["label"]) for c in question["choices"] if c.get("value") != "unsure"]
        check = " ".join([str(lead[-1]["text"]), str(lead[-1].get("detail", ""))])
        if not all(_RESULT_RE.search(c) or _words(c) & _words(check) for c in cases):
            continue
        info_id = f"{question['id']}-first"
        if info_id in ids:
            continue
        for node in _into(nodes, question["id"]):
            if node.get("next") == question["id"]:
                node["next"] = info_id
            for choice in node.get("choices", []):
                if choice.get("next") == question["id"]:
                    choice["next"] = info_id
        these = "this step" if len(lead) == 1 else "these steps"
        nodes.insert(
            nodes.index(question),
            {
                "id": info_id,
                "kind": "info",
                "title": f"Do {these} first",
                "checks": True,
                "text": f"What {'it shows' if len(lead) == 1 else 'the last one shows'} "
                f"tells how to answer the next question.\n\n{_shown(lead)}",
                "source": lead[0]["source"],
                "next": question["id"],
            },
        )
        ids.add(info_id)
        del steps[:first]
