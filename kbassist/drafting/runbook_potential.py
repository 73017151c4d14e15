"""A runbook's list of potential issues, each with its checks, asked as a choice (round 23).

Readers (66:30) marked TargetDown's draft: its "### Potential Issues and Resolutions"
part heads ten "####" issues (unknown content type, network issues, resource
exhaustion, expired TLS certificates, ...), each with its own checks and fix, and the
draft ran them all as one checklist (cut short at that). A part headed as the potential
issues, causes or problems of the alert, over two or more sub-parts, is a question: one
answer per sub-part, leading to its own steps, after the steps before that part (how to
find what is down), which every answer runs first. A sub-part with no step says what
the runbook says of it, as its one step.
"""

from __future__ import annotations

import re

from kbassist.articles import Article
from kbassist.articles.model import Paragraph, Part
from kbassist.drafting.option_model import Option

#: "Potential Issues and Resolutions", "Possible causes", "Common problems", "Likely
#: reasons": a heading over the cases the admin tells apart.
_POTENTIAL_HEAD_RE = re.compile(
    r"^(?:\d+\.\s*)?(?:potential|possible|common|likely|known|typical)\s+"
    r"(?:issues|causes|problems|reasons|failures|scenarios)\b",
    re.IGNORECASE,
)
#: The fewest sub-parts asked as a choice.
MIN_CASES = 2


def _steps(part: Part) -> tuple[str, list[str]]:
    from kbassist.drafting.blocks import part_steps

    lead, items, _ = part_steps(part)
    return lead, items


def _said(part: Part) -> str:
    """What a sub-part with no step says (its paragraphs), as one step."""
    from kbassist.drafting.modern import md_plain

    return " ".join(
        md_plain(b.text.plain) for p in part.walk() for b in p.blocks if isinstance(b, Paragraph)
    ).strip()


def _potential_part(article: Article) -> tuple[Part, Part] | None:
    """(the section's part, its potential-issues part) of an alert runbook, or None."""
    for top in article.document.walk():
        if top.role not in ("diagnosis", "resolution"):
            continue
        for part in top.walk():
            if part is top or not _POTENTIAL_HEAD_RE.match(part.name.strip()):
                continue
            if len([c for c in part.children if c.blocks or c.children]) >= MIN_CASES:
                return top, part
    return None


def potential_issue_options(article: Article, options: list[Option]) -> list[Option]:
    """Options with the one that runs a potential-issues part whole replaced by one
    option per issue (asked "What did you find?"); as given when there is no such part,
    or no single option runs it."""
    from kbassist.drafting.blocks import heading_label, part_sections
    from kbassist.drafting.runbook_cause import is_alert_runbook

    if not is_alert_runbook(article):
        return options
    found = _potential_part(article)
    if found is None:
        return options
    top, potential = found
    sections = part_sections(article)
    section = sections.get(id(top))
    runs = [o for o in options if section is not None and o.section is section]
    if section is None or len(runs) != 1:
        return options
    inside = {id(d) for d in potential.walk()}
    before: list[str] = []
    after: list[str] = []  # a part after the issues (escalation, links): every case's end
    seen = False
    for part in top.walk():
        seen = seen or part is potential
        if id(part) in inside or not part.blocks:
            continue
        steps = _steps(Part(part.name, part.level, part.line, part.blocks))[1]
        (after if seen else before).extend(steps)
    cases: list[Option] = []
    for child in potential.children:
        lead, items = _steps(child)
        said = _said(child)
        if not items and not said:
            continue
        label = heading_label(child.name, 90) or child.name
        option = Option(section, label, lead, [*(items or [said]), *after], kind="option")
        option.condition = True
        option.pre_items = list(before)
        option.pre_section = section
        cases.append(option)
    if len(cases) < MIN_CASES:
        return options
    at = options.index(runs[0])
    return [*options[:at], *cases, *options[at + 1 :]]


def case_escalations(article: Article, options: list[Option]) -> list[Option]:
    """A support article with no fix whose Cause parts give one cause per case ("## Cause
    of Error 1 in CBS logs", "## Cause of Error 2 in CBS logs"): its one escalation is
    asked per case ("What did you find?"), each outcome saying that case's cause and what
    to collect for it (66:36 merged both into one node); as given otherwise."""
    from kbassist.drafting.blocks import part_sections
    from kbassist.drafting.modern import md_plain
    from kbassist.drafting.summary_message import MAX_CAUSE_PARTS, _case_of, _why_of

    if len(options) != 1 or options[0].kind != "nofix" or article.style == "mskb":
        return options
    parts = [p for p in article.document.walk() if p.role == "cause"]
    if not MIN_CASES <= len(parts) <= MAX_CAUSE_PARTS:
        return options
    sections = part_sections(article)
    honest = options[0]
    cases: list[Option] = []
    for part in parts:
        case, why = _case_of(md_plain(part.name)), _why_of(part.blocks, strict=False)
        section = sections.get(id(part))
        if not case or not why or section is None:
            return options  # a case the article does not name or explain: asked as one
        said = "note which of the article's cases matches."
        items = [
            i.replace(said, f"note that it matches the article's {case}.") for i in honest.items
        ]
        option = Option(section, f"{case}: no fix in the article, escalate", why, items, "nofix")
        option.condition = True
        option.checks = list(honest.checks)
        cases.append(option)
    return cases
