"""Round 17 (mscause17): modern MS support symptoms and causes that describe the article
or the act of troubleshooting are never shown as what goes wrong or why (seed-54 readers'
notes 54:34 and 54:39)."""

from __future__ import annotations

from drafting_support import support

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
    assert tree["symptom"] == "Widget menu errors"


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
