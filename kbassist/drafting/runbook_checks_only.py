"""A runbook whose Mitigation gives no fix step, only "try to find the root cause" and
the support-case line: an outcome that says so, not one titled "Mitigation".

Such drafts used to end in an outcome "Mitigation" whose only tick was "Escalate if the
steps above did not clear the alert", with no fix steps above it: a reader took it for a
fix the draft had lost. The runbook gives checks only; the outcome says that: run the
Diagnosis checks, act on what they show if you can, then escalate with their output.
"""

from __future__ import annotations

import re

from kbassist.drafting.options import Option
from kbassist.drafting.text import clean, split_sentences, with_detail

#: The outcome's title: what the runbook offers, said as what it is.
CHECKS_ONLY_LABEL = "No fix steps: run the Diagnosis checks, then escalate"

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
    option.label = CHECKS_ONLY_LABEL
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
