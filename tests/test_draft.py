"""Drafting a decision tree from an article: each pattern, on small articles written here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from kbassist.articles import Article, iter_article_files, load_article, parse_article
from kbassist.drafting.tree import (
    FALLBACK_ID,
    NOT_THIS_ID,
    DraftError,
    draft_text,
    draft_tree,
    draft_tree_model,
    draft_yaml,
)
from kbassist.trees.catalog import find_tree
from kbassist.trees.checklist import build_checklist
from kbassist.trees.engine import walk_with_answers
from kbassist.trees.lint import lint_result
from kbassist.trees.loader import read_tree_bytes
from kbassist.trees.model import Input, Outcome, Question

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "articles" / "Q98097.md"
HAND_TREE = "q98097-retrospect-mail-server"


def article(body: str, *, id_: str = "KB-T-1", title: str = "Test article") -> Article:
    """A front-matter article with `body` (## sections) as its text."""
    text = f"---\nid: {id_}\ntitle: '{title}'\n---\n\n{body.strip()}\n"
    return parse_article(text, Path(f"{id_}.md"))


def outcomes(tree: dict[str, Any]) -> list[dict[str, Any]]:
    """The article's outcomes (the "may not apply" end of the symptom check left out)."""
    return [n for n in tree["nodes"] if n["kind"] == "outcome" and n["id"] != NOT_THIS_ID]


def node(tree: dict[str, Any], node_id: str) -> dict[str, Any]:
    return next(n for n in tree["nodes"] if n["id"] == node_id)


def step_texts(outcome: dict[str, Any]) -> list[str]:
    return [item["text"] for item in outcome["steps"]]


def lint_clean(art: Article, tree: dict[str, Any]) -> list[str]:
    """Problems of the emitted YAML read back, citations checked against `art`."""
    result = read_tree_bytes(draft_yaml(tree, art).encode(), Path(f"{tree['id']}.yaml"))
    return [str(p) for p in lint_result(result, lambda ref: art if ref == art.id else None)]


# --------------------------------------------------------------------------- Q98097


def test_q98097_draft_finds_the_hand_written_mitigations() -> None:
    """Q98097's draft offers SUMMARY's three mitigations and MS Mail Backup's copy."""
    tree = draft_tree(load_article(SEED))
    found = outcomes(tree)
    titles = [o["title"] for o in found]
    hand = find_tree(HAND_TREE, REPO / "decision_trees")
    assert {o.id for o in hand.outcomes()} == {
        "exclude_folder",
        "exclude_mail_data",
        "stop_server",
        "mail_backup_copy",
    }
    # One draft outcome per hand-written outcome, named by what the article says.
    for phrase in ("System Folder or Extensions", "Microsoft Mail Data", "is not running"):
        assert sum(phrase in t for t in titles) == 1, (phrase, titles)
    backup = [o for o in found if "MS Mail Backup" in " ".join(step_texts(o))]
    assert len(backup) == 1 and backup[0]["source"]["section"] == "MORE INFORMATION"
    assert len(found) == 4
    assert node(tree, "mitigation")["kind"] == "question"


def test_q98097_draft_asks_midnight_and_1_am_as_times() -> None:
    """The copy time (midnight) and archive time (1:00 AM) become time inputs used by steps."""
    tree = draft_tree(load_article(SEED))
    inputs = [n for n in tree["nodes"] if n["kind"] == "input"]
    assert [(n["type"], n["default"]) for n in inputs] == [
        ("time", "midnight"),
        ("time", "1:00 AM"),
    ]
    copy_var, archive_var = inputs[0]["var"], inputs[1]["var"]
    example = next(t for o in outcomes(tree) for t in step_texts(o) if "For example" in t)
    assert f"volume at {{{copy_var}}}." in example
    assert f"volume at {{{archive_var}}}." in example
    assert "midnight" not in example and "1:00 AM" not in example


def test_q98097_draft_walks_with_the_articles_example() -> None:
    """Walking the draft with other times puts them into the MS Mail Backup checklist."""
    tree = draft_tree_model(load_article(SEED))
    walk = walk_with_answers(
        tree, {"symptom": "yes", "wish": "yes", "time_1": "11:30 PM", "time_2": "2:00 AM"}
    )
    lines = [item.text for item in build_checklist(walk).items]
    assert any("AppleShare volume at 23:30. Retrospect can then" in line for line in lines)
    assert any("archive the external volume at 02:00." in line for line in lines)


# --------------------------------------------------------------------------- symptom, cause

FULL = """
## Symptoms

The print spooler stops responding after the driver update.

## Cause

The new driver holds the spool file open.

## Resolution

Roll back the printer driver.
"""


def test_symptom_and_cause_come_from_their_sections() -> None:
    """SYMPTOMS is the symptom; CAUSE is the cause and the first (info) step, cited."""
    tree = draft_tree(article(FULL))
    assert tree["symptom"] == "The print spooler stops responding after the driver update."
    assert tree["cause"] == "The new driver holds the spool file open."
    assert tree["nodes"][0]["id"] == "symptom"  # confirmed first, then explained
    cause = tree["nodes"][1]
    assert cause["kind"] == "info" and cause["id"] == "cause"
    assert cause["source"] == {"article": "KB-T-1", "section": "Cause"}


def test_symptom_falls_back_to_summary_then_title() -> None:
    """Without SYMPTOMS the symptom is SUMMARY's opening (not its lead-in), else the title."""
    with_summary = article(
        "## Summary\n\nThe mail server hangs during backups. To prevent this, do one of the "
        "following:\n\n- Stop the server.\n\n-or-\n\n- Exclude the data file.\n"
    )
    assert draft_tree(with_summary)["symptom"] == "The mail server hangs during backups."
    bare = article("## More information\n\nSome notes.\n", title="PRB: Disk fills up")
    assert draft_tree(bare)["symptom"] == "PRB: Disk fills up"
    assert draft_tree(bare)["title"] == "Disk fills up"


# --------------------------------------------------------------------------- alternatives


def test_or_list_gives_one_mitigation_each() -> None:
    """Alternatives joined by -or- lines each become an outcome, choosable in one question."""
    tree = draft_tree(
        article(
            "## Workaround\n\nTo work around this problem, do either of the following:\n\n"
            "- Log off and log back on. You\n  should then be able to delete the folder.\n\n"
            "  -or-\n\n- Restart the computer.\n\nThis is rarely needed.\n"
        )
    )
    found = outcomes(tree)
    assert [step_texts(o) for o in found] == [
        ["Log off and log back on."],
        ["Restart the computer."],
    ]
    # the article's own check is the verify of its alternative, not part of the step
    assert [v["text"] for v in found[0]["verify"]] == [
        "You should then be able to delete the folder."
    ]
    question = node(tree, "mitigation")
    assert [c["next"] for c in question["choices"]] == [o["id"] for o in found]
    # no "When to choose: (2) needs a restart." beside "Restart the computer." (round 36)
    assert "needs a restart" not in question.get("help", "")


def test_numbered_alternatives_give_one_mitigation_each() -> None:
    """A numbered list after "one of the following methods" is a choice, not a procedure."""
    tree = draft_tree(
        article(
            "## Resolution\n\nUse one of the following methods:\n\n"
            "1. Reinstall the driver.\n\n2. Replace the cable.\n\n3. Move the printer.\n"
        )
    )
    assert [step_texts(o) for o in outcomes(tree)] == [
        ["Reinstall the driver."],
        ["Replace the cable."],
        ["Move the printer."],
    ]


def test_method_headings_give_one_mitigation_each() -> None:
    """`Method 1` / `Method 2` blocks are alternatives, each with its numbered steps."""
    tree = draft_tree(
        article(
            "## Resolution\n\nMethod 1: Use the hotfix installer\n\n1. Run Setup.\n\n"
            "2. Restart.\n\nMethod 2: Manual installation\n\n1. Copy the file.\n"
        )
    )
    found = outcomes(tree)
    assert [o["title"] for o in found] == [
        "Method 1: Use the hotfix installer",
        "Method 2: Manual installation",
    ]
    assert step_texts(found[0]) == ["Run Setup.", "Restart."]


def test_alternative_lead_in_is_the_outcome_text_without_its_bullet() -> None:
    """A bulleted alternative's own lead-in ("- Before you run Setup:") reads as plain text."""
    tree = draft_tree(
        article(
            "## Resolution\n\n- Before you run Setup:\n  1. Open the registry.\n\n"
            "  2. Set MediaType to 0.\n\n  -or-\n\n- Reinstall the adapter.\n"
        )
    )
    first = outcomes(tree)[0]
    assert first["text"] == "Before you run Setup:"
    assert step_texts(first) == ["Open the registry.", "Set MediaType to 0."]


def test_resolution_and_workaround_are_separate_options() -> None:
    """RESOLUTION and WORKAROUND each give an option of their own, labelled as such."""
    tree = draft_tree(
        article(
            "## Symptoms\n\nIt fails.\n\n## Resolution\n\nInstall the update.\n\n"
            "## Workaround\n\nRun the job by hand.\n"
        )
    )
    assert [(o["title"], o["source"]["section"]) for o in outcomes(tree)] == [
        ("Resolution: Install the update", "Resolution"),
        ("Workaround: Run the job by hand", "Workaround"),
    ]


def test_status_fixed_in_a_version_is_the_upgrade_option() -> None:
    """STATUS "This problem was corrected in ..." becomes the option `upgrade`."""
    tree = draft_tree(
        article(
            "## Symptoms\n\nIt fails.\n\n## Status\n\nMicrosoft has confirmed this to be a "
            "problem in version 4.0. This problem was corrected in Windows NT 4.0 Service "
            "Pack 4.\n"
        )
    )
    (upgrade,) = outcomes(tree)
    assert upgrade["id"] == "upgrade"
    assert step_texts(upgrade) == ["Install Windows NT 4.0 Service Pack 4."]
    assert upgrade["title"] == "Upgrade: Windows NT 4.0 Service Pack 4"


def test_status_by_design_is_no_option() -> None:
    """A STATUS that fixes nothing ("by design") adds no mitigation: the one outcome says
    the behavior is by design (round 22: no longer "Read the article and follow it")."""
    tree = draft_tree(
        article("## Symptoms\n\nIt fails.\n\n## Status\n\nThis behavior is by design.\n")
    )
    (only,) = outcomes(tree)
    assert only["title"] == "By design: nothing to fix"
    assert "follow it" not in " ".join(s["text"] for s in only["steps"])


def test_no_fix_but_a_cause_gives_remove_the_cause_options() -> None:
    """With no fix in the article, each cause CAUSE lists becomes a check-and-remove option."""
    tree = draft_tree(
        article(
            "## Symptoms\n\nIt fails.\n\n## Cause\n\nThis occurs in any of the following "
            "situations:\n\n- TEMPDB is full.\n\n  -or-\n\n- The log is full.\n"
        )
    )
    found = outcomes(tree)
    assert [o["id"] for o in found] == ["cause_1", "cause_2"]
    assert step_texts(found[1]) == [
        "Check whether this applies here and remove it: The log is full."
    ]


def test_article_without_a_fix_or_cause_gets_a_read_the_article_outcome() -> None:
    """Nothing to pick out: one outcome pointing to the article, still lint clean."""
    art = article("## More information\n\nA note about the product history.\n")
    tree = draft_tree(art)
    assert [o["id"] for o in outcomes(tree)] == [FALLBACK_ID]
    assert lint_clean(art, tree) == []


def test_article_without_text_is_refused() -> None:
    """An article with no section to cite raises DraftError (exit 4 on the CLI)."""
    with pytest.raises(DraftError, match="no text"):
        draft_tree(article("", title="Empty"))


# --------------------------------------------------------------------------- procedures


def test_numbered_procedure_becomes_items_in_order() -> None:
    """1. 2. 3. steps are checklist items in order; the lead-in is the outcome's text."""
    tree = draft_tree(
        article(
            "## Resolution\n\nTo resolve this issue, change the init string. Use the "
            "following steps:\n\n1. Click Start.\n\n2. Double-click Modems.\n\n"
            "3. In the Extra settings field, type the following:\n\n     AT%A2=95\n\n"
            "4. Click OK.\n\nThe modem is made by a vendor independent of Microsoft; we "
            "make no warranty regarding it.\n"
        )
    )
    (outcome,) = outcomes(tree)
    assert step_texts(outcome) == [
        "Click Start.",
        "Double-click Modems.",
        "In the Extra settings field, type the following:",
        "Click OK.",
    ]
    assert outcome["steps"][2]["detail"] == "AT%A2=95"  # the command, verbatim, under its step
    assert outcome["text"].startswith("To resolve this issue, change the init string.")


# --------------------------------------------------------------------------- parameters


def test_literal_parameters_become_typed_inputs_with_defaults() -> None:
    """Times, drives, paths and counts are asked, defaulting to the literal; a system
    file name (WIN.INI) is what it is, never an input."""
    art = article(
        "## Resolution\n\n1. At 1:00 AM, copy WIN.INI to drive D.\n\n"
        "2. Keep 3 backups in C:\\BACKUP\\INI.\n\n3. At 1:00 AM again, check WIN.INI.\n"
    )
    tree = draft_tree(art)
    inputs = {n["var"]: n for n in tree["nodes"] if n["kind"] == "input"}
    assert {v: (n["type"], n["default"]) for v, n in inputs.items()} == {
        "time_1": ("time", "1:00 AM"),
        "drive_1": ("text", "D"),
        "count_1": ("number", 3),
        "path_1": ("text", "C:\\BACKUP\\INI"),
    }
    assert inputs["count_1"]["integer"] is True
    assert step_texts(outcomes(tree)[0]) == [
        "At {time_1}, copy WIN.INI to drive {drive_1}.",
        "Keep {count_1} backups in {path_1}.",
        "At {time_1} again, check WIN.INI.",
    ]
    walk = walk_with_answers(
        draft_tree_model(art),
        {
            "time_1": "2:30 am",
            "drive_1": "E",
            "count_1": "5",
            "path_1": "E:\\KEEP",
        },
    )
    assert [i.text for i in build_checklist(walk).items][:2] == [
        "At 02:30, copy WIN.INI to drive E.",
        "Keep 5 backups in E:\\KEEP.",
    ]


def test_numbers_that_are_not_counts_stay_literal() -> None:
    """Versions and other numbers are text, not inputs."""
    tree = draft_tree(article("## Resolution\n\nInstall version 3.1 on 2 computers.\n"))
    assert [n for n in tree["nodes"] if n["kind"] == "input"] == []


# --------------------------------------------------------------------------- the file


def test_every_node_and_item_cites_the_article_and_a_real_section() -> None:
    """Each node and checklist item has a source naming the article and one of its sections."""
    art = load_article(SEED)
    tree = draft_tree(art)
    names = {s.name for s in art.sections}
    for n in tree["nodes"]:
        if n["kind"] != "question" or "source" in n:
            assert n["source"]["article"] == "Q98097" and n["source"]["section"] in names
        for part in ("steps", "verify"):
            for item in n.get(part, []):
                assert item["source"]["article"] == "Q98097"
                assert item["source"]["section"] in names
    assert lint_clean(art, tree) == []


def test_the_file_says_it_is_a_draft() -> None:
    """The YAML has a comment header and `draft: true`; the loaded Tree has draft set."""
    art = load_article(SEED)
    text, tree = draft_text(art)
    assert text.startswith("# DRAFT decision tree for Q98097")
    assert "\ndraft: true\n" in text
    assert tree.draft is True
    assert find_tree(HAND_TREE, REPO / "decision_trees").draft is False


def test_yaml_survives_the_traps_lint_refuses() -> None:
    """yes, 12:30, ' #1', ': ' and braces in the article come back exactly as written."""
    tricky = "yes"
    art = article(
        "## Resolution\n\n1. yes\n\n2. 12:30\n\n3. Rename it Backup #1: then {reboot}.\n\n4. 0755\n"
    )
    tree = draft_tree(art)
    text = draft_yaml(tree, art)
    loaded = read_tree_bytes(text.encode(), Path(f"{tree['id']}.yaml"))
    assert lint_clean(art, tree) == []
    assert loaded.tree is not None
    (outcome,) = [n for n in loaded.tree.nodes.values() if isinstance(n, Outcome)]
    rendered = [item.template.render({}) for item in outcome.steps]
    assert rendered == [tricky, "12:30", "Rename it Backup #1: then {reboot}.", "0755"]
    # Safe loader, every string a string:
    plain = yaml.safe_load(text)
    assert plain["nodes"][0]["steps"][1]["text"] == "12:30"


def test_draft_tree_model_is_what_draft_yaml_writes() -> None:
    """The walked model is the emitted YAML read back: same ids, kinds and defaults."""
    art = load_article(SEED)
    tree = draft_tree(art)
    model = draft_tree_model(art)
    assert list(model.nodes) == [n["id"] for n in tree["nodes"]]
    assert isinstance(model.nodes["mitigation"], Question)
    assert isinstance(model.nodes["more_information_1-time_1"], Input)
    assert model.nodes["more_information_1-time_1"].default == "00:00"  # type: ignore[attr-defined]


def test_tree_id_follows_the_file_name() -> None:
    """A given id is used (a tree file is named after its id); else QID-draft."""
    art = load_article(SEED)
    assert draft_tree(art)["id"] == "q98097-draft"
    assert draft_tree(art, "my-tree")["id"] == "my-tree"


def test_loader_reads_draft_flag_and_refuses_a_non_boolean() -> None:
    """`draft: true` is accepted; `draft: "yes"` is a problem naming the line."""
    art = load_article(SEED)
    text = draft_yaml(draft_tree(art), art)
    bad = text.replace("\ndraft: true\n", '\ndraft: "yes"\n')
    result = read_tree_bytes(bad.encode(), Path("q98097-draft.yaml"))
    assert [p.message for p in result.problems] == ["draft must be true or false"]
    assert result.problems[0].line == text.splitlines().index("draft: true") + 1


# --------------------------------------------------------------------------- the tree to walk


def test_an_article_walks_its_hand_written_tree_else_its_draft(tmp_path: Path) -> None:
    """An article with a tree gets it (not drafted); one without gets its draft (drafted)."""
    from kbassist.assistant import Assistant

    helper = Assistant(trees_dir=REPO / "decision_trees", index_dir=tmp_path / "ix")
    tree, drafted = helper.guided_tree(load_article(SEED))
    assert (tree.id, drafted) == (HAND_TREE, False)
    other, drafted = helper.guided_tree(article(FULL))
    assert (other.id, drafted) == ("kb-t-1-draft", True)


# --------------------------------------------------------------------------- the archive


@pytest.mark.archive
@pytest.mark.slow
def test_every_200th_archive_article_drafts_and_lints_clean(archive_dir: Path) -> None:
    """A sample of the real archive: every article drafts, and every draft lints clean."""
    files = list(iter_article_files(archive_dir))[::200]
    assert len(files) > 250
    failures = []
    for path in files:
        art = load_article(path)
        if not any(s.text.strip() for s in art.sections):
            continue  # the parser found no text (a handful of the oldest articles)
        try:
            draft_text(art)
        except DraftError as exc:
            failures.append(f"{path}: {exc}")
    assert failures == []
