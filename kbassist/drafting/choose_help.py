"""When to choose a fix, in the fix's own words: the case its opening names ("If feasible
on clouds, ...", "delete the node if it affects only one", "In extreme situations,
recreate the cluster") and what it costs (data loss, a support case). Issue 13: a
question between fixes whose choices carry no help leaves the admin guessing; these notes
join `labels.choose_notes` (permanent, temporary, download, restart, downtime) and are
none when the text says nothing."""

from __future__ import annotations

import re

from kbassist.drafting.text import split_sentences

#: "If feasible on clouds, adding more CPUs may help", "When the node is drained, ...":
#: the case a sentence of the fix's opening is for, before its comma.
_LEADING_CASE_RE = re.compile(
    r"^(?:(?:but|and|alternatively|also|then),?\s+)?"
    r"(?P<case>(?:if|when|where)\s+[^,;:]{6,120}),\s",
    re.IGNORECASE,
)
#: What follows a leading case when it is an action: "you can ...", "adding CPUs may help".
_ACTS_RE = re.compile(
    r"(?:you (?:can|could|should|must|may|need to)|(?:please )?(?:try|use)|"
    r"[a-z]+ing\b[^.;:]{0,80}\b(?:may|can|will|should|might) help)\b",
    re.IGNORECASE,
)
#: "In extreme situations recreate cluster", "As a last resort, ...": when, said outright.
_SITUATION_RE = re.compile(
    r"^(?:only\s+)?(?P<case>in (?:extreme|rare|urgent|emergency|most|some) "
    r"(?:situations?|cases?|circumstances?)|in an emergency)\b",
    re.IGNORECASE,
)
#: A case that is how a step turned out, not when to choose the fix: "If the uninstall
#: process continues to run", "if that does not work", "when prompted", "if needed".
_OUTCOME_CASE_RE = re.compile(
    r"\b(?:continues?|persists?|still|fails?|failed|succeeds?|succeeded|works?|worked|"
    r"prompted|asked|done|finished|complete[sd]?|needed|necessary|required|possible|"
    r"applicable|appropriate|desired|you want|you like|you wish|you prefer|so|this happens|"
    r"not resolved|resolved|is fixed|otherwise|for example|for instance|e\.g|"
    r"above|below|previous|following|then|ensure|make sure)\b",
    re.IGNORECASE,
)
_THIS_WAY = r"this (?:method|workaround|option|procedure|solution|resolution|approach|fix)"
#: "Only use this method if you cannot restore the symmetric key.": the case, said outright.
_ONLY_IF_RE = re.compile(
    r"\b(?:only use " + _THIS_WAY + r"|use " + _THIS_WAY + r" only)\s+"
    r"(?P<case>(?:if|when)\s[^.;:]{6,120})",
    re.IGNORECASE,
)
#: "To use this method, you must have a backup copy of the symmetric key available.": what
#: the fix needs before it can be chosen.
_NEEDS_RE = re.compile(
    r"\b(?:to use " + _THIS_WAY + r",?\s+|" + _THIS_WAY + r" requires\s+(?:that\s+)?)"
    r"(?P<need>you (?:must|need to) (?:have|be|know)\s[^.;:]{4,100})",
    re.IGNORECASE,
)
#: "This method deletes all the encrypted content.": what the fix destroys.
_DESTROYS_RE = re.compile(
    r"\b" + _THIS_WAY + r" (?P<cost>(?:deletes|removes|erases|resets|overwrites|discards)"
    r"\s[^.;:]{3,80})",
    re.IGNORECASE,
)
#: Data the fix can lose, as the article says it.
_DATA_LOSS_RE = re.compile(
    r"\b(?:data loss|loss of data|los(?:e|es|ing) (?:all |any |the |your |some )?"
    r"(?:data|changes|settings|messages|files)|data (?:will|may|might|can) be lost)\b",
    re.IGNORECASE,
)
#: A support case opened: the fix is someone else's to make.
_SUPPORT_RE = re.compile(
    r"\b(?:open (?:a |an )?(?:support )?(?:case|ticket)|(?:contact|call) "
    r"(?:microsoft |red hat |your )?(?:product |customer )?support)\b",
    re.IGNORECASE,
)
#: "to prevent data loss": the loss the fix keeps away, not one it costs.
_KEPT_AWAY_RE = re.compile(r"\b(?:prevent\w*|avoid\w*|without|against|protect\w*|no)\W+$", re.I)
#: "otherwise, you could lose your changes", "risks loss of data if ...": a step's warning
#: of what a slip costs, not what the fix costs.
_WARNED_RE = re.compile(r"\b(?:otherwise|unless|risks?|could|if you (?:do not|don't))\b", re.I)
#: "If you cannot resolve the issue, open a support case": the fallback, not the fix's cost.
_FALLBACK_RE = re.compile(
    r"\b(?:if you (?:cannot|can't|can not|are unable)|if (?:the|this) (?:issue|problem|"
    r"error) (?:persists|continues|remains)|escalate|still)\b",
    re.I,
)
#: "3." left of a numbered list: no sentence to keep before the notes.
_FRAGMENT_RE = re.compile(r"^\W*(?:\d{1,3}|[a-z])?[.)]?\W*$", re.I)
#: Words a note may share with the label and still say nothing of its own.
_SMALL = frozenset(
    "if when where in a an the it is are you your to of on for and or needs can".split()
)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.casefold()) if w not in _SMALL}


def _case(said: str) -> str:
    """The case of one sentence of a fix's opening, "" when it names none of its own. The
    case leads an action ("If feasible on clouds, adding CPUs may help"; "If you use X,
    set ..."): a case trailing a sentence is as often how the problem shows ("... when
    the user presses the DOWN ARROW key") as when to choose the fix."""
    from kbassist.drafting.name_lists import imperative

    said = " ".join(said.split()).rstrip(".")
    found = _LEADING_CASE_RE.match(said)
    if found is not None:
        rest = said[found.end() :]
        if not (imperative(rest[:1].upper() + rest[1:]) or _ACTS_RE.match(rest)):
            return ""
    elif (found := _SITUATION_RE.match(said)) is None:
        return ""
    case = found.group("case").strip()
    if _OUTCOME_CASE_RE.search(case) or "`" in case:
        return ""
    return case[0].casefold() + case[1:]


def when_notes(label: str, opening: str, body: str, have: list[str]) -> list[str]:
    """Notes on when to choose one fix drawn from its own text: the case its opening
    (label, lead, first step) names and what it costs; none that only repeat the label
    or a note already in `have`."""
    notes: list[str] = []
    for sentence in split_sentences(opening)[:3]:
        case = _case(sentence)
        # one case a fix: a lead's own case ("if you are not severely affected") is it
        if case and not any(re.match(r"(?:only )?(?:if|when)\b", h) for h in have):
            notes.append(case)
            break
    for said in (_ONLY_IF_RE, _NEEDS_RE, _DESTROYS_RE):
        if found := said.search(body):
            notes.append(" ".join(found.group(found.lastgroup or 0).split()))
            if said is _ONLY_IF_RE:
                notes[-1] = f"only {notes[-1]}"
    if any(
        not _KEPT_AWAY_RE.search(body[max(0, m.start() - 30) : m.start()])
        and not _WARNED_RE.search(body[max(0, m.start() - 60) : m.start()])
        for m in _DATA_LOSS_RE.finditer(body)
    ):
        notes.append("can lose data")
    if (
        any(
            not _FALLBACK_RE.search(opening[max(0, m.start() - 150) : m.start()])
            for m in _SUPPORT_RE.finditer(opening)
        )
        and not re.search(r"\b(?:escalat\w*|support)\b", label, re.I)
        and not any("download" in h for h in have)
    ):
        notes.append("needs a support case")
    mine = _words(label)
    return [n for n in notes if not _words(n) <= mine]


def with_notes(lead: str, said: str, limit: int = 290) -> str:
    """The fixes question's help: its lead, then the "When to choose: ..." notes. A lead
    too long for both keeps the whole sentences that fit before the notes: which fix to
    pick is what the admin came to this question for, the rest of a long lead (a registry
    warning told again in each fix) is not."""
    if not lead or len(lead) + len(said) < limit:
        return f"{lead} {said}".strip()
    kept: list[str] = []
    for sentence in split_sentences(lead):
        if len(" ".join([*kept, sentence])) + 1 + len(said) >= limit:
            break
        kept.append(sentence)
    if kept:  # "Double-click Multimedia. 3.": the next item's number is no sentence end
        kept[-1] = re.sub(r"\s+\d{1,3}[.)]$", "", kept[-1])
    while kept and (_FRAGMENT_RE.match(kept[-1]) or kept[-1].rstrip().endswith(":")):
        kept.pop()
    return " ".join([*kept, said])


#: An upgrade to a product release ("Upgrade: Windows NT Version 3.51", "Upgrade the
#: recipient's computer to Windows XP", "Upgrade: Word 2000"), not an update to download.
_PRODUCT_UPGRADE_RE = re.compile(r"^upgrade\b", re.IGNORECASE)
#: What an update to download is called: a service pack, a hotfix, a patch, a driver.
_UPDATE_WORDS_RE = re.compile(
    r"\b(?:service packs?|sp\s?\d|hotfix(?:es)?|patch(?:es)?|updates?|update rollup|"
    r"service release|sr-?\d|fix pack|drivers?|download\w*|kb ?\d{6,7}|q\d{6}|"
    r"[\w-]+\.(?:dll|exe|sys|ocx|drv))\b",
    re.IGNORECASE,
)


def product_upgrade(label: str) -> bool:
    """Whether `label` upgrades to another release of a product (Windows XP, Word 2000):
    no update to download, so "needs an update to download" is not said of it."""
    return bool(_PRODUCT_UPGRADE_RE.match(label)) and not _UPDATE_WORDS_RE.search(label)


#: A note that is one trait of the fix (`labels.choose_notes`), not a case from its text.
TRAITS = frozenset(
    {
        "needs an update to download",
        "edits the registry",
        "needs a restart",
        "needs downtime",
        "restarts a service",
        "restarts a pod",
        "works around the problem",
        "a permanent fix",
    }
)
#: A trait the choice's label already says: "Use Registry Editor" edits the registry.
_SAID_BY_LABEL = {
    "edits the registry": re.compile(r"\b(?:registry|regedit)", re.IGNORECASE),
    "needs a restart": re.compile(r"\b(?:restart|reboot)", re.IGNORECASE),
    "restarts a service": re.compile(r"\brestart", re.IGNORECASE),
    "restarts a pod": re.compile(r"\brestart", re.IGNORECASE),
    "works around the problem": re.compile(r"\bwork[- ]?around\b", re.IGNORECASE),
}
#: Traits that say which choice ends the problem for good: alone they still tell the
#: admin when to choose (the upgrade fixes it; the other way only avoids it).
_LASTING = frozenset({"a permanent fix"})


def told_apart(notes: list[list[str]], labels: list[str]) -> list[list[str]]:
    """Each choice's when-to-choose notes, less the noise: a trait its label says already
    ("Use Registry Editor": edits the registry); and when, after that, the notes are one
    lone trait of one choice ("(1) edits the registry.", "(1) needs an update to
    download."), none at all: a single trait beside choices with nothing said tells the
    admin nothing about when to choose. "A permanent fix" stays, even alone: it is the
    one trait that says which choice ends the problem (blind A/B seed 104)."""
    kept = [
        [n for n in these if not (n in _SAID_BY_LABEL and _SAID_BY_LABEL[n].search(label))]
        for these, label in zip(notes, labels, strict=True)
    ]
    said = [these for these in kept if these]
    lone = len(said) == 1 and len(said[0]) == 1 and said[0][0] in TRAITS - _LASTING
    if len(kept) >= 2 and lone:
        return [[] for _ in kept]
    return kept
