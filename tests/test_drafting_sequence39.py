"""A fallback ("If the issue continues to occur, do Y") goes after the fix it follows, not
beside it as a parallel fix (round 39, sequence39): inside a sub-headed part of an MS KB
RESOLUTION it joins the fix of its own part (never another part's), a part headed by an
action that opens with it follows the section's lead fix, and a runbook's numbered "If the
issue persists:" after two "For X issues:" items follows either case's fix."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, fixes, runbook, ticks

from kbassist.drafting.tree import draft_tree

mskb = partial(archive, id_="Q999739")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you quit the game, your computer may stop responding\n"
    "and your display may become distorted.\n\n"
)
CAUSE = "CAUSE\n=====\n\nThis behavior can occur if the video driver is out of date.\n\n"
PARTS = (
    "RESOLUTION\n==========\n\n"
    "To resolve this issue, use the appropriate method for your video adapter.\n\n"
    "Widget Rush 128\n---------------\n\n"
    "Download and install the latest version of the driver for your Widget Rush 128\n"
    "video adapter from the following Web site:\n\n"
    "  http://www.example.com\n\n"
    "If the issue continues to occur, download and install the latest version of the\n"
    "Single Board Run-Time driver from the following Web site:\n\n"
    "  http://www.example.com/download\n\n"
    "Widget Banshee\n--------------\n\n"
    "To resolve this issue, reduce the graphics hardware acceleration. To do this,\n"
    "follow these steps:\n\n"
    "1. Click Start, point to Settings, and then click Control Panel.\n\n"
    "2. Double-click System.\n\n"
    "3. On the Performance tab, click Graphics.\n\n"
    "4. Click OK, and then click Close.\n\n"
)


def test_follow_up_in_a_part_goes_after_that_parts_fix() -> None:
    """The part's "If the issue continues to occur, download ..." is a step after a
    checkpoint in the part's own fix, not a parallel fix; the other part is untouched."""
    tree = draft_tree(mskb(SYMPTOMS + CAUSE + PARTS))
    outcomes = fixes(tree)
    assert not any("Single Board" in o["title"] for o in outcomes)
    rush = next(o for o in outcomes if o["title"].startswith("Widget Rush 128"))
    said = ticks(rush)
    check = next(n for n, t in enumerate(said) if t.startswith("If the issue continues"))
    assert "go on with the next step" in said[check]
    assert said[check + 1].startswith("Download and install the latest version of the Single")
    banshee = next(o for o in outcomes if o["title"].startswith("Widget Banshee"))
    assert not any("Single Board" in t for t in ticks(banshee))


def test_follow_up_never_joins_another_parts_fix() -> None:
    """A part that opens with "If the issue continues" under a case heading (not an
    action) stays its own fix: it is not glued onto the part before it."""
    body = (
        "RESOLUTION\n==========\n\n"
        "To resolve this issue, use the appropriate method for your video adapter.\n\n"
        "Widget Rush 128\n---------------\n\n"
        "Download and install the latest version of the driver from the following site:\n\n"
        "  http://www.example.com\n\n"
        "Widget Banshee 3D\n-----------------\n\n"
        "If the issue continues to occur, reduce the graphics hardware acceleration\n"
        "to Basic on the Performance tab.\n\n"
    )
    tree = draft_tree(mskb(SYMPTOMS + CAUSE + body))
    rush = next(o for o in fixes(tree) if o["title"].startswith("Widget Rush 128"))
    assert not any("acceleration" in t for t in ticks(rush))


def test_part_headed_by_an_action_follows_the_lead_fix() -> None:
    """A sub-headed part "Install the Latest Version of DirectX" whose text opens "If the
    issue continues to occur, ..." is the lead fix's fallback: one checklist."""
    body = (
        "RESOLUTION\n==========\n\n"
        "To resolve this issue, reinstall DirectX in Safe mode. To do this:\n\n"
        "1. Restart the computer in Safe mode.\n\n"
        "2. Double-click the Dxsetup.exe file to start DirectX Setup.\n\n"
        "3. Restart the computer.\n\n"
        "Install the Latest Version of DirectX\n"
        "-------------------------------------\n\n"
        "If the issue continues to occur, download and install the latest version of\n"
        "DirectX from the following Web site:\n\n"
        "  http://www.example.com/directx\n\n"
    )
    tree = draft_tree(mskb(SYMPTOMS + CAUSE + body))
    (fix,) = fixes(tree)
    said = ticks(fix)
    assert any(t.startswith("If the issue continues to occur, go on") for t in said)
    assert said[-1].startswith("Download and install the latest version of DirectX")


def test_runbook_numbered_if_persists_follows_each_case() -> None:
    """A runbook's "3. If the issue persists:" after "1. For X issues:" and "2. For Y
    issues:" is no finding to choose: each case's fix ends with a checkpoint and its steps."""
    body = (
        "## Meaning\n\nThis alert fires when a network interface on a node is down.\n\n"
        "## Impact\n\nReduced network connectivity for pods on the node.\n\n"
        "## Diagnosis\n\n1. Check network interface details:\n   ```bash\n   ip addr show\n"
        "   ```\n\n"
        "## Mitigation\n\n"
        "1. For physical interface issues:\n"
        "   - Check physical cable connections\n"
        "   - Verify switch port configuration\n\n"
        "2. For software or configuration issues:\n"
        "   - Restart the NetworkManager service\n"
        "   - Reapply the node network configuration policy\n\n"
        "3. If the issue persists:\n"
        "   - Check network interface configuration files\n"
        "   - Verify driver compatibility\n"
    )
    tree = draft_tree(runbook(body, id_="InterfaceDown"))
    outcomes = fixes(tree)
    assert not any("persists" in o["title"].casefold() for o in outcomes)
    cases = [o for o in outcomes if "issues" in o["title"].casefold()]
    assert len(cases) == 2
    for case in cases:
        said = ticks(case)
        check = next(n for n, t in enumerate(said) if t.startswith("If the issue persists"))
        assert said[check + 1] == "Check network interface configuration files"
