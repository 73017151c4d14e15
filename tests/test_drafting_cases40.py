"""Cases an MS KB article sets out, each with its own fix, asked "Which case is yours?";
workarounds offered for every cause not routed by cause (round 40, cases40: seed-112
readers on Q168423's four merged cases and Q173771's made-up "each with its own fix")."""

from __future__ import annotations

from typing import Any

from drafting_support import archive, fixes, questions, ticks

from kbassist.drafting.tree import draft_tree

#: Three titled cases in CAUSE and WORKAROUND; case 2 has two methods of its own.
TITLED_CASES = (
    "SYMPTOMS\n========\n\nThe Contoso converter stops with an error on some files.\n\n"
    "CAUSE\n=====\n\n"
    "Case 1: File Name Too Long\n--------------------------\n\n"
    "The file name exceeds 255 characters.\n\n"
    "Case 2: Same Format\n-------------------\n\n"
    "The file is already in the format you convert to.\n\n"
    "Case 3: Low Disk Space\n----------------------\n\n"
    "The source drive has too little free disk space.\n\n"
    "WORKAROUND\n==========\n\n"
    "To work around this problem, use the method appropriate for your case.\n\n"
    "Case 1: File Name Too Long\n--------------------------\n\n"
    "Rename the file so that its name has fewer than 255 characters.\n\n"
    "Case 2: Same Format\n-------------------\n\n"
    "Method 1: Leave the File Out:\n\n"
    "Do not select the file in the File Selection box.\n\n"
    "Method 2: Move the File:\n\n"
    "Move the file to another folder before you run the converter.\n\n"
    "Case 3: Low Disk Space\n----------------------\n\n"
    "Free disk space on the drive that holds the source folder.\n"
)

#: Bare "Case 1" / "Case 2" fix headings: the CAUSE's "Case N" paragraphs name them.
BARE_CASES = (
    "SYMPTOMS\n========\n\nYou cannot save the document to the server.\n\n"
    "CAUSE\n=====\n\n"
    "Case 1\n------\n\n"
    "The document is open on a computer that runs another operating system. Both users\n"
    "see the error.\n\n"
    "Case 2\n------\n\n"
    "The Always Create Backup Copy option is turned on.\n\n"
    "WORKAROUND\n==========\n\n"
    "Case 1\n------\n\n"
    "Close the document on the other computer, and then save it again.\n\n"
    "Case 2\n------\n\n"
    "Turn off the Always Create Backup Copy option on the Save tab.\n"
)

#: One "Case 1" heading only: no set of cases, nothing asked.
ONE_CASE = (
    "SYMPTOMS\n========\n\nThe report prints blank pages.\n\n"
    "CAUSE\n=====\n\nThe report margins are wider than the paper.\n\n"
    "RESOLUTION\n==========\n\n"
    "Case 1\n------\n\n"
    "Set the left and right margins to 1 inch in Page Setup.\n"
)

#: Four conditions, two workarounds offered for any of them.
ANY_CAUSE = (
    "SYMPTOMS\n========\n\nWhen you run the Check Links command, Word is slow to respond.\n\n"
    "CAUSE\n=====\n\n"
    "The Check Links command may be slow when any of the following conditions are true:\n\n"
    "- You have no network connection.\n\n  -or-\n\n"
    "- You have a bad network connection, for example, proxy server problems.\n\n  -or-\n\n"
    "- There is high network traffic.\n\n  -or-\n\n"
    "- The location that the hyperlink points to is currently inaccessible.\n\n"
    "WORKAROUND\n==========\n\n"
    "To work around this issue, use either of the following methods:\n\n"
    "- Validate network connections before running the Check Links command.\n\n  -or-\n\n"
    "- Click Ignore when prompted to fix a hyperlink that you know is valid.\n"
)


def _choices(question: dict[str, Any]) -> dict[str, str]:
    return {c["label"]: c["next"] for c in question["choices"]}


def _outcome_of(tree: dict[str, Any], node_id: str) -> dict[str, Any]:
    """The outcome a choice leads to, past the input or case questions before it."""
    nodes = {n["id"]: n for n in tree["nodes"]}
    node = nodes[node_id]
    while node["kind"] != "outcome":
        node = nodes[node["next"] if "next" in node else node["choices"][0]["next"]]
    return node


def test_titled_cases_are_asked_and_each_leads_to_its_own_fix() -> None:
    """ "Which case is yours?" offers the three cases by title; each leads only to its own
    fix, and case 2's two methods are a choice of their own, not mixed with the others."""
    tree = draft_tree(archive(TITLED_CASES))
    case = next(q for q in questions(tree) if q["title"] == "Which case is yours?")
    chosen = _choices(case)
    assert list(chosen)[:3] == ["File Name Too Long", "Same Format", "Low Disk Space"]
    assert any(label.startswith("Not sure") for label in chosen)
    first = _outcome_of(tree, chosen["File Name Too Long"])
    assert any("Rename the file" in t for t in ticks(first))
    assert not any("disk space" in t for t in ticks(first))
    third = _outcome_of(tree, chosen["Low Disk Space"])
    assert ticks(third) == ["Free disk space on the drive that holds the source folder."]
    methods = next(q for q in questions(tree) if q["id"] == chosen["Same Format"])
    labels = [c["label"] for c in methods["choices"]]
    assert len(labels) == 2 and all(label.startswith("Method") for label in labels)


def test_bare_case_headings_are_named_by_the_cause() -> None:
    """A fix under bare "Case 1" / "Case 2" headings is asked by what the CAUSE says of
    each case, never as "Case 1"."""
    tree = draft_tree(archive(BARE_CASES))
    case = next(q for q in questions(tree) if q["title"] == "Which case is yours?")
    labels = [c["label"] for c in case["choices"]]
    assert labels[0].startswith("The document is open on a computer")
    assert labels[1].startswith("The Always Create Backup Copy option is turned on")
    assert not any(label.startswith("Case") for label in labels)
    second = _outcome_of(tree, case["choices"][1]["next"])
    assert any("Always Create Backup Copy" in t for t in ticks(second))


def test_a_single_case_heading_asks_nothing() -> None:
    """One "Case 1" heading is no set of cases: the walk has no case question."""
    tree = draft_tree(archive(ONE_CASE))
    assert not any(q["id"] == "which_cause" for q in questions(tree))
    assert any("margins" in t for f in fixes(tree) for t in ticks(f))


def test_workarounds_for_any_cause_are_not_routed_by_cause() -> None:
    """Two workarounds offered "either" for four conditions: no "Which cause applies?"
    that sends a condition to one workaround only; both are offered to every reader."""
    tree = draft_tree(archive(ANY_CAUSE))
    assert not any(q["id"] == "which_cause" for q in questions(tree))
    offered = next(q for q in questions(tree) if q["id"] == "mitigation")
    labels = [c["label"] for c in offered["choices"]]
    assert any(label.startswith("Validate network connections") for label in labels)
    assert any(label.startswith("Click Ignore") for label in labels)
