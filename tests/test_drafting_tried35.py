"""Methods tried in order and procedures per system (round 34, tried35; the seed-94
readers' Q77635, Q287923, CephOSDVersionMismatch and CDIDataImportCronOutdated notes): a
lead that says to try methods in order chains them by "Still failing?" questions, a
fix's "Windows 95:" / "Windows 98:" steps ask which version, and "If nothing found, do Y"
or "If the issue does not resolve itself, do Y" follows a checkpoint."""

from __future__ import annotations

import re
import time
from functools import partial

from drafting_support import archive, fixes, questions, runbook, ticks

from kbassist.drafting.fallback_ticks import _FALLBACK_RE, fallback
from kbassist.drafting.os_steps import _system_name
from kbassist.drafting.tree import draft_text, draft_tree
from kbassist.drafting.tried_leads import _TRIED_LEAD_RE, tried_lead

mskb = partial(archive, id_="Q999935")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you start the Flight Planner program, it stops responding\n"
    "at the title screen.\n\n"
)
CAUSE = "CAUSE\n=====\n\nThe display driver or the memory settings do not suit the program.\n\n"
#: Two listed causes: "use the following methods in the order ..." then tries a method each.
CAUSES = (
    "CAUSE\n=====\n\nThis behavior can occur if either of the following conditions is true:\n\n"
    "- The sound card and the display adapter use the same IRQ.\n\n"
    "- The display driver is outdated or there is too little free memory.\n\n"
)

TRIED = mskb(
    SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
    "Complete the following procedures in order. If the first procedure doesn't solve\n"
    "the problem, move on to the next one.\n\n"
    "Step 1. Freeing Conventional Memory\n-----------------------------------\n\n"
    "1. Open the CONFIG.SYS file in a text editor.\n\n"
    "2. Remove the DEVICE line for the scanner driver.\n\n"
    "3. Save the file and restart the computer.\n\n"
    "Step 2: Updating the Display Driver\n-----------------------------------\n\n"
    "1. Click Start, point to Settings, and then click Control Panel.\n\n"
    "2. Double-click Display, and then click the Settings tab.\n\n"
    "3. Click Change Display Type, and then install the latest driver.\n"
)


def test_procedures_a_lead_says_to_try_in_order_are_chained() -> None:
    """ "If the first procedure doesn't solve the problem, move on to the next one" over
    "Step 1." / "Step 2:" parts: two outcomes reached by "Still failing after ... 1?", not
    one checklist of both, each named by its heading without its number."""
    tree = draft_tree(TRIED)
    first, second = fixes(tree)
    assert first["title"] == "Freeing Conventional Memory"
    assert second["title"] == "Updating the Display Driver"
    (chain,) = [q for q in questions(tree) if q["title"].startswith("Still failing after")]
    assert "Freeing Conventional Memory" in chain["title"]
    goes = {c["value"]: c["next"] for c in chain["choices"]}
    assert goes == {"no": first["id"], "yes": second["id"]}
    assert not any("Display" in t for t in ticks(first))
    draft_text(TRIED)  # lint-clean


def test_steps_done_in_order_stay_one_checklist() -> None:
    """ "Complete the following procedures in order." alone orders stages that are all
    done: one outcome, no chain question."""
    art = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Complete the following procedures in order.\n\n"
        "Step 1. Freeing Conventional Memory\n-----------------------------------\n\n"
        "1. Open the CONFIG.SYS file in a text editor.\n\n"
        "2. Remove the DEVICE line for the scanner driver.\n\n"
        "Step 2: Updating the Display Driver\n-----------------------------------\n\n"
        "1. Click Start, point to Settings, and then click Control Panel.\n\n"
        "2. Double-click Display, and then install the latest driver.\n"
    )
    tree = draft_tree(art)
    assert len(fixes(tree)) == 1
    assert not any(q["title"].startswith("Still failing") for q in questions(tree))
    # "use the following methods in the order ..." over one procedure's stages, one cause
    staged = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To work around this issue, use the following methods in the order in which they\n"
        "are presented.\n\n"
        "Remove the Planner\n------------------\n\n"
        "1. Click Start, point to Settings, and then click Control Panel.\n\n"
        "2. Double-click Add/Remove Programs, click Flight Planner, and then click Remove.\n\n"
        "Reinstall the Planner\n---------------------\n\n"
        "1. Insert the Flight Planner CD-ROM into the CD-ROM drive.\n\n"
        "2. Run Setup.exe from the CD-ROM, and then follow the instructions on the screen.\n"
    )
    tree = draft_tree(staged)
    assert len(fixes(tree)) == 1
    assert not any(q["title"].startswith("Still failing") for q in questions(tree))


PER_OS = mskb(
    SYMPTOMS + CAUSES + "RESOLUTION\n==========\n\n"
    "To resolve this issue, use the following methods in the order in which they are\n"
    "presented.\n\n"
    "Resolve the IRQ Conflict\n------------------------\n\n"
    "To determine if the sound card shares an IRQ with the display adapter, use the\n"
    "appropriate method for your version of Windows.\n\n"
    "Windows 95:\n\n"
    "1. Right-click My Computer, and then click Properties.\n\n"
    "2. Click the Device Manager tab, and then double-click Computer.\n\n"
    "3. Note if more than one device uses the same IRQ.\n\n"
    "Microsoft Windows 98, Microsoft Windows Millennium Edition (Me), or Microsoft\n"
    "Windows 2000:\n\n"
    "1. Click Start, click Run, type msinfo32, and then click OK.\n\n"
    "2. Click Hardware Resources, and then click Conflicts/Sharing.\n\n"
    "Update the Display Driver\n-------------------------\n\n"
    "1. Click Start, point to Settings, and then click Control Panel.\n\n"
    "2. Double-click Display, and then install the latest driver.\n"
)


def test_per_system_steps_ask_which_version_and_never_tick_its_name() -> None:
    """ "Windows 95:" and "Windows 98, ... Windows 2000:" over their own steps: "Which
    version of Windows do you run?" with both names, each procedure only for its
    answer, and no system name ticked as a step."""
    tree = draft_tree(PER_OS)
    (asked,) = [q for q in questions(tree) if q["title"].startswith("Which version")]
    labels = [c["label"] for c in asked["choices"]]
    assert labels[0] == "Windows 95"
    assert labels[1].startswith("Microsoft Windows 98")
    fix = fixes(tree)[0]
    assert not any(t.endswith(":") and "Windows" in t for t in ticks(fix))
    msinfo = next(s for s in fix["steps"] if "msinfo32" in s["text"])
    device = next(s for s in fix["steps"] if "Device Manager" in s["text"])
    assert 'case_2"' in msinfo["when"] and 'case_1"' in device["when"]
    draft_text(PER_OS)  # lint-clean


def test_a_step_ending_in_a_colon_is_no_system() -> None:
    """ "Type the following:" or "Locate the following section:" name no system."""
    assert _system_name("Type the following:") == ""
    assert _system_name("Locate the [boot] section:") == ""
    assert _system_name("Windows for Workgroups version 3.11:")


ESCALATION = runbook(
    "## Meaning\n\nThe storage daemons run different versions after an upgrade.\n\n"
    "## Diagnosis\n\nCheck the daemon versions:\n\n"
    "```bash\noc get pods -n storage -l app=daemon -o wide\n```\n\n"
    "## Mitigation\n\n"
    "Check the operator logs for an error about the upgrade:\n\n"
    "```bash\noc logs -n storage deployment/storage-operator\n```\n\n"
    "If nothing found, verify the [operator state](helpers/checkOperator.md)\n\n"
    "If the operator does not present any problem,\n"
    "see [general diagnosis document](helpers/diagnosis.md)\n"
)


def test_escalation_steps_tried_in_turn_get_checkpoints() -> None:
    """ "If nothing found, verify X" / "If the operator does not present any problem, see
    Y": each a checkpoint ("..., go on with the next step; otherwise stop here.") before
    its own action, not one tick with the others under it."""
    tree = draft_tree(ESCALATION)
    shown = [t for f in fixes(tree) for t in ticks(f)]
    at = shown.index("If nothing found, go on with the next step; otherwise stop here.")
    assert shown[at + 1].startswith("Verify the operator state")
    later = "If the operator does not present any problem, go on with the next step; otherwise"
    assert any(t.startswith(later) for t in shown)
    assert any(t.startswith("See general diagnosis document") for t in shown)
    draft_text(ESCALATION)  # lint-clean


def test_a_mitigation_for_when_the_one_before_failed_follows_it() -> None:
    """Mitigation 2 "If the issue does not resolve itself, or, if X, you must delete Y"
    follows mitigation 1 after a checkpoint, never a finding offered beside it."""
    art = runbook(
        "## Meaning\n\nThe import job cannot poll the latest disk images.\n\n"
        "## Diagnosis\n\nCheck for a default storage class:\n\n"
        "```bash\noc get sc\n```\n\n"
        "## Mitigation\n\n"
        "1. Set a default storage class on the cluster. The importer should resolve the\n"
        "issue within a few seconds.\n\n"
        "2. If the issue does not resolve itself, or, if you have changed the default\n"
        "storage class, you must delete the existing boot sources in the namespace.\n"
    )
    tree = draft_tree(art)
    assert not any("does not resolve itself" in str(f["title"]) for f in fixes(tree))
    (fix,) = [f for f in fixes(tree) if any("default storage class" in t for t in ticks(f))]
    shown = ticks(fix)
    at = next(n for n, t in enumerate(shown) if t.startswith("If the issue does not resolve"))
    assert shown[at].endswith("go on with the next step; otherwise stop here.")
    assert shown[at + 1].startswith("Delete the existing boot sources")
    draft_text(art)  # lint-clean


def test_a_case_is_no_checkpoint() -> None:
    """ "If you use NTFS, ..." is a case to ask, "If you cannot resolve the issue, open a
    support case" the exit: neither is split into a checkpoint."""
    assert fallback("If you use NTFS, run the Convert command.") is None
    assert fallback("If you cannot resolve the issue, open a support case.") is None
    assert fallback("If the problem persists, restart the computer.") == (
        "the problem persists",
        "Restart the computer.",
    )


def test_new_patterns_are_linear_on_hostile_text() -> None:
    """The lead, system and fallback patterns take well under a second on 20 KB of text
    built to make a backtracking pattern explode."""
    hostile = [
        "if the " + "problem " * 2500 + "x",
        "If the " + "a " * 10000,
        "use the following " + "methods " * 2500,
        "Windows " + "(Me) " * 4000 + ":",
    ]
    start = time.perf_counter()
    for text in hostile:
        _FALLBACK_RE.match(text)
        _TRIED_LEAD_RE.search(text)
        tried_lead(text)
        fallback(text)
        _system_name(text[:200])
        re.sub(r"\s", " ", text)
    assert time.perf_counter() - start < 1.0


def test_things_to_try_are_ticked_one_at_a_time_with_checkpoints() -> None:
    """A method's "To free more memory, try the following:" over three bullets: each
    bullet its own tick, a "If the problem persists, go on ..." checkpoint between two,
    never the whole list in one tick's note."""
    art = mskb(
        SYMPTOMS + CAUSES + "RESOLUTION\n==========\n\n"
        "Use the following methods in the order in which they are presented.\n\n"
        "Freeing Extended Memory\n-----------------------\n\n"
        "The planner needs at least 2 MB of free extended memory. To free more memory,\n"
        "try the following:\n\n"
        "- Remove the DEVICE line for the RAM disk from the CONFIG.SYS file.\n\n"
        "- Reduce the SMARTDrive cache size in the AUTOEXEC.BAT file.\n\n"
        "- Quit other programs before you start the planner.\n\n"
        "Updating the Display Driver\n---------------------------\n\n"
        "1. Click Start, point to Settings, and then click Control Panel.\n\n"
        "2. Double-click Display, and then install the latest driver.\n"
    )
    tree = draft_tree(art)
    first = fixes(tree)[0]
    shown = ticks(first)
    at = next(n for n, t in enumerate(shown) if t.startswith("Remove the DEVICE line"))
    assert (
        shown[at + 1] == "If the problem persists, go on with the next step; otherwise stop here."
    )
    assert shown[at + 2].startswith("Reduce the SMARTDrive cache size")
    assert shown[-1].startswith("Quit other programs")
    draft_text(art)  # lint-clean


def test_a_fallback_said_in_a_steps_note_becomes_its_own_checkpoint_and_step() -> None:
    """A step's note that ends "If the issue persists after taking the above actions,
    please contact support." is split off: a checkpoint, then "Contact support." ticked."""
    from kbassist.drafting.fallback_ticks import fallback_steps

    step = {
        "text": "Restart the metadata server pod.",
        "detail": "The pod is recreated by the operator.\n\nIf the issue persists after taking "
        "the above actions, please contact support.",
        "source": {"article": "TestAlert", "section": "Mitigation"},
    }
    tree = {"nodes": [{"id": "mitigation_1", "kind": "outcome", "steps": [step]}]}
    fallback_steps(tree)
    shown = [s["text"] for s in tree["nodes"][0]["steps"]]
    assert shown == [
        "Restart the metadata server pod.",
        "If the issue persists after taking the above actions, go on with the next step;"
        " otherwise stop here.",
        "Contact support.",
    ]
    assert tree["nodes"][0]["steps"][0]["detail"] == "The pod is recreated by the operator."
