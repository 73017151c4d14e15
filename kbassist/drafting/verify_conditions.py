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

#: "If <cond>, [if <cond>,] check that Y": conditions before the check (bounded).
_LEAD_RE = re.compile(
    r"^(?P<conds>(?:(?:If|When|After|While|Once|Whenever|if|when|after|while)\s+[^,:;]{3,240},"
    r"\s{1,3}){1,3})(?P<check>check that .+)$",
    re.S,
)
#: One condition inside the lead.
_COND_RE = re.compile(
    r"(?:If|When|After|While|Once|Whenever|if|when|after|while)\s+([^,:;]{3,240}),"
)
#: "Check that Y if|when|while <cond>." at the end of the check (bounded, no comma in it).
_TAIL_RE = re.compile(
    r"^(?P<check>(?:[A-Z][^:]{0,200}:\s{1,3})?[Cc]heck that [^;:]{8,300}?)"
    r"\s(?:if|when|while|whenever)\s(?P<cond>[^,;:()]{3,200}?)(?P<end>[.]?)$"
)
#: A condition that states the setting the problem needed, not an action to redo.
_STATE_RE = re.compile(
    r"\b(?:are|is|were|was)\s(?:\w{2,12}ly\s)?(?:using|running|configured|installed"
    r"|loaded|located|connected|logged on)\b"
    r"|\bversions?\s[\d.]{1,12}\s(?:or|and)\s(?:earlier|prior|older|before|lower)\b"
    r"|\bor (?:earlier|prior) versions?\b"
    r"|\busing only\b|\bonly (?:the\s)?[\w/-]{2,30}\s(?:protocol|driver|adapter)\b"
    r"|^(?:you\s)?(?:apply|applying|install|installing|upgrad(?:e|ing))\s(?:service pack"
    r"|sp\d|the (?:service pack|update|hotfix))"
    r"|\bfor any reason\b|\bby using a specific\b|\bin this scenario\b"
    r"|\b(?:cannot|can't|could not) be\s\w+ed\b",
    re.IGNORECASE,
)
#: A condition that says what the admin does ("you start X", "you click Y"): it shows
#: the effect again after the fix, so it stays unless it also states a setting.
_DOES_RE = re.compile(
    r"^(?:you|a user|the user|users)\s(?:try to\s|attempt to\s)?(?!are\b|is\b|have\b|has\b"
    r"|were\b|use\b|run\b)[a-z]{2,20}\b",
    re.IGNORECASE,
)


#: A setting said so plainly that even a clause of what the admin does states it ("you
#: install X by using a specific user account").
_STRONG_RE = re.compile(
    r"\b(?:only|for any reason|or earlier|versions?\s[\d.]{1,12}|by using a specific)\b",
    re.IGNORECASE,
)


def _state(cond: str) -> bool:
    """Whether `cond` states a setting the problem needed, not only what the admin does."""
    if _STATE_RE.search(cond) is None:
        return False
    return _DOES_RE.match(cond) is None or _STRONG_RE.search(cond) is not None


def left_condition(verify: str) -> bool:
    """Whether a verify keeps a condition clause that states the symptom's setting (the
    bench's detector: the same reading as `without_conditions`)."""
    return without_conditions(verify) != verify


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
    # two conditions stacked, or one that states a setting: the setting, never a step
    if lead and (len(conds) >= 2 or any(_state(c) for c in conds)):
        new = f"C{lead.group('check')[1:]}"
    tail = _TAIL_RE.match(new)
    if tail and _state(tail.group("cond")):
        new = f"{tail.group('check').rstrip(' ,')}."
    if new == text:
        return verify
    return with_detail(new, detail)


#: "check that some folder permissions ... are migrated": the symptom's "some ... may not
#: be migrated" turned round word for word; every one of them must be.
_SOME_RE = re.compile(r"\b(?P<lead>[Cc]heck that )(?:some|certain)(?P<of> of)?\s(?=[a-z])")


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
_PROGRESS_RE = re.compile(
    r"\b(?:is|are)\s(?:starting|stopping|loading|initializing|being\s\w{3,20})\.?$"
    r"|\bwas (?:started|stopped) successfully\.?$|^please wait\b",
    re.IGNORECASE,
)
#: A line that says what fails.
_FAILS_RE = re.compile(
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
    if said is None or not _PROGRESS_RE.search(said.group("msg").strip().strip('"')):
        return verify
    lines = [" ".join(line.split()) for line in symptom_text.splitlines()]
    msg = " ".join(said.group("msg").split()).strip('"')
    at = next((n for n, line in enumerate(lines) if line.strip('"') == msg), None)
    if at is None:
        return verify
    for line in lines[at + 1 : at + 6]:
        if not line:
            break
        if _FAILS_RE.search(line) and not _PROGRESS_RE.search(line):
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
    if said is None or not _FAILS_RE.search(said.group("rest")[:200]):
        return message
    return f"{said.group('label') or ''}{said.group('rest')}"
