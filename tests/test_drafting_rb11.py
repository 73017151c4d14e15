"""Round 11 (rb11): runbook drafts whose outcome is the fix, not the Diagnosis again.

Readers marked drafted runbook walks whose Mitigation outcome ticked the Diagnosis checks
(a one-fix runbook's "Mitigation" was the whole Diagnosis list), a "TODO" or empty
Mitigation still titled like a fix, and `$NAMESPACE` / `$NAME` in inline commands never
asked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drafting_support import runbook, walked

from kbassist.articles import parse_article
from kbassist.drafting.tree import draft_text, draft_tree


def outcomes(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in tree["nodes"] if n["kind"] == "outcome" and n["id"] != "not_this_article"]


def infos(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in tree["nodes"] if n["kind"] == "info"]


ONE_FIX = """
## Meaning

The StatefulSet has fewer ready replicas than desired.

## Diagnosis

- Check the rollout history: `kubectl -n $NAMESPACE rollout history statefulset $NAME`
- Check the pod events: `kubectl -n $NAMESPACE describe statefulset $NAME`
- Check the logs of the failing pod.

## Mitigation

Scale the StatefulSet down and up again.
"""


def test_a_one_fix_runbooks_checklist_is_the_fix_not_its_diagnosis() -> None:
    """The Diagnosis checks are shown before the fix, not ticked as its checklist."""
    tree = draft_tree(runbook(ONE_FIX))
    (fix,) = outcomes(tree)
    # round 30 (rbdiag30): the checks are ticked first, the fix after them
    ticked = [s["text"] for s in fix["steps"] if s["source"]["section"] != "Diagnosis"]
    assert ticked == ["Scale the StatefulSet down and up again."]
    assert fix["steps"][-1]["text"] == ticked[0]
    shown = " ".join(str(s["text"]) for s in fix["steps"])
    assert "Check the rollout history" in shown and "Check the logs of the failing pod" in shown


def test_shell_variables_in_inline_commands_are_asked_and_filled_in() -> None:
    """`$NAMESPACE` and `$NAME` in an inline command the runbook never sets are inputs
    whose answers reach the command shown."""
    art = runbook(ONE_FIX)
    tree = draft_tree(art)
    asked = [n["text"] for n in tree["nodes"] if n["kind"] == "input"]
    assert any("writes $NAMESPACE " in t for t in asked) and any(
        "writes $NAME " in t for t in asked
    )
    shown = " ".join(str(n["text"]) for n in infos(tree))
    assert "$NAMESPACE" not in shown and "$NAME" not in shown
    assert draft_text(art)[1] is not None  # lint-clean: every answer is asked first


def test_a_check_shown_before_a_question_is_not_ticked_again() -> None:
    """A check already shown before the case question ("Run this check first") is not a
    tick in the outcome after it, and the step no longer says it is."""
    art = runbook(
        "## Meaning\n\nOver 80% of the REST calls made to virt-operator pods have failed.\n\n"
        "## Diagnosis\n\n"
        "1. Check the virt-operator logs for errors when connecting to the API server:\n\n"
        "   ```bash\n   $ oc -n kubevirt logs <virt-operator>\n   ```\n\n"
        "## Mitigation\n\n"
        "- If the virt-operator pod cannot connect to the API server, delete the pod:\n\n"
        "  ```bash\n  $ oc delete -n kubevirt <virt-operator>\n  ```\n"
    )
    tree = draft_tree(art)
    for fix in outcomes(tree):
        assert not any("logs" in str(s.get("detail", "")) for s in fix["steps"])
    assert not any("again, to tick" in str(n["text"]) for n in infos(tree))
    assert any("logs" in str(n["text"]) for n in infos(tree))


TODO = """
## Meaning

kube-state-metrics is experiencing errors in list operations.

## Diagnosis

Check kube-state-metric container logs.
Check service account token.

## Mitigation

TODO
"""


def test_a_todo_mitigation_is_an_honest_escalation_not_a_fix() -> None:
    """A "TODO" Mitigation: the outcome says there is no documented fix and escalates after
    the checks; no statement is ticked as a step."""
    art = runbook(TODO, id_="KubeStateMetricsListErrors")
    tree = draft_tree(art)
    (fix,) = outcomes(tree)
    assert fix["title"].startswith("No documented fix: run the Diagnosis checks, then escalate")
    # round 30 (rbdiag30): the checks ticked first, then the escalation
    ticked = [s["text"] for s in fix["steps"]]
    assert ticked[-1].startswith("Escalate") and not any(
        t.startswith("Escalate") for t in ticked[:-1]
    )
    assert "team that owns the KubeStateMetricsListErrors alert" in ticked[-1]
    assert "Check service account token." in ticked
    verify = " ".join(str(v["text"]) for v in fix.get("verify", []))
    assert "escalation" in verify
    assert draft_text(art)[1] is not None


def test_an_empty_mitigation_escalates_with_the_runbooks_own_hint() -> None:
    """An empty Mitigation is said as such, and the runbook's own support-case line is the
    escalation step (not a generic one)."""
    art = runbook(
        "## Meaning\n\nErrors while performing watch operations in the controller.\n\n"
        "## Diagnosis\n\nCheck logs of the operator pod.\n\n"
        "If you cannot resolve the issue, open a support case with Red Hat Support.\n\n"
        "## Mitigation\n"
    )
    checklist = walked(art, {"symptom": "yes"})
    assert checklist.outcome.title.startswith("No documented fix")
    steps = [i.text for i in checklist.part("steps")]
    # round 30 (rbdiag30): the check is ticked first, then the runbook's escalation
    assert steps[0] == "Check logs of the operator pod."
    assert len(steps) == 2 and "open a support case with Red Hat Support" in steps[1]


CAUSES = """
## Meaning

For the last 10 minutes or longer, over 80% of the REST calls made to `virt-api` pods
have failed.

This error is frequently caused by one of the following problems:

- The API server is overloaded, which causes timeouts.
- The `virt-api` pod cannot reach the API server.

## Diagnosis

Check the `virt-api` logs for errors.

## Mitigation

Restart the `virt-api` pods.
"""


def test_a_meanings_list_of_causes_is_not_offered_as_symptoms() -> None:
    """ "caused by one of the following problems:" lists causes: the symptom question
    confirms what is seen, and the causes are named in the cause step, not the symptom."""
    tree = draft_tree(runbook(CAUSES))
    symptom = next(n for n in tree["nodes"] if n["id"] == "symptom")
    labels = [c["label"] for c in symptom["choices"]]
    assert not any("overloaded" in label for label in labels)
    assert "overloaded" not in tree["symptom"]
    assert "over 80% of the REST calls" in tree["symptom"]
    assert "overloaded" in tree["cause"]


PROSE_WAYS = """
## Meaning

Deployment generation mismatch due to possible roll-back.

## Diagnosis

- Check out rollout history `kubectl -n $NAMESPACE rollout history deployment $NAME`
- Check how many replicas are there declared.

## Mitigation

Depending on the conditions usually adding new nodes solves the issue.

Otherwise probably deployment or HPA definition needs to be fixed.

In rare cases roll back to previous version - see [Kubernetes Docs - Rolling Back](https://kubernetes.io/docs/rolling-back)

In extremely rare situations scale oldest ReplicaSets to 0 and delete them.

See [Debugging Pods](https://kubernetes.io/docs/debugging-pods)
"""


def test_remedies_stated_in_prose_are_asked_one_answer_each() -> None:
    """ "usually adding new nodes solves the issue. Otherwise ... In rare cases roll back
    ...": "Which way?" with one outcome per remedy, titled by what it does and when."""
    art = runbook(PROSE_WAYS)
    tree = draft_tree(art)
    question = next(n for n in tree["nodes"] if n["id"] == "mitigation")
    labels = [c["label"] for c in question["choices"]]
    assert labels[0] == "Add new nodes"
    assert labels[1].startswith("Fix deployment or HPA definition")
    assert labels[2] == "Roll back to previous version (in rare cases)"
    assert labels[3].startswith("Scale oldest ReplicaSets to 0 and delete them")
    answers = {"placeholder_1": "shop", "placeholder_2": "web"}
    rollback = walked(
        art, {"symptom": "yes", **answers, "mitigation": question["choices"][2]["value"]}
    )
    steps = rollback.part("steps")
    assert [i.text for i in steps] == ["Roll back to previous version."]
    assert "https://kubernetes.io/docs/rolling-back" in steps[0].detail


def test_names_and_checks_every_fix_needs_come_before_the_fixes_question() -> None:
    """The `$NAMESPACE` / `$NAME` inputs and the Diagnosis checks that use them are asked
    and shown once, before "Which fix do the Diagnosis checks point to?", not after it."""
    tree = draft_tree(runbook(PROSE_WAYS))
    ids = [n["id"] for n in tree["nodes"]]
    question = ids.index("mitigation")
    inputs = [i for i, n in enumerate(tree["nodes"]) if n["kind"] == "input"]
    assert len(inputs) == 2 and all(i < question for i in inputs)
    checks = [n for n in tree["nodes"] if n["kind"] == "info" and "rollout history" in n["text"]]
    assert len(checks) == 1 and ids.index(checks[0]["id"]) < question
    assert checks[0]["next"] == "mitigation"
    assert draft_text(runbook(PROSE_WAYS))[1] is not None


CASES = """
## Meaning

A control plane node has been detected as not ready for more than 5 minutes.

## Diagnosis

Check the status of all control plane nodes:

```bash
oc get nodes -l node-role.kubernetes.io/control-plane=''
```

## Mitigation

1. If the node is unreachable:
   - Verify network connectivity
   - Ensure the node has power and is running

2. If the kubelet is generating errors:
   ```bash
   systemctl restart kubelet
   ```

3. If the node cannot be recovered:
   - Investigate hardware/infrastructure issues
   - Consider replacing the node if necessary
"""


def test_a_chosen_finding_is_not_asked_again_nor_ticked_as_a_lead() -> None:
    """After "What did you find? = The node cannot be recovered" the walk does not ask
    "Does this apply: the node cannot be recovered?", and no "If ...:" lead is ticked."""
    art = runbook(CASES)
    tree = draft_tree(art)
    asked = [str(n["title"]) for n in tree["nodes"] if n["kind"] == "question"]
    assert not any(t.startswith("Does this apply") for t in asked)
    choices = next(n for n in tree["nodes"] if n["id"] == "mitigation")["choices"]
    lost = next(c for c in choices if "cannot be recovered" in c["label"])
    checklist = walked(art, {"symptom": "yes", "mitigation": lost["value"]})
    steps = [i.text for i in checklist.part("steps") if i.source.section != "Diagnosis"]
    assert steps[:2] == [
        "Investigate hardware/infrastructure issues",
        "Consider replacing the node if necessary",
    ]
    unreachable = next(c for c in choices if "unreachable" in c["label"])
    checklist = walked(art, {"symptom": "yes", "mitigation": unreachable["value"]})
    own = [i for i in checklist.part("steps") if i.source.section != "Diagnosis"]
    assert own[0].text == "Verify network connectivity"


def test_every_placeholder_of_a_long_runbook_fix_is_asked() -> None:
    """A runbook fix whose commands name ten things (`<vm-name>` ... `<attachment-name>`)
    asks for each: none is left as written in the command."""
    names = [f"<thing-{n}-name>" for n in range(1, 11)]
    commands = "\n".join(f"$ oc describe thing {name}" for name in names)
    art = runbook(
        "## Meaning\n\nA VM is stuck on its node.\n\n## Mitigation\n\n"
        f"Describe each thing:\n\n```bash\n{commands}\n```\n"
    )
    tree = draft_tree(art)
    asked = [str(n["text"]) for n in tree["nodes"] if n["kind"] == "input"]
    assert all(any(f"writes {name} " in text for text in asked) for name in names)
    assert draft_text(art)[1] is not None


def test_a_todo_mitigation_with_a_pointer_is_still_no_documented_fix() -> None:
    """ "TODO" + "See [APIServer aggregation](...)" is no step: the outcome escalates and
    shows the link in its text, no "TODO See ..." tick."""
    art = runbook(
        "## Meaning\n\nKubernetes aggregated API has reported errors.\n\n"
        "## Diagnosis\n\nCheck networking on the node.\n\n"
        "## Mitigation\n\nTODO\n\nSee [APIServer aggregation](https://kubernetes.io/agg)\n"
    )
    checklist = walked(art, {"symptom": "yes"})
    assert checklist.outcome.title.startswith("No documented fix")
    steps = checklist.part("steps")
    # round 30 (rbdiag30): the Diagnosis check ticked first, then the escalation
    assert [s.text for s in steps[:-1]] == ["Check networking on the node."]
    assert steps[-1].text.startswith("Escalate")
    assert "https://kubernetes.io/agg" in str(checklist.outcome.text)


def test_checks_shown_before_the_next_name_keep_the_articles_order() -> None:
    """Two Diagnosis checks that need only the pod's name are shown before the container
    name is asked in the runbook's order (the second was shown first)."""
    art = runbook(
        "## Meaning\n\nA pod is crash looping.\n\n## Diagnosis\n\n"
        "1. Check the pod events:\n\n   ```bash\n   oc -n apps describe pod <pod-name>\n   ```\n\n"
        "2. Check the pod template:\n\n   ```bash\n   oc -n apps get pod <pod-name> -o yaml\n"
        "   ```\n\n"
        "3. Check the container logs:\n\n   ```bash\n"
        "   oc -n apps logs <pod-name> -c <container-name>\n   ```\n\n"
        "## Mitigation\n\nFix the configuration of the app.\n"
    )
    tree = draft_tree(art)
    by_id = {n["id"]: n for n in tree["nodes"]}
    order, at = [], tree["nodes"][0]["choices"][0]["next"]
    while at in by_id and by_id[at]["kind"] != "outcome":
        order.append(by_id[at])
        at = by_id[at]["next"]
    shown = [str(n["text"]) for n in order if n["kind"] == "info"]
    events = next(i for i, t in enumerate(shown) if "events" in t)
    template = next(i for i, t in enumerate(shown) if "template" in t)
    assert events < template


def test_a_folder_qualified_runbook_names_its_alert_not_its_id() -> None:
    """A runbook whose id is folder-qualified (a shared file name) and whose title is
    spelt out verifies "the KubePVFillingUp alert clears", not "runbooks/x/KubePV..."."""
    text = (
        "---\nid: runbooks/prometheus-operator/KubePVFillingUp\n"
        "title: Kube PV Filling Up\n---\n\n# KubePVFillingUp\n\n"
        "## Meaning\n\nA volume is filling up.\n\n"
        "## Mitigation\n\nResize the volume.\n"
    )
    art = parse_article(text, Path("KubePVFillingUp.md"))
    verify = [i.text for i in walked(art, {"symptom": "yes"}).part("verify")]
    assert any(v.startswith("Check that the KubePVFillingUp alert clears") for v in verify)
    assert not any("runbooks/" in v for v in verify)


def test_a_runbook_cause_read_with_a_diagnosis_instruction_leaves_the_instruction_out() -> None:
    """ "Check if an upgrade is in progress. In case there is no upgrade ..., this alert can
    be triggered as well." as the cause: the instruction is not part of why it fires."""
    art = runbook(
        "## Meaning\n\nThis alert fires when one or more etcd members are down.\n\n"
        "## Diagnosis\n\nCheck if an upgrade is in progress.\n\n"
        "```console\n$ oc adm upgrade\n```\n\n"
        "In case there is no upgrade going on, but there is a change in the machineconfig "
        "causing a rolling reboot of each master node, this alert can be triggered as well.\n\n"
        "## Mitigation\n\nWait for the upgrade to finish.\n",
        id_="etcdMembersDown",
    )
    cause = draft_tree(art)["cause"]
    assert not cause.startswith("Check if")
    assert "rolling reboot" in cause or "members are down" in cause


def test_a_fix_whose_steps_are_todo_says_so_instead_of_ticking_the_todo() -> None:
    """ "Purge volume ... WARNING/DANGER: ... TODO": the walk says the runbook has no steps
    for it yet, with the runbook's words under that, never a tick ending in "TODO"."""
    art = runbook(
        "## Meaning\n\nA volume is filling up.\n\n"
        "## Mitigation\n\n### Direct Volume resizing\n\nIf volume resizing is available, it's "
        "easiest to increase the capacity of the volume.\n\nTo resize the volume run:\n\n"
        "```shell\n$ kubectl -n <my-namespace> edit pvc <my-pvc>\n```\n\n"
        "### Purge volume\n\nWhen the data is ephemeral and volume expansion is not available, "
        "it may be best to purge the volume.\n\n"
        "**WARNING/DANGER**: This will permanently delete the data on the volume.\n\nTODO\n",
        id_="KubePVFillingUp",
    )
    tree = draft_tree(art)
    steps = [s for n in tree["nodes"] if n["kind"] == "outcome" for s in n.get("steps", [])]
    assert not any(str(s["text"]).rstrip(".").endswith("TODO") for s in steps)
    gap = [s for s in steps if "gives no steps for this fix yet" in str(s["text"])]
    assert gap and "permanently delete" in str(gap[0].get("detail", ""))
