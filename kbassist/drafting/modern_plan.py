"""The draft plan of a modern (Markdown) article, corrected for what its markup hides:
a cause stated outside a Cause heading, raw Markdown in the symptom or cause, a
deprecated alert (silencing it is the first option), a redirect runbook ("See [Other]")
that names where to go, an alert that is always firing (no "stops firing" verify), a
guidance article of "Symptom: X" sections, a how-to with no fix heading, fixes per cause
or per version asked once (`cause_steps`, `version_steps`), and steps tidied to plain
actions. `draft_tree` calls these for every article whose style is not "mskb".
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.articles import Article, Section
from kbassist.articles.model import Paragraph, Part
from kbassist.drafting.applies_gate import gate_of, gated_options
from kbassist.drafting.chosen_values import chosen_values
from kbassist.drafting.either_ways import fallbacks_apart
from kbassist.drafting.example_code import example_scripts
from kbassist.drafting.fix_cause import cause_in_fix
from kbassist.drafting.forms import stated_cause
from kbassist.drafting.helper_check import helper_check
from kbassist.drafting.lead_ins import echoes_shown, lead_ins_shown
from kbassist.drafting.meta_symptom import cause_not_dangling
from kbassist.drafting.modern import (
    action_label,
    always_firing,
    applicability_notes,
    block_cause,
    case_label,
    deprecation,
    described_alert,
    if_list,
    md_plain,
    redirect_target,
)
from kbassist.drafting.option_model import Ask, Option
from kbassist.drafting.options import MAX_CAUSE_CHARS
from kbassist.drafting.pointed_methods import (
    by_design_not_removed,
    checks_pointed_to,
    no_fix_option,
    pointed_methods,
)
from kbassist.drafting.registry_rows import registry_rows
from kbassist.drafting.registry_values import registry_copied
from kbassist.drafting.runbook_alternatives import runbook_alternatives
from kbassist.drafting.runbook_branches import (
    escalate_last,
    findings,
    helper_procedure,
    matched_diagnosis,
    remedy_label,
)
from kbassist.drafting.runbook_cause import is_alert_runbook, runbook_cause
from kbassist.drafting.runbook_cause_ask import found_cause
from kbassist.drafting.runbook_checks_only import NO_FIX_LABEL, gives_checks_only, looks_only
from kbassist.drafting.runbook_deprecated import runbook_only_deprecated
from kbassist.drafting.runbook_flow import nested_under, references_not_fixes
from kbassist.drafting.runbook_found import by_design_option
from kbassist.drafting.runbook_heartbeat import heartbeat_symptom, heartbeat_verify
from kbassist.drafting.runbook_nofix import no_documented_fix
from kbassist.drafting.runbook_potential import case_escalations, potential_issue_options
from kbassist.drafting.runbook_prose_ticks import lead_actions_ticked
from kbassist.drafting.runbook_reading import reading_is_cause
from kbassist.drafting.runbook_said_cause import said_cause
from kbassist.drafting.runbook_shown import purpose_said
from kbassist.drafting.runbook_stated_cause import restated_cause
from kbassist.drafting.runbook_symptom import symptom_without_causes
from kbassist.drafting.self_described import described_cause, described_symptom
from kbassist.drafting.shown_escapes import shown_escapes
from kbassist.drafting.sibling_fixes import sibling_fixes
from kbassist.drafting.text import (
    HORIZON_WORDS,
    sentence_cut,
    short_label,
    split_detail,
    split_sentences,
    with_detail,
    without_asides,
)
from kbassist.drafting.usage_text import usage_command


def modern_plan(
    article: Article,
    symptom: str,
    cause: str,
    cause_section: Section | None,
    options: list[Option],
) -> tuple[str, str, Section | None, list[Option]]:
    """(symptom, cause, cause section, options) of a Markdown article: what the shared
    readers found, as plain text, with the corrections of this module applied."""
    shown = shown_escapes(article)  # "\\$Extend\\*" as rendered: its backslashes kept
    symptom = md_plain(symptom, shown)
    applies = re.match(r"^_?applies to:?_?\s*[^.]{0,120}?(?:\.\s+|$)", symptom, re.IGNORECASE)
    if applies:  # "_Applies to:_ SQL Server" is no symptom: what follows it, else the title
        symptom = symptom[applies.end() :].strip() or md_plain(article.title)
    intro = _INTRO_RE.match(symptom)
    if intro and re.search(r"[\"\u201c]|\b(?:error|message)\b", intro.group("what"), re.I):
        # "This article introduces how to troubleshoot the "X" message.": what is seen is X
        symptom = f"You see {intro.group('what')}{symptom[intro.end() :]}".strip()
    symptom = described_symptom(article, symptom)  # "This article describes ...": none
    if cause and cause_section is not None and cause_section.role == "cause":
        # read from the section's own text: its quote and note markers are line starts
        # (a Summary's "because" sentence is all of it that is the cause)
        own = cause_own_text(article, cause_section)
        cause = sentence_cut(md_plain(own), MAX_CAUSE_CHARS) or md_plain(cause, shown)
    elif cause:
        cause = md_plain(cause, shown)
    else:
        cause, cause_section = block_cause(article)
    if cause and not described_cause(cause):  # "This article discusses the cause ...": none
        cause, cause_section = block_cause(article)
    elif cause:
        cause = described_cause(cause)
    if not cause:  # "That cause is ...", "If the service can't find the path, ..."
        cause, cause_section = stated_cause(article)
    if not cause:  # "## Remove X" opening "This issue occurs because X is enabled."
        cause, cause_section = cause_in_fix(article)
    cited = [s for s in article.sections if s.text.strip()]
    redirect = redirect_target(cited[0].text) if len(cited) == 1 else None
    if redirect is not None and cited:
        name, target = redirect
        where = f" ({target})" if target else ""
        option = Option(
            cited[0],
            f"Go to the {name} runbook",
            f"This article only points to {name}: its steps are there.",
            [f"Open the {name} runbook{where} and follow it; this article has no steps."],
            kind="redirect",
        )
        option.checks = [f"Use the check of the {name} runbook."]
        symptom = f"The {article.id} alert fires; its runbook is {name}."
        return symptom, cause, cause_section, [option]
    cases = symptom_case_options(article)
    if cases:
        # a guidance article of "Symptom: X" sections: which one is seen picks its fix;
        # each case's own cause is in its outcome, no single cause is the article's
        options = cases
        cause, cause_section = "", None
    if cited and all(o.kind == "cause" for o in options):
        # no fix heading: the article's how-to parts ("Check the RD Licensing
        # configuration"), else its "To resolve this issue, install X" sentence
        procedures = procedure_options(article) or resolve_sentence_options(article)
        if procedures:
            options = helper_procedure(article, procedures)
        options = by_design_not_removed(article, options)  # "remove it: ... by design"
    if cause:
        cause = " ".join(s for s in split_sentences(cause) if not _TO_RESOLVE_RE.match(s)) or cause
    options = [*options, *table_cause_options(article, options)]
    options = [*options, *sibling_fixes(article, options)]  # "## Check X" beside Resolution
    options = pointed_methods(article, options)  # "use one of the following methods" below
    checks_pointed_to(article, options)  # "the following methods to verify": what they verify
    per_product_fixes(options)
    options = checks_not_fixes(options)
    options = potential_issue_options(article, options)  # "Potential Issues": asked
    if is_alert_runbook(article):
        options = references_not_fixes(options)  # "Additional Resources": links, no fix
    options = data_for_support_last(options)
    matched_diagnosis(article, options)  # each failure pattern's own Diagnosis checks
    options = _before_continuing(options)
    options = [split for option in options for split in _tries(option)]
    _tool_usage(article, options)
    _dangling_commands(article, options)
    example_scripts(article, options)  # "## Script example" gives the fix's script
    for option in options:
        fenced_commands(article, option)
        named_cross_refs(article, option)
        own_message(article, option)
        for steps in (option.pre_items, option.items):
            steps[:] = [
                with_detail(text, event_record_shown(detail)) if detail else text
                for text, detail in map(split_detail, steps)
            ]
        if not any(k >= 0 for k in option.when):  # "... If the restart fails, do Y": after
            option.items = fallbacks_apart(option.items)
        tidy_modern(option, shown)
        registry_goal_shown(option)
        registry_copied(option)  # "copy the X registry key from A to B": export, import
        registry_rows(option)  # "Name: / Type: REG_DWORD / Data:" rows: "Set X (REG_X) to"
        lead_ins_shown(option)
        echoes_shown(option)
        chosen_values(option)  # "type the number of ms that you want ..."
    lead_actions_ticked(article, options)  # "If X then ensure Y." in prose: a tick
    # a "TODO" or empty Mitigation: its Diagnosis checks still run, and the gap is said
    options = no_documented_fix(article, options)
    options = [o for o in options if o.items]
    found = findings(article, options)
    if found and not cause:
        cause = found  # "gives no cause" though the headings name them
    # an alert runbook: its condition when no "why" is said, and the causes it lists
    symptom, cause, cause_section = runbook_cause(article, symptom, cause, cause_section)
    symptom = symptom_without_causes(article, symptom, cause)  # the causes are the cause's
    symptom, cause = heartbeat_symptom(article, symptom, cause)  # Watchdog: not firing
    # "This usually indicates X" is the cause; a cause that only repeats the condition is none
    symptom, cause, cause_section = reading_is_cause(article, symptom, cause, cause_section)
    if not cause and is_alert_runbook(article):
        # "If X, then this alert is triggered.", "X has crossed 85% and will become
        # read-only": the runbook says why, only not where the passes above look
        cause, cause_section = said_cause(article, symptom)
    if is_alert_runbook(article):
        # a cause that repeats the symptom or gives only the condition: the runbook's
        # "because" part, its "If X, ..." sentence or the error it reads, when it says one
        symptom, cause, cause_section = restated_cause(article, symptom, cause, cause_section)
        # a cause that only restates Meaning where the runbook says to find it (causes34)
        cause, cause_section = found_cause(article, cause, cause_section)
    if is_alert_runbook(article):  # "Consider X", "using the previous command" (rbalt35)
        options = runbook_alternatives(article.id, options)
    options = escalate_last(article, options)
    if is_alert_runbook(article):
        looks_only(options)  # "Review X to find out more ...": titled as no fix, not "Mitigation"
        options = by_design_option(article, options)  # "for some X this is in fact desired"
    if not options:
        honest = (
            stub_option(article) or reference_option(article, symptom) or no_fix_option(article)
        )
        options = [honest] if honest is not None else options
        options = case_escalations(article, options)  # one cause per case: asked
    limits = applicability_notes(article)
    gate = next((n for n in limits if gate_of(n)), "")
    notes = " ".join(n for n in limits if n != gate)
    for option in options:
        if notes and option.kind not in ("deprecated", "redirect"):
            option.lead = f"{notes} {option.lead}".strip()  # shown with the fix, first
    gated_options(options, gate)  # "Don't apply the workaround to X": asked first
    said = deprecation(article)
    if said and runbook_only_deprecated(md_plain(said)):  # the page retired, not the alert
        for option in options:
            option.lead = f"{sentence_cut(md_plain(said), 300)} {option.lead}".strip()
        said = ""
    if said and cited:
        section = next((s for s in cited if s.role in ("symptom", "summary")), cited[0])
        option = Option(
            section,
            "Deprecated: silence or ignore the alert",
            sentence_cut(md_plain(said), 300),
            [
                f"Add a silence for {article.id} in Alertmanager, or ignore it: the article says "
                f'"{sentence_cut(md_plain(said), 200)}"'
            ],
            kind="deprecated",
        )
        option.checks = [f"Check that {article.id} is silenced or no longer routed to you."]
        instead = re.search(r"\bduplicate of (?:the )?([A-Z]\w+)", md_plain(said))
        if instead:  # "a duplicate of the SSPDown alert runbook": where to look instead
            option.items.append(f"Use the {instead.group(1)} runbook for this condition instead.")
        options = [option, *options]
    _name_bare_fixes(options)
    cause = cause_not_dangling(cause)  # "That cause is X": "The cause is X"
    return symptom, cause, cause_section, options


#: An outcome titled only by its section's name: it says nothing among other choices.
_BARE_FIX_RE = re.compile(
    r"^(?:mitigation|mitigating|resolution|solution|fix|remediation|troubleshooting|procedure)s?$",
    re.IGNORECASE,
)
#: First words of a step that looks before it acts ("Obtain the pod name", "Set the
#: NAMESPACE environment variable"): not what the fix does, so never its title.
_LOOK_FIRST_RE = re.compile(
    r"^(?:obtain|get|list|check|verify|validate|confirm|identify|view|inspect|look|find|see|"
    r"review|examine|investigate|navigate|open|log in|run the command|export|set the \w+ "
    r"(?:environment )?variable|try to identify|based on|if)\b",
    re.IGNORECASE,
)


#: "... as in the following example": the example is the step's, not the title's.
_AS_SHOWN_RE = re.compile(
    r"[\s,]+(?:as (?:in the following examples?|follows|shown below)|by (?:using|running) the "
    r"following \w+|with the following \w+)$",
    re.IGNORECASE,
)
#: The clause before an action: "To fix the X issue, ", "For VPN providers, ".
_LEAD_CLAUSE_RE = re.compile(r"^(?:to|for|in|on|from|using)\b[^,:]{3,100}[,:]\s+", re.I)


def _name_bare_fixes(options: list[Option]) -> None:
    """Among two or more fixes, one titled only "Mitigation" (beside "Deprecated: silence
    or ignore the alert", say) is titled by the first thing it does as well ("Mitigation:
    Delete the wasp-agent Daemonset"): the admin picks by what each does."""
    if len(options) < 2:
        return
    for option in options:
        if not _BARE_FIX_RE.match(option.label.strip()):
            continue
        if _escalates_only(option):
            option.label = NO_FIX_LABEL  # "Try to identify the root cause", then escalate
            continue
        named = [(n, text) for n, text in _doing(option) if not _ESCALATION_RE.match(text)]
        # what it does whatever the case, else what it does in its case ("Delete the pod
        # to force a restart" when the pod cannot connect): never its escalation line
        first = next((t for n, t in named if n not in option.when), named[0][1] if named else "")
        if first:
            said = _AS_SHOWN_RE.sub("", short_label(first, 90))
            option.label = f"{option.label.strip()}: {said}"


#: The case before a conditional action: "If the pod cannot reach the API server, ".
_CASE_CLAUSE_RE = re.compile(r"^(?:if|when)\b[^,:]{3,120},\s+", re.IGNORECASE)
#: A tick that only escalates ("Escalate if the steps above did not clear the alert: ...").
_ESCALATION_RE = re.compile(r"^escalate\b", re.IGNORECASE)


def _escalates_only(option: Option) -> bool:
    """Whether the option's ticks only say to find the root cause from the Diagnosis
    and escalate (one of each at least): the runbook documents no fix."""
    said = [md_plain(split_detail(item)[0]).strip() for item in option.items]
    escalations = [t for t in said if _ESCALATION_RE.match(t)]
    rest = [t for t in said if t not in escalations]
    return bool(escalations and rest) and all(gives_checks_only(t) for t in rest)


def _doing(option: Option) -> list[tuple[int, str]]:
    """(index, text) of the option's items that do something, the clause before the
    action left out ("To fix the consent.exe crash, install X" -> "Install X")."""
    out: list[tuple[int, str]] = []
    for n, item in enumerate(option.items):
        text = md_plain(split_detail(item)[0]).strip()
        main = _CASE_CLAUSE_RE.sub("", _LEAD_CLAUSE_RE.sub("", text, count=1), count=1)
        text = main[:1].upper() + main[1:] if main != text else text
        if _imperative(text) and not _LOOK_FIRST_RE.match(text):
            out.append((n, text))
    return out


def stub_option(article: Article) -> Option | None:
    """A stub runbook (its Diagnosis and Mitigation say only "TODO"): the honest outcome
    says it has no guidance yet and what to do without it; None for any other article."""
    fixes = [
        s for s in article.sections if s.role in ("resolution", "diagnosis") and s.text.strip()
    ]
    if not fixes or not all(_PLACEHOLDER_TEXT_RE.match(md_plain(s.text)) for s in fixes):
        return None
    names = " and ".join(s.name for s in fixes)
    option = Option(
        fixes[-1],
        "The runbook has no guidance yet",
        f'The runbook\'s {names} say only "{md_plain(fixes[-1].text)}": it gives no '
        "diagnosis or fix to follow.",
        [
            f"Read the {article.id} alert's labels and description in the console or "
            "Alertmanager: they name what fired and where.",
            "Investigate with your usual tools, or escalate to the team that owns the alert; "
            "the runbook has no steps of its own.",
        ],
        kind="stub",
    )
    option.checks = [
        "Nothing to verify from the runbook: it has no fix. When the alert clears, note what "
        "helped, for its runbook."
    ]
    return option


#: "This article introduces how to troubleshoot the "X" message.", "This article helps
#: you resolve the problem that occurs when ...": an introduction, not what is seen.
_INTRO_RE = re.compile(
    r"^this article (?:introduces|describes|explains|discusses|helps you|provides|shows)"
    r"(?: how)?(?: to)? (?:troubleshoot|resolve|fix|solve|work around|resolutions? for)\s+"
    r"(?P<what>[^.]{6,200}\.)",
    re.IGNORECASE,
)


#: "This document identifies the schema used by ...": a reference page, not a fault.
_REFERENCE_RE = re.compile(
    r"^this (?:document|page|article|reference|section) (?:identifies|describes|lists|documents|"
    r"defines|explains|specifies|summari[sz]es)\b",
    re.IGNORECASE,
)
#: A reference page's sections are shown up to this many.
MAX_REFERENCE_PARTS = 12


def reference_option(article: Article, symptom: str) -> Option | None:
    """A reference page ("This document identifies the schema ...", no fix or diagnosis
    heading): one outcome that says so and shows each section's content; else None."""
    from kbassist.articles.model import Part
    from kbassist.drafting.blocks import part_sections

    if not _REFERENCE_RE.match(symptom) or article.parts_by_role("resolution"):
        return None
    sections = part_sections(article)
    cited = [s for s in article.sections if s.text.strip()]
    items: list[str] = []
    for part in article.document.walk():
        if not isinstance(part, Part) or part.level <= 1:
            continue
        text = " ".join(md_plain(b.text.plain) for b in part.blocks if isinstance(b, Paragraph))
        if text:
            items.append(f"{md_plain(part.name)}: {sentence_cut(text, 400)}")
    if not items or not cited:
        return None
    first = next((sections[id(p)] for p in article.document.walk() if id(p) in sections), cited[0])
    option = Option(
        first,
        f"Reference: {short_label(md_plain(article.title), 70)}",
        f"This is a reference page, not a fault to fix: {sentence_cut(symptom, 240)}",
        items[:MAX_REFERENCE_PARTS],
        kind="reference",
    )
    option.checks = ["Nothing to fix: check that the reference above answers what you needed."]
    return option


def modern_verify(article: Article) -> str:
    """The verify of an always-firing alert: it keeps firing, where it goes matters."""
    if fires_again := heartbeat_verify(article):
        return fires_again  # Watchdog's problem is that it stopped firing
    if always_firing(article):
        return (
            f"{article.id} is meant to fire all the time: check that it is routed the way "
            "the article says (it does not stop firing, and must not)."
        )
    return ""


#: Roles whose parts are procedure, not description, in an article with no fix heading.
_PROCEDURE_ROLES = ("", "diagnosis", "resolution")


def procedure_options(article: Article) -> list[Option]:
    """A how-to with no fix heading: a runbook helper page ("Run the following ...",
    `oc describe node <node_name>`) is one option named after it; a support article's
    how-to parts ("Check the RD Licensing configuration", "Additional troubleshooting
    methods") are one option each, in order; [] when nothing reads as an action."""
    from kbassist.articles.model import Part
    from kbassist.drafting.blocks import heading_label, part_sections, part_steps
    from kbassist.drafting.precondition_parts import precondition_part

    sections = part_sections(article)
    cited = [s for s in article.sections if s.text.strip()]
    parts: list[Part] = []
    if article.document.blocks:
        parts.append(Part("SUMMARY", 1, article.body_line, article.document.blocks))
    parts.extend(p for p in article.document.parts if p.role in _PROCEDURE_ROLES)
    options: list[Option] = []
    for part in parts:
        if precondition_part(article, part.name):
            continue  # "Detail to configure X" when the symptom needs X configured
        section = sections.get(id(part)) or article.section(part.name) or cited[0]
        listed = if_list(part.blocks)
        if listed and not part.children:
            # "- Error message 1: ...", "- Error message 2: ...": one option per case
            for blocks in case_items(part.blocks, listed[0]):
                lead, found, _ = part_steps(Part(part.name, part.level, part.line, blocks))
                said = lead if found else ""  # "... This known issue is fixed in CU 11": shown
                found = found or ([lead] if lead else [])
                first = blocks[0] if blocks else None
                name = case_label(first.text.plain) if isinstance(first, Paragraph) else ""
                if found:
                    option = Option(section, name or case_label(found[0]) or part.name, said, found)
                    option.condition = True
                    options.append(option)
            continue
        lead, found, _ = part_steps(part)
        if not found and part.name != "SUMMARY" and not part.children:
            from kbassist.drafting.advice_parts import advice_steps

            found = advice_steps(part)  # "An important first test is to access X": "Access X"
            advice = bool(found)  # said as the action by its sentence's shape
        else:
            advice = False
        if not advice and not any(split_detail(i)[1] or _imperative(i) for i in found):
            continue
        label = heading_label(part.name) if part.name != "SUMMARY" else ""
        options.append(Option(section, label, lead, found[:MAX_PROCEDURE_STEPS]))
    if len(options) == 1 and not described_alert(article):
        options[0].label = heading_label(article.title) or options[0].label
        if any(split_detail(i)[1] for i in options[0].items):
            # a helper page of commands: what they show is the point, not a fix
            options[0].checks = [helper_check(article, options[0])]
    # (after the one-option naming above: the fix left keeps its own heading)
    summary = options[0] if options and parts and not options[0].label else None
    if summary is not None and len(options) > 1 and not any(map(_imperative, summary.items)):
        # the intro's scenario and the message it quotes, beside real procedures: the
        # symptom, never a fix to offer ("Follow the article's steps")
        options.remove(summary)
    for option in options:
        option.label = option.label or "Follow the article's steps"
    return options


_TO_RESOLVE_RE = re.compile(
    r"^to (?:resolve|fix|work around|avoid|prevent) (?:this|the) (?:issue|problem|error|behavior)"
    r"(?:\s+[\w-]+){0,3},\s*(?P<then>.{8,})$",
    re.IGNORECASE | re.DOTALL,
)


def resolve_sentence_options(article: Article) -> list[Option]:
    """ "To resolve this issue, install the July 24, 2018 update." inside a Cause or
    Summary paragraph: the one fix the article names, as an option."""
    for section in article.sections:
        for sentence in split_sentences(" ".join(md_plain(section.text).split())):
            match = _TO_RESOLVE_RE.match(sentence)
            if match and _imperative(match.group("then")):
                then = match.group("then")
                then = then[0].upper() + then[1:]
                return [Option(section, short_label(then, 90), "", [then])]
    return []


#: Items that only announce what follows ("Use one of the following methods.",
#: "Follow these steps:"): the outcome's text, never a step to tick.
_ANNOUNCE_RE = re.compile(
    r"^(?:(?:to [^,]{3,80},\s*)?(?:use|try|do|follow|apply|complete|perform) "
    r"(?:(?:one|any|either|all)(?: or more)? of )?(?:the|these) (?:following|steps|methods|"
    r"procedures?|instructions|options|workarounds|solutions)(?: (?:steps|methods|options|"
    r"procedure|instructions))?(?: below)?\s*[.:]?|(?:follow|do) these steps\s*[.:]?)$",
    re.IGNORECASE,
)
_PLACEHOLDER_TEXT_RE = re.compile(r"^(?:todo|tbd|to be (?:added|done|written)|wip)\W*$", re.I)
#: "Method 1 Validate that ...": an option's name run into its first step.
_METHOD_TEXT_RE = re.compile(
    r"^(?P<name>(?:method|option|solution|workaround|resolution)\s+(?:\d{1,2}|[A-H]))\s+(?=[A-Z])",
    re.IGNORECASE,
)
#: "When this alert fires, " before a runbook's step: always true there, not a case.
_WHEN_FIRES_RE = re.compile(
    r"^(?:when|once|if|after) (?:this|the) alert (?:fires|is firing|triggers|is triggered),\s*",
    re.IGNORECASE,
)
#: "you can investigate", "we need to rsh into": the modal before the action.
_MODAL_RE = re.compile(
    r"^(?:you|we) (?:can|could|should|may|might|must|need to|have to)(?: also| first)? ",
    re.IGNORECASE,
)
#: "This alert should be routed to a null receiver": a statement of the fixed state.
_SHOULD_BE_RE = re.compile(
    r"^(?P<what>(?:this|the|your) [\w-]+(?: [\w-]+){0,3}?) should be (?P<rest>\w+ed\b.{3,})$",
    re.IGNORECASE | re.DOTALL,
)
_FIXED_IN_RE = re.compile(
    r"^(?:(?:this|the) (?:problem|issue) (?:is|was) fixed in|the fix for this (?:issue|problem) "
    r"was (?:first )?released in|(?:this|the) (?:problem|issue) (?:has|have) been (?:fixed|"
    r"resolved|corrected|addressed)\b[^.;]{0,80}?\b(?:in|by) (?:(?:the )?(?:KB ?\d|update|"
    r"cumulative|security|service pack|hotfix)|windows|\w+ \d))",
    re.I,
)


def tidy_modern(option: Option, shown: frozenset[str] = frozenset()) -> None:
    """Labels and steps as plain text (no `**`, no raw link); announcements dropped;
    "This problem is fixed in the following update:" made the action it implies. Words of
    `shown` (`shown_escapes`: rendered already) keep their backslashes."""
    option.label = md_plain(option.label, shown) or option.label
    if option.label.count("(") > option.label.count(")"):
        # "... whether the user account (or any group": a label cut inside its aside ends
        # before the aside
        option.label = option.label[: option.label.rindex("(")].rstrip(" ,;:")
    first = option.items[0] if option.items else ""
    if re.match(r"^(?:if|when)\b", option.label, re.I) and not case_label(first):
        option.label = action_label(first) or option.label  # a case too long to name
    named = _METHOD_TEXT_RE.match(option.label)
    if named:  # "Method 1 Validate that ..." (a bold name run into its text)
        option.label = f"{named.group('name')}: {option.label[named.end() :]}"
    own = re.match(r"^(Resolution|Workaround|Solution): to [a-z]", option.label, re.IGNORECASE)
    if own:  # "Resolution: To delete a registry key that ...": a cut purpose, no name
        option.label = own.group(1)
    option.lead = md_plain(option.lead, shown) if option.lead else option.lead
    for steps in (option.pre_items, option.items):
        said = [i for i in steps if _REPLACE_NOTE_RE.match(i)]
        if said and len(said) < len(steps):
            # "For the commands below, replace $MCP_NAME with the name of your pool.": the
            # input's help (asked before the checklist), never a step to tick
            steps[:] = [i for i in steps if i not in said]
            option.lead = " ".join([option.lead, *(md_plain(i) for i in said)]).strip()
    option.items = _tidy_steps(option.items, shown)
    option.pre_items = _tidy_steps(option.pre_items, shown)  # a new list: options share the old
    bare_name = re.match(
        r"^(?:method|option|solution|workaround|resolution|approach)\s+(?:\d{1,2}|[A-H])$",
        option.label,
        re.IGNORECASE,
    )
    if bare_name and option.items:
        # "Method 1" alone says nothing to choose by: its first action names it
        first = md_plain(split_detail(option.items[0])[0])
        option.label = f"{option.label}: {short_label(first, 70)}"


#: "For the commands below, replace $X with the name of your pool." (no command of its own)
_REPLACE_NOTE_RE = re.compile(
    r"^(?:(?:for|in) (?:the|these|all)? ?(?:commands?|steps?|examples?)[^,]{0,30},\s*)?"
    r"(?:replace|substitute)\s+\S+\s+(?:with|by)\b[^\x1f]*$",
    re.IGNORECASE,
)


#: A paragraph's last word "TODO" (or TBD): the runbook's gap, read with the paragraph.
_TRAILING_TODO_RE = re.compile(r"(?<=[.!:])\s+(?:TODO|TBD)\.?$")
#: The step of a fix a runbook names but gives no steps for.
NO_STEPS_YET = (
    "The runbook gives no steps for this fix yet (it says TODO): work them out from the "
    "product's documentation before acting, or escalate."
)


def _tidy_steps(steps: list[str], shown: frozenset[str] = frozenset()) -> list[str]:
    """Each step as plain text and as the action it states; announcements and "TODO"
    dropped (when other steps remain)."""
    items: list[str] = []
    for item in steps:
        text, detail = split_detail(item)
        text = md_plain(text, shown) or text
        named = _METHOD_TEXT_RE.match(text)
        if named:  # the option's name is its label; the step is the action
            text = text[named.end() :]
        if _ANNOUNCE_RE.match(text) and not detail and len(steps) > 1:
            continue
        if _PLACEHOLDER_TEXT_RE.match(text) and not detail:
            continue  # "TODO", "To be added.": the runbook's own gap, not a step
        gap = _TRAILING_TODO_RE.search(text)
        if gap and len(steps) == 1:
            # "When the data is ephemeral ..., purge the volume. WARNING: ... TODO": the
            # runbook names the fix but has not written its steps; said, not ticked as done
            said = text[: gap.start()].strip()
            items.append(with_detail(NO_STEPS_YET, "\n\n".join(p for p in (said, detail) if p)))
            continue
        bare = _MODAL_RE.sub("", _WHEN_FIRES_RE.sub("", text, count=1), count=1)
        if bare != text and bare[:1].islower() and _imperative(bare):
            # "When this alert fires, you can investigate ...": the action itself
            text = bare[0].upper() + bare[1:]
        should = _SHOULD_BE_RE.match(text)
        if should:  # "This alert should be routed to ...": the state to make sure of
            text = f"Make sure {should.group('what')[0].lower()}{should.group('what')[1:]} is "
            text += should.group("rest")
        if _FIXED_IN_RE.match(text):
            text = f"Install the update that fixes it: {text}"
        used = _CAN_BE_USED_RE.match(text)
        if used:  # "etcdctl can be used to fetch the DB size": "Use etcdctl to fetch ..."
            text = f"Use {used.group('tool')} to {used.group('rest')}"
        need = _NEED_TO_RE.match(text)
        if need:
            # "To run etcdctl commands, we need to rsh into ...": the action, then its purpose
            act = need.group("act").rstrip(" .:")
            end = ":" if text.endswith(":") else "."
            text = f"{act[0].upper()}{act[1:]} to {need.group('purpose')}{end}"
        fix_lead = _FIX_LEAD_RE.match(text)
        if fix_lead and len(steps) > 0:
            # "To work around this issue, avoid ..." / "..., you may want to use ...": the action
            rest = fix_lead.group("rest")
            text = rest[0].upper() + rest[1:]
        clause = _CLAUSE_MODAL_RE.match(text)
        if clause:
            # "In the case of a slow disk, we can defragment ...": the case, then the action
            text = clause.group("clause") + clause.group("act")
        purpose = _PURPOSE_RE.match(text)
        if purpose and "," in purpose.group("rest"):
            after = purpose.group("rest").split(",", 1)[1].strip()
            if _imperative(after) or re.match(r"(?:you|we|then)\b", after, re.I):
                purpose = None  # "To check X, run the following command:" is a step as written
        if purpose and detail and not _NOT_COMMAND_DETAIL_RE.match(detail.strip()):
            # "To see an operator status of X." over its command: the action, "See ...:"
            text = purpose_said(purpose.group("verb"), purpose.group("rest"))
        if items and _HOW_TO_RE.match(text):
            # "Open an elevated Command Prompt." then "To do it, click Start, ...": how to
            # do the step before, shown under it, not a step of its own
            items[-1] = with_detail(items[-1], with_detail(text, detail).replace("\x1f", "\n"))
            continue
        items.append(with_detail(text, detail))
    return items


#: "etcdctl can be used to fetch the DB size of the etcd endpoints."
_CAN_BE_USED_RE = re.compile(
    r"^(?P<tool>[\w.-]+(?: [\w.-]+){0,2}) (?:can|may|could) be used to (?P<rest>\S.{3,})$", re.I
)
#: "To run etcdctl commands, we need to rsh into the etcdctl container of any etcd pod."
_NEED_TO_RE = re.compile(
    r"^to (?P<purpose>[^,]{3,80}),\s*(?:you|we) (?:need to|must|should|have to|can|will need to)"
    r" (?P<act>\S.{3,})$",
    re.IGNORECASE,
)
#: "To see all nodes using runc via metrics:" over a command: a purpose, no comma after.
_PURPOSE_RE = re.compile(
    r"^to (?!(?:be|have|do)\b)(?P<verb>[a-z]{3,}) (?P<rest>[^;]{3,140}?)\s*[.:]$",
    re.IGNORECASE,
)
#: "To work around this issue, avoid ...", "To resolve this issue, you may want to use ...".
_FIX_LEAD_RE = re.compile(
    r"^to (?:resolve|fix|work around|avoid|prevent|correct|mitigate) (?:this|the) (?:issue|"
    r"problem|error|behaviou?r)(?: [\w-]+){0,3},\s*(?:(?:you|we) (?:may want to|might want "
    r"to|can|could|should|must|need to|have to) )?(?P<rest>[a-z]\S*\s.{3,})$",
    re.IGNORECASE | re.DOTALL,
)
#: "In the case of X, we can defragment ...", "In this case, we need to add ...".
_CLAUSE_MODAL_RE = re.compile(
    r"^(?P<clause>(?:in|if|when|for|after|once)\b[^,]{2,100},\s*)(?:you|we) (?:can|could|"
    r"should|may|might|must|need to|have to|will need to)(?: also| first)? (?P<act>\S.{3,})$",
    re.IGNORECASE | re.DOTALL,
)
_NOT_COMMAND_DETAIL_RE = re.compile(r"^(?:note|link|table|quote|important|warning)\b", re.I)
#: "To do it, ...", "To do this, follow these steps:": how to do the step before.
_HOW_TO_RE = re.compile(r"^to do (?:it|this|that|so)\b", re.IGNORECASE)


#: A how-to's steps are cut here, a guard against hostile input only: at 20 the cut fell
#: inside real procedures (a runbook's 45-step Diagnosis lost its file-system metrics,
#: `oc top` and the whole certificate-expiry check after "- Memory Usage"; round 23), and
#: the reader has no way to tell a step was dropped.
MAX_PROCEDURE_STEPS = 80


def _imperative(item: str) -> bool:
    from kbassist.drafting.blocks import _imperative as imperative

    return imperative(split_detail(item)[0])


_FOUND_RE = re.compile(r"^If the diagnosis found (?P<case>[^,]{1,60}), (?P<fix>.{4,})$", re.DOTALL)


def cause_steps(option: Option, counter: int) -> int:
    """Fixes named by their cause ("If the diagnosis found image issues, fix ...") run
    only for the cause the admin found: one question, "Which cause did you find?", whose
    answer picks the step ("Not sure" shows them all); returns the questions counter."""
    cases = []
    for n, item in enumerate(option.items):
        text, detail = split_detail(item)
        match = _FOUND_RE.match(text)
        if match and n not in option.when:
            cases.append((n, match, detail))
    if len(cases) < 2:
        return counter
    counter += 1
    var = f"if_{counter}"
    choices: list[dict[str, str]] = []
    for j, (n, match, detail) in enumerate(cases, start=1):
        case, fix = match.group("case"), match.group("fix")
        name = case[0].upper() + case[1:]
        choices.append({"value": f"cause_{j}", "label": short_label(name, 80)})
        option.when[n] = f'{var} == "cause_{j}" or {var} == "unsure"'
        option.items[n] = with_detail(f"{name}: {fix}", detail)
    choices.append({"value": "unsure", "label": "Not sure: show the fix for each"})
    names = ", ".join(c["label"] for c in choices[:-1])
    option.asks.append(
        Ask(
            var,
            "Which cause did you find?",
            f"The article fixes each cause its own way ({names}); the checks of its "
            "Diagnosis, the first steps of the checklist, show which one you have.",
            choices,
        )
    )
    return counter


#: "Immediately: live-migrate the VM", "Short term: raise the vCPU limit", "Long-term
#: (in guest OS): ...": fixes by how far the admin goes now.
_HORIZON_RE = re.compile(
    rf"^(?P<when>{HORIZON_WORDS})"
    r"(?: (?:actions?|solutions?|fix(?:es)?|mitigations?))?\s*(?:\([^)]{1,40}\))?\s*:\s*"
    r"(?P<fix>\S.{3,})$",
    re.IGNORECASE | re.DOTALL,
)


def horizon_steps(option: Option, counter: int) -> int:
    """ "Immediately: ...", "Short term: ...", "Long term: ..." steps run for the horizon
    the admin picks (one question, "Which fix are you making now?"; "All" runs each in
    order); returns the questions counter."""
    cases = []
    fixes: dict[str, str] = {}  # horizon -> its first fix, for the answer's label
    firsts: dict[str, tuple[int, str]] = {}  # horizon -> its first step, its words
    for n, item in enumerate(option.items):
        match = _HORIZON_RE.match(split_detail(item)[0])
        if match and n not in option.when:
            when = match.group("when").replace("-", " ").casefold()
            horizon = "immediately" if when.startswith("immediate") else when
            cases.append((n, horizon))
            fix = without_asides(md_plain(match.group("fix"))).strip().rstrip(".")
            fixes.setdefault(horizon, fix)
            firsts.setdefault(horizon, (n, match.group("when")))
    horizons = list(dict.fromkeys(h for _, h in cases))
    if len(horizons) < 2:
        return counter
    counter += 1
    var = f"if_{counter}"
    names = {
        "immediately": "Immediate relief",
        "short term": "Short term",
        "medium term": "Medium term",
        "long term": "Long term",
    }
    # "Throttle non-essential traffic on the node (short term)": what each horizon does
    from kbassist.drafting.whole_titles import horizon_label

    text = option.section.text
    choices = [
        {
            "value": f"h_{j}",
            "label": horizon_label(
                names[h],
                short_label(remedy_label(fixes[h]), 80),
                text,
                firsts[h][1],
                len(nested_under(text, option.items, firsts[h][0])),
            ),
        }
        for j, h in enumerate(horizons, 1)
    ]
    for n, horizon in cases:
        value = f"h_{horizons.index(horizon) + 1}"
        option.when[n] = f'{var} == "{value}" or {var} == "all"'
        # the steps the article nests under "Short term:" are that horizon's too
        for k in nested_under(option.section.text, option.items, n):
            option.when.setdefault(k, option.when[n])
    choices.append({"value": "all", "label": "All of them, in order"})
    option.asks.append(
        Ask(
            var,
            "Which fix are you making now?",
            "The article gives fixes by horizon ("
            + ", ".join(names[h] for h in horizons)
            + "): the quick relief first, the lasting fix later. Which are you doing now?",
            choices,
        )
    )
    return counter


#: "If the chronyd service is failing or stopped, start it" / "If the chronyd service is
#: ready, restart it": cases of one subject, told apart by what it is.
_SUBJECT_CASE_RE = re.compile(
    r"^if (?P<det>the |your |a |an )?(?P<subj>[\w.-]+(?: [\w.-]+){0,3}?) (?P<verb>is|are|has|have|"
    r"uses?|runs?) (?P<rest>[^,]{2,100}),\s*(?:then\s+)?\S",
    re.IGNORECASE,
)
#: "For public cloud providers, there is nothing to do." / "For PV-Pool backingstores, ...".
_FOR_CASE_RE = re.compile(
    r"^for (?!(?:example|instance|more|further|details|this|that|these|those|now|each|every|"
    r"all|any|the (?:commands?|steps?) below)\b)(?P<what>[^,]{3,60}),\s*\S",
    re.IGNORECASE,
)


def subject_steps(option: Option, written: list[str], counter: int) -> int:
    """Steps for cases of one subject ("If the backingstore is based on X, ...", "If the
    backingstore is a PV pool, ...", or "For X, ..." / "For Y, ...") are one question,
    "Which of these applies?", not a yes/no each: the answer shows its steps ("Not sure"
    all); yes/no questions asked for them before are dropped. Returns the counter."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for n, item in enumerate(option.items):
        text = split_detail(written[n] if len(written) == len(option.items) else item)[0]
        text = md_plain(text)
        found = _SUBJECT_CASE_RE.match(text)
        if found:
            cond = f"{found.group('det') or ''}{found.group('subj')} {found.group('verb')} "
            cond += found.group("rest")
            groups.setdefault(found.group("subj").casefold(), []).append((n, cond))
            continue
        named = _FOR_CASE_RE.match(text)
        if named and not _VERSION_CASE_RE.match(text):
            groups.setdefault("\x00for", []).append((n, named.group("what")))
    for cases in groups.values():
        if len(cases) < 2 or any(not _owned(option, n, {m for m, _ in cases}) for n, _ in cases):
            continue
        if len({short_label(c, 80).casefold() for _, c in cases}) < len(cases):
            continue  # the same case twice: not a choice between them
        dropped = {_var(option.when.get(n, "")) for n, _ in cases} - {""}
        option.asks = [a for a in option.asks if a.var not in dropped]
        counter += 1
        var = f"if_{counter}"
        choices = []
        for j, (n, cond) in enumerate(cases, start=1):
            label = cond[0].upper() + cond[1:]
            choices.append({"value": f"case_{j}", "label": short_label(label, 80)})
            option.when[n] = f'{var} == "case_{j}" or {var} == "unsure"'
            if len(written) == len(option.items):
                option.items[n] = written[n]  # the step says its own case
        choices.append({"value": "unsure", "label": "Not sure: show the steps for each"})
        option.asks.append(
            Ask(
                var,
                "Which of these applies?",
                "The article's steps differ by case ("
                + "; ".join(c["label"] for c in choices[:-1])
                + "). Which is yours?",
                choices,
            )
        )
    return counter


def _var(cond: str) -> str:
    found = re.match(r"(if_\d+) ==", cond)
    return found.group(1) if found else ""


def _owned(option: Option, n: int, group: set[int]) -> bool:
    """Whether item n's condition (if any) is a yes/no asked for it alone (no other step,
    e.g. an "otherwise" step, reads the same question): then it can be re-asked."""
    var = _var(option.when.get(n, ""))
    if not var and n in option.when:
        return False
    if not var:
        return True
    users = [m for m, cond in option.when.items() if _var(cond) == var]
    return all(m in group for m in users) and users == [n]


#: "You can try allocating more storage ...", "You can also try adjusting ...": each a way.
_TRY_RE = re.compile(r"^(?:you|we) (?:can|could|may|might) (?:also )?try (?P<what>\S.{6,})$", re.I)


def _tries(option: Option) -> list[Option]:
    """A fix written as prose ways ("Mitigation depends on what is filling up the
    storage. You can try allocating more space ... You can also try adjusting ..."): one
    option per way, chosen in "Which mitigation?", the sentences before them its text."""
    if len(option.items) != 1 or split_detail(option.items[0])[1]:
        return [option]
    sentences = split_sentences(md_plain(option.items[0]))
    starts = [n for n, x in enumerate(sentences) if _TRY_RE.match(x)]
    if len(starts) < 2:
        return [option]
    lead = " ".join(sentences[: starts[0]])
    out: list[Option] = []
    for j, n in enumerate(starts):
        end = starts[j + 1] if j + 1 < len(starts) else len(sentences)
        what = _TRY_RE.match(sentences[n])
        step = f"Try {what.group('what')}" if what else sentences[n]
        items = [" ".join([step, *sentences[n + 1 : end]])]
        label = re.sub(
            r"(?:\s+(?:so|that|and|or|to|the|a|an|for|with|of|in|is))+$", "", short_label(step, 80)
        )
        way = Option(option.section, label, lead or option.lead, items, option.kind)
        way.pre_items, way.pre_section = option.pre_items, option.pre_section
        way.checks = list(option.checks)
        out.append(way)
    return out


#: "Fix alerts before continuing", "Prerequisites": what to do before any fix, not a fix.
_BEFORE_RE = re.compile(
    r"\bbefore (?:continuing|proceeding|you (?:start|begin|continue|proceed))\b|^prerequisites?\b",
    re.IGNORECASE,
)


def _before_continuing(options: list[Option]) -> list[Option]:
    """A "Fix alerts before continuing" part is no alternative to the fix: it is said
    first in every other option's text (cited by its own section there)."""
    before = [o for o in options if _BEFORE_RE.search(o.label)]
    rest = [o for o in options if o not in before]
    if not before or not rest:
        return options
    said = " ".join(
        f"{o.label}: {' '.join(md_plain(split_detail(i)[0]) for i in o.items)} ({o.section.name})."
        for o in before
    )
    for option in rest:
        option.lead = f"First: {said} {option.lead}".strip()
    return rest


_VERSION_CASE_RE = re.compile(
    r"^(?:for|on|in) (?P<case>[^,]{0,60}?\b(?:versions?|releases?) [^,]{1,40}?|[^,]{0,40}"
    r"\b\d+(?:\.\d+)+ (?:or|and) (?:earlier|later|newer|older|above|below)[^,]{0,30}?),"
    r"\s*(?P<then>.{8,})$",
    re.IGNORECASE | re.DOTALL,
)


def version_steps(option: Option, counter: int) -> int:
    """Steps for one version ("For OCP clusters at versions 4.13 or earlier, ...", "For
    ... 4.14 or later, ...") run for the version the admin has: one question, "Which of
    these applies here?", before the checklist; returns the questions counter."""
    cases = []
    # a Diagnosis step (pre_items) is keyed -1, -2 ... in `when`: the outcome reads it so
    numbered = [(-(n + 1), i) for n, i in enumerate(option.pre_items)]
    for n, item in [*numbered, *enumerate(option.items)]:
        text = split_detail(item)[0]
        match = _VERSION_CASE_RE.match(text)
        if match and n not in option.when:
            cases.append((n, match.group("case").strip(), text))
    if len({c[1].casefold() for c in cases}) < 2:
        return counter
    counter += 1
    var = f"if_{counter}"
    values: dict[str, str] = {}
    choices: list[dict[str, str]] = []
    for n, case, _ in cases:
        value = values.setdefault(case.casefold(), f"case_{len(values) + 1}")
        if all(c["value"] != value for c in choices):
            label = short_label(case[0].upper() + case[1:], 80)
            choices.append({"value": value, "label": label})
        option.when[n] = f'{var} == "{value}" or {var} == "unsure"'
    choices.append({"value": "unsure", "label": "Not sure: show the steps for each"})
    names = ", ".join(c["label"] for c in choices[:-1])
    option.asks.append(
        Ask(
            var,
            "Which of these applies here?",
            f"The article's steps differ by version ({names}). Which is yours?",
            choices,
        )
    )
    return counter


_SYMPTOM_HEAD_RE = re.compile(
    r"^(?:symptoms?|issue|problem|error)\s*\d{0,2}\s*:\s*(?P<what>\S.*)$", re.IGNORECASE
)
#: A guidance article's cases are read up to this many (its choice list stays readable).
MAX_SYMPTOM_CASES = 16


def _problem_section(part: object) -> bool:
    """A heading with its own Cause and Resolution (or Workaround) sub-headings."""
    from kbassist.articles.model import Part

    if not isinstance(part, Part) or part.role in ("resolution", "cause"):
        return False
    roles = {c.role for c in part.children}
    return "cause" in roles and "resolution" in roles


def symptom_case_options(article: Article) -> list[Option]:
    """ "### Symptom: Start Menu doesn't respond ..." sections (two or more), each with its
    Cause and Resolution: one option per symptom, labelled with it, its cause as the
    outcome's text, its Resolution / Workaround as the steps; [] otherwise."""
    from kbassist.articles.model import Part
    from kbassist.drafting.blocks import part_sections, part_steps

    heads = [p for p in article.document.walk() if _SYMPTOM_HEAD_RE.match(md_plain(p.name))]
    if len(heads) < 2:
        # "### Start Menu doesn't respond" with "#### Cause" and "#### Resolution" under it:
        # a problem section all the same, named by its heading
        heads = [p for p in article.document.walk() if _problem_section(p)]
    if len(heads) < 2:
        return []
    sections = part_sections(article)
    options: list[Option] = []
    for head in heads[:MAX_SYMPTOM_CASES]:
        what = _SYMPTOM_HEAD_RE.match(md_plain(head.name))
        name = what.group("what") if what else md_plain(head.name)
        section = sections.get(id(head))
        if not name or section is None:
            continue
        fixes = [c for c in head.children if c.role == "resolution" or c.role == ""]
        causes = [c for c in head.children if c.role == "cause"]
        blocks = head.blocks if not fixes else ()
        lead, items, checks = part_steps(
            Part(head.name, head.level, head.line, blocks, tuple(fixes))
        )
        items = items or ([lead] if lead else [])
        if not items:
            continue
        cause = " ".join(
            md_plain(b.text.plain) for c in causes for b in c.blocks if hasattr(b, "text")
        )
        option = Option(
            section,
            short_label(name, 90),
            f"Cause: {sentence_cut(cause, 300)}" if cause else "",
            items,
            kind="symptom",
        )
        option.checks = checks or [f"Check that this no longer happens: {option.label}."]
        options.append(option)
    return options if len(options) >= 2 else []


_USAGE_RE = re.compile(r"^\s*(?:usage:\s*)?(?P<tool>[A-Za-z][\w.-]{2,40})\b", re.IGNORECASE)


def _tool_usage(article: Article, options: list[Option]) -> None:
    """A fix that names a tool ("by using the RegDelNull tool") with no command, when the
    article's More information shows that tool's usage (`regdelnull <path> [-s]`): the
    usage becomes the step that runs it, so its placeholders are asked."""
    from kbassist.articles.model import Code
    from kbassist.drafting.blocks import code_block

    usages: list[tuple[str, str, str]] = []
    for part in article.parts_by_role("more-information"):
        for sub in part.walk():
            for block in sub.blocks:
                if isinstance(block, Code):
                    match = _USAGE_RE.match(block.code)
                    if match:
                        tool = match.group("tool").casefold()
                        usages.append((tool, code_block(block), sub.name))
    if not usages:
        return
    for option in options:
        if any(split_detail(i)[1] for i in option.items):
            continue
        words = set(re.findall(r"[\w.-]+", " ".join(option.items).casefold()))
        for tool, usage, where in usages:
            if tool in words or tool.removesuffix(".exe") in words:
                _run_tool(option, tool, usage_command(usage), where)
                break


def _run_tool(option: Option, tool: str, command: str, where: str) -> None:
    """The tool's command on the step that names the tool ("... by using the RegDelNull
    tool"), else on a step of its own: one tick, not the tool's name then its usage."""
    for n, item in enumerate(option.items):
        if tool in set(re.findall(r"[\w.-]+", item.casefold())):
            option.items[n] = with_detail(item, command)
            return
    option.items.append(with_detail(f"Run {tool} as the article's {where} shows:", command))


def _flat_blocks(blocks: tuple[object, ...] | list[object]) -> list[object]:
    """Blocks in reading order, a list's item paragraphs in place of the list."""
    from kbassist.articles.model import ListBlock

    out: list[object] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            for item in block.items:
                out.extend(_flat_blocks(item.blocks))
        else:
            out.append(block)
    return out


def _dangling_commands(article: Article, options: list[Option]) -> None:
    """ "... by using the following command:" as a list item, the command in the paragraph
    after the list (`**sc triggerinfo kdssvc start/networkon**`): the command is the
    detail of that step, not lost with the list's end."""
    from kbassist.articles.model import Code

    wanted = {
        md_plain(split_detail(i)[0]): option
        for option in options
        for i in option.items
        if i.endswith(":") and not split_detail(i)[1]
    }
    if not wanted:
        return
    for part in article.document.walk():
        flat = _flat_blocks(part.blocks)
        for n, block in enumerate(flat[:-1]):
            if not isinstance(block, Paragraph):
                continue
            option = wanted.get(md_plain(block.text.plain))
            nxt = flat[n + 1]
            if option is None:
                continue
            if isinstance(nxt, Code):
                command = nxt.code.strip()
            elif (
                isinstance(nxt, Paragraph)
                and len(nxt.text.plain.split()) <= 12
                and any(m.kind in ("strong", "code") for m in nxt.text.marks)
            ):
                command = md_plain(nxt.text.plain)
            else:
                continue
            text = md_plain(block.text.plain)
            option.items = [
                with_detail(i, command) if md_plain(split_detail(i)[0]) == text else i
                for i in option.items
            ]


#: A fenced block the flat text reader ran into one step ("```console RD <Drive>... ```").
_FLAT_FENCE_RE = re.compile(r"^```(?P<info>[\w+.#-]*)[ \t\n]+(?P<code>.*?)\s*```$", re.DOTALL)
#: A step that announces the command after it ("run the following command ... and then").
_ANNOUNCES_COMMAND_RE = re.compile(
    r"\b(?:the following|these|this|the next) (?:\w+ )?(?:commands?|cmdlets?|scripts?|"
    r"statements?|quer(?:y|ies)|lines?|code)\b|:$",
    re.IGNORECASE,
)


#: "Run the following command from an elevated command prompt.": a command is to come.
_FOLLOWING_COMMAND_RE = re.compile(
    r"\bthe following (?:\w+ )?(?:commands?|cmdlets?|scripts?|statements?|quer(?:y|ies))\b",
    re.IGNORECASE,
)


def _article_codes(article: Article) -> list[str]:
    """Every fenced block's code in the article, as written (lines kept)."""
    from kbassist.articles.model import Code

    blocks = _flat_blocks(article.document.blocks)
    for part in article.document.walk():
        blocks.extend(_flat_blocks(part.blocks))
    return [b.code for b in blocks if isinstance(b, Code) and b.code.strip()]


def fenced_commands(article: Article, option: Option) -> None:
    """A fenced command the flat text made a step of its own ("console RD <Drive>... /s /q",
    its info string read as a word, after "Restart the system." that the sentence
    announcing it ends with) is the command of the step that announces it ("Run the
    following command ...:"), shown verbatim as written in the article."""
    codes: dict[str, str] = {}
    for steps in (option.pre_items, option.items):
        for n in range(len(steps) - 1, -1, -1):
            text, detail = split_detail(steps[n])
            fence = _FLAT_FENCE_RE.match(text.strip())
            if fence is None or detail:
                continue
            if not codes:  # read the article's blocks only when a fence was run in
                codes = {" ".join(code.split()): code for code in _article_codes(article)}
            flat = " ".join(fence.group("code").split())
            info = fence.group("info")
            # the article's own block, lines kept; else the flat text without its info
            whole = f"{info} {flat}".strip()  # "```RD x```": no info string, RD is code
            fallback = flat if re.fullmatch(r"[a-z+#-]*", info) else whole
            code = codes.get(flat) or codes.get(whole) or fallback
            owner = next(
                (
                    k
                    for k in range(n - 1, -1, -1)
                    if not split_detail(steps[k])[1]
                    and _ANNOUNCES_COMMAND_RE.search(split_detail(steps[k])[0])
                ),
                None,
            )
            if owner is None and n > 0 and not split_detail(steps[n - 1])[1]:
                owner = n - 1
            if owner is None:
                steps[n] = with_detail("Run the following command:", code)
                continue
            said = split_detail(steps[owner])[0].rstrip()
            said = said[:-1] + ":" if said.endswith(".") else said
            steps[owner] = with_detail(said, code)
            del steps[n]
        for n in range(1, len(steps)):
            # "Run the following command ... and then restart the system." read as two
            # steps, the command after the second: it is the first one's
            before, had = split_detail(steps[n - 1])
            text, command = split_detail(steps[n])
            if (
                command
                and not had
                and _FOLLOWING_COMMAND_RE.search(before)
                and not before.rstrip().endswith(":")  # a lead over a list: its items' own
                and not _ANNOUNCES_COMMAND_RE.search(text)
                and not _NOT_COMMAND_DETAIL_RE.match(command.strip())
            ):
                said = before.rstrip()
                steps[n - 1] = with_detail(said[:-1] + ":" if said.endswith(".") else said, command)
                steps[n] = text


#: One field line of a logged event's record ("Log Name:      System", "Event ID: 7038").
_EVENT_FIELD_RE = re.compile(
    r"^(?P<key>Log Name|Source|Event Source|Date|Time|Event ID|Task Category|Event Category|"
    r"Level|Event Type|Type|Keywords|User|Computer|Opcode):[ \t]*(?P<value>.*)$"
)


def event_record_shown(detail: str) -> str:
    """A logged event's record under a step ("Log Name: System", "Source: ...", "Date:
    <Datetime>", "Task Category: None", ... "Description:" and its text) as one line that
    names the event ("Event 7038 (System log, Service Control Manager):") over its
    description: the date, user, computer and keyword fields say nothing to look for."""
    lines = detail.split("\n")
    out: list[str] = []
    n = 0
    while n < len(lines):
        k, fields = n, {}
        while k < len(lines) and (field := _EVENT_FIELD_RE.match(lines[k].strip())):
            fields[field.group("key").casefold()] = field.group("value").strip()
            k += 1
        described = k < len(lines) and lines[k].strip().casefold() == "description:"
        event = fields.get("event id", "")
        if len(fields) < 3 or not described or not event:
            out.append(lines[n])
            n += 1
            continue
        where = [f"{fields['log name']} log"] if fields.get("log name") else []
        where += [s for s in (fields.get("source") or fields.get("event source"),) if s]
        out.append(f"Event {event} ({', '.join(where)}):" if where else f"Event {event}:")
        n = k + 1  # the description's lines follow as written
    return "\n".join(out)


def _bare(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s']", " ", md_plain(text)).casefold().split())


def _heading_path(article: Article, label: str) -> list[str]:
    """The names of the part headed `label` ("Incorrect password" of "Scenario 1:
    Incorrect password") and of the parts above it; [] when no heading is."""
    want = _bare(label)

    def down(parts: tuple[Part, ...], above: list[str]) -> list[str]:
        for part in parts:
            here = [*above, part.name]
            name = _bare(part.name)
            if want and (name == want or name.endswith(f" {want}")):
                return here
            found = down(part.children, here)
            if found:
                return found
        return []

    return down(article.document.parts, [])


def own_message(article: Article, option: Option) -> None:
    """ "Find the following error messages:" over the list of every message, in the fix
    for one of them (a "### <message>" section under the list's heading, or a scenario
    under it): the step looks for that fix's own message; the others are other fixes'."""
    if not any("the following" in i.casefold() for i in [*option.pre_items, *option.items]):
        return  # no list lead to narrow (the common case: no headings walked)
    names = {_bare(n) for n in [option.label, *_heading_path(article, option.label)]} - {""}
    for steps in (option.pre_items, option.items):
        for n, item in enumerate(steps):
            text, detail = split_detail(item)
            lines = detail.split("\n")
            listed = [line for line in lines if line.startswith("- ")]
            inline = _INLINE_LIST_RE.match(text)
            if len(listed) >= 2 and len(listed) == len([x for x in lines if x.strip()]):
                own = [line for line in listed if _bare(line[2:]) in names]
                if len(own) == 1:
                    steps[n] = with_detail(_one_message(text), own[0])
            elif inline and not detail:
                # "... the following error messages: A; B." (a short list run into the step)
                said = [x.strip(" .") for x in inline.group("list").split(";")]
                own = [x for x in said if _bare(x) in names]
                if len(said) >= 2 and len(own) == 1:
                    steps[n] = f"{_one_message(inline.group('lead'))}: {own[0]}."


#: "... find the following error messages: A; B.": a short list run into its lead.
_INLINE_LIST_RE = re.compile(r"^(?P<lead>.*\bthe following\b[^:]{0,40}):\s+(?P<list>[^:]+)$")


def _one_message(text: str) -> str:
    """ "find the following error messages" said of one message: "... error message"."""
    return re.sub(
        r"\bthe following ((?:\w+ )?)(message|error|entrie|event)s\b",
        lambda m: f"the following {m.group(1)}{m.group(2).replace('entrie', 'entry')}",
        text,
        flags=re.IGNORECASE,
    )


#: "Enable TLS 1.2 by updating the following registry entries:": what the steps after it
#: change, with the keys and values under it.
_REGISTRY_GOAL_RE = re.compile(
    r"\b(?:updat|chang|add|set|modif|creat|configur|edit)\w* the following registry "
    r"(?:entr(?:y|ies)|values?|keys?|subkeys?|settings?)\s*:$",
    re.IGNORECASE,
)
#: "Open Regedit.exe.", "Start Registry Editor (Regedt32.exe).": the how of a registry change.
_REGEDIT_STEP_RE = re.compile(
    r"^(?:open|start|run|launch)\s+(?:the\s+)?(?:regedit|regedt32|registry editor)\b", re.I
)


def registry_goal_shown(option: Option) -> None:
    """ "Enable X by updating the following registry entries:" over the keys and values,
    then "Open Regedit.exe.", "Navigate to ...", "Set ...": the first step says what the
    others do, so it is shown under "Open Regedit.exe." rather than ticked as one more
    change (the admin would make the change twice)."""
    steps = option.items
    if option.when:
        return  # conditional steps are keyed by position: their order is left alone
    for n in range(len(steps) - 1):
        text, detail = split_detail(steps[n])
        if not (_REGISTRY_GOAL_RE.search(text.strip()) and re.search(r"\bHK(?:EY_|LM|CU)", detail)):
            continue
        how = next(
            (k for k in (n + 1, n + 2) if k < len(steps) and _REGEDIT_STEP_RE.match(steps[k])),
            None,
        )
        if how is None:
            continue
        steps[how] = with_detail(steps[how], f"{text}\n{detail}")
        del steps[n]
        return


_REF_NAMES = r"(?:resolution|method|option|solution|workaround|cause|section|scenario|step)"
#: "go to Resolution 2", "try Method 3": a pointer to another part of the article by its
#: number only (the link to its heading is gone in the plain text).
_CROSS_REF_RE = re.compile(
    r"\b(?P<verb>go to|see|use|try|follow|skip to|proceed to|continue (?:to|with)|refer to|"
    r"apply)(?P<the> the)? (?P<ref>" + _REF_NAMES + r" (?:\d{1,2}|[A-H]))\b(?! ?[:(\"\u201c])",
    re.IGNORECASE,
)
#: A heading that names a numbered part: "Resolution 2: Rename or move a deep folder".
_NUMBERED_HEADING_RE = re.compile(
    r"^(?P<ref>" + _REF_NAMES + r" (?:\d{1,2}|[A-H]))\s*[:.\u2013\u2014-]\s*(?P<rest>\S.{2,})$",
    re.IGNORECASE,
)


def named_cross_refs(article: Article, option: Option) -> None:
    """ "If the 8.3 path is also too long, go to Resolution 2." says where only by a
    number the checklist does not show: the pointer names that heading ("go to
    Resolution 2 ("Rename or move a deep folder")"), so the admin knows which fix it is."""
    if not any(_CROSS_REF_RE.search(i) for i in [*option.pre_items, *option.items]):
        return
    names: dict[str, str] = {}
    for part in article.document.walk():
        heading = " ".join(re.sub(r"<[^>]*>", "", md_plain(part.name)).split())
        numbered = _NUMBERED_HEADING_RE.match(heading)
        if numbered:
            names.setdefault(numbered.group("ref").casefold(), numbered.group("rest").rstrip("."))
    if not names:
        return

    def named(match: re.Match[str]) -> str:
        rest = names.get(match.group("ref").casefold())
        if rest is None or rest.casefold() in match.string.casefold():
            return match.group(0)
        return f'{match.group(0)} ("{rest}")'

    for steps in (option.pre_items, option.items):
        for n, item in enumerate(steps):
            text, detail = split_detail(item)
            said = _CROSS_REF_RE.sub(named, text)
            if said != text:
                steps[n] = with_detail(said, detail)


#: "If the log shows err=EOF:" / "If the backingstore resource is based on X, check ...":
#: a case and what follows it (the action after a comma, or nothing after a colon).
_FOUND_CASE_RE = re.compile(
    r"^(?:if|when)\s+(?P<cond>[^,:;]{4,140}?)\s*(?:[,:]|(?<!\.)\.\s+(?=[A-Z])|\.?$)",
    re.IGNORECASE | re.DOTALL,
)
#: What happens after the fix, or a fallback: not one of the cases a check tells apart.
_NOT_FOUND_CASE_RE = re.compile(
    r"\b(?:persists?|still|continues?|cannot resolve|can't resolve|not resolved|necessary|"
    r"needed|possible|none of|nothing (?:found|helps)|issue does not|problem does not|"
    r"you (?:want|wish|prefer|suspect)|cannot be (?:restored|recovered|fixed|resolved|repaired))\b",
    re.IGNORECASE,
)
#: Sibling cases share this many words after "If" ("the backingstore resource ...",
#: "you see err=...", "the command succeeds" / "the command fails").
SHARED_CASE_WORDS = 2


def _found_cases(steps: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Groups of sibling "If X ..." steps, in order: two or more (key, condition) whose
    conditions open with the same words and differ after them."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for key, item in steps:
        text = md_plain(split_detail(item)[0])
        found = _FOUND_CASE_RE.match(text)
        if found is None or _NOT_FOUND_CASE_RE.search(found.group("cond")):
            continue
        cond = " ".join(found.group("cond").split())
        words = cond.casefold().split()
        if len(words) <= SHARED_CASE_WORDS:
            continue
        groups.setdefault(" ".join(words[:SHARED_CASE_WORDS]), []).append((key, cond))
    return [
        cases
        for cases in groups.values()
        if len(cases) >= 2 and len({_case_label(c).casefold() for _, c in cases}) == len(cases)
    ]


def _case_label(cond: str) -> str:
    """'the log shows err="... EOF"' -> 'The log shows err="EOF"': a label, not cut at
    the article's own elision."""
    cond = re.sub(r"(?:\.\.\.|\u2026)\s*", "", cond)
    return short_label(cond[0].upper() + cond[1:], 80)


def _overlap(a: str, b: str) -> float:
    """Share of the shorter text's words (four letters or more) found in the other."""
    wa = {w for w in re.findall(r"[a-z0-9-]{4,}", a.casefold())}
    wb = {w for w in re.findall(r"[a-z0-9-]{4,}", b.casefold())}
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


def found_case_steps(option: Option, counter: int) -> int:
    """Sibling cases of a check ("If the log shows err=EOF:" / "If the log shows 401:",
    "If the backingstore is based on a public cloud ..." / "... a PV pool ...") not yet
    asked are one question, "Which of these did you find?": the answer keeps that case's
    steps ("Not sure" all of them). A Diagnosis group whose cases match, in order, the
    ones an earlier question asks for the fix (subject_steps) reads that same answer, so
    one answer selects the case's checks and its fix. Returns the questions counter."""
    # an option chosen by what the Diagnosis found ("What did you find?") has had its
    # case asked already: its Diagnosis cases are not asked again
    pre = [] if option.condition else [(-(n + 1), i) for n, i in enumerate(option.pre_items)]
    steps = [(k, i) for k, i in [*pre, *enumerate(option.items)] if k not in option.when]
    for cases in _found_cases(steps):
        keys = [k for k, _ in cases]
        owned = {k: _case_keys(option, k, keys) for k in keys}
        shared = _shared_ask(option, [c for _, c in cases])
        if shared is None:
            counter += 1
            var = f"if_{counter}"
            labels = [_case_label(c) for _, c in cases]
            option.asks.append(
                Ask.of_cases(
                    var, "Which of these did you find?", "what you find", labels, "Which is it?"
                )
            )
            values = [f"case_{j}" for j in range(1, len(cases) + 1)]
        else:
            var, values = shared
        for (key, _), value in zip(cases, values, strict=True):
            for k in owned[key]:
                option.when[k] = f'{var} == "{value}" or {var} == "unsure"'
    return counter


_CASE_START_RE = re.compile(r"^(?:if|when|otherwise|else|in case)\b", re.IGNORECASE)


def _step_at(option: Option, key: int) -> str | None:
    """The step keyed as in `when` (a Diagnosis step -1, -2 ...), None past either end."""
    if key < 0:
        return option.pre_items[-key - 1] if -key <= len(option.pre_items) else None
    return option.items[key] if key < len(option.items) else None


def _case_keys(option: Option, key: int, cases: list[int]) -> list[int]:
    """The steps of one case: its "If X, do A" step, and for "If X:" the step after it
    (what to do then), unless that is another case or asked already."""
    text = split_detail(_step_at(option, key) or "")[0].rstrip()
    after = key - 1 if key < 0 else key + 1
    nxt = _step_at(option, after)
    if (
        not text.endswith(":")
        or nxt is None
        or after in cases
        or after in option.when
        or _CASE_START_RE.match(md_plain(split_detail(nxt)[0]))
    ):
        return [key]
    return [key, after]


def _best_match(cond: str, labels: list[str]) -> int:
    """The index of the label sharing the most words with `cond` (the first on a tie)."""
    return max(range(len(labels)), key=lambda j: _overlap(cond, labels[j]))


def _shared_ask(option: Option, conds: list[str]) -> tuple[str, list[str]] | None:
    """(variable, values) of a "Which of these applies?" already asked for as many cases
    whose labels match these conditions in order (each best matched by its own), else
    None."""
    for ask in option.asks:
        cases = [c for c in ask.choices if c["value"] != "unsure"]
        if len(cases) != len(conds) or len(cases) == len(ask.choices):
            continue
        labels = [str(case["label"]) for case in cases]
        if all(
            _best_match(cond, labels) == n and _overlap(cond, labels[n]) > 0
            for n, cond in enumerate(conds)
        ):
            return ask.var, [c["value"] for c in cases]
    return None


# --------------------------------------------------------------------------- msfix10

#: A table column that names the cause or case, and one that says what to do about it.
_CAUSE_COLUMN_RE = re.compile(
    r"\b(?:causes?|reasons?|issues?|problems?|scenarios?|symptoms?|"
    r"errors?|conditions?|situations?)\b",
    re.IGNORECASE,
)
_FIX_COLUMN_RE = re.compile(
    r"\b(?:resolutions?|solutions?|fix(?:es)?|workarounds?|actions?|"
    r"what to do|mitigations?|recommendations?)\b",
    re.IGNORECASE,
)
_BREAK_RE = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)


def table_cause_options(article: Article, options: list[Option]) -> list[Option]:
    """A support article's causes-and-resolutions table ("Typical causes | Resolutions"):
    each row is a fix of its own, chosen by its cause ("Which applies?"), its commands
    (a `<br/>` line that is one code span) shown under the step before them. Rows a
    drafted option already holds (a table inside a fix's steps) are not offered twice."""
    from kbassist.articles.model import Table
    from kbassist.drafting.blocks import part_sections

    sections = part_sections(article)
    held = " ".join(split_detail(i)[1] for o in options for i in o.items)
    out: list[Option] = []
    for part in article.document.walk():
        section = sections.get(id(part))
        for block in part.blocks:
            if section is None or not isinstance(block, Table):
                continue
            header = [md_plain(cell.plain) for cell in block.header]
            cause = next((n for n, h in enumerate(header) if _CAUSE_COLUMN_RE.search(h)), None)
            fix = next(
                (n for n, h in enumerate(header) if n != cause and _FIX_COLUMN_RE.search(h)),
                None,
            )
            if cause is None or fix is None:
                continue
            for row in block.rows:
                if max(cause, fix) >= len(row):
                    continue
                said = md_plain(row[cause].plain).strip()
                steps = _cell_steps(row[fix])
                if not said or not steps or said[:40] in held:
                    continue
                name = re.split(r"\s*[\u2014\u2013]\s*|\s+-{1,2}\s+", said)[0].rstrip(". ")
                option = Option(section, short_label(name, 90), said, steps, kind="cause")
                option.condition = True
                out.append(option)
    return out


def _cell_steps(cell: object) -> list[str]:
    """A resolution cell's steps: its sentences, and a line that is one code span (a
    command) under the step before it."""
    text = getattr(cell, "plain", "")
    codes = {text[m.start : m.end].strip() for m in getattr(cell, "marks", ()) if m.kind == "code"}
    steps: list[str] = []
    for line in _BREAK_RE.split(text):
        line = line.strip()
        if not line:
            continue
        if line in codes and steps:
            said, detail = split_detail(steps[-1])
            steps[-1] = with_detail(said, f"{detail}\n{line}".strip())
            continue
        for sentence in split_sentences(line):
            said = md_plain(sentence)
            if said and steps and not _imperative(said):
                # "For example, ...", "If X works, it's a name resolution issue.": shown
                # under the step they explain, not ticked
                text, detail = split_detail(steps[-1])
                steps[-1] = with_detail(text, f"{detail}\n{said}".strip())
            elif said:
                steps.append(said)
    return steps


#: A part that tells which case you are in, not a fix: "Verify timeout expired errors",
#: "Determine the type of timeout expired errors", "Identify the failing writer".
_CHECKING_HEAD_RE = re.compile(
    r"^(?:verify|determine|identify|find out|confirm|check (?:whether|if|which))\b",
    re.IGNORECASE,
)
#: "Before troubleshooting, view ...": the action after a leading clause.
_CLAUSE_RE = re.compile(r"^(?:before|after|first|to|when|if)\b[^,]{3,80},\s*", re.IGNORECASE)


def checks_not_fixes(options: list[Option]) -> list[Option]:
    """A support article's checking parts ("## Verify timeout expired errors", "## Determine
    the type of ...") beside its fixes are no fixes: their actions run before the question
    (each fix's first steps, shown once before it), the rest (the messages it lists, the
    kinds it names) is dropped. Kept when every option is one (a how-to of checks)."""
    checking = [
        o
        for o in options
        if o.kind == "option"
        and not o.condition
        and not o.pre_items
        and _CHECKING_HEAD_RE.match(md_plain(o.section.name).strip())
    ]
    fixes = [o for o in options if all(o is not c for c in checking)]
    if not checking or not fixes:
        return options
    steps: list[str] = []
    source = checking[0].section
    for option in checking:
        if not steps:
            source = option.section  # cited by the part the first check comes from
        for item in option.items:
            text, detail = split_detail(item)
            # the check may be the item or a paragraph shown under it ("Before
            # troubleshooting, view ..." after the list of kinds it tells apart)
            chunks = [text, *(c for c in detail.split("\n\n") if c.strip())]
            for n, chunk in enumerate(chunks):
                action = _CLAUSE_RE.sub("", chunk.strip(), count=1)
                action = action[:1].upper() + action[1:]
                rest = "\n\n".join(chunks[n + 1 :])
                if _LOOK_AT_EXAMPLE_RE.match(action):
                    if steps:
                        # "See the following example of a call stack ...:" shows what the
                        # check above looks for: under it, not a tick of its own
                        said, more = split_detail(steps[-1])
                        shown = "\n\n".join(x for x in (more, chunk, rest) if x)
                        steps[-1] = with_detail(said, shown)
                    break
                if _LOOKING_RE.match(action):
                    steps.append(with_detail(action, rest))
                    break
    for fix in fixes:
        if steps and not fix.pre_items:
            fix.pre_items = list(steps)
            fix.pre_section = source
    return fixes


#: The steps of a checking part are looks: "View the complete call stack ...".
_LOOKING_RE = re.compile(
    r"^(?:view|check|look|run|open|review|examine|inspect|find|verify|confirm|determine|"
    r"identify|search|collect|compare)\b",
    re.IGNORECASE,
)
_LOOK_AT_EXAMPLE_RE = re.compile(r"^see (?:the following|this|an?) examples?\b", re.IGNORECASE)


def cause_own_text(article: Article, section: Section) -> str:
    """A Cause's text without the fixes sub-headed under it ("## Cause" over "### Resolution
    for Windows 10" / "### Resolution for Windows XP"): those are the fixes, not the cause."""
    from kbassist.articles.text import blocks_text
    from kbassist.drafting.blocks import part_sections

    sections = part_sections(article)
    for part in article.document.walk():
        if sections.get(id(part)) is section and part.name == section.name:
            if any(child.role == "resolution" for child in part.children):
                return blocks_text(part.blocks) or section.text
            break
    return section.text


#: "Resolution for Windows 10, Windows 7 and Windows Vista", "Workaround on Windows XP".
_FIX_FOR_RE = re.compile(
    r"^(?:resolutions?|solutions?|workarounds?|methods?|steps|fix(?:es)?)(?:\s+\d+)?\s+"
    r"(?:for|on|in)\s+(?P<what>.{3,90})$",
    re.IGNORECASE,
)
#: What names a product or version one runs (not "for event ID 7000" or "for cause 2").
_PRODUCT_RE = re.compile(
    r"\b(?:windows|server|sql|office|exchange|sharepoint|xp|vista|\d{2,4}(?:\s?r2)?|"
    r"version|edition)\b",
    re.IGNORECASE,
)


def per_product_fixes(options: list[Option]) -> None:
    """Two or more fixes headed by the product they are for ("Resolution for Windows 10,
    Windows 7 and Windows Vista" / "Resolution for Windows XP") are asked as "Which of
    these do you run?", each answer named by its product: the steps differ by system."""
    found = [(o, _FIX_FOR_RE.match(md_plain(o.label).strip())) for o in options]
    named = [(o, m.group("what").strip(" .:")) for o, m in found if m]
    if len(named) < 2 or not all(_PRODUCT_RE.search(what) for _, what in named):
        return
    if len(named) != len(options):
        return  # other fixes beside them: the products are not the only choice
    for option, what in named:
        option.label = short_label(what, 90)
        option.kind, option.condition = "version", True


#: "Go to Resolution 2.", "go to Method 3": a step that sends the admin to another fix.
_GO_TO_RE = re.compile(
    r"^(?:then\s+)?(?:go|skip|proceed|move) (?:on )?to (?P<kind>resolution|method|workaround|"
    r"solution|option) (?P<num>\d{1,2})\b",
    re.IGNORECASE,
)
_NUMBERED_FIX_RE = re.compile(
    r"^(?P<kind>resolution|method|workaround|solution|option)\s+(?P<num>\d{1,2})\b", re.IGNORECASE
)


def go_to_fixes(tree: dict[str, Any], article: Article) -> None:
    """A case step that only says where to go ("If the 8.3 path is also too long, go to
    Resolution 2") leads there: its "yes" answer goes to that fix's first node instead of
    ticking "Go to Resolution 2" in this one. Left as it is when the fix is not drafted."""
    from kbassist.drafting.blocks import heading_label

    heads: dict[tuple[str, str], str] = {}
    for part in article.document.walk():
        numbered = _NUMBERED_FIX_RE.match(md_plain(part.name).strip())
        if numbered:
            key = (numbered.group("kind").casefold(), numbered.group("num"))
            heads.setdefault(key, (heading_label(part.name) or part.name).casefold())
    if not heads:
        return
    nodes: list[dict[str, Any]] = tree["nodes"]
    entries = {
        str(c.get("label", "")).casefold(): str(c["next"])
        for n in nodes
        if n["kind"] == "question"
        for c in n.get("choices", [])
    }
    for outcome in [n for n in nodes if n["kind"] == "outcome"]:
        for step in list(outcome.get("steps", [])):
            found = _GO_TO_RE.match(str(step.get("text", "")))
            when = _WHEN_RE.match(str(step.get("when", "")))
            if not found or not when:
                continue
            key = (found.group("kind").casefold(), found.group("num"))
            target = _entry_named(entries, heads.get(key, ""))
            here = [k for k, label in heads.items() if label == str(outcome["title"]).casefold()]
            if any(k[0] == key[0] and int(k[1]) >= int(key[1]) for k in here):
                continue  # only forward ("Resolution 1" to "Resolution 2"): no loop
            asked = next(
                (n for n in nodes if n["id"] == f"{outcome['id']}-{when.group('var')}"), None
            )
            if not target or target == outcome["id"] or asked is None:
                continue
            for choice in asked["choices"]:
                if choice["value"] == when.group("value"):
                    choice["next"] = target
            outcome["steps"].remove(step)


_WHEN_RE = re.compile(r'^(?P<var>\w+) == "(?P<value>[^"]*)"$')


def _entry_named(entries: dict[str, str], head: str) -> str | None:
    """The node an answer labelled by heading `head` leads to; the label may say more
    than the heading ("Rename the folders so that the path is shorter than MAX_PATH")."""
    if not head:
        return None
    if head in entries:
        return entries[head]
    return next((node for label, node in entries.items() if label.startswith(head + " ")), None)


def checking_parts_first(tree: dict[str, Any], article: Article) -> None:
    """Sub-headed checks no fix draws from ("### Determine if file system permissions have
    been changed", "### Determine if Group Policy is being used ...", under a part that is
    no fix) tell which of the fixes applies: shown, numbered, in one step before the
    question they decide (each part's first step named by its heading), unless the walk
    runs Diagnosis checks first already. Shown, not ticked: no input is asked for them."""
    from kbassist.articles.model import Part
    from kbassist.drafting.blocks import heading_label, part_sections, part_steps
    from kbassist.drafting.text import brace

    nodes: list[dict[str, Any]] = tree["nodes"]
    ids = {n["id"] for n in nodes}
    question = next((q for q in ("which_cause", "mitigation") if q in ids), None)
    if question is None or "diagnose_first" in ids or _CHECKS_ID in ids:
        return
    cited = {
        str(step["source"]["section"])
        for n in nodes
        if n["kind"] == "outcome"
        for step in [n, *n.get("steps", [])]
        if isinstance(step.get("source"), dict)
    }
    sections = part_sections(article)
    steps: list[tuple[str, str]] = []
    source: Section | None = None
    for part in article.document.walk():
        section = sections.get(id(part))
        name = md_plain(part.name).strip()
        if (
            section is None
            or section.name in cited
            or part.role == "resolution"
            or not _CHECKING_HEAD_RE.match(name)
        ):
            continue
        _, found, _ = part_steps(Part(part.name, part.level, part.line, part.blocks))
        for n, item in enumerate(found):
            said, more = split_detail(item)
            if n == 0:
                steps.append((f"{heading_label(part.name, 90) or name}: {said}", more))
            elif _imperative(said) or _LOOKING_RE.match(said):
                steps.append((said, more))
            else:  # "Program Files - Read, ...": what the check above looks for
                head, under = steps[-1]
                steps[-1] = (head, "\n".join(x for x in (under, said, more) if x))
        source = source or section
    if not steps or source is None:
        return
    shown = "\n\n".join(
        f"{n}. {said}" + (f"\n{more}" if more else "") for n, (said, more) in enumerate(steps, 1)
    )
    for node in nodes:
        if node.get("next") == question:
            node["next"] = _CHECKS_ID
        for choice in node.get("choices", []):
            if choice.get("next") == question:
                choice["next"] = _CHECKS_ID
    at = next(n for n, node in enumerate(nodes) if node["id"] == question)
    nodes.insert(
        at,
        {
            "id": _CHECKS_ID,
            "kind": "info",
            "title": "Check which case this is",
            "text": brace(f"The article's checks tell which fix applies:\n\n{shown}"),
            "source": {"article": article.id, "section": source.name},
            "next": question,
        },
    )


_CHECKS_ID = "checks_first"


def case_items(blocks: tuple[Any, ...], first: Any) -> list[tuple[Any, ...]]:
    """The cases of a list of cases ("- Error message 1: ...", "- Error message 2: ..."),
    each with its blocks, where the article's Markdown broke the list: a case's
    unindented continuation (its paragraph and numbered steps, written at the margin) is
    still that case's, and a later one-item list "- Error message 3: ..." another case.
    Blocks after the last case are not taken into it (they may be about something else)."""
    from kbassist.articles.model import ListBlock
    from kbassist.drafting.modern import is_case_item

    items = [list(item.blocks) for item in first.items]
    at = next((n for n, block in enumerate(blocks) if block is first), len(blocks))
    pending: list[Any] = []
    for block in blocks[at + 1 :]:
        if (
            isinstance(block, ListBlock)
            and not block.ordered
            and block.items
            and all(is_case_item(item.blocks) for item in block.items)
        ):
            items[-1].extend(pending)
            pending = []
            items.extend(list(item.blocks) for item in block.items)
        else:
            pending.append(block)
    return [tuple(item) for item in items]


#: A support article's "## Data collection" (what to gather before opening a case).
_DATA_HEAD_RE = re.compile(
    r"^(?:data collection|collect(?:ing)? (?:the )?(?:data|logs|information)|gather(?:ing)? "
    r"(?:the )?(?:data|logs|information))\b",
    re.IGNORECASE,
)


def data_for_support_last(options: list[Option]) -> list[Option]:
    """ "## Data collection" beside the fixes is no fix: it is what to gather for a
    support case when they did not help, so it is the last answer, said so, and verified
    by the data being ready, not by the problem going away."""
    data = [o for o in options if _DATA_HEAD_RE.match(md_plain(o.section.name).strip())]
    rest = [o for o in options if all(o is not d for d in data)]
    if not data or not rest:
        return options
    for option in data:
        option.label = "None of these helped: collect data for a support case"
        option.kind = "escalation"
        option.condition = sum(o.condition for o in rest) * 2 > len(rest)
        option.checks = [
            "Check that the collected data is saved where the tool says, ready to attach "
            "to your support case."
        ]
    return [*rest, *data]
