"""Steps that are alternatives by version or OS ("For MS-DOS 6.22, use ...") asked, not
ticked in turn, and a roll back's "either of the following methods" said as a choice
(round 40, versions40)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drafting_support import draft_written, outcome_steps

from kbassist.drafting.undo_ways import either_undo

_ARTICLE = """\
## Q999401: Setup Requests Too Much Disk Space on a Compressed Drive

Article: Q999401
Product(s): Widget Setup

SYMPTOMS
========

Widget Setup asks for far more free disk space than it needs on a compressed drive.

CAUSE
=====

The estimated compression ratio of the drive is higher than the actual ratio.

RESOLUTION
==========

To resolve this issue, follow these steps:

1. Quit Widget Setup.
2. For MS-DOS 6.0 and 6.2, use MS-DOS DoubleSpace to set the compression ratio.
3. For MS-DOS 6.22, use MS-DOS DriveSpace to set the compression ratio.
4. Run Widget Setup again.
"""


_draft = draft_written
_steps = outcome_steps


def _version_questions(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        n
        for n in tree["nodes"]
        if n["kind"] == "question" and "differ by version" in n.get("text", "")
    ]


def test_version_prefixed_steps_ask_the_version(tmp_path: Path) -> None:
    """ "For MS-DOS 6.0 and 6.2, use X" / "For MS-DOS 6.22, use Y": the version is asked."""
    tree = _draft(tmp_path, _ARTICLE)
    asked = _version_questions(tree)
    assert len(asked) == 1
    assert asked[0]["title"] == "Which version of MS-DOS do you run?"
    labels = [c["label"] for c in asked[0]["choices"]]
    assert labels[:2] == ["MS-DOS 6.0 and 6.2", "MS-DOS 6.22"]
    var = asked[0]["var"]
    by_text = {s["text"]: s.get("when", "") for s in _steps(tree)}
    dos6 = next(w for t, w in by_text.items() if t.startswith("For MS-DOS 6.0"))
    dos622 = next(w for t, w in by_text.items() if t.startswith("For MS-DOS 6.22"))
    assert f'{var} == "case_1"' in dos6 and f'{var} == "case_2"' in dos622


def test_steps_around_the_versions_stay_shared(tmp_path: Path) -> None:
    """The steps before and after the per-version ones are everyone's: no condition."""
    tree = _draft(tmp_path, _ARTICLE)
    shared = [s for s in _steps(tree) if "Widget Setup" in s["text"]]
    assert len(shared) == 2
    assert not any(s.get("when") for s in shared)


def test_one_system_named_in_passing_is_not_asked(tmp_path: Path) -> None:
    """A single step for one system, or steps for the same system, ask nothing."""
    text = _ARTICLE.replace("For MS-DOS 6.22, use", "For MS-DOS 6.0 and 6.2, also use")
    tree = _draft(tmp_path, text)
    assert not _version_questions(tree)


def test_statements_by_version_are_not_asked(tmp_path: Path) -> None:
    """Steps that only state what each version does ("these files are on Disk 1") ask nothing."""
    text = _ARTICLE.replace(
        "use MS-DOS DoubleSpace to set the compression ratio", "the files are on Disk 3"
    ).replace("use MS-DOS DriveSpace to set the compression ratio", "the files are on Disk 1")
    tree = _draft(tmp_path, text)
    assert not _version_questions(tree)


def test_a_step_for_every_version_ends_the_alternatives(tmp_path: Path) -> None:
    """ "For Exchange 4.0, 5.0, and 5.5, run X" after the per-version steps stays shared."""
    text = _ARTICLE.replace(
        "4. Run Widget Setup again.",
        "4. For MS-DOS 6.0, 6.2, and 6.22, run SCANDISK to check the drive.\n"
        "5. Run Widget Setup again.",
    )
    tree = _draft(tmp_path, text)
    assert len(_version_questions(tree)) == 1
    every = next(s for s in _steps(tree) if "SCANDISK" in s["text"])
    assert not every.get("when")


_SECTION = """\
In either version, you can disable the fix by using either of the following methods:

- Start Registry Editor, locate the Widget entry, and then change the value to 0.

- Delete the registry entry. To do this, run the following command:

    reg delete HKLM\\Widget /f
"""


def test_roll_back_alternatives_are_marked_as_a_choice() -> None:
    """A roll back's "either of the following methods:" says one way is enough and marks
    where each way starts, rather than ticking both ways in turn."""
    undo = [
        "In either version, disable the fix by using either of the following methods:",
        "Start Registry Editor.",
        "Locate the Widget entry.",
        "Change the value to 0.",
        "Delete the registry entry.",
    ]
    out = either_undo(undo, _SECTION)
    assert out[0] == "In either version, disable the fix (one of these ways is enough):"
    assert out[1] == "Either: Start Registry Editor."
    assert out[2:4] == ["Locate the Widget entry.", "Change the value to 0."]
    assert out[4] == "Or, instead: Delete the registry entry."


def test_roll_back_sequence_is_left_alone() -> None:
    """A roll back without an offer of alternatives is kept as the article's sequence."""
    undo = ["Start Registry Editor.", "Delete the Widget entry.", "Restart the computer."]
    assert either_undo(undo, _SECTION) == undo
