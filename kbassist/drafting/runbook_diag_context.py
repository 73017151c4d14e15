"""A Diagnosis' opening context shown after its first check's command (round 32, runbook33).

Readers (seed 86) marked a runbook walk whose first Diagnosis check read as a jumble: the
check's title ("Review the status of all Operators ...:"), then the Diagnosis' opening
paragraphs ("The alert message provides the name of the Operator ..., as shown in the
following example:" with its example, "To troubleshoot ..., use any or all of the
following methods ...:"), and only then the command the title's colon points at. The
opening paragraphs are context for every check, not the first check's lead: they are
shown after that check's command, so the check reads as one step.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_detail, with_detail

#: "use any or all of the following methods ...:": an instruction that only announces
#: the checks after it.
_ANNOUNCES_RE = re.compile(
    r"\b(?:any|all|one|some|each)\b[^.:]{0,30}\bthe following "
    r"(?:methods|ways|steps|commands|options|checks|procedures)\b",
    re.IGNORECASE,
)
#: A name the admin types into the command ("$NAMESPACE", "<pod-name>"): the opening
#: example (the alert's labels) is where to find it, read before it is asked.
_NAMES_RE = re.compile(r"\$\{?[A-Z][A-Z0-9_]{1,40}|<[^<>\s]{1,40}>")
#: A command the check's colon points at (its first line).
_COMMAND_RE = re.compile(r"^\s*(?:\$ )?[a-z][\w.-]{0,30}(?: |$)")


def context_after_command(items: list[str]) -> list[str]:
    """The Diagnosis items with its opening paragraphs (before the first check with a
    command, each opening what follows) moved under that check, after its command."""
    from kbassist.drafting.blocks import _imperative
    from kbassist.drafting.steps import step_kind

    k = 0
    while k < len(items):
        text, shown = split_detail(items[k])
        text = " ".join(text.split())
        said = not _imperative(text) and step_kind(text) != "action"  # "The alert names ..."
        if not text.endswith(":") or not (said or _ANNOUNCES_RE.search(text)):
            break  # a check of its own ("Check to ensure the following alerts ...:")
        if _COMMAND_RE.match(shown):
            break  # "This can occur when ... Check that ...:" over its command: a check
        k += 1
    if k == 0 or k >= len(items):
        return items
    text, detail = split_detail(items[k])
    if not text.rstrip().endswith(":") or not _COMMAND_RE.match(detail):
        return items  # the check's colon points at no command: the order is the article's
    if _NAMES_RE.search(detail):
        return items  # "oc get pod -n $NAMESPACE $POD": the example says where those are
    context = "\n\n".join("\n".join(p for p in split_detail(i) if p) for i in items[:k])
    return [with_detail(text, f"{detail}\n\n{context}"), *items[k + 1 :]]
