"""A step for when the one before did not help gets its checkpoint (round 34, tried35).

"If nothing found, verify the ODF operator state" / "If the ODF operator does not present
any problem, see general diagnosis document" / "If no issues found, gather_logs ..." (a
runbook's escalation, CephOSDVersionMismatch), "If the problem persists, restart the
computer" (an MS KB step): each is to be done only when what came before did not fix or
find it. The draft ticked the condition with its action, and glued the later ones under
the first as notes, so the admin ran every one (seed-94 readers). Here each becomes a
checkpoint, "If nothing found, go on with the next step; otherwise stop here.", then its
action as a tick of its own.

Only conditions about how the steps before went are taken (the problem persists, it did
not help, nothing was found, no problem shown): "If you use NTFS, ..." is a case the
walk asks, never a checkpoint. An escalation to a support case ("If you cannot resolve
the issue, open a support case") is the runbook's exit and stays as it is.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail

#: How the steps before went, said as a condition: the problem persists or was not
#: resolved, the step did not help, nothing (no issue) was found, a check shows no problem.
#: Bounded runs, no nested repeats over one class: linear on any input.
_FALLBACK_COND = (
    r"(?:(?:the|this|that|your)\s{1,3})?(?:issue|problem|alert|error|symptom|behaviou?r|"
    r"condition|failure)s?\s{1,3}(?:still\s{1,3}(?:occurs?|exists?|persists?|appears?)|"
    r"persists?|continues?(?:\s{1,3}to\s{1,3}occur)?|recurs?|remains?|"
    r"(?:is|are)\s{1,3}(?:still\s{1,3})?not\s{1,3}(?:resolved|fixed|cleared|solved)|"
    r"(?:does|do)(?:\s{1,3}not|n't)\s{1,3}(?:resolve|clear|go\s{1,3}away)(?:\s{1,3}(?:itself|themselves))?)"
    r"|(?:this|that|it|these\s{1,3}steps|the\s{1,3}above(?:\s{1,3}steps?)?|doing\s{1,3}so|"
    r"the\s{1,3}(?:first|previous)\s{1,3}(?:step|steps|method|procedure|solution))\s{1,3}"
    r"(?:does|do|did)\s{0,3}(?:not|n't)\s{1,3}(?:help|work|resolve|fix|solve|correct)"
    r"|nothing\s{1,3}(?:is\s{1,3}|was\s{1,3})?found|no\s{1,3}(?:issues?|problems?|errors?)"
    r"\s{1,3}(?:(?:is|are|was|were)\s{1,3})?found"
    r"|(?:the|this)\s{1,3}[\w .-]{1,60}?\s{1,3}(?:does|do)\s{1,3}not\s{1,3}(?:show|present|"
    r"report|reveal)\s{1,3}any\s{1,3}(?:problems?|issues?|errors?)"
)
#: "If nothing found, verify X": the condition, then the action after its comma.
_FALLBACK_RE = re.compile(
    rf"^if\s{{1,3}}(?P<cond>(?:{_FALLBACK_COND})[^,:;.]{{0,80}}),\s{{0,3}}(?P<rest>\S.{{2,}})$",
    re.IGNORECASE | re.DOTALL,
)
#: "or, if you have changed the default storage class, you must delete ...": a second
#: condition, either of which calls for the action after it.
_OR_IF_RE = re.compile(
    r"^or,?\s{1,3}if\s{1,3}(?P<cond>[^,;:.]{3,120}),\s{0,3}(?P<rest>\S.*)$", re.I | re.DOTALL
)
#: "you must delete", "you should run": the action said to the reader.
_YOU_MUST_RE = re.compile(
    r"^(?:then\s{1,3})?(?:please\s{1,3}|you\s{1,3}(?:must|should|need\s{1,3}to|can)\s{1,3})",
    re.IGNORECASE,
)
#: "further disable DNS negative cache", "also restart X": an adverb before the action, which
#: the imperative test then reads.
_ADVERB_RE = re.compile(r"^(?:then|further|also|additionally),?\s{1,3}(?=[a-z])", re.IGNORECASE)
#: "proceed to the steps below", "continue with the next section": only where to go on.
_ON_RE = re.compile(
    r"^(?:proceed|continue|go|move\s{1,3}on|skip)\b[^.]{0,40}?\b(?:below|next|following)\b"
    r"[^.]{0,30}\.?$",
    re.IGNORECASE,
)
#: Verbs the imperative test leaves out that open an escalation step ("see the general
#: diagnosis document", "try using HIMEM.SYS").
_ALSO_VERBS = frozenset({"see", "try", "refer", "consult", "collect", "check", "call"})
#: "If you cannot resolve the issue, ..." and "contact support": the exit, left as it is.
_EXIT_RE = re.compile(r"\b(?:open|file|raise)\s{1,3}a\s{1,3}support\s{1,3}case\b", re.IGNORECASE)


def fallback(text: str) -> tuple[str, str] | None:
    """(condition, action) of a step only for when the steps before did not help ("If
    nothing found, verify the ODF operator state"), or None."""
    flat = " ".join(text.split())
    found = _FALLBACK_RE.match(flat[:1500])
    if found is None or _EXIT_RE.search(flat):
        return None
    cond, rest = found.group("cond").strip(), found.group("rest").strip()
    more = _OR_IF_RE.match(rest)
    if more is not None:  # "..., or, if you have changed X, you must delete Y": either
        cond, rest = f"{cond} (or if {more.group('cond').strip()})", more.group("rest")
    rest = _YOU_MUST_RE.sub("", rest, count=1)
    rest = _ADVERB_RE.sub("", rest, count=1)
    if _ON_RE.match(rest):
        return cond, ""  # "..., proceed to the steps below": the checkpoint is all it says
    if not rest[:1].isalpha() or re.match(r"(?:or|and)\b", rest, re.IGNORECASE):
        return None
    word = rest.split(" ", 1)[0].casefold().rstrip(",.:")
    if word not in _ALSO_VERBS and "_" not in word:
        from kbassist.drafting.name_lists import imperative

        if not imperative(rest):
            return None  # "If the log does not show any errors, the service started": no step
    if rest[0].islower() and "_" not in rest.split(" ", 1)[0]:
        rest = rest[0].upper() + rest[1:]  # "verify X" -> "Verify X"; "gather_logs" stays
    return cond, rest


#: "If this does not work": about the step before (a command that failed), not the problem:
#: when it worked, the next step is skipped, not the whole checklist.
_STEP_FAILED_RE = re.compile(r"\b(?:does|do|did)\s{0,3}(?:not|n't)\s{1,3}(?:work|help)\b", re.I)


#: "issue doesn't resolve": a condition the article says without its article.
_BARE_NOUN_RE = re.compile(r"^(?:issue|problem|error|alert|symptom)\s", re.IGNORECASE)


def checkpoint(cond: str) -> str:
    """The tick that asks how the steps before went."""
    if _BARE_NOUN_RE.match(cond):
        cond = f"the {cond[0].lower()}{cond[1:]}"  # "If the issue doesn't resolve, ..."
    if _STEP_FAILED_RE.search(cond):
        return f"If {cond}, go on with the next step; otherwise skip it."
    return f"If {cond}, go on with the next step; otherwise stop here."


def _beside(step: dict[str, Any], text: str, detail: str) -> dict[str, Any]:
    """A new step with `step`'s source and case."""
    out: dict[str, Any] = {"text": text}
    if detail:
        out["detail"] = detail
    for key, value in step.items():
        if key not in ("text", "detail"):
            out[key] = value
    return out


def _prose_fallback(para: str) -> tuple[str, str] | None:
    """A note's paragraph that is a fallback ("If the issue persists after taking the above
    actions, please contact Red Hat support."), read whole; never a code block's line."""
    if not para.strip()[:3].casefold().startswith("if ") or re.search(r"\n[ \t]", para):
        return None
    return fallback(" ".join(para.split()))


def _split(step: dict[str, Any], first: bool = False) -> list[dict[str, Any]] | None:
    """The steps a fallback step becomes (its checkpoint, its action, and the fallbacks its
    note chains after it, each with its checkpoint), or a step whose note ends in such
    fallbacks split there; None when it has none. The `first` step has no step before it to
    have failed: only its note is read."""
    text = step.get("text")
    if not isinstance(text, str):
        return None
    said = None if first else fallback(text)
    detail = str(step.get("detail") or "")
    paras = detail.split("\n\n") if detail else []
    own: list[str] = []
    later: list[tuple[str, str, list[str]]] = []
    for para in paras:
        more = _prose_fallback(para)
        if more is not None and not more[1] and said is None:
            more = None  # a note's "..., proceed to the next method": `method_chain`'s
        if more is not None and said is None and "when" in step:
            more = None  # a case's step: its note's other way is the other answer's step
        if more is not None:
            later.append((*more, []))
        elif later:
            later[-1][2].append(para)
        else:
            own.append(para)
    if said is None and not later:
        return None
    if said is None:
        head = dict(step)
        if own:
            head["detail"] = "\n\n".join(own)
        else:
            head.pop("detail", None)
        out = [head]
    else:
        cond, action = said
        out = [_beside(step, checkpoint(cond), "")]
        if action:
            out.append(_beside(step, action, "\n\n".join(own)))
        elif own:
            out[0]["detail"] = "\n\n".join(own)
    for cond_n, action_n, notes in later:
        out.append(_beside(step, checkpoint(cond_n), "" if action_n else "\n\n".join(notes)))
        if action_n:
            out.append(_beside(step, action_n, "\n\n".join(notes)))
    return out


#: "To make more extended memory available, try the following:", "try one or more of the
#: following suggestions:": a list of things to try, one at a time.
_TRY_LEAD_RE = re.compile(
    r"\btry\s{1,3}(?:one\s{1,3}or\s{1,3}more\s{1,3}of\s{1,3})?the\s{1,3}following"
    r"(?:\s{1,3}(?:suggestions|steps|methods|things|solutions))?:$",
    re.IGNORECASE,
)
#: A bullet line of a note: "- Make sure ...", "* Reduce ...".
_BULLET_RE = re.compile(r"^[-*\u2022]\s{1,4}(?P<text>\S.*)$")


def _tried_list(step: dict[str, Any]) -> list[dict[str, Any]] | None:
    """A step whose note ends in "try the following:" and its bullets, split: the step
    with the note up to the lead, then each bullet a tick, a checkpoint between two
    ("If the problem persists, go on ..."); None when the note has no such list last."""
    detail = str(step.get("detail") or "")
    if "following:" not in detail:
        return None  # cheap guard
    lines = detail.split("\n")
    at = next((n for n, ln in enumerate(lines) if _TRY_LEAD_RE.search(ln.strip())), None)
    if at is None:
        return None
    bullets: list[str] = []
    for line in lines[at + 1 :]:
        if not line.strip():
            continue
        found = _BULLET_RE.match(line.strip())
        if found is not None and not line.startswith(" "):
            bullets.append(found.group("text"))
        elif bullets and line.startswith(" "):
            bullets[-1] = f"{bullets[-1]} {line.strip()}"  # the bullet's next line
        else:
            return None  # more text after the list: the list is not the note's end
    if not 2 <= len(bullets) <= 8:
        return None
    head = dict(step)
    head["detail"] = "\n".join(lines[: at + 1]).strip("\n")
    out = [head]
    for n, bullet in enumerate(bullets):
        if n:
            out.append(_beside(step, checkpoint("the problem persists"), ""))
        out.append(_beside(step, bullet, ""))
    return out


def fallback_steps(tree: dict[str, Any]) -> None:
    """Every outcome's "If nothing found, do Y" steps split into a checkpoint and Y."""
    for node in tree.get("nodes", []):
        if not isinstance(node, dict) or node.get("kind") != "outcome":
            continue
        if node.get("id") == "not_this_article":
            continue
        steps = node.get("steps")
        if not isinstance(steps, list) or not steps:
            continue
        out: list[Any] = []
        for n, step in enumerate(steps):
            split = _split(step, first=not n) if isinstance(step, dict) else None
            if split is None and isinstance(step, dict):
                split = _tried_list(step)  # "try the following: - A - B": one at a time
            out.extend(split or [step])
        node["steps"] = out


def _fallback_option(option: Option) -> bool:
    """Whether a fix is offered only for when the one before did not help: its label or
    first step is that condition ("The issue does not resolve itself")."""
    if not option.items or option.kind not in ("option", "workaround") or option.chain:
        return False
    first = split_detail(option.items[0])[0]
    found = _FALLBACK_RE.match(" ".join(first.split())[:1500])
    return found is not None and not _EXIT_RE.search(first)


#: "3. If the issue persists:" over bullets: the condition as a numbered item's header.
_HEADED_RE = re.compile(
    rf"^if\s{{1,3}}(?P<cond>(?:{_FALLBACK_COND})[^,:;.]{{0,80}}):\s{{0,3}}(?P<rest>\S.{{2,}})$",
    re.IGNORECASE | re.DOTALL,
)


def _headed_fallback(option: Option) -> None:
    """A numbered "If the issue persists:" item's first step ("If the issue persists: Check
    X") said as the fallback step "If the issue persists, check X" `fallback_steps` splits."""
    if not option.items or option.kind not in ("option", "workaround") or option.chain:
        return
    first, detail = split_detail(option.items[0])
    found = _HEADED_RE.match(" ".join(first.split())[:1500])
    if found is None or _EXIT_RE.search(first):
        return
    rest = found.group("rest")
    if rest[:1].isupper() and rest[1:2].islower():
        rest = rest[0].lower() + rest[1:]
    said = f"If {found.group('cond').strip()}, {rest}"
    option.items = [f"{said}\n\n{detail}" if detail else said, *option.items[1:]]


def _case_run(out: list[Option], option: Option) -> list[Option]:
    """The findings right before `option` in its section ("1. For physical interface
    issues:", "2. For software or configuration issues:"), two or more, each a plain fix:
    a fallback after them is for when either case's fix did not help."""
    run: list[Option] = []
    for before in reversed(out):
        if before.section is not option.section or not before.condition:
            break
        run.append(before)
    if len(run) < 2 or any(
        b.kind not in ("option", "workaround") or b.case or b.asks or b.when or not b.items
        for b in run
    ):
        return []
    return run[::-1]


def fallback_follows(options: list[Option]) -> list[Option]:
    """`options` with a runbook's numbered mitigation "If the issue does not resolve
    itself, ... delete the boot sources" after "Set a default storage class" no finding to
    choose beside it (seed-94 readers, CDIDataImportCronOutdated): it goes on the fix
    before it, after a checkpoint ("If the issue does not resolve itself, go on with the
    next step; otherwise stop here."). A chain question would sit between the Diagnosis
    checks and the fix they feed, so the checkpoint is a step."""
    out: list[Option] = []
    for option in options:
        before = out[-1] if out else None
        if option.condition and not option.when and not option.asks:
            headed = option.items[:1]
            _headed_fallback(option)
            run = _case_run(out, option) if option.items[:1] != headed else []
            if run:
                # "3. If the issue persists:" after "1. For X issues:" and "2. For Y
                # issues:": the fallback after either case's fix, no finding of its own
                for case in run:
                    case.items = [*case.items, *option.items]
                continue
            option.items = headed + option.items[1:]
        if (
            before is None
            or option.section is not before.section
            or not _fallback_option(option)
            or before.kind not in ("option", "workaround")
            or before.case
            or before.asks
            or before.when
            or option.when
            or option.asks
            or not before.items
        ):
            out.append(option)
            continue
        # its "If the issue does not resolve itself, ..." step gets its checkpoint once the
        # steps are ticks (`fallback_steps`): passes over the steps would cut it up
        before.items = [*before.items, *option.items]
        before.checks = before.checks or option.checks
        before.label = unordered(before.label)  # "First, disable X": now the whole fix's name
    return out


#: "First, ", "Firstly, ", "As a first step, ": the order a fix's first step has in a
#: sequence the walk now says with its checkpoint or chain question.
_FIRST_RE = re.compile(
    r"^(?:first(?:ly)?|as\s{1,3}a\s{1,3}first\s{1,3}step),\s{1,3}(?=[a-z])", re.I
)


def unordered(label: str) -> str:
    """A fix's name without the "First, " its first step opens on ("First, disable Domain
    Discovery negative cache ..." -> "Disable Domain Discovery negative cache ...")."""
    found = _FIRST_RE.match(label)
    if found is None:
        return label
    rest = label[found.end() :]
    return rest[0].upper() + rest[1:]
