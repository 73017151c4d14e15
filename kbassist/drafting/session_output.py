"""A shell session's sample output is shown as output, not as part of the command.

Runbooks paste a session: "$ oc -n $NAMESPACE logs -l app=prometheus" and under it what
it printed ("level=error ... msg=\"Creating target failed\" ..."), or a `NAME STATUS`
table under "$ oc get pods". Drafts showed the whole block as the step's command (and
the verify re-ran it), so a reader took the log line for something to type (seed 52).
The lines after a `$ ` command that do not go on with it are marked as its output.
"""

from __future__ import annotations

import re

#: A prompt line: "$ oc get pods" (also indented), "sh-4.4$ ceph -s" inside a pod.
_PROMPT_RE = re.compile(r"^\s*[\w.@:~/-]*\$ \S")
#: A command line that goes on in the next one: a continuation, a pipe or `&&` at the
#: end, an open bracket of inline JSON.
_GOES_ON_RE = re.compile(r"(?:\\|\||&&|\{|\[|\(|,)\s*$")
#: A here-document's opening: "cat <<EOF", "<<'EOF'", "<<-END".
_HEREDOC_RE = re.compile(r"<<-?\s*['\"]?(\w+)['\"]?")


def _open_quote(text: str) -> bool:
    """Whether `text` leaves a quote open (a command's multi-line JSON or script)."""
    return text.count("'") % 2 == 1 or text.replace('\\"', "").count('"') % 2 == 1


def output_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines that are sample output of a `$ ` command above them: non-blank
    lines after a prompt line that are no continuation of its command (a `\\`, a pipe,
    an open quote or bracket, a here-document) and no new prompt or comment."""
    if not any(_PROMPT_RE.match(line) for line in lines):
        return set()
    out: set[int] = set()
    command = ""  # the command being read, "" when not inside one
    heredoc = ""
    after_prompt = False
    for n, line in enumerate(lines):
        stripped = line.strip()
        if heredoc:
            if stripped == heredoc:
                heredoc = ""
            continue
        if _PROMPT_RE.match(line):
            command = stripped
            after_prompt = True
        elif command:
            command = f"{command}\n{stripped}"
        elif stripped and after_prompt and not stripped.startswith("#"):
            out.add(n)
            continue
        else:
            continue
        found = _HEREDOC_RE.search(stripped)
        if found:
            heredoc, command = found.group(1), ""
        elif not (_GOES_ON_RE.search(stripped) or _open_quote(command)):
            command = ""  # the command is whole: what follows is output
    return out


#: A line of a PowerShell list view: "TcpTestSucceeded       : False", "RemotePort : 1688".
_LISTED_RE = re.compile(r"^[A-Za-z][\w .()/-]{0,40}?(?P<pad>\s*):(?:\s|$)")


def listed_output_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines of a command's list-view output pasted under it in one block
    ("Test-NetConnection -ComputerName <host> -Port 1688", a blank line, then
    "ComputerName           : <host>" ... "TcpTestSucceeded       : False"): after the
    first blank line that follows command lines, at least three lines, every one a
    `Name : value` line, most with the name padded to line the colons up."""
    blank = next((n for n, line in enumerate(lines) if not line.strip()), -1)
    if blank <= 0 or any(_LISTED_RE.match(line.strip()) for line in lines[:blank]):
        return set()
    rest = [n for n in range(blank + 1, len(lines)) if lines[n].strip()]
    found = [_LISTED_RE.match(lines[n].strip()) for n in rest]
    if len(rest) < 3 or not all(found):
        return set()
    padded = sum(len(m.group("pad")) >= 2 for m in found if m is not None)
    return set(rest) if padded * 2 >= len(rest) else set()


def with_output_marked(lines: list[str], label: str) -> list[str]:
    """`lines` with `label` on a line of its own over each run of sample output (a `$ `
    session's, or a list view pasted under its command)."""
    marked = output_lines(lines) or listed_output_lines(lines)
    if not marked:
        return lines
    kept: list[str] = []
    previous = -1  # the last non-blank line
    for n, line in enumerate(lines):
        if n in marked and previous not in marked:
            kept.append(label)
        elif previous in marked and n not in marked and line.strip() and kept[-1].strip():
            # "# lsof -n" after the output of the command before it: a command again, set
            # apart from the output the label is over
            kept.append("")
        kept.append(line)
        if line.strip():
            previous = n
    return kept
