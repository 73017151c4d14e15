"""Checklist items that are real actions, one per action (issue 13, round 9): statements
in a run of sentences shown under the step they qualify, notes and colon lead-ins not
ticked, a command after "by typing the following:" kept with its step, and sentences
never cut inside parentheses."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, runbook, support, walked

from kbassist.drafting.steps import final_steps
from kbassist.drafting.text import split_detail, split_sentences
from kbassist.trees.checklist import Checklist

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999131", indent=False)


def steps(checklist: Checklist) -> list[tuple[str, str]]:
    return [(i.text, i.detail or "") for i in checklist.part("steps")]


def test_a_statement_between_two_actions_is_shown_under_the_first() -> None:
    """ "Choose Close. The computer will rebind ... Allow the computer to restart." is two
    ticks, the statement shown (not ticked) under the first."""
    art = mskb(
        "SYMPTOMS\n========\n\nA service fails to start.\n\n"
        "RESOLUTION\n==========\n\nWhen the component has been added, choose Close. The "
        "computer will go through its rebinding and you will be prompted to enter the relay "
        "configuration. Allow the computer to restart.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert [t for t, _ in got] == [
        "When the component has been added, choose Close.",
        "Allow the computer to restart.",
    ]
    assert "The computer will go through its rebinding" in got[0][1]


def test_a_note_glued_to_a_step_is_shown_not_ticked() -> None:
    """ "... open a support case. Note: Starting from 4.14, ..." keeps the note out of the
    ticked text, shown under the step."""
    art = runbook(
        "## Meaning\n\nThe operator is down.\n\n## Mitigation\n\n"
        "Check the operator logs for errors. If you cannot resolve the issue, open a support "
        "case. Note: Starting from 4.14, this runbook will no longer be supported.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert all("Note:" not in text for text, _ in got)
    assert any("Note: Starting from 4.14" in detail for _, detail in got)
    assert got[-1][0].endswith("open a support case.")


def test_a_statement_after_an_action_is_its_detail() -> None:
    """ "Using the console, go to Storage systems. A list of the systems will be visible."
    ticks only the action; what the reader will see is shown under it."""
    art = runbook(
        "## Meaning\n\nThe storage cluster is nearly full.\n\n## Mitigation\n\n"
        "Using the console, go to Storage systems. A list of the available storage systems "
        "with their raw capacity and used capacity will be visible. The command ceph health "
        "provides also information about cluster storage capacity.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert got[0][0] == "Using the console, go to Storage systems."
    assert "will be visible" in got[0][1] and "ceph health" in got[0][1]


def test_statements_before_you_can_check_are_the_detail_of_the_check() -> None:
    """Leading statements ("The memory use of etcd could be another reason ...") then "To
    ensure X, you can check Y": one tick "To ensure X, check Y", the statements under it."""
    art = runbook(
        "## Meaning\n\nControl plane memory is high.\n\n## Mitigation\n\n"
        "The memory use of etcd could be another reason that memory could be high. An etcd "
        "pod runs on each control plane node. To ensure etcd is running smoothly, you can "
        "check the health status with commands run on the etcd pods.\n\n"
        "```console\n$ oc -n openshift-etcd rsh etcd-master-0\n```\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert got[0][0] == (
        "To ensure etcd is running smoothly, check the health status with commands run on "
        "the etcd pods."
    )
    assert "The memory use of etcd could be another reason" in got[0][1]
    assert "oc -n openshift-etcd rsh" in got[0][1]


def test_a_colon_lead_in_heads_the_steps_it_introduces() -> None:
    """ "Investigate the following to diagnose why ...:" is no tick of its own: it is shown
    with the first step it introduces."""
    art = runbook(
        "## Meaning\n\nControl plane memory is high.\n\n## Mitigation\n\n"
        "Investigate the following to diagnose why a control plane node is using a high "
        "amount of memory:\n\n"
        "Get the memory usage of individual pods with the oc adm top pods command.\n\n"
        "Use Prometheus to look at the memory usage of nodes over time.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert all(not text.endswith(":") for text, _ in got)
    assert got[0][0].startswith("Get the memory usage of individual pods")
    assert "Investigate the following to diagnose" in got[0][1]
    items, _ = final_steps(
        [
            "Install MDAC 2.5, which can be obtained from the following location:",
            "Create an ODBC System DSN. Give the DSN a name and configure these settings:",
            "For the path, enter the UNC path to the database.",
        ],
        [],
    )
    kept = [split_detail(i)[0] for i in items]
    assert kept[:2] == [
        "Install MDAC 2.5, which can be obtained from the following location:",
        "Create an ODBC System DSN. Give the DSN a name and configure these settings:",
    ]  # actions of their own that end in a colon stay ticks


def test_use_the_tool_lead_in_is_not_a_tick() -> None:
    """ "To identify orphaned snapshots, use the ODF CLI tool." over the tool's steps is
    shown with the first of them, not ticked."""
    art = runbook(
        "## Meaning\n\nOrphaned snapshots exist.\n\n## Mitigation\n\n"
        "To identify orphaned snapshots in the filesystem, use the ODF CLI tool.\n\n"
        "Install the tool from the odf-cli releases page.\n\n"
        "List the orphaned snapshots with odf cephfs-snap ls --orphaned.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert got[0][0] == "Install the tool from the odf-cli releases page."
    assert "use the ODF CLI tool" in got[0][1]


def test_the_command_typed_after_a_colon_step_is_its_detail() -> None:
    """ "Reinstall X by typing the following:" then "EXPAND ..." reaching the checklist as
    two items is one step whose command is shown under it to copy, not two ticks."""
    items, _ = final_steps(
        [
            "Using the EXPAND utility, reinstall COMM.DRV from the Windows Setup disks to the"
            " WINDOWS\\SYSTEM directory by typing the following:",
            "EXPAND A:\\COMM.DR_ C:\\WINDOWS\\SYSTEM\\COMM.DRV",
            "Restart Windows.",
        ],
        [],
    )
    got = [split_detail(i) for i in items]
    assert [t for t, _ in got][1:] == ["Restart Windows."]
    assert got[0][0].startswith("Using the EXPAND utility")
    assert got[0][1] == "EXPAND A:\\COMM.DR_ C:\\WINDOWS\\SYSTEM\\COMM.DRV"


def test_a_registry_list_is_not_cut_inside_its_parentheses() -> None:
    """ "(for example, increase the value from 48 to 64)" stays whole: no step ends in
    "(for example." nor starts "Increase the value from 48 to 64)"."""
    art = support(
        "## Symptoms\n\nThe replication agents fail to run.\n\n## Workaround\n\n"
        "To work around this problem, use one of the following methods:\n\n"
        "### Use separate accounts for the agents\n\n"
        "You can specify this while you are creating replication agents.\n\n"
        "### Use registry settings to increase the desktop heap size\n\n"
        "You can change the following registry entries:\n\n"
        "- `HKEY_LOCAL_MACHINE\\SYSTEM\\Memory Management\\SessionViewSize` (for example, "
        "increase the value from 48 to 64).\n\n"
        "- `HKEY_LOCAL_MACHINE\\System\\SubSystems\\Windows` (for example, increase the third "
        "value of `SharedSection` by 256 kilobytes)\n\n"
        "After saving the registry key changes, restart the server.\n"
    )
    texts = [t for t, _ in steps(walked(art, {"symptom": "yes", "mitigation": "workaround_2"}))]
    assert texts
    assert not any(t.endswith("(for example.") for t in texts)
    assert not any(t.startswith("Increase the value from 48 to 64)") for t in texts)


def test_sentences_are_not_cut_inside_parentheses() -> None:
    """A full stop inside parentheses ends no sentence: "(See the note. It is short.)"."""
    got = split_sentences(
        "Increase the heap (see the note. It explains the sizes) now. Then restart."
    )
    assert got == [
        "Increase the heap (see the note. It explains the sizes) now.",
        "Then restart.",
    ]


def test_an_event_log_sample_is_shown_over_the_fix_not_ticked() -> None:
    """ "The complete message entry in event log resembles the following one:" over its dump
    is no tick: it is shown with the step that fixes what it reports."""
    items, _ = final_steps(
        [
            "Open Computer Management.",
            "The complete message entry in event log resembles the following one:"
            "\x1fLog Name: System\nEvent ID: 7038",
            "Clear the Account is Locked Out check box, and then restart the service.",
        ],
        [],
    )
    got = [split_detail(i) for i in items]
    assert [t for t, _ in got] == [
        "Open Computer Management.",
        "Clear the Account is Locked Out check box, and then restart the service.",
    ]
    assert "Event ID: 7038" in got[1][1]


def test_an_error_you_receive_is_shown_with_the_step_that_fixes_it() -> None:
    """ "If the service times out, you receive the following error message:" over the quote
    leads to the fix after it: shown under that step, not ticked."""
    art = support(
        "## Symptoms\n\nThe AD FS service fails to start.\n\n## Resolution\n\n"
        "If the AD FS service times out when it tries to start, you receive the following "
        "error message:\n\n> The service did not respond to the start or control request in"
        " a timely fashion.\n\n#### Fix AD FS service times\n\n"
        "Change the value data for the ServicesPipeTimeout value to 60000 in the Control key.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert not any("you receive the following error message" in t for t, _ in got)
    fix = next(d for t, d in got if t.startswith("Change the value data"))
    assert "did not respond to the start or control request" in fix


def test_an_announcement_with_a_remark_is_shown_not_ticked() -> None:
    """ "To resolve this problem, follow these steps, in the order given. These steps will
    help you determine the cause." over numbered steps is no tick: shown as the fix's text
    or with the first step."""
    art = support(
        "## Symptoms\n\nThe AD FS service fails to start.\n\n## Resolution\n\n"
        "To resolve this problem, follow these steps, in the order given. These steps will "
        "help you determine the cause of the problem. Make sure that you check whether the "
        "problem is resolved after every step.\n\n"
        "### Step 1: Check whether the service starts\n\n"
        "1. Open Services.msc.\n2. Start the Windows Internal Database service.\n"
    )
    checklist = walked(art, {"symptom": "yes"})
    got = steps(checklist)
    assert not any(t.startswith("Follow these steps") for t, _ in got)
    text = checklist.outcome.text.source if checklist.outcome.text else ""
    shown = [text, *(d for _, d in got)]  # the fix's text, or a note on a step
    assert any("Follow these steps, in the order given." in s for s in shown)


def test_a_when_clause_is_not_cut_off_its_action() -> None:
    """ "When you see the "Starting Windows 95" message, press F8, and then choose ..." is
    never cut into "When you see the ... message." and a bare "Press the F8 key."."""
    art = mskb(
        "SYMPTOMS\n========\n\nWindows 95 does not start.\n\n"
        'RESOLUTION\n==========\n\n1. Restart your computer. When you see the "Starting '
        'Windows 95" message, press the F8 key, and then choose Command Prompt Only from the '
        "Startup menu.\n\n2. Type the following line, and then press ENTER:\n\n"
        "   attrib -h -s -r c:\\msdos.sys\n"
    )
    texts = [t for t, _ in steps(walked(art, {"symptom": "yes"}))]
    assert not any(t.endswith('"Starting Windows 95" message.') for t in texts)
    assert any("message, press the F8 key, and then choose" in t for t in texts)


def test_what_a_case_will_show_is_not_ticked() -> None:
    """ "Depending on the drive, these steps can take minutes. If a file cannot be read,
    you will receive error messages ..." is shown under the command, not ticked."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe program stops responding.\n\n"
        "RESOLUTION\n==========\n\n1. Click Start, and then click Run.\n\n"
        '2. Type "command" (without the quotation marks), and then click OK.\n\n'
        '3. Type "xcopy d:\\*.* /s > nul" (without the quotation marks), and then press '
        "ENTER.\n\n4. Depending on the speed of your CD-ROM drive, these steps can take "
        "several minutes to complete. If there are any files that cannot be read from the "
        "CD-ROM, you will receive error messages indicating that the CD-ROM is damaged.\n"
    )
    # (spsource15: the CD-ROM's drive letter `xcopy d:\*.*` reads is asked)
    got = steps(walked(art, {"symptom": "yes", "drive_1": "D"}))
    assert not any(t.startswith("Depending on the speed") for t, _ in got)
    assert "you will receive error messages" in got[-1][1]


def test_what_you_can_do_after_a_remark_is_its_own_step() -> None:
    """ "During the upgrade, two objects were created. You can migrate to crun by deleting
    these objects:" ticks "Migrate to crun by deleting these objects:", the remark shown."""
    items, _ = final_steps(
        [
            "Check which runtime the nodes use.",
            "During the upgrade, two MachineConfig objects were created to override the new "
            "default runtime. You can migrate to crun by deleting these MachineConfig "
            "objects:\x1f$ oc delete mc 00-override-master-runc",
        ],
        [],
    )
    got = [split_detail(i) for i in items]
    assert got[-1][0] == "Migrate to crun by deleting these MachineConfig objects:"
    assert "two MachineConfig objects were created" in "\n".join(d for _, d in got)
    assert "oc delete mc" in got[-1][1]
