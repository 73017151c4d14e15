"""Round 36 (rbdiag36): runbook walks do not tick again the checks that chose the fix, a
heartbeat alert's problem is that it stopped firing, listed reasons are the cause, and
gathering logs is not verified by the alert clearing."""

from __future__ import annotations

from drafting_support import fixes, runbook, ticks

from kbassist.drafting.runbook_diag_ticks import AGAIN, GATHERED
from kbassist.drafting.tree import draft_text, draft_tree

QUOTA = (
    "## Meaning\n\nCluster has overcommitted disk resource requests for Namespaces.\n\n"
    "## Impact\n\nServices degrade when a single node fails.\n\n"
    "## Diagnosis\n\n"
    "- Check if disk resource requests are adjusted to the app usage\n"
    "- Check if some nodes are available and not cordoned\n"
    "- Check if the autoscaler has issues with adding new nodes\n\n"
    "## Mitigation\n\n"
    "- Review the existing disk quota and adjust it.\n\n"
    "- Add more nodes to the cluster.\n\n"
    "- Add different node pools with different instance types.\n"
)


def _verifies(outcome: dict) -> list[str]:
    return [" ".join(str(v["text"]).split()) for v in outcome.get("verify", [])]


def test_checks_that_chose_the_fix_are_not_ticked_again_in_each_fix(tmp_path) -> None:
    """The Diagnosis checks shown before "Which fix ...?" are not repeated in every checklist."""
    article = runbook(QUOTA, id_="DiskQuotaOvercommit")
    tree = draft_tree(article)
    shown = [n for n in tree["nodes"] if n["kind"] == "info" and n.get("checks")]
    assert shown and "Check if some nodes are available" in shown[0]["text"]
    assert AGAIN.strip(" ()") not in shown[0]["text"]
    assert len(fixes(tree)) >= 3
    for fix in fixes(tree):
        assert not any(t.startswith("Check if") for t in ticks(fix)), ticks(fix)
    draft_text(article)  # lint-clean


def test_check_if_diagnosis_names_the_likely_causes(tmp_path) -> None:
    """ "Check if X" Diagnosis items are the cause line's likely causes, not "gives no cause"."""
    cause = " ".join(draft_tree(runbook(QUOTA, id_="DiskQuotaOvercommit"))["cause"].split())
    assert "gives no cause" not in cause
    assert "checks for these likely causes" in cause
    assert "whether some nodes are available and not cordoned" in cause


def test_a_check_that_things_work_is_no_cause(tmp_path) -> None:
    """ "Check if the app is performing normally" is not offered as a likely cause."""
    article = runbook(
        "## Meaning\n\nProcesses experience elevated disk throttling.\n\n"
        "## Diagnosis\n\n- Check if application is performing normally\n"
        "- Check if disk requests are adjusted to the app usage\n- Check kernel version\n\n"
        "## Mitigation\n\nRaise the disk limits of the pod.\n"
    )
    assert "performing normally" not in draft_tree(article)["cause"]


def test_following_are_common_reasons_list_is_the_cause(tmp_path) -> None:
    """A list after "The following are common reasons X can fail." is named as the causes."""
    article = runbook(
        "## Meaning\n\nThis alert fires when the daemon cannot switch the node's image.\n\n"
        "## Diagnosis\n\nRead the daemon logs first. The following are common reasons a "
        "switch can fail.\n\n"
        "- The image service is unable to pull the image from the registry.\n"
        "- There are issues with the image service itself such as being unable to start, "
        "or unable to build the image folder, or unable to switch from the current "
        "configuration of the node for a long while.\n"
        "- Networking issues on the node prevent the registry from being reachable.\n\n"
        "## Mitigation\n\nRestart the image service on the node.\n"
    )
    cause = " ".join(draft_tree(article)["cause"].split())
    assert "lists likely causes" in cause
    assert "There are issues with the image service itself;" in cause
    assert "Networking issues on the node" in cause


def test_watchdog_symptom_is_the_alert_not_firing(tmp_path) -> None:
    """A heartbeat alert's walk confirms it is NOT firing, and verifies it fires again."""
    article = runbook(
        "## Meaning\n\nThis is an alert meant to ensure that the whole alerting pipeline "
        "works.\nThis alert is always firing, therefore it should always be firing in "
        "Alertmanager.\n\n"
        "## Impact\n\nIf not firing then external systems should page that alerting is "
        "broken.\n\n"
        "## Diagnosis\n\nMisconfigured alertmanager, bad credentials, bad endpoint, "
        "firewalls..\nCheck alertmanager logs.\n\n"
        "## Mitigation\n\nRoute this alert to a dead man's switch receiver.\n",
        id_="PipelineHeartbeat",
    )
    tree = draft_tree(article)
    symptom = " ".join(tree["symptom"].split())
    assert symptom.startswith("The PipelineHeartbeat alert is not firing")
    assert "If not firing then" in symptom
    cause = " ".join(tree["cause"].split())
    assert "Misconfigured alertmanager; bad credentials; bad endpoint; firewalls" in cause
    assert "always firing" not in cause
    (fix,) = fixes(tree)
    assert any("fires again" in v for v in _verifies(fix))
    draft_text(article)


def test_inhibitor_alert_symptom_is_left_as_it_was(tmp_path) -> None:
    """An always-firing alert that says nothing of not firing keeps Meaning as its symptom."""
    article = runbook(
        "## Meaning\n\nThis is an alert that is used to inhibit info alerts.\n\n"
        "## Impact\n\nAlert does not have any impact.\n\n"
        "## Mitigation\n\nRoute this alert to a null receiver.\n",
        id_="InfoSilencer",
    )
    assert "not firing" not in draft_tree(article)["symptom"]


def test_gathering_logs_is_not_verified_by_the_alert_clearing(tmp_path) -> None:
    """An outcome that only gathers logs verifies they are saved, not that the alert clears."""
    article = runbook(
        "## Meaning\n\nThis alert fires when the daemon cannot switch the node's image.\n\n"
        "## Diagnosis\n\nCheck the daemon logs for the error.\n\n"
        "## Mitigation\n\n"
        "- If the daemon pod is logging the following error, the service is stuck.\n\n"
        "  ```console\n  error: Transaction in progress\n  ```\n"
        "  You should restart the image service on the node.\n\n"
        "- If the daemon pod is logging the following errors, it is likely due to "
        "networking errors.\n\n"
        "  ```console\n  received unexpected HTTP status: 500\n  ```\n\n"
        "  - Make sure that the registry is allowed by your firewall.\n\n"
        "- If these troubleshooting steps do not fix the problem, gather the following "
        "logs, which will be helpful for identifying the issue.\n\n"
        "    ```console\n    # journalctl -u image-service\n    ```\n"
    )
    tree = draft_tree(article)
    gathering = [f for f in fixes(tree) if any(t.startswith("Gather") for t in ticks(f))]
    assert gathering, [ticks(f) for f in fixes(tree)]
    for fix in gathering:
        said = _verifies(fix)
        assert " ".join(GATHERED.split()) in said
        assert not any("alert clears" in v or "no longer holds" in v for v in said)
    others = [f for f in fixes(tree) if f not in gathering]
    assert others and all(any("alert clears" in v for v in _verifies(f)) for f in others)
    draft_text(article)


def test_new_patterns_are_fast_on_hostile_text() -> None:
    """20 KB runs of words, commas and dots read in well under 50 ms each."""
    import time

    from kbassist.drafting.runbook_diag_ticks import _GATHER_RE
    from kbassist.drafting.runbook_heartbeat import _NOT_FIRING_RE
    from kbassist.drafting.runbook_reasons import _CHECK_IF_RE, _FAULT_LIST_RE

    for run in ("a " * 10_000, "bad x, " * 3_000, "." * 20_000, "if this alert " * 1_500):
        start = time.perf_counter()
        _FAULT_LIST_RE.match(run)
        _GATHER_RE.match(f"gather {run}")
        _NOT_FIRING_RE.search(run)
        _CHECK_IF_RE.match(f"check if {run}")
        assert time.perf_counter() - start < 0.5
