"""Runbook Mitigations' own branches: "If X, ... Otherwise, Y" asked, references no fix.

**If / Otherwise.**
ClusterOperatorDown's Mitigation reads "If the alert is triggered during an upgrade, the
issue might resolve after some time has passed. Otherwise, troubleshoot the error ...":
the drafter ticked the whole paragraph as one step, so the admin never said whether an
upgrade was running. One "If X, ..." sentence with an "Otherwise, ..." sentence after it
is two cases the admin picks from ("What did you find?"), as two or more "If" sentences
already are (`modern.prose_cases`). A case that only says the alert "may resolve after
some time" is said as what to do: wait, and watch the alert.

**References.** RuncDeprecated's "### Additional Resources" under its Mitigation (links
to the product docs) was offered beside the 4.17 and 4.18 procedures as a fix to pick.
A sub-heading of references ("Additional resources", "See also", "References", "Related
alerts/links") is never a fix among others.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kbassist.articles.model import Paragraph, Part
from kbassist.drafting.text import clean, split_sentences, without_asides

if TYPE_CHECKING:
    from kbassist.drafting.option_model import Option

#: "Otherwise, troubleshoot the error ...", "Otherwise troubleshoot ...".
_OTHERWISE_RE = re.compile(r"^otherwise\b,?\s*(?P<rest>\S.{6,})$", re.IGNORECASE | re.DOTALL)
#: "the issue might resolve after some time has passed", "The alert may automatically
#: resolve in some time": a wait, said as a statement.
_MAY_RESOLVE_RE = re.compile(
    r"^(?:the )?(?:issue|alert|problem|condition|error)s? (?:may|might|should|will|can|could)"
    r"(?: \w+ly)? (?:resolve|clear|recover|go away)\b",
    re.IGNORECASE,
)


def waited(text: str) -> str:
    """A case's "the issue might resolve after some time" said as the step it asks for:
    "Wait, and watch whether the alert clears: the issue might resolve ..."; any other
    text as it is."""
    if not _MAY_RESOLVE_RE.match(text):
        return text
    return f"Wait, and watch whether the alert clears: {text[:1].lower()}{text[1:]}"


def if_otherwise_cases(part: Part) -> tuple[list[str], list[tuple[str, list[str], Paragraph]]]:
    """(lead, cases) of a Mitigation in paragraphs with one "If X, Y." sentence and an
    "Otherwise, Z." after it: the case X (its sentences) and "Otherwise: Z" (the rest),
    in `modern.prose_cases`' shape; ([], []) for any other part."""
    from kbassist.drafting.modern import _AFTER_RE, _CASE_RE, _HEDGE_RE, prose_paragraphs
    from kbassist.drafting.runbook_branches import remedy_label

    paragraphs = prose_paragraphs(part)
    if paragraphs is None:
        return [], []  # a list or a command: a procedure, not two cases
    said = [(s, p) for p in paragraphs for s in split_sentences(clean(p.text.plain))]
    if not any(_OTHERWISE_RE.match(s) for s, _ in said):
        return [], []
    lead: list[str] = []
    cases: list[tuple[str, list[str], Paragraph]] = []
    for sentence, para in said:
        found = _CASE_RE.match(sentence)
        if found and not cases and sentence[:2].lower() == "if":
            cond = found.group("cond").strip()
            if _AFTER_RE.search(cond) or _HEDGE_RE.match(cond):
                return [], []  # "If the problem persists, ...": no case to pick up front
            then = found.group("then").strip()
            cases.append((cond[:1].upper() + cond[1:], [then[:1].upper() + then[1:]], para))
            continue
        other = _OTHERWISE_RE.match(sentence)
        if other and len(cases) == 1:
            rest = other.group("rest").strip()
            rest = rest[:1].upper() + rest[1:]
            cases.append((f"Otherwise: {remedy_label(rest)}", [rest], para))
            continue
        if found or other:
            return [], []  # a second "If" or "Otherwise": another reader's shape
        if cases:
            cases[-1][1].append(sentence)
        else:
            lead.append(sentence)
    return (lead, cases) if len(cases) == 2 else ([], [])


#: A heading of pointers, not steps: "Additional Resources", "See also", "Related alerts".
_REFERENCES_HEAD_RE = re.compile(
    r"^(?:(?:additional|further|more|useful) (?:resources|reading|information|links)|"
    r"related (?:links?|alerts?|resources|documentation|topics)|references?|see also|links)"
    r"\s*:?$",
    re.IGNORECASE,
)


def references_not_fixes(options: list[Option]) -> list[Option]:
    """The options without those titled only as references ("Additional Resources"),
    when a real fix is left beside them: a list of links is no fix to pick."""
    from kbassist.drafting.modern import md_plain

    kept = [o for o in options if not _REFERENCES_HEAD_RE.match(md_plain(o.label).strip())]
    return kept if kept and len(kept) < len(options) else options


#: A list line of Markdown: its indent and its text ("    * Taint the OSD node ...").
_LIST_LINE_RE = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]|\d{1,3}[.)])\s+(?P<text>\S.*)$")


def _key(text: str) -> str:
    """A step's first words, to match it with its line in the article."""
    from kbassist.drafting.modern import md_plain

    return " ".join(md_plain(text).casefold().split())[:40]


def nested_under(section_text: str, items: list[str], at: int) -> list[int]:
    """Indices of the steps after `items[at]` that the article nests under it ("1. Short
    term: Throttle ..." over "* Taint the OSD node ...", "* Drain ..."): they belong to
    its case, not to every answer; [] when the article shows none under it."""
    from kbassist.drafting.text import split_detail

    head = _key(split_detail(items[at])[0]).split(":")[0]
    if not head or "\n" not in section_text or head not in section_text.casefold():
        return []  # a cheap guard: the head's words are not a line of the section
    lines = [m for m in map(_LIST_LINE_RE.match, section_text.splitlines()) if m]
    top = next((m for m in lines if _key(m.group("text")).split(":")[0] == head), None)
    if top is None:
        return []
    depth = len(top.group("indent").expandtabs(4))
    children: list[str] = []
    for line in lines[lines.index(top) + 1 :]:
        if len(line.group("indent").expandtabs(4)) <= depth:
            break
        children.append(_key(line.group("text")))
    out: list[int] = []
    for k in range(at + 1, len(items)):
        said = _key(split_detail(items[k])[0])
        if not said or not any(c.startswith(said) or said.startswith(c) for c in children):
            break
        out.append(k)
    return out


#: A sub-section that opens with its own case: "If the collector pod is in a failed state
#: (`CrashLoopBackOff`, `Error`), delete it ...", "If pod events indicate ...:".
_OPENS_CASE_RE = re.compile(r"^(?:if|when)\s+(?P<cond>[^,:]{4,120}?)\s*(?:[,:]|$)", re.I)


def cased_children(children: list[Part]) -> dict[int, str]:
    """id(child) -> the case it opens with, when the sub-sections of a runbook's
    Mitigation are per-cause ("### Restart Unhealthy Pods" / "If the collector pod is in a
    failed state, ..."; "### Check Resource Constraints" / "If pod events indicate ..."):
    two or more, and at least half, open with "If/When X"; {} otherwise (stages of one
    procedure: "### 1. Check the logs", "### 2. Restart the pod")."""
    from kbassist.drafting.modern import md_plain

    if len(children) < 2:
        return {}
    out: dict[int, str] = {}
    for child in children:
        # the case opens the sub-section, or follows one note ("This is a Technology
        # Preview feature." then "If a risk is acceptable, then ...")
        for block in child.blocks[:2]:
            if not isinstance(block, Paragraph):
                break
            found = _OPENS_CASE_RE.match(without_asides(md_plain(block.text.plain)).strip())
            if found:
                out[id(child)] = found.group("cond").strip()
                break
    # two cases at least: one "If the basic health of the pods is verified, ..." beside
    # "### Check if it is a Network Issue" is a remark, not cases to pick from
    return out if len(out) >= 2 and len(out) * 2 >= len(children) else {}


def case_titled(title: str, case: str) -> str:
    """A per-cause sub-section's title with the case it is for, so the answer says when to
    pick it: "Restart Unhealthy Pods (if the collector pod is in a failed state)"; a
    title that has its own aside ("Restart the kubelet (after upgrade)") is kept."""
    from kbassist.drafting.text import short_label

    if not case or case.casefold() in title.casefold() or title.rstrip().endswith(")"):
        return title
    return short_label(f"{title} (if {case})", 110)


#: A tick that is only the case its steps are for: "If the issue persists and no clear
#: configuration error is found:" over the command.
_BARE_CASE_RE = re.compile(r"^(?:if|when)\b[^.:,]{3,160}:$", re.IGNORECASE)


def case_lead_named(items: list[str], heading: str) -> list[str]:
    """A per-cause fix whose first tick is only its case (now in its title) ticks what
    its heading says to do over the same detail ("Restart the Operator:" over `oc delete
    pod ...`); the items as they are when the heading is no action."""
    from kbassist.drafting.blocks import _imperative
    from kbassist.drafting.text import split_detail, with_detail

    if not items or not heading:
        return items
    text, detail = split_detail(items[0])
    if not _BARE_CASE_RE.match(text.strip()) or not _imperative(heading):
        return items
    return [with_detail(f"{heading.rstrip(' .:')}:", detail), *items[1:]]
