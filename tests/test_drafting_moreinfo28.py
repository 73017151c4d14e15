"""A fix said in prose gets the MORE INFORMATION procedure whose lead names its goal after
"Use the following steps to" or in a "Steps to X" heading, and one whose goal says the
fix's verb in another form ("To apply the Softpaq" for "corrected by applying"); steps to
reproduce stay out (round 28, the seed-72 readers' notes on procedures in MORE
INFORMATION)."""

from __future__ import annotations

import time
from functools import partial

from drafting_support import archive, fixes, ticks

from kbassist.drafting.more_leads import said_goal
from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999928")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you copy a Web to another server with the Copy Web\n"
    "command, pages on the destination Web are replaced without a warning.\n\n"
)
CAUSE = "CAUSE\n=====\n\nThe Copy Web command does not check for pages of the same name.\n\n"


def sources(outcome: dict) -> list[str]:
    """The section each checklist item cites."""
    return [s["source"]["section"] for s in outcome["steps"]]


def test_use_the_following_steps_to_lead_gives_the_fix_its_procedure() -> None:
    """'Use the following steps to rename a page in Site Manager:' under MORE INFORMATION
    is the how-to of 'rename any duplicate pages': its steps are ticked, cited there."""
    article = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "To prevent pages from being replaced, rename any duplicate pages in the Web\n"
        "being copied before you use the Copy Web command.\n\n"
        "MORE INFORMATION\n================\n\n"
        "Use the following steps to rename a page in Site Manager:\n\n"
        "1. In Folder View, find the page that you want to rename.\n\n"
        "2. Right-click the page, and then click Properties.\n\n"
        "3. In the Page Name box, type the new name, and then click OK.\n"
    )
    (only,) = fixes(draft_tree(article))
    said = ticks(only)
    assert "In Folder View, find the page that you want to rename." in said
    assert "Right-click the page, and then click Properties." in said
    assert sources(only).count("MORE INFORMATION") == 3
    draft_text(article)  # lint-clean


def test_steps_to_heading_and_inflected_verb_name_the_procedure() -> None:
    """'This problem is corrected by applying the Contoso Softkit' gets the steps under
    'To apply the Softkit:' and not the 'Steps to Reproduce Behavior' after them."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "This problem is corrected by applying the Contoso Softkit SK1486.\n\n"
        "MORE INFORMATION\n================\n\n"
        "To apply the Softkit:\n\n"
        "1. Place the SK1486 file in a new folder.\n\n"
        "2. Run the Softkit utility to expand the SK1486 file.\n\n"
        "3. Restart the Contoso agent service.\n\n"
        "Steps to Reproduce Behavior\n---------------------------\n\n"
        "1. Start the Contoso agent service.\n\n"
        "2. Copy a Web with the Copy Web command.\n"
    )
    (only,) = fixes(draft_tree(article))
    said = ticks(only)
    assert said[0] == "Place the SK1486 file in a new folder."
    assert "Restart the Contoso agent service." in said
    assert not any("Copy a Web" in s for s in said)
    draft_text(article)


def test_steps_to_heading_is_a_goal_and_reproduce_is_not() -> None:
    """A 'Steps to Add a Call to X' heading names its goal; 'Steps to Reproduce' is read
    by the caller's rules, and a hostile 20 KB lead is answered at once."""
    assert said_goal("Steps to Add a Call to WriteFmtUserTypeStg") == (
        "Add a Call to WriteFmtUserTypeStg"
    )
    assert said_goal("Use the following steps to change the file name of a page:") == (
        "change the file name of a page"
    )
    assert said_goal("The driver in question is this one:") == ""
    assert (
        said_goal("The following steps show how to create a control, which exposes the problem:")
        == ""
    )
    start = time.perf_counter()
    said_goal("Use the following steps to " + "a " * 10_000 + "x")
    said_goal("steps to " + "a" * 200 + " " * 20_000)
    assert time.perf_counter() - start < 0.5


def test_goal_before_complete_the_following_steps_without_a_comma() -> None:
    """'To convert the file to Contoso 97 format complete the following steps:' names
    'convert the file to Contoso 97 format', not the steps phrase."""
    from kbassist.drafting.more_steps import _fix_goal

    lead = "To convert the file to Contoso 97 format complete the following steps:"
    assert _fix_goal(lead) == "convert the file to Contoso 97 format"


def test_steps_under_a_reproduce_lead_stay_out_of_the_fix() -> None:
    """'You can follow the steps below to reproduce the behavior.' over 'Steps to Create
    the Contoso Client' keeps those steps out of the prose fix 'change the Contoso client'."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this problem, change the Contoso client so that it uses late binding.\n\n"
        "MORE INFORMATION\n================\n\n"
        "You can follow the steps below to reproduce the behavior.\n\n"
        "Steps to Create the Contoso Client\n----------------------------------\n\n"
        "1. Create a new Contoso client project.\n\n"
        "2. Add a reference to the Contoso type library.\n\n"
        "3. Press F5 to run the Contoso client.\n"
    )
    (fix,) = [o for o in fixes(draft_tree(article)) if o["source"]["section"] == "RESOLUTION"]
    assert "MORE INFORMATION" not in sources(fix)
    draft_text(article)
