"""Round 33 (notes34): an outcome's title names its fix, not a note ("There is no way to
..."), nor a step's cut purpose; a lead-in is no tick; a note's "Disabling X solved this
problem" is a step; a sentence announcing the steps is not ticked before them."""

from __future__ import annotations

import time

from drafting_support import archive, details, fixes, support, ticks

from kbassist.drafting.note_titles import _GOAL_LEAD_RE, _NOTE_RE, _SCENE_RE, bare_lead
from kbassist.drafting.said_as import _GERUND_FIXED_RE, fixed_by_gerund
from kbassist.drafting.tree import draft_tree

NO_WAY = """
SYMPTOMS
========

When the user right-clicks in a ListBox control on Windows 2000, the control sends a
WM_CONTEXTMENU message to its parent window. On Windows NT 4.0 it does not.

RESOLUTION
==========

There is no way to prevent the WM_CONTEXTMENU message from being sent. Make sure that your
application handles the WM_CONTEXTMENU message without problems.
"""

PURPOSE = """
SYMPTOMS
========

A screen reader announces the Inbox link as "Inbox #unread: select to go to Inbox".

RESOLUTION
==========

To see the number of unread messages in the Inbox, or the number of drafts in the Drafts
folder, open each folder by pressing ENTER on its link.
"""

SUMMARY = """
SYMPTOMS
========

When you start Mail, you receive the message "FORMLIB.DLL is not a valid image".

RESOLUTION
==========

1. Modify the Windows NT Registry.

   WARNING: Using Registry Editor incorrectly can cause serious problems.

2. Start REGEDT32.EXE and locate the following Registry subkey:

   HKEY_CURRENT_USER\\Software\\Contoso\\Mail

3. Remove the Forms Cache subkey.

4. Restart Mail.
"""

GERUND = """
SYMPTOMS
========

The Messenger service on the server stops with an access violation when clients connect.

RESOLUTION
==========

Determine the cause of the packet corruption from the client. This has been traced to
network hardware. In one instance, disabling the offload engine on the client network
card solved this problem.
"""

LEAD_BODY = """## Symptoms

The computer stops with a STOP 0xC0000135 error when it starts.

## Resolution

Start the computer by using the safe boot configuration.

To start the computer by using the safe boot configuration:

1. Click **Start** > **Shut Down**.
2. Click **Restart**, and then press F8 when the computer restarts.
3. Use the arrow keys to select **Safe Mode**, and then press Enter.
"""


def _fix(tree: dict) -> dict:
    return fixes(tree)[0]


def test_no_way_note_is_not_the_title() -> None:
    """A "There is no way to prevent X" note no longer titles the outcome: its action does."""
    outcome = _fix(draft_tree(archive(NO_WAY)))
    assert "There is no way" not in outcome["title"]
    assert "Make sure that your application handles" in outcome["title"]


def test_cut_purpose_is_not_the_title() -> None:
    """The title is the step's action, not its purpose clause cut before the action."""
    outcome = _fix(draft_tree(archive(PURPOSE)))
    assert not outcome["title"].split(": ", 1)[-1].startswith("To see")
    assert "open each folder" in outcome["title"].casefold()


def test_summary_tick_dropped_warning_kept() -> None:
    """ "Modify the Windows NT Registry." is not ticked; its warning stays on the next step."""
    outcome = _fix(draft_tree(archive(SUMMARY)))
    assert "Modify the Windows NT Registry." not in ticks(outcome)
    assert ticks(outcome)[0].startswith("Start REGEDT32.EXE")
    assert "WARNING: Using Registry Editor" in details(outcome)


def test_bare_lead_in_not_outcome_text() -> None:
    """ "To work around this problem, perform the following steps:" says nothing as text."""
    assert bare_lead("To work around this problem, perform the following steps:")
    assert bare_lead("Follow these steps:")
    assert not bare_lead("To clear the icon cache, follow these steps:")


def test_gerund_note_becomes_a_step() -> None:
    """The note's "disabling X ... solved this problem" is also a tick "Disable X."."""
    outcome = _fix(draft_tree(archive(GERUND)))
    assert "Disable the offload engine on the client network card." in ticks(outcome)
    assert fixed_by_gerund("Removing PC-cillin resolves the problem.") == "Remove PC-cillin."
    assert fixed_by_gerund("The cause is the network card.") == ""


def test_restated_goal_is_not_a_tick() -> None:
    """ "Start the computer by using X." is not ticked before "To start ... by using X:"."""
    outcome = _fix(draft_tree(support(LEAD_BODY)))
    assert "Start the computer by using the safe boot configuration." not in ticks(outcome)
    assert ticks(outcome)[0].startswith("Click Start")


def test_regexes_linear_on_hostile_text() -> None:
    """The new patterns read a hostile 20 KB line quickly."""
    hostile = "Disabling " + "a " * 10_000 + "x"
    start = time.perf_counter()
    for pattern in (_GERUND_FIXED_RE, _NOTE_RE, _SCENE_RE, _GOAL_LEAD_RE):
        pattern.match(hostile)
        pattern.match("If " + "a," * 10_000)
        pattern.match("To " + "a " * 10_000 + ":")
    bare_lead("To work around " + "the " * 5_000)
    assert time.perf_counter() - start < 1.0


KEPT = """
SYMPTOMS
========

You cannot log on to the mail server after you change your password to one that contains
the section sign.

RESOLUTION
==========

1. Change the password.

2. Do not use the section sign in your password.
"""

FILE_NAMED = """
SYMPTOMS
========

When you run a large program, you receive the error "Too many memory variables."

RESOLUTION
==========

1. Modify the SETUP.CFG file to specify a larger value for MEMVARS.

2. Set MEMVARS to 4096.
"""


def test_real_first_step_kept_before_a_do_not() -> None:
    """ "Change the password." stays a tick when the next step only says what to avoid."""
    outcome = _fix(draft_tree(archive(KEPT)))
    assert "Change the password." in ticks(outcome)


def test_summary_naming_the_file_kept() -> None:
    """A first step that names the file the next step edits is kept: the file is the where."""
    outcome = _fix(draft_tree(archive(FILE_NAMED)))
    assert any("SETUP.CFG" in t for t in ticks(outcome))
