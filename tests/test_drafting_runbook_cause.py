"""A runbook's cause node names what the alert is about (issue 13, round 10): never an
example or a note, the likely causes it lists, the condition when nothing else says why."""

from __future__ import annotations

from typing import Any

from drafting_support import runbook

from kbassist.drafting.tree import draft_text, draft_tree


def cause_node(tree: dict[str, Any]) -> dict[str, Any] | None:
    return next((n for n in tree["nodes"] if n["id"] == "cause"), None)


EXAMPLE = """
## Meaning

The `ClockAlert` alert triggers when a node is affected by issues with the NTP
server for that node. For example, this alert might trigger when certificates are
rotated on a node, and the certificates fail validation because of an invalid time.

## Diagnosis

Check the `chronyd` service:

```shell
systemctl status chronyd
```

## Mitigation

Restart the `chronyd` service:

```shell
systemctl restart chronyd
```
"""


def test_an_example_sentence_is_never_the_cause() -> None:
    """ "For example, this alert might trigger when ..." is not the cause; the alert's
    condition (issues with the NTP server) is the symptom, not said again as the cause
    (round 15: the runbook then names no cause beyond that condition, and says so)."""
    tree = draft_tree(runbook(EXAMPLE))
    assert "NTP server" in tree["symptom"]
    assert "For example" not in tree["cause"]
    assert "names no cause beyond the condition" in tree["cause"]
    assert cause_node(tree) is None
    draft_text(runbook(EXAMPLE))


NOTE = """
## Meaning

This alert fires when `DataImportCron` cannot poll or import the latest disk
image versions.

**Note:** If the status of a `DataImportCron` PVC is `Pending` because there is no
default storage class, the `DataImportCronOutdated` alert is suppressed.

## Mitigation

Set a default storage class.
"""


def test_a_suppression_note_is_never_the_cause() -> None:
    """A "Note: ... the alert is suppressed" sentence is not the cause; nor is the
    condition said as a found cause (round 15: no cause beyond the condition, said so)."""
    tree = draft_tree(runbook(NOTE))
    assert "cannot poll or import" in tree["symptom"]
    assert "suppressed" not in tree["cause"]
    assert "names no cause beyond the condition" in tree["cause"]


PLAIN = """
## Meaning

Storage pool quota usage has crossed 90%. One or more pools is approaching a
configured fullness threshold.
One threshold that can trigger this warning condition is the
`mon_pool_quota_warn_threshold` configuration option.

## Impact

The pool becomes read-only when the quota is exhausted.

## Mitigation

Adjust the pool quota:

```bash
ceph osd pool set-quota <pool> max_bytes <bytes>
```
"""


def test_a_plain_meaning_is_the_cause_instead_of_gives_no_cause() -> None:
    """A runbook whose Meaning says what the alert is about and more, with no "because",
    names what can trigger it as the cause instead of "gives no cause" (round 15: not
    the condition again, which the symptom shows)."""
    tree = draft_tree(runbook(PLAIN))
    assert "gives no cause" not in tree["cause"]
    assert "mon_pool_quota_warn_threshold" in tree["cause"]
    assert "approaching a configured fullness threshold" not in tree["cause"]
    node = cause_node(tree)
    assert node is not None and node["source"]["section"] == "Meaning"


LISTED = """
## Meaning

This alert fires when one or more `agent` pods are running, but not all of them
have been in a `Ready` state for the last 10 minutes.

## Diagnosis

1. Check the status of the `agent` pods:

   ```bash
   $ oc get pods -l app=agent
   ```

## Mitigation

Identify why some `agent` pods are not ready (e.g. failed readiness probe,
resource pressure, node issues) and resolve the underlying cause.
"""


def test_the_likely_causes_a_runbook_gives_in_brackets_are_named() -> None:
    """ "Identify why ... (e.g. failed readiness probe, resource pressure, node issues)"
    puts those causes in the cause node, after the condition."""
    tree = draft_tree(runbook(LISTED))
    cause = tree["cause"]
    assert cause.startswith("This alert fires when one or more agent pods")
    assert "failed readiness probe; resource pressure; node issues" in cause


LEAD_LIST = """
## Meaning

A large number of launcher pods remain in the `Failed` phase.

## Diagnosis

1. Sample failed pods:

    ```bash
    $ oc get pods -A --field-selector=status.phase=Failed
    ```

2. Check the infrastructure for common causes:

- Image pulls: registry reachability/credentials; `ImagePullBackOff` events
- Network: CNI errors/timeouts in Pod events and node logs
- Storage: volume attach/mount errors in Pod events and CSI logs

## Mitigation

Clean up the failed pods:

```bash
$ oc delete pods -A --field-selector=status.phase=Failed
```
"""


def test_a_list_under_a_causes_lead_is_named_by_its_items() -> None:
    """The list under "Check the infrastructure for common causes:" is in the cause, each
    item by its name, and cited as the Diagnosis's list."""
    tree = draft_tree(runbook(LEAD_LIST))
    cause = tree["cause"]
    assert "launcher pods remain in the Failed phase" in cause
    assert "The Diagnosis section lists likely causes: Image pulls; Network; Storage." in cause
    draft_text(runbook(LEAD_LIST))


WHY = """
## Meaning

A large number of launcher pods remain in the `Failed` phase. Mass failures can
indicate migration loops, image issues, or control-plane regressions.

## Mitigation

Clean up the failed pods:

```bash
$ oc delete pods -A --field-selector=status.phase=Failed
```
"""


def test_the_why_sentence_is_shown_once_in_the_cause_not_in_the_symptom() -> None:
    """A Meaning sentence saying what the firing can indicate is the cause, and the
    symptom no longer repeats it."""
    tree = draft_tree(runbook(WHY))
    assert "can indicate migration loops" in tree["cause"]
    assert "can indicate" not in tree["symptom"]
    assert "remain in the Failed phase" in tree["symptom"]


def outcome_steps(tree: dict[str, Any]) -> list[dict[str, Any]]:
    """Every checklist step of the draft's outcomes, in file order."""
    return [s for n in tree["nodes"] if n["kind"] == "outcome" for s in n.get("steps", [])]


ANNOUNCED = """
## Meaning

This alert fires when no node can run virtual machines.

## Diagnosis

To diagnose the cause of this alert, the following steps can be taken:

1. Check the hardware configuration of the nodes in the cluster. Make sure that
all nodes have hardware virtualization enabled.

2. Check the node labels in the cluster.

## Mitigation

Add nodes that have hardware virtualization enabled to the cluster.
"""


def test_a_lead_that_only_announces_the_diagnosis_steps_is_no_steps_detail() -> None:
    """ "To diagnose the cause of this alert, the following steps can be taken:" is neither
    a tick nor hung under one of the steps it announces."""
    tree = draft_tree(runbook(ANNOUNCED))
    texts = [f"{s['text']} {s.get('detail', '')}" for s in outcome_steps(tree)]
    infos = " ".join(n.get("text", "") for n in tree["nodes"] if n["kind"] == "info")
    assert not any("the following steps can be taken" in t for t in texts), texts
    assert "the following steps can be taken" not in infos
    assert any("Check the node labels" in t for t in [*texts, infos])


OUTPUT = """
## Meaning

This alert fires when the node clock is not synchronised with its NTP server.

## Mitigation

1. Restart the `chronyd` service:

    ```shell
    systemctl restart chronyd
    ```

    If `chronyd` restarts successfully, it displays something similar to the
    following example output:

    ```shell
    Oct 18 19:39:36 node-1 chronyd[2055318]: System clock wrong by 16422.1 seconds
    ```

2. Verify that the `chronyd` service is running:

    ```shell
    systemctl status chronyd
    ```

3. Verify using PromQL:

    ```console
    min_over_time(node_timex_sync_status[5m])
    ```
    `node_timex_sync_status` returns `1` if NTP is working properly.
"""


def test_example_output_is_marked_as_output_not_a_command() -> None:
    """The log lines under "... displays something similar to the following example
    output:" are labelled as output, apart from the command to run."""
    tree = draft_tree(runbook(OUTPUT))
    restart = next(s for s in outcome_steps(tree) if "Restart the chronyd" in s["text"])
    detail = restart["detail"]
    assert "systemctl restart chronyd" in detail
    label = "Output (what it shows, not a command to run):"
    assert f"{label}\nOct 18 19:39:36" in detail
    assert detail.index("systemctl restart") < detail.index(label)


def test_a_second_verify_step_after_the_fix_is_a_verify_not_a_tick() -> None:
    """ "Verify using PromQL:" after "Verify that ... is running" is in the Verify, with its
    query and what it returns, not a checklist tick."""
    tree = draft_tree(runbook(OUTPUT))
    assert not any("Verify using PromQL" in s["text"] for s in outcome_steps(tree))
    verify = [v for n in tree["nodes"] if n["kind"] == "outcome" for v in n.get("verify", [])]
    promql = next(v for v in verify if v["text"].startswith("Verify using PromQL"))
    assert "min_over_time(node_timex_sync_status[5m])" in promql["detail"]
    assert "returns 1 if NTP is working properly" in promql["detail"]
    draft_text(runbook(OUTPUT))


REPEAT = """
## Meaning

This alert fires when a node's CPU utilization exceeds 90% for more than 5 minutes.

## Mitigation

Reduce the workload on the node.
"""


def test_a_meaning_that_only_states_the_condition_is_not_repeated_as_the_cause() -> None:
    """When the symptom already says the whole condition word for word, no cause node
    repeats it: the draft's cause line says the runbook names none beyond that condition."""
    tree = draft_tree(runbook(REPEAT))
    assert "CPU utilization exceeds 90%" in tree["symptom"]
    assert cause_node(tree) is None
    assert tree["cause"].startswith("TestAlert names no cause beyond the condition it fires on:")
    assert "CPU utilization exceeds 90%" in tree["cause"]


IMPACT = """
## Meaning

This alert fires when outbound traffic to external networks rises sharply over its
baseline.

## Impact

Unexpected increases in external egress traffic can indicate:

- Data exfiltration (security concern)
- Misconfigured applications polling external services too frequently
- Backup or sync operations to external storage

High external egress traffic can lead to:

- Increased cloud egress costs

## Mitigation

Review the top talkers and tune the workloads that send the traffic.
"""


def test_an_impact_list_of_what_the_alert_can_indicate_names_the_causes() -> None:
    """ "X can indicate:" over a list in Impact names the likely causes, not what the
    traffic leads to (costs)."""
    cause = draft_tree(runbook(IMPACT))["cause"]
    assert "The Impact section lists likely causes: Data exfiltration" in cause
    assert "Backup or sync operations to external storage." in cause
    assert "egress costs" not in cause
