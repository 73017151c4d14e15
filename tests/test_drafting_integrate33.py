"""Round 33 integration: what the merged branches left to the integrator."""

from __future__ import annotations

from drafting_support import archive, walked

_BY_DESIGN = (
    "SYMPTOMS\n========\n\n{symptom}\n\n"
    "RESOLUTION\n==========\n\n{fix}\n\n"
    "STATUS\n======\n\nThis behavior is by design.\n"
)


def test_a_by_design_behavior_worked_round_says_so_not_that_no_fix_exists() -> None:
    """A by-design behavior whose RESOLUTION works round it is not told "the article gives
    no fix": the verify says the behavior is by design and stays."""
    art = archive(
        _BY_DESIGN.format(
            symptom="Issuing the SET PRINTER ON PROMPT command twice in a row does not "
            "display the printer dialog box the second time.",
            fix="Issue the SET PRINTER TO command between the two commands.",
        ),
        id_="Q999636",
        product="Microsoft FoxPro",
    )
    verify = [i.text for i in walked(art, {"symptom": "yes"}).part("verify")]
    assert "by design" in verify[0]
    assert "gives no fix" not in verify[0]


def test_a_by_design_error_a_resolution_removes_is_checked_gone() -> None:
    """An error message the RESOLUTION removes is still checked gone, in the article's own
    words, though STATUS calls the behavior by design (the steps are the answer)."""
    art = archive(
        _BY_DESIGN.format(
            symptom='When you open the report, you receive the error message "Cannot find '
            'REPORT.DLL".',
            fix="Copy REPORT.DLL to the program folder.",
        ),
        id_="Q999637",
        product="Microsoft Access",
    )
    verify = [i.text for i in walked(art, {"symptom": "yes"}).part("verify")]
    assert "Cannot find REPORT.DLL" in verify[0]
    assert "no longer" in verify[0]
