"""Round 17 (mscause17): modern MS support symptoms and causes that describe the article
or the act of troubleshooting are never shown as what goes wrong or why (seed-54 readers'
notes 54:34 and 54:39)."""

from __future__ import annotations

from drafting_support import fixes, support

from kbassist.drafting.tree import draft_tree


def test_a_cause_that_describes_the_article_is_not_the_cause() -> None:
    """ "This article discusses the cause and some possible resolutions for a problem that
    may occur ..." is no cause: the summary's own "The problem occurs when ..." is."""
    tree = draft_tree(
        support(
            "This article helps you resolve the problem that you may experience with the\n"
            "`WidgetSync` call during the delivery of a report.\n\n"
            "## Summary\n\n"
            "This article discusses the cause and some possible resolutions for a problem\n"
            "that may occur in Widget Reporting Services when you try to process a report by\n"
            "using a domain user account. The problem occurs when the `WidgetSync` call in\n"
            "the Widget.dll file does not succeed.\n\n"
            "## Resolution\n\n"
            "1. Open Widget Manager.\n"
            "1. Grant the read permission for the domain user account on the group.\n",
            title="A call to WidgetSync fails",
        )
    )
    assert "This article" not in tree["cause"]
    assert tree["cause"].startswith("The problem occurs when the WidgetSync call")


def test_a_troubleshooting_lead_in_is_not_the_symptom() -> None:
    """ "When troubleshooting basic Widget issues, there are a few things to check ..."
    says what the reader does, not what they see: the title's problem is shown."""
    tree = draft_tree(
        support(
            "## Issues related to deployment or installation\n\n"
            "When troubleshooting basic Widget menu issues (and for the most part, all other\n"
            "apps), there are a few things to check if they aren't working as expected. For\n"
            "issues where the Widget menu isn't working, you can do some quick tests to\n"
            "narrow down where the issue may reside.\n\n"
            "## Resolution\n\n"
            "1. Run `Get-AppxPackage Widget.Menu` in PowerShell.\n"
            "1. Re-register the package with `Add-AppxPackage`.\n",
            title="Troubleshoot Widget menu errors",
        )
    )
    assert "troubleshooting" not in tree["symptom"].lower()
    assert tree["symptom"] == "Widget menu errors."


def test_an_article_description_gives_way_to_the_summary_scene() -> None:
    """ "This article describes the errors and limitations of X ..." as the opening is
    no symptom: the summary's "Assume that X transitions to Y" scene is."""
    tree = draft_tree(
        support(
            "This article describes the errors and limitations of a widget database that's\n"
            "in a `Recovery Pending` state and how to restore the database.\n\n"
            "## Summary\n\n"
            "Assume that a widget database transitions to a `Recovery Pending` state. In this\n"
            "situation, you can't access the database through the client applications.\n\n"
            "## Resolution\n\n"
            "1. Remove the database from the widget group.\n"
            "1. Restore the database from a backup.\n",
            title="Widget database in recovery pending state",
        )
    )
    assert not tree["symptom"].startswith("This article")
    assert tree["symptom"].startswith("Assume that a widget database transitions")


CAUSES = (
    "## Symptoms\n\n"
    "You try to turn on Widget Discovery on a server. However, the changes aren't saved.\n\n"
    "## Cause\n\n"
    "This issue occurs for one of the following reasons:\n\n"
    "- The dependency services for Widget Discovery aren't running.\n"
    "- The Widget firewall or other firewalls don't allow Widget Discovery.\n\n"
)


def _answered(tree: dict, answer: str) -> list[str]:
    """The fix's steps a walker sees after picking `answer` for its cause question."""
    question = next(
        n
        for n in tree["nodes"]
        if n["kind"] == "question" and n["title"] == "Which of these applies?"
    )
    value = next(c["value"] for c in question["choices"] if c["label"].startswith(answer))
    outcome = next(
        n for n in tree["nodes"] if n["kind"] == "outcome" and n["id"] != "not_this_article"
    )
    var = question["id"].rsplit("-", 1)[-1]
    shown = []
    for step in outcome["steps"]:
        when = step.get("when", "")
        if not when or f'{var} == "{value}"' in when:
            shown.append(" ".join(step["text"].split()))
    return shown


def test_listed_causes_are_asked_each_with_its_own_steps() -> None:
    """ "This issue occurs for one of the following reasons: - A - B" over one Resolution
    is asked "Which of these applies?": each answer shows its own steps and the shared
    last one, not the other cause's."""
    tree = draft_tree(
        support(
            CAUSES + "## Resolution\n\n"
            "To resolve the issue, follow these steps:\n\n"
            "1. Make sure that the dependency services for Widget Discovery are started.\n"
            "2. Configure the Widget firewall to allow Widget Discovery.\n"
            "3. Configure other firewalls in the network to allow Widget Discovery.\n"
            "4. Turn on **Widget Discovery** in Network and Sharing Center.\n",
            title="Can't turn on Widget Discovery",
        )
    )
    services = _answered(tree, "The dependency services")
    firewall = _answered(tree, "The Widget firewall")
    assert any("dependency services" in s for s in services)
    assert not any("firewall" in s for s in services)
    assert any("Configure other firewalls" in s for s in firewall)
    assert not any("dependency services" in s for s in firewall)
    assert all(
        any("Turn on Widget Discovery" in s for s in shown) for shown in (services, firewall)
    )
    (outcome,) = fixes(tree)
    assert "dependency services" not in outcome["title"]  # every cause's fix now


def test_sub_steps_go_with_their_cause_and_interleaved_steps_ask_nothing() -> None:
    """A cause's procedure whose middle sub-steps name no cause ("Select Change settings")
    runs whole for that cause; when the steps switch back and forth between the causes,
    nothing is asked and every step stays ticked."""
    tree = draft_tree(
        support(
            CAUSES + "## Resolution\n\n"
            "1. Make sure that the dependency services for Widget Discovery are started.\n"
            "2. Open the Widget firewall, and allow Widget Discovery through the firewall.\n"
            "3. Select **Change settings**.\n"
            "4. Configure other firewalls in the network to allow Widget Discovery.\n",
            title="Can't turn on Widget Discovery",
        )
    )
    services = _answered(tree, "The dependency services")
    assert not any("Change settings" in s for s in services)
    assert any("Change settings" in s for s in _answered(tree, "The Widget firewall"))
    tree = draft_tree(
        support(
            CAUSES + "## Resolution\n\n"
            "1. Make sure that the dependency services for Widget Discovery are started.\n"
            "2. Configure the Widget firewall to allow Widget Discovery.\n"
            "3. Restart the dependency services for Widget Discovery.\n"
            "4. Configure other firewalls in the network to allow Widget Discovery.\n",
            title="Can't turn on Widget Discovery",
        )
    )
    assert not any(n.get("title") == "Which of these applies?" for n in tree["nodes"])


def test_a_cause_said_only_in_the_fix_section_is_the_cause() -> None:
    """ "## Remove TLS 1.3 registry keys" opening "This issue occurs because TLS 1.3 is
    enabled on the sponsor node." gives the cause: the draft no longer says the article
    gives none. Two such sentences (two issues) give no single cause."""
    body = (
        "You fail to add a node to a widget cluster. The sponsor node rejects the\n"
        "connection with error 0x80090327.\n\n"
        "## Remove TLS 1.3 registry keys\n\n"
        "This issue occurs because TLS 1.3 is enabled on the sponsor node. To resolve this\n"
        "issue, remove the following registry keys:\n\n"
        "1. Open Registry Editor.\n"
        "1. Delete the `TLS 1.3` subkey.\n"
    )
    tree = draft_tree(support(body, title="Error 0x80090327 when adding a node"))
    assert tree["cause"] == "This issue occurs because TLS 1.3 is enabled on the sponsor node."
    two = body + (
        "\n## Reset the widget store\n\n"
        "This issue occurs because the widget store is corrupted. To resolve this issue,\n"
        "reset it:\n\n"
        "1. Run `widget reset`.\n"
    )
    tree = draft_tree(support(two, title="Error 0x80090327 when adding a node"))
    assert "TLS 1.3 is enabled" not in tree["cause"]
