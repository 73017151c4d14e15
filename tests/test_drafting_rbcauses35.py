"""Round 35 (rbcauses35): a runbook's listed likely causes asked, each to its checks or fix."""

from __future__ import annotations

import time
from typing import Any

from drafting_support import runbook

from kbassist.drafting.listed_cause_ask import _SCENARIOS_LEAD_RE, QUESTION_ID
from kbassist.drafting.tree import draft_tree

_ONE_OUTCOME = """\
## Meaning

This alert fires when a Gateway instance cannot write its request journal.

There might be many causes to this:

* The node that hosts that Gateway instance might be running out of disk space.

* Someone could be tampering with the journal files or the journal directory permissions.

## Impact

Requests are not journaled by that Gateway instance.

## Diagnosis

Check whether the `NodeDiskAlmostFull` alert also fires for the node hosting that
instance; the node running out of disk space would explain it.

Log into the node and verify the journal files permissions: owned by `root`, mode
`0600`, and verify the journal directory permissions: owned by `root`, mode `0700`.

## Mitigation

Investigate as described in the diagnosis and contact your security team if necessary.
"""

_FIX_EACH = """\
## Meaning

This alert fires when the rollout controller cannot evict a widget pod.

## Diagnosis

Review the rollout controller logs for the pod it cannot evict.

Common reasons why a widget pod cannot be evicted include the following conditions:

- The widget pod has a DisruptionQuota that blocks the eviction
- The widget pod has finalizers set that keep it from terminating
- The widget pod has a volume the kubelet cannot detach

## Mitigation

### Patch the DisruptionQuota

If a DisruptionQuota blocks the eviction, patch the DisruptionQuota to allow it:

```shell
oc patch disruptionquota $NAME -n $NAMESPACE --type merge -p '{"spec":{"allowed":1}}'
```

### Remove the finalizers

If finalizers keep the widget pod from terminating, patch the finalizers to null:

```shell
oc patch pod $POD -n $NAMESPACE -p '{"metadata":{"finalizers":null}}'
```
"""


def _node(tree: dict[str, Any], node_id: str) -> dict[str, Any]:
    return next(n for n in tree["nodes"] if n["id"] == node_id)


def test_listed_causes_asked_each_with_its_own_checks() -> None:
    """'There might be many causes to this:' over one outcome is asked, each cause its checks."""
    tree = draft_tree(runbook(_ONE_OUTCOME))
    question = _node(tree, QUESTION_ID)
    labels = [c["label"] for c in question["choices"]]
    assert any("disk space" in label for label in labels)
    assert any("tampering" in label for label in labels)
    assert labels[-1] == "I don't know: run the checks"
    by_label = {c["label"]: c["next"] for c in question["choices"]}
    disk = _node(tree, next(v for k, v in by_label.items() if "disk space" in k))
    tamper = _node(tree, next(v for k, v in by_label.items() if "tampering" in k))
    disk_steps = " ".join(s["text"] for s in disk["steps"])
    tamper_steps = " ".join(s["text"] for s in tamper["steps"])
    assert "NodeDiskAlmostFull" in disk_steps and "permissions" not in disk_steps
    assert "permissions" in tamper_steps and "NodeDiskAlmostFull" not in tamper_steps
    unsure = _node(tree, by_label["I don't know: run the checks"])
    assert len(unsure["steps"]) > max(len(disk["steps"]), len(tamper["steps"]))


def test_failure_scenarios_lead_each_cause_to_its_fix() -> None:
    """'Common reasons ... include:' in Diagnosis leads each cause to the fix naming it."""
    tree = draft_tree(runbook(_FIX_EACH))
    question = _node(tree, QUESTION_ID)
    assert question["source"]["section"] == "Diagnosis"
    nexts = {c["label"]: c["next"] for c in question["choices"]}
    quota = next(v for k, v in nexts.items() if "DisruptionQuota" in k)
    final = next(v for k, v in nexts.items() if "finalizers" in k)
    assert quota != final
    unsure = nexts["I don't know: run the checks"]
    assert _node(tree, unsure)["kind"] == "question"  # the fixes, offered as before


def test_runbook_without_listed_causes_not_asked() -> None:
    """A runbook that lists no causes gets no causes question."""
    body = _ONE_OUTCOME.replace("There might be many causes to this:", "Notes on the alert.")
    tree = draft_tree(runbook(body))
    assert all(n["id"] != QUESTION_ID for n in tree["nodes"])


def test_scenarios_lead_regex_linear_on_hostile_text() -> None:
    """The scenarios lead stays fast on a hostile 20 KB line."""
    hostile = "common failure scenarios " + "x " * 10_000 + "no colon"
    started = time.perf_counter()
    assert _SCENARIOS_LEAD_RE.search(hostile) is None
    assert time.perf_counter() - started < 0.5
