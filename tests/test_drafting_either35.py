"""Alternatives said inside one fix's text (round 35, either35; the seed-98 readers'
Q136756, Q98295 and Q155441 notes): "Do this with A or by B", "If X does not help,
either A, or B" and "two known solutions" over two steps are asked as options, while "A
or B" on one object stays one tick."""

from __future__ import annotations

import time
from functools import partial

from drafting_support import archive, fixes, questions, support, ticks

from kbassist.drafting.either_steps import _DO_THIS_RE, _EITHER_RE
from kbassist.drafting.tree import draft_tree

mskb = partial(archive, id_="Q999735")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you restart the computer after changing the sound card,\n"
    "a message says that a driver failed to load.\n\n"
)
CAUSE = "CAUSE\n=====\n\nThe old sound driver is still set to start with the system.\n\n"


def _fix_choices(tree: dict[str, object]) -> list[str]:
    """The labels of the question that asks which fix to use."""
    (ask,) = [q for q in questions(tree) if q["id"] == "mitigation"]
    return [c["label"] for c in ask["choices"]]


def test_do_this_with_a_or_by_b_is_asked() -> None:
    """ "Stop the old driver manually. Do this with A or by B.": two fixes to choose
    from, each the goal done one way, never one tick holding both."""
    tree = draft_tree(
        mskb(
            SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
            "Stop the old driver manually. Do this with the Remove button in the Multimedia\n"
            "applet or by setting the startup type of the old driver to Disabled in the\n"
            "Devices applet.\n"
        )
    )
    labels = _fix_choices(tree)
    assert labels[0].endswith("with the Remove button in the Multimedia applet")
    assert labels[1].startswith("Stop the old driver manually by setting the startup type")
    for fix in fixes(tree)[:2]:
        assert len(ticks(fix)) == 1 and " or by " not in ticks(fix)[0]


def test_either_after_a_fallback_asks_the_way() -> None:
    """ "Run SCANFIX /F. If SCANFIX does not correct it, either A, or B.": each way is a
    fix of its own, named by the way, and both keep the first step."""
    tree = draft_tree(
        mskb(
            SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
            "To repair the driver list, run SCANFIX /F. If SCANFIX does not correct the\n"
            "problem, either reinstall the sound card software from the original disks, or\n"
            "obtain an updated driver from the sound card manufacturer.\n"
        )
    )
    labels = _fix_choices(tree)
    assert labels[0].startswith("Reinstall the sound card software")
    assert labels[1].startswith("Obtain an updated driver")
    for fix in fixes(tree)[:2]:
        steps = ticks(fix)
        assert steps[0].startswith("To repair the driver list, run SCANFIX /F")
        assert not any("either" in step for step in steps)


def test_two_known_solutions_are_options() -> None:
    """ "The following are two known solutions for this problem:" over two steps: asked
    which, never both ticked in one checklist."""
    tree = draft_tree(
        mskb(
            SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
            "The following are two known solutions for this problem:\n\n"
            "- Install the 32-bit audio driver on the Windows 95 computer.\n\n"
            "- Use the 16-bit audio driver that came with the sound card.\n"
        )
    )
    labels = _fix_choices(tree)
    assert labels == [
        "Install the 32-bit audio driver on the Windows 95 computer",
        "Use the 16-bit audio driver that came with the sound card",
    ]
    assert all("two known solutions" not in fix["title"] for fix in fixes(tree))


def test_or_on_one_object_stays_one_tick() -> None:
    """ "Click OK or press ENTER" is one action said two ways: one tick, no question."""
    tree = draft_tree(
        mskb(
            SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
            "Open the Devices applet and select the old sound driver. Either click Disable\n"
            "or press ENTER.\n"
        )
    )
    assert not [q for q in questions(tree) if q["id"] == "mitigation"]


def test_either_patterns_are_linear_on_hostile_text() -> None:
    """The patterns answer fast on 20 KB of text built to make a regex backtrack."""
    hostile = "do this with " + "a or " * 4000 + "x"
    start = time.perf_counter()
    _DO_THIS_RE.match(hostile)
    _EITHER_RE.match("x, " * 50 + "either " + "a, or " * 3000 + ";")
    assert time.perf_counter() - start < 1.0


def test_a_or_b_service_is_asked_per_service() -> None:
    """ "disable the Floppy or Serial service" over one registry key per service: asked
    which service, each outcome setting only its own key."""
    tree = draft_tree(
        support(
            "## Symptoms\n\nEvent ID 7000 is logged in the System log at every startup.\n\n"
            "## Cause\n\nThe device isn't connected but its driver service is enabled.\n\n"
            "## Workaround\n\n"
            "To work around the problem, disable the Floppy or Serial service in the registry.\n\n"
            "To do this, change the value of the following registry subkeys to 4 (Disabled):\n\n"
            "- Registry key 1\n  - Path: `HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\"
            "Services\\floppy`\n  - Name: Start\n  - Type: REG_DWORD\n  - Data: 4\n\n"
            "- Registry key 2\n  - Path: `HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\"
            "Services\\serial`\n  - Name: Start\n  - Type: REG_DWORD\n  - Data: 4\n"
        )
    )
    labels = _fix_choices(tree)
    assert "Floppy" in labels[0] and "Serial" not in labels[0]
    assert "Serial" in labels[1] and "Floppy" not in labels[1]
    first, second = fixes(tree)[:2]
    assert any("\\floppy" in step for step in ticks(first))
    assert not any("\\serial" in step for step in ticks(first))
    assert any("\\serial" in step for step in ticks(second))


def test_either_with_a_hyphenated_verb_is_asked() -> None:
    """ "Either re-install the mixer software, or rebuild the default REG.DAT file": two
    fixes to choose from, though "re-install" is written with a hyphen."""
    tree = draft_tree(
        mskb(
            SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
            "Either re-install the sound mixer software, or rebuild the default REG.DAT file.\n"
        )
    )
    labels = _fix_choices(tree)
    assert labels == ["Re-install the sound mixer software", "Rebuild the default REG.DAT file"]
