"""Round 35 (symptoms35): "Which of these do you see?" offers symptoms, and only symptoms."""

from __future__ import annotations

import time
from typing import Any

from drafting_support import archive, support

from kbassist.drafting.symptom_only import (
    applies_name,
    either_events,
    fuller_label,
    not_symptom_label,
    scope_note,
    with_record,
)
from kbassist.drafting.tree import draft_tree


def _choices(tree: dict[str, Any]) -> list[str]:
    """The labels of the symptom question's message choices."""
    node = next(n for n in tree["nodes"] if n["id"] == "symptom")
    return [c["label"] for c in node["choices"] if c["value"].startswith("message_")]


_OS_LIST = """\
_Applies to:_ &nbsp; Windows 10, Windows Server 2016

## Symptoms

Event ID 7000 or event ID 7026 is logged in the System log on a computer that's running
one of the following operating systems:

- Windows 10, version 1809
- Windows Server 2016

This problem may occur if a device isn't connected but its driver service is enabled.

## Workaround

Set the Start value of the Example driver service to 4 (Disabled) in the registry.
"""

_NOTES = """\
SYMPTOMS
========

When you open a file with a long name in Example Writer, you receive error
messages similar to the following:

  Cannot find C:\\Docs\\Long.wri
  Cannot find C:\\Docs\\Name.wri

Notes
-----

- This problem does not apply to Example Paint 2.0.

- This problem occurs only with files whose names contain spaces.

CAUSE
=====

Example Setup registers the open command without quotation marks.

RESOLUTION
==========

Reinstall Example Writer from the Example 2.1 disks.
"""

_EVENT_AND_ALSO = """\
SYMPTOMS
========

You may experience one or more of the following symptoms:

- You may be unable to start the Example Mail Connector.

- When you try to add a mailbox, you receive the following error message:

  Mailbox operation cannot continue due to lack of resources.

  Also, no mailboxes are listed.

- The following event may be logged in the event log:

  Source: ExampleMail
  Event: 4087
  Category: Initialization
  Description: The service could not be started because the queue could not be
  registered.

CAUSE
=====

The Example network protocol is not bound to the adapter.

RESOLUTION
==========

Bind the Example network protocol to the adapter, and then restart the computer.
"""


def test_os_list_is_no_symptom_choice() -> None:
    """An applies-to OS list is never offered as what the admin sees; the two events are."""
    labels = _choices(draft_tree(support(_OS_LIST, id_="event-7000-7026")))
    assert not any("Windows" in label for label in labels)
    assert [label[:13] for label in labels] == ["Event ID 7000", "Event ID 7026"]


def test_scope_notes_are_no_symptom_choices() -> None:
    """ "This problem does not apply to ..." and "... occurs only with ..." are not choices."""
    labels = _choices(draft_tree(archive(_NOTES)))
    assert not any(label.startswith("This problem") for label in labels)


def test_also_line_and_event_record_stay_with_their_symptom() -> None:
    """An "Also, ..." line is no choice of its own, and the event choice names its event."""
    labels = _choices(draft_tree(archive(_EVENT_AND_ALSO)))
    assert not any(label.startswith("Also") for label in labels)
    assert not any(label.startswith("The following event") for label in labels)
    assert any(label.startswith("Event 4087: The service could not be started") for label in labels)


def test_product_names_told_from_messages() -> None:
    """Product and version names are applicability; messages that name a product are not."""
    assert applies_name("Windows Server 2012 R2")
    assert applies_name("Microsoft Office 2016 (64-bit)")
    assert not applies_name("Windows cannot find 'D:\\SETUP.EXE'")
    assert not applies_name("Windows 7 fails to start")
    assert not applies_name("Program Not Found")
    assert scope_note("This issue only affects domain controllers.")
    assert not scope_note("This problem occurs when you click Save.")
    assert not_symptom_label("Also, no printers are available")
    assert not not_symptom_label("Printer operation cannot continue")
    assert either_events("Event ID 41 is logged.") == []
    assert with_record("You cannot log on.", "") == "You cannot log on."


def test_symptom_rules_are_linear_on_hostile_text() -> None:
    """The rules answer at once on 20 KB of text built to make a regex backtrack."""
    hostile = (
        "The following event " + "a" * 20_000 + " Event ID 1 or " * 1_000 + "Windows 7 " * 2_000
    )
    start = time.perf_counter()
    for text in (hostile, "Windows " + "7 " * 10_000, "Description: " + "x " * 10_000):
        applies_name(text)
        scope_note(text)
        not_symptom_label(text)
        either_events(text)
        with_record(text, text)
        fuller_label(text, "When you click")
    assert time.perf_counter() - start < 1.0


_TERSE_AND_WHEN = """\
SYMPTOMS
========

You may experience one or more of the following problems:

- Example Setup may fail with the following error message:

  Installation failed. An error occurred while trying to open the Example.inf file.

- When you click the Fonts tab in the Example Properties window, no fonts are listed
  for text-based items.

- When you try to add a printer, nothing happens.

CAUSE
=====

The Example.dll file is damaged.

RESOLUTION
==========

Copy Example.dll from the Example CD-ROM to the System32 folder.
"""

_THEN_CLOSES = """\
SYMPTOMS
========

When you insert an object in Example Manager, you get the following error message:

  Example OLE the number of objects has reached their limit.

Example Manager abruptly closes, and a Dr. Watson in Exmgr.exe may occur.

CAUSE
=====

The Example configuration file has reached its object limit.

RESOLUTION
==========

Delete configuration objects that are no longer used, and then restart Example Manager.
"""


def test_terse_and_when_labels_say_what_goes_wrong() -> None:
    """A two-word first sentence and a bare "When you click X" clause each say the failure."""
    labels = _choices(draft_tree(archive(_TERSE_AND_WHEN)))
    assert (
        "Installation failed. An error occurred while trying to open the Example.inf file" in labels
    )
    assert any(label.endswith("no fonts are listed for text-based items") for label in labels)


def test_failure_after_message_stays_in_symptom() -> None:
    """What goes wrong after the message ("Manager abruptly closes") is part of the symptom."""
    tree = draft_tree(archive(_THEN_CLOSES))
    node = next(n for n in tree["nodes"] if n["id"] == "symptom")
    assert "abruptly closes" in node["text"]
