"""Round 32 (prosefix32): fixes an MS KB article says in prose, not as steps."""

from __future__ import annotations

import time

from drafting_support import archive, fixes

from kbassist.drafting.prose_fixes import _ALT_PARA_RE, _AVAILABLE_RE, _FIXED_RE
from kbassist.drafting.tree import draft_tree

_SYMPTOM = (
    "SYMPTOMS\n========\n\nThe file server stops accepting connections and logs event 2020."
    "\n\nCAUSE\n=====\n\nThe filter driver of the virus scanner leaks paged pool memory.\n\n"
)


def _steps(body: str) -> list[list[str]]:
    return [[s["text"] for s in f["steps"]] for f in fixes(draft_tree(archive(body)))]


def test_a_fix_said_to_be_in_a_release_is_installed_not_told() -> None:
    """ "Addressed in release 4.2.7 of the Filter driver ... can be obtained from <url>"
    is a tick that installs that release or later from the address, not information."""
    steps = _steps(
        _SYMPTOM + "RESOLUTION\n==========\n\nThis issue has been addressed in release 4.2.7 "
        "of the Filter driver. The latest Filter driver can be obtained from:\n\n"
        "  http://www.example.com/support/filter.html\n"
    )
    flat = [t for fix in steps for t in fix]
    url = "http://www.example.com/support/filter.html"
    assert f"Install Filter driver 4.2.7 or later (from {url})." in flat
    assert not any(t.startswith("Tell the user") for t in flat)


def test_an_update_available_from_a_vendor_is_obtained_then_installed() -> None:
    """ "An updated X.DRV, which corrects this problem, is available from the vendor" is
    obtained from there, then installed."""
    steps = _steps(
        _SYMPTOM + "RESOLUTION\n==========\n\nAn updated version of SCAN.DRV, which corrects "
        "this problem, is available from Contoso Technical Support.\n"
    )
    flat = [t for fix in steps for t in fix]
    assert "Obtain the updated version of SCAN.DRV from Contoso Technical Support." in flat
    assert any(t.startswith("Install the updated version of SCAN.DRV") for t in flat)


def test_a_fix_promised_for_a_future_release_stays_information() -> None:
    """ "This problem will be fixed in a future release" names nothing to install."""
    steps = _steps(
        _SYMPTOM + "RESOLUTION\n==========\n\nThis problem has been fixed in a future release "
        "of the Filter driver.\n"
    )
    assert not any(t.startswith(("Install", "Obtain")) for fix in steps for t in fix)


def test_an_alternative_paragraph_is_a_choice_not_the_next_tick() -> None:
    """ "Also, instead of using message boxes, you could use the TRACE macros ..." after a
    fix's step is a fix of its own, never ticked after the first."""
    steps = _steps(
        "SYMPTOMS\n========\n\nMessage boxes shown in ExitInstance never appear.\n\n"
        "CAUSE\n=====\n\nThe main window is destroyed before ExitInstance runs.\n\n"
        "RESOLUTION\n==========\n\nTo work around this problem, remove the line in the "
        "InitInstance function that assigns the main window as follows:\n\n"
        "    // m_pMainWnd = &dlg;\n\n"
        "Also, and instead of using message boxes, you could use the TRACE macros to write "
        "information to the debug output window.\n"
    )
    assert len(steps) == 2
    assert not any("TRACE" in t for t in steps[0])
    assert steps[1][0].startswith("Instead of using message boxes, use the TRACE macros")


def test_a_next_step_said_with_instead_stays_in_turn() -> None:
    """ "Instead of X, you can Y. Once you do that, ..." goes on with the same fix."""
    steps = _steps(
        _SYMPTOM + "RESOLUTION\n==========\n\nCopy Fixed.h from the CD to your project folder."
        "\n\nInstead of including Old.h in your project, you can include Fixed.h. Once you do "
        "that, rebuild the project.\n"
    )
    assert len(steps) == 1


def test_a_release_date_alone_is_no_fix() -> None:
    """ "Release Date: August 23, 2001" left after the download it dates is no fix of its
    own: the walk offers no "Resolution: Release Date" choice."""
    tree = draft_tree(
        archive(
            _SYMPTOM + "RESOLUTION\n==========\n\nTo resolve this problem, contact Microsoft "
            "Product Support Services to obtain the fix.\n\nThe following file is available for "
            "download from the Microsoft Download Center:\n\n  DownloadDownload Q999999i.exe now"
            "\n  (http://www.example.com/q999999/default.asp)\n\nRelease Date: August 23, 2001\n\n"
            "Microsoft used the most current virus detection software available on the date of "
            "posting to scan this file for viruses.\n"
        )
    )
    titles = [f.get("title", "") for f in fixes(tree)]
    assert titles and not any("Release Date" in t for t in titles)


def test_the_prose_fix_patterns_are_linear_on_hostile_text() -> None:
    """Each new pattern reads a hostile 20 KB string quickly (no backtracking blow-up)."""
    hostile = [
        "This problem " + "a " * 10000,
        "the " + "x, " * 7000,
        "Instead of " + "a" * 20000,
        "An update " * 2000 + "is available",
    ]
    for pattern in (_FIXED_RE, _AVAILABLE_RE, _ALT_PARA_RE):
        for text in hostile:
            start = time.perf_counter()
            pattern.match(text)
            assert time.perf_counter() - start < 0.5
