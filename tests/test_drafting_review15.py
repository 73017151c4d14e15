"""Round 15 review: patterns that must stay fast on long or odd input, and the inputs
and values round 15's drafting added."""

from __future__ import annotations

import time

from cpu_budget import budget
from drafting_support import archive, details, fixes, support, walked

from kbassist.drafting.example_values import drop_replace_notes
from kbassist.drafting.tree import draft_text, draft_tree


def test_replace_note_with_many_eg_is_fast() -> None:
    """A "Replace <x> with ..." note running on over many "e.g.," is read in linear time."""
    note = "Replace {placeholder_1} with the server name" + ", e.g., SRV" * 22 + ".<b>"
    started = time.perf_counter()
    assert drop_replace_notes(f"Run cmd.\n{note}") == f"Run cmd.\n{note}"
    assert time.perf_counter() - started < budget(1.0)
    text = (
        "Run the command.\n\nReplace {placeholder_1} with the SID, i.e. the account's "
        "security identifier, e.g., S-1-5-21-1. Then restart."
    )
    assert drop_replace_notes(text) == "Run the command.\n\nThen restart."


def test_registry_value_named_with_spaces_is_asked() -> None:
    """A bounded value named "Max Cached Icons" (or fDenyX) is asked and set, not shown as
    "{Max Cached Icons}"."""
    for name in ("Max Cached Icons", "fMaxIcons"):
        article = archive(
            "SYMPTOMS\n========\n\nExplorer shows blank icons after you open many folders.\n\n"
            "RESOLUTION\n==========\n\nIncrease the value of the following registry key:\n\n"
            "Registry path:\n\n"
            "  HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\n\n"
            f"  Value Name: {name}\n  Data Type: REG_DWORD\n  Default: 500\n"
            "  Range: 100 - 4096\n\nThe computer must be restarted.\n",
            id_="Q999951",
        )
        tree = draft_tree(article)
        asked = [n for n in tree["nodes"] if n["kind"] == "input"]
        assert [(n["title"], n["min"], n["max"]) for n in asked] == [
            (f"Value for {name}", 100, 4096)
        ]
        checklist = walked(article, {"symptom": "yes", asked[0]["var"]: "2000"})
        texts = [" ".join(i.text.split()) for i in checklist.part("steps")]
        assert f"Set the {name} value (REG_DWORD) to 2000." in texts


def test_registry_default_with_superscript_drafts() -> None:
    """A value's "Default: 2²" (a superscript digit) is no default: the draft is made, no
    traceback."""
    article = archive(
        "SYMPTOMS\n========\n\nExplorer shows blank icons.\n\n"
        "RESOLUTION\n==========\n\nIncrease the value of the following registry key:\n\n"
        "Registry path:\n\n  HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Explorer\n\n"
        "  Value Name: MaxIcons\n  Data Type: REG_DWORD\n  Default: 2\u00b2\n"
        "  Range: 1 - 64\n\nThe computer must be restarted.\n",
        id_="Q999952",
    )
    asked = [n for n in draft_tree(article)["nodes"] if n["kind"] == "input"]
    assert [(n["title"], n["min"], n["max"], n.get("default")) for n in asked] == [
        ("Value for MaxIcons", 1, 64, None)
    ]


def test_method_chain_named_with_a_guid_drafts() -> None:
    """Methods tried in turn, one headed "Delete the {4D36E965-E325} Key", draft lint-clean:
    the "Still failing after method 1?" text shows the GUID, not a broken placeholder."""
    article = archive(
        "SYMPTOMS\n========\n\nWhen you run the Encarta program, you receive an error.\n\n"
        "RESOLUTION\n==========\n\nTo resolve this issue, use the following methods in the\n"
        "order in which they are presented.\n\n"
        "Delete the {4D36E965-E325} Key\n------------------------------\n\n"
        "1. Start Registry Editor.\n\n2. Delete the key.\n\n"
        "If the issue continues to occur, proceed to the next method.\n\n"
        "Reinstall the Program\n---------------------\n\n"
        "1. Remove the program by using Add/Remove Programs in Control Panel.\n\n"
        "2. Run Setup from the CD-ROM again.\n",
        id_="Q999953",
    )
    draft_text(article)  # lint-clean (raised DraftError: "{4D36E965-E325} is not a placeholder")
    checklist = walked(article, {"symptom": "yes", "mitigation": "yes"})
    (chain,) = [n for n in draft_tree(article)["nodes"] if n["title"].startswith("Still failing")]
    assert 'Method 1 is "Delete the {{4D36E965-E325}} Key"' in chain["text"]
    assert [i.text for i in checklist.part("steps")][-1] == "Run Setup from the CD-ROM again."


def test_usage_option_line_without_words_drafts() -> None:
    """A usage text's option line "-s ..." (no words after the flag) is kept as it is, an
    empty "[ ]" names no option; each raised IndexError and the article had no draft."""
    article = support(
        "## Symptoms\n\nYou receive 'Error while deleting key'.\n\n## Resolution\n\n"
        "To delete a registry key that contains an embedded null character, you must first "
        "replace the null character. You can do this by using the "
        "[RegDelNull](https://example.com/regdelnull) tool from Sysinternals.\n\n"
        "## More information\n\n```console\nUsage: regdelnull <path> [-s] [ ]\n-s ...\n```\n"
    )
    draft_text(article)
    (fix,) = fixes(draft_tree(article))
    assert "-s ..." in details(fix) and "Usage:" not in details(fix)
