"""Modern checklists tick actions only, second pass (round 14, ticks14m; the seed-48/50
readers' notes on runbooks and MS support): Docs markup and the support site's
boilerplate are no ticks, statements are shown with the step they qualify, a heading
names its steps, a pointer at "the documentation here on how to X" ticks X."""

from __future__ import annotations

from drafting_support import details, fixes, runbook, support, ticks

from kbassist.drafting.tree import draft_text, draft_tree

MEANING = "## Meaning\n\nThe cluster network has no subnet left for new nodes.\n\n"
SYMPTOMS = "## Symptoms\n\nThe backup job fails with a writer error.\n\n"


def test_docs_image_markup_is_no_tick() -> None:
    """A ':::image type=... alt-text=... :::' paragraph in a workaround is no step; what
    the article says under it is shown with the step before."""
    article = support(
        SYMPTOMS + "## Workaround\n\n"
        "Upgrade the shared components to a recent SQL Server Express release.\n\n"
        ':::image type="content" source="media/x/select-instance.png" '
        'alt-text="Screenshot of the Upgrade shared features only option." border="false":::\n\n'
        "This method upgrades all the shared components to the newer version.\n"
    )
    (fix,) = fixes(draft_tree(article))
    said = "\n".join([*ticks(fix), details(fix)])
    assert ":::" not in said and "alt-text" not in said
    assert ticks(fix) == ["Upgrade the shared components to a recent SQL Server Express release."]
    assert "This method upgrades all the shared components" in details(fix)
    draft_text(article)  # lint-clean


def test_the_support_sites_feedback_and_fixed_check_are_no_ticks() -> None:
    """'We would appreciate your feedback ...' and 'Check whether the problem is fixed. If
    the problem is fixed, you're finished with this section ...' after the steps are the
    site's boilerplate, not steps to tick."""
    article = support(
        "## Symptoms\n\nThe new print queue is shown as Offline.\n\n"
        "## Resolution\n\n"
        "- Right-click the print queue, and then clear the Use Printer Offline setting.\n"
        "- Check whether the problem is fixed. If the problem is fixed, you're finished with "
        "this section. If the problem isn't fixed, you can "
        "[contact support](https://support.microsoft.com/contactus/).\n"
        "- We would appreciate your feedback. To provide feedback or to report any issues "
        "with this solution, leave a comment by sending us an "
        "[email](mailto:fixit@example.com) message.\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert ticks(fix) == [
        "Right-click the print queue, and then clear the Use Printer Offline setting."
    ]
    draft_text(article)


def test_there_is_no_fix_opening_a_workaround_is_the_outcomes_text() -> None:
    """'There is no fix for X.' and what it goes on to explain, opening a workaround, are
    no tick: the outcome says it, the explanation is shown with the step; the advice
    after it ('we suggest that you install Y') is the step."""
    article = support(
        SYMPTOMS + "## Workaround\n\n"
        "There is no fix for SQL Server 2008.\n"
        "This issue was fixed in the initial release of SQL Server 2012.\n\n"
        "In cases in which SQL Server 2008 is experiencing this issue, we suggest that you "
        "install a free edition of a recent SQL Server version, such as SQL Server Express.\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert ticks(fix) == [
        "In cases in which SQL Server 2008 is experiencing this issue, install a free edition "
        "of a recent SQL Server version, such as SQL Server Express."
    ]
    shown = fix.get("text", "") + details(fix)
    assert "There is no fix for SQL Server 2008." in fix.get("text", "")
    assert "fixed in the initial release of SQL Server 2012" in shown
    draft_text(article)


def test_what_is_not_supported_is_shown_and_the_told_action_ticked() -> None:
    """'We do not support X. User will have to Y. Z could prevent this.' ticks Y; what
    is not supported is the outcome's text (round 15: under the step it read as its
    note), the prevention is shown under the step."""
    article = runbook(
        MEANING + "## Mitigation\n\n"
        "We do not support adding additional cluster networks for ovn-kubernetes. User will "
        "have to create a new cluster for more worker nodes. Choosing a larger cluster "
        "network CIDR could prevent this happening.\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert ticks(fix) == ["Create a new cluster for more worker nodes."]
    assert "We do not support adding additional cluster networks" in fix.get("text", "")
    assert "We do not support" not in details(fix)
    assert "Choosing a larger cluster network CIDR" in details(fix)
    draft_text(article)


def test_a_count_of_what_exists_and_a_summary_lead_are_no_ticks() -> None:
    """'Troubleshoot and fix X by checking Y and by verifying Z.' and 'At least four
    aggregated APIs exist in a cluster:' over their list say what the steps after them
    do and look at: shown over the first step, never ticked."""
    article = runbook(
        "## Meaning\n\nAggregated API servers report errors.\n\n"
        "## Mitigation\n\n"
        "Troubleshoot and fix the issue or issues causing the aggregated API errors by "
        "checking the availability status for each API and by verifying the authentication "
        "certificates for the aggregated API.\n\n"
        "At least four aggregated APIs exist in an OpenShift cluster:\n\n"
        "- the API for the openshift-apiserver namespace\n"
        "- the API for the openshift-oauth-apiserver namespace\n\n"
        "1. Check the availability of all APIs.\n"
        "2. Fetch the pods that serve the unavailable API.\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert ticks(fix) == [
        "Check the availability of all APIs.",
        "Fetch the pods that serve the unavailable API.",
    ]
    first = fix["steps"][0]["detail"]
    assert "At least four aggregated APIs exist" in first
    assert "Troubleshoot and fix the issue" in first
    draft_text(article)


def test_a_trailing_usually_statement_is_shown_under_its_step() -> None:
    """'In most all cases, the operator should prevent this from happening.' after the
    step is how things usually go, shown under the step, not part of the tick."""
    article = runbook(
        MEANING + "## Mitigation\n\n"
        "If the logs indicate a syntax error, correct the corresponding ServiceMonitor. "
        "In most all cases, the operator should prevent this from happening.\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert ticks(fix) == [
        "If the logs indicate a syntax error, correct the corresponding ServiceMonitor."
    ]
    assert "the operator should prevent this" in details(fix)


def test_a_heading_names_the_first_of_its_steps() -> None:
    """'### Enable the feature' over its numbered steps is no tick of its own: it names
    the first step, its paragraph shown under it."""
    article = runbook(
        MEANING + "## Mitigation\n\n"
        "### Enable the multi-arch boot image feature\n\n"
        "The feature is in the alpha stage, and it is not enabled by default.\n\n"
        "1. Set the enableMultiArchBootImageImport feature gate in the HyperConverged CR "
        "to true.\n"
        "2. Save the changes and exit the editor.\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert "Enable the multi-arch boot image feature" not in ticks(fix)
    assert ticks(fix)[0] == (
        "Enable the multi-arch boot image feature: Set the enableMultiArchBootImageImport "
        "feature gate in the HyperConverged CR to true."
    )
    assert "alpha stage" in fix["steps"][0]["detail"]
    draft_text(article)


def test_follow_the_documentation_here_on_how_to_ticks_the_action() -> None:
    """'Please follow the OpenShift documentation here on how to manually rotate X.' (its
    link's text 'here') ticks rotating X as that documentation says, its link shown."""
    article = runbook(
        MEANING + "## Mitigation\n\n"
        "Please follow the [OpenShift documentation here](https://docs.example.com/rotate) "
        "on how to manually rotate the signer certificates.\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert ticks(fix) == [
        "Rotate the signer certificates manually as the OpenShift documentation describes."
    ]
    assert "https://docs.example.com/rotate" in details(fix)
    draft_text(article)


def test_a_case_said_as_a_need_ticks_its_action() -> None:
    """'If the binding is missing, need to force a reconciliation by restarting X.' (its
    subject left out) ticks 'If the binding is missing, force a reconciliation ...'."""
    article = runbook(
        MEANING + "## Mitigation\n\n"
        "1. Check whether the metrics-collector-view ClusterRoleBinding exists.\n"
        "2. If the binding is missing, need to force a reconciliation by restarting the "
        "multicluster-observability-operator pod.\n"
    )
    said = " ".join(t for fix in fixes(draft_tree(article)) for t in ticks(fix))
    assert "need to force" not in said
    assert "force a reconciliation by restarting the multicluster-observability-operator" in said
    draft_text(article)


def test_screenshot_alt_text_is_no_words_of_the_step() -> None:
    """Screenshots under a list item ('![Storage -> Storage Client -> Edit](x.png)') are
    not flattened onto its tick: their alt text is shown as screenshots under the step."""
    article = runbook(
        MEANING + "## Mitigation\n\n"
        "- **Increase the Storage Quota:** Increase the capacity of the PVC to prevent data "
        "loss.\n"
        "  ![Storage -> Storage Client -> Edit](helpers/screenshots/storage-client-list.png)\n"
        "  ![Increase Quota Dialog](helpers/screenshots/quota-increase.png)\n\n"
        "- **Delete Unnecessary PVC:** Remove unnecessary PVC created in the storage client "
        "cluster.\n"
    )
    found = fixes(draft_tree(article))
    said = [t for fix in found for t in ticks(fix)]
    assert (
        "Increase the Storage Quota: Increase the capacity of the PVC to prevent data loss." in said
    )
    assert not any("Quota Dialog" in t for t in said)
    shown = "\n".join(details(fix) for fix in found)
    assert "Screenshots: Storage -> Storage Client -> Edit; Increase Quota Dialog" in shown
    draft_text(article)


def test_a_fixed_check_that_goes_on_to_an_action_keeps_the_action() -> None:
    """ "Check whether the problem is fixed. If it isn't fixed, restart the Print Spooler
    service.": the restart is a tick, not dropped with the site's end-of-method check."""
    article = support(
        SYMPTOMS + "## Resolution\n\n"
        "- Clear the Use Printer Offline option.\n"
        "- Check whether the problem is fixed. If it isn't fixed, restart the Print Spooler "
        "service.\n"
    )
    (fix,) = fixes(draft_tree(article))
    said = "\n".join([*ticks(fix), details(fix)])
    assert "restart the Print Spooler service" in said.replace("Restart", "restart")
    assert any("Print Spooler" in tick for tick in ticks(fix))


def test_a_statement_that_goes_on_to_an_action_is_still_ticked() -> None:
    """ "We do not support shared queues on this server, so remove the shared queue.": the
    removal is asked of the reader, so the sentence stays a tick."""
    article = support(
        SYMPTOMS + "## Resolution\n\n"
        "1. Open the print server properties.\n"
        "2. We do not support shared queues on this server, so remove the shared queue.\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert any("remove the shared queue" in tick for tick in ticks(fix))
