"""Drafted walks where the article offers alternatives (one procedure per browser or
version): each alternative is chosen by a question and runs only its own steps, and the
bench's branching measures (drafts that branch, questions whose answers all meet again,
alternatives ticked as steps) see the difference."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from kbassist.articles import Article
from kbassist.drafting.tree import draft_tree, draft_tree_model, draft_yaml
from kbassist.trees.checklist import build_checklist
from kbassist.trees.engine import walk_with_answers
from kbassist.trees.loader import read_tree_bytes

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from draft_metrics import (
    alternative_steps,
    enumerate_walks,
    load_draft,
    meeting_questions,
)
from drafting_support import archive, runbook, support

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999701", product="Microsoft Exchange")


SYMPTOMS = "SYMPTOMS\n========\n\nWhen you view a message in the browser, its text is garbled.\n\n"

BROWSERS = (
    SYMPTOMS + "RESOLUTION\n==========\n\n"
    "You must change the browser's code page to view the message correctly. Follow\n"
    "these steps for Microsoft Internet Explorer 3.0:\n\n"
    "1. Click the Code Page menu in the status bar.\n\n"
    "2. Select the correct code page.\n\n"
    "For Netscape Navigator 3.0, follow these steps:\n\n"
    "1. On the Options menu, click Document.\n\n"
    "2. Select the correct code page.\n"
)

VERSIONS = (
    SYMPTOMS + "WORKAROUND\n==========\n\n"
    "To remove the network client under Windows for Workgroups version 3.1, do the\n"
    "following:\n\n"
    "1. Start Windows for Workgroups in standard mode.\n\n"
    "2. Run Control Panel and remove the client.\n\n"
    "To remove the network client under Windows for Workgroups version 3.11:\n\n"
    "1. Run Network Setup from the Network group.\n\n"
    "2. Choose No Additional Network.\n"
)

PARTS = (
    SYMPTOMS + "RESOLUTION\n==========\n\n"
    "Use these steps for the Windows 95 keyboard:\n\n"
    "1. Open Keyboard in Control Panel.\n\n"
    "2. Add the Czech input locale.\n\n"
    "Use these steps for Windows 95 Regional Settings:\n\n"
    "1. Open Regional Settings in Control Panel.\n\n"
    "2. Select Czech.\n"
)


def _question(tree: dict, node_id: str) -> dict:
    return next(n for n in tree["nodes"] if n["id"] == node_id)


def _steps(art: Article, answers: dict[str, str]) -> list[str]:
    walk = walk_with_answers(draft_tree_model(art), answers)
    return [item.text for item in build_checklist(walk).part("steps")]


def test_per_browser_procedures_are_asked_not_run_one_after_the_other() -> None:
    """'Follow these steps for IE 3.0:' / 'For Netscape 3.0, ...': the browser is asked."""
    tree = draft_tree(mskb(BROWSERS))
    question = _question(tree, "mitigation")
    assert question["title"] == "Which of these do you run?"
    labels = [c["label"] for c in question["choices"]]
    assert labels == [
        "Microsoft Internet Explorer 3.0",
        "Netscape Navigator 3.0",
        "Another version",  # round 29
    ]
    netscape = _steps(mskb(BROWSERS), {"symptom": "yes", "mitigation": "resolution_2"})
    assert netscape == ["On the Options menu, click Document.", "Select the correct code page."]


def test_per_version_goal_lead_ins_are_told_apart_by_the_version() -> None:
    """Two 'To remove it under WfW 3.1/3.11:' procedures are one choice each; parts are not."""
    tree = draft_tree(mskb(VERSIONS))
    labels = [c["label"] for c in _question(tree, "mitigation")["choices"]]
    assert labels == [
        "Windows for Workgroups version 3.1",
        "Windows for Workgroups version 3.11",
        "Another version",  # round 29: a version the article does not cover
    ]
    later = _steps(mskb(VERSIONS), {"symptom": "yes", "mitigation": "workaround_2"})
    assert later == ["Run Network Setup from the Network group.", "Choose No Additional Network."]
    # "steps for the keyboard" then "... for Regional Settings": parts of one job, both done
    assert "mitigation" not in {n["id"] for n in draft_tree(mskb(PARTS))["nodes"]}


def test_bench_sees_an_alternative_ticked_as_a_step(tmp_path: Path) -> None:
    """The bench counts 'For X, follow these steps:' ticked inside another's checklist."""
    art = mskb(BROWSERS.replace("Follow\nthese steps for Microsoft Internet Explorer 3.0:", "Do:"))
    tree, lint, _ = load_draft(art)
    assert tree is not None and not lint
    found = alternative_steps(enumerate_walks(tree).checklists)
    assert found == ["For Netscape Navigator 3.0, follow these steps:"]


def test_bench_counts_a_question_whose_answers_all_meet_again(tmp_path: Path) -> None:
    """A question whose every answer reaches the same checklist is counted as not branching."""
    art = mskb(BROWSERS)
    tree = draft_tree(art)
    for choice in _question(tree, "mitigation")["choices"]:
        choice["next"] = "resolution_1"
    result = read_tree_bytes(draft_yaml(tree, art).encode(), Path("q999701-draft.yaml"))
    assert result.tree is not None
    assert meeting_questions(result.tree, enumerate_walks(result.tree)) == (1, ["mitigation"])
    branching, _, _ = load_draft(art)
    assert branching is not None
    assert meeting_questions(branching, enumerate_walks(branching)) == (1, [])


def test_in_product_lead_ins_with_a_goal_are_asked() -> None:
    """'In Outlook 97, follow these steps to X:' / 'In Outlook 98, ...' are one choice each."""
    body = (
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "In Microsoft Outlook 97, follow these steps to turn off WordMail:\n\n"
        "1. On the Tools menu, click Options.\n\n"
        "2. Click to clear the WordMail check box.\n\n"
        "In Microsoft Outlook 98, follow these steps to turn off WordMail:\n\n"
        "1. On the Tools menu, click Options, and then click Mail Format.\n\n"
        "2. Click to clear the Use Microsoft Word to edit e-mail messages check box.\n"
    )
    labels = [c["label"] for c in _question(draft_tree(mskb(body)), "mitigation")["choices"]]
    assert labels == ["Microsoft Outlook 97", "Microsoft Outlook 98", "Another version"]
    on = (
        SYMPTOMS + "MORE INFORMATION\n================\n\n"
        "To install WAN Services for Eicon on Windows NT Server 3.51:\n\n"
        "1. Run Setup from the Eicon disk.\n\n"
        "2. Restart the computer.\n\n"
        "To install WAN Services for Eicon on Windows NT 4.0:\n\n"
        "1. Open Network in Control Panel.\n\n"
        "2. Add the Eicon adapter.\n"
    )
    labels = [c["label"] for c in _question(draft_tree(mskb(on)), "mitigation")["choices"]]
    assert labels == ["Windows NT Server 3.51", "Windows NT 4.0", "Another version"]


STORE_TYPES = """
## Meaning

The alert fires when the store is 95% full.

## Diagnosis

Depending on the type of the store, the diagnosis may vary.
- If the store is based on a public cloud provider, the free space is always
considered unlimited. In that case the alert is not relevant.
- If the store is based on a bucket service, check the usage of the bucket.
- If the store is a volume pool, check the usage of the pool volumes.

## Mitigation

- For public cloud providers, there is nothing to do.
- For bucket services, increase the capacity of the bucket.
- For volume pools, add volumes to the pool.
"""

LOG_CASES = """
## Meaning

The collector cannot send its metrics.

## Diagnosis

1. Check the logs of the collector pod:

   ```console
   oc logs deployment/collector -n monitoring
   ```

2. If the log shows err="... EOF", check that the API pods are running.
3. If the log shows err="... 403 Forbidden", check the client certificate.

## Mitigation

Restart the collector pod.
"""


def _outcome_steps(art: Article, answers: dict[str, str]) -> list[str]:
    walk = walk_with_answers(draft_tree_model(art), answers)
    return [item.text for item in build_checklist(walk).part("steps")]


def test_diagnosis_cases_follow_the_answer_that_picks_their_fix() -> None:
    """'If the store is X, check ...' Diagnosis lines run only for the store type chosen."""
    art = runbook(STORE_TYPES)
    tree = draft_tree(art)
    asks = [n for n in tree["nodes"] if n["kind"] == "question" and n["id"] != "symptom"]
    assert len(asks) == 1  # one question selects the Diagnosis case and its fix
    var = asks[0].get("var") or asks[0]["id"]
    bucket = next(c["value"] for c in asks[0]["choices"] if "ucket" in c["label"])
    got = _outcome_steps(art, {"symptom": "yes", var: bucket})
    assert not any("public cloud" in s or "volume" in s.casefold() for s in got)
    assert any("check the usage of the bucket" in s for s in got)
    assert any("increase the capacity of the bucket" in s for s in got)


def test_sibling_log_cases_are_asked_not_all_ticked() -> None:
    """'If the log shows EOF, ...' / 'If the log shows 403, ...' are one question."""
    art = runbook(LOG_CASES)
    tree = draft_tree(art)
    ask = next(n for n in tree["nodes"] if n.get("title") == "Which of these did you find?")
    labels = [c["label"] for c in ask["choices"]]
    assert labels == [
        'The log shows err="EOF"',
        'The log shows err="403 Forbidden"',
        "Not sure: show the steps for each",
    ]
    answers = {"symptom": "yes", ask["var"]: "case_2"}
    got = _outcome_steps(art, answers)
    assert not any("API pods" in s for s in got)
    assert any("client certificate" in s for s in got)


def test_causes_whose_answers_all_reach_the_same_fixes_are_shown_not_asked() -> None:
    """'Which cause applies?' leading every answer to the same fix question is not asked."""
    art = support(
        "## Symptoms\n\nReports fail with an access denied error.\n\n"
        "## Cause\n\nThis issue occurs for one of the following reasons:\n\n"
        "- The service account cannot read the user's group memberships.\n"
        "- The domain is not in pre-Windows 2000 compatibility access mode.\n\n"
        "## Resolution\n\n"
        "### Method 1: Add the account to the compatibility group\n\n"
        "1. Open Active Directory Users and Computers.\n"
        "2. Add the service account to the Pre-Windows 2000 Compatible Access group.\n\n"
        "### Method 2: Run the service as a domain account\n\n"
        "1. Open Reporting Services Configuration Manager.\n"
        "2. Set the service account to a domain account.\n"
    )
    tree = draft_tree(art)
    cause = next(n for n in tree["nodes"] if n["id"] == "cause")
    assert cause["kind"] == "info"
    assert "group memberships" in cause["text"]
    assert next(n for n in tree["nodes"] if n["id"] == "mitigation")["kind"] == "question"


def test_the_articles_disable_procedure_is_the_rollback_not_steps() -> None:
    """'Disable the fix' after 'Enable the fix' is the rollback; the walk keeps its fix."""
    art = support(
        "## Symptoms\n\nThe server stops with error 7E in Nfssvr.sys.\n\n"
        "## Resolution\n\n### Enable the fix\n\n"
        "1. Open an administrative Command Prompt window.\n"
        "2. Run the following command:\n\n"
        "   ```console\n   reg add HKLM\\SOFTWARE\\Contoso /v Fix /t REG_DWORD /d 1 /f\n   ```\n\n"
        "### Disable the fix\n\n"
        "In either version, disable the fix by using either of the following methods:\n\n"
        "- Change the value to 0.\n"
        "- Delete the registry entry.\n"
    )
    checklist = build_checklist(walk_with_answers(draft_tree_model(art), {"symptom": "yes"}))
    done = [item.text for item in checklist.part("steps")]
    back = [item.text for item in checklist.part("rollback")]
    assert not [t for t in done if "value to 0" in t or "Delete the registry" in t]
    assert any("value to 0" in t for t in back)
    assert any("Delete the registry entry" in t for t in back)


def test_conditions_of_a_fix_are_asked_not_ticked() -> None:
    """'Safely ignore it when the following conditions are true:' asks them; yes keeps the fix."""
    art = support(
        "## Symptoms\n\nAfter you install an update, error code 1642 is logged.\n\n"
        "## Resolution\n\n"
        "You can safely ignore this message when the following conditions are true:\n\n"
        "- Setup of the update completed successfully.\n"
        "- No error messages are recorded in the Summary.txt file.\n"
    )
    tree = draft_tree(art)
    ask = next(n for n in tree["nodes"] if n["id"].endswith("-case"))
    assert ask["title"] == "Are all of these true here?"
    assert "Summary.txt" in ask["text"]
    assert [c["next"] for c in ask["choices"]][1] == "not_this_article"
    walk = walk_with_answers(draft_tree_model(art), {"symptom": "yes", ask["var"]: "yes"})
    done = [item.text for item in build_checklist(walk).part("steps")]
    assert done == ["Safely ignore this message."]


PER_OS_METHOD = (
    SYMPTOMS + "RESOLUTION\n==========\n\n"
    "Use one or more of the following methods to work around the issue.\n\n"
    "Method 1: Reduce CD-ROM Caching\n-------------------------------\n\n"
    "1. Click Start, point to Settings, and then click Control Panel.\n\n"
    "2. On the Performance tab, click File System.\n\n"
    "Method 2: Reduce Graphics Acceleration\n--------------------------------------\n\n"
    "Follow these steps to reduce graphics acceleration.\n\n"
    "Microsoft Windows 98 and Microsoft Windows Millennium Edition:\n\n"
    "1. Double-click System.\n\n"
    "2. On the Performance tab, click Graphics.\n\n"
    "Microsoft Windows 2000:\n\n"
    "1. Double-click Display.\n\n"
    "2. On the Troubleshooting tab, move the Hardware acceleration slider.\n\n"
    "If this does not resolve the issue, contact your video card manufacturer.\n"
)


def test_a_method_written_once_per_windows_version_is_one_choice_each() -> None:
    """ "Microsoft Windows 2000:" over its own steps inside Method 2: its own answer."""
    art = mskb(PER_OS_METHOD, id_="Q999710")
    tree = draft_tree_model(art)
    first = tree.nodes["mitigation"]  # round 29: the OS first, then its methods
    assert [c.label for c in first.choices][:2] == [
        "Windows 98 and Microsoft Windows Millennium Edition",
        "Windows 2000",
    ]
    question = tree.nodes["mitigation_2"]
    labels = [c.label or "" for c in question.choices]
    assert labels == [
        "Method 1: Reduce CD-ROM Caching",
        "Method 2: Reduce Graphics Acceleration (Microsoft Windows 2000)",
    ]
    value = question.choices[1].value
    answers = {"symptom": "yes", first.var: first.choices[1].value, question.var: value}
    walked = walk_with_answers(tree, answers)
    texts = [item.text for item in build_checklist(walked).part("steps")]
    assert any("Display" in t for t in texts) and not any("click Graphics" in t for t in texts)
    assert not any(t.startswith("Microsoft Windows") for t in texts)
    assert any("video card manufacturer" in t for t in texts)
