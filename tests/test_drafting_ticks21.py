"""Checklist items that are no action of their own (round 21, ticks21): a statement
after a step is that step's note, and a case's lead over its own steps is shown under
the first of them, the steps ticked on the lead's answer only."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, details, fixes, questions, runbook, support, ticks, walked

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999921")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nThe compiler logo appears in the Build Results window every\n"
    "time you build a project.\n\n"
)
CAUSE = "CAUSE\n=====\n\nThe Show Logo option is turned on by default.\n\n"
MODERN = (
    "## Symptoms\n\n"
    "The widget service doesn't start, and event 7000 is logged on the server.\n\n"
    "## Cause\n\n"
    "This issue occurs because the widget driver is out of date.\n\n"
)


def test_archive_statement_after_a_step_is_its_note() -> None:
    """'3. If the project is built from a command prompt, the logo is also shown in the
    Output window.' is shown under the step it follows, not ticked between the steps."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To turn off the logo, do the following:\n\n"
        "1. On the Tools menu, click Options.\n\n"
        "2. Click to clear the Show Logo check box.\n\n"
        "3. If the project is built from a command prompt, the logo is also shown in\n"
        "  the Output window.\n\n"
        "4. Choose OK.\n\n"
        "After performing the steps above, the compiler logo will no longer be shown in\n"
        "the Build Results window.\n"
    )
    tree = draft_tree(article)
    (fix,) = fixes(tree)
    said = ticks(fix)
    assert said == [
        "On the Tools menu, click Options.",
        "Click to clear the Show Logo check box.",
        "Choose OK.",
    ]
    assert "the logo is also shown in the Output window." in " ".join(details(fix).split())
    draft_text(article)  # lint-clean


def test_modern_case_result_after_a_step_is_its_note() -> None:
    """'If you do a hardware scan, the TPM will be detected as a security device ...'
    after the uninstall step is shown under it; the scan result is nothing to tick."""
    tree = draft_tree(
        support(
            MODERN + "## Resolution\n\n"
            "1. Open Device Manager on the server, and then uninstall the widget driver.\n"
            "2. If you do a hardware scan, the widget will be detected as a security device"
            " and will use the Microsoft driver. Additionally, the widget will now be"
            " listed under Security Devices.\n"
            "3. Restart the widget service.\n"
        )
    )
    (fix,) = fixes(tree)
    said = ticks(fix)
    assert not [t for t in said if "will be detected" in t], said
    assert said[-1] == "Restart the widget service."
    assert "the widget will be detected as a security device" in details(fix)


def test_runbook_fact_after_a_step_is_its_note_but_a_case_label_stays() -> None:
    """'Another host-level command is the free command ...' is a note of the step before
    it, while 'The client fails to send metrics.' over its own nested steps titles them
    (round 32: a group's title is shown with its steps, not ticked nor noted before)."""
    tree = draft_tree(
        runbook(
            "## Meaning\n\nThe widget client fails to send metrics.\n\n"
            "## Mitigation\n\n"
            "The resolution of the issue depends on the origin of the failure.\n\n"
            "- Check the memory of the node with the `top` command on the host.\n\n"
            "- Another host-level command is the `free`\n"
            "command which allows you to check the memory\n"
            "statistics of the node.\n\n"
            "- The client fails to send metrics to the server.\n\n"
            "  - If you use a firewall, make sure that it allows the client.\n"
        )
    )
    said = [t for fix in fixes(tree) for t in ticks(fix)]
    shown = "\n".join(details(fix) for fix in fixes(tree))
    assert not [t for t in said if t.startswith("Another host-level command")], said
    assert "Another host-level command is the free command" in shown
    assert any(t.startswith("Check the memory of the node") for t in said)
    steps = [s for fix in fixes(tree) for s in fix["steps"]]
    own = next(s for s in steps if s["text"].startswith("Make sure that it allows the client"))
    assert "The client fails to send metrics to the server" in own.get("detail", "")
    assert not [t for t in said if t.startswith("The client fails")], said


CASE_LEAD = (
    SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
    "If the problem is affecting all projects, then perform the following steps to\n"
    "change the default settings:\n\n"
    "1. On the Tools menu, click Options.\n\n"
    "2. Click to clear the Show Logo check box.\n\n"
    "If the problem is affecting one project, then change the settings of that\n"
    "project as follows:\n\n"
    "1. In Solution Explorer, right-click the project, and then click Properties.\n\n"
    "2. Click the Build tab, and then clear the Show Logo check box.\n\n"
    "3. Click OK.\n"
)


def test_archive_case_lead_steps_are_asked_with_it() -> None:
    """The steps under 'If the problem is affecting one project, then change the
    settings ... as follows:' are ticked only when that case applies, the lead shown
    under the first of them and not ticked itself."""
    article = mskb(CASE_LEAD)
    tree = draft_tree(article)
    (fix,) = fixes(tree)
    (case,) = questions(tree)
    assert not [t for t in ticks(fix) if t.endswith(":")], ticks(fix)
    assert "as follows:" in details(fix)
    yes = [c["value"] for c in case["choices"] if c["value"] == "yes"]
    no = [c["value"] for c in case["choices"] if c["value"] != "yes"]
    both = {case["var"]: yes[0], "symptom": "yes"}
    neither = {case["var"]: no[0], "symptom": "yes"}
    asked = " ".join(i.text for i in walked(article, both).items)
    skipped = " ".join(i.text for i in walked(article, neither).items)
    assert "In Solution Explorer, right-click the project" in asked
    assert "Click the Build tab" in asked
    assert "In Solution Explorer" not in skipped
    assert "Click the Build tab" not in skipped
    assert "Click to clear the Show Logo check box" in skipped
    draft_text(article)  # lint-clean


def test_modern_nested_case_lead_asks_only_its_own_steps() -> None:
    """'If you are using SQL Server ..., follow these steps to reset the permission
    ...:' inside step 2 puts its three sub-steps on its answer; step 3 stays on every
    answer."""
    article = support(
        MODERN + "## Resolution\n\n### Step 1: Check the widget service account\n\n"
        "1. Check whether the widget service is running under a valid service account.\n\n"
        "2. Check whether the service account has sufficient permissions in the widget"
        " database.\n\n"
        "    If you are using SQL Server as configuration server, follow these steps to reset"
        " the permission for service account:\n\n"
        "    1. At a command prompt, run the following command:\n\n"
        "        ```console\n"
        "        widgetconfig.exe /CreateSQLScripts\n"
        "        ```\n\n"
        "    2. Copy the script that you created to the server that is running SQL Server.\n"
        "    3. Run the script on the server.\n\n"
        "3. Restart the widget service.\n"
    )
    tree = draft_tree(article)
    steps = {" ".join(s["text"].split()): s.get("when") for f in fixes(tree) for s in f["steps"]}
    assert not [t for t in steps if t.startswith("Follow these steps")], steps
    lead_when = steps["At a command prompt, run the following command:"]
    assert lead_when
    assert steps["Copy the script that you created to the server that is running SQL Server."]
    assert steps["Run the script on the server."] == lead_when
    assert steps["Restart the widget service."] is None
    shown = "\n".join(details(f) for f in fixes(tree)).casefold()
    assert "follow these steps to reset the permission" in shown


def test_announcing_lead_is_shown_under_its_first_check() -> None:
    """'If you receive a message that X, to troubleshoot the issue check the following:'
    over its bulleted checks is shown under the first check, not ticked before it."""
    tree = draft_tree(
        support(
            MODERN + "## Resolution\n\n"
            "If you receive a message that the widget service failed to start, to"
            " troubleshoot the issue check the following:\n\n"
            "- Determine the error. A message is shown in the UI or in the *summary.txt*"
            " log.\n\n"
            "- Verify if the type of startup service is automatic or manual.\n\n"
            "- Verify that the account and password is valid and hasn't expired.\n"
        )
    )
    (fix,) = fixes(tree)
    said = ticks(fix)
    assert not [t for t in said if t.startswith("If you receive a message")], said
    assert said[0].startswith("Determine the error.")
    assert "to troubleshoot the issue check the following:" in details(fix)
