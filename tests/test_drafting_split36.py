"""One fix told as a sequence or as a summary over its procedure is one outcome (round 36,
split36; the seed-102 readers' Q176782 and Q136029 notes): "remove X, and then reinstall
X" over "Remove X" / "Reinstall X" sub-headings is never a version question, and a
one-sentence fix followed by "To <same verb> ...:" and its steps is one fix titled by the
sentence, while version headings and ways to one end stay asked."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, fixes, questions, ticks

from kbassist.drafting.then_stages import one_object_label, restates, then_ordered
from kbassist.drafting.tree import draft_tree

mskb = partial(archive, id_="Q999736")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you start the mail client, you may receive the following\n"
    "error message:\n\n  Address book failed initialization.\n\n"
)
CAUSE = "CAUSE\n=====\n\nA preview version of the address book is still installed.\n\n"

SEQUENCE = (
    "RESOLUTION\n==========\n\n"
    "To resolve this issue, remove the mail client, and then reinstall the mail client\n"
    "from the original CD-ROM. To do so, use the following steps:\n\n"
    "Remove the Mail Client 2.0\n--------------------------\n\n"
    "1. Click Start, point to Settings, and then click Control Panel.\n\n"
    "2. Double-click Add/Remove Programs.\n\n"
    "3. Click Mail Client 2.0, and then click Add/Remove.\n\n"
    "Reinstall the Mail Client 2.0\n-----------------------------\n\n"
    "1. Insert the original CD-ROM.\n\n"
    "2. Double-click My Computer, and then double-click the CD-ROM drive.\n\n"
    "3. Double-click Setup.exe.\n\n"
)


def _labels(tree: dict[str, object]) -> list[str]:
    asked = [q for q in questions(tree) if q["id"] == "mitigation"]
    return [c["label"] for q in asked for c in q["choices"]]


def test_remove_then_reinstall_headings_are_one_fix() -> None:
    """ "remove X, and then reinstall X" over two sub-headed procedures: one outcome with
    the removal steps before the reinstall steps, no "Which of these do you run?"."""
    tree = draft_tree(mskb(SYMPTOMS + CAUSE + SEQUENCE))
    assert not any(q.get("title") == "Which of these do you run?" for q in questions(tree))
    assert "Another version" not in _labels(tree)
    (fix,) = fixes(tree)
    steps = ticks(fix)
    assert steps.index("Double-click Add/Remove Programs.") < steps.index("Double-click Setup.exe.")
    assert fix["title"].startswith("Resolution: Remove the mail client")
    assert "reinstall" in fix["title"]


def test_version_headings_stay_asked() -> None:
    """Sub-headings that name products ("Windows 95" / "Windows NT 4.0") over their own
    steps are still asked as "Which of these do you run?"."""
    body = (
        "RESOLUTION\n==========\n\n"
        "To resolve this issue, turn off the preview address book.\n\n"
        "Microsoft Windows 95\n--------------------\n\n"
        "1. Click Start, point to Settings, and then click Control Panel.\n\n"
        "2. Double-click Mail, and then clear the Preview check box.\n\n"
        "Microsoft Windows NT 4.0\n------------------------\n\n"
        "1. Click Start, point to Settings, and then click Control Panel.\n\n"
        "2. Double-click Mail and Fax, and then clear the Preview check box.\n\n"
    )
    tree = draft_tree(mskb(SYMPTOMS + CAUSE + body))
    assert any(q.get("title") == "Which of these do you run?" for q in questions(tree))


SUMMARY = (
    "WORKAROUND\n==========\n\n"
    "Remove the workstation from the remote domain and add the computer to a\n"
    "workgroup of the same name.\n\n"
    "To remove a workstation from a domain:\n\n"
    "1. Run Control Panel and choose the Network icon.\n\n"
    "2. Choose the Change button next to Domain.\n\n"
    "3. Change from a Domain to a Workgroup with the same name.\n\n"
    "4. Restart the workstation.\n\n"
)


def test_summary_titles_its_procedure() -> None:
    """A one-sentence fix then "To remove ...:" and its numbered steps: one workaround,
    titled by the sentence, its steps the procedure's, never a first outcome with no
    steps."""
    tree = draft_tree(mskb(SYMPTOMS + CAUSE + SUMMARY))
    (fix,) = fixes(tree)
    assert fix["title"].startswith("Workaround: Remove the workstation from the remote domain")
    assert "Choose the Change button next to Domain." in ticks(fix)


def test_two_ways_to_one_end_stay_two() -> None:
    """Two "To change X for ...:" procedures after a summary are still ways to choose
    between when the summary offers them ("either")."""
    assert not restates(
        "Change the spool folder either for all printers or for one printer.",
        "To change the spool folder for all printers:",
    )
    assert not restates(
        "Remove the workstation from the remote domain.", "To add a printer to a workgroup:"
    )


def test_then_ordered_needs_the_headings_verbs_in_order() -> None:
    """The lead must name each heading's verb in order with "then"; "either" or product
    headings order nothing."""
    heads = ["Remove MSN", "Reinstall MSN"]
    assert then_ordered("remove MSN, and then reinstall MSN from the CD-ROM.", heads)
    assert not then_ordered("reinstall MSN, and then remove the old folder.", heads)
    assert not then_ordered("use either of the following methods: remove, then reinstall", heads)
    assert not then_ordered("remove it, and then reinstall it", ["Windows 95", "Windows 98"])
    assert one_object_label(heads) == "Remove and reinstall MSN"
    assert one_object_label(["Remove MSN", "Install Outlook"]) == ""


def test_stages_for_one_case_stay_apart() -> None:
    """A lead that says for which case ("If you still use X, download ..., and then
    rename ...") does not make its sub-headings one sequence for everyone."""
    heads = ["Download the Update", "Rename the File"]
    assert not then_ordered("If you still use it, download the update, and then rename it.", heads)


RUN = (
    "WORKAROUND\n==========\n\n"
    "Follow these troubleshooting steps:\n\n"
    "1. Delete the partly installed files in the directory where the program\n"
    "  was installed.\n\n"
    "2. Remove any TSR software from the AUTOEXEC.BAT file.\n\n"
    "3. Reinstall the program from the original disks.\n\n"
    "4. Click Yes to the following message:\n\n"
    "  Are you sure?\n\n"
    "5. If Disk 1 is damaged, replace the disk and follow steps 1-3.\n\n"
)


def test_step_run_named_by_its_steps() -> None:
    """ "follow steps 1-3" in an unnumbered checklist names the first and last steps of
    the run (a sentence that goes on to its next line kept whole), never a bare number;
    the list goes on past a message line the step quotes."""
    from kbassist.drafting.step_refs import _top_lists

    tree = draft_tree(mskb(SYMPTOMS + CAUSE + RUN))
    said = " ".join(t for fix in fixes(tree) for t in ticks(fix))
    assert "steps 1-3" not in said
    assert (
        'follow the steps "Delete the partly installed files in the directory where the '
        'program was installed" through "Reinstall the program from the original disks"'
    ) in said
    ((items, _),) = _top_lists(RUN)
    assert len(items) == 5
