"""Drafted walks of modern MS support articles reach every fix the article offers, each
under the cause, product or case that selects it: a cause's own "you may have to" and
example command, its sub-headed case, a fix part after the causes, the rows of a
causes-and-resolutions table, per-product resolutions under a Cause, and "go to
Resolution 2"; checking parts ("Verify X", "Determine the type of X") run before the
question instead of being offered as fixes."""

from __future__ import annotations

from typing import Any

from drafting_support import support

from kbassist.drafting.tree import draft_tree


def node(tree: dict[str, Any], node_id: str) -> dict[str, Any]:
    return next(n for n in tree["nodes"] if n["id"] == node_id)


def choose(tree: dict[str, Any], node_id: str, label: str) -> str:
    """The node the answer labelled `label` (its start) of question `node_id` leads to."""
    question = node(tree, node_id)
    return next(c["next"] for c in question["choices"] if c["label"].startswith(label))


def outcome_after(tree: dict[str, Any], node_id: str) -> dict[str, Any]:
    """The outcome reached from `node_id` through inputs and info steps (first answer of
    any question on the way)."""
    current = node(tree, node_id)
    while current["kind"] != "outcome":
        nxt = current.get("next") or current["choices"][0]["next"]
        current = node(tree, nxt)
    return current


def texts(outcome: dict[str, Any]) -> str:
    return "\n".join(f"{s['text']}\n{s.get('detail', '')}" for s in outcome.get("steps", []))


CAUSES = """
## Symptoms

You can't delete a file or a folder on an NTFS volume.

## Cause 1: The file uses an ACL

You can't delete a file if the file uses an ACL. To resolve this issue, change the
permissions on the file. You may have to take ownership of the file to change the
permissions.

### You can't change the permissions because the file has a non-canonical ACL

To work around this issue, use another tool (for example, a later build of Cacls.exe).

## Cause 2: The file name includes an invalid name

You can't delete a file if its name has a trailing space. To resolve this issue, use a
tool that uses the appropriate internal syntax. You can use the `"\\\\?\\"` syntax with
some tools to operate on these files. Here's an example:

```console
del "\\\\?\\c:\\temp\\bad file.txt "
```

The cause of this issue is how Win32 strips trailing spaces.

## Combinations of causes

Sometimes you may experience combinations of these causes.

In this situation, you can use the Subinacl utility to change ownership and permissions
on a file that's otherwise inaccessible. Here's an example:

```console
subinacl /onlyfile "\\\\?\\c:\\temp\\bad file.txt " /setowner=contoso\\admin
```

This sample command line makes the admin account the owner. You can now delete this file
by using the Del command with the same syntax.
"""


def test_a_causes_take_ownership_step_and_its_sub_case_fix_are_reachable() -> None:
    """Cause 1 ticks "take ownership" and offers its non-canonical ACL case's own fix."""
    tree = draft_tree(support(CAUSES))
    which = choose(tree, "which_cause", "The file uses an ACL")
    fixes = node(tree, which)
    assert fixes["kind"] == "question"
    main = outcome_after(tree, choose(tree, which, "Change the permissions"))
    steps = [step["text"] for step in main["steps"]]
    assert steps.index("Take ownership of the file to change the permissions.") < steps.index(
        "Change the permissions on the file."
    )
    case = outcome_after(tree, choose(tree, which, "The file has a non-canonical ACL"))
    assert "Use another tool (for example, a later build of Cacls.exe)." in texts(case)


def test_a_causes_example_command_stays_under_its_step() -> None:
    """Cause 2's "Here's an example:" command is shown under the step that offers it."""
    tree = draft_tree(support(CAUSES))
    outcome = outcome_after(tree, choose(tree, "which_cause", "The file name includes"))
    step = next(s for s in outcome["steps"] if "syntax with some tools" in s["text"])
    assert 'del "' in step.get("detail", "")


def test_a_fix_part_after_the_causes_is_one_more_answer() -> None:
    """ "Combinations of causes" is a cause to choose, leading to its Subinacl fix."""
    tree = draft_tree(support(CAUSES))
    outcome = outcome_after(tree, choose(tree, "which_cause", "Combinations of causes"))
    said = texts(outcome)
    assert "Use the Subinacl utility" in said
    assert "subinacl /onlyfile" in said
    assert "Delete this file by using the Del command" in said


TABLE = """
## Symptoms

You receive a "Timeout expired" error when you connect to the server.

## Troubleshoot timeout errors

- If you encounter a query timeout error, see the query time-out article.
- If you encounter a connection timeout error, increase the connection timeout.

## Typical causes and resolutions

The following table lists typical causes and resolutions for timeout errors.

|Typical causes  |Resolutions  |
|---------|---------|
|Server name was typed incorrectly.     | Try again with the correct server name.        |
|The SQL Server service on the server isn't running.| Start the instance of the Database Engine.|
|The network can't resolve the server name.| Fix the name resolution problem. {TEST}|
""".replace("{TEST}", "Use the following command to test connectivity:<br/>`ping server1` ")


def test_each_row_of_a_causes_and_resolutions_table_is_a_fix_chosen_by_its_cause() -> None:
    """Every table row is an answer named by its cause, leading to its resolution."""
    tree = draft_tree(support(TABLE))
    labels = [c["label"] for c in node(tree, "mitigation")["choices"]]
    assert "Server name was typed incorrectly" in labels
    assert "The SQL Server service on the server isn't running" in labels
    outcome = outcome_after(tree, choose(tree, "mitigation", "The SQL Server service"))
    assert "Start the instance of the Database Engine." in texts(outcome)
    network = outcome_after(tree, choose(tree, "mitigation", "The network can't resolve"))
    step = next(s for s in network["steps"] if s["text"].startswith("Use the following"))
    assert "ping server1" in step.get("detail", "")


CHECKS = """
## Verify timeout errors

When you encounter timeout issues, you receive one of the following error messages:

- > Timeout expired. The timeout period elapsed prior to completion of the operation.
- > Connection Timeout Expired. The wait operation timed out.

## Determine the type of timeout errors

You encounter the following timeout issues:

- Connection timeout (15 seconds by default)
- Query or command timeout (30 seconds by default)

Before troubleshooting, view the complete call stack of the error message to determine
the error type.

## Troubleshoot timeout errors

- If you encounter a query timeout error, see the query time-out article.
- If you encounter a connection timeout error, increase the connection-timeout value.
"""


def test_checking_parts_run_before_the_question_and_are_no_fixes() -> None:
    """ "Verify X" / "Determine the type of X" are not answers; their check comes first."""
    tree = draft_tree(support(CHECKS))
    labels = [c["label"] for c in node(tree, "mitigation")["choices"]]
    assert not any(label.startswith(("Verify", "Determine")) for label in labels)
    first = next(n for n in tree["nodes"] if n["kind"] == "info" and n.get("next") == "mitigation")
    assert "View the complete call stack" in first["text"]


PER_OS = """
## Symptoms

When a service suddenly stops, you receive the following error message:

> Error 1058: The service cannot be started.

## Cause

This issue can occur if the service is disabled.

### Resolution for Windows 10, Windows 7 and Windows Vista

1. Click Start, search for Services, and then click Services.
2. Double-click the service, and then set the Startup type to Automatic.

### Resolution for Windows XP

1. Click Start, point to Administrative Tools, and then click Services.
2. On the General tab, click Automatic in the Startup Type box.
"""


def test_per_product_resolutions_under_a_cause_are_asked_by_product() -> None:
    """Two "Resolution for <Windows>" sub-headings are "Which of these do you run?"."""
    tree = draft_tree(support(PER_OS))
    question = node(tree, "mitigation")
    assert question["title"] == "Which of these do you run?"
    labels = [c["label"] for c in question["choices"]]
    # no "Another version" exit on a current article: Windows 11 follows its Windows 10 steps
    assert labels == ["Windows 10, Windows 7 and Windows Vista", "Windows XP"]
    xp = outcome_after(tree, choose(tree, "mitigation", "Windows XP"))
    assert "Click Start, point to Administrative Tools" in texts(xp)
    assert "Search for Services" not in texts(xp) and "search for Services" not in texts(xp)
    assert "Resolution for" not in tree["cause"]


GO_TO = """
## Symptoms

You can't open a file whose path is deeper than MAX_PATH characters.

## Cause 1: The path is too long

You can't open a file if its path is too long.

### Resolution 1: Use the short name

To resolve this issue, you may want to use the autogenerated 8.3 name to access the file.
This resolution may be the easiest resolution if the folder names are long. If 8.3 names
have been disabled on the volume, go to [Resolution 2](#resolution-2-rename-the-folders).

### Resolution 2: Rename the folders

Rename the folders so that the path is shorter than MAX_PATH.

## Cause 2: The file is in use

To resolve this issue, close the process that has the file open.
"""


def test_go_to_resolution_2_leads_there_instead_of_being_ticked() -> None:
    """ "If X, go to Resolution 2": yes reaches Resolution 2, nothing ticks "Go to"."""
    tree = draft_tree(support(GO_TO))
    steps = [s["text"] for n in tree["nodes"] if n["kind"] == "outcome" for s in n["steps"]]
    assert not any(text.startswith("Go to Resolution") for text in steps)
    asked = next(n for n in tree["nodes"] if n["kind"] == "question" and "8.3 names" in n["title"])
    yes = next(c["next"] for c in asked["choices"] if c["value"] == "yes")
    no = next(c["next"] for c in asked["choices"] if c["value"] == "no")
    assert "Rename the folders" in texts(outcome_after(tree, yes))
    assert "8.3 name" in texts(outcome_after(tree, no))


DETERMINE = """
## Symptoms

When you select a Store app, it starts and then Windows returns to the Start screen.

## Cause

Registry or file system permissions were changed from their defaults.

## Permissions must be reverted

Registry and file system permissions must be reverted to their defaults.

### Determine if file system permissions have been changed

Check the folders listed below.

- Program Files - Read, Read and Execute, and List folder Contents
- Windows - Read, Read and Execute, and List folder Contents

### Determine if Group Policy is being used to manage permissions

1. Sign in to a PC as a user experiencing the problem.
2. Run `gpresult /h C:\\temp\\gpreport.html` and look for File System in the report.

## Steps to fix the problem

### Fix file system permissions that were changed manually

1. Open File Explorer, and browse to C:\\Program Files.
2. Grant the All Application Packages group Read & Execute.

### Fix file system permissions that were changed by Group Policy

1. Edit the Group Policy that manages the permissions.
2. Add the All Application Packages group with Read & Execute.
"""


def test_determine_checks_no_fix_draws_from_come_before_the_question() -> None:
    """ "### Determine if X" sub-parts are shown before "which fix", not dropped or ticked."""
    tree = draft_tree(support(DETERMINE))
    checks = node(tree, "checks_first")
    assert checks["kind"] == "info" and checks["next"] == "mitigation"
    assert (
        "Determine if file system permissions have been changed: Check the folders"
        in (checks["text"])
    )
    assert "Program Files - Read" in checks["text"]
    assert "Sign in to a PC as a user experiencing the problem." in checks["text"]
    into = [n["id"] for n in tree["nodes"] if n.get("next") == "checks_first"] + [
        n["id"]
        for n in tree["nodes"]
        for c in n.get("choices", [])
        if c.get("next") == "checks_first"
    ]
    assert into, "nothing leads to the checks"


MESSAGES = """
## Symptoms

When you try to activate Windows, you may get one of the following error messages:

- > The Key Management Server (KMS) is unavailable
- > No Key Management Service (KMS) could be contacted

## The Key Management Server (KMS) is unavailable

When you activate a KMS client, you may get this error message:

> The Key Management Server (KMS) is unavailable

### Time difference between KMS client and KMS host machine

The error may occur if the time on the client and the KMS host differs by more than 4
hours.

1. Make sure that the system time on the client and the KMS host is the same.
2. Run the `w32tm /resync` command to resync the time on the client.

## No Key Management Service (KMS) could be contacted

When you run `slmgr /ato`, you receive the following error message:

> No Key Management Service (KMS) could be contacted

### Sppsvc service on the KMS host has stopped running

Check if the sppsvc service is running on the KMS server. If the service is stopped, start it.

### Incorrect or old KMS host server record in DNS

1. Open the DNS management console.
2. Check if the correct KMS host server name is present in the _VLMCS SRV record.
"""


def test_causes_under_a_message_heading_are_asked_after_that_message() -> None:
    """Parts named by their message lead to their own causes, each cause to its fix."""
    tree = draft_tree(support(MESSAGES))
    which = node(tree, "which_cause")
    assert which["title"] == "Which message do you see?"
    contacted = node(tree, choose(tree, "which_cause", "No Key Management Service"))
    labels = [c["label"] for c in contacted["choices"]]
    assert labels == [
        "Sppsvc service on the KMS host has stopped running",
        "Incorrect or old KMS host server record in DNS",
    ]
    dns = outcome_after(tree, choose(tree, contacted["id"], "Incorrect or old"))
    assert "Open the DNS management console." in texts(dns)
    only = outcome_after(tree, choose(tree, "which_cause", "The Key Management Server"))
    assert "Run the w32tm /resync command" in texts(only)


def test_the_message_is_asked_once_and_the_cause_lists_each_messages_causes() -> None:
    """The symptom is confirmed, not asked as messages again; the cause names them all."""
    tree = draft_tree(support(MESSAGES))
    assert node(tree, "symptom")["title"] == "Does this match what you see?"
    assert "Sppsvc service on the KMS host has stopped running" in tree["cause"]
    assert "Time difference between KMS client and KMS host machine" in tree["cause"]


BROKEN_LIST = """
## Symptoms

When the Log Reader Agent fails, you receive an error message in the SQL Server log.

## Troubleshooting

- Error message 1: "LogReader Failed to Construct Replicated Command"

  Code 18805 gives you a log sequence number that can provide the object.

- Error message 2: "LogReader Failed to Construct Command"

  This known issue is fixed in a cumulative update.

The issue occurs only on tables that have BLOB columns. To resolve this issue, follow
these steps:

  1. Determine whether the article uses parameterized commands.
  2. Run `sp_changearticle` to configure the parameterized commands.

- Error message 3: **LogReader Timeout**

  To resolve this issue, increase the value of the QueryTimeout parameter.
"""


def test_cases_of_a_list_broken_by_unindented_steps_keep_their_steps_and_later_cases() -> None:
    """A case's unindented steps stay its own, and "- Error message 3" is a case too."""
    tree = draft_tree(support(BROKEN_LIST))
    labels = [c["label"] for c in node(tree, "mitigation")["choices"]]
    assert "LogReader Timeout" in labels
    second = outcome_after(
        tree, choose(tree, "mitigation", "LogReader Failed to Construct Command")
    )
    assert "Run sp_changearticle to configure the parameterized commands." in texts(second)
    third = outcome_after(tree, choose(tree, "mitigation", "LogReader Timeout"))
    assert "QueryTimeout" in texts(third)


DATA = """
## Summary

When you connect to the server, you receive "The Remote Desktop service is busy".

## RDP server memory issue

1. Restart the Remote Desktop Services service on the server.
2. Check the memory that the svchost process uses.

## Data collection

If the issue persists, collect the following data before you open a support case.

1. Download the TSS tool from https://aka.ms/GetTSS.
2. Run `.\\TSS.ps1 -Scenario UEX_RDSSrv` on the server.
"""


def test_data_collection_is_the_last_answer_and_verified_by_the_data() -> None:
    """ "## Data collection" is "None of these helped: collect data ...", asked last."""
    tree = draft_tree(support(DATA))
    choices = node(tree, "mitigation")["choices"]
    assert choices[-1]["label"] == "None of these helped: collect data for a support case"
    outcome = outcome_after(tree, choices[-1]["next"])
    assert "collected data is saved" in outcome["verify"][0]["text"]


PAIRED = """
## Symptoms

You receive the error "Access is denied" when you open the share.

## Cause 1: The share permissions are wrong

The share permissions don't grant the user Read access.

## Resolution 1

1. Open Computer Management, and select Shared Folders.
2. Grant the user Read permission on the share.

## Cause 2: The NTFS permissions are wrong

The folder's NTFS permissions don't grant the user access.

## Resolution 2

1. Right-click the folder, and select Properties.
2. On the Security tab, grant the user Read & execute.
"""


def test_each_cause_leads_to_the_resolution_numbered_for_it() -> None:
    """ "## Cause 2" + "## Resolution 2": the cause is asked and leads to its own fix."""
    tree = draft_tree(support(PAIRED))
    assert node(tree, "which_cause")["title"] == "Which cause applies?"
    ntfs = outcome_after(tree, choose(tree, "which_cause", "The NTFS permissions are wrong"))
    assert "On the Security tab, grant the user Read & execute." in texts(ntfs)
    share = outcome_after(tree, choose(tree, "which_cause", "The share permissions are wrong"))
    assert "Grant the user Read permission on the share." in texts(share)
    assert "The NTFS permissions are wrong" in tree["cause"]
