"""MS support fixes named by what they do, round 15 (mssteps15; seed-52 readers): a fix
whose title was its first UI step ("Workaround: Click Start", "Resolution: Open SQL
Server Configuration Manager") is named by what its steps do past that navigation."""

from __future__ import annotations

from drafting_support import details, fixes, support, ticks

from kbassist.drafting.tree import draft_text, draft_tree

SYMPTOMS = "## Symptoms\n\nWhen you try to change the Hosts file, you receive an error.\n\n"


def _title(body: str) -> str:
    """The only fix's title of a support article with `body`, the draft lint-clean."""
    article = support(body)
    draft_text(article)
    (fix,) = fixes(draft_tree(article))
    return str(fix["title"])


def test_a_run_as_administrator_then_edit_is_named_by_the_edit() -> None:
    """'Click Start, ... Run as administrator' then 'Open the Hosts file, make the
    necessary changes' is the fix 'Edit the Hosts file as an administrator', never
    'Workaround: Click Start'."""
    title = _title(
        SYMPTOMS + "## Workaround\n\n"
        "1. Click **Start**, click **All Programs**, click **Accessories**, right-click "
        "**Notepad**, and then click **Run as administrator**.\n\n"
        "2. Open the Hosts file, make the necessary changes, and then click **Save** on "
        "the **File** menu.\n"
    )
    assert title == "Workaround: Edit the Hosts file as an administrator"


def test_open_a_tool_and_then_act_is_named_by_the_act() -> None:
    """'To resolve this issue, open Device Manager ..., and then uninstall the X driver'
    is named 'Uninstall the X driver', not by opening Device Manager."""
    title = _title(
        SYMPTOMS + "## Resolution\n\n"
        "To resolve this issue, open Device Manager on the affected device, and then "
        "uninstall the Trusted Platform Module driver.\n"
    )
    assert title == "Resolution: Uninstall the Trusted Platform Module driver"


def test_an_elevated_prompt_then_a_command_is_named_by_the_command() -> None:
    """'Open an elevated Command Prompt' then 'type the following command ...: sfc
    /verifyonly' is 'Run sfc /verifyonly as an administrator'."""
    title = _title(
        SYMPTOMS + "## Resolution\n\n"
        "To resolve the problem, do the following steps:\n\n"
        "1. Open an elevated Command Prompt.\n"
        "2. At the command prompt, type the following command and then press Enter:\n"
        "`sfc /verifyonly`\n\n"
        "3. Open Windows Explorer, and then navigate to the `%Systemroot%\\inf` folder.\n"
    )
    assert title == "Resolution: Run sfc /verifyonly as an administrator"


def test_a_lead_that_says_the_fix_names_it() -> None:
    """'Store a trusted credential in Credential Manager. To do this, follow these steps:'
    over 'In Control Panel, open Credential Manager' names the fix by the lead."""
    article = support(
        SYMPTOMS + "## Workaround\n\n### Workaround 1\n\nRestart the Print Spooler service.\n\n"
        "### Workaround 2\n\n"
        "Store a trusted credential in **Credential Manager**. To do this, follow these "
        "steps:\n\n"
        "1. In **Control Panel**, open **Credential Manager**.\n"
        "2. Click **Add a Windows credential**.\n"
        "3. Enter the print server name, a user name and a password.\n"
    )
    draft_text(article)
    titles = [str(f["title"]) for f in fixes(draft_tree(article))]
    assert "Workaround 2: Store a trusted credential in Credential Manager" in titles
    assert not any("open Credential Manager" in t for t in titles)


def test_a_prose_fix_takes_the_script_its_example_section_gives() -> None:
    """'Use a different folder path when restoring a database' with a '## Script example'
    section: the restore script (not the create-database one) is that step's detail,
    verbatim, its placeholders asked."""
    article = support(
        "## Symptoms\n\nRestoring a database fails with error 3156.\n\n"
        "## Workaround\n\n"
        "Use a different folder name or a different folder path when restoring a database.\n\n"
        "## Script example\n\n"
        "- Script example of creating a database with a filegroup\n\n"
        "    ```sql\n    CREATE DATABASE Contoso\n    ON PRIMARY (NAME = 'Contoso_Primary')\n"
        "    GO\n    ```\n\n"
        "- Script example of a database restoration\n\n"
        "    ```sql\n    RESTORE DATABASE [Contoso] FROM DISK = N'C:\\backup\\Contoso.bak'\n"
        "    MOVE N'<Database File>' TO N'<Driver>:\\<Folder Path>\\<Database Folder>',\n"
        "    Replace\n    GO\n    ```\n"
    )
    draft_text(article)
    tree = draft_tree(article)
    (fix,) = fixes(tree)
    shown = details(fix)
    # the example database Contoso is asked (sitevalues34): its input stands in the script
    assert "RESTORE DATABASE [{" in shown and "Replace" in shown
    assert "CREATE DATABASE" not in shown
    asked = [n for n in tree["nodes"] if n["kind"] == "input"]
    assert any("writes <Folder Path>" in str(n["text"]) for n in asked)


def test_usage_text_is_said_as_the_command_on_the_step_naming_the_tool() -> None:
    """'Usage: regdelnull <path> [-s]' in More information is no tick of its own: the
    step naming the RegDelNull tool shows the command 'regdelnull <path>' and what -s
    adds, and no second 'Run regdelnull' tick repeats it."""
    article = support(
        "## Symptoms\n\nYou receive 'Error while deleting key'.\n\n"
        "## Resolution\n\n"
        "To delete a registry key that contains an embedded null character, you must first "
        "replace the null character. You can do this by using the "
        "[RegDelNull](https://example.com/regdelnull) tool from Sysinternals.\n\n"
        "## More information\n\n"
        "```console\nUsage: regdelnull <path> [-s]\n-s Recurse into subkeys.\n```\n"
    )
    draft_text(article)
    (fix,) = fixes(draft_tree(article))
    said = "\n".join([*ticks(fix), details(fix)])
    assert "Usage:" not in said and "[-s]" not in said
    assert "Add -s to recurse into subkeys." in details(fix)
    assert not any(t.startswith("Run regdelnull") for t in ticks(fix))
    assert sum("regdelnull" in t.casefold() for t in ticks(fix)) == 1


def test_registry_rows_ticked_one_by_one_are_one_set_step() -> None:
    """'Registry key 1' with 'Path: / Name: Start / Type: REG_DWORD / Data: 3 or 4'
    rows is one step 'Set the Start value (REG_DWORD) under HKEY_... to 3 or 4', not
    four ticks that set nothing."""
    article = support(
        "## Symptoms\n\nEvent ID 7000 is logged at startup.\n\n"
        "## Workaround\n\n"
        "Disable the Cdrom service in the registry. To do this, change the value of the "
        "following registry subkey to 3 (Manual) or 4 (Disabled):\n\n"
        "- Registry key 1\n"
        "  - Path: `HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\cdrom`\n"
        "  - Name: Start\n"
        "  - Type: REG_DWORD\n"
        "  - Data: 3 or 4\n"
    )
    draft_text(article)
    (fix,) = fixes(draft_tree(article))
    assert (
        "Set the Start value (REG_DWORD) under "
        "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\cdrom to 3 or 4."
    ) in ticks(fix)
    assert not any(t.startswith(("Type:", "Name:", "Data:", "Registry key 1")) for t in ticks(fix))


def test_rows_under_add_the_following_value_are_said_in_the_step() -> None:
    """'... add the following registry value:' over 'Value name: / Data type: / Value
    data:' rows says 'add the MaxVerPages value (REG_DWORD, decimal) with the data 1024'."""
    article = support(
        "## Symptoms\n\nThe licensing service does not start.\n\n"
        "## Resolution\n\n"
        "> [!WARNING]\n> If you use Registry Editor incorrectly, you may cause serious "
        "problems. Use Registry Editor at your own risk.\n\n"
        "1. Start Registry Editor (Regedt32.exe).\n"
        "2. Locate and click the following registry key:  \n"
        " `HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\TermServLicensing`\n"
        "3. On the **Edit** menu, click **Add Value**, and then add the following registry "
        "value:\n"
        "    - Value name: MaxVerPages\n"
        "    - Data type: REG_DWORD\n"
        "    - Radix: Decimal\n"
        "    - Value data: 1024\n\n"
        "    Range is from minimum 256 to maximum 2048.\n"
        "4. Quit Registry Editor.\n"
    )
    draft_text(article)
    (fix,) = fixes(draft_tree(article))
    assert (
        "On the Edit menu, click Add Value, and then add the MaxVerPages value "
        "(REG_DWORD, decimal) with the data 1024."
    ) in ticks(fix)
    assert "Range is from minimum 256" in details(fix)


def test_one_line_rows_under_a_subkey_are_said_in_the_step() -> None:
    """'... by adding the X registry key to following subkey:' over the key and 'Name: X
    Type: REG_DWORD Value Data: 0 (default ...)' says 'adding the X value (REG_DWORD)
    with the data 0 under HKEY_...', the default shown under it."""
    article = support(
        "## Symptoms\n\nThe firewall stays on the Public profile.\n\n"
        "## Workaround\n\n"
        "- First, disable the negative cache by adding the **NegativeCachePeriod** registry "
        "key to following subkey:\n\n"
        "    `HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\NetLogon\\Parameters`  \n\n"
        "    Name: **NegativeCachePeriod**  \n"
        "    Type: **REG_DWORD**  \n"
        "    Value Data: **0** (default value: **45** seconds; set to **0** to disable "
        "caching)  \n"
    )
    draft_text(article)
    (fix,) = fixes(draft_tree(article))
    assert (
        "First, disable the negative cache by adding the NegativeCachePeriod value "
        "(REG_DWORD) with the data 0 under "
        "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\NetLogon\\Parameters."
    ) in ticks(fix)
    assert "Default value: 45 seconds" in details(fix)


def test_a_command_typed_after_opening_a_prompt_names_the_fix() -> None:
    """'Before you add the printer, open a Command Prompt window, and type the following
    at the Command Prompt:' over `start \\\\server\\printer` is the fix 'Run start
    \\\\server\\printer', not 'Before you add the printer, open a Command Prompt window'."""
    article = support(
        SYMPTOMS + "## Workaround\n\n### Workaround 1\n\n"
        "Before you add the network printer, open a **Command Prompt** window, and type the "
        "following at the **Command Prompt**:\n\n"
        "```console\nstart \\\\printserver1\\printer1\n```\n\n"
        "In the authentication window, enter the appropriate credentials.\n\n"
        "### Workaround 2\n\nRestart the Print Spooler service.\n"
    )
    draft_text(article)
    titles = [str(f["title"]) for f in fixes(draft_tree(article))]
    assert "Workaround 1: Run start \\\\printserver1\\printer1" in titles
