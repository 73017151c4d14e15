"""Round 36 (modern36): modern support drafts keep the article's backslashes, show sample
output as output, and carry no stub "When to choose" help."""

from __future__ import annotations

from typing import Any

from drafting_support import details, fixes, questions, support, ticks

from kbassist.drafting.applies_gate import other_release_said
from kbassist.drafting.blocks import OUTPUT_LABEL
from kbassist.drafting.choose_help import product_upgrade, told_apart
from kbassist.drafting.labels import choose_notes
from kbassist.drafting.session_output import listed_output_lines
from kbassist.drafting.tree import draft_tree

_REGISTRY_VALUE = r"""
## Symptoms

The backup of the server fails, and error 0x80070005 (Access is denied) is logged.

## Workaround

### Method 1

Configure the backup of the affected drive as block-level backup.

### Method 2

Exclude the NTFS metadata files from file-level backups.

> [!IMPORTANT]
> Back up the registry before you modify it.

1. In Registry Editor, locate the following registry subkey:
    `HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\BackupRestore\FilesNotToBackup`
2. Right-click **FilesNotToBackup**, point to **New**, and then click **Multi-String Value**.
3. Type *IgnoreNTFS*, and then press Enter.
4. In the **Value data** box, type *\\$Extend\\\* /s*.
5. Click **OK**, and then close Registry Editor.
"""


def _all_text(tree: dict[str, Any]) -> str:
    out: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(tree)
    return "\n".join(out)


def test_registry_value_keeps_its_backslashes() -> None:
    """The value data to type reads `\\$Extend\\* /s` as the article shows it, not `$Extend*`."""
    tree = draft_tree(support(_REGISTRY_VALUE))
    said = [t for o in fixes(tree) for t in ticks(o) if "Value data" in t]
    assert said and "\\$Extend\\* /s" in said[0], said


def test_unc_path_in_a_symptom_block_keeps_both_backslashes() -> None:
    """A `\\\\server\\share` path in the symptom's command block keeps both leading backslashes."""
    body = r"""
## Symptoms

When you map a drive, the following commands return System error 85:

```console
net use r: \\servername\share
```

## Resolution

Delete the persistent mapping with `net use r: /delete`, and then map the drive again.
"""
    tree = draft_tree(support(body))
    assert "\\\\servername\\share" in tree["symptom"]
    assert "r: \\servername" not in _all_text(tree)


def test_raw_markdown_escape_is_still_undone() -> None:
    """A Markdown escape written in prose (`\\<domain name>`) still reads `<domain name>`."""
    body = r"""
## Symptoms

Replication of the SYSVOL share fails.

## Resolution

Make sure that each domain controller can ping the name %computername%.\<domain name> of
every other domain controller.
"""
    text = _all_text(draft_tree(support(body)))
    assert "%computername%.<domain name>" in text
    assert "%.\\<domain" not in text


_LIST_VIEW = """
## Symptoms

Activation fails with error 0xC004F074.

## Resolution

Use the `Test-NetConnection` cmdlet to check that port 1688 is open to the KMS host.
Here's an example:

```PowerShell
Test-NetConnection -ComputerName <KMS Host Server> -Port 1688

ComputerName           : <KMS Host Server>
RemotePort             : 1688
PingSucceeded          : True
TcpTestSucceeded       : False
```

If TcpTestSucceeded is False, open TCP port 1688 in the firewall.
"""


def test_list_view_output_is_marked_as_output_and_not_filled_in() -> None:
    """The `TcpTestSucceeded : False` lines are shown as output, with the article's own values."""
    tree = draft_tree(support(_LIST_VIEW))
    shown = "\n".join(details(o) for o in fixes(tree))
    assert OUTPUT_LABEL in shown
    before, _, after = shown.partition(OUTPUT_LABEL)
    assert "Test-NetConnection -ComputerName {" in before  # the command uses the typed host
    assert "ComputerName           : <KMS Host Server>" in after  # the output stays as shown
    assert "TcpTestSucceeded       : False" in after


def test_listed_output_needs_a_command_then_padded_name_value_lines() -> None:
    """Only a command followed by a padded `Name : value` listing counts as pasted output."""
    lines = ["Get-Thing -Name x", "", "Name      : x", "Status    : Running", "Count     : 2"]
    assert listed_output_lines(lines) == {2, 3, 4}
    assert listed_output_lines(["Name : x", "", "A    : 1", "B    : 2", "C    : 3"]) == set()
    assert listed_output_lines(["cmd", "", "ran fine", "A    : 1", "B    : 2"]) == set()


def test_result_table_is_output_without_typed_values() -> None:
    """A table after "The following results display ..." is example output, no input put in."""
    body = """
## Symptoms

A query fails with error 2767: Could not locate statistics.

## Workaround

1. Run the following command by using the name of the table and statistics:

    ```sql
    DBCC SHOW_STATISTICS('<TableName>', '<StatisticsName>')
    ```

    The following results display the statistics `<StatisticsName>` of the table.

    |Name|Updated|
    |-|-|
    |`<StatisticsName>`|\\<DateTime>|

1. Drop the statistics:

    ```sql
    DROP STATISTICS <TableName>.<StatisticsName>
    ```
"""
    tree = draft_tree(support(body))
    shown = "\n".join(details(o) for o in fixes(tree))
    assert OUTPUT_LABEL in shown
    table = shown.partition(OUTPUT_LABEL)[2]
    assert "<StatisticsName> | <DateTime>" in table, table
    assert "DBCC SHOW_STATISTICS('{" in shown  # the command still uses the typed names


def test_lone_trait_help_and_traits_the_label_says_are_dropped() -> None:
    """ "When to choose: (1) edits the registry." beside "Use Registry Editor" is not shown."""
    labels = ["Use Registry Editor", "Use Group Policy", "Use MDM policy"]
    assert told_apart([["edits the registry"], [], []], labels) == [[], [], []]
    assert told_apart([["needs an update to download"], []], ["Install it", "Wait"]) == [[], []]
    kept = told_apart([["needs a restart"], ["a permanent fix"]], ["Method 1", "Upgrade"])
    assert kept == [["needs a restart"], ["a permanent fix"]]  # two choices told apart


def test_a_lone_permanent_fix_note_is_kept() -> None:
    """ "(2) a permanent fix" alone still says which choice ends the problem: kept."""
    kept = told_apart([[], ["a permanent fix"]], ["Resolution: Declare it outside", "Upgrade"])
    assert kept == [[], ["a permanent fix"]]


def test_product_upgrade_is_no_update_to_download() -> None:
    """An upgrade to Windows XP is not "an update to download"; a service pack is."""
    assert product_upgrade("Upgrade: Windows NT Version 3.51")
    assert product_upgrade("Upgrade the recipient's computer to Windows XP")
    assert not product_upgrade("Upgrade: Visual Studio 97 Service Pack 3")
    notes = choose_notes("upgrade", "Upgrade: Windows NT Version 3.51", "")
    assert notes == ["a permanent fix"]
    notes = choose_notes("upgrade", "Upgrade: Visual Studio 97 Service Pack 3", "")
    assert "needs an update to download" in notes


_KMS = """
## Symptoms

Activation fails with error 0xC004F074.

## Cause

The KMS host doesn't support the version of the KMS client.

## Resolution

An update is needed for a KMS host running on Windows Server 2003, and an update is
needed for a KMS host running on Windows Server 2008.

If you're running Windows Server 2008 as your KMS host, you need this update hotfix
[968912](https://support.microsoft.com/help/968912).
"""


def test_product_case_with_other_release_said_does_not_end_the_walk() -> None:
    """No "Windows Server 2008 KMS host?" whose "no" ends on "may not apply": not asked."""
    tree = draft_tree(support(_KMS))
    ends = [
        c
        for q in questions(tree)
        for c in q.get("choices", [])
        if c["value"] == "no" and c["next"] == "not_this_article"
    ]
    assert not ends
    assert any("Windows Server 2008" in t for o in fixes(tree) for t in ticks(o))


def test_other_release_said_reads_the_other_release() -> None:
    """Only another release of the same product with a need of its own counts."""
    text = "An update is needed for Windows Server 2003. If you run Windows Server 2008, ..."
    assert other_release_said(text, "Windows Server 2008 as your KMS host")
    assert not other_release_said("Windows Server 2008 needs it.", "Windows Server 2008")
    assert not other_release_said("Windows Server 2003 is old.", "Windows Server 2008")
