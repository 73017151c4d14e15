"""Drafted checklists tick actions only: a note or another tool said after the action is
shown beside it, a lead-in over its steps is shown with the first of them (and its case
reaches them), statements of what exists are shown, advice in an outcome's text is its
step (round 15, the seed-52 readers' "steps" notes)."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, details, fixes, support, ticks, walked

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999915")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nThe client account is locked out every few minutes after you\n"
    "install the client.\n\n"
)
CAUSE = "CAUSE\n=====\n\nA third-party driver searches a network path with old credentials.\n\n"


def test_another_tool_said_after_the_action_is_shown_beside_it() -> None:
    """'Capture network traffic ... You can also use Network Monitor to perform a trace.'
    ticks the capture; the other tool is shown under it."""
    article = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "To work around this issue, capture network traffic, frames, or packets to\n"
        "determine which files the drivers are attempting to locate. You can also use\n"
        "Network Monitor to perform a trace.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == [
        "Capture network traffic, frames, or packets to determine which files the drivers"
        " are attempting to locate."
    ]
    assert "You can also use Network Monitor to perform a trace." in details(only)
    draft_text(article)  # lint-clean
    # another way to do a step the drafter knows as one stays a way of its own
    ways = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this problem, right-click the folder in Windows Explorer, click\n"
        "Properties, and then click to clear the Read-only check box. You can also use\n"
        "the attrib command to do this from a command prompt.\n"
    )
    assert any(
        ticks(fix) == ["Use the attrib command to do this from a command prompt."]
        for fix in fixes(draft_tree(ways))
    )


def test_note_and_default_after_the_action_are_shown_beside_it() -> None:
    """'Re-install X. Note that Y will not run without Z.' and 'Ensure that X. By default,
    this is Y.' tick the action alone, the note and the default shown under it."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "1. Re-install your video drivers. Note that the game will not run without\n"
        "   DirectX drivers.\n"
        "2. Ensure that the service account has full access to the log folder. By\n"
        "   default, this is the \\Sms\\Logs folder.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == [
        "Re-install your video drivers.",
        "Ensure that the service account has full access to the log folder.",
    ]
    shown = details(only)
    assert "Note that the game will not run without DirectX drivers." in shown
    assert "By default, this is the \\Sms\\Logs folder." in shown
    draft_text(article)


def test_case_lead_in_said_by_performing_the_steps_gates_them_and_is_no_tick() -> None:
    """'If the folder is not present, add it manually ... by performing the following
    steps:' is not ticked: its steps are shown for 'yes' only, under it as their title."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        'From a command prompt, type "path" to view the PATH setting, and then check for\n'
        "the presence of the Wbem folder. For example, type the following:\n\n"
        "  path\n\n"
        "If the Wbem folder is not present, add it manually to your search path by\n"
        "performing the following steps:\n\n"
        "1. Log on to the computer by using an Administrator account.\n\n"
        "2. In Control Panel, double-click System.\n\n"
        "3. In the System variables window, highlight the Path variable, and then click\n"
        "   Edit.\n"
    )
    tree = draft_tree(article)
    (only,) = fixes(tree)
    assert not any("following steps" in t for t in ticks(only))
    assert "by performing the following steps" in details(only)
    asked = next(n for n in tree["nodes"] if n.get("var") and "Wbem" in n.get("title", ""))
    present = [c.text for c in walked(article, {"symptom": "yes", asked["var"]: "no"}).items]
    assert not any("Control Panel" in t for t in present)
    absent = [c.text for c in walked(article, {"symptom": "yes", asked["var"]: "yes"}).items]
    assert any("Control Panel" in t for t in absent)
    draft_text(article)


def test_lead_in_over_its_own_steps_is_shown_with_the_first() -> None:
    """'Remove the border around the table by doing the following:' over its steps is
    the group's title, shown with the first step; the steps are ticked."""
    article = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "1. Set a right-aligned tab at the right margin.\n"
        "2. Remove the border around the table by doing the following:\n\n"
        "   a. With the table selected, on the Format menu, click Borders and Shading.\n"
        "   b. Click None, and then click OK.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert not any(t.endswith("by doing the following:") for t in ticks(only))
    assert any(t.startswith("With the table selected") for t in ticks(only))
    assert "Remove the border around the table" in details(only)
    draft_text(article)


SUPPORT_HEAD = (
    "## Symptoms\n\nWindows Firewall doesn't switch to the Domain profile when you use a\n"
    "third-party VPN client.\n\n"
    "## Cause\n\nA time lag in some third-party VPN clients causes this issue.\n\n"
)


def test_support_note_glued_on_a_step_is_shown_beside_it() -> None:
    """A '> [!Note]' after a workaround sentence is shown beside its action, not ticked
    with it."""
    article = support(
        SUPPORT_HEAD + "## Workaround\n\n"
        "To work around this issue, avoid option /LARGEADDRESSAWARE:NO while compiling the"
        " applications.\n\n"
        "> [!Note]\n> By default a 64-bit application makes use of the Extended Address Space"
        " (8 terabytes per process).\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == ["Avoid option /LARGEADDRESSAWARE:NO while compiling the applications."]
    assert "Extended Address Space" in details(only)
    draft_text(article)


def test_support_advice_is_ticked_and_what_exists_is_shown() -> None:
    """'To fix this issue, we recommend that you contact the VPN provider ...' is the
    first tick, which names the outcome; 'In user mode, there are IpHelper APIs. For
    example: ...' is shown under the step before."""
    article = support(
        SUPPORT_HEAD + "## Resolution\n\n"
        "To fix this issue, we recommend that you contact the VPN provider for a solution"
        " to reduce the time lag caused by adding domain routes.\n\n"
        "For VPN providers, you can use callback APIs to add routes as soon as the VPN"
        " adapter arrives at Windows. For example:\n\n"
        "- **NotifyUnicastIpAddressChange**: Alerts callers of any changes to any IP"
        " address.  \n"
        "- **NotifyIpInterfaceChange**: Registers a callback for notification of changes.  \n\n"
        "In user mode, there are IpHelper APIs. For example:  \n\n"
        "- **NotifyAddrChange**: Notifies the user about address changes.  \n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only)[0].startswith("Contact the VPN provider for a solution")
    assert only["title"].startswith("Resolution: Contact the VPN provider")
    assert not any("there are IpHelper APIs" in t for t in ticks(only))
    assert "there are IpHelper APIs" in details(only)
    draft_text(article)
