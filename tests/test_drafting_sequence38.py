"""Fixes tried in turn are not offered side by side, and alternatives are not ticked in turn
(round 38, sequence38; the seed-106 readers' firewall-profile-not-switch-to-domain and
Q184286 notes): "First, do A. If the issue doesn't resolve, further do B" is one fix with a
checkpoint before B, and "The following are three suggested workarounds:" over three
bullets offers three fixes, the one "described in more detail below" with the steps under
the heading after the list."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, details, fixes, questions, support, ticks

from kbassist.drafting.tree import draft_tree

mskb = partial(archive, id_="Q999738")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you compile the project, Visual Basic reports that you\n"
    "have broken Binary Compatibility.\n\n"
)
CAUSE = "CAUSE\n=====\n\nThe project uses an enumerated type as a function parameter.\n\n"
WAYS = (
    "RESOLUTION\n==========\n\n"
    "The following are three suggested workarounds for this bug:\n\n"
    "- Do not use Binary Compatibility. This is not a good workaround because every\n"
    "  client must be recompiled.\n\n"
    "- Rename all Enum statements as Long.\n\n"
    "- Place all ENUMS into a separate DLL, and reference the DLL. This workaround is\n"
    "  described in more detail below.\n\n"
)
STEPS = (
    "Steps to Implement the Type Library Workaround\n"
    "----------------------------------------------\n\n"
    "If you start receiving the error messages, you should do the following:\n\n"
    "1. Copy all ENUM declarations into a new ActiveX DLL.\n\n"
    "2. Compile the ActiveX DLL.\n\n"
    "3. Select References from the Project menu.\n\n"
    "4. Compile your ActiveX server.\n\n"
    "You can also bypass unregistering the ActiveX DLL, and reference the DLL itself.\n\n"
)


def test_suggested_workarounds_are_offered_one_each() -> None:
    """ "The following are three suggested workarounds" over three bullets asks which one:
    three fixes, none of them named by the lead-in, none ticking another's step."""
    tree = draft_tree(mskb(SYMPTOMS + CAUSE + WAYS + STEPS))
    outcomes = fixes(tree)
    assert len(outcomes) == 3
    assert not any(o["title"].startswith("The following") for o in outcomes)
    first = ticks(outcomes[0])
    assert not any("Rename all Enum" in t for t in first)
    assert any(q["id"] == "mitigation" for q in questions(tree))


def test_way_described_below_gets_its_steps() -> None:
    """The way "described in more detail below" ticks the numbered steps under the heading
    after the list; the closing "You can also ..." is shown under the last step, not
    offered as a fix of its own."""
    tree = draft_tree(mskb(SYMPTOMS + CAUSE + WAYS + STEPS))
    outcomes = fixes(tree)
    dll = next(o for o in outcomes if "separate DLL" in o["title"])
    assert "Copy all ENUM declarations into a new ActiveX DLL." in ticks(dll)
    assert "Compile your ActiveX server." in ticks(dll)
    assert not any(t.startswith("You can also") for t in ticks(dll))
    assert "bypass unregistering" in details(dll)
    assert not any("bypass" in o["title"].casefold() for o in outcomes)


WORKAROUND = (
    "## Symptoms\n\nWindows Firewall doesn't switch to the Domain profile over the VPN.\n\n"
    "## Cause\n\nA time lag in the VPN client.\n\n"
    "## Workaround\n\n"
    "To work around this issue, disable negative cache. To do so, use the following "
    "methods.\n\n"
    "- First, disable Domain Discovery negative cache by adding the **NegativeCachePeriod** "
    "registry key to the following subkey:\n\n"
    "    `HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\NetLogon\\Parameters`\n\n"
    "- If issue doesn't resolve, further disable DNS negative cache by adding the "
    "**MaxNegativeCacheTtl** registry key to the following subkey:\n\n"
    "    `HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\Parameters`\n"
)


def test_second_fix_only_if_issue_does_not_resolve_follows_the_first() -> None:
    """ "If issue doesn't resolve, further disable X" comes after the first fix behind a
    checkpoint, in one checklist, instead of a parallel choice labelled by its condition."""
    tree = draft_tree(support(WORKAROUND))
    (fix,) = fixes(tree)
    said = ticks(fix)
    check = next(n for n, t in enumerate(said) if t.startswith("If the issue doesn't resolve"))
    assert "NegativeCachePeriod" in " ".join(said[:check])
    assert said[check + 1].startswith("Disable DNS negative cache")
    assert not fix["title"].startswith("First,")


def test_follow_up_that_does_not_go_away_is_chained() -> None:
    """An MS KB fix "If the problem does not go away, reinstall X" after the first fix is
    asked as "Still failing after fix 1?", not offered beside it."""
    body = (
        "RESOLUTION\n==========\n\n"
        "First, remove the Vbrun300.dll file from the Windows\\System folder and restart\n"
        "the computer.\n\n"
        "If the problem does not go away, reinstall Visual Basic from the original disks.\n\n"
    )
    tree = draft_tree(mskb(SYMPTOMS + CAUSE + body))
    titles = [q["title"] for q in questions(tree)]
    assert any(t.startswith("Still failing after fix 1") for t in titles)
    assert not any(o["title"].startswith("First,") for o in fixes(tree))


def test_following_are_examples_is_no_menu() -> None:
    """ "The following are two examples:" over bullets is no choice between fixes: the
    lead-in names only workarounds, methods, ways and the like."""
    body = (
        "RESOLUTION\n==========\n\n"
        "Remove the parameter from the function. The following are two examples:\n\n"
        "- Public Function A() As Long\n\n"
        "- Public Function B() As Long\n\n"
    )
    tree = draft_tree(mskb(SYMPTOMS + CAUSE + body))
    assert len(fixes(tree)) == 1
