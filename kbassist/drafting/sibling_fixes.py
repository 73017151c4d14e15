"""A modern support article's fix parts beside its Resolution, and the scenario list in
its Symptoms that those parts answer one by one.

"## Resolution" is often followed by sibling parts that are fixes of their own ("## Check
enabled and disabled TLS protocols", "## No matching cipher suites"): only a part whose
heading is a known role became an outcome, so the draft lost them (seed-56 readers, 56:38).
`sibling_fixes` makes each such sibling whose heading names a check, a remedy or a failing
condition an option. `scenario_groups` then reads a Symptoms list of conditions ("Consider
the following scenario ...: - the certificate is signed by a weak hash - TLS 1.0 is
disabled ...") as the causes those parts answer: "Which cause applies?", each condition
leading to the part that shares most of its key words ("gives no cause" though four were
listed). Nothing is asked unless two or more parts answer a condition.
"""

from __future__ import annotations

import re

from kbassist.articles import Article
from kbassist.articles.model import ListBlock, Paragraph, Part
from kbassist.drafting.causes import Group, _words
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import short_label

#: A sibling heading that names a check or a remedy ("Check enabled and disabled TLS
#: protocols", "Prevent the issue from reoccurring", "Disable X"), or a failing condition
#: the part then fixes ("No matching cipher suites", "Missing SPN").
_FIX_HEAD_RE = re.compile(
    r"^(?:check|verify|make sure|ensure|prevent|fix|configure|enable|disable|remove|reset|"
    r"restart|update|install|reinstall|repair|rebuild|change|turn (?:on|off)|re-?enable|"
    r"re-?register|renew|replace|grant|clear|no|missing|mismatched)\b",
    re.IGNORECASE,
)
#: Not a fix, whatever its verb: support data and background ("Collect data ...").
_NOT_FIX_HEAD_RE = re.compile(r"\b(?:collect|data collection|more information|reference)", re.I)
#: Roles a fix part may have besides "resolution": none known, or a diagnosis part whose
#: heading says what to check ("Check enabled and disabled TLS protocols").
_SIBLING_ROLES = ("", "diagnosis")
#: A Symptoms lead that introduces conditions, not messages: "Consider the following
#: scenario where you might see ...:", "... in the following situations:".
_SCENARIO_LEAD_RE = re.compile(
    r"\b(?:following (?:scenarios?|situations?|conditions?)|(?:scenario|situation) (?:where|in "
    r"which))\b",
    re.IGNORECASE,
)
#: Conditions a question can offer; more is a description, not a choice.
MAX_SCENARIOS = 6


def _sibling_parts(article: Article) -> list[Part]:
    """The parts after the last resolution part that share its parent, in order."""

    def find(parts: tuple[Part, ...]) -> list[Part] | None:
        last = max((n for n, p in enumerate(parts) if p.role == "resolution"), default=-1)
        if last >= 0:
            return list(parts[last + 1 :])
        for part in parts:
            found = find(part.children)
            if found is not None:
                return found
        return None

    return find(article.document.parts) or []


def _fix_head(part: Part) -> bool:
    """Whether a sibling part's heading names a check, a remedy or a failing condition."""
    name = part.name.strip()
    return (
        part.role in _SIBLING_ROLES
        and bool(_FIX_HEAD_RE.match(name))
        and not _NOT_FIX_HEAD_RE.search(name)
    )


def sibling_fixes(article: Article, options: list[Option]) -> list[Option]:
    """Options for the fix parts beside the Resolution (see the module doc); [] for an
    alert runbook, an MS KB article, or when no sibling reads as a fix."""
    from kbassist.drafting.blocks import heading_label, part_sections, part_steps
    from kbassist.drafting.runbook_cause import is_alert_runbook

    if article.style == "mskb" or not options or is_alert_runbook(article):
        return []
    sections = part_sections(article)
    have = {id(o.section) for o in options}
    found: list[Option] = []
    for part in _sibling_parts(article):
        name = part.name.strip()
        section = sections.get(id(part))
        if section is None or id(section) in have or not _fix_head(part):
            continue
        lead, items, checks = part_steps(part)
        if not items and lead:
            items, lead = [lead], ""
        if not items:
            continue
        option = Option(section, heading_label(name, 90) or name, lead, items)
        option.checks = list(checks)
        found.append(option)
    return found


def scenario_items(article: Article) -> list[str]:
    """The conditions a Symptoms part lists after a "the following scenario" lead, as
    plain text; [] when there is none or it has fewer than two items."""
    from kbassist.drafting.modern import md_plain

    for part in article.parts_by_role("symptom"):
        blocks = part.blocks
        for n, block in enumerate(blocks[:-1]):
            if not isinstance(block, Paragraph):
                continue
            lead = md_plain(block.text.plain)
            after = blocks[n + 1]
            if not (lead.endswith((":", ".")) and _SCENARIO_LEAD_RE.search(lead)):
                continue
            if not isinstance(after, ListBlock):
                continue
            items = []
            for item in after.items:
                said = next((b for b in item.blocks if isinstance(b, Paragraph)), None)
                if said is not None:
                    items.append(md_plain(said.text.plain))
            return items if 2 <= len(items) <= MAX_SCENARIOS else []
    return []


def _owner(words: set[str], options: list[Option], said: list[set[str]]) -> int | None:
    """The one option whose words share most with a condition's, else None."""
    scores = [len(words & s) for s in said]
    best = max(scores, default=0)
    return scores.index(best) if best >= 1 and scores.count(best) == 1 else None


def scenario_groups(article: Article, options: list[Option]) -> list[Group]:
    """The Symptoms' scenario conditions as causes, each with the fix that answers it (see
    the module doc); [] unless two or more fixes answer one."""
    from kbassist.drafting.blocks import part_sections
    from kbassist.drafting.modern import md_plain

    if article.style == "mskb" or len(options) < 2:
        return []
    items = scenario_items(article)
    if not items:
        return []
    said = [
        _words(" ".join([o.label, md_plain(o.section.name), o.lead, *o.items])) for o in options
    ]
    common = set.intersection(*said)
    said = [s - common for s in said]
    words = [_words(i) for i in items]
    shared = set.intersection(*words)
    owners = [_owner(w - shared, options, said) for w in words]
    if len({o for o in owners if o is not None}) < 2 or None in owners:
        return []
    # the later parts answer the conditions one by one; a scenario whose conditions only
    # the Resolution and its workaround share ("You try to start ...", "You press Ctrl+V
    # ...") holds together: one scene, not alternative causes
    beside = {id(p) for p in _sibling_parts(article) if _fix_head(p)}
    sections = part_sections(article)
    fixes = {id(sections[p]) for p in beside if p in sections}
    if not any(id(options[o].section) in fixes for o in owners if o is not None):
        return []
    return [
        Group(short_label(item.rstrip("."), 80), [options[o]])
        for item, o in zip(items, owners, strict=True)
        if o is not None
    ]
