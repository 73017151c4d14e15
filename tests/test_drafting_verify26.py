"""A verify that fits the kind of article (round 26, verify26): a how-to checks its goal,
a limit's workaround its own result, and a fault still checks its symptom gone."""

from __future__ import annotations

import time
from functools import partial
from typing import Any

from cpu_budget import budget
from drafting_support import archive, fixes

from kbassist.drafting.goal_verify import (
    LIMIT_RE,
    fitted_verify,
    fix_goal,
    goal_check,
    step_result,
)
from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999926")


def checks_of(article: Any) -> list[str]:
    """Each fix outcome's verify items, one line each; the draft is lint-clean."""
    draft_text(article)  # lint-clean
    outcomes = fixes(draft_tree(article))
    assert outcomes
    return [" ".join(str(v["text"]).split()) for o in outcomes for v in o.get("verify", [])]


def test_howto_limit_checks_the_goal_not_the_limit_gone() -> None:
    """A SUMMARY limit with a "To X, follow these steps" procedure checks X, not "no longer"."""
    verify = checks_of(
        mskb(
            "SUMMARY\n=======\n\nThe Find command in the Catalog Viewer searches for text fields"
            " only.\nIt is not able to locate numbers stored in a Currency field.\n\n"
            "MORE INFORMATION\n================\n\nTo search for Currency values using this"
            " technique, follow these steps:\n\n1. Start the Catalog Viewer and click the Items"
            " table.\n2. On the File menu, click Export, and then click Save.\n3. Open the"
            " exported file in Notepad and use its Find command.\n",
            title="Catalog Viewer Cannot Search for Currency Values",
        )
    )
    assert verify == ["Check that you can now search for Currency values."]
    assert not any("no longer" in v for v in verify)


def test_howto_change_goal_is_checked_done() -> None:
    """'To turn on X tracing:' over the steps checks that X tracing is turned on."""
    verify = checks_of(
        mskb(
            "SUMMARY\n=======\n\nThe Inventory Console can record its activities in a log"
            " file.\n\nMORE INFORMATION\n================\n\nTo turn on console tracing:\n\n"
            "1. Start Registry Editor and locate the Console key.\n2. Set the Trace value to"
            " 1.\n3. Quit Registry Editor and restart the Inventory Console.\n",
            title="Creating the Inventory Console Log File",
        )
    )
    assert verify[0] == "Check that console tracing is turned on."


def test_fault_with_symptoms_keeps_its_symptom_check() -> None:
    """A fault with SYMPTOMS and RESOLUTION still checks its symptom gone."""
    verify = checks_of(
        mskb(
            "SYMPTOMS\n========\n\nWhen you open a report in the Ledger program, the totals"
            " are not displayed.\n\nRESOLUTION\n==========\n\nTo resolve this problem, follow"
            " these steps:\n\n1. On the Tools menu, click Options.\n2. Click to select the Show"
            " Totals check box, and then click OK.\n"
        )
    )
    assert any("totals" in v.casefold() for v in verify)
    assert not any(v.startswith("Check that you can now") for v in verify)


def test_summary_fault_said_as_a_fix_keeps_its_symptom() -> None:
    """A SUMMARY that says 'To avoid this behavior, ...' is a fault: its symptom check stays."""
    verify = checks_of(
        mskb(
            "SUMMARY\n=======\n\nWhen a linked chart is opened and closed in the Planner"
            " without changes, the plan is marked as changed and saved again.\n\nMORE"
            " INFORMATION\n================\n\nTo avoid this behavior, follow these steps:\n\n"
            "1. Add a flag to the chart object that records a change.\n2. Set the flag only"
            " when the chart data changes.\n"
        )
    )
    assert not any(v.startswith("Check that the flag") for v in verify)


def test_workaround_of_a_limit_says_the_limit_stays() -> None:
    """A WORKAROUND for 'it is not possible to X' with no goal says the limit stays."""
    verify = checks_of(
        mskb(
            "SYMPTOMS\n========\n\nIt is not possible to limit mailbox permissions per server"
            " in the Post Office Manager.\n\nWORKAROUND\n==========\n\nPlace each server in a"
            " site of its own, and grant each administrator rights on that site only.\n"
        )
    )
    assert not any(v.startswith("Check that the problem no longer occurs") for v in verify)
    assert any("limit that stays" in v for v in verify)


def test_howto_sample_checks_the_last_steps_result() -> None:
    """A sample how-to with no goal checks what its last step says the reader sees."""
    assert step_result(
        [
            'Right-click "MyTotal." In the pop-up menu, click "Run macro." The macro will add'
            " the first two cells and put the sum into the third cell."
        ]
    ) == ("The macro will add the first two cells and put the sum into the third cell.")
    assert step_result(["Click OK."]) == ""
    assert step_result(["When the Setup dialog box is displayed, click Add/Remove."]) == ""


def test_goal_checks_read_as_checks() -> None:
    """Goals turn into checks a reader can do: can-do, done, and none for a bare 'it'."""
    assert goal_check("add a delegate to a shared folder") == (
        "Check that the delegate is added to a shared folder."
    )
    assert goal_check("increase the transfer speed to 19200 baud") == (
        "Check that the transfer speed is increased to 19200 baud."
    )
    assert goal_check("install RAS") == "Check that RAS is installed."
    assert goal_check("remove the Windows for Workgroups Mail accessory") == (
        "Check that the Windows for Workgroups Mail accessory is removed."
    )
    assert goal_check("start the server in safe mode and disable sharing") == ""
    assert goal_check("create it") == ""
    assert goal_check("reproduce the problem") == ""
    assert fix_goal("Step-by-Step Example", "", "", "HOWTO: Create a Layered Window") == (
        "create a Layered Window",
        True,
    )
    assert fix_goal("Method 1", "To correct this problem, use these steps:", "") == ("", False)


def test_goal_regexes_linear_on_hostile_text() -> None:
    """The goal and limit patterns stay fast on 20 KB of hostile text."""
    hostile = ("to " + "a" * 150 + " ") * 60 + "x" * 10_000
    started = time.perf_counter()
    fix_goal("Search " + "b " * 5000, hostile, hostile)
    LIMIT_RE.search(("supports " + "c " * 30) * 400)
    step_result([("you will " + "d " * 40 + ". ") * 300])
    assert time.perf_counter() - started < budget(1.0)


def test_default_setting_is_no_limit_that_stays() -> None:
    """'By default, X allows others to only view Y' is a default the steps change: kept."""
    pasted = (
        "Check that the problem no longer occurs: By default, this is set to Boxes Only, which"
        " allows other users to only view busy times."
    )
    assert fitted_verify(pasted, "howto", "Options", "", workaround=False) == pasted


def test_error_that_doesnt_support_is_a_fault_not_a_limit() -> None:
    """An error message saying "doesn't support" keeps "no longer occurs", not "the limit stays"."""
    said = "Using the Append method results in error 438 - Object doesn't support this method."
    verify = f"Check that the problem no longer occurs: {said}"
    assert fitted_verify(verify, "fault", "Use the Add method", "", workaround=True) == verify
