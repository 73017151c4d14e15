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


def test_named_forms_offer_each_message_and_every_form() -> None:
    """ "Symptom 2" over named error messages: each message a choice, no bare "Symptom 2"."""
    art = support(
        "## Symptoms\n\nIn this scenario, you may experience one or more of the following "
        "symptoms.\n\n"
        "- Symptom 1\n\n    Database deadlocks occur on one of the following stored "
        "procedures:\n\n  - `[dbo].[GetDataSources]`\n  - `[dbo].[DeleteDataSources]`\n\n"
        "- Symptom 2\n\n    You receive one of the following error messages:\n\n"
        "  - Error Message 1\n    > An error occurred within the report server database.\n\n"
        "  - Error Message 2\n    > Timeout expired.\n\n"
        "- Symptom 3\n\n    The pages are very slow to load.\n\n" + FIX
    )
    assert symptom_labels(art) == [
        "Database deadlocks occur on [dbo].[GetDataSources] or [dbo].[DeleteDataSources]",
        "An error occurred within the report server database",
        "Timeout expired",
        "The pages are very slow to load",
        "None of these",
    ]


def test_symptom_sections_are_forms_labelled_by_their_case_and_message() -> None:
    """ "## Symptom 1" / "## Symptom 2" sections: one choice each, not a yes/no."""
    art = support(
        "## Symptoms when the guest user is disabled\n\nYou may experience one of these.\n\n"
        "## Symptom 1\n\nIn SQL Server 2012 and later environments, when a user expands the "
        "Databases node, they receive an error message that resembles the following:\n\n"
        "> Cannot show requested dialog.\n\n"
        "## Symptom 2\n\nIn SQL Server 2008 environments, when a user expands the Databases "
        "node, they receive an error message that resembles the following:\n\n"
        "> Failed to retrieve data for this request.\n\n" + FIX
    )
    assert symptom_labels(art) == [
        "In SQL Server 2012 and later environments: Cannot show requested dialog",
        "In SQL Server 2008 environments, when a user expands the Databases node: "
        "Failed to retrieve data for this request",
        "None of these",
    ]


def test_a_form_after_a_scene_clause_is_offered_and_the_text_is_not_a_dump() -> None:
    """ "If you have several DCs, you can connect to another DC" is a form too; the
    question quotes the lead, not every form's message cut at 900 characters."""
    message = "Naming information cannot be located. " * 12
    art = support(
        "## Symptoms\n\nAny of the following symptoms may occur:\n\n"
        "- When you try to start the Users and Computers tool, you receive the following "
        f"error message:\n\n    > {message}\n\n"
        "- When you try to start the Sites and Services tool, you receive the following "
        f"error message:\n\n    > {message}\n\n"
        "- If you have multiple domain controllers, you can connect to another domain "
        "controller that has port 389 open.\n\n" + FIX
    )
    tree = draft_tree_model(art)
    labels = symptom_labels(art)
    assert "You can connect to another domain controller that has port 389 open" in labels
    text = str(getattr(tree.nodes["symptom"].text, "source", tree.nodes["symptom"].text))
    assert "[...]" not in text
    assert text.startswith("The article describes: Any of the following symptoms may occur.")


def test_an_event_form_is_named_by_its_id_source_and_description() -> None:
    """A form that is a logged event reads "Event 12302 (VSS): ..." , not its lead-in."""
    art = support(
        "## Symptoms\n\nYou may experience any of the following symptoms.\n\n"
        "- You receive the following error message:\n\n    > Error: 0x8000FFFF\n\n"
        "- The following event may be logged in the Application log:\n\n"
        "    > Event Type: Error  \n    Event Source: VSS  \n    Event ID: 12302  \n"
        "    Description: Volume Shadow Copy Service error: An internal inconsistency was "
        "detected.\n\n- The list is blank.\n\n" + FIX
    )
    assert symptom_labels(art)[:3] == [
        "Error: 0x8000FFFF",
        "Event 12302 (VSS): Volume Shadow Copy Service error: An internal inconsistency was "
        "detected",
        "The list is blank",
    ]


def test_named_messages_after_either_of_the_following_are_choices() -> None:
    """ "... resembles either of the following." over "Error message 1/2": each message."""
    art = support(
        "## Symptoms\n\nWhen you try to change the Hosts file, you may receive an error "
        "message that resembles either of the following.\n\n"
        "- Error message 1\n\n    > Access to C:\\Windows\\System32\\drivers\\etc\\hosts was "
        "denied\n\n- Error message 2\n\n    > Cannot create the hosts file.\n\n" + FIX
    )
    assert symptom_labels(art) == [
        "Access to C:\\Windows\\System32\\drivers\\etc\\hosts was denied",
        "Cannot create the hosts file",
        "None of these",
    ]
