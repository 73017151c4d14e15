"""Round 30 (turnalts30): alternatives inside one fix are asked, not run in turn: the
command of a command-line way, two ways a block split, "In case X, Y", and a second way
to check kept as a note on the check it doubles."""

from __future__ import annotations

import re
import time
from typing import Any

from drafting_support import archive, fixes, questions, support, ticks, walked

from kbassist.drafting import also_checks, broken_or, in_case, shell_way
from kbassist.drafting.tree import draft_tree


def _ways(tree: dict[str, Any]) -> dict[str, Any]:
    """The drafted "Which way do you take?" question."""
    return next(q for q in questions(tree) if q["title"] == "Which way do you take?")


def _said(article: Any, answers: dict[str, str]) -> str:
    """Every step of the walk's checklist, one text."""
    return " ".join(i.text for i in walked(article, answers).part("steps"))


REGISTRY = """## Symptoms

The Contoso Agent service fails to start, and you receive error code 1068.

## Cause

The volatile registry entry `AgentName` is missing under
`HKLM\\System\\CurrentControlSet\\Control\\ContosoAgent`.

## Resolution

You can resolve this issue by creating the registry entry on the affected computer. You
can use Registry Editor to manually create the registry entry. or you can open an
administrative Command Prompt window and then run the following command:

```console
reg add HKLM\\SYSTEM\\CurrentControlSet\\Control\\ContosoAgent /t REG_SZ /v AgentName /d Agent01 /f
```

After you edit the registry, restart the computer.
"""


def test_command_runs_only_on_the_command_prompt_way() -> None:
    """Answering "Registry Editor" no longer tells the admin to run the reg add command
    too; answering "Command Prompt" does, and both restart afterwards."""
    article = support(REGISTRY, title="Contoso Agent service doesn't start")
    tree = draft_tree(article)
    ways = _ways(tree)
    labels = [c["label"] for c in ways["choices"]]
    assert labels[0].startswith("Use Registry Editor")
    assert "Command Prompt" in labels[1]
    base = {"symptom": "yes"}
    editor = walked(article, {**base, ways["var"]: "way_1"})
    items = editor.part("steps")
    assert not any("following command" in i.text for i in items)
    assert any("restart the computer" in i.text for i in items)
    prompt = walked(article, {**base, ways["var"]: "way_2", "placeholder_1": "Agent01"})
    assert any("following command" in i.text for i in prompt.part("steps"))


ONE_OFF = """SYMPTOMS
========

Messages sent to a recipient whose address holds parentheses are returned as
undeliverable by the message transfer agent.

WORKAROUND
==========

The user can create a one-off address of

  X400:c=US;a= ;p=Contoso;o=Redmond;s=Test with (a)

or create a custom recipient in the global address list on the sending server.
The address book provider then submits the address and the parentheses are kept.
"""


def test_ways_a_block_split_are_asked_not_run_in_turn() -> None:
    """ "X <address block> or Y": a question names each way, and each answer's checklist
    has only its own way, with the outcome's name no longer cut at "address of"."""
    article = archive(ONE_OFF, title="Parentheses in X.400 address cause NDR")
    tree = draft_tree(article)
    ways = _ways(tree)
    labels = [c["label"] for c in ways["choices"]]
    assert labels == [
        "Create a one-off address",
        "Create a custom recipient in the global address list on the sending server",
    ]
    first = _said(article, {"symptom": "yes", ways["var"]: "way_1"})
    second = _said(article, {"symptom": "yes", ways["var"]: "way_2"})
    assert "one-off address" in first and "custom recipient" not in first
    assert "custom recipient" in second and "one-off address" not in second
    assert not any(f["title"].endswith(" of") for f in fixes(tree))


POINTER = """SYMPTOMS
========

The adapter driver stops responding when the token ring cable is unplugged.

WORKAROUND
==========

Obtain an updated driver from the adapter manufacturer at

  ftp://ftp.example.com/drivers/tokenring

or contact the manufacturer for more information.
"""


def test_or_contact_after_a_block_is_no_second_way() -> None:
    """ "... or contact the manufacturer" after a block is where to ask, not a way: no
    "Which way" question is made for it."""
    tree = draft_tree(archive(POINTER, title="Token ring driver stops responding"))
    assert not any(q["title"] == "Which way do you take?" for q in questions(tree))


VERSIONS = """SYMPTOMS
========

When you move an electronic form message from a public folder to a mailbox, you
receive the following error message:

  An item could not be copied.

WORKAROUND
==========

To work around this issue, use version 1461.3 of Store.exe and the following
associated files for Exchange Server 5.0:

  Store.exe 1461.3
  Gapi32.dll 1460.8

or use version 2138.0 of Store.exe for Exchange Server 5.5.
"""


def test_a_fix_opening_with_or_is_named_as_its_action() -> None:
    """The fix after the file list that the article starts with "or use ..." is offered
    and ticked as "Use version 2138.0 ...", never as "or use ..."."""
    tree = draft_tree(archive(VERSIONS, title="Cannot move e-form message to mailbox"))
    titles = [f["title"] for f in fixes(tree)]
    steps = [t for f in fixes(tree) for t in ticks(f)]
    assert not any(": or " in t or t.startswith("or ") for t in titles + steps)
    assert any("Use version 2138.0" in t for t in titles)


DNS = """## Symptoms

DNS zones do not load, and event 4000 and event 4007 are logged.

## Cause

The DNS server lost its secure channel with the primary domain controller.

## Resolution

In case you have other domain controllers present in the environment, then configure the
server to point to another active DNS server in the TCP/IP properties.

1. Stop the KDC service on the domain controller.
2. Run the following command with elevated rights:

    ```console
    netdom resetpwd /server:dc01.contoso.com /userd:CONTOSO\\admin /passwordd:*
    ```

3. Once the command completes, restart the server.
"""


def test_in_case_step_is_asked_as_its_case() -> None:
    """ "In case you have other domain controllers, configure ..." is asked; a site with
    one domain controller does not get the step."""
    article = support(DNS, title="DNS zones don't load")
    tree = draft_tree(article)
    asked = [q for q in questions(tree) if "other domain controllers" in q["title"]]
    assert len(asked) == 1
    one = _said(article, {"symptom": "yes", asked[0]["var"]: "no"})
    assert "another active DNS server" not in one and "Stop the KDC service" in one
    many = _said(article, {"symptom": "yes", asked[0]["var"]: "yes"})
    assert "another active DNS server" in many


CHECK = """## Symptoms

The Contoso Database service doesn't start, and event 17058 is logged.

## Resolution

1. Check the Application log, and verify that you see an error entry that resembles the
   following:

    ```output
    initerrlog: Could not open error log file 'C:\\Logs\\ERRORLOG'.
    ```

2. Verify the path that's set for the error log file by using Contoso Configuration
   Manager.

   :::image type="content" source="media/path.png" alt-text="Screenshot of the path.":::

   You can also verify the path in the following registry entry:

   |Subkey|Data|
   |---|---|
   |`HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Database\\Parameters`|-eC:\\Logs\\ERRORLOG|

3. Update the path to a folder the service account can write to.
4. Restart the Contoso Database service.
"""


def test_second_way_to_check_is_a_note_on_the_check() -> None:
    """The registry look-up that doubles the Configuration Manager check is shown under
    that check, not ticked as a step of its own."""
    tree = draft_tree(support(CHECK, title="Contoso Database service doesn't start"))
    outcome = fixes(tree)[0]
    said = ticks(outcome)
    assert not any(t.startswith("Verify the path in the following registry") for t in said)
    check = next(s for s in outcome["steps"] if s["text"].startswith("Verify the path that"))
    assert "You can also verify the path in the following registry entry" in check["detail"]
    assert any(t.startswith("Update the path") for t in said)


def test_new_patterns_are_linear_on_hostile_text() -> None:
    """The round's patterns answer at once on 20 KB of near-matching text."""
    hostile = [
        "Run " + "the following " * 1500 + "x",
        "or " + "a " * 10000,
        "In case " + "you " * 5000,
        "Verify " + "the" * 7000,
        "command prompt " * 1300,
    ]
    pats: list[re.Pattern[str]] = [
        shell_way._SHELL_RE,
        shell_way._COMMAND_STEP_RE,
        broken_or._OR_OPEN_RE,
        broken_or._POINTER_RE,
        broken_or._MAY_RE,
        broken_or._CUT_END_RE,
        in_case._IN_CASE_RE,
        also_checks._CHECK_RE,
    ]
    started = time.perf_counter()
    for pat in pats:
        for text in hostile:
            pat.search(text)
    assert time.perf_counter() - started < 1.0
