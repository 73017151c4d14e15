"""A runbook outcome's verify re-runs the check that showed the problem (issue 13, round
9): the Diagnosis command verbatim, the alert's condition from Meaning, then the alert."""

from __future__ import annotations

from typing import Any

from drafting_support import runbook

from kbassist.drafting.tree import draft_text, draft_tree


def fix_verifies(tree: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """The verify items of every fix outcome (not "This article may not apply")."""
    return [
        n["verify"]
        for n in tree["nodes"]
        if n["kind"] == "outcome" and n["id"] != "not_this_article" and n.get("verify")
    ]


PODS = """
## Meaning

This alert fires when one or more virt-api pods are not Ready for more than 15 minutes.

## Diagnosis

1. Check the status of the virt-api pods:

   ```bash
   $ oc -n openshift-cnv get pods -l kubevirt.io=virt-api
   ```

   The result should be Running for every pod.

2. Delete a stuck pod if you find one:

   ```bash
   $ oc -n openshift-cnv delete pod <pod-name>
   ```

## Mitigation

Restart the virt-api deployment and wait for the pods to become Ready.
"""


def test_the_verify_reruns_the_diagnosis_check_with_its_healthy_result() -> None:
    """The verify names the Diagnosis command to run again, verbatim, with the healthy
    result the runbook states, before the alert clears; a command that changes something
    is no check."""
    tree = draft_tree(runbook(PODS, id_="VirtApiDown"))
    for verify in fix_verifies(tree):
        texts = [f"{v['text']} {v.get('detail', '')}" for v in verify]
        rerun = next(t for t in texts if "oc -n openshift-cnv get pods" in t)
        assert "again" in rerun and "The result should be Running for every pod" in rerun
        assert not any("delete pod" in t for t in texts)
        assert "alert clears" in texts[-1] and len(texts) >= 3
    draft_text(runbook(PODS, id_="VirtApiDown"))  # lint-clean, or DraftError


def test_the_verify_says_the_alerts_condition_and_window() -> None:
    """The alert's condition from Meaning is named as what must no longer hold, with the
    window the alert waits before it resolves."""
    tree = draft_tree(runbook(PODS, id_="VirtApiDown"))
    for verify in fix_verifies(tree):
        said = next(v["text"] for v in verify if "no longer holds" in v["text"])
        assert "virt-api pods are not Ready for more than 15 minutes" in said
        assert "15-minute window" in said


STATED = """
## Meaning

>Network interface is reporting many transmit errors.

## Diagnosis

Check the interface counters on the node:

```bash
$ oc debug node/<node-name> -- ip -s link
```

## Mitigation

Replace the faulty network cable.
"""


def test_meanings_first_sentence_is_the_condition_and_a_debug_is_no_recheck() -> None:
    """A Meaning that only states the condition (quoted with ">") is named as what must
    no longer hold; a command that starts a debug pod is not re-run as a check."""
    tree = draft_tree(runbook(STATED, id_="NodeNetworkTransmitErrs"))
    for verify in fix_verifies(tree):
        texts = [v["text"] for v in verify]
        # round 11: "many" names no value, so the alert's own threshold is the check
        assert texts[0].startswith(
            "Check that the value the NodeNetworkTransmitErrs alert measures is back under its "
            "threshold"
        )
        assert '(the runbook: "Network interface is reporting many transmit errors")' in texts[0]
        assert not any("debug" in f"{v['text']} {v.get('detail', '')}" for v in verify)


FOLDED = """
## Meaning

Cluster has overcommitted CPU resource requests for Pods and cannot tolerate node failure.

<details>
<summary>Full context</summary>

Total number of CPU requests for pods exceeds cluster capacity.

</details>

## Mitigation

Add more nodes to the cluster.
"""


def test_a_folded_meaning_gives_its_condition_without_the_html() -> None:
    """Meaning's `<details><summary>Full context</summary>` is layout: the condition line
    reads as the runbook's sentence, with no tag and no "Full context" in it."""
    tree = draft_tree(runbook(FOLDED, id_="KubeCPUOvercommit"))
    for verify in fix_verifies(tree):
        condition = next(v["text"] for v in verify if "no longer holds" in v["text"])
        assert condition.endswith("and cannot tolerate node failure."), condition
        assert "<" not in condition and "Full context" not in condition
