"""MS support ways offered as alternatives inside one fix, round 16 (modalts16; seed-54
readers): "use one of the following methods:" over its steps, and steps headed
"Method 1: ..." / "Method 2: ...", were ticked one after the other in one outcome; each
is now one answer of "Which method will you use?"."""

from __future__ import annotations

from typing import Any

from drafting_support import fixes, questions, support, ticks, walked

from kbassist.drafting.tree import draft_text, draft_tree

SYMPTOMS = "## Symptoms\n\nThe Log Reader Agent fails with a time-out error.\n\n"


def _ticked(body: str, pick: int, **more: str) -> tuple[dict[str, Any], list[str]]:
    """The draft's "Which method/option ...?" question and the steps ticked when its
    `pick`-th way is chosen, other questions answered by `more` (the draft lint-clean)."""
    article = support(body)
    draft_text(article)
    (asked,) = [q for q in questions(draft_tree(article)) if q["title"].endswith("will you use?")]
    answers = {"symptom": "yes", **more, asked["var"]: asked["choices"][pick]["value"]}
    steps = walked(article, answers).part("steps")
    return asked, [" ".join(item.text.split()) for item in steps]


def test_use_one_of_the_following_methods_inside_a_fix_is_asked() -> None:
    """A troubleshooting item 'To resolve this issue, use one of the following methods:'
    over three settings: the admin picks one and ticks only that one ('do one or more of
    the following' is not asked)."""
    body = SYMPTOMS + (
        "## Troubleshooting\n\n"
        "- Error message 1: **LogReader Failed**\n\n"
        "  Run `sp_replflush` on the publisher.\n\n"
        "- Error message 2: **LogReader Timeout**\n\n"
        "  To resolve this issue, use one of the following methods:\n\n"
        "  - Increase the value for the Log Reader Agent's *QueryTimeout* parameter.\n\n"
        "  - Set the value for the *QueryTimeout* parameter to zero (0) to disable time-out.\n\n"
        "  - Reduce the value for the Log Reader Agent's *ReadBatchSize* parameter.\n"
    )
    asked, ticked = _ticked(body, 2, mitigation="troubleshooting_2")
    assert [c["label"] for c in asked["choices"]][:3] == [
        "Increase the value for the Log Reader Agent's QueryTimeout parameter",
        "Set the value for the QueryTimeout parameter to zero (0) to disable time-out",
        "Reduce the value for the Log Reader Agent's ReadBatchSize parameter",
    ]
    assert ticked == ["Reduce the value for the Log Reader Agent's ReadBatchSize parameter."]
    # "do one or more of the following" may do all: not asked
    either = support(
        SYMPTOMS
        + "## Troubleshooting"
        + body.split("## Troubleshooting")[1].replace("use one of", "do one or more of")
    )
    draft_text(either)
    assert not [q for q in questions(draft_tree(either)) if q["title"].endswith("will you use?")]


def test_method_1_and_method_2_steps_are_asked_not_ticked_in_turn() -> None:
    """'Method 1: Drop the endpoint ...' and 'Method 2: Alter the endpoint ...' with their
    example commands: choosing Method 2 ticks only Method 2 and its example."""
    body = SYMPTOMS + (
        "## Resolution\n\n"
        "- **Method 1**: Drop the endpoint that is causing the problem by using the DROP "
        "ENDPOINT command.\n\n"
        "  For example, to drop an endpoint named `TestEP`, use the following command:\n\n"
        "    ```sql\n    DROP ENDPOINT TestEP\n    ```\n\n"
        "- **Method 2**: Alter the endpoint to use a different port by using the ALTER "
        "ENDPOINT command.\n\n"
        "  For example, to alter an endpoint named `TestEP`, use the following command:\n\n"
        "    ```sql\n    ALTER ENDPOINT TestEP as tcp (listener_port=1980)\n    ```\n"
    )
    # the endpoint the examples name is asked (examples19): the admin's own is answered
    asked, ticked = _ticked(body, 1, example_1="TestEP")
    assert asked["title"] == "Which method will you use?"
    assert ticked[0].startswith("Method 2: Alter the endpoint")
    assert not any("Drop the endpoint" in t or "drop an endpoint" in t for t in ticked)


def test_option_1_in_the_lead_and_option_2_steps_are_two_answers() -> None:
    """'If you've encountered this issue, use one of the following two options:', then
    'Option 1: Remove X and copy it back' (a paragraph) and 'Option 2:' over numbered
    steps: Option 1 ticks only its own step, none of Option 2's."""
    body = (
        "## Common errors and mitigation\n\n"
        "### Symptoms: Start menu and apps can't start after the upgrade\n\n"
        "#### Description\n\nStart menu, Search, and Apps do not start after the upgrade.\n\n"
        "#### Cause\n\nThis problem occurs because of a failure to load *sysfer.dll*.\n\n"
        "#### Resolution\n\n"
        "This issue was fixed by the cumulative update KB4469342.\n\n"
        "If you've already encountered this issue, use one of the following two options "
        "to fix the issue:\n\n"
        "Option 1: Remove *sysfer.dll* from system32 folder and copy it back. Windows will "
        "set privilege automatically.\n\n"
        "Option 2:\n\n"
        "1. Locate the directory *C:\\\\Windows\\\\system32*.\n"
        "2. Right-click on *sysfer.dll* and choose **Properties**.\n"
        "3. Select **Edit**, and then select **Add** to add the group.\n"
    )
    asked, ticked = _ticked(body, 0, if_1="yes")
    assert asked["choices"][0]["label"].startswith("Option 1: Remove sysfer.dll")
    assert any(t.startswith("Option 1: Remove sysfer.dll") for t in ticked)
    assert not any("Properties" in t or "Add to add the group" in t for t in ticked)


def test_per_version_sub_procedures_are_separate_fixes() -> None:
    """'#### For a Windows 2000 domain' and '#### For a Windows Server 2003 domain' under
    one method are two fixes chosen apart, not one checklist ticking both procedures."""
    body = (
        "## Symptoms\n\nA call to AuthzInitializeContextFromSid fails.\n\n"
        "## Method 1\n\nAdd the service account to the Windows Authorization Access group.\n\n"
        "## Method 2\n\nConfigure the settings on the domain. To do this, use one of the "
        "following methods.\n\n"
        "### Grant the read permission on all the user accounts in the domain\n\n"
        "To do this, use the information in one of the following sections, depending on "
        "the operating system you are using.\n\n"
        "#### For a Microsoft Windows 2000 domain\n\n"
        "1. Open **Active Directory Users and Computers**.\n"
        "2. Create the domain local group MyAuthZGrp.\n\n"
        "#### For a Microsoft Windows Server 2003 domain\n\n"
        "1. On the domain controller, open **Active Directory Users and Computers**.\n"
        "2. Add the service account to the Windows Authorization Access Group.\n\n"
        "### Grant read permissions to a specific user account\n\n"
        "1. Grant the service account read permission on the TGGAU attribute of the user.\n"
    )
    article = support(body)
    draft_text(article)
    tree = draft_tree(article)
    by_title = {f["title"]: " ".join(ticks(f)) for f in fixes(tree)}
    assert (
        "Create the domain local group MyAuthZGrp."
        in by_title["For a Microsoft Windows 2000 domain"]
    )
    assert (
        "Windows Authorization Access Group" not in by_title["For a Microsoft Windows 2000 domain"]
    )
    assert "MyAuthZGrp" not in by_title["For a Microsoft Windows Server 2003 domain"]
