"""Round 16 (rbsteps16): runbook and modern ticks that are no action are shown, or said
as the action they mean (seed-54 readers' notes 54:22, 54:23, 54:26, 54:30, 54:36)."""

from __future__ import annotations

from drafting_support import details, fix_ticks, fixes, runbook, support, ticks

from kbassist.drafting.tree import draft_tree

MEANING = (
    "## Meaning\n\nThis alert fires when the widget store usage has crossed 80% of its\n"
    "capacity.\n\n"
)


def _shown(outcome: dict) -> str:
    """Everything a reader sees on an outcome: its text, ticks and what is under them."""
    return "\n".join([outcome.get("text", ""), *ticks(outcome), details(outcome)])


def test_an_html_comment_is_shown_nowhere() -> None:
    """An HTML comment after a fix ("<!-- No downstream link ... -->") is never shown:
    the article's renderer hides it, so the draft does too."""
    tree = draft_tree(
        runbook(
            MEANING + "## Mitigation\n\nTry to identify and resolve the cause of the changes.\n\n"
            "Ensure that changes are made only to copies of widgets, and not to the\n"
            "widgets themselves.\n\n"
            "<!-- No downstream link. Modules cannot contain xrefs.-->\n",
            id_="WidgetModificationReverted",
        )
    )
    for outcome in fixes(tree):
        assert "<!--" not in _shown(outcome)
    assert any("copies of widgets" in t for o in fixes(tree) for t in ticks(o))


def test_it_will_be_needed_to_is_ticked_as_the_action() -> None:
    """ "Depending on X it will be needed to add Y" and "If not is possible to X it will
    be needed to delete Z" are ticked as the actions they mean, not as statements."""
    tree = draft_tree(
        runbook(
            MEANING + "## Mitigation\n\nTwo options:\n\n"
            "- Scale storage: Depending on the type of cluster it will be needed to add\n"
            "storage devices and/or nodes. Review the widget scaling documentation.\n\n"
            "- Delete information:\n"
            "If not is possible to scale up the cluster it will be needed to delete\n"
            "information in order to free space.\n",
            id_="WidgetStoreFull",
        )
    )
    said = [t for o in fixes(tree) for t in ticks(o)]
    assert not any("it will be needed" in t for t in said)
    assert "Scale storage: Depending on the type of cluster, add storage devices and/or nodes." in (
        said
    )
    assert any(
        "If it is not possible to scale up the cluster, delete information" in t for t in said
    )


def test_a_summary_restating_the_title_is_shown_not_ticked() -> None:
    """ "Expand the PVC size to increase the capacity." over the UI steps that expand it is
    the outcome's text, and its first tick is the first real step."""
    tree = draft_tree(
        runbook(
            MEANING
            + "## Diagnosis\n\n1. Using the console, go to Storage-PersistentVolumeClaims.\n"
            "2. Enter in the PVC affected to have more details.\n\n"
            "## Mitigation\n\nExpand the PVC size to increase the capacity.\n"
            'In the list of PVCs (Storage-PersistentVolumeClaims), press the "three points"\n'
            'button shown at the end of the affected PVC row. Select "Expand PVC" and\n'
            "increase the size of the PVC.\n\n"
            "Alternatively, you can also delete unnecessary data in PVs that may be taking\n"
            " up space\n",
            id_="WidgetVolumeUsageCritical",
        )
    )
    expand = next(o for o in fixes(tree) if o["title"].startswith("Expand the PVC"))
    assert fix_ticks(expand)[0].startswith("In the list of PVCs")
    assert "Expand the PVC size to increase the capacity." in expand["text"]


def test_a_case_statement_and_a_lead_in_over_commands_are_not_ticked() -> None:
    """ "If your cluster was upgraded ..., the runc runtime remains the default." is shown
    as the outcome's text and "Migrate to crun by deleting these objects:" under the
    first command step; the commands stay the ticks."""
    tree = draft_tree(
        runbook(
            "## Meaning\n\nThis alert fires when the cluster uses the deprecated widgetc\n"
            "runtime.\n\n## Mitigation\n\n### For Clusters Upgraded from Widget 4.17\n\n"
            "If your cluster was upgraded from Widget 4.17,\n"
            "the widgetc runtime remains unchanged as the default.\n"
            "During the upgrade, two MachineConfig objects were created to\n"
            "override the new default runtime. You can migrate to crun by\n"
            "deleting these MachineConfig objects:\n\n"
            "Migrate worker nodes to crun:\n```bash\n$ oc delete machineconfig 00-worker\n```\n\n"
            "Migrate control plane nodes to crun:\n"
            "```bash\n$ oc delete machineconfig 00-master\n```\n\n"
            "### For Any Widget 4.18 or Greater Cluster\n\n"
            "Create the ContainerRuntimeConfig CR:\n```bash\n$ oc create -f crun.yaml\n```\n",
            id_="WidgetcDeprecated",
        )
    )
    upgraded = next(o for o in fixes(tree) if "4.17" in o["title"])
    assert ticks(upgraded) == [
        "Migrate worker nodes to crun:",
        "Migrate control plane nodes to crun:",
    ]
    assert "remains unchanged as the default" in upgraded["text"]
    assert "deleting these MachineConfig objects" in details(upgraded)


def test_go_to_a_folder_and_do_the_following_keeps_only_the_going_ticked() -> None:
    """ "Go to the installation folder and do the following to check access:" ticks the
    going; what the steps are for is shown under the first of them."""
    tree = draft_tree(
        support(
            "## Symptoms\n\nThe Widget service fails to start: Access is denied.\n\n"
            "## Resolution\n\n"
            "1. Note the service account for the Widget service.\n"
            "1. Go to the Widget installation folder (for example C:\\Program Files\\Widget)\n"
            "   and do the following to check effective access of the service account:\n"
            "   1. Right-click the folder, select **Properties**, and then select the\n"
            "      **Security** tab.\n"
            "   1. Select **Advanced**, and then select the **Effective Access** tab.\n",
            id_="widget-access-denied",
            title="Widget service fails to start with access denied",
        )
    )
    said = [t for o in fixes(tree) for t in ticks(o)]
    assert "Go to the Widget installation folder (for example C:\\Program Files\\Widget)." in said
    assert not any("do the following" in t for t in said)
    assert any("check effective access" in details(o) for o in fixes(tree))


def test_a_goal_heading_over_its_own_steps_is_shown_under_the_first() -> None:
    """ "Free up space in the guest file system:" over "Remove temporary files ..." is
    shown under its first step; a fix titled by its own first action keeps it ticked."""
    tree = draft_tree(
        runbook(
            MEANING + "## Mitigation\n\n### Immediate Actions\n\n"
            "1. Free up space in the guest file system:\n"
            "   - Remove temporary files, logs, or caches\n"
            "   - Clean up old application data or archives\n\n"
            "### Long Term\n\nReinstall the widget store.\n\nReset the widget cache.\n",
            id_="WidgetGuestAlmostFull",
        )
    )
    immediate = next(o for o in fixes(tree) if "Immediate" in o["title"])
    assert ticks(immediate)[0] == "Remove temporary files, logs, or caches"
    assert "Free up space in the guest file system:" in details(immediate)
    said = [t for o in fixes(tree) for t in ticks(o)]
    assert "Reinstall the widget store." in said
