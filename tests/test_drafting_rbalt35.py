"""Runbook mitigations that are alternatives or no steps (round 34, rbalt35): a
"Mitigating" heading is the fix, not the Diagnosis; "Start thinking about X" is a
long-term option; a way "using the previous command" is no second fix; "This should
allow ..." is a note; benefits are a note; an unset is the set's rollback; a quota lead
is said as its action with the alert's own command; "do one of the following" ways are
options."""

from __future__ import annotations

import time

from drafting_support import details, fix_ticks, fixes, runbook

from kbassist.drafting.runbook_alternatives import (
    _BACK_RE,
    _BENEFITS_RE,
    _CAN_BE_RE,
    _IF_YOU_CAN_RE,
    _LONG_TERM_RE,
    _ONE_OF_RE,
    _POINTER_RE,
    _SUGGESTS_RE,
    _UNSET_RE,
)
from kbassist.drafting.tree import draft_tree

#: A Mitigating heading (not "Mitigation") with a benefits list and a set/unset pair.
FLAPPING = """
## Meaning

Widget storage daemons are flapping: a daemon has restarted 8 times in 10 minutes.

## Impact

Widget storage may become unstable.

## Diagnosis

Check pod events or the widget status to find why the daemons flap.

## Mitigating

### Recommended Network Layout

The widget project suggests having separate client and replication networks,
offering the following benefits:

1. **Isolation of Traffic:**
   - Replication traffic no longer competes with client traffic.

2. **More Throughput:**
   - Both networks get their own bandwidth.

### Freezing the Daemons

If daemons keep flapping, freeze their state for a while:

```bash
widgetctl daemon set nodown
widgetctl daemon set noup
```

The flags show in the daemon map:

```bash
widgetctl daemon dump
```

The flags keep daemons from being marked. Clear these flags with:

```bash
widgetctl daemon unset nodown
widgetctl daemon unset noup
```
"""

#: Two one-line mitigations, one only a plan.
LIMIT = """
## Meaning

Gizmo scraping has dropped targets because a scrape config exceeded its label limit.

## Impact

Metrics may be missing.

## Diagnosis

## Mitigation

Start thinking about splitting the gizmo scraper.
Raise the scrape interval so that it runs less often.
"""

#: Ways per cause, the last pointing back at an earlier command; an effect sentence.
DRAIN = """
## Meaning

The sprocket controller could not evict a pod from a node for an hour.

## Diagnosis

Read the sprocket controller logs to find the pod that does not leave the node.

```console
oc logs -n sprockets deploy/sprocket-controller
```

## Mitigation

- If a hook blocks the eviction:

    1. Find the hook in the API server logs.
    2. Back up and delete the hook
        ```console
        $ oc get hookconfiguration/<hook_name> -o yaml > hook.yaml
        $ oc delete hookconfiguration <hook_name>
        ```
    3. This should let the eviction go on; recreate the hook from the backup later.

- Otherwise, if you accept losing the pod's data, you can force delete the pod:

    ```console
    $ oc delete pod <pod-name> --force=true --grace-period=0
    ```
- If finalizers keep the pod terminating, patch the finalizers to null:

    ```console
    oc patch pod <pod_name> -p '{"metadata":{"finalizers":null}}'
    ```
- Or, you can force delete the pod using the previous command.
"""

#: A quota lead over one command per quota kind and a "set it to 0" sentence.
QUOTA = """
## Meaning

Bucket quota usage has crossed 75%: a bucket is near its byte quota.

## Diagnosis

List the bucket usage:

```bash
bucketctl usage
```

## Mitigation

Bucket quotas can be adjusted up or down (or removed) with bucketctl

```bash
bucketctl set-quota <bucket> max_bytes <bytes>
bucketctl set-quota <bucket> max_objects <objects>
```

Setting the quota value to 0 will disable the quota.
"""

#: "you can do one of the following:" over a one-line way, a led procedure, and an
#: "If you have X, you can Y" paragraph inside it.
IMAGES = """
## Meaning

A boot image template supports no architecture of the cluster's nodes.

## Diagnosis

Read the template status in the `Gadget` resource.

## Mitigation

### Built-in templates

To mitigate the alert on built-in templates, you can do one of the following:

- Add nodes of a supported architecture to the cluster

- Disable the built-in template in the `Gadget` resource to turn this alert off:

  1. Find the template in the `status.templates` field.

  2. Add the template to `spec.templates` with the `enable` annotation set to
  `false`.

     If you have your own image that the nodes support,
you can point the built-in template at your image. To do so, copy it to
`spec.templates` and change its `source.registry` field.

3. Set the architectures annotation to the ones your image supports.

### Own templates

1. Check which architectures the image supports.
2. Fix the architectures annotation of the template.
"""


def _titles(tree: dict[str, object]) -> list[str]:
    return [str(o["title"]) for o in fixes(tree)]


def test_mitigating_heading_is_the_fix_not_diagnosis() -> None:
    """A "## Mitigating" section gives the fixes; the Diagnosis is not offered as one."""
    tree = draft_tree(runbook(FLAPPING, id_="WidgetDaemonFlapping"))
    titles = _titles(tree)
    assert "Recommended Network Layout" in titles and "Freezing the Daemons" in titles
    assert not any(t.startswith("Diagnosis") or t == "Mitigating" for t in titles)


def test_benefits_are_a_note_not_steps() -> None:
    """The listed benefits of a recommendation are its note; the tick says what to use."""
    tree = draft_tree(runbook(FLAPPING, id_="WidgetDaemonFlapping"))
    layout = next(o for o in fixes(tree) if o["title"] == "Recommended Network Layout")
    own = fix_ticks(layout)
    assert own == ["Use separate client and replication networks."]
    assert "Isolation of Traffic" in details(layout)


def test_unset_of_the_set_flags_is_the_rollback() -> None:
    """The commands that unset the flags an earlier step set are the rollback, not a step."""
    tree = draft_tree(runbook(FLAPPING, id_="WidgetDaemonFlapping"))
    freeze = next(o for o in fixes(tree) if o["title"] == "Freezing the Daemons")
    assert "unset" not in details(freeze)
    rollback = freeze["rollback"]
    assert rollback[0]["text"].startswith("Clear these flags with")
    assert "widgetctl daemon unset noup" in rollback[0]["detail"]


def test_thinking_about_a_change_is_a_long_term_option() -> None:
    """ "Start thinking about X" is a long-term option last, never verified as clearing."""
    tree = draft_tree(runbook(LIMIT, id_="GizmoLabelLimitHit"))
    last = fixes(tree)[-1]
    assert last["title"] == "Plan splitting the gizmo scraper (long term)"
    verify = " ".join(v["text"] for v in last["verify"])
    assert "long-term change" in verify and "alert clears" not in verify
    first = fixes(tree)[0]
    assert "alert clears" in " ".join(v["text"] for v in first["verify"])


def test_way_using_the_previous_command_is_no_second_fix() -> None:
    """ "Or, force delete the pod using the previous command" is not offered again."""
    tree = draft_tree(runbook(DRAIN, id_="SprocketEvictError"))
    titles = _titles(tree)
    assert not any("previous command" in t for t in titles)
    assert sum("force delete" in t.casefold() or "data" in t.casefold() for t in titles) == 1


def test_expected_effect_is_a_note() -> None:
    """ "This should let the eviction go on" is a note on the step before, not a tick."""
    tree = draft_tree(runbook(DRAIN, id_="SprocketEvictError"))
    hook = next(o for o in fixes(tree) if any("hook" in t for t in fix_ticks(o)))
    assert not any(t.startswith("This should") for t in fix_ticks(hook))
    assert "This should let the eviction go on" in details(hook)


def test_quota_lead_is_the_action_with_the_alert_kind_only() -> None:
    """A bytes alert runs only the max_bytes command; "set it to 0" is its own option."""
    tree = draft_tree(runbook(QUOTA, id_="BucketQuotaBytesNearExhaustion"))
    titles = _titles(tree)
    adjust = next(o for o in fixes(tree) if o["title"].startswith("Adjust the bucket quotas"))
    assert "max_bytes" in details(adjust) and "max_objects" not in details(adjust)
    assert "Remove the quota" in titles
    remove = next(o for o in fixes(tree) if o["title"] == "Remove the quota")
    assert "max_bytes 0" in details(remove)


def test_one_of_the_following_ways_are_options() -> None:
    """Each way of "you can do one of the following" is its own option, not run in turn."""
    tree = draft_tree(runbook(IMAGES, id_="GadgetImageNoArchitecture"))
    titles = _titles(tree)
    assert any(t.endswith("Add nodes of a supported architecture to the cluster") for t in titles)
    assert any(t.endswith("Disable the built-in template in the Gadget resource") for t in titles)
    assert any(t.endswith("Point the built-in template at your image") for t in titles)
    disable = next(o for o in fixes(tree) if o["title"].endswith("Gadget resource"))
    assert not any("Add nodes" in t or "architectures annotation" in t for t in fix_ticks(disable))


def test_consider_restarting_stays_a_fix() -> None:
    """ "Consider restarting the pod" is a fix to make now, verified by the alert clearing."""
    plan = "Start thinking about splitting the gizmo scraper."
    body = LIMIT.replace(plan, "Consider restarting the pod.")
    tree = draft_tree(runbook(body, id_="GizmoLabelLimitHit"))
    assert not any("long term" in t.casefold() for t in _titles(tree))


def test_previous_value_after_a_temporary_patch_is_the_rollback() -> None:
    """ "Then patch it to the previous value after X" is the rollback, not part of the step."""
    body = """
## Meaning

The sprocket controller could not evict a pod from a node for an hour.

## Mitigation

- If a budget blocks the eviction you can temporarily patch it to allow 0 pods.
  Then patch it to the previous value after the update completes.

   ```console
   oc patch budget $BUDGET --type=merge -p '{"spec":{"minAvailable":0}}'
   ```
- Otherwise, force delete the pod.
"""
    tree = draft_tree(runbook(body, id_="SprocketEvictError"))
    patch = next(o for o in fixes(tree) if any("budget" in t for t in fix_ticks(o)))
    assert not any("previous value" in t for t in fix_ticks(patch))
    assert patch["rollback"][0]["text"].startswith("Patch it to the previous value")


def test_regexes_are_linear_on_hostile_text() -> None:
    """The new patterns take well under a second on 20 KB of hostile text."""
    hostile = ["a " * 10_000, "a," * 10_000, "x" * 20_000 + ":", "If you have " + "a " * 10_000]
    patterns = [
        _BACK_RE,
        _BENEFITS_RE,
        _CAN_BE_RE,
        _IF_YOU_CAN_RE,
        _LONG_TERM_RE,
        _ONE_OF_RE,
        _POINTER_RE,
        _SUGGESTS_RE,
        _UNSET_RE,
    ]
    for pattern in patterns:
        for text in hostile:
            start = time.perf_counter()
            pattern.search(text)
            assert time.perf_counter() - start < 1.0, pattern.pattern
