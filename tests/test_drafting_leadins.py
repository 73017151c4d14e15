"""Drafted walks that tick only actions and quote the whole symptom (issue 13, round 7):
a list's choices under the step that offers them, announcements never ticked, the symptom
after "This article helps resolve ...", a logged event by its description, labels not cut
to a scene-setting clause or a list's first item."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from drafting_support import archive, walked

from kbassist.articles import Article, parse_article
from kbassist.drafting.text import short_label
from kbassist.drafting.tree import draft_tree
from kbassist.trees.checklist import Checklist

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999701", indent=False)


def markdown(body: str, *, id_: str = "doc-7", title: str = "Support article") -> Article:
    """A Markdown article (front matter, `##` sections)."""
    text = f"---\nid: {id_}\ntitle: '{title}'\n---\n\n{body.strip()}\n"
    return parse_article(text, Path(f"{id_}.md"))


def steps(checklist: Checklist) -> list[tuple[str, str]]:
    return [(i.text, i.detail) for i in checklist.part("steps")]


def node(tree: dict[str, Any], node_id: str) -> dict[str, Any]:
    return next(n for n in tree["nodes"] if n["id"] == node_id)


_MODES = markdown(
    """
## Symptoms

The SSIS package stops responding when the data flow task runs.

## Resolution

To resolve this problem, use one of the following methods:

- Set `ValidateExternalMetadata` for all components in the data flow task to **False**.
- Set the data access mode of the OLE DB Destination component to one of the following modes:

  - Table or view - fast load
  - Table name or view name variable - fast load
  - SQL command
"""
)


def test_modes_after_one_of_the_following_are_one_step_with_the_modes_under_it() -> None:
    """ "Set X to one of the following modes:" is one ticked step listing the modes."""
    tree = draft_tree(_MODES)
    choice = next(
        c["value"]
        for c in node(tree, "mitigation")["choices"]
        if c["label"].startswith("Set the data access mode")
    )
    got = steps(walked(_MODES, {"symptom": "yes", "mitigation": choice}))
    assert len(got) == 1 and got[0][0].startswith("Set the data access mode")
    assert "Table or view - fast load" in got[0][1] and "SQL command" in got[0][1]


def test_files_after_the_files_are_are_shown_under_the_copy_step() -> None:
    """A plain-text list of file names after "The files are:" is not ticked file by file."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe program does not start.\n\n"
        "RESOLUTION\n==========\n\n"
        "1. Insert the CD-ROM in the drive.\n"
        "2. Copy all of the files in the Setup folder to the Windows folder. The files are:\n\n"
        "   - Ver.dll\n   - Vshare.386\n   - Mciavi.drv\n\n"
        "3. Restart the computer.\n"
    )
    texts = [text for text, _ in steps(walked(art, {"symptom": "yes"}))]
    assert "Ver.dll" not in texts and "Vshare.386" not in texts and "Mciavi.drv" not in texts
    assert any(t.startswith("Restart the computer") for t in texts)


def test_use_the_following_steps_to_x_is_not_ticked_and_its_purpose_is_kept() -> None:
    """ "Use the following steps to set X for the zone." announces: not a step, said under one."""
    art = markdown(
        """
## Symptoms

Zone transfer to the secondary DNS server fails.

## Use the zoneresetsecondaries command

You can use the following steps to set the zone transfers to name servers only option for the zone.

1. Close the Microsoft Management Console (MMC).
1. Wait for 60 seconds.
1. Open the MMC and select Refresh.
"""
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert not any(text.startswith("Use the following steps") for text, _ in got)
    assert got[0][0].startswith("Close the Microsoft Management Console")
    tree = draft_tree(art)
    outcome = next(n for n in tree["nodes"] if n["kind"] == "outcome")
    assert "name servers only option" in f"{outcome.get('text', '')} {got[0][1]}"


def test_symptom_after_this_article_helps_resolve_is_the_scene_and_its_message() -> None:
    """An opening "This article helps resolve ..." is not the symptom: the scene and message are."""
    art = markdown(
        """
This article helps resolve an issue in which DNS zone transfer fails when using a setting.

You configure multiple IP addresses on a network adapter, and incremental zone transfer
doesn't occur. When the DNS zone is paused or resumed, you receive the following error message:

> Zone Not Loaded by DNS Server

## Resolution

Set the **Allow zone transfers** setting to **To any server**.
"""
    )
    tree = draft_tree(art)
    assert not tree["symptom"].startswith("This article")
    assert "incremental zone transfer" in tree["symptom"]
    assert "Zone Not Loaded by DNS Server" in tree["symptom"]


def test_logged_event_symptom_keeps_its_description_not_its_first_lines() -> None:
    """A quoted event record is named by source, event ID and description ("Error code 1642")."""
    art = markdown(
        """
## Symptoms

When you install a cumulative update, setup completes. However, you find the following error
logged in the Application event log:

```console
Log Name:      Application
Source:        MsiInstaller
Date:          date time
Event ID:      1024
Task Category: None
Level:         Error
Keywords:      Classic
User:          SYSTEM
Description:
Product: SQL Server 2016 - Update could not be installed. Error code 1642.
Event Xml:
<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
```

## Resolution

You can safely ignore this message.
"""
    )
    symptom = draft_tree(art)["symptom"]
    assert "Error code 1642" in symptom and "Event ID: 1024" in symptom
    assert "Keywords" not in symptom and "<Event" not in symptom


def test_archive_symptom_question_quotes_the_message_after_a_long_scene() -> None:
    """A SYMPTOMS of 400 characters is quoted whole: the message at its end is not cut off."""
    scene = (
        "When you use the index view of the Help file to look up a topic, you can type the"
        " letters of the desired topic into the search field as quickly as you like, and the"
        " list below the field scrolls to the first topic that starts with those letters."
        " This works in every other program on the computer that uses the same Help engine."
    )
    art = mskb(
        f"SYMPTOMS\n========\n\n{scene} However, in this program the letters you type never"
        " appear in the search field.\n\nRESOLUTION\n==========\n\nType more slowly.\n"
    )
    text = node(draft_tree(art), "symptom")["text"]
    assert "[...]" not in text and "never appear in the search field" in text


def test_labels_are_not_cut_to_a_scene_clause_or_a_lists_first_item() -> None:
    """ "When you click OK," and "tiles like Alarm," are no labels of their own."""
    tiles = "Application tiles like Alarm, Calculator, and Edge are missing from the Start menu"
    assert short_label(tiles, 60) != "Application tiles like Alarm"
    assert "Calculator" in short_label(tiles, 60)
    click = "When you click OK, you receive the following error message: Access is denied now"
    assert short_label(click, 60) != "When you click OK"
    assert short_label(click, 60).startswith("When you click OK, you receive")
    assert short_label("Restart the server, and then run Setup again from the CD", 40) == (
        "Restart the server"
    )


def test_a_numbered_step_offering_modes_keeps_the_steps_around_it() -> None:
    """ "2. Set X to one of the following modes:" over a nested list is one step of three."""
    art = markdown(
        """
## Symptoms

The SSIS package stops responding when the data flow task runs.

## Resolution

1. Open the package in the designer.
1. Set the data access mode of the OLE DB Destination component to one of the following modes:

    - Table or view - fast load
    - SQL command

1. Save the package and run it again.
"""
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert [text.split()[0] for text, _ in got] == ["Open", "Set", "Save"]
    assert "SQL command" in got[1][1]


def test_a_purpose_lead_in_is_said_with_the_step_it_introduces() -> None:
    """ "To add this registry value:" is not ticked: it opens the step after it."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe MTA stops responding.\n\n"
        "RESOLUTION\n==========\n\n"
        "1. Install the latest service pack on the server.\n\n"
        "2. To add this registry value:\n\n"
        "3. Start Registry Editor (Regedt32.exe).\n\n"
        "4. Click Add Value on the Edit menu, and then add the TCP timeout value.\n"
    )
    texts = [text for text, _ in steps(walked(art, {"symptom": "yes"}))]
    assert "To add this registry value:" not in texts
    assert "To add this registry value: Start Registry Editor (Regedt32.exe)." in texts


def test_note_that_and_a_leading_warning_are_shown_under_a_step_not_ticked() -> None:
    """ "Note that ..." and a WARNING before a lead-in are shown under the step they qualify."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe MTA stops responding.\n\n"
        "RESOLUTION\n==========\n\n"
        "WARNING: If you use Registry Editor incorrectly, you may cause serious problems.\n\n"
        "1. To add this registry value:\n\n"
        "2. Start Registry Editor (Regedt32.exe).\n\n"
        "3. Click Add Value on the Edit menu, and then add the TCP timeout value.\n\n"
        "Note that this value is read only for Windows NT Server, Terminal Server Edition.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    texts = [text for text, _ in got]
    assert not any(t.startswith(("WARNING", "Note that")) for t in texts)
    warned = next(n for n, (_, detail) in enumerate(got) if "Registry Editor incorrectly" in detail)
    assert texts[warned].startswith(("To add this registry value: Start", "Back up"))
    assert "Terminal Server Edition" in got[-1][1]
