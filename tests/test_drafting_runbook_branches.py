"""Runbook walks that diagnose (issue 13, round 9): the support-case line is the last
resort, a Mitigation list of different remedies is asked, Mitigation sub-headings that
name what the Diagnosis finds are asked as findings (and named as the cause), and a
helper page with no alert is one procedure, not a choice of its sections."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drafting_support import questions, runbook

from kbassist.articles import parse_article
from kbassist.drafting.tree import draft_tree


def outcomes(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in tree["nodes"] if n["kind"] == "outcome" and n["id"] != "not_this_article"]


def steps(outcome: dict[str, Any]) -> list[str]:
    return [s["text"] for s in outcome.get("steps", [])]


def checked(tree: dict[str, Any], outcome: dict[str, Any]) -> list[str]:
    """The outcome's steps and the Diagnosis checks shown in the info step before it."""
    info = next((n for n in tree["nodes"] if n["id"] == f"{outcome['id']}-diagnosis"), {})
    return [str(info.get("text", "")), *steps(outcome)]


SUPPORT = (
    "If you cannot resolve the issue, log in to the\n"
    "[Customer Portal](https://access.redhat.com) and open a support case,\n"
    "attaching the artifacts gathered during the diagnosis procedure.\n"
)

ONE_FIX = f"""
## Meaning

This alert fires when the virt-api pods are down for 10 minutes.

## Diagnosis

1. Check the status of the virt-api pods:

   ```bash
   $ oc get pods -n openshift-cnv -l kubevirt.io=virt-api
   ```

## Mitigation

Restart the virt-api deployment.

{SUPPORT}"""

TWO_FIXES = f"""
## Meaning

Prometheus LIST/WATCH requests to the Kubernetes API are failing.

## Diagnosis

Review the logs of the affected Prometheus instance:

```bash
$ oc -n openshift-monitoring logs prometheus-k8s-0
```

## Mitigation

### Insufficient RBAC permissions for Prometheus

Grant the prometheus service account the list and watch permissions.

### Connectivity issue

Restore the network path between Prometheus and the API server.

{SUPPORT}"""


def test_one_fix_ends_with_the_support_case_as_escalation_not_a_tick_among_fixes() -> None:
    """A single fix's "If you cannot resolve the issue, ... open a support case" is its
    last step, said as the escalation when the steps above did not clear the alert."""
    tree = draft_tree(runbook(ONE_FIX))
    (fix,) = outcomes(tree)
    texts = steps(fix)
    assert texts[-1].startswith("Escalate if the steps above did not clear the alert: log in")
    assert not any(t.startswith("If you cannot resolve") for t in texts)
    assert sum("support case" in t for t in texts) == 1


def test_several_fixes_offer_none_of_these_helped_as_the_escalation_outcome() -> None:
    """Among two fixes the support case is a choice of its own, "None of these helped",
    whose outcome opens the case; no fix ticks it among its own steps."""
    tree = draft_tree(runbook(TWO_FIXES))
    (question,) = questions(tree)
    labels = [c["label"] for c in question["choices"]]
    assert labels[-1] == "None of these helped: open a support case"
    escalation = next(o for o in outcomes(tree) if o["title"] == labels[-1])
    own = [s for s in escalation["steps"] if s["source"]["section"] != "Diagnosis"]
    assert own[0]["text"].startswith("Log in to the Customer Portal")  # after the checks
    others = [o for o in outcomes(tree) if o is not escalation]
    assert others and not any("support case" in t for o in others for t in steps(o))


def test_mitigation_headings_that_name_failures_are_asked_as_findings_with_a_cause() -> None:
    """Sub-headings naming what the Diagnosis finds ("Insufficient RBAC permissions",
    "Connectivity issue") are asked "What did you find?", and the cause names them;
    headings naming ways to fix stay a choice of fixes."""
    tree = draft_tree(runbook(TWO_FIXES))
    (question,) = questions(tree)
    assert question["title"] == "What did you find?"
    assert "Review the logs" in question.get("help", "")
    assert "Insufficient RBAC permissions for Prometheus; Connectivity issue" in tree["cause"]
    assert "gives no cause" not in tree["cause"]
    # headings that name ways to fix ("Manual allocation") stay a choice of fixes
    body = TWO_FIXES.replace(
        "### Insufficient RBAC permissions for Prometheus", "### Manual allocation"
    ).replace("### Connectivity issue", "### Automatic allocation")
    (question,) = questions(draft_tree(runbook(body)))
    # the log check tells neither allocation apart: asked by situation (runbook34)
    assert question["title"] == "Which fix fits your situation?"


REMEDIES = """
## Meaning

Cluster has overcommitted CPU resource requests for Pods and cannot tolerate node failure.

## Diagnosis

- Check if CPU resource requests are adjusted to the app usage
- Check if some nodes are available and not cordoned

## Mitigation

- Add more nodes to the cluster - usually it is better to have more smaller
  nodes, than few bigger.

- Add different node pools with different instance types to avoid problem
  when using only one instance type in the cloud.

- Use pod priorities to avoid important services from losing performance.

- Prepare performance tests for the expected workload, plan cluster capacity
  accordingly.
"""


def test_a_mitigation_list_of_different_remedies_is_asked_not_ticked_in_a_row() -> None:
    """Bullets that are each a remedy (add nodes / add node pools / pod priorities) are
    "Which mitigation?", each answer one remedy, chosen by situation; a list of
    checks stays one checklist."""
    tree = draft_tree(runbook(REMEDIES))
    (question,) = questions(tree)
    labels = [c["label"] for c in question["choices"]]
    assert labels[:3] == [
        "Add more nodes to the cluster",
        "Add different node pools with different instance types",
        "Use pod priorities to avoid important services from losing performance",
    ]
    # the checks name no remedy's own words: chosen by situation, not "point to" (runbook34)
    assert question["title"] == "Which fix fits your situation?"
    fixes = outcomes(tree)
    assert len(fixes) == 4
    assert sum("Add more nodes" in t for o in fixes for t in steps(o)) == 1
    # bullets that look before acting ("Check ...", "Review ...") stay one checklist
    body = REMEDIES.split("## Mitigation")[0] + (
        "## Mitigation\n\n- Check the rule groups that fire the alert.\n"
        "- Review the resource limits of the monitoring components.\n"
        "- Verify the storeAPI endpoints are reachable.\n"
    )
    checks = draft_tree(runbook(body))
    assert questions(checks) == [] and len(outcomes(checks)) == 1


def test_a_lead_that_says_the_mitigation_can_be_one_of_a_list_is_asked() -> None:
    """ "Depending on the cause of the traffic, the mitigation can be:" over a list makes
    each item an answer, even when the items are not imperatives; the lead is the help."""
    body = REMEDIES.split("## Mitigation")[0] + (
        "## Mitigation\n\nDepending on the cause of the traffic, the mitigation can be:\n\n"
        "- Defining network policies or an egress firewall.\n"
        "- Configuring user-defined networks for network segmentation.\n"
        "- Using a service mesh to configure rate limits on egress.\n"
    )
    (question,) = questions(draft_tree(runbook(body)))
    assert len(question["choices"]) == 3
    assert question["help"].startswith("Depending on the cause of the traffic, the mitigation")
    assert question["choices"][1]["label"].startswith("Configuring user-defined networks")


HELPER = """# Diagnosis cluster

## Verify cluster access

List clusters you have permission to access:

```bash
ocm list clusters
```

## Check Alerts

Set port-forwarding for alertmanager:

```bash
oc port-forward alertmanager-0 9093 -n openshift-storage
```

## Check Worker Node Status

Check node health:

```bash
oc get nodes -o wide
```

## Further info

The cluster runs in converged mode, deployed by the add-on infrastructure.
"""


def test_a_helper_page_with_no_alert_is_one_procedure_in_order() -> None:
    """A shared procedure page (no Meaning, Impact or Mitigation) asks no "Which
    mitigation?": its sections run in order, and "Further info" is no step."""
    art = parse_article(HELPER, Path("diagnosis.md"))
    tree = draft_tree(art)
    assert questions(tree) == []
    (procedure,) = outcomes(tree)
    texts = steps(procedure)
    assert texts[0].startswith("Verify cluster access: List clusters")
    assert any(t.startswith("Check Alerts: Set port-forwarding") for t in texts)
    assert any(t.startswith("Check Worker Node Status:") for t in texts)
    assert not any("converged mode" in t for t in texts)


ONE_OF = """
## Meaning

This alert triggers when virtual machines use machine types that are no longer supported.

## Diagnosis

Identify affected VMs: use the alert description to locate VM names and namespaces.

## Mitigation

Update affected VMs to use a supported machine type. You can do one of the
following:

- Edit VM definitions individually by modifying the machine type field.
- For a smoother update of multiple VMs, use the lifecycle automation tool to
  transition all deprecated VMs in one operation.

Alternative: remove the machine field to let the cluster default to the newest
supported type:

```bash
$ oc patch vm <vm-name> -n <namespace> --type='json' \\
  -p='[{"op":"remove","path":"/spec/template/spec/domain/machine"}]'
```
"""


def test_one_of_the_following_and_an_alternative_with_its_command_are_three_answers() -> None:
    """ "You can do one of the following:" over a list, then "Alternative: ..." over its
    command (which used to keep the list a checklist) are three remedies, the command
    only in the alternative's own outcome."""
    tree = draft_tree(runbook(ONE_OF))
    (question,) = questions(tree)
    assert [c["label"] for c in question["choices"]] == [
        "Edit VM definitions individually by modifying the machine type field",
        "Use the lifecycle automation tool to transition all deprecated VMs in one operation",
        "Remove the machine field to let the cluster default to the newest supported type",
    ]
    with_patch = [o for o in outcomes(tree) if any("oc patch" in str(s) for s in o["steps"])]
    assert [o["title"] for o in with_patch] == [question["choices"][2]["label"]]


def test_remedies_under_a_recommended_actions_heading_are_asked_by_their_names() -> None:
    """ "### Recommended Actions" over "**Expand the PVC Size:** ..." / "**Delete
    Unnecessary Data:** ..." (screenshots beside one) asks which, each by its own name."""
    body = (
        "## Meaning\n\nA PVC is nearing its full capacity.\n\n## Mitigation\n\n"
        "### Recommended Actions\n\n"
        "- **Expand the PVC Size:** Increase the capacity of the PVC to prevent data loss.\n"
        "  ![Expand PVC Dialog](helpers/screenshots/expand-pvc-dialog.png)\n\n"
        "- **Delete Unnecessary Data:** Remove unnecessary data occupying space in the PVC.\n"
    )
    (question,) = questions(draft_tree(runbook(body)))
    assert [c["label"] for c in question["choices"]] == [
        "Expand the PVC Size",
        "Delete Unnecessary Data",
    ]


def test_remedies_offered_in_prose_paragraphs_are_asked() -> None:
    """ "Update certificates ..." / "Another option is to delete node if it affects only
    one," / "In extreme situations recreate cluster." are three answers, not one tick
    with the other two as notes; the last keeps its caution."""
    body = (
        "## Meaning\n\nKubelet has failed to renew its server certificate.\n\n"
        "## Diagnosis\n\nCheck when certificate was issued and when it expires.\n\n"
        "## Mitigation\n\nUpdate certificates in the cluster control nodes and the worker "
        "nodes.\nRefer to the documentation of the tool used to create cluster.\n\n"
        "Another option is to delete node if it affects only one,\n\n"
        "In extreme situations recreate cluster.\n"
    )
    tree = draft_tree(runbook(body))
    (question,) = questions(tree)
    assert [c["label"] for c in question["choices"]] == [
        "Update certificates in the cluster control nodes and the worker nodes",
        "Delete node if it affects only one",
        "Recreate cluster (extreme situations only)",
    ]
    recreate = next(o for o in outcomes(tree) if o["title"].startswith("Recreate"))
    assert steps(recreate)[-1] == "Recreate cluster."


PATTERNS = """
## Meaning

The Thanos compactor has halted.

## Diagnosis

Inspect the logs of the compactor pod to find the fatal error.

### 1. Diagnosis for 'no space left on device'

Check the size of the compactor PVC:

```bash
oc get pvc data-compact-0 -n observability
```

### 2. Diagnosis for S3 Connection Failure

Verify the ObjectBucketClaim is healthy:

```bash
oc get configmap <OBC-NAME> -n observability -o yaml
```

## Mitigation

Resolution depends on the fatal error found during the Diagnosis.

### 1. Halted due to 'no space left on device'

Edit the PVC to request more storage.

### 2. Halted due to S3 Connection Failure

Update the thanos-object-storage secret with the correct configuration.
"""


def test_each_failure_pattern_runs_only_its_own_diagnosis_checks() -> None:
    """Diagnosis sub-headings per failure pattern ("Diagnosis for 'no space left on
    device'", "... for S3 Connection Failure") go with the same-named fix only: the disk
    fix neither shows the OBC check nor asks for <OBC-NAME>."""
    tree = draft_tree(runbook(PATTERNS))
    disk = next(o for o in outcomes(tree) if "no space" in o["title"])
    s3 = next(o for o in outcomes(tree) if "S3" in o["title"])
    # the shared check is shown once, before the question (tests/test_drafting_run_order.py)
    first = next(n for n in tree["nodes"] if n["id"] == "diagnose_first")
    assert "Inspect the logs" in first["text"]
    # each fix's own checks are shown just before it (round 11: looked at, not ticked)
    assert any("size of the compactor PVC" in t for t in checked(tree, disk))
    assert not any("ObjectBucketClaim" in t for t in checked(tree, disk))
    assert any("ObjectBucketClaim" in t for t in checked(tree, s3))
    assert not any("size of the compactor PVC" in t for t in checked(tree, s3))
    asked = [n["text"] for n in tree["nodes"] if n["kind"] == "input"]
    assert sum("writes <OBC-NAME> " in t for t in asked) == 1
