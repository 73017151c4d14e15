"""Every form of a symptom is offered as a choice (round 32, symmsg33; issue 13).

Seed-86 readers: messages said per compiler version, per computer side, per provider,
and "one or more of the following symptoms:" were merged into one yes/no or dropped; a
"Things to Check:" list was shown as part of the symptom.
"""

from __future__ import annotations

import time
from typing import Any

from drafting_support import archive, runbook, support

from kbassist.drafting.symptom_sides import checks_lead, side_forms, telling_start
from kbassist.drafting.tree import draft_tree


def _symptom(tree: dict[str, Any]) -> dict[str, Any]:
    return next(n for n in tree["nodes"] if n["id"] == "symptom")


def _labels(tree: dict[str, Any]) -> list[str]:
    return [c["label"] for c in _symptom(tree)["choices"]]


FIX = """
RESOLUTION
==========

To remove these warnings, cast the argument to the type the function expects.
"""


def test_warning_per_version_each_offered() -> None:
    """A warning said per tool version ("the following warning is generated:") is a choice each."""
    art = archive(
        """
SYMPTOMS
========

Using the linker version 3.0 for MS-DOS, the following warning is generated:

  L4021: no stack segment

Using the linker version 5.0 and later, the following warning is generated:

  LNK4084: total image size exceeds max
"""
        + FIX
    )
    labels = _labels(draft_tree(art))
    assert any("L4021" in label for label in labels)
    assert any("LNK4084" in label for label in labels)
    assert labels[-1] == "None of these"


def test_one_or_more_symptoms_each_offered() -> None:
    """ "You may experience one or more of the following symptoms:" offers each symptom."""
    art = archive(
        """
SYMPTOMS
========

When you finish Setup, you may experience one or more of the following symptoms:

- Crackling sounds
- No sound at all
- The computer stops responding
"""
        + FIX
    )
    labels = _labels(draft_tree(art))
    assert "Crackling sounds" in labels and "No sound at all" in labels
    assert "The computer stops responding" in labels


def test_host_and_guest_messages_each_offered() -> None:
    """The message each computer side shows is its own choice, the host's too."""
    art = archive(
        """
SYMPTOMS
========

A serial connection may fail when both computers use only the NetBEUI protocol.

On the guest computer, the Connection Status dialog box displays the message
"Checking account," and then "Disconnected."

On the host computer, the Connection Status dialog box displays the message
"Checking account," and then "Waiting for the other computer."
"""
        + FIX
    )
    labels = _labels(draft_tree(art))
    assert any(label.startswith("On the host computer") for label in labels)
    assert any("Waiting for the other computer" in label for label in labels)
    assert any("Disconnected" in label for label in labels)


def test_event_log_and_prompt_messages_each_offered() -> None:
    """The event-log entries and the command-prompt message are two choices, the latter by
    its failure line, not the progress line every run prints."""
    art = archive(
        """
SYMPTOMS
========

After you update the server, the Widget service does not start and the System
event log contains the following entries:

  Event ID 7000 "The Widget service failed to start."

You receive the following error messages if you start the service from a command
prompt:

  The Widget service is starting.
  The Widget service could not be started.
  System error 5 has occurred.
"""
        + FIX
    )
    labels = _labels(draft_tree(art))
    assert any("7000" in label for label in labels)
    assert "The Widget service could not be started" in labels


def test_provider_messages_each_offered() -> None:
    """Per-provider messages in a modern article are each a choice, none dropped."""
    art = support(
        """
## Symptoms

The OLE DB provider shows the "Server does not exist or access denied" error.

Some other providers display this message:

> A network-related error occurred while connecting to the server.

Some other providers might also show "Login timeout expired" as part of the message.

## Cause

The user has no permission to sign in to the server.

## Resolution

Add the user to the Users group on the server.
"""
    )
    labels = _labels(draft_tree(art))
    assert any("Login timeout expired" in label for label in labels)
    assert any("Server does not exist" in label for label in labels)
    assert any("network-related error" in label for label in labels)


def test_things_to_check_not_in_symptom() -> None:
    """A "Things to Check:" list under Symptoms is no part of the symptom shown."""
    art = support(
        """
## Symptoms

You may notice the following symptoms when you connect to the server:

1. Local printers aren't redirected in the session.
2. Other devices are redirected.

Things to Check:

1. On the server, make sure the Printer Mapping option is cleared.
2. On the client, make sure Printers is selected.

## Cause

A registry value might be missing.

## Resolution

Add the missing value to the registry.
"""
    )
    text = _symptom(draft_tree(art))["text"]
    assert "Local printers" in text
    assert "Printer Mapping" not in text and "Things to Check" not in text


def test_message_box_steps_are_no_choices() -> None:
    """A message box that lists "1. Delete ..." lines is one message, its steps no choices."""
    art = archive(
        """
SYMPTOMS
========

When the Widget server starts, you may receive the following error message:

  Widget Server

  The Widget database is missing or damaged. To start with a fresh copy:

  1. Delete all the files in the %SystemRoot%\\Widget folder.

  2. Restart the Widget service.

  Please click OK to end the Widget server.
"""
        + FIX
    )
    labels = _labels(draft_tree(art))
    assert not any(label.startswith(("Delete", "Restart")) for label in labels)


def test_nested_lead_item_is_no_choice() -> None:
    """ "- You receive an error message similar to one of the following:" is a lead, not a form."""
    art = archive(
        """
SYMPTOMS
========

When you start the game, you may experience one of the following symptoms:

- You receive an error message similar to one of the following:

  - Game caused an invalid page fault in module Find.dll.

  - Game caused an invalid page fault in module Draw.dll.

- The program quits unexpectedly.
"""
        + FIX
    )
    labels = _labels(draft_tree(art))
    assert not any(label.endswith("following") for label in labels)
    assert any("Draw.dll" in label for label in labels)
    assert "The program quits unexpectedly" in labels


def test_alert_conditions_are_no_forms() -> None:
    """A runbook's "This alert fires as a warning when:" conditions are not offered as forms."""
    art = runbook(
        """
## Meaning

Alerts the user when the operator fails to drain a node.

This alert fires as a warning when:

- The operator is unable to drain the node for an hour
- The failure occurs one or more times in a node

## Mitigation

Drain the node by hand.
"""
    )
    assert _symptom(draft_tree(art))["title"] != "Which of these do you see?"


def test_side_check_names_the_message() -> None:
    """The check for a side's choice names the message, not the side's label."""
    art = support(
        """
## Symptoms

The OLE DB provider shows the "Server does not exist or access denied" error.

Some other providers might also show "Login timeout expired" as part of the message.

## Cause

The user has no permission to sign in to the server.

## Resolution

Add the user to the Users group on the server.
"""
    )
    outcome = next(n for n in draft_tree(art)["nodes"] if n["kind"] == "outcome")
    said = " ".join(v["text"] for v in outcome.get("verify", []))
    assert "provider:" not in said


def test_expected_entries_are_no_forms() -> None:
    """ "You expect to see the following entries:" is what is right, never a choice."""
    art = archive(
        """
SYMPTOMS
========

When you add a static mapping, only one entry appears.

For example, for the computer EAGLE you expect to see the following entries:

  EAGLE(00h)      10.0.0.5
  EAGLE(20h)      10.0.0.5

However, you may see the following instead:

  EAGLE      10.0.0.5
"""
        + FIX
    )
    assert not any("(00h)" in label for label in _labels(draft_tree(art)))


def test_messages_before_a_list_stay_choices() -> None:
    """Each system's message and the log's "one of the following entries" are all choices."""
    art = archive(
        """
SYMPTOMS
========

A client may fail to obtain an address from the server.

On the Windows 95 client, you will get the following error:

  IP CONFIGURATION: ERROR: Server Unavailable.

The client event log will have one of the following entries:

  Event ID: 1007
  Source: DHCP
  Description: The lease failed for the card.

-or-

  Event ID: 1003
  Source: DHCP
  Description: The lease failed for the adapter.
"""
        + FIX
    )
    labels = _labels(draft_tree(art))
    assert any("Server Unavailable" in label for label in labels)
    assert any("1007" in label for label in labels) and any("1003" in label for label in labels)


def test_helpers_read_kinds() -> None:
    """The lead, side and console-block readers tell their kinds apart."""
    assert checks_lead("Things to Check:") and not checks_lead("Things go wrong:")
    assert telling_start("X is starting. X could not be started. Error 5.").startswith("X could")
    assert side_forms('In addition, you see "A".\n\nIn addition, you see "B".') == []


def test_side_regexes_linear_on_hostile_text() -> None:
    """The side and checks readers stay fast on 20 KB of hostile text."""
    hostile = "On " + "a " * 10_000 + '"' * 50 + "\n\n" + "things to check " * 1_200
    started = time.perf_counter()
    side_forms(hostile)
    checks_lead(hostile)
    telling_start(hostile)
    assert time.perf_counter() - started < 1.0
