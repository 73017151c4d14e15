"""A runbook's Diagnosis read-out looked at again as the verify, not the condition restated.

Readers mark a runbook verify of only "the condition the alert fires on no longer holds:
<Meaning sentence>" and "the alert clears" as the symptom restated when the Diagnosis says
where the quantity the alert fires on is read: "go to Storage-PersistentVolumeClaims: a
list ... with space used and available", "The command "ceph health" provides ... capacity",
"Check existing versions via kubectl get nodes and see VERSION column". `rerun_checks`
re-runs only Diagnosis steps that carry a command block; this pass takes the steps that
name their read-out in prose, puts them first in the verify with what they should now
show (the condition gone), and drops the restated condition line they replace.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.modern import md_plain
from kbassist.drafting.runbook_verify import commands_only
from kbassist.drafting.text import brace, split_sentences

_DIAGNOSIS_RE = re.compile(r"\bdiagnos", re.IGNORECASE)
#: The drafter's own lines: the alert clearing, and the Meaning condition restated.
_ALERT_CLEARS_RE = re.compile(r"^Check that the \S+ alert clears: it no longer shows as firing")
_CONDITION_RE = re.compile(r"^Check that the condition the alert fires on no longer holds: (.+)$")
#: Where the quantity is read: a console page ("go to Storage-PersistentVolumeClaims",
#: "navigate to Observe > Metrics", "in the web console under Observe -> Metrics"), or a
#: command named in the sentence ("The command "ceph health"", "via kubectl get nodes",
#: "`kubectl -n $NAMESPACE describe deployment $NAME`", "`oc get csv`").
_READ_AT_RE = re.compile(
    r"\b(?:go to|navigate to|browse to|open|console under)\s+(?:the\s+)?"
    r"[A-Z][\w ]*(?:\s?(?:-|->|>|→|/)\s?[A-Z][\w ]*)+"
    r"|\bclick on (?:the )?[\w ]+(?:->|→|>)[\w ]+"
    r"|[\"“`](?:ceph|oc|kubectl|virtctl|etcdctl|rados|rbd|curl|df|du)\s[^\"”`]+[\"”`]"
    r"|\b(?:via|with|using|run)\s+`?(?:ceph|oc|kubectl|virtctl|etcdctl)\s+"
    r"(?:-{1,2}[\w-]+(?:[ =][$\w.-]+)?\s+){0,3}[a-z][\w-]*"  # "kubectl -n $NS describe"
)
#: ... and what is read there is the quantity an alert fires on, not logs to search.
_QUANTITY_RE = re.compile(
    r"\b(?:usage|used|capacity|space|available|health|healthy|status|version|VERSION|"
    r"replicas|utili[sz]ation|full|free)\b"
)
#: A step that changes something or searches for a cause: no read-out to compare.
_NOT_READ_RE = re.compile(
    r"\b(?:logs?|investigate|delete|edit|patch|scale|restart|why|cause)\b", re.IGNORECASE
)
#: The longest step taken into the verify: a longer one is a story, not a read-out.
MAX_TEXT = 400


def _read_out(step: dict[str, Any]) -> bool:
    """A Diagnosis step that says where the alert's quantity is read (a console page or a
    named command) and changes nothing."""
    text = f"{step.get('text', '')} {step.get('detail', '')}"
    return (
        "when" not in step
        and len(text) <= MAX_TEXT
        and _READ_AT_RE.search(text) is not None
        and _QUANTITY_RE.search(text) is not None
        and _NOT_READ_RE.search(text) is None
    )


_FENCE_RE = re.compile(r"^[ \t]*```[^\n]*\n(?P<code>.*?)^[ \t]*```[ \t]*$", re.M | re.S)
#: A command that changes the system or opens a shell: a fix or a session, not a read-out.
_CHANGES_RE = re.compile(
    r"\b(?:delete|edit|patch|apply|create|scale|drain|cordon|label|annotate|replace|restart|"
    r"rollout|kill|rm|set|debug|rsh|exec|ssh|cp|mv|reboot|systemctl|logs?)\b"
)
#: A lead that offers a metrics query: "Query in metrics UI:", "the following query", PromQL.
_QUERY_LEAD_RE = re.compile(r"\b(?:query|PromQL|metrics? UI|metric can be watched)\b", re.I)
#: A PromQL expression: a metric name alone, or a function or selector opening.
_PROMQL_RE = re.compile(r"^\s*[a-z_:][\w:]*\s*(?:[({\[]|$)")
#: A command line: a lower-case tool and an argument, optionally after a prompt.
_COMMAND_LINE_RE = re.compile(r"^\s*(?:[\w.@-]*[$#]\s*)?[a-z][\w.-]*\s+\S")


#: The longest lead taken over a read-out block.
MAX_LEAD = 300


def _lead_tail(lead: str) -> str:
    """The lead's last sentences that fit MAX_LEAD ("... should be less than 10ms. Query
    in metrics UI:" after what the metric reports); "" when even the last is longer."""
    if len(lead) <= MAX_LEAD:
        return lead
    kept: list[str] = []
    for sentence in reversed(split_sentences(lead)):
        if len(" ".join([sentence, *kept])) > MAX_LEAD:
            break
        kept.insert(0, sentence)
    return " ".join(kept)


#: Where one Markdown list item or paragraph ends and the next begins.
_ITEM_SPLIT_RE = re.compile(r"\n(?:[ \t]*\n)*[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+|\n[ \t]*\n")
#: A run of blank lines, made one before `_ITEM_SPLIT_RE` splits: its blank-line loop
#: rescans the whole run from each newline of it (quadratic on a long run).
_BLANK_RUN_RE = re.compile(r"\n(?:[ \t]*\n)+")


def _section_read(article: Any) -> dict[str, Any] | None:
    """The Diagnosis section's own read-out when no outcome step carries it: its first
    code block of checks that change nothing (with the sentence that leads it), else its
    first sentence that names where the alert's quantity is read; None when it has neither."""
    section = next((s for s in article.sections if _DIAGNOSIS_RE.search(s.key)), None)
    if section is None:
        return None
    source = {"article": article.id, "section": section.name}
    for fence in _FENCE_RE.finditer(section.text):
        lines = [ln for ln in fence.group("code").splitlines() if ln.strip()]
        if not lines or len(lines) > 4:
            continue  # a listing
        lead = _lead_tail(md_plain(section.text[: fence.start()].rstrip().rsplit("\n\n", 1)[-1]))
        if not lead or _NOT_READ_RE.search(lead):
            continue
        # "Query in metrics UI:" and its expression read the quantity itself (not "an
        # example query for" some other volume); else a status command that changes nothing
        query = _QUERY_LEAD_RE.search(lead) and _PROMQL_RE.match(lines[0])
        if query and re.search(r"\bex[ae]mple\b", lead, re.I):
            continue
        if "<" in fence.group("code") and not query:
            continue  # a command with a name to type (a query's label values are read off)
        commands = all(_COMMAND_LINE_RE.match(ln) and " = " not in ln for ln in lines)
        if not query and not (commands and _QUANTITY_RE.search(lead)):
            continue
        if not query and any(_CHANGES_RE.search(ln) for ln in lines):
            continue  # (a query changes nothing: its "label" is a label name)
        return {
            "text": brace(lead.rstrip(" :.") + ":"),
            "detail": brace(commands_only("\n".join(lines))),
            "code": True,  # shown under the line, verbatim
            "source": source,
        }
    # each list item on its own: "- Check out rollout history ... - Check deployment
    # status via `kubectl ...`" is no one sentence
    chunks = _ITEM_SPLIT_RE.split(_BLANK_RUN_RE.sub("\n\n", f"\n{section.text}"))
    for sentence in (s for c in chunks for s in split_sentences(md_plain(c))):
        if _read_out({"text": sentence}):
            return {"text": brace(sentence.rstrip(" .")), "source": source}
    return None


def _up_to_read(text: str) -> str:
    """The step's sentences up to the last that says where or what is read: not the
    advice after it ("If this is the case take the steps ...")."""
    sentences = split_sentences(text)
    last = max(
        (i for i, st in enumerate(sentences) if _READ_AT_RE.search(st) or _QUANTITY_RE.search(st)),
        default=len(sentences) - 1,
    )
    return " ".join(sentences[: last + 1]) if sentences else text


def reread_checks(tree: dict[str, Any], article: Any = None) -> None:
    """For a runbook outcome whose verify holds only the drafter's condition and "alert
    clears" lines, look again where its Diagnosis read the quantity; the condition becomes
    what that read-out should no longer show."""
    for node in tree["nodes"]:
        if node["kind"] != "outcome":
            continue
        verify = node.get("verify", [])
        conds = [v for v in verify if _CONDITION_RE.match(str(v["text"]))]
        if not verify or not all(
            _ALERT_CLEARS_RE.match(str(v["text"])) or v in conds for v in verify
        ):
            continue
        reads = [
            s
            for s in node.get("steps", [])
            if _DIAGNOSIS_RE.search(str(s.get("source", {}).get("section", ""))) and _read_out(s)
        ][:2]
        if not reads and article is not None:
            own = _section_read(article)
            reads = [own] if own else []
        if not reads:
            continue
        cond = _CONDITION_RE.match(str(conds[0]["text"])) if conds else None
        gone = cond.group(1).split(". The alert resolves", 1)[0].rstrip(" .") if cond else ""
        if gone[:1].isupper() and gone[1:2].islower():
            gone = gone[0].lower() + gone[1:]  # "... show that different versions", not "Different"
        added = []
        for n, step in enumerate(reads):
            parts = [_up_to_read(str(step["text"])).rstrip(" .:")]
            if step.get("detail") and not step.get("code"):
                parts.append(" ".join(str(step["detail"]).split()).rstrip(" .:"))
            text = f"Look again where the Diagnosis read it: {'. '.join(parts)}."
            if gone and n == len(reads) - 1:
                text += f" It should no longer show that {gone}."
            item = {"text": text, "source": step["source"]}  # already templates
            if step.get("code"):
                item["detail"] = step["detail"]
            added.append(item)
        node["verify"] = [*added, *(v for v in verify if v not in conds)]


#: A bare "#### Verification" / "## Verify" / "### Validation" heading: the steps under it
#: check the fix above it ("verify the changes"); a heading that names what to verify
#: ("Verify ClusterLogForwarder Configuration") may be a diagnosis step instead.
_VERIFICATION_HEADING_RE = re.compile(
    r"^(?P<hashes>#{2,6})[ \t]*(?:Verification|Verify|Validation|Validate|Verifying the fix)"
    r"[ \t]*:?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
_HEADING_RE = re.compile(r"^(?P<hashes>#{1,6})[ \t]+\S", re.MULTILINE)
_WORD_RE = re.compile(r"[a-z0-9]+")
#: The leading characters of a step that must be found in the block to place it there.
_KEY_CHARS = 30


def _norm(text: str) -> str:
    """Letters and digits only: a step's text as the block writes it, Markdown aside."""
    return "".join(_WORD_RE.findall(text.lower()))


def _verification_blocks(article: Any) -> list[str]:
    """The text under each bare Verification heading, up to the next heading as high."""
    blocks = []
    for section in article.sections:
        text = section.text
        if "erif" not in text and "alidat" not in text:  # cheap guard before the regex
            continue
        for m in _VERIFICATION_HEADING_RE.finditer(text):
            level = len(m.group("hashes"))
            end = next(
                (
                    h.start()
                    for h in _HEADING_RE.finditer(text, m.end())
                    if len(h.group("hashes")) <= level
                ),
                len(text),
            )
            blocks.append(_norm(text[m.end() : end]))
    return blocks


def verification_steps(tree: dict[str, Any], article: Any) -> None:
    """The steps a runbook puts under its own "Verification" heading after the fix are the
    outcome's verify (commands verbatim), not more ticks of the fix; the Meaning condition
    restated is dropped once they check the fix."""
    blocks = _verification_blocks(article)
    if not blocks:
        return
    for node in tree["nodes"]:
        if node["kind"] != "outcome":
            continue
        steps = node.get("steps", [])

        def under(step: dict[str, Any]) -> bool:
            key = _norm(str(step.get("text", "")))[:_KEY_CHARS]
            return len(key) >= 12 and "when" not in step and any(key in b for b in blocks)

        first = next((i for i, s in enumerate(steps) if under(s)), None)
        if not first or not all(under(s) for s in steps[first:]):
            continue  # no fix step left before it, or the block is not the outcome's end
        moved = steps[first:]
        del steps[first:]
        kept = [v for v in node.get("verify", []) if not _CONDITION_RE.match(str(v["text"]))]
        alert = [v for v in kept if _ALERT_CLEARS_RE.match(str(v["text"]))]
        # the fix's own "Verify that the CR is created" first, the alert clearing last
        node["verify"] = [*(v for v in kept if v not in alert), *moved, *alert]
