"""A hotfix article's MORE INFORMATION procedure "After you apply the hotfix, use the
following steps" is ticked as the fix's later steps, its DWORD said in prose asked in the
article's range (round 18, reader note 56:20)."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, fixes, ticks

from kbassist.drafting.tree import draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999918")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nLogon scripts run very slowly on a Terminal Server computer with\n"
    "Gateway Services for NetWare installed.\n\n"
)
CAUSE = (
    "CAUSE\n=====\n\nThe redirector loops through 10 servers. A registry value is added so\n"
    "that you can set the number of servers it loops through to a value between 2\n"
    "and 10.\n\n"
)
HOTFIX = (
    "RESOLUTION\n==========\n\n"
    "To resolve this problem immediately, contact Microsoft Product Support Services\n"
    "to obtain the fix.\n\n"
    "STATUS\n======\n\nMicrosoft has confirmed this to be a problem in Windows NT 4.0.\n\n"
)
WARNING = (
    "WARNING: If you use Registry Editor incorrectly, you may cause serious problems\n"
    "that may require you to reinstall your operating system.\n\n"
)
PROCEDURE = (
    "1. Start Registry Editor (Regedt32.exe).\n\n"
    "2. Locate the following registry key:\n\n"
    "  HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\nwrdr\\Parameters\n\n"
    "3. On the Edit menu, click Add Value, and then add the following registry\n"
    "  value:\n\n"
    "  Value Name: FindServerLessAttempts\n"
    "  Data Type: REG_DWORD\n"
    "  Value (Decimal): Maximum and default is 10. Use a value less than 10, such as\n"
    "  3.\n\n"
    "4. Quit Registry Editor.\n\n"
    "5. Shut down and restart the computer.\n"
)


def the_fix(tree: dict[str, Any]) -> dict[str, Any]:
    """The outcome that obtains the fix."""
    return next(o for o in fixes(tree) if "obtain the fix" in " ".join(ticks(o)))


def test_post_fix_registry_steps_follow_the_install() -> None:
    """'After you apply the hotfix, use the following steps' under MORE INFORMATION: its
    steps are ticked after the fix is installed, one restart at the end, cited there."""
    article = mskb(
        SYMPTOMS
        + CAUSE
        + HOTFIX
        + "MORE INFORMATION\n================\n\n"
        + WARNING
        + "After you apply the hotfix, use the following steps to modify the registry:\n\n"
        + PROCEDURE
    )
    fix = the_fix(draft_tree(article))
    said = ticks(fix)
    install = next(n for n, t in enumerate(said) if t.startswith("Install the fix"))
    editor = said.index("Start Registry Editor (Regedt32.exe).")
    assert install < editor
    assert said[-2:] == ["Quit Registry Editor.", "Shut down and restart the computer."]
    assert sum("restart" in t.casefold() for t in said) == 1
    assert fix["steps"][editor]["source"]["section"] == "MORE INFORMATION"


def test_post_fix_dword_said_in_prose_is_asked_in_the_articles_range() -> None:
    """A DWORD whose data is prose ("Maximum and default is 10") is asked as a whole
    number from the article's range (CAUSE's "between 2 and 10"), default 10."""
    article = mskb(
        SYMPTOMS
        + CAUSE
        + HOTFIX
        + "MORE INFORMATION\n================\n\n"
        + "After applying this fix, perform the steps below to create a new registry\n"
        + "value.\n\n"
        + WARNING
        + PROCEDURE
    )
    tree = draft_tree(article)
    fix = the_fix(tree)
    step = next(t for t in ticks(fix) if "Add Value" in t)
    assert "FindServerLessAttempts (REG_DWORD), set to {" in step
    asked = next(n for n in tree["nodes"] if n["kind"] == "input")
    assert asked["title"] == "Value for FindServerLessAttempts"
    assert (asked["min"], asked["max"], asked["default"]) == (2, 10, 10)


def test_only_the_procedure_said_to_follow_the_fix_is_ticked() -> None:
    """'After you apply the update, the redirector logs an event' says what the fix does,
    and 'To view the new events after you install the fix' shows it: of the two procedures
    only the one 'After you apply the fix, follow these steps' leads is ticked."""
    article = mskb(
        SYMPTOMS
        + CAUSE
        + HOTFIX
        + "MORE INFORMATION\n================\n\n"
        + "After you apply the update, the redirector logs an event for each server it\n"
        + "tries.\n\n"
        + "To view the new events after you install the fix, follow these steps:\n\n"
        + "1. Start Event Viewer.\n\n"
        + "2. On the Log menu, click System.\n\n"
        + "In addition, after you apply the fix, you need to edit the registry as\n"
        + "described below.\n\n"
        + WARNING
        + PROCEDURE
    )
    said = ticks(the_fix(draft_tree(article)))
    assert not any("Event Viewer" in t for t in said)
    assert "Start Registry Editor (Regedt32.exe)." in said


def test_post_fix_value_rows_are_said_in_the_step() -> None:
    """A post-fix step over "Value Name: / Data Type: REG_SZ / Value: YES" rows says the
    value it adds and its data, not only "use the following entry:"."""
    article = mskb(
        SYMPTOMS
        + HOTFIX
        + "MORE INFORMATION\n================\n\n"
        + "In addition, after you apply the fix, you need to edit the registry as\n"
        + "described below.\n\n"
        + WARNING
        + "1. Start Registry Editor (Regedt32.exe).\n\n"
        + "2. Go to the following key in the registry:\n\n"
        + "     HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\SNAServer\\Parameters\n\n"
        + "3. On the Edit menu, click Add Value and use the following entry:\n\n"
        + '  "Value Name: RenegCNOSAtReconnect\n'
        + "  Data Type: REG_SZ\n"
        + '  Value: YES" (without the quotation marks)\n\n'
        + "4. Exit Registry Editor.\n"
    )
    said = ticks(the_fix(draft_tree(article)))
    assert (
        "On the Edit menu, click Add Value and use the following entry: RenegCNOSAtReconnect"
        " (REG_SZ), set to YES."
    ) in said
