"""Drafted walks of modern articles whose symptom comes in several forms, each a list
item with its own case and message ("When you start tool X, you receive: ..."): each
form is a choice of "Which of these do you see?", labelled by its case."""

from __future__ import annotations

from functools import partial

import drafting_support

from kbassist.articles import Article
from kbassist.drafting.tree import draft_tree_model

support = partial(drafting_support.support, id_="support-s1", title="Tools do not start")


FIX = "## Cause\n\nTCP/IP filtering blocks port 389.\n\n## Resolution\n\n1. Click Permit All.\n"


def symptom_labels(art: Article) -> list[str]:
    node = draft_tree_model(art).nodes["symptom"]
    return [choice.label or "" for choice in node.choices]


def test_each_case_with_its_message_is_a_form_to_choose() -> None:
    """Three tools, each "When you try to start X, you receive ...:" over its message."""
    art = support(
        "## Symptoms\n\nAny of the following symptoms may occur:\n\n"
        "- When you try to start the Users and Computers tool, you receive the following "
        "error message:\n\n    > Naming information cannot be located.\n\n"
        "- When you try to start the Sites and Services tool, you receive the following "
        "error message:\n\n    > Naming information cannot be located.\n\n"
        "- Logon processing is very slow.\n\n" + FIX
    )
    assert symptom_labels(art) == [
        "When you try to start the Users and Computers tool: Naming information cannot be located",
        "When you try to start the Sites and Services tool: Naming information cannot be located",
        "Logon processing is very slow",
        "None of these",
    ]


def test_a_case_over_its_message_keeps_both_in_one_form() -> None:
    """ "If you have permissions ..., you receive the following message:" and its quote."""
    art = support(
        "## Symptoms\n\nWhen you click a policy, you receive one of the following messages:\n\n"
        "- If you have permissions to modify security, you receive the following message:\n"
        "  > The permissions for this GPO are inconsistent. Click OK to fix them.\n\n"
        "- If you do not have permissions to modify security, you receive the following "
        "message:\n  > The permissions for this GPO are inconsistent. Contact an "
        "administrator.\n\n" + FIX
    )
    first, second = symptom_labels(art)[:2]
    assert first.startswith("If you have permissions to modify security: The permissions")
    assert second.startswith("If you do not have permissions to modify security: The permi")


def test_scene_sentences_are_still_not_forms() -> None:
    """ "When you sign in, drives are available as expected" sets the scene: no choice."""
    art = support(
        "## Symptoms\n\nConsider the following scenario:\n\n"
        "- When you sign in to the client, mapped drives are available as expected.\n"
        "- When you run an elevated command prompt, the mapped drives are unavailable.\n\n" + FIX
    )
    assert "None of these" not in symptom_labels(art)
