"""Round 15 (rbfix15): a runbook's reading of its alert is the cause, its bare condition
no cause, and a runbook with no fix is titled one way."""

from __future__ import annotations

from drafting_support import details, fixes, runbook, ticks

from kbassist.drafting.blocks import OUTPUT_LABEL
from kbassist.drafting.tree import draft_tree

SUPPORT = (
    "If you cannot resolve the issue, log in to the\n"
    "[Customer Portal](https://access.redhat.com) and open a support case,\n"
    "attaching the artifacts gathered during the diagnosis procedure."
)
DIAGNOSIS = """
## Diagnosis

1. Check the status of the widget-operator pods:

   ```bash
   $ oc -n widgets get pods -l app=widget-operator
   ```
"""


def test_this_usually_indicates_is_the_cause_and_the_condition_the_symptom() -> None:
    """ "This usually indicates X" after "This alert fires when Y" is shown as the cause,
    and the symptom asked is what fires (Y), not the reading."""
    tree = draft_tree(
        runbook(
            "## Meaning\n\nThis alert fires when more than 5% of the REST calls in\n"
            "`widget-operator` pods failed in the last 60 minutes. This usually indicates\n"
            "the `widget-operator` pods cannot connect to the API server.\n"
            f"{DIAGNOSIS}\n## Mitigation\n\nDelete the pod to force a restart:\n\n"
            "```bash\n$ oc -n widgets delete pod -l app=widget-operator\n```\n",
            id_="WidgetRESTErrorsHigh",
        )
    )
    assert tree["symptom"].startswith("This alert fires when more than 5%")
    assert "usually indicates" not in tree["symptom"]
    assert tree["cause"].startswith("This usually indicates the widget-operator pods")


def test_this_means_is_taken_out_of_the_symptom_into_the_cause() -> None:
    """ "This means that X" is how the runbook reads the alert: the cause, not more of
    what the admin sees (the cause used to repeat the condition instead)."""
    tree = draft_tree(
        runbook(
            "## Meaning\n\nThis alert fires when there are fewer widget members available\n"
            "than are needed to be healthy. This means that the widget cluster has not\n"
            f"enough members to create quorum.\n{DIAGNOSIS}\n## Mitigation\n\n"
            "Start the stopped members:\n\n```bash\n$ widgetctl start --all\n```\n",
            id_="WidgetMembersDown",
        )
    )
    assert "quorum" not in tree["symptom"]
    assert tree["cause"].startswith("This means that the widget cluster")
    assert "fires when" not in tree["cause"]


def test_a_cause_that_only_restates_the_condition_says_the_runbook_names_none_beyond_it() -> None:
    """A Meaning that only says when the alert fires has no cause: no cause node repeats
    the symptom, and the cause line says so while keeping the condition readers look for."""
    tree = draft_tree(
        runbook(
            "## Meaning\n\nThis alert fires when no `widget-operator` pod in a `Ready` state\n"
            "has been detected for 10 minutes.\n\nThe `widget-operator` is the first Operator\n"
            f"to start in a cluster.\n{DIAGNOSIS}\n## Mitigation\n\nRestart the deployment:\n\n"
            "```bash\n$ oc -n widgets rollout restart deploy/widget-operator\n```\n",
            id_="NoReadyWidgetOperator",
        )
    )
    assert "fires when" in tree["symptom"]
    assert tree["cause"].startswith("NoReadyWidgetOperator names no cause beyond the condition")
    assert "no widget-operator pod" in tree["cause"]  # the condition, said as one
    assert not any(n["id"] == "cause" for n in tree["nodes"])
    said_why = draft_tree(
        runbook(
            "## Meaning\n\nThis alert fires when the widget queue is full. This can occur\n"
            f"when the widget consumer is scaled to zero.\n{DIAGNOSIS}\n## Mitigation\n\n"
            "Scale the consumer up:\n\n```bash\n$ oc scale deploy/consumer --replicas=2\n```\n",
            id_="WidgetQueueFull",
        )
    )
    assert "scaled to zero" in said_why["cause"]  # a "why" the runbook gives is kept


def test_an_empty_and_a_vague_mitigation_are_titled_the_same() -> None:
    """A "TODO" Mitigation and one that only says to find the root cause and open a case
    are one kind of outcome, with one title."""
    meaning = "## Meaning\n\nThis alert fires when the widget controller is down.\n"
    todo = draft_tree(runbook(f"{meaning}{DIAGNOSIS}\n## Mitigation\n\nTODO\n", id_="A"))
    vague = draft_tree(
        runbook(
            f"{meaning}{DIAGNOSIS}\n## Mitigation\n\nTry to identify the root cause and "
            f"resolve the issue.\n\n{SUPPORT}\n",
            id_="B",
        )
    )
    (one,) = fixes(todo)
    (other,) = fixes(vague)
    assert one["title"] == other["title"]
    assert one["title"].startswith("No documented fix")


SESSION = """## Meaning

This alert fires when the widget operator fails to sync its targets.

## Mitigation

1. Review the logs of the widget operator:

   ```console
   $ oc -n widgets logs -l app=widget-operator
   level=error ts=2021-09-24T11:24:52Z msg="Creating target failed"
   ```

2. Apply the corrected configuration:

   ```console
   $ cat <<EOF | oc apply -f -
   apiVersion: v1
   kind: ConfigMap
   EOF
   ```

3. Restart the operator:

   ```console
   $ oc -n widgets rollout restart \\
       deploy/widget-operator
   ```
"""


def test_sample_output_in_a_shell_session_is_shown_as_output() -> None:
    """The log line under "$ oc logs" is marked as what the command shows, not left as
    a line of the command; a here-document and a continued line stay the command."""
    tree = draft_tree(runbook(SESSION, id_="WidgetSyncFailure"))
    shown = "\n".join(str(s.get("detail") or "") for n in fixes(tree) for s in n["steps"]).split(
        "\n"
    )
    at = next(n for n, line in enumerate(shown) if line.startswith("level=error"))
    assert shown[at - 1] == OUTPUT_LABEL
    assert shown[at - 2].startswith("$ oc -n widgets logs")
    assert shown.count(OUTPUT_LABEL) == 1  # not over the ConfigMap nor "deploy/..."


DEPRECATED_CASE = f"""This alert has been deprecated; it does not indicate a genuine issue. If
triggered, it may be safely ignored and silenced.

## Meaning

This alert fires when more than 5% of the REST calls in `widget-operator` pods
failed in the last 60 minutes.

## Diagnosis

1. Check the `widget-operator` logs for error messages:

   ```bash
   $ oc -n widgets logs <widget-operator>
   ```

## Mitigation

- If the `widget-operator` pod cannot connect to the API server, delete the pod to
force a restart:

  ```bash
  $ oc delete -n <install-namespace> <widget-operator>
  ```

{SUPPORT}
"""


def test_a_fix_in_one_case_is_titled_by_its_action_not_by_the_escalation() -> None:
    """ "Mitigation: Escalate if the steps above did not clear the alert" read as no fix
    though it led to the pod delete: the title names the delete; the answer where the
    case does not hold ends in an outcome titled as no documented fix."""
    tree = draft_tree(runbook(DEPRECATED_CASE, id_="WidgetRESTErrorsHigh"))
    titles = {n["id"]: n["title"] for n in fixes(tree)}
    fix = next(t for i, t in titles.items() if "delete" in t.lower())
    assert "Escalate" not in fix
    rest = [t for i, t in titles.items() if i.endswith("-rest")]
    assert rest and all(t.startswith("No documented fix") for t in rest)


HPA = """## Meaning

The widget autoscaler has been running at max replicas for longer than 15 minutes.

## Mitigation

If using basic metrics like CPU/Memory then ensure to set proper values for
`requests`.
For memory based scaling ensure there are no memory leaks.
If using custom metrics then fine-tune how the app scales accordingly to it.

Use performance tests to see how the app scales.
"""


def test_prose_actions_before_the_steps_are_ticked_not_left_as_text() -> None:
    """ "If X then ensure to Y." / "For X ensure Y." sentences are the fix: each is a
    tick (in the runbook's order, before "Use performance tests ..."), not outcome text."""
    (outcome,) = fixes(draft_tree(runbook(HPA, id_="WidgetHpaMaxedOut")))
    said = ticks(outcome)
    assert "memory leaks" not in outcome.get("text", "")
    assert "For memory based scaling, ensure there are no memory leaks." in said
    assert any("fine-tune how the app scales" in t for t in said)
    assert any(t.lower().endswith("set proper values for requests.") for t in said)
    assert said[-1].startswith("Use performance tests")


def test_you_must_is_ticked_unless_the_next_step_says_it() -> None:
    """ "You must drain the node." is a tick; said again by the step under it ("Unpause
    the pool (...):" after "You must unpause the pool.") it stays the text."""
    body = (
        "## Meaning\n\nThis alert fires when the widget pool is paused.\n\n## Mitigation\n\n"
        "You must drain the node. Some services rebalance on their own.\n\n"
        "Restart the widget service:\n\n```console\n$ systemctl restart widget\n```\n"
    )
    (outcome,) = fixes(draft_tree(runbook(body, id_="WidgetPoolPaused")))
    assert ticks(outcome)[0] == "Drain the node {node}."  # round 29: the node is asked
    said = body.replace("You must drain the node.", "You must restart the widget service.")
    (outcome,) = fixes(draft_tree(runbook(said, id_="WidgetPoolPaused")))
    assert not any(t.startswith("Restart the widget service.") for t in ticks(outcome))


BLAST = """## Meaning

This alert fires when more than 50 widget launcher pods are in the Failed phase.

## Mitigation

1. Reduce the blast radius:

    - Migration loop: cancel in-flight migrations (scope as needed).
      ```bash
      $ oc delete wmig -A
      ```

    - Coordinate with noisy tenants; pause offending workloads if necessary.

2. Clean up failed pods:

    ```bash
    $ oc delete pods -A -l app=widget-launcher --field-selector=status.phase=Failed
    ```

3. Resolve root cause:

    - Image issues: fix registry access, credentials, or tags.
    - Storage: resolve attach/mount failures; verify PVC health.
"""


def test_actions_under_a_lead_in_are_one_tick_each_titled_by_the_group() -> None:
    """ "Reduce the blast radius:" over two actions is no tick holding both: each action
    is a tick titled by the group, its command under it; "Resolve root cause:" over the
    causes hangs under no tick."""
    tree = draft_tree(runbook(BLAST, id_="WidgetLaunchersFailed"))
    said = [t for o in fixes(tree) for t in ticks(o)]
    assert (
        "Reduce the blast radius (migration loop): cancel in-flight migrations (scope as needed)."
        in said
    )
    assert any(t.startswith("Reduce the blast radius: coordinate with noisy tenants") for t in said)
    assert "Reduce the blast radius:" not in said
    shown = "\n".join(details(o) for o in fixes(tree))
    assert "$ oc delete wmig -A" in shown
    assert "Resolve root cause" not in shown


def test_what_is_not_supported_opening_a_fix_is_its_text_not_a_step_note() -> None:
    """ "Red Hat does not support X." before "Recreate the pool with a larger CIDR." says
    why the fix is what it is: the outcome's text, not a note under the step."""
    body = (
        "## Meaning\n\nThis alert fires when the widget subnet pool is 90% allocated.\n\n"
        "## Mitigation\n\nRed Hat does not support resizing a widget subnet pool. "
        "Recreate the pool with a larger CIDR.\n"
    )
    (fix,) = fixes(draft_tree(runbook(body, id_="WidgetSubnetsLow")))
    assert ticks(fix) == ["Recreate the pool with a larger CIDR."]
    assert fix.get("text", "").startswith("Red Hat does not support resizing")
    assert "does not support" not in details(fix)
