"""Runbook fixes and the Diagnosis checks that point to them (round 33, runbook34): a fix's
verify re-runs the check that pointed to that fix, not the first checks of every fix, and
a Diagnosis that tells no fix apart is not said to point to one."""

from __future__ import annotations

import time
from typing import Any

from drafting_support import fixes, questions, runbook

from kbassist.drafting.runbook_fix_checks import _HEADING_RE, _WORD_RE, words
from kbassist.drafting.tree import draft_tree

#: Three sub-headed Diagnosis checks, then one fix per finding.
RELAY = """
## Meaning

The `GizmoRelayScrapeErrors` alert fires when the gizmo relay gets more than 20% failed
responses while it scrapes the gizmo store for 10 minutes.

## Impact

Gizmo metrics are missing on the hub.

## Diagnosis

### 1. Check the relay logs

Inspect the relay logs for errors:

```console
oc logs deployment/gizmo-relay -n gizmos
```

### 2. Verify the RoleBinding of the relay

* Find the ServiceAccount:

    ```console
    oc get deployment gizmo-relay -n gizmos -o jsonpath='{.spec.template.spec.serviceAccountName}'
    ```

* Inspect the RoleBinding:

    ```console
    oc get rolebinding gizmo-relay-view -n gizmos -o yaml
    ```

### 3. Check for a firewall rule blocking traffic

List the firewall rules of the namespace:

```console
oc get egressfirewall -n gizmos
```

## Mitigation

### 1. If the RoleBinding is missing or incorrect

* Restart the `gizmo-operator` pod so that it recreates the RoleBinding.

### 2. If a firewall rule is blocking the relay

* Remove or change the egress firewall rule so that it allows the relay's traffic.
"""

#: A Diagnosis that only opens the list of claims: it tells neither fix apart.
CLAIM = """
## Meaning

The `WidgetClaimAlmostFull` alert fires when a widget claim is more than 90% full.

## Diagnosis

Open the widget console and go to Storage > Widget claims. The list shows the space
used and available on each claim; open the affected claim for details.

```console
oc get widgetclaims -A
```

## Mitigation

### Grow the claim

```console
oc patch widgetclaim my-claim -p '{"spec":{"size":"20Gi"}}'
```

### Purge old records

```console
oc exec widget-0 -- widgetctl purge --older-than 30d
```
"""


def _verify_details(outcome: dict[str, Any]) -> str:
    """Everything an outcome's verify lines show, one block."""
    return "\n".join(f"{v['text']}\n{v.get('detail', '')}" for v in outcome.get("verify", []))


def _fix(tree: dict[str, Any], word: str) -> dict[str, Any]:
    return next(o for o in fixes(tree) if word in o["title"])


def test_each_fix_reruns_the_check_that_pointed_to_it() -> None:
    """The RoleBinding fix re-runs the RoleBinding checks, the firewall fix the firewall one."""
    tree = draft_tree(runbook(RELAY, id_="GizmoRelayScrapeErrors"))
    binding = _verify_details(_fix(tree, "RoleBinding"))
    firewall = _verify_details(_fix(tree, "firewall"))
    assert "oc get rolebinding" in binding and "egressfirewall" not in binding
    assert "oc get egressfirewall" in firewall
    assert "rolebinding" not in firewall and "serviceAccountName" not in firewall


def test_diagnosis_that_tells_no_fix_apart_asks_by_situation() -> None:
    """When the Diagnosis only shows the claim list, the question asks which fix fits."""
    tree = draft_tree(runbook(CLAIM, id_="WidgetClaimAlmostFull"))
    titles = [q["title"] for q in questions(tree)]
    assert "Which fix fits your situation?" in titles
    assert not any("Diagnosis checks point to" in t for t in titles)


def test_diagnosis_that_names_the_findings_still_points_to_the_fix() -> None:
    """A Diagnosis with a check per finding keeps "Which fix do the Diagnosis checks point to?"."""
    tree = draft_tree(runbook(RELAY, id_="GizmoRelayScrapeErrors"))
    titles = [q["title"] for q in questions(tree)]
    assert "Which fix fits your situation?" not in titles


def test_words_and_headings_scan_hostile_text_fast() -> None:
    """The word and heading patterns stay linear on a hostile 20 KB string."""
    hostile = ("a-" * 10_000) + "!" + ("## " + "x " * 5_000) + ("a." * 5_000)
    start = time.perf_counter()
    words(hostile)
    list(_WORD_RE.finditer(hostile))
    list(_HEADING_RE.finditer(hostile))
    assert time.perf_counter() - start < 1.0
