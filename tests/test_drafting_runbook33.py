"""Runbook walks that diagnose first, then choose (round 32, runbook33): the Diagnosis
every fix shares runs once before the fix is chosen, a case question's "No" is no reason
to leave the runbook, "You can also <same verb> ..." is another way (asked), and a
certificate's verify names the certificate."""

from __future__ import annotations

import re
import time
from typing import Any

from drafting_support import questions, runbook

from kbassist.drafting.implied_check import _NAMED_CERT_RE, named_certificate
from kbassist.drafting.runbook_branches import _ALSO_SAME_RE, _BY_END_RE, _MUST_RE, _PAREN_RE
from kbassist.drafting.runbook_diag_context import _ANNOUNCES_RE, _COMMAND_RE, _NAMES_RE
from kbassist.drafting.stand_ins import _GENERATED_RE, _KIND_BEFORE
from kbassist.drafting.tree import draft_tree

#: One fix, only for one environment; its Diagnosis log check needs a pod name.
PROXY = """
## Meaning

The `WidgetProxyDown` alert fires when no widget-proxy instance has been reachable for
more than 15 minutes.

## Diagnosis

Check the status of the widget-proxy pods in the widgets namespace.

```console
kubectl get pods -l app=widget-proxy -n widgets
```

Read the logs of one proxy pod with the following command:

```console
kubectl logs -n widgets widget-proxy-7xk2p
```

## Mitigation

If you are running on a hosted cluster and the widget-proxy pods are all running,
update the `widget-proxy-config` config map as shown below.

```console
kubectl edit cm -n widgets widget-proxy-config
```

Then delete the widget-proxy pods; new ones are created automatically.

```console
kubectl delete pod -l app=widget-proxy -n widgets
```
"""

#: Numbered Diagnosis checks that need a pod name, then fixes per finding.
COLLECTOR = """
## Meaning

The `GadgetCollectorDown` alert fires when Prometheus cannot scrape a gadget collector
pod for more than 10 minutes.

## Diagnosis

1. **Check if the collector pod is running:**

   ```bash
   oc get pods -n gadgets -l component=collector
   ```

2. **Review pod logs for errors:**

   ```bash
   oc logs <POD_NAME> -n gadgets
   ```

3. **Check network policies:**

   Verify that network policies allow Prometheus to scrape the collector:

   ```bash
   oc get networkpolicies -n gadgets
   ```

## Mitigation

### Restart Unhealthy Pods

If the collector pod is in a failed state, delete it to trigger a restart:

```bash
oc delete pod <POD_NAME> -n gadgets
```

### Check Resource Limits

If pod events show resource issues, review the pod's resource limits:

```bash
oc get pod <POD_NAME> -n gadgets -o jsonpath='{.spec.containers[*].resources}'
```

### Allow Scraping

If the pod is running but Prometheus cannot reach it, fix the network policy:

```bash
oc edit networkpolicy allow-scrape -n gadgets
```
"""

#: Two ways to the same goal: a patch command, then "You can also <verb> manually by:".
PAUSED = """
## Meaning

The `GizmoPoolPaused` alert fires when a gizmo pool has been paused for more than one
hour while a new certificate waits behind the pause.

## Diagnosis

See the pool's paused status:

```console
oc get gizmopool main -o jsonpath='{.spec.paused}'
```

## Mitigation

You must unpause the pool.

Unpause the pool (substitute the pool name for main):

```console
oc patch gizmopool main --type=merge -p '{"spec":{"paused":false}}'
```

You can also unpause manually by:

```console
oc edit gizmopool main
```

and changing `spec.paused` to `false`.
"""

#: A decode command that names the article's own rendered MachineConfig (a hash name).
RENDERED = """
## Meaning

The `GizmoBundleStale` alert fires when a pool's rendered config still carries an old
certificate bundle.

## Diagnosis

Find which MachineConfig the pool is currently using by looking at the pool status:

```console
oc get mcp worker -o jsonpath='{.status.configuration.name}'
```

Use the following command with the desired MachineConfig to read the bundle:

```console
oc get mc rendered-worker-4f1c2d9e8a7b6c5d4e3f2a1b0c9d8e7f -o jsonpath='{.spec.config}'
```

## Mitigation

Unpause the pool so the new bundle rolls out:

```console
oc patch mcp worker --type=merge -p '{"spec":{"paused":false}}'
```
"""

#: A Diagnosis that opens with the alert's labels before its first check.
OPERATOR = """
## Meaning

The `GearOperatorDown` alert fires when a gear operator is not Available for some time.

## Diagnosis

The alert message provides the name of the operator that triggered the alert, as shown
in the following example:

```text
 - alertname = GearOperatorDown
 - name = console
```

To troubleshoot the issue, use any or all of the following methods:

* Review the status of all gear operators:

    ```console
    $ oc get gearoperator
    ```

* Review the logs of the operator deployment:

    ```console
    $ oc logs deployment/gear-operator -n gears
    ```

## Mitigation

If the alert fires during an upgrade, wait for the upgrade to finish.

Otherwise, restart the operator deployment:

```console
$ oc rollout restart deployment/gear-operator -n gears
```
"""

#: A certificate rotated as the documentation says.
SIGNER = """
## Meaning

This alert fires when the signer CA certificate of the sprocket store (metrics or server)
is having one year left before expiration.

## Mitigation

Please follow the [product documentation](https://docs.example.com/rotate) on how to
manually rotate the signer certificates.
"""


def _by_id(tree: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {n["id"]: n for n in tree["nodes"]}


def _before(tree: dict[str, Any], target: str) -> list[dict[str, Any]]:
    """The nodes on the straight way from the symptom's "yes" to node `target`."""
    nodes = _by_id(tree)
    at = nodes[tree["nodes"][0]["choices"][0]["next"]]
    out = []
    while at["id"] != target and len(out) < 50:
        out.append(at)
        at = nodes[at["next"]] if "next" in at else nodes[at["choices"][0]["next"]]
    return out


def test_case_no_goes_on_to_escalation_not_away() -> None:
    """ "No" to a runbook's case question leads to its escalation, not "may not apply"."""
    tree = draft_tree(runbook(PROXY, id_="WidgetProxyDown"))
    case = next(q for q in questions(tree) if q["id"].endswith("-case"))
    no = next(c for c in case["choices"] if c["value"] == "no")
    assert no["next"] != "not_this_article"
    outcome = _by_id(tree)[no["next"]]
    assert outcome["kind"] == "outcome"
    assert "escalate" in outcome["title"].lower()


def test_case_question_after_its_diagnosis_checks() -> None:
    """The log check (with its pod name asked) runs before the case question, not as a fix."""
    tree = draft_tree(runbook(PROXY, id_="WidgetProxyDown"))
    case = next(q for q in questions(tree) if q["id"].endswith("-case"))
    shown = " ".join(str(n.get("text", "")) for n in _before(tree, case["id"]))
    assert "kubectl logs -n widgets {" in shown
    yes = next(c for c in case["choices"] if c["value"] == "yes")
    fix = _by_id(tree)[yes["next"]]
    assert not any("kubectl logs" in str(s.get("detail", "")) for s in fix["steps"])


def test_shared_diagnosis_runs_once_before_the_choice() -> None:
    """Every fix's Diagnosis (and the pod name it needs) comes once, before the fixes question."""
    tree = draft_tree(runbook(COLLECTOR, id_="GadgetCollectorDown"))
    fixes = next(q for q in questions(tree) if len(q["choices"]) >= 3)
    before = _before(tree, fixes["id"])
    shown = " ".join(str(n.get("text", "")) for n in before)
    assert "oc logs {" in shown
    asked = [n for n in tree["nodes"] if n["kind"] == "input" and "Pod" in n["title"]]
    assert len(asked) == 1 and asked[0] in before


def test_verify_that_check_keeps_its_command_in_the_diagnosis() -> None:
    """A Diagnosis "Verify that X:" over its command is shown as a check, command and all."""
    tree = draft_tree(runbook(COLLECTOR, id_="GadgetCollectorDown"))
    text = " ".join(str(n.get("text", "")) for n in tree["nodes"] if n["kind"] == "info")
    assert "oc get networkpolicies -n gadgets" in text


def test_you_can_also_same_verb_is_another_fix() -> None:
    """ "You can also unpause manually by: oc edit" is a second way to choose, not step 2."""
    tree = draft_tree(runbook(PAUSED, id_="GizmoPoolPaused"))
    outcomes = [
        n for n in tree["nodes"] if n["kind"] == "outcome" and n["id"] != "not_this_article"
    ]
    patched = [o for o in outcomes if any("oc patch" in str(s.get("detail")) for s in o["steps"])]
    edited = [o for o in outcomes if any("oc edit" in str(s.get("detail")) for s in o["steps"])]
    assert patched and edited and not set(map(id, patched)) & set(map(id, edited))
    labels = [c["label"] for q in questions(tree) for c in q["choices"]]
    assert any("oc patch" in label for label in labels)
    assert any("oc edit" in label for label in labels)


def test_diagnosis_opening_after_the_first_command() -> None:
    """The Diagnosis' opening example follows check 1's command, not sits between them."""
    tree = draft_tree(runbook(OPERATOR, id_="GearOperatorDown"))
    info = next(n for n in tree["nodes"] if n["kind"] == "info" and n.get("checks"))
    text = str(info["text"])
    assert text.index("$ oc get gearoperator") < text.index("alertname = GearOperatorDown")
    assert text.index("Review the status of all gear operators") < text.index("$ oc get gear")


def test_certificate_verify_names_the_certificate() -> None:
    """The rotated certificate's expiry check says which certificate, as the alert names it."""
    tree = draft_tree(runbook(SIGNER, id_="SprocketSignerExpiring"))
    verify = [str(v["text"]) for n in tree["nodes"] for v in n.get("verify", [])]
    expiry = [v for v in verify if "expiry date" in v]
    assert expiry and "signer CA certificate of the sprocket store" in expiry[0]
    assert named_certificate("Kubelet on node has a certificate used to sign is expiring") != ""


def test_hash_named_example_is_asked_not_kept() -> None:
    """`rendered-worker-<hash>` is asked as the admin's MachineConfig name, the example a hint."""
    tree = draft_tree(runbook(RENDERED, id_="GizmoBundleStale"))
    asked = [n for n in tree["nodes"] if n["kind"] == "input"]
    assert any("MachineConfig name" in n["title"] for n in asked)
    assert all("default" not in n for n in asked)
    details = [str(s.get("detail", "")) for n in tree["nodes"] for s in n.get("steps", [])]
    assert any("oc get mc {" in d for d in details)
    assert not any("oc get mc rendered-worker-4f1c" in d for d in details)


def test_new_patterns_are_linear_on_hostile_text() -> None:
    """The new patterns stay fast on 20 KB of text built to make them backtrack."""
    hostile = [
        "you can also " + "a" * 20_000,
        "the " + "certificate of x " * 1_200,
        "a " * 10_000 + "certificate",
        "any " + "of the following " * 1_200,
        "$" + "A" * 20_000,
        "<" * 20_000,
        "(" + "x" * 19_000,
        " " * 20_000 + "by",
        "you must " * 2_000,
        "get " + " " * 20_000,
        "a-" * 10_000,
        "rendered-worker-" + "0" * 20_000,
    ]
    patterns: list[re.Pattern[str]] = [
        _ALSO_SAME_RE,
        _NAMED_CERT_RE,
        _ANNOUNCES_RE,
        _NAMES_RE,
        _COMMAND_RE,
        _BY_END_RE,
        _PAREN_RE,
        _MUST_RE,
        re.compile(_KIND_BEFORE + "x"),
        _GENERATED_RE,
    ]
    for pattern in patterns:
        for text in hostile:
            start = time.perf_counter()
            pattern.search(text)
            assert time.perf_counter() - start < 0.5, pattern.pattern
