"""A registry fix written as a key and its values is drafted as one fix whose steps set
them (round 15, registry15: the seed-52 reader's notes 52:06 and 52:40)."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, details, fixes, support, ticks, walked

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999915")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nThe Contoso Web service stops responding under load and logs\n"
    "event ID 4097.\n\n"
)
CAUSE = "CAUSE\n=====\n\nThe Contoso Web service runs out of worker threads.\n\n"
WARNING = (
    "WARNING: Using Registry Editor incorrectly can cause serious problems that may\n"
    "require you to reinstall your operating system. Microsoft cannot guarantee that\n"
    "problems resulting from the incorrect use of Registry Editor can be solved. Use\n"
    "Registry Editor at your own risk.\n\n"
    'For information about how to edit the registry, view the "Changing Keys And\n'
    'Values" Help topic in Registry Editor (Regedit.exe). Note that you should back up\n'
    "the registry before you edit it.\n\n"
)
#: Two keys, each wrapped over two lines, a value with a default and advice, one with a
#: range, and the restart the article asks for.
TWO_KEYS = (
    "To resolve this problem, modify and increase the value of the following registry\n"
    "keys:\n\n"
    "Registry path:\n\n"
    "  HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Contoso\\Web\n"
    "  \\Parameters\n\n"
    "  WorkerThreadMax  REG_DWORD\n"
    "  Default: 8\n\n"
    "  NOTE: The above registry key is one path; it has been wrapped for\n"
    "  readability.\n\n"
    "This value specifies the maximum number of worker threads per processor. It is\n"
    "not advisable to create more than 16 threads per processor. If this value is\n"
    "changed, the Contoso service must be stopped and restarted for the change to take\n"
    "effect.\n\n"
    "Registry Path:\n\n"
    "  HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Contoso\\Pool\n"
    "  \\Parameters\n\n"
    "  PoolThreads REG_DWORD\n"
    "  Range: 1 - 64\n"
    "  Default:4\n\n"
    "This value specifies the number of pool threads per processor.\n"
)


def _inputs(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in tree["nodes"] if n["kind"] == "input"]


def test_key_and_value_table_is_one_fix_that_sets_each_value() -> None:
    """'Registry path:' / the key / 'WorkerThreadMax REG_DWORD Default: 8' twice is one
    fix: open Registry Editor, locate the key, back up, set each value (each key located),
    restart what the article says; no option is a label or the backup note."""
    article = mskb(SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n" + WARNING + TWO_KEYS)
    tree = draft_tree(article)
    (only,) = fixes(tree)
    assert "Registry path" not in only["title"] and "Note that" not in only["title"]
    steps = ticks(only)
    assert steps[0] == "Start Registry Editor (Regedit.exe)."
    assert steps[2].startswith("Back up the registry")  # the key found, before its change
    assert steps[3].startswith("Set the WorkerThreadMax value")
    located = [s for s in steps if s.startswith("Locate")]
    assert len(located) == 2
    assert "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Contoso\\Web\\Parameters" in (
        located[0] + details(only)
    )
    assert any(s.startswith("Set the WorkerThreadMax value (REG_DWORD) to") for s in steps)
    assert any(s.startswith("Set the PoolThreads value (REG_DWORD) to") for s in steps)
    assert steps[-2:] == ["Quit Registry Editor.", "Stop and restart the Contoso service."]
    assert only["rollback"]  # the backup's restore
    draft_text(article)  # lint-clean


def test_value_without_data_is_asked_bounded_by_the_article_and_used() -> None:
    """A value given only a default is a number the admin types: the default offered,
    the article's 'not more than 16' or range its bounds and help, the answer in the
    step that sets it."""
    article = mskb(SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n" + WARNING + TWO_KEYS)
    tree = draft_tree(article)
    asked = {n["title"]: n for n in _inputs(tree)}
    worker, pool = asked["Value for WorkerThreadMax"], asked["Value for PoolThreads"]
    assert (worker["type"], worker["default"], worker["min"], worker["max"]) == (
        "number",
        8,
        0,
        16,
    )
    assert "more than 16 threads" in worker["help"]
    assert (pool["default"], pool["min"], pool["max"]) == (4, 1, 64)
    checklist = walked(article, {"symptom": "yes", worker["var"]: "12", pool["var"]: "6"})
    texts = [" ".join(i.text.split()) for i in checklist.part("steps")]
    assert "Set the WorkerThreadMax value (REG_DWORD) to 12." in texts
    assert "Set the PoolThreads value (REG_DWORD) to 6." in texts


def test_value_the_article_gives_is_set_to_it_not_asked() -> None:
    """'Value Name: X / Data Type: REG_DWORD / Data: 1000 (Default = 100)' sets X to
    1000 (the aside shown under the step), and nothing is asked."""
    article = mskb(
        SYMPTOMS
        + CAUSE
        + "WORKAROUND\n==========\n\n"
        + WARNING
        + "To increase the size of the Contoso cache, modify the following registry\nentry:\n\n"
        "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Contoso\n\n"
        "Value Name: CacheSize\nData Type: REG_DWORD\nData: 1000 (Default = 100)\n"
    )
    tree = draft_tree(article)
    (only,) = fixes(tree)
    assert "Set the CacheSize value (REG_DWORD) to 1000." in ticks(only)
    assert "Default = 100" in details(only)
    assert not _inputs(tree)
    draft_text(article)


def test_value_the_prose_sets_is_set_to_it() -> None:
    """'set the data value of the X value to 1 in the following key' over a value with
    a range and a default sets X to 1, not to a number asked with the default 0."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n" + WARNING + "If you want to turn the "
        "retry back on, set the data value of the\nRetryQuery value to 1 in the following "
        "registry key:\n\n"
        "  HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\Contoso\\Parameters\\\n\n"
        "  Value Name: RetryQuery\n  Data Type: REG_DWORD\n  Valid Range: 0-1\n  Default: 0\n"
    )
    tree = draft_tree(article)
    (only,) = fixes(tree)
    assert "Set the RetryQuery value (REG_DWORD) to 1." in ticks(only)
    assert not _inputs(tree)


def test_values_to_verify_are_checked_then_set() -> None:
    """'Go to the following location in the Registry and verify the data for each of the
    following values' makes each value a check that sets it only where it differs."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n" + WARNING + "Go to the following "
        "location in the Registry and verify the data for each of the\nfollowing values:\n\n"
        "\\HKEY_CURRENT_USER\\Software\\Contoso\\Shell Folders\n\n"
        "Name: Desktop\nType: REG_EXPAND_SZ\nData: %USERPROFILE%\\Desktop\n\n"
        "Name: Start Menu\nType: REG_EXPAND_SZ\nData: %USERPROFILE%\\Start Menu\n"
    )
    (only,) = fixes(draft_tree(article))
    steps = ticks(only)
    assert (
        "Make sure the Desktop value (REG_EXPAND_SZ) is %USERPROFILE%\\Desktop; if it is not, "
        "set it to that." in steps
    )
    assert any(s.startswith("Make sure the Start Menu value") for s in steps)


def test_registry_note_before_the_methods_is_no_option() -> None:
    """The warning ending 'Note that you should back up the registry before you edit it.'
    and 'There are two workarounds for this issue.' before Method One / Method Two is
    not a fix to choose: only the methods are."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this problem, obtain the latest service pack for Contoso Server 4.0.\n\n"
        "WORKAROUND\n==========\n\n" + WARNING + "There are two workarounds for this issue.\n\n"
        "Method One\n----------\n\n"
        "The first workaround is to add the following registry parameter on all servers:\n\n"
        "  Key     = HKLM\\SYSTEM\\CurrentControlSet\\Services\\Contoso\\Parameters\n"
        "  Value   = DisableRetry REG_DWORD 1\n\n"
        "Method Two\n----------\n\n"
        "The second workaround is to restart the Contoso service every night.\n"
    )
    titles = [f["title"] for f in fixes(draft_tree(article))]
    assert not [t for t in titles if "Note that you should back up" in t]
    assert any("Method One" in t for t in titles) and any("Method Two" in t for t in titles)
    draft_text(article)


def test_key_copied_between_computers_is_an_export_then_an_import() -> None:
    """'copy the X registry key from a computer A to the computers B' with the key's path
    is two steps, `reg export` on A and `reg import` on each B, each command shown; the
    registry backup comes before the import, the change."""
    article = support(
        "## Symptoms\n\nYour roaming profile was not completely synchronized.\n\n"
        "## Cause\n\nThe ExcludeProfileDirs value is missing on version 1803.\n\n"
        "## Workaround\n\n"
        "> [!IMPORTANT]\n> Serious problems might occur if you modify the registry incorrectly."
        " Before you modify it, back up the registry for restoration.\n\n"
        "To work around this problem, you can copy the ExcludeProfileDirs registry key from a "
        "version 1709-based computer to the version 1803-based computers that are "
        "experiencing the problem. Full path to the registry key:\n\n"
        "`HKEY_CURRENT_USER\\SOFTWARE\\Contoso\\Winlogon\\ExcludeProfileDirs`\n\n"
        "For information about how to export and import registry keys, see:\n\n"
        "[reg export](/windows-server/administration/windows-commands/reg-export)\n"
    )
    (only,) = fixes(draft_tree(article))
    steps = ticks(only)
    export = next(s for s in only["steps"] if "1709" in s["text"])
    assert (
        'reg export "HKEY_CURRENT_USER\\SOFTWARE\\Contoso\\Winlogon\\ExcludeProfileDirs"'
        in (export["detail"])
    )
    imported = next(s for s in only["steps"] if s["text"].startswith("Copy ExcludeProfileDirs"))
    assert "reg import ExcludeProfileDirs.reg" in imported["detail"]
    backup = next(n for n, s in enumerate(steps) if s.startswith("Back up the registry"))
    assert steps[backup + 1].startswith("Copy ExcludeProfileDirs")  # before the import
    draft_text(article)


def test_registry_path_label_does_not_split_the_fix_it_heads() -> None:
    """'Registry path:' over the subkey and its value rows, after the step that says what
    to change, is a step of that fix (go to the key shown), not a second fix of its own."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Modify the Windows NT registry and change the RetrySnap setting to 1 on the\n"
        "Windows NT system to match the node's encoding.\n\n"
        "Registry path:\n\n"
        "This parameter is under the subtree HKEY_LOCAL_MACHINE under the following\n"
        "subkey:\n\n"
        "  \\SYSTEM\\CurrentControlSet\\Services\\Contoso\\Parameters\n\n"
        "  Value (Parameter) Name: RetrySnap\n"
        "  Data Type:  REG_DWORD - Boolean\n"
        "  Data Range: 0 or 1 (False or True)\n"
        "  Default:    0 (False)\n"
    )
    (only,) = fixes(draft_tree(article))
    assert "Registry path" not in only["title"]
    assert "Registry path:" not in ticks(only)
    assert any(t.startswith("In Registry Editor, locate the registry key") for t in ticks(only))
    draft_text(article)
