"""Ticks that only say what is (round 24, ticks24): a statement after a step is its note,
a statement first is the outcome's text, an outcome of statements alone is told (or, in
an alert runbook, escalated), never ticked as if it were an action."""

from __future__ import annotations

import time
from functools import partial

from cpu_budget import budget
from drafting_support import archive, details, fix_ticks, fixes, runbook, ticks

from kbassist.drafting.statement_ticks import plain_statement
from kbassist.drafting.steps import INFO_STEP
from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999924")

SYMPTOMS = "SYMPTOMS\n========\n\nThe plotter prints only half of each page.\n\n"
CAUSE = "CAUSE\n=====\n\nThe plotter driver sends the page in two bands.\n\n"


def test_a_statement_after_a_step_is_its_note() -> None:
    """ "When the macro runs, Paintbrush will maximize ..." after "Run the macro." is shown
    under that step, not ticked as a step of its own."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "1. Open the Recorder and load the LOGO.REC macro.\n"
        "2. Run the macro.\n"
        "3. When the macro runs, Paintbrush will maximize and the whole logo will be captured.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert not any(t.startswith("When the macro runs") for t in ticks(only))
    assert "Paintbrush will maximize" in details(only)


def test_a_lone_statement_in_a_runbook_fix_is_an_honest_escalation() -> None:
    """A Mitigation that only says where the cause is likely to be is escalated, the
    statement shown under that step, and the fix is titled as no documented fix."""
    article = runbook(
        "## Meaning\n\nThis alert fires when at least 5% of gRPC requests failed.\n\n"
        "## Diagnosis\n\nGet the logs of the etcd containers:\n\n"
        "```shell\noc logs -n openshift-etcd -lapp=etcd -c etcd\n```\n\n"
        "## Mitigation\n\nDepending on the above diagnosis, the issue will most likely be "
        "described in the error log line of etcd. Most likely causes tend to be networking "
        "issues.\n",
        id_="EtcdFailedRequests",
    )
    (only,) = fixes(draft_tree(article))
    (tick,) = fix_ticks(only)  # round 30: after the Diagnosis check, ticked first
    assert tick.startswith("Escalate to the team that owns the EtcdFailedRequests alert")
    assert "networking issues" in details(only)
    assert only["title"].startswith("No documented fix")


def test_an_archive_outcome_of_statements_only_is_told() -> None:
    """A WORKAROUND that only states a fact tells the user, the fact shown under that
    step, and its verify no longer expects the problem to go away."""
    article = mskb(
        SYMPTOMS + "WORKAROUND\n==========\n\n"
        "The plotter firmware in this model stores each page in two bands of its own.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == [INFO_STEP]
    assert "stores each page in two bands" in details(only)
    assert "not expect the problem to go away" in only["verify"][0]["text"]


def test_actions_and_advice_are_never_read_as_statements() -> None:
    """An action the drafter's own verb test misses ("Try a different cable.", "In the
    Size box select the size."), advice ("It is highly recommended to X") and a duty stay
    ticks; facts are statements."""
    assert not plain_statement("Try a different cable or check that it is firmly connected.")
    assert not plain_statement("In the Size box select or type the point size you want.")
    assert not plain_statement("It is highly recommended to spread the daemons over two nodes.")
    assert not plain_statement("Then just go delete the pods and new ones will be created.")
    assert not plain_statement("The service must be restarted after the change is made.")
    assert plain_statement("Machine Config Pools will apply a machine config to matching nodes.")
    assert plain_statement("The status codes between 500 and 599 indicate a server problem.")
    assert not plain_statement("Link or import data from a sheet that has at most 61 columns.")


def test_statement_reading_is_fast_on_hostile_text() -> None:
    """Long runs of words, commas, capitals or spaces are read in well under 50 ms."""
    for text in (
        "The " + "Ab " * 15000 + "is here.",
        ", " * 25000,
        " " * 50000,
        "In the " + "word " * 10000 + ".",
        "If " + "x " * 25000 + ", it is.",
    ):
        start = time.perf_counter()
        plain_statement(text)
        assert time.perf_counter() - start < budget(0.05)


def test_a_heading_over_its_own_sub_steps_is_their_title() -> None:
    """ "1. Short term: Throttle traffic on the node." over its nested "* Taint ..." and
    "* Drain ..." is shown with the first of them, not ticked beside them."""
    article = runbook(
        "## Meaning\n\nA network interface on a storage node is nearly saturated.\n\n"
        "## Mitigation\n\n"
        "1. Short term: Throttle non-essential traffic on the node.\n"
        "    * Taint the storage node to keep other workloads off it.\n"
        "    * Drain existing non-essential pods from the node.\n"
        "2. Enable NIC offload features if they are disabled.\n",
        id_="NicSaturation",
    )
    (only,) = fixes(draft_tree(article))
    got = ticks(only)
    assert not any(t.startswith("Short term") for t in got)
    assert got[0].startswith("Taint the storage node")
    assert only["steps"][0]["detail"].startswith("Short term: Throttle")


def test_a_runbook_fix_said_as_an_offer_above_its_statements_is_not_escalated() -> None:
    """A Mitigation whose first paragraph offers the fix ("you can check the pool object
    and its spec to edit the selector") over a statement and a YAML sample is not turned
    into "No documented fix"."""
    text = draft_text(
        runbook(
            "## Meaning\n\nA node is part of the master pool and a custom pool.\n\n"
            "## Diagnosis\n\nCheck the controller pod logs:\n\n```console\n"
            "$ oc logs $CONTROLLERPOD -c machine-config-controller\n```\n\n"
            "## Mitigation\n\nPlease be aware that while a `master`, `custom`\nMCP setup is"
            " supported for nodes that it will\nactivate this alert. Any MCs matching the"
            " custom\npool will not be applied to nodes matching the\nmaster pool. If this is"
            " not intentional then you\ncan check the MCP object and it's spec to edit\nthe"
            " selector/labels.\n\nMachine Config Pools will apply a machine\nconfig to nodes"
            " that match the spec.nodeSelector.matchLabels.\n\n```console\n"
            "kind: MachineConfigPool\nspec:\n  paused: false\n```\n",
            id_="PoolAlert",
        )
    )[0]
    assert "No documented fix" not in text
