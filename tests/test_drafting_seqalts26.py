"""Alternatives the walk ran in sequence, asked (round 26, seqalts26; issue 13): side-by-side
"To <task>, <steps>" bullets the article marks as alternatives, and a RESOLUTION numbered as
the CAUSE's list of causes (one fix per cause)."""

from __future__ import annotations

import re
import time
from functools import partial

from cpu_budget import budget
from drafting_support import archive, fixes, questions, ticks, walked

from kbassist.drafting.numbered_causes import _CAUSES_RE, _IN_TURN_RE, _TOP_RE
from kbassist.drafting.task_ways import _ONE_OF_RE, _TASK_RE, _verbs_or
from kbassist.drafting.tree import draft_text, draft_tree

mskb = partial(archive, id_="Q999926")


def _steps(art: object, answers: dict[str, str]) -> list[str]:
    return [" ".join(i.text.split()) for i in walked(art, answers).part("steps")]  # type: ignore[arg-type]


HOW_TO = (
    "SUMMARY\n=======\n\nThis article describes how to rename or remove a report that is\n"
    "stored in a shared reports folder.\n\n"
    "MORE INFORMATION\n================\n\n"
    "To rename or remove a report in a shared reports folder, follow these steps:\n\n"
    "1. In Report Manager, open the shared folder.\n\n"
    "2. On the View menu, click Details.\n\n"
    "3. Select the report that you want to rename or remove.\n\n"
    "   - To rename the report, right-click it, click Rename, and then type the new name.\n\n"
    "   - To remove the report, right-click it, and then click Delete.\n\n"
    "4. On the View menu, click Refresh.\n"
)


def test_side_by_side_tasks_the_article_offers_as_or_are_asked_not_ticked_in_turn() -> None:
    """ "Select the report you want to rename or remove" over "To rename ..." / "To
    remove ...": the admin is asked which task, and each walk ticks only that task's step
    between the shared steps before and after it."""
    art = mskb(HOW_TO, title="How to Rename or Remove a Shared Report")
    tree = draft_tree(art)
    (ask,) = [q for q in questions(tree) if q["title"] == "Which do you want to do?"]
    assert [c["label"] for c in ask["choices"]] == ["Rename the report", "Remove the report"]
    rename = _steps(art, {"symptom": "yes", ask["var"]: "task_1"})
    remove = _steps(art, {"symptom": "yes", ask["var"]: "task_2"})
    assert any(s.startswith("To rename the report") for s in rename)
    assert not any(s.startswith("To remove the report") for s in rename)
    assert any(s.startswith("To remove the report") for s in remove)
    assert not any(s.startswith("To rename the report") for s in remove)
    for walk in (rename, remove):
        assert walk[0] == "In Report Manager, open the shared folder."
        assert walk[-1] == "On the View menu, click Refresh."
    draft_text(art)  # lint-clean


def test_purpose_led_steps_of_one_procedure_stay_in_sequence() -> None:
    """Numbered steps that each say their purpose ("To release the address, ..." then "To
    renew the address, ...") with nothing offering them as alternatives stay one
    sequence: no question, every step ticked in order."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe computer cannot reach the network after it is moved to\n"
        "another subnet.\n\n"
        "RESOLUTION\n==========\n\nTo resolve this problem, follow these steps:\n\n"
        "1. Click Start, and then click Command Prompt.\n\n"
        "2. To release the IP address, type ipconfig /release, and then press ENTER.\n\n"
        "3. To renew the IP address, type ipconfig /renew, and then press ENTER.\n"
    )
    tree = draft_tree(art)
    assert not [q for q in questions(tree) if q["title"] == "Which do you want to do?"]
    (fix,) = fixes(tree)
    said = ticks(fix)
    assert [s[:20] for s in said[-2:]] == ["To release the IP ad", "To renew the IP addr"]


CAUSES = (
    "SYMPTOMS\n========\n\nWhen you start the mail client, you receive the following error\n"
    "message:\n\n   Cannot open the message file.\n\n"
    "CAUSE\n=====\n\nThe following are possible causes of this error:\n\n"
    "1. The MSGFILE variable is not set in the AUTOEXEC.BAT file.\n\n"
    "2. There are not enough file handles available.\n\n"
    "3. The message file is damaged.\n\n"
    "RESOLUTION\n==========\n\n"
    "1. Set the MSGFILE variable in the AUTOEXEC.BAT file to the message file's folder.\n\n"
    "2. Increase the FILES= setting in the CONFIG.SYS file to at least 40.\n\n"
    "3. Restore the message file from your most recent backup copy.\n"
)


def test_a_resolution_numbered_as_the_listed_causes_asks_which_cause() -> None:
    """CAUSE "possible causes: 1. A 2. B 3. C" over RESOLUTION "1. fix A 2. fix B 3. fix C":
    "Which cause applies?", each cause's walk ticks its own fix only, "Not sure" all three."""
    art = mskb(CAUSES)
    tree = draft_tree(art)
    (ask,) = [q for q in questions(tree) if q["title"] == "Which cause applies?"]
    labels = [c["label"] for c in ask["choices"]]
    assert labels[1] == "There are not enough file handles available"
    assert labels[-1].startswith("Not sure")
    handles = _steps(art, {"symptom": "yes", ask["var"]: "cause_2"})
    assert handles == ["Increase the FILES= setting in the CONFIG.SYS file to at least 40."]
    unsure = _steps(art, {"symptom": "yes", ask["var"]: "unsure"})
    assert len(unsure) == 3 and unsure[0].startswith("Set the MSGFILE variable")
    draft_text(art)


def test_a_cause_that_lists_events_in_order_is_no_list_of_causes() -> None:
    """CAUSE "when you perform the following events in order: 1. ... 2. ..." over a
    two-step RESOLUTION: the steps stay one fix ticked in turn, no cause is asked."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe Calendar control is missing after you remove the kit.\n\n"
        "CAUSE\n=====\n\nThis problem occurs when you perform the following events in order:\n\n"
        "1. Install the developer kit.\n\n2. Remove the developer kit.\n\n"
        "RESOLUTION\n==========\n\n"
        "1. Start the Setup program of the forms package, and then click Remove All.\n\n"
        "2. Run Setup again to reinstall the forms package.\n"
    )
    tree = draft_tree(art)
    assert not [q for q in questions(tree) if q["title"] == "Which cause applies?"]
    (fix,) = fixes(tree)
    assert ticks(fix)[-1] == "Run Setup again to reinstall the forms package."
    assert not any("when" in step for step in fix["steps"])


def test_new_regexes_are_linear_on_hostile_text() -> None:
    """The round's regexes return at once on 20 KB of text built to make them backtrack."""
    hostile = [
        (_TASK_RE, "To " + "a" * 20 + " " + "b " * 10_000),
        (_ONE_OF_RE, "one of the following " * 1_000 + "x"),
        (_verbs_or(["edit", "delete", "move"]), "edit, " * 4_000 + "editx"),
        (_verbs_or(["edit", "delete"]), "edit / " * 3_000 + "x"),
        (_CAUSES_RE, "cause" * 4_000),
        (_IN_TURN_RE, "in " * 7_000),
        (_TOP_RE, "1." + " " * 20_000),
    ]
    for pattern, text in hostile:
        started = time.perf_counter()
        pattern.match(text)
        re.compile(pattern.pattern, pattern.flags).search(text)
        list(pattern.finditer(text))
        assert time.perf_counter() - started < budget(0.5)
