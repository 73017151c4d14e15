"""A runbook's fix said in prose before its steps is ticked, one action per sentence.

A Mitigation paragraph such as "If using basic metrics like CPU/Memory then ensure to set
proper values for requests. For memory based scaling ensure there are no memory leaks.
If using custom metrics then fine-tune how app scales ..." was the outcome's text, and
the only tick the sentence after it ("Use performance tests ..."): readers (seed 52)
found the real fixes left in prose. "You must unpause the pool." and "If this is
supported then increase number of replicas ..." were prose too. Such sentences were
missed as actions because the runbook writes "If X then Y" (no comma), "For X ensure Y"
or "You must Y"; said as "If X, Y", "For X, ensure Y" and "Y" they are ticks.
"""

from __future__ import annotations

import re

from kbassist.articles import Article
from kbassist.drafting.blocks import _imperative
from kbassist.drafting.option_model import Option
from kbassist.drafting.runbook_cause import is_alert_runbook
from kbassist.drafting.runbook_checks_only import gives_checks_only
from kbassist.drafting.text import split_detail, split_sentences

#: "If using custom metrics then fine-tune ...": the case, then the action.
_THEN_RE = re.compile(
    r"^(?P<case>(?:if|when|once|after)\b[^,;:]{3,120}?)\s+then\s+(?P<act>.+)$", re.I
)
#: "For memory based scaling ensure there are no memory leaks."
_FOR_ENSURE_RE = re.compile(
    r"^(?P<case>for\s[^,;:]{3,80}?)\s+(?P<act>(?:ensure|make sure)\b.+)$", re.IGNORECASE
)
#: "You must unpause the pool.", "You should scale the deployment."
_MUST_RE = re.compile(r"^you (?:must|should|need to|have to|will need to)\s+(?P<act>.+)$", re.I)
#: Actions the imperative list does not know that runbooks ask for.
_MORE_VERBS_RE = re.compile(
    r"^(?:fine-tune|tune|bump|rebalance|trigger|allocate|unpause|pause|resume|migrate|purge|"
    r"evict|rotate|renew)\b",
    re.IGNORECASE,
)
#: Help for the commands, not an action of the fix ("For the commands below, replace
#: $MCP_NAME with the name of your pool.").
_COMMAND_HELP_RE = re.compile(
    r"\b(?:commands?|steps?|examples?) (?:below|above|that follow)\b|\breplace\b.{1,60}\bwith\b",
    re.IGNORECASE,
)

#: "Try to identify and resolve the cause ...": the action after the hedge.
_TRY_RE = re.compile(r"^try (?:to|and)\s+", re.IGNORECASE)
#: A tick that only escalates: "log in to the Customer Portal and open a support case".
_ESCALATES_RE = re.compile(
    r"\b(?:support (?:case|ticket)|escalat\w*|customer portal|contact (?:red hat|support))\b",
    re.IGNORECASE,
)


def _as_tick(sentence: str) -> str:
    """The sentence said as a tick ("If X, Y."), or "" when it is no action."""
    if sentence.endswith((":", "?")) or _COMMAND_HELP_RE.search(sentence):
        return ""
    case, act = "", sentence
    found = _THEN_RE.match(sentence) or _FOR_ENSURE_RE.match(sentence)
    if found:
        case, act = found.group("case"), found.group("act")
    else:
        must = _MUST_RE.match(sentence)
        if must is None:
            # "If your cluster supports it, increase ..." after a statement in one paragraph;
            # "Try to identify and resolve the cause of the changes." asks it too
            tried = _TRY_RE.sub("", sentence)
            return sentence if _imperative(tried[:1].upper() + tried[1:]) else ""
        act = must.group("act")
    act = re.sub(r"^(?:ensure|make sure) to\s+", "", act, flags=re.IGNORECASE)
    verb = act[:1].upper() + act[1:]
    if not (_imperative(verb) or _MORE_VERBS_RE.match(act)):
        return ""
    return f"{case[:1].upper()}{case[1:]}, {act}" if case else verb


def _words(text: str) -> str:
    """`text` as lower-case words, to compare what two steps say."""
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


def lead_actions_ticked(article: Article, options: list[Option]) -> None:
    """In an alert runbook's fixes, the text's sentences that are actions become the first
    ticks, in the runbook's order; the rest of the text stays the outcome's text."""
    if not is_alert_runbook(article):
        return
    for option in options:
        if option.kind != "option" or not option.lead:
            continue
        kept: list[str] = []
        ticks: list[str] = []
        said = [_words(split_detail(item)[0]) for item in option.items]
        # "Try to identify the root cause" beside only an escalation: no fix of its own
        # (`runbook_checks_only` says so); beside a real step it is the first tick
        steps = [split_detail(item)[0] for item in option.items]
        real = any(not _ESCALATES_RE.search(s) and not gives_checks_only(s) for s in steps)
        for sentence in split_sentences(option.lead):
            tick = _as_tick(sentence)
            if tick and not real and _TRY_RE.match(sentence):
                tick = ""
            if tick and any(s.startswith(_words(tick)) for s in said):
                tick = ""  # "You must unpause the pool." over "Unpause the pool (...):"
            (ticks if tick else kept).append(tick or sentence)
        if not ticks:
            continue
        option.lead = " ".join(kept)
        option.items[:0] = ticks
        option.when = {(k + len(ticks) if k >= 0 else k): v for k, v in option.when.items()}
