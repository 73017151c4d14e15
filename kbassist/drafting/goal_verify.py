"""A verify that fits the kind of article: a how-to's goal, a limit's workaround (round 26).

Readers mark "Check that the problem no longer occurs: The Find tool in Registry Editor
searches for string values only" under an export-and-search procedure: the article is a
how-to or states a limit, so there is no problem to see gone, and the limit stays after
the workaround. The check such a fix has is its own goal ("To search for DWORD data ...,
follow these steps" -> "Check that you can search for DWORD data ..."; "To turn on SQL
Server tracing:" -> "Check that SQL Server tracing is turned on"). The kind is read from
the article's sections and wording, never from one article.
"""

from __future__ import annotations

import re
from itertools import pairwise

from kbassist.drafting.own_check import own_check_sentence
from kbassist.drafting.text import split_detail, split_sentences
from kbassist.drafting.verify import states_problem

#: Sections a how-to or information article has none of: no problem, no fix of its own.
PROBLEM_KEYS = frozenset(
    (
        "symptoms",
        "symptom",
        "cause",
        "causes",
        "resolution",
        "resolutions",
        "solution",
        "workaround",
        "workarounds",
        "status",
    )
)
#: "How to ...", "HOWTO: ...", "XADM: How to Use ...": a title that names a goal.
_HOWTO_TITLE_RE = re.compile(r"^(?:[A-Z]{2,8}:\s{1,3})?how ?to\b:?\s{0,3}", re.IGNORECASE)
#: A symptom sentence that states a limit a fix works round, not a fault it removes:
#: "searches for string values only", "is not able to locate", "does not support".
LIMIT_RE = re.compile(
    r"\b(?:is|are) not (?:able|supported|designed)\b|\bdo(?:es)?(?: not|n't) support\b"
    r"|\bnot possible\b|\bby design\b|\blimitation\b|\b(?:is|are) limited to\b"
    r"|\b(?:supports?|searches|accepts?|allows?|works?|displays?|handles?) [^.]{0,60}? only\b"
    r"|\bonly (?:supports?|accepts?|allows?|works?|searches|displays?|handles?)\b"
    # "Pine does not offer a separate entry for ...": a feature the product lacks
    r"|\bdo(?:es)?(?: not|n't) (?:offer|provide|have|include|expose) (?:a|an|any) "
    r"(?:separate|way|option|setting|method|feature|mechanism|means)\b",
    re.IGNORECASE,
)
#: "WARNING: ... not supported by Microsoft Product Support Services": a support policy
#: or a note, not a limit of the product; "By default, this is set to X only": a default
#: the steps change, gone once they are done.
_DISCLAIMER_RE = re.compile(
    r"^(?:warning|note|important|caution|by default)\b"
    r"|\bsupported by (?:microsoft|pss|product support)",
    re.IGNORECASE,
)
#: A symptom that names an error or a failure is a fault, even when its message says
#: "doesn't support" ("error 438 - Object doesn't support this property or method").
_FAULT_SAID_RE = re.compile(
    r"\berror\b|\byou (?:receive|get)\b|\bfail(?:s|ed)?\b|\bhangs?\b|\bcrash",
    re.IGNORECASE,
)
#: The drafter's verify that pastes the symptom back: what follows is the quote.
_PASTED_RE = re.compile(
    r"^Check that (?:the problem no longer occurs|this no longer happens): (?P<said>.+)$", re.S
)
#: "To search for DWORD data ..., follow these steps:", "To turn on SQL Server tracing:":
#: the goal a how-to's procedure is for (bounded: linear on long text).
_GOAL_RE = re.compile(
    r"(?:^|[.:]\s{1,4})(?:to|in order to)\s+(?P<goal>[a-z][^,.:;]{3,160}?)\s{0,3}(?::|,\s{0,3}"
    r"(?:[^.:;]{0,80}?\b)?(?:follow|do|use|perform|complete|carry out)\b[^.:;]{0,80}:)",
    re.IGNORECASE,
)
#: "... using this technique": how, not what; the goal reads whole without it.
_HOW_RE = re.compile(
    r"\s(?:using|with|by|in) (?:this|these|the following) (?:technique|method|procedure|steps?"
    r"|way)$",
    re.IGNORECASE,
)
#: "create the package do the following": the lead-in's tail run into the goal.
_FOLLOW_RE = re.compile(
    r"\s(?:do|follow|perform|use|complete)\s(?:the following|these)\b.{0,200}$", re.I
)
#: A goal that shows or tests the problem, or undoes the fix: no check to make of it.
_NOT_GOAL_RE = re.compile(
    r"^(?:reproduce|repro|demonstrate|illustrate|see (?:this|the) (?:problem|behavior)"
    r"|do (?:this|so|that)|undo|remove (?:this|the) (?:fix|workaround)|work around|resolve"
    r"|correct|fix|avoid|prevent|troubleshoot|determine|verify|check|confirm|find out)\b",
    re.IGNORECASE,
)
#: Goals checked by doing them: "Check that you can search for DWORD data ...".
_CAN_VERBS = frozenset(
    "access browse connect display distinguish find identify list locate log monitor open pass"
    " print read retrieve run search see send share tell use view".split()
)
#: Goals that change something: "turn on SQL Server tracing" -> "SQL Server tracing is
#: turned on". The verb's past participle.
_DONE_VERBS = {
    "add": "added",
    "allow": "allowed",
    "assign": "assigned",
    "change": "changed",
    "configure": "configured",
    "create": "created",
    "decrease": "decreased",
    "delete": "deleted",
    "disable": "disabled",
    "enable": "enabled",
    "hide": "hidden",
    "increase": "increased",
    "install": "installed",
    "move": "moved",
    "populate": "populated",
    "reduce": "reduced",
    "register": "registered",
    "remove": "removed",
    "rename": "renamed",
    "reset": "reset",
    "start": "started",
    "restore": "restored",
    "set": "set",
    "turn": "turned",
    "update": "updated",
}
#: A verb's particle that stays after the participle: "turn on X" -> "X is turned on".
_PARTICLES = frozenset(("on", "off", "up", "down", "out", "back"))
#: Words that end a goal's object: "the data transfer speed" | "to 19200 baud".
_OBJECT_ENDS = frozenset(
    "to in on onto for from with by at so using via through into under as over across"
    " within".split()
)
#: A fix title's method prefix: "Method 1: ", "Workaround: ".
_PREFIX_RE = re.compile(
    r"^(?:(?:method|workaround|option|solution|resolution)(?:\s+\w{1,5})?\s{0,3}:\s{0,3})",
    re.IGNORECASE,
)


def article_kind(article_title: str, section_keys: set[str], mskb: bool) -> str:
    """What an article is, for its verify: "howto" (an MS KB article with no SYMPTOMS,
    CAUSE or fix section, or a "How to" title) or "" (a fault and its fix, as far as the
    sections tell)."""
    if (mskb and not section_keys & PROBLEM_KEYS) or _HOWTO_TITLE_RE.match(article_title):
        return "howto"
    return ""


def fix_goal(label: str, lead: str, section: str = "", article_title: str = "") -> tuple[str, bool]:
    """(the goal a fix's steps are for, whether the article says it): "To X, follow these
    steps:" in its lead, or in its section where X is its title; else its title when that
    starts with a verb the goal check can turn ("Enable the feature"), not said as a goal;
    else a "How to X" article title's X;
    ("", False) when neither says one (or the goal only shows or fixes the problem)."""
    title = _PREFIX_RE.sub("", " ".join(label.split()), count=1).rstrip(". ")
    for text, own in ((lead, True), (section, False)):
        for found in _GOAL_RE.finditer(" ".join(text[:20000].split())):
            goal = _HOW_RE.sub("", _FOLLOW_RE.sub("", found.group("goal").strip()))
            if _NOT_GOAL_RE.match(goal):
                continue
            cut = title.casefold().rstrip(".\u2026 ")
            if (
                own
                or goal.casefold() == cut
                or (len(cut) >= 15 and goal.casefold().startswith(cut))
            ):
                return goal, True
    first = title.split(" ", 1)[0].casefold()
    if (first in _CAN_VERBS or first in _DONE_VERBS) and len(title.split()) >= 3:
        return title[0].lower() + title[1:], False
    # a how-to's own title names the goal of its "Step-by-Step Example"
    named = _HOWTO_TITLE_RE.match(article_title)
    goal = _HOW_RE.sub("", article_title[named.end() :].strip(" .")) if named else ""
    if goal and not _NOT_GOAL_RE.match(goal):
        return goal[0].lower() + goal[1:], True
    return "", False


def goal_check(goal: str) -> str:
    """The goal as a check: "Check that you can search for X" for a goal done by doing
    it, "Check that X is turned on" for one that changes X; "" for any other goal."""
    words = goal.split()
    if len(words) > 1 and words[0].casefold().endswith("ly"):
        words = words[1:]  # "safely remove X": the verb after the adverb
        goal = " ".join(words)
    verb = words[0].casefold()
    if any(
        w.casefold() in ("and", "or") and n + 1 < len(words) and _is_verb(words[n + 1])
        for n, w in enumerate(words)
    ):
        return ""  # "start WFWG and disable sharing": two things done, no one to check
    goal = _BY_DOING_RE.sub("", goal)  # "... by typing the following line": how, not what
    words = goal.split()
    if verb in _CAN_VERBS:
        if len(words) > 1 and words[1].casefold() in _PRONOUNS:
            return ""  # "use these applications": which ones is said elsewhere
        return f"Check that you can now {goal.rstrip('. ')}."
    done = _DONE_VERBS.get(verb)
    if done is None or len(words) < 2:
        return ""
    particle = words[1].casefold() if words[1].casefold() in _PARTICLES else ""
    rest = words[2:] if particle else words[1:]
    # the object runs to the first preposition: "the data transfer speed" | "to 19200 baud"
    cut = next((n for n in range(1, len(rest)) if _object_ends(rest, n)), len(rest))
    thing, tail = rest[:cut], rest[cut:]
    if not thing or thing[0].casefold() in _PRONOUNS | {"any", "and", "or"}:
        return ""  # "create it", "remove and reinstall X": no one thing to find afterwards
    if thing[0].casefold() in {"a", "an"}:
        thing = ["the", *thing[1:]]  # "add a delegate" -> "the delegate is added"
    # the head noun: before a kept "similar to these examples", else the last word
    head = next(
        (
            w
            for n, (w, after) in enumerate(pairwise(thing))
            if after.casefold() in _OBJECT_ENDS
            and not (w[:1].isupper() and thing[n + 2 : n + 3] and thing[n + 2][:1].isupper())
        ),
        "",
    )
    last = (head or thing[-1]).strip("\"'()")
    plural = last.endswith("s") and not last.endswith("ss") and not last.isupper()
    said = " ".join(
        [*thing, "are" if plural else "is", done, *([particle] if particle else []), *tail]
    )
    return f"Check that {said.rstrip('. ')}."


#: Objects that point elsewhere: "use these applications", "create it".
_PRONOUNS = frozenset(("it", "them", "this", "that", "these", "those"))
#: "... by typing the following line at the prompt": how the goal is reached, cut off.
_BY_DOING_RE = re.compile(r"\s+by\s+[a-z]{2,30}ing\b.{0,400}$", re.IGNORECASE)
#: Words before a preposition that keep it in the object: "a META tag similar to these".
_KEEPS_PREPOSITION = frozenset(("similar", "such", "equal", "next", "close", "prior"))


def _is_verb(word: str) -> bool:
    """A word the goal checks know as a verb ("disable", "Configure")."""
    said = word.casefold()
    return said in _CAN_VERBS or said in _DONE_VERBS


def _object_ends(words: list[str], n: int) -> bool:
    """Whether a goal's object ends before `words[n]`: a preposition, not inside a name
    ("Windows for Workgroups") nor after "similar" ("a tag similar to these")."""
    if words[n].casefold() not in _OBJECT_ENDS:
        return False
    before = words[n - 1]
    after = words[n + 1] if n + 1 < len(words) else ""
    if before.casefold() in _KEEPS_PREPOSITION:
        return False
    return not (before[:1].isupper() and after[:1].isupper() and words[n].islower())


#: "To avoid this behavior", "To correct this problem": a fault and its fix, whatever
#: the sections are called.
_FAULT_FIX_RE = re.compile(
    r"\bto (?:avoid|prevent|correct|resolve|fix|work around|remedy|solve) (?:this|the)"
    r" (?:problem|behaviou?r|issue|error|situation)\b",
    re.IGNORECASE,
)
#: A last step's sentence that says what the reader sees once it is done: "you should
#: see ...", "The macro will add the first 2 cells", "the new icon appears".
_RESULT_RE = re.compile(
    r"\byou (?:should|will) (?:now )?(?:see|get|receive|notice|be able to)\b|\bshould now\b"
    r"|\b(?:now|then) (?:appears?|shows?|lists?|displays?|contains?)\b"
    r"|\b(?:is|are) (?:now )?(?:displayed|shown|listed|created|added)\b"
    r"|\bwill (?:now )?(?:add|put|show|display|list|appear|return|print|open|contain|be)\b",
    re.IGNORECASE,
)
#: A sentence that only sets a case or warns: no result seen.
_NOT_RESULT_RE = re.compile(
    r"^(?:if|unless|otherwise|however|note|warning|caution|important|for (?:example|more)"
    r"|this (?:article|section))\b|\?$",
    re.IGNORECASE,
)
#: "When the Setup dialog is displayed, select ...": the case a step is done in.
_LEADING_CASE_RE = re.compile(r"^(?:when|after|once|as soon as)\b[^,]{0,200},", re.IGNORECASE)
#: A stop inside a closing quote that ends a sentence: '"MyAdd." In the menu'.
_QUOTED_STOP_RE = re.compile(r"(?<=[.!?][\"\u201d])\s+(?=[A-Z])")
#: The longest result sentence quoted as the check.
MAX_RESULT = 250


def step_result(items: list[str]) -> str:
    """The sentence of a fix's last step (or its detail) that says what the reader sees
    once it is done ("The macro will add the first 2 cells and put the result into
    cell(1,3)."); "" when it says none."""
    if not items:
        return ""
    text, detail = split_detail(items[-1])
    for part in (text, detail):
        for whole in split_sentences(" ".join(part.split()[:600]))[:12]:
            # 'Right-click on "MyAdd." In the pop-up menu, ...': split at a quoted stop too
            for sentence in _QUOTED_STOP_RE.split(whole):
                if len(sentence) > MAX_RESULT or _NOT_RESULT_RE.search(sentence):
                    continue
                main = _LEADING_CASE_RE.sub("", sentence, count=1)
                if _RESULT_RE.search(main) or own_check_sentence(sentence):
                    return sentence
    return ""


#: "you can prevent this window from being resized", "lets you scroll": what the reader
#: can do after a how-to's steps (never "allows a window to be re-sized", said of a thing).
_EFFECT_RE = re.compile(
    r"\b(?:you|users?|administrators?)\s{1,3}(?:can|will\s{1,3}be\s{1,3}able|are\s{1,3}able)\b"
    r"|\b(?:lets?|allows?|enables?)\s{1,3}(?:you|users?|administrators?)\b",
    re.IGNORECASE,
)


def fitted_verify(
    verify: str,
    kind: str,
    label: str,
    lead: str,
    workaround: bool,
    section: str = "",
    items: list[str] | None = None,
    article_title: str = "",
) -> str:
    """`verify` fitted to the article's kind: a pasted symptom ("Check that the problem
    no longer occurs: X") becomes the fix's goal as a check in a how-to whose quote says
    nothing goes wrong, or wherever X states a limit the fix works round; a limit with
    no goal to check is said to stay. `verify` unchanged otherwise (a fault's symptom to
    see gone is the right check)."""
    pasted = _PASTED_RE.match(verify)
    if pasted is None or "\n" in verify:  # a check with a detail under it is its own
        return verify
    said = pasted.group("said")
    limit = (
        LIMIT_RE.search(said) is not None
        and not _DISCLAIMER_RE.search(said)
        and not _FAULT_SAID_RE.search(said)
        and (workaround or kind == "howto")
    )
    if not limit and kind != "howto":
        return verify
    if not limit and _FAULT_FIX_RE.search(f"{lead} {section[:20000]}"):
        return verify  # "To avoid this behavior, ...": a fault and its fix, in a SUMMARY
    goal, said_so = fix_goal(label, lead, section, article_title)
    # a how-to's sentence that says something goes wrong is kept unless the article
    # itself says what the steps are for
    check = goal_check(goal) if goal and (limit or said_so or not states_problem(said)) else ""
    if check:
        return check
    result = step_result(items or []) if limit or not states_problem(said) else ""
    if result:
        return f"Check that you get what the last step describes: {result}"
    if limit:
        return (
            f"The article describes a limit that stays ({said.rstrip('. ')}); check that the "
            "steps above work round it."
        )
    if kind == "howto" and not states_problem(said):
        # a how-to or an information article: no problem to see gone (round 30); the
        # sentence that says what the reader can do then is the check, never the first
        # sentence whatever it says ("The Missile Command scenario is a nightmare")
        effect = next((s for s in split_sentences(said) if _EFFECT_RE.search(s)), "")
        if effect:
            return f"Check that the steps above had the effect the article describes: {effect}"
        return "Check that the steps above did what the article says they are for."
    return verify
