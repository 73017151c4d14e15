"""Smoke tests of the drafting benchmark's metrics (bench/draft_metrics.py), so the figures
bench_draft.py prints keep meaning what bench/README.md says they mean."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))  # bench/ is scripts, not a package

import draft_metrics as metrics  # noqa: E402
from draft_placeholders import command_placeholders, placeholder_used  # noqa: E402

_NLTEST_ARTICLE = """---
title: Domain controller not found
---
## Symptoms

Logon fails with "no logon servers".

## Resolution

Run the following command, where `<your_domain.com>` is the name of your domain:

```console
nltest /dsgetdc:<your_domain.com>
```
"""


def test_q98097_draft_asks_a_question_and_passes_lint() -> None:
    """The bundled Q98097's draft passes lint and its walk asks at least one question."""
    record = metrics.measure(REPO / "articles" / "Q98097.md", "bundled", "Q98097.md")
    assert record.status == "drafted" and record.error == ""
    assert record.lint == []
    assert record.asks_question
    assert record.walks >= 2 and record.walks_stuck == 0


def test_branching_questions_are_not_counted_with_every_question_asked() -> None:
    """ "Drafts with a branching question" counts the questions with two real answers (the
    symptom question left out), not every question a walk asks: both counts live on one
    record, and one once overwrote the other (90.9% of archive drafts "branched")."""
    from kbassist.trees.model import Question

    record = metrics.measure(REPO / "articles" / "Q98097.md", "bundled", "Q98097.md")
    article = metrics.load_article(REPO / "articles" / "Q98097.md")
    tree = metrics.load_draft(article)[0]
    assert tree is not None
    walks = metrics.enumerate_walks(tree)
    assert record.questions == metrics.meeting_questions(tree, walks)[0]
    asked = sum(isinstance(node, Question) for node in tree.nodes.values())
    assert record.asked_questions == asked > record.questions


def test_command_placeholder_is_found_and_its_explanation_is_not(tmp_path: Path) -> None:
    """`<your_domain.com>` in a fenced command is one placeholder; "where ... is" is not a use."""
    path = tmp_path / "nltest.md"
    path.write_text(_NLTEST_ARTICLE, encoding="utf-8")
    article = metrics.load_article(path)
    found = command_placeholders(article)
    assert [(p.token, p.command) for p in found] == [
        ("<your_domain.com>", "nltest /dsgetdc:<your_domain.com>")
    ]
    used = placeholder_used
    assert used(found[0], ["Run nltest /dsgetdc:qzvar0qz on a member server."])
    assert not used(found[0], ["Run nltest /dsgetdc:<your_domain.com> on a member server."])


def test_cut_labels_and_action_steps_are_told_apart() -> None:
    """A label cut with [...] or mid-word is cut; a lead-in or a note is not an action step."""
    text = "Configure Retrospect to skip the Mail data file. Then restart the server."
    assert metrics.label_cut("Configure Retrospect to skip the [...]", text)
    assert metrics.label_cut("Configure Retrospect to skip the Mail da", text)
    assert not metrics.label_cut("Configure Retrospect to skip the Mail data file.", text)
    button = "Test these directories by double-clicking them, and then click the ellipses [...]"
    assert not metrics.label_cut(button, f"4. {button}. Alternatively, copy the directory.")
    assert metrics.starts_with_verb("In Control Panel, double-click Network.")
    assert metrics.starts_with_verb("3. If you use NTFS, run chkdsk /f.")
    assert not metrics.starts_with_verb("To resolve this problem:")
    assert not metrics.starts_with_verb("NOTE: This applies to Windows NT 4.0 only.")


_LOGS_ARTICLE = """---
title: PodStuck
---
## Diagnosis

```console
MYPOD=$(oc get pods -o name | head -1)
oc logs ${MYPOD}
I1130 12:15:18.635452  1 leaderelection.go:243] acquire lease <namespace>/ctl
odf cephfs-snap delete <subvolume> <snapshot>
```
"""


def test_log_lines_and_set_variables_are_no_placeholders_and_neighbours_count(
    tmp_path: Path,
) -> None:
    """A sample log line and `MYPOD=` are not measured; a placeholder beside one is used."""
    path = tmp_path / "logs.md"
    path.write_text(_LOGS_ARTICLE, encoding="utf-8")
    found = command_placeholders(metrics.load_article(path))
    assert [p.token for p in found] == ["<subvolume>", "<snapshot>"]
    assert placeholder_used(found[1], ["odf cephfs-snap delete qzvar0qz qzvar1qz"])


def test_an_event_entry_is_no_command(tmp_path: Path) -> None:
    """ "Computer: <Server name>" in a sample event entry is output, not a placeholder to type."""
    path = tmp_path / "event.md"
    path.write_text(
        "---\ntitle: Event\n---\n## Symptoms\n\n```output\nDate: <Datetime>\n"
        "Computer: <Server name>\n```\n\n```console\nsqlcmd -S <Server name>\n```\n",
        encoding="utf-8",
    )
    found = command_placeholders(metrics.load_article(path))
    assert [(p.token, p.command) for p in found] == [("<Server name>", "sqlcmd -S <Server name>")]


def test_phrase_cut_labels_and_lead_in_steps_are_counted() -> None:
    """A label ending mid-phrase and a ticked announcement are counted; whole ones are not."""
    text = "Application tiles like Alarm, Calculator, and Edge are missing. Restart the PC."
    assert metrics.label_cut_phrase("Application tiles like Alarm", text)
    assert metrics.label_cut_phrase("Type the letters into the search field as", text)
    assert not metrics.label_cut_phrase("Application tiles like Alarm, Calculator, and Edge", text)
    assert not metrics.label_cut_phrase("Restart the PC", text)
    assert metrics.lead_in_step("Use the information in the following paragraphs to fix it.", "")
    assert metrics.lead_in_step("Set the mode to one of the following modes:", "")
    assert not metrics.lead_in_step("Set the mode to one of the following modes:", "- SQL command")
    assert not metrics.lead_in_step("Run the following command:", "kubectl get pods")


def test_a_step_that_only_points_at_the_next_steps_is_a_lead_in() -> None:
    """ "X. To do it, follow these steps." and "X." over only "To do this, follow these
    steps:" (and a note) announce the ticks after them: counted; a step whose detail holds
    its own how is not."""
    assert metrics.lead_in_step("Unlock the drive. To do it, follow these steps.", "")
    assert metrics.lead_in_step("Check the DNS record by using the following steps", "")
    assert metrics.lead_in_step(
        "Modify the registry.", "To do this, follow these steps.\n\nImportant: Back up first."
    )
    assert not metrics.lead_in_step("Modify the registry.", "To do this, run: reg add HKLM\\X")
    assert not metrics.lead_in_step("Open the item that you want to print.", "")


def test_a_scene_clause_label_ends_where_its_clause_ends() -> None:
    """ "When you click OK" before ", the error appears" ends at its clause's comma: not
    counted as cut mid-phrase (round 32: only stops inside a phrase count)."""
    text = "When you click OK, the following error message appears: Word cannot open the file."
    assert not metrics.label_cut_phrase("When you click OK", text)
    assert not metrics.label_cut_phrase(
        "When you click OK, the following error message appears", text
    )


_LATE_TREE = """id: late
title: Late
version: 1
articles: [A1]
symptom: REST calls fail.
cause: The pod cannot reach the API server.
nodes:
- id: ns
  kind: input
  var: ns
  type: text
  title: "Your name for <install-namespace>"
  text: Namespace?
  help: The namespace.
  next: case
- id: case
  kind: question
  var: case
  title: Cannot connect?
  text: Does the pod fail to connect?
  choices:
  - {value: "yes", label: "Yes", next: fix}
  - {value: "no", label: "No", next: fix}
- id: fix
  kind: outcome
  title: Fix
  steps:
  - text: "Check the logs."
    source: {article: A1, section: Mitigation}
  - text: "Delete the pod: oc delete -n {ns} pod"
    when: 'case == "yes"'
    source: {article: A1, section: Mitigation}
"""


def test_an_input_its_walk_never_shows_is_counted_unused() -> None:
    """The "no" walk asks the namespace yet hides the only step using it: one unused of two."""
    from kbassist.trees.loader import read_tree_bytes

    tree = read_tree_bytes(_LATE_TREE.encode(), Path("late.yaml")).tree
    assert tree is not None
    walks = metrics.enumerate_walks(tree)
    answered, unused = metrics.unused_inputs(walks.checklists)
    assert (answered, unused) == (2, ["Your name for <install-namespace>"])
    assert metrics.mistyped_inputs(tree) == []


def test_a_verify_that_repeats_the_steps_to_reproduce_counts_as_concrete() -> None:
    """Repeating the article's repro steps is a concrete test even without a "not" in it."""
    text = (
        'Repeat the article\'s steps to reproduce the problem ("Steps to Reproduce Behavior" in'
        " MORE INFORMATION), and check that this no longer happens: Click the toolbar button."
        ' Notice that the value has changed back to "Hello."'
    )
    assert metrics.verify_kind([text]) == "concrete"


def test_a_verify_that_pastes_the_symptom_counts_as_restated() -> None:
    """The bench's "restates the symptom" row: a pasted symptom, not an action and a result."""
    restated = metrics.RESTATED_VERIFY_RE.search
    assert restated("Check that the problem no longer occurs: You may receive an error.")
    assert restated("Start X again, and check that this no longer happens: you may get Y.")
    assert not restated('Start X again: check that the message "Y" no longer appears.')
    assert not restated("Check that you can start Windows Clustering.")


def test_a_verify_that_reads_broken_counts_as_malformed() -> None:
    """The bench's "malformed verify" row (round 13): a check ending on "and", a list pasted
    flat, "Scan for it again", a conditional quoted as the message, "you" before a noun."""
    broken = metrics.malformed_verify
    assert broken("When you position the mouse, check that you user tile no longer disappears and.")
    assert broken("Use X again, and check that this no longer happens: items: - Eject - Protect")
    assert broken("Scan for it again: check that X can find the TCP/IP network protocol.")
    assert broken("Check that this no longer appears: If you have rights, you receive this: M.")
    assert not broken("Check that X can find the TCP/IP network protocol when you scan for it.")
    assert not broken("Use X again: check that these items function: Eject; Protect.")
    assert not broken('Check that you no longer get errors like "Access Deny" and so on.')
    assert not broken("Run the following command:", detail="oc get pods")


def test_a_verify_that_only_says_do_it_the_new_way_is_generic() -> None:
    """A fix that avoids the steps to reproduce gets no concrete check from them."""
    text = (
        "Do what you were doing the way the steps above say, and check that it now works "
        "(the article's steps to reproduce do what this fix avoids: do not repeat them as "
        "written)."
    )
    assert metrics.verify_kind([text]) == "generic"


def test_texts_cut_with_the_mark_are_counted_but_not_the_articles_own_elision() -> None:
    """A drafter's "[...]" cut counts (by where it is); the article's own "[...]" does not."""
    article = metrics._normal("Check the log: function: sbpa4snd [...] returned 5. Restart it.")
    assert metrics.ours_cut("Other things to check: a; b; c (for example WORKDIR [...]", article)
    assert not metrics.ours_cut("Look for function: sbpa4snd [...] in the log", article)
    assert not metrics.ours_cut("Restart it.", article)


def test_titles_cut_mid_phrase_are_counted_and_whole_sentences_are_not() -> None:
    """Titles ending on a lead-in or a link's ']' count; a whole sentence ending 'to' doesn't."""
    text = (
        "Change the IIS directory setting to the following: Read. "
        "The referenced account is currently locked out and may not be logged on to. "
        "See [Password must be changed before signing in](#password)."
    )
    assert metrics.title_cut_phrase(
        "Resolution: Change the IIS directory setting to the following", text
    )
    assert metrics.title_cut_phrase("Password must be changed before signing in]", text)
    assert not metrics.title_cut_phrase("Resolution: Set the IIS directory to Read", text)
    assert not metrics.label_cut_phrase(
        "The referenced account is currently locked out and may not be logged on to", text
    )


def test_a_label_the_article_follows_only_with_a_pointer_is_whole() -> None:
    """'Disable the add-in' + ' by following these steps:' is no cut phrase."""
    text = "Disable the Analysis Toolpak add-in by following these steps: 1. Click Tools."
    assert not metrics.label_cut_phrase("Disable the Analysis Toolpak add-in", text)
    assert metrics.label_cut_phrase("Disable the Analysis Toolpak add-in by", text)


def test_non_step_counts_links_pointers_questions_quotes_and_captions() -> None:
    """A ticked link label, pointer over links, question, raw quote or listing caption is
    counted as no step; an action whose text is its link is not."""
    assert metrics.non_step("See Quotas", "Link: Quotas: https://kubernetes.io/q")
    assert metrics.non_step("For mitigation strategies and solutions, refer to:", "Links:\nA: u")
    assert metrics.non_step("Maybe it's some dependency of the APIServer? etcd?", "")
    assert metrics.non_step("> Before you create a new image, save the folders.", "")
    assert metrics.non_step("The following is a code segment of the X procedure:", "SELECT 1")
    assert not metrics.non_step("Cordon and drain node.", "Link: cordon and drain node: https://k")
    assert not metrics.non_step("Check the router pods.", "")


_PROSE_FIX = """## Q999914: Paging file blocks drive removal

\tArticle: Q999914
\tProduct(s): Microsoft Windows NT

\tSYMPTOMS
\t========

\tWhen you try to remove a hard disk, you may receive a STOP error.

\tRESOLUTION
\t==========

\tTo resolve this behavior, move the paging file from the drive that you are
\tremoving to another drive, and then restart the computer.

\tMORE INFORMATION
\t================

{more}
"""
_PROCEDURE = """\t1. In Control Panel, double-click System, and then click Performance.

\t2. In the Drives list, click the drive where you will move the paging file.

\t3. Click Set, and then restart the computer."""


def test_a_prose_fix_with_its_procedure_in_more_information_is_counted(tmp_path: Path) -> None:
    """A RESOLUTION with no steps over a numbered list in MORE INFORMATION is a candidate,
    and its draft ticks the list; a list after "Steps to Reproduce" is no candidate."""
    path = tmp_path / "Q999914.md"
    path.write_text(_PROSE_FIX.format(more=_PROCEDURE), encoding="utf-8")
    record = metrics.measure(path, "archive", "Q999914.md")
    assert record.lint == [] and record.fix_in_more and record.more_steps
    repro = "\tSteps to Reproduce Behavior\n\t---------------------------\n\n" + _PROCEDURE
    path.write_text(_PROSE_FIX.format(more=repro), encoding="utf-8")
    assert not metrics.fix_in_more(metrics.load_article(path))


def test_escalate_only_counts_a_fix_title_over_only_the_support_case() -> None:
    """A "Mitigation" whose only tick escalates is counted; an outcome titled as the
    escalation it is, or one with a real step before the escalation, is not."""
    escalate = "Escalate if the steps above did not clear the alert: open a support case."
    assert metrics.escalate_only("Mitigation", [escalate])
    assert not metrics.escalate_only(
        "No documented fix: run the Diagnosis checks, then escalate", [escalate]
    )
    assert not metrics.escalate_only("Mitigation", ["Restart the pod.", escalate])


_METHOD_CASE_TREE = """id: method
title: Method
version: 1
articles: [A1]
symptom: STOP 0x50 at boot.
cause: A damaged driver.
nodes:
- id: how
  kind: question
  title: How do you want to fix it?
  text: Which fits here?
  choices:
  - {value: m1, label: "Method 1: Windows NT Is on a FAT Partition", next: m1-if}
  - {value: m2, label: "Method 2: Install the latest service pack", next: m2-if}
- id: m1-if
  kind: question
  var: if_1
  title: "Does this apply: Windows NT is installed on a FAT partition?"
  text: Does it?
  choices:
  - {value: "yes", label: "Yes", next: fix}
  - {value: "no", label: "No", next: fix}
- id: m2-if
  kind: question
  var: if_2
  title: "Does this apply: Windows NT is installed on a FAT partition?"
  text: Does it?
  choices:
  - {value: "yes", label: "Yes", next: fix}
  - {value: "no", label: "No", next: fix}
- id: fix
  kind: outcome
  title: Fix
  steps:
  - text: "Boot to MS-DOS."
    when: 'if_1 == "yes" or if_2 == "yes"'
    source: {article: A1, section: RESOLUTION}
  - text: "Replace the driver."
    source: {article: A1, section: RESOLUTION}
"""


def test_a_case_question_the_method_chosen_before_names_is_counted() -> None:
    """ "Method 1: Windows NT Is on a FAT Partition" then "Does this apply: Windows NT is
    installed on a FAT partition?" is counted; the same question after a method that
    names no case is not (asking it there tells something)."""
    from kbassist.trees.loader import read_tree_bytes

    tree = read_tree_bytes(_METHOD_CASE_TREE.encode(), Path("method.yaml")).tree
    assert tree is not None
    assert metrics.answered_before(tree) == ["m1-if"]


def test_a_case_question_whose_no_still_ticks_its_then_step_is_counted() -> None:
    """ "Update the config map" for "yes", then "Then delete the pods" ticked whatever the
    answer: counted (a reader sees both answers reach the same fix); gated alike, not."""
    from kbassist.trees.loader import read_tree_bytes

    tree_yaml = _METHOD_CASE_TREE.replace(
        '  - text: "Replace the driver."', '  - text: "Then replace the driver."'
    ).replace('when: \'if_1 == "yes" or if_2 == "yes"\'', "when: 'if_2 == \"yes\"'")
    tree = read_tree_bytes(tree_yaml.encode(), Path("then.yaml")).tree
    assert tree is not None
    assert metrics.answered_before(tree) == ["m1-if", "m2-if"]


def test_cause_mixed_counts_a_repeated_condition_and_a_reading_in_the_symptom() -> None:
    """A cause that only repeats the symptom's condition is counted, one that says why is
    not; a symptom holding "This usually indicates X" is counted, "This means the alert
    fires if ..." and "This alert indicates that ..." are not."""
    fires = "This alert fires when the widget pod is down."
    assert metrics.cause_mixed(f"{fires} It runs the widgets.", fires) == (True, False)
    assert metrics.cause_mixed(fires, "W gives no cause.") == (False, False)
    because = "Targets were dropped because the limit was exceeded."
    assert metrics.cause_mixed(because, because) == (False, False)
    reading = f"{fires} This usually indicates the node is down."
    assert metrics.cause_mixed(reading, "W gives no cause.") == (False, True)
    assert metrics.cause_mixed(f"{fires} This means the alert fires if X.", "") == (False, False)
    assert metrics.cause_mixed("This alert indicates that a node went down.", "") == (False, False)


_CONDITION_TREE = """id: cond
title: Condition steps
version: 1
articles: [A1]
symptom: The program stops.
cause: A damaged file.
nodes:
- id: fix
  kind: outcome
  title: Fix
  steps:
  - text: "Click Close."
    source: {article: A1, section: RESOLUTION}
  - text: "If you are prompted to restart your computer, click Yes."
    source: {article: A1, section: RESOLUTION}
  - text: "Click OK, and then close Control Panel."
    detail: "If the issue continues to occur, proceed to the next method."
    source: {article: A1, section: RESOLUTION}
  - text: "When you are prompted to restart the computer, click Yes."
    source: {article: A1, section: RESOLUTION}
"""


def test_conditions_ticked_as_steps_are_counted() -> None:
    """A step whose note sends the admin to the next method is counted; "If you are
    prompted …, click Yes" is an action of its own (round 30), not counted."""
    from kbassist.trees.loader import read_tree_bytes

    tree = read_tree_bytes(_CONDITION_TREE.encode(), Path("cond.yaml")).tree
    assert tree is not None
    found = metrics.condition_steps(metrics.enumerate_walks(tree).checklists)
    assert found == ["Click OK, and then close Control Panel."]


def test_symptom_choices_cut_to_a_field_name_or_numbered_twins_count_as_fragments() -> None:
    """The bench's "symptom choices that are fragments" row: an event cut to "Source", a
    "(2)" twin, an SQL statement, a trace line; a whole message is no fragment."""
    assert metrics.fragment_choice("Event ID 4097 Source")
    assert metrics.fragment_choice("update MSreplication_subscriptions set stamp = cast(@P1 (2)")
    assert metrics.fragment_choice("15:21:14.0298  PADR Picked request to initialize Directory")
    assert not metrics.fragment_choice("Event ID 4097 (Dr. Watson): The application failed")
    assert not metrics.fragment_choice("The specified application is not based on Windows")


_APPLIES_TREE = """id: applies
title: Applicability steps
version: 1
articles: [A1]
symptom: Activation fails.
cause: The KMS host is too old.
nodes:
- id: fix
  kind: outcome
  title: Fix
  text: "Important: Don't apply the workaround to computers that are running Windows 10."
  steps:
  - text: "If you're running Windows Server 2008 as your KMS host, install hotfix 968912."
    source: {article: A1, section: RESOLUTION}
  - text: "If you have problems extracting the files, download them again."
    source: {article: A1, section: RESOLUTION}
"""


def test_applicability_left_unasked_is_counted() -> None:
    """The "drafts with applicability unasked" row: a ticked "If you're running <product>,
    ..." step and a fix text that says "Don't apply the workaround to X"; a condition
    that names no product is not counted."""
    from kbassist.trees.loader import read_tree_bytes

    tree = read_tree_bytes(_APPLIES_TREE.encode(), Path("applies.yaml")).tree
    assert tree is not None
    found = metrics.unasked_applicability(tree, metrics.enumerate_walks(tree).checklists)
    assert found == [
        "If you're running Windows Server 2008 as your KMS host, install hotfix 968912.",
        "Important: Don't apply the workaround to computers that are running Windows 10.",
    ]


_WAYS_TREE = """id: ways
title: Ways in turn
version: 1
articles: [A1]
symptom: The agent times out.
cause: A long query.
nodes:
- id: pick
  kind: question
  var: way
  title: Which method will you use?
  choices:
  - {value: "one", label: "Method 1", next: marked}
  - {value: "two", label: "Method 2", next: marked}
  - {value: "three", label: "Led", next: led}
- id: marked
  kind: outcome
  title: Marked
  steps:
  - text: "Method 1: Drop the endpoint."
    source: {article: A1, section: Resolution}
  - text: "Method 2: Alter the endpoint."
    source: {article: A1, section: Resolution}
  - text: "Method 3: Restart the service."
    when: 'way == "three"'
    source: {article: A1, section: Resolution}
- id: led
  kind: outcome
  title: Led
  text: "To resolve this issue, use one of the following methods:"
  steps:
  - text: "Increase QueryTimeout."
    source: {article: A1, section: Resolution}
  - text: "Reduce ReadBatchSize."
    source: {article: A1, section: Resolution}
"""


def test_ways_ticked_in_turn_are_counted() -> None:
    """ "Method 1: …" / "Method 2: …" steps no answer tells apart, and steps under "use one
    of the following methods:", count; a way shown for its own answer does not."""
    from kbassist.trees.loader import read_tree_bytes

    tree = read_tree_bytes(_WAYS_TREE.encode(), Path("ways.yaml")).tree
    assert tree is not None
    assert metrics.ways_in_turn(tree) == [
        "Method 1: Drop the endpoint.",
        "Method 2: Alter the endpoint.",
        "To resolve this issue, use one of the following methods:",
    ]


_NEGATED_TREE = """id: negated
title: A case and its negation
version: 1
articles: [A1]
symptom: SSL errors.
cause: A weak certificate.
nodes:
- id: has
  kind: question
  var: if_1
  title: "Does this apply: a certificate exists?"
  choices:
  - {value: "yes", label: "Yes", next: none}
  - {value: "no", label: "No", next: none}
- id: none
  kind: question
  var: if_2
  title: "Does this apply: no certificate exists?"
  choices:
  - {value: "yes", label: "Yes", next: fix}
  - {value: "no", label: "No", next: fix}
- id: fix
  kind: outcome
  title: Fix
  steps:
  - text: "Select Clear. Then, go to step 6."
    source: {article: A1, section: Resolution}
  - text: "Open the store."
    detail: "If the certificate is self-generated, skip to step 2."
    source: {article: A1, section: Resolution}
  - text: "Select the group that you created in step 5."
    source: {article: A1, section: Resolution}
"""


def test_negated_cases_and_step_jumps_are_counted() -> None:
    """A "Does this apply: X?" asked beside X negated counts once; steps that jump to a
    step number (in text or note) count, a back-reference ("created in step 5") does not."""
    from kbassist.trees.loader import read_tree_bytes

    tree = read_tree_bytes(_NEGATED_TREE.encode(), Path("negated.yaml")).tree
    assert tree is not None
    assert metrics.negated_questions(tree) == ["Does this apply: a certificate exists?"]
    assert metrics.step_jumps(tree) == ["Select Clear. Then, go to step 6.", "Open the store."]


def test_a_symptom_or_cause_about_the_article_is_counted() -> None:
    """The bench counts a cause that only says what the article discusses, or a symptom
    that says what the reader checks, and not a cause that says why."""
    about = "This article discusses the cause and some possible resolutions for a problem."
    assert metrics.about_article("You can't start the service.", about)
    assert metrics.about_article("When troubleshooting basic Start issues, check X.", "")
    assert not metrics.about_article(
        "You can't start the service.", "This issue occurs because the key is missing."
    )


def test_another_way_said_in_words_counts_as_an_alternative_step() -> None:
    """Round 17 (alts17): a tick 'Another work-around is to Y' or 'Alternatively, Y' is an
    alternative inside one checklist; a plain step or 'In addition, ...' is not."""
    assert metrics.ALTERNATIVE_STEP_RE.match("Another work-around is to declare Var in FAR_BSS:")
    assert metrics.ALTERNATIVE_STEP_RE.match("Alternatively, restart the Server service.")
    assert metrics.ALTERNATIVE_STEP_RE.match("One way to eliminate this error is to set X:")
    assert not metrics.ALTERNATIVE_STEP_RE.match("In addition, use a segment override:")
    assert not metrics.ALTERNATIVE_STEP_RE.match("Click OK.")


def test_a_number_asked_for_a_name_token_counts_as_mistyped_under_a_plain_title() -> None:
    """Round 21 titles a runbook's input "Pod name", not "Your number for <pod-name>": the
    token its text quotes and its type still count a number asked for a name."""
    from kbassist.trees.loader import read_tree_bytes

    text = _LATE_TREE.replace(
        'type: text\n  title: "Your name for <install-namespace>"\n  text: Namespace?',
        "type: number\n  title: Pod name\n  text: The article writes <pod-name> where you "
        "type the pod name. Which pod is it?",
    ).replace("{ns}", "x-{ns}")
    tree = read_tree_bytes(text.encode(), Path("late.yaml")).tree
    assert tree is not None
    assert metrics.mistyped_inputs(tree) == ["Pod name"]


def test_questions_whose_labels_read_alike_are_counted() -> None:
    """A label and its "(2)", or one message after two headings cut before its clause
    ends, read alike; labels that differ, or the same message said whole, do not."""
    text = (
        "Named Pipes A connection was opened, but then the pipe closed. TCP A connection"
        " was opened, but then the host reset it. Rename the file. Restart the PC."
    )
    assert metrics.labels_alike(["Rename the file", "Rename the file (2)"], text)
    assert metrics.labels_alike(
        ["Named Pipes > A connection was opened", "TCP > A connection was opened"], text
    )
    assert not metrics.labels_alike(["Rename the file", "Restart the PC", "None of these"], text)
    assert not metrics.labels_alike(["Pipes > Rename the file", "TCP > Rename the file"], text)
    assert not metrics.labels_alike(["C:\\wchar.h(590)", "C:\\wchar.h(592)"], text)


def test_several_actions_in_one_step_and_steps_that_are_not_actions_are_counted() -> None:
    """Two imperative sentences or clauses in one tick count as several actions (the
    sentence kind apart); a statement or a duty counts as no action, the drafter's own
    label before an action and its own whole actions do not."""
    merged = "Back up disks A and B. Rename WD*.BID to WD*.BAK. Now you can boot from Disk A."
    assert metrics.multi_action_step(merged) == "sentences"
    assert metrics.multi_action_step("Click Start, and then click Run.") == "clauses"
    assert metrics.multi_action_step("Stop the service; delete the log file.") == "clauses"
    assert metrics.multi_action_step("Restart the computer. This clears the cache.") == ""
    assert metrics.not_action_step("It is highly recommended to distribute the OSDs.")
    assert metrics.not_action_step("If you receive a response, the address is in use.")
    assert metrics.not_action_step("You must include the FOXUT16.DLL file.")
    assert not metrics.not_action_step("Last resort: Restart the server.")
    assert not metrics.not_action_step("Wait, and watch whether the alert clears.")
    assert not metrics.not_action_step(
        "Tell the user what the article says here; it gives no steps to follow: X is slow."
    )


def test_fix_labels_that_do_not_name_the_fix_are_counted() -> None:
    """A cut reason clause, a first click, a pointer, a bare line or a step count is
    counted; "Change the size of the gray box" or "If X, install Y" is not."""
    text = (
        "Even though the editor does not show the control, you can change the size of the "
        "gray box. When a new server, Server B, starts, run setup. "
        "On the startup screen, click Game Options."
    )
    counted = [
        "Resolution: Even though the editor does not show the control",
        "When a new server",
        "Set the data access mode to one of the following modes",
        "ODBCINT.DLL = ODBCINT.DLL",
        "Resolution (5 steps)",
    ]
    assert all(metrics.title_not_action(label, text) for label in counted)
    assert metrics.title_not_action(
        "On the startup screen, click Game Options",
        text,
        "On the startup screen, click Game Options.",
    )
    assert not metrics.title_not_action("Resolution: Change the size of the gray box", text)
    assert not metrics.title_not_action("If you use NTFS, install the update", text)


def test_registry_backup_place_counts_a_ui_fix_and_a_backup_before_the_editor_opens() -> None:
    """A backup on a fix that changes no key, or before "Start Registry Editor", is counted."""
    backup = ("Back up the HKEY_LOCAL_MACHINE\\Software\\X key before you change it.", "")
    start = ("Start Registry Editor (Regedt32.exe).", "")
    locate = ("Locate and click the following key: HKEY_LOCAL_MACHINE\\Software\\X", "")
    add = ("On the Edit menu, click Add Value, and then add the Size value.", "")
    place = metrics.registry_backup_place
    assert place([backup, ("Clear the Use Printer Offline check box.", "")]) == "no_change"
    assert place([backup, start, locate, add]) == "before_open"
    assert place([start, locate, backup, add]) == "ok"
    assert place([start, locate, add]) == ""
