"""Sibling choices whose labels would read alike are labelled by where their texts differ
(round 21, the seed-56 reader's "symptom labels are cut before the differing text")."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, support

from kbassist.drafting.alike_labels import told_by_difference
from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999921")


def labels(tree: dict[str, Any], node_id: str) -> list[str]:
    (node,) = [n for n in tree["nodes"] if n["id"] == node_id]
    return [c["label"] for c in node["choices"]]


def _message(ending: str) -> str:
    return (
        "The session was opened with the gateway, but then an error occurred during the"
        f" handshake. (provider: Web Provider, error: 7 - {ending}) Contoso Gateway, Error: 502."
    )


HEADED = support(
    "## Symptoms\n\n"
    "After you upgrade the gateway, you encounter the following issues:\n\n"
    "- Problems that affect the gateway certificate also affect local connections.\n\n"
    "- The client might generate one of the following error messages:\n\n"
    f"   **HTTP**\n   > {_message('The handle is invalid')}\n\n"
    f"  **HTTPS**\n  > {_message('The certificate chain was issued by an untrusted authority')}"
    "\n\n## Cause\n\nThe gateway no longer accepts TLS 1.0.\n\n"
    "## Resolution\n\nEnable TLS 1.2 on the client.\n",
    id_="gateway-errors-after-tls",
)


def test_headed_messages_alike_to_their_first_clause_are_labelled_by_their_differing_end() -> None:
    """Two headed messages that differ only near their end are told apart by that end,
    after the heading and "...", not cut at the clause they share."""
    found = labels(draft_tree(HEADED), "symptom")
    assert found[:2] == [
        "HTTP > ... The handle is invalid",
        "HTTPS > ... The certificate chain was issued by an untrusted authority",
    ]
    assert all(len(label) <= 80 and "[...]" not in label for label in found)
    draft_text(HEADED)  # lint-clean


def test_listed_cases_alike_to_a_shared_word_keep_the_phrase_that_differs() -> None:
    """ "- **HTTP** > message" list items, alike up to a shared "The", are labelled by the
    whole differing phrase ("The handle is invalid") without the end they share."""
    article = support(
        "## Symptoms\n\n"
        "When you connect, the client might show one of the following error messages:\n\n"
        f"- **HTTP**\n  > {_message('The handle is invalid')}\n\n"
        f"- **HTTPS**\n  > {_message('The certificate chain was issued by an untrusted authority')}"
        "\n\n## Resolution\n\nEnable TLS 1.2 on the client.\n",
        id_="gateway-errors-listed",
    )
    found = labels(draft_tree(article), "symptom")
    assert found[:2] == [
        "HTTP: The handle is invalid",
        "HTTPS: The certificate chain was issued by an untrusted authority",
    ]
    draft_text(article)  # lint-clean


def test_fixes_that_open_with_the_same_step_are_named_by_the_step_that_differs() -> None:
    """ "Rename X, and then reinstall Y" and "Rename X, and then copy it ..." are two
    fixes named by their second action, not "Rename X" and "Rename X (2)"."""
    article = mskb(
        "SYMPTOMS\n========\n\nWhen you open the archive folder, Contoso Mail stops "
        "responding.\n\nCAUSE\n=====\n\nThe Mailpst32.dll file is damaged.\n\n"
        "RESOLUTION\n==========\n\n"
        "To resolve this problem, perform one of the following steps:\n\n"
        "- Rename the Mailpst32.dll file, and then reinstall Contoso Mail.\n\n"
        "- Rename the Mailpst32.dll file, and then copy the file from a working computer\n"
        "  that has the same operating system as the computer that has this problem.\n"
    )
    assert labels(draft_tree(article), "mitigation") == [
        "Rename the Mailpst32.dll file, then reinstall Contoso Mail",
        "Rename the Mailpst32.dll file, then copy the file from a working computer",
    ]
    draft_text(article)  # lint-clean


def test_a_fix_label_cut_to_a_siblings_start_is_said_to_where_it_differs() -> None:
    """ "In the form designer" beside "In the form designer, set the form's BufferMode
    property to 2" names its own setting; the whole sibling label is kept."""
    article = mskb(
        "SYMPTOMS\n========\n\nWhen two users edit the same record in a Contoso Forms "
        "application, the\nsecond save overwrites the first without a warning.\n\n"
        "CAUSE\n=====\n\nThe form uses row buffering with optimistic locking turned off.\n\n"
        "RESOLUTION\n==========\n\n"
        "Use one of the following methods to turn on table buffering:\n\n"
        "- In the form designer, set the form's BufferMode property to 2.\n\n"
        "- In the form designer, set the default buffering mode for individual cursors in the\n"
        "  Data Environment by using the BufferModeOverride property of each cursor.\n"
    )
    # round 32 (junk33): a label that would be only the scene ("In the form designer")
    # is named by its action, scene dropped when the action is too long to turn round
    assert labels(draft_tree(article), "mitigation") == [
        "In the form designer, set the form's BufferMode property to 2",
        "Set the default buffering mode for individual cursors in the Data Environment",
    ]
    draft_text(article)  # lint-clean


def test_labels_that_already_differ_or_whose_texts_never_differ_are_kept() -> None:
    """Only labels that read alike change: a distinct label stays as it is, and two texts
    that are the same all through keep their labels (nothing to tell them by)."""
    same = "Restart the Contoso service"
    assert told_by_difference(
        ["Restart the Contoso service", "Restart the Contoso service", "Clear the cache"],
        [f"{same}.", f"{same}.", "Clear the cache, and then sign in again."],
    ) == ["Restart the Contoso service", "Restart the Contoso service", "Clear the cache"]
