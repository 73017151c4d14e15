"""Round 22 (msmethods22): MS support methods pointed to by "use one of the following
methods mentioned below" are the walk's options, each with its own steps, and an article
that gives no fix says so instead of "Read ... and follow it" (seed-62 readers, 62:40 and
62:39)."""

from __future__ import annotations

from drafting_support import fixes, questions, support, ticks

from kbassist.drafting.tree import draft_tree

#: A lead that points to methods given as the parts after it, headings no role knows.
POINTED = """\
Standard users can't turn on the **Sync clock with server** setting. The setting is
greyed out in the **Settings** app. This is by design: the setting applies to every user
on the computer.

Administrators should turn on **Sync clock with server** before the computer is handed
out. If the computer is already in use, you can use one of the following methods
mentioned below to turn on the setting.

## Use Registry Editor

Run **Registry Editor** as an administrator and follow these steps:

1. Set the data of the registry entry
   `HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\clocksync\\Start` to 3.
2. Restart the computer.

## Use Group Policy

1. Go to **Computer Configuration** > **Administrative Templates** > **System** >
   **Clock Sync**.
2. Set **Turn off clock sync** to **Not Configured**.

## Use an Intune script

Run a PowerShell script in Microsoft Intune that sets the registry entry to 3 on every
device. Next, use the MDM policy **Clock/AllowSync** to let the devices sync.
"""

#: A Resolution that only points on; the methods are the parts after it.
AFTER_RESOLUTION = """\
## Symptoms

When you open the Widget console, the list of widgets is empty.

## Cause

The widget cache service is disabled on the server.

## Resolution

To resolve this issue, use either of the following methods.

## Use Services

1. Open **Services**.
2. Set **Widget Cache** to **Automatic**, and then start it.

## Use PowerShell

Run the following command as an administrator:

```powershell
Set-Service -Name WidgetCache -StartupType Automatic; Start-Service WidgetCache
```

## More information

The cache was added in version 2.
"""

#: Symptoms and causes only: the article gives no fix.
NO_FIX = """\
## Symptoms

When you run the conversion command, it stops at 66.7% and fails with error 0x800f0906.
The widget.log file keeps growing.

## Errors in logs

The servicing.log file shows one of the following errors:

- Error 1: the package could not be found.
- Error 2: the index mapping is missing.

## Cause of Error 1

This issue occurs when the conversion needs files for updates that are bundled as one
update ID.

## Cause of Error 2

The cause is a missing entry in the index file.
"""


def test_methods_below_a_pointer_are_the_options() -> None:
    """ "use one of the following methods mentioned below" over "## Use Registry Editor",
    "## Use Group Policy", "## Use an Intune script": each is an option, and the pointer
    is no longer a tick of its own."""
    tree = draft_tree(support(POINTED))
    labels = [f["title"] for f in fixes(tree)]
    assert labels == ["Use Registry Editor", "Use Group Policy", "Use an Intune script"]
    for fix in fixes(tree):
        assert not any("following methods" in t for t in ticks(fix)), ticks(fix)


def test_each_method_keeps_its_own_steps_and_values() -> None:
    """The registry way sets the clocksync Start value to 3, the Group Policy way sets
    "Turn off clock sync" to Not Configured: each outcome has its own steps."""
    by_title = {f["title"]: " ".join(ticks(f)) for f in fixes(draft_tree(support(POINTED)))}
    registry, policy = by_title["Use Registry Editor"], by_title["Use Group Policy"]
    assert "clocksync\\Start" in registry and "to 3" in registry
    assert "Not Configured" in policy and "clocksync" not in policy
    assert "Run Registry Editor as an administrator." in registry  # not "and follow these"


def test_a_next_sentence_in_a_method_is_its_own_step() -> None:
    """ "Run a PowerShell script ... Next, use the MDM policy ...": two steps of the script
    way, ticked one by one."""
    by_title = {f["title"]: ticks(f) for f in fixes(draft_tree(support(POINTED)))}
    script = by_title["Use an Intune script"]
    assert len(script) == 2 and script[1].startswith("Use the MDM policy Clock/AllowSync")


def test_the_methods_are_asked_as_ways() -> None:
    """The question over the pointed-to methods asks which way the admin takes, with the
    purpose the pointer names ("to turn on the setting")."""
    (question,) = questions(draft_tree(support(POINTED)))
    assert question["title"] == "Which way do you use?"
    assert "3 ways to turn on the setting" in question["text"]
    assert [c["label"] for c in question["choices"]] == [
        "Use Registry Editor",
        "Use Group Policy",
        "Use an Intune script",
    ]


def test_methods_after_a_resolution_that_only_points_on() -> None:
    """ "## Resolution" saying only "use either of the following methods" over "## Use
    Services" and "## Use PowerShell": the two ways are asked, each with its steps; the
    More information after them is no way."""
    tree = draft_tree(support(AFTER_RESOLUTION))
    by_title = {f["title"]: " ".join(ticks(f)) for f in fixes(tree)}
    assert list(by_title) == ["Use Services", "Use PowerShell"]
    assert "Open Services." in by_title["Use Services"]
    (question,) = questions(tree)
    assert question["title"] == "Which way do you use?"


def test_an_article_with_no_fix_says_so() -> None:
    """Symptoms and causes but no fix: the outcome says the article has no fix and what to
    collect for an escalation, not "Read ... and follow it" (round 23: one such outcome
    per case the article gives a cause for, asked which)."""
    found = fixes(draft_tree(support(NO_FIX)))
    assert [f["title"] for f in found] == [
        "Error 1: no fix in the article, escalate",
        "Error 2: no fix in the article, escalate",
    ]
    for fix in found:
        said = " ".join(ticks(fix))
        assert "follow it" not in said
        assert "servicing.log" in said and "Escalate" in said


def test_a_by_design_article_with_no_fix_says_nothing_is_to_change() -> None:
    """Symptoms and a by-design cause, no fix: the outcome says it is by design, quoting
    the article, not "Read ... and follow it" nor an escalation for a broken system."""
    body = (
        "## Symptoms\n\nStandard users can't change the clock sync setting.\n\n"
        "## Cause\n\nThis behavior is by design. The setting applies to every user.\n"
    )
    (fix,) = fixes(draft_tree(support(body)))
    assert fix["title"] == "By design: nothing to fix"
    assert "This behavior is by design." in fix["text"]
    assert "follow it" not in " ".join(ticks(fix))


def test_each_method_checks_what_the_pointer_says_it_does() -> None:
    """ "... methods mentioned below to turn on the setting" beside "**Sync clock with
    server**": each way's verify checks that setting is on, not the by-design note."""
    for fix in fixes(draft_tree(support(POINTED))):
        verify = " ".join(v["text"] for v in fix["verify"])
        assert "Check that the Sync clock with server setting is now turned on." in verify


def test_the_check_a_troubleshooting_pointer_leads_to_is_kept() -> None:
    """ "You can use the following methods to verify ..." over "1. Verify that the share
    has the Sync bit set" and the ways to see it: that check is the step, not the
    pointer, and is not lost."""
    body = (
        "## Symptoms\n\nOpening a folder on the widget share fails with Access Denied.\n\n"
        "## Cause\n\nThe folder is missing the Sync access control entry.\n\n"
        "## Resolution\n\nTo resolve this issue, use the WACLS utility to grant rights that "
        "include the Sync bit.\n\nFor example, at a command prompt, type the following "
        "command:\n\n```console\nWACLS w:\\folder /grant user:(RD,S)\n```\n\n"
        "## Troubleshooting\n\n"
        "You can use the following methods to verify and troubleshoot the issue.\n\n"
        "1. Verify that the widget share has the Sync bit set on the folder.\n"
        "2. A network trace can show the access error for the folder.\n"
        "3. The WidgetCheck tool can read out the permission settings.\n\n"
        "    For example, run the following command:\n\n"
        "    ```console\n    widgetcheck.exe -ld\n    ```\n"
    )
    (fix,) = fixes(draft_tree(support(body)))
    said = ticks(fix)
    assert said[0] == "Verify that the widget share has the Sync bit set on the folder."
    assert not any("following methods" in t for t in said)
