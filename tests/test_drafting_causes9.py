"""Drafted walks of MS KB articles whose CAUSE lists several causes, each with its own
part of RESOLUTION (asked "Which cause applies?"), and of articles that give no fix
(an honest "No fix" outcome, never a "Resolution" to tick)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from drafting_support import archive, walked

from kbassist.articles import Article, parse_article
from kbassist.drafting.tree import draft_text, draft_tree
from kbassist.drafting.ways import split_ways

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999901")


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
    # round 34: "I don't know" leads to the first fix, never to "mitigation" asking again
    assert any("know" in c["label"] for c in which["choices"])
    assert node(tree, "cause")["next"] == "which_cause"
    assert draft_text(mskb(PAIRED))[1] is not None  # lint-clean, or DraftError


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


ALSO = (
    SYMPTOMS + "CAUSE\n=====\n\n"
    "This problem occurs when a line printer remote (LPR) printing device does not\n"
    "respond for 15 minutes.\n\n"
    "This error can also happen if the host name fails to resolve to an IP address.\n"
    "The fix referenced below does not take care of this issue. This issue can be\n"
    "worked around by providing a proper host name resolution method, such as DNS or\n"
    "HOSTS file.\n\n"
    "RESOLUTION\n==========\n\n"
    "To resolve this problem, clear the dialog box at the server.\n"
)


def test_a_cause_that_can_also_happen_is_asked_with_its_own_fix() -> None:
    """'This error can also happen if X ... worked around by Y' is asked, leading to Y."""
    tree = draft_tree(mskb(ALSO))
    by_label = {c["label"]: c["next"] for c in node(tree, "which_cause")["choices"]}
    host = node(tree, by_label["The host name fails to resolve to an IP address"])
    assert [s["text"] for s in host["steps"]] == [
        "Provide a proper host name resolution method, such as DNS or HOSTS file."
    ]
    lpr = node(tree, by_label[next(k for k in by_label if k.startswith("A line printer"))])
    assert "dialog box" in lpr["steps"][0]["text"]


NO_RESOLUTION = (
    SYMPTOMS + "CAUSE\n=====\n\nThe program does not check the version of the driver.\n\n"
    "RESOLUTION\n==========\n\nThere is currently no resolution to this problem.\n\n"
    "STATUS\n======\n\n"
    "Microsoft has confirmed this to be a problem in the products listed at the\n"
    "beginning of this article. We are researching this problem and will post new\n"
    "information here in the Microsoft Knowledge Base as it becomes available.\n"
)


def test_no_resolution_is_an_honest_no_fix_outcome_not_a_resolution_to_tick() -> None:
    """ "There is currently no resolution" is said as no fix, nothing claimed to verify."""
    tree = draft_tree(mskb(NO_RESOLUTION))
    assert draft_text(mskb(NO_RESOLUTION))[1] is not None  # lint-clean, or DraftError
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
    fixed = CONFIRMED_ONLY.replace(
        "This\nfeature is under review and will be considered for inclusion in a future release.",
        "This problem\nwas corrected in MS-DOS version 6.0.",
    )
    assert fixed != CONFIRMED_ONLY
    assert not any(o["title"].startswith("No fix") for o in outcomes(draft_tree(mskb(fixed))))


def test_no_workaround_sentence_before_the_advice_is_text_not_the_fix_name() -> None:
    """'There is no workaround. You must wait until ...': the advice names and is the step."""
    body = (
        SYMPTOMS + "WORKAROUND\n==========\n\n"
        "There is no workaround for this problem. You must wait until Word is finished\n"
        "searching the data records.\n"
    )
    (only,) = outcomes(draft_tree(mskb(body)))
    assert only["title"].startswith("Workaround: Wait until Word")  # labels9: no "You must"
    assert "no workaround" in only["text"]
    assert not any("no workaround" in s["text"] for s in only["steps"])


def test_a_product_with_no_fix_keeps_its_own_honest_answer() -> None:
    """'No fix is available ... in product B' stays B's answer, not a step to tick."""
    body = (
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "SNA Server:\n\n"
        "To resolve this problem, obtain the latest service pack for SNA Server 4.0.\n\n"
        "Host Integration Server 2000:\n\n"
        "No fix is available for this problem in Host Integration Server 2000 at this time.\n"
    )
    tree = draft_tree(mskb(body))
    his = next(o for o in outcomes(tree) if "Host Integration" in o["title"])
    assert his["title"].endswith("no fix")
    assert "no fix" in his["text"]
    assert not any(s["text"].startswith("No fix is available") for s in his["steps"])


WAYS = (
    SYMPTOMS + "WORKAROUND\n==========\n\n"
    "To work around this problem, open the file in Microsoft WordPad. Alternatively, you\n"
    "can save the file locally and add the .Rtf extension to the file in Windows Explorer.\n"
)


def test_two_ways_in_one_step_are_asked_and_only_one_is_ticked() -> None:
    """'X. Alternatively, Y' is asked (the whole workaround: one option per way, each
    labelled by its own words); each answer shows one way."""
    article = mskb(WAYS)
    tree = draft_tree(article)
    assert draft_text(article)[1] is not None  # lint-clean, or DraftError
    ask = next(n for n in tree["nodes"] if n["kind"] == "question" and n["id"] != "symptom")
    labels = [c["label"] for c in ask["choices"]]
    assert any("WordPad" in label for label in labels)
    assert any("Rtf extension" in label for label in labels)
    way_1, way_2 = (c["value"] for c in ask["choices"])
    var = ask.get("var", ask["id"])
    first = [i.text for i in walked(article, {"symptom": "yes", var: way_1}).part("steps")]
    second = [i.text for i in walked(article, {"symptom": "yes", var: way_2}).part("steps")]
    assert any("WordPad" in t for t in first) and not any("Rtf" in t for t in first)
    assert any("Rtf" in t for t in second) and not any("WordPad" in t for t in second)


def test_either_or_in_one_sentence_and_or_you_can_are_two_ways() -> None:
    """'You can either X or Y' and 'X, or you can Y' name both ways; a remark is no way."""
    either = split_ways("You can either use the old driver or upgrade the PROM on the card.")
    assert either is not None and either[1:3] == (
        "Use the old driver.",
        "Upgrade the PROM on the card.",
    )
    hotfix = split_ways("Apply the hotfix, or you can use the Ln.exe tool. Place the links.")
    assert hotfix is not None and hotfix[1] == "Apply the hotfix."
    assert "Place the links" in hotfix[2]
    assert split_ways("Add a module. Alternatively, if a module exists, it can be used.") is None


def support(body: str, name: str = "cannot-open-widget") -> Article:
    """A modern MS support article: front matter, a title, then Markdown parts."""
    text = f"---\ntitle: Test\nms.date: 01/01/2024\n---\n# You can't open a widget\n\n{body}"
    return parse_article(text, Path(f"{name}.md"))


NUMBERED_CAUSES = """
## Cause 1: The file uses an ACL

You can't open the widget if its file uses an ACL. To resolve this issue, change the
permissions on the file.

## Cause 2: The file is being used

You can't open the widget if the file is in use. To resolve this issue, close the process
that has the open handle.

## Cause 3: The path is too deep

You can't open a widget in a path deeper than MAX_PATH characters.

### Resolution 1: Use an 8.3 name

1. Run `dir /x` to list the 8.3 name.
1. Open the widget by its 8.3 name.

### Resolution 2: Map a drive to a folder in the path

1. Run `subst` to map a drive letter to a folder in the path.
"""


def test_numbered_cause_parts_are_asked_and_each_leads_to_its_own_fix() -> None:
    """'## Cause N: X' parts are asked; a fix said in a cause's prose is that cause's step."""
    article = support(NUMBERED_CAUSES)
    tree = draft_tree(article)
    which = node(tree, "which_cause")
    by_label = {c["label"]: c["next"] for c in which["choices"]}
    assert "The file uses an ACL" in by_label and "The file is being used" in by_label
    acl = node(tree, by_label["The file uses an ACL"])
    assert [s["text"] for s in acl["steps"]] == ["Change the permissions on the file."]
    deep = node(tree, by_label["The path is too deep"])
    assert deep["kind"] == "question"
    assert len(deep["choices"]) == 2
    assert draft_text(article)[1] is not None  # lint-clean, or DraftError


NESTED_SCENARIOS = """
## Cause

The service account can't sign in.

## Resolution

### The account is disabled

1. Open Active Directory Users and Computers.
1. Enable the account.

### The user name or password is incorrect

To fix this issue, follow these steps:

#### Scenario 1: Incorrect password

1. Reset the password of the account.
1. Restart the service.

#### Scenario 2: gMSA flag is set improperly

1. Run `sc managedaccount MSSQLSERVER TRUE`.
1. Restart the service.
"""


def test_scenario_sub_headings_under_a_case_are_cases_of_their_own() -> None:
    """'#### Scenario 1' / '#### Scenario 2' under one case are offered apart, not merged."""
    tree = draft_tree(support(NESTED_SCENARIOS))
    titles = [o["title"] for o in outcomes(tree)]
    assert "Incorrect password" in titles
    assert any(t.startswith("GMSA flag") or t.startswith("gMSA flag") for t in titles)
    password = next(o for o in outcomes(tree) if o["title"] == "Incorrect password")
    assert not any("managedaccount" in s["text"] for s in password["steps"])


LISTED_CAUSES = (
    """
## Symptoms

When you change the password policy, the changes are not applied as expected.

## Cause

This issue can occur in either of the following scenarios:

- The **Block Policy Inheritance** option is enabled on the Domain Controllers unit.
- The password policy is not set in the Default Domain policy.

## Resolution

To resolve this issue, disable the **Block Policy Inheritance** option:

1. Start the Active Directory Users and Computers snap-in.
2. Clear the **Block Policy Inheritance** check box.
3. On the domain controllers, run the following command: gpupdate /force
"""
    "If this issue occurs because you did not set password policy in the Default Domain "
    "policy, set all password policies in the Default Domain policy.\n"
)


def test_if_this_issue_occurs_because_is_the_other_causes_fix_asked_by_cause() -> None:
    """'If this issue occurs because X, do Y' in a step is cause X's own fix, asked by cause."""
    article = support(LISTED_CAUSES, "password-policy")
    tree = draft_tree(article)
    which = node(tree, "which_cause")
    by_label = {c["label"]: c["next"] for c in which["choices"]}
    policy = node(tree, by_label["The password policy is not set in the Default Domain policy"])
    assert [s["text"] for s in policy["steps"]] == [
        "Set all password policies in the Default Domain policy."
    ]
    block = node(tree, next(v for k, v in by_label.items() if k.startswith("The Block Policy")))
    assert not any("occurs because" in s["text"] for s in block["steps"])
    assert draft_text(article)[1] is not None  # lint-clean, or DraftError
