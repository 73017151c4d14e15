"""A value the article describes is drafted as the value to set (round 38, setvalue38; the
seed-106 readers' Q170903, Q105040 and system-log-event-id-7000-7026 notes): a registry
value explained as "0 means X is turned off; 2 means X is turned on" under "To turn this
off" is set to 0, a config section that "should read as follows" is edited so that it
reads so (no "(where ...)" aside pasted with it), and "to 3 or 4" with the article's note
on when to use which is asked as a choice."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, details, fixes, ticks

from kbassist.drafting.set_values import either_value_asked, meant_value
from kbassist.drafting.tree import draft_tree

mskb = partial(archive, id_="Q999838")

SYMPTOMS = "SYMPTOMS\n========\n\nThe NUMLOCK key is on when users log on.\n\n"
CAUSE = "CAUSE\n=====\n\nBy default NUMLOCK is set to on.\n\n"


def _registry(goal: str) -> str:
    return (
        "RESOLUTION\n==========\n\n"
        "You can modify this setting by editing the registry.\n\n"
        f"{goal} the default user settings must be modified. Entries are found under\n"
        "this registry path:\n\n"
        "  HKEY_USERS\\.DEFAULT\\Control Panel\\Keyboard\n\n"
        "  InitialKeyboardIndicators REG_SZ Number\n      Default: 0\n\n"
        "Specifies initial values for keys. 0 means that NUMLOCK is turned off after the\n"
        "user logs on; 2 means NUMLOCK is turned on after the user logs on.\n\n"
    )


def test_described_registry_value_is_set_to_the_one_the_fix_wants() -> None:
    """ "0 means NUMLOCK is turned off" under "To turn this functionality off": the
    checklist says to set the value to 0, not the description."""
    tree = draft_tree(mskb(SYMPTOMS + CAUSE + _registry("To turn this functionality off,")))
    (fix,) = fixes(tree)
    said = ticks(fix)
    assert any(
        t.startswith("Set the InitialKeyboardIndicators value (REG_SZ) to 0 (") for t in said
    )
    assert not any(t.startswith("Specifies") for t in said)
    assert "Locate and click the following registry key: HKEY_USERS\\.DEFAULT" in " ".join(said)


def test_described_value_without_an_aim_is_not_guessed() -> None:
    """When the fix does not say whether it turns the thing off or on, no value is
    picked for the admin."""
    assert meant_value("0 means X is turned off; 2 means X is turned on.", "Change it.") == ""
    assert meant_value("0 means X is turned off.", "To turn it off, edit it.") == ""
    assert meant_value(
        "0 means X is turned off; 2 means X is turned on.", "To turn it off, edit it."
    ).startswith("0 (")


NETCFG = (
    "SYMPTOMS\n========\n\nYou receive the message: ODINSUP requires the switch BUFFERED.\n\n"
    "CAUSE\n=====\n\nThe BUFFERED line is not indented under PROTOCOL ODINSUP.\n\n"
    "RESOLUTION\n==========\n\n"
    "The PROTOCOL ODINSUP section of the NET.CFG file should read as follows:\n\n"
    "     PROTOCOL ODINSUP\n"
    "            BIND <NE2000> (where <NE2000> is the network adapter ODI driver)\n"
    "            BUFFERED\n\n"
)


def test_config_section_that_should_read_is_edited() -> None:
    """ "X of NET.CFG should read as follows:" is the action "Edit NET.CFG so that X reads
    as follows:", and the fix is named by it, not by a cut "... should read"."""
    tree = draft_tree(mskb(NETCFG))
    (fix,) = fixes(tree)
    assert ticks(fix)[0] == "Edit NET.CFG so that the PROTOCOL ODINSUP section reads as follows:"
    assert "should read" not in fix["title"]
    assert "NET.CFG" in fix["title"]


def test_where_aside_is_not_pasted_into_the_config_lines() -> None:
    """The lines to type keep the BIND line without its "(where ... is ...)" aside."""
    tree = draft_tree(mskb(NETCFG))
    (fix,) = fixes(tree)
    block = details(fix)
    assert "BIND {" in block and "BUFFERED" in block
    assert "(where" not in block


STEP = (
    "Set the Start value (REG_DWORD) under HKEY_LOCAL_MACHINE\\SYSTEM\\Services\\cdrom to 3 or 4."
)
LEAD = (
    "To do this, change the value of the following registry subkey to 3 (Manual) or 4 (Disabled):"
)
WHEN = (
    "Note: If the above registry is changed to 4 (Disabled), the device isn't usable. So if the"
    " device will be used in the future, the above registry should be set as 3 (Manual)."
)


def _walk(note: str) -> dict[str, Any]:
    """A drafted walk's shape: a question leading to the fix that sets "3 or 4"."""
    return {
        "nodes": [
            {
                "id": "mitigation",
                "kind": "question",
                "choices": [{"value": "workaround_1", "label": "Disable", "next": "workaround_1"}],
            },
            {
                "id": "workaround_1",
                "kind": "outcome",
                "title": "Disable the Cdrom service",
                "text": LEAD,
                "source": {"article": "a", "section": "Workaround"},
                "steps": [{"text": STEP, "detail": note}],
            },
        ]
    }


def test_either_value_with_a_note_on_when_is_asked() -> None:
    """ "Set the Start value ... to 3 or 4" becomes a choice of 3 (Manual) or 4
    (Disabled) asked before the fix, with the article's note as help, and the step sets
    the chosen value."""
    tree = _walk(WHEN)
    either_value_asked(tree)
    question, ask, fix = tree["nodes"]
    assert question["choices"][0]["next"] == ask["id"] and ask["next"] == fix["id"]
    assert ask["type"] == "choice"
    assert [c["label"] for c in ask["choices"]] == ["3 (Manual)", "4 (Disabled)"]
    assert "used in the future" in ask["help"]
    assert fix["steps"][0]["text"].endswith(f"to {{{ask['var']}}}.")


def test_either_value_without_a_note_stays_as_written() -> None:
    """Without the article's word on when to use which, "to 3 or 4" is left as it is."""
    tree = _walk("")
    either_value_asked(tree)
    assert len(tree["nodes"]) == 2 and tree["nodes"][1]["steps"][0]["text"] == STEP
