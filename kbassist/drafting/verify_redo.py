"""A pasted "When you X, Y" symptom said as the redo and Y turned round (drafting round 20).

Readers mark "Check that the problem no longer occurs: When you print a chart using the
HP Color LaserJet driver, white text prints black." as the symptom restated. The most
common shape of the archive's restating verifies is this one: an act the admin can redo
and one plain clause of what it brings, whose verb the earlier passes did not know
("prints", "consumes", "converts", "may have"). Said as "Print a chart using ... again:
check that white text no longer prints black." Only where the clause is one subject and one
verb in the present (or after "may"), with no negation, "only" or second clause that
turning it round would get wrong; the verify is left as it was otherwise.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_sentences
from kbassist.drafting.verify_form import (
    _FAIL_VERBS,
    _NOT_VERB,
    MAX_ACTION_WORDS,
    MAX_CHECK,
    _conjugate,
    _plural,
    whole_check,
)

#: The drafter's pasted symptom, after every other pass that could read it failed.
_PASTED_RE = re.compile(
    r"^Check that (?:the problem no longer occurs|this no longer happens): (?P<act>)(?P<q>.+)$"
)
#: The drafter's redo with the result pasted after it.
_REDONE_RE = re.compile(
    r"^(?P<act>[A-Z][^:]{3,200}?) again, and check that this no longer happens: (?P<q>.+)$"
)
#: Its first sentence: "When you X, Y." (X holds no comma: the first comma ends it).
_WHEN_YOU_RE = re.compile(
    r"^(?:When(?:ever)?|If|After) (?P<cond>you\s[^,;:]{3,200}?),\s+(?P<res>[^,;:]{3,200}?)\.$"
)
#: "you (try to) print X": the act, for a redo.
_YOU_DO_RE = re.compile(r"^you\s+(?:(?:try|attempt)\s+to\s+)?(?P<act>[a-z][\w-]*\b.*)$")
#: A word after an "-s" word that shows it was a plural noun, not the verb ("8 CD-ROM
#: drives appear", "the extended characters are replaced", "three copies of ... will print").
_NEXT_VERB = (
    r"is|are|was|were|will|may|might|can|could|must|should|would|do|does|did|have|has|of"
    rf"|(?:{_FAIL_VERBS})(?:s|es|ed|d)?"
)
#: The result: a subject opened by a determiner or a name, an optional modal, one verb.
_RESULT_RE = re.compile(
    r"^(?P<subj>[\w.+\"-]+(?:\s[\w.+()$\"-]+){0,8}?)\s+"
    r"(?:(?P<be>is|are|(?:may|might|can|will|could)\s+be)\s+(?P<pp>[a-z]{3,}ed)"
    r"|(?P<modal>may|might|can|will|could)\s+(?P<base>[a-z]{3,})"
    rf"|(?P<verb>[a-z]{{2,}}[a-rt-z]s)(?!\s+(?:{_NEXT_VERB})\b))\b(?P<rest>(?:\s[^\s]+){{0,14}})$"
)
#: Words that make a clause no plain statement to turn round: a negation (the problem is
#: what is missing), "only" (one copy prints: turning it round says none should), a second
#: clause, a pronoun or "you" (whose subject the check would not name), an "-ly" subject.
_NOT_TURNABLE_RE = re.compile(
    r"\b(?:not|no|never|nothing|none|only|but|and|or|because|although|instead|which|that"
    r"|who|you|your|it|they|this|these|there|than|unless|if|when|still|already|also|following"
    r"|one of)\b|n't\b",
    re.IGNORECASE,
)
#: Verbs that are no act of the subject: a form of "be" / "have" / "do", a modal, a word
#: that ends in "s" without being a verb.
_NOT_VERBS = frozenset(
    "is was has does its this thus yes plus always sometimes perhaps various previous"
    " his hers ours yours always us bus gas alias status series versions".split()
)
_DETERMINERS = frozenset("The A An All Some Each Every".split())
#: Words a subject never ends on: an article, a preposition, a modal.
_NOT_SUBJECT_ENDS = frozenset(
    "the a an all some each every of in on at to for from with by as into over under may"
    " might can will could".split()
)
#: Base verbs after a modal that say no state of the subject ("may be", "may have been").
_NOT_BASES = frozenset("be been have not also still only even never".split())


def _redo(cond: str) -> str:
    """ "you try to print X (HP)" -> "print X (HP)": the act the admin redoes; "" for a
    state ("you are using", "you have"), a negation or a second "you"."""
    said = _YOU_DO_RE.match(cond)
    if said is None:
        return ""
    act = said.group("act")
    first = act.split()[0].casefold()
    if (
        (first in _NOT_VERB and first != "use")  # "you use X": X is the act redone
        or first.endswith(("ing", "ed"))
        or len(act.split()) > MAX_ACTION_WORDS + 5
        or re.search(r"\byou\b|[\[\]{};:]", act)
        or act.count("(") != act.count(")")  # "(for example, AT Scheduler)" cut at its comma
    ):
        return ""
    return act


def redo_turned(verify: str) -> str:
    """ "X again: check that Y no longer ..." for a pasted "When you X, Y." whose act can
    be redone and whose result is one plain clause; `verify` unchanged otherwise."""
    if "no longer happens: " not in verify and "no longer occurs: " not in verify:
        return verify  # a cheap guard before the patterns
    pasted = _PASTED_RE.match(verify) or _REDONE_RE.match(verify)
    first = next(iter(split_sentences(pasted.group("q"))), "") if pasted else ""
    if pasted and pasted.group("act"):
        # "Print X again, and check that this no longer happens: Y": the act said already
        action, result = pasted.group("act"), first.rstrip(".")
        if re.search(r"[,;:]", result):
            return verify
        action = action[:1].lower() + action[1:]
    else:
        when = _WHEN_YOU_RE.match(first)
        if when is None:
            return verify
        action, result = _redo(when.group("cond")), when.group("res")
    said = _RESULT_RE.match(result) if action else None
    if said is None or _NOT_TURNABLE_RE.search(result):
        return verify
    subject, rest = said.group("subj"), said.group("rest")
    if said.group("pp"):
        # "a dollar sign ($) is displayed at ...", "the result will be demoted ..."
        be = said.group("be")
        be = be if be in {"is", "are"} else _conjugate("be", _plural(subject))
        verb = f"{be} no longer {said.group('pp')}"
    elif said.group("modal"):
        base = said.group("base")
        if base in _NOT_BASES or base.endswith(("ly", "ing", "ed")):
            return verify
        verb = _conjugate(base, _plural(subject))
    else:
        verb = said.group("verb")
        if verb in _NOT_VERBS or verb.endswith(("ous", "ics", "ness")) or _plural(subject):
            return verify  # "the buttons prints" reads no verb: not a clause we can turn
    if subject.split()[-1].casefold() in _NOT_SUBJECT_ENDS:
        return verify  # "the colors" read as "the" + a verb: a noun after its article
    if subject.split()[0] in _DETERMINERS:
        subject = subject[:1].lower() + subject[1:]  # "The colors" mid-sentence
    state = f"{subject} {verb}{rest}" if said.group("pp") else f"{subject} no longer {verb}{rest}"
    check = f"{action[:1].upper()}{action[1:]} again: check that {state}."

    return check if len(check) <= MAX_CHECK and whole_check(check) else verify
