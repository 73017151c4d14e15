"""A fix's summary sentence is not offered beside the procedure that carries it out (round
37, oneway37; the seed-106 readers' Q155966 and Q186357 notes): "Change X by adding the
following setting: "AT%P1"" over "To add this setting, follow these steps:" is one fix, and
so is "Obtain the latest service pack ... After you obtain it, perform the following
steps:" over its numbered steps, while two real ways to fix stay asked."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, fixes, questions, ticks

from kbassist.drafting.tree import draft_tree

mskb = partial(archive, id_="Q999737")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nAfter you install the modem, you may receive the following\n"
    "message when you connect to the network:\n\n  No dial tone.\n\n"
)
CAUSE = "CAUSE\n=====\n\nBy default, the modem uses a protocol the network does not support.\n\n"
STEPS = (
    "1. Click Start, point to Settings, and then click Control Panel.\n\n"
    "2. Double-click Modems.\n\n"
    "3. On the Connection tab, click Advanced.\n\n"
    '4. Type the following line in the Extra Settings box:\n\n  "AT%P1"\n\n'
    "5. Click OK until you return to Windows.\n\n"
)


def _asked(tree: dict[str, object]) -> bool:
    return any(q["id"] == "mitigation" for q in questions(tree))


def test_summary_over_its_procedure_is_one_fix() -> None:
    """The setting named in one sentence and the steps that type it are one outcome,
    with no "Which fix fits this system?" between them."""
    body = (
        "RESOLUTION\n==========\n\n"
        'Change the protocol by adding the following extra setting:\n\n  "AT%P1"\n\n'
        "To add this setting, follow these steps:\n\n" + STEPS
    )
    tree = draft_tree(mskb(SYMPTOMS + CAUSE + body))
    assert not _asked(tree)
    (fix,) = fixes(tree)
    assert "Double-click Modems." in ticks(fix)
    assert "this setting" not in fix["title"]


def test_lead_in_ending_on_following_steps_is_dropped() -> None:
    """ "Obtain the latest service pack. After you obtain it, perform the following
    steps:" is the start of the numbered fix, not a fix of its own with a dangling step."""
    body = (
        "RESOLUTION\n==========\n\n"
        "To resolve this problem, obtain the latest service pack for the modem server.\n\n"
        "After you obtain the latest service pack, perform the following steps:\n\n"
        "1. Apply the modem server service pack 4.\n\n"
        "2. Copy the Modem.dll file to another name (for example, Modem13.dll).\n\n"
        "3. Shut down and restart your computer.\n\n"
    )
    tree = draft_tree(mskb(SYMPTOMS + CAUSE + body))
    assert not _asked(tree)
    (fix,) = fixes(tree)
    assert not any(t.endswith("following steps:") for t in ticks(fix))
    assert "Shut down and restart your computer." in ticks(fix)


def test_summary_of_another_value_stays_asked() -> None:
    """A one-sentence fix whose value the numbered steps never type is not their summary:
    both stay offered."""
    body = (
        "RESOLUTION\n==========\n\n"
        'Change the protocol by adding the following extra setting:\n\n  "AT%P2"\n\n'
        "To add this setting, follow these steps:\n\n" + STEPS
    )
    tree = draft_tree(mskb(SYMPTOMS + CAUSE + body))
    assert _asked(tree)
    assert len(fixes(tree)) == 2


def test_upgrade_beside_workaround_steps_stays_asked() -> None:
    """ "To resolve this problem, upgrade to Windows 98" beside "To work around this problem,
    edit the path ..." and its steps are two fixes: the upgrade stays a choice."""
    body = (
        "RESOLUTION\n==========\n\n"
        "To resolve this problem, upgrade to Microsoft Windows 98.\n\n"
        "To work around this problem, edit the path to the modem program:\n\n"
        "1. Click Start, point to Programs, and then click Windows Explorer.\n\n"
        "2. Right-click the Microsoft modem program file, and then click Properties.\n\n"
        "3. Add quotation marks around the path, and then click OK.\n\n"
    )
    tree = draft_tree(mskb(SYMPTOMS + CAUSE + body))
    assert _asked(tree)
    assert len(fixes(tree)) == 2


def test_goal_with_relative_that_is_no_back_reference() -> None:
    """ "To empty folders that contain temporary files, use ..." names its own fix: a
    one-line fix before it on another disk stays a choice."""
    body = (
        "RESOLUTION\n==========\n\n"
        "Install the modem software on a different hard disk.\n\n"
        "To empty folders that contain temporary files, follow these steps:\n\n"
        "1. Click Start, and then click Disk Cleanup.\n\n"
        "2. In the Drives box, click the hard disk, and then click OK.\n\n"
        "3. Click the temporary files, and then click Delete.\n\n"
    )
    tree = draft_tree(mskb(SYMPTOMS + CAUSE + body))
    assert len(fixes(tree)) == 2
