"""Round 33 integration: what the merged branches left to the integrator."""

from __future__ import annotations

from drafting_support import archive, walked

from kbassist.drafting.labels import fixes_question

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


def test_a_case_said_of_every_workaround_is_no_when_to_choose() -> None:
    """A case the article says once over three workarounds ("If your client application is
    hosted through Web Apps, only Method 2 works.") is not given as each one's "when to
    choose": it would tell the admin on Web Apps to pick Method 1 too."""
    case = "If your client application is hosted through Web Apps, only Method 2 works."
    options = [
        ("Install the security update", "Resolution", "fix", "Install it.", "Install it."),
        *(
            (label, "Workaround", "workaround", case, f"{case} {label}.")
            for label in (
                "Do not upgrade the client",
                "Method 1: Roll back the framework",
                "Method 2: Turn off key caching",
            )
        ),
    ]
    _, _, notes = fixes_question(options, "The article gives a fix and a workaround.")
    assert len(notes) == 3  # each workaround still says it works round the problem
    assert not any("Web Apps" in note for note in notes)
