"""Round 32 (junk33): warnings, code and scene clauses are not options. A WARNING after
the update is a note on that fix, not a second fix; a Basic listing under its own
sub-heading stays a listing under a step and never names the option; a label names the
action, not the scene ("During setup"); a statement leading into headed fixes is their
lead, not option 1."""

from __future__ import annotations

import time
from functools import partial

from drafting_support import archive, details, fixes, questions, ticks

from kbassist.drafting.not_options import code_block, scene_label
from kbassist.drafting.options import _is_action, option_label
from kbassist.drafting.tree import draft_text, draft_tree

mskb = partial(archive, id_="Q999433")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you delete a client from the console, its inventory rows\n"
    "are left in the site database.\n\n"
)


def _labels(tree: dict[str, object]) -> list[str]:
    """Every fix choice label and fix title of a drafted tree."""
    said = [str(f["title"]) for f in fixes(tree)]  # type: ignore[arg-type]
    for q in questions(tree):  # type: ignore[arg-type]
        said += [str(c["label"]) for c in q.get("choices", [])]
    return said


def test_last_warning_after_the_update_is_a_note_not_a_second_fix() -> None:
    """ "WARNING: Stop the X service before running this script" after the service pack
    stays with that fix (shown under it), never a fix of its own."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\nTo resolve this problem, obtain the latest "
        "service pack for\nSite Manager version 3.0.\n\n"
        "NOTE: This fix is a script that you run against the site database.\n\n"
        "WARNING: Stop the SITE_AGENT service on the site server before running\n"
        "this script.\n\nSTATUS\n======\n\nThis problem was first corrected in Site Manager "
        "3.0 Service Pack 1.\n"
    )
    tree = draft_tree(art)
    assert not any("WARNING" in label for label in _labels(tree))
    assert len(fixes(tree)) == 1
    assert "Stop the SITE_AGENT service" in details(fixes(tree)[0])
    draft_text(art)


def test_warning_over_a_later_procedure_still_opens_it() -> None:
    """A registry WARNING followed by the manual steps still starts the manual fix after
    the update (the warning is not swallowed into the update)."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\nTo resolve this problem, obtain the latest "
        "service pack for\nSite Manager version 3.0.\n\n"
        "WARNING: If you use Registry Editor incorrectly, you may cause serious problems.\n\n"
        "1. Start Registry Editor (Regedt32.exe).\n\n2. Delete the CleanRows value.\n\n"
        "3. Quit Registry Editor.\n"
    )
    tree = draft_tree(art)
    assert len(fixes(tree)) == 2
    draft_text(art)


CODE_ARTICLE = (
    "SYMPTOMS\n========\n\nWhen you pass functions to the Pick function, every one of them "
    "runs.\n\nRESOLUTION\n==========\n\nBecause this behavior is by design, another approach "
    'must be taken. The Pick\ncall can be written as an equivalent "If...Then...ElseIf" '
    'statement or a\n"Select Case" statement.\n\n'
    "Equivalent 'If...Then...ElseIf' Statement\n"
    "-----------------------------------------\n\n"
    "     If Which = 1 Then\n        answer = First()\n     ElseIf Which = 2 Then\n"
    "        answer = Second()\n     Else\n        answer = Null\n     End If\n\n"
    "Equivalent 'Select Case' Statement\n----------------------------------\n\n"
    "     Select Case Which\n        Case 1\n           answer = First()\n"
    "        Case Else\n           answer = Null\n     End Select\n"
)


def test_basic_listing_under_its_heading_is_a_listing_not_a_label() -> None:
    """Each code-only sub-heading is an option named by its heading; the listing is
    shown line by line under its step, never flattened into a label or a tick."""
    art = mskb(CODE_ARTICLE)
    tree = draft_tree(art)
    labels = _labels(tree)
    assert "Equivalent 'Select Case' Statement" in labels
    assert not any("End If" in label or "Case 1" in label for label in labels)
    for fix in fixes(tree):
        assert not any("End If" in t or "End Select" in t for t in ticks(fix))
    shown = "\n".join(details(f) for f in fixes(tree))
    assert "   Case 1\n" in shown and "End Select" in shown
    draft_text(art)


def test_statement_leading_into_headed_fixes_is_not_an_option() -> None:
    """ "Because this behavior is by design, another approach must be taken ..." is the
    question's lead, not option 1."""
    tree = draft_tree(mskb(CODE_ARTICLE))
    assert not any(label.startswith(("Because", "Resolution: Because")) for label in _labels(tree))
    asked = questions(tree)
    assert asked and "by design" in str(asked[-1].get("help", ""))
    assert len(fixes(tree)) == 2


def test_scene_only_label_names_the_action() -> None:
    """ "During setup, click Cancel when ..., then click Cancel again" is labelled by
    the action with the scene after it, never just "During setup"."""
    text = (
        "During Windows NT setup, click Cancel when you are asked to perform the video "
        "test, then click Cancel again to close the Display properties page."
    )
    label = option_label(text)
    assert label.startswith("Click Cancel when you are asked")
    assert label.endswith("during Windows NT setup")
    assert option_label(
        "At a command prompt, type net stop spooler and then press "
        "ENTER, then wait for the service to stop before you go on."
    ) == ("Type net stop spooler and then press ENTER at a command prompt")


def test_scene_with_a_whole_action_or_a_statement_is_kept() -> None:
    """A label that already says the action ("On the View menu, click X") and a scene
    before a statement ("In Windows 95, the file ...") are left as they are."""
    assert option_label("On the View menu, click the view you want.") == (
        "On the View menu, click the view you want"
    )
    assert scene_label("In Windows 95, the file is deleted.", "In Windows 95", _is_action) == (
        "In Windows 95"
    )


def test_code_block_reads_listings_not_prose() -> None:
    """Basic and SQL listings are code; a wrapped sentence, an INI section and a
    two-line snippet are not."""
    assert code_block(["Select Case x", "   Case 1", "      y = 2", "End Select"])
    assert code_block(["SELECT name", "FROM sysobjects", "WHERE type = 'U'"])
    assert not code_block(
        [
            "For more information about this problem, see",
            "the following article in the Knowledge",
            "Base for more details on it.",
        ]
    )
    assert not code_block(["[boot]", "display.drv=vga.drv", "mouse.drv=mouse.drv"])
    assert not code_block(["If x = 1 Then", "End If"])


def test_new_patterns_are_linear_on_hostile_text() -> None:
    """20 KB of keyword-like or scene-like text is read in well under a second."""
    hostile = [
        "If " + "a " * 140 + "Then x",
        "Select Case " + "(" * 280,
        "x = " + "=" * 290,
        "During " + "a" * 20000 + ", " + "click " * 3000,
    ]
    started = time.perf_counter()
    code_block(hostile[:3] * 3)
    code_block(["If " + "a" * 20000] * 3)
    option_label(hostile[3])
    scene_label(hostile[3], "During", _is_action)
    option_label("During setup, " + "click OK, " * 2000)
    assert time.perf_counter() - started < 1.0
