"""Steps that only announce the steps after them, shown under the first of those.

Modern support articles write a fix as a goal and a pointer to its list: "Change the
Group Policy settings. To do this, follow these steps:", "Verify the KMS DNS record ...
by using the following steps:", "Follow the steps:", often with the registry warning
("Important: ... back up the registry ...") between. Ticked, such a step is done twice
(or "done" before anything was done); shown under the first real step, it still says
what the steps are for, and the warning is read before the change.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, with_detail

#: "follow these steps", "use the following procedure", "complete the steps below".
_FOLLOW = (
    r"(?:please\s+)?(?:follow|complete|perform|use|do|take)\s+(?:these|the(?:\s+following)?)"
    r"\s+(?:steps|procedures?|instructions)(?:\s+below)?"
)
#: A sentence that is only the pointer: "To do this, follow these steps:", "Follow these
#: steps to change the duplex printing options.", "To clear the icon cache in Windows,
#: follow these steps:".
_LEAD_ONLY_RE = re.compile(
    r"^(?:(?:to do (?:this|it|so)|(?P<to>to [^,:.]{3,120})),\s*)?"
    + _FOLLOW
    + r"(?:,?\s+(?:to|in order to)\s+(?P<purpose>[^.:]{3,100})|,?\s+in the order given)?"
    r"\s*[.:]?$",
    re.IGNORECASE,
)
#: A goal whose last words point at the list: "Unlock the drive. To do it, follow these
#: steps:", "Verify the record ... by using the following steps:".
_LEAD_TAIL_RE = re.compile(
    r"^(?P<goal>.*?\S)(?:[.;]\s+to do (?:this|it|so),?\s+"
    + _FOLLOW
    + r"|,?\s+by\s+(?:using|following)\s+(?:these|the\s+following)\s+(?:steps|procedures?))"
    r"\s*[.:]?$",
    re.IGNORECASE | re.DOTALL,
)
#: A note beside the pointer ("Important: ... back up the registry"): shown, never ticked.
_NOTE_RE = re.compile(r"^(?:important|note|warning|caution|tip)\b\s*:?", re.IGNORECASE)
#: A case, asked elsewhere: "If the database is small, follow these steps:".
_CASE_RE = re.compile(r"^(?:if|when|in case|unless|for each|only)\b", re.IGNORECASE)


def _purpose(lead: re.Match[str]) -> str:
    """ "To clear the icon cache:" of "To clear the icon cache, follow these steps:" or
    "Follow these steps to clear the icon cache."; "" for a bare "To do this, follow ..."."""
    purpose = lead.group("to") or (lead.group("purpose") and f"to {lead.group('purpose')}")
    return f"{purpose[0].upper()}{purpose[1:]}:" if purpose else ""


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9][\w-]*", text.casefold()) if len(w) > 3}


def _restates(purposes: list[str], text: str) -> bool:
    """ "To increase the service time-out:" over "Increase the service time-out.": the
    lead's purpose is the step itself, so the step is the goal, not a step before it."""
    said = _words(text)
    return any(
        (words := _words(p.removeprefix("To "))) and len(words & said) >= 0.6 * len(words)
        for p in purposes
    )


def points_on(text: str) -> bool:
    """ "Follow the steps:", "To do this, follow these steps.": only a pointer, no goal."""
    found = _LEAD_ONLY_RE.match(" ".join(text.split()))
    return found is not None and not _purpose(found)


def _lead_goal(text: str, detail: str) -> tuple[str | None, str] | None:
    """(the step kept, or None when it only announces the next ones; what is shown under
    the next step), or None when the step is left as it is."""
    text = " ".join(text.split())
    if not text or _CASE_RE.match(text):
        return None
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", detail) if p.strip()]
    leads = [m for m in map(_LEAD_ONLY_RE.match, paragraphs) if m is not None]
    notes = [p for p in paragraphs if not _LEAD_ONLY_RE.match(p)]
    if any(not _NOTE_RE.match(p) for p in notes):
        return None  # the detail holds the how (a command, sub-steps): a real step
    purposes = [_purpose(m) for m in leads if _purpose(m)]
    only = _LEAD_ONLY_RE.match(text)
    if only is not None:
        goal = _purpose(only)
    elif (tail := _LEAD_TAIL_RE.match(text)) is not None:
        goal = tail.group("goal").rstrip(" .;,") + "."
    elif purposes and not text.endswith(":") and not _restates(purposes, text):
        # "Close the snap-in." + "To reset passwords, follow these steps:": a step of
        # its own, the lead is the next steps' (their purpose shown over them)
        kept = f"{text}\n\n" + "\n\n".join(notes) if notes else text
        return kept, "\n\n".join(purposes)
    elif leads and not text.endswith(":"):
        goal = text  # "Change the Group Policy settings." + "To do this, follow ..."
    else:
        return None
    return None, "\n\n".join(p for p in [goal, *notes] if p)


def lead_ins_shown(option: Option) -> None:
    """A step that only points at the steps after it is shown under the first of them
    (its goal and notes kept, the pointer dropped), not ticked as a step of its own; a
    step whose detail is the next steps' lead ("To X, follow these steps:") keeps its
    tick, the lead's purpose shown over those steps."""
    steps = option.items
    n = 0
    while n < len(steps) - 1:
        if n in option.when or (n + 1) in option.when:
            n += 1
            continue  # a case's steps: what is asked keys them by position
        found = _lead_goal(*split_detail(steps[n]))
        if found is None:
            n += 1
            continue
        kept, goal = found
        text, detail = split_detail(steps[n + 1])
        shown = "\n\n".join(p for p in (goal, detail) if p.strip())
        steps[n + 1] = with_detail(text, shown) if shown else text
        if kept is not None:
            first, _, rest = kept.partition("\n\n")
            steps[n] = with_detail(first, rest) if rest else first
            n += 1
            continue
        del steps[n]
        option.when = {(k - 1 if k > n else k): v for k, v in option.when.items()}


#: "Default entries: RDPNP, LanmanWorkstation, web client": a value the step above names,
#: said as a label and what it holds (no verb), not a step.
_FIELD_RE = re.compile(r"^[A-Z][\w ()/-]{1,30}:\s+\S[^.!?]*$")


#: A registry key, a path or a share: what a step names, never a step of its own.
_CODE_RE = re.compile(r"^(?:HKEY_|HK(?:LM|CU)\\|[A-Za-z]:\\|\\\\|/\w)")


def echoes_shown(option: Option) -> None:
    """A tick that repeats the detail of the step above it is said once: a registry path
    shown under "Make sure the entry has ...:" is not ticked again, and an action copied
    under the step before it ("Open Control Panel, ...") is only ticked; a "Name: value"
    line right after a step that ends in a colon is shown under that step, not ticked."""
    steps = option.items
    n = 1
    while n < len(steps):
        if n in option.when or (n - 1) in option.when:
            n += 1
            continue
        before, shown = split_detail(steps[n - 1])
        text, detail = split_detail(steps[n])
        flat = " ".join(text.split())
        echo = not detail and flat and flat == " ".join(shown.split())
        field = (
            not detail
            and before.rstrip().endswith(":")
            and _FIELD_RE.match(flat)
            and not _words(flat.partition(":")[0]) & {"note", "important", "warning"}
        )
        if not (echo or field):
            n += 1
            continue
        if echo and not _CODE_RE.match(flat):
            # "Open Control Panel, ..." copied under the step before it: the tick stays,
            # the copy goes
            steps[n - 1] = before
            n += 1
            continue
        if field:
            steps[n - 1] = with_detail(steps[n - 1], flat)
        del steps[n]
        option.when = {(k - 1 if k > n else k): v for k, v in option.when.items()}


#: "If you have found unsigned drivers, follow these steps to repair them:", "If the
#: database size is less than 10 GB, follow these steps:": a case's pointer at its steps.
_CASE_LEAD_RE = re.compile(
    r"^(?:if|when)\b[^,:]{3,160},\s*"
    + _FOLLOW
    + r"(?:,?\s+(?:to|in order to)\s+[^.:]{3,100})?\s*[.:]$",
    re.IGNORECASE,
)


def case_leads_shown(option: Option) -> None:
    """A case's pointer at the steps after it ("If you have found unsigned drivers,
    follow these steps to repair them:") is shown over the first of them, not ticked:
    the case is asked before the outcome (then the steps carry its condition) or is
    what a step above finds, and either way ticking the pointer does nothing. Only
    when the next step is run in the same case (or both in every case)."""
    steps = option.items
    n = 0
    while n < len(steps) - 1:
        text, detail = split_detail(steps[n])
        if (
            detail.strip()
            or not _CASE_LEAD_RE.match(" ".join(text.split()))
            or option.when.get(n) != option.when.get(n + 1)
        ):
            n += 1
            continue
        after, more = split_detail(steps[n + 1])
        lead = " ".join(text.split())
        steps[n + 1] = with_detail(after, "\n\n".join(p for p in (lead, more) if p.strip()))
        del steps[n]
        option.when = {(k - 1 if k > n else k): v for k, v in option.when.items()}
