"""Every form of the symptom offered, and a symptom line that says the failure (round 33,
symptom34; seed-90 readers).

A form said beside the messages ("the report may be truncated or you may receive ..."),
a form that shows no message ("... fail without any message"), messages that differ only
in the address they fault at (one form), a menu's list before the failure, and a runbook
lead into a sample cut at its comma.
"""

from __future__ import annotations

import time
from typing import Any

from drafting_support import archive, runbook

from kbassist.drafting.symptom_others import (
    _OR_LEAD_RE,
    _SAMPLE_SAID_RE,
    _SCENE_LEAD_RE,
    _SILENT_RE,
    _WHERE_RE,
    where_alike,
)
from kbassist.drafting.tree import draft_tree

FIX = """
RESOLUTION
==========

Shorten the names of the symbols the report lists, then run the report tool again.
"""


def _symptom(tree: dict[str, Any]) -> dict[str, Any]:
    return next(n for n in tree["nodes"] if n["id"] == "symptom")


def _labels(tree: dict[str, Any]) -> list[str]:
    return [c["label"] for c in _symptom(tree).get("choices", [])]


def test_form_beside_messages_offered_and_alike_messages_once() -> None:
    """ "X may be truncated or you may receive ... such as the following." offers X, and
    two access violations differing only in addresses are one choice."""
    art = archive(
        """
SYMPTOMS
========

When you run the report tool with the /T switch, the report may be truncated or you
may receive an access violation such as the following.

  The instruction at "0x00412abc" referenced memory at "0x1f2e3d4c". The memory
  could not be "read".

  The instruction at "0x00409f10" referenced memory at "0x7a6b5c4d". The memory
  could not be "read".
"""
        + FIX
    )
    labels = _labels(draft_tree(art))
    assert "The report may be truncated" in labels
    assert sum("referenced memory" in label for label in labels) == 1
    assert labels[-1] == "None of these"


def test_error_codes_are_no_addresses() -> None:
    """Two messages with different error codes stay two forms."""
    messages = ["Setup failed with error 0x80070005.", "Setup failed with error 0x80004005."]
    assert where_alike(messages) == messages
    alike = ["Fault at address 0x0040ab12 in Tool.exe", "Fault at address 0x7700cd34 in Tool.exe"]
    assert where_alike(alike) == alike[:1]


def test_silent_form_is_a_choice_not_none_of_these() -> None:
    """ "The other two commands fail without any message" is offered beside the messages."""
    art = archive(
        """
SYMPTOMS
========

The first two commands on the Tools menu fail and display one of the following
messages:

  The project file for ... is read-only.

  The class header for ... cannot be found.

The other two commands listed above fail without any message. They may not be shown
on the menu at all.
"""
        + FIX
    )
    labels = _labels(draft_tree(art))
    assert "The other two commands fail without any message" in labels
    assert labels[-1] == "None of these"


def test_no_message_sentence_names_what_happens() -> None:
    """ "The tool simply closes. No error message appears." offers what happens, said silent."""
    art = archive(
        """
SYMPTOMS
========

Importing a spreadsheet makes the tool close or show an error. Under Windows 98, the
following error message appears:

  The file format is invalid.

Under Windows NT 4.0 with Service Pack 6 and the latest updates, the tool simply closes
after the import starts. No error message appears.

Under Windows 2000, the following error message appears:

  Exception code=C0000005
"""
        + FIX
    )
    labels = _labels(draft_tree(art))
    assert "The tool simply closes after the import starts, with no error message" in labels


def test_subjectless_clause_is_no_form() -> None:
    """A subjectless "may not be shown or you may receive" clause is offered as no form."""
    art = archive(
        """
SYMPTOMS
========

When you print a document, page borders may not print, may not be shown or you may
receive the following error message:

  One or more margins are set outside the printable area of the page.
"""
        + FIX
    )
    labels = _labels(draft_tree(art))
    assert not any(label.casefold().startswith("may ") for label in labels)


def test_symptom_line_keeps_the_failure_after_a_menu_list() -> None:
    """A lead listing a menu's commands is followed, in the symptom line, by the failure."""
    art = archive(
        """
SYMPTOMS
========

The class browser offers the following three commands on the shortcut menu:

- Add Method

- Add Field

- Add Event Handler

These commands fail if the project's files are read-only.
"""
        + FIX
    )
    symptom = draft_tree(art)["symptom"]
    assert "These commands fail if the project's files are read-only." in symptom
    assert "Add Event Handler. These" in symptom


def test_sample_lead_cut_at_comma_is_no_fragment() -> None:
    """A runbook's "A sample alert message is provided below," is shown ending as a lead."""
    art = runbook(
        """
## Meaning

Usage of the volume has crossed 85%.

## Diagnosis

A sample alert message is provided below,

    Usage of volume <volume-name> has crossed 85% on host <host-name>.

## Mitigation

### Delete data

Delete data that is no longer needed from the volume.
"""
    )
    tree = draft_tree(art)
    shown = " ".join(
        str(n.get("text", "")) + " ".join(str(s.get("text", "")) for s in n.get("steps", []))
        for n in tree["nodes"]
    )
    assert "provided below," not in shown
    assert "A sample alert message is provided below:" in shown


def test_new_patterns_linear_on_hostile_text() -> None:
    """The symptom34 patterns finish quickly on 20 KB of hostile text."""
    hostile = [
        "or you may receive " * 1100,
        "a" * 20_000,
        ", x is " * 3000,
        "at 0x" + "0" * 20_000,
        "without any " * 1800,
        "offers the following options " * 700,
        "sample " * 3000,
    ]
    start = time.perf_counter()
    for text in hostile:
        for pattern in (_OR_LEAD_RE, _SILENT_RE, _WHERE_RE, _SCENE_LEAD_RE, _SAMPLE_SAID_RE):
            pattern.search(text)
    assert time.perf_counter() - start < 2.0


def test_hang_or_one_message_is_two_choices() -> None:
    """ "The tool may stop responding, or you may receive the following error message:"
    over a two-line box offers the hang and the box (one choice, both lines)."""
    art = archive(
        """
SYMPTOMS
========

When you scan a document with the imaging tool, the tool may stop responding (hang),
or you may receive the following error message:

  Imaging Tool
  The scanner driver could not be loaded.
"""
        + FIX
    )
    labels = _labels(draft_tree(art))
    assert "The tool may stop responding (hang)" in labels
    assert len(labels) == 3 and labels[-1] == "None of these"


def test_requirement_before_or_is_no_form() -> None:
    """ "The name must be longer than two characters, or you will receive" offers no rule."""
    art = archive(
        """
SYMPTOMS
========

When you register the program, the city name must be longer than two characters, or
you will receive the following error message:

  The city is not filled out properly.
"""
        + FIX
    )
    labels = _labels(draft_tree(art))
    assert not any("must be" in label for label in labels)


def test_silent_clause_before_but_names_what_happens() -> None:
    """ "..., no error message appears, but the list stays empty" offers the empty list."""
    art = archive(
        """
SYMPTOMS
========

When you open a file on a network share, one of the following error messages appears:

  Not a valid filename.

  Not a valid directory.

When you attach a data source to the report, no error message appears, but the data
source does not appear in the Sources dialog box.
"""
        + FIX
    )
    labels = _labels(draft_tree(art))
    assert (
        "The data source does not appear in the Sources dialog box, with no error message" in labels
    )
