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
    """ "If you have permissions ..., you receive the following message:" and its quote
    (since round 11 the quote from where the two messages differ)."""
    art = support(
        "## Symptoms\n\nWhen you click a policy, you receive one of the following messages:\n\n"
        "- If you have permissions to modify security, you receive the following message:\n"
        "  > The permissions for this GPO are inconsistent. Click OK to fix them.\n\n"
        "- If you do not have permissions to modify security, you receive the following "
        "message:\n  > The permissions for this GPO are inconsistent. Contact an "
        "administrator.\n\n" + FIX
    )
    first, second = symptom_labels(art)[:2]
    assert first == "If you have permissions to modify security: Click OK to fix them"
    assert second == "If you do not have permissions to modify security: Contact an administrator"


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


def test_forms_depending_on_how_the_service_starts_show_each_message() -> None:
    """ "... resembles the following, depending on how you start it:" over two ways: each
    way with its message, the typed command left out."""
    art = support(
        "## Symptoms\n\nSQL Server does not start, and it returns an error message that "
        "resembles the following, depending on how you try to start the service:\n\n"
        "- By using the Services applet:\n\n    > Windows could not start the SQL Server "
        "service on Local Computer.\n\n- By using a command prompt:\n\n"
        "    > C:\\Users\\username>NET START MSSQLSERVER  \n    System error 5 has occurred."
        "\n\n" + FIX
    )
    assert symptom_labels(art)[:2] == [
        "By using the Services applet: Windows could not start the SQL Server service on Local "
        "Computer",
        "By using a command prompt: System error 5 has occurred",
    ]


def test_a_cause_named_in_a_symptom_note_is_the_cause() -> None:
    """ "That cause is insufficient privileges in msdb." in a note is the cause (said as "The
    cause is ..."), not "gives no cause"."""
    art = support(
        "## Symptoms\n\nYou may receive error 916 when you expand the Databases node.\n\n"
        "> [!NOTE]\n> The text of the error may vary. However, the underlying cause is "
        "essentially the same. That cause is insufficient privileges in the msdb database."
        "\n\n## How to resolve the issue\n\n1. Run `GRANT CONNECT TO guest` in msdb.\n"
    )
    assert draft_tree_model(art).cause == (
        "The cause is insufficient privileges in the msdb database."
    )


def test_a_symptom_opening_with_what_is_wrong_states_the_cause() -> None:
    """ "If the service can't find the path ..., the service doesn't start": the cause; "When
    you try to change the file, ..." stays a trigger, no cause."""
    art = support(
        "## Symptoms\n\nIf the SQL Server service can't find the path that's configured to "
        "create error logs, the service doesn't start, and you receive the following error "
        "message:\n\n> Error 1067: The process terminated unexpectedly.\n\n"
        "## Resolution\n\n1. Create the error log folder.\n"
    )
    assert draft_tree_model(art).cause == (
        "If the SQL Server service can't find the path that's configured to create error "
        "logs, the service doesn't start."
    )
    trigger = support(
        "## Symptoms\n\nWhen you try to change the Hosts file, you receive an error that is "
        "not expected.\n\n## Resolution\n\n1. Run Notepad as an administrator.\n"
    )
    assert "gives no cause" in draft_tree_model(trigger).cause


def test_messages_offered_as_choices_are_not_quoted_again_and_cut() -> None:
    """A long scene over quoted messages: the question quotes the scene up to the
    messages' lead-in, whole; the messages are the choices."""
    scene = " ".join(
        f"Condition {n} of the upgrade to TLS 1.2 applies to this server." for n in range(10)
    )
    long_tail = " The client then retries the connection many times before it gives up." * 4
    art = support(
        f"## Symptoms\n\n{scene}\n\nThe application might generate one of the following error "
        f"messages:\n\n> Named Pipes: A connection was established, then login failed.{long_tail}"
        f"\n\n> TCP: A connection was established, then the handshake failed.{long_tail}\n\n" + FIX
    )
    node = draft_tree_model(art).nodes["symptom"]
    text = str(getattr(node.text, "source", node.text))
    assert len(node.choices) == 3
    assert "[...]" not in text
    assert "might generate one of the following error messages." in text
