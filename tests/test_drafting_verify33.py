"""Round 32 (verify33): a verify checks the effect, not the symptom's setting said again."""

from __future__ import annotations

import time

from drafting_support import archive

from kbassist.drafting.tree import draft_tree
from kbassist.drafting.verify_conditions import (
    all_not_some,
    design_verify,
    failing_message,
    fitting_verify,
    listed_symptoms,
    other_way_repro,
    without_conditions,
    without_progress,
)

_DRIVER = """\
SYMPTOMS
========

If you are running Microsoft Windows version 3.1 on a computer with a Zipway tape
drive, you may notice a missing drive icon in Windows File Manager if you are using
the ZIPTAPE.SYS driver version 2.10 or earlier.

CAUSE
=====

This problem is caused by the Zipway driver.

RESOLUTION
==========

To correct this problem, contact Zipway for version 2.20 of the ZIPTAPE.SYS driver.
"""


def _verifies(tree: dict[str, object]) -> list[str]:
    nodes = tree["nodes"]
    assert isinstance(nodes, list)
    return [
        str(item["text"])
        for node in nodes
        if node["kind"] == "outcome" and node["id"] != "not_this_article"
        for item in node.get("verify", [])
    ]


def test_drafted_verify_drops_the_driver_version_the_fix_replaces() -> None:
    """The drafted verify checks the missing icon, not 'if you are using version 2.10'."""
    article = archive(_DRIVER, id_="Q990331", title="Missing Drive Icon with Zipway Driver")
    verify = _verifies(draft_tree(article))
    assert verify
    assert not any("or earlier" in v or "are running" in v for v in verify)
    assert any("missing drive icon" in v for v in verify)


def test_trailing_only_protocol_is_dropped() -> None:
    """'when both computers are using only NetBEUI' is false once IPX/SPX is added."""
    verify = (
        "Check that the cable link works when one or both computers are using only the "
        "NetBEUI protocol with the Dial-Up Adapter."
    )
    assert without_conditions(verify) == "Check that the cable link works."


def test_service_pack_and_stacked_conditions_are_dropped() -> None:
    """'After applying SP1, ...' and 'If ..., if ..., check that' keep only the check."""
    assert without_conditions(
        "After applying Service Pack 1 for Mail Server 5.5, check that the outbound queues "
        "no longer grow."
    ) == ("Check that the outbound queues no longer grow.")
    assert without_conditions(
        "If you install a branch gateway by using a specific user account, if for any reason "
        "the account cannot be validated by the hub, check that you can connect to the branch."
    ) == ("Check that you can connect to the branch.")


def test_what_the_admin_does_stays() -> None:
    """'When you open the report, check that ...' is how to see the effect: kept."""
    verify = "When you open the sales report, check that Excel no longer stops responding."
    assert without_conditions(verify) == verify
    verify = "Check that Word no longer crashes when you open the template."
    assert without_conditions(verify) == verify


def test_some_turned_round_checks_all() -> None:
    """'some folder permissions ... are migrated' asks for every one of them."""
    assert all_not_some(
        "Migrate the data again: check that some folder permissions are migrated."
    ) == ("Migrate the data again: check that all folder permissions are migrated.")
    assert all_not_some("Check that some clients no longer hang.") == (
        "Check that the clients no longer hang."
    )


def test_pasted_list_of_symptoms_is_a_redo() -> None:
    """'When you complete Setup, you may experience the following symptoms: A; B' redone."""
    verify = (
        "Check that the problem no longer occurs: When you complete Setup, you may experience "
        "one or more of the following symptoms: Crackling sounds; No sound; Computer hangs."
    )
    assert listed_symptoms(verify) == (
        "Complete Setup again, and check that none of the following occurs: Crackling "
        "sounds; No sound; Computer hangs."
    )


def test_progress_line_is_swapped_for_the_error() -> None:
    """'The X service is starting.' is normal: the line after it that fails is checked."""
    symptom = (
        "You receive the following error messages if you start the service at a prompt:\n\n"
        "  The Contoso Name service is starting.\n"
        "  The Contoso Name service could not be started.\n"
        "  System error 13 has occurred.\n"
    )
    verify = "Check that this message no longer appears: The Contoso Name service is starting."
    assert failing_message(verify, symptom) == (
        "Check that this message no longer appears: The Contoso Name service could not be started."
    )
    label = "At a prompt: The Contoso service is starting. The Contoso service failed to start."
    assert without_progress(label) == "At a prompt: The Contoso service failed to start."


def test_by_design_cause_is_not_verified_as_gone() -> None:
    """A by-design CAUSE turns the generic 'no longer occurs' into an honest check."""
    verify = "Check that the problem in Q990332 (Admin Tool Resets the Link Type) no longer occurs."
    said = design_verify(verify, "This is by design. Any menu in Setup causes this.")
    assert said.startswith('The article says this is by design ("This is by design.")')
    assert design_verify(verify, "The link type is reset by the admin tool.") == verify


def test_hostile_text_is_linear() -> None:
    """Each mend returns fast on 20 KB of hostile text."""
    hostile = [
        "If " + "a " * 10_000 + ", check that",
        "Check that " + "x if " * 4_000 + "y",
        "Check that some " + "a, " * 7_000,
        "Check that the problem no longer occurs: When you " + "a" * 20_000,
        "Check that this message no longer appears: " + "is starting " * 1_700,
    ]
    for text in hostile:
        start = time.perf_counter()
        fitting_verify(text, text)
        without_progress("Label: " + "x" * 20_000 + " is starting. " + "A" * 100)
        assert time.perf_counter() - start < 0.5


def test_setup_goes_but_the_trigger_stays() -> None:
    """The admin's environment is dropped; the trigger after it stays in the lead."""
    assert without_conditions(
        "When you are running NetWare, if the print queue no longer exists, check that you "
        "no longer receive an error message at startup."
    ) == (
        "If the print queue no longer exists, check that you no longer receive an error "
        "message at startup."
    )
    assert without_conditions(
        "If you are using the console and you try to connect to the site server, check that "
        'the message "Connection Failed" no longer appears.'
    ) == (
        "When you try to connect to the site server, check that the message "
        '"Connection Failed" no longer appears.'
    )


def test_quoted_message_and_even_if_are_left_whole() -> None:
    """A 'when' inside a quoted message or after 'even' is never cut off."""
    for verify in (
        'Check that the message "Cannot read memory when an argument cannot be shown" no '
        "longer appears.",
        "Check that the session no longer stays pending even if no one else is using it.",
        "Check that browsers connect to the web server when the server is using SSL.",
        "When you have multiple connections to the server, check that the list is complete.",
        "When you are using a dial-up link that is configured to use SLIP, check that the "
        "tool no longer fails.",
    ):
        assert without_conditions(verify) == verify


def test_other_way_fix_repeats_the_repro_its_way() -> None:
    """A fix that opens the file another way never replays the failing way as written."""
    verify = (
        'Repeat the article\'s steps to reproduce the problem ("Steps to Reproduce" in MORE '
        "INFORMATION), and check that this no longer happens: Click Next and the error appears."
    )
    said = other_way_repro(verify, "Open the ledger database through an ODBC DSN", False, False)
    assert "the way the fix above says, not as written (open the ledger database" in said
    assert other_way_repro(verify, "Upgrade: Service Pack 4 for the editor", True, True) == verify
    assert other_way_repro(verify, "Change the value of the Timeout entry", False, True) == verify
    used = other_way_repro(verify, "Use a UNION for each OR condition", False, True)
    assert "not as written (use a UNION" in used
    assert other_way_repro(verify, "Use a UNION for each OR condition", False, False) == verify


def test_some_before_a_name_is_turned_too() -> None:
    """'some WCL entries are no longer lost' checks the entries, named in capitals."""
    assert all_not_some("Check that some WCL entries are no longer lost.") == (
        "Check that the WCL entries are no longer lost."
    )


def test_in_this_scenario_is_dropped_from_a_redo() -> None:
    """'Run the package in this scenario again' redoes the run, not the old setting."""
    assert without_conditions(
        "Run the package in this scenario again: check that the run no longer stops responding."
    ) == ("Run the package again: check that the run no longer stops responding.")
