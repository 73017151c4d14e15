"""Option labels and outcome titles that say what the fix does (issue 13, round 10): no
lead-in tail ("... do the following"), no first step that only opens a tool, no "]" from
link text, and "when to choose" notes only for what the article says."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, support

from kbassist.drafting.tree import draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999611")


def outcome_titles(tree: dict[str, Any]) -> list[str]:
    return [n["title"] for n in tree["nodes"] if n["kind"] == "outcome"]


def fixes_help(tree: dict[str, Any]) -> str:
    node = next(n for n in tree["nodes"] if n["id"] == "mitigation")
    return str(node.get("help", ""))


SYMPTOMS = "SYMPTOMS\n========\n\nThe program runs out of memory when it starts.\n\n"

LEAD_IN = (
    SYMPTOMS + "RESOLUTION\n==========\n\n"
    "To view and change the current swap file settings, do the following:\n\n"
    "1. Click Start, point to Settings, and then click Control Panel.\n\n"
    "2. Double-click System, and then click the Performance tab.\n\n"
    "3. Set the minimum swap file size to 20 MB.\n"
)


def test_a_lead_in_title_becomes_the_action_it_announces() -> None:
    """'To view and change X, do the following' is titled 'View and change X'."""
    titles = outcome_titles(draft_tree(mskb(LEAD_IN)))
    assert "Resolution: View and change the current swap file settings" in titles
    assert not any(t.endswith("following") for t in titles)


METHODS = (
    SYMPTOMS + "RESOLUTION\n==========\n\n"
    "To set up the icon, do one of the following:\n\n"
    "Method 1\n--------\n\n"
    "Have the user change the icon manually by using Norton Desktop.\n\n"
    "Method 2\n--------\n\n"
    "1. Open the user's SYSTEM.INI file.\n\n"
    '2. In the [boot] section, change the "SHELL=NDW.EXE" line to SHELL=PROGMAN.EXE.\n\n'
    "3. Restart Windows.\n\n"
    "4. Reinstall the program.\n"
)


def test_a_method_named_by_its_first_step_is_named_by_what_it_does() -> None:
    """'Method 2: Open the user's SYSTEM.INI file' names the section's purpose instead."""
    tree = draft_tree(mskb(METHODS))
    titles = outcome_titles(tree)
    assert "Method 2: Set up the icon in the user's SYSTEM.INI file" in titles
    assert "Method 2: Open the user's SYSTEM.INI file" not in titles
    # a lone "(2) needs a restart." beside a choice with nothing said is no help (round 36)
    assert "needs a restart" not in fixes_help(tree)


REGISTRY = (
    SYMPTOMS + "RESOLUTION\n==========\n\n"
    "1. Run Registry Editor (Regedt32.exe) and locate the following subkey:\n\n"
    "     HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\FPNW\\Parameters\n\n"
    "2. From the Edit menu, click Add Value.\n\n"
    "3. Type the name of the value as MaxCachedOpenFiles.\n\n"
    "4. Set the type to REG_DWORD and enter 0 for the value.\n"
)


def test_a_registry_fix_is_titled_by_the_value_it_adds() -> None:
    """'Run Registry Editor ... and locate the following subkey' becomes the value added."""
    titles = outcome_titles(draft_tree(mskb(REGISTRY)))
    assert "Resolution: Add the MaxCachedOpenFiles registry value" in titles


LINKED = (
    "## Symptoms\n\nThe SQL Server service does not start. Event 7038 is logged with one of "
    "these messages:\n\n"
    "- [The user's password must be changed before signing in](#password-change).\n"
    "- [The referenced account is currently locked out and may not be logged on to]"
    "(#locked-out).\n\n"
    "## Resolution\n\n"
    "### The user's password must be changed before signing in\n\n"
    "1. Open Computer Management.\n2. Reset the password of the service account.\n\n"
    "### The referenced account is currently locked out and may not be logged on to\n\n"
    "1. Open Computer Management.\n2. Clear the Account is Locked Out check box.\n"
)


def test_a_label_never_gains_the_closing_bracket_of_a_link() -> None:
    """A heading the article also links to is labelled whole, with no ']' after it."""
    tree = draft_tree(support(LINKED, id_="support-f1", title="Service does not start"))
    titles = outcome_titles(tree)
    assert not any(t.endswith("]") for t in titles)
    assert "The referenced account is currently locked out and may not be logged on to" in titles


SERVICE = (
    SYMPTOMS + "RESOLUTION\n==========\n\n"
    "To make the agent start, use one of the following methods.\n\n"
    "Method 1: Grant the Right\n-------------------------\n\n"
    "1. Grant the service account the Log on as a service right.\n\n"
    "2. Restart the SQL Server Agent service.\n\n"
    "Method 2: Use Another Account\n-----------------------------\n\n"
    "1. Change the service account to Local System.\n\n"
    "2. Restart the computer.\n\n"
    "Method 3: Reset the Flag\n------------------------\n\n"
    "1. Run Registry Editor and set the ManagedAccount value to 1.\n"
)


def test_hints_tell_a_service_restart_from_a_computer_restart() -> None:
    """Restarting a service is not 'needs a restart'; a registry edit is said as such."""
    help_text = fixes_help(draft_tree(mskb(SERVICE)))
    assert "(1) restarts a service" in help_text
    assert "(2) needs a restart" in help_text
    assert "(3) edits the registry" in help_text


FUTURE = (
    "## Symptoms\n\nDevice Manager shows a code 31 error on the WAN Miniport device.\n\n"
    "## Resolution\n\nTo prevent this issue during future installs, you must integrate "
    "update 2822241 into the installation media.\n\n"
    "## Workaround\n\nIf you have already installed the operating system and are currently "
    "receiving the error, follow these steps:\n\n"
    "1. Open Device Manager.\n2. Right-click the device, and then click Uninstall.\n"
    "3. Click Scan for hardware changes.\n"
)


def test_a_follow_these_steps_label_says_the_case_the_lead_gives() -> None:
    """'Workaround: Follow these steps' is named by its lead's case ('If you have ...')."""
    tree = draft_tree(support(FUTURE, id_="support-f3", title="Code 31"))
    titles = outcome_titles(tree)
    assert "Workaround: If you have already installed the operating system" in titles
    assert "Workaround: Follow these steps" not in titles


LONG_ONE = (
    SYMPTOMS + "WORKAROUND\n==========\n\n"
    "Make sure that the schedule on the connector of the remote Directory Replication "
    "Bridgehead is not set to Never. If it is, set it to Always.\n"
)


def test_a_fix_cut_by_length_is_titled_by_its_whole_sentence() -> None:
    """A one-sentence fix cut at the label length ('... on the connector') is whole."""
    titles = outcome_titles(draft_tree(mskb(LONG_ONE)))
    assert (
        "Workaround: Make sure that the schedule on the connector of the remote Directory "
        "Replication Bridgehead is not set to Never"
    ) in titles


HOW_TO = (
    SYMPTOMS + "RESOLUTION\n==========\n\n"
    "The following steps illustrate how to handle property change notifications.\n\n"
    "1. Place the control in the dialog template.\n\n"
    "2. Add a handler for the OnChanged notification.\n\n"
    "3. Rebuild the container application.\n"
)


def test_steps_that_illustrate_how_to_do_x_are_titled_x() -> None:
    """'The following steps illustrate how to handle X' is titled 'Handle X'."""
    titles = outcome_titles(draft_tree(mskb(HOW_TO)))
    assert "Resolution: Handle property change notifications" in titles


KDS = (
    "## Symptoms\n\nServices that use the gMSA do not start.\n\n"
    "## Workaround\n\nTo work around this issue, use one of the following methods:\n\n"
    "- Configure the startup type of the Microsoft Key Distribution Service (KdsSvc) to "
    "**Automatic** instead of **Trigger Start**.\n"
    "- Change the trigger for the Microsoft Key Distribution Service (KdsSvc) to start the "
    "service as soon as the network is available by using the following command:\n\n"
    "  ```console\n  sc triggerinfo kdssvc start/networkon\n  ```\n"
)


def test_a_label_cut_inside_an_infinitive_ends_before_it() -> None:
    """'Change the trigger for ... (KdsSvc) to start' never ends on its cut infinitive."""
    tree = draft_tree(support(KDS, id_="support-f4", title="gMSA services do not start"))
    titles = outcome_titles(tree)
    assert "Change the trigger for the Microsoft Key Distribution Service (KdsSvc)" in titles
    assert not any(t.endswith(" to start") for t in titles)


def test_when_to_choose_says_the_case_a_fix_section_opens_with() -> None:
    """'To prevent this issue during future installs, ...' is said in the fix's note."""
    help_text = fixes_help(draft_tree(support(FUTURE, id_="support-f5", title="Code 31")))
    assert "(1) prevents it during future installs" in help_text
