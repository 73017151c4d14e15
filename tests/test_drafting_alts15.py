"""Conditions left in checklists instead of asked or shown (round 15, alts15; the seed-52
readers' Q235890 and Q258710 notes): "If you are prompted …, quit" is a note on its step,
"If X, doing Y should fix it" is asked, and methods tried "in order" are chained by a
"still failing?" question instead of one checklist."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, details, fixes, questions, ticks

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999915")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you run the Setup program (Setup.exe), you may receive the "
    "following error message:\n\n   You must install Service Pack 2 to continue.\n\n"
)
CAUSE = "CAUSE\n=====\n\nThe Service Pack 2 version of Setup.exe checks for Service Pack 2.\n\n"


PROMPTED = mskb(
    SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
    "The version of Setup.exe in Service Pack 3 has been updated.\n\n"
    "If you are prompted to install Service Pack 2, quit without installing it. Then,\n"
    "copy the Setup.exe file from the installed service pack to the System32 folder,\n"
    "and run the new version of Setup.exe.\n\n"
    "If Service Pack 4 or later is installed, reinstalling the service pack should\n"
    "replace the Setup.exe file with the updated version.\n"
)


def test_if_prompted_is_a_note_on_its_step_not_a_tick() -> None:
    """ "If you are prompted to install Service Pack 2, quit …" is shown under the copy
    step (the admin cannot tick a prompt ahead of it), and the fix is named by the copy."""
    tree = draft_tree(PROMPTED)
    (fix,) = fixes(tree)
    assert not any(t.startswith("If you are prompted") for t in ticks(fix))
    assert ticks(fix)[0].startswith("Copy the Setup.exe file")
    assert "If you are prompted to install Service Pack 2, quit" in details(fix)
    assert "Quit" not in fix["title"]
    draft_text(PROMPTED)  # lint-clean


def test_case_said_with_a_gerund_action_is_asked() -> None:
    """ "If Service Pack 4 or later is installed, reinstalling the service pack should
    replace …" is asked: "Reinstall the service pack" is ticked on "yes" only; a warning
    ("switching back … may cause") or a case that points back ("If it is not") is not."""
    tree = draft_tree(PROMPTED)
    (asked,) = [q for q in questions(tree) if "Service Pack 4 or later" in q["title"]]
    (fix,) = fixes(tree)
    step = next(s for s in fix["steps"] if s["text"].startswith("Reinstall the service pack"))
    assert step["text"].endswith("it should replace the Setup.exe file with the updated version.")
    assert step["when"] == f'{asked["var"]} == "yes"'

    art = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "1. Check the BIOS setting for the hard disk.\n\n"
        "2. If it is not, correcting the setting should allow Setup to find the disk.\n\n"
        "3. If you are running SVGA graphics, switching back to the desktop may cause\n"
        "   the computer to stop responding.\n"
    )
    assert not questions(draft_tree(art))


IN_TURN = mskb(
    SYMPTOMS.replace("Setup program (Setup.exe)", "Encarta program")
    + "CAUSE\n=====\n\nThe CD-ROM drive cannot read the Encarta CD-ROM correctly.\n\n"
    "RESOLUTION\n==========\n\n"
    "To resolve this issue, use the following methods in the order in which they are\n"
    "presented.\n\n"
    "Inspect and Clean the CD-ROM\n----------------------------\n\n"
    "To clean the CD-ROM, use a CD-ROM cleaning kit, or gently wipe the silver side of\n"
    "the CD-ROM with a soft cloth.\n\n"
    "If the issue continues to occur, proceed to the next method.\n\n"
    "Reduce CD-ROM Drive Caching\n---------------------------\n\n"
    "1. Click Start, point to Settings, and then click Control Panel.\n\n"
    "2. Double-click System, and then click the Performance tab.\n\n"
    '3. Move the "Supplemental cache size" slider to the Small position.\n\n'
    "If the issue continues to occur, proceed to the next method.\n\n"
    "Reinstall the Program\n---------------------\n\n"
    "1. Remove the program by using Add/Remove Programs in Control Panel.\n\n"
    "2. Run Setup from the CD-ROM again.\n"
)


def test_methods_tried_in_turn_are_chained_by_still_failing_questions() -> None:
    """Three methods "in the order presented", each ending "If the issue continues to
    occur, proceed to the next method", are three outcomes reached in turn by "Still
    failing after method 1?" / "… method 2?", not one checklist of all three."""
    tree = draft_tree(IN_TURN)
    first, second, third = fixes(tree)
    assert [f["title"] for f in (first, second, third)] == [
        "Inspect and Clean the CD-ROM",
        "Reduce CD-ROM Drive Caching",
        "Reinstall the Program",
    ]
    chain = [q for q in questions(tree) if q["title"].startswith("Still failing after")]
    assert [q["title"] for q in chain] == [
        "Still failing after method 1 (Inspect and Clean the CD-ROM)?",
        "Still failing after method 2 (Reduce CD-ROM Drive Caching)?",
    ]
    goes = [{c["value"]: c["next"] for c in q["choices"]} for q in chain]
    assert goes[0] == {"no": first["id"], "yes": chain[1]["id"]}
    assert goes[1] == {"no": second["id"], "yes": third["id"]}
    shown = "\n".join(ticks(f)[0] + details(f) for f in (first, second, third))
    assert "proceed to the next method" not in shown
    draft_text(IN_TURN)  # lint-clean


def test_menu_of_methods_said_in_turn_is_chained() -> None:
    """Methods under "After you complete each method, test … If the issue continues to
    occur, proceed to the next method." (no "in the order" lead) were offered as "Which
    fix fits this system?"; they are asked in turn: "Still failing after method 1?", the
    pointer no longer ticked or shown."""
    art = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "After you complete each method, test to see if the issue is resolved. If the\n"
        "issue continues to occur, proceed to the next method.\n\n"
        "Method 1: Quit the Armon32.exe Program\n"
        "--------------------------------------\n\n"
        "1. Press CTRL+ALT+DELETE.\n\n"
        "2. Click Armon32, and then click End Task.\n\n"
        "If the issue continues to occur, proceed to the next method.\n\n"
        "Method 2: Clean Boot the Computer\n"
        "---------------------------------\n\n"
        "1. Click Start, click Run, type msconfig, and then click OK.\n\n"
        "2. Click Selective Startup, and then click OK.\n"
    )
    tree = draft_tree(art)
    first, second = fixes(tree)
    (chain,) = questions(tree)
    assert chain["title"] == "Still failing after method 1 (Quit the Armon32.exe Program)?"
    assert {c["value"]: c["next"] for c in chain["choices"]} == {
        "no": first["id"],
        "yes": second["id"],
    }
    assert "next method" not in "\n".join([*ticks(first), details(first)])
    draft_text(art)  # lint-clean
