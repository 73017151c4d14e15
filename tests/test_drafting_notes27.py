"""Round 27 (notes27): an observation written into a tick is the verify or a note, not a tick."""

from __future__ import annotations

import time

from drafting_support import details, fixes, runbook, support, ticks

from kbassist.drafting.described_fix import described_action
from kbassist.drafting.event_ticks import split_actions
from kbassist.drafting.observed_ticks import look_check, split_look
from kbassist.drafting.tree import draft_tree

SEARCH = """
## Symptoms

When you try to start the Indexing Helper service, you receive the following error:

"The Indexing Helper service on local computer started and then stopped."

## Cause

The transaction log files of the registry are corrupted.

## Resolution

1. Delete all files with the .BLF extension in the C:\\Windows\\System32\\config\\TxR folder.
2. Once these files are deleted, restart the computer. Once restarted, observe that the
   Indexing Helper service has already started and is rebuilding its catalog.
"""


def test_a_look_in_the_last_tick_is_the_verify() -> None:
    """'Restart. Once restarted, observe that X' ticks the restart and checks X."""
    (fix,) = fixes(draft_tree(support(SEARCH)))
    assert ticks(fix)[-1] == "Once these files are deleted, restart the computer."
    first = " ".join(fix["verify"][0]["text"].split())
    assert first.startswith("Check that the Indexing Helper service has already started")


def test_a_look_in_an_earlier_tick_is_its_note() -> None:
    """A look before the next step is shown under its step, never ticked."""
    body = SEARCH.replace(
        "is rebuilding its catalog.",
        "is rebuilding its catalog.\n3. Open the Indexing Options and click Rebuild.",
    )
    (fix,) = fixes(draft_tree(support(body)))
    assert not any("observe that" in t for t in ticks(fix))
    assert "observe that the Indexing Helper service" in " ".join(details(fix).split())


def test_a_look_that_acts_or_is_a_case_stays_ticked() -> None:
    """A look that goes on to act, a case and 'you may notice' are no verify."""
    assert look_check("You should see the Welcome page, and then click Next.") == ""
    assert look_check("If you see the error again, reinstall the driver.") == ""
    assert look_check("You may notice high CPU while the index is rebuilt.") == ""
    assert look_check("You should now see the printer listed.") == (
        "Check that you see the printer listed."
    )
    assert split_look("Notice that the box is cleared.") is None  # the whole tick: left


def test_look_pattern_is_linear_on_hostile_text() -> None:
    """A 20 KB run of commas and 'once' words is read in well under a second."""
    hostile = "Once " + "a, once " * 2500 + "observe that" + " x" * 2000
    start = time.perf_counter()
    look_check(hostile)
    split_look(hostile + ". " + hostile)
    assert time.perf_counter() - start < 1.0


def test_an_action_waiting_for_what_the_first_started_is_its_own_tick() -> None:
    """'Run setup. When the Setup program starts, click X.' is two ticks, in order."""
    body = SEARCH.replace(
        "2. Once these files",
        "2. Click Start, click Run, and then type setup in the Open box. When the Setup "
        "program starts, click to select the Repair check box.\n3. Once these files",
    )
    (fix,) = fixes(draft_tree(support(body)))
    said = ticks(fix)
    at = said.index("Click Start, click Run, and then type setup in the Open box.")
    assert said[at + 1] == "Click to select the Repair check box when the Setup program starts."


def test_two_actions_joined_by_a_semicolon_are_two_ticks() -> None:
    """'Install X locally; set the DSN to Local Server' ticks each action."""
    assert split_actions("Install the database engine locally; set the DSN to Local Server.") == [
        "Install the database engine locally.",
        "Set the DSN to Local Server.",
    ]


def test_a_case_or_a_ui_path_stays_one_tick() -> None:
    """'If X, do Y' and 'Click File, and then click Save' are one action each."""
    for tick in (
        "If the service does not start, restart the computer; then try again.",
        "Click File, and then click Save.",
        "Restart the computer. If the error persists, reinstall the driver.",
    ):
        assert split_actions(tick) == [tick]


def test_split_patterns_are_linear_on_hostile_text() -> None:
    """20 KB of 'when the' runs and semicolons is read in well under a second."""
    from kbassist.drafting import event_ticks

    hostile = ("When the x " * 2000)[:20000]
    start = time.perf_counter()
    event_ticks._EVENT_RE.match(hostile)
    event_ticks._EVENT_RE.match("When the " + "a " * 10000 + ", click OK")
    event_ticks._SEMI_RE.split("; " * 10000)
    event_ticks._semi_parts("Set x; " * 3000)
    described_action("It can be fixed by adding " + "a " * 10000)
    described_action("It can be " + "be " * 7000)
    assert time.perf_counter() - start < 1.0


def test_a_fix_said_only_in_the_description_is_ticked() -> None:
    """'It can be optimized by adding X' over only 'Read the pages below' ticks 'Add X'."""
    body = """
## Meaning

The alert fires when many DNS queries return NX_DOMAIN.

## Mitigation

When NX_DOMAIN errors are returned for a valid Service name, the resolver is likely
configured to query DNS for several suffixes. It can be optimized by adding a trailing
dot on fully-qualified domain names which tells the resolver the name is complete.

For other mitigation strategies, refer to:

- [DNS for Services and Pods](https://example.com/dns)
"""
    tree = draft_tree(runbook(body, id_="DnsErrorsHigh"))
    said = [t for f in fixes(tree) for t in ticks(f)]
    assert "Add a trailing dot on fully-qualified domain names." in said


def test_described_action_reads_passives_only() -> None:
    """A description's fact or case is no action; its stated fix is."""
    assert described_action("It can be mitigated by setting the limit to 0.") == (
        "Set the limit to 0."
    )
    assert described_action("It is caused by a stale cache.") == ""
    assert described_action("If it can be fixed by restarting, do so.") == ""


def test_a_caveat_or_a_cases_next_step_stays_where_it_is() -> None:
    """'Notice that X cannot be undone' is a warning; 'If X, do Y. Then, Z.' is the case's."""
    assert look_check("Notice that the number of volumes cannot be reduced later.") == ""
    tick = "If a certificate exists, select View, and then select Clear. Then, go to step 6."
    assert split_actions(tick) == [tick]
    assert split_actions("Reduce the load: talk to the tenants; pause the busy workloads.") == [
        "Reduce the load: talk to the tenants; pause the busy workloads."
    ]
    assert split_actions("Reassign the listener to the group. Then, set up the dependency.") == [
        "Reassign the listener to the group.",
        "Set up the dependency.",
    ]


def test_an_event_before_several_actions_stays_in_its_tick() -> None:
    """'When the editor opens, type 1, and then click OK' is not turned round."""
    tick = "Click Add Value. When the DWORD Editor opens, type 1 in the Data box, then click OK."
    assert split_actions(tick) == [tick]
