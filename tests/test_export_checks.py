"""Checks shown on the way (info steps marked `checks`) reach the exported ticket."""

from __future__ import annotations

from pathlib import Path

from drafting_support import runbook

from kbassist.drafting.tree import draft_tree_model
from kbassist.trees.checklist import build_checklist
from kbassist.trees.engine import Walk
from kbassist.trees.export import to_markdown, to_text
from kbassist.trees.lint import lint_result
from kbassist.trees.loader import read_tree_bytes
from kbassist.trees.model import Info, Input, Question

TREE = """\
id: spool
title: Print jobs stay queued
version: 1
articles: [Q1]
symptom: Print jobs stay queued.
cause: The spooler hangs.
nodes:
  - id: look
    kind: info
    checks: true
    title: Look at the spooler first
    text: "Run: sc query spooler"
    next: fixed
  - id: fixed
    kind: outcome
    title: Restart it
    steps:
      - text: Restart the print spooler service.
        source: {article: Q1, section: RESOLUTION}
"""


def test_a_checks_step_is_listed_in_both_exports() -> None:
    """The Markdown and the plain-text exports list the check's command before the checklist."""
    result = read_tree_bytes(TREE.encode(), Path("spool.yaml"))
    assert result.tree is not None and lint_result(result) == []
    walk = Walk(result.tree)
    walk.answer("")
    checklist = build_checklist(walk)
    markdown = to_markdown(checklist)
    assert "## Checks run on the way" in markdown
    assert markdown.index("sc query spooler") < markdown.index("## Checklist")
    assert "sc query spooler" in to_text(checklist)


def test_an_info_step_without_checks_stays_out_of_the_export() -> None:
    """A plain explanation (a warning, the cause) is not listed as a check."""
    result = read_tree_bytes(TREE.replace("    checks: true\n", "").encode(), Path("spool.yaml"))
    assert result.tree is not None
    walk = Walk(result.tree)
    walk.answer("")
    assert "Checks run on the way" not in to_markdown(build_checklist(walk))


def test_a_drafted_runbooks_diagnosis_reaches_the_ticket_with_the_typed_name() -> None:
    """The Diagnosis command a drafted runbook walk shows is in its export, name filled."""
    art = runbook(
        "## Meaning\n\nThe volume is almost full.\n\n"
        "## Diagnosis\n\nCheck what uses the volume:\n\n"
        "```shell\noc -n <namespace> describe pvc\n```\n\n"
        "## Mitigation\n\n"
        "If logs fill the volume, delete old logs:\n\n"
        "```shell\noc -n <namespace> exec deploy/app -- rm -rf /data/old-logs\n```\n\n"
        "If the data is needed, resize the PVC:\n\n"
        "```shell\noc -n <namespace> patch pvc data -p '{}'\n```\n"
    )
    tree = draft_tree_model(art)
    assert any(isinstance(n, Info) and n.checks for n in tree.nodes.values())
    walk = Walk(tree)
    while not walk.is_finished:
        node = walk.current
        if isinstance(node, Input):
            walk.answer("openshift-logging")
        elif isinstance(node, Question):
            walk.answer(node.choices[0].value)
        else:
            walk.answer("")
    markdown = to_markdown(build_checklist(walk))
    checks = markdown.split("## Checks run on the way")[1].split("## Checklist")[0]
    assert "oc -n openshift-logging describe pvc" in checks
