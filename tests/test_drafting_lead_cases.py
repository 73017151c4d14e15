"""Drafted walks whose checklist holds only the steps for the admin's answers, with the
questions in a sensible order (issue 13, round 9): steps under an "If the account is a
local account:" lead-in are that case's, the next product's heading line is not ticked,
sample values (`<Datetime>` in an event entry) are never asked, examples are not to-dos."""

from __future__ import annotations

from typing import Any

from drafting_support import questions, support, walked

from kbassist.drafting.tree import draft_tree
from kbassist.trees.checklist import Checklist


def texts(checklist: Checklist) -> list[str]:
    return [i.text for i in checklist.part("steps")]


_ACCOUNT = support(
    """
## Symptoms

The Contoso Sync service doesn't start, and you receive error 1069.

## Resolution

In the log entries with event ID 7038, you may find the following error messages:

- [The user's password must be changed before signing in](#the-users-password-must-be-changed)
- [The referenced account is currently locked out](#the-referenced-account-is-locked-out)

### The user's password must be changed before signing in

The complete message entry in event log resembles the following one:

```output
Log Name:      System
Source:        Service Control Manager
Date:          <Datetime>
Event ID:      7038
Computer:      <Server name>
Description:
The ContosoSync service was unable to log on as .\\syncsvc.
Domain and account: <AccountName>
```

To fix this issue, use one of the following methods based on your scenario:

- If the service account is a Local User Account on the computer:

  1. Open Computer Management (compmgmt.msc).
  1. Double-click the user account to open its **Properties**.
  1. Clear the **User must change password at next logon** property and press **OK**.

- If the service account is a Windows Domain Account:

  1. Open **Active Directory Users and Computers** on a Domain Controller.
  1. Double-click the domain account to open its **Properties**.
  1. On the **Account** tab, clear **User must change password at next logon**.

### The referenced account is currently locked out

To fix this issue, use one of the following methods based on your scenario:

- If the service account is a Local User Account on the computer:

  1. Open Computer Management (compmgmt.msc).
  1. Select **Local Users and Groups**, then select **Users** to locate the account.
  1. Clear the **Account is Locked Out** checkbox and press **OK**.

- If the service account is a Windows Domain Account:

  1. Open **Active Directory Users and Computers** on a Domain Controller.
  1. Under **Users**, double-click the account and go to the **Account** tab.
  1. Check the **Unlock account** box and select **OK**.
"""
)


def _case(tree: dict[str, Any], fix: str, word: str) -> dict[str, str]:
    """The answers that pick the fix labelled `fix` and the case whose label has `word`."""
    fixes = next(n for n in tree["nodes"] if n["id"] == "mitigation")
    choice = next(c for c in fixes["choices"] if fix in c["label"])
    ask = next(n for n in tree["nodes"] if n["id"] == choice["next"])
    value = next(c["value"] for c in ask["choices"] if word in c["label"])
    return {"symptom": "yes", "mitigation": choice["value"], ask["var"]: value}


def test_steps_under_a_local_account_lead_in_are_not_ticked_for_a_domain_account() -> None:
    """ "If the account is a Windows Domain Account:" and its steps: only that case's ticks."""
    tree = draft_tree(_ACCOUNT)
    got = texts(walked(_ACCOUNT, _case(tree, "locked out", "Domain Account")))
    assert any("Unlock account" in t for t in got)
    assert not any("Computer Management" in t or "Locked Out" in t for t in got)
    got = texts(walked(_ACCOUNT, _case(tree, "locked out", "Local User Account")))
    assert any("Locked Out" in t for t in got)
    assert not any("Unlock account" in t for t in got)
    got = texts(walked(_ACCOUNT, _case(tree, "must be changed", "Domain Account")))
    assert any(t.startswith("On the Account tab") for t in got)
    assert not any("Computer Management" in t for t in got)


_RIGHTS = support(
    """
## Symptoms

The Contoso Sync service doesn't start, and you receive error 1069.

## Resolution

The complete message entry in event log resembles the following one:

```output
Log Name:      System
Source:        Service Control Manager
Date:          <Datetime>
Event ID:      7041
Description:
The ContosoSync service was unable to log on with the currently configured password.

Service: ContosoSync
Domain and account: <AccountName>

This service account does not have the required user right "Log on as a service."
```

To fix this issue, check which user rights are assigned to the service account.

1. Start the **Local Security Policy** app (Secpol.msc).
1. Expand **Local Policy**, then choose **User Rights Assignment**.
1. Assign the **Log on as a service** right to the service account.
"""
)


def test_a_sample_event_entry_placeholder_is_not_asked() -> None:
    """`Domain and account: <AccountName>` in a sample event entry is shown, never asked."""
    for art in (_RIGHTS, _ACCOUNT):
        tree = draft_tree(art)
        titles = [n["title"] for n in tree["nodes"] if n["kind"] == "input"]
        assert not any("AccountName" in t or "Datetime" in t for t in titles)
    got = walked(_RIGHTS, {"symptom": "yes"}).part("steps")
    assert any("<AccountName>" in i.detail for i in got)


_PRODUCTS = support(
    """
## Symptoms

A DHCP client receives a negative acknowledgment (DHCPNAK) from a server whose scope is
disabled.

## Resolution

- Windows NT Server or Workstation 4.0

    To resolve this problem, obtain the latest service pack for Windows NT 4.0.

    For information on obtaining the individual software update, contact Microsoft Support.

- Windows NT Server 4.0, Terminal Server Edition

To resolve this problem, obtain the latest service pack for Windows NT Server 4.0, Terminal
Server Edition.
"""
)


def test_the_next_products_heading_is_not_a_step_of_this_product() -> None:
    """The Windows NT 4.0 steps do not tick the heading "Windows NT Server 4.0, Terminal
    Server Edition" of the other product's resolution."""
    tree = draft_tree(_PRODUCTS)
    fixes = next(n for n in tree["nodes"] if n["id"] == "mitigation")
    first = fixes["choices"][0]["value"]
    got = texts(walked(_PRODUCTS, {"symptom": "yes", "mitigation": first}))
    assert got and not any(
        t.strip() == "Windows NT Server 4.0, Terminal Server Edition" for t in got
    )


_EXAMPLES = support(
    """
## Symptoms

The Contoso service doesn't start, and event ID 17058 is logged.

## Resolution

1. Verify the path that's set for the ErrorLog file by using Configuration Manager.
1. Copy the path, and then verify at a command prompt that you can access the target.

   Here's an incorrect command example that includes a typo:

   ```console
   C:\\>dir "C:\\Program Files\\Contoso\\Logz"
   ```

   > The system cannot find the path specified.

   Here's a correct command:

   ```console
   C:\\>dir "C:\\Program Files\\Contoso\\Logs"
   ```

   > Volume in drive C is Windows
   > \\<Datetime>    \\<DIR>          .
   > \\<Datetime>            20,640 ERRORLOG

1. Restart the Contoso service.
"""
)


def test_an_example_command_is_shown_not_ticked_and_its_sample_output_not_asked() -> None:
    """ "Here's a correct command:" is shown under the step, and the `<Datetime>` of its
    sample output is not asked (nor written into the checklist)."""
    tree = draft_tree(_EXAMPLES)
    assert not any("Datetime" in n.get("title", "") for n in tree["nodes"] if n["kind"] == "input")
    answers = {"symptom": "yes"}
    answers.update({n["var"]: "C" for n in tree["nodes"] if n["kind"] == "input"})
    checklist = walked(_EXAMPLES, answers)
    got = texts(checklist)
    assert not any(t.startswith("Here's") for t in got)
    details = " ".join(i.detail for i in checklist.part("steps"))
    assert "Here's a correct command" in details and "<Datetime>" in details


_LEAD_STEP = support(
    """
## Symptoms

The Contoso node is unreachable, and the cluster reports it as NotReady.

## Resolution

1. Restart the Contoso agent on the node.
1. If the node cannot be recovered:
   - Drain the node.
   - Investigate hardware issues.
   - Replace the node.
"""
)


def test_steps_under_a_conditional_lead_in_step_are_that_cases() -> None:
    """The steps listed under "If the node cannot be recovered:" are not ticked when the
    node can be recovered."""
    tree = draft_tree(_LEAD_STEP)
    ask = next(q for q in questions(tree) if "recovered" in q["text"])
    no = next(c["value"] for c in ask["choices"] if c["value"] == "no")
    got = texts(walked(_LEAD_STEP, {"symptom": "yes", ask["var"]: no}))
    assert any(t.startswith("Restart the Contoso agent") for t in got)
    assert not any(t.startswith(("Drain", "Investigate", "Replace")) for t in got)


_ORDER = support(
    """
## Symptoms

You receive a "Timeout expired" error when the Contoso app connects to the database.

## Resolution

To resolve the error, follow these steps:

1. If you encounter a connection-timeout error, increase the **ConnectTimeout** value in the
   connection string.
1. Check the network latency between the app server and the database server.
1. If you are running Contoso Server 2019, apply Cumulative Update 5.
1. If you are running Contoso Server 2017, apply Cumulative Update 20.
1. Restart the Contoso app.
"""
)


def test_questions_come_in_the_order_of_the_steps_they_decide() -> None:
    """The connection-timeout question (for step 1) is asked before which version you run
    (for steps 3 and 4), not after it."""
    tree = draft_tree(_ORDER)
    titles = [q["title"] for q in questions(tree) if q["id"] != "mitigation"]
    timeout = next(t for t in titles if "connection-timeout" in t)
    version = next(t for t in titles if t.startswith("Which of these do you run"))
    assert titles.index(timeout) < titles.index(version)


def test_each_products_resolution_is_named_by_its_product_and_starts_with_the_action() -> None:
    """ "Which fix?" offers the products by name, and the chosen one's first tick is
    "Obtain the latest service pack ...", not its heading glued to it."""
    tree = draft_tree(_PRODUCTS)
    fixes = next(n for n in tree["nodes"] if n["id"] == "mitigation")
    labels = [c["label"] for c in fixes["choices"]]
    assert labels == [
        "Windows NT Server or Workstation 4.0",
        "Windows NT Server 4.0, Terminal Server Edition",
    ]  # no "Another version" on a current article: a newer system follows these
    got = texts(walked(_PRODUCTS, {"symptom": "yes", "mitigation": fixes["choices"][0]["value"]}))
    assert got[0].startswith("Obtain the latest service pack for Windows NT 4.0")
