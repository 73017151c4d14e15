"""Runbooks (issue 13, round 29): the alert variant that fired is asked, and node actions
packed in one tick are ticked one by one on the node the admin names."""

from __future__ import annotations

import time
from typing import Any

from drafting_support import runbook, walked

from kbassist.drafting import runbook_node_steps, runbook_variants
from kbassist.drafting.tree import draft_text, draft_tree


def node_of(tree: dict[str, Any], node_id: str) -> dict[str, Any] | None:
    """The tree's node with this id, if any."""
    return next((n for n in tree["nodes"] if n["id"] == node_id), None)


def symptom_yes(tree: dict[str, Any]) -> str:
    """Where "Yes, this is what I see" leads."""
    symptom = node_of(tree, "symptom")
    assert symptom is not None
    return str(next(c["next"] for c in symptom["choices"] if c["value"] == "yes"))


VARIANTS = """
## Meaning

The `FlowDrops` health rule fires when the flow pipeline drops a high share of the
records it receives.

**Possible alert variants:**

- `FlowDrops_Critical` - Cluster-wide drop rate exceeds the critical
  threshold
- `FlowDrops_Warning` - Cluster-wide drop rate exceeds the warning threshold
- `FlowDrops_PerSrcNamespace{Critical,Warning}` - Drop rate for traffic
  from a specific namespace exceeds threshold

## Mitigation

Raise the pipeline's buffer size in the FlowCollector resource and wait for the
drop rate to fall.
"""


def test_a_runbook_naming_variants_asks_which_alert_fired() -> None:
    """After the symptom is confirmed the admin picks the variant that fired (each with
    its description, severities said in words), and the verify names that alert."""
    art = runbook(VARIANTS, id_="FlowDrops")
    tree = draft_tree(art)
    asked = node_of(tree, symptom_yes(tree))
    assert asked is not None and asked["kind"] == "input" and asked["type"] == "choice"
    assert asked["title"] == "Which alert fired?"
    labels = [c["label"] for c in asked["choices"]]
    assert [c["value"] for c in asked["choices"]] == [
        "FlowDrops_Critical",
        "FlowDrops_Warning",
        "FlowDrops_PerSrcNamespace",
    ]
    assert labels[2].startswith("FlowDrops_PerSrcNamespace (Critical or Warning): Drop rate")
    draft_text(art)  # lint-clean, or DraftError
    checklist = walked(art, {"symptom": "yes", asked["var"]: "FlowDrops_PerSrcNamespace"})
    verify = [i.text for i in checklist.part("verify")]
    assert any("FlowDrops_PerSrcNamespace alert clears" in v for v in verify), verify


def test_a_runbook_naming_one_alert_asks_no_variant() -> None:
    """A runbook that names only its own alert (or one other variant) keeps its walk."""
    body = VARIANTS.replace("- `FlowDrops_Warning`", "- Warning").replace(
        "- `FlowDrops_PerSrcNamespace{Critical,Warning}`", "- per namespace"
    )
    tree = draft_tree(runbook(body, id_="FlowDrops"))
    assert node_of(tree, "which_alert") is None


def test_a_covers_sentence_names_the_variants() -> None:
    """ "This runbook covers X_Warning and X_Critical." is a list of variants too."""
    found = runbook_variants.alert_variants(
        "DiskFull", "This runbook covers `DiskFull_Warning` and `DiskFull_Critical`.\n"
    )
    assert [v for v, _ in found] == ["DiskFull_Warning", "DiskFull_Critical"]


PACKED = """
## Meaning

Pod start-up latency on a node stays above 60 seconds.

## Mitigation

Cordon and drain node and delete it.
If issue persists look into the node logs.
"""


def test_packed_node_actions_get_a_tick_each_on_the_node_asked() -> None:
    """ "Cordon and drain node and delete it" is three ticks naming the node the admin
    typed (asked with the alert's node label as help), the fallback a fourth."""
    art = runbook(PACKED, id_="PodStartSlow")
    tree = draft_tree(art)
    asks = [n for n in tree["nodes"] if n["kind"] == "input" and n["title"] == "The node's name"]
    assert len(asks) == 1 and "node label of the firing alert" in asks[0]["help"]
    draft_text(art)
    checklist = walked(art, {"symptom": "yes", asks[0]["var"]: "worker-3"})
    steps = [i.text for i in checklist.part("steps")]
    assert steps[:3] == [
        "Cordon the node worker-3.",
        "Drain the node worker-3.",
        "Delete the node worker-3.",
    ], steps
    assert steps[3].startswith("If issue persists look into the node logs")


def test_a_condition_holds_for_every_action_and_the_next_step_is_its_own() -> None:
    """ "Cordon and drain node if possible, proceed to RAID recovery": the condition on
    both actions, the recovery a tick of its own."""
    ticks = runbook_node_steps.node_ticks(
        "Cordon and drain node if possible, proceed to RAID recovery.", "node"
    )
    assert ticks == [
        "Cordon the node {node} if possible.",
        "Drain the node {node} if possible.",
        "Proceed to RAID recovery.",
    ]


def test_a_node_step_with_its_command_is_left_alone() -> None:
    """A drain the runbook gives a command for asks no extra node name."""
    body = PACKED.replace(
        "Cordon and drain node and delete it.\nIf issue persists look into the node logs.",
        "Drain the node:\n\n```bash\n$ oc adm drain <node_name> --ignore-daemonsets\n```",
    )
    tree = draft_tree(runbook(body, id_="PodStartSlow"))
    assert not [n for n in tree["nodes"] if n.get("title") == "The node's name"]


def test_the_new_patterns_are_linear_on_hostile_text() -> None:
    """20 KB of near-matches is read in well under a second by every new pattern."""
    hostile = [
        "- `" + "A_" * 10_000,
        "Cordon, " * 2_500 + "node",
        "cordon and drain node" + ", drain" * 3_000,
        "This runbook covers " + "`X_a`, " * 3_000,
    ]
    patterns = [
        runbook_variants._LINE_RE,
        runbook_variants._COVERS_RE,
        runbook_node_steps._NODE_ACTS_RE,
        runbook_node_steps._NEXT_ACT_RE,
        runbook_node_steps._AND_IT_RE,
    ]
    for text in hostile:
        for pattern in patterns:
            started = time.perf_counter()
            pattern.search(text)
            assert time.perf_counter() - started < 0.5, pattern.pattern[:40]


ASKED = """
## Meaning

The node has been unreachable for 15 minutes.

## Diagnosis

Check the status of that node:

```console
$ kubectl get node $NODE -o yaml
```

## Mitigation

Cordon and drain node.
"""


def test_a_node_the_walk_already_asks_is_not_asked_again() -> None:
    """When `$NODE` is asked on every way to the fix, the cordon and drain ticks name that
    answer and no second "The node's name" is asked."""
    tree = draft_tree(runbook(ASKED, id_="NodeGone"))
    assert not [n for n in tree["nodes"] if n.get("title") == "The node's name"]
    texts = [s["text"] for n in tree["nodes"] if n["kind"] == "outcome" for s in n["steps"]]
    cordon = next(t for t in texts if t.startswith("Cordon the node {"))
    drain = next(t for t in texts if t.startswith("Drain the node {"))
    assert cordon.split("{")[1] == drain.split("{")[1]


def test_steps_on_several_nodes_are_left_alone() -> None:
    """ "Drain affected nodes, then upgrade them" is about many nodes: no one name asked."""
    assert runbook_node_steps.node_ticks("Drain affected nodes, then upgrade them.", "node") is None
