"""Round 31 (symchoices31): the symptom question offers the symptom's forms, never a
scenario's conditions or a procedure's steps; messages listed after a summary are offered."""

from __future__ import annotations

import time
from typing import Any

from drafting_support import archive, support

from kbassist.drafting.symptom_leads import mostly_steps, scenario_lead, step_text
from kbassist.drafting.tree import draft_tree


def _symptom(tree: dict[str, Any]) -> dict[str, Any]:
    return next(n for n in tree["nodes"] if n["id"] == "symptom")


def _labels(tree: dict[str, Any]) -> list[str]:
    return [c["label"] for c in _symptom(tree)["choices"]]


SCENE = """
## Symptoms

The clock on a workstation that runs Contoso Agent jumps back by one day. This issue
might occur in the following scenario:

- The workstation is first joined to the corporate network.
- The workstation is restarted while it is on an isolated lab network.
- The lab network has no time server.

Other symptoms include, but aren't limited to, the following:

- Event ID 7 in the Agent log says that the clock was set back.
- Sign-in to file shares fails.

## Cause

The agent trusts a stale time stamp that it saved in the registry.

## Resolution

Set the agent's TimeSource value to NTP, and then restart the agent.
"""


def test_scenario_conditions_are_shown_not_offered() -> None:
    """A scenario's conditions stay in the question text; the symptoms are the choices."""
    tree = draft_tree(support(SCENE, id_="clock-jumps"))
    labels = _labels(tree)
    assert not any(label.startswith("The workstation is") for label in labels)
    assert any("Event ID 7" in label for label in labels)
    assert any("Sign-in to file shares fails" in label for label in labels)
    assert any(label.startswith("The clock on a workstation") for label in labels)
    assert "isolated lab network" in _symptom(tree)["text"]


IN_SCENARIO = """
## Symptoms

Consider the following scenario:

- You run Contoso Server 2.
- You removed the Debug right from the administrators group.

In this scenario, setup fails and you receive one of the following error messages:

- > Setup cannot continue: access is denied.

- > The setup account lacks the Debug right.

## Resolution

Give the setup account the Debug right, and then run setup again.
"""


def test_in_this_scenario_messages_are_the_choices() -> None:
    """After "Consider the following scenario:", the messages "In this scenario" are offered."""
    labels = _labels(draft_tree(support(IN_SCENARIO, id_="setup-denied")))
    assert not any(label.startswith("You ") for label in labels)
    assert any("access is denied" in label for label in labels)
    assert any("Debug right" in label for label in labels)


STEPS = """
SUMMARY
=======

This step-by-step article describes how to turn off friendly error messages in
Contoso Browser.

Method 1
--------

1. Turn off the friendly error message option in the browser as follows:

   a. In Contoso Browser, on the Tools menu, click Options.

   b. On the Advanced tab, click to clear the Show friendly error messages check
      box, and then click OK.

   c. Close the browser.

2. Use the Contoso deployment kit to push the option to clients.
"""


def test_procedure_steps_are_no_symptom_forms() -> None:
    """ "Close the browser" and the other steps of a procedure are never symptom choices."""
    labels = _labels(draft_tree(archive(STEPS, id_="Q999310")))
    assert not any("Close the browser" in label for label in labels)
    assert not any("Tools menu" in label for label in labels)


PROMPTS = """
SYMPTOMS
========

When you install Contoso Paint, you may receive one of the following error messages:

   Insert disk 2 in drive A.

   -or-

   Setup cannot find the file PAINT.DL_ on disk 2.

CAUSE
=====

Disk 2 is damaged.
"""


def test_a_prompt_message_in_the_imperative_stays_a_choice() -> None:
    """A message that reads as a prompt ("Insert disk 2") is still offered beside another."""
    labels = _labels(draft_tree(archive(PROMPTS, id_="Q999311")))
    assert any(label.startswith("Insert disk 2") for label in labels)
    assert any("cannot find the file" in label for label in labels)


AFTER_SUMMARY = """
A timeout means that an operation took longer than the client allows. This article
helps you fix timeout errors that you receive when you connect to Contoso DB.

## Verify the timeout errors

When you encounter timeout issues, you receive one or more of the following error messages:

- > Timeout expired. The server is not responding.

- > ContosoDbException: Connection Timeout Expired during the login handshake.

- > InvalidOperationException: Timeout expired while obtaining a connection from the pool.

## Causes and resolutions

Increase the connection timeout in the connection string, and then connect again.
"""


def test_messages_listed_after_the_summary_are_offered() -> None:
    """No Symptoms section: the first section's listed messages are the symptom's forms."""
    tree = draft_tree(support(AFTER_SUMMARY, id_="db-timeout", title="Timeout messages"))
    node = _symptom(tree)
    labels = _labels(tree)
    assert sum(1 for c in node["choices"] if c["value"].startswith("message_")) == 3
    assert any("Connection Timeout Expired" in label for label in labels)
    assert any("InvalidOperationException" in label for label in labels)
    assert node["source"]["section"] == "Verify the timeout errors"


def test_leads_and_steps_told_apart() -> None:
    """The lead and step tests read scenarios and procedures, not messages."""
    assert scenario_lead("This issue might occur in the following scenario:")
    assert scenario_lead("This problem can occur in the following situations:")
    assert not scenario_lead("In this scenario, you receive one of the following errors:")
    assert step_text("On the Advanced tab, click OK.")
    assert not step_text("Access is denied.")
    assert mostly_steps(["Close the browser.", "Click OK to save.", "Access is denied."])
    assert not mostly_steps(["Insert disk 2 in drive A.", "Setup cannot find the file."])


def test_lead_regexes_are_linear_on_hostile_text() -> None:
    """The new lead tests stay fast on 20 KB of hostile text."""
    hostile = "in " + ", " * 10_000 + "in the following " * 500 + "x" * 2_000
    start = time.perf_counter()
    scenario_lead(hostile)
    step_text(hostile)
    step_text("In " + "a, " * 7_000)
    assert time.perf_counter() - start < 0.5


def test_receive_and_case_leads_are_linear_on_hostile_text() -> None:
    """The receive, seen and case-form leads stay fast on 20 KB of hostile text."""
    from kbassist.drafting.symptom_leads import receive_lead, scenario_items, step_lead

    hostile = "you receive " + "following " * 2_000 + "x" * 2_000
    start = time.perf_counter()
    receive_lead(hostile)
    step_lead("1. " + "you see " * 2_500, True)
    scenario_items("in the following scenario:", ["When " + "a" * 20_000, "If " + ", " * 9_000])
    assert time.perf_counter() - start < 0.5
