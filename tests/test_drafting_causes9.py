"""Drafted walks of MS KB articles whose CAUSE lists several causes, each with its own
part of RESOLUTION (asked "Which cause applies?"), and of articles that give no fix
(an honest "No fix" outcome, never a "Resolution" to tick)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kbassist.articles import Article, parse_article
from kbassist.drafting.tree import draft_text, draft_tree


def mskb(body: str, *, id_: str = "Q999901", title: str = "Test article") -> Article:
    """An MS KB archive article: header fields, then underlined, tab-indented sections."""
    head = [f"## {id_}: {title}", "", f"Article: {id_}", "Product(s): Microsoft Windows", ""]
    lines = ["\t" + line if line else "" for line in body.strip("\n").split("\n")]
    return parse_article("\n".join([*head, *lines, ""]), Path(f"{id_}.txt"))


def node(tree: dict[str, Any], node_id: str) -> dict[str, Any]:
    return next(n for n in tree["nodes"] if n["id"] == node_id)


def outcomes(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in tree["nodes"] if n["kind"] == "outcome" and n["id"] != "not_this_article"]


SYMPTOMS = "SYMPTOMS\n========\n\nWhen you start the program, you receive an error message.\n\n"

PAIRED = (
    SYMPTOMS + "CAUSE\n=====\n\nThis issue can occur for any of the following reasons:\n\n"
    "- The Timer driver is not installed or is installed incorrectly.\n\n"
    "- The display is set to more than 256 colors.\n\n"
    "- Norton Anti-Virus is running as a Terminate-and-Stay-Resident (TSR) program.\n\n"
    "RESOLUTION\n==========\n\n"
    "To resolve this issue, use the following methods.\n\n"
    "Method 1: Change Your Display Settings\n"
    "--------------------------------------\n\n"
    "1. Right-click the desktop, and then click Properties.\n"
    "2. On the Settings tab, click 256 Colors in the Color Palette box.\n\n"
    "Method 2: Install the Timer Driver\n"
    "----------------------------------\n\n"
    "1. In Control Panel, double-click Drivers.\n"
    "2. Click Add, and then click Timer.\n\n"
    "Method 3: Close All TSR Programs\n"
    "--------------------------------\n\n"
    "1. Quit Norton Anti-Virus and any other TSR program before you start the program.\n"
)


def test_several_causes_are_asked_and_each_leads_to_its_own_fix() -> None:
    """CAUSE's three reasons are asked, each answer reaching the method named for it."""
    tree = draft_tree(mskb(PAIRED))
    which = node(tree, "which_cause")
    assert which["title"] == "Which cause applies?"
    by_label = {c["label"]: c["next"] for c in which["choices"]}
    titles = {o["id"]: o["title"] for o in outcomes(tree)}
    display = next(v for k, v in by_label.items() if "256 colors" in k)
    timer = next(v for k, v in by_label.items() if "Timer driver" in k)
    tsr = next(v for k, v in by_label.items() if "Norton" in k)
    assert "Display" in titles[display.split("-")[0]]
    assert "Timer" in titles[timer.split("-")[0]]
    assert "TSR" in titles[tsr.split("-")[0]]
    assert any(c["next"] == "mitigation" and "know" in c["label"] for c in which["choices"])
    assert node(tree, "cause")["next"] == "which_cause"


def test_causes_no_fix_shares_words_with_are_said_to_be_unpaired() -> None:
    """Causes whose fixes share no key words are not asked; the fixes' question says so."""
    body = (
        SYMPTOMS + "CAUSE\n=====\n\nThis issue can occur for any of the following reasons:\n\n"
        "- The network cable is loose.\n\n"
        "- The hub has failed.\n\n"
        "RESOLUTION\n==========\n\n"
        "To resolve this issue, use the following methods.\n\n"
        "Method 1: Restart the Computer\n"
        "------------------------------\n\n"
        "1. Click Start, and then click Shut Down.\n\n"
        "Method 2: Run the Diagnostics Program\n"
        "-------------------------------------\n\n"
        "1. Run Diag.exe from the utilities disk.\n"
    )
    tree = draft_tree(mskb(body))
    assert all(n["id"] != "which_cause" for n in tree["nodes"])
    assert "does not say which" in node(tree, "mitigation").get("help", "")


NO_RESOLUTION = (
    SYMPTOMS + "CAUSE\n=====\n\nThe program does not check the version of the driver.\n\n"
    "RESOLUTION\n==========\n\nThere is currently no resolution to this problem.\n\n"
    "STATUS\n======\n\n"
    "Microsoft has confirmed this to be a problem in the products listed at the\n"
    "beginning of this article. We are researching this problem and will post new\n"
    "information here in the Microsoft Knowledge Base as it becomes available.\n"
)


def test_no_resolution_is_an_honest_no_fix_outcome_not_a_resolution_to_tick() -> None:
    """"There is currently no resolution" is said as no fix, with nothing claimed to verify."""
    tree = draft_tree(mskb(NO_RESOLUTION))
    (only,) = outcomes(tree)
    assert only["title"].startswith("No fix")
    assert "no fix" in only["text"]
    assert not any("no resolution" in s["text"].lower() for s in only["steps"])
    assert "no longer" not in only["verify"][0]["text"]


CONFIRMED_ONLY = (
    SYMPTOMS + "CAUSE\n=====\n\n"
    "MS-DOS version 5.0 introduced support for codepage 852. The codepage files for\n"
    "the printers were not updated to support this codepage.\n\n"
    "STATUS\n======\n\n"
    "Microsoft has confirmed this to be a limitation of MS-DOS version 5.0. This\n"
    "feature is under review and will be considered for inclusion in a future release.\n"
)


def test_confirmed_status_with_no_fix_does_not_ask_to_remove_the_cause() -> None:
    """A confirmed problem with no RESOLUTION ends in "No fix", not "remove the cause"."""
    tree = draft_tree(mskb(CONFIRMED_ONLY))
    (only,) = outcomes(tree)
    assert only["title"].startswith("No fix: Microsoft has confirmed")
    assert not any("remove it" in s["text"] for s in only["steps"])
    assert "codepage 852" in only["steps"][0].get("detail", "")


def test_status_fixed_in_a_later_version_keeps_its_upgrade() -> None:
    """A STATUS that names the version with the fix is no "No fix" outcome."""
    body = CONFIRMED_ONLY.replace(
        "This\nfeature is under review and will be considered for inclusion in a future release.",
        "This problem\nwas corrected in MS-DOS version 6.0.",
    )
    assert "corrected in MS-DOS version 6.0" in body
    tree = draft_tree(mskb(body))
    assert not any(o["title"].startswith("No fix") for o in outcomes(tree))


def test_no_fix_and_paired_cause_drafts_pass_lint() -> None:
    """The new nodes are valid trees: every draft lints clean."""
    for body in (PAIRED, NO_RESOLUTION, CONFIRMED_ONLY):
        assert draft_text(mskb(body))[1] is not None  # raises DraftError on a lint problem
