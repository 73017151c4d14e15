"""No verify that says the opposite of the article (round 34, verify35).

Blind readers of seed 94 marked verifies that contradict or garble the article they
check, of a few kinds, each read here by the article's wording, never by one article:

- a symptom sentence about a remedy that fails ("Clicking the refresh button does not
  resolve the problem", "refreshing has no effect") turned round into a check ("Check
  that clicking the refresh button resolves the problem"): such a sentence is never a
  check (`failed_remedy`); the fix's own stated effect ("The icons will now appear.") is
  checked instead (`stated_effect`);
- a symptom that states a product limit ("X is not available in Windows 2000
  Professional") under a CAUSE or STATUS that calls it the design ("This is a design
  change") or says it is not supported: no step makes it go away (`limit_said`);
- a symptom that lists event texts after "events similar to the following:" quoted as if
  the events' text were prose ("... address space 142 - MSExchangeMTA - X.400 ..."):
  one short check that the events are no longer logged (`listed_events_check`);
- "X no longer runs properly, or prevents you from opening large files" turned into "X
  runs properly, or prevents you ...": the good outcome only (`good_half`);
- a runbook's "Always triggers when the failure happens one or more times" or "This only
  triggers if the feature gate is enabled" read as the alert's condition: a frequency or
  a precondition is no fault to see gone (`not_fault_condition`).

Every pattern is bounded (no nested quantifier over overlapping classes) and linear on
long text.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_sentences

#: A sentence that says a remedy fails: "Clicking the refresh button does not resolve the
#: problem", "refreshing has no effect", "Restarting the service will not help", "X does
#: not correct the behavior", "Reinstalling makes no difference".
_FAILED_REMEDY_RE = re.compile(
    r"\b(?:does|do|did|will|would|may|might|can)\s?(?:not|n't)\s(?:always\s|necessarily\s"
    r"|completely\s|fully\s|really\s)?"
    r"(?:resolve|fix|correct|solve|cure|remedy|help|work around|eliminate|clear|change)"
    r"(?:\s(?:the|this|that|these|your)\s(?:\w+\s){0,2}?(?:problem|issue|behaviou?r|error"
    r"|symptom|situation|condition)s?)?\b"
    r"|(?:^|[,;:]\s)[A-Za-z]{2,30}ing\b[^.;,]{0,80}?\b(?:has|have|had) no (?:visible |apparent )?"
    r"effect\b|\bmakes? no difference\b"
    r"|\b(?:is|are) not (?:resolved|fixed|corrected|solved) by\b"
    r"|\bto no (?:avail|effect)\b",
    re.IGNORECASE,
)
#: ... of which only a remedy is meant: "does not change the value" says what goes wrong,
#: so "change" counts only when a problem noun follows it.
_CHANGE_ONLY_RE = re.compile(r"\b(?:not|n't)\s(?:\w+\s){0,2}?(?:change|clear)\b(?!\s\w)", re.I)


def failed_remedy(sentence: str) -> bool:
    """Whether `sentence` says that something the admin may try does not help ("Clicking
    the refresh button does not resolve the problem", "refreshing has no effect"): true
    while the problem occurs, so never a check once it is fixed."""
    text = sentence[:2000]
    found = _FAILED_REMEDY_RE.search(text)
    if found is None:
        return False
    said = found.group(0).casefold()
    if said.split()[-1] in {"change", "clear"} or _CHANGE_ONLY_RE.search(said):
        # "does not change the problem" yes; "the value does not change" is the problem
        return bool(re.search(r"(?:problem|issue|behaviou?r|error|symptom|situation)s?$", said))
    return True


#: A sentence that says where the problem does not occur: "The problem does not occur in
#: FoxPro under Windows NT", "This behavior does not happen with version 2.0": the
#: setting that is fine, never the problem to see gone.
_UNAFFECTED_RE = re.compile(
    r"^(?:the|this|that|these) (?:\w+ ){0,2}?(?:problem|issue|behaviou?r|error|symptom)s? "
    r"(?:does|do|did|will|should) ?(?:not|n't) (?:\w+ )?(?:occur|happen|appear|exist)\b",
    re.IGNORECASE,
)


def unaffected(sentence: str) -> bool:
    """Whether `sentence` says where the problem does not occur ("The problem does not
    occur in FoxPro under Windows NT"): never quoted as the problem."""
    return _UNAFFECTED_RE.match(sentence.strip()[:1000]) is not None


#: A verify that says a remedy works: "Check that clicking the refresh button resolves the
#: problem", "... has an effect" (bench_draft's detector reads these).
_REMEDY_WORKS_RE = re.compile(
    r"\b(?:resolves|fixes|corrects|solves|remedies|helps with) (?:the|this) (?:problem|issue"
    r"|behaviou?r|error)\b|\bhas an effect\b|\bmakes a difference\b",
    re.IGNORECASE,
)


def remedy_contradicted(verify: str, article_text: str) -> bool:
    """Whether `verify` checks that a remedy works where the article says some remedy does
    not help (bench_draft's row: a verify built on a negated sentence)."""
    if _REMEDY_WORKS_RE.search(verify[:2000]) is None:
        return False
    return any(failed_remedy(s) for s in split_sentences(" ".join(article_text[:20000].split())))


#: The fix's own stated effect: "The icons will now appear.", "The printer should now be
#: listed." (a thing, never a person told what to do).
_STATED_EFFECT_RE = re.compile(
    r"^(?P<subj>(?:The|This|That|These|Those|Your|All|Each)\s[A-Za-z0-9][\w' -]{0,60}?)\s"
    r"(?:will|should)\snow\s(?P<verb>[a-z]{2,20})(?P<rest>(?:\s[^.;:!?]{0,120})?)\.$"
)
#: Verbs a stated effect may end in: what is seen, never a step ("will now restart").
_SEEN_VERBS = frozenset(
    "appear work run start open load print display show be function respond connect"
    " succeed install update list contain".split()
)


def stated_effect(section_text: str) -> str:
    """ "Check that the icons now appear." from a fix section's "The icons will now
    appear."; "" when the section states no effect of that shape."""
    for sentence in split_sentences(" ".join(section_text[:20000].split())):
        said = _STATED_EFFECT_RE.match(sentence)
        if said is None or said.group("verb") not in _SEEN_VERBS:
            continue
        subj, verb, rest = said.group("subj"), said.group("verb"), said.group("rest")
        plural = subj.split()[0] in {"These", "Those", "All"} or (
            subj.endswith("s") and not subj.endswith("ss")
        )
        if verb == "be":  # "The printer should now be listed" -> "the printer is now listed"
            be = "are" if plural else "is"
            return f"Check that {subj[:1].lower()}{subj[1:]} {be} now{rest}."
        if not plural:
            verb = f"{verb}es" if verb.endswith(("s", "sh", "ch", "x", "o")) else f"{verb}s"
        return f"Check that {subj[:1].lower()}{subj[1:]} now {verb}{rest}."
    return ""


#: A symptom sentence that states a product limit: "X is not available in Windows 2000
#: Professional", "X is not supported on Y", "X can only be used in Y".
_LIMIT_SAID_RE = re.compile(
    r"\b(?:is|are)\snot\s(?:available|supported|included|provided)\s(?:in|on|under|with|for)\s"
    r"(?!Microsoft\b|PSS\b|Product Support\b)"
    r"|\b(?:is|are)\s(?:only\s)?(?:available|supported)\sonly\s(?:in|on|under|with)\s"
    r"|\bcan\sonly\sbe\s(?:used|run|installed|opened|set|viewed)\s(?:in|on|under|with|from)\s",
    re.IGNORECASE,
)
#: The CAUSE or STATUS says the behaviour is the product's design or a limit: "This is a
#: design change", "which is not supported in Windows 2000 Professional".
_LIMIT_CAUSE_RE = re.compile(
    r"\bdesign change\b|\bchange in (?:the )?design\b"
    r"|\b(?:is|are) not (?:supported|available) (?:in|on|under)\b"
    r"(?![^.;]{0,60}\b(?:prior to|earlier than|before|older)\b)",
    re.IGNORECASE,
)
#: A release that corrects it: the behaviour is then no limit the steps work round.
_CORRECTED_RE = re.compile(
    r"\b(?:corrected|fixed|resolved|addressed) in\b|\bservice pack\b|\bhotfix\b|\bupgrade\b"
    r"|\b(?:updated?|newer|later|another|different|install)\b[^.;]{0,60}\b(?:driver|version"
    r"|release|file)\b",
    re.IGNORECASE,
)
#: The quote a verify checks gone: "... no longer occurs: <quote>".
_PROMISED_RE = re.compile(r"\bno longer (?:occurs|happens|appears): (?P<q>[^\n]{5,2000})$")


def design_limit(cause_text: str, status_text: str, fix_text: str) -> bool:
    """Whether the CAUSE or STATUS calls the behaviour a design change or a platform's limit
    ("This is a design change", "not supported in Windows 2000 Professional") and no
    release corrects it."""
    said = " ".join(f"{cause_text[:5000]} {status_text[:5000]}".split())
    if _LIMIT_CAUSE_RE.search(said) is None:
        return False
    return _CORRECTED_RE.search(f"{said} {fix_text[:20000]}") is None


def limit_said(verify: str, fix_text: str = "") -> bool:
    """Whether `verify` promises gone a symptom sentence that states a limit ("no longer
    occurs: X is not available in Y") and the fix names no release that corrects it: no
    step changes what a product does not offer."""
    quoted = _PROMISED_RE.search(verify[:3000])
    if quoted is None or _LIMIT_SAID_RE.search(quoted.group("q")) is None:
        return False
    return _CORRECTED_RE.search(fix_text[:20000]) is None


#: A limit turned round into a check: "Check that X is available in Y" where the symptom
#: says X is not.
_LIMIT_TURNED_RE = re.compile(
    r"^Check that [^\n]{0,300}?\b(?:is|are)\s(?:now\s)?(?:available|supported|included|provided)"
    r"\s(?:in|on|under|with|for|by)\s"
)


def limit_turned(verify: str) -> bool:
    """Whether `verify` checks that a product now offers what the article calls its limit
    ("Check that X is available in Windows 2000 Professional"): asked only under a CAUSE or
    STATUS that says so (`design_limit`)."""
    return _LIMIT_TURNED_RE.match(verify[:1000]) is not None


#: "The Event Log typically contains 254, 142, and 290 information and warning events
#: similar to the following:": event numbers named before a listing of their texts.
_EVENTS_LEAD_RE = re.compile(
    r"\b(?P<ids>\d{2,5}(?:,\s?\d{2,5}){0,5},?(?:\s(?:and|or)\s\d{2,5})?)\s"
    r"(?:(?:information(?:al)?|warning|error|audit|and|or|,)\s){0,5}?events?\b"
    r"(?P<tail>[^.:]{0,80}):",
    re.IGNORECASE,
)
#: The longest check quoted before the event listing.
MAX_EVENT_QUOTE = 220


def listed_events_check(symptom: str, problem: str = "") -> str:
    """ "Check that events 254, 142 and 290 are no longer logged." for a symptom that names
    event numbers and then lists their texts ("... events similar to the following:"),
    after `problem` (the sentence before the listing that says what goes wrong, if any);
    "" for any other symptom. The events' own text is never quoted as prose."""
    flat = " ".join(symptom[:20000].split())
    lead = _EVENTS_LEAD_RE.search(flat)
    if lead is None:
        return ""
    ids = list(dict.fromkeys(re.findall(r"\d{2,5}", lead.group("ids"))))
    if not 2 <= len(ids) <= 6:
        return ""
    named = f"{', '.join(ids[:-1])} and {ids[-1]}"
    if problem and len(problem) <= MAX_EVENT_QUOTE and flat.find(problem[:40]) < lead.start():
        return (
            f"Check that the problem no longer occurs: {problem.rstrip('.')}. Check that events "
            f"{named} are no longer logged."
        )
    return f"Check that events {named} are no longer logged."


def events_lead_at(symptom: str) -> int:
    """Where a listing of event texts starts in `symptom` (its lead "... events similar to
    the following:"), -1 when it has none: a problem sentence is looked for before it."""
    lead = _EVENTS_LEAD_RE.search(" ".join(symptom[:20000].split()))
    return -1 if lead is None else lead.start()


#: ", or prevents you from opening large files": a second outcome joined by "or" onto the
#: state a fix restores (the problem's other face, not part of the good state).
_OR_BAD_RE = re.compile(
    r",\s(?:or|and/or)\s(?=(?:may\s|might\s|will\s|cannot\s|can\s)?[a-z]{2,20}s\s(?:you|it|the|a|an)\b)"
)


def good_half(rest: str) -> str:
    """The part of a restored state before ", or <another outcome>": "runs properly, or
    prevents you from opening large files" -> "runs properly"; a list in brackets
    ("(underlining, bolding, or font color)") is no other outcome."""
    cut = _OR_BAD_RE.search(rest)
    if cut is None or rest.count("(", 0, cut.start()) > rest.count(")", 0, cut.start()):
        return rest
    return rest[: cut.start()]


#: A runbook's sentence that gives how often or only-when, not the fault: "Always triggers
#: when the failure happens one or more times", "This only triggers if the X feature gate
#: is enabled".
_NOT_FAULT_RE = re.compile(
    r"\b(?:one or more|two or more|more than once|at least once|every time)\s?(?:times?)?\b"
    r"|\b(?:happens|occurs)\s(?:once|again)\b",
    re.IGNORECASE,
)
_PRECONDITION_RE = re.compile(
    r"\bonly\s(?:\w+\s)?(?:triggers?|fires?|is\s(?:triggered|fired|raised))\s(?:if|when)\b"
    r"|^\**note:?\**\s",
    re.IGNORECASE,
)


def not_fault_condition(sentence: str, cond: str) -> bool:
    """Whether a Meaning sentence that says when the alert fires gives a frequency ("the
    failure happens one or more times") or a precondition ("This only triggers if the
    feature gate is enabled") in place of the fault: never a check that it no longer
    holds."""
    if _PRECONDITION_RE.search(sentence[:1000]):
        return True
    words = re.sub(
        r"\b(?:the|a|an|failure|problem|issue|error|it|this|that)\b", "", cond.casefold()
    )
    return _NOT_FAULT_RE.search(cond[:1000]) is not None and len(words.split()) <= 6


def without_failed_remedy(verify: str, section_text: str) -> str:
    """`verify` when none of its sentences says a remedy fails; else the fix section's own
    stated effect ("The icons will now appear." -> "Check that the icons now appear."), or
    the verify without those sentences ("... no icon appears. Clicking the refresh button
    does not resolve the problem." keeps its first sentence)."""
    if "\n" in verify or not _FAILED_REMEDY_RE.search(verify[:3000]):
        return verify
    sentences = split_sentences(verify)
    kept = [s for s in sentences if not failed_remedy(s)]
    if len(kept) == len(sentences):
        return verify
    effect = stated_effect(section_text)
    if effect:
        return effect
    if not kept or kept[-1].rstrip().endswith(":"):
        return verify
    return " ".join(kept)
