"""A runbook's own ways to tune or turn off its alert, offered as fixes (round 18).

Readers of NetpolDenied and ExternalIngressHighTrend marked the alert being "working as
intended (noise)" as a cause the walk never leads anywhere: the runbook says how to
override the alert's default thresholds ("### Default definition": `oc edit ...` and the
values to edit) and how to disable it ("### Disable this alert entirely"), but those
sub-sections sit under Meaning, not Mitigation, so the walk only offered "Read the pages
below". Such a sub-section is a fix for the case the alert is noise on this cluster: it
is offered beside the Mitigation's own, titled with that case so the admin knows when
to pick it.
"""

from __future__ import annotations

import re

from kbassist.articles import Article, Section
from kbassist.drafting.option_model import Option

#: A sub-heading that tunes or turns off the alert itself: "Disable this alert entirely",
#: "Default definition" (the values to override), "Adjust the alert threshold",
#: "Silence this alert". Mitigation's own sub-sections are read there, not here.
_TUNING_HEAD_RE = re.compile(
    r"^(?:(?P<off>(?:disable|silence|mute)\s+(?:this|the)\s+alerts?\b.*)"
    r"|(?P<tune>(?:default\s+(?:definition|thresholds?)"
    r"|(?:override|adjust|tune|tuning|change)\s+(?:the\s+|this\s+)?(?:alert'?s?\s+)?"
    r"(?:default\s+)?(?:thresholds?|definition)).*))$",
    re.IGNORECASE,
)
#: Words one of those headings has: the cheap test before any part is read.
_HINTS = ("disable", "silence", "mute", "definition", "threshold")
#: When to pick these fixes: the runbook's own "(in which case the alert may be noise)".
NOISE_CASE = "the alert is noise: what it reports is expected here"
#: When to pick the Mitigation's own fix, said once the noise case is offered beside it.
REAL_CASE = "the alert reports a real problem"


def _label(heading: str, off: bool) -> str:
    """The fix's title: the heading when it says what to do ("Disable this alert
    entirely"), else what the sub-section does ("Default definition" gives the values to
    override)."""
    from kbassist.drafting.runbook_flow import case_titled

    if off or not re.match(r"default\b", heading, re.IGNORECASE):
        title = heading.rstrip(" .:")
    else:
        title = "Override the alert's default thresholds"
    return case_titled(title, NOISE_CASE)


def tuning_options(article: Article, sections: dict[int, Section]) -> list[Option]:
    """The runbook's "Default definition" / "Disable this alert entirely" sub-sections
    outside its Mitigation, each one fix for the case the alert is noise; [] when it has
    none (most runbooks: a substring test first)."""
    from kbassist.drafting.blocks import part_steps, resolution_parts

    body = article.body.casefold()
    if not any(hint in body for hint in _HINTS):
        return []
    in_fix = {id(p) for fix in resolution_parts(article) for p in fix.walk()}
    found: list[Option] = []
    for part in article.document.walk():
        if part.level < 3 or id(part) in in_fix:
            continue
        head = _TUNING_HEAD_RE.match(part.name.strip())
        if head is None:
            continue
        lead, items, checks = part_steps(part)
        if not items:
            continue
        section = sections.get(id(part))
        if section is None:
            continue
        if _advised_against(items):
            # "We do not recommend disabling this alert as it indicates a critical failure":
            # the runbook says the alert is never noise, so no "if the alert is noise" fix
            # (two readers marked the real-problem-or-noise question misleading there)
            continue
        option = Option(section, _label(part.name.strip(), bool(head.group("off"))), lead, items)
        option.condition = True
        option.checks = checks or [_saved_check(article.title, bool(head.group("off")))]
        found.append(option)
    return found


#: "We do not recommend disabling this alert as it indicates a critical failure.": the
#: runbook advises against the fix; it is not offered.
_WARNING_RE = re.compile(
    r"^(?:we |it is )?(?:do not|don't|does not|not) (?:recommend|advise)\w*\b", re.IGNORECASE
)


def _advised_against(items: list[str]) -> bool:
    """Whether the section's first tick opens "We do not recommend ..." (see _WARNING_RE)."""
    from kbassist.drafting.text import split_detail, split_sentences

    sentences = split_sentences(split_detail(items[0])[0]) if items else []
    return bool(sentences) and bool(_WARNING_RE.match(sentences[0]))


def _saved_check(alert: str, off: bool) -> str:
    """The verify of a tuning fix: the change took, not "back under its threshold" (a
    disabled alert is never evaluated; a raised threshold is what changed)."""
    if off:
        return (
            f"Check that the {alert} alert is disabled: the edited resource lists it, and "
            "it no longer shows as firing in the console's Alerting page or in "
            "Alertmanager (allow for its evaluation interval)."
        )
    return (
        f"Check that the {alert} alert uses the new thresholds: the edited resource shows "
        "the values you set, and the alert rule (the console's Alerting page, Alerting "
        "rules) compares with them."
    )


#: A tick that only sends the admin to the pages it lists: "Read the pages below for
#: mitigation strategies and solutions.", "Refer to the following documentation",
#: "For mitigation strategies and solutions, refer to:".
_READ_PAGES_RE = re.compile(
    r"^(?:read|see|refer to|consult|follow)\b.{0,80}?\b(?:pages?|links?|documentation|"
    r"docs|articles?|guides?|resources)\b"
    r"|^[^.:]{0,120}\b(?:refer to|see|read|consult)(?: the following)?:$",
    re.IGNORECASE,
)


def guide_label(option: Option) -> str:
    """A fix that only reads linked pages, named by them ("Follow the "Troubleshooting DNS
    in OpenShift" guide and 2 other linked guides"): readers marked the bare section name
    "Mitigation" as a cut heading that says nothing of the fix; "" when the fix does more
    than that."""
    from kbassist.drafting.text import short_label, split_detail

    if len(option.items) != 1:
        return ""
    text, detail = split_detail(option.items[0])
    lines = detail.splitlines()
    if not _READ_PAGES_RE.match(text.strip()) or not lines or lines[0].strip() != "Links:":
        return ""
    titles = [line.split(": ", 1)[0].strip() for line in lines[1:] if ": " in line]
    titles = [t for t in titles if t and "://" not in t]
    if not titles:
        return ""
    if len(titles) == 1:
        return short_label(f"Follow {titles[0]}", 90)
    # every page named when they fit ("Follow the "Configuring IPsec encryption" and
    # "OpenShift Networking" guides"), not "Follow X and 1 more guide" (seed-106 readers:
    # machine-worded, the second title run into the first)
    quoted = [f'"{t}"' for t in titles]
    said = f"Follow the {', '.join(quoted[:-1])} and {quoted[-1]} guides"
    if len(said) <= 90:
        return said
    more = len(titles) - 1
    return short_label(
        f"Follow the {quoted[0]} guide and {more} other linked guide{'s' if more > 1 else ''}",
        90,
    )


def titled_real(options: list[Option], tuning: list[Option]) -> None:
    """A Mitigation titled only by its section ("Mitigation") says when to pick it once
    the noise fixes stand beside it: "Mitigation (if the alert reports a real problem)";
    one that only reads linked pages is named by them."""
    from kbassist.drafting.runbook_flow import case_titled

    if not tuning:
        return
    for option in options:
        if option.label.casefold() == option.section.name.casefold():
            option.label = case_titled(guide_label(option) or option.label, REAL_CASE)
            option.condition = True
