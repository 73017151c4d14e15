"""Round 30 (verify30): a verify that fits the outcome and the symptom the admin has."""

from __future__ import annotations

import time
from typing import Any

from drafting_support import archive, fixes, support

from kbassist.drafting.case_messages import _CASE_LEAD_RE, _ONE_CASE_RE
from kbassist.drafting.each_time import _WISH_RE, EACH_TIME_RE
from kbassist.drafting.event_alternatives import _EVENT_ID_RE
from kbassist.drafting.goal_verify import LIMIT_RE
from kbassist.drafting.steps import INFO_CHECK, INFO_STEP
from kbassist.drafting.tree import draft_tree
from kbassist.drafting.verify_form import _LACKED_RE
from kbassist.drafting.verify_said import _DEFINES_RE


def _verifies(tree: dict[str, Any]) -> list[str]:
    """Every fix outcome's verify lines, one string each."""
    return [" ".join(v["text"].split()) for o in fixes(tree) for v in o["verify"]]


EACH_TIME = """SYMPTOMS
========

You open the Contacts list in Contoso Mail and sort the list by company by clicking
the Company column heading. You close Contoso Mail and open it again. The Contacts
list is once again sorted by display name.

CAUSE
=====

This is a known issue.

RESOLUTION
==========

By default, Contoso Mail sorts the Contacts list by display name. If you want to
view the contacts sorted by another column, click the heading of that column. You
must repeat this procedure each time you open Contoso Mail.
"""


def test_each_time_workaround_checks_its_own_effect() -> None:
    """A workaround to repeat each time is checked by its effect, not 'no longer occurs'."""
    said = _verifies(draft_tree(archive(EACH_TIME)))
    assert said and not any("no longer occurs" in v for v in said)
    assert any("view the contacts sorted by another column" in v for v in said)


FAIL_TO_ADVERB = """SYMPTOMS
========

Contoso Compress may fail to automatically mount compressed disks in external
drives.

CAUSE
=====

This problem occurs when the EXTDRIVE.SYS driver is loaded after the COMPRESS.SYS
driver in the CONFIG.SYS file.

RESOLUTION
==========

Load EXTDRIVE.SYS before COMPRESS.SYS in the CONFIG.SYS file.
"""


def test_fail_to_adverb_verb_conjugated() -> None:
    """'may fail to automatically mount' is checked as 'automatically mounts'."""
    said = " ".join(_verifies(draft_tree(archive(FAIL_TO_ADVERB))))
    assert "automatically mounts" in said
    assert "automaticallies" not in said


LACKS = """SYMPTOMS
========

When you send mail from the Contoso Terminal client, the sender address is built
from the logon name and the mail domain. Contoso Terminal does not offer a separate
entry for the sender address.

WORKAROUND
==========

To change the sender address, Contoso Terminal must be rebuilt with the option
/d ALLOW_FROM.
"""


def test_lacking_feature_never_turned_into_its_opposite() -> None:
    """'X does not offer a separate entry' never becomes 'Check that X offers ...'."""
    said = " ".join(_verifies(draft_tree(archive(LACKS))))
    assert said
    assert "Check that Contoso Terminal offers" not in said


EITHER = """SYMPTOMS
========

After you install the Contoso Lockdown Kit on a terminal server that already has
programs set up, various error messages may appear when a user tries to log on.

CAUSE
=====

This behavior can occur if the lockdown script removes permissions that programs
need.

RESOLUTION
==========

To resolve this behavior, either give all users Full Control permissions on the
system drive, or restore the default terminal server permissions.
"""


def test_either_or_fix_is_ticked_not_told() -> None:
    """'Either give X, or restore Y' is a step to tick, not information to tell."""
    tree = draft_tree(archive(EITHER))
    steps = [s["text"] for o in fixes(tree) for s in o["steps"]]
    assert steps and not any(s.startswith(INFO_STEP) for s in steps)
    assert INFO_CHECK not in _verifies(tree)


DEFINED = """SYMPTOMS
========

Bold text is not printed with the Gothic typeface if you are using the Contoso 40x9
series of drivers to print to a Contoso 40x9 series printer. Contoso 40x9 series
printers include the Contoso 4019 and 4029 printers.

WORKAROUND
==========

Change the document font to the Arial typeface that uses TrueType.
"""


def test_verify_quote_leaves_out_definitions() -> None:
    """The symptom quoted in a verify stops before a sentence that only defines a term."""
    said = " ".join(_verifies(draft_tree(archive(DEFINED))))
    assert "Bold text" in said or "bold text" in said
    assert "printers include" not in said


PER_SYSTEM = """SYMPTOMS
========

When you run the Weight Calculator in Contoso Encyclopedia, you may receive one of
the following error messages, depending on your version of Windows.

In Microsoft Windows NT 4.0, you may receive the following error message:

  Property not found
  #calcMgr

In Microsoft Windows 98 or Microsoft Windows 95, you may receive the following
error message

  General Protection Fault in Module Calc.exe.

CAUSE
=====

This behavior can occur if you select the German regional setting.

RESOLUTION
==========

Change the regional setting in Control Panel to English (United States).
"""


def test_per_system_messages_all_verified() -> None:
    """A symptom with one message per system verifies every system's message."""
    said = " ".join(_verifies(draft_tree(archive(PER_SYSTEM))))
    assert "Property not found" in said
    assert "General Protection Fault in Module Calc.exe" in said


EVENTS = """## Symptoms

- The Contoso Federation service does not start.

- The Contoso Federation service starts, but the following errors are logged in the
  Admin log after a restart:
  - Event ID: 220
    The configuration could not be loaded from the configuration database.
  - Event ID: 352
    A SQL operation in the configuration database failed.

## Resolution

### Check the service timeout

1. Open Registry Editor.
2. Set the ServicesPipeTimeout value to 60000.

### Check the configuration database

1. Open services.msc, and start the SQL Server service.
"""


def test_every_event_of_the_symptom_verified() -> None:
    """A symptom naming several events verifies all of them, and that the service starts."""
    said = _verifies(draft_tree(support(EVENTS)))
    events = [line for line in said if "220" in line]
    assert events, said
    for line in events:  # never event 220 alone (a fix's own check may stand instead)
        assert "352" in line and "service starts" in line


HOWTO = """SUMMARY
=======

The Contoso Backup utility can save a group of folders to one archive file.

MORE INFORMATION
================

To save several folders to one archive file, follow these steps:

1. Start Contoso Backup.
2. Select the folders.
3. Click Save As Archive.
"""


def test_information_article_never_promises_the_problem_gone() -> None:
    """A how-to or information article is never verified with 'the problem no longer occurs'."""
    said = _verifies(draft_tree(archive(HOWTO)))
    assert said and not any("problem no longer occurs" in v for v in said)


def test_new_patterns_linear_on_hostile_text() -> None:
    """Every pattern added this round reads a hostile 20 KB string in well under a second."""
    hostile = [
        "a " * 10000,
        "In " + "x" * 20000,
        "Event ID " * 2200,
        "must repeat these steps " * 800,
        "If you want to " + "a" * 20000,
        "Contoso " * 2500 + "includes",
        'In Windows, check that the message "' + "m" * 20000,
        "does not offer a " * 1100,
    ]
    patterns = [
        _CASE_LEAD_RE,
        _ONE_CASE_RE,
        EACH_TIME_RE,
        _WISH_RE,
        _EVENT_ID_RE,
        LIMIT_RE,
        _LACKED_RE,
        _DEFINES_RE,
    ]
    for text in hostile:
        for pattern in patterns:
            started = time.perf_counter()
            pattern.search(text)
            assert time.perf_counter() - started < 1.0, pattern.pattern[:60]
