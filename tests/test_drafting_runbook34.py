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


#: Bullets under a log check that say what each error means, then a second check.
READINGS = """
## Meaning

The `SprocketFeedErrors` alert fires when the sprocket feed fails more than 10% of its
pushes for 15 minutes.

## Diagnosis

1. Check the feed logs:

    ```console
    oc logs deployment/sprocket-feed -n sprockets
    ```

2. Look for repeated 401 or 5xx errors.

    * `connection reset` errors indicate a network problem.
    * 401 errors mean the feed token has expired.

3. List the feed's network policies:

    ```console
    oc get networkpolicy -n sprockets
    ```

## Mitigation

Renew the feed token:

```console
oc delete secret sprocket-feed-token -n sprockets
```
"""


def test_what_an_error_means_is_a_note_not_a_check() -> None:
    """ "401 errors mean ..." is shown under "Look for repeated errors", not numbered."""
    from kbassist.drafting.runbook_readings import readings_noted

    items = readings_noted(
        [
            "Look for repeated 401 or 5xx errors.",
            "`connection reset` errors indicate a network problem.",
            "401 errors mean the feed token has expired.",
            "Headroom below 5% indicates pressure:\x1fsum(rate(x[5m]))",
            "Check whether the output indicates a full disk.",
        ]
    )
    assert len(items) == 3
    assert "401 errors mean the feed token has expired." in items[0]
    assert items[1].startswith("Headroom below 5% indicates pressure:")


def test_drafted_diagnosis_does_not_number_readings() -> None:
    """The drafted Diagnosis numbers the checks, not the readings of their result."""
    tree = draft_tree(runbook(READINGS, id_="SprocketFeedErrors"))
    shown = "\n".join(
        [str(n.get("text", "")) for n in tree["nodes"]]
        + [f"{s['text']}\n{s.get('detail', '')}" for o in fixes(tree) for s in o["steps"]]
    )
    assert "401 errors mean the feed token has expired." in shown
    assert not any(
        line.lstrip("0123456789. ").startswith("401 errors mean") and line[:1].isdigit()
        for line in shown.splitlines()
    )
    ticked = [s["text"] for o in fixes(tree) for s in o["steps"]]
    assert not any(t.startswith("401 errors mean") for t in ticked)


def test_reading_pattern_is_fast_on_hostile_text() -> None:
    """The reading patterns stay linear on a hostile 20 KB string."""
    from kbassist.drafting.runbook_readings import diagnosis_headings, reading

    start = time.perf_counter()
    reading("x " * 10_000 + "indicate")
    reading("check " * 3_000 + ";" * 2_000)
    diagnosis_headings(["### " + "1. " * 7_000, "#### " + " \t" * 10_000])
    assert time.perf_counter() - start < 1.0


#: One fix; the Diagnosis has a check run only in a case, and a jsonpath listing.
HANDLERS = """
## Meaning

The `LowReadyCogHandlerCount` alert fires when some cog-handler pods are not ready for
10 minutes.

## Diagnosis

1. Check the status of the `cog-handler` pods:

   ```bash
   $ oc -n cogs get pods -l app=cog-handler -o wide
   ```

2. If pods are in `CrashLoopBackOff`, check the `cog-handler` pod logs for errors:

   ```bash
   $ oc -n cogs logs -l app=cog-handler
   ```

3. Check which node each pod runs on:

   ```bash
   $ oc -n cogs get pods -l app=cog-handler -o jsonpath='{.items[*].spec.nodeName}'
   ```

## Mitigation

Resolve the underlying cause so that every node has a ready cog-handler, then restart
the cog-handler pods:

```bash
$ oc -n cogs delete pods -l app=cog-handler
```
"""


def test_diagnosis_with_a_case_check_and_a_jsonpath_is_ticked() -> None:
    """ "If pods crash, check the logs" and a jsonpath check are ticked, not only shown."""
    tree = draft_tree(runbook(HANDLERS, id_="LowReadyCogHandlerCount"))
    ticked = " ".join(s["text"] for o in fixes(tree) for s in o["steps"])
    assert "check the cog-handler pod logs" in ticked
    assert "Check which node each pod runs on" in ticked


def test_bare_sub_heading_and_its_sentence_are_one_check() -> None:
    """A bare Diagnosis sub-heading and the sentence after it are one check, not two."""
    from kbassist.drafting.runbook_readings import diagnosis_headings, headings_merged

    heads = diagnosis_headings(["### 2. Verify the RoleBinding of the relay\n\nVerify this."])
    items = headings_merged(
        [
            "Verify the RoleBinding of the relay",
            "Verify this binding is correct.\x1fThe relay uses a ServiceAccount.",
            "Find the ServiceAccount:\x1foc get deployment gizmo-relay -o yaml",
        ],
        heads,
    )
    assert len(items) == 2
    assert items[0].startswith("Verify the RoleBinding of the relay\x1fVerify this binding")
    assert items[1].startswith("Find the ServiceAccount:")
