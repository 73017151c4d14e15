"""Round 13 (rbdiag13): a runbook walk shows the Diagnosis check before it asks what the
check reveals.

Readers marked drafted runbook walks that asked for `$NODE_NAME` before the step running
`oc get nodes`, and asked "Which cause did you find?" (with the `<namespace>` and
`<virt-launcher-pod>` names) before the Diagnosis steps that list the failed pods."""

from __future__ import annotations

from typing import Any

from drafting_support import runbook

from kbassist.drafting.tree import draft_text, draft_tree


def path(tree: dict[str, Any], answer: int = 0) -> list[dict[str, Any]]:
    """The nodes a walk meets, in order: "yes" to the symptom, then choice `answer`."""
    by_id = {n["id"]: n for n in tree["nodes"]}
    at, seen = tree["nodes"][0], []
    while at["kind"] != "outcome" and at["id"] not in {n["id"] for n in seen}:
        seen.append(at)
        if at["kind"] == "question":
            choices = at["choices"]
            at = by_id[
                choices[0 if at["id"] == "symptom" else min(answer, len(choices) - 1)]["next"]
            ]
        else:
            at = by_id[at["next"]]
    return [*seen, at]


def first(nodes: list[dict[str, Any]], kind: str, text: str) -> int:
    """Where on the walk the first `kind` node mentioning `text` is met."""
    return next(
        n
        for n, node in enumerate(nodes)
        if node["kind"] == kind and text in " ".join(str(v) for v in node.values())
    )


NODES = """
## Meaning

The kubelet on a node has not been reachable for 15 minutes.

## Diagnosis

Review the status of the nodes and check for recent events on `Node` resources:

```console
$ oc get nodes
$ oc describe node $NODE_NAME
$ oc get events --field-selector 'involvedObject.kind=Node'
```

If you have SSH access to the nodes, review the logs for the Kubelet:

```console
$ journalctl -b -f -u kubelet.service
```

## Mitigation

Restart the kubelet service on the node, then check that the node is Ready.
"""


def test_the_node_listing_is_shown_before_the_node_name_is_asked() -> None:
    """`oc get nodes` is shown before "Your name for $NODE_NAME", the rest of the check
    (filled with the answer) after it."""
    art = runbook(NODES)
    walk = path(draft_tree(art))
    listing = first(walk, "info", "$ oc get nodes")
    asked = first(walk, "input", "$NODE_NAME")
    described = first(walk, "info", "oc describe node {")
    assert listing < asked < described
    assert "oc describe node" not in str(walk[listing]["text"])
    assert draft_text(art)[1] is not None  # lint-clean


CAUSES = """
## Meaning

A large number of virt-launcher Pods remain in the Failed phase.

## Diagnosis

1. Sample failed Pods and events:
    ```bash
    # List a few failed virt-launcher pods cluster-wide
    $ oc get pods -A -l kubevirt.io=virt-launcher --field-selector=status.phase=Failed
    ```
    ```bash
    # Inspect events for a representative pod
    $ oc -n <namespace> describe pod <virt-launcher-pod>
    ```

2. Check for migration storms:
    ```bash
    $ oc get vmim -A
    ```

## Mitigation

1. Clean up failed Pods:

    ```bash
    $ oc delete pods -A -l kubevirt.io=virt-launcher --field-selector=status.phase=Failed
    ```

2. Resolve root cause:

    - Image issues: fix registry access, credentials, or tags.
    - Network/CNI: fix CNI/data-plane errors; confirm new Pods start cleanly.
    - Storage: resolve attach/mount failures; verify PVC health.
"""


def test_which_cause_is_asked_after_the_checks_that_show_it() -> None:
    """ "Which cause did you find?" comes after every Diagnosis check on the walk, and the
    pod's names are asked after the listing of failed pods, before the describe."""
    art = runbook(CAUSES)
    tree = draft_tree(art)
    for answer in range(3):
        walk = path(tree, answer)
        question = first(walk, "question", "Image issues")
        checks = [n for n, node in enumerate(walk) if node["kind"] == "info" and node.get("checks")]
        assert checks and max(checks) < question
        listing = first(walk, "info", "--field-selector=status.phase=Failed")
        asked = first(walk, "input", "<virt-launcher-pod>")
        assert listing < asked < first(walk, "info", "describe pod {")
    said = " ".join(str(n.get("text")) for n in tree["nodes"] if n["kind"] == "question")
    assert "the first steps of the checklist" not in said
    assert draft_text(art)[1] is not None


def test_a_comment_goes_with_the_command_it_introduces() -> None:
    """A check cut before a name keeps "# Inspect events ..." with the command after the
    input, not dangling at the end of the listing shown before it."""
    walk = path(draft_tree(runbook(CAUSES)))
    listing = walk[first(walk, "info", "--field-selector=status.phase=Failed")]
    rest = walk[first(walk, "info", "describe pod {")]
    assert "# Inspect events" not in str(listing["text"])
    assert "# Inspect events" in str(rest["text"])
    assert "Sample failed Pods and events (continued):" in str(rest["text"])


WAYS = """
## Meaning

A node's kernel is running out of available file descriptors.

## Diagnosis

Open a shell on the node and look at the open files:

```console
$ oc debug node/<node>
# sysctl -a | grep 'fs.file-'
```

## Mitigation

Reduce the number of files opened simultaneously either by adjusting application
configuration or by moving some applications to other nodes.
"""


def test_the_way_to_fix_is_chosen_after_the_diagnosis() -> None:
    """A "Which way do you take?" question whose answers all go on to the same checks is
    asked after them: the admin chooses the fix once the checks ran."""
    art = runbook(WAYS)
    walk = path(draft_tree(art))
    question = first(walk, "question", "Which")
    assert first(walk, "info", "sysctl -a") < question
    assert draft_text(art)[1] is not None


HANDLER = """
## Meaning

No running virt-handler pod has been detected for 10 minutes.

## Diagnosis

1. Check the status of the virt-handler pods:

   ```bash
   $ oc -n openshift-cnv get pods -l kubevirt.io=virt-handler
   ```

2. Check for node issues (e.g. nodes not ready or taints):

   ```bash
   $ oc get nodes
   ```

## Mitigation

1. Review the logs of the virt-handler pod:

   ```bash
   $ oc -n openshift-cnv logs <virt-handler-pod-name>
   ```

2. Restore the DaemonSet so virt-handler runs on schedulable nodes.
"""


def test_the_help_points_at_the_step_that_lists_the_named_thing() -> None:
    """ "Not known yet?" names the step listing the virt-handler pods, not the nearer
    `oc get nodes` step, whose output cannot show a pod's name."""
    tree = draft_tree(runbook(HANDLER))
    (asked,) = [n for n in tree["nodes"] if n["kind"] == "input"]
    assert "Check the status of the virt-handler pods" in asked["help"]
    assert "node issues" not in asked["help"]


DEPENDS = """
## Meaning

The monitoring system has not been able to reach any of the Kubelets for 15 minutes.

## Diagnosis

Review the status of the nodes:

```console
$ oc get nodes
```

## Mitigation

The mitigation for this alert depends on the issue causing the Kubelets to
become unresponsive. You can begin by checking for general networking issues or
for node-level configuration issues.
"""


def test_a_depends_on_statement_is_shown_and_its_advice_ticked() -> None:
    """ "The mitigation ... depends on X. You can begin by checking for A or for B." asks
    which issue it is and ticks "Check for A." (or B) with the statement shown under it,
    not the statement as a tick (round 40: the two issues are asked, not one tick)."""
    tree = draft_tree(runbook(DEPENDS))
    fixes = [n for n in tree["nodes"] if n["kind"] == "outcome" and n["id"] != "not_this_article"]
    steps = [[s for s in f["steps"] if s["source"]["section"] != "Diagnosis"] for f in fixes]
    assert [[s["text"] for s in own] for own in steps] == [
        ["Check for general networking issues."],
        ["Check for node-level configuration issues."],
    ]
    assert all(
        own[0]["detail"].startswith("The mitigation for this alert depends on the issue")
        for own in steps
    )


def test_a_bare_depends_on_statement_ticks_resolving_what_it_names() -> None:
    """ "The resolution depends on the particular issue reported in the logs." alone is
    ticked as resolving that issue, the statement shown under it."""
    body = DEPENDS.split("## Mitigation")[0] + (
        "## Mitigation\n\nThe resolution depends on the particular issue reported in the logs.\n"
    )
    tree = draft_tree(runbook(body))
    (fix,) = [n for n in tree["nodes"] if n["kind"] == "outcome" and n["id"] != "not_this_article"]
    own = [s for s in fix["steps"] if s["source"]["section"] != "Diagnosis"]
    assert [s["text"] for s in own] == ["Resolve the particular issue reported in the logs."]
    assert "depends on" in own[0]["detail"]


ROLLOUT = """
## Meaning

The virt-handler daemon set has failed to deploy on one or more worker nodes.

## Diagnosis

Identify worker nodes that do not have a running `virt-handler` pod:

1. Export the `NAMESPACE` environment variable:

   ```bash
   $ export NAMESPACE="$(oc get kubevirt -A -o jsonpath='{.items[].metadata.namespace}')"
   ```

2. Check the status of the `virt-handler` pods to identify pods that have not deployed:

   ```bash
   $ oc get pods -n $NAMESPACE -l=kubevirt.io=virt-handler
   ```

3. Obtain the name of the worker node of the `virt-handler` pod:

   ```bash
   $ oc -n $NAMESPACE get pod <virt-handler> -o jsonpath='{.spec.nodeName}'
   ```

## Mitigation

If the virt-handler pods failed to deploy because of insufficient resources, delete
other pods on the affected worker node.
"""


def test_a_lead_in_over_the_checks_is_their_heading_not_a_numbered_check() -> None:
    """ "Identify worker nodes ...:" is shown above the numbered checks it announces, and
    "Export the NAMESPACE ..." is check 1 as in the article."""
    tree = draft_tree(runbook(ROLLOUT))
    shown = "\n".join(str(n["text"]) for n in tree["nodes"] if n["kind"] == "info")
    assert "\n\nIdentify worker nodes that do not have a running virt-handler pod:\n\n" in shown
    assert "1. Export the NAMESPACE environment variable:" in shown
    assert "1. Identify worker nodes" not in shown


def test_a_placeholder_after_an_objects_kind_is_asked_as_a_name() -> None:
    """`oc get pod <virt-handler>` asks the virt-handler's name, a pod's name, not an
    untyped value."""
    tree = draft_tree(runbook(ROLLOUT))
    asked = next(n for n in tree["nodes"] if n["kind"] == "input" and "<virt-handler>" in n["text"])
    assert asked["title"] == "Virt-handler pod" and asked["format"] == "name"


DOWN = """
## Meaning

No running virt-handler pod has been detected for 10 minutes.

## Diagnosis

1. Check the status of the virt-handler pods:

   ```bash
   $ oc -n openshift-cnv get pods -l kubevirt.io=virt-handler
   ```

2. If any virt-handler pod exists, review its logs:

   ```bash
   $ oc -n openshift-cnv logs <virt-handler-pod-name>
   ```

## Mitigation

Restore the DaemonSet so virt-handler runs on schedulable nodes.
"""


def test_a_name_for_a_check_of_one_case_is_asked_only_in_that_case() -> None:
    """ "If any virt-handler pod exists, review its logs" asks "Does this apply: any
    virt-handler pod exists?" first; "No" goes on without asking the pod's name."""
    art = runbook(DOWN)
    tree = draft_tree(art)
    (asked,) = [n for n in tree["nodes"] if n["kind"] == "input"]
    walk = path(tree, answer=1)  # "No, not here"
    gate = first(walk, "question", "any virt-handler pod exists")
    assert walk[gate]["title"] == "Does this apply: any virt-handler pod exists?"
    assert asked["id"] not in [n["id"] for n in walk]
    assert asked["id"] in [n["id"] for n in path(tree, answer=0)]
    assert draft_text(art)[1] is not None


def test_a_name_the_checks_lead_uses_is_not_dropped() -> None:
    """Garbled Diagnosis text (as a fuzz run makes it) whose lead paragraph uses names a
    later command uses too still drafts: the names stay asked before the checks, where
    the reordering used to ask them after the lead that shows them (or drop one), which
    lint refuses, so `kbassist draft` gave an error and no draft."""
    article = runbook(
        "## Meaning\n\n## Diagnosis\n\n"
        ", YOUR_NAME POOL_NAME 1809 Spooler If Note: remove *z+ Method DNS ^ Method:\n\n"
        "-or- Note: -or- renew ; {Name} <server> kube-proxy-abc12 so a):\n\n"
        "{1} YOUR_NAME update so (x Method.\n\n"
        "```shell\noc get pods -n <namespace> POOL_NAME\n```\n\n## Mitigation\n"
    )
    draft_text(article)  # lint-clean: every name is set before the text that uses it
