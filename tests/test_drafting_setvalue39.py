"""A setting the article states is drafted as the thing to do (round 39, setvalue39): a
"should read as follows" that ends a step which first says why, "X is also required in the
[Boot] section of SYSTEM.INI. It should read as follows:", and a "Value Name: / Data Type:
/ Value:" row ticked as a step of its own become steps that edit or set; documentation
corrections and described (not given) values are left as the article says them."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, fixes, ticks

from kbassist.drafting.set_values import value_rows_set
from kbassist.drafting.tree import draft_tree

mskb = partial(archive, id_="Q999839")

SYMPTOMS = "SYMPTOMS\n========\n\nThe system stops responding when you move the mouse.\n\n"


def test_required_line_said_as_it_is_checked() -> None:
    """ "A driver is also required in the [Boot] section of SYSTEM.INI. It should read as
    follows:" tells the admin to make sure that line reads so."""
    body = SYMPTOMS + (
        "RESOLUTION\n==========\n\nDo the following to set up the mouse:\n\n"
        "- Make sure the following line exists in the [386Enh] section of the SYSTEM.INI "
        "file:\n\n     device=HPEBIOS.386\n\n"
        "- An HP Windows mouse driver is also required in the [Boot] section of the\n"
        "  SYSTEM.INI file. It should read as follows:\n\n     mouse.drv=hpmouse.drv\n\n"
    )
    said = " ".join(ticks(fixes(draft_tree(mskb(body)))[0]))
    assert "In the [Boot] section of the SYSTEM.INI file, make sure the HP Windows mouse" in said
    assert "It should read" not in said


def test_should_read_after_a_reason_is_an_edit() -> None:
    """A step that says why and then "the reference in CONFIG.SYS should read as follows:"
    keeps its reason and ends with "edit CONFIG.SYS so that ... reads as follows:"."""
    body = SYMPTOMS + (
        "RESOLUTION\n==========\n\n"
        "Adding the /M:PS2 parameter to the HIMEM.SYS line in the CONFIG.SYS file may\n"
        "resolve this problem. For example, the reference to HIMEM.SYS in the CONFIG.SYS\n"
        "file should read as follows:\n\n     DEVICE=C:\\HIMEM.SYS /M:PS2\n\n"
    )
    said = " ".join(ticks(fixes(draft_tree(mskb(body)))[0]))
    assert "edit CONFIG.SYS so that the reference to HIMEM.SYS reads as follows:" in said
    assert "should read" not in said


def _rows(value: str) -> dict:
    return {
        "nodes": [
            {
                "id": "fix",
                "kind": "outcome",
                "title": "Fix",
                "steps": [
                    {"text": "On the Edit menu, click Add Value, and add the following value"},
                    {"text": f"Value Name: X500DN Data Type: REG_SZ Value: {value}"},
                ],
            }
        ]
    }


def test_value_row_ticked_alone_is_set() -> None:
    """A "Value Name: N Data Type: T Value: V" row ticked as its own step says to set N to
    V; a row whose value is only described is left as the article says it."""
    tree = _rows("/o={org}/ou={site}/cn=Microsoft MTA")
    value_rows_set(tree)
    assert tree["nodes"][0]["steps"][1]["text"] == (
        "Set the X500DN value (REG_SZ) to /o={org}/ou={site}/cn=Microsoft MTA."
    )
    tree = _rows("The IP address of the originating server, in dot notation")
    value_rows_set(tree)
    assert tree["nodes"][0]["steps"][1]["text"].startswith("Value Name: X500DN")


def test_documentation_correction_is_left_alone() -> None:
    """ "Page 478 The remarks for SETTEXTWINDOW should read:" is a correction to a book,
    not a setting: no "Edit" step is made of it."""
    body = (
        "SUMMARY\n=======\n\nThe following corrections apply to the Language Reference.\n\n"
        "MORE INFORMATION\n================\n\n"
        "Page 478 The remarks for Graphics subroutine SETTEXTWINDOW should read:\n\n"
        "     The window is cleared after it is set.\n\n"
    )
    said = " ".join(t for f in fixes(draft_tree(mskb(body))) for t in ticks(f))
    assert "Edit " not in said and "make sure" not in said
