"""Drafted walks for modern articles (issue 13): alert runbooks and MS support Markdown read
through their markup: plain symptom and cause from their own sections, deprecated and
redirect runbooks, commands kept with their step, cases and causes asked, not all run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from drafting_support import runbook, support, walked

from kbassist.articles import parse_article
from kbassist.drafting.tree import draft_tree
from kbassist.trees.checklist import Checklist


def steps(checklist: Checklist) -> list[tuple[str, str]]:
    return [(i.text, i.detail) for i in checklist.part("steps")]


def keep_checks_ticked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Draft without round 11's pass that shows an alert runbook's Diagnosis checks in an
    info step (same wording) instead of ticks: these tests read that wording as items."""
    monkeypatch.setattr("kbassist.drafting.tree.checks_not_ticked", lambda tree, article: None)


def node(tree: dict[str, Any], node_id: str) -> dict[str, Any]:
    return next(n for n in tree["nodes"] if n["id"] == node_id)


def labels(tree: dict[str, Any]) -> list[str]:
    return [c["label"] for n in tree["nodes"] for c in n.get("choices", [])]


def outcome_titles(tree: dict[str, Any]) -> list[str]:
    return [n["title"] for n in tree["nodes"] if n["kind"] == "outcome"]


# --------------------------------------------------------------------------- symptom, cause


def test_symptom_keeps_the_whole_scenario_and_the_quoted_message() -> None:
    """A scenario list and the message its colon lead-in introduces are the symptom."""
    art = support(
        "## Symptoms\n\nConsider the following scenario:\n\n"
        "- You create an SSIS package that loads data.\n"
        "- User Account Control (UAC) is turned on.\n\n"
        "In this scenario, you receive the following error message:\n\n"
        "> Error 0xC0202071: Unable to bulk copy data.\n\n"
        "## Resolution\n\nRun the package from an elevated command prompt.\n"
    )
    symptom = draft_tree(art)["symptom"]
    assert "UAC" in symptom
    assert "0xC0202071" in symptom
    assert ">" not in symptom


def test_markdown_markup_is_plain_text_in_symptom_labels_and_steps() -> None:
    """`**bold**`, `[text](url)` and `<details>` never reach a label, the symptom or a step."""
    art = support(
        "## Symptoms\n\nThe printers list is blank in the [Print Management Console]"
        "(https://learn.microsoft.com/pmc).\n\n<details>\n<summary>Full context</summary>\n\n"
        "The drivers list still shows.\n\n</details>\n\n"
        "## Resolution\n\nAdd a DNS **A Record** for the system running PMC.\n"
    )
    tree = draft_tree(art)
    texts = [tree["symptom"], *labels(tree), *outcome_titles(tree)]
    texts += [s["text"] for n in tree["nodes"] for s in n.get("steps", [])]
    assert not [t for t in texts if "**" in t or "](" in t or "<summary>" in t]
    assert "Print Management Console" in tree["symptom"]


def test_a_runbook_cause_comes_from_its_diagnosis_when_there_is_no_cause_heading() -> None:
    """ "This can occur when ..." in Diagnosis is the cause, not "gives no cause"."""
    art = runbook(
        "## Meaning\n\nThis alert fires when etcd has fewer members than it needs.\n\n"
        "## Diagnosis\n\nThis can occur when control plane nodes are powered off.\n\n"
        "## Mitigation\n\nStart the control plane nodes that are powered off.\n"
    )
    tree = draft_tree(art)
    assert "powered off" in tree["cause"]
    assert node(tree, "cause")["kind"] == "info"


def test_a_status_by_design_is_the_cause_of_a_support_article() -> None:
    """A Status that says "by design" is the article's cause, shown as such."""
    art = support(
        "## Symptoms\n\nAfter you rename a user account, the profile path keeps the old name.\n\n"
        "## Status\n\nThis behavior is by design.\n\n"
        "## Workaround\n\nChange the ProfileImagePath value for the user's SID.\n"
    )
    assert "by design" in draft_tree(art)["cause"]


# --------------------------------------------------------------------------- honest outcomes


def test_a_deprecated_runbook_offers_silencing_first() -> None:
    """ "This alert is deprecated. You can safely ignore or silence it" is the first option."""
    art = runbook(
        "This alert is deprecated. You can safely ignore or silence it.\n\n"
        "## Meaning\n\nThis alert fires when the cluster uses single stack IPv6.\n\n"
        "## Mitigation\n\nUse dual stack networking instead.\n"
    )
    tree = draft_tree(art)
    choices = node(tree, "mitigation")["choices"]
    assert choices[0]["label"].startswith("Deprecated")
    first = node(tree, choices[0]["next"])
    assert "safely ignore" in first["steps"][0]["text"]


def test_a_redirect_runbook_names_where_to_go() -> None:
    """ "See [Node RAID Degraded]({{< ref ... >}})" is an outcome that names that runbook."""
    art = runbook('See [Node RAID Degraded]({{< ref "./NodeRAIDDegraded.md" >}})\n')
    tree = draft_tree(art)
    assert "{{<" not in tree["symptom"]
    assert any("Node RAID Degraded" in t for t in outcome_titles(tree))
    assert "Read the article" not in outcome_titles(tree)


def test_an_always_firing_alert_is_not_verified_by_it_stopping() -> None:
    """An inhibitor or watchdog alert keeps firing: its verify never asks it to stop."""
    art = runbook(
        "## Meaning\n\nThis alert is always firing, to show that the alerting pipeline works.\n\n"
        "## Mitigation\n\nRoute this alert to a null receiver in Alertmanager.\n"
    )
    verify = walked(art, {"symptom": "yes"}).part("verify")
    assert verify and not any("stops firing" in i.text for i in verify)


# --------------------------------------------------------------------------- steps


def test_a_command_after_its_action_is_that_steps_detail() -> None:
    """ "Check if an upgrade is in progress." then `oc adm upgrade`: one step, not two."""
    art = runbook(
        "## Meaning\n\nThe cluster is degraded.\n\n## Mitigation\n\n"
        "Check if an upgrade is in progress.\n\n```console\n$ oc adm upgrade\n```\n\n"
        "Restart the operator pod:\n\n```console\n$ oc delete pod -l app=operator\n```\n\n"
        'Example output:\n\n```text\npod "operator-1" deleted\n```\n'
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert [t for t, _ in got] == [
        "Check if an upgrade is in progress.",
        "Restart the operator pod:",
    ]
    assert "oc adm upgrade" in got[0][1]
    assert "Example output:" in got[1][1]


def test_every_diagnosis_check_is_kept_not_only_the_first_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A long Diagnosis keeps its last check (`etcdctl endpoint health`) before the fix."""
    keep_checks_ticked(monkeypatch)
    checks = "".join(
        f"Check item {n} of the cluster:\n\n```console\n$ oc get thing{n}\n```\n\n"
        for n in range(1, 9)
    )
    art = runbook(
        "## Meaning\n\nEtcd is unhealthy.\n\n## Diagnosis\n\n"
        + checks
        + "Get the health of etcd:\n\n```console\n$ etcdctl endpoint health\n```\n\n"
        "## Mitigation\n\nRestart the etcd pods.\n"
    )
    details = [d for _, d in steps(walked(art, {"symptom": "yes"}))]
    assert any("etcdctl endpoint health" in d for d in details)


# --------------------------------------------------------------------------- cases asked


def test_prose_cases_of_a_mitigation_are_asked_and_keep_their_link() -> None:
    """ "If an upgrade ..., ...; If MCO ..., ...; As a last resort ..." -> "What did you find?"."""
    art = runbook(
        "## Meaning\n\nEtcd lost quorum.\n\n## Mitigation\n\n"
        "If an upgrade is in progress, wait until the master node comes up again. "
        "If MCO is not working on the master node, check the cloud provider console.\n\n"
        "As a last resort if none of the above fix the issue, follow the "
        "[disaster recovery docs](https://docs.example.com/dr).\n"
    )
    tree = draft_tree(art)
    question = node(tree, "mitigation")
    assert question["title"] == "What did you find?"
    assert [c["label"] for c in question["choices"]] == [
        "An upgrade is in progress",
        "MCO is not working on the master node",
        "Last resort: none of the above fix the issue",
    ]
    last = steps(walked(art, {"symptom": "yes", "mitigation": "mitigation_3"}))
    assert "https://docs.example.com/dr" in last[-1][1]
    assert not any("cloud provider" in t for t, _ in last)


def test_fixes_named_by_their_cause_run_only_for_the_cause_found() -> None:
    """ "Image issues: fix ...", "Storage: resolve ..." -> "Which cause did you find?"."""
    art = runbook(
        "## Meaning\n\nMany pods failed.\n\n## Mitigation\n\n1. Resolve root cause:\n\n"
        "    - Image issues: fix registry access or credentials.\n"
        "    - Storage: resolve attach and mount failures.\n"
    )
    tree = draft_tree(art)
    ask = next(n for n in tree["nodes"] if n.get("title") == "Which cause did you find?")
    assert [c["label"] for c in ask["choices"]][:2] == ["Image issues", "Storage"]
    got = [t for t, _ in steps(walked(art, {"symptom": "yes", ask["var"]: "cause_2"}))]
    assert any("resolve attach" in t for t in got)
    assert not any("registry access" in t for t in got)


def test_a_list_of_if_cases_is_one_option_each_named_by_the_error() -> None:
    """ "- If the pod logs the following errors: `X`" items are options named by X."""
    art = runbook(
        "## Meaning\n\nThe OS pivot failed.\n\n## Mitigation\n\n"
        "- If the daemon pod is logging the following errors, rpm-ostree is stuck.\n\n"
        "  ```console\n  error: Transaction in progress\n  ```\n\n"
        "  Restart the rpm-ostreed service on the node.\n\n"
        "- If the daemon pod is logging the following errors, the network is failing.\n\n"
        "  ```console\n  received unexpected HTTP status: 500\n  ```\n\n"
        "  Make sure that quay.io is allowed by your firewall.\n"
    )
    choices = node(draft_tree(art), "mitigation")["choices"]
    assert [c["label"].split(": ", 1)[1] for c in choices] == [
        "error: Transaction in progress",
        "received unexpected HTTP status: 500",
    ]


# --------------------------------------------------------------------------- inputs, labels


def test_a_placeholder_found_by_an_earlier_command_says_where_to_find_it() -> None:
    """`<node_name>` after `oc get nodes`: its input's help points at that step."""
    art = runbook(
        "## Meaning\n\nA node is not ready.\n\n## Mitigation\n\n"
        "List the worker nodes:\n\n```console\n$ oc get nodes\n```\n\n"
        "Describe the node that is NotReady:\n\n```console\n$ oc describe node <node_name>\n```\n"
    )
    tree = draft_tree(art)
    ask = next(n for n in tree["nodes"] if n["kind"] == "input")
    assert "List the worker nodes" in ask["help"]


def test_a_system_path_in_a_support_article_is_not_asked() -> None:
    """`C:\\Windows\\System32\\svchost.exe` is the article's path, never an input."""
    art = support(
        "## Symptoms\n\nThe Start menu does not open.\n\n## Resolution\n\n"
        "Check that C:\\Windows\\System32\\svchost.exe is running, and restart the computer.\n"
    )
    assert not [n for n in draft_tree(art)["nodes"] if n["kind"] == "input"]


def test_fix_alerts_before_continuing_is_said_first_not_offered_as_a_fix() -> None:
    """A "Fix alerts before continuing" part is said before the fix, not a cut choice."""
    art = runbook(
        "## Meaning\n\nNorthd is inactive.\n\n## Impact\n\nThe network is degraded.\n\n"
        "### Fix alerts before continuing\n\nResolve any alerts that may cause this alert.\n\n"
        "## Mitigation\n\nDelete the ovnkube-control-plane pod.\n"
    )
    tree = draft_tree(art)
    assert not [label for label in labels(tree) if "lerts" in label]
    fix = next(n for n in tree["nodes"] if n["kind"] == "outcome" and n["id"] != "not_this_article")
    assert "Resolve any alerts" in fix["text"]


def test_diagnosis_steps_for_one_version_are_shown_for_that_version() -> None:
    """ "For clusters at versions 4.13 or earlier, ..." / "... 4.14 or later": asked once."""
    art = runbook(
        "## Meaning\n\nNorthd is inactive.\n\n## Diagnosis\n\n"
        "For clusters at versions 4.13 or earlier, exec into the ovnkube-master pod:\n\n"
        "```console\noc exec -it ovnkube-master-0 -c northd -- bash\n```\n\n"
        "For clusters at versions 4.14 or later, exec into the ovnkube-node pod:\n\n"
        "```console\noc exec -it ovnkube-node-0 -c northd -- bash\n```\n\n"
        "## Mitigation\n\nRestart the northd container.\n"
    )
    tree = draft_tree(art)
    ask = next(n for n in tree["nodes"] if n.get("title") == "Which of these applies here?")
    later = ask["choices"][1]["value"]
    got = " ".join(d for _, d in steps(walked(art, {"symptom": "yes", ask["var"]: later})))
    assert "ovnkube-node-0" in got
    assert "ovnkube-master-0" not in got


def test_a_fix_stated_in_the_cause_is_an_option_not_read_the_article() -> None:
    """ "To resolve this issue, install update X." inside Cause becomes the outcome."""
    art = support(
        "## Symptoms\n\nClients can't connect and get the Class not registered error.\n\n"
        "## Cause\n\nThis issue occurs when the user has a mandatory profile. "
        "To resolve this issue, install the July 24, 2018 update for Windows 10.\n"
    )
    tree = draft_tree(art)
    assert "Read the article" not in outcome_titles(tree)
    assert "To resolve" not in tree["cause"]
    assert any("install the july 24, 2018 update" in t.lower() for t in outcome_titles(tree))


def test_a_helper_page_of_commands_is_walked_not_read() -> None:
    """A how-to with no fix heading gives its commands as steps, with its placeholder asked."""
    text = (
        "---\nid: checkNode\ntitle: checkNode\n---\n\n# Check node status\n\n"
        "Run the following to list the worker nodes:\n\n```bash\noc get nodes\n```\n\n"
        "Describe the node which is NotReady:\n\n```bash\noc describe node <node_name>\n```\n"
    )
    art = parse_article(text, Path("checkNode.md"))
    tree = draft_tree(art)
    assert "Read the article" not in outcome_titles(tree)
    ask = next(n for n in tree["nodes"] if n["kind"] == "input")
    got = steps(walked(art, {ask["var"]: "worker-3"}))
    assert "oc describe node worker-3" in got[-1][1]


def test_a_guidance_article_asks_which_symptom_and_leads_to_its_own_fix() -> None:
    """ "### Symptom: X" sections: "Which of these do you see?", each to its resolution."""
    art = support(
        "## Basic troubleshooting\n\nCheck that the Start menu package is installed.\n\n"
        "## Common errors and mitigation\n\n"
        "### Symptom: Start Menu doesn't respond\n\n#### Cause\n\n"
        "The BrokerInfrastructure service isn't started.\n\n#### Resolution\n\n"
        "Set the Background Tasks Infrastructure Service to automatic startup.\n\n"
        "### Symptom: The All Apps list is missing\n\n#### Cause\n\n"
        "A policy hides the list.\n\n#### Resolution\n\n"
        "Disable the Remove All Programs list policy.\n",
        title="Troubleshoot Start menu errors",
    )
    tree = draft_tree(art)
    question = node(tree, "mitigation")
    assert question["title"] == "Which of these do you see?"
    assert [c["label"] for c in question["choices"]] == [
        "Start Menu doesn't respond",
        "The All Apps list is missing",
    ]
    second = node(tree, question["choices"][1]["next"])
    assert "A policy hides the list" in second["text"]
    assert [s["text"] for s in second["steps"]] == ["Disable the Remove All Programs list policy."]
    assert not [label for label in labels(tree) if label.startswith("Resolution (")]


def test_an_important_note_limiting_the_fix_is_shown_with_it() -> None:
    """ "Don't apply the workaround to ... Windows 10 or later" is shown with the fix."""
    art = support(
        "When you rename a user account, the profile path isn't changed.\n\n"
        "> [!IMPORTANT]\n> Don't apply the workaround to computers that are running "
        "Windows 10 or later.\n\n## Status\n\nThis behavior is by design.\n\n"
        "## Workaround\n\n1. Log in by using another administrative account.\n"
        "2. Rename the profile folder to the new user name.\n"
    )
    fix = next(n for n in draft_tree(art)["nodes"] if n["id"].startswith("workaround"))
    assert "Don't apply the workaround" in fix["text"]


def test_a_placeholder_the_article_explains_has_that_explanation_as_help() -> None:
    """ "Replace <User SID> with the SID of your user account." is the input's help."""
    art = support(
        "## Symptoms\n\nThe profile path keeps the old name.\n\n## Workaround\n\n"
        "1. Log in by using another administrative account.\n\n"
        "   > [!NOTE]\n   > You may need to create the account first.\n\n"
        "2. Modify the ProfileImagePath value under this key:\n\n"
        "   `HKEY_LOCAL_MACHINE\\SOFTWARE\\ProfileList\\<User SID>`\n\n"
        "   > [!NOTE]\n   > Replace \\<User SID\\> with the SID of your user account.\n"
    )
    ask = next(n for n in draft_tree(art)["nodes"] if n["kind"] == "input")
    assert "SID of your user account" in ask["help"]


def test_fix_sub_headings_named_by_their_cause_are_cases_and_verify_is_shared() -> None:
    """ "Halted due to X" sub-headings are cases; "Verify Resolution" is each one's verify."""
    art = runbook(
        "## Meaning\n\nThe compactor halted.\n\n## Mitigation\n\n"
        "### 1. Halted due to disk full\n\nExpand the PVC of the compactor.\n\n"
        "### 2. Halted due to data corruption\n\nDelete the corrupted block from the bucket.\n\n"
        "### 3. Verify Resolution\n\nConfirm that the halted metric is back to 0.\n"
    )
    tree = draft_tree(art)
    question = node(tree, "mitigation")
    assert question["title"] == "What did you find?"
    assert [c["label"] for c in question["choices"]] == [
        "Halted due to disk full",
        "Halted due to data corruption",
    ]
    second = walked(art, {"symptom": "yes", "mitigation": question["choices"][1]["value"]})
    assert [t for t, _ in steps(second)] == ["Delete the corrupted block from the bucket."]
    assert any("back to 0" in i.text for i in second.part("verify"))


def test_a_tool_named_by_the_fix_runs_with_the_usage_the_article_shows() -> None:
    """ "by using the RegDelNull tool" + More information `regdelnull <path> [-s]`: a step."""
    art = support(
        "## Symptoms\n\nYou get the error: Error while deleting key.\n\n## Resolution\n\n"
        "Replace the null character first. You can do this by using the RegDelNull tool.\n\n"
        "## More information\n\n```console\nUsage: regdelnull <path> [-s]\n```\n"
    )
    tree = draft_tree(art)
    ask = next(n for n in tree["nodes"] if n["kind"] == "input")
    got = steps(walked(art, {"symptom": "yes", ask["var"]: "HKCU\\Software\\Bad"}))
    shown = "\n".join(detail for _, detail in got)
    # the usage said as the command to type (mssteps15), its option under it
    assert "regdelnull HKCU\\Software\\Bad\n" in shown and "Optional: -s" in shown
    assert not [t for t in outcome_titles(tree) if t.startswith("Resolution: To ")]


def test_error_message_items_of_a_troubleshooting_list_are_cases_named_by_the_message() -> None:
    """ "- Error message 1: X" / "- Error message 2: Y" under Troubleshooting: one case each."""
    art = support(
        "## Symptoms\n\nThe Log Reader Agent fails.\n\n## Troubleshooting\n\n"
        '- Error message 1: "LogReader Failed to Construct Replicated Command"\n\n'
        "  Run DBCC PAGE to find the object.\n\n"
        "- Error message 2: **LogReader Timeout**\n\n"
        "  Increase the QueryTimeout parameter of the Log Reader Agent.\n"
    )
    question = node(draft_tree(art), "mitigation")
    assert [c["label"] for c in question["choices"]] == [
        "LogReader Failed to Construct Replicated Command",
        "LogReader Timeout",
    ]


def test_symptom_message_choices_carry_no_quote_markup() -> None:
    """Messages quoted as `- > message` are choices without the `>` or a `\\<` escape."""
    art = support(
        "## Symptoms\n\nYou may receive one of the following error messages:\n\n"
        "- > 18805 LogReader Failed \\<Time stamp>\n- > LogReader Timeout\n\n"
        "## Resolution\n\nIncrease the QueryTimeout parameter.\n"
    )
    choices = [c["label"] for c in node(draft_tree(art), "symptom")["choices"]]
    assert choices[:2] == ["18805 LogReader Failed <Time stamp>", "LogReader Timeout"]


def test_alert_text_with_a_placeholder_is_shown_not_run_or_asked() -> None:
    """ "Storage node <nod-name> went down." after "The alert message ...": shown, no input."""
    art = runbook(
        "## Meaning\n\nA storage node went down.\n\n## Mitigation\n\n"
        "The alert message will clearly indicate which node is down\n\n"
        "    Storage node <nod-name> went down. Please check the node immediately.\n\n"
        "Check the [gather logs](helpers/gatherLogs.md) helper and collect the logs.\n"
    )
    tree = draft_tree(art)
    assert not [n for n in tree["nodes"] if n["kind"] == "input"]
    got = steps(walked(art, {"symptom": "yes"}))
    # the remark and its sample alert are shown under the one action, not ticked
    assert [text for text, _ in got] == [
        "Check the gather logs helper and collect the logs.",
    ]
    assert "Alert text: Storage node <nod-name> went down." in got[0][1]
    assert "helpers/gatherLogs.md" in got[0][1]


def test_a_note_after_the_last_alternative_stays_with_it() -> None:
    """The NOTE after "- ... set RegisterAllProvidersIP to 0" is shown under that fix."""
    art = support(
        "## Symptoms\n\nThe listener connection times out.\n\n## Resolution\n\n"
        "Use one of the following resolutions:\n\n"
        "- Add the MultiSubNetFailover parameter to your connection string.\n"
        "- Set the listener's RegisterAllProvidersIP value to 0.\n\n"
        "> [!NOTE]\n> After you set the value to 0, the next failover may be delayed.\n"
    )
    tree = draft_tree(art)
    last = node(tree, node(tree, "mitigation")["choices"][-1]["next"])
    assert "next failover may be delayed" in last["steps"][-1].get("detail", "")


def test_a_case_too_long_to_name_is_named_by_its_action() -> None:
    """ "If you run it from SSMS or BIDS or DTExecUI.exe ..., launch ..." -> "Launch ..."."""
    art = support(
        "## Symptoms\n\nThe SSIS package fails.\n\n## Resolution\n\n"
        "Use one of the following methods to work around the problem:\n\n"
        "- If you are running the package from either SQL Server Management Studio (SSMS) or "
        "Business Intelligence Development Studio (BIDS) or DTExecUI.exe, launch those tools "
        "under the elevated Administrator account.\n"
        "- Replace the SQL Server Destination components with OLE DB Destination components.\n"
    )
    labels_ = [c["label"] for c in node(draft_tree(art), "mitigation")["choices"]]
    assert labels_[0] == "Launch those tools under the elevated Administrator account"


def test_a_value_read_from_output_is_explained_and_a_sample_table_is_not_asked() -> None:
    """ "the table name <TableName> is returned" is the help; `<DateTime>` of a sample
    output table is never an input."""
    art = support(
        "## Symptoms\n\nA query against the secondary replica fails with error 2767.\n\n"
        "## Workaround\n\n1. Find the table of the statistics:\n\n"
        "   ```sql\n   select object_name(object_id) from sys.stats"
        " where name='<Stats>'\n   ```\n\n"
        "   After running the command, the table name <TableName> is returned.\n\n"
        "2. Show the statistics of the table:\n\n"
        "   ```sql\n   DBCC SHOW_STATISTICS('<TableName>', '<Stats>')\n   ```\n\n"
        "   | Name | Updated |\n   |---|---|\n   | <Stats> | <DateTime> |\n"
    )
    inputs = {n["title"]: n for n in draft_tree(art)["nodes"] if n["kind"] == "input"}
    assert not any("<DateTime>" in n["text"] for n in inputs.values())
    assert "is returned" in inputs["Table name"]["help"]


def test_the_actions_that_trigger_a_message_are_not_offered_as_messages() -> None:
    """ "... this error message when one of the following actions occurs:" lists triggers."""
    art = support(
        "## Symptoms\n\nYou may receive the following error message:\n\n"
        "> Key not valid for use in specified state.\n\n"
        "You may receive this error message when one of the following actions occurs:\n\n"
        "- The Report Server service starts.\n- You try to access the Reporting Services site.\n\n"
        "## Resolution\n\nRestore the symmetric key.\n"
    )
    assert node(draft_tree(art), "symptom")["title"] == "Does this match what you see?"


def test_a_case_step_keeps_what_its_pronoun_refers_to() -> None:
    """ "If the chronyd service is stopped, start it:" is not cut to "Start it:"."""
    art = runbook(
        "## Meaning\n\nThe node clock is not synchronising.\n\n## Mitigation\n\n"
        "Check the chronyd service:\n\n```console\nsystemctl status chronyd\n```\n\n"
        "If the chronyd service is stopped, start it:\n\n```console\nsystemctl start chronyd\n```\n"
    )
    ask = next(n for n in draft_tree(art)["nodes"] if n.get("var") == "if_1")
    got = [t for t, _ in steps(walked(art, {"symptom": "yes", ask["var"]: "yes"}))]
    assert "If the chronyd service is stopped, start it:" in got


def test_a_should_be_statement_is_a_step_and_prose_detail_has_no_tag() -> None:
    """ "This alert should be routed to ..." reads "Make sure this alert is routed to ..."."""
    art = runbook(
        "## Meaning\n\nThis is an alert that is used to inhibit info alerts.\n\n## Mitigation\n\n"
        "This alert should be routed to a null receiver in Alertmanager.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert got[0][0] == "Make sure this alert is routed to a null receiver in Alertmanager."
    art = runbook(
        "## Meaning\n\nA deprecated API was requested.\n\n## Mitigation\n\n"
        "Check the Description of the alert:\n\nDescription\n\nDetected deprecated API requests.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert "Detected deprecated API requests." in got[0][1]
    assert "Detail:" not in got[0][1]


def test_when_this_alert_fires_you_can_reads_as_the_action(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "When this alert fires, you can investigate ..." in Diagnosis is "Investigate ...",
    the heading shown over the steps it introduces (not a tick of its own)."""
    keep_checks_ticked(monkeypatch)
    art = runbook(
        "## Meaning\n\nDNS errors are high.\n\n## Diagnosis\n\n"
        "When this alert fires, you can investigate further by using the Network Observability"
        " interface:\n\n- Open the Network Health dashboard.\n- Open the alert details.\n\n"
        "## Mitigation\n\nFix the DNS configuration of the cluster.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert got[0][0] == "Open the Network Health dashboard."
    assert "Investigate further by using the Network Observability interface:" in got[0][1]


def test_the_verify_checks_for_the_quoted_message_not_the_whole_scenario() -> None:
    """The verify names the message the symptom quotes, not a cut copy of the scenario."""
    art = support(
        "## Symptoms\n\nConsider the following scenario:\n\n- You configure a listener.\n"
        "- You connect with SQLCMD.\n\nIn this scenario, you receive an error message that is "
        "similar to the following:\n\n> Sqlcmd: Error: Login timeout expired.\n\n"
        "## Resolution\n\nAdd the MultiSubNetFailover parameter to your connection string.\n"
    )
    verify = walked(art, {"symptom": "yes"}).part("verify")
    assert [i.text for i in verify] == [
        "Check that this no longer appears: Sqlcmd: Error: Login timeout expired."
    ]


def test_a_command_in_the_paragraph_after_a_list_stays_with_its_step() -> None:
    """ "... by using the following command:" as the last item, `**sc ...**` after the list."""
    art = support(
        "## Symptom\n\nServices that use the gMSA do not start.\n\n## Resolution\n\n"
        "To work around this issue, use one of the following methods:\n"
        "- Configure the startup type of the KdsSvc service to **Automatic**.\n"
        "- Change the trigger for the KdsSvc service by using the following command:\n\n"
        "**sc triggerinfo kdssvc start/networkon**\n"
    )
    tree = draft_tree(art)
    last = node(tree, node(tree, "mitigation")["choices"][-1]["next"])
    assert last["steps"][-1].get("detail") == "sc triggerinfo kdssvc start/networkon"


def test_a_method_name_run_into_its_text_is_the_label_not_the_step() -> None:
    """ "**Method 1** View the report ..." is labelled "Method 1: View ...", the step "View ..."."""
    art = support(
        "## Symptoms\n\nDeadlocks occur when you view a report.\n\n## Cause\n\n"
        "This issue occurs because the data source is not synchronized.\n\n"
        "> Note the data source.\n\n## Resolution\n\n"
        "To work around this issue, use one of the following methods:\n\n"
        "- **Method 1** View the report directly from the document library.\n"
        "- **Method 2** Use a Report Viewer web part to display the report.\n"
    )
    tree = draft_tree(art)
    first = node(tree, node(tree, "mitigation")["choices"][0]["next"])
    assert first["title"].startswith("Method 1: View the report")
    assert first["steps"][0]["text"].startswith("View the report")
    assert ">" not in tree["cause"]


def test_fixes_per_product_version_are_chosen_by_the_version_run() -> None:
    """ "- **For SQL Server 2008 R2** The fix ... was first released in CU 11" per version."""
    art = support(
        "## Symptoms\n\nThe transaction log file does not grow.\n\n## Resolution\n\n"
        "- **For SQL Server 2008 R2**\n\n"
        "    The fix for this issue was first released in Cumulative Update 11.\n\n"
        "    > [!NOTE]\n    > Builds are cumulative.\n\n"
        "- **For SQL Server 2008 R2 Service Pack 1**\n\n"
        "    The fix for this issue was first released in Cumulative Update 4.\n"
    )
    tree = draft_tree(art)
    question = node(tree, "mitigation")
    assert question["title"] == "Which of these do you run?"
    assert [c["label"] for c in question["choices"]] == [
        "SQL Server 2008 R2",
        "SQL Server 2008 R2 Service Pack 1",
    ]
    second = node(tree, question["choices"][1]["next"])
    assert second["steps"][0]["text"].startswith("Install the update that fixes it: The fix")


def test_ways_to_choose_keep_the_steps_after_their_list_and_a_config_is_applied() -> None:
    """ "- For manual allocation: <yaml>" / "- For automatic ...": options; the step after
    the list (`oc debug node/<node>`) is in each; a YAML listing is applied, not run."""
    art = runbook(
        "## Meaning\n\nSystem memory exceeds the reservation.\n\n## Mitigation\n\n"
        "- For manual allocation:\n\n  ```yaml\n  kind: KubeletConfig\n  ```\n"
        "- For automatic allocation:\n\n  ```yaml\n  kind: KubeletConfig\n  auto: true\n  ```\n\n"
        "To see the top memory consumers on a node, run:\n\n"
        "```console\n$ oc debug node/<node>\n```\n"
    )
    tree = draft_tree(art)
    question = node(tree, "mitigation")
    assert question["title"] == "Which fix fits this system?"
    assert [c["label"] for c in question["choices"]] == [
        "Manual allocation",
        "Automatic allocation",
    ]
    ask = next(n for n in tree["nodes"] if n["kind"] == "input")
    got = steps(walked(art, {"symptom": "yes", "mitigation": "mitigation_2", ask["var"]: "w1"}))
    assert got[0][0] == "Apply this configuration:"
    assert "oc debug node/w1" in got[-1][1]


def test_an_example_of_what_a_step_shows_is_its_detail(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "The status for each type should be False. For example:" + output: detail, no step."""
    keep_checks_ticked(monkeypatch)
    art = runbook(
        "## Meaning\n\nAn operator is degraded.\n\n## Diagnosis\n\n"
        "Check the status conditions of the operator:\n\n```console\n$ oc get co\n```\n\n"
        "The status for each type should be False. For example:\n\n"
        "```text\nDegraded False\n```\n\n## Mitigation\n\nRestart the operator pod.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert [t for t, _ in got] == [
        "Check the status conditions of the operator:",
        "Restart the operator pod.",
    ]
    assert "Degraded False" in got[0][1]


def test_problem_sections_with_their_own_cause_and_resolution_are_symptom_cases() -> None:
    """ "### X doesn't respond" + "#### Cause" + "#### Resolution", twice: which one is seen."""
    art = support(
        "## Common errors\n\n### Start Menu doesn't respond\n\n#### Cause\n\n"
        "The BrokerInfrastructure service isn't started.\n\n#### Resolution\n\n"
        "Set the Background Tasks Infrastructure Service to automatic startup.\n\n"
        "### The All Apps list is missing\n\n#### Cause\n\nA policy hides the list.\n\n"
        "#### Resolution\n\nDisable the Remove All Programs list policy.\n",
        title="Troubleshoot Start menu errors",
    )
    question = node(draft_tree(art), "mitigation")
    assert question["title"] == "Which of these do you see?"
    assert [c["label"] for c in question["choices"]] == [
        "Start Menu doesn't respond",
        "The All Apps list is missing",
    ]


def test_a_placeholder_that_names_its_source_says_where_to_read_it() -> None:
    """`<osd podname from previous step>`: the input's help says the previous step has it."""
    art = runbook(
        "## Meaning\n\nA Ceph node went down.\n\n## Mitigation\n\n"
        "Find a failing osd pod:\n\n```console\n"
        "oc -n openshift-storage describe pods/<osd podname from previous step>\n```\n"
    )
    ask = next(n for n in draft_tree(art)["nodes"] if n["kind"] == "input")
    assert ask["help"].startswith("Its value comes from the previous step")


# --------------------------------------------------------------------------- round 2


def test_a_shell_variable_the_runbook_does_not_set_is_asked_and_used() -> None:
    """`$MCP_NAME` ("replace $MCP_NAME with ...") is an input whose answer is in the command."""
    art = runbook(
        "## Meaning\n\nThe pool is paused.\n\n## Mitigation\n\n"
        "For the commands below, replace `$MCP_NAME` with the name of your pool.\n\n"
        "Unpause the pool:\n\n```console\noc patch mcp $MCP_NAME --type=merge "
        '-p \'{"spec":{"paused":false}}\'\n```\n'
    )
    tree = draft_tree(art)
    ask = next(n for n in tree["nodes"] if n["kind"] == "input")
    assert ask["title"] == "MCP name" and "$MCP_NAME" in ask["text"]
    assert "name of your pool" in ask["help"]
    got = steps(walked(art, {"symptom": "yes", ask["var"]: "worker"}))
    assert any("oc patch mcp worker " in detail for _, detail in got)
    assert not any(text.startswith("For the commands below") for text, _ in got)


def test_a_shell_variable_the_runbook_sets_is_not_asked() -> None:
    """`export NAMESPACE=...` before `oc -n $NAMESPACE ...`: nothing to type; log lines neither."""
    art = runbook(
        "## Meaning\n\nNo leader.\n\n## Diagnosis\n\n"
        'Set the namespace:\n\n```bash\nexport NAMESPACE="$(oc get kubevirt -A '
        '-o custom-columns=NS:.metadata.namespace --no-headers)"\n```\n\n'
        "Check the logs:\n\n```bash\noc -n $NAMESPACE logs -l app=ctl\n```\n\n"
        "Example output:\n\n```\nI1130 12:15:18.635452  1 leaderelection.go:243] acquire "
        "lease <namespace>/ctl\n```\n\n"
        "## Mitigation\n\nRestart the controller:\n\n```bash\n"
        "oc -n $NAMESPACE rollout restart deployment ctl\n```\n"
    )
    assert not [n for n in draft_tree(art)["nodes"] if n["kind"] == "input"]


def test_a_label_over_sub_steps_is_said_with_the_first_of_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "Verify cluster access:" over a list of actions is no checklist item of its own."""
    keep_checks_ticked(monkeypatch)
    art = runbook(
        "## Meaning\n\nThe OSD is near full.\n\n## Diagnosis\n\n"
        "1. Verify cluster access:\n   - List the clusters you can access:\n\n"
        "     ```bash\n     ocm list clusters\n     ```\n\n"
        "   - Find the cluster ID of the mentioned cluster.\n\n"
        "## Mitigation\n\nDelete some data.\n"
    )
    got = [text for text, _ in steps(walked(art, {"symptom": "yes"}))]
    assert "Verify cluster access:" not in got
    assert got[0].startswith("Verify cluster access: List the clusters")


def test_fixes_named_by_cause_with_commands_are_asked_which_cause() -> None:
    """ "Stale lease: ..." / "RBAC permissions: ..." items with commands: one cause's fix runs."""
    art = runbook(
        "## Meaning\n\nNo leader pod.\n\n## Mitigation\n\n"
        "Based on the diagnosis results, apply the remediation that matches the root cause:\n\n"
        "- Stale lease: If the lease holder is not running, delete the lease:\n\n"
        "  ```bash\n  oc delete lease ctl\n  ```\n\n"
        "- RBAC permissions: Verify that the service account can update leases:\n\n"
        "  ```bash\n  oc auth can-i update leases\n  ```\n\n"
        "- Validate resolution: Confirm that one pod holds the lease.\n"
    )
    tree = draft_tree(art)
    ask = next(n for n in tree["nodes"] if n.get("title") == "Which cause did you find?")
    assert [c["label"] for c in ask["choices"]][:2] == ["Stale lease", "RBAC permissions"]
    got = steps(walked(art, {"symptom": "yes", ask["var"]: "cause_2"}))
    assert [t for t, _ in got] == [
        "RBAC permissions: verify that the service account can update leases:"
    ]
    assert "oc auth can-i update leases" in got[0][1]
    verify = walked(art, {"symptom": "yes", ask["var"]: "cause_2"}).part("verify")
    assert "one pod holds the lease" in verify[0].text


def test_bounded_sub_headings_under_mitigation_are_alternatives() -> None:
    """ "### 2. Current size < 1 TB" and "### 3. Current size = 4TB" are choices, not one list."""
    art = runbook(
        "## Meaning\n\nThe OSD is near full.\n\n## Mitigation\n\n### 1. Delete Data\n\n"
        "Delete some data, and the cluster resolves the alert.\n\n"
        "### 2. Current size < 1 TB, Expand to 4 TB\n\nIncrease capacity via the addon.\n\n"
        "### 3. Current size = 4TB\n\nPlease contact Dedicated Support.\n"
    )
    tree = draft_tree(art)
    assert labels(tree)[-3:] == [
        "Delete Data",
        "Current size < 1 TB, Expand to 4 TB",
        "Current size = 4TB",
    ]
    third = node(tree, "mitigation_3")
    assert third["steps"][0]["text"] == "Please contact Dedicated Support."


def test_an_alert_is_verified_by_clearing_not_by_a_copy_of_its_meaning() -> None:
    """The verify ends with the alert clearing; the Meaning paragraph is not pasted into it
    bare (its condition is named only as what must no longer hold, round 9)."""
    art = runbook(
        "## Meaning\n\nA VirtualMachineInstance reported a guest CPU run-queue length greater "
        "than 20 runnable threads within the last scrape window.\n\n"
        "## Mitigation\n\nLive-migrate the VM.\n"
    )
    *before, verify = walked(art, {"symptom": "yes"}).part("verify")
    assert verify.text.startswith("Check that the TestAlert alert clears")
    assert "scrape window" not in verify.text
    assert all(v.text.startswith("Check that the condition the alert fires on") for v in before)


def test_a_stub_runbook_says_it_has_no_guidance() -> None:
    """A runbook whose Diagnosis and Mitigation are "TODO" gets an honest outcome."""
    art = runbook("## Meaning\n\nPLEG is slow.\n\n## Diagnosis\n\nTODO\n\n## Mitigation\n\nTODO\n")
    tree = draft_tree(art)
    assert outcome_titles(tree)[0] == "The runbook has no guidance yet"
    checklist = walked(art, {"symptom": "yes"})
    assert not any(i.text == "TODO" for i in checklist.part("steps"))
    assert "stops firing" not in checklist.part("verify")[0].text


def test_event_log_fields_and_lead_ins_are_not_symptom_choices() -> None:
    """ "Log Name: System Source: ..." and "If you try to ..." are no messages to pick."""
    art = support(
        "## Symptoms\n\nYou may experience any of the following symptoms:\n\n"
        "- You receive the error message: Error: 0x8000FFFF\n"
        "- The following event may be logged in the Application log:\n"
        "- Event Type: Error Event Source: VSS\n"
        "- If you try to create a new partition using Diskpart.exe\n"
        "- The list is blank.\n\n"
        "## Resolution\n\nDelete the Subscriptions registry subkey.\n"
    )
    choices = labels(draft_tree(art))
    assert not [c for c in choices if c.startswith(("Event Type", "If you try"))]
    assert any("Application log" in c for c in choices)


def test_an_error_and_the_event_it_logs_are_one_symptom() -> None:
    """An error and its event entry happen together: no "Which of these do you see?"."""
    art = support(
        "## Symptoms\n\n1. Users receive the following error when they log on:\n\n"
        "    > There are currently no logon servers available to service the logon request.\n\n"
        "2. LsaSrv Event 45058, logged in the System event log, indicates that the cached "
        "credential was deleted:\n\n    > Log Name: System  \n    Source: LsaSrv  \n"
        "    Event ID: 45058\n\n"
        "## Resolution\n\nAllow cached credentials on the computer.\n"
    )
    confirm = node(draft_tree(art), "symptom")
    assert confirm["title"] == "Does this match what you see?"


def test_a_result_of_an_earlier_step_is_not_asked_before_the_steps() -> None:
    """ "If the VSS writers are now listed, ..." stays a step, not an up-front question."""
    art = support(
        "## Symptoms\n\nThe list of writers is blank.\n\n## Resolution\n\n"
        "1. At the command prompt, type vssadmin list writers, and then press Enter.\n"
        "2. If the VSS writers are now listed, close the Command Prompt window.\n"
        "3. Restart the VSS service.\n"
    )
    tree = draft_tree(art)
    assert not [n for n in tree["nodes"] if "now listed" in n.get("title", "")]


def test_a_causes_list_with_one_fix_is_shown_not_asked() -> None:
    """ "Which cause applies?" whose answers all reach one fix is not asked; it is shown."""
    art = support(
        "## Symptoms\n\nWhen you change the password policy, the changes are not applied.\n\n"
        "## Cause\n\nThis issue can occur in either of the following scenarios:\n\n"
        "- The Block Policy Inheritance option is enabled on the Domain Controllers OU.\n"
        "- The password policy is not set in the Default Domain policy.\n\n"
        "## Resolution\n\nClear the Block Policy Inheritance check box.\n\n"
        "## Status\n\nThis behavior is by design.\n"
    )
    tree = draft_tree(art)
    assert node(tree, "cause")["kind"] == "info"
    [verify] = walked(art, {"symptom": "yes"}).part("verify")
    assert "by design" not in verify.text


def test_how_to_do_a_step_is_its_detail() -> None:
    """ "To do it, click Start, ..." after "Open an elevated Command Prompt." is how, not a step."""
    art = support(
        "## Symptoms\n\nThe operation timed out.\n\n## Resolution\n\n"
        "1. Open an elevated Command Prompt. To do it, click Start, right-click Command Prompt, "
        "and then click Run as administrator.\n"
        "2. At the command prompt, type `sfc /scannow`, and then press Enter.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert not [t for t, _ in got if t.startswith("To do it")]
    assert "Run as administrator" in got[0][1]


def test_fixes_by_horizon_are_asked_which_one_now() -> None:
    """ "Immediately: ..." / "Short term: ..." / "Long term: ..." run for the horizon picked."""
    art = runbook(
        "## Meaning\n\nThe guest CPU run queue is long.\n\n## Mitigation\n\n"
        "* **Immediately:** Live-migrate the VM to a less loaded node.\n"
        "* **Short term:** Raise the vCPU limit of the VM.\n"
        "* **Long term:** Add autoscaling tied to the run-queue length.\n"
    )
    ask = next(
        n for n in draft_tree(art)["nodes"] if n.get("title") == "Which fix are you making now?"
    )
    got = [t for t, _ in steps(walked(art, {"symptom": "yes", ask["var"]: "h_1"}))]
    assert got == ["Immediately: Live-migrate the VM to a less loaded node."]
    every = steps(walked(art, {"symptom": "yes", ask["var"]: "all"}))
    assert len(every) == 3


def test_a_purpose_over_its_command_reads_as_the_action(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "To see an operator status of X." over `oc get ...` is the step "See an operator status"."""
    keep_checks_ticked(monkeypatch)
    art = runbook(
        "## Meaning\n\nThe controller manager is down.\n\n## Diagnosis\n\n"
        "To see an operator status of kube-controller-manager.\n\n"
        "```console\n$ oc get clusteroperators kube-controller-manager\n```\n\n"
        "## Mitigation\n\nRestart the operator pod.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert got[0][0] == "See an operator status of kube-controller-manager:"
    assert "oc get clusteroperators" in got[0][1]


def test_an_action_sub_heading_over_prose_is_its_own_step_and_not_run_twice() -> None:
    """ "### Review pods" over prose is a step; "### Check if ..." under Mitigation runs once."""
    art = runbook(
        "## Meaning\n\nThe storage cluster is in error state.\n\n## Diagnosis\n\n"
        "See the general diagnosis document.\n\n## Mitigation\n\n"
        "### Check if it is a Network Issue\n\nCheck if it is a network issue.\n\n"
        "### Review pods\n\nIf the basic health of the pods is verified, Ceph tools show the "
        "status of the storage components.\n"
    )
    got = [t for t, _ in steps(walked(art, {"symptom": "yes"}))]
    assert got == ["Check if it is a network issue.", "Review pods"]


def test_a_lead_in_over_actions_that_is_no_action_is_not_a_step() -> None:
    """ "In general the mitigation landscape is vast, some suggestions:" is context, not a
    step; each suggestion is a remedy of its own, asked (round 9: not ticked in a row)."""
    art = runbook(
        "## Meaning\n\nThe interface reports transmit errors.\n\n## Mitigation\n\n"
        "In general the mitigation landscape is quite vast, some suggestions:\n\n"
        "- Ensure some node capacity is left unallocated.\n"
        "- Spread services to other nodes.\n"
    )
    got = steps(walked(art, {"symptom": "yes", "mitigation": "mitigation_2"}))
    assert [t for t, _ in got] == ["Spread services to other nodes."]


def test_cases_of_one_subject_are_one_question() -> None:
    """ "If the chronyd service is stopped, ..." / "... is ready, ..." ask once which it is."""
    art = runbook(
        "## Meaning\n\nThe node clock is not synchronising.\n\n## Mitigation\n\n"
        "1. Check the chronyd service on the node.\n\n"
        "2. If the chronyd service is failing or stopped, start it:\n\n"
        "    ```shell\n    systemctl start chronyd\n    ```\n"
        "    If the chronyd service is ready, restart it\n\n"
        "    ```shell\n    systemctl restart chronyd\n    ```\n"
    )
    tree = draft_tree(art)
    asks = [n for n in tree["nodes"] if n["kind"] == "question" and n["id"] != "symptom"]
    assert [a["title"] for a in asks] == ["Which of these applies?"]
    assert [c["label"] for c in asks[0]["choices"]][:2] == [
        "The chronyd service is failing or stopped",
        "The chronyd service is ready",
    ]
    got = [t for t, _ in steps(walked(art, {"symptom": "yes", asks[0]["var"]: "case_2"}))]
    assert got == [
        "Check the chronyd service on the node.",
        "If the chronyd service is ready, restart it",
    ]


def test_italics_are_plain_and_a_label_is_not_cut_inside_its_aside() -> None:
    """`*secpol.msc*` reads secpol.msc; a label never ends inside an open "(" aside."""
    art = support(
        "## Symptoms\n\nThe user account is not allowed the Network Login type.\n\n"
        "## Resolution\n\nCheck the *secpol.msc* file to determine whether the user account "
        "(or any group that the user might belong to) exists in the security policy settings "
        "under Local Policies > User Rights Assignment, and remove it from the deny list.\n"
    )
    tree = draft_tree(art)
    title = next(t for t in outcome_titles(tree) if t.startswith("Resolution"))
    assert "*" not in title
    assert title.count("(") == title.count(")")
    assert "secpol.msc" in steps(walked(art, {"symptom": "yes"}))[0][0]


def test_a_list_of_commands_in_backticks_is_one_listing_under_its_step() -> None:
    """ "- `net stop vss`" / "- `regsvr32 ole32.dll`" items are the step's commands, not steps."""
    art = support(
        "## Symptoms\n\nThe list of writers is blank.\n\n## Resolution\n\n"
        "1. Click Start > Run, type cmd, and then click OK.\n"
        "2. Type the following commands at the command prompt:\n\n"
        "    - `net stop vss`\n    - `regsvr32 ole32.dll`\n    - `vssvc /register`\n\n"
        "3. Restart the computer.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert [t for t, _ in got][1:] == [
        "Type the following commands at the command prompt:",
        "Restart the computer.",
    ]
    assert got[1][1] == "net stop vss\nregsvr32 ole32.dll\nvssvc /register"


def test_a_statement_about_a_tool_or_a_need_reads_as_the_action(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "X can be used to fetch ..." and "To run X, we need to rsh into ..." are actions."""
    keep_checks_ticked(monkeypatch)
    art = runbook(
        "## Meaning\n\nThe etcd DB is near its quota.\n\n## Diagnosis\n\n"
        "To run etcdctl commands, we need to rsh into the etcdctl container of any etcd pod.\n\n"
        "```console\n$ oc rsh -c etcdctl -n openshift-etcd etcd-0\n```\n\n"
        "etcdctl can be used to fetch the DB size of the etcd endpoints.\n\n"
        "```console\n$ etcdctl endpoint status -w table\n```\n\n"
        "## Mitigation\n\nDefragment the etcd members one at a time.\n"
    )
    got = [t for t, _ in steps(walked(art, {"symptom": "yes"}))]
    assert got[:2] == [
        "Rsh into the etcdctl container of any etcd pod to run etcdctl commands.",
        "Use etcdctl to fetch the DB size of the etcd endpoints.",
    ]


def test_a_list_of_links_is_kept_under_the_step_not_ticked() -> None:
    """ "- [fsync](https://...)" / "- [raft](...)" are references of the step before."""
    art = runbook(
        "## Meaning\n\netcd fsync is slow.\n\n## Mitigation\n\n"
        "Defragment the etcd DB in all etcd pods:\n\n```console\n$ etcdctl defrag\n```\n\n"
        "- [fsync](https://man7.org/linux/man-pages/man2/fsync.2.html)\n"
        "- [raft](https://en.wikipedia.org/wiki/Raft_(algorithm))\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert [t for t, _ in got] == ["Defragment the etcd DB in all etcd pods:"]
    assert "fsync: https://man7.org/linux/man-pages/man2/fsync.2.html" in got[0][1]


def test_a_fix_lead_or_a_modal_after_a_case_reads_as_the_action() -> None:
    """ "To work around this issue, avoid X" and "In the case of Y, we can Z" are actions."""
    art = support(
        "## Symptoms\n\nThe application fails.\n\n## Resolution\n\n"
        "1. To work around this issue, avoid the option /LARGEADDRESSAWARE:NO when you compile.\n"
        "2. In the case of a slow disk, we can defragment the database.\n"
    )
    got = [t for t, _ in steps(walked(art, {"symptom": "yes"}))]
    assert got == [
        "Avoid the option /LARGEADDRESSAWARE:NO when you compile.",
        "In the case of a slow disk, defragment the database.",
    ]


def test_an_introduction_is_read_as_the_message_it_is_about() -> None:
    """ "This article introduces how to troubleshoot the "X" message." -> "You see ... X"."""
    art = support(
        'This article introduces how to troubleshoot the "Remote Desktop Service is currently '
        'busy" message.\n\n## RDP server memory issue\n\nRestart the Remote Desktop Services '
        "service.\n"
    )
    tree = draft_tree(art)
    assert tree["symptom"].startswith('You see the "Remote Desktop Service is currently busy"')
    # the restarted service's own check (verify14) first, then the message gone
    *_, verify = walked(art, {"symptom": "yes"}).part("verify")
    assert (
        verify.text == "Check that this no longer appears: Remote Desktop Service is currently busy"
    )


def test_a_remark_before_a_command_stays_with_the_step_above() -> None:
    """ "### Check the logs" + "This is the most important step." + `oc logs`: one step."""
    art = runbook(
        "## Meaning\n\nThe collector fails.\n\n## Mitigation\n\n"
        "### 1. Check the logs of the collector pod\n\n"
        "This is the most important step. The logs will show the exact error.\n\n"
        "```console\noc logs deployment/collector -n observability\n```\n\n"
        "### 2. Restart the collector pod\n\nDelete the pod; its deployment recreates it.\n"
    )
    got = steps(walked(art, {"symptom": "yes", "pod": "collector-1"}))  # pod: siteinputs30
    assert got[0][0] == "Check the logs of the collector pod"
    assert "most important step" in got[0][1]
    assert "oc logs deployment/collector" in got[0][1]
    assert not [t for t, _ in got if t.startswith("This is")]


def test_what_should_stop_after_the_fix_is_the_verify() -> None:
    """ "After the operator restarts, the 403 errors should stop" is the article's own check."""
    art = runbook(
        "## Meaning\n\nThe collector gets 403 errors.\n\n## Mitigation\n\n"
        "Restart the operator pod:\n\n```console\noc delete pod -l name=operator\n```\n\n"
        "After the operator restarts, the collector's 403 errors should stop, and the alert "
        "will clear after the 10-minute window.\n"
    )
    checklist = walked(art, {"symptom": "yes"})
    assert checklist.part("verify")[0].text.startswith("After the operator restarts")
    assert not any("403 errors should stop" in i.detail for i in checklist.part("steps"))


def test_a_scenario_symptom_keeps_what_goes_wrong_and_is_verified_by_it() -> None:
    """After "Consider the following scenario:" and its list, the failure is the symptom's
    and the verify's, not the scenario's first line."""
    art = support(
        "## Symptoms\n\nConsider the following scenario:\n\n"
        "- You have a Windows Server 2012 print server.\n"
        "- You add the Domain Controller role to the print server.\n\n"
        "After the print server has been promoted to a Domain Controller, print jobs do not "
        "print.\n\n## Resolution\n\nGrant the Users group write permission on the PRINTERS "
        "folder.\n"
    )
    assert draft_tree(art)["symptom"].endswith("print jobs do not print.")
    [verify] = walked(art, {"symptom": "yes"}).part("verify")
    assert verify.text == (
        "After the print server has been promoted to a Domain Controller, check that print "
        "jobs print."
    )


def test_a_redo_verify_names_the_message_not_the_whole_sentence() -> None:
    """ "When you demote ..., you may receive the following error message: X" -> redo, then X."""
    art = support(
        "## Symptoms\n\nWhen you demote a domain controller, you may receive the following "
        "error message:\n\n> This domain controller holds the last replica of the partition.\n\n"
        "## Resolution\n\nRemove the partition by using the Ntdsutil utility.\n"
    )
    [verify] = walked(art, {"symptom": "yes"}).part("verify")
    assert verify.text == (
        "Demote a domain controller again, and check that this no longer appears: This domain "
        "controller holds the last replica of the partition."
    )


def test_an_applies_to_line_is_not_the_symptom_or_its_check() -> None:
    """ "_Applies to:_ SQL Server" before the text is not what is seen, nor what to check."""
    art = support(
        "_Applies to:_ SQL Server\n\n## Verify timeout expired errors\n\n"
        "Run the query again from the application.\n"
    )
    tree = draft_tree(art)
    assert "Applies to" not in tree["symptom"]
    verify = [s["text"] for n in tree["nodes"] for s in n.get("verify", [])]
    assert verify and not [v for v in verify if "Applies to" in v]


def test_a_label_over_modal_sub_steps_reads_as_their_action(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "(Optional) Document health:" over "You may check X:" is one step "...: Check X:"."""
    keep_checks_ticked(monkeypatch)
    art = runbook(
        "## Meaning\n\nThe OSD is near full.\n\n## Diagnosis\n\n"
        "1. (Optional) Document OCS Ceph Cluster Health:\n"
        "   - You may check OCS Ceph Cluster health using the rook-ceph toolbox:\n\n"
        "     ```bash\n     ceph status\n     ```\n\n"
        "## Mitigation\n\nDelete some data.\n"
    )
    got = [t for t, _ in steps(walked(art, {"symptom": "yes"}))]
    assert got[0] == (
        "(Optional) Document OCS Ceph Cluster Health: Check OCS Ceph Cluster health using the "
        "rook-ceph toolbox:"
    )


def test_a_bare_method_name_is_labelled_by_its_first_action() -> None:
    """ "### Method 1" / "### Method 2" choices say what each does, not just their number."""
    art = support(
        "## Symptoms\n\nThe backup fails.\n\n## Workaround\n\n"
        "Use one of the following methods.\n\n### Method 1\n\n"
        "Configure the server backup policy on the affected drive as block-level backup.\n\n"
        "### Method 2\n\nSet a registry key to exclude the files from file-level backups.\n"
    )
    got = labels(draft_tree(art))
    assert (
        "Method 1: Configure the server backup policy on the affected drive as block-level backup"
        in got
    )
    assert "Method 2: Set a registry key to exclude the files from file-level backups" in got


def test_a_sample_event_entry_s_placeholders_are_not_asked() -> None:
    """ "... an entry that resembles the following:" + "Computer: <Server name>" is shown only."""
    art = support(
        "## Symptoms\n\nThe SQL Server service doesn't start.\n\n## Resolution\n\n"
        "1. Check the Application log, and verify that you see an error message entry that "
        "resembles the following:\n\n"
        "    ```output\n    Date: <Datetime>\n    Computer: <Server name>\n"
        "    Description: Initializing the FallBack certificate failed.\n    ```\n\n"
        "2. Restart the SQL Server service by running `net start MSSQLSERVER`.\n"
    )
    assert not [n for n in draft_tree(art)["nodes"] if n["kind"] == "input"]


def test_a_reference_page_says_so_and_shows_its_content() -> None:
    """ "This document identifies the schema ..." is no fault: its sections are shown, unasked."""
    art = runbook(
        "This document identifies the schema used by the operator to name the collector's "
        "outputs.\n\n## Outputs\n\n### Non-Lokistack Outputs\n\n"
        "The naming schema is `output_<OUTPUT_NAME>`, where `<OUTPUT_NAME>` is the output's "
        "name.\n",
        id_="NamingSchema",
    )
    tree = draft_tree(art)
    assert outcome_titles(tree)[0] == "Reference: NamingSchema"
    assert not [n for n in tree["nodes"] if n["kind"] == "input"]
    got = [t for t, _ in steps(walked(art, {"symptom": "yes"}))]
    assert got == [
        "Non-Lokistack Outputs: The naming schema is output_<OUTPUT_NAME>, where "
        "<OUTPUT_NAME> is the output's name."
    ]


def test_prose_ways_to_try_are_alternatives() -> None:
    """ "You can try A." / "You can also try B." after "depends on ..." are two choices."""
    art = runbook(
        "## Meaning\n\nA persistent volume is filling up.\n\n## Mitigation\n\n"
        "Mitigation for this issue depends on what is filling up the storage.\n\n"
        "You can try allocating more storage space to the affected volume.\n\n"
        "You can also try lowering the log level of the component that uses the volume.\n"
    )
    tree = draft_tree(art)
    assert labels(tree)[-2:] == [
        "Try allocating more storage space to the affected volume",
        "Try lowering the log level of the component that uses the volume",
    ]
    assert node(tree, "mitigation_2")["text"] == (
        "Mitigation for this issue depends on what is filling up the storage."
    )


def test_a_long_log_in_the_symptom_shows_its_error_lines_not_a_cut_dump() -> None:
    """A trace of many lines is quoted by its failing lines, prefixes dropped, each once."""
    noise = "".join(
        f"[-,0x00c390:0xbb80] sqlwriter.yukon: Entering step {n} of the snapshot sequence  \n"
        for n in range(12)
    )
    art = support(
        "## Symptoms\n\nThe VSS backup fails. A SQLServerWriter trace reports the following:"
        f"\n\n> {noise}"
        "[-,0x00c390:0xbb80] sqlwriter.yukon: VDI::GetCommand failed with error 0x8077000e  \n"
        "[-,0x00c390:0xbb80] sqlwriter.yukon: VDI::GetCommand failed with error 0x8077000f  \n"
        "[-,0x00c390:0xbb80] sqlwriter.yukon: Leaving the snapshot sequence\n\n"
        "## Resolution\n\nInstall the latest cumulative update.\n"
    )
    symptom = draft_tree(art)["symptom"]
    assert "sqlwriter.yukon: VDI::GetCommand failed with error 0x8077000e" in symptom
    assert symptom.count("GetCommand failed") == 1
    assert "Entering step" not in symptom and "[...]" not in symptom
