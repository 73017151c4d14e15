"""Where a fix applies is asked, not ticked or left as prose (round 15, apply15): an MS
support warning "Don't apply the workaround to computers that are running Windows 10 or
later" is a yes/no question before the workaround, and a one-step fix "If you're running
Windows Server 2008 as your KMS host, you need this update hotfix 968912" asks about the
KMS host before it ticks "Install this update hotfix 968912"."""

from __future__ import annotations

from typing import Any

from drafting_support import support, walked

from kbassist.drafting.tree import draft_text, draft_tree

RENAME = (
    "When you rename a user account on a computer that is running Windows 7, the user "
    "profile path isn't changed automatically.\n\n"
    "> [!IMPORTANT]\n> Don't apply the workaround to computers that are running Windows 10 "
    "or later. It can cause the `winget` command to stop working.\n\n"
    "## Workaround\n\nTo work around this issue, use the steps below.\n\n"
    "1. Log in by using another administrative account.\n"
    "2. Go to the `C:\\users\\` folder and rename the sub folder to the new user name.\n"
)

KMS = (
    "## Symptoms\n\nWhen you try to activate Windows, you get error 0xC004F074.\n\n"
    "## Cause\n\nThis error can occur for one of the following reasons:\n\n"
    "- A support version mismatch between the KMS client and the KMS host machine\n"
    "- A time difference between the KMS client and the KMS host machine\n\n"
    "## Resolution\n\n### Support version mismatch between KMS client and KMS host\n\n"
    "If you're running Windows Server 2008 as your KMS host, you need this update hotfix "
    "[968912](https://support.microsoft.com/help/968912).\n\n"
    "### Time difference between KMS client and KMS host\n\n"
    "Run the `w32tm /resync` command to resync the time on the client.\n"
)


def node(tree: dict[str, Any], node_id: str) -> dict[str, Any]:
    return next(n for n in tree["nodes"] if n["id"] == node_id)


def test_dont_apply_warning_is_asked_before_the_workaround() -> None:
    """'Don't apply the workaround to computers that are running Windows 10 or later' is
    the question 'Is this computer running Windows 10 or later?': yes ends on an honest
    'not for this system' outcome that ticks no workaround step, no walks the steps."""
    article = support(RENAME)
    tree = draft_tree(article)
    (gate,) = [n for n in tree["nodes"] if n["id"].endswith("-applies")]
    assert gate["title"] == "Is this computer running Windows 10 or later?"
    assert "winget" in gate["text"]
    on_ten = walked(article, {"symptom": "yes", gate["var"]: "yes"})
    assert "Windows 10 or later" in on_ten.outcome.title
    assert not any("administrative account" in i.text for i in on_ten.part("steps"))
    on_seven = walked(article, {"symptom": "yes", gate["var"]: "no"})
    steps = [i.text for i in on_seven.part("steps")]
    assert any("another administrative account" in t for t in steps)
    # the warning is asked, so the workaround's text does not repeat it as prose
    assert "Don't apply" not in str(on_seven.outcome.text)
    draft_text(article)


def test_workaround_warning_gates_the_workaround_not_the_resolution() -> None:
    """A warning about 'the workaround' asks before the Workaround only: the
    Resolution's update is for every system and is reached with no such question."""
    article = support(
        RENAME.replace(
            "## Workaround",
            "## Resolution\n\nInstall the latest cumulative update for Windows 7.\n\n## Workaround",
        )
    )
    tree = draft_tree(article)
    gates = [n for n in tree["nodes"] if n["id"].endswith("-applies")]
    assert [g["id"] for g in gates] == ["workaround_1-applies"]
    pick = next(n for n in tree["nodes"] if n["id"] == "mitigation")
    nexts = {c["label"]: c["next"] for c in pick["choices"]}
    assert any(v == "workaround_1-applies" for v in nexts.values())
    assert any(node(tree, v)["kind"] == "outcome" for v in nexts.values())
    draft_text(article)


def test_one_step_for_one_product_asks_the_product() -> None:
    """'If you're running Windows Server 2008 as your KMS host, you need this update
    hotfix 968912' is asked 'Are you running Windows Server 2008 as your KMS host?', its
    step 'Install this update hotfix 968912', not a tick that holds its condition."""
    article = support(KMS)
    tree = draft_tree(article)
    cases = [n for n in tree["nodes"] if n["id"].endswith("-case")]
    (case,) = cases
    assert case["title"] == "Are you running Windows Server 2008 as your KMS host?"
    fix = node(tree, case["choices"][0]["next"])
    texts = [" ".join(s["text"].split()) for s in fix["steps"]]
    assert texts[0].startswith("Install this update hotfix 968912")
    assert not any(t.startswith("If you're running") for t in texts)
    draft_text(article)
