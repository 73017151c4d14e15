"""Round 21 (msverify21): an MS support fix's own check ("The error log should now indicate
...") is its verify, in that fix only, and a message quoted back in a verify carries no
sub-heading glued onto it ("Named Pipes A connection was ...") (seed-56 readers' notes)."""

from __future__ import annotations

from drafting_support import fixes, support, ticks

from kbassist.drafting.tree import draft_tree

SYMPTOMS = (
    "## Symptoms\n\n"
    "After you upgrade TLS, you encounter the following issues:\n\n"
    "- Problems that affect the server certificate also affect local connections.\n\n"
    "- The application might generate one of the following error messages:\n\n"
    "   **Named Pipes**\n"
    "   > A connection to the widget server was established, but then an error occurred "
    "during the login process. Error: 233.\n\n"
    "  **TCP**\n"
    "  > The connection to the widget server was forcibly closed by the remote host. "
    "Error: 10054.\n\n"
)
#: Two messages that open alike (the real article's): the symptom quotes the first whole.
ALIKE = (
    "## Symptoms\n\n"
    "In this scenario, you encounter the following issues after the upgrade is finished:\n\n"
    "- Problems that affect the server certificate also affect local connections.\n\n"
    "- The application might generate one of the following error messages:\n\n"
    "   **Named Pipes**\n"
    "   > A connection was successfully established with the widget server, but then an "
    "error occurred during the login process. (provider: SSL Provider, error: 0 - No "
    "process on the other end of the pipe) Widget Server, Error: 233.\n\n"
    "  **TCP**\n"
    "  > A connection was successfully established with the widget server, but then an "
    "error occurred during the login process. (provider: SSL Provider, error: 0 - The "
    "connection was forcibly closed by remote host 10054) Widget Server, Error: 233.\n\n"
)
#: The same messages, their labels at the top level of the section.
TOP_LEVEL = (
    "## Symptoms\n\n"
    "After you upgrade, the application might generate one of the following error "
    "messages:\n\n"
    "**Named Pipes**\n"
    "> A connection to the widget server was established, but then an error occurred "
    "during the login process. Error: 233.\n\n"
    "**TCP**\n"
    "> The connection to the widget server was forcibly closed by the remote host. "
    "Error: 10054.\n\n"
)


def _verifies(outcome: dict) -> list[str]:
    return [str(v["text"]) for v in outcome["verify"]]


def test_a_should_now_sentence_under_the_last_step_is_the_verify() -> None:
    """ "Restart the server." over "The error log should now indicate ...": that sentence is
    the fix's verify, not the symptom's message restated, and is no longer ticked."""
    (fix,) = fixes(
        draft_tree(
            support(
                SYMPTOMS + "## Resolution\n\n"
                "1. Open Widget Configuration Manager, and then select **Properties**.\n"
                "1. On the **Certificate** tab, select **Clear**.\n"
                "1. Restart the widget server.\n\n"
                "   The error log should now indicate that a self-generated certificate is "
                "used. If you want another certificate, ask your certificate provider for one "
                "that uses a strong hash.\n"
            )
        )
    )
    assert _verifies(fix) == [
        "The error log should now indicate that a self-generated certificate is used."
    ]
    assert not any("should now" in t for t in ticks(fix))
    assert "certificate provider" in ticks(fix)[-1]  # the advice after it stays shown


def test_a_should_now_sentence_in_the_step_itself_is_the_verify() -> None:
    """ "Restart the service. The Status column should now read Running." said in one
    step: the second sentence is the verify, the restart the tick; "You should now restart
    the computer." is an instruction and stays a step."""
    (fix,) = fixes(
        draft_tree(
            support(
                SYMPTOMS + "## Resolution\n\n"
                "1. Install the widget driver. You should now restart the computer.\n"
                "1. Set the widget service's startup type to **Automatic**.\n"
                "1. Restart the widget service. The Status column should now read Running.\n"
            )
        )
    )
    assert _verifies(fix) == ["The Status column should now read Running."]
    assert ticks(fix)[-1] == "Restart the widget service."
    assert any("You should now restart the computer" in t for t in ticks(fix))


def test_a_check_in_one_fix_is_not_the_verify_of_another() -> None:
    """Two fixes, only the first says its own check: the second keeps the symptom's
    message as its verify (nothing invented, nothing borrowed)."""
    tree = draft_tree(
        support(
            SYMPTOMS + "## Resolution 1: Clear the certificate\n\n"
            "1. On the **Certificate** tab, select **Clear**.\n"
            "1. Restart the widget server.\n\n"
            "   The error log should now indicate that a self-generated certificate is used.\n\n"
            "## Resolution 2: Enable TLS 1.2 on the client\n\n"
            "1. Install the latest widget client driver.\n"
            "1. Restart the client computer.\n"
        )
    )
    first, second = fixes(tree)
    assert _verifies(first) == [
        "The error log should now indicate that a self-generated certificate is used."
    ]
    assert not any("should now" in v for v in _verifies(second))
    assert any("no longer appears" in v for v in _verifies(second))


def test_a_restated_message_drops_its_bold_sub_heading() -> None:
    """The message quoted back under "**Named Pipes**" reads "A connection ...", never
    "Named Pipes A connection ..."."""
    (fix,) = fixes(
        draft_tree(
            support(
                ALIKE + "## Resolution\n\n"
                "1. Install the latest widget client driver.\n"
                "1. Restart the client computer.\n"
            )
        )
    )
    (verify,) = _verifies(fix)
    assert "appears: A connection was successfully established with the widget" in verify
    assert "Named Pipes" not in verify


def test_each_chosen_message_is_checked_without_its_label() -> None:
    """One check per message the admin can choose: "the message "A connection ..."", never
    "the message "Named Pipes > A connection ..."" (the label and the quote marker)."""
    (fix,) = fixes(
        draft_tree(
            support(
                SYMPTOMS + "## Resolution\n\n"
                "1. Install the latest widget client driver.\n"
                "1. Restart the client computer.\n"
            )
        )
    )
    said = _verifies(fix)
    assert len(said) == 2
    assert 'the message "A connection to the widget server was established"' in said[0]
    assert not any(">" in v or "Named Pipes" in v or "TCP" in v for v in said)


def test_a_restated_message_drops_its_list_lead_label() -> None:
    """ "- By using the Services applet:" over the quoted message: the verify quotes the
    message without the label and its colon."""
    (fix,) = fixes(
        draft_tree(
            support(
                "## Symptoms\n\n"
                "When you try to start the widget service, the service doesn't start, and you "
                "receive the following error messages, depending on how you start it:\n\n"
                "- By using the Services applet:\n\n"
                "    > Windows could not start the widget service on Local Computer. "
                "Error 1069: The service did not start due to a logon failure.\n\n"
                "- By using a command prompt:\n\n"
                "    > System error 1069 has occurred.\n\n"
                "## Resolution\n\n"
                "1. Open the Services snap-in.\n"
                "1. Reset the widget service account's password.\n"
            )
        )
    )
    said = " ".join(_verifies(fix))
    assert "appears: Windows could not start the widget service" in said
    assert "By using the Services applet" not in said


def test_a_restated_message_is_never_its_label_alone() -> None:
    """A label at the top level over its quoted message: the verify quotes the message
    under the label, never "no longer appears: Named Pipes"."""
    (fix,) = fixes(
        draft_tree(
            support(
                TOP_LEVEL + "## Resolution\n\n"
                "1. Install the latest widget client driver.\n"
                "1. Restart the client computer.\n"
            )
        )
    )
    (verify,) = _verifies(fix)
    assert verify.startswith("Check that this no longer appears: A connection to the widget")
    assert "Named Pipes" not in verify


def test_what_the_fix_shows_after_a_restart_is_the_verify() -> None:
    """ "After you restart the service, the Status column shows Running." under the last
    step is the check the article gives, the verify of that fix."""
    (fix,) = fixes(
        draft_tree(
            support(
                SYMPTOMS + "## Resolution\n\n"
                "1. Set the widget service's startup type to **Automatic**.\n"
                "1. Restart the widget service.\n\n"
                "   After you restart the service, the Status column shows Running.\n"
            )
        )
    )
    assert _verifies(fix) == ["After you restart the service, the Status column shows Running."]


def test_a_check_said_in_a_paragraph_after_the_list_is_the_verify() -> None:
    """ "After you restart the server, the error log shows ..." as a paragraph after the
    numbered steps: the verify of that fix, never a tick of its own."""
    (fix,) = fixes(
        draft_tree(
            support(
                SYMPTOMS + "## Resolution\n\n"
                "1. On the **Certificate** tab, select **Clear**.\n"
                "1. Restart the widget server.\n\n"
                "After you restart the server, the error log shows that a self-generated "
                "certificate is used.\n"
            )
        )
    )
    assert _verifies(fix) == [
        "After you restart the server, the error log shows that a self-generated "
        "certificate is used."
    ]
    assert ticks(fix) == ["On the Certificate tab, select Clear.", "Restart the widget server."]


def test_an_event_record_quoted_back_is_checked_by_its_id() -> None:
    """ "Event ID: 547 Description: The backup ... for the volume(s) 'F:'." quoted in the
    Symptoms: the verify checks event 547 is no longer logged, its text without the
    "Description:" field label and with its closing quote kept."""
    (fix,) = fixes(
        draft_tree(
            support(
                "## Symptoms\n\n"
                "A widget backup fails, and the following event is logged:\n\n"
                "> Event ID: 547 Description: The backup operation has encountered errors "
                "for the volume(s) 'F:'.\n\n"
                "## Resolution\n\n"
                "1. Open Registry Editor.\n"
                "1. Restart the widget server.\n"
            )
        )
    )
    (verify,) = _verifies(fix)
    assert verify.startswith('Check that event 547 ("The backup operation has encountered')
    assert "volume(s) 'F:'\") is no longer logged." in verify
    assert "Description:" not in verify


def test_a_dialog_title_over_a_quoted_message_is_not_quoted_back() -> None:
    """ "> Zone Not Loaded by DNS Server" over the message's sentences: the verify quotes
    the message, not the dialog's title glued before it; "> Error 1205" over a message is
    its number and stays."""
    (fix,) = fixes(
        draft_tree(
            support(
                "## Symptoms\n\n"
                "When the widget zone is paused or resumed, you receive the following error "
                "message:\n\n"
                "> Widget Zone Not Loaded  \n"
                "  The widget server encountered a problem while attempting to load the zone. "
                "The transfer of zone data failed.\n\n"
                "## Resolution\n\n"
                "1. Open the widget console.\n"
                "1. Restart the widget server.\n"
            )
        )
    )
    (verify,) = _verifies(fix)
    assert "appears: The widget server encountered a problem" in verify
    assert "Widget Zone Not Loaded" not in verify
    (fix,) = fixes(
        draft_tree(
            support(
                "## Symptoms\n\n"
                "When this issue occurs, you may receive an error message that resembles the "
                "following:\n\n"
                "> Widget Error 1205  \n"
                "Transaction (Process ID 52) was deadlocked on lock resources with another "
                "process and has been chosen as the deadlock victim.\n\n"
                "## Resolution\n\n"
                "1. Open the widget console.\n"
                "1. Restart the widget server.\n"
            )
        )
    )
    assert "appears: Widget Error 1205 Transaction" in " ".join(_verifies(fix))
