"""Round 26 (ph26): every command placeholder an input used in its step. A runbook's
shell variable set from an asked placeholder shows the typed answer where the item
that uses it does not set it (the verify re-running a Diagnosis check)."""

from __future__ import annotations

import time
from typing import Any

from drafting_support import runbook

from kbassist.drafting.assigned_vars import _assignments
from kbassist.drafting.tree import draft_text, draft_tree

PANIC = """
## Meaning

This alert fires when a virtual machine reported guest OS panics in the last 24 hours.

## Diagnosis

1. Read the alert's labels and set variables for the following steps:

   ```bash
   export NAMESPACE="<alert namespace label>"
   export VM_NAME="<alert name label>"
   ```

2. Check the VMI phase and events:

   ```bash
   oc get vmi -n $NAMESPACE $VM_NAME -o wide
   ```

## Mitigation

Restart the virtual machine if it is stuck in the Failed phase.
"""


def _fix_items(tree: dict[str, Any], key: str) -> list[str]:
    return [
        f"{item['text']} {item.get('detail', '')}"
        for node in tree["nodes"]
        if node["kind"] == "outcome" and node["id"] != "not_this_article"
        for item in node.get(key, [])
    ]


def test_a_rerun_check_shows_the_typed_namespace_not_the_shell_variable() -> None:
    """The verify's `oc get vmi -n $NAMESPACE $VM_NAME` becomes the two typed answers; the
    step that sets the variables keeps its assignments, filled in."""
    tree = draft_tree(runbook(PANIC, id_="GuestPanic"))
    inputs = {n["var"] for n in tree["nodes"] if n["kind"] == "input"}
    assert len(inputs) == 2
    rerun = [v for v in _fix_items(tree, "verify") if "oc get vmi" in v]
    assert rerun, "the Diagnosis check is run again"
    for text in rerun:
        assert "$NAMESPACE" not in text and "$VM_NAME" not in text
        assert all("{" + var + "}" in text for var in inputs)
    draft_text(runbook(PANIC, id_="GuestPanic"))  # lint-clean, or DraftError


def test_a_variable_also_set_by_a_command_is_left_as_written() -> None:
    """`NAMESPACE` set from the alert in one place and by `oc get` in another has no one
    answer: the runbook's `$NAMESPACE` stays."""
    body = PANIC.replace(
        "2. Check the VMI phase",
        '2. Or find it:\n\n   ```bash\n   NAMESPACE="$(oc get kubevirt -A -o name)"\n   ```\n\n'
        "3. Check the VMI phase",
    )
    assert [n for n, _ in _assignments(body)] == ["VM_NAME"]


def test_the_assignment_pattern_is_linear_on_a_hostile_line() -> None:
    """20 KB of `A=<` without a closing bracket is read at once, not in quadratic time."""
    hostile = " export A=<" * 2000 + "x" * 2000
    started = time.perf_counter()
    _assignments(hostile)
    assert time.perf_counter() - started < 1.0
