"""A verify that pastes the symptom back, or checks the wrong thing, says instead what to
do again and what to see (round 15, verify15): the action an error message came from
redone and working, never a lead-in that ends on "the following."."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, fixes, runbook, support, verify_lines

from kbassist.drafting.tree import draft_text, draft_tree
from kbassist.drafting.verify_trigger import second_run_verify, trigger_check

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999915")


verify_texts = verify_lines


def test_message_whose_action_is_said_in_a_sentence_of_its_own_redoes_it() -> None:
    """'You may receive the error message: M' then 'The error occurs when trying to do a
    NET USE': the check does a NET USE again and expects it to work without M."""
    article = mskb(
        "SYMPTOMS\n========\n\nAt times you may receive the error message:\n\n"
        "  Network Error Reading Drive Q: Abort, Retry, Fail ?\n\n"
        "The error occurs when trying to do a NET USE, and will occur from the\n"
        "MS-DOS command prompt.\n\n"
        "RESOLUTION\n==========\n\nAdd a user pack so that the server allows the number of\n"
        "sessions you are trying to support.\n"
    )
    (only,) = fixes(draft_tree(article))
    (check,) = verify_texts(only)
    assert check.startswith("Do a NET USE again: check that this now works")
    assert '"Network Error Reading Drive Q: Abort, Retry, Fail ?" no longer appears' in check
    assert "no longer occurs:" not in check and "At times" not in check
    draft_text(article)  # lint-clean


def test_lead_in_ending_on_the_following_is_never_the_check() -> None:
    """'... you may receive an error message that resembles either of the following.' is
    no check: the action is redone and the message the admin chose is quoted."""
    article = support(
        "## Symptoms\n\nWhen you try to change the Hosts file on the server, you may receive "
        "an error message that resembles either of the following.\n\n"
        "- Error message 1\n\n  > Access to the hosts file was denied\n\n"
        "- Error message 2\n\n  > Cannot create the hosts file.\n\n"
        "## Workaround\n\n1. Start Notepad as an administrator.\n2. Open the Hosts file and "
        "save your change.\n"
    )
    (only,) = fixes(draft_tree(article))
    checks = verify_texts(only)
    assert not any(c.rstrip(".").endswith("following") for c in checks)
    assert checks == [
        'Change the Hosts file on the server again: check that the message "Access to the '
        'hosts file was denied" no longer appears.',
        'Change the Hosts file on the server again: check that the message "Cannot create the '
        'hosts file" no longer appears.',
    ]  # one for each message the walk offers, shown on its own walk
    draft_text(article)


def test_redo_with_messages_like_a_list_checks_no_error_appears() -> None:
    """'Open EXE files again, and check that this no longer happens: you may get error
    messages like: ...' says what to see once the files open: no error message."""
    article = support(
        "## Symptoms\n\nWhen you open EXE files, you may get error messages like: Access Deny, "
        "Runtime error and so on.\n\n## Resolution\n\nReset the file association for EXE "
        "files in the registry.\n"
    )
    (only,) = fixes(draft_tree(article))
    checks = verify_texts(only)
    assert any(c.startswith("Open EXE files again: check that this now works") for c in checks)
    assert not any("no longer happens" in c for c in checks)


def test_only_an_error_message_is_checked_away() -> None:
    """A redo whose result is an error message says "with no error message"; a 403 error
    (a 404 may be the right answer) or a dialog box that opens keeps its own check."""
    redo = "Run Setup again, and check that this no longer happens: "
    assert trigger_check(redo + "you receive an error message similar to the following.", "") == (
        "Run Setup again: check that this now works, with no error message."
    )
    assert not trigger_check(redo + "you receive a 403 error (access denied error).", "")
    assert not trigger_check(redo + "a dialog box opens with all the accounts.", "")
    assert not trigger_check(redo + "the user sees a message in the Inbox.", "")


def repro(fix: str, kind: str = "RESOLUTION") -> list[str]:
    """The verify of a code article whose fix is `fix` and whose MORE INFORMATION runs
    steps to reproduce with code."""
    article = mskb(
        "SYMPTOMS\n========\n\nThe form is not released when you click its button.\n\n"
        f"{kind}\n{'=' * len(kind)}\n\n{fix}\n\n"
        "MORE INFORMATION\n================\n\n"
        "Steps to Reproduce Behavior\n---------------------------\n\n"
        "1. Add a command button with the following code in its Click event:\n\n"
        "     WITH ThisForm\n       .Show(1)\n     ENDWITH\n\n"
        "2. Click the command button. Notice that the form does not release.\n"
    )
    (only,) = fixes(draft_tree(article))
    return verify_texts(only)


def test_repro_is_run_with_the_code_the_fix_changes() -> None:
    """'Issue the Show method outside of the WITH block': the steps' code is run changed,
    never repeated as written and expected to work; under an upgrade (the product changes,
    not the code) they are repeated as written."""
    (check,) = repro("Issue the Show method of the form outside of the WITH block.")
    assert check.startswith(
        'Repeat the article\'s steps to reproduce the problem ("Steps to Reproduce Behavior" in'
        " MORE INFORMATION) with the change above made to them (not as written), and check"
    )
    upgrade = repro("Upgrade to Visual FoxPro 6.0, which fixes the WITH block.")
    assert not any("made to them" in c for c in upgrade)


SUBNETS = """
## Meaning

The alert is triggered when more than 80% of subnets for nodes are allocated.

## Diagnosis

Check the network configuration on the cluster.

    oc get network.config/cluster -o jsonpath='{.spec.clusterNetwork}'

    [{"cidr":"10.128.0.0/14","hostPrefix":23}]

Calculate the subnet capability.

    subnet_capability = 2^[(32 - clusternetwork_netmask) - (32 - hostPrefix)]

Count the nodes to compare.

    oc get node --no-headers | wc -l

## Mitigation

Create a new cluster with a larger cluster network for more worker nodes.
"""


def test_runbook_verify_reruns_commands_not_formulas_or_sample_output() -> None:
    """The Diagnosis checks re-run as the verify are its commands alone: not a formula to
    work out ("x = 2^[...]"), nor the sample output the runbook showed once."""
    tree = draft_tree(runbook(SUBNETS, id_="SubnetsExhausted"))
    (only,) = fixes(tree)
    reruns = [v for v in only["verify"] if str(v["text"]).startswith("Run this Diagnosis check")]
    details = [str(v.get("detail", "")) for v in reruns]
    assert len(reruns) == 2 and not any("subnet_capability" in d for d in details)
    assert "oc get network.config/cluster" in details[0] and "cidr" not in details[0]
    assert "oc get node --no-headers | wc -l" in details[1]
    draft_text(runbook(SUBNETS, id_="SubnetsExhausted"))  # lint-clean


def test_support_article_own_check_query_is_run_again_as_the_verify() -> None:
    """'To check the rowcount value ..., run the following query:' in More information is
    the article's own check: every fix's verify runs it again, before the message check."""
    article = support(
        "## Symptoms\n\nYou receive Error 1205 when you configure replication.\n\n"
        "## Resolution\n\nRun the following command:\n\n```sql\nDBCC UPDATEUSAGE "
        "(subdb, 'MSsubs') WITH COUNT_ROWS\n```\n\n## More information\n\nTo check the rowcount "
        "value for the MSsubs table, run the following query:\n\n```sql\n"
        "SELECT rows FROM sys.partitions WHERE object_id = object_id('MSsubs')\n```\n"
    )
    (only,) = fixes(draft_tree(article))
    first = only["verify"][0]
    assert str(first["text"]).startswith(
        "Run the article's own query again to check the rowcount value for the MSsubs table"
    )
    assert "FROM sys.partitions" in str(first["detail"])
    assert first["source"]["section"] == "More information"
    draft_text(article)  # lint-clean


def test_a_first_time_is_not_redone_and_a_second_run_is_what_is_checked() -> None:
    """'Run X for the first time again' cannot be done; under a workaround that runs X again,
    the check watches that second run, not the first one the workaround leaves as it was."""
    article = mskb(
        "SYMPTOMS\n========\n\nWhen you run SETUP.BAT for the first time on a Vectra computer,\n"
        "the inventory agent stops responding (hangs) during video detection.\n\n"
        "WORKAROUND\n==========\n\nRun the SETUP.BAT file again. The second time, video\n"
        "detection is skipped.\n"
    )
    checks = [c for o in fixes(draft_tree(article)) for c in verify_texts(o)]
    assert checks == [
        "Run SETUP.BAT on a Vectra computer again: check that the inventory agent no longer "
        "stops responding (hangs) during video detection."
    ]
    when = [{"text": "When you run SETUP.BAT for the first time, check that it finishes."}]
    second_run_verify(when, ["Workaround: Run the SETUP.BAT file again"])
    assert when[0]["text"] == "When you run SETUP.BAT again, check that it finishes."
    upgrade = [{"text": "When you run SETUP.BAT for the first time, check that it finishes."}]
    second_run_verify(upgrade, ["Upgrade: Inventory 1.2"])  # a first run on a new computer
    assert "for the first time" in upgrade[0]["text"]
