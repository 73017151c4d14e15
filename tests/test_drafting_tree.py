"""Drafted walks that diagnose (issue 13): each defect pattern on a small article."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from drafting_support import archive

from kbassist.articles import Article, load_article, parse_article
from kbassist.drafting.tree import draft_tree, draft_tree_model
from kbassist.trees.checklist import build_checklist
from kbassist.trees.engine import walk_with_answers

REPO = Path(__file__).resolve().parent.parent


def markdown(body: str, *, id_: str = "RB-1", title: str = "DiskAlert") -> Article:
    """A Markdown article (front matter, `##` sections) with `body` as its text."""
    text = f"---\nid: {id_}\ntitle: '{title}'\n---\n\n{body.strip()}\n"
    return parse_article(text, Path(f"{id_}.md"))


#: An MS KB archive article with this file's own id and header fields.
mskb = partial(
    archive, id_="Q999001", indent=False, headers=("Version(s): 3.1", "Last Modified: 01-JAN-1999")
)


def nodes(tree: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [n for n in tree["nodes"] if n["kind"] == kind]


def node(tree: dict[str, Any], node_id: str) -> dict[str, Any]:
    return next(n for n in tree["nodes"] if n["id"] == node_id)


def checklist(art: Article, answers: dict[str, str]) -> list[str]:
    walk = walk_with_answers(draft_tree_model(art), answers)
    return [item.text for item in build_checklist(walk).items]


def with_details(art: Article, answers: dict[str, str]) -> list[tuple[str, str]]:
    """(text, detail) of each checklist item: the detail is shown under it, not ticked."""
    walk = walk_with_answers(draft_tree_model(art), answers)
    return [(item.text, item.detail) for item in build_checklist(walk).items]


RUNBOOK = """
## Meaning

This alert fires when the collector cannot forward metrics.

## Diagnosis

Check the logs of the collector pod:

```console
oc logs deployment/collector -n <namespace>
```

## Mitigation

### 1. If the diagnosis shows 401/403 errors (Authentication Failure)

* Restart the operator pod:

    ```console
    oc delete pod -n monitoring -l name=operator
    ```

> [!NOTE]
> The operator reissues missing certificates when it starts.

### 2. If the diagnosis shows EOF or i/o timeout (Network Failure)

* Scale the API deployment up:

    ```console
    oc scale deployment api -n monitoring --replicas=2
    ```
"""


def test_runbook_mitigation_subheadings_become_the_question_of_what_diagnosis_found() -> None:
    """A runbook's "If the diagnosis shows ..." mitigations are choices named by the finding."""
    tree = draft_tree(markdown(RUNBOOK))
    question = node(tree, "mitigation")
    assert question["title"] == "What did you find?"
    assert [c["label"] for c in question["choices"]] == [
        "401/403 errors (Authentication Failure)",
        "EOF or i/o timeout (Network Failure)",
    ]


def test_runbook_commands_are_steps_shown_verbatim_after_their_action() -> None:
    """The fenced command follows the action that runs it, in one step, as written."""
    items = with_details(
        markdown(RUNBOOK),
        {"symptom": "yes", "mitigation": "mitigation_1", "placeholder_1": "observability"},
    )
    # round 11: the Diagnosis check before it is shown, not ticked; the fix's step is first
    restart = next(item for item in items if item[0] == "Restart the operator pod:")
    assert restart[1].startswith("oc delete pod -n monitoring -l name=operator")


def test_notes_are_detail_of_their_step_not_items() -> None:
    """A NOTE block is shown with the step it qualifies, never ticked on its own."""
    items = with_details(
        markdown(RUNBOOK),
        {"symptom": "yes", "mitigation": "mitigation_1", "placeholder_1": "observability"},
    )
    assert not any(text.startswith(("Note", "The operator reissues")) for text, _ in items)
    assert any("Note: The operator reissues missing certificates" in d for _, d in items)


def test_command_placeholder_is_a_typed_input_substituted_into_the_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`<namespace>` in a command is asked (no default) and the answer fills the command."""
    # read as checklist items: drafted without round 11's pass that shows the Diagnosis
    # check (the same text) in an info step before the fix instead
    monkeypatch.setattr("kbassist.drafting.tree.checks_not_ticked", lambda tree, article: None)
    tree = draft_tree(markdown(RUNBOOK))
    asked = [n for n in nodes(tree, "input") if "writes <namespace> " in n["text"]]
    assert asked and "default" not in asked[0]
    items = with_details(
        markdown(RUNBOOK),
        {"symptom": "yes", "mitigation": "mitigation_2", asked[0]["var"]: "observability"},
    )
    assert "oc logs deployment/collector -n observability" in items[0][1]


def test_drive_letter_explained_as_where_x_is_the_drive_becomes_an_input() -> None:
    """ "x:" explained by "where x is the letter of the CD-ROM drive" is asked and used."""
    art = mskb(
        "SYMPTOMS\n========\n\nSetup stops at disk 2.\n\n"
        "RESOLUTION\n==========\n\n"
        "Type x:\\setup /a at the command prompt, where x is the letter of the CD-ROM drive.\n"
    )
    tree = draft_tree(art)
    drive = [n for n in nodes(tree, "input") if n["title"].startswith("Your drive letter")]
    assert len(drive) == 1
    lines = checklist(art, {"symptom": "yes", drive[0]["var"]: "E"})
    assert lines[0].startswith("Type E:\\setup /a")


def test_system_file_names_are_never_inputs() -> None:
    """WIN.INI, Pagefile.sys and NETBIOS.EXE are the files they are: no question asks them."""
    art = mskb(
        "SYMPTOMS\n========\n\nWindows runs out of memory.\n\n"
        "RESOLUTION\n==========\n\n"
        "1. Open WIN.INI and remove NETBIOS.EXE from the load= line.\n"
        "2. Delete Pagefile.sys and restart the computer.\n"
    )
    tree = draft_tree(art)
    assert nodes(tree, "input") == []


def test_alternative_symptom_messages_are_a_which_do_you_see_choice() -> None:
    """Several error messages (split by -or-) are each a choice, not collapsed to the first."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "When you start the program, you receive one of the following error messages:\n\n"
        "   Cannot find MSVBVM50.DLL\n\n   -or-\n\n   General protection fault in module VB\n\n"
        "RESOLUTION\n==========\n\nReinstall the program.\n"
    )
    question = nodes(draft_tree(art), "question")[0]
    assert question["title"] == "Which of these do you see?"
    assert [c["label"] for c in question["choices"]] == [
        "Cannot find MSVBVM50.DLL",
        "General protection fault in module VB",
        "None of these",
    ]


def test_answering_that_the_symptom_differs_says_the_article_may_not_apply() -> None:
    """The walk confirms the symptom first; "no" ends honestly, without the article's fix."""
    art = markdown("## Symptoms\n\nThe spooler stops.\n\n## Resolution\n\nRestart the spooler.\n")
    lines = checklist(art, {"symptom": "no"})
    assert not any("Restart the spooler" in line for line in lines)
    assert "compare it with what you see" in lines[0]


def test_labels_are_never_cut_with_an_ellipsis_or_a_dangling_word() -> None:
    """Long first sentences give a short label ending at a clause or a whole word."""
    long = (
        "Configure the backup program so that it never opens the server's System Folder or "
        "Extensions Folder while the mail server is running on the computer"
    )
    art = mskb(
        "SYMPTOMS\n========\n\nThe server shuts down.\n\n"
        "RESOLUTION\n==========\n\nTo resolve this problem, do one of the following:\n\n"
        f"- {long}.\n\n-or-\n\n- Stop the mail server before the backup starts.\n"
    )
    labels = [c["label"] for c in node(draft_tree(art), "mitigation")["choices"]]
    assert all("[...]" not in label and not label.endswith((" or", " the")) for label in labels)
    assert labels[0].startswith("Configure the backup program")


def test_by_design_article_gets_no_problem_is_gone_verify() -> None:
    """An article that says the behavior is by design does not promise it goes away."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe clock shows the wrong time after sleep.\n\n"
        "STATUS\n======\n\nThis behavior is by design.\n\n"
        "WORKAROUND\n==========\n\nSynchronize the clock after the computer wakes.\n"
    )
    outcome = next(o for o in nodes(draft_tree(art), "outcome") if o["id"] != "not_this_article")
    verify = " ".join(v["text"] for v in outcome["verify"])
    assert "by design" in verify and "no longer occurs" not in verify


def test_alert_runbook_verifies_that_the_alert_clears() -> None:
    """A runbook's verify is the alert clearing, not a restated symptom."""
    outcome = node(draft_tree(markdown(RUNBOOK)), "mitigation_1")
    assert outcome["verify"][-1]["text"].startswith("Check that the DiskAlert alert clears")


def test_q98097_asks_whether_the_mail_data_must_be_backed_up() -> None:
    """Q98097's draft asks if the data file must be backed up; yes leads to MS Mail Backup."""
    art = load_article(REPO / "articles" / "Q98097.md")
    wish = node(draft_tree(art), "wish")
    assert "back up the server datafile" in wish["text"]
    lines = checklist(art, {"symptom": "yes", "wish": "yes", "time_1": "23:00", "time_2": "0:30"})
    assert any("AppleShare volume at 23:00" in line for line in lines)
    no = walk_with_answers(
        draft_tree_model(art), {"symptom": "yes", "wish": "no", "mitigation": "summary_2"}
    )
    assert no.outcome is not None and no.outcome.id == "summary_2"


def test_ms_kb_note_and_lead_in_are_not_checklist_items() -> None:
    """ "To resolve this problem:" is the outcome's text and a NOTE stays with its step."""
    art = mskb(
        "SYMPTOMS\n========\n\nPrinting fails.\n\n"
        "RESOLUTION\n==========\n\nTo resolve this problem:\n\n"
        "1. Remove the printer driver.\n\n"
        "NOTE: You must be logged on as an administrator.\n\n"
        "2. Install the updated printer driver.\n"
    )
    items = with_details(art, {"symptom": "yes"})
    assert items[:2] == [
        ("Remove the printer driver.", "NOTE: You must be logged on as an administrator."),
        ("Install the updated printer driver.", ""),
    ]


def test_the_articles_own_check_is_the_verify() -> None:
    """ "Printing should now work" is how to verify, not a step, and replaces the generic one."""
    art = mskb(
        "SYMPTOMS\n========\n\nPrinting fails.\n\n"
        "RESOLUTION\n==========\n\n1. Remove the printer driver.\n\n"
        "2. Install the updated printer driver.\n\n3. Printing should now work normally.\n"
    )
    outcome = node(draft_tree(art), "resolution_1")
    assert [s["text"] for s in outcome["steps"]] == [
        "Remove the printer driver.",
        "Install the updated printer driver.",
    ]
    assert [v["text"] for v in outcome["verify"]] == ["Printing should now work normally."]


def test_if_x_do_the_following_procedures_are_options_chosen_by_the_case() -> None:
    """ "If Setup stops before ..., do the following:" + steps is an option named by its case."""
    art = mskb(
        "SUMMARY\n=======\n\nSetup stops before it completes.\n\n"
        "MORE INFORMATION\n================\n\n"
        "If Setup stops before you create an Uninstall disk, do the following:\n\n"
        "1. Restart your computer.\n\n2. Run Setup again.\n\n"
        "If Setup stops after you create an Uninstall disk, do the following:\n\n"
        "1. Insert the Uninstall disk.\n\n2. Type uninstall at the command prompt.\n"
    )
    question = node(draft_tree(art), "mitigation")
    assert question["title"] == "Which of these applies?"
    assert [c["label"] for c in question["choices"]] == [
        "Setup stops before you create an Uninstall disk",
        "Setup stops after you create an Uninstall disk",
    ]
    lines = checklist(art, {"symptom": "yes", "mitigation": "more_information_2"})
    assert lines[:2] == ["Insert the Uninstall disk.", "Type uninstall at the command prompt."]


def test_or_causes_sharing_one_fix_are_listed_not_asked() -> None:
    """Causes joined by -OR- that share the fix are listed one per line, not asked: a
    "which applies?" whose answers all reach the same outcome leads nowhere."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe modem does not dial.\n\n"
        "CAUSE\n=====\n\nThis problem occurs for one of the following reasons:\n\n"
        "- The modem is set to the wrong COM port.\n\n-OR-\n\n"
        "- Another program is using the COM port.\n\n"
        "RESOLUTION\n==========\n\nSet the modem to the right COM port and close other programs.\n"
    )
    cause = node(draft_tree(art), "cause")
    assert cause["kind"] == "info"
    assert cause["text"].splitlines() == [
        "This problem occurs for one of the following reasons:",
        "- The modem is set to the wrong COM port.",
        "- Another program is using the COM port.",
    ]
    lines = checklist(art, {"symptom": "yes"})
    assert lines[0].startswith("Set the modem to the right COM port")


def test_a_list_of_things_after_a_lead_in_is_one_item_not_one_each() -> None:
    """ "It can have several causes, including the following:" + nouns is one remark,
    shown under the step before it (a statement, not ticked)."""
    art = markdown(
        "## Meaning\n\nThis alert fires when pods restart.\n\n"
        "## Mitigation\n\n* Restart the pod:\n\n"
        "    ```console\n    oc delete pod web-1\n    ```\n\n"
        "The restarts can have several causes, including the following:\n\n"
        "* pod priority\n* volume mount issues\n"
    )
    items = with_details(art, {"symptom": "yes"})
    assert items[0][0] == "Restart the pod:"
    assert (
        "The restarts can have several causes, including the following: "
        "pod priority; volume mount issues."
    ) in items[0][1]
    assert not any(text.startswith("The restarts") for text, _ in items)


@pytest.mark.archive
def test_every_choice_label_says_something_on_real_articles(archive_dir: Path) -> None:
    """Q58383 and Q251116 once drafted a choice labelled with punctuation only: unwalkable."""
    for rel in ("kb/058/Q58383/README.md", "kb/251/Q251116/README.md"):
        tree = draft_tree_model(load_article(archive_dir / rel))  # loads and lints it
        labels = [
            choice.label for node in tree.nodes.values() for choice in getattr(node, "choices", ())
        ]
        assert labels, rel
        assert all(re.search(r"[^\W_]", label) for label in labels), (rel, labels)


def test_the_symptom_check_quotes_the_symptom_it_asks_about() -> None:
    """The first question shows the symptom itself: no surface has it "above" the step."""
    art = markdown(
        "## Meaning\n\nThe etcd cluster has lost a member for 10 minutes ({job} label).\n\n"
        "## Mitigation\n\n1. Restart the failed member.\n"
    )
    check = draft_tree_model(art).nodes["symptom"]  # the braces stay literal text
    shown = check.text.render({}) if check.text is not None else ""
    assert "The etcd cluster has lost a member for 10 minutes ({job} label)." in shown
    assert "(above)" not in shown
