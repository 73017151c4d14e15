"""Round 32 (cases33): the numbered cases a modern fix sets out are asked, each leading
to its own steps, its own questions asked on its path only; a choice inside one step
("perform one of the following tasks:" ... "-or-" ...) and the same pack said once per
product are asked, not ticked in turn."""

from __future__ import annotations

import time
from typing import Any

from drafting_support import archive, fixes, questions, support, ticks, walked

from kbassist.drafting.case_parts import _CASE_RE
from kbassist.drafting.one_of_steps import _ONE_OF_RE, _OR_RE, _WANT_RE
from kbassist.drafting.product_packs import _PACK_RE
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


ONE_OF_STEP = """
SUMMARY
=======

This article describes how to add a folder to a Fabrikam Search catalog.

To add a folder to the catalog, follow these steps:

1. Start Fabrikam Search Manager, and then click the catalog.

2. Right-click Folders, point to New, and then click Folder.

3. Under "Add to Catalog", perform one of the following tasks:

   - Click Yes if you want to search the folder.

     -or-

   - Click No if you want to keep the folder out of the results.

4. Click OK.

5. Restart the Fabrikam Search service.
"""


def test_choice_inside_a_step_is_asked() -> None:
    """ "perform one of the following tasks:" over "-or-" choices: asked, each shown alone."""
    art = archive(ONE_OF_STEP, id_="Q999301", title="HOW TO: Add a Folder to a Catalog")
    tree = draft_tree(art)
    asked = [q for q in questions(tree) if q["title"] == "Which will you do?"]
    assert len(asked) == 1
    labels = [c["label"] for c in asked[0]["choices"]]
    assert labels[:2] == [
        "Click Yes if you want to search the folder",
        "Click No if you want to keep the folder out of the results",
    ]
    answers = {"symptom": "yes", asked[0]["var"]: "case_1"}
    yes = [i.text for i in walked(art, answers).part("steps")]
    assert any(t.startswith("Click Yes") for t in yes)
    assert not any(t.startswith("Click No") for t in yes)
    assert any(t.startswith("Click OK") for t in yes)  # the step after the choice: everyone's


def test_one_or_more_of_the_following_is_not_asked() -> None:
    """ "perform one or more of the following tasks:" may all be done: never asked."""
    body = ONE_OF_STEP.replace(
        "perform one of the following", "perform one or more of the following"
    )
    tree = draft_tree(archive(body, id_="Q999302", title="HOW TO: Add a Folder to a Catalog"))
    assert not [q for q in questions(tree) if q["title"] == "Which will you do?"]


def test_one_of_patterns_are_linear_on_hostile_text() -> None:
    """The lead and "-or-" patterns answer at once on 20 KB of near-misses."""
    lead = "perform " + "x " * 10_000 + "one of the following tasks:"
    ors = "- " * 10_000 + "o"
    start = time.perf_counter()
    assert _ONE_OF_RE.search(lead[-200:]) is None
    assert _ONE_OF_RE.search(lead) is None
    assert _OR_RE.search(ors) is None
    assert _WANT_RE.match("if you want " + "a" * 20_000) is None
    assert time.perf_counter() - start < 0.5


PACK_PER_PRODUCT = """
SYMPTOMS
========

When you compact a Fabrikam database that has a password, you receive an error message.

RESOLUTION
==========

This problem is fixed in the latest service packs for Windows 2000 and Fabrikam Data
Access 3.1.

- To resolve this problem, obtain the latest service pack for Windows 2000.

- To resolve this problem, obtain the latest service pack for Fabrikam Data Access 3.1.
"""


def test_same_pack_for_each_product_is_asked_by_product() -> None:
    """ "obtain the latest service pack for A" / "... for B": asked "Which applies to you?"."""
    art = archive(PACK_PER_PRODUCT, id_="Q999303", title="Compact Fails on Protected Database")
    tree = draft_tree(art)
    asked = [q for q in questions(tree) if q["title"] == "Which applies to you?"]
    assert len(asked) == 1
    labels = [c["label"] for c in asked[0]["choices"]]
    assert labels[:2] == ["Windows 2000", "Fabrikam Data Access 3.1"]
    answers = {"symptom": "yes", asked[0]["var"]: "case_2"}
    said = " ".join(i.text for i in walked(art, answers).part("steps"))
    assert "Fabrikam Data Access 3.1" in said and "for Windows 2000" not in said


def test_pack_pattern_is_linear_on_hostile_text() -> None:
    """The per-product pattern answers at once on 20 KB of near-misses."""
    hostile = "obtain the latest " + "x " * 10_000 + "service pack for W" + "a" * 10_000
    start = time.perf_counter()
    assert _PACK_RE.match(hostile) is None
    assert time.perf_counter() - start < 0.5
