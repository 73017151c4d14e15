"""A verify checks the effect, never the symptom's setting said again (drafting round 32).

Readers of seed 86 marked verifies that keep the symptom's conditions: "..., check that
you no longer notice a missing drive letter ... if you are using the SYQ55.SYS driver
version 7.33 or earlier" (the fix replaces that driver), "Check that Direct Cable
Connection works when one or both computers are using only the NetBEUI protocol" (the
fix adds IPX/SPX), "After applying Service Pack 1 ..., check that the MTA queues no
longer grow", "If you install X by using a specific user account ..., if for any reason
the account cannot be validated ..., check that you can connect". A clause that states
the setting the problem needed (something is used, run or installed, a version or
earlier, "only" one thing, a service pack applied, "for any reason") is no step of the
check and may be false once the fix is in: it is dropped, and the effect stays. A clause
that says what the admin does ("When you start X, check that ...") is how to see the
effect and stays.

The same pass mends three other shapes readers marked, each by the kind of sentence:
"check that some folder permissions ... are migrated" (the symptom's "some ... may not
be" turned round word for word: all of them must be); "Check that the problem no longer
occurs: When you complete Setup, you may experience one or more of the following
symptoms: A; B" (garbled: the action again, then none of the list); and a message list's
normal progress line quoted as the error ("The Microsoft DNS Server service is
starting."): the line after it that says what fails is the message to see gone.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_detail, with_detail
from kbassist.drafting.verify import REPRO_PREFIX

#: "If <cond>, [if <cond>,] check that Y": conditions before the check (bounded).
_LEAD_RE = re.compile(
    r"^(?P<conds>(?:(?:If|When|After|While|Once|Whenever|if|when|after|while)\s+[^,:;]{3,240},"
    r"\s{1,3}){1,3})(?P<check>check that .+)$",
    re.S,
)
#: One condition inside the lead.
_COND_RE = re.compile(
    r"(?<!\w)(If|When|After|While|Once|Whenever|if|when|after|while)\s+([^,:;]{3,240}),"
)
#: "Check that Y if|when|while <cond>." at the end of the check (bounded): no quote,
#: comma or parenthesis in the condition, and never "even if" / "only when" (a message's
#: own words or a limit of the check, not its setting).
_TAIL_RE = re.compile(
    r"^(?P<check>(?:[A-Z][^:\"]{0,200}:\s{1,3})?[Cc]heck that [^;:\"\u201c\u201d]{8,300}?)"
    r"(?<!\beven)(?<!\bonly)(?<!\bexcept)\s(?:if|when|while|whenever)\s"
    r"(?P<cond>[^,;:()\"\u201c\u201d]{3,200}?)\.?$"
)
#: A setting the fix changes or that only failed before it, said plainly: a version or
#: earlier, "only" one protocol or driver, a service pack applied, "for any reason".
_STRONG_RE = re.compile(
    r"\bversions?\s[\d.]{1,12}\s(?:or|and)\s(?:earlier|prior|older|before|lower)\b"
    r"|\bor (?:earlier|prior) versions?\b"
    r"|\busing only\b|\bonly (?:the\s)?[\w/-]{2,30}\s(?:protocol|driver|adapter)\b"
    r"|^(?:you\s(?:have\s)?)?(?:appl(?:y|ying|ied)|install(?:ing|ed)?|upgrad(?:e|ing|ed))\s"
    r"(?:service pack"
    r"|sp\d|the (?:service pack|update|hotfix))"
    r"|\bfor any reason\b|\bby using a specific\b|\bin this scenario\b",
    re.IGNORECASE,
)
#: The admin's environment said as a condition ("If you are running Windows 3.1 on a
#: computer with X", "When you are using Dial-Up Networking"): always true where the
#: admin is, no step of the check. "You have X" and a qualified setup ("a RAS connection
#: that is configured to use SLIP", "and browsing to a site where ...", "multiple
#: connections") are how the problem is triggered, and stay.
_SETUP_RE = re.compile(
    r"^you\s(?:are|were)\s(?:\w{2,12}ly\s)?(?:using|running|connected to|logged on)\b"
    r"(?![^,;]{0,240}\b(?:where|that|which|who|whose|configured|set up|multiple|several|more"
    r"\sthan|and\s(?!you\b)\w+ing)\b)",
    re.IGNORECASE,
)
#: "... and you try to connect to the site server": the action after the setup, kept.
_THEN_ACT_RE = re.compile(r"\s(?:and|then)\s(?P<act>you\s(?!are\b|were\b)[a-z].{2,200})$")


#: "in this scenario" before the redo's "again" or the check (the symptom's whole setting).
_SCENARIO_RE = re.compile(
    r"(?<=\w)\s(?:in|under)\s(?:this|that|these|those|the described)\s(?:scenarios?|situations?"
    r"|conditions?|configurations?)(?=\sagain\b|,\scheck\b|:\scheck\b)",
    re.IGNORECASE,
)


def _state(cond: str) -> bool:
    """Whether `cond` states a setting the problem needed (the admin's environment, a
    version or earlier, "only" one thing), not what the admin does or sees."""
    return _STRONG_RE.search(cond) is not None or _SETUP_RE.match(cond) is not None


def left_condition(verify: str) -> bool:
    """Whether a verify keeps a condition clause that states the symptom's setting (the
    same reading as `without_conditions`)."""
    return without_conditions(verify) != verify


def _kept_lead(conds: list[tuple[str, str]]) -> str:
    """The conditions that stay, said again as the check's lead ("If the print queue no
    longer exists, "), or an action after a dropped setup ("When you try to connect, ")."""
    kept: list[str] = []
    for word, cond in conds:
        if not _state(cond):
            kept.append(f"{word.lower()} {cond}")
        elif _SETUP_RE.match(cond) and not _STRONG_RE.search(cond):
            act = _THEN_ACT_RE.search(cond)
            if act:
                kept.append(f"when {act.group('act')}")
    if not kept:
        return ""
    lead = ", ".join(kept)
    return f"{lead[0].upper()}{lead[1:]}, "


def without_conditions(verify: str) -> str:
    """`verify` without the symptom's setting clauses ("If you are running X on a
    computer with Y, check that Z if you are using driver 7.33 or earlier" -> "Check
    that Z"); `verify` unchanged when it keeps none or only what the admin does."""
    text, detail = split_detail(verify)
    if len(text) > 1200:
        return verify
    new = text
    lead = _LEAD_RE.match(new)
    conds = _COND_RE.findall(lead.group("conds")) if lead else []
    if lead and any(_state(c) for _, c in conds):
        kept = _kept_lead(conds)
        check = lead.group("check")
        new = f"{kept}{check}" if kept else f"C{check[1:]}"
    tail = _TAIL_RE.match(new)
    if tail and _STRONG_RE.search(tail.group("cond")):
        new = f"{tail.group('check').rstrip(' ,')}."
    # "Run the package in this scenario again": the scenario is the setting the fix changes
    new = _SCENARIO_RE.sub("", new, count=1)
    if new == text:
        return verify
    return with_detail(new, detail)


#: "check that some folder permissions ... are migrated": the symptom's "some ... may not
#: be migrated" turned round word for word; every one of them must be.
_SOME_RE = re.compile(r"\b(?P<lead>[Cc]heck that )(?:some|certain)(?P<of> of)?\s(?=[A-Za-z])")


def all_not_some(verify: str) -> str:
    """`verify` checking all of what the symptom said "some" of ("check that some folder
    permissions are migrated" -> "check that all folder permissions are migrated";
    "... some X no longer Y" -> "... the X no longer Y")."""
    text, detail = split_detail(verify)
    found = _SOME_RE.search(text)
    if found is None:
        return verify
    rest = text[found.end() :]
    word = "the" if re.search(r"\bno longer\b", rest[:200]) else "all"
    if found.group("of"):
        word = "all of" if word == "all" else "each of"
    return with_detail(f"{text[: found.start()]}{found.group('lead')}{word} {rest}", detail)


#: "Check that the problem no longer occurs: When you complete Setup, you may experience
#: one or more of the following symptoms: A; B; C": the action, then the list.
_LISTED_RE = re.compile(
    r"^Check that (?:the problem no longer occurs|this no longer happens):\s"
    r"(?:When|After|If|Once)\s(?:you\s)(?P<act>[a-z][^,:;]{2,160}),\s(?:you\s)"
    r"(?:(?:may|might|can|could|will)\s)?(?:experience|notice|see|get|have|encounter)\s"
    r"(?:(?:one or more|any|some|all|either|one) of\s)?the following\s"
    r"(?:symptoms?|problems?|behaviors?|issues?|errors?)\s?:\s(?P<list>.{3,600})$",
    re.S,
)


def listed_symptoms(verify: str) -> str:
    """A pasted "When you X, you may experience the following symptoms: A; B" said as a
    check: "X again, and check that none of the following occurs: A; B"."""
    text, detail = split_detail(verify)
    said = _LISTED_RE.match(text)
    if said is None:
        return verify
    act = said.group("act").strip()
    listed = said.group("list").strip()
    new = f"{act[0].upper()}{act[1:]} again, and check that none of the following occurs: {listed}"
    return with_detail(new if new.endswith((".", "!", "?")) else f"{new}.", detail)


#: A message list's normal progress line: no error, the list goes on to say what fails.
PROGRESS_RE = re.compile(
    r"\b(?:is|are)\s(?:starting|stopping|loading|initializing|being\s\w{3,20})\.?$"
    r"|\bwas (?:started|stopped) successfully\.?$|^please wait\b",
    re.IGNORECASE,
)
#: A line that says what fails.
FAILS_RE = re.compile(
    r"\b(?:could not|cannot|can't|couldn't|failed|fails|unable|error|not be|invalid"
    r"|denied|terminated|stopped unexpectedly)\b",
    re.IGNORECASE,
)
#: The verify that quotes one message to see gone.
_MESSAGE_RE = re.compile(
    r"^(?P<lead>Check that (?:this|the) (?:error )?(?:message )?no longer appears:\s)"
    r"(?P<msg>[^\n]{3,300})$"
)


def failing_message(verify: str, symptom_text: str) -> str:
    """A quoted progress line ("The Microsoft DNS Server service is starting.") swapped for
    the line after it in the symptom's listing that says what fails ("The Microsoft DNS
    Server service could not be started."); `verify` unchanged otherwise."""
    text, detail = split_detail(verify)
    said = _MESSAGE_RE.match(text)
    if said is None or not PROGRESS_RE.search(said.group("msg").strip().strip('"')):
        return verify
    lines = [" ".join(line.split()) for line in symptom_text.splitlines()]
    msg = " ".join(said.group("msg").split()).strip('"')
    at = next((n for n, line in enumerate(lines) if line.strip('"') == msg), None)
    if at is None:
        return verify
    for line in lines[at + 1 : at + 6]:
        if not line:
            break
        if FAILS_RE.search(line) and not PROGRESS_RE.search(line):
            return with_detail(f"{said.group('lead')}{line}", detail)
    return verify


def fitting_verify(verify: str, symptom_text: str = "") -> str:
    """Every mend of this module, in turn: the symptom's setting dropped, "some" made all,
    a pasted list of symptoms said as a check, a progress line swapped for the error."""
    verify = failing_message(verify, symptom_text) if symptom_text else verify
    verify = listed_symptoms(verify)
    verify = without_conditions(verify)
    return all_not_some(verify)


#: The drafter's fallback that names the article and checks nothing in particular.
_GENERIC_RE = re.compile(r"^Check that the problem (?:in )?\S{2,40} .{0,300}no longer occurs\.$")
#: A CAUSE that opens by saying the behaviour is by design (bounded).
_DESIGN_RE = re.compile(
    r"^\s{0,8}(?P<said>(?:this|the|that)\s(?:behaviou?r\s|issue\s|problem\s)?is\sby\sdesign"
    r"[^.]{0,200}\.)",
    re.IGNORECASE,
)


def design_verify(verify: str, cause_text: str) -> str:
    """The drafter's fallback ("Check that the problem in Q115444 (...) no longer occurs.")
    said honestly where the CAUSE opens "This is by design.": the behaviour stays, and the
    steps' own result is the check; `verify` unchanged otherwise."""
    if not _GENERIC_RE.match(split_detail(verify)[0]):
        return verify
    said = _DESIGN_RE.match(cause_text)
    if said is None:
        return verify
    return (
        f'The article says this is by design ("{" ".join(said.group("said").split())}"): the '
        "behavior itself stays; check that the steps above give you what you need."
    )


#: "By using a command prompt: The X service is starting. The X service could not be
#: started. ...": an optional label, the progress sentence, then the rest (bounded).
_PROGRESS_FIRST_RE = re.compile(
    r"^(?P<label>[A-Z][^:.]{2,80}:\s{1,3})?(?P<first>[^.:]{3,200}?\b(?:is|are)\s"
    r"(?:starting|stopping|loading|initializing)\.)\s{1,3}(?P<rest>[A-Z].{3,})$",
    re.S,
)


def without_progress(message: str) -> str:
    """A listed message without its opening progress line ("The SQL Server service is
    starting.") when the next sentence says what fails: that is what names the choice."""
    said = _PROGRESS_FIRST_RE.match(message)
    if said is None or not FAILS_RE.search(said.group("rest")[:200]):
        return message
    return f"{said.group('label') or ''}{said.group('rest')}"


#: The steps to reproduce repeated as written (not yet said with the fix's change).
_REPRO_LEAD_RE = re.compile(
    re.escape(REPRO_PREFIX) + r"(?P<paren> \([^()]{0,200}\))?(?P<rest>, and check .{3,2000})$",
    re.S,
)
#: A fix that does the task another way ("Open the Access database through an ODBC DSN",
#: "Build your form manually", "Use X instead of Y"): the steps to reproduce, as written,
#: still go the way that fails.
_OTHER_WAY_RE = re.compile(
    r"^(?:[\w ]{0,20}:\s{0,3})?(?:use|open|build|create|connect|access|run|call|save|write)\b"
    r"[^.;:]{0,160}?\b(?:through|via|instead of|rather than|in place of|manually|by hand)\b",
    re.IGNORECASE,
)
#: A fix that changes the product, not the way the task is done.
_PRODUCT_FIX_RE = re.compile(
    r"^(?:[\w ]{0,20}:\s{0,3})?(?:upgrade|update|install|apply|obtain|download)\b", re.IGNORECASE
)


def other_way_repro(verify: str, label: str, product_fix: bool, fixed_elsewhere: bool) -> str:
    """A repeat of the steps to reproduce said "the way the fix above says" when the fix
    does the task another way (`label`: "Open the database through an ODBC DSN"; any
    "Use X" when `fixed_elsewhere`: STATUS names the release that fixes the product, so
    this fix only goes round it): as written, the steps still take the way that fails;
    `verify` unchanged otherwise, or for a fix that changes the product (`product_fix`)."""
    text, detail = split_detail(verify)
    lead = _REPRO_LEAD_RE.match(text)
    if lead is None or product_fix or _PRODUCT_FIX_RE.match(label):
        return verify
    use = fixed_elsewhere and re.match(r"^(?:[\w ]{0,20}:\s{0,3})?use\b", label, re.I)
    if not use and not _OTHER_WAY_RE.match(label):
        return verify
    way = re.sub(r"^[\w ]{0,20}:\s{0,3}", "", label).rstrip(". ")
    if len(way) > 160:
        return verify
    new = (
        f"{REPRO_PREFIX}{lead.group('paren') or ''} the way the fix above says, not as written "
        f"({way[0].lower()}{way[1:]}){lead.group('rest')}"
    )
    return with_detail(new, detail)
