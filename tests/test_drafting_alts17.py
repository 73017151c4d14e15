"""Round 17 (alts17): MS KB ways said in words and fixes per case, each a fix to choose;
an open symptom list that keeps going; `-or-` between paths that is no choice of fixes."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, fixes, questions, ticks

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id.
mskb = partial(archive, id_="Q999917")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you link the program, you receive the following error\n"
    "message:\n\n  error L2002: fixup overflow\n\n"
)
CAUSE = "CAUSE\n=====\n\nThe linker expects the variable in another segment.\n\n"


def _fix_titles(tree: dict) -> list[str]:
    return [f["title"] for f in fixes(tree)]


def test_one_way_and_another_work_around_are_two_fixes_without_their_leads() -> None:
    """'One way to eliminate this error is to X:' then 'Another work-around is to Y:' are
    two fixes to choose from, each ticking its own action without the lead-in."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "One way to eliminate this error is to initialize the variable in the C code:\n\n"
        "  int Var=0;\n\n"
        "Another work-around is to declare the variable in the assembly code, as\n"
        "follows:\n\n  .fardata?\n  EXTERN Var:WORD\n"
    )
    tree = draft_tree(article)
    one, two = fixes(tree)
    assert ticks(one) == ["Initialize the variable in the C code:"]
    assert ticks(two)[0] == "Declare the variable in the assembly code, as follows:"
    assert one["title"] == "Resolution: Initialize the variable in the C code"
    (menu,) = questions(tree)
    assert [c["next"] for c in menu["choices"]] == [one["id"], two["id"]]
    draft_text(article)  # lint-clean


def test_a_way_said_as_a_statement_and_you_can_also_are_two_fixes() -> None:
    """'Using X instead of Y prevents Z.' then 'You can also resolve this problem by
    upgrading to W.' offers two fixes, not two ticks of one outcome."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        'Using "map drive" instead of UNC names prevents these commands from being\n'
        "chained together.\n\n"
        "You can also resolve this problem by upgrading to Windows NT 4.0.\n"
    )
    tree = draft_tree(article)
    assert len(fixes(tree)) == 2
    assert all(len(f["steps"]) == 1 for f in fixes(tree))
    assert "Upgrade to Windows NT 4.0" in _fix_titles(tree)[1]
    draft_text(article)


def test_a_fix_per_case_keeps_the_second_case_when_the_first_does_not_apply() -> None:
    """'If the device is disabled, consult X.' then 'If you are using Windows 95 OSR2, use
    the following steps:' are two fixes: saying the device is not disabled still reaches
    the IRQ steering steps (it no longer leaves the article)."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "If the device is disabled, consult the device's documentation or manufacturer\n"
        "for information about enabling the device.\n\n"
        "If you are using Windows 95 OSR2, use the following steps to enable IRQ\n"
        "steering:\n\n"
        "1. In Control Panel, double-click System.\n\n"
        "2. Click the IRQ Steering tab, and then click the IRQ Steering check box.\n"
    )
    tree = draft_tree(article)
    first, second = fixes(tree)
    assert "IRQ Steering" not in " ".join(ticks(first))
    assert ticks(second)[0] == "In Control Panel, double-click System."
    draft_text(article)


def test_an_open_symptom_list_has_an_answer_that_goes_on() -> None:
    """A symptom list the article says 'is not exhaustive' asks which form is seen with an
    answer for another form that goes on to the cause, not only 'None of these'."""
    article = mskb(
        "SYMPTOMS\n========\n\n"
        "When you print to a NetWare print queue, a directory handle may be\n"
        "deallocated. This may cause the following symptoms (this list of symptoms is\n"
        "not exhaustive):\n\n"
        '- An "Invalid handle" message appears in File Manager.\n\n'
        "- A network application is unable to reconnect to the server.\n\n"
        + CAUSE
        + "RESOLUTION\n==========\n\nInstall the latest service pack for Windows NT 3.51.\n"
    )
    tree = draft_tree(article)
    symptom = next(n for n in tree["nodes"] if n["id"] == "symptom")
    going_on = [c for c in symptom["choices"] if c["next"] != "not_this_article"]
    assert len(going_on) == 3
    assert going_on[-1]["label"].startswith("Something else like these")
    draft_text(article)


def test_or_between_bare_paths_is_no_choice_of_fixes() -> None:
    """Paths a browser is usually at, joined by '-or-', are not fixes: no answer of the
    fixes question is a bare path."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this issue, specify the path to your Web browser. To do so, use\n"
        "the following steps:\n\n"
        "1. Start Encarta.\n\n"
        "2. On the Options menu, click Settings.\n\n"
        "3. Click Choose Web Browser.\n\n"
        "If you use Internet Explorer, the path to the Web browser is usually one of\n"
        "the following:\n\n"
        "   c:\\Iexplore\\Iexplore.exe\n\n"
        "-or-\n\n"
        "   c:\\Program Files\\Internet Explorer\\Iexplore.exe\n\n"
        "Click the Web browser you want to use, click Open, and then click OK.\n"
    )
    tree = draft_tree(article)
    assert not any(t.split(": ")[-1].startswith("c:\\") for t in _fix_titles(tree))
    draft_text(article)
