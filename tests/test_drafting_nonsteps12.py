"""Modern drafts (runbooks, MS support) tick actions only (round 12, steps12m; the seed-46
readers' notes): a link to read is shown under the step, a pointer over links is no
tick, a question the article asks itself is shown, not ticked, a code listing's caption
goes with its listing under the step it belongs to, a raw blockquote is a note."""

from __future__ import annotations

from drafting_support import details, fixes, runbook, support, ticks

from kbassist.drafting.steps import final_steps
from kbassist.drafting.text import split_detail
from kbassist.drafting.tree import draft_text, draft_tree

MEANING = "## Meaning\n\nThe namespace reaches its allowed hard quota limits.\n\n"


def test_a_see_link_item_is_shown_under_the_step_not_ticked() -> None:
    """'- See [Quotas](url)' in a Mitigation list is where to read, shown with its address
    under the step before; a link whose text is an action stays a step."""
    article = runbook(
        MEANING + "## Mitigation\n\n"
        "- Review the existing quota for the namespace and adjust it.\n"
        "- [Cordon and drain the node](https://kubernetes.io/docs/drain/).\n"
        "- See [Quotas](https://kubernetes.io/docs/concepts/policy/resource-quotas/)\n"
    )
    found = fixes(draft_tree(article))  # the two remedies, asked as ways (alts12)
    ticked = [t for fix in found for t in ticks(fix)]
    # round 30 (siteinputs30): the namespace is asked and named in the step
    assert "Review the existing quota for the namespace {namespace} and adjust it." in ticked
    # round 29 (rbdiag29): a tick per node action, the node asked; the link still shown
    assert [t for t in ticked if "node {" in t] == [
        "Cordon the node {node}.",
        "Drain the node {node}.",
    ]
    assert not any("Quotas" in t for t in ticked)
    shown = "\n".join(details(fix) for fix in found)
    assert "Quotas: https://kubernetes.io/docs/concepts/policy/resource-quotas/" in shown
    assert "Cordon and drain the node: https://kubernetes.io/docs/drain/" in shown
    draft_text(article)  # lint-clean


def test_a_refer_to_pointer_over_links_is_no_tick_after_a_step() -> None:
    """'For mitigation strategies and solutions, refer to:' over links after a step is
    shown under that step with its links, never a tick of its own."""
    article = runbook(
        MEANING + "## Mitigation\n\n"
        "Check the router pods and restart the failing ones.\n\n"
        "For mitigation strategies and solutions, refer to:\n\n"
        "- [OpenShift Networking](https://docs.example.com/networking)\n"
        "- [Router tuning](https://docs.example.com/router)\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert ticks(fix) == ["Check the router pods and restart the failing ones."]
    assert "Router tuning: https://docs.example.com/router" in details(fix)


def test_a_mitigation_that_only_points_to_links_ticks_reading_them() -> None:
    """A Mitigation that is only 'For X, refer to:' and links ticks the reading it asks
    ('Read the pages below for X.'), not the lead-in with its colon."""
    article = runbook(
        MEANING + "## Mitigation\n\n"
        "For mitigation strategies and solutions, refer to:\n\n"
        "- [Reducing packet drops](https://access.example.com/solutions/1)\n"
        "- [OpenShift Networking](https://docs.example.com/networking)\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert ticks(fix) == ["Read the pages below for mitigation strategies and solutions."]
    assert "Reducing packet drops: https://access.example.com/solutions/1" in details(fix)


def test_a_goal_over_see_the_following_articles_is_the_step_the_titles_its_detail() -> None:
    """A step's 'To verify that X, see the following articles:' over site links ticks
    'Verify that X.' with the article titles under it, not each title as a step."""
    article = support(
        "## Symptoms\n\nThe Windows upgrade fails with error 0xC1900101.\n\n"
        "## Cause\n\nAn outdated driver blocks the upgrade.\n\n"
        "## Resolution\n\n"
        "### Step 1: Make sure that the computer satisfies the prerequisites\n\n"
        "To verify that your computer meets the requirements for Windows, see the following "
        "articles:\n\n"
        "- [Windows 11 requirements](/windows/whats-new/windows-11-requirements)\n"
        "- [Hardware requirements for Windows Server](/windows-server/get-started/hardware)\n\n"
        "### Step 2: Review event logs\n\n"
        "Use Event Viewer to review the System logs.\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert ticks(fix) == [
        "Verify that your computer meets the requirements for Windows.",
        "Use Event Viewer to review the System logs.",
    ]
    assert "Windows 11 requirements" in details(fix)
    assert "Hardware requirements for Windows Server" in details(fix)


def test_questions_the_runbook_asks_itself_are_shown_not_ticked() -> None:
    """'Do you see an elevated error rate?' and 'Maybe it's some dependency? etcd?' are
    what to look for, shown under the step they wonder about, never ticked."""
    article = runbook(
        MEANING + "## Mitigation\n\n"
        "1. Take a look at the API server dashboard.\n"
        "    1. At the very top check your current availability.\n"
        "    1. Do you see an elevated error rate in reads or writes?\n"
        "1. Check the logs for kube-apiserver.\n"
        "1. Maybe it's some dependency of the APIServer? etcd?\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert not [t for t in ticks(fix) if t.endswith("?")]
    assert "Do you see an elevated error rate in reads or writes?" in details(fix)
    assert "Maybe it's some dependency of the APIServer? etcd?" in details(fix)


def test_a_code_segment_caption_goes_with_its_listing_under_the_step() -> None:
    """'The following is a code segment of the X stored procedure:' and its listing are
    shown under the step before, not ticked as a step."""
    article = support(
        "## Symptoms\n\nThe distribution agent fails with: The subscription does not "
        "exist.\n\n"
        "## Cause\n\nThe agent profile differs between the distributors.\n\n"
        "## Resolution\n\n"
        "Specify the correct agent profile in the `sp_MShelp_distribution_agentid` stored "
        "procedure.\n\n"
        "The following is a code segment of the `sp_MShelp_distribution_agentid` stored "
        "procedure:\n\n"
        "```sql\nSELECT distribAgent.id, distribAgent.name\nFROM MSdistribution_agents\n```\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert ticks(fix) == [
        "Specify the correct agent profile in the sp_MShelp_distribution_agentid stored procedure."
    ]
    assert "SELECT distribAgent.id" in details(fix)
    assert "The following is a code segment" in details(fix)


def test_a_raw_blockquote_item_is_a_note_under_the_step() -> None:
    """A blockquote the parser left as text ('> [!NOTE] > Before you ...') is shown as a
    note under the step before, without its '>' markers, never ticked."""
    items, _ = final_steps(
        [
            "Re-create the image.",
            "> [!NOTE] > Before you create a new image, save the contents of the following "
            "folders: > > - %Windir%\\Panther > - %Windir%\\System32\\Sysprep\\Panther",
        ],
        [],
    )
    assert len(items) == 1
    text, detail = split_detail(items[0])
    assert text == "Re-create the image."
    assert detail.startswith("Note: Before you create a new image")
    assert ">" not in detail


def test_a_cases_follow_these_steps_lead_is_shown_over_its_first_step() -> None:
    """'If you have found unsigned drivers, follow these steps to repair them:' is shown
    over the first repair step, not ticked as a step of its own."""
    article = support(
        "## Symptoms\n\nThe Windows upgrade fails with error 0xC1900101.\n\n"
        "## Cause\n\nAn unsigned driver blocks the upgrade.\n\n"
        "## Resolution\n\n"
        "1. Open an administrative Command Prompt window and run the `sigverif` command.\n"
        "1. In the File Signature Verification tool, select **Start**.\n\n"
        "If you have found unsigned drivers, follow these steps to repair them:\n\n"
        "1. Check for updated versions of the drivers, and install the updates.\n"
        "1. Uninstall and reinstall the drivers.\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert not [t for t in ticks(fix) if "follow these steps" in t]
    first = next(s for s in fix["steps"] if s["text"].startswith("Check for updated versions"))
    assert "If you have found unsigned drivers" in (first.get("detail") or "")
    draft_text(article)  # lint-clean


def test_a_below_is_an_example_caption_goes_with_its_listing() -> None:
    """'Below is an example of how to modify X:' over its YAML is shown under the step
    before ('Edit the CR:'), not ticked as a step."""
    article = runbook(
        MEANING + "## Mitigation\n\n"
        "Edit the HyperConverged CR:\n\n"
        "```bash\noc edit hyperconverged kubevirt-hyperconverged -n openshift-cnv\n```\n\n"
        "Below is an example of how to modify the workloads node placement, using node "
        "affinity:\n\n"
        "```yaml\nspec:\n  workloads:\n    nodePlacement:\n      affinity: {}\n```\n\n"
        "Save the changes and exit the editor.\n"
    )
    (fix,) = fixes(draft_tree(article))
    assert not [t for t in ticks(fix) if t.startswith("Below is an example")]
    assert "nodePlacement:" in details(fix)


def test_a_label_over_a_query_is_ticked_as_running_it() -> None:
    """'Cluster scoped:' over its query is not a bare heading ticked: the step says to
    run what is shown under it."""
    article = runbook(
        MEANING + "## Mitigation\n\n"
        "Check the API server dashboard for slow requests.\n\n"
        "Cluster scoped:\n\n"
        '```promql\nsum(rate(apiserver_request_total{scope="cluster"}[3d])) > 0.01\n```\n\n'
        "Namespace scoped:\n\n"
        '```promql\nsum(rate(apiserver_request_total{scope="namespace"}[3d])) > 0.01\n```\n'
    )
    (fix,) = fixes(draft_tree(article))
    assert "Cluster scoped:" not in ticks(fix)
    assert "Cluster scoped: run the following:" in ticks(fix)
    assert 'scope="cluster"' in details(fix)
