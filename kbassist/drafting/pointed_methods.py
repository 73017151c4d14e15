"""MS support fixes lost behind "use one of the following methods", and articles that
give no fix at all.

A support article often ends its lead with a pointer ("If the device is already
deployed, you can use one of the following methods mentioned below to enable the
setting.") and gives the methods as the parts after it ("## Use Registry Editor", "## Use
Group Policy", "## Use MDM policy"), headings no role table knows. The draft ticked the
pointer and lost every method (seed-62 readers, 62:40). `pointed_methods` makes each
pointed-to part an option with its own steps and values, and drops the pointer tick (the
question over the options says it).

A Diagnosis part's "use the following methods to verify ..." over "1. Verify that X"
keeps that check in the pointer's place (`checks_pointed_to`).

An article that names a symptom and its causes but no fix (62:39, "Read ... SUMMARY and
follow it") gets `no_fix_option`: an outcome that says the article has no fix and what
to collect for an escalation, or that the behavior is by design (nothing to change),
instead of sending the reader back to the page.
"""

from __future__ import annotations

import re

from kbassist.articles import Article
from kbassist.articles.model import Note, Paragraph, Part, Quote
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, split_sentences, with_detail

#: A sentence that points to methods given after it: "use one of the following methods",
#: "either of the following ways", "the methods mentioned below".
_POINTER_RE = re.compile(
    r"\b(?:(?:one|any|either|each|all)(?: or more)? of )?the following (?:methods|ways|"
    r"resolutions|workarounds|solutions|procedures)\b"
    r"|\b(?:methods?|ways?|resolutions?|workarounds?|solutions?|procedures?|options?) "
    r"(?:mentioned|described|listed|given|shown|outlined) below\b",
    re.IGNORECASE,
)
#: Cheap guard before the pattern: every pointer names what follows.
_POINTER_WORDS = ("following", "below")
#: Parts the methods run through; another role ends them (a Cause, More information ...).
_METHOD_ROLES = ("", "resolution")
#: Headings that are never a method, whatever their role ("Collect data ...").
_NOT_METHOD_RE = re.compile(
    r"\b(?:collect|data collection|more information|reference|see also|next steps|contact|"
    r"third-party|disclaimer|feedback|related)",
    re.I,
)
#: Methods a pointer may lead to; more is a page of sections, not a choice.
MAX_METHODS = 6


def _pointer(block: object) -> bool:
    """Whether a paragraph says to use the methods that follow it."""
    from kbassist.drafting.modern import md_plain

    if not isinstance(block, Paragraph):
        return False
    text = block.text.plain
    lowered = text.lower()
    if not any(w in lowered for w in _POINTER_WORDS):
        return False
    return bool(_POINTER_RE.search(md_plain(text)))


def _ends_with_pointer(blocks: tuple[object, ...]) -> bool:
    """The blocks' last paragraph points to methods and nothing but notes follows it:
    the methods are not listed here, they are the parts that come next."""
    for block in reversed(blocks):
        if isinstance(block, Note | Quote):
            continue
        return _pointer(block)
    return False


def _methods_after(parts: list[Part]) -> list[Part]:
    """The run of parts that can be methods, up to the first part of another role."""
    out: list[Part] = []
    for part in parts:
        if part.role not in _METHOD_ROLES or part.workaround or _NOT_METHOD_RE.search(part.name):
            break
        out.append(part)
    return out if len(out) <= MAX_METHODS else []


def _pointed(article: Article) -> tuple[str, list[Part]]:
    """(where the methods are: "after" the pointer's part or its "children", the parts it
    sends the reader to); ("", []) when the article has no pointer (see the module doc)."""
    doc = article.document
    if doc.blocks and _ends_with_pointer(doc.blocks):
        return "after", _methods_after(list(doc.parts))

    def visit(parts: tuple[Part, ...]) -> tuple[str, list[Part]]:
        for n, part in enumerate(parts):
            if part.blocks and _ends_with_pointer(part.blocks):
                if part.children:
                    return "children", _methods_after(list(part.children))
                return "after", _methods_after(list(parts[n + 1 :]))
            found = visit(part.children)
            if found[1]:
                return found
        return "", []

    return visit(doc.parts)


def _pointed_parts(article: Article) -> list[Part]:
    """The parts a pointer sends the reader to; [] when none."""
    return _pointed(article)[1]


def _pointer_paragraph(article: Article) -> Paragraph | None:
    """The first paragraph that points to methods; None when there is none."""
    doc = article.document
    blocks = [*doc.blocks, *(b for part in doc.parts for p in part.walk() for b in p.blocks)]
    return next((b for b in blocks if isinstance(b, Paragraph) and _pointer(b)), None)


#: What the methods do, as the pointer says it: "... to enable the setting".
_DOES_RE = re.compile(
    r"\bto (?P<verb>enable|disable|turn on|turn off|allow|block|configure|change|set|reset|"
    r"restore|remove|install|uninstall) (?P<what>(?:the|this|that|your) [^.:;,]{2,60}?)\s*[.:]?$",
    re.IGNORECASE,
)
_DONE = {"set": "set", "reset": "reset", "turn on": "turned on", "turn off": "turned off"}


def purpose_check(article: Article) -> str:
    """The methods' own check, from what the pointer says they do ("... methods mentioned
    below to enable the setting" with the setting named **Set time zone automatically**:
    "Check that the Set time zone automatically setting is now enabled."); "" when the
    pointer names no such purpose."""
    from kbassist.drafting.modern import md_plain

    paragraph = _pointer_paragraph(article)
    if paragraph is None:
        return ""
    text = paragraph.text
    hit = next((s for s in split_sentences(md_plain(text.plain)) if _POINTER_RE.search(s)), "")
    match = _DOES_RE.search(hit)
    if not match:
        return ""
    verb, what = match.group("verb").lower(), match.group("what")
    done = _DONE.get(verb) or (verb + "d" if verb.endswith("e") else verb + "ed")
    # "the setting" named in bold in the same paragraph ("the setting **Set time zone
    # automatically**"): the check says which
    named = next((text.plain[m.start : m.end] for m in text.marks if m.kind == "strong"), "")
    noun = what.split()[-1].lower()
    if named and len(what.split()) == 2 and noun in ("setting", "option", "feature", "policy"):
        what = f"the {md_plain(named)} {noun}"
    return f"Check that {what} is now {done}."


def _without_pointer(item: str) -> str:
    """The item with its pointer sentence left out ("" when that was all of it)."""
    from kbassist.drafting.modern import md_plain

    text, detail = split_detail(item)
    kept = [s for s in split_sentences(text) if not _POINTER_RE.search(md_plain(s))]
    return with_detail(" ".join(kept), detail) if kept else ""


def pointed_methods(article: Article, options: list[Option]) -> list[Option]:
    """The options with the methods a pointer leads to added, each with its own steps,
    and the pointer tick gone (see the module doc); unchanged when the article has no
    such pointer, or every method it points to is an option already."""
    from kbassist.drafting.blocks import heading_label, part_sections, part_steps
    from kbassist.drafting.modern import md_plain
    from kbassist.drafting.modern_plan import _imperative
    from kbassist.drafting.runbook_cause import is_alert_runbook

    if article.style == "mskb" or is_alert_runbook(article):
        return options
    parts = _pointed_parts(article)
    if not parts:
        return options
    sections = part_sections(article)
    have = {id(o.section) for o in options}
    methods: list[Option] = []
    for part in parts:
        section = sections.get(id(part))
        if section is None or id(section) in have:
            continue
        lead, items, checks = part_steps(part, verify_after=True)
        if not items and lead:
            items, lead = [lead], ""
        if not items:
            continue
        items = [step for i in items for step in _action_only(i)]
        option = Option(section, heading_label(part.name, 90) or part.name, lead, items)
        option.checks = list(checks)
        methods.append(option)
    if not methods:
        return options
    check = purpose_check(article)
    for method in methods:
        method.checks = method.checks or ([check] if check else [])
    kept: list[Option] = []
    for option in options:
        if not any(_POINTER_RE.search(md_plain(split_detail(i)[0])) for i in option.items):
            kept.append(option)
            continue
        left = [t for t in map(_without_pointer, option.items) if t]
        if len(option.items) > 1 and any(_imperative(split_detail(i)[0]) for i in left):
            option.items = left
            kept.append(option)  # steps of its own beside the pointer: still offered
            continue
        option.items = left
        # the pointer's own paragraph is the methods' context ("The IT administrators
        # should make sure X is enabled before deployment. If the device is already
        # deployed, use one of ..."), not a fix to offer beside them: shown with each
        said = " ".join(split_detail(i)[0] for i in option.items).strip()
        if said:
            for method in methods:
                method.lead = f"{said} {method.lead}".strip()
    return [*kept, *methods]


#: "Run Registry Editor as an administrator and follow these steps:": the action, said
#: before the steps it announces; the announcement is the list itself.
_AND_FOLLOW_RE = re.compile(
    r"^(?P<do>.{6,}?),? and (?:then )?(?:follow|complete|do) (?:these|the following) "
    r"steps\s*[.:]?$",
    re.IGNORECASE,
)


#: "... as follows:" with nothing after it (the article's screenshot is not shown).
_AS_FOLLOWS_RE = re.compile(r"(?<!\s)\s+as follows\s*:$", re.IGNORECASE)
#: "Run a script to change X. Next, use policy Y to ...": two steps said in turn.
_NEXT_RE = re.compile(r"(?<=[.!])\s+Next,\s+(?=[a-z])")


def _action_only(item: str) -> list[str]:
    """The item as the steps it says: without its "and follow these steps:" tail (see
    `_AND_FOLLOW_RE`) or a bare "as follows:", and split at "Next, ..." (two actions)."""
    text, detail = split_detail(item)
    match = _AND_FOLLOW_RE.match(text)
    if match:
        text = f"{match.group('do')}."
    elif not detail:
        text = _AS_FOLLOWS_RE.sub(".", text)
    said = _NEXT_RE.split(text)
    said = [said[0], *(s[:1].upper() + s[1:] for s in said[1:])]
    return [*said[:-1], with_detail(said[-1], detail)]


#: The purpose a pointer names: "... methods mentioned below to enable the setting."
_PURPOSE_RE = re.compile(r"\b(?:below|following \w+)\s+(?P<to>to [^.:;]{4,80}?)\s*[.:]?$", re.I)


def pointed_question(article: Article, sections: list[object]) -> tuple[str, str] | None:
    """(title, text) of the question over the methods given as the parts after a pointer
    (not its part's own sub-parts, which the fixes question words already): which way
    the admin takes, with the purpose the pointer names; None unless every answer is one
    of those methods."""
    from kbassist.drafting.blocks import part_sections
    from kbassist.drafting.modern import md_plain

    if article.style == "mskb" or len(sections) < 2:
        return None
    where, parts = _pointed(article)
    if not parts or where == "children" or any(p.role for p in parts):
        return None  # a Resolution's own methods: its fixes question says which kind
    by_part = part_sections(article)
    pointed = {id(by_part[id(p)]) for p in parts if id(p) in by_part}
    if not all(id(s) in pointed for s in sections):
        return None
    paragraph = _pointer_paragraph(article)
    said = md_plain(paragraph.text.plain) if paragraph is not None else ""
    hit = next((s for s in split_sentences(said) if _POINTER_RE.search(s)), "")
    match = _PURPOSE_RE.search(hit)
    purpose = match.group("to") if match else ""
    what = f" {purpose}" if purpose else ""
    return (
        "Which way do you use?",
        f"The article gives {len(sections)} ways{what}, each with its own steps. Which do you use?",
    )


#: "When to choose: (1) edits the registry; (2) edits the registry.": the help's notes.
_NOTES_RE = re.compile(r"When to choose: (?P<notes>.*?)\.$")


def notes_apart(lead: str) -> str:
    """The question's help without its "When to choose" notes when two of them say the
    same thing: they tell no way apart (each way names the registry it changes)."""
    match = _NOTES_RE.search(lead)
    if not match:
        return lead
    said = [re.sub(r"^\(\d+\)\s*", "", n) for n in match.group("notes").split("; ")]
    if len(set(said)) == len(said):
        return lead
    return lead[: match.start()].strip()


def checks_pointed_to(article: Article, options: list[Option]) -> None:
    """A Diagnosis part that opens "You can use the following methods to verify and
    troubleshoot the issue." over "1. Verify that the filer has the Synchronize bit set"
    and the ways to see it (a trace, AccessChk): the "Verify that" item is the check the
    methods are for, read as a verify and lost; it is the step in the pointer's place."""
    from kbassist.drafting.blocks import part_sections, part_steps
    from kbassist.drafting.modern import md_plain
    from kbassist.drafting.runbook_cause import is_alert_runbook

    if article.style == "mskb" or is_alert_runbook(article):
        return
    sections = part_sections(article)
    for option in options:
        if not option.pre_items or option.pre_section is None:
            continue
        first, detail = split_detail(option.pre_items[0])
        said = split_sentences(md_plain(first))
        if len(said) != 1 or not _POINTER_RE.search(said[0]):
            continue
        part = next(
            (
                p
                for p in article.parts_by_role("diagnosis")
                if sections.get(id(p)) is option.pre_section
            ),
            None,
        )
        checks = part_steps(part)[2] if part is not None else []
        if checks:
            option.pre_items[:1] = [*checks[:-1], with_detail(checks[-1], detail)]


#: "This behavior is by design.", "This is by design as the setting is system wide."
_BY_DESIGN_RE = re.compile(r"\bby design\b", re.IGNORECASE)


def _by_design(article: Article) -> Option | None:
    """The honest outcome of an article that says the behavior is by design and gives no
    fix: nothing to change, said with the article's own sentence; None when it does not
    say so (see `modern.by_design_section`)."""
    from kbassist.drafting.modern import by_design_section, md_plain

    for section in article.sections:
        if "design" not in section.text.lower() or not by_design_section(article, section):
            continue
        said = next(
            (s for s in split_sentences(md_plain(section.text)) if _BY_DESIGN_RE.search(s)), ""
        )
        if not said:
            continue
        option = Option(
            section,
            "By design: nothing to fix",
            f'The article says this is by design: "{said}" There is nothing to change: it '
            "gives no fix or workaround.",
            [
                "If the behavior blocks your work, escalate to Microsoft Support (or your own "
                f"escalation path) to ask for a change, citing article {article.id}.",
            ],
            kind="nofix",
        )
        option.checks = ["Nothing to verify: the behavior stays, by design."]
        return option
    return None


def by_design_not_removed(article: Article, options: list[Option]) -> list[Option]:
    """An article whose only "fixes" are its causes to check and remove, one of them "by
    design": nothing can be removed, so the by-design outcome instead (see `_by_design`);
    the options unchanged otherwise."""
    from kbassist.drafting.runbook_cause import is_alert_runbook

    if not options or any(o.kind != "cause" for o in options):
        return options
    if article.style == "mskb" or is_alert_runbook(article):
        return options
    if not any(_BY_DESIGN_RE.search(" ".join(o.items)) for o in options):
        return options
    designed = _by_design(article)
    return [designed] if designed is not None else options


#: Log files an article names ("the CBS.log file", "C:\Windows\Logs\DISM\dism.log").
_LOG_NAME_RE = re.compile(r"\b[\w-]+\.log\b", re.IGNORECASE)
#: Roles that make an article a fault report: a symptom or a cause is described.
_FAULT_ROLES = ("symptom", "cause")


def no_fix_option(article: Article) -> Option | None:
    """A support article that describes a fault (a Symptoms or Cause part) and gives no
    fix: an honest outcome that says so (by design: nothing to change) and what to collect
    for support; None for an alert runbook, an MS KB article, or a page that describes no
    fault."""
    from kbassist.drafting.modern import md_plain
    from kbassist.drafting.runbook_cause import is_alert_runbook

    if article.style == "mskb" or is_alert_runbook(article):
        return None
    faults = [s for s in article.sections if s.role in _FAULT_ROLES and s.text.strip()]
    if not faults:
        return None
    from kbassist.drafting.nofix import NO_FIX_PATTERN

    fixes = [s for s in article.sections if s.role == "resolution" and s.text.strip()]
    if any(not NO_FIX_PATTERN.search(md_plain(s.text)) for s in fixes):
        return None  # a Resolution the draft could not read: the article has a fix
    designed = _by_design(article)
    if designed is not None:
        return designed
    logs: list[str] = []
    for section in article.sections:
        for name in _LOG_NAME_RE.findall(md_plain(section.text)):
            if name.casefold() not in (n.casefold() for n in logs):
                logs.append(name)
    collect = "the exact error message or output you see"
    if logs:
        named = logs[:3]
        said = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]
        collect += f", and the entries the article quotes from {said}"
    option = Option(
        faults[-1],
        "No fix in the article: escalate",
        "The article describes the problem and its cause but gives no fix or workaround to follow.",
        [
            f"Collect {collect}; note which of the article's cases matches.",
            f"Escalate to Microsoft Support (or your own escalation path) with what you "
            f"collected; say that article {article.id} gives no fix for it.",
        ],
        kind="nofix",
    )
    option.checks = [
        "Nothing to verify from the article: it has no fix. Check that the escalation has "
        "the details you collected."
    ]
    return option
