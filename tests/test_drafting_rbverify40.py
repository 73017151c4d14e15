"""A runbook verify re-runs the check that measures the alert's condition (round 40, rbverify40)."""

from __future__ import annotations

from typing import Any

from drafting_support import runbook

from kbassist.drafting.runbook_measures import kind
from kbassist.drafting.tree import draft_text, draft_tree


def _reruns(tree: dict[str, Any]) -> list[str]:
    """Every fix outcome's re-run Diagnosis checks: text and detail, one string each."""
    return [
        f"{v['text']} {v.get('detail', '')}"
        for n in tree["nodes"]
        if n["kind"] == "outcome" and n["id"] != "not_this_article"
        for v in n.get("verify", [])
        if str(v["text"]).startswith("Run this Diagnosis check again")
    ]


MTU = """
## Meaning

At least one network interface on a storage node has an MTU less than 9000 bytes.

## Diagnosis

1. List all nodes in the storage cluster:
```bash
oc get nodes -l cluster.example.io/storage=''
```
2. For each node, check interface MTUs:
```bash
oc debug node/<node-name>
ip link show
```
3. Alternatively, use Prometheus:
```promql
node_network_mtu_bytes{device!~"^(veth|docker).*"} < 9000
```

## Mitigation

1. Ensure the node network interfaces are configured for 9000 bytes
"""


def test_mtu_alert_rechecks_the_mtu_not_the_node_list() -> None:
    """An MTU alert's verify reads the MTUs again (ip link show, the query), not the node list."""
    reruns = _reruns(draft_tree(runbook(MTU, id_="StorageNodeMTULessThan9000")))
    assert reruns, reruns
    assert not any("oc get nodes" in r for r in reruns), reruns
    assert any("ip link show" in r for r in reruns), reruns
    assert any("node_network_mtu_bytes" in r for r in reruns), reruns
    draft_text(runbook(MTU, id_="StorageNodeMTULessThan9000"))  # lint-clean


ETCD = """
## Meaning

This alert fires when there are fewer instances available than are needed by
etcd to be healthy.

## Diagnosis

Check any other critical alerts firing that can assist with the diagnosis.

```shell
$ kubectl get nodes -l node-role.kubernetes.io/master=
```

Validate that the `etcdctl` command is available:

```shell
$ etcdctl version
```

Run the following command to get the health of etcd:

```shell
$ etcdctl endpoint health -w table
```

## Mitigation

Check the cloud provider to verify if the master node instances are running or not.
"""


def test_etcd_verify_reruns_endpoint_health_not_version() -> None:
    """The etcd verify re-runs `etcdctl endpoint health`, not `etcdctl version` or a node list."""
    reruns = _reruns(draft_tree(runbook(ETCD, id_="etcdInsufficientMembers")))
    assert reruns, reruns
    assert any("etcdctl endpoint health" in r for r in reruns), reruns
    assert not any("etcdctl version" in r for r in reruns), reruns
    assert not any("kubectl get nodes" in r for r in reruns), reruns


KUBELET = """
## Meaning

This alert fires when the monitoring system has not been able to reach any of the
cluster's Kubelets for more than 15 minutes.

## Diagnosis

Check the status of nodes and for recent events on `Node` objects:

```shell
$ kubectl get nodes
$ kubectl get events --field-selector 'involvedObject.kind=Node'
```

If you have SSH access to the nodes, access the logs for the Kubelet directly:

```shell
$ journalctl -b -f -u kubelet.service
```

## Mitigation

Check for wide-spread networking issues, or node level configuration issues.
"""


def test_kubelet_verify_does_not_reread_the_logs() -> None:
    """After a KubeletDown fix the verify re-checks the nodes' status, not the kubelet journal."""
    reruns = _reruns(draft_tree(runbook(KUBELET, id_="KubeletDown")))
    assert any("kubectl get nodes" in r for r in reruns), reruns
    assert not any("journalctl" in r for r in reruns), reruns


PODS_ONLY = """
## Meaning

This alert fires when the widget-api pods are not Ready for more than 10 minutes.

## Diagnosis

1. Check the status of the widget-api pods:

   ```bash
   $ oc -n widgets get pods -l app=widget-api
   ```

## Mitigation

Restart the widget-api deployment.
"""


def test_a_listing_that_is_the_only_check_stays() -> None:
    """A pod listing that is the runbook's only check is still re-run: nothing better to offer."""
    reruns = _reruns(draft_tree(runbook(PODS_ONLY, id_="WidgetApiDown")))
    assert any("oc -n widgets get pods" in r for r in reruns), reruns


def test_check_kinds() -> None:
    """Version, log and listing commands are told apart from checks that read a value."""
    assert kind({"text": "Validate:", "detail": "$ etcdctl version"}) == "version"
    cv = {"text": "Status:", "detail": "$ oc get -o jsonpath='{.status}' clusterversion version"}
    assert kind(cv) == ""
    assert kind({"text": "Read:", "detail": "$ oc logs -n x pod-1"}) == "log"
    assert kind({"text": "List:", "detail": "$ oc get nodes"}) == "listing"
    named = {"text": "Role:", "detail": "$ oc get clusterrole logging-collector-logs-writer"}
    assert kind(named) == ""  # one object named: its state, not a listing
    assert kind({"text": "Health:", "detail": "$ etcdctl endpoint health -w table"}) == ""
    assert kind({"text": "Pick:", "detail": "$ oc get nodes -o jsonpath='{.items}'"}) == ""
