"""A verify that fits an outcome which only works round a problem that stays (round 33).

Readers of seed 90 marked "Check that the problem no longer occurs: <symptom>" under
outcomes that cannot make it so: a RESOLUTION that opens "There is no way to prevent the
WM_CONTEXTMENU message", "The only work around at this time is to execute the command
before starting Windows", a bug the STATUS says is still being researched whose
RESOLUTION is "To continue installing Windows 3.1, insert the system disk and choose
Retry". The problem is still there after such steps; what the admin can check is the
steps' own effect ("Check that you can now continue installing Windows 3.1"), or, when
the article says none, an honest "the workaround avoids it; the problem itself remains".

Also: a verify that quotes a clause cut out of the middle of a symptom sentence ("check
that this no longer happens: version 7.0, on a computer that contains both ...") quotes
the sentence's main clause instead, never the cut.

The kind is read from the article's own wording (STATUS, CAUSE, the fix's section),
never from one article. Every pattern is bounded and linear on long text.
"""

from __future__ import annotations

import functools
import re

from kbassist.drafting.goal_verify import fix_goal, goal_check
from kbassist.drafting.text import split_detail, split_sentences

#: A verify that promises the problem is gone: what a stays-outcome must not say.
_PROMISE_RE = re.compile(r"\bno longer (?:occurs|happens|appears)\b", re.IGNORECASE)
#: The fix's own section says the problem cannot be removed ("There is no way to prevent
#: the message", "The only work around at this time", "cannot be prevented").
_NO_FIX_RE = re.compile(
    r"\bthere is (?:currently |at present )?no (?:way|method|means) to (?:prevent|avoid|stop|"
    r"fix|correct|suppress|eliminate|disable|change)\b"
    r"|\bthere is (?:currently |at present )?no (?:fix|resolution|solution|correction)\b"
    r"|\bcannot be (?:prevented|avoided|fixed|corrected|suppressed|eliminated)\b"
    r"|\b(?:is|are) not possible to (?:prevent|avoid|fix|correct|suppress)\b"
    r"|\bthe only (?:work[ -]?around|way around|way to work around)\b",
    re.IGNORECASE,
)
#: The STATUS says no fix exists yet ("We are researching this problem and will post new
#: information here"); a release that corrects it ("first corrected in", "fixed in") wins.
_RESEARCHING_RE = re.compile(
    r"\bresearching this (?:problem|issue|bug)\b|\bno fix (?:is|has been) (?:available|released)\b",
    re.IGNORECASE,
)
_FIXED_IN_RE = re.compile(
    r"\b(?:corrected|fixed|resolved|addressed) in\b|\bservice pack\b|\bhotfix\b|\bupdate\b",
    re.IGNORECASE,
)
#: "To continue installing Windows 3.1, insert the disk": a sentence that opens with the
#: goal its steps are for (a dot only inside a version number).
_PURPOSE_RE = re.compile(
    r"(?:^|[.!?]\s|\s(?=T))(?:[Tt]o|[Ii]n order to)\s"
    r"(?P<goal>[a-z](?:[^,.:;!?]|\.(?=\d)){3,120}),\s"
)
#: The CAUSE or STATUS says the behaviour is the product's limit or design: it stays.
_LIMIT_RE = re.compile(
    r"\bby design\b|\blimited functionality\b|\b(?:is|are) (?:a )?(?:known )?limitations?\b"
    r"|\bdesign limitation\b|\bnot designed to\b",
    re.IGNORECASE,
)
#: A symptom sentence turned into a check ("Check that the same control on Windows 98
#: causes the message"): under a problem that cannot be prevented it checks nothing the
#: steps change; an honest by-design or "remains" check is the article's own.
_TURNED_RE = re.compile(
    r"^Check that (?!.{0,400}\b(?:by design|remains|stays|limit|workaround)\b)", re.IGNORECASE
)
#: A verify that checks an error message gone: 'Check that the message "X" no longer appears'.
_GONE_MESSAGE_RE = re.compile(r"\bmessage\b[^\n]{0,300}\bno longer appears\b")
#: A verify that already says the behaviour stays.
_SAYS_STAYS_RE = re.compile(r"\bby design\b|\bitself (?:stays|remains)\b", re.IGNORECASE)
#: A CAUSE that only says the problem is known: no cause the steps remove.
_KNOWN_RE = re.compile(r"^this is a known (?:issue|problem)\.?$", re.IGNORECASE)
#: What the steps let the admin do, in the fix's section: "This will allow you to view the
#: contents of each folder", "You can then open the file".
_EFFECT_RE = re.compile(
    r"\b(?:this|that|doing so|these steps)\s(?:will\s)?(?:allows?|lets?|enables?)\s(?:you|users?)"
    r"\sto\s(?P<what>[a-z][^.;:!?]{3,160})"
    r"|\byou (?:can|will be able to) then\s(?P<then>[a-z][^.;:!?]{3,160})",
    re.IGNORECASE,
)
#: "You must make sure that your application can handle the message without problems":
#: what the admin is told to ensure is the check.
_ENSURE_RE = re.compile(
    r"\b(?:you must |you should )?(?:make sure|ensure) that\s(?P<what>[a-z][^.;:!?]{5,200})",
    re.IGNORECASE,
)
#: A warning every procedure carries, not what these steps achieve: "you back up the
#: registry before you modify it", "you follow these steps carefully".
_BOILERPLATE_RE = re.compile(
    r"^(?:you\s)?(?:back up|follow|read|understand|have a backup|restart)\b", re.IGNORECASE
)
#: A quote that starts inside a sentence: a lower-case word that is no code name
#: ("version 7.0, on a computer that contains both ...").
_CUT_QUOTE_RE = re.compile(
    r"\bno longer (?:happens|occurs): (?!(?:you|your|the|a|an|it|this|these|those|there|some"
    r"|all|no|one|each|every|his|her|their|my|our|its|any|many|most|both|when|if|after"
    r"|before|while)\b)(?P<said>[a-z]{1,30} [^\n]{0,2000})$"
)
#: The main clause after a sentence's leading conditions: ", Write-up starts Word 97 and
#: then stops responding (hangs)." (the last comma before a capital word).
_MAIN_CLAUSE_RE = re.compile(r",\s(?P<main>[A-Z][^,]{10,300})$")
#: A clause that says something goes wrong: only such a clause is worth checking gone.
_PROBLEM_RE = re.compile(
    r"\b(?:not|no|cannot|can't|fails?|failed|error|hangs?|stops? responding|crash\w{0,3}"
    r"|missing|lost|incorrect\w{0,2}|wrong|unable|slow\w{0,2}|corrupt\w{0,3})\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=32)  # asked once per outcome of one draft, of the same texts
def problem_stays(
    section_text: str, status_text: str, cause_text: str, fixed_anywhere: str, workaround: bool
) -> str:
    """Why the fix's steps may leave the problem in place. Said by the article, so the
    problem stays: "no-fix" (the fix's section says there is no way to prevent it, or that
    this is the only work round), "limit" (the CAUSE or STATUS calls it the design or a
    limitation), "researching" (the STATUS says no fix exists yet and no release corrects
    it). Only likely, so only the steps' own effect may replace the check: "workaround"
    (a workaround outcome), "known" (the CAUSE only says it is a known issue). "" for a
    fix, as far as the article says."""
    flat = " ".join(section_text[:20000].split())
    if _NO_FIX_RE.search(flat):
        return "no-fix"
    status = " ".join(status_text[:5000].split())
    cause = " ".join(cause_text[:5000].split())
    if _LIMIT_RE.search(f"{cause} {status}"):
        return "limit"
    if _RESEARCHING_RE.search(status) and not _FIXED_IN_RE.search(fixed_anywhere[:50000]):
        return "researching"
    if workaround:
        return "workaround"
    if _KNOWN_RE.match(cause):
        return "known"
    return ""


def _no_fix_sentence(section_text: str) -> str:
    """The section's sentence that says there is no fix, whole, when it is short."""
    for sentence in split_sentences(" ".join(section_text[:20000].split())):
        if _NO_FIX_RE.search(sentence) and len(sentence) <= 220:
            return sentence
    return ""


def own_effect(label: str, lead: str, section_text: str, anywhere: bool = True) -> str:
    """The steps' own effect as a check: their stated goal ("To continue installing X,
    insert ..." -> "Check that you can now continue installing X"), what they let the
    admin do ("This will allow you to view ..."), or what the admin must make sure of;
    "" when the article says none."""
    goal, said = fix_goal(label, lead, section_text)
    check = goal_check(goal) if goal and said and _can_check(goal) else ""
    if not check:
        # "To continue installing Windows 3.1, insert the disk": a goal in the sentence
        flat = " ".join(section_text[:20000].split())
        opening_only = flat if anywhere else flat[:300]
        for opening in _PURPOSE_RE.finditer(opening_only):
            if not anywhere and opening.start() > 0:
                break  # a weak sign: only the section's opening goal is the steps' own
            goal = opening.group("goal")
            check = _can_check(goal) and (goal_check(goal) or _can_check(goal))
            if check:
                break
    if check:
        return check
    flat = " ".join(section_text[:20000].split())
    found = _EFFECT_RE.search(flat)
    if found:
        return _can_check(found.group("what") or found.group("then"))
    ensured = _ENSURE_RE.search(flat) if anywhere else None
    if ensured and not _BOILERPLATE_RE.match(ensured.group("what")):
        what = ensured.group("what").strip().rstrip(". ")
        return f"Check that {what}."
    return ""


#: Goals that are a step on the way, or name the problem, not what the steps achieve:
#: "determine whether the driver is installed", "download the file", "be able to".
_NOT_EFFECT_VERBS = frozenset(
    "work resolve fix correct avoid prevent do reproduce be verify ensure determine check"
    " confirm test download obtain get make speed track locate find help identify have"
    " troubleshoot diagnose".split()
)


def _can_check(goal: str) -> str:
    """ "continue installing X" -> "Check that you can now continue installing X."; "" for
    a goal that points elsewhere or names the problem ("work around this problem")."""
    goal = goal.strip().rstrip(". ")
    first = goal.split(" ", 1)[0].casefold()
    if first in _NOT_EFFECT_VERBS or " and " in goal or re.match(r"see (?:if|whether)\b", goal):
        return ""  # a step's own aim ("determine whether ...", "download the file")
    if len(goal.split()) < 2:
        return ""
    return f"Check that you can now {goal}."


def round_only_verify(
    verify: str,
    label: str,
    lead: str,
    section_text: str,
    stays: str,
    fix: bool = False,
    turned: bool = False,
) -> str:
    """`verify` fitted to an outcome whose steps leave the problem in place (`stays`, from
    `problem_stays`): its promise that the problem no longer occurs becomes the steps' own
    effect, said to leave the problem itself when the article says so; or, for a problem
    the article says cannot be prevented and no effect said, an honest "the steps work
    round it; the problem remains" that quotes the no-fix sentence. `verify` unchanged
    otherwise. `fix`: the outcome is the article's RESOLUTION, not a workaround, so an
    error message it checks gone stays checked even under a by-design STATUS. `turned`:
    the verify turns the limit round ("Check that X is available in Y"), a promise too."""
    text, detail = split_detail(verify)
    if not stays or detail.strip() or _SAYS_STAYS_RE.search(text):
        return verify  # "The article says this is by design ...": already honest
    if stays == "limit" and fix and _GONE_MESSAGE_RE.search(text):
        return verify  # by design, yet the RESOLUTION's steps remove the error message
    strong = stays in {"no-fix", "limit"}
    promised = turned or _PROMISE_RE.search(text) or (stays == "no-fix" and _TURNED_RE.match(text))
    if not promised:
        return verify
    effect = own_effect(
        label, lead, section_text, anywhere=stays != "workaround" and stays != "known"
    )
    if effect and stays in {"no-fix", "limit", "researching"}:
        return f"{effect.rstrip('.')} (the steps work round the problem, which itself remains)."
    if effect:
        return effect
    if not strong:
        return verify  # a workaround may well make the symptom go away
    said = _no_fix_sentence(f"{lead} {section_text}")
    quote = f' (the article: "{said}")' if said else ""
    if stays == "limit":  # the article's steps are its answer; the design stays as it is
        return (
            "Check that the steps above get you round the problem; the article calls the "
            f"behavior by design (or a limitation), so it remains{quote}."
        )
    return (
        "Check that the steps above get you round the problem; the article gives no fix, so "
        f"the problem itself remains{quote}."
    )


def whole_clause_verify(verify: str) -> str:
    """A verify that quotes a clause cut from the middle of a symptom sentence ("... no
    longer happens: version 7.0, on a computer that contains both X and Y, Write-up starts
    Word 97 and then stops responding (hangs).") quotes the sentence's main clause
    ("Write-up starts Word 97 and then stops responding (hangs)."), when that says what
    goes wrong; else the cut is dropped for what it is about. `verify` unchanged when its
    quote starts a sentence."""
    text, detail = split_detail(verify)
    if detail.strip():
        return verify
    cut = _CUT_QUOTE_RE.search(text)
    if cut is None:
        return verify
    said = cut.group("said")
    main = _MAIN_CLAUSE_RE.search(said)
    head = text[: cut.start("said")]
    if main and _PROBLEM_RE.search(main.group("main")):
        return f"{head}{main.group('main')}"
    return verify
