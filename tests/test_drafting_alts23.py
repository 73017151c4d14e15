"""Alternatives and follow-ups asked, not merged or flattened (round 23, alts23; the
seed-66 readers' 03, 08, 12, 18 and 34 notes): "If the issue continues to occur, do Y" is
a fix tried after the first, "Do X. Instead, you can do Y" two fixes, "If the driver is
not installed, install it" comes before the step that uses it, a CAUSE's listed causes
each get their own numbered part, and headed procedures with one aim are two ways."""

from __future__ import annotations

import time
from functools import partial

from cpu_budget import budget
from drafting_support import archive, fixes, questions, support, ticks

from kbassist.drafting.follow_ups import _GET_IF_MISSING_RE, _OTHER_WAY_RE, _STILL_RE
from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999923")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nThe first time you start the game, the program may stop "
    "responding (hang).\n\n"
)
CAUSE = "CAUSE\n=====\n\nThis behavior can occur if a Stingray video adapter is installed.\n\n"


def _goes(question: dict) -> dict[str, str]:
    return {c["value"]: c["next"] for c in question["choices"]}


def test_follow_up_paragraph_is_asked_after_the_first_fix_not_beside_it() -> None:
    """ "If the issue continues to occur, download the reference driver" is reached by
    "Still failing after fix 1?" from the first fix; the MORE INFORMATION workaround
    stays a choice beside that chain, and the follow-up's clause is no longer ticked."""
    art = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this issue, download and install the latest version of the video\n"
        "driver for your video adapter from the Hercules Web site.\n\n"
        "If the issue continues to occur, download and install the latest version of the\n"
        "Voodoo Rush reference driver from the 3Dfx Web site.\n\n"
        "MORE INFORMATION\n================\n\n"
        "To work around this issue, configure the game to use the software renderer:\n\n"
        "1. On the startup screen, click Game Options.\n\n"
        "2. Click Video, and then set 3D Render Mode to Software Renderer.\n"
    )
    tree = draft_tree(art)
    first, follow, workaround = fixes(tree)
    menu = next(q for q in questions(tree) if q["id"] == "mitigation")
    (chain,) = [q for q in questions(tree) if q["title"].startswith("Still failing after fix 1")]
    assert list(_goes(menu).values()) == [chain["id"], workaround["id"]]
    assert _goes(chain) == {"no": first["id"], "yes": follow["id"]}
    assert ticks(follow)[0].startswith("Download and install the latest version")
    assert "Voodoo Rush" in ticks(follow)[0] and "continues" not in ticks(follow)[0]
    draft_text(art)  # lint-clean


PRINTER = mskb(
    "SYMPTOMS\n========\n\nWhen you print from Streets, you receive a runtime error.\n\n"
    "CAUSE\n=====\n\nThe printer is configured to use the PostScript printer driver.\n\n"
    "RESOLUTION\n==========\n\n"
    "Configure the printer to use the HP LaserJet 8500 PCL printer driver when you print\n"
    "from Streets.\n\nIf the HP LaserJet 8500 PCL printer driver is not installed on your\n"
    "computer, download and install the printer driver from the HP Web site.\n\n"
    "If the issue continues to occur after you install the PCL printer driver, change\n"
    "both of the timeout settings to 60 seconds, and disable bidirectional printing.\n"
)


def test_follow_up_step_is_no_unconditional_tick() -> None:
    """A fix's last step "If the issue continues to occur after ..., change the timeouts"
    is its own fix reached by "Still failing after fix 1?", not ticked after the first."""
    tree = draft_tree(PRINTER)
    first, follow = fixes(tree)
    assert not any("timeout" in t for t in ticks(first))
    assert ticks(follow) == [
        "Change both of the timeout settings to 60 seconds, and disable bidirectional printing."
    ]
    chain = next(q for q in questions(tree) if q["title"].startswith("Still failing after fix 1"))
    assert "fixes are tried in order" in chain["text"]
    draft_text(PRINTER)  # lint-clean


def test_missing_driver_is_installed_before_the_step_that_uses_it() -> None:
    """ "If the PCL driver is not installed, download and install it" is ticked before
    "Configure the printer to use the PCL driver", which needs it."""
    first = fixes(draft_tree(PRINTER))[0]
    steps = ticks(first)
    assert steps[0].startswith("Download and install the printer driver")
    assert steps[1].startswith("Configure the printer to use")


def test_proceed_to_next_method_and_contact_support_are_no_follow_up_fixes() -> None:
    """ "If the problem persists, contact Microsoft Product Support Services" is no fix to
    chain: the article keeps one fix and asks no "still failing" question."""
    art = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Download and install the latest video driver from the manufacturer.\n\n"
        "If the problem persists, contact Microsoft Product Support Services.\n"
    )
    tree = draft_tree(art)
    assert not any(q["title"].startswith("Still failing") for q in questions(tree))


def test_instead_you_can_is_a_second_fix() -> None:
    """ "Clear the Use Printer Offline setting. ... Instead, you can delete the registry
    key ..." is two fixes, each named by its action; "Do not X. Instead, do Y" stays one."""
    art = support(
        "## Symptoms\n\nThe status of the new print queue is displayed as Offline.\n\n"
        "## Cause\n\nThe PrinterOnLine registry value of the old queue is kept.\n\n"
        "## Resolution\n\n"
        "Right-click the new print queue in the Printers tool, and then clear the **Use\n"
        "Printer Offline** setting. This resets the registry key to the correct value.\n"
        "Instead, you can delete the registry key that is mentioned in the Cause section\n"
        "before you add a new print queue of the same name.\n"
    )
    tree = draft_tree(art)
    first, second = fixes(tree)
    assert "Instead" not in " ".join(ticks(first))
    assert ticks(second)[-1].startswith("Delete the registry key that is mentioned")
    assert "delete the registry key" in second["title"].casefold()

    one = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        'Do not save your document as "Word 6.0/95". Instead, save your document in Word 97\n'
        "format and open it by using the import converter.\n"
    )
    assert len(fixes(draft_tree(one))) == 1


def test_listed_causes_each_get_their_numbered_part() -> None:
    """A CAUSE listing three causes over a RESOLUTION "1. ... a. b. 2. ... a. b. 3. ..."
    asks "Which cause applies?" and gives each cause its own part's steps, not one
    checklist running every part in a row."""
    art = mskb(
        "SYMPTOMS\n========\n\nYou receive the message: The Preference file could not be "
        "found.\n\n"
        "CAUSE\n=====\n\nThe following are possible causes of the above error:\n\n"
        "1. The client is being launched for the first time, and the Prefs file has\n"
        "  not been created yet.\n\n"
        "2. The client has lost its connection to the Maildata share.\n\n"
        "3. The Prefs file is corrupt.\n\n"
        "RESOLUTION\n==========\n\n"
        "1. The Prefs file will be created when you launch the client.\n\n"
        "  a. Launch the Mail client.\n\n"
        "  b. Select Find PO.\n\n"
        "2. Reconnect to the Maildata share.\n\n"
        "  a. From the Apple menu, choose the Chooser.\n\n"
        "  b. Select AppleShare and the Maildata server.\n\n"
        "3. The Prefs file may be corrupt.\n\n"
        "  a. Drag the Prefs file from the System Folder to the Trash.\n\n"
        "  b. Launch the Mail client, and then select Find PO.\n"
    )
    tree = draft_tree(art)
    menu = next(q for q in questions(tree) if q["id"] == "mitigation")
    assert menu["title"] == "Which cause applies?"
    assert [c["label"] for c in menu["choices"]][1] == (
        "The client has lost its connection to the Maildata share"
    )
    first, second, _third = fixes(tree)
    assert ticks(second) == [
        "From the Apple menu, choose the Chooser.",
        "Select AppleShare and the Maildata server.",
    ]
    assert not any("Trash" in t for t in ticks(first) + ticks(second))
    draft_text(art)  # lint-clean


def test_headed_procedures_with_one_aim_are_two_ways() -> None:
    """Two headed procedures that each restart at 1 and share their aim ("... to call the
    procedure programmatically") are two fixes to choose from, not one checklist."""
    art = mskb(
        "SYMPTOMS\n========\n\nYou get the compiler error: Argument not optional\n\n"
        + "CAUSE\n=====\n\nThe Data Environment uses Call syntax.\n\n"
        "RESOLUTION\n==========\n\n"
        "To work around the behavior, add a function to call the procedure as follows:\n\n"
        "Building a private function in a Form module to call the procedure\n"
        "programmatically::\n\n"
        "1. Add a command button (Command1) to Form1.\n\n"
        "2. Place the OptionalParamFunc function in the General Declarations of Form1.\n\n"
        "Build a Data Environment method that calls the procedure programmatically::\n\n"
        "1. Add a command button (Command1) to Form1.\n\n"
        "2. Place the OptionalParamFunc function in the code window of the Data\n"
        "  Environment.\n"
    )
    tree = draft_tree(art)
    first, second = fixes(tree)
    assert len(ticks(first)) == len(ticks(second)) == 2
    assert "Data Environment" in ticks(second)[1]


def test_new_patterns_are_linear_on_hostile_input() -> None:
    """The follow-up, second-way and missing-install patterns stay fast on 50 KB runs."""
    for pattern in (_STILL_RE, _OTHER_WAY_RE, _GET_IF_MISSING_RE):
        for unit in (" ", "\n", "[", "-", ", ", "a", "if the issue ", ". instead, "):
            text = "If " + unit * (50_000 // len(unit))
            start = time.perf_counter()
            pattern.search(text)
            assert time.perf_counter() - start < budget(0.05)
