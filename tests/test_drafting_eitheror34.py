"""Alternatives inside one fix are asked, not ticked in turn (round 33, eitheror34):
runbook Mitigation sub-headings the text marks as alternatives, and a bold size branch
inside one of them, are answers of "Which fix?"; stages of one procedure stay one fix."""

from __future__ import annotations

import time

from drafting_support import fix_ticks, fixes, questions, runbook, support, walked

from kbassist.drafting.either_ways import (
    _DECLINE_LEAD_RE,
    _DECLINE_RE,
    _ENDS_RE,
    _FALLBACK_RE,
    _GUIDE_RE,
    _IF_IS_RE,
    _OFFER_RE,
    _ONLY_METHOD_RE,
    _RECOMMEND_RE,
    _STAGE_NAME_RE,
    _THEN_RE,
    either_children,
)
from kbassist.drafting.tree import draft_tree

_FULL = runbook(
    "## Meaning\n\nThe disk pool of the storage node is above 85% used.\n\n"
    "## Diagnosis\n\nThe alert names the node and the pool.\n\n"
    "## Mitigation\n\n"
    "### Remove old snapshots\n\n"
    "The operator may remove old snapshots and the pool will resolve the alert on its own.\n\n"
    "### Grow the disk pool\n\n"
    "Decide how far the pool can grow.\n\n"
    "**Pool size < 2TB**: The operator may grow the pool in the console and the pool will "
    "resolve the alert on its own.\n\n"
    "**Pool size is 2TB**: Ask the storage team to add a second pool.\n",
    id_="PoolAlmostFull",
)


def test_subheadings_that_each_end_the_alert_are_asked_with_the_size_branch() -> None:
    """Each sub-heading ends the alert alone: one answer each, the size cases asked too."""
    tree = draft_tree(_FULL)
    (question,) = questions(tree)
    labels = [c["label"] for c in question["choices"]]
    assert labels[:3] == [
        "Remove old snapshots",
        "Grow the disk pool: Pool size < 2TB",
        "Grow the disk pool: Pool size is 2TB",
    ]
    ticks = {f["title"]: fix_ticks(f) for f in fixes(tree)}
    assert ticks["Remove old snapshots"][0].startswith("Remove old snapshots")
    assert ticks["Grow the disk pool: Pool size < 2TB"][0].startswith("Grow the pool")
    assert not any("second pool" in t for t in ticks["Grow the disk pool: Pool size < 2TB"])


def test_a_lead_joining_two_subheadings_with_either_or_asks_them() -> None:
    """ "you can either enable X, or change Y" over "### Enable X" / "### Change Y"."""
    art = runbook(
        "## Meaning\n\nThe cache is split across two zones.\n\n"
        "## Mitigation\n\nTo address this, you can either enable the zone sync feature, or "
        "change the cache placement to one zone.\n\n"
        "### Enable the zone sync feature\n\n1. Set `zoneSync` to `true` in the CR.\n\n"
        "### Change the cache placement\n\n1. Edit the CR so the cache runs in one zone.\n",
        id_="CacheSplit",
    )
    (question,) = questions(draft_tree(art))
    labels = [c["label"] for c in question["choices"]]
    assert labels[:2] == ["Enable the zone sync feature", "Change the cache placement"]


def test_stages_of_one_procedure_stay_one_fix() -> None:
    """ "### Prerequisites" / "### Procedure" / "### Verification" are done in turn."""
    art = runbook(
        "## Meaning\n\nThe certificate expires soon.\n\n## Mitigation\n\n"
        "### Prerequisites\n\nLog in as cluster admin. This resolves the alert later.\n\n"
        "### Procedure\n\n1. Renew the certificate. This resolves the alert.\n\n"
        "### Verification\n\n1. Check that the alert clears.\n",
        id_="CertExpiring",
    )
    assert not questions(draft_tree(art))


def test_either_children_needs_the_text_to_mark_alternatives() -> None:
    """Two action sub-headings with no "or", decline or end-of-problem stay a sequence."""
    parts = runbook(
        "## Meaning\n\nX.\n\n## Mitigation\n\n### Scale the deployment\n\nRun oc scale.\n\n"
        "### Restart the router\n\nRun oc delete pod.\n",
        id_="Seq",
    )
    mitigation = next(p for p in parts.document.parts if p.name == "Mitigation")
    assert not either_children(mitigation, mitigation.children)


def test_new_patterns_are_linear_on_hostile_text() -> None:
    """The module's patterns finish fast on 20 KB of near-matches."""
    hostile = (
        "if you do not want to x " * 300
        + "if the alert is " * 300
        + " and the x " * 600
        + "we recommend " * 500
        + " " * 2000
    )
    start = time.perf_counter()
    for pattern in (
        _ENDS_RE,
        _DECLINE_RE,
        _OFFER_RE,
        _THEN_RE,
        _STAGE_NAME_RE,
        _GUIDE_RE,
        _ONLY_METHOD_RE,
        _IF_IS_RE,
        _RECOMMEND_RE,
        _FALLBACK_RE,
        _DECLINE_LEAD_RE,
    ):
        pattern.search(hostile)
        pattern.match(hostile)
    assert time.perf_counter() - start < 0.5


_GUIDED = support(
    "## Symptoms\n\nThe reporting client fails to read signed rows after you install the "
    "Contoso Data Driver 5.2.\n\n"
    "## Workaround\n\n"
    "> [!IMPORTANT]\n> If your reporting client is hosted on Contoso Cloud Sites, the client "
    "always uses the driver 5.2. In this scenario, you can use only the Method 2 workaround "
    "in this section.\n\n"
    "To work around this problem, follow these guidelines, as appropriate:\n\n"
    "- The driver isn't yet upgraded to 5.2\n\n"
    "  In these environments, we recommend that you don't upgrade to the driver 5.2 until "
    "this problem is fixed.\n\n"
    "- The driver is already upgraded to 5.2\n\n"
    "  Use one of the following methods:\n\n"
    "  - Method 1: Roll back the driver\n\n"
    "    Uninstall the Contoso Data Driver 5.2 from the client computer.\n\n"
    "  - Method 2: Turn off row caching\n\n"
    "    Set `RowCacheTtl` to 0 in the client configuration.\n\n"
    "After you use either method, run the signed-rows report again.\n",
    title="Reporting client fails to read signed rows",
)


def test_guideline_cases_and_their_methods_are_asked_by_the_methods_names() -> None:
    """Each case and each of its methods is an answer, named by the method, not one tick."""
    tree = draft_tree(_GUIDED)
    labels = [c["label"] for q in questions(tree) for c in q["choices"]]
    assert "Method 1: Roll back the driver" in labels
    assert "Method 2: Turn off row caching" in labels
    assert "The driver isn't yet upgraded to 5.2" in labels
    ticks = {f["title"]: fix_ticks(f) for f in fixes(tree)}
    assert ticks["The driver isn't yet upgraded to 5.2"][0].startswith("Don't upgrade")
    assert not any("Uninstall" in t for t in ticks["Method 2: Turn off row caching"])


def test_a_note_allowing_only_one_method_is_asked_before_the_other() -> None:
    """ "you can use only the Method 2 workaround" on Cloud Sites: asked before Method 1."""
    tree = draft_tree(_GUIDED)
    asked = [q["title"] for q in questions(tree)]
    assert "Is your reporting client hosted on Contoso Cloud Sites?" in asked
    on_sites = walked(
        _GUIDED,
        {"symptom": "yes", "mitigation": "workaround_2", "only_2": "yes"},
    )
    assert [i.text for i in on_sites.part("steps")] == [
        "Use Method 2 instead: the article says only Method 2 works in this case."
    ]


def test_a_fallback_sentence_after_an_action_is_its_own_later_tick() -> None:
    """ "Restart the pod. If the restart fails, use pod troubleshooting": two ticks."""
    art = runbook(
        "## Meaning\n\nThe broker has no standby replica.\n\n## Mitigation\n\n"
        "Check the broker pod's logs. Verify the broker pod is failing and restart it if "
        "necessary. If the broker pod restart fails, use the general pod troubleshooting "
        "steps to resolve.\n",
        id_="BrokerMissingReplica",
    )
    (fix,) = fixes(draft_tree(art))
    ticks = fix_ticks(fix)
    assert ticks[-2] == "Verify the broker pod is failing and restart it if necessary."
    assert ticks[-1].startswith("If the broker pod restart fails, use the general pod")


def test_a_way_that_declines_another_is_asked_and_its_decline_not_asked_again() -> None:
    """ "If you do not want to enable X, change Y" under "### Change Y": a choice, then Y."""
    art = runbook(
        "## Meaning\n\nThe cache is split across two zones.\n\n## Mitigation\n\n"
        "### Enable the zone sync feature\n\n1. Set `zoneSync` to `true` in the CR.\n\n"
        "### Change the cache placement\n\nIf you do not want to enable the zone sync "
        "feature, you can change the cache placement in the CR to one zone.\n",
        id_="CacheSplitTwo",
    )
    tree = draft_tree(art)
    (question,) = questions(tree)
    labels = [c["label"] for c in question["choices"]]
    assert labels[0] == "Enable the zone sync feature"
    assert labels[1].startswith("Change the cache placement")
    change = fix_ticks(fixes(tree)[1])
    assert change[-1].startswith("Change the cache placement in the CR")
    assert not any(q["title"].startswith("Does this apply") for q in questions(tree))
