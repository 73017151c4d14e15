"""Actions the article gives that never reached a checklist (round 36, followups36): a
MORE INFORMATION "You may be able to resolve this issue by X-ing Y", a method's "After you
X, you must Y", and a STATUS post-fix procedure."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, fixes, support, ticks

from kbassist.drafting.tree import draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999936")

NO_FIX = (
    "SYMPTOMS\n========\n\nThe screen may turn black when you start the game.\n\n"
    "CAUSE\n=====\n\nThis behavior can occur if a Wildcat video adapter is installed.\n\n"
    "RESOLUTION\n==========\n\nThere is no known resolution to this issue at this time.\n\n"
    "MORE INFORMATION\n================\n\n"
    "{opening} by downloading and installing the latest\n"
    "version of the video driver for your video adapter from the following Web site:\n\n"
    "  http://www.example.com\n"
)


def test_may_be_able_to_resolve_is_offered_as_a_fix() -> None:
    """'You may be able to resolve this issue by downloading X' in MORE INFORMATION: the
    walk offers 'Download and install X' as a fix, ticked as an action, not only 'no fix'."""
    tree = draft_tree(mskb(NO_FIX.format(opening="You may be able to resolve this issue")))
    driver = [o for o in fixes(tree) if "video driver" in o["title"]]
    assert [o["title"] for o in driver] == [
        "Download and install the latest version of the video driver"
    ]
    first = ticks(driver[0])[0]
    assert first.startswith("Download and install the latest version of the video driver")
    assert "You may be able" not in first


def test_may_be_able_without_a_by_clause_is_no_fix() -> None:
    """'You may be able to avoid these problems in MS-DOS mode' names no action: no new fix."""
    text = NO_FIX.replace(
        "{opening} by downloading and installing the latest\n"
        "version of the video driver for your video adapter from the following Web site:\n\n"
        "  http://www.example.com\n",
        "You may be able to avoid these problems in MS-DOS mode.\n",
    )
    tree = draft_tree(mskb(text))
    assert not [o for o in fixes(tree) if "MS-DOS" in o["title"]]


METHODS = """
## Symptoms

The report server cannot decrypt the symmetric key.

## Cause

This problem occurs when the service account password is reset.

## Resolution

To resolve this problem, use one of the following methods.

### Method 1: Restore the symmetric key

To restore the symmetric key, follow these steps:

1. Start the Reporting Services Configuration tool.
2. On the **Encryption Keys** page, click **Restore**.
3. Click **OK**.

### Method 2: Delete the encrypted content

After you delete the encrypted content, you must reenter the missing connection strings in
the shared data sources. Additionally, you must update all the subscriptions that use
delivery extensions. This includes the file share delivery extension.

To delete the encrypted content, follow these steps:

1. Start the Reporting Services Configuration tool.
2. On the **Encryption Keys** page, click **Delete encrypted content**.
"""


def test_after_you_must_follow_up_is_ticked_last() -> None:
    """'After you delete the encrypted content, you must reenter X. Additionally, you must
    update Y': X and Y are the method's last ticks, after its own steps."""
    tree = draft_tree(support(METHODS))
    delete = next(o for o in fixes(tree) if "Delete the encrypted" in o["title"])
    done = ticks(delete)
    assert done[-2] == "Reenter the missing connection strings in the shared data sources."
    assert done[-1] == "Update all the subscriptions that use delivery extensions."
    assert (
        done.index("On the Encryption Keys page, click Delete encrypted content.") < len(done) - 2
    )
    restore = next(o for o in fixes(tree) if "Restore" in o["title"])
    assert not any("Reenter" in t for t in ticks(restore))


def test_after_you_must_about_another_action_is_not_ticked() -> None:
    """'After you restart the printer spooler, you must ...' in a method about something
    else is not added to that method's checklist."""
    text = METHODS.replace("After you delete the encrypted content", "After you reboot the host")
    tree = draft_tree(support(text))
    delete = next(o for o in fixes(tree) if "Delete the encrypted" in o["title"])
    assert not any("Reenter" in t for t in ticks(delete))


STATUS_PROCEDURE = (
    "SYMPTOMS\n========\n\nThe euro symbol is displayed as a question mark.\n\n"
    "RESOLUTION\n==========\n\nTo resolve this problem, obtain the latest service pack for\n"
    "Exchange Server version 5.5.\n\n"
    "STATUS\n======\n\nThis problem was first corrected in Exchange Server 5.5 Service\n"
    "Pack 3.\n\n"
    "After you apply the fix, you must configure the X.400 Connector to use the\n"
    "Latin-9 character set. To do so, use the following steps.\n\n"
    "1. Start the Exchange Server Administrator program in raw mode.\n\n"
    "2. In the right pane, click the X.400 Connector, and then click Raw Properties.\n\n"
    "3. Click Set, and then click OK.\n"
)


def test_status_post_fix_procedure_follows_the_install() -> None:
    """A STATUS 'After you apply the fix, you must configure X ... use the following steps'
    procedure is ticked after the service pack is installed."""
    tree = draft_tree(mskb(STATUS_PROCEDURE))
    pack = next(o for o in fixes(tree) if "service pack" in o["title"])
    done = ticks(pack)
    assert done[-1] == "Click Set, and then click OK."
    assert any(t.startswith("Start the Exchange Server Administrator") for t in done)
    assert any("service pack" in t.casefold() for t in done[:2])


RESTORE = (
    "SYMPTOMS\n========\n\nThe game may stop responding when you start it.\n\n"
    "RESOLUTION\n==========\n\nTo resolve this issue, contact your hardware manufacturer to\n"
    "obtain an updated video driver.\n\n"
    "MORE INFORMATION\n================\n\n"
    "You may also be able to resolve this issue by reducing the graphics hardware\n"
    "acceleration. To do this:\n\n"
    "1. Click Start, point to Settings, and then click Control Panel.\n\n"
    "2. Double-click System.\n\n"
    "3. Move the Hardware Acceleration slider one notch to the right of None.\n\n"
    "If the issue continues to occur, repeat these steps to increase the graphics\n"
    "hardware acceleration to the original setting.\n"
)


def test_back_to_the_original_setting_is_the_rollback() -> None:
    """'If the issue continues, repeat these steps to increase X to the original setting'
    is the fix's rollback, not a second fix the walk asks for after it."""
    tree = draft_tree(mskb(RESTORE))
    reduce = next(o for o in fixes(tree) if "Reduce the graphics" in o["title"])
    assert not any("original setting" in t for t in ticks(reduce))
    assert any("original setting" in r["text"] for r in reduce.get("rollback", []))
    assert not [o for o in fixes(tree) if "original setting" in o["title"]]
