"""Round 35 (ticks35): expected effects, meanings, explanations and lead-ins not ticked."""

from __future__ import annotations

import time
from typing import Any

from kbassist.drafting.effect_ticks import (
    effect_tick,
    effect_ticks,
    explained_parts,
    means_tick,
    ticked_explanation,
)


def _fix(*steps: dict[str, Any], text: str = "") -> dict[str, Any]:
    node: dict[str, Any] = {"id": "resolution_1", "kind": "outcome", "steps": list(steps)}
    if text:
        node["text"] = text
    return {"nodes": [node]}


def test_expected_effect_last_becomes_the_check() -> None:
    """ "After the printer restarts, the problem should be resolved." is checked, not ticked."""
    tree = _fix(
        {"text": "Turn the printer off, and then turn it back on."},
        {
            "text": "After the printer restarts, the problem should be resolved.",
            "detail": "Note: You can also wait an hour and try again.",
        },
    )
    effect_ticks(tree)
    node = tree["nodes"][0]
    assert [s["text"] for s in node["steps"]] == ["Turn the printer off, and then turn it back on."]
    assert "wait an hour" in node["steps"][0]["detail"]
    assert node["verify"][0]["text"].endswith("the problem should be resolved.")


def test_explanation_tick_is_the_note_of_the_step_before() -> None:
    """ "You cannot repair the cached profile. ..." is shown under "Delete the profile"."""
    tree = _fix(
        {"text": "Delete the cached profile."},
        {
            "text": "You cannot repair the cached profile. When the client starts, it "
            "overwrites the log file."
        },
        {"text": "Restart the client."},
    )
    effect_ticks(tree)
    steps = tree["nodes"][0]["steps"]
    assert [s["text"] for s in steps] == ["Delete the cached profile.", "Restart the client."]
    assert steps[0]["detail"].startswith("You cannot repair")


def test_meaning_and_reasoned_advice() -> None:
    """A finding's meaning is a note; "It's common ... Therefore, a good first step is to
    check X." ticks "Check X."."""
    tree = _fix(
        {"text": "Open the Winlogon registry key."},
        {
            "text": "If the Shell value is anything other than Explorer.exe, it probably "
            "means that another program changed it."
        },
        {
            "text": "It's very common for kiosk software to replace the shell. Therefore, a "
            "good first step is to check the Shell value."
        },
    )
    effect_ticks(tree)
    steps = tree["nodes"][0]["steps"]
    assert [s["text"] for s in steps] == [
        "Open the Winlogon registry key.",
        "Check the Shell value.",
    ]
    assert "it probably means" in steps[0]["detail"]
    assert steps[1]["detail"].startswith("It's very common")


def test_lead_in_over_its_steps_is_the_fix_text() -> None:
    """ "To work around this, disable X" over "To do this, change ...:" is the fix's text."""
    tree = _fix(
        {
            "text": "To work around this problem, disable the Floppy service.",
            "detail": "To do this, change the value of the following registry subkey to 4:",
        },
        {"text": "Back up the registry."},
        {"text": "Set the Start value under HKLM\\SYSTEM\\Services\\flpydisk to 4."},
        text="Important: back up the registry.",
    )
    effect_ticks(tree)
    node = tree["nodes"][0]
    assert node["steps"][0]["text"] == "Back up the registry."
    assert "disable the Floppy service" in node["text"]


def test_actions_stay_ticked() -> None:
    """Imperatives and "you must" sentences are never read as explanations or effects."""
    for text in (
        "Restart the computer so that the problem is resolved.",
        "If the value is missing, create it.",
        "You can't skip this step; you must restart the server.",
        "Because the disk layout has changed, it is recommended that you create a new repair disk.",
    ):
        assert not ticked_explanation(text), text
    assert effect_tick("This should resolve the issue.")
    assert means_tick("If the key exists, it means the add-in is installed.")
    assert explained_parts("Restart it. It's common for X to fail.") is None


def test_patterns_linear_on_hostile_text() -> None:
    """20 KB of hostile text is read in well under a second."""
    hostile = ("If a, " * 1700) + "it means " + "x " * 2000
    start = time.perf_counter()
    for text in (hostile, "When " + "a" * 20000, "It's very common for " + "a, " * 7000):
        ticked_explanation(text)
        effect_ticks(_fix({"text": "Do it."}, {"text": text}))
    assert time.perf_counter() - start < 1.0
