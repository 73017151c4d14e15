"""Runbook drafts (round 25, rbsteps25): what a runbook only shows is never asked, a
section's tail is not a step's detail, the re-read verify names the answers given, a
purpose lead reads as a step."""

from __future__ import annotations

import time
from typing import Any

from cpu_budget import budget
from drafting_support import fixes, runbook

from kbassist.drafting import runbook_shown
from kbassist.drafting.tree import draft_text, draft_tree


def inputs(tree: dict[str, Any]) -> list[dict[str, Any]]:
    """A drafted tree's inputs."""
    return [n for n in tree["nodes"] if n["kind"] == "input"]


def asked(body: str) -> str:
    """Every input prompt of a lint-clean runbook draft, joined."""
    art = runbook(body)
    draft_text(art)  # lint-clean
    return " | ".join(str(n["text"]) for n in inputs(draft_tree(art)))


def test_a_placeholder_in_a_log_line_right_under_its_lead_is_not_asked() -> None:
    """`<node-ip>` of a klog line the daemon logs is what it prints, never a value to type."""
    prompts = asked(
        "## Meaning\n\nThe kubelet health check on a node keeps failing.\n\n"
        "## Diagnosis\n\nThe health check runs every 30 seconds. If the check does not return"
        " within 30 seconds it is considered a failure. The monitor daemon pod will log any"
        " failure to `stdout`\n\n```console\nW0312 08:14:02.118230 2231 monitor.go:410] Failed"
        " health check: dial tcp: lookup localhost on <node-ip>:53: no such host\n```\n\n"
        "Once in the node you should check the status of the kubelet service\n\n```console\n"
        "# systemctl status kubelet\n```\n\n"
        "## Mitigation\n\nMake sure the node has sufficient CPU and memory for its workloads.\n"
    )
    assert "<node-ip>" not in prompts


def test_a_quoted_error_message_is_shown_and_the_delete_command_still_asked() -> None:
    """`<CR1>` of the quoted message is not asked; `<scaler_name>` of the fix's command is."""
    prompts = asked(
        "## Meaning\n\nThe volume scaler custom resource is invalid.\n\n"
        "## Diagnosis\n\n- Duplicate CR detected: two scalers share one device class. The"
        ' error message will appear as follows:\n\n```bash\n"duplicate scaler found, names are'
        ' <CR1> and <CR2>, delete one of them"\n```\n\n'
        "## Mitigation\n\nDelete the duplicate scaler resource.\n\n```bash\n"
        "oc delete volumescaler <scaler_name> -n openshift-storage\n```\n"
    )
    assert "<CR1>" not in prompts and "<CR2>" not in prompts
    assert "<scaler_name>" in prompts


def test_a_value_format_described_in_prose_is_not_asked() -> None:
    """'in the format of `<namespace>/<monitor-name>/<endpoint-id>`' draws a shape."""
    prompts = asked(
        "## Meaning\n\nPrometheus drops samples with duplicate timestamps.\n\n"
        "## Mitigation\n\n- Remove the offending ServiceMonitor object, which can be"
        " identified through the `scrape_pool` label in the log line, which is in the format"
        " of `<namespace>/<monitor-name>/<endpoint-id>`.\n"
    )
    assert "<monitor-name>" not in prompts and "<endpoint-id>" not in prompts


def test_additional_resources_after_the_last_step_are_not_its_detail() -> None:
    """'**Additional Resources:**' and its relative links stay off the last step."""
    art = runbook(
        "## Meaning\n\nPlacement group repair takes too long.\n\n"
        "## Mitigation\n\n1. **Repair Placement Groups:** Execute the steps of the repair"
        " article to identify and repair inconsistent placement groups.\n\n"
        "   [Repair article](https://example.com/solutions/42)\n\n"
        "**Additional Resources:**\n\n- [Gather Logs](helpers/gatherLogs.md)\n"
    )
    draft_text(art)
    steps = [s for o in fixes(draft_tree(art)) for s in o["steps"]]
    text = " ".join(f"{s['text']} {s.get('detail', '')}" for s in steps)
    assert "Repair Placement Groups" in text
    assert "Additional Resources" not in text and "gatherLogs" not in text


def test_links_the_step_points_to_stay_under_it() -> None:
    """A 'Links:' list under a step holds the references of its own words: kept."""
    assert runbook_shown.without_tail("Links:\nDNS guide: https://example.com/dns") == (
        "Links:\nDNS guide: https://example.com/dns"
    )
    refs = "See the guide.\n\nLinks:\nguide: https://example.com/a"
    assert runbook_shown.without_tail(refs) == refs


_DAEMONSET = (
    "## Meaning\n\nDaemonSet update is stuck waiting for a replaced pod.\n\n"
    "## Diagnosis\n\n- Check daemonset status via"
    " `kubectl -n $NAMESPACE describe daemonset $NAME`.\n- Check the update strategy.\n\n"
    "## Mitigation\n\nDelete the stuck pod manually if the daemonset runs one replica.\n"
)


def test_the_reread_verify_names_the_values_the_walk_asked() -> None:
    """'Look again ...: kubectl -n {namespace} ...' carries the answers, not `$NAMESPACE`."""
    art = runbook(_DAEMONSET)
    draft_text(art)
    tree = draft_tree(art)
    looks = [
        str(v["text"])
        for o in fixes(tree)
        for v in o["verify"]
        if str(v["text"]).startswith("Look again")
    ]
    assert looks
    assert all("$NAMESPACE" not in t and "$NAME" not in t for t in looks)
    assert all("{placeholder_" in t for t in looks)


def test_a_reread_naming_a_value_never_asked_on_the_way_is_dropped() -> None:
    """A branch that never asked `$POD_NAME` does not re-run `oc top pod $POD_NAME`."""
    tree: dict[str, Any] = {
        "nodes": [
            {"id": "q", "kind": "question", "choices": [{"next": "a"}, {"next": "ask"}]},
            {"id": "ask", "kind": "input", "var": "placeholder_1", "next": "b",
             "text": "The article writes $POD_NAME where you type the pod name: ..."},
            {"id": "a", "kind": "outcome", "verify": [
                {"text": "Look again where the Diagnosis read it: usage", "detail":
                 "oc top pod $POD_NAME"}, {"text": "Check that the alert clears."}]},
            {"id": "b", "kind": "outcome", "verify": [
                {"text": "Look again where the Diagnosis read it: usage", "detail":
                 "oc top pod $POD_NAME"}]},
        ]
    }  # fmt: skip
    runbook_shown.reread_values(tree, "oc top pod $POD_NAME")
    a, b = tree["nodes"][2], tree["nodes"][3]
    assert [v["text"] for v in a["verify"]] == ["Check that the alert clears."]
    assert b["verify"][0]["detail"] == "oc top pod {placeholder_1}"


def test_a_purpose_lead_with_its_command_word_glued_on_reads_as_a_step() -> None:
    """'To resize the volume run:' is 'Resize the volume:', not 'Resize the volume run:'."""
    assert runbook_shown.purpose_said("resize", "the volume run") == "Resize the volume:"
    assert runbook_shown.purpose_said(
        "get", "logs of etcd containers either check the alert or run the following"
    ) == ("Get logs of etcd containers: either check the alert or run the following:")
    assert runbook_shown.purpose_said("see", "all nodes using runc") == "See all nodes using runc:"


def test_a_nic_device_placeholder_is_titled_as_a_network_device() -> None:
    """`device="<dev>"` of a NIC metric is asked as 'Network device', not 'Dev'."""
    art = runbook(
        "## Meaning\n\nA network interface on a storage node is saturated.\n\n"
        "## Diagnosis\n\n- Use Prometheus to graph:\n\n```promql\n"
        'rate(node_network_receive_bytes_total{instance="<ip>", device="<dev>"}[5m]) * 8\n'
        "```\n\n## Mitigation\n\n- Throttle non-essential traffic on the node.\n"
    )
    draft_text(art)
    asks = {n["title"]: str(n["text"]) for n in inputs(draft_tree(art))}
    assert "Dev" not in asks
    assert asks["Network device"].endswith("Which network device is it?")


def test_the_new_patterns_are_fast_on_hostile_text() -> None:
    """Each pattern of runbook_shown reads 20 KB of hostile text in well under a second."""
    hostile = [
        "a " * 10_000,
        '"' + "x " * 10_000,
        "to " * 7_000,
        "$" + "A" * 20_000,
        "<" + "a-" * 10_000,
        " either" * 3_000,
        "\n\n" * 10_000,
    ]
    started = time.process_time()
    for text in hostile:
        runbook_shown.shown_removed(text + "\x1f" + text)
        runbook_shown.format_only(text, len(text))
        runbook_shown.shown_lead(text)
        runbook_shown.without_tail(text)
        runbook_shown.purpose_said("get", text[:150])
        runbook_shown._SETS_RE.findall(text)
        runbook_shown._VALUE_RE.findall(text)
    assert time.process_time() - started < budget(1.0)
