"""A runbook outcome's verify: re-run the check that showed the problem, then the alert.

An on-call engineer verifies a mitigation by running again the Diagnosis command that
showed the problem, by seeing that the condition the alert fires on no longer holds, and
only then by watching the alert resolve. A drafted runbook verify used to say only "the
alert clears". This pass puts the runbook's own checks before that line: the outcome's
Diagnosis commands, verbatim (with the names the admin typed), and the alert's condition
in the words of its Meaning section. It adds nothing the runbook does not say.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.articles import Article
from kbassist.drafting.implied_check import certificate_check
from kbassist.drafting.modern import md_plain
from kbassist.drafting.runbook_fix_checks import per_fix
from kbassist.drafting.runbook_measures import condition_words, measured
from kbassist.drafting.runbook_threshold import threshold_check
from kbassist.drafting.text import brace, split_sentences
from kbassist.drafting.verify_against import not_fault_condition
from kbassist.drafting.verify_fit import list_items_said

_DIAGNOSIS_RE = re.compile(r"\bdiagnos", re.IGNORECASE)
#: The drafter's own "the alert clears" line (modern.alert_check), not a runbook's check
#: that mentions it ("Validate resolution (alert clears):" with its query).
_ALERT_CLEARS_RE = re.compile(r"^Check that the \S+ alert clears: it no longer shows as firing")
#: A command line: a tool and its arguments (`oc get pods -n x`, `etcdctl endpoint health`,
#: `curl -s ...`), or a PromQL expression (`sum(rate(x[5m])) by (job)`).
_COMMAND_RE = re.compile(
    r"^\s*(?:\$\s*)?(?:[a-z][\w.-]*(?:\s+\S+)+|[a-z_]+\s*\(\S.*\))(?<![.:])\s*$"
)
#: A command that changes the system: a fix, not a check to re-run.
_CHANGES_RE = re.compile(
    r"\b(?:delete|edit|patch|apply|create|scale|drain|cordon|uncordon|label|annotate|"
    r"replace|restart|rollout|kill|rm|set|debug|rsh|exec|ssh|cp|mv|reboot|"
    r"systemctl)\b"
)
#: `export NAMESPACE='x'`, `NODE=x`: a name set for the check below it, not a change.
_ASSIGN_RE = re.compile(r"^\s*(?:\$\s*)?(?:export\s+)?[A-Za-z_]\w*=\S")
#: "This alert fires when X", "The alert is triggered if X": X is the condition.
_FIRES_RE = re.compile(
    r"(?:\b(?:fires?|is fired|triggers|is triggered|gets triggered|is raised)\b"
    r"(?: at an? `?\w+`? level)?\s+(?:when|if)|\balert`? (?:indicates|means) that)\s+"
    r"(?P<cond>\S.+)$",
    re.IGNORECASE,
)
#: A first Meaning sentence about the runbook or the alert's kin, not its condition.
_NOT_CONDITION_RE = re.compile(
    r"^(?:there|this|these|it|if|when|as|in|for|see|note|the alert|an? alert|alerts?)\b|"
    r"\b(?:runbook|similar|various|reasons?|describ\w*|deprecated|usually|typically|"
    r"means?|might|may|can|could|should|e\.g|i\.e)\b|[:?]",
    re.IGNORECASE,
)
#: "for more than 15 minutes", "for 10m": the window the condition must hold for.
_WINDOW_RE = re.compile(
    r"\b(?:for|in|over) (?:more than |longer than |at least |over )?(?:the (?:last|past) )?"
    r"(?P<n>\d+|one|five|ten|fifteen|thirty)\s*(?P<unit>minutes?|mins?|m|hours?|h|seconds?|s)\b(?!\w)",
    re.IGNORECASE,
)
_UNITS = {"m": "minute", "min": "minute", "h": "hour", "s": "second"}
#: A first word set in lower case after "holds:": a common word, never a name ("Network
#: Observability detects ...").
_LOWER_RE = re.compile(
    r"(?:the|a|an|all|one|some|this|only|no|at|more|less|fewer|storage|cluster|pod|node)\b",
    re.IGNORECASE,
)
#: The longest Diagnosis step re-run in the verify: a longer one is a story, not a check.
MAX_CHECK_TEXT = 200
#: The longest condition quoted from Meaning: a longer sentence is no one-line check.
MAX_CONDITION = 240


#: Sample output: JSON (`[{"cidr": ...}]`, `{"level": ...}`), a table's header ("NAME
#: READY STATUS"), a log line ("I1126 17:15:38.99 ...", "level=warn ts=...").
_OUTPUT_RE = re.compile(
    r"^\s*(?:\[\{|\{\s*\"|[A-Z]{2,}(?:\s{2,}[A-Z][A-Z-]*){2,}\s*$|[IWEF]\d{4}\s+\d\d:|level=\w+\s)"
)
#: A sentence of prose: a capitalised word and three more, not a command or query.
_PROSE_RE = re.compile(r"^\s*[A-Z][a-z]*(?:\s+\S+){3,}")
#: Prose that says output follows: "Example output:", "... will be logged.", "sample ...:".
_SHOWS_OUTPUT_RE = re.compile(
    r"(?:\boutput\b[^\n]*|\bsample\b[^\n]*|\bexample\b[^\n]*|\bwill be logged\.?|\bas shown[^\n]*|"
    r"\blike (?:this|the following)[^\n]*|\bsimilar to the following[^\n]*)[:.]?\)?:?$",
    re.IGNORECASE,
)
#: "subnet_capability = 2^[(32 - netmask) - ...]": a formula to work out, not a command.
_FORMULA_RE = re.compile(r"^\s*[A-Za-z_]\w*\s+=\s")


def _command(detail: str) -> bool:
    """A detail that holds a check to run: a command or query line that changes nothing."""
    lines = [line for line in detail.splitlines() if line.strip()]
    commands = [
        line
        for line in lines
        if _COMMAND_RE.match(line) and not _ASSIGN_RE.match(line) and not _FORMULA_RE.match(line)
    ]
    return bool(commands) and not any(_CHANGES_RE.search(line) for line in commands)


def commands_only(detail: str) -> str:
    """The detail of a check re-run as a verify without what the runbook shows around its
    command: prose ("This is the most important step."), and sample output (`[{"cidr": ...}]`,
    the block after "Example output:"), which is what it showed once, not what to expect
    now; the command, the names it is given and any query stay. `detail` when nothing is
    left."""
    blocks = [b for b in re.split(r"\n[ \t]*\n", detail.strip("\n")) if b.strip()]
    kept: list[str] = []
    shown = False  # the block before said that output follows
    for block in blocks:
        first = block.lstrip().split("\n", 1)[0]
        command = _command(first) or bool(_ASSIGN_RE.match(first))
        output = shown or (not command and _OUTPUT_RE.match(first) is not None)
        label = not command and _SHOWS_OUTPUT_RE.search(block.rstrip()) is not None
        prose = not command and _PROSE_RE.match(first) is not None
        if not (output or prose or label):
            kept.append(block)
        shown = label
    return "\n\n".join(kept) if kept else detail


#: A sentence that says what a healthy result of a check looks like ("... should be less
#: than 10ms", "The result should be Status:active", "A healthy cluster has ...").
_HEALTHY_RE = re.compile(
    r"\b(?:should (?:be|show|return|report|have|list)|(?:is|are) considered healthy|"
    r"a healthy \w+ (?:has|shows|is)|healthy if)\b",
    re.IGNORECASE,
)
#: ... but one that says what the problem looks like is no healthy result.
_UNHEALTHY_RE = re.compile(
    r"\b(?:not|n't|why|errors?|fail\w*|warning|similar to|unhealthy|notification)\b", re.I
)
#: A code block, also one indented under a list item.
_FENCE_RE = re.compile(
    r"^[ \t]*```[^\n]*\n(?P<code>.*?)^[ \t]*```[ \t]*$", re.MULTILINE | re.DOTALL
)


def healthy(article: Article, detail: str) -> str:
    """The runbook's own words for a healthy result of the check whose command is
    `detail`: a sentence of the paragraph just before or just after its code block;
    "" when the runbook gives none (never made up)."""
    first = next((line.strip() for line in detail.splitlines() if line.strip()), "")
    key = first.split("{", 1)[0].strip()  # up to the first typed name
    if len(key) < 8:
        return ""
    for section in article.sections:
        if not _DIAGNOSIS_RE.search(section.key):
            continue
        for fence in _FENCE_RE.finditer(section.text):
            if key not in fence.group("code"):
                continue
            before = section.text[: fence.start()].rstrip().rsplit("\n\n", 1)[-1]
            after = section.text[fence.end() :].lstrip().split("\n\n", 1)[0]
            for paragraph in (after, before):
                if paragraph.lstrip().startswith(("```", "#")) or paragraph.rstrip().endswith(
                    "```"
                ):
                    continue
                for sentence in split_sentences(" ".join(paragraph.split())):
                    if (
                        _HEALTHY_RE.search(sentence)
                        and not _UNHEALTHY_RE.search(sentence)
                        and len(sentence) <= MAX_CONDITION
                    ):
                        return sentence.replace("`", "")
    return ""


def condition(article: Article) -> str:
    """The alert's condition in the words of its Meaning ("This alert fires when X for
    10 minutes"), as a verify line: X no longer holds, the alert resolves after its window;
    "" when Meaning does not say when the alert fires."""
    meaning = next((s for s in article.sections if s.key == "meaning"), None)
    if meaning is None:
        return ""
    # as a reader sees it: no quote marks (">Alerts the user ..."), no `<details>` and its
    # "Full context" summary, link text without its address
    sentences = split_sentences(md_plain(meaning.text))
    # "This alert fires when X", else the first sentence with the window X must hold for
    # ("Storage cluster is in error state for more than 10m.")
    said = [(m.group("cond"), st) for st in sentences if (m := _FIRES_RE.search(st))]
    said += [(st, st) for st in sentences[:2] if _WINDOW_RE.search(st)]
    # else Meaning's first sentence, when it states the condition ("Clock skew detected.",
    # "Network interface is reporting many transmit errors.")
    said += [(st, st) for st in sentences[:1] if not _NOT_CONDITION_RE.search(st)]
    for cond, sentence in said:
        if len(sentence) > MAX_CONDITION or cond.endswith(":"):
            continue
        if not_fault_condition(sentence, cond):
            continue  # "only triggers if the feature gate is enabled", "one or more times"
        cond = cond.rstrip(" .").replace("`", "")
        if _LOWER_RE.match(cond):  # "Storage cluster is ..." -> "storage cluster is ..."
            cond = cond[0].lower() + cond[1:]
        # the last window: "10% over the last 5 minutes, persisting for 15 minutes"
        window = next(reversed(list(_WINDOW_RE.finditer(cond))), None)
        text = f"Check that the condition the alert fires on no longer holds: {cond}."
        if window:
            unit = window.group("unit").lower().rstrip("s") or "s"
            unit = _UNITS.get(unit, unit)
            text += (
                f" The alert resolves once that has stopped: allow for its "
                f"{window.group('n')}-{unit} window."
            )
        return list_items_said(text)  # "degraded state: - Not progressing - ...": its items
    return ""


def _renewed_check(node: dict[str, Any], cond: str = "") -> str:
    """The expiry date of the certificate the outcome's steps renew ("" when none does):
    what "Update certificates ..." is checked by, not the alert's condition restated;
    the certificate named as the alert's condition `cond` names it."""
    steps = [str(s["text"]) for s in node.get("steps", []) if "when" not in s]
    return certificate_check([*steps, str(node.get("title", ""))], windows=False, condition=cond)


def rerun_checks(tree: dict[str, Any], article: Article) -> None:
    """Before a runbook outcome's "the alert clears" verify, put the outcome's Diagnosis
    commands to run again (verbatim, with the typed names) and the alert's condition from
    Meaning; an outcome with neither keeps its verify as it was."""
    cond = condition(article)
    outcomes = [
        node
        for node in tree["nodes"]
        if node["kind"] == "outcome"
        and (verify := node.get("verify", []))
        and all(_ALERT_CLEARS_RE.search(str(v["text"])) for v in verify)
    ]
    candidates = [
        [
            s
            for s in node.get("steps", [])
            if _DIAGNOSIS_RE.search(str(s.get("source", {}).get("section", "")))
            and "when" not in s
            and len(str(s["text"])) <= MAX_CHECK_TEXT
            and _command(str(s.get("detail", "")))
        ]
        for node in outcomes
    ]
    # the checks that point to each fix, not the same first two on every fix (runbook34)
    chosen = per_fix(article, [str(n.get("title", "")) for n in outcomes], candidates)
    # the checks that measure what the alert fires on, not a listing, version or log (rbverify40)
    measure_words = condition_words(article, cond)
    chosen = [
        measured(article, cond, node.get("steps", []), c, measure_words)
        for node, c in zip(outcomes, chosen, strict=True)
    ]
    for node, picked in zip(outcomes, chosen, strict=True):
        verify = node["verify"]
        checks = picked[:2]
        added = []
        for step in checks:
            good = healthy(article, str(step["detail"]))
            text = (
                f"Run this Diagnosis check again and compare with what it showed before: "
                f"{step['text']}"
            )
            if good:
                text = f"{text.rstrip(':')}. A healthy result, as the runbook says: {brace(good)}"
            detail = commands_only(str(step["detail"]))
            added.append({"text": text, "detail": detail, "source": step["source"]})
        renewed = "" if checks else _renewed_check(node, cond)
        if renewed:  # "the certificate expires soon" no longer holds: its new expiry date
            added.append({"text": brace(renewed), "source": verify[0]["source"]})
        if cond and not (renewed and re.search(r"\bexpir", cond, re.I)):
            named = re.match(r"^Check that the (\S+) alert clears", str(verify[0]["text"]))
            said = threshold_check(cond, named.group(1) if named else "") or cond
            added.append({"text": brace(said), "source": verify[0]["source"]})
        node["verify"] = [*added, *verify]
