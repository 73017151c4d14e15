"""Where a fix applies is asked, not ticked or left as prose (round 15, apply15): an MS
support warning "Don't apply the workaround to computers that are running Windows 10 or
later" is a yes/no question before the workaround, and a one-step fix "If you're running
Windows Server 2008 as your KMS host, you need this update hotfix 968912" asks about the
KMS host before it ticks "Install this update hotfix 968912"."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, support, walked

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


mskb = partial(archive, id_="Q999915")

METHODS = (
    "SYMPTOMS\n========\n\nSinvproc leaves zero-byte files in the BADSINV folder.\n\n"
    "RESOLUTION\n==========\n\nTo install the update, use the appropriate method.\n\n"
    "Method 1: Using the Update Installer\n------------------------------------\n\n"
    "NOTE: This method is only for I386-based computers.\n\n"
    "1. Copy the update folder structure to a share on your network.\n"
    "2. Run Q999915.exe on the site server.\n\n"
    "Method 2: Manual Installation\n-----------------------------\n\n"
    "1. Stop the SMS Executive service.\n"
    "2. Copy the Sinvproc.dll file to the site server.\n"
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


def test_mskb_method_note_only_for_a_platform_is_asked() -> None:
    """An MS KB method's 'NOTE: This method is only for I386-based computers.' asks 'Is
    this an I386-based computer?' before that method only: no ends on 'The method is
    only for I386-based computers', the other method is not gated."""
    article = mskb(METHODS)
    tree = draft_tree(article)
    (gate,) = [n for n in tree["nodes"] if n["id"].endswith("-applies")]
    assert gate["title"] == "Is this an I386-based computer?"
    no = node(tree, next(c["next"] for c in gate["choices"] if c["value"] == "no"))
    assert no["title"] == "The method is only for I386-based computers"
    yes = node(tree, next(c["next"] for c in gate["choices"] if c["value"] == "yes"))
    assert "Copy the update folder" in yes["steps"][0]["text"]
    draft_text(article)


def test_fixes_per_product_in_a_menu_name_the_product() -> None:
    """Two fixes offered as a menu, 'If you are running Windows 95/98, open ...' and 'If
    you are running Windows NT, open ...': each choice names its product, and no yes/no
    question after the menu sends a Windows NT admin to 'this article may not apply'."""
    article = mskb(
        "SYMPTOMS\n========\n\nThe Sample.dll file is missing.\n\n"
        "RESOLUTION\n==========\n\nUse one of the following methods.\n\n"
        "Method 1\n--------\n\nIf you are running Windows 95/98, copy Sample.dll to the "
        "Windows\\System folder.\n\n"
        "Method 2\n--------\n\nIf you are running Windows NT, copy Sample.dll to the "
        "Winnt\\System32 folder.\n"
    )
    tree = draft_tree(article)
    menu = node(tree, "mitigation")
    labels = [c["label"] for c in menu["choices"]]
    assert "(Windows 95/98): " in labels[0] or labels[0].startswith("Windows 95/98: ")
    assert "(Windows NT): " in labels[1] or labels[1].startswith("Windows NT: ")
    assert not [n for n in tree["nodes"] if n["id"].endswith("-case")]
    draft_text(article)
