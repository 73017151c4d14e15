"""Round 34 (modern35): a command whose article text lost the spaces before its switches
is respaced; a symptom choice never stops mid-clause; registry backups only where a key is
edited, naming every key; no when-to-choose costs for the support-case data collection; a
kind of service from the title is checked as the admin's own services."""

# ruff: noqa: E501
from __future__ import annotations

import time
from typing import Any

from drafting_support import fixes, support

from kbassist.drafting.glued_switches import respaced_switches
from kbassist.drafting.tree import draft_tree

GLUED = """## Symptoms

When you change the audit policy, the domain controllers do not apply the changes.

## Resolution

To resolve this issue, follow these steps:

1. Open the Group Policy Management console and link the policy to the domain.
2. On the domain controllers, run the following command: auditrefresh/update machine_scope/force
"""

APART = """## Symptoms

The Contoso Sync service does not start after the computer starts.

## Resolution

Change the trigger of the Contoso Sync service by using the following command:

**sc triggerinfo contososync start/networkon**
"""

CUT = """## Symptoms

On this server, you may experience one or more of the following symptoms:

- Services that use the managed account do not start.
- Logons to the server are slow.
- Any application or tool that runs on the server that needs to interact with the print spooler stops responding.

## Resolution

Set the startup type of the Contoso Key service to **Automatic**.
"""

TWO_KEYS = """## Symptoms

The Contoso agent can't report the location of the device.

To resolve this issue, make sure that location is allowed before you deploy a device.

## Use Registry Editor

Run **Registry Editor** as an administrator and follow these steps:

1. Set the data value of the registry entry `HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\contosoagent\\Start` to 3.
2. Set the value of the registry entry `HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Agent\\location\\Value` to Allow.

## Use Group Policy

To change the registry settings, use Group Policy Preferences. Next, follow these steps:

1. Go to **Computer Configuration** > **Administrative Templates** > **Contoso** > **Turn off location**.
2. Set the value of the **Turn off location** setting to **Not Configured**.
"""


def _texts(outcome: dict[str, Any], part: str = "steps") -> list[str]:
    return [str(s["text"]) for s in outcome.get(part, [])]


def test_glued_switches_are_respaced_in_the_step() -> None:
    """A command with its program glued to a switch is drafted with the spaces restored."""
    tree = draft_tree(support(GLUED))
    steps = " ".join(t for o in fixes(tree) for t in _texts(o))
    assert "auditrefresh /update machine_scope /force" in steps


def test_a_program_apart_from_its_arguments_is_left_as_written() -> None:
    """`sc triggerinfo name start/networkon` keeps its one-word argument."""
    tree = draft_tree(support(APART))
    found = [
        str(s.get("detail", "")) + str(s["text"]) for o in fixes(tree) for s in o.get("steps", [])
    ]
    assert any("start/networkon" in f for f in found)


def test_protocol_pairs_in_a_detail_are_not_commands() -> None:
    """ "TCP/IP and/or IPX/SPX" under a step stays as written."""
    item = "Check the bindings.\x1fTCP/IP and/or IPX/SPX"
    assert respaced_switches(item) == item


def test_respacing_is_linear_on_hostile_text() -> None:
    """20 KB of slashes and words is respaced at once."""
    hostile = "run the following command: a/b " + "x_y/z " * 3500
    start = time.perf_counter()
    respaced_switches(hostile + "\x1f" + "c/d " * 5000)
    assert time.perf_counter() - start < 0.5


def test_symptom_choice_says_what_happens() -> None:
    """A long symptom bullet is a whole choice, not cut before its verb."""
    tree = draft_tree(support(CUT))
    labels = [c["label"] for c in tree["nodes"][0]["choices"]]
    assert any(label.endswith("stops responding") for label in labels), labels
    assert not any(label.endswith("needs to interact") for label in labels)


def test_policy_method_has_no_registry_backup_and_registry_method_backs_up_both() -> None:
    """Group Policy steps get no registry backup; the registry method backs up both keys."""
    tree = draft_tree(support(TWO_KEYS))
    by_title = {str(o["title"]): o for o in fixes(tree)}
    policy = next(o for t, o in by_title.items() if "Group Policy" in t)
    assert not any(t.startswith("Back up") for t in _texts(policy))
    assert "rollback" not in policy
    registry = next(o for t, o in by_title.items() if "Registry Editor" in t)
    backup = next(t for t in _texts(registry) if t.startswith("Back up"))
    assert "Services\\contosoagent key" in backup  # the key, not its Start value
    assert "Contoso\\Agent\\location key" in backup


def test_symptom_choice_cut_before_because_stays_cut() -> None:
    """A label whose clause is whole ("... fail to load") is not lengthened by its reason."""
    from kbassist.drafting.whole_symptoms import whole_symptom_label

    message = "Resources stored in the DLL fail to load because the handle returned is NULL."
    assert whole_symptom_label(message, "Resources stored in the DLL fail to load") == (
        "Resources stored in the DLL fail to load"
    )
