"""Values a draft asked that are the article's example, not the admin's (round 15,
inputs15): a console session's printed output, a sample file a fix only shows, the
literal values under "For example:", a file the fix creates and names bare elsewhere, a
key or header in brackets; a "Replace <x> with ..." note left after <x> was filled in; a
`<SID>` and a registry tool's `<path>` typed as what they are."""

from __future__ import annotations

from typing import Any

from drafting_support import archive, details, fixes, runbook, support

from kbassist.drafting.tree import draft_tree


def inputs(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in tree["nodes"] if n["kind"] == "input"]


SESSION = """SYMPTOMS
========

An SNA application is slow to open a session, and the trace shows that the
provider could not be loaded.

RESOLUTION
==========

From a command prompt, type "path" (without the quotation marks) to view the
PATH environment setting, and then check for the Wbem folder. For example, type
the following:

  C:\\>path
  PATH=C:\\WINNT\\System32;C:\\WINNT;C:\\Program Files\\Host Server\\System

If the Wbem folder is not present, add it to your search path:

1. In Control Panel, double-click System.

2. Add the Wbem folder to the beginning of the Variable value data, followed by
  a semicolon (;). For example:

Variable value:   c:\\Winnt\\System32\\Wbem;c:\\Winnt\\System32
"""


def test_the_output_a_console_session_printed_is_not_asked() -> None:
    """`C:\\>path` and the PATH= line it printed: no input asks the admin to retype the
    article's example output, which the step still shows as written."""
    tree = draft_tree(archive(SESSION))
    assert inputs(tree) == []
    shown = details(fixes(tree)[0])
    assert "PATH=C:\\WINNT\\System32;C:\\WINNT" in shown
    assert "c:\\Winnt\\System32\\Wbem" in shown


OWN_FILE = """SYMPTOMS
========

Windows cannot print to LPT1 on a Novell network.

WORKAROUND
==========

1. Use Notepad to create the following Debug script for LPT1:

        E40:8
        78 03
        q

2. Save the file as C:\\FIXLPT1.DEB and add the Debug script to the AUTOEXEC.BAT
  file after NETx.COM, but before the LOGIN program as follows:

        NETx.COM
        DEBUG < FIXLPT1.DEB
        NET LOGIN

3. Save the AUTOEXEC.BAT file and restart the computer.
"""


def test_a_file_the_fix_creates_and_names_bare_is_not_asked_as_a_path() -> None:
    """ "Save the file as C:\\FIXLPT1.DEB" then `DEBUG < FIXLPT1.DEB`: asking the path would
    change one spelling and leave AUTOEXEC.BAT's line hard-coded, so it is not asked."""
    tree = draft_tree(archive(OWN_FILE))
    assert not [n for n in inputs(tree) if "FIXLPT1" in n["title"]]
    steps = " ".join(s["text"] for s in fixes(tree)[0]["steps"])
    assert "C:\\FIXLPT1.DEB" in steps


SAMPLE_FILE = """## Symptoms

When you run the package, you get error DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER.

## Cause

The **Initial Catalog** property in the configuration file is not recognized by the
Oracle provider.

## Resolution

Clear the check box for **Initial Catalog** when you edit the configuration file in the
designer.

For example, the fixed version of the example Configuration file shown in the Cause
section will be as follows:

```xml
<DTSConfigurationFileInfo GeneratedBy="MyUserName" GeneratedFromPackageID="<guid>"/>
<ConfiguredValue>Data Source=MyServerName;User ID=MyAccount;Password=MyPassword;</ConfiguredValue>
```
"""


def test_the_values_of_a_sample_file_the_fix_only_shows_are_not_asked() -> None:
    """ "the fixed version of the example Configuration file ... will be as follows:" and
    its XML: `MyUserName`, `<guid>`, `MyPassword` are the example's, never asked."""
    tree = draft_tree(support(SAMPLE_FILE))
    assert inputs(tree) == []
    assert "MyServerName" in details(fixes(tree)[0])


KEYS = """SYMPTOMS
========

The focus does not move to the next control when the form opens.

RESOLUTION
==========

Place the "#include <cstdlib>" line in the source file, and then substitute
KEYBOARD '{TAB}' for the line thisform.text1.setfocus as many times as necessary
to move to the desired object.
"""


def test_a_key_or_an_included_header_is_not_asked() -> None:
    """`{TAB}` is a key pressed and `#include <cstdlib>` a header: neither is a value the
    admin types, so neither is asked."""
    assert inputs(draft_tree(archive(KEYS))) == []


SID = """## Symptoms

After you rename a user account, the profile path is not changed.

## Workaround

1. Log in by using another administrative account.
1. Modify the registry value ProfileImagePath under the following key:

   `HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\<User SID>`

   Note: Replace `<User SID>` with the SID of your user account.
"""


def test_a_sid_is_asked_with_how_to_read_it_and_its_replace_note_goes() -> None:
    """`<User SID>`: the input is a SID whose help says how to read one, and the step no
    longer says "Replace {placeholder_1} with the SID" once the value is filled in."""
    tree = draft_tree(support(SID))
    [asked] = inputs(tree)
    assert asked["title"] == "User SID" and "whoami /user" in asked["help"]
    shown = details(fixes(tree)[0])
    assert "ProfileList\\{" in shown
    assert "Replace" not in shown


REGISTRY = """## Symptoms

You cannot delete a registry key: Error while deleting key.

## Resolution

1. Use the RegDelNull tool from Sysinternals to delete a registry key that contains an
   embedded null character.
1. Run it as follows:

   ```console
   regdelnull <path> -s
   ```
"""


def test_a_registry_tools_path_is_asked_as_a_registry_key_not_a_folder() -> None:
    """`regdelnull <path>`: the value is a registry key's path, so its help gives one
    (HKEY_LOCAL_MACHINE\\...), not a folder such as C:\\WINDOWS."""
    [asked] = inputs(draft_tree(support(REGISTRY)))
    assert asked["title"] == "Registry key"
    assert "HKEY_LOCAL_MACHINE" in asked["help"] and "C:\\WINDOWS" not in asked["help"]


SLOW_OPS = """## Meaning

The alert fires when an OSD has requests that take too long.

## Diagnosis

To gather more information about the slow requests, access the OSD pod terminal and
issue the following commands:

```bash
ceph daemon osd.<id> ops
```

Note: Replace `<id>` with the OSD number, which can be found in the pod name (e.g.,
rook-ceph-osd-0-5d86d4d8d4-zlqkx, where 0 is the OSD ID).

## Mitigation

Restart the OSD pod named in the alert.
"""


def test_a_replace_note_is_not_left_in_the_step_once_its_value_is_asked() -> None:
    """ "Replace <id> with the OSD number (e.g., ...)" goes from the step (the input's help
    quotes it): a filled-in checklist never reads "Replace 3 with the OSD number"."""
    tree = draft_tree(runbook(SLOW_OPS, id_="CephOSDSlowOps"))
    [asked] = inputs(tree)
    assert "pod name" in asked["help"]
    shown = "\n".join(  # round 30: the Diagnosis checks are ticked, commands in the detail
        f"{s['text']}\n{s.get('detail', '')}"
        for n in tree["nodes"]
        if n["kind"] == "outcome"
        for s in n["steps"]
    )
    assert "ceph daemon osd.{" in shown
    assert "Replace {" not in shown and "e.g.," not in shown


BAUD = """SYMPTOMS
========

The SNA Server link to the FEP drops at high speed.

RESOLUTION
==========

Add the following registry value:

  HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\SnaDlc1\\Parameters

  Value Name: LinkSpeed
  Data Type: REG_DWORD
  Data: <value>

where <value> is the baud rate of the local SNA Server link to the FEP.
"""


def test_a_bare_value_explained_as_a_rate_is_a_number_not_a_host_name() -> None:
    """ "where <value> is the baud rate of the local SNA Server link": a number, not the
    computer name the sentence's later "Server" suggested (a host format refuses 9600)."""
    [asked] = inputs(draft_tree(archive(BAUD)))
    assert asked["title"] == "Your number for <value>"
    assert asked.get("format") != "host"


BOLD = """## Symptoms

The Distribution Agent fails with error 1205 after you configure transactional
replication.

## Resolution

To resolve this issue, update the incorrect rowcount value. To do this, run the following
command:

```sql
DBCC UPDATEUSAGE (**subscriber_database_name** **,**'MSreplication_subscriptions') WITH COUNT_ROWS
```
"""


def test_a_bold_name_in_a_support_articles_code_is_asked_and_the_bold_goes() -> None:
    """`**subscriber_database_name**` in a SQL block: the database's name is asked and put
    into a command that runs, without the author's `**` (no bold is drawn in code)."""
    tree = draft_tree(support(BOLD))
    [asked] = inputs(tree)
    assert asked["title"] == "Subscriber database name"
    var = asked["var"]
    assert f"DBCC UPDATEUSAGE ({{{var}}} ,'MSreplication_subscriptions')" in details(fixes(tree)[0])
