"""Drafted walks of modern articles whose fix section announces its alternatives ("use
one of the following methods"): each method is an answer of the fixes question and runs
only its own steps, named as the article names it."""

from __future__ import annotations

from functools import partial

import drafting_support

from kbassist.articles import Article
from kbassist.drafting.tree import draft_tree_model
from kbassist.trees.checklist import build_checklist
from kbassist.trees.engine import walk_with_answers
from kbassist.trees.model import Tree

support = partial(drafting_support.support, id_="support-m1", title="Agents can't run")
runbook = partial(drafting_support.runbook, id_="StorageNearFull")


SYMPTOMS = (
    "## Symptoms\n\nSome replication agents can't run, and the following error is logged:\n\n"
    "> The application failed to initialize properly (0xc0000142).\n\n"
    "## Cause\n\nThe desktop heap is used up.\n\n"
)


def mitigation_labels(tree: Tree) -> list[str]:
    question = tree.nodes["mitigation"]
    return [c.label or "" for c in question.choices]


def steps_of(art: Article, label: str, **inputs: str) -> list[str]:
    """The checklist (text and detail) after choosing the mitigation labelled `label`
    (and answering `inputs`, by variable)."""
    tree = draft_tree_model(art)
    question = tree.nodes["mitigation"]
    value = next(c.value for c in question.choices if c.label == label)
    answers = {"symptom": "yes", question.var: value, **inputs}
    checklist = build_checklist(walk_with_answers(tree, answers))
    return [f"{item.text}\n{item.detail}" for item in checklist.part("steps")]


def test_methods_announced_over_sub_headings_are_asked_with_their_whole_headings() -> None:
    """ "Use one of the following methods:" over `###` actions: one answer per method."""
    art = support(
        SYMPTOMS + "## Workaround\n\nTo work around this problem, use one of the following "
        "methods:\n\n"
        "### Use separate accounts for the replication agents created for different databases\n\n"
        "You can specify this while you create the replication agents.\n\n"
        "### Use registry settings to increase the desktop heap size\n\n"
        "Increase the SessionViewSize value from 48 to 64, and then restart the server.\n\n"
        "### Change the replication agents from running continuously to running on a schedule\n\n"
        "Set a schedule for each agent in its job properties.\n"
    )
    labels = mitigation_labels(draft_tree_model(art))
    assert labels == [
        "Use separate accounts for the replication agents created for different databases",
        "Use registry settings to increase the desktop heap size",
        "Change the replication agents from running continuously to running on a schedule",
    ]
    schedule = steps_of(art, labels[2])
    assert any("schedule for each agent" in s for s in schedule)
    assert not any("SessionViewSize" in s for s in schedule)


def test_numbered_methods_in_a_list_keep_their_names_and_commands() -> None:
    """ "- Method 1: Use the `DBCC UPDATEUSAGE` command" is the label; its command is kept."""
    art = support(
        SYMPTOMS + "## Resolution\n\nTo resolve this issue, use one of the following methods.\n\n"
        "- Method 1: Use the `DBCC UPDATEUSAGE` command\n\n"
        "    Update the incorrect rowcount value. To do this, run the following command:\n\n"
        "    ```sql\n    DBCC UPDATEUSAGE (mydb, 'MSreplication_subscriptions') WITH COUNT_ROWS\n"
        "    ```\n\n"
        "- Method 2: Use the `ALTER INDEX` statement\n\n"
        "    Rebuild the indexes of the table. To do this, use the following statement:\n\n"
        "    ```sql\n    ALTER INDEX ALL ON [dbo].[MSreplication_subscriptions] REBUILD\n    ```\n"
    )
    labels = mitigation_labels(draft_tree_model(art))
    assert labels == [
        "Method 1: Use the DBCC UPDATEUSAGE command",
        "Method 2: Use the ALTER INDEX statement",
    ]
    # `mydb` stands for the admin's database: asked, and the answer is in the command
    first = "\n".join(steps_of(art, labels[0], placeholder_1="SalesDB"))
    assert "DBCC UPDATEUSAGE (SalesDB" in first and "ALTER INDEX" not in first


def test_stages_without_an_announcement_stay_one_procedure() -> None:
    """Sub-headings that are the stages of one fix ("Install", "Restart") are not asked."""
    art = support(
        SYMPTOMS + "## Resolution\n\nTo resolve this problem, do the following.\n\n"
        "### Install the cumulative update\n\nRun the update package on the server.\n\n"
        "### Restart the replication agents\n\nRestart every agent job.\n"
    )
    tree = draft_tree_model(art)
    assert "mitigation" not in tree.nodes
    checklist = build_checklist(walk_with_answers(tree, {"symptom": "yes"}))
    texts = " ".join(item.text for item in checklist.part("steps"))
    assert "update package" in texts and "Restart every agent" in texts


def test_a_counted_announcement_makes_its_list_the_alternatives() -> None:
    """ "Two options:" over "- Scale storage: ..." / "- Delete information: ...": asked."""
    art = runbook(
        "## Meaning\n\nStorage cluster utilization has crossed 75%.\n\n"
        "## Mitigation\n\nTwo options:\n\n"
        "- Scale storage: add storage devices or nodes to the cluster.\n"
        "- Delete information: delete data you no longer need to free space.\n"
    )
    labels = mitigation_labels(draft_tree_model(art))
    assert [label.split(":")[0] for label in labels] == ["Scale storage", "Delete information"]


def test_the_values_a_setting_takes_are_not_alternatives() -> None:
    """ "This setting has the following three options: 0=User ..." lists values, no fixes."""
    art = support(
        SYMPTOMS + "## Resolution\n\nSet the Send Rich Text field. This setting has the "
        "following three options:\n\n- 0=User\n- 1=Always\n- 2=Never\n"
    )
    tree = draft_tree_model(art)
    assert "mitigation" not in tree.nodes
