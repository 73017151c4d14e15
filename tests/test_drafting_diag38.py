"""Steps and checks whose output answers "What did you find?" come before that question
(diag38): a fix's own check and its result cases, and every answer's shared log review."""

from __future__ import annotations

from typing import Any

from drafting_support import fixes, runbook, support

from kbassist.drafting.tree import draft_tree

RUNAS = """
## Symptoms

The service can't start. You receive error 1069.

## Cause

The password of the service account is incorrect.

## Resolution

To verify and solve the issue, follow these steps:

1. Open a Windows Command Prompt.
2. Run the following command:

    ```console
    runas /user:contoso\\svcaccount cmd
    ```

3. If the command succeeds, type the same credentials in the service's Log On tab.
4. If the command fails and reports the same issue, reset the password of the account.
5. Restart the service.
"""

CHOICE = """
## Symptoms

The service can't start. You receive error 1069.

## Resolution

1. Restart the computer.
2. If the account is a local account, reset its password in Computer Management.
3. If the account is a domain account, reset its password in Active Directory Users and Computers.
"""

NODES = """
## Meaning

A control plane node has been detected as not ready for more than 5 minutes.

## Diagnosis

1. Check the status of all control plane nodes:

   ```bash
   oc get nodes -l node-role.kubernetes.io/control-plane=''
   ```

2. Get detailed information about the affected node:

   ```bash
   oc describe node <node-name>
   ```

3. Review system logs on the affected node:

   ```bash
   ssh <node-address>
   ```

   ```bash
   journalctl -xeu kubelet
   ```

## Mitigation

1. If the node is unreachable:
   - Verify network connectivity
   - Ensure the node has power and is running

2. If the kubelet is generating errors:

   ```bash
   systemctl restart kubelet
   ```

3. If the node cannot be recovered:
   - If possible, safely drain the node
      ```bash
      oc drain <node-name> --ignore-daemonsets --delete-emptydir-data
      ```
   - Investigate hardware/infrastructure issues
   - Consider replacing the node if necessary
"""


def _by_id(tree: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {n["id"]: n for n in tree["nodes"]}


def _found(tree: dict[str, Any]) -> dict[str, Any]:
    return next(n for n in tree["nodes"] if n.get("title") == "Which of these did you find?")


def _before(tree: dict[str, Any], target: str) -> list[dict[str, Any]]:
    return [
        n
        for n in tree["nodes"]
        if n.get("next") == target or any(c.get("next") == target for c in n.get("choices", []))
    ]


def test_the_command_is_run_before_asking_whether_it_succeeded() -> None:
    """The question whether the command succeeded comes after the step that runs it."""
    tree = draft_tree(support(RUNAS))
    question = _found(tree)
    (info,) = _before(tree, question["id"])
    assert info["kind"] == "info" and info.get("checks")
    assert "runas /user:contoso" in info["text"]
    outcome = _by_id(tree)[question["choices"][0]["next"]]
    steps = " ".join(s["text"] + str(s.get("detail", "")) for s in outcome["steps"])
    assert "runas" not in steps and "Open a Windows Command Prompt" not in steps
    assert "If the command succeeds" in steps and "Restart the service" in steps


def test_cases_that_are_no_result_of_the_step_before_are_asked_as_before() -> None:
    """A choice the admin knows up front (local or domain account) is not moved after a step."""
    tree = draft_tree(support(CHOICE))
    assert not [n for n in tree["nodes"] if str(n["id"]).endswith("-first")]
    outcome = fixes(tree)[0]
    assert any("Restart the computer" in s["text"] for s in outcome["steps"])


def test_the_shared_log_review_comes_before_what_did_you_find() -> None:
    """The node's log review, with its node-address input, is run once before the finding
    is asked, and no fix ticks it again."""
    tree = draft_tree(runbook(NODES, id_="ControlPlaneDown"))
    by_id = _by_id(tree)
    question = by_id["mitigation"]
    order, at = [], tree["nodes"][0]["choices"][0]["next"]
    while at != question["id"]:
        order.append(by_id[at])
        at = by_id[at]["next"]
    shown = " ".join(str(n.get("text", "")) for n in order)
    assert "journalctl -xeu kubelet" in shown
    assert any(n["kind"] == "input" for n in order)
    for outcome in fixes(tree):
        assert not any("journalctl" in str(s.get("detail", "")) for s in outcome["steps"])
