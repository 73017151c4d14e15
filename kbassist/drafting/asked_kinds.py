"""Placeholder inputs typed by what the value is, and log lines whose placeholders ask nothing.

Blind readers of round 33's sample found inputs asked that no step uses and values typed
as the wrong thing: a runbook's sample log line (`1 drain_controller.go:173] node ...:
Evicted pod <namespace>/<pod-name>`) made the namespace and pod inputs of every branch,
though the line is what the controller prints, not a command; an ntdsutil
`<ApplicationDirectoryPartition>` was asked as "a folder or file path, e.g. C:\\WINDOWS"
(its "directory" read as a folder) when it is a directory object's distinguished name;
Ceph's `max_bytes <bytes>` and `max_objects <objects>` were free text, not numbers.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import DETAIL_SEP

#: A Go program's log line (klog/glog): the source file and line before the message,
#: `1 drain_controller.go:173] node x: Evicted pod <namespace>/<pod-name>`,
#: `I1130 12:15:18.635452 1 leaderelection.go:243] ...`: output shown, never typed.
_GO_LOG_RE = re.compile(r"(?:^|\s)[\w-]{1,60}\.go:\d{1,6}\]\s")


def in_log_line(text: str, start: int) -> bool:
    """Whether position `start` of a step's text is on a line a program logged (its
    source file `x.go:NNN]` stamped before the message, ahead of `start`)."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    head = text[line_start:start]
    return len(head) <= 300 and ".go:" in head and _GO_LOG_RE.search(head) is not None


#: A line that is an error message's text: "Invalid DOS path: "<path>\\scrsafe.ini"".
_MESSAGE_HEAD_RE = re.compile(
    r"^\s{0,12}(?:invalid|cannot|can't|unable to|could not|error|warning|failed)\b"
    r"[^\n:\"]{0,60}:\s",
    re.IGNORECASE,
)
#: A lead that says messages follow: "you might see the following errors:".
_MESSAGE_LEAD_RE = re.compile(
    r"\bfollowing\s+(?:error\s+)?(?:errors?|messages?|warnings?)\b|\berror messages?\b",
    re.IGNORECASE,
)


def in_message_line(text: str, start: int) -> bool:
    """Whether position `start` of a step is in an error message the step says you may see
    ("... you might see the following errors: Invalid DOS path: "<path>\\x.ini""): what
    the program printed, not a value to type."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\x1f", 0, start)) + 1
    if not _MESSAGE_HEAD_RE.match(text[line_start:start]):
        return False
    return _MESSAGE_LEAD_RE.search(text[max(0, line_start - 300) : line_start]) is not None


#: A placeholder's words that make it a directory object's distinguished name:
#: `<ApplicationDirectoryPartition>`, `<naming context>`, `<DN>`, `<distinguishedName>`.
_DN_WORDS_RE = re.compile(
    r"^(?:dn|distinguished ?name|(?:[\w ]{0,40} )?(?:directory )?partition|"
    r"(?:[\w ]{0,40} )?naming ?context|nc|object ?dn|ou ?dn)$",
    re.IGNORECASE,
)
#: An LDAP tool's word just before the placeholder: `remove nc replica <x>`, `-b <x>`.
_DN_TOOL_RE = re.compile(r"\b(?:nc|dn|partition|ldap)\b", re.IGNORECASE)

#: The help of a distinguished-name input: no path, a DN with its parts.
DN_HELP = (
    "A directory object's distinguished name (DN), e.g. DC=MSTAPI,DC=contoso,DC=com for an "
    "application directory partition, as the naming contexts list shows it; it replaces "
    "the placeholder."
)


def _spaced_words(literal: str) -> str:
    """`<ApplicationDirectoryPartition>` -> "application directory partition"."""
    inner = literal.strip("<>{}[]$% ")
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", inner)
    return " ".join(w for w in re.split(r"[\s_.-]+", spaced.casefold()) if w)


def is_dn(literal: str, context: str) -> bool:
    """Whether a placeholder stands for a distinguished name: its own words say a DN, a
    directory partition or a naming context (a "partition" alone only after an LDAP
    tool's word: a disk partition is a drive's)."""
    words = _spaced_words(literal)
    if not words or len(words) > 60 or not _DN_WORDS_RE.match(words):
        return False
    if words.split()[-1] != "partition" or "directory" in words:
        return True
    at = context.find(literal)
    return at > 0 and _DN_TOOL_RE.search(context[max(0, at - 40) : at]) is not None


#: A placeholder that holds a size in bytes: `<bytes>`, `<max-bytes>`, `<size in bytes>`.
_SIZE_WORDS_RE = re.compile(r"^(?:(?:max|min|quota|size|limit)(?: in)? )?(?:bytes|byte count)$")
#: A quota's key just before the placeholder: `max_bytes <x>`, `max_objects <x>`.
_COUNT_KEY_RE = re.compile(r"\bmax_(?P<what>bytes|objects|files|entries)\s{1,3}$")


def size_kind(literal: str, context: str) -> str:
    """ "number of bytes" for `<bytes>` (`set-quota <pool> max_bytes <bytes>`), "number of
    objects" for the value after `max_objects`; "" when it is neither."""
    if _SIZE_WORDS_RE.match(_spaced_words(literal)):
        return "number of bytes"
    at = context.find(literal)
    found = _COUNT_KEY_RE.search(context[max(0, at - 30) : at]) if at > 0 else None
    return f"number of {found.group('what')}" if found else ""


def size_help(what: str) -> str:
    """The help of a `size_kind` input: a whole number, of bytes or of things."""
    if what == "number of bytes":
        return (
            "A size in bytes, a whole number (e.g. 107374182400 for 100 GiB); it replaces "
            "the placeholder."
        )
    return f"A whole number ({what.removeprefix('number of ')}); it replaces the placeholder."


#: A shell prompt before a command: `$ `, `sh-5.1$ `, `root@host# ` (a bare `# ` is a comment).
_PROMPT_RE = re.compile(r"^\s{0,8}(?:\$\s{1,4}|[\w@.:~/-]{1,40}[$#]\s{1,4})")
#: A listing line that runs nothing: a comment, a YAML or alert field (`- alertname = X`).
_NOT_RUN_RE = re.compile(r"^\s{0,8}(?:#|//|-\s|[\w.-]{1,40}:\s|$)")
#: A value still to fill in: `<node-name>`, `$DAEMONPOD`, `POOL_NAME`.
_UNFILLED_RE = re.compile(r"<[^<>\n]{1,60}>|\$[A-Za-z_]{2,40}|\b[A-Z]{2,20}_[A-Z_]{2,30}\b")
#: A lead that says the alert itself names the value: "The alert message contains the job
#: name", "The notification details should list the node", "... under the `workload` label".
_ALERT_SAID_RE = re.compile(
    r"\balert(?:'s)?\s+(?:message|notification|itself|details|labels?)\b|"
    r"\bnotification\s+(?:details|message)\b|\bin the alert\b|\blabels?\b",
    re.IGNORECASE,
)


def diagnosis_pointer(literal: str, diagnosis: str) -> str:
    """' Not known yet? The Diagnosis step may show it: "..." (`rados df`; run that step
    first).' for a runbook placeholder whose own word the Diagnosis section's lead names
    (Ceph's `<pool>` under "to have information about pool status"); where the lead says
    the alert names it, that the alert shows it. "" when the lead does not name it, or its
    first command needs a value typed itself (`oc debug node/<node-name>`: no help)."""
    words = [w for w in _spaced_words(literal).split() if len(w) > 2 and w != "name"]
    if not words or not diagnosis.strip():
        return ""
    lead = next((p for p in diagnosis.split("\n\n") if p.strip()), "").split("```", 1)[0]
    lead = re.sub(r"\[([^\]\n]{1,200})\]\([^)\n]{0,300}\)", r"\1", " ".join(lead.split()))
    lead = re.sub(r"^(?:\d{1,2}[.)]|[-*])\s+", "", lead.strip())  # "1. Query ...": the words
    # "Identify node and device from alert labels. 2. Check disk ...": its first item only
    lead = re.split(r"\s\d{1,2}[.)]\s", lead, maxsplit=1)[0]
    # "... not ready. For Example": the example it leads to is not quoted, nor its lead
    lead = re.sub(r"\.\s+(?:for example|the following)\b[^.]{0,80}$", "", lead, flags=re.I)
    lead = lead.rstrip(":. ")
    if not lead or len(lead) > 300:
        return ""
    said = {w.rstrip("s") for w in re.findall(r"[a-z]+", lead.casefold())}
    if not any(w.rstrip("s") in said for w in words):
        return ""
    if _ALERT_SAID_RE.search(lead):  # the sentence that says so, not what to do next
        lead = next(x for x in re.split(r"(?<=[.!?])\s+", lead) if _ALERT_SAID_RE.search(x))
        return f' Not known yet? The firing alert names it (the article: "{lead.rstrip(".")}").'
    fence = re.search(r"```[^\n]{0,40}\n((?:[^\n]{0,300}\n){1,12}?)\s{0,8}```", diagnosis)
    lines = fence.group(1).splitlines() if fence else []
    command = next((x for x in lines if not _NOT_RUN_RE.match(_PROMPT_RE.sub("", x))), "")
    command = _PROMPT_RE.sub("", command).strip()
    if not command or _UNFILLED_RE.search(command):
        return ""
    return (
        f' Not known yet? The Diagnosis step may show it: "{lead}" (`{command}`; run that '
        "step first)."
    )


#: An explanation that says the value comes from an earlier step: "the Page Frame Segment
#: value you found in Step 6", "the path that you noted in step 9".
_NOTED_RE = re.compile(
    r"^(?:the |a |an )?(?P<head>[\w .'-]{2,60}?)\s+(?:that\s+|which\s+)?you\s+"
    r"(?:found|noted|wrote down|recorded|obtained|determined|identified|copied)\s+"
    r"(?:(?:in|at|from)\s+step\b|earlier\b|above\b|before\b)",
    re.IGNORECASE,
)
#: A step that has the admin keep a value: "Write down the Page Frame Segment address ...".
_KEEP_RE = re.compile(
    r"\b(?:write down|writ(?:e|ing) it down|note|make a note|record|copy|jot down)\b", re.I
)
_STOP = frozenset("the a an of in on for to from value your this that with and or".split())


def noted_head(meaning: str) -> str:
    """ "Page Frame Segment value" of "the Page Frame Segment value you found in Step": what
    an explained placeholder is, when the explanation says an earlier step gave it."""
    found = _NOTED_RE.match(meaning.strip())
    return found.group("head").strip() if found else ""


def noted_step(meaning: str, literal: str, items: list[str]) -> str:
    """The step before the first use of `literal` that has the admin write the value down
    ("Write down the Page Frame Segment address from the status report"), when the
    placeholder's explanation says an earlier step gave it; "" when none says so."""
    head = noted_head(meaning)
    if not head:
        return ""
    first = next((n for n, i in enumerate(items) if literal in i), None)
    if not first:
        return ""
    words = {w for w in re.findall(r"[a-z]{3,}", head.casefold()) if w not in _STOP}
    for item in reversed(items[:first]):
        step = item.split(DETAIL_SEP, 1)[0].split("\n", 1)[0]
        said = set(re.findall(r"[a-z]{3,}", step.casefold()))
        if _KEEP_RE.search(step) and words & said:
            return step.strip()
    return ""
