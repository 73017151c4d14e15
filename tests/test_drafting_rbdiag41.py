"""Runbook Diagnosis that decides the fix (round 41, rbdiag41): a check of a camelCase
setting (`rolloutPolicyMode`) names the fix that configures it, so the fixes question
says the Diagnosis points to a fix instead of claiming it does not; a yes/no case
("If a zone pinning policy is configured, ...") that a shown Diagnosis check looks at is
answered from that check, which is shown once before it and not ticked again."""

from __future__ import annotations

from drafting_support import fixes, questions, runbook, ticks

from kbassist.drafting.runbook_diag_ticks import AGAIN
from kbassist.drafting.runbook_fix_checks import SITUATION_TEXT
from kbassist.drafting.tree import draft_tree

CAMEL = """
## Meaning

This alert fires when gizmos run an outdated agent a day after an upgrade.

## Diagnosis

1. Check the Gizmo custom resource to determine whether `rolloutPolicyMode` is set:

   ```bash
   $ oc get gizmo --all-namespaces -o yaml
   ```

2. Check each gizmo to determine whether it is hot-swappable:

   ```bash
   $ oc get gizmo demo -o yaml
   ```

## Mitigation

### Configuring an automated rollout policy

Update the Gizmo CR to enable automatic rollouts.

### Restarting a cold gizmo

If a gizmo is not hot-swappable, restart it:

   ```bash
   $ oc delete pod gizmo-demo
   ```

### Swapping a hot-swappable gizmo

If a gizmo is hot-swappable, swap it:

   ```bash
   $ oc annotate gizmo demo swap=now
   ```
"""


def _fix_question(tree: dict) -> dict:
    return next(q for q in questions(tree) if len(q.get("choices", [])) >= 3)


def test_camelcase_setting_check_points_to_its_fix() -> None:
    """A check of `rolloutPolicyMode` is read as pointing to the rollout policy fix."""
    question = _fix_question(draft_tree(runbook(CAMEL, id_="GizmoOutdated")))
    assert question["title"] == "Which fix do the Diagnosis checks point to?"
    assert SITUATION_TEXT not in question["text"]


def test_diagnosis_naming_no_fix_still_asks_the_situation() -> None:
    """A Diagnosis that names none of the fixes keeps "Which fix fits your situation?"."""
    plain = CAMEL.replace("`rolloutPolicyMode` is set", "the agent is old").replace(
        "whether it is hot-swappable", "its age"
    )
    question = _fix_question(draft_tree(runbook(plain, id_="GizmoOutdated")))
    assert question["title"] == "Which fix fits your situation?"


PINNED = """
## Meaning

This alert fires when a gizmo runs on a node that has no gizmo agent.

## Diagnosis

1. Check the status of the gizmo agents to view the nodes on which they run:

   ```bash
   $ oc get pods -A -o wide -l app=gizmo-agent
   ```

2. Check the spec.zones stanza of the Gizmo CR for a zone pinning policy:

   ```bash
   $ oc get gizmo gizmo -A -o yaml
   ```

## Mitigation

If a zone pinning policy is configured, add the node with the gizmo to the policy.

If you cannot resolve the issue, open a support case.
"""


def test_case_a_shown_check_answers_is_not_ticked_again() -> None:
    """The checks shown before "Is a zone pinning policy configured?" are not re-ticked."""
    tree = draft_tree(runbook(PINNED, id_="GizmoOrphaned"))
    asked = [q for q in questions(tree) if "pinning policy" in q["title"]]
    assert asked, [q["title"] for q in questions(tree)]
    assert "Check the spec.zones stanza" in asked[0]["help"]
    shown = [n for n in tree["nodes"] if n["kind"] == "info" and n.get("checks")]
    assert shown and AGAIN not in shown[0]["text"]
    for outcome in fixes(tree):
        assert not any(t.startswith("Check the spec.zones stanza") for t in ticks(outcome))


def test_case_no_check_looks_at_keeps_the_ticks() -> None:
    """A case no shown check looks at leaves the checks ticked in the checklist."""
    other = PINNED.replace("a zone pinning policy is configured", "the gizmo is billed hourly")
    tree = draft_tree(runbook(other, id_="GizmoOrphaned"))
    ticked = [t for o in fixes(tree) for t in ticks(o)]
    assert any(t.startswith("Check the spec.zones stanza") for t in ticked)
