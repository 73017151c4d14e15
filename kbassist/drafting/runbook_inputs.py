"""A modern article's inputs: what is typed, asked in a line, never what is only shown.

Readers (66:21, 66:23, 66:30) marked three faults of a runbook's inputs:

- `<monitor>`, `<endpoint-id>` in a sample log line the article prints (marked "Output
  (what it shows, not a command to run):" by the drafter) were asked as values to type:
  a placeholder in shown output is the output's, never asked (`in_shown_output`), and
  the commands above that output are still asked though the lead calls the block a
  sample (`commands_before_output`);
- the prompt of `$DAEMONPOD` quoted the whole paragraph, its command and the log lines
  after it, where the article's one sentence ("... replacing the `$DAEMONPOD` variable
  with the actual name of your own `machine-config-daemon-*` pod on the stuck node.")
  says what to type (`prose_context`);
- `$DAEMONPOD`, `<dev>` of `device="<dev>"` were typed "value" though their names say
  they are a pod's or a device's name (`named_kind`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kbassist.drafting.text import split_detail, split_sentences

#: The drafter's mark over sample output (`blocks.OUTPUT_LABEL`).
_OUTPUT_LABEL = "Output (what it shows, not a command to run):"
#: A line that starts a command: the end of a run of output.
_COMMAND_LINE_RE = re.compile(r"[\n\x1f][ \t]*(?:\$|#|>|PS)[ \t]")


def in_shown_output(text: str, start: int) -> bool:
    """Whether position `start` of a step's text is in a run of sample output the drafter
    marked: an output label is above it, and no command line comes between them."""
    if _OUTPUT_LABEL not in text:
        return False
    label = text.rfind(_OUTPUT_LABEL, 0, start)
    if label < 0:
        return False
    # no command line between the label and `start` (one scan, no loop per line)
    return _COMMAND_LINE_RE.search(text, label, start) is None


def commands_before_output(item: str) -> bool:
    """Whether a step's detail is commands then the output they print, the drafter having
    marked the output apart (a "`$ oc logs ...`" session under "error logs similar to the
    following should be present:"): the commands' values are typed, the output's are not
    (`in_shown_output`), though the lead calls it all a sample."""
    detail = split_detail(item)[1]
    return _OUTPUT_LABEL in detail and not detail.lstrip().startswith(_OUTPUT_LABEL)


#: A placeholder's or variable's name words that say it is a name ("POD", "node", "dev").
_POD_WORDS = frozenset({"pod", "daemonpod", "podname"})
_NAME_WORDS = frozenset(
    """name node secret namespace ns device dev nic interface iface cluster service svc
    deployment pvc pv vm vmi monitor servicemonitor route project bucket pool container
    statefulset daemonset configmap""".split()
)
#: `device="<dev>"`, `pod="$POD"`: the label a value is written to.
_LABEL_BEFORE_RE = re.compile(r"(?P<key>[A-Za-z_][\w.-]{0,40})\s*[=:]\s*[\"']?$")


def _words(literal: str) -> list[str]:
    """ "$DAEMONPOD" -> ["daemonpod"], "<service-monitor-name>" -> ["service", "monitor",
    "name"], "$POD_NAME" -> ["pod", "name"]."""
    inner = literal.strip("$<>{} ")
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", inner)
    return [w for w in re.split(r"[\s_.-]+", spaced.casefold()) if w]


def named_kind(literal: str, what: str, context: str) -> str:
    """The kind of a placeholder typed only "value" when its name or the label it is
    written to says it is a name: "pod name" for `$DAEMONPOD`, `$POD_NAME`, "name" for
    `$SECRET_NAME`, `device="<dev>"`; else `what` as it was."""
    if what != "value":
        return what
    words = _words(literal)
    at = context.find(literal)
    found = _LABEL_BEFORE_RE.search(context[max(0, at - 40) : at]) if at > 0 else None
    if found is not None:
        words.extend(_words(found.group("key")))
    if any(w in _POD_WORDS or w.endswith("pod") for w in words):
        return "pod name"
    if any(w in _NAME_WORDS for w in words):
        return "name"
    return what


def prose_context(steps: Sequence[str], literal: str, context: str, short: bool) -> str:
    """The sentence of a step's own text (not its command or output) that names
    `literal` ("... replacing the $DAEMONPOD variable with the actual name of your own
    machine-config-daemon-* pod on the stuck node."); else the step's last sentence and
    the one command line that has it ("Describe the pod in Pending state. oc describe
    pod <osd_pod> -n <namespace>") when `context`, the sentence run into the command, is
    not `short` enough for a prompt or runs on into output; else `context`."""
    # the first step that has it, as the prompt's context is read (a later sentence that
    # only describes a log line's format is no prompt)
    step = next((s for s in steps if literal in s), "")
    text, detail = split_detail(step)
    if literal in text:
        found = next((s for s in split_sentences(" ".join(text.split())) if literal in s), "")
        if found:
            return found
    if not step or (short and _OUTPUT_LABEL not in detail):
        return context  # the sentence run into its command reads well: kept
    line = next((ln.strip() for ln in detail.split("\n") if literal in ln), "")
    line = re.sub(r"^[$#]\s+", "", line)  # the prompt is no part of what is typed
    if line and len(line) <= MAX_LINE:
        said = split_sentences(" ".join(text.split()))
        return f"{said[-1]} {line}" if said else line
    return context


#: The longest command line quoted in an input's prompt.
MAX_LINE = 160
