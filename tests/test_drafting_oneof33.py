"""Round 32 (oneof33): "do one of the following" over a list whose first item the flattened
text indents deeper is still a choice; a WORKAROUND sub-heading's "There is no workaround"
beside a real fix, a runbook retired as a duplicate page, and a user's backup "prior to
restoring" are no options of their own."""

from __future__ import annotations

import re
import sys
import time
from functools import partial
from pathlib import Path

from cpu_budget import budget
from drafting_support import archive, fixes, questions, runbook, ticks

from kbassist.drafting.precautions import _FOR_HEAD_RE, _PRECAUTION_RE
from kbassist.drafting.runbook_deprecated import _ALERT_RETIRED_RE, _RUNBOOK_DEPRECATED_RE
from kbassist.drafting.tree import draft_text, draft_tree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

mskb = partial(archive, id_="Q999933")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen a branch gateway connects to the central gateway, the\n"
    "connection stays Pending and event 705 is logged.\n\n"
)


def test_choose_one_list_with_a_deeper_first_item_offers_each_item_as_a_fix() -> None:
    """ "do one of the following:" then "   - Enable the guest account" / "- On the central
    gateway, create ..." / "- Set the service ...": three fixes to choose from, not one
    checklist that ticks all three (enabling Guest for nothing)."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\nTo resolve this issue, do one of the following:\n\n"
        "   - Enable the guest account on the central gateway.\n\n"
        "- On the central gateway, create an account with a matching user name and\n"
        "  password that the link service on the branch gateway runs under.\n\n"
        "- Set the link service to run under the system account on the branch gateway.\n"
    )
    tree = draft_tree(art)
    found = fixes(tree)
    assert len(found) == 3
    assert [len(ticks(f)) for f in found] == [1, 1, 1]
    assert ticks(found[0]) == ["Enable the guest account on the central gateway."]
    assert "system account" in ticks(found[2])[0]
    assert any(len(q["choices"]) == 3 for q in questions(tree))
    draft_text(art)


def test_error_messages_listed_the_same_way_outside_a_fix_are_no_fixes() -> None:
    """ "you may receive one of the following error messages:" / "   - Tape Error." /
    "- Bad Tape." in MORE INFORMATION: messages, never offered as fixes to choose."""
    art = mskb(
        SYMPTOMS + "MORE INFORMATION\n================\n\nDepending on the drive, you may "
        "receive one of the following\nerror messages:\n\n   - Tape Drive Error Detected.\n\n"
        "- Tape Drive Not Responding.\n\n- Bad Tape.\n"
    )
    tree = draft_tree(art)
    assert not any("Bad Tape" in f["title"] for f in fixes(tree))


def test_two_numbered_procedures_joined_by_or_are_two_whole_fixes() -> None:
    """ "use one of the following two procedures:" then "1. ... 3. ..." / "-or-" / "1. ...
    3. ...": each fix has its whole procedure, not only the step next to the "-or-"."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\nTo correct this, use one of the following two "
        "procedures:\n\n1. Run Volume Control.\n\n2. From the Options menu, choose Settings.\n\n"
        "3. Clear the Show Window box.\n\n-or-\n\n1. Run Control Panel.\n\n"
        "2. Choose the Sound icon.\n\n3. In the Files box, select None.\n\n"
        "These procedures both prevent the loop.\n"
    )
    one, two = fixes(draft_tree(art))
    assert ticks(one) == [
        "Run Volume Control.",
        "From the Options menu, choose Settings.",
        "Clear the Show Window box.",
    ]
    assert ticks(two) == [
        "Run Control Panel.",
        "Choose the Sound icon.",
        "In the Files box, select None.",
    ]
    draft_text(art)


def test_no_workaround_sub_heading_beside_a_service_pack_is_no_option() -> None:
    """A RESOLUTION that names a service pack and a WORKAROUND sub-heading that says
    "There is no workaround": one fix, no "no fix or workaround" option contradicting it."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe driver leaks memory when it binds numeric parameters.\n\n"
        "RESOLUTION\n==========\n\nTo resolve this problem, obtain the latest service pack\n"
        "for the data access components.\n\n"
        "WORKAROUND\n----------\n\nThere is no workaround for this problem.\n"
    )
    tree = draft_tree(art)
    found = fixes(tree)
    assert len(found) == 1
    assert "service pack" in ticks(found[0])[0]
    assert "no fix or workaround" not in draft_text(art)[0]


def test_no_workaround_alone_still_says_there_is_no_fix() -> None:
    """With no fix anywhere, "There is no workaround" still gives the one honest no-fix
    outcome (the user is told, nothing is ticked as a fix)."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe driver leaks memory when it binds numeric parameters.\n\n"
        "RESOLUTION\n==========\n\nThere is no workaround for this problem.\n"
    )
    text = draft_text(art)[0]
    assert "gives no fix or workaround" in text


RETIRED_PAGE = (
    "# GatewayOperatorDown [Deprecated]\n\nThis alert runbook has been deprecated; since it is\n"
    "a duplicate of the GatewayDown alert runbook.\n\n"
    "## Meaning\n\nThis alert fires when all the gateway operator pods are down.\n\n"
    "## Impact\n\nGateway routes are not reconciled.\n\n"
    "## Diagnosis\n\n1. Check the status of the gateway operator pods:\n\n"
    "   ```bash\n   $ oc get pods -l app=gateway-operator\n   ```\n\n"
    "## Mitigation\n\nTry to identify the root cause and resolve the issue.\n"
)


def test_runbook_retired_as_a_duplicate_page_offers_no_silence() -> None:
    """ "This alert runbook has been deprecated; ... a duplicate of the GatewayDown alert
    runbook": the pods are still down, so no "silence or ignore the alert" option; the
    sentence is shown with the fix."""
    art = runbook(RETIRED_PAGE, id_="GatewayOperatorDown")
    tree = draft_tree(art)
    text = draft_text(art)[0]
    assert "silence" not in text.casefold()
    assert any("duplicate of the GatewayDown" in f.get("text", "") for f in fixes(tree))


def test_deprecated_alert_still_offers_the_silence() -> None:
    """ "This alert is deprecated. You can safely ignore or silence it.": the silence the
    runbook offers stays an option."""
    art = runbook(
        "# NodeCacheStale [Deprecated]\n\nThis alert is deprecated. You can safely ignore or\n"
        "silence it.\n\n## Meaning\n\nThis alert fires when the node cache is stale.\n\n"
        "## Mitigation\n\nRestart the cache pods.\n",
        id_="NodeCacheStale",
    )
    assert "silence" in draft_text(art)[0].casefold()


def test_users_backup_prior_to_restoring_is_a_note_not_a_fix() -> None:
    """ "For Mail for Windows: Users should make a backup of their MMF file prior to
    restoring the files": shown with the restore it precedes, never a fix to choose."""
    art = mskb(
        "SYMPTOMS\n========\n\nAdding a user to the address list fails with Notice 58.\n\n"
        "RESOLUTION\n==========\n\nIf the access files are damaged, restore them from the\n"
        "most recent valid backup.\n\n"
        "For the MS-DOS mail client:\n\n"
        "  Users should make an archive of their mail folders prior to restoring the\n"
        "  files, so they can be unarchived when the mailbox is recreated.\n\n"
        "For the Windows mail client:\n\n"
        "  Users should make a backup of their message file prior to restoring the\n"
        "  files, so it can be imported again when the mailbox is recreated.\n"
    )
    tree = draft_tree(art)
    found = fixes(tree)
    assert len(found) == 1
    said = draft_text(art)[0]
    assert "archive of their mail folders" in said and "backup of their message file" in said
    assert not any("archive" in t or "backup of their" in t for t in ticks(found[0]))


_TICKED_TREE = """id: ticked
title: Ticked alternatives
version: 1
articles: [A1]
symptom: The link stays Pending.
cause: The account cannot be validated.
nodes:
- id: pick
  kind: question
  title: Which fix?
  choices:
  - {value: "lead", label: "Lead", next: lead}
  - {value: "step", label: "Step", next: step}
  - {value: "asked", label: "Asked", next: asked}
- id: lead
  kind: outcome
  title: Lead
  text: "To resolve this issue, do one of the following:"
  steps:
  - text: "Enable the guest account."
    source: {article: A1, section: Resolution}
  - text: "Create a matching account."
    source: {article: A1, section: Resolution}
  - text: "Restart the service."
    when: 'pick == "lead"'
    source: {article: A1, section: Resolution}
- id: step
  kind: outcome
  title: Step
  steps:
  - text: "Stop the service, and then do one of the following:"
    source: {article: A1, section: Resolution}
  - text: "Enable the guest account."
    source: {article: A1, section: Resolution}
  - text: "Create a matching account."
    source: {article: A1, section: Resolution}
- id: asked
  kind: outcome
  title: Asked
  text: "To resolve this issue, do one of the following:"
  steps:
  - text: "Enable the guest account."
    source: {article: A1, section: Resolution}
"""


def test_choose_one_ticked_metric_counts_a_lead_over_free_steps() -> None:
    """The bench row counts a "do one of the following:" lead, in the outcome's text or
    ticked as a step, over two or more steps no answer tells apart (also beside a step
    that is asked), and not a lead over one step."""
    import draft_metrics

    from kbassist.trees.loader import read_tree_bytes

    tree = read_tree_bytes(_TICKED_TREE.encode(), Path("ticked.yaml")).tree
    assert tree is not None
    assert draft_metrics.choose_one_ticked(tree) == [
        "To resolve this issue, do one of the following:",
        "Stop the service, and then do one of the following:",
    ]


def test_new_regexes_are_linear_on_hostile_text() -> None:
    """The round's regexes return at once on 20 KB of text built to make them backtrack."""
    hostile = [
        (_PRECAUTION_RE, "Make " + "a " * 10_000 + "x"),
        (_PRECAUTION_RE, "Back up " + "prior " * 3_000),
        (_FOR_HEAD_RE, "For " + "x" * 20_000),
        (_RUNBOOK_DEPRECATED_RE, "runbook " * 2_500),
        (_ALERT_RETIRED_RE, "this alert " * 2_000),
    ]
    for pattern, text in hostile:
        started = time.perf_counter()
        pattern.match(text)
        re.compile(pattern.pattern, pattern.flags).search(text)
        assert time.perf_counter() - started < budget(0.5)
