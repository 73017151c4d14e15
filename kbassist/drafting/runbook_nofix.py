"""A runbook whose Mitigation is empty or only "TODO": an honest outcome, not a fix.

Such a draft used to be titled "Mitigation" like a fix, with the Diagnosis checks as its
ticks and "the article's Mitigation gives no steps yet" ticked as if it were an action
(or, for an empty Mitigation, an outcome titled by the article that only ticked the
checks). An on-call reader needs to be told there is no documented fix: run the checks,
then escalate, with the runbook's own escalation hint when it gives one.
"""

from __future__ import annotations

import re

from kbassist.articles import Article, Section
from kbassist.drafting.modern import md_plain
from kbassist.drafting.option_model import Option
from kbassist.drafting.runbook_branches import _ESCALATE_RE
from kbassist.drafting.runbook_cause import is_alert_runbook
from kbassist.drafting.runbook_checks_only import NO_FIX_LABEL
from kbassist.drafting.text import split_sentences

#: A Mitigation that only holds a placeholder for text to come.
_PLACEHOLDER_RE = re.compile(r"^(?:todo|tbd|to be (?:added|done|written)|wip)\W*$", re.I)


#: "See [APIServer aggregation](https://...)": a pointer beside the "TODO", no step.
_POINTER_RE = re.compile(r"^(?:see|refer to)\s+\[[^\]]+\]\([^)\s]+\)\s*\.?$", re.IGNORECASE)
_LINK_RE = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def _said(section: Section) -> str:
    """The fix section's text without its "See [...](...)" pointer lines."""
    lines = [line.strip() for line in section.text.splitlines()]
    return md_plain("\n".join(line for line in lines if not _POINTER_RE.match(line))).strip()


def _empty_fix(section: Section) -> bool:
    """A fix section with nothing to follow: empty, or only "TODO" (and pointers; a
    pointer alone sends the reader to where the fix is)."""
    text = _said(section)
    return bool(_PLACEHOLDER_RE.match(text)) or not md_plain(section.text).strip()


def _pointers(section: Section) -> str:
    """The links of the fix section's pointer lines, said in the outcome's text (not a
    step's detail, where a URL's `my-pod-...` would read as a name to type)."""
    return "; ".join(
        f"{text} ({url})"
        for line in section.text.splitlines()
        if _POINTER_RE.match(line.strip())
        for text, url in _LINK_RE.findall(line)
    )


def _escalation_hint(article: Article) -> str:
    """The runbook's own "If you cannot resolve the issue, ... open a support case"
    sentence, wherever it stands; "" when it has none."""
    for section in article.sections:
        for sentence in split_sentences(md_plain(section.text)):
            if _ESCALATE_RE.match(sentence):
                return sentence
    return ""


def _todo_tick(option: Option) -> list[str]:
    """The old wording for a Markdown article that is no alert runbook."""
    return [
        f"See what the checks above show: the article's {option.section.name} "
        "gives no steps yet (it is a placeholder such as TODO)."
    ]


def no_documented_fix(article: Article, options: list[Option]) -> list[Option]:
    """When every option is only the Diagnosis checks (the Mitigation is empty or "TODO"),
    one outcome titled as no documented fix: the checks to run, then the escalation."""
    fixes = [s for s in article.sections if s.role == "resolution"]
    empty = {id(s) for s in fixes if _empty_fix(s)}
    checks_only = [
        o
        for o in options
        if (not o.items and o.pre_items)
        or (o.section.role == "diagnosis" and o.items)
        or (id(o.section) in empty and o.pre_items)  # "TODO" + "See [...]": no step
    ]
    if not checks_only:
        return options
    honest = (
        is_alert_runbook(article)
        and len(checks_only) == len(options) == 1
        and bool(fixes)
        and all(_empty_fix(s) for s in fixes)
    )
    if not honest:
        for option in checks_only:
            if not option.items:  # a "TODO" Mitigation elsewhere: the gap is said
                option.items = _todo_tick(option)
        return options
    found = checks_only[0]
    checks = list(found.pre_items) if found.pre_items else list(found.items)
    diagnosis = found.pre_section if found.pre_items else found.section
    said = _said(fixes[0])
    gap = f'says only "{said}"' if said else "is empty"
    hint = _escalation_hint(article)
    step = (
        f"Escalate: {hint[:1].lower()}{hint[1:]}"
        if hint
        else (
            f"Escalate to the team that owns the {article.id} alert, with the output of the "
            "Diagnosis checks: the runbook documents no fix to apply."
        )
    )
    pointers = _pointers(fixes[0])  # the runbook's "See [...]" beside its "TODO"
    cited = fixes[0]
    option = Option(
        cited,
        NO_FIX_LABEL,
        f"The runbook's {fixes[0].name} {gap}: it documents no fix. Run its Diagnosis "
        "checks, then escalate with what they show."
        + (f" It points to: {pointers}." if pointers else ""),
        [step],
        kind="nofix",
        pre_items=checks,
        pre_section=diagnosis,
    )
    option.checks = [
        "Check that the escalation has the output of the Diagnosis checks attached: the "
        f"runbook has no fix of its own, so {article.id} clears only after the owner's fix."
    ]
    return [option]
