"""Round 24 (symptom24): the symptom says what the admin sees, readably: an outcome before
its scenario, an event by its source, id and message, no "see Help" boilerplate or
pointers, two forms of a problem asked apart, and a message's F2 detail not offered as a
form of its own (seed-66 readers' notes)."""

from __future__ import annotations

from drafting_support import archive, support

from kbassist.drafting.symptom_text import readable_symptom
from kbassist.drafting.tree import draft_text, draft_tree


def _symptom_node(tree: dict) -> dict:
    return next(n for n in tree["nodes"] if n["id"] == "symptom")


SCENARIO = (
    "## Symptoms\n\n"
    "Consider the following scenario:\n\n"
    "- You remove a widget queue while it is paused.\n"
    "- You add a new widget queue that has the same name.\n"
    "- You restart the computer.\n\n"
    "In this scenario, the new widget queue is shown as **Paused**.\n\n"
    "## Resolution\n\n"
    "Right-click the new widget queue, and then clear the **Pause queue** setting.\n"
)


def test_a_scenario_reads_outcome_first_with_its_conditions_apart() -> None:
    """ "Consider the following scenario: A; B; C. In this scenario, X.": the question
    shows X first, then "This happens when" A, B and C in a paragraph of its own."""
    tree = draft_tree(support(SCENARIO))
    assert tree["symptom"].startswith("The new widget queue is shown as Paused — when you ")
    text = _symptom_node(tree)["text"]
    outcome, conditions, question = text.split("\n\n")
    assert outcome.endswith("The new widget queue is shown as Paused.")
    assert conditions.startswith("This happens when you remove a widget queue")
    assert "; and you restart the computer." in conditions
    assert "Consider the following scenario" not in text
    assert question == "Is this what you see?"


def test_the_paragraph_break_survives_the_written_file() -> None:
    """The drafted file read back by the real loader keeps the symptom's paragraph break."""
    _, model = draft_text(support(SCENARIO))
    node = model.nodes["symptom"]
    assert "Paused.\n\nThis happens when" in str(node.text)


EVENT = (
    "## Symptoms\n\n"
    "When you restart the widget server, the Widget service fails to start and an event "
    "similar to the following is logged:\n\n"
    "> Log Name: Application  \n"
    "Source: ESENT  \n"
    "Event ID: 623  \n"
    "Task Category: Transaction Manager  \n"
    "Level: Error  \n"
    "Keywords: Classic  \n"
    "User: N/A  \n"
    "Computer: SERVER1  \n"
    "Description:  \n"
    "svchost (PID) The version store has reached its maximum size.\n\n"
    "## Resolution\n\n"
    "Increase the MaxVerPages value, and then restart the Widget service.\n"
)


def test_an_event_keeps_its_source_id_and_message_only() -> None:
    """An event record in the symptom keeps its source, event id and message; its level,
    keywords, user, computer and task category are no longer run into the line."""
    symptom = draft_tree(support(EVENT))["symptom"]
    assert "Source: ESENT; Event ID: 623; svchost (PID) The version store" in symptom
    for noise in ("Task Category", "Keywords", "Computer:", "User:", "Level:"):
        assert noise not in symptom


def test_boilerplate_and_pointers_are_dropped_from_the_symptom() -> None:
    """A message box's "For more information ..., see Help." and a "See the ..." pointer
    are not part of what the admin is asked to recognise; the message stays."""
    line, shown = readable_symptom(
        "You receive the following error message: Zone Not Loaded by Widget Server. The "
        "transfer of zone data failed. For more information about troubleshooting zone "
        "problems, see Help. See the detail to configure the zone."
    )
    assert line == shown
    assert line.endswith("The transfer of zone data failed.")
    assert "see Help" not in line and "See the detail" not in line


def test_a_symptom_that_is_only_a_pointer_is_kept() -> None:
    """A symptom with nothing but a pointer is left as it is (never emptied)."""
    said = "For more information, see Help."
    assert readable_symptom(said) == (said, said)


def test_two_forms_in_two_sentences_are_asked_apart() -> None:
    """ "X hangs in Setup. Even if Setup completes successfully, Y may hang at boot.": two
    forms, asked "Which of these do you see?", each named whole."""
    art = archive(
        "SYMPTOMS\n========\n\n"
        "Contoso servers with onboard Fabrikam SCSI controllers stop responding (hang) "
        "during SCSI detection in Setup. Even if Setup completes successfully, Windows NT "
        "may hang during the boot process.\n\n"
        "RESOLUTION\n==========\n\nUpdate the SCSI driver to version 2.1.\n"
    )
    node = _symptom_node(draft_tree(art))
    assert node["title"] == "Which of these do you see?"
    labels = [c["label"] for c in node["choices"]]
    assert labels[0].endswith("stop responding during SCSI detection in Setup")
    assert "(hang)" not in labels[0]
    assert labels[1].startswith("Even if Setup completes successfully, Windows NT may hang")


def test_even_though_the_same_failure_stays_one_symptom() -> None:
    """ "Even though the files work, a comparison shows differences" goes on about one
    failure: still asked yes/no."""
    art = archive(
        "SYMPTOMS\n========\n\n"
        "Help files built from the same source are not identical. Even though the files "
        "work identically, a binary comparison reveals differences.\n\n"
        "RESOLUTION\n==========\n\nIgnore the differences.\n"
    )
    assert _symptom_node(draft_tree(art))["title"] == "Does this match what you see?"


def test_a_messages_f2_detail_is_not_offered_as_another_form() -> None:
    """ "If you press F2 while this error message is displayed, you will see the following
    error codes:" is the same error's detail: one symptom, its detail shown with it."""
    art = archive(
        "SYMPTOMS\n========\n\n"
        "When you open a widget folder, the operation may fail with the following error "
        "message seen by the client:\n\n"
        "   Client Operation Failed\n\n"
        "If you press the F2 key while this error message is displayed, you will see the "
        "following error codes:\n\n"
        "   Widget Store - 1201 - [80004005 - FFFFFBFE]\n\n"
        "RESOLUTION\n==========\n\nChange the folder view to Normal.\n"
    )
    node = _symptom_node(draft_tree(art))
    assert node["title"] == "Does this match what you see?"
    assert "1201" in node["text"]


def test_a_cause_of_several_paragraphs_keeps_its_breaks() -> None:
    """A Cause of two paragraphs is shown as two paragraphs, not run together."""
    art = support(
        "## Symptoms\n\nMapped widget drives are unavailable in an elevated prompt.\n\n"
        "## Cause\n\n"
        "When UAC is enabled, the system creates two linked logon sessions at logon.\n\n"
        "When the policy is set to prompt for credentials, a third session is created "
        "that has no drive mappings.\n\n"
        "## Resolution\n\nSet the policy to prompt for consent.\n"
    )
    cause = next(n for n in draft_tree(art)["nodes"] if n["id"] == "cause")
    assert "at logon.\n\nWhen the policy is set" in cause["text"]


def test_a_symptom_of_two_paragraphs_is_asked_after_both() -> None:
    """A SYMPTOMS of two paragraphs keeps its break, and "Is this what you see?" stands
    apart after them rather than glued to the second."""
    art = archive(
        "SYMPTOMS\n========\n\n"
        "When you run the Letter Wizard, the widget date is inserted as text instead of a "
        "field.\n\n"
        "When you insert a date field formatted with the Date style and run the wizard, the "
        "new format replaces the field as text.\n\n"
        "RESOLUTION\n==========\n\nInsert the date field after you run the wizard.\n"
    )
    text = _symptom_node(draft_tree(art))["text"]
    assert "instead of a field.\n\nWhen you insert a date field" in text
    assert text.endswith("as text.\n\nIs this what you see?")


def test_a_messages_own_see_your_administrator_line_is_kept() -> None:
    """ "See the folder contact or your system administrator." is part of the quoted
    error, not a pointer to documentation: the symptom keeps it."""
    from kbassist.drafting.symptom_text import without_pointers

    text = (
        "The following error may appear: Error synchronizing message [80070005-508-0-322]"
        " You do not have sufficient permission to perform this operation on this object."
        " See the folder contact or your system administrator. Microsoft Exchange Server"
    )
    assert without_pointers(text) == text
    assert "See the Resolution" not in without_pointers(
        "Setup stops responding. See the Resolution section for the steps."
    )
