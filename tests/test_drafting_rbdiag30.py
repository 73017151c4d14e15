"""Round 30 (rbdiag30): a runbook's Diagnosis checks are ticked with their commands before
the fix, and a cordon/drain or advice-only Mitigation does not promise the alert clears."""

from __future__ import annotations

import re
import time

from drafting_support import details, fixes, runbook, ticks

from kbassist.drafting.runbook_checks_only import NO_FIX_LABEL
from kbassist.drafting.runbook_diag_ticks import _ADVICE_RE, _STATEMENT_RE
from kbassist.drafting.tree import draft_text, draft_tree

MEANING = "## Meaning\n\nThe network interface on a node keeps changing its link status.\n\n"


def _verifies(outcome: dict) -> list[str]:
    return [" ".join(str(v["text"]).split()) for v in outcome.get("verify", [])]


def test_diagnosis_checks_are_ticked_before_the_cordon_and_drain() -> None:
    """Prose Diagnosis checks become the first ticks, in order, before cordon and drain."""
    article = runbook(
        MEANING + "## Diagnosis\n\n"
        "Investigate link errors on the node and on the switch port.\n"
        "Check the patch cables and the firewall rules between the racks.\n\n"
        "## Mitigation\n\nCordon and drain node to move workloads off it.\n"
    )
    tree = draft_tree(article)
    (fix,) = fixes(tree)
    got = ticks(fix)
    assert got[:2] == [
        "Investigate link errors on the node and on the switch port.",
        "Check the patch cables and the firewall rules between the racks.",
    ]
    assert [t for t in got if t.startswith(("Cordon", "Drain"))] == got[2:]
    assert not any(n["kind"] == "info" and n.get("checks") for n in tree["nodes"])
    draft_text(article)  # lint-clean


def test_cordon_and_drain_verify_what_they_achieve_not_the_alert_clearing() -> None:
    """After only cordon/drain, the verify checks SchedulingDisabled and pods moved."""
    article = runbook(
        MEANING + "## Diagnosis\n\nCheck the patch cables of the node.\n\n"
        "## Mitigation\n\nCordon and drain node to move workloads off it.\n"
    )
    (fix,) = fixes(draft_tree(article))
    said = _verifies(fix)
    assert any("SchedulingDisabled" in v for v in said)
    assert any("now run on other nodes" in v for v in said)
    assert not any("alert clears" in v or "no longer holds" in v for v in said)
    assert any("keeps firing" in str(v.get("detail", "")) for v in fix["verify"])


def test_a_diagnosis_command_is_ticked_verbatim_in_its_detail() -> None:
    """A fenced Diagnosis command is shown verbatim under its ticked check."""
    article = runbook(
        "## Meaning\n\nHalf or more of the Alertmanager replicas are down.\n\n"
        "## Diagnosis\n\nLook at why the pods are not running, from the events:\n\n"
        "```console\n$ kubectl get events --field-selector involvedObject.kind=Pod\n```\n\n"
        "## Mitigation\n\nThere are no cheap options to mitigate this risk. Testing new "
        "changes in staging first should improve stability.\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert fix["title"] == NO_FIX_LABEL
    assert ticks(fix)[0].startswith("Look at why the pods are not running")
    assert "kubectl get events --field-selector involvedObject.kind=Pod" in details(fix)
    assert not any(t.startswith("There are no cheap options") for t in ticks(fix))
    assert "no cheap options" in str(fix["text"])
    draft_text(article)  # lint-clean


def test_a_real_fix_keeps_its_alert_clears_verify() -> None:
    """A Mitigation that repairs something still verifies that the alert clears."""
    article = runbook(
        MEANING + "## Diagnosis\n\nCheck the patch cables of the node.\n\n"
        "## Mitigation\n\nReplace the faulty network card and restart the node.\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert ticks(fix)[0] == "Check the patch cables of the node."
    assert any("alert clears" in v for v in _verifies(fix))


def test_the_new_patterns_stay_linear_on_hostile_text() -> None:
    """The advice and statement patterns answer fast on 20 KB of near-misses."""
    hostile = ["a" * 20_000, "continuing " * 2_000, "there are no " + "x " * 10_000]
    started = time.perf_counter()
    for text in hostile:
        for pattern in (_ADVICE_RE, _STATEMENT_RE):
            assert pattern.match(text) is None or isinstance(pattern.match(text), re.Match)
    assert time.perf_counter() - started < 0.5
