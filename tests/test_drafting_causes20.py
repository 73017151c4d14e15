"""Drafted walks of MS KB articles whose CAUSE names its causes one paragraph each ("This
behavior can occur if X." / "This behavior can also occur if Y.") over a RESOLUTION that
answers each: asked "Which cause applies?", never merged into one "Why it happens" text."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, fixes

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999960")


def node(tree: dict[str, Any], node_id: str) -> dict[str, Any]:
    return next(n for n in tree["nodes"] if n["id"] == node_id)


SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you start the Internet Mail Service, it stops and the "
    "following event is logged: Event ID 4003.\n\n"
)

TWO_PARAGRAPHS = (
    SYMPTOMS + "CAUSE\n=====\n\n"
    "This issue can occur if the value of the Site registry key does not match the "
    "corresponding directory entry.\n\n"
    "This issue can also occur if the wrong Organization name was used when Exchange Server "
    "was reinstalled on the computer.\n\n"
    "RESOLUTION\n==========\n\n"
    "To resolve this issue, use one of the following methods.\n\n"
    "Method 1: Edit the Site Registry Key\n"
    "------------------------------------\n\n"
    "1. Start Registry Editor (Regedt32.exe).\n"
    "2. Change the Site value so that it matches the directory entry.\n\n"
    "Method 2: Reinstall With the Correct Organization Name\n"
    "------------------------------------------------------\n\n"
    "1. Remove Exchange Server from the computer.\n"
    "2. Run Setup again, and type the Organization name that the site uses.\n"
)


def test_causes_said_one_paragraph_each_are_asked_each_leading_to_its_fix() -> None:
    """Two "can occur if" paragraphs are asked apart, each answer reaching its own method."""
    tree = draft_tree(mskb(TWO_PARAGRAPHS))
    assert node(tree, "cause")["next"] == "which_cause"
    which = node(tree, "which_cause")
    by_label = {c["label"]: c["next"] for c in which["choices"]}
    titles = {o["id"]: o["title"] for o in fixes(tree)}
    key = next(v for k, v in by_label.items() if k.startswith("The value of the Site registry"))
    org = next(v for k, v in by_label.items() if k.startswith("The wrong Organization name"))
    assert "Registry Key" in titles[key.split("-")[0]]
    assert "Organization Name" in titles[org.split("-")[0]]
    # round 34: "I don't know" leads to the first fix, never to "mitigation" asking again
    assert any("know" in c["label"] for c in which["choices"])
    assert draft_text(mskb(TWO_PARAGRAPHS))[1] is not None  # lint-clean


def test_cause_labels_keep_file_names_and_drop_the_articles_example() -> None:
    """A cause naming "Riched20.dll" is not cut at its dot; "-- for example ..." is left out."""
    text = (
        SYMPTOMS + "CAUSE\n=====\n\n"
        "This behavior can occur if an incorrect version of the Riched20.dll file is installed "
        "on your computer.\n\n"
        "This behavior can also occur if you are using an activity that features snow -- for "
        "example, the Marias Pass activities.\n\n"
        "RESOLUTION\n==========\n\n"
        "Method 1: Replace the Riched20.dll File\n"
        "---------------------------------------\n\n"
        "1. Copy the Riched20.dll file from the original CD to the System folder.\n\n"
        "Method 2: Turn Off Snow in the Activity\n"
        "---------------------------------------\n\n"
        "1. In the Activity Editor, set the weather to clear instead of snow.\n"
    )
    labels = [c["label"] for c in node(draft_tree(mskb(text)), "which_cause")["choices"]]
    assert "An incorrect version of the Riched20.dll file is installed on your computer" in labels
    assert "You are using an activity that features snow" in labels


def test_a_cause_answered_by_an_ordered_method_keeps_the_later_methods_in_reach() -> None:
    """Methods tried in order: a cause the first method answers leads to "Still failing after
    method 1?", so the second method is still offered; the snow cause goes to its method."""
    text = (
        SYMPTOMS + "CAUSE\n=====\n\n"
        "This behavior can occur if there are issues with your computer's video card.\n\n"
        "This behavior can also occur if you are using an activity that features snow.\n\n"
        "RESOLUTION\n==========\n\n"
        "To resolve this issue, use the following methods in the order in which they are "
        "presented.\n\n"
        "Method 1: Update Video Card Drivers\n"
        "-----------------------------------\n\n"
        "1. Contact your video card manufacturer and install the latest video card driver.\n\n"
        "If this issue continues to occur, proceed to the next method.\n\n"
        "Method 2: Install the Compatibility Update\n"
        "------------------------------------------\n\n"
        "1. Download and install the update from the Microsoft Web site.\n\n"
        "If this issue continues to occur, proceed to the next method.\n\n"
        "Method 3: Disable Snow\n"
        "----------------------\n\n"
        "1. In the Activity Editor, set the weather to clear instead of snow.\n"
    )
    tree = draft_tree(mskb(text))
    by_label = {c["label"]: c["next"] for c in node(tree, "which_cause")["choices"]}
    video = node(tree, next(v for k, v in by_label.items() if "video card" in k))
    assert video["title"].startswith("Still failing after method 1")
    snow = next(v for k, v in by_label.items() if "snow" in k)
    assert node(tree, snow.split("-")[0])["title"] == "Method 3: Disable Snow"
    assert draft_text(mskb(text))[1] is not None  # lint-clean
