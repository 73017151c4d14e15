"""Verifies and rollbacks that fit what the outcome does (round 35, verify36).

Readers of seed 98 marked four kinds:

- an upgrade verified as a workaround: the CAUSE says "your compressed drive has not been
  upgraded to DriveSpace 3", the fix upgrades it, yet a boilerplate STATUS ("We are
  researching this problem") made the verify "Check that you can now upgrade a compressed
  drive (the steps work round the problem, which itself remains)". Steps that do what the
  CAUSE says was not done remove the cause: the problem does not stay (`removes_cause`);
- a positive check that keeps the symptom's condition ("Check that the Service starts if
  HIS 2000 is removed and reinstalled"): the condition is how the problem came, not what
  to check (`without_condition`);
- a rollback ("restore the data from the backup") where the article says "you cannot
  currently roll back these changes": none is offered, the article's warning is said
  before the steps instead (`no_rollback`);
- a diagnosis as the verify ("Confirm that All Application Packages group is missing"):
  that is what to look for before the fix, not its effect (`diagnosis_verify`).

Every pattern is bounded and linear on long hostile text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kbassist.drafting.text import split_detail, split_sentences

#: The CAUSE says something was not done: "has not been upgraded", "is not installed",
#: "was not registered". The participle names what the steps must do.
_NOT_DONE_RE = re.compile(
    r"\b(?:has|have|had|is|are|was|were)\s(?:not|never)\s(?:yet\s|been\s|yet\sbeen\s){0,2}"
    r"(?P<done>[a-z]{3,20}ed)\b",
    re.IGNORECASE,
)
#: The option's leading verb ("Method 1: Upgrade ...", "To install ..."): what it does.
_LEAD_VERB_RE = re.compile(
    r"^(?:(?:method|option|resolution|workaround|fix|solution)\s{0,3}\d{0,3}\s{0,3}:\s{0,3})?"
    r"(?:to\s)?(?P<verb>[a-z]{3,20})\b",
    re.IGNORECASE,
)


def _stem(word: str) -> str:
    """ "upgraded" / "upgrade" -> "upgrad"; "installed" / "install" -> "install"."""
    word = word.casefold()
    for end in ("ied", "ed", "es", "e", "s"):
        if word.endswith(end) and len(word) - len(end) >= 3:
            return word[: -len(end)] + ("y" if end == "ied" else "")
    return word


def removes_cause(cause_text: str, label: str, lead: str = "") -> bool:
    """True when the outcome's steps do what the CAUSE says was not done ("has not been
    upgraded" and "Upgrade the compressed drive"): they remove the cause, so the problem
    does not stay whatever a boilerplate STATUS says."""
    flat = " ".join(cause_text[:5000].split())
    done = {_stem(m.group("done")) for m in _NOT_DONE_RE.finditer(flat)}
    if not done:
        return False
    for said in (label, lead):
        verb = _LEAD_VERB_RE.match(said.strip()[:200])
        if verb and _stem(verb.group("verb")) in done:
            return True
    return False


#: A positive check that ends in the symptom's condition: "Check that the Shared Folders
#: Gateway Service (Sfgw.exe) starts if Host Integration Server 2000 is removed and
#: reinstalled." (the verb a short check word, the condition the rest of the sentence).
_CONDITION_RE = re.compile(
    r"^(?P<check>Check that [^,:;\n]{3,200}?\s(?:starts|runs|works|loads|opens|appears|"
    r"connects|responds|succeeds|is (?:available|displayed|listed|created|running)))"
    r"\s(?:if|when|after)\s[^,:;\n]{3,300}\.?$"
)


def without_condition(verify: str, symptom_text: str) -> str:
    """`verify` without the symptom's condition pasted after its check ("... starts if X
    is removed and reinstalled" -> "... starts."), when the condition is the symptom's
    own words; `verify` unchanged otherwise."""
    text, detail = split_detail(verify)
    if detail.strip():
        return verify
    found = _CONDITION_RE.match(text.strip())
    if found is None:
        return verify
    condition = text.strip()[found.end("check") :].strip().rstrip(".").casefold()
    flat = " ".join(symptom_text[:20000].split()).casefold()
    if condition not in flat:
        return verify  # a condition the check needs, not the symptom's
    return f"{found.group('check')}."


#: The fix's own section says its change cannot be undone: "This cannot be undone", "you
#: cannot undo this action", "there is no way to roll back", "is irreversible" (never a
#: tool's own "Sysprep can't roll back when it experiences errors": the problem).
_NO_ROLLBACK_RE = re.compile(
    r"\b(?:cannot|can't|can not)\s(?:currently\s|easily\s)?be\s"
    r"(?:rolled\sback|undone|reverted|reversed)\b"
    r"|\b(?:cannot|can't|can not)\s(?:currently\s)?(?:roll back|undo|revert|reverse)\s"
    r"(?:this|these|the|those|such|your)\s(?:\w{1,20}\s)?(?:changes?|actions?|operations?)\b"
    r"|\bthere is no (?:way to |method to )?(?:roll ?back|undo|revert)\b"
    r"|\b(?:is|are) (?:not reversible|irreversible)\b",
    re.IGNORECASE,
)
#: Anywhere in the article, only a sentence about the changes themselves: "you cannot
#: currently roll back these changes", "permission changes ... cannot be undone" (not the
#: problem's own "the corruption cannot be reversed", "Sysprep can't roll back").
_CHANGES_DENIED_RE = re.compile(
    r"\b(?:cannot|can't|can not)\s(?:currently\s)?(?:roll back|undo|revert|reverse)\s"
    r"(?:these|those|the|this|such|your)\s(?:\w{1,20}\s)?changes?\b"
    r"|\bchanges?\b[^.;:!?]{0,160}\b(?:cannot|can't|can not)\s(?:currently\s)?be\s"
    r"(?:undone|rolled back|reverted|reversed)\b",
    re.IGNORECASE,
)
#: A sentence that only supposes it ("If you can't roll back ..."), says what a user or
#: a wizard cannot undo, or a problem that stays ("the corruption cannot be reversed").
_SUPPOSED_RE = re.compile(
    r"^(?:if|when|unless)\b|\b(?:if|unless) (?:you )?(?:can't|cannot|can not|are unable)\b"
    r"|\b(?:the user|wizard|undo operation|list of actions|corrupt\w{0,4}|behaviou?r)\b"
    r"|\bif a problem occurs\b",
    re.I,
)
#: A Markdown note's quote marks left inside the flattened text ("settings. > > Extensive").
_QUOTE_MARK_RE = re.compile(r"(?:^|(?<=\s))>(?=\s|$)")


@lru_cache(maxsize=16)
def _denying(text: str, pattern: re.Pattern[str]) -> str:
    """The first short sentence of `text` that `pattern` finds and that is not a supposal
    (memoised: every outcome of an article asks it of the same article text; hostile23's
    900 outcomes read 60 KB each: 2.9 s)."""
    flat = " ".join(text[:60000].split())
    if not pattern.search(flat):
        return ""
    flat = _QUOTE_MARK_RE.sub(" ", flat)  # "> > Extensive ...": a note's quote marks
    for sentence in split_sentences(flat):
        sentence = sentence.strip()
        if pattern.search(sentence) and len(sentence) <= 300 and not _SUPPOSED_RE.search(sentence):
            return sentence
    return ""


def no_rollback(section_text: str, article_text: str = "") -> str:
    """The article's sentence saying the fix's change cannot be rolled back ("However, you
    cannot currently roll back these changes."): any such in the fix's own section, else
    one about "these changes" anywhere; "" when it says nothing of it."""
    return _denying(section_text, _NO_ROLLBACK_RE) or _denying(article_text, _CHANGES_DENIED_RE)


#: A verify that checks the problem's sign is there ("Confirm that All Application
#: Packages group is missing", "Verify that the key does not exist"): a diagnosis.
_DIAGNOSIS_RE = re.compile(
    r"^(?:confirm|verify|check|make sure|ensure) that\s(?P<what>[^\n]{3,200}?)\s"
    r"(?:is|are) (?:missing|absent|not (?:present|listed|there))\.?$",
    re.IGNORECASE,
)


def diagnosis_verify(verify: str) -> str:
    """A verify that confirms the problem's sign ("Confirm that All Application Packages
    group is missing") turned to the fix's effect ("Check that All Application Packages
    group is present"); `verify` unchanged otherwise."""
    text, detail = split_detail(verify)
    if detail.strip():
        return verify
    found = _DIAGNOSIS_RE.match(text.strip())
    if found is None:
        return verify
    what = found.group("what")
    verb = "are" if re.search(r"\bare (?:missing|absent|not)\b", text) else "is"
    return f"Check that {what} {verb} now present (the steps above restore it)."
