"""Alternatives inside one fix asked, not ticked in turn (round 25, alts25; issue 13): an
"Or you can Y" paragraph after a step, "Here are two basic ways" over a numbered pair,
"Method 1:" / "Method 2:" inside one stage of a staged fix, and a runbook lead "Create X
for A, B, or both." over one step each."""

from __future__ import annotations

import re
import time
from functools import partial

from cpu_budget import budget
from drafting_support import archive, fixes, questions, runbook, ticks, walked

from kbassist.drafting.both_lead import _BOTH_RE
from kbassist.drafting.or_steps import _OR_STEP_RE
from kbassist.drafting.text import _OR_GLUED_RE
from kbassist.drafting.tree import draft_text, draft_tree
from kbassist.drafting.ways import _BARE_OR_OPEN_RE

mskb = partial(archive, id_="Q999925")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you start Windows with the network client loaded, the\n"
    "pop-up service stops responding.\n\n"
)


def _steps(art: object, answers: dict[str, str]) -> list[str]:
    return [" ".join(i.text.split()) for i in walked(art, answers).part("steps")]  # type: ignore[arg-type]


def test_or_you_can_paragraph_is_a_way_of_the_step_before_not_a_second_tick() -> None:
    """ "Restart your workstation." then "Or you can stop your workstation and start it
    again ...": the admin is asked which way, and each walk ticks one restart only."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\nTo resolve this problem, follow these steps:\n\n"
        "1. Open the LANMAN.INI file by using a text editor such as Notepad.\n\n"
        "2. In the [workstation] section, add the following line:\n\n   lim=no\n\n"
        "3. Save the LANMAN.INI file.\n\n"
        "4. Restart your workstation.\n\n"
        "Or you can stop your workstation and start it again by using the net stop\n"
        "workstation and net start workstation commands.\n"
    )
    tree = draft_tree(art)
    (ask,) = [q for q in questions(tree) if q["title"] == "Which way do you take?"]
    labels = [c["label"] for c in ask["choices"]]
    assert labels[0] == "Restart your workstation"
    assert labels[1].startswith("Stop your workstation and start it again")
    one = _steps(art, {"symptom": "yes", ask["var"]: "way_1"})
    two = _steps(art, {"symptom": "yes", ask["var"]: "way_2"})
    assert "Restart your workstation." in one and not any("net stop" in s for s in one)
    assert any("net stop" in s for s in two) and "Restart your workstation." not in two
    draft_text(art)  # lint-clean


def test_or_if_paragraph_after_a_step_stays_a_step() -> None:
    """ "Or, if you saved the file to another folder, ..." opens a case, not another way:
    the steps are not asked as ways."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\nTo resolve this problem, follow these steps:\n\n"
        "1. Copy the Popup.dll file to the Windows folder.\n\n"
        "2. Restart the computer.\n\n"
        "Or, if you saved the file to another folder, add that folder to the path.\n"
    )
    tree = draft_tree(art)
    assert not [q for q in questions(tree) if q["title"] == "Which way do you take?"]
    draft_text(art)


def test_sequential_steps_are_never_joined_as_ways() -> None:
    """A numbered procedure with no "or" between its steps keeps every step a tick."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\nTo resolve this problem, follow these steps:\n\n"
        "1. Quit Windows.\n\n2. Rename the Popup.ini file to Popup.old.\n\n"
        "3. Restart your computer.\n\n4. Start Windows again.\n"
    )
    tree = draft_tree(art)
    assert not [q for q in questions(tree) if q["title"] == "Which way do you take?"]
    (fix,) = fixes(tree)
    assert len(ticks(fix)) == 4


def test_here_are_two_basic_ways_are_two_fixes_each_named_by_its_action() -> None:
    """ "Here are two basic ways to do this: 1. Use X ... 2. The second way is to create
    Y ...": two fixes to choose between, the second named "Create ...", not a note."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\nThe workaround is to replace the print dialog "
        "box. Here are two basic ways to do this:\n\n"
        "1. Use the PrintDlg API function to show a printer dialog box. The settings are\n"
        "   stored in a DEVMODE structure.\n\n"
        "2. The second way is to create your own dialog box rather than the common\n"
        "   dialog control.\n"
    )
    tree = draft_tree(art)
    one, two = fixes(tree)
    assert ticks(one)[0].startswith("Use the PrintDlg API function")
    assert ticks(two)[0].startswith("Create your own dialog box")
    draft_text(art)


def test_methods_inside_one_stage_are_asked_and_the_stage_before_is_ticked() -> None:
    """Stage "Remove X" (done first), then "Install X" with "Method 1:" / "Method 2:":
    the removal is ticked either way, each walk installs by one method only."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\nTo resolve this issue, remove the program, "
        "and then reinstall it. Follow these steps in the order in which they are "
        "presented.\n\n"
        "Remove the Program\n------------------\n\n"
        "1. In Control Panel, double-click Add/Remove Programs.\n\n"
        "2. Click Popup Manager, and then click Remove.\n\n"
        "Install the Program\n-------------------\n\n"
        "Use either of the following methods to install the program.\n\n"
        "Method 1: Setup from the CD:\n\n"
        "1. Insert the program CD into the CD-ROM drive.\n\n"
        "2. Open the CD in Windows Explorer, and then double-click Setup.exe.\n\n"
        "Method 2: Setup from the network:\n\n"
        "1. Connect to the installation share on the server.\n\n"
        "2. Double-click Netsetup.exe, and then click Install.\n"
    )
    tree = draft_tree(art)
    (ask,) = [q for q in questions(tree) if q["title"] == "Which method will you use?"]
    assert [c["value"] for c in ask["choices"]] == ["case_1", "case_2", "unsure"]
    cd = _steps(art, {"symptom": "yes", ask["var"]: "case_1"})
    net = _steps(art, {"symptom": "yes", ask["var"]: "case_2"})
    for walk in (cd, net):
        assert any("Add/Remove Programs" in s for s in walk)
    assert any("program CD" in s for s in cd) and not any("Netsetup" in s for s in cd)
    assert any("Netsetup" in s for s in net) and not any("program CD" in s for s in net)
    draft_text(art)


RUNBOOK = runbook(
    "## Meaning\n\nThe alert fires when the cluster has no default queue class.\n\n"
    "## Impact\n\nNew queues cannot be created without naming a class.\n\n"
    "## Diagnosis\n\nList the queue classes:\n\n```bash\n$ oc get queueclass\n```\n\n"
    "## Mitigation\n\nSet a default queue class for the platform, messaging, or both.\n\n"
    "A default messaging queue class takes precedence over a default platform class.\n\n"
    "* Set a default platform queue class by running the following command:\n\n"
    "  ```bash\n  $ oc annotate queueclass <name> platform-default=true\n  ```\n\n"
    "* Set a default messaging queue class by running the following command:\n\n"
    "  ```bash\n  $ oc annotate queueclass <name> messaging-default=true\n  ```\n",
    id_="QueueNoDefaultClass",
)


def test_or_both_lead_asks_which_and_each_walk_runs_only_its_command() -> None:
    """ "Set a default queue class for the platform, messaging, or both." is asked
    (platform only / messaging only / both), not ticked, and each answer shows only its
    own command ("Both" shows the two)."""
    tree = draft_tree(RUNBOOK)
    (ask,) = [q for q in questions(tree) if q["title"] == "Which default queue class do you set?"]
    assert [c["label"] for c in ask["choices"]] == ["The platform only", "Messaging only", "Both"]
    assert "takes precedence" in ask["text"]
    var = ask["var"]
    platform = _steps(RUNBOOK, {"symptom": "yes", var: "case_1", "placeholder_1": "fast"})
    both = _steps(RUNBOOK, {"symptom": "yes", var: "both", "placeholder_1": "fast"})
    assert not any("or both" in s for s in both)
    assert any("platform queue class" in s for s in platform)
    assert not any("messaging queue class" in s for s in platform)
    assert sum("queue class by running" in s for s in both) == 2
    draft_text(RUNBOOK)


def test_or_both_without_one_step_per_member_is_left_alone() -> None:
    """ "Restart the client, the server, or both." followed by unrelated steps is a step
    as the article says it: nothing is asked."""
    art = runbook(
        "## Meaning\n\nThe alert fires when the sync lags.\n\n"
        "## Mitigation\n\nRestart the sync agent on the client, the server, or both.\n\n"
        "* Check the sync log for errors.\n\n* Clear the sync cache.\n",
        id_="SyncLag",
    )
    tree = draft_tree(art)
    assert not [q for q in questions(tree) if q["title"].startswith("Which ")]
    assert any("or both" in t for f in fixes(tree) for t in ticks(f))


def test_new_regexes_are_linear_on_hostile_text() -> None:
    """The round's regexes return at once on 20 KB of text built to make them backtrack."""
    hostile = [
        (_OR_STEP_RE, "Or, " + "a " * 10_000 + "!"),
        (_OR_STEP_RE, "Or you can " + "x" * 20_000),
        (_BOTH_RE, "Create " + "a b " * 5_000 + ", or bot"),
        (_BOTH_RE, "Create " + "x for y, " * 2_500 + " or both!"),
        (_OR_GLUED_RE, " " * 40 + "-or-" + " " * 8 + "x" * 20_000),
        (_BARE_OR_OPEN_RE, "Or, " + " " * 20_000 + "you"),
    ]
    for pattern, text in hostile:
        started = time.perf_counter()
        pattern.match(text)
        re.compile(pattern.pattern).search(text)
        assert time.perf_counter() - started < budget(0.5)


def test_or_glued_before_a_list_item_separates_two_fixes() -> None:
    """ "To work around this problem, either / - Use /MD ... / -or-  - Compile with /MT":
    the `-or-` written on the second item's line still offers two fixes, not one
    checklist ticking "Either", the first way and "-or- - Compile ..."."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\nTo work around this problem, either\n\n"
        "- Link the C module with the /MD option as well.\n\n"
        "-or-  - Compile the Fortran module with /MT instead of /MD.\n"
    )
    tree = draft_tree(art)
    one, two = fixes(tree)
    assert ticks(one) == ["Link the C module with the /MD option as well."]
    assert ticks(two) == ["Compile the Fortran module with /MT instead of /MD."]
    draft_text(art)


def test_or_paragraph_after_a_procedure_naming_another_act_stays_a_fix_of_its_own() -> None:
    """ "5. Restart Windows." then "Or, you can contact the vendor about an update.": the
    paragraph is another fix beside the whole procedure (not a way of the restart), so
    choosing it skips the procedure and choosing the procedure never ticks it."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\nTo work around this issue, use the following "
        "steps:\n\n1. Click Start, and then click Run.\n\n"
        "2. In the Open box, type win.ini, and then click OK.\n\n"
        "3. Add the following line to the [Popup] section of the file:\n\n   Delay=5\n\n"
        "4. Save the file, and then quit Notepad.\n\n5. Restart Windows.\n\n"
        "Or, you can contact the vendor for information about upgrading the pop-up service.\n"
    )
    tree = draft_tree(art)
    procedure, vendor = fixes(tree)
    assert ticks(procedure)[-1] == "Restart Windows."
    assert not any("vendor" in t for t in ticks(procedure))
    assert ticks(vendor)[0].startswith("Contact the vendor")
    assert not [q for q in questions(tree) if q["title"] == "Which way do you take?"]


def test_two_gestures_after_a_bare_or_stay_one_step() -> None:
    """ "Type the path of the file in the File Name box. Or, click Browse, select the
    file, and click OK.": one step reached by two gestures, not a question."""
    art = mskb(
        SYMPTOMS + "WORKAROUND\n==========\n\nTo work around this problem, insert the "
        "file as an object:\n\n1. On the Insert menu, click Object.\n\n"
        "2. Click the Create From File tab.\n\n"
        "3. Type the path of the file in the File Name box and click OK. Or, click Browse,\n"
        "   select the file you want, and click OK.\n"
    )
    tree = draft_tree(art)
    assert not [q for q in questions(tree) if q["title"] == "Which way do you take?"]
    (fix,) = fixes(tree)
    assert any("Or, click Browse" in t for t in ticks(fix))
