"""Round 34 (steps35): one action per tick; examples, effects and cautions shown, not
ticked; a whole "Do not" workaround and a release statement said as the action they ask
(the seed-94 readers' notes)."""

from __future__ import annotations

import time

from drafting_support import archive, details, fixes, runbook, ticks

from kbassist.drafting import one_tick
from kbassist.drafting.one_tick import (
    effect_parts,
    example_line,
    offered_try,
    purpose_tasks,
    release_action,
    said_as_action,
    tried_items,
)
from kbassist.drafting.tree import draft_tree

SYMPTOMS = (
    "SYMPTOMS\n========\n\n"
    "When you click the Next Frame button in Widget Pro, the frame editor closes.\n\n"
    "CAUSE\n=====\n\n"
    "This is a design change to keep you from editing the wrong frame.\n\n"
)


def test_two_purpose_led_tasks_are_two_ticks() -> None:
    """ "To X, click A. To Y, view B." in a workaround: one tick per task, each with its
    purpose."""
    tree = draft_tree(
        archive(
            SYMPTOMS + "WORKAROUND\n==========\n\n"
            "To edit frames in another section of the document, click the Show Next or\n"
            "Show Previous buttons on the Frame toolbar. To view the frame on another\n"
            "page, view the document in Outline or Print Preview.\n"
        )
    )
    (fix,) = fixes(tree)
    assert ticks(fix) == [
        "To edit frames in another section of the document, click the Show Next or Show"
        " Previous buttons on the Frame toolbar.",
        "To view the frame on another page, view the document in Outline or Print Preview.",
    ]


def test_one_purpose_and_its_actions_stay_one_task() -> None:
    """ "To X, click A. Click OK." is one task: not split by the purpose rule."""
    assert purpose_tasks("To open the editor, click Frames. Click OK.") == []
    assert purpose_tasks("To do this, click Frames. To finish, click OK.") == []


def test_things_to_try_in_a_note_are_ticked_each() -> None:
    """A note ending "try the following:" over a list of actions: each item its own tick,
    the note before the lead kept."""
    found = tried_items(
        "Type widgetmem at the prompt to see the free memory.\n"
        "To make more memory available, try the following:\n"
        "- Make sure the computer has enough memory for the\n"
        "  program.\n"
        "- If WIDGET.SYS is loaded, it could be using too much memory. If so, reduce\n"
        "  its cache size.\n"
        "- Remove unneeded programs from AUTOEXEC.BAT.\n"
    )
    assert found is not None
    kept, items = found
    assert kept.endswith("try the following:")
    assert items[0] == "Make sure the computer has enough memory for the program."
    assert len(items) == 3
    assert tried_items("Use one of the following:\n- Option A is used.\n- Option B.\n") is None


def test_an_example_line_is_the_steps_detail() -> None:
    """ "widget=c:\\widget\\wid.exe ram p0=e000" under "should look like the following:"
    is shown with that step, never ticked."""
    tree = draft_tree(
        archive(
            SYMPTOMS + "RESOLUTION\n==========\n\n"
            "1. Open the WIDGET.INI file in Notepad.\n\n"
            "2. Add the P0 switch after the RAM switch. The line should look something\n"
            "   like the following:\n\n"
            "     widget=c:\\widget\\wid.exe ram p0=e000\n\n"
            "3. Save the file and restart the computer.\n"
        )
    )
    (fix,) = fixes(tree)
    assert not any("p0=e000" in t for t in ticks(fix))
    assert "p0=e000" in details(fix)
    assert example_line("widget=c:\\widget\\wid.exe ram p0=e000")
    assert not example_line("Set widget=1 in the WIDGET.INI file.")


def test_an_expected_effect_is_a_note_and_its_offer_a_tick() -> None:
    """ "This should allow the drain to continue and if X you can Y": the effect shown
    under the step before, "If X, Y." ticked."""
    tree = draft_tree(
        runbook(
            "## Meaning\n\nThe widget drain failed on a node.\n\n"
            "## Diagnosis\n\nCheck the widget controller logs.\n\n"
            "## Mitigation\n\n"
            "1. Back up the widget hook:\n\n"
            "   ```console\n   $ oc get widgethook/blocker -o yaml > hook.yaml\n   ```\n"
            "2. Delete the widget hook.\n"
            "3. This should allow the drain to continue and if the hook does not come back\n"
            "   automatically you can recreate it from the backup.\n"
        )
    )
    fix = next(f for f in fixes(tree) if any("Delete the widget hook" in t for t in ticks(f)))
    assert (
        ticks(fix)[-1]
        == "If the hook does not come back automatically, recreate it from the backup."
    )
    assert "This should allow the drain to continue." in details(fix)
    assert effect_parts("This should allow the drain to continue.") == (
        "This should allow the drain to continue.",
        "",
    )
    assert effect_parts("Delete the hook. This should allow the drain.") is None


def test_a_whole_do_not_workaround_is_said_as_its_action() -> None:
    """A fix that is only "Do not increase X when Y" ticks "Lower X when Y", the caution
    kept as its note."""
    tree = draft_tree(
        archive(
            SYMPTOMS + "RESOLUTION\n==========\n\n"
            "Do not increase the dots per inch (dpi) setting in your printer driver when you\n"
            "print frames at Presentation quality.\n"
        )
    )
    (fix,) = fixes(tree)
    assert ticks(fix) == [
        "Lower the dots per inch (dpi) setting in your printer driver when you print frames"
        " at Presentation quality."
    ]
    assert details(fix).startswith("Do not increase")
    assert said_as_action("Do not configure the program to use Presentation quality.") == (
        "Configure the program not to use Presentation quality."
    )
    assert said_as_action("Do not panic.") == ""


def test_a_release_statement_is_an_upgrade_step() -> None:
    """ "The X driver versions 4.1 and later allow Y." as a fix's tick: upgrade to it."""
    assert release_action(
        "The Widget ODBC Driver versions 4.0.4202 and later allow inserts of up to 516,076"
        " characters."
    ) == ("Upgrade to the Widget ODBC Driver version 4.0.4202 or later.")
    assert release_action("Widget 4.0 was released in 1999.") == ""


def test_a_finding_offered_in_a_note_is_ticked() -> None:
    """ "In this case, you can try listing X to try to isolate Y." in a note: "Try listing
    X to isolate Y." ticked."""
    found = offered_try(
        "If it starts suddenly, someone likely changed a widget. In this case, you can try"
        " listing the widgets in order of date modified to try to isolate the changed ones."
    )
    assert found == (
        "If it starts suddenly, someone likely changed a widget.",
        "Try listing the widgets in order of date modified to isolate the changed ones.",
    )


def test_patterns_are_linear_on_hostile_text() -> None:
    """20 KB of hostile text is read in well under a second by every rule."""
    hostile = [
        "To " + "a" * 20_000,
        "This should allow " + "and if x " * 2_500,
        "Do not configure " + "x to " * 5_000,
        "The W" + " versions 1 and later" * 1_000,
        "you can try listing" + " x" * 10_000,
        "p0=" * 7_000,
        "- Make sure x.\n" * 1_500,
    ]
    patterns = [
        one_tick._PURPOSE_RE.match,
        one_tick._THEN_OFFER_RE.match,
        one_tick._DO_NOT_RE.match,
        one_tick._RELEASE_RE.match,
        one_tick._TRY_OFFER_RE.match,
        one_tick._TRY_LEAD_RE.match,
        one_tick._SETTING_TOKEN_RE.search,
        one_tick._EFFECT_RE.match,
    ]
    start = time.perf_counter()
    for text in hostile:
        for pattern in patterns:
            pattern(text)
        purpose_tasks(text)
        effect_parts(text)
        said_as_action(text)
        release_action(text)
        offered_try(text)
        example_line(text)
        tried_items("try the following:\n" + text)
    assert time.perf_counter() - start < 1.0


def test_a_refund_call_is_on_the_case_that_offers_it() -> None:
    """ "Please contact Customer Service to request a refund." after the case "If your
    adapter does not meet the requirements, ... return the game for a refund": ticked on
    that case only."""
    tree = draft_tree(
        archive(
            "SYMPTOMS\n========\n\nWidget Wars stops with an access violation.\n\n"
            "CAUSE\n=====\n\nYour video adapter does not meet the requirements.\n\n"
            "RESOLUTION\n==========\n\n"
            "To check your video adapter:\n\n"
            "1. Click Start, and then click Run.\n\n"
            "2. Type widgetdiag, and then click OK.\n\n"
            "If your video adapter does not meet the minimum requirements, you can upgrade\n"
            "your video adapter, or return the game for a refund.\n\n"
            "Please contact Widget Customer Service at 555-0100 to request a refund.\n"
        )
    )
    steps = [s for f in fixes(tree) for s in f["steps"]]
    refund = [s for s in steps if "request a refund" in s["text"]]
    offer = [s for s in steps if "return the game" in s["text"]]
    assert refund and offer
    assert offer[0].get("when")
    assert refund[0].get("when") == offer[0]["when"]


def test_how_to_do_the_action_before_is_not_a_second_task() -> None:
    """ "To mount another drive, unmount one. To unmount a drive, start X and choose
    Unmount." is one task: the second purpose says how to do the first action."""
    assert (
        purpose_tasks(
            "To mount another drive, unmount one of the mounted drives. To unmount a drive,"
            " start WidgetSpace and choose Unmount from the Drive menu."
        )
        == []
    )
    assert (
        purpose_tasks(
            "To save a widget under an unknown extension, put quotation marks around its"
            ' name. To save the widget as W.EXT, type "W.EXT" with the quotation marks.'
        )
        == []
    )


def test_do_not_select_is_cleared_only_for_a_check_box() -> None:
    """ "Do not select the X check box" is "Clear the X check box"; "Do not select the
    objects together" has no one opposite and stays as the article says it."""
    assert said_as_action('Do not select the "Use widgets" check box.') == (
        'Clear the "Use widgets" check box.'
    )
    assert said_as_action("Do not select linked and inline widgets together.") == ""
