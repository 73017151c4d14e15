"""A runbook verify looks at the article's own check (issue 13, round 16): the Diagnosis
read-out named in prose, and the steps under the fix's "Verification" heading, instead of
the alert's condition restated."""

from __future__ import annotations

from typing import Any

from drafting_support import runbook

from kbassist.drafting.tree import draft_tree

PVC = """
## Meaning

Persistent Volume Claim usage has exceeded 85% of its capacity.

## Impact

The application writing to the volume will fail once it is full.

## Diagnosis

Using the Openshift console, go to Storage-PersistentVolumeClaims.
A list of the available PVCs with basic information about space used and
available will be shown.

## Mitigation

Two options:

- Expand the PVC: increase the requested size of the claim in its spec.

- Delete data: remove old files from the volume that are no longer needed.
"""

CEPH = """
## Meaning

Storage cluster is critically full and needs immediate data deletion or cluster
expansion.

## Diagnosis

Using the Openshift console, go to Storage-Data Foundation-Storage systems.
A list of the storage systems with raw capacity and used capacity will be visible.
The command "ceph health" provides also information about cluster storage
capacity.

## Mitigation

Two options:

- Scale storage: add storage devices or nodes to the cluster.

- Delete information: remove data that is no longer needed from the cluster.
"""

RUNTIME = """
## Meaning

The cluster is using the deprecated runc container runtime instead of crun.

## Mitigation

### For new clusters

1. Create the ContainerRuntimeConfig CR:

   ```bash
   $ oc create -f configure-crun-worker.yaml
   ```

2. Monitor the machine config pools until all are shown as ready:

   ```bash
   $ oc get mcp worker
   ```

#### Verification

1. Open a debug session to a node:

   ```bash
   $ oc debug node/worker-0
   ```

2. Check the container runtime:

   ```bash
   sh-5.1# crio status config | grep default_runtime
   ```

### For upgraded clusters

1. Delete the override machine config:

   ```bash
   $ oc delete machineconfig 00-override-worker-generated-crio-default-container-runtime
   ```
"""


def fix_outcomes(tree: dict[str, Any]) -> list[dict[str, Any]]:
    """Every fix outcome (not "This article may not apply")."""
    return [n for n in tree["nodes"] if n["kind"] == "outcome" and n["id"] != "not_this_article"]


def texts(items: list[dict[str, Any]]) -> list[str]:
    return [str(i["text"]) for i in items]


def test_console_page_the_diagnosis_reads_usage_on_is_looked_at_again_as_the_verify() -> None:
    """Each fix's verify opens with the Storage-PersistentVolumeClaims page the Diagnosis reads."""
    outcomes = fix_outcomes(draft_tree(runbook(PVC, id_="PersistentVolumeUsageCritical")))
    assert len(outcomes) == 2
    for outcome in outcomes:
        first = texts(outcome["verify"])[0]
        assert "go to Storage-PersistentVolumeClaims" in first
        assert "space used and available" in first


def test_named_check_command_replaces_the_restated_condition() -> None:
    """ "ceph health" from the Diagnosis is the verify; the Meaning sentence is not a line."""
    for outcome in fix_outcomes(draft_tree(runbook(CEPH, id_="CephClusterCriticallyFull"))):
        verify = texts(outcome["verify"])
        assert "ceph health" in verify[0]
        assert "should no longer show that storage cluster is critically full" in verify[0]
        assert not any("condition the alert fires on no longer holds" in v for v in verify)
        assert "alert clears" in verify[-1]


def test_steps_under_the_fixs_verification_heading_verify_it_and_are_not_ticked() -> None:
    """The runtime check under "#### Verification" is the new-cluster fix's verify, not a tick."""
    tree = draft_tree(runbook(RUNTIME, id_="RuncDeprecated"))
    outcome = next(o for o in fix_outcomes(tree) if "new clusters" in str(o["title"]))
    steps, verify = texts(outcome["steps"]), texts(outcome["verify"])
    assert any("Create the ContainerRuntimeConfig" in s for s in steps)
    assert not any("container runtime" in s.lower() and "Check" in s for s in steps)
    assert any("Check the container runtime" in v for v in verify)
    runtime = next(i for i in outcome["verify"] if "Check the container runtime" in i["text"])
    assert "crio status config" in str(runtime.get("detail", ""))
    assert not any("condition the alert fires on no longer holds" in v for v in verify)


POOL = """
## Meaning

Storage pool quota usage has crossed 90%.

## Diagnosis

Execute the following Ceph command to have information about pool status in the cluster:

```bash
sh-5.1$ rados df
```

## Mitigation

Increase the pool quota, or delete data from the pool that is no longer needed.
"""


def test_diagnosis_status_command_no_step_carries_is_run_again_as_the_verify() -> None:
    """The Diagnosis "rados df" pool status check is re-run, with the 90% it should be below."""
    (outcome,) = fix_outcomes(
        draft_tree(runbook(POOL, id_="CephPoolQuotaBytesCriticallyExhausted"))
    )
    first = outcome["verify"][0]
    assert "rados df" in str(first.get("detail", ""))
    assert "pool status" in first["text"] and "no longer show" in first["text"]
    assert "90%" in first["text"]
    assert not any("condition the alert fires on" in str(v["text"]) for v in outcome["verify"])


SPACE = """
## Meaning

This alert fires when a filesystem on a node is predicted to run out of space within
the next 24 hours.

## Diagnosis

To assist in your diagnosis, watch the following metric in PromQL:

```text
node_filesystem_free_bytes
```

## Mitigation

Delete old log files and unused container images from the node's filesystem.
"""


def test_diagnosis_metric_to_watch_is_read_again_as_the_verify() -> None:
    """The free-bytes metric the Diagnosis says to watch is the verify, shown verbatim."""
    (outcome,) = fix_outcomes(draft_tree(runbook(SPACE, id_="NodeFilesystemSpaceFillingUp")))
    first = outcome["verify"][0]
    assert "node_filesystem_free_bytes" in str(first.get("detail", ""))
    assert "watch the following metric" in first["text"]
    assert "alert clears" in outcome["verify"][-1]["text"]
