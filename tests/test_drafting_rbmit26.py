"""Runbook mitigations said as steps: "See [doc](url)" lines are notes under the action,
"you may need to X" and "Try to X" are ticks, and an Impact query runs with the Diagnosis
checks (round 26)."""

from __future__ import annotations

import time

from cpu_budget import budget
from drafting_support import details, fix_ticks, fixes, runbook, ticks

from kbassist.drafting.runbook_impact_query import _RUN_THIS_RE
from kbassist.drafting.runbook_see_notes import _NEED_TO_RE, _tick, web_pointers
from kbassist.drafting.tree import draft_tree

ROLLOUT = """
## Meaning

StatefulSet update is stuck waiting for a replaced pod.

## Diagnosis

- Check the status via `kubectl -n $NAMESPACE describe statefulset $NAME`.

## Mitigation

See [StatefulSet rolling update is stuck](https://example.org/docs/statefulset#stuck)

In some cases you may need to delete the pod manually if the set has only one
replica pinned to one node.

See [Debugging Pods](https://example.org/docs/debug-pods)
"""

CRASHING = """
## Meaning

A pod is restarting again and again.

## Mitigation

The restarts usually come from a missing setting. Check the documentation of the app and
define sane default values for it.

See [Debugging Pods](https://example.org/docs/debug-pods)
"""

SHARDS = """
## Meaning

Remote write is behind.

## Mitigation

Probably too much data is sent for the network speed. You may need to limit which metrics
to send to reduce the transfers.

See [Remote Storage Failures](./RemoteStorageFailures.md)
"""

TEMPLATES = """
## Meaning

This alert fires when the operator reverts changes to common templates.

## Diagnosis

1. Check the operator logs for templates with reverted changes:

   ```bash
   $ oc -n $NAMESPACE logs -l control-plane=operator | grep 'common template'
   ```

## Mitigation

Try to identify and resolve the cause of the changes.

Ensure that changes are made only to copies of templates.
"""

GRPC = """
## Meaning

This alert fires when at least 5% of store gRPC requests failed in the past 10 minutes.

## Impact

First establish which gRPC method is failing. If the alert does not say, the following
query shows the method and the instance that has failing requests:

```promql
sum without(grpc_type) (rate(grpc_server_handled_total{grpc_code="Unknown",job="store"}[5m]))
```

## Diagnosis

To get the logs of the store containers, run the following:

```shell
kubectl logs -n store -lapp=store store
```

## Mitigation

Depending on the above diagnosis, the issue is most likely described in the error log line.
Most likely causes tend to be networking issues.
"""


def _only_fix(body: str) -> dict[str, object]:
    (fix,) = fixes(draft_tree(runbook(body)))
    return fix


def test_see_lines_are_notes_under_the_action() -> None:
    """Two "See [doc]" lines around one remark: one tick for the action, links under it."""
    fix = _only_fix(ROLLOUT)
    assert fix_ticks(fix) == [
        "In some cases, delete the pod manually if the set has only one replica pinned to one node."
    ]
    shown = details(fix)
    assert "https://example.org/docs/statefulset#stuck" in shown
    assert "https://example.org/docs/debug-pods" in shown


def test_a_see_line_is_not_glued_onto_the_action() -> None:
    """The action is ticked alone; the explaining sentence and the link show under it."""
    fix = _only_fix(CRASHING)
    (tick,) = ticks(fix)
    assert tick.startswith("Check the documentation of the app")
    assert "See" not in tick and "example.org" not in tick
    assert "missing setting" in details(fix)


def test_a_pointer_to_another_runbook_stays_a_step() -> None:
    """ "You may need to limit ..." is ticked; the other runbook is a step to follow."""
    said = ticks(_only_fix(SHARDS))
    assert said[0] == "Limit which metrics to send to reduce the transfers."
    assert said[1].startswith("Follow the Remote Storage Failures runbook")


def test_try_to_is_a_tick_not_outcome_text() -> None:
    """ "Try to identify and resolve the cause" is the first tick, not the outcome's text."""
    fix = _only_fix(TEMPLATES)
    assert fix_ticks(fix)[0] == "Try to identify and resolve the cause of the changes."
    assert "Try to identify" not in str(fix.get("text") or "")


def test_an_impact_query_is_the_first_diagnosis_check() -> None:
    """The query under Impact that finds the failing method runs with the Diagnosis."""
    (fix,) = fixes(draft_tree(runbook(GRPC)))  # round 30: the checks are ticked first
    text = "\n".join(f"{s['text']}\n{s.get('detail', '')}" for s in fix["steps"])
    assert "grpc_server_handled_total" in text
    assert text.index("grpc_server_handled_total") < text.index("kubectl logs")


def test_a_runbook_without_pointers_is_unchanged() -> None:
    """A prose Mitigation with no "See" line keeps its one tick."""
    body = CRASHING.replace("See [Debugging Pods](https://example.org/docs/debug-pods)", "")
    said = ticks(_only_fix(body))
    assert len(said) == 1


def test_only_pointers_are_pointers() -> None:
    """A line that says more than "See X (url)" is no pointer to move under an action."""
    assert web_pointers("See A (https://a.example) See B (https://b.example)") == [
        ("A", "https://a.example"),
        ("B", "https://b.example"),
    ]
    assert web_pointers("See A (https://a.example) and restart the pod.") is None
    assert _tick("The instance retirement might need a reboot.") == ""


def test_the_new_rules_are_fast_on_hostile_text() -> None:
    """20 KB runs of spaces, letters and "see (" read in well under 50 ms each."""
    for run in (" " * 20_000, "a" * 20_000, "see (" * 4_000, "in a, you " * 2_000):
        start = time.perf_counter()
        web_pointers(f"See {run} (https://x.example)")
        _NEED_TO_RE.match(f"In {run} you need to")
        _RUN_THIS_RE.search(f"following {run} query")
        assert time.perf_counter() - start < budget(0.05)


NOFIX = """
## Meaning

This alert fires when the importer is not ready.

## Diagnosis

1. Check the logs of the failing pod:

   ```bash
   $ oc -n $NAMESPACE logs importer-0
   ```

## Mitigation

Try to identify the root cause and resolve the issue.

If you cannot resolve the issue, log in to the Customer Portal and open a support case,
attaching the artifacts gathered during the diagnosis procedure.
"""


def test_try_to_beside_only_an_escalation_is_no_fix() -> None:
    """ "Try to identify the root cause" with only a support case is still "no fix"."""
    fix = _only_fix(NOFIX)
    assert str(fix["title"]).startswith("No documented fix")
    assert not any(t.startswith("Try to") for t in ticks(fix))


REBOOTING = """
## Meaning

This alert fires when the daemon cannot reboot a node.

## Diagnosis

Check the daemon pod logs on the stuck node:

```console
oc logs -n openshift-mco $DAEMONPOD -c daemon
```

If the reboot fails at any point then it will log:

```console
"failed to run reboot: %v", err
```

Where %v is replaced with the exact error.

## Mitigation

Check the journal logs on the node with `journalctl`.
"""


def test_what_the_daemon_will_log_is_shown_under_the_check() -> None:
    """ "If the reboot fails then it will log:" is no numbered check of its own."""
    (fix,) = fixes(draft_tree(runbook(REBOOTING)))  # round 30: the checks are ticked first
    diagnosis = [s for s in fix["steps"] if s["source"]["section"] == "Diagnosis"]
    assert len(diagnosis) == 1
    assert "failed to run reboot" in str(diagnosis[0].get("detail", ""))


def test_a_runbook_pointing_at_itself_gets_no_step() -> None:
    """ "See [this page](./Own.md) for more steps" is no tick to follow."""
    body = SHARDS.replace("./RemoteStorageFailures.md", "./TestAlert.md")
    said = ticks(_only_fix(body))
    assert said == ["Limit which metrics to send to reduce the transfers."]
