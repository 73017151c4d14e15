"""Runbook walks diagnose, then decide, then fix (issue 13, round 9): the Diagnosis checks
are shown before the question they answer and before the inputs whose names they list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cli_support import run_kbassist
from drafting_support import runbook

from kbassist.drafting.tree import draft_text, draft_tree


def walk_order(tree: dict[str, Any], pick: int = 0) -> list[dict[str, Any]]:
    """The nodes one walk meets, in order: the `pick`-th answer of the fixes question, the
    first answer elsewhere that does not leave the article."""
    nodes = {n["id"]: n for n in tree["nodes"]}
    node, seen = tree["nodes"][0], []
    while node["kind"] != "outcome":
        seen.append(node)
        if node["kind"] == "question":
            choices = [c for c in node["choices"] if c["next"] != "not_this_article"]
            node = nodes[choices[pick if node["id"] == "mitigation" else 0]["next"]]
        else:
            node = nodes[node["next"]]
    return [*seen, node]


def texts(node: dict[str, Any]) -> str:
    return " ".join(f"{s['text']} {s.get('detail', '')}" for s in node.get("steps", []))


REMEDIES = """
## Meaning

The cluster has overcommitted CPU requests for pods.

## Diagnosis

- Check if some nodes are available and not cordoned:

```bash
kubectl get nodes -o wide
```

- Check if cluster-autoscaler has issues with adding new nodes.

## Mitigation

The mitigation can be:

- Add more nodes to the cluster.
- Use pod priorities to keep important services running.
"""


def test_the_diagnosis_checks_come_before_the_which_fix_question() -> None:
    """The Diagnosis checks, their command verbatim, are shown before "Which mitigation?"
    and are not ticked again in each fix after the answer."""
    tree = draft_tree(runbook(REMEDIES))
    for pick in (0, 1):
        order = walk_order(tree, pick)
        kinds = [n["kind"] for n in order]
        at_check = next(
            i for i, n in enumerate(order) if "kubectl get nodes -o wide" in n.get("text", "")
        )
        at_question = next(i for i, n in enumerate(order) if n["id"] == "mitigation")
        assert order[at_check]["kind"] == "info" and at_check < at_question, kinds
        assert "cluster-autoscaler" in order[at_check]["text"]
        # round 36 (rbdiag36): the checks that chose the fix are not ticked again in it
        assert "kubectl get nodes" not in texts(order[-1])
        assert ("Add more nodes", "pod priorities")[pick] in texts(order[-1])
    draft_text(runbook(REMEDIES))  # lint-clean, or DraftError


LISTED = """
## Meaning

A virtual machine instance contains an ephemeral hotplug volume.

## Diagnosis

1. Find each VM that contains an ephemeral hotplug volume:

```bash
$ oc get vmis -A -o json | jq -r '.items[].metadata.name'
```

2. For each VM listed, find the volumes that need to be patched:

```bash
$ oc get vmis <vm-name> -n <namespace> -o json | jq -r '.metadata.annotations'
```

## Mitigation

To convert ephemeral volumes to persistent volumes, run the following command:

```bash
$ virtctl addvolume <vm-name> --volume-name=<volume-name> --persist
```
"""


def test_a_listing_command_is_shown_before_the_input_asking_what_it_lists() -> None:
    """`oc get vmis -A` is shown before <vm-name> is asked, and the per-VM check that
    lists the volumes is shown (with the typed names) before <volume-name> is asked."""
    tree = draft_tree(runbook(LISTED))
    order = walk_order(tree)
    asks = [n["text"] if n["kind"] == "input" else n["title"] for n in order]
    listing = next(i for i, n in enumerate(order) if "oc get vmis -A" in n.get("text", ""))
    vm = next(i for i, t in enumerate(asks) if "writes <vm-name> " in t)
    volume = next(i for i, t in enumerate(asks) if "writes <volume-name> " in t)
    per_vm = next(
        i for i, n in enumerate(order) if n["kind"] == "info" and "-n {" in n.get("text", "")
    )
    assert listing < vm < per_vm < volume, asks
    assert order[per_vm]["text"].count("{placeholder_") == 2  # the typed names filled in
    outcome = order[-1]
    assert "virtctl addvolume" in texts(outcome)
    assert "oc get vmis" not in texts(outcome)
    draft_text(runbook(LISTED))  # lint-clean, or DraftError


DEPRECATED = """
This alert has been deprecated; it does not indicate a genuine issue. If
triggered, it may be safely ignored and silenced.

## Meaning

More than 5% of REST calls have failed in the `virt-api` pods.

## Diagnosis

1. Check the status of the `virt-api` pods:

   ```bash
   $ oc -n openshift-cnv get pods -l kubevirt.io=virt-api
   ```

2. Check the virt-api logs:

   ```bash
   $ oc logs -n openshift-cnv <virt-api>
   ```

## Mitigation

Based on the information obtained during the diagnosis procedure, try to identify
the root cause and resolve the issue.
"""


def test_a_deprecated_alerts_silence_answer_skips_the_diagnosis() -> None:
    """Silencing a deprecated alert needs no Diagnosis; the fix answer shows the pod
    listing before it asks for the <virt-api> pod name."""
    art = runbook(DEPRECATED, id_="VirtApiRESTErrorsHigh")
    tree = draft_tree(art)
    (question,) = [n for n in tree["nodes"] if n["id"] == "mitigation"]
    silence = next(n for n, c in enumerate(question["choices"]) if "Deprecated" in c["label"])
    order = walk_order(tree, silence)
    assert not any("get pods" in n.get("text", "") for n in order)
    order = walk_order(tree, 1 - silence)
    listing = next(i for i, n in enumerate(order) if "get pods -l" in n.get("text", ""))
    named = next(i for i, n in enumerate(order) if "writes <virt-api> " in n.get("text", ""))
    assert order.index(next(n for n in order if n["id"] == "mitigation")) < listing < named
    assert "fix applies" not in order[listing]["text"]  # the fix was already chosen
    draft_text(art)  # lint-clean, or DraftError


def test_the_cli_walk_shows_a_checks_commands_one_per_line(
    env: dict[str, str], tmp_path: Path
) -> None:
    """At the plain prompt the info step's listing command is a line of its own, as
    written, not run together with the text around it."""
    text, tree = draft_text(runbook(LISTED))
    trees = tmp_path / "trees"
    trees.mkdir()
    (trees / f"{tree.id}.yaml").write_text(text, encoding="utf-8")
    stdin = "1\n\n\nvm1\nns1\n\nvol1\n"  # the cause (its Meaning) is an info step too
    proc = run_kbassist("walk", tree.id, "--trees", str(trees), env=env, stdin=stdin, timeout=60)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    assert "$ oc get vmis -A -o json | jq -r '.items[].metadata.name'" in lines
    assert "$ oc get vmis vm1 -n ns1 -o json | jq -r '.metadata.annotations'" in lines


CLOCK = """
## Meaning

The NodeClockNotSynchronising alert triggers when a node is affected by issues with the
NTP server for that node.

## Impact

Certificates fail validation because of an invalid time.

## Diagnosis

To diagnose the underlying issue, start a debug pod on the affected node and check the
chronyd service:

```console
oc -n default debug node/<affected_node_name>
chroot /host
systemctl status chronyd
```

## Mitigation

1. If the chronyd service is failing or stopped, start it:

   ```console
   systemctl start chronyd
   ```

2. If the chronyd service is ready, restart it:

   ```console
   systemctl restart chronyd
   ```
"""


#: The same fix as the runbook writes it: one numbered step holding both cases.
CLOCK_ONE_STEP = (
    CLOCK.split("## Mitigation")[0]
    + """## Mitigation

1. If the `chronyd` service is failing or stopped, start it:

    ```shell
    systemctl start chronyd
    ```
    If the chronyd service is ready, restart it

    ```shell
    systemctl restart chronyd
    ```

2. Verify that the `chronyd` service is running:

    ```shell
    systemctl status chronyd
    ```
"""
)


@pytest.mark.parametrize("body", [CLOCK, CLOCK_ONE_STEP], ids=["two-steps", "one-step"])
def test_a_fix_check_is_shown_before_the_case_question_it_decides(body: str) -> None:
    """ "Is chronyd failing or ready?" comes after a step that shows the chronyd check
    (with the article's <affected_node_name>), not before the check is ever run."""
    tree = draft_tree(runbook(body, id_="NodeClockNotSynchronising"))
    nodes = tree["nodes"]
    ids = [n["id"] for n in nodes]
    question = next(n for n in nodes if n["kind"] == "question" and "chronyd" in str(n))
    ways_in = [
        n
        for n in nodes
        if n.get("next") == question["id"]
        or any(c["next"] == question["id"] for c in n.get("choices", []))
    ]
    assert [n["kind"] for n in ways_in] == ["info"]
    shown = ways_in[0]
    assert ids.index(shown["id"]) < ids.index(question["id"])
    assert "systemctl status chronyd" in shown["text"]
    assert "node/<affected_node_name>" in shown["text"] or "node/{" in shown["text"]


HORIZONS = """
## Meaning

The GuestFilesystemAlmostOutOfSpace alert fires when a guest file system is over 90% full.

## Diagnosis

Check the file-system usage metrics for the VMI:

```bash
$ oc get vmi <vm-name> -n <namespace>
```

## Mitigation

### Immediate Actions

1. Free up space in the guest file system: remove temporary files, logs, or caches.
2. Restart the VM to apply the changes:

   ```bash
   $ virtctl restart <vm-name> -n <namespace>
   ```

### Long-term Solutions

- Set up log rotation and cleanup policies within guest operating systems.
- Use appropriate volume sizes when provisioning VMs.
"""


def test_immediate_and_long_term_fixes_are_asked_by_horizon() -> None:
    """ "Immediate Actions" beside "Long-term Solutions" are not two things the Diagnosis
    could find: the question asks which one the admin is making now."""
    tree = draft_tree(runbook(HORIZONS, id_="GuestFilesystemAlmostOutOfSpace"))
    question = next(n for n in tree["nodes"] if n["id"] == "mitigation")
    assert question["title"] == "Which fix are you making now?"
    assert "Diagnosis checks show" not in question.get("help", "")
    labels = [c["label"] for c in question["choices"]]
    assert labels[:2] == ["Immediate Actions", "Long-term Solutions"]
