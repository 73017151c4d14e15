"""Drafted steps that are steps (issue 13): one action per item, code and notes as the
item's detail, the article's own verify and rollback, its "If ..." cases asked."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from drafting_support import archive, runbook, walked

from kbassist.articles import Article, load_article, parse_article
from kbassist.drafting.tree import draft_tree, draft_tree_model, draft_yaml
from kbassist.trees.checklist import Checklist, build_checklist
from kbassist.trees.engine import walk_with_answers
from kbassist.trees.export import to_markdown, to_text
from kbassist.trees.lint import lint_result
from kbassist.trees.loader import read_tree_bytes

REPO = Path(__file__).resolve().parent.parent


#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999101", indent=False)


def markdown(body: str, *, id_: str = "doc-1", title: str = "Support article") -> Article:
    """A Markdown article (front matter, `##` sections)."""
    text = f"---\nid: {id_}\ntitle: '{title}'\n---\n\n{body.strip()}\n"
    return parse_article(text, Path(f"{id_}.md"))


def part(checklist: Checklist, name: str) -> list[tuple[str, str]]:
    # getattr: the same helper reads a checklist from before items had a detail
    return [(i.text, getattr(i, "detail", "")) for i in checklist.part(name)]


def node(tree: dict[str, Any], node_id: str) -> dict[str, Any]:
    return next(n for n in tree["nodes"] if n["id"] == node_id)


def questions(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in tree["nodes"] if n["kind"] == "question"]


# --------------------------------------------------------------------------- steps


def test_purpose_lead_in_dropped_and_two_actions_are_two_items() -> None:
    """ "To resolve this issue, uninstall X, and then reinstall it" is two actions, no lead-in."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe application failed to initialize.\n\n"
        "RESOLUTION\n==========\n\nTo resolve this issue, uninstall the Exchange Administrator"
        " tool, and then reinstall it.\n"
    )
    steps = part(walked(art, {"symptom": "yes"}), "steps")
    assert [text for text, _ in steps] == [
        "Uninstall the Exchange Administrator tool.",
        "Reinstall it.",
    ]


def test_ui_navigation_pair_stays_one_step_while_two_actions_split() -> None:
    """ "Click Start, and then click Run" stays one step; "remove X, and then restart" splits."""
    art = mskb(
        "SYMPTOMS\n========\n\nSetup fails.\n\n"
        "RESOLUTION\n==========\n\n1. Click Start, and then click Run.\n\n"
        "2. Remove the old driver, and then restart the computer.\n"
    )
    steps = [text for text, _ in part(walked(art, {"symptom": "yes"}), "steps")]
    assert steps == [
        "Click Start, and then click Run.",
        "Remove the old driver.",
        "Restart the computer.",
    ]


def test_a_goal_done_by_two_actions_is_one_step_per_action() -> None:
    """ "Remove X by stopping A, and then deleting B" is two steps; a click path stays one."""
    art = mskb(
        "SYMPTOMS\n========\n\nInbound mail stops.\n\n"
        "WORKAROUND\n==========\n\nYou can remove the corrupted cc:Mail message by stopping the"
        " cc:Mail Connector service, and then deleting the stuck message in the"
        " Exchsrvr\\Ccmcdata\\Export folder.\n"
    )
    steps = part(walked(art, {"symptom": "yes"}), "steps")
    assert steps == [
        (
            "Stop the cc:Mail Connector service.",
            "With the next step, this is how to remove the corrupted cc:Mail message.",
        ),
        ("Delete the stuck message in the Exchsrvr\\Ccmcdata\\Export folder.", ""),
    ]
    clicks = mskb(
        "SYMPTOMS\n========\n\nThe backup is incomplete.\n\n"
        "RESOLUTION\n==========\n\nSelect the backup type by clicking Options on the Settings"
        " menu, and then clicking the Backup tab.\n"
    )
    [(text, _)] = part(walked(clicks, {"symptom": "yes"}), "steps")
    assert text.startswith("Select the backup type by clicking Options")


def test_ms_kb_code_listing_is_kept_line_by_line_in_the_items_detail() -> None:
    """An indented listing after a step is its detail, line by line, not prose in the item."""
    art = mskb(
        "SYMPTOMS\n========\n\nPrintouts differ.\n\n"
        "RESOLUTION\n==========\n\n"
        "Reset the ScaleMode property before each print job with this procedure:\n\n"
        "     Sub ResetScale()\n"
        "         Printer.ScaleMode = 1\n"
        "         Printer.EndDoc\n"
        "     End Sub\n"
    )
    [(text, detail)] = part(walked(art, {"symptom": "yes"}), "steps")
    assert "Sub ResetScale" not in text
    assert detail == "Sub ResetScale()\n    Printer.ScaleMode = 1\n    Printer.EndDoc\nEnd Sub"


def test_ms_kb_table_rows_stay_rows_in_the_detail() -> None:
    """A plain-text table after a step keeps its rows as lines, not one flattened line."""
    art = mskb(
        "SYMPTOMS\n========\n\nSetup reports a bad disk.\n\n"
        "RESOLUTION\n==========\n\n1. Compare the files on the disk with this list:\n\n"
        "   File       Size    Date\n"
        "   ---------------------------\n"
        "   SETUP.EXE  12960   01-05-94\n\n"
        "2. Replace any file that differs.\n"
    )
    steps = part(walked(art, {"symptom": "yes"}), "steps")
    assert steps[0][0] == "Compare the files on the disk with this list:"
    assert steps[0][1].split("\n")[2] == "SETUP.EXE  12960   01-05-94"
    assert steps[1] == ("Replace any file that differs.", "")


def test_runbook_multi_line_query_stays_valid_in_the_detail() -> None:
    """A multi-line PromQL block keeps its lines (joined with ' ; ' it would be invalid)."""
    art = markdown(
        "## Meaning\n\nThe alert fires when launcher pods fail.\n\n"
        "## Mitigation\n\nCount the failed pods:\n\n"
        '```promql\nsum by (namespace) (\n  kube_pod_status_phase{phase="Failed"}\n)\n```\n'
    )
    steps = part(walked(art, {"symptom": "yes"}), "steps")
    assert steps == [
        (
            "Count the failed pods:",
            'sum by (namespace) (\n  kube_pod_status_phase{phase="Failed"}\n)',
        )
    ]


def test_support_article_steps_below_lead_in_and_note_are_not_items() -> None:
    """ "Use the steps below ..." is no item, and a `> [!NOTE]` is its step's detail, not raw."""
    art = markdown(
        "## Summary\n\nThe profile path keeps the old user name.\n\n"
        "## Workaround\n\nTo work around this issue, use the steps below to rename the path.\n\n"
        "1. Log in by using another administrative account.\n\n"
        "   > [!NOTE]\n   > You may need to create a new administrative account first.\n\n"
        "2. Rename the profile folder to the new user name.\n"
    )
    steps = part(walked(art, {"symptom": "yes"}), "steps")
    assert steps == [
        (
            "Log in by using another administrative account.",
            "Note: You may need to create a new administrative account first.",
        ),
        ("Rename the profile folder to the new user name.", ""),
    ]


def test_you_can_also_verify_reads_as_the_action() -> None:
    """ "You can also check the setting in Control Panel" is the step "Check the setting ..."."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe modem does not dial.\n\n"
        "RESOLUTION\n==========\n\n1. Remove the modem in Control Panel.\n\n"
        "2. You can also check the COM port setting in Device Manager.\n"
    )
    steps = [text for text, _ in part(walked(art, {"symptom": "yes"}), "steps")]
    assert steps[1] == "Check the COM port setting in Device Manager."


# --------------------------------------------------------------------------- verify, rollback


def test_the_articles_you_should_now_sentence_is_the_verify() -> None:
    """ "You should now be able to print." ending a step is the verify, not part of the step."""
    art = mskb(
        "SYMPTOMS\n========\n\nPrinting fails.\n\n"
        "RESOLUTION\n==========\n\n1. Remove the printer driver.\n\n"
        "2. Restart the computer. You should now be able to print.\n"
    )
    checklist = walked(art, {"symptom": "yes"})
    assert part(checklist, "steps")[1] == ("Restart the computer.", "")
    assert part(checklist, "verify") == [("You should now be able to print.", "")]


def test_runbook_output_should_show_check_in_mitigation_is_the_verify() -> None:
    """A Mitigation's "The output should show ..." replaces the generic verify."""
    art = markdown(
        "## Meaning\n\nThe alert fires when the exporter is down.\n\n"
        "## Mitigation\n\nRestart the exporter:\n\n"
        "```console\noc rollout restart ds/exporter\n```\n\n"
        "The output should show `daemonset.apps/exporter restarted`.\n"
    )
    verify = [text for text, _ in part(walked(art, {"symptom": "yes"}), "verify")]
    assert verify == ["The output should show daemonset.apps/exporter restarted."]


def test_back_up_the_registry_is_the_first_step_and_restoring_it_the_rollback() -> None:
    """A "back up the registry before" sentence becomes the step before the first change
    (after Registry Editor is started), its restore the rollback."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe service does not start.\n\n"
        "RESOLUTION\n==========\n\n"
        "Back up the registry before you make this change.\n\n"
        "1. Start Registry Editor.\n\n"
        "2. Delete the Parameters subkey of the service.\n"
    )
    checklist = walked(art, {"symptom": "yes"})
    said = [text for text, _ in part(checklist, "steps")]
    assert said[0] == "Start Registry Editor." and said[1].startswith("Back up the registry")
    [(rollback, _)] = part(checklist, "rollback")
    assert "restore the registry from the backup" in rollback


def test_markdown_registry_warning_gives_a_backup_step_and_a_rollback() -> None:
    """A support article's IMPORTANT note "back up the registry" is acted on, not only shown."""
    art = markdown(
        "## Summary\n\nThe profile path is not renamed.\n\n"
        "## Resolution\n\n"
        "1. Open Registry Editor.\n\n"
        "   > [!IMPORTANT]\n"
        "   > Serious problems might occur if you modify the registry incorrectly. Before you"
        " modify it, [back up the registry for restoration](https://support.microsoft.com/"
        "help/322756) in case problems occur.\n\n"
        "2. Change the ProfileImagePath value to the new path.\n"
    )
    checklist = walked(art, {"symptom": "yes"})
    first, _ = part(checklist, "steps")[1]  # once the editor is open, before the change
    assert first.startswith("Back up the registry before you change anything")
    assert "](https" not in first
    assert part(checklist, "rollback")


# --------------------------------------------------------------------------- cases asked


def test_if_otherwise_step_is_asked_and_selects_its_action() -> None:
    """ "If you use NTFS, run chkdsk; otherwise, run scandisk" asks which, shows one action."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe disk reports errors.\n\n"
        "RESOLUTION\n==========\n\n1. Close all programs.\n\n"
        "2. If you are using the NTFS file system, run chkdsk /f; otherwise, run scandisk.\n"
    )
    tree = draft_tree(art)
    [asked] = [q for q in questions(tree) if q["id"].endswith("if_1")]
    assert asked["title"] == "Are you using the NTFS file system?"
    yes = [t for t, _ in part(walked(art, {"symptom": "yes", "if_1": "yes"}), "steps")]
    no = [t for t, _ in part(walked(art, {"symptom": "yes", "if_1": "no"}), "steps")]
    assert yes == ["Close all programs.", "Run chkdsk /f."]
    assert no == ["Close all programs.", "Run scandisk."]


def test_steps_for_several_products_ask_which_product_first() -> None:
    """ "If you are running NT 4.0 ..." / "... Terminal Server ..." ask which one you run."""
    art = mskb(
        "SYMPTOMS\n========\n\nUsers cannot log on.\n\n"
        "RESOLUTION\n==========\n\n"
        "If you are running Windows NT Server 4.0, install Service Pack 4.\n\n"
        "If you are running Windows NT Server 4.0, Terminal Server Edition, install"
        " Terminal Server Service Pack 4.\n"
    )
    [asked] = [q for q in questions(draft_tree(art)) if q["id"].endswith("if_1")]
    labels = [c["label"] for c in asked["choices"]]
    assert labels == [
        "Windows NT Server 4.0",
        "Windows NT Server 4.0, Terminal Server Edition",
        "None of these",
    ]
    steps = part(walked(art, {"symptom": "yes", "if_1": "case_2"}), "steps")
    assert steps == [("Install Terminal Server Service Pack 4.", "")]


def test_a_site_case_is_asked_but_how_the_fix_went_is_not() -> None:
    """ "If you use a SCSI scanner, ..." is asked; "If the problem persists, ..." is not."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe scanner is not found.\n\n"
        "RESOLUTION\n==========\n\n1. Reinstall the scanner driver.\n\n"
        "2. If you use a SCSI scanner, set the termination jumper on the scanner.\n\n"
        "3. If the problem persists, contact the scanner manufacturer.\n"
    )
    asked = [q["title"] for q in questions(draft_tree(art))]
    assert asked == ["Does this match what you see?", "Do you use a SCSI scanner?"]
    steps = [t for t, _ in part(walked(art, {"symptom": "yes", "if_1": "no"}), "steps")]
    assert steps == [  # round 34: how the fix went is a checkpoint, then its action
        "Reinstall the scanner driver.",
        "If the problem persists, go on with the next step; otherwise stop here.",
        "Contact the scanner manufacturer.",
    ]


def test_q98097_asks_if_the_data_must_be_backed_up_and_keeps_its_inputs() -> None:
    """Q98097: "Must the server datafile be backed up?"; yes keeps midnight and 1:00 AM."""
    art = load_article(REPO / "articles" / "Q98097.md")
    wish = node(draft_tree(art), "wish")
    assert wish["title"] == "Must the server datafile be backed up?"
    assert "not backup Microsoft Mail Data" in wish["help"]
    tree = draft_tree_model(art)
    inputs = {n.variable: n.default for n in tree.nodes.values() if n.kind == "input"}
    assert inputs == {"time_1": "00:00", "time_2": "01:00"}
    walk = walk_with_answers(tree, {"symptom": "yes", "wish": "no", "mitigation": "summary_2"})
    assert walk.outcome is not None and walk.outcome.id == "summary_2"


# --------------------------------------------------------------------------- detail: format


TREE_WITH_DETAIL = """\
id: detail-tree
title: Detail
version: 1
articles: [Q98097]
symptom: s
cause: c
nodes:
  - id: host
    kind: input
    type: text
    help: The host.
    source: {article: Q98097, section: SUMMARY}
    next: done
  - id: done
    kind: outcome
    title: Done
    source: {article: Q98097, section: SUMMARY}
    steps:
      - text: Restart the service on {host}.
        detail: "ssh {host} \\\\\\n  systemctl restart mail\\n```\\n# not a heading"
        source: {article: Q98097, section: SUMMARY}
"""


def test_an_items_detail_is_filled_and_exported_as_an_inert_code_block() -> None:
    """`detail` takes the answers and exports as a fence no backtick in it can close."""
    result = read_tree_bytes(TREE_WITH_DETAIL.encode(), Path("detail-tree.yaml"))
    assert result.problems == [] and result.tree is not None
    checklist = build_checklist(walk_with_answers(result.tree, {"host": "mx1"}))
    [item] = checklist.part("steps")
    assert item.detail == "ssh mx1 \\\n  systemctl restart mail\n```\n# not a heading"
    markdown_text = to_markdown(checklist)
    assert (
        "  ````text\n  ssh mx1 \\\n    systemctl restart mail\n  ```\n  # not a heading\n  ````"
        in (markdown_text)
    )
    assert "    ssh mx1 \\\n      systemctl restart mail" in to_text(checklist)


def test_a_detail_reading_an_unset_variable_is_a_lint_problem() -> None:
    """A detail's `{name}` is checked like the item's text: no node sets it, lint says so."""
    text = TREE_WITH_DETAIL.replace("ssh {host}", "ssh {hots}")
    result = read_tree_bytes(text.encode(), Path("detail-tree.yaml"))
    problems = [p.message for p in lint_result(result)]
    assert any("detail reads 'hots'" in m for m in problems)


def test_drafted_text_reads_back_the_same_with_the_fast_parser() -> None:
    """The draft read with libyaml's parser is the same Tree, positions included."""
    art = load_article(REPO / "articles" / "Q98097.md")
    data = draft_yaml(draft_tree(art), art).encode()
    slow = read_tree_bytes(data, Path("q98097-draft.yaml"))
    fast = read_tree_bytes(data, Path("q98097-draft.yaml"), drafted=True)
    assert slow.tree is not None and fast.tree == slow.tree
    assert [n.pos for n in fast.tree.nodes.values()] == [n.pos for n in slow.tree.nodes.values()]
    assert [u.pos for u in fast.uses] == [u.pos for u in slow.uses]


def test_runbook_validate_step_with_its_query_is_the_verify() -> None:
    """ "Validate resolution (alert clears):" and its query are the verify, not a step."""
    art = markdown(
        "## Meaning\n\nMany launcher pods stay Failed.\n\n"
        "## Mitigation\n\n"
        "1. Delete the failed pods:\n\n"
        "   ```console\n   oc delete pods -A --field-selector=status.phase=Failed\n   ```\n\n"
        "2. Validate resolution (alert clears):\n\n"
        "   ```promql\n   cluster:kubevirt_virt_launcher_failed:count\n   ```\n"
    )
    checklist = walked(art, {"symptom": "yes"})
    assert [t for t, _ in part(checklist, "steps")] == ["Delete the failed pods:"]
    assert part(checklist, "verify") == [
        ("Validate resolution (alert clears):", "cluster:kubevirt_virt_launcher_failed:count")
    ]


def test_verify_repeats_the_action_that_showed_the_symptom() -> None:
    """ "When you start X, you receive Y" gives the verify "Start X again ... no longer"."""
    art = mskb(
        "SYMPTOMS\n========\n\nWhen you try to start the Exchange Administrator tool, you"
        " receive the error: The application failed to initialize\n\n"
        "RESOLUTION\n==========\n\nReinstall the Exchange Administrator tool.\n"
    )
    [(verify, _)] = part(walked(art, {"symptom": "yes"}), "verify")
    assert verify == (
        "Start the Exchange Administrator tool again: check that the message"
        ' "The application failed to initialize" no longer appears.'
    )


def test_use_one_of_the_following_list_is_a_choice_named_by_each_case() -> None:
    """ "Use one of the following ..." + "To resolve this when X, do Y" items: pick case X."""
    art = markdown(
        "## Symptoms\n\nYou can't connect to the listener.\n\n"
        "## Resolution\n\nUse one of the following resolutions as applicable to your case:\n\n"
        "- To resolve this situation when the data providers support the MultiSubnetFailover"
        " parameter, add the parameter to your connection string.\n"
        "- To resolve this situation when your legacy clients can't use the parameter, run"
        " the following command:\n\n"
        "  ```powershell\n  Get-ClusterResource <*Your listener name*> | Set-ClusterParameter"
        " RegisterAllProvidersIP 0\n  ```\n"
    )
    tree = draft_tree(art)
    labels = [c["label"] for c in node(tree, "mitigation")["choices"]]
    assert labels == [
        "When the data providers support the MultiSubnetFailover parameter",
        "When your legacy clients can't use the parameter",
    ]
    [asked] = [n for n in tree["nodes"] if n["kind"] == "input"]
    steps = part(
        walked(art, {"symptom": "yes", "mitigation": "resolution_2", asked["var"]: "ag1-listener"}),
        "steps",
    )
    assert steps == [
        (
            "Run the following command:",
            "Get-ClusterResource ag1-listener | Set-ClusterParameter RegisterAllProvidersIP 0",
        )
    ]


# ------------------------------------------------------------ only actions are ticked


def test_a_depends_on_statement_is_shown_under_the_step_not_ticked() -> None:
    """ "The resolution depends on the issue in the logs." is no step; actions said with a
    modal or after a clause stay steps; a Mitigation of statements only is escalated,
    the statements shown."""
    art = runbook(
        "## Meaning\n\nAlertmanager failed to reload its configuration.\n\n"
        "## Mitigation\n\n"
        "1. Review the logs of the alertmanager pods.\n"
        "2. The resolution depends on the particular issue reported in the logs.\n"
        "3. Because the operator may be outdated, select a newer channel in the console.\n"
        "4. Otherwise you can exclude the resource from user-defined monitoring.\n"
    )
    steps = part(walked(art, {"symptom": "yes"}), "steps")
    texts = [text for text, _ in steps]
    assert texts[0] == "Review the logs of the alertmanager pods."
    assert "The resolution depends on the particular issue" in steps[0][1]
    assert not any(t.startswith("The resolution") for t in texts)
    assert any(t.startswith("Because the operator may be outdated, select") for t in texts)
    assert any("exclude the resource" in t for t in texts)
    only = runbook(
        "## Meaning\n\nA scrape target is down.\n\n## Mitigation\n\n"
        "Mitigation depends on the error reported by prometheus and there is no generic one.\n"
    )
    kept = part(walked(only, {"symptom": "yes"}), "steps")
    # round 24: escalated honestly, the statement shown under that step, never ticked
    assert kept and kept[0][0].startswith("Escalate") and "no generic one" in kept[0][1]


def test_an_example_lead_in_over_a_query_is_the_next_steps_detail() -> None:
    """ "The following is an example query ...:" and its query are shown under the action."""
    art = runbook(
        "## Meaning\n\nA persistent volume is filling up.\n\n"
        "## Mitigation\n\n"
        "The following is an example query for a PVC in the monitoring namespace:\n\n"
        '```\nkubelet_volume_stats_available_bytes{namespace="monitoring"}\n```\n\n'
        "Delete the data you no longer need from the volume.\n"
    )
    steps = part(walked(art, {"symptom": "yes"}), "steps")
    assert [text for text, _ in steps] == ["Delete the data you no longer need from the volume."]
    assert "kubelet_volume_stats_available_bytes" in steps[0][1]
    assert "The following is an example query" in steps[0][1]


def test_an_announcement_is_not_ticked_before_the_steps_it_announces() -> None:
    """ "Use one of the following methods." is no step: the methods' actions are."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe backup fails with error 5.\n\n"
        "RESOLUTION\n==========\n\n"
        "1. Use one of the following methods.\n"
        "2. Stop the Backup service.\n"
        "3. Restart the computer.\n"
    )
    steps = part(walked(art, {"symptom": "yes"}), "steps")
    texts = [text for text, _ in steps]
    assert not any("one of the following methods" in t for t in texts)
    assert texts[:2] == ["Stop the Backup service.", "Restart the computer."]


def test_a_because_statement_after_a_step_is_its_detail() -> None:
    """ "Because the file is rebuilt automatically, no data is lost." is shown, not ticked."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe modem settings are lost.\n\n"
        "RESOLUTION\n==========\n\n"
        "1. Delete the MODEM.GLB file.\n"
        "2. Restart ADMIN.EXE.\n"
        "3. Because the file is rebuilt automatically, no data is lost.\n"
    )
    steps = part(walked(art, {"symptom": "yes"}), "steps")
    assert [text for text, _ in steps] == ["Delete the MODEM.GLB file.", "Restart ADMIN.EXE."]
    assert "no data is lost" in steps[1][1]


def test_a_result_sentence_is_the_verify_not_a_step() -> None:
    """ "Mail should work normally again." after the steps is what the verify checks."""
    art = runbook(
        "## Meaning\n\nMail delivery stopped.\n\n"
        "## Mitigation\n\n"
        "1. Restart the mail transport service.\n"
        "2. Mail should work normally again.\n"
    )
    checklist = walked(art, {"symptom": "yes"})
    assert [text for text, _ in part(checklist, "steps")] == ["Restart the mail transport service."]
    assert any("Mail should work normally again" in t for t, _ in part(checklist, "verify"))


def test_a_bare_for_example_over_code_is_shown_under_the_step_it_illustrates() -> None:
    """ "For example:" and its code line go under the step before, never ticked."""
    art = mskb(
        "SYMPTOMS\n========\n\nTableUpdate() fails on a view.\n\n"
        "RESOLUTION\n==========\n\n"
        "Check the SendUpdates property of the view with the DBGetProp() function.\n\n"
        "For example:\n\n"
        '     MyVar1=DBGETPROP("MyView","View","SendUpdates")\n'
    )
    steps = part(walked(art, {"symptom": "yes"}), "steps")
    assert [text for text, _ in steps] == [
        "Check the SendUpdates property of the view with the DBGetProp() function."
    ]
    assert "For example:" in steps[0][1] and "DBGETPROP" in steps[0][1]


def test_what_a_result_would_mean_and_next_method_navigation_are_not_ticked() -> None:
    """ "If X, then you may be having a problem with Y" and "proceed to the next method"."""
    art = mskb(
        "SYMPTOMS\n========\n\nReverse lookups fail.\n\n"
        "RESOLUTION\n==========\n\n"
        "1. Right-click the forward zone, and then click New Host.\n\n"
        "2. Click Add Host, and then click Done.\n\n"
        "If you receive an error when you click Add Host, then you may be having a\n"
        "problem with your reverse lookup zone.\n\n"
        "If the issue continues to occur, proceed to the next method.\n"
    )
    steps = part(walked(art, {"symptom": "yes"}), "steps")
    texts = [text for text, _ in steps]
    assert texts == [
        "Right-click the forward zone, and then click New Host.",
        "Click Add Host, and then click Done.",
    ]
    assert "reverse lookup zone" in steps[-1][1] and "next method" in steps[-1][1]


def test_a_conditional_action_with_a_modal_is_still_a_step() -> None:
    """ "If you have a BDC, you may have to restart it." is something to do: since round
    23 said as "If you have a BDC, restart it.", its case asked and the restart ticked."""
    art = mskb(
        "SYMPTOMS\n========\n\nLogons are slow.\n\n"
        "RESOLUTION\n==========\n\n"
        "1. Restart the PDC.\n\n"
        "2. If you have a BDC, you may have to restart it.\n"
    )
    texts = [text for text, _ in part(walked(art, {"symptom": "yes", "if_1": "yes"}), "steps")]
    assert texts == ["Restart the PDC.", "Restart it."]
    skipped = [text for text, _ in part(walked(art, {"symptom": "yes", "if_1": "no"}), "steps")]
    assert skipped == ["Restart the PDC."]
