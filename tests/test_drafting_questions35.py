"""No junk questions (round 34, questions35): no case question whose answers both reach
the same outcome when the case is the outcome's premise or what its own check finds, no
"Do you <noun> does ...?", no "I don't know" that asks the same choice again, no fix
labelled by its cause."""

from __future__ import annotations

import time
from functools import partial

from drafting_support import archive, questions, support

from kbassist.drafting.deciding_questions import _IF_THEN_RE, _QUOTED_STEP_RE, you_typo_question
from kbassist.drafting.tree import draft_text, draft_tree

mskb = partial(archive, id_="Q999935")


def _titles(tree: dict[str, object]) -> list[str]:
    return [str(q["title"]) for q in questions(tree)]  # type: ignore[arg-type]


def _steps(tree: dict[str, object]) -> list[dict[str, object]]:
    nodes = tree["nodes"]
    assert isinstance(nodes, list)
    return [s for n in nodes if n["kind"] == "outcome" for s in n.get("steps", [])]


def test_case_the_section_opens_on_is_not_asked_again() -> None:
    """A section opening 'If restarting the server fixes the issue for a while, ...' does not
    ask 'Is the issue fixed for a while by a server restart?' before its own steps: the
    admin chose the section, so its step is ticked."""
    article = support(
        "## Symptoms\n\nUsers can't sign in to the portal.\n\n"
        "## Memory leak\n\nIf restarting the server temporarily fixes the issue until it "
        "returns, a process may be leaking memory.\n\n"
        "Restart the Portal service and check its memory use in Task Manager.\n\n"
        "If the issue is temporarily fixed by a server restart, monitor the memory use of "
        "each process over a day.\n\n"
        "## Data collection\n\nRun the collection script and open a support case.\n"
    )
    tree = draft_tree(article)
    assert not any("temporarily fixed" in t for t in _titles(tree))
    monitor = [s for s in _steps(tree) if str(s["text"]).startswith("Monitor the memory")]
    assert monitor and all("when" not in s for s in monitor)
    draft_text(article)  # lint-clean


def test_case_the_steps_check_is_ticked_as_the_article_says_it() -> None:
    """'Make sure the video card meets the minimum requirements' then 'If your video card
    does not meet the minimum requirements, upgrade it': not asked up front (the admin
    learns it from the check), ticked as 'If ..., upgrade ...'."""
    article = mskb(
        "SYMPTOMS\n========\n\nThe game stops with an access violation.\n\n"
        "RESOLUTION\n==========\n\n"
        "Make sure the video card meets the minimum requirements for the game:\n\n"
        "1. Click Start, and then click Run.\n"
        "2. Type dxdiag, and then click OK.\n"
        "3. On the Display tab, note the amount of memory.\n"
        "4. If your video card does not meet the minimum requirements, upgrade the video "
        "card.\n"
        "5. Restart the computer.\n"
    )
    tree = draft_tree(article)
    assert not any("video card" in t for t in _titles(tree))
    texts = [str(s["text"]) for s in _steps(tree)]
    assert any(t.startswith("If your video card does not meet") for t in texts)
    draft_text(article)


def test_you_for_your_is_asked_as_a_case_not_do_you() -> None:
    """'If you computer does not start, ...' (the article's typo) is asked 'Does this apply:
    your computer does not start?', never 'Do you computer does not start?'."""
    assert you_typo_question("you computer does not start".split()) == (
        "Does this apply: your computer does not start?"
    )
    assert you_typo_question("you use a proxy server".split()) == ""


def test_unsure_cause_does_not_ask_the_same_choice_again() -> None:
    """'I don't know' under 'Which cause applies?' leads to a fix, never to a question
    offering the same two fixes again."""
    article = support(
        "## Symptoms\n\nWhen you change the lockout policy, the changes are not applied.\n\n"
        "## Cause\n\nThis issue can occur in either of the following scenarios:\n\n"
        "- The **Block Inheritance** option is enabled on the Servers organizational unit.\n"
        "- The lockout policy is not set in the Default Domain policy.\n\n"
        "## Resolution\n\nTo resolve this issue, disable the **Block Inheritance** option on "
        "the Servers organizational unit:\n\n"
        "1. Start the Active Directory Users and Computers snap-in.\n"
        "2. Right-click the Servers organizational unit, click Properties, and then clear "
        "the **Block Inheritance** check box.  \n"
        "If this issue occurs because you did not set lockout policy in the Default Domain "
        "policy, set all lockout policies in the Default Domain policy.\n"
    )
    tree = draft_tree(article)
    nodes = {str(n["id"]): n for n in tree["nodes"]}  # type: ignore[union-attr]
    for question in questions(tree):
        for choice in question["choices"]:
            if str(choice["label"]).startswith("I don't know"):
                assert nodes[choice["next"]]["kind"] == "outcome"
    titles = [str(n["title"]) for n in nodes.values() if n["kind"] == "outcome"]
    assert "Set all lockout policies in the Default Domain policy" in titles
    assert not any(t.startswith("You did not") for t in titles)
    draft_text(article)


def test_case_patterns_are_linear_on_hostile_text() -> None:
    """The case patterns answer in well under a second on 20 KB of near-misses."""
    hostile = "If " + "a " * 10000
    start = time.perf_counter()
    _IF_THEN_RE.match(hostile)
    _QUOTED_STEP_RE.match('The article has a step for this case: "' + "x" * 20000)
    assert time.perf_counter() - start < 1.0


def test_fix_said_as_a_fact_beside_its_install_is_not_an_option() -> None:
    """'The XYZ Driver for Access versions 4.1.2 and later allow longer strings' beside the
    STATUS fix 'Install the XYZ Driver ...' is no third answer: the admin chooses between
    the two real ways."""
    article = mskb(
        "SYMPTOMS\n========\n\nAn INSERT statement with a long string fails with a syntax "
        "error.\n\n"
        "RESOLUTION\n==========\n\nThere are two possible workarounds for the syntax error:\n\n"
        "- The XYZ Driver for Access versions 4.1.2 and later allow SQL INSERTS with string\n"
        "  literals having up to 500,000 characters.\n\n"
        "- Use parameterized inserts rather than embedding literal strings into the SQL\n"
        "  statements.\n\n"
        "STATUS\n======\n\nMicrosoft has confirmed this to be a bug.\n\n"
        "This bug has been fixed in the XYZ Driver for Access versions 4.1.2 and later.\n"
    )
    tree = draft_tree(article)
    labels = [str(c["label"]) for q in questions(tree) for c in q["choices"]]
    assert not any(label.startswith("The XYZ Driver") for label in labels)
    assert any(label.startswith("Install the XYZ Driver") for label in labels)
    assert any(label.startswith("Use parameterized") for label in labels)
    draft_text(article)
