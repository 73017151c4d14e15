"""A runbook fix that differs by case asks which case the Diagnosis checks showed.

Readers (seed 52) marked alert runbook walks whose Mitigation said its cases but never
asked them: PrometheusTargetSyncFailure's only fix "If the logs indicate a syntax or other
configuration error, correct ..." was ticked whatever the logs showed; "For in-cluster
clients recreate pods." hung as a detail line under "Update client certificate";
KubeHpaMaxedOut asked one of its three "If using X ..." / "For X ..." cases and ticked the
others. Here the fix's cases are one question asked on the outcome, which the walk shows
after the Diagnosis checks (`runbook_reveal`): "Which of these did the Diagnosis checks
show?" (a yes/no for one case), each case keeping its own steps and "None of these" the
steps for every case, with an escalation when nothing else is left.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from kbassist.articles import Article
from kbassist.drafting.blocks import _imperative
from kbassist.drafting.modern import md_plain
from kbassist.drafting.option_model import Ask, Option
from kbassist.drafting.runbook_checks_only import NO_FIX_LABEL
from kbassist.drafting.text import short_label, split_detail, split_sentences, with_detail

#: "If the logs indicate X, correct Y", "For in-cluster clients, recreate pods", "In case
#: of X, do Y", "When X, do Y": the case, then what to do in it.
_CASE_RE = re.compile(
    r"^(?P<lead>if|when|in case(?: of)?|for)\s+(?P<case>[^,;:]{3,120}),\s*(?:then\s+)?"
    r"(?P<act>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: The same without its comma ("For in-cluster clients recreate pods."): the case ends
#: where an action starts.
_BARE_CASE_RE = re.compile(r"^(?P<lead>if|when|in case(?: of)?|for)\s+(?P<rest>\S.{5,160})$", re.I)
#: "In case of cluster-autoscaler you may need to set up ...": the words before the action.
_BRIDGE_RE = re.compile(
    r"^(?:you|we) (?:may|might|can|could|should|will) (?:also )?(?:need to |want to )?", re.I
)
#: Words a case said without a comma never holds: it ran into a clause of its own.
_NOT_BARE_RE = re.compile(r"\b(?:you|we|it|they|will|can|may|might|should|could|would)\b", re.I)
#: What the Diagnosis checks show ("the logs indicate ...", "the pod cannot connect"), not
#: what the admin knows or wants ("using custom metrics", "for in-cluster clients").
_SHOWN_RE = re.compile(
    r"\b(?:logs?|output|events?|shows?|showed|indicates?|reports?|status|stems? from|"
    r"fail(?:s|ed|ing)?|errors?|returns?|cannot|can't|unable|consistently|pressure|missing|"
    r"not (?:running|ready|scheduled|available))\b",
    re.IGNORECASE,
)
#: Actions runbooks write that the imperative list does not know.
_MORE_VERBS_RE = re.compile(
    r"^(?:correct|fix|fine-tune|tune|adjust|increase|decrease|raise|lower|recreate|rotate|"
    r"renew|reissue|replace|redeploy|roll back|roll forward|scale|bump|cancel|unpause)\b",
    re.IGNORECASE,
)
#: Not a case the checks show: "If needed, ...", "For more information, ...", "For
#: example", "When prompted", "If you cannot resolve ...", "When done".
_NOT_CASE_RE = re.compile(
    r"^(?:needed|necessary|required|possible|applicable|so|not|desired|appropriate|any|"
    r"example|instance|more\b|further|details|this|that|these|those|now|each|every|all|"
    r"the (?:commands?|steps?|following)|prompted|you are (?:prompted|asked)|done|finished|"
    r"complete|the (?:issue|problem|alert) (?:persists|continues|still)|you (?:still )?"
    r"(?:cannot|can't|can not|are (?:unable|not able))|a (?:long|short)|now)\b",
    re.IGNORECASE,
)
#: What only the "None of these" path is told when no other step is left for it.
ESCALATE = (
    "Escalate: the Diagnosis checks showed none of the cases this runbook has a fix for; "
    "open a support case with what they showed."
)
#: The cases' question, and the one for a single case.
TITLE = "Which of these did the Diagnosis checks show?"
_TITLE_MAX = 70  # a longer title is cut (tree.py's short_label)
_NONE = {"value": "none", "label": "None of these"}


def _var(cond: str) -> str:
    found = re.match(r"(if_\d+) ==", cond)
    return found.group(1) if found else ""


def _case(text: str) -> tuple[str, str, bool] | None:
    """(case, action, said without a comma) of a step that opens with its case, else
    None."""
    text = md_plain(text).strip()
    bare = None
    found = _CASE_RE.match(text)
    if found is not None:
        case, act, bare_said = found.group("case").strip(), found.group("act").strip(), False
    elif (bare := _BARE_CASE_RE.match(text)) is not None:
        words = bare.group("rest").split(" ")
        at = next((k for k in range(1, min(len(words), 12)) if _acts(_bridged(words[k:]))), 0)
        if not at or _NOT_BARE_RE.search(" ".join(words[:at])):
            return None  # "When the MCD first logs the error it will log ...": no case
        case, act, bare_said = " ".join(words[:at]).rstrip(":"), _bridged(words[at:]), True
    else:
        return None
    if _NOT_CASE_RE.match(case) or not _acts(act):
        return None  # "For most clusters this is enough": a statement, not a case's step
    opened = found or bare
    lead = opened.group("lead") if opened is not None else ""
    if lead.casefold() in ("for", "in case of"):
        case = f"{lead.casefold()} {case}"  # "Does this apply: for in-cluster clients?"
    return case, act[0].upper() + act[1:], bare_said


def _bridged(words: list[str]) -> str:
    """The action after a case said without a comma, past "you may need to"."""
    return _BRIDGE_RE.sub("", " ".join(words), count=1)


def _acts(text: str) -> bool:
    """Whether the text is an action ("correct the ...", "recreate pods")."""
    return _imperative(text[:1].upper() + text[1:]) or bool(_MORE_VERBS_RE.match(text))


#: "Reduce the blast radius (migration loop): cancel ...": a tick blocks._grouped titled by
#: its group, the item's own name in brackets.
_GROUPED_RE = re.compile(r"^(?P<group>[^()]{3,80}) \((?P<case>[^()]{3,50})\): (?P<act>\S.*)$", re.S)
#: A name that says where or how, not a case ("in guest OS", "via the console").
_WHERE_RE = re.compile(r"^(?:in|on|at|for|from|via|with|by|using|inside|outside)\b", re.I)


def _grouped_case(option: Option, text: str) -> tuple[str, str, bool] | None:
    """(case, action, True) of a grouped tick whose name the Diagnosis checks look for
    ("migration loop" beside "Check for migration storms"), else None."""
    found = _GROUPED_RE.match(md_plain(text).strip())
    if found is None or _WHERE_RE.match(found.group("case")):
        return None
    checks = " ".join([*option.pre_items, option.pre_section.text if option.pre_section else ""])
    words = re.findall(r"[a-z]{5,}", found.group("case").casefold())
    if not words or not any(re.search(rf"\b{w}", checks, re.I) for w in words):
        return None
    act = found.group("act")
    return found.group("case"), f"{found.group('group')}: {act}", True


def _promoted(option: Option) -> None:
    """A case said as a detail line under a step ("Update client certificate." over "For
    in-cluster clients recreate pods.") is a step of its own, right after it."""
    if option.when or option.asks:
        return
    items: list[str] = []
    for item in option.items:
        text, detail = split_detail(item)
        lines = detail.split("\n") if detail else []
        cases = [ln for ln in lines if ln.strip() and _case(ln.strip()) and "`" not in ln]
        if not cases or len(cases) != len([ln for ln in lines if ln.strip()]):
            items.append(item)
            continue
        items.append(text)
        items.extend(ln.strip() for ln in cases)
    option.items = items


#: "- Cause: Requests hitting rate-limits" under "If the logs indicate a configuration
#: error, troubleshoot the issue": the step's detail covers other causes too.
_CAUSES_RE = re.compile(r"\bcauses?\b", re.IGNORECASE)
#: A step that looks before it acts: what it shows is a case the fix's own step reveals.
_LOOK_RE = re.compile(
    r"^(?:check|run|view|get|list|review|inspect|describe|look|examine|verify|confirm|"
    r"identify|find|obtain|query|show|watch|monitor|open)\b",
    re.IGNORECASE,
)


def _looks_before(option: Option, n: int) -> bool:
    """Whether a step before step n looks (a check, a command to run): what the case
    says may be what that step shows, after the question would be asked."""
    for item in option.items[:n]:
        text, detail = split_detail(item)
        if _LOOK_RE.match(md_plain(text).strip()) or "$ " in detail or "`" in text:
            return True
    return False


def _owned_yes_no(option: Option, n: int) -> Ask | None:
    """The yes/no asked for step n alone (`_conditional_steps`), which this pass asks
    again among the other cases; None when the step has another condition."""
    var = _var(option.when.get(n, ""))
    ask = next((a for a in option.asks if a.var == var), None)
    if ask is None or {c["value"] for c in ask.choices} != {"yes", "no"}:
        return None
    users = [m for m, cond in option.when.items() if _var(cond) == var]
    return ask if users == [n] and option.when[n] == f'{var} == "yes"' else None


def found_cases_asked(option: Option, written: list[str], counter: int, alone: bool) -> int:
    """Ask an alert runbook fix's cases ("If the logs indicate X, correct Y"; "For in-
    cluster clients recreate pods") as one question, each case's step kept for its answer;
    returns the questions counter. Run after the other case passes, so a case they ask
    in their own way (a subject, a version) is left to them; a single case is asked only
    for the runbook's one fix (a fix chosen among others was chosen for its case)."""
    if option.kind in ("deprecated", "redirect") or option.condition or not option.pre_items:
        return counter  # no Diagnosis checks shown first: nothing to answer from
    _promoted(option)
    same = len(written) == len(option.items)
    cases: list[tuple[int, str, str, bool]] = []
    dropped: list[Ask] = []
    seen = 0  # cases named by what the Diagnosis checks look for
    for n, item in enumerate(option.items):
        text = split_detail(item)[0]
        found = _case(split_detail(written[n])[0] if same else text)
        if found is None and n not in option.when:
            found = _grouped_case(option, text)
            seen += found is not None
        if found is None or _CAUSES_RE.search(split_detail(item)[1]):
            continue  # a step whose detail goes through causes is for all of them
        if not found[0].strip():
            continue  # "If :" names no case: nothing to ask (a fuzzed runbook crashed here)
        if n in option.when:
            asked = _owned_yes_no(option, n)
            if asked is None:
                continue
            dropped.append(asked)
        cases.append((n, *found))
    labels = [short_label(c[0].upper() + c[1:], 80) for _, c, _, _ in cases]
    if not cases or len({lb.casefold() for lb in labels}) < len(labels):
        return counter
    if len(dropped) == len(cases):
        return counter  # each case asked already, yes/no (both may hold): kept
    seen_case = any(_SHOWN_RE.search(c) for _, c, _, _ in cases)
    if any(_looks_before(option, n) for n, _, _, _ in cases):
        return counter  # a step of the fix shows the case: not known before it
    single = cases[0] if len(cases) == 1 else None
    if single and (not alone or (len(option.items) > 1 and not (single[3] or seen_case))):
        return counter  # "If you want X, do Y" among other steps: `_conditional_steps` decided
    option.asks = [a for a in option.asks if a not in dropped]
    counter += 1
    var = f"if_{counter}"
    # "For in-cluster clients": what the admin knows; "If the logs indicate X": what the
    # checks showed
    shown = bool(seen) or seen_case
    ask = "What did the Diagnosis checks show?" if shown else "Which applies here?"
    if len(cases) == 1:
        yes, no = ("Yes, they showed this", "No, not this") if shown else ("Yes", "No")
        ask = "Did the Diagnosis checks show it?" if shown else "Does it apply here?"
        choices = [{"value": "yes", "label": yes}, {"value": "no", "label": no}]
        values, other = ["yes"], "no"
        title = f"{'Did the Diagnosis checks show this' if shown else 'Does this apply'}: "
        title += f"{cases[0][1]}?"
        if len(title) > _TITLE_MAX:
            title = "Did the Diagnosis checks show this case?" if shown else "Does this case apply?"
        said = f'The article has a step for one case: "{short_label(labels[0], 120)}".'
    else:
        choices = [{"value": f"case_{j}", "label": lb} for j, lb in enumerate(labels, 1)]
        choices.append(dict(_NONE))
        values, other = [c["value"] for c in choices[:-1]], "none"
        title = TITLE if shown else "Which of these applies here?"
        ask = ask if shown else "Which is yours?"
        said = f"The article's fix differs by case ({'; '.join(labels)})."
    option.asks.append(Ask(var, title, f"{said} {ask}", choices))
    for (n, _, act, _), value in zip(cases, values, strict=True):
        option.when[n] = f'{var} == "{value}"'
        option.items[n] = with_detail(act, split_detail(option.items[n])[1])
    if all(n in option.when for n in range(len(option.items))):
        option.when[len(option.items)] = f'{var} == "{other}"'
        option.items.append(ESCALATE)
    return counter


#: "**Notice** for some services maximizing HPA is in fact desired.": the alert's
#: condition is what some sites want, a case with nothing to fix.
_DESIRED_RE = re.compile(
    r"\b(?:for|in|on) (?:some|certain|many|a few)\b[^.]{3,120}?\b(?:is|are|can be|may be) "
    r"(?:in fact |actually |also |often )?(?:desired|expected|intended|wanted|normal)\b",
    re.IGNORECASE,
)
#: Markdown emphasis and a "Notice"/"Note" label before the sentence.
_NOTICE_RE = re.compile(r"^(?:\*\*|__)?(?:notice|note|important)(?:\*\*|__)?:?\s*", re.I)


def by_design_option(article: Article, options: list[Option]) -> list[Option]:
    """An alert runbook whose Meaning or Impact says the condition is what some sites want
    ("for some services maximizing HPA is in fact desired") gets that case as a fix of its
    own, chosen after the checks: nothing to fix, the alert silenced or kept, and a
    verify that does not expect it to clear."""
    if not options or any(o.kind in ("deprecated", "redirect") for o in options):
        return options
    for section in article.sections:
        if section.role not in ("symptom", "impact", "summary"):
            continue
        for sentence in split_sentences(md_plain(section.text)):
            if not _DESIRED_RE.search(sentence):
                continue
            said = _NOTICE_RE.sub("", sentence.strip()).rstrip(".")
            said = said[0].lower() + said[1:]
            option = Option(
                section,
                f"By design: {short_label(said, 70)}",
                f"The article says: {said[0].upper() + said[1:]}. Where that is so here, the "
                "alert shows what is wanted, not a fault.",
                [
                    f"Nothing to fix if this is so here ({said}): leave "
                    f"the alert as is, or add a silence for {article.id} on this target in "
                    "Alertmanager."
                ],
            )
            option.checks = [
                f"Check that {article.id} is silenced or routed as you chose for this target: "
                "it does not stop firing while the condition holds, and need not."
            ]
            return [*options, option]
    return options


#: An outcome titled only by its section ("Mitigation"), as `modern_plan` says it.
_BARE_RE = re.compile(r"^\s*(?:mitigation|resolution|solution|fix|remediation)s?\s*$", re.I)


def escalation_apart(tree: dict[str, Any]) -> None:
    """The answer that shows none of the fix's cases ("No, not this", "None of these"),
    left with only `ESCALATE`, reaches an outcome of its own titled as no documented fix,
    not the fix's outcome whose title names a step it does not tick."""
    nodes = tree["nodes"]
    by_id = {n["id"]: n for n in nodes}
    for question in [n for n in nodes if n["kind"] == "question"]:
        for choice in question.get("choices", []):
            outcome = by_id.get(choice.get("next", ""))
            if outcome is None or outcome["kind"] != "outcome":
                continue
            when = f'{question.get("var")} == "{choice["value"]}"'
            steps = outcome.get("steps") or []
            mine = [s for s in steps if s.get("when") == when]
            if len(mine) != 1 or mine[0]["text"] != ESCALATE:
                continue
            if any(s.get("when") in (None, "", when) for s in steps if s is not mine[0]):
                continue  # that answer keeps other steps too: still this fix's outcome
            apart = copy.deepcopy(outcome)
            apart["id"] = f"{outcome['id']}-{choice['value']}"
            if apart["id"] in by_id:
                continue
            apart["title"] = NO_FIX_LABEL
            apart.pop("text", None)
            apart["steps"] = [{k: v for k, v in mine[0].items() if k != "when"}]
            outcome["steps"] = [s for s in steps if s is not mine[0]]
            if _BARE_RE.match(str(outcome.get("title", ""))) and outcome["steps"]:
                # beside the no-fix outcome, "Mitigation" says nothing: named by its step
                first = short_label(str(outcome["steps"][0]["text"]), 90).rstrip(" .:")
                outcome["title"] = f"{outcome['title'].strip()}: {first}"
            choice["next"] = apart["id"]
            nodes.insert(nodes.index(outcome) + 1, apart)
            by_id[apart["id"]] = apart
