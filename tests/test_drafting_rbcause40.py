"""Runbook causes said outside a Cause heading and Mitigations per cause (round 40,
rbcause40): a bare "Usually X." guess in Diagnosis is the cause; "the mitigation depends
on the issue causing X. Check for A, or B." names A and B as the cause; "Possible causes
for X include Y." is the cause; "It is recommended to X" over only a note and the
escalation is the first tick; "Check/Verify/Audit" bullets after a Diagnosis that says
the alert "might also mean" another cause are asked, one finding each."""

from __future__ import annotations

from drafting_support import fix_ticks, fixes, questions, runbook

from kbassist.drafting.runbook_said_cause import _bare_guess
from kbassist.drafting.tree import draft_tree

GUESS = """
## Meaning

Widget start latency is above 60 seconds on a node.

## Impact

Slow widget starts.

## Diagnosis

Usually saturated disk throughput on the node.

## Mitigation

Restart the widget agent on the node.
"""


def test_bare_usually_guess_in_diagnosis_is_the_cause() -> None:
    """A Diagnosis "Usually saturated disk throughput" is shown as why, not "gives no cause"."""
    tree = draft_tree(runbook(GUESS, id_="WidgetStartSlow"))
    assert tree["cause"] == "Usually saturated disk throughput on the node."
    assert "no cause" not in tree["cause"]


def test_usually_clause_or_advice_is_no_bare_guess() -> None:
    """ "Usually the problem is solved when ..." or "Usually you ..." is read as no cause."""
    assert _bare_guess("Usually the problem is solved when the upgrade has finished.") == ""
    assert _bare_guess("Usually you need to restart the pod.") == ""
    assert _bare_guess("Typically stale caches on the gateway.") == (
        "Typically stale caches on the gateway."
    )


DEPENDS = """
## Meaning

This alert is triggered when the scraper has not reached any widget agent for 15 minutes.

## Impact

Excluding the possibility of a firewall rule blocking only the scraper, the widget
agents are likely down on many nodes.

## Diagnosis

Check the widget agent status on the nodes.

## Mitigation

The mitigation depends on what is causing the widget agents to stop answering.
Check for cluster-wide DNS issues, or node level service issues.
"""


def test_depends_on_the_issue_causing_names_the_issues_as_the_cause() -> None:
    """ "The fix depends on what is causing X. Check for A, or B." shows A and B as why."""
    cause = draft_tree(runbook(DEPENDS, id_="WidgetAgentDown"))["cause"]
    assert cause.startswith("The issue causing the widget agents to stop answering:")
    assert "cluster-wide DNS issues" in cause and "node level service issues" in cause
    assert "a firewall rule blocking only the scraper" in cause


POSSIBLE = """
## Meaning

This alert fires when a widget runs on a node with no widget handler.

## Impact

The widget cannot be managed.

## Diagnosis

Check where the widget handlers run.

## Mitigation

Possible causes for the removal of a widget handler from a node include changes to the
node's taints or to the handler's scheduling rules.

Fix the scheduling rules so that the handler runs on the node again.
"""


def test_possible_causes_for_x_include_sentence_is_the_cause() -> None:
    """ "Possible causes for X include Y." in Mitigation is shown as why the alert fires."""
    cause = draft_tree(runbook(POSSIBLE, id_="WidgetOrphaned"))["cause"]
    assert cause.startswith("Possible causes for the removal of a widget handler")


RECOMMENDED = """
## Meaning

Widget volumes use a storage class without the safe-read map option.

## Impact

Data corruption reports may flood the cluster.

## Diagnosis

List the volumes without the option:

```bash
$ widgetctl volumes --without safe-read
```

## Mitigation

It is recommended to create a dedicated StorageClass with the "safe-read" map option
for widget disks. The default reads straight into the target buffer.

Note that existing volumes keep their old storage class and need to be moved.

```yaml
kind: StorageClass
metadata:
  name: widget-sc
mapOptions: "safe-read"
```

If you cannot resolve the issue, log in to the Customer Portal and open a support case.
"""


def test_recommended_fix_in_the_lead_is_the_first_tick_with_its_yaml() -> None:
    """The recommended StorageClass is a tick with its YAML, not a note on "Escalate"."""
    tree = draft_tree(runbook(RECOMMENDED, id_="WidgetStorageClass"))
    (fix,) = fixes(tree)
    steps = [s for s in fix["steps"] if s.get("source", {}).get("section") == "Mitigation"]
    assert steps[0]["text"].startswith("Create a dedicated StorageClass with")
    assert 'mapOptions: "safe-read"' in steps[0]["detail"]
    assert "need to be moved" in steps[0]["detail"]
    assert steps[-1]["text"].startswith("Escalate")
    assert "mapOptions" not in steps[-1].get("detail", "")


PER_CAUSE = """
## Meaning

The widget ruler misses rule evaluations.

## Impact

Alerts are delayed.

## Diagnosis

Review the logs of the widget ruler pods:

```console
$ widgetctl logs ruler
```

If the alert fires, it might indicate that the widget querier is slow. It might also
mean that other problems exist, such as slow store endpoints.

## Mitigation

- Check for a misconfiguration that floods the ruler with duplicate rules.
- Audit the rule groups that fire the alert to identify expensive queries and consider
  splitting them.
- Check whether any store endpoints have connectivity issues.
"""


def test_per_cause_check_bullets_are_asked_by_what_the_logs_show() -> None:
    """Three places to look after "might also mean" are three answers, one check each."""
    tree = draft_tree(runbook(PER_CAUSE, id_="WidgetRulerSlow"))
    labels = [c["label"] for q in questions(tree) for c in q["choices"]]
    assert "Expensive queries in the rule groups that fire the alert" in labels
    assert "Any store endpoints have connectivity issues" in labels
    outs = fixes(tree)
    assert len(outs) == 3
    assert all(len(fix_ticks(o)) == 1 for o in outs)


def test_check_bullets_without_alternative_causes_stay_one_fix() -> None:
    """The same bullets after a Diagnosis that names no other cause stay one fix run in turn."""
    said = "It might also\nmean that other problems exist, such as slow store endpoints."
    body = PER_CAUSE.replace(said, "")
    tree = draft_tree(runbook(body, id_="WidgetRulerSlow"))
    assert len(fixes(tree)) == 1


def test_depends_on_the_issue_causing_asks_which_issue() -> None:
    """ "Check for A, or B" after "depends on what is causing X" is asked, a check per issue."""
    tree = draft_tree(runbook(DEPENDS, id_="WidgetAgentDown"))
    labels = [c["label"] for q in questions(tree) for c in q["choices"]]
    assert labels == ["Cluster-wide DNS issues", "Node level service issues"]
    assert [fix_ticks(o) for o in fixes(tree)] == [
        ["Check for cluster-wide DNS issues."],
        ["Check for node level service issues."],
    ]
