"""A verify never keeps the condition the chosen fix removes or avoids (round 28).

Readers mark "Start Disk Defragmenter while the Find Fast Indexer tool ... is running
again: check that Disk Defragmenter no longer restarts repeatedly" under "click Pause
Indexing, and then close the Find Fast tool", and "When the guest user is disabled in the
msdb database, check that you no longer receive error 916" under the query that enables
it: the symptom's condition clause names the very state the fix's steps change, so the
check sets up what the fix took away. The clause is dropped when it states a state (a
thing "is running", "is disabled", "compiled with /X") whose words the steps name; a
clause that says what the admin does ("When you start X, check that Y appears") still
holds after the fix and stays.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_detail, with_detail

#: "When <cond>, check that Y" (a leading condition), bounded: linear on long text.
_LEAD_RE = re.compile(
    r"^(?P<word>When|If|While|On|With)\s+(?P<cond>[^,:]{3,240}),\s+check that (?P<rest>.+)$",
    re.S,
)
#: "<Act> while <cond> again: check that Y": the redo's condition sub-clause.
_REDO_RE = re.compile(
    r"^(?P<act>[A-Z][^,:]{2,120}?)\s+(?P<word>while|when|if|with)\s+(?P<cond>[^,:]{3,240}?)"
    r"\s+again(?P<rest>(?::|, and) check that .+)$",
    re.S,
)
#: A condition that states a state: "is running", "is disabled", "compiled with".
_STATE_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:not\s+)?(?:\w{2,20}ly\s+)?"
    r"(?:running|open|active|enabled|disabled|installed|loaded|set|configured|turned|paused"
    r"|stopped|started|present|missing|used|selected|checked|cleared|mapped|shared|specified"
    r"|chosen|compiled|built)\b"
    r"|\b(?:compiled|built|linked|configured|set)\s+(?:with|to|using|without)\b"
    r"|\b(?:is|are)\s+(?:longer|shorter|larger|smaller|greater|higher|lower|less|more|bigger)"
    r"\s+than\b"
    # "with the Topic Titles Only option selected": the state after its noun
    r"|\s(?:selected|checked|enabled|disabled|running|loaded|installed|turned on|turned off)$",
    re.IGNORECASE,
)
#: A condition that says what someone does: it still holds after the fix.
_DOES_RE = re.compile(
    r"^(?:you|we|a user|the user|users|an? [\w-]{1,30} user|someone|an? administrator)\b"
    r"|\b(?:attempts?|tries|try|trying)\b",
    re.IGNORECASE,
)
#: A step that changes a state: stops, turns off, clears, sets it otherwise.
_CHANGE_RE = re.compile(
    r"\b(?:pause|stop|close|quit|exit|disable|enable|clear|uncheck|turn (?:off|on)|remove"
    r"|uninstall|delete|change|modify|reduce|increase|shorten|instead|rather than|no longer"
    r"|avoid|do not|don't|is not|initialize|unload|rename|grant|revoke|lower|higher)\b",
    re.IGNORECASE,
)
#: Words that name nothing the fix changes in particular.
_GENERIC = frozenset(
    "the and for with from into that this these those when while which what there their"
    " your you are was were been being have has had not does did will would can could may"
    " might some any all each more most other than then also only such both same very"
    " microsoft windows version versions computer system server file files program programs"
    " application applications following tool tools included using used user users run"
    " running runs start started starts open opens click value values data based device"
    " devices".split()
)


def _words(text: str) -> set[str]:
    """`text`'s content words (lowercased, four letters or more, names kept whole)."""
    found = (w.strip(".:") for w in re.findall(r"[a-z][a-z0-9/:_.-]{2,40}", text.casefold()))
    return {w for w in found if len(w) > 3 and w not in _GENERIC}


def _changed(cond: str, steps: list[str], check: str) -> bool:
    """Whether `cond` states a state the fix's `steps` name (two content words shared,
    or one flag or switch such as "/LARGEADDRESSAWARE:NO"); words the `check` itself
    names by name (the product, "Midtown Madness") tell nothing of what the fix changes."""
    if _DOES_RE.search(cond) or not _STATE_RE.search(cond):
        return False
    said = " ".join(split_detail(s)[0] for s in steps)
    names = _words(" ".join(re.findall(r"\b[A-Z][\w/.-]{0,40}", check)))
    shared = (_words(cond) & _words(said)) - names
    # a step that changes what the condition names ("click Pause Indexing ... close the
    # Find Fast tool", "GRANT CONNECT TO guest"); a step that only uses it changes nothing
    if not any(
        _CHANGE_RE.search(s) and len(_words(s) & shared) >= min(2, len(shared)) for s in steps
    ):
        return False
    return len(shared) >= 2 or any("/" in w or ":" in w for w in shared)


def drop_changed_condition(verify: str, steps: list[str]) -> str:
    """`verify` without the condition clause the chosen fix's `steps` change ("When the
    guest user is disabled in the msdb database, check that ..." -> "With the steps above
    in place, check that ..."); `verify` unchanged when it keeps none."""
    text, detail = split_detail(verify)
    if len(text) > 2000 or not steps:
        return verify
    lead = _LEAD_RE.match(text)
    if lead and _changed(lead.group("cond"), steps, lead.group("rest")):
        return with_detail(
            f"With the steps above in place, check that {lead.group('rest')}", detail
        )
    redo = _REDO_RE.match(text)
    if redo and _changed(redo.group("cond"), steps, f"{redo.group('act')} {redo.group('rest')}"):
        act, rest = redo.group("act"), redo.group("rest")
        said = f"With the steps above in place, {act[0].lower()}{act[1:]} again{rest}"
        if act.split()[0].isupper() or re.match(r"[A-Z]\w*[A-Z]", act):
            said = f"With the steps above in place, {act} again{rest}"  # "DBCC", "SQLServer"
        return with_detail(said, detail)
    return verify
