"""A draft tree from an article: the YAML-ready dict (`draft_tree`), its file text
(`draft_yaml`), and the Tree the real loader and lint read back from that text
(`draft_text`, `draft_tree_model`), so what is walked is exactly what would be written.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from kbassist.articles import Article, Section
from kbassist.drafting.action_runs import action_run_ticks
from kbassist.drafting.alike_labels import options_told_apart, told_by_difference
from kbassist.drafting.also_checks import also_checks_noted
from kbassist.drafting.alt_causes import alt_cause_steps
from kbassist.drafting.applies_gate import (
    gate_nodes,
    install_needed,
    menu_cases_named,
    noted_gates,
    product_case,
)
from kbassist.drafting.asked_kinds import (
    DN_HELP,
    diagnosis_pointer,
    in_log_line,
    in_message_line,
    is_dn,
    noted_head,
    noted_step,
    size_help,
    size_kind,
)
from kbassist.drafting.assigned_vars import assigned_placeholders, unset_in
from kbassist.drafting.backup_case import backup_cases
from kbassist.drafting.backup_place import is_backup_text
from kbassist.drafting.before_first import (
    backup_first,
    backup_said,
    missing_created,
    preconditions_first,
)
from kbassist.drafting.blocks import OUTPUT_LABEL, REMEDY_RE
from kbassist.drafting.both_lead import or_both_steps
from kbassist.drafting.broken_or import broken_or_steps
from kbassist.drafting.case_choices import for_cases, label_states_case
from kbassist.drafting.case_messages import every_case_verifies, every_case_verify
from kbassist.drafting.case_notes import gerund_case, prompted_notes
from kbassist.drafting.case_pairs import does_question, negated_pair, ran_result
from kbassist.drafting.case_parts import case_part_options, kb_case_options
from kbassist.drafting.case_sentences import case_sentence_steps, purpose_pairs
from kbassist.drafting.case_spans import announced_spans
from kbassist.drafting.cause_leads import cause_lead_steps, listed_cause_line
from kbassist.drafting.cause_list import cause_list_steps
from kbassist.drafting.causes import (
    Group,
    also_cause,
    because_cases,
    cause_groups,
    cause_labels,
    group_causes,
    occur_causes,
    pair_causes,
    paired,
)
from kbassist.drafting.choose_help import with_notes
from kbassist.drafting.chosen_verify import chosen_message_verify, message_cause_verify
from kbassist.drafting.deciding_questions import (
    echoed_options_dropped,
    fixes_named,
    one_way_cases,
    unsure_not_reasked,
    you_typo_question,
)
from kbassist.drafting.described_fix import described_fixes
from kbassist.drafting.design import by_design_lead
from kbassist.drafting.design_outcome import design_options
from kbassist.drafting.download_fix import download_options
from kbassist.drafting.download_lists import language_downloads
from kbassist.drafting.each_time import each_time_verify
from kbassist.drafting.effect_ticks import effect_ticks
from kbassist.drafting.either_ways import only_method_when
from kbassist.drafting.event_alternatives import events_verify
from kbassist.drafting.event_ticks import event_ticks
from kbassist.drafting.example_inputs import (
    example_phrase,
    example_question,
    example_spans,
    example_values,
    in_caption,
    placeholder_question,
    this_example_values,
)
from kbassist.drafting.example_names import named_examples
from kbassist.drafting.example_values import (
    before_example_listing,
    drop_replace_notes,
    example_listing_lead,
    meaning_kind,
    not_asked,
    unbold_code,
    value_kind,
)
from kbassist.drafting.explained_ticks import explained_ticks
from kbassist.drafting.fallback_ticks import fallback_follows, fallback_steps
from kbassist.drafting.fit_checks import (
    diagnosis_verify,
    no_rollback,
    removes_cause,
    without_condition,
)
from kbassist.drafting.fixed_in import (
    fixed_release_check,
    fixed_releases,
    installs_release,
    replays_harm,
    restates,
    result_without_replay,
    told_apart_check,
)
from kbassist.drafting.flat_tables import cause_texts, has_flat_table, rules_dropped
from kbassist.drafting.follow_ups import NOUN as FOLLOW_NOUN
from kbassist.drafting.follow_ups import (
    cause_parts,
    chain_follow_ups,
    chain_groups,
    listed_causes,
    menu_options,
    menu_with_chains,
    missing_first,
    other_ways,
)
from kbassist.drafting.forms import scene_before, stem_without_forms, symptom_forms
from kbassist.drafting.found_after import steps_before_found
from kbassist.drafting.glued_notes import advice_as_step, glued_notes, leads_over_steps
from kbassist.drafting.glued_switches import respaced_switches
from kbassist.drafting.goal_verify import article_kind, fitted_verify
from kbassist.drafting.group_titles import group_titles, means_joined, titles_over_steps
from kbassist.drafting.heading_groups import heading_ticks
from kbassist.drafting.implied_check import implied_check
from kbassist.drafting.in_case import in_case_as_if, in_case_kept
from kbassist.drafting.input_titles import name_inputs
from kbassist.drafting.kb_stated_cause import without_cause
from kbassist.drafting.kept_condition import drop_changed_condition
from kbassist.drafting.labels import (
    APPLIES_RE,
    fix_name,
    fixes_question,
    named_title,
    tidy_label,
    whole_sentence,
)
from kbassist.drafting.lead_cases import (
    fold_example_steps,
    glued_heading,
    is_heading_of,
    lead_case_steps,
    lead_step_spans,
    order_asks,
    shown_lines,
)
from kbassist.drafting.lead_ins import case_leads_shown, lead_ins_shown, points_on
from kbassist.drafting.lead_leftovers import leftovers_dropped
from kbassist.drafting.long_symptom import long_symptom_check
from kbassist.drafting.media_source import media_letters, medium_help, names_source
from kbassist.drafting.message_block import block_verify, event_verifies
from kbassist.drafting.meta_symptom import shown_not_meta
from kbassist.drafting.method_chain import (
    chained_steps,
    menu_in_turn,
    still_failing_nodes,
    without_pointers,
)
from kbassist.drafting.method_list import marked_way_steps, method_list_steps
from kbassist.drafting.modern import (
    MAX_MODERN_SYMPTOM_CHARS,
    REDO_CHECK,
    alert_check,
    by_design_section,
    described_alert,
    inline_commands,
    is_my_name,
    later_case,
    log_line,
    md_plain,
    my_names,
    my_spans,
    redo_check,
    sample_lead,
    shell_spans,
    shell_variables,
    symptom_check,
    symptom_choices,
    system_path,
)
from kbassist.drafting.modern_asides import asides_shown, lead_action, names_shown
from kbassist.drafting.modern_non_actions import non_actions_shown
from kbassist.drafting.modern_plan import (
    cause_steps,
    checking_parts_first,
    found_case_steps,
    go_to_fixes,
    horizon_steps,
    modern_plan,
    modern_verify,
    subject_steps,
    version_steps,
)
from kbassist.drafting.modern_ticks import modern_ticks
from kbassist.drafting.more_steps import item_section
from kbassist.drafting.moved_page import moved_outcome
from kbassist.drafting.must_after import must_follow_ups
from kbassist.drafting.name_lists import without_name_listings
from kbassist.drafting.nofix import no_fix_options
from kbassist.drafting.non_steps import place_non_steps
from kbassist.drafting.not_one_action import case_leads_merged, statements_noted
from kbassist.drafting.note_conditions import note_condition_step
from kbassist.drafting.note_titles import (
    bare_lead,
    note_titled,
    noted_actions,
    restated_goal_dropped,
    summary_tick_dropped,
)
from kbassist.drafting.numbered_causes import numbered_cause_steps
from kbassist.drafting.observed_ticks import observed_ticks
from kbassist.drafting.obtain_install import install_after_obtain
from kbassist.drafting.one_action import one_action_ticks
from kbassist.drafting.one_fix import one_fix_merged
from kbassist.drafting.one_of_steps import one_of_steps
from kbassist.drafting.one_tick import one_tick_each
from kbassist.drafting.open_list import other_form_choice
from kbassist.drafting.option_model import Ask, Option
from kbassist.drafting.options import (
    _YOU_CAN_RE,
    MAX_CAUSE_CHARS,
    MORE_KEYS,
    RESOLUTION_KEYS,
    WORKAROUND_KEYS,
    _is_action,
    article_cause,
    article_plan,
    cause_alternatives,
    cause_listing,
)
from kbassist.drafting.or_steps import or_steps_joined
from kbassist.drafting.os_steps import prefixed_steps, scoped_steps
from kbassist.drafting.output_lead import before_output_listing
from kbassist.drafting.own_check import (
    detail_checks,
    own_check_sentence,
    without_glued_label,
)
from kbassist.drafting.own_query import own_query_verify
from kbassist.drafting.pack_or_update import pack_or_update_options
from kbassist.drafting.para_causes import cause_case_steps
from kbassist.drafting.pointed_methods import notes_apart, pointed_question
from kbassist.drafting.post_fix import post_fix_steps
from kbassist.drafting.product_packs import product_pack_steps
from kbassist.drafting.prose_causes import (
    WHICH_ID,
    named_fix,
    unfixed_cause_nodes,
    unfixed_cause_split,
)
from kbassist.drafting.prose_fixes import alternative_paras, dated_options, released_fix
from kbassist.drafting.prose_inputs import prose_lead, prose_question, prose_value_steps
from kbassist.drafting.prose_workaround import workaround_fallback, workaround_ticked
from kbassist.drafting.registry_values import registry_note_named, registry_note_options
from kbassist.drafting.repro_changed import changed_repro
from kbassist.drafting.repro_inputs import repro_placeholders
from kbassist.drafting.repro_undo import undone_repro
from kbassist.drafting.restarts import noted_restart, restart_step
from kbassist.drafting.reused_inputs import reused_inputs_split
from kbassist.drafting.round_only import (
    problem_stays,
    round_only_verify,
    whole_clause_verify,
)
from kbassist.drafting.run_order import checks_before_cases, checks_before_names, diagnose_first
from kbassist.drafting.runbook_alternatives import cleared_flags_undo, restored_value_undo
from kbassist.drafting.runbook_case_diagnosis import case_after_diagnosis
from kbassist.drafting.runbook_case_title import case_titles
from kbassist.drafting.runbook_cases import chosen_case_not_asked
from kbassist.drafting.runbook_cause import is_alert_runbook
from kbassist.drafting.runbook_cause_ask import all_paired, cause_lines, runbook_cause_names
from kbassist.drafting.runbook_checks import (
    cases_without_fix,
    checks_before_fixes,
    checks_not_ticked,
)
from kbassist.drafting.runbook_checks_first import checks_before_choice
from kbassist.drafting.runbook_fallback import fallback_asked
from kbassist.drafting.runbook_fix_checks import SITUATION_KEY, diagnosis_points, situation_asked
from kbassist.drafting.runbook_found import escalation_apart, found_cases_asked
from kbassist.drafting.runbook_inputs import (
    commands_before_output,
    in_shown_output,
    named_kind,
    prose_context,
)
from kbassist.drafting.runbook_reread import reread_checks, verification_steps
from kbassist.drafting.runbook_reveal import ask_before_conditional_names, reveal_before_asking
from kbassist.drafting.runbook_shared_checks import shared_checks_first
from kbassist.drafting.runbook_shown import (
    cut_tails,
    format_only,
    reread_values,
    shown_lead,
    shown_removed,
)
from kbassist.drafting.runbook_statements import depends_shown
from kbassist.drafting.runbook_verify import rerun_checks
from kbassist.drafting.said_as import item_as_action, relabel
from kbassist.drafting.said_reason import said_reason
from kbassist.drafting.said_workaround import workaround_titled
from kbassist.drafting.same_release import same_release_merged
from kbassist.drafting.see_article import pointed_article
from kbassist.drafting.sibling_fixes import scenario_groups
from kbassist.drafting.site_values import (
    company_examples,
    drive_before_root,
    logical_file_name,
    produced_by,
    switch_examples,
)
from kbassist.drafting.stand_ins import (
    after_placeholder,
    below_root,
    generated_kind,
    is_generated,
    is_stand_in,
    path_to,
    shape_only,
    shown_value,
    stand_in_names,
    stand_in_spans,
)
from kbassist.drafting.statement_ticks import statements_placed
from kbassist.drafting.status_fix import (
    pack_apart,
    pointer_options,
    stale_waits,
    support_options,
)
from kbassist.drafting.step_counts import counts_said
from kbassist.drafting.step_pointers import pointers_kept, relative_links_said
from kbassist.drafting.step_refs import step_refs_said, step_runs_said
from kbassist.drafting.steps import (
    INFO_CHECK,
    INFO_STEP,
    announce_only,
    final_steps,
    info_only,
)
from kbassist.drafting.steps_in_turn import said_as_steps
from kbassist.drafting.summary_leads import leads_shown, summary_leads
from kbassist.drafting.symptom_also import also_choice
from kbassist.drafting.symptom_forms import sentence_forms
from kbassist.drafting.symptom_kinds import event_label, told_by_label, wider_label, with_it
from kbassist.drafting.symptom_leads import first_body_section, opening_form
from kbassist.drafting.symptom_left import yes_no_shown
from kbassist.drafting.symptom_only import either_events, fuller_label, symptom_only
from kbassist.drafting.symptom_others import every_form
from kbassist.drafting.symptom_sides import side_forms, telling_start
from kbassist.drafting.symptom_text import paragraphs_kept, symptom_readable
from kbassist.drafting.symptoms import (
    MAX_SYMPTOM_CHARS,
    SUMMARY_KEYS,
    TURN_RE,
    article_symptom,
    find_section,
    is_turn,
    shown_together,
    symptom_messages,
)
from kbassist.drafting.task_ways import task_way_steps
from kbassist.drafting.text import (
    DETAIL_SEP,
    HORIZON_WORDS,
    PARAM_HELP,
    PARAM_TITLE,
    Hinted,
    Param,
    brace,
    find_params,
    is_boilerplate,
    sentence_cut,
    short_label,
    shorten,
    split_detail,
    split_sentences,
    step_text,
    with_detail,
)
from kbassist.drafting.this_outcome import diagnostic_verify, own_tool_verify
from kbassist.drafting.tick_kinds import installed_first, tick_kinds
from kbassist.drafting.ticks import (
    case_heads_its_steps,
    junk_free,
    named_label,
    object_in_step,
    relabel_plain,
    said_plainly,
    statements_first,
    statements_shown,
    steps_announced,
    without_file_table,
)
from kbassist.drafting.titled_cases import titled_case_steps
from kbassist.drafting.told_apart import told_apart
from kbassist.drafting.typed_commands import commands_option, correct_syntax_steps
from kbassist.drafting.typed_ranges import range_steps
from kbassist.drafting.undo_ways import either_undo
from kbassist.drafting.verify import (
    REPRO_PREFIX,
    backup_fits,
    bare_pronoun,
    cause_check,
    ignore_check,
    ignore_sentence,
    installed_version_check,
    junk_more_options,
    otherwise,
    problem_sentence,
    quoted_message,
    registry_backup,
    registry_backup_at,
    repro_check,
    shared_version_check,
    states_problem,
    title_check,
    version_check,
)
from kbassist.drafting.verify_against import (
    design_limit,
    events_lead_at,
    limit_said,
    limit_turned,
    listed_events_check,
    without_failed_remedy,
)
from kbassist.drafting.verify_avoided import avoided_verify, instead_verify
from kbassist.drafting.verify_background import background_verify
from kbassist.drafting.verify_changed import changed_verify
from kbassist.drafting.verify_conditions import (
    design_verify,
    fitting_verify,
    other_way_repro,
    without_progress,
)
from kbassist.drafting.verify_examples import verify_examples
from kbassist.drafting.verify_fit import fit_outcome, list_items_said
from kbassist.drafting.verify_form import for_outcome, reshape, sentences_check, upgraded
from kbassist.drafting.verify_observable import interrupt_verify, one_observable
from kbassist.drafting.verify_redo import redo_turned
from kbassist.drafting.verify_said import problem_only
from kbassist.drafting.verify_split import pasted_split_check
from kbassist.drafting.verify_stays import stays_verify
from kbassist.drafting.verify_trigger import redo_message_verify, second_run_verify
from kbassist.drafting.version_menu import version_first
from kbassist.drafting.wait_pack import WAIT_KIND, wait_options, wait_question
from kbassist.drafting.way_paras import way_lead_cut
from kbassist.drafting.ways import way_steps
from kbassist.drafting.whole_symptoms import whole_symptom_label
from kbassist.drafting.yaml_emit import emit_draft, emit_text
from kbassist.errors import DataError
from kbassist.trees.model import DRAFT_PATH, DRAFT_SUFFIX, Tree, TreeProblem
from kbassist.trees.safe_yaml import MAX_TREE_BYTES, QuickResolve
from kbassist.trees.templates import TemplateError, parse_template
from kbassist.trees.values import InvalidValue, check_format

#: Checklist lines are cut here (at a word) so a code listing does not become one line
#: of 5,000 characters; the citation points to the full text.
MAX_ITEM_CHARS = 500
#: At most this many inputs per mitigation; further literals stay as written.
MAX_INPUTS_PER_OPTION = 5
#: Placeholders (`<your_domain.com>`) are asked first-class: up to this many per option.
MAX_PLACEHOLDERS_PER_OPTION = 8
#: An alert runbook's commands name many things (VM, pod, node, image, attachment): each
#: placeholder a command needs is asked, up to this many per option (round 11).
MAX_RUNBOOK_PLACEHOLDERS = 16
NOT_THIS_ID = "not_this_article"
FALLBACK_ID = "read_article"


class DraftError(DataError):
    """The article has nothing a tree could cite (no sections with text)."""


#: A label must say something: at least one letter or digit.
_WORDY_RE = re.compile(r"[^\W_]")
_TAG_PREFIX_RE = re.compile(r"^(?:[A-Z]{2,8}|Mac Bkup|[A-Z][a-z]+ ?[A-Z]?[a-z]*):\s+")


# --------------------------------------------------------------------------- the tree


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "section"


def draft_id(article: Article) -> str:
    """`Q98097` -> `q98097-draft`: the id (and file name) a draft gets by default."""
    base = re.sub(r"[^a-z0-9._-]+", "-", article.id.lower()).strip("-._") or "article"
    return f"{base[:90]}{DRAFT_SUFFIX}"


def _cite(article: Article, section: Section) -> dict[str, str]:
    return {"article": article.id, "section": section.name}


def _template(
    text: str, params: dict[str, str], roots: frozenset[str] = frozenset()
) -> tuple[str, list[Param]]:
    """Item text with each known literal replaced by its `{variable}`; a drive or path
    asked in the prose ("Windows is installed on your C drive", "C:\\WINDOWS") is also
    put into the command that spells it in lower case (`c:\\windows\\system`). A drive
    placeholder in `roots` (refs) stands for the drive's root: the letter gets ":\\"."""
    out: list[str] = []
    used: list[Param] = []
    at = 0
    found: list[tuple[int, int, Param]] = list(find_params(text))
    shell = {k.split(":", 1)[1] for k in params if k.startswith("placeholder:$")}
    mine = {n for k in params if k.startswith("placeholder:") and is_my_name(n := k[12:])}
    stand = {n for k in params if k.startswith("placeholder:") and is_stand_in(n := k[12:])}
    if shell or mine or stand:  # a modern article's asked `$NS`, `MyServerName`: alike
        named = [*shell_spans(text, shell), *my_spans(text, mine)]
        named += [n for n in stand_in_spans(text, stand) if not _overlaps(n, named)]
        spans = [(s, e, Param("placeholder", n, n)) for s, e, n in named]
        free = [f for f in found if not any(f[0] < e and s < f[1] for s, e, _ in spans)]
        found = sorted([*free, *spans], key=lambda f: f[0])
    examples = {k[8:] for k in params if k.startswith("example:")}
    if examples:  # "(example: 055 and 0055)", `IUSR_IISBOX`: the asked value stands there
        shown = example_spans(text, examples)
        # an example name inside an asked path (`C:\\SQL\\Contoso\\x.mdf`): the path's
        # answer stands there whole, the name is replaced where it stands alone
        shown = [x for x in shown if not _inside_asked(x, found, params)]
        spans = [(s, e, Param("example", n, n)) for s, e, n in shown]
        free = [f for f in found if not any(f[0] < e and s < f[1] for s, e, _ in spans)]
        found = sorted([*free, *spans], key=lambda f: f[0])
    for start, end, param in found:
        var = params.get(f"{param.kind}:{param.key}")
        if var is None or in_shown_output(text, start):  # sample output: as the article shows it
            continue
        out.append(_in_paths(text[at:start], params))
        # `<drive:>` stands for "D:": the answer is the letter, the colon stays
        colon = ":" if param.literal.endswith(":>") else ""
        if f"{param.kind}:{param.key}" in roots:
            colon = ":\\"  # `<Drive>$Recycle.bin`: the asked letter, as the drive's root
        out.append("{" + var + "}" + colon)
        used.append(param)
        at = end
    out.append(_in_paths(text[at:], params))
    return "".join(out), used


def _inside_asked(
    span: tuple[int, int, str], found: list[tuple[int, int, Param]], params: dict[str, str]
) -> bool:
    """Whether an example's span lies strictly inside an asked path's span."""
    return any(
        p.kind == "path"
        and s <= span[0]
        and span[1] <= e
        and (s, e) != span[:2]
        and f"{p.kind}:{p.key}" in params
        for s, e, p in found
    )


#: What follows a drive placeholder that stands for the drive's root: a name
#: (`<Drive>$Recycle.bin`, `<drive>386spart.par`, `<DRIVE>%USERNAME%`), not a colon or a
#: share's lone `$` (`\\server\<drive>$`).
_ROOT_NAME_RE = re.compile(r"[\w%]|\$\w")


def _overlaps(span: tuple[int, int, str], others: list[tuple[int, int, str]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e, _ in others)


def drive_roots(items: list[str]) -> frozenset[str]:
    """Refs of the drive placeholders the steps write glued to a file or folder name
    (`RD <Drive>$Recycle.bin /s /q`): the article's `<Drive>` is the root ("C:\\"), so an
    asked letter "D" must be written "D:\\" wherever the placeholder stands."""
    roots: set[str] = set()
    for item in items:
        if "<" not in item:
            continue  # no `<Drive>`-like placeholder (the common case: read nothing)
        for _, end, param in find_params(item):  # cached: the drafter has read `item`
            if (
                param.kind == "placeholder"
                and not param.literal.endswith(":>")
                and not param.key.startswith("drive:")
                and _ROOT_NAME_RE.match(item, end)
                and _placeholder_kind(param, "") == "drive letter"
            ):
                roots.add(f"{param.kind}:{param.key}")
    return frozenset(roots)


_PRONOUN_RE = re.compile(r"\b(?:it|them|this|that|these|those)\b", re.IGNORECASE)


def _keep_referents(option: Option, written: list[str]) -> None:
    """ "If the chronyd service is stopped, start it:" stays whole: "Start it:" alone has
    lost what "it" is. Only when the step count did not change (same items in order)."""
    if len(written) != len(option.items):
        return
    for n in option.when:
        if 0 <= n < len(written):
            text = split_detail(option.items[n])[0]
            if len(text.split()) <= 4 and _PRONOUN_RE.search(text):
                option.items[n] = written[n]


#: A step whose detail is what the admin finds, not what they type.
_LOOK_FOR_RE = re.compile(
    r"(?:\blook for|\byou (?:will |should )?see|\bis (?:displayed|logged|shown)|\bresembles?"
    r"|\bsimilar to the following|\boutput)\b[^.;]*:$",
    re.IGNORECASE,
)


#: "In an IDQ file, use a command line similar to the following:", "... by adding a line
#: similar to the following in the login script:", "... closes the file handle a command
#: line similar to the following:": a line to type, though "similar to the following"
#: usually leads to what is shown.
_TYPE_SIMILAR_RE = re.compile(
    r"\b(?:use|type|add|adding|enter|run|insert|create|command(?: line)?)\b[^.;:]{0,40}"
    r"\bsimilar\s+to\s+the\s+following\b[^.;:]{0,40}:$",
    re.IGNORECASE,
)


def _askable(item: str, article: Article) -> str:
    """The part of a step whose placeholders are asked: not the alert text a runbook
    quotes ("Alert text: Storage node <nod-name> went down."), a sample output table
    (`<StatisticsName> | <DateTime>`), a sample log line or event entry, the listing
    after "... resembles the following:", or what an MS KB step says to look for ("look
    for the following entry: ..."), which are only shown."""
    if article.style == "mskb":
        text, detail = split_detail(item)
        # "look for the following entry: Local-Cred "<password>"": what you find, not type
        # ("use a command line similar to the following:" is typed, its placeholders asked)
        # every match ends the text with its colon (`:$`): tested first, a cheap test
        shown = (
            text.endswith((":", ":\n"))
            and _LOOK_FOR_RE.search(text)
            and not _TYPE_SIMILAR_RE.search(text)
        )
        if detail and (shown or example_listing_lead(text)):
            return text
        # "... the example Configuration file ...:"; "The output is similar to the following:"
        return before_output_listing(before_example_listing(item))
    item = without_name_listings(item)  # a folder tree, a dialog's options: shown
    lead = split_detail(item)[0]
    if (sample_lead(lead) or example_listing_lead(lead) or shown_lead(lead)) and not (
        commands_before_output(item)
    ):
        return split_detail(item)[0]  # "... an entry that resembles the following:": shown
    item = before_example_listing(item)  # "... the example Configuration file ...:"
    item = shown_lines(item)  # a quoted message, a sample entry's `Date: <Datetime>`
    if "Alert text: " not in item and "Table: " not in item:
        return shown_removed(item)  # log lines, quoted messages (the detail's first too)
    kept: list[str] = []
    shown = False  # inside alert text or a sample output table: shown, never asked
    for line in item.replace(DETAIL_SEP, "\n").split("\n"):
        if line.startswith(("Alert text: ", "Table: ")):
            shown = True
        elif not line.strip():
            shown = False
        if not shown and not log_line(line):
            kept.append(line)
    return "\n".join(kept)


def _media_drive(article: Article, items: list[str], asked: list[Param]) -> Param | None:
    """The drive letter of the CD-ROM, floppy or service-pack disk a fix takes a file
    from, as its command writes it (`expand d:\\i386\\ntprint.dl_ ...`): asked, since the
    reader's drive differs; not a letter in an example ("For example, if the disk is in
    drive A, type copy a:\\..."), which the article's placeholder stands for."""
    askable = [_askable(i, article) for i in items]
    found = media_letters(askable)
    if not found or any(_in_example(askable[n], start) for n, start, _, _ in found):
        return None
    letter = found[0][3]
    if any(p.kind == "path" and p.literal[:2].casefold() == f"{letter}:".casefold() for p in asked):
        return None  # `D:\Setup\Tlist.vbx` is asked whole: its letter is in that answer
    return Param("drive", letter.upper(), letter.casefold())


def _medium_context(option: Option, param: Param) -> str:
    """The step naming the medium an asked drive letter stands for ("" if none): the
    letter is then that medium's, and its input says so."""
    steps = [*option.pre_items, *option.items]
    found = media_letters(steps)
    if not found or found[0][3].casefold() != param.key:
        return ""
    if any(p.kind == "placeholder" and "drive" in p.key.casefold() for p in option.params):
        return ""  # `copy <drive>:\config.sys a:\`: the `<drive>` is the source
    at = found[0][0]  # the command's own step, else the nearest before it, else after
    named = [n for n, s in enumerate(steps) if names_source(s)]
    before = [n for n in named if n <= at]
    return steps[before[-1] if before else named[0]]


def _media_command(option: Option, letter: str) -> str:
    """The first line of the fix that writes the medium's drive `letter` as `d:\\...`."""
    mark = letter + ":\\"
    return next(
        (
            sentence
            for item in [*option.pre_items, *option.items]
            for line in item.replace(DETAIL_SEP, "\n").split("\n")
            if mark in line.casefold()
            for sentence in split_sentences(" ".join(line.split()))
            if mark in sentence.casefold()
        ),
        "",
    )


def _in_paths(text: str, params: dict[str, str]) -> str:
    """`text` braced, with the asked paths and drive letters found inside its lower-case
    paths (`c:\\windows\\system\\x.dll`, `a:\\setup`) replaced by their variables."""
    spots: list[tuple[int, int, str]] = []
    for ref, var in params.items():
        kind, _, key = ref.partition(":")
        if kind == "path":
            pattern = rf"(?<![\w\\]){re.escape(key)}(?=\\|[\s\"']|$)"
        elif (kind == "drive" and len(key) == 1) or ref.startswith("placeholder:drive:"):
            pattern = rf"(?<![\w\\{{]){re.escape(key[-1])}(?=:\\)"
        else:
            continue
        for match in re.finditer(pattern, text, re.IGNORECASE):
            if not any(match.start() < e and s < match.end() for s, e, _ in spots):
                spots.append((match.start(), match.end(), var))
    if not spots:
        return brace(text)
    out: list[str] = []
    at = 0
    for start, end, var in sorted(spots):
        out.append(brace(text[at:start]))
        out.append("{" + var + "}")
        at = end
    out.append(brace(text[at:]))
    return "".join(out)


_EXAMPLE_START_RE = re.compile(
    r"\s*(?:for (?:example|instance)|e\.g\.|typically, (?:this|it) is\b)", re.IGNORECASE
)


def _in_example(text: str, at: int) -> bool:
    """Whether position `at` is in a sentence that gives an example ("For example, if the
    installation disk is in drive A ..."): its values illustrate a placeholder."""
    start = max(text.rfind(mark, 0, at) for mark in (". ", ": ", "\n", "\x1f")) + 1
    if _EXAMPLE_START_RE.match(text, start):
        return True
    # the sentence wrapped over lines ("For example, if you ran it from the" + "TEST
    # directory on drive D, ..."): its start is past the line break (round 32)
    opened = max(text.rfind(mark, 0, at) for mark in (". ", ": ", "\n\n", "\x1f")) + 1
    if opened < start and _EXAMPLE_START_RE.match(" ".join(text[opened:at].split())):
        return True
    # the line under "For example, if ..., your line will be similar to the following:"
    before = text[: max(text.rfind("\n", 0, at), 0)].rstrip()
    if not before.endswith(":"):
        return False
    lead = max(before.rfind(mark) for mark in (". ", "\n\n", "\x1f")) + 1
    return bool(_EXAMPLE_START_RE.match(" ".join(before[lead:].split())))


def draft_tree(article: Article, tree_id: str | None = None) -> dict[str, Any]:
    """The draft tree of `article` as a YAML-ready dict (keys in the order written).

    `tree_id` defaults to `draft_id(article)`; a tree file must be named after its id.
    Raises DraftError when the article has no section with text to cite.
    """
    cited = [s for s in article.sections if s.text.strip()]
    if not cited:
        raise DraftError(f"{article.id} has no text to draft a tree from", path=article.source)
    tree_id = tree_id or draft_id(article)
    symptom, symptom_section = article_symptom(article)
    cause, cause_section = article_cause(article)
    if article.style == "mskb" and cause_section is not None and cause_section is symptom_section:
        symptom = without_cause(symptom, cause)  # "This occurs if X" is the cause node's
    cause_shown = ""  # the cause node's text when the CAUSE shows a table (its rows kept)
    if (
        article.style == "mskb"
        and cause_section is not None
        and cause_section.key in ("cause", "causes")
        and has_flat_table(cause_section.text)
    ):
        cause, cause_shown = cause_texts(cause_section.text, MAX_CAUSE_CHARS)
    lead, options, _ = article_plan(article)
    also: tuple[str, str, Option] | None = None
    if article.style == "mskb":
        junk = junk_more_options(options)  # reproduction steps and notes are no fixes
        options = [o for o in options if all(o is not j for j in junk)]
        options = registry_note_options(options)  # "Note that you should back up ...": none
        _confirm_first(article, options)
        options = no_fix_options(article, options)  # "no resolution": say so, tick nothing
        options = design_options(article, options)  # by design, or a limit: nothing to remove
        options = pack_apart(options)  # "To work around, X. To resolve, obtain the SP": two
        options = pointer_options(article, options)  # "Obtain the hotfix mentioned below"
        options = support_options(article, options)  # STATUS: "A supported fix is available"
        options = wait_options(article, options)  # the hotfix notice's "wait for the next SP"
        options = stale_waits(article, options)  # ... unless STATUS says the pack is out
        options = download_options(article, options)  # the hotfix download beside the SP
        options = pack_or_update_options(article, options)  # "the SP or the individual update"
        options = language_downloads(options)  # "US English:", "Dutch:" files: one step
        also = _also_cause(cause_section, options)
        if also is not None:  # "This error can also happen if X. ... worked around by Y"
            options.append(also[2])
    groups: list[Group] = []
    if article.style != "mskb":
        symptom, cause, cause_section, options = modern_plan(
            article, symptom, cause, cause_section, options
        )
        options, groups = cause_groups(article, options)  # "## Cause 1: X" ... "## Cause 6"
        groups = groups or scenario_groups(article, options)  # Symptoms' scenario conditions
        grouped = group_causes(groups, cause, cause_section)
        if grouped is not None:  # the causes are per message, not the summary's first lines
            cause, cause_section = grouped
        if not groups:  # "**Case 1 - X**" / "**Case 2 - Y**" over their steps: which case
            options, groups = case_part_options(article, options)
    else:  # "Case 1: X" / "Case 2: Y" sub-headings, each over its own fix (cases40)
        lead, options, groups = kb_case_options(article, lead, options)
    options = because_cases(options)  # "If this issue occurs because X, do Y" in a step
    if article.style == "mskb":  # "If the issue continues to occur, do Y": after the fix
        own_causes = cause_section is not None and cause_section.key in ("cause", "causes")
        if own_causes and cause_section is not None:  # "1. ... a. b. 2. ..." one part a cause
            numbered = cause_labels(cause_section) or listed_causes(cause_section)
            options = cause_parts(numbered, options)
        options = chain_follow_ups(options)
    if article.style != "mskb":  # "If the issue does not resolve itself, do Y": after X
        options = fallback_follows(options)
    options = other_ways(options)  # "Do X. Instead, you can do Y": two fixes, not one tick
    if article.style == "mskb":
        options = alternative_paras(options)  # "Instead of X, you could use Y": a choice
    missing_first(options)  # "If the driver is not installed, install it" before its use
    missing_created(options)  # a note "If the X key is missing, create it: ...": a step
    preconditions_first(options)  # "... before using the instructions above": first
    must_follow_ups(options)  # "After you delete X, you must reenter Y": Y ticked after
    if article.style == "mskb":
        noted_gates(options)  # "NOTE: This method is only for I386-based computers": asked
    asked_ifs = 0
    for option in options:
        if option.case and (
            symptom_section is None
            or _LATER_CASE_RE.search(option.case)
            or not _IF_START_RE.match(option.case)
            or not _askable_case(_IF_START_RE.sub("", option.case, count=1))
        ):
            option.case = ""  # "no" would have nowhere to go, or it is known only later
        shared = any(o is not option and o.section is option.section for o in options)
        option.items, option.checks, option.backup = _steps_checks_backup(
            article, option, shared=shared
        )
        if article.style != "mskb":
            option.items = fold_example_steps(option.items)  # "Here's a correct command:"
        option.items, undone = undo_steps(option.items)
        # a follow-up's "back to the original setting"; "either of the following methods:"
        option.undo = either_undo([*undone, *option.undo], option.section.text)  # versions40
        if article.style != "mskb":  # "set noup" ... "Clear these flags with: unset noup"
            cleared_flags_undo(option)
            restored_value_undo(option)  # "Then patch it to the previous value after X"
        if option.chain:  # "If the issue continues, proceed to the next method": asked
            option.items = without_pointers(option.items)
        if not option.case and symptom_section is not None:
            option.items, option.case = conditions_case(option.items)
            if option.case:  # "Safely ignore X when the following conditions": the action
                option.label = _CONDITIONS_LABEL_RE.sub("", option.label) or option.label
        if option.kind != "reference" and not option.when:
            if article.style == "mskb":  # "One way to X is to Y:": "Y:", the fix named by Y
                way_lead_cut(option)
            first = option.items[0] if option.items else ""
            if article.style == "mskb":  # "The problem does not occur if you X": "X"
                option.items = [item_as_action(item) for item in option.items]
                # "If X, you must set it manually. To do so, Y": "If X, set it manually: Y"
                option.items = steps_announced([said_plainly(i) for i in option.items])
                option.items = [statements_first(i) for i in option.items]  # "X has Y. Do Z"
                option.items = place_non_steps(option.items)  # headings, code, "Please X"
                option.items = one_action_ticks(option.items)  # notes shown, a step each
                option.items = note_condition_step(option.items)  # "NOTE: If X, you must Y"
            else:  # markup, the site's boilerplate, statements and headings: not ticked
                option.items = names_shown(option.items, option.section)  # a tree: shown
                modern_ticks(article, option)
                option.items = asides_shown(option.items)  # "E.g. ...", "In this command"
                lead_action(option)  # "..., and then restart X:": ticked after the steps
                advice_as_step(option)  # "we recommend that you contact X": a step
            installed_first(option)  # "Make sure that this update is installed.": ticked
            option.items = glued_notes(option.items)  # notes beside, leads over steps
            option.items, option.checks = final_steps(option.items, option.checks)
            option.items = [means_joined(i) for i in option.items]  # "X. You can do this by Y"
            if option.items:  # a label named by a statement the pass said as its action
                option.label = relabel(option.label, first, option.items[0])
                if article.style == "mskb":
                    option.label = relabel_plain(option.label, first, option.items[0])
                    option.items = [object_in_step(i) for i in option.items]  # "subkey: HKEY.."
                    option.items = statements_shown(option.items)  # "X can open Y; however..."
                    option.items = junk_free(option.items)  # "DownloadDownload"
            if article.style == "mskb":
                workaround_ticked(option, symptom)  # "The only known workaround is to X": X ticked
                if not any(o.kind == "upgrade" for o in options):  # else: the update's note
                    option.items = released_fix(option, option.items)  # "fixed in X": get X
                option.items = info_only(option.items)  # statements only: tell the user
                if option.items[:1] and option.items[0].startswith(INFO_STEP):
                    option.checks = option.checks or [INFO_CHECK]  # no "problem is gone"
                # "Obtain the fix": then install it (another fix's table is not its own)
                fixes_beside = [o for o in options if o is not option and o.kind != WAIT_KIND]
                install_after_obtain(
                    article, option, any(o.section is option.section for o in fixes_beside)
                )
                post_fix_steps(article, option)  # MORE INFORMATION's "After you apply the fix"
                pointed_article(option)  # "Use X. For more information, click ...: Qn": "see Qn"
            option.pre_items = final_steps(option.pre_items, [], results=False)[0]
            if article.style != "mskb":
                restart_step(option, [option.section, cause_section])  # "... and reboot"
                by_design_lead(option)  # "This is by design. ...": the outcome's text
                lead_ins_shown(option)  # a cause's "... by using the following steps:"
        if article.style == "mskb":  # "Click OK. Click Yes. Restart.": a tick each
            option.items = action_run_ticks(option.items)
        prompted_notes(option)  # "If you are prompted ..., quit": a note on its step
        option.items = noted_restart(option.items)  # "restart X for it to take effect"
        option.items = event_ticks(option.items)  # "X. When Y starts, do Z.": two ticks
        option.items, in_case = in_case_as_if(option.items)  # "In case X, Y": "If X, Y"
        also_checks_noted(option, option.section.text)  # "You can also verify X": a note
        written = list(option.items)
        asked_before = len(option.asks)
        asked_ifs = _conditional_steps(
            option, asked_ifs, article.style != "mskb", cased=symptom_section is not None
        )
        # CAUSE "may be caused by A." / "may be generated if B.": which, a fix each (causes34)
        cause_case_steps(article, option, asked_before, written)
        in_case_kept(option, in_case)  # not asked: the article's words (round 30)
        if article.style == "mskb":  # "If X, use the following steps to Y.": X's steps
            option.items, option.when = case_heads_its_steps(option.items, option.when)
        or_steps_joined(option)  # "Restart X." / "Or you can stop and start X ...": one step
        # "X <block> or Y": the two halves of a sentence the article's block cut (round 30)
        asked_ifs = broken_or_steps(option, asked_ifs, MAX_ASKED_CASES)
        # "X. Alternatively, Y"; in MS KB prose also "X, or Y"
        asked_ifs = way_steps(option, asked_ifs, MAX_ASKED_CASES, article.style == "mskb")
        # "To edit the article, ..." / "To delete the article, ...": which task (round 26)
        asked_ifs = task_way_steps(option, article.title, asked_ifs, MAX_ASKED_CASES)
        # CAUSE "1. A 2. B" over RESOLUTION "1. fix A 2. fix B": which cause (round 26)
        asked_ifs = numbered_cause_steps(article, option, asked_ifs, MAX_ASKED_CASES)
        if article.style == "mskb":  # "two possible causes: - A - B", a fix each (round 27)
            asked_ifs = alt_cause_steps(article, option, asked_ifs, MAX_ASKED_CASES)
        if article.style == "mskb":  # a stage's "Method 1: ..." / "Method 2: ..." (round 25)
            asked_ifs = marked_way_steps(option, asked_ifs)
        asked_ifs = or_both_steps(option, asked_ifs)  # "Create X for A, B, or both." / A / B
        # "perform one of the following tasks:" over "- A -or- - B": which one (cases33)
        asked_ifs = one_of_steps(option, asked_ifs, MAX_ASKED_CASES)
        if article.style == "mskb":  # "obtain the latest SP for A" / "... for B": which (cases33)
            asked_ifs = product_pack_steps(option, asked_ifs, MAX_ASKED_CASES)
        if article.style == "mskb":  # "Windows 95:" / "Windows 98:" over steps: which (round 34)
            asked_ifs = scoped_steps(option, asked_ifs, MAX_ASKED_CASES)
            # "For MS-DOS 6.0, use X." / "For MS-DOS 6.22, use Y.": which (versions40)
            asked_ifs = prefixed_steps(option, asked_ifs, MAX_ASKED_CASES)
        if article.style != "mskb":
            _keep_referents(option, written)
            asked_ifs = version_steps(option, cause_steps(option, asked_ifs))
            asked_ifs = horizon_steps(option, asked_ifs)
            asked_ifs = subject_steps(option, written, asked_ifs)
            asked_ifs = lead_case_steps(option, asked_ifs)
            # "use one of the following methods:" over its ways: which one, not all in turn
            shared = any(o is not option and o.lead == option.lead for o in options)
            asked_ifs = method_list_steps(option, asked_ifs, shared)
            asked_ifs = marked_way_steps(option, asked_ifs)  # "Method 1: ..." / "Method 2: ..."
            asked_ifs = found_case_steps(option, asked_ifs)
            # "one or both of the following problems:" over a titled part each (round 27)
            asked_ifs = titled_case_steps(option, asked_ifs, MAX_ASKED_CASES)
            # "this could be the result of: - A, resolved by X - B, ...": which (round 32)
            asked_ifs = cause_lead_steps(article, option, asked_ifs)
            if len(options) == 1:  # "one of the following reasons: - A - B": which is it
                asked_ifs = cause_list_steps(article, option, asked_ifs)
            if is_alert_runbook(article):  # "If the logs show X, fix Y": which X was shown
                asked_ifs = found_cases_asked(option, written, asked_ifs, len(options) == 1)
        lead_step_spans(option)  # "If the node cannot be recovered:" and its steps
        if article.style == "mskb":  # "If X is not so, use the following steps": theirs
            announced_spans(option)
            leads_over_steps(option)  # "Remove X by doing the following:" over its steps
            group_titles(option)  # "Check the X shares:" over its a./b. steps: a title
        order_asks(option)  # questions in the order of the steps they decide
        if article.style != "mskb":
            case_leads_shown(option)  # "If X, follow these steps:" over X's steps
            titles_over_steps(option)  # "Increase the capacity of the volume:" over its steps
            heading_ticks(article, option)  # "**Case 1 - X**" over its nested steps: a title
    if len(options) > 1:  # "Resolution: Use the following method", its methods beside it
        options = [o for o in options if not announce_only(o.items)] or options
        options = one_fix_merged(options)  # "Add setting X" beside "To add this setting: 1."
    if article.style == "mskb":
        options = _info_under_upgrade(options)  # "RPC runtime will now retry ...": the update's
        options = dated_options(options)  # "Resolution: Release Date: May 1, 2001": no fix
        options = same_release_merged(options)  # RESOLUTION and STATUS: the same release
    if len(options) > 1:
        for option in options:
            glued_heading(option)  # "Windows NT 4.0 To resolve this problem, obtain ..."
    for option, later in pairwise(options):
        if len(option.items) > 1 and len(option.items) - 1 not in option.when:
            follows = " ".join([later.label, *[split_detail(i)[0] for i in later.items[:1]]])
            if is_heading_of(option.items[-1], follows):
                # the next product's heading, not a step of this one: it names that one
                later.label = split_detail(option.items.pop())[0].strip()

    correct_syntax_steps(article, options)  # "No fix" + "The correct syntax for X is:"
    for option in options:
        range_steps(option)  # "type a value between 5000 and 65534": a bounded number
        if article.style == "mskb":
            prose_value_steps(option)  # "Type the IP address of your WINS server": asked
    if not options and (typed := commands_option(article)) is not None:
        options = [typed]  # no fix found, but commands to type: asked and filled in

    # Ids, labels and choice values, unique; one variable per distinct literal.
    used_ids: set[str] = {"cause", "mitigation"}
    counters: dict[str, int] = {}
    variables: dict[str, str] = {}  # "kind:key" -> variable name
    labels: set[str] = set()
    bases: list[str] = []  # each option's label before "(2)" told it from a sibling's
    for option in options:
        base = "upgrade" if option.kind == "upgrade" else _slug(option.section.name)[:40]
        if base[:1].isdigit():  # "5. DOCUMENTATION CORRECTIONS": a node id starts with a letter
            base = f"section_{base}"[:40]
        n = 1
        option.id = base if option.kind == "upgrade" else f"{base}_{n}"
        while option.id in used_ids:
            n += 1
            option.id = f"{base}_{n}"
        used_ids.add(option.id)
        if article.style == "mskb":
            registry_note_named(option)  # not "Note that you should back up the registry"
        option.label = _tidy(article, option, len(options))
        workaround_titled(article, option, options)  # "To work around ...": not "Resolution"
        note_titled(option, _is_action)  # not "There is no way to ...": the step's action
        summary_tick_dropped(option)  # "Modify the registry." over the step that does it
        noted_actions(option)  # a note's "Disabling X solved this problem": "Disable X."
        restated_goal_dropped(option)  # "Start X." before "To start X: Click ...": the lead
        if not _WORDY_RE.search(option.label):  # a label of only punctuation, or nothing
            option.label = f"{option.section.name.title()} {len(used_ids) - 1}"
        bases.append(option.label)
        label, n = option.label, 1
        while label.casefold() in labels or label.casefold() == option.id:
            n += 1
            label = f"{option.label} ({n})"
        labels.add(label.casefold())
        option.label = label
        seen: set[str] = set()
        literals = 0
        cap = MAX_RUNBOOK_PLACEHOLDERS if is_alert_runbook(article) else MAX_PLACEHOLDERS_PER_OPTION
        # a reference page's `<OUTPUT_NAME>` is part of what it documents, not a value to type
        asked = [] if option.kind == "reference" else [*option.pre_items, *option.items]
        has_placeholder = any(
            p.kind == "placeholder" for item in asked for _, _, p in find_params(item)
        )
        for item in asked:
            askable = _askable(item, article)
            for start, _, param in find_params(askable):
                ref = f"{param.kind}:{param.key}"
                if ref in seen or (
                    param.kind == "path" and article.style != "mskb" and system_path(param.literal)
                ):
                    continue  # a system path in a modern article is the article's, not yours
                if param.kind != "placeholder" and has_placeholder and _in_example(askable, start):
                    continue  # "For example, if the disk is in drive A": the placeholder's
                if (
                    param.kind == "placeholder"
                    and shown_value(param.literal)
                    and not _explanation(param.literal, asked)
                ):
                    continue  # `Class: <blank>`, `<NO NAME>: REG_SZ`: what is shown, as it is
                if param.kind == "placeholder" and shape_only(askable, start):
                    continue  # `\\ServerName\Sub1\...`: a path's shape, nothing to type
                if not_asked(param.kind, param.literal, askable, start, asked):
                    continue  # example output, an example's literal, a key, the fix's own file
                if article.style != "mskb" and in_shown_output(askable, start):
                    continue  # `scrape_pool=<monitor>/...` of a sample log line: shown
                if (
                    article.style != "mskb"
                    and param.kind == "placeholder"
                    and format_only(askable, start)
                ):
                    continue  # "in the format of `<namespace>/<name>`": a shape, not typed
                if param.kind == "placeholder" and in_caption(askable, start):
                    continue  # "The following screenshot ... shows the <DomainName>\x ..."
                if param.kind == "placeholder" and in_message_line(askable, start):
                    continue  # "the following errors: Invalid DOS path: "<path>\\x.ini""
                if param.kind == "placeholder" and in_log_line(askable, start):
                    continue  # `1 drain_controller.go:173] ... Evicted pod <namespace>/...`
                if param.kind == "placeholder":
                    if len(seen) - literals >= cap:
                        continue
                elif literals >= MAX_INPUTS_PER_OPTION:
                    continue
                else:
                    literals += 1
                seen.add(ref)
                if ref not in variables:
                    counters[param.kind] = counters.get(param.kind, 0) + 1
                    variables[ref] = f"{param.kind}_{counters[param.kind]}"
                option.params.append(param)
        _example_params(option, asked, article, seen, variables, counters)
        # (a `<drive>` or "where d is the CD-ROM drive" already asks the medium's letter)
        drive_asked = any(r.startswith("placeholder:") and "drive" in r.casefold() for r in seen)
        if article.style == "mskb" and literals < MAX_INPUTS_PER_OPTION and not drive_asked:
            media = _media_drive(article, asked, option.params)
            if media is not None and f"drive:{media.key}" not in seen:
                seen.add(f"drive:{media.key}")
                literals += 1
                ref = f"drive:{media.key}"
                if ref not in variables:
                    counters["drive"] = counters.get("drive", 0) + 1
                    variables[ref] = f"drive_{counters['drive']}"
                option.params.append(media)
        if article.style != "mskb" and asked:
            # `$VM` in a runbook's command that nothing in it sets: the admin's value
            steps = [*option.pre_items, *option.items]
            commands = [
                command
                for i in steps
                for text, detail in [split_detail(_askable(i, article))]
                for command in [*inline_commands(article, text), detail]
            ]
            names = [*shell_variables(article, commands), *my_names(article, commands)]
            names += [n for n in stand_in_names(article, commands) if n not in names]
            for name in names:
                if len(seen) - literals >= cap:
                    break
                ref = f"placeholder:{name}"
                seen.add(ref)
                if ref not in variables:
                    counters["placeholder"] = counters.get("placeholder", 0) + 1
                    variables[ref] = f"placeholder_{counters['placeholder']}"
                option.params.append(Param("placeholder", name, name))

    # "Rename the Mspst32.dll file" and "... (2)": each said to where its steps differ
    options_told_apart(options, bases)
    verify_text = reshape(
        problem_only(_verify_text(article, symptom, symptom_section)),  # no explanation
        symptom if symptom_section is not None else "",
        find_section(article, RESOLUTION_KEYS + WORKAROUND_KEYS) is not None
        and not (article.style != "mskb" and _resolution_by_design(article)),
    )
    # "..., but the shell may not start", "X may be reduced or Y may hang": still pasted
    verify_text = pasted_split_check(verify_text, symptom) or verify_text
    verify_text = list_items_said(verify_text)  # "...: - A - B" pasted flat: its items
    # the one thing to see (a value shown, a message quoted), not the paragraph or a mechanism
    verify_text = one_observable(verify_text, symptom if symptom_section is not None else "")
    verify_text = redo_turned(verify_text)  # "When you X, Y." pasted: X again, Y turned round
    if symptom_section is not None and symptom_section.key == "symptoms":
        # an MS KB symptom's background pasted ("The Readme.txt file states that ..."): its real
        # sentence ("However, if you run X, ...") is the check
        verify_text = background_verify(verify_text, symptom)
    # "X may not start, and the following events may be logged: ...": X starts, events gone
    if article.style == "mskb":
        verify_text = block_verify(verify_text, symptom if symptom_section is not None else "")
    elif symptom_section is not None:  # "... appears: Named Pipes A connection ...": no label
        verify_text = without_glued_label(verify_text, symptom_section.text)
    if symptom_section is not None:  # "In X, check that M ...": every case's message
        verify_text = every_case_verify(verify_text, symptom_section.text)
    if cause_section is not None:  # "This is by design.": never "the problem no longer occurs"
        verify_text = design_verify(verify_text, cause_section.text)
    for option in options:
        if option.asks and option.params:  # only an option with questions can have them
            _late_inputs(option, variables, _outcome(article, option, variables, verify_text, None))
    if article.style == "mskb" and verify_text.startswith(REPRO_PREFIX):
        for option in options:  # `shutdown \\<remote_computer> /a` typed again to check
            _repro_params(article, option, variables, counters, verify_text)

    nodes: list[dict[str, Any]] = []
    wished = [o for o in options if o.wish]
    rest = [o for o in options if not o.wish] if len(wished) == 1 and len(options) >= 2 else options
    wish = wished[0] if rest is not options else None
    if len(rest) >= 2:
        choose = "mitigation"
    elif rest:
        choose = _entry(rest[0], variables)
    else:
        choose = FALLBACK_ID
    first_after_cause = "wish" if wish is not None else choose
    groups = [g for g in groups if any(o in options for o in g.options)] if wish is None else []
    if len(groups) >= 2:
        first_after_cause = "which_cause"

    messages = symptom_messages(article, symptom_section) if symptom_section else []
    if article.style != "mskb":  # "> 18805 LogReader ..." is the message, not its markup
        messages = symptom_choices(list(dict.fromkeys(m for m in map(md_plain, messages) if m)))
        if symptom_section is not None and _seen_together(symptom_section.text):
            messages = []  # "You may notice the following symptoms: 1. ... 2. ...": all of them
    confirm_section = symptom_section
    opening = opening_form(symptom_section.text) if messages and symptom_section else ""
    if opening and article.style != "mskb" and opening not in messages:
        messages = [opening, *messages]  # "Other symptoms include ...:" adds to the first
    if not messages and symptom_section is not None:
        # no Symptoms section, the summary lists none: the first section's "you receive one
        # or more of the following error messages:" lists them, each a form to choose
        body = first_body_section(article, symptom_section)
        found = symptom_messages(article, body) if body is not None else []
        messages = symptom_choices(list(dict.fromkeys(m for m in map(md_plain, found) if m)))
        confirm_section = body if len(messages) >= 2 else symptom_section
    if article.style == "mskb" and symptom_section is not None:
        # alike but for addresses once; "X is corrupt or you receive ... the following."
        # offers X too; "... fail without any message" is a form, not "None of these"
        messages = every_form(symptom_section.text, messages)
    if symptom_section is not None:  # no OS list, scope note or bare lead as a choice
        messages = symptom_only(messages, (confirm_section or symptom_section).text)
        if len(messages) < 2:  # "Event ID 7000 or event ID 7026 is logged": either one
            messages = either_events(symptom_section.text) or messages
    side_labels: list[str] = []
    if len(messages) < 2 and symptom_section is not None:
        # "On the guest computer, ... "X"" / "On the host computer, ... "Y"": each side's
        side_labels = side_forms(symptom_section.text)
        messages = side_labels or messages
    # a modern symptom's forms ("When you try to start the X tool, ..." over its message,
    # "Symptom 2" over its messages, "## Symptom 1"): each offered, named and with its message
    scene, forms = symptom_forms(article, symptom_section)
    if article.style == "mskb" and not messages and symptom_section is not None:
        forms = sentence_forms(symptom_section)  # "X hangs. Even if X completes, Y hangs."
    if len(groups) >= 2 and all(g.message for g in groups):
        messages, forms = [], []  # "Which message do you see?" asks it, leading to its causes
    if symptom_section is not None and confirm_section is not None:
        after_symptom = "cause" if cause and cause_section is not None else first_after_cause
        nodes.append(
            _confirm_node(
                article,
                symptom,
                confirm_section or symptom_section,
                messages,
                after_symptom,
                bool(side_labels),
            )
            if not forms
            else _forms_node(article, scene or symptom, symptom_section, forms, after_symptom)
        )
    # A modern article's causes are shown with its cause text, never asked: every answer
    # would reach the same fixes, and a question whose answers all meet changes nothing.
    causes = (
        []
        if article.style != "mskb" or any(o.kind == "cause" for o in options)
        else cause_alternatives(cause_section, True)
    )
    # several causes over a RESOLUTION with one part per cause: ask which applies, each
    # answer leading to the fix that shares its key words
    own = cause_section is not None and cause_section.key in ("cause", "causes")
    modern = article.style != "mskb"
    cause_names = (
        cause_labels(cause_section, modern)
        if own and cause_section is not None and len(groups) < 2
        else []
    )
    # "This behavior can occur if X." / "This behavior can also occur if Y.": one
    # paragraph per cause, each asked when the fixes answer them apart
    by_para = (
        occur_causes(cause_section)
        if own and not modern and not cause_names and also is None and cause_section is not None
        else []
    )
    cause_names = cause_names or by_para
    pairs = pair_causes(cause_names, rest) if len(rest) >= 2 and wish is None else []
    ask_cause = paired(pairs, lead, rest) and (modern or bool(causes) or bool(by_para))
    if not cause_names and cause and len(groups) < 2 and len(rest) >= 2 and wish is None:
        # a runbook's "This alert has the following causes:" with a fix each (causes34)
        alert_causes = runbook_cause_names(article)
        alert_pairs = pair_causes(alert_causes, rest) if alert_causes else []
        if all_paired(alert_pairs):
            cause_names, pairs, ask_cause = alert_causes, alert_pairs, True
    if also is not None and wish is None and any(o is also[2] for o in rest):
        # the CAUSE's first cause goes with the article's fix, the "can also" one with its own
        others = [n for n, o in enumerate(rest) if o is not also[2]]
        cause_names = [also[0], also[1]]
        pairs = [others[0] if len(others) == 1 else None, rest.index(also[2])]
        ask_cause = True
    unpaired = ""
    if own and len(causes if not modern else cause_names) >= 2 and len(rest) >= 2 and not ask_cause:
        unpaired = "The article does not say which of these fixes goes with which cause."
    if cause and cause_section is not None and causes:
        # the causes share the article's fixes: asking which applies leads nowhere
        # different, so they are listed, one per line
        nodes.append(
            {
                "id": "cause",
                "kind": "info",
                "title": "Why it happens",
                "text": brace(rules_dropped(cause_listing(cause_section))),
                "source": _cite(article, cause_section),
                "next": "which_cause" if ask_cause else first_after_cause,
            }
        )
    elif cause and cause_section is not None:
        listed = rules_dropped(cause_listing(cause_section)) if article.style == "mskb" else ""
        nodes.append(
            {
                "id": "cause",
                "kind": "info",
                "title": "Why it happens",
                # a Markdown cause's bulleted causes one per line (causes34)
                "text": brace(cause_lines(article, cause_section, listed or cause_shown or cause)),
                "source": _cite(article, cause_section),
                "next": "which_cause" if ask_cause else first_after_cause,
            }
        )
    if ask_cause and cause_section is not None:
        nodes.append(_which_cause_node(article, cause_section, cause_names, pairs, rest, variables))
    if len(groups) >= 2:
        nodes.extend(_cause_group_nodes(article, groups, variables, choose))
    if wish is not None:
        nodes.append(_wish_node(article, wish, rest, _entry(wish, variables), choose))
    if len(rest) >= 2:
        # "Windows NT: Open \\WINNT\\System32": chosen by its name (not a case another
        # question, "Which cause applies?", already leads to)
        led = {c.get("next") for n in nodes for c in n.get("choices", [])}
        menu_cases_named([o for o in rest if f"{o.id}-case" not in led])
        for option in rest:  # "Method 1: Using Word 97 with Office 97": chosen by its name
            if option.case and label_states_case(option.label, option.case):
                option.case = ""
        conditional = all(o.condition for o in rest) or (
            article.style != "mskb" and sum(o.condition for o in rest) * 2 > len(rest)
        )
        by_cause = all(o.kind == "cause" for o in rest)
        question: dict[str, Any] = {
            "id": "mitigation",
            "kind": "question",
            "title": "What did you find?" if conditional else "Which mitigation?",
            "text": "Which of these matches what you found?"
            if conditional
            else "Which of the article's mitigations fits this system?",
        }
        if all(o.kind == "version" for o in rest):
            question["title"] = "Which of these do you run?"
            question["text"] = "The article's fix depends on the version. Which do you run?"
        if all(o.kind == "symptom" for o in rest):
            question["title"] = "Which of these do you see?"
            question["text"] = "The article covers several problems. Which one do you see?"
            lead = ""  # the fixes' lead-in says nothing about which problem is seen
        if by_cause:
            question["title"] = "Which cause applies?"
            question["text"] = "The article names several causes. Which of these applies here?"
        if conditional and article.style != "mskb" and rest[0].pre_items:
            # the cases are told apart by the Diagnosis checks, which run first in the
            # checklist: say so, so the admin can answer before ticking them
            named = "; ".join(short_label(split_detail(i)[0], 70) for i in rest[0].pre_items[:4])
            lead = f"{lead} The article's Diagnosis checks tell them apart: {named}.".strip()
        elif _diagnosis_choice(article, rest) and _diagnosis_points(article, rest):
            # a runbook's fixes, chosen by what its Diagnosis shows: say which checks, as
            # many as fit beside the lead (never cut mid-check)
            said = "Choose by what the article's Diagnosis checks show: "
            checks = [short_label(split_detail(i)[0], 70) for i in rest[0].pre_items[:4]]
            while checks and len(lead) + len(said) + len("; ".join(checks)) > 298:
                checks.pop()
            if checks:
                lead = f"{lead} {said}{'; '.join(checks)}.".strip()
        chains = chain_groups(rest)  # a fix and its "If the issue continues, do Y"
        nested = bool(chains) and not (len(chains) == 1 and len(chains[0]) == len(rest))
        if question["title"] == "Which mitigation?":
            offered = menu_options(rest, chains) if nested else rest  # follow-ups: no choice
            question, lead = _fixes_question(article, offered, question, lead)
        elif question["title"] == "What did you find?" and article.style == "mskb":
            # an MS KB article's cases ("If you use NTFS", "Steps for Windows 95"): what
            # applies here, not a finding
            question["title"] = "Which of these applies?"
            question["text"] = "The article's steps differ by case. Which of these applies here?"
        question = wait_question(article, question, rest)  # a fix now, or its service pack later
        way = pointed_question(article, [o.section for o in rest])
        if way is not None:  # "use one of the following methods": which way, not which fix
            question["title"], question["text"] = way
            lead = notes_apart(lead)
        if unpaired:
            lead = f"{lead} {unpaired}".strip()
        lead = _help_lead(lead)
        if lead:
            question["help"] = brace(sentence_cut(lead, 300))
        question["source"] = _cite(article, rest[0].section)
        question["choices"] = [
            {"value": o.id, "label": o.label, "next": _entry(o, variables)} for o in rest
        ]
        nodes.append(question)
        if not conditional and menu_in_turn(rest):  # offered as a menu, said in turn
            for option in rest:
                option.chain = True
                chained_steps(option)  # its "proceed to the next method" notes go
        if nested:  # a fix and its "If the issue continues, do Y" beside other fixes
            entries = [_entry(o, variables) for o in rest]
            nodes.extend(menu_with_chains(question, rest, chains, entries))
        elif all(o.chain for o in rest):  # methods tried in turn: "Still failing after 1?"
            chain = [_entry(o, variables) for o in rest]
            noun = "step" if said_as_steps(rest[0].section.text) else "method"
            noun = FOLLOW_NOUN if chains else noun
            nodes[-1:] = still_failing_nodes(question, rest, chain, noun)
            _chain_causes(nodes, chain, question["id"])
        elif not by_cause:  # "On Windows NT:" / "On Windows 95:" over their procedures
            nodes.extend(
                version_first(question, rest, article.id, article.style != "mskb")
            )  # system first

    if len(rest) == 1 and wish is None and not ask_cause and len(groups) < 2 and cause_section:
        # "occurs if A, or if B" over one fix for B only: A leads to no fix (round 29)
        split = unfixed_cause_split(article, rest[0])
        if split is not None and not any(n["id"] == WHICH_ID for n in nodes):
            for node in nodes:
                if node.get("next") == choose:
                    node["next"] = WHICH_ID
                for choice in node.get("choices", []):
                    if choice.get("next") == choose:
                        choice["next"] = WHICH_ID
            nodes.extend(unfixed_cause_nodes(article, cause_section, split, choose))
            named_fix(rest[0])
    for option in options:
        if option.applies:
            cite = _cite(article, option.section)
            after = _after_gate(option, variables)
            nodes.extend(gate_nodes(option.id, cite, option.applies, after, article.id))
        if option.case:
            nodes.append(_case_node(article, option, _first_node(option, variables)))
        outcome = _outcome(
            article, option, variables, verify_text, symptom_section, [o.items for o in options]
        )
        nodes.extend(_input_nodes(article, option, variables))
        nodes.extend(_ask_nodes(article, option, variables))
        late = _late_nodes(article, option, variables, outcome)
        nodes.extend(late)
        if not late or any(n.get("next") == option.id for n in late):
            nodes.append(outcome)  # reached by a path that has every input
    if not options:
        section = (
            find_section(article, RESOLUTION_KEYS + WORKAROUND_KEYS + MORE_KEYS + SUMMARY_KEYS)
            or cited[-1]
        )
        fallback: dict[str, Any] = {
            "id": FALLBACK_ID,
            "kind": "outcome",
            "title": "Read the article",
            "text": "The article names no mitigation this draft could pick out.",
            "source": _cite(article, section),
            "steps": [
                {
                    "text": brace(f"Read {article.id} {section.name} and follow it."),
                    "source": _cite(article, section),
                }
            ],
        }
        if (moved := moved_outcome(article, _cite(article, section))) is not None:
            fallback.update(moved)  # a stub: the page it moved to
        nodes.append(fallback)
        wrote = [find_section(article, keys) for keys in (MORE_KEYS, SUMMARY_KEYS)]
        shown = [s for s in wrote if s is not None]  # "To work around this, X": X ticked
        if article.style == "mskb":
            workaround_fallback(nodes[-1], shown, symptom, lambda s: _cite(article, s))

    if symptom_section is not None:
        nodes.append(_not_this_node(article, symptom_section))
    if article.style != "mskb" and not is_alert_runbook(article):
        # "This article describes why ...": asked as the problem; the verify lines keep
        # what they read from the title when the symptom was only meta text
        symptom = shown_not_meta(symptom, nodes)

    tree: dict[str, Any] = {
        "id": tree_id,
        "title": _title(article),
        "version": 1,
        "draft": True,
        "articles": [article.id],
        "symptom": symptom,
        # "Typical causes | Resolutions", "this could be the result of: - A - B": named
        "cause": cause
        or listed_cause_line(article)
        or ("" if is_alert_runbook(article) else said_reason(article))  # "normally due to"
        or _no_cause(article, symptom),
        "nodes": nodes,
    }
    if article.style != "mskb":  # diagnose, then decide, then fix
        rerun_checks(tree, article)  # before the checks move out of the outcomes
        reread_checks(tree, article)  # Diagnosis read-outs named in prose, looked at again
        verification_steps(tree, article)  # a fix's own "Verification" steps verify it
        go_to_fixes(tree, article)  # "If X, go to Resolution 2": "yes" leads there
        diagnose_first(tree, options)
        checks_before_names(tree, options)
        checking_parts_first(tree, article)  # "### Determine if X": before the question
        checks_before_cases(tree)  # a fix's check before the case question it decides
        steps_before_found(tree)  # the steps whose result "What did you find?" asks: first
        checks_not_ticked(tree, article)  # checks are looked at, not ticked as the fix
        cases_without_fix(tree)  # "No, not here" left with only the escalation: said so
        checks_before_fixes(tree)  # the same names and checks on every answer: asked first
        chosen_case_not_asked(tree)  # "Does this apply: X?" after X was chosen: not asked
        if is_alert_runbook(article):
            reveal_before_asking(tree)  # the check that shows a name before it is asked
            depends_shown(tree)  # "The mitigation depends on X.": shown, its advice ticked
            ask_before_conditional_names(tree)  # "If any pod exists, review its logs"
            escalation_apart(tree)  # "None of these" shown: an outcome of its own
            case_after_diagnosis(
                tree, article
            )  # its checks before "Is this the case?"; no: escalate
            shared_checks_first(tree)  # every answer's same checks: run once, before the choice
            checks_before_choice(tree)  # "Which fix do the Diagnosis checks point to?" after them
            fallback_asked(tree)  # "If it is not possible to scale up, delete": "Can you ...?"
            case_titles(tree)  # not "Mitigation: <one case's step>" for every case
        non_actions_shown(tree, article.body)  # comments, summaries, "it will be needed to"
        step_refs_said(tree, article.body)  # "go to step 6": the article's step 6 named
        leftovers_dropped(tree)  # the fix's name and the registry warning said already
        cut_tails(tree)  # "Additional Resources: Links: ..." after the last step: no detail
        reread_values(tree, article.body or "")  # the re-read's `$NAMESPACE`: the answer
    article_text = article.body or "\n\n".join(section.text for section in article.sections)
    explained_ticks(tree)  # "X is Y. Do Z.": Z ticked, X its note; advice said as the action
    if article.style == "mskb":
        step_runs_said(tree, article_text)  # "Repeat steps 3-4": the steps named
    case_leads_merged(tree, article_text)  # "If X, follow these steps:": its steps asked too
    statements_noted(tree, article_text)  # "X is set by default to 7." after a step: its note
    statements_placed(tree, article_text, is_alert_runbook(article))  # said, never ticked
    one_way_cases(tree)  # a case the outcome opens on, or its own check finds: not asked
    fixes_named(tree)  # a fix titled "You did not set X": named by its one action
    echoed_options_dropped(tree)  # "The driver version N" beside "Install the driver version N"
    unsure_not_reasked(tree)  # "I don't know" re-asking the same choice: the first fix
    said = " ".join(symptom_section.text.split()) if symptom_section is not None else ""
    if said:  # a message pasted back: its action redone, working, the message quoted ...
        redo_message_verify(tree, said, quoted_only=True)
    chosen_message_verify(tree)  # "Which of these do you see?": the chosen one checked
    message_cause_verify(tree)  # "Which message do you see?": its causes' fixes check it
    if said:  # ... or with no message at all where none could be quoted
        redo_message_verify(tree, said)
    if symptom_section is not None:  # "In X, ... the message M": every case's message
        every_case_verifies(tree, symptom_section.text)
    own_query_verify(tree, article)  # "To check X, run the following query:": run first
    observed_ticks(tree)  # "Reboot. Once rebooted, observe that X": X the verify, not ticked
    tick_kinds(tree)  # outcomes, examples, "as follows" leads untick; "If prompted, click" ticks
    summary_leads(tree, article_text)  # "To X:" / "After Y, verify Z:" leads and summaries
    fallback_steps(tree)  # "If nothing found, do Y": a checkpoint, then Y (round 34); first: its
    # "try the following:" lists ticked one at a time with checkpoints between
    one_tick_each(tree)  # "To X, do A. To Y, do B.": a tick each; examples, effects shown
    effect_ticks(tree)  # "the problem should be resolved", explanations: notes, not ticks
    described_fixes(tree)  # only "Read the pages below" ticked: the fix its text states
    stays_verify(tree, article_text)  # the symptom a fix leaves in place is not checked gone
    changed_verify(tree, article)  # no setup redone, no scene the fix leaves, no success message
    if article.style == "mskb" or not is_alert_runbook(article):
        event_verifies(tree)  # 'the message "Event ID: 252 ..."': the event by its id
    verify_examples(tree, said)  # the example record's time elided; "that value" named
    if article.style != "mskb":  # last: passes above read a token back from its title
        name_inputs(tree, article.body)  # "Namespace", not "Your name for <namespace>"
        reused_inputs_split(tree, article.body)  # `rbd --namespace`, `oc -n`: two inputs
    pointers_kept(tree, article)  # "rebuild the Reg.dat file": "See Q80393 ..." under it
    relative_links_said(tree, article)  # "(helpers/podDebug.md)": beside the runbook's file
    from kbassist.drafting.value_tables import value_tables_said

    value_tables_said(tree)  # "set ... as follows:" over a value table: the value said
    from kbassist.drafting.set_values import config_reads_set, either_value_asked, value_rows_set

    config_reads_set(tree)  # "X of NET.CFG should read as follows:": "Edit NET.CFG so that"
    either_value_asked(tree)  # "to 3 or 4" with a note on when: the value asked as a choice
    value_rows_set(tree)  # "Value Name: N Data Type: T Value: V" ticked: "Set the N value"
    counts_said(tree)  # "Method 2 (2 steps)": counted after every pass that ticks
    symptom_readable(tree)  # last: pointers and event noise out, the scenario turned round
    shown_sections = [s.text for s in (symptom_section, cause_section) if s is not None]
    paragraphs_kept(tree, "\n\n".join(shown_sections), article.style != "mskb")  # its breaks
    if article.style != "mskb" and not is_alert_runbook(article):
        from kbassist.drafting.site_objects import found_object_inputs

        found_object_inputs(tree)  # "Scroll until you find the service": which one, asked
    if is_alert_runbook(article):
        from kbassist.drafting.runbook_variants import variants_asked

        variants_asked(tree, article)  # "Which alert fired?": DNSErrors_Critical, ...
        from kbassist.drafting.runbook_node_steps import node_steps

        node_steps(tree)  # "Cordon and drain node and delete it": a tick each, the node asked
        from kbassist.drafting.runbook_diag_ticks import diagnosis_ticked, honest_verifies
        from kbassist.drafting.site_objects import set_value_inputs, site_object_inputs

        diagnosis_ticked(tree, article)  # the Diagnosis checks ticked, commands verbatim
        honest_verifies(tree, article)  # cordon/drain or advice: no "the alert clears"
        site_object_inputs(tree)  # "Review quota for given namespace": the namespace asked
        set_value_inputs(tree)  # `NAMESPACE="kube-etcd"` then `$NAMESPACE`: asked, that default
        from kbassist.drafting.listed_cause_ask import ask_listed_causes

        ask_listed_causes(tree, article)  # "There might be many causes to this:": asked
    situation_asked(tree)  # a Diagnosis that tells no fix apart: "Which fix fits ...?"
    if article.style == "mskb":  # a FAQ, a README's items, a reference: not one problem
        from kbassist.drafting.not_one import not_one_problem

        if not_one_problem(article, tree, FALLBACK_ID):  # its items' "SOUND ...:" leads too
            leads_shown(tree)
    from kbassist.drafting.bare_fix_titles import bare_titles_named

    bare_titles_named(tree, _is_action)  # "Mitigation" alone: "Mitigation: <first action>"
    from kbassist.drafting.lead_titles import lead_titles_named

    lead_titles_named(tree, article, _is_action)  # "To resolve this problem,": its action
    from kbassist.drafting.open_ends import whole_phrase_labels

    whole_phrase_labels(tree, article)  # last: "... to the C", "... about how" re-ended
    return tree


#: "information that resembles the following is logged:" with what follows not kept.
_FOLLOWING_RE = re.compile(
    r"\s*,?\s*(?:(?:that|which) (?:resembles?|is similar to|looks like)|similar to|like|as)"
    r" (?:the following|follows)\b",
    re.IGNORECASE,
)
_THE_FOLLOWING_RE = re.compile(r"\bthe following (?=(?P<first>\w))", re.IGNORECASE)


def _article_for(match: re.Match[str]) -> str:
    """ "the following error" -> "an error"; "the following events" -> "events"."""
    rest = match.string[match.end() :]
    words = re.findall(r"\w+", rest)[:2]
    plural = any(w.endswith("s") and not w.endswith(("ss", "us")) for w in words)
    if match.start() == 0 or plural:
        return ""
    return "an " if match.group("first").lower() in "aeiou" else "a "


def without_dangling_lead(text: str) -> str:
    """A symptom that ends announcing what follows ("..., and information that resembles
    the following is logged in the Application log:") when what follows is not kept: the
    sentence ends at the colon, its "the following" taken out ("... information is
    logged in the Application log."), so the question does not end on a colon."""
    flat = text.rstrip()
    if not flat.endswith(":"):
        return text
    head = flat[:-1].rstrip()
    last = (split_sentences(head) or [head])[-1]
    cut = _FOLLOWING_RE.sub("", last, count=1).rstrip(" ,")
    if cut == last.rstrip(" ,"):  # "the following X:" as the announcement, near the colon
        at = [m for m in _THE_FOLLOWING_RE.finditer(cut) if len(cut) - m.start() <= 60]
        if at:
            m = at[-1]
            cut = cut[: m.start()] + _article_for(m) + cut[m.end() :]
            cut = cut[:1].upper() + cut[1:]
    if len(cut.split()) < 3:
        return head + "."  # "You receive the following:" alone: the statement, ended
    return head[: len(head) - len(last)] + cut + "."


#: A symptom that takes the whole computer down (or its data): redoing its trigger is a
#: risk on a production system, whatever the fix was.
_CRASH_RE = re.compile(
    r"\bstop(?: error)?:? 0x|\bstop error\b|\bblue screen\b|\bbug ?check\b|\btrap 0x"
    r"|\b(?:computer|server|system|machine) (?:may )?(?:stops? responding|hangs?|halts?|"
    r"crash(?:es)?|restarts? unexpectedly|reboots? unexpectedly)\b|\bdata (?:loss|is lost)\b"
    r"|\b(?:is|are|become|becomes) corrupt(?:ed)?\b",
    re.IGNORECASE,
)


def _crash_caveat(symptom: str) -> str:
    """ " Do this on a test computer ..." when the symptom crashes the computer or loses
    data: a verify that redoes the trigger must not take a production server down."""
    if not _CRASH_RE.search(symptom):
        return ""
    return (
        " Do this on a test computer or in a maintenance window: if the fix did not take, "
        "it fails the same way again."
    )


#: Information that offers a way round the problem, not what an update changes.
_WORKAROUND_SAID_RE = re.compile(
    r"\b(?:prevent|avoid|work ?around|workarounds?|circumvent|instead)\b", re.IGNORECASE
)


def _info_under_upgrade(options: list[Option]) -> list[Option]:
    """An information-only outcome beside the STATUS upgrade ("RPC runtime will now retry
    three times if a call fails.") says what the update changes: shown under the upgrade's
    step, not offered as a fix of its own."""
    upgrade = next((o for o in options if o.kind == "upgrade" and o.items), None)
    info = [
        o
        for o in options
        if o.items[:1]
        and o.items[0].startswith(INFO_STEP)
        and not _WORKAROUND_SAID_RE.search(o.items[0])  # "... may prevent this error": its own
    ]
    if upgrade is None or not info:
        return options
    said = "\n\n".join(split_detail(o.items[0])[1] for o in info)
    text, detail = split_detail(upgrade.items[0])
    upgrade.items[0] = with_detail(text, "\n\n".join(p for p in (detail, said) if p))
    return [o for o in options if all(o is not i for i in info)]


def _tidy(article: Article, option: Option, count: int) -> str:
    """The option's label as a whole phrase, and, among other fixes, a bare section name
    ("Workaround") named by what the fix does (see kbassist.drafting.labels)."""
    from kbassist.drafting.options import _is_action

    # an information-only outcome's step is ours; the article's words are under it
    shown = [split_detail(i)[1] if i.startswith(INFO_STEP) else step_text(i) for i in option.items]
    sources = [option.lead, *shown[:3], article.body]
    label = tidy_label(option.label, sources)
    # what the fix does, not its lead-in or the tool its first step opens
    steps = [] if 0 in option.when else [step_text(i) for i in option.items]
    label = whole_sentence(label, sources[:-1])  # a fix cut by length: its whole sentence
    label = fix_name(label, option.lead, steps, option.section.text)
    if article.style == "mskb" and option.kind != WAIT_KIND:
        # "Resolution (4 steps)", "Set it manually": named by the fix (a wait is named)
        label = named_label(label, steps)
    elif article.style != "mskb" and steps:
        from kbassist.drafting.first_click import action_title

        said = split_detail(option.items[0])[1] if option.items else ""
        lead = option.lead if option.lead or not _LEAD_SAID_RE.search(said) else said
        details = [split_detail(i)[1] for i in option.items]
        # not "Workaround: Click Start": what the fix does
        label = action_title(label, lead, steps, _is_action, details)
    if count >= 2:
        # a first step for one case only ("when if_1 == yes") does not name the fix
        items = [] if 0 in option.when else [step_text(i) for i in option.items]
        label = named_title(label, option.lead, items, _is_action)
    from kbassist.drafting.action_labels import action_label

    # not a cut reason, a first click, a pointer or a bare line: the action it takes
    plain = [] if 0 in option.when else [step_text(i) for i in option.items]
    details = [split_detail(i)[1] for i in option.items]
    label = action_label(
        label, option.lead, plain, details, sources, option.section.text, _is_action
    )
    from kbassist.drafting.whole_titles import whole_title

    return whole_title(label, sources, _is_action)  # never cut inside its phrase


#: A first step's detail that is the fix's lead ("Store a trusted credential in X. To do
#: this, follow these steps:"), kept under the step the lead came before.
_LEAD_SAID_RE = re.compile(r"\b(?:to do (?:this|so)|follow these steps)\b", re.IGNORECASE)


def _section_lead(article: Article, option: Option, rest: list[Option]) -> str:
    """The first sentence of the fix's own section when no other fix shares it ("To
    prevent this issue during future installs, you must integrate update ..."): the case
    it is for, which its steps no longer say."""
    if sum(o.section is option.section for o in rest) != 1:
        return ""
    text = option.section.text
    said = split_sentences(" ".join((md_plain(text) if article.style != "mskb" else text).split()))
    return said[0] if said else ""


#: A fix headed by when it is done ("Immediate Actions", "Short-term mitigation",
#: "Long-term Solutions", "Permanent fix", "Prevention").
_HORIZON_HEAD_RE = re.compile(
    rf"^(?:{HORIZON_WORDS}|permanent|prevent(?:ion|ive))\b",
    re.IGNORECASE,
)


#: "This article helps fix / describes ...": what the page is, not help choosing a fix
_ABOUT_ARTICLE_RE = re.compile(
    r"^this (?:article|document|topic) (?:helps|describes|discusses|explains|provides|"
    r"introduces|lists|contains)\b",
    re.IGNORECASE,
)


def _help_lead(lead: str) -> str:
    """The fixes question's help without the page's own metadata: no "_Applies to:_ ...
    _Original KB number:_ 974998", no "This article helps fix ..." and no lead whose list
    ("... one of the following error messages:") is not there."""
    if not lead:
        return lead
    lead = _without_applies(lead).strip()
    said = [s for s in split_sentences(lead) if not _ABOUT_ARTICLE_RE.match(s)]
    while said and said[-1].rstrip().endswith(":"):
        said.pop()
    return " ".join(said)


def _no_cause(article: Article, symptom: str) -> str:
    """The cause line of an article that names none. An alert runbook's condition is
    still what the admin needs to read there ("no cause" alone reads as a gap, readers
    said), so it is kept, said as the condition, not as a found cause."""
    said = split_sentences(symptom) if symptom and is_alert_runbook(article) else []
    fires = next((s.strip() for s in said if _FIRES_RE.search(s)), "")
    if fires:
        return f"{article.id} names no cause beyond the condition it fires on: {fires}"
    return f"{article.id} gives no cause."


#: "This alert fires when ...", "The alert will be fired when ...", "... is triggered when"
_FIRES_RE = re.compile(r"\b(?:fires?|fired|triggers?|triggered|raised)\b", re.IGNORECASE)


def _fixes_question(
    article: Article, rest: list[Option], question: dict[str, Any], lead: str
) -> tuple[dict[str, Any], str]:
    """The question over the article's fixes worded by what tells them apart (a fix, a
    workaround, an update; a runbook's Diagnosis findings), with when to choose each."""
    from kbassist.drafting.runbook_branches import ESCALATION_LABEL

    horizons = [_HORIZON_HEAD_RE.match(o.label) for o in rest if o.label != ESCALATION_LABEL]
    if len(horizons) >= 2 and all(horizons):
        # "### Immediate Actions" beside "### Long-term Solutions": not two answers to
        # what the Diagnosis found, one to do now and one to keep it from coming back
        question["title"] = "Which fix are you making now?"
        question["text"] = (
            "The article gives its fixes by horizon: the immediate one brings relief now, "
            "the long-term one keeps the problem from coming back. Which are you doing now?"
        )
        hint = lead.find("Choose by what the article's Diagnosis checks show")
        return question, (lead[:hint] if hint >= 0 else lead).strip()
    diagnosed = _diagnosis_choice(article, rest)
    if diagnosed and _diagnosis_points(article, rest):
        question["title"] = "Which fix do the Diagnosis checks point to?"
        question["text"] = "Run the article's Diagnosis checks; choose the fix they point to."
        return question, lead
    offered = [
        (
            o.label,
            o.section.name,
            o.kind,
            " ".join(
                [o.label, o.lead or _section_lead(article, o, rest), *map(step_text, o.items[:1])]
            ),
            " ".join([o.lead, *map(step_text, o.items)]),
        )
        for o in rest
    ]
    lead = _without_applies(lead).strip()  # "_Applies to:_ ... _Original KB number:_ 974998"
    title, text, notes = fixes_question(offered, lead)
    question["title"], question["text"] = _question_title(title), text
    if diagnosed:  # the passes order the checks by this title; said as the situation last
        question["title"] = "Which fix do the Diagnosis checks point to?"
        question["text"] = "Run the article's Diagnosis checks; choose the fix they point to."
        question[SITUATION_KEY] = True
    if notes:
        said = "When to choose: " + "; ".join(notes) + "."
        lead = with_notes(lead, said)
    return question, lead


def _also_cause(
    cause_section: Section | None, options: list[Option]
) -> tuple[str, str, Option] | None:
    """The CAUSE's "This error can also happen if X" paragraph with its own fix, when the
    CAUSE lists no alternatives and the article has a fix of its own for the first cause."""
    if (
        cause_section is None
        or cause_section.key not in ("cause", "causes")
        or not options
        or any(o.kind in ("cause", "nofix") for o in options)
        or cause_alternatives(cause_section, True)
    ):
        return None
    return also_cause(cause_section)


def _chain_causes(nodes: list[dict[str, Any]], chain: list[str], first: str) -> None:
    """A cause answered by method k of methods tried in turn leads to "Still failing after
    method k?", not to method k alone: the later methods stay in reach (a video card cause:
    update the driver, then the video update the article offers next)."""
    which = next((n for n in nodes if n["id"] == "which_cause"), None)
    if which is None:
        return
    starts = {entry: first if k == 1 else f"{first}_{k}" for k, entry in enumerate(chain[:-1], 1)}
    for choice in which["choices"]:
        choice["next"] = starts.get(choice["next"], choice["next"])


def _group_notes(options: list[Option]) -> str:
    """ "(1) needs a restart; (2) ...": when to choose each of one cause's fixes, as the
    question over all the fixes says it; "" when their text tells none apart."""
    offered = [
        (
            o.label,
            o.section.name,
            o.kind,
            " ".join([o.label, o.lead, *map(step_text, o.items[:1])]),
            " ".join([o.lead, *map(step_text, o.items)]),
        )
        for o in options
    ]
    return "; ".join(fixes_question(offered, "")[2])


def _which_cause_node(
    article: Article,
    section: Section,
    causes: list[str],
    pairs: list[int | None],
    rest: list[Option],
    variables: dict[str, str],
) -> dict[str, Any]:
    """ "Which cause applies?": each cause the article lists, in its own words, leads to the
    fix paired with it; a cause with no fix of its own, and "I don't know", go on to the
    list of fixes (the admin checks each)."""
    choices: list[dict[str, str]] = []
    for n, (label, pair) in enumerate(zip(causes, pairs, strict=True), 1):
        nxt = _entry(rest[pair], variables) if pair is not None else "mitigation"
        choices.append({"value": f"cause_{n}", "label": label, "next": nxt})
    choices.append(
        {
            "value": "unknown",
            "label": "I don't know: check each of the article's fixes",
            "next": "mitigation",
        }
    )
    return {
        "id": "which_cause",
        "kind": "question",
        "title": "Which cause applies?",
        "text": "The article names several causes, each with its own fix. Which applies here?",
        "source": _cite(article, section),
        "choices": choices,
    }


def _cause_group_nodes(
    article: Article, groups: list[Group], variables: dict[str, str], choose: str
) -> list[dict[str, Any]]:
    """ "Which cause applies?" over a modern article's "## Cause N: X" parts: a cause with
    one fix leads to it, one with several to a question of its own fixes, one with none
    to the list of every fix; "I don't know" to that list too."""
    choices: list[dict[str, str]] = []
    more: list[dict[str, Any]] = []
    for n, group in enumerate(groups, 1):
        for option in group.options:  # "If you know the width": named by its case, as the
            if option.case and label_states_case(option.label, option.case):  # menu does
                option.case = ""
        if len(group.options) == 1:
            nxt = _entry(group.options[0], variables)
        elif group.options:
            nxt = f"cause_{n}_fixes"
            more.append(
                {
                    "id": nxt,
                    "kind": "question",
                    "title": "Which fix?",
                    "text": brace(
                        f"The article gives several fixes for this cause ({group.label})."
                        " Which fits this system?"
                    ),
                    "source": _cite(article, group.options[0].section),
                    "choices": [
                        {"value": o.id, "label": o.label, "next": _entry(o, variables)}
                        for o in group.options
                    ],
                }
            )
            if notes := _group_notes(group.options):
                more[-1]["help"] = brace(sentence_cut("When to choose: " + notes + ".", 300))
        else:
            nxt = choose
        choices.append({"value": f"cause_{n}", "label": group.label, "next": nxt})
    choices.append({"value": "unknown", "label": "I don't know: check each fix", "next": choose})
    first = next(o for g in groups for o in g.options)
    question = {
        "id": "which_cause",
        "kind": "question",
        "title": "Which cause applies?",
        "text": "The article names several causes, each with its own fix. Which applies here?",
        "source": _cite(article, first.section),
        "choices": choices,
    }
    if all(g.case for g in groups):  # "**Case 1 - X**" over its own steps (case_parts)
        question["title"] = "Which case is yours?"
        question["text"] = (
            "The article sets out several cases, each with its own steps. Which is yours?"
        )
        choices[-1]["label"] = "Not sure: check each case"
    if all(g.message for g in groups):  # "## No KMS could be contacted" over its causes
        question["title"] = "Which message do you see?"
        question["text"] = "The article's causes depend on the message. Which do you see?"
        choices[-1]["label"] = "Not sure: check each fix"
        for node in more:
            node["title"] = "Which cause applies?"
            node["text"] = node["text"].replace("several fixes for this cause", "several causes")
            node.pop("help", None)  # a cause is picked by what is found, not by its fix's cost
    return [question, *more]


def _diagnosis_points(article: Article, rest: list[Option]) -> bool:
    """Whether a runbook's Diagnosis names what tells its fixes apart (runbook34)."""
    from kbassist.drafting.runbook_branches import ESCALATION_LABEL

    return diagnosis_points(article, [o.label for o in rest if o.label != ESCALATION_LABEL])


def _diagnosis_choice(article: Article, rest: list[Option]) -> bool:
    """Whether the fixes asked are a runbook's ways to fix with Diagnosis checks before
    them (not versions or symptoms): the checks are what the admin chooses by."""
    return (
        article.style != "mskb"
        and bool(rest[0].pre_items)
        and all(o.kind in ("option", "workaround", "escalation") for o in rest)
    )


#: The MS KB statement that nothing will change: "This behavior is by design", "Microsoft has
#: confirmed it to be by design", "This is expected behavior", "There is no fix". Not any
#: "designed": "Ceph is designed to deal with a node failure" describes resilience.
_BY_DESIGN_PATTERN = re.compile(
    # the lookahead: every branch's first letter (the scan skips the other positions, 3x)
    r"\b(?=[iawbt])(?:(?:is|are|was|were|be|been) by design"
    r"|behaviou?rs? (?:is|are) (?:expected|intended)"
    r"|(?:this|it|that) is (?:an? )?(?:expected|intended) behaviou?r"
    r"|(?:this|it) (?:is )?works? as (?:designed|intended)|(?:this|it) is working as (?:designed"
    r"|intended)|there is no (?:fix|resolution|workaround))\b",
    re.IGNORECASE,
)
_BY_DESIGN_RE = Hinted(
    _BY_DESIGN_PATTERN,
    (
        "design",
        "expected",
        "intended",
        "there is no",
    ),
)
#: "by design" in a STATUS sentence, not "caused by design changes in Windows 95" (a
#: change of design is the cause, not a statement that the behavior is intended).
_BY_DESIGN_WORDS = r"\bby design\b(?!\s+(?:changes?|flaws?|errors?|problems?|limitations?)\b)"
#: A word one of _BY_DESIGN_RE's and _BY_DESIGN_WORDS' phrases holds, whatever the white
#: space between words: an ASCII text with none of them, lowercased, matches neither.
_BY_DESIGN_HINTS = ("design", "expected", "intended", "there")


def _may_say_by_design(text: str) -> bool:
    """False only when `text` cannot hold a by-design phrase: ASCII (whose case the
    regexes fold as `lower` does) and none of _BY_DESIGN_HINTS in it."""
    if not text.isascii():
        return True
    low = text.lower()
    return any(hint in low for hint in _BY_DESIGN_HINTS)


#: "If for any reason X must be used, there is no workaround.": no fix for one case, not
#: the article saying its behavior is intended.
_NO_FIX_IF_RE = re.compile(
    r"^(?:if|unless|when)\b[^.]*,\s*there is no (?:fix|resolution|workaround)\b", re.I
)
#: A step that is the article's own check ("You should now see ...", "To verify, ...").
_CHECK_RE = re.compile(
    r"^(?:(?:after|once|when)\s[^,.]{3,80},\s+)?"  # "After turning off File Sharing, ..."
    r"(?:you should (?:now |then )?(?:see|be able|receive|get)|to (?:verify|confirm|check) "
    r"(?:that|whether|this|the (?:fix|change|setting))|verify that|confirm that|"
    r"[^.]{0,80}\bshould (?:now|then) (?:work|be|play|print|run|start|appear|succeed|display|"
    r"function|connect|show|respond|open|load))",
    re.IGNORECASE,
)
_ALERT_RE = re.compile(r"\b(?:this )?alert (?:fires|is (?:triggered|raised|fired))\b", re.I)


#: "When you start X, you receive Y": the verify repeats the action and expects no Y.
_REDO_RE = re.compile(
    r"^(?:when|if|whenever) you (?:(?:try|attempt) to )?(?P<act>[a-z][^,;:]{4,150}),\s+"
    r"(?P<res>.{8,})$",
    re.IGNORECASE | re.DOTALL,
)
#: Words an action to "do again" cannot start with: a state ("are running"), an auxiliary
#: ("have a file open", "cannot"), an adverb; "X again" of these is no instruction.
_NOT_ACTION = frozenset(
    "am is are was were be been being have has had do does did don't doesn't didn't can"
    " cannot can't could may might must shall should will would need needs want wants"
    " also then first still not never no only just already".split()
)
#: The longest action "X again" repeats: a short clause, not a paragraph.
MAX_REDO_WORDS = 12


def _redo_action(symptom: str) -> tuple[str, str] | None:
    """(action, result) of "When you X, Y" when "X again" is an instruction: X a short verb
    phrase ("open the file"), no state ("are running ..."), no second clause ("... and you
    use ..."), no aside in parentheses or after a colon; else None."""
    redo = _REDO_RE.match(symptom)
    if redo is None:
        return None
    action, result = redo.group("act").strip(), redo.group("res").strip()
    words = action.split()
    first = words[0].casefold()
    if (
        first in _NOT_ACTION
        or (first.endswith("ing") and len(first) > 5)
        or (first.endswith("ed") and len(first) > 5)
        or len(words) > MAX_REDO_WORDS
        or re.search(r"[()\[\]{}:;]|\byou\b", action, re.IGNORECASE)
        or re.match(r"(?:and|or|but|then|so)\b", result, re.IGNORECASE)
        or _MID_NAME_RE.match(result)
    ):
        return None
    return action, result


#: "When you double-click the MSN, The Microsoft Network, shortcut icon ..., you may
#: experience", "When you use a Gravis Ultrasound Classic, Max, or Ace sound card, ...":
#: the comma was inside a name or a list of names; the result starts after a later one.
_MID_NAME_RE = re.compile(
    r"^[A-Z][\w-]*(?:,\s+[A-Z][\w-]*)*,?\s+(?:or|and)\s+[A-Z]"  # "Max, or Ace sound card"
    r"|^[A-Z][^,.]{0,120},(?:[^,.]{1,120},)?\s+you\s+(?:may\s+|might\s+|will\s+|can\s+)?"
    r"(?:experience|receive|get|see"
    r"|notice|encounter)\b",
)


def _verify_text(article: Article, symptom: str, symptom_section: Section | None) -> str:
    """An honest check: a by-design article says so; an alert runbook waits for the alert
    to clear; else the symptom must be gone."""
    if article.style == "mskb":
        repro = _repro_verify(article, symptom if symptom_section is not None else "")
        if repro and not replays_harm(repro):
            return repro
        if repro:  # never "set the system clock back" again: its result on your own work
            said = result_without_replay(repro)
            if said:
                return said
    if article.style != "mskb":
        said = _resolution_by_design(article)
        if said:
            return (
                f'The article says this is by design ("{said}"): the behavior itself stays; '
                "check that the steps above give you what you need."
            )
        own = modern_verify(article)
        if own:
            return own
    # an error the article's RESOLUTION removes goes away, by design or not ("This behavior
    # is by design" over "Load the Finder Scripting Extension"): the symptom is the check
    fixed_error = (
        article.style == "mskb"
        and find_section(article, RESOLUTION_KEYS) is not None
        and bool(_ERROR_RE.search(symptom))
    )
    for section in [] if fixed_error else article.sections:
        if article.style != "mskb" and not by_design_section(article, section):
            continue
        if not _may_say_by_design(section.text):
            continue  # no sentence of it can say so (most sections: the test is cheap)
        for sentence in split_sentences(" ".join(section.text.split())):
            status = section.key == "status" and re.search(_BY_DESIGN_WORDS, sentence, re.I)
            if _NO_FIX_IF_RE.match(sentence):
                continue  # "If you made backups with a beta, there is no workaround": one case
            if (status or _BY_DESIGN_RE.search(sentence)) and len(sentence) < 400:
                return (
                    f'The article says this is by design ("{sentence}"): the '
                    "behavior itself stays; check that the steps above give you what you need."
                )
    keys = {section.key for section in article.sections}
    runbook = ("meaning" in keys and bool(keys & {"mitigation", "diagnosis", "impact"})) or (
        article.style != "mskb" and described_alert(article)
    )
    if symptom_section is not None and (_ALERT_RE.search(symptom) or runbook):
        if article.style != "mskb":
            # the alert's name: a one-word title ("DiskAlert"), else the file's name (an id
            # shared by two folders is folder-qualified: "runbooks/x/DiskAlert" names no alert)
            named = " " not in article.title.strip() or not runbook
            return alert_check(article.title if named else article.id.rsplit("/", 1)[-1])
        return (
            f"Check that the alert {article.title} stops firing and its condition clears "
            f"(the article: {sentence_cut(symptom, 200)})"
        )
    turn = (
        next(
            (t for t in split_sentences(symptom) if is_turn(t)),
            None,
        )
        if article.style == "mskb" and symptom_section is not None
        else None
    )
    if turn is not None and len(turn) <= MAX_VERIFY_QUOTE:
        # the scene, then "However, when the child signs in, the child is again denied
        # access": the turn is what must stop happening
        said = TURN_RE.sub("", turn, count=1)
        if not bare_pronoun(said):  # "However, it is not unshared" quoted alone is no check
            return f"Check that this no longer happens: {said[0].upper()}{said[1:]}"
    redo = _redo_action(symptom)
    if symptom_section is not None and redo and article.style != "mskb":
        own = redo_check(redo[0], symptom_check(symptom))
        if own:
            return own
    if symptom_section is not None and redo:
        action, result = redo
        said = _whole_sentences(result)
        if said:
            caveat = _crash_caveat(symptom)
            if caveat and not said.rstrip().endswith((".", "!", "?")):
                said = said.rstrip() + "."
            return (
                f"{action[0].upper()}{action[1:]} again, and check that this no longer happens: "
                f"{said}{caveat}"
            )
    if symptom_section is not None and article.style != "mskb":
        # "does not start; ... Event ID 220 ...; Event ID 352 ...": every alternative
        own = symptom_check(symptom)
        own = events_verify(symptom, own) or own
        if own:
            return own
    if symptom_section is not None and article.style != "mskb":
        # never a cut copy of the symptom paragraph; a title that states the problem
        # ... or the first symptom sentence that turns round ("the DHCPNAK causes an event")
        return (
            title_check(md_plain(article.title)) or sentences_check(md_plain(symptom)) or REDO_CHECK
        )
    if symptom_section is not None and article.style == "mskb" and _ABOUT_RE.match(symptom):
        # "This article describes how to ...": a how-to, no problem to see gone
        return f"Check that the result is what {article.id} ({article.title}) describes."
    if symptom_section is not None:
        whole = symptom_section.text if article.style == "mskb" else symptom
        listing = events_lead_at(whole)
        if listing >= 0:  # "... events similar to the following: 142 - MSExchangeMTA ...":
            flat = " ".join(whole.split())  # the events gone, never their text as prose
            events = listed_events_check(whole, problem_sentence(flat[:listing], MAX_VERIFY_QUOTE))
            if events:
                return events
        said = _whole_sentences(symptom)
        if said and not states_problem(said):
            # "The index view provides a search field ...": the scene; quote the sentence
            # that says what goes wrong, when one fits
            said = problem_sentence(whole, MAX_VERIFY_QUOTE) or said
        if said:
            return f"Check that the problem no longer occurs: {said}"
        message = quoted_message(whole, MAX_VERIFY_QUOTE)
        if message:
            return f"Check that this message no longer appears: {message}"
        # one long sentence that says what goes wrong, quoted whole: a concrete check,
        # where naming the section checks nothing in particular
        said = problem_sentence(whole, MAX_VERIFY_QUOTE) or problem_sentence(whole, MAX_LONG_QUOTE)
        if said:
            return f"Check that the problem no longer occurs: {said}"
        # a sentence too long to quote still says what to do and what was seen
        long_check = long_symptom_check(whole)
        if long_check:
            return long_check
        return (
            f"Check that the problem {article.id} {symptom_section.name} describes no longer "
            "occurs."
        )
    return f"Check that the problem in {article.id} ({article.title}) no longer occurs."


def _resolution_by_design(article: Article) -> str:
    """The by-design sentence a support article's Resolution opens with ("This is by design.
    If the DHCP scope range does not cover ..., you cannot add a reservation outside of the
    configured range. You can, however, extend the range"): its steps work round a limit
    that stays, so no check may say the limit is gone; "" when the Resolution opens with
    anything else."""
    section = find_section(article, RESOLUTION_KEYS)
    if section is None:
        return ""
    first = next(iter(split_sentences(md_plain(" ".join(section.text.split())))), "")
    return first if _BY_DESIGN_RE.search(first) and len(first) < 200 else ""


def _repro_verify(article: Article, symptom: str = "") -> str:
    """The MS KB article's own test of the problem, its MORE INFORMATION "Steps to
    Reproduce Behavior", repeated with the fix in place; "" when it has none, or when the
    behaviour is by design and no RESOLUTION or WORKAROUND works around it."""
    more = find_section(article, MORE_KEYS)
    if more is None:
        return ""
    by_design = any(
        _may_say_by_design(s.text)
        and (
            _BY_DESIGN_RE.search(" ".join(s.text.split()))
            or (s.key == "status" and re.search(_BY_DESIGN_WORDS, s.text, re.I))
        )
        for s in article.sections
    )
    if by_design and find_section(article, RESOLUTION_KEYS + WORKAROUND_KEYS) is None:
        return ""
    problem = problem_sentence(symptom, MAX_VERIFY_QUOTE) if symptom else ""
    return repro_check(more.text, fixed=by_design, problem=problem)


def _verify_entry(article: Article, verify_text: str, section: Section) -> dict[str, Any]:
    """The outcome's default verify item: a repeat of the steps to reproduce cites MORE
    INFORMATION and shows the steps as its detail; any other cites `section`."""
    text, detail = split_detail(verify_text)
    entry: dict[str, Any] = {"text": brace(text)}
    if detail.strip():
        entry["detail"] = brace(detail)
    more = find_section(article, MORE_KEYS) if text.startswith(REPRO_PREFIX) else None
    entry["source"] = _cite(article, more or section)
    return entry


_ERROR_RE = re.compile(r"\b(?:error|message|dialog(?: box)?|fails?|failed|crash(?:es)?)\b", re.I)
#: A symptom that only says what the article is about ("This article describes how to ...").
_ABOUT_RE = re.compile(
    r"^(?:this|the following) (?:article|step-by-step article)\b[^.]{0,40}\b(?:describes|"
    r"explains|discusses|lists|helps|shows|contains|provides|tells|outlines|demonstrates|"
    r"illustrates|documents|answers|summarizes|covers|gives|presents|introduces)\b",
    re.IGNORECASE,
)
#: A verify quotes the symptom whole, never cut with "[...]": at most this long.
MAX_VERIFY_QUOTE = 220
#: ... or one sentence that says what goes wrong, when no shorter one does, at most this long.
MAX_LONG_QUOTE = 360


def _whole_sentences(text: str) -> str:
    """The opening sentences of `text` that fit MAX_VERIFY_QUOTE, whole; "" when even the
    first does not (the verify then names the section instead of quoting half of it)."""
    kept = ""
    for sentence in split_sentences(" ".join(text.split())):
        if len(kept) + len(sentence) + 1 > MAX_VERIFY_QUOTE:
            break
        kept = f"{kept} {sentence}".strip()
    return kept


#: "have Retrospect back up the server datafile" -> "the server datafile".
_WISH_BACKUP_RE = re.compile(r"\bback\s?up\s+(?P<what>(?:the|your|its|this)\s+[^,.;]{3,60})$", re.I)
_NOT_BACKUP_RE = re.compile(
    r"\b(?:not|never|no longer)\s+(?:to\s+)?back\s?up\b|\bexclude\w*\b[^.]{0,60}\bbackup\b", re.I
)


def _wish_node(
    article: Article, wish: Option, rest: list[Option], yes: str, no: str
) -> dict[str, Any]:
    """The site question of "administrators who want to X should ...". When the other
    fixes trade X away (X is backing up some data, and they leave it out of the backup),
    it is the trade-off itself: "Must the data be backed up?"."""
    node: dict[str, Any] = {"id": "wish", "kind": "question"}
    backup = _WISH_BACKUP_RE.search(wish.wish)
    skipping = [o for o in rest if _NOT_BACKUP_RE.search(" ".join([o.label, *o.items]))]
    if backup and skipping:
        what = backup.group("what")
        question = f"Must {what} be backed up?"
        node["title"] = short_label(question, 70)
        node["text"] = brace(
            f"{question} The article gives its own procedure for sites that want to "
            f"{wish.wish}; its other fixes leave {what} out of the backup."
        )
        node["help"] = brace(
            f"Yes: {shorten(wish.label, 120)} (the data stays in the backup). No: "
            + "; ".join(shorten(o.label, 80) for o in skipping)
            + " (simpler, but the data is not backed up)."
        )
        yes_label, no_label = f"Yes, {what} must be backed up", "No, it may be left out"
    else:
        question = f"Do you want to {wish.wish}?"
        node["title"] = short_label(question, 70)
        node["text"] = brace(question)
        node["help"] = brace(
            f"The article gives its own procedure for sites that want to {wish.wish}: "
            f"{shorten(wish.label, 120)}."
        )
        yes_label, no_label = "Yes", "No"
    node["source"] = _cite(article, wish.section)
    node["choices"] = [
        {"value": "yes", "label": short_label(yes_label, 80), "next": yes},
        {"value": "no", "label": no_label, "next": no},
    ]
    return node


#: "You may notice the following symptoms when ...": a list of what is seen together (the
#: drives are not redirected, other devices are, no event is logged), not forms to choose
#: from, unless the article says "one or more of", "any of" or "one of the following".
_TOGETHER_RE = re.compile(
    r"\b(?:notice|see|experience|observe|encounter|get)\s+(?:all\s+)?the\s+following"
    r"\s+symptoms\b",
    re.IGNORECASE,
)
_ANY_OF_RE = re.compile(r"\b(?:one or more|any|either|one|some) of the following\b", re.I)


def _seen_together(text: str) -> bool:
    """Whether a modern symptom lists symptoms that occur together (see _TOGETHER_RE)."""
    return bool(_TOGETHER_RE.search(text)) and not _ANY_OF_RE.search(text)


def _confirm_node(
    article: Article,
    symptom: str,
    section: Section,
    messages: list[str],
    after: str,
    labelled: bool = False,
) -> dict[str, Any]:
    """Confirm the symptom first: every alternative message as a choice, else yes/no
    (`labelled`: the messages are their own labels, "On the host computer: "X"")."""
    node: dict[str, Any] = {"id": "symptom", "kind": "question"}
    # the scenario and the message are the symptom: shown whole (article_symptom already
    # keeps it short); a cut at 300 hid the message after "you receive the following error:"
    limit = MAX_SYMPTOM_CHARS if article.style == "mskb" else MAX_MODERN_SYMPTOM_CHARS
    messages = told_by_label(messages)  # two that would read the same are no choice
    if len(messages) >= 2:
        if article.style != "mskb" and len(symptom) > limit // 2:
            symptom = scene_before(symptom, messages)  # the choices show the messages
        node["title"] = "Which of these do you see?"
        node["text"] = brace(
            f"The article describes: {sentence_cut(symptom, limit)}"
            f"{with_it(shown_together(article, section), symptom)} It comes in several forms. "
            "Which do you see?"
        )
        node["source"] = _cite(article, section)
        labels: set[str] = set()
        choices = []
        # "... displays the following error messages: Cannot find X": labelled by X
        said = messages if labelled else [telling_start(m) for m in messages]
        apart = told_apart(said)  # "The permissions ... are inconsistent" twice
        firsts = [
            # the article's own elision ("function: sbpa4snd [...]") is no part of a label
            message
            if labelled
            else apart[n]
            or event_label(message)  # "Event ID 2508 (Server): The server service ..."
            # "... service is starting." first: the line that says what fails names it
            or short_label(re.sub(r"\s*\[(?:\.\.\.|\u2026)\]", "", without_progress(message)), 80)
            for n, message in enumerate(said)
        ]
        # a cut that stops mid-clause is the whole sentence, unless another message's cut
        # is the same (told apart by where they differ, below)
        firsts = [
            label
            if labelled or apart[n] or firsts.count(label) > 1
            else fuller_label(said[n], whole_symptom_label(without_progress(said[n]), label))
            for n, label in enumerate(firsts)
        ]
        # "Named Pipes > A connection was ... with the server" and "TCP > " the same: each
        # said where it differs ("... No process on the other end of the pipe")
        if not labelled:
            firsts = told_by_difference(firsts, said)
        for n, message in enumerate(messages, start=1):
            label = firsts[n - 1]
            label = label if _WORDY_RE.search(label) else f"Message {n}"
            if label.casefold() in labels:  # two that start alike: said to where they differ
                label = wider_label(message) or label
            while label.casefold() in labels:
                label = f"{label} ({n})"
            labels.add(label.casefold())
            choices.append({"value": f"message_{n}", "label": label, "next": after})
        if article.style == "mskb" and (problem := also_choice(section, after)) is not None:
            choices.append(problem)  # "Also, you may receive ...": the problem comes first
        if (other := other_form_choice(section.text, after)) is not None:
            choices.append(other)  # "this list is not exhaustive": another form goes on
        choices.append({"value": "none", "label": "None of these", "next": NOT_THIS_ID})
        node["choices"] = choices
        if article.style == "mskb":  # "...problems: - A": the choices show A (symptom41)
            stem_without_forms(node, sentence_cut(symptom, limit), messages)
        return node
    node["title"] = "Does this match what you see?"
    node["text"] = brace(
        f"The article describes: {without_dangling_lead(sentence_cut(symptom, limit))}"
        f"{with_it(yes_no_shown(article, section, symptom), symptom)} Is this what you see?"
    )
    node["source"] = _cite(article, section)
    node["choices"] = [
        {"value": "yes", "label": "Yes, this is what I see", "next": after},
        {"value": "no", "label": "No, I see something else", "next": NOT_THIS_ID},
    ]
    return node


def _forms_node(
    article: Article, scene: str, section: Section, forms: list[str], after: str
) -> dict[str, Any]:
    """ "Which of these do you see?" over a symptom's forms, labelled as `symptom_forms`
    names them; the text is the scene they share, not a cut dump of every form."""
    choices = [
        {"value": f"message_{n}", "label": label, "next": after}
        for n, label in enumerate(forms, start=1)
    ]
    choices.append({"value": "none", "label": "None of these", "next": NOT_THIS_ID})
    return {
        "id": "symptom",
        "kind": "question",
        "title": "Which of these do you see?",
        "text": brace(
            "The article describes: "
            f"{sentence_cut(scene, MAX_MODERN_SYMPTOM_CHARS).rstrip(' :.')}. "
            "Which of these do you see?"
        ),
        "source": _cite(article, section),
        "choices": choices,
    }


def _not_this_node(article: Article, section: Section) -> dict[str, Any]:
    return {
        "id": NOT_THIS_ID,
        "kind": "outcome",
        "title": "This article may not apply",
        "text": "What you see is not what the article describes; its fixes may not help.",
        "source": _cite(article, section),
        "steps": [
            {
                "text": brace(
                    f"Read {article.id} {section.name} again and compare it with what you see; "
                    "if it differs, look for an article that describes your symptom."
                ),
                "source": _cite(article, section),
            }
        ],
    }


def _title(article: Article) -> str:
    return _TAG_PREFIX_RE.sub("", article.title).strip() or article.title or article.id


def _entry(option: Option, variables: dict[str, str]) -> str:
    """The first node of an option: the question about the case it is for, else its
    first input, else its first question about a case of its steps, else its outcome."""
    if option.applies:  # "Don't apply the workaround to X": is this X? first
        return f"{option.id}-applies"
    return _after_gate(option, variables)


def _after_gate(option: Option, variables: dict[str, str]) -> str:
    """The option's first node once its applicability is answered (`_entry` less the gate)."""
    if option.case:
        return f"{option.id}-case"
    return _first_node(option, variables)


def _askable_case(cond: str) -> bool:
    """A case worth asking: a clause of its own ("your guest players are unable to use this
    IP address"), not "this happens", "so", or one cut at a comma ("the files do")."""
    words = cond.split()
    return (
        len(words) >= 4
        and words[0].casefold() not in {"this", "that", "it", "so", "these", "the problem"}
        and words[-1].casefold() not in {"do", "does", "is", "are", "was", "occurs", "happens"}
        and not re.search(r"\b(?:problem|issue|error|behaviou?r)\b", cond, re.IGNORECASE)
    )


def _case_node(article: Article, option: Option, yes: str) -> dict[str, Any]:
    """ "If your guest players cannot use this IP address, use ...": is that the case?
    Yes leads to the fix; no to "this article may not apply"."""
    cond = _IF_START_RE.sub("", option.case, count=1)
    question = _as_question(cond)
    if "; " in cond:  # the conditions of conditions_case: all of them, one per line
        question = "Are all of these true here?"
        listed = "\n".join(f"- {c}" for c in cond.split("; "))
        return {
            "id": f"{option.id}-case",
            "kind": "question",
            "var": f"{option.id}_case".replace("-", "_"),
            "title": question,
            "text": brace(f"The article's fix is only for this case:\n{listed}\n{question}"),
            "source": _cite(article, option.section),
            "choices": [
                {"value": "yes", "label": "Yes, all of them", "next": yes},
                {"value": "no", "label": "No, not all of them", "next": NOT_THIS_ID},
            ],
        }
    return {
        "id": f"{option.id}-case",
        "kind": "question",
        "var": f"{option.id}_case".replace("-", "_"),
        "title": _question_title(question),
        "text": brace(
            f'The article\'s fix is for this case: "{sentence_cut(option.case, 240)}" {question}'
        ),
        "source": _cite(article, option.section),
        "choices": [
            {"value": "yes", "label": "Yes, this is the case here", "next": yes},
            {"value": "no", "label": "No, not here", "next": NOT_THIS_ID},
        ],
    }


def _first_node(option: Option, variables: dict[str, str]) -> str:
    if option.params:
        return f"{option.id}-{variables[_ref(option.params[0])]}"
    return _after_inputs(option)


def _after_inputs(option: Option) -> str:
    return f"{option.id}-{option.asks[0].var}" if option.asks else option.id


def _ask_nodes(article: Article, option: Option, variables: dict[str, str]) -> list[dict[str, Any]]:
    """The questions that pick the option's conditional steps, in order, then the outcome
    (after the last question, the inputs only some of its answers need, on their paths)."""
    nodes: list[dict[str, Any]] = []
    for n, ask in enumerate(option.asks):
        following = (
            f"{option.id}-{option.asks[n + 1].var}" if n + 1 < len(option.asks) else option.id
        )
        if n + 1 == len(option.asks) and option.late:
            nodes.append(
                {
                    "id": f"{option.id}-{ask.var}",
                    "kind": "question",
                    "var": ask.var,
                    "title": _question_title(ask.title),
                    "text": brace(ask.text),
                    "source": _cite(article, option.section),
                    "choices": [
                        {**c, "next": _late_entry(option, variables, c["value"])}
                        for c in ask.choices
                    ],
                }
            )
            continue
        nodes.append(
            {
                "id": f"{option.id}-{ask.var}",
                "kind": "question",
                "var": ask.var,
                "title": _question_title(ask.title),
                "text": brace(ask.text),
                "source": _cite(article, option.section),
                "choices": [{**c, "next": following} for c in ask.choices],
            }
        )
    return nodes


#: One term of a step's condition: `if_1 == "yes"`.
_WHEN_TERM_RE = re.compile(r'^(?P<var>\w+) == "(?P<value>[^"]*)"$')


def _when_values(when: str) -> tuple[str, set[str]] | None:
    """(question variable, values) of a condition `v == "a" or v == "b"`; None for any
    other form."""
    terms = [_WHEN_TERM_RE.match(t.strip()) for t in when.split(" or ")]
    if not all(terms):
        return None
    names = {t.group("var") for t in terms if t}
    if len(names) != 1:
        return None
    return names.pop(), {t.group("value") for t in terms if t}


def _entry_vars(entry: dict[str, Any]) -> frozenset[str]:
    """The variables a drafted checklist entry's text and detail read."""
    found: frozenset[str] = frozenset()
    for key in ("text", "detail"):
        try:
            found |= parse_template(str(entry.get(key, ""))).variables
        except TemplateError:
            continue
    return found


def _outcome_entries(outcome: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for part in ("steps", "verify", "rollback") for e in outcome.get(part, [])]


def _repro_params(
    article: Article,
    option: Option,
    variables: dict[str, str],
    counters: dict[str, int],
    verify_text: str,
) -> None:
    """Ask the placeholders of the steps to reproduce the option's verify repeats (not
    asked for its steps already), within the option's placeholder cap."""
    outcome = _outcome(article, option, variables, verify_text, None)
    repeated = [
        str(v.get("detail", ""))
        for v in outcome.get("verify", [])
        if str(v.get("text", "")).startswith(REPRO_PREFIX)
    ]
    if not repeated:
        return  # the fix's own check, not the steps to reproduce
    asked = {_ref(p) for p in [*option.params, *option.late]}
    room = MAX_PLACEHOLDERS_PER_OPTION - sum(p.kind == "placeholder" for p in option.params)
    for param, line in repro_placeholders(split_detail(verify_text)[1]):
        ref = _ref(param)
        if ref in asked or room <= 0 or param.literal not in repeated[0]:
            continue
        asked.add(ref)
        room -= 1
        if ref not in variables:
            counters["placeholder"] = counters.get("placeholder", 0) + 1
            variables[ref] = f"placeholder_{counters['placeholder']}"
        option.params.append(param)
        option.repro_lines[param.literal] = line


def _late_inputs(option: Option, variables: dict[str, str], outcome: dict[str, Any]) -> None:
    """Move to `option.late` the inputs whose every use is a step for some answers of the
    option's last question ("Delete the pod: oc delete -n <install-namespace> ..." only if
    the pod cannot connect): asked right after that question, never on the other paths."""
    if not option.asks or not option.params:
        return
    last = option.asks[-1]
    entries = _outcome_entries(outcome)
    late: list[Param] = []
    wanted: list[set[str]] = []  # per late input, the answers whose steps read it
    for param in option.params:
        var = variables[_ref(param)]
        uses = [e for e in entries if var in _entry_vars(e)]
        cases = [_when_values(str(e["when"])) if "when" in e else None for e in uses]
        if not uses or any(c is None or c[0] != last.var for c in cases):
            continue
        late.append(param)
        wanted.append({v for c in cases if c for v in c[1]})
    needs: dict[tuple[int, ...], set[str]] = {}
    for choice in last.choices:
        need = tuple(n for n, values in enumerate(wanted) if choice["value"] in values)
        needs.setdefault(need, set()).add(choice["value"])
    if not late or list(needs) == [tuple(range(len(late)))]:
        return  # none, or every answer needs them all: asked before the questions
    for need in needs:
        skipped = {variables[_ref(p)] for n, p in enumerate(late) if n not in need}
        if skipped and all(_entry_vars(e) & skipped for e in outcome.get("steps", [])):
            return  # some answers would reach an outcome with no steps
    option.late = late
    option.late_groups = [
        (frozenset(values), [late[n] for n in need]) for need, values in needs.items() if need
    ]
    option.params = [p for p in option.params if p not in late]


def _rest_id(option: Option) -> str:
    return f"{option.id}-rest"


def _group_ids(option: Option, group: int) -> tuple[str, str]:
    """(input id suffix, outcome id) of a late group: the group that needs every late
    input keeps the plain ids and the option's own outcome."""
    if len(option.late_groups[group][1]) == len(option.late):
        return "", option.id
    return f"-{group + 1}", f"{option.id}-{group + 1}"


def _late_entry(option: Option, variables: dict[str, str], value: str) -> str:
    """Where an answer to the option's last question goes: its late inputs, or the
    outcome without them."""
    for n, (values, params) in enumerate(option.late_groups):
        if value in values:
            return f"{option.id}-{variables[_ref(params[0])]}{_group_ids(option, n)[0]}"
    return _rest_id(option)


def _late_nodes(
    article: Article, option: Option, variables: dict[str, str], outcome: dict[str, Any]
) -> list[dict[str, Any]]:
    """Each late group's inputs and the outcome they reach (less the steps reading the late
    inputs it skips), and the outcome of the answers that need none."""
    if not option.late:
        return []
    nodes: list[dict[str, Any]] = []
    for n, (_, params) in enumerate(option.late_groups):
        suffix, end = _group_ids(option, n)
        nodes.extend(_input_nodes(article, option, variables, params, end, suffix))
        if end != option.id:
            skipped = [p for p in option.late if p not in params]
            nodes.append(_without_late(option, variables, outcome, skipped, end))
    if any(not params for _, params in option.late_groups) or {
        c["value"] for c in option.asks[-1].choices
    } - {v for values, _ in option.late_groups for v in values}:
        nodes.append(_without_late(option, variables, outcome, option.late, _rest_id(option)))
    return nodes


def _without_late(
    option: Option,
    variables: dict[str, str],
    outcome: dict[str, Any],
    skipped: list[Param],
    node_id: str,
) -> dict[str, Any]:
    """The outcome for answers that skip some late inputs: the same, less the steps that
    read them (their condition is false on these paths anyway)."""
    late_vars = {variables[_ref(p)] for p in skipped}
    rest = {**outcome, "id": node_id}
    for part in ("steps", "verify", "rollback"):
        if part in outcome:
            rest[part] = [e for e in outcome[part] if not _entry_vars(e) & late_vars]
    for part in ("verify", "rollback"):
        if part in rest and not rest[part]:
            del rest[part]
    return rest


def _ref(param: Param) -> str:
    return f"{param.kind}:{param.key}"


#: At most this many example values asked per option (each is one more question).
MAX_EXAMPLES_PER_OPTION = 2


def _example_params(
    option: Option,
    asked: list[str],
    article: Article,
    seen: set[str],
    variables: dict[str, str],
    counters: dict[str, int],
) -> None:
    """Ask the values the option's instructions only show by example (example_inputs):
    one input each, unless a literal detector already asks that text."""
    if not asked:
        return
    text = "\n".join(_askable(i, article) for i in asked)
    low = text.casefold()
    # "an endpoint named TestEP" over `DROP ENDPOINT TestEP`: in the command, so filled in
    named = _named_examples(article, asked)
    # "For example when a Scandanavian sort order is required run "resort.exe -s""
    named += [n for i in asked for n in switch_examples(i) if all(n[0] != o[0] for o in named)]
    # "In this example, search for "<OPGM-81 >"" under "... containing the computer name"
    named += [n for n in this_example_values(text) if all(n[0] != o[0] for o in named)]
    if "example" not in low and "e.g." not in low and not named:
        return
    taken = {p.literal.casefold() for p in option.params}
    steps = "\n".join(split_detail(i)[0] for i in asked)  # where a template can fill it in
    added = 0
    phrases: set[str] = set()
    for literal, _, phrase in [*example_values(text), *named]:
        ref = f"example:{literal}"
        if ref in seen or literal.casefold() in taken or added >= MAX_EXAMPLES_PER_OPTION:
            continue
        if example_phrase(phrase).casefold() in phrases:
            continue  # "(for example, LPT1)" then "(for example, COM1)": one printer port
        phrases.add(example_phrase(phrase).casefold())
        if literal not in steps and (literal, _, phrase) not in named:
            continue  # only in a note or a listing: an input no step would use
        seen.add(ref)
        added += 1
        if ref not in variables:
            counters["example"] = counters.get("example", 0) + 1
            variables[ref] = f"example_{counters['example']}"
        option.params.append(Param("example", literal, literal))


def _named_examples(article: Article, asked: list[str]) -> list[tuple[str, str, str]]:
    """The names a modern article's example commands use that the prose calls the
    example's (example_names), each once; none in an MS KB article."""
    if article.style == "mskb":
        return []
    out: list[tuple[str, str, str]] = []
    for item in asked:
        out += [n for n in named_examples(item) if all(n[0] != o[0] for o in out)]
        # `RESTORE DATABASE [Contoso]`: Microsoft's example name marks the example's value
        out += [n for n in company_examples(item) if all(n[0] != o[0] for o in out)]
    return out


def _example_node(option: Option, param: Param, context: str) -> dict[str, Any]:
    """Title, text, help and default of an input for a value the article gives as an
    example: typed by what the instruction names, the example offered as the default."""
    text = "\n".join([*option.pre_items, *option.items])
    found = next(
        (
            (k, p)
            for v, k, p in [
                *example_values(text),
                *named_examples(text),
                *(n for i in [*option.pre_items, *option.items] for n in company_examples(i)),
                *(n for i in [*option.pre_items, *option.items] for n in switch_examples(i)),
                *this_example_values(text),
            ]
            if v == param.literal
        ),
        None,
    )
    kind, phrase = found or ("value", "value")
    node: dict[str, Any] = {
        "type": "text",
        "title": f"Your {example_phrase(phrase)} (the article's example: {param.literal})",
        "text": brace(
            f'The article gives {param.literal} only as an example: "{context}" '
            f"{example_question(phrase)}"
        ),
        "help": brace(
            f"Type your own {kind}; the checklist puts it where the article's example stood. "
            f"Enter keeps the example, {param.literal}."
        ),
        "default": param.literal,
    }
    if kind == "port" and param.literal.isdigit() and 1 <= int(param.literal) <= 65535:
        node.update(type="number", integer=True, min=1, max=65535, default=int(param.literal))
        return node
    _set_format(node, kind)
    return node


def _input_nodes(
    article: Article,
    option: Option,
    variables: dict[str, str],
    late: list[Param] | None = None,
    end: str = "",
    suffix: str = "",
) -> list[dict[str, Any]]:
    """The option's inputs in order: those every path needs, or (`late`) those asked only
    after the answers to its last question that need them, ending at `end`."""
    nodes: list[dict[str, Any]] = []
    params = option.params if late is None else late
    end = end or _after_inputs(option)
    for n, param in enumerate(params):
        var = variables[_ref(param)]
        following = (
            f"{option.id}-{variables[_ref(params[n + 1])]}{suffix}" if n + 1 < len(params) else end
        )
        # the drafter's own backup step is no words of the article's to quote
        quotable = [i for i in [*option.pre_items, *option.items] if not is_backup_text(i)]
        context = next(
            (
                s
                for i in quotable
                # the output label is the drafter's, not the article's words to quote
                for s in split_sentences(" ".join(i.replace(OUTPUT_LABEL, " ").split()))
                # a staged fix's "Stage: INSTALL MICROSOFT MAIL" is the drafter's note
                if param.literal in s and not s.startswith("Stage: ")
            ),
            "",
        )
        if not context and param.literal in option.repro_lines:
            context = option.repro_lines[param.literal]  # typed again in the verify's steps
        if article.style != "mskb":
            # the step's sentence that names it, not that sentence run into its command
            short = len(_quoted_context(context, param.literal)) <= 200
            context = prose_context(quotable, param.literal, context, short)
        node: dict[str, Any] = {
            "id": f"{option.id}-{var}{suffix}",
            "kind": "input",
            "var": var,
            "type": "number" if param.kind == "count" else "text",
        }
        if param.kind == "time":
            node["type"] = "time"
        if param.kind == "example":
            node.update(_example_node(option, param, _quoted_context(context, param.literal)))
        elif param.kind == "placeholder":
            meaning = _explanation(param.literal, [*option.pre_items, *option.items])
            what = _placeholder_kind(param, meaning)
            if what == "value" and _object_before(param.literal, context):
                what = "name"  # `oc get pod <virt-handler>`: the pod's name
            if what == "account" and after_placeholder(param.literal, context):
                what = "user name"  # `<localmachine>\<SQLServiceAccount>`: the host is asked
            root = below_root(param.literal, context) if what == "path" else ""
            if root:  # `"\\?\c:\<path_to_problem_file>"`: the rest of a path the drive begins
                what = "path"
            what = value_kind(param.literal, what, context, [*option.pre_items, *option.items])
            if what != "path" and drive_before_root(param.literal, context):
                # `<Driver>:\\<Folder Path>`: no driver, a drive (a `<path>:\\x` the
                # article calls a path stays one: its words win over the colon)
                what = "drive letter"
            elif logical_file_name(param.literal, context):
                what = "logical file name"  # `MOVE N'<Database File>' TO ...`
            if article.style != "mskb":  # `$DAEMONPOD`, `device="<dev>"`: a name
                what = named_kind(param.literal, what, context)
            if meaning and _placeholder_kind(param, "") == "value":  # `<value>`: as explained
                what = meaning_kind(meaning, what)
            if is_generated(param.literal):  # `kube-proxy-b9g23` from sample output
                what = "pod name" if re.search(r"\b(?:pods?|logs|exec|rsh)\b", context) else "name"
                what = generated_kind(param.literal, context, what)  # `oc get mc rendered-...`
            # (the "=" test first: a regex compiled per placeholder is the slow part)
            if "=" in context and re.search(
                rf"\bDC={re.escape(param.literal)}", context, re.IGNORECASE
            ):
                what = "domain component"  # `DC=<Domain>,DC=<COM>`: a part of a DNS name
            if is_dn(param.literal, context):
                what = "distinguished name"  # `<ApplicationDirectoryPartition>`: no folder
            elif what in {"value", "number", "name"}:
                what = size_kind(param.literal, context) or what  # `max_bytes <bytes>`
            node["title"] = f"Your {what} for {param.literal}"
            quoted = _quoted_context(context, param.literal)
            node["text"] = brace(
                f"The article writes {param.literal} where you type your own {what}"
                + (f': "{quoted}" ' if quoted else " (in a key the fix changes). ")
                + placeholder_question(param.literal, what)
            )
            if is_generated(param.literal):  # not a placeholder: one name its output showed
                node["title"] = f"Your {what} (the article's example: {param.literal})"
                node["text"] = brace(
                    f"The article's command names {param.literal}, the {what} on the cluster "
                    f'it was written on: "{_quoted_context(context, param.literal)}" '
                    f"Which {what} is it on this system?"
                )
            said = f"{param.literal} is {meaning} (the article). " if meaning else ""
            node["help"] = brace(said + _PLACEHOLDER_HELP.get(what, PARAM_HELP[param.kind]))
            if what.startswith("number of "):
                node["help"] = brace(said + size_help(what))
            if what == "file name" and is_alert_runbook(article):
                # `openssl x509 -in {myfile_with_certs.crt}`: a file on a Linux host
                node["help"] = brace(said + _RUNBOOK_FILE_HELP)
            if root:
                node["help"] = brace(
                    f"{said}The rest of the path after {root}, e.g. Data\\Reports or "
                    f"Data\\report.txt: the command writes {root} before it; it replaces the "
                    "placeholder."
                )
            # a modern article's own word on the value, or the listing step before it
            modern = article.style != "mskb"
            earlier = _earlier_command(option, param) if modern else ""
            said = _replace_sentence(option, param) if modern else ""
            source = _FROM_RE.search(param.literal) if modern else None
            if source:  # "<osd podname from previous step>", "<value of ... from alert>"
                where = re.sub(r"^(?!the )", "the ", source.group("where"), flags=re.IGNORECASE)
                node["help"] = brace(
                    f"Its value comes from {where}: read it there, then type it here "
                    "(the checklist shows the command with it)."
                )
            elif modern and (step := produced_by(param.literal, option.items)):
                # "After running the command, the table name <TableName> is returned."
                node["help"] = brace(
                    f'Its value comes from the output of the step "{sentence_cut(step, 120)}": '
                    "run that step first, then type what it returned here."
                    + (f" The article: {sentence_cut(said, 200)}" if said else "")
                )
            elif said:  # "Replace <User SID> with the SID of your user account."
                node["help"] = brace(f"The article: {sentence_cut(said, 200)}")
            elif modern and (found := _found_sentence(option, param)):
                # "Run Get-ADFSProperties ... The GUID is listed under ...": where to read it
                node["help"] = brace(f"Where to find it (the article): {sentence_cut(found, 240)}")
            elif earlier:
                node["help"] += brace(
                    " Not known yet? The output of the step before its first use may show it: "
                    f'"{sentence_cut(earlier, 160)}" (run that step first).'
                )
            elif is_alert_runbook(article) and (diagnosis := find_section(article, ["diagnosis"])):
                # Ceph's `<pool>` after "rados df ... about pool status": look there first
                node["help"] += brace(diagnosis_pointer(param.literal, diagnosis.text))
            kept = noted_step(meaning, param.literal, [*option.pre_items, *option.items])
            if kept:  # "<xxxx> stands for the ... value you found in Step 6": say that step
                head = noted_head(meaning)
                node["title"] = f"Your {head} for {param.literal}"
                asked = str(node["text"]).replace(f"your own {what}:", f"the {head}:", 1)
                node["text"] = re.sub(r"[^?:\"]{1,80}\?$", f" What is the {head}?", asked)
                node["help"] = brace(
                    f"{param.literal} is {meaning} (the article). It comes from an earlier step "
                    f'of this checklist: "{sentence_cut(kept, 160)}" Do the steps up to that '
                    "one first, then type what it showed."
                )
            if _ref(param) in drive_roots([*option.pre_items, *option.items]):
                node["help"] = brace(
                    "The drive letter alone, e.g. D: the checklist writes it as D:\\ where "
                    f"the article's {param.literal} stands for the drive's root."
                )
            if what == "SID" and "whoami" not in node["help"]:  # how to read one, too
                node["help"] += brace(" " + _SID_HOW)
        else:
            node["title"] = f"{PARAM_TITLE[param.kind]} (the article: {param.literal})"
            node["text"] = brace(
                f"The article uses {param.literal} here: "
                f'"{_quoted_context(context, param.literal)}" What should it be on this system?'
            )
            node["help"] = brace(f"{PARAM_HELP[param.kind]} Enter keeps {param.literal}.")
            medium = _medium_context(option, param) if param.kind == "drive" else ""
            if medium:  # `expand d:\i386\...` after "Insert the Windows NT CD-ROM"
                node["title"] = f"Drive letter of the medium (the article: {param.literal})"
                command = _media_command(option, param.key)
                if command:  # quote the command, not "CD-ROM" for its letter D
                    node["text"] = brace(
                        f"The article's command takes the file from drive {param.literal}: "
                        f'"{sentence_cut(command, 160)}" Which drive letter is it on this system?'
                    )
                node["help"] = brace(f"{medium_help(medium, param.literal)} Enter keeps it.")
        if param.kind == "count":
            node["integer"] = True
            node["min"] = 1
            node["max"] = 999
        elif param.kind == "placeholder" and what.startswith("number of "):
            node.update(type="number", integer=True, min=0)  # `max_bytes <bytes>`; 0 is none
        elif node.get("title", "").startswith("Your port for"):
            # a port is a number the loader can check, not free text
            node["type"] = "number"
            node["integer"] = True
            node["min"], node["max"] = 1, 65535
        if param.literal in option.bounds:
            # a setting the article bounds: a number in its range, its default offered
            low, high, default = option.bounds[param.literal]
            name = option.bound_names.get(param.literal, param.literal.strip("{}"))
            node["type"] = "number"
            node["integer"] = True
            node["min"], node["max"] = low, high
            node["title"] = f"Value for {name}"
            node["text"] = brace(f"The fix sets {name}. Which value do you set it to?")
            said = f"; the default is {default}" if default is not None else ""
            node["help"] = brace(f"A whole number from {low} to {high}{said} (the article).")
            if option.bound_notes.get(param.literal):  # "not advisable to create more than 20"
                node["help"] += brace(f" The article: {option.bound_notes[param.literal]}")
            if default is not None:
                node["default"] = default
        if param.literal in option.prose_values:
            node.update(_prose_node(param.literal, option.prose_values[param.literal], context))
        if param.kind not in {"placeholder", "example"}:
            node["default"] = param.default
        if node["type"] == "text" and param.kind != "example":
            _set_format(node, what if param.kind == "placeholder" else param.kind)
        node["source"] = _cite(article, option.section)
        node["next"] = following
        nodes.append(node)
    return nodes


def _prose_node(token: str, phrase: str, context: str) -> dict[str, Any]:
    """Title, text and help of a value a step types that the article names only in prose
    (`prose_inputs`): the article wrote no placeholder, so none is quoted as its own."""
    step = _quoted_context(context, token).replace(f" ({token})", "").replace(f" to {token}", "")
    return {
        "title": f"Your {phrase}",
        "text": brace(f'{prose_lead(step)}: "{step}" {prose_question(phrase)}'),
        "help": brace(
            f"Type your own {phrase}; the checklist puts "
            + ("them" if phrase.endswith("addresses") else "it")
            + " into the step."
        ),
    }


#: The format a text input takes for each kind of value (the loader checks answers
#: against it): values go into the article's commands, so none may carry a `;` or `&`.
_KIND_FORMAT = {
    "drive letter": "drive",
    "drive": "drive",
    "host name": "host",
    "IP address": "ip",
    "MAC address": "mac",
    "path": "path",
    "share path": "path",
    "registry key": "path",
    "file name": "path",
    "file": "path",
    "name": "name",
    "pod name": "name",
    "user name": "name",
    "domain component": "name",
    "account": "name",
    "logical file name": "name",
    "distinguished name": "name",
}


def _set_format(node: dict[str, Any], kind: str) -> None:
    """Give a text input the format of its kind, unless its default is not of it (the
    article's own literal is kept as the default; a format it breaks would make the
    draft fail lint)."""
    fmt = _KIND_FORMAT.get(kind, "value")
    default = node.get("default")
    if default is not None:
        try:
            check_format(str(default), fmt)
        except InvalidValue:
            return
    node["format"] = fmt


#: The article's word on where a placeholder's value comes from: "Replace <User SID>
#: with ...", "where <x> is the drive", "the table name <TableName> is returned".
_SAYS_VALUE_RE = re.compile(
    r"^(?:[^,]{0,60},\s*)?(?:replace|substitute)\b|\bwhere\s+<[^>]+>\s+is\b|"
    r"\b(?:is|are) (?:returned|displayed|"
    r"shown|listed)\b|\byou can see\b",
    re.IGNORECASE,
)


#: A placeholder that says where its value is: "<osd podname from previous step>".
_FROM_RE = re.compile(
    r"\bfrom (?P<where>(?:the )?(?:previous|earlier|first|last|above) (?:step|command|output)"
    r"|(?:the )?alert(?: labels?)?|(?:the )?(?:command )?output(?: above)?)\b",
    re.IGNORECASE,
)


def _replace_sentence(option: Option, param: Param) -> str:
    """The article's own word on a placeholder ("Replace <User SID> with the SID of your
    user account."), from the option's steps and their notes; "" if it has none."""
    for item in [option.lead, *option.pre_items, *option.items]:
        for line in item.replace(DETAIL_SEP, "\n").split("\n"):
            for sentence in split_sentences(line):
                bare = re.sub(r"^(?:note|detail):\s*", "", sentence, flags=re.IGNORECASE)
                if param.literal.casefold() in bare.casefold() and _SAYS_VALUE_RE.search(bare):
                    return bare
    return ""


def _found_sentence(option: Option, param: Param) -> str:
    """Where the article says a `<Name>` placeholder's value shows, naming it by its bare
    words ("The GUID is listed under CertificateSharingContainer."), with the command of
    the step it follows when that step has one; "" if it does not say."""
    inner = param.literal[1:-1] if param.literal.startswith("<") else ""
    if len(inner) < 3 or not re.fullmatch(r"[\w .-]+", inner):
        return ""
    said = re.compile(
        rf"\b(?:the|a|your)\s+{re.escape(inner)}\b[^.;]{{0,40}}?\b(?:is|are)\s+"
        r"(?:listed|displayed|shown|returned)\b",
        re.IGNORECASE,
    )
    for item in [*option.pre_items, *option.items]:
        lines = [line.strip() for line in item.replace(DETAIL_SEP, "\n").split("\n")]
        for j, line in enumerate(lines):
            found = next(
                (t for t in split_sentences(line) if param.literal not in t and said.search(t)),
                "",
            )
            if not found:
                continue
            # the command line just above it (`Get-ADFSProperties`), not a prose line
            above = [x for x in lines[:j] if x and not x.endswith((".", ":"))]
            return f"{found} (after {above[-1]})" if above else found
    return ""


_NOT_COMMAND_RE = re.compile(
    r"^(?:note|detail|important|warning|caution|tip|link|table|quote):", re.IGNORECASE
)


#: A command whose output names things: `oc get pods`, `kubectl describe`, `SELECT`.
_LISTING_RE = re.compile(
    r"\b(?:get|list|ls|describe|show|select|query|find|grep|status|logs?|dir)\b|\bGet-\w+",
    re.IGNORECASE,
)


def _earlier_command(option: Option, param: Param) -> str:
    """The step before the first use of a placeholder that runs a command, whose output
    gives its value (`oc get pods` before `oc logs <pod-name>`); "" if there is none.
    Among the listing steps just before, the nearest that names what the placeholder
    names (`<virt-handler-pod-name>`: the step listing the virt-handler pods, not the
    `oc get nodes` after it)."""
    items = [*option.pre_items, *option.items]
    first = next((n for n, i in enumerate(items) if param.literal in i), None)
    if not first:
        return ""
    listings: list[tuple[str, str]] = []
    for item in reversed(items[:first]):
        text, detail = split_detail(item)
        if _NOT_COMMAND_RE.match(detail.strip()):
            continue  # a note, a link or a table under a step: no output to read
        if detail.strip() and param.literal not in item:
            if not _LISTING_RE.search(detail):
                break  # the step before changes something; it lists nothing
            listings.append((text, detail))
    if not listings:
        return ""
    text, detail = _naming(listings, param.literal)
    return text if text != "Run the command:" else f"{text} {detail.splitlines()[0]}"


#: A placeholder's words that say what kind of value it is, not what it names (or that
#: nearly every command mentions: `-n namespace`).
_KIND_ONLY = frozenset(
    "name value id your my the of for new old namespace ns output following command".split()
)


def _naming(listings: list[tuple[str, str]], token: str) -> tuple[str, str]:
    """The first (text, detail) listing step whose words share one with `token`'s (plural
    blind: `<pod-name>` and "oc get pods"); the first step when none does."""
    words = {w.rstrip("s") for w in _token_words(token) if w not in _KIND_ONLY and len(w) > 1}
    if not words:
        return listings[0]
    for text, detail in listings:
        said = {w.rstrip("s") for w in re.findall(r"[a-z0-9]+", f"{text} {detail}".casefold())}
        if words & said:
            return text, detail
    return listings[0]


#: What an input for a placeholder asks for, by the kind of value it names.
#: A runbook's file to type: a path on a cluster's Linux host, not a DOS file name.
_RUNBOOK_FILE_HELP = "A file's name or path, e.g. /tmp/ca.crt; it replaces the placeholder."
#: Where to read a SID: an input's help says it, whatever else the article said.
_SID_HOW = (
    "To read it: `whoami /user` shows the signed-in account's SID, `wmic useraccount get "
    "name,sid` each local account's."
)
_PLACEHOLDER_HELP = {
    "drive letter": "A drive letter, e.g. A or D; it replaces the placeholder in the command.",
    "host name": "A computer or server name, e.g. SERVER1; it replaces the placeholder.",
    "path": r"A folder or file path, e.g. C:\WINDOWS; it replaces the placeholder.",
    "file name": "A file name, e.g. REPORT.TXT; it replaces the placeholder.",
    "number": "A number; it replaces the placeholder in the command.",
    "name": "A name; it replaces the placeholder in the command.",
    "pod name": "A pod's name as `oc get pods` or `kubectl get pods` lists it; it replaces the "
    "article's example name in the command.",
    "user name": "The account's user name alone, e.g. sqlsvc: the article writes the computer "
    "or domain before it, asked apart; it replaces the placeholder.",
    "account": r"An account as DOMAIN\user, e.g. CONTOSO\admin; it replaces the placeholder.",
    "IP address": "An IP address, e.g. 192.168.1.10; it replaces the placeholder.",
    "MAC address": "A network adapter's MAC address, e.g. 00-1A-2B-3C-4D-5E; it replaces the "
    "placeholder.",
    "port": "A TCP or UDP port number, 1 to 65535; it replaces the placeholder.",
    "domain component": "One part of your domain's DNS name, as a DC= part of a directory "
    "path: for contoso.com, DC=contoso,DC=com; it replaces the placeholder.",
    "password": "The account's password; it replaces the placeholder, and the checklist shows "
    "it, so do not share the checklist.",
    "share path": r"A network share path, e.g. \\SERVER1\PROFILES\USER1; it replaces the "
    "placeholder.",
    "registry key": r"A registry key's full path, e.g. HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App; "
    "it replaces the placeholder.",
    "SID": "A security identifier, e.g. S-1-5-21-...-1001; it replaces the placeholder. "
    + _SID_HOW,
    "logical file name": "The database file's logical name, as RESTORE FILELISTONLY lists it "
    "(its LogicalName column), not a path; it replaces the placeholder.",
    "distinguished name": DN_HELP,
}


def _word_kind(words: list[str]) -> str:
    """The kind a placeholder's whole words say before its other words do: an address
    (`<KMS host server IP address>` is no host name; `<gateway MAC>`), a port (a number),
    an account (`<ADFS service account>`), a domain controller (a controller pod is not
    a server); "" when none does."""
    if {"ip", "ipaddress", "ipaddr"} & set(words) and words[-1:] == ["addresses"]:
        return "IP addresses"  # "the IP addresses of WINS servers": a list, no one format
    if {"ip", "ipaddress", "ipaddr"} & set(words):
        # `<server IP address or host name>` takes either: a host name's format holds both
        # (`<OWA server NetBIOS name or IP address>`: a name or an address, a host name too)
        named = {"host", "hostname", "fqdn", "dns"} & set(words) or {"or", "name"} <= set(words)
        return "host name" if named else "IP address"
    last = words[-1] if words else ""
    if last in ("mac", "macaddress") or words[-2:] == ["mac", "address"]:
        return "MAC address"  # not `<kubemacpool_mac_controller>`, a pod
    if last in ("port", "portnumber"):
        return "port"
    if last in ("account", "acct"):
        return "account"
    if last in ("password", "passwd", "pwd"):
        return "password"
    pairs = pairwise(words)
    # `<DC>`, `<PDCName>`, `<BDC>`: a domain controller is a computer
    if {"dc", "pdc", "bdc"} & set(words) or any(
        a == "domain" and b.startswith("controller") for a, b in pairs
    ):
        return "host name"
    return ""


#: Words of a `<domain\user>` token that make it an account, not a path.
_ACCOUNT_WORDS = frozenset({"domain", "user", "username", "account", "admin", "group"})
_KIND_WORDS = (
    # "<destination> is the drive and directory where ...": a path, not only its letter
    ("path", r"\bdrive\s+(?:and|or)\s+(?:directory|folder|path)\b"),
    ("drive letter", r"\bdrive\b|\bletter\b|\bcd-?rom\b|\bfloppy\b"),
    ("host name", r"\b(?:server|computer|machine|host|workstation)\s*_?name\b|\bserver\b|\bhost\b"),
    ("path", r"\bpath\b|\bdir(?:ectory)?\b|\bfolder\b|\bwindir\b|\broot\b"),
    ("file name", r"\bfile\s*_?name\b|\bfile\b"),
    ("number", r"\bnumber\b|\bcount\b|\bsize\b|\bmilliseconds\b|\bseconds\b|\bvalue\b"),
    ("name", r"\bname\b"),
)


#: Parts of a placeholder's own name that say what it is (`<winpath>`, `<cd drive>`).
_TOKEN_KINDS = (
    ("drive letter", ("drive", "letter")),
    ("host name", ("server", "computer", "machine", "host")),
    ("path", ("path", "dir", "folder", "windir", "root")),
    ("file name", ("file",)),
    # `nnnn` is a number; `<xxxx>` any text ("Chk<xxx>.tmp", "where <xxxx> is the internal
    # name"): the article's explanation, if any, says what it is
    ("number", ("number", "count", "size", "nnn")),
)


#: Parts that also end a token's word (`<winpath>`, `<cddrive>`); the others only start
#: one, so `<AccountName>` is no count and `<ProfileName>` no file.
_SUFFIX_PARTS = frozenset(
    {"drive", "letter", "path", "dir", "folder", "root", "server", "host", "computer", "machine"}
)


def _token_words(token: str) -> list[str]:
    """`<AccountName>` -> ["account", "name"]; `<yourservername>` -> ["servername"]."""
    words = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", token)
    return [re.sub(r"^(?:your|my)(?=\w)", "", w.casefold()) for w in words]


def _placeholder_kind(param: Param, meaning: str) -> str:
    """ "drive letter", "host name", "path" ...: what `<drive>`, `servername`, `<winpath>`
    stand for, read from the token's words and the article's explanation of it. A token
    that ends in "name" names something, whatever else it says (`<AccountName>`)."""
    if param.key.startswith("drive:"):
        return "drive letter"
    words = _token_words(param.literal)
    if param.literal.startswith("\\\\"):
        return "share path"  # `\\server\share\folder`
    if "\\" in param.literal:  # `<domain\user>` is an account, `<path\filename>` a file
        if _ACCOUNT_WORDS & set(words):
            return "account"
        return "file name" if words and words[-1].startswith("file") else "path"
    if words[-1:] == ["filesystem"] or words[-2:] == ["file", "system"]:
        return "name"  # `odf subvolume delete <filesystem> ...`: a file system's name
    if path_to(words):
        return "path"  # `<path_to_problem_file>`: where the file is, not its bare name
    if said := _word_kind(words):
        return said

    def has(parts: tuple[str, ...], among: list[str] = words) -> bool:
        return any(
            (w.startswith(p) and not w.startswith(p + "r"))  # a driver is no drive
            or (p in _SUFFIX_PARTS and w.endswith(p))
            for w in among
            for p in parts
        )

    for kind, part in _TOKEN_KINDS:  # the last word says what it is: `<DriverPath>` a path
        if words and has(part, words[-1:]):
            return kind

    if words and words[-1].endswith("name"):
        if has(_TOKEN_KINDS[1][1]):
            return "host name"
        return "file name" if has(("file",)) else "name"
    for kind, part in _TOKEN_KINDS:
        if has(part):
            return kind
    if words and words[-1] in _OBJECT_NOUNS and "id" not in words:
        return "name"  # `<namespace>`, `<etcd-pod>`: an object the admin names
    for kind, pattern in _KIND_WORDS:
        if re.search(pattern, meaning, re.IGNORECASE):
            return kind
    return "value"


def _object_before(literal: str, context: str) -> bool:
    """Whether the command names an object's kind right before the placeholder (`oc get
    pod <virt-handler>`, `oc debug node/<x>`): what is typed there is that object's name."""
    if literal not in context:
        return False
    before = re.findall(r"[a-z]+", context[: context.index(literal)].casefold()[-40:])
    return (
        bool(before)
        and before[-1] in _OBJECT_NOUNS
        and not context[: context.index(literal)].rstrip().endswith(("=", ":"))
    )


#: Things a command names (Kubernetes objects, databases, accounts' groups ...): a
#: placeholder ending in one is a name, not any value.
_OBJECT_NOUNS = frozenset(
    """namespace ns pod pods node nodes vm vmi pvc pv volume cluster deployment service
    secret image snapshot subvolume pool bucket database db table instance container
    project route configmap daemonset statefulset replica operator group queue printer
    share site tenant subscription vault app application package iface interface nic""".split()
)


#: A placeholder such as `<path>`, explained as "where path is ..." too.
_BRACKETED_WORD_RE = re.compile(r"<[a-z]{3,}>")


@lru_cache(maxsize=512)  # the same placeholders (<drive>, <path>) recur across articles
def _explanation_re(literal: str) -> re.Pattern[str]:
    """The "where <literal> is ..." sentence `_explanation` looks for, compiled once."""
    # `<path>` is explained as "where path is ...": the bare word names it too
    name = re.escape(literal)
    if _BRACKETED_WORD_RE.fullmatch(literal):
        name = rf"(?:{name}|{re.escape(literal[1:-1])})"
    return re.compile(
        rf"\b(?:where|and)\s+[\"']?{name}[\"']?:?\s+"
        r"(?:is|are|represents|stands for)\s+"
        # a dot inside a file name (MOUSE.SYS) does not end what it says
        r"(?P<what>(?:[^.;\n\x1f]|\.(?=\w)){3,120}?)(?=\s+and\s+(?:where|<)|\.(?!\w)|[;,)\n\x1f]|$)",
        re.IGNORECASE,
    )


#: `_explanation_re`'s start, the same for every placeholder: "where " / "and ".
_EXPLAIN_LEAD_RE = re.compile(r"\b(?:where|and)\s+", re.IGNORECASE)


def _explained_after_lead(text: str, low: str, literal: str, needle: str) -> bool:
    """Whether `_explanation_re(literal)` may match ASCII `text` (`low` lowercased): the
    placeholder stands right after a "where " / "and " (a quote between allowed). A
    superset test with one precompiled pattern, so the per-placeholder pattern (~2 ms to
    compile) is compiled only for an article that may explain it."""
    names = (literal.lower(), needle)
    if not literal.isascii() or literal[:1].isspace() or literal[:1] in "\"'":
        return True  # a name the test does not cover: search as before
    for lead in _EXPLAIN_LEAD_RE.finditer(text):
        at = lead.end()
        if low.startswith(names, at) or (
            low[at : at + 1] in ('"', "'") and low.startswith(names, at + 1)
        ):
            return True
    return False


def _explanation(literal: str, items: list[str]) -> str:
    """ "the floppy disk drive" from "where <drive> is the floppy disk drive ...": what the
    article says the placeholder stands for, "" if it does not say. The pattern (compiled
    per placeholder) is searched only in an item that holds the placeholder's name: an
    ASCII text that, lowercased, does not cannot match (`_explanation_re` is IGNORECASE)."""
    name = literal[1:-1] if _BRACKETED_WORD_RE.fullmatch(literal) else literal
    needle = name.lower() if name.isascii() else ""
    pattern: re.Pattern[str] | None = None
    for item in items:
        # a sentence wrapped over the lines of a paragraph is one line ("your MS-" / "DOS")
        text = re.sub(r"(?<=[A-Za-z]-)\n[ \t]*(?=[A-Za-z])", "", item)
        text = re.sub(r"(?<!\n)\n(?![\n\x1f])[ \t]*", " ", text)
        text = " ".join(text.replace("\x1f", " \x1f ").split(" "))
        if needle and text.isascii():
            low = text.lower()
            if needle not in low or not _explained_after_lead(text, low, literal, needle):
                continue
        if pattern is None:
            pattern = _explanation_re(literal)
        found = pattern.search(text)
        if found:
            return " ".join(found.group("what").split())
    return ""


#: Where a long step's sentence breaks into parts: at a shell comment (" # ") or prompt
#: (" $ ") of a command flattened into it; then, finer, after a colon or semicolon.
_COMMAND_BREAK_RE = re.compile(r"\s+[#$]\s+")
_CLAUSE_BREAK_RE = re.compile(r"(?<=[:;])\s+|\s+[#$]\s+")


def _quoted_context(context: str, literal: str, limit: int = 200) -> str:
    """What an input question quotes of the article around `literal`: the sentence when
    it fits, else the clause that holds `literal` ("PVC_NAME='<pvc>'" of a command
    flattened into the sentence), else whole sentences; never the sentence's start cut
    with "[...]" before `literal` is reached."""
    if len(context) <= limit:
        return context
    for breaks in (_COMMAND_BREAK_RE, _CLAUSE_BREAK_RE):
        clause = next((c for c in breaks.split(context) if literal in c), "")
        # the clause says something beside the placeholder and is no YAML key's lead-in
        # ("<obc name> namespace:" of "name: <obc name> namespace: ...")
        said = re.search(r"\w", clause.replace(literal, ""))
        if clause and len(clause) <= limit and said and not clause.endswith(":"):
            return clause
    return sentence_cut(context, limit)


def _step_text(text: str) -> str:
    """A step's text as the checklist and its export show it: whole (a long one-sentence
    step is read in full, not cut with "[...]"), unless it is a run of text with no
    sentence end far past MAX_ITEM_CHARS."""
    return sentence_cut(text, MAX_ITEM_CHARS)


def _item(
    article: Article,
    item: str,
    section: Section,
    known: dict[str, str],
    roots: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """A checklist item: its text (cut at MAX_ITEM_CHARS) and, when the step carries one,
    its detail (a command, code, a note) kept line by line; both use the inputs."""
    if not is_alert_runbook(article):  # "secedit/refreshpolicy machine_policy/enforce"
        item = respaced_switches(item)
    text, detail = split_detail(item)
    if len(text) > MAX_ITEM_CHARS:
        # a long step: its first sentence is the step, the rest is shown under it whole
        # (not cut with "[...]")
        sentences = split_sentences(text)
        if len(sentences) > 1 and len(sentences[0]) <= MAX_ITEM_CHARS:
            text, rest = sentences[0], " ".join(sentences[1:])
            detail = f"{rest}\n\n{detail}".strip("\n") if detail else rest
    # `$NAMESPACE` the runbook set from an asked `<alert namespace label>`, used where the
    # item does not set it (a verify re-running a check): the typed answer stands there
    assigned = unset_in(item, assigned_placeholders(article, known))
    known = {**known, **assigned} if assigned else known
    # one pass over text and detail: "where nnnn is ..." in one explains nnnn in the other
    joined = _template(f"{_step_text(text)}{DETAIL_SEP}{detail}", known, roots)[0]
    # "Replace {placeholder_1} with ...": it is asked, unless the note is the whole step
    # ("If you use this sample query, replace ..." asked as its case): then it stays
    dropped = drop_replace_notes(joined)
    if dropped.partition(DETAIL_SEP)[0].strip():
        joined = dropped
    if "**" in joined and article.style != "mskb" and not is_alert_runbook(article):
        joined = unbold_code(joined)  # `(**{placeholder_1}** **,**'MS...')`: no bold in code
    text, _, detail = joined.partition(DETAIL_SEP)
    entry: dict[str, Any] = {"text": text}
    if detail.strip():
        entry["detail"] = detail
    entry["source"] = _cite(article, section)
    return entry


#: A fix section that calls itself a workaround ("One workaround is to write a routine").
_WORKS_ROUND_RE = Hinted(re.compile(r"\bwork[- ]?around\b", re.IGNORECASE), ("work",))


def _without_applies(lead: str) -> str:
    """`lead` without its "_Applies to:_ ... _Original KB number:_ 974998" header
    (`APPLIES_RE`), searched only when the words are there (both branches need them)."""
    if lead.isascii() and "original kb number" not in lead.lower():
        return lead
    return APPLIES_RE.sub("", lead)


@lru_cache(maxsize=256)  # a section's whole text, asked twice an option
def _works_round(text: str) -> bool:
    """`text` says "workaround" (or "work around", "work-around")."""
    return _WORKS_ROUND_RE.search(text) is not None


_UPGRADE_RE = re.compile(r"upgrade\b", re.I)


def _fitted_to_outcome(article: Article, option: Option, verify_text: str) -> str:
    """`verify_text` about what this outcome's steps change (round 33, round_only and
    this_outcome): a workaround of a problem that stays checks its own effect, never "no
    longer occurs"; a cut clause quotes its main clause; a diagnostic checks its output;
    "Use JScript" is checked with JScript."""
    status = find_section(article, ("status",))
    cause = find_section(article, ("cause", "causes"))
    status_text = status.text if status is not None else ""
    stays = problem_stays(
        f"{option.lead} {option.section.text}",
        status_text,
        cause.text if cause is not None else "",
        f"{status_text} {option.section.text}",
        option.kind == "workaround" or option.section.key in WORKAROUND_KEYS,
    )
    if stays not in {"no-fix", "limit", "researching"} and (
        design_limit(cause.text if cause is not None else "", status_text, option.section.text)
        or limit_said(verify_text, f"{status_text} {option.section.text}")
    ):
        stays = "limit"  # "This is a design change", "X is not available in Y" (verify35)
    if stays in {"researching", "workaround", "known"} and removes_cause(
        cause.text if cause is not None else "", option.label, option.lead
    ):
        stays = ""  # "has not been upgraded" and the steps upgrade it (verify36)
    symptom = find_section(article, ("symptoms", "symptom"))
    if symptom is not None:  # "... starts if HIS is removed and reinstalled" (verify36)
        verify_text = without_condition(verify_text, symptom.text)
    fix = option.section.key in RESOLUTION_KEYS
    verify_text = without_failed_remedy(verify_text, option.section.text)
    verify_text = whole_clause_verify(
        round_only_verify(
            verify_text,
            option.label,
            option.lead,
            option.section.text,
            stays,
            fix=fix,
            turned=stays == "limit" and limit_turned(verify_text),
        )
    )
    doing = [*option.pre_items, *option.items]
    lead = f"{option.lead} {option.section.text[:600]}"
    return own_tool_verify(
        diagnostic_verify(verify_text, option.label, doing, lead), option.label, doing
    )


def _outcome(
    article: Article,
    option: Option,
    variables: dict[str, str],
    verify_text: str,
    symptom_section: Section | None,
    tables: list[list[str]] | None = None,
) -> dict[str, Any]:
    """One mitigation's outcome node; `tables`: every option's steps, where the hotfix's
    file table may sit under another outcome than the one that installs it."""
    asked = {_ref(p) for p in [*option.params, *option.late]}
    known = {ref: var for ref, var in variables.items() if ref in asked}
    if option.kind == "upgrade":  # the product it installs, not the one it replaces
        verify_text = upgraded(verify_text, option.label)
    verify_text = for_outcome(
        verify_text, option.kind == "workaround" or option.section.key in WORKAROUND_KEYS
    )
    # never redo what this fix avoids ("do not press any keys"), nor check another fix's thing
    verify_text = fit_outcome(
        verify_text,
        [*option.pre_items, *option.items, option.label],
        " ".join(symptom_section.text.split()) if symptom_section is not None else "",
    )
    # a key that only interrupts the problem ("Press ESC to stop X") cures nothing
    verify_text = interrupt_verify(verify_text, [*option.pre_items, *option.items])
    # "Use X instead of Y": the check does what the fix does, with X, never Y
    verify_text = instead_verify(verify_text, [*option.pre_items, *option.items])
    # a workaround that goes round the thing the check names: its own result is the check
    verify_text = avoided_verify(
        verify_text,
        [*option.pre_items, *option.items],
        option.kind == "workaround"
        or option.section.key in WORKAROUND_KEYS
        or (option.section.key in RESOLUTION_KEYS and _works_round(option.section.text)),
    )
    # the steps to reproduce run with the code the fix changes, never as written
    verify_text = changed_repro(
        verify_text,
        [option.label, *option.pre_items, *option.items],
        option.kind in {"upgrade", "cause"},
    )
    # a how-to's goal, a limit's workaround: never "the problem no longer occurs" pasted
    verify_text = fitted_verify(
        verify_text,
        article_kind(article.title, {s.key for s in article.sections}, article.style == "mskb"),
        option.label,
        option.lead,
        option.kind == "workaround"
        or option.section.key in WORKAROUND_KEYS
        or _works_round(option.section.text),
        option.section.text,
        option.items,
        article.title,
    )
    # "You must do this procedure each time you sign in": the procedure's own effect
    verify_text = each_time_verify(
        verify_text, option.label, option.lead, option.section.text, option.items
    )
    # "While X is running", "When the guest user is disabled": never a state the fix changes
    verify_text = drop_changed_condition(
        verify_text, [option.label, *option.pre_items, *option.items]
    )
    # the symptom's setting ("if you are using driver 7.33 or earlier") is no step of the
    # check; "some ... are migrated" made all; a progress line swapped for the error
    verify_text = fitting_verify(
        verify_text, symptom_section.text if symptom_section is not None else ""
    )
    if not is_alert_runbook(article):  # a runbook's per-fix verifies are its own
        verify_text = _fitted_to_outcome(article, option, verify_text)
    # "Open the database through an ODBC DSN": the steps to reproduce as written still fail
    verify_text = other_way_repro(
        verify_text,
        option.label,
        option.kind in {"upgrade", "cause"},
        verify_text.startswith(REPRO_PREFIX) and bool(fixed_releases(article)),
    )
    # "1. Change your hard drive name to X's MAC": never replay the step that undoes the fix
    verify_text = undone_repro(
        verify_text,
        [option.label, *option.pre_items, *option.items],
        option.kind in {"upgrade", "cause"},
    )
    steps = []
    roots = drive_roots([*option.pre_items, *option.items])
    for n, item in enumerate(option.pre_items):
        entry = _item(article, item, option.pre_section or option.section, known, roots)
        if -(n + 1) in option.when:  # a Diagnosis step for one case (version_steps)
            entry = {"text": entry.pop("text"), "when": option.when[-(n + 1)], **entry}
        steps.append(entry)
    for n, item in enumerate(option.items):
        entry = _item(article, item, item_section(option, item), known, roots)
        if n in option.when:
            entry = {"text": entry.pop("text"), "when": option.when[n], **entry}
        steps.append(entry)
    verify = [_item(article, check, option.section, known) for check in option.checks]
    version, table_section = version_check(option.items), option.section
    if not version and option.pre_items:  # the obtain step of "obtain, then install"
        version = version_check(option.pre_items)
        table_section = option.pre_section or option.section
    workaround = option.kind == "workaround" or option.section.key in WORKAROUND_KEYS
    if not version and tables and not workaround and option.kind != "upgrade":
        version = shared_version_check(option.items, option.label, tables)
    if not version and option.kind == "upgrade":
        # "Upgrade: Visual FoxPro 5.0a": the version it installs is what the admin can read
        version = told_apart_check(article) or installed_version_check(option.label)
    upgrade = option.kind == "upgrade" or _UPGRADE_RE.match(option.label)
    if not version and (
        option.kind == "upgrade"  # "Install the April 1999 version of the MSDN Library"
        or ((upgrade or not workaround) and installs_release(option.label, option.items))
    ):
        # "Obtain the latest service pack" over STATUS's "first corrected in ... Service
        # Pack 4": that service pack installed is the check
        version = fixed_release_check(fixed_releases(article))
    if version:  # the hotfix's file table: the files it installs, at least these versions
        verify.insert(0, _item(article, version, table_section, known))
        for entry in steps:  # the table is read in the verify, not pasted under a step
            if entry.get("detail"):
                entry["detail"] = without_file_table(entry["detail"], version)
                if not entry["detail"].strip():
                    del entry["detail"]
        if len(verify) == 1 and not restates(verify_text):
            # the symptom pasted after the version adds nothing to check (a turned check
            # or the article's steps to reproduce do)
            verify.append(_verify_entry(article, verify_text, symptom_section or option.section))
    runbook = is_alert_runbook(article)  # its verify is the runbook's own (runbook_verify)
    if not verify and not runbook and (implied := _implied_verify(article, option, known)):
        # the check the fix's own action implies (a service it starts runs), then the
        # symptom's turned check; the symptom pasted back adds nothing to it
        verify = implied
        if not _PASTED_RE.match(split_detail(verify_text)[0]):  # a redo or turned check stays
            verify.append(_verify_entry(article, verify_text, symptom_section or option.section))
    elif verify and not runbook and all(restates(str(v["text"])) for v in verify):
        # modern's "Check that this no longer happens: <label>": the implied check instead
        verify = _implied_verify(article, option, known) or verify
    verify = _ignore_verify(article, option, steps, verify, verify_text, symptom_section)
    backup = option.backup
    outcome: dict[str, Any] = {
        "id": option.id,
        "kind": "outcome",
        "title": option.label,
    }
    if option.lead and not bare_lead(option.lead):  # not "perform the following steps:"
        outcome["text"] = brace(sentence_cut(option.lead, 400))
    outcome["source"] = _cite(article, option.section)
    outcome["steps"] = steps
    outcome["verify"] = verify or [
        _asked_in_verify(
            _verify_entry(article, verify_text, symptom_section or option.section),
            verify_text,
            known,
            roots,
        )
    ]
    for entry in outcome["verify"]:
        _repro_filled(entry, known, roots)
    second_run_verify(outcome["verify"], [option.label, *option.pre_items, *option.items])
    for entry in outcome["verify"]:  # "Confirm that X is missing": the fix's effect (verify36)
        entry["text"] = diagnosis_verify(entry["text"])
    rollback = [_item(article, step, option.section, known) for step in option.undo]
    denied = no_rollback(f"{option.lead}\n{option.section.text}", article.body)
    if denied:  # "you cannot currently roll back these changes": no rollback, a caution
        rollback = []
        caution = brace(f'Caution: the article says "{sentence_cut(denied, 300)}"')
        outcome["text"] = f"{outcome['text']}\n\n{caution}" if outcome.get("text") else caution
    elif backup:
        rollback.append(
            {
                "text": brace(
                    f"If the change causes a problem, restore the {backup} from the backup "
                    "you made before changing it."
                ),
                "source": _cite(article, option.section),
            }
        )
    if rollback:
        outcome["rollback"] = rollback
    return outcome


#: The symptom pasted whole ("Check that this no longer happens: <symptom>"): after the
#: check a fix's action implies it adds nothing; a redo ("X again, and check ...") does.
_PASTED_RE = re.compile(r"^Check that (?:the problem no longer occurs|this no longer happens): ")


def _implied_verify(
    article: Article, option: Option, known: dict[str, str]
) -> list[dict[str, Any]]:
    """The check the fix's own action implies (the service it starts is running, the DNS
    record it adds resolves), in place of the symptom pasted back; [] when none does.
    Steps shown for one case only ("when") are not read: their check is not everyone's."""
    pre = [i for n, i in enumerate(option.pre_items) if -(n + 1) not in option.when]
    items = [i for n, i in enumerate(option.items) if n not in option.when]
    context = f"{option.label} {article.title}"
    check = implied_check([*pre, *items], old=article.style == "mskb", context=context)
    return [_item(article, check, option.section, known)] if check else []


def _asked_in_verify(
    entry: dict[str, Any], verify_text: str, known: dict[str, str], roots: frozenset[str]
) -> dict[str, Any]:
    """The default verify with the fix's asked placeholders filled in ("The Recycle Bin on
    D:\\ is corrupted", not "on <Drive>"): what to check on this system."""
    asked = {ref: var for ref, var in known.items() if ref.startswith("placeholder:")}
    text = split_detail(verify_text)[0]
    if asked and any(f"{p.kind}:{p.key}" in asked for _, _, p in find_params(text)):
        # "(where <x> is the session ID ...)" explains the placeholder: kept as written
        parts = _WHERE_IS_RE.split(text)
        entry["text"] = "".join(
            brace(part) if n % 2 else _template(part, asked, roots)[0]
            for n, part in enumerate(parts)
        )
    return entry


def _repro_filled(entry: dict[str, Any], known: dict[str, str], roots: frozenset[str]) -> None:
    """The steps to reproduce a verify repeats (as shown, maybe cut) with the asked
    placeholders they type filled in (`_repro_params`): typed again to check the fix."""
    asked = {ref: var for ref, var in known.items() if ref.startswith("placeholder:")}
    if not asked or not entry.get("detail") or not str(entry["text"]).startswith(REPRO_PREFIX):
        return
    shown = str(entry["detail"]).replace("{{", "{").replace("}}", "}")
    if any(f"{p.kind}:{p.key}" in asked for _, _, p in find_params(shown)):
        # "where <filename> is the name of a file" explains it: kept as written
        parts = _WHERE_IS_RE.split(shown)
        entry["detail"] = "".join(
            brace(part) if n % 2 else _template(part, asked, roots)[0]
            for n, part in enumerate(parts)
        )


#: "where <x> is the session ID": the article's explanation of a placeholder.
_WHERE_IS_RE = re.compile(r"(\bwhere\s+<[^<>]{1,40}>\s+(?:is|are|represents)\b)", re.I)


def _confirm_first(article: Article, options: list[Option]) -> None:
    """MORE INFORMATION's procedure that confirms the cause ("You can check the validity of
    the CRL by doing the following: ... CERTUTIL <CRL file name> ... will indicate "No
    Signature"") is run before each fix, when no fix comes from MORE INFORMATION itself."""
    more = find_section(article, MORE_KEYS)
    if more is None or not options or any(o.section is more for o in options):
        return
    check = cause_check(more.text)
    if not check:
        return
    for option in options:
        if not option.pre_items and option.kind != "reference":
            option.pre_items, option.pre_section = [check], more


def _ignore_verify(
    article: Article,
    option: Option,
    steps: list[dict[str, Any]],
    verify: list[dict[str, Any]],
    verify_text: str,
    symptom_section: Section | None,
) -> list[dict[str, Any]]:
    """An honest verify where the article says a case needs no fix ("You can safely ignore
    this message when ...", "For public cloud providers, there is nothing to do."): that
    case is not verified by the message or alert going away, the others still are."""
    default = verify or [_verify_entry(article, verify_text, symptom_section or option.section)]
    pieces = [option.lead, *(split_detail(i)[0] for i in option.items)]
    whole = next((said for said in map(ignore_sentence, pieces) if said), "")
    cases = [(ignore_sentence(str(s["text"])), str(s["when"])) for s in steps if "when" in s]
    cases = [(said, when) for said, when in cases if said]
    if cases:
        said, when = cases[0]
        ignored = {
            "text": brace(ignore_check(said)),
            "when": when,
            "source": _cite(article, option.section),
        }
        return [
            ignored,
            *({**v, "when": otherwise(when)} if "when" not in v else v for v in default),
        ]
    if whole and not any(re.search(r"\bsilenc", str(v["text"]), re.I) for v in verify):
        kept = [v for v in verify if not REDO_CHECK_LIKE.search(str(v["text"]))]
        return [
            {"text": brace(ignore_check(whole)), "source": _cite(article, option.section)},
            *kept,
        ]
    return verify


#: A verify that waits for the symptom to go: wrong where the article says to ignore it.
REDO_CHECK_LIKE = re.compile(r"no longer (?:appears|happens|occurs)|alert clears", re.I)
#: "Safely ignore this message when the following conditions are true:", "Download the
#: patch only if all the following conditions are met:": a fix for one case, whose
#: conditions follow it one per line.
_CONDITIONS_LEAD_RE = re.compile(
    r"^(?P<act>[^:]{3,200}?),?\s+(?:only\s+)?(?:if|when)\s+(?:all\s+(?:of\s+)?|both\s+(?:of\s+)?)?"
    r"the\s+following\s+(?:conditions|statements)\s+(?:are|is)\s+(?:true|met)\s*:$",
    re.IGNORECASE,
)
MAX_CONDITIONS = 6
_CONDITIONS_LABEL_RE = re.compile(
    r",?\s+(?:only\s+)?(?:if|when)\s+(?:all\s+|both\s+)?(?:of\s+)?the\s+following\b.*$", re.I
)


def conditions_case(items: list[str]) -> tuple[list[str], str]:
    """(steps, case): a fix that opens (first or second step) "Safely ignore this message
    when the following conditions are true:" over its conditions is for that case: the
    conditions are asked (yes: the fix; no: the article may not apply), the action is a
    step (once: "Download a patch ..." then "Download the patch only if ..." is one), and
    the conditions are no longer ticked as if they were steps. Else (items, "")."""
    for n, item in enumerate(items[:2]):
        text, detail = split_detail(item)
        found = _CONDITIONS_LEAD_RE.match(text.strip())
        if found is None:
            continue
        act = found.group("act").strip().rstrip(",")
        verb = re.sub(r"^(?:safely|simply|only|just|also|then|first),?\s+", "", act, flags=re.I)
        if not _is_action(verb[:1].upper() + verb[1:]):
            return items, ""
        conds: list[str] = []
        for later in items[n + 1 : n + 1 + MAX_CONDITIONS]:
            cond = split_detail(later)[0].strip()
            if not cond or _is_action(cond):
                break
            conds.append(cond.rstrip(".;, ").removesuffix(", and").removesuffix(" and"))
        if not conds:
            return items, ""
        before = items[:n]
        first = step_text(before[0]).casefold().split()[:1] if before else []
        same = bool(first) and first == verb.casefold().split()[:1]
        step = [] if same else [with_detail(f"{act}.", detail)]
        return [*before, *step, *items[n + 1 + len(conds) :]], "If " + "; ".join(conds)
    return items, ""


#: "Disable the fix", "To remove this workaround, ...", "In either Windows Server 2019 or
#: 2016, disable the fix by using either of the following methods:": the way back.
_UNDO_RE = re.compile(
    r"^(?:(?!to\b)[^,:]{3,80},\s+)?(?P<to>(?:to|if you (?:want|need) to)\s+)?(?:disable|undo"
    r"|revert|reverse|roll\s?back|remove|uninstall|turn off|back out)\s+(?:the|this|these)\s+"
    r"(?:fix|hotfix|workaround|change|changes|setting|settings|update|feature|registry (?:change"
    r"|entry|value|key))(?=\s*(?:[,.:;]|$)|\s+(?:by|on|in|from|for|that|you|and|if|after|"
    r"described|made|above)\b)(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)


def undo_steps(items: list[str]) -> tuple[list[str], list[str]]:
    """(steps, undo): a procedure to undo the fix after its steps ("Enable the fix" then
    "Disable the fix: change the value to 0, delete the entry") is the rollback; walked
    as steps, the checklist would undo its own fix. The undo begins at a heading-like
    line, a "To disable this ..." lead or a lead-in ending in a colon, never first."""
    for n, item in enumerate(items[1:], start=1):
        text = split_detail(item)[0].strip()
        found = _UNDO_RE.match(text)
        if found is None:
            continue
        rest = found.group("rest").strip()
        # "..., disable the fix by using either of the following methods:" leads the
        # way back; "Remove the key. It is located at:" is one step with its path
        colon = text.endswith(":") and not re.search(r"[.!?]\s", rest)
        leads = colon or not rest.strip(" .") or bool(found.group("to"))
        if leads:
            return items[:n], items[n:]
    return items, []


#: "Back up the registry before you modify it", "Before you make changes, back up the
#: file", "You should make a backup copy of Win.ini": an instruction to save something, what
#: to save a noun phrase. Where it may stand: a sentence's start, after a comma or "and"
#: ("Before you modify it, back up ..."), after "you should", "be sure to", "we recommend
#: that you". The verb "back up" is lower case there: "Microsoft Backup to restore files"
#: and "Backup attempts to ..." name a program, they ask for nothing.
_BACKUP_PATTERN = re.compile(
    r"(?:^|(?<=[.!?:(\[])\s*|(?<=[,;])\s+(?:and\s+(?:then\s+)?)?|\band\s+(?:then\s+)?)"
    r"(?i:(?:note|important)(?::\s*|,?\s+that\s+)|(?:(?:as|for) (?:an? )?(?:extra )?"
    r"precaution|to be safe),?\s+)?"
    r"(?i:(?:first|always|also|then|please),?\s+"
    r"|(?:you|we|administrators?)\s+(?:should|must|need to|have to|may want to|might want to"
    r"|can)\s+(?:(?:first|always|also)\s+)?"
    r"|(?:be sure|make sure|remember) to\s+|(?:be sure|make sure|ensure)(?: that)? you\s+"
    r"|it is (?:(?:very |strongly )?recommended|a good idea|important) (?:that you |to )"
    r"|(?:we|microsoft) (?:strongly )?recommends? that you\s+)?"
    r"(?:\[\s*)?"
    r"(?:(?i:(?<![\w-])back)(?-i:\s?up)|(?i:make a (?:backup )?(?:copy )?of"
    r"|save a (?:backup )?copy of|create a backup (?:copy )?of|export))\s+"
    r"(?:(?i:(?P<det>the|your|a|an|any|each|every|this|these|that|its"
    r"|all(?: of)?(?: the| your)?))\s+"
    r"(?!(?i:to|and|or|before|after|for|from|in|on|if|when)\b))?"
    r"(?P<what>(?i:registry(?: (?:key|subkey|hive)s?)?)|"
    r"[\w-]+\.(?i:ini|dat|sys|cfg|conf|config|xml|json|ya?ml|db|mdb|pst|ost|reg)\b|"
    r"(?(det)(?:[\w-]+ ){0,2}(?i:files?|keys?|subkeys?|folders?|director(?:y|ies)|databases?"
    r"|configuration|data|settings|profiles?|mailbox(?:es)?|certificates?|hives?)|(?!))\b)",
)
_BACKUP_RE = Hinted(
    _BACKUP_PATTERN,
    (
        "back",
        "make a ",
        "save a ",
        "export",
    ),
)


#: "If you use NTFS, run ...", "When the server is a domain controller, ...": a step for
#: one case. Conditions about how the fix went ("if the problem persists") are not asked
#: up front: the admin cannot know them yet.
_IF_STEP_RE = re.compile(
    r"^(?:if|when)\s+(?P<cond>[^,:;]{4,140}?)\s*(?:,\s*(?:then\s+)?(?P<then>.+)|:)$",
    re.IGNORECASE | re.DOTALL,
)
_OTHERWISE_RE = re.compile(r"^(?:otherwise|if not|else|if no)\b[,:]?\s*(?P<then>.+)$", re.I)
_INLINE_OTHERWISE_RE = re.compile(r"[;.]\s+(?:otherwise|if not)[,:]?\s+", re.IGNORECASE)
_NOT_WANT_RE = re.compile(r"^you (?:do not|don't) want to\b", re.IGNORECASE)
_LATER_CASE_RE = re.compile(
    r"\b(?:persists?|still|continues?|recurs?|(?:does not|doesn't|did not|didn't|cannot|can't|"
    r"do not|don't|will not|won't)"
    r" (?:work|help|resolve|fix|succeed|start|find)|not (?:resolved|fixed)|fails?|failed|"
    r"succeeds?|finished|done|complete[sd]?|restart(?:s|ed)|reboot(?:s|ed)|prompted|you receive|"
    r"you see|you get|appears?|"
    r"necessary|needed|required|applicable|possible|desired|want|wish|prefer|"
    r"found|returns?|returned|output|above|shows?|showed|results?|nothing|displays?|displayed)\b",
    re.IGNORECASE,
)
#: At most this many conditional steps are asked per mitigation.
MAX_ASKED_CASES = 4


def _question_title(question: str) -> str:
    """A question as a title: whole when short, else cut at a word, still a question."""
    if len(question) <= 90:
        return question
    head, colon, rest = question.partition(": ")
    if colon and head == "Does this apply":
        return f"{head}: {short_label(rest.rstrip('?'), 70)}?"
    return f"{short_label(question.rstrip('?'), 85)}?"


_PERFECT_RE = re.compile(r"^(?:already|just|not|never|\w+ed|\w+en|run|set|put)$")
_YOU_RE_RE = re.compile(r"^(you|we)(?:'|\u2019)re\b", re.IGNORECASE)


def _as_question(cond: str) -> str:
    """ "you are running Windows 2000" -> "Are you running Windows 2000?"."""
    cond = _YOU_RE_RE.sub(r"\1 are", cond.strip().rstrip("."))  # "you're running X"
    words = cond.split()
    low = [w.casefold() for w in words]
    if any(w in {"not", "no", "never"} or w.endswith("n't") for w in low[:4]):
        return f"Does this apply: {cond}?"  # a negated case reads wrong turned around
    if len(words) >= 2 and low[0] in {"you", "we"} and low[1] in {"are", "were"}:
        return f"Are you {' '.join(words[2:])}?"
    if len(words) >= 3 and low[:2] == ["you", "have"] and _PERFECT_RE.match(low[2]):
        return f"Have you {' '.join(words[2:])}?"  # "you have already installed X"
    if len(words) >= 2 and low[0] == "you" and low[1] in {"have", "use", "run", "need", "own"}:
        return f"Do you {' '.join(words[1:])}?"
    if len(words) >= 2 and low[0] == "you" and low[1] in {"are", "is"}:
        return f"Are you {' '.join(words[2:])}?"
    for n, word in enumerate(low[:6]):
        if n and word in {"is", "are"} and low[0] in {"the", "your", "this", "a", "an", "it"}:
            subject = " ".join(words[:n])
            rest = " ".join(words[n + 1 :])
            return f"{word.capitalize()} {subject[0].lower() + subject[1:]} {rest}?".replace(
                "  ", " "
            )
    if len(words) >= 3 and low[0] == "you" and low[1] in _MODALS:
        return f"{words[1].capitalize()} you {' '.join(words[2:])}?"  # "Must you upgrade …?"
    if typo := you_typo_question(words):  # "you video adapter does not meet": "your"
        return typo
    if len(words) >= 2 and low[0] == "you" and not low[1].endswith("ed"):
        return f"Do you {' '.join(words[1:])}?"
    return f"Does this apply: {cond}?"


#: "you must upgrade from DOS": asked "Must you upgrade from DOS?", not "Do you must …?".
_MODALS = frozenset("must can could should will would may might".split())


def _then_step(then: str) -> str:
    """The action of a conditional step, "you can also check ..." read as "Check ..."."""
    then = install_needed(then.strip())  # "you need this update hotfix N": install it
    bare = _YOU_CAN_RE.sub("", then, count=1)
    if bare != then and bare:
        then = bare
    return then[0].upper() + then[1:] if then else then


def _conditional_steps(
    option: Option, counter: int, modern: bool = False, cased: bool = False
) -> int:
    """The article's "If X, do A" (and "otherwise, do B") steps as steps for one case,
    each case asked before the outcome as a yes/no question; returns the counter of
    questions asked so far in the tree (their variables are `if_1`, `if_2` ...)."""
    items: list[str] = []
    for item in option.items:  # "If X, do A; otherwise, do B" -> two steps
        text, detail = split_detail(item)
        parts = _INLINE_OTHERWISE_RE.split(text, maxsplit=1)
        if len(parts) == 2 and _IF_STEP_RE.match(parts[0]):
            items.append(parts[0].rstrip(";.") + ".")
            items.append(with_detail(f"Otherwise, {parts[1]}", detail))
        else:
            items.append(item)
    option.items = items = _chosen_case_steps(option, items)
    when: dict[int, str] = {}
    only_method_when(items, option.asks, when)  # "you can use only Method 2" there: asked
    if not modern:  # "Restore X from a backup. If a backup is not available, do Y"
        counter = backup_cases(option, items, when, counter)
        # "If A, do X. If B, do Y." in one paragraph: a step each, one subject's asked once
        items, when, counter = case_sentence_steps(
            items, option.asks, counter, MAX_ASKED_CASES, lambda s: _split_if(s, False), when
        )
        option.items = items
        # "To install A, run X." / "To install B, run Y.": which one, asked
        counter = purpose_pairs(items, when, option.asks, counter, MAX_ASKED_CASES)
    cases: list[tuple[int, str, str, str]] = []  # (index, condition, action, product)
    for n, item in enumerate(items):
        if n in when:
            continue  # a backup's case asked already
        text, detail = split_detail(item)
        # "If SP5 is installed, reinstalling the service pack should replace it": a step too
        found = _split_if(text, bool(detail)) or gerund_case(text, _imperative_step)
        if found is None:
            continue
        cond, then = found
        # "If you do not want to distribute addresses from the whole subnet, (you can also)
        # define an exclusion range": a choice the admin makes, asked (a bare "want" is a
        # goal, "If you want to X, do Y")
        if n == 0 and len(items) == 1:
            # "If you run X, do Y" as the whole fix: X is the fix's case, asked first
            # (`cased`: "no, not here" has the article's "may not apply" to go to)
            # "When you use the Post To Exchange command, wait ...": the scene, not a case
            askable = cased and text[:3].casefold() == "if " and _askable_case(cond)
            askable = askable and not _LATER_CASE_RE.search(cond)
            if then and askable and product_case(option, cond):
                items[0] = with_detail(_then_step(then), detail)
            continue
        seen = _seen_either_way(cond, items, n)
        if _LATER_CASE_RE.search(_NOT_WANT_RE.sub("", cond)) and not seen:
            continue
        if modern and later_case(cond) and not seen:
            continue  # "If the VSS writers are now listed": what a step above shows
        if modern and not seen and ran_result(cond, items[:n]):
            continue  # "If the script can't access X": how the step running it went
        product = _RUNNING_RE.match(cond)
        cases.append((n, cond, then, product.group("what").strip() if product else ""))
    products = [c for c in cases if c[3]]
    if len({c[3].casefold() for c in products}) >= 2:
        # "If you are running Windows NT 4.0, ...", "If you are running Terminal Server,
        # ...": one question, which of them, whose answer selects the steps.
        counter += 1
        var = f"if_{counter}"
        choices: list[dict[str, str]] = []
        values: dict[str, str] = {}
        for n, _, then, what in products:
            value = values.setdefault(what.casefold(), f"case_{len(values) + 1}")
            if all(c["value"] != value for c in choices):
                choices.append({"value": value, "label": short_label(what, 80)})
            when[n] = f'{var} == "{value}"'
            if then:
                items[n] = with_detail(_then_step(then), split_detail(items[n])[1])
        choices.append({"value": "other", "label": "None of these"})
        names = ", ".join(str(c["label"]) for c in choices[:-1])
        option.asks.append(
            Ask(
                var,
                "Which of these do you run?",
                f"The article's steps depend on what you run ({names}). Which is it?",
                choices,
            )
        )
        _otherwise_steps(items, when, var, '"other"')
        cases = [c for c in cases if not c[3]]
    paired = _negated_pairs(cases)
    for n, cond, then, _ in cases:
        if len(option.asks) >= MAX_ASKED_CASES:
            break
        if n in when:
            continue  # the negation of a case asked already: its "no"
        counter += 1
        var = f"if_{counter}"
        if n in paired:
            _ask_pair(option, items, when, var, cases, n, paired[n])
            continue
        seen = _seen_either_way(cond, items, n)
        question = (_seen_question(cond) if seen else "") or _as_question(cond)
        text = split_detail(items[n])[0]
        option.asks.append(
            Ask(
                var,
                question,
                f'The article has a step for this case: "{sentence_cut(text, 240)}" {question}',
                [
                    {"value": "yes", "label": "Yes, this is the case here"},
                    {"value": "no", "label": "No, not here"},
                ],
            )
        )
        when[n] = f'{var} == "yes"'
        if then:
            items[n] = with_detail(_then_step(then), split_detail(items[n])[1])
        _otherwise_steps(items, when, var, '"no"', after=n)
        _then_continues(items, when, n)
    _whole_case(option, items, when)
    counter = _for_case_question(option, items, when, counter)
    option.when = when
    return counter


def _negated_pairs(cases: list[tuple[int, str, str, str]]) -> dict[int, int]:
    """Step index -> index of the next case step within two steps that says the same case
    negated ("If a certificate exists, ..." / "If no certificate exists, ...")."""
    pairs: dict[int, int] = {}
    for (n, cond, _, _), (m, other, _, _) in pairwise(cases):
        if m - n <= 2 and n not in pairs.values() and negated_pair(cond, other) >= 0:
            pairs[n] = m
    return pairs


def _ask_pair(
    option: Option,
    items: list[str],
    when: dict[int, str],
    var: str,
    cases: list[tuple[int, str, str, str]],
    n: int,
    m: int,
) -> None:
    """One yes/no question for a case and its negation, asked in the positive ("Does a
    certificate exist?"): "yes" ticks the positive case's step, "no" the other's."""
    conds = {k: (cond, then) for k, cond, then, _ in cases}
    positive, negative = (n, m) if negated_pair(conds[n][0], conds[m][0]) == 0 else (m, n)
    cond = conds[positive][0]
    question = does_question(cond) or _as_question(cond)
    quotes = " / ".join(f'"{sentence_cut(split_detail(items[k])[0], 160)}"' for k in (n, m))
    option.asks.append(
        Ask(
            var,
            question,
            f"The article has a step for each answer: {quotes}. {question}",
            [
                {"value": "yes", "label": "Yes, this is the case here"},
                {"value": "no", "label": "No, not here"},
            ],
        )
    )
    for k, value in ((positive, "yes"), (negative, "no")):
        when[k] = f'{var} == "{value}"'
        if conds[k][1]:
            items[k] = with_detail(_then_step(conds[k][1]), split_detail(items[k])[1])
        _then_continues(items, when, k)


#: "Duplex printing is displayed in this pane", "the option is not available": what the
#: screen shows; "is still displayed" or an error that appears is how a fix went.
_SEEN_CASE_RE = re.compile(
    r"^(?P<what>(?:(?!\b(?:is|are)\b)[\w\s'\"-]){3,80}?)\s+(?P<be>is|are)\s+(?P<seen>(?:not\s+)?(?:displayed|shown"
    r"|visible|available|listed|present)\b.*)$",
    re.IGNORECASE,
)
_HOW_IT_WENT_RE = re.compile(
    r"\b(?:still|again|persist\w*|recur\w*|error|problem|issue|fail\w*|resolv\w*|fixed|succe\w*"
    r"|message|warning)\b",
    re.IGNORECASE,
)


def _seen_either_way(cond: str, items: list[str], n: int) -> bool:
    """ "When X is displayed, do A." followed by "Otherwise, do B.": the article branches
    on what the screen shows, both ways spelled out, so it is asked (which way the admin
    goes) rather than ticked twice; a fix's outcome ("if the error is still displayed")
    stays a later check."""
    if n + 1 >= len(items) or not _OTHERWISE_RE.match(split_detail(items[n + 1])[0]):
        return False
    return bool(_SEEN_CASE_RE.match(cond)) and not _HOW_IT_WENT_RE.search(cond)


def _seen_question(cond: str) -> str:
    """ "Duplex printing is displayed in this pane" -> "Is Duplex printing displayed in
    this pane?" ("" when the case is not about what is shown)."""
    found = _SEEN_CASE_RE.match(" ".join(cond.split()).rstrip("."))
    if found is None or _HOW_IT_WENT_RE.search(cond):
        return ""
    what = found.group("what")
    if what.split()[0].casefold() in {"the", "a", "an", "this", "that", "your", "its"}:
        what = what[0].lower() + what[1:]
    return f"{found.group('be').capitalize()} {what} {found.group('seen')}?"


_CASE_IF_RE = re.compile(r"^(?:if|when)\s+")

_CASE_PUNCT_RE = re.compile(r"[^\w\s-]")


def _case_words(text: str) -> str:
    text = _CASE_IF_RE.sub("", " ".join(text.split()).casefold())
    return _CASE_PUNCT_RE.sub("", text).strip()


def _for_case_question(option: Option, items: list[str], when: dict[int, str], counter: int) -> int:
    """ "For a drive using the FAT file system, copy …" / "For a drive using the NTFS file
    system, try …": one question, which case is the admin's, whose answer selects its step
    (both were ticked in turn); returns the question counter."""
    if option.asks or when:
        return counter  # a case asked already may be the same one in other words
    run = for_cases([split_detail(i)[0] for i in items])
    if len(run) < 2:
        return counter
    counter += 1
    var = f"if_{counter}"
    choices = [
        {"value": f"case_{k}", "label": short_label(what, 80)}
        for k, (_, what, _) in enumerate(run, 1)
    ]
    for k, (n, _, then) in enumerate(run, 1):
        when[n] = f'{var} == "case_{k}"'
        items[n] = with_detail(then, split_detail(items[n])[1])
    names = ", ".join(c["label"] for c in choices)
    if len(run) < len(items):  # other steps stay for a case the article does not name
        choices.append({"value": "other", "label": "None of these"})
    option.asks.append(
        Ask(
            var,
            "Which of these is the case here?",
            f"The article has a step for each case ({names}). Which is yours?",
            choices,
        )
    )
    return counter


def _chosen_case_steps(option: Option, items: list[str]) -> list[str]:
    """ "If you encounter a connection-timeout error, follow the steps:" in the outcome
    the answer "You encounter a connection-timeout error" led to: the case is the one
    already chosen, so it is not asked again; its action is ticked, and a bare "follow
    the steps:" goes (the steps after it are the ones it points at)."""
    label = _case_words(option.label)
    if len(label.split()) < 3:
        return items
    out: list[str] = []
    for item in items:
        text, detail = split_detail(item)
        found = _split_if(text, bool(detail))
        if found is None or (
            _case_words(found[0]) != label and not label_states_case(option.label, found[0])
        ):
            out.append(item)
            continue
        then = _then_step(found[1])
        if then and points_on(then) and not detail:
            continue
        out.append(with_detail(then, detail) if then else item)
    return out


#: "you are running Windows NT 4.0", "the server is running Exchange 5.5": a product.
_RUNNING_RE = re.compile(
    r"^(?:you(?:'re| are)\s+(?:running|using)|you\s+(?:run|use)|(?:the|your)\s+"
    r"(?:computer|server|system|client|machine)\s+(?:is\s+running|runs))\s+(?P<what>.{3,80})$",
    re.IGNORECASE,
)


_IF_START_RE = re.compile(r"^(?:if|when)\s+", re.IGNORECASE)
_THEN_COMMA_RE = re.compile(r",\s*(?:then\s+)?")


_SENTENCE_END_RE = re.compile(r"[.!?]\s+[A-Z]")


def _split_if(text: str, has_detail: bool) -> tuple[str, str] | None:
    """(condition, action) of "If X, do A" (X may hold commas: the action starts at the
    first comma followed by an imperative), or of "If X:" before a command; else None."""
    start = _IF_START_RE.match(text)
    if start is None:
        return None
    rest = text[start.end() :]
    # "If X, choose Y" (an MS KB verb too) is a case; "When X has been added, choose Close"
    # is the next step of a sequence, asked only with the step reader's verbs
    acting = _imperative_step if start.group(0).strip().casefold() == "if" else _imperative
    for comma in _THEN_COMMA_RE.finditer(rest):
        if comma.start() > 160:
            break  # no longer condition is kept (nor was a case's sentence end looked for
            # again in each: quadratic on a run of thousands of commas)
        cond, then = rest[: comma.start()], rest[comma.end() :]
        if _SENTENCE_END_RE.search(cond):
            break  # the case ended at its sentence: "If X, the Y should be Z. If W, do V"
        if 4 <= len(cond) <= 160 and acting(_then_step(then)):
            return " ".join(cond.split()), then
    if rest.endswith(":") and 4 <= len(rest) <= 160 and "," not in rest:
        return " ".join(rest[:-1].split()), ""
    return None


_THEN_RE = re.compile(r"^then\b,?\s+(?=\w)", re.IGNORECASE)


def _then_continues(items: list[str], when: dict[int, str], n: int) -> None:
    """ "If you run EKS, update the config map." then "Then delete the pods": the next
    step goes on with the case's own step, so it is for the same answer (it was ticked
    on "no" too, and the question led to the same outcome either way)."""
    if n not in when or n + 1 >= len(items) or n + 1 in when:
        return
    text = split_detail(items[n + 1])[0]
    if _THEN_RE.match(text):
        when[n + 1] = when[n]


def _whole_case(option: Option, items: list[str], when: dict[int, str]) -> None:
    """Every step of the option for one yes/no case ("### AWS EKS": "If you are running
    AWS EKS cluster …, update …", "Then … delete …"): "no" would tick nothing, so the case
    is the option's own, asked as "is the fix for you?" (no: this article may not apply)
    rather than a question whose answers reach the same outcome."""
    if option.case or len(option.asks) != 1 or not items:
        return
    ask = option.asks[0]
    gate = f'{ask.var} == "yes"'
    if {c["value"] for c in ask.choices} != {"yes", "no"}:
        return
    if any(when.get(n) != gate for n in range(len(items))):
        return
    quoted = re.search(r'step for this case: "(.+?)" ', ask.text)
    found = _split_if(quoted.group(1), False) if quoted else None
    if found is None:
        return
    option.case = f"If {found[0]}"
    option.asks.clear()
    when.clear()


def _otherwise_steps(
    items: list[str], when: dict[int, str], var: str, value: str, after: int | None = None
) -> None:
    """An "Otherwise, do B" step right after a case's step is for the other answer."""
    for n in range(1, len(items)):
        if n in when or (after is not None and n != after + 1) or n - 1 not in when:
            continue
        if var not in when[n - 1]:
            continue
        text, detail = split_detail(items[n])
        otherwise = _OTHERWISE_RE.match(text)
        if otherwise:
            when[n] = f"{var} == {value}"
            items[n] = with_detail(_then_step(otherwise.group("then")), detail)


#: "skip to step 3", "continue with step 7": a jump in the procedure, not an action.
_JUMP_RE = re.compile(r"^(?:skip|continue|proceed|return)\b", re.IGNORECASE)


def _imperative_step(text: str) -> bool:
    """An action after "If X, ": the step reader's verbs or the MS KB ones ("define an
    exclusion range", "hold down SHIFT"), so the case is asked, not ticked always."""
    from kbassist.drafting.options import _is_action

    return _imperative(text) or (_is_action(text) and not _JUMP_RE.match(text))


def _imperative(text: str) -> bool:
    from kbassist.drafting.blocks import _imperative as imperative

    return imperative(text)


_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)\s]*\)")


def _unlink(text: str) -> str:
    """Markdown links as their text, quote and note markers dropped: a sentence to quote."""
    text = _LINK_RE.sub(r"\1", text)
    return " ".join(re.sub(r"^\s*>\s*(?:\[!\w+\]\s*)?", "", text).split())


def _what(found: str) -> str:
    """ "Registry" -> "registry"; a file name keeps its case ("Win.ini")."""
    return found if "." in found else found.casefold()


def _backup_step(what: str, sentence: str) -> str:
    return f'Back up the {what} before you change anything (the article: "{sentence.strip()}").'


def _steps_checks_backup(
    article: Article, option: Option, *, shared: bool = False
) -> tuple[list[str], list[str], str]:
    """(steps, checks, what is backed up): the article's own checks ("You should now be
    able to print", "The output should show ...") taken out of the steps into the verify;
    a "back up the registry before ..." made the first step, so the rollback can restore it
    (from a section `shared` with other fixes, only for the fix that changes the registry).
    """
    steps: list[str] = []
    checks: list[str] = list(option.checks)
    modern = article.style != "mskb" and not is_alert_runbook(article)
    for n, item in enumerate(option.items):
        text, detail = split_detail(item)
        said = " ".join(detail.split())
        one = said and "\n" not in detail.strip() and len(split_sentences(said)) == 1
        if one and len(said) <= 200 and _CHECK_RE.search(said):
            # "... close Device Manager." + "The card should now be disabled.": the
            # sentence after the last step is the article's own check
            checks.append(said)
            item, detail = text, ""
        if n and not detail and _CHECK_RE.search(text) and not REMEDY_RE.search(text):
            checks.append(item)  # the article's own check: the verify, not a step
            continue
        sentences = split_sentences(text)
        keep = [sentences[0]] if sentences else [text]
        last = modern and n == len(option.items) - 1  # a check said mid-way is no result
        if last and n and not detail and sentences and own_check_sentence(sentences[0]):
            checks.append(item)  # "The error log should now indicate ..." after the list
            continue
        for sentence in sentences[1:]:
            own = _CHECK_RE.search(sentence) or (last and own_check_sentence(sentence))
            (checks if own else keep).append(sentence)
        if last and detail:
            # "Restart SQL Server." over "The error log should now indicate ...": the
            # check the article says right after the fix's last step
            detail, found = detail_checks(detail)
            checks.extend(found)
        steps.append(with_detail(" ".join(keep), detail))
    backup = ""
    for n, item in enumerate(steps):
        text, detail = split_detail(item)
        match = _BACKUP_RE.search(text) or _BACKUP_RE.search(detail)
        if match is None:
            continue
        backup = _what(match.group("what"))
        if _BACKUP_RE.search(text) and n:
            steps.insert(0, steps.pop(n))  # backing up comes before the change
        elif not _BACKUP_RE.search(text):
            sentence = next(
                (
                    s
                    for line in detail.split("\n")
                    for s in split_sentences(_unlink(line))
                    if _BACKUP_RE.search(s)
                ),
                match.group(0),
            )
            steps.insert(0, _backup_step(backup, sentence))
        break
    if not backup:
        section_text = " ".join(option.section.text.split())
        for sentence in split_sentences(section_text):
            match = _BACKUP_RE.search(sentence)
            if match and len(sentence) < 300 and not is_boilerplate(sentence):
                registry = match.group("what").casefold().startswith("registry")
                if (shared or registry) and not backup_fits(match.group("what"), steps):
                    break  # another fix's warning, or the section's: this changes no registry
                backup = _what(match.group("what"))
                steps.insert(0, _backup_step(backup, _unlink(sentence)))
                break
    at = registry_backup_at(undo_steps(steps[1:])[0]) if backup == "registry" else 0
    if backup and backup_first(option, steps, at):  # "Note that you should back up ...":
        steps[0] = backup_said(steps[0])  # ticked, said as the action
    if backup == "registry" and _BACKUP_RE.search(split_detail(steps[0])[0]):
        # the article's "back up the registry before you edit it": after the steps that
        # open Registry Editor and find the key, before the first that changes it
        # (among the fix's own steps, not a procedure after them that undoes it)
        rest = steps[1:]
        steps.insert(registry_backup_at(undo_steps(rest)[0]), steps.pop(0))
    fix = steps if backup else undo_steps(steps)[0]  # the fix's own steps, not its undo
    where, saved, restore = (
        (0, "", "")
        if backup
        else registry_backup(fix, lambda: "\n".join(s.text for s in article.sections))
    )
    steps[: len(fix)] = fix  # a note beside a step the backup was said for
    if saved:  # a registry edit with no backup step: the way back is part of the fix
        steps.insert(where, saved)
        backup = restore
    return steps, checks, backup


# --------------------------------------------------------------------------- YAML


# libyaml's emitter when present (4x faster; the representer below is the same). The
# checker sees SafeDumper: a base picked at run time is not a type it can follow.
if TYPE_CHECKING:
    from kbassist.trees.loader import LoadResult

    _BaseDumper = yaml.SafeDumper
else:
    _BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _DraftDumper(QuickResolve, _BaseDumper):
    """Every string double-quoted (keys plain), sources in flow style, no aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def represent_mapping(self, tag: str, mapping: Any, flow_style: Any = None) -> yaml.MappingNode:
        node = super().represent_mapping(tag, mapping, flow_style)
        for key, _ in node.value:
            key.style = None  # keys are plain words: id, kind, text ...
        if isinstance(mapping, dict) and set(mapping) == {"article", "section"}:
            node.flow_style = True
        return node


def _quoted(dumper: Any, data: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style='"')


_DraftDumper.add_representer(str, _quoted)


_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_SOURCE_KEYS = frozenset({"article", "section"})


def _draft_node(dumper: Any, data: Any) -> yaml.Node:
    """The node `_DraftDumper.represent_data` makes of `data`, built without its
    per-value dispatch (a third of the dump's time): exact str, dict and list here (the
    drafter's tree is made of them), anything else by the representer itself."""
    kind = type(data)
    if kind is str:
        return yaml.ScalarNode(_STR_TAG, data, style='"')
    if kind is dict:
        pairs = []
        for key, value in data.items():
            if type(key) is str:
                key_node: yaml.Node = yaml.ScalarNode(_STR_TAG, key, style=None)
            else:
                key_node = dumper.represent_data(key)
                if isinstance(key_node, yaml.ScalarNode):
                    key_node.style = None
            pairs.append((key_node, _draft_node(dumper, value)))
        flow = len(data) == 2 and data.keys() == _SOURCE_KEYS
        return yaml.MappingNode(_MAP_TAG, pairs, flow_style=flow)
    if kind is list:
        items = [_draft_node(dumper, item) for item in data]
        return yaml.SequenceNode(_SEQ_TAG, items, flow_style=False)
    return dumper.represent_data(data)


def draft_yaml(tree: dict[str, Any], article: Article | None = None) -> str:
    """The tree file's text: a comment header saying it is a draft, then the tree.

    The same text as `yaml.dump(tree, Dumper=_DraftDumper, sort_keys=False,
    allow_unicode=True, width=92, default_flow_style=False)`, tests/test_drafting_yaml.py
    checks it; the nodes come from `_draft_node`, the emitter is the dumper's own."""
    stream = io.StringIO()
    dumper = _DraftDumper(
        stream, default_flow_style=False, width=92, allow_unicode=True, sort_keys=False
    )
    try:
        dumper.open()
        dumper.serialize(_draft_node(dumper, tree))
        dumper.close()
    finally:
        dumper.dispose()
    return _draft_header(tree, article) + stream.getvalue()


def _draft_header(tree: dict[str, Any], article: Article | None) -> str:
    """The comment lines at the head of a draft file (each ending in a newline)."""
    title = " ".join(str(article.title if article else tree["title"]).split())
    header = [
        f"# DRAFT decision tree for {', '.join(tree['articles'])}: {title}",
        "# Written by `kbassist draft` from the article text. Check every step against the",
        "# article, edit it, then delete `draft: true`. Format: docs/trees.md.",
    ]
    return "\n".join(header) + "\n"


def draft_yaml_text(tree: dict[str, Any], article: Article | None) -> str:
    """`draft_yaml`'s text, written by `yaml_emit`'s one pass where the dict has the
    drafter's shape (the same bytes, tests/test_drafting_perf26.py), text only: no
    nodes are made, as the Tree is built from the dict (round 32)."""
    emitted = emit_text(tree, _draft_header(tree, article))
    return emitted if emitted is not None else draft_yaml(tree, article)


def draft_read(tree: dict[str, Any], article: Article | None, path: Path) -> tuple[str, LoadResult]:
    """`draft_yaml`'s text and what `read_tree_bytes(..., drafted=True)` reads from it,
    without parsing the text back: `yaml_emit` writes the text and makes the composed
    nodes in one pass (the same text, nodes and so the same Tree and problems); a dict
    outside its shape takes the written text through the parser as before."""
    from kbassist.trees.loader import read_tree_bytes, read_tree_root

    emitted = emit_draft(tree, _draft_header(tree, article))
    if emitted is None:
        text = draft_yaml(tree, article)
        return text, read_tree_bytes(text.encode("utf-8"), path, drafted=True)
    text, root, nodes = emitted
    data = text.encode("utf-8")
    if len(data) > MAX_TREE_BYTES:  # the read refuses it: let it say so
        return text, read_tree_bytes(data, path, drafted=True)
    return text, read_tree_root(root, data, path, text, nodes)


def draft_checked(
    tree: dict[str, Any], article: Article, path: Path
) -> tuple[str, LoadResult, list[TreeProblem]]:
    """`tree`'s file text, what the real loader reads from it, and its lint problems
    (citations checked against `article` itself), for `kbassist draft`, a drafted walk and
    the bench alike.

    Why this way: the Tree is built straight from the dict (`dict_tree.dict_result`, no
    positions), which is what the file says; only when that refuses, or lint finds a
    problem, is the written text read for the positions its messages name (`draft_read`),
    so every message is the one reading the file would give."""
    from kbassist.drafting.dict_tree import dict_result
    from kbassist.trees.lint import lint_result

    key = article.id.casefold()

    def lookup(ref: str) -> Article | None:
        return article if ref.casefold() == key else None

    text = draft_yaml_text(tree, article)
    fast = dict_result(tree, text, path)
    if fast is not None:
        problems = lint_result(fast, lookup)
        if not problems:
            return text, fast, problems
    text, result = draft_read(tree, article, path)
    return text, result, lint_result(result, lookup)


def draft_text(article: Article, tree_id: str | None = None) -> tuple[str, Tree]:
    """The draft's file text and the Tree the real loader reads from it, lint-checked.

    Lint runs with citations checked against `article` itself; any problem is a bug in
    the drafter, raised as a DraftError rather than written or walked.
    """
    tree = draft_tree(article, tree_id)
    # Not a real file: a session of a drafted walk must not point at one.
    text, result, problems = draft_checked(tree, article, DRAFT_PATH / f"{tree['id']}.yaml")
    if problems or result.tree is None:
        first = problems[0] if problems else "no tree"
        raise DraftError(f"the draft of {article.id} does not pass lint: {first}")
    return text, replace(result.tree, drafted_from=article.id)


def draft_tree_model(article: Article, tree_id: str | None = None) -> Tree:
    """The draft as a walkable Tree, read back from `draft_yaml` by the real loader,
    so what is walked is exactly what `kbassist draft` would write."""
    return draft_text(article, tree_id)[1]
