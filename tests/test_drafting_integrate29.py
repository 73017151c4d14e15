"""Round 29's integrator fixes, from the seed-74 readers' notes."""

from __future__ import annotations

from drafting_support import archive

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
