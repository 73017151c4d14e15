"""A verify that quotes the symptom's background quotes its real symptom sentence instead
(drafting round 22).

Readers mark "verify restates background": a SYMPTOMS section that opens with how a thing
works ("The Readme.txt file in the root directory of the CD-ROM states that ... you should
run Autorun.exe", "When you are using SMS Installer, the Check Disk Space script is used to
ensure that ...") and only then says what goes wrong ("However, if you run
\\Win98SH\\Autorun.exe, My Computer will open ...", "... the disk space may be calculated
incorrectly"). The drafter pasted the opening; no admin can check that a README no longer
says something. Read by the shape of the sentences, never by article: an opening with no
word of anything going wrong, then a later sentence that turns from it or says what fails.
"""

from __future__ import annotations

import re

from kbassist.drafting.symptoms import TURN_RE, is_turn
from kbassist.drafting.text import split_sentences
from kbassist.drafting.verify_form import structured_check

#: The drafter's pasted symptom.
_PASTED_RE = re.compile(
    r"^Check that (?:the problem no longer occurs|this no longer happens): (?P<q>.+)$"
)
#: Any word that may say something goes wrong (broad on purpose: a sentence holding one is
#: never taken for background).
_WRONG_WORD_RE = re.compile(
    r"\b(?:not|no|never|cannot|unable|fail\w*|error\w*|crash\w*|hang\w*|halts?|stops?|stopped"
    r"|incorrect\w*|wrong\w*|missing|lost|loss|lose|loses|denied|slow\w*|freez\w*|invalid"
    r"|unexpected\w*|\w+n't|blank|corrupt\w*|disappear\w*|exception|violat\w*|fault|problems?"
    r"|issues?|only|instead|rather|garbage|garbled|unavailable|distorted|overlap\w*|reversed"
    r"|deadlock\w*|still|anyway|even|but|however|unfortunately|bug|vulnerab\w*|leak\w*|warning"
    r"|message|erratic\w*|bold|tint|larger|smaller|random\w*|continue\w*|again|truncat\w*"
    r"|ignor\w*|flicker\w*|beeps?|blurry|fuzzy|choppy|broken|converts?|reset|removed|lock\w*"
    r"|busy|timeout|time out|times out|timed out|unresponsive|black|white|wrap\w*|shifted)\b",
    re.IGNORECASE,
)
#: A later sentence about the problem itself, true while it occurs ("This problem occurs
#: when ...", "It is ..."): never the check.
_ABOUT_IT_RE = re.compile(
    r"^(?:this|these|that|those|it|they|both|the problem|the issue)\b", re.IGNORECASE
)
#: ... or one that names the problem or gives an example of it ("For example, Notepad is not
#: affected by this problem."): about the problem, not the problem.
_NAMES_IT_RE = re.compile(
    r"^(?:for (?:example|instance)|note)\b|\b(?:this|the|that) (?:problem|issue|behaviou?r|bug"
    r"|article)\b|\baffected\b",
    re.IGNORECASE,
)
#: The longest sentence quoted as the check.
MAX_QUOTE = 220
#: The symptom sentences read.
MAX_SENTENCES = 6


#: An opening that is background by its own words: what a thing is for, can do, or what
#: a document says ("... states that you should run Autorun.exe", "X allows you to").
_BACKGROUND_RE = re.compile(
    r"\b(?:states?|says?|should|allows?|provides?|used to|designed|can|supports?|possible"
    r"|works?|recommends?|describes?|assume|able)\b",
    re.IGNORECASE,
)


def _goes_wrong(sentence: str, opening: str) -> bool:
    """Whether `sentence` says what goes wrong after `opening`: a failure it states, or a
    turn from an opening that is background by its own words (a turn from a plain result,
    "However, if you view X, it has 0", is the normal case told apart)."""
    from kbassist.drafting.verify import states_problem

    if is_turn(sentence):
        return True
    if TURN_RE.match(sentence):
        return bool(_BACKGROUND_RE.search(opening))
    return bool(states_problem(sentence))


def background_verify(verify: str, symptom: str) -> str:
    """`verify` with the symptom's real sentence in place of its background: a pasted
    opening that says nothing goes wrong, over a later sentence that turns from it or says
    what fails, checks that sentence (turned round when it reads as one result, else quoted
    whole); `verify` unchanged otherwise."""
    pasted = _PASTED_RE.match(verify)
    if pasted is None or not symptom:
        return verify
    quoted = split_sentences(pasted.group("q"))
    if not quoted or any(_WRONG_WORD_RE.search(s) for s in quoted):
        return verify
    sentences = split_sentences(" ".join(symptom.split()))[:MAX_SENTENCES]
    if not sentences or sentences[0] != quoted[0]:
        return verify  # the quote is not the symptom's opening
    for sentence in sentences[len(quoted) :]:
        if sentence.rstrip().endswith(":") or _ABOUT_IT_RE.match(sentence):
            continue
        if _NAMES_IT_RE.search(sentence):
            continue
        if not _goes_wrong(sentence, " ".join(quoted)):
            continue
        said = TURN_RE.sub("", sentence, count=1).strip()
        said = f"{said[:1].upper()}{said[1:]}"
        if len(said) > MAX_QUOTE and ";" in said:
            said = said.split(";", 1)[0].rstrip(" ,") + "."  # its first clause is whole
        if len(said) > MAX_QUOTE or _ABOUT_IT_RE.match(said):
            return verify
        check = structured_check(said)
        if check or ":" in said:  # a message pasted after its lead-in is no sentence to quote
            return check or verify
        return f"Check that this no longer happens: {said}"
    return verify
