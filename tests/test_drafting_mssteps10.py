"""MS support checklists with their commands (issue 13, round 10 mssteps10): a fenced
command is the command of the step that announces it, shown verbatim; a drive placeholder
glued to a name is the drive's root wherever it is filled in."""

from __future__ import annotations

from drafting_support import support, walked

from kbassist.drafting.tree import draft_tree_model
from kbassist.trees.checklist import Checklist

#: A summary-only article, as MS support writes short ones: no Resolution heading, the
#: command in a fence after the sentence that announces it.
RECYCLE = (
    "This article provides a solution to an issue where the Trash folder is damaged.\n\n"
    "When you sign in or delete a file, you receive this error message:\n\n"
    "> The Trash folder on \\<Drive\\> is damaged. Do you want to empty it?\n\n"
    "This issue occurs because of a damaged *$Trash.bin* folder.\n\n"
    "To resolve the issue, run the following command from an elevated command prompt "
    "and then restart the system.\n\n"
    "```console\nRD <Drive>$Trash.bin /s /q\n```\n"
)


def steps(checklist: Checklist) -> list[tuple[str, str]]:
    return [(i.text, i.detail or "") for i in checklist.part("steps")]


def _drive_var(body: str) -> str:
    tree = draft_tree_model(support(body))
    return next(n.var for n in tree.nodes.values() if n.kind == "input")


def test_a_fenced_command_is_the_command_of_the_step_that_announces_it() -> None:
    """ "Run the following command ... and then restart" ticks the run with its command
    (no "console" info string), then the restart: not the restart before the command."""
    var = _drive_var(RECYCLE)
    got = steps(walked(support(RECYCLE), {"symptom": "yes", var: "D"}))
    assert [t for t, _ in got] == [
        "Run the following command from an elevated command prompt:",
        "Restart the system.",
    ]
    assert got[0][1].strip() == "RD D:\\$Trash.bin /s /q"
    assert not any("console" in t or "console" in d for t, d in got)


def test_a_drive_glued_to_a_name_is_filled_in_as_its_root_also_in_the_verify() -> None:
    """The asked letter "E" gives `E:\\$Trash.bin` (not `E$Trash.bin`), and the verify's
    message names the same drive ("on E:\\"), not the literal <Drive>."""
    var = _drive_var(RECYCLE)
    checklist = walked(support(RECYCLE), {"symptom": "yes", var: "E"})
    assert "RD E:\\$Trash.bin /s /q" in steps(checklist)[0][1]
    verify = " ".join(i.text for i in checklist.part("verify"))
    assert "The Trash folder on E:\\ is damaged" in verify
    assert "<Drive>" not in verify
