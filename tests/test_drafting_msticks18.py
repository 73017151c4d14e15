"""Round 18 (msticks18): modern ticks that are no action (a list of bare names, example
lines, a command's legend, "E.g." and "also supports" notes, "check after every step")
are shown, and an action said only in a lead-in is ticked (seed-56 readers' notes)."""

from __future__ import annotations

from drafting_support import details, fixes, runbook, support, ticks

from kbassist.drafting.tree import draft_tree

SYMPTOMS = (
    "## Symptoms\n\n"
    "Widget replication fails and the WIDGETS share is missing on the server.\n\n"
    "## Cause\n\n"
    "This issue occurs because the widget service can't create its folders.\n\n"
)


def _fix(tree: dict) -> dict:
    (fix,) = fixes(tree)
    return fix


def test_a_folder_tree_is_one_block_not_a_tick_per_name() -> None:
    """A directory tree under "Widget directory structure:" is shown under its step,
    indented, and its "{GUID}" folder is not asked as an input."""
    tree = draft_tree(
        support(
            SYMPTOMS + "## Resolution\n\n"
            "1. Check that the widget folder was created on the server.\n\n"
            "    Widget directory structure:\n\n"
            "    - domain\n"
            "      - Policies\n"
            "        - {GUID}\n"
            "          - Adm\n"
            "          - MACHINE\n"
            "        - {etc.,}\n"
            "      - scripts\n"
            "    - staging\n\n"
            "2. Restart the widget service.\n"
        )
    )
    fix = _fix(tree)
    assert ticks(fix) == [
        "Check that the widget folder was created on the server.",
        "Restart the widget service.",
    ]
    assert "- domain\n  - Policies\n    - {{GUID}}\n      - Adm" in details(fix)
    assert not any(n["kind"] == "input" for n in tree["nodes"])


def test_a_dialogs_options_are_the_detail_of_the_select_step() -> None:
    """ "..., and then select the following options:" over "Append to existing log file"
    and "Create crash dump": one step, the option names its detail."""
    fix = _fix(
        draft_tree(
            support(
                SYMPTOMS + "## Resolution\n\n"
                "1. At a command prompt, type *Widget.exe -I*, and then press Enter.\n"
                "2. At a command prompt, type *Widget.exe*, and then select the following"
                " options:\n\n"
                "    - **Append to existing log file**\n"
                "    - **Create crash dump**\n"
                "    - **Visual Notification**\n"
                "3. After the computer restarts, run Widget.exe again.\n"
            )
        )
    )
    assert len(ticks(fix)) == 3
    assert ticks(fix)[1].endswith("select the following options:")
    assert "- Create crash dump" in details(fix)


def test_use_and_dont_use_example_lines_are_shown() -> None:
    """ "Use NetBIOS name: 192.168.0.10 CNAME" / "Don't use FQDN: ..." after "The following
    example is for illustration only" are the example, not two ticks."""
    fix = _fix(
        draft_tree(
            support(
                SYMPTOMS + "## Resolution\n\n"
                "To work around this issue, follow these steps on the widget server:\n\n"
                "1. Implement the `WidgetOnWire` registry value.\n"
                "2. Edit the local Hosts file to include the CNAME record for the server.\n\n"
                "The following example is for illustration only. Use names and IP addresses"
                " that are valid for your network.\n\n"
                "Use NetBIOS name: 192.168.0.10 CNAME\n\n"
                "Don't use FQDN: 192.168.0.10 `CNAME.CONTOSO.COM`\n"
            )
        )
    )
    assert not any(t.startswith(("Use NetBIOS", "Don't use")) for t in ticks(fix))
    assert "Use NetBIOS name: 192.168.0.10 CNAME" in details(fix)


def test_an_action_said_only_in_the_lead_in_is_ticked_after_the_steps() -> None:
    """ "..., follow these steps on the print server, and then restart the Widget Spooler
    service:": the restart is the last tick."""
    fix = _fix(
        draft_tree(
            support(
                SYMPTOMS + "## Resolution\n\n"
                "To work around this issue, follow these steps on the print server, and then"
                " restart the Widget Spooler service:\n\n"
                "1. Implement the `WidgetOnWire` registry value.\n"
                "2. Edit the local Hosts file to include the CNAME record for the server.\n"
            )
        )
    )
    assert ticks(fix)[-1] == "Restart the Widget Spooler service."


def test_a_commands_legend_is_help_of_the_command_step() -> None:
    """ "In this command, X represents Y" is said under the command it explains."""
    fix = _fix(
        draft_tree(
            support(
                SYMPTOMS + "## Resolution\n\n"
                "1. At a command prompt, type *Widget.exe -I*, and then press Enter.\n"
                "2. Type `SetWidget -q host/WidgetName`, and then press Enter.\n\n"
                "    In this command, WidgetName represents the fully qualified domain name"
                " of the widget endpoint.\n\n"
                "3. Restart the widget service.\n"
            )
        )
    )
    assert not any(t.startswith("In this command") for t in ticks(fix))
    assert "In this command, WidgetName represents" in details(fix)


def test_for_example_and_also_supports_are_notes() -> None:
    """A runbook's "E.g. to determine who ...:" and "The `audit` subcommand also supports
    ..." (each over commands) are notes of the step before, not ticks."""
    fix = _fix(
        draft_tree(
            runbook(
                "## Meaning\n\nThe widget API server returns many failed requests.\n\n"
                "## Mitigation\n\n"
                "Install the widget-debug-tools as an oc plugin.\n\n"
                "Use the `audit` subcommands to gather information on the users that send the"
                " requests.\n\n"
                "E.g. to determine who generates the slow requests:\n\n"
                "```sh\noc widget audit -f ${log_dir} -otop --by=user\n```\n\n"
                "The `audit` subcommand also supports the `--failed-only` option which can be"
                " used to return failed requests only:\n\n"
                "```sh\noc widget audit -f ${log_dir} --by user --failed-only -otop\n```\n"
            )
        )
    )
    assert not any(t.startswith(("E.g.", "The audit")) for t in ticks(fix))
    assert "E.g. to determine who generates the slow requests:" in details(fix)
    assert "--failed-only -otop" in details(fix)


def test_check_after_every_step_is_the_outcomes_text() -> None:
    """ "Make sure that you check whether the problem is resolved after every step." says
    how to work through the steps: the outcome's text, never a tick."""
    tree = draft_tree(
        support(
            SYMPTOMS + "## Resolution\n\n"
            "To resolve this problem, follow these steps, in the order given. These steps"
            " will help you determine the cause of the problem. Make sure that you check"
            " whether the problem is resolved after every step.\n\n"
            "### Step 1: Check whether the widget service times out\n\n"
            "1. On the widget server, open Registry Editor.\n"
            "2. Click the **Control** subkey.\n\n"
            "### Step 2: Check the widget service account\n\n"
            "1. Open Services.msc, and then start the Widget service.\n"
        )
    )
    said = [t for fix in fixes(tree) for t in ticks(fix)]  # one fix, or one per step tried in turn
    assert said
    assert not any("after every step" in t for t in said)
    assert not any(t.startswith("Follow these steps") for t in said)


def test_what_a_step_does_is_shown_under_it_not_ticked_inline() -> None:
    """ "Click OK. This action modifies the ACLs on the Sysvol portion ...": the tick is
    the click; what it does is said under it."""
    fix = _fix(
        draft_tree(
            support(
                SYMPTOMS + "## Resolution\n\n"
                "If you have permissions to modify security on the default widgets, click"
                " **OK** in response to the message. This action modifies the ACLs on the"
                " widget folder and makes them consistent with the ACLs in the directory.\n"
            )
        )
    )
    assert ticks(fix)[0].endswith("click OK in response to the message.")
    assert details(fix).startswith("This action modifies the ACLs")
