"""Verifies that can show the fix worked (round 41, verify41): no replayed step that undoes
the fix, no NOTE quoted as the symptom, no "check that even though ..." sentence."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, fixes, verify_lines

from kbassist.drafting.repro_undo import undone_repro
from kbassist.drafting.text import DETAIL_SEP
from kbassist.drafting.tree import draft_text, draft_tree
from kbassist.drafting.verify import REPRO_PREFIX
from kbassist.drafting.verify_form import structured_check

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999941")


verify_texts = verify_lines


_RENAME = (
    "SYMPTOMS\n========\n\nWhen you click OK in the Options dialog box, you receive the"
    ' following error message:\n\n   "Cannot open file - Error setting RESOURCE"\n\n'
    "WORKAROUND\n==========\n\nRemove the apostrophe from the hard drive name.\n\n"
    "MORE INFORMATION\n================\n\n"
    "Steps to Reproduce Behavior\n---------------------------\n\n"
    "1. Change your hard drive name to YOURNAME's MAC.\n"
    "2. Start the program.\n"
    "3. On the Tools menu, click Options.\n"
    "4. Make a change and click OK.\n\n"
    "NOTE: It appears to save whatever changes that you make most of the time.\n"
)


def test_repro_step_that_undoes_the_fix_is_skipped() -> None:
    """The step that renames the drive back is named as the one not to repeat."""
    article = mskb(_RENAME)
    checks = [c for o in fixes(draft_tree(article)) for c in verify_texts(o)]
    repeats = [c for c in checks if c.startswith(REPRO_PREFIX)]
    assert repeats
    for check in repeats:
        assert 'except step 1 ("Change your hard drive name to YOURNAME\'s MAC")' in check
    draft_text(article)  # lint-clean


def test_note_after_the_repro_is_never_the_checked_result() -> None:
    """A NOTE paragraph after the steps is an aside: no verify quotes it."""
    checks = [c for o in fixes(draft_tree(mskb(_RENAME))) for c in verify_texts(o)]
    assert checks
    assert not any("NOTE" in c or "appears to save" in c for c in checks)


def test_repro_without_a_step_naming_the_fix_is_kept() -> None:
    """A step that installs or opens something, or names another object, stays repeated."""
    verify = (
        f'{REPRO_PREFIX} ("Steps to Reproduce Behavior" in MORE INFORMATION), and check that'
        " the error no longer appears.\x1f1. Install the program.\n2. Start the program."
    )
    verify = verify.replace("\x1f", DETAIL_SEP)
    fix = ["Remove the apostrophe from the hard drive name."]
    assert undone_repro(verify, fix, keep=False) == verify
    assert undone_repro(verify, ["Install Service Pack 3."], keep=False) == verify
    grid = verify.replace("1. Install the program.", "1. Set the width of the Grid to 400.")
    fix = ["Set the Partition property of the Grid to 305 in the Init event of the Grid."]
    assert undone_repro(grid, fix, keep=False) == grid  # another property of the same Grid


def test_step_setting_the_fixed_property_to_the_bad_value_is_left_out() -> None:
    """'Set the Windowless property to True' is left out under 'Set it to False'."""
    verify = (
        f'{REPRO_PREFIX} ("Steps to Reproduce Behavior" in MORE INFORMATION), and check that'
        " the caret appears."
        f"{DETAIL_SEP}1. Add a UserControl.\n2. Set the Windowless property of the"
        " UserControl to True.\n3. Run the project."
    )
    fix = ["Set the Windowless property of the UserControl to False."]
    assert "except step 2" in undone_repro(verify, fix, keep=False)
    assert undone_repro(verify, fix, keep=True) == verify


def test_concessive_clause_is_no_result_to_turn_round() -> None:
    """'..., even though X is not installed' never becomes 'check that even though ...'."""
    check = structured_check(
        "After you install SQL server and then run Control Panel to install TCP/IP,"
        " Connectivity Utilities is unavailable (grayed out), even though TCP/IP is not"
        " installed."
    )
    assert "check that even though" not in check
