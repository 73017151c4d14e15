"""A verify about what THIS outcome's steps change (round 33).

Readers of seed 90 marked two shapes of a verify made for the article and pasted under
an outcome it does not fit:

- a diagnostic outcome ("Register Dr. Watson as the default system debugger", "Collect
  a network trace", "Enable Netlogon logging") verified "Check that this no longer
  appears: STOP c000021a ...": the steps find the cause, they fix nothing; their check is
  what they should have produced (the log or dump, the culprit it names);
- an outcome that switches to another tool or language ("Use JScript, because JScript
  does not exhibit this behavior") verified "When you ... using VBScript, check that the
  message ... no longer appears": the check is made with what the outcome uses.

Each rule reads the outcome's own label and steps, never one article; every pattern is
bounded and linear on long text.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_detail

#: A verify that waits for the problem to go.
_PROMISE_RE = re.compile(r"\bno longer (?:occurs|happens|appears)\b", re.IGNORECASE)
#: An outcome whose steps find the cause rather than remove it: a debugger registered,
#: logging or tracing turned on, a trace, dump or log collected.
_DIAGNOSTIC_RE = re.compile(
    r"^(?:(?:resolution|method \d{1,2}|step \d{1,2}|option \d{1,2})\s{0,2}:\s{0,3})?"
    r"(?:register\s[^;:]{0,60}\bdebugger\b"
    r"|(?:collect|gather|capture|take|generate|create)\s(?:a\s|an\s|the\s)?[^.;:]{0,40}?"
    r"\b(?:logs?|traces?|dumps?|diagnostics?|data)\b"
    r"|(?:enable|turn on|set up|configure)\s[^.;:]{0,40}?\b(?:logging|tracing|debug logging"
    r"|auditing|a debugger|the debugger)\b"
    r"|use\s[^.;:]{0,60}?\bto\s(?:find|identify|determine|locate|diagnose)\b)",
    re.IGNORECASE,
)
#: A fix's opening sentence that says its steps find the cause: "To determine which
#: process failed, register Dr. Watson ...".
_FIND_LEAD_RE = re.compile(
    r"(?:^|[.:]\s)(?:To|In order to) (?:determine|identify|diagnose|find out|find) (?:which|what"
    r"|why|the cause)\b[^.]{0,200},\s(?:register|enable|turn on|collect|capture|use|run)\b"
)
#: Steps that set up something that records the failure.
_RECORDS_RE = re.compile(r"\b(?:debugger|logging|tracing|trace|dump|log file)\b", re.IGNORECASE)
#: A file the diagnostic writes, named in its steps ("Drwtsn32.log", "User.dmp").
_OUTPUT_FILE_RE = re.compile(r"\b[\w-]{1,60}\.(?:log|dmp|etl|cab|evtx|blg|pml|cap|trc)\b", re.I)
#: "Use JScript, because ...", "Use ADO instead": the tool or language this outcome uses.
_USE_RE = re.compile(r"^(?:[A-Z][a-z]{1,12}\s\d{0,2}:\s)?Use\s(?P<ours>[A-Z][\w#+.-]{1,30})\b")
#: "... using VBScript, check that": the verify's tool or language.
_USING_RE = re.compile(r"\b(?:using|with|in)\s(?P<theirs>[A-Z][\w#+.-]{1,30})(?=[,\s])")


def diagnostic_verify(verify: str, label: str, steps: list[str], lead: str = "") -> str:
    """A diagnostic outcome's verify: what its steps should have produced (the log or dump
    they write, and the cause it names), never the symptom gone; `verify` unchanged for
    any other outcome or check."""
    text, detail = split_detail(verify)
    if detail.strip() or not _PROMISE_RE.search(text):
        return verify
    plain = " ".join(split_detail(s)[0] for s in steps)[:20000]
    written = _OUTPUT_FILE_RE.search(plain)
    if not _DIAGNOSTIC_RE.match(" ".join(label.split())[:300]) and not (
        _FIND_LEAD_RE.search(" ".join(lead.split())[:600])
        and (written or _RECORDS_RE.search(plain))  # the section's other fixes record nothing
    ):
        return verify
    output = f"the {written.group(0)} file" if written else "their log, trace or dump"
    return (
        f"The next time the problem occurs, check that the steps above wrote {output} and "
        "that it names what caused the problem (these steps find the cause; they do not "
        "fix it)."
    )


def is_diagnostic(label: str) -> bool:
    """Whether an outcome's label says its steps find the cause ("Register Dr. Watson as
    the default system debugger", "Collect a network trace")."""
    return _DIAGNOSTIC_RE.match(" ".join(label.split())[:300]) is not None


def own_tool_verify(verify: str, label: str, steps: list[str]) -> str:
    """An outcome that uses another tool or language ("Use JScript") verified with the one
    it leaves ("... using VBScript, check that ..."): the check says what this outcome
    uses instead; `verify` unchanged when its tool is the outcome's own, or a step uses it."""
    ours = _USE_RE.match(" ".join(label.split()))
    if ours is None:
        return verify
    name = ours.group("ours").rstrip(".,")
    text, detail = split_detail(verify)
    theirs = _USING_RE.search(text)
    if theirs is None:
        return verify
    other = theirs.group("theirs").rstrip(".,")
    if other.casefold() == name.casefold() or len(other) < 3:
        return verify
    plain = " ".join(split_detail(s)[0] for s in steps)
    if re.search(rf"\b{re.escape(other)}\b", plain):
        return verify  # the steps use it too: the check with it still fits
    if not _PROMISE_RE.search(text) or not _same_kind(name, other):
        return verify  # "with Windows 2000": no tool this outcome swaps
    fixed = text[: theirs.start("theirs")] + name + text[theirs.end("theirs") :]
    check = fixed.find("check that", theirs.start("theirs"))
    if check > 0 and re.search(rf"\b{re.escape(other)}\b", fixed[check:]):
        # the message quoted is the other tool's own ("Microsoft VBScript runtime error")
        fixed = f"{fixed[:check]}check that it runs without that error."
    return f"{fixed}\n{detail}" if detail.strip() else fixed


def _same_kind(ours: str, theirs: str) -> bool:
    """Two names of one kind: both end alike ("JScript"/"VBScript", "ADO"/"DAO") or both
    are all capitals."""
    if ours.isupper() and theirs.isupper():
        return True
    return len(ours) >= 4 and len(theirs) >= 4 and ours[-4:].casefold() == theirs[-4:].casefold()
