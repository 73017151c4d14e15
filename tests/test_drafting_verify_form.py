"""Verifies said as what to do and what to see (drafting round 9), by the kind of symptom
sentence readers found restated: "When you X, you may receive ...", an appositive comma
inside the trigger, an upgrade that named the old product, a by-design article with a
workaround, a reassuring sentence taken for the problem."""

from __future__ import annotations

from functools import partial

import drafting_support
from drafting_support import archive, walked

from kbassist.articles import Article
from kbassist.drafting.verify_form import structured_check

support = partial(drafting_support.support, id_="support-9", title="Support article")


#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999901")


def verify(art: Article, answers: dict[str, str] | None = None) -> list[str]:
    checklist = walked(art, {"symptom": "yes", **(answers or {})})
    return [item.text for item in checklist.part("verify")]


def test_a_when_you_message_symptom_is_verified_by_redoing_it_and_the_message_gone() -> None:
    """ "When you start X, you may receive the following error message: M" -> redo X, no M."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "When you start Encarta 97 Encyclopedia on a computer running System 7.1 or\n"
        "earlier, you may receive the following error message:\n\n"
        "   One or more files required for Apple Guide are missing.\n\n"
        "RESOLUTION\n==========\n\nUpgrade the system software to System 7.5.\n"
    )
    assert verify(art) == [
        "Start Encarta 97 Encyclopedia on a computer running System 7.1 or earlier again: "
        'check that the message "One or more files required for Apple Guide are missing" '
        "no longer appears."
    ]


def test_a_comma_inside_the_trigger_does_not_cut_the_check_mid_clause() -> None:
    """ "... in MSN, The Microsoft Network, you may not be able to quit IE" -> IE quits."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "When you attempt to reset your password in MSN, The Microsoft Network, you may\n"
        "not be able to quit Microsoft Internet Explorer.\n\n"
        "RESOLUTION\n==========\n\nRestart the computer.\n"
    )
    [check] = verify(art)
    assert check.endswith("check that you can quit Microsoft Internet Explorer.")
    assert "may" not in check and "no longer happens" not in check


def test_a_scene_trigger_keeps_its_condition_and_turns_the_result_round() -> None:
    """ "When Type Info is requested ..., Developer Studio hangs." -> it no longer hangs."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "When Type Info is requested for the keyword __asm, Developer Studio hangs.\n\n"
        "RESOLUTION\n==========\n\nInstall the latest Visual C++ service pack.\n"
    )
    assert verify(art) == [
        "When Type Info is requested for the keyword __asm, check that Developer Studio no "
        "longer hangs."
    ]


BOOKSHELF = (
    "SYMPTOMS\n========\n\n"
    "When you start or run Microsoft Bookshelf 99, the Go Online and Reset Search buttons\n"
    "may cover a portion of the Find box.\n\n"
    "RESOLUTION\n==========\n\nTo resolve this issue, refresh the Bookshelf 99 window.\n\n"
    "STATUS\n======\n\nThis problem was corrected in Microsoft Bookshelf 2000.\n"
)


def test_an_upgrade_is_verified_with_the_product_it_installs() -> None:
    """The upgrade outcome runs Bookshelf 2000 again, not the Bookshelf 99 it replaces."""
    *_, check = verify(mskb(BOOKSHELF), {"mitigation": "upgrade"})
    assert check.startswith("Start or run Microsoft Bookshelf 2000 again: check that")
    assert "Bookshelf 99" not in check
    assert check.endswith("buttons no longer cover a portion of the Find box.")


def test_a_by_design_article_with_a_workaround_checks_the_workaround_effect() -> None:
    """By design plus a WORKAROUND: not "the behavior itself stays", the effect to see."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "You cannot restrict who can send to an Exchange client custom recipient.\n\n"
        "WORKAROUND\n==========\n\n"
        "Create an Exchange Client user and restrict who is allowed to send to it.\n\n"
        "STATUS\n======\n\nThis behavior is by design.\n"
    )
    [check] = verify(art)
    assert "the behavior itself stays" not in check
    assert check.startswith('The article says this is by design ("This behavior is by design.")')
    assert check.endswith(
        "check that you can restrict who can send to an Exchange client custom recipient."
    )


def test_a_reassuring_sentence_is_never_the_problem_to_check() -> None:
    """ "Typically, this should not be a problem." is no verify."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "When the remote server comes back online after it was unreachable over the network\n"
        "for a long time while the service attempted to contact it again and again, the\n"
        "Site Component Manager reinstalls all of the SMS components on that computer once.\n"
        "Typically, this should not be a problem. As the user profiles accumulate, a large\n"
        "amount of disk space may be consumed on the system drive.\n\n"
        "RESOLUTION\n==========\n\nDelete the old user profiles.\n"
    )
    [check] = verify(art)
    assert "should not be a problem" not in check


def test_a_modern_negated_symptom_is_verified_by_what_should_work() -> None:
    """ "Remote Desktop Licensing Service doesn't start." -> start it, check that it starts
    (no step of the fix starts it: round 24)."""
    art = support(
        "## Symptoms\n\nRemote Desktop Licensing Service doesn't start.\n\n"
        "## Resolution\n\nGrant the NETWORK SERVICE account read access to the key.\n"
    )
    assert verify(art) == ["Start the Remote Desktop Licensing Service, and check that it starts."]


def test_a_scene_sentence_is_not_turned_into_a_false_check() -> None:
    """ "IBM is shipping its own version" says nothing goes wrong: no "no longer" check."""
    assert structured_check("IBM is shipping their own version of the MS-DOS 5 Upgrade.") == ""
    assert structured_check("The Autorun.inf file included with this demo does not work.") == (
        "Check that the Autorun.inf file included with this demo works."
    )


def test_a_noun_that_looks_like_a_verb_is_not_taken_for_the_verb() -> None:
    """ "The transaction log file does not grow ..." -> the file grows (not "log" turned)."""
    art = support(
        "## Symptoms\n\nThe transaction log file does not grow by the configured value.\n\n"
        "## Resolution\n\nSet the growth increment to a value that is not a multiple of 4 GB.\n"
    )
    assert verify(art) == ["Check that the transaction log file grows by the configured value."]


def test_a_headline_symptom_without_a_subject_checks_what_the_admin_can_do() -> None:
    """ "Can't delete files on NTFS file system." -> check that you can delete them."""
    art = support(
        "## Symptoms\n\nCan't delete files on NTFS file system.\n\n"
        "## Resolution\n\nTake ownership of the file, and then delete it.\n"
    )
    assert verify(art) == ["Check that you can delete files on NTFS file system."]
