"""A Diagnosis sentence that tells what the software logs is shown under the check
before it, not numbered as a check of its own (round 26).

MachineConfigDaemonRebootError's Diagnosis explains the daemon's reboot in prose: "If the
reboot fails at any point then it will log:" over a sample log line, then "Where %v will
be replaced with the exact error." The drafter numbered that sentence as check 2, though
it asks nothing: the admin reads it while running check 1 (the `oc logs` command) to
know what to look for. A check whose text says what the software "will log" (and is no
action) and whose detail has no command to run joins the check before it.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_detail, with_detail

#: "it will log:", "The machine-config-daemon pod will log any failure to stdout", "Each
#: pod logs the following when starting": what the software writes, not what to do.
_TOLD_RE = re.compile(
    r"\b(?:will|would)\s(?:also\s)?(?:log|print|write|report)\b|\blogs the following\b",
    re.IGNORECASE,
)
#: A line of a detail that is a command to run: a prompt, or a command-line tool.
_COMMAND_LINE_RE = re.compile(
    r"^\s{0,8}(?:[$#]\s|(?:sudo\s)?(?:oc|kubectl|journalctl|systemctl|curl|podman|crictl|"
    r"ssh|export|netstat|ss|cat|grep|rpm-ostree)\s)"
)
#: The text says what to do after all ("you should check ...", "run ...").
_ASKS_RE = re.compile(r"\b(?:you (?:should|can|must|need to)|run|check|verify)\b", re.I)


def _runs_something(detail: str) -> bool:
    """Whether a detail holds a command to run (not only sample output)."""
    return any(_COMMAND_LINE_RE.match(line) for line in detail.splitlines())


def told_merged(items: list[str]) -> list[str]:
    """The Diagnosis checks with each "it will log:" explanation (and its sample log)
    shown under the check before it; the first check always stays a check."""
    from kbassist.drafting.blocks import _imperative

    out: list[str] = []
    for item in items:
        text, detail = split_detail(item)
        told = _TOLD_RE.search(text) and not _ASKS_RE.search(text) and not _imperative(text)
        if out and told and not _runs_something(detail):
            out[-1] = with_detail(out[-1], f"{text}\n\n{detail}" if detail.strip() else text)
            continue
        out.append(item)
    return out
