"""A verify that fits the outcome (round 24, verify24): a symptom the fix leaves in place is
never checked gone, every form of the symptom is checked, and a check's lead reads right."""

from __future__ import annotations

import time
from functools import partial
from typing import Any

from cpu_budget import budget
from drafting_support import archive, fixes, support

from kbassist.drafting.tree import draft_text, draft_tree
from kbassist.drafting.verify_forms import also_forms
from kbassist.drafting.verify_stays import _phrased, _stays_check

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999924")


def checks_of(article: Any) -> list[list[dict[str, Any]]]:
    """Each fix outcome's verify items; the draft is lint-clean."""
    draft_text(article)  # lint-clean
    outcomes = fixes(draft_tree(article))
    assert outcomes
    return [o.get("verify", []) for o in outcomes]


def said(items: list[dict[str, Any]]) -> list[str]:
    return [" ".join(str(v["text"]).split()) for v in items]


def test_conceded_symptom_checks_what_the_step_lets_you_do() -> None:
    """ "Even though X is not shown, you can resize the box": check the resize, not X."""
    verify = checks_of(
        mskb(
            "SYMPTOMS\n========\n\nIn the Form Designer, an attempt to add a custom widget"
            " fails and a gray box\nappears instead of the visual representation of the"
            " widget.\n\nCAUSE\n=====\n\nThe designer supports only the location and caption of"
            " custom widgets.\n\nRESOLUTION\n==========\n\nEven though the designer does not"
            " display a visual representation of the\ncustom widget, you can change the size of"
            " the gray box to reflect the\nplacement of the widget in the form.\n"
        )
    )
    assert said(verify[0]) == [
        "Check that you can change the size of the gray box to reflect the placement of the"
        " widget in the form."
    ]


def test_missing_feature_gone_round_is_not_checked_as_working() -> None:
    """ "Because there is no property for X, call the API": check X that way, not the property."""
    verify = checks_of(
        mskb(
            "SYMPTOMS\n========\n\nWhen you set the Picker's LowDate property, any setting of"
            " the HighDate\nproperty is lost.\n\nRESOLUTION\n==========\n\nBecause there is no"
            " exposed method for setting LowDate and HighDate at the\nsame time, a direct call"
            " to the SendMessage API must be made.\n"
        )
    )
    texts = said(verify[0])
    assert not any("no longer" in t for t in texts)
    assert texts[0].startswith(
        "Check that setting LowDate and HighDate at the same time works when done by the"
        " steps above"
    )


def test_documentation_error_with_only_a_prohibition_has_no_symptom_check() -> None:
    """A wrong document worked round by "do not X": nothing to see gone, no verify."""
    verify = checks_of(
        mskb(
            "SYMPTOMS\n========\n\nWhen you look for how to customize the Contoso Analyzer"
            " database on the\nWeb site, you may be unable to find this information.\n\n"
            "CAUSE\n=====\n\nThis problem occurs because of documentation errors in the"
            " Contoso Analyzer\ntool. This information is incorrect.\n\nRESOLUTION\n==========\n\n"
            "To work around this problem, do not try to edit the database.\n"
        )
    )
    assert not any("no longer" in t for items in verify for t in said(items))


def test_second_form_of_the_symptom_is_checked_too() -> None:
    """ "X hangs in Setup. Even if Setup completes, X may hang at boot": both checked."""
    verify = checks_of(
        mskb(
            "SYMPTOMS\n========\n\nContoso servers stop responding during SCSI detection in"
            " Setup. Even if\nSetup completes successfully, Windows may hang during the boot"
            " process.\n\nRESOLUTION\n==========\n\n1. Update the SCSI driver.\n\n2. Set the"
            " cache mode to Write-through.\n"
        )
    )
    text = " ".join(said(verify[0]))
    assert "no longer stop responding during SCSI detection in Setup" in text
    assert "hang during the boot process" in text.split("SCSI detection in Setup", 1)[1]


def test_check_names_every_choice_it_was_drawn_from() -> None:
    """A hang or a distorted screen chosen: each walk checks the form it chose."""
    verify = checks_of(
        mskb(
            "SYMPTOMS\n========\n\nThe first time you start Contoso Racer, you may experience"
            " one or more of\nthe following symptoms:\n\n- The program may stop responding"
            " (hang).\n\n- The screen may become distorted.\n\nCAUSE\n=====\n\nThis behavior"
            " can occur if a Contoso 128 video adapter is installed.\n\nRESOLUTION\n"
            "==========\n\nDownload and install the latest video driver for your adapter.\n"
        )
    )
    texts = said(verify[0])
    assert "Check that the screen no longer becomes distorted." in texts
    assert all("when" in v for v in verify[0] if "no longer" in str(v["text"]))


def test_scope_lead_and_start_with_no_step_read_right() -> None:
    """ "On some devices, check ..." loses its lead; a start no step made is asked for."""
    verify = checks_of(
        support(
            "## Symptoms\n\nOn some Contoso devices, a TPM isn't recognized as a compatible"
            " device.\n\n## Resolution\n\nOpen Device Manager, and then uninstall the TPM"
            " driver.\n"
        )
    )
    assert not any(t.startswith("On some") for t in said(verify[0]))
    assert _phrased("Check that Contoso Licensing Service starts.", ["Start Registry Editor."]) == (
        "Start the Contoso Licensing Service, and check that it starts."
    )
    assert _phrased("Check that Contoso Licensing Service starts.", ["Restart the server."]) == (
        "Check that Contoso Licensing Service starts."
    )


def test_lead_naming_what_the_fix_takes_away_is_dropped() -> None:
    """ "When an app built with /NOX runs, check ..." over "Avoid /NOX": the change in place."""
    assert _phrased(
        "When an application compiled with /BIGADDR:NO is running, check that the system no"
        " longer spikes.",
        ["Avoid option /BIGADDR:NO while compiling the applications."],
    ) == ("With the change above in place, check that the system no longer spikes.")


def test_new_patterns_are_linear_on_hostile_text() -> None:
    """50 KB runs of spaces, commas, dashes and letters draft these checks in well under 50 ms."""
    for run in (" " * 50_000, ", " * 25_000, "-" * 50_000, "a" * 50_000, "[" * 50_000):
        text = f"Even though {run}, you can {run}"
        start = time.perf_counter()
        _stays_check([text, f"Because there is no {run} for {run},"], run)
        _phrased(f"When {run}, check that {run}", [f"Avoid {run}"])
        _phrased(f"On some {run}, check that {run}", [run])
        _phrased(f"Check that {run} starts.", [f"start {run}"])
        also_forms(f"Check that {run}.", f"A {run}. Even if {run}, it may hang.")
        assert time.perf_counter() - start < budget(0.05 * 5)
