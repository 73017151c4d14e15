"""Round 38 (together38): lists whose items the article joins (settings all to be made,
the messages of one event, a dialog's details) are never offered as "one of these"."""

from __future__ import annotations

from drafting_support import archive, fixes, support

from kbassist.drafting.together import settings_lead
from kbassist.drafting.tree import draft_tree

_SETTINGS = """\
SYMPTOMS
========

The sound chip does not work when you use a PC Card modem.

RESOLUTION
==========

Turn on the computer, go into the system BIOS routine and make sure the
following options have these settings:

- Infrared Port: set to REAR

- Serial Ports: set to ENABLED

- Infrared/Serial Ports: set to RECONFIGUREABLE

Save these settings and exit the BIOS utility.
"""

_CHOICE = """\
SYMPTOMS
========

The sound chip does not work when you use a PC Card modem.

RESOLUTION
==========

To work around this problem, use one of the following options:

- Remove the PC Card modem before you play sounds.

- Install a different sound driver from the vendor.
"""


def _symptom(tree: dict) -> dict:
    return next(n for n in tree["nodes"] if n["id"] == "symptom")


def test_settings_to_make_are_one_fix() -> None:
    """Three BIOS settings under "make sure the following options have these settings:"
    are one fix with the save step after them, not three alternative fixes."""
    tree = draft_tree(archive(_SETTINGS))
    outs = fixes(tree)
    assert len(outs) == 1
    shown = str(outs[0])
    for setting in ("REAR", "ENABLED", "RECONFIGUREABLE", "Save these settings"):
        assert setting in shown


def test_options_to_choose_from_stay_a_choice() -> None:
    """ "use one of the following options:" still offers each option as its own fix."""
    tree = draft_tree(archive(_CHOICE))
    assert len(fixes(tree)) == 2


def test_settings_lead_words() -> None:
    """A setting verb over "the following options" leads settings; a word of choice
    ("one of", "any of") or an offer ("You have the following options") does not."""
    assert settings_lead("Click Open and set the following options:")
    assert settings_lead("Make sure that the following options are selected:")
    assert not settings_lead("Select one of the following options:")
    assert not settings_lead("You have the following options:")
    assert not settings_lead("To resolve this problem, try the following options:")


_MESSAGES = """\
## Symptoms

When you paste a password into the elevation prompt, you receive the following error
messages:

> This program does not have a program associated with it for performing this action.

> File system error (-1073741189).

## Resolution

Install the latest cumulative update.
"""

_ONE_OF = _MESSAGES.replace(
    "the following error\nmessages:", "one of the following error\nmessages:"
)


def test_messages_of_one_event_are_one_symptom() -> None:
    """ "you receive the following error messages:" over two messages asks yes/no and
    shows both, not "It comes in several forms"."""
    node = _symptom(draft_tree(support(_MESSAGES)))
    assert [c["value"] for c in node["choices"]] == ["yes", "no"]
    assert "File system error" in node["text"]
    assert "This program does not have" in node["text"]


def test_one_of_the_messages_stays_a_choice() -> None:
    """ "one of the following error messages:" still asks which message is seen."""
    node = _symptom(draft_tree(support(_ONE_OF)))
    assert "message_2" in [c["value"] for c in node["choices"]]


_DETAILS = """\
SYMPTOMS
========

When you start the game, you receive an error message similar to the following:

  Game has encountered a problem and needs to close.

When you click click here, you receive error message details similar to the
following:

  Error Signature
  AppName: game.exe AppVer: 0.2.3.801 ModName: d3dim700.dll

RESOLUTION
==========

Install the latest video adapter driver.
"""

_OR = """\
SYMPTOMS
========

When you save a file, you may receive the following error messages:

  The file name is too long.

  -or-

  PowerPoint cannot locate one of its components.

RESOLUTION
==========

Reinstall the viewer.
"""


def test_dialog_details_are_no_second_form() -> None:
    """A crash dialog's details ("you receive error message details ...") are shown with
    its message, not offered as another symptom to pick."""
    node = _symptom(draft_tree(archive(_DETAILS)))
    assert [c["value"] for c in node["choices"]] == ["yes", "no"]
    assert "d3dim700.dll" in node["text"]


def test_messages_split_by_or_stay_a_choice() -> None:
    """Plural "the following error messages:" with "-or-" between them still asks which."""
    node = _symptom(draft_tree(archive(_OR)))
    assert "message_2" in [c["value"] for c in node["choices"]]
