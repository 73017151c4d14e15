"""A runbook whose Mitigation gives no fix step, only "try to find the root cause" and
the support-case line: an outcome that says so, not one titled "Mitigation".

Such drafts used to end in an outcome "Mitigation" whose only tick was "Escalate if the
steps above did not clear the alert", with no fix steps above it: a reader took it for a
fix the draft had lost. The runbook gives checks only; the outcome says that: run the
Diagnosis checks, act on what they show if you can, then escalate with their output.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import clean, split_detail, split_sentences, with_detail

#: The title of every outcome where the runbook documents no fix (an empty or "TODO"
#: Mitigation, or one that only says to find the root cause and open a support case):
#: one kind of outcome, one title (round 15: two wordings read as two kinds).
NO_FIX_LABEL = "No documented fix: run the Diagnosis checks, then escalate"

#: A Mitigation sentence that only sends the reader back to the Diagnosis ("Based on the
#: information obtained during the diagnosis procedure, try to identify the root cause
#: and resolve the issue.", "Try to identify the root cause and to resolve the issue.",
#: "Using the data obtained in the Diagnosis section, try to prevent X.", "The specific
#: steps vary based on the node and other circumstances.").
_VAGUE_RE = re.compile(
    r"^(?:(?:based on|using|with) (?:the )?(?:information|data|output|results?|findings)"
    r"[^,]{0,80}\bdiagnos\w*[^,]{0,40},\s*)?try to (?:identify|find|determine|locate|"
    r"understand|prevent|fix|resolve)\b[^.]{0,160}\.?$"
    r"|^the (?:specific|exact) steps (?:vary|depend)\b[^.]{0,120}\.?$",
    re.IGNORECASE,
)


def gives_checks_only(lead: str) -> bool:
    """True when the fix section's text besides the escalation (the option's lead) is
    empty or only says to find the root cause from the Diagnosis: no fix to tick."""
    return all(_VAGUE_RE.match(s) for s in split_sentences(clean(lead)))


def checks_only(option: Option, escalation: str, detail: str) -> None:
    """Retitle a single fix with no step of its own as the escalation it is: the lead
    says the runbook gives checks only (quoting what its Mitigation says), the tick
    escalates when the checks did not show a fix the admin could make."""
    said = clean(option.lead)
    where = option.section.name or "Mitigation"
    option.label = NO_FIX_LABEL
    option.lead = (
        f'The runbook\'s {where} gives no fix steps: it says only "{said}" '
        if said
        else f"The runbook's {where} gives no fix steps, only when to escalate. "
    ) + "Run the Diagnosis checks, fix what they show if you can, then escalate with their output."
    step = escalation[:1].lower() + escalation[1:]
    option.items = [
        with_detail(
            f"Escalate if what the Diagnosis checks show is nothing you can fix: {step}", detail
        )
    ]


#: A Mitigation step whose stated purpose is to learn more, not to fix: "Review RBD
#: mirrorpod to find out more information about the problem.", "gather_logs to provide more
#: information to support teams", "Investigate the issue using the steps outlined in
#: diagnosis and contact the incident response team ...".
_LEARN_MORE_RE = re.compile(
    r"\bto (?:find out|learn|get|gather|collect|obtain) more (?:information|details|data)\b|"
    r"\bto provide (?:more )?(?:information|details|data)\b|"
    r"^investigate the (?:issue|problem|alert) using the steps (?:outlined|described|given) "
    r"in (?:the )?diagnosis\b",
    re.IGNORECASE,
)
#: "The appropriate mitigation will be very different depending on the cause ...": says
#: the fix varies, does not give one.
_VARIES_RE = re.compile(
    r"^(?:the )?(?:appropriate |right |best )?(?:mitigation|fix|remedy|resolution|solution)s? "
    r"(?:will|may|can|is|are|might)(?: be)?(?: very)? (?:different|vary|varies|depend)",
    re.IGNORECASE,
)
#: What such an outcome is, said in its title.
LOOK_ONLY_LABEL = "Investigate further: the runbook gives no fix steps"
#: A title that is only the section's name.
_BARE_RE = re.compile(r"^(?:mitigation|resolution|remediation|fix)s?$", re.IGNORECASE)


def documents_no_fix(label: str) -> bool:
    """Whether an outcome titled `label` is one where the runbook gives no fix of its own
    (nothing to do but the Diagnosis checks, further looking, and the escalation)."""
    return label in (NO_FIX_LABEL, LOOK_ONLY_LABEL)


def looks_only(options: list[Option]) -> None:
    """A single fix titled "Mitigation" whose every step only finds out more is retitled
    as the investigation it is; its text says the runbook gives no fix steps."""
    if len(options) != 1 or not _BARE_RE.match(options[0].label.strip()):
        return
    option = options[0]
    steps = [split_sentences(clean(split_detail(item)[0])) for item in option.items]
    if not steps or not all(
        any(_LEARN_MORE_RE.search(s) for s in said)
        and all(_LEARN_MORE_RE.search(s) or _VARIES_RE.match(s) for s in said)
        for said in steps
    ):
        return
    option.label = LOOK_ONLY_LABEL
    said = (
        f"The runbook's {option.section.name or 'Mitigation'} only finds out more about the "
        "problem: it gives no fix steps. Do what it says, then escalate with what you found."
    )
    option.lead = f"{option.lead} {said}".strip()  # after a "First: ..." lead


#: The escalation tick's opening when fix steps come before it.
_AFTER_STEPS = "Escalate if the steps above did not clear the alert: "
_AFTER_CHECKS = "Escalate if what the Diagnosis checks show is nothing you can fix: "


def escalation_left(outcome: dict[str, Any]) -> None:
    """An outcome of a case the runbook has no step for (the answers that skip the fix,
    "mitigation_1-rest"), left with only the escalation: titled as no documented fix,
    not by the fix it no longer holds, and no "steps above" it did not tick."""
    steps = outcome.get("steps") or []
    if not steps or not all(str(s.get("text", "")).startswith("Escalate") for s in steps):
        return
    outcome["title"] = NO_FIX_LABEL
    for step in steps:
        text = str(step["text"])
        if text.startswith(_AFTER_STEPS):
            step["text"] = _AFTER_CHECKS + text[len(_AFTER_STEPS) :]
