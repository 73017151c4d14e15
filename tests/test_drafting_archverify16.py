"""A symptom sentence too long to quote still gives a verify that says what to do and what
to see (round 16, archverify16), never "Check that the problem Qn SYMPTOMS describes no
longer occurs"."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, fixes, verify_lines

from kbassist.drafting.long_symptom import long_symptom_check
from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999916")


verify_texts = verify_lines


#: One long "If you X ..., Y but Z" sentence: too long to quote whole.
_LONG_RELEASE = (
    "SYMPTOMS\n========\n\nIf you run IPCONFIG/RELEASE (or WINIPCFG/RELEASE from Windows95)"
    " from a\nDHCP-enabled client computer and the client computer is located on a different"
    "\nsubnet than the DHCP server, the IP address is released but the address shows up\nin"
    " the active lease database on the DHCP server.\n\n"
    "RESOLUTION\n==========\n\nTo work around this problem, manually delete the active lease"
    " using DHCP\nManager.\n"
)


def test_long_trigger_sentence_gives_the_action_and_the_result_turned_round() -> None:
    """The verify redoes the trigger's action and checks the result after "but" is gone,
    naming neither the article id nor its section."""
    article = mskb(_LONG_RELEASE)
    for outcome in fixes(draft_tree(article)):
        for check in verify_texts(outcome):
            assert "Q999916" not in check and "SYMPTOMS" not in check
            assert check == (
                "Run IPCONFIG/RELEASE again: check that the address no longer shows up in"
                " the active lease database on the DHCP server."
            )
    draft_text(article)  # lint-clean


def test_state_trigger_gives_the_check_without_a_redo() -> None:
    """'If you have ...' is a state, not an action to redo: the check alone."""
    check = long_symptom_check(
        "If you have a Windows NT Server computer with two network adapters configured on"
        " different subnets and a third one disabled in Control Panel, the browser list"
        " shows the computer twice on the second subnet."
    )
    assert (
        check
        == "Check that the browser list no longer shows the computer twice on the second subnet."
    )


def test_sentence_with_no_trigger_or_no_result_gives_nothing() -> None:
    """A scene with no "If/When you" trigger, or a result with no verb to turn, gives ""
    (the drafter keeps its other verifies)."""
    assert long_symptom_check("The DHCP server keeps leases for eight days by default.") == ""
    assert long_symptom_check("If you run setup, the files in the folder.") == ""


def test_long_repro_run_changed_is_named_not_pasted() -> None:
    """Five repro steps under a fix that changes their code: the verify names the steps
    with the change made and pastes none of them (the failing step among them)."""
    article = mskb(
        "SYMPTOMS\n========\n\nThe form is not released when you click its button.\n\n"
        "RESOLUTION\n==========\n\nIssue the Show method of the form outside of the WITH"
        " block.\n\n"
        "MORE INFORMATION\n================\n\n"
        "Steps to Reproduce Behavior\n---------------------------\n\n"
        "1. Create a new form.\n"
        "2. Add a command button to the form.\n"
        "3. Add the following code in its Click event:\n\n"
        "     WITH ThisForm\n       .Show(1)\n     ENDWITH\n\n"
        "4. Run the form.\n"
        "5. Click the command button. Notice that the form does not release.\n"
    )
    (only,) = fixes(draft_tree(article))
    (verify,) = only["verify"]
    assert "with the change above made to them" in verify["text"]
    assert not verify.get("detail")
    assert "ENDWITH" not in str(verify)
    draft_text(article)  # lint-clean
