"""Drafted MS KB walks tick only actions: a fix said as a statement is ticked as the
action it carries, a goal or announcement heads its steps, a no-fix article's noted
workaround is the outcome, and an outcome of statements only is said honestly."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, fixes

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999931")


def ticks(outcome: dict[str, Any]) -> list[str]:
    return [s["text"] for s in outcome["steps"]]


def labels(tree: dict[str, Any]) -> list[str]:
    return [o["title"] for o in fixes(tree)]


SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you run the advertised program, you receive the following "
    "error message:\n\n   Runtime ERROR! abnormal program termination\n\n"
)
CAUSE = "CAUSE\n=====\n\nThe Setup file uses the Msvcrt.dll run-time library.\n\n"


def test_does_not_occur_if_you_is_ticked_as_the_action_and_named_by_it() -> None:
    """'The problem does not occur if you use X' is ticked and labelled 'Use X'."""
    article = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "The problem does not occur if you use Windows for Workgroups 3.11 instead of "
        "version 3.1.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == ["Use Windows for Workgroups 3.11 instead of version 3.1."]
    assert "Use Windows for Workgroups 3.11" in only["title"]
    draft_text(article)  # lint-clean
    other = mskb(  # a condition the admin does not set is no step to make sure of
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "The problem does not occur if you use Windows for Workgroups 3.11. The problem "
        "does not occur if the computer has more than 16 MB of memory.\n"
    )
    (only,) = fixes(draft_tree(other))
    assert not any("Make sure that the computer" in t for t in ticks(only))


def test_does_not_occur_if_a_setting_is_off_is_ticked_as_making_sure_of_it() -> None:
    """'This behavior does not occur if either X or Y option is not enabled' is a step."""
    article = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        'This behavior does not occur if either the "Run with administrative rights" or '
        '"Use Windows NT client software installation account" option is not enabled.\n'
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only)[0].startswith('Make sure that either the "Run with administrative rights"')
    assert "does not occur" not in only["title"]


def test_fix_said_with_a_passive_or_a_gerund_is_ticked_as_the_verb() -> None:
    """'can be avoided by ensuring X', 'Adding X may avoid Y': 'Ensure X', 'Add X to avoid Y'."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "The problem can be avoided by ensuring that the TCP/IP protocol is installed on "
        "the computer.\n\n"
        "WORKAROUND\n==========\n\n"
        "Adding the compiler switch /Op for floating-point consistency may avoid this "
        "error message.\n"
    )
    tree = draft_tree(article)
    steps = [t for o in fixes(tree) for t in ticks(o)]
    assert "Ensure that the TCP/IP protocol is installed on the computer." in steps
    assert (
        "Add the compiler switch /Op for floating-point consistency to avoid this error message."
        in steps
    )


def test_only_way_and_fixed_in_sentences_are_ticked_as_what_to_do() -> None:
    """'At this time, the only way ... is to X' is 'X'; 'was corrected in SP3' installs SP3."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "At this time, the only way to correct this problem is to enable network "
        "functionality.\n\n"
        "WORKAROUND\n==========\n\n"
        "This problem was corrected in the latest SNA Server version 4.0 U.S. Service Pack.\n"
    )
    steps = [t for o in fixes(draft_tree(article)) for t in ticks(o)]
    assert "Enable network functionality." in steps
    assert "Install the latest SNA Server version 4.0 U.S. Service Pack." in steps


def test_no_permanent_resolution_with_a_noted_workaround_offers_the_workaround() -> None:
    """The note's 'You can change X' is the fix; 'No permanent resolution' is not ticked."""
    article = mskb(
        SYMPTOMS + "CAUSE\n=====\n\nThis is a known issue and the product team is "
        "investigating it.\n\n"
        "RESOLUTION\n==========\n\n"
        "No permanent resolution exists at this time. This issue will be fixed in future "
        "release.\n\n"
        'Note: You can change your connection type from "USB" to "Ethernet" if this '
        "option is available.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == [
        'Change your connection type from "USB" to "Ethernet" if this option is available.'
    ]
    assert "No permanent resolution exists" in only["text"]
    draft_text(article)


def test_a_goal_done_with_the_steps_after_it_heads_them_not_ticked() -> None:
    """'Disable X.' with 'This is done with a registry setting.' is shown over the steps."""
    article = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "To work around this problem, you can disable dialog boxes from ever being\n"
        "displayed. This is done with a registry setting. For additional information,\n"
        "please see the following article(s) in the Microsoft Knowledge Base:\n\n"
        "  Q124873 Disabling System Hard Error Message Dialog Boxes\n\n"
        "WARNING: If you use Registry Editor incorrectly, you may cause serious problems.\n\n"
        "1. Start Registry Editor (Regedt32.exe).\n"
        "2. Go to the following key:\n\n"
        "      HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Windows\n\n"
        "3. Change the ErrorMode value from 0 to 2.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert not any(t.startswith("Disable dialog boxes") for t in ticks(only))
    shown = " ".join([only.get("text", ""), *(s.get("detail", "") for s in only["steps"])])
    assert "Disable dialog boxes from ever being displayed" in shown


def test_use_the_following_method_is_no_fix_of_its_own() -> None:
    """'Resolution: Use the following method' (announcement and note) is not offered."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this issue, use the following method.\n\n"
        "NOTE: Because there are several versions of Microsoft Windows, the following\n"
        "steps may be different on your computer.\n\n"
        "Update Your Video Adapter Driver:\n\n"
        "To identify the manufacturer of your video adapter, follow these steps:\n\n"
        "1. Click Start, point to Settings, and then click Control Panel.\n\n"
        "2. Double-click System, and then click Device Manager.\n\n"
        "Download and Install the Latest Version of DirectX:\n\n"
        "To install DirectX, follow these steps:\n\n"
        "1. Visit the DirectX Web site.\n\n"
        "2. Download and install the latest version of DirectX.\n"
    )
    tree = draft_tree(article)
    assert not any("Use the following method" in label for label in labels(tree))
    assert not any(t.startswith("Use the following method") for o in fixes(tree) for t in ticks(o))
    assert len(fixes(tree)) == 2


def test_an_outcome_of_statements_only_tells_the_user_and_ticks_no_statement() -> None:
    """'RPC runtime will now retry three times ...': one honest step, the text under it."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "RPC runtime will now retry three times if a call fails. During the retry, the "
        "connection will be reestablished.\n"
    )
    (only,) = fixes(draft_tree(article))
    (step,) = only["steps"]
    assert step["text"].startswith("Tell the user what the article says")
    assert "retry three times" in step["detail"]
    (check,) = only["verify"]  # information, not a fix: nothing is said to go away
    assert "no longer" not in check["text"] and "not a fix" in check["text"]
    draft_text(article)


def test_support_cost_boilerplate_is_not_shown_under_the_contact_step() -> None:
    """'The usual support costs will apply ...' is dropped like the rest of the notice."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Contact Microsoft Product Support Services to obtain the fix. The usual support "
        "costs will apply to additional support questions and issues that do not qualify "
        "for the specific update in question.\n"
    )
    (only,) = fixes(draft_tree(article))
    shown = " ".join(s["text"] + s.get("detail", "") for s in only["steps"])
    assert "support costs" not in shown
    assert ticks(only)[0].startswith("Contact Microsoft Product Support Services")


def test_registry_warning_glued_to_the_step_is_shown_and_does_not_name_the_fix() -> None:
    """The WARNING run into 'One way ... is to configure X:' is shown; 'Configure X' is ticked."""
    article = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "WARNING: If you use Registry Editor incorrectly, you may cause serious problems\n"
        "that may require you to reinstall your operating system. Microsoft cannot\n"
        "guarantee that you can solve problems that result from using Registry Editor\n"
        "incorrectly. Use Registry Editor at your own risk.\n"
        "One way to work around the problem is to configure the following registry\n"
        "setting:\n\n"
        "  HKLM\\System\\CurrentControlSet\\Services\\RDR\\Parameters\n\n"
        "  Value Name: FailedConnectTimeout\n"
        "  Data Type: REG_DWORD\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == [  # the key in the step (round 11), its value lines shown under it
        "Configure the following registry setting: HKLM\\System\\CurrentControlSet\\Services\\RDR"
        "\\Parameters"
    ]
    assert "at your own risk" in only["steps"][0]["detail"]
    assert only["title"] == "Workaround: Configure the following registry setting"


def test_workaround_said_for_a_case_or_with_a_gerund_the_tools_do_not_know() -> None:
    """'can be worked around by capturing X' and 'If X, a simple workaround would be to Y'."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "This issue can be worked around by capturing the printer prior to printing.\n\n"
        "WORKAROUND\n==========\n\n"
        'If the application file name includes a "0", a simple workaround would be to '
        'rename the file so that it does not include the "0" character.\n'
    )
    steps = [t for o in fixes(draft_tree(article)) for t in ticks(o)]
    assert "Capture the printer prior to printing." in steps
    assert (
        'If the application file name includes a "0", rename the file so that it does not '
        'include the "0" character.' in steps
    )
    assert not any(t.startswith("Tell the user") for t in steps)


def test_a_pair_of_gerunds_is_said_as_a_pair_of_actions() -> None:
    """'by modifying X and rebuilding Y' is 'Modify X and rebuild Y', not '... rebuilding Y'."""
    article = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "You can work around the problem by modifying the WINFRM2.CPP source file and "
        "rebuilding the appropriate MFC library.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == [
        "Modify the WINFRM2.CPP source file and rebuild the appropriate MFC library."
    ]


def test_information_beside_the_status_upgrade_is_shown_under_the_upgrade() -> None:
    """'RPC runtime will now retry ...' with a STATUS fix: said under 'Install ...', no fix."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "RPC runtime will now retry three times if a call fails. During the retry, the "
        "connection will be reestablished.\n\n"
        "WORKAROUND\n==========\n\n"
        "The use of the STR() and VAL() functions may prevent this error.\n\n"
        "STATUS\n======\n\n"
        "This problem was corrected in the latest Service Pack for Windows NT version 3.5.\n"
    )
    tree = draft_tree(article)
    upgrade = next(o for o in fixes(tree) if o["id"] == "upgrade")
    assert ticks(upgrade)[0].startswith("Install the latest Service Pack")
    assert "retry three times" in upgrade["steps"][0]["detail"]
    steps = [t for o in fixes(tree) for t in ticks(o)]  # a workaround is a fix of its own
    assert "Use the STR() and VAL() functions to prevent this error." in steps
    assert len(fixes(tree)) == 2
    draft_text(article)
