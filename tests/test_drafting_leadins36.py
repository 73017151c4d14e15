"""Round 36 (leadins36): lead-ins and summaries are not ticked as steps of their own."""

from __future__ import annotations

from typing import Any

from kbassist.drafting.summary_leads import colon_lead, leads_shown, summary_leads

_SRC = {"article": "A", "section": "Workaround"}


def _tick(text: str, detail: str = "") -> dict[str, Any]:
    return {"text": text, **({"detail": detail} if detail else {}), "source": dict(_SRC)}


def _tree(outcome: dict[str, Any]) -> dict[str, Any]:
    question = {
        "id": "mitigation",
        "kind": "question",
        "title": "What did you find?",
        "choices": [{"value": "w", "label": outcome["title"], "next": "w"}],
    }
    return {"nodes": [question, {"id": "w", "kind": "outcome", **outcome}]}


def _texts(ticks: list[dict[str, Any]]) -> list[str]:
    return [t["text"] for t in ticks]


def test_verify_lead_in_heads_the_checks() -> None:
    """ "After the nodes return to a ready state, verify the changes:" is no tick: it heads
    the first check."""
    tree = _tree(
        {
            "title": "Switch the runtime",
            "steps": [_tick("Create the CR:", "$ oc create -f cr.yaml")],
            "verify": [
                _tick("After the nodes return to a ready state, verify the changes:"),
                _tick("Open an oc debug session to a node:", "$ oc debug node/x"),
                _tick("Check the container runtime:", "crio status config"),
            ],
        }
    )
    summary_leads(tree, "")
    verify = tree["nodes"][1]["verify"]
    assert _texts(verify) == ["Open an oc debug session to a node:", "Check the container runtime:"]
    assert verify[0]["detail"].startswith("After the nodes return to a ready state")
    assert verify[0]["detail"].endswith("$ oc debug node/x")


def test_heading_and_purpose_leads_not_ticked() -> None:
    """A heading ("SOUND DOES NOT PLAY AT ALL:") or a bare purpose ("To copy the disks:")
    is shown over the step after it, not ticked."""
    tree = _tree(
        {
            "title": "Audio problems",
            "steps": [
                _tick("SOUND DOES NOT PLAY AT ALL:"),
                _tick("Check the volume."),
                _tick("To copy the Visual FoxPro disks:"),
                _tick("Insert disk 1 in drive A."),
            ],
        }
    )
    leads_shown(tree)
    steps = tree["nodes"][1]["steps"]
    assert _texts(steps) == ["Check the volume.", "Insert disk 1 in drive A."]
    assert steps[0]["detail"] == "SOUND DOES NOT PLAY AT ALL:"
    assert steps[1]["detail"] == "To copy the Visual FoxPro disks:"


def test_action_and_condition_colons_stay_ticked() -> None:
    """Steps that do something before their colon, or ask a condition, keep their tick."""
    assert not colon_lead("Run the following command against the secondary replica:")
    assert not colon_lead("If the alert persists after upgrade:")
    assert not colon_lead("Scale Out with Multiple Active MDS:")
    assert not colon_lead("To remove the tasks, open a command prompt and run:")
    assert colon_lead("Windows 95:")


def test_last_lead_with_nothing_after_kept() -> None:
    """A lead with no step after it in its list is left as it was (never an empty fix)."""
    tree = _tree({"title": "Fix", "steps": [_tick("Restart."), _tick("To finish:")]})
    summary_leads(tree, "")
    assert _texts(tree["nodes"][1]["steps"]) == ["Restart.", "To finish:"]


_ARTICLE = """\
### Method 2

Set a registry key to exclude the files from file-level backups. These files can be ignored.

> [!IMPORTANT]
> Back up the registry before you modify it.

1. In Registry Editor, locate the FilesNotToBackup subkey.
2. Right-click FilesNotToBackup, and then click Multi-String Value.
3. Restart the server.

- SQL Server

    For a more permanent workaround, replace the query-generated statistics with the \
permanent statistics. Follow these steps:

    1. To find the table, run the following command against the primary replica:
"""


def test_summary_over_its_procedure_is_the_intro() -> None:
    """A method's summary sentence before its numbered steps is the outcome's intro, not a
    tick done before the steps that carry it out."""
    tree = _tree(
        {
            "title": "Method 2: Set a registry key to exclude the files from file-level backups",
            "steps": [
                _tick("Back up the registry before you change anything."),
                _tick(
                    "Set a registry key to exclude the files from file-level backups.",
                    "These files can be ignored.",
                ),
                _tick("In Registry Editor, locate the FilesNotToBackup subkey."),
                _tick("Right-click FilesNotToBackup, and then click Multi-String Value."),
                _tick("Restart the server."),
            ],
        }
    )
    summary_leads(tree, _ARTICLE)
    outcome = tree["nodes"][1]
    assert len(outcome["steps"]) == 4
    assert outcome["steps"][1]["text"].startswith("In Registry Editor")
    assert outcome["text"].startswith("Set a registry key to exclude the files")
    assert "These files can be ignored." in outcome["text"]


def test_cut_title_named_by_the_summary_action() -> None:
    """An outcome titled only by its summary's lead phrase ("For a more permanent
    workaround") is named, in the question too, by the summary's action."""
    tree = _tree(
        {
            "title": "For a more permanent workaround",
            "steps": [
                _tick(
                    "For a more permanent workaround, replace the query-generated statistics "
                    "with the permanent statistics."
                ),
                _tick("To find the table, run the following command:", "select 1"),
                _tick("Drop the statistics:", "DROP STATISTICS t.s"),
            ],
        }
    )
    summary_leads(tree, _ARTICLE)
    question, outcome = tree["nodes"]
    title = "Replace the query-generated statistics with the permanent statistics"
    assert outcome["title"] == title
    assert question["choices"][0]["label"] == title
    assert _texts(outcome["steps"])[0].startswith("To find the table")


def test_summary_said_again_by_next_step() -> None:
    """ "Remove JSON Patch annotations before upgrade." over "Remove a specific JSON Patch
    annotation:" and its command: the intro, the next step does it."""
    tree = _tree(
        {
            "title": "Fix",
            "steps": [
                _tick("Remove JSON Patch annotations before upgrade to avoid potential issues."),
                _tick("Remove a specific JSON Patch annotation from the CR:", "oc annotate hco x-"),
            ],
        }
    )
    summary_leads(tree, "")
    outcome = tree["nodes"][1]
    assert _texts(outcome["steps"]) == ["Remove a specific JSON Patch annotation from the CR:"]
    assert outcome["text"].startswith("Remove JSON Patch annotations before upgrade")


def test_first_step_not_in_article_lead_kept() -> None:
    """A first step that only names the outcome, but is no paragraph over a numbered list
    in the article, stays ticked."""
    tree = _tree(
        {
            "title": "Quit all running programs",
            "steps": [
                _tick("Quit all running programs."),
                _tick("Click Start, and then click Run."),
                _tick("Type sysedit, and then click OK."),
            ],
        }
    )
    summary_leads(tree, "1. Quit all running programs.\n2. Click Start, and then click Run.\n")
    assert len(tree["nodes"][1]["steps"]) == 3
    assert "text" not in tree["nodes"][1]
