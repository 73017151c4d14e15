"""A runbook's Diagnosis checks ticked, and verifies that claim only what the fix does.

Readers (seeds 76 and 78) marked drafted alert runbooks whose Diagnosis was only an info
step ("Run the Diagnosis checks": a wall of text, nothing to tick, the command's output
never recorded), and outcomes whose verify waited for "the alert clears" after steps
that cannot clear it: cordoning and draining a node moves the workloads off it (the
cause is fixed elsewhere), and "There are no cheap options to mitigate this risk ..." is
advice, not a fix. Two passes, run last on an alert runbook's tree:

- `diagnosis_ticked`: the Diagnosis checks an info step shows become the first ticks of
  the outcome they lead to, in their order, each command verbatim in its detail. An info
  step just before one outcome is replaced by those ticks; one before the fixes question
  stays (what it shows decides the answer) and every outcome after it ticks them too.
- `honest_verifies`: an outcome whose only fix steps cordon or drain the node verifies
  what they achieve (the node unschedulable, its pods elsewhere) and says the alert keeps
  firing; a single fix that is only advice is titled as no documented fix.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.articles import Article
from kbassist.drafting.run_order import _reaches
from kbassist.drafting.runbook_checks_only import NO_FIX_LABEL
from kbassist.drafting.runbook_fix_checks import words
from kbassist.drafting.runbook_node_steps import _point_at

#: Where a numbered check starts in an info step's text (run_order._shown).
_ITEM_RE = re.compile(r"\n\n(?=\d{1,3}\. )")
#: A name the walk types in (`{pod_name}`), not a listing's own escaped braces
#: (`jsonpath='{{.spec.nodeName}}'`, taken out before this is searched).
_TYPED_RE = re.compile(r"\{\w{1,60}\}")
#: What the info step says once the checklist ticks its checks again.
AGAIN = " (the checklist lists these checks again, to tick)"
#: The drafter's verify lines that wait for the alert to stop firing (runbook_verify,
#: runbook_threshold, modern.alert_check) and the Diagnosis re-run that expects a change.
_EXPECTS_CLEAR_RE = re.compile(
    r"^(?:Check that the \S{1,200} alert clears\b"
    r"|Check that the condition the alert fires on no longer holds\b"
    r"|Check that the value the \S{1,200} alert measures is back under\b"
    r"|Run this Diagnosis check again and compare\b)"
)
#: A step that only takes a node out of scheduling: "Cordon the node {node}.",
#: "Drain the node {node} to migrate apps from it.", "Cordon and drain node ...".
_NODE_MOVE_RE = re.compile(r"^(?:cordon|drain|evacuate)\b", re.IGNORECASE)
_DRAIN_RE = re.compile(r"\b(?:drain|evacuate)", re.IGNORECASE)
#: "the node {node}": the node a cordon step names, as the walk typed it.
_NODE_REF_RE = re.compile(r"\bthe node \{\w{1,60}\}")
#: A Mitigation that advises and does nothing: "There are no cheap options to mitigate
#: this risk.", "Verifying any new changes in preprod ... should improve stability.",
#: "Continue with standard capacity planning procedures."
_ADVICE_RE = re.compile(
    r"^there (?:is|are) no (?:cheap |easy |simple |quick )?(?:options?|ways?|fix|mitigation)\b"
    r"|^continue with (?:the )?(?:standard|usual|normal|regular)\b"
    r"|^\w{1,20}ing\b[^.]{0,200}\bshould (?:improve|help|increase|reduce)\b",
    re.IGNORECASE,
)


#: A step that only gathers what an escalation needs: "Gather the following logs, which
#: will be helpful for identifying the issue.", "Collect a must-gather", "Capture the
#: output of ...".
_GATHER_RE = re.compile(
    r"^(?:gather|collect|capture|save|run (?:an? |the )?(?:must-gather|sosreport))\b"
    r"[^.]{0,160}\b(?:logs?|must-gather|sosreport|output|dumps?|diagnostics?)\b",
    re.IGNORECASE,
)
#: The verify of an outcome that only gathers logs: they are kept, the alert still fires.
GATHERED = (
    "Check that each command's output is saved where the escalation can attach it: "
    "gathering logs does not clear the alert (it keeps firing until the cause is fixed)."
)


#: A check's text that states rather than asks to do: "The MCD will then mark the node
#: degraded.", "Note: ...".
_STATEMENT_RE = re.compile(
    r"^(?:the|this|these|those|that|it|its|a|an|each|there|one|some|such|most|many|all|every|"
    r"when|once|after|typically|usually|normally|if|in case|with|based on|depending|from)\b"
    r"|^[\w.-]{1,40}: ",  # "Note: ...", "Root cause: ...", "status: ... indicates"
    re.IGNORECASE,
)

#: "If pods are in CrashLoopBackOff, check the pod logs:", "If needed, check the
#: DaemonSet": a check run in a case, still a check to tick (not a statement).
_CONDITIONAL_CHECK_RE = re.compile(
    r"^(?:if|when)\b[^,.:]{1,200},\s{1,5}(?:then\s)?(?:check|inspect|look|run|review|verify|"
    r"examine|describe|get|list|view|query|confirm)\b",
    re.IGNORECASE,
)


def _diagnosis_names(article: Article) -> set[str]:
    return {s.name for s in article.sections if s.role == "diagnosis"}


def _checks(info: dict[str, Any]) -> list[dict[str, Any]]:
    """The numbered checks an info step shows, as steps: text, then the command. A
    statement among them ("The label pod indicates the pod ...") is the note of the
    check before it; one before any check, or with a listing of its own (a case: "The
    PVC is fine but the resize has not happened: <commands>"), leaves the step as it is."""
    _lead, *items = _ITEM_RE.split(str(info.get("text", "")))
    out: list[dict[str, Any]] = []
    for item in items:
        body = item.split(". ", 1)[1]
        text, _, detail = body.partition("\n\n")
        text, detail = text.strip(), detail.strip()
        if not text or "(continued)" in text:
            return []  # a listing split over items: not one check each
        if _STATEMENT_RE.match(text) and not _CONDITIONAL_CHECK_RE.match(text):
            if not out or detail:
                return []  # a case of its own with its listing ("The PV is fine: ..."): shown
            out[-1]["detail"] = "\n\n".join(p for p in (out[-1].get("detail", ""), text) if p)
            continue
        step: dict[str, Any] = {"text": text, "source": info["source"]}
        if detail:
            step["detail"] = detail
        out.append(step)
    return out


def _ticks_first(outcome: dict[str, Any], checks: list[dict[str, Any]]) -> bool:
    """Put `checks` first in the outcome's checklist unless it already ticks them."""
    steps = outcome.setdefault("steps", [])
    texts = {str(s.get("text")) for s in steps}
    fresh = [dict(c) for c in checks if c["text"] not in texts]
    if len(fresh) < len(checks):
        return False
    steps[:0] = fresh
    return True


#: The questions a Diagnosis's output answers: which fix it points to, which case or
#: cause it found. Not a fix's horizon ("Which fix are you making now?"), a way to take
#: or a yes/no case ("Does this apply: X?", "Can you scale up ...?").
_DECIDED_RE = re.compile(
    r"^(?:Which fix do the Diagnosis checks point to\?|What did you find\?"
    r"|Which of these (?:did you find|applies(?: here)?|do you see)\?)$"
)


def _decides(by_id: dict[str, dict[str, Any]], info: dict[str, Any]) -> bool:
    """True when the checks step leads (through names typed and other checks shown) to a
    question whose answers its output tells apart ("Which fix do the Diagnosis checks
    point to?", "What did you find?"): a check that chose the branch is not ticked again
    after it (seed 102); the export lists it under "Checks run on the way"."""
    at = by_id.get(str(info.get("next")))
    seen: set[str] = set()
    while at is not None and at["kind"] in ("input", "info") and at["id"] not in seen:
        seen.add(at["id"])
        at = by_id.get(str(at.get("next")))
    if at is None or at["kind"] != "question":
        return False
    return bool(_DECIDED_RE.match(str(at.get("title", "")))) or _case_checked(at, info)


def _case_checked(question: dict[str, Any], info: dict[str, Any]) -> bool:
    """A yes/no case asked after the checks ("Is a workloads placement policy
    configured?", from the Mitigation's "If a workloads placement policy is configured,
    ...") that one shown check looks at ("Check the spec.workloads stanza ... for a
    workloads placement policy"): its answer is what that check showed (rbdiag41), which
    the question's help then names."""
    if not str(question.get("var", "")).startswith("if_"):
        return False
    asked = words(str(question.get("title", "")))
    if len(asked) < 2:
        return False
    looked = []
    for check in _checks(info):
        seen = words(str(check["text"]))
        if len(asked & seen) >= 2 and len(asked & seen) * 3 >= len(asked) * 2:
            looked.append(str(check["text"]).rstrip(" :."))
    if looked and "help" not in question:
        these = "this Diagnosis check" if len(looked) == 1 else "these Diagnosis checks"
        said = "; ".join(f'"{c}"' for c in looked)
        question["help"] = f"Answer from what {these} showed: {said}."
    return bool(looked)


def diagnosis_ticked(tree: dict[str, Any], article: Article) -> None:
    """The Diagnosis checks shown in info steps ticked as the outcome's first items."""
    names = _diagnosis_names(article)
    nodes: list[dict[str, Any]] = tree["nodes"]
    if not names:
        return
    infos = [
        n
        for n in nodes
        if n["kind"] == "info"
        and n.get("checks")
        and n.get("source", {}).get("section") in names
        and "-check_" not in str(n["id"])  # shows a name before it is asked: stays
    ]
    by_id = {n["id"]: n for n in nodes}
    into: dict[str, int] = {}
    for node in nodes:
        for choice in node.get("choices", []):
            if "next" in choice:
                into[str(choice["next"])] = into.get(str(choice["next"]), 0) + 1
        if "next" in node:
            into[str(node["next"])] = into.get(str(node["next"]), 0) + 1
    covered: set[str] = set()  # outcomes whose own checks step came right before them
    for info in infos:
        target = by_id.get(str(info.get("next")))
        way = [info]
        while target is not None and target["kind"] == "input" and len(way) < 20:
            way.append(target)  # the names typed first
            target = by_id.get(str(target.get("next")))
        if target is None or target["kind"] != "outcome":
            continue
        if any(into.get(str(n["id"]), 0) != 1 for n in [*way[1:], target]):
            continue  # another way in skips the checks (or a name): they stay shown there
            continue
        checks = _checks(info)
        if not checks or not _ticks_first(target, checks):
            continue
        _point_at(nodes, info["id"], str(info["next"]))
        nodes.remove(info)
        covered.add(target["id"])
    for info in [i for i in infos if i in nodes]:
        checks = _checks(info)
        said = "".join(c["text"] + c.get("detail", "") for c in checks)
        if not checks or _TYPED_RE.search(said.replace("{{", "").replace("}}", "")):
            continue  # names typed later: each way shows the checks filled in
        later = [
            o["id"]
            for other in nodes
            if other is not info and other["kind"] == "info" and other.get("checks")
            if other["id"] in {n["id"] for n in _reaches(nodes, str(info["next"]), "info")}
            for o in _reaches(nodes, other["id"])
        ]
        if _decides(by_id, info):
            continue  # what they showed chose the answer: shown once, not ticked again
        outcomes = [
            o
            for o in _reaches(nodes, str(info["next"]))
            if o["id"] != "not_this_article" and o["id"] not in covered and o["id"] not in later
        ]
        ticked = [o for o in outcomes if _ticks_first(o, checks)]
        if ticked and AGAIN not in str(info["text"]):
            lead, sep, rest = str(info["text"]).partition("\n\n")
            info["text"] = f"{lead.rstrip('.')}{AGAIN}.{sep}{rest}"


def _fix_steps(outcome: dict[str, Any], names: set[str]) -> list[str]:
    """The outcome's own steps: not a Diagnosis check, not the escalation."""
    return [
        str(s["text"])
        for s in outcome.get("steps", [])
        if s.get("source", {}).get("section") not in names
        and not str(s["text"]).startswith("Escalate")
    ]


def _node_verifies(outcome: dict[str, Any], steps: list[str]) -> list[dict[str, Any]]:
    """What a cordon and drain achieve, checked on the node the steps name."""
    ref = next((m.group(0) for s in steps if (m := _NODE_REF_RE.search(s))), "the node")
    source = (outcome.get("verify") or outcome["steps"])[0]["source"]
    out = [
        {
            "text": f"Check that {ref} shows SchedulingDisabled in the node list: "
            "no new pods are scheduled on it.",
            "source": source,
        }
    ]
    if any(_DRAIN_RE.search(s) for s in steps):
        out.append(
            {
                "text": f"Check that the pods that ran on {ref} now run on other nodes "
                "(DaemonSet pods stay on it).",
                "source": source,
            }
        )
    out[-1]["detail"] = (
        "The alert keeps firing until the node's own problem is fixed: cordoning and "
        "draining only move the workloads off it."
    )
    return out


def honest_verifies(tree: dict[str, Any], article: Article) -> None:
    """Verifies after cordon/drain say what those achieve; advice alone is no fix."""
    names = _diagnosis_names(article)
    outcomes = [
        n for n in tree["nodes"] if n["kind"] == "outcome" and n["id"] != "not_this_article"
    ]
    for outcome in outcomes:
        steps = _fix_steps(outcome, names)
        if not steps:
            continue
        verify = outcome.get("verify") or []
        if steps and all(_NODE_MOVE_RE.match(s) for s in steps):
            kept = [v for v in verify if not _EXPECTS_CLEAR_RE.match(str(v["text"]))]
            if len(kept) < len(verify) or not verify:
                outcome["verify"] = [*_node_verifies(outcome, steps), *kept]
            continue
        if all(_GATHER_RE.match(s) for s in steps):
            kept = [v for v in verify if not _EXPECTS_CLEAR_RE.match(str(v["text"]))]
            if len(kept) < len(verify):  # gathering logs clears no alert (seed 102)
                source = outcome["steps"][0]["source"]
                outcome["verify"] = [{"text": GATHERED, "source": source}, *kept]
            continue
        if len(outcomes) != 1 or not all(_ADVICE_RE.match(s) for s in steps):
            continue
        advice = " ".join(steps)
        where = next(iter(sorted(names)), "Diagnosis")
        said = next(s for s in outcome["steps"] if str(s["text"]) in steps)
        kept_steps = [s for s in outcome["steps"] if str(s["text"]) not in steps]
        if not any(str(s["text"]).startswith("Escalate") for s in kept_steps):
            kept_steps.append(
                {
                    "text": "Escalate with what the Diagnosis checks show if it is nothing "
                    "you can fix.",
                    "source": said["source"],
                }
            )
        text = (  # the advice is said here, not ticked
            f'The runbook\'s Mitigation gives no fix steps, only advice: "{advice}" Run the '
            f"{where} checks, fix what they show if you can, then escalate with their output."
        )
        ordered = {"id": outcome["id"], "kind": "outcome", "title": NO_FIX_LABEL, "text": text}
        ordered.update((k, v) for k, v in outcome.items() if k not in ordered)
        ordered["steps"] = kept_steps
        outcome.clear()
        outcome.update(ordered)
