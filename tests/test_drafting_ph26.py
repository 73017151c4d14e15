"""Round 26 (ph26): every command placeholder an input used in its step. A runbook's
shell variable set from an asked placeholder shows the typed answer where the item
that uses it does not set it (the verify re-running a Diagnosis check)."""

from __future__ import annotations

import time
from typing import Any

from drafting_support import archive, fixes, runbook

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


REMOTE = (
    "SYMPTOMS\n========\n\nWhen you use the Shutdown.exe tool to shut down a remote"
    " computer that runs a screen saver, the screen saver does not come back on the"
    " remote computer if you end the shutdown with the following command:\n\n"
    "  shutdown \\\\<remote_computer> /a\n\n"
    "CAUSE\n=====\n\nShutdown.exe turned the screen saver off for a while.\n\n"
    "RESOLUTION\n==========\n\nTo turn the screen saver back on, restart the remote"
    " computer.\n\n"
    "STATUS\n======\n\nMicrosoft has confirmed this to be a problem in Windows NT"
    " version 3.51.\n\n"
    "MORE INFORMATION\n================\n\n"
    "Steps to Reproduce Problem\n--------------------------\n\n"
    "1. On the remote computer, start a screen saver.\n"
    "2. On the local computer, type the following at a command prompt:\n\n"
    '   "shutdown \\\\<remote_computer> /t:30" (without the quotation marks)\n\n'
    '3. When the message "File <filename> not found" appears, click OK.\n'
    "4. On the local computer, type the following at a command prompt:\n\n"
    '   "shutdown \\\\<remote_computer> /a" (without the quotation marks)\n\n'
    "   Note that the screen saver does not start again on the remote computer.\n"
)


def test_the_steps_to_reproduce_ask_their_computer_name_for_the_verify() -> None:
    """The verify repeats the steps to reproduce with the typed computer name in both
    shutdown commands; the `<filename>` of a quoted message is not asked."""
    article = archive(REMOTE, id_="Q999261")
    tree = draft_tree(article)
    inputs = [n for n in tree["nodes"] if n["kind"] == "input"]
    assert [n["title"] for n in inputs] == ["Your host name for <remote_computer>"]
    (fix,) = fixes(tree)
    detail = fix["verify"][0]["detail"]
    var = "{" + inputs[0]["var"] + "}"
    assert detail.count(var) == 2 and "<remote_computer>" not in detail
    assert "<filename>" in detail  # the message, as shown
    draft_text(article)  # lint-clean, or DraftError
