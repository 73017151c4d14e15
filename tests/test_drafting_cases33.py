"""Round 32 (cases33): the numbered cases a modern fix sets out are asked, each leading
to its own steps, its own questions asked on its path only."""

from __future__ import annotations

import time
from typing import Any

from drafting_support import fixes, questions, support, ticks

from kbassist.drafting.case_parts import _CASE_RE
from kbassist.drafting.tree import draft_tree

CASES = """
## Summary

Contoso Ledger reports "Your evaluation period has ended" when you open it.

## Resolution

- **Case 1 - You still run the evaluation edition**

    > [!NOTE]
    > This also applies when only the Ledger tools came from the evaluation media.

    1. Open the Ledger setup program.
    1. Enter the product key that you bought, and then select **Upgrade**.

- **Case 2 - You want to move your ledgers to the free edition**

    If the ledger file is smaller than 2 GB, you can follow these steps:

    1. Install the free edition of Ledger.
    1. Copy the ledger files to the free edition's data folder.

- **Case 3 - The message stays after you bought a license**

    1. Open **Registry Editor**, and locate the LedgerState key.
    1. Set the Evaluation value to 0, and then restart Contoso Ledger.
"""


def _by_title(tree: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(o["title"]): o for o in fixes(tree)}


def test_numbered_cases_are_asked_by_their_headings() -> None:
    """ "Case 1 - X" / "Case 2 - Y" items are a "Which case is yours?" question's answers."""
    tree = draft_tree(support(CASES, id_="ledger-eval"))
    asked = [q for q in questions(tree) if q["title"] == "Which case is yours?"]
    assert len(asked) == 1
    labels = [c["label"] for c in asked[0]["choices"]]
    assert labels[:3] == [
        "Case 1 - You still run the evaluation edition",
        "Case 2 - You want to move your ledgers to the free edition",
        "Case 3 - The message stays after you bought a license",
    ]


def test_each_case_ticks_only_its_own_steps() -> None:
    """A case's outcome holds its steps, not the other cases' steps run in sequence."""
    outcomes = _by_title(draft_tree(support(CASES, id_="ledger-eval")))
    first = " ".join(ticks(outcomes["Case 1 - You still run the evaluation edition"]))
    assert "setup program" in first and "free edition" not in first and "Registry" not in first
    third = " ".join(ticks(outcomes["Case 3 - The message stays after you bought a license"]))
    assert "LedgerState" in third and "setup program" not in third


def test_a_case_question_is_asked_on_that_case_only() -> None:
    """ "If the ledger file is smaller than 2 GB" is asked on case 2's path, not case 1's."""
    tree = draft_tree(support(CASES, id_="ledger-eval"))
    nodes = {n["id"]: n for n in tree["nodes"]}
    which = next(n for n in nodes.values() if n.get("title") == "Which case is yours?")
    size = [n for n in questions(tree) if "2 GB" in str(n.get("title", ""))]
    assert len(size) == 1
    seen: set[str] = set()
    todo = [which["choices"][0]["next"]]  # case 1's path
    while todo:
        node = nodes[todo.pop()]
        if node["id"] in seen:
            continue
        seen.add(node["id"])
        todo.extend(c["next"] for c in node.get("choices", []))
        if node.get("next"):
            todo.append(node["next"])
    assert size[0]["id"] not in seen
    assert which["choices"][1]["next"] == size[0]["id"]


def test_one_numbered_heading_is_no_case_question() -> None:
    """A lone "Case 1" (nothing to choose from) stays one fix."""
    one = CASES.split("- **Case 2")[0]
    tree = draft_tree(support(one, id_="ledger-one"))
    assert not [q for q in questions(tree) if q["title"] == "Which case is yours?"]


def test_case_pattern_is_linear_on_hostile_text() -> None:
    """The case heading pattern answers at once on 20 KB of near-misses."""
    hostile = "Case " + " " * 20_000 + "x"
    start = time.perf_counter()
    assert _CASE_RE.match(hostile) is None
    assert _CASE_RE.match("case 1 " * 3_000) is not None
    assert time.perf_counter() - start < 0.5
