"""Causes a runbook says in shapes the cause pass missed (round 22).

Readers (62:21, 62:28; 56:29 before) marked "gives no cause" on runbooks that say what
causes the alert, only not under a "possible causes:" lead nor in Meaning's "fires when":

- a Diagnosis list of conditions under a lead that names them as the why or the usual
  failures: "Check why HPA was unable to scale:" over "- max replicas too low",
  "Common failure scenarios:", "Usual issues:" (`cases_listed`, read with the other
  lists by `runbook_cause`);
- a sentence outside Meaning that says what triggers the alert: "If the annotation is
  not set, then this alert is triggered.", "... the metadata operation load increases
  and eventually triggers this alert.", "By default, the alert is fired if the used CPU
  is 67% of allocated CPU for 6 hours." (`said_cause`);
- a one-line Meaning that says the condition and what it leads to: "Storage cluster
  utilization has crossed 85% and will become read-only now." The condition is the
  cause, its consequence set apart (`said_cause`);
- (round 40) a verbless guess in Diagnosis or Impact ("Usually exhaused IOPS for node
  storage."), and a Mitigation that says its fix depends on the issue causing the
  condition, then names those issues ("The mitigation depends on what is causing the
  Kubelets to become unresponsive. Check for wide-spread networking issues, or node
  level configuration issues."), with an Impact's "Excluding the possibility of X,"
  as the other cause, and "Possible causes for X include Y." in any section after
  Meaning (`elsewhere_cause`).

Every cause is the runbook's own words; none is made up from a check ("Check if X").
"""

from __future__ import annotations

import re
from itertools import pairwise

from kbassist.articles import Article, Section
from kbassist.articles.model import ListBlock, Paragraph
from kbassist.drafting.text import split_sentences

#: A lead over a list of conditions, each a reason the alert fires: "Check why HPA was
#: unable to scale:", "Common failure scenarios:", "Usual issues:".
_CASES_LEAD_RE = re.compile(
    r"(?:^|\b(?:check|find out|see|investigate|determine|look at|look into)\s+)why\b"
    r"[^:]{3,90}:\s*$"
    r"|\b(?:common|usual|typical|frequent|known|likely|possible)\s+(?:failure\s+)?"
    r"(?:scenarios|issues|problems|failures)\b[^:]{0,60}:\s*$",
    re.IGNORECASE,
)
#: Roles whose lists are read for such a lead, in the order an admin meets them.
_LIST_ROLES = ("diagnosis", "impact", "resolution")
#: Words one of the leads has: the cheap test before any part is read.
_LEAD_HINTS = ("why", "scenario", "issues", "problems", "failures")

#: "If the annotation is not set, then this alert is triggered.", "... and eventually
#: triggers this alert.", "..., the alert will be raised.": what makes the alert fire
#: (not "The issue that triggers this alert degrades ...": what it does).
_TRIGGERED_RE = re.compile(
    r"\b(?<!that )(?<!which )triggers (?:this|the) alert\s*\.?$"
    r"|\b(?:this|the) alert (?:is|will be|gets) (?:triggered|raised)\s*\.?$"
    r"|^if\b.{5,200}?,\s*(?:then\s+)?(?:this|the) alert (?:is|will be|gets) (?:triggered|raised)",
    re.IGNORECASE,
)
#: "By default, the alert is fired if the used CPU is 67% ...": the condition it fires
#: on, said outside Meaning.
_FIRED_IF_RE = re.compile(
    r"\b(?:this|the) alert (?:is|will be|gets) (?:fired|triggered|raised) (?:if|when)\b",
    re.IGNORECASE,
)
#: "Probbaly amout of data sent to remote system is too high for ...", "Usually means
#: new config was rejected by the controlled app because ...": the runbook's guess at why.
_GUESS_RE = re.compile(
    r"^(?:prob\w{2,4}ly|most likely|(?:this |it )?(?:usually|often|typically) means)\b,?\s+\S",
    re.IGNORECASE,
)
#: A guess that is advice ("Most likely, you need to restart the pod"): no cause.
_ADVICE_RE = re.compile(r"\b(?:you|your|we)\b|\b(?:should|must|need to)\b", re.IGNORECASE)


def _guess(sentence: str) -> bool:
    """Whether `sentence` is the runbook's guess at why ("Probably X is too high")."""
    return bool(_GUESS_RE.match(sentence)) and not _ADVICE_RE.search(sentence)


#: Not a trigger: an example, a note, what happens after it fires, or a deprecation.
_NOT_TRIGGER_RE = re.compile(
    r"^(?:for example|e\.g\.|note\b)|\bsuppress|\bdeprecat|\bnot (?:be )?(?:triggered|raised)"
    r"|\bonce (?:this|the) alert\b|\bafter (?:this|the) alert\b",
    re.IGNORECASE,
)
#: A symptom sentence that says when the alert fires (as `tree._FIRES_RE` reads it).
_FIRES_RE = re.compile(r"\b(?:fires?|fired|triggers?|triggered|raised)\b", re.IGNORECASE)
#: Roles read for such a sentence (Meaning's own are the cause pass's).
_SENTENCE_ROLES = ("impact", "diagnosis", "resolution")
#: The longest sentence kept as the cause.
MAX_SENTENCE = 260

#: "Storage cluster utilization has crossed 85% and will become read-only now.",
#: "Kubernetes node is unreachable and some workloads may be rescheduled.": the
#: condition, then what it leads to ("and [subject] will/may/cannot ...").
_CONSEQUENCE_RE = re.compile(
    r"^(?P<cause>[^.;:]{12,180}?),?\s+and\s+(?P<rest>(?:(?:some|the|its|all|any|a|an)\s+"
    r"[\w-]+(?:\s+[\w-]+)?\s+)?(?:will|may|might|could|cannot|can't|can no longer|"
    r"is expected to|are expected to)\b[^.;]{3,160})\.?$",
    re.IGNORECASE,
)
#: A consequence opening on its verb ("will become read-only now") needs a subject.
_MODAL_FIRST_RE = re.compile(
    r"^(?:will|may|might|could|cannot|can't|can no longer|is expected|are expected)\b", re.I
)


def _items(block: ListBlock) -> list[str]:
    from kbassist.drafting.modern import block_plain

    return [block_plain(it.blocks[0]).strip() if it.blocks else "" for it in block.items]


def _condition_name(item: str) -> str:
    """ "too low value for requests such as CPU?" -> "too low value for requests such as
    CPU": a condition as the cause line lists it."""
    return " ".join(item.split()).rstrip(" ?.;:")


def cases_listed(article: Article) -> tuple[str, Section | None]:
    """(the conditions a "Check why X:" / "Common failure scenarios:" / "Usual issues:"
    list names, "; "-joined, and its section); ("", None) when there is none. Items that
    are instructions ("investigate if the app ...") are no cause and are left out; the
    list must be mostly conditions."""
    from kbassist.articles.model import section_key
    from kbassist.drafting.blocks import _imperative
    from kbassist.drafting.runbook_cause import _named, _pairs

    body = article.body.casefold()
    if not any(hint in body for hint in _LEAD_HINTS):
        return "", None
    sections = {s.key: s for s in article.sections}
    for role in _LIST_ROLES:
        for part in article.parts_by_role(role):
            for lead, block in _pairs(part.blocks):
                if not _CASES_LEAD_RE.search(lead.strip()):
                    continue
                items = [i for i in _items(block) if i]
                conditions = [_condition_name(i) for i in items if not _imperative(i)]
                if len(conditions) < 2 or 2 * len(conditions) < len(items):
                    continue
                named = _named(conditions)
                if named:
                    return named, sections.get(section_key(part.name))
    return "", None


def _trigger(article: Article) -> tuple[str, bool, Section | None]:
    """(the sentence that says what triggers the alert, whether it only gives the
    condition it fires on, its section), or ("", False, None)."""
    from kbassist.articles.model import section_key

    sections = {s.key: s for s in article.sections}
    for role in _SENTENCE_ROLES:
        for part in article.parts_by_role(role):
            for sentence in _sentences_of(part):
                text = " ".join(sentence.split())
                if len(text) > MAX_SENTENCE or _NOT_TRIGGER_RE.search(text):
                    continue
                if _TRIGGERED_RE.search(text) or _guess(text):
                    return text, False, sections.get(section_key(part.name))
                if _FIRED_IF_RE.search(text):
                    return text, True, sections.get(section_key(part.name))
    return "", False, None


def _sentences_of(part: object) -> list[str]:
    from kbassist.drafting.modern import block_plain, md_plain

    out: list[str] = []
    for sub in part.walk():  # type: ignore[attr-defined]
        for block in sub.blocks:
            if isinstance(block, Paragraph):
                out.extend(split_sentences(md_plain(block.text.plain)))
            elif isinstance(block, ListBlock):
                for item in block.items:
                    if item.blocks and isinstance(item.blocks[0], Paragraph):
                        out.extend(split_sentences(block_plain(item.blocks[0])))
    return out


def consequence_split(symptom: str) -> str:
    """ "Storage cluster utilization has crossed 85% and will become read-only now." ->
    "Storage cluster utilization has crossed 85%; as a result, it will become read-only
    now.": a one-sentence condition with what it leads to, said as cause and effect;
    "" for any other symptom (read in its first three sentences)."""
    said = split_sentences(" ".join(symptom.split()))
    # the condition need not open Meaning: "This is the next stage once we have reached
    # ObcQuotaObjectsAlert. ObjectBucketClaim has crossed the limit ... and will be
    # read-only now." (round 35, nocause35)
    found = next((m for s in said[:3] if " and " in s and (m := _CONSEQUENCE_RE.match(s))), None)
    if found is None:
        return ""
    cause = found.group("cause").strip()
    rest = found.group("rest").strip()
    if _MODAL_FIRST_RE.match(rest):
        rest = f"it {rest}"
    return f"{cause}; as a result, {rest}."


def said_cause(article: Article, symptom: str) -> tuple[str, Section | None]:
    """(cause, section) for an alert runbook the other passes found no cause in: a
    sentence that says what triggers the alert, else Meaning's condition set apart from
    what it leads to; ("", None) when the runbook says neither."""
    from kbassist.drafting.runbook_cause import is_alert_runbook

    if not is_alert_runbook(article):
        return "", None
    # a symptom that says when the alert fires is named as that condition already
    # (`tree._no_cause`): only a sentence that says why does better
    fires = any(_FIRES_RE.search(s) for s in split_sentences(symptom))
    body = article.body.casefold()
    if any(w in body for w in ("trigger", "fired", "raised", "prob", "means", "likely")):
        sentence, condition_only, section = _trigger(article)
        if sentence and condition_only and not fires:
            return f"{article.id} names no cause beyond the condition it fires on: {sentence}", (
                section
            )
        if sentence and not condition_only:
            return sentence, section
    # "Usually exhausted IOPS for node storage." in Diagnosis; "The mitigation depends
    # on the issue causing X. Check for A, or B." (round 40, rbcause40)
    sentence, section = elsewhere_cause(article)
    if sentence:
        return sentence, section
    split = "" if fires else consequence_split(symptom)
    if split:
        return split, next((s for s in article.sections if s.key == "meaning"), None)
    return "", None


#: "Usually exhaused IOPS for node storage.": the runbook's guess at why, said with no
#: verb (a sentence with one, "Usually the problem is solved when ...", says something
#: else and is left to the other readers).
_BARE_GUESS_RE = re.compile(
    r"^(?:usually|typically|often|most likely|probably|most often|commonly),?\s+"
    r"(?P<what>[A-Za-z][^.;:?!]{5,120}?)\.?$",
    re.IGNORECASE,
)
#: A word that makes the guess a clause or advice, not a named cause.
_CLAUSE_WORD_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|will|would|can|could|should|may|might|must|has|have|"
    r"had|do|does|did|you|your|we|it|this|that|these|those|when|if|happens?|occurs?|"
    r"triggers?|fires?|check|verify|see)\b",
    re.IGNORECASE,
)
#: Roles whose sentences are read for a bare guess (Mitigation's are advice).
_GUESS_ROLES = ("diagnosis", "impact")
#: "Possible causes for the removal of a virt-handler pod from a node include changes to
#: the node's taints and tolerations or to a pod's scheduling rules.": one sentence that
#: names the causes of the condition (a list after "include:" is `runbook_cause`'s).
_POSSIBLE_CAUSES_RE = re.compile(
    r"^(?:the )?(?:possible|common|likely|usual) causes (?:for|of) [^.:;]{5,120}? include "
    r"[^.:;]{8,220}\.?$",
    re.IGNORECASE,
)
#: "The mitigation (for this alert) depends on the issue causing X." / "... on what is
#: causing X.": the next sentence names the issues.
_DEPENDS_RE = re.compile(
    r"^the (?:mitigation|resolution|fix)\b[^.]{0,30}\bdepends on "
    r"(?:the (?:issue|problem) |what is )causing (?P<what>[^.]{5,120}?)\.?$",
    re.IGNORECASE,
)
#: "Check for wide-spread networking issues, or node level configuration issues.", "You
#: can begin by checking for general networking issues or for node-level configuration
#: issues.": the issues named, two or more ("A, or B", "A or for B").
_ISSUES_RE = re.compile(
    r"^(?:you can (?:begin|start) by checking|(?:begin|start) by checking|check(?:ing)?)"
    r" for (?P<one>[^.,;]{4,80}?),? or (?:for )?(?P<two>[^.,;]{4,80}?)\.?$",
    re.IGNORECASE,
)
#: "Excluding the possibility of a network issue preventing X, multiple nodes ...": the
#: other cause Impact rules out before it says what the alert means.
_EXCLUDING_RE = re.compile(
    r"^excluding the possibility (?:of|that) (?P<alt>[^,;]{8,160}),", re.IGNORECASE
)


def _bare_guess(sentence: str) -> str:
    """ "Usually exhaused IOPS for node storage." -> that sentence; "" when the guess is
    a clause ("Usually the problem is solved ..."), advice, or no guess."""
    found = _BARE_GUESS_RE.match(sentence)
    if found is None or _CLAUSE_WORD_RE.search(found.group("what")):
        return ""
    return sentence.rstrip(" .") + "."


def elsewhere_cause(article: Article) -> tuple[str, Section | None]:
    """(cause, section) said outside Meaning in one of two shapes: a bare guess in
    Diagnosis or Impact ("Usually exhaused IOPS for node storage."), or a Mitigation that
    says the fix depends on the issue causing the condition and then names the issues,
    with Impact's "Excluding the possibility of X," added as the other cause; ("", None)
    for any other runbook."""
    from kbassist.articles.model import section_key

    body = article.body.casefold()
    sections = {s.key: s for s in article.sections}
    if any(w in body for w in ("usually", "typically", "often", "likely", "probably")):
        for role in _GUESS_ROLES:
            for part in article.parts_by_role(role):
                for sentence in _sentences_of(part):
                    guess = _bare_guess(" ".join(sentence.split()))
                    if guess:
                        return guess, sections.get(section_key(part.name))
    if "possible causes" in body:
        for role in _SENTENCE_ROLES:
            for part in article.parts_by_role(role):
                for sentence in _sentences_of(part):
                    text = " ".join(sentence.split())
                    if _POSSIBLE_CAUSES_RE.match(text):
                        return text.rstrip(" .") + ".", sections.get(section_key(part.name))
    if "depends on" not in body:
        return "", None
    for part in article.parts_by_role("resolution"):
        said = [" ".join(s.split()) for s in _sentences_of(part)]
        for first, second in pairwise(said):
            depends = _DEPENDS_RE.match(first)
            issues = _ISSUES_RE.match(second) if depends else None
            if depends is None or issues is None:
                continue
            what = depends.group("what").strip()
            cause = (
                f"The issue causing {what}: {issues.group('one').strip()}, or "
                f"{issues.group('two').strip()}."
            )
            other = _excluded(article)
            if other:
                cause += f" Impact names one more: {other}."
            return cause, sections.get(section_key(part.name))
    return "", None


def _excluded(article: Article) -> str:
    """What Impact rules out first ("Excluding the possibility of a network issue
    preventing the monitoring system from scraping Kubelet metrics, ..."), or ""."""
    for part in article.parts_by_role("impact"):
        for sentence in _sentences_of(part):
            found = _EXCLUDING_RE.match(" ".join(sentence.split()))
            if found:
                return found.group("alt").strip()
    return ""
