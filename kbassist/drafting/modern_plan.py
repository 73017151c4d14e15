"""The draft plan of a modern (Markdown) article, corrected for what its markup hides:
a cause stated outside a Cause heading, raw Markdown in the symptom or cause, a
deprecated alert (silencing it is the first option), a redirect runbook ("See [Other]")
that names where to go, and an alert that is always firing (no "stops firing" verify).
"""

from __future__ import annotations

import re

from kbassist.articles import Article, Section
from kbassist.drafting.modern import (
    always_firing,
    block_cause,
    deprecation,
    md_plain,
    redirect_target,
)
from kbassist.drafting.options import Ask, Option
from kbassist.drafting.text import short_label, shorten, split_detail, with_detail


def modern_plan(
    article: Article,
    symptom: str,
    cause: str,
    cause_section: Section | None,
    options: list[Option],
) -> tuple[str, str, Section | None, list[Option]]:
    """(symptom, cause, cause section, options) of a Markdown article, plain text."""
    symptom = md_plain(symptom)
    if cause:
        cause = md_plain(cause)
    else:
        cause, cause_section = block_cause(article)
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
    if not options and cited:
        procedure = procedure_option(article)
        if procedure is not None:
            options = [procedure]
    said = deprecation(article)
    if said and cited:
        section = next((s for s in cited if s.role in ("symptom", "summary")), cited[0])
        option = Option(
            section,
            "Deprecated: silence or ignore the alert",
            shorten(md_plain(said), 300),
            [
                f"Silence {article.id} in Alertmanager, or leave it: the article says "
                f'"{shorten(md_plain(said), 200)}"'
            ],
            kind="deprecated",
        )
        option.checks = [f"Check that {article.id} is silenced or no longer routed to you."]
        options = [option, *options]
    return symptom, cause, cause_section, options


def modern_verify(article: Article) -> str:
    """The verify of an always-firing alert: it keeps firing, where it goes matters."""
    if always_firing(article):
        return (
            f"{article.id} is meant to fire all the time: check that it is routed the way "
            "the article says (it does not stop firing, and must not)."
        )
    return ""


#: Roles whose parts are procedure, not description, in an article with no fix heading.
_PROCEDURE_ROLES = ("", "diagnosis", "resolution")


def procedure_option(article: Article) -> Option | None:
    """A how-to with no fix heading (a runbook helper page: "Run the following ...",
    `oc describe node <node_name>`): its steps in order, one option named after it."""
    from kbassist.articles.model import Part
    from kbassist.drafting.blocks import heading_label, part_sections, part_steps

    sections = part_sections(article)
    cited = [s for s in article.sections if s.text.strip()]
    items: list[str] = []
    first: Section | None = None
    parts: list[Part] = []
    if article.document.blocks:
        parts.append(Part("SUMMARY", 1, article.body_line, article.document.blocks))
    parts.extend(p for p in article.document.parts if p.role in _PROCEDURE_ROLES)
    for part in parts:
        _, found, _ = part_steps(part)
        if not found:
            continue
        if first is None:
            first = sections.get(id(part)) or article.section(part.name) or cited[0]
        items.extend(found)
    if first is None or not any(split_detail(i)[1] or _imperative(i) for i in items):
        return None
    label = heading_label(article.title) or "Follow the article's steps"
    option = Option(first, label, "", items[:MAX_PROCEDURE_STEPS])
    option.checks = ["Check that each command above ran and showed what the article says it shows."]
    return option


#: A how-to's steps are cut here (the citation points to the rest).
MAX_PROCEDURE_STEPS = 20


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
