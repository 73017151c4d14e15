"""Round 17 (rbflow17): a runbook Mitigation's own branches: "If X, ... Otherwise, Y"
asked, a horizon's nested steps shown for it alone, references never a fix."""

from __future__ import annotations

from drafting_support import fix_ticks, fixes, runbook, walked

from kbassist.drafting.tree import draft_tree

MEANING = (
    "## Meaning\n\nThis alert fires when a `WidgetOperator` is not in the `Available`\n"
    "state for a certain period of time.\n"
)
DIAGNOSIS = (
    "## Diagnosis\n\nReview the status of all widget operators:\n\n"
    "```console\n$ oc get widgetoperator\n```\n"
)


def _choices(tree: dict) -> list[str]:
    return [c["label"] for n in tree["nodes"] if n["kind"] == "question" for c in n["choices"]]


def test_if_then_otherwise_paragraph_is_asked_not_ticked_whole() -> None:
    """ "If the alert fires during an upgrade, ... Otherwise, troubleshoot ..." is a case
    the admin picks; the upgrade case says to wait and watch, the other to troubleshoot."""
    tree = draft_tree(
        runbook(
            f"{MEANING}\n{DIAGNOSIS}\n## Mitigation\n\n"
            "How you resolve the issue varies depending on the operator.\n"
            "If the alert is triggered during an upgrade, the issue might resolve after some\n"
            "time has passed. Otherwise, troubleshoot the error by reviewing the operator\n"
            "logs and fix the configuration based on your findings.\n",
            id_="WidgetOperatorDown",
        )
    )
    labels = _choices(tree)
    assert "The alert is triggered during an upgrade" in labels
    assert any(label.startswith("Otherwise: Troubleshoot the error") for label in labels)
    by_title = {o["title"]: fix_ticks(o) for o in fixes(tree)}
    upgrade = by_title["The alert is triggered during an upgrade"]
    assert upgrade[0].startswith("Wait, and watch whether the alert clears")
    assert not any("Troubleshoot" in t for t in upgrade)
    other = next(t for title, t in by_title.items() if title.startswith("Otherwise"))
    assert other[0].startswith("Troubleshoot the error")
    assert not any("upgrade" in t for t in other)
    # "Increase the volume. Otherwise, find the app ...": no "If" case, nothing asked
    lone = draft_tree(
        runbook(
            f"{MEANING}\n{DIAGNOSIS}\n## Mitigation\n\n"
            "You may be able to buy time by increasing the size of the volume. Otherwise,\n"
            "find the application that creates the files and adjust its configuration.\n",
            id_="WidgetFilesFillingUp",
        )
    )
    assert not any(label.startswith("Otherwise:") for label in _choices(lone))


def test_steps_nested_under_a_horizon_run_only_for_it() -> None:
    """The steps a runbook nests under "Short term:" show only when the short-term fix is
    chosen, the answers say what each horizon does, and a step after them shows always."""
    art = runbook(
        f"{MEANING}\n{DIAGNOSIS}\n## Mitigation\n\n"
        "1. Short term: Throttle non-essential traffic on the node.\n"
        "    * Taint the widget node to prevent scheduling of other workloads.\n"
        "    * Drain existing non-essential pods from the node.\n"
        "2. Long term:\n"
        "    * Upgrade to higher-speed NICs (e.g., 25GbE to 100GbE).\n"
        "    * Use multiple bonded interfaces with LACP.\n"
        "3. Enable NIC offload features (TSO, GRO) if disabled.\n",
        id_="WidgetNICSaturation",
    )
    tree = draft_tree(art)
    labels = _choices(tree)
    assert "Throttle non-essential traffic on the node (short term)" in labels
    assert "Upgrade to higher-speed NICs, or 1 other way (long term)" in labels
    question = next(n for n in tree["nodes"] if n["kind"] == "question" and "h_1" in str(n))
    short = [
        " ".join(i.text.split())
        for i in walked(art, {"symptom": "yes", question["var"]: "h_1"}).items
    ]
    assert any(t.startswith("Drain existing") for t in short)
    assert not any("bonded interfaces" in t for t in short)
    assert any(t.startswith("Enable NIC offload") for t in short)
    long = [
        " ".join(i.text.split())
        for i in walked(art, {"symptom": "yes", question["var"]: "h_2"}).items
    ]
    assert not any(t.startswith("Taint the widget node") for t in long)
    assert any("bonded interfaces" in t for t in long)


def test_additional_resources_heading_is_no_fix_option() -> None:
    """An "### Additional Resources" sub-heading of links under the Mitigation is not
    offered beside the real procedures as a fix to pick."""
    tree = draft_tree(
        runbook(
            f"{MEANING}\n{DIAGNOSIS}\n## Mitigation\n\n"
            "### For Clusters Upgraded from Version 4.17\n\n"
            "Delete the override objects:\n\n"
            "```bash\n$ oc delete widgetconfig 00-override-worker\n```\n\n"
            "### For Any Version 4.18 or Greater Cluster\n\n"
            "Create the widget runtime config:\n\n"
            "```bash\n$ oc create -f widget-runtime.yaml\n```\n\n"
            "### Additional Resources\n\n"
            "* [Widget runtimes](https://docs.example.com/widgets/runtimes)\n"
            "* [About widget configs](https://docs.example.com/widgets/configs)\n",
            id_="WidgetRuntimeDeprecated",
        )
    )
    titles = [o["title"] for o in fixes(tree)]
    assert len(titles) == 2
    assert not any("Additional Resources" in t for t in titles)
    assert "Additional Resources" not in _choices(tree)


def test_per_cause_subsections_are_separate_fixes_titled_by_their_case() -> None:
    """Mitigation sub-sections that each open with their own case ("If the collector pod
    is in a failed state, ...") are fixes to pick, each titled with its case, not one
    checklist ticking every case's steps in turn."""
    tree = draft_tree(
        runbook(
            f"{MEANING}\n{DIAGNOSIS}\n## Mitigation\n\n"
            "### Restart Unhealthy Pods\n\n"
            "If the widget pod is in a failed state (`CrashLoopBackOff`, `Error`), delete\n"
            "it to trigger a restart:\n\n"
            "```bash\noc delete pod -n widgets widget-0\n```\n\n"
            "### Check Resource Constraints\n\n"
            'If pod events indicate resource issues (e.g., "Pod OOMKilled"), check the\n'
            "resource limits:\n\n"
            "1. Review the pod's resource requests and limits.\n"
            "2. Raise the widget's memory limit in its custom resource.\n\n"
            "### Check for Node-Level Issues\n\n"
            "If the widget pod cannot be scheduled or is stuck in `Pending`:\n\n"
            "1. Check for node taints that might prevent scheduling.\n"
            "2. Ensure the node has sufficient resources to run the widget pod.\n",
            id_="WidgetNodeDown",
        )
    )
    by_title = {o["title"]: fix_ticks(o) for o in fixes(tree)}
    assert "Restart Unhealthy Pods (if the widget pod is in a failed state)" in by_title
    assert "Check Resource Constraints (if pod events indicate resource issues)" in by_title
    node = next(t for title, t in by_title.items() if title.startswith("Check for Node-Level"))
    assert any("node taints" in t for t in node)
    assert not any("memory limit" in t or "delete" in t.lower() for t in node)


def _verify_texts(tree: dict) -> list[str]:
    return [" ".join(v["text"].split()) for o in fixes(tree) for v in o.get("verify", [])]


def test_verify_looks_again_via_a_listed_command_with_options() -> None:
    """A Diagnosis list item "Check deployment status via `kubectl -n $NAMESPACE describe
    ...`" is where the verify looks again, not only the alert's condition restated."""
    tree = draft_tree(
        runbook(
            "## Meaning\n\nDeployment generation mismatch due to possible roll-back.\n\n"
            "## Diagnosis\n\n"
            "- Check out rollout history `kubectl -n $NAMESPACE rollout history deployment $NAME`\n"
            "- Check deployment status via `kubectl -n $NAMESPACE describe deployment $NAME`.\n"
            "- Investigate if new pods are not crashing.\n\n"
            "## Mitigation\n\nRoll back the deployment to its previous revision.\n",
            id_="WidgetGenerationMismatch",
        )
    )
    texts = _verify_texts(tree)
    assert any(
        t.startswith("Look again where the Diagnosis read it: Check deployment status via kubectl")
        for t in texts
    )
    assert not any(t.startswith("Check that the condition the alert fires on") for t in texts)


def test_verify_rereads_the_diagnosis_query_with_alert_label_values() -> None:
    """A PromQL query the Diagnosis graphs (its label values read off the alert, after a
    long lead) is the verify's read-out, not only the condition restated."""
    tree = draft_tree(
        runbook(
            "## Meaning\n\nThe widget file system is predicted to run out of inodes within\n"
            "the next 24 hours.\n\n"
            "## Diagnosis\n\n"
            "Note the `instance` and `mountpoint` labels from the alert. You can graph the\n"
            "usage history of this file system by using the following query in the web\n"
            "console:\n\n"
            "```text\nnode_filesystem_files_free{\n"
            '  instance="<value of instance label from alert>",\n'
            '  mountpoint="<value of mountpoint label from alert>"\n}\n```\n\n'
            "## Mitigation\n\nRemove the small files the widget application leaves behind.\n",
            id_="WidgetFilesFillingUp",
        )
    )
    outcome = fixes(tree)[0]
    read = next(v for v in outcome["verify"] if v["text"].startswith("Look again"))
    assert "node_filesystem_files_free" in read["detail"]
    assert not any(t.startswith("Check that the condition") for t in _verify_texts(tree))


def test_a_per_cause_fix_ticks_its_action_not_its_bare_case() -> None:
    """A per-cause sub-section that opens with only its case ("If the issue persists and
    no clear configuration error is found:") over a command ticks what its heading says
    to do ("Restart the Operator:"), the case being in its title."""
    tree = draft_tree(
        runbook(
            f"{MEANING}\n{DIAGNOSIS}\n## Mitigation\n\n"
            "### Fix Validation Errors\n\n"
            "If the Ready condition reason is `ValidationFailure`:\n\n"
            "1. Review the widget forwarder spec for configuration errors.\n"
            "2. Correct the configuration errors in the widget forwarder spec.\n\n"
            "### Restart the Operator\n\n"
            "If the issue persists and no clear configuration error is found:\n\n"
            "```bash\noc delete pod -n widgets -l name=widget-operator\n```\n",
            id_="WidgetForwarderNotReady",
        )
    )
    restart = next(o for o in fixes(tree) if o["title"].startswith("Restart the Operator"))
    assert "if the issue persists" in restart["title"]
    assert fix_ticks(restart)[0] == "Restart the Operator:"
    own = [s for s in restart["steps"] if "diagnos" not in s["source"]["section"].casefold()]
    assert "oc delete pod" in own[0]["detail"]
