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


def with_output_marked(lines: list[str], label: str) -> list[str]:
    """`lines` with `label` on a line of its own over each run of sample output."""
    marked = output_lines(lines)
    if not marked:
        return lines
    kept: list[str] = []
    previous = -1  # the last non-blank line
    for n, line in enumerate(lines):
        if n in marked and previous not in marked:
            kept.append(label)
        kept.append(line)
        if line.strip():
            previous = n
    return kept
