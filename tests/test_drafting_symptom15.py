"""The symptom question offers only real alternatives, each whole: an event-log entry is
one choice named by its id and source, facts true at once are shown together, a list
of causes or a trace fragment is no form of the symptom, and the symptom keeps its
trigger and its message (round 15, the seed-52 readers' symptom notes)."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest
from drafting_support import archive, runbook, support

from kbassist.drafting.tree import draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999915")

RESOLUTION = (
    "RESOLUTION\n==========\n\nTo resolve this problem, restart the computer and then run "
    "Setup again.\n"
)


def symptom_node(tree: dict[str, Any]) -> dict[str, Any]:
    return next(n for n in tree["nodes"] if n["id"] == "symptom")


def labels(node: dict[str, Any]) -> list[str]:
    return [c["label"] for c in node["choices"]]


EVENTS = """SYMPTOMS
========

The Web service may stop when the server runs low on memory. Specific error
messages that can be generated are listed below:

  Event ID 4097
  Source - Dr. Watson
  Description: The application inetinfo.exe generated an application error.

  Event ID 7023
  Source - Service Control Manager
  The World Wide Web Publishing service terminated with the following error.

"""


def test_each_logged_event_is_one_choice_named_by_id_source_and_description() -> None:
    """An event's lines (Event ID / Source / Description) are one choice labelled by its id
    and source with its description, not "Event ID 4097 Source"."""
    node = symptom_node(draft_tree(mskb(EVENTS + RESOLUTION)))
    assert labels(node)[:2] == [
        "Event ID 4097 (Dr. Watson): The application inetinfo.exe generated an application error",
        "Event ID 7023 (Service Control Manager): The World Wide Web Publishing service terminated",
    ]


MESSAGE_AND_EVENTS = """SYMPTOMS
========

After you install the update and restart your computer, the following error
message appears:

  Driver Entry Point Not Found. The srv.sys device driver could not locate the
  entry point in driver NTOSKRNL.EXE.

The following system events appear in the Event Viewer:

  Event ID: 2508
  Source: Server
  Type: Error
  Description: The server service was unable to load the server driver.

  Event ID: 7023
  Source: Service Control Manager
  Type: Error
  Description: The Server service terminated with the following error.

"""


@pytest.mark.parametrize(
    "lead",
    [
        "The following system events appear in the Event Viewer:",
        "The following events may also appear in the application event log:",
    ],
)
def test_events_logged_with_a_message_are_shown_with_it_not_offered_instead(lead: str) -> None:
    """The events an error logs come with its popup: one yes/no question that shows the
    popup and the events, never "which of the events do you see?"."""
    body = MESSAGE_AND_EVENTS.replace(
        "The following system events appear in the Event Viewer:", lead
    )
    node = symptom_node(draft_tree(mskb(body + RESOLUTION)))
    assert node["title"] == "Does this match what you see?"
    assert "could not locate the entry point in driver NTOSKRNL.EXE" in node["text"]
    assert "Also: Event ID 2508 (Server): The server service was unable to load" in node["text"]


CORRUPTED = """SYMPTOMS
========

If you start the administrator program, enter a name that ends with a comma and
select OK, the program stops with the message:

  Path not found in line 0 of module LOCALMTA

If you restart the program and open the same page, you see that the database is
corrupted:

- the Country Code entry is in the Name field

- the Name entry is moved to the Domain field

"""


def test_details_true_at_once_are_shown_together_with_the_message() -> None:
    """ "you see that the database is corrupted:" over its details: all hold at once, so
    they join the message in one question instead of replacing it as choices."""
    node = symptom_node(draft_tree(mskb(CORRUPTED + RESOLUTION)))
    assert node["title"] == "Does this match what you see?"
    assert "module LOCALMTA" in node["text"]
    assert "the Name entry is moved to the Domain field" in node["text"]


CAUSES_UNDER_MESSAGE = """SYMPTOMS
========

The application is slow to open a session. Note the error message that is
returned when the service is queried, as the SDK documents it:

  E_PROVIDER_LOAD_FAILURE 0x80041013
  The service cannot locate a provider. This error may be caused by any of the
  following:
  - The provider was built with a library that does not match.
  - The provider failed to export DllRegisterServer.
  - The provider was not registered with the regsvr32 command.

"""


def test_a_list_of_causes_under_the_message_is_no_form_of_the_symptom() -> None:
    """ "This error may be caused by any of the following:" lists causes: none of them is
    offered as something the admin sees."""
    node = symptom_node(draft_tree(mskb(CAUSES_UNDER_MESSAGE + RESOLUTION)))
    assert not any("DllRegisterServer" in label for label in labels(node))
    assert node["title"] == "Does this match what you see?"


TRIGGER = """SYMPTOMS
========

At times you may receive the error message:

  General Failure Error Reading Drive O: Abort, Retry, Fail ?

The error occurs when trying to do a NET USE from the command prompt.

"""


def test_the_symptom_keeps_the_sentence_that_says_when_the_message_appears() -> None:
    """ "The error occurs when trying to do a NET USE" stays with the message it follows."""
    tree = draft_tree(mskb(TRIGGER + RESOLUTION))
    assert "when trying to do a NET USE" in symptom_node(tree)["text"]


SQL_TRACE = """## Symptoms

When this issue occurs, you may receive an error message that resembles the following:

> Error 1205
Transaction was deadlocked on lock resources with another process and has been chosen as
the deadlock victim.

If you enable trace flag 1222, you receive an error message that resembles one of the following:

- > update MSsubscriptions set stamp = cast(@P1 as binary(15)) + {CASE} where publisher = @P3

- > update MSsubscriptions set stamp = cast(@P1 as binary(15)) + {SUBSTRING} where publisher = @P3

## Resolution

Run the distribution agents on a schedule that does not overlap.
""".format(
    CASE="cast(case when 16 then 1 else 0 end as binary(1))",
    SUBSTRING="cast(substring(stamp, 16, 1) as binary(1))",
)


def test_trace_fragments_are_no_symptom_choices() -> None:
    """Two near-identical SQL statements from a trace are no choice: the admin who sees
    plain Error 1205 confirms it, never picks "None of these"."""
    node = symptom_node(draft_tree(support(SQL_TRACE)))
    assert not any(label.startswith("update ") for label in labels(node))
    assert "Error 1205" in node["text"]


NO_COLON = """## Symptoms

Consider the following scenario:

- You design an Integration Services package that connects to an Oracle server.
- You use a configuration file to set the connection properties at runtime.

In this scenario, if you run the package, you get the following error message

> "Error: 0xC020801C at Data Flow Task: {CODE}."

## Resolution

Clear the cached connection and run the package again.
""".replace("{CODE}", "SSIS Error Code DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER")


def test_a_lead_naming_the_following_message_keeps_it_without_a_colon() -> None:
    """ "you get the following error message" with no colon still shows that message."""
    node = symptom_node(draft_tree(support(NO_COLON)))
    assert "DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER" in node["text"]


LOGGED = """## Symptoms

You experience logon delays when you use roaming user profiles. You also receive the
following error message:

> Your roaming profile was not completely synchronized.

Additionally, the system may log the following entries in the event log.

- Event 1509 (source: User Profile General)

    ```output
    Windows cannot copy file to the server. DETAIL - Access is denied.
    ```

- Event 1504 (source: User Profile General)

    ```output
    Windows cannot update your roaming profile completely.
    ```

## Resolution

Export the registry key on the old computer and import it on the new one.
"""


def test_event_entries_logged_with_the_message_stay_in_the_symptom() -> None:
    """The event-log entries the article lists with the message are part of the symptom."""
    text = symptom_node(draft_tree(support(LOGGED)))["text"]
    assert "Event 1509 (source: User Profile General)" in text
    assert "Event 1504" in text


BACKGROUND = """## Meaning

This alert fires when no operator pod in a Ready state has been detected for 10 minutes.
The operator is the first to start in a cluster. Its primary responsibilities include the
following:

- Installing and upgrading a cluster
- Managing the life cycle of top-level controllers

## Impact

The cluster cannot be upgraded.

## Diagnosis

1. Check the pods:

   ```bash
   $ kubectl get pods -n operators
   ```

## Mitigation

Restart the operator deployment.
"""


def test_a_runbook_symptom_is_not_padded_with_what_the_component_does() -> None:
    """What the operator is responsible for is background, not part of the alert's symptom."""
    text = symptom_node(draft_tree(runbook(BACKGROUND)))["text"]
    assert "no operator pod in a Ready state" in text
    assert "responsibilities" not in text and "Installing and upgrading" not in text


LINK_ERRORS = """SYMPTOMS
========

When you build a project created with a custom wizard, the following link errors
might occur:

  mfcs42d.lib(dllmodul.obj) : error LNK2005: _DllMain@12 already defined in app.obj

  mfcs42d.lib(dllmodul.obj) : error LNK2005: __pRawDllMain already defined in app.obj

"""


def test_messages_that_start_alike_are_labelled_to_where_they_differ() -> None:
    """Two link errors from the same object file are told apart by their text, not
    offered as "mfcs42d.lib(dllmodul.obj)" and "mfcs42d.lib(dllmodul.obj) (2)"."""
    found = labels(symptom_node(draft_tree(mskb(LINK_ERRORS + RESOLUTION))))
    assert not any(label.endswith("(2)") for label in found)
    assert any("__pRawDllMain" in label for label in found)


FOLLOWED = """SYMPTOMS
========

When the gateway tries to deliver a mail message, it reports the following error:

  Unable to access the statistics file. Check the access rights.

The gateway then logs the following error in the log file:

  Statistics update failed.

"""

OWN_SCENE = FOLLOWED.replace(
    "The gateway then logs the following error in the log file:",
    "Also, if you run the gateway with the verbose switch, the log file shows the following error:",
)


def test_a_message_logged_after_the_first_is_shown_with_it_not_offered_instead() -> None:
    """A second lone message that the article says comes after the first ("logs the
    following error in the log file") joins it; one after a scene of its own ("if you run
    ...") stays a choice."""
    node = symptom_node(draft_tree(mskb(FOLLOWED + RESOLUTION)))
    assert node["title"] == "Does this match what you see?"
    assert "Also: Statistics update failed." in node["text"]
    other = symptom_node(draft_tree(mskb(OWN_SCENE + RESOLUTION)))
    assert "Statistics update failed" in labels(other)


def test_a_message_that_comes_along_is_shown_beside_the_choices() -> None:
    """Beside two alternative messages, one the article says comes along ("Also, the
    following error is logged ...") is shown in the question, not dropped or offered."""
    body = OWN_SCENE + (
        "Also, event 3224 is logged in the System log with the following error message:\n\n"
        "  The authentication service is unknown.\n\n"
    )
    node = symptom_node(draft_tree(mskb(body + RESOLUTION)))
    assert "Statistics update failed" in labels(node)
    assert "The authentication service is unknown" not in " ".join(labels(node))
    assert "Also: The authentication service is unknown." in node["text"]
