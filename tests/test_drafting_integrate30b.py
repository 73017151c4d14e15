"""Round 30 integration: a how-to's verify quotes the effect the article states, or none."""

from __future__ import annotations

from pathlib import Path

from kbassist.articles import load_article
from kbassist.drafting.goal_verify import fitted_verify
from kbassist.drafting.tree import draft_tree


def _howto_verify(said: str) -> str:
    return fitted_verify(f"Check that the problem no longer occurs: {said}", "howto", "", "", False)


def test_a_howto_verify_quotes_what_the_reader_can_do_not_the_first_sentence() -> None:
    """ "Adding WS_THICKFRAME allows a window to be re-sized. By removing it, you can prevent
    this window from being resized.": the check is the second sentence, what the steps do."""
    got = _howto_verify(
        "Adding the WS_THICKFRAME windows style allows a window to be re-sized. By removing "
        "this from the Mainframe window's styles, you can prevent this window from being resized."
    )
    assert "you can prevent this window from being resized" in got
    assert "allows a window to be re-sized" not in got


def test_a_howto_verify_never_quotes_a_sentence_that_states_no_effect() -> None:
    """ "The Missile Command scenario is a nightmare." is no result to check: the verify
    asks that the steps did what the article says they are for, quoting nothing."""
    got = _howto_verify("The Missile Command scenario is a nightmare.")
    assert "nightmare" not in got and "no longer occurs" not in got
    assert got.startswith("Check that the steps above")


def test_a_link_text_that_looks_like_a_path_is_not_said_beside_this_page(tmp_path: Path) -> None:
    """ "moved: alerts/x/KubeAPIDown.md (https://github.com/...)": the text names another
    folder's page by its URL, so it is never said to be "beside this page"."""
    folder = tmp_path / "cluster-monitoring-operator"
    folder.mkdir()
    page = folder / "KubeAPIDown.md"
    page.write_text(
        "# KubeAPIDown\n\nThis alert has been moved to [alerts/kube-apiserver/KubeAPIDown.md]"
        "(https://github.com/openshift/runbooks/blob/master/alerts/kube-apiserver/"
        "KubeAPIDown.md)\n",
        encoding="utf-8",
    )
    shown = str(draft_tree(load_article(page))["nodes"])
    assert "KubeAPIDown.md (https://github.com" in shown
    assert "beside this page" not in shown


def test_a_bare_condition_over_steps_is_a_check_not_an_empty_tick() -> None:
    """ "If the alert persists after upgrade:" over the steps it gates is ticked as the
    check it asks for, so the admin knows when to go on; the steps after it stay."""
    from drafting_support import fixes, runbook

    art = runbook(
        "## Meaning\n\nCeph Mon pods run different versions.\n\n## Mitigation\n\n"
        "Usually the problem is solved when the upgrade has finished.\n\n"
        "If the alert persists after upgrade:\n\n"
        "Verify the connectivity between monitors is working properly.\n\n"
        "Verify the operator events and logs to find the error.\n",
        id_="CephMonVersionMismatch",
    )
    texts = [s["text"] for f in fixes(draft_tree(art)) for s in f["steps"]]
    assert "If the alert persists after upgrade:" not in texts
    gate = texts.index(
        "Check whether the alert persists after upgrade; if so, go on with the steps below."
    )
    assert texts[gate + 1].startswith("Verify the connectivity between monitors")


def test_a_condition_with_its_own_action_is_left_as_written() -> None:
    """ "If the sounds still do not play, check that the codec is enabled:" acts itself."""
    from kbassist.drafting.tick_kinds import condition_lead

    assert condition_lead("If you are running SNA Server 2.x:") == "you are running SNA Server 2.x"
    assert not condition_lead("If the sounds still do not play, check the codec as follows:")


def test_either_of_the_following_situations_are_alternatives_not_a_scenario() -> None:
    """ "This problem can occur in either of the following situations:" lists cases the
    admin may be in, one or the other: they are asked, unlike "Consider the following
    scenario:" whose conditions all hold (seed-84 readers, both preferred the choices)."""
    from kbassist.drafting.symptom_leads import scenario_lead

    assert not scenario_lead("This problem can occur in either of the following situations:")
    assert scenario_lead("Consider the following scenario:")
    assert scenario_lead("This problem occurs under the following circumstances:")
    assert scenario_lead("PCM does not show it until one of the following two situations occurs:")


def test_a_release_date_is_the_download_steps_note_never_a_tick() -> None:
    """ "Release Date: May-22-1995" under a download is no action: alone it becomes the
    download it dates ("Download Gm1170.exe from the Microsoft Download Center."), after a
    step it is that step's note."""
    from drafting_support import archive, fixes

    art = archive(
        "SYMPTOMS\n========\n\nThe golf game stops responding when you putt.\n\n"
        "RESOLUTION\n==========\n\nAn updated Glfani32.dll file is available that corrects "
        "this problem.\n\nThe following file is available for download from the Microsoft "
        "Download Center:\n\n  Gm1170.exe\n  (http://download.microsoft.com/download/Gm1170.exe)"
        "\n\nRelease Date: May-22-1995\n"
    )
    steps = [s for f in fixes(draft_tree(art)) for s in f["steps"]]
    texts = [s["text"] for s in steps]
    assert not any(t.startswith("Release Date") for t in texts)
    assert "Download Gm1170.exe from the Microsoft Download Center." in texts
    assert any("Release Date: May-22-1995" in str(s.get("detail", "")) for s in steps)
