"""Round 32 (modern32): a modern article's group title is no tick of its own, and causes
it lists outside a Cause section are the draft's cause."""

from __future__ import annotations

import time
from typing import Any

from drafting_support import details, fixes, questions, runbook, support, ticks

from kbassist.drafting.cause_leads import (
    _BY_FIX_RE,
    _FIX_SPLIT_RE,
    _LEAD_RE,
    _USUALLY_RE,
    cause_of_item,
)
from kbassist.drafting.heading_groups import _MARKED_RE, _UI_VERB_RE
from kbassist.drafting.tree import draft_tree


def _all_ticks(tree: dict[str, Any]) -> list[str]:
    return [t for outcome in fixes(tree) for t in ticks(outcome)]


def _all_details(tree: dict[str, Any]) -> str:
    return "\n".join(details(outcome) for outcome in fixes(tree))


GOAL_OVER_CASES = """
## Summary

Clients of the Contoso Ledger service report "Request timed out" when they connect.

## Resolution

1. Raise the request-timeout value.

    - If you use the Ledger SDK, raise the RequestTimeout value in the client
      configuration file to 60 or higher.
    - If you use the Ledger console, select **Options**, and raise **Request timeout**
      to 60.

1. Restart the client application.
"""


def test_goal_over_its_cases_is_a_title_not_a_tick() -> None:
    """ "Raise the request-timeout value." over its two cases is shown with them, not ticked."""
    tree = draft_tree(support(GOAL_OVER_CASES, id_="ledger-timeout"))
    said = _all_ticks(tree)
    assert not any(t.startswith("Raise the request-timeout value") for t in said)
    assert any("RequestTimeout" in t for t in said)
    assert "Raise the request-timeout value:" in _all_details(tree)
    assert any(t.startswith("Restart the client application") for t in said)


BOLD_CASES = """
## Summary

The Fabrikam Sync trial stops with "Your trial has ended".

## Resolution

- **Case 1 - You still have the trial installed**

    1. Open the Fabrikam Sync setup program.
    1. Enter the product key that you bought, and then select **Upgrade**.

- **Case 2 - You removed the trial already**

    1. Download the full Fabrikam Sync installer.
    1. Run the installer, and enter the product key that you bought.
"""


def test_bold_case_heading_in_a_list_is_not_ticked() -> None:
    """A bold "Case 1 - ..." item heads its steps: it is shown with them, never a tick."""
    tree = draft_tree(support(BOLD_CASES, id_="sync-trial"))
    said = _all_ticks(tree)
    assert not any(t.startswith("Case ") for t in said)
    assert any("setup program" in t for t in said)
    # round 32 cases33: the cases are asked ("Which case is yours?"), each heading a label
    labels = [c["label"] for q in questions(tree) for c in q["choices"]]
    assert "Case 2 - You removed the trial already" in labels


OWN_STEP = """
## Summary

Reports in the Contoso dashboard show no data after an upgrade.

## Resolution

1. Take a look at the Contoso dashboard health page.

    - Check whether the data source shows as connected.
    - Check whether the last refresh time is recent.

1. Refresh the data source from the dashboard settings.
"""


def test_a_step_with_notes_under_it_stays_a_tick() -> None:
    """A step the admin must do ("Take a look at X") keeps its tick though items nest under it."""
    tree = draft_tree(support(OWN_STEP, id_="dashboard-nodata"))
    assert any(t.startswith("Take a look at the Contoso dashboard") for t in _all_ticks(tree))


CAUSE_TABLE = """
## Summary

When you connect to a Contoso Vault server, you receive "The vault is unreachable".

## Typical causes and resolutions

The following table lists typical causes and resolutions for the error.

|Typical causes  |Resolutions  |
|---------|---------|
|The vault service on the server isn't running. | Start the Contoso Vault service. |
|The vault port is blocked by a firewall. | Allow TCP port 8200 through the firewall. |
|The server name was typed incorrectly. | Try again with the correct server name. |
"""


def test_causes_table_is_the_cause() -> None:
    """A "Typical causes | Resolutions" table names the causes; no "gives no cause"."""
    tree = draft_tree(support(CAUSE_TABLE, id_="vault-unreachable"))
    assert "gives no cause" not in tree["cause"]
    assert "vault service on the server isn't running" in tree["cause"]
    assert "blocked by a firewall" in tree["cause"]


RESULT_OF = """
## Meaning

The ingester drops samples that carry the same timestamp with different values.

## Mitigation

Look at the logs of each ingester pod, there should be a line such as "duplicate sample".

Now there is a judgement call to make, this could be the result of:

* Faulty scrape configuration, which could be resolved by removing the duplicate
  `ScrapeConfig` object for the target.
* The exporter is reporting faulty data, sometimes this can be resolved by restarting
  the exporter pod.
"""


def test_listed_causes_with_their_fixes_are_asked() -> None:
    """ "this could be the result of: - A, resolved by X - B, ..." asks which cause applies."""
    tree = draft_tree(runbook(RESULT_OF, id_="IngesterDuplicateSamples"))
    asked = [q for q in questions(tree) if q["title"] == "Which of these applies?"]
    assert asked, "no cause question"
    labels = [c["label"] for c in asked[0]["choices"]]
    assert "Faulty scrape configuration" in labels
    assert "The exporter is reporting faulty data" in labels
    said = _all_ticks(tree)
    assert any(t.startswith("Remove the duplicate ScrapeConfig object") for t in said)
    assert any(t.startswith("Restart the exporter pod") for t in said)
    assert not any(t.startswith("Now there is a judgement call") for t in said)
    assert "Faulty scrape configuration" in tree["cause"]


USUALLY = """
## Meaning

The storage monitors changed their leader more than five times in a minute.

## Impact

A change of leader is usually produced by problems in the network connection between
the monitor pods. Writes can stall while a new leader is chosen.

## Mitigation

Check the network connectivity between the nodes that run the monitor pods.
"""


def test_usual_cause_said_in_passing_is_the_cause() -> None:
    """ "X is usually produced by Y" in Impact is the cause line, not "gives no cause"."""
    tree = draft_tree(runbook(USUALLY, id_="MonLeaderChanges"))
    assert "usually produced by problems in the network connection" in tree["cause"]


def test_item_cause_keeps_a_short_name() -> None:
    """ "Disk Full: The pod is in CrashLoopBackOff" names its cause "Disk Full"."""
    assert cause_of_item("Disk Full: The pod is in a CrashLoopBackOff state.") == "Disk Full"
    assert cause_of_item("Faulty configuration, which could be resolved by X.") == (
        "Faulty configuration"
    )


def test_new_patterns_are_linear_on_hostile_text() -> None:
    """Each new pattern reads a hostile 20 KB string in well under a second."""
    hostile = [
        "by " * 7000,
        "a, which could be " * 1200,
        "usually caused " * 1400,
        "Option 1 " * 2500,
        "possible causes " * 1300,
        "x" * 20000,
        ", " * 10000,
    ]
    for pattern in (_BY_FIX_RE, _FIX_SPLIT_RE, _LEAD_RE, _USUALLY_RE, _MARKED_RE, _UI_VERB_RE):
        for text in hostile:
            started = time.perf_counter()
            pattern.search(text)
            assert time.perf_counter() - started < 0.5, pattern.pattern[:40]
