"""Round 27 (askcauses27): an article's alternative causes, each with its own fix, are
asked "Which of these applies?" and each answer runs only its own fix; a list of
conditions that all hold is no choice."""

from __future__ import annotations

import time
from typing import Any

from drafting_support import archive, fixes, questions, runbook, ticks, walked

from kbassist.drafting import alt_causes, titled_cases
from kbassist.drafting.tree import draft_tree

SCENARIOS = (
    "SYMPTOMS\n========\n\n"
    "When you stop a debugging session, the debugger stops responding.\n\n"
    "CAUSE\n=====\n\n"
    "Here are two scenarios where this problem will occur:\n\n"
    "- The problem can occur when the program loads a large number of plug-in\n"
    "  libraries at startup.\n\n"
    "- The problem can also occur when the program writes many trace messages to the\n"
    "  output pane as it exits.\n\n"
    "RESOLUTION\n==========\n\n"
    "For the first scenario, set a preferred load address for each plug-in library\n"
    "with the /ADDRESS linker switch so the loader does not move the libraries.\n\n"
    "For the second scenario, turn off trace output with the Trace Options tool\n"
    "before you start the program.\n"
)

PROCEDURES = (
    "SYMPTOMS\n========\n\n"
    "The Quota tab reports space used by a mailbox whose folders are all empty.\n\n"
    "CAUSE\n=====\n\n"
    "There are two possible causes for the difference:\n\n"
    "- The user has custom forms installed in the Personal Forms library.\n\n"
    "- The user is set up as the owner of the Calendar Gateway mailbox.\n\n"
    "RESOLUTION\n==========\n\n"
    "To clear up the difference, follow these steps:\n\n"
    "1. Open the Personal Forms library in the mail client.\n\n"
    "2. Select the custom forms and click Delete.\n\n"
    "Messages sent through the Calendar Gateway can be stranded in its owner's mailbox.\n"
    "To remove them, follow these steps:\n\n"
    "1. Log on to the Calendar Gateway owner's mailbox with the mail client.\n\n"
    "2. Start the Store Viewer tool.\n\n"
    "3. Open the root folder and delete the stranded entries.\n"
)


def _case_walk(article: Any, case: str) -> list[str]:
    """The checklist of the article's first fix when the cause question is answered."""
    tree = draft_tree(article)
    asked = next(q for q in questions(tree) if q["title"] == "Which of these applies?")
    answers = {"symptom": "yes", asked.get("var", asked["id"]): case}
    if any(q["id"] == "mitigation" for q in questions(tree)):
        answers["mitigation"] = fixes(tree)[0]["id"]
    return [item.text for item in walked(article, answers).part("steps")]


def test_first_and_second_scenario_fixes_are_asked_not_run_in_turn() -> None:
    """ "For the first scenario, ..." / "For the second scenario, ...": a question whose
    answers are the two scenarios, each leading to its own fix only."""
    article = archive(SCENARIOS)
    tree = draft_tree(article)
    asked = [q for q in questions(tree) if q["title"] == "Which of these applies?"]
    assert len(asked) == 1
    labels = [c["label"] for c in asked[0]["choices"]]
    assert labels[0].startswith("The program loads a large number of plug-in libraries")
    assert labels[1].startswith("The program writes many trace messages")
    assert labels[2].startswith("Not sure")
    first = " ".join(_case_walk(article, "case_1"))
    second = " ".join(_case_walk(article, "case_2"))
    assert "/ADDRESS" in first and "Trace Options" not in first
    assert "Trace Options" in second and "/ADDRESS" not in second
    assert not any(t.startswith("For the") for t in ticks(fixes(tree)[0]))
    both = " ".join(_case_walk(article, "unsure"))
    assert "/ADDRESS" in both and "Trace Options" in both


def test_a_procedure_per_bulleted_cause_runs_whole_for_its_cause() -> None:
    """Two bulleted causes over two numbered procedures: the second cause's walk has all
    of its procedure (steps that name no cause too) and none of the first's."""
    article = archive(PROCEDURES)
    second = _case_walk(article, "case_2")
    assert any("Store Viewer" in t for t in second)
    assert any("stranded entries" in t for t in second)
    assert not any("Personal Forms" in t or "click Delete" in t for t in second)
    first = _case_walk(article, "case_1")
    assert any("Personal Forms" in t for t in first)
    assert not any("Store Viewer" in t for t in first)


def test_conditions_that_all_hold_are_no_choice() -> None:
    """ "when all of the following conditions are true: - A - B" lists one situation:
    no "Which of these applies?" question is asked."""
    body = PROCEDURES.replace(
        "There are two possible causes for the difference:",
        "This problem occurs when all of the following conditions are true:",
    )
    tree = draft_tree(archive(body))
    assert not [q for q in questions(tree) if q["title"] == "Which of these applies?"]


NARROW = """## Meaning

The alert fires when queries may use selectors that no longer match.

## Mitigation

1. Enable the debug log level on the query component.
2. Review the new debug logs. The logs should show the problematic selectors.

   The logs will point to one or both of the following problems:

   ### Narrow selector in query

   In this case, expect logs like the following:

   ```text
   msg="selector matches integers only" component=parser label=le
   ```

   Change the selector to also match float values, for example `{le=~"1(.0)?"}`.

   ### Narrow regex in relabel rule

   In this case, expect logs like the following:

   ```text
   msg="relabel rule may need adjusting" component=relabel label=le
   ```

   Change the regex to also match float values, for example `(5|50)(\\.0)?`.

3. After resolving the issue, disable the debug log level.
"""


def test_titled_problems_in_a_step_are_asked_with_their_titles() -> None:
    """ "one or both of the following problems:" over titled parts: the titles are the
    answers, each part's fix runs only for its answer, the last step for both."""
    article = runbook(NARROW)
    tree = draft_tree(article)
    asked = [q for q in questions(tree) if q["title"] == "Which of these applies?"]
    assert len(asked) == 1
    labels = [c["label"] for c in asked[0]["choices"]]
    assert labels[:2] == ["Narrow selector in query", "Narrow regex in relabel rule"]
    answers = {"symptom": "yes", asked[0].get("var", asked[0]["id"]): "case_2"}
    checklist = walked(article, answers).part("steps")
    shown = " ".join(f"{i.text} {i.detail}" for i in checklist)
    assert "component=relabel" in shown and "component=parser" not in shown
    assert "disable the debug log level" in shown
    assert "Narrow regex in relabel rule" not in shown  # the title is the answer now


def test_new_patterns_are_linear_on_hostile_text() -> None:
    """The round's patterns scan a hostile 20 KB line in well under a second."""
    hostile = [
        "for the " * 2500,
        "one of the following " * 1000,
        "The problem can also " * 1000,
        "a " * 10000 + ":",
        "- " * 10000,
    ]
    patterns = [
        alt_causes._LEAD_RE,
        alt_causes._ALL_RE,
        alt_causes._MARK_RE,
        alt_causes._STEP_MARK_RE,
        alt_causes._SAID_RE,
        alt_causes._BULLET_RE,
        titled_cases._LEAD_RE,
        titled_cases._THIS_CASE_RE,
    ]
    for text in hostile:
        for pattern in patterns:
            started = time.perf_counter()
            pattern.search(text)
            list(pattern.finditer(text))
            assert time.perf_counter() - started < 0.5, pattern.pattern
