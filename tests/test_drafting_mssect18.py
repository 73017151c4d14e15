"""Round 18 (mssect18): a modern MS support article's fix parts beside its Resolution are
fixes, and the scenario conditions its Symptoms list are the causes those parts answer
(seed-56 reader's note 56:38)."""

from __future__ import annotations

from drafting_support import fixes, support, ticks

from kbassist.drafting.tree import draft_tree

_SYMPTOMS = (
    "## Symptoms\n\n"
    "Consider the following scenario where you might see the following issues after you\n"
    "upgrade the Widget link protocol to version 3.\n\n"
    "- Widget Server uses a badge that's signed by a weak hash algorithm such as MD5.\n\n"
    "- Link version 3 upgrades were applied only to the client or the server but not both.\n\n"
    "- There are no matching cipher algorithms between the client and the server.\n\n"
    "In this scenario, you encounter the following issues after the upgrade is finished:\n\n"
    "- The application reports that the connection was forcibly closed.\n\n"
)
_RESOLUTION = (
    "## Resolution\n\n"
    "To resolve these errors, follow these steps:\n\n"
    "1. Open Widget Manager and select the **Badge** tab.\n"
    "1. Check the badge's hash algorithm. If it's MD5, disable the badge.\n"
    "1. Restart Widget Server.\n\n"
)
_CHECK = (
    "## Check enabled and disabled link versions\n\n"
    "To check the enabled and disabled link versions, follow these steps:\n\n"
    "1. Make sure that both the client and the server were upgraded to version 3.\n"
    "1. Open the `HKLM\\Widget\\Link` registry subkey and compare the client's and the\n"
    "   server's Enabled values.\n\n"
)
_CIPHERS = (
    "## No matching cipher suites\n\n"
    "1. Compare the cipher suites in the client's and the server's hello packets.\n"
    "1. If no cipher algorithms match, enable a matching cipher suite on the server.\n"
)


def test_fix_parts_beside_the_resolution_are_fixes() -> None:
    """ "## Check enabled and disabled link versions" and "## No matching cipher suites"
    after the Resolution are outcomes an admin can reach, with their own steps."""
    tree = draft_tree(support(_RESOLUTION + _CHECK + _CIPHERS, title="Widget link errors"))
    titles = [n["title"] for n in fixes(tree)]
    assert "Check enabled and disabled link versions" in titles
    assert "No matching cipher suites" in titles
    ciphers = next(n for n in fixes(tree) if n["title"] == "No matching cipher suites")
    assert any("a matching cipher suite on the server" in s["text"] for s in ciphers["steps"])


def test_scenario_conditions_are_asked_and_lead_to_their_part() -> None:
    """The Symptoms' scenario conditions are the causes: "Which cause applies?", each
    condition leading to the part that answers it, and the draft gives them as its cause."""
    tree = draft_tree(
        support(_SYMPTOMS + _RESOLUTION + _CHECK + _CIPHERS, title="Widget link errors")
    )
    assert "weak hash algorithm" in tree["cause"]
    which = next(n for n in tree["nodes"] if n["id"] == "which_cause")
    ends = {n["id"]: n["title"] for n in fixes(tree)}
    nodes = {n["id"]: n for n in tree["nodes"]}

    def reached(node_id: str) -> str:
        while node_id not in ends:  # through the fix's own case questions
            node_id = nodes[node_id]["choices"][0]["next"]
        return ends[node_id]

    got = [reached(c["next"]) for c in which["choices"] if c["value"] != "unknown"]
    assert got[0].startswith("Resolution")
    assert got[1:] == ["Check enabled and disabled link versions", "No matching cipher suites"]
    assert which["choices"][0]["label"].startswith("Widget Server uses a badge")


_IN_ORDER = (
    "## Symptoms\n\n"
    "- The Widget service does not start.\n\n"
    "## Resolution\n\n"
    "To resolve this problem, follow these steps, in the order given. These steps will help\n"
    "you determine the cause of the problem. Make sure that you check whether the problem is\n"
    "resolved after every step.\n\n"
    "### Step 1: Check whether the Widget service times out during startup\n\n"
    "1. Open Registry Editor.\n"
    "1. Set the **WidgetPipeTimeout** value to *60000*.\n\n"
    "### Step 2: Check whether the Widget database is running\n\n"
    "1. Open Services.msc.\n"
    "1. Start the Widget Database service.\n\n"
    "### Step 3: Check the Widget service account\n\n"
    "1. Open Services.msc, and then open the Widget service's properties.\n"
    "1. On the **Log on** tab, type the service account's new password.\n"
)


def test_steps_in_order_are_asked_one_at_a_time() -> None:
    """ "Follow these steps, in the order given ... check after every step" over "### Step
    N" parts: "Still failing after step 1?" leads to step 1's own fix, not one checklist of
    every step's ticks."""
    tree = draft_tree(support(_IN_ORDER, title="Widget service fails to start"))
    ends = {n["id"]: n for n in fixes(tree)}
    assert len(ends) == 3
    first = next(n for n in tree["nodes"] if n["title"].startswith("Still failing after step 1"))
    no = next(c for c in first["choices"] if c["value"] == "no")
    own = ticks(ends[no["next"]])
    assert own[0] == "Open Registry Editor." and own[1].startswith("Back up the registry key")
    assert own[-1] == "Set the WidgetPipeTimeout value to 60000."
    assert not any("Widget Database" in t or "after every step" in t for t in own)
    second = next(n for n in tree["nodes"] if n["title"].startswith("Still failing after step 2"))
    yes = next(c for c in second["choices"] if c["value"] == "yes")
    assert ends[yes["next"]]["title"] == "Check the Widget service account"


def test_parts_tried_after_the_previous_steps_are_chained() -> None:
    """Sub-parts opening "If the previous steps in this article don't resolve the problem,
    ..." are tried after the Resolution's own steps, one at a time: not one checklist."""
    tree = draft_tree(
        support(
            "## Cause\n\n"
            "The STOP 0xW1D error occurs when the Widget logon process fails.\n\n"
            "## Resolution\n\n"
            "To determine which process failed, follow these steps:\n\n"
            "1. Run `widgetdbg.exe -I` at a command prompt.\n"
            "1. View the Widget debugger log to find the failing process.\n\n"
            "### Last known good configuration\n\n"
            "If the previous steps in this article don't resolve the problem, start the\n"
            "computer by using the last known good configuration.\n\n"
            "1. Press F8 while the computer starts.\n"
            "1. Select **Last Known Good Configuration**, and then press Enter.\n\n"
            "### In-place upgrade\n\n"
            "If the previous steps in this article do not resolve the problem, perform an\n"
            "in-place upgrade of Widget OS.\n",
            title="Troubleshoot a STOP 0xW1D error",
        )
    )
    ends = {n["id"]: n for n in fixes(tree)}
    assert len(ends) == 3
    first = next(n for n in tree["nodes"] if n["title"].startswith("Still failing after step 1"))
    no = next(c for c in first["choices"] if c["value"] == "no")
    assert not any("F8" in t for t in ticks(ends[no["next"]]))
    second = next(n for n in tree["nodes"] if n["title"].startswith("Still failing after step 2"))
    no = next(c for c in second["choices"] if c["value"] == "no")
    assert ticks(ends[no["next"]])[0] == (
        "Start the computer by using the last known good configuration."
    )
