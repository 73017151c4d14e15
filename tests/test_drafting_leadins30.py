"""Round 30 (leadins30): outcome, example and lead-in sentences are not ticked; a
conditional action in a note is."""

from __future__ import annotations

import time

from drafting_support import archive, details, fixes, support, ticks

from kbassist.drafting.tick_kinds import (
    example_tick,
    follows_lead,
    more_help_tick,
    outcome_tick,
    prompted_action,
    restated_reason,
)
from kbassist.drafting.tree import draft_tree

GAME = """
SYMPTOMS
========

When you start Space Explorer Setup, you receive the following error message:

   The sound device is in use by another application.

CAUSE
=====

Another program is using the sound device.

RESOLUTION
==========

To close the programs that use the sound device, follow these steps:

1. Press and hold down the ALT key while you press TAB to cycle through programs.
2. Select and close any programs that may be using the sound device.

After following these steps, Space Explorer should set up and run successfully.
"""

DISPLAY = """
SYMPTOMS
========

When you click a command on a Space Explorer menu, nothing happens.

CAUSE
=====

This issue can occur if the Overlay check box is selected in the Display tool.

RESOLUTION
==========

To resolve this issue, clear the Overlay check box by following these steps:

1. Click Start, point to Settings, and then click Control Panel.
2. Double-click Display.
3. Click the Overlay check box to clear it.
4. Click OK. If you are prompted to restart the computer, click Yes.
"""

INI = """
SYMPTOMS
========

Setup appears to damage your WIN.INI file.

RESOLUTION
==========

To correct the file, use the following steps:

1. Copy the backup .INI file over the damaged one. For example,
  type "copy c:\\windows\\win.bak c:\\windows\\win.ini" at the command
  prompt and then press ENTER.

2. Edit the .INI files with a hexadecimal editor and remove the damaged data.

   Setup ignores damaged text, but not damaged formatting characters. For this reason,
   look at the files with a hexadecimal editor.

3. Run SETUP /E to install the optional programs.
"""

NFS = """
## Symptoms

The server stops with error code 7E in the file service driver.

## Resolution

To fix this problem, the July update for the file service driver includes a new Filesvr.sys.
Make sure that this update is installed.

### Enable the fix

On computers that run the newer version, the fix is enabled automatically.

In the older version, make this change by using the command line, as follows.

1. Open an administrative Command Prompt window.
2. Run `reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\FileSvc /v Fix /t REG_DWORD /d 1 /f`.
3. Restart the computer.
"""


def test_an_outcome_sentence_is_the_verify_not_a_tick() -> None:
    """'After following these steps, X should run' is checked, not ticked."""
    (fix,) = fixes(draft_tree(archive(GAME, title="Sound Device in Use")))
    assert not any("should set up" in t for t in ticks(fix))
    first = fix["verify"][0]["text"]
    assert first.endswith("Space Explorer should set up and run successfully.")


def test_a_prompt_in_a_note_is_its_own_tick() -> None:
    """'If you are prompted to restart, click Yes' is ticked after 'Click OK'."""
    (fix,) = fixes(draft_tree(archive(DISPLAY, title="Nothing Happens on a Menu")))
    said = ticks(fix)
    assert said[-1] == "If you are prompted to restart the computer, click Yes."
    assert said[-2] == "Click OK."


def test_an_example_is_the_note_of_its_step() -> None:
    """'For example, type copy ...' is shown under the step it exemplifies."""
    (fix,) = fixes(draft_tree(archive(INI, title="Setup Damages WIN.INI")))
    assert not any(t.startswith("For example") for t in ticks(fix))
    assert "For example, type" in details(fix)


def test_a_reason_restating_its_step_is_not_ticked() -> None:
    """'For this reason, look at the files with a hexadecimal editor' is no second tick."""
    (fix,) = fixes(draft_tree(archive(INI, title="Setup Damages WIN.INI")))
    assert not any(t.startswith("For this reason") for t in ticks(fix))
    assert any(t.startswith("Run SETUP /E") for t in ticks(fix))


def test_an_as_follows_lead_is_shown_under_the_first_step() -> None:
    """'..., as follows.' is not ticked; its words are shown with the steps."""
    (fix,) = fixes(draft_tree(support(NFS)))
    assert not any("as follows" in t for t in ticks(fix))
    assert any(t.startswith("Open an administrative Command Prompt") for t in ticks(fix))


def test_kinds_leave_actions_alone() -> None:
    """Actions that look like the kinds stay ticked."""
    assert not outcome_tick("After following these steps, restart the computer.")
    assert not outcome_tick("After you do this, you should restart the computer.")
    assert outcome_tick("Once you complete the procedure, the printer will print again.")
    assert not example_tick("Type the following example command.")
    assert not more_help_tick("For more information, contact your vendor.")
    assert not follows_lead("Set the value as shown below.")
    assert prompted_action("If you are asked to overwrite, click No.\nNOTE: X") == (
        "If you are asked to overwrite, click No."
    )
    assert prompted_action("If the file exists, click No.") == ""
    assert not restated_reason("Therefore, restart the server.", "Edit the file in Notepad.")


def test_kind_patterns_are_linear_on_hostile_text() -> None:
    """20 KB of commas, 'after following these' and 'should' is read at once."""
    hostile = "After following these " + "x, after following the " * 900 + " should" * 400
    start = time.perf_counter()
    for probe in (outcome_tick, example_tick, more_help_tick, follows_lead, prompted_action):
        probe(hostile)
        probe(hostile[:390])
    prompted_action("If you are prompted " + "a, " * 7000)
    restated_reason("For this reason, " + "look " * 4000, hostile)
    assert time.perf_counter() - start < 1.0


SWITCHES = """
SYMPTOMS
========

The serial adapter reports an interrupt conflict on COM2.

WORKAROUND
==========

Change the dip switches on the adapter so that it uses COM3 instead of COM2.

The default dip switch settings on the adapter are:

S1: 1-8: 01111001 S2: 1-4: 1111

Change the dip switches to:

S1: 1-8: 10011001 S2: 1-4: 0111

This instructs the adapter to use COM3.
"""


def test_a_colon_lead_keeps_its_rows_under_it() -> None:
    """'Change the dip switches to:' is one tick with its switch rows shown under it."""
    steps = [
        s
        for fix in fixes(draft_tree(archive(SWITCHES, title="COM2 Conflict")))
        for s in fix["steps"]
    ]
    lead = next(s for s in steps if s["text"].startswith("Change the dip switches to:"))
    after = steps[steps.index(lead) + 1 :]
    assert not any("10011001" in s["text"] for s in after)
    assert "10011001" in lead.get("detail", "")


def test_an_intro_make_sure_is_the_first_tick() -> None:
    """'Make sure that this update is installed.' in a fix's intro is ticked first."""
    (fix,) = fixes(draft_tree(support(NFS)))
    assert ticks(fix)[0] == "Make sure that this update is installed."
    assert "Make sure" not in str(fix.get("text", ""))
