"""Round 36 (symptoms36): the symptom question shows what the admin sees, and choice
labels and outcome titles say a whole action."""

from __future__ import annotations

from typing import Any

from drafting_support import archive, fixes, support

from kbassist.drafting.open_ends import plain_text, said_action
from kbassist.drafting.symptom_left import left_messages
from kbassist.drafting.symptom_only import either_events, fuller_label
from kbassist.drafting.tree import draft_tree


def _symptom(tree: dict[str, Any]) -> dict[str, Any]:
    return next(n for n in tree["nodes"] if n["id"] == "symptom")


def _text(node: dict[str, Any]) -> str:
    return " ".join(node["text"].split())


_LIST_THEN_MESSAGE = """\
SYMPTOMS
========

You may not be able to close an Example Tracker session if

- You use another tracking program (such as Example Planner)

- You have sent a report from one of the Example Office programs.

While that program is still running, you may receive the following error
message:

  The session is locked by another program.

CAUSE
=====

The Example Office program keeps a handle to the open session.

RESOLUTION
==========

Quit the Example Office program before you close the session.
"""

_MESSAGE_THEN_EVENTS = """\
SYMPTOMS
========

When you replicate the Example directory between two servers, the replication
may not succeed. You may receive the following error message on the second server:

  The directory server is unavailable

The System Event Log of the second server may display the following information:

  Event ID: 4711
  Event Type: Error
  Event Source: ExampleDir
  Description: The replication of the directory failed.

  Event ID: 4712
  Event Type: Error
  Event Source: ExampleNet
  Description: The network request timed out.

CAUSE
=====

The link between the servers drops large packets.

RESOLUTION
==========

Configure the router between the servers to pass large packets.
"""


def test_yes_no_symptom_shows_the_message_after_its_list() -> None:
    """A yes/no symptom question shows the error message the section gives after a list."""
    node = _symptom(draft_tree(archive(_LIST_THEN_MESSAGE)))
    assert node["title"] == "Does this match what you see?"
    assert "Also: The session is locked by another program." in _text(node)


def test_yes_no_symptom_names_the_logged_events() -> None:
    """The events the log shows beside the message are named by id and source."""
    text = _text(_symptom(draft_tree(archive(_MESSAGE_THEN_EVENTS))))
    assert "unavailable. Also: Event ID 4711 (ExampleDir)" in text
    assert "Event ID 4712 (ExampleNet)" in text


def test_steps_under_a_lead_are_not_shown_as_messages() -> None:
    """A lead over numbered steps ("do the following:") adds nothing to the symptom."""
    text = "You may see this problem.\n\nTo see the error, do the following:\n\n  1. Click Start.\n"
    assert left_messages(text) == []


_QUOTE_OPEN = """\
SYMPTOMS
========

Folders appear in the wrong place in the Example Compare window.

This can cause errors on operations done in the Example Compare window such as
Get and Add. The following error messages may appear:

  "$/<Project> is not an existing project"

  "File <filename> is invalid. File may not begin with $.

  "$/<filename> not found"

CAUSE
=====

The compare window mixes up its panes.

RESOLUTION
==========

Apply Example Service Pack 3.
"""


def test_choice_never_opens_a_quote_it_does_not_close() -> None:
    """A message the article leaves unclosed is offered whole, its quote closed."""
    labels = [c["label"] for c in _symptom(draft_tree(archive(_QUOTE_OPEN)))["choices"]]
    assert '"File <filename> is invalid. File may not begin with $."' in labels
    assert not any(label.count('"') % 2 for label in labels)


def test_problem_the_messages_come_from_is_a_choice() -> None:
    """The problem that "can cause errors" is a choice beside the messages it brings."""
    labels = [c["label"] for c in _symptom(draft_tree(archive(_QUOTE_OPEN)))["choices"]]
    assert any("Folders appear in the wrong place" in label for label in labels)


def test_long_quote_loses_its_opening_mark() -> None:
    """A long unclosed quote is cut without its stray opening mark."""
    message = '"' + "Word " * 40
    assert fuller_label(message, '"Word Word Word') == "Word Word Word"


_OR_LINES = """\
## Summary

On an Example cluster, validation may fail with either of the following errors:
Validate Example Network
An error occurred while executing the test.
OR
Validate Example Addresses
An error occurred while executing the test.

## Cause

The image was cloned without being prepared.

## Resolution

Rebuild the base image, and then reinstall the server.
"""


def test_errors_split_by_an_or_line_are_two_choices() -> None:
    """Two errors a bare "OR" line separates are two choices, neither cut short."""
    assert either_events(_OR_LINES.split("## Cause")[0]) == [
        "Validate Example Network An error occurred while executing the test.",
        "Validate Example Addresses An error occurred while executing the test.",
    ]
    node = _symptom(draft_tree(support(_OR_LINES, id_="example-validation")))
    assert node["title"] == "Which of these do you see?"


_PURPOSE = """\
SYMPTOMS
========

The Example guide on the CD appears to be damaged when you open it.

RESOLUTION
==========

To obtain the new guide, Guide.rtf, you need to apply Example Server Service Pack 3
for the Example Connector. To do so, run Setup.exe from the SP3 CD-ROM.
"""


def test_purpose_clause_title_becomes_its_action() -> None:
    """A title that was only "To obtain X, Y" names the action the sentence asks for."""
    titles = [f["title"] for f in fixes(draft_tree(archive(_PURPOSE)))]
    assert any("Apply Example Server Service Pack 3" in t for t in titles)
    assert not any(t.endswith("Guide.rtf") for t in titles)


def test_ask_label_keeps_what_is_asked() -> None:
    """ "Ask the user of X" keeps what the user is asked to do."""
    art = archive(
        "WORKAROUND\n==========\n\nAsk the user of the Example client that is running an "
        "earlier version\nto send an invitation to the Example client that is running the "
        "new version.\n"
    )
    said = said_action("Ask the user of the Example client", plain_text(art), 100)
    assert said == "Ask the user of the Example client to send an invitation"
