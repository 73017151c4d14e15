"""Round 29's integrator fixes, from the seed-74 readers' notes."""

from __future__ import annotations

from drafting_support import archive, runbook

from kbassist.drafting.tree import draft_text, draft_tree

SHARE_DENIED = (
    "SYMPTOMS\n========\n\n"
    "When you open a shared folder from a widget client, you may receive the following"
    " error message:\n\n"
    "  \\\\WIDGETSRV\\PUBLIC\\REPORTS is not reachable.\n\n"
    "  Access is denied.\n\n"
    "However, when you open it from older clients you do not receive this error.\n\n"
    "RESOLUTION\n==========\n\nGrant the List permission on every parent folder.\n"
)


def test_contrast_after_the_message_does_not_replace_it() -> None:
    """ "However, elsewhere you do not receive this error" never replaces the message."""
    art = archive(SHARE_DENIED)
    draft_text(art)  # lint-clean
    tree = draft_tree(art)
    assert "is not reachable" in tree["symptom"]
    assert "do not receive this error" not in tree["symptom"]
    verify = " ".join(v["text"] for n in tree["nodes"] for v in n.get("verify", []))
    assert "do not receive this error" not in verify


def test_a_real_turn_after_the_scene_is_still_the_symptom() -> None:
    """ "However, when X, the user is again denied access" stays the problem shown."""
    art = archive(
        "SYMPTOMS\n========\n\nA parent approves a child's request to use the widget store."
        " The approval is recorded.\n\nHowever, when the child signs in, the child is again"
        " denied access to the store.\n\n"
        "RESOLUTION\n==========\n\nClear the store cache on the child's computer.\n"
    )
    assert "again denied access" in draft_tree(art)["symptom"]


def test_resolution_and_status_naming_one_release_are_one_fix() -> None:
    """RESOLUTION and STATUS both "fixed in Service Pack 4": one outcome, not two."""
    art = archive(
        "SYMPTOMS\n========\n\nWidget sessions are lost under heavy load.\n\n"
        "RESOLUTION\n==========\n\nThis problem is fixed in Microsoft Widget Server 4.0"
        " Service Pack 4.\n\n"
        "STATUS\n======\n\nMicrosoft has confirmed this to be a problem in Widget Server 4.0."
        " This problem is fixed in Widget Server 4.0 Service Pack 4.\n",
        product="Microsoft Widget Server",
    )
    draft_text(art)  # lint-clean
    outcomes = [
        n
        for n in draft_tree(art)["nodes"]
        if n["kind"] == "outcome" and n["id"] != "not_this_article"
    ]
    assert len(outcomes) == 1
    assert "Service Pack 4" in outcomes[0]["steps"][0]["text"]


def test_a_moved_stub_sends_the_admin_to_the_new_page() -> None:
    """A runbook that only says it moved ends in "open the new page", its link kept."""
    art = runbook(
        "This alert has been moved to [alerts/widget-operator/WidgetDown.md]"
        "(https://example.com/runbooks/alerts/widget-operator/WidgetDown.md)\n",
        id_="WidgetDown",
    )
    draft_text(art)  # lint-clean
    steps = [
        s["text"]
        for n in draft_tree(art)["nodes"]
        if n["id"] != "not_this_article"
        for s in n.get("steps", [])
    ]
    assert steps == [
        "Open alerts/widget-operator/WidgetDown.md"
        " (https://example.com/runbooks/alerts/widget-operator/WidgetDown.md) and follow it there."
    ]


def test_a_long_article_mentioning_a_move_is_not_a_stub() -> None:
    """ "The widget data has been moved to /srv" in a real article never makes it a stub."""
    from kbassist.drafting.moved_page import moved_to

    art = runbook(
        "## Meaning\n\nThe widget data has been moved to [the new volume](https://example.com/v)"
        " and the collector cannot read it.\n\n" + "## Diagnosis\n\nCheck the volume mounts. " * 20,
        id_="WidgetData",
    )
    assert moved_to(art) is None


def test_no_another_version_exit_over_configurations() -> None:
    """ "With FlexiCD" / "Without FlexiCD" are setups, not versions: no "Another version"."""
    from kbassist.drafting.version_menu import _exit_fits

    assert not _exit_fits(["Windows 95 With FlexiCD", "Windows 95 Without FlexiCD"], False)
    assert not _exit_fits(["Windows 10", "Windows XP"], True)  # a current article
    assert _exit_fits(["Windows NT 4.0", "Windows NT 3.51"], False)


def test_a_workaround_sentence_with_braces_stays_literal_and_lint_clean() -> None:
    """ "use the long code for Insert, {Insert}" in MORE INFORMATION is shown as written."""
    art = archive(
        "SUMMARY\n=======\n\nThis article lists documentation corrections for Widget Basic.\n\n"
        "MORE INFORMATION\n================\n\nThe short form of the code for sending an"
        " Insert, {INS}, results in an error. To work around this problem, use the long code"
        " for Insert, {Insert}.\n"
    )
    draft_text(art)  # lint-clean: the braces are literal text, not a variable
    steps = [s["text"] for n in draft_tree(art)["nodes"] for s in n.get("steps", [])]
    assert "Use the long code for Insert, {{Insert}}." in steps


def test_two_ways_told_apart_only_by_their_place_keep_the_place() -> None:
    """ "In the Setup Wizard, select X -or- In the PDW, select X": answers name the tool."""
    art = archive(
        "SYMPTOMS\n========\n\nSetup of the widget package fails with a missing .dep file.\n\n"
        "RESOLUTION\n==========\n\nFollow these steps to create a .dep file:\n\n"
        "1. Restart the Setup Wizard or the PDW.\n\n"
        "2. In the Setup Wizard, select the project file for this component.\n\n   -or-\n\n"
        "   In the PDW, select the project file for this component.\n\n"
        "3. Save the .dep file beside the component.\n"
    )
    draft_text(art)  # lint-clean: no two answers alike
    labels = [
        [c["label"] for c in q["choices"]]
        for q in draft_tree(art)["nodes"]
        if q.get("title") == "Which way do you take?"
    ]
    assert labels and len({label.casefold() for label in labels[0]}) == len(labels[0])
    assert any("PDW" in label for label in labels[0])
