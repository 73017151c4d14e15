"""Inputs asked for what they are and only where a step uses them (round 34, inputs35): a
Go log line's placeholders ask nothing, a directory partition is a DN not a folder, a
quota's bytes and objects are whole numbers, a value an earlier step has you write down
says which step, and a runbook's `<pool>` points at the Diagnosis listing."""

from __future__ import annotations

import time
from typing import Any

from drafting_support import archive, runbook, support

from kbassist.drafting.asked_kinds import diagnosis_pointer, in_log_line, is_dn, size_kind
from kbassist.drafting.tree import draft_tree


def _inputs(tree: dict[str, Any]) -> list[dict[str, Any]]:
    """The drafted tree's input nodes."""
    return [n for n in tree["nodes"] if n["kind"] == "input"]


DRAIN = """
## Meaning

The `WidgetDrainError` alert fires when the widget controller cannot drain a node.

## Diagnosis

The controller logs the name of each pod that it evicts from the node:

```console
  1 drain_controller.go:173] node worker-0: Evicted pod <namespace>/<pod-name>
```

## Mitigation

If a PodDisruptionBudget blocks the drain, patch it:

```bash
oc patch pdb <pdb-name> -n <pdb-namespace> --type=merge -p '{"spec":{"minAvailable":0}}'
```
"""


def test_go_log_line_placeholders_are_not_asked() -> None:
    """The pod named in a sample controller log line is not asked; the patch's PDB is."""
    tree = draft_tree(runbook(DRAIN))
    asked = " ".join(str(n.get("text", "")) for n in _inputs(tree))
    assert "<pod-name>" not in asked
    assert "<pdb-name>" in asked


QUOTA = """
## Meaning

Storage pool quota usage has crossed 70%. One or more pools is approaching its quota.

## Diagnosis

Run the following command to have information about pool status in the cluster:

```bash
    sh-5.1$ rados df
```

## Mitigation

Pool quotas can be raised with the Ceph CLI:

```bash
    ceph osd pool set-quota <pool> max_bytes <bytes>
    ceph osd pool set-quota <pool> max_objects <objects>
```
"""


def test_quota_bytes_and_objects_are_whole_numbers() -> None:
    """`max_bytes <bytes>` and `max_objects <objects>` are asked as whole numbers."""
    inputs = {n["title"]: n for n in _inputs(draft_tree(runbook(QUOTA, id_="GizmoPoolQuota")))}
    assert inputs["Number of bytes"]["type"] == "number"
    assert inputs["Number of bytes"]["integer"] is True
    assert inputs["Number of objects"]["type"] == "number"


def test_runbook_pool_points_at_the_diagnosis_listing() -> None:
    """The pool's help says the Diagnosis step that lists pools shows it."""
    inputs = {n["title"]: n for n in _inputs(draft_tree(runbook(QUOTA, id_="GizmoPoolQuota")))}
    assert "`rados df`" in inputs["Pool"]["help"]


DEMOTE = """
## Symptoms

When you demote a domain controller, you receive an error about the last replica of an
application directory partition.

## Resolution

1. Open a command prompt, and then type ntdsutil.
2. Type partition management.
3. Type list. A list of the naming contexts on this server appears.
4. To remove the replica, type remove nc replica <ApplicationDirectoryPartition> <DC>.
"""


def test_directory_partition_is_asked_as_a_dn() -> None:
    """An `<ApplicationDirectoryPartition>` is asked as a distinguished name, not a path."""
    tree = draft_tree(support(DEMOTE, id_="demote-dc", title="Cannot demote a DC"))
    node = next(n for n in _inputs(tree) if "<ApplicationDirectoryPartition>" in n["text"])
    assert "DC=" in node["help"]
    assert "C:\\WINDOWS" not in node["help"]


PAGE_FRAME = """
SYMPTOMS
========

The program cannot open large files.

RESOLUTION
==========

1. At the command prompt, type "emm386" (without the quotation marks).
2. Write down the Page Frame Segment address from the status report on your screen.
3. Open your CONFIG.SYS file, and after the RAM switch, add the following:

     p0=<xxxx>

   where <xxxx> stands for the Page Frame Segment value you found in Step 2.
4. Save the file and restart your computer.
"""


def test_value_written_down_earlier_names_that_step() -> None:
    """A value "you found in Step 2" says which checklist step shows it, by its words."""
    tree = draft_tree(archive(PAGE_FRAME, id_="Q999335", title="Program Cannot Open Files"))
    node = next(n for n in _inputs(tree) if "<xxxx>" in n["text"])
    assert "Write down the Page Frame Segment address" in node["help"]
    assert "Page Frame Segment value" in node["title"]


def test_disk_partition_is_no_dn() -> None:
    """A `<partition>` after a disk tool is a disk's, not a directory partition."""
    assert not is_dn("<partition>", "diskpart select <partition>")
    assert is_dn("<partition>", "remove nc replica <partition> <DC>")
    assert is_dn("<NamingContext>", "x")


def test_size_kinds() -> None:
    """Bytes by the token's word, objects by the quota key before it; others none."""
    assert size_kind("<bytes>", "set-quota p max_bytes <bytes>") == "number of bytes"
    assert size_kind("<n>", "set-quota p max_objects <n>") == "number of objects"
    assert size_kind("<name>", "set-quota <name> max_bytes 10") == ""


def test_helpers_are_linear_on_hostile_text() -> None:
    """The new regexes stay fast on 20 KB of text built to backtrack."""
    hostile = ("a" * 59 + ".go:1 ") * 340 + "x"
    start = time.perf_counter()
    in_log_line(hostile, len(hostile) - 1)
    is_dn("<" + "a " * 10_000 + ">", hostile)
    size_kind("<bytes>", "max_" * 5000 + " <bytes>")
    diagnosis_pointer("<pool>", "pool " * 4000 + "\n\n```\n" + "$ " * 90 + "\n```")
    assert time.perf_counter() - start < 1.0


SOURCESAFE = """
SYMPTOMS
========

Clients cannot open the database after it moved to a new server.

RESOLUTION
==========

1. Type the following at a command prompt, where <server> is the new server:

     net use s: \\\\<server>\\vss

2. When you start the program from a client install, you might see the following
   errors:

     Invalid DOS path: "<path>\\srcsafe.ini"

   Correct the path in the client's srcsafe.ini file.
"""


def test_placeholder_in_quoted_error_is_not_asked() -> None:
    """A `<path>` in an error message the step says you may see is not asked."""
    tree = draft_tree(archive(SOURCESAFE, id_="Q999336", title="Clients Cannot Open Database"))
    asked = " ".join(str(n.get("text", "")) for n in _inputs(tree))
    assert "<server>" in asked
    assert "<path>" not in asked


def test_diagnosis_pointer_kinds() -> None:
    """The alert is named where the lead says it names the value; no pointer to a command
    that itself needs the value typed."""
    said = "The alert message contains the job name. For Example:\n\n```\n- alertname = X\n```"
    assert "firing alert names it" in diagnosis_pointer("<job-name>", said)
    assert "For Example" not in diagnosis_pointer("<job-name>", said)
    circular = "Check the number of pods on a node:\n\n```\n$ oc get pods -n x <node>\n```"
    assert diagnosis_pointer("<node>", circular) == ""
    listing = "Check the status of the nodes:\n\n```bash\n# list them\n$ oc get nodes\n```"
    assert "(`oc get nodes`;" in diagnosis_pointer("<node>", listing)
