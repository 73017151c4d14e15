"""MS support fixes named by what they do, round 15 (mssteps15; seed-52 readers): a fix
whose title was its first UI step ("Workaround: Click Start", "Resolution: Open SQL
Server Configuration Manager") is named by what its steps do past that navigation."""

from __future__ import annotations

from drafting_support import fixes, support

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
